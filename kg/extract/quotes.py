"""Quotations in attribution: colon quotes, quotes split by their attribution, quoted verbs.

- "X issued a statement: “...”" and "X said: “...”": the quoted clauses are X's.
- A quote that continues a quote split by its attribution ("“A,” X said. “B.”") is X's.
"""

from __future__ import annotations

from typing import Any

from .clauses import Clause
from .sentences import quote_depth, sentence_of

QUOTES_OPEN = frozenset({"“", '"', "``", "‘"})
QUOTES_CLOSE = frozenset({"”", '"', "''", "’"})
VERB_KINDS = frozenset({"verb", "passive", "copula"})


def quoted(doc: Any, verb: int) -> bool:
    """True when the verb stands between opening and closing quotation marks in its sentence."""
    return verb >= 0 and quote_depth(doc, verb) % 2 == 1


def colon_quotes(doc: Any, clauses: list[Clause]) -> dict[int, int]:
    """'X issued a statement: “...”': verb tokens inside the quote -> the clause before the colon."""
    found: dict[int, int] = {}
    for sent in doc.sents:
        tokens = list(sent)
        for n, token in enumerate(tokens[:-1]):
            if token.text != ":" or tokens[n + 1].text not in QUOTES_OPEN:
                continue
            before = [i for i, c in enumerate(clauses) if sent.start <= c.verb < token.i and c.subject]
            before = [
                i
                for i in before
                if not quoted(doc, clauses[i].verb)
                and clauses[i].kind in VERB_KINDS
                and doc[clauses[i].verb].pos_ == "VERB"
            ]
            if not before:
                continue
            speaker = before[-1]
            end = next((t.i for t in tokens[n + 2 :] if t.text in QUOTES_CLOSE), sent.end)
            for c in clauses:
                if token.i < c.verb < end:
                    found.setdefault(c.verb, speaker)
    return found


def split_quotes(
    doc: Any, clauses: list[Clause], raw: dict[int, tuple[tuple[str, ...], int | None, bool]]
) -> dict[int, tuple[tuple[str, ...], int]]:
    """'“A,” X said. “B.”': clauses in a quote with no speaker get the previous sentence's quoted speaker."""
    found: dict[int, tuple[tuple[str, ...], int]] = {}
    last: tuple[int, tuple[str, ...], int] | None = None  # sentence start, chain, reporter
    for i in sorted(range(len(clauses)), key=lambda n: clauses[n].verb):
        clause = clauses[i]
        if clause.verb < 0:
            continue
        chain, reporter, _ = raw[i]
        sent = sentence_of(doc, clause.verb)
        in_quote = quoted(doc, clause.verb)
        if chain and reporter is not None and in_quote:
            last = (sent.end, chain, reporter)
        elif not chain and in_quote and last is not None and sent.start <= last[0] and _starts_with_quote(sent):
            found[i] = (last[1], last[2])
        elif not in_quote and last is not None and sent.start >= last[0]:
            last = None
    return found


def _starts_with_quote(sent: Any) -> bool:
    return bool(len(sent)) and sent[0].text in QUOTES_OPEN
