"""The booking dialog at a busy desk (issue 17): nobody booked for until chosen, the
member chosen on Membres carried in, a conflict proposing the next free slots, the
calendar on the booking's week with a confirmation, and a dialog that keeps its size."""

# ruff: noqa: F811  (the fixtures imported from the neighbouring module)
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTime

from tests.ui.test_bookings_page import (  # noqa: F401  (fixtures)
    MONDAY,
    NOW,
    TUESDAY,
    WEDNESDAY,
    at,
    book,
    lab,
    page,
)
from tierslieu_desktop.services.scheduling import bookings
from tierslieu_desktop.ui.pages.bookings.booking_dialog import BookingDialog


def click_item(qtbot, results, row: int) -> None:
    item = results.item(row)
    pos = results.visualItemRect(item).center()
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_new_booking_names_nobody_until_a_member_is_chosen(page, qtbot, lab):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, BookingDialog)
    assert dialog.results.count() > 1 and dialog.selected_member() is None
    qtbot.keyClicks(dialog.search, "laco")
    assert dialog.results.count() == 1 and dialog.selected_member() is None
    assert dialog.submit() is False  # refused under the member field
    assert dialog.form.error_label("member").isVisible()
    click_item(qtbot, dialog.results, 0)
    assert dialog.selected_member() == lab["jean"]
    qtbot.keyClicks(dialog.search, "e")  # "lacoe": the choice is gone with the match
    assert dialog.selected_member() is None


def test_the_member_chosen_on_membres_is_carried_into_one_booking(
    page,
    qtbot,
    ctx,
    db,
    lab,
):
    ctx.set_current_member(lab["emilie"])
    dialog = page.new_booking(("machine", lab["printer"]), at(TUESDAY, 10), at(TUESDAY, 11))
    assert dialog.selected_member() == lab["emilie"]
    assert dialog.submit() is True
    assert ctx.current_member_id is None  # the next booking starts with nobody
    assert page.new_booking().selected_member() is None


def test_a_conflict_proposes_the_next_free_slots_and_one_click_takes_one(
    page,
    qtbot,
    db,
    operator,
    lab,
):
    book(db, operator, lab, "printer", "jean", at(TUESDAY, 10), at(TUESDAY, 11))
    dialog = page.new_booking(("machine", lab["printer"]), at(TUESDAY, 10), at(TUESDAY, 11))
    qtbot.keyClicks(dialog.search, "delpech")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.submit() is False
    shown = [b.text() for b in dialog.slot_buttons if b.isVisible()]
    assert shown == ["11:00–12:00", "11:15–12:15", "11:30–12:30"]
    qtbot.mouseClick(dialog.slot_buttons[0], Qt.MouseButton.LeftButton)
    assert (dialog.start_edit.time(), dialog.end_edit.time()) == (QTime(11, 0), QTime(12, 0))
    assert not dialog.slots_row.isVisible() and dialog.message_text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    rows = bookings.list_bookings(db, at(TUESDAY, 0), at(WEDNESDAY, 0))
    assert [(r.member_id, r.start_at) for r in rows] == [
        (lab["jean"], at(TUESDAY, 10)),
        (lab["emilie"], at(TUESDAY, 11)),
    ]


def test_after_saving_the_calendar_shows_the_booking_week_and_says_so(
    page,
    qtbot,
    db,
    lab,
):
    later = MONDAY + timedelta(days=14)  # two weeks on, not the week shown
    dialog = page.new_booking(("machine", lab["printer"]), at(later, 10), at(later, 11))
    qtbot.keyClicks(dialog.search, "lacoste")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.submit() is True
    first, days = page.period()
    assert first <= later < first + timedelta(days=days)
    assert "LACOSTE Jean" in page.message_text() and "Prusa MK4" in page.message_text()
    [row] = bookings.list_bookings(db, at(later, 0), at(later, 23))
    assert page.calendar.selected == row.id


def test_typed_digits_make_the_time_wherever_the_cursor_is(page, qtbot, lab):
    dialog = page.new_booking(("machine", lab["printer"]), at(TUESDAY, 10), at(TUESDAY, 11))
    edit = dialog.start_edit
    edit.setFocus()
    edit.setCurrentSection(edit.Section.MinuteSection)  # the cursor on the minutes
    qtbot.keyClicks(edit, "1430")
    assert edit.time() == QTime(14, 30)
    dialog.end_edit.setFocus()
    qtbot.keyClicks(dialog.end_edit, "16h15")
    assert dialog.end_edit.time() == QTime(16, 15)
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Up)
    assert dialog.end_edit.time() == QTime(16, 30)  # a quarter of an hour, not a minute
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Down)
    assert dialog.end_edit.time() == QTime(16, 0)


def test_the_booking_dialog_keeps_its_size_while_it_is_filled(
    page,
    qtbot,
    db,
    operator,
    lab,
):
    book(db, operator, lab, "laser", "emilie", at(TUESDAY, 9), at(TUESDAY, 10))
    dialog = page.new_booking(("machine", lab["laser"]), at(TUESDAY, 9, 30), at(TUESDAY, 10))
    qtbot.waitExposed(dialog)
    size = dialog.size()
    qtbot.keyClicks(dialog.search, "lacoste")
    click_item(qtbot, dialog.results, 0)  # a member picked: the price appears
    assert dialog.size() == size
    assert dialog.submit() is False  # not trained: the exception field appears
    assert dialog.override.isVisible()
    assert dialog.size() == size
    qtbot.wait(1)
    assert dialog.form_area.verticalScrollBar().maximum() == 0
    qtbot.keyClicks(dialog.override, "Forme ce matin")
    assert dialog.submit() is False  # now the conflict, with free slots
    assert any(b.isVisible() for b in dialog.slot_buttons)
    assert dialog.size() == size
    dialog.for_group.setChecked(True)  # a group: three rows instead of one
    assert dialog.size() == size
    qtbot.wait(1)  # the scroll area lays its body out
    assert dialog.form_area.verticalScrollBar().maximum() == 0  # every field in sight


def test_a_slot_seen_taken_on_the_calendar_comes_with_free_ones_at_once(
    page, qtbot, db, operator, lab
):
    book(db, operator, lab, "printer", "jean", at(TUESDAY, 10), at(TUESDAY, 11))
    page.refresh()
    dialog = page.new_booking(("machine", lab["printer"]), at(TUESDAY, 10), at(TUESDAY, 11))
    assert "a déjà une réservation" in dialog.message_text()  # before anybody is chosen
    shown = [b.text() for b in dialog.slot_buttons if b.isVisible()]
    assert shown == ["11:00–12:00", "11:15–12:15", "11:30–12:30"]
