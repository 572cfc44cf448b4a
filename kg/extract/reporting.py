"""Reporting verbs: "said", "warned", "pointed out", "quoted X as saying"."""

from __future__ import annotations

from typing import Any

from .hedges import verb_lemma

# fmt: off
REPORTING_VERBS = frozenset(
    {
        "say", "report", "tell", "announce", "confirm", "deny", "insist", "claim", "add", "state",
        "explain", "write", "note", "warn", "argue", "suggest", "reveal", "declare", "stress",
        "assert", "acknowledge", "admit", "allege", "maintain", "reply", "respond", "believe",
        "think", "estimate", "predict", "indicate", "find", "show", "emphasize", "emphasise",
        "mention", "hint", "concede", "comment", "remark", "testify", "disclose", "inform",
        "tweet", "post", "brief", "assure", "promise", "complain", "recall", "observe",
        "agree", "charge", "forecast", "conclude", "contend", "caution", "reiterate", "reaffirm", "project",
        "calculate", "counter", "retort", "boast", "point",
    }
)
# Reporting verbs that report only with their particle: "pointed out that ...".
PARTICLE_REPORTING = {"point": "out"}
# "Tehran Radio quoted the minister as saying ...": the outlet reports, the one quoted said it.
QUOTED_AS_VERBS = frozenset({"quote", "cite"})
# fmt: on


def reporting(token: Any) -> bool:
    """A reporting verb: "said", "warned", "pointed out" (not "pointed at")."""
    lemma = verb_lemma(token)
    if lemma in QUOTED_AS_VERBS:
        return as_saying(token) is not None
    if lemma not in REPORTING_VERBS:
        return False
    particle = PARTICLE_REPORTING.get(lemma)
    return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


def as_saying(verb: Any) -> Any:
    """The "saying" of "quoted X as saying", if the verb has one."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for comp in prep.children:
                if comp.dep_ in ("pcomp", "pobj") and verb_lemma(comp) in ("say", "tell"):
                    return comp
    return None
