"""The front desk driven with the mouse as well as the keys (issue 17): one click on a row
enables its buttons, a new booking names nobody until chosen, dialogs keep their size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.ui.test_frontdesk import clock, lab, page  # noqa: F401  (fixtures)


def click_row(qtbot, view: QAbstractItemView, row: int, *, double: bool = False) -> None:
    """A real click on the row's first cell, on the viewport (where Qt's views take it)."""
    rect = view.visualRect(view.model().index(row, 0))
    pos: QPoint = rect.center()
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_one_click_on_a_booked_row_enables_its_buttons(page, qtbot, lab):  # noqa: F811
    assert not page.check_in_button.isEnabled()
    click_row(qtbot, page.table, 1)  # the printer, booked
    assert page.selected_id() == lab["printing"]
    assert page.check_in_button.isEnabled()
    assert page.check_out_button.isEnabled()
    assert page.no_show_button.isEnabled()
    click_row(qtbot, page.table, 0)  # the laser, in progress: departure only
    assert page.selected_id() == lab["morning"]
    assert not page.check_in_button.isEnabled()
    assert page.check_out_button.isEnabled()
    assert not page.no_show_button.isEnabled()


def test_a_click_then_the_arrival_button_checks_in(page, qtbot, db, lab):  # noqa: F811
    from tierslieu_desktop.services.scheduling import bookings

    click_row(qtbot, page.table, 2)
    qtbot.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
    assert bookings.get_booking(db, lab["afternoon"]).status == "in_progress"


def test_keys_still_move_and_enable(page, qtbot, lab):  # noqa: F811
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_id() is not None
    assert page.check_out_button.isEnabled()


pytestmark = pytest.mark.usefixtures("qapp")
