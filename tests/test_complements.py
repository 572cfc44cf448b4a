"""Complements a statement needs, and clauses that say nothing (issue 10, causes 4 and 5)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentences import lemma_triples as triples
from tests.sentences import statements

Triple = tuple[str, str, str]


# sentence, a triple that must be extracted, a triple that must not
TABLE = [
    # a complement phrase right after the object completes it
    pytest.param(
        "During his speech Mr Allard took several swipes at the Playstation.",
        ("Mr Allard", "take", "several swipes at the Playstation"),
        ("Mr Allard", "take", "several swipes"),
        id="swipes-at-target",
    ),
    pytest.param(
        "Captain Jeremy Bates has touted Alex Bogdanovic and Andrew Murray as possible replacements for the veteran.",
        ("Captain Jeremy Bates", "tout", "Andrew Murray as possible replacements for the veteran"),
        ("Captain Jeremy Bates", "tout", "Andrew Murray"),
        id="tout-x-as-y-each-conjunct",
    ),
    pytest.param(
        "The Edinburgh-based firm CEC has married speech technology with ever-popular internet search.",
        ("The Edinburgh-based firm CEC", "marry", "speech technology with ever-popular internet search"),
        ("The Edinburgh-based firm CEC", "marry", "speech technology"),
        id="marry-x-with-y",
    ),
    pytest.param(
        "The company cited a net loss of 2.4 mln dlrs as a reason for the anticipated earnings drop.",
        ("The company", "cite", "a net loss of 2.4 mln dlrs as a reason for the anticipated earnings drop"),
        ("The company", "cite", "a net loss of 2.4 mln dlrs"),
        id="cite-x-as-reason",
    ),
    pytest.param(
        "The board named John Smith, a former banker, as chairman.",
        ("The board", "name", "John Smith as chairman"),
        ("The board", "name", "John Smith"),
        id="complement-after-an-apposition",
    ),
    pytest.param(
        "But natural-born toughness comes into it as well as all the practice you do.",
        ("natural-born toughness", "come into", "it"),
        ("natural-born toughness", "come into", "it as well as"),
        id="dangling-coordinator",
    ),
    # a set adverbial phrase, or a phrase that runs into another clause, is no complement
    pytest.param(
        "Plans to abolish 162 quangos have been unveiled by the Conservatives as part of their effort.",
        ("the Conservatives", "unveil", "Plans to abolish 162 quangos"),
        None,
        id="as-part-of-is-no-complement",
    ),
    pytest.param(
        "Iran currently has only one heavily congested mobile network, with long waiting lists for new subscribers.",
        ("Iran", "have", "only one heavily congested mobile network"),
        None,
        id="adjunct-set-off-by-a-comma",
    ),
    pytest.param(
        "The aircraft hit Mount Osutaka after a bulkhead separating the pressurised cabin from the unpressurised tail"
        " suddenly burst, fracturing key navigation systems.",
        ("a bulkhead", "separate", "the pressurised cabin from the unpressurised tail"),
        ("a bulkhead", "separate", "the pressurised cabin from the unpressurised tail suddenly burst, fracturing key"),
        id="complement-without-the-clause-it-runs-into",
    ),
    # a range is one object
    pytest.param(
        "Simon Fuller has seen his wealth plummet from 220 mln stg to 75 mln stg.",
        ("his wealth", "plummet from", "220 mln stg to 75 mln stg"),
        ("his wealth", "plummet from", "220 mln stg"),
        id="from-x-to-y-range",
    ),
    # the infinitive after an object completes it
    pytest.param(
        "The departure will require the White House to appoint a new chairman.",
        ("The departure", "require", "the White House to appoint a new chairman"),
        ("The departure", "require", "the White House"),
        id="require-x-to-do",
    ),
    pytest.param(
        "The firm used the money to buy shares.",
        ("The firm", "use", "the money"),
        None,
        id="purpose-infinitive-stays-out",
    ),
    # "between" takes a pair: one argument
    pytest.param(
        "Everybody hits the ball well and there's a very fine line between number one and number 100.",
        ("a very fine line", "be between", "number one and number 100"),
        ("a very fine line", "be between", "number one"),
        id="between-a-pair",
    ),
    pytest.param(
        "The foundation moved the building, in which Al Hendrix lived between 1953 and 1956, when the land it was"
        " built on was to be developed for housing in 2002.",
        ("Al Hendrix", "live between", "1953 and 1956"),
        None,
        id="between-a-pair-without-the-clause-after-it",
    ),
    # a time clause is nothing a copula is
    pytest.param(
        "Young, who beat two players ranked in the top 200 when he was just 14, was only 2-1 down in the first set"
        " before losing 10 of the next 13 games.",
        None,
        ("Young", "be before", "losing 10 of the next 13 games"),
        id="be-before-a-clause",
    ),
    # that a named place exists says nothing
    pytest.param(
        "There are 33 states, plus the U.S. Virgin Islands, classified as free of bovine tuberculosis.",
        ("33 states", "exist", ""),
        ("the U.S. Virgin Islands", "exist", ""),
        id="a-name-exists-says-nothing",
    ),
    pytest.param(
        "There were 500 workers at the Ford plant.",
        ("500 workers at the Ford plant", "exist", ""),
        None,
        id="workers-at-ford-exist",
    ),
    pytest.param(
        "Here in this constituency there is a New Labour stooge MP.",
        ("a New Labour stooge MP", "exist", ""),
        None,
        id="a-described-mp-exists",
    ),
    pytest.param(
        "There will be no singing and dancing Hobbits.",
        ("Hobbits", "exist", ""),
        None,
        id="no-hobbits-still-says-something",
    ),
    # a comment clause, a prefix cut at its hyphen, a bare modal and a bare birth say nothing
    pytest.param(
        "As anticipated, Canada's opposition parties signalled they intend to fight the new tax measures.",
        None,
        ("Canada's opposition parties", "anticipate", ""),
        id="as-anticipated-is-a-comment",
    ),
    pytest.param(
        "The company will re-open the plant.",
        ("The company", "open", "the plant"),
        ("The company", "re -", ""),
        id="prefix-is-no-verb",
    ),
    pytest.param("Children can't and they deserve to be protected.", None, ("Children", "can", ""), id="bare-modal"),
    pytest.param(
        "The man who epitomised the phrase before Lleyton Hewitt was even born is clear about the qualities.",
        None,
        ("Lleyton Hewitt", "bear", ""),
        id="bare-birth",
    ),
    # a birth is stated with its date
    pytest.param(
        "She has a daughter, Teja, who was born in March 2001.",
        ("a daughter", "bear in", "March 2001"),
        ("a daughter", "bear in", ""),
        id="born-in-date",
    ),
    pytest.param(
        "Born in January 1934, Rowlands won a scholarship.",
        ("Rowlands", "bear in", "January 1934"),
        None,
        id="born-participle-date",
    ),
    # it-clefts and expletive "it": "it" is not what the sentence is about
    pytest.param(
        "It was her next single, Superstar, that really put her back on the map.",
        ("next single Superstar", "put", "her"),
        ("It", "be", "next single Superstar"),
        id="it-cleft-focus-is-the-subject",
    ),
    pytest.param(
        "I think it is really difficult for Jason Robinson to lead the side.",
        ("Jason Robinson", "lead", "the side"),
        ("it", "be", "really difficult"),
        id="extraposed-infinitive-it-is-difficult",
    ),
    pytest.param(
        "He will join the team after it was confirmed he will play in the doubles.",
        ("he", "play in", "the doubles"),
        ("it", "confirm", "he will play in the doubles"),
        id="it-was-confirmed-confirms-nothing",
    ),
    # a participle that only picks out its noun says nothing
    pytest.param(
        "For many deaf people, especially those born deaf, BSL is a first and preferred means of communication.",
        None,
        ("especially those deaf", "bear", ""),
        id="those-born-deaf",
    ),
    pytest.param(
        "The study, which claims to be the most in-depth so far conducted, found 60% of women hold degrees.",
        None,
        ("The study", "conduct", ""),
        id="superlative-so-far-conducted",
    ),
    pytest.param(
        "Pollard said the surface had been speeded up since last year's tournament following complaints by players.",
        None,
        ("the surface", "follow", ""),
        id="following-is-a-preposition",
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), TABLE)
def test_triple(nlp: Any, text: str, wanted: Triple | None, unwanted: Triple | None) -> None:
    found = triples(nlp, text)
    assert wanted is None or wanted in found, sorted(found)
    assert unwanted is None or unwanted not in found, sorted(found)


# sentence, subject, lemma, the predicate the statement must have
SENSES = [
    pytest.param(
        "One way West Germany agreed to do this was making tax cuts.",
        "West Germany",
        "agree to do",
        "open:agree-to-do",
        id="agree-to-do-is-no-agreeing-with",
    ),
    pytest.param("But if I can help, I want to be part of it.", "I", "help", "open:help", id="help-nothing"),
    pytest.param(
        "Carlos Moya became the first man to successfully defend the Chennai Open title.",
        "the first man",
        "defend",
        "open:defend",
        id="defend-a-title-is-no-support",
    ),
    pytest.param("The US helped Ukraine.", "The US", "help", "supports", id="help-someone-supports"),
    pytest.param(
        "The BIL bid is higher than the 4.20 dlrs BIL said it would offer.",
        "it",
        "offer",
        "open:offer",
        id="offer-nothing",
    ),
    pytest.param("He will stay if the club wants.", "the club", "want", "open:want", id="want-nothing"),
    pytest.param("The board offered 3.50 dlrs a share.", "The board", "offer", "offers", id="offer-a-figure"),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "predicate"), SENSES)
def test_sense(nlp: Any, text: str, subject: str, lemma: str, predicate: str) -> None:
    found = {(s.subject.text, s.lemma): s.predicate for s in statements(nlp, text)}
    assert found.get((subject, lemma)) == predicate, found
