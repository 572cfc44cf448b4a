"""Who says each clause: reporting verbs, "according to", "citing", and hedges.

Rules:

- A clause whose verb is a reporting verb (say, report, tell, announce ...) and that has a
  clausal complement reports that complement; so does one attached to another clause as
  a parenthetical ("..., Bloomberg has reported").
- Every clause inside the reported complement is attributed to the reporter; nested
  reports make a chain, outermost speaker first.
- "citing Y" on a reporting verb and "sources cited by Y" add Y to the chain after the
  speaker; "according to X" attributes the clause it modifies to X.
- A hedging adverb ("allegedly", "reportedly", "likely") on the verb or an enclosing verb
  hedges the clause. Denying verbs mark their content as denied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .clauses import Clause

REPORTING_VERBS = frozenset(
    {
        "say", "report", "tell", "announce", "confirm", "deny", "insist", "claim", "add", "state",
        "explain", "write", "note", "warn", "argue", "suggest", "reveal", "declare", "stress",
        "assert", "acknowledge", "admit", "allege", "maintain", "reply", "respond", "believe",
        "think", "estimate", "predict", "indicate", "find", "show", "emphasize", "emphasise",
        "mention", "hint", "concede", "comment", "remark", "testify", "disclose", "inform",
    }
)
DENYING_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "rebut"})
CITING_VERBS = frozenset({"cite", "quote"})
HEDGE_WORDS = frozenset(
    {
        "allegedly", "reportedly", "apparently", "reputedly", "supposedly", "possibly", "probably",
        "perhaps", "likely", "unlikely", "seemingly", "presumably", "purportedly", "maybe",
    }
)
CLAUSAL_DEPS = frozenset({"ccomp", "parataxis"})
ADVERBIAL_DEPS = frozenset({"advmod", "acomp"})


@dataclass(frozen=True, slots=True)
class Context:
    """How the article stands to one clause."""

    chain: tuple[str, ...] = ()
    reported_by: int | None = None
    reports: bool = False
    hedge: str | None = None
    negated: bool = False
    denied: bool = False
    quoted: bool = False
    time_text: str | None = None


KeyOf = Callable[[tuple[int, ...]], "str | None"]
"""Maps a phrase (token indices) to the entity key it names, if any."""


def contexts(doc: Any, clauses: list[Clause], key_of: KeyOf) -> list[Context]:
    """One Context per clause, in order."""
    content_heads = _content_heads(doc, clauses)
    reporters = {r for r in content_heads.values()}
    result = []
    for i, clause in enumerate(clauses):
        chain, reported_by, denied = _chain(doc, i, clause, clauses, content_heads, key_of)
        result.append(
            Context(
                chain=chain,
                reported_by=reported_by,
                reports=i in reporters,
                hedge=_hedge(doc, clause.verb),
                denied=denied,
                quoted=_quoted(doc, clause.verb),
            )
        )
    return result


def _content_heads(doc: Any, clauses: list[Clause]) -> dict[int, int]:
    """Token index of each reported complement's head -> index of the clause reporting it."""
    heads: dict[int, int] = {}
    for i, clause in enumerate(clauses):
        if clause.verb < 0 or doc[clause.verb].lemma_.lower() not in REPORTING_VERBS:
            continue
        verb = doc[clause.verb]
        if clause.object_clause is not None:
            heads.setdefault(clause.object_clause, i)
            continue
        inner = [c for c in verb.children if c.dep_ in CLAUSAL_DEPS and c.pos_ in ("VERB", "AUX")]
        if inner:
            heads.setdefault(inner[0].i, i)
        elif verb.dep_ in CLAUSAL_DEPS and verb.head.i != verb.i:
            # "X happened, Bloomberg reported": the reporting verb hangs off the reported one
            heads.setdefault(verb.head.i, i)
    return heads


def _chain(
    doc: Any,
    index: int,
    clause: Clause,
    clauses: list[Clause],
    content_heads: dict[int, int],
    key_of: KeyOf,
) -> tuple[tuple[str, ...], int | None, bool]:
    """Speakers from outermost to innermost, the clause reporting this one, and denial."""
    if clause.verb < 0:
        return (), None, False
    chain: list[str] = []
    reported_by: int | None = None
    denied = False
    token = doc[clause.verb]
    seen: set[int] = set()
    while True:
        reporter = content_heads.get(token.i)
        if reporter is not None and reporter != index and reporter not in seen:
            seen.add(reporter)
            if reported_by is None:
                reported_by = reporter
                denied = doc[clauses[reporter].verb].lemma_.lower() in DENYING_VERBS
            chain[:0] = _speakers(doc, clauses[reporter], key_of)
        according = _according_to(doc, token, key_of)
        if according:
            chain[:0] = [k for k in according if k not in chain]
        if token.head.i == token.i:
            break
        token = token.head
    return tuple(dict.fromkeys(chain)), reported_by, denied


def _speakers(doc: Any, reporter: Clause, key_of: KeyOf) -> list[str]:
    """The reporter's subject, then whom it cites."""
    found: list[str] = []
    subject_key = _first_key(reporter.subject, key_of)
    if subject_key:
        found.append(subject_key)
    found += [k for k in _citing(doc, doc[reporter.verb], key_of) if k not in found]
    return found


def _first_key(tokens: tuple[int, ...], key_of: KeyOf) -> str | None:
    return key_of(tokens) if tokens else None


def _citing(doc: Any, verb: Any, key_of: KeyOf) -> Iterator[str]:
    """'..., citing people familiar with the matter': the cited sources."""
    for child in verb.subtree:
        if child.lemma_.lower() in CITING_VERBS and child.i != verb.i and child.pos_ == "VERB":
            for obj in child.children:
                if obj.dep_ in ("dobj", "obj"):
                    for member in [obj, *obj.conjuncts]:
                        key = key_of(tuple(t.i for t in member.subtree if t.dep_ != "conj" or t.i == member.i))
                        if key:
                            yield key


def _according_to(doc: Any, token: Any, key_of: KeyOf) -> list[str]:
    """'according to X' modifying this token: who X belongs to or is cited by, then X."""
    for child in token.children:
        if child.lower_ != "according":
            continue
        for to in child.children:
            for pobj in (t for t in to.children if t.dep_ == "pobj"):
                keys = [
                    key_of((sub.i,))
                    for sub in pobj.subtree
                    if sub.dep_ == "poss" or (sub.dep_ == "pobj" and sub.head.dep_ == "agent")
                ]
                keys.append(key_of(tuple(t.i for t in pobj.subtree)))
                return [k for k in keys if k]
    return []


def _hedge(doc: Any, verb: int) -> str | None:
    """A hedging adverb on the verb, or on the verbs it depends on up to the sentence root."""
    if verb < 0:
        return None
    token = doc[verb]
    for _ in range(3):
        for child in token.children:
            if child.dep_ in ADVERBIAL_DEPS and child.lower_ in HEDGE_WORDS:
                return str(child.lower_)
        if token.head.i == token.i or token.dep_ in CLAUSAL_DEPS:
            break
        token = token.head
    return None


QUOTES_OPEN = frozenset({"“", '"', "``", "‘"})
QUOTES_CLOSE = frozenset({"”", '"', "''", "’"})


def _quoted(doc: Any, verb: int) -> bool:
    """True when the verb stands between opening and closing quotation marks in its sentence."""
    if verb < 0:
        return False
    sent = doc[verb].sent
    depth = 0
    for token in sent:
        if token.i == verb:
            return depth % 2 == 1
        if token.text in QUOTES_OPEN or token.text in QUOTES_CLOSE:
            depth += 1
    return False
