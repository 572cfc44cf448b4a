"""Misparsed and vacuous statements on news sentences (issue 10, causes 4 and 8)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.models import Article, Statement
from tests.sentences import relation_triples


@pytest.fixture(scope="session")
def model() -> Any:
    from kg.nlp import load_model

    return load_model()


def statements(model: Any, text: str) -> list[Statement]:
    from kg.extract.statements import extract_article

    return list(extract_article(model(text), Article(id="t", text=text, date="2024-01-30")).statements)


def triples(model: Any, text: str) -> set[tuple[str, str, str]]:
    return relation_triples(statements(model, text))


# sentence, a triple that must not be extracted
NOT_EXTRACTED = [
    pytest.param(
        "The concert featured the Pretenders, Percy Sledge, the O'Jays and Buddy Guy.",
        ("Percy Sledge", "is", "the O'Jays"),
        id="list-of-names-is-no-apposition",
    ),
    pytest.param(
        "The concert featured the Pretenders, Percy Sledge, the O'Jays and Buddy Guy.",
        ("the Pretenders", "are", "Percy Sledge"),
        id="list-head-is-no-apposition",
    ),
    pytest.param("South Korea's economy grew 5 pct.", ("South Korea", "has", "economy"), id="possessed-common-noun"),
    pytest.param(
        "India's oil production fell last year.", ("India", "has", "oil production"), id="possessed-compound-noun"
    ),
]


@pytest.mark.parametrize(("text", "triple"), NOT_EXTRACTED)
def test_not_extracted(model: Any, text: str, triple: tuple[str, str, str]) -> None:
    found = triples(model, text)
    assert triple not in found, sorted(found)


# sentence, a triple that must still be extracted
STILL_EXTRACTED = [
    pytest.param(
        "He met Valery Zaluzhny, the commander-in-chief and a rival of Zelensky, in Kiev.",
        ("Valery Zaluzhny", "is", "the commander-in-chief"),
        id="apposition-with-coordinated-description",
    ),
    pytest.param(
        "Valery Zaluzhny, the commander-in-chief, met Zelensky.",
        ("Valery Zaluzhny", "is", "the commander-in-chief"),
        id="plain-apposition",
    ),
    pytest.param(
        "Zelensky's spokesman, Sergey Nikiforov, said the plan failed.",
        ("Zelensky's spokesman", "is", "Sergey Nikiforov"),
        id="possessed-role-apposition",
    ),
]


@pytest.mark.parametrize(("text", "triple"), STILL_EXTRACTED)
def test_still_extracted(model: Any, text: str, triple: tuple[str, str, str]) -> None:
    found = triples(model, text)
    assert triple in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "lemma", "amount"),
    [
        ("Exports rose 30 pct in absolute terms.", "rise", "30 pct"),
        ("Shares fell 2.5 dlrs on Monday.", "fall", "2.5 dlrs"),
    ],
    ids=["rose-by-a-percentage", "fell-by-money"],
)
def test_the_amount_of_a_change_is_a_figure_not_a_time(model: Any, text: str, lemma: str, amount: str) -> None:
    """Issue 10, cause 5: 'rose 30 pct in absolute terms' lost the figure (it was read as a time)."""
    (st,) = [s for s in statements(model, text) if s.lemma.split()[0] == lemma]
    assert [f.text for f in st.figures] == [amount]
    # an extra, or the object when the clause has nothing else to say ("Shares fell 2.5 dlrs on Monday")
    as_object = [("amount", st.object.text)] if st.object is not None and st.object.entity is None else []
    assert [(a.role, a.text) for a in st.extras if a.role == "amount"] + as_object == [("amount", amount)]
    assert st.time_text != amount
