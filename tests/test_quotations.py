"""One detection of quotations for extraction and actors (kg/extract/sentences.py `quotations`).

Extraction (who says a quoted clause) and actors (who a pronoun inside a quote can be) read the
same quotations: a quote runs from its opening mark to its closing mark across sentences, a
paragraph break closes it. Tables of sentences, each checked against the rule it shows.
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.actors.quotes import quotations, quote_of

from .sentences import find, statements


def test_a_quote_runs_across_sentences_and_a_paragraph_break_closes_it(nlp: Any) -> None:
    doc = nlp('Smith said: "Prices rose. Costs fell.\n\nSales grew, he said.')
    inside = quote_of(doc)
    words = {t.text: t.i in inside for t in doc if t.is_alpha}
    assert words["Prices"] and words["Costs"] and words["fell"]
    assert not words["Smith"] and not words["Sales"] and not words["he"]
    # extraction reads the same quotation: the second sentence is quoted, the last is not
    found = statements(nlp, doc.text)
    assert find(found, "Costs", "fall").quoted and not find(found, "Sales", "grow").quoted


def test_a_straight_quote_before_a_single_quote_opens_a_quote(nlp: Any) -> None:
    doc = nlp("He screamed. \"'Oh no Bill, don't do anything,\" came the response.")
    inside = quote_of(doc)
    assert [t.text for t in doc if t.text in ("Oh", "Bill", "came") and t.i in inside] == ["Oh", "Bill"]
    assert len(quotations(doc)) == 1


# text, subject, a word of the lemma, the speaker chain's keys must contain (all of) these parts,
# and must not contain any of these
CHAINS = [
    pytest.param(
        'Michael Ancram said: "We have fought a positive campaign. I think the plan will fail."',
        "the plan",
        "fail",
        ("ancram",),
        (),
        id="first-person-report-continues-the-quote",
    ),
    pytest.param(
        'Richard Lyng said "The alternative is to say that we keep them. I think that is the wrong position."',
        "that",
        "be",
        ("lyng",),
        ("alternative",),
        id="a-quoted-reporter-is-not-passed-on",
    ),
    pytest.param(
        'Acme Corp said sales rose. "Prices will rise in May. The plan is a part of that," John Smith told Reuters.',
        "The plan",
        "be",
        ("smith",),
        ("acme",),
        id="reporter-after-a-continued-quote",
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "parts", "not_parts"), CHAINS)
def test_speaker_chain(
    nlp: Any, text: str, subject: str, lemma: str, parts: tuple[str, ...], not_parts: tuple[str, ...]
) -> None:
    st = find(statements(nlp, text), subject, lemma)
    assert st.attribution and all(any(p in k for k in st.attribution) for p in parts), st.attribution
    assert not any(p in k for p in not_parts for k in st.attribution), st.attribution


def test_the_reporting_clause_after_a_continued_quote_is_the_articles_own(nlp: Any) -> None:
    text = 'Acme Corp said sales rose. "Prices will rise in May. The plan is a part of that," John Smith told Reuters.'
    st = find(statements(nlp, text), "John Smith", "tell")
    assert st.attribution == (), st.attribution


def test_a_narrative_reporting_clause_ends_a_quote_left_open(nlp: Any) -> None:
    # the closing mark is missing: 'The board agreed' is the article's voice again, and so is what follows
    text = (
        'Peter Jamieson said: "I am pleased we have secured this delay. We have to try harder. '
        "At a meeting on Wednesday, the board agreed that the start date be postponed. "
        "The US has already merged downloaded singles into its chart."
    )
    found = statements(nlp, text)
    assert find(found, "the board", "agree").attribution == ()
    assert find(found, "The US", "merge").attribution == ()
    assert any("jamieson" in k for k in find(found, "We", "try").attribution)
