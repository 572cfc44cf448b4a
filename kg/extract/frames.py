"""The Frame a verb clause is built in, and the dependency labels, tags and words the verb-clause rules share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .args import Tokens

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
COPULA_COMPLEMENT_DEPS = frozenset({"attr", "acomp", "oprd"})
PREDICATIVE_DEPS = frozenset({"attr"})
AUX_DEPS = frozenset({"aux", "auxpass"})
NEGATION_DEPS = frozenset({"neg"})
PARTICLE_DEPS = frozenset({"prt"})
ADVERB_DEPS = frozenset({"advmod"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
PREP_DEPS = frozenset({"prep", "agent"})
DATIVE_DEPS = frozenset({"dative"})
TIME_DEPS = frozenset({"npadvmod", "tmod"})
CLAUSE_OBJECT_DEPS = frozenset({"ccomp", "csubj"})
PARATAXIS_DEPS = frozenset({"parataxis"})
# Verbs whose object is a means, so the infinitive after it is the subject's purpose: "the firm used
# the money to buy shares", "raised $5 mln to expand" (unlike "asked him to stay", "allowed users to search").
PURPOSE_OBJECT_VERBS = frozenset({"use", "spend", "borrow", "raise", "invest", "employ", "deploy"})
# Verbs whose object is the subject of the to-infinitive after it (object control and "believe X to be"):
# "urged Bogdanovic to seize his chance", "enable people to send messages". After any other verb's object
# a to-infinitive is the subject's purpose: "Nadal hit some powerful forehands to oust Starace".
OBJECT_CONTROL_VERBS = frozenset(
    {"ask", "tell", "urge", "order", "command", "instruct", "direct", "invite", "encourage", "persuade", "convince"}
    | {"force", "compel", "oblige", "require", "prompt", "inspire", "motivate", "lead", "drive", "induce", "tempt"}
    | {"lure", "attract", "challenge", "dare", "beg", "implore", "advise", "warn", "remind", "teach", "educate"}
    | {"train", "allow", "permit", "enable", "empower", "entitle", "authorise", "authorize", "mandate", "help"}
    | {"get", "cause", "want", "need", "like", "love", "hate", "prefer", "wish", "expect", "intend", "mean"}
    | {"pay", "hire", "appoint", "elect", "name", "nominate", "choose", "select", "pick", "recruit", "commission"}
    | {"send", "bring", "call", "pressure", "pressurise", "pressurize", "press", "push", "signal", "trust", "leave"}
    | {"find", "show", "believe", "consider", "declare", "judge", "know", "prove", "report", "suppose", "assume"}
    | {"deem", "presume", "reveal", "understand", "design", "build", "develop", "create", "program", "engineer"}
    | {"configure", "modify", "adapt", "equip", "tune", "upgrade", "prepare", "set", "make", "let", "see", "hear"}
)
# Dependency labels a predicate can carry: the verbs we build a clause around.
CONTROL_DEPS = frozenset({"xcomp"})
INHERIT_SUBJECT_DEPS = frozenset({"conj", "advcl"})
RELATIVE_DEPS = frozenset({"relcl"})
PARTICIPLE_DEPS = frozenset({"acl"})
NOT_PREDICATE_DEPS = frozenset({"aux", "auxpass", "amod", "compound"})
VERB_POS = frozenset({"VERB", "AUX"})
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
RANK_TAGS = frozenset({"JJS", "RBS"})
RANK_WORDS = frozenset({"first", "last", "only", "next"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
MODAL_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must", "will", "shall"})
HEDGE_WORDS = frozenset(
    {"allegedly", "reportedly", "likely", "unlikely", "possibly", "probably", "perhaps", "apparently"}
    | {"supposedly", "purportedly", "seemingly"}
)
TIME_ENTS = frozenset({"DATE", "TIME"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(slots=True)
class Frame:
    """A verb clause under construction (mutable; turned into Clause records by clauses.py)."""

    verb: Any
    subjects: list[Tokens] = field(default_factory=list)
    relation: list[int] = field(default_factory=list)
    relation_extra: str = ""  # implied words printed after the relation ("is" for reduced clauses)
    implied_be: str = ""  # "present" or "past": a reduced clause prints an implied "is"/"was" before its verb
    objects: list[Tokens] = field(default_factory=list)
    extras: list[tuple[str, Tokens]] = field(default_factory=list)
    negated: bool = False
    modal: str | None = None
    kind: str = "verb"
    inherited_subject: bool = False
    object_clause: int | None = None
    lemma_words: list[str] = field(default_factory=list)
    # tokens that complete every object in a statement ("took swipes [at the Playstation]")
    completion: list[int] = field(default_factory=list)
