"""A blank line ends a sentence: a spaCy component that starts a sentence after each paragraph break."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

COMPONENT = "kg_paragraphs"


@Language.component(COMPONENT)
def paragraph_breaks(doc: Any) -> Any:
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Any) -> None:
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
