"""Labels and values of noun phrases: a concept's name, the amount a phrase stands for.

"a 60% rise" is named "60% rise", "the number of new casinos" "number of new casinos"; "a total of
two billion francs" stands for the francs, an amount (kg.extract.objects.amount).
"""

from __future__ import annotations

from typing import Any

from ..actors.names import clean_name
from .objects import amount

NOUN_POS = frozenset({"NOUN", "PROPN", "NUM", "X"})
CONCEPT_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod"})
MAX_CONCEPT_WORDS = 6
# A gerund clause as a subject: "Raising prices would hurt sales", "Cutting jobs is not the answer".
GERUND_SUBJECT_DEPS = frozenset({"csubj", "csubjpass"})
FIGURE_ENTS = frozenset({"PERCENT", "MONEY", "QUANTITY"})
# Nouns of number or level, named with what they count: "the number of new casinos".
COUNT_NOUNS = frozenset({"number", "level", "proportion", "percentage", "quantity", "volume"})
# Words that measure out an amount: "a total of two billion francs" is the francs.
MEASURE_WORDS = frozenset({"total", "sum", "amount", "maximum", "minimum", "average", "tally"})


def concept_label(doc: Any, token: Any) -> str:
    """The head noun and its close modifiers, lower case unless a name."""
    head = token.i
    words = [c for c in token.lefts if c.dep_ in CONCEPT_MODIFIERS and c.i in range(head - MAX_CONCEPT_WORDS, head)]
    # a figure keeps its number: "a 60% rise" is no "rise", "1.4 billion francs" no "billion francs"
    first = min([_figure_start(w) for w in words] + [head])
    label = clean_name(
        " ".join(t.text for t in doc[first : head + 1] if (not t.is_punct or t.text == "%") and t.dep_ != "poss")
    ).replace(" %", "%")
    return str(label if token.pos_ == "PROPN" else label.lower())


def gerund_label(token: Any) -> str | None:
    """The activity a gerund subject names, with its particle and its object's head noun: "Raising
    prices would hurt sales" -> "raising prices"; None for any other token."""
    if token.tag_ != "VBG" or token.dep_ not in GERUND_SUBJECT_DEPS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children):
        return None  # a clause with a subject or auxiliary of its own: "they should be reaching"
    first = token.left_edge.i
    if first > 0 and token.doc[first - 1].pos_ in NOUN_POS | {"PRON"}:
        return None  # a noun just before it is the participle's subject, misparsed: "pricing going up is"
    words = [token, *(c for c in token.children if c.dep_ in ("prt", "dobj") and c.pos_ in NOUN_POS | {"ADP"})]
    return " ".join(t.lemma_.lower() if t.dep_ == "dobj" and t.pos_ != "PROPN" else t.lower_ for t in words)


def counted(token: Any) -> Any | None:
    """What a noun of number or level counts: "the number of Whitehall departments" -> departments."""
    if token.lemma_.lower() not in COUNT_NOUNS:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS), None)
        if pobj is not None:
            return pobj
    return None


def _figure_start(modifier: Any) -> int:
    """Where a modifier starts: with the whole of it when it carries a figure ("60 %", "1.4 billion",
    "better than 50 %"), else at its own word."""
    edge = modifier.left_edge
    if edge.i < modifier.i and any(t.like_num or t.ent_type_ in FIGURE_ENTS for t in modifier.subtree):
        return int(edge.i)
    return int(modifier.i)


def measured(token: Any) -> Any:
    """The amount a measure word stands for ("a total of two billion francs" -> francs), else token itself."""
    if token.lower_ not in MEASURE_WORDS:
        return token
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and amount(pobj):
            return pobj
    return token
