"""The active voice of a passive clause whose by-agent is an actor, for the statement layer.

"Plans were unveiled by the Conservatives" is the Conservatives' act: its statement reads
(the Conservatives, unveiled, plans), with the active predicate. The Open IE clause (what CaRB
scores) keeps the sentence's voice; an agentless passive, or one whose "by" names no actor
("was kept by a mixture of rates"), stays as it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .args import Tokens, head_of, noun_phrase
from .clause_model import Clause
from .tokens import doc_tokens

# Strong verbs whose past participle is not their past tense: "was taken by" -> "took".
STRONG_PASTS = {
    "taken": "took",
    "given": "gave",
    "seen": "saw",
    "written": "wrote",
    "chosen": "chose",
    "known": "knew",
    "driven": "drove",
    "beaten": "beat",
    "broken": "broke",
    "spoken": "spoke",
    "stolen": "stole",
    "drawn": "drew",
    "thrown": "threw",
    "grown": "grew",
    "forgotten": "forgot",
    "hidden": "hid",
    "ridden": "rode",
    "shaken": "shook",
    "frozen": "froze",
    "begun": "began",
    "sung": "sang",
    "sworn": "swore",
    "torn": "tore",
    "worn": "wore",
    "forbidden": "forbade",
    "withdrawn": "withdrew",
    "overthrown": "overthrew",
    "overtaken": "overtook",
    "undertaken": "undertook",
    "mistaken": "mistook",
    "shown": "showed",
    "proven": "proved",
    "eaten": "ate",
    "fallen": "fell",
    "done": "did",
    "gone": "went",
    "blown": "blew",
    "flown": "flew",
    "bitten": "bit",
    "woken": "woke",
    "won": "won",
}
# A pronoun moved between subject and object takes that place's case: "she was beaten by X" -> X beat her.
OBJECT_CASE = {"i": "me", "he": "him", "she": "her", "we": "us", "they": "them"}
SUBJECT_CASE = {v: k for k, v in OBJECT_CASE.items()}
# Words of a passive relation besides its verb that the active relation may keep or drop.
GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "prt", "agent", "prep"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def agent_of(doc: Any, clause: Clause) -> int | None:
    """The "by" of a passive clause whose object is its agent: "were unveiled by [the Conservatives]",
    "the counterclaim brought against it by [Chemlawn]"; None for any other clause."""
    if clause.verb < 0 or clause.object is None or clause.lemma.split()[-1:] != ["by"]:
        return None
    every = doc_tokens(doc)
    verb = every[clause.verb]
    passive = (
        any(c.dep_ in ("auxpass", "agent") for c in verb.children)  # the parser marks a passive's "by" "agent"
        or (clause.kind == "participle" and verb.tag_ == "VBN")
    )
    if not passive or verb.tag_ != "VBN" or any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in verb.children):
        return None  # "materials being forwarded by X": a progressive passive keeps its voice
    by = [i for i in clause.relation if every[i].lower_ == "by" and every[i].head.i == verb.i]
    if len(by) != 1 or every[by[0]].dep_ not in ("agent", "prep") or min(clause.object) <= by[0]:
        return None
    if any(i != verb.i and every[i].dep_ not in GROUP_DEPS for i in clause.relation):
        return None  # a control chain ("is expected to be approved by"): left as it is
    if any(every[i].head.i != verb.i and i != verb.i for i in clause.relation):
        return None
    return by[0]


def active_clause(doc: Any, clause: Clause, by: int) -> Clause:
    """The clause turned round: the agent as subject, the patient as object, the active relation and lemma."""
    every = doc_tokens(doc)
    verb = every[clause.verb]
    kept = [every[i] for i in clause.relation if i != by and every[i].dep_ != "auxpass"]
    auxiliaries = [t for t in kept if t.dep_ == "aux"]
    passive_aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    agent = _agent_head(doc, clause)
    if any(t.lemma_ == "have" for t in auxiliaries):
        form = verb.text  # "has been approved by" -> "has approved"
    elif auxiliaries:
        form = verb.lemma_  # "will be signed by", "to be approved by" -> "will sign", "to approve"
    else:
        present = passive_aux is not None and passive_aux.tag_ in ("VBZ", "VBP")
        plural = agent.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in agent.children)
        negated = any(t.dep_ == "neg" for t in kept)
        if negated:
            # "was not approved by" -> "did not approve": a negated simple tense takes "do"
            do = ("do" if plural else "does") if present else "did"
            words = [verb.lemma_ if t.i == verb.i else t.text for t in kept]
            words.insert(next(n for n, t in enumerate(kept) if t.dep_ == "neg"), do)
            return _turned(clause, " ".join(words))
        form = (verb.lemma_ if plural else third_person(verb.lemma_)) if present else past(verb)
    words = [form if t.i == verb.i else t.text for t in kept]
    return _turned(clause, " ".join(words))


def _agent_head(doc: Any, clause: Clause) -> Any:
    inside = sorted(set(clause.object or ()))
    return head_of(doc, inside) or doc_tokens(doc)[inside[0]]


def _turned(clause: Clause, relation_text: str) -> Clause:
    words = clause.lemma.split()[:-1]
    return replace(
        clause,
        subject=clause.object or (),
        object=clause.subject,
        relation_text=relation_text,
        lemma=" ".join(words),
        kind="verb",
        completion=(),
    )


def past(verb: Any) -> str:
    """The past tense of a verb from its past participle: "unveiled", "brought", "taken" -> "took"."""
    return STRONG_PASTS.get(str(verb.lower_), str(verb.text))


def third_person(lemma: str) -> str:
    """The present tense of a singular subject: "own" -> "owns", "approve" -> "approves", "carry" -> "carries"."""
    if lemma == "have":
        return "has"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        return lemma[:-1] + "ies"
    return lemma + "s"


def participle_subject(doc: Any, tokens: Tokens) -> Tokens | None:
    """The noun of a reduced relative the parser read as a clausal subject: in "the proposals put forward
    last month by the Commission could lead to a fall", "put" heads the subject clause with "proposals" as
    its subject; what could lead to a fall is the proposals. None for any other subject."""
    if not tokens:
        return None
    head = head_of(doc, sorted(tokens))
    if head is None or head.dep_ != "csubj" or head.tag_ != "VBN":
        return None
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in head.children):
        return None  # "what was said matters": a clause of its own
    noun = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i and c.pos_ in ("NOUN", "PROPN")), None)
    return None if noun is None else noun_phrase(noun)


def recased(text: str, *, as_object: bool) -> str:
    """A lone personal pronoun in the case of its new place: "she" as an object is "her", "him" as a subject "he"."""
    table = OBJECT_CASE if as_object else SUBJECT_CASE
    word = table.get(text.lower())
    if word is None:
        return text
    return "I" if word == "i" else word
