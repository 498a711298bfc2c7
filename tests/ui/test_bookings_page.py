"""The Réservations page driven like a person: drag in the week view to book, drag over a
taken slot and read the French refusal, drag a booking to move it (also to another
machine), drag its edge to resize it, a weekly series with a conflicting week skipped,
a booking opened, checked in and cancelled, one member's bookings only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt

from tierslieu_desktop.db.models import Booking, Machine, MachineCategory, Space
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.park.authorizations import AuthorizationInput, grant_authorization
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import bookings
from tierslieu_desktop.services.scheduling.bookings import BookingInput
from tierslieu_desktop.ui.pages.bookings.booking_dialog import BookingDialog
from tierslieu_desktop.ui.pages.bookings.detail_dialog import BookingDetailDialog
from tierslieu_desktop.ui.pages.bookings.page import BookingsPage
from tierslieu_desktop.ui.pages.bookings.series_dialog import OccurrenceModel

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 23 November 2026, 8:00 in Paris
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_dt(day, hh * 60 + mm)


@pytest.fixture
def lab(db, operator):
    """A fablab open Monday to Friday 9:00-12:30 and 13:30-18:00, a laser that needs
    training (15 min of cooling after each booking), a 3D printer; two members, one of
    them trained on the laser; a school."""
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        laser_cat = MachineCategory(name="Découpe laser")
        fdm = MachineCategory(name="Impression 3D")
        s.add_all([fablab, laser_cat, fdm])
        s.flush()
        laser = Machine(
            name="Découpeuse laser",
            category=laser_cat,
            space=fablab,
            authorization_required=True,
            buffer_minutes=15,
        )
        printer = Machine(name="Prusa MK4", category=fdm, space=fablab)
        s.add_all([laser, printer])
        s.flush()
        ids = {"fablab": fablab.id, "laser": laser.id, "printer": printer.id}
    week = {d: [(540, 750), (810, 1080)] for d in range(5)}
    opening_hours.set_schedule(db, operator, ids["fablab"], week)
    ids["emilie"] = save_member(db, operator, MemberInput(first_name="Emilie", last_name="Delpech"))
    ids["jean"] = save_member(db, operator, MemberInput(first_name="Jean", last_name="Lacoste"))
    ids["college"] = save_member(
        db, operator, MemberInput(kind="organisation", last_name="College Jean Lurcat")
    )
    grant_authorization(
        db, operator, AuthorizationInput(ids["emilie"], date(2026, 1, 10), machine_id=ids["laser"])
    )
    return ids


def book(db, operator, lab, machine, member, start, end, purpose=""):
    return bookings.create_booking(
        db,
        operator,
        BookingInput(
            machine_id=lab[machine],
            member_id=lab[member],
            start_at=start,
            end_at=end,
            purpose=purpose,
        ),
        now=NOW,
    )


@pytest.fixture
def page(ctx, qtbot, lab):
    page = BookingsPage(ctx, now=NOW)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(widget, middle)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def stored(db, booking_id: int) -> Booking:
    with db.read() as s:
        b = s.get(Booking, booking_id)
        s.expunge(b)
        return b


def test_dragging_in_the_week_view_books_for_the_member_picked(page, qtbot, db, lab):
    cal = page.calendar
    assert cal.accessibleName() == "Calendrier des réservations"
    assert page.period_label.text() == "Semaine 48 · 23–29 nov. 2026"
    assert cal.days == [MONDAY, TUESDAY, WEDNESDAY, date(2026, 11, 26), date(2026, 11, 27)]
    key = ("machine", lab["printer"])
    drag(
        qtbot,
        cal.viewport(),
        cal.point_for(key, at(TUESDAY, 10)),
        cal.point_for(key, at(TUESDAY, 11, 30)),
    )

    dialog = page.dialog
    assert isinstance(dialog, BookingDialog) and dialog.isVisible()
    assert dialog.resource.currentText() == "Prusa MK4"
    assert dialog.day.date().toPython() == TUESDAY
    assert dialog.start_edit.time().toString("HH:mm") == "10:00"
    assert dialog.end_edit.time().toString("HH:mm") == "11:30"
    assert dialog.message_text() == ""
    qtbot.keyClicks(dialog.search, "delp")
    assert dialog.results.count() == 1
    assert dialog.selected_member() is None  # nobody booked for until chosen
    item = dialog.results.item(0)
    rect = dialog.results.visualItemRect(item)
    qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClicks(dialog.purpose, "Support de lampe")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    [row] = bookings.list_bookings(db, at(TUESDAY, 0), at(WEDNESDAY, 0))
    assert (row.machine_id, row.member_id) == (lab["printer"], lab["emilie"])
    assert (row.start_at, row.end_at) == (at(TUESDAY, 10), at(TUESDAY, 11, 30))
    # the calendar reloaded: the booking is drawn where it was dragged, with its words
    assert [b.id for b in cal.shown_bookings()] == [row.id]
    rect = cal.booking_rect(row.id)
    assert rect.contains(cal.point_for(key, at(TUESDAY, 10, 45)))
    tip = cal.tooltip_at(rect.center())
    assert "DELPECH Emilie" in tip and "réservée" in tip and "Support de lampe" in tip


def test_dragging_over_a_taken_slot_says_why_in_french(page, qtbot, db, operator, lab):
    book(db, operator, lab, "printer", "jean", at(TUESDAY, 10), at(TUESDAY, 11))
    page.refresh()
    cal = page.calendar
    key = ("machine", lab["printer"])
    drag(
        qtbot,
        cal.viewport(),
        cal.point_for(key, at(TUESDAY, 9, 30)),
        cal.point_for(key, at(TUESDAY, 10, 30)),
    )

    dialog = page.dialog
    assert isinstance(dialog, BookingDialog)
    # said at once, before anything is typed
    assert "a déjà une réservation" in dialog.message_text()
    qtbot.keyClicks(dialog.search, "delpech")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # chosen
    assert dialog.submit() is False
    assert dialog.isVisible()
    message = dialog.message_text()
    assert "Prusa MK4 a déjà une réservation de LACOSTE Jean" in message
    assert "10:00" in message and "11:00" in message
    assert len(bookings.list_bookings(db, at(TUESDAY, 0), at(WEDNESDAY, 0))) == 1


def test_a_member_without_training_is_refused_then_booked_with_a_written_reason(
    page, qtbot, db, lab
):
    dialog = page.new_booking(("machine", lab["laser"]), at(TUESDAY, 14), at(TUESDAY, 15))
    qtbot.keyClicks(dialog.search, "lacoste")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # chosen
    assert dialog.submit() is False
    assert dialog.message_text().startswith(
        "LACOSTE Jean n'a pas d'habilitation sur Découpeuse laser"
    )
    assert dialog.override.isVisible()
    qtbot.keyClicks(dialog.override, "Forme ce matin")
    assert dialog.submit() is True
    [row] = bookings.list_bookings(db, at(TUESDAY, 0), at(WEDNESDAY, 0))
    assert row.override_reason == "Forme ce matin"


def test_dragging_a_booking_moves_it_to_another_machine_and_day(page, qtbot, db, operator, lab):
    b = book(db, operator, lab, "printer", "emilie", at(TUESDAY, 10), at(TUESDAY, 11))
    page.refresh()
    cal = page.calendar
    grab = cal.point_for(("machine", lab["printer"]), at(TUESDAY, 10, 30))
    assert cal.booking_rect(b).contains(grab)
    drop = cal.point_for(("machine", lab["laser"]), at(WEDNESDAY, 14, 30))
    drag(qtbot, cal.viewport(), grab, drop)

    moved = stored(db, b)
    assert (moved.machine_id, moved.start_at, moved.end_at) == (
        lab["laser"],
        at(WEDNESDAY, 14),
        at(WEDNESDAY, 15),
    )
    assert page.message_text() == ""
    assert cal.booking_rect(b).contains(
        cal.point_for(("machine", lab["laser"]), at(WEDNESDAY, 14, 30))
    )
    assert [e.action for e in bookings.booking_history(db, b)] == ["created", "moved"]
    history = page.open_booking(b).history
    assert history.topLevelItem(1).text(3) == (
        "déplacée ou redimensionnée (avant : 24/11/2026 10:00 – 11:00)"
    )


def test_a_refused_move_springs_back_and_says_why(page, qtbot, db, operator, lab):
    mine = book(db, operator, lab, "printer", "emilie", at(TUESDAY, 10), at(TUESDAY, 11))
    book(db, operator, lab, "printer", "jean", at(TUESDAY, 14), at(TUESDAY, 16))
    page.refresh()
    cal = page.calendar
    key = ("machine", lab["printer"])
    before = cal.booking_rect(mine)
    drag(
        qtbot,
        cal.viewport(),
        cal.point_for(key, at(TUESDAY, 10, 30)),
        cal.point_for(key, at(TUESDAY, 14, 30)),
    )

    assert "a déjà une réservation de LACOSTE Jean" in page.message_text()
    assert page.message.isVisible()
    assert stored(db, mine).start_at == at(TUESDAY, 10)
    assert cal.booking_rect(mine) == before
    # into the lunch closure: the opening hours are named
    drag(
        qtbot,
        cal.viewport(),
        cal.point_for(key, at(TUESDAY, 10, 30)),
        cal.point_for(key, at(TUESDAY, 12, 30)),
    )
    assert page.message_text() == (
        "En dehors des horaires d'ouverture : le 24 novembre 2026, le lieu est ouvert "
        "09:00–12:30, 13:30–18:00."
    )
    assert stored(db, mine).start_at == at(TUESDAY, 10)


def test_dragging_the_bottom_edge_changes_the_end(page, qtbot, db, operator, lab):
    b = book(db, operator, lab, "printer", "emilie", at(TUESDAY, 9, 30), at(TUESDAY, 10, 30))
    page.refresh()
    cal = page.calendar
    key = ("machine", lab["printer"])
    cal.point_for(key, at(TUESDAY, 10))  # scrolled into view
    rect = cal.booking_rect(b)
    edge = QPoint(rect.center().x(), rect.bottom() - 1)
    drop = QPoint(
        edge.x(),
        edge.y()
        + (cal.point_for(key, at(TUESDAY, 12)) - cal.point_for(key, at(TUESDAY, 10, 30))).y(),
    )
    drag(qtbot, cal.viewport(), edge, drop)

    resized = stored(db, b)
    assert (resized.start_at, resized.end_at) == (at(TUESDAY, 9, 30), at(TUESDAY, 12))
    assert cal.booking_rect(b).height() > rect.height() * 2


def test_a_weekly_series_lists_the_refused_week_and_books_the_others(
    page, qtbot, db, operator, lab
):
    taken = book(
        db, operator, lab, "printer", "jean", at(date(2026, 12, 8), 10), at(date(2026, 12, 8), 11)
    )
    dialog = page.new_booking(("machine", lab["printer"]), at(TUESDAY, 10), at(TUESDAY, 11))
    qtbot.keyClicks(dialog.search, "delpech")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # chosen
    dialog.repeat.setChecked(True)
    dialog.count.setValue(4)
    assert dialog.submit() is False  # the occurrences are shown first: nothing saved yet
    series = dialog.series_dialog
    assert series is not None and series.isVisible()
    assert series.model.rowCount() == 4
    results = [series.model.index(r, 2).data() for r in range(4)]
    assert results[0] == "Peut être réservée"
    assert "a déjà une réservation de LACOSTE Jean" in results[2]
    assert series.summary.text().startswith("4 occurrences : une ne peut pas être réservée")
    assert len(bookings.list_bookings(db, at(TUESDAY, 0), at(date(2026, 12, 16), 0))) == 1

    assert series.book_button.text().replace("&", "") == "L'ignorer et réserver les 3 autres"
    qtbot.mouseClick(series.book_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    rows = bookings.list_bookings(
        db, at(TUESDAY, 0), at(date(2026, 12, 16), 0), member_id=lab["emilie"]
    )
    assert [r.start_at for r in rows] == [
        at(TUESDAY, 10),
        at(date(2026, 12, 1), 10),
        at(date(2026, 12, 15), 10),
    ]
    assert len({r.series_id for r in rows}) == 1
    assert stored(db, taken).member_id == lab["jean"]


def test_cancelling_the_series_saves_nothing(page, qtbot, db, lab):
    dialog = page.new_booking(("machine", lab["printer"]), at(TUESDAY, 10), at(TUESDAY, 11))
    qtbot.keyClicks(dialog.search, "delpech")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # chosen
    dialog.repeat.setChecked(True)
    dialog.by_until.setChecked(True)
    dialog.until.setDate(date(2026, 12, 8))
    dialog.submit()
    series = dialog.series_dialog
    assert series.model.rowCount() == 3
    assert series.book_button.text().replace("&", "") == "Réserver les 3 occurrences"
    series.reject()
    assert dialog.isVisible()
    assert bookings.list_bookings(db, at(TUESDAY, 0), at(date(2026, 12, 16), 0)) == []


def test_occurrence_model_passes_the_model_tester(qtmodeltester, db, operator, lab):
    book(db, operator, lab, "printer", "jean", at(date(2026, 12, 1), 10), at(date(2026, 12, 1), 11))
    planned = bookings.plan_series(
        db,
        BookingInput(
            machine_id=lab["printer"],
            member_id=lab["emilie"],
            start_at=at(TUESDAY, 10),
            end_at=at(TUESDAY, 11),
        ),
        count=3,
        now=NOW,
    )
    model = OccurrenceModel(planned)
    qtmodeltester.check(model)
    assert model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_group_booking_names_the_school_and_the_head_count(page, qtbot, db, lab):
    dialog = page.new_booking(("machine", lab["printer"]), at(TUESDAY, 14), at(TUESDAY, 16))
    dialog.for_group.setChecked(True)
    assert not dialog.search.isVisible() and dialog.responsible.isVisible()
    assert dialog.submit() is False
    assert dialog.form.error_label("organisation").isVisible()
    dialog.select_organisation(lab["college"])
    qtbot.keyClicks(dialog.responsible, "Mme Martin")
    dialog.headcount.setValue(24)
    assert dialog.submit() is True
    [row] = bookings.list_bookings(db, at(TUESDAY, 0), at(WEDNESDAY, 0))
    assert (row.organisation_id, row.headcount, row.member_id) == (lab["college"], 24, None)
    assert "24 pers" in page.calendar.tooltip_at(page.calendar.booking_rect(row.id).center())


def test_double_click_opens_the_booking_to_check_in_and_cancel(
    page, qtbot, db, operator, lab, monkeypatch
):
    arrived = book(db, operator, lab, "printer", "jean", at(MONDAY, 9, 30), at(MONDAY, 10, 30))
    later = book(db, operator, lab, "laser", "emilie", at(TUESDAY, 14), at(TUESDAY, 15), "Enseigne")
    page.refresh()
    cal = page.calendar
    qtbot.mouseDClick(
        cal.viewport(), Qt.MouseButton.LeftButton, pos=cal.booking_rect(arrived).center()
    )
    dialog = page.dialog
    assert isinstance(dialog, BookingDetailDialog)
    assert dialog.title.text() == "Prusa MK4 — réservée"
    assert dialog.history.topLevelItemCount() == 1
    assert dialog.history.topLevelItem(0).text(3) == "réservation faite"
    qtbot.mouseClick(dialog.check_in_button, Qt.MouseButton.LeftButton)
    assert dialog.title.text() == "Prusa MK4 — en cours"
    assert not dialog.cancel_button.isEnabled()
    assert stored(db, arrived).status == "in_progress"
    dialog.reject()

    # keyboard: select the laser booking with the arrows, Enter opens it
    cal.setFocus()
    cal.select_booking(None)
    qtbot.keyClick(cal, Qt.Key.Key_Right)
    qtbot.keyClick(cal, Qt.Key.Key_Right)
    assert cal.selected == later
    qtbot.keyClick(cal, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog.booking_id == later
    monkeypatch.setattr(
        "tierslieu_desktop.ui.pages.bookings.detail_dialog.confirm", lambda *a, **k: True
    )
    dialog.purpose.setText("Enseigne en bois")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert stored(db, later).status == "cancelled"
    assert stored(db, later).purpose == "Enseigne en bois"
    assert [dialog.history.topLevelItem(i).text(2) for i in range(3)] == [
        "réservée",
        "réservée",
        "annulée",
    ]
    # the state says « annulée », the action what was done (not « annulée » twice)
    assert dialog.history.topLevelItem(2).text(3) == "annulation enregistrée"
    dialog.reject()
    # a cancelled booking is hidden, unless asked for; then its state is said in words
    assert later not in [b.id for b in cal.shown_bookings()]
    page.show_cancelled.setChecked(True)
    assert later in [b.id for b in cal.shown_bookings()]
    assert "annulée" in cal.tooltip_at(cal.booking_rect(later).center())


def test_member_filter_shows_only_their_bookings(page, qtbot, db, operator, lab):
    book(db, operator, lab, "printer", "jean", at(TUESDAY, 10), at(TUESDAY, 11))
    mine = book(db, operator, lab, "printer", "emilie", at(TUESDAY, 14), at(TUESDAY, 15))
    page.refresh()
    assert len(page.calendar.shown_bookings()) == 2
    qtbot.keyClicks(page.member_edit, "delpe")
    qtbot.keyClick(page.member_edit, Qt.Key.Key_Return)
    assert page.member_filter == lab["emilie"]
    assert [b.id for b in page.calendar.shown_bookings()] == [mine]
    assert page.calendar.highlight_member == lab["emilie"]
    page.member_edit.clear()
    assert page.member_filter is None
    assert len(page.calendar.shown_bookings()) == 2


def test_only_the_visible_range_is_read_and_changes_elsewhere_show(
    page, qtbot, db, operator, lab, monkeypatch, ctx
):
    calls = []
    real = bookings.list_bookings

    def spy(*args, **kwargs):
        calls.append((args[1], args[2]))
        return real(*args, **kwargs)

    monkeypatch.setattr("tierslieu_desktop.services.scheduling.bookings.list_bookings", spy)
    page.next_period()
    assert calls == [(at(date(2026, 11, 30), 0), at(date(2026, 12, 7), 0))]
    page.set_mode("day")
    assert page.period_label.text() == "lundi 30 novembre 2026"
    qtbot.keyClick(page.calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert page.period_label.text() == "mardi 1 décembre 2026"
    assert calls[-1] == (at(date(2026, 12, 1), 0), at(date(2026, 12, 2), 0))
    # another desk books: the app-wide signal redraws the page
    b = book(
        db, operator, lab, "laser", "emilie", at(date(2026, 12, 1), 9), at(date(2026, 12, 1), 10)
    )
    ctx.notify("booking", [b])
    assert [x.id for x in page.calendar.shown_bookings()] == [b]
    qtbot.keyClick(page.calendar, Qt.Key.Key_T)
    assert page.day == MONDAY


def test_closed_days_are_shaded_and_named(page, qtbot, db, operator, lab, ctx):
    opening_hours.add_exception(
        db,
        operator,
        opening_hours.ExceptionInput(day=date(2026, 12, 24), kind="closed", reason="Inventaire"),
    )
    page.set_day(date(2026, 12, 23))
    cal = page.calendar
    assert cal.opening_text(date(2026, 12, 25)) == "Fermé : Noël"
    assert cal.opening_text(date(2026, 12, 24)) == "Fermé : Inventaire"
    assert cal.opening_text(date(2026, 12, 23)) == "09:00–12:30, 13:30–18:00"
    # the weekend, closed every week, is left out of the week
    assert date(2026, 12, 26) not in cal.days and date(2026, 12, 25) in cal.days
    tip = cal.tooltip_at(
        QPoint(cal.point_for(("machine", lab["laser"]), at(date(2026, 12, 25), 10)).x(), 5)
    )
    assert "Découpeuse laser" in tip and "Noël" in tip
    # an exceptional opening on a Saturday brings the day back
    opening_hours.add_exception(
        db,
        operator,
        opening_hours.ExceptionInput(
            day=date(2026, 12, 26), kind="open", start_minute=600, end_minute=720
        ),
    )
    ctx.notify("opening_hours", [lab["fablab"]])
    assert date(2026, 12, 26) in cal.days and date(2026, 12, 27) not in cal.days
    assert cal.opening_text(date(2026, 12, 26)) == "10:00–12:00"


def test_every_control_of_the_page_and_its_dialogs_is_named(page, qtbot, db, operator, lab):
    from test_i18n import unnamed_controls

    assert unnamed_controls(page) == []
    assert page.today_button.text().replace("&", "") == "Aujourd'hui"
    b = book(db, operator, lab, "printer", "jean", at(TUESDAY, 10), at(TUESDAY, 11))
    page.refresh()
    detail = page.open_booking(b)
    assert unnamed_controls(detail) == []
    detail.reject()
    # double-click on an empty cell: a booking of an hour there
    cal = page.calendar
    key = ("machine", lab["laser"])
    qtbot.mouseDClick(
        cal.viewport(), Qt.MouseButton.LeftButton, pos=cal.point_for(key, at(TUESDAY, 15))
    )
    dialog = page.dialog
    assert isinstance(dialog, BookingDialog)
    assert (
        dialog.start_edit.time().toString("HH:mm"),
        dialog.end_edit.time().toString("HH:mm"),
    ) == ("15:00", "16:00")
    dialog.for_group.setChecked(True)
    assert unnamed_controls(dialog) == []
    qtbot.keyClicks(dialog.search, "delpech")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # chosen
    dialog.repeat.setChecked(True)
    dialog.for_member.setChecked(True)
    dialog.submit()
    assert unnamed_controls(dialog.series_dialog) == []


def test_a_bookable_space_is_a_column_of_its_own(page, qtbot, db, operator, lab, ctx):
    assert [r.name for r in page.resources] == ["Découpeuse laser", "Prusa MK4"]
    with db.write() as s:
        s.get(Space, lab["fablab"]).bookable = True
    ctx.notify("space", [lab["fablab"]])
    assert [r.key for r in page.calendar.resources][-1] == ("space", lab["fablab"])
    page.set_mode("day")
    page.set_day(TUESDAY)
    cal = page.calendar
    key = ("space", lab["fablab"])
    drag(
        qtbot,
        cal.viewport(),
        cal.point_for(key, at(TUESDAY, 14)),
        cal.point_for(key, at(TUESDAY, 16)),
    )
    dialog = page.dialog
    assert dialog.resource.currentText() == "Fablab"
    # the space is booked by steps of 30 min: the drag snapped to them
    assert dialog.end_edit.time().toString("HH:mm") == "16:00"
    qtbot.keyClicks(dialog.search, "lacoste")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # chosen
    assert dialog.submit() is True
    [row] = bookings.list_bookings(db, at(TUESDAY, 0), at(WEDNESDAY, 0))
    assert (row.space_id, row.machine_id) == (lab["fablab"], None)
    assert cal.shown_bookings()[0].id == row.id
