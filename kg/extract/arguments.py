"""From an argument's tokens to its words, offsets and entity: a named actor, a resolved
pronoun, a situation, an anonymous source or a concept."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..actors.coref import EntityIndex
from ..actors.gazetteer import entity_key
from ..models import ANONYMOUS_SOURCE, CONCEPT, SITUATION, Argument, Entity
from ..vocab import slug
from .args import head_of as phrase_head
from .labels import concept_label, counted, gerund_label, measured
from .tokens import doc_tokens

NOUN_POS = frozenset({"NOUN", "PROPN", "NUM", "X"})
PRONOUN_POS = frozenset({"PRON"})
SITUATION_PREPS = frozenset({"between", "among", "amongst"})
# Heads of noun phrases that name unnamed or collective sources when no name is given.
ANONYMOUS_HEADS = frozenset(
    {
        "source",
        "people",
        "person",
        "official",
        "insider",
        "interlocutor",
        "diplomat",
        "aide",
        "observer",
        "expert",
        "analyst",
        "witness",
        "resident",
        "respondent",
        # unnamed reports stand for their unnamed authors: "according to reports in Western media"
        "report",
        "rumor",
        # the unnamed market voices of financial news: "bankers said", "traders said"
        "banker",
        "trader",
        "dealer",
        "economist",
        "broker",
        "rumour",
        "media",
    }
)
MAX_SOURCE_WORDS = 8
SOURCE_CUT_DEPS = frozenset({"relcl", "appos", "conj", "cc"})
# Quantifiers that pick members out of a group ("one of the sources"): a closed class.
PARTITIVE_WORDS = frozenset(
    {"one", "some", "many", "several", "most", "all", "each", "none", "few", "both", "either", "neither", "any"}
    | {"%", "percent", "majority", "minority", "half", "third", "quarter"}  # "88% of respondents"
)
TIME_ENTS = frozenset({"DATE", "TIME"})


@dataclass
class Entities:
    """Entities of the article, growing as concepts and situations are met."""

    index: EntityIndex
    extra: dict[str, Entity] = field(default_factory=dict)

    def all(self) -> tuple[Entity, ...]:
        merged = {e.key: e for e in self.index.entities}
        merged.update(self.extra)
        return tuple(merged[k] for k in sorted(merged))


def argument(doc: Any, tokens: Iterable[int] | None, ents: Entities, *, role: str = "") -> Argument | None:
    if not tokens:
        return None
    toks = sorted(tokens)
    every = doc_tokens(doc)
    start, end = every[toks[0]].idx, every[toks[-1]].idx + len(every[toks[-1]])
    # a word left out between two kept ones leaves a space: "her next single, Superstar" -> "next single Superstar"
    gaps = {i for i, j in zip(toks, toks[1:], strict=False) if j != i + 1}
    text = "".join(every[i].text + (every[i].whitespace_ or (" " if i in gaps else "")) for i in toks).strip()
    head = head_of(doc, toks)
    key = entity_for(doc, head, ents)
    return Argument(text=text, start=start, end=end, entity=key, role=role)


def head_of(doc: Any, toks: list[int]) -> int:
    """The index of the phrase's head (kg.extract.args.head_of), else its first token."""
    head = phrase_head(doc, toks)
    return toks[0] if head is None else int(head.i)


def entity_for(doc: Any, head: int, ents: Entities) -> str | None:
    """The entity an argument names: its head's entity, a resolved pronoun, a situation or a concept."""
    key = ents.index.by_token.get(head)
    if key is not None:
        return key
    token = doc_tokens(doc)[head]
    if token.pos_ in PRONOUN_POS:
        antecedent = _antecedent(doc, head, ents.index)
        return None if antecedent is None else entity_for(doc, antecedent, ents)
    if (gerund := gerund_label(token)) is not None:
        # an activity is a concept: "Raising prices would hurt sales" -> "raising prices"
        key = entity_key(CONCEPT, gerund)
        return ents.extra.setdefault(key, Entity(key=key, label=gerund, type=CONCEPT)).key
    if token.pos_ not in NOUN_POS or token.ent_type_ in TIME_ENTS:
        # a clause or adjective, or a time ("Monday", "December": kept as the statement's time)
        return None
    amount = measured(token)
    if amount is not token:
        # "a total of two billion francs": the amount, not the "total"
        return entity_for(doc, amount.i, ents)
    group = _partitive_group(token)
    if group is not None:
        # "one of them said", "two of the sources": the group speaks through one of its members
        return entity_for(doc, group.i, ents)
    situation = _situation(doc, head, ents)
    if situation is not None:
        return situation
    return _concept(doc, head, ents)


def _partitive_group(token: Any) -> Any | None:
    """The group in "one of the sources", "some of them": a quantifier's "of" object."""
    if token.lower_ not in PARTITIVE_WORDS and not token.like_num:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _antecedent(doc: Any, index: int, entities: EntityIndex) -> int | None:
    """The token a pronoun refers to, by the rule documented in kg/actors/coref.py."""
    antecedent = entities.antecedents.get(index)
    if antecedent is None or doc_tokens(doc)[antecedent].pos_ in PRONOUN_POS:
        return None
    return antecedent


def _situation(doc: Any, head: int, ents: Entities) -> str | None:
    """'the rift between X and Y': a situation node with its participants."""
    token = doc_tokens(doc)[head]
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in SITUATION_PREPS:
            continue
        participants: list[str] = []
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for member in [pobj, *pobj.conjuncts]:
                key = ents.index.by_token.get(member.i)
                if key is not None and key not in participants:
                    participants.append(key)
        if len(participants) < 2:
            continue
        names = [next((e.label for e in ents.index.entities if e.key == k), k) for k in participants]
        label = f"{token.lemma_.lower()} between {' and '.join(names)}"
        key = entity_key(SITUATION, f"{token.lemma_}-" + "-".join(slug(n) for n in sorted(names)))
        ents.extra[key] = Entity(key=key, label=label, type=SITUATION, participants=tuple(sorted(participants)))
        return key
    return None


def _concept(doc: Any, head: int, ents: Entities) -> str | None:
    """A concept named by the head noun and its close modifiers: 'conscription bill'.

    A "noun" with no letter or digit (a stray dash or bullet the parser took for one) names nothing.
    """
    token = doc_tokens(doc)[head]
    if not any(ch.isalnum() for ch in token.text):
        return None
    if token.lemma_.lower() in ANONYMOUS_HEADS and not _describes_actor(token, ents):
        return _anonymous_source(doc, head, ents)
    label = concept_label(doc, token)
    of = counted(token)
    if of is not None:
        # "the number of new casinos": a count names what it counts, not just "number"
        label = f"{label} of {concept_label(doc, of)}"
    key = entity_key(CONCEPT, label or token.lemma_)
    if key not in ents.extra:
        ents.extra[key] = Entity(key=key, label=label or token.lemma_, type=CONCEPT)
    return key


def _describes_actor(token: Any, ents: Entities) -> bool:
    """A source noun said of a named actor is its description, not a second source: "Nate Elliott is
    Jupiter analyst", "Shelley Taylor, analyst at ...": the analyst is a concept (the role), the
    actor stays one node."""
    if token.dep_ == "appos":
        return token.head.i in ents.index.by_token
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i in ents.index.by_token for c in token.head.children)
    return False


def _finite_clause(token: Any) -> bool:
    """A clause with a subject or a 'that' of its own ('reports that X was dismissed'), not 'people familiar with'."""
    return token.dep_ in ("acl", "ccomp") and any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)


def _anonymous_source(doc: Any, head: int, ents: Entities) -> str:
    """'people familiar with the matter', 'two sources': an anonymous or collective source."""
    token = doc_tokens(doc)[head]
    # "sources, who spoke to Reuters, ...": a relative clause or apposition is not part of the name
    cut = {t.i for c in token.children if c.dep_ in SOURCE_CUT_DEPS or _finite_clause(c) for t in c.subtree}
    words = [
        t
        for t in token.subtree
        if t.i not in cut
        and t.dep_ not in ("det", "punct", "poss", "case")
        and not t.is_punct
        and t.ent_type_ not in TIME_ENTS  # "on Saturday U.S. officials told him": the day is no part of the source
    ]
    words = [t for t in words if abs(t.i - head) < MAX_SOURCE_WORDS and t.i >= head - 3]
    label = " ".join(t.text for t in sorted(words, key=lambda t: t.i)).lower()
    key = entity_key(ANONYMOUS_SOURCE, label)
    ents.extra.setdefault(key, Entity(key=key, label=label, type=ANONYMOUS_SOURCE))
    return key
