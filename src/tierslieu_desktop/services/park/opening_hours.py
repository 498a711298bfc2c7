"""Opening hours of each space: a weekly schedule (several ranges a day), exceptional
closures and openings, French public holidays closed by default.

A space with no weekly schedule at all is "not configured": it is treated as open all
day (so a new database can book at once); the UI says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import CalendarException, OpeningRange, Space
from tierslieu_desktop.domain.calendar import (
    DAY_MINUTES,
    local_day_and_minute,
    merge_ranges,
    public_holiday,
    subtract_ranges,
)
from tierslieu_desktop.domain.errors import NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_version, soft_delete, stamp

Range = tuple[int, int]  # minutes after local midnight, half-open


@dataclass(frozen=True)
class ExceptionRow:
    id: int
    space_id: int | None  # None: every space
    day: date
    kind: str  # "closed" | "open"
    start_minute: int | None
    end_minute: int | None
    reason: str
    version: int = 1  # what remove_exception's expected_version is given


@dataclass(frozen=True)
class ExceptionInput:
    day: date
    kind: str  # "closed" | "open"
    space_id: int | None = None
    start_minute: int | None = None  # None with end None: the whole day (closures only)
    end_minute: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class DayOpening:
    """What a space's day looks like: its open ranges and why it is closed, if it is."""

    day: date
    ranges: tuple[Range, ...]
    configured: bool  # False: no weekly schedule, open all day by default
    holiday: str | None = None
    closed_reason: str = ""


# --- weekly schedule -----------------------------------------------------------------


def get_schedule(db: Database, space_id: int) -> dict[int, list[Range]]:
    """Weekday (0 = Monday) → sorted ranges. Empty dict: not configured."""
    with db.read() as session:
        return _schedule(session, space_id)


def _schedule(session: Session, space_id: int) -> dict[int, list[Range]]:
    rows = session.execute(
        select(OpeningRange.weekday, OpeningRange.start_minute, OpeningRange.end_minute)
        .where(OpeningRange.space_id == space_id)
        .order_by(OpeningRange.weekday, OpeningRange.start_minute)
    )
    schedule: dict[int, list[Range]] = {}
    for weekday, start, end in rows:
        schedule.setdefault(weekday, []).append((start, end))
    return schedule


def validate_schedule(ranges: dict[int, list[Range]]) -> dict[int, list[Range]]:
    """Each range inside the day, start before end, no two ranges of a day overlapping.
    Errors name the weekday field: ``{"weekday_2": "range_invalid"}``."""
    errors: dict[str, str] = {}
    cleaned: dict[int, list[Range]] = {}
    for weekday, day_ranges in ranges.items():
        if not 0 <= weekday <= 6:
            raise ValueError(f"weekday {weekday}")
        ordered = sorted(day_ranges)
        for start, end in ordered:
            if not (0 <= start < end <= DAY_MINUTES):
                errors[f"weekday_{weekday}"] = "range_invalid"
        for (_s1, e1), (s2, _e2) in zip(ordered, ordered[1:], strict=False):
            if s2 < e1:
                errors.setdefault(f"weekday_{weekday}", "ranges_overlap")
        if ordered:
            cleaned[weekday] = ordered
    if errors:
        raise ValidationError(errors)
    return cleaned


@guarded(Permission.PARK)
def set_schedule(
    db: Database,
    actor: int | None,
    space_id: int,
    ranges: dict[int, list[Range]],
    *,
    closed_on_holidays: bool | None = None,
) -> None:
    """Replace the weekly schedule of a space (one transaction)."""
    return _set_schedule_impl(db, actor, space_id, ranges, closed_on_holidays=closed_on_holidays)


def _set_schedule_impl(
    db: Database,
    actor: int | None,
    space_id: int,
    ranges: dict[int, list[Range]],
    *,
    closed_on_holidays: bool | None = None,
) -> None:
    cleaned = validate_schedule(ranges)
    with db.write() as session:
        space = session.get(Space, space_id)
        if space is None:
            raise NotFound("space", space_id)
        session.execute(delete(OpeningRange).where(OpeningRange.space_id == space_id))
        for weekday, day_ranges in cleaned.items():
            for start, end in day_ranges:
                session.add(
                    OpeningRange(
                        space_id=space_id, weekday=weekday, start_minute=start, end_minute=end
                    )
                )
        if closed_on_holidays is not None:
            space.closed_on_holidays = closed_on_holidays
        stamp(space, actor)


# --- exceptions ------------------------------------------------------------------------


def list_exceptions(
    db: Database, first: date, last: date, space_id: int | None = None
) -> list[ExceptionRow]:
    """Exceptions between two days (inclusive); for a space, also those of every space."""
    stmt = select(CalendarException).where(
        CalendarException.day >= first, CalendarException.day <= last
    )
    if space_id is not None:
        stmt = stmt.where(
            or_(CalendarException.space_id == space_id, CalendarException.space_id.is_(None))
        )
    with db.read() as session:
        return [
            ExceptionRow(
                e.id, e.space_id, e.day, e.kind, e.start_minute, e.end_minute, e.reason, e.version
            )
            for e in session.scalars(stmt.order_by(CalendarException.day, CalendarException.id))
        ]


@guarded(Permission.PARK)
def add_exception(db: Database, actor: int | None, data: ExceptionInput) -> int:
    texts = FieldCollector()
    texts.text("reason", data.reason)
    errors: dict[str, str] = dict(texts.errors)
    if data.kind not in ("closed", "open"):
        raise ValueError(data.kind)
    whole_day = data.start_minute is None and data.end_minute is None
    if whole_day and data.kind == "open":
        errors["start_minute"] = "required"
    if not whole_day and not (
        data.start_minute is not None
        and data.end_minute is not None
        and 0 <= data.start_minute < data.end_minute <= DAY_MINUTES
    ):
        errors["end_minute"] = "range_invalid"
    if errors:
        raise ValidationError(errors)
    with db.write() as session:
        if data.space_id is not None and session.get(Space, data.space_id) is None:
            raise NotFound("space", data.space_id)
        row = CalendarException(
            space_id=data.space_id,
            day=data.day,
            kind=data.kind,
            start_minute=data.start_minute,
            end_minute=data.end_minute,
            reason=data.reason.strip(),
        )
        stamp(row, actor, created=True)
        session.add(row)
        session.flush()
        return row.id


@guarded(Permission.PARK)
def remove_exception(
    db: Database,
    actor: int | None,
    exception_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> None:
    """Remove an exceptional closure or opening for ``reason``: kept, marked deleted."""
    with db.write() as session:
        row = session.get(CalendarException, exception_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("calendar_exception", exception_id)
        check_version(row, expected_version)
        soft_delete(row, actor, reason)


# --- what is open ----------------------------------------------------------------------


def day_opening(session: Session, space_id: int, day: date, language: str = "fr") -> DayOpening:
    space = session.get(Space, space_id)
    if space is None:
        raise NotFound("space", space_id)
    schedule = _schedule(session, space_id)
    return _day_opening(session, space, schedule, day, language)


def _day_opening(
    session: Session,
    space: Space,
    schedule: dict[int, list[Range]],
    day: date,
    language: str,
    exceptions: list[CalendarException] | None = None,
) -> DayOpening:
    configured = bool(schedule)
    ranges: list[Range] = (
        list(schedule.get(day.weekday(), [])) if configured else [(0, DAY_MINUTES)]
    )
    holiday = public_holiday(day, language)
    reason = ""
    if holiday and space.closed_on_holidays:
        ranges = []
        reason = holiday
    if exceptions is None:
        exceptions = list(
            session.scalars(
                select(CalendarException).where(
                    CalendarException.day == day,
                    or_(
                        CalendarException.space_id == space.id,
                        CalendarException.space_id.is_(None),
                    ),
                )
            )
        )
    opened = [
        (e.start_minute, e.end_minute)
        for e in exceptions
        if e.kind == "open" and e.start_minute is not None and e.end_minute is not None
    ]
    if opened:
        ranges = merge_ranges([*ranges, *opened])
    for e in exceptions:
        if e.kind != "closed":
            continue
        if e.start_minute is None or e.end_minute is None:
            ranges = []
        else:
            ranges = subtract_ranges(ranges, [(e.start_minute, e.end_minute)])
        reason = e.reason or reason
    return DayOpening(
        day=day,
        ranges=tuple(merge_ranges(ranges)),
        configured=configured,
        holiday=holiday,
        closed_reason=reason if not ranges else "",
    )


def openings(
    db: Database, space_id: int, first: date, days: int, language: str = "fr"
) -> list[DayOpening]:
    """The opening of ``days`` consecutive days (for the calendar's shading)."""
    last = first + timedelta(days=days - 1)
    with db.read() as session:
        space = session.get(Space, space_id)
        if space is None:
            raise NotFound("space", space_id)
        schedule = _schedule(session, space_id)
        all_exceptions = list(
            session.scalars(
                select(CalendarException).where(
                    CalendarException.day >= first,
                    CalendarException.day <= last,
                    or_(
                        CalendarException.space_id == space_id,
                        CalendarException.space_id.is_(None),
                    ),
                )
            )
        )
        result = []
        for i in range(days):
            day = first + timedelta(days=i)
            result.append(
                _day_opening(
                    session,
                    space,
                    schedule,
                    day,
                    language,
                    [e for e in all_exceptions if e.day == day],
                )
            )
        return result


def opening_totals(session: Session, first: date, last: date) -> tuple[int, int]:
    """(days open, minutes open) from ``first`` to ``last``: a day counts when any space
    with a weekly schedule opens, its minutes are the union of their open ranges (a space
    with no schedule, "open all day" for bookings, and an archived space are not counted).
    The weekly schedules are today's (they keep no history); the closures and openings
    of each day are the period's own."""
    spaces = list(session.scalars(select(Space).where(Space.archived.is_(False))))
    schedules = {sp.id: _schedule(session, sp.id) for sp in spaces}
    spaces = [sp for sp in spaces if schedules[sp.id]]
    exceptions = list(
        session.scalars(
            select(CalendarException).where(
                CalendarException.day >= first, CalendarException.day <= last
            )
        )
    )
    by_day: dict[date, list[CalendarException]] = {}
    for e in exceptions:
        by_day.setdefault(e.day, []).append(e)
    days = minutes = 0
    day = first
    while day <= last:
        ranges: list[Range] = []
        for sp in spaces:
            own = [e for e in by_day.get(day, []) if e.space_id in (None, sp.id)]
            ranges += _day_opening(session, sp, schedules[sp.id], day, "fr", own).ranges
        if ranges:
            days += 1
            minutes += sum(end - start for start, end in merge_ranges(ranges))
        day += timedelta(days=1)
    return days, minutes


def fits_opening(
    session: Session, space_id: int, start_at: datetime, end_at: datetime
) -> DayOpening | None:
    """None when [start_at, end_at) lies inside one open range of its local day;
    otherwise that day's opening (to say why)."""
    day, start_minute = local_day_and_minute(start_at)
    end_day, end_minute = local_day_and_minute(end_at)
    if end_day != day:
        if end_day == day + timedelta(days=1) and end_minute == 0:
            end_minute = DAY_MINUTES
        else:
            return day_opening(session, space_id, day)
    opening = day_opening(session, space_id, day)
    for start, end in opening.ranges:
        if start <= start_minute and end_minute <= end:
            return None
    return opening
