"""The sentence of a token, in constant time.

spaCy's ``Token.sent`` walks the doc's sentences on every call, which makes per-clause
lookups quadratic in the length of an article. This keeps one index per doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

_KEY = "kg.sentence_starts"


def sentence_of(doc: Any, i: int) -> Any:
    """The sentence Span holding token i of doc."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        sents = list(doc.sents)
        cached = ([s.start for s in sents], sents)
        doc.user_data[_KEY] = cached
    starts, sents = cached
    return sents[bisect_right(starts, i) - 1]


def doc_text(doc: Any) -> str:
    """The doc's text, built once (``Doc.text`` joins every token on each call)."""
    text = doc.user_data.get("kg.text")
    if text is None:
        text = doc.user_data["kg.text"] = doc.text
    return str(text)


def entities_in(sent: Any) -> list[Any]:
    """The named-entity spans inside a sentence (``Span.ents`` scans the whole doc each call)."""
    doc = sent.doc
    cached = doc.user_data.get("kg.ents")
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data["kg.ents"] = ([e.start for e in ents], ents)
    starts, ents = cached
    return list(ents[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)])


QUOTE_MARKS = frozenset({"“", "”", '"', "``", "''", "‘", "’"})


def quote_depth(doc: Any, i: int) -> int:
    """How many quotation marks come before token i in its sentence (odd: inside a quote)."""
    cached = doc.user_data.get("kg.quotes")
    if cached is None:
        counts: list[int] = []
        seen = 0
        for token in doc:
            if token.is_sent_start:
                seen = 0
            counts.append(seen)
            if token.text in QUOTE_MARKS:
                seen += 1
        cached = doc.user_data["kg.quotes"] = counts
    return int(cached[i])
