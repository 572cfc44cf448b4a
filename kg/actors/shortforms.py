"""Short forms of an organisation's name inside one article (a part of rule 1 of coref.py).

News names an organisation in full once and then by a short form. Each rule compares
folded names (`names.fold`) and joins the short form to the one long name it can stand
for; with two candidates it stays apart:

- an acronym of the long name's words, with or without its function words and company
  suffixes: "BP" after "British Petroleum Company Plc", "KIIS" after "Kiev International
  Institute of Sociology"; a long name that has the acronym as a word of its own ("EC
  Commission") spells nothing. When two long names spell it ("European Community",
  "European Commission"), it is the one the article named first, if that came before
  the acronym: news spells a name out at its first mention and abbreviates it after;
- the head words of a company's name with a legal form: "Avon" after "Avon Products
  Inc", "VR Business" after "VR Business Brokers Inc", "Sainsbury" after "J. Sainsbury
  Plc" (never a lone organisation noun: "Bank" is not "Bank of Boston Corp"; nor when
  the other words name a place: "BP America Inc" is an arm of BP);
- the trailing words of a long name when they end with an organisation noun: "Bank
  Board" after "Federal Home Loan Bank Board", "Supreme Court" after "Pakistan Supreme
  Court" (not one word: "the Board" may be any board);
- the long name without a country before it: "Congress" after "U.S. Congress",
  "Treasury" after "U.S. Treasury" (never for an outlet: "the Times" is not always "the
  Irish Times");
- the long name without its last word when that word is "Department", "Ministry",
  "Party", "Service" or "Board": "Treasury" after "Treasury Department", "Labour" after
  "Labour Party", "US Customs" after "US Customs Service", "Federal Reserve" after
  "Federal Reserve Board" (not "Senate" for "Senate Committee": a committee is a part of
  the Senate, not the Senate; nor an organisation noun alone: "Bank" for "Bank Board").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .gazetteer import gazetteer
from .heads import COMPANY_HEADS, ORG_HEADS
from .names import FUNCTION_WORDS, fold, org_core

STOP_INITIALS = frozenset(["of", "and", "the", "for", "on", "in", "de", "to", "&"])
# Last words a long name may drop and stay the same body ("Treasury Department" = "Treasury").
DROPPABLE_HEADS = frozenset({"department", "ministry", "party", "service", "board"})


def initials(folded: str) -> set[str]:
    """The acronyms a folded long name can have.

    >>> sorted(initials("kiev international institute of sociology"))
    ['kiios', 'kiis']
    >>> sorted(initials("british petroleum company plc"))
    ['bp', 'bpcp']
    """
    words = folded.split()
    result = {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in STOP_INITIALS)}
    core = org_core(folded).split()
    if len(core) > 1:
        result.add("".join(w[0] for w in core))
    return result


def spelled_by(acronym: str, orgs: Iterable[str]) -> list[str]:
    """The folded long names whose initials the acronym spells ('ec' -> 'european community')."""
    a = acronym.lower()
    return [o for o in orgs if a in initials(o) and a not in o.split()]


def head_words_of(short: str, companies: Iterable[str]) -> list[str]:
    """The folded company names (with a legal form) that start with the folded short name.

    Not when the words after it name a place: "BP America Inc" is BP's American arm, no
    short form of "BP". A company's initials go too: "Sainsbury" is "J. Sainsbury Plc".
    """
    if short in ORG_HEADS or short in FUNCTION_WORDS:
        return []
    result = []
    for c in companies:
        core = org_core(c)
        if core == short:
            continue  # the company suffix rule's (clusters.py), not this one's
        if c.startswith(short + " ") and not _names_a_place(c[len(short) :].split()):
            result.append(c)
        elif " ".join(w for w in core.split() if len(w) > 1) == short and core.split()[0] != short:
            result.append(c)  # "J. Sainsbury Plc"
    return result


def _names_a_place(words: list[str]) -> bool:
    """True when some run of the folded words is a country, demonym or capital ('america', 'new zealand')."""
    places = _places()
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words) + 1)))
    return any(run in places for run in runs)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(fold(n) for names in (gaz.countries, gaz.demonyms, gaz.capitals) for n in names)


def trailing_words_of(short: str, orgs: Iterable[str]) -> list[str]:
    """The folded long names that end with the short name of two or more words, an organisation noun last."""
    words = short.split()
    if len(words) < 2 or words[-1] not in ORG_HEADS:
        return []
    return [o for o in orgs if o.endswith(" " + short)]


def of_a_country(short: str, orgs: Iterable[str]) -> list[str]:
    """The folded long names that are a country's (or its demonym's) name and the short name ('us congress')."""
    places = _places()
    return [o for o in orgs if o.endswith(" " + short) and o[: -len(short) - 1] in places]


def without_head_of(short: str, orgs: Iterable[str]) -> list[str]:
    """The folded long names that are the short name and a droppable head word ('treasury department')."""
    if short in DROPPABLE_HEADS | COMPANY_HEADS:
        return []  # "Bank" is no short form of "Bank Board"
    return [o for o in orgs if o.rsplit(" ", 1)[0] == short and o.rsplit(" ", 1)[-1] in DROPPABLE_HEADS]
