"""SHACL validation of a built graph and of broken ones: one line per violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

TEXT = (
    "date 2024-01-30 Talks\n\nJoe Biden met Olaf Scholz on Monday, Reuters reported, citing two officials. "
    "Biden did not sign the deal.\n"
)


@pytest.fixture(scope="session")
def small_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.build import build

    root = tmp_path_factory.mktemp("small")
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    build([root / "a.txt"], root / "out")
    return root / "out"


@pytest.fixture(scope="session")
def nquads(small_out: Path) -> str:
    result = CliRunner().invoke(main, ["export", "--out", str(small_out), "--format", "nquads"])
    assert result.exit_code == 0
    return result.stdout


def test_built_store_conforms(small_out: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--out", str(small_out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_exported_file_conforms(nquads: str, tmp_path: Path) -> None:
    path = tmp_path / "kg.nq"
    path.write_text(nquads, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert (result.exit_code, result.stdout) == (0, "")


def test_broken_file_one_line_per_violation(nquads: str, tmp_path: Path) -> None:
    sentence = "<https://w3id.org/kg/ontology#sentence>"
    lines = nquads.splitlines()
    dropped = [line for line in lines if f" {sentence} " in line]
    path = tmp_path / "broken.nq"
    path.write_text("\n".join(line for line in lines if line not in dropped) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert len(out) == len(dropped)
    assert all(line.endswith(f"{sentence}: a statement needs its sentence text") for line in out)
    assert result.stderr == f"kg: error: {len(dropped)} SHACL violations\n"


def test_bad_status_is_a_violation(nquads: str, tmp_path: Path) -> None:
    status = "<https://w3id.org/kg/ontology#status>"
    first = next(line for line in nquads.splitlines() if f" {status} " in line)
    node, graph = first.split(" ")[0], first.split(" ")[-2]
    path = tmp_path / "bad.nq"
    path.write_text(nquads + f'{node} {status} "maybe" {graph} .\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert (
        f"{node} {status}: a statement needs one kg:status: asserted, attributed, hedgedClaim, negatedClaim or "
        "deniedClaim (value: 'maybe')"
    ) in result.stdout.splitlines()


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        (
            "x.csv",
            "a,b\n",
            "kg: error: {path}: unknown RDF file type '.csv'; use one of .nq, .trig, .ttl, .nt, .jsonld, .json",
        ),
        ("x.ttl", "this is not turtle", "kg: error: {path}: not valid turtle"),
    ],
    ids=["unknown-type", "bad-syntax"],
)
def test_unreadable_file(tmp_path: Path, name: str, content: str, line: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(line.format(path=path))


def test_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"kg: error: {tmp_path}: no kg store here; build one with: kg build ARTICLES --out {tmp_path}\n"
    )
