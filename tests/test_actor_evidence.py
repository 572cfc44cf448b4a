"""Actor rules of issue 11, round 6: types from the words around every mention, names glued to
a demonym or a sentence's first word, and groups and employers compared across mentions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from kg.actors.resolve import resolve
from kg.vocab import slug

from .actor_tables import check_article_actors
from .actor_tables import entity as _e
from .actor_tables import extraction as _x

# text, keys that must be there, keys that must not (a missed or a false merge, a wrong type)
CASES = [
    pytest.param(
        "Ray Charles won a string of awards. Without Charles, it is hard to imagine soul music. "
        "Charles died aged 73 in June 2004.",
        {"person/ray-charles"},
        {"person/without-charles", "person/charles"},
        id="sentence-opening-preposition-is-no-part-of-a-name",
    ),
    pytest.param(
        "Without Ray Charles, it is hard to imagine soul music. Ray Charles died aged 73.",
        {"person/ray-charles"},
        {"person/without-ray-charles"},
        id="sentence-opening-preposition-before-a-full-name",
    ),
    pytest.param(
        "Tim Henman survived an injury scare as he battled past Mario Ancic 6-4 3-6 6-3 6-4. "
        "Henman said Ancic played well.",
        {"person/mario-ancic", "person/tim-henman"},
        {"person/mario-ancic-6", "place/ancic"},
        id="first-game-of-a-score-is-no-part-of-a-name",
    ),
    pytest.param(
        "Formula 1 teams met in Paris. Apollo 13 was a film. Channel 4 said it would show it.",
        set(),
        {"concept/formula", "concept/apollo", "organization/channel"},
        id="trap-a-number-ends-a-name-that-is-no-person",
    ),
    pytest.param(
        "World number one Lindsay Davenport progressed on Tuesday. American Davenport will now face Conchita "
        "Martinez. Davenport believes there is room for improvement.",
        {"person/lindsay-davenport"},
        {"organization/american-davenport", "place/davenport", "place/lindsay-davenport"},
        id="demonym-before-a-surname-is-that-person",
    ),
    pytest.param(
        "Lindsay Davenport and Robert Davenport both played on Tuesday. American Davenport will now face Conchita "
        "Martinez.",
        {"person/lindsay-davenport", "person/robert-davenport"},
        set(),
        id="trap-demonym-before-a-surname-of-two-people",
    ),
    pytest.param(
        "American Express said spending rose on Monday. Kenneth Chenault praised the staff.",
        {"organization/american-express"},
        {"person/american-express", "person/express"},
        id="trap-demonym-company-with-no-such-person-stays",
    ),
    pytest.param(
        "Dow Chemical Co said it expects business to remain strong. For the third quarter, Dow reported "
        "earnings of 330 mln dlrs.",
        {"company/dow-chemical-co"},
        {"mediaoutlet/dow", "mediaoutlet/dow-chemical-co"},
        id="legal-form-beats-a-reporting-verb",
    ),
    pytest.param(
        "The Wall Street Journal reported the deal on Monday. The Journal said talks had stalled.",
        {"mediaoutlet/wall-street-journal"},
        {"company/wall-street-journal"},
        id="trap-an-outlet-that-reports-stays-an-outlet",
    ),
    pytest.param(
        "Sony and Toshiba have been working on the Cell processor for three years. IBM said Cell was OS "
        "neutral. If Cell is to challenge Intel, it must run cool.",
        {"concept/cell"},
        {"person/cell", "organization/cell"},
        id="name-of-a-product-noun-is-no-person",
    ),
    pytest.param(
        "Hitachi has unveiled its first humanoid robot to challenge Honda's Asimo and Sony's Qrio robots. "
        "Honda's Asimo was born five years ago. But its record was beaten by Asimo.",
        {"concept/asimo", "organization/honda"},
        {"person/asimo"},
        id="name-sharing-a-product-noun-is-no-person",
    ),
    pytest.param(
        "Honda's robot, Asimo, has visited the UK and Germany. Asimo can run.",
        {"concept/asimo"},
        {"person/asimo"},
        id="product-noun-in-apposition",
    ),
    pytest.param(
        "A Windows virus called Bofra is turning infected machines into distributors of its code. They exploit a "
        "Windows vulnerability. People can play programmes on Windows PCs and mobile devices.",
        {"concept/windows"},
        {"group/windows", "place/windows"},
        id="name-before-a-computer-or-virus-is-no-group",
    ),
    pytest.param(
        "Intel chips run hot. Intel said it would cut prices of its processors.",
        {"organization/intel"},
        {"concept/intel"},
        id="trap-a-maker-before-its-product-stays-an-organisation",
    ),
    pytest.param(
        "One dissenting opinion came from Brian Gammage, vice-president of research at analysts Gartner. "
        'He said: "I don\'t think it changes the world."',
        {"person/brian-gammage", "organization/gartner"},
        {"person/gartner"},
        id="plural-title-is-no-person",
    ),
    pytest.param(
        "The film was made by brothers Joel and Ethan Coen. Joel said it was hard work.",
        {"person/joel"},
        {"organization/joel"},
        id="trap-plural-title-of-two-coordinated-people",
    ),
    pytest.param(
        "The match was saved by cricketers Shane Warne on Monday. Warne said he was tired.",
        {"person/shane-warne"},
        {"organization/shane-warne"},
        id="trap-plural-title-before-a-full-name",
    ),
    pytest.param(
        "A good PC sporting an AMD Athlon processor, 512 megabytes Ram, a 40 GB hard drive and a DVD player.",
        set(),
        {"organization/ram"},
        id="trap-a-counted-unit-is-no-title",
    ),
    pytest.param(
        "His spokesman told BBC News Online that the singer had died. The BBC said tributes poured in.",
        {"mediaoutlet/bbc"},
        {"organization/bbc-news-online", "mediaoutlet/bbc-news-online"},
        id="outlet-and-its-service-is-the-outlet",
    ),
    pytest.param(
        "The BBC said tributes poured in. CNN Money said sales rose.",
        {"mediaoutlet/bbc", "organization/cnn-money"},
        {"mediaoutlet/cnn"},
        id="trap-outlet-and-another-word-is-another-name",
    ),
]


@pytest.mark.parametrize("text,present,absent", CASES)
def test_article_actors(nlp: Any, text: str, present: set[str], absent: set[str]) -> None:
    check_article_actors(nlp, text, present, absent)


# --- per-article groups and employers ---------------------------------------------------------


def _sources(*labels: str) -> list[Any]:
    return [_e(f"anonymoussource/{slug(label)}", label, "AnonymousSource") for label in labels]


def _keys(article: str, *labels: str) -> set[str]:
    (r,) = resolve([_x(article, *_sources(*labels))])
    return {e.key for e in r.entities}


def test_trap_a_part_of_coordinated_groups_stays_apart() -> None:
    keys = _keys("aaaaaaaa11", "traders both in los angeles and san francisco", "traders in san francisco")
    assert keys == {
        "anonymoussource/traders-both-in-los-angeles-and-san-francisco-aaaaaaaa",
        "anonymoussource/traders-in-san-francisco-aaaaaaaa",
    }


def test_bare_head_nests_in_coordinated_groups() -> None:
    keys = _keys("aaaaaaaa11", "traders both in los angeles and san francisco", "traders")
    assert keys == {"anonymoussource/traders-both-in-los-angeles-and-san-francisco-aaaaaaaa"}


def test_trap_a_counted_crowd_with_a_thousands_comma_stays_apart() -> None:
    keys = _keys("aaaaaaaa11", "125,000 people", "people")
    assert keys == {"anonymoussource/125-000-people-aaaaaaaa", "anonymoussource/people-aaaaaaaa"}


def _baker(n: int, role: str, employer: str) -> Any:
    return _e("person/james-baker", "James Baker", "Person", n, roles=(role,), affiliations=(employer,))


def test_employer_and_its_short_form_are_one_employer() -> None:
    a = _baker(13, "secretary of Treasury", "governmentbody/treasury")
    b = _baker(2, "secretary of U.S. Treasury", "governmentbody/u-s-treasury")
    ra, rb = resolve([_x("a1", a), _x("b2", b)])
    assert {e.key for e in ra.entities} == {e.key for e in rb.entities} == {"person/james-baker"}


def test_trap_employers_sharing_only_a_word_stay_apart() -> None:
    a = _baker(3, "chief of American Express", "company/american-express")
    b = _baker(1, "chief of American Airlines", "company/american-airlines")
    ra, rb = resolve([_x("a1", a), _x("b2", b)])
    assert {e.key for e in rb.entities} == {"person/james-baker-american-airlines"}


# --- "..., the company said": the report's subject is the one speaker of its content ----------


def _reports(nlp: Any, text: str) -> list[tuple[str, str | None]]:
    from kg.extract.statements import extract_article
    from kg.models import Article

    x = extract_article(nlp(text), Article("a1", text))
    return [(st.subject.text, st.subject.entity) for st in x.statements if st.kind == "report"]


def test_described_reporter_is_the_speaker_of_its_content(nlp: Any) -> None:
    text = (
        "Resorts International Inc said it agreed to a deal with Trump Hotel. "
        "The terms call for Trump Hotel to receive a fee of 15 pct, the company said."
    )
    assert ("the company", "company/resorts-international-inc") in _reports(nlp, text)


def test_trap_a_described_reporter_with_no_actor_stays_a_concept(nlp: Any) -> None:
    text = "Acme Corp opened a plant. The agency said the plant was dangerous."
    assert _reports(nlp, text) == [("The agency", "concept/agency")]


def test_trap_a_described_reporter_the_verb_does_not_follow_keeps_its_concept() -> None:
    from kg.extract.statements import _described_reporters
    from kg.models import Argument, Statement

    sentence = "The group which represents vice-chancellors, Universities UK, said fees would help."
    group = Argument("The group", 0, 9, entity="concept/group")
    report = Statement(group, "said", "say", "says", None, sentence, 0, len(sentence), kind="report")
    content = Statement(
        Argument("fees", 66, 70, entity="concept/fees"), "would help", "help", "open:help", None, sentence, 0,
        len(sentence), attribution=("organization/funding-council",), content_of=0,
    )  # fmt: skip
    assert _described_reporters([report, content])[0].subject.entity == "concept/group"
    said = "Fees would help, the group said."
    group = Argument("the group", 17, 26, entity="concept/group")
    report = Statement(group, "said", "say", "says", None, said, 0, len(said), kind="report")
    content = replace(content, sentence=said, sentence_end=len(said))
    assert _described_reporters([report, content])[0].subject.entity == "organization/funding-council"


def test_trap_plural_and_person_descriptions_keep_their_concept(nlp: Any) -> None:
    text = (
        "Sony Corp and Toshiba Corp unveiled the Cell chip. The chip will run at 4 GHz, the firms said. "
        "Pertamina found oil. The spokesman said the well was offshore."
    )
    reports = dict(_reports(nlp, text))
    assert reports["the firms"].startswith("concept/") and reports["The spokesman"].startswith("concept/")


# --- "the film-maker": the one director or producer named before -------------------------------


def _subjects(nlp: Any, text: str) -> dict[str, str | None]:
    from kg.extract.statements import extract_article
    from kg.models import Article

    x = extract_article(nlp(text), Article("a1", text))
    return {st.subject.text: st.subject.entity for st in x.statements}


def test_film_maker_is_the_one_director(nlp: Any) -> None:
    text = (
        "Director Quentin Tarantino is in talks to write a new film. "
        "The film-maker will reportedly meet executives from New Line Cinema."
    )
    assert _subjects(nlp, text)["The film-maker"] == "person/quentin-tarantino"


def test_trap_film_maker_with_a_director_and_a_producer_stays_a_concept(nlp: Any) -> None:
    text = (
        "Director Quentin Tarantino and producer Harvey Weinstein met on Monday. "
        "The film-maker will reportedly meet executives from New Line Cinema."
    )
    assert _subjects(nlp, text)["The film-maker"] == "concept/film-maker"
