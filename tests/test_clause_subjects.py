"""Subjects and objects of clauses taken from the right noun (issue 10: wrong triples of judged round 6)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentences import lemma_triples as triples

# sentence, a triple that must be extracted, a triple that must not
ROWS = [
    pytest.param(
        "Daniela Hantuchova moved into the quarter-finals of the Dubai Open, after beating Elene Likhotseva "
        "of Russia 7-5 6-4, and now faces Serena Williams.",
        ("Daniela Hantuchova", "face", "Serena Williams"),
        ("Serena Williams", "face", ""),
        id="second-conjunct-keeps-subject-noun-after-verb-is-object",
    ),
    pytest.param(
        "They made the final stages again, in 2002, but this time lost out to the might of Sweden.",
        ("They", "lose out to", "the might of Sweden"),
        ("this time", "lose out to", "the might of Sweden"),
        id="second-conjunct-time-adverbial-is-no-subject",
    ),
    pytest.param(
        "Nadal, playing in the outdoor clay event for the first time, hit some powerful forehands to oust "
        "Starace in a match delayed over an hour by rain.",
        ("Nadal", "oust", "Starace"),
        ("some powerful forehands", "oust", "Starace"),
        id="purpose-infinitive-after-object-is-the-subjects",
    ),
    pytest.param(
        "The 10th seed equalled her best performance at a Grand Slam event when she beat unseeded Russian "
        "Nadia Petrova 6-3 6-2 to reach the fourth round.",
        ("she", "reach", "the fourth round"),
        ("unseeded Russian Nadia Petrova", "reach", "the fourth round"),
        id="purpose-infinitive-after-beaten-opponent",
    ),
    pytest.param(
        "The government has begun judicial proceedings to expropriate five private banks.",
        ("The government", "expropriate", "five private banks"),
        ("judicial proceedings", "expropriate", "five private banks"),
        id="purpose-infinitive-after-noun-object",
    ),
    pytest.param(
        "Director Quentin Tarantino is in talks to write and direct a new instalment in the Friday the 13th "
        "horror franchise, according to the Hollywood Reporter.",
        ("Director Quentin Tarantino", "be in talk to direct", "a new instalment"),
        ("talks to write", "direct", "a new instalment"),
        id="infinitive-of-a-copulas-state-is-the-subjects",
    ),
    pytest.param(
        "But he said Japanese traders were in a position to have an idea of the quantity he had sold.",
        ("Japanese traders", "be in position to have", "an idea of the quantity"),
        ("a position", "have", "an idea of the quantity"),
        id="in-a-position-to",
    ),
    pytest.param(
        '"We want to make the robots useful for people.',
        ("We", "want to make", "the robots useful for people"),
        ("We", "want to make", "the robots"),
        id="object-complement-adjective-stays-with-its-noun",
    ),
    pytest.param(
        "The RNID says the UK is lagging behind other countries which are already making relay services "
        "available at the cost of an ordinary phone call.",
        ("other countries", "make", "relay services available at the cost of an ordinary phone call"),
        ("other countries", "make", "relay services"),
        id="making-services-available",
    ),
    pytest.param(
        'Mr Shin-Bae Kim, chief executive of SK Telecom, said: "We have plans to integrate TV with mobile '
        'internet services."',
        ("We", "plan to integrate", "TV with mobile internet services"),
        ("We", "plan to integrate", "TV"),
        id="intended-acts-complement-preposition",
    ),
    pytest.param(
        "Tessa Jowell has announced plans to limit the number of new casinos in the UK to 24.",
        ("Tessa Jowell", "plan to limit", "the number of new casinos in the UK to 24"),
        ("Tessa Jowell", "plan to limit", "the number of new casinos in the UK"),
        id="intended-limit-to-a-figure",
    ),
    pytest.param(
        "That is according to an expert panel which gathered at the annual Consumer Electronics Show in Las Vegas "
        "to discuss how these new technologies will impact one of our favourite pastimes.",
        ("an expert panel", "discuss", "how these new technologies will impact one of our favourite pastimes"),
        ("an expert panel", "discuss", "these new technologies will impact one of our favourite pastimes"),
        id="question-word-of-a-clause-object-stays",
    ),
    pytest.param(
        '"I don\'t really know how it happened, but Phil will definitely be out of action for six weeks."',
        ("I", "know", "how it happened"),
        ("I", "know", "it happened"),
        id="know-how-it-happened",
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ROWS)
def test_clause_arguments(nlp: Any, text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str]) -> None:
    found = triples(nlp, text)
    assert wanted in found, sorted(found)
    assert unwanted not in found, sorted(found)
