"""Coreference inside one article: which mentions name the same actor.

Rules, applied in this order (each a careful reader's habit, none a guess across articles):

1. Names. Mentions whose folded names are equal are one entity ("Zelenskyy", "Zelensky").
   A shorter person name that ends a longer one ("Zelensky", "Mr Blair") is that person
   when exactly one person in the article has such a full name; with two candidates
   (Tony and Cherie Blair) it stays apart. A mention that NER typed otherwise but that
   is such a surname ("Zaluzhny" as ORG) joins the person too. An acronym joins the one
   organisation whose initials it spells, in either order ("WEF" <-> "World Economic
   Forum"). ontology/aliases.tsv can forbid any of these merges. The entity's type is
   the gazetteer's, else the majority of its mentions' types; its label its fullest name.
2. Roles. A person gets a role from a title before the name ("Ukrainian President
   Vladimir Zelensky", "WEF president Borge Brende"), an apposition ("Zelensky's
   spokesman, Sergey Nikiforov"; "the commander-in-chief ..., Valery Zaluzhny") or a
   copula ("Mr Blair is the prime minister"). A possessor or an "of" complement that
   names an entity is the role's owner ("spokesman of Vladimir Zelensky", affiliated
   with Zelensky); a demonym affiliates the person with its country.
3. Role references. A definite role noun ("the president", "the Ukrainian leader", "the
   top general", "his spokesman") is the person introduced earlier with a matching role
   (REFERENCE_ROLES lists the broader words: a leader is a president, prime minister ...),
   the same demonym and the same owner; of several, the one mentioned last. "The
   agency", "the newspaper" is the outlet mentioned last; "the institute", "the forum"
   the organisation mentioned last whose name has that word.
4. Pronouns. he/him/his/she/her go to a person of compatible gender (from "Mr", "Mrs"
   ...), it/its to an organisation, outlet, country or government body (only as a
   possessor or the subject of a verb other than "be"), they/their to an unnamed
   plural source ("the sources", "people familiar with the matter") or a group.
   A possessive pronoun goes to its own clause's subject when compatible; otherwise the
   nearest compatible mention earlier in the sentence that is not an argument of the
   pronoun's own verb; otherwise the subject, then the nearest mention, of the two
   sentences before.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    ANONYMOUS_SOURCE,
    COMPANY,
    CONCEPT,
    COUNTRY,
    EVENT,
    GOVERNMENT_BODY,
    GROUP,
    MEDIA_OUTLET,
    MILITARY,
    ORGANIZATION,
    PERSON,
    PLACE,
    Entity,
)
from .entities import (
    ACRONYM,
    EntityIndex,
    NamedMention,
    clean_name,
    entity_key,
    fold_name,
    gazetteer,
    left_modifiers,
)
from .entities import OUTLET_NOUNS as OUTLET_NAME_NOUNS
from .sentences import sentence_of

ROLE_HEADS = frozenset(
    {"president", "minister", "premier", "secretary", "advisor", "adviser", "spokesman", "spokeswoman",
     "spokesperson", "chancellor", "general", "commander", "chief", "leader", "head", "director",
     "chairman", "chairwoman", "chair", "ambassador", "senator", "governor", "mayor", "king", "queen",
     "prince", "princess", "envoy", "judge", "editor", "ceo", "founder", "deputy", "mp", "mep", "aide",
     "lawyer", "colonel", "captain", "lieutenant", "admiral", "marshal", "pope", "bishop", "archbishop",
     "speaker", "candidate", "officer", "executive", "correspondent", "professor", "manager", "coach",
     "boss", "spokesmen", "representative", "commissioner", "attorney", "prosecutor", "treasurer",
     "whip", "peer", "councillor", "inspector"}
)  # fmt: skip
# A role noun used as a reference may stand for these narrower roles.
REFERENCE_ROLES: dict[str, frozenset[str]] = {
    "leader": frozenset({"leader", "president", "premier", "chancellor", "king", "queen", "head", "minister"}),
    "general": frozenset({"general", "commander", "chief", "marshal"}),
    "commander": frozenset({"commander", "general", "chief"}),
    "spokeswoman": frozenset({"spokeswoman", "spokesperson", "spokesman"}),
    "spokesperson": frozenset({"spokeswoman", "spokesperson", "spokesman"}),
    "boss": frozenset({"boss", "chief", "head", "director", "chairman", "ceo", "executive"}),
    "minister": frozenset({"minister", "secretary"}),
}
# Modifiers of a role noun that are not part of the role's name.
ROLE_NOISE = frozenset(
    {"top", "then", "former", "current", "new", "outgoing", "incoming", "acting", "late"}
)  # fmt: skip
OUTLET_REFERENCES = frozenset(
    {"agency", "newspaper", "paper", "outlet", "broadcaster", "channel", "publication", "magazine",
     "daily"}
)  # fmt: skip
ORG_TYPES = frozenset({ORGANIZATION, GOVERNMENT_BODY, MILITARY, COMPANY, MEDIA_OUTLET})
IT_TYPES = ORG_TYPES | {COUNTRY}
THEY_TYPES = frozenset({GROUP, ANONYMOUS_SOURCE})
MALE = frozenset(["he", "him", "his", "himself"])
FEMALE = frozenset(["she", "her", "hers", "herself"])
NEUTER = frozenset(["it", "its", "itself"])
PLURAL = frozenset(["they", "them", "their", "themselves"])
DEFINITE = frozenset(["the", "this", "that"])
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}
)  # fmt: skip
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "da", "bin", "al", "la", "le", "du", "di"})
STOP_INITIALS = frozenset(["of", "and", "the", "for", "on", "in", "de", "to", "&"])
# Plural nouns that name unnamed sources, as antecedents of "they".
SOURCE_NOUNS = frozenset(
    {"source", "people", "official", "insider", "diplomat", "aide", "observer", "expert"}
)  # fmt: skip
# The most likely type first, when a name's mentions are typed evenly.
TYPE_PRIORITY = (
    MEDIA_OUTLET,
    COUNTRY,
    PERSON,
    GOVERNMENT_BODY,
    MILITARY,
    COMPANY,
    ORGANIZATION,
    PLACE,
    GROUP,
    EVENT,
    CONCEPT,
)


@dataclass
class _Cluster:
    mentions: list[NamedMention]
    key: str = ""
    label: str = ""
    type: str = ""
    gender: str = ""
    roles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    role_heads: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)


def resolve_mentions(doc: Any, mentions: list[NamedMention]) -> EntityIndex:
    """Group the named mentions into entities and resolve role nouns and pronouns to them."""
    clusters = cluster_names(mentions)
    by_token: dict[int, str] = {}
    heads: dict[int, str] = {}  # the last token of each named mention -> key
    by_key = {c.key: c for c in clusters}
    for c in clusters:
        for m in c.mentions:
            for i in m.tokens:
                by_token[i] = c.key
            heads[m.end - 1] = c.key
    intro = _roles(doc, by_token, by_key)
    refs = _role_references(doc, by_token, by_key, intro)
    for c in clusters:  # "Ukrainskaya Pravda newspaper": the noun is the outlet too
        for m in c.mentions:
            after = m.end < len(doc) and doc[m.end - 1].head.i == m.end and m.end not in by_token
            if c.type == MEDIA_OUTLET and after and doc[m.end].lower_ in OUTLET_NAME_NOUNS:
                refs[m.end] = c.key
    for i, key in refs.items():
        by_token[i] = key
        heads[i] = key
    antecedents = dict(_pronouns(doc, heads, by_key))
    return EntityIndex(_entities(doc, clusters, refs), by_token, antecedents)


# 1. names ---------------------------------------------------------------------------


def cluster_names(mentions: list[NamedMention]) -> list[_Cluster]:
    """Merge the named mentions of one doc into clusters with a type, label and key."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    folds = [fold_name(m.name) for m in mentions]
    first: dict[str, int] = {}
    for i, f in enumerate(folds):
        if f in first:
            union(first[f], i)
        else:
            first[f] = i
    people = sorted({f for f, m in zip(folds, mentions, strict=True) if m.type == PERSON and full_name(m.name)})
    orgs = sorted({f for f, m in zip(folds, mentions, strict=True) if m.type in ORG_TYPES and " " in f})
    for f, i in first.items():
        m = mentions[i]
        if m.gazetteer:
            continue
        if m.type != PERSON and " " in f:
            continue
        fuller = [p for p in people if p != f and p.endswith(" " + f) and not _forbidden(PERSON, p, f)]
        if len(fuller) == 1:
            union(first[fuller[0]], i)
            continue
        if ACRONYM.match(m.name):
            spelled = [o for o in orgs if m.name.lower() in _initials(o)]
            if len(spelled) == 1:
                union(first[spelled[0]], i)
    groups: dict[int, list[NamedMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[find(i)].append(m)
    clusters = [_finish(_Cluster(ms)) for _, ms in sorted(groups.items())]
    merged: dict[str, _Cluster] = {}
    for c in clusters:  # two clusters can still end with one key (same label and type)
        if c.key in merged:
            merged[c.key].mentions.extend(c.mentions)
            merged[c.key].affiliations |= c.affiliations
        else:
            merged[c.key] = c
    return list(merged.values())


def full_name(name: str) -> bool:
    """Two or more words, each capitalised: a name a surname can stand for ('ofNew Labour' is not)."""
    words = name.split()
    return len(words) > 1 and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


def _forbidden(type_: str, a: str, b: str) -> bool:
    return (type_, a, b) in gazetteer().forbidden


def _initials(folded: str) -> set[str]:
    """'kiev international institute of sociology' -> {'kiios', 'kiis'}."""
    words = folded.split()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in STOP_INITIALS)}


def _finish(c: _Cluster) -> _Cluster:
    fixed = [m for m in c.mentions if m.gazetteer]
    votes = Counter(m.type for m in (fixed or c.mentions))
    c.type = min(votes, key=lambda t: (-votes[t], TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else 99))
    names = Counter(m.name for m in c.mentions if m.type == c.type) or Counter(m.name for m in c.mentions)
    c.label = min(names, key=lambda n: (-(n in {m.name for m in fixed}), -len(n.split()), -names[n], n))
    c.key = entity_key(c.type, c.label)
    c.gender = next((m.gender for m in c.mentions if m.gender), "")
    for m in c.mentions:
        c.affiliations |= m.affiliations
    return c


# 2. roles ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Intro:
    """A role given to a person at a token: the role noun's index and head lemma."""

    token: int
    head: str
    key: str


def _roles(doc: Any, by_token: dict[int, str], by_key: dict[str, _Cluster]) -> list[_Intro]:
    intros: list[_Intro] = []
    for c in sorted(by_key.values(), key=lambda c: c.key):
        if c.type != PERSON:
            continue
        for m in c.mentions:
            head = doc[m.end - 1]
            for role_tok in _role_tokens(doc, m, head):
                if role_tok.i in by_token and by_token[role_tok.i] != c.key and role_tok.i not in m.tokens:
                    continue
                intros.append(_Intro(role_tok.i, _role_lemma(role_tok), c.key))
                _give_role(doc, role_tok, c, by_token, by_key, m)
    return sorted(intros, key=lambda r: r.token)


def _role_tokens(doc: Any, m: NamedMention, head: Any) -> Iterator[Any]:
    """Role nouns introducing the person of mention m: title, apposition, copula."""
    # a title: the nearest compound word left of the name that is a role noun
    for j in range(m.start - 1, max(m.start - 6, -1), -1):
        tok = doc[j]
        if tok.head.i not in range(j, m.end) or tok.dep_ not in ("compound", "amod", "nmod"):
            break
        if _role_lemma(tok) in ROLE_HEADS:
            yield tok
            break
    # an apposition, in either direction; climb "X of the Y, Name" to X
    if head.dep_ == "appos":
        tok = head.head
        for _ in range(3):
            if _role_lemma(tok) in ROLE_HEADS:
                yield tok
                break
            if tok.dep_ not in ("pobj", "prep", "poss", "case"):
                break
            tok = tok.head
    for child in head.children:
        if child.dep_ == "appos" and _role_lemma(child) in ROLE_HEADS:
            yield child
    # a copula: "Name is the president"
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        for child in head.head.children:
            if child.dep_ == "attr" and _role_lemma(child) in ROLE_HEADS:
                yield child


def _role_lemma(tok: Any) -> str:
    return str(tok.lemma_ if tok.pos_ == "NOUN" else tok.lower_).lower()


def _give_role(
    doc: Any, role: Any, c: _Cluster, by_token: dict[int, str], by_key: dict[str, _Cluster], m: NamedMention
) -> None:
    """Role name, owner and demonym of a role noun, recorded on the person's cluster."""
    demonyms = gazetteer().demonyms
    countries = gazetteer().countries
    words: list[Any] = []
    owner: str | None = None
    run = [doc[j] for j in left_modifiers(doc, role.i, role.i + 1)]
    for n, t in enumerate(run):
        lowered = t.lower_
        if lowered in demonyms or lowered in countries:
            c.affiliations.add(entity_key(COUNTRY, demonyms.get(lowered) or countries[lowered]))
        elif t.i in by_token and by_token[t.i] != c.key and (n == 0 or by_token.get(run[n - 1].i) == by_token[t.i]):
            owner = by_token[t.i]
        elif t.i not in by_token and lowered not in ROLE_NOISE and not t.is_punct:
            words.append(t)
    for t in role.children:
        if t.dep_ == "poss" and t.i in by_token and by_token[t.i] != c.key:
            owner = by_token[t.i]
        if t.dep_ == "prep" and t.lower_ == "of":
            for p in t.children:
                if p.dep_ == "pobj" and p.i in by_token and by_token[p.i] != c.key:
                    owner = by_token[p.i]
    end = role.i
    while (
        end + 1 < len(doc)
        and not doc[end].whitespace_
        and doc[end + 1].text not in ",;:.’'\"”)"
        and doc[end + 1].text != "’s"
    ):
        end += 1
    text = " ".join([w.text for w in words] + [doc[role.i : end + 1].text]).lower()
    text = text.replace(" - ", "-")
    c.role_heads.add(_role_lemma(role))
    if owner is not None and owner in by_key:
        other = by_key[owner]
        if other.type == COUNTRY:
            c.affiliations.add(owner)
            c.roles.add(text)
        else:
            c.roles.add(f"{text} of {other.label}")
            c.affiliations.add(owner)
            c.owners.add(owner)
    else:
        c.roles.add(text)


# 3. role references -----------------------------------------------------------------


def _role_references(
    doc: Any, by_token: dict[int, str], by_key: dict[str, _Cluster], intros: list[_Intro]
) -> dict[int, str]:
    """Definite role nouns and org nouns -> the entity they stand for."""
    result: dict[int, str] = {}
    intro_tokens = {r.token for r in intros}
    demonyms = gazetteer().demonyms
    mentions = sorted((m.start, c.key) for c in by_key.values() for m in c.mentions)
    speakers = {
        m.start for c in by_key.values() for m in c.mentions if any(doc[i].dep_ in SUBJECT_DEPS for i in m.tokens)
    }
    for tok in doc:
        if (
            tok.i in by_token
            or tok.i in intro_tokens
            or tok.pos_ not in ("NOUN", "PROPN")
            or tok.tag_ in ("NNS", "NNPS")
        ):
            continue
        lemma = _role_lemma(tok)
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        if not dets or not (dets[0].lower_ in DEFINITE or dets[0].dep_ == "poss"):
            continue
        if any(c.dep_ == "appos" for c in tok.children) or tok.dep_ in ("appos", "attr"):
            continue
        before = [(s, k) for s, k in mentions if s < tok.i] + [(i, k) for i, k in result.items()]
        if lemma in ROLE_HEADS:
            wanted = REFERENCE_ROLES.get(lemma, frozenset({lemma}))
            country = next(
                (demonyms[c.lower_] for c in tok.children if c.dep_ == "amod" and c.lower_ in demonyms), None
            )
            owner = _owner(doc, tok, by_token, result)
            found = [
                (s, k) for s, k in before
                if by_key[k].type == PERSON and by_key[k].role_heads & wanted
                and (country is None or entity_key(COUNTRY, country) in by_key[k].affiliations)
                and (owner is None or owner in by_key[k].owners)
            ]  # fmt: skip
        elif lemma in OUTLET_REFERENCES:
            found = [(s, k) for s, k in before if by_key[k].type == MEDIA_OUTLET]
            found = [(s, k) for s, k in found if s in speakers] or found  # an outlet that spoke first
        elif tok.pos_ == "NOUN" and not any(c.dep_ == "compound" for c in tok.children):
            found = [
                (s, k) for s, k in before
                if by_key[k].type in ORG_TYPES and lemma in fold_name(by_key[k].label).split()[1:]
            ]  # fmt: skip
        else:
            continue
        if found:
            result[tok.i] = max(found)[1]
    return result


def _owner(doc: Any, tok: Any, by_token: dict[int, str], refs: dict[int, str]) -> str | None:
    for c in tok.children:
        if c.dep_ == "poss":
            return by_token.get(c.i) or refs.get(c.i) or "?"
    return None


# 4. pronouns ------------------------------------------------------------------------


def _pronouns(doc: Any, heads: dict[int, str], by_key: dict[str, _Cluster]) -> Iterator[tuple[int, int]]:
    """(pronoun token, antecedent token) pairs, by the rule in the module docstring."""
    sources = [t.i for t in doc if t.tag_ == "NNS" and t.lemma_.lower() in SOURCE_NOUNS]
    for tok in doc:
        word = tok.lower_
        if tok.pos_ != "PRON" or word not in MALE | FEMALE | NEUTER | PLURAL:
            continue
        if word in NEUTER and not (tok.dep_ == "poss" or (tok.dep_ == "nsubj" and tok.head.lemma_ != "be")):
            continue
        candidates = _compatible(word, heads, by_key, sources)
        earlier = [i for i in candidates if i < tok.i]
        if not earlier:
            continue
        ante = _choose(doc, tok, earlier)
        if ante is not None:
            yield tok.i, ante


def _compatible(word: str, heads: dict[int, str], by_key: dict[str, _Cluster], sources: list[int]) -> list[int]:
    if word in PLURAL:
        return sorted([i for i, k in heads.items() if by_key[k].type in THEY_TYPES] + sources)
    if word in NEUTER:
        return sorted(i for i, k in heads.items() if by_key[k].type in IT_TYPES)
    gender = "m" if word in MALE else "f"
    return sorted(i for i, k in heads.items() if by_key[k].type == PERSON and by_key[k].gender in ("", gender))


def _choose(doc: Any, tok: Any, earlier: list[int]) -> int | None:
    sent = sentence_of(tok.doc, tok.i)
    own_verb = _verb_of(tok)
    if tok.dep_ == "poss" and own_verb is not None:
        for s in own_verb.children:
            if s.dep_ in SUBJECT_DEPS and s.i in earlier and tok.i not in {t.i for t in s.subtree}:
                return int(s.i)
            if s.dep_ in SUBJECT_DEPS:
                inside = [i for i in earlier if i in {t.i for t in s.subtree}]
                if inside and tok.i not in {t.i for t in s.subtree}:
                    return inside[-1]
    same = [
        i
        for i in earlier
        if i >= sent.start and (own_verb is None or _verb_of(doc[i]) != own_verb or tok.dep_ == "poss")
    ]
    if same:
        return same[-1]
    previous = sentence_of(doc, sent.start - 1) if sent.start > 0 else None
    for _ in range(2):
        if previous is None:
            break
        inside = [i for i in earlier if previous.start <= i < previous.end]
        subjects = [i for i in inside if doc[i].dep_ in SUBJECT_DEPS and _verb_of(doc[i]) == previous.root]
        if subjects:
            return subjects[0]
        if inside:
            return inside[-1]
        previous = sentence_of(doc, previous.start - 1) if previous.start > 0 else None
    return None


def _verb_of(tok: Any) -> Any:
    """The verb whose clause the token is in."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in CLAUSE_DEPS or t.dep_ == "ROOT" or t.head.i == t.i):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return None


# the result --------------------------------------------------------------------------


def _entities(doc: Any, clusters: Iterable[_Cluster], refs: dict[int, str]) -> tuple[Entity, ...]:
    spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for i, key in refs.items():
        spans[key].add((doc[i].idx, doc[i].idx + len(doc[i])))
    result: dict[str, Entity] = {}
    for c in clusters:
        names = {m.name for m in c.mentions} | {
            clean_name(doc[m.start : m.end].text) for m in c.mentions if c.type != PERSON
        }
        aliases = {a for a in names if a != c.label and "’" not in a and "'s" not in a}
        mentions = {(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in c.mentions} | spans[c.key]
        result[c.key] = Entity(
            key=c.key,
            label=c.label,
            type=c.type,
            aliases=tuple(sorted(aliases)),
            roles=tuple(sorted(c.roles)),
            affiliations=tuple(sorted(c.affiliations - {c.key})),
            mentions=tuple(sorted(mentions)),
        )
    countries = gazetteer().countries
    for e in list(result.values()):  # countries only named through a demonym still need a node
        for key in e.affiliations:
            if key not in result and key.startswith("country/"):
                label = next((v for v in countries.values() if entity_key(COUNTRY, v) == key), key.split("/")[-1])
                result[key] = Entity(key=key, label=label, type=COUNTRY)
    return tuple(result[k] for k in sorted(result))
