"""What `pip install .` ships: every package of kg, so an installed kg imports as the checkout does."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def test_every_kg_package_is_installed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "kg").rglob("__init__.py")}
    assert found, "no package found under kg/"
    assert found <= listed, f"pyproject.toml does not install {sorted(found - listed)}"
