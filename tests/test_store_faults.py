"""The store survives other processes, crashes and damaged files (issue 12), with real processes.

A build is paused inside its write with the KG_TEST_STOP_IN_WRITE seam (the writer stops
itself with SIGSTOP after the bulk load, before the commit), so the tests are not at the
mercy of timing.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store import CHECKPOINT_DIR, STOP_IN_WRITE_ENV, WRITING_MARK, Store

ROOT = Path(__file__).resolve().parent.parent
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
ARTICLES_Q = "SELECT (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a kg:Article } }"
NEW_ARTICLE = "Kyiv mayor Vitali Klitschko said on Tuesday that the city council approved the new budget.\n"


def kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI of this checkout in a new process."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def start_kg(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_stopped(proc: subprocess.Popen[str], timeout: float = 120) -> None:
    """Wait until proc has stopped itself (state T) inside its write."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        state = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "T":
            return
        time.sleep(0.05)
    raise AssertionError("the build never reached its write")


def errors(stderr: str) -> list[str]:
    """The error lines of stderr (progress lines come every few seconds on a slow machine); no traceback."""
    assert "Traceback" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith("kg: ")]


def count(out: Path, query: str = COUNT) -> int:
    code, out_, err = run_cli(["query", query, "--out", str(out), "--format", "csv"])
    assert code == 0, err
    return int(out_.splitlines()[1])


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def new_article(tmp_path: Path) -> Path:
    path = tmp_path / "new" / "klitschko.txt"
    path.parent.mkdir()
    path.write_text(NEW_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def paused_build(out_copy: Path, new_article: Path) -> Iterator[subprocess.Popen[str]]:
    """A build of one new article into out_copy, stopped inside its write."""
    env = dict(os.environ, **{STOP_IN_WRITE_ENV: "1"})
    proc = start_kg("build", str(new_article), "--out", str(out_copy), "--no-html", env=env)
    try:
        wait_stopped(proc)
        assert (out_copy / WRITING_MARK).exists()
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.send_signal(signal.SIGCONT)
        proc.communicate()


def test_a_second_build_and_a_query_during_a_write_are_refused_and_nothing_is_lost(
    out_copy: Path, built_out: Path, paused_build: subprocess.Popen[str], tmp_path: Path
) -> None:
    before = count(built_out, ARTICLES_Q)
    other = tmp_path / "other.txt"
    other.write_text("The ministry said on Monday that the bridge will reopen in May.\n", encoding="utf-8")
    second = kg("build", str(other), "--out", str(out_copy), "--no-html", "--quiet")  # no progress line, if slow
    assert second.returncode == 1
    assert errors(second.stderr) == [
        f"kg: error: {out_copy}: the store is in use: another kg process is writing to it; "
        "try again when it has finished, or pass --wait SECONDS"
    ]
    code, _, err = run_cli(["query", COUNT, "--out", str(out_copy)])
    assert code == 1
    assert errors(err) == [
        f"kg: error: {out_copy}: the store is in use: a kg build is writing to it; "
        "try again when it has finished, or pass --wait SECONDS"
    ]
    assert (out_copy / WRITING_MARK).exists() and (out_copy / CHECKPOINT_DIR).is_dir()  # nobody recovered
    waiting = start_kg("query", ARTICLES_Q, "--out", str(out_copy), "--format", "csv", "--wait", "120")
    time.sleep(1.0)
    assert waiting.poll() is None  # it waits for the build rather than failing
    paused_build.send_signal(signal.SIGCONT)
    _, err = paused_build.communicate(timeout=300)
    assert paused_build.returncode == 0, err
    out, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert int(out.splitlines()[1]) == before + 1  # the reader saw the committed build, whole
    assert count(out_copy, ARTICLES_Q) == before + 1
    assert not (out_copy / WRITING_MARK).exists()


def test_a_build_killed_in_its_write_leaves_the_last_commit_for_readers_and_writers(
    out_copy: Path, built_out: Path, paused_build: subprocess.Popen[str]
) -> None:
    before = count(built_out)
    paused_build.kill()
    paused_build.communicate()
    files = digest(out_copy)
    assert count(out_copy) == before  # a reader sees the last commit, not the half write
    assert digest(out_copy) == files  # ... and repairs nothing: only a writer may
    with Store.open(out_copy, write=True) as store:
        assert store.count() == before
    assert not (out_copy / WRITING_MARK).exists() and not (out_copy / CHECKPOINT_DIR).exists()
    assert count(out_copy) == before


READ_COMMANDS = [
    ["query", COUNT],
    ["entities"],
    ["export", "--format", "turtle"],
    ["export", "--format", "jsonld"],
    ["show", "Zaluzhny"],
    ["render", "--file", "{tmp}/page.html"],
    ["validate"],
]


def run_cli(args: list[str]) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def test_a_store_without_current_is_reported_as_damaged_and_left_as_it_is(
    out_copy: Path, tmp_path: Path, new_article: Path
) -> None:
    (out_copy / "store" / "CURRENT").unlink()
    files = digest(out_copy / "store")
    line = (
        f"kg: error: {out_copy / 'store'}: the store is damaged (its CURRENT file is missing); it was left as it "
        "is: restore it from a backup or rebuild it with: kg build ARTICLES --out NEW_FOLDER"
    )
    for args in [*READ_COMMANDS, ["build", str(new_article), "--no-html"]]:
        code, out, err = run_cli([a.replace("{tmp}", str(tmp_path)) for a in args] + ["--out", str(out_copy)])
        assert (code, out, errors(err)) == (1, "", [line]), args
        assert digest(out_copy / "store") == files, args
    assert not (tmp_path / "page.html").exists()


def immutable(folder: Path) -> Iterator[None]:
    """Make folder and everything in it unwritable, even for root (chattr +i), or skip."""
    paths = [folder, *folder.rglob("*")]
    if os.geteuid() != 0:
        for p in paths:
            p.chmod(p.stat().st_mode & ~0o222)
        yield
        for p in paths:
            p.chmod(p.stat().st_mode | 0o200)
        return
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True, text=True, check=False)
    try:
        if done.returncode != 0:
            reason = done.stderr.strip()
            pytest.skip(f"running as root and chattr +i is refused here ({reason}): cannot make files read-only")
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True, check=False)


def test_a_read_only_store_is_queryable_and_a_build_says_read_only(
    out_copy: Path, built_out: Path, new_article: Path
) -> None:
    before = count(built_out)
    for _ in immutable(out_copy):
        files = digest(out_copy)
        assert count(out_copy) == before
        code, out, err = run_cli(["entities", "--out", str(out_copy)])
        assert code == 0 and "Zaluzhny" in out, err
        result = kg("build", str(new_article), "--out", str(out_copy), "--no-html")
        assert result.returncode == 1
        [line] = errors(result.stderr)
        assert re.fullmatch(
            f"kg: error: {re.escape(str(out_copy))}: output folder is not writable "
            r"\((Operation not permitted|Permission denied)\); choose another --out",
            line,
        ), line
        with pytest.raises(StoreError, match=r"the store cannot be written \(.*\); it is read-only: query it"):
            Store.open(out_copy, write=True)
        assert digest(out_copy) == files


def corrupt_a_sentence(out: Path) -> Path:
    """Flip bytes in the data block that holds a sentence (in Oxigraph's string table), not at open."""
    with Store.open(out) as store:
        sentences = sorted(str(row[0]).encode() for row in store.select(SENTENCE_QUERY))
    tables = {table: table.read_bytes() for table in sorted((out / "store").glob("*.sst"))}
    for sentence in sentences:
        for table, data in tables.items():
            at = data.find(sentence[:40])
            if len(sentence) >= 40 and at >= 0:
                flipped = bytearray(data)
                for i in range(at, at + 16):
                    flipped[i] ^= 0xFF
                table.write_bytes(bytes(flipped))
                return table
    raise AssertionError("no sentence is stored uncompressed in any table")


DAMAGED_FIX = "; it was left as it is: restore it from a backup or rebuild it with: kg build ARTICLES --out NEW_FOLDER"
SENTENCE_QUERY = "SELECT ?s WHERE { ?st kg:sentence ?s }"


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "turtle"],
        ["export", "--format", "jsonld"],
        ["export", "--format", "nquads"],
        ["export", "--format", "csv"],
        ["query", SENTENCE_QUERY],
    ],
    ids=["turtle", "jsonld", "nquads", "csv", "select"],
)
def test_a_damaged_table_is_an_error_never_a_short_answer(out_copy: Path, args: list[str]) -> None:
    table = corrupt_a_sentence(out_copy)
    code, out, err = run_cli([*args, "--out", str(out_copy)])
    assert (code, out) == (1, ""), err
    [line] = errors(err)
    damaged = f"kg: error: {out_copy / 'store'}: the store is damaged (Corruption: block checksum mismatch"
    assert line.startswith(damaged)
    assert table.name in line
    assert line.endswith(DAMAGED_FIX)


class Listener:
    """A real HTTP server on 127.0.0.1 that counts requests and answers an empty SPARQL result."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.requests: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                self.do_GET()

            def do_GET(self) -> None:  # noqa: N802
                listener.requests.append(self.path)
                body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "select * where {{ ?x ?y ?z . service silent <{url}> {{ ?s ?p ?o }} }}",
        "PREFIX ex: <{url}>\nSELECT * WHERE {{\n  SERVICE ex: {{ ?s ?p ?o }} # a comment\n}}",
    ],
    ids=["upper", "lower-silent", "prefixed"],
)
def test_service_is_refused_and_reaches_no_server(built_out: Path, listener: Listener, template: str) -> None:
    query = template.format(url=listener.url)
    code, out, err = run_cli(["query", query, "--out", str(built_out)])
    assert (code, out) == (1, "")
    [line] = errors(err)
    assert line.startswith("kg: error: the query uses SERVICE (at ")
    assert line.endswith("which sends it to another server; kg does not do that unless you pass --allow-service")
    assert listener.requests == []
    code, out, err = run_cli(["query", query, "--out", str(built_out), "--allow-service"])
    assert listener.requests  # the listener does see a query that is allowed to go out


def test_service_in_a_string_iri_or_comment_is_no_service(built_out: Path) -> None:
    query = 'SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:9/>" AS ?x) } # SERVICE <http://127.0.0.1:9/>'
    code, out, err = run_cli(["query", query, "--out", str(built_out), "--format", "csv"])
    assert (code, out, err) == (0, "x\nSERVICE <http://127.0.0.1:9/>\n", "")


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SORTED_PAIRS = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d LIMIT 1"


def test_a_runaway_query_stops_at_its_time_limit_and_lets_go_of_the_store(built_out: Path) -> None:
    started = time.monotonic()
    code, out, err = run_cli(["query", CARTESIAN, "--out", str(built_out), "--timeout", "1"])
    took = time.monotonic() - started
    assert (code, out, errors(err)) == (
        1,
        "",
        [
            "kg: error: the query was stopped after 1 s, its time limit; narrow it (a LIMIT, fewer unbound "
            "patterns), or give --timeout SECONDS (0: no limit)"
        ],
    )
    assert took < 30
    with Store.open(built_out, write=True):  # the lock was given back: a writer gets in at once
        pass


def test_a_query_that_needs_too_much_memory_is_stopped(built_out: Path) -> None:
    code, out, err = run_cli(["query", SORTED_PAIRS, "--out", str(built_out), "--memory", "200"])
    assert (code, out, errors(err)) == (
        1,
        "",
        [
            "kg: error: the query was stopped: it needed more than 200 MB of memory, its bound; narrow it, "
            "or give --memory MB (0: no bound)"
        ],
    )
    with Store.open(built_out, write=True):
        pass


def test_queries_have_a_default_time_limit_and_memory_bound() -> None:
    from kg.bounded import Limits

    limits = Limits()
    assert limits.timeout == 60 and 0 < limits.memory <= 4 << 30 and not limits.allow_service


def test_a_build_that_fails_after_its_commit_says_what_was_stored(out_copy: Path, new_article: Path) -> None:
    (out_copy / "kg.ttl").unlink()
    (out_copy / "kg.ttl").mkdir()  # the Turtle file cannot be written
    code, out, err = run_cli(["build", str(new_article), "--out", str(out_copy)])
    assert code == 1
    [line] = errors(err)
    ttl, html = out_copy / "kg.ttl", out_copy / "graph.html"
    assert line.startswith(f"kg: error: {ttl}: cannot write file (")
    assert "; the 1 new article was stored (the store now holds " in line
    assert line.endswith(
        f", but {ttl} and {html} were not written; to write: kg export --format turtle --file {ttl} "
        f"--out {out_copy}; kg render --out {out_copy}"
    )
    assert "nothing" not in line
    assert count(out_copy, ARTICLES_Q) == 6


def test_a_build_interrupted_in_its_write_says_the_store_is_at_its_last_commit(
    out_copy: Path, built_out: Path, paused_build: subprocess.Popen[str]
) -> None:
    paused_build.send_signal(signal.SIGINT)
    paused_build.send_signal(signal.SIGCONT)
    _, err = paused_build.communicate(timeout=120)
    assert paused_build.returncode == 130
    [line] = errors(err)
    assert line.startswith("kg: error: interrupted; the store was left at its last commit: it holds 5 articles, ")
    assert count(out_copy, ARTICLES_Q) == count(built_out, ARTICLES_Q) == 5


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of 8 MB (needs root and CAP_SYS_ADMIN, else skip), unmounted after the test."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill ({done.stderr.strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_disk_full_and_loses_nothing(
    built_out: Path, small_disk: Path, new_article: Path, tmp_path: Path
) -> None:
    import shutil

    out = small_disk / "out"
    shutil.copytree(built_out / "store", out / "store")
    before = count(out)
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(bytes(max(free - (32 << 10), 0)))  # 32 KB left: less than a build writes
    result = kg("build", str(new_article), "--out", str(out), "--no-html")
    assert result.returncode == 1
    [line] = errors(result.stderr)
    assert line.startswith(f"kg: error: {out / 'store'}: the disk is full (")
    assert "No space left on device" in line and line.endswith("; free some space and run the command again")
    assert "damaged" not in line and "in use" not in line
    assert count(out) == before


@pytest.mark.parametrize(
    ("message", "errno_", "kind", "words"),
    [
        ("Corruption: block checksum mismatch: stored = 1, computed = 2, in 000011.sst", None, "Damaged", "damaged"),
        (
            "IO error: No space left on device: While appending to file: store/000042.sst",
            28,
            "DiskFull",
            "disk is full",
        ),
        ("IO error: While lock file: store/LOCK: Resource temporarily unavailable", 11, "Busy", "another program"),
        ("IO error: While open a file for appending: store/LOG: Read-only file system", 30, "", "read-only"),
    ],
    ids=["checksum", "disk-full", "rocksdb-lock", "read-only"],
)
def test_each_cause_has_its_own_message(message: str, errno_: int | None, kind: str, words: str) -> None:
    from kg import errors
    from kg.faults import store_error

    exc = OSError(errno_, message) if errno_ else RuntimeError(message)
    error = store_error(Path("out/store"), exc, writing=True)
    assert type(error) is getattr(errors, f"Store{kind}Error")
    assert words in str(error) and "in use" not in str(error)


def test_a_store_held_by_another_oxigraph_program_is_named_as_such(out_copy: Path) -> None:
    import pyoxigraph as ox

    other = ox.Store(str(out_copy / "store"))  # not kg: no flock, only RocksDB's LOCK
    try:
        with pytest.raises(StoreError, match=r"the store is open in another program \(RocksDB's LOCK is held\)"):
            Store.open(out_copy, write=True)
    finally:
        del other


def test_a_killed_query_leaves_no_query_running(built_out: Path) -> None:
    parent = start_kg("query", CARTESIAN, "--out", str(built_out), "--timeout", "100")
    children = Path(f"/proc/{parent.pid}/task/{parent.pid}/children")
    deadline = time.monotonic() + 60
    while not children.read_text().split():
        assert time.monotonic() < deadline and parent.poll() is None, parent.communicate()
        time.sleep(0.05)
    [child] = children.read_text().split()
    parent.kill()
    parent.communicate()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{child}").exists() and "zombie" not in _state(child):
        assert time.monotonic() < deadline, "the query process outlived kg"
        time.sleep(0.05)


def _state(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0]
    except (FileNotFoundError, IndexError):
        return "zombie"
