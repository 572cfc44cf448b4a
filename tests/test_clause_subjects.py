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
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ROWS)
def test_clause_arguments(nlp: Any, text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str]) -> None:
    found = triples(nlp, text)
    assert wanted in found, sorted(found)
    assert unwanted not in found, sorted(found)
