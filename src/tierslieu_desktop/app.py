"""Start the Qt application: translators, database, main window, login.

The window's shell is painted first (Qt and a few light modules only); the database is
opened, SQLAlchemy imported and the models mapped right after that first paint, then the
first page is built behind the lock screen, where the operator logs in (or creates the
administrator of a new or upgraded database; ``TIERSLIEU_USER`` / ``TIERSLIEU_PASSWORD``
log in at once, as the command line does); the background checks and the daily backup
start once Accueil's figures are painted. A file that is new, older (to migrate), read-only or not ours is
opened before any window, as it always was, so that a wrong file is reported alone.
The window's modules and everything imported up to Accueil's figures are imported with
Python's own import, not PySide6's hook (``plain_imports``)."""

from __future__ import annotations

import builtins
import gc
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from tierslieu_desktop import config
from tierslieu_desktop.i18n import formatting

if TYPE_CHECKING:
    from tierslieu_desktop.db.engine import Database
    from tierslieu_desktop.db.files import DatabaseOpenError
    from tierslieu_desktop.ui.context import AppContext
    from tierslieu_desktop.ui.main_window import MainWindow

QM_DIR = Path(__file__).parent / "i18n"
APP_ICON = Path(__file__).parent / "ui" / "icons" / "app.svg"


@contextmanager
def plain_imports() -> Iterator[None]:
    """Python's own ``import`` for the modules imported inside: PySide6 replaces
    ``builtins.__import__`` (its ``from __feature__ import snake_case``, which this
    application never uses) and its hook reads the source of every module imported
    after PySide6 (``inspect.getsource``, looking for the word "PySide6"): ~50 ms of the
    start for SQLAlchemy, the models and the first page's services (issue 14). The hook
    is put back on the way out; a thread importing meanwhile gets Python's own import,
    which imports the same modules."""
    hook = builtins.__import__
    plain = getattr(builtins, "__orig_import__", hook)  # kept there by PySide6
    builtins.__import__ = plain
    try:
        yield
    finally:
        builtins.__import__ = hook


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """French (default) or English. English is the source language: its file holds
    only the plural forms of the counted strings ("1 invoice", "2 invoices")."""
    formatting.set_language(lang)
    installed: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        plurals = QTranslator(app)
        if plurals.load(str(QM_DIR / "tierslieu_en.qm")):
            app.installTranslator(plurals)
            installed.append(plurals)
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


def create_application(argv: list[str] | None = None, *, shell: bool = False) -> QApplication:
    """The application with its style; with ``shell``, Qt's Fusion alone for the window's
    first frame (it looks the same), the application's style coming after that paint
    (``install_style``)."""
    # instance() is typed QCoreApplication: the one running here is always a QApplication.
    args = argv or sys.argv[:1]
    if shell:  # Fusion given as Qt's option: app.setStyle() would load Python's QStyle type
        args = [*args, "-style", "Fusion"]
    app = cast(QApplication, QApplication.instance() or QApplication(args))
    app.setApplicationName("Tiers-Lieu Desktop")
    app.setOrganizationName(config.APP_AUTHOR)
    if not shell:
        install_style(app)
    app.setWindowIcon(QIcon(str(APP_ICON)))
    app.setDesktopFileName("tierslieu")  # Wayland: the icon of packaging/tierslieu.desktop
    return app


def install_style(app: QApplication) -> None:
    """Fusion, and Tab leaving the tables of every window (ui/app_style.py). The style's
    ``polish`` sees every widget from Python: its first call loads the Python types of
    every Qt widget class, ~25 ms (issue 14), so the shell is painted before it; so is the
    dialogs' event filter (``MainWindow.attach``)."""
    from tierslieu_desktop.ui import app_style

    app_style.install(app)


def open_error_text(exc: DatabaseOpenError) -> str:
    """The one-line message for a database that cannot be opened (printed and shown),
    the same sentence as the command line's (i18n/messages.py)."""
    from tierslieu_desktop.i18n import messages

    lang = "en" if formatting.current_locale().startswith("en") else "fr"
    return messages.open_error_text(exc.code, exc.target, exc.detail, lang)


def make_context(db: Database, lang: str) -> AppContext:
    """The context on an open database: the remembered operator (or a first one) until
    someone logs in. A new database gets no operator here: the lock screen creates its
    administrator (an « Accueil » made now would pass it for an upgraded one)."""
    from tierslieu_desktop.services.people import operators
    from tierslieu_desktop.ui.context import AppContext

    if not db.read_only and not operators.list_operators(db, include_inactive=True):
        return AppContext(db, 0, lang)  # nobody writes before the administrator exists
    remembered = config.load_settings().get("operator_id")
    operator_id = operators.ensure_operator(db, remembered if isinstance(remembered, int) else None)
    return AppContext(db, operator_id, lang)


def build_main_window(db: Database, lang: str):
    """The context and main window on an open database (used by the tests)."""
    from tierslieu_desktop.ui.main_window import MainWindow

    ctx = make_context(db, lang)
    window = MainWindow(ctx)
    return ctx, window


def auto_login() -> tuple[str, str] | None:
    """``TIERSLIEU_USER`` and ``TIERSLIEU_PASSWORD`` (scripts, the benchmarks): the lock
    screen logs them in at once, as if typed."""
    user, secret = os.environ.get("TIERSLIEU_USER"), os.environ.get("TIERSLIEU_PASSWORD")
    return (user, secret) if user and secret else None


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


def _window_possible() -> bool:
    return bool(os.environ.get("QT_QPA_PLATFORM")) or _display_available()


class _OnPaint(QObject):
    """Calls ``then`` once, right after the first paint of ``widget`` for which ``ready``
    holds (queued: the painted frame reaches the screen before ``then`` runs)."""

    def __init__(
        self, widget: QWidget, then: Callable[[], None], ready: Callable[[], bool] = lambda: True
    ) -> None:
        super().__init__(widget)
        self.widget, self.then, self.ready = widget, then, ready
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Paint and self.ready():
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


# The background checks wait for Accueil's figures, but no longer than this.
BACKGROUND_AT_LATEST_MS = 3_000


class _Start:
    """What follows the shell's first paint: open the database (unless already open),
    attach it to the window, and once Accueil's figures are painted start the background
    check and the daily backup. ``code`` is set when the start failed (then the app quits)."""

    def __init__(self, app: QApplication, window: MainWindow, target: str, lang: str) -> None:
        self.app, self.window, self.target, self.lang = app, window, target, lang
        self.db: Database | None = None
        self.code: int | None = None
        self.error: BaseException | None = None
        self.background_started = False
        self.exit_when_shown = bool(os.environ.get("TIERSLIEU_EXIT_WHEN_SHOWN"))
        _OnPaint(window, self.open)
        if self.exit_when_shown:
            # Benchmark hook: the times of the first paint and of Accueil's figures.
            _OnPaint(window, lambda: print(f"shown_at={time.time():.6f}", flush=True))

    def _fail(self, exc: DatabaseOpenError) -> None:
        self.window.hide()
        self.code = report_open_error(exc, self.lang)
        self.app.quit()

    def open(self) -> None:
        from tierslieu_desktop import logs

        # <data folder>/tierslieu.log, 0600: the windowed build has no console
        logs.setup_logging()  # after the shell's first paint (_shell: before a window)
        install_style(self.app)  # after the shell's first paint too (create_application)
        with plain_imports():  # SQLAlchemy, the models, Accueil and its services
            self._open()

    def _open(self) -> None:
        from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
        from tierslieu_desktop.ui.crash_dialog import install_crash_hook

        try:
            db = self.db or open_database(self.target)
        except DatabaseOpenError as exc:
            self._fail(exc)
            return
        install_crash_hook(db.shown_target)  # slots' exceptions: logged, then a dialog
        try:
            self.window.attach(make_context(db, self.lang))
        except Exception as exc:
            # A damaged page read while building the window, or a read-only database
            # without any operator: said in words, never a traceback.
            db.dispose()
            from tierslieu_desktop.domain.errors import DomainError
            from tierslieu_desktop.services.safety.integrity import is_damage

            if isinstance(exc, DomainError) and exc.code == "read_only":
                self._fail(DatabaseOpenError("read_only_new", db.target, ""))
            elif is_damage(exc):
                self._fail(DatabaseOpenError("damaged", db.target, str(getattr(exc, "orig", exc))))
            else:  # raised again by run(), as before the window existed
                self.error = exc
                self.window.hide()
                self.app.quit()
            return
        # The login, over the window: the page is built behind it. The setup assistant of
        # an unconfigured database comes once someone logged in.
        if not self.exit_when_shown:
            self.window.unlocked.connect(self.offer_setup_once)
        self.window.lock(auto_login=auto_login())
        self.window.start_idle_lock()
        home = self.window.page("home")
        figure = cast(QLabel, home.findChild(QLabel, "cardValue"))
        # A window minimised during the start paints nothing: the checks start anyway.
        QTimer.singleShot(BACKGROUND_AT_LATEST_MS, self.background)
        if figure is not None:
            _OnPaint(figure, self.figures_painted, lambda: figure.text() != "–")

    def offer_setup_once(self) -> None:
        self.window.unlocked.disconnect(self.offer_setup_once)
        QTimer.singleShot(0, self.offer_setup)

    def offer_setup(self) -> None:
        from tierslieu_desktop.domain.permissions import Permission
        from tierslieu_desktop.ui.access import allowed
        from tierslieu_desktop.ui.setup_wizard import offer_setup

        if allowed(self.window.ctx, Permission.SETTINGS):  # the administrator
            offer_setup(self.window.ctx, self.window)

    def figures_painted(self) -> None:
        if self.exit_when_shown:
            print(f"figures_at={time.time():.6f}", flush=True)
            # packaging/smoke.py: the installed window as it was painted (a PNG to look at;
            # also how a windowed Windows build, without stdout, shows it got this far).
            shot = os.environ.get("TIERSLIEU_SHOT")
            if shot:
                self.window.grab().save(shot)
        self.background()
        if self.exit_when_shown:
            self.app.quit()

    def background(self) -> None:
        """After Accueil's figures (once): the collector again, the integrity check and
        the daily backup."""
        if self.background_started:
            return
        self.background_started = True
        _collect_again()
        self.window.start_integrity_check()
        self.window.start_automatic_backups()  # daily in a worker, and at close
        self.window.start_live_refresh()  # the other desks' changes (issue 20)


def _collect_again() -> None:
    """The start's objects (modules, classes, mapped models: most live as long as the
    process) are set aside for good, then the cyclic collector runs again as usual."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run(db_target: str | None, lang: str | None) -> int:
    # No cyclic collection until Accueil's figures are painted: the imports of the start
    # allocate enough to trigger full collections, 0.2 s of the first second (measured on
    # the large demo); nothing of the start is garbage worth collecting.
    gc.disable()
    try:
        return _run(db_target, lang)
    finally:
        _collect_again()


def _run(db_target: str | None, lang: str | None) -> int:
    with plain_imports():  # what comes before the shell's first paint, too
        shell = _shell(db_target, lang)
    if isinstance(shell, int):
        return shell
    app, window, start = shell
    window.show()
    code = app.exec()
    if start.error is not None:
        raise start.error
    if start.code is not None:
        return start.code
    if not window.is_attached():  # closed before the database was open
        if start.db is not None:
            start.db.dispose()
        return code
    window.wait_for_integrity_check()
    window.ctx.db.dispose()  # a restore may have opened it again
    return code


def _shell(
    db_target: str | None, lang: str | None
) -> tuple[QApplication, MainWindow, _Start] | int:
    """The application and the window's shell, not shown yet; or the exit code when the
    database is reported before any window."""
    # db.files needs sqlite3 alone (db.engine, SQLAlchemy, comes after the first paint);
    # imported here, inside plain_imports, not beside PySide6 at the top (issue 14).
    from tierslieu_desktop.db.files import DatabaseOpenError, ready_to_open, resolve_target

    lang = lang or config.saved_language()
    target = resolve_target(db_target)
    db: Database | None = None
    if not (_window_possible() and ready_to_open(target)):
        from tierslieu_desktop import logs

        logs.setup_logging()  # before any window: the log too (else after the first paint)
        # Before any window: a wrong file is reported even on a machine without display.
        from tierslieu_desktop.db.engine import open_database

        try:
            db = open_database(target)
        except DatabaseOpenError as exc:
            return report_open_error(exc, lang)
        if not _window_possible():
            core = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
            install_translators(core, lang)
            message = QCoreApplication.translate(
                "Startup",
                "No screen is available to open the window (run it from a desktop session). "
                'The database "{t}" is ready.',
            ).format(t=db.shown_target)
            print(f"tierslieu: {message}", file=sys.stderr)
            db.dispose()
            return 3
    app = create_application(shell=True)
    install_translators(app, lang)
    from tierslieu_desktop.ui.main_window import MainWindow

    window = MainWindow()  # the shell, painted before SQLAlchemy is even imported
    start = _Start(app, window, target, lang)
    start.db = db
    return app, window, start
