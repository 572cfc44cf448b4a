"""Hostile input (issue 12): each case is one `kg: error:` line, a non-zero exit and the store as it was.

Real files and real processes: the article files are written to disk (FIFOs, file names that are not
UTF-8 or hold a newline) and `kg build` runs as its own process against a copy of a built store.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run_kg(*args: str | bytes, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """Run this checkout's kg as a process; a hang fails the test instead of the suite."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, timeout=timeout, check=False
    )


def snapshot(out: Path) -> dict[str, str]:
    """SHA-256 of every output file by name, and of the store's sorted N-Quads (its files change on open)."""
    import pyoxigraph as ox

    from kg.store import Store

    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()}
    with Store.open(out) as store:
        quads = sorted(store.dump(ox.RdfFormat.N_QUADS).splitlines())
    assert len(quads) > 100
    found["store"] = hashlib.sha256(b"\n".join(quads)).hexdigest()
    return found


def one_error_line(stderr: str, *fragments: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("kg: error: "), stderr
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


# --- the cases: (name, writer of the hostile file, fragments of the error line) -------------------


def deep_json(tmp: Path) -> bytes:
    path = tmp / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return bytes(path)


def deep_jsonl(tmp: Path) -> bytes:
    path = tmp / "deep.jsonl"
    path.write_text('{"text": "Fine."}\n' + '{"text": ' * 100_000 + '"x"' + "}" * 100_000 + "\n", encoding="utf-8")
    return bytes(path)


def surrogate_text(tmp: Path) -> bytes:
    path = tmp / "surrogate.json"
    path.write_text('{"text": "The minister \\ud800 resigned.", "title": "Fine"}', encoding="utf-8")
    return bytes(path)


def surrogate_title(tmp: Path) -> bytes:
    path = tmp / "surrogate.jsonl"
    path.write_text('{"text": "The minister resigned.", "title": "Bad \\udc00"}\n', encoding="utf-8")
    return bytes(path)


def long_integer_id(tmp: Path) -> bytes:
    path = tmp / "id.json"
    path.write_text('{"text": "The minister resigned.", "id": ' + "7" * 5000 + "}", encoding="utf-8")
    return bytes(path)


def nul_after_8k(tmp: Path) -> bytes:
    path = tmp / "nul.txt"
    path.write_bytes(b"The minister resigned. " * 500 + b"\x00 and more.")
    return bytes(path)


def latin1_name(tmp: Path) -> bytes:
    folder = tmp / "names"
    folder.mkdir()
    name = bytes(folder) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(b"The minister resigned.")
    return name


def newline_name(tmp: Path) -> bytes:
    path = tmp / "new\nline.txt"
    path.write_bytes(b"\xff\xfe not UTF-8")
    return bytes(path)


def fifo(tmp: Path) -> bytes:
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return bytes(path)


CASES: list[tuple[str, Callable[[Path], bytes], tuple[str, ...]]] = [
    ("deep-json", deep_json, ("deep.json", "nested too deeply")),
    ("deep-jsonl", deep_jsonl, ("deep.jsonl:2", "nested too deeply")),
    ("surrogate-text", surrogate_text, ("surrogate.json[0]", '"text" holds a lone surrogate', "\\ud800")),
    ("surrogate-title", surrogate_title, ("surrogate.jsonl:1", '"title" holds a lone surrogate', "\\udc00")),
    ("5000-digit-id", long_integer_id, ("id.json", "5000 digits")),
    ("nul-after-8k", nul_after_8k, ("nul.txt", "NUL byte at offset 11500")),
    ("latin1-file-name", latin1_name, ("caf\\xe9.txt", "file name is not valid UTF-8")),
    ("newline-in-file-name", newline_name, ("new\\nline.txt", "not valid UTF-8")),
    ("fifo", fifo, ("pipe.txt", "not a regular file", "FIFO")),
]
IDS = [name for name, _, _ in CASES]


# Run as processes: a FIFO blocks the process that opens it; the others run in-process (faster).
IN_A_PROCESS = frozenset({"fifo", "latin1-file-name", "newline-in-file-name"})


def run_case(name: str, *args: str | bytes) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of kg with args, as a process or through CliRunner."""
    if name in IN_A_PROCESS:
        done = run_kg(*args)
        return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    result = CliRunner().invoke(main, [os.fsdecode(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "make", "fragments"), CASES, ids=IDS)
def test_build_refuses_hostile_input_and_keeps_the_store(
    name: str, make: Callable[[Path], bytes], fragments: tuple[str, ...], out_copy: Path, tmp_path: Path
) -> None:
    path = make(tmp_path)
    before = snapshot(out_copy)
    code, stdout, stderr = run_case(name, b"build", path, b"--out", bytes(out_copy))
    assert code == 1, stderr
    one_error_line(stderr, *fragments)
    assert stdout == ""
    assert snapshot(out_copy) == before


@pytest.mark.parametrize(("name", "make", "fragments"), CASES, ids=IDS)
def test_extract_refuses_hostile_input(
    name: str, make: Callable[[Path], bytes], fragments: tuple[str, ...], tmp_path: Path
) -> None:
    code, stdout, stderr = run_case(name, b"extract", make(tmp_path))
    assert code == 1, stderr
    one_error_line(stderr, *fragments)
    assert stdout == ""


def test_extract_carb_refuses_a_fifo(tmp_path: Path) -> None:
    result = run_kg(b"extract", b"--format", b"carb", fifo(tmp_path), timeout=30)
    assert result.returncode == 1
    one_error_line(result.stderr.decode("utf-8"), "pipe.txt", "FIFO")


# --- validate: RDF nested deeper than the parser recurses ---------------------------------------


@pytest.mark.parametrize(
    ("file_name", "content"),
    [
        ("deep.ttl", "<http://x/a> <http://x/p> " + "(" * 100_000 + ")" * 100_000 + " ."),
        ("blank.ttl", "<http://x/a> <http://x/p> " + "[ <http://x/p> " * 50_000 + "]" * 50_000 + " ."),
        ("deep.jsonld", '{"@id": "http://x/a", "http://x/p": ' + "[" * 100_000 + "1" + "]" * 100_000 + "}"),
    ],
    ids=["turtle-lists", "turtle-blank-nodes", "json-ld-lists"],
)
def test_validate_refuses_deep_nesting(file_name: str, content: str, tmp_path: Path) -> None:
    path = tmp_path / file_name
    path.write_text(content, encoding="utf-8")
    result = run_kg(b"validate", bytes(path))
    assert result.returncode == 1, result
    one_error_line(result.stderr.decode("utf-8"), file_name, "nested too deeply")


# --- stdout on a full device ----------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "turtle"),
        ("query", "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3"),
        ("entities",),
    ],
    ids=["export", "query", "entities"],
)
def test_stdout_on_a_full_device(args: tuple[str, ...], out_copy: Path) -> None:
    before = snapshot(out_copy)
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "kg", *args, "--out", str(out_copy)],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert result.returncode == 1
    one_error_line(result.stderr.decode("utf-8"), "cannot write the output", "No space left on device")
    assert snapshot(out_copy) == before


# --- texts over spaCy's 1,000,000 characters, sentences of thousands of tokens --------------------

FIRST = "Zaluzhny declined the offer, the Financial Times reported on Tuesday."
LAST = "The ministry denied the report, officials in Kyiv said."


def offsets_hold(text: str, statements: list[dict[str, Any]]) -> None:
    """Every offset of every statement points at the words it names in the article text.

    An argument's text may leave words of its span out ("a chain" of "a family-owned chain"),
    so its span must start with its first word, end with its last and hold all of them.
    """
    assert statements
    for statement in statements:
        start, end = statement["sentence_span"]
        assert text[start:end] == statement["sentence"]
        for role in ("subject", "object"):
            arg = statement[role]
            if arg is not None:
                span, words = text[arg["start"] : arg["end"]], arg["text"].split()
                assert span.startswith(words[0]) and span.endswith(words[-1]), (role, arg, span)
                assert all(word in span for word in words), (role, arg, span)


def test_an_article_over_a_million_characters_is_extracted_with_true_offsets(nlp: object, tmp_path: Path) -> None:
    """spaCy refuses texts over nlp.max_length (E088); kg parses them in parts and keeps the offsets."""
    text = f"{FIRST}\n\n" + "\n" * 1_000_000 + f"\n\n{LAST}"
    (tmp_path / "huge.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "huge.txt")])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    records = [json.loads(line) for line in result.stdout.splitlines()]
    offsets_hold(text, records)
    assert {r["sentence"] for r in records} == {FIRST, LAST}
    assert min(r["sentence_span"][0] for r in records if r["sentence"] == LAST) > 1_000_000


def test_an_article_over_a_million_characters_builds_with_two_jobs(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text(f"{FIRST}\n\n" + "\n" * 1_000_000 + f"\n\n{LAST}", encoding="utf-8")
    (tmp_path / "small.txt").write_text(LAST.replace("Kyiv", "Lviv"), encoding="utf-8")
    out = tmp_path / "out"
    done = run_kg(
        b"build",
        bytes(tmp_path / "huge.txt"),
        bytes(tmp_path / "small.txt"),
        b"--out",
        bytes(out),
        b"--jobs",
        b"2",
        b"--no-html",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr
    from kg.store import Store

    with Store.open(out) as store:
        assert len(store.article_ids()) == 2
        sentences = {str(s) for (s,) in store.select("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?x kg:sentence ?s } }")}
    assert FIRST in sentences and LAST in sentences


def test_parsing_in_parts_keeps_every_offset(nlp: object) -> None:
    """The sample articles cut into parts of at most 300 characters: one Doc of the whole text, true offsets."""
    from kg.articles import load
    from kg.build import extractor_name
    from kg.extract.statements import extract_article
    from kg.nlp import parse

    articles = load([ROOT / "articles"])
    docs = list(parse(nlp, [a.text for a in articles], max_chars=300, batch_size=4))
    assert [d.text for d in docs] == [a.text for a in articles]
    for article, doc in zip(articles, docs, strict=True):
        x = extract_article(doc, article, extractor=extractor_name(nlp))
        offsets_hold(article.text, [_record(s) for s in x.statements])


def test_ordinary_text_parses_as_spacy_parses_it(nlp: object) -> None:
    """Below both bounds parse() is nlp.pipe: same tokens, heads, labels and entities."""
    from kg.articles import load
    from kg.nlp import parse

    texts = [a.text for a in load([ROOT / "articles"])]
    for ours, theirs in zip(parse(nlp, texts), nlp.pipe(texts), strict=True):  # type: ignore[attr-defined]
        assert ours is not None and ours.to_bytes() == theirs.to_bytes()


def and_sentence(chars: int) -> str:
    """'Smith said prices rose and prices rose and ...': one sentence of about chars characters."""
    return "Smith said " + " and ".join(["prices rose"] * (chars // 16)) + "."


def test_a_sentence_of_thousands_of_tokens_is_parsed_in_bounded_pieces(nlp: object) -> None:
    """Extraction time grows with the square of a sentence's length: no sentence over MAX_SENTENCE_TOKENS."""
    from kg.articles import make_article
    from kg.extract.statements import extract_article
    from kg.nlp import MAX_SENTENCE_TOKENS, parse

    text = f"{FIRST} {and_sentence(20_000)} {LAST}"
    (doc,) = parse(nlp, [text])
    assert doc.text == text
    assert len(doc) > 3_000
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert next(t for t in doc if t.idx == len(FIRST) + 1).is_sent_start  # "Smith" starts one
    x = extract_article(doc, make_article(text), extractor="test")
    offsets_hold(text, [_record(s) for s in x.statements])
    assert {FIRST, LAST} <= {s.sentence for s in x.statements}


def _record(statement: Any) -> dict[str, Any]:
    """The parts of a Statement that offsets_hold checks, as kg extract prints them."""

    def arg(a: Any) -> dict[str, Any] | None:
        return None if a is None else {"text": a.text, "start": a.start, "end": a.end}

    return {
        "sentence": statement.sentence,
        "sentence_span": [statement.sentence_start, statement.sentence_end],
        "subject": arg(statement.subject),
        "object": arg(statement.object),
    }


# --- fuzz: arbitrary bytes, JSON and file names at build and extract -----------------------------

SUFFIX = st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".htm", ".TXT", ".markdown"])
# names as the file system takes them: any bytes but "/" and NUL (not UTF-8 ones included)
RAW_NAME = st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b)
TEXT_NAME = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=12)
NAME = st.one_of(TEXT_NAME.map(os.fsencode), RAW_NAME).filter(lambda b: b not in (b".", b".."))
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(["text", "title", "date", "source", "url", "id"])
RECORD = st.dictionaries(FIELDS, JSON_VALUE | st.text(max_size=80), max_size=6) | st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=200)}, optional={"title": st.text(), "date": st.text(max_size=12)}
)
SENTENCES = st.lists(st.sampled_from([FIRST, LAST, "He said so.", "“No,” she said.", "\n\n", "<p>", "# T\n"]))


def _dumps(value: Any, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


CONTENT = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    SENTENCES.map(lambda parts: " ".join(parts).encode()),
    st.builds(_dumps, JSON_VALUE, st.booleans()).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(_dumps, RECORD | st.lists(RECORD, max_size=3), st.booleans()).map(
        lambda t: t.encode("utf-8", "surrogatepass")
    ),
    st.lists(st.builds(_dumps, RECORD, st.booleans()), min_size=1, max_size=3).map(
        lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
    ),
    st.integers(1, 3000).map(lambda n: ("[" * n + "]" * n).encode()),
)


def _no_traceback(result: Any, what: str) -> None:
    assert result.exit_code in (0, 1, 2), (what, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (what, result.exception)
    if result.exit_code != 0:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("kg: error: "), (what, result.stderr)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAME, suffix=SUFFIX, content=CONTENT)
def test_fuzz_build_and_extract_never_trace_back(
    nlp: object, fuzz_store: Path, name: bytes, suffix: str, content: bytes
) -> None:
    """Whatever the file, kg build and kg extract exit 0, 1 or 2, and a failure is one line that changed nothing."""
    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
        path = os.path.join(os.fsencode(tmp), name + suffix.encode())
        with open(path, "wb") as handle:
            handle.write(content)
        arg = os.fsdecode(path)
        _no_traceback(CliRunner().invoke(main, ["extract", arg]), "extract")
        before = snapshot(fuzz_store)
        built = CliRunner().invoke(main, ["build", arg, "--out", str(fuzz_store), "--quiet"])
        _no_traceback(built, "build")
        if built.exit_code != 0:
            assert snapshot(fuzz_store) == before


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small store for every fuzz example: builds add to it, failed ones must not change it."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "seed.txt").write_text(f"{FIRST} {LAST}", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder / "seed.txt"), "--out", str(folder / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    return folder / "out"
