"""Remove articles from a store, with the entity descriptions nothing else uses.

An article is its named graph. Removing it drops that graph; an entity the graph refers
to (in a statement, or only by ``schema:mentions``: named without anything said about it)
is dropped too (its description in the entities graph) when nothing else refers to it: no
other article's graph, no description of an entity that stays, and none of the quads being
added in the same write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from .articles import find_files, read_articles
from .errors import KgError
from .store import Store
from .vocab import ARTICLE, ENTITIES_GRAPH, ENTITY

_ENTITY_BASE = str(ENTITY)
_ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
STORED = """
SELECT ?id ?source ?title WHERE {
  GRAPH ?g { ?a a kg:Article ; dcterms:identifier ?id ; dcterms:source ?source . OPTIONAL { ?a dcterms:title ?title } }
}"""


class NoSuchArticle(KgError):
    """An article named on the command line is not in the store."""


@dataclass(frozen=True, slots=True)
class RemovalReport:
    articles: int
    entities: int

    def summary(self) -> str:
        return (
            f"removed {self.articles} article{'s' if self.articles != 1 else ''} and "
            f"{self.entities} entit{'ies' if self.entities != 1 else 'y'} nothing else used"
        )


def _entities_in(store: Store, graph: ox.NamedNode) -> set[ox.NamedNode]:
    found = set()
    for q in store.inner.quads_for_pattern(None, None, None, graph):
        for term in (q.subject, q.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(_ENTITY_BASE):
                found.add(term)
    return found


def orphan_quads(store: Store, graphs: Sequence[URIRef], adding: Iterable[ox.Quad] = ()) -> list[ox.Quad]:
    """The descriptions of the entities that only these graphs refer to (to drop with them)."""
    removed = {ox.NamedNode(str(g)) for g in graphs}
    candidates: set[ox.NamedNode] = set()
    for graph in removed:
        candidates |= _entities_in(store, graph)
    for q in adding:
        candidates.discard(q.subject)
        candidates.discard(q.object)
    skip = removed | {_ENTITIES}
    gone: set[ox.NamedNode] = set()

    def used(e: ox.NamedNode) -> bool:
        if any(q.graph_name not in skip for q in store.inner.quads_for_pattern(e, None, None, None)):
            return True
        return any(
            q.graph_name not in removed and q.subject != e and not (q.graph_name == _ENTITIES and q.subject in gone)
            for q in store.inner.quads_for_pattern(None, None, e, None)
        )

    while True:  # an entity only an orphan's description refers to (affiliatedWith, ...) is an orphan too
        more = {e for e in candidates - gone if not used(e)}
        if not more:
            break
        gone |= more
    orphans = sorted(gone, key=lambda t: t.value)
    return [q for e in orphans for q in store.inner.quads_for_pattern(e, None, None, _ENTITIES)]


def find_articles(store: Store, refs: Sequence[str]) -> list[str]:
    """Ids of the stored articles named by id, article IRI, input path or title (case ignored)."""
    rows = [(str(i), str(s), str(t) if t is not None else "") for i, s, t in store.select(STORED)]
    chosen: list[str] = []
    for ref in refs:
        path = Path(ref)
        if path.exists():
            ids = {a.id for f in find_files([path]) for a in read_articles(f)}
            sources = {f.name for f in find_files([path])}
            hits = [i for i, s, _ in rows if i in ids or s in sources]
        else:
            key = ref.removeprefix(str(ARTICLE)).lower()
            hits = [i for i, _, _ in rows if i == key] or [i for i, _, t in rows if t.lower() == ref.lower()]
        if not hits:
            raise NoSuchArticle(
                f"{ref!r}: no stored article has this id, path or title; list them with: kg query "
                '"SELECT ?id ?title WHERE { ?a dcterms:identifier ?id . OPTIONAL { ?a dcterms:title ?title } }"'
            )
        chosen.extend(h for h in sorted(hits) if h not in chosen)
    return chosen


def remove_articles(store: Store, refs: Sequence[str]) -> RemovalReport:
    """Drop the named articles and the entities only they used, in one all-or-nothing write."""
    ids = find_articles(store, refs)
    graphs = [URIRef(str(ARTICLE) + i) for i in ids]
    drop = orphan_quads(store, graphs)
    store.write([], drop_graphs=graphs, drop_quads=drop)
    return RemovalReport(articles=len(ids), entities=len({q.subject for q in drop}))
