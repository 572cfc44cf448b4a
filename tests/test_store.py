"""The on-disk store: writes are all or nothing, also when a build dies half way."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.store import CHECKPOINT_DIR, WRITING_MARK, Store

G = URIRef("https://example.org/graph")


def quad(n: int) -> tuple[URIRef, URIRef, Literal, URIRef]:
    return URIRef(f"https://example.org/s{n}"), RDFS.label, Literal(f"label {n}"), G


def test_add_quads_and_leave_no_checkpoint(tmp_path: Path) -> None:
    with Store.open(tmp_path, create=True) as store:
        assert store.add_quads(quad(n) for n in range(10)) == 10
        assert store.count() == 10
    assert not (tmp_path / CHECKPOINT_DIR).exists()
    assert not (tmp_path / WRITING_MARK).exists()


def test_a_build_that_died_mid_write_is_rolled_back_on_next_open(tmp_path: Path) -> None:
    with Store.open(tmp_path, create=True) as store:
        store.add_quads(quad(n) for n in range(5))
    # A separate process starts a write the way add_quads does, then dies before finishing.
    script = textwrap.dedent(
        f"""
        import os, pyoxigraph as ox
        from pathlib import Path
        from kg.store import Store, CHECKPOINT_DIR, WRITING_MARK
        out = Path({str(tmp_path)!r})
        store = Store.open(out, write=True)
        store.inner.flush()
        store.inner.backup(str(out / CHECKPOINT_DIR))
        (out / WRITING_MARK).write_text("writing")
        g = ox.NamedNode("https://example.org/graph")
        store.inner.bulk_extend(
            [ox.Quad(ox.NamedNode(f"https://example.org/junk{{n}}"), g, ox.Literal("x"), g) for n in range(100)]
        )
        os._exit(9)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent.parent, check=False)
    assert result.returncode == 9
    for write in (False, True):  # a reader reads the checkpoint and leaves it; a writer puts it back
        with Store.open(tmp_path, write=write) as store:
            assert store.count() == 5
            labels = sorted(str(row[0]) for row in store.select("SELECT ?l WHERE { GRAPH ?g { ?s rdfs:label ?l } }"))
            assert labels == [f"label {n}" for n in range(5)]
        assert (tmp_path / CHECKPOINT_DIR).exists() != write
    assert not (tmp_path / WRITING_MARK).exists()


def test_leftover_checkpoint_of_a_finished_write_is_dropped(tmp_path: Path) -> None:
    with Store.open(tmp_path, create=True) as store:
        store.add_quads(quad(n) for n in range(3))
        store.inner.backup(str(tmp_path / CHECKPOINT_DIR))
        store.add_quads([quad(99)])
    # the mark is gone, so the checkpoint is stale: the store keeps all four quads
    (tmp_path / CHECKPOINT_DIR).mkdir(exist_ok=True)
    with Store.open(tmp_path, write=True) as store:
        assert store.count() == 4
    assert not (tmp_path / CHECKPOINT_DIR).exists()


def test_named_graphs_and_dump(tmp_path: Path) -> None:
    with Store.open(tmp_path, create=True) as store:
        store.add_quads([quad(1)])
        assert store.named_graphs() == [G]
        assert b"label 1" in store.dump(ox.RdfFormat.N_QUADS)
