"""Rule 3b of coreference (see coref.py): "the company", "the club" stand for the one fitting actor.

A definite, singular kind noun with no other modifier, as a subject or a subject's
possessor ("the company is looking to the US", "the club's manager left"; not the subject
of a reporting verb: "the company said" is the latest company that spoke, decided by the
speaker rules of kg/extract/speakers.py; not "the parent company", "a company that
...", nor "an interest in the company", which often means another one) is the
organisation it can only mean:

- the one organisation that is a subject in its sentence or the two before, if its type
  fits ("Waste Management said it refused ... The company stated ..."); with two there, or
  one of another type, it stays a concept;
- else, for a company noun, the one organisation named earlier in the article at all, if
  it fits.

Fitting types: companies for company nouns (an organisation when the article names no
company), organisations and companies for "group", "club" and "team".
"""

from __future__ import annotations

from typing import Any

from ..extract.sentences import sentence_of
from ..models import COMPANY, ORGANIZATION, PLACE
from .clusters import ORG_TYPES, Cluster
from .quotes import QUOTING_VERBS

COMPANY_KINDS = frozenset(
    {"company", "firm", "concern", "conglomerate", "carrier", "airline", "maker", "manufacturer", "retailer",
     "insurer", "lender", "brewer", "miner", "refiner", "automaker", "carmaker", "chain", "operator"}
)  # fmt: skip
GROUP_KINDS = frozenset({"group", "club", "team"})
KIND_NOUNS = COMPANY_KINDS | GROUP_KINDS
# Children that make the noun another entity or a description: "the company that makes it".
NARROWING_DEPS = frozenset({"compound", "amod", "nmod", "relcl", "acl", "prep", "appos", "nummod", "poss"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Subjects that make "the company" ambiguous when they are not the one it fits (NER types a
# company a place now and then).
RIVAL_TYPES = ORG_TYPES | {PLACE}


def kind_reference(doc: Any, tok: Any, before: list[tuple[int, str]], by_key: dict[str, Cluster]) -> str | None:
    """The key that a definite kind noun stands for, or None (see the module docstring)."""
    lemma = tok.lemma_.lower()
    if lemma not in KIND_NOUNS or tok.tag_ != "NN" or not _in_subject(tok):
        return None
    if tok.head.dep_ in ("relcl", "acl"):  # "Gazprom, the company originally tipped to buy ...": Gazprom's
        return None
    if tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in QUOTING_VERBS | {"report", "announce"}:
        return None  # "..., the company said": the speaker rules take the company that spoke last
    dets = [c for c in tok.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the" or any(c.dep_ in NARROWING_DEPS for c in tok.children):
        return None
    if lemma in COMPANY_KINDS:
        fitting = [(s, k) for s, k in before if by_key[k].type == COMPANY]
        if not fitting:
            fitting = [(s, k) for s, k in before if by_key[k].type == ORGANIZATION]
    else:
        fitting = [(s, k) for s, k in before if by_key[k].type in (COMPANY, ORGANIZATION)]
    if not fitting:
        return None
    sent = sentence_of(doc, tok.i)
    start = sent.start
    for _ in range(2):
        start = sentence_of(doc, start - 1).start if start > 0 else start
    near = {k for s, k in before if s >= start and by_key[k].type in RIVAL_TYPES and _is_subject(doc, s, by_key[k])}
    if near:  # an organisation of any type as a subject nearby: it, if it fits, and only it
        return next(iter(near)) if len(near) == 1 and near <= {k for _, k in fitting} else None
    every = {k for _, k in before if by_key[k].type in RIVAL_TYPES}
    fits = {k for _, k in fitting}
    return next(iter(every)) if len(every) == 1 and every <= fits and lemma in COMPANY_KINDS else None


def _in_subject(tok: Any) -> bool:
    """A subject ("the company said") or a subject's possessor ("the company's shares rose")."""
    return tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "poss" and tok.head.dep_ in SUBJECT_DEPS)


def _is_subject(doc: Any, start: int, cluster: Cluster) -> bool:
    """True when the mention starting at token `start` is a subject (or a subject's possessor)."""
    for m in cluster.mentions:
        if m.start == start:
            head = doc[m.end - 1]
            return head.dep_ in SUBJECT_DEPS or (head.dep_ == "poss" and head.head.dep_ in SUBJECT_DEPS)
    return doc[start].dep_ in SUBJECT_DEPS
