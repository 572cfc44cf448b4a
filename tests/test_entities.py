"""`kg entities` and `kg show` over a store built once from the sample articles."""

from __future__ import annotations

import json
import re
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
        (["show", "nobody"], "kg: error: no entity is named 'nobody' and none is close; list them with: kg entities\n"),
        (
            ["show", "Zaluzni"],
            "kg: error: no entity is named 'Zaluzni'; did you mean: Valery Zaluzhny (person/valery-zaluzhny)\n",
        ),
        (
            ["query", "--named", "claims-about", "--param", "ACTOR=Zelinsky"],
            "kg: error: no actor is named 'Zelinsky'; did you mean: Vladimir Zelensky (person/vladimir-zelensky)\n",
        ),
        (
            ["render", "--focus", "Blomberg", "--file", "/nonexistent/never-written.html"],
            "kg: error: no entity is named 'Blomberg'; did you mean: Bloomberg (mediaoutlet/bloomberg)\n",
        ),
    ],
    ids=["unknown-name", "near-miss", "named-query-param", "render-focus"],
)
def test_show_errors(seed_out: Path, args: list[str], message: str) -> None:
    code, out, err = _run(*args, "--out", str(seed_out))
    assert (code, out, err) == (1, "", message)


@pytest.mark.parametrize(
    "name",
    ["ZELENSKY", "zelenský", "Vladimir  Zelensky", "person/vladimir-zelensky"]
    + ["Volodymyr Zelensky", "Zelenskyy", "Volodymyr Zelenskiy", "zelenskyi"],  # transliterations fold (issue 11)
)
def test_show_finds_an_actor_by_any_name_regardless_of_case_and_accents(seed_out: Path, name: str) -> None:
    code, out, err = _run("show", name, "--out", str(seed_out))
    assert (code, err) == (0, "")
    assert out.startswith("Vladimir Zelensky (Person) https://w3id.org/kg/entity/person/vladimir-zelensky\n")


def test_show_counts_the_statements_kg_entities_counts(seed_out: Path) -> None:
    code, out, _ = _run("entities", "--out", str(seed_out), "--format", "json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    for row in rows[:6]:
        code, shown, err = _run("show", row["key"], "--out", str(seed_out))
        assert (code, err) == (0, ""), row["key"]
        lines = shown.splitlines()
        header = next(line for line in lines if line.startswith("  in "))
        n, articles = row["statements"], row["articles"]
        assert header.startswith(
            f"  in {articles} article{'s' if articles != 1 else ''}, {n} statement{'s' if n != 1 else ''}: "
        ), (row, header)
        listed = [line for line in lines if line[:3] in ("-> ", "<- ", "<= ")]
        assert len(listed) == n, row["key"]
        ways = re.fullmatch(r".*: (\d+) as subject \(->\), (\d+) as object \(<-\), (\d+) as source \(<=\)", header)
        assert ways is not None, header
        by_arrow = [sum(line.startswith(arrow) for line in listed) for arrow in ("->", "<-", "<=")]
        assert [int(x) for x in ways.groups()] == by_arrow


def test_entities_without_a_store(tmp_path: Path) -> None:
    code, out, err = _run("entities", "--out", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == f"kg: error: {tmp_path}: no kg store here; build one with: kg build ARTICLES --out {tmp_path}\n"


def test_bad_type_is_a_usage_error(seed_out: Path) -> None:
    code, _, err = _run("entities", "--out", str(seed_out), "--type", "Planet")
    assert code == 2
    assert "Invalid value for '--type'" in err
