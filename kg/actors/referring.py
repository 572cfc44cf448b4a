"""Rule 4 of coreference, first half: which pronouns refer, and to actors of which types.

he/him/his go to a person who may be a man, she/her to one who may be a woman, it/its to an
organisation, outlet, country or government body, they/their to an unnamed plural source
or a group (pronouns.py chooses among them). An "it" refers only as a possessor or as the
subject of a verb other than "be", "seem" ...; never when it only holds the place of a
clause that comes after it: "may find it odd to have something so small", "found it hard
to believe that ...": the subject of an adjective that a to-infinitive or a that-clause
completes (extraposition) stands for that clause, not for a company or a country.
"""

from __future__ import annotations

from typing import Any

from ..models import ANONYMOUS_SOURCE, COUNTRY, GROUP, PERSON
from .clusters import ORG_TYPES, Cluster
from .evidence import COMPANY_NOUNS
from .roles import ROLE_HEADS

IT_TYPES = ORG_TYPES | {COUNTRY}
THEY_TYPES = frozenset({GROUP, ANONYMOUS_SOURCE})
MALE = frozenset(["he", "him", "his", "himself"])
FEMALE = frozenset(["she", "her", "hers", "herself"])
NEUTER = frozenset(["it", "its", "itself"])
PLURAL = frozenset(["they", "them", "their", "themselves"])
# "It seems", "it appears": no referent.
EXPLETIVE_VERBS = frozenset({"be", "seem", "appear", "matter"})
# Plural nouns that name unnamed sources, as antecedents of "they".
SOURCE_NOUNS = frozenset(
    {"source", "people", "official", "insider", "diplomat", "aide", "observer", "expert"}
)  # fmt: skip
PERSON_NOUNS = ROLE_HEADS | {
    "man", "woman", "boy", "girl", "father", "mother", "wife", "husband", "son", "daughter", "brother",
    "sister", "friend", "partner", "client", "player", "star", "seed", "winner", "rival", "opponent",
    "spokeswoman", "official", "source", "person",
}  # fmt: skip
IT_NOUNS = COMPANY_NOUNS | {"group", "organisation", "organization", "agency", "government", "club", "team"}
# The clause an extraposed "it" holds the place of: "odd to have ...", "hard to believe that ...".
CLAUSE_DEPS = frozenset({"xcomp", "advcl", "ccomp", "csubj"})


def referring(tok: Any) -> bool:
    """Whether the token is a third-person pronoun that can stand for an actor."""
    word = tok.lower_
    if tok.pos_ != "PRON" or word not in MALE | FEMALE | NEUTER | PLURAL:
        return False
    if word in NEUTER:
        if tok.dep_ == "poss":
            return True
        return tok.dep_ == "nsubj" and tok.head.lemma_ not in EXPLETIVE_VERBS and not extraposed(tok)
    return True


def extraposed(tok: Any) -> bool:
    """ "find it odd to have", "found it hard to believe that ...": "it" the subject of an adjective
    (a small clause) that a clause after the adjective completes; that clause is what "it" stands for."""
    head = tok.head
    if head.pos_ != "ADJ" or head.i < tok.i:
        return False
    return any(c.dep_ in CLAUSE_DEPS and c.i > head.i and c.pos_ in ("VERB", "AUX") for c in head.children)


def compatible(word: str, heads: dict[int, str], by_key: dict[str, Cluster], sources: list[int]) -> list[int]:
    """The mention heads (and unnamed sources, for "they") whose actor the pronoun's number,
    gender and animacy fit."""
    if word in PLURAL:
        return sorted([i for i, k in heads.items() if by_key[k].type in THEY_TYPES] + sources)
    if word in NEUTER:
        return sorted(i for i, k in heads.items() if by_key[k].type in IT_TYPES)
    gender = "m" if word in MALE else "f"
    return sorted(i for i, k in heads.items() if by_key[k].type == PERSON and by_key[k].gender in ("", gender))
