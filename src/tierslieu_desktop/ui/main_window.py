"""The main window: a navigation sidebar and one page per area of the tiers-lieu."""

from __future__ import annotations

import linecache
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSize, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# Only Qt and the light ui modules here: the window's shell is painted before the
# services (SQLAlchemy, the models) are imported; they are imported where used, and so is
# what the login needs (ui.access, the permissions: tests/ui/test_app_start.py). Nor
# PySide6's ``Qt`` namespace: its ~100 enums take ~10 ms to make (issue 14); the methods
# that run after the first paint import it.
from tierslieu_desktop import config
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.sidebar import Sidebar, first_window_geometry, visible_on_a_screen

if TYPE_CHECKING:
    from datetime import datetime

    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.domain.permissions import Principal
    from tierslieu_desktop.ui.auto_backups import AutoBackups
    from tierslieu_desktop.ui.idle_lock import IdleLock
    from tierslieu_desktop.ui.integrity_check import IntegrityCheck
    from tierslieu_desktop.ui.live_refresh import LiveRefresh
    from tierslieu_desktop.ui.lock_screen import LockScreen
    from tierslieu_desktop.ui.pages.activity.page import ActivityPage
    from tierslieu_desktop.ui.pages.bookings.page import BookingsPage
    from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage
    from tierslieu_desktop.ui.pages.members.page import MembersPage
    from tierslieu_desktop.ui.pages.settings.backups_tab import BackupsTab
    from tierslieu_desktop.ui.pages.settings.page import SettingsPage

ICONS = Path(__file__).parent / "icons"
HELP_KEY = QKeySequence("F1")
LOCK_KEY = QKeySequence("Ctrl+L")

STYLE = """
QListWidget#sidebar { background: #1f3a4d; color: #f2f5f7; border: none; font-size: 11pt; }
QListWidget#sidebar::item { padding: 9px 12px; border-left: 4px solid transparent; }
QListWidget#sidebar::item:selected { background: #2d5370; border-left: 4px solid #f0a830;
    color: white; }
QListWidget#sidebar::item:hover:!selected { background: #284a62; }
QLabel#pageTitle { font-size: 17pt; font-weight: 600; color: #1f3a4d; padding-bottom: 6px; }
QLabel#placeholderText { font-size: 11pt; color: #3c4a55; }
QLabel#databaseBanner { background: #fdecea; color: #8a1c12; border-bottom: 2px solid #c62828;
    padding: 8px 12px; font-weight: 600; }
"""


def set_shortcut(action: QAction, keys: QKeySequence) -> None:
    """``action.setShortcut(keys)`` (a standard key: its first sequence, as Qt's), through
    the list setter: the same call in Qt, without PySide6 weighing its ``Qt.Key`` overloads,
    which makes the ``Qt`` namespace before the shell's first paint (issue 14)."""
    action.setShortcuts([keys])


def forget_module_sources() -> None:
    """Drop the source lines PySide6 caches for every module imported after it.

    Its import hook (shibokensupport's ``feature_imported``) reads each new module's whole
    source with ``inspect.getsource`` to see whether it uses PySide6, and ``linecache``
    keeps those lines for the life of the process: 20–40 MB once every page has imported
    its services (issue 14's memory target). Nothing needs them: a traceback reads its
    lines again when it is printed."""
    linecache.clearcache()


class MainWindow(QMainWindow):
    """Built with its context, or first as a shell (sidebar, status bar, no page) that is
    painted at once, then given its context by ``attach`` once the database is open."""

    PAGE_KEYS = (
        "home",
        "members",
        "machines",
        "bookings",
        "activity",
        "checkout",
        "finances",
        "reports",
        "settings",
    )

    ctx: AppContext
    # an operator logged in on the lock screen (the first time: the app offers the setup
    # assistant then)
    unlocked = Signal()

    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Tiers-Lieu Desktop"))
        self.setStyleSheet(STYLE)

        self._titles = {
            "home": self.tr("Home"),
            "members": self.tr("Members"),
            "machines": self.tr("Machines & spaces"),
            "bookings": self.tr("Bookings"),
            "activity": self.tr("Activity"),
            "checkout": self.tr("Checkout & invoices"),
            "finances": self.tr("Finances"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
        }
        self._factories: dict[str, Callable[[], Page]] = {
            "home": self._make_home,
            "members": self._make_members,
            "machines": self._make_machines,
            "bookings": self._make_bookings,
            "activity": self._make_activity,
            "checkout": self._make_checkout,
            "finances": self._make_finances,
            "reports": self._make_reports,
            "settings": self._make_settings,
        }
        self._pages: dict[str, Page] = {}

        # Icons only below WIDE_FROM pixels (a 1024 screen), icons and titles above.
        self.sidebar = Sidebar()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Navigation"))
        self.sidebar.setIconSize(QSize(22, 22))  # Tab stops on it: an item view's default
        for key in self.PAGE_KEYS:
            item = QListWidgetItem(self._titles[key])
            item.setToolTip(self._titles[key])
            icon_path = ICONS / f"{key}.svg"
            if icon_path.exists():
                item.setIcon(QIcon(str(icon_path)))
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        self.banner = QLabel()
        self.banner.setObjectName("databaseBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self._layout = layout  # the connection's banner goes under the banner (attach)
        self.setCentralWidget(central)
        self._check: IntegrityCheck | None = None
        self.auto_backups: AutoBackups | None = None
        self.last_restore_aside: Path | None = None
        self._retired: list[Page] = []
        self.lock_screen: LockScreen | None = None
        self.idle_lock: IdleLock | None = None

        self._build_status_bar()
        self._build_shortcuts()
        self._place_on_screen()
        # The shell: Accueil highlighted, nothing to click until the database is open.
        self.sidebar.setCurrentRow(0)
        self.sidebar.setEnabled(False)
        self.operator_button.setEnabled(False)
        self.lock_button.setEnabled(False)
        self.help_button.setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Give the shell its open database: the status bar, then the first page."""
        from PySide6.QtCore import Qt

        from tierslieu_desktop.ui import every_dialog

        self.ctx = ctx
        # F1 in every dialog; every dialog within its screen. Not in the shell: the filter
        # sees every event from Python, which loads every Qt class's Python type (issue 14).
        every_dialog.install()
        self._build_connection_banner()
        # Ctrl+L from any window of the application: an open dialog is closed by the lock.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        if ctx.db.read_only:
            self.show_banner(self.tr("Read-only database: no change will be saved"))
        self.db_label.setText(self.tr("Database: {path}").format(path=ctx.db.shown_target))
        self.db_label.setToolTip(ctx.db.shown_target)
        ctx.changed.connect(self._on_changed)
        self._show_operator()
        self.operator_button.setEnabled(True)
        self.lock_button.setEnabled(True)
        self.help_button.setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        self.sidebar.setEnabled(True)
        self.sidebar.currentRowChanged.connect(self._on_row_changed)
        self._apply_access()
        self._on_row_changed(self.sidebar.currentRow())
        self.connection_banner.watch(ctx)

    def is_attached(self) -> bool:
        return hasattr(self, "ctx")

    # --- the database's state ----------------------------------------------------

    def show_banner(self, text: str) -> None:
        """A red line above every page (read-only or damaged database)."""
        current = self.banner.text()
        text = f"{current}\n{text}" if current and text not in current else text
        self.banner.setText(text)
        self.banner.setAccessibleName(text)
        self.banner.show()

    # --- the database out of reach (issue 20, point 5: ui/connection.py) -----------

    def _build_connection_banner(self) -> None:
        """« Connexion au serveur perdue — nouvel essai dans N s… » above every page while
        the database does not answer; once it does, every page reads again (the context's
        ``changed("*")``) and the page shown is activated again. Made with the database
        (hidden till then: not in the shell's first frame)."""
        from tierslieu_desktop.ui.connection import ConnectionBanner

        self.connection_banner = ConnectionBanner(self)
        self.connection_banner.recovered.connect(self._on_reconnected)
        self._layout.insertWidget(1, self.connection_banner)  # under the red banner

    def _on_reconnected(self) -> None:
        if self.is_attached() and not self.is_locked():
            self.page(self.current_key()).activate()

    # --- integrity ---------------------------------------------------------------

    def start_integrity_check(self) -> None:
        """Run the quick check, then the ledger's chain and its anchors, in the
        background; a banner says if the file is damaged or the ledger was tampered with."""
        from tierslieu_desktop.ui.integrity_check import IntegrityCheck

        self._check = IntegrityCheck(self.ctx)
        self._check.signals.done.connect(self._on_integrity_checked)
        self._check.signals.ledger.connect(self._on_ledger_checked)
        QThreadPool.globalInstance().start(self._check)

    def wait_for_integrity_check(self) -> None:
        if self._check is not None:
            QThreadPool.globalInstance().waitForDone()

    def _on_integrity_checked(self, problems: list) -> None:
        if problems:
            self.show_banner(
                self.tr(
                    "Damaged database: SQLite reports {problem}. Restore a backup; "
                    "what is saved now may be lost."
                ).format(problem=problems[0])
            )

    def _on_ledger_checked(self, problems: list) -> None:
        if problems:
            more = len(problems) - 1
            text = self.tr(
                "Integrity check of the invoices failed: {problem} Run 'tierslieu verify' "
                "for the whole list."
            ).format(problem=problems[0])
            if more:
                text += " " + self.tr("(%Ln other problems)", "", more)
            self.show_banner(text)

    # --- backups -----------------------------------------------------------------

    def start_automatic_backups(self, now_fn: Callable[[], datetime] | None = None) -> None:
        """The daily backup (now if today has none, then after each midnight) and the
        backup at close. Started by ``app.run``; tests start it themselves."""
        from tierslieu_desktop.ui.auto_backups import AutoBackups

        self.auto_backups = AutoBackups(self.ctx, self, now_fn=now_fn)
        self.auto_backups.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        self.remember_geometry()
        auto = self.auto_backups
        if auto is not None and self.ctx.db.is_sqlite and not self.ctx.db.read_only:
            # Never stops the close: a failure is only remembered (log, Accueil).
            self.auto_backups = None  # a second close request while it runs: no 2nd copy
            auto.timer.stop()
            auto.run_with_progress(self, "close", self.tr("Backing up the database…"))
        super().closeEvent(event)

    def backup_now(self) -> object:
        """Paramètres › Sauvegardes › « Sauvegarder maintenant »: the BackupInfo, or None
        when it failed (the reason is remembered for Paramètres and Accueil)."""
        from tierslieu_desktop.ui.auto_backups import AutoBackups

        auto = self.auto_backups or AutoBackups(self.ctx, self)
        return auto.run_with_progress(self, "manual", self.tr("Backing up the database…"))

    # --- live refresh (issue 20): what the other desks save --------------------------

    live_refresh: LiveRefresh | None = None

    def start_live_refresh(self) -> None:
        """Listen to the other desks' changes (ui/live_refresh.py): started by ``app.run``
        after the first paint; tests start it themselves. Stopped when the window closes."""
        from tierslieu_desktop.ui.live_refresh import LiveRefresh

        if self.live_refresh is None:
            self.live_refresh = LiveRefresh(self.ctx, self)
        self.live_refresh.start()

    # --- restore -------------------------------------------------------------------

    def restore_backup(self, backup_file: Path, passphrase: str | None) -> DomainError | None:
        """Close the database, put ``backup_file`` in its place, open it again and rebuild
        every page on it. Returns why it was refused (the database is then the same,
        opened again), None when done (``self.last_restore_aside``: the previous file)."""
        from tierslieu_desktop.services.safety import auto_backup
        from tierslieu_desktop.ui.access import page_allowed

        if self.auto_backups is not None:
            self.auto_backups.wait()
        QThreadPool.globalInstance().waitForDone()  # no worker still reading the file
        if self.live_refresh is not None:  # nor the listener (back on "database" below)
            self.live_refresh.pause()
        current = self.current_key()
        self._drop_pages()
        principal = self.ctx.db.principal
        result = auto_backup.restore_and_reopen(self.ctx.db, backup_file, passphrase)
        self.ctx.db = result.db
        result.db.principal = principal  # the operator stays logged in on the new handle
        self.last_restore_aside = result.aside
        if result.error is None:
            # The restored file is another file: the banner of the previous one goes, and
            # the new one is checked like at start.
            self.banner.clear()
            self.banner.hide()
            if self.ctx.db.read_only:
                self.show_banner(self.tr("Read-only database: no change will be saved"))
            if self._check is not None:
                self.start_integrity_check()
        self._operator_after_restore(principal)
        if not page_allowed(self.ctx, current):
            current = "home"
            self.sidebar.setCurrentRow(0)
        page = self.page(current)
        self.stack.setCurrentWidget(page)
        page.activate()
        self.ctx.notify("database", [])
        return result.error

    def _operator_after_restore(self, principal: Principal | None) -> None:
        """The operator logged in stays so on the restored database while their account
        is there as it is; else the desk is locked (someone logs in on that database)."""
        from tierslieu_desktop.domain import errors
        from tierslieu_desktop.services.people import accounts
        from tierslieu_desktop.services.people import operators as operator_service

        if principal is None:  # nobody logged in (a test of the window): as before
            self.ctx.set_operator(
                operator_service.ensure_operator(self.ctx.db, self.ctx.operator_id)
            )
            self._show_operator()
            return
        try:
            fresh: Principal | None = accounts.principal_of(self.ctx.db, principal.operator_id)
        except errors.DomainError:
            fresh = None
        if fresh is None or fresh.name != principal.name:
            self.ctx.set_principal(None)
            self.lock()
            return
        self.ctx.set_principal(fresh)
        self._apply_access()
        self._show_operator()

    def _drop_pages(self) -> None:
        """Take every page out of the window; they are built again on the new database.
        The old ones are deleted only at the next restore: the restore dialog and the
        tab that opened it are still running on them."""
        for page in self._retired:
            page.deleteLater()
        self._retired = list(self._pages.values())
        for page in self._retired:
            self.stack.removeWidget(page)
            page.hide()
            page.setEnabled(False)
        self._pages.clear()

    def show_backups(self) -> None:
        """Paramètres › Sauvegardes."""
        page = cast("SettingsPage", self.show_page("settings"))
        page.tabs.setCurrentWidget(page.backups)

    def backups_tab(self) -> BackupsTab:
        return cast("SettingsPage", self.page("settings")).backups

    # --- size and place on the screen ---------------------------------------------

    GEOMETRY_SETTING = "window_geometry"

    def _place_on_screen(self) -> None:
        """The size and place (maximized or not) of the last session when they are still
        on a screen; else 1280×800 at most, within the free area of the primary screen
        (a 1366×768 screen's taskbar included)."""
        saved = config.load_settings().get(self.GEOMETRY_SETTING)
        if isinstance(saved, str) and saved:
            state = QByteArray.fromBase64(saved.encode("ascii"))
            if self.restoreGeometry(state) and visible_on_a_screen(self.geometry()):
                return
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(first_window_geometry(screen.availableGeometry()))

    def remember_geometry(self) -> None:
        """Kept in the settings file at close (size, place, maximized)."""
        state = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        config.save_setting(self.GEOMETRY_SETTING, state)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        self.sidebar.set_wide(event.size().width() >= Sidebar.WIDE_FROM)
        super().resizeEvent(event)
        if self.lock_screen is not None:
            self.lock_screen.setGeometry(self.rect())

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's name
        """Tab on the sidebar goes to the page's first field (its tabs' widgets are
        made when first shown, after the status bar in Qt's order)."""
        from PySide6.QtCore import Qt

        if next and QApplication.focusWidget() is self.sidebar:
            target = self._first_tab_stop(self.stack.currentWidget())
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().focusNextPrevChild(next)

    def _first_tab_stop(self, page: QWidget | None) -> QWidget | None:
        from PySide6.QtCore import Qt

        if page is None:
            return None
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                page.isAncestorOf(widget)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisible()
                and widget.isEnabled()
            ):
                return widget
            widget = widget.nextInFocusChain()
        return None

    def _status_bar_last_in_tab_order(self) -> None:
        """Tab from the sidebar goes into the page, the status bar's operator and About
        come last (a page built later is otherwise put after them)."""
        last: QWidget = self.sidebar
        widget = self.sidebar.nextInFocusChain()
        while widget is not None and widget is not self and widget is not self.sidebar:
            if not self.statusBar().isAncestorOf(widget):
                last = widget
            widget = widget.nextInFocusChain()
        if last is not self.sidebar:
            QWidget.setTabOrder(last, self.operator_button)
            QWidget.setTabOrder(self.operator_button, self.lock_button)
            QWidget.setTabOrder(self.lock_button, self.help_button)

    # --- pages -------------------------------------------------------------------

    def _make_reports(self) -> Page:
        from tierslieu_desktop.ui.pages.reports.page import ReportsPage

        return ReportsPage(self.ctx)

    def _make_home(self) -> Page:
        from tierslieu_desktop.ui.pages.home import HomePage

        return HomePage(self.ctx)

    def _make_members(self) -> Page:
        from tierslieu_desktop.ui.pages.members.page import MembersPage

        return MembersPage(self.ctx)

    def _make_machines(self) -> Page:
        from tierslieu_desktop.ui.pages.machines.page import MachinesPage

        return MachinesPage(self.ctx)

    def _make_bookings(self) -> Page:
        from tierslieu_desktop.ui.pages.bookings.page import BookingsPage

        return BookingsPage(self.ctx)

    def _make_activity(self) -> Page:
        from tierslieu_desktop.ui.pages.activity.page import ActivityPage

        return ActivityPage(self.ctx)

    def _make_checkout(self) -> Page:
        from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage

        return CheckoutPage(self.ctx)

    def _make_finances(self) -> Page:
        from tierslieu_desktop.ui.pages.finances.page import FinancesPage

        return FinancesPage(self.ctx)

    def _make_settings(self) -> Page:
        from tierslieu_desktop.ui.pages.settings.page import SettingsPage

        page = SettingsPage(self.ctx)
        page.setup_requested.connect(self.open_setup)
        return page

    def open_setup(self) -> QWidget:
        """The setup assistant (Paramètres › « Assistant de configuration… »); the
        settings' forms read again what it saved."""
        from tierslieu_desktop.ui.setup_wizard import open_setup_wizard

        wizard = open_setup_wizard(self.ctx, self)
        settings = self._pages.get("settings")
        if settings is not None:
            wizard.accepted.connect(cast("SettingsPage", settings).reload_after_setup)
        return wizard

    def page(self, key: str) -> Page:
        """The page for ``key``, built the first time it is asked for."""
        page = self._pages.get(key)
        if page is None:
            page = self._factories[key]()
            page.setObjectName(f"page_{key}")
            self._pages[key] = page
            self.stack.addWidget(page)
            page.help_context_changed.connect(self._sync_help_key)
            self._status_bar_last_in_tab_order()
        return page

    def show_page(self, key: str) -> Page:
        self.sidebar.setCurrentRow(self.PAGE_KEYS.index(key))
        return self.page(key)

    def current_key(self) -> str:
        return self.PAGE_KEYS[self.sidebar.currentRow()]

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self.PAGE_KEYS[row])
        self.stack.setCurrentWidget(page)
        page.activate()
        self._sync_help_key()
        QTimer.singleShot(0, forget_module_sources)

    # --- status bar and shortcuts ------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(self.tr("Opening the database…"))
        self.db_label.setObjectName("databaseLabel")
        # A long path is cut on the right, never widens the window (whole in the tooltip).
        self.db_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.db_label, 1)
        # Who is logged in at the desk (issue 19): their name and roles; their own
        # password from its menu; « Verrouiller » (Ctrl+L) for the next operator.
        self.operator_button = QPushButton()
        self.operator_button.setObjectName("operatorButton")
        self.operator_button.setFlat(True)
        self.operator_button.setAccessibleName(self.tr("Operator logged in at the desk"))
        operator_menu = QMenu(self.operator_button)
        self.change_password_action = QAction(self.tr("Change my password…"), self)
        self.change_password_action.triggered.connect(self.change_own_password)
        operator_menu.addAction(self.change_password_action)
        self.operator_button.setMenu(operator_menu)
        bar.addPermanentWidget(self.operator_button)
        self.lock_action = QAction(self.tr("Lock (Ctrl+L)"), self)
        set_shortcut(self.lock_action, LOCK_KEY)  # from any window once attached
        self.lock_action.triggered.connect(lambda _checked=False: self.lock())
        self.addAction(self.lock_action)
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock the desk"))
        self.lock_button.setToolTip(
            self.tr("Lock the desk: the next operator logs in with their password or PIN.")
        )
        self.lock_button.clicked.connect(lambda _checked=False: self.lock())
        bar.addPermanentWidget(self.lock_button)
        # No menu bar (600 px high screens): Help is a menu on the status bar.
        self.help_button = QPushButton(self.tr("Help"))
        self.help_button.setFlat(True)
        self.help_button.setAccessibleName(self.tr("Help: user guide and About"))
        menu = QMenu(self.help_button)
        self.guide_action = QAction(self.tr("User guide"), self)
        set_shortcut(self.guide_action, HELP_KEY)
        self.guide_action.triggered.connect(lambda _checked=False: self.show_help())
        self.addAction(self.guide_action)  # F1 from anywhere in the window
        menu.addAction(self.guide_action)
        self.about_action = QAction(self.tr("About Tiers-Lieu Desktop…"), self)
        self.about_action.triggered.connect(self.show_about)
        menu.addAction(self.about_action)
        self.help_button.setMenu(menu)
        bar.addPermanentWidget(self.help_button)

    def show_help(self, anchor: str | None = None) -> None:
        """The guide at ``anchor``, else at the section of what the window shows."""
        from tierslieu_desktop.ui.help_window import open_guide

        if not anchor:
            key = self.current_key()
            page = self._pages.get(key)
            anchor = (page.help_anchor() if page is not None else None) or key
        self.help_window = open_guide(self, self.ctx.language, anchor)

    def _sync_help_key(self) -> None:
        """F1 is the guide's key, except while the shown page uses it (the cyber-base
        desk's F1–F6 count visits): there the Help menu or its « ? » opens the guide."""
        page = self._pages.get(self.current_key()) if self.sidebar.currentRow() >= 0 else None
        taken = page is not None and page.function_keys_taken()
        self.guide_action.setShortcut(QKeySequence() if taken else HELP_KEY)

    def show_about(self) -> None:
        """Help › About: version, database, folders, licence, Python and Qt."""
        from tierslieu_desktop.ui.about_dialog import show_about

        self.about_dialog = show_about(self.ctx.db.target, self)

    def _show_operator(self) -> None:
        """The status bar's name and roles of the operator logged in."""
        from tierslieu_desktop.ui.access import roles_words

        who = self.ctx.db.principal
        if who is None:  # nobody logged in (a test of one window): the context's operator
            from tierslieu_desktop.services.people import operators as operator_service

            names = {o.id: o.name for o in operator_service.list_operators(self.ctx.db)}
            text = names.get(self.ctx.operator_id, "")
        else:
            text = self.tr("{name} ({roles})").format(name=who.name, roles=roles_words(who.roles))
        self.operator_button.setText(text)
        self.operator_button.setToolTip(self.tr("Logged in: {who}").format(who=text))
        self.change_password_action.setEnabled(who is not None)

    def _on_changed(self, entity: str, ids: list) -> None:
        if entity != "operator":
            return
        who = self.ctx.db.principal
        if who is not None and (not ids or who.operator_id in ids):
            # their own roles were changed (or the account deactivated) by an administrator
            from tierslieu_desktop.domain.errors import DomainError
            from tierslieu_desktop.services.people import accounts

            try:
                fresh = accounts.principal_of(self.ctx.db, who.operator_id)
            except DomainError:
                self.lock()
                return
            if fresh != who:
                self.ctx.set_principal(fresh)
                self._apply_access()
        self._show_operator()

    # --- login, lock and roles -----------------------------------------------------

    def is_locked(self) -> bool:
        return self.lock_screen is not None and self.lock_screen.isVisible()

    def lock(self, *, auto_login: tuple[str, str] | None = None) -> None:
        """Cover the window with the lock screen: nothing behind it is reachable until an
        operator logs in (the page stays as it was for them, or for the next one).
        ``auto_login`` (the start with TIERSLIEU_USER / TIERSLIEU_PASSWORD) logs in at
        once, as if typed."""
        if not self.is_attached():
            return
        from tierslieu_desktop.ui.lock_screen import LockScreen

        self._close_dialogs()
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self.ctx, self)
            self.lock_screen.unlocked.connect(self.unlock)
        screen = self.lock_screen
        preferred = self.ctx.db.principal.operator_id if self.ctx.db.principal else None
        if preferred is None:
            remembered = config.load_settings().get("operator_id")
            preferred = remembered if isinstance(remembered, int) else None
        screen.prepare(preferred)
        self._set_behind_enabled(False)
        screen.setGeometry(self.rect())
        screen.show()
        screen.raise_()
        if self.idle_lock is not None:
            self.idle_lock.pause()
        screen.focus_first()
        if auto_login is not None and screen.mode == "login":
            screen.log_in_as(*auto_login)

    def unlock(self, principal: Principal) -> None:
        """An operator logged in: the window is theirs (what their roles allow)."""
        from PySide6.QtCore import Qt

        self.ctx.set_principal(principal)
        config.save_setting("operator_id", principal.operator_id)
        self._apply_access()
        self._show_operator()
        self._set_behind_enabled(True)
        if self.lock_screen is not None:
            self.lock_screen.hide()
        if self.idle_lock is not None:
            self.idle_lock.resume()
        page = self.stack.currentWidget()
        target = self._first_tab_stop(page) if page is not None else None
        (target or self.sidebar).setFocus(Qt.FocusReason.OtherFocusReason)
        self.unlocked.emit()

    def start_idle_lock(self) -> None:
        """Lock after the idle minutes of Paramètres › Comptes (0: never)."""
        from tierslieu_desktop.ui.idle_lock import IdleLock

        if self.idle_lock is None:
            self.idle_lock = IdleLock(self)
            self.idle_lock.idle.connect(self.lock)
        self.idle_lock.restart()
        if self.is_locked():
            self.idle_lock.pause()

    def _set_behind_enabled(self, enabled: bool) -> None:
        central = self.centralWidget()
        if central is not None:
            central.setEnabled(enabled)
        self.statusBar().setEnabled(enabled)
        for action in self.actions():
            action.setEnabled(enabled)
        if enabled:
            self._apply_access()

    def _close_dialogs(self) -> None:
        """Every dialog of the window is closed by the lock (what they held is not saved):
        nothing stays reachable above the lock screen."""
        for widget in QApplication.topLevelWidgets():
            # a progress dialog stays: its work (a backup, an import) goes on
            if (
                isinstance(widget, QDialog)
                and not isinstance(widget, QProgressDialog)
                and widget.isVisible()
            ):
                widget.reject()

    def _apply_access(self) -> None:
        """The sidebar shows the pages the operator logged in may open; Ctrl+1… and the
        shortcuts to the members follow; a page they may not open is left for Accueil."""
        from tierslieu_desktop.domain.permissions import Permission
        from tierslieu_desktop.ui.access import allowed, page_allowed

        for row, key in enumerate(self.PAGE_KEYS):
            ok = page_allowed(self.ctx, key)
            self.sidebar.setRowHidden(row, not ok)
            self._page_actions[key].setEnabled(ok)
        members = allowed(self.ctx, Permission.MEMBERS)
        self.find_action.setEnabled(members)
        self.new_member_action.setEnabled(members)
        if self.sidebar.currentRow() >= 0 and not page_allowed(self.ctx, self.current_key()):
            self.sidebar.setCurrentRow(0)

    def change_own_password(self) -> None:
        """« Changer mon mot de passe… » (the status bar's name, Paramètres › Comptes)."""
        from tierslieu_desktop.ui.pages.settings.accounts_tab import OwnSecretDialog

        if self.ctx.db.principal is None:
            return
        self.own_secret_dialog = OwnSecretDialog(self.ctx, self)
        self.own_secret_dialog.exec()

    def _build_shortcuts(self) -> None:
        self.find_action = find = QAction(self.tr("Find a member"), self)
        set_shortcut(find, QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.find_member)
        self.addAction(find)
        self.new_member_action = new = QAction(self.tr("New member"), self)
        set_shortcut(new, QKeySequence(QKeySequence.StandardKey.New))
        new.triggered.connect(self.new_member)
        self.addAction(new)
        self._page_actions: dict[str, QAction] = {}
        for i, key in enumerate(self.PAGE_KEYS, start=1):
            action = QAction(self._titles[key], self)
            set_shortcut(action, QKeySequence(f"Ctrl+{i}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            self.addAction(action)
            self._page_actions[key] = action

    def _members_page(self) -> MembersPage:
        return cast("MembersPage", self.show_page("members"))

    def find_member(self) -> None:
        self._members_page().focus_search()

    def new_member(self) -> None:
        self._members_page().new_member()

    def book_for_member(self, member_id: int) -> None:
        """The member card's "Book…": the calendar, and a new booking for them."""
        page = cast("BookingsPage", self.show_page("bookings"))
        page.new_booking(member_id=member_id)

    def register_member(self, member_id: int) -> None:
        """The member card's "Register…": the sessions, where "Register a member…" opens
        with them chosen (the shared current member)."""
        self.ctx.set_current_member(member_id)
        page = cast("ActivityPage", self.show_page("activity"))
        page.tabs.setCurrentWidget(page.sessions)

    def checkout_member(self, member_id: int) -> None:
        """The member card's "Check out…": their basket at the checkout."""
        page = cast("CheckoutPage", self.show_page("checkout"))
        page.tabs.setCurrentWidget(page.basket)
        page.basket.open_for(member_id)
