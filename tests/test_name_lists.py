"""Three or more names set off by commas are a list: one statement per member (issue 10, cause 2),
while two names joined by "and" may be one name ("Marks and Spencer") and stay together."""

from __future__ import annotations

from typing import Any

import pytest
from pytest import param

from .sentences import lemma_triples

TABLE = [
    param(
        "Sony, IBM and Toshiba developed the chip.",
        {("Sony", "develop", "the chip"), ("IBM", "develop", "the chip"), ("Toshiba", "develop", "the chip")},
        id="subject-list",
    ),
    param(
        "The company sued Sony, IBM and Toshiba.",
        {("The company", "sue", "Sony"), ("The company", "sue", "IBM"), ("The company", "sue", "Toshiba")},
        id="object-list",
    ),
]


@pytest.mark.parametrize(("text", "wanted"), TABLE)
def test_name_list_members(nlp: Any, text: str, wanted: set[tuple[str, str, str]]) -> None:
    found = lemma_triples(nlp, text)
    assert wanted <= found, sorted(found)


def test_two_names_joined_by_and_stay_one(nlp: Any) -> None:
    found = lemma_triples(nlp, "Marks and Spencer raised prices.")
    assert not any(t[0] == "Spencer" for t in found), sorted(found)
