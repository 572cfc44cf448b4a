"""Subjects and objects of clauses taken from the right noun (issue 10: wrong triples of judged round 6)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentences import statements


def triples(nlp: Any, text: str) -> set[tuple[str, str, str]]:
    return {(s.subject.text, s.lemma, s.object.text if s.object else "") for s in statements(nlp, text)}


# sentence, a triple that must be extracted, a triple that must not
ROWS = [
    pytest.param(
        "Daniela Hantuchova moved into the quarter-finals of the Dubai Open, after beating Elene Likhotseva "
        "of Russia 7-5 6-4, and now faces Serena Williams.",
        ("Daniela Hantuchova", "face", "Serena Williams"),
        ("Serena Williams", "face", ""),
        id="second-conjunct-keeps-subject-noun-after-verb-is-object",
    ),
    pytest.param(
        "Nadal, playing in the outdoor clay event for the first time, hit some powerful forehands to oust "
        "Starace in a match delayed over an hour by rain.",
        ("Nadal", "oust", "Starace"),
        ("some powerful forehands", "oust", "Starace"),
        id="purpose-infinitive-after-object-is-the-subjects",
    ),
    pytest.param(
        "The 10th seed equalled her best performance at a Grand Slam event when she beat unseeded Russian "
        "Nadia Petrova 6-3 6-2 to reach the fourth round.",
        ("she", "reach", "the fourth round"),
        ("unseeded Russian Nadia Petrova", "reach", "the fourth round"),
        id="purpose-infinitive-after-beaten-opponent",
    ),
    pytest.param(
        "The government has begun judicial proceedings to expropriate five private banks.",
        ("The government", "expropriate", "five private banks"),
        ("judicial proceedings", "expropriate", "five private banks"),
        id="purpose-infinitive-after-noun-object",
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ROWS)
def test_clause_arguments(nlp: Any, text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str]) -> None:
    found = triples(nlp, text)
    assert wanted in found, sorted(found)
    assert unwanted not in found, sorted(found)
