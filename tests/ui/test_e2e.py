"""End to end: the real main window on a demo database, driven only by the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tierslieu_desktop.app import build_main_window, install_translators
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.demo.builder import build_demo
from tierslieu_desktop.services.people import members
from tierslieu_desktop.ui.pages.members.dialog import MemberDialog


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.sqlite"
    build_demo(str(path), size="small", seed=46400)
    return path


@pytest.fixture
def open_window(qapp, qtbot):
    opened = []

    def _open(path):
        translators = install_translators(qapp, "fr")
        db = open_database(str(path))
        _ctx, window = build_main_window(db, "fr")
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        assert QTest.qWaitForWindowActive(window)
        opened.append((db, window, translators))
        return window

    yield _open
    for db, window, translators in opened:
        window.close()
        db.dispose()
        for t in translators:
            qapp.removeTranslator(t)


def back_to(window):
    """After a modal dialog closes, the main window gets the keyboard again."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)


def in_modal_dialog(qtbot, action):
    """Run ``action(dialog)`` on the member dialog once it is open (it blocks the caller)."""
    done = []

    def _run():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MemberDialog):
            QTimer.singleShot(20, _run)
            return
        action(dialog)
        done.append(True)

    QTimer.singleShot(0, _run)
    return done


def test_create_find_and_edit_a_member_by_typing_then_restart(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    assert window.windowTitle() == "Tiers-Lieu Desktop"

    def create(dialog):
        qtbot.keyClicks(dialog.first_name, "Ines")
        qtbot.keyClick(dialog.first_name, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.last_name, "Kerbrat")
        qtbot.keyClicks(dialog.email, "ines.kerbrat@exemple.fr")
        qtbot.keyClicks(dialog.postcode, "46130")
        qtbot.keyClicks(dialog.city, "Prudhomat")
        qtbot.keyClick(dialog.city, Qt.Key.Key_Return)  # Enter saves

    created = in_modal_dialog(qtbot, create)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert created
    page = window.page("members")
    assert window.current_key() == "members"
    assert page.detail.name.text() == "KERBRAT Ines"

    # find her again from anywhere: Ctrl+F then type
    window.show_page("home")
    back_to(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "members"
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "kerbr")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.member_at(0).display_name == "KERBRAT Ines"

    def edit(dialog):
        dialog.phone.selectAll()
        qtbot.keyClicks(dialog.phone, "06 12 34 56 78")
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)

    edited = in_modal_dialog(qtbot, edit)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter opens the best match
    assert edited
    member_id = page.selected_member_id()
    window.close()

    # restart: a new window on the same file shows the change
    window = open_window(demo_path)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.page("members")
    qtbot.keyClicks(page.search, "ines kerbrat")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.selected_member_id() == member_id
    assert page.detail.values["phone"].text() == "06 12 34 56 78"
    db = open_database(str(demo_path))
    try:
        assert members.get_member(db, member_id).data.phone == "06 12 34 56 78"
    finally:
        db.dispose()
