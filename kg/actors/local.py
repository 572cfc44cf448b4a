"""Stage 3a of actors: article-level entities that must stay apart across articles.

The same key in two articles is not always the same actor. Before cross-article merging
(resolve.py), two rules give an entity a key of its own:

1. Generic and anonymous sources ("people", "analysts", "officials", "sources", "people
   familiar with the matter") are per article: "analysts" in one story are not those of
   another. Their key gets the article's id: `anonymoussource/analysts-9b64a95a`.
   Within one article, a source whose words all stand in one longer source of the same
   head noun ("sources", "industry sources", "oil sources" inside "Far East oil industry
   sources") is that source; under two longer ones that do not nest ("oil sources",
   "banking sources") it stays apart, and so do counted ones ("two sources", "most
   analysts", "few people", "125,000 people") and a modified source inside one whose
   modifiers are coordinated ("traders in San Francisco" is a part of "traders in Los
   Angeles and San Francisco", not all of them).
2. People of one name with conflicting evidence are different people: Michael Owen the
   England footballer and Michael Owen the Wales rugby player. Two mentions of a name
   conflict when both are affiliated with countries and share none, both have roles of
   an occupation (footballer, rugby player, cricketer, musician, actor) and share none,
   or both have employers ("spokesman of Microsoft": the owner of a role) and share none
   (compared without company suffixes: Microsoft Corp = Microsoft; a name inside the other
   is its short form: the Treasury = the U.S. Treasury).
   The largest group keeps the key; each other group's key gets its distinguishing
   country or occupation: `person/michael-owen-wales`.

3. A concept's key is written in lower case in one article ("producers receive less") and
   with capitals in another ("The Producers", a name no rule typed): the capitalised one
   gets a key of its own (`concept/producers-name`), so the common noun never joins the
   named actor that the name may join across articles.

All rules depend only on what the articles say, never on their order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import ANONYMOUS_SOURCE, CONCEPT, PERSON, Argument, Entity, Extraction, Statement
from ..vocab import slug
from .names import org_core

# Occupations whose roles exclude each other (a word of the role names its occupation).
OCCUPATIONS: dict[str, frozenset[str]] = {
    "football": frozenset({"footballer", "striker", "midfielder", "goalkeeper", "winger", "football", "soccer"}),
    "rugby": frozenset({"rugby", "fly-half", "flanker", "scrum-half", "hooker", "lock"}),
    "cricket": frozenset({"cricketer", "batsman", "bowler", "cricket", "wicketkeeper"}),
    "tennis": frozenset({"tennis"}),
    "golf": frozenset({"golfer", "golf"}),
    "athletics": frozenset({"athlete", "sprinter", "runner", "hurdler", "athletics"}),
    "music": frozenset({"singer", "guitarist", "drummer", "rapper", "musician", "band", "bassist"}),
    "acting": frozenset({"actor", "actress"}),
}
# Words of a source's label that do not tell which source it is ("most analysts" = "analysts").
QUANTIFIERS = frozenset({"the"})
# Words that make a source so many of a group, apart from the group ("few people", "two sources").
NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "a", "an", "single", "most", "many", "some", "several",
     "few", "all", "other", "more", "so", "too"}
)  # fmt: skip
# Kinds of key whose actor employs a person ("spokesman of Microsoft"), by the key's prefix.
EMPLOYER_KINDS = frozenset({"company", "organization", "governmentbody", "mediaoutlet", "militaryorganization"})
# Words that make a source's modifiers a union of groups: "traders in Los Angeles and San Francisco".
COORDINATORS = frozenset({"and", "or", "both"})
# Words that open what follows a source's head noun: "people familiar with", "traders in Tokyo".
POSTMODIFIERS = frozenset({"in", "at", "on", "of", "from", "with", "close", "familiar", "near", "for", "who"})
ARTICLE_TAG = 8  # characters of the article id in a per-article key


@dataclass(frozen=True, slots=True)
class Profile:
    """What an entity's article says about who it is: countries and occupations."""

    countries: frozenset[str]
    occupations: frozenset[str]
    employers: frozenset[str] = frozenset()

    def conflicts(self, other: Profile) -> bool:
        """True when the two cannot be one actor."""
        return bool(
            (self.countries and other.countries and not self.countries & other.countries)
            or (self.occupations and other.occupations and not self.occupations & other.occupations)
            or (self.employers and other.employers and not _employers_meet(self.employers, other.employers))
        )


def _employers_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """One employer in both, or one's name inside the other's: 'treasury' and 'us treasury' (the
    U.S. Treasury's short form), not 'microsoft' and 'apple'."""
    return any(set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in a for y in b)


def profile(e: Entity) -> Profile:
    """The countries and occupations of an entity.

    >>> profile(Entity("person/x", "X", "Person", roles=("wales rugby player",))).occupations
    frozenset({'rugby'})
    """
    words = {w for role in e.roles for w in role.lower().split()}
    occupations = frozenset(name for name, nouns in OCCUPATIONS.items() if words & nouns)
    employers = frozenset(
        org_core(a.split("/")[-1].replace("-", " ")) for a in e.affiliations if a.split("/")[0] in EMPLOYER_KINDS
    )
    return Profile(frozenset(a for a in e.affiliations if a.startswith("country/")), occupations, employers)


def localise(extractions: Sequence[Extraction]) -> list[Extraction]:
    """The extractions with per-article keys for anonymous sources and same-named different people."""
    renames: dict[tuple[str, str], str] = {}  # (article id, key) -> key
    people: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for x in extractions:
        nested = _nested_sources([e for e in x.entities if e.type == ANONYMOUS_SOURCE])
        for e in x.entities:
            if e.type == ANONYMOUS_SOURCE:
                renames[(x.article.id, e.key)] = f"{nested.get(e.key, e.key)}-{x.article.id[:ARTICLE_TAG]}"
            elif e.type == PERSON:
                people[e.key].append((x.article.id, e))
    cases: dict[str, set[bool]] = defaultdict(set)  # concept key -> written with capitals, in lower case
    for x in extractions:
        for e in x.entities:
            if e.type == CONCEPT:
                cases[e.key].add(_capitalised(e.label))
    for x in extractions:  # rule 3: "producers" (a common noun) is not "The Producers" (a name)
        for e in x.entities:
            if e.type == CONCEPT and cases[e.key] == {True, False} and _capitalised(e.label):
                renames[(x.article.id, e.key)] = f"{e.key}-name"
    taken = {e.key for x in extractions for e in x.entities}
    for key in sorted(people):
        for article_id, new in _split(key, people[key], taken):
            renames[(article_id, key)] = new
    if not renames:
        return list(extractions)
    return [_rename(x, {k: v for (a, k), v in renames.items() if a == x.article.id}) for x in extractions]


def _nested_sources(sources: list[Entity]) -> dict[str, str]:
    """Key of a source -> key of the one longest source of the article whose words hold all of its."""
    named = sorted((e for e in sources if not _counted(e.label)), key=lambda e: (len(e.label), e.label))
    words = {e.key: frozenset(e.label.lower().split()) - QUANTIFIERS for e in named}
    head = {e.key: _head_noun(e.label) for e in named}
    first: dict[tuple[frozenset[str], str], str] = {}  # "most analysts" and "analysts": one
    for e in named:
        first.setdefault((words[e.key], head[e.key]), e.key)
    result: dict[str, str] = {}
    for key, own in words.items():
        # "traders in san francisco" is a part of "traders both in los angeles and san francisco", not it:
        # only the bare head nests in a source of coordinated modifiers
        longer = {w for w, h in first if own < w and h == head[key] and (len(own) == 1 or not w & COORDINATORS)}
        longest = [w for w in longer if not any(w < other for other in longer)]
        target = first[(longest[0], head[key])] if len(longest) == 1 else first[(own, head[key])]
        if target != key:
            result[key] = target
    return result


def _head_noun(label: str) -> str:
    """The noun a source's label is built on: its last word, or the last before a preposition or
    "familiar" ("traders" of "traders both in Los Angeles and San Francisco")."""
    words = label.lower().split() or [""]
    cut = next((i for i, w in enumerate(words) if i and w in POSTMODIFIERS), len(words))
    nouns = [w for w in words[:cut] if w not in COORDINATORS]
    return nouns[-1] if nouns else words[-1]


def _capitalised(label: str) -> bool:
    return any(ch.isupper() for ch in label)


def _counted(label: str) -> bool:
    """'one trader', 'two sources', '125,000 people': so many people, not the article's whole group."""
    return any(w in NUMBER_WORDS or w.replace(",", "").replace(".", "").isdigit() for w in label.lower().split())


def _split(key: str, members: list[tuple[str, Entity]], taken: set[str]) -> list[tuple[str, str]]:
    """(article id, new key) for the members of one key that conflict with its largest group."""
    if len(members) < 2:
        return []
    ordered = sorted(members, key=lambda m: (-len(m[1].mentions), m[1].roles, m[1].affiliations, m[0]))
    groups: list[list[tuple[str, Entity]]] = []
    for member in ordered:
        p = profile(member[1])
        home = next((g for g in groups if not any(p.conflicts(profile(e)) for _, e in g)), None)
        if home is None:
            groups.append([member])
        else:
            home.append(member)
    result: list[tuple[str, str]] = []
    for group in groups[1:]:
        new = f"{key}-{_qualifier(group)}"
        n = 2
        while new in taken:
            new, n = f"{key}-{_qualifier(group)}-{n}", n + 1
        taken.add(new)
        result.extend((article_id, new) for article_id, _ in group)
    return result


def _qualifier(group: list[tuple[str, Entity]]) -> str:
    p = profile(group[0][1])
    if p.occupations:
        return sorted(p.occupations)[0]
    if p.countries:
        return sorted(p.countries)[0].split("/")[-1]
    if p.employers:
        return slug(sorted(p.employers)[0])
    return slug(group[0][0][:ARTICLE_TAG])


def _rename(x: Extraction, renames: dict[str, str]) -> Extraction:
    if not renames:
        return x

    def k(key: str) -> str:
        return renames.get(key, key)

    def arg(a: Argument | None) -> Argument | None:
        return a if a is None or a.entity is None else replace(a, entity=k(a.entity))

    def statement(st: Statement) -> Statement:
        return replace(
            st,
            subject=arg(st.subject) or st.subject,
            object=arg(st.object),
            extras=tuple(arg(a) or a for a in st.extras),
            attribution=tuple(k(a) for a in st.attribution),
        )

    entities: dict[str, Entity] = {}
    for e in x.entities:
        e = replace(
            e,
            key=k(e.key),
            affiliations=tuple(sorted(k(a) for a in e.affiliations)),
            participants=tuple(sorted(k(p) for p in e.participants)),
        )
        entities[e.key] = _joined(entities[e.key], e) if e.key in entities else e
    return replace(
        x,
        entities=tuple(entities[key] for key in sorted(entities)),
        statements=tuple(statement(st) for st in x.statements),
    )


def _joined(a: Entity, b: Entity) -> Entity:
    """Two entities of one article given one key: the longer label, everything else pooled."""
    first, other = sorted((a, b), key=lambda e: (-len(set(e.label.split()) - QUANTIFIERS), len(e.label), e.label))
    return replace(
        first,
        aliases=tuple(sorted(({other.label} | set(a.aliases) | set(b.aliases)) - {first.label})),
        roles=tuple(sorted(set(a.roles) | set(b.roles))),
        affiliations=tuple(sorted(set(a.affiliations) | set(b.affiliations))),
        mentions=tuple(sorted(set(a.mentions) | set(b.mentions))),
    )
