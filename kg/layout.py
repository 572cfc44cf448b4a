"""Positions for the page's nodes, computed once in Python so the browser draws at once.

igraph's Fruchterman-Reingold (C, maintained) lays out each connected component; the
components are then packed in rows, largest first, so a view of many small groups reads
as a tidy sheet instead of a ball ringed by stray pairs. Measured against the other
maintained layouts on the actor graph of 100 BBC articles (507 nodes, 378 edges, 100
iterations each, same run; see ``benchmarks/page.py --layouts``): igraph 0.26 s,
rustworkx ``spring_layout`` 0.60 s, ``fa2_modified`` 0.97 s, networkx
``forceatlas2_layout`` 4.6 s (load average 15 on 2 cores, so all four about 4x slow).

Same nodes and edges, same positions: the start is a fixed circle, not a random draw.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence

import igraph as ig
import numpy as np

EDGE_LENGTH = 150.0
"""Mean edge length in page units (a node label is about 14 units high)."""

_GAP = 50.0  # between packed components
_SPREAD_MAX = 300  # nodes whose labels are kept apart
_KK_MAX = 400  # components up to this size are laid out by Kamada-Kawai
VIEW = (900.0, 640.0)
"""The canvas the page opens with on a 1280x800 screen, in pixels: labels are sized for it."""


def _start(n: int, radius: float) -> list[list[float]]:
    return [[radius * math.cos(2 * math.pi * i / n), radius * math.sin(2 * math.pi * i / n)] for i in range(n)]


def _component(sub: ig.Graph, weights: list[float]) -> list[tuple[float, float]]:
    """One connected component, scaled so that its mean edge length is EDGE_LENGTH."""
    n = sub.vcount()
    if n == 1:
        return [(0.0, 0.0)]
    if n == 2:
        return [(-EDGE_LENGTH / 2, 0.0), (EDGE_LENGTH / 2, 0.0)]
    if n <= _KK_MAX:
        # Kamada-Kawai spreads a hub's neighbours evenly; Fruchterman-Reingold clumps them
        coords = sub.layout_kamada_kawai(seed=_start(n, math.sqrt(n)), maxiter=50 * n).coords
    else:
        iterations = 300 if n < 2000 else 150
        coords = sub.layout_fruchterman_reingold(
            weights=weights, niter=iterations, seed=_start(n, math.sqrt(n)), grid="nogrid" if n < 1000 else "grid"
        ).coords
    lengths = [math.dist(coords[e.source], coords[e.target]) for e in sub.es]
    mean = sum(lengths) / len(lengths) if lengths else 1.0
    factor = EDGE_LENGTH / mean if mean > 0 else 1.0
    return [(x * factor, y * factor) for x, y in coords]


def _pack(parts: list[list[tuple[float, float]]], widths: list[list[float]]) -> list[list[tuple[float, float]]]:
    """Shelf-pack the components (given largest first) into rows about as wide as they are tall.

    A component's box holds its nodes' labels too (``widths``: each label's width, centred
    under its node), so labels of neighbouring components do not run into each other.
    """
    boxes = []
    for coords, sizes in zip(parts, widths, strict=True):
        left = min(x - w / 2 for (x, _), w in zip(coords, sizes, strict=True))
        right = max(x + w / 2 for (x, _), w in zip(coords, sizes, strict=True))
        ys = [y for _, y in coords]
        boxes.append((left, min(ys), right - left + _GAP, max(ys) - min(ys) + _GAP + 20))
    area = sum(w * h for _, _, w, h in boxes)
    width = max(max((w for _, _, w, _ in boxes), default=0.0), 1.3 * math.sqrt(area))
    placed: list[list[tuple[float, float]]] = []
    x = y = row_height = 0.0
    for coords, (x0, y0, w, h) in zip(parts, boxes, strict=True):
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed.append([(px - x0 + x, py - y0 + y) for px, py in coords])
        x += w
        row_height = max(row_height, h)
    xs = [px for coords in placed for px, _ in coords]
    ys = [py for coords in placed for _, py in coords]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return [[(px - cx, py - cy) for px, py in coords] for coords in placed]


def layout(
    nodes: Sequence[str], edges: Iterable[tuple[str, str, float]], widths: Mapping[str, float] | None = None
) -> dict[str, tuple[float, float]]:
    """Node -> (x, y), y downwards as on a canvas; edges are (a, b, weight), weight > 0.

    ``widths`` are the widths in pixels of the labels drawn at the opening zoom (default:
    none); give ``nodes`` most important first, as the first ones are kept apart best.

    >>> pos = layout(["a", "b", "c"], [("a", "b", 1.0)])
    >>> round(abs(pos["a"][0] - pos["b"][0]))
    150
    """
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs: dict[tuple[int, int], float] = {}
    for a, b, weight in edges:
        i, j = sorted((index[a], index[b]))
        if i != j:
            pairs[(i, j)] = pairs.get((i, j), 0.0) + weight
    graph = ig.Graph(n=len(nodes), edges=sorted(pairs))
    graph.es["weight"] = [pairs[pair] for pair in sorted(pairs)]
    # igraph draws from Python's random module; a private, seeded generator keeps the
    # layout the same on every run without touching anyone else's random state.
    ig.set_random_number_generator(random.Random(len(nodes)))
    try:
        members, parts = _components(graph)
    finally:
        ig.set_random_number_generator(random)
    sizes = [[(widths or {}).get(nodes[i], 0.0) for i in component] for component in members]
    xy = np.zeros((len(nodes), 2))
    for component, coords in zip(members, _pack(parts, sizes), strict=True):
        xy[component] = coords
    # only the first nodes (callers give them most important first) are pushed apart: the
    # ones labelled at the opening zoom, and their nearest rivals; the rest are dots
    head = min(len(nodes), _SPREAD_MAX)
    span = np.maximum(xy.max(axis=0) - xy.min(axis=0), 1.0)
    xy[:head] = _spread(xy[:head], np.array([(widths or {}).get(node, 0.0) for node in nodes[:head]]), span)
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, xy, strict=True)}


def _spread(xy: np.ndarray, label_px: np.ndarray, span: np.ndarray, rounds: int = 40) -> np.ndarray:
    """Push apart nodes whose labels would overlap at the zoom the page opens at.

    Each node is a box: its dot, plus its label (``label_px`` wide, 0 for a node whose
    label is not drawn at that zoom). Boxes are sized for the scale at which the whole
    layout (``span`` wide and high) fits VIEW; overlapping pairs move apart along the axis that frees them soonest.
    """
    n = len(xy)
    if n < 2:
        return xy
    xy = xy.copy()
    scale = min(VIEW[0] / span[0], VIEW[1] / span[1], 1.5)
    half_w = np.maximum(label_px / 2 + 4, 12.0) / scale
    half_h = np.where(label_px > 0, 17.0, 12.0) / scale
    for _ in range(rounds):
        dx = xy[:, None, 0] - xy[None, :, 0]
        dy = xy[:, None, 1] - xy[None, :, 1]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        over_y = half_h[:, None] + half_h[None, :] - np.abs(dy)
        hit = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = hit & (over_x <= over_y)
        along_y = hit & ~along_x
        # ties (same x or y) are broken by index, so two nodes in one spot still part
        side_x = np.where(dx == 0, np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]), np.sign(dx))
        side_y = np.where(dy == 0, np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]), np.sign(dy))
        xy[:, 0] += (np.where(along_x, over_x * side_x, 0.0) / 2).sum(axis=1) * 0.5
        xy[:, 1] += (np.where(along_y, over_y * side_y, 0.0) / 2).sum(axis=1) * 0.5
    return xy


def _components(graph: ig.Graph) -> tuple[list[list[int]], list[list[tuple[float, float]]]]:
    members = sorted((sorted(c) for c in graph.connected_components()), key=lambda c: (-len(c), c[0]))
    parts = []
    for component in members:
        sub = graph.induced_subgraph(component, implementation="create_from_scratch")
        parts.append(_component(sub, [float(w) for w in sub.es["weight"]]) if sub.ecount() else [(0.0, 0.0)])
    return members, parts
