"""Map a relation's lemma phrase to the controlled predicate vocabulary.

The vocabulary lives in ontology/predicates.ttl: each predicate lists trigger lemma
phrases. A phrase that matches no trigger becomes an open predicate ("open:<slug>"),
never dropped.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from ..vocab import KG, PRED, ontology_dir, slug

OPEN_PREFIX = "open:"
# Words dropped from a lemma phrase before trying again: auxiliaries and modal verbs.
DROPPABLE = frozenset(
    {"be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "not", "to"}
)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[str, str], dict[str, str]]:
    """(trigger -> predicate name, predicate name -> label), read from ontology/predicates.ttl."""
    graph = Graph()
    graph.parse(ontology_dir() / "predicates.ttl", format="turtle")
    triggers: dict[str, str] = {}
    labels: dict[str, str] = {}
    for pred in sorted(graph.subjects(RDF.type, KG.Predicate), key=str):
        name = str(pred)[len(str(PRED)) :]
        labels[name] = str(graph.value(pred, RDFS.label) or name)
        for trigger in sorted(graph.objects(pred, KG.trigger), key=str):
            triggers.setdefault(str(trigger).lower(), name)
    return triggers, labels


def predicate_for(lemma: str) -> str:
    """The controlled predicate name for a lemma phrase, or an open predicate.

    >>> predicate_for("turn down")
    'rejects'
    >>> predicate_for("be worried about")
    'concernedAbout'
    >>> predicate_for("juggle")
    'open:juggle'
    """
    triggers, _ = vocabulary()
    phrase = " ".join(lemma.lower().split())
    if not phrase:
        return OPEN_PREFIX + "related-to"
    for candidate in _candidates(phrase):
        if candidate in triggers:
            return triggers[candidate]
    return OPEN_PREFIX + slug(phrase)


def _candidates(phrase: str) -> list[str]:
    """The phrase, then shorter forms: without auxiliaries, then cut from the right.

    A bare "be" is tried only when it is the whole phrase, so "be rival of" stays open.
    """
    words = phrase.split()
    core = [w for w in words if w not in DROPPABLE] or words
    found = [phrase, " ".join(core)]
    if words[0] == "be" and len(words) > 1:
        found.append("be " + " ".join(core))
        found += ["be " + " ".join(core[:n]) for n in range(len(core) - 1, 0, -1)]
    found += [" ".join(core[:n]) for n in range(len(core) - 1, 0, -1)]
    return [c for c in dict.fromkeys(found) if c != "be" or phrase == "be"]


def predicate_label(name: str) -> str:
    """The human label of a predicate name (open predicates: their lemma phrase)."""
    if name.startswith(OPEN_PREFIX):
        return name[len(OPEN_PREFIX) :].replace("-", " ")
    return vocabulary()[1].get(name, name)
