"""The README's examples run as written, write only under output/, and its numbers agree."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(after: str) -> list[list[str]]:
    """The ```sh blocks that follow a line starting with `after`, as lists of command lines."""
    found = []
    for m in re.finditer(rf"^{re.escape(after)}.*?\n+```sh\n(.*?)```", README, re.M | re.S):
        found.append([line for line in m.group(1).splitlines() if line.strip()])
    return found


def _argv(line: str) -> tuple[list[str], str | None, bool]:
    """A README line -> (kg's arguments, file its stdout goes to, whether it is piped on)."""
    words = shlex.split(line, comments=True)
    assert words[0] == "kg", line
    piped = "|" in words
    if piped:
        words = words[: words.index("|")]
    target = None
    if ">" in words:
        target = words[words.index(">") + 1]
        words = words[: words.index(">")]
    return words[1:], target, piped


EXAMPLES = _blocks("Examples")
LARGE = _blocks("To build the whole BBC corpus")


def test_the_readme_has_the_examples_this_test_runs() -> None:
    assert len(EXAMPLES) == 1 and len(EXAMPLES[0]) >= 8
    assert len(LARGE) == 1


def test_examples_run_as_written_and_write_only_under_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for line in EXAMPLES[0]:
        args, target, piped = _argv(line)
        result = runner.invoke(main, args)
        assert result.exit_code == 0, f"{line}\n{result.stderr}"
        assert not result.stderr.startswith("kg: error"), line
        if target is not None:
            Path(target).write_text(result.stdout, encoding="utf-8")
        if target is not None or piped:
            assert result.stdout, line
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    outside = [p for p in written if p.parts[0] not in ("output", "articles")]
    assert outside == [], "README examples leave files outside output/"
    assert Path("output/zaluzhny.html").is_file() and Path("output/claims.csv").is_file()


def test_the_large_example_parses_writes_under_output_and_says_how_long_it_takes() -> None:
    for line in LARGE[0]:
        args, _, _ = _argv(line)
        command = main.commands[args[0]]  # type: ignore[attr-defined]
        assert isinstance(command, click.Command)
        command.make_context(args[0], args[1:])  # parses the options as kg would; runs nothing
        if "--out" in args:
            assert args[args.index("--out") + 1].startswith("output/"), line
    said = re.search(r"To build the whole BBC corpus[^\n]*\n(?:[^\n]+\n)*", README)
    assert said is not None and re.search(r"\d+ min", said.group(0)), "say how long the large build takes"


def test_the_summary_shown_in_the_readme_agrees_with_itself() -> None:
    intro = "prints its progress, one line per file written and a summary on stderr:"
    block = re.search(re.escape(intro) + r"\n\n```\n(.*?)```", README, re.S)
    assert block is not None
    ttl, html, summary = block.group(1).splitlines()
    holds = r"(\d+ articles, \d+ actors, \d+ concepts, \d+ situations, \d+ statements)"
    m_ttl = re.fullmatch(rf"wrote output/kg\.ttl \(\d+(\.\d+)? [kM]B\): {holds}", ttl)
    read = r"(\d+) articles read: \1 added, 0 already stored"
    m_sum = re.fullmatch(rf"{read}; the store now holds {holds}; \d+\.\d s", summary)
    assert m_ttl and m_sum, (ttl, summary)
    assert m_ttl.group(2) == m_sum.group(2)
    m_html = re.fullmatch(r"wrote output/graph\.html \(\d+(\.\d+)? [kM]B\): (\d+) actors, .*relations", html)
    assert m_html, html
    actors = int(re.search(r"(\d+) actors", m_sum.group(2)).group(1))  # type: ignore[union-attr]
    assert int(m_html.group(2)) <= actors
