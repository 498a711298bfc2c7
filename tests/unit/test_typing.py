"""The type checker runs in the suite: mypy, with the configuration of pyproject.toml
(strict on ``domain/`` and ``services/``, checked on the rest of the package)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_passes_on_the_whole_package(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout


def test_domain_and_services_are_checked_strictly():
    """A function of a service without annotations would be an error (the strict flags
    really apply to those packages)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    strict = [
        o
        for o in config.get("overrides", [])
        if {"tierslieu_desktop.domain.*", "tierslieu_desktop.services.*"}
        <= set(o["module"] if isinstance(o["module"], list) else [o["module"]])
    ]
    assert strict, "no strict override for domain and services"
    for flag in ("disallow_untyped_defs", "disallow_incomplete_defs", "disallow_any_generics"):
        assert strict[0].get(flag) is True, flag
