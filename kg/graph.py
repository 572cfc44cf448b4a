"""Project the RDF graph onto a networkx graph of actors and what they say about each other.

Nodes are entities (IRI as node id). Edges come from statement nodes whose subject and
object are both entities, so claims are visible with their status; statements of the same
subject, predicate, object and status are merged into one edge with a list of evidence.
The entity descriptions ``kg:participant`` and ``kg:affiliatedWith`` become edges with
status ``"structural"``, so a situation ("the rift") is tied to its participants.

The graph is read with a handful of SPARQL SELECT queries, so it works the same on an
in-memory ``rdflib.Dataset(default_union=True)`` and on an Oxigraph-backed store.
"""

from __future__ import annotations

import difflib
import json
import re
import warnings
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from typing import Any, TypedDict

import networkx as nx
import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import ResultRow

from kg import models
from kg.errors import KgError
from kg.vocab import KG, OPEN, PRED

STRUCTURAL = "structural"
"""Status of edges drawn from entity descriptions rather than statement nodes."""

STATUSES: tuple[str, ...] = ("asserted", "attributed", "hedgedClaim", "negatedClaim", "deniedClaim")
"""Statement statuses, as local names of the kg:Status individuals."""

# When an entity carries several kg types (a resolver merged two readings), the most
# specific one wins: subclasses before their superclasses, actors before the rest.
_TYPE_PRIORITY: tuple[str, ...] = (
    models.MEDIA_OUTLET,
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
    models.SITUATION,
    models.CONCEPT,
)
_TYPE_BY_IRI: dict[str, str] = {str(KG[name]): name for name in models.ENTITY_TYPES}
_STATUS_BY_IRI: dict[str, str] = {str(KG[name]): name for name in STATUSES}
_STRUCTURAL_PREDICATES = (KG.participant, KG.affiliatedWith)
_CHOICES_SHOWN = 8


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

_STRUCTURAL_QUERY = (
    "SELECT DISTINCT ?s ?p ?o WHERE {\n  "
    + "\n  UNION ".join(
        f"{{ ?s {term.n3()} ?o . BIND({term.n3()} AS ?p) FILTER(isIRI(?o)) }}" for term in _STRUCTURAL_PREDICATES
    )
    + "\n}"
)

Row = dict[str, str | None]
"""A solution with every value as its lexical form (IRIs as strings), unbound as None."""


@cache
def _prepared(text: str) -> Query:
    """rdflib parses SPARQL slowly; the handful of queries here are parsed once."""
    return prepareQuery(text)


def _select(ds: rdflib.Dataset, query: str) -> list[Row]:
    """Run a SELECT query on the union of all graphs (when ``ds`` is default-union)."""
    text = _PREFIXES + query
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


def local_name(iri: str) -> str:
    """The last segment of an IRI.

    >>> local_name("https://w3id.org/kg/ontology#hedgedClaim")
    'hedgedClaim'
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def _humanize(name: str) -> str:
    """A readable label from a camelCase or slug local name: 'concernedAbout' -> 'concerned about'."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    return re.sub(r"[-_]+", " ", spaced).lower().strip() or name


def _read_entities(ds: rdflib.Dataset) -> dict[str, dict[str, Any]]:
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    aliases: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[str]] = defaultdict(set)
    targets = {str(RDFS.label): labels, str(SKOS.altLabel): aliases, str(KG.role): roles}
    for row in _select(ds, _entities_query()):
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
        label = label or _humanize(local_name(iri))
        entities[iri] = {
            "label": label,
            "type": next(name for name in _TYPE_PRIORITY if name in types[iri]),
            "aliases": sorted(aliases[iri] | labels[iri] - {label}),
            "roles": sorted(roles[iri]),
        }
    return entities


def _read_predicate_labels(ds: rdflib.Dataset) -> dict[str, str]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in _select(ds, _PREDICATE_LABELS_QUERY):
        if row["p"] is None or row["label"] is None:
            continue
        # Prefer untagged or English labels; other languages are kept only as a fallback.
        found[row["p"]].add(("0" if row["lang"] in (None, "", "en") else "1") + row["label"])
    return {iri: min(values)[1:] for iri, values in found.items()}


def _read_articles(ds: rdflib.Dataset) -> dict[str, dict[str, str]]:
    """Article IRI -> its title, date and source (the smallest, should there be several)."""
    articles: dict[str, dict[str, str]] = defaultdict(dict)
    for row in _select(ds, _ARTICLES_QUERY):
        article, field, value = row["article"], row["p"], row["v"]
        if article is not None and field is not None and value is not None:
            known = articles[article].get(field)
            articles[article][field] = value if known is None else min(known, value)
    return articles


def _read_evidence(
    ds: rdflib.Dataset, entities: Mapping[str, Mapping[str, Any]]
) -> dict[str, tuple[str, str, str, Evidence]]:
    """Statement IRI -> (subject, predicate, object, evidence), for entity-to-entity statements."""
    rows: dict[str, list[Row]] = defaultdict(list)
    for row in _select(ds, _STATEMENTS_QUERY):
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
        }
        if not evidence["source_chain"] and (attributed := pick("attributed")):
            known = entities.get(attributed)
            evidence["source_chain"] = str(known["label"]) if known else _humanize(local_name(attributed))
        found[statement] = (first["s"] or "", first["p"] or "", first["o"] or "", evidence)
    return found


def _evidence_order(evidence: Evidence) -> tuple[str, str, str, int, str]:
    return (
        evidence["date"],
        evidence["title"],
        evidence["article"],
        evidence["start"] if evidence["start"] is not None else -1,
        evidence["statement"],
    )


def _add_statement_edges(
    g: nx.MultiDiGraph,
    evidence: Mapping[str, tuple[str, str, str, Evidence]],
    predicate_labels: Mapping[str, str],
    *,
    include_claims: bool,
) -> None:
    merged: dict[tuple[str, str, str, str], list[Evidence]] = defaultdict(list)
    for subject, predicate, obj, item in evidence.values():
        if include_claims or item["status"] == "asserted":
            merged[(subject, obj, predicate, item["status"])].append(item)
    for (subject, obj, predicate, status), items in sorted(merged.items()):
        items.sort(key=_evidence_order)
        head = items[0]
        confidences = [item["confidence"] for item in items if item["confidence"] is not None]
        g.add_edge(
            subject,
            obj,
            key=f"{predicate} {status}",
            predicate=predicate,
            label=predicate_labels.get(predicate) or _humanize(local_name(predicate)),
            status=status,
            surface=head["surface"],
            sentence=head["sentence"],
            title=head["title"],
            date=head["date"],
            source=head["source"],
            source_chain=head["source_chain"],
            confidence=max(confidences) if confidences else None,
            count=len(items),
            evidence=items,
        )


def _add_structural_edges(g: nx.MultiDiGraph, ds: rdflib.Dataset, predicate_labels: Mapping[str, str]) -> None:
    found = sorted({(row["s"] or "", row["p"] or "", row["o"] or "") for row in _select(ds, _STRUCTURAL_QUERY)})
    for subject, predicate, obj in found:
        if subject in g and obj in g and subject != obj:
            g.add_edge(
                subject,
                obj,
                key=f"{predicate} {STRUCTURAL}",
                predicate=predicate,
                label=predicate_labels.get(predicate) or _humanize(local_name(predicate)),
                status=STRUCTURAL,
                surface="",
                sentence="",
                title="",
                date="",
                source="",
                source_chain="",
                confidence=None,
                count=0,
                evidence=[],
            )


def _resolve_focus(g: nx.MultiDiGraph, focus: str) -> set[str]:
    if focus in g:
        return {focus}
    wanted = focus.strip().casefold()
    seeds = {
        iri
        for iri, data in g.nodes(data=True)
        if wanted == data["label"].casefold() or wanted in (alias.casefold() for alias in data["aliases"])
    }
    if seeds:
        return seeds
    names = sorted({data["label"] for _, data in g.nodes(data=True)}, key=str.casefold)
    if not names:
        raise KgError(f"unknown entity {focus!r}: the graph has no entities; build it first with 'kg build'")
    close = difflib.get_close_matches(focus, names, n=_CHOICES_SHOWN, cutoff=0.5)
    shown = close or names[:_CHOICES_SHOWN]
    more = "" if len(names) <= len(shown) else f" (or another of {len(names)}; list them with 'kg entities')"
    hint = "did you mean" if close else "choose one of"
    raise KgError(f"unknown entity {focus!r}; {hint}: {', '.join(shown)}{more}")


def _neighbourhood(g: nx.MultiDiGraph, seeds: set[str], depth: int) -> set[str]:
    kept = set(seeds)
    frontier = set(seeds)
    for _ in range(depth):
        reached = {n for node in frontier for n in (*g.successors(node), *g.predecessors(node))}
        frontier = reached - kept
        if not frontier:
            break
        kept |= frontier
    return kept


def _top_by_degree(g: nx.MultiDiGraph, limit: int, keep: set[str]) -> set[str]:
    def rank(node: str) -> tuple[int, int, str, str]:
        return (0 if node in keep else 1, -int(g.degree(node)), g.nodes[node]["label"].casefold(), node)

    return set(sorted(g.nodes, key=rank)[:limit])


def project(
    ds: rdflib.Dataset,
    *,
    focus: str | None = None,
    depth: int = 1,
    limit: int | None = None,
    include_claims: bool = True,
    isolated: bool = False,
) -> nx.MultiDiGraph:
    """The actor graph: entities as nodes, entity-to-entity statements as edges.

    ``focus`` is an entity IRI, label or alias (case-insensitive); only nodes within
    ``depth`` hops of it (in either direction) are kept. ``limit`` keeps the ``limit``
    nodes of highest degree (the focus always among them). ``include_claims=False``
    keeps only statements the articles assert in their own voice. Entities with no edge
    at all are left out unless ``isolated`` is true.

    Node attributes: ``label``, ``type`` (class local name, "Person"), ``aliases``,
    ``roles``. Edge attributes: ``predicate`` (IRI), ``label``, ``status``
    ("asserted", "attributed", "hedgedClaim", "negatedClaim", "deniedClaim" or
    "structural"), ``surface``, ``sentence``, ``title``, ``date``, ``source``,
    ``source_chain``, ``confidence`` and ``count`` of the first (earliest) piece of
    evidence, and ``evidence``: the list of every statement merged into the edge.
    Edge keys are ``"<predicate IRI> <status>"``.
    """
    if depth < 0:
        raise KgError(f"depth must be 0 or more, not {depth}")
    if limit is not None and limit < 1:
        raise KgError(f"limit must be 1 or more, not {limit}")
    entities = _read_entities(ds)
    g = nx.MultiDiGraph()
    for iri, attrs in entities.items():
        g.add_node(iri, **attrs)
    predicate_labels = _read_predicate_labels(ds)
    evidence = _read_evidence(ds, entities)
    _add_statement_edges(g, evidence, predicate_labels, include_claims=include_claims)
    _add_structural_edges(g, ds, predicate_labels)

    seeds: set[str] = set()
    if focus is not None:
        seeds = _resolve_focus(g, focus)
        g = _restrict(g, _neighbourhood(g, seeds, depth))
    if not isolated:
        g = _restrict(g, {n for n in g if g.degree(n) > 0} | seeds)
    if limit is not None and g.number_of_nodes() > limit:
        g = _restrict(g, _top_by_degree(g, limit, seeds))
    return g


def _restrict(g: nx.MultiDiGraph, nodes: set[str]) -> nx.MultiDiGraph:
    """A copy of ``g`` induced on ``nodes``, nodes and edges in the same order as in ``g``."""
    kept = nx.MultiDiGraph()
    kept.add_nodes_from((n, data) for n, data in g.nodes(data=True) if n in nodes)
    kept.add_edges_from((s, o, k, data) for s, o, k, data in g.edges(keys=True, data=True) if s in nodes and o in nodes)
    return kept


def flatten(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes are all str, int, float or bool, as GraphML needs.

    Lists of strings (aliases, roles) become "; "-joined text, the evidence list becomes
    JSON, and unset values are left out.
    """
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _flat_attrs(data)) for n, data in g.nodes(data=True))
    flat.add_edges_from((s, o, k, _flat_attrs(data)) for s, o, k, data in g.edges(keys=True, data=True))
    return flat


def _flat_attrs(data: Mapping[str, Any]) -> dict[str, str | int | float | bool]:
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, str | int | float | bool):
            out[key] = value
        elif isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
            out[key] = "; ".join(value)
        else:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return out
