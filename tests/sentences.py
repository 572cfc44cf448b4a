"""Helpers for sentence-table tests: extract one text as an article, find a statement in it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.models import Article, Statement


def statements(nlp: Any, text: str, article_id: str = "t") -> list[Statement]:
    """The statements kg extracts from ``text`` as one article (dated 2024-01-30)."""
    from kg.extract.statements import extract_article

    return list(extract_article(nlp(text), Article(id=article_id, text=text, date="2024-01-30")).statements)


def lemma_triples(nlp: Any, text: str) -> set[tuple[str, str, str]]:
    """(subject, lemma, object) of every statement of ``text``; the object is "" when there is none."""
    return {(s.subject.text, s.lemma, s.object.text if s.object else "") for s in statements(nlp, text)}


def triple(s: Statement) -> tuple[str, str, str]:
    """(subject, relation as written, object) of a statement; the object is "" when there is none."""
    return (s.subject.text, s.relation, s.object.text if s.object else "")


def relation_triples(found: Iterable[Statement]) -> set[tuple[str, str, str]]:
    """:func:`triple` of every statement found."""
    return {triple(s) for s in found}


def find(found: list[Statement], subject: str, lemma: str) -> Statement:
    """The statement with this subject text whose lemma contains ``lemma``; fails the test if none."""
    for st in found:
        if st.subject.text == subject and lemma in st.lemma:
            return st
    raise AssertionError(f"no ({subject!r}, {lemma!r}) in {[(s.subject.text, s.lemma) for s in found]}")
