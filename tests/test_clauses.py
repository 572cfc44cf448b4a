"""Clause extraction: sentence -> expected (subject, relation, object) tuples, one table per construction."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.carb import tokenized_doc
from kg.extract.clauses import Clause, extract_clauses

Triple = tuple[str, str, str | None]


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy model, loaded once for all clause tests."""
    from kg.nlp import load_model

    try:
        return load_model()
    except Exception as exc:  # the model is a declared dependency; skip only where it is absent
        pytest.skip(f"spaCy model not available: {exc}")


def text(doc: Any, tokens: tuple[int, ...] | None) -> str | None:
    return None if tokens is None else " ".join(doc[i].text for i in tokens)


def triples(nlp: Any, sentence: str) -> set[Triple]:
    """(subject, relation_text, object) of every clause of sentence."""
    doc = tokenized_doc(nlp, sentence)
    return {(text(doc, c.subject) or "", c.relation_text, text(doc, c.object)) for c in extract_clauses(doc)}


def clauses(nlp: Any, sentence: str) -> list[Clause]:
    return list(extract_clauses(tokenized_doc(nlp, sentence)))


def check(nlp: Any, sentence: str, expected: list[Triple]) -> None:
    found = triples(nlp, sentence)
    missing = [t for t in expected if t not in found]
    assert not missing, f"missing {missing}; found {sorted(found, key=str)}"


VOICE = [
    pytest.param(
        "Zaluzhny turned down the offer .",
        [("Zaluzhny", "turned down", "the offer")],
        id="active-phrasal-verb",
    ),
    pytest.param(
        "The offer was rejected by the general .",
        [("The offer", "was rejected by", "the general")],
        id="passive-with-agent",
    ),
    pytest.param(
        "The commander was dismissed in February .",
        [("The commander", "was dismissed in", "February")],
        id="passive-without-agent",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), VOICE)
def test_voice(nlp: Any, sentence: str, expected: list[Triple]) -> None:
    check(nlp, sentence, expected)
