"""What the words around a name tell about its type: hints that all mentions of an actor pool.

An actor's type is decided from all its mentions (in clusters.py), not from one NER label.
Each mention contributes hints read from the parse around it:

- "company": a legal form ends the name ("Monier Ltd"); Reuters marks it in angle
  brackets ("<Gulf Resources>"); a company noun is its title,
  apposition or copula complement ("oil giant Yukos", "Wipro is India's biggest software
  firm"; not a word of a person's title: "bank president Barber Conable", "company
  spokeswoman Denise Dallaire"; nor, for a person's full name, a trade: "Joel Silver,
  producer of the Matrix trilogy"); or the name owns shares ("Monier shareholders",
  "shares in Yukos").
- "outlet": an outlet noun is its title or apposition ("the daily al-Sharq al-Awsat").
- "person": an honorific or a person's role noun before it ("Mr", "chairman Penny Cobham").
- "organisation": a band's noun before it ("rock band Franz Ferdinand") or a plural name
  after "the" ("the Lib Dems"): a group of people, no person.
- "organisation" too: a plural common noun as its title ("analysts Gartner", "holders Arsenal"; not
  "brothers Joel and Ethan Coen", a title of two people): a firm or a team, no person.
- "product": a product's noun that it modifies, that is its apposition or copula complement, or
  that it is called ("the Cell processor", "Honda's robot, Asimo", "a robot called Emiew"): the
  name of a thing, which is no person, place or group (clusters.py makes such a one a concept).
- "work": a creative work's noun just before it ("Foxx's movie Ray", "the musical The
  Producers"): the title of a work, typed CreativeWork, that never joins a person of that name (works.py
  has more evidence of works and bands).

Pure functions of a parsed doc and a token span.
"""

from __future__ import annotations

from typing import Any

from .names import has_company_suffix

COMPANY_NOUNS = frozenset(
    {"company", "firm", "giant", "maker", "producer", "manufacturer", "retailer", "carrier", "airline",
     "lender", "insurer", "conglomerate", "operator", "supplier", "distributor", "corporation", "chain",
     "brewer", "miner", "refiner", "subsidiary", "concern", "business", "provider", "exporter",
     "automaker", "carmaker", "bank", "telecom", "multinational"}
)  # fmt: skip
SHARE_NOUNS = frozenset(
    {"share", "shares", "shareholder", "shareholders", "stock", "stake", "stakeholder", "subsidiary", "bid"}
)  # fmt: skip
HINT_OUTLET_NOUNS = frozenset(
    {"newspaper", "daily", "weekly", "tabloid", "magazine", "broadcaster", "channel", "paper", "website",
     "agency"}
)  # fmt: skip
# Company nouns that are also a person's trade: "Joel Silver, producer of the Matrix trilogy".
TRADE_NOUNS = frozenset({"producer", "operator", "supplier", "distributor", "provider", "exporter", "maker", "giant"})
TITLE_DEPS = frozenset({"compound", "amod", "nmod"})
# Nouns of a band or ensemble: the name after one is an organisation, no person ("the band Franz Ferdinand").
ENSEMBLE_NOUNS = frozenset(
    {"band", "group", "orchestra", "choir", "duo", "trio", "quartet", "ensemble", "act", "outfit"}
)  # fmt: skip
# Nouns of things made and sold: a name they describe is a product's, no person's or place's.
PRODUCT_NOUNS = frozenset(
    {"robot", "chip", "microchip", "processor", "microprocessor", "console", "handset", "phone", "smartphone",
     "gadget", "device", "laptop", "browser", "camera", "drug", "vaccine", "satellite", "rocket", "software",
     "pc", "computer", "virus"}
)  # fmt: skip
# First words of a person's title that may follow "the" ("the Duke of Edinburgh").
PERSON_TITLES = frozenset(
    {"duke", "duchess", "earl", "count", "countess", "archbishop", "bishop", "cardinal", "reverend", "rev",
     "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "sultan", "shah", "ayatollah", "lord", "lady"}
)  # fmt: skip
# Nouns of creative works: the name right after one is the work's title, no person ("the film Ray").
WORK_NOUNS = frozenset(
    {"film", "movie", "album", "single", "song", "musical", "novel", "book", "documentary", "opera", "sitcom",
     "series", "biopic", "game", "show", "play"}
)  # fmt: skip


def type_hints(doc: Any, start: int, end: int, name: str, *, person: bool = False) -> set[str]:
    """Hints about the type of the name at tokens [start, end): 'company', 'outlet'.

    `person`: the NER took the name for a person's full name; then a noun that also
    names a person's trade ("producer Joel Silver") is no evidence of a company.
    """
    hints: set[str] = set()
    if has_company_suffix(name):
        hints.add("company")
    head = doc[end - 1]
    for noun in _describing_nouns(doc, start, end, head):
        lemma = noun.lemma_.lower()
        if person and (lemma in TRADE_NOUNS or noun.lower_ in TRADE_NOUNS):
            continue
        if lemma in COMPANY_NOUNS or noun.lower_ in COMPANY_NOUNS:
            hints.add("company")
        if noun.lower_ in HINT_OUTLET_NOUNS:
            hints.add("outlet")
    described = _describing_nouns(doc, start, end, head)
    if _names_a_product(head, end) or any(n.lemma_.lower() in PRODUCT_NOUNS for n in described):
        hints.add("product")
    if not person and _plural_title(doc, start, end, head):  # not "cricketers Shane Warne", a full name
        hints.add("organisation")
    if head.dep_ in ("compound", "poss") and head.head.i >= end and head.head.lower_ in SHARE_NOUNS:
        hints.add("company")
    owned = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("in", "of") else None
    if owned is not None and owned.i < start and owned.lower_ in SHARE_NOUNS and not person:
        hints.add("company")  # "shares in Yukos", "a 20 pct stake of Monier"
    if _after_noun(doc, start, WORK_NOUNS):
        hints.add("work")
    if _after_noun(doc, start, ENSEMBLE_NOUNS) or _plural_with_article(doc, start, end, name):
        hints.add("organisation")
    if start > 0 and doc[start - 1].text == "<" and ">" in (doc[end - 1].text, doc[end].text if end < len(doc) else ""):
        hints.add("company")  # Reuters marks a company: "<Gulf Resources>"
    return hints


def marked_name(text: str) -> bool:
    """The text inside Reuters' angle brackets is a company's name: capitalised words, not a ticker
    ('Unipack', 'Gulf Resources'; not 'DJ', 'MNRA.S')."""
    words = text.split()
    return bool(words) and all(w[:1].isupper() for w in words) and any(c.islower() for c in text) and "." not in text


def _after_noun(doc: Any, start: int, nouns: frozenset[str]) -> bool:
    """'Foxx's movie Ray', 'her second album Mind, Body & Soul', 'Scottish rock band Franz Ferdinand':
    one of the nouns just before the name, opening a noun phrase (a determiner, a possessive or the
    sentence's start, then adjectives and nouns); not 'a downloaded movie NEC', 'a single AAA battery'."""
    j = start - 1
    while j >= 0 and doc[j].lower_ in ("the", "a", "an") and doc[j].text[:1].isupper():
        j -= 1  # "The" of "The Producers"
    noun = doc[j] if j >= 0 else None
    if noun is None or noun.lower_ not in nouns or not noun.text.islower():
        return False
    if noun.tag_ != "NN" and not (noun.lower_ == "musical" and noun.tag_ == "JJ"):
        return False
    sent_start = noun.sent.start
    j -= 1
    while j >= sent_start and doc[j].tag_ in ("JJ", "JJS", "JJR", "NN"):  # "second", "new", "rock"
        j -= 1
    return j < sent_start or doc[j].tag_ in ("DT", "PRP$", "POS") or doc[j].dep_ == "poss"


def _names_a_product(head: Any, end: int) -> bool:
    """'the Cell processor' (the name modifies a product noun), 'a robot called Emiew', 'Honda's Asimo
    and Sony's Qrio robots' (the name shares a named product noun with the name it is coordinated with)."""
    if head.dep_ == "compound" and head.head.i >= end:
        return bool(head.head.lemma_.lower() in PRODUCT_NOUNS)
    for conj in head.children:
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in conj.children)
        if conj.dep_ == "conj" and conj.lemma_.lower() in PRODUCT_NOUNS and named:
            return True
    called = head.head if head.dep_ == "oprd" else None
    return called is not None and called.lemma_ == "call" and called.head.lemma_.lower() in PRODUCT_NOUNS


def _plural_title(doc: Any, start: int, end: int, head: Any) -> bool:
    """'analysts Gartner', 'holders Arsenal': a plural common noun just before a name, as its title
    (not a title shared by coordinated names: 'brothers Joel and Ethan Coen'; nor a counted unit:
    '512 megabytes Ram')."""
    if start == 0 or head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return False
    title = doc[start - 1]
    plural = title.tag_ == "NNS" and title.text.islower() and not any(c.dep_ == "nummod" for c in title.children)
    return bool(plural and title.dep_ in TITLE_DEPS and title.head.i in range(start, end))


def _plural_with_article(doc: Any, start: int, end: int, name: str) -> bool:
    """'the Lib Dems', 'the Rolling Stones': a plural name after 'the' names a group, no person
    (not a title: 'the Duke of Wales'; nor a modifier: 'the Williams sisters')."""
    words = name.split()
    if start == 0 or doc[start - 1].lower_ != "the" or not words[-1].endswith("s") or words[-1].endswith("ss"):
        return False
    return words[0].lower() not in PERSON_TITLES and doc[end - 1].dep_ not in ("compound", "amod", "nmod")


def _describing_nouns(doc: Any, start: int, end: int, head: Any) -> list[Any]:
    """Nouns that describe the name: title words before it, appositions, a copula complement."""
    nouns: list[Any] = []
    for j in range(start - 1, max(start - 4, -1), -1):  # "oil giant Yukos", "the daily al-Sharq"
        tok = doc[j]
        if tok.dep_ not in TITLE_DEPS or tok.head.i not in range(j + 1, end):
            break
        if tok.head.i >= start:  # not "bank" of "bank president Barber Conable": it describes the title
            nouns.append(tok)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        nouns.append(head.head)
    nouns.extend(c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN")
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        nouns.extend(c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN")
    return nouns
