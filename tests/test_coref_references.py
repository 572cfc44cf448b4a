"""References to people the article names: surnames the NER missed, role references, pronouns.

Sentence tables; each row failed before its rule (issue 11, cause 2; issue 10, cause 2).
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.actors.coref import EntityIndex, find_entities


def _index(nlp: Any, text: str) -> tuple[Any, EntityIndex]:
    doc = nlp(text)
    return doc, find_entities(doc)


def _token(doc: Any, word: str, nth: int = 0) -> Any:
    return [t for t in doc if t.text == word][nth]


# text, a word the NER leaves untyped, its nth occurrence, the key it must name (None: none)
SURNAMES = [
    pytest.param(
        "Lleyton Hewitt won in Sydney last week. Hewitt went into the final as a short-priced favourite.",
        "Hewitt",
        1,
        "person/lleyton-hewitt",
        id="sentence-initial-surname-joins-the-full-name",
    ),
    pytest.param(
        'Chrissie Hynde sang at the concert. "We are a tribute band," said Hynde, 53.',
        "Hynde",
        1,
        "person/chrissie-hynde",
        id="surname-after-said",
    ),
    pytest.param(
        "Maria von Trapp wrote a book. The musical is based on the true story of the von Trapp family.",
        "Trapp",
        1,
        None,
        id="trap-a-word-inside-a-longer-name",
    ),
    pytest.param(
        "Lleyton Hewitt and Jane Hewitt won in Sydney last week. "
        "Hewitt went into the final as a short-priced favourite.",
        "Hewitt",
        2,
        None,
        id="trap-two-people-with-the-surname",
    ),
]


@pytest.mark.parametrize("text,word,nth,key", SURNAMES)
def test_surnames_the_ner_missed(nlp: Any, text: str, word: str, nth: int, key: str | None) -> None:
    doc, index = _index(nlp, text)
    token = _token(doc, word, nth)
    assert token.ent_type_ == ""  # the row tests the rule, not the NER
    assert index.by_token.get(token.i) == key


def test_a_pronoun_after_a_surname_the_ner_missed(nlp: Any) -> None:
    """Round 3, row 13: '... get Tarantino to direct an episode, and added that he was a fan'."""
    text = (
        "Film director Quentin Tarantino is to direct an episode of CSI. "
        "Ms Mendelsohn said the production team had been trying for a while to get Tarantino to direct "
        "an episode of CSI, and added that he was a fan of the forensic drama."
    )
    doc, index = _index(nlp, text)
    he = _token(doc, "he")
    assert index.by_token.get(index.antecedents.get(he.i, -1)) == "person/quentin-tarantino"
