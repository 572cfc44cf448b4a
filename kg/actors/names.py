"""Name text: strip articles, possessives, honorifics and markup; fold variants into one key.

Pure string helpers, shared by mentions, coreference, cross-article resolution and every
lookup of an actor by name. Two keys:

- `fold_name`: the key an entity's IRI is made from (case, accents, -iy/-yy endings).
- `fold`: the looser key names are compared by, in merges and in lookups: also dotted
  abbreviations (U.S. = US), known transliteration variants of first names (Volodymyr =
  Vladimir, Sergei = Sergey, Aleksandr = Alexander ...) and -skyy/-skiy/-skyi = -sky.
  `org_core` adds, for organisations, the company suffixes and function words
  (American Express Co = American Express, Economic and Social Research Council =
  Economic Social Research Council).
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
# British style: a knight or dame goes by the first name ("Sir Alan" is Sir Alan Parker, "Dame Judi" Judi Dench).
FIRST_NAME_HONORIFICS = frozenset({"sir", "dame"})
# Titles that stay part of a person's name ("King Fahd", "Pope Francis") and the gender they tell.
ROYAL_TITLES = {
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "sheikh": "m", "emir": "m", "pope": "m",
    "sultan": "m", "crown": "",
}  # fmt: skip
_VARIANT_ENDING = re.compile(r"(?<=[a-z]{3})(iy|yy|yi|ii|ij)\b")
# Reuters ticker marks ("<MNRA.S>", "<DJ>") and stray angle brackets of markup.
_MARKUP = re.compile(r"<[^<>\s]{0,12}>|[<>]")
# A dateline date stuck to the front of a name: "April 1 CTC Dealer Holdings", "March 3 - Senate".
_DATELINE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b[\s,\-–—]*", re.IGNORECASE
)
# Match scores after a player's name: "Rafael Nadal 6-2 6-7 (3/7)".
_SCORES = re.compile(r"\s+\(?\d{1,2}[-/]\d{1,2}\)?(?:\s+\(?\d{1,2}(?:[-/]\d{1,2})?\)?)*$")
# A spaced dash and lower-case words after a name are no part of it: "John Sankus - known".
_DASH_TAIL = re.compile(r"\s+[-–—]+\s+[a-z].*$")
_INITIALS = re.compile(r"\b([a-z])(?: (?=[a-z]\b))")
# Transliterations of one first name (after folding), to the spelling the key uses.
TRANSLITERATIONS = {
    "volodymyr": "vladimir", "wladimir": "vladimir", "vladimyr": "vladimir",
    "oleksandr": "alexander", "aleksandr": "alexander", "alexandr": "alexander", "oleksander": "alexander",
    "aleksander": "alexander", "sergei": "sergey", "serhiy": "sergey", "serhy": "sergey", "sergiy": "sergey",
    "sergy": "sergey", "dmitri": "dmitry", "dmytro": "dmitry", "dimitri": "dmitry", "andrei": "andrey",
    "andriy": "andrey", "andry": "andrey", "mykhailo": "mikhail", "mykhaylo": "mikhail", "yury": "yuri",
    "yuriy": "yuri", "yurii": "yuri", "iurii": "yuri", "oleksiy": "alexey", "oleksii": "alexey",
    "alexei": "alexey", "aleksei": "alexey", "aleksey": "alexey", "nikolai": "nikolay", "mykola": "nikolay",
    "evgeny": "yevgeny", "evgeni": "yevgeny", "yevgeni": "yevgeny", "yevhen": "yevgeny", "arseniy": "arseny",
    "petro": "pyotr", "petr": "pyotr", "vitali": "vitaly", "valeri": "valery", "anatoli": "anatoly",
    "mikheil": "mikhail", "maksim": "maxim", "maksym": "maxim", "ihor": "igor", "yulia": "yuliya",
    "iulia": "yuliya", "tatiana": "tatyana", "natalia": "natalya", "mohammed": "muhammad",
    "mohammad": "muhammad", "mohamed": "muhammad", "muhammed": "muhammad", "mohamad": "muhammad",
}  # fmt: skip
# Legal forms of companies, dropped when organisation names are compared (never from a label).
COMPANY_SUFFIXES = frozenset(
    {"co", "company", "inc", "incorporated", "corp", "corporation", "ltd", "limited", "plc", "holdings",
     "holding", "group", "ag", "sa", "nv", "llc", "gmbh", "spa", "bv", "ab", "asa", "lp", "llp", "pty", "bhd"}
)  # fmt: skip
FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "&"})
# Lower-case words inside a person's name: "Daniel arap Moi", "Ludwig van Beethoven", "Osama bin Laden".
NAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "bin", "ibn", "al", "la", "le", "du", "di", "del", "dos", "das", "arap"}
)  # fmt: skip
# A name ending with one of these is an amount ("one billion U.S. Dlrs"), no actor.
CURRENCY_WORDS = frozenset({"dlrs", "dollars", "dollar", "stg", "yen", "francs", "marks", "cents", "lire", "pesos"})


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """Strip a leading article, a trailing possessive, ticker marks and a dateline date from a name.

    >>> clean_name("the Financial Times's")
    'Financial Times'
    >>> clean_name("April 1 Canadian Tire Corp Ltd <CTC.TO>")
    'Canadian Tire Corp Ltd'
    """
    words = text.split()
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    name = _DATELINE.sub("", _MARKUP.sub(" ", " ".join(words))).strip()
    name = _DASH_TAIL.sub("", _SCORES.sub("", name))
    if " " in name:  # a nickname in quotes: 'Burkhard "Bobby" Junger'
        name = re.sub(r'(?<=\w)["“”]|["“”](?=\w)', "", name)
    name = " ".join(name.split())
    for ending in POSSESSIVE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    name = name.strip(" -–—,.;:\"“”'‘’")
    if name.startswith("(") and name.endswith(")"):
        name = name[1:-1]
    return _balanced(name).strip(" -–—,.;:\"“”'‘’")


def _balanced(name: str) -> str:
    """A name cut at a bracket it does not close: the NER took in a piece of the name before.

    "Den Norske Stats Oljeselskap A/S (Statoil)" gave the span "/S (Statoil": the words before an
    unclosed "(" are kept when they hold a word of two letters or more, else the words after it.

    >>> _balanced("/S (Statoil"), _balanced("Kiev Institute of Sociology (KIIS"), _balanced("Statoil) said")
    ('Statoil', 'Kiev Institute of Sociology', 'Statoil')
    """
    if name.count("(") > name.count(")"):
        at = name.rfind("(")
        before = name[:at]
        return before.rstrip() if re.search(r"[^\W\d_]{2}", before) else name[at + 1 :]
    if name.count(")") > name.count("("):
        return name[: name.find(")")]
    return name


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


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The key names are compared by: `fold_name`, dotted abbreviations and transliterations folded.

    >>> fold("Volodymyr Zelenskyy") == fold("Vladimir Zelenskiy") == fold("vladimir zelensky")
    True
    >>> fold("U.S.") == fold("US")
    True
    """
    text = _INITIALS.sub(r"\1", fold_name(name))
    return " ".join(TRANSLITERATIONS.get(w, w) for w in text.split())


@lru_cache(maxsize=65536)
def org_core(name: str) -> str:
    """An organisation's name compared without company suffixes and function words.

    >>> org_core("Canadian Tire Corp Ltd") == org_core("Canadian Tire")
    True
    >>> org_core("Economic and Social Research Council")
    'economic social research council'
    """
    words = [w for w in fold(name).split() if w not in FUNCTION_WORDS]
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


def has_company_suffix(name: str) -> bool:
    """True when the name ends with a legal form ("Monier Ltd", "Volkswagen AG")."""
    words = fold_name(name).split()
    return len(words) > 1 and words[-1] in COMPANY_SUFFIXES - {"group", "company", "holdings", "holding"}
