"""Two desks, two real processes, one SQLite file: they race for the same machine slots.
For every slot exactly one booking is saved; the other desk gets the conflict."""

from __future__ import annotations

import multiprocessing as mp
import queue
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Booking, Machine, MachineCategory, Member, Space
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.scheduling.bookings import BookingInput, create_booking

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 23 November 2026
SLOTS = 20
TIMEOUT = 60  # seconds; the whole race takes a few


def slot(i: int, desk: str) -> tuple[datetime, datetime]:
    """The i-th slot as a desk asks for it: the same hour at both desks on even slots;
    on odd slots desk B asks 30 minutes later (still overlapping, buffer included)."""
    day = date(2026, 11, 24) + timedelta(days=i // 5)  # Tuesday to Friday, no holiday
    start = local_dt(day, (9 + 2 * (i % 5)) * 60)
    if desk == "B" and i % 2:
        start += timedelta(minutes=30)
    return start, start + timedelta(hours=1)


def _race(path: str, desk: str, member_id: int, machine_id: int, barrier, results) -> None:
    """Child process: book every slot, all together with the other desk."""
    db = open_database(path)
    outcome = []
    try:
        for i in range(SLOTS):
            start, end = slot(i, desk)
            data = BookingInput(start, end, machine_id=machine_id, member_id=member_id)
            barrier.wait(timeout=TIMEOUT)  # both desks press "Réserver" at the same moment
            try:
                create_booking(db, None, data, now=NOW)
            except DomainError as exc:
                outcome.append(exc.code)
            except Exception as exc:  # reported to the parent, which fails the test
                outcome.append(f"{type(exc).__name__}: {exc}")
            else:
                outcome.append("saved")
    finally:
        db.dispose()
        results.put((desk, outcome))


def _setup(path: str) -> tuple[int, int, int]:
    db = open_database(path)
    with db.write() as session:
        space = Space(name="Fablab", kind="fablab")
        category = MachineCategory(name="Découpe laser")
        session.add_all([space, category])
        session.flush()
        laser = Machine(
            name="Découpeuse laser", category_id=category.id, space_id=space.id, buffer_minutes=15
        )
        a = Member(number="A00001", first_name="Émilie", last_name="Delpech")
        b = Member(number="A00002", first_name="Jean", last_name="Lacoste")
        session.add_all([laser, a, b])
        session.flush()
        ids = laser.id, a.id, b.id
    db.dispose()
    return ids


def test_two_processes_racing_for_the_same_slots_never_both_get_one(tmp_path):
    path = str(tmp_path / "shared.sqlite")
    laser, emilie, jean = _setup(path)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    desks = [
        ctx.Process(target=_race, args=(path, "A", emilie, laser, barrier, results)),
        ctx.Process(target=_race, args=(path, "B", jean, laser, barrier, results)),
    ]
    for p in desks:
        p.start()
    try:
        outcomes = dict(results.get(timeout=TIMEOUT) for _ in desks)
    except queue.Empty:
        outcomes = {}
    for p in desks:
        p.join(timeout=TIMEOUT)
        if p.is_alive():
            p.kill()
    assert set(outcomes) == {"A", "B"}, "a desk did not report"
    assert all(p.exitcode == 0 for p in desks)
    for i, pair in enumerate(zip(outcomes["A"], outcomes["B"], strict=True)):
        assert sorted(pair) == ["booking_conflict", "saved"], (i, pair)

    db = open_database(path)
    with db.read() as session:
        saved = session.execute(
            select(Booking.start_at, Booking.member_id).order_by(Booking.start_at)
        ).all()
    db.dispose()
    assert len(saved) == SLOTS
    winners = {"A": emilie, "B": jean}
    for i, (start_at, member_id) in enumerate(saved):
        desk = "A" if outcomes["A"][i] == "saved" else "B"
        assert (start_at, member_id) == (slot(i, desk)[0], winners[desk])
    # Each desk won some slots: the two processes really were racing.
    assert 0 < outcomes["A"].count("saved") < SLOTS
