"""RDF terms both ways: pyoxigraph quads (what kg builds and stores) and rdflib's (what tools and tests read).

The build makes pyoxigraph terms directly; these conversions serve the readers, the
exporters and stores that hand rdflib terms in.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

Quad = ox.Quad
RdfTerm = URIRef | BNode | Literal
RdfQuad = tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal, URIRef]


def nquads(quads: Iterable[Quad | RdfQuad]) -> str:
    """Sorted N-Quads text of the quads (diff-friendly and deterministic)."""
    return "".join(sorted({f"{as_ox(q)} .\n" for q in quads}))


def as_ox(quad: Quad | RdfQuad) -> Quad:
    """A pyoxigraph quad, from one or from a tuple of rdflib terms."""
    if isinstance(quad, ox.Quad):
        return quad
    return ox.Quad(*(to_ox(term) for term in quad))  # type: ignore[arg-type]


def as_rdflib(quad: Quad) -> RdfQuad:
    """The rdflib view of a quad (for tests and rdflib tools; not used when building)."""
    graph = quad.graph_name
    return (
        _rdflib(quad.subject),  # type: ignore[return-value]
        URIRef(quad.predicate.value),
        _rdflib(quad.object),
        URIRef(graph.value),  # type: ignore[union-attr]
    )


def _rdflib(term: object) -> RdfTerm:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)


@lru_cache(maxsize=65536)
def to_ox(term: RdfTerm) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term (its str() is N-Triples syntax)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
    return ox.Literal(str(term), datatype=datatype)
