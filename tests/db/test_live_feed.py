"""The change feed (issue 20, live refresh; db.changes): what one desk saves reaches the
other desks' readers with its entity and ids, in the transaction of the change — on
SQLite (a ``change_log`` row read by polling) and on PostgreSQL (NOTIFY). A second
``Database`` on the same file or URL stands for the other desk."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from tierslieu_desktop.db.changes import MAX_PAYLOAD, FeedReader, payload
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Machine, MachineCategory, Member, Space
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.scheduling.bookings import (
    BookingInput,
    cancel_booking,
    create_booking,
)

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 23 November 2026
DAY = date(2026, 11, 24)


def _park(db) -> tuple[int, int]:
    with db.write() as session:
        space = Space(name="Fablab", kind="fablab")
        category = MachineCategory(name="Découpe laser")
        session.add_all([space, category])
        session.flush()
        laser = Machine(name="Découpeuse laser", category_id=category.id, space_id=space.id)
        member = Member(number="A00001", first_name="Émilie", last_name="Delpech")
        session.add_all([laser, member])
        session.flush()
        return laser.id, member.id


def _booking(machine_id: int, member_id: int, hour: int = 10) -> BookingInput:
    start = local_dt(DAY, hour * 60)
    return BookingInput(
        start, start + timedelta(hours=1), machine_id=machine_id, member_id=member_id
    )


def _wait(reader: FeedReader, entity: str, seconds: float = 5.0) -> dict:
    """Everything received until ``entity`` arrived (or ``seconds`` passed)."""
    got: dict = {}
    end = time.monotonic() + seconds
    while time.monotonic() < end and entity not in got:
        got.update(reader.wait(0.5))
    return got


@pytest.fixture
def desks(db):
    """Desk A (the ``db`` fixture, its reader listening) and desk B on the same database."""
    other = open_database(db.target)
    reader = db.feed_reader()
    reader.open()
    yield db, other, reader
    reader.close()
    other.dispose()


def test_a_booking_saved_at_one_desk_reaches_the_other_with_its_id(desks):
    a, b, reader = desks
    laser, member = _park(b)
    _wait(reader, "machine")  # the park, seen
    booking_id = create_booking(b, None, _booking(laser, member), now=NOW)
    got = _wait(reader, "booking")
    assert got["booking"] == [booking_id]


def test_a_desk_does_not_hear_its_own_changes(desks):
    a, b, reader = desks
    laser, member = _park(a)
    create_booking(a, None, _booking(laser, member), now=NOW)
    assert reader.wait(1.0) == {}
    # and hears the other desk's next one, not its own before it
    other_id = create_booking(b, None, _booking(laser, member, hour=14), now=NOW)
    assert _wait(reader, "booking")["booking"] == [other_id]


def test_a_refused_booking_sends_nothing(desks):
    a, b, reader = desks
    laser, member = _park(a)
    create_booking(a, None, _booking(laser, member), now=NOW)
    with pytest.raises(DomainError):
        create_booking(b, None, _booking(laser, member), now=NOW)  # the same slot
    assert reader.wait(1.0) == {}


def test_a_cancellation_names_the_booking(desks):
    a, b, reader = desks
    laser, member = _park(a)
    booking_id = create_booking(a, None, _booking(laser, member), now=NOW)
    cancel_booking(b, None, booking_id, "Empêchée")
    assert _wait(reader, "booking")["booking"] == [booking_id]


def test_a_long_list_of_ids_becomes_everything_of_that_entity():
    body = payload("desk", {"member": set(range(1, 5000)), "booking": {3}})
    assert len(body.encode()) <= MAX_PAYLOAD
    assert '"member":"*"' in body and '"booking":[3]' in body


def test_a_listener_cut_off_by_the_server_says_so_and_listens_again(desks):
    """PostgreSQL: the server ends the listening connection (a restart, a network cut):
    ``wait`` raises FeedLost — the window then refreshes everything — and ``open``
    listens again, hearing the next change."""
    a, b, reader = desks
    if a.is_sqlite:
        pytest.skip("PostgreSQL's listening connection")
    from sqlalchemy import text

    from tierslieu_desktop.db.changes import FeedLost

    with b.engine.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()"
            )
        )
    with pytest.raises(FeedLost):
        for _ in range(10):
            reader.wait(0.5)
    assert not reader.is_open
    reader.open()
    laser, member = _park(b)
    assert "machine" in _wait(reader, "machine")


def test_a_value_set_back_to_what_it_was_sends_nothing(desks):
    a, b, reader = desks
    laser_id, _member_id = _park(a)
    with b.write() as s:
        laser = s.get(Machine, laser_id)
        laser.name = str(laser.name)  # the same value: the row "dirty", not modified
    assert reader.wait(1.0) == {}


def test_the_log_keeps_a_day_of_changes(db):
    """SQLite: a window that starts listening deletes the rows older than a day."""
    if not db.is_sqlite:
        pytest.skip("the change_log of a shared SQLite file")
    from sqlalchemy import func, insert, select

    from tierslieu_desktop.db.models import ChangeLog

    now = datetime.now(UTC)
    with db.engine.begin() as conn:
        conn.execute(
            insert(ChangeLog),
            [
                {"at": now - timedelta(days=2), "desk": "old", "payload": "{}"},
                {"at": now - timedelta(hours=2), "desk": "recent", "payload": "{}"},
            ],
        )
    reader = db.feed_reader()
    reader.open()
    reader.close()
    with db.read() as s:
        assert s.scalars(select(ChangeLog.desk)).all() == ["recent"]
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == 1


def test_a_bulk_statement_names_its_whole_table(desks):
    """The opening hours are replaced by a bulk DELETE then new rows: the other desk is
    told the space's opening hours changed (all of them: the bulk statement names no id)."""
    from tierslieu_desktop.services.park import opening_hours

    a, b, reader = desks
    with b.write() as s:
        space = Space(name="Fablab", kind="fablab")
        s.add(space)
        s.flush()
        space_id = space.id
    _wait(reader, "space")
    opening_hours.set_schedule(b, None, space_id, {0: [(540, 720)]})
    assert _wait(reader, "opening_hours")["opening_hours"] is None  # "*": everything
