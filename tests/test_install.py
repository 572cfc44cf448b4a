"""The README's first command on a fresh install: kg installed from the checkout (not run from it) builds a graph."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_installed_kg_builds_outside_the_checkout(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # the dependencies come from this interpreter's site-packages; kg itself is installed afresh
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python, kg = venv / "bin" / "python", venv / "bin" / "kg"
    source = tmp_path / "source"  # a copy: pip builds in the tree, and a build/ left there would be reused
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("kg", "ontology"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    install = [python, "-m", "pip", "install", "-q", "--no-deps", str(source)]
    subprocess.run(install, check=True, cwd=tmp_path, capture_output=True)
    # every package of the checkout imports from the install (none from the checkout or an editable install)
    packages = sorted(".".join(i.parent.relative_to(ROOT).parts) for i in (ROOT / "kg").rglob("__init__.py"))
    show = f"import importlib; print(' '.join(importlib.import_module(p).__file__ for p in {packages!r}))"
    where = subprocess.run([python, "-c", show], cwd=tmp_path, capture_output=True, text=True)
    files = where.stdout.split()
    assert len(files) == len(packages) and all(f.startswith(str(venv)) for f in files), where.stdout + where.stderr
    article = tmp_path / "harbour.txt"
    article.write_text(
        "Mayor Anna Lindqvist rejected the harbour plan on Monday, the council said.\n", encoding="utf-8"
    )
    built = subprocess.run(
        [kg, "build", str(article), "--out", str(tmp_path / "out"), "--jobs", "1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "graph.html").is_file() and (tmp_path / "out" / "kg.ttl").is_file()
    assert "Anna Lindqvist" in (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")
