"""Per-doc indexes: the sentence of a token in constant time, the doc's quotations.

spaCy's ``Token.sent`` walks the doc's sentences on every call, which makes per-clause
lookups quadratic in the length of an article. This keeps one index per doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

_KEY = "kg.sentence_starts"
_QUOTES_KEY = "kg.quotes"


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


OPEN_MARKS = frozenset({"“", "``"})
CLOSE_MARKS = frozenset({"”", "''"})
STRAIGHT = '"'


@dataclass(frozen=True, slots=True)
class Quote:
    """Tokens [start, end) inside one quotation (its opening mark is token start - 1)."""

    start: int
    end: int


def quotations(doc: Any) -> tuple[Quote, ...]:
    """The direct quotations of the doc, in text order: the one detection extraction and actors share.

    A quotation opens at “ (or ``) and closes at ” (or ''); a straight " opens when a space
    (or a sentence start, or a bracket) comes before it and a word after, else closes. A
    paragraph break closes an open quote; a quote that opens while one is open ("... software.
    "The allegation ...": paragraphs joined without their closing mark) starts a new quote.
    """
    return _quotes(doc)[0]


def quote_of(doc: Any) -> dict[int, int]:
    """Token index -> the index of the quote it stands in (tokens outside quotes are absent)."""
    return _quotes(doc)[1]


def _quotes(doc: Any) -> tuple[tuple[Quote, ...], dict[int, int]]:
    cached: tuple[tuple[Quote, ...], dict[int, int]] | None = doc.user_data.get(_QUOTES_KEY)
    if cached is not None:
        return cached
    found: list[Quote] = []
    start = -1
    for tok in doc:
        if start >= 0 and tok.i > start and "\n" in doc[tok.i - 1].whitespace_ + tok.text:
            found.append(Quote(start, tok.i))  # a paragraph break closes an open quote
            start = -1
        kind = _mark(doc, tok)
        if kind == "open":
            if start >= 0:  # a new quote while one is open: the first ran to here
                found.append(Quote(start, tok.i))
            start = tok.i + 1
        elif kind == "close" and start >= 0:
            found.append(Quote(start, tok.i))
            start = -1
    if start >= 0:
        found.append(Quote(start, len(doc)))
    quotes = tuple(q for q in found if q.end > q.start)
    inside = {i: n for n, q in enumerate(quotes) for i in range(q.start, q.end)}
    cached = doc.user_data[_QUOTES_KEY] = (quotes, inside)
    return cached


def _mark(doc: Any, tok: Any) -> str:
    if tok.text in OPEN_MARKS:
        return "open"
    if tok.text in CLOSE_MARKS:
        return "close"
    if tok.text != STRAIGHT:
        return ""
    before = doc[tok.i - 1] if tok.i else None
    space_before = before is None or bool(before.whitespace_) or before.is_space or before.text in ("(", "[")
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # a word, or a single quote opening a quote inside it ('"'Oh no Bill," came the response.')
    word_after = after is not None and not tok.whitespace_ and (not after.is_punct or after.text in ("'", "‘"))
    if space_before and word_after:
        return "open"
    return "close"
