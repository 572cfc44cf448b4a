"""The sentences behind the page's edges and nodes, as compact arrays (articles and sentences stored once).

Subject and object are located in each sentence, as [start, end) offsets, from the stored
article offsets, else by finding their text; the page marks them without ever reading the
sentence as HTML.
"""

from __future__ import annotations

from typing import Any

from kg.overview import outlet, speaker


def as_text(value: object) -> str:
    return "" if value is None else str(value)


def as_strings(values: object) -> list[str]:
    """A value or a collection of values as sorted text."""
    if isinstance(values, str):
        return [values]
    if isinstance(values, list | tuple | set | frozenset):
        return sorted(str(v) for v in values)
    return []


def span(sentence: str, text: str, avoid: tuple[int, int] | None = None) -> list[int] | None:
    """[start, end) of ``text`` in ``sentence``: the first occurrence not overlapping ``avoid``.

    >>> span("Kyiv says Kyiv won", "Kyiv", avoid=(0, 4))
    [10, 14]
    """
    if not text or not sentence:
        return None
    for haystack, needle in ((sentence, text), (sentence.casefold(), text.casefold())):
        at = haystack.find(needle)
        while at >= 0:
            end = at + len(needle)
            if avoid is None or end <= avoid[0] or at >= avoid[1]:
                return [at, end]
            at = haystack.find(needle, at + 1)
    return None


def _offsets(sentence: str, found: object, origin: int, text: str) -> list[int] | None:
    """Article offsets made relative to the sentence, when they fall in it and hold ``text``."""
    if not isinstance(found, list | tuple) or len(found) != 2:
        return None
    start, end = int(found[0]) - origin, int(found[1]) - origin
    if not 0 <= start < end <= len(sentence) or (text and sentence[start:end] != text):
        return None
    return [start, end]


class Tables:
    """Articles and sentences are stored once and referred to by number."""

    def __init__(self) -> None:
        self.articles: dict[str, int] = {}
        self.article_rows: list[dict[str, str]] = []
        self.sentences: dict[str, int] = {}

    def article(self, item: dict[str, Any]) -> int:
        iri = as_text(item.get("article"))
        if iri not in self.articles:
            self.articles[iri] = len(self.article_rows)
            source = as_text(item.get("source"))
            self.article_rows.append(
                {"iri": iri, "title": as_text(item.get("title")), "date": as_text(item.get("date"))[:10],
                 "source": source, "outlet": outlet(source) if "://" in source else ""}
            )  # fmt: skip
        return self.articles[iri]

    def sentence(self, text: str) -> int:
        return self.sentences.setdefault(text, len(self.sentences))


EVIDENCE_FIELDS = (
    "article",
    "sentence",
    "status",
    "subject",
    "object",
    "surface",
    "hedge",
    "chain",
    "speaker",
    "confidence",
)
"""What each evidence array of the page holds, in order: article and sentence are numbers
into the page's tables, subject and object [start, end) offsets into the sentence."""


def evidence_rows(data: dict[str, Any], tables: Tables) -> list[list[Any]]:
    """Each sentence behind an edge or node of the page, as an array of EVIDENCE_FIELDS."""
    out: list[list[Any]] = []
    for item in data.get("evidence") or []:
        raw = as_text(item.get("sentence"))
        sentence = raw.strip()
        # offsets in the sentence as shown: the article offsets less where the sentence starts
        origin = (item.get("start") or 0) + len(raw) - len(raw.lstrip())
        subject = _offsets(sentence, item.get("subject_span"), origin, as_text(item.get("subject_text")))
        subject = subject or span(sentence, as_text(item.get("subject_text")))
        obj = _offsets(sentence, item.get("object_span"), origin, as_text(item.get("object_text")))
        obj = obj or span(sentence, as_text(item.get("object_text")), (subject[0], subject[1]) if subject else None)
        confidence = item.get("confidence")
        out.append(
            [
                tables.article(item),
                tables.sentence(sentence),
                as_text(item.get("status")) or "asserted",
                subject,
                obj,
                as_text(item.get("surface")),
                as_text(item.get("hedge")),
                as_text(item.get("source_chain")),
                speaker(item),
                round(float(confidence), 3) if isinstance(confidence, int | float) else None,
            ]
        )
    return out
