"""What the page shows: the actor graph, who matters most, communities, and laid-out views.

Input is the projection of :func:`kg.graph.project` (every entity, every statement edge
with its evidence). Output is plain data for :mod:`kg.render`:

- **nodes**: every entity that takes part in a statement with an entity, actors and
  situations first-class, concepts only as the far end of an actor's relation (listed in
  its panel, drawn on demand);
- **importance** of a node: its independent sources, then its statements. A statement's
  source is whom the article attributes it to (the first link of its attribution chain),
  or, said in the article's own voice, the article's source (outlet URL or file), so ten
  articles retelling one Bloomberg report count as one source;
- **communities**: Louvain (networkx, fixed seed) over the actor-to-actor edges;
- **levels**: the most important N actors for a ladder of N (25, 50, 100 ...), each laid
  out in Python (:mod:`kg.layout`) with only the nodes that have an edge in that view.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from kg import models
from kg.layout import layout

LEVELS: tuple[int, ...] = (25, 50, 100, 200, 400, 800, 1600)
"""Sizes of the overviews the page can switch between; the largest bounds what is drawn."""

DEFAULT_TOP = 100


def is_concept(kind: str) -> bool:
    """Concepts (and creative works) are the only non-actor nodes; any other type (also one added later) is drawn."""
    return kind in (models.CONCEPT, models.CREATIVE_WORK)


def outlet(source: str) -> str:
    """The outlet of an article's dcterms:source: the host of a URL, else the text itself.

    >>> outlet("https://www.bbc.co.uk/news/x"), outlet("rift.txt")
    ('bbc.co.uk', 'rift.txt')
    """
    if "://" in source:
        host = urlsplit(source).hostname or source
        return host.removeprefix("www.")
    return source


def speaker(evidence: Mapping[str, Any]) -> str:
    """Whom the article attributes the statement to ('' when it speaks in its own voice)."""
    chain = str(evidence.get("source_chain") or "")
    return chain.split(" > ", 1)[0].strip()


def source_key(evidence: Mapping[str, Any]) -> str:
    """What makes two pieces of evidence independent: different speakers or outlets."""
    said_by = speaker(evidence)
    if said_by:
        return "speaker:" + said_by.casefold()
    article_source = str(evidence.get("source") or "")
    return "outlet:" + (outlet(article_source).casefold() if article_source else str(evidence.get("article") or ""))


@dataclass
class Overview:
    """The page's graph: node and edge order, importance, communities and laid-out levels."""

    nodes: list[str]
    edges: list[tuple[str, str, str]]  # (subject, object, key) into the projected graph
    sources: dict[str, int]
    statements: dict[str, int]
    rank: dict[str, int]
    community: dict[str, int]
    connected: int  # actors and situations with an edge to another one
    edge_sources: dict[tuple[str, str, str], int] = field(default_factory=dict)
    concept_total: dict[str, int] = field(default_factory=dict)  # before the cap of CONCEPT_EDGES
    levels: list[tuple[int, list[str], dict[str, tuple[float, float]]]] = field(default_factory=list)


def _edge_sources(data: Mapping[str, Any]) -> set[str]:
    return {source_key(item) for item in data.get("evidence") or []}


def overview(g: nx.MultiDiGraph, *, top: int = DEFAULT_TOP) -> Overview:
    """Rank, group and lay out ``g``; the default view holds the ``top`` most important actors."""
    kinds = {n: str(g.nodes[n].get("type") or "Other") for n in g.nodes}
    edges = sorted(
        ((s, o, k) for s, o, k in g.edges(keys=True) if not (is_concept(kinds[s]) and is_concept(kinds[o]))),
        key=lambda e: (str(e[0]), str(e[1]), str(e[2])),
    )
    edges, concept_total = _cap_concepts(g, edges, kinds)
    keys: dict[str, set[str]] = defaultdict(set)
    said: dict[str, set[str]] = defaultdict(set)
    weights: Counter[tuple[str, str]] = Counter()
    edge_sources = {}
    for s, o, k in edges:
        data = g.edges[s, o, k]
        found = _edge_sources(data)
        edge_sources[(s, o, k)] = len(found)
        ids = {str(item.get("statement")) for item in data.get("evidence") or []}
        for node in (s, o):
            keys[node] |= found
            said[node] |= ids
        if s != o and not is_concept(kinds[s]) and not is_concept(kinds[o]):
            weights[(min(s, o), max(s, o))] += len(found) or 1
    nodes = sorted({n for s, o, _ in edges for n in (s, o)} | {n for n in g.nodes if not is_concept(kinds[n])})
    sources = {n: len(keys[n]) for n in nodes}
    statements = {n: len(said[n]) for n in nodes}

    def importance(node: str) -> tuple[int, int, int, str, str]:
        label = str(g.nodes[node].get("label") or node)
        return (is_concept(kinds[node]), -sources[node], -statements[node], label.casefold(), node)

    ordered = sorted(nodes, key=importance)
    rank = {node: i for i, node in enumerate(ordered)}
    actor_graph = nx.Graph()
    actor_graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    community = _communities(actor_graph)
    candidates = [n for n in ordered if n in actor_graph]
    result = Overview(nodes, edges, sources, statements, rank, community, len(candidates), edge_sources, concept_total)
    for size in _steps(len(candidates), top):
        view = set(candidates[:size])
        sub = actor_graph.subgraph(view)
        drawn = sorted((n for n in view if sub.degree(n) > 0), key=rank.__getitem__)
        links = [(a, b, 1.0 + math.log2(float(w))) for a, b, w in sorted(sub.edges(data="weight"))]
        widths = {n: label_width(str(g.nodes[n].get("label") or n), i) for i, n in enumerate(drawn[:LABELLED])}
        result.levels.append((size, drawn, layout(drawn, links, widths)))
    return result


LABEL_CHARS = 30
"""Labels drawn on the canvas are cut to this many characters (the panel shows them whole)."""


LABELLED = 45
"""The page labels this many actors of a view at the zoom it opens at (the rest as one zooms in)."""


def label_width(label: str, rank: int) -> float:
    """Width in pixels of the label of a view's ``rank``-th actor, as the page first draws it."""
    return (9.8 if rank < 12 else 7.5) * min(len(label), LABEL_CHARS + 1)


CONCEPT_EDGES = 20
"""At most this many relations of one actor with concepts go into the page (most evidence first)."""


def _cap_concepts(
    g: nx.MultiDiGraph, edges: list[tuple[str, str, str]], kinds: Mapping[str, str]
) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """Keep every actor-to-actor edge and each actor's CONCEPT_EDGES best-supported concept edges.

    Also returns how many concept edges each actor had before the cut."""
    by_actor: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for edge in edges:
        s, o, _ = edge
        if is_concept(kinds[s]) != is_concept(kinds[o]):
            by_actor[o if is_concept(kinds[s]) else s].append(edge)
    kept = set()
    for actor_edges in by_actor.values():
        actor_edges.sort(key=lambda e: (-len(g.edges[e].get("evidence") or []), str(e)))
        kept.update(actor_edges[:CONCEPT_EDGES])
    kept_edges = [e for e in edges if e in kept or not (is_concept(kinds[e[0]]) or is_concept(kinds[e[1]]))]
    return kept_edges, {actor: len(found) for actor, found in sorted(by_actor.items())}


def _steps(candidates: int, top: int) -> list[int]:
    steps = sorted({n for n in LEVELS if n < candidates} | {min(max(top, 1), candidates, LEVELS[-1])})
    if candidates <= LEVELS[-1]:
        steps.append(candidates)
    return sorted({n for n in steps if n > 0})


def _communities(g: nx.Graph) -> dict[str, int]:
    """Node -> community number, 0 for the largest; Louvain with a fixed seed."""
    if g.number_of_edges() == 0:
        return {}
    groups = nx.community.louvain_communities(g, weight="weight", seed=1)
    ordered = sorted((sorted(group) for group in groups), key=lambda group: (-len(group), group[0]))
    return {node: number for number, group in enumerate(ordered) for node in group}


def find_node(g: nx.MultiDiGraph, nodes: Sequence[str], name: str) -> str | None:
    """The node whose key, IRI, label or alias is ``name`` (kg.lookup: case, accents ignored), most important first."""
    from kg.lookup import Candidate, key_of, matches

    if name in g:
        return name
    pool = [
        Candidate(key_of(n), str(d.get("label", "")), str(d.get("type", "")), tuple(d.get("aliases") or ()))
        for n, d in ((n, g.nodes[n]) for n in nodes)
    ]
    found = {c.key for c in matches(pool, name)}
    return next((n for n in nodes if key_of(n) in found), None)
