"""The main job: articles -> extraction -> store, streamed in batches that commit whole.

1. Every input is read and checked first; only ids, hashes, sources and word counts are
   kept, not the texts.
2. Articles already stored (same content hash) are skipped, so a re-run with nothing new
   loads no model and writes nothing, and a killed build resumes where it stopped.
3. The others are read again and flow in batches of `BATCH_SIZE` through parse and extract
   (`kg.pipeline`, in `jobs` processes), resolve against the actors already stored
   (`kg.known`: earlier builds and earlier batches of this one), and into the store, each
   batch in one all-or-nothing write. Memory stays flat in the corpus size.
4. An article whose origin (url, else file name; `kg.articles`) is stored with another
   text replaces the stored one in the same write (see `kg.removal`). A stored text read
   from a new origin (a renamed file) has its origin updated, so that its next change
   replaces it.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from .actors.resolve import resolve
from .articles import find_files, read_articles
from .counts import Counts, store_counts
from .errors import InputError, StoreError
from .files import ensure_writable_dir, exchange
from .known import KnownActors
from .lock import FolderLock
from .models import Article
from .nlp import check_model
from .pipeline import PARSE_BATCH, extract_batches, release_memory
from .pipeline import extract as extract  # re-exported: kg extract and the Dask shards call it from here
from .pipeline import extractor_name as extractor_name
from .rdf import extraction_quads, ontology_quads, origin_quad
from .remote import open_store
from .removal import orphan_quads
from .store import Store, store_path
from .terms import Quad
from .vocab import article_iri

__all__ = [
    *("BATCH_SIZE", "BuildProgress", "BuildReport", "build", "extract", "extractor_name", "rebuild", "scan"),
    "stored_actors",
]

T = TypeVar("T")
BATCH_SIZE = 32  # articles per committed batch: a killed build loses at most this much work
REBUILD_DIR = "rebuild.partial"  # a --rebuild builds its new store here, beside the old one
RUNNING_MARK = "build.running"  # present while a build is adding batches; left behind if it died
STORED_ARTICLES = """
SELECT ?id ?source ?origin WHERE {
  GRAPH ?g { ?a a kg:Article ; dcterms:identifier ?id ; dcterms:source ?source . OPTIONAL { ?a kg:origin ?origin } }
}"""


@dataclass(frozen=True, slots=True)
class InputArticle:
    """What a build keeps of an input article between reading it and parsing it: no text."""

    id: str
    origin: str  # url, else file name (+ '#id' of a JSON record): what a changed text is matched by
    words: int


@dataclass(frozen=True, slots=True)
class BuildProgress:
    """How far a build is: articles and words done, out of those it has to do."""

    batch: int  # articles in the batch just stored
    done: int
    total: int
    words_done: int
    words_total: int
    seconds: float

    @property
    def words_per_second(self) -> float:
        return self.words_done / self.seconds if self.seconds > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        rate = self.words_per_second
        return (self.words_total - self.words_done) / rate if rate > 0 else None


@dataclass(frozen=True, slots=True)
class BuildReport:
    articles: int  # articles read from the inputs
    added: int  # new articles stored by this build
    skipped: int  # already in the store
    entities: int
    statements: int
    quads: int
    seconds: float
    before: Counts = Counts()  # what the store held before this build
    after: Counts = Counts()  # and after it
    replaced: int = 0  # of the added: new texts of a stored source, which they replaced
    resumed: bool = False  # an earlier build on this store had died before finishing
    moved: int = 0  # stored texts read from a new origin (renamed files), whose kg:origin was updated

    @property
    def changed(self) -> bool:
        """True when the store changed (or may have: an interrupted build was resumed)."""
        return bool(self.added or self.resumed or self.moved) or self.after != self.before

    def summary(self) -> str:
        """What was read, what was added, and what the store holds now, in kg.counts' units.

        >>> BuildReport(5, 2, 3, 0, 0, 0, 2.54, Counts(3, 9, 4, 1, 90), Counts(5, 12, 4, 1, 120)).summary()
        '5 articles read: 2 added, 3 already stored; the store now holds 5 articles (+2), \
12 actors (+3), 4 concepts, 1 situation, 120 statements (+30); 2.5 s'
        >>> BuildReport(2, 1, 1, 0, 0, 0, 1.0, Counts(2), Counts(2), replaced=1, resumed=True).summary()
        '2 articles read: 1 added (replacing 1 changed article), 1 already stored (resumed an interrupted \
build); the store holds 2 articles, 0 actors, 0 concepts, 0 situations, 0 statements (unchanged); 1.0 s'
        >>> BuildReport(3, 0, 3, 0, 0, 0, 0.4, Counts(3), Counts(3), moved=2).summary().split(";")[0]
        '3 articles read: 0 added, 3 already stored (2 of them now read from another file or url)'
        """
        replaced = f" (replacing {self.replaced:,} changed article{'' if self.replaced == 1 else 's'})"
        notes = [f"{self.moved:,} of them now read from another file or url"] if self.moved else []
        notes += ["resumed an interrupted build"] if self.resumed else []
        resumed = f" ({'; '.join(notes)})" if notes else ""
        return (
            f"{self.articles:,} article{'' if self.articles == 1 else 's'} read: {self.added:,} added"
            f"{replaced if self.replaced else ''}, {self.skipped:,} already stored{resumed}; "
            f"the store {describe_change(self.before, self.after)}; {self.seconds:.1f} s"
        )


def describe_change(before: Counts, after: Counts) -> str:
    """'now holds 5 articles (+2), ...', 'holds ... (unchanged)', or, for a new store, 'now holds ...'."""
    if after == before:
        return f"holds {after.describe()} (unchanged)"
    if before == Counts():
        return f"now holds {after.describe()}"
    parts = []
    for part, was, now in zip(after.describe().split(", "), astuple(before), astuple(after), strict=True):
        parts.append(part if now == was else f"{part} ({now - was:+,})")
    return "now holds " + ", ".join(parts)


def scan(paths: Iterable[Path]) -> tuple[list[Path], list[InputArticle]]:
    """Read and check every input (all of them, before anything is written); keep no text.

    Duplicates (the same text twice) are kept once, the first one seen.
    """
    files = find_files(paths)
    found: dict[str, InputArticle] = {}
    for file in files:
        for a in read_articles(file):
            if a.id not in found:
                found[a.id] = InputArticle(a.id, a.origin, len(a.text.split()))
    return files, list(found.values())


def _reread(files: list[Path], wanted: list[InputArticle]) -> Iterator[Article]:
    """The wanted articles again, in input order (a second pass over the files)."""
    order = {a.id: n for n, a in enumerate(wanted)}
    emitted = 0
    for file in files:
        for article in read_articles(file):
            if order.get(article.id) == emitted:
                emitted += 1
                yield article
    if emitted != len(wanted):
        raise InputError(
            f"{files[0].parent if files else '.'}: input files changed during the build; run the build again"
        )


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive runs of ``size`` items (the last one shorter): the batches a build commits."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def stored_actors(store: Store) -> list[tuple[str, str, str]]:
    """(key, label, type) of the actors already stored, so that a later build reuses their IRIs."""
    return KnownActors.from_store(store).rows()


def build(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[BuildProgress], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    wait: float = 0.0,
    store_url: str | None = None,
) -> BuildReport:
    """Read every input, then stream the articles not yet stored into the store, batch by batch.

    All inputs are read and checked, and the output folder tested, before anything is written.
    Each batch is stored whole or not at all; a build that fails or is killed leaves the
    store as after its last whole batch, and running it again resumes from there.
    """
    started = time.perf_counter()
    files, inputs = scan(paths)
    ensure_writable_dir(out_dir)
    check_model(model)
    mark = out_dir / RUNNING_MARK
    with open_store(out_dir, store_url, create=True, wait=wait) as store:
        resumed = mark.exists()  # read under the lock: a build we waited for had its own mark
        before = store_counts(store)
        by_origin: dict[str, set[str]] = {}
        origins: dict[str, set[str]] = {}  # stored id -> its kg:origin values (none: a store from before them)
        for id_, source, origin in store.select(STORED_ARTICLES):
            origins.setdefault(str(id_), set()).update({str(origin)} if origin is not None else ())
            by_origin.setdefault(str(source if origin is None else origin), set()).add(str(id_))
        stored = set(origins)
        input_ids = {a.id for a in inputs}
        todo = [a for a in inputs if a.id not in stored]
        replaces = {a.id: sorted(by_origin.get(a.origin, set()) - input_ids) for a in todo}
        replaced = sum(1 for old in replaces.values() if old)
        moved = [a for a in inputs if a.id in stored and origins[a.id] != {a.origin}]
        if moved:  # renamed files: the stored texts now come from here (no model needed)
            store.write(
                [origin_quad(a.id, a.origin) for a in moved],
                drop_quads=[origin_quad(a.id, o) for a in moved for o in sorted(origins[a.id])],
            )
        entities: set[str] = set()
        statements = quads = 0
        if on_start is not None:
            on_start(len(todo))
        if todo:
            mark.write_text("a kg build is adding batches to store/; running it again resumes it\n")
            known = KnownActors.from_store(store) if stored else KnownActors()
            words_total, words_done, done = sum(a.words for a in todo), 0, 0
            words = {a.id: a.words for a in todo}
            todo_batches = batches(_reread(files, todo), batch_size)
            first = not stored
            jobs = n_process if len(todo) > PARSE_BATCH else 1  # one chunk: no worker can help
            for batch, extractions in extract_batches(todo_batches, model=model, jobs=jobs):
                resolved = resolve(extractions, known=known.relevant(e for x in extractions for e in x.entities))
                batch_quads: list[Quad] = list(ontology_quads()) if first else []
                for x in resolved:
                    batch_quads.extend(extraction_quads(x))
                old = [article_iri(i) for a in batch for i in replaces[a.id]]
                drop = orphan_quads(store, old, batch_quads) if old else []
                store.write(batch_quads, drop_graphs=old, drop_quads=drop)
                known.drop(drop)
                known.add_quads(batch_quads)
                release_memory()  # what the batch's quads and extractions took goes back to the system
                first = False
                entities.update(e.key for x in resolved for e in x.entities)
                statements += sum(len(x.statements) for x in resolved)
                quads += len(batch_quads)
                done += len(batch)
                words_done += sum(words[a.id] for a in batch)
                if progress is not None:
                    seconds = time.perf_counter() - started
                    progress(BuildProgress(len(batch), done, len(todo), words_done, words_total, seconds))
        after = store_counts(store) if todo else before
    mark.unlink(missing_ok=True)
    return BuildReport(
        articles=len(inputs),
        added=len(todo),
        skipped=len(inputs) - len(todo),
        entities=len(entities),
        statements=statements,
        quads=quads,
        seconds=time.perf_counter() - started,
        before=before,
        after=after,
        replaced=replaced,
        resumed=resumed,
        moved=len(moved),
    )


def rebuild(
    paths: Iterable[Path], out_dir: Path, *, wait: float = 0.0, store_url: str | None = None, **options: Any
) -> BuildReport:
    """Build a new store from the inputs alone, beside the old one, and swap it in when complete.

    Until the swap the old store is untouched and readable; a rebuild that fails or is
    killed leaves it as it was, and the next --rebuild starts over. All along the rebuild
    holds the folder's lock shared, so readers go on reading the old store while another
    writer is refused (its articles would be lost by the swap); for the swap it takes the
    lock exclusively and exchanges the two stores in one rename.
    """
    if store_url is not None:
        raise StoreError("--rebuild works on the embedded store only; drop the remote graphs and build again")
    fresh = out_dir / REBUILD_DIR
    ensure_writable_dir(out_dir)
    before = Counts()
    if store_path(out_dir).is_dir():
        with Store.open(out_dir, wait=wait) as old:
            before = store_counts(old)
    guard = FolderLock.take(out_dir, exclusive=False, wait=wait)
    try:
        shutil.rmtree(fresh, ignore_errors=True)
        report = build(paths, fresh, wait=wait, **options)
        guard.make_exclusive(wait=wait)
        if store_path(out_dir).is_dir():
            exchange(store_path(fresh), store_path(out_dir))  # the old store is now in fresh/
        else:
            store_path(fresh).rename(store_path(out_dir))
        shutil.rmtree(fresh, ignore_errors=True)
    finally:
        guard.release()
    return replace(report, before=before, skipped=0, resumed=False)
