"""Extractions to RDF quads: pure functions, no store.

One named graph per article (named by the article's IRI) holds the article's metadata,
the entities it names, a statement node per statement, and the plain triple ``s p o``
only for what the article asserts in its own voice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .actors.gazetteer import entity_key
from .extract.predicates import OPEN_PREFIX, predicate_label
from .models import PLACE, Argument, Entity, Extraction, Statement
from .vocab import (
    AGENT,
    ENTITIES_GRAPH,
    KG,
    ONTOLOGY_GRAPH,
    OPEN,
    PRED,
    PREFIXES,
    STATEMENT,
    article_iri,
    entity_iri,
    ontology_dir,
    slug,
)

Quad = tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal, URIRef]
ONTOLOGY_FILES = ("kg.ttl", "predicates.ttl")


def predicate_iri(name: str) -> URIRef:
    """IRI of a controlled predicate name or an 'open:<slug>' predicate."""
    if name.startswith(OPEN_PREFIX):
        return OPEN[name[len(OPEN_PREFIX) :]]
    return PRED[name]


def statement_iri(article_id: str, st: Statement) -> URIRef:
    """A stable IRI from the article and where and what the statement is."""
    obj = st.object
    parts = [
        article_id,
        str(st.sentence_start),
        st.relation,
        st.predicate,
        f"{st.subject.start}:{st.subject.end}",
        f"{obj.start}:{obj.end}" if obj else "-",
    ]
    return STATEMENT[hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]]


def extractor_iri(extractor: str) -> URIRef:
    return AGENT[slug(extractor)]


def status_of(st: Statement) -> URIRef:
    if st.denied:
        return KG.deniedClaim
    if st.negated:
        return KG.negatedClaim
    if st.hedge:
        return KG.hedgedClaim
    if st.attribution:
        return KG.attributed
    return KG.asserted


def extraction_quads(x: Extraction) -> Iterator[Quad]:
    """Every quad for one article's extraction, in its own named graph."""
    graph = article_iri(x.article.id)
    yield from ((s, p, o, graph) for s, p, o in _article_triples(x))
    if x.extractor:
        agent = extractor_iri(x.extractor)
        yield agent, RDF.type, PROV.SoftwareAgent, ENTITIES_GRAPH
        yield agent, RDFS.label, Literal(x.extractor), ENTITIES_GRAPH
    labels = {e.key: e.label for e in x.entities}
    for entity in x.entities:
        yield from ((s, p, o, ENTITIES_GRAPH) for s, p, o in entity_triples(entity))
    if x.article.dateline:
        place = Entity(key=dateline_key(x.article.dateline), label=x.article.dateline, type=PLACE)
        yield from ((s, p, o, ENTITIES_GRAPH) for s, p, o in entity_triples(place))
    for name in sorted({st.predicate for st in x.statements if st.predicate.startswith(OPEN_PREFIX)}):
        yield predicate_iri(name), RDF.type, KG.OpenPredicate, ENTITIES_GRAPH
        yield predicate_iri(name), RDFS.label, Literal(predicate_label(name)), ENTITIES_GRAPH
    iris = [statement_iri(x.article.id, st) for st in x.statements]
    content: dict[int, list[URIRef]] = {}
    for i, st in enumerate(x.statements):
        if st.content_of is not None:
            content.setdefault(st.content_of, []).append(iris[i])
    for i, st in enumerate(x.statements):
        triples = _statement_triples(x, st, iris[i], content.get(i, []), labels)
        yield from ((s, p, o, graph) for s, p, o in triples)
        for j in st.denies:
            yield iris[i], KG.denies, iris[j], graph


def _article_triples(x: Extraction) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    a = x.article
    node = article_iri(a.id)
    yield node, RDF.type, KG.Article
    yield node, DCTERMS.identifier, Literal(a.id)
    if a.title:
        yield node, DCTERMS.title, Literal(a.title)
    if a.date:
        yield node, DCTERMS.date, Literal(a.date, datatype=XSD.date)
    yield node, DCTERMS.source, Literal(a.url or a.source)
    yield node, KG.contentHash, Literal(a.content_hash)
    if a.dateline:
        yield node, KG.dateline, entity_iri(dateline_key(a.dateline))


def dateline_key(place: str) -> str:
    """The key of the place an article's dateline names: 'place/london'."""
    return entity_key(PLACE, place)


def entity_triples(e: Entity) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    node = entity_iri(e.key)
    yield node, RDF.type, KG[e.type]
    yield node, RDFS.label, Literal(e.label)
    for alias in e.aliases:
        yield node, SKOS.altLabel, Literal(alias)
    for role in e.roles:
        yield node, KG.role, Literal(role)
    for key in e.affiliations:
        yield node, KG.affiliatedWith, entity_iri(key)
    for key in e.participants:
        yield node, KG.participant, entity_iri(key)


def _node(arg: Argument | None) -> URIRef | Literal | None:
    if arg is None:
        return None
    return entity_iri(arg.entity) if arg.entity else Literal(arg.text)


def _statement_triples(
    x: Extraction, st: Statement, node: URIRef, content: list[URIRef], labels: dict[str, str]
) -> Iterator[tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]]:
    subject = entity_iri(st.subject.entity) if st.subject.entity else None
    if subject is None:
        return
    predicate = predicate_iri(st.predicate)
    obj = content[0] if content and (st.object is None or st.object.entity is None) else _node(st.object)
    status = status_of(st)
    yield node, RDF.type, RDF.Statement
    yield node, RDF.type, KG.ExtractedStatement
    yield node, RDF.type, PROV.Entity
    yield node, RDF.subject, subject
    yield node, RDF.predicate, predicate
    if obj is not None:
        yield node, RDF.object, obj
    yield node, PROV.wasDerivedFrom, article_iri(x.article.id)
    yield node, RDFS.label, Literal(statement_label(st))
    if x.article.date:
        yield node, DCTERMS.issued, Literal(x.article.date, datatype=XSD.date)
    if x.extractor:
        yield node, PROV.wasGeneratedBy, extractor_iri(x.extractor)
    yield node, KG.sentence, Literal(st.sentence)
    yield node, KG.charStart, Literal(st.sentence_start)
    yield node, KG.charEnd, Literal(st.sentence_end)
    yield node, KG.surface, Literal(st.relation)
    yield node, KG.lemma, Literal(st.lemma)
    yield node, KG.subjectText, Literal(st.subject.text)
    yield node, KG.subjectStart, Literal(st.subject.start)
    yield node, KG.subjectEnd, Literal(st.subject.end)
    if st.object is not None:
        yield node, KG.objectText, Literal(st.object.text)
        yield node, KG.objectStart, Literal(st.object.start)
        yield node, KG.objectEnd, Literal(st.object.end)
    for extra in st.extras:
        yield node, KG.extraArgument, Literal(f"{extra.role}: {extra.text}" if extra.role else extra.text)
    yield node, KG.confidence, Literal(Decimal(str(st.confidence)).quantize(Decimal("0.001")))
    yield node, KG.kind, Literal(st.kind)
    yield node, KG.status, status
    yield node, KG.negated, Literal(st.negated)
    yield node, KG.hedged, Literal(st.hedge is not None)
    if st.hedge:
        yield node, KG.hedge, Literal(st.hedge)
    if st.denied:
        yield node, KG.denied, Literal(True)
    if st.quoted:
        yield node, KG.quoted, Literal(True)
    if st.attribution:
        yield node, PROV.wasAttributedTo, entity_iri(st.attribution[0])
        for key in st.attribution[1:]:
            yield node, KG.citing, entity_iri(key)
        yield node, KG.sourceChain, Literal(" > ".join(labels.get(k, k) for k in st.attribution))
    for item in content:
        yield node, KG.content, item
    if st.time:
        yield node, KG.eventTime, _time_literal(st.time)
        start, _, end = st.time.partition("/")
        yield node, KG.eventStart, Literal(start, datatype=XSD.date)
        yield node, KG.eventEnd, Literal(end or start, datatype=XSD.date)
    if st.time_text:
        yield node, KG.eventTimeText, Literal(st.time_text)
    if st.claim_time:
        yield node, KG.claimTime, _time_literal(st.claim_time)
    for n, figure in enumerate(st.figures):
        fig = URIRef(f"{node}/figure/{n}")
        yield node, KG.figure, fig
        yield fig, RDF.type, KG.Figure
        yield fig, KG.value, Literal(Decimal(str(figure.value)))
        yield fig, KG.unit, Literal(figure.unit)
        yield fig, RDFS.label, Literal(figure.text)
    if status == KG.asserted and obj is not None and not str(obj).startswith(str(STATEMENT)):
        yield subject, predicate, obj


def _time_literal(value: str) -> Literal:
    """A day as xsd:date; an interval "start/end" as a plain ISO 8601 string."""
    return Literal(value, datatype=XSD.date if len(value) == 10 else None)


def statement_label(st: Statement) -> str:
    """'Zaluzhny has rejected offer': the statement as read, for people and lenient matching."""
    parts = [st.subject.text, st.relation, st.object.text if st.object else ""]
    text = " ".join(" ".join(p.split()) for p in parts if p)
    return text if len(text) <= 200 else text[:197] + "..."


def ontology_quads() -> Iterator[Quad]:
    """The ontology and predicate vocabulary, in their own named graph."""
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(ontology_dir() / name, format="turtle")
    for s, p, o in graph:
        yield s, p, o, ONTOLOGY_GRAPH  # type: ignore[misc]


def bind_prefixes(graph: Graph) -> None:
    graph.bind("prov", PROV)
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)


def nquads(quads: Iterable[Quad]) -> str:
    """Sorted N-Quads text of the quads (diff-friendly and deterministic)."""
    lines = sorted({_nq_line(q) for q in quads})
    return "".join(lines)


def _nq_line(q: Quad) -> str:
    return f"{ox.Quad(*(to_ox(term) for term in q))} .\n"  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def to_ox(term: URIRef | BNode | Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term (its str() is N-Triples syntax)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
    return ox.Literal(str(term), datatype=datatype)
