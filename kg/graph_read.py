"""Read entities, predicate labels and statement evidence out of an RDF dataset.

The projection in :mod:`kg.graph` needs plain data, not RDF terms: entities with their
label, most specific type, aliases and roles; predicate labels; one :class:`Evidence`
per entity-to-entity statement, with the title, date and source of its article; and the
``kg:participant`` / ``kg:affiliatedWith`` triples between entities.

The graph is read with a handful of SPARQL SELECT queries, so it works the same on an
in-memory ``rdflib.Dataset(default_union=True)`` and on an Oxigraph-backed store.
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from typing import Any, TypedDict

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import ResultRow

from kg import models
from kg.errors import KgError
from kg.vocab import KG, OPEN, PRED

STATUSES: tuple[str, ...] = ("asserted", "attributed", "hedgedClaim", "negatedClaim", "deniedClaim")
"""Statement statuses, as local names of the kg:Status individuals."""

# When an entity carries several kg types (a resolver merged two readings), the most
# specific one wins: subclasses before their superclasses, actors before the rest.
_TYPE_PRIORITY: tuple[str, ...] = (
    models.MEDIA_OUTLET,
    models.SPORTS_TEAM,
    models.GOVERNMENT_BODY,
    models.MILITARY,
    models.COMPANY,
    models.COUNTRY,
    models.ANONYMOUS_SOURCE,
    models.PERSON,
    models.ORGANIZATION,
    models.GROUP,
    models.PLACE,
    models.EVENT,
    models.CREATIVE_WORK,
    models.SITUATION,
    models.CONCEPT,
)
_TYPE_BY_IRI: dict[str, str] = {str(KG[name]): name for name in models.ENTITY_TYPES}
_STATUS_BY_IRI: dict[str, str] = {str(KG[name]): name for name in STATUSES}
_STRUCTURAL_PREDICATES = (KG.participant, KG.affiliatedWith)


class Evidence(TypedDict):
    """One statement behind an edge: where it was read and who it is attributed to."""

    statement: str
    status: str
    sentence: str
    surface: str
    start: int | None
    end: int | None
    confidence: float | None
    article: str
    title: str
    date: str
    source: str
    source_chain: str
    hedge: str
    subject_text: str
    object_text: str
    subject_span: tuple[int, int] | None  # offsets in the article, as start and end
    object_span: tuple[int, int] | None


_PREFIXES = "".join(
    f"PREFIX {name}: <{namespace}>\n"
    for name, namespace in (
        ("rdf", RDF),
        ("rdfs", RDFS),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("kg", KG._NS),
    )
)


def _entities_query() -> str:
    # One UNION branch per property, each anchored on its predicate: both rdflib's engine
    # and Oxigraph plan this well, unlike a join over VALUES. Labels of non-entities
    # (predicates, the ontology) come along and are dropped in Python.
    types = ", ".join(KG[name].n3() for name in models.ENTITY_TYPES)
    branches = [f"{{ ?e rdf:type ?v . FILTER(?v IN ({types})) BIND(rdf:type AS ?p) }}"]
    branches += [f"{{ ?e {prop.n3()} ?v . BIND({prop.n3()} AS ?p) }}" for prop in (RDFS.label, SKOS.altLabel, KG.role)]
    return "SELECT DISTINCT ?e ?p ?v WHERE {\n  " + "\n  UNION ".join(branches) + "\n}"


_STATEMENTS_QUERY = """
SELECT DISTINCT ?st ?s ?p ?o ?status ?sentence ?surface ?start ?end ?confidence ?chain ?attributed ?article
       ?hedge ?subjectText ?objectText ?s0 ?s1 ?o0 ?o1
WHERE {
  ?st rdf:type kg:ExtractedStatement ;
      rdf:subject ?s ;
      rdf:predicate ?p ;
      rdf:object ?o .
  FILTER(isIRI(?s) && isIRI(?o))
  OPTIONAL { ?st kg:status ?status }
  OPTIONAL { ?st kg:sentence ?sentence }
  OPTIONAL { ?st kg:surface ?surface }
  OPTIONAL { ?st kg:charStart ?start }
  OPTIONAL { ?st kg:charEnd ?end }
  OPTIONAL { ?st kg:confidence ?confidence }
  OPTIONAL { ?st kg:sourceChain ?chain }
  OPTIONAL { ?st prov:wasAttributedTo ?attributed }
  OPTIONAL { ?st prov:wasDerivedFrom ?article }
  OPTIONAL { ?st kg:hedge ?hedge }
  OPTIONAL { ?st kg:subjectText ?subjectText }
  OPTIONAL { ?st kg:objectText ?objectText }
  OPTIONAL { ?st kg:subjectStart ?s0 ; kg:subjectEnd ?s1 }
  OPTIONAL { ?st kg:objectStart ?o0 ; kg:objectEnd ?o1 }
}"""

_ARTICLES_QUERY = """
SELECT DISTINCT ?article ?p ?v WHERE {
  { ?article dcterms:title ?v . BIND("title" AS ?p) }
  UNION { ?article dcterms:date ?v . BIND("date" AS ?p) }
  UNION { ?article dcterms:source ?v . BIND("source" AS ?p) }
}"""

_PREDICATE_LABELS_QUERY = f"""
SELECT DISTINCT ?p ?label (LANG(?label) AS ?lang) WHERE {{
  ?p rdfs:label ?label .
  FILTER(STRSTARTS(STR(?p), "{PRED}") || STRSTARTS(STR(?p), "{OPEN}")
         || ?p IN ({", ".join(term.n3() for term in _STRUCTURAL_PREDICATES)}))
}}"""

# The FILTER stands outside the UNION: inside each branch, next to the BIND, it made
# Virtuoso 7.2's SPARQL compiler fail ("sparp_gp_deprecate(): equiv replaces filter").
_STRUCTURAL_QUERY = (
    "SELECT DISTINCT ?s ?p ?o WHERE {\n  "
    + "\n  UNION ".join(f"{{ ?s {term.n3()} ?o . BIND({term.n3()} AS ?p) }}" for term in _STRUCTURAL_PREDICATES)
    + "\n  FILTER(isIRI(?o))\n}"
)

Row = dict[str, str | None]
"""A solution with every value as its lexical form (IRIs as strings), unbound as None."""


@cache
def _prepared(text: str) -> Query:
    """rdflib parses SPARQL slowly; the handful of queries here are parsed once."""
    return prepareQuery(text)


def select(ds: rdflib.Dataset, query: str) -> list[Row]:
    """Run a SELECT query on the union of all graphs (when ``ds`` is default-union)."""
    text = _PREFIXES + query
    remote = getattr(ds.store, "remote_select", None)
    if remote is not None:  # kg.remote: the endpoint takes SPARQL text, not rdflib's parsed queries
        return remote(text)  # type: ignore[no-any-return]
    inner = getattr(ds.store, "_inner", None)
    if isinstance(inner, ox.Store):
        # Oxigraph behind oxrdflib: read its solutions directly; turning every value
        # into an rdflib term first costs five times as long as the query itself.
        try:
            solutions = inner.query(text, use_default_graph_as_union=bool(ds.default_union))
        except (SyntaxError, OSError, ValueError) as exc:
            raise KgError(f"cannot read the graph for projection: {exc}") from exc
        assert isinstance(solutions, ox.QuerySolutions)
        names = [variable.value for variable in solutions.variables]
        return [
            {name: None if term is None else term.value for name, term in zip(names, solution, strict=True)}
            for solution in solutions
        ]
    with warnings.catch_warnings():
        # rdflib 7.6 warns about its own use of Dataset.default_context when a
        # default-union Dataset answers SPARQL; that is not the caller's to fix.
        warnings.filterwarnings("ignore", message=r"Dataset\.default_context", category=DeprecationWarning)
        try:
            result = ds.query(_prepared(text))
            variables = [str(variable) for variable in result.vars or ()]
            rows = [row for row in result if isinstance(row, ResultRow)]
        except Exception as exc:  # the store's own error types vary by plugin
            raise KgError(f"cannot read the graph for projection: {exc}") from exc
    return [{name: None if row[name] is None else str(row[name]) for name in variables} for row in rows]


def _int(text: str | None) -> int | None:
    try:
        return None if text is None else int(text)
    except ValueError:
        return None


def _float(text: str | None) -> float | None:
    try:
        return None if text is None else float(text)
    except ValueError:
        return None


def _span(group: list[Row], start: str, end: str) -> tuple[int, int] | None:
    found = sorted((a, b) for row in group if (a := _int(row[start])) is not None and (b := _int(row[end])) is not None)
    return found[0] if found else None


def local_name(iri: str) -> str:
    """The last segment of an IRI.

    >>> local_name("https://w3id.org/kg/ontology#hedgedClaim")
    'hedgedClaim'
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def humanize(name: str) -> str:
    """A readable label from a camelCase or slug local name: 'concernedAbout' -> 'concerned about'."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    return re.sub(r"[-_]+", " ", spaced).lower().strip() or name


def read_entities(ds: rdflib.Dataset) -> dict[str, dict[str, Any]]:
    """Entity IRI -> its ``label``, most specific ``type``, ``aliases`` and ``roles``, by IRI."""
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    aliases: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[str]] = defaultdict(set)
    targets = {str(RDFS.label): labels, str(SKOS.altLabel): aliases, str(KG.role): roles}
    for row in select(ds, _entities_query()):
        iri, prop, value = row["e"], row["p"], row["v"]
        if iri is None or prop is None or value is None:
            continue
        if prop == str(RDF.type):
            if value in _TYPE_BY_IRI:
                types[iri].add(_TYPE_BY_IRI[value])
        elif prop in targets:
            targets[prop][iri].add(value)
    entities: dict[str, dict[str, Any]] = {}
    for iri in sorted(types):
        label = min(labels[iri], key=lambda text: (text.casefold(), text)) if labels[iri] else ""
        label = label or humanize(local_name(iri))
        entities[iri] = {
            "label": label,
            "type": next(name for name in _TYPE_PRIORITY if name in types[iri]),
            "aliases": sorted(aliases[iri] | labels[iri] - {label}),
            "roles": sorted(roles[iri]),
        }
    return entities


def read_predicate_labels(ds: rdflib.Dataset) -> dict[str, str]:
    """Predicate IRI -> its label, untagged or English preferred."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in select(ds, _PREDICATE_LABELS_QUERY):
        if row["p"] is None or row["label"] is None:
            continue
        # Prefer untagged or English labels; other languages are kept only as a fallback.
        found[row["p"]].add(("0" if row["lang"] in (None, "", "en") else "1") + row["label"])
    return {iri: min(values)[1:] for iri, values in found.items()}


def _read_articles(ds: rdflib.Dataset) -> dict[str, dict[str, str]]:
    """Article IRI -> its title, date and source (the smallest, should there be several)."""
    articles: dict[str, dict[str, str]] = defaultdict(dict)
    for row in select(ds, _ARTICLES_QUERY):
        article, field, value = row["article"], row["p"], row["v"]
        if article is not None and field is not None and value is not None:
            known = articles[article].get(field)
            articles[article][field] = value if known is None else min(known, value)
    return articles


def read_evidence(
    ds: rdflib.Dataset, entities: Mapping[str, Mapping[str, Any]]
) -> dict[str, tuple[str, str, str, Evidence]]:
    """Statement IRI -> (subject, predicate, object, evidence), for entity-to-entity statements."""
    rows: dict[str, list[Row]] = defaultdict(list)
    for row in select(ds, _STATEMENTS_QUERY):
        if row["st"] is not None and row["s"] in entities and row["o"] in entities:
            rows[row["st"]].append(row)
    articles = _read_articles(ds)
    found: dict[str, tuple[str, str, str, Evidence]] = {}
    for statement, group in rows.items():
        # A statement with several values for one field (it should not happen) reads
        # the same on every run: each field takes its smallest value.
        def pick(field: str, group: list[Row] = group) -> str:
            return min((value for row in group if (value := row[field]) is not None), default="")

        first = min(group, key=lambda row: (row["s"] or "", row["p"] or "", row["o"] or ""))
        status_iri = pick("status")
        status = _STATUS_BY_IRI.get(status_iri, local_name(status_iri) if status_iri else "asserted")
        confidences = [c for row in group if (c := _float(row["confidence"])) is not None]
        article = pick("article")
        meta = articles.get(article, {})
        evidence: Evidence = {
            "statement": statement,
            "status": status,
            "sentence": pick("sentence"),
            "surface": pick("surface"),
            "start": min((i for row in group if (i := _int(row["start"])) is not None), default=None),
            "end": min((i for row in group if (i := _int(row["end"])) is not None), default=None),
            "confidence": max(confidences) if confidences else None,
            "article": article,
            "title": meta.get("title", ""),
            "date": meta.get("date", ""),
            "source": meta.get("source", ""),
            "source_chain": pick("chain"),
            "hedge": pick("hedge"),
            "subject_text": pick("subjectText"),
            "object_text": pick("objectText"),
            "subject_span": _span(group, "s0", "s1"),
            "object_span": _span(group, "o0", "o1"),
        }
        if not evidence["source_chain"] and (attributed := pick("attributed")):
            known = entities.get(attributed)
            evidence["source_chain"] = str(known["label"]) if known else humanize(local_name(attributed))
        found[statement] = (first["s"] or "", first["p"] or "", first["o"] or "", evidence)
    return found


def read_structural(ds: rdflib.Dataset) -> list[tuple[str, str, str]]:
    """The sorted (subject, predicate, object) triples of the structural predicates, objects IRIs."""
    return sorted({(row["s"] or "", row["p"] or "", row["o"] or "") for row in select(ds, _STRUCTURAL_QUERY)})
