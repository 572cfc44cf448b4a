"""Quotations in attribution: colon quotes, quotes split by their attribution, quoted verbs.

Where a quotation runs is ``sentences.quotations`` (one detection, shared with the actors).

- "X issued a statement: “...”" and "X said: “...”": the quoted clauses are X's.
- A quote that continues a quote split by its attribution ("“A,” X said. “B.”") is X's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .clauses import Clause
from .sentences import Quote, quotations, quote_of, sentence_of

THIRD_PERSON = frozenset({"he", "she", "his", "her"})
ANSWER_NOUNS = frozenset({"reply", "response", "answer", "retort", "rejoinder"})
VERB_KINDS = frozenset({"verb", "passive", "copula"})


def quoted(doc: Any, verb: int) -> bool:
    """True when the verb stands inside a quotation (``sentences.quotations``)."""
    return verb >= 0 and verb in quote_of(doc)


def colon_quotes(doc: Any, clauses: list[Clause]) -> dict[int, int]:
    """'X issued a statement: “...”': verb tokens inside the quote -> the clause before the colon."""
    found: dict[int, int] = {}
    quotes, inside = quotations(doc), quote_of(doc)
    for sent in doc.sents:
        tokens = list(sent)
        for token in tokens[:-1]:
            opened = inside.get(token.i + 2)
            if token.text != ":" or opened is None or quotes[opened].start != token.i + 2:
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
            end = min(quotes[opened].end, sent.end)
            for c in clauses:
                if token.i < c.verb < end:
                    found.setdefault(c.verb, speaker)
    return found


def split_quotes(
    doc: Any,
    clauses: list[Clause],
    raw: dict[int, tuple[tuple[str, ...], int | None, bool]],
    reporters: set[int] | None = None,
    key_of: Callable[[tuple[int, ...]], str | None] | None = None,
) -> dict[int, tuple[tuple[str, ...], int]]:
    """Quoted sentences with no speaker of their own continue the speaker of the sentence before.

    - '“A,” X said. “B.”' and 'X said the plan was a "shambles". “B. “C.”': B and C are X's
      (each continuation passes the speaker on to the next quoted sentence);
    - a sentence with a reporting clause of its own is never another speaker's, even when its
      speaker is unresolved ('“Prices will rise,” Smith said. “Costs will fall,” it said.');
    - a sentence inside a quotation opened in the sentence before is quoted too: 'X said: "A. B.'
      (B, before any quotation mark of its own, is X's);
    - a quoted paragraph with no attribution is the last speaker's (news convention: 'X said
      the bill was a shambles.' then '“It is a retreat.”' in the next paragraph), also across
      a sentence of narrative about that speaker ('... he said. But Henman urged Bogdanovic to
      seize his chance. "Alex is a quality player."');
    - the speaker passed on is the unquoted reporter's ('Lyng said "The alternative is to say
      ...': Lyng), and a reporting clause after a quote's last sentence ('B," Smith told
      Reuters.') is the sentence's own, not a continuation;
    - in a quotation left open, a reporting clause whose subject is not I/we ('..., the board
      agreed that ...') is the article's voice again: the quotation ended there; so is a
      sentence that opens by naming the speaker in the third person ('Moya confirmed: "I'm
      donating my prize money. His contribution follows pledges by four other players ...':
      a speaker does not call himself "his").
    """
    reporting = reporters if reporters is not None else {r for _, r, _ in raw.values() if r is not None}
    by_sentence: dict[int, list[int]] = {}
    for i, clause in enumerate(clauses):
        if clause.verb >= 0:
            by_sentence.setdefault(sentence_of(doc, clause.verb).start, []).append(i)
    found: dict[int, tuple[tuple[str, ...], int]] = {}
    last: tuple[int, tuple[str, ...], int] | None = None  # end of the sentence, chain, reporter
    quotes, within = quotations(doc), quote_of(doc)
    ended = -1  # a quotation that a narrative sentence showed to have ended before its closing mark
    for sent in doc.sents:
        members = sorted(by_sentence.get(sent.start, []), key=lambda n: clauses[n].verb)
        # the sentence opens inside a quotation of the sentence before: 'X said: "A. B.' (a
        # paragraph break closes a quotation; a quote going on opens the next paragraph again)
        first = next((t.i for t in sent if not t.is_space), sent.start)
        was_open = first in within and quotes[within[first]].start < sent.start and within[first] != ended
        inside = {i for i in members if quoted(doc, clauses[i].verb)}
        # a quotation carried over from the sentence before with no closing mark ('X said: "A. B,
        # it said.', '... The board agreed that ...'): a reporting clause in it whose subject is not
        # the speaker's own I/we is the article's narrative again; 'I think ...' stays the speaker's
        carried = quotes[within[first]].end if was_open else sent.start
        narrative = {
            i for i in members if i in reporting and clauses[i].verb < carried and not _first_person(doc, clauses[i])
        }
        if was_open and last is not None and key_of is not None and _of_the_speaker(doc, sent, last[1], key_of):
            narrative |= set(members)
        if narrative:
            inside -= {i for i in members if clauses[i].verb < carried}
            ended = within[first]  # the narrative goes on in the sentences after it
        # a quoted "I didn't believe ..." is the quoted speaker's own report, no new attribution
        own = any(i in reporting and i not in inside for i in members)
        if last is not None and any(_answer(doc, clauses[i]) for i in members):
            last = (sent.end, last[1], last[2])  # the other side's answer: the speaker goes on after it
            continue
        if last is not None and not own and (_starts_with_quote(sent) or was_open) and sent.start <= last[0]:
            for i in members:
                if not raw[i][0] and i in inside:
                    found[i] = (last[1], last[2])
            last = (sent.end, last[1], last[2])
            continue
        # the speaker passed on is an unquoted reporter's, never one inside the quote ('Lyng said "The
        # alternative is to say that ...': Lyng, not 'the alternative')
        spoken = [(raw[i][0], r) for i in members if raw[i][0] and (r := raw[i][1]) is not None and r not in inside]
        if spoken and own:
            last = (sent.end, spoken[-1][0], int(spoken[-1][1] or 0))
        elif (
            last is not None and key_of is not None and _about_the_speaker(doc, sent, clauses, members, last[1], key_of)
        ):
            last = (sent.end, last[1], last[2])  # 'But Henman urged Bogdanovic to seize his chance. "Alex is ...'
        else:
            last = None
    for q in quotes:
        _closing_speaker(doc, q, clauses, raw, reporting, by_sentence, found)
    return found


def _closing_speaker(
    doc: Any,
    q: Quote,
    clauses: list[Clause],
    raw: dict[int, tuple[tuple[str, ...], int | None, bool]],
    reporting: set[int],
    by_sentence: dict[int, list[int]],
    found: dict[int, tuple[tuple[str, ...], int]],
) -> None:
    """'“A. B,” X said.': a quote over several sentences attributed after its last one is X's
    from its first sentence on (before any speaker the first sentence continued)."""
    first, last = sentence_of(doc, q.start), sentence_of(doc, q.end - 1)
    if first.start == last.start:
        return
    members = by_sentence.get(last.start, [])
    closing = {i for i in members if i in reporting and clauses[i].verb >= q.end}
    said = [(raw[i][0], r) for i in members if q.start <= clauses[i].verb < q.end and (r := raw[i][1]) in closing]
    if not said or not said[0][0]:
        return
    chain, reporter = said[0][0], int(said[0][1] or 0)
    for start, ids in by_sentence.items():
        if first.start <= start < last.start:
            for i in ids:
                if q.start <= clauses[i].verb < q.end and not raw[i][0]:
                    found[i] = (chain, reporter)


def _answer(doc: Any, clause: Clause) -> bool:
    """'"Oh no, don't," came the reply': the quote is the other side's answer, not the last speaker's."""
    verb = doc[clause.verb] if clause.verb >= 0 else None
    if verb is None or verb.lemma_.lower() != "come":
        return False
    return any(doc[t].lemma_.lower() in ANSWER_NOUNS for t in clause.subject)


def _about_the_speaker(
    doc: Any,
    sent: Any,
    clauses: list[Clause],
    members: list[int],
    chain: tuple[str, ...],
    key_of: Callable[[tuple[int, ...]], str | None],
) -> bool:
    """A sentence with no quotation whose main clause has the last speaker as its subject ('But
    Henman urged Bogdanovic to seize his chance.'): the speaker is still the one the article follows."""
    if not chain or any(quoted(doc, clauses[i].verb) for i in members):
        return False
    for i in members:
        verb = doc[clauses[i].verb]
        if verb.dep_ == "ROOT" and clauses[i].subject and key_of(clauses[i].subject) == chain[-1]:
            return True
    return False


def _of_the_speaker(
    doc: Any, sent: Any, chain: tuple[str, ...], key_of: Callable[[tuple[int, ...]], str | None]
) -> bool:
    """The sentence opens with "He/She/His/Her" (or a name) that is the quoted speaker: the article
    speaks of the speaker again, the quotation has ended."""
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or not chain:
        return False
    third = first.lower_ in THIRD_PERSON and first.text[:1].isupper()
    if not third and first.pos_ != "PROPN":
        return False
    return key_of((first.i,)) == chain[-1]


def _first_person(doc: Any, clause: Clause) -> bool:
    return any(doc[t].lower_ in ("i", "we") for t in clause.subject)


def _starts_with_quote(sent: Any) -> bool:
    """The sentence's first word opens a quotation."""
    first = next((t.i for t in sent if not t.is_space), None)
    if first is None:
        return False
    opened = quote_of(sent.doc).get(first + 1)
    return opened is not None and quotations(sent.doc)[opened].start == first + 1
