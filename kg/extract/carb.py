"""CaRB output: clauses of pre-tokenized benchmark sentences as tab-separated tuples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .args import phrase_of
from .clause_model import Clause
from .clauses import extract_clauses


def tokenized_doc(nlp: Any, sentence: str) -> Any:
    """Parse a sentence whose tokens are separated by single spaces, keeping those tokens."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=sentence.split(" "))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def carb_fields(doc: Any, clause: Clause) -> list[str]:
    """relation, arg1, arg2, ... of one clause, as the sentence spells them."""
    args = [phrase_of(doc, clause.subject)]
    if clause.object is not None:
        args.append(phrase_of(doc, clause.object))
    args.extend(phrase_of(doc, tokens) for _, tokens in clause.extras)
    return [clause.relation_text, *args]


def carb_lines(nlp: Any, sentences: Iterable[str]) -> Iterator[str]:
    """Yield `sentence TAB confidence TAB relation TAB arg1 TAB arg2 ...` for every clause."""
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        yield from doc_lines(tokenized_doc(nlp, sentence), sentence)


def doc_lines(doc: Any, sentence: str) -> Iterator[str]:
    """CaRB lines for the clauses of one parsed sentence."""
    for clause in extract_clauses(doc):
        fields = carb_fields(doc, clause)
        if fields[0] and fields[1]:
            yield "\t".join([sentence, f"{clause.confidence:.3f}", *fields])
