"""Parsing and extracting chunks: a long build must not keep every word it ever met."""

from __future__ import annotations

from typing import Any

from kg.articles import make_article
from kg.extract.statements import extract_article
from kg.models import Article
from kg.pipeline import PARSE_BATCH, PARSE_CHARS, chunks, extract_with, extractor_name

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


def _article(n: int, chars: int) -> Article:
    return make_article(f"Article {n} " + "x" * chars, title=f"A{n}", source=f"{n}.txt")


def test_chunks_hold_at_most_so_many_texts_and_characters() -> None:
    short = [_article(n, 100) for n in range(40)]
    assert [len(c) for c in chunks(short)] == [PARSE_BATCH, PARSE_BATCH, 40 - 2 * PARSE_BATCH]
    heavy = [_article(n, PARSE_CHARS // 3) for n in range(7)]  # three fill a chunk
    assert [len(c) for c in chunks(heavy)] == [2, 2, 2, 1]
    huge = [_article(0, 100), _article(1, 2 * PARSE_CHARS), _article(2, 100)]
    assert [[a.title for a in c] for c in chunks(huge)] == [["A0"], ["A1"], ["A2"]]  # a long text alone
    assert [a for c in chunks(heavy + short) for a in c] == heavy + short  # in order, nothing lost
