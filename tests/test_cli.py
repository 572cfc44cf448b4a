"""The commands, end to end, on a real store built from the sample articles."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import human_bytes, main

from .conftest import ARTICLES, ROOT

COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def nquads(out: Path) -> str:
    result = run("export", "--out", str(out), "--format", "nquads")
    assert result.exit_code == 0, result.stderr
    return result.stdout


# ------------------------------------------------------------------ build


def test_build_writes_store_turtle_and_page(built_out: Path) -> None:
    assert (built_out / "store").is_dir()
    assert (built_out / "kg.ttl").stat().st_size > 1000
    page = (built_out / "graph.html").read_text(encoding="utf-8")
    assert "<html" in page.lower()


SECONDS = r"\d+\.\d s"


def _counts(out: Path) -> str:
    from kg.counts import store_counts
    from kg.store import Store

    with Store.open(out) as store:
        return store_counts(store).describe()


def test_build_says_what_it_read_added_and_what_the_store_holds(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2024-02-01 Test\nThe council approved the budget on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(article), "--out", str(out), "--no-html")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    holds = _counts(out)
    assert holds.startswith("1 article, ") and holds.endswith(", 1 statement")
    assert re.fullmatch(
        re.escape(
            f"wrote {out / 'kg.ttl'} ({human_bytes((out / 'kg.ttl').stat().st_size)}): {holds}\n"
            f"1 article read: 1 added, 0 already stored; the store now holds {holds}; "
        )
        + SECONDS
        + "\n",
        result.stderr,
    ), result.stderr


def test_build_again_says_the_store_is_unchanged(out_copy: Path) -> None:
    before = nquads(out_copy)
    result = run("build", str(ARTICLES), "--out", str(out_copy), "--quiet")
    assert (result.exit_code, result.stderr) == (0, "")
    result = run("build", str(ARTICLES), "--out", str(out_copy))
    assert result.exit_code == 0, result.stderr
    summary = result.stderr.splitlines()[-1]
    assert re.fullmatch(
        re.escape(f"5 articles read: 0 added, 5 already stored; the store holds {_counts(out_copy)} (unchanged); ")
        + SECONDS,
        summary,
    ), summary
    assert nquads(out_copy) == before


def test_a_second_build_says_what_it_added(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    second.write_text("The mayor criticised the council on Friday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(first), "--out", str(out), "--no-html", "-q").exit_code == 0
    result = run("build", str(first), str(second), "--out", str(out), "--no-html")
    assert result.exit_code == 0, result.stderr
    summary = result.stderr.splitlines()[-1]
    assert re.fullmatch(
        r"2 articles read: 1 added, 1 already stored; the store now holds 2 articles \(\+1\), "
        r"\d+ actors?( \(\+\d+\))?, \d+ concepts?( \(\+\d+\))?, 0 situations, \d+ statements \(\+\d+\); " + SECONDS,
        summary,
    ), summary


def test_every_file_written_is_one_line_with_what_it_holds(out_copy: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"  # the store changes, so build writes kg.ttl and the page again
    extra.write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    result = run("build", str(ARTICLES), str(extra), "--out", str(out_copy))
    lines = result.stderr.splitlines()
    holds = _counts(out_copy)
    ttl, html = out_copy / "kg.ttl", out_copy / "graph.html"
    assert lines[-3] == f"wrote {ttl} ({human_bytes(ttl.stat().st_size)}): {holds}"
    assert re.fullmatch(
        re.escape(f"wrote {html} ({human_bytes(html.stat().st_size)}): ")
        + r"\d+ actors, \d+ concepts, 2 situations, \d+ relations",
        lines[-2],
    ), lines[-2]
    page = tmp_path / "zaluzhny.html"
    result = run("render", "--out", str(out_copy), "--focus", "Zaluzhny", "--file", str(page))
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(
        re.escape(f"wrote {page} ({human_bytes(page.stat().st_size)}): ")
        + r"\d+ actors?, \d+ concepts?, \d+ situations?, \d+ relations?\n",
        result.stderr,
    ), result.stderr
    for fmt, contents in [("nquads", holds), ("csv", holds.rsplit(", ", 1)[1])]:
        target = tmp_path / f"kg.{fmt}"
        result = run("export", "--out", str(out_copy), "--format", fmt, "--file", str(target))
        assert result.stderr == f"wrote {target} ({human_bytes(target.stat().st_size)}): {contents}\n"
    assert run("export", "--out", str(out_copy), "--format", "csv", "-q", "--file", str(target)).stderr == ""


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_written_files_follow_the_umask(out_copy: Path, tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        assert run("render", "--out", str(out_copy), "-q").exit_code == 0
        csv_file = str(tmp_path / "s.csv")
        assert run("export", "--out", str(out_copy), "--format", "csv", "--file", csv_file).exit_code == 0
    finally:
        os.umask(old)
    for path in (out_copy / "graph.html", tmp_path / "s.csv"):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path


def test_build_is_deterministic(built_out: Path, tmp_path: Path) -> None:
    result = run("build", str(ARTICLES), "--out", str(tmp_path / "again"), "--no-html")
    assert result.exit_code == 0, result.stderr
    assert nquads(tmp_path / "again") == nquads(built_out)
    assert (tmp_path / "again" / "kg.ttl").read_bytes() == (built_out / "kg.ttl").read_bytes()


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input and the exact error line it gives."""
    (tmp / "empty-folder").mkdir()
    (tmp / "empty.txt").write_text("", encoding="utf-8")
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp / "latin1.txt").write_bytes("Caf\xe9 owners said the rent rose.".encode("latin-1"))
    (tmp / "broken.jsonl").write_text('{"text": "Fine."}\n{"text": "broken\n', encoding="utf-8")
    (tmp / "notext.json").write_text('{"title": "No text"}', encoding="utf-8")
    return {
        "missing": (tmp / "missing", f"kg: error: {tmp / 'missing'}: no such file or folder"),
        "no-articles": (
            tmp / "empty-folder",
            f"kg: error: {tmp / 'empty-folder'}: folder holds no articles; "
            "kg reads .txt, .md, .markdown, .html, .htm, .json, .jsonl files",
        ),
        "empty": (tmp / "empty.txt", f"kg: error: {tmp / 'empty.txt'}: empty file; remove it or give it text"),
        "binary": (
            tmp / "binary.txt",
            f"kg: error: {tmp / 'binary.txt'}: binary file, not text (NUL byte at offset 8); "
            "kg reads UTF-8 text articles",
        ),
        "latin1": (
            tmp / "latin1.txt",
            f"kg: error: {tmp / 'latin1.txt'}: not valid UTF-8 (byte 3); convert it, e.g. iconv -f latin1 -t utf-8",
        ),
        "bad-jsonl-line": (
            tmp / "broken.jsonl",
            f"kg: error: {tmp / 'broken.jsonl'}:2: malformed JSON "
            "(Unterminated string starting at at column 10); fix or remove the record",
        ),
        "json-without-text": (
            tmp / "notext.json",
            f'kg: error: {tmp / "notext.json"}[0]: a JSON article needs a "text" string',
        ),
    }


@pytest.mark.parametrize(
    "case", ["missing", "no-articles", "empty", "binary", "latin1", "bad-jsonl-line", "json-without-text"]
)
def test_bad_input_is_one_line_and_leaves_the_store(case: str, out_copy: Path, tmp_path: Path) -> None:
    before = nquads(out_copy)
    path, message = _bad_inputs(tmp_path)[case]
    result = run("build", str(ARTICLES), str(path), "--out", str(out_copy))
    assert result.exit_code == 1
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert nquads(out_copy) == before


def test_unwritable_output_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("build", str(ARTICLES), "--out", str(blocker / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kg: error: {blocker / 'out'}: output folder is not writable (")
    assert result.stderr.endswith("); choose another --out\n")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = run("build", str(ARTICLES), "--out", str(out))
    finally:
        out.chmod(0o700)
    assert result.exit_code == 1
    assert "output folder is not writable" in result.stderr


def test_unknown_model_names_the_fix(tmp_path: Path) -> None:
    result = run("build", str(ARTICLES), "--out", str(tmp_path / "o"), "--model", "xx_no_such_model")
    assert result.exit_code == 1
    assert result.stderr == (
        "kg: error: spaCy model 'xx_no_such_model' is not installed or cannot be loaded; "
        "install it with: pip install xx-no-such-model\n"
    )
    assert not (tmp_path / "o" / "store").exists()


# ------------------------------------------------------------------ query


def test_query_counts_quads_in_named_graphs(built_out: Path) -> None:
    result = run("query", "--out", str(built_out), "--format", "csv", COUNT_QUADS)
    assert result.exit_code == 0, result.stderr
    header, value = result.stdout.splitlines()
    assert header == "n"
    assert int(value) > 500
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(built_out: Path, fmt: str) -> None:
    query = "SELECT ?title WHERE { ?a a kg:Article ; dcterms:title ?title } ORDER BY ?title"
    result = run("query", "--out", str(built_out), "--format", fmt, query)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert rows and all(set(r) == {"title"} for r in rows)
        assert [r["title"] for r in rows] == sorted(r["title"] for r in rows)
    elif fmt == "table":
        assert result.stdout.splitlines()[0].strip() == "title"
        assert result.stdout.rstrip().endswith("rows)")
    else:
        assert result.stdout.splitlines()[0] == "title"


def test_query_from_rq_file(built_out: Path, tmp_path: Path) -> None:
    file = tmp_path / "count.rq"
    file.write_text(COUNT_QUADS, encoding="utf-8")
    result = run("query", "--out", str(built_out), "--format", "tsv", str(file))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "n"


def test_broken_sparql_is_one_line_in_words_with_position(built_out: Path) -> None:
    result = run("query", "--out", str(built_out), "SELECT * WHERE { ?s ?p }")
    assert result.exit_code == 1
    assert result.stderr == "kg: error: SPARQL syntax error at 1:25 (after '?s ?p }'): expected LATERAL or SERVICE\n"


def test_unknown_prefix_names_it_with_its_position_and_the_known_ones(built_out: Path) -> None:
    from kg.store import SPARQL_PREFIXES

    known = ", ".join(sorted(SPARQL_PREFIXES))
    result = run("query", "--out", str(built_out), "SELECT * WHERE {\n  ?s zz:x <urn:a:b> ; rdf:type ?t }")
    assert result.exit_code == 1
    assert result.stderr == (
        f"kg: error: SPARQL syntax error: unknown prefix 'zz:' at 2:6; known prefixes: {known}; "
        "or declare it: PREFIX zz: <IRI>\n"
    )
    result = run("query", "--out", str(built_out), "SELECT * WHERE { ?s kgx:p 'a:b' }")
    assert result.stderr == (
        "kg: error: SPARQL syntax error: unknown prefix 'kgx:' at 1:21; known prefixes: "
        f"{', '.join(sorted(SPARQL_PREFIXES))}; or declare it: PREFIX kgx: <IRI>\n"
    )


def test_query_help_lists_every_predefined_prefix_and_what_formats_keep() -> None:
    from kg.store import SPARQL_PREFIXES

    text = " ".join(run("query", "--help").stdout.split())
    missing = [p for p in SPARQL_PREFIXES if not re.search(rf"\b{p}\b", text)]
    assert missing == []
    assert "csv, tsv and json keep full IRIs" in text


VALUES_QUERY = (
    "SELECT ?e WHERE { VALUES ?e { <https://w3id.org/kg/entity/person/valery-zaluzhny> kg:asserted "
    "<https://example.org/x/y> } }"
)


def test_query_table_shows_prefixed_names_and_machine_formats_keep_iris(built_out: Path) -> None:
    result = run("query", "--out", str(built_out), VALUES_QUERY)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "e\n-------------------------\nperson:valery-zaluzhny\nkg:asserted\n<https://example.org/x/y>\n(3 rows)\n"
    )
    result = run("query", "--out", str(built_out), "--format", "csv", VALUES_QUERY)
    assert result.stdout == (
        "e\nhttps://w3id.org/kg/entity/person/valery-zaluzhny\nhttps://w3id.org/kg/ontology#asserted\n"
        "https://example.org/x/y\n"
    )


def test_query_table_shows_article_titles(built_out: Path) -> None:
    query = "SELECT ?a WHERE { ?a a kg:Article ; dcterms:title ?t } ORDER BY ?t"
    by_title = query.replace("?a WHERE", "?t WHERE")
    titles = json.loads(run("query", "--out", str(built_out), "--format", "json", by_title).stdout)
    table = run("query", "--out", str(built_out), query)
    assert [line.rstrip() for line in table.stdout.splitlines()[2:-1]] == [row["t"] for row in titles]


def test_query_table_fits_the_terminal_but_keeps_names_whole(built_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    query = "SELECT ?st ?sentence WHERE { ?st kg:sentence ?sentence } ORDER BY ?st LIMIT 5"
    monkeypatch.setenv("COLUMNS", "60")
    lines = run("query", "--out", str(built_out), query).stdout.splitlines()
    full = json.loads(run("query", "--out", str(built_out), "--format", "json", query).stdout)
    assert all(len(line) <= 60 for line in lines), lines
    for line, row in zip(lines[2:-1], full, strict=True):
        assert line.startswith("kgs:" + row["st"].rsplit("/", 1)[1] + "  ")
        assert line.endswith("…")
    monkeypatch.delenv("COLUMNS")
    assert not any(line.endswith("…") for line in run("query", "--out", str(built_out), query).stdout.splitlines())


def test_missing_query_file(built_out: Path, tmp_path: Path) -> None:
    result = run("query", "--out", str(built_out), str(tmp_path / "nope.rq"))
    assert result.exit_code == 1
    assert result.stderr == f"kg: error: {tmp_path / 'nope.rq'}: no such query file\n"


def test_query_without_store(tmp_path: Path) -> None:
    result = run("query", "--out", str(tmp_path), COUNT_QUADS)
    assert result.exit_code == 1
    assert result.stderr == (
        f"kg: error: {tmp_path}: no kg store here; build one with: kg build ARTICLES --out {tmp_path}\n"
    )


def test_unknown_format_is_a_usage_error(built_out: Path) -> None:
    result = run("query", "--out", str(built_out), "--format", "xml", COUNT_QUADS)
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'csv', 'tsv', 'json'" in result.stderr


def test_locked_store(built_out: Path) -> None:
    from kg.store import Store

    with Store.open(built_out):  # readers share the store
        assert run("query", "--out", str(built_out), COUNT_QUADS).exit_code == 0
    with Store.open(built_out, write=True):  # a writer has it to itself
        result = run("query", "--out", str(built_out), COUNT_QUADS)
    assert result.exit_code == 1
    assert result.stderr == (
        f"kg: error: {built_out}: the store is in use: a kg build is writing to it; "
        "try again when it has finished, or pass --wait SECONDS\n"
    )


def test_corrupt_store(out_copy: Path) -> None:
    for file in (out_copy / "store").iterdir():
        if file.is_file():
            file.write_bytes(b"garbage" * 10)
    result = run("query", "--out", str(out_copy), COUNT_QUADS)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kg: error: {out_copy / 'store'}: the store is damaged (Corruption: ")
    assert result.stderr.endswith(
        "); it was left as it is: restore it from a backup or rebuild it with: kg build ARTICLES --out NEW_FOLDER\n"
    )
    assert len(result.stderr.splitlines()) == 1


# ------------------------------------------------------------------ export and render


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld", "graphml", "csv"])
def test_export_to_file(built_out: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"graph.{fmt}"
    result = run("export", "--out", str(built_out), "--format", fmt, "--file", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.stat().st_size > 1000


def test_export_to_unwritable_file(built_out: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("export", "--out", str(built_out), "--format", "turtle", "--file", str(blocker / "g.ttl"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kg: error: {blocker / 'g.ttl'}: cannot write file (")


def test_csv_export_status_is_a_word(built_out: Path) -> None:
    import csv

    rows = list(csv.DictReader(io.StringIO(run("export", "--out", str(built_out), "--format", "csv").stdout)))
    statuses = {"asserted", "attributed", "hedgedClaim", "negatedClaim", "deniedClaim"}
    assert rows and {r["status"] for r in rows} <= statuses
    assert all(r["subject"].startswith("https://w3id.org/kg/entity/") for r in rows)


def test_entities_table_fits_the_terminal_and_never_cuts_keys(built_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    csv_lines = run("entities", "--out", str(built_out), "--format", "csv").stdout.splitlines()
    keys = [line.rsplit(",", 1)[1] for line in csv_lines[1:]]
    assert any(k.startswith("anonymoussource/people-cited-by-bloomberg-") for k in keys)  # per article
    monkeypatch.setenv("COLUMNS", "100")
    lines = run("entities", "--out", str(built_out)).stdout.splitlines()
    assert [line.rsplit(" ", 1)[1] for line in lines[2:]] == keys
    assert all(len(line) <= 100 or line.endswith("  " + key) for line, key in zip(lines[2:], keys, strict=True))
    assert any(len(line) <= 100 and "…" in line for line in lines[2:])


def test_render_writes_the_page(built_out: Path, tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    result = run("render", "--out", str(built_out), "--file", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_render_unknown_focus(built_out: Path, tmp_path: Path) -> None:
    result = run("render", "--out", str(built_out), "--file", str(tmp_path / "p.html"), "--focus", "Nobody Atall")
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: ")
    assert "Nobody Atall" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "p.html").exists()


# ------------------------------------------------------------------ extract


def test_extract_jsonl(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    text = "The mayor rejected the proposal on Monday, the newspaper reported."
    article.write_text(text, encoding="utf-8")
    result = run("extract", str(article))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    for record in records:
        start, end = record["sentence_span"]
        assert text[start:end] == record["sentence"]
        subject = record["subject"]
        assert text[subject["start"] : subject["end"]] == subject["text"]
    assert any(r["relation"].endswith("rejected") for r in records)


def test_extract_carb(tmp_path: Path) -> None:
    file = tmp_path / "sents.txt"
    sentence = "The committee approved the new budget in March ."
    file.write_text(sentence + "\n", encoding="utf-8")
    result = run("extract", "--format", "carb", str(file))
    assert result.exit_code == 0, result.stderr
    fields = result.stdout.splitlines()[0].split("\t")
    assert fields[0] == sentence
    float(fields[1])
    assert all(token in sentence.split() for part in fields[3:] for token in part.split())


# ------------------------------------------------------------------ help and docs


def _commands() -> list[str]:
    return sorted(main.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert f"kg {command}" in result.stdout


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kg {command}" in readme


def _statement_subjects(out: Path) -> set[str]:
    query = "SELECT DISTINCT ?s WHERE { ?st a rdf:Statement ; rdf:subject ?s }"
    result = run("query", "--out", str(out), "--format", "csv", query)
    assert result.exit_code == 0, result.stderr
    return set(result.stdout.splitlines()[1:])


def test_building_in_two_steps_gives_the_same_actors(built_out: Path, tmp_path: Path) -> None:
    files = sorted(p for p in ARTICLES.iterdir() if p.is_file())
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for n, path in enumerate(files):
        (first if n % 2 else second).joinpath(path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    for part in (first, second):
        result = run("build", str(part), "--out", str(out), "--no-html")
        assert result.exit_code == 0, result.stderr
    assert _statement_subjects(out) == _statement_subjects(built_out)


def test_a_later_build_reuses_stored_actors(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("General Valery Zaluzhny met the defence minister in Kyiv on Monday.\n", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("Zaluzhny criticised the new mobilisation law on Friday.\n", encoding="utf-8")
    out = tmp_path / "out"
    for path in (first, second):
        result = run("build", str(path), "--out", str(out), "--no-html")
        assert result.exit_code == 0, result.stderr
    subjects = _statement_subjects(out)
    assert "https://w3id.org/kg/entity/person/valery-zaluzhny" in subjects
    assert "https://w3id.org/kg/entity/person/zaluzhny" not in subjects


def test_two_processes_give_the_same_graph(built_out: Path, tmp_path: Path) -> None:
    result = run("build", str(ARTICLES), "--out", str(tmp_path / "jobs"), "--jobs", "2", "--no-html")
    assert result.exit_code == 0, result.stderr
    assert nquads(tmp_path / "jobs") == nquads(built_out)


# ------------------------------------------------------------------ progress


def test_long_work_reports_progress_off_a_terminal(built_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_PROGRESS_SECONDS", "0.2")
    result = run("validate", "--out", str(built_out))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines, "no progress"
    for line in lines:
        assert re.fullmatch(f"validating {re.escape(str(built_out))} against the SHACL shapes: \\d+ s", line), line
    assert run("validate", "--out", str(built_out), "--quiet").stderr == ""


def test_build_progress_counts_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_PROGRESS_SECONDS", "0")
    result = run("build", str(ARTICLES), "--out", str(tmp_path / "out"), "--no-html")
    assert result.exit_code == 0, result.stderr
    counted = [line for line in result.stderr.splitlines() if line.startswith("extracting: ")]
    done = [int(line.split("/")[0].split()[-1]) for line in counted]
    assert done == sorted(done) and done[-1] == 5, counted  # counted per stored batch
    rate = r"(, [\d,]+ words/s(, \d+:\d\d left)?)?"
    assert all(re.fullmatch(r"extracting: \d/5 articles, \d+ s" + rate, line) for line in counted), counted


def test_short_work_says_nothing(built_out: Path) -> None:
    result = run("query", "--out", str(built_out), "--format", "csv", COUNT_QUADS)
    assert result.exit_code == 0
    assert result.stderr == ""


@pytest.mark.parametrize("name", ["zelenský", "person/vladimir-zelensky", "VLADIMIR ZELENSKY"])
def test_render_focus_finds_an_actor_as_kg_show_does(built_out: Path, tmp_path: Path, name: str) -> None:
    page = tmp_path / "focus.html"
    result = run("render", "--out", str(built_out), "--focus", name, "--file", str(page))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"wrote {page} (")
