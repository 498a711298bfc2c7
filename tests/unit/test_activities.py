"""Activities, sessions, registrations with a waiting list, attendance, trainings that
grant authorizations, prices from the tariff grid, the cyber-base drop-in log."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tierslieu_desktop.db.models import Audience, Machine, MachineCategory, Space
from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.activity import dropins, registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.dropins import DropInInput
from tierslieu_desktop.services.activity.registrations import RegistrationInput
from tierslieu_desktop.services.activity.sessions import ActivityInput, SessionInput
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.park.authorizations import is_authorized
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.pricing import tariffs
from tierslieu_desktop.services.scheduling import bookings
from tierslieu_desktop.services.scheduling.bookings import BookingInput

TODAY = to_local(datetime.now(UTC)).date()  # the lab's day (Europe/Paris), as the drop-ins
# A Wednesday far enough ahead to be bookable, and one in the past.
NEXT_WEDNESDAY = TODAY + timedelta(days=(2 - TODAY.weekday()) % 7 + 7)
LAST_WEDNESDAY = TODAY - timedelta(days=(TODAY.weekday() - 2) % 7 or 7)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_dt(day, hh * 60 + mm)


@pytest.fixture
def lab(db, operator):
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        room = Space(name="Salle d'atelier", kind="meeting_room", bookable=True)
        cat = MachineCategory(name="Découpe laser")
        s.add_all([fablab, room, cat])
        s.flush()
        laser = Machine(
            name="Découpeuse laser", category=cat, space=fablab, authorization_required=True
        )
        s.add(laser)
        youth = Audience(name="Jeunes", position=1)
        s.add(youth)
        s.flush()
        ids = {"fablab": fablab.id, "room": room.id, "laser": laser.id, "youth": youth.id}
    week = {d: [(540, 1320)] for d in range(7)}
    opening_hours.set_schedule(db, operator, ids["fablab"], week)
    opening_hours.set_schedule(db, operator, ids["room"], week)
    with db.write() as s:
        s.get(Space, ids["fablab"]).closed_on_holidays = False
        s.get(Space, ids["room"]).closed_on_holidays = False
    for key, first, last in (
        ("ana", "Ana", "Bru"),
        ("ben", "Ben", "Cayrou"),
        ("cleo", "Cléo", "Delmas"),
        ("dan", "Dan", "Espinasse"),
    ):
        ids[key] = save_member(db, operator, MemberInput(first_name=first, last_name=last))
    ids["young"] = save_member(
        db, operator, MemberInput(first_name="Yanis", last_name="Jeune", audience_id=ids["youth"])
    )
    ids["school"] = save_member(
        db, operator, MemberInput(kind="organisation", last_name="École de Biars")
    )
    ids["training"] = activities.save_activity(
        db,
        operator,
        ActivityInput(
            name="Formation découpe laser",
            kind="machine_training",
            duration_minutes=180,
            capacity=6,
            trainer="Guillaume",
            space_id=ids["fablab"],
            machine_id=ids["laser"],
        ),
    )
    ids["workshop"] = activities.save_activity(
        db,
        operator,
        ActivityInput(name="Créer son adresse mail", kind="digital_workshop", capacity=3),
    )
    return ids


def new_session(db, operator, activity_id, day, capacity=3, machines=(), space_id=None):
    return activities.create_session(
        db,
        operator,
        SessionInput(
            activity_id=activity_id,
            start_at=at(day, 14),
            end_at=at(day, 17),
            capacity=capacity,
            space_id=space_id,
            trainer="Guillaume",
            machine_ids=tuple(machines),
        ),
    )


def reg(db, operator, session_id, now=None, **kw):
    return registrations.register(
        db, operator, RegistrationInput(session_id=session_id, **kw), now=now
    )


def test_waiting_list_is_promoted_in_order_when_someone_cancels(db, operator, lab):
    sid = new_session(db, operator, lab["workshop"], NEXT_WEDNESDAY, capacity=2)
    t0 = datetime.now(UTC)
    a = reg(db, operator, sid, member_id=lab["ana"], now=t0)
    b = reg(db, operator, sid, member_id=lab["ben"], now=t0 + timedelta(minutes=1))
    c = reg(db, operator, sid, member_id=lab["cleo"], now=t0 + timedelta(minutes=2))
    d = reg(db, operator, sid, member_id=lab["dan"], now=t0 + timedelta(minutes=3))
    assert (a.status, b.status) == ("registered", "registered")
    assert (c.status, c.waiting_position) == ("waiting", 1)
    assert (d.status, d.waiting_position) == ("waiting", 2)

    promoted = registrations.cancel_registration(db, operator, a.registration_id)
    assert promoted == [c.registration_id]  # the first in the queue, not Dan
    rows = {r.id: r for r in registrations.session_registrations(db, sid)}
    assert rows[c.registration_id].status == "registered"
    assert rows[d.registration_id].waiting_position == 1
    assert activities.get_session(db, sid).registered == 2

    registrations.cancel_registration(db, operator, b.registration_id)
    rows = {r.id: r for r in registrations.session_registrations(db, sid)}
    assert rows[d.registration_id].status == "registered"


def test_capacity_is_never_exceeded_and_a_group_waits_its_turn(db, operator, lab):
    sid = new_session(db, operator, lab["workshop"], NEXT_WEDNESDAY, capacity=12)
    group = reg(db, operator, sid, organisation_id=lab["school"], group_name="CM2", headcount=11)
    assert group.status == "registered"
    ana = reg(db, operator, sid, member_id=lab["ana"])
    assert ana.status == "registered"
    ben = reg(db, operator, sid, member_id=lab["ben"])
    assert ben.status == "waiting"
    row = activities.get_session(db, sid)
    assert (row.registered, row.capacity, row.free_seats, row.fill_percent) == (12, 12, 0, 100)
    # Growing a seated group beyond the free seats is refused.
    with pytest.raises(DomainError) as err:
        registrations.update_registration(db, operator, group.registration_id, headcount=13)
    assert err.value.code == "session_full"
    # So is a capacity below the seats taken.
    data = row.input()
    with pytest.raises(DomainError) as err:
        activities.update_session(
            db, operator, sid, SessionInput(**{**data.__dict__, "capacity": 10})
        )
    assert err.value.code == "capacity_below_registered"
    # A larger capacity seats the waiting list.
    activities.update_session(db, operator, sid, SessionInput(**{**data.__dict__, "capacity": 13}))
    assert activities.get_session(db, sid).registered == 13
    # Whatever happens, seats taken never exceed the capacity.
    for r in registrations.session_registrations(db, sid):
        if r.status != "cancelled":
            registrations.cancel_registration(db, operator, r.id)
    assert activities.get_session(db, sid).registered == 0


def test_a_member_cannot_register_twice(db, operator, lab):
    sid = new_session(db, operator, lab["workshop"], NEXT_WEDNESDAY)
    reg(db, operator, sid, member_id=lab["ana"])
    with pytest.raises(DomainError) as err:
        reg(db, operator, sid, member_id=lab["ana"])
    assert err.value.code == "already_registered"
    with pytest.raises(ValidationError) as verr:
        reg(db, operator, sid)
    assert "member" in verr.value.fields


def test_a_cancellation_after_the_session_is_refused(db, operator, lab):
    sid = new_session(db, operator, lab["workshop"], LAST_WEDNESDAY)
    r = reg(db, operator, sid, member_id=lab["ana"])
    with pytest.raises(DomainError) as err:
        registrations.cancel_registration(db, operator, r.registration_id)
    assert err.value.code == "registration_session_started"
    assert registrations.session_registrations(db, sid)[0].status == "registered"


def test_attendance_at_a_machine_training_grants_the_authorization_then_a_booking(
    db, operator, lab
):
    assert not is_authorized(db, lab["ana"], lab["laser"])
    now = datetime.now(UTC)
    booking = BookingInput(
        machine_id=lab["laser"],
        member_id=lab["ana"],
        start_at=at(NEXT_WEDNESDAY, 10),
        end_at=at(NEXT_WEDNESDAY, 11),
    )
    with pytest.raises(DomainError) as err:
        bookings.create_booking(db, operator, booking, now=now)
    assert err.value.code == "authorization_required"

    sid = new_session(db, operator, lab["training"], LAST_WEDNESDAY, machines=[lab["laser"]])
    r = reg(db, operator, sid, member_id=lab["ana"])
    registrations.set_attendance(db, operator, r.registration_id, "present")
    assert is_authorized(db, lab["ana"], lab["laser"])
    # The session took place: the laser's booking is done, no longer expected.
    held = bookings.list_bookings(db, at(LAST_WEDNESDAY, 0), at(LAST_WEDNESDAY, 23))
    assert [(b.resource_name, b.status) for b in held] == [("Découpeuse laser", "done")]
    row = registrations.session_registrations(db, sid)[0]
    assert row.authorization_granted
    assert bookings.create_booking(db, operator, booking, now=now) > 0

    # Ticked absent by mistake? The authorization the session granted goes away.
    registrations.set_attendance(db, operator, r.registration_id, "absent")
    assert not is_authorized(db, lab["ana"], lab["laser"])


def test_attendance_cannot_be_ticked_before_the_session_day(db, operator, lab):
    sid = new_session(db, operator, lab["workshop"], NEXT_WEDNESDAY)
    r = reg(db, operator, sid, member_id=lab["ana"])
    with pytest.raises(DomainError) as err:
        registrations.set_attendance(db, operator, r.registration_id, "present")
    assert err.value.code == "attendance_too_early"


def test_a_session_blocks_the_machine_it_uses(db, operator, lab):
    sid = new_session(
        db, operator, lab["training"], NEXT_WEDNESDAY, machines=[lab["laser"]], space_id=lab["room"]
    )
    with pytest.raises(DomainError) as err:
        bookings.create_booking(
            db,
            operator,
            BookingInput(
                machine_id=lab["laser"],
                member_id=lab["ana"],
                start_at=at(NEXT_WEDNESDAY, 15),
                end_at=at(NEXT_WEDNESDAY, 16),
                override_reason="test",
            ),
            now=datetime.now(UTC),
        )
    assert err.value.code == "booking_conflict"
    assert err.value.params["who"] == "Formation découpe laser"
    # A second session on the same laser at the same time is refused too, nothing saved.
    before = len(activities.list_sessions(db, at(NEXT_WEDNESDAY, 0), at(NEXT_WEDNESDAY, 23)))
    with pytest.raises(DomainError):
        new_session(db, operator, lab["training"], NEXT_WEDNESDAY, machines=[lab["laser"]])
    after = activities.list_sessions(db, at(NEXT_WEDNESDAY, 0), at(NEXT_WEDNESDAY, 23))
    assert len(after) == before
    assert after[0].machine_names == ("Découpeuse laser",)
    # The session's bookings cannot be cancelled from the bookings page.
    held = bookings.list_bookings(db, at(NEXT_WEDNESDAY, 0), at(NEXT_WEDNESDAY, 23))
    assert {b.resource_name for b in held} == {"Découpeuse laser", "Salle d'atelier"}
    with pytest.raises(DomainError) as err:
        bookings.cancel_booking(db, operator, held[0].id)
    assert err.value.code == "booking_of_session"
    # Cancelling the session frees the laser.
    activities.cancel_session(db, operator, sid)
    assert (
        bookings.list_bookings(
            db, at(NEXT_WEDNESDAY, 0), at(NEXT_WEDNESDAY, 23), statuses=("booked",)
        )
        == []
    )


def test_the_price_comes_from_the_activity_rules_of_the_tariff_grid(db, operator, lab):
    tariffs.save_rule(
        db,
        operator,
        kind="activity",
        resource_id=lab["workshop"],
        audience_id=None,
        membership="any",
        unit="session",
        step_minutes=None,
        amount_cents=500,
        valid_from=date(2020, 1, 1),
        valid_to=None,
    )
    tariffs.save_rule(
        db,
        operator,
        kind="activity",
        resource_id=lab["workshop"],
        audience_id=lab["youth"],
        membership="any",
        unit="session",
        step_minutes=None,
        amount_cents=0,
        valid_from=date(2020, 1, 1),
        valid_to=None,
    )
    sid = new_session(db, operator, lab["workshop"], NEXT_WEDNESDAY, capacity=20)
    assert reg(db, operator, sid, member_id=lab["ana"]).price_cents == 500
    assert reg(db, operator, sid, member_id=lab["young"]).price_cents == 0
    group = reg(db, operator, sid, organisation_id=lab["school"], headcount=12)
    assert group.price_cents == 6000  # 12 people × 5 €
    grid = tariffs.tariff_grid(db, NEXT_WEDNESDAY)
    assert ("activity", lab["workshop"], None) in grid.cells


def test_fill_rate_and_attendance_counts(db, operator, lab):
    sid = new_session(db, operator, lab["workshop"], LAST_WEDNESDAY, capacity=20)
    a = reg(db, operator, sid, member_id=lab["ana"])
    reg(db, operator, sid, member_id=lab["ben"])
    g = reg(db, operator, sid, group_name="Classe de CM2", headcount=12, age_band="under_12")
    assert activities.get_session(db, sid).fill_percent == 70  # 14 / 20
    assert registrations.set_all_attendance(db, operator, sid, "present") == 3
    registrations.set_attendance(db, operator, a.registration_id, "excused")
    registrations.set_attendance(db, operator, g.registration_id, "present", present_count=10)
    row = activities.get_session(db, sid)
    assert (row.present, row.ticked) == (11, 3)
    sheet = registrations.attendance_sheet(db, sid)
    assert [line.name for line in sheet.lines] == ["BRU Ana", "CAYROU Ben", "Classe de CM2"]


def test_drop_ins_fill_blanks_from_a_linked_member_and_count_the_day(db, operator, lab):
    dropins.log_drop_in(db, operator, DropInInput(purpose="admin", duration_minutes=20))
    dropins.log_drop_in(
        db,
        operator,
        DropInInput(
            kind="help",
            purpose="employment",
            duration_minutes=60,
            helper="Marie-Claude",
            vouchers=2,
            member_id=lab["young"],
        ),
    )
    with pytest.raises(ValidationError) as err:
        dropins.log_drop_in(db, operator, DropInInput(kind="help", purpose="admin"))
    assert "helper" in err.value.fields
    rows = dropins.list_drop_ins(db, TODAY, TODAY)
    assert rows[0].audience_name == "Jeunes" and rows[0].member_name == "JEUNE Yanis"
    assert dropins.day_count(db) == dropins.DayCount(visits=1, helps=1, minutes=80, vouchers=2)
    dropins.delete_drop_in(db, operator, rows[0].id)
    assert dropins.day_count(db).helps == 0


def test_tickets_of_held_sessions_are_billed_once_at_the_desk(db, operator, lab):
    from tierslieu_desktop.db.models import Structure
    from tierslieu_desktop.services.billing import baskets, documents
    from tierslieu_desktop.services.billing.payments import PaymentInput

    with db.write() as s:
        s.add(
            Structure(
                id=1,
                name="Fab'Causse",
                siret="73282932000074",
                address="2 place de la Halle",
                postcode="46160",
                city="Cajarc",
                vat_regime="exempt_non_profit",
            )
        )
    tariffs.save_rule(
        db,
        operator,
        kind="activity",
        resource_id=lab["training"],
        audience_id=None,
        membership="any",
        unit="session",
        step_minutes=None,
        amount_cents=2500,
        valid_from=date(2020, 1, 1),
        valid_to=None,
    )
    past = new_session(db, operator, lab["training"], LAST_WEDNESDAY, capacity=6)
    future = new_session(db, operator, lab["training"], NEXT_WEDNESDAY, capacity=6)
    came = reg(db, operator, past, member_id=lab["ana"])
    missed = reg(db, operator, past, member_id=lab["ben"])
    reg(db, operator, future, member_id=lab["ana"])  # not held yet: not billed yet
    registrations.set_attendance(db, operator, came.registration_id, "present")
    registrations.set_attendance(db, operator, missed.registration_id, "absent")

    assert lab["ana"] in {r.member_id for r in baskets.to_collect(db)}
    assert lab["ben"] not in {r.member_id for r in baskets.to_collect(db)}
    basket_id = baskets.open_basket(db, operator, lab["ana"])
    lines = baskets.get_basket(db, basket_id).lines
    assert [(ln.revenue_kind, ln.total_cents) for ln in lines] == [("training", 2500)]
    assert lines[0].designation.startswith("Formation découpe laser — ")
    invoice_id = documents.validate_basket(db, operator, basket_id, [PaymentInput("cash", 2500)])
    assert documents.get_invoice(db, invoice_id).total_incl_cents == 2500
    assert registrations.session_registrations(db, past)[0].billed
    # Billed once: the next basket of the member is empty of it.
    assert baskets.unbilled_registrations(db, lab["ana"]) == []
    assert lab["ana"] not in {r.member_id for r in baskets.to_collect(db)}


def test_commune_suggestions_merge_the_desk_and_the_members_towns(db, operator, lab):
    with db.write() as s:
        from tierslieu_desktop.db.models import Member

        s.get(Member, lab["ana"]).city = "Saint-Céré"
    dropins.log_drop_in(db, operator, DropInInput(purpose="admin", commune="Biars-sur-Cère"))
    dropins.log_drop_in(db, operator, DropInInput(purpose="admin", commune="saint-céré"))
    assert dropins.known_communes(db, TODAY - timedelta(days=365)) == [
        "Biars-sur-Cère",
        "saint-céré",
    ]
    assert dropins.known_communes(db, TODAY + timedelta(days=1)) == ["Saint-Céré"]


def test_tickets_before_the_invoicing_start_count_in_the_balance_once(db, operator, lab):
    """Sessions held before the software billed anything were paid outside it: their
    tickets are own revenue ("services") on the session's day, with their detail line,
    and are never proposed at the desk."""
    from tierslieu_desktop.db.models import Structure
    from tierslieu_desktop.services.billing import baskets
    from tierslieu_desktop.services.finance import balance as balance_service

    with db.write() as s:
        s.add(Structure(id=1, name="Fab'Causse", invoicing_start=TODAY))
    tariffs.save_rule(
        db,
        operator,
        kind="activity",
        resource_id=lab["workshop"],
        audience_id=None,
        membership="any",
        unit="session",
        step_minutes=None,
        amount_cents=500,
        valid_from=date(2020, 1, 1),
        valid_to=None,
    )
    sid = new_session(db, operator, lab["workshop"], LAST_WEDNESDAY, capacity=5)
    came = reg(db, operator, sid, member_id=lab["ana"])
    missed = reg(db, operator, sid, member_id=lab["ben"])
    registrations.set_attendance(db, operator, came.registration_id, "present")
    registrations.set_attendance(db, operator, missed.registration_id, "absent")

    day = LAST_WEDNESDAY
    assert balance_service.balance(db, day, day).own_by_category.get("services") == 500
    rows = balance_service.details(db, "own:services", day, day)
    assert [(r.source, r.label, r.amount_cents) for r in rows] == [
        ("registration", "Créer son adresse mail", 500)
    ]
    assert baskets.unbilled_registrations(db, lab["ana"]) == []
