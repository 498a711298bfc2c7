"""The next free slots proposed after a conflict: same duration, inside the opening hours,
on the resource's step, clear of the bookings and their cooling buffer."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tierslieu_desktop.db.models import Machine, MachineCategory, Space
from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import bookings
from tierslieu_desktop.services.scheduling.bookings import BookingInput
from tierslieu_desktop.services.scheduling.free_slots import next_free_slots

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 8:00 in Paris
MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_dt(day, hh * 60 + mm)


@pytest.fixture
def lab(db, operator):
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        cat = MachineCategory(name="Découpe laser")
        s.add_all([fablab, cat])
        s.flush()
        laser = Machine(name="Laser", category=cat, space=fablab, buffer_minutes=15)
        s.add(laser)
        s.flush()
        ids = {"fablab": fablab.id, "laser": laser.id}
    # Monday to Friday 9:00-12:30 and 13:30-18:00
    week = {d: [(540, 750), (810, 1080)] for d in range(5)}
    opening_hours.set_schedule(db, operator, ids["fablab"], week)
    ids["emilie"] = save_member(db, operator, MemberInput(first_name="Emilie", last_name="D"))
    return ids


def wanted(lab, start, end) -> BookingInput:
    return BookingInput(
        machine_id=lab["laser"], member_id=lab["emilie"], start_at=start, end_at=end
    )


def hours(slots) -> list[tuple[date, str, str]]:
    def hm(value):
        _day, minute = local_day_and_minute(value)
        return f"{minute // 60:02d}:{minute % 60:02d}"

    return [(local_day_and_minute(s.start_at)[0], hm(s.start_at), hm(s.end_at)) for s in slots]


def test_after_a_conflict_the_next_free_hours_of_the_same_machine(db, operator, lab):
    for start, end in ((at(MONDAY, 9, 30), at(MONDAY, 10, 30)), (at(MONDAY, 11), at(MONDAY, 12))):
        bookings.create_booking(db, operator, wanted(lab, start, end), now=NOW)
    data = wanted(lab, at(MONDAY, 10), at(MONDAY, 11))
    with pytest.raises(DomainError) as refused:
        bookings.create_booking(db, operator, data, now=NOW)
    assert refused.value.code == "booking_conflict"

    slots = next_free_slots(db, data, now=NOW, count=3)
    # 10:45 (after 10:30 + 15 min of cooling) would run into 11:00; 12:15 would close
    # at 13:15 in the lunch break: the first free hour is after lunch.
    assert hours(slots) == [
        (MONDAY, "13:30", "14:30"),
        (MONDAY, "13:45", "14:45"),
        (MONDAY, "14:00", "15:00"),
    ]
    for slot in slots:  # each one would be accepted as it is
        with db.read() as session:
            bookings.check_booking(session, wanted(lab, slot.start_at, slot.end_at), now=NOW)


def test_a_full_day_moves_to_the_next_open_day(db, operator, lab):
    bookings.create_booking(
        db, operator, wanted(lab, at(MONDAY, 13, 30), at(MONDAY, 17, 30)), now=NOW
    )
    data = wanted(lab, at(MONDAY, 14), at(MONDAY, 17))
    assert hours(next_free_slots(db, data, now=NOW, count=1)) == [(TUESDAY, "09:00", "12:00")]


def test_nothing_proposed_in_the_past(db, operator, lab):
    data = wanted(lab, at(MONDAY, 9), at(MONDAY, 10))
    later = at(MONDAY, 15, 5)
    assert hours(next_free_slots(db, data, now=later, count=1)) == [(MONDAY, "15:15", "16:15")]
