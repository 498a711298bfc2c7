"""Check-out into a usage (times, consumables, hour counter), the consumables catalogue,
and the front desk's view of today."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.db.models import (
    Machine,
    MachineCategory,
    Space,
    Usage,
    UsageConsumable,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import bookings, usages
from tierslieu_desktop.services.scheduling.bookings import BookingInput

MONDAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 8:00 in Paris, before opening


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_dt(day, hh * 60 + mm)


@pytest.fixture
def lab(db, operator):
    """A fablab open every weekday 9:00-18:00, a laser (10 min buffer, 12 h on its counter),
    a 3D printer, a meeting room, two members, PLA and plywood offered on the laser."""
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        room = Space(name="Salle de réunion", kind="meeting_room", bookable=True)
        cat = MachineCategory(name="Découpe laser")
        s.add_all([fablab, room, cat])
        s.flush()
        laser = Machine(
            name="Découpeuse laser",
            category=cat,
            space=fablab,
            buffer_minutes=10,
            hour_counter_minutes=720,
        )
        printer = Machine(name="Prusa MK4", category=cat, space=fablab)
        s.add_all([laser, printer])
        s.flush()
        ids = {"fablab": fablab.id, "room": room.id, "laser": laser.id, "printer": printer.id}
    for space in ("fablab", "room"):
        opening_hours.set_schedule(db, operator, ids[space], {d: [(540, 1080)] for d in range(5)})
    ids["emilie"] = save_member(db, operator, MemberInput(first_name="Émilie", last_name="Delpech"))
    ids["jean"] = save_member(db, operator, MemberInput(first_name="Jean", last_name="Lacoste"))
    ids["pla"] = usages.save_consumable(db, operator, "Filament PLA", "gram")
    ids["plywood"] = usages.save_consumable(db, operator, "Contreplaqué 3 mm", "sheet")
    ids["vinyl"] = usages.save_consumable(db, operator, "Vinyle", "metre")
    usages.set_machine_consumables(db, operator, ids["laser"], [ids["plywood"], ids["pla"]])
    return ids


def book(db, operator, lab, start, end, member="emilie", machine="laser"):
    return bookings.create_booking(
        db,
        operator,
        BookingInput(machine_id=lab[machine], member_id=lab[member], start_at=start, end_at=end),
        now=NOW,
    )


def counts(db) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count(Usage.id))),
            s.scalar(select(func.count(UsageConsumable.id))),
        )


def hour_counter(db, machine_id) -> int:
    with db.read() as s:
        return s.get(Machine, machine_id).hour_counter_minutes


# --- catalogue ---------------------------------------------------------------------------


def test_consumables_offered_per_machine_in_catalogue_order(db, operator, lab):
    offered = usages.consumables_for_machine(db, lab["laser"])
    assert [(c.name, c.unit) for c in offered] == [
        ("Filament PLA", "gram"),
        ("Contreplaqué 3 mm", "sheet"),
    ]
    assert usages.consumables_for_machine(db, lab["printer"]) == []
    by_name = {c.name: c for c in usages.list_consumables(db)}
    assert by_name["Filament PLA"].machine_ids == (lab["laser"],)
    assert by_name["Vinyle"].machine_ids == ()

    usages.set_machine_consumables(db, operator, lab["laser"], [lab["vinyl"]])
    assert [c.name for c in usages.consumables_for_machine(db, lab["laser"])] == ["Vinyle"]


def test_consumable_names_are_unique_ignoring_case_and_accents(db, operator, lab):
    with pytest.raises(ValidationError) as err:
        usages.save_consumable(db, operator, "  contreplaque   3 MM ", "sheet")
    assert err.value.fields == {"name": "name_taken"}
    with pytest.raises(ValidationError) as err:
        usages.save_consumable(db, operator, "", "litre")
    assert err.value.fields == {"name": "required", "unit": "required"}
    # renaming itself, with another case, is fine
    usages.save_consumable(db, operator, "Filament pla", "gram", lab["pla"])
    assert "Filament pla" in [c.name for c in usages.list_consumables(db)]


def test_archived_consumable_is_no_longer_offered_at_check_out(db, operator, lab):
    usages.set_consumable_archived(db, operator, lab["pla"], True)
    assert [c.name for c in usages.consumables_for_machine(db, lab["laser"])] == [
        "Contreplaqué 3 mm"
    ]
    assert "Filament PLA" not in [c.name for c in usages.list_consumables(db)]
    archived = usages.list_consumables(db, include_archived=True)
    assert [c.archived for c in archived if c.name == "Filament PLA"] == [True]


def test_unit_cannot_change_once_a_quantity_was_recorded(db, operator, lab):
    b = book(db, operator, lab, at(MONDAY, 10), at(MONDAY, 11))
    usages.check_out(
        db, operator, b, at(MONDAY, 10), at(MONDAY, 11), [(lab["pla"], 5000)], now=at(MONDAY, 11)
    )
    with pytest.raises(ValidationError) as err:
        usages.save_consumable(db, operator, "Filament PLA", "metre", lab["pla"])
    assert err.value.fields == {"unit": "unit_in_use"}
    usages.save_consumable(db, operator, "Vinyle", "square_metre", lab["vinyl"])  # unused


@pytest.mark.parametrize(
    ("text", "milli"),
    [
        ("12,5", 12500),
        ("12.5", 12500),
        (" 125 ", 125000),
        ("0,25", 250),
        (",5", 500),
        ("1 250", 1250000),
        ("-3", -3000),
        ("0", 0),
        ("1,2345", None),
        ("abc", None),
        ("", None),
        ("12,5 g", None),
    ],
)
def test_quantities_typed_with_comma_or_dot(text, milli):
    assert usages.parse_quantity_milli(text) == milli


# --- check-out ---------------------------------------------------------------------------


def test_check_out_records_the_usage_and_moves_the_hour_counter(db, operator, lab):
    b = book(db, operator, lab, at(MONDAY, 10), at(MONDAY, 12))
    bookings.check_in(db, operator, b, at=at(MONDAY, 10, 5))
    usage_id = usages.check_out(
        db,
        operator,
        b,
        at(MONDAY, 10, 5),
        at(MONDAY, 11, 35),
        [(lab["pla"], 12500), (lab["plywood"], 2000)],
        note="  Enseigne  ",
        now=at(MONDAY, 11, 34),
    )
    usage = usages.get_usage(db, usage_id)
    assert (usage.booking_id, usage.machine_id, usage.member_id) == (
        b,
        lab["laser"],
        lab["emilie"],
    )
    assert (usage.start_at, usage.end_at, usage.minutes, usage.note) == (
        at(MONDAY, 10, 5),
        at(MONDAY, 11, 35),
        90,
        "Enseigne",
    )
    assert [(c.name, c.unit, c.quantity_milli) for c in usage.consumables] == [
        ("Filament PLA", "gram", 12500),
        ("Contreplaqué 3 mm", "sheet", 2000),
    ]
    assert hour_counter(db, lab["laser"]) == 720 + 90

    row = bookings.get_booking(db, b)
    assert row.status == "done"
    # left 25 min early: the slot is free again after the 10 min buffer
    assert (row.end_at, row.blocked_until) == (at(MONDAY, 11, 35), at(MONDAY, 11, 45))
    history = bookings.booking_history(db, b)
    assert [(e.action, e.status) for e in history] == [
        ("created", "booked"),
        ("checked_in", "in_progress"),
        ("checked_out", "done"),
    ]
    assert history[-1].operator == "Accueil"
    assert usages.usage_of_booking(db, b).id == usage_id
    assert [u.id for u in usages.usages_of_day(db, MONDAY)] == [usage_id]


def test_check_out_of_a_booking_never_checked_in_records_the_arrival(db, operator, lab):
    b = book(db, operator, lab, at(MONDAY, 14), at(MONDAY, 15))
    usages.check_out(db, operator, b, at(MONDAY, 14, 10), at(MONDAY, 15), now=at(MONDAY, 15, 2))
    row = bookings.get_booking(db, b)
    assert (row.status, row.checked_in_at, row.end_at) == (
        "done",
        at(MONDAY, 14, 10),
        at(MONDAY, 15),
    )
    assert [e.action for e in bookings.booking_history(db, b)] == [
        "created",
        "checked_in",
        "checked_out",
    ]
    assert counts(db) == (1, 0)  # no consumable: a usage all the same


def test_check_out_of_a_space_leaves_machine_counters_alone(db, operator, lab):
    b = bookings.create_booking(
        db,
        operator,
        BookingInput(
            space_id=lab["room"],
            member_id=lab["jean"],
            start_at=at(MONDAY, 9),
            end_at=at(MONDAY, 10),
        ),
        now=NOW,
    )
    usage = usages.get_usage(
        db, usages.check_out(db, operator, b, at(MONDAY, 9), at(MONDAY, 10), now=at(MONDAY, 10))
    )
    assert (usage.space_id, usage.machine_id, usage.minutes) == (lab["room"], None, 60)
    assert hour_counter(db, lab["laser"]) == 720


def refused_check_out(db, operator, booking_id, start, end, lines=(), now=None):
    before = (counts(db), bookings.get_booking(db, booking_id).status)
    with pytest.raises(DomainError) as err:
        usages.check_out(db, operator, booking_id, start, end, lines, now=now or at(MONDAY, 12))
    assert (counts(db), bookings.get_booking(db, booking_id).status) == before  # nothing saved
    return err.value


def test_check_out_refusals_save_nothing(db, operator, lab):
    b = book(db, operator, lab, at(MONDAY, 10), at(MONDAY, 11))
    bookings.check_in(db, operator, b, at=at(MONDAY, 10))

    err = refused_check_out(db, operator, b, at(MONDAY, 11), at(MONDAY, 10, 30))
    assert err.fields == {"end_at": "end_before_start"}
    err = refused_check_out(db, operator, b, at(MONDAY, 10), at(MONDAY, 10))
    assert err.fields == {"end_at": "end_before_start"}
    # the end is more than 5 minutes ahead of now
    err = refused_check_out(db, operator, b, at(MONDAY, 10), at(MONDAY, 12, 10))
    assert err.fields == {"end_at": "date_in_future"}
    err = refused_check_out(
        db, operator, b, at(MONDAY, 10), at(MONDAY, 11), [(lab["pla"], 5000), (lab["plywood"], -1)]
    )
    assert err.fields == {f"consumable_{lab['plywood']}": "number_invalid"}
    err = refused_check_out(db, operator, b, at(MONDAY, 10), at(MONDAY, 11), [(lab["pla"], 0)])
    assert err.fields == {f"consumable_{lab['pla']}": "number_invalid"}
    assert hour_counter(db, lab["laser"]) == 720

    usages.check_out(db, operator, b, at(MONDAY, 10), at(MONDAY, 11), now=at(MONDAY, 12))
    err = refused_check_out(db, operator, b, at(MONDAY, 10), at(MONDAY, 11))
    assert (err.code, err.params) == ("booking_closed", {"status": "done"})
    assert hour_counter(db, lab["laser"]) == 780  # counted once


def test_cancelled_or_no_show_booking_cannot_be_checked_out(db, operator, lab):
    cancelled = book(db, operator, lab, at(MONDAY, 10), at(MONDAY, 11))
    bookings.cancel_booking(db, operator, cancelled)
    absent = book(db, operator, lab, at(MONDAY, 14), at(MONDAY, 15))
    bookings.mark_no_show(db, operator, absent)
    for b in (cancelled, absent):
        err = refused_check_out(db, operator, b, at(MONDAY, 10), at(MONDAY, 11), now=at(MONDAY, 16))
        assert err.code == "booking_closed"


def test_walk_in_then_check_out(db, operator, lab):
    now = at(MONDAY, 10, 3)
    b = bookings.start_walk_in(
        db,
        operator,
        BookingInput(
            machine_id=lab["laser"],
            member_id=lab["jean"],
            start_at=now,
            end_at=at(MONDAY, 12),
            purpose="Porte-clés",
        ),
        now=now,
    )
    usage_id = usages.check_out(
        db,
        operator,
        b,
        now,
        at(MONDAY, 10, 48),
        [(lab["plywood"], 500)],
        now=at(MONDAY, 10, 47),
    )
    usage = usages.get_usage(db, usage_id)
    assert (usage.member_id, usage.minutes) == (lab["jean"], 45)
    assert [(c.name, c.quantity_milli) for c in usage.consumables] == [("Contreplaqué 3 mm", 500)]
    assert [e.action for e in bookings.booking_history(db, b)] == ["walk_in", "checked_out"]
    # the laser is free again from 10:58 (10 min buffer), not at 12:00
    later = bookings.create_booking(
        db,
        operator,
        BookingInput(
            machine_id=lab["laser"],
            member_id=lab["emilie"],
            start_at=at(MONDAY, 11),
            end_at=at(MONDAY, 12),
        ),
        now=at(MONDAY, 10, 50),
    )
    assert bookings.get_booking(db, later).status == "booked"


# --- today -------------------------------------------------------------------------------


def test_today_overview_flags_late_arrivals_and_late_check_outs(db, operator, lab):
    done = book(db, operator, lab, at(MONDAY, 9), at(MONDAY, 9, 30), member="jean")
    late_out = book(db, operator, lab, at(MONDAY, 9, 45), at(MONDAY, 10, 30))
    late_in = book(db, operator, lab, at(MONDAY, 9, 45), at(MONDAY, 10, 15), machine="printer")
    just_started = book(db, operator, lab, at(MONDAY, 10, 45), at(MONDAY, 12), machine="printer")
    present = book(db, operator, lab, at(MONDAY, 10, 45), at(MONDAY, 12), member="jean")
    later = book(db, operator, lab, at(MONDAY, 14), at(MONDAY, 15))
    tomorrow = book(
        db, operator, lab, at(MONDAY + timedelta(days=1), 10), at(MONDAY, 11) + timedelta(days=1)
    )
    usages.check_out(db, operator, done, at(MONDAY, 9), at(MONDAY, 9, 30), now=at(MONDAY, 9, 30))
    bookings.check_in(db, operator, late_out, at=at(MONDAY, 9, 45))
    bookings.check_in(db, operator, present, at=at(MONDAY, 10, 45))

    now = at(MONDAY, 10, 50)
    overview = usages.today_overview(db, MONDAY, now=now)
    flags = {
        r.booking.id: (r.expected, r.present, r.late_to_check_out, r.late_arrival, r.done)
        for r in overview.rows
    }
    assert [r.booking.id for r in overview.rows] == [
        done,
        late_out,
        late_in,
        just_started,
        present,
        later,
    ]
    assert tomorrow not in flags
    assert flags[done] == (False, False, False, False, True)
    assert flags[late_out] == (False, False, True, False, False)  # should have left at 10:30
    assert flags[late_in] == (False, False, False, True, False)  # 65 min late
    assert flags[just_started] == (True, False, False, False, False)  # 5 min: not late yet
    assert flags[present] == (False, True, False, False, False)
    assert flags[later] == (True, False, False, False, False)
    assert (
        overview.expected,
        overview.present,
        overview.late_to_check_out,
        overview.late_arrivals,
        overview.done,
    ) == (2, 1, 1, 1, 1)

    # an hour earlier nobody was late
    early = usages.today_overview(db, MONDAY, now=at(MONDAY, 9, 50))
    assert not any(r.late_to_check_out or r.late_arrival for r in early.rows)


def test_a_check_out_forgotten_yesterday_is_still_listed_today(db, operator, lab):
    friday = MONDAY - timedelta(days=3)
    b = bookings.start_walk_in(
        db,
        operator,
        BookingInput(
            machine_id=lab["laser"],
            member_id=lab["jean"],
            start_at=at(friday, 16),
            end_at=at(friday, 17),
        ),
        now=at(friday, 16),
    )
    rows = usages.today_overview(db, MONDAY, now=at(MONDAY, 9)).rows
    assert [(r.booking.id, r.late_to_check_out, r.earlier_day) for r in rows] == [(b, True, True)]
