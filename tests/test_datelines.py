"""Reuters datelines: read by the loader as the article's place, never the subject of its first sentence."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from kg.articles import read_articles
from kg.datelines import split_dateline
from kg.models import PLACE, Extraction
from kg.rdf import extraction_quads
from kg.terms import as_rdflib
from kg.vocab import KG, article_iri, entity_iri

BODY = (
    "LONDON, March 3 - Rolls Royce is seeking a credit line of 500 mln stg, bankers said.\n\n"
    "The company said it would use the money for general purposes."
)


@pytest.mark.parametrize(
    ("text", "place", "rest"),
    [
        ("LONDON, March 3 - Rolls Royce is seeking", "London", "Rolls Royce is seeking"),
        ("NEW YORK, MARCH 17 - Exxon Corp said", "New York", "Exxon Corp said"),
        ("ABHA, Saudi Arabia, March 16 - Finance Minister", "Abha", "Finance Minister"),
        ("OAKLAND , N.J., March 2 - Diagnostic Retrieval", "Oakland", "Diagnostic Retrieval"),
        ("CHICAGO, March 4, - South Korea's record", "Chicago", "South Korea's record"),
        ("AMSTERDAM, 2 March - The Dutch Central Bank", "Amsterdam", "The Dutch Central Bank"),
        ("New York, April 24 - Henley Group said", "New York", "Henley Group said"),
        ("RIO DE JANEIRO, APRIL 7 - Brokers reported", "Rio De Janeiro", "Brokers reported"),
        # no dateline: left alone
        ("Ministers met in London on March 3 - and agreed.", None, "Ministers met in London on March 3 - and agreed."),
        ("Blair said, March 3 was a good day.", None, "Blair said, March 3 was a good day."),
        ("WHEAT - No Two Soft Red Winter", None, "WHEAT - No Two Soft Red Winter"),
    ],
)
def test_split_dateline(text: str, place: str | None, rest: str) -> None:
    assert split_dateline(text) == (place, rest)


def test_loader_reads_the_dateline_and_keeps_the_id(tmp_path: Path) -> None:
    path = tmp_path / "reuters-00001.txt"
    path.write_text(f"date 1987-03-03 ROLLS ROYCE SEEKS CREDIT\n\n{BODY}\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert article.dateline == "London"
    assert article.text.startswith("Rolls Royce is seeking")
    # the id is the hash of the text as written, so articles stored before keep their ids
    assert article.id == hashlib.sha256(BODY.encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def extraction(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    from kg.extract.statements import extract_article
    from kg.nlp import load_model

    path = tmp_path_factory.mktemp("dateline") / "reuters-00002.txt"
    path.write_text(f"date 1987-03-03 ROLLS ROYCE SEEKS CREDIT\n\n{BODY}\n", encoding="utf-8")
    (article,) = read_articles(path)
    nlp: Any = load_model()
    return extract_article(nlp(article.text), article)


def test_the_dateline_is_no_subject(extraction: Extraction) -> None:
    subjects = {st.subject.text for st in extraction.statements}
    assert "LONDON" not in subjects and "London" not in subjects
    seek = next(st for st in extraction.statements if st.lemma == "seek")
    assert seek.subject.text == "Rolls Royce"
    assert not any("LONDON" in st.sentence for st in extraction.statements)


def test_the_dateline_is_a_place_on_the_article(extraction: Extraction) -> None:
    quads = {as_rdflib(q) for q in extraction_quads(extraction)}
    place = entity_iri("place/london")
    graph = article_iri(extraction.article.id)
    assert (graph, KG.dateline, place, graph) in quads
    assert any(s == place and o == KG[PLACE] for s, _, o, _ in quads)
