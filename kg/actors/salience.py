"""Which of several fitting names a pronoun means, for rule 3 of pronouns.py: the ones
a sentence puts in the background (a name inside another's description, a possessor, a
preposition's object), the one a relative clause cannot mean, and names that may be things."""

from __future__ import annotations

from typing import Any

from ..models import CONCEPT, PERSON, PLACE
from .clusters import Cluster

RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
# Links inside a noun phrase: "Brian Gammage, vice-president of research at analysts Gartner".
DESCRIPTION_DEPS = frozenset({"appos", "prep", "pobj", "compound", "poss", "case", "amod", "nmod"})
THING_TYPES = frozenset({CONCEPT, PLACE})  # a named subject of these may be what "it" stands for


def described(tok: Any, names: set[int]) -> bool:
    """A name inside the description of another of the names ("Brian Gammage, vice-president of
    research at analysts Gartner": Gartner): in its apposition, or its prepositions' objects."""
    while tok.dep_ in DESCRIPTION_DEPS and tok.head.i != tok.i:
        tok = tok.head
        if tok.i in names:
            return True
    return False


def embedded(tok: Any) -> bool:
    """A name standing only as a possessor or a preposition's object: "Don Gibson's song", "over Bath"."""
    while tok.dep_ in ("compound", "case", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("poss", "pobj")


def told_of(resolved: dict[int, int], fits: set[int], heads: dict[int, str], sent: Any, names: list[int]) -> int | None:
    """The one actor a sentence with no fitting subject called "he"/"his" ("His version of Don
    Gibson's song topped the charts. In 1972, he ..."): the sentence is about that one, unless
    another fitting name stands there other than in the background (not "his friend, the
    producer Quincy Jones")."""
    told = [a for t in sent for a in [resolved.get(t.i)] if a in fits]
    if len({heads[a] for a in told}) != 1:
        return None
    others = [i for i in names if heads[i] != heads[told[0]]]
    return max(told) if all(embedded(sent.doc[i]) for i in others) else None


def relative_coargument(tok: Any, own_verb: Any, i: int) -> bool:
    """ "Norah Jones, with whom he recorded a duet": the noun a relative clause modifies is there as
    its relative pronoun, another argument of the pronoun's verb, so the pronoun is not that noun."""
    if own_verb is None or own_verb.dep_ != "relcl" or own_verb.head.i != i or tok.dep_ == "poss":
        return False
    return any(t.tag_ in RELATIVE_TAGS and t.i != tok.i for t in own_verb.subtree)


def may_be_thing(c: Cluster) -> bool:
    """A named actor that may be a thing, what "it" stands for: a concept or place, or a lone word
    taken for a person's name that nothing tells the gender of ("Cell", a chip; "Asimo", a robot)."""
    lone = c.type == PERSON and not c.gender and all(" " not in m.name for m in c.mentions)
    return c.type in THING_TYPES or lone
