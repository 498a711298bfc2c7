"""F1 inside a dialog (issue 17): the guide opens at the dialog's section — a flow of the
desk or the page the dialog belongs to — even while the dialog is modal, in a window above
it that the modal dialog leaves usable (ui/every_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tierslieu_desktop.ui.every_dialog import class_section
from tierslieu_desktop.ui.help_window import HelpWindow, open_guide
from tierslieu_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    yield win
    for guide in QApplication.topLevelWidgets():
        if isinstance(guide, HelpWindow):
            guide.close()


def _now() -> datetime:
    return datetime.now(UTC)


def _dialogs() -> list[tuple[str, Callable[[MainWindow], QDialog], str]]:
    from tierslieu_desktop.ui.pages.finances.dialogs import FunderDialog
    from tierslieu_desktop.ui.pages.frontdesk.walkin import WalkInDialog
    from tierslieu_desktop.ui.pages.machines.dialogs import CategoryDialog
    from tierslieu_desktop.ui.pages.members.dialog import MemberDialog
    from tierslieu_desktop.ui.pages.settings.backups_tab import PassphraseDialog

    return [
        ("member", lambda w: MemberDialog(w.ctx, parent=w), "members"),
        ("category", lambda w: CategoryDialog(w.ctx, None, w), "machines"),
        ("funder", lambda w: FunderDialog(w.ctx, None, w), "finances"),
        ("walk-in", lambda w: WalkInDialog(w.ctx, now_fn=_now, parent=w), "flow-arrival"),
        ("passphrase", lambda w: PassphraseDialog(w), "settings"),
    ]


DIALOGS = _dialogs()


def click_through_the_window_system(window: QWidget, button: QWidget) -> None:
    """A click sent to the window as the system sends it, so that Qt's modality applies
    (QTest's click on a widget goes to the widget even when a modal dialog blocks it)."""
    handle = window.windowHandle()
    assert handle is not None
    pos = button.mapTo(window, button.rect().center())
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    QApplication.processEvents()


def _guides() -> list[HelpWindow]:
    return [w for w in QApplication.allWidgets() if isinstance(w, HelpWindow) and w.isVisible()]


@pytest.mark.parametrize(
    ("make", "anchor"),
    [(m, a) for _n, m, a in DIALOGS],
    ids=[n for n, _m, _a in DIALOGS],
)
def test_f1_in_a_modal_dialog_opens_the_guide_at_its_section(window, qtbot, make, anchor):
    dialog = make(window)
    qtbot.addWidget(dialog)
    dialog.open()  # modal, as the pages open them
    qtbot.waitExposed(dialog)
    assert dialog.isModal()
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F1)
    (guide,) = _guides()
    assert guide.current_anchor() == anchor
    assert dialog.isVisible()  # F1 did not close or answer the dialog
    # the guide is usable while the dialog is open: a click on « Contents » is not blocked
    click_through_the_window_system(guide, guide.contents_button)
    assert guide.current_anchor() == "contents"
    dialog.reject()


def test_a_guide_of_the_main_window_is_blocked_by_a_modal_dialog(window, qtbot):
    """Why the guide of a dialog is the dialog's child: the main window's is not usable."""
    from tierslieu_desktop.ui.pages.machines.dialogs import CategoryDialog

    guide = open_guide(window, "fr", "home")
    dialog = CategoryDialog(window.ctx, None, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    click_through_the_window_system(guide, guide.contents_button)
    assert guide.current_anchor() == "home"  # the click never reached it
    dialog.reject()


def test_f1_on_the_main_window_still_opens_the_page_section(window, qtbot):
    window.show_page("members")
    QApplication.processEvents()
    qtbot.keyClick(window.page("members"), Qt.Key.Key_F1)
    (guide,) = _guides()
    assert guide.current_anchor() == "members"
    assert guide.parent() is window


def test_every_dialog_of_the_ui_has_a_section_of_the_guide():
    """The section F1 opens exists in both guides for every dialog class."""
    import sys

    from tierslieu_desktop.ui.help_window import LANGUAGES, guide_file

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from test_every_dialog import ui_dialog_classes

    anchors = {language: guide_file(language).read_text(encoding="utf-8") for language in LANGUAGES}
    for cls in ui_dialog_classes():
        section = class_section(cls) or "contents"  # else its page's, or the contents
        for language, html in anchors.items():
            assert f'name="{section}"' in html, (cls.__qualname__, language, section)
