"""The gazetteers of ontology/: known outlets, countries, demonyms, capitals and user merges.

Also the names and keys they settle: the canonical name a user merge gives a name, and
the readable key an entity's IRI is made from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..vocab import ontology_dir, slug
from .names import fold_name


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known names, by lowercased name: outlets, countries, demonyms, capitals; user merges."""

    outlets: dict[str, str]
    countries: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, tuple[str, str, str]]  # name -> (city label, country, government label)
    merges: dict[tuple[str, str], str]  # (type, folded variant) -> name
    forbidden: frozenset[tuple[str, str, str]]  # (type, folded name, folded name), both orders
    surface: dict[str, tuple[str, str]]  # name as written, spaces removed -> (kind, name)


def _entries(name: str) -> Iterator[str]:
    path = ontology_dir() / name
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.rstrip("\n")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    outlets: dict[str, str] = {}
    surface: dict[str, tuple[str, str]] = {}
    for line in _entries("outlets.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        for name in names:
            outlets[name.lower()] = names[0]
            surface[name.replace(" ", "")] = ("outlet", names[0])
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in _entries("places.txt"):
        names_part, _, demonym_part = line.partition(";")
        names = [n.strip() for n in names_part.split("|") if n.strip()]
        for name in names:
            countries[name.lower()] = names[0]
            surface.setdefault(name.replace(" ", ""), ("country", names[0]))
        for demonym in demonym_part.split(","):
            if demonym.strip():
                demonyms[demonym.strip().lower()] = names[0]
    capitals: dict[str, tuple[str, str, str]] = {}
    for line in _entries("capitals.txt"):
        parts = [p.strip() for p in line.split(";")]
        names = [n.strip() for n in parts[0].split("|") if n.strip()]
        country = parts[1] if len(parts) > 1 else ""
        government = parts[2] if len(parts) > 2 and parts[2] else f"Government of {country}"
        for name in names:
            capitals[name.lower()] = (names[0], country, government)
            surface.setdefault(name.replace(" ", ""), ("capital", names[0]))
    merges: dict[tuple[str, str], str] = {}
    forbidden: set[tuple[str, str, str]] = set()
    for line in _entries("aliases.tsv"):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 4:
            continue
        action, type_, name, other = cols
        if action == "merge":
            merges[(type_, fold_name(other))] = name
        elif action == "forbid":
            a, b = fold_name(name), fold_name(other)
            forbidden.update({(type_, a, b), (type_, b, a)})
    return Gazetteer(outlets, countries, demonyms, capitals, merges, frozenset(forbidden), surface)


def canonical_name(type_: str, name: str) -> str:
    """The name a user merge in ontology/aliases.tsv gives this one, else the name itself."""
    return gazetteer().merges.get((type_, fold_name(name)), name)


@lru_cache(maxsize=65536)
def entity_key(type_: str, label: str) -> str:
    """The readable key an entity's IRI is made from: 'person/valery-zaluzhny'.

    >>> entity_key("Person", "Valery Zaluzhny's")
    'person/valery-zaluzhny'
    """
    return f"{slug(type_)}/{slug(fold_name(canonical_name(type_, label)) or label)}"


def gazetteer_spans(doc: Any, taken: set[int]) -> Iterator[tuple[int, int, str]]:
    """Known outlets, countries and capitals the NER missed (matched as written, capitalised)."""
    surface = gazetteer().surface
    i = 0
    while i < len(doc):
        found = None
        if doc[i].text[:1].isupper() and i not in taken:
            for n in (5, 4, 3, 2, 1):
                if i + n > len(doc) or any(j in taken for j in range(i, i + n)):
                    continue
                written = "".join(t.text for t in doc[i : i + n])
                hit = surface.get(written)
                if hit is not None and (n > 1 or len(written) > 2 or written.isupper()):
                    found = (i, i + n, hit[0])
                    break
        if found:
            yield found
            i = found[1]
        else:
            i += 1
