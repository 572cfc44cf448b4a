"""The persistent graph store: Oxigraph on disk, used through rdflib.

A build's quads go in through Oxigraph's bulk loader (adding them one by one through
rdflib, or in one RocksDB transaction, is several times slower and holds the whole build
in memory). The bulk loader is not transactional, so every write is bracketed by a
checkpoint of the store (hard links, cheap): if the write fails the checkpoint is put
back at once, and if the process dies mid-write, the next writer puts it back. Either way
a failed build leaves the store as it was.

Locking (kg/lock.py): a writer holds an exclusive lock on the output folder from open to
close, and only a writer, under that lock, ever restores a checkpoint. A reader holds a
shared lock and opens RocksDB read-only: it never creates, repairs or deletes a file, so
a damaged store stays as it is, and a store on a read-only disk can still be queried. A
reader that finds the mark of a write whose writer died reads the checkpoint, which is
the last committed state.

Queries go through rdflib's Dataset, which hands SPARQL to Oxigraph with the union of
all graphs as the default graph.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Dataset, URIRef
from rdflib.query import Result

from .errors import QueryError, StoreDamagedError, StoreError
from .faults import store_error
from .lock import FolderLock
from .models import ENTITY_TYPES
from .query import explain_syntax_error
from .rdf import bind_prefixes
from .terms import Quad, RdfQuad, as_ox
from .vocab import ENTITY, PREFIXES, slug

if TYPE_CHECKING:
    from .bounded import Limits

STORE_DIR = "store"
CHECKPOINT_DIR = "store.checkpoint"  # the store as it was before the write under way
WRITING_MARK = "store.writing"  # present while a write is under way; its checkpoint is complete
# Test seam (documented in the README): with KG_TEST_STOP_IN_WRITE=1 a writer stops itself
# with SIGSTOP right after the bulk load, before the write is committed, so tests can run
# other commands or SIGKILL it at the most delicate moment. Nothing else reads it.
STOP_IN_WRITE_ENV = "KG_TEST_STOP_IN_WRITE"
SPARQL_PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
    # entities by type, as in kg.ttl and kg query's tables: person:valery-zaluzhny
    **{slug(t): f"{ENTITY}{slug(t)}/" for t in ENTITY_TYPES},
}


def store_path(out_dir: Path) -> Path:
    return out_dir / STORE_DIR


class Store:
    """An open on-disk graph store. Use as a context manager."""

    def __init__(
        self,
        path: Path,
        inner: ox.Store,
        *,
        lock: FolderLock | None = None,
        writable: bool = True,
        source: Path | None = None,
    ) -> None:
        self.path = path
        self.inner = inner
        self.lock = lock
        self.writable = writable
        self.source = source or path  # the folder RocksDB has open: the store, or the checkpoint
        self.dataset = Dataset(store=_CheckedStore(path, inner), default_union=True)
        bind_prefixes(self.dataset)

    @classmethod
    def open(cls, out_dir: Path, *, create: bool = False, write: bool | None = None, wait: float = 0.0) -> Store:
        """Open the store in an output folder: read-only unless asked to write (create implies write).

        A writer excludes every other process; readers exclude writers only. If the folder
        is locked, wait up to `wait` seconds for it, then fail with StoreBusyError.
        """
        writing = create if write is None else write
        path = store_path(out_dir)
        if not out_dir.is_dir() and not create:
            raise _no_store(out_dir)
        if create:
            try:
                out_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"{out_dir}: cannot create the output folder ({exc.strerror or exc}); choose a writable --out"
                ) from exc
        lock = FolderLock.take(out_dir, exclusive=writing, wait=wait)
        try:
            if writing:
                return cls._open_writer(out_dir, path, lock, create=create)
            return cls._open_reader(out_dir, path, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_writer(cls, out_dir: Path, path: Path, lock: FolderLock, *, create: bool) -> Store:
        _recover(out_dir)  # under the exclusive lock: no other process is reading or writing
        if not path.is_dir():
            if not create:
                raise _no_store(out_dir)
            try:
                path.mkdir(parents=True)
            except OSError as exc:
                raise StoreError(
                    f"{out_dir}: cannot create the store ({exc.strerror or exc}); choose a writable --out"
                ) from exc
        _check_complete(path)  # RocksDB would start an empty store over a damaged one
        try:
            inner = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            raise store_error(path, exc, writing=True) from exc
        return cls(path, inner, lock=lock, writable=True)

    @classmethod
    def _open_reader(cls, out_dir: Path, path: Path, lock: FolderLock) -> Store:
        checkpoint = out_dir / CHECKPOINT_DIR
        if (out_dir / WRITING_MARK).exists() and checkpoint.is_dir():
            source = checkpoint  # a writer died mid-write: the checkpoint is the last committed state
        elif path.is_dir():
            source = path
        else:
            raise _no_store(out_dir)
        _check_complete(source)
        try:
            inner = ox.Store.read_only(str(source))
        except (OSError, RuntimeError) as exc:
            raise store_error(path, exc, writing=False) from exc
        return cls(path, inner, lock=lock, writable=False, source=source)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (and its lock) now, not whenever garbage collection runs."""
        if self.writable:
            with contextlib.suppress(OSError, RuntimeError):
                self.inner.flush()
        self._release()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _release(self) -> None:
        self.dataset.store._store = None  # type: ignore[attr-defined]  # oxrdflib keeps the only other reference
        held = sys.getrefcount(self.inner) > 2  # more than this attribute and the call's argument
        del self.dataset, self.inner
        if held:  # only a collection frees what holds it still (a full one costs 0.5 s with a model loaded)
            gc.collect()

    def article_ids(self) -> set[str]:
        """Ids of the articles already in the store."""
        query = "SELECT ?id WHERE { GRAPH ?g { ?a a kg:Article ; dcterms:identifier ?id } }"
        return {str(row[0]) for row in self.select(query)}

    def add_quads(self, quads: Iterable[Quad | RdfQuad]) -> int:
        """Add quads (pyoxigraph's, or tuples of rdflib terms), all of them or none.

        A failed or interrupted write is rolled back. Returns the number of quads given.
        """
        return self.write([as_ox(quad) for quad in quads])

    def write(self, quads: list[Quad], *, drop_graphs: Iterable[URIRef] = (), drop_quads: Iterable[Quad] = ()) -> int:
        """Drop whole graphs and single quads, then add quads: one change, all of it or none.

        Returns the number of quads added.
        """
        if not self.writable:
            raise StoreError(f"{self.path}: the store was opened read-only; open it with write=True to add quads")
        graphs, dropped = [ox.NamedNode(str(g)) for g in drop_graphs], list(drop_quads)
        if not quads and not graphs and not dropped:
            return 0
        out_dir = self.path.parent
        checkpoint, mark = out_dir / CHECKPOINT_DIR, out_dir / WRITING_MARK
        partial = out_dir / (CHECKPOINT_DIR + ".partial")
        try:
            for stale in (partial, checkpoint):  # no write is under way: any checkpoint is stale
                shutil.rmtree(stale, ignore_errors=True)
            self.inner.flush()
            self.inner.backup(str(partial))
            partial.rename(checkpoint)
            mark.write_text("a kg build is writing to store/; if it died, kg restores store.checkpoint/\n")
        except OSError as exc:
            shutil.rmtree(partial, ignore_errors=True)
            raise StoreError(
                f"{self.path}: cannot checkpoint the store before writing ({exc}); nothing was added"
            ) from exc
        try:
            for graph in graphs:
                self.inner.remove_graph(graph)
            for quad in dropped:
                self.inner.remove(quad)
            if quads:
                self.inner.bulk_extend(quads)
            _stop_in_write()
            self.inner.flush()
        except (OSError, RuntimeError) as exc:
            self._release()
            _recover(out_dir)
            self._reopen()
            raise store_error(self.path, exc, writing=True, outcome="nothing was added") from exc
        mark.unlink()
        shutil.rmtree(checkpoint, ignore_errors=True)
        return len(quads)

    def snapshot(self, target: Path) -> None:
        """A RocksDB checkpoint of the store as it is now (hard links, cheap), in the new folder target."""
        try:
            if self.writable:
                self.inner.flush()
            self.inner.backup(str(target))
        except (OSError, RuntimeError) as exc:
            raise store_error(self.path, exc, writing=True) from exc

    def _reopen(self) -> None:
        self.__init__(self.path, ox.Store(str(self.path)), lock=self.lock)  # type: ignore[misc]

    def query(self, sparql: str) -> Result:
        """Run SPARQL over the union of all graphs; kg's usual prefixes are predefined.

        The rows are read before this returns, so that a read error is an error here.
        """
        try:
            return self.dataset.query(sparql, initNs=SPARQL_PREFIXES)
        except SyntaxError as exc:
            raise syntax_error(str(exc), sparql) from exc
        except (OSError, RuntimeError) as exc:
            raise store_error(self.path, exc, writing=False) from exc
        except ValueError as exc:
            raise QueryError(f"the query failed: {_one_line(exc)}") from exc

    def run(self, sparql: str, limits: Limits | None = None) -> Result:
        """Run a user's query like query(), in a child process under a time limit and a memory bound."""
        from .bounded import Limits, run_query

        return run_query(self.source, sparql, SPARQL_PREFIXES, limits or Limits(), where=self.path)

    def select(self, sparql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.query(sparql)]  # type: ignore[arg-type]

    def count(self) -> int:
        with self._reading():
            return len(self.inner)

    def named_graphs(self) -> list[URIRef]:
        with self._reading():
            return sorted(URIRef(g.value) for g in self.inner.named_graphs())

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        """All quads in a quad format (N-Quads, TriG), straight from Oxigraph."""
        with self._reading():
            return bytes(self.inner.dump(format=fmt))  # type: ignore[arg-type]

    def union_triples(self) -> list[ox.Triple]:
        """Every distinct triple of every named graph, sorted.

        Read quad by quad, not with CONSTRUCT: Oxigraph drops a triple it cannot read from a
        CONSTRUCT result without a word, but raises the error here.
        """
        with self._reading():
            found = {
                ox.Triple(q.subject, q.predicate, q.object)
                for q in self.inner.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph)
            }
        return sorted(found, key=str)

    def quads(self) -> list[ox.Quad]:
        """Every quad of the store."""
        with self._reading():
            return list(self.inner.quads_for_pattern(None, None, None, None))

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except (OSError, RuntimeError) as exc:
            raise store_error(self.path, exc, writing=False) from exc


def _recover(out_dir: Path) -> None:
    """Put back the checkpoint of a write that did not finish; drop leftovers of one that did."""
    checkpoint, mark = out_dir / CHECKPOINT_DIR, out_dir / WRITING_MARK
    try:
        if mark.exists() and checkpoint.is_dir():
            shutil.rmtree(store_path(out_dir), ignore_errors=True)
            checkpoint.rename(store_path(out_dir))
        mark.unlink(missing_ok=True)
        shutil.rmtree(checkpoint, ignore_errors=True)
        shutil.rmtree(out_dir / (CHECKPOINT_DIR + ".partial"), ignore_errors=True)
    except OSError as exc:
        raise StoreError(f"{out_dir}: cannot restore the store after an interrupted build ({exc})") from exc


class _CheckedStore(OxigraphStore):
    """Oxigraph for rdflib, reading every row of a result at once, so that a read error is raised as one."""

    def __init__(self, path: Path, inner: ox.Store) -> None:
        super().__init__(store=inner)
        self.kg_path = path

    def query(self, *args: Any, **kwargs: Any) -> Result:
        try:
            result = super().query(*args, **kwargs)
            if result.type == "SELECT":
                result.bindings = list(result.bindings)
            return result
        except (OSError, RuntimeError) as exc:
            raise store_error(self.kg_path, exc, writing=False) from exc

    def triples(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        try:
            yield from super().triples(*args, **kwargs)
        except (OSError, RuntimeError) as exc:
            raise store_error(self.kg_path, exc, writing=False) from exc


def syntax_error(message: str, sparql: str) -> QueryError:
    """A SPARQL parser's error as one line, in words, with its position."""
    return QueryError(explain_syntax_error(message, sparql, SPARQL_PREFIXES))


def _no_store(out_dir: Path) -> StoreError:
    return StoreError(f"{out_dir}: no kg store here; build one with: kg build ARTICLES --out {out_dir}")


def _check_complete(path: Path) -> None:
    """A store folder that has files but no CURRENT is damaged: say so rather than let RocksDB guess."""
    try:
        has_files = any(path.iterdir())
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store folder ({exc.strerror or exc})") from exc
    if has_files and not (path / "CURRENT").is_file():
        raise StoreDamagedError(
            f"{path}: the store is damaged (its CURRENT file is missing); it was left as it is: "
            f"restore it from a backup or rebuild it with: kg build ARTICLES --out NEW_FOLDER"
        )


def _stop_in_write() -> None:
    if os.environ.get(STOP_IN_WRITE_ENV) == "1":
        os.kill(os.getpid(), signal.SIGSTOP)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
