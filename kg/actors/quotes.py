"""Direct quotations of one article, for pronoun resolution: where each runs, who speaks it.

A careful reader's habits (rule 4 of coref.py uses them):

- A quotation opens at “ (or ``) and closes at ” (or ''); a straight " opens when a space
  comes before it and a word after, else closes. A paragraph break closes an open quote;
  a quote that opens while one is open ("... software. "The allegation ...": paragraphs
  joined without their closing mark) starts a new quote that continues the first.
- The speaker of a quote is the subject of a reporting verb outside the quotes of the
  sentences the quote touches ("“...,” Federer said", "he added: “...”"); a quote with no
  speaker of its own that continues, or directly follows, another has that one's speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..extract.sentences import sentence_of

OPEN_MARKS = frozenset({"“", "``"})
CLOSE_MARKS = frozenset({"”", "''"})
STRAIGHT = '"'
# Verbs that introduce a direct quote.
QUOTING_VERBS = frozenset(
    {"say", "tell", "add", "explain", "insist", "claim", "argue", "note", "write", "ask", "reply",
     "warn", "state", "declare", "announce", "continue", "admit", "suggest", "stress", "joke",
     "comment", "remark", "recall", "conclude", "complain", "quip", "respond", "observe", "think"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Quote:
    """Tokens [start, end) inside one quotation."""

    start: int
    end: int


def quotations(doc: Any) -> tuple[Quote, ...]:
    """The direct quotations of the doc, in text order (cached on the doc)."""
    cached: tuple[Quote, ...] | None = doc.user_data.get("kg.actor_quotes")
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
    doc.user_data["kg.actor_quotes"] = quotes
    return quotes


def _mark(doc: Any, tok: Any) -> str:
    if tok.text in OPEN_MARKS:
        return "open"
    if tok.text in CLOSE_MARKS:
        return "close"
    if tok.text != STRAIGHT:
        return ""
    before = doc[tok.i - 1] if tok.i else None
    space_before = before is None or bool(before.whitespace_) or before.is_space or before.text in ("(", "[")
    word_after = tok.i + 1 < len(doc) and not tok.whitespace_ and not doc[tok.i + 1].is_punct
    if space_before and word_after:
        return "open"
    return "close"


def quote_of(doc: Any) -> dict[int, int]:
    """Token index -> the index of the quote it stands in (tokens outside quotes are absent)."""
    return {i: n for n, q in enumerate(quotations(doc)) for i in range(q.start, q.end)}


def speaker_token(doc: Any, n: int, inside: dict[int, int]) -> int | None:
    """The subject token of the reporting verb that introduces quote n (or the quote it continues)."""
    quotes = quotations(doc)
    while n >= 0:
        q = quotes[n]
        first = sentence_of(doc, q.start)
        last = sentence_of(doc, q.end - 1)
        verbs = [
            t for t in doc[first.start : last.end]
            if t.i not in inside and t.pos_ == "VERB" and t.lemma_.lower() in QUOTING_VERBS
        ]  # fmt: skip
        for verb in sorted(verbs, key=lambda t: min(abs(t.i - q.start), abs(t.i - q.end))):
            subject = _subject(verb, inside)
            if subject is not None:
                return subject
        if n == 0 or sentence_of(doc, quotes[n - 1].end - 1).start < _previous_start(doc, first):
            return None
        n -= 1  # no speaker of its own, right after another quote: that quote's speaker
    return None


def _subject(verb: Any, inside: dict[int, int]) -> int | None:
    """The verb's subject outside quotes; a conjunct verb's is the nearest of its conjuncts' before it."""
    own = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
    if own or verb.dep_ != "conj":
        return int(own[0]) if own else None
    head = verb.head
    verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.i < verb.i)]
    subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    before = [c.i for c in subjects if c.i not in inside and c.i < verb.i]
    return int(max(before)) if before else None


def _previous_start(doc: Any, sent: Any) -> int:
    return int(sentence_of(doc, sent.start - 1).start) if sent.start > 0 else 0


def quote_sentences_only(doc: Any, sent: Any, inside: dict[int, int]) -> bool:
    """True when every word of the sentence stands inside quotes."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return bool(words) and all(t.i in inside for t in words)
