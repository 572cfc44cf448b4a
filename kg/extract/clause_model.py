"""The Clause record that clause extractors yield: plain ints and strings only."""

from __future__ import annotations

from dataclasses import dataclass

Tokens = tuple[int, ...]  # sorted doc token indices (may have gaps)

KINDS = ("verb", "copula", "passive", "apposition", "nominal", "relative", "participle", "infinitive", "existential")


@dataclass(frozen=True, slots=True)
class Clause:
    """One subject-relation-object tuple of a sentence, as doc token indices."""

    subject: Tokens
    relation: Tokens  # the relation words present in the sentence, in order
    relation_text: str  # as printed for CaRB; may add implied words ("is", "has")
    lemma: str  # lemma phrase for predicate mapping: "turn down", "be worried about", "be"
    object: Tokens | None  # None for intransitive
    extras: tuple[tuple[str, Tokens], ...] = ()  # (role, tokens): "time", "place", "manner" or a marker
    negated: bool = False
    modal: str | None = None  # modal auxiliary or hedging word seen on the clause
    kind: str = "verb"  # one of KINDS
    confidence: float = 0.5
    verb: int = -1  # index of the head token of the relation
    object_clause: int | None = None  # head index of the object clause's verb (ccomp "that ...")
    # tokens after the object that complete it in a statement ("took swipes" [at the Playstation]); CaRB's
    # annotation keeps them apart, as extras
    completion: Tokens = ()
