"""Who a speaker is: pronouns and descriptions of sources, "citing" ("according to": according.py).

- A speaker named by a pronoun ("it insisted") or a definite description of a source ("the
  agency said", "the people said", "the minister") is the latest speaker it can refer to,
  with that speaker's whole chain; "the company said" and "according to the company" name
  the latest company that spoke, else the latest one named.
- "he/she said" resolved to a person the article only mentioned (in a list, as an object) is
  rather the latest speaker the article tells is a he (she), if one spoke; when no person
  spoke, it is the latest speaker a role noun described ("a Mitsui spokesman said ... he
  said"), of the gender the noun tells if it tells one ("spokeswoman": she).
- "it/they" resolved to the subject of the clause its own clause hangs under is that subject
  ("Midland Bank pulled out because it did not believe ..."), not the latest speaker.
- "the spokesman said" is the spokesman who spoke before, unless a name in it says whose
  spokesman ("the Mitsui spokesman").
- "Acme's spokesman", "a company spokesman", "a spokesman for Acme", "the Foreign Ministry
  spokesman", "a spokesman for the company" speak for their organisation.
- "a poll by KIIS found": the author speaks; evidence does not ("figures show": evidence.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .evidence import evidence_speaker
from .sentences import quote_of, sentence_of

# fmt: off
# Heads of definite descriptions that refer back to an earlier source: "the agency said".
OUTLET_ANAPHORS = frozenset(
    {"agency", "outlet", "newspaper", "paper", "report", "broadcaster", "channel", "magazine", "daily",
     "publication", "network", "website", "site", "article", "tabloid", "weekly"}
)
SOURCE_ANAPHORS = frozenset(
    {"people", "sources", "source", "person", "insider", "insiders", "official", "officials"}
)
PRONOUN_SPEAKERS = {"it": "thing", "they": "any", "he": "person", "she": "person"}
# Heads of definite descriptions of a company: "the company said", "according to the group".
COMPANY_ANAPHORS = frozenset(
    {"company", "firm", "group", "corporation", "concern", "bank", "lender", "insurer", "carrier", "airline",
     "retailer", "maker", "manufacturer", "producer", "utility", "conglomerate", "operator", "venture",
     "organisation", "organization", "charity", "association", "institute", "federation"}
)
# Who speaks for an organisation: "Acme's spokesman", "a company spokesman", "a spokesman for Acme".
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "official"})
# Heads of definite descriptions of a person by office: "the minister said" is the latest person who spoke.
PERSON_TITLES = frozenset(
    {"minister", "chairman", "chairwoman", "president", "secretary", "chancellor", "director", "chief", "governor",
     "executive", "commissioner", "ambassador", "premier", "leader", "spokesman", "spokeswoman", "senator"}
)
# Role nouns whose definite description ("the spokesman said") is the latest speaker they introduced.
ROLE_NOUNS = SPOKESPEOPLE | PERSON_TITLES | {"source", "official"}
GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
SUBORDINATE_DEPS = frozenset({"advcl", "conj", "xcomp", "relcl", "acl", "pcomp", "pobj", "prep"})
ROLE_GENDERS = {"spokesman": "m", "chairman": "m", "spokeswoman": "f", "chairwoman": "f"}
GENDERED_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
UNSURE_KEYS = ("concept/", "anonymoussource/")  # what a description resolves to when it names no one
ORGANIZATION_KEYS = ("company/", "organization/", "governmentbody/", "mediaoutlet/", "party/")
# fmt: on

KeyOf = Callable[[tuple[int, ...]], "str | None"]
"""Maps a phrase (token indices) to the entity key it names, if any."""


@dataclass
class Speakers:
    """Speakers met so far, latest last, each with its chain: to resolve 'it said', 'the agency said'.

    `roles` keeps the latest speaker each role noun introduced ("a Treasury spokesman said": the
    spokesman), `named` the speakers named by a person's name whatever their type, and `genders`
    what the article tells of its people's gender (Mr/Ms, the pronouns resolved to them).
    """

    chains: list[tuple[str, ...]] = field(default_factory=list)
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)
    genders: list[tuple[int, str, str]] | None = None  # (token, person key, "m" or "f")
    described: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # (chain, role noun), latest last

    def add(self, chain: Sequence[str]) -> None:
        if chain:
            self.chains.append(tuple(chain))

    def gender_of(self, doc: Any, key_of: KeyOf, but: int = -1) -> dict[str, str]:
        """Person key -> "m" or "f" where the article tells one and only one, leaving out what
        token `but` (the pronoun being resolved) tells; the evidence is gathered once per doc."""
        if self.genders is None:
            self.genders = []
            for tok in doc:
                word = tok.lower_.rstrip(".")
                if word in GENDERED_PRONOUNS and tok.pos_ == "PRON":
                    key, gender = key_of((tok.i,)), GENDERED_PRONOUNS[word]
                elif word in GENDERED_HONORIFICS and tok.i + 1 < len(doc):
                    key, gender = key_of((tok.i + 1,)), GENDERED_HONORIFICS[word]
                else:
                    continue
                if key and key.startswith("person/"):
                    self.genders.append((tok.i, key, gender))
        seen: dict[str, set[str]] = {}
        for i, key, gender in self.genders:
            if i != but:
                seen.setdefault(key, set()).add(gender)
        return {k: g.pop() for k, g in seen.items() if len(g) == 1}

    def latest(self, wanted: Callable[[str], bool]) -> tuple[str, ...]:
        for chain in reversed(self.chains):
            for depth in range(len(chain), 0, -1):
                if wanted(chain[depth - 1]):
                    return chain[:depth]
        return ()


def speaker(doc: Any, subject: tuple[int, ...], key_of: KeyOf, speakers: Speakers) -> tuple[str, ...]:
    """The chain of the speaker a reporting clause's subject names (see the module's rules)."""
    if not subject:
        return ()
    head = _head(doc, subject)
    evidence = evidence_speaker(doc, head, key_of)  # "the Cell's specifications suggest": no one speaks
    if evidence is not None:
        return evidence
    found = _speaker(doc, subject, head, key_of, speakers)
    lemma = doc[head].lemma_.lower()
    if found and lemma in ROLE_NOUNS:
        speakers.described.append((found, lemma))  # "a company spokesman said ... he said": that spokesman
        if not found[-1].startswith("concept/"):
            speakers.roles[lemma] = found
    if len(found) == 1 and _person_name(doc, subject, head):
        speakers.named.add(found[0])
    return found


def _person_name(doc: Any, subject: tuple[int, ...], head: int) -> bool:
    """The subject may name a person: a name at its head ("said Hynde"), or a first and last
    name in it ("Paolo Pescatore mobile industry specialist"); not "DOD members", "the Australian"."""
    names = [i for i in subject if doc[i].pos_ == "PROPN" and doc[i].ent_type_ in ("PERSON", "", "ORG")]
    # (the tagger often takes an unknown first and last name for an organisation's)
    return (head in names and doc[head].ent_type_ != "ORG") or any(i + 1 in names for i in names)


def _age_description(doc: Any, subject: tuple[int, ...], head: int) -> bool:
    """'the 20-year-old': a person described by age alone."""
    return doc[head].lower_ == "old" and any(doc[i].lower_ in ("year", "years") for i in subject)


def _latest_subject_person(doc: Any, before: int, key_of: KeyOf) -> str | None:
    """The person the latest named (or he/she) clause subject outside quotes is, in this or the two
    sentences before; None when that subject is no person the actors know."""
    sent = sentence_of(doc, before)
    for _ in range(2):
        if sent.start > 0:
            sent = sentence_of(doc, sent.start - 1)
    inside = quote_of(doc)
    for i in range(before - 1, sent.start - 1, -1):
        if (
            doc[i].dep_ in ("nsubj", "nsubjpass")
            and i not in inside
            and (doc[i].pos_ == "PROPN" or doc[i].lower_ in ("he", "she"))
        ):
            key = key_of((i,))
            return key if key and key.startswith("person/") else None  # only the latest one told of
    return None


def _subject_before(doc: Any, pronoun: int, key_of: KeyOf) -> str | None:
    """The actor an "it"/"they" speaker was resolved to, when it is the subject of a clause earlier in
    the same sentence ("Midland Bank pulled out because it did not believe ..."): the speaker, rather
    than the latest one who spoke."""
    key = key_of((pronoun,))
    if not key or key.startswith(UNSURE_KEYS):
        return None
    sent = sentence_of(doc, pronoun)
    # the pronoun's clause hangs under the subject's ("because it ..."), not beside it ("X attacked Y,
    # it said": the reporter of the clause, not its subject)
    governors = set()
    verb = doc[pronoun].head
    while verb.dep_ in SUBORDINATE_DEPS and verb.head.i != verb.i:
        verb = verb.head
        governors.add(verb.i)
    for i in range(sent.start, pronoun):
        word = doc[i]
        subject = word.dep_ in ("nsubj", "nsubjpass") and word.pos_ != "PRON"
        if subject and word.head.i in governors and key_of((i,)) == key:
            return key
    return None


def _only_mentioned(doc: Any, before: int, key: str, key_of: KeyOf, speakers: Speakers) -> bool:
    """The person was only mentioned before token `before` (in a list, as an object: 'stars included
    actress Anita Dobson'), never a speaker nor a clause subject: a '"...," she said' resolved to her
    is rather an earlier speaker's (news style brings a speaker in as an actor first)."""
    if any(key in chain for chain in speakers.chains) or _introduced(doc, before, key, key_of):
        return False
    # a subject, or in apposition within a subject ('A spokesman for Acme, Dean Boyd, said')
    subjects = (
        i
        for i in range(before)
        if (doc[i].pos_ == "PROPN" or doc[i].lower_ in ("he", "she"))
        and (
            doc[i].dep_ in ("nsubj", "nsubjpass")
            or (doc[i].dep_ == "appos" and any(a.dep_ in ("nsubj", "nsubjpass") for a in doc[i].ancestors))
        )
    )
    return not any(key_of((i,)) == key for i in subjects)


def _introduced(doc: Any, before: int, key: str, key_of: KeyOf) -> bool:
    """The person was brought in as a source: named with an apposition giving a post at a body ('One
    dissenting opinion came from Brian Gammage, vice-president of research at analysts Gartner.')."""
    for i in range(before):
        if doc[i].pos_ != "PROPN" or key_of((i,)) != key:
            continue
        for post in (c for c in doc[i].children if c.dep_ == "appos" and c.pos_ == "NOUN"):
            if any(p.dep_ == "prep" and p.lower_ in ("at", "of", "for") for p in post.subtree):
                return True
    return False


def _speaker(doc: Any, subject: tuple[int, ...], head: int, key_of: KeyOf, speakers: Speakers) -> tuple[str, ...]:
    word = doc[head].lower_
    has_det = any(doc[i].lower_ in ("the", "this", "that", "these", "those") for i in subject)
    if len(subject) == 1 and word in PRONOUN_SPEAKERS:
        kind = PRONOUN_SPEAKERS[word]
        if kind == "person":
            # the one the pronoun was resolved to, unless the article tells that one is of the other
            # gender; else the latest speaker who can be 'he' ('she'): a person, or a speaker named
            # by a person's name whatever its type
            gender = "m" if word == "he" else "f"
            genders = speakers.gender_of(doc, key_of, but=head)
            key = key_of(subject)
            if key and genders.get(key, gender) == gender:
                if _only_mentioned(doc, head, key, key_of, speakers):
                    # rather the latest speaker the article tells is a 'he' ('she'), if one spoke
                    told = speakers.latest(lambda k: genders.get(k) == gender)
                    if told:
                        return told
                return (key,)
            earlier = speakers.latest(
                lambda k: (
                    (k.startswith("person/") or (k in speakers.named and k.startswith("concept/")))
                    and genders.get(k, gender) == gender
                )
            )
            # '"a Mitsui spokesman said ... he said": no person spoke, so the one a role noun
            # described, of that gender if the noun tells one ("spokeswoman": she)
            described = (c for c, role in reversed(speakers.described) if ROLE_GENDERS.get(role, gender) == gender)
            return earlier or next(described, ())
        own = _subject_before(doc, head, key_of)
        if own:
            return (own,)  # "Midland Bank pulled out because it did not believe ...": Midland Bank
        if kind == "thing":
            return speakers.latest(lambda k: not k.startswith(("person/", "anonymoussource/")))
        return speakers.latest(lambda k: True)
    key = key_of(subject)
    lemma = doc[head].lemma_.lower()
    own_name = any(doc[i].pos_ == "PROPN" for i in subject)  # "the Mitsui spokesman" names whose he is
    if (
        has_det
        and len(subject) <= 3
        and not own_name
        and lemma in speakers.roles
        and (key is None or key.startswith(UNSURE_KEYS))
    ):
        return speakers.roles[lemma]  # "the spokesman said": the spokesman who spoke before
    if has_det and _age_description(doc, subject, head) and (key is None or key.startswith(UNSURE_KEYS)):
        person = _latest_subject_person(doc, min(subject), key_of)
        if person:
            return (person,)  # '"...," said the 20-year-old': the person the article was telling of
    if key is None or key.startswith("concept/"):
        organization = _organization_of(doc, head, has_det, key_of, speakers)
        if organization:
            return (organization,)
    for prep in doc[head].children:
        # "a poll by KIIS found": the author speaks
        if prep.dep_ == "prep" and prep.lower_ == "by" and (key is None or key.startswith("concept/")):
            author = next((key_of((p.i,)) for p in prep.children if p.dep_ == "pobj"), None)
            if author:
                return (author,)
    short = len(subject) <= 3
    if short and has_det and word in OUTLET_ANAPHORS and (key is None or not key.startswith("mediaoutlet/")):
        earlier = speakers.latest(lambda k: k.startswith("mediaoutlet/"))
        if earlier:
            return earlier
    if short and has_det and word in PERSON_TITLES and (key is None or key.startswith("concept/")):
        earlier = speakers.latest(lambda k: k.startswith("person/"))
        if earlier:
            return earlier[-1:]
    # "the officials said": the sources met before; "the Argentine officials said" names other ones
    bare = all(doc[i].dep_ == "det" or i == head for i in subject)
    if (
        short
        and has_det
        and bare
        and doc[head].lemma_.lower() in {w.rstrip("s") for w in SOURCE_ANAPHORS} | SOURCE_ANAPHORS
    ):
        earlier = speakers.latest(lambda k: k.startswith("anonymoussource/"))
        if earlier:
            return earlier
    return (key,) if key else ()


def _organization_of(doc: Any, head: int, has_det: bool, key_of: KeyOf, speakers: Speakers) -> str | None:
    """The organisation a description of a source stands for: "the company" (the latest
    company spoken of), "Acme's spokesman", "a Foreign Ministry spokesman", "a spokesman for Acme"."""
    token = doc[head]
    lemma = token.lemma_.lower()
    if lemma in SPOKESPEOPLE:
        for child in token.children:
            if child.dep_ in ("poss", "compound") and child.i < head:
                owner = key_of(tuple(t.i for t in child.subtree))
                if owner and owner.startswith(ORGANIZATION_KEYS):
                    return owner
                if child.dep_ == "compound" and child.lemma_.lower() in COMPANY_ANAPHORS:
                    return _latest_organization(doc, head, key_of, speakers)
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    owner = key_of(tuple(t.i for t in pobj.subtree))
                    if owner and owner.startswith(ORGANIZATION_KEYS):
                        return owner
                    described = any(d.dep_ == "det" and d.lower_ == "the" for d in pobj.children)
                    if described and pobj.lemma_.lower() in COMPANY_ANAPHORS:
                        return _latest_organization(doc, head, key_of, speakers)  # "a spokesman for the company"
        return None
    if has_det and lemma in COMPANY_ANAPHORS and not any(c.dep_ in ("poss", "prep") for c in token.children):
        return _latest_organization(doc, head, key_of, speakers)
    return None


def _latest_organization(doc: Any, before: int, key_of: KeyOf, speakers: Speakers) -> str | None:
    """The latest company or organisation that spoke, else the latest one named before token `before`."""
    spoke = speakers.latest(lambda k: k.startswith(ORGANIZATION_KEYS[:2]))
    if spoke:
        return spoke[-1]
    for i in range(before - 1, -1, -1):
        if doc[i].pos_ == "PROPN":
            key = key_of((i,))
            if key and key.startswith(ORGANIZATION_KEYS[:2]):
                return key
    return None


def _head(doc: Any, tokens: tuple[int, ...]) -> int:
    inside = set(tokens)
    for i in sorted(tokens):
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return i
    return min(tokens)
