"""Sport reports (issues 10 and 11, round 5): scores are no arguments, team lists say who plays
for whom, and clubs and national sides are SportsTeams, never the country. Sentence tables."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.rosters import memberships, roster_spans, team_names
from kg.models import SPORTS_TEAM, Article, Entity, Extraction


def extract(nlp: Any, text: str) -> Extraction:
    from kg.extract.statements import extract_article

    return extract_article(nlp(text), Article(id="t", text=text, date="2005-02-01"))


def rows(nlp: Any, text: str) -> set[tuple[str, str, str, str]]:
    """(subject, lemma, object, score) of every statement."""
    found = extract(nlp, text).statements
    return {(s.subject.text, s.lemma, s.object.text if s.object else "", _score(s.extras)) for s in found}


def _score(extras: tuple[Any, ...]) -> str:
    return next((a.text for a in extras if a.role == "score"), "")


DANCEVIC = (
    "American Kevin Kim defeated Jan Hernych of the Czech Republic 7-5 6-3, Canadian qualifier Frank Dancevic "
    "downed American Jeff Morrison 4-6 7-6 (7-3) 6-0, and Denmark's Kenneth Carlsen beat Irakli Labadze of the "
    "Republic of Georgia 6-7 (4-7) 6-2 6-3."
)
NADAL = "Eighth seed Nadal saw off the Argentine third seed 7-5 6-3."
KIM = "The top seed was beaten by Mario Ancic, who outlasted American Kevin Kim 3-6 6-2 6-7 6-2 6-2."

SCORE_ROWS = [
    pytest.param(
        DANCEVIC,
        ("Canadian qualifier Frank Dancevic", "down", "American Jeff Morrison", "4-6 7-6 (7-3) 6-0"),
        id="score-is-no-object",
    ),
    pytest.param(DANCEVIC, ("American Kevin Kim", "defeat", "Jan Hernych of the Czech Republic", "7-5 6-3"),
                 id="score-kept-as-extra"),
    pytest.param(
        NADAL, ("Eighth seed Nadal", "see off", "the Argentine third seed", "7-5 6-3"), id="score-leaves-object"
    ),
    pytest.param(KIM, ("Mario Ancic", "outlast", "American Kevin Kim", "3-6 6-2 6-7 6-2 6-2"), id="five-sets"),
    pytest.param("Britain lost the contest 3-2.", ("Britain", "lose", "the contest", "3-2"), id="team-score"),
    pytest.param("Dementieva came through 7-5 5-7 6-4.", ("Dementieva", "come through", "", "7-5 5-7 6-4"), id="alone"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "row"), SCORE_ROWS)
def test_score_is_a_figure_of_the_result(nlp: Any, text: str, row: tuple[str, str, str, str]) -> None:
    assert row in rows(nlp, text)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        pytest.param(
            "Nalbandian had never come back from two sets down to win a match.",
            ("Nalbandian", "come back from", "two sets down", ""),
            id="two-sets-down",
        ),
        pytest.param(
            "Henman came back from 3-0 down in the final set.", ("Henman", "come back from", "3-0 down", ""), id="3-0"
        ),
        pytest.param("Prices came down sharply.", ("Prices", "come down", "", ""), id="a-verb-particle-stays"),
    ],
)
def test_down_ends_a_deficit(nlp: Any, text: str, row: tuple[str, str, str, str]) -> None:
    assert row in rows(nlp, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        pytest.param(DANCEVIC, "6-0", id="dancevic-6-0"),
        pytest.param(
            DANCEVIC, "American Kevin Kim defeated Jan Hernych of the Czech Republic 7-5 6-3", id="result-list"
        ),
        pytest.param(NADAL, "the Argentine third seed 7-5", id="glued-score"),
        pytest.param(KIM, "Kevin Kim 3-6 6", id="glued-subject"),
    ],
)
def test_no_argument_is_or_ends_with_a_score(nlp: Any, text: str, wrong: str) -> None:
    assert not any(wrong in (s, o) for s, _, o, _ in rows(nlp, text))


@pytest.mark.parametrize(
    ("text", "row"),
    [
        pytest.param("Shares rose 3-5 pct on Monday.", ("Shares", "rise", "3-5 pct", ""), id="range-with-unit"),
        pytest.param("The court issued a 5-4 ruling.", ("The court", "issue", "a 5-4 ruling", ""), id="tally-inside"),
        pytest.param("Qantas ordered the 747-400.", ("Qantas", "order", "the 747-400", ""), id="aircraft"),
        pytest.param("He got back to 5-5 in the third set.", ("He", "get back to", "5-5", ""), id="state-of-the-match"),
        pytest.param(
            "The 27th seed stuck with Williams until 3-3 in the first set.",
            ("The 27th seed", "stick with", "Williams", ""),
            id="score-after-preposition",
        ),
    ],
)
def test_other_numbers_stay(nlp: Any, text: str, row: tuple[str, str, str, str]) -> None:
    assert row in rows(nlp, text)


WALES = (
    "G Thomas (Toulouse, capt); K Morgan (Newport-Gwent), T Shanklin (Cardiff), G Henson (Neath-Swansea), "
    "S Williams (Neath-Swansea); S Jones (Clermont Auvergne), D Peel (Llanelli)."
)
SCOTLAND = (
    "- R Beattie (Northampton), G Bulloch (Glasgow, capt), B Douglas (Borders), J Dunbar (Leeds), "
    "I Fullarton (Saracens), S Grimes (Newcastle)."
)
BARE = "C Paterson; S Webster, A Craig, H Southwell, S Lamont; D Parks, C Cusiter; T Smith, G Bulloch (capt), G Kerr."


def test_roster_spans_cover_the_lists_only() -> None:
    text = "Scotland have named their side. " + SCOTLAND
    (span,) = roster_spans(text)
    assert text[span[0] : span[1]].startswith("R Beattie") and text[span[0] : span[1]].endswith("(Newcastle)")
    assert roster_spans("He joined Leeds (the club) and A Smith (Bath) left.") == ()
    pairs = {(WALES[p[0] : p[1]], WALES[c[0] : c[1]]) for p, c in memberships(WALES)}
    assert ("G Thomas", "Toulouse") in pairs and ("S Jones", "Clermont Auvergne") in pairs
    text = "England: J Robinson (Sale); O Lewsey (Wasps), M Cueto (Sale), J Noon (Newcastle)."
    assert {text[s:e] for s, e in team_names(text)} == {"England", "Sale", "Wasps", "Newcastle"}
    text = "Replacements: J Robinson (Sale); O Lewsey (Wasps), M Cueto (Sale), J Noon (Newcastle)."
    assert "Replacements" not in {text[s:e] for s, e in team_names(text)}


@pytest.mark.parametrize("text", [SCOTLAND, WALES, BARE], ids=["clubs", "semicolons", "no-clubs"])
def test_team_list_gives_membership_or_nothing(nlp: Any, text: str) -> None:
    found = rows(nlp, text)
    assert found and all(lemma == "play for" for _, lemma, _, _ in found) or not found and text == BARE


def test_a_captain_opens_a_team_list(nlp: Any) -> None:
    text = "J Robinson (capt); M Cueto, J Noon, O Barkley, J Lewsey; C Hodgson, H Ellis; G Rowntree, S Thompson."
    assert rows(nlp, text) == set()


def test_team_list_membership_rows(nlp: Any) -> None:
    found = {(s, o) for s, _, o, _ in rows(nlp, SCOTLAND)}
    assert {("B Douglas", "Borders"), ("J Dunbar", "Leeds"), ("G Bulloch", "Glasgow")} <= found


def types(nlp: Any, text: str) -> dict[str, str]:
    return {e.label: e.type for e in extract(nlp, text).entities}


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        pytest.param("Ireland beat England 19-13 in the match in Dublin.", "Ireland", SPORTS_TEAM, id="national-side"),
        pytest.param("Ireland beat England 19-13 in the match in Dublin.", "Dublin", "Place", id="city-stays"),
        pytest.param(
            "The court voted 7-2 to let Japan beat the United States to the deal.", "Japan", "Country", id="vote"
        ),
        pytest.param(
            "Taylor has turned out for English side Saracens in recent weeks. The coach hailed his try in the match.",
            "Saracens", SPORTS_TEAM, id="side-title",
        ),
        pytest.param(SCOTLAND, "Leeds", SPORTS_TEAM, id="listed-club"),
        pytest.param(SCOTLAND, "S Grimes", "Person", id="listed-player"),
        pytest.param(
            "Manchester United beat the champions at Old Trafford, and the coach praised the striker's goal.",
            "Manchester United", SPORTS_TEAM, id="club-head",
        ),
        pytest.param(
            "The match in Mexico City drew 100,000 fans, and the coach praised the striker's goal.",
            "Mexico City", "Place", id="city-head-of-a-country",
        ),
        pytest.param(
            "Ireland agreed a trade deal with France on Monday.", "Ireland", "Country", id="country-off-the-pitch"
        ),
    ],
)  # fmt: skip
def test_team_types(nlp: Any, text: str, name: str, type_: str) -> None:
    found = types(nlp, text)
    assert found.get(name) == type_, found


DUBLIN = (
    "Ireland beat England 19-13 on Saturday. In front of a supercharged home crowd on a dry but blustery day in "
    "Dublin, Ireland tore into the white-shirted visitors from the kick-off. England must now get past Scotland."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The coach said the fly-half has not played for England since the final.", id="played-for"),
        pytest.param("The coach said England will take on Ireland in the final match.", id="take-on"),
        pytest.param("The coach blamed the referee for their 18-17 defeat to England in the final.", id="defeat-to"),
        pytest.param("Andrew, a former England fly-half and goal-kicker, blamed the coach.", id="position"),
    ],
)
def test_a_country_in_a_match_is_its_side(nlp: Any, text: str) -> None:
    assert types(nlp, text)["England"] == SPORTS_TEAM


def test_the_side_a_team_plays_is_a_team(nlp: Any) -> None:
    assert types(nlp, DUBLIN)["Scotland"] == SPORTS_TEAM


def test_a_place_lies_in_no_team(nlp: Any) -> None:
    assert not any(lemma == "be in" and o == "Ireland" for _, lemma, o, _ in rows(nlp, DUBLIN))


def test_a_player_who_wins_is_no_team(nlp: Any) -> None:
    found = types(nlp, "Federer beat Nadal 6-3 6-2 in the final.")
    assert SPORTS_TEAM not in found.values(), found


def test_national_side_stays_apart_from_its_country() -> None:
    from kg.actors.resolve import merge_map

    team = Entity("sportsteam/ireland", "Ireland", SPORTS_TEAM, mentions=((0, 7), (20, 27)))
    country = Entity("country/ireland", "Ireland", "Country", mentions=((0, 7),))
    assert merge_map([team, country]) == {}
    club = Entity("sportsteam/leeds", "Leeds", SPORTS_TEAM, mentions=((0, 5),))
    city = Entity("place/leeds", "Leeds", "Place", mentions=((0, 5), (9, 14)))
    assert merge_map([club, city]) == {}


ERA = "Their last Grand Slam success came in 1978 in the era of Gareth Edwards, Phil Bennett, JPR Williams et al."


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        pytest.param(ERA, ("al", "be", "JPR Williams et"), id="al-is-williams-et"),
        pytest.param(ERA, ("Phil Bennett", "be", "JPR Williams et al"), id="list-as-apposition"),
    ],
)
def test_et_al_is_no_name(nlp: Any, text: str, wrong: tuple[str, str, str]) -> None:
    assert wrong not in {(s, lemma, o) for s, lemma, o, _ in rows(nlp, text)}


def test_et_al_leaves_the_argument(nlp: Any) -> None:
    found = rows(nlp, ERA)
    assert (
        "Their last Grand Slam success",
        "come in",
        "the era of Gareth Edwards, Phil Bennett, JPR Williams",
        "",
    ) in found


LINE_UP = (
    "England fly-half Charlie Hodgson kicked the conversion in the match. The coach was pleased.\n\n"
    "England: J Robinson (Sale); M Cueto (Sale), J Noon (Newcastle), C Hodgson (Sale), R Russell (London Irish)."
)


def test_a_listed_player_is_the_one_named_in_full(nlp: Any) -> None:
    found = extract(nlp, LINE_UP).entities
    assert [e.label for e in found if e.label.endswith("Hodgson")] == ["Charlie Hodgson"]


def test_a_listed_club_keeps_its_whole_name(nlp: Any) -> None:
    assert types(nlp, LINE_UP).get("London Irish") == SPORTS_TEAM


def test_a_players_opponent_is_a_player(nlp: Any) -> None:
    found = types(nlp, "Myskina thrashed Elena Dementieva in the final. Federer won the match 6-3 6-2 against Nadal.")
    assert found["Myskina"] == "Person" and SPORTS_TEAM not in found.values(), found


def test_a_name_never_runs_over_a_lists_colon(nlp: Any) -> None:
    text = (
        "Manchester United beat Everton 2-0 in the match. The coach was pleased with the goal.\n\n"
        "Manchester United: Carroll, Gary Neville, Ferdinand, Brown, Heinze, Keane, Scholes, Fortune, Rooney."
    )
    labels = {e.label for e in extract(nlp, text).entities if e.type == SPORTS_TEAM}
    assert not any("Carroll" in label for label in labels), labels


def test_a_listed_player_keeps_his_initial(nlp: Any) -> None:
    text = (
        "Nathan Douglas scored a try in the match, and the coach was pleased.\n\n"
        "- R Beattie (Northampton), B Douglas (Borders), I Fullarton (Saracens), S Grimes (Newcastle)."
    )
    labels = {e.label for e in extract(nlp, text).entities if e.type == "Person"}
    assert {"Nathan Douglas", "B Douglas", "I Fullarton"} <= labels, labels
