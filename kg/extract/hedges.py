"""Hedges on a clause: hedging adverbs, epistemic modals, 'likely to', 'seen as', 'if'.

Hedging adverbs ("allegedly", "reportedly"), epistemic modals (may, might, could, would),
"is likely to", "is seen as", a predicate "a potential rival", and conditionals ("if ..."),
on the verb or an enclosing verb; the hedge word is kept.
"""

from __future__ import annotations

from typing import Any

from .clauses import Clause

# fmt: off
HEDGE_WORDS = frozenset(
    {
        "allegedly", "reportedly", "apparently", "reputedly", "supposedly", "possibly", "probably",
        "perhaps", "likely", "unlikely", "seemingly", "presumably", "purportedly", "maybe",
        "ostensibly", "arguably",
    }
)
HEDGE_MODALS = frozenset({"may", "might", "could", "would", "should've", "might've"})
HEDGE_ADJECTIVES = frozenset({"likely", "unlikely", "possible", "probable", "expected", "poised", "set"})
HEDGE_PREDICATE_MODIFIERS = frozenset(
    {"potential", "possible", "alleged", "suspected", "presumed", "would-be", "likely"}
)
# "X is seen as Y", "X is believed to ...": passive verbs of opinion hedge what they frame.
OPINION_PASSIVES = frozenset(
    {"see", "regard", "consider", "believe", "think", "view", "rumour", "rumor", "expect", "say"}
    | {"understand", "report", "allege", "suspect", "suppose", "presume", "estimate", "fear", "tip"}
)
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# fmt: on
# Dependencies of a reported complement: a hedge does not climb out of one (also used in attribution).
CLAUSAL_DEPS = frozenset({"ccomp", "parataxis"})
ADVERBIAL_DEPS = frozenset({"advmod", "acomp"})


def hedge_word(modal: str | None) -> str | None:
    """The clause extractor's modal or hedge word, when it hedges ('may'), not when it does not ('will')."""
    if modal is None:
        return None
    word = modal.lower()
    return word if word in HEDGE_MODALS or word in HEDGE_WORDS else None


def hedge(doc: Any, clause: Clause) -> str | None:
    """The hedge on a clause: adverbs, modals, 'likely to', 'seen as', 'a potential X', 'if'."""
    own = hedge_word(clause.modal)
    if own:
        return own
    if clause.verb < 0:
        return None
    token = doc[clause.verb]
    lemma = token.lemma_.lower()
    if lemma in OPINION_PASSIVES and any(c.dep_ == "auxpass" for c in token.children):
        follow = next((c.lower_ for c in token.children if c.dep_ == "prep" and c.lower_ == "as"), "")
        return f"{'seen' if lemma == 'see' else token.lower_} {follow}".strip() if follow else token.lower_
    for child in token.children:
        if child.dep_ == "attr" and clause.kind == "copula":
            for mod in child.children:
                if mod.dep_ == "amod" and mod.lower_ in HEDGE_PREDICATE_MODIFIERS:
                    return str(mod.lower_)
        if (
            child.dep_ == "acomp"
            and child.lower_ in HEDGE_ADJECTIVES
            and any(c.dep_ == "xcomp" for c in child.children)
        ):
            return str(child.lower_)
    for _ in range(4):
        for child in token.children:
            if child.dep_ in ADVERBIAL_DEPS and child.lower_ in HEDGE_WORDS:
                return str(child.lower_)
            if child.dep_ == "aux" and child.lower_ in HEDGE_MODALS:
                return str(child.lower_)
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                # the condition itself is not asserted: "if Blair did not want to take part, ..."
                return str(child.lower_)
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in child.children
            ):
                return str(next(m.lower_ for m in child.children if m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS))
        if token.head.i == token.i or token.dep_ in CLAUSAL_DEPS:
            break
        if token.dep_ == "xcomp" and token.head.lower_ in HEDGE_ADJECTIVES:
            return str(token.head.lower_)
        if token.dep_ not in ("xcomp", "conj", "aux", "auxpass"):
            break
        raised = token.dep_ == "xcomp"
        token = token.head
        if raised and token.lemma_.lower() in OPINION_PASSIVES and any(c.dep_ == "auxpass" for c in token.children):
            # "is believed to be planning", "is said to have": the passive opinion verb hedges its complement
            return str(token.lower_)
    return None
