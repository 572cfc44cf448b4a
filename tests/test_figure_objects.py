"""Amounts are values: a figure object keeps its number and is no concept node; a change states its amount."""

from __future__ import annotations

from typing import Any

import pytest

from kg.models import Article


@pytest.fixture(scope="session")
def model() -> Any:
    from kg.nlp import load_model

    return load_model()


def rows(model: Any, text: str) -> set[tuple[str, str, str, str]]:
    """(subject words, lemma, object words, object entity or '') of every statement."""
    from kg.extract.statements import extract_article

    x = extract_article(model(text), Article(id="t", text=text, date="1987-03-29"))
    return {
        (st.subject.text, st.lemma, st.object.text if st.object else "", (st.object.entity or "") if st.object else "")
        for st in x.statements
    }


# sentence, (subject words, lemma, object words, object entity: '' for a value)
CASES = [
    pytest.param(
        "France's state railways, the SNCF, will receive 1.4 billion francs.",
        ("France's state railways", "receive", "1.4 billion francs", ""),
        id="money-object-is-a-value",
    ),
    pytest.param(
        "Labour won 52 pct of the vote.", ("Labour", "win", "52 pct of the vote", ""), id="share-object-is-a-value"
    ),
    pytest.param(
        "Wipro has reported a 60% rise in profit.",
        ("Wipro", "report", "a 60% rise in profit", "concept/60-rise"),
        id="a-concept-keeps-its-figure",
    ),
    pytest.param(
        "Teenagers in the richest areas could expect a better than 50% chance of going to university.",
        (
            "Teenagers in the richest areas",
            "expect",
            "a better than 50% chance of going to university",
            "concept/better-than-50-chance",
        ),
        id="a-concept-keeps-its-whole-figure",
    ),
    pytest.param(
        "The French public sector will get a total of five billion francs of investment.",
        ("The French public sector", "get", "a total of five billion francs of investment", ""),
        id="a-total-of-an-amount-is-a-value",
    ),
    pytest.param(
        "A total of two billion francs will go towards improving motorways.",
        ("A total of two billion francs", "go towards", "improving motorways", "concept/improving-motorways"),
        id="a-total-subject-is-its-amount",
    ),
    pytest.param(
        "The Liberal Democrats would cut the number of Whitehall departments.",
        (
            "The Liberal Democrats",
            "cut",
            "the number of Whitehall departments",
            "concept/number-of-whitehall-departments",
        ),
        id="a-count-names-what-it-counts",
    ),
    pytest.param(
        "Economic output declined 0.2% in 2003.",
        ("Economic output", "decline", "0.2%", ""),
        id="change-states-its-amount",
    ),
    pytest.param("Exports rose 30 pct last year.", ("Exports", "rise", "30 pct", ""), id="rise-keeps-its-figure"),
]


@pytest.mark.parametrize(("text", "row"), CASES)
def test_figure_objects(model: Any, text: str, row: tuple[str, str, str, str]) -> None:
    found = rows(model, text)
    assert row in found, sorted(found)


def test_change_time_stays_a_time(model: Any) -> None:
    from kg.extract.statements import extract_article

    text = "Economic output declined 0.2% in 2003."
    (st,) = [s for s in extract_article(model(text), Article(id="t", text=text)).statements if s.lemma == "decline"]
    assert st.time == "2003-01-01/2003-12-31"
    assert [(f.value, f.unit) for f in st.figures] == [(0.2, "percent")]


@pytest.mark.parametrize(
    ("text", "obj", "time"),
    [
        ("A hearing on the counterclaim is scheduled for March 19 and 20.", "March 19 and 20", "1987-03-19"),
        ("The vote was postponed until Thursday.", "Thursday", "1987-03"),
        ("The company reported on Tuesday.", "", "1987-03"),
    ],
    ids=["scheduled-for-a-date", "postponed-until", "reported-on-a-day-is-when"],
)
def test_a_time_set_for_is_the_object(model: Any, text: str, obj: str, time: str) -> None:
    """ "scheduled for March 19": the date is what the relation is about (and its time); "on Tuesday" only when."""
    from kg.extract.statements import extract_article

    (st,) = extract_article(model(text), Article(id="t", text=text, date="1987-03-11")).statements
    assert (st.object.text if st.object else "") == obj
    assert st.time is not None and st.time.startswith(time)


def test_a_total_subject_is_named_by_its_amount(model: Any) -> None:
    from kg.extract.statements import extract_article

    text = "A total of two billion francs will go towards improving motorways."
    x = extract_article(model(text), Article(id="t", text=text))
    (st,) = [s for s in x.statements if s.lemma == "go towards"]
    labels = {e.key: e.label for e in x.entities}
    assert labels[st.subject.entity or ""] == "two billion francs"
