"""Translation workflow (developers only).

    python packaging/i18n.py update   # lupdate the .ts from the sources, merge
                                      # translations/pending/*.json, compile the .qm
    python packaging/i18n.py check    # exit 1 if a string has no French translation

The .ts files in translations/ are the sources (open them in Qt Linguist); the
compiled .qm files are committed under src/tierslieu_desktop/i18n/ so that a plain
``pip install .`` ships them; tests/unit/test_translations.py checks they match.

English is the source language, but a count needs its plural forms: the strings
written with ``tr("%Ln invoices issued.", "", n)`` are also kept in
tierslieu_en.ts (``lupdate -pluralonly``: those strings only), loaded in English.

translations/pending/NAME.json holds French translations, NAME.en.json the English
plural forms; both are ``{"Context": {"source": translation}}`` where a translation
is a string, or for a ``%n`` / ``%Ln`` source the list of its plural forms
(French and English: singular then plural), e.g.
``{"InvoicesTab": {"%Ln documents": ["%Ln document", "%Ln documents"]}}``.
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
LANGS = ("fr", "en")
PLURAL_ONLY = ("en",)  # the source language: its .ts holds the plural forms only


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
            *(["-pluralonly"] if ts == ts_path("en") else []),
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
    """(context, source, translation or None when unfinished/empty); a plural message
    gives its last form (``numerus_forms`` gives them all)."""
    out = []
    for name, source, forms in _entries(ts):
        out.append((name, source, forms[-1] if forms and all(forms) else None))
    return out


def numerus_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) → the plural forms of every ``%n`` message."""
    tree = ET.parse(ts)
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): [
            f.text or "" for f in msg.iter("numerusform")
        ]
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
        if msg.get("numerus") == "yes"
    }


def _entries(ts: Path) -> list[tuple[str, str, list[str]]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            forms: list[str] = []
            if tr is not None and done:
                if msg.get("numerus") == "yes":
                    forms = [f.text or "" for f in tr.iter("numerusform")]
                elif tr.text:
                    forms = [tr.text]
            out.append((name, msg.findtext("source") or "", forms))
    return out


def pending_files(lang: str) -> list[Path]:
    every = sorted(PENDING.glob("*.json"))
    if lang == "fr":
        return [f for f in every if f.name.count(".") == 1]
    return [f for f in every if f.name.endswith(f".{lang}.json")]


def merge_pending(ts: Path, lang: str = "fr") -> int:
    table: dict[str, dict[str, str | list[str]]] = {}
    for f in pending_files(lang):
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
                value = entries[source]
                if msg.get("numerus") == "yes":
                    forms = [value] if isinstance(value, str) else value
                    for f in list(tr):
                        tr.remove(f)
                    tr.text = None
                    for form in forms:
                        ET.SubElement(tr, "numerusform").text = form
                else:
                    tr.text = value if isinstance(value, str) else value[-1]
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
            n = merge_pending(ts, lang)
            lrelease(ts, qm_path(lang))
            print(f"{ts.name}: {n} pending translations merged")
        missing = [(c, s) for c, s, t in messages(ts) if t is None]
        for c, s in missing:
            print(f"{lang}: untranslated [{c}] {s}")
        status |= 1 if missing else 0
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
