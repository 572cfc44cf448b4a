"""Find an entity by what a user types: its key, IRI, label or any alias.

Names are compared in one folded form (`fold`, the key actor resolution merges by: case,
accents, spacing, U.S./US and transliterations ignored), so "zelenský", "ZELENSKYY",
"Volodymyr Zelensky" and "Vladimir Zelensky" find the same actor. When nothing matches, the
error suggests the nearest names (rapidfuzz), actors before concepts. `kg show`,
`kg render --focus` and the ACTOR and SOURCE parameters of named queries all use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .actors.names import fold as fold_name_key
from .errors import KgError
from .models import ACTOR_TYPES
from .vocab import ENTITY

SUGGESTIONS = 5
CUTOFF = 70.0  # rapidfuzz ratio (0-100) below which a name is not suggested
WORDS_CUTOFF = 90.0  # the same for token_set_ratio, when no spelling is close


class EntityLookupError(KgError):
    """No entity, or more than one, has the name given."""


def fold(text: str) -> str:
    """The form in which names are compared: the actors' key (`kg.actors.names.fold`).

    Case, accents, spacing and punctuation are ignored, and so are the spelling variants
    that resolution folds: U.S./US, -iy/-yy/-skyy endings, transliterated first names.

    >>> fold("  Volodymyr   ZELENSKÝY ") == fold("Vladimir Zelensky") == "vladimir zelensky"
    True
    """
    return fold_name_key(text) or " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity as lookups see it."""

    key: str  # "person/valery-zaluzhny"
    label: str
    type: str  # "Person"
    aliases: tuple[str, ...] = ()

    @property
    def iri(self) -> str:
        return f"{ENTITY}{self.key}"

    @property
    def is_actor(self) -> bool:
        return self.type in ACTOR_TYPES

    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    def describe(self) -> str:
        """'Valery Zaluzhny (person/valery-zaluzhny)'."""
        return f"{self.label} ({self.key})"


def key_of(name: str) -> str:
    """A key from a key or an entity IRI ('https://w3id.org/kg/entity/person/x' -> 'person/x')."""
    name = name.strip()
    return name[len(str(ENTITY)) :] if name.startswith(str(ENTITY)) else name


def matches(candidates: Iterable[Candidate], name: str) -> list[Candidate]:
    """The entities `name` names: by key or IRI, else by label, else by alias; actors first.

    When any actor matches, only actors are returned: "Ukraine" is the country, not the
    concept "ukraine" a lower-case mention made.
    """
    pool = list(candidates)
    key = key_of(name)
    by_key = [c for c in pool if c.key == key]
    if by_key:
        return by_key
    wanted = fold(name)
    found = [c for c in pool if fold(c.label) == wanted] or [c for c in pool if wanted in {fold(a) for a in c.aliases}]
    actors = [c for c in found if c.is_actor]
    return sorted(actors or found, key=lambda c: (c.label.casefold(), c.key))


def suggestions(candidates: Iterable[Candidate], name: str, limit: int = SUGGESTIONS) -> list[Candidate]:
    """The entities whose label or an alias is nearest to `name`: actors first, then nearest first.

    Near means a close spelling ('Zaluzhni'); failing that, a name whose words are all in
    `name` ('president zelensky' -> 'Zelensky').
    """
    pool = list(candidates)
    choices = [(i, fold(n)) for i, c in enumerate(pool) for n in c.names()]
    texts = [text for _, text in choices]
    wanted = fold(name)
    found = process.extract(wanted, texts, scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=None)
    if not found:
        found = process.extract(wanted, texts, scorer=fuzz.token_set_ratio, score_cutoff=WORDS_CUTOFF, limit=None)
    best: dict[int, float] = {}
    for _text, score, index in found:
        owner = choices[index][0]
        best[owner] = max(best.get(owner, 0.0), score)
    ranked = sorted(best, key=lambda i: (not pool[i].is_actor, -best[i], pool[i].label.casefold(), pool[i].key))
    return [pool[i] for i in ranked[:limit]]


def lookup(candidates: Iterable[Candidate], name: str, *, what: str = "entity") -> Candidate:
    """The one entity `name` names, or a EntityLookupError that suggests the nearest names.

    >>> people = [Candidate("person/valery-zaluzhny", "Valery Zaluzhny", "Person", ("Zaluzhny",))]
    >>> lookup(people, "ZALUZHNY").key
    'person/valery-zaluzhny'
    >>> lookup(people, "Zaluzhni")
    Traceback (most recent call last):
    ...
    kg.lookup.EntityLookupError: no entity is named 'Zaluzhni'; did you mean: Valery Zaluzhny (person/valery-zaluzhny)
    """
    pool = list(candidates)
    found = matches(pool, name)
    if len(found) == 1:
        return found[0]
    if found:
        shown = ", ".join(c.describe() for c in found[:8])
        raise EntityLookupError(f"{name!r} names {len(found)} entities: {shown}; give one of these keys")
    raise EntityLookupError(not_found(pool, name, what=what))


def not_found(candidates: Iterable[Candidate], name: str, *, what: str = "entity") -> str:
    """'no entity is named 'X'; did you mean: ...' (or how to list them when nothing is near)."""
    pool = list(candidates)
    if not pool:
        return f"no {what} is named {name!r}: the graph has no entities; build it first with: kg build ARTICLES"
    near = suggestions(pool, name)
    if not near:
        return f"no {what} is named {name!r} and none is close; list them with: kg entities"
    return f"no {what} is named {name!r}; did you mean: {', '.join(c.describe() for c in near)}"


def query_value(candidates: Iterable[Candidate], value: str, *, what: str = "actor") -> str:
    """What to bind an ACTOR parameter of a named query to (the query matches it as text).

    A value that names one entity (by key, IRI, label or alias, folded) becomes its key, so
    the query finds exactly that entity; a value that is part of some names stays as it is
    (the query finds them all); a value in no name is an error that suggests near names.
    """
    pool = list(candidates)
    found = matches(pool, value)
    if len(found) == 1:
        return found[0].key
    wanted = fold(value)
    if found or any(wanted in fold(n) for c in pool for n in (*c.names(), c.key)):
        return value
    raise EntityLookupError(not_found(pool, value, what=what))
