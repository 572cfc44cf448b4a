"""Rule 4 of coreference (see coref.py): the antecedent of each third-person pronoun.

he/him/his/she/her go to a person of compatible gender, it/its to an organisation,
outlet, country or government body (only as a possessor or the subject of a verb other
than "be"), they/their to an unnamed plural source or a group. A possessive pronoun goes
to its own clause's subject when compatible; otherwise the nearest compatible mention
earlier in the sentence that is not an argument of the pronoun's own verb; otherwise the
subject, then the nearest mention, of the two sentences before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..extract.sentences import sentence_of
from ..models import ANONYMOUS_SOURCE, COUNTRY, GROUP, PERSON
from .clusters import ORG_TYPES, Cluster
from .roles import SUBJECT_DEPS

IT_TYPES = ORG_TYPES | {COUNTRY}
THEY_TYPES = frozenset({GROUP, ANONYMOUS_SOURCE})
MALE = frozenset(["he", "him", "his", "himself"])
FEMALE = frozenset(["she", "her", "hers", "herself"])
NEUTER = frozenset(["it", "its", "itself"])
PLURAL = frozenset(["they", "them", "their", "themselves"])
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}
)  # fmt: skip
# Plural nouns that name unnamed sources, as antecedents of "they".
SOURCE_NOUNS = frozenset(
    {"source", "people", "official", "insider", "diplomat", "aide", "observer", "expert"}
)  # fmt: skip


def pronoun_antecedents(doc: Any, heads: dict[int, str], by_key: dict[str, Cluster]) -> Iterator[tuple[int, int]]:
    """(pronoun token, antecedent token) pairs, by the rule in the module docstring."""
    sources = [t.i for t in doc if t.tag_ == "NNS" and t.lemma_.lower() in SOURCE_NOUNS]
    for tok in doc:
        word = tok.lower_
        if tok.pos_ != "PRON" or word not in MALE | FEMALE | NEUTER | PLURAL:
            continue
        if word in NEUTER and not (tok.dep_ == "poss" or (tok.dep_ == "nsubj" and tok.head.lemma_ != "be")):
            continue
        candidates = _compatible(word, heads, by_key, sources)
        earlier = [i for i in candidates if i < tok.i]
        if not earlier:
            continue
        ante = _choose(doc, tok, earlier)
        if ante is not None:
            yield tok.i, ante


def _compatible(word: str, heads: dict[int, str], by_key: dict[str, Cluster], sources: list[int]) -> list[int]:
    if word in PLURAL:
        return sorted([i for i, k in heads.items() if by_key[k].type in THEY_TYPES] + sources)
    if word in NEUTER:
        return sorted(i for i, k in heads.items() if by_key[k].type in IT_TYPES)
    gender = "m" if word in MALE else "f"
    return sorted(i for i, k in heads.items() if by_key[k].type == PERSON and by_key[k].gender in ("", gender))


def _choose(doc: Any, tok: Any, earlier: list[int]) -> int | None:
    sent = sentence_of(tok.doc, tok.i)
    own_verb = _verb_of(tok)
    if tok.dep_ == "poss" and own_verb is not None:
        for s in own_verb.children:
            if s.dep_ in SUBJECT_DEPS and s.i in earlier and tok.i not in {t.i for t in s.subtree}:
                return int(s.i)
            if s.dep_ in SUBJECT_DEPS:
                inside = [i for i in earlier if i in {t.i for t in s.subtree}]
                if inside and tok.i not in {t.i for t in s.subtree}:
                    return inside[-1]
    same = [
        i
        for i in earlier
        if i >= sent.start and (own_verb is None or _verb_of(doc[i]) != own_verb or tok.dep_ == "poss")
    ]
    if same:
        return same[-1]
    previous = sentence_of(doc, sent.start - 1) if sent.start > 0 else None
    for _ in range(2):
        if previous is None:
            break
        inside = [i for i in earlier if previous.start <= i < previous.end]
        subjects = [i for i in inside if doc[i].dep_ in SUBJECT_DEPS and _verb_of(doc[i]) == previous.root]
        if subjects:
            return subjects[0]
        if inside:
            return inside[-1]
        previous = sentence_of(doc, previous.start - 1) if previous.start > 0 else None
    return None


def _verb_of(tok: Any) -> Any:
    """The verb whose clause the token is in."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in CLAUSE_DEPS or t.dep_ == "ROOT" or t.head.i == t.i):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return None
