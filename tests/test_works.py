"""Creative works and bands (kg/actors/works.py): titles are CreativeWorks, bands Organizations, never people."""

from __future__ import annotations

from typing import Any

import pytest

from kg.models import ACTOR_TYPES, CREATIVE_WORK, ENTITY_TYPES
from kg.vocab import KG
from tests.actor_tables import check_article_actors

WORKS = [
    pytest.param(
        "It was her next single, Superstar, that really put her back on the map.",
        {"creativework/superstar"},
        {"place/superstar", "person/superstar"},
        id="a-title-in-apposition-to-a-work-noun",
    ),
    pytest.param(
        "Killamangiro, the band's new single, reached number eight.",
        {"creativework/killamangiro"},
        {"place/killamangiro", "person/killamangiro"},
        id="a-work-noun-phrase-in-apposition-after-the-title",
    ),
    pytest.param(
        "She released four number ones from her 2000 album Drama, including the top five hit Money.",
        {"creativework/drama", "creativework/money"},
        {"person/drama", "concept/drama", "concept/money"},
        id="a-year-or-number-inside-the-work-noun-phrase",
    ),
    pytest.param(
        'He recorded the song "Money" in a week.',
        {"creativework/money"},
        {"concept/money"},
        id="a-quoted-title-after-a-work-noun",
    ),
    pytest.param(
        "Next came the song See It In A Boy's Eyes, which was written by Coldplay's Chris Martin.",
        {"creativework/see-it-in-a-boy-s-eyes", "person/chris-martin"},
        set(),
        id="a-title-case-title-kept-whole",
    ),
    pytest.param(
        "The film Star Wars: Episode III - Revenge of the Sith opens in May.",
        {"creativework/star-wars-episode-iii-revenge-of-the-sith"},
        {"person/episode-iii-revenge", "concept/revenge", "creativework/star-wars"},
        id="a-title-runs-across-small-words-and-marks",
    ),
    pytest.param(
        "The film Carry On at your Convenience was a hit.",
        {"creativework/carry-on-at-your-convenience"},
        {"creativework/carry-on"},
        id="a-preposition-and-a-possessive-inside-a-title",
    ),
    pytest.param(
        "In recent years she appeared in BBC mini-series The Cazalets and played Mrs Potts.",
        {"creativework/cazalets", "person/potts"},
        {"concept/cazalets"},
        id="a-work-noun-after-a-name-that-modifies-it",
    ),
    pytest.param(
        "It is inspired by Andrei Tarkovsky's enigmatic 1979 masterpiece Stalker. "
        "She appeared for many years in ITV's well-loved comedy Bless This House.",
        {"creativework/stalker", "creativework/bless-this-house", "person/andrei-tarkovsky"},
        {"organization/bless-this-house", "organization/stalker"},
        id="genre-nouns-and-hyphenated-adjectives",
    ),
    pytest.param(
        "Paramount Pictures, the studio behind the film, has revealed few details.",
        {"organization/paramount-pictures"},
        {"creativework/paramount-pictures"},
        id="trap-a-work-noun-inside-an-apposition-it-does-not-head",
    ),
    pytest.param(
        "The film Ray at Cannes won a prize. The film Ray in London won another.",
        {"creativework/ray"},
        {"creativework/ray-at-cannes", "creativework/ray-in-london"},
        id="trap-a-place-after-a-title-is-no-part-of-it",
    ),
    pytest.param(
        "The storm hit Boston on Monday. A single AAA battery lasts four hours. The hit TV show Lost was back.",
        {"place/boston", "creativework/lost"},
        {"creativework/boston", "creativework/aaa", "creativework/tv", "creativework/tv-show-lost"},
        id="trap-a-verb-or-a-modifier-is-no-title",
    ),
]

BANDS = [
    pytest.param(
        "The former Libertines singer traded blows with guitarist Patrick Walden.",
        {"organization/libertines", "person/patrick-walden"},
        {"group/libertines", "person/libertines"},
        id="a-band-member-noun-after-the-band",
    ),
    pytest.param(
        "Franz Ferdinand frontman Alex Kapranos has called for more help. Keane are a band from Sussex.",
        {"organization/franz-ferdinand", "person/alex-kapranos", "organization/keane"},
        {"person/franz-ferdinand", "person/keane"},
        id="a-frontman-and-a-band-noun-after-the-copula",
    ),
    pytest.param(
        "Devon singer Joss Stone and rock band Muse won awards.",
        {"person/joss-stone", "organization/muse"},
        {"organization/devon"},
        id="trap-a-singer-after-a-place-name-is-no-band-member",
    ),
    pytest.param(
        "Keane and The Streets are among the main attractions, while The Killers and dance act The Prodigy are "
        "also on the bill.",
        {"organization/prodigy", "organization/streets"},
        {"person/prodigy"},
        id="a-band-the-ner-missed-after-a-band-noun-in-a-list",
    ),
    pytest.param(
        "Keane have sold two million albums.",
        {"organization/keane"},
        {"person/keane"},
        id="a-plural-verb-after-a-name-that-is-no-plural",
    ),
    pytest.param(
        "Green Day, the Foo Fighters and Keane are among the acts that had been lined up.",
        {"organization/keane", "organization/foo-fighters"},
        {"person/keane"},
        id="among-the-acts",
    ),
    pytest.param(
        "Bands such as Keane and Coldplay played.",
        {"organization/keane"},
        {"person/keane"},
        id="bands-such-as",
    ),
    pytest.param(
        "Keane, which formed in Battle in 1997, won the award.",
        {"organization/keane"},
        {"person/keane"},
        id="a-relative-clause-on-which-is-about-no-person",
    ),
    pytest.param(
        '"Oh no Bill don\'t do anything," said Bill Conti. Devon, the county, beat them.',
        {"person/bill-conti"},
        {"person/bill", "organization/bill", "organization/devon"},
        id="trap-a-plural-verb-other-than-are-or-have-is-no-evidence",
    ),
    pytest.param(
        "Michael Jackson, Billy Joel, Jay-Z and Beyonce are also among artists who have used the studio. "
        "Knight and drum 'n' bass star Roni Size have released No More. "
        "Among the instruments in the sale will be a trumpet which belonged to Dizzy Gillespie, which is expected "
        "to fetch 500,000 dollars.",
        {"person/michael-jackson", "person/roni-size", "person/dizzy-gillespie"},
        {"organization/michael-jackson", "organization/roni-size", "organization/dizzy-gillespie"},
        id="trap-a-list-before-a-plural-verb-and-which-after-an-object-are-people",
    ),
    pytest.param(
        "Elvis Presley guitarist Scotty Moore played. Tony Blair and Gordon Brown have agreed.",
        {"person/scotty-moore", "person/tony-blair", "person/gordon-brown"},
        {"organization/elvis-presley", "organization/tony-blair", "organization/gordon-brown"},
        id="trap-a-full-name-before-a-member-noun-and-a-list-are-people",
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), WORKS + BANDS)
def test_works_and_bands(nlp: Any, text: str, present: set[str], absent: set[str]) -> None:
    check_article_actors(nlp, text, present, absent)


def test_a_work_is_no_actor_and_is_a_concept_in_the_ontology() -> None:
    from rdflib import RDFS, Graph

    from kg.vocab import ontology_dir

    tree = Graph().parse(ontology_dir() / "kg.ttl")
    assert CREATIVE_WORK in ENTITY_TYPES and CREATIVE_WORK not in ACTOR_TYPES
    assert (KG.CreativeWork, RDFS.subClassOf, KG.Concept) in tree  # predicates that take a concept take a work


def test_a_work_joins_no_person_of_its_name_across_articles() -> None:
    from kg.actors.resolve import merge_map
    from tests.actor_tables import entity

    film = entity("creativework/ray", "Ray", CREATIVE_WORK)
    singer = entity("person/ray", "Ray", "Person", n=3)
    again = entity("creativework/ray", "Ray", CREATIVE_WORK, n=2)
    assert merge_map([film, singer, again]) == {}
