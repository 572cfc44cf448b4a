"""Sources named by "according to": "according to the company", "according to Moscow's estimates".

- "according to X" modifying a clause cites X, or X's owner ("according to Moscow's estimates":
  Moscow), or the outlet of a document ("according to reports in the FT": the FT);
- a description of an earlier source ("according to the company") is resolved by speakers.py;
- a rule is no source: "operate according to a strict code of honour"; a name is one, whatever it
  resolved to ("according to the Hollywood Reporter"), and the owner in a name is part of it
  ("according to Florida's Department of Insurance": the department alone).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .citing import DOCUMENT_NOUNS
from .speakers import KeyOf, Speakers, speaker

DOCUMENT_SOURCE_PREPS = frozenset({"in", "by", "from"})


def _document_sources(document: Any, key_of: KeyOf) -> Iterator[str]:
    """Named sources of a document noun: "reports in the FT", "an estimate by the ministry"."""
    for prep in document.children:
        if prep.dep_ == "prep" and prep.lower_ in DOCUMENT_SOURCE_PREPS:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for member in [pobj, *pobj.conjuncts]:
                    key = key_of((member.i,))
                    if key and not key.startswith("concept/"):
                        yield key


def according_to(doc: Any, token: Any, key_of: KeyOf, speakers: Speakers) -> list[str]:
    """'according to X' modifying this token: who X belongs to or is cited by, then X."""
    for child in token.children:
        if child.lower_ != "according":
            continue
        for to in child.children:
            for pobj in (t for t in to.children if t.dep_ == "pobj"):
                found = (
                    key_of((sub.i,))
                    for sub in pobj.subtree
                    if sub.dep_ == "poss" or (sub.dep_ == "pobj" and sub.head.dep_ == "agent")
                )
                owners = [k for k in found if k]
                # "according to reports in the FT and The Economist": a document's outlet is the source
                outlets = [k for k in _document_sources(pobj, key_of) if k not in owners][:1]
                if outlets:  # "reports in the FT": the outlet is the source, the reports are its words
                    return list(dict.fromkeys(owners + outlets))
                own = key_of(tuple(t.i for t in pobj.subtree))
                if own and not own.startswith("concept/") and pobj.pos_ == "PROPN":
                    return [own]  # "according to Florida's Department of Insurance": the owner is of its name
                if not owners:
                    earlier = speaker(doc, tuple(t.i for t in pobj.subtree), key_of, speakers)
                    if len(earlier) > 1 or (earlier and earlier[-1] != own):
                        # "according to the sources": the sources met before; "the company": the company
                        return list(earlier)
                # "according to Moscow's estimates": the owner is the source, not the document
                if own and (not owners or not own.startswith("concept/")):
                    # (a name is a source, whatever it resolved to: "according to the Hollywood Reporter")
                    rule = pobj.lemma_.lower() not in DOCUMENT_NOUNS and pobj.pos_ != "PROPN"
                    if own.startswith("concept/") and rule:
                        continue  # "operate according to a strict code of honour": a rule, not a source
                    owners.append(own)
                return list(dict.fromkeys(owners))
    return []
