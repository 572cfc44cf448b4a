"""What a report cites: "..., citing people familiar with the matter", "according to figures from ...".

A cited document or count ("a report", "official figures") is a source even when it names
no actor; a reason cited ("citing strong demand") is none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .sentences import sentence_of
from .speakers import KeyOf

CITING_VERBS = frozenset({"cite", "quote"})


# What "according to" and "citing" can cite when it names no actor: documents and counts that say things.
DOCUMENT_NOUNS = frozenset(
    {
        "report",
        "figure",
        "data",
        "estimate",
        "survey",
        "poll",
        "statement",
        "study",
        "research",
        "document",
        "filing",
        "statistic",
        "calculation",
        "forecast",
        "analysis",
        "count",
        "projection",
        "account",
        "record",
        "result",
        "source",
        "official",
        "preliminary",
        "census",
        "index",
        "release",
        "reading",
        "tally",
        "minute",
    }
)


def citing(doc: Any, verb: Any, key_of: KeyOf) -> Iterator[str]:
    """'..., citing people familiar with the matter', 'citing a report': the cited sources (not the
    reasons cited: 'citing strong demand')."""
    sent = sentence_of(verb.doc, verb.i)
    candidates = [t for t in verb.subtree if t.lemma_.lower() in CITING_VERBS and t.i != verb.i and t.pos_ == "VERB"]
    if not candidates:
        # the parse may hang 'citing' elsewhere; take one right after the reporting verb's comma
        candidates = [
            t for t in sent if t.i > verb.i and t.lower_ == "citing" and doc[t.i - 1].text == "," and t.i - verb.i < 6
        ]
    for child in candidates:
        for obj in child.children:
            if obj.dep_ in ("dobj", "obj", "pobj"):
                for member in [obj, *obj.conjuncts]:
                    key = key_of(tuple(t.i for t in member.subtree if t.dep_ != "conj" or t.i == member.i))
                    # "citing strong demand", "citing health reasons": a reason cited is no source
                    if key and (not key.startswith("concept/") or member.lemma_.lower() in DOCUMENT_NOUNS):
                        yield key
