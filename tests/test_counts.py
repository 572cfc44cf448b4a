"""The numbers every command and the page report count the same things."""

from __future__ import annotations

from pathlib import Path

from kg.counts import Counts, store_counts
from kg.dossier import list_entities
from kg.models import ACTOR_TYPES, CONCEPT, SITUATION
from kg.store import Store


def test_counts_agree_with_the_entity_list_and_the_statement_nodes(built_out: Path) -> None:
    with Store.open(built_out) as store:
        counts = store_counts(store)
        rows = list_entities(store)
        concepts = list_entities(store, CONCEPT)
        situations = list_entities(store, SITUATION)
        ((statements,),) = store.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:ExtractedStatement }")
    assert counts.actors == len(rows) > 0
    assert all(r.type in ACTOR_TYPES for r in rows)
    assert counts.concepts == len(concepts) > 0
    assert counts.situations == len(situations)
    assert counts.statements == int(statements) > 0
    assert counts.articles == 5


def test_a_difference_of_counts_is_what_a_change_added() -> None:
    before, after = Counts(2, 10, 5, 1, 30), Counts(3, 12, 9, 1, 41)
    assert after - before == Counts(1, 2, 4, 0, 11)
    assert (after - before).describe() == "1 article, 2 actors, 4 concepts, 0 situations, 11 statements"
