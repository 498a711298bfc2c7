"""Property: whatever sequence of create / move / resize / cancel a desk attempts, across
the nights when Paris changes clocks, the bookings that hold a machine (booked, in
progress, done) never overlap, buffers included — checked against a plain Python model
and in SQL — and a refused operation leaves the database exactly as it was."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Booking, BookingEvent, Machine, MachineCategory, Member
from tierslieu_desktop.db.models import Space as SpaceRow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.scheduling import bookings
from tierslieu_desktop.services.scheduling.bookings import BookingInput

NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)  # before both clock changes
QUARTER = timedelta(minutes=15)
# Local midnight (Paris) of the Saturday before each change: 28 March 2027 (02:00 → 03:00)
# and 31 October 2027 (03:00 → 02:00). Four days from there: Saturday to Tuesday.
WINDOWS = (
    datetime(2027, 3, 26, 23, 0, tzinfo=UTC),
    datetime(2027, 10, 29, 22, 0, tzinfo=UTC),
)
QUARTERS = 4 * 24 * 4
HOLDING = ("booked", "in_progress", "done")
# (buffer minutes, slot step, max duration): three machines with different rules
MACHINES = ((15, 15, 240), (30, 30, 480), (0, 15, 480))


@dataclass
class Lab:
    db: object
    machines: list[int]
    buffers: dict[int, int]
    member: int


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """One database for the whole property run; each example starts with no booking.
    The fablab has no weekly schedule (open day and night) and stays open on public
    holidays (Easter Monday and All Saints' Day follow the two changes)."""
    db = open_database(str(tmp_path_factory.mktemp("props") / "props.sqlite"))
    with db.write() as session:
        space = SpaceRow(name="Fablab", kind="fablab", closed_on_holidays=False)
        category = MachineCategory(name="Impression 3D")
        member = Member(number="A00001", first_name="Émilie", last_name="Delpech")
        session.add_all([space, category, member])
        session.flush()
        rows = [
            Machine(
                name=f"Machine {i}",
                category_id=category.id,
                space_id=space.id,
                buffer_minutes=buffer,
                slot_step_minutes=step,
                min_duration_minutes=15,
                max_duration_minutes=longest,
                max_advance_days=400,
            )
            for i, (buffer, step, longest) in enumerate(MACHINES)
        ]
        session.add_all(rows)
        session.flush()
        result = Lab(db, [m.id for m in rows], {m.id: m.buffer_minutes for m in rows}, member.id)
    yield result
    db.dispose()


# --- operations -------------------------------------------------------------------------

# A start anywhere in the four days, or (as often) in the night of the change itself —
# where bookings pile up and meet each other's buffers.
start_quarter = st.one_of(st.integers(0, QUARTERS - 1), st.integers(4 * 24, 4 * 28))
span = st.tuples(st.sampled_from(WINDOWS), start_quarter, st.integers(1, 24)).map(
    lambda t: (t[0] + t[1] * QUARTER, t[0] + (t[1] + t[2]) * QUARTER)
)
machine = st.integers(0, len(MACHINES) - 1)
ref = st.integers(0, 40)  # which booking made so far (modulo their number)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("create"), machine, span),
        # next to another booking: ending 0-2 quarters before it starts, or starting 0-2
        # quarters after it ends (only the buffers keep them apart)
        st.tuples(st.just("beside"), ref, st.booleans(), st.integers(0, 2), st.integers(1, 12)),
        st.tuples(st.just("move"), ref, span, st.one_of(st.none(), machine)),
        # dragged near another booking: on its machine, starting a few quarters before or
        # after its start, or ending just before it (where only the buffer separates them)
        st.tuples(st.just("drag"), ref, ref, st.integers(-8, 8), st.booleans()),
        st.tuples(st.just("resize"), ref, st.integers(1, 24)),
        st.tuples(st.just("cancel"), ref),
    ),
    min_size=8,
    max_size=30,
)


@dataclass
class Held:
    machine_id: int
    start_at: datetime
    end_at: datetime
    status: str


class Model:
    """What the database must hold, in plain Python."""

    def __init__(self, lab: Lab) -> None:
        self.lab = lab
        self.rows: dict[int, Held] = {}

    def blocked_until(self, machine_id: int, end_at: datetime) -> datetime:
        return end_at + timedelta(minutes=self.lab.buffers[machine_id])

    def clashes(self, machine_id: int, start_at: datetime, end_at: datetime, skip=None) -> bool:
        blocked = self.blocked_until(machine_id, end_at)
        return any(
            other_id != skip
            and b.machine_id == machine_id
            and b.status in HOLDING
            and b.start_at < blocked
            and start_at < self.blocked_until(b.machine_id, b.end_at)
            for other_id, b in self.rows.items()
        )

    def expected(self) -> dict[int, tuple]:
        return {
            i: (
                b.machine_id,
                b.start_at,
                b.end_at,
                self.blocked_until(b.machine_id, b.end_at),
                b.status,
            )
            for i, b in self.rows.items()
        }

    def assert_no_overlap(self) -> None:
        held = sorted(
            (b.machine_id, b.start_at, self.blocked_until(b.machine_id, b.end_at))
            for b in self.rows.values()
            if b.status in HOLDING
        )
        for (m1, _s1, e1), (m2, s2, _e2) in zip(held, held[1:], strict=False):
            assert m1 != m2 or e1 <= s2


def stored(lab: Lab) -> dict[int, tuple]:
    with lab.db.read() as session:
        return {
            r.id: (r.machine_id, r.start_at, r.end_at, r.blocked_until, r.status)
            for r in session.execute(
                select(
                    Booking.id,
                    Booking.machine_id,
                    Booking.start_at,
                    Booking.end_at,
                    Booking.blocked_until,
                    Booking.status,
                )
            )
        }


def sql_overlaps(lab: Lab) -> int:
    with lab.db.read() as session:
        return session.execute(
            text(
                """
                SELECT COUNT(*) FROM booking a JOIN booking b
                  ON a.id < b.id AND a.machine_id = b.machine_id
                 AND a.start_at < b.blocked_until AND b.start_at < a.blocked_until
                WHERE a.status IN ('booked', 'in_progress', 'done')
                  AND b.status IN ('booked', 'in_progress', 'done')
                """
            )
        ).scalar_one()


def run(lab: Lab, model: Model, op: tuple) -> str:
    """Attempt one operation like the desk would; keep the model in step with what the
    service accepted; return "ok" or the refusal's code."""
    kind = op[0]
    ids = list(model.rows)
    if kind == "beside" and ids:
        other = model.rows[ids[op[1] % len(ids)]]
        length, gap = op[4] * QUARTER, op[3] * QUARTER
        start_at = other.start_at - gap - length if op[2] else other.end_at + gap
        op = ("create", lab.machines.index(other.machine_id), (start_at, start_at + length))
        kind = "create"
    if kind == "create":
        machine_id = lab.machines[op[1]]
        start_at, end_at = op[2]
        clash = model.clashes(machine_id, start_at, end_at)
        data = BookingInput(start_at, end_at, machine_id=machine_id, member_id=lab.member)
        try:
            new_id = bookings.create_booking(lab.db, None, data, now=NOW)
        except (DomainError, ValidationError) as exc:
            code = getattr(exc, "code", "validation")
            assert code != "booking_conflict" or clash, "conflict reported on a free slot"
            return code
        assert not clash, "saved over a booking (or its buffer)"
        model.rows[new_id] = Held(machine_id, start_at, end_at, "booked")
        return "ok"
    if not ids:
        return "nothing"
    booking_id = ids[op[1] % len(ids)]
    held = model.rows[booking_id]
    if kind == "cancel":
        try:
            bookings.cancel_booking(lab.db, None, booking_id)
        except DomainError as exc:
            assert exc.code == "booking_closed" and held.status != "booked"
            return exc.code
        assert held.status == "booked"
        held.status = "cancelled"
        return "ok"
    machine_given = kind == "drag" or (kind == "move" and op[3] is not None)
    if kind == "move":
        start_at, end_at = op[2]
        machine_id = lab.machines[op[3]] if op[3] is not None else held.machine_id
    elif kind == "drag":
        other = model.rows[ids[op[2] % len(ids)]]
        duration = held.end_at - held.start_at
        if op[4]:
            start_at = other.start_at + op[3] * QUARTER
        else:
            start_at = other.start_at - duration - abs(op[3]) % 3 * QUARTER
        end_at = start_at + duration
        machine_id = other.machine_id
    else:  # resize: same start, another end
        start_at, machine_id = held.start_at, held.machine_id
        end_at = start_at + op[2] * QUARTER
    clash = model.clashes(machine_id, start_at, end_at, skip=booking_id)
    try:
        bookings.move_booking(
            lab.db,
            None,
            booking_id,
            start_at,
            end_at,
            machine_id=machine_id if machine_given else None,
            now=NOW,
        )
    except DomainError as exc:
        assert exc.code != "booking_conflict" or clash, "conflict reported on a free slot"
        if held.status != "booked":
            assert exc.code == "booking_closed"
        return exc.code
    assert held.status == "booked", "a cancelled booking was moved"
    assert not clash, "moved over a booking (or its buffer)"
    held.machine_id, held.start_at, held.end_at = machine_id, start_at, end_at
    return "ok"


SPRING = WINDOWS[0] + timedelta(days=1)  # local midnight, Sunday 28 March 2027
AUTUMN = WINDOWS[1] + timedelta(days=1)  # local midnight, Sunday 31 October 2027


def _h(base: datetime, hours: float) -> datetime:
    return base + timedelta(hours=hours)


EXPLICIT = [
    # 01:30 CET → 04:00 CEST: 90 real minutes across the missing hour
    ("create", 0, (_h(SPRING, 1.5), _h(SPRING, 3))),
    # the same machine right after its end: inside the 15 min buffer, refused
    ("create", 0, (_h(SPRING, 3), _h(SPRING, 3.5))),
    ("create", 1, (_h(SPRING, 1), _h(SPRING, 2))),  # another machine is free
    ("resize", 0, 12),  # the first one grows over nothing
    ("move", 1, (_h(SPRING, 2), _h(SPRING, 3)), 0),  # onto the first: refused
    ("cancel", 0),
    ("move", 1, (_h(SPRING, 2), _h(SPRING, 3)), 0),  # now free
    ("cancel", 0),  # already cancelled: refused
    # 02:30-03:00 happens twice on 31 October: both half-hours can be booked…
    ("create", 2, (_h(AUTUMN, 2.5), _h(AUTUMN, 3))),
    ("create", 2, (_h(AUTUMN, 3.5), _h(AUTUMN, 4))),
    # …and one hour across both of them cannot
    ("create", 2, (_h(AUTUMN, 2.75), _h(AUTUMN, 3.75))),
    # ending right when the next one starts: its own buffer would run into it
    ("create", 0, (_h(AUTUMN, 9), _h(AUTUMN, 10))),
    ("create", 0, (_h(AUTUMN, 8), _h(AUTUMN, 9))),
    ("create", 0, (_h(AUTUMN, 7.75), _h(AUTUMN, 8.75))),
]
EXPLICIT_OUTCOMES = [
    "ok",
    "booking_conflict",
    "ok",
    "ok",
    "booking_conflict",
    "ok",
    "ok",
    "booking_closed",
    "ok",
    "ok",
    "booking_conflict",
    "ok",
    "booking_conflict",
    "ok",
]


@settings(
    max_examples=100,
    deadline=None,
    # the autouse isolation of data dirs is function-scoped; the database is per example
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@example(ops=EXPLICIT)
@given(ops=operations)
def test_accepted_bookings_never_overlap_whatever_the_desk_attempts(lab, ops):
    with lab.db.write() as session:  # a fresh start for each example
        session.execute(delete(BookingEvent))
        session.execute(delete(Booking))
    model = Model(lab)
    outcomes = []
    for op in ops:
        before = stored(lab)
        outcome = run(lab, model, op)
        outcomes.append(outcome)
        event(f"{op[0]}: {outcome}")
        after = stored(lab)
        if outcome != "ok":
            assert after == before, f"refused {op[0]} changed the database"
        assert after == model.expected()
        model.assert_no_overlap()
        assert sql_overlaps(lab) == 0
    if ops is EXPLICIT:
        assert outcomes == EXPLICIT_OUTCOMES
