"""Real usage (passages): the consumables catalogue, check-out of a booking into a
``Usage`` (actual times and consumables, what later issues price and bill), and the
front desk's view of today (who is expected, who is in, who is late)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Booking,
    Consumable,
    Machine,
    MachineConsumable,
    Member,
    Usage,
    UsageConsumable,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import (
    FieldCollector,
    as_operator,
    check_version,
    fold,
    stamp,
)
from tierslieu_desktop.services.pricing.engine import charge_usage
from tierslieu_desktop.services.scheduling.bookings import (
    BookingRow,
    BookingStatus,
    _event,
    _row,
    _rows_stmt,
)

UNITS = ("gram", "sheet", "metre", "square_metre", "kilostitch", "piece")
# A check-out may be recorded a few minutes ahead (rounded to the next 5 minutes).
FUTURE_GRACE = timedelta(minutes=5)
# A member not there 15 minutes after the start of their booking is late.
LATE_ARRIVAL = timedelta(minutes=15)
# Check-outs forgotten on previous days are still listed at the front desk.
FORGOTTEN_DAYS = 30
# No booking spans more than this (a day of the lab): bounds the read of a day.
LONGEST_BOOKING = timedelta(days=2)
MAX_QUANTITY_MILLI = 10**12


# --- consumables catalogue ---------------------------------------------------------------


@dataclass(frozen=True)
class ConsumableRow:
    id: int
    name: str
    unit: str  # one of UNITS
    archived: bool
    machine_ids: tuple[int, ...]  # the machines that offer it at check-out
    version: int = 1  # what save_consumable's / set_consumable_archived's expected_version is


def _consumable_rows(session: Session, stmt: Select[Consumable]) -> list[ConsumableRow]:
    consumables = list(session.scalars(stmt))
    links: dict[int, list[int]] = {c.id: [] for c in consumables}
    if links:
        pairs = session.execute(
            select(MachineConsumable.consumable_id, MachineConsumable.machine_id)
            .where(MachineConsumable.consumable_id.in_(list(links)))
            .order_by(MachineConsumable.machine_id)
        )
        for consumable_id, machine_id in pairs:
            links[consumable_id].append(machine_id)
    return [
        ConsumableRow(c.id, c.name, c.unit, c.archived, tuple(links[c.id]), c.version)
        for c in consumables
    ]


def list_consumables(db: Database, include_archived: bool = False) -> list[ConsumableRow]:
    """The catalogue, in its order (position, then name)."""
    stmt = select(Consumable).order_by(Consumable.position, Consumable.name)
    if not include_archived:
        stmt = stmt.where(Consumable.archived.is_(False))
    with db.read() as session:
        return _consumable_rows(session, stmt)


def consumables_for_machine(db: Database, machine_id: int) -> list[ConsumableRow]:
    """The consumables offered at the check-out of ``machine_id`` (archived ones left out)."""
    stmt = (
        select(Consumable)
        .join(MachineConsumable, MachineConsumable.consumable_id == Consumable.id)
        .where(MachineConsumable.machine_id == machine_id, Consumable.archived.is_(False))
        .order_by(Consumable.position, Consumable.name)
    )
    with db.read() as session:
        return _consumable_rows(session, stmt)


@guarded(Permission.PARK)
def save_consumable(
    db: Database,
    actor: int | None,
    name: str,
    unit: str,
    consumable_id: int | None = None,
    *,
    expected_version: int | None = None,
    stock: tuple[int | None, int | None] | None = None,
) -> int:
    """Create (``consumable_id`` None, placed last) or rename a consumable. Its unit can
    only change while no usage recorded a quantity of it. ``stock``: its stock and
    low-stock threshold in thousandths of its unit (None each: not followed), saved in
    the same transaction as the name — None leaves them as they are. Returns its id."""
    return _save_consumable_impl(
        db, actor, name, unit, consumable_id, expected_version=expected_version, stock=stock
    )


def _save_consumable_impl(
    db: Database,
    actor: int | None,
    name: str,
    unit: str,
    consumable_id: int | None = None,
    *,
    expected_version: int | None = None,
    stock: tuple[int | None, int | None] | None = None,
) -> int:
    from tierslieu_desktop.services.pricing.catalogue import apply_stock, check_stock

    c = FieldCollector()
    if stock is not None:
        check_stock(c, *stock)
    c.text("name", name)
    name = " ".join(name.split())
    if not name:
        c.add("name", "required")
    elif len(name) > 120:
        c.add("name", "too_long")
    if unit not in UNITS:
        c.add("unit", "required")
    with db.write() as session:
        as_operator(session, actor)  # no audit columns: the journal's operator
        if name and any(
            fold(other) == fold(name) and other_id != consumable_id
            for other_id, other in session.execute(select(Consumable.id, Consumable.name))
        ):
            c.add("name", "name_taken")
        consumable = None
        if consumable_id is not None:
            consumable = session.get(Consumable, consumable_id)
            if consumable is None:
                raise NotFound("consumable", consumable_id)
            typed: dict[str, object] = {"name": name, "unit": unit}
            if stock is not None:
                typed.update(stock_milli=stock[0], low_stock_milli=stock[1])
            check_version(consumable, expected_version, typed)
            if unit in UNITS and unit != consumable.unit and _used(session, consumable_id):
                c.add("unit", "unit_in_use")
        c.raise_if_any()
        if consumable is None:
            last = session.scalar(select(func.max(Consumable.position))) or 0
            consumable = Consumable(name=name, unit=unit, position=last + 1)
            session.add(consumable)
        else:
            consumable.name, consumable.unit = name, unit
        if stock is not None:
            apply_stock(consumable, *stock)
        session.flush()
        return consumable.id


def _used(session: Session, consumable_id: int) -> bool:
    stmt = select(UsageConsumable.id).where(UsageConsumable.consumable_id == consumable_id)
    return session.scalar(stmt.limit(1)) is not None


@guarded(Permission.PARK)
def set_consumable_archived(
    db: Database,
    actor: int | None,
    consumable_id: int,
    archived: bool,
    *,
    expected_version: int | None = None,
) -> None:
    """An archived consumable is no longer offered at check-out; past usages keep it."""
    with db.write() as session:
        as_operator(session, actor)  # no audit columns: the journal's operator
        consumable = session.get(Consumable, consumable_id)
        if consumable is None:
            raise NotFound("consumable", consumable_id)
        check_version(consumable, expected_version, {"archived": archived})
        consumable.archived = archived


@guarded(Permission.PARK)
def set_machine_consumables(
    db: Database, actor: int | None, machine_id: int, consumable_ids: Iterable[int]
) -> None:
    """Exactly these consumables are offered at the check-out of ``machine_id``."""
    return _set_machine_consumables_impl(db, actor, machine_id, consumable_ids)


def _set_machine_consumables_impl(
    db: Database, actor: int | None, machine_id: int, consumable_ids: Iterable[int]
) -> None:
    wanted = set(consumable_ids)
    with db.write() as session:
        as_operator(session, actor)  # no audit columns: the journal's operator
        if session.get(Machine, machine_id) is None:
            raise NotFound("machine", machine_id)
        known = set(session.scalars(select(Consumable.id).where(Consumable.id.in_(wanted))))
        missing = sorted(wanted - known)
        if missing:
            raise NotFound("consumable", missing[0])
        current = set(
            session.scalars(
                select(MachineConsumable.consumable_id).where(
                    MachineConsumable.machine_id == machine_id
                )
            )
        )
        if current - wanted:
            session.execute(
                delete(MachineConsumable).where(
                    MachineConsumable.machine_id == machine_id,
                    MachineConsumable.consumable_id.in_(current - wanted),
                )
            )
        for consumable_id in sorted(wanted - current):
            session.add(MachineConsumable(machine_id=machine_id, consumable_id=consumable_id))


_QUANTITY = re.compile(r"^([+-]?)(\d*)(?:[.,](\d{0,3}))?$")


def parse_quantity_milli(text: str) -> int | None:
    """A quantity typed at the desk, in thousandths: "12,5" or "12.5" → 12500, "1 250" →
    1250000. None when the text is not a number with at most 3 decimals."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    match = _QUANTITY.match(compact)
    if match is None or not re.search(r"\d", compact):
        return None
    sign, whole, decimals = match.groups()
    value = int(whole or 0) * 1000 + int((decimals or "").ljust(3, "0"))
    if value > MAX_QUANTITY_MILLI:
        return None
    return -value if sign == "-" else value


# --- check-out ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UsageConsumableRow:
    consumable_id: int
    name: str
    unit: str
    quantity_milli: int


@dataclass(frozen=True)
class UsageRow:
    id: int
    booking_id: int | None
    machine_id: int | None
    space_id: int | None
    member_id: int | None
    organisation_id: int | None
    headcount: int
    start_at: datetime
    end_at: datetime
    minutes: int
    note: str
    consumables: tuple[UsageConsumableRow, ...]
    version: int = 1  # what correct_usage's expected_version is given


@guarded(Permission.BOOKINGS)
def check_out(
    db: Database,
    actor: int | None,
    booking_id: int,
    start_at: datetime,
    end_at: datetime,
    consumables: Iterable[tuple[int, int]] = (),
    note: str = "",
    *,
    now: datetime | None = None,
) -> int:
    """Record what really happened, in one transaction: a ``Usage`` with its actual times
    and consumables (``(consumable_id, quantity in thousandths)``), the booking done
    (checked in at ``start_at`` first if it was still only booked), and the machine's
    hour counter moved by the actual duration, and the usage priced and charged
    (services.pricing.engine.charge_usage: frozen lines, quotas, packs, stock). Returns the
    usage id."""
    if start_at.tzinfo is None or end_at.tzinfo is None:
        raise ValueError("aware datetimes only")
    now = now or utcnow()
    lines = list(consumables)
    with db.write() as session:
        booking = session.get(Booking, booking_id)
        if booking is None:
            raise NotFound("booking", booking_id)
        if booking.status not in (BookingStatus.BOOKED, BookingStatus.IN_PROGRESS):
            raise DomainError("booking_closed", status=booking.status)
        c = FieldCollector()
        c.text("note", note)
        if end_at <= start_at:
            c.add("end_at", "end_before_start")
        elif end_at > now + FUTURE_GRACE:
            c.add("end_at", "date_in_future")
        quantities: dict[int, int] = {}
        for consumable_id, quantity in lines:
            if quantity <= 0 or quantity > MAX_QUANTITY_MILLI:
                c.add(f"consumable_{consumable_id}", "number_invalid")
            else:
                quantities[consumable_id] = quantities.get(consumable_id, 0) + quantity
        c.raise_if_any()
        for consumable_id in quantities:
            if session.get(Consumable, consumable_id) is None:
                raise NotFound("consumable", consumable_id)

        if booking.status == BookingStatus.BOOKED:
            booking.status = BookingStatus.IN_PROGRESS
            booking.checked_in_at = start_at
            _event(session, booking, actor, "checked_in", "at check-out")
        minutes = int((end_at - start_at).total_seconds() // 60)
        detail = ""
        if booking.start_at < end_at < booking.end_at:
            # Left early: the rest of the slot is free again (the buffer still follows).
            buffer = booking.blocked_until - booking.end_at
            detail = f"planned end: {booking.end_at.isoformat()}"
            booking.end_at, booking.blocked_until = end_at, end_at + buffer
        booking.status = BookingStatus.DONE
        stamp(booking, actor)
        _event(session, booking, actor, "checked_out", detail)

        usage = Usage(
            booking_id=booking.id,
            machine_id=booking.machine_id,
            space_id=booking.space_id,
            member_id=booking.member_id,
            organisation_id=booking.organisation_id,
            headcount=booking.headcount,
            start_at=start_at,
            end_at=end_at,
            minutes=minutes,
            note=note.strip(),
        )
        stamp(usage, actor, created=True)
        session.add(usage)
        session.flush()
        for consumable_id, quantity in quantities.items():
            session.add(
                UsageConsumable(
                    usage_id=usage.id, consumable_id=consumable_id, quantity_milli=quantity
                )
            )
        if booking.machine_id is not None:
            machine = session.get(Machine, booking.machine_id)
            if machine is not None:
                machine.hour_counter_minutes += minutes
                stamp(machine, actor)
        session.flush()
        # Priced with the rules of its local day and frozen in the same transaction.
        charge_usage(session, usage.id, actor)
        return usage.id


def _usage_rows(session: Session, stmt: Select[Usage]) -> list[UsageRow]:
    usages = list(session.scalars(stmt))
    lines: dict[int, list[UsageConsumableRow]] = {u.id: [] for u in usages}
    if lines:
        result = session.execute(
            select(UsageConsumable, Consumable.name, Consumable.unit)
            .join(Consumable, Consumable.id == UsageConsumable.consumable_id)
            .where(UsageConsumable.usage_id.in_(list(lines)))
            .order_by(Consumable.position, Consumable.name)
        )
        for line, name, unit in result:
            lines[line.usage_id].append(
                UsageConsumableRow(line.consumable_id, name, unit, line.quantity_milli)
            )
    return [
        UsageRow(
            id=u.id,
            booking_id=u.booking_id,
            machine_id=u.machine_id,
            space_id=u.space_id,
            member_id=u.member_id,
            organisation_id=u.organisation_id,
            headcount=u.headcount,
            start_at=u.start_at,
            end_at=u.end_at,
            minutes=u.minutes,
            note=u.note,
            consumables=tuple(lines[u.id]),
            version=u.version,
        )
        for u in usages
    ]


@guarded(Permission.BOOKINGS)
def get_usage(db: Database, usage_id: int) -> UsageRow:
    return _get_usage_impl(db, usage_id)


def _get_usage_impl(db: Database, usage_id: int) -> UsageRow:
    with db.read() as session:
        rows = _usage_rows(session, select(Usage).where(Usage.id == usage_id))
    if not rows:
        raise NotFound("usage", usage_id)
    return rows[0]


@guarded(Permission.BOOKINGS)
def usage_of_booking(db: Database, booking_id: int) -> UsageRow | None:
    with db.read() as session:
        rows = _usage_rows(session, select(Usage).where(Usage.booking_id == booking_id))
    return rows[0] if rows else None


@guarded(Permission.BOOKINGS)
def usages_of_day(db: Database, day: date) -> list[UsageRow]:
    """Usages that started on the local ``day``, in order."""
    start, end = local_day_bounds(day)
    stmt = (
        select(Usage)
        .where(Usage.start_at >= start, Usage.start_at < end)
        .order_by(Usage.start_at, Usage.id)
    )
    with db.read() as session:
        return _usage_rows(session, stmt)


# --- today at the front desk -------------------------------------------------------------


@dataclass(frozen=True)
class TodayRow:
    booking: BookingRow
    expected: bool  # booked, not late yet
    present: bool  # checked in, not late to leave
    late_to_check_out: bool  # in progress and its end is past
    late_arrival: bool  # booked and its start is more than 15 min past
    done: bool
    earlier_day: bool  # a check-out forgotten on a previous day


@dataclass(frozen=True)
class TodayOverview:
    day: date
    rows: tuple[TodayRow, ...]
    expected: int
    present: int
    late_to_check_out: int
    late_arrivals: int
    done: int


def _today_row(row: BookingRow, now: datetime, day_start: datetime) -> TodayRow:
    booked = row.status == BookingStatus.BOOKED
    in_progress = row.status == BookingStatus.IN_PROGRESS
    late_out = in_progress and row.end_at < now
    late_in = booked and row.start_at < now - LATE_ARRIVAL
    return TodayRow(
        booking=row,
        expected=booked and not late_in,
        present=in_progress and not late_out,
        late_to_check_out=late_out,
        late_arrival=late_in,
        done=row.status == BookingStatus.DONE,
        earlier_day=row.end_at <= day_start,
    )


_TodayStmt = Select[Booking, str, str, Member, str]


def today_stmts(day: date) -> tuple[_TodayStmt, _TodayStmt]:
    """(forgotten check-outs, the day's bookings outside sessions), both bounded on the
    start: by ``ix_booking_start`` and ``ix_booking_session_start`` (session IS NULL,
    then start) — fast on ten years of bookings."""
    start, end = local_day_bounds(day)
    stmt, _org, _ = _rows_stmt()
    forgotten = stmt.where(
        Booking.status == BookingStatus.IN_PROGRESS,
        Booking.start_at >= start - timedelta(days=FORGOTTEN_DAYS),
        Booking.start_at < start,
        Booking.end_at <= start,
    )
    of_day = stmt.where(
        Booking.activity_session_id.is_(None),  # a session's machines: see the Activité page
        Booking.start_at >= start - LONGEST_BOOKING,
        Booking.start_at < end,
        Booking.end_at > start,
    )
    order = (Booking.start_at, Booking.id)
    return forgotten.order_by(*order), of_day.order_by(*order)


def today_overview(db: Database, day: date, now: datetime | None = None) -> TodayOverview:
    """Every booking of the local ``day`` in order of start, with who is expected, in,
    late to arrive or late to check out at ``now``; check-outs forgotten on the previous
    days come first (still in progress, end past)."""
    now = now or utcnow()
    start, _end = local_day_bounds(day)
    forgotten, of_day = today_stmts(day)
    with db.read() as session:
        found = [_row(*r) for query in (forgotten, of_day) for r in session.execute(query)]
    rows = [_today_row(r, now, start) for r in found]
    return TodayOverview(
        day=day,
        rows=tuple(rows),
        expected=sum(r.expected for r in rows),
        present=sum(r.present for r in rows),
        late_to_check_out=sum(r.late_to_check_out for r in rows),
        late_arrivals=sum(r.late_arrival for r in rows),
        done=sum(r.done for r in rows),
    )
