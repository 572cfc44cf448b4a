"""benchmarks/judge.py: a reproducible sample of statements to judge, and the score of judged ones."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRONG_TRIPLE_FIX = "correct, partial, wrong (see benchmarks/judged/README.md)"


@pytest.fixture(scope="module")
def judge() -> ModuleType:
    spec = importlib.util.spec_from_file_location("judge", ROOT / "benchmarks" / "judge.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["judge"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (49, 80, 0.503, 0.712),  # the "61% (50-71)"
        (18, 80, 0.147, 0.328),  # "22.5% (15-33)"
        (0, 10, 0.0, 0.278),
        (10, 10, 0.722, 1.0),
    ],
)
def test_wilson_interval(judge: ModuleType, k: int, n: int, low: float, high: float) -> None:
    got = judge.wilson(k, n)
    assert (round(got[0], 3), round(got[1], 3)) == (low, high)


def test_sample_is_reproducible_and_has_the_columns(judge: ModuleType, built_out: Path, tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.tsv", tmp_path / "b.tsv", tmp_path / "c.tsv"
    for path, seed in ((first, 7), (second, 7), (other, 8)):
        assert (
            judge.main(["sample", "--out", str(built_out), "--seed", str(seed), "--n", "12", "--tsv", str(path)]) == 0
        )
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert first.read_text(encoding="utf-8") != other.read_text(encoding="utf-8")
    rows = list(csv.DictReader(first.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    assert len(rows) == 12
    assert list(rows[0]) == list(judge.COLUMNS)
    assert all(r["sentence"] and r["subject"] and r["predicate"] and r["status"] for r in rows)
    assert all(not r[c] for r in rows for c in judge.VERDICT_COLUMNS)
    assert all(r["article"] for r in rows)


def test_at_most_so_many_per_article(judge: ModuleType, built_out: Path, tmp_path: Path) -> None:
    path = tmp_path / "j.tsv"
    judge.main(
        ["sample", "--out", str(built_out), "--seed", "1", "--n", "50", "--max-per-article", "2", "--tsv", str(path)]
    )
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    per_article = {r["article"]: sum(x["article"] == r["article"] for x in rows) for r in rows}
    assert len(rows) == 2 * len(per_article) and max(per_article.values()) == 2


def write_judged(path: Path, verdicts: list[tuple[str, str, str, str]]) -> None:
    lines = ["article\tsentence\ttriple\tstatus_ok\tentity_ok\tnote"]
    lines += [f"{a}\ts\t{t}\t{s}\t{e}\t" for a, t, s, e in verdicts]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_score_table(judge: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "judged.tsv"
    write_judged(
        path,
        [
            ("a", "correct", "yes", "yes"),
            ("a", "correct", "no", "n/a"),
            ("b", "partial", "yes", "no"),
            ("c", "wrong", "yes", "yes"),
        ],
    )
    assert judge.main(["score", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "4 statements from 3 articles"
    table = {line[:42].strip(): line[42:].split() for line in out[2:]}
    assert table["triple correct"] == ["50.0%", "15.0–85.0", "2/4"]
    assert table["triple correct or partial"][2] == "3/4"
    assert table["triple wrong"][2] == "1/4"
    assert table["status right (speaker, negation, hedge)"][2] == "3/4"
    assert table["entity right (where one is named)"][2] == "2/3"
    assert table["triple, status and entity all right"][2] == "1/4"


def test_score_refuses_an_unjudged_row(judge: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "judged.tsv"
    write_judged(path, [("a", "correct", "yes", "yes"), ("a", "", "yes", "yes")])
    assert judge.main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"judge: error: {path}:3: triple is ''; write one of {WRONG_TRIPLE_FIX}\n"


def write_facts(path: Path, rows: list[tuple[str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["id", "article", "fact", "found", "statement", "note"])
        for n, (article, fact, found) in enumerate(rows, 1):
            writer.writerow([n, article, fact, found, "", ""])


def test_facts_draws_articles_and_scores_the_verdicts(
    judge: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pool = tmp_path / "pool"
    pool.mkdir()
    for i in range(12):
        (pool / f"a{i:02d}.txt").write_text(f"title A{i}\nSome text {i}.\n", encoding="utf-8")
    first, again = tmp_path / "f1.tsv", tmp_path / "f2.tsv"
    assert judge.main(["facts", str(pool), "--articles", "3", "--seed", "7", "--tsv", str(first)]) == 0
    assert judge.main(["facts", str(pool), "--articles", "3", "--seed", "7", "--tsv", str(again)]) == 0
    assert first.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")  # the same draw
    rows = list(csv.DictReader(first.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    assert len(rows) == 3 * judge.FACT_ROWS and len({r["article"] for r in rows}) == 3
    capsys.readouterr()
    judged = tmp_path / "judged.tsv"
    write_facts(judged, [("a", "A bought B", "clean"), ("a", "", ""), ("b", "C sued D", "partial"), ("b", "E", "no")])
    assert judge.main(["facts-score", str(judged)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "3 key facts from 2 articles"  # the row with no fact is left out
    table = {line[:42].strip(): line[42:].split() for line in out[2:]}
    assert table["key facts found cleanly"][2] == "1/3"
    assert table["key facts found, cleanly or in part"][2] == "2/3"


def test_facts_score_refuses_a_fact_without_a_verdict(
    judge: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    judged = tmp_path / "judged.tsv"
    write_facts(judged, [("a", "A bought B", "yes")])
    assert judge.main(["facts-score", str(judged)]) == 1
    assert capsys.readouterr().err == (
        f"judge: error: {judged}:2: found is 'yes'; write one of clean, partial, no (see benchmarks/judged/README.md)\n"
    )
