"""'We' in a quote is the body its speaker speaks for (kg/actors/firstperson.py); each row failed before."""

from __future__ import annotations

from typing import Any

import pytest

from kg.actors.coref import find_entities

# text, the pronoun, the word its antecedent must be (None: left to extraction, the speaker)
ROWS = [
    pytest.param(
        "The White House said it was watching the markets. White House spokesman Marlin Fitzwater spoke to "
        'reporters. "We certainly do not want to take precipitous action," the spokesman added.',
        "We",
        "House",
        id="we-of-a-spokesman-is-the-body-in-his-title",
    ),
    pytest.param('"We offer better value," a spokesman for Dell said.', "We", "Dell", id="we-of-an-unnamed-spokesman"),
    pytest.param(
        '"Our first objective is to be safe," said William Jacobi, Westinghouse general manager at Hanford.',
        "Our",
        "Westinghouse",
        id="our-of-a-manager-in-apposition",
    ),
    pytest.param(
        '"We must preserve our economy," the one-time chairman of Merrill Lynch said.',
        "We",
        None,
        id="trap-a-past-role-speaks-for-nobody",
    ),
    pytest.param('"We had a great game," Lleyton Hewitt said.', "We", None, id="trap-a-person-of-no-body"),
    pytest.param(
        'Tim Hanlon, from brand firm Starcom MediaVest, said: "We will be talking more about content brands."',
        "We",
        "MediaVest",
        id="we-of-a-person-from-a-firm",
    ),
    pytest.param(
        '"We could not fill the orders," said Richard Goforth, a partner with Goforth and Co in Chicago.',
        "We",
        "Co",
        id="we-of-a-partner-with-a-firm",
    ),
    pytest.param(
        '"We had a great time," said Jane Smith, from London.', "We", None, id="trap-a-place-one-is-from-is-no-body"
    ),
    pytest.param(
        'Microsoft and Sony make consoles. "We sell more," Bill Gates of Microsoft said of Sony.',
        "We",
        "Microsoft",
        id="we-is-the-speaker-body-not-another",
    ),
]


@pytest.mark.parametrize("text,pronoun,antecedent", ROWS)
def test_first_plural(nlp: Any, text: str, pronoun: str, antecedent: str | None) -> None:
    doc = nlp(text)
    index = find_entities(doc)
    token = next(t for t in doc if t.text == pronoun)
    found = index.antecedents.get(token.i)
    assert (None if found is None else doc[found].text) == antecedent


# text, the nth "company", the key it must stand for (None: no rule's)
COMPANIES = [
    pytest.param(
        "Apex Oil Co sued Belcher Oil Co on Monday. Richard Wiener, attorney for Apex, said the company has not yet "
        "decided whether to pursue its case.",
        "company/apex-oil-co",
        id="the-company-of-a-speaker-for-one-company",
    ),
    pytest.param(
        "Apex Oil sued Belcher Oil Co on Monday. Richard Wiener, a lawyer at Cadwalader, said the company has not "
        "yet decided whether to pursue its case.",
        None,
        id="trap-a-place-of-work-is-no-company-spoken-for",
    ),
]


@pytest.mark.parametrize("text,key", COMPANIES)
def test_the_company_of_the_speaker(nlp: Any, text: str, key: str | None) -> None:
    doc = nlp(text)
    index = find_entities(doc)
    token = next(t for t in doc if t.text == "company")
    assert index.by_token.get(token.i) == key
    if key is not None:  # and "its" goes with it
        its = next(t for t in doc if t.text == "its")
        assert index.antecedents.get(its.i) == token.i
