"""Evidence is no speaker: "The Cell's specifications suggest ...", "figures from the ministry show ...".

Figures, data, specifications and results say nothing of themselves: what they show is the
article's (or their owner's, when one is named: "Acme's figures", "data from the Commerce
Department"). Documents with an author (a report, a study, a poll) stay sources (speakers.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import ACTOR_TYPES

# fmt: off
EVIDENCE_NOUNS = frozenset(
    {"specification", "figure", "data", "statistic", "result", "evidence", "sign", "indicator",
     "finding", "test", "trend", "chart", "reading", "specs", "spec", "detail", "fact"}
)
OWNER_PREPS = frozenset({"from", "by", "of"})  # "figures from the ministry", "data by the bureau"
# (not "number": "the world number one said")
# fmt: on
_ACTOR_PREFIXES = tuple(f"{t.lower()}/" for t in ACTOR_TYPES)


def evidence_speaker(doc: Any, head: int, key_of: Callable[[tuple[int, ...]], str | None]) -> tuple[str, ...] | None:
    """The speaker of a reporting subject headed by an evidence noun: its owner if an actor, else
    none (the article's voice); None when the head is no evidence noun."""
    token = doc[head]
    if token.lemma_.lower() not in EVIDENCE_NOUNS and token.lower_ not in EVIDENCE_NOUNS:
        return None
    key = key_of((head,))
    if key and key.startswith(_ACTOR_PREFIXES):
        return None  # a name that ends in one ("Economic Data Corp")
    for child in token.children:
        owners: list[Any] = []
        if child.dep_ == "poss":
            owners = [child]
        elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            owners = [c for c in child.children if c.dep_ == "pobj"]
        for owner in owners:
            found = key_of(tuple(t.i for t in owner.subtree))
            if found and found.startswith(_ACTOR_PREFIXES):
                return (found,)
    return ()
