"""A description said of a named actor is no second actor (round 7's actor audit: 6 of its 14 splits).

"Nate Elliott is Jupiter analyst" and "said Ian Fogg, personal technology and broadband analyst at
Jupiter Research" describe one person; the role is a concept, never an AnonymousSource beside him,
and an apposition the parser coordinated with the name is no second speaker.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentences import statements

# (sentence, subject text, object text, the object's entity key prefix)
DESCRIPTIONS = [
    ("Nate Elliott is Jupiter analyst.", "Nate Elliott", "Jupiter analyst", "concept/"),
    ("Shelley Taylor is analyst of a report about online music services.", "Shelley Taylor", None, "concept/"),
    (
        "Avery Shenfeld, senior economist at CIBC World Markets, said rates would rise.",
        "Avery Shenfeld",
        None,
        "concept/",
    ),
]


@pytest.mark.parametrize(("text", "subject", "obj", "prefix"), DESCRIPTIONS, ids=["copula", "copula-of", "apposition"])
def test_a_description_of_a_named_actor_is_a_concept(
    nlp: Any, text: str, subject: str, obj: str | None, prefix: str
) -> None:
    found = [s for s in statements(nlp, text) if s.subject.text == subject and s.predicate == "isA"]
    assert found, [(s.subject.text, s.predicate, s.object and s.object.text) for s in statements(nlp, text)]
    st = found[0]
    assert st.object is not None and st.object.entity is not None and st.object.entity.startswith(prefix), st.object
    if obj is not None:
        assert st.object.text == obj


def test_an_unnamed_source_is_still_a_source(nlp: Any) -> None:
    """Trap: with no named actor to describe, "an analyst" speaks as an anonymous source."""
    st = next(
        s for s in statements(nlp, "An analyst at Jupiter Research said sales would rise.") if s.predicate == "says"
    )
    assert st.subject.entity is not None and st.subject.entity.startswith("anonymoussource/")


def test_an_apposition_coordinated_with_a_speaker_is_no_second_speaker(nlp: Any) -> None:
    text = (
        '"The different systems are a barrier," said Ian Fogg, personal technology and broadband analyst'
        " at Jupiter Research."
    )
    speakers = {s.subject.text for s in statements(nlp, text) if s.predicate == "says"}
    assert speakers == {"Ian Fogg"}


def test_named_speakers_in_a_list_each_speak(nlp: Any) -> None:
    """Trap: names coordinated after a comma are members ("Britain, France and Germany said")."""
    for text, names in (
        ("Britain, France and Germany said the plan would fail.", {"Britain", "France", "Germany"}),
        ("Mr Smith, Mr Brown and Mrs Lee said the plan would fail.", {"Mr Smith", "Mr Brown", "Mrs Lee"}),
    ):
        assert {s.subject.text for s in statements(nlp, text) if s.predicate == "says"} == names
