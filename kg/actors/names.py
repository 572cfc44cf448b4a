"""Name text: strip articles, possessives and honorifics; fold spelling variants into one key.

Pure string helpers, shared by entity extraction, coreference and cross-article resolution.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LEADING_WORDS = frozenset(["the", "a", "an"])
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
# Honorifics and the gender they tell ("" when they tell none).
HONORIFICS = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "lady": "f", "dame": "f", "baroness": "f",
    "dr": "", "dr.": "", "prof": "", "prof.": "",
}  # fmt: skip
_VARIANT_ENDING = re.compile(r"(?<=[a-z]{3})(iy|yy|yi|ii|ij)\b")


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """Strip a leading article and a trailing possessive from a name.

    >>> clean_name("the Financial Times's")
    'Financial Times'
    """
    words = text.split()
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    name = " ".join(words)
    for ending in POSSESSIVE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    return name.strip(" -–—,.;:\"“”'‘’()")


def strip_honorific(name: str) -> tuple[str, str]:
    """A person's name without a leading honorific, and the gender it tells.

    >>> strip_honorific("Mrs Blair")
    ('Blair', 'f')
    """
    words = name.split()
    if len(words) > 1 and words[0].lower() in HONORIFICS:
        return " ".join(words[1:]), HONORIFICS[words[0].lower()]
    return name, ""


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A name folded so that spelling variants compare equal.

    >>> fold_name("Volodymyr Zelenskyy's")
    'volodymyr zelensky'
    """
    text = unicodedata.normalize("NFKD", clean_name(name)).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9&]+", " ", text).strip()
    return _VARIANT_ENDING.sub("y", text)
