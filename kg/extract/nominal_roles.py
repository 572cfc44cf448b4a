"""Facts that nouns carry about their owners: agent nouns, owned shares, named owners, intentions.

"Redland, the holder of 49.87 pct of Monier" -> (Redland, holds, 49.87 pct of Monier);
"its 70 pct-owned Teberebie venture" -> (its, owns 70 pct of, Teberebie venture);
"a possible Redland bid for Monier" -> (Redland, bid for, Monier);
"the government has announced plans to cut 100,000 civil servants" -> (the government, plans to cut, ...).
Each is an implied relation of a noun phrase, scored as "nominal" like the rest of nominal.py.
"""

from __future__ import annotations

from typing import Any

from .args import Tokens, noun_phrase, subtree_indices
from .objects import ADVERBIAL_NOUNS, COMPLEMENT_PREPOSITIONS, amount

POSSESSIVE_DEPS = frozenset({"poss"})
# (subject, relation tokens, relation text, lemma, object, kind) as doc indices
NounRelation = tuple[Tokens, Tokens, str, str, Tokens, str]


# Agent nouns whose "of" object is what the subject does it to: "the holder of 49.87 pct of Monier" holds it.
# A closed class of the nouns news uses for owning, making and running (noun -> verb lemma, present form).
AGENT_NOUNS = {
    "holder": ("hold", "holds"),
    "owner": ("own", "owns"),
    "co-owner": ("own", "owns"),
    "maker": ("make", "makes"),
    "manufacturer": ("manufacture", "manufactures"),
    "producer": ("produce", "produces"),
    "operator": ("operate", "operates"),
    "publisher": ("publish", "publishes"),
    "supplier": ("supply", "supplies"),
    "distributor": ("distribute", "distributes"),
    "importer": ("import", "imports"),
    "exporter": ("export", "exports"),
    "founder": ("found", "founded"),
    "co-founder": ("found", "founded"),
}


def agent_relation(noun: Any, subject: Tokens) -> NounRelation | None:
    """(subject, holds, X) for an agent noun with an "of" object: "the owner of Wipro", "the maker of the 747"."""
    verb = AGENT_NOUNS.get(noun.lower_)
    if verb is None:
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and subject:
            return subject, (noun.i, prep.i), verb[1], verb[0], noun_phrase(pobj), "nominal"
    return None


# Named entities that, as a noun's modifier, are its agent: "a possible Redland bid for Monier".
AGENT_ENTS = frozenset({"ORG", "PERSON"})
# Nouns of a deal a company or person makes, whose named modifier is the one making it: "the CSR offer",
# "a Redland bid"; "the Air Force contract", "the Warrington line" name no maker.
DEAL_NOUNS = frozenset(
    {"bid", "offer", "tender", "proposal", "takeover", "acquisition", "purchase", "stake", "holding"}
    | {"investment", "plan", "attempt", "approach", "buyout", "merger"}
)


def named_modifier(noun: Any) -> Any | None:
    """The name in front of a noun that acts as its owner: "the CSR offer", "a Redland bid" (the whole name)."""
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in AGENT_ENTS]
    if not names or noun.ent_type_ or noun.lemma_.lower() not in DEAL_NOUNS:
        return None
    name = names[-1]
    # the name must end right before the noun (or one modifier of it): "Redland bid", not "Redland's takeover bid"
    return name if name.i >= noun.i - 2 else None


def of_amount(prep: Any, owner: Any | None) -> bool:
    """ "X's tender of 27 dlrs a share": an owned noun's "of" amount is its value."""
    if owner is None or prep.lower_ != "of":
        return False
    return any(c.dep_ == "pobj" and amount(c) for c in prep.children)


# Nouns of intention whose infinitive is done by their owner: "the government's plans to cut 100,000 jobs".
INTENTION_NOUNS = frozenset(
    {"plan", "proposal", "bid", "attempt", "effort", "move", "decision", "promise", "pledge", "offer"}
    | {"intention", "commitment", "threat", "determination", "readiness", "refusal", "failure"}
)
# Verbs whose subject is the owner of the intention it presents: "X announced plans to", "X made a bid to";
# "X attacked plans to ..." is not X's plan.
PRESENTING_VERBS = frozenset(
    {"announce", "unveil", "have", "draw", "set", "outline", "publish", "present", "put", "make", "launch"}
    | {"submit", "table", "reveal", "confirm", "adopt", "lay", "detail", "step", "renew", "repeat", "take"}
)


def intention(noun: Any, owner: Any | None) -> NounRelation | None:
    """(owner, plans to cut, X) for a noun of intention with an infinitive and a direct object.

    The owner is the possessive or named modifier ("Labour's plans to", "the CSR offer to"), else the subject
    of a presenting verb ("the government has announced plans to"), or the agent of its passive ("plans to
    abolish 162 quangos have been unveiled by the Conservatives").
    """
    if noun.lemma_.lower() not in INTENTION_NOUNS:
        return None
    verb = next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "xcomp"}
            and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    target = None if verb is None else next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
    if verb is None or target is None:
        return None
    doer = owner if owner is not None else _presenter(noun)
    if doer is None:
        return None
    subject = subtree_indices(doer, cut=frozenset({"case"})) if doer.dep_ in POSSESSIVE_DEPS else noun_phrase(doer)
    to = next(a for a in verb.children if a.dep_ == "aux" and a.lower_ == "to")
    words = f"{noun.lower_} to {verb.text}"
    return (
        subject,
        (noun.i, to.i, verb.i),
        words,
        f"{noun.lemma_.lower()} to {verb.lemma_.lower()}",
        (*noun_phrase(target), *_complement(verb, target)),
        "nominal",
    )


def _complement(verb: Any, target: Any) -> Tokens:
    """The preposition phrase the infinitive selects right after its object: "plans to integrate TV with mobile
    internet services" (integrating TV is no plan of its own)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i != target.right_edge.i + 1 or prep.lower_ not in COMPLEMENT_PREPOSITIONS:
            continue
        nouns = [c for c in prep.children if c.dep_ == "pobj"]
        if len(nouns) != 1 or len(list(prep.children)) != 1 or nouns[0].lemma_ in ADVERBIAL_NOUNS:
            continue  # "plans to cut 100,000 civil servants as part of its efficiency drive": an adjunct
        if not any(t.is_punct for t in nouns[0].subtree):
            return (prep.i, *noun_phrase(nouns[0]))
    return ()


def _presenter(noun: Any) -> Any | None:
    """The subject of the presenting verb of which noun is the object, or the agent when it is the passive subject."""
    verb = noun.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in PRESENTING_VERBS:
        return None
    if noun.dep_ in {"dobj", "obj"}:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if noun.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


# Units of a share in "70 pct-owned", "51%-held".
SHARE_UNITS = frozenset({"pct", "%", "percent", "per", "cent"})
SHARE_PARTICIPLES = {"own": "owns", "hold": "holds", "control": "controls"}


def owned_share(participle: Any) -> NounRelation | None:
    """(owner, owns 70 pct of, noun) for "its 70 pct-owned Teberebie venture": the possessor owns that share."""
    doc = participle.doc
    verb = SHARE_PARTICIPLES.get(participle.lemma_.lower())
    if verb is None or participle.i < 2 or doc[participle.i - 1].text != "-":
        return None
    if doc[participle.i - 2].lower_ not in SHARE_UNITS:
        return None
    noun = participle.head
    owner = next((c for c in noun.children if c.dep_ in POSSESSIVE_DEPS), None)
    unit = doc[participle.i - 2]
    number = doc[unit.i - 1] if unit.i > 0 else None
    if owner is None or number is None or not number.like_num:
        return None
    left_out = {number.i, *subtree_indices(participle)}
    left_out.update(t.i for t in owner.subtree)
    obj = tuple(i for i in noun_phrase(noun) if i not in left_out and doc[i].dep_ != "det")
    subject = subtree_indices(owner, cut=frozenset({"case"}))
    if not obj or not subject:
        return None
    share = f"{number.text} {unit.text}" if unit.text != "%" else f"{number.text}%"
    return subject, (number.i, unit.i, participle.i), f"{verb} {share} of", participle.lemma_.lower(), obj, "nominal"
