"""Flatten the actor graph for GraphML, whose attributes must be str, int, float or bool."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import networkx as nx


def flatten(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes are all str, int, float or bool, as GraphML needs.

    Lists of strings (aliases, roles) become "; "-joined text, the evidence list becomes
    JSON, and unset values are left out.
    """
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _flat_attrs(data)) for n, data in g.nodes(data=True))
    flat.add_edges_from((s, o, k, _flat_attrs(data)) for s, o, k, data in g.edges(keys=True, data=True))
    return flat


def _flat_attrs(data: Mapping[str, Any]) -> dict[str, str | int | float | bool]:
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, str | int | float | bool):
            out[key] = value
        elif isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
            out[key] = "; ".join(value)
        else:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return out
