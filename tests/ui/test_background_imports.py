"""Imports run off the window's thread behind a progress dialog: the window keeps
painting, « Annuler » writes nothing and says so, a finished import shows its rows and
a message, a bad line is named (issue 13, point 6)."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QThread
from sqlalchemy import func, insert, select

from tierslieu_desktop.db.models import Audience, Expense, MachineCategory, PriceRule
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.pricing import tariff_csv

LINES = 3_000
TODAY = date(2026, 6, 15)


def expense_csv(lines: int) -> bytes:
    out = ["date;categorie;activite;montant;libelle;fournisseur"]
    for i in range(lines):
        day = date(2026, 1, 1) + timedelta(days=i % 180)
        out.append(f"{day:%d/%m/%Y};énergie;general;{1 + i % 90},50;Facture {i};EDF")
    return ("\n".join(out) + "\n").encode("cp1252")


def count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


class Gate:
    """Wraps a service import so that it stops at its second progress report (a
    thousand lines done) until the test opens the gate; records the worker's thread."""

    def __init__(self, monkeypatch, module, name: str) -> None:
        self.opened = threading.Event()
        self.threads: list[object] = []
        real = getattr(module, name)

        def gated(*args, progress, cancelled, **kwargs):
            def report(done: int, total: int) -> None:
                self.threads.append(QThread.currentThread())
                progress(done, total)
                if done > 0:
                    assert self.opened.wait(20)

            return real(*args, progress=report, cancelled=cancelled, **kwargs)

        monkeypatch.setattr(module, name, gated)


@pytest.fixture
def page(qtbot, ctx):
    from tierslieu_desktop.ui.pages.finances.page import FinancesPage

    p = FinancesPage(ctx, today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.activate()
    return p


def test_expense_import_shows_progress_cancels_to_nothing_then_completes(
    page, qtbot, db, monkeypatch, finished
):
    tab = page.expenses
    gate = Gate(monkeypatch, expenses, "import_expenses_csv")
    job = tab.import_text(expense_csv(LINES))
    # The import waits in its worker: the window's event loop still runs (waitUntil
    # spins it), the dialog shows how far it is, the button cannot start a second one.
    qtbot.waitUntil(lambda: job.dialog.isVisible() and job.dialog.value() >= 1000, timeout=10_000)
    assert job.running and not tab.import_button.isEnabled()
    assert tab.import_text(expense_csv(10)) is job  # one import at a time
    assert gate.threads and all(t is not page.thread() for t in gate.threads)
    assert job.dialog.windowModality() == Qt.WindowModality.WindowModal
    assert job.dialog.accessibleName() and job.cancel_button.accessibleName()
    assert job.cancel_button.text() == "Annuler"
    page.grab()  # the window still paints while the import works

    qtbot.mouseClick(job.cancel_button, Qt.MouseButton.LeftButton)
    assert job.cancelling
    gate.opened.set()
    assert finished(job) is None
    assert job.error is not None and job.error.code == "cancelled"
    assert count(db, Expense) == 0
    assert "annulé" in tab.status.text() and "rien n'a été importé" in tab.status.text()
    assert tab.import_button.isEnabled()

    job = tab.import_text(expense_csv(LINES))  # gate open: runs to the end
    assert finished(job) == LINES
    assert count(db, Expense) == LINES
    assert tab.status.text() == "3\u202f000 dépenses importées."
    tab.first.setDate(tab.first.date().addYears(-1))
    qtbot.waitUntil(lambda: tab.table.rowCount() >= LINES)


def test_expense_import_names_the_bad_line_and_writes_nothing(page, db, finished):
    tab = page.expenses
    lines = expense_csv(LINES).decode("cp1252").splitlines()
    lines[2501] = lines[2501].replace("énergie", "carburant")  # line 2502 of the file
    job = tab.import_text("\n".join(lines))
    assert finished(job) is None
    assert "2502" in tab.status.text()
    assert count(db, Expense) == 0


def test_tariff_import_runs_in_the_background_and_a_cancel_writes_nothing(
    qtbot, ctx, db, operator, monkeypatch, tmp_path, finished
):
    from tierslieu_desktop.ui.pages.settings.page import SettingsPage

    with db.write() as s:
        s.execute(insert(MachineCategory), [{"name": f"Cat {c}", "position": c} for c in range(50)])
        s.add(Audience(name="Public", position=0))
    out = ["type;ressource;public;adhesion;unite;pas_minutes;prix;du;au"]
    for i in range(LINES):
        month = i // 50
        start = date(2027 + month // 12, 1 + month % 12, 1)
        out.append(f"categorie;Cat {i % 50};Public;tous;heure;15;{5 + i % 7},00;{start:%d/%m/%Y};")
    path = tmp_path / "tarifs.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    grid = page.tariffs.grid
    gate = Gate(monkeypatch, tariff_csv, "import_rules_csv")
    job = grid.import_csv(str(path))
    qtbot.waitUntil(lambda: job.dialog.isVisible() and job.dialog.value() >= 1000, timeout=10_000)
    assert not grid.import_button.isEnabled()
    qtbot.mouseClick(job.cancel_button, Qt.MouseButton.LeftButton)
    gate.opened.set()
    assert finished(job) is None
    assert count(db, PriceRule) == 0
    assert "rien n'a été importé" in grid.status.text()

    assert finished(grid.import_csv(str(path))) == LINES
    assert count(db, PriceRule) == LINES
    assert "3000 prix importés" in grid.status.text().replace("\u202f", "")


def test_an_unexpected_error_in_the_worker_reaches_the_crash_hook(
    page, qtbot, monkeypatch, finished
):
    """Not lost in the worker thread: the window's exception hook (crash dialog and log)
    gets it, in the window's thread, and the import button works again."""
    import sys

    caught: list[tuple[type, object, object]] = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: caught.append(info))

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(expenses, "import_expenses_csv", broken)
    tab = page.expenses
    job = tab.import_text(expense_csv(3))
    assert finished(job) is None
    assert [(kind, str(exc)) for kind, exc, _tb in caught] == [(RuntimeError, "disk on fire")]
    assert tab.import_button.isEnabled()
