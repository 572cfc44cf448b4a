"""Figures as typed values: percentages, money, counts."""

from __future__ import annotations

import pytest

from kg.extract.figures import find_figures

CASES = [
    (
        "percent-of",
        "Zaluzhny was trusted by 88% of respondents",
        [(88.0, "percent", "by 88% of respondents")],
    ),
    (
        "down-from",
        "trust fell to 62%, down from 84%",
        [(62.0, "percent", "to 62%"), (84.0, "percent", "down from 84%")],
    ),
    ("per-cent", "prices rose 5.5 per cent", [(5.5, "percent", "5.5 per cent")]),
    ("count", "losses exceeded 215,000 troops", [(215000.0, "troops", "exceeded 215,000 troops")]),
    (
        "count-of",
        "28,000 units of heavy weaponry",
        [(28000.0, "units of heavy weaponry", "28,000 units of heavy weaponry")],
    ),
    ("scaled-people", "some 3 million people", [(3000000.0, "people", "3 million people")]),
    ("money-symbol", "a $1.5bn package", [(1500000000.0, "USD", "$1.5bn")]),
    ("money-words", "40 million euros", [(40000000.0, "EUR", "40 million euros")]),
    ("pounds", "£2.5 billion", [(2500000000.0, "GBP", "£2.5 billion")]),
    ("year-is-not-a-count", "in 2023 the war went on", []),
    ("date-is-not-a-count", "on January 15 talks began", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_figures(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(f.value, f.unit, f.text) for f in find_figures(text)] == expected


@pytest.mark.xfail(reason="number words are not read as figures yet", strict=True)
def test_number_words() -> None:
    assert [f.value for f in find_figures("two thousand soldiers")] == [2000.0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Exports rose 30 pct in absolute terms.", 30.0, "percent"),
        ("Rolls Royce is seeking a credit line of 500 mln stg.", 500e6, "GBP"),
        ("The bid is worth 2.5 bln dlrs.", 2.5e9, "USD"),
    ],
    ids=["pct", "mln-stg", "bln-dlrs"],
)
def test_newswire_abbreviations(text: str, value: float, unit: str) -> None:
    (figure,) = find_figures(text)
    assert (figure.value, figure.unit) == (value, unit)
