"""Translation workflow (developers only).

    python packaging/i18n.py update   # lupdate the .ts from the sources, merge
                                      # translations/pending/*.json, compile the .qm
    python packaging/i18n.py check    # exit 1 if a string has no French translation

The .ts files in translations/ are the sources (open them in Qt Linguist); the
compiled .qm files are committed under src/tierslieu_desktop/i18n/ so that a plain
``pip install .`` ships them; tests/unit/test_translations.py checks they match.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "tierslieu_desktop"
TS_DIR = ROOT / "translations"
QM_DIR = PKG / "i18n"
PENDING = TS_DIR / "pending"
LANGS = ("fr",)


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def source_files() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (PKG / "ui").rglob("*.py"))
    return [*files, str((PKG / "app.py").relative_to(ROOT))]


def ts_path(lang: str) -> Path:
    return TS_DIR / f"tierslieu_{lang}.ts"


def qm_path(lang: str) -> Path:
    return QM_DIR / f"tierslieu_{lang}.qm"


def lupdate(ts: Path) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *source_files(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )


def messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished/empty)."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            text = tr.text if (tr is not None and done and tr.text) else None
            out.append((name, msg.findtext("source") or "", text))
    return out


def merge_pending(ts: Path) -> int:
    table: dict[str, dict[str, str]] = {}
    for f in sorted(PENDING.glob("*.json")):
        for ctx, entries in json.loads(f.read_text(encoding="utf-8")).items():
            table.setdefault(ctx, {}).update(entries)
    tree = ET.parse(ts)
    merged = 0
    for ctx in tree.getroot().iter("context"):
        entries = table.get(ctx.findtext("name") or "", {})
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if source in entries and tr is not None:
                tr.text = entries[source]
                tr.attrib.pop("type", None)
                merged += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return merged


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "check"
    status = 0
    for lang in LANGS:
        ts = ts_path(lang)
        if cmd == "update":
            lupdate(ts)
            n = merge_pending(ts)
            lrelease(ts, qm_path(lang))
            print(f"{ts.name}: {n} pending translations merged")
        missing = [(c, s) for c, s, t in messages(ts) if t is None]
        for c, s in missing:
            print(f"{lang}: untranslated [{c}] {s}")
        status |= 1 if missing else 0
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
