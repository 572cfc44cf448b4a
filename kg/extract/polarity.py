"""Polarity cues beyond the verb's own "not": rules of English negation.

- An object with "no" negates its clause: "diplomats expect no agreement", "the venture has
  no firm estimates" (the subject's "no" is in statements.py: "no one came").
- "no longer", "no more" on the verb: "Russian debt is no longer a risky investment".
- "Neither X nor Y" as the subject negates the clause for both: "Neither the Conservatives
  nor the Liberal Democrats wished to comment".
- An infinitive under a negated verb is negated: "determined not to intervene to influence
  production decisions" (not after "did not hesitate to", "did not fail to").
- Negation raised from a complement: "Boeing did not believe a similar accident could occur"
  means Boeing believes it could not; so the complement of a negated verb of belief is
  negated (`NEG_RAISING`), and so is the that-clause of a negated "see" in the present ("I do
  not see that the accord has been terminated").
- An infinitive under "unable" or "fail" did not happen: "the inspectors were unable to check
  the work", "the bid failed to win support".
- A member after "rather than" is excluded: "Wales and Ireland rather than France and England
  face a play-off" (France and England do not).
- The "no" that negates an object is the clause's negation, not a word of the object
  (`object_negator`): "17% of men had no qualifications" is (men, have, qualifications), negated.
"""

from __future__ import annotations

from typing import Any

from .args import head_of
from .clauses import Clause
from .hedges import verb_lemma

NEGATIVE_DETERMINERS = frozenset({"no", "neither"})  # "accepted neither offer"
NEGATIVE_ADVERBS = frozenset({"longer", "more"})  # "no longer", "no more"
NEG_RAISING = frozenset({"believe", "think", "expect", "suppose", "imagine", "anticipate", "reckon", "feel"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# "did not hesitate to act" means it acted: these verbs do not pass their negation down.
NEG_IMPLICATIVE_EXCEPTIONS = frozenset({"hesitate", "fail", "forget", "neglect", "refuse", "decline", "cease"})
# "were unable to check", "failed to win": what they govern did not happen.
NEGATIVE_GOVERNORS = frozenset({"unable", "fail"})
PRESENT_TAGS = frozenset({"VB", "VBP", "VBZ"})


def negative_cue(doc: Any, clause: Clause) -> bool:
    """True when the clause is negated by its object's "no", "no longer" or "neither ... nor"."""
    if clause.verb < 0:
        return False
    relation = set(clause.relation) | {clause.verb}
    for i in relation:
        for child in doc[i].children:
            if (
                child.dep_ == "advmod"
                and child.lower_ in NEGATIVE_ADVERBS
                and any(n.lower_ == "no" for n in child.children if n.dep_ in ("neg", "advmod", "det"))
            ):
                return True
    if clause.object:
        inside = set(clause.object)
        heads = [doc[i] for i in clause.object if doc[i].head.i not in inside or doc[i].head.i == i]
        for head in heads[:1]:
            group = head.head if head.dep_ == "conj" else head
            if head.dep_ in OBJECT_DEPS | {"pobj"} and any(
                c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in head.children
            ):
                return True
            if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in group.children):
                return True  # "speaks neither French nor German"
    if _negated_governor(doc, clause.verb, relation) or _negative_governor(doc, clause):
        return True
    if _raised_from(doc[clause.verb]) or any(_excluded(doc, span) for span in (clause.subject, clause.object)):
        return True
    if clause.subject:
        inside = set(clause.subject)
        head = next((doc[i] for i in clause.subject if doc[i].head.i not in inside), doc[clause.subject[0]])
        group = head.head if head.dep_ == "conj" else head
        # "Neither the union nor ...": preconj; before a name the parser makes it a det ("Neither Acme nor Beta")
        if any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in group.children):
            return True
    return False


def _negated_governor(doc: Any, verb: int, relation: set[int]) -> bool:
    """'determined not to intervene to influence production': an infinitive under a negated verb."""
    token = doc[verb]
    for _ in range(3):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if token.dep_ not in ("xcomp", "advcl") or not infinitive or token.head.i == token.i:
            return False
        token = token.head
        if (
            token.i not in relation
            and verb_lemma(token) not in NEG_IMPLICATIVE_EXCEPTIONS
            and any(c.dep_ == "neg" for c in token.children)
        ):
            return True
    return False


def raised_negation(doc: Any, reporter: Clause) -> bool:
    """True when the clause reporting a complement is a negated verb of belief ("did not believe")."""
    return reporter.verb >= 0 and reporter.negated and verb_lemma(doc[reporter.verb]) in NEG_RAISING


def _negative_governor(doc: Any, clause: Clause) -> bool:
    """'were unable to check the work', 'failed to win support': an infinitive under "unable" or "fail"
    (unless the lemma phrase keeps the word: "fail to win" states its own failure)."""
    token = doc[clause.verb]
    if token.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = token.head
    negated = any(c.dep_ == "neg" for c in head.children)  # "did not fail to act": it acted
    lemma = verb_lemma(head)
    return lemma in NEGATIVE_GOVERNORS and lemma not in clause.lemma.split() and not negated


def _raised_from(token: Any) -> bool:
    """'I do not see that the accord has been terminated': a that-clause under a negated verb of
    belief (or "see" in the present) held by no reporting clause of its own."""
    while token.dep_ in ("conj",) and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ != "ccomp" or head.i == token.i or not any(c.dep_ == "neg" for c in head.children):
        return False
    lemma = verb_lemma(head)
    if lemma == "see":
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
        return marked and head.tag_ in PRESENT_TAGS
    return lemma in NEG_RAISING


def _excluded(doc: Any, span: tuple[int, ...] | None) -> bool:
    """A member named after "rather than" in a list: "Wales and Ireland rather than France face it"."""
    if not span:
        return False
    head = head_of(doc, span) or doc[span[0]]
    group = head
    while group.dep_ in ("conj", "appos") and group.head.i != group.i:
        group = group.head
    for cc in group.children:
        if cc.dep_ == "cc" and cc.lower_ == "than" and cc.i > 0 and doc[cc.i - 1].lower_ == "rather":
            return bool(min(span) > cc.i)
    return False


def object_negator(doc: Any, clause: Clause) -> int | None:
    """The "no" or "neither" opening the clause's object when it negates the clause ("had no
    qualifications"): the negation is the clause's, so the object is the rest ("qualifications")."""
    if not clause.object or len(clause.object) < 2:
        return None
    first = doc[clause.object[0]]
    head = first.head
    if (
        first.dep_ == "det"
        and first.lower_ in NEGATIVE_DETERMINERS
        and head.i in clause.object
        and head.dep_ in OBJECT_DEPS | {"pobj"}
        and not any(c.dep_ == "preconj" for c in head.children)
    ):
        return int(first.i)
    return None
