"""Bookings: every rule named, no overlap (buffers included), series, state changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tierslieu_desktop.db.models import Machine, MachineCategory, Space
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.park.authorizations import AuthorizationInput, grant_authorization
from tierslieu_desktop.services.park.opening_hours import ExceptionInput
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import bookings
from tierslieu_desktop.services.scheduling.bookings import BookingInput

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 23 November 2026, 8:00 in Paris
MONDAY = date(2026, 11, 23)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_dt(day, hh * 60 + mm)


@pytest.fixture
def lab(db, operator):
    """A fablab open Mon-Fri 9:00-12:30 and 13:30-18:00 (Wednesday until 22:00), a laser
    that needs training with a 15 min buffer, a 3D printer, a bookable meeting room."""
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        room = Space(name="Salle de réunion", kind="meeting_room", bookable=True)
        laser_cat = MachineCategory(name="Découpe laser")
        fdm = MachineCategory(name="Impression 3D")
        s.add_all([fablab, room, laser_cat, fdm])
        s.flush()
        laser = Machine(
            name="Découpeuse laser",
            category=laser_cat,
            space=fablab,
            authorization_required=True,
            buffer_minutes=15,
            max_duration_minutes=180,
        )
        printer = Machine(name="Prusa MK4", category=fdm, space=fablab)
        s.add_all([laser, printer])
        s.flush()
        ids = {"fablab": fablab.id, "room": room.id, "laser": laser.id, "printer": printer.id}
        ids["laser_cat"] = laser_cat.id
    week = {d: [(540, 750), (810, 1080)] for d in range(5)}
    week[2] = [(540, 750), (810, 1320)]
    opening_hours.set_schedule(db, operator, ids["fablab"], week)
    ids["emilie"] = save_member(db, operator, MemberInput(first_name="Émilie", last_name="Delpech"))
    ids["jean"] = save_member(db, operator, MemberInput(first_name="Jean", last_name="Lacoste"))
    ids["college"] = save_member(
        db, operator, MemberInput(kind="organisation", last_name="Collège Jean Lurçat")
    )
    grant_authorization(
        db, operator, AuthorizationInput(ids["emilie"], date(2026, 1, 10), machine_id=ids["laser"])
    )
    return ids


def book(db, operator, **kw):
    return bookings.create_booking(db, operator, BookingInput(**kw), now=NOW)


def refused(db, operator, **kw) -> DomainError:
    with pytest.raises(DomainError) as err:
        book(db, operator, **kw)
    return err.value


def test_a_booking_within_the_rules_is_saved_with_its_history(db, operator, lab):
    b = book(
        db,
        operator,
        machine_id=lab["laser"],
        member_id=lab["emilie"],
        start_at=at(MONDAY, 10),
        end_at=at(MONDAY, 11),
        purpose="Enseigne en bois",
    )
    row = bookings.get_booking(db, b)
    assert (row.resource_name, row.who, row.status) == (
        "Découpeuse laser",
        "DELPECH Émilie",
        "booked",
    )
    assert row.blocked_until == at(MONDAY, 11, 15)  # 15 minutes of buffer
    assert [e.action for e in bookings.booking_history(db, b)] == ["created"]
    assert bookings.booking_history(db, b)[0].operator == "Accueil"


def test_overlap_and_buffer_are_refused_naming_who_holds_the_slot(db, operator, lab):
    book(
        db,
        operator,
        machine_id=lab["laser"],
        member_id=lab["emilie"],
        start_at=at(MONDAY, 10),
        end_at=at(MONDAY, 11),
    )
    err = refused(
        db,
        operator,
        machine_id=lab["laser"],
        member_id=lab["emilie"],
        start_at=at(MONDAY, 10, 30),
        end_at=at(MONDAY, 11, 30),
    )
    assert err.code == "booking_conflict"
    assert err.params["who"] == "DELPECH Émilie"
    # the 15 min buffer after 11:00 is still the laser cooling down
    err = refused(
        db,
        operator,
        machine_id=lab["laser"],
        member_id=lab["emilie"],
        start_at=at(MONDAY, 11),
        end_at=at(MONDAY, 11, 30),
    )
    assert err.code == "booking_conflict"
    ok = book(
        db,
        operator,
        machine_id=lab["laser"],
        member_id=lab["emilie"],
        start_at=at(MONDAY, 11, 15),
        end_at=at(MONDAY, 12),
    )
    assert ok
    # another machine is free at the same time
    assert book(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(MONDAY, 10),
        end_at=at(MONDAY, 11),
    )


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        ((MONDAY, 8), (MONDAY, 9, 30), "outside_opening_hours"),
        ((MONDAY, 12), (MONDAY, 14), "outside_opening_hours"),  # across the lunch break
        ((MONDAY, 10, 5), (MONDAY, 11), "slot_step"),
        ((MONDAY, 10), (MONDAY, 10, 0), "end_before_start"),
        ((date(2026, 11, 28), 10), (date(2026, 11, 28), 11), "closed_day"),  # Saturday
        ((date(2026, 12, 25), 10), (date(2026, 12, 25), 11), "closed_day"),  # Christmas
        ((date(2027, 3, 1), 10), (date(2027, 3, 1), 11), "too_far_ahead"),
        ((date(2026, 11, 20), 10), (date(2026, 11, 20), 11), "booking_in_past"),
    ],
)
def test_each_rule_is_named(db, operator, lab, start, end, code):
    err = refused(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(*start),
        end_at=at(*end) if end != (MONDAY, 10, 0) else at(MONDAY, 10),
    )
    assert err.code == code or (isinstance(err, ValidationError) and code in err.fields.values())


def test_duration_limits(db, operator, lab):
    assert (
        refused(
            db,
            operator,
            machine_id=lab["laser"],
            member_id=lab["emilie"],
            start_at=at(MONDAY, 14),
            end_at=at(MONDAY, 17, 30),
        ).code
        == "too_long"
    )
    assert refused(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(MONDAY, 14),
        end_at=at(MONDAY, 14, 10),
    ).code in ("too_short", "slot_step")


def test_holiday_name_is_given_and_exceptions_apply(db, operator, lab):
    err = refused(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(date(2026, 12, 25), 10),
        end_at=at(date(2026, 12, 25), 11),
    )
    assert err.params["reason"] == "Noël"
    # an exceptional Saturday opening for the Fête de la science
    saturday = date(2026, 11, 28)
    opening_hours.add_exception(
        db,
        operator,
        ExceptionInput(saturday, "open", lab["fablab"], 600, 1020, "Fête de la science"),
    )
    assert book(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(saturday, 10),
        end_at=at(saturday, 11),
    )
    # an exceptional closure for a training day, for every space
    opening_hours.add_exception(
        db,
        operator,
        ExceptionInput(date(2026, 11, 25), "closed", None, reason="Formation de l'équipe"),
    )
    err = refused(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(date(2026, 11, 25), 10),
        end_at=at(date(2026, 11, 25), 11),
    )
    assert (err.code, err.params["reason"]) == ("closed_day", "Formation de l'équipe")


def test_authorization_required_unless_override_reason(db, operator, lab):
    kw = dict(
        machine_id=lab["laser"],
        member_id=lab["jean"],
        start_at=at(MONDAY, 14),
        end_at=at(MONDAY, 15),
    )
    err = refused(db, operator, **kw)
    assert (err.code, err.params["member"]) == ("authorization_required", "LACOSTE Jean")
    b = book(db, operator, **kw, override_reason="Accompagné par Sarah, formation en cours")
    assert bookings.get_booking(db, b).override_reason.startswith("Accompagné")
    assert "override" in bookings.booking_history(db, b)[0].detail


def test_category_authorization_counts(db, operator, lab):
    grant_authorization(
        db,
        operator,
        AuthorizationInput(lab["jean"], date(2026, 2, 1), category_id=lab["laser_cat"]),
    )
    assert book(
        db,
        operator,
        machine_id=lab["laser"],
        member_id=lab["jean"],
        start_at=at(MONDAY, 14),
        end_at=at(MONDAY, 15),
    )


def test_machine_in_maintenance_is_not_bookable(db, operator, lab):
    with db.write() as s:
        s.get(Machine, lab["printer"]).status = "maintenance"
    err = refused(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(MONDAY, 14),
        end_at=at(MONDAY, 15),
    )
    assert (err.code, err.params["status"]) == ("machine_unavailable", "maintenance")


def test_group_booking_needs_a_responsible_adult(db, operator, lab):
    kw = dict(
        space_id=lab["room"],
        organisation_id=lab["college"],
        headcount=24,
        start_at=at(MONDAY, 9),
        end_at=at(MONDAY, 11),
    )
    with pytest.raises(ValidationError) as err:
        book(db, operator, **kw)
    assert err.value.fields == {"responsible_name": "required"}
    b = book(db, operator, **kw, responsible_name="Mme Vidal")
    row = bookings.get_booking(db, b)
    assert (row.who, row.headcount) == ("Collège Jean Lurçat — Mme Vidal", 24)


def test_states_and_moves(db, operator, lab):
    b = book(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(MONDAY, 14),
        end_at=at(MONDAY, 15),
    )
    bookings.move_booking(db, operator, b, at(MONDAY, 15), at(MONDAY, 16, 30), now=NOW)
    assert bookings.get_booking(db, b).start_at == at(MONDAY, 15)
    bookings.check_in(db, operator, b)
    with pytest.raises(DomainError) as err:
        bookings.move_booking(db, operator, b, at(MONDAY, 16), at(MONDAY, 17), now=NOW)
    assert err.value.code == "booking_in_progress"
    bookings.move_booking(db, operator, b, at(MONDAY, 15), at(MONDAY, 17), now=NOW)  # extend
    with pytest.raises(DomainError):
        bookings.cancel_booking(db, operator, b)
    c = book(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(MONDAY, 10),
        end_at=at(MONDAY, 11),
    )
    bookings.cancel_booking(db, operator, c, "malade")
    # the slot is free again
    assert book(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["emilie"],
        start_at=at(MONDAY, 10),
        end_at=at(MONDAY, 11),
    )
    actions = [e.action for e in bookings.booking_history(db, b)]
    assert actions == ["created", "moved", "checked_in", "moved"]


def test_weekly_series_lists_conflicts_before_saving(db, operator, lab):
    # the 3rd Wednesday is already taken
    book(
        db,
        operator,
        machine_id=lab["laser"],
        member_id=lab["emilie"],
        start_at=at(date(2026, 12, 9), 18),
        end_at=at(date(2026, 12, 9), 19),
    )
    data = BookingInput(
        machine_id=lab["laser"],
        member_id=lab["emilie"],
        start_at=at(date(2026, 11, 25), 18),
        end_at=at(date(2026, 11, 25), 20),
        purpose="Atelier du mercredi soir",
    )
    plan = bookings.plan_series(db, data, count=6, now=NOW)
    assert [o.problem.code if o.problem else None for o in plan] == [
        None,
        None,
        "booking_conflict",
        None,
        None,
        None,
    ]
    problems = [o for o in plan if o.problem]
    assert problems and problems[0].start_at == at(date(2026, 12, 9), 18)
    with pytest.raises(DomainError):
        bookings.create_series(db, operator, data, count=6, now=NOW)
    assert len(bookings.list_bookings(db, at(MONDAY, 0), at(date(2027, 1, 31), 0))) == 1
    result = bookings.create_series(db, operator, data, count=6, skip_conflicts=True, now=NOW)
    assert len(result.created) == 6 - len(problems)
    assert len(result.skipped) == len(problems)


def test_series_keep_local_time_across_dst(db, operator, lab):
    data = BookingInput(
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(date(2027, 3, 24), 18),
        end_at=at(date(2027, 3, 24), 19),
    )
    dates = bookings.occurrences(data, count=2)
    # 24 March is UTC+1, 31 March UTC+2: same 18:00 in Paris, one hour apart in UTC
    assert [s.hour for s, _e in dates] == [17, 16]


def test_list_reads_only_the_range_asked(db, operator, lab):
    book(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(MONDAY, 10),
        end_at=at(MONDAY, 11),
    )
    book(
        db,
        operator,
        machine_id=lab["printer"],
        member_id=lab["jean"],
        start_at=at(date(2026, 11, 24), 10),
        end_at=at(date(2026, 11, 24), 11),
    )
    start, end = bookings.local_date_range(MONDAY)
    assert len(bookings.list_bookings(db, start, end)) == 1
    assert (
        len(bookings.list_bookings(db, start, end + timedelta(days=1), member_id=lab["jean"])) == 2
    )
    assert bookings.list_bookings(db, start, end, machine_ids=[lab["laser"]]) == []
