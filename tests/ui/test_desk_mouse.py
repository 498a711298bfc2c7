"""The front desk driven with the mouse as well as the keys (issue 17): one click on a row
enables its buttons, a new booking names nobody until chosen, dialogs keep their size."""

# ruff: noqa: F811  (the fixtures imported from the neighbouring module)
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.ui.test_frontdesk import at, clock, lab, page  # noqa: F401  (fixtures)


def click_row(qtbot, view: QAbstractItemView, row: int, *, double: bool = False) -> None:
    """A real click on the row's first cell, on the viewport (where Qt's views take it)."""
    rect = view.visualRect(view.model().index(row, 0))
    pos: QPoint = rect.center()
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_one_click_on_a_booked_row_enables_its_buttons(page, qtbot, lab):
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


def test_a_click_then_the_arrival_button_checks_in(page, qtbot, db, lab):
    from tierslieu_desktop.services.scheduling import bookings

    click_row(qtbot, page.table, 2)
    qtbot.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
    assert bookings.get_booking(db, lab["afternoon"]).status == "in_progress"


def test_keys_still_move_and_enable(page, qtbot, lab):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_id() is not None
    assert page.check_out_button.isEnabled()


pytestmark = pytest.mark.usefixtures("qapp")


def test_the_departure_dialog_keeps_its_size_as_lines_are_priced(
    page,
    qtbot,
    lab,
    clock,
):
    clock["now"] = at(10, 22)
    click_row(qtbot, page.table, 0)  # the laser, in progress
    qtbot.mouseClick(page.check_out_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    size = dialog.size()
    qtbot.keyClicks(dialog.quantities[lab["pla"]], "12,5")  # a second priced line
    qtbot.keyClicks(dialog.quantities[lab["plywood"]], "2")  # a third
    assert len(dialog.price_lines.lines) == 3
    assert dialog.size() == size
    dialog.quantities[lab["pla"]].setText("douze")
    assert not dialog.submit()  # the error under its line
    assert dialog.quantity_errors[lab["pla"]].isVisible()
    assert dialog.size() == size
    dialog.reject()


def test_the_confirmation_of_a_cancellation_defaults_to_keeping(qapp):
    from tierslieu_desktop.ui.widgets.confirm import confirm_box

    box, yes = confirm_box(
        None, "Cancel", "Cancel the booking?", "Cancel the booking", "Keep the booking"
    )
    default = box.defaultButton()
    assert default is not yes and default.text() == "Keep the booking"
    assert box.escapeButton() is default


def test_homonyms_are_told_apart_on_the_front_desk(page, db, operator, lab):
    from tierslieu_desktop.services.people.members import MemberInput, get_member, save_member
    from tierslieu_desktop.ui.labels import told_apart

    other = save_member(
        db,
        operator,
        MemberInput(first_name="Emilie", last_name="Delpech", city="Figeac", birth_year=1984),
    )
    page.refresh_today()
    number = get_member(db, lab["emilie"]).number
    # the Emilie of the morning has a namesake in the base: her number says which one
    assert page.model.index(0, 2).data() == f"DELPECH Emilie ({number})"
    assert page.model.index(1, 2).data() == "LACOSTE Jean"  # no namesake: the name alone
    labels = told_apart(db, [(lab["emilie"], "DELPECH Emilie"), (other, "DELPECH Emilie")])
    other_number = get_member(db, other).number
    assert labels[other] == f"DELPECH Emilie ({other_number} · Figeac · 1984)"
    assert len(set(labels.values())) == 2


def test_book_and_check_out_from_the_member_card(ctx, qtbot, lab):
    from tierslieu_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    members = window.show_page("members")
    assert members.select_member(lab["jean"])
    assert ctx.current_member_id == lab["jean"]  # the member the desk is dealing with
    qtbot.mouseClick(members.detail.book_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "bookings"
    dialog = window.page("bookings").dialog
    assert dialog is not None and dialog.selected_member() == lab["jean"]
    dialog.reject()

    window.show_page("members")
    qtbot.mouseClick(members.detail.checkout_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "checkout"
    basket = window.page("checkout").basket
    assert basket.basket is not None and basket.basket.member_id == lab["jean"]


def test_one_click_on_a_member_row_enables_its_buttons(ctx, qtbot, lab):
    """The same defect's class on the other list that enables buttons by its row."""
    from tierslieu_desktop.ui.pages.members.page import MembersPage

    members = MembersPage(ctx)
    qtbot.addWidget(members)
    members.resize(1000, 600)
    members.show()
    members.table.clearSelection()
    members.table.setCurrentIndex(members.model.index(-1, -1))
    members._update_buttons()
    assert not members.edit_button.isEnabled()
    click_row(qtbot, members.table, 1)
    assert members.edit_button.isEnabled()
    assert members.selected_member_id() == ctx.current_member_id is not None


def test_register_from_the_member_card_opens_the_sessions_with_the_member(ctx, qtbot, lab):
    from tierslieu_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    members = window.show_page("members")
    assert members.select_member(lab["emilie"])
    ctx.set_current_member(None)  # say the desk went elsewhere meanwhile
    qtbot.mouseClick(members.detail.register_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "activity"
    activity = window.page("activity")
    assert activity.tabs.currentWidget() is activity.sessions
    assert ctx.current_member_id == lab["emilie"]
