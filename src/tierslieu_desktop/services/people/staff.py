"""The staff and volunteers running the lab (salariés, bénévoles, volontaires en service
civique), for the funders' head-count and hours (issue 16).

Hours of a period: each person's hours a month × the months of the period they were
there (days present × 12 ÷ 365), rounded to the hour; head-count: the people present at
least one day of the period. Volunteering valued in money stays in the in-kind
contributions (services.finance.funding); this is the head-count and the time only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import StaffMember
from tierslieu_desktop.domain.enums import StaffKind
from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.reports import StaffLine
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_version, stamp

MAX_HOURS_PER_MONTH = 744  # 31 days × 24 h


@dataclass(frozen=True)
class StaffInput:
    name: str
    kind: StaffKind
    hours_per_month: int
    start_date: date
    end_date: date | None = None
    role: str = ""


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    kind: StaffKind
    role: str
    hours_per_month: int
    start_date: date
    end_date: date | None
    version: int = 1  # what save_staff's / delete_staff's expected_version is given


@guarded(Permission.SETTINGS)
def list_staff(db: Database) -> list[StaffRow]:
    """Everyone, present first then by name."""
    with db.read() as s:
        rows = s.scalars(select(StaffMember).order_by(StaffMember.name)).all()
        out = [
            StaffRow(
                r.id,
                r.name,
                StaffKind(r.kind),
                r.role,
                r.hours_per_month,
                r.start_date,
                r.end_date,
                r.version,
            )
            for r in rows
        ]
    return sorted(out, key=lambda r: (r.end_date is not None, r.name.casefold()))


def validate_staff(data: StaffInput) -> StaffInput:
    c = FieldCollector()
    c.texts(data)
    name = data.name.strip()
    if not name:
        c.add("name", "required")
    if not 0 <= data.hours_per_month <= MAX_HOURS_PER_MONTH:
        c.add("hours_per_month", "out_of_range")
    if data.end_date is not None and data.end_date < data.start_date:
        c.add("end_date", "end_before_start")
    c.raise_if_any()
    return StaffInput(
        name=name,
        kind=StaffKind(data.kind),
        hours_per_month=data.hours_per_month,
        start_date=data.start_date,
        end_date=data.end_date,
        role=data.role.strip(),
    )


@guarded(Permission.SETTINGS)
def save_staff(
    db: Database,
    actor: int | None,
    data: StaffInput,
    staff_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Create (``staff_id`` None) or update a person. Returns the id."""
    clean = validate_staff(data)
    with db.write() as s:
        return save_staff_in(s, actor, clean, staff_id, expected_version=expected_version)


def save_staff_in(
    s: Session,
    actor: int | None,
    data: StaffInput,
    staff_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """``save_staff`` in the caller's transaction (the demo); ``data`` already valid."""
    row: StaffMember | None
    if staff_id is None:
        row = StaffMember()
        s.add(row)
        stamp(row, actor, created=True)
    else:
        row = s.get(StaffMember, staff_id)
        if row is None:
            raise NotFound("staff_member", staff_id)
        check_version(row, expected_version, data)
        stamp(row, actor)
    row.name = data.name
    row.kind = StaffKind(data.kind).value
    row.role = data.role
    row.hours_per_month = data.hours_per_month
    row.start_date = data.start_date
    row.end_date = data.end_date
    s.flush()
    return row.id


@guarded(Permission.SETTINGS)
def delete_staff(db: Database, staff_id: int, *, expected_version: int | None = None) -> None:
    """Remove a person entered by mistake (someone who left gets an end date instead)."""
    with db.write() as s:
        row = s.get(StaffMember, staff_id)
        if row is None:
            raise NotFound("staff_member", staff_id)
        check_version(row, expected_version)
        s.delete(row)


def staff_totals(s: Session, first_day: date, last_day: date) -> tuple[StaffLine, ...]:
    """Head-count and hours of the period by kind (every kind, in StaffKind order)."""
    heads: dict[str, int] = defaultdict(int)
    hours: dict[str, float] = defaultdict(float)
    for kind, per_month, start, end in s.execute(
        select(
            StaffMember.kind,
            StaffMember.hours_per_month,
            StaffMember.start_date,
            StaffMember.end_date,
        ).where(
            StaffMember.start_date <= last_day,
            or_(StaffMember.end_date.is_(None), StaffMember.end_date >= first_day),
        )
    ):
        days = (min(end or last_day, last_day) - max(start, first_day)).days + 1
        heads[kind] += 1
        hours[kind] += per_month * days * 12 / 365
    return tuple(StaffLine(k.value, heads[k.value], round(hours[k.value])) for k in StaffKind)
