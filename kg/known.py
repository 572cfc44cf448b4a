"""The actors already stored, kept in memory during a build and handed to resolution per batch.

A streaming build resolves each batch against every actor stored before it, by earlier
builds and by earlier batches of this one. Reading them all from the store for every
batch would make a build cost grow with the store, so they are read once and then kept
up to date from the quads each batch adds. The set equals what `stored_actors` would read
from the store after the batch, so a resumed build resolves exactly as an uninterrupted
one.

Per batch, resolution only needs the stored actors that can merge with the batch's
entities: every rule joins names that share a word (same folded name, a surname that ends
a full name, an acronym that is an alias), so `relevant` hands over the stored actors
sharing a word with a name or alias of the batch, and resolution stays in proportion to
the batch, not to the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS

from .models import ACTOR_TYPES, Entity
from .vocab import ENTITIES_GRAPH, ENTITY, KG

Known = tuple[str, str, str]  # (entity key, label, type)
STORED_ACTORS = """
SELECT DISTINCT ?e ?label ?type WHERE {
  GRAPH <%s> { ?e a ?type ; rdfs:label ?label }
}"""
_WORD = re.compile(r"\w+")
_ENTITY_BASE, _KG_BASE = str(ENTITY), str(KG)
_TYPE, _LABEL, _GRAPH = str(RDF.type), str(RDFS.label), str(ENTITIES_GRAPH)


def words(name: str) -> set[str]:
    """Lowercase word tokens of a name, accents kept ('Zelenskyy' and 'Zelensky' differ).

    >>> sorted(words("Valery Zaluzhny's office"))
    ['office', 's', 'valery', 'zaluzhny']
    """
    return set(_WORD.findall(name.lower()))


class KnownActors:
    """(key, label, type) of the stored actors, with an index by word."""

    def __init__(self, rows: Iterable[tuple[object, object, object]] = ()) -> None:
        """From (entity, label, type) rows; only actors are kept (a store has more concepts)."""
        self.labels: dict[str, set[str]] = defaultdict(set)
        self.types: dict[str, set[str]] = defaultdict(set)
        self._by_word: dict[str, set[str]] = defaultdict(set)
        for e, label, type_ in rows:
            self._add(str(e), _TYPE, str(type_))
            self._add(str(e), _LABEL, str(label))

    @classmethod
    def from_store(cls, store: object) -> KnownActors:
        """Read them from a store (one query, once per build)."""
        return cls(store.select(STORED_ACTORS % ENTITIES_GRAPH))  # type: ignore[attr-defined]

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Take in the types and labels of entities among quads just stored (types first)."""
        labels = []
        for q in quads:
            graph = q.graph_name
            if isinstance(graph, ox.NamedNode) and graph.value == _GRAPH:
                if q.predicate.value == _TYPE:
                    self._add(q.subject.value, _TYPE, q.object.value)  # type: ignore[union-attr]
                elif q.predicate.value == _LABEL:
                    labels.append(q)
        for q in labels:
            self._add(q.subject.value, _LABEL, q.object.value)  # type: ignore[union-attr]

    def drop(self, quads: Iterable[ox.Quad]) -> None:
        """Forget the entities whose descriptions these quads were (dropped from the store)."""
        for q in quads:
            key = str(getattr(q.subject, "value", ""))[len(_ENTITY_BASE) :]
            for label in self.labels.pop(key, set()):
                for word in words(label):
                    self._by_word[word].discard(key)
            self.types.pop(key, None)

    def _add(self, iri: str, predicate: str, value: str) -> None:
        if not iri.startswith(_ENTITY_BASE):
            return
        key = iri[len(_ENTITY_BASE) :]
        if predicate == _TYPE:
            name = value.rsplit("#", 1)[-1]
            if value.startswith(_KG_BASE) and name in ACTOR_TYPES:
                self.types[key].add(name)
        elif key in self.types:  # concepts and situations are never resolved against: not kept
            self.labels[key].add(value)
            for word in words(value):
                self._by_word[word].add(key)

    def rows(self, keys: Iterable[str] | None = None) -> list[Known]:
        """Every (key, label, type) of actors (or of these keys), sorted."""
        chosen = self.types if keys is None else keys
        return sorted((k, label, t) for k in chosen for label in self.labels.get(k, ()) for t in self.types.get(k, ()))

    def relevant(self, entities: Iterable[Entity]) -> list[Known]:
        """The stored actors that share a word with a name or alias of these entities."""
        found: set[str] = set()
        for e in entities:
            for name in (e.label, *e.aliases):
                for word in words(name):
                    found |= self._by_word.get(word, set())
        return self.rows(k for k in found if k in self.types)

    def __len__(self) -> int:
        return sum(1 for k in self.types if self.labels.get(k))
