"""Rule 3c of coreference (see coref.py): an epithet subject is the one person just spoken of.

News style names a person, then goes on with an epithet as the next subject: "Olympic
champion Justine Henin-Hardenne will return ... The Belgian has not competed since losing
her top ranking"; "Hollywood legend Dustin Hoffman has hit out ... The 67-year-old also
said he stopped working". An epithet is a definite subject with no complement of its own:
a demonym ("the Belgian", "the Briton"), an age ("the 67-year-old") or a noun from EPITHETS
("the star", "the 10th seed"). It is the person who is the subject of the sentence before
when that sentence names no other person, and nothing in the epithet's own sentence comes
before it; a demonym must fit the person's country and an age ("the 25-year-old", "the
teenager") the person's age when the article tells them. With two people in the sentence
before ("Federer beat Hewitt. The Australian ..."), or none, it is left alone, unless what
the article tells settles it: the subject is the one whose country or age it states and
fits ("The 18-year-old Mirza ... Mirza made little impact on Williams. But the teenager"),
or every other person there has another country or age ("Moya beat Thai second seed
Srichaphan. The Spaniard"). People named inside the quotes of the sentence before count,
and so does a sentence wholly in quotes between (skipped) that names a person or says he
or she ("Jonny's not fit yet," Andrew said. "He won't be fit ..." The 25-year-old: not
Andrew). Office nouns ("the spokesman", "the director") are never epithets: roles.py
links them only to a person given that role.
"""

from __future__ import annotations

from typing import Any

from ..extract.sentences import sentence_of
from ..models import PERSON
from .clusters import Cluster
from .gazetteer import entity_key, gazetteer
from .quotes import quote_of, quote_sentences_only

# Nouns news uses for a person just named, other than roles (see module docstring).
EPITHETS = frozenset(
    {"star", "champion", "seed", "veteran", "youngster", "teenager", "legend", "holder", "favourite", "favorite"}
)  # fmt: skip
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "the teenager": the ages it stands for.
AGE_NOUNS = {"teenager": range(13, 20)}
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "hers"})
# Children an epithet may have: "the 10th seed", "the former world number one".
PLAIN_DEPS = frozenset({"det", "amod", "compound", "nummod", "punct", "advmod", "npadvmod"})


def epithet_references(doc: Any, by_token: dict[int, str], by_key: dict[str, Cluster]) -> dict[int, str]:
    """Epithet subject token -> the key of the person it stands for (see the module docstring)."""
    result: dict[int, str] = {}
    inside = quote_of(doc)
    for tok in doc:
        if tok.i in by_token or tok.i in inside or tok.dep_ not in SUBJECT_DEPS:
            continue
        if not _epithet(doc, tok):
            continue
        sent = sentence_of(doc, tok.i)
        if any(t.i in by_token or t.i in result or t.pos_ == "PRON" for t in doc[sent.start : tok.i]):
            continue  # "Henman beat Nalbandian and the Briton ...": not the sentence's first mention
        key = _previous_subject(doc, sent, _Fit(doc, tok, by_token, by_key), by_token, by_key, result, inside)
        if key is not None:
            result[tok.i] = key
    return result


class _Fit:
    """What the article tells of each person against what an epithet says: a country, an age."""

    def __init__(self, doc: Any, tok: Any, by_token: dict[int, str], by_key: dict[str, Cluster]) -> None:
        country = gazetteer().demonyms.get(tok.lower_)
        self.country = entity_key("Country", country) if country else None
        self.ages = _epithet_ages(doc, tok)
        self.by_key = by_key
        self.known = _ages(doc, by_token, by_key) if self.ages is not None else {}

    def fits(self, key: str) -> bool:
        countries = {a for a in self.by_key[key].affiliations if a.startswith("country/")}
        if self.country and countries and self.country not in countries:
            return False
        return self.ages is None or key not in self.known or self.known[key] in self.ages

    def told(self, key: str) -> bool:
        """The article states the person's country or age, and the epithet fits it."""
        countries = {a for a in self.by_key[key].affiliations if a.startswith("country/")}
        by_country = self.country is not None and self.country in countries
        by_age = self.ages is not None and self.known.get(key) in self.ages
        return self.fits(key) and (by_country or by_age)


def _epithet_ages(doc: Any, tok: Any) -> range | None:
    if tok.lemma_.lower() in AGE_NOUNS:
        return AGE_NOUNS[tok.lemma_.lower()]
    if tok.lower_ == "old" and tok.i >= 4 and doc[tok.i - 3].text == "-" and doc[tok.i - 4].like_num:
        return _number_range(doc[tok.i - 4].text)
    return None


def _number_range(text: str) -> range | None:
    return range(int(text), int(text) + 1) if text.isdigit() else None


def _ages(doc: Any, by_token: dict[int, str], by_key: dict[str, Cluster]) -> dict[str, int]:
    """Ages the article gives its people: "the 18-year-old Mirza", "Mars, 53, ..."."""
    ages: dict[str, int] = {}
    for t in doc:
        head, number = None, None
        if t.lower_ == "old" and t.i >= 4 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "year":
            head, number = t.head, doc[t.i - 4].text if doc[t.i - 3].text == "-" else None
        elif t.like_num and t.dep_ in ("appos", "npadvmod", "amod", "nummod") and t.text.isdigit():
            comma = t.i > 0 and doc[t.i - 1].text == "," and t.head.i == t.i - 2
            head, number = (t.head, t.text) if comma else (None, None)
        if head is None or number is None or not number.isdigit() or not 1 <= int(number) <= 120:
            continue
        key = by_token.get(head.i)
        if key is not None and by_key[key].type == PERSON:
            ages.setdefault(key, int(number))
    return ages


def _epithet(doc: Any, tok: Any) -> bool:
    """Whether tok is an epithet (see the module docstring)."""
    dets = [c for c in tok.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the" or tok.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.dep_ not in PLAIN_DEPS for c in tok.children):
        return False  # "the star of Rain Man", "the champion, who ...": a description of its own
    lower = tok.lower_
    if lower in gazetteer().demonyms and tok.pos_ in ("NOUN", "PROPN"):
        return True
    if lower == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "year":
        return True  # "the 67-year-old"
    return bool(tok.pos_ == "NOUN" and tok.lemma_.lower() in EPITHETS)


def _previous_subject(
    doc: Any, sent: Any, fit: _Fit, by_token: dict[int, str], by_key: dict[str, Cluster], refs: dict[int, str],
    inside: dict[int, int],
) -> str | None:  # fmt: skip
    """The person who is the subject of the sentence before (quotes skipped), when nobody else
    there may be meant (see the module docstring)."""
    previous = sent
    while previous.start > 0:
        previous = sentence_of(doc, previous.start - 1)
        if not quote_sentences_only(doc, previous, inside):
            break
        if any(t.lower_ in THIRD_PERSON and t.pos_ == "PRON" or _person(t.i, by_token, by_key, refs) for t in previous):
            return None  # a quote in between that speaks of somebody: the epithet may be them
    else:
        return None
    people = {k for t in previous for k in [_person(t.i, by_token, by_key, refs)] if k is not None}
    subjects = [t for t in previous if t.dep_ in SUBJECT_DEPS and t.i not in inside]
    subjects = [t for t in subjects if t.head.i == previous.root.i] or subjects
    first = subjects[0] if subjects else None
    key = None if first is None else _person(first.i, by_token, by_key, refs)
    if key is None or not fit.fits(key):
        return None
    others = people - {key}
    if others and not fit.told(key) and any(fit.fits(k) for k in others):
        return None
    return key


def _person(i: int, by_token: dict[int, str], by_key: dict[str, Cluster], refs: dict[int, str]) -> str | None:
    key = by_token.get(i) or refs.get(i)
    return key if key is not None and by_key[key].type == PERSON else None
