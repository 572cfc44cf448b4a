"""Render the actor graph as one self-contained, offline HTML page (vis-network).

Everything the page needs is inline: the vis-network script and stylesheet shipped
inside pyvis, our template, and the graph as JSON in a ``<script type="application/json">``
block. Article text never enters the page as HTML: the JSON escapes ``<``, ``>`` and
``&``, and the page's script shows text with ``textContent`` only.

What is drawn, ranked and laid out is decided in :mod:`kg.overview`; the browser only
switches between views laid out here, and lays out a focus view (rings around one actor).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from kg import models
from kg.counts import Counts, Selectable, store_counts
from kg.errors import KgError, OutputError
from kg.overview import DEFAULT_TOP, find_node, overview
from kg.page_evidence import EVIDENCE_FIELDS, Tables, as_strings, as_text, evidence_rows
from kg.vocab import ENTITY

VIS_VERSION = "9.1.2"

TYPE_COLORS: dict[str, str] = {
    models.PERSON: "#4e79a7",
    models.ORGANIZATION: "#f28e2b",
    models.GOVERNMENT_BODY: "#e15759",
    models.MILITARY: "#59a14f",
    models.COMPANY: "#b07aa1",
    models.MEDIA_OUTLET: "#edc948",
    models.SPORTS_TEAM: "#3f9e7a",
    models.COUNTRY: "#76b7b2",
    models.PLACE: "#9c755f",
    models.EVENT: "#ff9da7",
    models.ANONYMOUS_SOURCE: "#bab0ac",
    models.GROUP: "#d37295",
    models.CREATIVE_WORK: "#a0cbe8",
    models.CONCEPT: "#c6dbef",
    models.SITUATION: "#ffbe7d",
}
EXTRA_COLORS = ("#8cd17d", "#499894", "#f1ce63", "#86bcb6", "#d4a6c8", "#fabfd2", "#79706e", "#b6992d")
"""For entity types this module does not know yet (in the order of their names)."""

COMMUNITY_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#aec7e8", "#ffbb78",
)  # fmt: skip

# status -> (legend label, what it means, colour, vis dash pattern or False, width)
STATUS_STYLES: dict[str, tuple[str, str, str, list[int] | bool, float]] = {
    "asserted": ("asserted", "the article says it in its own voice", "#444444", False, 2.0),
    "attributed": ("attributed", "the article reports that a source says it", "#2f6db5", [10, 6], 2.0),
    "hedgedClaim": ("hedged", "said with 'may', 'reportedly', 'likely'", "rgba(199,135,28,0.75)", [2, 5], 2.0),
    "negatedClaim": ("negated", "said not to be the case", "#c0392b", [12, 4, 2, 4], 2.0),
    "deniedClaim": ("denied", "denied by someone", "#7d3c98", [18, 7], 2.0),
    "structural": ("participant / affiliation", "from entity descriptions", "#b5b5b5", False, 1.0),
}
OTHER_STATUS = ("other", "", "#888888", [4, 4], 1.5)

_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


@cache
def _asset(package: str, *parts: str) -> str:
    try:
        return resources.files(package).joinpath(*parts).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as exc:
        where = "/".join((package, *parts))
        raise OutputError(f"cannot read {where} for the HTML page: {exc}; reinstall kg and pyvis") from exc


def _inline_script(text: str) -> str:
    """Make script text safe to place between <script> tags."""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def _inline_style(text: str) -> str:
    return re.sub(r"</(style)", r"<\\/\1", text, flags=re.IGNORECASE)


def _json_for_script(data: object) -> str:
    """JSON that cannot end its <script> block or open markup: <, > and & are \\u escapes."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _type_colors(kinds: set[str]) -> dict[str, str]:
    colors = dict(TYPE_COLORS)
    for i, kind in enumerate(sorted(kinds - set(TYPE_COLORS))):
        colors[kind] = EXTRA_COLORS[i % len(EXTRA_COLORS)]
    return colors


def _options(large: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"randomSeed": 1, "improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "multiselect": False},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "scaling": {"label": {"enabled": False, "drawThreshold": 7}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 0, "face": "sans-serif", "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
    }


def graph_data(
    g: nx.MultiDiGraph,
    *,
    top: int = DEFAULT_TOP,
    focus: str | None = None,
    depth: int = 1,
    concepts: bool = False,
    counts: Counts | None = None,
) -> dict[str, Any]:
    """The page's data: nodes, edges with their evidence, laid-out overviews, legend, options.

    Same graph and options, same data: nodes are numbered in IRI order, edges in
    (subject, object, key) order.
    """
    if not 1 <= depth <= 3:
        raise KgError(f"depth must be 1, 2 or 3, not {depth}")
    if top < 1:
        raise KgError(f"top must be 1 or more, not {top}")
    view = overview(g, top=top)
    index = {node: i for i, node in enumerate(view.nodes)}
    kinds = {node: as_text(g.nodes[node].get("type")) or "Other" for node in view.nodes}
    colors = _type_colors(set(kinds.values()))
    nodes: list[dict[str, Any]] = []
    for node in view.nodes:
        attrs = g.nodes[node]
        community = view.community.get(node, -1)
        nodes.append(
            {
                "id": index[node],
                "iri": str(node).removeprefix(str(ENTITY)),
                "label": as_text(attrs.get("label")) or str(node),
                "type": kinds[node],
                "aliases": as_strings(attrs.get("aliases")),
                "roles": as_strings(attrs.get("roles")),
                "sources": view.sources[node],
                "statements": view.statements[node],
                "rank": view.rank[node],
                "community": community,
                "conceptTotal": view.concept_total.get(node, 0),
            }
        )
    tables = Tables()
    edges: list[dict[str, Any]] = []
    for number, (subject, obj, key) in enumerate(view.edges):
        data = g.edges[subject, obj, key]
        status = as_text(data.get("status")) or "asserted"
        evidence = evidence_rows(data, tables)
        edges.append(
            {
                "id": number,
                "from": index[subject],
                "to": index[obj],
                "label": as_text(data.get("label")),
                "predicate": as_text(data.get("predicate")),
                "status": status,
                "sources": int(data.get("sources") or view.edge_sources.get((subject, obj, key), 0)),
                "ev": evidence,
            }
        )
    levels: list[dict[str, Any]] = [
        {"top": size, "nodes": [index[n] for n in drawn], "x": [pos[n][0] for n in drawn],
         "y": [pos[n][1] for n in drawn]}
        for size, drawn, pos in view.levels
    ]  # fmt: skip
    wanted = min(top, view.connected) if view.connected else 0
    default = next((i for i, level in enumerate(levels) if level["top"] >= wanted), len(levels) - 1)
    focused = None
    if focus is not None:
        found = find_node(g, sorted(view.nodes, key=view.rank.__getitem__), focus)
        if found is None or found not in index:
            from .lookup import Candidate, key_of, not_found

            data = {n: g.nodes[n] for n in view.nodes if n in index}
            pool = [
                Candidate(key_of(n), str(d.get("label", "")), str(d.get("type", "")), tuple(d.get("aliases") or ()))
                for n, d in data.items()
            ]
            raise KgError(not_found(pool, focus))
        focused = {"node": index[found], "depth": depth}
    statuses = _statuses(Counter(edge["status"] for edge in edges))
    return {
        "nodes": nodes,
        "edges": edges,
        "articles": tables.article_rows,
        "sentences": list(tables.sentences),
        "levels": levels,
        "level": default,
        "focus": focused,
        "concepts": concepts,
        "connected": view.connected,
        "counts": None if counts is None else _counts(counts),
        "types": [{"name": name, "color": colors[name]} for name in sorted(set(kinds.values()), key=_type_order)],
        "communityColors": list(COMMUNITY_COLORS),
        "entityPrefix": str(ENTITY),
        "evidenceFields": list(EVIDENCE_FIELDS),
        "statuses": statuses,
        "options": _options(large=max((len(level["nodes"]) for level in levels), default=0) > 400),
    }


def _counts(counts: Counts) -> dict[str, int]:
    return {
        "articles": counts.articles,
        "actors": counts.actors,
        "concepts": counts.concepts,
        "situations": counts.situations,
        "statements": counts.statements,
    }


def _type_order(name: str) -> tuple[int, str]:
    order = list(TYPE_COLORS)
    return (order.index(name) if name in order else len(order), name)


def _statuses(counts: Counter[str]) -> list[dict[str, Any]]:
    styles = list(STATUS_STYLES.items())
    styles += [(name, (name, *OTHER_STATUS[1:])) for name in sorted(set(counts) - set(STATUS_STYLES))]
    return [
        {"name": name, "label": label, "meaning": meaning, "color": color, "dashes": dashes, "width": width}
        for name, (label, meaning, color, dashes, width) in styles
    ]


def render_html(
    g: nx.MultiDiGraph,
    *,
    title: str = "kg graph",
    top: int = DEFAULT_TOP,
    focus: str | None = None,
    depth: int = 1,
    concepts: bool = False,
    counts: Counts | None = None,
) -> str:
    """A complete HTML page drawing ``g``, with every script and style inline.

    Opens on the ``top`` most important actors (or on ``focus`` and its neighbours to
    ``depth`` hops); ``concepts`` also draws the concepts the shown actors relate to;
    ``counts`` (of the whole store) go into the page's header. Same input, same bytes.
    """
    return _page(graph_data(g, top=top, focus=focus, depth=depth, concepts=concepts, counts=counts), title)


def _page(data: dict[str, Any], title: str) -> str:
    template = _asset("kg", "templates", "graph.html")
    values = {
        "TITLE": html.escape(title, quote=True),
        "VIS_CSS": _inline_style(_asset("pyvis", "lib", f"vis-{VIS_VERSION}", "vis-network.css")),
        "VIS_JS": _inline_script(_asset("pyvis", "lib", f"vis-{VIS_VERSION}", "vis-network.min.js")),
        "DATA": _json_for_script(data),
    }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


class _HasDataset(Selectable):
    dataset: Any


def render_store(store: _HasDataset, **options: Any) -> str:
    """The page for everything in ``store`` (a :class:`kg.store.Store`); options of :func:`render_html`.

    The header counts the store as ``kg entities`` and the build summary do (:mod:`kg.counts`).
    """
    return render_store_described(store, **options)[0]


def render_store_described(store: _HasDataset, **options: Any) -> tuple[str, str]:
    """:func:`render_store`, and a line on what the page opens on, for the command line."""
    from kg.graph import project

    title = str(options.pop("title", "kg graph"))
    data = graph_data(project(store.dataset, isolated=True), counts=store_counts(store), **options)
    return _page(data, title), describe(data)


def describe(data: dict[str, Any]) -> str:
    """What a page holds (drawn or reachable by search): '54 actors, 120 concepts, 2 situations, 80 relations'."""
    kinds = Counter(node["type"] for node in data["nodes"])
    concepts, situations = kinds[models.CONCEPT] + kinds[models.CREATIVE_WORK], kinds[models.SITUATION]
    actors = len(data["nodes"]) - concepts - situations

    def plural(n: int, unit: str) -> str:
        return f"{n:,} {unit}{'' if n == 1 else 's'}"

    return ", ".join(
        [plural(actors, "actor"), plural(concepts, "concept"), plural(situations, "situation"),
         plural(len(data["edges"]), "relation")]
    )  # fmt: skip
