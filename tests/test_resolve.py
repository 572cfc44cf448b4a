"""Entity resolution across articles: tables of entities -> merges, and order independence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.actors.resolve import merge_map, resolve
from kg.models import Argument, Article, Entity, Extraction, Statement


def _e(key: str, label: str, type_: str, n: int = 1, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(key, label, type_, aliases=aliases, mentions=tuple((i, i + 1) for i in range(n)))


def _x(article_id: str, *entities: Entity) -> Extraction:
    subject = Argument(entities[0].label, 0, 1, entity=entities[0].key)
    st_ = Statement(subject, "said", "say", "says", None, "s", 0, 1, attribution=(entities[-1].key,))
    return Extraction(Article(article_id, "text"), entities, (st_,))


def test_surname_joins_the_one_full_name() -> None:
    assert merge_map(
        [
            _e("person/zelensky", "Zelensky", "Person"),
            _e("person/vladimir-zelensky", "Vladimir Zelensky", "Person"),
        ]
    ) == {"person/zelensky": "person/vladimir-zelensky"}


def test_trap_surname_with_two_full_names_stays_apart() -> None:
    entities = [
        _e("person/blair", "Blair", "Person"),
        _e("person/tony-blair", "Tony Blair", "Person"),
        _e("person/cherie-blair", "Cherie Blair", "Person"),
    ]
    assert merge_map(entities) == {}


def test_trap_regan_is_not_reagan() -> None:
    entities = [
        _e("person/regan", "Regan", "Person"),
        _e("person/donald-regan", "Donald Regan", "Person"),
        _e("person/ronald-reagan", "Ronald Reagan", "Person"),
    ]
    assert merge_map(entities) == {"person/regan": "person/donald-regan"}


def test_type_disagreement_goes_to_the_gazetteer_type() -> None:
    entities = [
        _e("person/bloomberg", "Bloomberg", "Person", 5),
        _e("mediaoutlet/bloomberg", "Bloomberg", "MediaOutlet"),
    ]
    assert merge_map(entities) == {"person/bloomberg": "mediaoutlet/bloomberg"}


def test_type_disagreement_goes_to_the_majority() -> None:
    entities = [
        _e("organization/zaluzhny", "Zaluzhny", "Organization"),
        _e("person/zaluzhny", "Zaluzhny", "Person", 3),
    ]
    assert merge_map(entities) == {"organization/zaluzhny": "person/zaluzhny"}


def test_trap_common_noun_is_not_the_named_entity() -> None:
    entities = [
        _e("concept/party", "party", "Concept", n=3),
        _e("organization/party", "Party", "Organization"),
    ]
    assert merge_map(entities) == {}


def test_a_name_ner_missed_joins_the_named_entity() -> None:
    entities = [
        _e("concept/refugee-council", "Refugee Council", "Concept"),
        _e("governmentbody/refugee-council", "Refugee Council", "GovernmentBody"),
    ]
    assert merge_map(entities) == {"concept/refugee-council": "governmentbody/refugee-council"}


def test_acronym_joins_the_entity_that_has_it_as_alias() -> None:
    entities = [
        _e("organization/wef", "WEF", "Organization"),
        _e("organization/world-economic-forum", "World Economic Forum", "Organization", aliases=("WEF",)),
    ]
    assert merge_map(entities) == {"organization/wef": "organization/world-economic-forum"}


def test_known_entity_keeps_its_key() -> None:
    new = [_e("person/zelensky", "Zelensky", "Person")]
    known = [("person/vladimir-zelensky", "Vladimir Zelensky", "Person")]
    assert merge_map(new, known) == {"person/zelensky": "person/vladimir-zelensky"}


def test_resolve_rewrites_entities_statements_and_aliases() -> None:
    a = _x("a", _e("person/zelensky", "Zelensky", "Person"), _e("person/bloomberg", "Bloomberg", "Person"))
    b = _x(
        "b",
        _e("person/vladimir-zelensky", "Vladimir Zelensky", "Person"),
        _e("mediaoutlet/bloomberg", "Bloomberg", "MediaOutlet"),
    )
    ra, rb = resolve([a, b])
    assert [e.key for e in ra.entities] == ["mediaoutlet/bloomberg", "person/vladimir-zelensky"]
    zelensky = next(e for e in ra.entities if e.key == "person/vladimir-zelensky")
    assert (zelensky.label, zelensky.aliases) == ("Vladimir Zelensky", ("Zelensky",))
    assert ra.statements[0].subject.entity == "person/vladimir-zelensky"
    assert ra.statements[0].attribution == ("mediaoutlet/bloomberg",)
    assert {e.type for e in ra.entities} == {"MediaOutlet", "Person"}
    assert [e.key for e in rb.entities] == ["mediaoutlet/bloomberg", "person/vladimir-zelensky"]


POOL = [
    _e("person/zelensky", "Zelensky", "Person", 3),
    _e("person/vladimir-zelensky", "Vladimir Zelensky", "Person", 2),
    _e("person/blair", "Blair", "Person", 2),
    _e("person/tony-blair", "Tony Blair", "Person"),
    _e("person/cherie-blair", "Cherie Blair", "Person"),
    _e("organization/wef", "WEF", "Organization"),
    _e("organization/world-economic-forum", "World Economic Forum", "Organization", aliases=("WEF",)),
    _e("person/bloomberg", "Bloomberg", "Person", 2),
    _e("mediaoutlet/bloomberg", "Bloomberg", "MediaOutlet"),
    _e("organization/zaluzhny", "Zaluzhny", "Organization"),
    _e("person/valery-zaluzhny", "Valery Zaluzhny", "Person"),
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=4, unique=True), min_size=1, max_size=5),
    st.randoms(),
)
def test_resolution_does_not_depend_on_article_order(groups: list[list[Entity]], rnd: object) -> None:
    extractions = [_x(f"a{i}", *g) for i, g in enumerate(groups)]
    shuffled = list(extractions)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    by_id = {x.article.id: x for x in resolve(extractions)}
    assert {x.article.id: x for x in resolve(shuffled)} == by_id
