"""Particles the parser tags as adverbs make phrasal verbs, and a quoted adjective keeps its preposition
(issue 10, cause 5: clipped relations): "had held back through fear", "were "outraged" by the decision"."""

from __future__ import annotations

from typing import Any

import pytest
from pytest import param

from .sentences import lemma_triples

TABLE = [
    param(
        "S&P had held back through fear that the government was dragging its feet.",
        ("S&P", "hold back through", "fear that the government was dragging its feet"),
        id="held-back",
    ),
    param("The talks went ahead.", ("The talks", "go ahead", ""), id="went-ahead"),
    param(
        "The plan was put forward by the Commission.",
        ("the Commission", "put forward", "The plan"),
        id="put-forward-by-an-actor",
    ),
    # an adverb with a phrase of its own, or after a copula, is no particle
    param("He came back to London.", ("He", "come back to", "London"), id="adverb-with-its-preposition"),
    param(
        'Penny Cobham said her members were "outraged" by the decision.',
        ("her members", "be outraged by", "the decision"),
        id="quoted-adjective-keeps-its-preposition",
    ),
]


@pytest.mark.parametrize(("text", "triple"), TABLE)
def test_phrasal_relation(nlp: Any, text: str, triple: tuple[str, str, str]) -> None:
    found = lemma_triples(nlp, text)
    assert triple in found, sorted(found)
