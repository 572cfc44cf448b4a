"""Render the actor graph as one self-contained, offline HTML page (vis-network).

Everything the page needs is inline: the vis-network script and stylesheet shipped
inside pyvis, our template, and the graph as JSON in a ``<script type="application/json">``
block. Article text never enters the page as HTML: the JSON escapes ``<``, ``>`` and
``&``, and the page's script shows text with ``textContent`` only.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from kg import models
from kg.errors import OutputError

VIS_VERSION = "9.1.2"

TYPE_COLORS: dict[str, str] = {
    models.PERSON: "#4e79a7",
    models.ORGANIZATION: "#f28e2b",
    models.GOVERNMENT_BODY: "#e15759",
    models.MILITARY: "#59a14f",
    models.COMPANY: "#b07aa1",
    models.MEDIA_OUTLET: "#edc948",
    models.COUNTRY: "#76b7b2",
    models.PLACE: "#9c755f",
    models.EVENT: "#ff9da7",
    models.ANONYMOUS_SOURCE: "#bab0ac",
    models.GROUP: "#d37295",
    models.CONCEPT: "#a0cbe8",
    models.SITUATION: "#ffbe7d",
}
OTHER_COLOR = "#cccccc"


# status -> (legend label, what it means, colour, vis dash pattern or False, CSS border style, width)
STATUS_STYLES: dict[str, tuple[str, str, str, list[int] | bool, str, float]] = {
    "asserted": ("asserted", "the article says it in its own voice", "#4a4a4a", False, "solid", 2.0),
    "attributed": (
        "attributed",
        "the article reports that a source says it",
        "#3a6ea5",
        [8, 5],
        "dashed",
        2.0,
    ),
    "hedgedClaim": ("hedged", "said with 'may', 'reportedly', 'likely'", "#c7871c", [8, 5], "dashed", 2.0),
    "negatedClaim": ("negated", "said not to be the case", "#c0392b", [2, 4], "dotted", 2.0),
    "deniedClaim": ("denied", "denied by someone", "#c0392b", [10, 4, 2, 4], "dashed", 2.0),
    "structural": ("participant / affiliation", "from entity descriptions", "#b5b5b5", False, "solid", 1.0),
}
OTHER_STATUS = ("other", "", "#888888", [4, 4], "dashed", 1.5)

_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_LARGE = 1000  # nodes or edges above which the page trades looks for speed


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


def _node_size(degree: int) -> float:
    return round(min(8.0 + 4.0 * math.sqrt(degree), 48.0), 2)


def _font_size(degree: int) -> int:
    """Hubs get larger labels, so their names stay readable when the whole graph is in view."""
    return min(14 + round(4 * math.sqrt(degree)), 40)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _strings(values: object) -> list[str]:
    if isinstance(values, str):
        return [values]
    if isinstance(values, list | tuple | set | frozenset):
        return sorted(str(v) for v in values)
    return []


def _evidence(data: dict[str, Any]) -> list[dict[str, Any]]:
    items = data.get("evidence")
    if not isinstance(items, list) or not items:
        if not data.get("sentence"):
            return []
        items = [data]
    keys = ("surface", "title", "date", "source", "source_chain", "article", "status")
    out = []
    for item in items:
        entry: dict[str, Any] = {key: _text(item.get(key)) for key in keys}
        entry["sentence"] = _text(item.get("sentence")).strip()
        confidence = item.get("confidence")
        entry["confidence"] = round(float(confidence), 3) if isinstance(confidence, int | float) else None
        out.append(entry)
    return out


def _options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    large = n_nodes > _LARGE or n_edges > _LARGE
    iterations = 400 if n_nodes <= 100 else 200 if n_nodes <= _LARGE else 50
    return {
        "autoResize": True,
        "layout": {"randomSeed": 1, "improvedLayout": n_nodes <= 150},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.3,
                "springLength": 200,
                "springConstant": 0.03,
                "damping": 0.2,
                "avoidOverlap": 0.5,
            },
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {
                "size": 10,
                "face": "sans-serif",
                "align": "middle",
                "color": "#333333",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
    }


def graph_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The page's data: vis nodes and edges, their details, the legend and vis options.

    Nodes are numbered in IRI order and edges in (subject, object, key) order, so the
    same graph always gives the same data.
    """
    order = sorted(g.nodes, key=str)
    index = {node: i for i, node in enumerate(order)}
    degree = dict(g.degree())
    nodes = []
    type_counts: Counter[str] = Counter()
    for node in order:
        attrs = g.nodes[node]
        kind = _text(attrs.get("type")) or "Other"
        type_counts[kind] += 1
        nodes.append(
            {
                "id": index[node],
                "iri": str(node),
                "label": _text(attrs.get("label")) or str(node),
                "type": kind,
                "aliases": _strings(attrs.get("aliases")),
                "roles": _strings(attrs.get("roles")),
                "degree": int(degree.get(node, 0)),
                "size": _node_size(int(degree.get(node, 0))),
                "fontSize": _font_size(int(degree.get(node, 0))),
                "color": TYPE_COLORS.get(kind, OTHER_COLOR),
            }
        )

    edges = []
    status_counts: Counter[str] = Counter()
    triples = sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    pairs = Counter(frozenset((index[s], index[o])) for s, o, _k, _d in triples)
    seen: Counter[frozenset[int]] = Counter()
    for number, (subject, obj, _key, data) in enumerate(triples):
        status = _text(data.get("status")) or "asserted"
        status_counts[status] += 1
        label, _meaning, color, dashes, _css, width = STATUS_STYLES.get(status, OTHER_STATUS)
        evidence = _evidence(data)
        edge: dict[str, Any] = {
            "id": number,
            "from": index[subject],
            "to": index[obj],
            "label": _text(data.get("label")),
            "predicate": _text(data.get("predicate")),
            "status": status,
            "statusLabel": label,
            "color": color,
            "dashes": dashes,
            "width": round(width + min(math.log2(max(len(evidence), 1)), 3.0), 2),
            "evidence": evidence,
        }
        pair = frozenset((index[subject], index[obj]))
        if pairs[pair] > 1:  # parallel edges bend away from each other, alternately left and right
            nth = seen[pair]
            seen[pair] += 1
            side = "curvedCW" if (nth % 2 == 0) == (index[subject] <= index[obj]) else "curvedCCW"
            edge["smooth"] = {"enabled": True, "type": side, "roundness": round(0.25 * (nth // 2 + 1), 2)}
        edges.append(edge)

    types = [
        {"name": name, "color": color, "count": type_counts[name]}
        for name, color in (*TYPE_COLORS.items(), ("Other", OTHER_COLOR))
        if type_counts[name]
    ]
    types += [
        {"name": name, "color": OTHER_COLOR, "count": count}
        for name, count in sorted(type_counts.items())
        if name not in TYPE_COLORS and name != "Other"
    ]
    styles = [(name, style) for name, style in STATUS_STYLES.items()]
    styles += [(name, (name, *OTHER_STATUS[1:])) for name in sorted(set(status_counts) - set(STATUS_STYLES))]
    statuses = [
        {
            "name": name,
            "label": label,
            "meaning": meaning,
            "color": color,
            "dashes": dashes,
            "css": css,
            "width": width,
            "count": status_counts[name],
        }
        for name, (label, meaning, color, dashes, css, width) in styles
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "types": types,
        "statuses": statuses,
        "options": _options(len(nodes), len(edges)),
    }


def render_html(g: nx.MultiDiGraph, *, title: str = "kg graph") -> str:
    """A complete HTML page drawing ``g``, with every script and style inline.

    Node colour shows the entity type, node size the degree; edge style shows the
    statement's status; hovering or clicking shows aliases, roles, sentences and
    sources. Same graph and title, same bytes.
    """
    template = _asset("kg", "templates", "graph.html")
    values = {
        "TITLE": html.escape(title, quote=True),
        "VIS_CSS": _inline_style(_asset("pyvis", "lib", f"vis-{VIS_VERSION}", "vis-network.css")),
        "VIS_JS": _inline_script(_asset("pyvis", "lib", f"vis-{VIS_VERSION}", "vis-network.min.js")),
        "DATA": _json_for_script(graph_data(g)),
    }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)
