"""The stored actors a build keeps in memory: actors only, found by a shared word."""

from __future__ import annotations

import pyoxigraph as ox

from kg.known import KnownActors
from kg.models import Entity
from kg.vocab import ENTITIES_GRAPH, ENTITY, KG

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _quads(key: str, label: str, type_: str) -> list[ox.Quad]:
    node, graph = ox.NamedNode(f"{ENTITY}{key}"), ox.NamedNode(str(ENTITIES_GRAPH))
    return [
        ox.Quad(node, ox.NamedNode(LABEL), ox.Literal(label), graph),  # a label ahead of its type
        ox.Quad(node, ox.NamedNode(RDF_TYPE), ox.NamedNode(f"{KG}{type_}"), graph),
    ]


def _entity(label: str) -> Entity:
    return Entity(key="x", label=label, type="Company")


def test_only_actors_are_kept_and_found() -> None:
    rows = [
        (f"{ENTITY}company/acme-corp", "Acme Corp", f"{KG}Company"),
        (f"{ENTITY}concept/acme-shares", "Acme shares", f"{KG}Concept"),
    ]
    known = KnownActors(rows)
    known.add_quads(
        _quads("person/jane-acme", "Jane Acme", "Person") + _quads("concept/acme-deal", "Acme deal", "Concept")
    )
    assert len(known) == 2
    assert set(known.labels) == {"company/acme-corp", "person/jane-acme"}  # no concept kept
    assert [k for k, _, _ in known.relevant([_entity("Acme")])] == ["company/acme-corp", "person/jane-acme"]


def test_dropped_actors_are_forgotten() -> None:
    known = KnownActors()
    quads = _quads("company/acme-corp", "Acme Corp", "Company")
    known.add_quads(quads)
    assert len(known) == 1 and [k for k, _, _ in known.relevant([_entity("Acme Corp")])] == ["company/acme-corp"]
    known.drop(quads[:1])
    assert len(known) == 0 and known.relevant([_entity("Acme Corp")]) == []
