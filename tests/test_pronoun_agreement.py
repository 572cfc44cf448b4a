"""Pronouns that went to a nearby name of the wrong kind (round 6's actor audit): each row failed before."""

from __future__ import annotations

from typing import Any

import pytest

from kg.actors.coref import find_entities

# text, the pronoun (its first occurrence), the word its antecedent must be (None: unresolved)
ROWS = [
    pytest.param(
        "Apple said buyers may find it odd to have something so small next to a monitor.",
        "it",
        None,
        id="trap-it-of-an-adjective-completed-by-a-to-clause",
    ),
    pytest.param(
        "The UK government said ministers found it hard to believe that prices had risen.",
        "it",
        None,
        id="trap-it-of-an-adjective-completed-by-a-that-clause",
    ),
    pytest.param(
        "Apple said it found the machine hard to sell.", "it", "Apple", id="it-the-subject-of-a-verb-still-refers"
    ),
]


@pytest.mark.parametrize("text,pronoun,antecedent", ROWS)
def test_pronoun_agreement(nlp: Any, text: str, pronoun: str, antecedent: str | None) -> None:
    doc = nlp(text)
    index = find_entities(doc)
    token = next(t for t in doc if t.text == pronoun)
    found = index.antecedents.get(token.i)
    assert (None if found is None else doc[found].text) == antecedent
