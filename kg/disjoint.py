"""Disjoint sets (union–find), for merging names into entities.

The smaller item of two joined sets becomes the root, so the result does not depend on
the order of the unions.

>>> sets = DisjointSets(["b", "a", "c"])
>>> sets.union("b", "c"); sets.union("c", "a")
>>> sets.find("b")
'a'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T", int, str)


class DisjointSets(Generic[T]):
    """Sets of items that only ever merge; each set is named by its smallest item."""

    def __init__(self, items: Iterable[T]) -> None:
        self.parent: dict[T, T] = {item: item for item in items}

    def find(self, item: T) -> T:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = (ra, rb) if ra < rb else (rb, ra)
            self.parent[high] = low
