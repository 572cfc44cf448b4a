"""What the graph knows about its actors: the list (`kg entities`) and one dossier (`kg show`).

Both read the store with SPARQL and return plain rows; the format_* functions return text.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import QueryError
from .lookup import Candidate, lookup
from .models import ACTOR_TYPES, ENTITY_TYPES
from .store import Store
from .tables import render as render_table
from .vocab import ENTITY

ENTITY_FORMATS = ("table", "csv", "json")

_DESCRIPTIONS = """
SELECT ?e ?type ?label ?alias ?role ?aff WHERE {
  GRAPH ?g { ?e a ?type ; rdfs:label ?label .
    OPTIONAL { ?e skos:altLabel ?alias } OPTIONAL { ?e kg:role ?role }
    OPTIONAL { ?e kg:affiliatedWith ?aff } }
  FILTER(STRSTARTS(STR(?e), STR(kge:)))
}
"""
_STATEMENT_COUNTS = """
SELECT ?e (COUNT(DISTINCT ?st) AS ?n) (COUNT(DISTINCT ?a) AS ?articles) WHERE {
  { ?st rdf:subject ?e } UNION { ?st rdf:object ?e }
  UNION { ?st prov:wasAttributedTo ?e } UNION { ?st kg:citing ?e }
  ?st a kg:ExtractedStatement ; prov:wasDerivedFrom ?a .
} GROUP BY ?e
"""
_STATEMENTS = """
SELECT DISTINCT ?st ?s ?p ?o ?surface ?sentence ?chain ?status ?article ?title ?date ?otext ?stext WHERE {
  VALUES ?e { <%s> }
  { ?st rdf:subject ?e } UNION { ?st rdf:object ?e }
  UNION { ?st prov:wasAttributedTo ?e } UNION { ?st kg:citing ?e }
  ?st a kg:ExtractedStatement ; rdf:subject ?s ; rdf:predicate ?p ; prov:wasDerivedFrom ?article ;
      kg:sentence ?sentence ; kg:surface ?surface .
  OPTIONAL { ?st rdf:object ?o } OPTIONAL { ?st kg:sourceChain ?chain } OPTIONAL { ?st kg:status ?status }
  OPTIONAL { ?st kg:objectText ?otext } OPTIONAL { ?st kg:subjectText ?stext }
  OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article dcterms:date ?date }
}
"""


@dataclass
class EntityRow:
    """One actor as the store describes it, over all articles."""

    key: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    articles: int = 0
    statements: int = 0


@dataclass
class StatementLine:
    """One statement about an actor, with its evidence."""

    direction: str  # "out" (the actor is the subject), "in" (the object) or "source" (it said or was cited)
    subject: str
    relation: str
    object: str
    status: str
    source: str
    sentence: str
    article: str
    date: str


@dataclass
class Dossier:
    entity: EntityRow
    statements: list[StatementLine]


def _local(term: Any) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _key(iri: Any) -> str:
    return str(iri)[len(str(ENTITY)) :]


def entity_rows(store: Store) -> list[EntityRow]:
    """Every entity in the store, with its aliases, roles and the articles and statements that name it."""
    rows: dict[str, EntityRow] = {}
    labels: dict[str, set[str]] = defaultdict(set)
    for e, type_, label, alias, role, aff in store.select(_DESCRIPTIONS):
        key = _key(e)
        row = rows.setdefault(key, EntityRow(key, _local(type_), str(label)))
        labels[key].add(str(label))
        if alias is not None and str(alias) not in row.aliases:
            row.aliases.append(str(alias))
        if role is not None and str(role) not in row.roles:
            row.roles.append(str(role))
        if aff is not None and _key(aff) not in row.affiliations:
            row.affiliations.append(_key(aff))
    counts = {_key(e): (int(n), int(a)) for e, n, a in store.select(_STATEMENT_COUNTS)}
    for key, row in rows.items():
        row.label = min(labels[key], key=lambda n: (-len(n), n))
        row.aliases = sorted(set(row.aliases) | labels[key] - {row.label})
        row.roles.sort()
        row.affiliations.sort()
        row.statements, row.articles = counts.get(key, (0, 0))
    return sorted(rows.values(), key=lambda r: (-r.statements, -r.articles, r.label.lower(), r.key))


def list_entities(store: Store, type_: str | None = None) -> list[EntityRow]:
    """The actors (or, with `type_`, the entities of that type), most talked about first.

    `articles` and `statements` count the statements an entity is the subject, object or
    source of, and the articles they come from.
    """
    if type_ is not None and type_ not in ENTITY_TYPES:
        raise QueryError(f"unknown entity type {type_!r}; choose one of: {', '.join(ENTITY_TYPES)}")
    wanted = {type_} if type_ else ACTOR_TYPES
    return [r for r in entity_rows(store) if r.type in wanted]


def known_entities(store: Store) -> list[tuple[str, str, str]]:
    """(key, label, type) of the stored entities, for kg.actors.resolve.resolve(known=...)."""
    return [(r.key, r.label, r.type) for r in entity_rows(store) if r.type in ACTOR_TYPES]


def candidates(rows: Iterable[EntityRow]) -> list[Candidate]:
    """The rows as kg.lookup sees them."""
    return [Candidate(r.key, r.label, r.type, tuple(r.aliases)) for r in rows]


def find_entity(store: Store, name: str) -> EntityRow:
    """The one entity whose key, IRI, label or alias is `name` (see kg.lookup); suggests near names."""
    rows = entity_rows(store)
    found = lookup(candidates(rows), name)
    return next(r for r in rows if r.key == found.key)


def dossier(store: Store, name: str) -> Dossier:
    """One actor: its names, roles, and every statement in and out with sentence and source."""
    row = find_entity(store, name)
    iri = str(ENTITY) + row.key
    lines: list[StatementLine] = []
    for _st, s, _p, o, surface, sentence, chain, status, article, title, date, otext, stext in store.select(
        _STATEMENTS % iri
    ):
        lines.append(
            StatementLine(
                direction="out" if str(s) == iri else "in" if str(o) == iri else "source",
                subject=_name(store, s, stext),
                relation=str(surface),
                object=_name(store, o, otext),
                status=_local(status) if status is not None else "",
                source=str(chain or ""),
                sentence=" ".join(str(sentence).split()),
                article=str(title or _local(article)),
                date=str(date or ""),
            )
        )
    order = {"out": 0, "in": 1, "source": 2}
    lines.sort(key=lambda x: (x.date, x.article, order[x.direction], x.sentence, x.relation))
    return Dossier(row, lines)


def _name(store: Store, node: Any, text: Any) -> str:
    if node is None:
        return str(text or "")
    if str(node).startswith(str(ENTITY)):
        return str(text or _key(node))
    return str(text or _local(node))


def _plural(n: int, unit: str) -> str:
    return f"{n:,} {unit}{'' if n == 1 else 's'}"


def format_entities(rows: Iterable[EntityRow], fmt: str, *, width: int | None = None) -> str:
    """The rows as an aligned table (fitted to `width`: labels and aliases cut, keys never), CSV or JSON lines."""
    rows = list(rows)
    if fmt == "json":
        return "".join(json.dumps(asdict(r), ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    header = ["type", "label", "articles", "statements", "aliases", "key"]
    table = [[r.type, r.label, str(r.articles), str(r.statements), "; ".join(r.aliases), r.key] for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(table)
        return out.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; choose one of: {', '.join(ENTITY_FORMATS)}")
    return render_table(header, table, width=width, whole={0, 2, 3, 5})


def format_dossier(d: Dossier) -> str:
    """A readable dossier: names, roles, then statements out and in with their evidence."""
    e = d.entity
    out = [f"{e.label} ({e.type}) {ENTITY}{e.key}"]
    if e.aliases:
        out.append(f"  also: {'; '.join(e.aliases)}")
    if e.roles:
        out.append(f"  roles: {'; '.join(e.roles)}")
    if e.affiliations:
        out.append(f"  affiliated with: {'; '.join(e.affiliations)}")
    by = {way: sum(st.direction == way for st in d.statements) for way in ("out", "in", "source")}
    out.append(
        f"  in {_plural(e.articles, 'article')}, {_plural(len(d.statements), 'statement')}: "
        f"{by['out']} as subject (->), {by['in']} as object (<-), {by['source']} as source (<=)"
    )
    for st in d.statements:
        arrow = {"out": "->", "in": "<-", "source": "<="}[st.direction]
        head = f"{arrow} {st.subject} | {st.relation} | {st.object}"
        tags = [t for t in (st.status, f"source: {st.source}" if st.source else "") if t]
        out.append(f"\n{head}" + (f"  [{', '.join(tags)}]" if tags else ""))
        out.append(f"   {st.sentence}")
        out.append(f"   ({st.article}{', ' + st.date if st.date else ''})")
    return "\n".join(out) + "\n"
