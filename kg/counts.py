"""What the numbers count, defined once for every command and the page.

- an **actor** is an entity whose type is in `kg.models.ACTOR_TYPES` (people, organisations,
  governments, outlets, countries, places, events, anonymous sources, groups);
- a **concept** is an entity of type Concept ("the offer", "the job") or CreativeWork (the film "Ray");
- a **situation** is an entity of type Situation ("the rift between X and Y");
- a **statement** is an extracted statement node (`kg:ExtractedStatement`), whatever its
  status (asserted, attributed, hedged, negated, denied);
- an **article** is a `kg:Article` in the store.

The build summary, `kg entities`, `kg show` and the HTML page all count with these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .models import ACTOR_TYPES, CONCEPT, CREATIVE_WORK, SITUATION
from .vocab import ENTITIES_GRAPH


class Selectable(Protocol):
    def select(self, sparql: str) -> list[tuple[object, ...]]: ...


_TYPE_COUNTS = """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH <%s> { ?e a ?type . FILTER(STRSTARTS(STR(?e), STR(kge:))) }
} GROUP BY ?type
"""
_STATEMENTS = "SELECT (COUNT(?st) AS ?n) WHERE { GRAPH ?g { ?st a kg:ExtractedStatement } }"
_ARTICLES = "SELECT (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a kg:Article } }"


@dataclass(frozen=True, slots=True)
class Counts:
    """How much a store (or a change to it) holds, in the units defined above."""

    articles: int = 0
    actors: int = 0
    concepts: int = 0
    situations: int = 0
    statements: int = 0

    def __sub__(self, other: Counts) -> Counts:
        return Counts(
            self.articles - other.articles,
            self.actors - other.actors,
            self.concepts - other.concepts,
            self.situations - other.situations,
            self.statements - other.statements,
        )

    def describe(self) -> str:
        """'5 articles, 54 actors, 120 concepts, 3 situations, 194 statements'.

        >>> Counts(1, 2, 0, 1, 1).describe()
        '1 article, 2 actors, 0 concepts, 1 situation, 1 statement'
        """
        parts = [
            (self.articles, "article"),
            (self.actors, "actor"),
            (self.concepts, "concept"),
            (self.situations, "situation"),
            (self.statements, "statement"),
        ]
        return ", ".join(f"{n:,} {unit}{'' if n == 1 else 's'}" for n, unit in parts)


def _local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1]


def store_counts(store: Selectable) -> Counts:
    """Count what the store holds (a few aggregate queries; no rows are read)."""
    by_type: dict[str, int] = {}
    for type_, n in store.select(_TYPE_COUNTS % ENTITIES_GRAPH):
        by_type[_local(type_)] = int(str(n))
    ((statements,),) = store.select(_STATEMENTS)
    ((articles,),) = store.select(_ARTICLES)
    return Counts(
        articles=int(str(articles)),
        actors=sum(n for t, n in by_type.items() if t in ACTOR_TYPES),
        concepts=by_type.get(CONCEPT, 0) + by_type.get(CREATIVE_WORK, 0),
        situations=by_type.get(SITUATION, 0),
        statements=int(str(statements)),
    )
