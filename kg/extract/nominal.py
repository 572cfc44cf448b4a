"""Relations carried by noun phrases: appositions, titles and nouns with their participants."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import nominal_roles
from .args import Tokens, be_form, conjuncts, noun_phrase, set_apart, subtree_indices, trim
from .nominal_roles import agent_relation, intention, named_modifier, of_amount, owned_share
from .sentences import entities_in
from .tokens import span_tokens
from .verbs import host_is_past

APPOSITION_DEPS = frozenset({"appos"})
TITLE_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "det", "punct"})
POSSESSIVE_DEPS = frozenset({"poss"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Entity types that take a title in front of the name ("President Zelensky").
TITLED_ENTS = frozenset({"PERSON"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
TIME_ENTS = frozenset({"DATE", "TIME"})
QUANTITY_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Prepositions that link a relational noun to its participants ("the rift between X and Y").
PARTICIPANT_PREPS = frozenset({"between", "among", "with", "against", "to", "over", "on", "for", "from"})
PERSONAL_POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
# Forms of address: a closed class that is not a title worth a tuple.
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr", "sir", "madam", "mx."})
# Participles whose hyphenated modifier says where, never who: "UK-based", "Texas-born", "London-headquartered".
LOCATIVE_PARTICIPLES = frozenset({"base", "locate", "headquarter", "bear", "situate"})
# Prepositions of location that make "X in Y" an implied (X, is in, Y).
LOCATION_PREPS = frozenset({"in", "at"})

# (subject, relation tokens, relation text, lemma, object, kind) as doc indices
NounRelation = nominal_roles.NounRelation


def appositions(sent: Any) -> Iterator[NounRelation]:
    """(noun, is, apposition) for "Zaluzhny, the commander-in-chief," and the like."""
    for token in span_tokens(sent):
        # an intensive pronoun is no apposition: "the country itself"
        if token.dep_ in APPOSITION_DEPS and token.head.pos_ in NOUN_POS | {"PRON"} and token.pos_ != "PRON":
            subject = noun_phrase(_dash_antecedent(token), skip=(token.i,))
            obj = noun_phrase(token)
            if not set_apart(token.head, token):
                # "his commander-in-chief Zaluzhny": the name is the subject, the noun before it its title
                subject, obj = obj, subject
            if not subject or not obj or (_quantity(token) and _quantity(token.head)):
                # "70.9 billion rubles ( US$ 114.3 billion )", "9.75 % , 8.75 %": a conversion or a list
                continue
            if _spelled_out(sent.doc, subject, token):
                # "personal video recorders (PVRs)": an abbreviation glossed, no fact about the thing
                continue
            if _list_member(token):
                # "the Pretenders, Percy Sledge, the O'Jays and Buddy Guy": a list, not one thing renamed
                continue
            agent = agent_relation(token, subject)
            if agent is not None:
                # "Redland, the holder of 49.87 pct of Monier": the noun names what the subject does
                yield agent
            if token.ent_type_ in PLACE_ENTS and token.head.ent_type_ in PLACE_ENTS:
                # "Hoboken, New Jersey": a place and the larger place it lies in
                yield subject, (), f"{be_form(sent.doc, subject)} in", "be in", obj, "nominal"
            else:
                yield subject, (), be_form(sent.doc, subject), "be", obj, "apposition"


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _dash_antecedent(appos: Any) -> Any:
    """The noun an apposition renames: its head, or after a dash the proper noun just before the dash.

    "a huge challenge against Safin - the conqueror of Roger Federer": the conqueror is Safin.
    """
    head = appos.head
    doc = appos.doc
    before = appos.left_edge.i - 1
    if before < 1 or doc[before].text not in DASHES:
        return head
    name = doc[before - 1]
    while name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.i < before:
        name = name.head
    if name.pos_ != "PROPN" or name.i == head.i or not head.is_ancestor(name):
        return head
    return name


def _spelled_out(doc: Any, subject: Tokens, appos: Any) -> bool:
    """Whether appos is a bracketed abbreviation made of the initials of subject's words."""
    if appos.i == 0 or doc[appos.i - 1].text != "(" or len(list(appos.subtree)) != 1:
        return False
    letters = appos.text[:-1] if appos.text.endswith("s") else appos.text
    words = [doc[i] for i in subject if doc[i].is_alpha and doc[i].pos_ not in ("DET", "PRON")]
    initials = "".join(w.text[0] for w in words)
    return len(letters) >= 2 and letters.isupper() and letters.lower() == initials.lower()


def _list_member(token: Any) -> bool:
    """An apposition that is one item of a list: a chain of appositions, or a name coordinated with names.

    "X, the commander-in-chief and a rival of Y" stays an apposition: its conjunct is no name.
    """
    if token.head.dep_ in APPOSITION_DEPS or any(c.dep_ in APPOSITION_DEPS for c in token.children):
        return True
    names = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return bool(names) and token.pos_ == "PROPN" and token.head.pos_ in ("PROPN", "NOUN")


def _quantity(token: Any) -> bool:
    return token.ent_type_ in QUANTITY_ENTS or token.pos_ == "NUM"


def place_pairs(sent: Any) -> Iterator[NounRelation]:
    """(place, is in, larger place) for "Monroe , Conn. , couple" where the parser did not read an apposition.

    A list of places ("Japan , Britain and Canada") is left alone: its names are conjuncts.
    """
    doc = sent.doc
    ents = entities_in(sent)
    for place, larger in zip(ents, ents[1:], strict=False):
        if place.label_ not in PLACE_ENTS or larger.label_ not in PLACE_ENTS:
            continue
        if larger.start != place.end + 1 or doc[place.end].text != ",":
            continue
        root = larger.root
        if root.dep_ in APPOSITION_DEPS | {"conj"} or (larger.end < len(doc) and doc[larger.end].dep_ == "cc"):
            continue  # an apposition has its own tuple; a conjunct is one of a list
        subject = tuple(range(place.start, place.end))
        yield subject, (), f"{be_form(doc, subject)} in", "be in", tuple(range(larger.start, larger.end)), "nominal"


def titles(sent: Any) -> Iterator[NounRelation]:
    """(name, is, title) for a person's name preceded by a title: "US Security Advisor Jake Sullivan"."""
    for ent in entities_in(sent):
        if ent.label_ not in TITLED_ENTS:
            continue
        head = ent.root
        title = [i for i in noun_phrase(head) if i < ent.start and sent.doc[i].dep_ != "det" and i >= sent.start]
        # the word next to the name must be a title, not a form of address ("Shearson's Mr. Devario")
        if title and title[-1] == ent.start - 1 and _is_title_word(sent.doc[title[-1]]):
            name = tuple(range(ent.start, ent.end))
            yield name, (), be_form(sent.doc, name), "be", tuple(title), "apposition"


def _is_title_word(token: Any) -> bool:
    return token.pos_ in NOUN_POS and token.lower_ not in HONORIFICS


def noun_relations(sent: Any) -> Iterator[NounRelation]:
    """Relational nouns: "X's offer to Y" -> (X, offer to, Y); "his interview with Y" too, the
    pronoun being left to coreference.

    "the rift between X and Y" -> (the rift, between, X), (the rift, between, Y):
    only the owner-less "between"/"among" form yields the noun itself as subject.
    """
    doc = sent.doc
    for noun in span_tokens(sent):
        if noun.pos_ != "NOUN":
            continue
        owner = next((c for c in noun.children if c.dep_ in POSSESSIVE_DEPS), None) or named_modifier(noun)
        planned = intention(noun, owner)
        if planned is not None:
            yield planned
        for prep in noun.children:
            if prep.dep_ != "prep" or (prep.lower_ not in PARTICIPANT_PREPS and not of_amount(prep, owner)):
                continue
            # a date after the noun says when, not who takes part: "their meeting on Monday"
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in TIME_ENTS):
                for target in conjuncts(pobj):
                    obj = noun_phrase(target)
                    if owner is not None:
                        subject = subtree_indices(owner, cut=frozenset({"case"}))
                        rel = (noun.i, prep.i)
                        yield (
                            subject,
                            rel,
                            f"{noun.text} {prep.text}",
                            f"{noun.lemma_} {prep.lower_}",
                            obj,
                            "nominal",
                        )
                    elif prep.lower_ in {"between", "among"}:
                        subject = tuple(i for i in noun_phrase(noun) if i < prep.i)
                        lemma = prep.lower_
                        be = be_form(doc, subject, past=host_is_past(noun))
                        yield subject, (prep.i,), f"{be} {prep.text}", f"be {lemma}", obj, "nominal"


def possessives(sent: Any) -> Iterator[NounRelation]:
    """(owner, has, thing) for "Kiev's military efforts"; personal pronouns are left out."""
    for token in span_tokens(sent):
        if token.dep_ not in POSSESSIVE_DEPS or token.lower_ in PERSONAL_POSSESSIVES:
            continue
        thing = token.head
        if thing.pos_ not in NOUN_POS:
            continue
        owner = subtree_indices(token, cut=frozenset({"case"}))
        skip = {token.i}
        obj = tuple(i for i in noun_phrase(thing, skip=skip) if sent.doc[i].dep_ != "case" or i > thing.i)
        if owner and obj:
            yield owner, (), "has", "have", obj, "nominal"


def locations(sent: Any) -> Iterator[NounRelation]:
    """(X, is in, place) for a noun followed by "in"/"at" and a named place: "Henry Wood Hall in Glasgow"."""
    for prep in span_tokens(sent):
        if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS or prep.head.pos_ not in NOUN_POS:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in PLACE_ENTS):
            subject = tuple(i for i in noun_phrase(prep.head) if i < prep.i)
            if subject:
                be = be_form(sent.doc, subject, past=host_is_past(prep.head))
                yield (
                    subject,
                    (prep.i,),
                    f"{be} {prep.text}",
                    f"be {prep.lower_}",
                    noun_phrase(pobj),
                    "nominal",
                )


# Prepositions that introduce examples of a noun: "symbols , such as the Star of David" ("as" needs "such").
EXAMPLE_PREPS = frozenset({"including", "like", "as"})


def examples(sent: Any) -> Iterator[NounRelation]:
    """(noun, are such as, example) for each example given after a noun: "languages such as Tok Pisin".

    "several companies , including Monsanto and Shell" -> (several companies, are including, Monsanto), (..., Shell).
    Scored as "nominal": on CaRB dev these tuples have a mean best-match precision of 0.43.
    """
    doc = sent.doc
    for prep in span_tokens(sent):
        if prep.dep_ != "prep" or prep.lower_ not in EXAMPLE_PREPS or prep.head.pos_ not in NOUN_POS:
            continue
        such = [c.i for c in prep.children if c.lower_ == "such" and c.i == prep.i - 1]
        if prep.lower_ == "as" and not such:
            continue
        subject = trim(doc, [i for i in noun_phrase(prep.head) if i < prep.i and i not in such])
        if not subject:
            continue
        rel = (*such, prep.i)
        words = " ".join(doc[i].text for i in rel)
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for target in conjuncts(pobj):
                obj = noun_phrase(target)
                if obj:
                    be = be_form(doc, subject, past=host_is_past(prep.head))
                    yield subject, rel, f"{be} {words}", f"be {words.lower()}", obj, "nominal"


def adjective_phrases(sent: Any) -> Iterator[NounRelation]:
    """(noun, is ADJ PREP, object) for an adjective with a prepositional object after its noun.

    "people familiar with the matter" -> (people, are familiar with, the matter). Scored as "nominal":
    on CaRB dev these tuples have a mean best-match precision of 0.45.
    """
    doc = sent.doc
    for adj in span_tokens(sent):
        if adj.dep_ != "amod" or adj.pos_ != "ADJ" or adj.i < adj.head.i or adj.head.pos_ not in NOUN_POS | {"PRON"}:
            continue
        value = next((c for c in adj.children if c.dep_ in VALUE_DEPS and c.i > adj.i), None)
        if adj.lower_ in VALUE_ADJECTIVES and value is not None:
            # "a takeover offer worth 3.1bn Australian dollars": the adjective takes the amount as its object
            subject = noun_phrase(adj.head, skip=[adj.i])
            be = be_form(doc, subject, past=host_is_past(adj.head))
            yield subject, (adj.i,), f"{be} {adj.text}", f"be {adj.lower_}", noun_phrase(value), "nominal"
            continue
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.i > adj.i), None)
        if prep is None:
            continue
        tokens = _prep_object(prep)
        after = [c.i for c in adj.head.children if c.dep_ == "amod" and c.i > adj.head.i]
        subject = noun_phrase(adj.head, skip=after)
        if tokens and subject:
            words = f"{adj.text} {prep.text}"
            yield (
                subject,
                (adj.i, prep.i),
                f"{be_form(doc, subject, past=host_is_past(adj.head))} {words}",
                f"be {adj.lemma_} {prep.lower_}",
                tokens,
                "nominal",
            )


# Adjectives that take an amount as their object ("worth 3.1bn dollars"), and the labels the parser gives it.
VALUE_ADJECTIVES = frozenset({"worth"})
VALUE_DEPS = frozenset({"npadvmod", "dobj", "pobj", "nmod", "attr"})


def _prep_object(prep: Any) -> Tokens:
    """The phrase a preposition governs (a noun phrase or a gerund clause), or ()."""
    obj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
    if obj is None:
        return ()
    return noun_phrase(obj) if obj.dep_ == "pobj" else subtree_indices(obj)


# Dependents of a hyphenated participle that name its agent: "NATO-backed", "state-run".
AGENT_MODIFIER_DEPS = frozenset({"npadvmod", "compound", "nmod"})


def agent_participles(sent: Any) -> Iterator[NounRelation]:
    """(agent, participle, noun) for a hyphenated participle before a noun: "a NATO-backed offensive"."""
    doc = sent.doc
    for token in span_tokens(sent):
        if token.dep_ != "amod" or token.tag_ != "VBN" or token.head.pos_ not in NOUN_POS:
            continue
        share = owned_share(token)
        if share is not None:
            yield share
            continue
        agents = [
            c
            for c in token.children
            if c.dep_ in AGENT_MODIFIER_DEPS and c.pos_ in NOUN_POS and c.i + 2 == token.i and doc[c.i + 1].text == "-"
        ]
        if not agents:
            continue
        agent = agents[0]
        left_out = set(subtree_indices(token))
        for child in token.head.children:
            if child.dep_ in POSSESSIVE_DEPS:
                left_out.update(child.i for child in child.subtree)
        noun = tuple(i for i in noun_phrase(token.head) if i not in left_out)
        if token.lemma_ in LOCATIVE_PARTICIPLES:
            # "the UK-based journal Screen Digest": the journal is based in the UK; "web-based data" says no place
            if noun and agent.ent_type_ in PLACE_ENTS:
                relation = f"{be_form(doc, noun)} {token.text} in"
                yield noun, (token.i,), relation, f"be {token.lemma_} in", subtree_indices(agent), "nominal"
            continue
        if noun:
            # an implied relation, like the other noun-phrase ones: scored as "nominal"
            yield subtree_indices(agent), (token.i,), token.text, token.lemma_, noun, "nominal"
