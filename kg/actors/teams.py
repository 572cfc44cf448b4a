"""Sports teams: a club or a national side is a SportsTeam, never the country or a person.

In a sport report "Ireland beat England 19-13" names two rugby teams, not two countries,
and "Saracens", "Leeds" are clubs, whatever the NER said (a person, a city, nothing). An
article is about sport when it has a match's score and two words of the sports pages
(match, coach, try, striker ...; or one that seldom leaves them: fly-half, kick-off) or
three such words without a score, or a team list (rosters.py). There a name is a team
when one of its mentions

- is in a team list's brackets or heads one ("J Dunbar (Leeds)", "England: J Robinson");
- ends with a club's head word: "Manchester United", "Hull City", "Bristol Rovers" (not a
  capital nor a country's city: "Mexico City");
- has a team noun as its title or apposition: "English side Saracens", "club Leeds";
- for a country or a city's name: is a side of a match, subject or object of a match verb
  (beat, draw with, lose to, face, take on ...) whose other side is a country or a place,
  not a person ("Ireland beat England"; not "Sharapova lost to Kuznetsova"), or, for a
  country, with a score in the clause ("Britain lost the contest 3-2"), a title won
  ("Ireland last won the title"), played for ("has not played for England"), after a
  result noun ("their defeat to France") or heading a player's position ("England
  fly-half Charlie Hodgson"); or is followed by a score, not as an object ("Scotland
  18-10 Italy");
- for a country: is a verb's subject or object beside a team already found ("Wales must
  get past Scotland").

A player's surname is never a team, and a name the NER typed an organisation or a place
that plays a match against a person is a player ("Myskina thrashed Elena Dementieva").
Listed players the NER missed become people, "C Hodgson" of a list joins the one "Charlie
Hodgson" of the article, and no name runs over a list's colon. A national side keeps its
country's name but not its key or type (`sportsteam/ireland`, not `country/ireland`), so
it never joins the country node; across articles (resolve.py) a team joins only teams and
organisations.
"""

from __future__ import annotations

from typing import Any

from ..extract.rosters import player_names, team_names
from ..extract.scores import score_tokens
from ..extract.sentences import doc_text
from ..models import CONCEPT, COUNTRY, GROUP, ORGANIZATION, PERSON, PLACE, SPORTS_TEAM
from .clusters import Cluster, one_per_key
from .gazetteer import entity_key, gazetteer
from .heads import org_type
from .lineups import cut_at_colons, initials_joined, unnamed, whole_players, without_list_runs

# Verbs of a match between two sides (lemmas).
MATCH_VERBS = frozenset(
    {"beat", "defeat", "draw", "lose", "face", "play", "host", "meet", "thrash", "edge", "overcome", "trounce",
     "rout", "outplay", "hammer", "crush", "stun", "upset", "down", "overpower", "whitewash", "tie", "trail",
     "lead", "outclass", "humble", "sink", "topple", "eliminate", "knock"}
)  # fmt: skip
# Nouns that, as a name's title or apposition, make it a team: "English side Saracens".
TEAM_NOUNS = frozenset({"side", "club", "team", "outfit", "squad", "xv", "champions", "holders", "hosts", "visitors"})
# Last words of club names: "Manchester United", "Hull City", "Glasgow Rangers", "Wigan Athletic".
CLUB_HEADS = frozenset(
    {"fc", "afc", "united", "city", "rovers", "athletic", "wanderers", "albion", "rangers", "hotspur", "harlequins",
     "saracens", "athletico", "olympique", "rfc", "town", "county", "celtic", "villa", "thistle", "academicals"}
)  # fmt: skip
# Words of the sports pages: an article with three of them (or two and a score) is about sport.
SPORT_WORDS = frozenset(
    {"match", "coach", "striker", "midfielder", "defender", "goalkeeper", "keeper", "fly-half", "winger", "scrum",
     "scrum-half", "referee", "kick-off", "half-time", "semi-final", "quarter-final", "semi-finals", "quarter-finals",
     "premiership", "tournament", "championship", "squad", "fixture", "fixtures", "league", "cup", "goal", "goals",
     "try", "tries", "penalty", "penalties", "wicket", "innings", "seed", "rugby", "football", "cricket", "tennis",
     "stadium", "season", "captain", "caps", "cap", "debut", "international", "friendly", "player", "players",
     "manager", "side", "sides", "team", "teams", "final", "finals", "title", "champions"}
)  # fmt: skip
# Words of SPORT_WORDS that seldom leave the sports pages: one of them must be among the three.
STRONG_SPORT_WORDS = frozenset(
    {"match", "coach", "rugby", "football", "cricket", "striker", "try", "fly-half", "kick-off", "half-time",
     "scrum-half", "midfielder", "goalkeeper", "wicket", "premiership", "semi-final", "quarter-final"}
)  # fmt: skip
# Types a team's mention may carry from the NER or the gazetteers.
TEAM_CANDIDATE_TYPES = frozenset({COUNTRY, PLACE, ORGANIZATION, GROUP, CONCEPT, PERSON})
# Prepositions (and particles) before the other side: "drew with Wales", "lost to France", "take on Ireland".
SIDE_PREPS = frozenset({"with", "to", "against", "on"})
# Phrasal verbs of a match, read as their one-word match verb.
MATCH_PHRASES = {"take on": "face", "see off": "beat", "knock out": "beat", "hold off": "beat"}
# Verbs of a player's side: "played for England", "turned out for Saracens".
PLAY_FOR_VERBS = frozenset({"play", "appear", "feature", "star", "turn", "score", "sign", "captain", "debut"})
# Prepositions after a result noun before the other side: "defeat to France", "a win over Wales".
RESULT_PREPS = frozenset({"to", "over", "against", "with", "by"})
# Nouns of a match's result or the match itself: "defeat to France", "a win over Wales", "the clash with Italy".
RESULT_NOUNS = frozenset(
    {"defeat", "win", "victory", "loss", "draw", "clash", "match", "game", "tie", "encounter", "fixture", "test"}
)  # fmt: skip
# Verbs of winning and what a side wins: "Ireland won the title", "England lost the series".
WIN_VERBS = frozenset({"win", "lose", "clinch", "retain", "claim", "lift", "regain", "reclaim", "secure"})
PRIZES = frozenset(
    {"title", "match", "game", "championship", "cup", "series", "test", "tie", "final", "trophy", "tournament",
     "slam", "semi-final", "quarter-final", "decider", "shield", "crown"}
)  # fmt: skip
# Types of the other side that make a place's name a team: "Leeds beat Bath", "drew with Scotland".
SIDE_TYPES = frozenset({COUNTRY, PLACE, SPORTS_TEAM})
# A team's players and staff: a country's name before one is its side ("England fly-half Charlie Hodgson").
POSITION_NOUNS = frozenset(
    {"fly-half", "captain", "coach", "manager", "skipper", "wing", "winger", "centre", "prop", "hooker", "lock",
     "flanker", "scrum-half", "striker", "midfielder", "defender", "goalkeeper", "keeper", "full-back", "back",
     "forward", "boss", "selectors", "selector", "fans", "supporters", "international", "internationals", "number",
     "bowler", "batsman", "opener", "all-rounder", "spinner", "wicketkeeper", "playmaker", "lineout"}
)  # fmt: skip
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "pobj"})


def about_sport(doc: Any, scores: int, lists: int = 0) -> bool:
    """Whether the doc is a sport report: a match's score and two words of SPORT_WORDS (or one of
    STRONG_SPORT_WORDS), or three words of SPORT_WORDS with one of STRONG_SPORT_WORDS."""
    if lists:
        return True  # a team list
    words = {tok.lower_ for tok in doc}
    words |= {f"{a.lower_}-{c.lower_}" for a, b, c in zip(doc, doc[1:], doc[2:], strict=False) if b.text == "-"}
    seen = words & SPORT_WORDS
    if scores:  # "voted 7-2" is no match: a score needs a word of the sports pages beside it
        return len(seen) >= 2 or bool(seen & STRONG_SPORT_WORDS)
    return len(seen) >= 3 and bool(seen & STRONG_SPORT_WORDS)


def sports_teams(doc: Any, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters with every team retyped SportsTeam (see the module docstring), keys merged."""
    scores = score_tokens(doc)
    text = doc_text(doc)
    names, listed_players = team_names(text), player_names(text)
    if not about_sport(doc, len(scores), len(names) + len(listed_players)):
        return clusters
    listed = {t.i for start, end in names for t in doc if start <= t.idx < end}
    players = {t.i for start, end in listed_players for t in doc if start <= t.idx < end}
    club_spans = [{t.i for t in doc if start <= t.idx < end} for start, end in names]
    cut_at_colons(doc, clusters)
    clusters = clusters + whole_players(doc, clusters, listed_players)
    clusters = without_list_runs(clusters, listed, players, club_spans)
    clusters = clusters + unnamed(doc, clusters, names, SPORTS_TEAM) + unnamed(doc, clusters, listed_players, PERSON)
    types = {i: c.type for c in clusters for m in c.mentions for i in m.tokens}
    countries = gazetteer().countries
    surnames = {
        w
        for c in clusters
        if c.type == PERSON and " " in c.label and (w := c.label.split()[-1]).lower() not in countries
    }
    for i, type_ in list(types.items()):  # "Myskina" (NER: a place) of "Anastasia Myskina" is a player
        if type_ != PERSON and doc[i].text in surnames:
            types[i] = PERSON
    changed = False
    for c in clusters:
        if c.label in surnames:
            continue  # a player's surname, whatever the NER said
        if c.type in TEAM_CANDIDATE_TYPES and _is_team(doc, c, scores, listed, types):
            c.type = SPORTS_TEAM
        elif c.type in (ORGANIZATION, PLACE, CONCEPT) and any(set(m.tokens) <= players for m in c.mentions):
            c.type = PERSON  # "S Grimes (Newcastle)": a listed player, whatever the NER said
        elif _plays_a_player(doc, c, scores, types):
            c.type = PERSON  # "Sharapova lost to Kuznetsova" (NER: a place): a player's opponent is a player
        else:
            continue
        c.key = entity_key(c.type, c.label)
        changed = True
    changed = _opponents(doc, clusters) or changed
    joined = initials_joined(clusters, players)
    changed, clusters = changed or len(joined) < len(clusters), joined
    if not changed:
        return clusters
    return one_per_key(clusters)  # "Leeds" typed Place once and Concept once: one team


def _opponents(doc: Any, clusters: list[Cluster]) -> bool:
    """A country a team plays is a team too: "Wales must get past Scotland", "England are to meet Italy".

    A country that is the subject or object (also through a preposition) of a verb whose other
    argument is a team already found is retyped; returns whether any was.
    """
    teams = {i for c in clusters if c.type == SPORTS_TEAM for m in c.mentions for i in m.tokens}
    if not teams:
        return False
    changed = False
    for c in clusters:
        if c.type == COUNTRY and any(_beside(doc[m.end - 1], teams) for m in c.mentions):
            c.type, c.key, changed = SPORTS_TEAM, entity_key(SPORTS_TEAM, c.label), True
    return changed


def _beside(head: Any, teams: set[int]) -> bool:
    if any(c.dep_ == "case" for c in head.children):
        return False  # "France's Nathalie Dechy"
    verb = head.head.head if head.dep_ == "pobj" else head.head
    if head.dep_ not in SUBJECT_DEPS | OBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return False
    for child in _arguments(verb):
        other = next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "prep" else child
        if other is not None and other.i != head.i and other.dep_ in SUBJECT_DEPS | OBJECT_DEPS and other.i in teams:
            return True
    return False


def _arguments(verb: Any) -> list[Any]:
    """The verb's children, and for a controlled verb ("will have to take on Ireland") its controller's subject."""
    children = list(verb.children)
    up = verb
    for _ in range(4):
        if up.dep_ != "xcomp" or any(c.dep_ in SUBJECT_DEPS for c in children):
            break
        up = up.head
        children.extend(c for c in up.children if c.dep_ in SUBJECT_DEPS)
    return children


def _is_team(doc: Any, c: Cluster, scores: frozenset[int], listed: set[int], types: dict[int, str]) -> bool:
    gaz = gazetteer()
    for m in c.mentions:
        words = m.name.lower().split()
        if set(m.tokens) & listed:
            return True
        club = len(words) > 1 and words[-1] in CLUB_HEADS and not m.gender
        if club and " ".join(words) not in gaz.capitals and words[0] not in gaz.countries:
            return True  # "Manchester United", not "Mexico City" nor "Vatican City"
    if c.type == PERSON and any(len(m.name.split()) > 1 or m.gender or "person" in m.hints for m in c.mentions):
        return False  # a person's full name, an honorific: a player, no team
    for m in c.mentions:
        head = doc[m.end - 1]
        if _team_noun_of(doc, m.start, head):
            return True
        if c.type == COUNTRY and head.dep_ in ("compound", "nmod") and m.end <= head.head.i < m.end + 8:
            title = doc[m.end : head.head.i + 1].text.lower().split()
            if set(title) & (POSITION_NOUNS | TEAM_NOUNS):
                return True  # "England fly-half Charlie Hodgson", "the Ireland captain", "the Scotland squad"
        if m.end in scores and c.type == COUNTRY and head.dep_ not in OBJECT_DEPS:
            return True  # "Scotland 18-10 Italy" (not "beat Petrova 6-3": an object before its result)
        if c.type in (COUNTRY, PLACE) and _match_side(doc, head, scores, types, country=c.type == COUNTRY):
            return True  # "Ireland beat England": a national side, a city's club (a player is no place)
    return False


def _result_noun(tok: Any) -> bool:
    """A noun of a match's result: "defeat" of "their defeat to France" (not the verb of "won against")."""
    return bool(tok.pos_ == "NOUN" and tok.lemma_.lower() in RESULT_NOUNS)


def _plays_a_player(doc: Any, c: Cluster, scores: frozenset[int], types: dict[int, str]) -> bool:
    """A name the NER typed an organisation or a place, with no other evidence of its type, that plays a
    match against a person: "Myskina thrashed Elena Dementieva", "Sharapova lost to Kuznetsova"."""
    if c.type not in (ORGANIZATION, PLACE) or org_type(c.label) != ORGANIZATION:
        return False  # "Leeds United", "Barclays Bank": a name's head tells its kind
    if any(m.gazetteer or m.hints & {"company", "outlet", "organisation", "work"} for m in c.mentions):
        return False
    return any(_match_side(doc, doc[m.end - 1], scores, types, country=False, person=True) for m in c.mentions)


def _team_noun_of(doc: Any, start: int, head: Any) -> bool:
    """A team noun as the name's title ("English side Saracens") or apposition ("Wasps, the London club")."""
    for j in range(start - 1, max(start - 4, -1), -1):
        tok = doc[j]
        if tok.dep_ not in ("compound", "amod", "nmod") and tok.lower_ not in TEAM_NOUNS:
            break
        if tok.lower_ in TEAM_NOUNS and tok.head.i >= start:
            return True
    if head.dep_ == "appos" and head.head.lower_ in TEAM_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lower_ in TEAM_NOUNS for c in head.children)


def _match_side(
    doc: Any, head: Any, scores: frozenset[int], types: dict[int, str], *, country: bool, person: bool = False
) -> bool:
    """A side of a match: subject or object of a match verb whose other side is a country, a place or an
    organisation ("Ireland beat England", "Leeds drew with Bath"), or, for a country, whose clause has a
    score ("England lost 19-13"); never beside a person ("Sharapova lost to Kuznetsova").

    With `person`, whether the other side is a person: then this one is a player too."""
    if any(c.dep_ == "case" for c in head.children):
        return False  # "plays France's Nathalie Dechy": a player's country
    dep = head.dep_
    verb = head.head
    if not person and dep == "pobj" and verb.lower_ == "for" and verb.head.lemma_.lower() in PLAY_FOR_VERBS:
        return True  # "has not played for England", "turned out for Leeds"
    if not person and dep == "pobj" and verb.lower_ in RESULT_PREPS and _result_noun(verb.head):
        return True  # "their 18-17 defeat to France", "a win over Wales"
    if dep in SUBJECT_DEPS:  # "England will have to take on Ireland": the verb its subject controls
        while verb.lemma_.lower() not in MATCH_VERBS and (xcomp := next(
                (c for c in verb.children if c.dep_ == "xcomp"), None)) is not None:  # fmt: skip
            verb = xcomp
    if dep == "pobj" and verb.dep_ in ("prep", "prt") and verb.lower_ in SIDE_PREPS:
        verb = verb.head
        dep = "dobj"
    elif dep == "conj":  # "England and France drew"
        while head.dep_ == "conj":
            head = head.head
        dep, verb = head.dep_, head.head
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    lemma = MATCH_PHRASES.get(f"{lemma} {particle}", lemma)  # "take on", "see off"
    if country and not person and dep in SUBJECT_DEPS and lemma in WIN_VERBS:
        won = [c for c in verb.children if c.dep_ == "dobj"]
        return any(c.lemma_.lower() in PRIZES for c in won)  # "Ireland last won the title"
    if dep not in SUBJECT_DEPS | {"dobj"} or lemma not in MATCH_VERBS:
        return False
    side = "dobj" if dep in SUBJECT_DEPS else "nsubj"
    others = [c for c in _arguments(verb) if c.dep_ == side or (side == "dobj" and c.dep_ in ("prep", "prt"))]
    for other in others:
        if other.dep_ in ("prep", "prt"):  # "drew with Wales", "take on Ireland"
            pobj = next((g for g in other.children if g.dep_ == "pobj"), None)
            other = pobj if other.lower_ in SIDE_PREPS else None
            if other is None:
                continue
        if any(c.dep_ == "case" for c in other.children):
            return False  # "plays France's Nathalie Dechy": a player's country, no side
        kind = types.get(other.i)
        if person or kind in SIDE_TYPES:
            return kind == PERSON if person else True
        if kind == PERSON:
            return False
    return (
        country
        and not person
        and any(tok.head.i == verb.i or tok.head.head.i == verb.i for tok in (doc[i] for i in scores))
    )
