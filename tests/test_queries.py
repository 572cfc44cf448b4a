"""Named queries and the seed articles' claims end to end (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import QueryError
from kg.query import bind_params, named_queries, named_query, query_params

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "articles"
NAMES = [
    "anonymous-only",
    "claims-about",
    "contradictions",
    "denials",
    "sources-of",
    "timeline",
    "who-said-what",
]


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds") / "out"
    build([SEEDS], out)
    return out


def _rows(out: Path, *args: str) -> list[dict[str, str]]:
    import json

    result = CliRunner().invoke(main, ["query", "--out", str(out), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_shipped_queries() -> None:
    assert sorted(named_queries()) == NAMES


def test_params_are_bound_as_literals_not_sparql() -> None:
    text = named_query("claims-about", {"ACTOR": 'x" } } DELETE WHERE { ?s ?p ?o } #'})
    assert 'VALUES ?ACTOR { "x\\" } } DELETE WHERE { ?s ?p ?o } #" }' in text


def test_declared_params() -> None:
    text = named_queries()["who-said-what"].read_text(encoding="utf-8")
    assert {p.name: p.required for p in query_params(text).values()} == {"SOURCE": False}


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("nope", {}, "unknown named query 'nope'; choose one of: " + ", ".join(NAMES)),
        ("claims-about", {}, "query 'claims-about' needs --param ACTOR=VALUE"),
        ("denials", {"ACTOR": "x"}, "query 'denials' has no parameter ACTOR; its parameters: none"),
    ],
    ids=["unknown-name", "missing-param", "unknown-param"],
)
def test_named_query_errors(name: str, params: dict[str, str], message: str) -> None:
    with pytest.raises(QueryError) as info:
        named_query(name, params)
    assert str(info.value).startswith(message)


def test_bind_without_where_is_unchanged() -> None:
    assert bind_params("ASK {}", {}) == "ASK {}"


# id, the fact in the seed graph: (lemma part, subject part, attributed to, status / time)
SEED_CLAIMS = [
    ("us-worried-per-bloomberg", "concern", "united-states", "bloomberg", "attributed"),
    ("zaluzhny-rejected-per-ft", "reject", "valery-zaluzhny", "financial-times", "attributed"),
    ("zelensky-allegedly-told", "tell", "vladimir-zelensky", "financial-times", "hedgedClaim"),
    ("did-not-fire", "fire", "vladimir-zelensky", "nikiforov", "negatedClaim"),
    ("offered-on-monday", "offer", "valery-zaluzhny", "economist", "2024-01-29"),
]


@pytest.mark.parametrize(
    ("lemma", "subject", "source", "expect"), [c[1:] for c in SEED_CLAIMS], ids=[c[0] for c in SEED_CLAIMS]
)
def test_seed_claims(seed_out: Path, lemma: str, subject: str, source: str, expect: str) -> None:
    query = f"""
        SELECT ?status ?time WHERE {{
          ?st kg:lemma ?lemma ; rdf:subject ?s ; kg:status ?st_ ; prov:wasAttributedTo ?src .
          OPTIONAL {{ ?st kg:eventTime ?time }}
          FILTER(CONTAINS(?lemma, "{lemma}") && CONTAINS(STR(?s), "{subject}") && CONTAINS(STR(?src), "{source}"))
          BIND(STRAFTER(STR(?st_), "#") AS ?status)
        }}"""
    rows = _rows(seed_out, query)
    assert any(expect in (r["status"], r["time"]) for r in rows), rows


def test_seed_denial_links_to_the_dismissal_report(seed_out: Path) -> None:
    rows = _rows(seed_out, "--named", "denials")
    assert any("Defense Ministry" in r["denier"] and "Zaluzhny" in r["denied"] for r in rows), rows


@pytest.mark.parametrize("name", NAMES)
def test_every_named_query_runs_on_the_seeds(seed_out: Path, name: str) -> None:
    params = ["--param", "ACTOR=Zaluzhny"] if name in ("claims-about", "sources-of", "timeline") else []
    assert _rows(seed_out, "--named", name, *params)


def test_sources_of_follows_the_chain(seed_out: Path) -> None:
    rows = _rows(seed_out, "--named", "sources-of", "--param", "actor=Zaluzhny")
    assert {"direct", "cited"} <= {r["how"] for r in rows}
    assert any(r["type"] == "AnonymousSource" for r in rows)


def test_timeline_is_ordered(seed_out: Path) -> None:
    dates = [r["date"] for r in _rows(seed_out, "--named", "timeline", "--param", "ACTOR=Zaluzhny")]
    assert dates == sorted(dates) and "2024-01-29" in dates


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (["--named", "nope"], 1, "kg: error: unknown named query 'nope'; choose one of: " + ", ".join(NAMES)),
        (
            ["--named", "timeline"],
            1,
            "kg: error: query 'timeline' needs --param ACTOR=VALUE (text in the actor's "
            'label, alias or IRI ("Zaluzhny"))',
        ),
        (
            ["--named", "timeline", "--param", "ACTOR"],
            1,
            "kg: error: bad --param 'ACTOR'; write it as KEY=VALUE, e.g. --param ACTOR=Zaluzhny",
        ),
        (["SELECT * {}", "--named", "denials"], 2, "Error: give either QUERY or --named NAME, not both"),
        ([], 2, "Error: give a QUERY (SPARQL text or a .rq file) or --named NAME"),
        (["SELECT * {}", "--param", "A=b"], 2, "Error: --param works only with --named"),
    ],
    ids=["unknown-name", "missing-param", "bad-param", "both", "neither", "param-without-named"],
)
def test_query_cli_errors(tmp_path: Path, args: list[str], code: int, line: str) -> None:
    result = CliRunner().invoke(main, ["query", "--out", str(tmp_path), *args])
    assert result.exit_code == code
    assert result.stderr.strip().splitlines()[-1] == line
    assert result.stdout == ""
