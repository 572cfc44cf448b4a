"""Attribution, status, hedges, denials and time: sentence tables through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from kg.models import Article, Extraction, Statement

DATE = "2024-01-30"


@pytest.fixture(scope="session")
def model() -> Any:
    from kg.nlp import load_model

    return load_model()


def _extract(model: Any, text: str) -> Extraction:
    from kg.extract.statements import extract_article

    return extract_article(model(text), Article(id="t", text=text, date=DATE))


def _find(x: Extraction, lemma_part: str, subject: str | None = None) -> Statement:
    for st in x.statements:
        if lemma_part in st.lemma and (subject is None or subject in (st.subject.entity or "")):
            return st
    raise AssertionError(f"no statement with {lemma_part!r}: {[(s.subject.entity, s.lemma) for s in x.statements]}")


# id, text, lemma of the content statement, expected chain (parts of entity keys), outermost first
CHAINS = [
    ("said-that", "Joe Biden said that Russia attacked Ukraine.", "attack", ["person/joe-biden"]),
    (
        "tail-reported-citing",
        "Russia attacked Ukraine, Bloomberg reported, citing people familiar with the matter.",
        "attack",
        ["mediaoutlet/bloomberg", "anonymoussource/people-familiar"],
    ),
    ("according-to", "According to the Kremlin, Russia attacked Ukraine.", "attack", ["kremlin"]),
    (
        "according-to-reports-in-outlet",
        "Russia attacked Ukraine, according to reports in the Financial Times and Reuters.",
        "attack",
        ["mediaoutlet/financial-times"],
    ),
    (
        "according-to-unnamed-reports",
        "Russia attacked Ukraine, according to reports in Western media.",
        "attack",
        ["anonymoussource/reports-in-western-media"],
    ),
    (
        "percentage-of-group-speaks",
        "In a poll, 60% of voters said that Russia attacked Ukraine.",
        "attack",
        ["/voters"],
    ),
    (
        "partitive-speaker",
        "Reuters spoke to several officials. Russia attacked Ukraine, one of the officials said.",
        "attack",
        ["anonymoussource/officials"],
    ),
    (
        "according-to-possessive",
        "Russia attacked Ukraine, according to Reuters' sources.",
        "attack",
        ["mediaoutlet/reuters"],
    ),
    (
        "sources-told-outlet",
        "Two sources told Reuters that Russia attacked Ukraine.",
        "attack",
        ["mediaoutlet/reuters", "anonymoussource/two-sources"],
    ),
    ("direct-quote", "“Russia attacked Ukraine,” Joe Biden said.", "attack", ["person/joe-biden"]),
    (
        "pronoun-speaker",
        "Bloomberg reported that talks failed. Russia attacked Ukraine, it said.",
        "attack",
        ["mediaoutlet/bloomberg"],
    ),
    (
        "definite-source",
        "Russia attacked Ukraine, Bloomberg reported, citing officials. Kyiv resisted, the agency said.",
        "resist",
        ["mediaoutlet/bloomberg"],
    ),
]


@pytest.mark.parametrize(("text", "lemma", "chain"), [c[1:] for c in CHAINS], ids=[c[0] for c in CHAINS])
def test_attribution_chain(model: Any, text: str, lemma: str, chain: list[str]) -> None:
    st = _find(_extract(model, text), lemma)
    assert len(st.attribution) >= len(chain), st.attribution
    for key, part in zip(st.attribution, chain, strict=False):
        assert part in key, st.attribution
    assert not st.asserted


# id, text, lemma, hedge
HEDGES = [
    ("allegedly", "Joe Biden allegedly fired the general.", "fire", "allegedly"),
    ("reportedly", "Joe Biden reportedly fired the general.", "fire", "reportedly"),
    ("may", "Joe Biden may fire the general.", "fire", "may"),
    ("seen-as", "The general is seen as a rival of Joe Biden.", "see", "seen as"),
    ("would", "Joe Biden would fire the general.", "fire", "would"),
]


@pytest.mark.parametrize(("text", "lemma", "hedge"), [c[1:] for c in HEDGES], ids=[c[0] for c in HEDGES])
def test_hedges(model: Any, text: str, lemma: str, hedge: str) -> None:
    st = _find(_extract(model, text), lemma)
    assert st.hedge == hedge
    assert not st.asserted


def test_likely_to(model: Any) -> None:
    st = _find(_extract(model, "Joe Biden is likely to fire the general."), "fire")
    assert st.hedge == "likely"


def test_will_is_not_a_hedge(model: Any) -> None:
    st = _find(_extract(model, "Joe Biden will visit Kyiv."), "visit")
    assert st.hedge is None and st.asserted


def test_negation_is_kept_and_not_asserted(model: Any) -> None:
    st = _find(_extract(model, "Joe Biden didn't fire the general."), "fire")
    assert st.negated and not st.asserted


def test_denying_verb_marks_content_denied(model: Any) -> None:
    x = _extract(model, "The Kremlin denied that Russia attacked Ukraine.")
    st = _find(x, "attack")
    assert st.denied and st.attribution[0].endswith("kremlin")


def test_denial_formula_answers_the_reports_before_it(model: Any) -> None:
    from kg.extract.attribution import denial_targets

    x = _extract(
        model,
        "On Monday, several outlets reported that Joe Biden was about to fire the general. "
        "The Pentagon issued a statement: “No, it's not true.”",
    )
    denial = next(i for i, st in enumerate(x.statements) if st.kind == "denial")
    targets = denial_targets(x.statements)[denial]
    assert any(x.statements[j].subject.entity == "person/joe-biden" for j in targets)


def test_times_event_and_claim(model: Any) -> None:
    x = _extract(model, "On Tuesday, Bloomberg reported that Joe Biden met Olaf Scholz on Monday.")
    met = _find(x, "meet")
    assert met.time == "2024-01-29" and met.claim_time == "2024-01-30"
    report = _find(x, "report")
    assert report.time == "2024-01-30" and report.kind == "report"


def test_figures_attach_to_their_statement(model: Any) -> None:
    x = _extract(model, "A poll by Gallup found that Joe Biden was trusted by 88% of respondents.")
    st = _find(x, "trust")
    assert [(f.value, f.unit) for f in st.figures] == [(88.0, "percent")]
    assert st.attribution and "gallup" in st.attribution[0]


@pytest.mark.parametrize(
    "text,lemma",
    [
        pytest.param("No party has won a majority in the assembly.", "win", id="no-determiner"),
        pytest.param("In the end no one wins the argument.", "win", id="no-one"),
    ],
)
def test_negative_subject_negates_the_statement(model: Any, text: str, lemma: str) -> None:
    st = _find(_extract(model, text), lemma)
    assert st.negated
    assert not st.asserted


def test_an_actor_related_to_itself_is_dropped(model: Any) -> None:
    x = _extract(
        model, "The Information Commissioner's Office has said the Information Commissioner's Office will act."
    )
    assert all(st.object is None or st.object.entity != st.subject.entity for st in x.statements)


def test_the_condition_of_a_conditional_is_not_asserted(model: Any) -> None:
    x = _extract(model, "If the mayor rejects the plan, the council will appeal.")
    st = _find(x, "reject")
    assert st.hedge == "if"
    assert not st.asserted


def test_a_time_is_no_entity(model: Any) -> None:
    x = _extract(model, "The council approved the budget on Monday, and the mayor resigned in December.")
    assert not [e.label for e in x.entities if e.label.lower() in {"monday", "december"}]
    assert _find(x, "approve").time == "2024-01-29"
