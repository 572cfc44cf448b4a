"""Who does what a gerund after a preposition says: "apologise for likening the reporter to a guard"
(the one who apologises likens), "praised ministers for reaching the benchmark" (the ministers reach it).

Only prepositions after which the gerund's act is stated as done (a reason, a time, a means) give it a
clause: "after winning the title", "by cutting costs", "despite losing". "for" is a reason only after a
verb of judging an act ("praise", "apologise", "jail"); elsewhere it may be a goal ("called for scrapping
the tax"), which states nothing done. "without", "instead of", "from" ("barred from standing") and the
like state that the act was not done, and give no clause.
"""

from __future__ import annotations

from typing import Any

from .frames import OBJECT_DEPS, VERB_POS

# Prepositions after which a gerund's act is done by the one the clause is about.
DONE_PREPOSITIONS = frozenset({"after", "by", "despite", "since", "through"})
# Nouns of "in the process of V-ing", "in the midst of V-ing": the act is under way.
ASPECT_NOUNS = frozenset({"process", "midst", "middle"})
# Verbs of judging someone for an act: the act is done, by the one judged (their object, if any).
JUDGING_VERBS = frozenset(
    {"praise", "thank", "congratulate", "commend", "applaud", "hail", "credit", "reward", "honour", "honor"}
    | {"criticise", "criticize", "condemn", "fault", "slam", "rebuke", "attack", "punish", "fine", "sack", "fire"}
    | {"forgive", "jail", "imprison", "ban", "suspend", "expel", "apologise", "apologize"}
)


def gerund_host(verb: Any) -> tuple[Any, bool] | None:
    """The verb whose clause says who does a gerund's act, and whether that is its object (else its
    subject); None when the gerund is no such act."""
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "poss", "aux", "auxpass") for c in verb.children):
        return None  # "for his refusing to leave": a subject of its own
    aspect = _in_the_process_of(prep)
    if aspect is not None:
        return aspect, False
    if prep.head.pos_ not in VERB_POS:
        return None
    host = prep.head
    if any(c.dep_ == "expl" for c in host.children):
        return None  # "After needing five sets there was reason to think ...": no one the clause is about
    if host.dep_ == "acl" or any(c.dep_ == "neg" for c in (host, host.head) for c in c.children):
        # "attempts to block the auction by filing ...": the noun is no doer; "urging them not to fight
        # the election by exploiting fears": a negated act's means is not done either
        return None
    judging = host.lemma_.lower() in JUDGING_VERBS
    if prep.lower_ not in DONE_PREPOSITIONS and not (prep.lower_ == "for" and judging):
        return None
    # "praised ministers for reaching it": the one judged; "after winning the title, X thanked the crowd": X
    return host, prep.lower_ == "for" and judging and any(c.dep_ in OBJECT_DEPS for c in host.children)


def _in_the_process_of(prep: Any) -> Any | None:
    """The verb of "Rosneft is already in the process of merging with Gazprom": the act is under way, done
    by its subject."""
    noun = prep.head
    if prep.lower_ != "of" or noun.lemma_.lower() not in ASPECT_NOUNS or noun.dep_ != "pobj":
        return None
    outer = noun.head
    if outer.lower_ != "in" or outer.head.pos_ not in VERB_POS or any(c.dep_ == "neg" for c in outer.head.children):
        return None
    return outer.head
