"""`kg entities` and `kg show` over a store built once from the sample articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "articles"


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    out = tmp_path_factory.mktemp("seeds") / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    return out


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_entities_json_has_one_node_per_actor(seed_out: Path) -> None:
    code, out, err = _run("entities", "--out", str(seed_out), "--format", "json")
    assert (code, err) == (0, "")
    rows = [json.loads(line) for line in out.splitlines()]
    by_key = {r["key"]: r for r in rows}
    assert by_key["person/vladimir-zelensky"]["articles"] == 2
    assert by_key["person/vladimir-zelensky"]["aliases"] == ["Zelensky"]
    assert by_key["mediaoutlet/bloomberg"]["articles"] == 2
    assert by_key["person/sergey-nikiforov"]["roles"] == ["spokesman of Vladimir Zelensky"]
    assert not [
        k for k in by_key if k.startswith("person/") and k.endswith("zelensky") and k != "person/vladimir-zelensky"
    ]
    assert all(r["type"] not in ("Concept", "Situation") for r in rows)


def test_entities_by_type_as_csv(seed_out: Path) -> None:
    code, out, err = _run("entities", "--out", str(seed_out), "--type", "mediaoutlet", "--format", "csv")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "type,label,articles,statements,aliases,key"
    assert {line.split(",")[-1] for line in lines[1:]} >= {
        "mediaoutlet/bloomberg",
        "mediaoutlet/financial-times",
    }
    assert all(line.startswith("MediaOutlet,") for line in lines[1:])


def test_show_prints_the_dossier(seed_out: Path) -> None:
    code, out, err = _run("show", "zaluzhny", "--out", str(seed_out))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Valery Zaluzhny (Person) https://w3id.org/kg/entity/person/valery-zaluzhny"
    assert "  roles: commander-in-chief" in lines
    assert any(line.startswith("-> ") and "source: Financial Times" in line for line in lines)


@pytest.mark.parametrize(
    "args,message",
    [
        (["show", "nobody"], "kg: error: no entity is named 'nobody'; list them with: kg entities\n"),
    ],
    ids=["unknown-name"],
)
def test_show_errors(seed_out: Path, args: list[str], message: str) -> None:
    code, out, err = _run(*args, "--out", str(seed_out))
    assert (code, out, err) == (1, "", message)


def test_entities_without_a_store(tmp_path: Path) -> None:
    code, out, err = _run("entities", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == f"kg: error: {tmp_path}: no kg store here; build one with: kg build ARTICLES --out {tmp_path}\n"


def test_bad_type_is_a_usage_error(seed_out: Path) -> None:
    code, _, err = _run("entities", "--out", str(seed_out), "--type", "Planet")
    assert code == 2
    assert "Invalid value for '--type'" in err
