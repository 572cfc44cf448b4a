"""One entity per actor across the articles of a build.

Entities with the same key (type and normalised name) are one actor: every article
describes it with the same label, and every name seen becomes an alias.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .models import Entity, Extraction


def resolve(extractions: Sequence[Extraction]) -> list[Extraction]:
    """Give every entity the same label and aliases in every article that names it."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        for e in x.entities:
            labels[e.key][e.label] += len(e.mentions) or 1
            aliases[e.key].update(e.aliases)
            aliases[e.key].add(e.label)
    # most mentioned label first; ties broken by the longer, then alphabetical, name
    chosen = {k: min(c, key=lambda name: (-c[name], -len(name), name)) for k, c in labels.items()}

    def unify(e: Entity) -> Entity:
        label = chosen[e.key]
        return replace(e, label=label, aliases=tuple(sorted(aliases[e.key] - {label})))

    return [replace(x, entities=tuple(unify(e) for e in x.entities)) for x in extractions]
