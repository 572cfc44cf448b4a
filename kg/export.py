"""Serialise the stored graph: Turtle, TriG, N-Quads, JSON-LD.

Quad formats keep one named graph per article; Turtle and JSON-LD give the union.
Output is deterministic: same store, same bytes.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
from rdflib import Dataset, Graph

from .rdf import bind_prefixes
from .store import Store

UNION_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def union_graph(store: Store) -> Graph:
    """Every triple of every named graph, as one rdflib Graph."""
    graph = Graph()
    bind_prefixes(graph)
    result = store.query(UNION_QUERY)
    assert result.graph is not None
    graph += result.graph
    return graph


def to_turtle(store: Store) -> str:
    return union_graph(store).serialize(format="turtle")


def to_jsonld(store: Store) -> str:
    return union_graph(store).serialize(format="json-ld", auto_compact=True, sort_keys=True)


def to_nquads(store: Store) -> str:
    lines = store.dump(ox.RdfFormat.N_QUADS).decode("utf-8").splitlines(keepends=True)
    return "".join(sorted(line for line in lines if line.strip()))


def to_trig(store: Store) -> str:
    ds = Dataset()
    bind_prefixes(ds)
    ds.parse(data=to_nquads(store), format="nquads")
    return ds.serialize(format="trig")


EXPORTERS: dict[str, Callable[[Store], str]] = {
    "turtle": to_turtle,
    "trig": to_trig,
    "nquads": to_nquads,
    "jsonld": to_jsonld,
}
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}
