"""Verb clauses: subject, relation phrase, object and adjuncts of each verb of a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .args import Tokens, conjuncts, merge, noun_phrase, subtree_indices

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
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
# Relative adverbs and the role of the noun they stand for.
RELATIVE_ADVERBS = {"where": "place", "when": "time"}
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


def is_predicate(token: Any) -> bool:
    """Whether token heads a verb clause of its own."""
    if token.pos_ not in VERB_POS or token.dep_ in NOT_PREDICATE_DEPS:
        return False
    if token.lemma_ == "be" and _raising_adjective(token) is not None:
        # "is likely to raise": the clause is the raised verb's ("Sullivan is likely to raise the issue")
        return False
    # A control verb with a bare xcomp ("refused to step down") is folded into its complement.
    return not _folds_into_xcomp(token)


def _raising_adjective(copula: Any) -> Any | None:
    """The adjective complement of a copula that governs a to-infinitive: "likely" in "is likely to go",
    "necessary" in "it is necessary to climb" (the infinitive hangs on the copula after an expletive "it")."""
    for comp in copula.children:
        if comp.dep_ in COPULA_COMPLEMENT_DEPS and comp.pos_ == "ADJ":
            if any(c.dep_ in CONTROL_DEPS and c.pos_ in VERB_POS for c in comp.children):
                return comp
            if _extraposed(copula) and any(c.dep_ in CONTROL_DEPS and c.pos_ in VERB_POS for c in copula.children):
                return comp
    return None


def _extraposed_that(copula: Any, comp: Any) -> bool:
    """An adjective after an expletive "it" whose copula governs a that-clause: "It is amazing that ..."."""
    return (
        comp.pos_ == "ADJ"
        and copula.lemma_ == "be"
        and _extraposed(copula)
        and any(c.dep_ in CLAUSE_OBJECT_DEPS and c.dep_ not in SUBJECT_DEPS for c in copula.children)
    )


def _extraposed(copula: Any) -> bool:
    """Whether a copula's subject is the expletive "it" of an extraposed clause: "it is necessary to ..."."""
    return any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in copula.children)


def _folds_into_xcomp(token: Any) -> bool:
    xcomps = [c for c in token.children if c.dep_ in CONTROL_DEPS and c.pos_ in VERB_POS]
    if not xcomps:
        return False
    return not any(c.dep_ in OBJECT_DEPS | COPULA_COMPLEMENT_DEPS for c in token.children)


def subject_heads(verb: Any, depth: int = 0) -> tuple[list[Any], bool]:
    """Subject head tokens of verb and whether they come from another clause."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if own and verb.dep_ in RELATIVE_DEPS and all(_is_relative_word(c) for c in own) and verb.head.pos_ in NOMINAL_POS:
        # "a pioneer who began building X", "the prostate , which is cut and flushed": the relative
        # pronoun stands for the noun, also for the verbs folded into or coordinated with this one
        return _antecedent(verb, depth), True
    if own:
        return own, False
    if depth > 6:
        return [], False
    head = verb.head
    if verb.dep_ in RELATIVE_DEPS | PARTICIPLE_DEPS and head.pos_ in NOMINAL_POS:
        return _antecedent(verb, depth), True
    if verb.dep_ in CONTROL_DEPS and head.pos_ == "ADJ" and head.dep_ in COPULA_COMPLEMENT_DEPS:
        return subject_heads(head.head, depth + 1)[0], True
    if verb.dep_ in CONTROL_DEPS:
        objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        if objects:
            return objects[:1], True
        return subject_heads(head, depth + 1)[0], True
    if verb.dep_ in INHERIT_SUBJECT_DEPS and head.pos_ in VERB_POS:
        return subject_heads(head, depth + 1)[0], True
    return [], False


def _is_relative_word(token: Any) -> bool:
    return token.tag_ in {"WDT", "WP"} or token.lower_ in RELATIVE_WORDS


def _antecedent(verb: Any, depth: int) -> list[Any]:
    """The noun a relative or participial clause is said of."""
    head = verb.head
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
    relative = _relative_pronoun(verb) if verb.dep_ in RELATIVE_DEPS else None
    head_noun = verb.head if verb.dep_ in RELATIVE_DEPS | PARTICIPLE_DEPS else None
    skip = {relative.i} if relative is not None else set()
    if relative is not None and relative.dep_ in SUBJECT_DEPS:
        heads, inherited = _antecedent(verb, 0), True
    # the whole verb group stays out of the subject: "the plan to start building it" -> "the plan"
    group = _control_chain(verb)[0]
    frame.subjects = [_subject_phrase(h, group) for head in heads for h in conjuncts(head) if h.i not in skip]
    frame.inherited_subject = inherited
    if not frame.subjects:
        return None
    _relation(frame, verb)
    if head_noun is not None and relative is None and _object_gap(verb):
        # a contact clause: "the post he held for fourteen years" -> (he, held, the post)
        frame.objects.append(noun_phrase(head_noun, skip=(verb.i,)))
    _arguments(frame, verb, skip)
    if head_noun is not None and verb.dep_ in RELATIVE_DEPS:
        _relative_adverb(frame, verb, head_noun)
    if relative is not None and head_noun is not None and relative.dep_ not in SUBJECT_DEPS:
        _relative_object(frame, relative, head_noun)
    infinitive = any(c.tag_ == "TO" for c in group.children) and relative is None and not _ranked(group.head)
    if verb.dep_ in RELATIVE_DEPS and not infinitive:
        frame.kind = "relative"
    elif verb.dep_ in PARTICIPLE_DEPS | {"advcl"} and verb.tag_ in PARTICIPLE_TAGS and inherited:
        frame.kind = "participle"
        if not any(c.dep_ in AUX_DEPS for c in verb.children):
            # "the report , published on Monday ," reads "the report was published on Monday"
            frame.implied_be = "past" if host_is_past(verb) else "present"
    elif group.dep_ in PARTICIPLE_DEPS | RELATIVE_DEPS and inherited and infinitive:
        # "the decision to withdraw the trams" reads "the decision was to withdraw the trams"
        frame.implied_be = "past" if host_is_past(group) else "present"
        frame.kind = "infinitive"
    return frame


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
    return noun_phrase(head, skip=(verb.i,))


def _object_gap(verb: Any) -> bool:
    """A finite relative clause with its own subject, no relative word and no object: "the post he held"."""
    if verb.dep_ not in RELATIVE_DEPS or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    if any(c.dep_ in OBJECT_DEPS | COPULA_COMPLEMENT_DEPS | CLAUSE_OBJECT_DEPS | CONTROL_DEPS for c in verb.children):
        return False
    return not any(t.tag_ in RELATIVE_TAGS or t.lower_ in RELATIVE_WORDS for t in verb.subtree if t.i < verb.i)


def _relative_adverb(frame: Frame, verb: Any, head_noun: Any) -> None:
    """The noun a "where"/"when" clause hangs on is its place or time: "the section where the tanks were"."""
    adverb = next((c for c in verb.children if c.dep_ in ADVERB_DEPS and c.lower_ in RELATIVE_ADVERBS), None)
    if adverb is not None:
        frame.extras.append((RELATIVE_ADVERBS[adverb.lower_], noun_phrase(head_noun, skip=(verb.i,))))


def _relative_pronoun(verb: Any) -> Any | None:
    """The relative pronoun of a relative clause: a child or the object of a child preposition."""
    for child in verb.children:
        if child.tag_ in {"WDT", "WP"} or (child.lower_ in RELATIVE_WORDS and child.dep_ != "mark"):
            return child
        if child.dep_ in PREP_DEPS:
            for grand in child.children:
                relative_word = grand.tag_ in {"WDT", "WP"} or grand.lower_ in RELATIVE_WORDS
                if grand.dep_ == "pobj" and relative_word and grand.i < verb.i:
                    # "the bill that Zaluzhny is pushing for": a stranded preposition
                    return grand
    return None


def _relation(frame: Frame, verb: Any) -> None:
    """Auxiliaries, negation, particles and folded control verbs around the verb."""
    chain = _control_chain(verb)
    words: list[int] = []
    for link in chain:
        for child in link.children:
            if child.dep_ in AUX_DEPS:
                words.append(child.i)
                if child.lower_ in MODAL_AUX:
                    frame.modal = child.lower_
            elif child.dep_ in NEGATION_DEPS:
                words.append(child.i)
                frame.negated = True
            elif child.dep_ in PARTICLE_DEPS:
                words.append(child.i)
            elif child.dep_ in ADVERB_DEPS:
                if child.lower_ in HEDGE_WORDS:
                    frame.modal = child.lower_
                if _inside_verb_group(child, link):
                    words.append(child.i)
        words.append(link.i)
    if verb.dep_ in CONTROL_DEPS and verb.head.pos_ == "ADJ" and verb.head.dep_ in COPULA_COMPLEMENT_DEPS:
        _raising_relation(frame, verb.head, words)
    elif verb.dep_ in CONTROL_DEPS and verb.head.lemma_ == "be" and _extraposed(verb.head):
        adjective = _raising_adjective(verb.head)
        if adjective is not None:
            _raising_relation(frame, adjective, words)
    shares_aux = verb.dep_ == "conj" and _may_follow_auxiliary(verb)
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
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        frame.kind = "passive"
    frame.relation = sorted(set(words))
    frame.lemma_words = [word for link in chain for word in _link_lemma(link, first=link is chain[0])]
    frame.lemma_words += [verb.doc[i].lower_ for i in frame.relation if verb.doc[i].dep_ in PARTICLE_DEPS]


def _may_follow_auxiliary(verb: Any) -> bool:
    """Whether verb's form can follow an auxiliary: not a present-tense form ("were formed and play"),
    nor a past tense unlike its participle ("was opened and became"); a regular "-ed" form may be either."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return False
    return verb.tag_ != "VBD" or str(verb.lower_).endswith("ed")


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


def _link_lemma(link: Any, *, first: bool) -> list[str]:
    """Lemma words of one verb of a control chain: "to step" after "refuse"."""
    if first:
        return [link.lemma_]
    return [c.lower_ for c in link.children if c.dep_ == "aux" and c.tag_ == "TO"] + [link.lemma_]


def _inside_verb_group(adverb: Any, verb: Any) -> bool:
    """An adverb right before the verb or among its auxiliaries: "has long been", "strictly maintain"."""
    if adverb.i > verb.i or adverb.tag_ in RELATIVE_TAGS or adverb.ent_type_ in TIME_ENTS:
        return False
    if adverb.i == verb.i - 1:
        return True
    return any(c.dep_ in AUX_DEPS and c.i < adverb.i for c in verb.children)


def _control_chain(verb: Any) -> list[Any]:
    """verb preceded by the control verbs folded into it: [refused, step] for "refused to step"."""
    chain = [verb]
    while (
        chain[0].dep_ in CONTROL_DEPS
        and chain[0].head.pos_ in VERB_POS  # raising adjectives join in _raising_relation
        and _folds_into_xcomp(chain[0].head)
        and len(chain) < 6
    ):
        chain.insert(0, chain[0].head)
    return chain


def _arguments(frame: Frame, verb: Any, skip: set[int]) -> None:
    """Objects, complements and adjuncts of verb."""
    doc = verb.doc
    preps: list[Any] = []
    adverbs: dict[int, int] = {}  # preposition -> the adverb it hangs on ("ahead of")
    for child in verb.children:
        if child.i in skip:
            continue
        dep = child.dep_
        if dep in OBJECT_DEPS:
            frame.objects.extend(noun_phrase(c) for c in conjuncts(child) if c.i not in skip)
        elif dep in COPULA_COMPLEMENT_DEPS and _extraposed_that(verb, child):
            # "It is amazing that S": the adjective joins the relation, the clause is what is said of it
            frame.kind = "copula"
            frame.relation.append(child.i)
            frame.lemma_words.append(child.lower_)
        elif dep in COPULA_COMPLEMENT_DEPS:
            _complement(frame, child)
        elif dep in CLAUSE_OBJECT_DEPS and dep not in SUBJECT_DEPS:
            _clause_object(frame, child)
        elif dep in PREP_DEPS:
            preps.append(child)
        elif dep in ADVERB_DEPS and child.i == verb.i + 1 and child.ent_type_ not in TIME_ENTS:
            # "went ahead of Lemmy", "were recalled back to active duty": adverb and preposition go together
            led = [c for c in child.children if c.dep_ in PREP_DEPS and c.i > child.i]
            if led:
                preps.append(led[0])
                adverbs[led[0].i] = child.i
        elif dep in DATIVE_DEPS:
            frame.extras.append(("to", noun_phrase(child)))
        elif dep in TIME_DEPS or (dep == "advmod" and child.ent_type_ in TIME_ENTS):
            frame.extras.append(("time", subtree_indices(child)))
    if frame.kind == "verb" and frame.objects and verb.lemma_ == "be":
        frame.kind = "copula"
    if not frame.objects and not preps:
        frame.objects.extend(_shared_objects(verb))
    if not frame.objects and verb.dep_ in PARATAXIS_DEPS and verb.head.pos_ in VERB_POS:
        # "The rift is deepening , officials said": the host clause is what was said
        frame.objects.append(subtree_indices(verb.head, skip=(verb.i,)))
        frame.object_clause = verb.head.i
    joining = _relation_preposition(frame, verb, preps) if not frame.objects else None
    for prep in preps:
        role, tokens = _prep_phrase(prep, skip)
        if not tokens:
            continue
        adverb = adverbs.get(prep.i)
        if joining is not None and prep.i == joining.i:
            if adverb is not None:
                frame.relation.append(adverb)
                frame.lemma_words.append(doc[adverb].lower_)
            frame.relation.append(prep.i)
            frame.lemma_words.append(prep.lower_)
            frame.objects.append(tuple(i for i in tokens if i != prep.i))
        else:
            frame.extras.append((role, merge((adverb,), tokens) if adverb is not None else tokens))
    frame.extras.sort(key=lambda extra: extra[1][0] if extra[1] else doc[0].i)


def _relation_preposition(frame: Frame, verb: Any, preps: list[Any]) -> Any | None:
    """The preposition that joins the relation when there is no object: the agent of a passive,
    else the first one after the verb that is not about time ("taught at", "was rejected by")."""
    after = [p for p in preps if p.i > verb.i and all(i < p.i for i in frame.relation)]
    after = [p for p in after if any(c.dep_ in {"pobj", "pcomp"} for c in p.children)]
    if not after or frame.object_clause is not None:
        return None
    agent = next((p for p in after if p.dep_ == "agent"), None)
    if agent is not None:
        return agent
    timeless = [p for p in after if _prep_phrase(p)[0] != "time"]
    return (timeless or after)[0]


def _shared_objects(verb: Any) -> list[Tokens]:
    """Objects of the next coordinated verb, shared by an objectless verb: "criticized and mocked it"."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        objects = [c for c in conj.children if c.dep_ in OBJECT_DEPS]
        if objects:
            return [noun_phrase(c) for obj in objects for c in conjuncts(obj)]
    return []


def _prep_phrase(prep: Any, skip: set[int] | None = None) -> tuple[str, Tokens]:
    """Role and tokens of a prepositional adjunct: "time", "place" or the preposition itself."""
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"} and c.i not in (skip or ())]
    if not objects:
        return prep.lower_, ()
    tokens = merge((prep.i,), *(subtree_indices(o) for o in objects))
    ent = objects[0].ent_type_
    role = "time" if ent in TIME_ENTS else "place" if ent in PLACE_ENTS else prep.lower_
    return role, tokens


def _complement(frame: Frame, comp: Any) -> None:
    """Copula complement: "is a rival of", "is worried that ...", "is worried about ..."."""
    frame.kind = "copula"
    if comp.dep_ == "acomp":
        clause = next((c for c in comp.children if c.dep_ in CLAUSE_OBJECT_DEPS), None)
        prep = next((c for c in comp.children if c.dep_ == "prep"), None)
        if clause is not None:
            frame.relation.append(comp.i)
            frame.lemma_words.append(comp.lower_)
            _clause_object(frame, clause)
            return
        if prep is not None and any(c.dep_ in {"pobj", "pcomp"} for c in prep.children):
            frame.relation.extend((comp.i, prep.i))
            frame.lemma_words.extend((comp.lower_, prep.lower_))
            frame.objects.append(_prep_phrase(prep)[1][1:])
            return
    frame.objects.append(noun_phrase(comp) if comp.pos_ in {"NOUN", "PROPN", "PRON"} else subtree_indices(comp))


def _clause_object(frame: Frame, clause: Any) -> None:
    """A that-clause object: the marker joins the relation, the clause is the object."""
    marks = [c.i for c in clause.children if c.dep_ == "mark"]
    frame.relation.extend(marks)
    frame.lemma_words.extend(clause.doc[i].lower_ for i in marks)
    frame.objects.append(tuple(i for i in subtree_indices(clause) if i not in marks))
    frame.object_clause = clause.i


def _relative_object(frame: Frame, relative: Any, head_noun: Any) -> None:
    """The noun a relative clause hangs on, as the object (or via a stranded preposition)."""
    noun = noun_phrase(head_noun, skip=(frame.verb.i,))
    if relative.dep_ == "pobj":
        prep = relative.head
        if not frame.objects:
            frame.relation.append(prep.i)
            frame.lemma_words.append(prep.lower_)
            frame.objects.append(noun)
        else:
            frame.extras.append((prep.lower_, noun))
    elif relative.dep_ in OBJECT_DEPS or not frame.objects:
        frame.objects.insert(0, noun)
