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


def count(out: Path, query: str = COUNT) -> int:
    result = kg("query", query, "--out", str(out), "--format", "csv")
    assert result.returncode == 0, result.stderr
    return int(result.stdout.splitlines()[1])


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
    second = kg("build", str(other), "--out", str(out_copy), "--no-html")
    assert second.returncode == 1
    assert second.stderr.strip().splitlines() == [
        f"kg: error: {out_copy}: the store is in use: another kg process is writing to it; "
        "try again when it has finished, or pass --wait SECONDS"
    ]
    reader = kg("query", COUNT, "--out", str(out_copy))
    assert reader.returncode == 1
    assert reader.stderr.strip().splitlines() == [
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
        assert (code, out, err.splitlines()) == (1, "", [line]), args
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
        [line] = result.stderr.splitlines()
        assert re.fullmatch(
            f"kg: error: {re.escape(str(out_copy))}: output folder is not writable "
            r"\((Operation not permitted|Permission denied)\); choose another --out",
            line,
        ), line
        with pytest.raises(StoreError, match=r"the store cannot be written \(.*\); it is read-only: query it"):
            Store.open(out_copy, write=True)
        assert digest(out_copy) == files
