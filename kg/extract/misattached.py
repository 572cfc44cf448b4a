"""Arguments the parser attached to the wrong clause, given back to the clause they belong to.

- A reported clause cut at its subject: in "CalFed said strong loan volume contributed to the
  results" the parser made "volume" the object of "said" and "contributed" a clause without one.
- A coordinated clause whose subject was read as the object's last conjunct: "... to suit
  preferences and a personal recognition system offers music".
"""

from __future__ import annotations

from typing import Any

from .frames import FINITE_TAGS, NOMINAL_POS, OBJECT_DEPS, SUBJECT_DEPS, VERB_POS

# Verbs of saying that take a reported clause and no plain noun object before it ("say", not "tell").
SAYING_VERBS = frozenset({"say", "report", "announce", "confirm", "claim", "state", "add", "estimate"})
# How the parser attaches a reported clause it cut from its subject.
REPORTED_CLAUSE_DEPS = frozenset({"advcl", "ccomp"})  # a "conj" is a verb phrase of its own: "said the word and left"


def stolen_subject(verb: Any) -> Any | None:
    """The subject of a coordinated clause that the parser took as the last conjunct of the object before:
    "colours can be customized to suit preferences and a personal recognition system offers music" ->
    "system" (not "preferences") is the subject of "offers". A finite verb right after a noun conjunct."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or verb.i == 0:
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    if noun.i != verb.i - 1 or noun.pos_ not in NOMINAL_POS or noun.dep_ != "conj" or noun.right_edge.i != noun.i:
        return None
    if noun.head.dep_ not in OBJECT_DEPS | {"pobj"} or not verb.head.is_ancestor(noun):
        return None
    return noun


def reported_subject(verb: Any) -> tuple[Any, Any] | None:
    """(subject, clause verb) of a reported clause the parser split at its subject: in "CalFed said strong
    loan volume contributed to the results" it made "volume" the object of "said" and "contributed" a
    subjectless clause. A verb of saying takes no noun object followed by a finite verb of its own."""
    if verb.lemma_ not in SAYING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i]
    for clause in verb.children:
        if clause.dep_ not in REPORTED_CLAUSE_DEPS or not objects or clause.i < objects[0].i:
            continue
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children) or clause.pos_ not in VERB_POS:
            continue
        finite = clause.tag_ in FINITE_TAGS or any(c.tag_ == "MD" for c in clause.children)
        if finite and objects[0].right_edge.i < clause.i:
            return objects[0], clause
    return None


# Words before a verb that invert its subject after it: "and so does Smith", "nor did Jones".
INVERTING_WORDS = frozenset({"so", "nor", "neither", "here", "there", "thus", "only"})


def subject_after(verb: Any) -> Any | None:
    """The object of a coordinated verb phrase that the parser read as its subject after the verb:
    "Hantuchova moved into the quarter-finals and now faces Serena Williams" -> Williams is faced, and
    Hantuchova faces her. A declarative verb phrase puts no subject after its verb, unless it is one of
    saying ("..., and said Smith") or a copula, or a word before it inverts ("and so does Smith")."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or verb.lemma_ in SAYING_VERBS | {"be", "say", "tell"}:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "expl"]
    if len(subjects) != 1 or subjects[0].i < verb.i or subjects[0].dep_ != "nsubj":
        return None
    if any(c.dep_ in OBJECT_DEPS or c.dep_ in {"aux", "auxpass", "ccomp"} for c in verb.children):
        return None
    if any(c.lower_ in INVERTING_WORDS for c in verb.children if c.i < verb.i):
        return None
    if verb.sent.text.rstrip().endswith("?") or not any(c.dep_ in SUBJECT_DEPS for c in verb.head.children):
        return None  # a question inverts; the verb phrase before must have a subject to share
    return subjects[0]


# Nouns of a time adverbial the parser may read as a subject: "but this time lost out to Sweden".
TIME_NOUNS = frozenset({"time", "year", "week", "month", "day", "season", "night", "weekend", "quarter", "decade"})
TIME_DETERMINERS = frozenset({"this", "that", "last", "next", "each", "every"})
# Verbs whose subject may be a time: "this week saw a rise", "last year marked the end".
TIME_SUBJECT_VERBS = frozenset({"see", "bring", "mark", "witness", "be", "have", "begin", "end", "start", "prove"})


def time_subject(verb: Any) -> Any | None:
    """A time adverbial the parser read as the subject of a coordinated verb phrase: "They made the final
    stages again, but this time lost out to the might of Sweden" (they lost out, not "this time")."""
    if verb.dep_ != "conj" or verb.lemma_ in TIME_SUBJECT_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) != 1 or subjects[0].i > verb.i or subjects[0].lemma_.lower() not in TIME_NOUNS:
        return None
    noun = subjects[0]
    if not any(c.dep_ == "det" and c.lower_ in TIME_DETERMINERS for c in noun.children):
        return None
    if any(c.dep_ not in {"det", "amod"} for c in noun.children):
        return None
    return noun if any(c.dep_ in SUBJECT_DEPS for c in verb.head.children) else None
