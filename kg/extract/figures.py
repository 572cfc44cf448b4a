"""Figures: percentages, amounts of money and counts as typed values.

>>> [(f.value, f.unit, f.text) for f in find_figures("trust dropped to 62% from 84%")]
[(62.0, 'percent', 'to 62%'), (84.0, 'percent', 'from 84%')]
>>> [(f.value, f.unit) for f in find_figures("losses exceeded 215,000 troops and $1.5bn")]
[(215000.0, 'troops'), (1500000000.0, 'USD')]
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from ..models import Figure

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    # the newswire's abbreviations: "500 mln stg", "2.5 bln dlrs"
    "mln": 1e6,
    "bln": 1e9,
}
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "dlr": "USD",
    "dlrs": "USD",
    "stg": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "yen": "JPY",
    "yuan": "CNY",
}
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
# Words that follow a number but are not what is counted.
NOT_UNITS = frozenset(
    {
        "and",
        "or",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "the",
        "a",
        "an",
        "is",
        "was",
        "were",
        "are",
        "has",
        "had",
        "have",
        "per",
        "percent",
        "pct",
        "cent",
        "as",
        "than",
        "that",
        "which",
        "who",
        "years",
        "year",
        "am",
        "pm",
        "a.m.",
        "p.m.",
    }
)
MONTH_WORDS = frozenset({m.lower() for m in calendar.month_name if m} | {m.lower() for m in calendar.month_abbr if m})
PLURALS = ("people", "children", "men", "women", "personnel", "staff", "police", "cattle")
MARKERS = (
    "down from",
    "up from",
    "from",
    "to",
    "by",
    "of",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "exceeded",
    "exceeding",
)
_MARKER = "|".join(sorted((re.escape(m) for m in MARKERS), key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion|bn|mn|tn|k|m|b"

_DIGIT = re.compile(r"\d")
PERCENT = re.compile(
    rf"(?:\b(?P<mark>{_MARKER})\s+)?(?P<num>{_NUM})\s*(?:%|\s(?:per\s?cent|percent|pct)\b)"
    rf"(?:\sof\s(?:the\s|all\s)?[a-z][a-z-]+\b)?",
    re.I,
)
MONEY_SYMBOL = re.compile(
    rf"(?:\b(?P<mark>{_MARKER})\s+)?(?P<cur>[$€£¥₴₽])\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE})\b)?", re.I
)
MONEY_WORD = re.compile(
    rf"(?:\b(?P<mark>{_MARKER})\s+)?\b(?P<num>{_NUM})(?:\s(?P<scale>thousand|million|billion|trillion|mln|bln))?\s"
    rf"(?P<cur>{'|'.join(CURRENCY_WORDS)})\b",
    re.I,
)
COUNT = re.compile(
    rf"(?:\b(?P<mark>{_MARKER})\s+)?\b(?P<num>{_NUM})(?:\s(?P<scale>thousand|million|billion|trillion))?"
    rf"\s(?P<adj>(?:[a-z-]+\s){{0,1}})(?P<unit>[a-z][a-z-]+s|{'|'.join(PLURALS)})\b"
    rf"(?P<of>\sof\s(?:[a-z-]+\s){{0,1}}[a-z-]+)?",
)


def find_figures(text: str) -> Iterator[Figure]:
    """Every figure in text, left to right: percentages, money, then counts of things."""
    if not _DIGIT.search(text):
        return  # every pattern needs a number in digits (most spans have none)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Figure]] = []

    def add(start: int, end: int, figure: Figure) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append((start, figure))

    for m in PERCENT.finditer(text):
        add(m.start(), m.end(), Figure(_number(m["num"]), "percent", m.group(0)))
    for m in MONEY_SYMBOL.finditer(text):
        value = _number(m["num"]) * SCALES.get((m["scale"] or "").lower(), 1.0)
        add(m.start(), m.end(), Figure(value, CURRENCY_SYMBOLS[m["cur"]], m.group(0)))
    for m in MONEY_WORD.finditer(text):
        value = _number(m["num"]) * SCALES.get((m["scale"] or "").lower(), 1.0)
        add(m.start(), m.end(), Figure(value, CURRENCY_WORDS[m["cur"].lower()], m.group(0)))
    for m in COUNT.finditer(text):
        if _is_year(m["num"]) or m["unit"].lower() in NOT_UNITS or _after_month(text, m.start("num")):
            continue
        adjective = m["adj"].strip()
        if adjective.lower() in NOT_UNITS:
            continue
        value = _number(m["num"]) * SCALES.get((m["scale"] or "").lower(), 1.0)
        unit = m["unit"] + (m["of"] or "")
        add(m.start(), m.end(), Figure(value, unit, m.group(0)))
    for _, figure in sorted(found, key=lambda pair: pair[0]):
        yield figure


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _after_month(text: str, start: int) -> bool:
    """'January 15 talks': a day of a month, not a count."""
    words = text[:start].split()
    return bool(words) and words[-1].lower().rstrip(".") in MONTH_WORDS


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", text))
