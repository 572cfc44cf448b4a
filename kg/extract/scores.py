"""Results of matches: a score ("7-5", "4-6 7-6 (7-3) 6-0", "42-6") is a figure of the result, no argument.

Sport reports put the score right after the result's object ("downed Jeff Morrison 4-6 7-6
(7-3) 6-0", "saw off the Argentine third seed 7-5 6-3"), where the parser, which splits
"7-5" into "7", "-", "5", hangs its numbers anywhere: as objects of the verb, as a
number of the noun before them. A score is read from the text itself: numbers of one or
two digits joined by a hyphen with no space ("7-5"; not "747-400", "1986-87", "3 - 5"), in a run
of such scores with tie-breaks in brackets ("6-7 (4-7)"), that no unit or noun follows
("a 3-1 win" is a score inside a phrase, "3-5 pct" a range; both stay as they are).

`without_scores` applies the rules to the clauses of an article:

- a score is never a verb's object: the clause takes the verb's other object ("Jeff
  Morrison") or none ("Federer won 6-3 6-2");
- a score at the end of an argument leaves it ("the Argentine third seed 7-5" -> "the
  Argentine third seed"; "Kevin Kim 3-6 6" -> "Kevin Kim");
- the score itself becomes the clause's "score" extra argument, so it is kept with the
  statement (kg:extraArgument "score: 7-5 6-3");
- a clause whose subject is only a score, or whose subject or object is left empty,
  is dropped;
- "down"/"up" after a counted noun or a score ends the deficit, no particle of the verb:
  "come back from two sets down" is (come back from, two sets down), not "come down".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from .args import head_of
from .clause_model import Clause, Tokens
from .tokens import doc_tokens

SCORE_ROLE = "score"
_RUNS = "kg.score_runs"
HYPHENS = frozenset({"-", "‐", "‑", "–"})
# Parts of speech that, right after a score, make it a modifier or a range ("a 3-1 win", "3-5 pct").
NOUN_POS = frozenset({"NOUN", "PROPN", "SYM"})
# Words that say nothing left alone in an extra argument: "until" of "until 3-3", "only" of "only 2-1".
FUNCTION_POS = frozenset({"ADP", "ADV", "PART", "DET", "PUNCT", "CCONJ", "SCONJ"})
# Prepositions whose score is a state of the match, the clause's object: "got back to 5-5", "at 5-4".
STATE_PREPS = frozenset({"to", "at", "until", "till", "from"})
# Clause kinds read off a noun phrase: a score there describes its noun ("the 42-6 victors").
VERB_KINDS = frozenset({"verb", "passive", "relative", "participle", "infinitive"})


def _number(tok: Any) -> bool:
    """A game count or points of a score: one or two digits ("747-400" is an aircraft, "1986-87" a season)."""
    return bool(tok.text.isdigit() and len(tok.text) <= 2)


def _tight(toks: list[Any], i: int) -> bool:
    """Tokens i, i+1, i+2 read 'N-N' with no space: a score's three tokens."""
    if i + 2 >= len(toks):
        return False
    a, dash, b = toks[i], toks[i + 1], toks[i + 2]
    return _number(a) and dash.text in HYPHENS and _number(b) and not a.whitespace_ and not dash.whitespace_


def score_runs(doc: Any) -> list[tuple[int, int]]:
    """Token spans [start, end) of the scores of doc: runs of 'N-N' with tie-breaks '(N-N)'.

    A run followed by a noun, a unit or a symbol is no result but a modifier or a range,
    and one preceded by a currency sign or a word of a range ("between 3-5") is left out too.
    """
    cached = doc.user_data.get(_RUNS)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    toks = doc_tokens(doc)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not _tight(toks, i) or (i > 0 and (toks[i - 1].is_currency or toks[i - 1].text in HYPHENS)):
            i += 1
            continue
        start, end = i, i + 3
        while True:
            if _tight(toks, end):
                end += 3
            elif end + 4 < len(toks) and toks[end].text == "(" and _tight(toks, end + 1) and toks[end + 4].text == ")":
                end += 5
            else:
                break
        after = toks[end] if end < len(toks) else None
        if after is None or after.pos_ not in NOUN_POS or after.text in ("(", ")"):
            runs.append((start, end))
        i = end
    doc.user_data[_RUNS] = runs  # read by the clause rules here and by the team rules (kg/actors/teams.py)
    return runs


def score_tokens(doc: Any) -> frozenset[int]:
    """Indices of every token inside a score of doc."""
    return frozenset(i for start, end in score_runs(doc) for i in range(start, end))


def without_scores(doc: Any, clauses: Iterable[Clause]) -> Iterator[Clause]:
    """The clauses with scores taken out of their arguments and kept as a "score" extra (see the module)."""
    runs = score_runs(doc)
    if not runs:
        yield from (_deficit(doc, clause, frozenset()) for clause in clauses)
        return
    scores = frozenset(i for start, end in runs for i in range(start, end))
    seen: set[tuple[Tokens, str, Tokens | None]] = set()
    for clause in clauses:
        fixed = _fixed(doc, _deficit(doc, clause, scores), scores, runs)
        if fixed is None or fixed is not clause and (fixed.subject, fixed.lemma, fixed.object) in seen:
            continue  # two score objects of one verb both gave way to its one object
        seen.add((fixed.subject, fixed.lemma, fixed.object))
        yield fixed


def _deficit(doc: Any, clause: Clause, scores: frozenset[int]) -> Clause:
    """'come back from two sets down': "down" ends the deficit, no particle of the verb ("come down").

    A particle "down" or "up" right after a counted noun or a score ("two sets", "3-0") that ends
    one of the clause's extras ("back from two sets") belongs to that phrase: the clause, with no
    object, becomes "come back from" | "two sets down".
    """
    if clause.object is not None:
        return clause
    for i in clause.relation:
        tok = doc[i]
        if tok.dep_ != "prt" or tok.lower_ not in ("down", "up") or i == 0:
            continue
        before = doc[i - 1]
        counted = any(c.dep_ == "nummod" for c in before.children) and before.tag_ == "NNS"
        if not (counted or before.i in scores):
            continue
        for n, (_role, toks) in enumerate(clause.extras):
            if toks and toks[-1] == i - 1:
                lead = [j for j in toks if doc[j].pos_ in ("ADV", "ADP") and j < before.i]
                if not lead or lead != list(toks[: len(lead)]):
                    break
                lemma = " ".join(w for w in clause.lemma.split() if w != tok.lower_)
                words = " ".join(doc[j].lower_ for j in lead)
                return replace(
                    clause,
                    relation=tuple(sorted({*clause.relation, *lead} - {i})),
                    relation_text=" ".join(doc[j].text for j in sorted({*clause.relation, *lead} - {i})),
                    lemma=f"{lemma} {words}",
                    object=(*toks[len(lead) :], i),
                    extras=clause.extras[:n] + clause.extras[n + 1 :],
                )
    return clause


def _fixed(doc: Any, clause: Clause, scores: frozenset[int], runs: list[tuple[int, int]]) -> Clause | None:
    touched = set(clause.subject) | set(clause.object or ()) | {i for _, toks in clause.extras for i in toks}
    if not touched & scores:
        return clause
    subject = _strip(doc, clause.subject, scores)
    if not subject:
        return None  # "7-5 is ...": a score as the subject says nothing
    obj = clause.object
    if obj is not None and set(obj) <= scores | _punct(doc, obj):
        if any(doc[i].dep_ == "pobj" and doc[i].head.lower_ in STATE_PREPS for i in obj):
            return clause  # "got back to 5-5", "serving at 5-6": the score is the state the clause is about
        if clause.kind not in VERB_KINDS:
            return None  # "Morrison is 6-0" of a misread apposition
        obj = _other_object(doc, clause, scores)
    elif obj is not None:
        if set(obj) & scores and any(_has_subject(doc[i], obj) for i in obj if doc[i].dep_ != "relcl"):
            return None  # "downed [Kim defeated Hernych 7-5 6-3]": another result, a clause of its own
        kept = _strip(doc, obj, scores)
        obj = kept or None
        if obj is None:
            return None
    extras = tuple(
        (role, toks if _governed(doc, toks, scores) else kept)
        for role, toks in clause.extras
        if _governed(doc, toks, scores) or _worded(doc, kept := _strip(doc, toks, scores))
    )  # "until 3-3", "at 5-4" stay: a preposition's score is when or where in the match
    kept_scores = {i for toks in (subject, obj or (), *(t for _, t in extras)) for i in toks} & scores
    if clause.kind in VERB_KINDS and clause.verb >= 0:
        run = next((r for r in runs if _verb_of(doc, r) == clause.verb and r[0] not in kept_scores), None)
        if run is not None:  # "downed Morrison 4-6 6-0", "won 6-3 6-2": the result's score
            extras = (*extras, (SCORE_ROLE, tuple(range(*run))))
    return replace(clause, subject=subject, object=obj, extras=extras)


def _governed(doc: Any, toks: Tokens, scores: frozenset[int]) -> bool:
    """An extra that is a preposition and its score: "until 3-3"."""
    return doc[toks[0]].pos_ == "ADP" and all(i in scores or doc[i].pos_ in FUNCTION_POS for i in toks[1:])


def _worded(doc: Any, toks: Tokens) -> bool:
    """An extra left with more than its preposition or adverb: not "until" of "until 3-3"."""
    return any(doc[i].pos_ not in FUNCTION_POS for i in toks)


def _has_subject(tok: Any, inside: Tokens) -> bool:
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and c.i in inside for c in tok.children)


def _verb_of(doc: Any, run: tuple[int, int]) -> int:
    """The verb a score belongs to: the nearest verb above its tokens in the parse (-1 if none)."""
    tok = head_of(doc, range(*run)) or doc[run[0]]
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return int(tok.i)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return -1


def _punct(doc: Any, toks: Tokens) -> set[int]:
    return {i for i in toks if doc[i].is_punct}


def _strip(doc: Any, toks: Tokens, scores: frozenset[int]) -> Tokens:
    """The argument without the score at its end (and the punctuation before it)."""
    kept = list(toks)
    while kept and (kept[-1] in scores or doc[kept[-1]].is_punct and kept[:-1] and kept[-2] in scores):
        kept.pop()
    while kept and doc[kept[-1]].is_punct and doc[kept[-1]].text not in ("'", '"', "”", "’"):
        kept.pop()
    return tuple(kept) if any(i not in scores for i in kept) else ()


def _other_object(doc: Any, clause: Clause, scores: frozenset[int]) -> Tokens | None:
    """The verb's object that is no score: "Jeff Morrison" of "downed Jeff Morrison 4-6 6-0"."""
    if clause.verb < 0:
        return None
    verb = doc[clause.verb]
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and child.i not in scores and child.i not in clause.subject:
            toks = sorted(t.i for t in child.subtree if t.i not in scores)
            kept = _strip(doc, tuple(toks), scores)
            if kept:
                return kept
    return None
