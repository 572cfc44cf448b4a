"""Reuters ticker marks are no words of a sentence: "CSR Ltd <CSRA.S> said" is CSR speaking."""

from __future__ import annotations

from typing import Any

import pytest

from kg.articles import make_article

TEXT = (
    "SYDNEY, April 27 - CSR Ltd <CSRA.S> said it plans to offer 3.50 dlrs a share for all the issued capital "
    "of building products group Monier Ltd <MNRA.S>.\n\n"
    "CTC Dealer Holdings Ltd said <Canadian Tire Corp Ltd> controlling shareholders did not extend an agreement."
)


@pytest.fixture(scope="session")
def model() -> Any:
    from kg.nlp import load_model

    return load_model()


def test_loader_drops_tickers_and_keeps_bracketed_names() -> None:
    article = make_article(TEXT, source="reuters-test.txt")
    assert "CSRA.S" not in article.text and "MNRA.S" not in article.text
    assert article.text.startswith("CSR Ltd said it plans")
    assert "said <Canadian Tire Corp Ltd> controlling shareholders" in article.text


def test_a_ticker_before_a_full_stop_leaves_the_sentence_ended(model: Any) -> None:
    text = "Progressive is in a merger with Rainbow Corp Ltd <RBW.N>. Rainbow raised its stake to 52 pct."
    doc = model(make_article(text, source="reuters-test.txt").text)
    assert [s.text.split()[0] for s in doc.sents] == ["Progressive", "Rainbow"]


def test_a_ticker_speaks_no_statement(model: Any) -> None:
    from kg.extract.statements import extract_article

    article = make_article(TEXT, source="reuters-test.txt", date_="1987-04-26")
    x = extract_article(model(article.text), article)
    subjects = {st.subject.text for st in x.statements}
    assert not any("CSRA" in s or "MNRA" in s for s in subjects), sorted(subjects)
    offers = {(st.subject.entity, st.object.text) for st in x.statements if st.lemma.endswith("offer") and st.object}
    assert ("company/csr-ltd", "3.50 dlrs") in offers, sorted(offers)
