"""The persistent graph store: Oxigraph on disk, used through rdflib.

A build's quads go in through Oxigraph's bulk loader (adding them one by one through
rdflib, or in one RocksDB transaction, is several times slower and holds the whole build
in memory). The bulk loader is not transactional, so every write is bracketed by a
checkpoint of the store (hard links, cheap): if the write fails the checkpoint is put
back at once, and if the process dies mid-write, the next open puts it back. Either way
a failed build leaves the store as it was.

Queries go through rdflib's Dataset, which hands SPARQL to Oxigraph with the union of
all graphs as the default graph.
"""

from __future__ import annotations

import contextlib
import gc
import shutil
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Dataset, URIRef
from rdflib.query import Result

from .errors import QueryError, StoreError
from .rdf import Quad, bind_prefixes, to_ox
from .vocab import PREFIXES

STORE_DIR = "store"
CHECKPOINT_DIR = "store.checkpoint"  # the store as it was before the write under way
WRITING_MARK = "store.writing"  # present while a write is under way; its checkpoint is complete
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
}


def store_path(out_dir: Path) -> Path:
    return out_dir / STORE_DIR


class Store:
    """An open on-disk graph store. Use as a context manager."""

    def __init__(self, path: Path, inner: ox.Store) -> None:
        self.path = path
        self.inner = inner
        self.dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
        bind_prefixes(self.dataset)

    @classmethod
    def open(cls, out_dir: Path, *, create: bool = False) -> Store:
        """Open the store in an output folder; create it only when asked."""
        path = store_path(out_dir)
        _recover(out_dir)
        if not path.is_dir():
            if not create:
                raise StoreError(f"{out_dir}: no kg store here; build one with: kg build ARTICLES --out {out_dir}")
            try:
                path.mkdir(parents=True)
            except OSError as exc:
                raise StoreError(
                    f"{out_dir}: cannot create the store ({exc.strerror or exc}); choose a writable --out"
                ) from exc
        try:
            inner = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreError(f"{path}: the store is in use by another kg process; wait for it to finish") from exc
            raise StoreError(
                f"{path}: the store cannot be opened ({message.splitlines()[0][:160]}); "
                f"it may be corrupt: rebuild it into a new --out folder"
            ) from exc
        return cls(path, inner)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (and its lock) now, not whenever garbage collection runs."""
        with contextlib.suppress(OSError):
            self.inner.flush()
        self._release()

    def _release(self) -> None:
        self.dataset.store._store = None  # type: ignore[attr-defined]  # oxrdflib keeps the only other reference
        del self.dataset, self.inner
        gc.collect()

    def article_ids(self) -> set[str]:
        """Ids of the articles already in the store."""
        query = "SELECT ?id WHERE { GRAPH ?g { ?a a kg:Article ; dcterms:identifier ?id } }"
        return {str(row[0]) for row in self.select(query)}

    def add_quads(self, quads: Iterable[Quad]) -> int:
        """Add quads, all of them or none: a failed or interrupted write is rolled back.

        Returns the number of quads given.
        """
        batch = [ox.Quad(*(to_ox(term) for term in quad)) for quad in quads]  # type: ignore[arg-type]
        if not batch:
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
            self.inner.bulk_extend(batch)
            self.inner.flush()
        except (OSError, RuntimeError) as exc:
            self._release()
            _recover(out_dir)
            self._reopen()
            raise StoreError(f"{self.path}: writing to the store failed ({exc}); nothing was added") from exc
        mark.unlink()
        shutil.rmtree(checkpoint, ignore_errors=True)
        return len(batch)

    def _reopen(self) -> None:
        self.__init__(self.path, ox.Store(str(self.path)))  # type: ignore[misc]

    def query(self, sparql: str) -> Result:
        """Run SPARQL over the union of all graphs; kg's usual prefixes are predefined."""
        try:
            return self.dataset.query(sparql, initNs=SPARQL_PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {_one_line(exc)}") from exc
        except (OSError, ValueError) as exc:
            raise QueryError(f"the query failed: {_one_line(exc)}") from exc

    def select(self, sparql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.query(sparql)]  # type: ignore[arg-type]

    def count(self) -> int:
        return len(self.inner)

    def named_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self.inner.named_graphs())

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        """All quads in a quad format (N-Quads, TriG), straight from Oxigraph."""
        return bytes(self.inner.dump(format=fmt))  # type: ignore[arg-type]


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


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
