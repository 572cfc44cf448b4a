"""Subjects that name no entity: keep the clause, never drop it for an unresolved pronoun.

Coreference (kg/actors) resolves most pronouns; for the rest a clause is kept with the best
antecedent there is, by two rules of news English:

1. A first-person pronoun in reported speech ("We share the concern ...," Thatcher said) is
   the speaker: the innermost source of the clause's attribution chain; "I" only when that
   source can say "I": a person, an unnamed source or a role ("the minister"), never a
   company, outlet or country (a chain cut short at "told BBC News 24"); else it stays
   unresolved (rule 2).
2. Any other pronoun subject ("But they have lost nine of their 14 matches") becomes an
   unresolved mention: a Concept of its own, labelled with the pronoun and where it stands,
   so it never merges with an actor or with another article's "he", and the statement's
   confidence is lowered (UNRESOLVED_CONFIDENCE).

Expletives ("There is", "It is likely that"), relative pronouns, reflexives and generic
pronouns ("If you look at ...") are no subjects of their own and are left alone (the clause is dropped as before).
"""

from __future__ import annotations

from typing import Any

from ..actors.gazetteer import entity_key
from ..models import ANONYMOUS_SOURCE, CONCEPT, PERSON, Entity
from .predicates import entity_type

FIRST_PERSON = frozenset({"i", "me", "we", "us"})
FIRST_SINGULAR = frozenset({"i", "me"})
# Who can say "I": one person, an unnamed source ("a spokesman"), a role noun ("the minister").
SINGULAR_TYPES = frozenset({PERSON, ANONYMOUS_SOURCE, CONCEPT})
# Generic pronouns stand for nobody in particular: "If you look at ...", "one can see".
GENERIC = frozenset({"you", "one", "yourself", "oneself"})
# Negative pronouns name nobody: "nothing happens" is said of no one (the clause is negated, see statements.py).
NEGATIVE = frozenset({"nothing", "nobody", "none", "noone", "neither"})
# Relative and interrogative pronouns: the relative-clause rules give their antecedent.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
# Demonstratives and indefinites the parser tags as determiners when they stand alone ("These were ...").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A statement whose subject is an unresolved pronoun keeps this share of its clause's confidence.
UNRESOLVED_CONFIDENCE = 0.5
# A first-person subject read as its quote's speaker: a small discount on the clause's confidence.
SPEAKER_CONFIDENCE = 0.9


def pronoun_head(token: Any) -> bool:
    """Whether token is a pronoun that can stand for an actor as a clause's subject."""
    if token.dep_ == "expl" or token.tag_ in RELATIVE_TAGS or token.lower_ in GENERIC | NEGATIVE:
        return False
    if token.lower_.endswith(("self", "selves")):
        return False
    if token.pos_ == "PRON":
        return True
    # "These were not intended ...", "That has now been changed": a lone demonstrative
    return token.pos_ == "DET" and token.dep_ in SUBJECT_DEPS


def speaker_of(token: Any, chain: tuple[str, ...]) -> str | None:
    """The speaker a first-person pronoun stands for: the innermost source of the clause, if that
    one can say "I" (rule 1)."""
    if token.lower_ not in FIRST_PERSON or not chain:
        return None
    if token.lower_ in FIRST_SINGULAR and entity_type(chain[-1]) not in SINGULAR_TYPES:
        return None  # '"I hope ...," the BBC': no outlet says "I"
    return chain[-1]


def unresolved_mention(token: Any, article_id: str) -> Entity:
    """A Concept for one pronoun that no rule resolved, unique to its article and position."""
    where = f"{article_id[:8]}@{token.idx}" if article_id else f"@{token.idx}"
    label = f"{token.lower_} (unresolved, {where})"
    return Entity(key=entity_key(CONCEPT, label), label=label, type=CONCEPT)
