"""The demo's year of activities and cyber-base drop-ins: consistent with the demo's
members, machines, opening hours and bookings, and with the activities' own rules."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import timedelta

import pytest
from shared_demo import small_demo_copy
from sqlalchemy import select, text

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Authorization,
    Booking,
    DropIn,
    Member,
    Registration,
    Space,
)
from tierslieu_desktop.demo import data_activity, data_people
from tierslieu_desktop.demo.builder import REFERENCE_DATE
from tierslieu_desktop.domain.calendar import local_dt, public_holiday, to_local
from tierslieu_desktop.services.activity import registrations
from tierslieu_desktop.services.activity.registrations import RegistrationInput
from tierslieu_desktop.services.park import opening_hours

ANIMATORS = set(data_people.ANIMATORS)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo_activity") / "demo.sqlite"
    small_demo_copy(path)
    db = open_database(str(path), create=False)
    yield path, db
    db.dispose()


@pytest.fixture(scope="module")
def year(demo):
    """The sessions (with their activity) of the last year and the weeks to come, and
    their registrations, as plain rows (the small demo's history goes back to 2024:
    test_demo_economics)."""
    db = demo[1]
    with db.read() as s:
        sessions = s.execute(
            select(
                ActivitySession.id,
                ActivitySession.start_at,
                ActivitySession.end_at,
                ActivitySession.capacity,
                ActivitySession.space_id,
                ActivitySession.trainer,
                ActivitySession.created_at,
                ActivitySession.status,
                Activity.name,
                Activity.kind,
                Activity.machine_id,
            ).join(Activity, Activity.id == ActivitySession.activity_id)
        ).all()
        regs = s.execute(select(Registration)).scalars().all()
        regs = [{c.name: getattr(r, c.name) for c in Registration.__table__.columns} for r in regs]
    since = local_dt(REFERENCE_DATE - timedelta(days=365), 0)
    sessions = [x for x in sessions if x.start_at >= since]
    kept = {x.id for x in sessions}
    return sessions, [r for r in regs if r["session_id"] in kept]


def test_a_year_of_past_sessions_and_six_weeks_to_come_of_every_kind(year):
    sessions, _regs = year
    today = local_dt(REFERENCE_DATE, 0)
    past = [s for s in sessions if s.start_at < today]
    upcoming = [s for s in sessions if s.start_at >= today]
    assert len(past) >= 100 and len(upcoming) >= 10
    days = [to_local(s.start_at).date() for s in sessions]
    assert min(days) >= REFERENCE_DATE - timedelta(days=365)
    assert REFERENCE_DATE + timedelta(days=28) <= max(days) <= REFERENCE_DATE + timedelta(days=42)
    kinds = Counter(s.kind for s in past)
    assert len(kinds) == 6
    assert kinds["open_lab"] >= 25 and kinds["digital_workshop"] >= 25
    assert 8 <= kinds["repair_cafe"] <= 12 and kinds["school_visit"] >= 8
    names = {s.name for s in sessions}
    for _machine, name, *_rest in data_activity.TRAININGS:
        assert name in names
    for name, _desc in data_activity.DIGITAL_WORKSHOPS:
        assert name in names
    # Quieter summers.
    months = Counter(to_local(s.start_at).month for s in past)
    assert months[8] < months[10] and months[7] < months[3]


def test_sessions_respect_opening_hours_and_public_holidays(demo, year):
    db = demo[1]
    sessions, _regs = year
    with db.read() as s:
        for row in sessions:
            assert not public_holiday(to_local(row.start_at).date()), row
            assert opening_hours.fits_opening(s, row.space_id, row.start_at, row.end_at) is None, (
                row
            )
            assert row.created_at <= row.start_at
            assert row.created_at <= local_dt(REFERENCE_DATE, 0)


def test_trainings_hold_their_machine_without_clashing_with_any_booking(demo, year):
    db = demo[1]
    sessions, _regs = year
    trainings = [s for s in sessions if s.kind == "machine_training"]
    assert len(trainings) >= 15
    with db.read() as s:
        held = dict(
            s.execute(
                select(Booking.activity_session_id, Booking.machine_id).where(
                    Booking.activity_session_id.is_not(None)
                )
            ).all()
        )
        clashes = s.execute(
            text(
                """
                SELECT COUNT(*) FROM booking a JOIN booking b
                  ON a.id <> b.id AND a.machine_id = b.machine_id
                 AND a.start_at < b.blocked_until AND b.start_at < a.blocked_until
                WHERE a.activity_session_id IS NOT NULL
                  AND b.status IN ('booked', 'in_progress', 'done')
                """
            )
        ).scalar_one()
    assert clashes == 0
    for t in trainings:
        assert held[t.id] == t.machine_id
        assert t.trainer in ANIMATORS


def test_seats_never_exceed_capacity_and_popular_trainings_have_a_waiting_list(year):
    sessions, regs = year
    by_session = {}
    for r in regs:
        by_session.setdefault(r["session_id"], []).append(r)
    fills = []
    for s in sessions:
        rows = by_session.get(s.id, [])
        seated = sum(r["headcount"] for r in rows if r["status"] == "registered")
        assert seated <= s.capacity, s
        waiting = sorted(
            (r for r in rows if r["status"] == "waiting"), key=lambda r: r["queued_at"]
        )
        if waiting:  # nobody waits while their group would fit
            assert waiting[0]["headcount"] > s.capacity - seated, s
        for r in rows:
            assert r["queued_at"] < s.start_at
            if r["status"] == "cancelled":
                assert r["queued_at"] <= r["cancelled_at"] < s.start_at
        if (
            s.start_at < local_dt(REFERENCE_DATE, 0)
            and s.kind != "event"
            and s.status != "cancelled"
        ):
            fills.append(seated / s.capacity)
    waiting_trainings = {
        s.id
        for s in sessions
        if s.kind == "machine_training"
        and any(r["status"] == "waiting" for r in by_session.get(s.id, []))
    }
    assert len(waiting_trainings) >= 3
    assert sum(r["status"] == "cancelled" for r in regs) >= 20
    assert 0.5 <= sum(fills) / len(fills) <= 0.95
    assert sum(f >= 0.35 for f in fills) >= 0.9 * len(fills) and min(fills) > 0


def test_registrations_are_dated_between_the_member_s_arrival_and_the_session(demo, year):
    db = demo[1]
    sessions, regs = year
    with db.read() as s:
        joined = dict(s.execute(select(Member.id, Member.created_at)).all())
    created = {s.id: s.created_at for s in sessions}
    for r in regs:
        assert created[r["session_id"]] <= r["queued_at"] == r["created_at"] <= r["updated_at"]
        if r["member_id"] is not None:
            assert joined[r["member_id"]] <= r["queued_at"]
        assert r["updated_at"] <= local_dt(REFERENCE_DATE, 0)


def test_school_visits_are_classes_of_the_demo_schools(demo, year):
    db = demo[1]
    sessions, regs = year
    with db.read() as s:
        schools = set(s.scalars(select(Member.id).where(Member.organisation_type == "school")))
    visits = {s.id for s in sessions if s.kind == "school_visit"}
    groups = [r for r in regs if r["session_id"] in visits]
    assert groups
    for r in groups:
        assert r["member_id"] is None and r["organisation_id"] in schools
        assert 12 <= r["headcount"] <= 28 and r["age_band"] in ("under_12", "12_17")
        assert r["responsible_name"].startswith(("Mme ", "M. "))
        assert r["price_cents"] == 6000  # a flat price per class


def test_past_sessions_have_attendance_and_upcoming_ones_none(year):
    sessions, regs = year
    today = local_dt(REFERENCE_DATE, 0)
    starts = {s.id: s.start_at for s in sessions}
    seated = [r for r in regs if r["status"] == "registered"]
    past = [r for r in seated if starts[r["session_id"]] < today]
    assert past and all(r["attendance"] is not None for r in past)
    assert all(r["attendance"] is None for r in regs if starts[r["session_id"]] >= today)
    marks = Counter(r["attendance"] for r in past)
    assert marks["present"] > 0.8 * len(past)
    assert marks["absent"] > 0 and marks["excused"] > 0
    assert all(r["attendance"] is None for r in regs if r["status"] != "registered")


def test_trainings_grant_authorizations_to_those_present(demo, year):
    db = demo[1]
    sessions, regs = year
    by_id = {s.id: s for s in sessions}
    granted = [r for r in regs if r["authorization_id"] is not None]
    assert len(granted) >= 20
    with db.read() as s:
        auths = {
            a.id: a
            for a in s.execute(
                select(
                    Authorization.id,
                    Authorization.member_id,
                    Authorization.machine_id,
                    Authorization.granted_on,
                    Authorization.trainer,
                )
            )
        }
        pairs = Counter((a.member_id, a.machine_id) for a in auths.values() if a.machine_id)
    for r in granted:
        session = by_id[r["session_id"]]
        auth = auths[r["authorization_id"]]
        assert session.kind == "machine_training" and r["attendance"] == "present"
        assert (auth.member_id, auth.machine_id) == (r["member_id"], session.machine_id)
        assert auth.granted_on == to_local(session.start_at).date() < REFERENCE_DATE
        assert auth.trainer in ANIMATORS
    assert max(pairs.values()) == 1  # nobody authorized twice on a machine


def test_registration_prices_are_the_ones_the_service_freezes(demo, year, tmp_path):
    """Re-registered through registrations.register on a copy, each sampled member pays
    what the demo recorded (public, membership, the activity's rule that day)."""
    sessions, regs = year
    by_id = {s.id: s for s in sessions}
    sample = {}
    for r in regs:
        kind = by_id[r["session_id"]].kind
        if r["member_id"] is not None and r["status"] == "registered" and r["attendance"] is None:
            sample.setdefault((kind, r["price_cents"]), r)
    assert {("machine_training", 2500), ("digital_workshop", 500)} <= set(sample)
    copy = tmp_path / "copy.sqlite"
    shutil.copy(demo[0], copy)
    db = open_database(str(copy), create=False)
    try:
        for r in sample.values():
            start = by_id[r["session_id"]].start_at
            registrations.cancel_registration(db, None, r["id"], now=start - timedelta(hours=1))
            result = registrations.register(
                db,
                None,
                RegistrationInput(session_id=r["session_id"], member_id=r["member_id"]),
                now=r["queued_at"],
            )
            assert result.price_cents == r["price_cents"], r
    finally:
        db.dispose()
    prices = Counter(
        (by_id[r["session_id"]].kind, r["price_cents"]) for r in regs if r["member_id"]
    )
    assert prices[("machine_training", 4000)] > 0  # non-members pay more
    assert prices[("digital_workshop", 0)] > 0  # free for job seekers
    assert {p for k, p in prices if k in ("open_lab", "repair_cafe")} == {0}


def test_cyber_base_drop_ins_on_most_opening_days(demo):
    db = demo[1]
    with db.read() as s:
        cyber = s.scalar(select(Space.id).where(Space.name == "Cyber-base"))
        rows = s.execute(select(*(getattr(DropIn, c.name) for c in DropIn.__table__.columns))).all()
        first = REFERENCE_DATE - timedelta(days=364)
        openings = opening_hours.openings(db, cyber, first, 364)
    rows = [r for r in rows if to_local(r.at).date() >= first]  # the last year's
    open_days = {d.day for d in openings if d.ranges}
    per_day = Counter(to_local(r.at).date() for r in rows)
    assert set(per_day) <= open_days  # never on a closed day
    assert len(per_day) >= 0.9 * len(open_days)
    assert 2000 <= len(rows) <= 4500
    assert max(per_day.values()) <= 15
    purposes = Counter(r.purpose for r in rows)
    assert len(purposes) >= 5 and purposes.most_common(1)[0][0] == "admin"
    helps = [r for r in rows if r.kind == "help"]
    assert 0.15 <= len(helps) / len(rows) <= 0.25
    assert {r.helper for r in helps} == set(data_activity.DROP_IN_HELPERS)
    assert all(r.helper == "" and r.vouchers == 0 for r in rows if r.kind == "visit")
    with_vouchers = sum(r.vouchers > 0 for r in helps)
    assert 0.05 * len(helps) <= with_vouchers <= 0.15 * len(helps)
    linked = [r for r in rows if r.member_id is not None]
    assert 0.05 * len(rows) <= len(linked) <= 0.15 * len(rows)
    assert len({r.commune for r in rows}) >= 10 and len({r.age_band for r in rows}) >= 6
    assert all(r.space_id == cyber and r.created_at == r.at for r in rows)
