"""Rules 2 and 3 of coreference (see coref.py): roles given to people, and role references.

A person gets a role from a title, an apposition or a copula, with the role's owner and
demonym; a definite role noun ("the president", "his spokesman"), outlet noun ("the
agency") or organisation noun ("the institute") then stands for the entity introduced
earlier that matches it: for a role, a person holding the very office (same rank and
qualifiers, see _same_office) and not one before an unnamed holder introduced later
("a Treasury spokesman"); for an organisation noun, one whose name is built on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..models import COUNTRY, MEDIA_OUTLET, PERSON
from .clusters import ORG_TYPES, Cluster
from .gazetteer import entity_key, gazetteer
from .kinds import kind_reference
from .mentions import NamedMention, left_modifiers
from .names import COMPANY_SUFFIXES, fold_name

ROLE_HEADS = frozenset(
    {"president", "minister", "premier", "secretary", "advisor", "adviser", "spokesman", "spokeswoman",
     "spokesperson", "chancellor", "general", "commander", "chief", "leader", "head", "director",
     "chairman", "chairwoman", "chair", "ambassador", "senator", "governor", "mayor", "king", "queen",
     "prince", "princess", "envoy", "judge", "editor", "ceo", "founder", "deputy", "mp", "mep", "aide",
     "lawyer", "colonel", "captain", "lieutenant", "admiral", "marshal", "pope", "bishop", "archbishop",
     "speaker", "candidate", "officer", "executive", "correspondent", "professor", "manager", "coach",
     "boss", "spokesmen", "representative", "commissioner", "attorney", "prosecutor", "treasurer",
     "whip", "peer", "councillor", "inspector", "reporter", "journalist", "writer", "columnist", "analyst",
     "economist", "actor", "actress", "singer", "footballer", "player", "striker", "midfielder", "defender",
     "goalkeeper", "winger", "batsman", "bowler", "athlete", "runner", "champion", "author",
     "novelist", "producer", "presenter", "musician", "guitarist", "drummer", "rapper", "comedian",
     "filmmaker"}
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
    "filmmaker": frozenset({"filmmaker", "director", "producer"}),  # "Director Quentin Tarantino ... the film-maker"
}
# Modifiers of a role noun that are not part of the role's name.
ROLE_NOISE = frozenset(
    {"top", "then", "former", "current", "new", "outgoing", "incoming", "acting", "late"}
)  # fmt: skip
OUTLET_REFERENCES = frozenset(
    {"agency", "newspaper", "paper", "outlet", "broadcaster", "channel", "publication", "magazine",
     "daily"}
)  # fmt: skip
DEFINITE = frozenset(["the", "this", "that"])
INDEFINITE = frozenset(["a", "an", "another"])
# Rank words that make another office: the shadow foreign secretary is not the foreign secretary.
RANKS = frozenset({"shadow", "deputy", "vice", "assistant", "junior"})
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
LEGAL_FORMS = COMPANY_SUFFIXES - {"group", "company", "holdings", "holding"}


@dataclass(frozen=True, slots=True)
class Intro:
    """A role given to a person at a token: the role noun's index and head lemma."""

    token: int
    head: str
    key: str


def role_intros(doc: Any, by_token: dict[int, str], by_key: dict[str, Cluster]) -> list[Intro]:
    """Roles given to people (title, apposition, copula), recorded on their clusters; in token order."""
    intros: list[Intro] = []
    for c in sorted(by_key.values(), key=lambda c: c.key):
        if c.type != PERSON:
            continue
        for m in c.mentions:
            head = doc[m.end - 1]
            for role_tok in _role_tokens(doc, m, head):
                if role_tok.i in by_token and by_token[role_tok.i] != c.key and role_tok.i not in m.tokens:
                    continue
                intros.append(Intro(role_tok.i, _role_lemma(role_tok), c.key))
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
    lemma = str(tok.lemma_ if tok.pos_ == "NOUN" else tok.lower_).lower()
    if lemma == "maker" and any(c.dep_ == "compound" and c.lower_ == "film" for c in tok.children):
        return "filmmaker"  # "film-maker", which the tokenizer splits at its hyphen
    return lemma


def _give_role(
    doc: Any, role: Any, c: Cluster, by_token: dict[int, str], by_key: dict[str, Cluster], m: NamedMention
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


def role_references(
    doc: Any, by_token: dict[int, str], by_key: dict[str, Cluster], intros: list[Intro]
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
            words = _qualifiers(doc, tok, by_token, demonyms)
            unnamed = _unnamed_before(doc, tok, wanted, by_token, intro_tokens)  # once per noun, not per candidate
            found = [
                (s, k) for s, k in before
                if by_key[k].type == PERSON and by_key[k].role_heads & wanted
                and (country is None or entity_key(COUNTRY, country) in by_key[k].affiliations)
                and (owner is None or owner in by_key[k].owners)
                and _same_office(lemma, words, by_key[k].roles, by_key[k].affiliations)
                and s > unnamed
            ]  # fmt: skip
            exact = {k for _, k in found if lemma in by_key[k].role_heads}
            if len({k for _, k in found}) > 1 and not exact:
                found = []  # "Prime Minister Blair met President Bush. The leader said": either
            elif exact:
                found = [(s, k) for s, k in found if k in exact]  # "the president": the president
        elif lemma in OUTLET_REFERENCES:
            found = [(s, k) for s, k in before if by_key[k].type == MEDIA_OUTLET]
            found = [(s, k) for s, k in found if s in speakers] or found  # an outlet that spoke first
        elif tok.pos_ == "NOUN" and not any(c.dep_ == "compound" for c in tok.children):
            found = [
                (s, k) for s, k in before
                if by_key[k].type in ORG_TYPES and lemma == _name_head(by_key[k].label)
            ]  # fmt: skip
            kind = None if found else kind_reference(doc, tok, before, by_key)  # "the company": kinds.py
            found = found or ([(tok.i, kind)] if kind else [])
        else:
            continue
        if found:
            result[tok.i] = max(found)[1]
    return result


def _qualifiers(doc: Any, tok: Any, by_token: dict[int, str], demonyms: dict[str, str]) -> set[str]:
    """The words that name which office a role reference means: "Tory" of "the Tory leader".

    Names of entities (owners), demonyms, ROLE_NOISE and descriptions ("Oscar-winning",
    "50-year-old") are not counted."""
    words = set()
    for j in left_modifiers(doc, tok.i, tok.i + 1):
        t = doc[j]
        lowered = t.lower_
        hyphen = (j > 0 and doc[j - 1].text == "-") or (j + 1 < len(doc) and doc[j + 1].text == "-")
        if lowered in demonyms or lowered in ROLE_NOISE or not t.is_alpha or hyphen:
            continue
        words.add(by_token.get(j, lowered))  # an entity's key: "the Tory leader", "the Pulp Fiction director"
    return words


def _same_office(lemma: str, words: set[str], roles: set[str], affiliations: set[str]) -> bool:
    """Whether a role reference with these qualifiers can mean a person holding one of roles.

    A rank must be the same on both ("the foreign secretary" is not the shadow foreign
    secretary); the reference's qualifiers must be words of the role ("the Tory leader" is
    not the chancellor, "the Glasgow Kelvin MP" not the Labour MP), except for a bare role
    of the same word ("President X ... the US president"). Entities among the qualifiers
    (keys) only count for a broader word ("the Tory leader" for a chancellor): then the
    person must be affiliated with them.
    """
    names = {w for w in words if "/" not in w}
    for role in roles:
        named = role.split(" of ")[0].split()
        if not named:
            continue
        head, mods = named[-1], set(named[:-1])
        if RANKS & (set(role.lower().split()) ^ names):  # "foreign secretary of Shadow" too
            continue
        if head != lemma and not words <= mods | affiliations:  # a broader word: all must fit
            continue
        if names <= mods or (not mods and head == lemma):
            return True
    return False


def _unnamed_before(doc: Any, tok: Any, wanted: frozenset[str], by_token: dict[int, str], intros: set[int]) -> int:
    """The last unnamed holder of the role introduced before tok ("a Treasury spokesman"), or -1.

    "Steven Hannes, a spokesman ... A Treasury spokesman said ... the spokesman said": the
    definite noun is the one introduced last, who has no name, and not Hannes."""
    for j in range(tok.i - 1, -1, -1):
        t = doc[j]
        if j in by_token or j in intros or t.pos_ != "NOUN" or _role_lemma(t) not in wanted:
            continue
        if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in t.children):
            return j
    return -1


def _name_head(label: str) -> str | None:
    """The noun a name is built on, which "the <noun>" can stand for: "institute" of "Kyiv
    International Institute of Sociology", "council" (not "film") of "UK Film Council"."""
    words = fold_name(label).split(" of ")[0].split()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:  # "Lloyds Bank PLC": the bank
        words.pop()
    return words[-1] if len(words) > 1 else None


def _owner(doc: Any, tok: Any, by_token: dict[int, str], refs: dict[int, str]) -> str | None:
    for c in tok.children:
        if c.dep_ == "poss":
            return by_token.get(c.i) or refs.get(c.i) or "?"
    return None
