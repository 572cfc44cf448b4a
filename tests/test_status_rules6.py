"""Status rules of issue 10, round 6 judged rows: speakers, evidence and hedges.

Each row is a general rule of English or news style (kg/extract/according.py, attribution.py,
evidence.py, hedges.py): "according to" a name cites it, whatever the name resolved to, and the
owner inside a name is part of it; a name's title is the article's voice; an infinitive of
purpose reports nothing; evidence (figures, data, specifications) is no speaker, its owner is;
"suggest" and "must" hedge; what "any" thing does is no fact; a cleft's claim is under what
frames it; "would" with a feeling answers a case supposed; the one told is no object; a negation
under a word of likelihood or in a question is hedged, not negated.
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.rdf import statement_status

from .sentences import find, statements


def _status(nlp: Any, text: str, subject: str, lemma: str) -> str:
    return str(statement_status(find(statements(nlp, text), subject, lemma)).value).rsplit("#", 1)[-1]


# sentence, subject, a word of the lemma, the speaker chain it must get
CHAINS = [
    pytest.param(
        "Director Quentin Tarantino is in talks to write a new film, according to the Hollywood Reporter.",
        "Director Quentin Tarantino",
        "be in",
        ("concept/hollywood-reporter",),
        id="according-to-a-name",
    ),
    pytest.param(
        "A judge ordered the insurer to pay the claims, according to Florida's Department of Insurance.",
        "A judge",
        "order",
        ("governmentbody/department-of-insurance",),
        id="according-to-an-owned-name",
    ),
    pytest.param(
        "Prices will rise, according to Moscow's estimates.",
        "Prices",
        "rise",
        ("governmentbody/government-of-russia",),
        id="according-to-an-owned-document",
    ),
    pytest.param(
        "Warez groups operate according to a strict code of honour.",
        "Warez groups",
        "operate",
        (),
        id="according-to-a-rule",
    ),
    pytest.param(
        "Director Quentin Tarantino is in talks to write a new film, according to the Hollywood Reporter.",
        "Quentin Tarantino",
        "be",
        (),
        id="a-title-is-the-articles",
    ),
    pytest.param(
        "His office said Lawson had welcomed a meeting with Bundesbank President Karl Otto Poehl.",
        "Karl Otto Poehl",
        "be",
        (),
        id="a-title-in-a-report-is-the-articles",
    ),
    pytest.param(
        'The linkage is that the fundamentals must be in place to assure that the bank can survive," Clarke said.',
        "the bank",
        "survive",
        ("organization/clarke",),
        id="to-assure-that-reports-nothing",
    ),
    pytest.param(
        "The court gave State Mutual 20 days to show why it should not be obliged to pay claims.",
        "it",
        "oblige",
        (),
        id="days-to-show-why-reports-nothing",
    ),
    pytest.param(
        "John Smith went on to say that prices rose.",
        "prices",
        "rise",
        ("person/john-smith",),
        id="went-on-to-say-reports",
    ),
    pytest.param(
        "The chip's specifications suggest the PlayStation 3 will offer a significant boost in graphics.",
        "the PlayStation 3",
        "offer",
        (),
        id="specifications-are-no-speaker",
    ),
    pytest.param(
        "The TUC said data from employment tribunals suggested 1,500 whistleblowers had lost their jobs.",
        "1,500 whistleblowers",
        "lose",
        ("organization/tuc",),
        id="data-in-a-report-are-no-speaker",
    ),
    pytest.param(
        "Figures from the Commerce Department showed exports rose 5 pct.",
        "exports",
        "rise",
        ("governmentbody/commerce-department",),
        id="figures-from-an-owner",
    ),
    pytest.param(
        "The 28-year-old world number one had said that she would quit at the end of the year.",
        "she",
        "quit",
        ("concept/28-year-old-world-number",),
        id="a-world-number-one-speaks",
    ),
    pytest.param(
        "Acme Corp said sales rose but analysts warned that profits would fall.",
        "profits",
        "fall",
        ("anonymoussource/analysts",),
        id="a-joined-report-is-its-own",
    ),
    pytest.param(
        "Acme Corp said sales rose but analysts warned that profits would fall.",
        "analysts",
        "warn",
        (),
        id="a-joined-report-is-the-articles",
    ),
    pytest.param(
        "Acme Corp said sales rose and profits fell.", "profits", "fall", ("company/acme-corp",), id="a-joined-clause"
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "chain"), CHAINS)
def test_chain(nlp: Any, text: str, subject: str, lemma: str, chain: tuple[str, ...]) -> None:
    assert find(statements(nlp, text), subject, lemma).attribution == chain


# sentence, subject, a word of the lemma, the status it must get
STATUSES = [
    pytest.param(
        "The fundamentals must be in place before the bank can survive.",
        "The fundamentals",
        "be in",
        "hedgedClaim",
        id="must-is-a-requirement",
    ),
    pytest.param(
        "There must be a thousand better songs.", "a thousand better songs", "exist", "hedgedClaim", id="must-be"
    ),
    pytest.param(
        "Reagan has said he would veto any bill implementing the suggested taxes in the budget.",
        "any bill",
        "implement",
        "hedgedClaim",
        id="any-bill-implementing",
    ),
    pytest.param(
        "He has been the most iconic of any stars we have had in Britain.",
        "we",
        "have",
        "asserted",
        id="the-most-of-any-compares",
    ),
    pytest.param(
        "The Cell's specifications suggest the PlayStation 3 will offer a significant boost in graphics.",
        "the PlayStation 3",
        "offer",
        "hedgedClaim",
        id="suggest-hedges",
    ),
    pytest.param(
        "Figures from the Commerce Department showed exports rose 5 pct.",
        "exports",
        "rise",
        "attributed",
        id="show-does-not-hedge",
    ),
    pytest.param(
        "I hope it is the warmth and compassion that really talks to people.",
        "the warmth",
        "talk",
        "hedgedClaim",
        id="hope-over-a-cleft",
    ),
    pytest.param("It is Smith who runs the company.", "Smith", "run", "asserted", id="a-cleft-asserts"),
    pytest.param(
        "William Seidman said he would be concerned about the impact of a further sharp rise in interest rates.",
        "he",
        "concern",
        "hedgedClaim",
        id="would-be-concerned",
    ),
    pytest.param(
        "If the theatre can function without me, I shall be well satisfied having helped to create a theatre.",
        "I",
        "help",
        "hedgedClaim",
        id="participle-under-an-adjective-under-if",
    ),
    pytest.param(
        "Even if Apple does not get its way, old computers are not good enough to run modern programs.",
        "old computers",
        "run",
        "negatedClaim",
        id="even-if-concedes",
    ),
    pytest.param(
        "Those with flat screens are likely to have bought them recently and not be in the market for a new machine.",
        "Those with flat screens",
        "be in",
        "hedgedClaim",
        id="likely-to-not-be",
    ),
    pytest.param(
        "The court gave State Mutual 20 days to show why it should not be obliged to pay claims.",
        "it",
        "oblige",
        "hedgedClaim",
        id="a-negation-in-a-question",
    ),
    pytest.param(
        "Boeing said it did not believe a similar accident could occur.",
        "a similar accident",
        "occur",
        "negatedClaim",
        id="could-not-stays-negated",
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "status"), STATUSES)
def test_status(nlp: Any, text: str, subject: str, lemma: str, status: str) -> None:
    assert _status(nlp, text, subject, lemma) == status


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("John Smith told reporters the country deserved a higher quota.", id="told-reporters"),
        pytest.param("Two sources told journalists that Russia attacked Ukraine.", id="told-journalists-that"),
    ],
)
def test_an_audience_told_is_no_object(nlp: Any, text: str) -> None:
    found = statements(nlp, text)
    assert not [st for st in found if st.object is not None and st.object.text in ("reporters", "journalists")]
    said = next(st for st in found if st.kind == "report" and st.object is not None)
    content = next(st for st in found if st.attribution)
    assert content.content_of == found.index(said)


def test_an_actor_told_is_kept(nlp: Any) -> None:
    found = statements(nlp, "Rodney De Mel told Reuters the trees will be uprooted.")
    assert [st for st in found if st.object is not None and st.object.text == "Reuters"]


def test_a_clausal_subject_beside_the_speaker_is_reported(nlp: Any) -> None:
    text = (
        "Japanese investment in U.S. real estate last year is estimated at six billion dlrs, exceeding the four"
        " billion dlrs ploughed into U.S. equities, Arther Mitchell of Coudert Brothers, a U.S. law firm, told the"
        " conference."
    )
    found = statements(nlp, text)
    assert find(found, "the four billion dlrs", "plough").attribution == ("person/arther-mitchell",)
    assert not [st for st in found if st.subject.text.startswith("exceeding")]


def test_what_an_unresolved_he_said_is_his(nlp: Any) -> None:
    found = statements(nlp, "He said the Marketing Ministry has authorised the Coffee Marketing Board to supply beans.")
    said = find(found, "He", "say")
    content = find(found, "the Marketing Ministry", "authorise")
    assert said.subject.entity is not None and "unresolved" in said.subject.entity
    assert content.attribution == (said.subject.entity,)
    assert str(statement_status(content).value).endswith("#attributed")
