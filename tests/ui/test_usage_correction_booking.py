"""Issue 17: a usage's times corrected after the departure move its booking, and the
Réservations week view draws the booking at the corrected times."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QApplication

from tierslieu_desktop.db.models import Machine, MachineCategory, Space
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.billing import usage_corrections
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import bookings, usages
from tierslieu_desktop.services.scheduling.bookings import BookingInput
from tierslieu_desktop.ui.pages.bookings.calendar_style import WEEK_VIEW
from tierslieu_desktop.ui.pages.bookings.page import BookingsPage

MONDAY = date(2026, 11, 23)
BEFORE = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 8:00 in Paris
EVENING = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def at(hh: int, mm: int = 0) -> datetime:
    return local_dt(MONDAY, hh * 60 + mm)


@pytest.fixture
def usage_id(db, operator):
    """A printer in a fablab open 9:00–18:00; Émilie booked 10:00–12:00 and left at 11:30."""
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        printer = Machine(name="Prusa MK4", category=MachineCategory(name="3D"), space=fablab)
        s.add_all([fablab, printer])
        s.flush()
        fablab_id, printer_id = fablab.id, printer.id
    opening_hours.set_schedule(db, operator, fablab_id, {d: [(540, 1080)] for d in range(5)})
    emilie = save_member(db, operator, MemberInput(first_name="Émilie", last_name="Delpech"))
    booking_id = bookings.create_booking(
        db,
        operator,
        BookingInput(machine_id=printer_id, member_id=emilie, start_at=at(10), end_at=at(12)),
        now=BEFORE,
    )
    return usages.check_out(db, operator, booking_id, at(10), at(11, 30), now=EVENING)


def test_the_week_view_shows_the_corrected_times_of_a_usage(ctx, qtbot, db, operator, usage_id):
    page = BookingsPage(ctx, now=EVENING)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    page.set_mode(WEEK_VIEW)
    QApplication.processEvents()
    [row] = page.calendar.shown_bookings()
    assert (row.start_at, row.end_at) == (at(10), at(11, 30))
    before = page.calendar.booking_rect(row.id)
    assert not before.isEmpty()

    # arrived at 10:15 in fact, and left at 12:30
    usage_corrections.correct_usage(
        db, operator, usage_id, start_at=at(10, 15), end_at=at(12, 30), consumables=[], now=EVENING
    )
    page.refresh()
    QApplication.processEvents()
    [row] = page.calendar.shown_bookings()
    assert (row.start_at, row.end_at) == (at(10, 15), at(12, 30))
    after = page.calendar.booking_rect(row.id)
    # drawn lower (a quarter of an hour later) and taller (2 h 15 instead of 1 h 30)
    assert after.top() > before.top()
    assert after.height() == pytest.approx(before.height() * 135 / 90, abs=2)
