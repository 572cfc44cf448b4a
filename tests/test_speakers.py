"""Who said it (issue 10): descriptions of a source, and quotations that continue a speaker.

Rules of news style (kg/extract/attribution.py, quotes.py): "the company said" and "according
to the company" name the latest company that spoke or was named; "Acme's spokesman", "a
company spokesman", "a spokesman for Acme", "the Foreign Ministry spokesman" speak for their
organisation; "the minister said" is the latest person who spoke; a quoted sentence with no
attribution of its own is the previous speaker's, and passes the speaker on; a sentence with
its own reporting clause is never another speaker's.
"""

from __future__ import annotations

from typing import Any

import pytest

from .sentences import find, statements

# text, subject of the content, a word of its lemma, a part of the first speaker's key
SPEAKERS = [
    pytest.param(
        "Acme Corp said on Monday it made a profit. Profits rose 20 pct, according to the company.",
        "Profits",
        "rise",
        "company/acme",
        id="according-to-the-company",
    ),
    pytest.param(
        "Acme Corp made a profit. Profits rose 20 pct, the company said.",
        "Profits",
        "rise",
        "company/acme",
        id="the-company-said",
    ),
    pytest.param(
        "Acme Corp made a profit. Profits rose 20 pct, a company spokesman said.",
        "Profits",
        "rise",
        "company/acme",
        id="a-company-spokesman",
    ),
    pytest.param(
        "Acme Corp made a profit. Profits rose 20 pct, Acme Corp's spokesman said.",
        "Profits",
        "rise",
        "company/acme",
        id="possessive-spokesman",
    ),
    pytest.param(
        "A spokesman for Acme Corp said the talks had failed.", "the talks", "fail", "acme", id="spokesman-for"
    ),
    pytest.param(
        "The Foreign Ministry spokesman said the talks had failed.",
        "the talks",
        "fail",
        "foreign-ministry",
        id="compound-spokesman",
    ),
    pytest.param(
        "Lim Keng Yaik said prices would rise. Costs will fall, the minister said.",
        "Costs",
        "fall",
        "person/lim",
        id="the-minister-said",
    ),
    pytest.param(
        'John Whittingdale said the plan was a "shambles". "The bill now imposes a more restrictive regime."',
        "The bill",
        "impose",
        "whittingdale",
        id="quote-after-indirect-report",
    ),
    pytest.param(
        '"You cannot sue the government," said Eric Kraus. "The state has immunity." '
        '"The government is renationalising Yuganskneftegas."',
        "The government",
        "renationalise",
        "kraus",
        id="quote-after-continued-quote",
    ),
    pytest.param(
        'Lord Woolf said the plan was good.\n\n"Judges will be better placed to deliver sentences."',
        "Judges",
        "place",
        "woolf",
        id="quote-paragraph",
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "speaker"), SPEAKERS)
def test_speaker(nlp: Any, text: str, subject: str, lemma: str, speaker: str) -> None:
    st = find(statements(nlp, text), subject, lemma)
    assert st.attribution and speaker in st.attribution[0], st.attribution


def test_an_unresolved_speaker_of_its_own_is_not_the_last_speaker(nlp: Any) -> None:
    st = find(statements(nlp, '"Prices will rise," Smith said. "Costs will fall," it said.'), "Costs", "fall")
    assert not any("smith" in k for k in st.attribution), st.attribution


def test_a_report_inside_a_report_does_not_report_its_reporter(nlp: Any) -> None:
    st = find(statements(nlp, "Pioneer Group Inc said its venture found gold."), "Pioneer Group Inc", "say")
    assert st.attribution == () and st.asserted


def test_a_date_is_no_part_of_an_anonymous_source(nlp: Any) -> None:
    found = statements(nlp, "The minister told reporters on Saturday U.S. officials had told him the board would meet.")
    st = find(found, "the board", "meet")
    assert not any("saturday" in k for k in st.attribution), st.attribution
