"""The next free slots of a resource: what the desk proposes when a booking is refused
because the slot is taken ("the laser is free at 10:45, 14:00 or tomorrow 9:00").

Plain data for any screen: slots of the same duration, inside the opening hours of the
resource's space, on its slot step, clear of the holding bookings and their buffer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Booking
from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.park.opening_hours import day_opening
from tierslieu_desktop.services.scheduling.bookings import HOLDING, BookingInput, _resource

DEFAULT_GRID = 15  # minutes between proposals when the resource has no slot step


@dataclass(frozen=True)
class FreeSlot:
    start_at: datetime
    end_at: datetime


@guarded(Permission.BOOKINGS)
def next_free_slots(
    db: Database,
    data: BookingInput,
    *,
    now: datetime,
    count: int = 3,
    horizon_days: int = 14,
    exclude_id: int | None = None,
) -> list[FreeSlot]:
    """The first ``count`` free slots of ``data``'s resource, as long as ``data``, from
    its wanted start (never before ``now``) over ``horizon_days`` days; fewer (or none)
    when the resource is that busy or closed."""
    minutes = int((data.end_at - data.start_at).total_seconds() // 60)
    if minutes <= 0 or count <= 0:
        return []
    earliest = max(data.start_at, now)
    first_day, _minute = local_day_and_minute(earliest)
    last_day = first_day + timedelta(days=horizon_days - 1)
    with db.read() as session:
        res = _resource(session, data, lock=False)
        grid = res.step if res.step > 1 else DEFAULT_GRID
        buffer = timedelta(minutes=res.buffer)
        latest_start = now + timedelta(days=res.advance_days)
        stmt = select(Booking.start_at, Booking.blocked_until).where(
            Booking.status.in_(HOLDING),
            Booking.start_at < local_dt(last_day, 24 * 60) + buffer,
            Booking.blocked_until > earliest,
        )
        if data.machine_id is not None:
            stmt = stmt.where(Booking.machine_id == data.machine_id)
        else:
            stmt = stmt.where(Booking.space_id == data.space_id)
        if exclude_id is not None:
            stmt = stmt.where(Booking.id != exclude_id)
        taken = [(start, until) for start, until in session.execute(stmt)]
        found: list[FreeSlot] = []
        for offset in range(horizon_days):
            day = first_day + timedelta(days=offset)
            for open_start, open_end in day_opening(session, res.space_id, day).ranges:
                minute = -(-open_start // grid) * grid  # the first step inside the range
                while minute + minutes <= open_end:
                    start = local_dt(day, minute)
                    end = local_dt(day, minute + minutes)
                    blocked = end + buffer
                    if start > latest_start:
                        return found
                    if start >= earliest and not any(
                        s < blocked and until > start for s, until in taken
                    ):
                        found.append(FreeSlot(start, end))
                        if len(found) == count:
                            return found
                    minute += grid
        return found
