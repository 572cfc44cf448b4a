"""A gerund after a preposition of a done act is a clause of its own, with the doer its verb names
(issue 10, cause 2: clauses dropped): "apologise for likening X to Y" (the one apologising likens),
"praised ministers for reaching it" (the ministers reach it). A goal, a negation or a noun's infinitive
gives no such clause.
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest import param

from .sentences import lemma_triples

DONE = [
    param(
        "Mr Blair repeated calls for the mayor to apologise for likening the reporter to a concentration camp guard.",
        ("the mayor", "liken", "the reporter to a concentration camp guard"),
        id="apologise-for-subject-does-it",
    ),
    param(
        "The National Audit Office praised ministers for reaching the benchmark of 750,000 adults.",
        ("ministers", "reach", "the benchmark of 750,000 adults"),
        id="praised-for-object-does-it",
    ),
    param("After winning the title, Federer thanked the crowd.", ("Federer", "win", "the title"), id="after"),
    param("He was jailed for killing his wife.", ("He", "kill", "his wife"), id="passive-subject-does-it"),
    param(
        "The company reduced costs by closing three plants.", ("The company", "close", "three plants"), id="by-means"
    ),
    param(
        "Rosneft is already in the process of merging with Gazprom.",
        ("Rosneft", "merge with", "Gazprom"),
        id="in-the-process-of",
    ),
]

# sentence, the lemma no statement may have
NOT_DONE = [
    param("Labour called for scrapping the tax.", "scrap", id="for-a-goal"),
    param("He left without saying goodbye.", "say", id="without"),
    param(
        "After needing five sets in his last two matches there was reason to think Hewitt might struggle.",
        "need",
        id="existential-host",
    ),
    param("The board barred him from standing for election.", "stand", id="from"),
    param("The Archbishop urged them not to fight the election by exploiting people's fears.", "exploit", id="negated"),
    param(
        "Yukos's attempts to block the auction by filing for bankruptcy protection failed.",
        "file for",
        id="a-nouns-infinitive",
    ),
]


@pytest.mark.parametrize(("text", "triple"), DONE)
def test_gerund_of_a_done_act_is_a_clause(nlp: Any, text: str, triple: tuple[str, str, str]) -> None:
    found = lemma_triples(nlp, text)
    assert triple in found, sorted(found)


@pytest.mark.parametrize(("text", "lemma"), NOT_DONE)
def test_gerund_of_an_act_not_done_is_no_clause(nlp: Any, text: str, lemma: str) -> None:
    found = lemma_triples(nlp, text)
    assert not any(t[1] == lemma for t in found), sorted(found)
