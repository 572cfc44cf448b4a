"""Project the RDF graph onto a networkx graph of actors and what they say about each other.

Nodes are entities (IRI as node id). Edges come from statement nodes whose subject and
object are both entities, so claims are visible with their status; statements of the same
subject, predicate, object and status are merged into one edge with a list of evidence.
The entity descriptions ``kg:participant`` and ``kg:affiliatedWith`` become edges with
status ``"structural"``, so a situation ("the rift") is tied to its participants.

Reading the RDF lives in :mod:`kg.graph_read`, GraphML flattening in :mod:`kg.graphml`;
both are re-exported here so ``from kg.graph import project, flatten`` keeps working.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx
import rdflib

from kg.errors import KgError
from kg.graph_read import STATUSES as STATUSES
from kg.graph_read import Evidence as Evidence
from kg.graph_read import Row as Row
from kg.graph_read import humanize, read_entities, read_evidence, read_predicate_labels, read_structural
from kg.graph_read import local_name as local_name
from kg.graphml import flatten as flatten

STRUCTURAL = "structural"
"""Status of edges drawn from entity descriptions rather than statement nodes."""


def _evidence_order(evidence: Evidence) -> tuple[str, str, str, int, str]:
    return (
        evidence["date"],
        evidence["title"],
        evidence["article"],
        evidence["start"] if evidence["start"] is not None else -1,
        evidence["statement"],
    )


def _add_statement_edges(
    g: nx.MultiDiGraph,
    evidence: Mapping[str, tuple[str, str, str, Evidence]],
    predicate_labels: Mapping[str, str],
    *,
    include_claims: bool,
) -> None:
    merged: dict[tuple[str, str, str, str], list[Evidence]] = defaultdict(list)
    for subject, predicate, obj, item in evidence.values():
        if include_claims or item["status"] == "asserted":
            merged[(subject, obj, predicate, item["status"])].append(item)
    for (subject, obj, predicate, status), items in sorted(merged.items()):
        items.sort(key=_evidence_order)
        confidences = [item["confidence"] for item in items if item["confidence"] is not None]
        _add_edge(
            g,
            subject,
            obj,
            predicate,
            status,
            predicate_labels,
            evidence=items,
            confidence=max(confidences) if confidences else None,
        )


def _add_structural_edges(g: nx.MultiDiGraph, ds: rdflib.Dataset, predicate_labels: Mapping[str, str]) -> None:
    for subject, predicate, obj in read_structural(ds):
        if subject in g and obj in g and subject != obj:
            _add_edge(g, subject, obj, predicate, STRUCTURAL, predicate_labels, evidence=[], confidence=None)


EVIDENCE_FIELDS = ("surface", "sentence", "title", "date", "source", "source_chain")


def _add_edge(
    g: nx.MultiDiGraph,
    subject: str,
    obj: str,
    predicate: str,
    status: str,
    predicate_labels: Mapping[str, str],
    *,
    evidence: list[Evidence],
    confidence: float | None,
) -> None:
    """One edge per (subject, predicate, status, object); the first evidence speaks for it."""
    head: Mapping[str, Any] = evidence[0] if evidence else {}
    g.add_edge(
        subject,
        obj,
        key=f"{predicate} {status}",
        predicate=predicate,
        label=predicate_labels.get(predicate) or humanize(local_name(predicate)),
        status=status,
        **{name: head.get(name, "") for name in EVIDENCE_FIELDS},
        confidence=confidence,
        count=len(evidence),
        evidence=evidence,
    )


def _resolve_focus(g: nx.MultiDiGraph, focus: str) -> set[str]:
    """The node `focus` names (kg.lookup: key, IRI, label or alias); near names suggested."""
    from kg.lookup import Candidate, key_of, lookup

    if focus in g:
        return {focus}
    pool = [Candidate(key_of(iri), d["label"], d["type"], tuple(d["aliases"])) for iri, d in g.nodes(data=True)]
    return {lookup(pool, focus).iri}


def _neighbourhood(g: nx.MultiDiGraph, seeds: set[str], depth: int) -> set[str]:
    kept = set(seeds)
    frontier = set(seeds)
    for _ in range(depth):
        reached = {n for node in frontier for n in (*g.successors(node), *g.predecessors(node))}
        frontier = reached - kept
        if not frontier:
            break
        kept |= frontier
    return kept


def _top_by_degree(g: nx.MultiDiGraph, limit: int, keep: set[str]) -> set[str]:
    def rank(node: str) -> tuple[int, int, str, str]:
        return (0 if node in keep else 1, -int(g.degree(node)), g.nodes[node]["label"].casefold(), node)

    return set(sorted(g.nodes, key=rank)[:limit])


def project(
    ds: rdflib.Dataset,
    *,
    focus: str | None = None,
    depth: int = 1,
    limit: int | None = None,
    include_claims: bool = True,
    isolated: bool = False,
) -> nx.MultiDiGraph:
    """The actor graph: entities as nodes, entity-to-entity statements as edges.

    ``focus`` is an entity IRI, label or alias (case-insensitive); only nodes within
    ``depth`` hops of it (in either direction) are kept. ``limit`` keeps the ``limit``
    nodes of highest degree (the focus always among them). ``include_claims=False``
    keeps only statements the articles assert in their own voice. Entities with no edge
    at all are left out unless ``isolated`` is true.

    Node attributes: ``label``, ``type`` (class local name, "Person"), ``aliases``,
    ``roles``. Edge attributes: ``predicate`` (IRI), ``label``, ``status``
    ("asserted", "attributed", "hedgedClaim", "negatedClaim", "deniedClaim" or
    "structural"), ``surface``, ``sentence``, ``title``, ``date``, ``source``,
    ``source_chain``, ``confidence`` and ``count`` of the first (earliest) piece of
    evidence, and ``evidence``: the list of every statement merged into the edge.
    Edge keys are ``"<predicate IRI> <status>"``.
    """
    if depth < 0:
        raise KgError(f"depth must be 0 or more, not {depth}")
    if limit is not None and limit < 1:
        raise KgError(f"limit must be 1 or more, not {limit}")
    entities = read_entities(ds)
    g = nx.MultiDiGraph()
    for iri, attrs in entities.items():
        g.add_node(iri, **attrs)
    predicate_labels = read_predicate_labels(ds)
    evidence = read_evidence(ds, entities)
    _add_statement_edges(g, evidence, predicate_labels, include_claims=include_claims)
    _add_structural_edges(g, ds, predicate_labels)

    seeds: set[str] = set()
    if focus is not None:
        seeds = _resolve_focus(g, focus)
        g = _restrict(g, _neighbourhood(g, seeds, depth))
    if not isolated:
        g = _restrict(g, {n for n in g if g.degree(n) > 0} | seeds)
    if limit is not None and g.number_of_nodes() > limit:
        g = _restrict(g, _top_by_degree(g, limit, seeds))
    return g


def _restrict(g: nx.MultiDiGraph, nodes: set[str]) -> nx.MultiDiGraph:
    """A copy of ``g`` induced on ``nodes``, nodes and edges in the same order as in ``g``."""
    kept = nx.MultiDiGraph()
    kept.add_nodes_from((n, data) for n, data in g.nodes(data=True) if n in nodes)
    kept.add_edges_from((s, o, k, data) for s, o, k, data in g.edges(keys=True, data=True) if s in nodes and o in nodes)
    return kept
