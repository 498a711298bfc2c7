"""French is complete, the .ts matches the sources, and the shipped .qm matches the .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import i18n  # noqa: E402  (packaging/i18n.py, the translation workflow script)

TS = i18n.ts_path("fr")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} not installed")
    return found


def test_every_string_has_a_french_translation():
    missing = [(c, s) for c, s, t in i18n.messages(TS) if t is None]
    assert missing == []


def test_translations_keep_their_placeholders():
    wrong = [
        (s, t)
        for _c, s, t in i18n.messages(TS)
        if t is not None and sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t))
    ]
    assert wrong == []


def test_ts_file_is_up_to_date_with_the_sources(tmp_path):
    """Running lupdate again finds no new string: every tr() of the code is in the .ts."""
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *i18n.source_files(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(copy),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    fresh = {(c, s) for c, s, _t in i18n.messages(copy)}
    committed = {(c, s) for c, s, _t in i18n.messages(TS)}
    assert fresh - committed == set(), "run: python packaging/i18n.py update"
    assert committed - fresh == set(), "obsolete strings: run python packaging/i18n.py update"


def test_shipped_qm_matches_the_ts(tmp_path):
    qm = tmp_path / "fr.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == i18n.qm_path("fr").read_bytes(), (
        "run: python packaging/i18n.py update"
    )


def test_every_translated_text_is_a_literal_lupdate_can_find():
    """A wrapper such as ``def _tr(text): return QCoreApplication.translate("Ctx", text)``
    hides its strings from lupdate: they never reach the catalogue and stay English in
    French (the Caisse's « Vouchers: issuers' settlements… » button did). Every
    ``translate`` / ``tr`` call of the window passes its text as a literal."""
    import ast

    found = []
    for path in [
        ROOT / "src/tierslieu_desktop/app.py",
        *(ROOT / "src/tierslieu_desktop/ui").rglob("*.py"),
    ]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name, args = node.func.attr, node.args
            owner = node.func.value
            qt_translate = isinstance(owner, ast.Name) and owner.id.endswith("Application")
            text = args[1] if name == "translate" and qt_translate and len(args) > 1 else None
            if name == "tr" and args:
                text = args[0]
            if text is not None and not (
                isinstance(text, ast.Constant) and isinstance(text.value, str)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
