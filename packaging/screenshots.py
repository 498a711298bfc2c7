"""Regenerate the README screenshots that show the demo's figures: the Finances page (the
main window at 1280×800, offscreen) and two pages of the demo's 2025 annual report (A4 at
100 dpi, ``pdftoppm -png -r 100``). Run from the repository root with the project's
virtual environment (PySide6) and poppler-utils' ``pdftoppm``:

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python packaging/screenshots.py

It builds the small demo in a temporary folder (the default seed: the same figures as
``tierslieu demo``) and writes ``resources/screenshots/finances.png``,
``rapport-annuel-1.png`` (the year in figures) and ``rapport-annuel-2.png`` (the financial
balance). The other screenshots show pages whose look does not depend on the demo's money.
The setup assistant is shown on an empty database at 1024×600, the smallest screen the
window supports: ``assistant-structure.png`` (the structure and its VAT explained) and
``assistant-machines.png`` (the equipment catalogue); ``screenshots.py assistant`` writes
those two only.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "screenshots"
REPORT_YEAR = 2025
# (file, a text found on the report's page)
REPORT_PAGES = (
    ("rapport-annuel-1.png", f"L'année {REPORT_YEAR} en chiffres"),
    ("rapport-annuel-2.png", "Équilibre financier"),
)


def main() -> int:
    _setup_assistant()
    if sys.argv[1:] == ["assistant"]:
        return 0
    from tierslieu_desktop.db.engine import open_database
    from tierslieu_desktop.demo.builder import build_demo

    with tempfile.TemporaryDirectory(prefix="tierslieu-shots-") as tmp:
        path = Path(tmp) / "demo.sqlite"
        build_demo(str(path))
        db = open_database(str(path), create=False)
        try:
            if sys.argv[1:] != ["import"]:
                _finances(db)
                _report_pages(db, Path(tmp))
            _import_preview(db, Path(tmp))
        finally:
            db.dispose()
    return 0


def _finances(db: object) -> None:
    from PySide6.QtWidgets import QApplication

    from tierslieu_desktop.app import build_main_window, install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    install_translators(app, "fr")  # type: ignore[arg-type]
    _ctx, window = build_main_window(db, "fr")  # type: ignore[arg-type]
    window.resize(1280, 800)
    window.show()
    window.show_page("finances")
    for _ in range(20):  # the page fills itself after the event loop turns
        app.processEvents()
    window.grab().save(str(OUT / "finances.png"))
    window.close()


def _setup_assistant() -> None:
    """The assistant as a new lab sees it: an empty database, the name typed."""
    from PySide6.QtWidgets import QApplication

    from tierslieu_desktop.app import install_translators
    from tierslieu_desktop.db.engine import open_database
    from tierslieu_desktop.services.people import operators
    from tierslieu_desktop.ui.context import AppContext
    from tierslieu_desktop.ui.setup_wizard.wizard import SetupWizard

    app = QApplication.instance() or QApplication(sys.argv)
    install_translators(app, "fr")  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory(prefix="tierslieu-shots-") as tmp:
        db = open_database(str(Path(tmp) / "new.sqlite"))
        try:
            ctx = AppContext(db, operators.ensure_operator(db, None), "fr")
            wizard = SetupWizard(ctx, demo_launcher=lambda _language: True)
            wizard.resize(1024, 600)
            wizard.show()
            wizard.next()
            wizard.identity.name.setText("Fablab du Causse")
            wizard.identity.siret.setText("732 829 320 00074")
            for name, page in (
                ("assistant-structure.png", wizard.identity),
                ("assistant-machines.png", wizard.machines),
            ):
                while wizard.currentPage() is not page:
                    wizard.next()
                for _ in range(5):
                    app.processEvents()
                wizard.grab().save(str(OUT / name))
            wizard.close()
        finally:
            db.dispose()


def _report_pages(db: object, tmp: Path) -> None:
    from pypdf import PdfReader

    from tierslieu_desktop.services.reporting import annual

    pdf = annual.annual_report(db, REPORT_YEAR)  # type: ignore[arg-type]
    source = tmp / "rapport.pdf"
    source.write_bytes(pdf)
    texts = [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed for the report's pages")
    for name, marker in REPORT_PAGES:
        page = next(i for i, t in enumerate(texts, start=1) if marker in t)
        prefix = tmp / name.removesuffix(".png")
        subprocess.run(
            [pdftoppm, "-png", "-r", "100", "-f", str(page), "-l", str(page), "-singlefile"]
            + [str(source), str(prefix)],
            check=True,
        )
        shutil.copyfile(f"{prefix}.png", OUT / name)


def _import_preview(db: object, tmp: Path) -> None:
    """``import-apercu.png``: Membres › « Importer des membres… » at its preview (1024×768),
    on a file written here — new members, two of the demo's members met again (one
    merged, one skipped and selected), two refused lines. ``screenshots.py import``
    writes this one only; run it once the translations are compiled
    (``python packaging/i18n.py update``), the wizard's words are in French then."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from tierslieu_desktop.app import install_translators
    from tierslieu_desktop.services.imports.base import Action
    from tierslieu_desktop.services.people import members
    from tierslieu_desktop.services.people.operators import ensure_operator
    from tierslieu_desktop.ui.context import AppContext
    from tierslieu_desktop.ui.imports.entry import members_wizard

    app = QApplication.instance() or QApplication(sys.argv)
    install_translators(app, "fr")  # type: ignore[arg-type]
    known = [
        members.get_member(db, row.id).data  # type: ignore[arg-type]
        for row in members.search_members(db, "")  # type: ignore[arg-type]
    ]
    again = [m for m in known if m.email and m.kind == "person"][:2]
    lines = [
        ("Roques", "Amandine", "amandine.roques@orange.fr", "46100", "Figeac", "1987"),
        ("Delpech", "Julien", "julien.delpech@laposte.net", "46160", "Cajarc", "1992"),
        *[(m.last_name, m.first_name, m.email, m.postcode, m.city, "") for m in again],
        ("Bouzou", "Claire", "claire.bouzou@", "46270", "Bagnac-sur-Célé", "1979"),
        ("Lacoste", "Benoît", "benoit.lacoste@gmail.com", "46100", "Figeac", "1968"),
        ("", "Sacha", "sacha.m@free.fr", "46120", "Lacapelle-Marival", "2004"),
        ("Vialard", "Manon", "manon.vialard@gmail.com", "46500", "Gramat", "1999"),
        ("Couderc", "Louis", "louis.couderc@orange.fr", "46100", "Figeac", "1955"),
        ("Fabre", "Inès", "ines.fabre@free.fr", "46160", "Marcilhac-sur-Célé", "2001"),
    ]
    source = tmp / "adherents.csv"
    source.write_text(
        "Nom;Prénom;E-mail;Code postal;Commune;Année de naissance\n"
        + "".join(";".join(line) + "\n" for line in lines),
        encoding="utf-8-sig",
    )
    ctx = AppContext(db, ensure_operator(db), "fr")  # type: ignore[arg-type]
    wizard = members_wizard(ctx)
    wizard.resize(1024, 768)
    wizard.show()
    wizard.load_file(source)
    wizard.next()  # the columns
    wizard.next()  # the preview
    QThreadPool.globalInstance().waitForDone()
    duplicates = (
        [line.line for line in wizard.plan.lines if line.duplicate_of] if wizard.plan else []
    )
    if len(duplicates) > 1:
        wizard.set_decision(duplicates[1], Action.SKIP)  # selects it: its choice shown
    for _ in range(20):
        app.processEvents()
    wizard.grab().save(str(OUT / "import-apercu.png"))
    wizard.close()


if __name__ == "__main__":
    raise SystemExit(main())
