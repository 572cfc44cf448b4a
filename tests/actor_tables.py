"""Helpers for name-table tests of the actors stage: entities, one-statement articles, checks."""

from __future__ import annotations

from typing import Any

from kg.actors.coref import find_entities
from kg.models import Argument, Article, Entity, Extraction, Statement


def entity(key: str, label: str, type_: str, n: int = 1, **kw: Any) -> Entity:
    """An entity of one article with n mentions."""
    return Entity(key, label, type_, mentions=tuple((i, i + 1) for i in range(n)), **kw)


def extraction(article_id: str, *entities: Entity) -> Extraction:
    """An article naming these entities, with one statement: the first said, the last as speaker."""
    subject = Argument(entities[0].label, 0, 1, entity=entities[0].key)
    said = Statement(subject, "said", "say", "says", None, "s", 0, 1, attribution=(entities[-1].key,))
    return Extraction(Article(article_id, "text"), entities, (said,))


def check_article_actors(nlp: Any, text: str, present: set[str], absent: set[str]) -> None:
    """The text as one article has every key of present and none of absent."""
    keys = {e.key for e in find_entities(nlp(text)).entities}
    assert present <= keys, sorted(keys)
    assert not absent & keys, sorted(keys)
