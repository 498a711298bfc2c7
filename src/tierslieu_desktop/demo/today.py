"""The demo's today as a real desk would have left it at the time the demo is built:
the bookings of the day already over were checked in and out (their usages recorded and
priced, as a check-out does), the ones under way are checked in. Without it, a demo opened
in the afternoon showed every morning booking in red, "late", and nobody present.

Through the services (bookings.check_in, usages.check_out), after the demo is written."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.scheduling import bookings, usages
from tierslieu_desktop.services.scheduling.bookings import BookingStatus


def settle_today(db: Database, actor: int, now: datetime, seed: int) -> tuple[int, int]:
    """Check in (and out when over) today's bookings that started before ``now``.
    Returns (checked in and still there, checked out)."""
    rng = random.Random(seed)
    start, end = bookings.local_date_range(bookings.local_day_of(now))
    rows = bookings.list_bookings(db, start, end, statuses=(BookingStatus.BOOKED,))
    present = done = 0
    for row in sorted(rows, key=lambda r: (r.start_at, r.id)):
        if row.start_at >= now:
            continue
        arrival = min(row.start_at + timedelta(minutes=rng.randint(0, 8)), now)
        try:
            if row.end_at <= now:
                departure = row.end_at - timedelta(minutes=rng.randint(0, 10))
                departure = max(departure, arrival + timedelta(minutes=5))
                usages.check_out(db, actor, row.id, arrival, departure, now=departure)
                done += 1
            else:
                bookings.check_in(db, actor, row.id, at=arrival)
                present += 1
        except DomainError:
            continue  # a rule of the day (a machine taken out of service…): left as it is
    return present, done
