"""Stage 2 of actors: coreference inside one article, which mentions name the same actor.

Rules, applied in this order (each a careful reader's habit, none a guess across articles;
rule 1 is in clusters.py, rules 2 and 3 in roles.py, rule 4 in pronouns.py):

1. Names. Mentions whose folded names are equal are one entity ("Zelenskyy", "Zelensky").
   A shorter person name that ends a longer one ("Zelensky", "Mr Blair") is that person
   when exactly one person in the article has such a full name; with two candidates
   (Tony and Cherie Blair) it stays apart. A mention that NER typed otherwise but that
   is such a surname ("Zaluzhny" as ORG) joins the person too. An acronym joins the one
   organisation whose initials it spells, in either order ("WEF" <-> "World Economic
   Forum"). A lone capitalised word the NER left untyped that is the surname of exactly
   one person named in full is that person. ontology/aliases.tsv can forbid any of these
   merges. The entity's type is the gazetteer's, else the majority of its mentions'
   types; its label its fullest name.
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
   the organisation mentioned last whose name is built on that word; "the company", "the firm"
   as a subject the one organisation it can only mean (kinds.py). The office must be the
   same: "the foreign secretary" is not the shadow foreign secretary, "the Tory leader" not
   the chancellor; an unnamed holder introduced later ("a Treasury spokesman") is who "the
   spokesman" means. An epithet subject ("the Belgian", "the 67-year-old", "the defending
   champion") is the one person of the sentence before, when that person is its subject
   (epithets.py).
4. Pronouns. he/him/his/she/her go to a person of compatible gender (from "Mr", "Mrs"
   ..., a gendered role: "actress", "spokeswoman", or a first name: genders.py), it/its to an
   organisation, outlet, country or government body (only as a possessor or the subject
   of a verb other than "be"), they/their to an unnamed
   plural source ("the sources", "people familiar with the matter") or a group.
   A possessive pronoun goes to its own clause's subject when compatible; a pronoun in a
   clause governed by another ("Roh ... said he would") to that clause's subject or
   object; otherwise the nearest compatible mention earlier in the sentence that is not
   an argument of the pronoun's own verb; otherwise the subject, then the nearest
   mention, of the two sentences before. Quotes (quotes.py) and unknown subjects bound
   the search: see pronouns.py. "We", "us", "our" in a quote are the organisation its
   speaker speaks for, when the article names one ("White House spokesman Marlin
   Fitzwater"): see firstperson.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..models import COUNTRY, MEDIA_OUTLET, PERSON, Entity
from .clusters import Cluster, cluster_names
from .epithets import epithet_references
from .firstperson import company_of_speaker
from .gazetteer import entity_key, gazetteer
from .genders import guess_genders
from .mentions import OUTLET_NOUNS as OUTLET_NAME_NOUNS
from .mentions import NamedMention, named_mentions
from .names import clean_name
from .pronouns import pronoun_antecedents
from .roles import role_intros, role_references
from .teams import sports_teams

# Where a surname the tagger took for a common noun stands as a referent ("Rowlands starred").
REFERENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# Role nouns that tell a person's gender (rule 4).
ROLE_GENDERS = {
    "actress": "f", "spokeswoman": "f", "chairwoman": "f", "queen": "f", "princess": "f",
    "king": "m", "prince": "m",
}  # fmt: skip  # "Chairman Penny Cobham ... her members": chairman and spokesman tell no gender


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of one doc; for each token inside a mention, the entity key.

    `antecedents` maps a pronoun's token to the token of the mention it refers to, which
    may name an entity or an unnamed source ("they" -> "people familiar with the matter").
    """

    entities: tuple[Entity, ...]
    by_token: dict[int, str]
    antecedents: dict[int, int] = field(default_factory=dict)


def find_entities(doc: Any) -> EntityIndex:
    """Collect the named entities of a parsed doc, merged within the doc, with coreference."""
    return resolve_mentions(doc, named_mentions(doc))


def resolve_mentions(doc: Any, mentions: list[NamedMention]) -> EntityIndex:
    """Group the named mentions into entities and resolve role nouns and pronouns to them."""
    clusters = sports_teams(doc, cluster_names(mentions))
    _missed_surnames(doc, clusters, {i for m in mentions for i in m.tokens})
    by_token: dict[int, str] = {}
    heads: dict[int, str] = {}  # the last token of each named mention -> key
    by_key = {c.key: c for c in clusters}
    for c in clusters:
        for m in c.mentions:
            for i in m.tokens:
                by_token[i] = c.key
            heads[m.end - 1] = c.key
    intro = role_intros(doc, by_token, by_key)
    for c in clusters:  # "actress Helen Mirren": she, whatever "his" comes next
        genders = {ROLE_GENDERS[h] for h in c.role_heads if h in ROLE_GENDERS}
        if not c.gender and len(genders) == 1:
            c.gender = genders.pop()
    guess_genders([c for c in clusters if c.type == PERSON])  # "Peter Chelsom": he
    refs = role_references(doc, by_token, by_key, intro)
    for c in clusters:  # "Ukrainskaya Pravda newspaper": the noun is the outlet too
        for m in c.mentions:
            after = m.end < len(doc) and doc[m.end - 1].head.i == m.end and m.end not in by_token
            if c.type == MEDIA_OUTLET and after and doc[m.end].lower_ in OUTLET_NAME_NOUNS:
                refs[m.end] = c.key
    for i, key in refs.items():
        by_token[i] = key
        heads[i] = key
    for i, key in epithet_references(doc, by_token, by_key).items():  # "The Belgian has not competed"
        by_token[i] = heads[i] = refs[i] = key
    for i, key in company_of_speaker(doc, by_token, by_key).items():  # "attorney for Apex, said the company"
        by_token[i] = heads[i] = refs[i] = key
    antecedents = pronoun_antecedents(doc, heads, by_key)
    return EntityIndex(_entities(doc, clusters, refs), by_token, antecedents)


def _missed_surnames(doc: Any, clusters: list[Cluster], named: set[int]) -> None:
    """Rule 1 for names the NER missed: a lone capitalised word that the NER gave no type and
    that is the surname of exactly one person named in full in the article ("Quentin Tarantino
    ... get Tarantino to direct") is a mention of that person. A word inside a longer name
    ("the Jimi Hendrix Experience", "the von Trapp family") or that another entity's name
    also has stays apart."""
    owners: dict[str, set[str]] = defaultdict(set)  # a word of a name -> the clusters having it
    surnames: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        for m in c.mentions:
            words = m.name.split()
            for w in words:
                owners[w].add(c.key)
            if c.type == PERSON and len(words) > 1:
                surnames[words[-1]].add(c.key)
    by_key = {c.key: c for c in clusters}
    lowercase = {t.text for t in doc if t.is_lower}
    for tok in doc:
        if tok.i in named or not tok.is_title or tok.ent_type_ or tok.dep_ == "compound":
            continue
        if tok.pos_ != "PROPN" and (tok.dep_ not in REFERENT_DEPS or tok.lower_ in lowercase):
            continue  # "Rowlands starred" tagged a noun: a surname, unless the word is a common one here
        if tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" or tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue
        keys = surnames.get(tok.text, set())
        if len(keys) == 1 and owners[tok.text] == keys:
            by_key[next(iter(keys))].mentions.append(NamedMention(tok.i, tok.i + 1, tok.text, PERSON, ""))


def _entities(doc: Any, clusters: Iterable[Cluster], refs: dict[int, str]) -> tuple[Entity, ...]:
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
