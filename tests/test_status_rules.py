"""Status rules of issue 10 on news sentences: who holds a clause, and whether it is asserted.

Each row is a general rule of English (see kg/extract/hedges.py, polarity.py, attribution.py):
the complement of a verb of belief, wish or request is not asserted; an indirect question is no
claim; "would" under a verb in the past is the future of the past; "no" on the object, "no
longer" and "neither ... nor" negate; a negated verb of belief negates its complement.
"""

from __future__ import annotations

from typing import Any

import pytest

from .sentences import find, statements

# sentence, subject, a word of the lemma, the hedge it must carry (None: asserted or only attributed)
HEDGES = [
    pytest.param(
        "Sony hopes that the Cell processor can become the dominant technology.",
        "the Cell processor",
        "become",
        "hope",
        id="hopes-that",
    ),
    pytest.param("The union wants the government to raise wages.", "the government", "raise", "want", id="wants-x-to"),
    pytest.param(
        "Acme asked the commission to reverse the decision.", "the commission", "reverse", "ask", id="asked-to"
    ),
    pytest.param("The minister urged the banks to cut rates.", "the banks", "cut", "urge", id="urged-to"),
    pytest.param(
        "Analysts believe the stock market will rise above the 25,000 mark.",
        "the stock market",
        "rise",
        "believe",
        id="believe",
    ),
    pytest.param(
        "Michael Stephenson would not confirm whether the system will be built into Windows.",
        "the system",
        "build",
        "whether",
        id="indirect-question",
    ),
    pytest.param(
        "It is likely the Japanese will accept the offer, the sources said.",
        "the Japanese",
        "accept",
        "likely",
        id="it-is-likely",
    ),
    pytest.param("The land seems to be similar to the original land.", "The land", "similar", "seem", id="seems-to"),
    pytest.param(
        "Ehud Olmert was reported in June to have attended a meeting with executives.",
        "Ehud Olmert",
        "attend",
        "reported",
        id="reported-in-june-to",
    ),
    pytest.param(
        "Smith called for the banks to be reprivatized.", "the banks", "reprivatize", "call", id="called-for-to"
    ),
    pytest.param(
        "Asked what the nomination means to her, Arnold says she feels flattered.",
        "the nomination",
        "mean",
        "question",
        id="asked-what",
    ),
    pytest.param(
        '"You can tell how much money the film is going to make by how it does."',
        "the film",
        "make",
        "question",
        id="tell-how-much",
    ),
    pytest.param(
        "The auction was billed as the biggest collection of Hendrix memorabilia.",
        "The auction",
        "bill",
        "billed as",
        id="billed-as",
    ),
    pytest.param("Acme said the plant would close in May.", "the plant", "close", None, id="said-would-future"),
    pytest.param(
        '"We knew Japan would be the first place to sell it," Smith said.', "Japan", "be", None, id="knew-would"
    ),
    pytest.param("Smith told reporters that prices would fall.", "prices", "fall", None, id="told-that-reports"),
    pytest.param("Acme said the plant would close if sales fell.", "the plant", "close", "would", id="said-would-if"),
    pytest.param("The plant would close.", "The plant", "close", "would", id="would-alone"),
    # a forecast or obligation with "should" is no fact
    pytest.param(
        "Calendar 1988 vehicle sales should equal the 1987 total, Petersen said.",
        "Calendar 1988 vehicle sales",
        "equal",
        "should",
        id="should-forecast",
    ),
    # an act under an adjective of will is wanted or shunned, not done
    pytest.param(
        "But Prem was reluctant to call new elections or reshuffle his cabinet, Prachuab said.",
        "Prem",
        "reshuffle",
        "reluctant",
        id="reluctant-to",
    ),
    pytest.param("The company is eager to sell its stake.", "The company", "sell", "eager", id="eager-to"),
    pytest.param("The company sold its stake.", "The company", "sell", None, id="sold-is-asserted"),
    # a for-to clause states no event: what is called for, waited for or planned has not happened
    # (under a noun of intent the noun is the cue: kg/extract/hedges.py's _intent comes first)
    pytest.param("There were calls for Blair to resign.", "Blair", "resign", "call", id="calls-for-x-to-resign"),
    pytest.param(
        "Mr Blair repeated calls for the mayor to apologise for likening the reporter to a camp guard.",
        "the mayor",
        "apologise for",
        "call",
        id="repeated-calls",
    ),
    pytest.param(
        "Yeutter said the pressures for Congress to act were hard to resist.",
        "Congress",
        "act",
        "pressure",
        id="pressures-for-congress-to-act",
    ),
    pytest.param("The firm waited for the market to recover.", "the market", "recover", "for", id="waited-for"),
    pytest.param("The mayor apologised for his remarks.", "The mayor", "apologise for", None, id="for-a-noun-asserted"),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "hedge"), HEDGES)
def test_hedge(nlp: Any, text: str, subject: str, lemma: str, hedge: str | None) -> None:
    assert find(statements(nlp, text), subject, lemma).hedge == hedge


# sentence, subject, a word of the lemma: the clause must be negated
NEGATED = [
    pytest.param("Diplomats expect no agreement at the talks.", "Diplomats", "expect", id="object-no"),
    pytest.param("The venture has no firm estimates of the costs.", "The venture", "have", id="has-no"),
    pytest.param("Russian debt is no longer a risky investment.", "Russian debt", "be", id="no-longer"),
    pytest.param(
        "Neither the Conservatives nor the Liberal Democrats wished to comment.",
        "the Conservatives",
        "comment",
        id="neither",
    ),
    pytest.param(
        "Neither the Conservatives nor the Liberal Democrats wished to comment.",
        "the Liberal Democrats",
        "comment",
        id="nor",
    ),
    pytest.param(
        "She said the government was determined not to intervene to influence production decisions.",
        "the government",
        "influence",
        id="infinitive-under-not",
    ),
    pytest.param(
        "Boeing said it did not believe a similar accident could occur.",
        "a similar accident",
        "occur",
        id="neg-raising",
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma"), NEGATED)
def test_negated(nlp: Any, text: str, subject: str, lemma: str) -> None:
    st = find(statements(nlp, text), subject, lemma)
    assert st.negated and not st.asserted


def test_not_only_is_no_negation(nlp: Any) -> None:
    st = find(statements(nlp, "Acme Corp not only cut prices but also raised wages."), "Acme Corp", "cut")
    assert not st.negated


def test_a_negated_report_does_not_negate_its_content(nlp: Any) -> None:
    st = find(statements(nlp, "Acme did not say that the plant closed."), "the plant", "close")
    assert not st.negated


# sentence, subject of the content, a word of its lemma, a part of the first speaker's key
SPEAKERS = [
    pytest.param(
        "But Mr Boyd pointed out that the software fell into the hands of criminals.",
        "the software",
        "fall",
        "boyd",
        id="pointed-out",
    ),
    pytest.param(
        "Smith called for the banks to be sold, charging that competition had been eroded.",
        "competition",
        "erode",
        "smith",
        id="charging-that",
    ),
    pytest.param(
        "Jewellery consumption is set to rise by 70,000 ounces, Clark predicted in his speech, "
        "the text of which was released in London today.",
        "Jewellery consumption",
        "rise",
        "clark",
        id="tail-with-two-complements",
    ),
    pytest.param(
        "Sony hopes that the Cell processor can become the dominant technology.",
        "the Cell processor",
        "become",
        "sony",
        id="holder-of-hope",
    ),
    pytest.param(
        "The attacks caused damage estimated at 500 mln dlrs, Tehran Radio quoted the oil minister as saying.",
        "The attacks",
        "cause",
        "tehran-radio",
        id="quoted-as-saying-tail",
    ),
    pytest.param(
        "The company said transaction prices for contract accounts, which have a duration of six months or more, "
        "will also be increased to commensurate levels.",
        "contract accounts",
        "have",
        "company",
        id="relative-clause-in-said-object",
    ),
    pytest.param(
        'Kuznetsova said: "I am not worried. I am not using anything to push myself. "I have not been notified."',
        "I",
        "use",
        "kuznetsova",
        id="quote-open-across-sentences",
    ),
    pytest.param(
        '"It has taken a lot of work," Saulnier said. "Sometimes I did not believe I could get to a final. '
        '"I am on the way."',
        "I",
        "be on",
        "saulnier",
        id="quoted-i-believe-is-no-new-speaker",
    ),
]


def test_a_paragraph_break_closes_an_open_quote(nlp: Any) -> None:
    text = 'Kuznetsova said: "I am not worried.\n\nThe minister met officials on Monday. Prices rose.'
    assert not find(statements(nlp, text), "Prices", "rise").attribution
    text = 'Kuznetsova said: "I am not worried. Jones said prices fell. Costs rose.'
    assert not find(statements(nlp, text), "Costs", "rise").attribution


def test_a_closed_quote_passes_no_speaker_on(nlp: Any) -> None:
    text = 'Kuznetsova said: "I am not worried." The minister said the case was closed. Officials met on Monday.'
    assert not find(statements(nlp, text), "Officials", "meet").attribution


def test_a_reported_noun_object_makes_no_report(nlp: Any) -> None:
    found = statements(nlp, "Acme reported a profit of 5 mln dlrs, which rose 10 pct.")
    assert find(found, "Acme", "report").kind == "verb"
    assert [k.rsplit("/", 1)[-1] for k in find(found, "5 mln dlrs", "rise").attribution] == ["acme"]


def test_quoted_as_saying_names_the_one_quoted(nlp: Any) -> None:
    found = statements(nlp, "The agency quoted Oil Minister Gholamreza Aqazadeh as saying that output would rise.")
    assert find(found, "output", "rise").attribution[-1].endswith("gholamreza-aqazadeh")
    assert not find(statements(nlp, "The newspaper quoted a document."), "The newspaper", "quote").attribution


@pytest.mark.parametrize(("text", "subject", "lemma", "speaker"), SPEAKERS)
def test_speaker(nlp: Any, text: str, subject: str, lemma: str, speaker: str) -> None:
    st = find(statements(nlp, text), subject, lemma)
    assert st.attribution and speaker in st.attribution[0], st.attribution


def test_pointed_at_is_no_report(nlp: Any) -> None:
    found = statements(nlp, "Smith pointed at the screen.")
    assert all(st.kind != "report" for st in found)


def test_according_to_a_rule_is_no_source(nlp: Any) -> None:
    st = find(statements(nlp, "Warez groups operate according to a strict code of honour."), "Warez groups", "operate")
    assert st.attribution == () and st.asserted


# a wh-word that opens no indirect question: a relative pronoun, a fronted adverbial clause
NOT_QUESTIONS = [
    pytest.param(
        "The sector gets five billion francs from the 41 billion francs which the government expects to raise.",
        "the government",
        "raise",
        id="relative-which",
    ),
    pytest.param(
        "Where it was appropriate to reduce the term, the maximum reduction would be one sixth, it said.",
        "the maximum reduction",
        "be",
        id="fronted-where",
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma"), NOT_QUESTIONS)
def test_no_question(nlp: Any, text: str, subject: str, lemma: str) -> None:
    assert find(statements(nlp, text), subject, lemma).hedge != "question"
