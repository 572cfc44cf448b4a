"""Streaming builds: whole batches only, also under SIGKILL; resume; --jobs; change, remove, rebuild."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.articles import load
from kg.build import scan
from kg.cli import main
from kg.store import Store

from .conftest import ARTICLES, ROOT

BATCH = 4
ENTITIES = "https://w3id.org/kg/graph/entities"
ONTOLOGY = "https://w3id.org/kg/graph/ontology"


def kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(kg(*args), cwd=ROOT, capture_output=True, text=True, check=False, timeout=300)


def graphs(out: Path) -> dict[str, set[str]]:
    """N-Quads lines of the store, by graph name."""
    found: dict[str, set[str]] = defaultdict(set)
    with Store.open(out) as store:
        for q in store.inner.quads_for_pattern(None, None, None, None):
            found[str(getattr(q.graph_name, "value", ""))].add(str(q))
    return found


class Ran:
    def __init__(self, code: int, stderr: str) -> None:
        self.returncode, self.stderr = code, stderr


def here(*args: str) -> Ran:
    """The command in this process (the model is loaded once per session)."""
    result = CliRunner().invoke(main, list(args))
    return Ran(result.exit_code, result.stderr)


def nquads(out: Path) -> list[str]:
    return sorted(line for lines in graphs(out).values() for line in lines)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample articles cut into paragraphs: about 25 small articles, several batches of BATCH."""
    folder = tmp_path_factory.mktemp("paragraphs")
    n = 0
    for article in load([ARTICLES]):
        for paragraph in article.text.split("\n\n"):
            if len(paragraph.split()) >= 8:
                header = f"date {article.date} {article.title or ''}" if article.date else f"title {article.title}"
                (folder / f"p{n:03d}.txt").write_text(f"{header}\n{paragraph}\n", encoding="utf-8")
                n += 1
    assert n > 4 * BATCH
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """An uninterrupted build of the corpus with --jobs 1, and how long it took."""
    out = tmp_path_factory.mktemp("reference") / "out"
    started = time.monotonic()
    result = run("build", str(corpus), "--out", str(out), "--jobs", "1", "--batch-size", str(BATCH), "--no-html")
    assert result.returncode == 0, result.stderr
    return out, time.monotonic() - started


def test_jobs_2_gives_the_graph_of_jobs_1(corpus: Path, reference: tuple[Path, float], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", str(corpus), "--out", str(out), "--jobs", "2", "--batch-size", str(BATCH), "--no-html")
    assert result.returncode == 0, result.stderr
    assert nquads(out) == nquads(reference[0])


def _check_whole_batches(out: Path, batches: list[set[str]], expected: dict[str, set[str]]) -> int:
    """The store holds the first k batches exactly as the uninterrupted build stored them; returns k."""
    found = graphs(out)
    stored = {g.rsplit("/", 1)[1] for g in found if "/article/" in g}
    k = 0
    while k < len(batches) and batches[k] <= stored:
        k += 1
    assert stored == set().union(*batches[:k]), "the store holds part of a batch"
    for name, lines in found.items():
        if name in (ENTITIES, ONTOLOGY):
            assert lines <= expected[name], f"{name} holds quads the uninterrupted build does not"
        else:
            assert lines == expected[name], f"{name} differs from the uninterrupted build"
    return k


def test_sigkill_at_random_points_leaves_whole_batches_and_the_build_resumes(
    corpus: Path, reference: tuple[Path, float], tmp_path: Path
) -> None:
    out, (ref_out, ref_seconds) = tmp_path / "out", reference
    expected = graphs(ref_out)
    ids = [a.id for a in scan([corpus])[1]]
    batches = [set(ids[i : i + BATCH]) for i in range(0, len(ids), BATCH)]
    rng = random.Random(20261201)
    partial = []  # batches stored after each kill
    log = tmp_path / "stderr.txt"
    env = {**os.environ, "KG_PROGRESS_SECONDS": "0"}  # a progress line after every stored batch
    stored_a_batch = re.compile(r"^extracting: [1-9]", re.M)
    for trial in range(5):
        jobs = "2" if trial % 4 == 3 else "1"
        command = kg("build", str(corpus), "--out", str(out), "--jobs", jobs, "--batch-size", str(BATCH), "--no-html")
        with log.open("w") as stderr:
            proc = subprocess.Popen(command, cwd=ROOT, stderr=stderr, env=env, start_new_session=True)
            if trial % 2:  # at any time, mostly while it starts
                time.sleep(rng.uniform(0.1, 0.5) * ref_seconds)
            else:  # a little after this run stored a batch: anywhere in the next one, its write included
                while proc.poll() is None and not stored_a_batch.search(log.read_text()):
                    time.sleep(0.02)
                time.sleep(rng.uniform(0.0, 0.4))
            if proc.poll() is not None:
                break
            os.kill(proc.pid, signal.SIGKILL)  # the build only: its workers must go by themselves
            proc.wait()
        _wait_for_group_to_end(proc.pid)
        partial.append(_check_whole_batches(out, batches, expected))
    else:
        with log.open("w") as stderr:
            proc = subprocess.Popen(command, cwd=ROOT, stderr=stderr)
            proc.wait(timeout=300)
    assert proc.returncode == 0, log.read_text()
    assert any(0 < k < len(batches) for k in partial), f"no kill landed mid-build: {partial}"
    if partial and partial[-1] < len(batches):  # the last kill landed before the last batch's commit
        assert "(resumed an interrupted build)" in log.read_text().splitlines()[-1]
    assert _check_whole_batches(out, batches, expected) == len(batches)
    assert nquads(out) == nquads(ref_out)


def _wait_for_group_to_end(pgid: int, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)
    pytest.fail("worker processes outlived the killed build")


def test_a_rerun_with_nothing_new_loads_no_model_and_writes_no_file(out_copy: Path) -> None:
    from kg.nlp import load_model

    files = {name: (out_copy / name).stat().st_mtime_ns for name in ("kg.ttl", "graph.html")}
    calls = load_model.cache_info()
    result = CliRunner().invoke(main, ["build", str(ARTICLES), "--out", str(out_copy)])
    assert result.exit_code == 0, result.output
    assert "(unchanged)" in result.output
    info = load_model.cache_info()
    assert (info.hits + info.misses) == (calls.hits + calls.misses), "the model was asked for"
    assert {name: (out_copy / name).stat().st_mtime_ns for name in files} == files


def _article_ids(out: Path) -> set[str]:
    with Store.open(out) as store:
        return store.article_ids()


def _entity_subjects(out: Path) -> set[str]:
    return {line.split(" ", 1)[0] for line in graphs(out)[ENTITIES]}


def test_a_changed_article_replaces_its_graph(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text("Mayor Anna Lindqvist rejected the harbour plan on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The Eastbridge council approved the budget on Friday.\n", encoding="utf-8")
    assert here("build", str(folder), "--out", str(out), "--no-html").returncode == 0
    old = _article_ids(out)
    assert any("anna-lindqvist" in s for s in _entity_subjects(out))
    (folder / "a.txt").write_text("The Eastbridge council delayed the tram line on Tuesday.\n", encoding="utf-8")
    result = here("build", str(folder), "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr
    assert "2 articles read: 1 added (replacing 1 changed article), 1 already stored;" in result.stderr
    new = _article_ids(out)
    assert len(new) == 2 and len(new & old) == 1
    assert not any("anna-lindqvist" in s for s in _entity_subjects(out)), "an entity only the old text used stayed"
    assert any("eastbridge" in s for s in _entity_subjects(out))


def test_remove_by_title_path_and_id_and_unknown_is_one_line(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    texts = {
        "a.txt": "title Harbour plan\nMayor Anna Lindqvist rejected the harbour plan on Monday.\n",
        "b.txt": "title Budget\nThe Eastbridge council approved the budget on Friday.\n",
        "c.txt": "title Tram\nThe Eastbridge council delayed the tram line on Tuesday.\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert here("build", str(folder), "--out", str(out), "--no-html").returncode == 0
    before = nquads(out)
    result = here("remove", "No such article", "--out", str(out), "--no-html")
    assert result.returncode == 1
    assert result.stderr.startswith("kg: error: 'No such article': no stored article has this id, path or title;")
    assert len(result.stderr.splitlines()) == 1
    assert nquads(out) == before
    ids = _article_ids(out)
    (c_id,) = {a.id for a in load([folder / "c.txt"])}
    result = here("remove", "harbour PLAN", str(folder / "b.txt"), c_id, "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1].startswith("removed 3 articles and ")
    assert _article_ids(out) == set() and len(ids) == 3
    assert _entity_subjects(out) <= {s for s in _entity_subjects(out) if "/agent/" in s or "/open/" in s}


def test_rebuild_starts_over_from_the_inputs_alone(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "out"
    a.write_text("Mayor Anna Lindqvist rejected the harbour plan on Monday.\n", encoding="utf-8")
    b.write_text("The Eastbridge council approved the budget on Friday.\n", encoding="utf-8")
    assert here("build", str(a), str(b), "--out", str(out), "--no-html").returncode == 0
    result = here("build", str(a), "--out", str(out), "--no-html", "--rebuild")
    assert result.returncode == 0, result.stderr
    assert _article_ids(out) == {x.id for x in load([a])}
    assert not any("eastbridge" in s for s in _entity_subjects(out))
    assert sorted(p.name for p in out.iterdir()) == ["kg.ttl", "store"]


def test_a_rebuild_keeps_writers_out_and_lets_readers_read_the_old_store(out_copy: Path, tmp_path: Path) -> None:
    from kg.store import STOP_IN_WRITE_ENV

    new, other = tmp_path / "new.txt", tmp_path / "other.txt"
    new.write_text("Mayor Anna Lindqvist rejected the harbour plan on Monday.\n", encoding="utf-8")
    other.write_text("The Eastbridge council approved the budget on Friday.\n", encoding="utf-8")
    old_ids = _article_ids(out_copy)
    paused = subprocess.Popen(
        kg("build", str(new), "--out", str(out_copy), "--no-html", "--rebuild"),
        cwd=ROOT,
        env={**os.environ, STOP_IN_WRITE_ENV: "1"},  # stops itself inside the new store's write
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_stopped(paused)
        writer = run("build", str(other), "--out", str(out_copy), "--no-html")
        assert writer.returncode != 0  # its articles would be lost when the rebuilt store is swapped in
        assert "the store is in use" in writer.stderr and "Traceback" not in writer.stderr
        assert _article_ids(out_copy) == old_ids  # readers still read the old store
    finally:
        paused.send_signal(signal.SIGCONT)
    _, err = paused.communicate(timeout=300)
    assert paused.returncode == 0, err
    assert _article_ids(out_copy) == {x.id for x in load([new])}
    assert sorted(p.name for p in out_copy.iterdir() if p.name.startswith(("store", "rebuild"))) == ["store"]


def _wait_stopped(process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "T":
        assert process.poll() is None and time.monotonic() < deadline, "the build never reached its write"
        time.sleep(0.05)


def test_build_with_wait_waits_for_the_build_writing_then_adds_its_articles(out_copy: Path, tmp_path: Path) -> None:
    from kg.store import STOP_IN_WRITE_ENV

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The ministry said on Monday that the bridge will reopen in May.\n", encoding="utf-8")
    second.write_text("The Eastbridge council approved the budget on Friday.\n", encoding="utf-8")
    paused = subprocess.Popen(
        kg("build", str(first), "--out", str(out_copy), "--no-html"),
        cwd=ROOT,
        env={**os.environ, STOP_IN_WRITE_ENV: "1"},  # stops itself inside its write, holding the lock
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while Path(f"/proc/{paused.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "T":
            assert paused.poll() is None and time.monotonic() < deadline, "the build never reached its write"
            time.sleep(0.05)
        waiting = subprocess.Popen(
            kg("build", str(second), "--out", str(out_copy), "--no-html", "--wait", "120"),
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.0)
        assert waiting.poll() is None, "it did not wait"
    finally:
        paused.send_signal(signal.SIGCONT)
    _, first_err = paused.communicate(timeout=300)
    assert paused.returncode == 0, first_err
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert "1 article read: 1 added, 0 already stored;" in err.splitlines()[-1]
    assert len(_article_ids(out_copy)) == 7


def test_remove_drops_the_entities_the_article_only_named(tmp_path: Path) -> None:
    """An entity named without a statement about it goes with the only article that named it."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "title Harbour plan\nMayor Anna Lindqvist rejected the harbour plan on Monday. "
        "Officials from Westport Shipping attended.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "title Budget\nThe Eastbridge council approved the budget on Friday, with Westport Shipping.\n",
        encoding="utf-8",
    )
    assert here("build", str(folder / "a.txt"), "--out", str(out), "--no-html").returncode == 0
    named_only = {s for s in _entity_subjects(out) if "westport-shipping>" in s}
    assert named_only, "the test needs an entity the article names without a statement about it"
    assert here("build", str(folder / "b.txt"), "--out", str(out), "--no-html").returncode == 0
    result = here("remove", "Budget", "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr
    assert named_only <= _entity_subjects(out), "an entity the other article still names went"
    result = here("remove", "Harbour plan", "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr
    assert _entity_subjects(out) <= {s for s in _entity_subjects(out) if "/agent/" in s or "/open/" in s}


def test_the_page_of_a_large_store_is_drawn_on_demand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past HTML_AUTO_LIMIT articles a build does not redraw graph.html (it reads the whole store) unless asked."""
    from kg.cli import building

    monkeypatch.setattr(building, "HTML_AUTO_LIMIT", 1)
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "out"
    a.write_text("Mayor Anna Lindqvist rejected the harbour plan on Monday.\n", encoding="utf-8")
    b.write_text("The Eastbridge council approved the budget on Friday.\n", encoding="utf-8")
    assert here("build", str(a), "--out", str(out), "--no-ttl").returncode == 0
    page = out / "graph.html"
    drawn = page.read_bytes()
    result = here("build", str(b), "--out", str(out), "--no-ttl")
    assert result.returncode == 0, result.stderr
    assert page.read_bytes() == drawn
    assert (
        f"{page} is from before this change (the store holds over 1 articles); draw it with: kg render --out {out}"
        in result.stderr.splitlines()
    )
    result = here("remove", str(a), "--out", str(out), "--html")
    assert result.returncode == 0, result.stderr
    assert "from before this change" not in result.stderr, result.stderr
    assert page.read_bytes() != drawn


def test_articles_of_one_outlet_from_two_files_are_two_sources(tmp_path: Path) -> None:
    """A JSON 'source' (the outlet) is not where the article was read: a second file of it replaces nothing."""
    a, b, out = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "out"
    a.write_text('{"text": "Mayor Anna Lindqvist rejected the harbour plan on Monday.", "source": "Reuters"}\n')
    b.write_text('{"text": "The Eastbridge council approved the budget on Friday.", "source": "Reuters"}\n')
    assert here("build", str(a), "--out", str(out), "--no-html").returncode == 0
    result = here("build", str(b), "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr
    assert "1 article read: 1 added, 0 already stored;" in result.stderr
    assert _article_ids(out) == {x.id for x in load([a, b])}


def test_a_renamed_file_keeps_its_article_and_its_next_change_replaces_it(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text("Mayor Anna Lindqvist rejected the harbour plan on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The Eastbridge council approved the budget on Friday.\n", encoding="utf-8")
    assert here("build", str(folder), "--out", str(out), "--no-html").returncode == 0
    old = _article_ids(out)
    (folder / "a.txt").rename(folder / "harbour.txt")
    result = here("build", str(folder), "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr
    assert "2 articles read: 0 added, 2 already stored (1 of them now read from another file or url);" in result.stderr
    assert _article_ids(out) == old
    (folder / "harbour.txt").write_text("The Eastbridge council delayed the tram line on Tuesday.\n", encoding="utf-8")
    result = here("build", str(folder), "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr
    assert "2 articles read: 1 added (replacing 1 changed article), 1 already stored;" in result.stderr
    assert len(_article_ids(out)) == 2 and not any("anna-lindqvist" in s for s in _entity_subjects(out))
