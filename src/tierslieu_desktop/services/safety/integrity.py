"""``tierslieu verify``: an integrity check that names what is wrong."""

from __future__ import annotations

from sqlalchemy import text

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import UTCDateTime
from tierslieu_desktop.domain.calendar import to_local

MAX_LISTED = 20  # problems of one kind named one by one; the rest are counted

# A booking that holds its resource (booked, in progress, done) starting before the end of
# the buffer of an earlier one on the same machine or space. One pass over the bookings
# ordered by start (a window function), so it stays fast on 200,000 bookings.
_OVERLAPS = text(
    """
    SELECT b.id, b.start_at, b.previous_end, m.name, s.name
    FROM (
        SELECT id, machine_id, space_id, start_at,
               MAX(blocked_until) OVER (
                   PARTITION BY machine_id, space_id
                   ORDER BY start_at, id
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
               ) AS previous_end
        FROM booking
        WHERE status IN ('booked', 'in_progress', 'done')
    ) AS b
    LEFT JOIN machine AS m ON m.id = b.machine_id
    LEFT JOIN space AS s ON s.id = b.space_id
    WHERE b.previous_end > b.start_at
    ORDER BY b.start_at, b.id
    """
).columns(start_at=UTCDateTime(), previous_end=UTCDateTime())


def verify(db: Database) -> list[str]:
    """Return a list of problems (empty when the database is sound); the invoicing
    ledger first, so that the first line names the first broken document."""
    from tierslieu_desktop.services.billing.ledger import verify_ledger

    problems: list[str] = verify_ledger(db)
    with db.read() as session:
        if db.is_sqlite:
            for (row,) in session.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(f"integrity_check: {row}")
            for row in session.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"clé étrangère cassée : table {row[0]}, ligne {row[1]} → {row[2]}")
        dup = session.execute(
            text("SELECT number, COUNT(*) FROM member GROUP BY number HAVING COUNT(*) > 1")
        ).all()
        problems.extend(f"numéro d'adhérent en double : {n} ({c} fois)" for n, c in dup)
        overlaps = session.execute(_OVERLAPS).all()
        for booking_id, start_at, _previous_end, machine, space in overlaps[:MAX_LISTED]:
            when = to_local(start_at).strftime("%d/%m/%Y %H:%M")
            problems.append(
                f"réservations qui se chevauchent : {machine or space}, "
                f"réservation n° {booking_id} du {when}"
            )
        if len(overlaps) > MAX_LISTED:
            problems.append(
                f"… et {len(overlaps) - MAX_LISTED} autres réservations qui se chevauchent"
            )
    return problems
