"""Team lists: "England: J Robinson (Sale); O Lewsey (Wasps), ..." says who plays for whom, nothing else.

Sport reports end with line-ups: players' initials and surnames, their clubs in brackets,
separated by commas and semicolons, after a team's name and a colon ("Wales: G Thomas
(Toulouse, capt); K Morgan (Newport-Gwent), ..."), or under "Replacements:"; football
reports list surnames after the team ("Everton: Martyn, Hibbert, Yobo, Stubbs, ...").
The parser reads such a list as appositions and conjuncts ("Douglas is Borders", "Leeds
is J Dunbar"), which say nothing. The rules:

- a team list is a run of at least three players "A Name (Club)" (a capital initial,
  a capitalised surname, a bracketed club, ", capt" allowed), or at least three players
  "A Name" after a semicolon or comma (a captain's "(capt)" between them), or at least
  four capitalised names after "Team:";
- no clause whose subject or object lies inside a list is kept;
- each bracketed player gives one clause, *player plays for club*; a captain's bracket
  ("(Glasgow, capt)") names the club all the same;
- the clubs in brackets, and the team before the list's colon ("England:" but not
  "Replacements:", "Subs:", "Referee:"), are team names (kg.actors.teams types them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .clause_model import Clause
from .sentences import doc_text

_NAME = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
_PLAYER = rf"\b[A-Z]\.? (?:(?:de|di|da|van|von|du|le|la|Di|De|Van|Le|La|Lo|Mac|Mc) )?{_NAME}(?: {_NAME})?"
_CLUB = rf"{_NAME}(?:[ -]{_NAME}){{0,3}}"
ENTRY = re.compile(rf"(?P<player>{_PLAYER}) \((?P<club>{_CLUB})(?:, ?capt\.?)?\)")
BARE = re.compile(rf"(?m)(?:^|[;,:] ?)(?P<player>{_PLAYER})(?=[;,.]|$| \()")
HEADED = re.compile(rf"(?P<team>{_CLUB}): (?P<names>{_NAME}(?: {_NAME})?(?:, {_NAME}(?: {_NAME})?){{3,}})")
# Words before a colon that head a list but name no team.
# A captain's mark between two listed players: "J Robinson (capt); M Cueto".
CAPTAIN = re.compile(r"\((?:capt|captain|c)\.?\)")
LIST_LABELS = frozenset(
    {"replacements", "subs", "substitutes", "booked", "goals", "referee", "ref", "att", "attendance", "scorers",
     "tries", "cons", "pens", "sent", "bench", "squad", "used", "unused", "others", "venue", "kick-off"}
)  # fmt: skip
MIN_ENTRIES = 3
MEMBER_LEMMA = "play for"


@lru_cache(maxsize=4)
def roster_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the team lists in text (see the module docstring).

    Asked for five times per article (clauses, memberships, teams, players), the text's
    three scans run once.
    """
    spans: list[tuple[int, int]] = []
    for pattern in (ENTRY, BARE):
        found = list(pattern.finditer(text))
        group: list[re.Match[str]] = []
        for m in found:
            if group and CAPTAIN.sub("", text[group[-1].end() : m.start()]).strip(" ,;:\n") != "":
                _close(group, spans)
                group = []
            group.append(m)
        _close(group, spans)
    for m in HEADED.finditer(text):
        spans.append((m.start("names"), m.end("names")))
    return tuple(_merged(spans))


def _close(group: list[re.Match[str]], spans: list[tuple[int, int]]) -> None:
    if len(group) >= MIN_ENTRIES:
        spans.append((group[0].start("player"), group[-1].end()))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def memberships(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(player span, club span) of every bracketed player inside a team list of text."""
    spans = roster_spans(text)
    for m in ENTRY.finditer(text):
        if any(s <= m.start("player") and m.end() <= e for s, e in spans):
            yield m.span("player"), m.span("club")


def player_names(text: str) -> list[tuple[int, int]]:
    """Character spans of the players of the team lists in text ("S Grimes" of "S Grimes (Newcastle)")."""
    spans = roster_spans(text)
    return [m.span("player") for m in (*ENTRY.finditer(text), *BARE.finditer(text)) if _within(m.span(), spans)]


def _within(span: tuple[int, int], spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def team_names(text: str) -> list[tuple[int, int]]:
    """Character spans of the clubs in a list's brackets and of the team before a list's colon."""
    found = [club for _, club in memberships(text)]
    spans = roster_spans(text)
    for m in re.finditer(rf"(?P<team>{_CLUB}): ", text):
        words = m.group("team").lower().split()
        if words and words[-1] not in LIST_LABELS and any(s <= m.end() + 1 and m.end() <= e for s, e in spans):
            found.append(m.span("team"))
    return found


def with_rosters(doc: Any, clauses: Iterable[Clause]) -> Iterator[Clause]:
    """The clauses, without those read inside a team list, and a "plays for" clause per listed player."""
    text = doc_text(doc)
    spans = roster_spans(text)
    if not spans:
        yield from clauses
        return
    inside = {t.i for t in doc if any(s <= t.idx < e for s, e in spans)}
    for clause in clauses:
        if not (set(clause.subject) | set(clause.object or ())) & inside:
            yield clause
    for player, club in memberships(text):
        subject, obj = _tokens(doc, player), _tokens(doc, club)
        if subject and obj:
            yield Clause(subject, (), "plays for", MEMBER_LEMMA, obj, kind="verb", confidence=0.6)


def _tokens(doc: Any, span: tuple[int, int]) -> tuple[int, ...]:
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    return tuple(range(chars.start, chars.end)) if chars is not None else ()
