"""Start the Qt application: translators, database, operator, main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tierslieu_desktop import config
from tierslieu_desktop.db.engine import Database, DatabaseOpenError, open_database
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n import formatting

QM_DIR = Path(__file__).parent / "i18n"
APP_ICON = Path(__file__).parent / "ui" / "icons" / "app.svg"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """French (default) or English. English is the source language: no file needed."""
    formatting.set_language(lang)
    installed: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    ours = QTranslator(app)
    if ours.load(str(QM_DIR / f"tierslieu_{lang}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    return installed


def create_application(argv: list[str] | None = None) -> QApplication:
    # instance() is typed QCoreApplication: the one running here is always a QApplication.
    app = cast(QApplication, QApplication.instance() or QApplication(argv or sys.argv[:1]))
    app.setApplicationName("Tiers-Lieu Desktop")
    app.setOrganizationName(config.APP_AUTHOR)
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(APP_ICON)))
    app.setDesktopFileName("tierslieu")  # Wayland: the icon of packaging/tierslieu.desktop
    return app


def open_error_text(exc: DatabaseOpenError) -> str:
    """The one-line message for a database that cannot be opened (printed and shown)."""

    texts = {
        "not_a_database": QCoreApplication.translate(
            "Startup", '"{t}" is not a Tiers-Lieu database: the file was left untouched.'
        ),
        "foreign_database": QCoreApplication.translate(
            "Startup",
            '"{t}" is an SQLite database of another program: the file was left untouched.',
        ),
        "newer_than_app": QCoreApplication.translate(
            "Startup",
            '"{t}" comes from a newer version of Tiers-Lieu Desktop (schema {d}): '
            "update the application. The file was left untouched.",
        ),
        "cannot_open": QCoreApplication.translate("Startup", 'Cannot open "{t}": {d}'),
        "not_found": QCoreApplication.translate("Startup", '"{t}" does not exist.'),
        "empty": QCoreApplication.translate(
            "Startup",
            '"{t}" exists but is empty (0 bytes): it holds no Tiers-Lieu database. '
            "The file was left untouched.",
        ),
        "damaged": QCoreApplication.translate(
            "Startup",
            '"{t}" is a damaged or truncated database ({d}): restore a backup. '
            "The file was left untouched.",
        ),
        "read_only_outdated": QCoreApplication.translate(
            "Startup",
            '"{t}" is read-only and from an older version (schema {d}): it cannot be '
            "upgraded. Make it writable, or open a copy. The file was left untouched.",
        ),
        "read_only_new": QCoreApplication.translate(
            "Startup",
            '"{t}" is read-only and has never been opened by Tiers-Lieu Desktop: make it '
            "writable to start it. The file was left untouched.",
        ),
    }
    text = texts.get(exc.code) or QCoreApplication.translate("Startup", 'Cannot open "{t}".')
    return text.format(t=exc.target, d=exc.detail)


def build_main_window(db: Database, lang: str):
    """The context and main window on an open database (used by ``run`` and the tests)."""
    from tierslieu_desktop.services.people import operators
    from tierslieu_desktop.ui.context import AppContext
    from tierslieu_desktop.ui.main_window import MainWindow

    remembered = config.load_settings().get("operator_id")
    operator_id = operators.ensure_operator(db, remembered if isinstance(remembered, int) else None)
    ctx = AppContext(db, operator_id, lang)
    window = MainWindow(ctx)
    return ctx, window


def _display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def report_open_error(exc: DatabaseOpenError, lang: str) -> int:
    """Print why the database cannot be opened (translated); also show it in a dialog when
    started from a desktop icon. Works without any display (no QApplication needed)."""
    gui = _display_available() and not (sys.stderr and sys.stderr.isatty())
    if gui:
        app: QCoreApplication = create_application()
    else:
        app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    install_translators(app, lang)
    text = open_error_text(exc)
    print(f"tierslieu: {text}", file=sys.stderr)
    if gui:
        QMessageBox.critical(None, "Tiers-Lieu Desktop", text)
    return 2


def run(db_target: str | None, lang: str | None) -> int:
    from tierslieu_desktop import logs

    logs.setup_logging()  # <data folder>/tierslieu.log, 0600: the windowed build has no console
    lang = lang or config.saved_language()
    try:
        # Before any window: a wrong file is reported even on a machine without display.
        db = open_database(db_target)
    except DatabaseOpenError as exc:
        return report_open_error(exc, lang)
    if not os.environ.get("QT_QPA_PLATFORM") and not _display_available():
        core = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
        install_translators(core, lang)
        message = QCoreApplication.translate(
            "Startup",
            "No screen is available to open the window (run it from a desktop session). "
            'The database "{t}" is ready.',
        ).format(t=db.target)
        print(f"tierslieu: {message}", file=sys.stderr)
        db.dispose()
        return 3
    app = create_application()
    install_translators(app, lang)
    try:
        _ctx, window = build_main_window(db, lang)
    except Exception as exc:
        # A damaged page read while building the window, or a read-only database
        # without any operator: said in words, never a traceback.
        db.dispose()
        from tierslieu_desktop.services.safety.integrity import is_damage

        if isinstance(exc, DomainError) and exc.code == "read_only":
            reason, detail = "read_only_new", ""
        elif is_damage(exc):
            reason, detail = "damaged", str(getattr(exc, "orig", exc))
        else:
            raise
        return report_open_error(DatabaseOpenError(reason, db.target, detail), lang)
    from tierslieu_desktop.ui.crash_dialog import install_crash_hook

    install_crash_hook(db.target)  # slots' exceptions: logged, then a dialog
    window.show()
    window.start_integrity_check()
    window.start_automatic_backups()  # daily in a worker, and at close
    if os.environ.get("TIERSLIEU_EXIT_WHEN_SHOWN"):
        # Benchmark hook: report when the window is on screen, then quit.
        def _report() -> None:
            print(f"shown_at={time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, _report)
    code = app.exec()
    window.wait_for_integrity_check()
    window.ctx.db.dispose()  # a restore may have opened it again
    return code
