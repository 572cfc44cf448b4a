"""Shared fixtures: the spaCy model, paths, and a store built once from the sample articles."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from tests.servers import oxigraph_url, virtuoso_url  # noqa: F401  (session fixtures: real SPARQL servers)

# The same examples on every run, so CI is not at the mercy of a new random draw; explore
# with HYPOTHESIS_PROFILE=explore.
settings.register_profile("ci", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds" / "articles"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from kg.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def built_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder built once from articles/ (tests copy it before changing it)."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("built") / "out"
    result = CliRunner().invoke(main, ["build", str(ARTICLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def out_copy(built_out: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the built output folder."""
    target = tmp_path / "out"
    shutil.copytree(built_out, target)
    yield target


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    return SEEDS
