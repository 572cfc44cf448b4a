"""The verb group of a clause's relation: auxiliaries, negation, particles, and the control
and raising verbs folded into it ("refused to step down", "is not likely to raise")."""

from __future__ import annotations

from typing import Any

from .frames import (
    ADVERB_DEPS,
    AUX_DEPS,
    CONTROL_DEPS,
    COPULA_COMPLEMENT_DEPS,
    HEDGE_WORDS,
    MODAL_AUX,
    NEGATION_DEPS,
    OBJECT_DEPS,
    PARTICLE_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    Frame,
)
from .objects import extraposed
from .verb_group import aspectual, inside_verb_group, lemma_particle, link_lemma, may_follow_auxiliary


def raising_adjective(copula: Any) -> Any | None:
    """The adjective complement of a copula that governs a to-infinitive: "likely" in "is likely to go",
    "necessary" in "it is necessary to climb" (the infinitive hangs on the copula after an expletive "it")."""
    for comp in copula.children:
        if comp.dep_ in COPULA_COMPLEMENT_DEPS and comp.pos_ == "ADJ":
            if any(c.dep_ in CONTROL_DEPS and c.pos_ in VERB_POS for c in comp.children):
                return comp
            if extraposed(copula) and any(c.dep_ in CONTROL_DEPS and c.pos_ in VERB_POS for c in copula.children):
                return comp
    return None


def folds_into_xcomp(token: Any) -> bool:
    xcomps = [c for c in token.children if (c.dep_ in CONTROL_DEPS or aspectual(c)) and c.pos_ in VERB_POS]
    if not xcomps:
        return False
    return not any(c.dep_ in OBJECT_DEPS | COPULA_COMPLEMENT_DEPS for c in token.children)


def relation(frame: Frame, verb: Any) -> None:
    """Auxiliaries, negation, particles and folded control verbs around the verb."""
    chain = control_chain(verb)
    words: list[int] = []
    for link in chain:
        for child in link.children:
            if child.dep_ in AUX_DEPS:
                words.append(child.i)
                if child.lower_ in MODAL_AUX:
                    frame.modal = child.lower_
            elif child.dep_ in NEGATION_DEPS and not _negates_conjunction(child):
                words.append(child.i)
                frame.negated = True
            elif child.dep_ in PARTICLE_DEPS:
                words.append(child.i)
            elif child.dep_ in ADVERB_DEPS:
                if child.lower_ in HEDGE_WORDS:
                    frame.modal = child.lower_
                if inside_verb_group(child, link):
                    words.append(child.i)
        words.append(link.i)
    if verb.dep_ in CONTROL_DEPS and verb.head.pos_ == "ADJ" and verb.head.dep_ in COPULA_COMPLEMENT_DEPS:
        _raising_relation(frame, verb.head, words)
    elif verb.dep_ in CONTROL_DEPS and verb.head.lemma_ == "be" and extraposed(verb.head):
        adjective = raising_adjective(verb.head)
        if adjective is not None:
            _raising_relation(frame, adjective, words)
    shares_aux = verb.dep_ == "conj" and may_follow_auxiliary(verb)
    if shares_aux and not any(c.dep_ in AUX_DEPS or c.dep_ in SUBJECT_DEPS for c in verb.children):
        # "was loved by God and exalted": the second verb shares the first one's auxiliaries,
        # unless it has a subject of its own ("the offer was made and Zaluzhny declined it")
        # An active conjunct with an object of its own does not take a passive auxiliary:
        # "was offered the post but turned down the proposal".
        active = any(c.dep_ in OBJECT_DEPS for c in verb.children)
        words.extend(
            c.i
            for c in verb.head.children
            if c.dep_ in AUX_DEPS and c.i < verb.head.i and not (active and c.dep_ == "auxpass")
        )
    shared = _shared_control(frame, verb, words)
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        frame.kind = "passive"
    frame.relation = sorted(set(words))
    chain = [*shared, *chain]
    # each verb's particles and completing adverbs follow it: "go on to win", "go well"
    doc = verb.doc
    kept = set(frame.relation)
    links = {link.i for link in chain}
    frame.lemma_words = [
        word
        for link in chain
        for word in [
            *link_lemma(link, first=link is chain[0]),
            *(c.lower_ for c in link.children if c.i in kept and lemma_particle(c)),
        ]
    ]
    frame.lemma_words += [
        doc[i].lower_ for i in frame.relation if doc[i].dep_ in PARTICLE_DEPS and doc[i].head.i not in links
    ]


def _shared_control(frame: Frame, verb: Any, words: list[int]) -> list[Any]:
    """A verb coordinated with an infinitive complement shares what governs it: "was reluctant to call
    elections or reshuffle his cabinet" -> "was reluctant to reshuffle"; "refused to quit or resign" ->
    "refused to resign". Adds the governing words and returns the control verbs before the complement."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ not in CONTROL_DEPS or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    links = control_chain(head)[:-1]
    for link in links:
        for child in link.children:
            if child.dep_ in AUX_DEPS or child.dep_ in NEGATION_DEPS:
                words.append(child.i)
                frame.negated = frame.negated or child.dep_ in NEGATION_DEPS
        words.append(link.i)
    if head.head.pos_ == "ADJ" and head.head.dep_ in COPULA_COMPLEMENT_DEPS:
        _raising_relation(frame, head.head, words)
    return links


def _negates_conjunction(neg: Any) -> bool:
    """'but not before he was given a test', 'not until he paid': the "not" is the time word's; X happened."""
    after = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return after is not None and after.lower_ in ("before", "until", "till") and after.head.i == neg.head.i


def _raising_relation(frame: Frame, adjective: Any, words: list[int]) -> None:
    """Copula, negation and adjective join the raised verb: "is not likely to raise"."""
    copula = adjective.head
    for child in copula.children:
        if child.dep_ in AUX_DEPS:
            words.append(child.i)
        elif child.dep_ in NEGATION_DEPS:
            words.append(child.i)
            frame.negated = True
    words.extend((copula.i, adjective.i))
    if adjective.lower_ in HEDGE_WORDS:
        frame.modal = adjective.lower_


def control_chain(verb: Any) -> list[Any]:
    """verb preceded by the control verbs folded into it: [refused, step] for "refused to step"."""
    chain = [verb]
    while (
        (chain[0].dep_ in CONTROL_DEPS or aspectual(chain[0]))
        and chain[0].head.pos_ in VERB_POS  # raising adjectives join in _raising_relation
        and folds_into_xcomp(chain[0].head)
        and len(chain) < 6
    ):
        chain.insert(0, chain[0].head)
    return chain
