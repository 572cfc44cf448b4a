"""Plain, picklable data passed between the stages.

No spaCy or rdflib object appears here: stages exchange strings, offsets and keys,
so work can be split across processes and compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass

# Entity types, as the user sees them (`kg entities --type`) and as ontology class names.
PERSON = "Person"
ORGANIZATION = "Organization"
GOVERNMENT_BODY = "GovernmentBody"
MILITARY = "MilitaryOrganization"
COMPANY = "Company"
MEDIA_OUTLET = "MediaOutlet"
SPORTS_TEAM = "SportsTeam"
COUNTRY = "Country"
PLACE = "Place"
EVENT = "Event"
ANONYMOUS_SOURCE = "AnonymousSource"
GROUP = "Group"
CREATIVE_WORK = "CreativeWork"  # a film, song, album, book, show or game: named, but no actor
CONCEPT = "Concept"
SITUATION = "Situation"

ENTITY_TYPES = (
    PERSON,
    ORGANIZATION,
    GOVERNMENT_BODY,
    MILITARY,
    COMPANY,
    MEDIA_OUTLET,
    SPORTS_TEAM,
    COUNTRY,
    PLACE,
    EVENT,
    ANONYMOUS_SOURCE,
    GROUP,
    CREATIVE_WORK,
    CONCEPT,
    SITUATION,
)
ACTOR_TYPES = frozenset(ENTITY_TYPES) - {CREATIVE_WORK, CONCEPT, SITUATION}


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, identified by a hash of its content."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD
    source: str = ""  # file name or URL it came from
    url: str | None = None
    content_hash: str = ""  # full sha256 of the text (the id is its prefix)
    dateline: str | None = None  # place of a news-agency dateline ("London"), removed from text
    origin: str = ""  # where it was read: url, else file name (+ "#id" of a JSON record); see kg.articles


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor, place, situation or concept named in one article."""

    key: str  # readable, stable key: "person/valery-zaluzhny"
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # "commander-in-chief", "spokesman of Zelensky"
    affiliations: tuple[str, ...] = ()  # keys of countries/organisations it belongs to
    participants: tuple[str, ...] = ()  # for situations: keys of who takes part
    mentions: tuple[tuple[int, int], ...] = ()  # character spans in the article


@dataclass(frozen=True, slots=True)
class Argument:
    """A statement's subject, object or extra argument."""

    text: str
    start: int  # character offsets in the article text
    end: int
    entity: str | None = None  # entity key, when the argument names one
    role: str = ""  # for extra arguments: "time", "place", "manner", or a preposition


@dataclass(frozen=True, slots=True)
class Figure:
    """A number stated in a sentence: "88%", "215,000 troops"."""

    value: float
    unit: str  # "percent", "troops", "USD" ...
    text: str


@dataclass(frozen=True, slots=True)
class Statement:
    """One clause-level claim: subject, predicate, object, with its provenance."""

    subject: Argument
    relation: str  # surface verb phrase, as written: "has rejected"
    lemma: str  # lemma phrase used to pick the predicate: "reject"
    predicate: str  # controlled predicate name ("rejects") or "open:<slug>"
    object: Argument | None
    sentence: str
    sentence_start: int
    sentence_end: int
    extras: tuple[Argument, ...] = ()
    negated: bool = False
    hedge: str | None = None  # the hedging word: "allegedly", "may", "likely"
    attribution: tuple[str, ...] = ()  # chain of entity keys: outlet -> cited -> cited ...
    denied: bool = False
    time: str | None = None  # what the statement refers to: xsd date, interval "A/B", or text
    time_text: str | None = None
    claim_time: str | None = None
    figures: tuple[Figure, ...] = ()
    confidence: float = 0.5
    kind: str = "verb"  # verb, copula, apposition, nominal, report
    content_of: int | None = None  # index of the reporting statement this one is the content of
    quoted: bool = False
    denies: tuple[int, ...] = ()  # for a denial: indexes of the reported claims it answers

    @property
    def asserted(self) -> bool:
        """True when the article states it in its own voice, positively and without hedging."""
        return not (self.attribution or self.negated or self.hedge or self.denied)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What was extracted from one article."""

    article: Article
    entities: tuple[Entity, ...]
    statements: tuple[Statement, ...]
    extractor: str = ""
