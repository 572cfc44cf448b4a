"""Relative clauses: the relative word, the noun it stands for, and that noun's role in the clause.

"the post he held" (a contact clause: the noun is the object), "the section where the tanks
were" (a place), "the bill that Zaluzhny is pushing for" (a stranded preposition).
"""

from __future__ import annotations

from typing import Any

from .args import noun_phrase
from .frames import (
    ADVERB_DEPS,
    CLAUSE_OBJECT_DEPS,
    CONTROL_DEPS,
    COPULA_COMPLEMENT_DEPS,
    OBJECT_DEPS,
    PREP_DEPS,
    RELATIVE_DEPS,
    RELATIVE_TAGS,
    SUBJECT_DEPS,
    Frame,
)

RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
# Relative adverbs and the role of the noun they stand for.
RELATIVE_ADVERBS = {"where": "place", "when": "time"}


def is_relative_word(token: Any) -> bool:
    """Whether token is a relative pronoun or determiner: "who", "which", "that"."""
    return token.tag_ in {"WDT", "WP"} or token.lower_ in RELATIVE_WORDS


# Verbs with two objects, one of which stays after the passive: "he was given the award".
DOUBLE_OBJECT_VERBS = frozenset(
    {
        "give",
        "offer",
        "send",
        "promise",
        "award",
        "hand",
        "show",
        "pay",
        "grant",
        "lend",
        "owe",
        "deny",
        "teach",
        "tell",
        "ask",
    }
)


def object_gap(verb: Any) -> bool:
    """A finite relative clause with its own subject, no relative word and no object: "the post he held"."""
    if verb.dep_ not in RELATIVE_DEPS or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    if any(c.dep_ == "nsubjpass" for c in verb.children) and verb.lemma_ not in DOUBLE_OBJECT_VERBS:
        # a passive has its object as its subject: "no guarantees they would be accepted" is no
        # "they accepted the guarantees"; only a double-object verb keeps one ("the award he was given")
        return False
    if any(c.dep_ in OBJECT_DEPS | COPULA_COMPLEMENT_DEPS | CLAUSE_OBJECT_DEPS | CONTROL_DEPS for c in verb.children):
        return False
    return not any(t.tag_ in RELATIVE_TAGS or t.lower_ in RELATIVE_WORDS for t in verb.subtree if t.i < verb.i)


def relative_adverb(frame: Frame, verb: Any, head_noun: Any) -> None:
    """The noun a "where"/"when" clause hangs on is its place or time: "the section where the tanks were"."""
    adverb = next((c for c in verb.children if c.dep_ in ADVERB_DEPS and c.lower_ in RELATIVE_ADVERBS), None)
    if adverb is None:
        return
    noun = noun_phrase(head_noun, skip=(verb.i,))
    if adverb.lower_ == "where" and not frame.objects:
        # "Southern California, where 34 of the 50 branches are located": "where" is "in which", and
        # with no object of its own the clause is about the place ("branches are located in California")
        frame.objects.append(noun)
        frame.relation_extra = "in"
        frame.lemma_words.append("in")
        return
    frame.extras.append((RELATIVE_ADVERBS[adverb.lower_], noun))


def relative_pronoun(verb: Any) -> Any | None:
    """The relative pronoun of a relative clause: a child or the object of a child preposition."""
    for child in verb.children:
        if child.tag_ in {"WDT", "WP"} or (child.lower_ in RELATIVE_WORDS and child.dep_ != "mark"):
            return child
        if child.dep_ in PREP_DEPS:
            for grand in child.children:
                relative_word = grand.tag_ in {"WDT", "WP"} or grand.lower_ in RELATIVE_WORDS
                if grand.dep_ == "pobj" and relative_word and grand.i < verb.i:
                    # "the bill that Zaluzhny is pushing for": a stranded preposition
                    return grand
    return None


def relative_object(frame: Frame, relative: Any, head_noun: Any, clause: Any = None) -> None:
    """The noun a relative clause hangs on, as the object (or via a stranded preposition).

    clause is the verb the relative clause hangs on by, when not the frame's own (a folded control verb).
    """
    noun = noun_phrase(head_noun, skip=(frame.verb.i if clause is None else clause.i,))
    if relative.dep_ == "pobj":
        prep = relative.head
        if not frame.objects:
            frame.relation.append(prep.i)
            frame.lemma_words.append(prep.lower_)
            frame.objects.append(noun)
        else:
            frame.extras.append((prep.lower_, noun))
    elif relative.dep_ in OBJECT_DEPS or not frame.objects:
        frame.objects.insert(0, noun)
