"""Builds beyond one machine: shards extracted on a real Dask LocalCluster (2 worker processes)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.articles import load
from kg.cli import main
from kg.cluster import build, shards_of
from kg.store import Store

from .conftest import ARTICLES

distributed = pytest.importorskip("distributed")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", host="127.0.0.1"
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def local_nquads(built_out: Path) -> str:
    code, stdout, stderr = run("export", "--format", "nquads", "--out", str(built_out))
    assert code == 0, stderr
    return stdout


def test_a_shard_prints_the_quads_a_build_stores(built_out: Path) -> None:
    code, stdout, stderr = run("extract", str(ARTICLES), "--format", "nquads")
    assert code == 0, stderr
    assert stdout == local_nquads(built_out)


def test_shards_keep_the_order_of_a_local_build() -> None:
    shards = shards_of([ARTICLES], 3)
    assert [len(s) for s in shards] == [2, 1, 1]
    assert [f for s in shards for f in s] == sorted(str(p) for p in ARTICLES.iterdir() if not p.name.startswith("."))
    assert shards_of([ARTICLES], 99) == [[f] for s in shards for f in s]


def test_shards_on_two_workers_give_the_graph_of_a_local_build(client: object, built_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shards = shards_of([ARTICLES], 2)
    with distributed.get_task_stream(client) as tasks:  # type: ignore[arg-type]
        report = build(shards, out, client)
    assert len({t["worker"] for t in tasks.data if "extract_shard" in str(t["key"])}) == 2  # both workers worked
    assert (report.extracted, report.added, report.shards) == (5, 5, 2)
    code, stdout, stderr = run("export", "--format", "nquads", "--out", str(out))
    assert code == 0, stderr
    assert stdout == local_nquads(built_out)
    again = build(shards, out, client)  # everything is stored already: nothing to extract
    assert (again.extracted, again.added, again.quads) == (0, 0, 0)


def test_a_shard_resolves_names_against_the_stored_actors(out_copy: Path, tmp_path: Path) -> None:
    article = tmp_path / "new.txt"
    article.write_text(
        "date 2024-02-01 Commander speaks\n\nZaluzhny said on Thursday that the army needs more shells. "
        "Zelensky did not comment.\n",
        encoding="utf-8",
    )
    code, shard, stderr = run("extract", str(article), "--format", "nquads", "--against", str(out_copy))
    assert code == 0, stderr
    assert "entity/person/vladimir-zelensky>" in shard  # the stored actor, not a new 'zelensky'
    alone = run("extract", str(article), "--format", "nquads")[1]
    assert "entity/person/vladimir-zelensky>" not in alone
    before = set(local_nquads(out_copy).splitlines())
    assert run("build", str(article), "--out", str(out_copy), "--no-html")[0] == 0
    after = set(local_nquads(out_copy).splitlines())
    assert after == before | set(shard.splitlines())  # the shard's quads are what the build added


def test_against_needs_nquads() -> None:
    code, _, stderr = run("extract", str(ARTICLES), "--against", "output")
    assert code == 2
    assert "--against and --store work only with --format nquads" in stderr


def test_a_failed_run_keeps_its_whole_batches_and_resumes(client: object, tmp_path: Path) -> None:
    files = shards_of([ARTICLES], 99)  # one file per shard, in the order of a local build
    gone = tmp_path / "gone.txt"  # missing when a worker reads it: the run fails at the third shard
    articles = load([ARTICLES])
    out = tmp_path / "out"
    with pytest.raises(Exception, match="gone.txt"):
        build([*files[:2], [str(gone)], *files[2:]], out, client, batch_size=2, window=1)
    with Store.open(out) as store:
        stored = store.article_ids()
    assert len(stored) == 2  # the first batch (two articles) is stored, nothing of the next
    local = tmp_path / "local"  # the same store, resumed by a local build
    shutil.copytree(out, local)
    again = build(files, out, client, batch_size=2, window=1)
    assert (again.extracted, again.added) == (len(articles) - 2, len(articles) - 2)
    assert run("build", str(ARTICLES), "--out", str(local), "--batch-size", "2", "--no-html")[0] == 0
    assert local_nquads(out) == local_nquads(local)
    straight = tmp_path / "straight"  # and both are what an uninterrupted run gives
    assert build(files, straight, client, batch_size=2).added == len(articles)
    assert local_nquads(straight) == local_nquads(out)
