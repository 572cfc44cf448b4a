"""Parse and extract batches of articles, in this process or in worker processes.

Extraction of one article never needs another, so with ``jobs > 1`` each worker runs
spaCy *and* kg's extraction on chunks of a batch and sends back plain `Extraction`s (no
spaCy object crosses a process), while this process resolves and stores the previous
batch. With ``jobs == 1`` everything runs here, as bare spaCy would. Chunks are the same
either way (at most `PARSE_BATCH` texts and `PARSE_CHARS` characters), so a graph does not
depend on the jobs.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from . import __version__
from .extract.statements import extract_article
from .models import Article, Extraction
from .nlp import check_model, load_model, model_version, parse

PARSE_BATCH = 16  # texts per spaCy batch (and per task sent to a worker)
# ... and at most so many characters: a process's peak memory follows its heaviest chunk, so
# a chunk of long features must not hold 16 of them (one longer text is a chunk of its own).
# Among the first 300 BBC articles the heaviest 16 hold 38,000; among 3,000 articles, 64,000.
PARSE_CHARS = 40_000
AHEAD = 2  # batches in flight beyond the one being stored


def extractor_name(nlp: Any) -> str:
    return f"kg {__version__} ({model_version(nlp)})"


def extract_chunk(articles: list[Article], model: str | None) -> list[Extraction]:
    """Parse and extract one chunk of articles (in a worker, or here)."""
    return extract_with(load_model(model), articles)


def extract(articles: Iterable[Article], nlp: Any) -> Iterator[Extraction]:
    """Parse and extract each article with a loaded pipeline, chunk by chunk; one Extraction each, in order."""
    for chunk in chunks(list(articles)):
        yield from extract_with(nlp, chunk)


def extract_with(nlp: Any, articles: list[Article]) -> list[Extraction]:
    """Parse and extract a few articles (a spaCy batch) with a loaded pipeline."""
    extractor = extractor_name(nlp)
    # The words spaCy meets are added to its vocabulary for good, so a long build would grow
    # without bound; in a memory zone they are dropped again at its end. No spaCy object
    # outlives the chunk: an Extraction holds plain values only.
    with nlp.memory_zone():
        docs = parse(nlp, (a.text for a in articles), batch_size=PARSE_BATCH)
        extractions = [_extract_and_free(doc, a, extractor) for a, doc in zip(articles, docs, strict=True)]
    release_memory()
    return extractions


def _extract_and_free(doc: Any, article: Article, extractor: str) -> Extraction:
    """Extract one parsed article, then drop kg's per-doc tables (tokens, sentences, quotes).

    Those tables hold spaCy objects that refer back to their doc; left in place, each doc of
    a chunk waits for the cycle collector instead of being freed as soon as it is done.
    """
    try:
        return extract_article(doc, article, extractor=extractor)
    finally:
        doc.user_data.clear()


def _malloc_trim() -> Any:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None).malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def release_memory() -> None:
    """Give the memory freed by a chunk back to the system.

    glibc keeps what a parse frees (spaCy's and thinc's arrays, kg's per-doc tables) in its
    arenas, scattered so that little is reused, and a process grew from 250 to 450 MiB over
    1,200 articles; trimmed after each chunk it stayed at 160-240 MiB over 1,600 (RSS read
    from /proc after each chunk by a scratch script; README, "Speed and memory").
    """
    if _TRIM is not None:
        _TRIM(0)


def _watch_parent(parent: int) -> None:
    """In a worker: end when the build that started it is gone (killed builds leave no workers).

    A worker's parent process is the fork server, which ends with the build; the worker then
    has another parent. The build's own pid is watched too, in case the server outlives it.
    """
    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server and _alive(parent):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kg-watch-parent", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user: not the build, but one that exists
    return True


def _workers(model: str | None) -> Any:
    """Worker processes forked from a fork server that has imported spaCy and kg and loaded the model once.

    Spawned workers each imported them and loaded the model again (3-4 CPU seconds apiece
    on this machine); the fork server is a fresh process, so no worker is a fork of this one
    and its store's threads.
    """
    os.environ["KG_WORKER_MODEL"] = model or ""  # read by kg._worker_preload in the server
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.pipeline", "kg._worker_preload"])
    return context


def chunks(articles: list[Article]) -> list[list[Article]]:
    """The articles in order, cut into chunks of at most PARSE_BATCH texts and PARSE_CHARS characters."""
    found: list[list[Article]] = []
    chunk: list[Article] = []
    size = 0
    for a in articles:
        if chunk and (len(chunk) == PARSE_BATCH or size + len(a.text) > PARSE_CHARS):
            found.append(chunk)
            chunk, size = [], 0
        chunk.append(a)
        size += len(a.text)
    return [*found, chunk] if chunk else found


def extract_batches(
    batches: Iterable[list[Article]], *, model: str | None = None, jobs: int = 1
) -> Iterator[tuple[list[Article], list[Extraction]]]:
    """Yield each batch with its extractions, in order; `jobs` processes do the parsing."""
    check_model(model)
    if jobs <= 1:
        for batch in batches:
            yield batch, list(extract(batch, load_model(model)))
        return
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=_workers(model), initializer=_watch_parent, initargs=(os.getpid(),)
    )
    pending: deque[tuple[list[Article], list[Future[list[Extraction]]]]] = deque()
    try:
        for batch in batches:
            pending.append((batch, [pool.submit(extract_chunk, c, model) for c in chunks(batch)]))
            if len(pending) > AHEAD:
                done, futures = pending.popleft()
                yield done, [x for f in futures for x in f.result()]
        while pending:
            done, futures = pending.popleft()
            yield done, [x for f in futures for x in f.result()]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _stop_fork_server()


def _stop_fork_server() -> None:
    """End the fork server with the pool (it would end with this process anyway), so that it is
    waited for and its workers' CPU time and memory count as this process's children's."""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:  # CPython's own, not public API: without it the server ends at exit
        stop()
