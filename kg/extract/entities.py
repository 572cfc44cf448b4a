"""Named entities of one article: typed, merged by name, with every mention.

Rules (all general, documented here):

- spaCy's NER labels give the type: PERSON -> Person, ORG -> Organization (MediaOutlet
  when the name is a known outlet in ontology/outlets.txt), GPE -> Country when the name
  is a country in ontology/places.txt, else Place; LOC and FAC -> Place; NORP -> the
  country of the demonym when there is one, else Group; EVENT -> Event.
- A leading "the" and a trailing possessive "'s" are not part of a name.
- Within an article, a person named by one word (a surname) is the person whose full name
  ends with that word, when exactly one such person was named; an outlet or country alias
  is its canonical name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..models import (
    CONCEPT,
    COUNTRY,
    EVENT,
    GROUP,
    MEDIA_OUTLET,
    ORGANIZATION,
    PERSON,
    PLACE,
    Entity,
)
from ..vocab import ontology_dir, slug

LABEL_TYPES = {
    "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "NORP": GROUP,
    "EVENT": EVENT,
    "LAW": CONCEPT,
    "WORK_OF_ART": CONCEPT,
    "PRODUCT": CONCEPT,
}
LEADING_WORDS = frozenset({"the", "a", "an"})
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known names: outlets and countries with their aliases and demonyms (lowercased keys)."""

    outlets: dict[str, str]
    countries: dict[str, str]
    demonyms: dict[str, str]


def _entries(name: str) -> Iterator[str]:
    for line in (ontology_dir() / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    outlets: dict[str, str] = {}
    for line in _entries("outlets.txt"):
        names = [n.strip() for n in line.split("|")]
        for name in names:
            outlets[name.lower()] = names[0]
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in _entries("places.txt"):
        names_part, _, demonym_part = line.partition(";")
        names = [n.strip() for n in names_part.split("|") if n.strip()]
        for name in names:
            countries[name.lower()] = names[0]
        for demonym in demonym_part.split(","):
            if demonym.strip():
                demonyms[demonym.strip().lower()] = names[0]
    return Gazetteer(outlets, countries, demonyms)


def clean_name(text: str) -> str:
    """Strip a leading article and a trailing possessive from a name.

    >>> clean_name("the Financial Times's")
    'Financial Times'
    """
    words = text.split()
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    name = " ".join(words)
    for ending in POSSESSIVE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    return name.strip(" -–—,.;:\"“”'‘’")


def entity_key(type_: str, label: str) -> str:
    """The readable key an entity's IRI is made from: 'person/valery-zaluzhny'."""
    return f"{slug(type_)}/{slug(label)}"


def type_of(label: str, name: str) -> tuple[str, str]:
    """Entity type and canonical name for an NER label and a cleaned name."""
    gaz = gazetteer()
    lowered = name.lower()
    if label in ("ORG", "PERSON", "WORK_OF_ART", "GPE") and lowered in gaz.outlets:
        return MEDIA_OUTLET, gaz.outlets[lowered]
    if label in ("GPE", "LOC", "NORP", "ORG") and lowered in gaz.countries:
        return COUNTRY, gaz.countries[lowered]
    if label == "NORP" and lowered in gaz.demonyms:
        return COUNTRY, gaz.demonyms[lowered]
    return LABEL_TYPES.get(label, CONCEPT), name


@dataclass
class _Draft:
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of one doc and, for each token inside a mention, the entity key."""

    entities: tuple[Entity, ...]
    by_token: dict[int, str]

    def key_at(self, token_indices: Any) -> str | None:
        """The entity of the first of the given tokens that lies in a mention."""
        for i in token_indices:
            key = self.by_token.get(i)
            if key is not None:
                return key
        return None


def find_entities(doc: Any) -> EntityIndex:
    """Collect the named entities of a parsed doc, merged within the doc."""
    drafts: dict[str, _Draft] = {}
    spans: list[tuple[str, Any]] = []
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPES:
            continue
        name = clean_name(ent.text)
        if len(name) < 2 or not any(ch.isalpha() for ch in name):
            continue
        type_, canonical = type_of(ent.label_, name)
        key = entity_key(type_, canonical)
        draft = drafts.setdefault(key, _Draft(canonical, type_))
        if name != canonical:
            draft.aliases.add(name)
        draft.mentions.append((ent.start_char, ent.end_char))
        spans.append((key, ent))
    aliases = _surname_aliases(drafts)
    by_token: dict[int, str] = {}
    for key, ent in spans:
        target = aliases.get(key, key)
        if target != key:
            drafts[target].aliases.add(drafts[key].label)
            drafts[target].mentions.extend(drafts[key].mentions)
        for i in range(ent.start, ent.end):
            by_token[i] = target
    entities = tuple(
        Entity(
            key=key,
            label=d.label,
            type=d.type,
            aliases=tuple(sorted(d.aliases - {d.label})),
            mentions=tuple(sorted(set(d.mentions))),
        )
        for key, d in sorted(drafts.items())
        if key not in aliases
    )
    return EntityIndex(entities, by_token)


def _surname_aliases(drafts: dict[str, _Draft]) -> dict[str, str]:
    """Map one-word person keys to the one full name in the doc ending with that word."""
    people = {key: d for key, d in drafts.items() if d.type == PERSON}
    result: dict[str, str] = {}
    for key, draft in people.items():
        words = draft.label.split()
        if len(words) != 1:
            continue
        fuller = [k for k, d in people.items() if k != key and d.label.split()[-1] == words[0]]
        if len(fuller) == 1:
            result[key] = fuller[0]
    return result
