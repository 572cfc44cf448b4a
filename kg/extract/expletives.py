"""Expletive "it": clauses whose "it" stands for nothing, so the clause says nothing of it.

"It was her next single, Superstar, that put her back on the map" (an it-cleft: the focus did it),
"it is really difficult for Jason Robinson to lead the side" (the infinitive is the subject),
"it was confirmed he will play" (no one named confirmed it); and the "there" of "There are 33 states,
plus the U.S. Virgin Islands": that a named place exists says nothing.
"""

from __future__ import annotations

from typing import Any

from .args import Tokens, head_of
from .frames import OBJECT_DEPS, PREDICATIVE_DEPS, RELATIVE_DEPS, SUBJECT_DEPS
from .objects import extraposed

# Entity types of a name whose existence says nothing: a place, a body ("no singing Hobbits" still says something).
NAMED_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG"})
# Relative words of an it-cleft's clause: "It was the board that decided", "It is Smith who leads".
CLEFT_WORDS = frozenset({"that", "who"})
# How the parser attaches the infinitive extraposed after "it is difficult": "(for X) to lead the side".
EXTRAPOSED_DEPS = frozenset({"advcl", "xcomp"})


def cleft(copula: Any) -> bool:
    """The copula of an it-cleft: "It was her next single, Superstar, that put her back on the map" (the
    focus, a definite noun phrase, is what the relative clause is said of; "it" stands for nothing)."""
    if copula.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children):
        return False
    return any(c.dep_ in PREDICATIVE_DEPS and _cleft_focus(c) for c in copula.children)


def _cleft_focus(noun: Any) -> bool:
    """A definite noun phrase followed by its "that"/"who" clause: "Superstar , that put her back"."""
    definite = noun.pos_ == "PROPN" or any(c.dep_ == "poss" or c.lower_ == "the" for c in noun.children)
    return definite and any(
        c.dep_ in RELATIVE_DEPS
        and any(w.lower_ in CLEFT_WORDS and w.dep_ in SUBJECT_DEPS | OBJECT_DEPS for w in c.children)
        for c in noun.children
    )


def expletive_passive(verb: Any) -> bool:
    """A passive whose subject is the "it" of its clause object: "it was confirmed (that) he will play"."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)


def extraposed_adjective(verb: Any) -> bool:
    """The copula of "it is really difficult for Jason Robinson to lead the side": its subject is the
    infinitive ("it is difficult" says nothing); the infinitive's clause is stated on its own."""
    if verb.lemma_ != "be" or not extraposed(verb) or not any(c.dep_ == "acomp" for c in verb.children):
        return False
    return any(
        c.dep_ in EXTRAPOSED_DEPS and c.i > verb.i and any(a.tag_ == "TO" for a in c.children) for c in verb.children
    )


def named_place(doc: Any, tokens: Tokens) -> bool:
    """A proper name of a place or body: "the U.S. Virgin Islands", "Puerto Rico" (not "Hobbits")."""
    head = head_of(doc, tokens)
    if head is None or head.pos_ != "PROPN" or any(c.dep_ == "det" and c.lower_ != "the" for c in head.children):
        return False  # "there is a New Labour stooge MP": a description, no name
    return any(doc[i].ent_type_ in NAMED_PLACE_ENTS for i in tokens)
