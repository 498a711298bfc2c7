"""``tierslieu verify``: an integrity check that names what is wrong."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from tierslieu_desktop.db.engine import SQLITE_CORRUPT, SQLITE_NOTADB, Database
from tierslieu_desktop.db.models import UTCDateTime
from tierslieu_desktop.domain.findings import Finding
from tierslieu_desktop.services.safety.anchors import compare

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


@dataclass(frozen=True)
class Damage:
    """What could still be read of a damaged file: SQLite's own error, the lines of its
    integrity check, and the rows of each table (None: the table cannot be read)."""

    error: str
    checks: tuple[str, ...]
    counts: tuple[tuple[str, int | None], ...]


class DatabaseDamaged(Exception):
    """The file has unreadable pages (SQLite says the image is malformed)."""

    def __init__(self, damage: Damage) -> None:
        self.damage = damage
        super().__init__(damage.error)


def is_damage(exc: BaseException) -> bool:
    """An error of SQLite that means the file itself is damaged (not busy, not locked)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)


def damage_report(db: Database, error: str) -> Damage:
    """Read what can be read, each step on its own so that one bad page hides nothing
    else: the integrity check's lines (at most ``MAX_LISTED``), then each table's rows."""
    checks: list[str] = []
    counts: list[tuple[str, int | None]] = []
    try:
        _read_what_can_be_read(db, checks, counts)
    except DatabaseError as exc:  # not even a connection: nothing more to read
        checks.append(str(getattr(exc, "orig", exc)))
    return Damage(error, tuple(checks), tuple(counts))


def _read_what_can_be_read(
    db: Database, checks: list[str], counts: list[tuple[str, int | None]]
) -> None:
    with db.engine.connect() as conn:
        try:
            for (row,) in conn.exec_driver_sql(f"PRAGMA integrity_check({MAX_LISTED})"):
                if row != "ok":
                    checks.append(str(row))
        except DatabaseError as exc:
            checks.append(str(getattr(exc, "orig", exc)))
        try:
            tables = [
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
        except DatabaseError:
            tables = []
        for name in tables:
            try:
                quoted = name.replace('"', '""')
                count = conn.exec_driver_sql(f'SELECT COUNT(*) FROM "{quoted}"').scalar()
                counts.append((name, int(count or 0)))
            except DatabaseError:
                counts.append((name, None))


def quick_check(db: Database) -> list[str]:
    """SQLite's quick check (pages and structure, no index contents): an empty list when
    the file is sound, else what it says. Never raises on a damaged file."""
    if not db.is_sqlite:
        return []
    try:
        with db.engine.connect() as conn:
            rows = [str(r[0]) for r in conn.exec_driver_sql(f"PRAGMA quick_check({MAX_LISTED})")]
    except DatabaseError as exc:
        if not is_damage(exc):
            raise
        return [str(getattr(exc, "orig", exc))]
    return [] if rows == ["ok"] else rows


def verify(
    db: Database, anchors: Sequence[Path] = (), notes: list[Finding] | None = None
) -> list[Finding]:
    """Return a list of problems as findings (worded by ``i18n.findings``) (empty when the database is sound); the invoicing
    ledger first, so that the first line names the first broken document, then the
    comparison with the anchor logs outside the file (services.safety.anchors: the data
    folder, the backup folder, and each folder of ``anchors``). What is worth saying
    but is no tampering (no anchor log found, entries not anchored yet, documents lost
    by a restore) is appended to ``notes``. A file with unreadable pages raises
    ``DatabaseDamaged`` with what could still be read."""
    try:
        footprints: dict[int, str] = {}  # the chain as the ledger's check read it
        problems = _verify(db, footprints)
        report = compare(db, anchors, footprints)
    except DatabaseError as exc:
        if not (db.is_sqlite and is_damage(exc)):
            raise
        raise DatabaseDamaged(damage_report(db, str(getattr(exc, "orig", exc)))) from None
    if notes is not None:
        notes.extend(report.notes)
    return problems + report.problems


def _integrity_check(db: Database) -> list[str]:
    """What ``PRAGMA integrity_check`` says is wrong (nothing when the file is sound)."""
    with db.engine.connect() as conn:
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows


def _verify(db: Database, footprints: dict[int, str] | None = None) -> list[Finding]:
    from tierslieu_desktop.services.billing.ledger import verify_ledger

    # SQLite's whole-file check runs in C without the interpreter lock: on its own
    # connection, beside the ledger's check (Python hashing), not after it.
    with ThreadPoolExecutor(max_workers=1) as pool:
        file_check = pool.submit(_integrity_check, db) if db.is_sqlite else None
        problems: list[Finding] = verify_ledger(db, footprints)
        if file_check is not None:
            problems.extend(
                Finding("sqlite_integrity", {"detail": row}) for row in file_check.result()
            )
    with db.read() as session:
        if db.is_sqlite:
            for row in session.execute(text("PRAGMA foreign_key_check")):
                problems.append(
                    Finding("foreign_key", {"table": row[0], "row": row[1], "parent": row[2]})
                )
        dup = session.execute(
            text("SELECT number, COUNT(*) FROM member GROUP BY number HAVING COUNT(*) > 1")
        ).all()
        problems.extend(
            Finding("member_number_duplicate", {"number": n, "count": c}) for n, c in dup
        )
        overlaps = session.execute(_OVERLAPS).all()
        for booking_id, start_at, _previous_end, machine, space in overlaps[:MAX_LISTED]:
            problems.append(
                Finding(
                    "booking_overlap",
                    {"resource": machine or space, "booking": booking_id, "start": start_at},
                )
            )
        if len(overlaps) > MAX_LISTED:
            problems.append(Finding("booking_overlap_more", {"count": len(overlaps) - MAX_LISTED}))
    return problems


def _failed(detail: str) -> Finding:
    """The check itself could not run (a busy database, an unexpected error)."""
    return Finding("check_failed", {"detail": detail})


@dataclass(frozen=True)
class StartupCheck:
    """What the window's background check found: ``damage`` (SQLite's quick check: the
    file itself), ``ledger`` (the integrity chain, the numbering, the closings, the
    protective triggers and the comparison with the anchor logs outside the file) and
    ``notes`` (no anchor log found, entries not anchored yet, sales lost by a restore)."""

    damage: tuple[str, ...] = ()
    ledger: tuple[Finding, ...] = ()
    notes: tuple[Finding, ...] = ()


def startup_check(db: Database) -> StartupCheck:
    """The window's check at start, off the GUI thread: the quick check, then (on a sound
    file) the anchor log caught up with what was sealed since it was last written (a line
    lost in a crash; never over a rewritten past) and the ledger compared with its
    anchors. Never raises: an unexpected error is one line of ``ledger`` or ``damage``."""
    from tierslieu_desktop.services.billing.ledger import verify_ledger
    from tierslieu_desktop.services.safety.anchors import sync

    try:
        damage = quick_check(db)
    except Exception as exc:  # busy or locked: not damage, but worth saying
        return StartupCheck(damage=(str(exc),))
    if damage:
        return StartupCheck(damage=tuple(damage))
    notes: list[Finding] = []
    try:
        try:
            sync(db)
        except OSError as exc:
            notes.append(Finding("anchor_log_unwritten", {"detail": str(exc)}))
        footprints: dict[int, str] = {}
        problems = verify_ledger(db, footprints)
        report = compare(db, (), footprints)
    except DatabaseError as exc:
        if db.is_sqlite and is_damage(exc):
            return StartupCheck(damage=(str(getattr(exc, "orig", exc)),))
        return StartupCheck(ledger=(_failed(str(getattr(exc, "orig", exc))),))
    except Exception as exc:  # never a crash at start: said in the banner
        return StartupCheck(ledger=(_failed(f"{type(exc).__name__}: {exc}"),))
    return StartupCheck(ledger=tuple(problems + report.problems), notes=tuple(notes + report.notes))
