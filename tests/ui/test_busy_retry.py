"""A busy database is said in words with « Réessayer » (issue 13, point 7): another desk
holds the write lock past the wait, the action fails saying nothing was saved; once the
lock is released, « Réessayer » runs the action again and it is saved."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tierslieu_desktop.db import engine
from tierslieu_desktop.services.finance import funding


@pytest.fixture
def busy_db(tmp_path, monkeypatch):
    """A database whose writes give up after 0.2 s (10 s in the application)."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    database = engine.open_database(str(tmp_path / "busy.sqlite"))
    yield database
    database.dispose()


@pytest.fixture
def fr_ctx(qapp, busy_db):
    from tierslieu_desktop.app import install_translators
    from tierslieu_desktop.services.people.operators import ensure_operator
    from tierslieu_desktop.ui.context import AppContext

    translators = install_translators(qapp, "fr")
    yield AppContext(busy_db, ensure_operator(busy_db), "fr")
    for t in translators:
        qapp.removeTranslator(t)


class OtherDesk:
    """Another desk in the middle of a write: it holds SQLite's write lock."""

    def __init__(self, path: str) -> None:
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")
        self.con.close()


def answer_busy_box(button: str, on_seen=lambda: None) -> list[tuple[str, list[str]]]:
    """When the busy message box shows, note its text and buttons, run ``on_seen`` and
    click ``button``; every box seen is listed."""
    seen: list[tuple[str, list[str]]] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        buttons = {b.text(): b for b in box.buttons()}
        seen.append((box.text(), list(buttons)))
        on_seen()
        buttons[button].click() if button in buttons else box.reject()

    QTimer.singleShot(20, poll)
    return seen


def test_busy_then_retry_saves(qtbot, fr_ctx, busy_db):
    from tierslieu_desktop.ui.pages.finances.dialogs import FunderDialog

    dialog = FunderDialog(fr_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Région Occitanie")
    desk = OtherDesk(busy_db.target)
    seen = answer_busy_box("Réessayer", on_seen=desk.release)
    dialog.submit()
    assert len(seen) == 1
    text, buttons = seen[0]
    assert "La base est occupée" in text and "Rien de cette action n'a été enregistré" in text
    assert set(buttons) == {"Réessayer", "Annuler"}
    assert [f.name for f in funding.list_funders(busy_db)] == ["Région Occitanie"]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_busy_then_cancel_saves_nothing_and_says_so(qtbot, fr_ctx, busy_db):
    from tierslieu_desktop.ui.pages.finances.dialogs import FunderDialog

    dialog = FunderDialog(fr_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("CAF du Lot")
    desk = OtherDesk(busy_db.target)
    try:
        seen = answer_busy_box("Annuler")
        dialog.submit()
    finally:
        desk.release()
    assert len(seen) == 1
    assert funding.list_funders(busy_db) == []
    assert dialog.isVisible() and "La base est occupée" in dialog.banner.text()


def test_a_page_action_retries_through_run_write(qtbot, fr_ctx, busy_db):
    from tierslieu_desktop.ui.errors import run_write

    parent = QWidget()
    qtbot.addWidget(parent)
    desk = OtherDesk(busy_db.target)
    seen = answer_busy_box("Réessayer", on_seen=desk.release)
    funder = run_write(
        parent,
        lambda: funding.save_funder(
            busy_db, fr_ctx.operator_id, name="Fondation", sector="private", level="foundation"
        ),
    )
    assert len(seen) == 1 and funder
    assert [f.name for f in funding.list_funders(busy_db)] == ["Fondation"]
