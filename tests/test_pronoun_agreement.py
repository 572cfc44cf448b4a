"""Pronouns that went to a nearby name of the wrong kind (round 6's actor audit): each row failed before."""

from __future__ import annotations

from typing import Any

import pytest

from kg.actors.coref import find_entities

# text, the pronoun (its first occurrence), the word its antecedent must be (None: unresolved)
ROWS = [
    pytest.param(
        "Apple said buyers may find it odd to have something so small next to a monitor.",
        "it",
        None,
        id="trap-it-of-an-adjective-completed-by-a-to-clause",
    ),
    pytest.param(
        "The UK government said ministers found it hard to believe that prices had risen.",
        "it",
        None,
        id="trap-it-of-an-adjective-completed-by-a-that-clause",
    ),
    pytest.param(
        "Apple said it found the machine hard to sell.", "it", "Apple", id="it-the-subject-of-a-verb-still-refers"
    ),
    pytest.param(
        "IBM makes chips. If Cell is to challenge Intel's range of chips, it will need to find itself inside PCs.",
        "it",
        None,
        id="trap-it-after-a-subject-that-names-a-thing",
    ),
    pytest.param(
        "IBM makes chips. If sales grow, it will hire more staff.",
        "it",
        "IBM",
        id="it-after-a-common-noun-subject-still-refers",
    ),
    pytest.param(
        "These set-top boxes allow people to record programmes when they want. "
        "They are also being built into high-definition TV sets.",
        "They",
        None,
        id="trap-they-after-a-plural-subject-that-is-no-source",
    ),
    pytest.param(
        "Ray Charles recorded many hits. His version of Don Gibson's song topped the charts in the US. "
        "In 1972, he made a rare foray into protest songs.",
        "he",
        "Charles",
        id="he-is-whom-the-sentence-before-called-his-not-a-name-in-it",
    ),
    pytest.param(
        "Serena Williams won the title in 2003. Her serve against Maria Sharapova was the key on Saturday. "
        "She will play again in May.",
        "She",
        "Williams",
        id="she-is-whom-the-sentence-before-called-her",
    ),
    pytest.param(
        "Peter Jackson spoke first. The award went to Tom Hanks, the director of a film about John Lennon. "
        "He said the film had been hard to make.",
        "He",
        "Hanks",
        id="he-is-the-person-described-not-a-name-in-the-description",
    ),
    pytest.param(
        "Ray Charles was a legend. His influence reached singers such as Tom Jones, with whom he recorded a duet.",
        "he",
        "Charles",
        id="he-is-not-the-noun-its-relative-clause-modifies",
    ),
    pytest.param(
        "Mr Digney said the studio had been used by Charles for many years, and was where he recorded his last album.",
        "he",
        "Charles",
        id="he-is-the-agent-of-the-governing-passive",
    ),
    pytest.param(
        "Tom Smith is set to run the trial. There is no timetable for this. Cable firms are, according to "
        'an ntl spokesman, in a better position. "Will 8Mbps be enough?" he asked.',
        "he",
        None,
        id="trap-he-after-an-unnamed-spokesman-is-not-the-one-named-before",
    ),
    pytest.param(
        "Ray Charles was a legend. He met Tom Jones, who said he was tired.",
        "he",
        "Jones",
        id="he-under-who-said-is-still-the-noun-who-stands-for",
    ),
]


@pytest.mark.parametrize("text,pronoun,antecedent", ROWS)
def test_pronoun_agreement(nlp: Any, text: str, pronoun: str, antecedent: str | None) -> None:
    doc = nlp(text)
    index = find_entities(doc)
    token = next(t for t in doc if t.text == pronoun)
    found = index.antecedents.get(token.i)
    assert (None if found is None else doc[found].text) == antecedent
