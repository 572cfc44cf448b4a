"""Rule 1 of coreference (see coref.py): named mentions with one name are one entity.

Equal folded names merge (`names.fold`: case, accents, U.S./US, transliterations); an
organisation's name also matches without its company suffix and function words
("Monier Ltd" and "Monier"), and an outlet's last word its name ("the Journal"); a
surname, or a first name alone ("Gareth"), joins the one person in the article with such
a full name; an acronym joins the one organisation whose initials it spells, and other
short forms their long name (shortforms.py); a work's title ("the film Ray") joins no
person. Each
cluster gets its type, label and key here, the type from all its mentions (see
`_finish`); roles and pronouns are added to it later.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ..disjoint import DisjointSets
from ..models import (
    COMPANY,
    CONCEPT,
    COUNTRY,
    CREATIVE_WORK,
    EVENT,
    GOVERNMENT_BODY,
    GROUP,
    MEDIA_OUTLET,
    MILITARY,
    ORGANIZATION,
    PERSON,
    PLACE,
    SPORTS_TEAM,
)
from .gazetteer import entity_key, gazetteer
from .heads import ORG_HEADS
from .mentions import ACRONYM, NamedMention
from .names import COMPANY_SUFFIXES, NAME_PARTICLES, fold, has_company_suffix, org_core
from .shortforms import head_words_of, of_a_country, spelled_by, trailing_words_of, without_head_of

ORG_TYPES = frozenset({ORGANIZATION, GOVERNMENT_BODY, MILITARY, COMPANY, MEDIA_OUTLET, SPORTS_TEAM})
# The most likely type first, when a name's mentions are typed evenly.
TYPE_PRIORITY = (
    MEDIA_OUTLET,
    SPORTS_TEAM,
    COUNTRY,
    PERSON,
    GOVERNMENT_BODY,
    MILITARY,
    COMPANY,
    ORGANIZATION,
    PLACE,
    GROUP,
    EVENT,
    CREATIVE_WORK,
    CONCEPT,
)


@dataclass
class Cluster:
    """The mentions of one entity, with what the coreference rules learn about it."""

    mentions: list[NamedMention]
    key: str = ""
    label: str = ""
    type: str = ""
    gender: str = ""
    roles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    role_heads: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)


def cluster_names(mentions: list[NamedMention]) -> list[Cluster]:
    """Merge the named mentions of one doc into clusters with a type, label and key."""
    sets = DisjointSets(range(len(mentions)))
    find, union = sets.find, sets.union

    mentions = _demonyms_before_people(mentions)
    folds = [fold(m.name) for m in mentions]
    mentions = _people_named_as_organisations(mentions, folds)
    first: dict[str, int] = {}
    for i, f in enumerate(folds):
        if f in first:
            union(first[f], i)
        else:
            first[f] = i
    cores: dict[str, int] = {}  # "Canadian Tire Corp Ltd" and "Canadian Tire": one company
    for i, m in enumerate(mentions):
        if m.type in ORG_TYPES or m.type == CONCEPT or "company" in m.hints:
            core = org_core(m.name)
            if core in cores and not _forbidden(m.type, folds[cores[core]], folds[i]):
                union(cores[core], i)
            else:
                cores.setdefault(core, i)
    for i, m in enumerate(mentions):  # "Chemlawn" (NER: a person) after "Chemlawn Corp"
        if m.type in (PERSON, PLACE) and not m.gazetteer and "person" not in m.hints and folds[i] in cores:
            union(cores[folds[i]], i)
    people = sorted({f for f, m in zip(folds, mentions, strict=True) if m.type == PERSON and full_name(m.name)})
    orgs = sorted({f for f, m in zip(folds, mentions, strict=True) if m.type in ORG_TYPES and " " in f})
    outlets = sorted({f for f, m in zip(folds, mentions, strict=True) if m.type == MEDIA_OUTLET and " " in f})
    companies = sorted({f for f in folds if len(f.split()) > 1 and f.split()[-1] in COMPANY_SUFFIXES})  # legal forms
    works = {f for f, m in zip(folds, mentions, strict=True) if "work" in m.hints}
    for f, i in first.items():
        m = mentions[i]
        if m.gazetteer or f in works:  # "Ray" after "the film Ray" is the film, not Ray Charles
            continue
        if m.type in ORG_TYPES:  # "Bank Board" after "Federal Home Loan Bank Board", "Treasury" (shortforms.py)
            longer = trailing_words_of(f, orgs) or without_head_of(f, orgs)
            longer = longer or (of_a_country(f, orgs) if m.type != MEDIA_OUTLET else [])  # "U.S. Congress"
            if len(longer) == 1:
                union(first[longer[0]], i)
                continue
        named = m.type in ORG_TYPES | {PERSON, CONCEPT} and "person" not in m.hints
        if named and not any(p.split()[-1] == f or p.startswith(f + " ") for p in people):
            heads = head_words_of(f, companies)  # "Avon" after "Avon Products Inc"
            if len(heads) == 1 and not any(org_core(o) == f and o != f for o in orgs):
                union(first[heads[0]], i)
                continue
        if m.type != PERSON and " " in m.name:  # a hyphenated surname folds with a space: "Henin-Hardenne"
            continue
        fuller = [p for p in people if p != f and p.endswith(" " + f) and not _forbidden(PERSON, p, f)]
        if len(fuller) == 1:
            union(first[fuller[0]], i)
            continue
        given = [p for p in people if p != f and p.startswith(f + " ") and not _forbidden(PERSON, p, f)]
        # "Solita" (NER: an organisation) after "Solita Monsod", unless an organisation's name starts so too;
        # "I looked at Gavin" (NER: a place, and no place the gazetteers know) after "Gavin Henson", unless
        # an organisation's name starts so ("in Teberebie" beside "Teberebie Goldfields Ltd")
        first_name = m.type == PERSON or m.type == ORGANIZATION and not m.hints and not head_words_of(f, orgs)
        place_word = m.type == PLACE and " " not in f and not m.hints
        first_name = first_name or (place_word and not head_words_of(f, orgs) and not head_words_of(f, companies))
        if first_name and len(given) == 1 and "honorific" not in m.hints:  # "Mr Howard": a surname
            union(first[given[0]], i)  # "Gareth" after "Gareth Thomas"
            continue
        near = [p for p in people if _misspelt(f, p.split()[-1]) and not _forbidden(PERSON, p, f)]
        typed = m.type in (PERSON, ORGANIZATION) and not m.hints & {"company", "outlet", "organisation"}
        if " " not in m.name and typed and len(near) == 1:
            union(first[near[0]], i)  # "Montieth" in an article about David Monteith
            continue
        if ACRONYM.match(m.name):
            spelled = spelled_by(m.name, orgs)  # "BP" after "British Petroleum Company Plc"
            earliest = min(spelled, key=lambda o: first[o], default=None)
            if earliest is not None and (len(spelled) == 1 or first[earliest] < i):
                union(first[earliest], i)  # of two, the one named first, before the acronym (shortforms.py)
            continue
        shorter = [o for o in outlets if o.endswith(" " + f)]
        if m.type in ORG_TYPES and " " not in f and len(shorter) == 1:
            union(first[shorter[0]], i)  # "the Journal" after "The Wall Street Journal"
    groups: dict[int, list[NamedMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[find(i)].append(m)
    # two clusters can still end with one key (same label and type)
    return one_per_key([_finish(Cluster(ms)) for _, ms in sorted(groups.items())])


def one_per_key(clusters: list[Cluster]) -> list[Cluster]:
    """Clusters that share a key as one (the first, with the others' mentions and affiliations), in order."""
    merged: dict[str, Cluster] = {}
    for c in clusters:
        if c.key in merged:
            merged[c.key].mentions.extend(c.mentions)
            merged[c.key].affiliations |= c.affiliations
        else:
            merged[c.key] = c
    return list(merged.values())


def _demonyms_before_people(mentions: list[NamedMention]) -> list[NamedMention]:
    """'American Davenport will now face ...' (NER: an organisation) in an article about Lindsay
    Davenport: a demonym before the surname or full name of one person of the article is that
    person, affiliated with the country (not 'American Express', when no person is named Express)."""
    gaz = gazetteer()
    people = [fold(m.name) for m in mentions if m.type == PERSON and full_name(m.name)]
    result = []
    for m in mentions:
        words = m.name.split(" ", 1)
        plain = m.type != PERSON and not m.gazetteer and not m.hints
        if plain and len(words) == 2 and words[0].lower() in gaz.demonyms:
            rest = fold(words[1])
            if len({p for p in people if p == rest or p.endswith(" " + rest)}) == 1:
                country = entity_key(COUNTRY, gaz.demonyms[words[0].lower()])
                m = replace(m, name=words[1], type=PERSON, affiliations=m.affiliations | {country})
        result.append(m)
    return result


def _people_named_as_organisations(mentions: list[NamedMention], folds: list[str]) -> list[NamedMention]:
    """'the CGA consultancy Jeanne-Marie Gescher' (NER: an organisation) and later 'Ms Gescher': a full
    name whose last word an honorific gives a person is that person, when it has no other evidence
    of an organisation (a head word, a legal form, a hint) and no person's full name ends so."""
    titled = {f for f, m in zip(folds, mentions, strict=True) if "honorific" in m.hints and " " not in f}
    people = {f.split()[-1] for f, m in zip(folds, mentions, strict=True) if m.type == PERSON and " " in f}
    result = []
    for f, m in zip(folds, mentions, strict=True):
        last = f.split()[-1] if f else ""
        plain = m.type == ORGANIZATION and not m.hints and not m.gazetteer and full_name(m.name)
        if plain and len(f.split()) <= 3 and last in titled - people and last not in ORG_HEADS:
            m = replace(m, type=PERSON)
        result.append(m)
    return result


def full_name(name: str) -> bool:
    """Two or more words, each capitalised: a name a surname can stand for ('ofNew Labour' is not)."""
    words = name.split()
    return len(words) > 1 and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


def _misspelt(word: str, surname: str) -> bool:
    """One letter dropped or added, or two neighbours swapped, both of at least 6 letters and with
    the same first two: 'Montieth'/'Monteith', 'Daveport'/'Davenport' (not 'Regan'/'Reagan', nor a
    changed letter: 'Clifton' is not 'Clinton')."""
    if word == surname or min(len(word), len(surname)) < 6 or word[:2] != surname[:2]:
        return False
    if abs(len(word) - len(surname)) > 1:
        return False
    n = next((k for k, (a, b) in enumerate(zip(word, surname, strict=False)) if a != b), min(len(word), len(surname)))
    a, b = word[n:], surname[n:]
    return a == b[1:] or a[1:] == b or (len(a) > 1 and a[:2] == b[1::-1] and a[2:] == b[2:])


def _forbidden(type_: str, a: str, b: str) -> bool:
    return (type_, a, b) in gazetteer().forbidden


# Types a hint may override: NER's guesses, never a gazetteer's or an organisation subtype's.
HINTABLE = frozenset({PERSON, ORGANIZATION, PLACE, GROUP, CONCEPT})


def _finish(c: Cluster) -> Cluster:
    fixed = [m for m in c.mentions if m.gazetteer]
    votes = Counter(m.type for m in (fixed or c.mentions))
    c.type = min(votes, key=lambda t: (-votes[t], TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else 99))
    hints = {h for m in c.mentions for h in m.hints}
    if any(m.type == COMPANY and " " in m.name for m in c.mentions):
        hints.add("company")  # "Baikal" (NER: a person) joined to "Baikal Finance Group"
    full = [m for m in c.mentions if m.type == PERSON and full_name(m.name)]
    surnames = all(len(m.name.split()) == 1 for m in c.mentions if m.type != PERSON)
    others = {m.name for m in full} - {m.name for m in c.mentions if "organisation" in m.hints}  # a person's name
    legal = any(m.type == COMPANY and has_company_suffix(m.name) for m in c.mentions)
    if not fixed and c.type == MEDIA_OUTLET and legal and "outlet" not in hints:
        c.type = COMPANY  # "Dow Chemical Co said ...", then "Dow reported earnings": a company that reports
    elif not fixed and "work" in hints:
        c.type = CREATIVE_WORK  # a title: "Ray" of "Foxx's movie Ray"
    elif not fixed and "product" in hints and c.type in (PERSON, PLACE, GROUP) and not hints & {"person", "company"}:
        c.type = CONCEPT  # "the Cell processor", "Honda's robot, Asimo", "Windows PCs": a thing, no person or place
    elif not fixed and "organisation" in hints and c.type == PERSON and "person" not in hints and not others:
        c.type = ORGANIZATION  # "Franz Ferdinand said" after "the band Franz Ferdinand"
    elif not fixed and "band" in hints and c.type == GROUP:
        c.type = ORGANIZATION  # "the Libertines" (NER: a NORP) after "Libertines frontman Pete Doherty"
    elif not fixed and full and surnames and not hints & {"company", "organisation"}:
        c.type = PERSON  # 'Burkhard Junger' and the surname NER took for an organisation
    elif not fixed and c.type in HINTABLE and "person" not in hints:
        if "company" in hints and c.type != GROUP:
            c.type = COMPANY  # "oil giant Yukos", "Wipro is India's biggest software firm"
        elif "outlet" in hints:
            c.type = MEDIA_OUTLET  # "the daily al-Sharq al-Awsat"
    names = Counter(m.name for m in c.mentions if m.type == c.type) or Counter(m.name for m in c.mentions)
    c.label = min(names, key=lambda n: (-(n in {m.name for m in fixed}), -len(n.split()), -names[n], n))
    c.key = entity_key(c.type, c.label)
    c.gender = next((m.gender for m in c.mentions if m.gender), "")
    for m in c.mentions:
        c.affiliations |= m.affiliations
    return c
