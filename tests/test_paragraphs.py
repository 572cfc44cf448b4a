"""A blank line ends a sentence and a quote (issue 10, cause 7): the kg_paragraphs component of the pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from kg.models import Article, Statement
from kg.nlp import parse


@pytest.fixture(scope="session")
def model() -> Any:
    from kg.nlp import load_model

    return load_model()


def statements(model: Any, text: str) -> list[Statement]:
    from kg.extract.statements import extract_article

    (doc,) = parse(model, [text])
    return list(extract_article(doc, Article(id="t", text=text, date="2024-01-30")).statements)


def find(found: list[Statement], subject: str, lemma: str) -> Statement:
    for st in found:
        if st.subject.text == subject and st.lemma == lemma:
            return st
    raise AssertionError(f"no ({subject!r}, {lemma!r}) in {[(s.subject.text, s.lemma) for s in found]}")


def test_the_component_runs_before_the_parser(model: Any) -> None:
    names = model.pipe_names
    assert names.index("kg_paragraphs") < names.index("parser")
    doc = model("Tony Blair said the plan would work\n\nThe Tories said it would fail.")
    assert [s.text for s in doc.sents] == ["Tony Blair said the plan would work\n\n", "The Tories said it would fail."]


def test_a_paragraph_without_a_stop_ends_its_sentence(model: Any) -> None:
    found = statements(model, "Tony Blair said the plan would work\n\nThe Tories said it would fail.")
    blair = find(found, "Tony Blair", "say")
    assert blair.object is not None and blair.object.text == "the plan would work"
    tories = find(found, "The Tories", "say")
    assert tories.attribution == ()  # was Blair's: the next paragraph was inside his sentence
    assert all("\n\n" not in st.sentence for st in found)


def test_a_new_speaker_in_the_next_paragraph(model: Any) -> None:
    text = '"The scheme will cut crime," said Tony Blair.\n\n"Voters will reject it," Michael Howard said.'
    assert find(statements(model, text), "Voters", "reject").attribution == ("person/michael-howard",)


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(model: Any) -> None:
    text = '"The scheme will cut crime," said Tony Blair.\n\n"Voters want safer streets."'
    assert find(statements(model, text), "Voters", "want").attribution == ("person/tony-blair",)


# text, a sentence the doc must have: no sentence starts inside an abbreviated name ("S and P")
WHOLE_SENTENCES = [
    pytest.param(
        "Standard and Poor's Corp said it affirmed at A-1-plus commercial paper of Perkin-Elmer Corp.\n\n"
        "S and P cited expectations of the firm to show sustained long-term profit improvement.",
        "S and P cited expectations of the firm to show sustained long-term profit improvement.",
        id="initials-at-a-paragraph-start",
    ),
    pytest.param(
        "The deal was approved by AT and T shareholders on Monday. S and P said so.",
        "S and P said so.",
        id="initials-after-a-stop",
    ),
    pytest.param("He went home. And then it rained.", "And then it rained.", id="a-sentence-may-start-with-and"),
]


@pytest.mark.parametrize(("text", "sentence"), WHOLE_SENTENCES)
def test_no_sentence_starts_inside_initials(model: Any, text: str, sentence: str) -> None:
    sents = [s.text.strip() for s in model(text).sents]
    assert sentence in sents, sents
