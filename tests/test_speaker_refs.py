"""Who 'he said', 'the spokesman said' and a quote attributed at its end are (issues 10 and 11).

Rules of news style (kg/extract/speakers.py, quotes.py):

- a pronoun speaker is the one it was resolved to, unless the article tells that one is of
  the other gender; else the latest speaker who can be 'he' ('she'), never one the article
  tells is of the other gender (Mr/Ms, the pronouns resolved to them);
- 'the spokesman said', 'the official said' is the latest speaker that role noun introduced
  ('a Treasury Department spokesman'), not the latest person who spoke;
- '“A. B,” X said.': a quote over several sentences attributed after its last one is X's from
  its first sentence on, whoever spoke before it;
- '“...,” came the reply' is the other side's answer: no speaker, and the speaker goes on after it;
- 'X said referring to ...' reports what X said (the verb group's head is the participle);
- 'said the 20-year-old' is the person the latest named clause subject is (if it is one);
- '"...," she said' resolved to a person only mentioned before (in a list, as an object: never a
  speaker nor a clause subject) is rather the latest speaker the article tells is a 'she'.
"""

from __future__ import annotations

from typing import Any

import pytest

from .sentences import find, statements

# text, subject, a word of the lemma, a part of the first speaker's key ("" for no speaker),
# a part no key of the chain may have
SPEAKERS = [
    pytest.param(
        'John Brown said prices rose. Mary Smith said she was pleased. "Sales will grow," he said.',
        "Sales",
        "grow",
        "john-brown",
        "mary-smith",
        id="he-is-not-the-woman-who-spoke-last",
    ),
    pytest.param(
        'Ms Mary Smith said prices rose, and she said costs would fall. "Sales will grow," he said.',
        "Sales",
        "grow",
        "he-unresolved",  # an unresolved 'he' of its own (statements.py), not Mary Smith
        "mary-smith",
        id="he-is-nobody-when-only-a-woman-spoke",
    ),
    pytest.param(
        'John Brown said prices rose. "Sales will grow," he said.',
        "Sales",
        "grow",
        "john-brown",
        "",
        id="he-is-the-man-who-spoke",
    ),
    pytest.param(
        "A Treasury Department spokesman said the rules were fair. Steven Hannes, a tax lawyer, said firms "
        "would pay more. Firms will not be hurt by the decision, the spokesman said.",
        "Firms",
        "hurt",
        "treasury-department",
        "hannes",
        id="the-spokesman-is-the-spokesman-before",
    ),
    pytest.param(
        'A Treasury official said the rules were fair. Tax experts said firms would pay more. "We are '
        'monitoring the situation," the official said.',
        "We",
        "monitor",
        "treasury-official",
        "tax-experts",
        id="the-official-is-the-official-before",
    ),
    pytest.param(
        'Mauresmo won. "She got mad a little bit. I played some great tennis," said Mauresmo.',
        "She",
        "get",
        "mauresmo",
        "",
        id="quote-attributed-after-its-last-sentence",
    ),
    pytest.param(
        '"Prices will rise," John Smith said. "Costs will fall. Sales will grow," Bill Jones said.',
        "Costs",
        "fall",
        "jones",
        "smith",
        id="a-quote-attributed-at-its-end-is-not-the-speaker-before",
    ),
    pytest.param(
        "Lleyton Hewitt won the title. Ivo Minar, ranked 158th in the world, was forced to pull out. "
        '"For me, this was a big success," said the 20-year-old.',
        "this",
        "be",
        "minar",
        "",
        id="the-20-year-old-is-the-one-told-of",
    ),
    pytest.param(
        "Lleyton Hewitt won the title. He will meet Arnaud Clement. Acme Corp was forced to pull out. "
        '"For me, this was a big success," said the 20-year-old.',
        "this",
        "be",
        "",
        "hewitt",
        id="the-20-year-old-is-not-a-person-told-of-before",
    ),
    pytest.param(
        '"We were destined to meet, I guess," Venus Williams said referring to her match with Molik. '
        '"It will be a huge match for her."',
        "It",
        "be",
        "williams",
        "",
        id="said-referring-to-reports",
    ),
    pytest.param(
        'Bill Conti told the director: "I start cursing and screaming. "\'Oh no Bill, don\'t do anything," '
        'came the response. "Imagine the firemen crawling among us."',
        "the firemen",
        "crawl",
        "conti",
        "",
        id="the-speaker-goes-on-after-an-answer",
    ),
    pytest.param(
        "Jane Smith said she was too ill to travel. Other guests included the actress Mary Brown. "
        '"I am so sorry," she said.',
        "I",
        "be",
        "jane-smith",
        "mary-brown",
        id="she-said-is-not-a-woman-only-listed",
    ),
    pytest.param(
        "Tony Blair said he backed the plan. One poster depicted Mr Michael Howard as a pig. "
        'Asked about it, he replied: "The idea is outrageous."',
        "The idea",
        "be",
        "blair",
        "howard",
        id="he-replied-is-not-a-man-only-depicted",
    ),
    pytest.param(
        'Acme Corp said sales rose. The award went to Mary Brown. "I am thrilled," she said.',
        "I",
        "be",
        "mary-brown",
        "",
        id="she-said-is-the-one-mentioned-when-no-woman-spoke",
    ),
    pytest.param(
        'Ian Fogg said the machine was good. "It is very much a computer," he said. One dissenting opinion came '
        'from Brian Gammage, vice-president of research at analysts Gartner. He said: "I do not think it '
        'changes the world."',
        "I",
        "think",
        "gammage",
        "fogg",
        id="he-said-is-one-brought-in-with-his-post",
    ),
    pytest.param(
        "Antony Townsden, his lawyer, told the BBC it was laughable. A spokesman for US Immigration, "
        "Customs and Enforcement, Dean Boyd, said money was no motive. He told the BBC News website: "
        '"They were just interested in the code."',
        "They",
        "be",
        "bbc",
        "townsden",
        id="he-told-is-the-one-in-apposition-to-a-subject",
    ),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "speaker", "not_speaker"), SPEAKERS)
def test_speaker(nlp: Any, text: str, subject: str, lemma: str, speaker: str, not_speaker: str) -> None:
    chain = find(statements(nlp, text), subject, lemma).attribution
    if speaker:
        assert chain and speaker in chain[0], chain
    else:
        assert chain == (), chain
    assert not (not_speaker and any(not_speaker in k for k in chain)), chain


def test_an_answer_has_no_speaker(nlp: Any) -> None:
    text = (
        'Bill Conti told the director: "I start cursing and screaming. "\'Oh no Bill, don\'t do anything," '
        "came the response."
    )
    found = statements(nlp, text)
    st = next(s for s in found if s.lemma == "do" and s.negated)
    assert st.attribution == (), st.attribution


def test_a_report_says_first_what_its_own_sentence_quotes(nlp: Any) -> None:
    # '“A. B,” X said.': (X, says, B), the quote's sentence of the report, then A
    from kg.extract.statements import extract_article
    from kg.models import Article
    from kg.rdf import extraction_quads, statement_iri

    text = '"She got mad a little bit. I played some great tennis," said Amelie Mauresmo.'
    x = extract_article(nlp(text), Article(id="t", text=text, date="2024-01-30"))
    said = find(list(x.statements), "Amelie Mauresmo", "say")
    played = find(list(x.statements), "I", "play")
    objects = [
        q.object.value
        for q in extraction_quads(x)
        if q.subject.value == str(statement_iri("t", said)) and q.predicate.value.endswith("#object")
    ]
    assert objects == [str(statement_iri("t", played))], objects
