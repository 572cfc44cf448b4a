"""Denials: denying verbs, speech acts whose words are a denial formula, and what they deny.

A denying verb marks its content as denied; a speech act whose words are a denial formula
("No, it's not true", "this is false") is a denial of the claims reported just before it
(see `denial_targets`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..models import Statement
from .clauses import Clause
from .sentences import sentence_of

DENYING_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "rebut", "dispute"})
DENIAL_FORMULA = re.compile(
    r"(?:^|[\s“\"‘:])(?:no|nope)\s*[,.!]|\b(?:not|n[’']t|never)\s+(?:true|correct|accurate|the case)\b"
    r"|\b(?:untrue|false|fake|baseless|groundless|nonsense|fabricat\w*|lies?|misinformation|disinformation)\b",
    re.IGNORECASE,
)
DENIAL_WINDOW = 4  # sentences back in which a denial looks for the claims it answers


def is_denial(
    doc: Any,
    index: int,
    clause: Clause,
    clauses: list[Clause],
    raw: dict[int, tuple[tuple[str, ...], int | None, bool]],
) -> bool:
    """A speech act that denies: a denying verb, or a reporter whose reported words are a denial formula."""
    if clause.verb < 0:
        return False
    if doc[clause.verb].lemma_.lower() in DENYING_VERBS and clause.kind != "copula":
        return any(r == index for _, r, _ in raw.values()) or clause.object_clause is not None
    content = [j for j, (_, r, _) in raw.items() if r == index]
    if not content:
        return False
    first = min(clauses[j].verb for j in content)
    sent = sentence_of(doc, first)
    words = doc[max(sent.start, clause.verb + 1) : sent.end].text if clause.verb < first else sent.text
    return bool(DENIAL_FORMULA.search(words))


def denial_targets(statements: Sequence[Statement]) -> dict[int, list[int]]:
    """For each denial (kind 'denial'), the earlier reported claims it answers.

    A denial answers the claims reported by others in the sentences just before it: those
    sharing a subject or object with its own content when there are any, else all of them.
    """
    targets: dict[int, list[int]] = {}
    for i, st in enumerate(statements):
        if st.kind != "denial":
            continue
        about = {
            a.entity
            for c in statements
            if c.content_of == i
            for a in (c.subject, c.object)
            if a is not None and a.entity
        }
        window = sorted({s.sentence_start for s in statements if s.sentence_start < st.sentence_start})[-DENIAL_WINDOW:]
        candidates = [
            j
            for j, claim in enumerate(statements)
            if claim.sentence_start in window
            and claim.content_of is not None
            and claim.attribution
            and st.subject.entity not in claim.attribution
            and not claim.denied
        ]
        sharing = [
            j
            for j in candidates
            if {a.entity for a in (statements[j].subject, statements[j].object) if a is not None} & about
        ]
        candidates = sharing or candidates
        if candidates:
            latest = max(statements[j].sentence_start for j in candidates)
            targets[i] = [j for j in candidates if statements[j].sentence_start == latest]
    return targets
