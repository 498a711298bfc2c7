"""The layers of DESIGN.md, checked by reading the imports."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "src" / "tierslieu_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(sub: str = "") -> list[Path]:
    return sorted((PKG / sub).rglob("*.py"))


def test_pyside6_only_in_ui_and_app():
    offenders = []
    for path in _modules():
        rel = path.relative_to(PKG).as_posix()
        if rel.startswith("ui/") or rel == "app.py":
            continue
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path)):
            offenders.append(rel)
    assert offenders == [], f"PySide6 imported outside ui/ and app.py: {offenders}"


def test_lower_layers_do_not_import_the_ui():
    offenders = []
    for sub in ("domain", "db", "services", "reports", "i18n"):
        for path in _modules(sub):
            if any(n.startswith("tierslieu_desktop.ui") for n in _imports(path)):
                offenders.append(path.relative_to(PKG).as_posix())
    assert offenders == []


def test_domain_is_pure():
    """domain/ knows nothing of the database or of Qt."""
    offenders = []
    for path in _modules("domain"):
        for name in _imports(path):
            if name.split(".")[0] in ("sqlalchemy", "alembic", "PySide6") or name.startswith(
                ("tierslieu_desktop.db", "tierslieu_desktop.services")
            ):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_checker_catches_a_leak(tmp_path):
    """The import reader really sees a PySide6 import (so the tests above can fail)."""
    leak = tmp_path / "leak.py"
    leak.write_text("from PySide6.QtCore import QObject\nimport os\n")
    assert "PySide6.QtCore" in _imports(leak)
