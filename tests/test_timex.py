"""Time expressions resolved against the article's date (2024-01-30 is a Tuesday)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.timex import find_times, resolve, whole_time
from kg.models import Article

DATE = "2024-01-30"

CASES = [
    ("on-monday", "on Monday", "2024-01-29"),
    ("part-of-a-year", "in middle 1985", "1985-01-01/1985-12-31"),
    ("mid-year", "by mid-2004", "2004-01-01/2004-12-31"),
    ("on-tuesday-same-day", "On Tuesday", "2024-01-30"),
    ("last-monday", "last Monday", "2024-01-29"),
    ("next-friday", "next Friday", "2024-02-02"),
    ("last-month", "Last month", "2023-12-01/2023-12-31"),
    ("earlier-this-week", "Earlier this week", "2024-01-29/2024-01-30"),
    ("earlier-this-month", "earlier this month", "2024-01-01/2024-01-30"),
    ("in-november", "in November", "2023-11-01/2023-11-30"),
    ("in-january", "in January", "2024-01-01/2024-01-31"),
    ("last-year", "last year", "2023-01-01/2023-12-31"),
    ("in-2023", "in 2023", "2023-01-01/2023-12-31"),
    ("range", "between January 15 and 19", "2024-01-15/2024-01-19"),
    ("range-day-month", "from 15 to 19 January", "2024-01-15/2024-01-19"),
    ("month-day", "on January 15", "2024-01-15"),
    ("day-month-year", "on 15 March 2023", "2023-03-15"),
    ("month-year", "in March 2022", "2022-03-01/2022-03-31"),
    ("yesterday", "yesterday", "2024-01-29"),
    ("a-year-ago", "a year ago", "2023-01-30"),
    ("two-weeks-ago", "two weeks ago", "2024-01-16"),
    ("vague-kept", "for months", None),
    ("recent-kept", "in recent weeks", None),
]


@pytest.mark.parametrize(("text", "value"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_resolve(text: str, value: str | None) -> None:
    found = list(find_times(f"It happened {text}, they said.", DATE))
    assert [t.text for t in found] == [text]
    assert found[0].value == value


def test_no_article_date_keeps_relative_text_only() -> None:
    assert resolve("on Monday", None) is None
    assert resolve("in 2023", None) == "2023-01-01/2023-12-31"


@pytest.mark.parametrize(
    "text", ["June Smith said so", "March forward", "Monday Night Football"], ids=["name", "verb", "title"]
)
def test_month_and_weekday_words_that_are_not_times(text: str) -> None:
    assert [t.value for t in find_times(text, DATE) if t.text.lower() in ("june", "march")] == []


def test_whole_time_only_when_the_whole_text_is_a_time() -> None:
    assert whole_time("Tuesday", DATE).value == "2024-01-30"  # type: ignore[union-attr]
    assert whole_time("the Tuesday talks", DATE) is None


@pytest.fixture(scope="session")
def model() -> Any:
    from kg.nlp import load_model

    return load_model()


@pytest.mark.parametrize(
    ("text", "lemma", "time"),
    [
        ("A vote on the bill by the committee is scheduled for Thursday.", "schedule for", "1987-03-05"),
        ("The committee will vote on Thursday.", "vote on", "1987-03-05"),
        ("Ministers will meet in June.", "meet in", "1987-06-01/1987-06-30"),
        ("The committee voted on Thursday.", "vote on", "1987-02-26"),
        ("The vote was scheduled for Thursday.", "schedule for", "1987-02-26"),
        ("Ministers met in February.", "meet in", "1987-02-01/1987-02-28"),
    ],
    ids=["scheduled-for", "will-vote", "will-meet-in-a-month", "past-weekday", "past-schedule", "past-month"],
)
def test_a_clause_about_what_is_to_come_looks_ahead(model: Any, text: str, lemma: str, time: str) -> None:
    """In a Tuesday (1987-03-03) story, "will vote on Thursday" is two days on, "voted on Thursday" five days back."""
    from kg.extract.statements import extract_article

    x = extract_article(model(text), Article(id="t", text=text, date="1987-03-03"))
    assert [st.time for st in x.statements if st.lemma == lemma] == [time]
