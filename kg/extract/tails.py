"""A sentence closed by its speaker: ', the FT and the Economist reported on Tuesday, citing ...'.

Everything before the comma is what the speaker reported, whatever the parse made of it;
clauses that took a word of the speaker's phrase as their object are misparses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .clauses import Clause
from .hedges import CLAUSAL_DEPS
from .reporting import reporting

SPEAKER_PREPS = frozenset({"for", "of", "at"})  # ", a spokeswoman for Abbott said"
NOUN_PHRASE_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "CCONJ", "PART", "NUM", "PRON"})


@dataclass
class Tails:
    reporter_of: dict[int, int] = field(default_factory=dict)  # verb token -> reporting clause
    misparsed: set[int] = field(default_factory=set)
    reporters: set[int] = field(default_factory=set)


def tail_attributions(doc: Any, clauses: list[Clause]) -> Tails:
    """', the FT and the Economist reported on Tuesday, citing ...' closing a sentence."""
    found = Tails()
    by_verb: dict[int, list[int]] = {}
    for i, clause in enumerate(clauses):
        by_verb.setdefault(clause.verb, []).append(i)
    for sent in doc.sents:
        for verb in sent:
            if not reporting(verb) or verb.pos_ not in ("VERB", "AUX"):
                continue
            phrase = _phrase_before(sent, verb)
            if phrase is None:
                continue
            comma, np = phrase
            np_set = set(np)
            if _speaker_as_apposition(sent, verb, np):
                # "... to the Red Cross, a spokeswoman for Abbott said.": the parse took the speaker
                # for an apposition of the word before the comma; what took it in is a misparse
                found.misparsed.update(i for i, c in enumerate(clauses) if c.verb >= 0 and set(c.object or ()) & np_set)
            if any(t.dep_ in CLAUSAL_DEPS | {"ccomp"} and t.head.i == verb.i for t in sent):
                continue  # the parse already found its complement
            reporters = [i for i in by_verb.get(verb.i, []) if set(clauses[i].subject) & np_set]
            if not reporters:
                continue
            found.reporters.update(reporters)
            for i in by_verb.get(verb.i, []):
                if i not in reporters:
                    found.misparsed.add(i)
            for i, clause in enumerate(clauses):
                if sent.start <= clause.verb < comma:
                    found.reporter_of.setdefault(clause.verb, reporters[0])
                    if clause.object and set(clause.object) & np_set:
                        found.misparsed.add(i)
    return found


def _speaker_as_apposition(sent: Any, verb: Any, np: list[int]) -> bool:
    """', a spokeswoman for Abbott said.' closing the sentence, its head parsed as an apposition."""
    doc = sent.doc
    last = verb.i + 1 >= sent.end or all(t.is_punct or t.is_space for t in doc[verb.i + 1 : sent.end])
    # (not "..., Rabbi Marvin Hier, founder of the Center, said": the name before it is the speaker)
    return last and any(
        doc[w].dep_ == "appos" and doc[w].head.i < np[0] and doc[w].head.dep_ not in ("nsubj", "nsubjpass") for w in np
    )


def _phrase_before(sent: Any, verb: Any) -> tuple[int, list[int]] | None:
    """(index of the comma, noun phrase tokens) when verb is preceded by ', NOUN PHRASE'."""
    words: list[int] = []
    i = verb.i - 1
    while i > sent.start and sent.doc[i].dep_ == "aux":
        i -= 1
    while i > sent.start:
        token = sent.doc[i]
        if token.text == ",":
            break
        of = token.pos_ == "ADP" and token.lower_ in SPEAKER_PREPS  # "a spokeswoman for Abbott"
        if token.pos_ not in NOUN_PHRASE_POS and token.text not in ("-", "’s", "'s") and not of:
            return None
        words.append(i)
        i -= 1
    else:
        return None
    if not words or i - sent.start < 3 or not any(sent.doc[w].pos_ in ("PROPN", "NOUN", "PRON") for w in words):
        return None
    return i, sorted(words)
