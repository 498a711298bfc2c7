"""Maintenance log of a machine, and iCalendar export of bookings (no Qt)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.enums import SpaceKind
from tierslieu_desktop.domain.errors import NotFound, ValidationError
from tierslieu_desktop.services.park import machines as svc
from tierslieu_desktop.services.park import maintenance
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.people.operators import create_operator
from tierslieu_desktop.services.scheduling import bookings, ical
from tierslieu_desktop.services.scheduling.bookings import BookingInput

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 23 November 2026, 8:00 in Paris
MONDAY = date(2026, 11, 23)
TODAY = date(2026, 11, 23)


@pytest.fixture
def park(db, operator):
    fablab = svc.save_space(db, operator, svc.SpaceInput("Fablab", SpaceKind.FABLAB))
    room = svc.save_space(
        db, operator, svc.SpaceInput("Salle de réunion", SpaceKind.MEETING_ROOM, bookable=True)
    )
    laser = svc.save_category(db, operator, "Découpe laser")
    ids = {"fablab": fablab, "room": room}
    ids["laser"] = svc.save_machine(
        db,
        operator,
        svc.MachineInput(name="Découpeuse laser", category_id=laser, space_id=fablab),
    )
    ids["other"] = svc.save_machine(
        db, operator, svc.MachineInput(name="Laser 2", category_id=laser, space_id=fablab)
    )
    ids["emilie"] = save_member(db, operator, MemberInput(first_name="Émilie", last_name="Délpech"))
    ids["jean"] = save_member(db, operator, MemberInput(first_name="Jean", last_name="Lacoste"))
    return ids


# --- maintenance -------------------------------------------------------------------


def test_entries_are_listed_most_recent_first_with_who_recorded_them(db, operator, park):
    laser = park["laser"]
    first = maintenance.add_entry(
        db, operator, laser, date(2026, 3, 2), " Lentille nettoyée ", 0, "Léa", today=TODAY
    )
    maintenance.add_entry(
        db, operator, laser, date(2026, 9, 14), "Tube CO2 remplacé", 48_000, "Trotec", today=TODAY
    )
    same_day = maintenance.add_entry(
        db, operator, laser, date(2026, 9, 14), "Miroirs alignés", 0, "", today=TODAY
    )
    maintenance.add_entry(db, operator, park["other"], TODAY, "Autre machine", 100, "", today=TODAY)

    rows = maintenance.list_entries(db, laser)
    assert [(r.day, r.description) for r in rows] == [
        (date(2026, 9, 14), "Miroirs alignés"),  # same day: the last recorded first
        (date(2026, 9, 14), "Tube CO2 remplacé"),
        (date(2026, 3, 2), "Lentille nettoyée"),  # trimmed
    ]
    assert rows[1].cost_cents == 48_000 and rows[1].done_by == "Trotec"
    assert rows[0].id == same_day
    assert rows[2].created_by == "Accueil" and rows[2].created_at.tzinfo is not None

    maintenance.remove_entry(db, operator, first, "Saisie en double")
    assert [r.description for r in maintenance.list_entries(db, laser)] == [
        "Miroirs alignés",
        "Tube CO2 remplacé",
    ]
    with pytest.raises(NotFound):
        maintenance.remove_entry(db, operator, first, "Saisie en double")


def test_invalid_entries_name_every_wrong_field_and_save_nothing(db, operator, park):
    with pytest.raises(ValidationError) as exc:
        maintenance.add_entry(
            db,
            operator,
            park["laser"],
            TODAY + timedelta(days=1),
            "   ",
            -1,
            "x" * 201,
            today=TODAY,
        )
    assert exc.value.fields == {
        "day": "date_in_future",
        "description": "required",
        "cost": "amount_negative",
        "done_by": "too_long",
    }
    assert maintenance.list_entries(db, park["laser"]) == []
    # today itself is fine, and no cost means 0
    entry = maintenance.add_entry(
        db, operator, park["laser"], TODAY, "Graissage", None, today=TODAY
    )
    assert maintenance.list_entries(db, park["laser"])[0].cost_cents == 0
    assert entry
    with pytest.raises(NotFound):
        maintenance.add_entry(db, operator, 999, TODAY, "Fantôme", 0, today=TODAY)


def test_the_entry_records_the_operator(db, operator, park):
    camille = create_operator(db, "Camille")
    maintenance.add_entry(db, camille, park["laser"], TODAY, "Courroie retendue", today=TODAY)
    assert maintenance.list_entries(db, park["laser"])[0].created_by == "Camille"


# --- booking rules in the machines service -------------------------------------------


def test_booking_rules_are_saved_and_read_back(db, operator, park):
    detail = svc.get_machine(db, park["laser"])
    assert (detail.data.slot_step_minutes, detail.data.max_duration_minutes) == (15, 240)
    data = svc.MachineInput(
        **{
            **detail.data.__dict__,
            "slot_step_minutes": 30,
            "min_duration_minutes": 60,
            "max_duration_minutes": 180,
            "buffer_minutes": 20,
            "max_advance_days": 90,
        }
    )
    svc.save_machine(db, operator, data, park["laser"])
    saved = svc.get_machine(db, park["laser"]).data
    assert (
        saved.slot_step_minutes,
        saved.min_duration_minutes,
        saved.max_duration_minutes,
        saved.buffer_minutes,
        saved.max_advance_days,
    ) == (30, 60, 180, 20, 90)

    room = svc.get_space(db, park["room"])
    svc.save_space(
        db,
        operator,
        svc.SpaceInput(**{**room.data.__dict__, "slot_step_minutes": 15, "buffer_minutes": 10}),
        park["room"],
    )
    room = svc.get_space(db, park["room"])
    assert (room.slot_step_minutes, room.buffer_minutes, room.min_duration_minutes) == (15, 10, 30)
    assert room.closed_on_holidays  # by default, public holidays are closed


# --- iCal ---------------------------------------------------------------------------


def _book(db, operator, **kw) -> int:
    return bookings.create_booking(db, operator, BookingInput(**kw), now=NOW)


def _events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_ics_has_one_event_per_booking_not_cancelled_in_utc_with_accents(db, operator, park):
    first = _book(
        db,
        operator,
        machine_id=park["laser"],
        member_id=park["emilie"],
        start_at=local_dt(MONDAY, 10 * 60),
        end_at=local_dt(MONDAY, 11 * 60 + 30),
        purpose="Enseigne en chêne",
        note="Apporte ses planches",
    )
    _book(
        db,
        operator,
        machine_id=park["laser"],
        member_id=park["jean"],
        start_at=local_dt(MONDAY, 14 * 60),
        end_at=local_dt(MONDAY, 15 * 60),
    )
    cancelled = _book(
        db,
        operator,
        machine_id=park["laser"],
        member_id=park["jean"],
        start_at=local_dt(MONDAY, 16 * 60),
        end_at=local_dt(MONDAY, 17 * 60),
    )
    bookings.cancel_booking(db, operator, cancelled, "Malade")
    _book(  # another machine: not in the laser's calendar
        db,
        operator,
        machine_id=park["other"],
        member_id=park["jean"],
        start_at=local_dt(MONDAY, 10 * 60),
        end_at=local_dt(MONDAY, 11 * 60),
    )

    data = ical.export_machine(
        db, park["laser"], NOW - timedelta(days=30), NOW + timedelta(days=365)
    )
    cal = Calendar.from_ical(data)
    assert str(cal["X-WR-CALNAME"]) == "Découpeuse laser"
    events = _events(data)
    assert len(events) == 2
    event = next(e for e in events if str(e["UID"]) == f"booking-{first}@tierslieu")
    assert str(event["SUMMARY"]) == "Découpeuse laser — DÉLPECH Émilie"
    assert str(event["DESCRIPTION"]) == "Enseigne en chêne\n\nApporte ses planches"
    assert str(event["STATUS"]) == "CONFIRMED"
    start = event.decoded("DTSTART")
    # 10:00 in Paris in November is 09:00 UTC, written as UTC ("Z")
    assert start == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert start.utcoffset() == timedelta(0)
    assert b"DTSTART:20261123T090000Z" in data
    assert event.decoded("DTEND") == datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


def test_uid_is_stable_and_cancelled_can_be_published(db, operator, park):
    b = _book(
        db,
        operator,
        machine_id=park["laser"],
        member_id=park["jean"],
        start_at=local_dt(MONDAY, 10 * 60),
        end_at=local_dt(MONDAY, 11 * 60),
    )
    start, end = NOW - timedelta(days=1), NOW + timedelta(days=10)
    one = _events(ical.export_machine(db, park["laser"], start, end))
    two = _events(ical.export_machine(db, park["laser"], start, end))
    assert (
        [str(e["UID"]) for e in one] == [str(e["UID"]) for e in two] == [f"booking-{b}@tierslieu"]
    )

    bookings.cancel_booking(db, operator, b)
    rows = bookings.list_bookings(db, start, end, machine_ids=[park["laser"]])
    assert _events(ical.bookings_to_ics(rows, "Laser")) == []
    shown = _events(ical.bookings_to_ics(rows, "Laser", include_cancelled=True))
    assert [str(e["STATUS"]) for e in shown] == ["CANCELLED"]


def test_space_and_member_exports(db, operator, park):
    _book(
        db,
        operator,
        space_id=park["room"],
        member_id=park["emilie"],
        start_at=local_dt(MONDAY + timedelta(days=1), 9 * 60),
        end_at=local_dt(MONDAY + timedelta(days=1), 10 * 60),
    )
    _book(
        db,
        operator,
        machine_id=park["laser"],
        member_id=park["emilie"],
        start_at=local_dt(MONDAY, 10 * 60),
        end_at=local_dt(MONDAY, 11 * 60),
    )
    _book(
        db,
        operator,
        machine_id=park["other"],
        member_id=park["jean"],
        start_at=local_dt(MONDAY, 10 * 60),
        end_at=local_dt(MONDAY, 11 * 60),
    )
    start, end = NOW - timedelta(days=1), NOW + timedelta(days=10)
    fablab = _events(ical.export_space(db, park["fablab"], start, end))
    assert sorted(str(e["SUMMARY"]) for e in fablab) == [
        "Découpeuse laser — DÉLPECH Émilie",
        "Laser 2 — LACOSTE Jean",
    ]
    room = _events(ical.export_space(db, park["room"], start, end))
    assert [str(e["SUMMARY"]) for e in room] == ["Salle de réunion — DÉLPECH Émilie"]
    emilie = ical.export_member(db, park["emilie"], start, end)
    assert str(Calendar.from_ical(emilie)["X-WR-CALNAME"]) == "DÉLPECH Émilie"
    assert len(_events(emilie)) == 2
    # outside the range: nothing
    assert _events(ical.export_member(db, park["emilie"], end, end + timedelta(days=5))) == []
    with pytest.raises(NotFound):
        ical.export_machine(db, 999, start, end)
