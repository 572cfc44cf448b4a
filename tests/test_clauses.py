"""Clause extraction: sentence -> expected (subject, relation, object) tuples, one table per construction."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from kg.extract.carb import carb_lines, tokenized_doc
from kg.extract.clauses import Clause, clauses_of_doc, extract_clauses

Triple = tuple[str, str, str | None]


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy model, loaded once for all clause tests."""
    from kg.nlp import load_model

    try:
        return load_model()
    except Exception as exc:  # the model is a declared dependency; skip only where it is absent
        pytest.skip(f"spaCy model not available: {exc}")


def text(doc: Any, tokens: tuple[int, ...] | None) -> str | None:
    return None if tokens is None else " ".join(doc[i].text for i in tokens)


def triples(nlp: Any, sentence: str) -> set[Triple]:
    """(subject, relation_text, object) of every clause of sentence."""
    doc = tokenized_doc(nlp, sentence)
    return {(text(doc, c.subject) or "", c.relation_text, text(doc, c.object)) for c in extract_clauses(doc)}


def clauses(nlp: Any, sentence: str) -> list[Clause]:
    return list(extract_clauses(tokenized_doc(nlp, sentence)))


def check(nlp: Any, sentence: str, expected: list[Triple]) -> None:
    found = triples(nlp, sentence)
    missing = [t for t in expected if t not in found]
    assert not missing, f"missing {missing}; found {sorted(found, key=str)}"


def param(sentence: str, *expected: Triple, id: str, xfail: str | None = None) -> Any:
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(sentence, list(expected), id=id, marks=marks)


CONSTRUCTIONS = [
    # voice
    param("Zaluzhny criticized the plan .", ("Zaluzhny", "criticized", "the plan"), id="active"),
    param(
        "The offer was rejected by the general .",
        ("The offer", "was rejected by", "the general"),
        id="passive-agent",
    ),
    param(
        "The company was founded in 1990 by two engineers .",
        ("The company", "was founded by", "two engineers"),
        id="passive-agent-after-time",
    ),
    param("He was born in London in 1950 .", ("He", "was born in", "London"), id="passive-no-agent"),
    # copulas
    param(
        "Zaluzhny is a potential rival of Zelensky .",
        ("Zaluzhny", "is", "a potential rival of Zelensky"),
        id="copula-noun",
    ),
    param("The US is worried about the rift .", ("The US", "is worried about", "the rift"), id="copula-adj-prep"),
    param(
        "The US is worried that the rift is hampering the war .",
        ("The US", "is worried that", "the rift is hampering the war"),
        ("the rift", "is hampering", "the war"),
        id="copula-adj-that-clause",
    ),
    # control, raising, clausal complements
    param(
        "Zaluzhny refused to step down .",
        ("Zaluzhny", "refused to step down", None),
        id="control-intransitive",
    ),
    param(
        "Zaluzhny tried to avoid a public clash .",
        ("Zaluzhny", "tried to avoid", "a public clash"),
        id="control-transitive",
    ),
    param(
        "The president seems to trust the general .",
        ("The president", "seems to trust", "the general"),
        id="raising",
    ),
    param(
        "It is necessary to climb embankments .",
        ("It", "is necessary to climb", "embankments"),
        id="extraposed-infinitive",
    ),
    param(
        "It is amazing that the talks failed .",
        ("It", "is amazing that", "the talks failed"),
        id="extraposed-that-clause",
    ),
    param(
        "Zelensky wants Ukraine to sharpen its plan .",
        ("Zelensky", "wants", "Ukraine to sharpen its plan"),
        ("Ukraine", "to sharpen", "its plan"),
        id="object-control",
    ),
    param(
        "Zelensky asked Zaluzhny to resign .",
        ("Zelensky", "asked", "Zaluzhny"),
        ("Zaluzhny", "to resign", None),
        id="object-control-xcomp",
    ),
    param(
        "Bloomberg reported that the rift is hampering the war effort .",
        ("Bloomberg", "reported that", "the rift is hampering the war effort"),
        ("the rift", "is hampering", "the war effort"),
        id="that-clause",
    ),
    # phrasal verbs and prepositional objects
    param("Zaluzhny turned down the offer .", ("Zaluzhny", "turned down", "the offer"), id="phrasal-verb"),
    param(
        "Taylor went ahead of Lemmy .",
        ("Taylor", "went ahead of", "Lemmy"),
        id="adverb-preposition",
    ),
    param(
        "The squadrons were recalled back to active duty during the war .",
        ("The squadrons", "were recalled back to", "active duty"),
        id="adverb-preposition-passive",
    ),
    param(
        "Zaluzhny is pushing for a new law .",
        ("Zaluzhny", "is pushing for", "a new law"),
        id="prepositional-object",
    ),
    # coordination
    param(
        "Zelensky and Zaluzhny clashed over the mobilization bill .",
        ("Zelensky", "clashed over", "the mobilization bill"),
        ("Zaluzhny", "clashed over", "the mobilization bill"),
        id="coordinated-subjects",
    ),
    param(
        "Troops seized the town and the bridge .",
        ("Troops", "seized", "the town"),
        ("Troops", "seized", "the bridge"),
        id="coordinated-objects",
    ),
    param(
        "Officials met in Kiev on Monday and discussed the plan .",
        ("Officials", "met in", "Kiev"),
        ("Officials", "discussed", "the plan"),
        id="coordinated-verbs",
    ),
    param(
        "The club was founded in 1887 and plays in the league .",
        ("The club", "plays in", "the league"),
        id="coordinated-finite-verb-takes-no-auxiliary",
    ),
    param(
        "The line was opened in 1900 and became a symbol .",
        ("The line", "became", "a symbol"),
        id="coordinated-irregular-past-takes-no-auxiliary",
    ),
    param(
        "Reporters criticized and mocked the decision .",
        ("Reporters", "criticized", "the decision"),
        ("Reporters", "mocked", "the decision"),
        id="coordinated-verbs-shared-object",
    ),
    # relative clauses
    param(
        "The bill that Zaluzhny is pushing for was rejected by parliament .",
        ("Zaluzhny", "is pushing for", "The bill"),
        ("The bill", "was rejected by", "parliament"),
        id="relative-stranded-preposition",
    ),
    param(
        "The plan , which Zaluzhny opposed , was dropped .",
        ("Zaluzhny", "opposed", "The plan"),
        id="relative-object",
    ),
    param(
        "The general , who leads the army , denied the reports .",
        ("The general", "leads", "the army"),
        ("The general", "denied", "the reports"),
        id="relative-subject",
    ),
    param(
        "Crozier was an aviation pioneer who began building a flying machine .",
        ("Crozier", "began building", "a flying machine"),
        id="relative-subject-through-control-verb",
    ),
    param(
        "He backed the law , which raised benefits and taxed the elderly .",
        ("the law", "raised", "benefits"),
        ("the law", "taxed", "the elderly"),
        id="relative-subject-through-coordination",
    ),
    param(
        "She showed the gimmicks she used in her stage show .",
        ("she", "used", "the gimmicks"),
        id="relative-contact-clause",
    ),
    param(
        "Blagoja Celeski is an Australian footballer who plays for the Newcastle Jets .",
        ("Blagoja Celeski", "plays for", "the Newcastle Jets"),
        id="relative-on-predicate-noun",
    ),
    # participial and reduced clauses
    param(
        "The report , published on Monday , criticized the army .",
        ("The report", "was published on", "Monday"),
        ("The report", "criticized", "the army"),
        id="reduced-relative",
    ),
    param(
        "Reports published by the ministry show the losses .",
        ("Reports", "are published by", "the ministry"),
        id="reduced-relative-present-plural",
    ),
    param(
        "Bloomberg reported the rift , citing people familiar with the matter .",
        ("Bloomberg", "was citing", "people familiar with the matter"),
        id="participle-adverbial",
    ),
    param(
        "The plan to start building the bridge was dropped .",
        ("The plan", "was to start building", "the bridge"),
        id="noun-infinitive-control-chain",
    ),
    param(
        "Residents oppose the decision to withdraw the trams .",
        ("the decision", "is to withdraw", "the trams"),
        id="noun-infinitive-present",
    ),
    param(
        "Kormoran was the only ship to conduct attacks in these waters .",
        ("Kormoran", "to conduct", "attacks in these waters"),
        id="ranked-noun-infinitive-takes-no-be",
    ),
    # appositions, titles
    param(
        "Zaluzhny , the commander-in-chief , denied the reports .",
        ("Zaluzhny", "is", "the commander-in-chief"),
        id="apposition",
    ),
    param(
        "US National Security Advisor Jake Sullivan wants a plan .",
        ("Jake Sullivan", "is", "US National Security Advisor"),
        id="title",
    ),
    param(
        "Bond apologized to former U.S. Attorney Todd Graves .",
        ("Todd Graves", "is", "former U.S. Attorney"),
        id="title-name-ending-in-s-is-singular",
    ),
    param("Hoboken , New Jersey , is a city .", ("Hoboken", "is in", "New Jersey"), id="place-apposition"),
    param(
        "When it comes to ghosts , the Monroe , Conn. , couple are perfect demons .",
        ("Monroe", "is in", "Conn."),
        id="place-pair-before-noun",
    ),
    # nominal relations
    param(
        "The rift between Zelensky and Zaluzhny is deepening .",
        ("The rift", "is between", "Zelensky and Zaluzhny"),
        id="nominal-between",
    ),
    param(
        "Zelensky 's offer to Zaluzhny was rejected .",
        ("Zelensky", "offer to", "Zaluzhny"),
        id="nominal-possessive-offer",
    ),
    param("Kiev 's military efforts stalled .", ("Kiev", "has", "military efforts"), id="possessive"),
    param("He lives in a house in London .", ("a house", "is in", "London"), id="nominal-location"),
    param(
        "They speak languages such as Tok Pisin and Hiri Motu .",
        ("languages", "are such as", "Tok Pisin"),
        ("languages", "are such as", "Hiri Motu"),
        id="example-such-as",
    ),
    param(
        "The firm studied several options , including a sale .",
        ("several options", "were including", "a sale"),
        id="example-including",
    ),
    param(
        "Officials familiar with the talks described the plan .",
        ("Officials", "were familiar with", "the talks"),
        id="adjective-phrase-after-noun",
    ),
    param(
        "People close to the talks expect a deal .",
        ("People", "are close to", "the talks"),
        id="adjective-phrase-after-noun-present",
    ),
    param(
        "He lived in a house in London .",
        ("a house", "was in", "London"),
        id="nominal-location-past",
    ),
    # adjuncts become extras; see test_extras
    param(
        "The general , who has not commented , may be dismissed .",
        ("The general", "may be dismissed", None),
        ("The general", "has not commented", None),
        id="intransitive",
    ),
    # known failures
    param(
        "Zelensky offered Zaluzhny a post , but he turned it down .",
        ("Zaluzhny", "turned down", "a post"),
        id="pronoun-subject-unresolved",
        xfail="no coreference: the clause keeps the pronoun 'he'",
    ),
    param(
        "President Bush made a final offer on the minimum wage .",
        ("President Bush", "made a final offer on", "the minimum wage"),
        id="light-verb-noun-preposition",
        xfail="light verbs keep their noun in the object, not in the relation",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CONSTRUCTIONS)
def test_construction(nlp: Any, sentence: str, expected: list[Triple]) -> None:
    check(nlp, sentence, expected)


def test_intensive_pronoun_is_no_apposition(nlp: Any) -> None:
    assert not any(c.kind == "apposition" for c in clauses(nlp, "The lodge itself houses the crew ."))


def test_quantity_conversion_is_no_apposition(nlp: Any) -> None:
    found = clauses(nlp, "Officials proposed a cut to 70.9 billion rubles ( US$ 114.3 billion ) this year .")
    assert not any(c.kind == "apposition" for c in found)


def test_list_of_places_is_no_place_pair(nlp: Any) -> None:
    found = triples(nlp, "Talks included the U.S. , Japan , Britain and Canada .")
    assert not any(relation == "is in" for _, relation, _ in found), found


def test_honorific_is_no_title(nlp: Any) -> None:
    assert ("Smith", "is", "Mr.") not in triples(nlp, "Mr. Smith wants a plan .")


EXTRAS = [
    param(
        "Officials met in Kiev on Monday .",
        ("met in", "time", "on Monday"),
        id="time-prepositional",
    ),
    param(
        "Earlier this year , President Bush made an offer .",
        ("made", "time", "Earlier this year"),
        id="time-noun-phrase",
    ),
    param(
        "Zelensky offered Zaluzhny a post .",
        ("offered", "to", "Zaluzhny"),
        id="dative",
    ),
    param(
        "The tanks were in the wing section where the crew stored the fuel .",
        ("stored", "place", "the wing section"),
        id="relative-where-place",
    ),
    param(
        "The club moved to Kiev in 2001 , the year when the war began .",
        ("began", "time", "the year"),
        id="relative-when-time",
    ),
    param(
        "Troops entered the town with tanks .",
        ("entered", "with", "with tanks"),
        id="other-preposition",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), EXTRAS)
def test_extras(nlp: Any, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    doc = tokenized_doc(nlp, sentence)
    found = {(c.relation_text, role, text(doc, tokens)) for c in extract_clauses(doc) for role, tokens in c.extras}
    assert set(expected) <= found, found


MARKERS = [
    pytest.param("Zaluzhny did not attend the meeting .", "attend", True, None, id="negation-not"),
    pytest.param("Zaluzhny never criticized Zelensky .", "criticize", True, None, id="negation-never"),
    pytest.param("The talks might collapse .", "collapse", False, "might", id="modal-aux"),
    pytest.param("The president allegedly asked him to resign .", "ask", False, "allegedly", id="hedge-adverb"),
    pytest.param("Zaluzhny refused to step down .", "refuse to step down", False, None, id="plain"),
]


@pytest.mark.parametrize(("sentence", "lemma", "negated", "modal"), MARKERS)
def test_negation_and_modality(nlp: Any, sentence: str, lemma: str, negated: bool, modal: str | None) -> None:
    clause = next(c for c in clauses(nlp, sentence) if c.lemma == lemma)
    assert (clause.negated, clause.modal) == (negated, modal)


LEMMAS = [
    pytest.param("Zaluzhny turned down the offer .", "turn down", id="phrasal"),
    pytest.param("The US is worried about the rift .", "be worried about", id="copula-adjective"),
    pytest.param("Zaluzhny is pushing for a new law .", "push for", id="prepositional"),
    pytest.param("Zaluzhny is a rival of Zelensky .", "be", id="copula"),
]


@pytest.mark.parametrize(("sentence", "lemma"), LEMMAS)
def test_lemma(nlp: Any, sentence: str, lemma: str) -> None:
    assert lemma in {c.lemma for c in clauses(nlp, sentence)}


def test_object_clause_points_at_its_verb(nlp: Any) -> None:
    doc = tokenized_doc(nlp, "Bloomberg reported that the rift is hampering the war effort .")
    report = next(c for c in extract_clauses(doc) if c.lemma == "report that")
    assert report.object_clause is not None and doc[report.object_clause].text == "hampering"


def test_clauses_carry_only_plain_data(nlp: Any) -> None:
    found = clauses(nlp, "Zelensky 's offer to Zaluzhny , the general , was rejected by parliament .")
    assert found and pickle.loads(pickle.dumps(found)) == found


def test_confidence_ranks_full_tuples_above_intransitive(nlp: Any) -> None:
    found = {c.relation_text: c.confidence for c in clauses(nlp, "The army advanced , capturing two villages .")}
    assert found["was capturing"] > found["advanced"]


def test_agent_participles_rank_below_verb_clauses(nlp: Any) -> None:
    found = {c.relation_text: c.confidence for c in clauses(nlp, "The NATO - backed offensive captured two villages .")}
    assert found["backed"] <= 0.3 < found["captured"]


def test_min_confidence_filters(nlp: Any) -> None:
    doc = tokenized_doc(nlp, "The army advanced , capturing two villages .")
    assert all(c.confidence >= 0.45 for c in extract_clauses(doc, min_confidence=0.45))
    assert len(list(extract_clauses(doc, min_confidence=0.45))) < len(list(extract_clauses(doc)))


def test_clauses_of_doc_covers_every_sentence(nlp: Any) -> None:
    doc = nlp("Zaluzhny denied the reports. Zelensky praised the army.")
    assert {c.lemma for c in clauses_of_doc(doc)} >= {"deny", "praise"}


def test_carb_lines_keep_benchmark_tokens(nlp: Any) -> None:
    sentence = "Coca - Cola said it would raise prices in 1990 ."
    lines = list(carb_lines(nlp, [sentence]))
    assert lines
    for line in lines:
        fields = line.split("\t")
        assert fields[0] == sentence and float(fields[1]) > 0
        assert all(word in sentence.split(" ") for field in fields[3:] for word in field.split(" "))


def test_hyphenated_words_keep_their_hyphens(nlp: Any) -> None:
    doc = nlp("Valery Zaluzhny, the commander-in-chief of the army, has refused an offer.")
    objects = {text(doc, c.object) for c in extract_clauses(doc) if c.kind == "apposition"}
    assert "the commander - in - chief of the army" in objects
