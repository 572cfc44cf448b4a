"""Team lists in the actors of an article (kg/extract/rosters.py finds the lists): the names of
listed clubs and players, as the list writes them.

Helpers of teams.py: listed clubs and players the NER missed become clusters of their own;
a name running from a player into his club ("S Lamont (Glasgow") or over a list's colon
("Manchester United: Carroll") is cut or dropped; a listed player keeps his initial ("I
Fullarton"), and "C Hodgson" joins the one "Charlie Hodgson" of the article.
"""

from __future__ import annotations

from typing import Any

from ..models import PERSON
from .clusters import Cluster
from .gazetteer import entity_key
from .mentions import NamedMention
from .names import clean_name


def unnamed(doc: Any, clusters: list[Cluster], spans: list[tuple[int, int]], type_: str) -> list[Cluster]:
    """New clusters for the listed clubs ("(Leeds)") and players the NER did not name."""
    taken = {i for c in clusters for m in c.mentions for i in m.tokens}
    found: dict[str, Cluster] = {}
    for start, end in spans:
        chars = doc.char_span(start, end, alignment_mode="expand")
        if chars is None or taken & set(range(chars.start, chars.end)):
            continue
        name = clean_name(chars.text)
        key = entity_key(type_, name)
        mention = NamedMention(chars.start, chars.end, name, type_, "")
        if key in found:
            found[key].mentions.append(mention)
        else:
            found[key] = Cluster([mention], key=key, label=name, type=type_)
    return [found[k] for k in sorted(found)]


def without_list_runs(
    clusters: list[Cluster], listed: set[int], players: set[int], clubs: list[set[int]]
) -> list[Cluster]:
    """Clusters without the mentions that run from a listed player into the club ("S Lamont (Glasgow") or
    that are only part of a listed club ("London" of "(London Irish)"): the list's own names replace them."""
    result = []
    for c in clusters:
        c.mentions = [
            m
            for m in c.mentions
            if not (set(m.tokens) & listed and set(m.tokens) & players)
            and not any(set(m.tokens) < club for club in clubs)
        ]
        if c.mentions:
            result.append(c)
    return result


def whole_players(doc: Any, clusters: list[Cluster], spans: list[tuple[int, int]]) -> list[Cluster]:
    """A listed player's name keeps its initial: "Fullarton" (NER) of "I Fullarton (Saracens)" is "I Fullarton";
    one whose initial is not the first letter of the person it was joined to ("B Douglas" and "Nathan
    Douglas") is a person of their own (returned as new clusters)."""
    starts = {}
    for start, end in spans:
        chars = doc.char_span(start, end, alignment_mode="expand")
        if chars is not None and chars.end - chars.start > 1:
            starts[chars.start + 1] = chars.start  # the token after the initial -> the initial
    initials = set(starts.values())
    apart: dict[str, Cluster] = {}
    for c in clusters:
        for m in list(c.mentions):
            if m.start in starts:
                m.start = starts[m.start]
                m.name = clean_name(doc[m.start : m.end].text)
                if len(c.label.split()) < len(m.name.split()):  # "Douglas" -> "B Douglas": no bare surname
                    c.label, c.key = m.name, entity_key(c.type, m.name)
            elif m.start not in initials:
                continue
            full = c.type == PERSON and len(c.label.split()) > 1 and len(c.label.split()[0]) > 1
            if full and c.label[:1] != m.name[:1] and len(c.mentions) > 1:
                c.mentions.remove(m)
                key = entity_key(PERSON, m.name)
                apart.setdefault(key, Cluster([], key=key, label=m.name, type=PERSON)).mentions.append(m)
    return [apart[k] for k in sorted(apart)]


def cut_at_colons(doc: Any, clusters: list[Cluster]) -> None:
    """A name never runs over a team list's colon: "Manchester United: Carroll" is "Manchester United"."""
    for c in clusters:
        cut = False
        for m in c.mentions:
            colon = next((i for i in m.tokens if doc[i].text == ":"), None)
            if colon is not None and colon > m.start:
                m.end, m.name, cut = colon, clean_name(doc[m.start : colon].text), True
        if cut:
            c.label = max((m.name for m in c.mentions), key=lambda n: (len(n.split()), n))
            c.key = entity_key(c.type, c.label)


def initials_joined(clusters: list[Cluster], players: set[int]) -> list[Cluster]:
    """A listed player "C Hodgson" is the one person of the article named in full "Charlie Hodgson"."""
    full = [c for c in clusters if c.type == PERSON and len(c.label.split()) > 1 and len(c.label.split()[0]) > 1]
    result = []
    for c in clusters:
        words = c.label.split()
        listed = c.type == PERSON and len(words) == 2 and len(words[0]) == 1
        if listed and all(set(m.tokens) <= players for m in c.mentions):
            fits = [f for f in full if f.label.split()[-1] == words[1] and f.label[0] == words[0]]
            if len(fits) == 1:
                fits[0].mentions.extend(c.mentions)
                continue
        result.append(c)
    return result
