"""A SPARQL 1.1 endpoint with update as the store (``--store URL``), in place of the embedded one.

:class:`RemoteStore` has the interface of :class:`kg.store.Store` that the commands use
(``select``, ``query``, ``add_quads``, ``write``, ``article_ids``, ``named_graphs``,
``count``, ``dump``, ``close``, a context manager, ``dataset`` for the graph projection
and ``inner`` for the few pyoxigraph-level reads of the exporters), and
:func:`open_store` picks one of the two for a command.

The protocol is plain SPARQL 1.1 over HTTP: form-encoded POST for queries and updates
(some servers hang on other bodies), JSON results, user and password from the URL sent
as Basic or Digest as the server asks. It is tested against Oxigraph's server and
Virtuoso 7.

A write is all or nothing per call: the quads go first into temporary graphs, in
requests of at most ``CHUNK`` triples (Virtuoso refuses larger ones); only when all are
there does one update request move them into their graphs (and drop what the write
replaces). If anything fails before that, the temporary graphs are dropped and the
target graphs were never touched. Servers that run one update request as one
transaction (Oxigraph, Virtuoso) make the last step atomic too.

Only graphs under ``https://w3id.org/kg/`` are kg's: counts, dumps and exports read
those, so that a server's own graphs (Virtuoso keeps ~2,500 system triples) stay out.
"""

from __future__ import annotations

import contextlib
import io
import uuid
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result
from rdflib.store import Store as RdflibStore

from .endpoint import JSON, Endpoint, canonical, graph_form
from .errors import QueryError, StoreError
from .store import SPARQL_PREFIXES, Store
from .vocab import BASE

if TYPE_CHECKING:
    pass

CHUNK = 1000  # triples per INSERT DATA request
PAGE = 10000  # rows per page of a read (Virtuoso's default ResultSetMaxRows)
PARTIAL = "urn:kg:partial:"  # temporary graphs of a write under way
KG_GRAPH = f'FILTER(STRSTARTS(STR(?g), "{BASE}"))'
GRAPH_FORMATS = "application/n-triples, text/turtle;q=0.9"
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in SPARQL_PREFIXES.items())


class RemoteStore:
    """A kg graph in a SPARQL 1.1 endpoint with update. Use as a context manager."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.path = endpoint.shown
        self.inner = EndpointReads(self)
        self.dataset = Dataset(store=_DatasetStore(self), default_union=True)

    @classmethod
    def open(cls, url: str, *, create: bool = False) -> RemoteStore:
        """Connect and check that the endpoint answers, and has a kg graph unless ``create``."""
        store = cls(Endpoint(url))
        try:
            if create:
                store._drop_leftovers()
            in_graphs = store._ask(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} {KG_GRAPH} }}")
            if in_graphs and not store._ask("ASK { ?s ?p ?o }"):
                raise StoreError(
                    f"{store.path}: the endpoint's default graph is not the union of its graphs; "
                    f"start it so (oxigraph serve --union-default-graph)"
                )
            if not in_graphs and not create:
                raise StoreError(
                    f"{store.path}: no kg graph in this endpoint; build one with: kg build ARTICLES --store {url}"
                )
        except BaseException:
            store.close()
            raise
        return store

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.endpoint.close()

    # reading

    def query(self, sparql: str) -> Result:
        """Run SPARQL on the endpoint; kg's usual prefixes are predefined."""
        content, kind = self._answer(sparql)
        if kind != "json":
            result = Result("CONSTRUCT")
            graph = Dataset().default_graph
            graph.parse(data=content, format=kind)
            result.graph = graph
            return result
        try:
            return Result.parse(io.BytesIO(content), format="json")
        except (ValueError, KeyError) as exc:
            raise QueryError(f"{self.path}: the endpoint's answer is not SPARQL JSON results") from exc

    def _answer(self, sparql: str) -> tuple[bytes, str]:
        """The endpoint's answer, canonical, and its kind: json, nt or turtle."""
        response = self.endpoint.query(PROLOGUE + sparql, GRAPH_FORMATS if graph_form(sparql) else JSON)
        mime = response.headers.get("Content-Type", "").split(";")[0].strip()
        kind = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}.get(mime, "json")
        return canonical(response.content, kind), kind

    def run(self, sparql: str, limits: Any = None) -> Result:
        """A user's query, like query(), given up after ``limits.timeout`` seconds (the server may stop it sooner)."""
        timeout = getattr(limits, "timeout", 0) or self.endpoint.timeout
        previous, self.endpoint.timeout = self.endpoint.timeout, timeout
        try:
            return self.query(sparql)
        finally:
            self.endpoint.timeout = previous

    def select(self, sparql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.query(sparql)]  # type: ignore[arg-type]

    def _ask(self, sparql: str) -> bool:
        return bool(self.query(sparql).askAnswer)

    def article_ids(self) -> set[str]:
        query = "SELECT ?id WHERE { GRAPH ?g { ?a a kg:Article ; dcterms:identifier ?id } }"
        return {str(row[0]) for row in self.select(query)}

    def count(self) -> int:
        [(n,)] = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {KG_GRAPH} }}")
        return int(n)

    def named_graphs(self) -> list[URIRef]:
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {KG_GRAPH} }}")
        return sorted(URIRef(str(g)) for (g,) in rows)

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        """All of kg's quads in a quad format (N-Quads, TriG)."""
        return bytes(ox.serialize(self.quads(), format=fmt))  # type: ignore[arg-type]

    def quads(self) -> list[ox.Quad]:
        """Every quad of kg's graphs."""
        return self.inner.quads_for_pattern(None, None, None, None)

    def union_triples(self) -> list[ox.Triple]:
        """Every distinct triple of kg's graphs, sorted."""
        return sorted({q.triple for q in self.quads()}, key=str)

    # writing

    def add_quads(self, quads: Iterable[Any]) -> int:
        """Add quads (pyoxigraph's, or tuples of rdflib terms), all of them or none."""
        return self.write(list(quads))

    def write(self, quads: list[Any], *, drop_graphs: Iterable[URIRef] = (), drop_quads: Iterable[Any] = ()) -> int:
        """Drop whole graphs and single quads, then add quads: one change, all of it or none.

        Returns the number of quads added.
        """
        by_graph: dict[str, list[str]] = {}
        for quad in quads:
            *triple, graph = _terms(quad)
            by_graph.setdefault(graph, []).append(" ".join(triple) + " .")
        drops = [f"<{g}>" for g in drop_graphs]
        deletes: dict[str, list[str]] = {}
        for quad in drop_quads:
            *triple, graph = _terms(quad)
            deletes.setdefault(graph, []).append(" ".join(triple) + " .")
        if not by_graph and not drops and not deletes:
            return 0
        run = uuid.uuid4().hex
        partial = {graph: f"<{PARTIAL}{run}:{n}>" for n, graph in enumerate(sorted(by_graph))}
        try:
            for graph, lines in sorted(by_graph.items()):
                for start in range(0, len(lines), CHUNK):
                    body = "\n".join(lines[start : start + CHUNK])
                    self.endpoint.update(f"INSERT DATA {{ GRAPH {partial[graph]} {{\n{body}\n}} }}")
            steps = [f"DROP SILENT GRAPH {g}" for g in drops]
            steps += [f"DELETE DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n} }" for g, lines in deletes.items()]
            steps += [f"ADD SILENT {partial[g]} TO {g}" for g in sorted(by_graph)]
            steps += [f"DROP SILENT GRAPH {tmp}" for tmp in partial.values()]
            self.endpoint.update(" ;\n".join(steps))
        except BaseException as exc:
            self._drop_partial(partial.values())
            if isinstance(exc, StoreError):
                raise StoreError(f"{exc}; nothing was written") from exc
            raise
        return len(quads)

    def _drop_leftovers(self) -> None:
        """Drop the temporary graphs of a write that died (a build is the only writer, like on disk)."""
        rows = self.select(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{PARTIAL}")) }}'
        )
        if rows:
            self.endpoint.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for (g,) in rows))

    def _drop_partial(self, graphs: Iterable[str]) -> None:
        with contextlib.suppress(StoreError):  # the endpoint is gone; what was written is in temporary graphs only
            self.endpoint.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in graphs))


def _terms(quad: Any) -> list[str]:
    """The four terms of a quad in SPARQL syntax (N-Triples syntax is SPARQL syntax)."""
    if isinstance(quad, ox.Quad):
        terms: list[Any] = [quad.subject, quad.predicate, quad.object, quad.graph_name]
        if any(isinstance(t, ox.BlankNode) for t in terms):
            raise StoreError("a quad with a blank node cannot be written to a remote store in parts; use IRIs")
        return [str(t) for t in terms]
    terms = list(quad)
    if any(not isinstance(t, (URIRef, Literal)) for t in terms):
        raise StoreError("a quad with a blank node cannot be written to a remote store in parts; use IRIs")
    return [t.n3() for t in terms]


class EndpointReads:
    """The pyoxigraph-level reads the exporters make on ``Store.inner``, answered by the endpoint."""

    def __init__(self, store: RemoteStore) -> None:
        self.store = store

    def query(self, sparql: str, **_options: Any) -> Any:
        """Solutions, a boolean or triples, as pyoxigraph gives them."""
        content, kind = self.store._answer(sparql)
        if kind != "json":
            return list(ox.parse(content, format=ox.RdfFormat.TURTLE if kind == "turtle" else ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(content, format=ox.QueryResultsFormat.JSON)

    def quads_for_pattern(self, s: Any, p: Any, o: Any, g: Any) -> list[ox.Quad]:
        """Quads of kg's graphs matching a pattern (None matches anything), read a page at a time.

        Pages follow a key, (graph, subject), not an OFFSET: Virtuoso refuses to sort past
        10,000 rows for an OFFSET, and a key costs the server no re-counting. A page ends
        before its last (graph, subject), which may go on in the next page.
        """
        bound = {name: term for name, term in (("s", s), ("p", p), ("o", o), ("g", g)) if term is not None}
        values = "".join(f"VALUES ?{name} {{ {term} }}\n" for name, term in bound.items())
        found: list[ox.Quad] = []
        after = ""
        while True:
            query = (
                f"SELECT ?s ?p ?o ?g WHERE {{ {values}GRAPH ?g {{ ?s ?p ?o }} {KG_GRAPH} {after}}} "
                f"ORDER BY STR(?g) STR(?s) LIMIT {PAGE}"
            )
            page = [
                ox.Quad(*(bound.get(name) or solution[name] for name in ("s", "p", "o", "g")))
                for solution in self.query(query)
            ]
            if len(page) < PAGE:
                return found + page
            last = _key(page[-1])
            complete = [q for q in page if _key(q) != last]
            if not complete:
                raise StoreError(
                    f"{self.store.path}: more than {PAGE} triples of one subject in one graph; kg reads no more"
                )
            found.extend(complete)
            graph, subject = (str(ox.Literal(part)) for part in _key(complete[-1]))
            after = f"FILTER(STR(?g) > {graph} || (STR(?g) = {graph} && STR(?s) > {subject})) "

    def named_graphs(self) -> list[ox.NamedNode]:
        return [ox.NamedNode(str(g)) for g in self.store.named_graphs()]

    def flush(self) -> None:
        """Nothing to flush: every write is sent when it is made."""

    def __len__(self) -> int:
        return self.store.count()


def _key(quad: ox.Quad) -> tuple[str, str]:
    return quad.graph_name.value, quad.subject.value  # type: ignore[union-attr]


class _DatasetStore(RdflibStore):
    """An rdflib store that hands SPARQL text to the endpoint, for ``rdflib.Dataset.query``."""

    context_aware = True
    graph_aware = True

    def __init__(self, remote: RemoteStore) -> None:
        super().__init__()
        self.remote = remote

    def query(self, query: Any, *_args: Any, **_kwargs: Any) -> Result:
        """rdflib hands over the text with initNs (kg's prefixes are predefined anyway)."""
        if not isinstance(query, str):
            raise StoreError("a remote store answers SPARQL text only")
        return self.remote.query(query)

    def remote_select(self, sparql: str) -> list[dict[str, str | None]]:
        """Rows of a SELECT as plain strings, for kg.graph_read."""
        solutions = self.remote.inner.query(sparql)
        names = [v.value for v in solutions.variables]
        return [{n: None if t is None else t.value for n, t in zip(names, s, strict=True)} for s in solutions]


def open_store(out_dir: Path, url: str | None = None, *, create: bool = False, wait: float = 0.0) -> Store:
    """The store a command works on: the endpoint at ``url`` if given, else the one in ``out_dir``.

    Typed as :class:`kg.store.Store` because RemoteStore answers every call the commands make on it.
    """
    if url is not None:
        return cast(Store, RemoteStore.open(url, create=create))
    return Store.open(out_dir, create=create, wait=wait)
