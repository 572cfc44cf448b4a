"""Serialise the stored graph: Turtle, TriG, N-Quads, JSON-LD, GraphML, CSV.

Quad formats keep one named graph per article; Turtle and JSON-LD give the union of
all graphs. RDF serialisation is Oxigraph's own, which is fast. GraphML is the actor
graph of the HTML page (networkx), for Gephi or yEd; CSV is one row per statement.
Output is sorted and deterministic: same store, same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pyoxigraph as ox

from .models import ENTITY_TYPES
from .store import SPARQL_PREFIXES, Store
from .vocab import ENTITY, slug

# In files, entities get a prefix per type ("person:valery-zaluzhny") instead of "kge:",
# whose local names would need an escaped slash ("kge:person\/valery-zaluzhny").
FILE_PREFIXES = {k: v for k, v in SPARQL_PREFIXES.items() if k != "kge"} | {
    slug(t): f"{ENTITY}{slug(t)}/" for t in ENTITY_TYPES
}


def union_triples(store: Store) -> list[ox.Triple]:
    """Every distinct triple of every named graph, sorted (a read error is an error, never a missing triple)."""
    return store.union_triples()


def to_turtle(store: Store) -> str:
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.TURTLE, prefixes=FILE_PREFIXES)
    return bytes(data).decode("utf-8")  # type: ignore[arg-type]


def to_nquads(store: Store) -> str:
    lines = store.dump(ox.RdfFormat.N_QUADS).decode("utf-8").splitlines(keepends=True)
    return "".join(sorted(line for line in lines if line.strip()))


def to_trig(store: Store) -> str:
    quads = sorted(store.quads(), key=lambda q: (str(q.graph_name), str(q)))
    data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=FILE_PREFIXES)
    return bytes(data).decode("utf-8")  # type: ignore[arg-type]


def to_jsonld(store: Store) -> str:
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.JSON_LD, prefixes=FILE_PREFIXES)
    return bytes(data).decode("utf-8")  # type: ignore[arg-type]


def to_graphml(store: Store) -> str:
    """The actor graph (every entity, statements between entities as edges) as GraphML."""
    import networkx as nx  # here, not at the top: every command imports this module for its formats

    from .graph import flatten, project

    buffer = io.BytesIO()
    nx.write_graphml(flatten(project(store.dataset, isolated=True)), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


STATEMENT_COLUMNS = (
    "statement", "subject", "subject_label", "predicate", "predicate_label", "object", "object_label",
    "status", "surface", "source_chain", "confidence", "event_time", "sentence", "char_start", "char_end",
    "article", "article_title", "article_date",
)  # fmt: skip
_STATUS = STATEMENT_COLUMNS.index("status")
STATEMENTS_QUERY = """
SELECT ?st ?s ?sl ?p ?pl ?o ?ol ?status ?surface ?chain ?confidence ?time ?sentence ?start ?end ?a ?title ?date
WHERE {
  ?st a kg:ExtractedStatement ; rdf:subject ?s ; rdf:predicate ?p ; kg:status ?status ;
      kg:surface ?surface ; kg:sentence ?sentence ; kg:charStart ?start ; kg:charEnd ?end ;
      kg:confidence ?confidence ; prov:wasDerivedFrom ?a .
  OPTIONAL { ?st rdf:object ?o . OPTIONAL { ?o rdfs:label ?ol } }
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?p rdfs:label ?pl }
  OPTIONAL { ?st kg:sourceChain ?chain }
  OPTIONAL { ?st kg:eventTime ?time }
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a dcterms:date ?date }
}"""


def to_csv(store: Store) -> str:
    """One row per statement node, with labels, status, source chain and evidence.

    Entities, predicates and articles are full IRIs (with their labels and titles beside
    them); the status is its name: asserted, attributed, hedgedClaim, negatedClaim, deniedClaim.
    """
    rows: dict[str, list[str]] = {}
    for row in store.select(STATEMENTS_QUERY):
        cells = ["" if value is None else str(value) for value in row]
        cells[_STATUS] = cells[_STATUS].rsplit("#", 1)[-1]  # 'asserted', not the IRI kg:asserted
        rows.setdefault(cells[0], cells)  # a label seen twice gives one row
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(STATEMENT_COLUMNS)
    writer.writerows(rows[key] for key in sorted(rows))
    return buffer.getvalue()


EXPORTERS: dict[str, Callable[[Store], str]] = {
    "turtle": to_turtle,
    "trig": to_trig,
    "nquads": to_nquads,
    "jsonld": to_jsonld,
    "graphml": to_graphml,
    "csv": to_csv,
}
SUFFIXES = {
    "turtle": ".ttl",
    "trig": ".trig",
    "nquads": ".nq",
    "jsonld": ".jsonld",
    "graphml": ".graphml",
    "csv": ".csv",
}
