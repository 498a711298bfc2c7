"""An unexpected error in the window: written to the log, then a French dialog saying what
was saved and what was not, with a report to copy; never recursive. A busy database and a
DomainError no screen caught get their French sentence instead."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from tierslieu_desktop import logs
from tierslieu_desktop.db.models import AccountMapping
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.ui import crash_dialog, file_dialogs
from tierslieu_desktop.ui.crash_dialog import CrashDialog, install_crash_hook


@pytest.fixture
def log_file(tmp_path):
    saved = sys.excepthook
    path = logs.setup_logging(tmp_path / "data" / "tierslieu.log")
    yield path
    sys.excepthook = saved
    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()


@pytest.fixture
def shown(monkeypatch):
    """The crash dialogs that would have been shown (exec does not block)."""
    dialogs: list[CrashDialog] = []

    def fake_exec(self):
        dialogs.append(self)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    return dialogs


def _raise_and_hook(hook, exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:
        hook(type(caught), caught, caught.__traceback__)


def test_the_hook_logs_and_shows_what_was_saved_with_a_copyable_report(qtbot, ctx, log_file, shown):
    hook = install_crash_hook(ctx.db.target)
    assert sys.excepthook is hook
    _raise_and_hook(hook, ZeroDivisionError("a bug in a screen"))
    assert "ZeroDivisionError: a bug in a screen" in log_file.read_text(encoding="utf-8")
    (dialog,) = shown
    qtbot.addWidget(dialog)
    texts = " ".join(w.text() for w in dialog.findChildren(crash_dialog.QLabel))
    assert "Un problème inattendu est survenu" in texts
    assert "n'a pas été enregistrée" in dialog.explanation.text()
    assert "intact" in dialog.explanation.text()
    assert str(log_file) in texts
    report = dialog.report.toPlainText()
    assert dialog.report.isReadOnly()
    assert "ZeroDivisionError: a bug in a screen" in report and "Traceback" in report
    assert ctx.db.target in report and str(log_file) in report and "PySide6" in report
    assert dialog.copy_button.text() == "&Copier le rapport"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report


@pytest.mark.qt_no_exception_capture
def test_a_slot_raising_in_a_real_widget_reaches_the_hook(qtbot, ctx, log_file, shown):
    install_crash_hook(ctx.db.target)
    button = QPushButton("go")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise KeyError("missing row")

    button.clicked.connect(broken_slot)
    button.click()
    assert len(shown) == 1
    qtbot.addWidget(shown[0])
    assert "KeyError: 'missing row'" in shown[0].report.toPlainText()
    assert "broken_slot" in log_file.read_text(encoding="utf-8")


def test_an_error_inside_the_hook_is_only_logged(qtbot, ctx, log_file, monkeypatch):
    calls = []

    def exec_raising(self):
        qtbot.addWidget(self)
        calls.append(self)
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(CrashDialog, "exec", exec_raising)
    hook = install_crash_hook(ctx.db.target)
    _raise_and_hook(hook, ValueError("first"))
    assert len(calls) == 1
    content = log_file.read_text(encoding="utf-8")
    assert "ValueError: first" in content and "the dialog itself failed" in content


def test_an_error_while_the_dialog_is_open_is_not_shown_again(qtbot, ctx, log_file, monkeypatch):
    hook = install_crash_hook(ctx.db.target)
    opened = []

    def exec_with_second_error(self):
        qtbot.addWidget(self)
        opened.append(self)
        _raise_and_hook(hook, OSError("second, while the dialog is open"))
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_with_second_error)
    _raise_and_hook(hook, ValueError("first"))
    assert len(opened) == 1
    assert "second, while the dialog is open" in log_file.read_text(encoding="utf-8")


def test_an_uncaught_busy_database_gets_the_french_sentence(ctx, log_file, shown, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    hook = install_crash_hook(ctx.db.target)
    locked = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    _raise_and_hook(hook, locked)
    _raise_and_hook(hook, DomainError("database_busy", target=ctx.db.target))
    assert shown == []
    assert len(warnings) == 2
    assert all("occupée" in w and "réessayez" in w.lower() for w in warnings)
    assert "database is locked" in log_file.read_text(encoding="utf-8")


def test_the_about_box_says_where_the_log_is(qtbot, ctx, log_file):
    from tierslieu_desktop.ui.about_dialog import AboutDialog
    from tierslieu_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.about_action in window.help_button.menu().actions()
    window.about_action.trigger()
    (dialog,) = window.findChildren(AboutDialog)
    text = dialog.text()
    assert str(log_file) in text and ctx.db.target in text
    assert dialog.values["log"].text() == str(log_file)


def test_the_exports_tab_says_which_default_accounts_the_fec_used(
    qtbot, ctx, tmp_path, monkeypatch
):
    from tierslieu_desktop.ui.pages.reports.exports_tab import ExportsTab

    tab = ExportsTab(ctx)
    qtbot.addWidget(tab)
    monkeypatch.setattr(file_dialogs, "choose_folder", lambda *a, **k: str(tmp_path))
    tab.fec_button.click()
    assert "Comptes par défaut utilisés pour tous les comptes" in tab.status.text()
    with ctx.db.write() as s:
        s.add(AccountMapping(key="payment:cash", account="53O", label="Caisse"))
    tab.fec_button.click()
    assert "« 53O »" in tab.status.text() and "pas été écrit" in tab.status.text()
