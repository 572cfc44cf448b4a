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
    doc: Any,
    clauses: list[Clause],
    raw: dict[int, tuple[tuple[str, ...], int | None, bool]],
    reporters: set[int] | None = None,
) -> dict[int, tuple[tuple[str, ...], int]]:
    """Quoted sentences with no speaker of their own continue the speaker of the sentence before.

    - '“A,” X said. “B.”' and 'X said the plan was a "shambles". “B. “C.”': B and C are X's
      (each continuation passes the speaker on to the next quoted sentence);
    - a sentence with a reporting clause of its own is never another speaker's, even when its
      speaker is unresolved ('“Prices will rise,” Smith said. “Costs will fall,” it said.');
    - a sentence inside a quotation opened in the sentence before is quoted too: 'X said: "A. B.'
      (B, before any quotation mark of its own, is X's);
    - a quoted paragraph with no attribution is the last speaker's (news convention: 'X said
      the bill was a shambles.' then '“It is a retreat.”' in the next paragraph).
    """
    reporting = reporters if reporters is not None else {r for _, r, _ in raw.values() if r is not None}
    by_sentence: dict[int, list[int]] = {}
    for i, clause in enumerate(clauses):
        if clause.verb >= 0:
            by_sentence.setdefault(sentence_of(doc, clause.verb).start, []).append(i)
    found: dict[int, tuple[tuple[str, ...], int]] = {}
    last: tuple[int, tuple[str, ...], int] | None = None  # end of the sentence, chain, reporter
    still_open = False  # the sentence before ended inside a quotation: 'X said: "A. B.' (B is quoted)
    for sent in doc.sents:
        members = sorted(by_sentence.get(sent.start, []), key=lambda n: clauses[n].verb)
        marks = [t.i for t in sent if t.text in QUOTES_OPEN | QUOTES_CLOSE]
        # a paragraph break closes a quotation (a quote going on opens the next paragraph again)
        was_open = still_open and not (sent.start > 0 and "\n" in doc.text[doc[sent.start - 1].idx : sent.start_char])
        marked = {i for i in members if quoted(doc, clauses[i].verb)}
        # a quoted "I didn't believe ..." is the quoted speaker's own report, no new attribution
        own = any(i in reporting and i not in marked for i in members)
        first_mark = marks[0] if marks else sent.end
        inside = marked | {i for i in members if was_open and not own and clauses[i].verb < first_mark}
        still_open = _opening(doc, marks[-1]) if marks else was_open and not own
        if last is not None and not own and (_starts_with_quote(sent) or was_open) and sent.start <= last[0]:
            for i in members:
                if not raw[i][0] and i in inside:
                    found[i] = (last[1], last[2])
            last = (sent.end, last[1], last[2])
            continue
        spoken = [(raw[i][0], raw[i][1]) for i in members if raw[i][0] and raw[i][1] is not None]
        last = (sent.end, spoken[-1][0], int(spoken[-1][1] or 0)) if spoken and own else None
    return found


def _opening(doc: Any, i: int) -> bool:
    """An opening quotation mark: space (or a sentence start) before it, a word right after it."""
    if i + 1 >= len(doc) or doc[i].whitespace_ or doc[i + 1].is_punct:
        return False
    return doc[i].text in QUOTES_OPEN and (i == 0 or bool(doc[i - 1].whitespace_) or doc[i].is_sent_start)


def _starts_with_quote(sent: Any) -> bool:
    first = next((t for t in sent if not t.is_space), None)
    return first is not None and first.text in QUOTES_OPEN
