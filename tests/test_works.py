"""Creative works and bands: titles are CreativeWorks, bands Organizations, never people."""

from __future__ import annotations

from kg.models import ACTOR_TYPES, CREATIVE_WORK, ENTITY_TYPES
from kg.vocab import KG


def test_a_work_is_no_actor_and_is_a_concept_in_the_ontology() -> None:
    from rdflib import RDFS, Graph

    from kg.vocab import ontology_dir

    tree = Graph().parse(ontology_dir() / "kg.ttl")
    assert CREATIVE_WORK in ENTITY_TYPES and CREATIVE_WORK not in ACTOR_TYPES
    assert (KG.CreativeWork, RDFS.subClassOf, KG.Concept) in tree  # predicates that take a concept take a work
