"""The layers of ARCHITECTURE.md, checked by import-linter (contracts in ``.importlinter``).

``lint-imports`` reads every import of the package, direct and indirect, and fails on a
broken contract: a screen importing the store, a renderer importing a use case, a service
package importing one above it, an import cycle, PySide6 below the UI, the demo imported
by anything but the CLI."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / ".importlinter"


def _lint_imports() -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(exe), str(CONFIG), "--no-cache"],
        cwd=ROOT / "src",
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_contracts_cover_every_rule_of_the_design():
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    contracts = {
        section.split(":", 2)[2]: dict(parser[section])
        for section in parser.sections()
        if section.startswith("importlinter:contract:")
    }
    assert contracts["layers"]["type"] == "layers"
    assert contracts["service-packages"]["type"] == "layers"
    assert contracts["acyclic"]["type"] == "acyclic_siblings"
    for name, forbidden in {
        "ui-not-db": "tierslieu_desktop.db",
        "renderers": "tierslieu_desktop.services",
        "demo": "tierslieu_desktop.demo",
        "no-qt-below-ui": "PySide6",
        "domain-pure": "sqlalchemy",
    }.items():
        assert contracts[name]["type"] == "forbidden"
        assert forbidden in contracts[name]["forbidden_modules"].split()
    # every service package sits in the layered contract (a new one must be placed)
    services = ROOT / "src" / "tierslieu_desktop" / "services"
    packages = {p.name for p in services.iterdir() if (p / "__init__.py").exists()}
    layered = set(contracts["service-packages"]["layers"].replace("|", " ").split())
    assert packages <= layered, f"service packages missing from .importlinter: {packages - layered}"


def test_lint_imports_keeps_every_contract():
    result = _lint_imports()
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_every_time_field_takes_the_digits_as_typed():
    """Issue 17: a plain QTimeEdit drops "1430" typed with the cursor on the minutes
    and steps one minute; every time field of the window is a ``widgets.time_edit``."""
    ui = ROOT / "src" / "tierslieu_desktop" / "ui"
    plain = [
        f"{path.relative_to(ui)}:{n}"
        for path in ui.rglob("*.py")
        if path.name != "time_edit.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "QTimeEdit(" in line or "QDateTimeEdit(" in line
    ]
    assert plain == []
