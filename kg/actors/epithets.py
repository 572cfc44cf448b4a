"""Rule 3c of coreference (see coref.py): an epithet subject is the one person just spoken of.

News style names a person, then goes on with an epithet as the next subject: "Olympic
champion Justine Henin-Hardenne will return ... The Belgian has not competed since losing
her top ranking"; "Hollywood legend Dustin Hoffman has hit out ... The 67-year-old also
said he stopped working". An epithet is a definite subject with no complement of its own:
a demonym ("the Belgian", "the Briton"), an age ("the 67-year-old") or a noun from EPITHETS
("the star", "the 10th seed"). It is the person who is the subject of the sentence before
when that sentence names no other person, and nothing in the epithet's own sentence comes
before it; a demonym must fit the person's country when the article tells it. With two
people in the sentence before ("Federer beat Hewitt. The Australian ..."), or none, it is
left alone. Office nouns ("the spokesman", "the director") are never epithets: roles.py
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
        key = _previous_subject(doc, sent, by_token, by_key, result, inside)
        if key is None:
            continue
        country = gazetteer().demonyms.get(tok.lower_)
        countries = {a for a in by_key[key].affiliations if a.startswith("country/")}
        if country and countries and entity_key("Country", country) not in countries:
            continue
        result[tok.i] = key
    return result


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
    doc: Any, sent: Any, by_token: dict[int, str], by_key: dict[str, Cluster], refs: dict[int, str],
    inside: dict[int, int],
) -> str | None:  # fmt: skip
    """The one person of the sentence before (quotes skipped) when that person is its subject."""
    previous = sent
    while previous.start > 0:
        previous = sentence_of(doc, previous.start - 1)
        if not quote_sentences_only(doc, previous, inside):
            break
    else:
        return None
    people = {
        k for t in previous if t.i not in inside
        for k in [by_token.get(t.i) or refs.get(t.i)] if k is not None and by_key[k].type == PERSON
    }  # fmt: skip
    if len(people) != 1:
        return None
    key = next(iter(people))
    subjects = [t for t in previous if t.dep_ in SUBJECT_DEPS and t.i not in inside]
    subjects = [t for t in subjects if t.head.i == previous.root.i] or subjects
    first = subjects[0] if subjects else None
    if first is None or (by_token.get(first.i) or refs.get(first.i)) != key:
        return None
    return key
