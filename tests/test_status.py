"""Status of statements on news sentences (issue 10, cause 6): hedges, questions, denials, speakers."""

from __future__ import annotations

from typing import Any

import pytest

from .sentences import find, statements


@pytest.fixture(scope="session")
def model() -> Any:
    from kg.nlp import load_model

    return load_model()


# sentence, subject, a word of the lemma, the hedge it must carry
HEDGES = [
    pytest.param("The company is believed to be planning a bid.", "The company", "plan", "believed", id="believed-to"),
    pytest.param("Smith is said to have resigned.", "Smith", "resign", "said", id="said-to"),
    pytest.param("Prices are expected to rise next year.", "Prices", "rise", "expected", id="expected-to"),
    pytest.param(
        "If the record makes the top spot, the band will tour Europe.",
        "the band",
        "tour",
        "if",
        id="conditional-result",
    ),
    pytest.param(
        "Why can't the British film industry make more films?",
        "the British film industry",
        "make",
        "question",
        id="question",
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "hedge"), HEDGES)
def test_hedged_not_asserted(model: Any, text: str, subject: str, lemma: str, hedge: str) -> None:
    st = find(statements(model, text), subject, lemma)
    assert st.hedge == hedge
    assert not st.asserted


def test_a_question_is_no_negated_claim(model: Any) -> None:
    st = find(
        statements(model, "Why can't the British film industry make more films?"), "the British film industry", "make"
    )
    assert not st.negated


def test_a_question_inside_a_quote_only(model: Any) -> None:
    found = statements(model, '"Will the plan work?" the minister asked. The plan was approved on Monday.')
    assert find(found, "The plan", "approve").hedge is None


def test_opinion_verb_is_the_hedge_not_the_relation(model: Any) -> None:
    st = find(statements(model, "Smith is said to have resigned."), "Smith", "resign")
    assert st.predicate == "resigns"


def test_the_clause_under_a_denied_report_is_denied(model: Any) -> None:
    found = statements(model, "The Defense Ministry denied reports that Zaluzhny had been dismissed.")
    st = find(found, "Zaluzhny", "dismiss")
    assert st.denied and not st.asserted
    assert st.attribution == ("governmentbody/defense-ministry",)
    denial = find(found, "The Defense Ministry", "deny")
    assert denial.object is not None and denial.object.entity == "anonymoussource/reports"


def test_market_voices_are_anonymous_sources(model: Any) -> None:
    st = find(statements(model, "Rolls Royce is seeking a credit line, bankers said."), "Rolls Royce", "seek")
    assert st.attribution == ("anonymoussource/bankers",)


def test_inverted_speaker_after_the_clause(model: Any) -> None:
    st = find(statements(model, "The issue was priced at 101, said lead manager Morgan Stanley."), "The issue", "price")
    assert st.attribution == ("organization/morgan-stanley",)
