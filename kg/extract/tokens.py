"""Per-doc token tables, built once and shared by the rules.

``doc[i]`` makes a new Token object on every call, and ``token.head`` another: the rules
ask for the same tokens and heads millions of times per corpus. These lists hold one Token
per position and each token's head index, kept in ``doc.user_data`` (freed with the doc).
"""

from __future__ import annotations

from typing import Any

_TOKENS = "kg.tokens"
_HEADS = "kg.heads"


def doc_tokens(doc: Any) -> list[Any]:
    """doc's tokens, position by position (the same Token objects on every call)."""
    found = doc.user_data.get(_TOKENS)
    if found is None:
        found = doc.user_data[_TOKENS] = list(doc)
    return found  # type: ignore[no-any-return]


def doc_heads(doc: Any) -> list[int]:
    """The index of each token's syntactic head (a root is its own head)."""
    found = doc.user_data.get(_HEADS)
    if found is None:
        found = doc.user_data[_HEADS] = [token.head.i for token in doc_tokens(doc)]
    return found  # type: ignore[no-any-return]


def span_tokens(span: Any) -> list[Any]:
    """The tokens of a span (a sentence), from the doc's table: no new Token objects."""
    return doc_tokens(span.doc)[span.start : span.end]
