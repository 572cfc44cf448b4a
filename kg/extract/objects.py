"""Objects, complements and adjuncts of a verb: what a Frame holds after its relation.

Direct objects, copula complements ("is a rival of", "is worried about ..."), that-clauses,
prepositional adjuncts by role (time, place or the preposition), datives, and the preposition
that joins the relation when there is no object ("taught at", "was rejected by").
"""

from __future__ import annotations

from typing import Any

from .args import Tokens, conjuncts, head_of, merge, noun_phrase, split_words, subtree_indices
from .frames import (
    ADVERB_DEPS,
    CLAUSE_OBJECT_DEPS,
    CONTROL_DEPS,
    COPULA_COMPLEMENT_DEPS,
    DATIVE_DEPS,
    OBJECT_DEPS,
    PARATAXIS_DEPS,
    PLACE_ENTS,
    PREP_DEPS,
    PURPOSE_OBJECT_VERBS,
    SUBJECT_DEPS,
    TIME_DEPS,
    TIME_ENTS,
    VERB_POS,
    Frame,
)


def _extraposed_that(copula: Any, comp: Any) -> bool:
    """An adjective after an expletive "it" whose copula governs a that-clause: "It is amazing that ..."."""
    return (
        comp.pos_ == "ADJ"
        and copula.lemma_ == "be"
        and extraposed(copula)
        and any(c.dep_ in CLAUSE_OBJECT_DEPS and c.dep_ not in SUBJECT_DEPS for c in copula.children)
    )


AMOUNT_ENTS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
# Linking verbs: an adjective after them is their complement, even when parsed as an adverb
# ("Asimo has just got faster and smarter").
LINKING_VERBS = frozenset({"get", "become", "grow", "turn", "remain", "stay", "seem", "look", "sound", "feel", "prove"})
COMPARATIVE_TAGS = frozenset({"RBR", "JJR", "JJ"})
# Punctuation that sets a phrase off from the verb before it.
COMMAS = frozenset({",", ";", "--", "—", "–"})
# Words that may stand between two verbs sharing the second one's object: "criticized, and then mocked it".
SHARED_GAP_DEPS = frozenset({"cc", "punct", "preconj"})
# Heads of a verbless clause object: "made [Smith their mayor]", "consider [the plan a failure]".
SMALL_CLAUSE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
# Prepositions a verb selects for a second complement after its object: "cited X as reasons for Y",
# "took swipes at X", "married X with Y", "separating X from Y", "won a scholarship to X".
COMPLEMENT_PREPOSITIONS = frozenset({"as", "at", "with", "from", "to", "into", "onto", "for", "against", "of", "about"})
# Prepositions of a time clause: "before losing 10 games", "after winning the title".
CLAUSE_TIME_PREPOSITIONS = frozenset({"before", "after", "since", "until", "while"})
# Clauses on a noun, left out of a complement phrase they would run on from.
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
# Nouns of set adverbial phrases that never complete an object: "for the first time", "as part of",
# "as a result of", "for the purpose of".
ADVERBIAL_NOUNS = frozenset({"time", "part", "result", "purpose"})


def amount(token: Any) -> bool:
    """A noun phrase that is an amount: '30 pct', '2.5 billion dlrs', '15 points' (a number, not a date)."""
    if token.ent_type_ in TIME_ENTS:
        return False
    return token.ent_type_ in AMOUNT_ENTS or any(c.dep_ == "nummod" or c.like_num for c in token.children)


def extraposed(copula: Any) -> bool:
    """Whether a copula's subject is the expletive "it" of an extraposed clause: "it is necessary to ..."."""
    return any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in copula.children)


def arguments(frame: Frame, verb: Any, skip: set[int]) -> None:
    """Objects, complements and adjuncts of verb."""
    doc = verb.doc
    preps: list[Any] = []
    amounts: list[Any] = []
    adverbs: dict[int, int] = {}  # preposition -> the adverb it hangs on ("ahead of")
    split = split_words(verb)
    parts = {i for tokens in split.values() for i in tokens}
    for child in verb.children:
        if child.i in skip or child.i in parts:
            continue
        dep = child.dep_
        if dep in OBJECT_DEPS and _reflexive(child):
            # "Blair distanced himself from the posters": the reflexive is the subject again, so it joins
            # the relation and what follows is the object ("distanced himself from" the posters)
            frame.relation.append(child.i)
        elif dep in OBJECT_DEPS:
            frame.objects.extend(noun_phrase(c) for c in conjuncts(child) if c.i not in skip)
        elif dep in COPULA_COMPLEMENT_DEPS and _extraposed_that(verb, child):
            # "It is amazing that S": the adjective joins the relation, the clause is what is said of it
            frame.kind = "copula"
            frame.relation.append(child.i)
            frame.lemma_words.append(child.lower_)
        elif dep in COPULA_COMPLEMENT_DEPS:
            _complement(frame, child)
        elif dep in CLAUSE_OBJECT_DEPS and dep not in SUBJECT_DEPS:
            small = _small_clause(child)
            if small is not None and child.pos_ == "ADJ" and child.i > verb.i:
                # "make the robots useful for people", "keep the dollar stable": the object is what the adjective
                # says of its noun, whole ("make the robots" says something else)
                frame.objects.append(subtree_indices(child))
            elif small is None:
                _clause_object(frame, child)
            else:
                # "may make Gavin Henson his first-choice kicker", "consider the plan a failure": a verbless
                # clause is an object and its predicative complement, not a clause of its own
                frame.objects.append(noun_phrase(small))
                frame.extras.append(("as", noun_phrase(child, skip=(small.i,))))
        elif dep in PREP_DEPS:
            preps.append(child)
        elif (
            dep in ADVERB_DEPS and child.i > verb.i and verb.lemma_ in LINKING_VERBS and child.tag_ in COMPARATIVE_TAGS
        ):
            frame.objects.append(subtree_indices(child))
        elif dep in ADVERB_DEPS and child.i == verb.i + 1 and child.ent_type_ not in TIME_ENTS:
            # "went ahead of Lemmy", "were recalled back to active duty": adverb and preposition go together
            led = [c for c in child.children if c.dep_ in PREP_DEPS and c.i > child.i]
            if led:
                preps.append(led[0])
                adverbs[led[0].i] = child.i
        elif dep in DATIVE_DEPS:
            frame.extras.append(("to", noun_phrase(child)))
        elif dep in TIME_DEPS and amount(child):
            # "rose 30 pct", "fell 2.5 billion dlrs": the amount of a change, not a time
            amounts.append(child)
        elif dep in TIME_DEPS or (dep == "advmod" and child.ent_type_ in TIME_ENTS):
            frame.extras.append(("time", subtree_indices(child)))
    if amounts and not frame.objects and frame.kind == "verb" and all(_prep_phrase(p)[0] == "time" for p in preps):
        # "output declined 0.2% in 2003": with no object (nor a preposition to join), the amount is what it states
        frame.objects.append(noun_phrase(amounts.pop(0)))
    frame.extras.extend(("amount", noun_phrase(a)) for a in amounts)
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
        if prep.i in frame.relation:
            continue  # 'were "outraged" by the decision': the complement's preposition (_complement)
        role, tokens = _prep_phrase(prep, skip)
        if not tokens:
            continue
        adverb = adverbs.get(prep.i)
        completion = _completion(frame, prep) if role == prep.lower_ else None
        if completion is not None:
            # "took several swipes at the Playstation": the phrase right after the object completes it
            # ("took several swipes" says little); the statement's object takes it, CaRB's keeps it apart
            frame.completion.extend(completion)
        if joining is not None and prep.i == joining.i:
            if adverb is not None:
                frame.relation.append(adverb)
                frame.lemma_words.append(doc[adverb].lower_)
            frame.relation.append(prep.i)
            frame.lemma_words.append(prep.lower_)
            frame.objects.append(tuple(i for i in tokens if i != prep.i))
        else:
            frame.extras.append((role, merge((adverb,), tokens) if adverb is not None else tokens))
    if joining is not None and joining.lower_ == "from":
        _range_end(frame, joining)
    frame.extras.sort(key=lambda extra: extra[1][0] if extra[1] else doc[0].i)
    if split:
        # a word cut at its hyphen is one argument: "a counter-offer", "vice-president of the firm"
        frame.objects = [merge(obj, *(split[i] for i in obj if i in split)) for obj in frame.objects]


def _completion(frame: Frame, prep: Any) -> Tokens | None:
    """The phrase of a complement preposition right after the verb's last object, as a noun phrase
    (no clause of its own): "at the Playstation", "as possible replacements for the veteran"."""
    if not frame.objects or frame.object_clause is not None or prep.lower_ not in COMPLEMENT_PREPOSITIONS:
        return None
    doc = prep.doc
    # the object ends where its head's phrase ends: "named John Smith, a former banker, as chairman"
    heads = [head for obj in frame.objects if (head := head_of(doc, obj)) is not None]
    ends = [*(h.right_edge.i for h in heads), *(i for obj in [*frame.objects, frame.completion] for i in obj)]
    if prep.i != max(ends, default=len(doc)) + 1:
        return None
    if doc[prep.i - 1].text in COMMAS and not any(t.text in COMMAS for h in heads for t in doc[h.i + 1 : prep.i - 1]):
        return None  # "has one congested network, with long waiting lists": a comma sets off an adjunct
    nouns = [c for c in prep.children if c.dep_ == "pobj"]
    if len(nouns) != 1 or len(list(prep.children)) != 1 or nouns[0].lemma_ in ADVERBIAL_NOUNS:
        return None
    tokens = (prep.i, *noun_phrase(nouns[0]))
    if any(doc[i].text in COMMAS for i in tokens):
        # a clause the parser hung on the noun runs on: "from the tail suddenly burst, fracturing systems"
        clauses = [c.i for c in nouns[0].children if c.dep_ in NOUN_CLAUSE_DEPS and c.i > nouns[0].i]
        tokens = (prep.i, *noun_phrase(nouns[0], skip=clauses))
    if any(doc[i].text in COMMAS for i in tokens):
        return None  # a list: "with X, Y and Z"
    return tokens


def object_infinitive(frame: Frame, verb: Any) -> None:
    """The infinitive after an object completes it: "require the White House to appoint a new chairman"
    (the White House is required to appoint one; "require the White House" says little)."""
    if len(frame.objects) != 1 or frame.object_clause is not None or verb.lemma_ in PURPOSE_OBJECT_VERBS:
        return
    obj = frame.objects[0]
    for child in verb.children:
        if obj and child.dep_ in CONTROL_DEPS and child.i == max(obj) + 2 and verb.doc[child.i - 1].tag_ == "TO":
            tokens = subtree_indices(child)
            if not any(verb.doc[i].is_punct for i in tokens):
                frame.completion.extend(tokens)
            return


def _range_end(frame: Frame, start: Any) -> None:
    """A "from X to Y" range is one object: "plummet from £220m last year to £75m" (not "plummet from £220m")."""
    doc = start.doc
    end = next((c for c in start.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if end is not None:
        # the parser may hang "to" on "from": "from 220 mln stg to 75 mln stg"
        frame.completion.extend(subtree_indices(end))
        return
    for role, tokens in frame.extras:
        if role != "to" or not tokens or tokens[0] < start.i or doc[tokens[0]].head.i != start.head.i:
            continue
        if any(t.text in COMMAS for t in doc[start.i : tokens[0]]):
            return
        frame.completion.extend(tokens)
        return


def _small_clause(clause: Any) -> Any | None:
    """The subject of a clause object headed by a noun or adjective with no verb: "Henson his kicker"."""
    if clause.pos_ not in SMALL_CLAUSE_POS or any(c.dep_ in ("mark", "aux", "auxpass", "cop") for c in clause.children):
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)


def _reflexive(token: Any) -> bool:
    """A reflexive pronoun: "himself", "themselves" (not the intensive "the lodge itself", which is no object)."""
    return token.pos_ == "PRON" and token.lower_.endswith(("self", "selves")) and not list(token.children)


def _relation_preposition(frame: Frame, verb: Any, preps: list[Any]) -> Any | None:
    """The preposition that joins the relation when there is no object: the agent of a passive,
    else the first one after the verb that is not about time ("taught at", "was rejected by")."""
    after = [p for p in preps if p.i > verb.i and all(i < p.i for i in frame.relation)]
    after = [p for p in after if any(c.dep_ in {"pobj", "pcomp"} for c in p.children)]
    if verb.lemma_ == "be":
        # "was only 2-1 down before losing 10 games": a time clause says when, it is nothing a copula is
        after = [
            p
            for p in after
            if not (p.lower_ in CLAUSE_TIME_PREPOSITIONS and any(c.dep_ == "pcomp" for c in p.children))
        ]
    if not after or frame.object_clause is not None:
        return None
    agent = next((p for p in after if p.dep_ == "agent"), None)
    if agent is not None:
        return agent
    # a set phrase set off by commas is a sentence adverb, not the verb's complement: "will not happen
    # overnight, of course", "it fell, in fact, ..." ("happen of" course says nothing)
    after = [p for p in after if not _sentence_adverb(verb, p)]
    if not after:
        return None
    timeless = [p for p in after if _prep_phrase(p)[0] != "time"]
    return (timeless or after)[0]


def _sentence_adverb(verb: Any, prep: Any) -> bool:
    """A preposition and a bare singular noun set off by commas: ", of course", ", in fact,", ", in turn"."""
    doc = verb.doc
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.tag_ != "NN" or list(noun.children) or len(list(prep.children)) != 1:
        return False
    before = doc[prep.i - 1]
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return (
        noun.i == prep.i + 1
        and before.text in COMMAS
        and before.i > verb.i
        and (after is None or after.is_punct or after.is_sent_start)
    )


def _shared_objects(verb: Any) -> list[Tokens]:
    """Objects of the next coordinated verb, shared by an objectless verb: "criticized and mocked it"."""
    doc = verb.doc
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        between = doc[verb.i + 1 : conj.left_edge.i]
        if any(t.dep_ not in SHARED_GAP_DEPS and not (t.dep_ == "prt" and t.head.i == verb.i) for t in between):
            # only verbs that meet at the coordinator share what follows: "start off well and put some
            # pressure on her" does not start off pressure
            continue
        objects = [c for c in conj.children if c.dep_ in OBJECT_DEPS]
        if objects:
            return [noun_phrase(c) for obj in objects for c in conjuncts(obj)]
    return []


def _prep_phrase(prep: Any, skip: set[int] | None = None) -> tuple[str, Tokens]:
    """Role and tokens of a prepositional adjunct: "time", "place" or the preposition itself."""
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"} and c.i not in (skip or ())]
    if not objects:
        return prep.lower_, ()
    tokens = merge((prep.i,), *(subtree_indices(o, skip=[*_list_clauses(o), *_dangling(o)]) for o in objects))
    ent = objects[0].ent_type_
    role = "time" if ent in TIME_ENTS else "place" if ent in PLACE_ENTS else prep.lower_
    return role, tokens


def _dangling(noun: Any) -> list[int]:
    """A coordinator with no conjunct after it: "comes into it as well as" (the parser hung "all the
    practice" elsewhere), not part of the phrase."""
    if any(c.dep_ == "conj" for c in noun.children):
        return []
    return [c.i for c in noun.children if c.dep_ == "cc" and c.i > noun.i]


def _list_clauses(noun: Any) -> list[int]:
    """Relative clauses on the members of a list: statements of their own, not part of the list ("consists
    of Bellamy, Wolstenholme and Howard who met in their teens" consists of the three)."""
    members = conjuncts(noun)
    if len(members) < 2:
        return []
    return [c.i for m in members for c in m.children if c.dep_ == "relcl"]


def _complement(frame: Frame, comp: Any) -> None:
    """Copula complement: "is a rival of", "is worried that ...", "is worried about ..."."""
    frame.kind = "copula"
    if comp.dep_ == "acomp":
        clause = next((c for c in comp.children if c.dep_ in CLAUSE_OBJECT_DEPS), None)
        prep = next((c for c in comp.children if c.dep_ == "prep"), None) or _quoted_adjective_prep(comp)
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


def _quoted_adjective_prep(comp: Any) -> Any | None:
    """The preposition after a quoted adjective, which the parser hangs on the copula: 'were "outraged" by
    the decision' is "outraged by" the decision."""
    doc = comp.doc
    after = comp.i + 1
    while after < len(doc) and doc[after].is_punct and doc[after].is_quote:
        after += 1
    if after == comp.i + 1 or after >= len(doc):
        return None
    token = doc[after]
    return token if token.dep_ == "prep" and token.head.i == comp.head.i else None


def _clause_object(frame: Frame, clause: Any) -> None:
    """A that-clause object: the marker joins the relation, the clause is the object."""
    marks = [c.i for c in clause.children if c.dep_ == "mark"]
    frame.relation.extend(marks)
    frame.lemma_words.extend(clause.doc[i].lower_ for i in marks)
    tokens = tuple(i for i in subtree_indices(clause) if i not in marks)
    wh = clause.doc[clause.left_edge.i]
    if wh.tag_ == "WRB" and wh.head.i == clause.i and not marks and tokens and wh.i < tokens[0]:
        # "discuss how these technologies will impact ...", "asked why the plan failed": the question word
        # is what the object asks (without it, "the plan failed" reads as said)
        tokens = (wh.i, *tokens)
    frame.objects.append(tokens)
    frame.object_clause = clause.i
