"""The last resort for an error no screen expected: logged, then told in plain words.

``install_crash_hook`` (called by app.py when the window opens) sets ``sys.excepthook``;
PySide6 hands it every exception raised in a slot. The hook writes the traceback to the
log (``tierslieu_desktop.logs``) and shows ``CrashDialog``: what happened to the work
(each action is one transaction: the one in progress was not saved, everything saved
before is intact) and a report to copy. A ``DomainError`` a screen forgot to catch, and
SQLite's "database is locked", get their usual French sentence instead. The hook is never
recursive: an error while it runs (or while its dialog is open) is only logged.
"""

from __future__ import annotations

import contextlib
import platform
import sqlite3
import sys
import traceback
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop import __version__, logs
from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.common import UNREACHABLE_CODES, busy_error

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def crash_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    db_target: str,
    log_file: Path | None,
) -> str:
    """The text a user copies and sends: when, versions, files, then the traceback."""
    lines = [
        f"Tiers-Lieu Desktop {__version__}",
        f"{to_local(utcnow()).isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} · PySide6 {PySide6.__version__} · Qt {qVersion()}"
        f" · SQLAlchemy {_version('SQLAlchemy')} · SQLite {sqlite3.sqlite_version}",
        f"{platform.platform()}",
        f"Database: {db_target}",
        f"Log: {log_file or '-'}",
        "",
    ]
    lines += "".join(traceback.format_exception(exc_type, exc, tb)).rstrip().splitlines()
    return "\n".join(lines)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


class CrashDialog(QDialog):
    """ "An unexpected problem occurred": what was saved, what was not, and the report."""

    def __init__(self, report: str, log_file: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected problem"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("An unexpected problem occurred"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        lay.addWidget(title)
        self.explanation = QLabel(
            self.tr(
                "The action in progress was not saved: each action is saved whole or not at "
                "all. Everything saved before it is intact. You can go on working; if the "
                "problem comes back, copy the report below and send it to whoever maintains "
                "the application."
            )
        )
        self.explanation.setWordWrap(True)
        lay.addWidget(self.explanation)
        if log_file is not None:
            where = QLabel(self.tr("The details are also in the log: {0}").format(str(log_file)))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(where)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Error report"))
        self.report.setFont(QFont("monospace"))
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lay.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy the report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(self.tr("Report copied"))


class CrashHook:
    """``sys.excepthook`` for the window. ``db_target`` goes in the report."""

    def __init__(self, db_target: str) -> None:
        self.db_target = db_target
        self._running = False
        self.previous: Callable[..., object] = sys.excepthook

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if self._running:  # an error while we report one: logged, nothing more
            with contextlib.suppress(Exception):
                logs.log_exception(exc_type, exc, tb, "Error while reporting an error")
            return
        self._running = True
        try:
            self._handle(exc_type, exc, tb)
        except Exception as inner:
            with contextlib.suppress(Exception):
                logs.log_exception(
                    type(inner), inner, inner.__traceback__, "Error in the crash hook"
                )
        finally:
            self._running = False

    def _handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        parent = QApplication.activeWindow()
        domain = exc if isinstance(exc, DomainError) else busy_error(exc, self.db_target)
        if domain is not None and domain.code in UNREACHABLE_CODES:
            # the database out of reach in a page's read: the banner says it and retries
            # (ui/connection.py); a message box per page read would only pile up
            logs.log.warning("Uncaught %s", domain, exc_info=(exc_type, exc, tb))
            return
        if domain is not None:
            # An error the user can act on that a screen did not catch: its usual sentence.
            logs.log.warning("Uncaught %s", domain, exc_info=(exc_type, exc, tb))
            from tierslieu_desktop.ui.errors import show_error

            show_error(parent, domain)
            return
        logs.log_exception(exc_type, exc, tb)
        if sys.stderr is not None:  # a console (not the Windows windowed build)
            with contextlib.suppress(Exception):
                traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        log_file = logs.current_log_path()
        report = crash_report(exc_type, exc, tb, self.db_target, log_file)
        CrashDialog(report, log_file, parent).exec()


def install_crash_hook(db_target: str) -> CrashHook:
    hook = CrashHook(db_target)
    sys.excepthook = hook
    return hook
