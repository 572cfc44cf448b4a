"""Short forms of names, name particles and types from the words around a name (issue 11, round 3).

Name tables for the pure rules (kg/actors/shortforms.py), sentences through the real model
for what they do inside an article, and the cross-article acronym rule with its
order-independence property. Every table has pairs that must NOT merge.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.actors.heads import org_type
from kg.actors.resolve import merge_map, resolve
from kg.actors.shortforms import head_words_of, of_a_country, spelled_by, trailing_words_of, without_head_of
from kg.models import Entity

from .actor_tables import check_article_actors
from .actor_tables import entity as _e
from .actor_tables import extraction as _x

# --- name tables ------------------------------------------------------------------------

# acronym, long names in the article (folded), the one it spells (None: none, or several)
ACRONYMS = [
    ("bp", ["british petroleum company plc", "bp america inc"], "british petroleum company plc"),
    ("kiis", ["kiev international institute of sociology"], "kiev international institute of sociology"),
    ("ec", ["european community", "ec commission"], "european community"),  # EC Commission has EC as a word
    ("gm", ["general motors corp", "general mills inc"], None),  # two spell it: apart
    ("bp", ["bp america inc"], None),  # a subsidiary that has the acronym as a word is not spelled by it
    ("ibm", ["international business machines corp"], "international business machines corp"),
]


@pytest.mark.parametrize("acronym,orgs,spelled", ACRONYMS)
def test_an_acronym_spells_the_one_long_name(acronym: str, orgs: list[str], spelled: str | None) -> None:
    found = spelled_by(acronym, orgs)
    assert (found[0] if len(found) == 1 else None) == spelled


# short name, long names (folded), the rule, the long names it may stand for
SHORT_FORMS = [
    (head_words_of, "avon", ["avon products inc"], ["avon products inc"]),
    (head_words_of, "video", ["video jukebox network inc"], ["video jukebox network inc"]),
    (head_words_of, "bank", ["bank of boston corp"], []),  # an organisation noun alone is no short form
    (head_words_of, "vr business", ["vr business brokers inc"], ["vr business brokers inc"]),
    (head_words_of, "sainsbury", ["j sainsbury plc"], ["j sainsbury plc"]),  # initials go
    (head_words_of, "bp", ["bp america inc"], []),  # an arm in a country is not the company
    (head_words_of, "shell", ["shell new zealand ltd"], []),
    (head_words_of, "hercules", ["hercules inc"], []),  # the company suffix rule's, not this one's
    (head_words_of, "tandem", ["tandem computers inc", "tandemx corp"], ["tandem computers inc"]),
    (trailing_words_of, "bank board", ["federal home loan bank board"], ["federal home loan bank board"]),
    (trailing_words_of, "board", ["federal home loan bank board"], []),  # one word: any board
    (trailing_words_of, "home loan", ["federal home loan"], []),  # no organisation noun last
    (trailing_words_of, "development bank", ["asian development bank", "african development bank"],
     ["asian development bank", "african development bank"]),  # two: the caller leaves it apart
    (of_a_country, "congress", ["us congress"], ["us congress"]),
    (of_a_country, "supreme court", ["pakistan supreme court"], ["pakistan supreme court"]),
    (of_a_country, "airways", ["british airways"], ["british airways"]),  # a demonym is a country's too
    (of_a_country, "congress", ["national congress"], []),  # no country
    (without_head_of, "treasury", ["treasury department"], ["treasury department"]),
    (without_head_of, "labour", ["labour party"], ["labour party"]),
    (without_head_of, "senate", ["senate committee"], []),  # a committee is a part of the Senate
    (without_head_of, "foreign", ["foreign office"], []),
    (without_head_of, "us customs", ["us customs service"], ["us customs service"]),
    (without_head_of, "federal reserve", ["federal reserve board"], ["federal reserve board"]),
    (without_head_of, "bank", ["bank board"], []),  # an organisation noun alone is no short form
]  # fmt: skip


@pytest.mark.parametrize("rule,short,orgs,expected", SHORT_FORMS)
def test_short_forms(rule: Any, short: str, orgs: list[str], expected: list[str]) -> None:
    assert rule(short, orgs) == expected


@pytest.mark.parametrize(
    "name,type_",
    [
        ("World Bank", "Organization"),
        ("Asian Development Bank", "Organization"),
        ("European Central Bank", "Organization"),
        ("Barclays Bank", "Company"),  # a bank that is a company
        ("Chase Manhattan Bank", "Company"),
        ("Treasury Department", "GovernmentBody"),
    ],
)
def test_a_public_bank_is_no_company(name: str, type_: str) -> None:
    assert org_type(name) == type_


# --- inside an article: sentences through the real model ---------------------------------

# text, keys that must be there, keys that must not (a split, a false merge, a wrong type)
ARTICLE_CASES = [
    pytest.param(
        "British Petroleum Company Plc said it had completed its merger with Standard Oil. "
        "BP said the deal would add to earnings.",
        {"company/british-petroleum-company-plc"},
        {"organization/bp", "company/bp"},
        id="acronym-of-a-company-name-without-its-suffixes",
    ),
    pytest.param(
        "European Community ministers met in Brussels on Monday. The EC Commission proposed a price freeze. "
        "The EC said it would act.",
        {"organization/european-community", "governmentbody/ec-commission"},
        {"organization/ec"},
        id="acronym-not-spelled-by-a-name-that-has-it-as-a-word",
    ),
    pytest.param(
        "European Community agriculture ministers met on Monday. The proposals put forward by the European "
        "Commission could cut prices. The talks signal the start of wrangling over subsidies paid to the EC's farmers.",
        {"organization/european-community", "governmentbody/european-commission"},
        {"organization/ec"},
        id="acronym-of-two-long-names-is-the-one-named-first",
    ),
    pytest.param(
        "The EC said on Monday it would act. The European Commission and the European Community disagree.",
        {"organization/ec", "organization/european-community", "governmentbody/european-commission"},
        set(),
        id="trap-acronym-before-two-long-names-stays-apart",
    ),
    pytest.param(
        "Avon Products Inc said its profits rose in the quarter. Avon said it would sell its cosmetics unit.",
        {"company/avon-products-inc"},
        {"person/avon", "organization/avon"},
        id="head-word-of-a-company-name",
    ),
    pytest.param(
        "Rosneft bought 100% of Baikal Finance Group on Wednesday. "
        "By selling the unit to little-known Baikal and then to Rosneft, Russia is able to avoid a court injunction.",
        {"company/baikal-finance-group"},
        {"person/baikal"},
        id="head-word-of-a-company-name-keeps-the-company-type",
    ),
    pytest.param(
        "VR Business Brokers Inc said it agreed to buy a rival. VR Business said the deal would close in May.",
        {"company/vr-business-brokers-inc"},
        {"organization/vr-business"},
        id="head-words-of-a-company-name",
    ),
    pytest.param(
        "BP America Inc said it would cut jobs. BP said the move was sound.",
        {"company/bp-america-inc", "organization/bp"},
        set(),
        id="trap-an-arm-in-a-country-is-not-its-parent",
    ),
    pytest.param(
        "Tandem Computers Inc said its sales rose. Tandem said it expected growth. Sam Tandem, an analyst, disagreed.",
        {"company/tandem-computers-inc", "person/sam-tandem"},
        set(),
        id="trap-a-surname-is-not-the-company",
    ),
    pytest.param(
        "Hercules Aerospace Co and Hercules Chemicals Ltd reported losses. Hercules said it would cut jobs.",
        {"company/hercules-aerospace-co", "company/hercules-chemicals-ltd"},
        set(),
        id="trap-head-word-of-two-companies-stays-apart",
    ),
    pytest.param(
        "Texas Instruments Inc said its sales rose. Texas passed a new tax law on Monday.",
        {"company/texas-instruments-inc", "place/texas"},
        set(),
        id="trap-a-place-is-not-the-company-named-after-it",
    ),
    pytest.param(
        "The Federal Home Loan Bank Board closed the thrift on Monday. The Bank Board said depositors were safe.",
        {"organization/federal-home-loan-bank-board"},
        {"organization/bank-board"},
        id="trailing-words-of-a-long-name",
    ),
    pytest.param(
        "The Asian Development Bank and the African Development Bank lent more last year. "
        "The Development Bank said demand was strong.",
        {"organization/asian-development-bank", "organization/african-development-bank",
         "organization/development-bank"},
        set(),
        id="trap-trailing-words-of-two-names-stay-apart",
    ),
    pytest.param(
        "The Treasury Department said it would watch the markets. The Treasury declined to comment further.",
        {"governmentbody/treasury-department"},
        {"governmentbody/treasury"},
        id="long-name-without-its-head-word",
    ),
    pytest.param(
        "The US Customs Service said it seized the goods. US Customs said the seizure was the largest this year.",
        {"organization/us-customs-service"},
        {"organization/us-customs"},
        id="long-name-without-service",
    ),
    pytest.param(
        "The U.S. Congress passed the trade bill. Congress will vote on the budget next week.",
        {"governmentbody/u-s-congress"},
        {"governmentbody/congress"},
        id="long-name-without-its-country",
    ),
    pytest.param(
        "The Irish Times reported the deal. The Times said nothing.",
        {"mediaoutlet/irish-times", "mediaoutlet/times"},
        set(),
        id="trap-an-outlet-without-its-country-is-another-outlet",
    ),
    pytest.param(
        "The Senate Committee approved the bill on Monday. The Senate will vote on it next week.",
        {"governmentbody/senate"},
        set(),
        id="trap-a-committee-is-not-its-house",
    ),
    pytest.param(
        "President Daniel arap Moi said the debt was a burden. "
        "Moi told a conference of businessmen in Nairobi that aid would fall.",
        {"person/daniel-arap-moi"},
        {"person/daniel-arap", "person/moi", "organization/moi"},
        id="name-particle-keeps-the-surname",
    ),
    pytest.param(
        "Economic planning secretary Solita Monsod said prices would rise. "
        "Solita said the inflation rate would be 8 pct.",
        {"person/solita-monsod"},
        {"organization/solita"},
        id="first-name-the-ner-took-for-an-organisation",
    ),
    pytest.param(
        "The World Bank is ready to lend more to poor countries, bank president Barber Conable said.",
        {"organization/world-bank", "person/barber-conable"},
        {"company/world-bank", "company/barber-conable"},
        id="a-word-of-a-persons-title-does-not-type-the-person",
    ),
    pytest.param(
        "The strike is the first at the mills since 1976, company spokeswoman Denise Dallaire said.",
        {"person/denise-dallaire"},
        {"company/denise-dallaire"},
        id="company-spokeswoman-is-a-person",
    ),
    pytest.param(
        "The film is being produced by Joel Silver, producer of the Matrix trilogy.",
        {"person/joel-silver"},
        {"company/joel-silver"},
        id="a-trade-noun-does-not-make-a-full-name-a-company",
    ),
    pytest.param(
        "Jamie Foxx won best actor for Ray. "
        "Foxx's movie Ray, a bio-pic of late singer Ray Charles, also took two awards.",
        {"creativework/ray", "person/ray-charles"},
        {"person/ray"},
        id="a-film-title-is-not-the-person-of-that-first-name",
    ),
    pytest.param(
        "Ray Charles sang at the concert. Ray said he was happy to be back.",
        {"person/ray-charles"},
        {"person/ray", "concept/ray", "creativework/ray"},
        id="a-first-name-with-no-work-noun-still-joins-the-person",
    ),
    pytest.param(
        "The musical The Producers opened in London on Monday. The film star Tom Cruise saw it.",
        {"creativework/producers", "person/tom-cruise"},
        {"organization/producers", "concept/tom-cruise"},
        id="a-work-noun-types-the-title-after-it-only",
    ),
    pytest.param(
        "Her second album Mind, Body & Soul reached number one. The song Edelweiss is considered a traditional song.",
        {"creativework/mind-body-soul", "creativework/edelweiss"},
        {"organization/mind-body-soul", "organization/edelweiss"},
        id="titles-after-work-nouns",
    ),
    pytest.param(
        "People would rather watch live TV than a downloaded movie NEC is showing a phone on sale in Japan. "
        "A single AAA battery is said to last up to four hours.",
        {"organization/nec", "organization/aaa"},
        {"concept/nec", "concept/aaa", "creativework/nec", "creativework/aaa"},
        id="trap-a-work-noun-that-opens-no-noun-phrase-of-the-name",
    ),
    pytest.param(
        "The Central Bank reported a rise in reserves. The Federal Home Loan Bank Board reported losses.",
        {"organization/central-bank", "organization/federal-home-loan-bank-board"},
        {"mediaoutlet/central-bank", "company/central-bank", "mediaoutlet/federal-home-loan-bank-board"},
        id="an-organisation-that-reports-is-no-outlet",
    ),
    pytest.param(
        "He said the ministry authorised the board to supply his company <Unipack> with 24,000 tonnes of beans. "
        "The stake was sold to <Gulf Resources>.",
        {"company/unipack", "company/gulf-resources"},
        {"organization/gulf-resources"},
        id="a-name-reuters-marks-in-angle-brackets-is-a-company",
    ),
    pytest.param(
        "Dow Jones <DJ> rose on Monday. Shares of <MNRA.S> fell.",
        set(),
        {"company/dj", "organization/dj", "company/mnra-s"},
        id="trap-a-ticker-in-angle-brackets-is-no-name",
    ),
    pytest.param(
        "The band Franz Ferdinand won two awards. Franz Ferdinand said they were delighted.",
        {"organization/franz-ferdinand"},
        {"person/franz-ferdinand"},
        id="a-band-is-no-person",
    ),
    pytest.param(
        "The Lib Dems said the plan was flawed. Lib Dem leader Charles Kennedy said he would vote against it.",
        {"organization/liberal-democrats", "person/charles-kennedy"},
        {"person/lib-dems"},
        id="a-plural-name-after-the-is-a-group",
    ),
    pytest.param(
        "The Kennedys arrived in Boston. Ted Kennedy said the family was grateful.",
        {"person/ted-kennedy", "organization/kennedys"},
        set(),
        id="trap-a-family-is-not-one-of-its-members",
    ),
    pytest.param(
        "The Williams sisters won again. Serena Williams said she was tired.",
        {"person/serena-williams"},
        {"organization/williams", "organization/serena-williams"},
        id="trap-a-name-modifying-a-noun-is-not-a-group",
    ),
    pytest.param(
        "Shares in Yukos fell after the ruling. Yukos said it would appeal.",
        {"company/yukos"},
        {"person/yukos", "organization/yukos"},
        id="shares-in-a-name-make-it-a-company",
    ),
    pytest.param(
        "Leading China-watcher, and founder of the CGA consultancy Jeanne-Marie Gescher, agreed that the time "
        "was ripe. Ms Gescher said foreign groups would gain.",
        {"person/jeanne-marie-gescher"},
        {"organization/jeanne-marie-gescher", "person/gescher"},
        id="a-full-name-the-ner-took-for-an-organisation-and-mr-surname",
    ),
    pytest.param(
        "The Sachs Foundation gave 2 mln dlrs to the school. Goldman Sachs Group Inc advised the bank. "
        "Mr Sachs said the gift was a start.",
        {"organization/sachs-foundation", "company/goldman-sachs-group-inc", "person/sachs"},
        set(),
        id="trap-an-organisation-with-evidence-is-not-mr-surname",
    ),
    pytest.param(
        "Russia's reputation was hurt by the tax bills imposed on oil giant Yukos. Yukos said it would appeal.",
        {"company/yukos"},
        {"person/yukos", "organization/yukos"},
        id="a-company-noun-before-a-name-still-types-it",
    ),
]  # fmt: skip


@pytest.mark.parametrize("text,present,absent", ARTICLE_CASES)
def test_article_actors(nlp: Any, text: str, present: set[str], absent: set[str]) -> None:
    check_article_actors(nlp, text, present, absent)


# --- across articles ------------------------------------------------------------------------


EUROPEAN_COMMUNITY = _e("organization/european-community", "European Community", "Organization", 3, aliases=("EC",))
EUROPEAN_COMMISSION = _e("organization/european-commission", "European Commission", "Organization", aliases=("EC",))
BARE_EC = _e("organization/ec", "EC", "Organization", 2)
WORLD_ECONOMIC_FORUM = _e("organization/world-economic-forum", "World Economic Forum", "Organization", aliases=("WEF",))
BARE_WEF = _e("organization/wef", "WEF", "Organization")


def test_trap_a_two_letter_acronym_takes_no_expansion_from_another_article() -> None:
    assert merge_map([EUROPEAN_COMMUNITY, BARE_EC]) == {}
    assert merge_map([EUROPEAN_COMMUNITY, EUROPEAN_COMMISSION, BARE_EC]) == {}


def test_a_longer_acronym_still_joins_its_one_expansion() -> None:
    assert merge_map([WORLD_ECONOMIC_FORUM, BARE_WEF]) == {"organization/wef": "organization/world-economic-forum"}


POOL = [EUROPEAN_COMMUNITY, EUROPEAN_COMMISSION, BARE_EC, WORLD_ECONOMIC_FORUM, BARE_WEF,
        _e("governmentbody/treasury-department", "Treasury Department", "GovernmentBody", aliases=("Treasury",)),
        _e("governmentbody/treasury", "Treasury", "GovernmentBody", 2),
        _e("company/avon-products-inc", "Avon Products Inc", "Company", aliases=("Avon",)),
        _e("person/avon", "Avon", "Person")]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=4, unique_by=lambda e: e.key), min_size=1,
             max_size=4),
    st.randoms(),
)  # fmt: skip
def test_short_forms_do_not_depend_on_article_order(groups: list[list[Entity]], rnd: Any) -> None:
    extractions = [_x(f"article{i:04d}", *g) for i, g in enumerate(groups)]
    shuffled = list(extractions)
    rnd.shuffle(shuffled)
    by_id = {x.article.id: x for x in resolve(extractions)}
    assert {x.article.id: x for x in resolve(shuffled)} == by_id
