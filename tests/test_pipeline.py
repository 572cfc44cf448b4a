"""Parsing and extracting chunks: a long build must not keep every word it ever met."""

from __future__ import annotations

from typing import Any

from kg.articles import make_article
from kg.extract.statements import extract_article
from kg.pipeline import extract_with, extractor_name

# Words no English vocabulary holds, so that parsing them would add strings for good.
TEXT = (
    "Zorbuvian Holdings said on Tuesday that its chief, Quelvander Strimmock, had bought "
    "Plaxitronic for 40 million dollars. Strimmock told reporters the Vendrassi deal was done."
)


def test_a_chunk_leaves_the_vocabulary_as_it_was(nlp: Any) -> None:
    article = make_article(TEXT, title="Zorbuvian buys Plaxitronic", source="t.txt")
    strings = len(nlp.vocab.strings)
    [x] = extract_with(nlp, [article])
    assert len(nlp.vocab.strings) == strings  # the chunk's new words are dropped again
    assert "Quelvander" not in nlp.vocab.strings
    assert any("Strimmock" in e.label for e in x.entities)


def test_a_chunk_extracts_what_the_article_alone_gives(nlp: Any) -> None:
    text = TEXT.replace("Quelvander", "Ostrivane").replace("Zorbuvian", "Mendraxi")  # words of its own
    article = make_article(text, title="Mendraxi buys Plaxitronic", source="u.txt")
    [zoned] = extract_with(nlp, [article])
    alone = extract_article(nlp(article.text), article, extractor=extractor_name(nlp))
    assert zoned == alone
    assert zoned.statements
