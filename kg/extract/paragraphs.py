"""A blank line ends a sentence: a spaCy component that starts a sentence after each paragraph break.

Also set up here, with the pipeline: British "no-one" is one word (the tokenizer cut it into
"No - one", two subjects of one verb), so "No-one was hurt" has a subject that negates it.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import NORM, ORTH
from spacy.language import Language

COMPONENT = "kg_paragraphs"


# Words that join the letters of an abbreviated name: "S and P", "AT&T", "Texas A and M".
NAME_JOINERS = frozenset({"and", "&"})


@Language.component(COMPONENT)
def paragraph_breaks(doc: Any) -> Any:
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
        elif token.lower_ in NAME_JOINERS and token.i > 0 and _letters(doc[token.i - 1]) and _letters(doc[token.i + 1]):
            # a sentence never starts inside "S and P": the parser alone cuts after the lone capital
            token.is_sent_start = False
            doc[token.i + 1].is_sent_start = False
    return doc


def _letters(token: Any) -> bool:
    """A capital letter or two standing for a word: "S", "AT" (no period: "U.S." ends sentences)."""
    return token.is_upper and token.is_alpha and len(token.text) <= 2


# Hyphenated pronouns the tokenizer would split: "No-one knows", "if no-one responded".
ONE_WORD = ("no-one", "No-one", "NO-ONE")


def add_paragraph_breaks(nlp: Any) -> None:
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    for word in ONE_WORD:
        nlp.tokenizer.add_special_case(word, [{ORTH: word, NORM: "no one"}])
