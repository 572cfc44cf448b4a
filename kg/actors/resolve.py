"""Stage 3 of actors: one entity per actor across the articles of a build.

Keys are already stable within an article: type and folded name (kg.actors.gazetteer.
entity_key folds case, accents, -iy/-yy endings and the merges of ontology/aliases.tsv),
so the same name gives the same IRI in every article and every run. Across the articles
of a build, after `local.localise` has given per-article keys to anonymous sources and
to same-named people with conflicting evidence, these rules merge keys (all of them
independent of article order):

1. Same name (compared by `names.fold`: case, accents, U.S./US, transliterations; for
   organisations by `names.org_core`, without company suffixes: "American Express Co" is
   "American Express"), different types (NER called an outlet a person in one article):
   one entity, typed by the gazetteer when it knows the name, else by the majority of
   mentions of its named types (a Concept only when nothing else), ties by TYPE_PRIORITY.
   Types must be compatible: when two kinds of actor (a person, an organisation, a place)
   both have strong evidence (a company, a full name or roles, a gazetteer's type), each
   kind stays its own entity and only the weak ones (a bare name, a concept) join the
   most mentioned. A concept written in lower case ("the party") is a common noun, not
   a name the NER missed, and joins no named entity ("the Party"); a creative work joins only
   works of its name (the film "Ray" is no person "Ray" of another article).
2. A one-word Person name ("Zelensky") is the person whose full name
   ends with it, when exactly one person in the build (or in `known`) has such a full
   name, its countries, occupations and employers do not conflict (local.Profile), and the merged
   entity is that Person. Two candidates (Tony and Cherie Blair, or an article's "Blair"
   with both) leave it apart.
3. An acronym ("WEF") is the entity that has it as an alias, when exactly one has and
   the acronym has three letters or more: two letters spell too many names to carry one
   article's expansion into another ("EC" is the European Community of a 1987 article
   and the European Commission of a 2005 one).
4. ontology/aliases.tsv can forbid a merge of rules 2 and 3.

The merged entity keeps the key of a `known` entity (already in the store) if it has one,
else the key of its fullest name; its label is its most mentioned name; every other name
seen becomes an alias.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..disjoint import DisjointSets
from ..models import (
    ANONYMOUS_SOURCE,
    COMPANY,
    CONCEPT,
    COUNTRY,
    CREATIVE_WORK,
    ENTITY_TYPES,
    MEDIA_OUTLET,
    ORGANIZATION,
    PERSON,
    PLACE,
    SITUATION,
    SPORTS_TEAM,
    Argument,
    Entity,
    Extraction,
    Statement,
)
from .clusters import ORG_TYPES, TYPE_PRIORITY, full_name
from .gazetteer import entity_key, gazetteer
from .local import localise, profile
from .mentions import ACRONYM
from .names import fold, org_core

# Types a SportsTeam may merge with across articles (a club the NER called an organisation).
TEAM_PARTNERS = frozenset({SPORTS_TEAM, ORGANIZATION})
UNMERGED_TYPES = frozenset({SITUATION, ANONYMOUS_SOURCE})
# Types of one-word names rule 2 joins to a full name (NER's mistyped surnames are fixed in coref).
SURNAME_TYPES = frozenset({PERSON})
Remap = Callable[[str], str]
# Letters an acronym needs before rule 3 carries one article's expansion to another.
MIN_SHARED_ACRONYM = 3


@dataclass
class _Seen:
    """What the build says about one key."""

    key: str
    type: str
    labels: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    known: bool = False
    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    occupations: set[str] = field(default_factory=set)
    employers: set[str] = field(default_factory=set)

    @property
    def folded(self) -> str:
        return fold(self.label)

    @property
    def label(self) -> str:
        c = self.labels
        return min(c, key=lambda name: (-c[name], -len(name), name))

    @property
    def weight(self) -> int:
        return sum(self.labels.values())


def merge_map(entities: Iterable[Entity], known: Iterable[tuple[str, str, str]] = ()) -> dict[str, str]:
    """Key -> key of the entity it is merged into (only keys that change).

    >>> from kg.models import Entity
    >>> a = Entity("person/zelensky", "Zelensky", "Person", mentions=((0, 8),))
    >>> b = Entity("person/vladimir-zelensky", "Vladimir Zelensky", "Person", mentions=((9, 26),))
    >>> merge_map([a, b])
    {'person/zelensky': 'person/vladimir-zelensky'}
    """
    seen: dict[str, _Seen] = {}
    for e in entities:
        s = seen.setdefault(e.key, _Seen(e.key, e.type))
        s.labels[e.label] += len(e.mentions) or 1
        s.aliases.update(e.aliases)
        s.roles.update(e.roles)
        p = profile(e)
        s.countries |= p.countries
        s.occupations |= p.occupations
        s.employers |= p.employers
    for key, label, type_ in known:
        s = seen.setdefault(key, _Seen(key, type_))
        s.labels[label] += 0
        s.known = True
    keys = sorted(k for k, s in seen.items() if s.type not in UNMERGED_TYPES)
    sets = DisjointSets(keys)
    find = sets.find
    guard = _Guard({k: seen[k] for k in keys})

    def union(a: str, b: str) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        if not guard.compatible(ra, rb):
            return False
        sets.union(ra, rb)
        guard.merge(ra, rb, find(ra))
        return True

    by_fold: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        # a common noun ("the party", "the house") is no name: it never joins a named entity
        common = seen[k].type == CONCEPT and not any(ch.isupper() for ch in seen[k].label)
        name = org_core(seen[k].label) if seen[k].type in ORG_TYPES | {CONCEPT} else fold(seen[k].label)
        work = seen[k].type == CREATIVE_WORK  # a title joins only that title: "Ray" the film is no "Ray" elsewhere
        by_fold[("common " if common else "work " if work else "") + name].append(k)
    for group in by_fold.values():  # rule 1: each key joins the heaviest compatible key before it
        ordered = sorted(group, key=lambda k: (-seen[k].weight, k))
        for n, k in enumerate(ordered[1:], start=1):
            any(union(anchor, k) for anchor in ordered[:n])
    people = [k for k in keys if seen[k].type == PERSON and full_name(seen[k].label)]
    for k in keys:  # rule 2
        s = seen[k]
        folded = s.folded
        if s.type not in SURNAME_TYPES or " " in folded or _in_gazetteer(s.label):
            continue
        fuller = {
            find(p) for p in people if seen[p].folded.endswith(" " + folded) and not _forbidden(seen[p].folded, folded)
        }
        if len(fuller) == 1:
            union(fuller.pop(), k)
    owners: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        for alias in seen[k].aliases:
            if ACRONYM.match(alias):
                owners[alias].add(find(k))
    for k in keys:  # rule 3
        label = seen[k].label
        if ACRONYM.match(label) and len(label) >= MIN_SHARED_ACRONYM:
            roots = {r for r in owners.get(label, set()) if r != find(k)}
            if len(roots) == 1:
                union(roots.pop(), k)
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        clusters[find(k)].append(k)
    result: dict[str, str] = {}
    for members in clusters.values():
        if len(members) < 2:
            continue
        target = _representative([seen[m] for m in members])
        result.update({m: target for m in members if m != target})
    return result


def _family(type_: str) -> str:
    if type_ in ORG_TYPES:
        return "organisation"
    return {COUNTRY: "place", PLACE: "place"}.get(type_, type_)


def _strong(s: _Seen) -> bool:
    """Evidence of its type beyond one NER label: a company, a gazetteer's type, a person's full name or roles."""
    if s.type in (COMPANY, SPORTS_TEAM) or _gazetteer_type(s.label) == s.type:  # a team: never its country
        return True
    return s.type == PERSON and (" " in s.folded or bool(s.roles))


class _Guard:
    """What each set of keys is, so that a merge never joins two kinds of actor with strong evidence.

    Two sets are incompatible when each has strong evidence (`_strong`) of a different kind
    (a person and a company), or their people's countries, occupations or employers conflict.
    """

    def __init__(self, seen: dict[str, _Seen]) -> None:
        self.kinds = {k: {_family(s.type)} if s.type != CONCEPT and _strong(s) else set() for k, s in seen.items()}
        self.countries = {k: set(s.countries) if s.type == PERSON else set() for k, s in seen.items()}
        self.occupations = {k: set(s.occupations) if s.type == PERSON else set() for k, s in seen.items()}
        self.employers = {k: set(s.employers) if s.type == PERSON else set() for k, s in seen.items()}
        # a club or national side joins only teams and organisations: never the city or country of its name
        # ("Leeds", "Ireland"), nor a person or concept the NER made of that place elsewhere ("in Glasgow")
        self.sides = {k: {s.type} for k, s in seen.items()}

    def compatible(self, a: str, b: str) -> bool:
        if self.kinds[a] and self.kinds[b] and self.kinds[a] != self.kinds[b]:
            return False
        sides = self.sides[a] | self.sides[b]
        if SPORTS_TEAM in sides and sides - TEAM_PARTNERS:
            return False
        ca, cb, oa, ob = self.countries[a], self.countries[b], self.occupations[a], self.occupations[b]
        ea, eb = self.employers[a], self.employers[b]
        return not (ca and cb and not ca & cb) and not (oa and ob and not oa & ob) and not (ea and eb and not ea & eb)

    def merge(self, a: str, b: str, root: str) -> None:
        for table in (self.kinds, self.countries, self.occupations, self.employers, self.sides):
            table[root] = table[a] | table[b]


def _forbidden(full: str, short: str) -> bool:
    return any(a == full and b == short for _, a, b in gazetteer().forbidden)


def _in_gazetteer(name: str) -> bool:
    gaz, lowered = gazetteer(), name.lower()
    return lowered in gaz.outlets or lowered in gaz.countries or lowered in gaz.capitals


def _gazetteer_type(name: str) -> str | None:
    gaz, lowered = gazetteer(), name.lower()
    if lowered in gaz.outlets:
        return MEDIA_OUTLET
    if lowered in gaz.countries:
        return COUNTRY
    return None


def _representative(members: list[_Seen]) -> str:
    known = sorted(m.key for m in members if m.known)
    if known:
        return known[0]
    fixed = [m for m in members if _gazetteer_type(m.label) == m.type]
    votes: Counter[str] = Counter()
    named = [m for m in members if m.type != CONCEPT]  # a concept is a name no rule typed; never preferred
    strong = [m for m in named if _strong(m)]  # evidence beyond one NER label outvotes NER's guesses
    for m in fixed or strong or named or members:
        votes[m.type] += m.weight or 1
    type_ = min(votes, key=lambda t: (-votes[t], TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else 99, t))
    if not fixed and any(m.type == PERSON and " " in m.folded for m in members):
        type_ = PERSON  # rule 2 joined a surname to a full name
    typed = [m for m in members if m.type == type_]
    best = min(typed, key=lambda m: (-len(m.label.split()), -m.weight, m.label))
    return entity_key(type_, best.label) if best.type != type_ else best.key


def resolve(extractions: Sequence[Extraction], *, known: Iterable[tuple[str, str, str]] = ()) -> list[Extraction]:
    """Merge the entities of the articles into one per actor, and relabel them everywhere.

    `known` lists (key, label, type) of entities already stored, so that a later build
    links a new "Zelensky" to the stored "Vladimir Zelensky" and keeps its IRI.
    """
    extractions = localise(extractions)
    mapping = merge_map((e for x in extractions for e in x.entities), known)

    def k(key: str) -> str:
        return mapping.get(key, key)

    labels: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for x in extractions:
        for e in x.entities:
            labels[k(e.key)][e.label] += len(e.mentions) or 1
            aliases[k(e.key)].update(e.aliases)
            aliases[k(e.key)].add(e.label)
            types[k(e.key)][e.type] += 1
    for key, label, _ in known:
        if key in labels:
            labels[key][label] += 0
    # the label its key is made from wins, then the most mentioned, the longer, the first alphabetically
    chosen = {
        key: min(c, key=lambda n: (entity_key(key.split("/")[0], n) != key, -c[n], -len(n), n))
        for key, c in labels.items()
    }
    return [_rewrite(x, k, chosen, aliases) for x in extractions]


def _rewrite(x: Extraction, remap: Remap, chosen: dict[str, str], aliases: dict[str, set[str]]) -> Extraction:
    merged: dict[str, Entity] = {}
    for e in x.entities:
        key = remap(e.key)
        type_ = _type_of_key(key, e.type)
        label = chosen.get(key, e.label)
        new = replace(
            e,
            key=key,
            label=label,
            type=type_,
            aliases=tuple(sorted(aliases.get(key, set()) - {label})),
            affiliations=tuple(sorted({remap(a) for a in e.affiliations} - {key})),
            participants=tuple(sorted({remap(p) for p in e.participants})),
        )
        if key in merged:
            old = merged[key]
            new = replace(
                old,
                roles=tuple(sorted(set(old.roles) | set(new.roles))),
                affiliations=tuple(sorted(set(old.affiliations) | set(new.affiliations))),
                mentions=tuple(sorted(set(old.mentions) | set(new.mentions))),
            )
        merged[key] = new
    statements = tuple(_remap_statement(st, remap) for st in x.statements)
    return replace(x, entities=tuple(merged[key] for key in sorted(merged)), statements=statements)


def _type_of_key(key: str, fallback: str) -> str:
    prefix = key.split("/")[0]
    return next((t for t in ENTITY_TYPES if t.lower() == prefix), fallback)


def _remap_arg(arg: Argument | None, remap: Remap) -> Argument | None:
    if arg is None or arg.entity is None:
        return arg
    return replace(arg, entity=remap(arg.entity))


def _remap_statement(st: Statement, remap: Remap) -> Statement:
    return replace(
        st,
        subject=_remap_arg(st.subject, remap) or st.subject,
        object=_remap_arg(st.object, remap),
        extras=tuple(_remap_arg(a, remap) or a for a in st.extras),
        attribution=tuple(remap(a) for a in st.attribution),
    )
