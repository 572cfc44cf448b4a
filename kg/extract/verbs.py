"""Verb clauses: subject, relation phrase, object and adjuncts of each verb of a sentence.

Here: which verbs head a clause and their subjects; the verb group of the relation is in relation.py. The Frame
record and the shared label sets are in frames.py, objects and adjuncts in objects.py,
relative-clause rules in relatives.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .args import Tokens, conjuncts, noun_phrase, subtree_indices
from .expletives import cleft, extraposed_adjective, named_place
from .frames import (
    AUX_DEPS,
    CONTROL_DEPS,
    COPULA_COMPLEMENT_DEPS,
    FINITE_TAGS,
    INHERIT_SUBJECT_DEPS,
    NOMINAL_POS,
    NOT_PREDICATE_DEPS,
    OBJECT_CONTROL_VERBS,
    OBJECT_DEPS,
    PARTICIPLE_DEPS,
    PARTICIPLE_TAGS,
    PREDICATIVE_DEPS,
    PREP_DEPS,
    PURPOSE_OBJECT_VERBS,
    RANK_TAGS,
    RANK_WORDS,
    RELATIVE_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
)
from .frames import Frame as Frame
from .gerunds import gerund_host
from .misattached import REPORTED_CLAUSE_DEPS, reported_subject, stolen_subject, subject_after, time_subject
from .nominal_roles import INTENTION_NOUNS, PRESENTING_VERBS
from .objects import arguments, object_infinitive
from .relation import control_chain, folds_into_xcomp, raising_adjective, relation
from .relatives import is_relative_word, object_gap, relative_adverb, relative_object, relative_pronoun
from .verb_group import (
    comment_clause,
    preposition_participle,
    state_copula,
    topic_frame,
    word_part,
)

# How the parser attaches a perfect participle it cut from its "have": "have long since upped".
PERFECT_CUT_DEPS = frozenset({"advcl", "xcomp", "ccomp", "dep"})
# Adjunct roles that never become the object of a clause whose object was only a wh-word.
NOT_OBJECT_ROLES = frozenset({"time", "place", "amount", "as"})
# A relative or interrogative pronoun ("what", "which") standing alone as an object has no antecedent here.
WH_PRONOUN_TAGS = frozenset({"WP", "WDT"})


def is_predicate(token: Any) -> bool:
    """Whether token heads a verb clause of its own."""
    if token.pos_ not in VERB_POS or token.dep_ in NOT_PREDICATE_DEPS:
        return False
    if topic_frame(token) or preposition_participle(token) or comment_clause(token) or word_part(token):
        return False
    if token.lemma_ == "be" and raising_adjective(token) is not None:
        # "is likely to raise": the clause is the raised verb's ("Sullivan is likely to raise the issue")
        return False
    # A control verb with a bare xcomp ("refused to step down") is folded into its complement.
    return not folds_into_xcomp(token)


def subject_heads(verb: Any, depth: int = 0) -> tuple[list[Any], bool]:
    """Subject head tokens of verb and whether they come from another clause."""
    after = subject_after(verb) or time_subject(verb)
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and (after is None or c.i != after.i)]
    if own and verb.dep_ in RELATIVE_DEPS and all(is_relative_word(c) for c in own) and verb.head.pos_ in NOMINAL_POS:
        # "a pioneer who began building X", "the prostate , which is cut and flushed": the relative
        # pronoun stands for the noun, also for the verbs folded into or coordinated with this one
        return _antecedent(verb, depth), True
    if own:
        return own, False
    if any(c.dep_ == "expl" for c in verb.children):
        # "... and so there are a number of combat elements": what "there" stands before is the subject
        # ("a number of combat elements exist"), never the subject of the clause before the "and"
        existent = existential(verb)
        return ([existent] if existent is not None else []), False
    if depth > 6:
        return [], False
    head = verb.head
    if verb.dep_ in RELATIVE_DEPS | PARTICIPLE_DEPS and head.pos_ in NOMINAL_POS:
        return _antecedent(verb, depth), True
    if verb.dep_ in CONTROL_DEPS and head.pos_ == "ADJ" and head.dep_ in COPULA_COMPLEMENT_DEPS:
        return subject_heads(head.head, depth + 1)[0], True
    if verb.dep_ in CONTROL_DEPS:
        objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        purpose = subject_heads(head, depth + 1)[0] if objects and _purpose(verb, objects[0]) else []
        if purpose:
            return purpose, True
        if objects:
            return objects[:1], True
        return subject_heads(head, depth + 1)[0], True
    gerund = gerund_host(verb)
    if gerund is not None:
        # "apologise for likening X to Y", "praised ministers for reaching it": who does the act
        host, by_object = gerund
        if by_object:
            return [c for c in host.children if c.dep_ in OBJECT_DEPS][:1], True
        return subject_heads(host, depth + 1)[0], True
    stolen = stolen_subject(verb)
    if stolen is not None:
        return [stolen], False
    reported = reported_subject(head) if verb.dep_ in REPORTED_CLAUSE_DEPS else None
    if reported is not None and reported[1].i == verb.i:
        return [reported[0]], False
    if verb.dep_ in INHERIT_SUBJECT_DEPS and head.pos_ in VERB_POS:
        return subject_heads(head, depth + 1)[0], True
    return [], False


def _purpose(verb: Any, obj: Any) -> bool:
    """Whether the to-infinitive after a verb's object is the subject's purpose: "used the money to buy
    shares", "hit some powerful forehands to oust Starace" (not "urged Bogdanovic to seize his chance").
    An infinitive of state is the object's: "build a PC to be compact"."""
    head = verb.head
    if head.lemma_ in PURPOSE_OBJECT_VERBS:
        return True
    if head.lemma_ in OBJECT_CONTROL_VERBS or verb.lemma_ == "be" or obj.i > verb.i or obj.tag_ in WH_PRONOUN_TAGS:
        return False
    if any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in head.children):
        return False  # "it took one jackass to shout out", "it takes me longer to think": the object does it
    if obj.lemma_.lower() in INTENTION_NOUNS and head.lemma_ not in PRESENTING_VERBS:
        return False  # "follows pledges by four players to donate": the pledge's makers would donate
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return False
    return any(c.tag_ == "TO" for c in verb.children)


def existential(verb: Any) -> Any | None:
    """The noun an existential "there be" says exists: "There are 500 workers at the plant"."""
    if verb.lemma_ != "be" or verb.dep_ in RELATIVE_DEPS:
        return None  # "the levels at which there was resistance": the relative's own rules
    if not any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ in NOMINAL_POS and c.i > verb.i), None)


def _antecedent(verb: Any, depth: int) -> list[Any]:
    """The noun a relative or participial clause is said of."""
    head = verb.head
    copula = state_copula(verb)
    if copula is not None:
        return subject_heads(copula, depth + 1)[0]  # "Tarantino is in talks to write": Tarantino would write
    if head.dep_ in PREDICATIVE_DEPS and cleft(head.head):
        return [head]  # "It was Superstar that put her back on the map": Superstar did
    if head.dep_ in PREDICATIVE_DEPS and head.head.lemma_ == "be":
        # "X is a footballer who plays for Y": the clause is said of X
        return subject_heads(head.head, depth + 1)[0] or [head]
    return [head]


def verb_frames(sent: Any) -> Iterator[Frame]:
    """One Frame per predicate of the sentence, with every argument still unsplit."""
    for token in sent:
        if is_predicate(token):
            frame = _frame(token)
            if frame is not None:
                yield frame


def _frame(verb: Any) -> Frame | None:
    frame = Frame(verb=verb)
    heads, inherited = subject_heads(verb)
    # the whole verb group stays out of the subject: "the plan to start building it" -> "the plan"
    group = control_chain(verb)[0]
    relative = relative_pronoun(verb) if verb.dep_ in RELATIVE_DEPS else None
    head_noun = verb.head if verb.dep_ in RELATIVE_DEPS | PARTICIPLE_DEPS else None
    host = verb if verb.dep_ in PARTICIPLE_DEPS else group if group.i != verb.i else None
    if relative is None and host is not None and host.dep_ in RELATIVE_DEPS | PARTICIPLE_DEPS:
        # "the 41 billion francs which the government expects to raise", "the plan that the minister
        # refused to sign": the relative word is the object of the clause's last verb (the parser may
        # call the clause a participle), and stands for the noun the clause hangs on
        relative = relative_pronoun(verb)
        if relative is not None and relative.dep_ in OBJECT_DEPS and relative.i < verb.i:
            head_noun = host.head
        else:
            relative = None
    skip = {relative.i} if relative is not None else set()
    if relative is not None and relative.dep_ in SUBJECT_DEPS:
        heads, inherited = _antecedent(verb, 0), True
    frame.subjects = [_subject_phrase(h, group) for head in heads for h in conjuncts(head) if h.i not in skip]
    frame.inherited_subject = inherited
    existent = existential(verb)
    if existent is not None:
        skip.add(existent.i)  # the subject of "there are 500 workers at the plant" is no complement
    if not frame.subjects or cleft(verb) or extraposed_adjective(verb):
        return None
    relation(frame, verb)
    state = _state(verb)
    if state is not None:
        _state_relation(frame, state, verb)
    if head_noun is not None and relative is None and object_gap(verb):
        # a contact clause: "the post he held for fourteen years" -> (he, held, the post)
        frame.objects.append(noun_phrase(head_noun, skip=(verb.i,)))
    if relative is not None and head_noun is not None and relative.dep_ in OBJECT_DEPS:
        # the object is known before the adjuncts: no preposition joins the relation in its place
        relative_object(frame, relative, head_noun, host if host is not None and host.head.i == head_noun.i else verb)
    arguments(frame, verb, skip)
    after = subject_after(verb)
    if after is not None:
        # "... and now faces Serena Williams": the noun read as a subject after the verb is its object
        frame.objects.insert(0, noun_phrase(after))
    object_infinitive(frame, verb)
    if existent is not None:
        frame.kind = "existential"
        if frame.object_clause is not None:
            # "A second factor is X; there must be a threat": "there be" takes no clause for its object
            frame.objects, frame.object_clause = [], None
        if not frame.objects and any(c.dep_ in RELATIVE_DEPS | PARTICIPLE_DEPS for c in existent.children):
            return None  # "there are 109 individuals who belong to another church": the relative clause says it
        if not frame.objects:
            frame.lemma_words = ["exist"]  # "there is no evidence of fraud": (evidence of fraud, exist), negated
            # "There are 33 states, plus the U.S. Virgin Islands, ...": that a named place or body exists says nothing
            frame.subjects = [s for s in frame.subjects if not named_place(verb.doc, s)]
            if not frame.subjects:
                return None
    if frame.objects:
        # the noun a later coordinated verb takes as its subject is no object of this one
        stolen = {n.i for n in verb.sent if n.dep_ == "conj" and n.pos_ in VERB_POS for n in [stolen_subject(n)] if n}
        frame.objects = [o for o in frame.objects if not stolen.intersection(o)] or frame.objects
    reported = reported_subject(verb)
    if reported is not None:
        # the noun "object" and the clause after it are one reported clause: the object is all of it
        subject, clause = reported
        frame.objects = [tuple(range(subject.left_edge.i, clause.right_edge.i + 1))]
        frame.extras = [(role, tokens) for role, tokens in frame.extras if tokens[0] > clause.right_edge.i]
        frame.object_clause = clause.i
    if head_noun is not None and verb.dep_ in RELATIVE_DEPS:
        relative_adverb(frame, verb, head_noun)
    wh_words = [o for o in frame.objects if len(o) == 1 and verb.doc[o[0]].tag_ in WH_PRONOUN_TAGS]
    if wh_words:
        # "what Jack Straw said", "Asked what the nomination means": a bare "what" is the gap of a free
        # relative or a question, and the clause with it as its object says nothing
        frame.objects = [o for o in frame.objects if o not in wh_words]
        if not frame.objects and not _preposition_object(frame):
            return None
    if relative is not None and head_noun is not None and relative.dep_ not in SUBJECT_DEPS | OBJECT_DEPS:
        relative_object(frame, relative, head_noun)
    infinitive = any(c.tag_ == "TO" for c in group.children) and relative is None and not _ranked(group.head)
    perfect = _perfect_have(verb)
    if perfect is not None:
        # "Fitch and Moody's have long since upped their rating": "have" is the perfect's auxiliary,
        # though the parser made it the main verb and the participle a clause of its own
        frame.relation = sorted({perfect.i, *frame.relation, *(c.i for c in perfect.children if c.dep_ in AUX_DEPS)})
    elif verb.dep_ in RELATIVE_DEPS and not infinitive:
        frame.kind = "relative"
    elif verb.dep_ in PARTICIPLE_DEPS | {"advcl"} and verb.tag_ in PARTICIPLE_TAGS and inherited:
        frame.kind = "participle"
        superlative = any(c.tag_ in RANK_TAGS for c in verb.head.children)
        if not frame.objects and verb.dep_ in PARTICIPLE_DEPS and (verb.head.pos_ == "PRON" or superlative):
            # "those born deaf", "the most in-depth so far conducted": the participle only picks out its
            # noun ("those deaf are born", "the study is conducted" say nothing)
            return None
        if not any(c.dep_ in AUX_DEPS for c in verb.children):
            # "the report , published on Monday ," reads "the report was published on Monday"
            frame.implied_be = "past" if host_is_past(verb) else "present"
    elif group.dep_ in PARTICIPLE_DEPS | RELATIVE_DEPS and inherited and infinitive and state is None:
        # "the decision to withdraw the trams" reads "the decision was to withdraw the trams"
        frame.implied_be = "past" if host_is_past(group) else "present"
        frame.kind = "infinitive"
        if group.head.pos_ == "PRON":
            # "not using anything to push myself", "something to say": the pronoun names nothing the
            # infinitive could be said of ("anything is to push myself")
            return None
    return frame


def _state(verb: Any) -> Any | None:
    """The infinitive completing a copula's state, for verb or the infinitive it is coordinated with:
    "write" and "direct" of "is in talks to write and direct"."""
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head
    return verb if state_copula(verb) is not None else None


def _state_relation(frame: Frame, infinitive: Any, verb: Any) -> None:
    """The copula, its preposition and noun join the relation: "is in talks to write" (lemma "be in talk to write")."""
    noun = infinitive.head
    copula = noun.head.head
    words = [copula.i, noun.head.i, noun.i, *(c.i for c in noun.children if c.dep_ == "det")]
    words += [c.i for c in copula.children if c.dep_ in AUX_DEPS or c.dep_ == "neg"]
    frame.negated = frame.negated or any(c.dep_ == "neg" for c in copula.children)
    to = [c.i for c in infinitive.children if c.tag_ == "TO"]
    frame.relation = sorted({*words, *to, *frame.relation})
    lead = ["be", noun.head.lower_, noun.lemma_.lower()]
    frame.lemma_words = [*lead, *(["to"] if frame.lemma_words[:1] != ["to"] else []), *frame.lemma_words]
    if verb.i != infinitive.i:
        frame.lemma_words = [w for w in frame.lemma_words if w != infinitive.lemma_] or frame.lemma_words


def _preposition_object(frame: Frame) -> bool:
    """Make the first prepositional adjunct the object, its preposition joining the relation:
    "what Jack Straw said about Michael Howard" -> (Jack Straw, said about, Michael Howard)."""
    doc = frame.verb.doc
    for n, (role, tokens) in enumerate(frame.extras):
        if role in NOT_OBJECT_ROLES or len(tokens) < 2 or doc[tokens[0]].dep_ not in PREP_DEPS:
            continue
        frame.relation = sorted({*frame.relation, tokens[0]})
        frame.lemma_words.append(doc[tokens[0]].lower_)
        frame.objects.append(tokens[1:])
        del frame.extras[n]
        return True
    return False


def _perfect_have(verb: Any) -> Any | None:
    """The "have" a past participle was cut from: "have long since upped" parsed as have + a clause."""
    head = verb.head
    if verb.tag_ != "VBN" or verb.dep_ not in PERFECT_CUT_DEPS or head.lemma_ != "have" or head.i > verb.i:
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None  # a clause with a subject of its own
    if any(c.dep_ in OBJECT_DEPS | COPULA_COMPLEMENT_DEPS for c in head.children):
        return None
    return head


def _ranked(noun: Any) -> bool:
    """A noun ranked by an ordinal or superlative: "the first station to broadcast" tells what it did."""
    return any(c.tag_ in RANK_TAGS or c.lower_ in RANK_WORDS for c in noun.children)


def host_is_past(verb: Any) -> bool:
    """Whether the finite clause a participle or a noun phrase hangs on is in the past tense."""
    token = verb.head
    for _ in range(8):
        finite_aux = any(c.dep_ in AUX_DEPS and c.tag_ != "TO" for c in token.children)
        if token.pos_ in VERB_POS and (token.tag_ in FINITE_TAGS or finite_aux):
            return token.tag_ == "VBD" or any(c.dep_ in AUX_DEPS and c.tag_ == "VBD" for c in token.children)
        if token.head.i == token.i:
            break
        token = token.head
    return False


def _subject_phrase(head: Any, verb: Any) -> Tokens:
    if head.dep_ in {"csubj", "csubjpass"}:
        return subtree_indices(head)
    # a gerund the parser took for a compound is a verb with the noun as its object: the scores of
    # "goes into mastering scores that will never be performed" are performed, not "mastering scores"
    gerunds = [c.i for c in head.children if c.dep_ == "compound" and c.tag_ == "VBG" and c.i < head.i]
    return noun_phrase(head, skip=(verb.i, *gerunds))
