"""Stage 1 of actors: the named mentions of one article, each typed, in text order.

Rules (all general, documented here; merging them within the article is in coref.py,
the gazetteers in gazetteer.py, name cleaning and folding in names.py):

- Names come from spaCy's NER and from the gazetteers in ontology/ (outlets.txt,
  places.txt, capitals.txt), which also find names the NER missed ("The Economist") and
  override its type. An all-capitals word in brackets right after a name is that name's
  acronym: "Kiev International Institute of Sociology (KIIS)".
- Types: PERSON -> Person; ORG -> Organization, refined by the name's head word
  (heads.py: GOVERNMENT_HEADS -> GovernmentBody, MILITARY_HEADS -> MilitaryOrganization,
  COMPANY_HEADS -> Company, but a public bank such as the World Bank an Organization)
  and to MediaOutlet when the name is a known outlet (or one and the name of its service:
  "BBC News Online"), is followed by an outlet noun
  ("Ukrainskaya Pravda newspaper") or is the subject of "report" or of "say/write in an
  article"; GPE/LOC/NORP named in places.txt -> Country;
  other GPE, LOC, FAC -> Place; NORP -> Group (a demonym such as "Ukrainian" is no name:
  it affiliates what it modifies with its country); EVENT -> Event.
- Capitals (capitals.txt): an agent capital ("Kiev's plans", "Washington is
  concerned") is the country's government, a GovernmentBody; otherwise the city.
- A leading "the", a sentence's first word that is a preposition or conjunction ("Without
  Charles, ..."), a number after a person's name (the first game of a score: "Mario Ancic
  6-4"), a trailing possessive and honorifics ("Mr", "Mrs") are not part of a
  name. Keys fold spelling variants: case, accents, the endings -iy/-yy/-yi/-ii -> -y
  (Zelenskiy, Zelenskyy -> zelensky) and the merges of ontology/aliases.tsv.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    COMPANY,
    CONCEPT,
    COUNTRY,
    CREATIVE_WORK,
    EVENT,
    GOVERNMENT_BODY,
    GROUP,
    MEDIA_OUTLET,
    ORGANIZATION,
    PERSON,
    PLACE,
)
from .evidence import marked_name, type_hints
from .gazetteer import canonical_name, entity_key, gazetteer, gazetteer_spans
from .heads import GOVERNMENT_HEADS, ORG_HEADS, org_type
from .names import (
    COMPANY_SUFFIXES,
    CURRENCY_WORDS,
    FIRST_NAME_HONORIFICS,
    HONORIFICS,
    LEADING_WORDS,
    NAME_PARTICLES,
    ROYAL_TITLES,
    clean_name,
    has_company_suffix,
    strip_honorific,
)
from .works import band_spans, title_spans, work_hints

LABEL_TYPES = {
    "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "NORP": GROUP,
    "EVENT": EVENT,
    "LAW": CONCEPT,
    "WORK_OF_ART": CONCEPT,
    "PRODUCT": CONCEPT,
}
LEGAL_FORMS = COMPANY_SUFFIXES - {"group", "company", "holdings", "holding", "co", "sa", "ab", "se"}
# Nouns that make the name before them an outlet: "Ukrainskaya Pravda newspaper".
OUTLET_NOUNS = frozenset(
    {"newspaper", "paper", "daily", "tabloid", "weekly", "magazine", "broadcaster", "channel",
     "website", "outlet", "agency", "radio", "tv", "television", "network", "publication", "journal"}
)  # fmt: skip
# Words after a known outlet's name that name one of its services, not another outlet: "BBC News Online".
OUTLET_SERVICES = frozenset({"news", "online", "website", "radio", "television", "tv", "interactive", "newswire"})
# Nouns that, just before an all-capitals name, make it an organisation: "censorship body CSCIS".
ORG_NOUNS = frozenset(
    {"body", "agency", "group", "party", "institute", "firm", "organisation", "organization",
     "watchdog", "regulator", "service", "union", "company", "centre", "center", "committee",
     "pollster"}
)  # fmt: skip
# "X said in an article": the nouns that mark X as a publisher.
PUBLICATION_NOUNS = frozenset(
    {"article", "report", "editorial", "piece", "column", "story", "broadcast", "op-ed"}
)  # fmt: skip
MODIFIER_DEPS = frozenset(["compound", "amod", "nmod"])
AGENT_DEPS = frozenset(["nsubj", "nsubjpass", "poss", "agent"])
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_TRAILING_NUMBER = re.compile(r"(?<=[A-Za-z])(\s+\d+)+$")
_UNDOTTED = re.compile(r"^(?:[a-z]\.)+[a-z]$")


def type_of(label: str, name: str) -> tuple[str, str]:
    """Entity type and canonical name for an NER label and a cleaned name (capitals aside)."""
    gaz = gazetteer()
    lowered = name.lower()
    if lowered in gaz.outlets and not (label == "PERSON" and len(name.split()) > 1):
        return MEDIA_OUTLET, gaz.outlets[lowered]
    words = lowered.split()
    for k in range(len(words) - 1, 0, -1):  # "BBC News Online", "Reuters Television": the outlet's own service
        if all(w in OUTLET_SERVICES for w in words[k:]) and " ".join(words[:k]) in gaz.outlets and label != "PERSON":
            return MEDIA_OUTLET, gaz.outlets[" ".join(words[:k])]
    if _UNDOTTED.match(lowered) and lowered + "." in gaz.countries:
        lowered = lowered + "."  # "the U.S" when the sentence's full stop took the last dot
    if lowered in gaz.countries and label != "PERSON":
        return COUNTRY, gaz.countries[lowered]
    if lowered in gaz.demonyms and (label == "NORP" or " " not in lowered):  # "the Briton's defeat" too
        return COUNTRY, gaz.demonyms[lowered]
    if label == "ORG":
        return org_type(name), name
    return LABEL_TYPES.get(label, CONCEPT), name


@dataclass
class NamedMention:
    """A name in the doc: tokens [start, end), its cleaned name, type and what the text tells."""

    start: int
    end: int
    name: str
    type: str
    ner: str
    gender: str = ""
    gazetteer: bool = False  # type fixed by a gazetteer or a user merge
    affiliations: set[str] = field(default_factory=set)
    hints: set[str] = field(default_factory=set)  # what the words around it tell (evidence.py)

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)


def named_mentions(doc: Any) -> list[NamedMention]:
    """Every name in the doc, typed, in text order (demonyms and titles excluded)."""
    result: list[NamedMention] = []
    taken: set[int] = set()
    spans = [(s, e, "WORK_OF_ART") for s, e in title_spans(doc)] + [(s, e, "ORG") for s, e in band_spans(doc)]
    for start, end, label in spans:  # "the song See It In A Boy's Eyes", "dance act The Prodigy" (works.py)
        mention = _mention(doc, start, end, label)
        if mention is not None and not taken & set(range(start, end)):
            result.append(mention)
            taken.update(range(start, end))
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPES or taken & set(range(ent.start, ent.end)):
            continue
        mention = _mention(doc, ent.start, ent.end, ent.label_)
        if mention is not None:
            result.append(mention)
            taken.update(range(ent.start, ent.end))
    for start, end, kind in gazetteer_spans(doc, taken):
        label = {"outlet": "ORG", "country": "GPE", "capital": "GPE"}[kind]
        mention = _mention(doc, start, end, label)
        if mention is not None:
            result.append(mention)
            taken.update(range(start, end))
    result = _joined_particles(doc, sorted(result, key=lambda m: m.start), taken)
    result.extend(_bracketed_acronyms(doc, result, taken))
    _complete_org_names(doc, result, taken)
    result.extend(_honorific_names(doc, taken))
    result.extend(_legal_names(doc, taken))
    return _without_titles(doc, sorted(result, key=lambda m: m.start))


def _joined_particles(doc: Any, mentions: list[NamedMention], taken: set[int]) -> list[NamedMention]:
    """'Daniel arap' and 'Moi' (NER cut the name at its particle): one person, 'Daniel arap Moi'."""
    result: list[NamedMention] = []
    starts = {m.start: m for m in mentions}
    for m in mentions:
        if result and result[-1].end > m.start:
            continue  # the surname already joined to the name before it
        if m.type == PERSON and doc[m.end - 1].lower_ in NAME_PARTICLES and m.end < len(doc) and _proper(doc[m.end]):
            after = starts.get(m.end)
            end = after.end if after is not None and " " not in after.name else m.end + 1
            joined = _mention(doc, m.start, end, "PERSON")
            if joined is not None and (after is None or after.end == end):
                m = joined
                taken.update(range(m.start, m.end))
        result.append(m)
    return result


def _honorific_names(doc: Any, taken: set[int]) -> Iterator[NamedMention]:
    """'Mr Babinet', 'King Fahd' the NER missed: an honorific or royal title and the proper nouns after it."""
    for tok in doc:
        titled = tok.lower_ in ROYAL_TITLES and tok.text[:1].isupper()
        if not (tok.lower_ in HONORIFICS or titled) or tok.i + 1 >= len(doc) or tok.i in taken:
            continue
        end = tok.i + 1
        while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end > tok.i + 1:
            mention = _mention(doc, tok.i, end, "PERSON")
            if mention is not None:
                taken.update(range(tok.i, end))
                if titled:
                    mention.gender = mention.gender or ROYAL_TITLES[tok.lower_]
                    mention.hints.add("person")
                yield mention


def _legal_names(doc: Any, taken: set[int]) -> Iterator[NamedMention]:
    """Company names the NER missed ('CTC Dealer Holdings Ltd' after a dateline): proper nouns and a legal form,
    or a name that Reuters marks as a company in angle brackets ('his company <Unipack>'; not a ticker '<DJ>')."""
    for tok in doc:
        close = 0
        if tok.text == "<":
            close = next((j for j in range(tok.i + 2, min(tok.i + 8, len(doc))) if doc[j].text == ">"), 0)
        inside = range(tok.i + 1, close)
        if close and not taken & set(inside) and marked_name(doc[tok.i + 1 : close].text):
            mention = _mention(doc, tok.i + 1, close, "ORG")
            if mention is not None:
                taken.update(inside)
                yield mention
        if tok.i in taken or tok.pos_ != "PROPN" or tok.lower_.rstrip(".") not in LEGAL_FORMS:
            continue
        start = tok.i
        while (
            start > 0
            and start - 1 not in taken
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        if start < tok.i:
            mention = _mention(doc, start, tok.i + 1, "ORG")
            if mention is not None:
                taken.update(range(start, tok.i + 1))
                yield mention


def _proper(tok: Any) -> bool:
    return bool(tok.pos_ == "PROPN" and tok.text[:1].isupper())


def _complete_org_names(doc: Any, mentions: list[NamedMention], taken: set[int]) -> None:
    """An organisation name the NER cut short: 'Senate' in 'Senate Banking Committee Chairman X'."""
    for m in mentions:
        if m.type in (PERSON, COUNTRY) or m.gazetteer:
            continue
        end = m.end
        while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
            if doc[end - 1].lower_ in ORG_HEADS and doc[end - 1].dep_ == "compound":
                longer = _mention(doc, m.start, end, "ORG")
                if longer is not None:
                    taken.update(range(m.end, end))
                    m.end, m.name, m.type, m.hints = longer.end, longer.name, longer.type, longer.hints
                break


def left_modifiers(doc: Any, start: int, end: int, *, limit: int = 6) -> list[int]:
    """The contiguous compound/adjective tokens just left of tokens [start, end) that modify them.

    For "US National Security Advisor Jake Sullivan" and the span of "Jake Sullivan", the
    four title tokens.
    """
    run: list[int] = []
    inside = set(range(start, end))
    for j in range(start - 1, max(start - 1 - limit, -1), -1):
        tok = doc[j]
        if tok.dep_ not in MODIFIER_DEPS or tok.head.i not in inside | set(run) or tok.head.i < j:
            break
        run.append(j)
    return sorted(run)


def _without_titles(doc: Any, mentions: list[NamedMention]) -> list[NamedMention]:
    """Drop names inside a person's title, except the title's first name ("WEF" president).

    Demonyms and countries in the modifiers of any name affiliate it with the country.
    """
    gaz = gazetteer()
    dropped: set[int] = set()
    for m in mentions:
        run = left_modifiers(doc, m.start, m.end)
        for j in run:
            country = gaz.demonyms.get(doc[j].lower_) or gaz.countries.get(doc[j].lower_)
            if country:
                m.affiliations.add(entity_key(COUNTRY, country))
        if m.type != PERSON or not run:
            continue
        for other in mentions:
            inside = other is not m and other.start < m.start and other.end > run[0]
            if inside and (_names_an_organisation(other) or "organisation" in other.hints):
                continue  # "British Casino Association chairman Penny Cobham": the association is an actor
            if inside and (other.start > run[0] or other.end > run[0] + 1 and other.type != COUNTRY):
                dropped.add(id(other))
    return [m for m in mentions if id(m) not in dropped]


def _names_an_organisation(m: NamedMention) -> bool:
    """An organisation whose name ends with an organisation noun ('Senate Banking Committee')."""
    words = m.name.lower().split()
    return m.type != PERSON and len(words) > 1 and words[-1] in ORG_HEADS


def _mention(doc: Any, start: int, end: int, label: str) -> NamedMention | None:
    gaz = gazetteer()
    while start < end and doc[start].lower_ in LEADING_WORDS:
        start += 1
    if label != "WORK_OF_ART" and end - start > 1 and doc[start].is_sent_start and doc[start].tag_ in ("IN", "CC"):
        start += 1  # "Without Charles, it is hard to ...": the sentence's first word, capitalised, is no name's
    if label == "PERSON" and end - start > 1 and doc[start].lower_ in gaz.demonyms and doc[start + 1].is_title:
        start += 1  # "Croatian Ivan Ljubicic", "Briton Tim Henman": the demonym affiliates (see _without_titles)
    name = clean_name(doc[start:end].text)
    if label == "PERSON":
        name = _TRAILING_NUMBER.sub("", name)  # "Mario Ancic 6" of "Mario Ancic 6-4 3-6": a score's first game
    if len(name) < 2 or not any(ch.isupper() for ch in name):
        return None  # no capital at all ("producers receive less"): a common noun the NER took for a name
    gender = ""
    before = doc[start - 1].lower_ if start > 0 else ""
    honorific = name.split()[0].lower() if name.split()[0].lower() in HONORIFICS else before
    titled = honorific in HONORIFICS
    if name.split()[0].lower() in HONORIFICS and len(name.split()) > 1 and label in ("ORG", "GPE", "NORP", "FAC"):
        label = "PERSON"  # "Mr Hague" mistyped by NER
    if label == "PERSON" or (start > 0 and doc[start - 1].lower_ in HONORIFICS):
        name, gender = strip_honorific(name)
        if not gender and start > 0 and doc[start - 1].lower_ in HONORIFICS:
            gender = HONORIFICS[doc[start - 1].lower_]
            label = "PERSON" if label in ("ORG", "GPE", "NORP") else label
    lowered = name.lower()
    if lowered.split()[-1] in CURRENCY_WORDS:
        return None  # "one billion U.S. Dlrs": an amount, no actor
    if lowered in gaz.demonyms and (label == "NORP" or " " not in lowered):  # "the Briton's defeat" too
        return None  # an adjective of nationality: an affiliation, not a name (see coref.py)
    if lowered in gaz.capitals and lowered not in gaz.outlets:
        city, country, government = gaz.capitals[lowered]
        if doc[end - 1].dep_ in AGENT_DEPS or (doc[end - 1].dep_ == "case" and doc[end - 1].head.i < end):
            affiliation = {entity_key(COUNTRY, country)} if country else set()
            return NamedMention(
                start, end, government, GOVERNMENT_BODY, label, gazetteer=True, affiliations=affiliation
            )
        return NamedMention(start, end, city, PLACE, label, gazetteer=True)
    compound_of_next = end < len(doc) and doc[end - 1].head.i == end
    if compound_of_next and label in ("PERSON", "ORG", "GPE", "NORP") and doc[end].lower_ in GOVERNMENT_HEADS:
        return _mention(doc, start, end + 1, "ORG")  # "the Biden administration"
    after_org_noun = start > 0 and doc[start - 1].lower_ in ORG_NOUNS and doc[start - 1].head.i in range(start, end)
    if after_org_noun and label in ("PRODUCT", "WORK_OF_ART", "PERSON", "GPE") and ACRONYM.match(name):
        label = "ORG"  # "censorship body CSCIS"
    type_, canonical = type_of(label, name)
    fixed = lowered in gaz.outlets or lowered in gaz.countries
    fixed = fixed or type_ == COUNTRY and _UNDOTTED.match(lowered) is not None
    org_named = len(lowered.split()) > 1 and lowered.split()[-1] in ORG_HEADS - OUTLET_NOUNS  # "Central Bank reported"
    if type_ in (ORGANIZATION, PERSON, PLACE, GROUP) and not (fixed or org_named) and _reads_as_outlet(doc, start, end):
        type_ = MEDIA_OUTLET
    hints = type_hints(doc, start, end, name, person=label == "PERSON" and " " in name) | work_hints(doc, start, end)
    if not fixed and has_company_suffix(name) and type_ != MEDIA_OUTLET:
        type_ = COMPANY  # "Chuan Hup Holdings Ltd", whatever the NER said
    elif not fixed and "work" in hints:
        type_ = CREATIVE_WORK  # "the film Ray": a title
    elif not fixed and (("organisation" in hints and type_ == PERSON) or ("band" in hints and type_ == GROUP)):
        type_ = ORGANIZATION  # "the band Franz Ferdinand", "the Lib Dems"
    if gender:
        hints.add("person")
    if titled and label == "PERSON" and honorific not in FIRST_NAME_HONORIFICS:
        hints.add("honorific")  # "Mr Howard": a surname, never a first name (but "Sir Alan" is one)
    merged = canonical_name(type_, canonical)
    return NamedMention(start, end, merged, type_, label, gender, gazetteer=fixed or merged != canonical, hints=hints)


def _reads_as_outlet(doc: Any, start: int, end: int) -> bool:
    """'Pravda newspaper', 'X reported', 'X said in an article'."""
    last = doc[end - 1]
    if end < len(doc) and doc[end].lower_ in OUTLET_NOUNS and doc[end].i == last.head.i:
        return True
    if last.ent_type_ != "ORG" or last.dep_ != "nsubj":
        return False
    verb = last.head
    if verb.lemma_ == "report":
        return True
    if verb.lemma_ in ("say", "write", "claim"):
        for prep in verb.children:
            in_ = prep.dep_ == "prep" and prep.lower_ == "in"
            if in_ and any(c.dep_ == "pobj" and c.lemma_.lower() in PUBLICATION_NOUNS for c in prep.children):
                return True
    return False


def _bracketed_acronyms(doc: Any, mentions: list[NamedMention], taken: set[int]) -> Iterator[NamedMention]:
    """'Kiev International Institute of Sociology (KIIS)': KIIS is that name, here and later."""
    by_end = {m.end: m for m in mentions if len(m.name.split()) > 1 and m.type != PERSON}
    acronyms: dict[str, NamedMention] = {}
    for m in by_end.values():
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            word = doc[m.end + 1].text
            if ACRONYM.match(word):
                acronyms[word] = m
    if not acronyms:
        return
    for tok in doc:
        source = acronyms.get(tok.text)
        if source is not None and tok.i not in taken:
            yield NamedMention(tok.i, tok.i + 1, source.name, source.type, source.ner, gazetteer=source.gazetteer)
        elif source is not None:
            for m in mentions:
                if m.start == tok.i and m.end == tok.i + 1:
                    m.name, m.type = source.name, source.type
