"""The small demo built once per test session and copied for each module that wants its
own (building it takes about 7 s; a copy a few milliseconds). The copy is a plain file:
a module may change it at will. Modules that run ``verify`` or rebuild the demo with other
arguments build their own (a copy shares its anchor log with the template)."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

_template: Path | None = None


def small_demo_copy(target: Path) -> Path:
    """``target``: a copy of the small demo of the default seed, as ``build_demo`` makes it."""
    global _template
    if _template is None:
        from tierslieu_desktop.demo.builder import build_demo

        path = Path(tempfile.mkdtemp(prefix="tierslieu-demo-")) / "demo.sqlite"
        build_demo(str(path))
        _template = path
    source, copy = sqlite3.connect(_template), sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        source.close()
        copy.close()
    return target
