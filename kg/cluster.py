"""Builds beyond one machine: extraction of shards on Dask workers, resolution and loading in batches.

Extraction of one article never needs another, so it is the stage that scales out: each
worker reads its shard of input files and parses and extracts them (a pure function of
the files and the spaCy model). Resolution (one entity per actor across articles,
against the actors already stored) and loading are the global steps, as in a local
build: they run where :func:`build` is called, batch by batch, on plain data that the
workers send back (no spaCy object leaves a worker). So a cluster build gives the same graph as
``kg build`` on the same articles into the same store.

On a real cluster, the shard files must be readable by the workers at the same paths
(a shared or network file system), every worker needs ``kg`` and its spaCy model
installed, and the store is best a SPARQL server that the machine calling
:func:`build` can reach (``store_url``)::

    from dask.distributed import Client
    from kg.cluster import build, shards_of

    client = Client("tcp://scheduler:8786")
    build(shards_of(["/shared/corpus"], 64), Path("out"), client, store_url="http://db:7878/query")
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .actors.resolve import resolve
from .articles import find_files, load
from .build import BATCH_SIZE, batches, extract
from .files import ensure_writable_dir
from .known import KnownActors
from .models import Extraction
from .nlp import load_model
from .rdf import extraction_quads, ontology_quads
from .remote import open_store
from .terms import Quad, as_ox


@dataclass(frozen=True, slots=True)
class ClusterReport:
    extracted: int  # articles extracted on the workers (those not stored yet)
    added: int  # stored by this build (an article found in two shards counts once)
    quads: int
    shards: int
    seconds: float

    def summary(self) -> str:
        return (
            f"{self.shards} shards: {self.extracted} articles extracted, {self.added} added, "
            f"{self.quads} quads; {self.seconds:.1f} s"
        )


def shards_of(paths: Iterable[Path | str], count: int) -> list[list[str]]:
    """The input files under ``paths``, in the order a local build reads them, cut into at most ``count`` shards.

    Shards are runs of consecutive files, so that putting their results end to end keeps
    the order of a local build.
    """
    files = [str(f) for f in find_files([Path(p) for p in paths])]
    count = max(1, min(count, len(files)))
    size, extra = divmod(len(files), count)
    shards, start = [], 0
    for n in range(count):
        end = start + size + (1 if n < extra else 0)
        shards.append(files[start:end])
        start = end
    return [s for s in shards if s]


def extract_shard(
    files: Sequence[str], skip: frozenset[str] = frozenset(), model: str | None = None
) -> list[Extraction]:
    """On a worker: read a shard's files, parse and extract the articles not in ``skip`` (ids).

    The model is loaded once per worker process (kg.nlp.load_model is cached).
    """
    articles = [a for a in load([Path(f) for f in files]) if a.id not in skip]
    return list(extract(articles, load_model(model))) if articles else []


def build(
    shards: Sequence[Sequence[str]],
    out_dir: Path,
    client: Any,
    *,
    model: str | None = None,
    store_url: str | None = None,
    batch_size: int = BATCH_SIZE,
    window: int | None = None,
) -> ClusterReport:
    """Extract the shards on the Dask ``client``'s workers, then resolve and store them batch by batch.

    Articles already in the store are skipped (the workers are told their ids); an
    article found in two shards is kept once, the first time. The extractions come back
    in shard order and are cut into batches of ``batch_size`` articles, exactly as a
    local build cuts its articles, and each batch is resolved against the actors stored
    before it and written all or nothing. So the graph is a local build's, a run that
    fails or is killed leaves the store as after its last whole batch (running it again
    resumes), and memory holds at most ``window`` shards' extractions (default: twice
    the workers' threads) plus one batch.
    """
    started = time.perf_counter()
    ensure_writable_dir(out_dir)
    with open_store(out_dir, store_url, create=True) as store:
        stored = store.article_ids()
        known = KnownActors.from_store(store) if stored else KnownActors()
        width = window or max(1, 2 * sum(client.nthreads().values()))
        found = _InOrder(client, shards, frozenset(stored), model, width)
        seen: set[str] = set()
        first, added, quads = not stored, 0, 0
        for batch in batches(_first_of_each(found, seen, stored), batch_size):
            resolved = resolve(batch, known=known.relevant(e for x in batch for e in x.entities))
            batch_quads: list[Quad] = list(ontology_quads()) if first else []
            for x in resolved:
                batch_quads.extend(extraction_quads(x))
            store.write(batch_quads)
            known.add_quads(batch_quads)
            first = False
            added += len(resolved)
            quads += len(batch_quads)
    return ClusterReport(
        extracted=found.read,
        added=added,
        quads=quads,
        shards=len(shards),
        seconds=time.perf_counter() - started,
    )


class _InOrder:
    """The extractions of the shards in shard order, with at most ``width`` shards submitted at once."""

    def __init__(
        self, client: Any, shards: Sequence[Sequence[str]], skip: frozenset[str], model: str | None, width: int
    ) -> None:
        self.client, self.shards, self.skip, self.model, self.width = client, shards, skip, model, width
        self.read = 0

    def __iter__(self) -> Iterator[Extraction]:
        pending: deque[Any] = deque()
        todo = iter(self.shards)
        for shard in itertools.islice(todo, self.width):
            pending.append(self._submit(shard))
        while pending:
            future = pending.popleft()
            extractions: list[Extraction] = future.result()
            future.release()
            for shard in itertools.islice(todo, 1):
                pending.append(self._submit(shard))
            self.read += len(extractions)
            yield from extractions

    def _submit(self, shard: Sequence[str]) -> Any:
        return self.client.submit(extract_shard, list(shard), skip=self.skip, model=self.model, pure=False)


def _first_of_each(extractions: Iterable[Extraction], seen: set[str], stored: set[str]) -> Iterator[Extraction]:
    for x in extractions:
        if x.article.id not in seen and x.article.id not in stored:
            seen.add(x.article.id)
            yield x


def shard_quads(
    paths: Iterable[Path], *, model: str | None = None, known: Iterable[tuple[str, str, str]] = ()
) -> list[Quad]:
    """The quads of a shard's articles, resolved among themselves and against ``known`` actors.

    A pure function of the input and the snapshot of stored actors: for one shard it is
    what ``kg build`` of those articles would add to the store the snapshot came from
    (the ontology included, which loading twice does not change).
    """
    articles = load(paths)
    resolved = resolve(list(extract(articles, load_model(model))), known=list(known))
    quads: list[Quad] = list(ontology_quads())
    for x in resolved:
        quads.extend(extraction_quads(x))
    return quads


def as_nquads(quads: Iterable[Quad]) -> str:
    """Sorted N-Quads of the quads as a store holds them (Oxigraph writes literals canonically: 0.300 as 0.3).

    So that the N-Quads of a shard are byte for byte what ``kg export --format nquads`` prints once they
    are loaded.
    """
    store = ox.Store()
    store.bulk_extend([as_ox(quad) for quad in quads])
    lines = bytes(store.dump(format=ox.RdfFormat.N_QUADS)).decode("utf-8").splitlines(keepends=True)  # type: ignore[arg-type]
    return "".join(sorted(line for line in lines if line.strip()))
