"""Direct quotations of one article, for pronoun resolution: where each runs, who speaks it.

A careful reader's habits (rule 4 of coref.py uses them):

- The quotations are the ones extraction uses (``kg.extract.sentences.quotations``, one
  detection and one cache per doc); a quote that opens while one is open continues the first.
- The speaker of a quote is the subject of a reporting verb outside the quotes of the
  sentences the quote touches ("“...,” Federer said", "he added: “...”"); a quote with no
  speaker of its own that continues, or directly follows, another has that one's speaker.
"""

from __future__ import annotations

from typing import Any

from ..extract.sentences import Quote, quotations, quote_of, sentence_of

__all__ = ["QUOTING_VERBS", "Quote", "quotations", "quote_of", "quote_sentences_only", "speaker_token"]

# Verbs that introduce a direct quote.
QUOTING_VERBS = frozenset(
    {"say", "tell", "add", "explain", "insist", "claim", "argue", "note", "write", "ask", "reply",
     "warn", "state", "declare", "announce", "continue", "admit", "suggest", "stress", "joke",
     "comment", "remark", "recall", "conclude", "complain", "quip", "respond", "observe", "think"}
)  # fmt: skip


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
