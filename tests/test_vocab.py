"""The ontology in code (kg.vocab.KG) and in ontology/kg.ttl declare the same terms."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.extract.predicates import vocabulary
from kg.vocab import KG, PRED, ontology_dir


def _ontology() -> Graph:
    graph = Graph()
    graph.parse(ontology_dir() / "kg.ttl", format="turtle")
    return graph


def _declared(graph: Graph) -> set[URIRef]:
    ns = str(KG._NS)
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(ns) and s != URIRef(ns)}


def test_code_and_ontology_declare_the_same_terms() -> None:
    in_code = {KG[name] for name in KG.__annotations__}
    assert _declared(_ontology()) == in_code


def test_every_term_has_a_label_and_a_comment() -> None:
    graph = _ontology()
    for term in _declared(graph):
        assert graph.value(term, RDFS.label) is not None, term
        assert graph.value(term, RDFS.comment) is not None, term


def test_every_term_is_typed() -> None:
    graph = _ontology()
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, KG.Status}
    for term in _declared(graph):
        assert set(graph.objects(term, RDF.type)) & kinds, term


def test_predicates_have_labels_comments_and_triggers() -> None:
    graph = Graph()
    graph.parse(ontology_dir() / "predicates.ttl", format="turtle")
    predicates = set(graph.subjects(RDF.type, KG.Predicate))
    assert len(predicates) >= 12
    for pred in predicates:
        assert pred.startswith(str(PRED))
        assert graph.value(pred, RDFS.label) is not None
        assert graph.value(pred, RDFS.comment) is not None
        assert list(graph.objects(pred, KG.trigger))
    triggers, labels = vocabulary()
    assert set(triggers.values()) <= set(labels)
