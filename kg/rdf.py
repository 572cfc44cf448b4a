"""Extractions to RDF quads: pure functions, no store.

One named graph per article (named by the article's IRI) holds the article's metadata,
the entities it names, a statement node per statement, and the plain triple ``s p o``
only for what the article asserts in its own voice.

Quads are pyoxigraph terms, made directly (the store takes them as they are: building
rdflib terms first and converting them cost a third of the write path). ``kg.terms.as_rdflib``
gives the rdflib view for tests and tools that want it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from .actors.gazetteer import entity_key
from .extract.predicates import OPEN_PREFIX, predicate_label
from .models import PLACE, Argument, Entity, Extraction, Statement
from .terms import Quad
from .vocab import (
    AGENT,
    ARTICLE,
    ENTITIES_GRAPH,
    ENTITY,
    KG,
    ONTOLOGY_GRAPH,
    OPEN,
    PRED,
    PREFIXES,
    STATEMENT,
    ontology_dir,
    slug,
)

Object = ox.NamedNode | ox.Literal
ONTOLOGY_FILES = ("kg.ttl", "predicates.ttl")

_N = ox.NamedNode
_L = ox.Literal
_TYPE, _LABEL = _N(str(RDF.type)), _N(str(RDFS.label))
_XSD_DATE, _XSD_DECIMAL = _N(str(XSD.date)), _N(str(XSD.decimal))
_XSD_INTEGER, _XSD_BOOLEAN = _N(str(XSD.integer)), _N(str(XSD.boolean))
_TRUE, _FALSE = _L("true", datatype=_XSD_BOOLEAN), _L("false", datatype=_XSD_BOOLEAN)
_ENTITIES_GRAPH = _N(str(ENTITIES_GRAPH))
_ONTOLOGY_GRAPH = _N(str(ONTOLOGY_GRAPH))
_STATEMENT_BASE, _ENTITY_BASE, _ARTICLE_BASE = str(STATEMENT), str(ENTITY), str(ARTICLE)


class _Terms:
    """The constant IRIs used below, as pyoxigraph terms (made once)."""

    def __init__(self) -> None:
        n = ox.NamedNode
        self.statement, self.extracted, self.prov_entity = (
            n(str(RDF.Statement)),
            n(str(KG.ExtractedStatement)),
            n(str(PROV.Entity)),
        )
        self.subject, self.predicate, self.object = n(str(RDF.subject)), n(str(RDF.predicate)), n(str(RDF.object))
        self.derived, self.generated = n(str(PROV.wasDerivedFrom)), n(str(PROV.wasGeneratedBy))
        self.attributed_to, self.agent = n(str(PROV.wasAttributedTo)), n(str(PROV.SoftwareAgent))
        self.issued, self.identifier = n(str(DCTERMS.issued)), n(str(DCTERMS.identifier))
        self.title, self.date, self.source = n(str(DCTERMS.title)), n(str(DCTERMS.date)), n(str(DCTERMS.source))
        self.alt_label, self.mentions = n(str(SKOS.altLabel)), n(str(SDO.mentions))
        self.open_predicate = n(str(KG.OpenPredicate))
        self.kg: dict[str, ox.NamedNode] = {name: n(str(KG[name])) for name in _KG_TERMS}


_KG_TERMS = (
    *("Article", "contentHash", "role", "affiliatedWith", "participant", "sentence", "charStart", "charEnd"),
    *("surface", "lemma", "subjectText", "objectText", "extraArgument", "confidence", "kind", "status"),
    *("negated", "hedged", "hedge", "denied", "quoted", "citing", "sourceChain", "content", "denies"),
    *("eventTime", "eventTimeText", "eventStart", "eventEnd", "claimTime", "figure", "Figure", "value", "unit"),
    *("asserted", "attributed", "hedgedClaim", "negatedClaim", "deniedClaim", "dateline"),
    *("subjectStart", "subjectEnd", "objectStart", "objectEnd", "origin"),
)
T = _Terms()
K: dict[str, ox.NamedNode] = T.kg


def predicate_iri(name: str) -> URIRef:
    """IRI of a controlled predicate name or an 'open:<slug>' predicate."""
    if name.startswith(OPEN_PREFIX):
        return OPEN[name[len(OPEN_PREFIX) :]]
    return PRED[name]


@lru_cache(maxsize=16384)
def _predicate(name: str) -> ox.NamedNode:
    return _N(str(predicate_iri(name)))


@lru_cache(maxsize=32768)  # a batch's entities and the recent ones: a long build does not keep them all
def _entity(key: str) -> ox.NamedNode:
    return _N(_ENTITY_BASE + key)


@lru_cache(maxsize=64)
def _class(type_name: str) -> ox.NamedNode:
    return _N(str(KG[type_name]))


def _article(article_id: str) -> ox.NamedNode:
    return _N(_ARTICLE_BASE + article_id)


def _statement_hash(article_id: str, st: Statement) -> str:
    obj = st.object
    parts = [
        article_id,
        str(st.sentence_start),
        st.relation,
        st.predicate,
        f"{st.subject.start}:{st.subject.end}",
        f"{obj.start}:{obj.end}" if obj else "-",
    ]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def statement_iri(article_id: str, st: Statement) -> URIRef:
    """A stable IRI from the article and where and what the statement is."""
    return STATEMENT[_statement_hash(article_id, st)]


def extractor_iri(extractor: str) -> URIRef:
    return AGENT[slug(extractor)]


# "they may never be free", "might not welcome": a negation under a modal of possibility is itself only possible
POSSIBILITY_HEDGES = frozenset({"may", "might"})
# "are likely to ... not be in the market", "probably not": so is one under a word of likelihood; and a
# question claims nothing, its negation neither ("show why it should not be obliged to pay")
LIKELIHOOD_HEDGES = frozenset(
    {"likely", "unlikely", "probably", "possibly", "perhaps", "maybe", "possible", "probable"}
    | {"allegedly", "reportedly", "apparently", "supposedly", "presumably", "seemingly", "question"}
)
# "ensuring that young people are not exposed": a negation inside a goal is part of the goal (hedges.py);
# "if no-one responded to junk e-mail", "it's not the end of the world if I don't": so is one under a condition
GOAL_HEDGES = frozenset({"ensure", "guarantee", "if", "unless"})


def statement_status(st: Statement) -> ox.NamedNode:
    """The kg:status of a statement: denied, negated, hedged, attributed or asserted, first that holds."""
    if st.denied:
        return K["deniedClaim"]
    if st.negated and st.hedge not in POSSIBILITY_HEDGES | GOAL_HEDGES | LIKELIHOOD_HEDGES:
        return K["negatedClaim"]
    if st.hedge:
        return K["hedgedClaim"]
    if st.attribution:
        return K["attributed"]
    return K["asserted"]


def _int(value: int) -> ox.Literal:
    return _L(str(value), datatype=_XSD_INTEGER)


def _decimal(value: float) -> ox.Literal:
    return _L(format(Decimal(str(value)), "f"), datatype=_XSD_DECIMAL)


def _confidence(value: float) -> ox.Literal:
    return _L(format(Decimal(str(value)).quantize(Decimal("0.001")), "f"), datatype=_XSD_DECIMAL)


def _date(value: str) -> ox.Literal:
    return _L(value, datatype=_XSD_DATE)


def extraction_quads(x: Extraction) -> Iterator[Quad]:
    """Every quad for one article's extraction, in its own named graph."""
    graph = _article(x.article.id)
    yield from (ox.Quad(s, p, o, graph) for s, p, o in _article_triples(x))
    extractor = _N(str(extractor_iri(x.extractor))) if x.extractor else None
    if extractor is not None:
        yield ox.Quad(extractor, _TYPE, T.agent, _ENTITIES_GRAPH)
        yield ox.Quad(extractor, _LABEL, _L(x.extractor), _ENTITIES_GRAPH)
    labels = {e.key: e.label for e in x.entities}
    for entity in x.entities:
        yield from (ox.Quad(s, p, o, _ENTITIES_GRAPH) for s, p, o in _entity_triples(entity))
    if x.article.dateline:
        place = Entity(key=dateline_key(x.article.dateline), label=x.article.dateline, type=PLACE)
        yield from (ox.Quad(s, p, o, _ENTITIES_GRAPH) for s, p, o in _entity_triples(place))
    for name in sorted({st.predicate for st in x.statements if st.predicate.startswith(OPEN_PREFIX)}):
        yield ox.Quad(_predicate(name), _TYPE, T.open_predicate, _ENTITIES_GRAPH)
        yield ox.Quad(_predicate(name), _LABEL, _L(predicate_label(name)), _ENTITIES_GRAPH)
    iris = [_N(_STATEMENT_BASE + _statement_hash(x.article.id, st)) for st in x.statements]
    content: dict[int, list[ox.NamedNode]] = {}
    # what a report says in its own sentence first: '“A. B,” X said.' says B, then A
    reported = sorted(
        (i for i, st in enumerate(x.statements) if st.content_of is not None),
        key=lambda i: x.statements[i].sentence_start != x.statements[x.statements[i].content_of or 0].sentence_start,
    )
    for i in reported:
        content.setdefault(x.statements[i].content_of or 0, []).append(iris[i])
    issued = _date(x.article.date) if x.article.date else None
    for i, st in enumerate(x.statements):
        triples = _statement_triples(st, iris[i], graph, issued, extractor, content.get(i, []), labels)
        yield from (ox.Quad(s, p, o, graph) for s, p, o in triples)
        for j in st.denies:
            yield ox.Quad(iris[i], K["denies"], iris[j], graph)


def _article_triples(x: Extraction) -> Iterator[tuple[ox.NamedNode, ox.NamedNode, Object]]:
    a = x.article
    node = _article(a.id)
    yield node, _TYPE, K["Article"]
    yield node, T.identifier, _L(a.id)
    if a.title:
        yield node, T.title, _L(a.title)
    if a.date:
        yield node, T.date, _date(a.date)
    yield node, T.source, _L(a.url or a.source)
    yield node, K["contentHash"], _L(a.content_hash)
    if a.origin:
        yield node, K["origin"], _L(a.origin)
    if a.dateline:
        yield node, K["dateline"], _entity(dateline_key(a.dateline))
    for entity in x.entities:  # what the article names, said about or not (kg remove drops what none names)
        yield node, T.mentions, _entity(entity.key)


def origin_quad(article_id: str, origin: str) -> Quad:
    """The quad saying where an article was read (kg:origin), in the article's graph."""
    node = _article(article_id)
    return ox.Quad(node, K["origin"], _L(origin), node)


def dateline_key(place: str) -> str:
    """The key of the place an article's dateline names: 'place/london'."""
    return entity_key(PLACE, place)


def _entity_triples(e: Entity) -> Iterator[tuple[ox.NamedNode, ox.NamedNode, Object]]:
    node = _entity(e.key)
    yield node, _TYPE, _class(e.type)
    yield node, _LABEL, _L(e.label)
    for alias in e.aliases:
        yield node, T.alt_label, _L(alias)
    for role in e.roles:
        yield node, K["role"], _L(role)
    for key in e.affiliations:
        yield node, K["affiliatedWith"], _entity(key)
    for key in e.participants:
        yield node, K["participant"], _entity(key)


def _node(arg: Argument | None) -> Object | None:
    if arg is None:
        return None
    return _entity(arg.entity) if arg.entity else _L(arg.text)


def _statement_triples(
    st: Statement,
    node: ox.NamedNode,
    article: ox.NamedNode,
    issued: ox.Literal | None,
    extractor: ox.NamedNode | None,
    content: list[ox.NamedNode],
    labels: dict[str, str],
) -> Iterator[tuple[ox.NamedNode, ox.NamedNode, Object]]:
    if not st.subject.entity:
        return
    subject = _entity(st.subject.entity)
    predicate = _predicate(st.predicate)
    obj = content[0] if content and (st.object is None or st.object.entity is None) else _node(st.object)
    status = statement_status(st)
    yield node, _TYPE, T.statement
    yield node, _TYPE, T.extracted
    yield node, _TYPE, T.prov_entity
    yield node, T.subject, subject
    yield node, T.predicate, predicate
    if obj is not None:
        yield node, T.object, obj
    yield node, T.derived, article
    yield node, _LABEL, _L(statement_label(st))
    if issued is not None:
        yield node, T.issued, issued
    if extractor is not None:
        yield node, T.generated, extractor
    yield node, K["sentence"], _L(st.sentence)
    yield node, K["charStart"], _int(st.sentence_start)
    yield node, K["charEnd"], _int(st.sentence_end)
    yield node, K["surface"], _L(st.relation)
    yield node, K["lemma"], _L(st.lemma)
    yield node, K["subjectText"], _L(st.subject.text)
    yield node, K["subjectStart"], _int(st.subject.start)
    yield node, K["subjectEnd"], _int(st.subject.end)
    if st.object is not None:
        yield node, K["objectText"], _L(st.object.text)
        yield node, K["objectStart"], _int(st.object.start)
        yield node, K["objectEnd"], _int(st.object.end)
    for extra in st.extras:
        yield node, K["extraArgument"], _L(f"{extra.role}: {extra.text}" if extra.role else extra.text)
    yield node, K["confidence"], _confidence(st.confidence)
    yield node, K["kind"], _L(st.kind)
    yield node, K["status"], status
    yield node, K["negated"], _TRUE if st.negated else _FALSE
    yield node, K["hedged"], _TRUE if st.hedge is not None else _FALSE
    if st.hedge:
        yield node, K["hedge"], _L(st.hedge)
    if st.denied:
        yield node, K["denied"], _TRUE
    if st.quoted:
        yield node, K["quoted"], _TRUE
    if st.attribution:
        yield node, T.attributed_to, _entity(st.attribution[0])
        for key in st.attribution[1:]:
            yield node, K["citing"], _entity(key)
        yield node, K["sourceChain"], _L(" > ".join(labels.get(k, k) for k in st.attribution))
    for item in content:
        yield node, K["content"], item
    if st.time:
        yield node, K["eventTime"], _time_literal(st.time)
        start, _, end = st.time.partition("/")
        yield node, K["eventStart"], _date(start)
        yield node, K["eventEnd"], _date(end or start)
    if st.time_text:
        yield node, K["eventTimeText"], _L(st.time_text)
    if st.claim_time:
        yield node, K["claimTime"], _time_literal(st.claim_time)
    for n, figure in enumerate(st.figures):
        fig = _N(f"{node.value}/figure/{n}")
        yield node, K["figure"], fig
        yield fig, _TYPE, K["Figure"]
        yield fig, K["value"], _decimal(figure.value)
        yield fig, K["unit"], _L(figure.unit)
        yield fig, _LABEL, _L(figure.text)
    if status == K["asserted"] and obj is not None and not obj.value.startswith(_STATEMENT_BASE):
        yield subject, predicate, obj


def _time_literal(value: str) -> ox.Literal:
    """A day as xsd:date; an interval "start/end" as a plain ISO 8601 string."""
    return _date(value) if len(value) == 10 else _L(value)


def statement_label(st: Statement) -> str:
    """'Zaluzhny has rejected offer': the statement as read, for people and lenient matching."""
    parts = [st.subject.text, st.relation, st.object.text if st.object else ""]
    text = " ".join(" ".join(p.split()) for p in parts if p)
    return text if len(text) <= 200 else text[:197] + "..."


def ontology_quads() -> Iterator[Quad]:
    """The ontology and predicate vocabulary, in their own named graph."""
    for name in ONTOLOGY_FILES:
        with open(ontology_dir() / name, "rb") as handle:
            for t in ox.parse(handle, format=ox.RdfFormat.TURTLE):
                yield ox.Quad(t.subject, t.predicate, t.object, _ONTOLOGY_GRAPH)


def bind_prefixes(graph: Graph) -> None:
    graph.bind("prov", PROV)
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
