"""The maintenance log of a machine: what was done, when, by whom and what it cost.

Entries are facts about the past (a day in the future is refused); a wrong entry can be
removed. Costs are integer cents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Machine, MaintenanceEntry, Operator
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_version, soft_delete, stamp

DESCRIPTION_MAX = 2000
DONE_BY_MAX = 200


@dataclass(frozen=True)
class MaintenanceRow:
    id: int
    machine_id: int
    day: date
    description: str
    cost_cents: int
    done_by: str
    created_at: datetime
    created_by: str  # the operator who recorded it
    version: int = 1  # what remove_entry's expected_version is given


def validate_entry(
    day: date | None,
    description: str,
    cost_cents: int | None,
    done_by: str,
    *,
    today: date | None = None,
) -> tuple[date, str, int, str]:
    """Clean the fields of an entry; one ValidationError names every invalid field
    (day, description, cost, done_by)."""
    c = FieldCollector()
    c.text("description", description)
    c.text("done_by", done_by)
    description = description.strip()
    done_by = " ".join(done_by.split())
    if day is None:
        c.add("day", "required")
    elif day > (today or lab_today()):
        c.add("day", "date_in_future")
    if not description:
        c.add("description", "required")
    elif len(description) > DESCRIPTION_MAX:
        c.add("description", "too_long")
    if cost_cents is not None and cost_cents < 0:
        c.add("cost", "amount_negative")
    if len(done_by) > DONE_BY_MAX:
        c.add("done_by", "too_long")
    c.raise_if_any()
    assert day is not None
    return day, description, cost_cents or 0, done_by


@guarded(Permission.MAINTENANCE)
def add_entry(
    db: Database,
    actor: int | None,
    machine_id: int,
    day: date | None,
    description: str,
    cost_cents: int | None = 0,
    done_by: str = "",
    *,
    today: date | None = None,
) -> int:
    """Record a maintenance operation on a machine (archived machines too). Returns its id."""
    day, description, cost_cents, done_by = validate_entry(
        day, description, cost_cents, done_by, today=today
    )
    with db.write() as session:
        if session.get(Machine, machine_id) is None:
            raise NotFound("machine", machine_id)
        entry = MaintenanceEntry(
            machine_id=machine_id,
            day=day,
            description=description,
            cost_cents=cost_cents,
            done_by=done_by,
        )
        stamp(entry, actor, created=True)
        session.add(entry)
        session.flush()
        return entry.id


def list_entries(db: Database, machine_id: int) -> list[MaintenanceRow]:
    """The log of a machine, most recent first (same day: last recorded first)."""
    stmt = (
        select(MaintenanceEntry, Operator.name)
        .outerjoin(Operator, Operator.id == MaintenanceEntry.created_by_id)
        .where(MaintenanceEntry.machine_id == machine_id)
        .order_by(MaintenanceEntry.day.desc(), MaintenanceEntry.id.desc())
    )
    with db.read() as session:
        return [
            MaintenanceRow(
                id=e.id,
                machine_id=e.machine_id,
                day=e.day,
                description=e.description,
                cost_cents=e.cost_cents,
                done_by=e.done_by,
                created_at=e.created_at,
                created_by=name or "",
                version=e.version,
            )
            for e, name in session.execute(stmt)
        ]


@guarded(Permission.MAINTENANCE)
def remove_entry(
    db: Database,
    actor: int | None,
    entry_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> None:
    """Remove an entry recorded by mistake, for ``reason``: kept, marked deleted."""
    with db.write() as session:
        entry = session.get(MaintenanceEntry, entry_id)
        if entry is None or entry.deleted_at is not None:
            raise NotFound("maintenance_entry", entry_id)
        check_version(entry, expected_version)
        soft_delete(entry, actor, reason)
