"""Where a token stands in its sentence, for pronoun resolution (pronouns.py): the verb of its
clause, the main clauses of a sentence, and the roles that make a mention salient."""

from __future__ import annotations

from typing import Any

from .roles import SUBJECT_DEPS

# "Called Speegle, it ...": participles that name the subject of their clause.
NAMING_VERBS = frozenset({"call", "name", "dub", "title", "nickname", "brand"})
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}
)  # fmt: skip


def agentive(tok: Any) -> bool:
    """A subject or possessor, or a conjunct or apposition of one: what "it" can refer back to."""
    deps = SUBJECT_DEPS | {"poss"}
    return tok.dep_ in deps or (tok.dep_ in ("conj", "appos") and tok.head.dep_ in deps)


def plural_owner(tok: Any) -> bool:
    """ "Acme Corp shares rose after it reported higher profits": a name modifying a plural
    subject, which "it" cannot be, is what "it" of the same sentence can mean."""
    return bool(tok.dep_ == "compound" and tok.head.dep_ in SUBJECT_DEPS and tok.head.tag_ in ("NNS", "NNPS"))


def main_clauses(root: Any) -> list[Any]:
    """The root verb, then the main clauses coordinated with it in text order."""
    verbs = [root]
    for v in verbs:
        verbs.extend(c for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
    return [root, *sorted(verbs[1:], key=lambda v: int(v.i))]


def verb_of(tok: Any) -> Any:
    """The verb whose clause the token is in."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in CLAUSE_DEPS or t.dep_ == "ROOT" or t.head.i == t.i):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return None


def topic(verb: Any, tok: Any) -> int | None:
    """The topic a clause is announced with, before its pronoun subject: "As for Scotland, they";
    "Called Speegle, it has the look of a search engine"."""
    if verb is None or tok.dep_ not in SUBJECT_DEPS or tok.head.i != verb.i:
        return None
    for called in (c for c in verb.children if c.dep_ == "advcl" and c.i < tok.i and c.tag_ == "VBN"):
        if called.lemma_.lower() in NAMING_VERBS:
            return next((int(c.i) for c in called.children if c.dep_ in ("oprd", "attr", "dobj")), None)
    for prep in (c for c in verb.children if c.lower_ == "as" and c.i < tok.i):
        for pobj in (g for c in prep.children if c.lower_ == "for" for g in c.children if g.dep_ == "pobj"):
            return int(pobj.i)
    return None


def comitative(tok: Any) -> bool:
    """ "Baker met with officials": a group someone else joined, so a later "they" means them all."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with":
        return False
    verb = prep.head
    single = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.tag_ not in ("NNS", "NNPS")]
    return any(c.lower_ not in ("they", "we") and not any(g.dep_ == "conj" for g in c.children) for c in single)
