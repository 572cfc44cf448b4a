"""The table-driven attribute ruler and lemmatizer give spaCy's own annotations, token for token."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from kg.annotators import TabledLemmatizer, TabledRuler, use_tables
from kg.articles import find_files, read_articles
from tests.conftest import ARTICLES, SEEDS

# The attribute ruler's longer and dependency patterns, and lemmas it sets itself.
SENTENCES = [
    "I ain't gonna let's go, y'all.",
    "C'mon, you gotta see it: there is a dog and there are two cats.",
    "He gets it, she got it, and I did it because you had to.",
    "But it was over; but for the rain, which fell, they would have won.",
    "Do you know what that is?  It is what it is.\n\nNo-one saw that, and all those who did left.",
]


@pytest.fixture(scope="module")
def stock() -> Any:
    """The same model and kg's paragraph component, with spaCy's own two components."""
    import spacy

    from kg.extract.paragraphs import add_paragraph_breaks
    from kg.nlp import default_model_name

    model = spacy.load(default_model_name())
    add_paragraph_breaks(model)
    return model


def _texts() -> list[str]:
    folders = [ARTICLES] + ([SEEDS] if SEEDS.is_dir() else [])
    return SENTENCES + [a.text for f in find_files(folders) for a in read_articles(f)]


def _annotations(doc: Any) -> tuple[list[list[int]], list[str]]:
    return doc.to_array([ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]).tolist(), [str(t.morph) for t in doc]


def test_kg_pipeline_swaps_in_the_tables(nlp: Any) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), TabledRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), TabledLemmatizer)
    assert nlp.pipe_names == ["tok2vec", "tagger", "kg_paragraphs", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_same_annotations_as_spacy(nlp: Any, stock: Any) -> None:
    texts = _texts()
    assert len(texts) > len(SENTENCES)
    for text, ours, theirs in zip(texts, nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert _annotations(ours) == _annotations(theirs), text[:80]


def test_longer_patterns_apply(nlp: Any) -> None:
    doc = nlp("I ain't gonna stop. There is a queue.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["ai"], lemmas["gon"], lemmas["na"]) == ("be", "go", "to")
    assert next(t for t in doc if t.text == "is").pos_ == "VERB"  # after an expletive "There"


def test_unsupported_patterns_keep_spacys_component() -> None:
    import spacy

    model = spacy.blank("en")
    ruler = model.add_pipe("attribute_ruler")
    ruler.add([[{"POS": "NOUN"}]], {"LEMMA": "thing"})  # POS is not among the tabled fields
    use_tables(model)
    assert model.get_pipe("attribute_ruler") is ruler


def test_tables_survive_pickling(nlp: Any) -> None:
    """spaCy's worker processes receive the components pickled."""
    ruler = pickle.loads(pickle.dumps(nlp.get_pipe("attribute_ruler")))
    assert isinstance(ruler, TabledRuler) and ruler.attrs == nlp.get_pipe("attribute_ruler").attrs


def test_lemmas_outlive_a_memory_zone(nlp: Any) -> None:
    """kg parses each batch in a memory zone, which drops the strings added inside it."""
    text = "The zorblaxes were quibbling over the flurgs."
    with nlp.memory_zone():
        first = [t.lemma_ for t in nlp(text)]
    with nlp.memory_zone():
        again = [t.lemma_ for t in nlp(text)]
    assert again == first and "zorblax" in first[1]
