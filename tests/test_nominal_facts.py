"""Facts a noun phrase carries: agent nouns, owned shares, values, and a named owner's bid or tender."""

from __future__ import annotations

from typing import Any

import pytest

from kg.models import Article


@pytest.fixture(scope="session")
def model() -> Any:
    from kg.nlp import load_model

    return load_model()


def rows(model: Any, text: str) -> set[tuple[str, str, str]]:
    """(subject words, relation words, object words) of every statement of text."""
    from kg.extract.statements import extract_article

    x = extract_article(model(text), Article(id="t", text=text, date="1987-03-29"))
    return {(st.subject.text, st.relation, st.object.text if st.object else "") for st in x.statements}


# sentence, (subject words, relation words, object words)
CASES = [
    pytest.param(
        "Redland Plc, the holder of 49.87 pct of Monier, has agreed with CSR.",
        ("Redland Plc", "holds", "49.87 pct of Monier"),
        id="holder-of-holds",
    ),
    pytest.param(
        "Azim Premji, the owner of Wipro, said demand was strong.",
        ("Azim Premji", "owns", "Wipro"),
        id="owner-of-owns",
    ),
    pytest.param(
        "Boeing, the maker of the 747, cut its forecast.", ("Boeing", "makes", "the 747"), id="maker-of-makes"
    ),
    pytest.param(
        "The Pioneer Group Inc said its 70 pct-owned Teberebie Goldfields Ltd venture has been granted a concession.",
        ("its", "owns 70 pct of", "Teberebie Goldfields Ltd venture"),
        id="pct-owned-share",
    ),
    pytest.param(
        "Southcorp has rejected a takeover offer worth 3.1bn Australian dollars from Foster's Group.",
        ("a takeover offer", "is worth", "3.1bn Australian dollars"),
        id="worth-takes-the-amount",
    ),
    pytest.param(
        "The litigation relates to Waste Management's cash tender of 27 dlrs a share for all shares of Chemlawn.",
        ("Waste Management", "tender of", "27 dlrs a share"),
        id="owned-noun-of-an-amount",
    ),
    pytest.param(
        "Monier had been discussing a possible Redland bid for Monier.",
        ("Redland", "bid for", "Monier"),
        id="named-owner-bid-for",
    ),
    # a noun of intention: its owner, or the subject of the verb presenting it, does the infinitive
    pytest.param(
        "The government has announced plans to cut 100,000 civil servants.",
        ("The government", "plans to cut", "100,000 civil servants"),
        id="announced-plans-to",
    ),
    pytest.param(
        "Plans to abolish 162 quangos have been unveiled by the Conservatives.",
        ("the Conservatives", "plans to abolish", "162 quangos"),
        id="plans-unveiled-by",
    ),
    pytest.param(
        "Labour's plans to scrap tuition fees were popular.",
        ("Labour", "plans to scrap", "tuition fees"),
        id="possessed-plans-to",
    ),
]


@pytest.mark.parametrize(("text", "row"), CASES)
def test_nominal_facts(model: Any, text: str, row: tuple[str, str, str]) -> None:
    found = rows(model, text)
    assert row in found, sorted(found)


# noun phrases that state no such fact
NOT_FACTS = [
    pytest.param(
        "A takeover offer worth considering came from Foster's.",
        ("A takeover offer", "is worth"),
        id="worth-a-clause-is-no-value",
    ),
    pytest.param("The holder said nothing.", ("The holder", "holds"), id="holder-without-of"),
    pytest.param("Federer's US Open final was great.", ("US Open", "final"), id="event-name-is-no-owner"),
    pytest.param(
        "The union attacked plans to cut 100,000 jobs.",
        ("The union", "plans to cut"),
        id="attacked-plans-are-not-theirs",
    ),
]


@pytest.mark.parametrize(("text", "pair"), NOT_FACTS)
def test_no_nominal_fact(model: Any, text: str, pair: tuple[str, str]) -> None:
    found = rows(model, text)
    assert not any((s, r) == pair for s, r, _ in found), sorted(found)
