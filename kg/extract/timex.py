"""Time expressions: find them in text and resolve them against the article's date.

A resolved time is an ISO 8601 string: a day ``2024-01-29`` or an interval
``2023-12-01/2023-12-31``. What cannot be resolved (no article date, "for months",
"in recent weeks") stays as text only.

Rules (news style: a bare weekday or month refers to the latest one not after the
publication date, "on Tuesday" in a Tuesday article is that day):

>>> resolve("on Monday", "2024-01-30")
'2024-01-29'
>>> resolve("last month", "2024-01-30")
'2023-12-01/2023-12-31'
>>> resolve("between January 15 and 19", "2024-01-30")
'2024-01-15/2024-01-19'
>>> resolve("for months", "2024-01-30") is None
True
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

# Ordered: longer, more specific patterns first. Each has named groups read by _resolve_match.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "range",
            rf"\b(?:between\s+|from\s+)?(?P<m1>{_MONTH})\.?\s+(?P<d1>{_DAY})\s*(?:and|to|-|–)\s*"
            rf"(?:(?P<m2>{_MONTH})\.?\s+)?(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?\b",
        ),
        (
            "range_dm",
            rf"\b(?:between\s+|from\s+)?(?P<d1>{_DAY})\s*(?:and|to|-|–)\s*(?P<d2>{_DAY})\s+"
            rf"(?P<m1>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b",
        ),
        (
            "md",
            rf"\b(?:on\s+)?(?:(?:{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\.?\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        ("dm", rf"\b(?:on\s+)?(?P<d>{_DAY})\s+(?P<m>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?"),
        ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
        ("my", rf"\b(?:in\s+|since\s+|by\s+)?(?:early\s+|late\s+|mid-?)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b"),
        (
            "rel_unit",
            r"\b(?P<rel>last|past|previous|this|next|earlier\s+this|later\s+this|earlier\s+in\s+the|"
            r"later\s+in\s+the)\s+(?P<unit>week|month|year)\b",
        ),
        ("ago", r"\b(?P<n>a|an|one|two|three|four|five|six|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        ("weekday", rf"\b(?P<rel>on\s+|last\s+|this\s+|next\s+|since\s+|by\s+)?(?P<wd>{_WEEKDAY})\b"),
        (
            "month",
            r"\b(?P<rel>in\s+|since\s+|by\s+|last\s+|this\s+|next\s+|early\s+|late\s+|mid-?)?"
            r"(?P<m>january|february|march|april|june|july|august|september|october|november|december)\b",
        ),
        # "in 2003", "in middle 1985", "in mid-1985", "by early 2004": the year (a part of it is within it)
        (
            "year",
            rf"\b(?P<rel>in\s+|since\s+|by\s+|during\s+|of\s+)(?:(?:early|middle|mid|late)(?:\s+|-))?(?P<y>{_YEAR})\b",
        ),
        ("day", r"\b(?P<word>yesterday|today|tomorrow|tonight)\b"),
        (
            "vague",
            r"\b(?:in\s+recent\s+(?:days|weeks|months|years)|for\s+(?:days|weeks|months|years)|"
            r"recently|earlier|later|in\s+the\s+coming\s+(?:days|weeks|months|year))\b",
        ),
    )
)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression found in text: its span, its words and its resolved value, if any."""

    start: int
    end: int
    text: str
    value: str | None


def find_times(text: str, published: str | None, *, forward: bool = False) -> Iterator[Timex]:
    """Every time expression in text, left to right, not overlapping, resolved against published.

    forward: the clause speaks of what is to come ("will vote on Thursday", "is scheduled for
    Thursday"): a bare weekday or month is the next one not before the publication date.

    >>> [(t.text, t.value) for t in find_times("On Monday, it said so in November.", "2024-01-30")]
    [('On Monday', '2024-01-29'), ('in November', '2023-11-01/2023-11-30')]
    >>> [(t.text, t.value) for t in find_times("on Thursday, in November", "2024-01-30", forward=True)]
    [('on Thursday', '2024-02-01'), ('in November', '2024-11-01/2024-11-30')]
    """
    anchor = _parse_date(published)
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    present = _present(text)
    for name, pattern in PATTERNS:
        if not NEEDS[name] <= present:
            continue  # a word every match of the pattern has is not in the text (most sentences)
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            if name == "month" and _is_name(text, match):
                continue
            taken.append(span)
            value = _resolve_match(name, match, anchor, forward=forward)
            found.append(Timex(span[0], span[1], match.group(0), value))
    yield from sorted(found, key=lambda t: t.start)


# What each pattern cannot match without: a cheap test of the text before its regex runs.
NEEDS: dict[str, frozenset[str]] = {
    "range": frozenset({"month", "digit"}),
    "range_dm": frozenset({"month", "digit"}),
    "md": frozenset({"month", "digit"}),
    "dm": frozenset({"month", "digit"}),
    "iso": frozenset({"digit"}),
    "my": frozenset({"month", "digit"}),
    "rel_unit": frozenset({"unit"}),
    "ago": frozenset({"ago"}),
    "weekday": frozenset({"weekday"}),
    "month": frozenset({"month"}),
    "year": frozenset({"digit"}),
    "day": frozenset({"day"}),
    "vague": frozenset({"vague"}),
}
_WORDS = {
    "month": tuple(MONTHS),
    "weekday": tuple(WEEKDAYS),
    "unit": ("week", "month", "year"),
    "ago": ("ago",),
    "day": ("yesterday", "today", "tomorrow", "tonight"),
    "vague": ("recent", "days", "weeks", "months", "years", "earlier", "later", "coming"),
}
_DIGIT = re.compile(r"\d")


def _present(text: str) -> set[str]:
    """Which of NEEDS' tests text passes: a word occurs in it (as a substring: a loose test), or a digit."""
    low = text.lower()
    present = {name for name, words in _WORDS.items() if any(word in low for word in words)}
    if _DIGIT.search(text):
        present.add("digit")
    return present


def resolve(text: str, published: str | None) -> str | None:
    """The value of the first time expression in text, or None."""
    return next((t.value for t in find_times(text, published)), None)


def _is_name(text: str, match: re.Match[str]) -> bool:
    """'March' and 'May' as words, 'June Smith': a month word without 'in' after a capitalised word."""
    if match.group("rel"):
        return False
    if match.group("m").lower() in ("march", "may"):
        return True  # without "in", "last" ... these are verbs more often than months
    before, after = text[: match.start()].rstrip(), text[match.end() :].lstrip()
    if after[:1].isupper():
        return True
    return bool(before) and before[-1].isalpha() and before.split()[-1][:1].isupper()


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _interval(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def _month_interval(year: int, month: int) -> str:
    return _interval(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _year_interval(year: int) -> str:
    return _interval(date(year, 1, 1), date(year, 12, 31))


def _day(value: str) -> int:
    return int(re.sub(r"\D", "", value))


def _latest_year(anchor: date | None, month: int, day: int = 1) -> int | None:
    """The year in which month/day last fell on or before the anchor."""
    if anchor is None:
        return None
    return anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_match(name: str, m: re.Match[str], anchor: date | None, *, forward: bool = False) -> str | None:  # noqa: C901
    groups = m.groupdict()
    if name in ("range", "range_dm"):
        m1 = MONTHS[groups["m1"].lower()]
        m2 = MONTHS[groups["m2"].lower()] if groups.get("m2") else m1
        d1, d2 = _day(groups["d1"]), _day(groups["d2"])
        year = int(groups["y"]) if groups.get("y") else _nearest_year(anchor, m1)
        if year is None:
            return None
        start, end = _safe_date(year, m1, d1), _safe_date(year if m2 >= m1 else year + 1, m2, d2)
        return _interval(start, end) if start and end and start <= end else None
    if name in ("md", "dm", "iso"):
        month = int(groups["m"]) if name == "iso" else MONTHS[groups["m"].lower()]
        day = _day(groups["d"])
        year = int(groups["y"]) if groups.get("y") else _nearest_year(anchor, month)
        found = _safe_date(year, month, day) if year is not None else None
        return found.isoformat() if found else None
    if name == "my":
        return _month_interval(int(groups["y"]), MONTHS[groups["m"].lower()])
    if name == "year":
        return _year_interval(int(groups["y"]))
    if anchor is None:
        return None
    if name == "rel_unit":
        return _relative_unit(" ".join(groups["rel"].lower().split()), groups["unit"].lower(), anchor)
    if name == "ago":
        n = NUMBER_WORDS.get(groups["n"].lower()) or int(groups["n"])
        unit = groups["unit"].lower()
        if unit == "day":
            return (anchor - timedelta(days=n)).isoformat()
        if unit == "week":
            return (anchor - timedelta(weeks=n)).isoformat()
        if unit == "month":
            month_index = anchor.year * 12 + anchor.month - 1 - n
            return _month_interval(month_index // 12, month_index % 12 + 1)
        return (_safe_date(anchor.year - n, anchor.month, anchor.day) or anchor - timedelta(days=365 * n)).isoformat()
    if name == "weekday":
        rel = (groups.get("rel") or "").strip().lower()
        back = (anchor.weekday() - WEEKDAYS[groups["wd"].lower()]) % 7
        if forward and rel in ("", "on", "by", "this"):
            return (anchor + timedelta(days=(7 - back) % 7)).isoformat()
        if rel == "next":
            return (anchor + timedelta(days=(7 - back) % 7 or 7)).isoformat()
        if rel == "last" and back == 0:
            back = 7
        return (anchor - timedelta(days=back)).isoformat()
    if name == "month":
        month = MONTHS[groups["m"].lower()]
        rel = (groups.get("rel") or "").strip().lower()
        if rel == "next":
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif rel == "this":
            year = anchor.year
        elif forward and rel not in ("last", "past", "previous"):
            year = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return _month_interval(year, month)
    if name == "day":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[groups["word"].lower()]
        return (anchor + timedelta(days=offset)).isoformat()
    return None  # vague


def _nearest_year(anchor: date | None, month: int) -> int | None:
    """The year that puts month closest to the anchor (within six months either side)."""
    if anchor is None:
        return None
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def _relative_unit(rel: str, unit: str, anchor: date) -> str:
    if unit == "year":
        year = anchor.year + {"last": -1, "past": -1, "previous": -1, "next": 1}.get(rel, 0)
        if rel in ("earlier this", "earlier in the"):
            return _interval(date(year, 1, 1), anchor)
        return _year_interval(year)
    if unit == "month":
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1}.get(rel, 0)
        index = anchor.year * 12 + anchor.month - 1 + shift
        year, month = index // 12, index % 12 + 1
        if rel in ("earlier this", "earlier in the"):
            return _interval(date(year, month, 1), anchor)
        return _month_interval(year, month)
    monday = anchor - timedelta(days=anchor.weekday())
    shift = {"last": -7, "past": -7, "previous": -7, "next": 7}.get(rel, 0)
    start = monday + timedelta(days=shift)
    if rel in ("earlier this", "earlier in the"):
        return _interval(start, anchor)
    return _interval(start, start + timedelta(days=6))


def clause_times(doc: Any, relations: Sequence[Sequence[int]], published: str | None) -> list[Timex | None]:
    """The time expression each clause governs, given each clause's relation tokens (verb first).

    An expression belongs to the nearest clause above it in the parse (any word of the
    clause's verb group counts: "was offered to head"); a verb with none of its own
    shares the one of the verb it is coordinated with ("met on Monday and agreed ...").
    """
    owner: dict[int, list[int]] = {}
    for n, tokens in enumerate(relations):
        for i in tokens:
            if i >= 0:
                owner.setdefault(i, []).append(n)
    owned: dict[int, Timex] = {}
    for sent in doc.sents:
        for timex in find_times(sent.text, published):
            start, end = sent.start_char + timex.start, sent.start_char + timex.end
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            found = Timex(start, end, timex.text, timex.value)
            token = span.root
            for _ in range(12):
                if token.i in owner and not span.start <= token.i < span.end:
                    for n in owner[token.i]:
                        owned.setdefault(n, found)
                    break
                if token.head.i == token.i:
                    break
                token = token.head
    result: list[Timex | None] = []
    for n, tokens in enumerate(relations):
        mine: Timex | None = owned.get(n)
        if mine is None and tokens and tokens[0] >= 0:
            token = doc[tokens[0]]
            while mine is None and token.dep_ == "conj" and token.head.i != token.i:
                token = token.head
                mine = next((owned[m] for m in owner.get(token.i, []) if m in owned), None)
        if mine is not None and _looks_ahead(doc, tokens):
            ahead = next(find_times(mine.text, published, forward=True), None)
            mine = mine if ahead is None else Timex(mine.start, mine.end, mine.text, ahead.value)
        result.append(mine)
    return result


# A verb group that speaks of what is to come: "will vote", "is scheduled for", "is due to".
FUTURE_WORDS = frozenset({"will", "shall", "'ll", "wo"})
SCHEDULE_LEMMAS = frozenset({"schedule", "plan", "expect"})


def _looks_ahead(doc: Any, tokens: Sequence[int]) -> bool:
    """Whether a clause's verb group looks ahead: a future auxiliary, "due", or "scheduled"/"planned"/"expected"
    in the present ("is scheduled for Thursday"; "was scheduled for Thursday" may be past)."""
    words = [doc[i] for i in tokens if i >= 0]
    if any(t.lower_ in FUTURE_WORDS | {"due"} for t in words):
        return True
    past = any(t.tag_ == "VBD" for t in words)
    return not past and any(t.lemma_.lower() in SCHEDULE_LEMMAS and t.tag_ == "VBN" for t in words)


def whole_time(text: str, published: str | None) -> Timex | None:
    """The time expression that is all of text ('Tuesday', 'on Monday'), if it is one.

    >>> whole_time("Tuesday", "2024-01-30").value
    '2024-01-30'
    >>> whole_time("the Tuesday talks", "2024-01-30") is None
    True
    """
    found = list(find_times(text, published))
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.rstrip(" .,")):
        return found[0]
    return None
