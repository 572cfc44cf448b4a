"""Status rules of issue 10, round 5 judged rows: negation, goals and speakers.

Each row is a general rule of English or news style (kg/extract/polarity.py, hedges.py,
speakers.py, attribution.py): an infinitive under "unable" did not happen; a member after
"rather than" is excluded; a "no" that negates the clause is no word of its object; a negated
"see that" in the present raises its negation; a non-finite "ensuring that" states a goal; a
speaker's own description is the article's voice; "he said" after "a spokesman said" is that
spokesman; an "it" speaker that is the subject of its sentence's main clause is that subject.
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.rdf import statement_status

from .sentences import find, statements


def _status(nlp: Any, text: str, subject: str, lemma: str) -> str:
    return str(statement_status(find(statements(nlp, text), subject, lemma)).value).rsplit("#", 1)[-1]


# sentence, subject, a word of the lemma, the status it must get
STATUSES = [
    pytest.param(
        "The inspectors were unable to check Boeing's work, the report said.",
        "The inspectors",
        "check",
        "negatedClaim",
        id="unable-to",
    ),
    pytest.param(
        "Wales and Ireland rather than traditional big guns France and England face a potential play-off.",
        "traditional big guns",
        "face",
        "negatedClaim",
        id="rather-than",
    ),
    pytest.param(
        "Wales and Ireland rather than traditional big guns France and England face a potential play-off.",
        "Ireland",
        "face",
        "asserted",
        id="before-rather-than",
    ),
    pytest.param(
        '"I do not see that the accord has been terminated," Christians said.',
        "the accord",
        "terminate",
        "negatedClaim",
        id="do-not-see-that",
    ),
    pytest.param(
        "They will create proposals to promote awareness of the rating system, ensuring that young people"
        " are not exposed to inappropriate content.",
        "young people",
        "expose",
        "hedgedClaim",
        id="ensuring-that",
    ),
    pytest.param(
        "The ministry acted to ensure that prices stay low.", "prices", "stay", "hedgedClaim", id="to-ensure-that"
    ),
    pytest.param("The new law ensures that children are safe.", "children", "be", "asserted", id="ensures-that"),
    pytest.param(
        "It explains why e-mail security threats continue to proliferate.",
        "e-mail security threats",
        "proliferate",
        "asserted",
        id="explains-why",
    ),
    pytest.param("I don't know why they are taking me away like this.", "they", "take", "asserted", id="know-why"),
    pytest.param(
        "We'll monitor the situation and see how the markets respond today.",
        "We",
        "see",
        "asserted",
        id="see-how-is-no-aside",
    ),
    pytest.param(
        "If the company did not raise prices, its sales would fall.",
        "the company",
        "raise",
        "hedgedClaim",
        id="negation-under-if",
    ),
    pytest.param(
        "The plans are part of an effort to show how government red tape can be cut.",
        "government red tape",
        "cut",
        "hedgedClaim",
        id="how-can",
    ),
    pytest.param("No-one was hurt in the blast.", "No-one", "hurt", "negatedClaim", id="no-one"),
    pytest.param(
        "You can tell how much money the film is going to make.", "the film", "make", "hedgedClaim", id="how-much"
    ),
    # a reduced relative of an opinion verb is its passive: "men (who are) believed to be ..."
    pytest.param(
        "Police arrested two men believed to be among the world's top five spammers.",
        "two men",
        "believe",
        "hedgedClaim",
        id="reduced-relative-believed",
    ),
    pytest.param(
        "Police arrested two men believed to be among the world's top five spammers.",
        "Police",
        "arrest",
        "asserted",
        id="reduced-relative-host-asserted",
    ),
    pytest.param(
        "The report released on Monday showed a rise in prices.",
        "The report",
        "release",
        "asserted",
        id="reduced-relative-not-opinion",
    ),
    pytest.param(
        "Some 26 million adults lack maths or English skill levels expected of school-leavers.",
        "English skill levels",
        "expect",
        "asserted",
        id="expected-of-is-required-of",
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "status"), STATUSES)
def test_status(nlp: Any, text: str, subject: str, lemma: str, status: str) -> None:
    assert _status(nlp, text, subject, lemma) == status


def test_a_no_object_is_negated_once(nlp: Any) -> None:
    found = find(
        statements(nlp, "Whilst 17% of men in the industry had no qualifications, this was true for few women."),
        "17% of men in the industry",
        "have",
    )
    assert found.object is not None and found.object.text == "qualifications"
    assert found.negated


# sentence, subject, a word of the lemma, the speaker key it must be attributed to (last of the chain)
SPEAKERS = [
    pytest.param(
        "Acme will open a plant in Ohio, a company spokesman said. Acme is the biggest maker of widgets"
        " and has 35 billion dlrs in sales, he said.",
        "Acme",
        "have",
        "concept/company-spokesman",
        id="he-said-after-a-spokesman",
    ),
    pytest.param(
        "Acme will open a plant in Ohio, the Acme spokeswoman said. The plant will employ 500 people, she said.",
        "The plant",
        "employ",
        "organization/acme",
        id="she-said-after-a-spokeswoman",
    ),
    pytest.param(
        "Lloyds Bank said it would sell its unit. Earlier this year, Midland Bank Plc pulled out of equity"
        " market making because it did not believe the return justified the costs.",
        "the return",
        "justify",
        "company/midland-bank-plc",
        id="it-is-the-main-subject",
    ),
    pytest.param(
        "But Julie Howell, digital policy manager at the RNIB, expressed doubts over whether Speegle and similar"
        " sites added anything to the experience of blind people.",
        "Speegle and similar sites",
        "add",
        "person/julie-howell",
        id="expressed-doubts-over-whether",
    ),
    pytest.param(
        "The minister voiced concern that prices would rise.", "prices", "rise", "concept/minister", id="voiced-concern"
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "speaker"), SPEAKERS)
def test_speaker(nlp: Any, text: str, subject: str, lemma: str, speaker: str) -> None:
    assert find(statements(nlp, text), subject, lemma).attribution[-1:] == (speaker,)


def test_he_said_is_no_spokeswoman(nlp: Any) -> None:
    found = find(
        statements(
            nlp, "Acme will open a plant, a company spokeswoman said. The plant will employ 500 people, he said."
        ),
        "The plant",
        "employ",
    )
    assert "concept/company-spokeswoman" not in found.attribution


def test_the_speakers_title_is_the_articles_voice(nlp: Any) -> None:
    text = (
        'Referring to news reports, White House spokesman Marlin Fitzwater said, "It seems most of the world'
        " economists are uncertain as to the specific causes, so we'll just have to wait and see if there's a"
        ' rebound today."'
    )
    title = find(statements(nlp, text), "Marlin Fitzwater", "be")
    assert title.attribution == ()
    assert str(statement_status(title).value).endswith("#asserted")


def test_an_open_quote_ends_where_the_article_names_its_speaker(nlp: Any) -> None:
    text = (
        "Carlos Moya won the final. Moya confirmed afterwards: \"I'm donating my prize money to the victims."
        " His contribution follows pledges by four other players to donate their prize money.\n"
    )
    found = statements(nlp, text)
    assert find(found, "I", "donate").attribution == ("person/carlos-moya",)
    assert find(found, "His contribution", "follow").attribution == ()


def test_a_closing_speaker_is_no_apposition(nlp: Any) -> None:
    text = (
        "A U.S. judge denied Bristol Meyers Inc's request to halt Abbott Laboratories' planned supply of AIDS"
        " tests to the Red Cross, a spokeswoman for Abbott said."
    )
    found = statements(nlp, text)
    assert not [st for st in found if st.object is not None and "spokeswoman" in st.object.text]


def test_a_spokesman_for_the_company_speaks_for_it(nlp: Any) -> None:
    text = "Acme Corp will close the plant in Ohio. The plant employs 500 people, a spokesman for the company said."
    assert find(statements(nlp, text), "The plant", "employ").attribution == ("company/acme-corp",)


def test_a_that_clause_of_degree_is_no_question(nlp: Any) -> None:
    text = "The case is that of a man who became so mad with his laptop that he threw it in the lavatory."
    assert _status(nlp, text, "he", "throw") == "asserted"


def test_a_description_inside_according_to_is_the_articles(nlp: Any) -> None:
    text = (
        "Online gaming sales will top a billion US dollars next year, according to the UK-based journal Screen Digest."
    )
    found = statements(nlp, text)
    description = next(st for st in found if st.kind == "apposition")
    assert description.attribution == ()
    assert find(found, "Online gaming sales", "top").attribution != ()


def test_the_organisation_says_is_the_latest_organisation(nlp: Any) -> None:
    text = (
        "The service is being piloted by the Royal National Institute for Deaf People (RNID), but the"
        " organisation says it will be too expensive."
    )
    chain = find(statements(nlp, text), "it", "be").attribution
    assert chain and "concept/organisation" not in chain and "royal-national-institute-for-deaf-people" in chain[-1]


def test_a_named_speakers_description_is_kept(nlp: Any) -> None:
    text = (
        "Prince Harry should see the results for himself, Rabbi Marvin Hier, founder of Jewish human rights group"
        " the Simon Wiesenthal Center, said."
    )
    assert find(statements(nlp, text), "Rabbi Marvin Hier", "be").object is not None


def test_a_quote_after_narrative_about_the_speaker_is_his(nlp: Any) -> None:
    text = (
        'Tim Henman believes Britain can win the tie. "I fancy our chances," he said. But Henman urged'
        ' Bogdanovic to seize his chance. "Alex is a quality player."'
    )
    assert find(statements(nlp, text), "Alex", "be").attribution == ("person/tim-henman",)


def test_the_one_told_is_no_source_unless_retelling(nlp: Any) -> None:
    found = statements(nlp, "Officials told the Prime Minister that the talks failed.")
    assert find(found, "the talks", "fail").attribution == ("anonymoussource/officials",)


def test_officials_with_their_own_description_are_other_sources(nlp: Any) -> None:
    text = (
        "The drafting follows the failure of talks, U.S. officials said. Smith met Argentine ministers and the"
        " Argentine officials said they could not narrow the differential."
    )
    chain = find(statements(nlp, text), "they", "narrow").attribution
    assert chain == ("anonymoussource/argentine-officials",)


def test_the_one_adding_is_the_reporter(nlp: Any) -> None:
    text = (
        'Acme Corp said orders for its core businesses have improved, adding "Our strong balance sheet should'
        ' enable us to improve our financial performance."'
    )
    assert find(statements(nlp, text), "Our strong balance sheet", "enable").attribution == ("company/acme-corp",)


def test_a_reason_cited_is_no_source(nlp: Any) -> None:
    assert find(statements(nlp, "Acme Corp said sales rose, citing strong demand."), "sales", "rise").attribution == (
        "company/acme-corp",
    )
