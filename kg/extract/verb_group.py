"""Small rules of the verb group: which words join a verb's relation and lemma, and which verbs
are no clause of their own ("as far as X is concerned", "went on to").
"""

from __future__ import annotations

from typing import Any

from .frames import AUX_DEPS, OBJECT_DEPS, PARTICLE_DEPS, RELATIVE_TAGS, TIME_ENTS, VERB_POS

# Phrasal verbs that only say when the infinitive after them happens: "went on to win the title".
ASPECTUAL_PHRASALS = frozenset({("go", "on")})
ASPECTUAL_DEPS = frozenset({"advcl", "xcomp"})
# What a comment participle may carry besides its "as": "as widely expected".
COMMENT_DEPS = frozenset({"mark", "advmod", "punct"})
# Hyphens inside a word: "co-produced".
HYPHENS = frozenset({"-", "‐", "‑"})
# Adverbs that complete an intransitive verb: "the appearance goes well", "the talks went badly".
MANNER_COMPLEMENTS = frozenset({"well", "badly"})
# Adverbial particles the parser may tag as adverbs: right after their verb they make a phrasal verb
# ("had held back through fear", "the proposals put forward by the Commission").
PARTICLE_ADVERBS = frozenset({"back", "forward", "away", "off", "out", "up", "down", "ahead", "aside"})


def topic_frame(token: Any) -> bool:
    """The verb of "as far as management is concerned", "as far as I know": a frame naming the topic or the
    speaker's knowledge, no statement of its own."""
    return (
        token.dep_ == "advcl"
        and token.head.lower_ == "far"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
    )


def comment_clause(token: Any) -> bool:
    """A bare participle after "as" that comments on its sentence: "As anticipated, the parties signalled ...",
    "as expected" (no statement: "the parties were anticipated" says nothing)."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBN"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and all(c.dep_ in COMMENT_DEPS for c in token.children)
    )


def word_part(token: Any) -> bool:
    """A prefix cut from its word at a hyphen, or the hyphen: "co" and "-" of "co-produced"."""
    doc = token.doc
    if token.text in HYPHENS and not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_:
        return True
    after = doc[token.i + 1] if token.i + 2 < len(doc) else None
    return after is not None and not token.whitespace_ and after.text in HYPHENS and not after.whitespace_


def preposition_participle(token: Any) -> bool:
    """A participle the parser read as a preposition, with a prepositional object: "speeded up following
    complaints", "including Belcher" (no clause: "the surface was following" says nothing)."""
    return token.tag_ == "VBG" and any(c.dep_ == "pobj" for c in token.children)


def aspectual(token: Any) -> bool:
    """The infinitive of an aspectual phrasal verb, which the parser may attach as an adverbial clause:
    "make" in "went on to make profits of $291 million" (the relation is "went on to make")."""
    head = token.head
    return (
        token.dep_ in ASPECTUAL_DEPS
        and token.pos_ in VERB_POS
        and token.i > head.i
        and any(c.tag_ == "TO" for c in token.children)
        and any((head.lemma_, c.lower_) in ASPECTUAL_PHRASALS for c in head.children if c.dep_ in PARTICLE_DEPS)
    )


def may_follow_auxiliary(verb: Any) -> bool:
    """Whether verb's form can follow an auxiliary: not a present-tense form ("were formed and play"),
    nor a past tense unlike its participle ("was opened and became"); a regular "-ed" form may be either."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return False
    return verb.tag_ != "VBD" or str(verb.lower_).endswith("ed")


def link_lemma(link: Any, *, first: bool) -> list[str]:
    """Lemma words of one verb of a control chain: "to step" after "refuse"."""
    if first:
        return [link.lemma_]
    return [c.lower_ for c in link.children if c.dep_ == "aux" and c.tag_ == "TO"] + [link.lemma_]


def lemma_particle(token: Any) -> bool:
    return token.dep_ in PARTICLE_DEPS or token.lower_ in MANNER_COMPLEMENTS or adverb_particle(token)


def adverb_particle(token: Any) -> bool:
    """A particle tagged as an adverb, right after its verb: "back" in "had held back through fear"."""
    return (
        token.dep_ == "advmod"
        and token.lower_ in PARTICLE_ADVERBS
        and token.i == token.head.i + 1
        and token.head.pos_ == "VERB"  # "had been down so long": a copula's adverb is what it says
        and not list(token.children)  # "came back to London", "closed up 5 cents": the adverb's own phrase
    )


def inside_verb_group(adverb: Any, verb: Any) -> bool:
    """An adverb right before the verb or among its auxiliaries: "has long been", "strictly maintain"."""
    if (
        adverb.i == verb.i + 1
        and adverb.lower_ in MANNER_COMPLEMENTS
        and not any(c.dep_ in OBJECT_DEPS for c in verb.children)
    ):
        # "if the appearance goes well", "the talks went badly": the adverb is what is said
        return True
    if adverb.head.i == verb.i and adverb_particle(adverb):
        return True
    if adverb.i > verb.i or adverb.tag_ in RELATIVE_TAGS or adverb.ent_type_ in TIME_ENTS:
        return False
    if adverb.i == verb.i - 1:
        return True
    return any(c.dep_ in AUX_DEPS and c.i < adverb.i for c in verb.children)


# Copulas whose prepositional complement names a state an infinitive completes: "is in talks to write".
STATE_COPULAS = frozenset({"be", "remain", "stay"})
# Prepositions of such a state: "in talks", "on course", "at pains", "under pressure".
STATE_PREPOSITIONS = frozenset({"in", "on", "at", "under"})


def state_copula(verb: Any) -> Any | None:
    """The copula of "X is in talks to write Y", "traders were in a position to have an idea": a to-infinitive on
    the noun of a copula's prepositional complement is done by the copula's subject (not "talks write Y")."""
    noun = verb.head
    if verb.dep_ != "acl" or not any(c.tag_ == "TO" for c in verb.children):
        return None
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in STATE_PREPOSITIONS:
        return None
    if noun.i > verb.i or any(c.dep_ == "poss" for c in noun.children):
        return None  # "is despite Beijing's decision to open": the owner's act, no state of the subject
    copula = noun.head.head
    if copula.lemma_ not in STATE_COPULAS or copula.pos_ not in VERB_POS:
        return None
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in copula.children):
        return None
    return None if any(c.dep_ in {"attr", "acomp", "dobj"} for c in copula.children) else copula
