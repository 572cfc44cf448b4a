"""The kg ontology namespace and IRI minting.

Every class and property listed here is declared, with a label and a comment,
in ontology/kg.ttl; tests/test_vocab.py keeps the two in step.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg/"


class KG(DefinedNamespace):
    """Terms of the kg ontology."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    MilitaryOrganization: URIRef
    Company: URIRef
    MediaOutlet: URIRef
    SportsTeam: URIRef
    Country: URIRef
    Place: URIRef
    Event: URIRef
    AnonymousSource: URIRef
    Group: URIRef
    CreativeWork: URIRef
    Concept: URIRef
    Situation: URIRef
    Article: URIRef
    ExtractedStatement: URIRef
    Predicate: URIRef
    OpenPredicate: URIRef
    Figure: URIRef
    Status: URIRef

    # article
    contentHash: URIRef
    dateline: URIRef
    origin: URIRef

    # entities
    role: URIRef
    affiliatedWith: URIRef
    participant: URIRef
    roleOf: URIRef

    # statement provenance
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    surface: URIRef
    lemma: URIRef
    subjectText: URIRef
    objectText: URIRef
    subjectStart: URIRef
    subjectEnd: URIRef
    objectStart: URIRef
    objectEnd: URIRef
    extraArgument: URIRef
    confidence: URIRef
    kind: URIRef
    status: URIRef
    negated: URIRef
    denied: URIRef
    hedged: URIRef
    hedge: URIRef
    quoted: URIRef
    citing: URIRef
    sourceChain: URIRef
    content: URIRef
    denies: URIRef
    eventTime: URIRef
    eventTimeText: URIRef
    eventStart: URIRef
    eventEnd: URIRef
    claimTime: URIRef
    figure: URIRef
    value: URIRef
    unit: URIRef
    trigger: URIRef
    passiveTrigger: URIRef
    subjectType: URIRef
    objectType: URIRef
    bareOnly: URIRef
    clauseTrigger: URIRef

    # statuses (individuals of kg:Status)
    asserted: URIRef
    attributed: URIRef
    hedgedClaim: URIRef
    negatedClaim: URIRef
    deniedClaim: URIRef


ENTITY = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
STATEMENT = Namespace(BASE + "statement/")
PRED = Namespace(BASE + "predicate/")
OPEN = Namespace(BASE + "open/")
AGENT = Namespace(BASE + "agent/")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
# Descriptions of entities (type, label, aliases, roles) and of the extractor, shared by all
# articles: kept in one graph so that the union of graphs holds each such triple once.
ENTITIES_GRAPH = URIRef(BASE + "graph/entities")

PREFIXES: dict[str, Namespace | str] = {
    "kg": str(KG._NS),
    "kge": ENTITY,
    "kga": ARTICLE,
    "kgs": STATEMENT,
    "kgp": PRED,
    "kgo": OPEN,
}

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A lowercase ASCII slug for readable IRIs.

    >>> slug("Valery Zaluzhny’s  Office")
    'valery-zaluzhnys-office'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub("-", ascii_text.lower()).strip("-") or "x"


def entity_iri(key: str) -> URIRef:
    """IRI of an entity from its key ("person/valery-zaluzhny")."""
    return ENTITY[key]


def article_iri(article_id: str) -> URIRef:
    return ARTICLE[article_id]


def ontology_dir() -> Path:
    """The folder holding kg.ttl, predicates.ttl, shapes.ttl and queries/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError("kg's ontology folder is missing; reinstall kg with 'pip install .'")
