"""Serialise the stored graph: Turtle, TriG, N-Quads, JSON-LD.

Quad formats keep one named graph per article; Turtle and JSON-LD give the union of
all graphs. Output is sorted and deterministic: same store, same bytes. Serialisation
is Oxigraph's own, which is fast.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from .store import SPARQL_PREFIXES, Store

UNION_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def union_triples(store: Store) -> list[ox.Triple]:
    """Every distinct triple of every named graph, sorted."""
    result = store.inner.query(UNION_QUERY)
    return sorted(set(result), key=str)  # type: ignore[arg-type]


def to_turtle(store: Store) -> str:
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.TURTLE, prefixes=SPARQL_PREFIXES)
    return bytes(data).decode("utf-8")  # type: ignore[arg-type]


def to_nquads(store: Store) -> str:
    lines = store.dump(ox.RdfFormat.N_QUADS).decode("utf-8").splitlines(keepends=True)
    return "".join(sorted(line for line in lines if line.strip()))


def to_trig(store: Store) -> str:
    quads = sorted(store.inner.quads_for_pattern(None, None, None, None), key=lambda q: (str(q.graph_name), str(q)))
    data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=SPARQL_PREFIXES)
    return bytes(data).decode("utf-8")  # type: ignore[arg-type]


def to_jsonld(store: Store) -> str:
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.JSON_LD, prefixes=SPARQL_PREFIXES)
    return bytes(data).decode("utf-8")  # type: ignore[arg-type]


EXPORTERS: dict[str, Callable[[Store], str]] = {
    "turtle": to_turtle,
    "trig": to_trig,
    "nquads": to_nquads,
    "jsonld": to_jsonld,
}
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}
