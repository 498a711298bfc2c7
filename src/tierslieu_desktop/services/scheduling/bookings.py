"""Bookings of machines and spaces: every rule checked in the same transaction that saves,
so two desks can never book the same slot (SQLite: BEGIN IMMEDIATE serialises writers;
PostgreSQL: the resource row is locked FOR UPDATE before the overlap check)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, false, or_, select
from sqlalchemy.orm import Session, aliased

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Authorization,
    Booking,
    BookingEvent,
    Machine,
    Member,
    Operator,
    Space,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt, to_local
from tierslieu_desktop.domain.enums import MachineStatus, MemberKind
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_texts, check_version, stamp
from tierslieu_desktop.services.park.opening_hours import fits_opening
from tierslieu_desktop.services.people.members import display_name

# Statuses that hold the resource (a cancelled or no-show booking frees it).
HOLDING = ("booked", "in_progress", "done")
PAST_GRACE = timedelta(minutes=5)
MAX_BOOKING_SPAN = timedelta(days=2)  # longer than any booking (one local day at most)


class BookingStatus:
    BOOKED = "booked"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


@dataclass(frozen=True)
class BookingInput:
    start_at: datetime
    end_at: datetime
    machine_id: int | None = None
    space_id: int | None = None
    member_id: int | None = None
    organisation_id: int | None = None  # a group: organisation + responsible + head-count
    responsible_name: str = ""
    headcount: int = 1
    purpose: str = ""
    note: str = ""
    override_reason: str = ""  # lets a member without the authorization book (recorded)
    activity_session_id: int | None = None  # held by a workshop/training session


@dataclass(frozen=True)
class BookingRow:
    id: int
    machine_id: int | None
    space_id: int | None
    resource_name: str
    member_id: int | None
    organisation_id: int | None
    who: str
    responsible_name: str
    headcount: int
    start_at: datetime
    end_at: datetime
    blocked_until: datetime
    status: str
    purpose: str
    note: str
    walk_in: bool
    series_id: str | None
    checked_in_at: datetime | None
    override_reason: str
    activity_session_id: int | None = None
    version: int = 1  # what move_booking / update_booking_details' expected_version is given

    @property
    def resource_key(self) -> tuple[str, int]:
        if self.machine_id is not None:
            return ("machine", self.machine_id)
        return ("space", self.space_id or 0)

    def input(self) -> BookingInput:
        return BookingInput(
            start_at=self.start_at,
            end_at=self.end_at,
            machine_id=self.machine_id,
            space_id=self.space_id,
            member_id=self.member_id,
            organisation_id=self.organisation_id,
            responsible_name=self.responsible_name,
            headcount=self.headcount,
            purpose=self.purpose,
            note=self.note,
            override_reason=self.override_reason,
        )


@dataclass(frozen=True)
class BookingEventRow:
    at: datetime
    operator: str
    action: str
    status: str
    detail: str


@dataclass(frozen=True)
class Occurrence:
    start_at: datetime
    end_at: datetime
    problem: DomainError | None = None


@dataclass(frozen=True)
class SeriesResult:
    series_id: str
    created: tuple[int, ...]
    skipped: tuple[Occurrence, ...]


# --- rules -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Resource:
    name: str
    space_id: int  # whose opening hours apply
    step: int
    min_minutes: int
    max_minutes: int
    buffer: int
    advance_days: int
    authorization_required: bool
    category_id: int | None


def _resource(session: Session, data: BookingInput, *, lock: bool) -> _Resource:
    if (data.machine_id is None) == (data.space_id is None):
        raise ValidationError({"resource": "required"})
    if data.machine_id is not None:
        machine = session.get(Machine, data.machine_id, with_for_update=lock)
        if machine is None:
            raise NotFound("machine", data.machine_id)
        if machine.archived:
            raise DomainError("resource_archived", resource=machine.name)
        if machine.status != MachineStatus.AVAILABLE:
            raise DomainError(
                "machine_unavailable",
                resource=machine.name,
                status=machine.status,
                note=machine.status_note,
            )
        return _Resource(
            machine.name,
            machine.space_id,
            machine.slot_step_minutes,
            machine.min_duration_minutes,
            machine.max_duration_minutes,
            machine.buffer_minutes,
            machine.max_advance_days,
            machine.authorization_required,
            machine.category_id,
        )
    space = session.get(Space, data.space_id, with_for_update=lock)
    if space is None:
        raise NotFound("space", data.space_id)
    if space.archived:
        raise DomainError("resource_archived", resource=space.name)
    if not space.bookable:
        raise DomainError("space_not_bookable", resource=space.name)
    return _Resource(
        space.name,
        space.id,
        space.slot_step_minutes,
        space.min_duration_minutes,
        space.max_duration_minutes,
        space.buffer_minutes,
        space.max_advance_days,
        False,
        None,
    )


def _check_who(session: Session, data: BookingInput) -> None:
    if data.activity_session_id is not None and data.member_id is None:
        return  # a session holds the resource for its participants
    if data.member_id is None and data.organisation_id is None:
        raise ValidationError({"member": "member_required"})
    if data.headcount < 1:
        raise ValidationError({"headcount": "number_invalid"})
    if data.member_id is not None:
        member = session.get(Member, data.member_id)
        if member is None:
            raise NotFound("member", data.member_id)
        if member.archived:
            raise DomainError(
                "member_archived",
                member=display_name(member.kind, member.first_name, member.last_name),
            )
    if data.organisation_id is not None:
        org = session.get(Member, data.organisation_id)
        if org is None or org.kind != MemberKind.ORGANISATION:
            raise DomainError("organisation_invalid")
        if org.archived:
            raise DomainError("member_archived", member=org.last_name)
        if data.member_id is None and not data.responsible_name.strip():
            raise ValidationError({"responsible_name": "required"})


def _authorized(session: Session, member_id: int, machine_id: int, category_id: int | None) -> bool:
    stmt = select(Authorization.id).where(
        Authorization.member_id == member_id,
        or_(
            Authorization.machine_id == machine_id,
            Authorization.category_id == category_id if category_id is not None else false(),
        ),
    )
    return session.scalar(stmt.limit(1)) is not None


def overlap_stmt(
    machine_id: int | None,
    space_id: int | None,
    start_at: datetime,
    blocked_until: datetime,
    exclude_id: int | None = None,
) -> Select[Booking]:
    """The first holding booking of the resource whose [start, blocked_until) meets
    [start_at, blocked_until): read by ``ix_booking_machine_blocked`` (or ``_space_``)
    from ``start_at`` on — bounded on both sides (the resource's bookings still
    blocking after the start, up to the new end), not every earlier booking.

    Holding bookings of a resource never overlap each other, so ordering them by
    ``blocked_until`` is ordering them by start; ordering by start instead would make
    SQLite walk the (resource, start) index, which bounds only the end."""
    stmt = select(Booking).where(
        Booking.status.in_(HOLDING),
        Booking.start_at < blocked_until,
        Booking.blocked_until > start_at,
    )
    if machine_id is not None:
        stmt = stmt.where(Booking.machine_id == machine_id)
    else:
        stmt = stmt.where(Booking.space_id == space_id)
    if exclude_id is not None:
        stmt = stmt.where(Booking.id != exclude_id)
    return stmt.order_by(Booking.blocked_until).limit(1)


def _overlapping(
    session: Session,
    data: BookingInput,
    start_at: datetime,
    blocked_until: datetime,
    exclude_id: int | None,
) -> Booking | None:
    stmt = overlap_stmt(data.machine_id, data.space_id, start_at, blocked_until, exclude_id)
    return session.scalars(stmt).first()


def _who(
    session: Session, member_id: int | None, organisation_id: int | None, responsible: str
) -> str:
    if member_id is None and organisation_id is None:
        return responsible  # a session's booking: its activity's name
    if member_id is not None:
        m = session.get(Member, member_id)
        return display_name(m.kind, m.first_name, m.last_name) if m else ""
    org = session.get(Member, organisation_id) if organisation_id is not None else None
    name = org.last_name if org else ""
    return f"{name} — {responsible}" if responsible else name


def check_booking(
    session: Session,
    data: BookingInput,
    *,
    now: datetime,
    exclude_id: int | None = None,
    lock: bool = False,
    walk_in: bool = False,
) -> datetime:
    """Raise the first broken rule as a DomainError naming it; return ``blocked_until``."""
    if data.start_at.tzinfo is None or data.end_at.tzinfo is None:
        raise ValueError("aware datetimes only")
    if data.end_at <= data.start_at:
        raise ValidationError({"end_at": "end_before_start"})
    resource = _resource(session, data, lock=lock)
    _check_who(session, data)
    minutes = int((data.end_at - data.start_at).total_seconds() // 60)
    if not walk_in:
        if data.start_at < now - PAST_GRACE:
            raise DomainError("booking_in_past", resource=resource.name)
        if data.start_at > now + timedelta(days=resource.advance_days):
            raise DomainError("too_far_ahead", resource=resource.name, days=resource.advance_days)
        _day, start_minute = local_day_and_minute(data.start_at)
        _end_day, end_minute = local_day_and_minute(data.end_at)
        if resource.step > 1 and (start_minute % resource.step or end_minute % resource.step):
            raise DomainError("slot_step", resource=resource.name, step=resource.step)
        if minutes < resource.min_minutes:
            raise DomainError("too_short", resource=resource.name, minutes=resource.min_minutes)
        if minutes > resource.max_minutes:
            raise DomainError("too_long", resource=resource.name, minutes=resource.max_minutes)
    opening = fits_opening(session, resource.space_id, data.start_at, data.end_at)
    if opening is not None:
        if not opening.ranges:
            raise DomainError(
                "closed_day",
                resource=resource.name,
                day=opening.day,
                reason=opening.closed_reason or opening.holiday or "",
            )
        raise DomainError(
            "outside_opening_hours",
            resource=resource.name,
            day=opening.day,
            ranges=opening.ranges,
        )
    if (
        resource.authorization_required
        and data.member_id is not None
        and data.machine_id is not None
        and not _authorized(session, data.member_id, data.machine_id, resource.category_id)
        and not data.override_reason.strip()
    ):
        raise DomainError(
            "authorization_required",
            resource=resource.name,
            member=_who(session, data.member_id, None, ""),
        )
    blocked_until = data.end_at + timedelta(minutes=resource.buffer)
    clash = _overlapping(session, data, data.start_at, blocked_until, exclude_id)
    if clash is not None:
        raise DomainError(
            "booking_conflict",
            resource=resource.name,
            who=_who(
                session,
                clash.member_id,
                clash.organisation_id,
                clash.purpose if clash.activity_session_id else clash.responsible_name,
            ),
            start=clash.start_at,
            end=clash.end_at,
            buffer=resource.buffer,
        )
    return blocked_until


def _event(
    session: Session, booking: Booking, actor: int | None, action: str, detail: str = ""
) -> None:
    session.add(
        BookingEvent(
            booking_id=booking.id,
            at=utcnow(),
            operator_id=actor,
            action=action,
            status=booking.status,
            detail=detail,
        )
    )


def _clean(data: BookingInput) -> BookingInput:
    """The texts stripped; one ValidationError for a text too long or holding a control
    character."""
    texts = FieldCollector()
    texts.texts(data)
    texts.raise_if_any()
    return replace(
        data,
        responsible_name=data.responsible_name.strip(),
        purpose=data.purpose.strip(),
        note=data.note.strip(),
        override_reason=data.override_reason.strip(),
    )


def _new_booking(data: BookingInput, blocked_until: datetime, status: str, **extra: Any) -> Booking:
    return Booking(
        machine_id=data.machine_id,
        space_id=data.space_id,
        member_id=data.member_id,
        organisation_id=data.organisation_id,
        responsible_name=data.responsible_name,
        headcount=data.headcount,
        start_at=data.start_at,
        end_at=data.end_at,
        blocked_until=blocked_until,
        purpose=data.purpose,
        note=data.note,
        status=status,
        override_reason=data.override_reason,
        activity_session_id=data.activity_session_id,
        **extra,
    )


# --- changes ---------------------------------------------------------------------------


@guarded(Permission.BOOKINGS)
def create_booking(
    db: Database, actor: int | None, data: BookingInput, *, now: datetime | None = None
) -> int:
    """Check every rule and save, in one write transaction. Returns the booking id."""
    data = _clean(data)
    now = now or utcnow()
    with db.write() as session:
        blocked_until = check_booking(session, data, now=now, lock=True)
        booking = _new_booking(data, blocked_until, BookingStatus.BOOKED)
        stamp(booking, actor, created=True)
        session.add(booking)
        session.flush()
        detail = f"override: {data.override_reason}" if data.override_reason else ""
        _event(session, booking, actor, "created", detail)
        return booking.id


@guarded(Permission.BOOKINGS)
def start_walk_in(
    db: Database,
    actor: int | None,
    data: BookingInput,
    *,
    now: datetime | None = None,
) -> int:
    """A usage without booking: the member is here now. Saved as a booking already in
    progress (conflicts, availability, opening and authorization still checked)."""
    data = _clean(data)
    now = now or utcnow()
    with db.write() as session:
        blocked_until = check_booking(session, data, now=now, lock=True, walk_in=True)
        booking = _new_booking(
            data, blocked_until, BookingStatus.IN_PROGRESS, walk_in=True, checked_in_at=now
        )
        stamp(booking, actor, created=True)
        session.add(booking)
        session.flush()
        _event(session, booking, actor, "walk_in")
        return booking.id


def _get(session: Session, booking_id: int) -> Booking:
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise NotFound("booking", booking_id)
    if booking.activity_session_id is not None:
        # Held by a session: changed with the session, on the Activité page.
        raise DomainError("booking_of_session", activity=booking.purpose)
    return booking


@guarded(Permission.BOOKINGS)
def move_booking(
    db: Database,
    actor: int | None,
    booking_id: int,
    start_at: datetime,
    end_at: datetime,
    *,
    machine_id: int | None = None,
    space_id: int | None = None,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Move, resize or put on another resource (same rules as a new booking). A booking
    in progress can only change its end."""
    now = now or utcnow()
    with db.write() as session:
        booking = _get(session, booking_id)
        check_version(
            booking,
            expected_version,
            {"start_at": start_at, "end_at": end_at}
            | ({"machine_id": machine_id, "space_id": space_id} if machine_id or space_id else {}),
        )
        if booking.status not in (BookingStatus.BOOKED, BookingStatus.IN_PROGRESS):
            raise DomainError("booking_closed", status=booking.status)
        if booking.status == BookingStatus.IN_PROGRESS and (
            start_at != booking.start_at
            or (machine_id, space_id) not in ((None, None), (booking.machine_id, booking.space_id))
        ):
            raise DomainError("booking_in_progress")
        if machine_id is None and space_id is None:
            machine_id, space_id = booking.machine_id, booking.space_id
        data = BookingInput(
            start_at=start_at,
            end_at=end_at,
            machine_id=machine_id,
            space_id=space_id,
            member_id=booking.member_id,
            organisation_id=booking.organisation_id,
            responsible_name=booking.responsible_name,
            headcount=booking.headcount,
            override_reason=booking.override_reason,
        )
        blocked_until = check_booking(
            session,
            data,
            now=now,
            exclude_id=booking.id,
            lock=True,
            walk_in=booking.status == BookingStatus.IN_PROGRESS,
        )
        before = f"{booking.start_at.isoformat()} → {booking.end_at.isoformat()}"
        booking.start_at, booking.end_at, booking.blocked_until = start_at, end_at, blocked_until
        booking.machine_id, booking.space_id = machine_id, space_id
        stamp(booking, actor)
        _event(session, booking, actor, "moved", f"before: {before}")


def follow_corrected_usage(
    session: Session,
    actor: int | None,
    booking_id: int,
    start_at: datetime,
    end_at: datetime,
) -> bool:
    """The booking a usage came from takes the usage's corrected real times, inside the
    correction's transaction (services.billing.usage_corrections; True when it moved).

    What "moves" means: a check-out leaves the booking at its planned start and cuts its
    end to the departure when the member left early (services.scheduling.usages.check_out);
    once the arrival or the departure of its usage is corrected, the booking shows the
    corrected span whole — start and end, ``checked_in_at`` at the corrected arrival,
    ``blocked_until`` keeping the resource's buffer after the new end — so that the
    calendar, Accueil and the member's history show what really happened. Never refused
    (it is the past: a later booking the overrun delayed may be overlapped); recorded as a
    ``usage_corrected`` event with the times before, next to the usage's own corrections
    (who, when, before → after, in ``usage_correction``)."""
    booking = session.get(Booking, booking_id)
    if booking is None or booking.activity_session_id is not None:
        return False  # a session's booking keeps the session's times (Activité)
    if (booking.start_at, booking.end_at) == (start_at, end_at):
        return False
    buffer = booking.blocked_until - booking.end_at
    before = f"{booking.start_at.isoformat()} → {booking.end_at.isoformat()}"
    booking.start_at, booking.end_at, booking.blocked_until = start_at, end_at, end_at + buffer
    booking.checked_in_at = start_at
    stamp(booking, actor)
    _event(session, booking, actor, "usage_corrected", f"before: {before}")
    return True


@guarded(Permission.BOOKINGS)
def update_booking_details(
    db: Database,
    actor: int | None,
    booking_id: int,
    *,
    purpose: str,
    note: str,
    headcount: int | None = None,
    responsible_name: str | None = None,
    expected_version: int | None = None,
) -> None:
    check_texts(purpose=purpose, note=note, responsible_name=responsible_name)
    if headcount is not None and headcount < 1:
        raise ValidationError({"headcount": "number_invalid"})
    with db.write() as session:
        booking = _get(session, booking_id)
        given: dict[str, object] = {"purpose": purpose.strip(), "note": note.strip()}
        if headcount is not None:
            given["headcount"] = headcount
        if responsible_name is not None:
            given["responsible_name"] = responsible_name.strip()
        check_version(booking, expected_version, given)
        booking.purpose = purpose.strip()
        booking.note = note.strip()
        if headcount is not None:
            booking.headcount = headcount
        if responsible_name is not None:
            booking.responsible_name = responsible_name.strip()
        stamp(booking, actor)
        _event(session, booking, actor, "edited")


def _transition(
    db: Database,
    actor: int | None,
    booking_id: int,
    allowed_from: tuple[str, ...],
    to: str,
    action: str,
    detail: str = "",
    at: datetime | None = None,
) -> None:
    with db.write() as session:
        booking = _get(session, booking_id)
        if booking.status not in allowed_from:
            raise DomainError("booking_closed", status=booking.status)
        booking.status = to
        if to == BookingStatus.IN_PROGRESS:
            booking.checked_in_at = at or utcnow()
        stamp(booking, actor)
        _event(session, booking, actor, action, detail)


@guarded(Permission.BOOKINGS)
def check_in(
    db: Database, actor: int | None, booking_id: int, *, at: datetime | None = None
) -> None:
    """The member has arrived: réservée → en cours."""
    _transition(
        db,
        actor,
        booking_id,
        (BookingStatus.BOOKED,),
        BookingStatus.IN_PROGRESS,
        "checked_in",
        at=at,
    )


@guarded(Permission.BOOKINGS)
def cancel_booking(db: Database, actor: int | None, booking_id: int, reason: str = "") -> None:
    """Réservée → annulée: the slot is free again."""
    check_texts(reason=reason)
    _transition(
        db,
        actor,
        booking_id,
        (BookingStatus.BOOKED,),
        BookingStatus.CANCELLED,
        "cancelled",
        reason.strip(),
    )


@guarded(Permission.BOOKINGS)
def mark_no_show(db: Database, actor: int | None, booking_id: int) -> None:
    """Réservée → absent (the member did not come)."""
    _transition(db, actor, booking_id, (BookingStatus.BOOKED,), BookingStatus.NO_SHOW, "no_show")


# --- recurring bookings ----------------------------------------------------------------


def occurrences(
    data: BookingInput,
    *,
    every_weeks: int = 1,
    count: int | None = None,
    until: date | None = None,
) -> list[tuple[datetime, datetime]]:
    """The dates of a weekly series, same local time each week (across DST changes)."""
    if (count is None) == (until is None):
        raise ValidationError({"repeat": "required"})
    if every_weeks < 1 or (count is not None and not 1 <= count <= 104):
        raise ValidationError({"repeat": "number_invalid"})
    day, start_minute = local_day_and_minute(data.start_at)
    duration = data.end_at - data.start_at
    result = []
    i = 0
    while True:
        d = day + timedelta(weeks=i * every_weeks)
        if count is not None and i >= count:
            break
        if until is not None and (d > until or i >= 104):
            break
        start = local_dt(d, start_minute)
        result.append((start, start + duration))
        i += 1
    return result


@guarded(Permission.BOOKINGS)
def plan_series(
    db: Database,
    data: BookingInput,
    *,
    every_weeks: int = 1,
    count: int | None = None,
    until: date | None = None,
    now: datetime | None = None,
) -> list[Occurrence]:
    """Check every occurrence (nothing saved): each comes with the rule it breaks, if any."""
    data = _clean(data)
    now = now or utcnow()
    planned = []
    with db.read() as session:
        for start, end in occurrences(data, every_weeks=every_weeks, count=count, until=until):
            try:
                check_booking(session, replace(data, start_at=start, end_at=end), now=now)
            except DomainError as exc:
                planned.append(Occurrence(start, end, exc))
            else:
                planned.append(Occurrence(start, end))
    return planned


@guarded(Permission.BOOKINGS)
def create_series(
    db: Database,
    actor: int | None,
    data: BookingInput,
    *,
    every_weeks: int = 1,
    count: int | None = None,
    until: date | None = None,
    skip_conflicts: bool = False,
    now: datetime | None = None,
) -> SeriesResult:
    """Save a weekly series in one transaction. An occurrence that breaks a rule is
    skipped when ``skip_conflicts``; otherwise nothing is saved and the error is raised."""
    data = _clean(data)
    now = now or utcnow()
    series_id = str(uuid.uuid4())
    created: list[int] = []
    skipped: list[Occurrence] = []
    with db.write() as session:
        for start, end in occurrences(data, every_weeks=every_weeks, count=count, until=until):
            one = replace(data, start_at=start, end_at=end)
            try:
                blocked_until = check_booking(session, one, now=now, lock=True)
            except DomainError as exc:
                if not skip_conflicts:
                    raise
                skipped.append(Occurrence(start, end, exc))
                continue
            booking = _new_booking(one, blocked_until, BookingStatus.BOOKED, series_id=series_id)
            stamp(booking, actor, created=True)
            session.add(booking)
            session.flush()
            _event(session, booking, actor, "created", "series")
            created.append(booking.id)
    return SeriesResult(series_id, tuple(created), tuple(skipped))


# --- reading ---------------------------------------------------------------------------


def _rows_stmt() -> tuple[Select[Booking, str, str, Member, str], type[Member], None]:
    org = aliased(Member)
    stmt = (
        select(Booking, Machine.name, Space.name, Member, org.last_name)
        .outerjoin(Machine, Machine.id == Booking.machine_id)
        .outerjoin(Space, Space.id == Booking.space_id)
        .outerjoin(Member, Member.id == Booking.member_id)
        .outerjoin(org, org.id == Booking.organisation_id)
    )
    return stmt, org, None


def _row(
    b: Booking,
    machine_name: str | None,
    space_name: str | None,
    member: Member | None,
    org_name: str | None,
) -> BookingRow:
    if member is not None:
        who = display_name(member.kind, member.first_name, member.last_name)
        if org_name:
            who = f"{who} ({org_name})"
    elif org_name:
        who = f"{org_name} — {b.responsible_name}" if b.responsible_name else org_name
    else:
        who = b.purpose or b.responsible_name  # a session: its activity
    return BookingRow(
        id=b.id,
        machine_id=b.machine_id,
        space_id=b.space_id,
        resource_name=machine_name or space_name or "",
        member_id=b.member_id,
        organisation_id=b.organisation_id,
        who=who,
        responsible_name=b.responsible_name,
        headcount=b.headcount,
        start_at=b.start_at,
        end_at=b.end_at,
        blocked_until=b.blocked_until,
        status=b.status,
        purpose=b.purpose,
        note=b.note,
        walk_in=b.walk_in,
        series_id=b.series_id,
        checked_in_at=b.checked_in_at,
        override_reason=b.override_reason,
        activity_session_id=b.activity_session_id,
        version=b.version,
    )


@guarded(Permission.BOOKINGS)
def list_bookings(
    db: Database,
    start: datetime,
    end: datetime,
    *,
    machine_ids: list[int] | tuple[int, ...] | None = None,
    space_ids: list[int] | tuple[int, ...] | None = None,
    member_id: int | None = None,
    statuses: tuple[str, ...] | None = None,
) -> list[BookingRow]:
    """Bookings overlapping [start, end) — only that range is read (the calendar asks for
    the visible week). ``machine_ids``/``space_ids`` restrict the resources (either list
    matches); ``member_id`` matches the member or the group's organisation."""
    return _list_bookings_impl(
        db,
        start,
        end,
        machine_ids=machine_ids,
        space_ids=space_ids,
        member_id=member_id,
        statuses=statuses,
    )


def _list_bookings_impl(
    db: Database,
    start: datetime,
    end: datetime,
    *,
    machine_ids: list[int] | tuple[int, ...] | None = None,
    space_ids: list[int] | tuple[int, ...] | None = None,
    member_id: int | None = None,
    statuses: tuple[str, ...] | None = None,
) -> list[BookingRow]:
    stmt, _org, _ = _rows_stmt()
    # A booking never runs past its local day (the opening-hours rule), so a lower bound
    # on start_at lets the index on start_at skip the whole history.
    stmt = stmt.where(
        Booking.start_at < end,
        Booking.start_at > start - MAX_BOOKING_SPAN,
        Booking.end_at > start,
    )
    resource_filters = []
    if machine_ids is not None:
        resource_filters.append(Booking.machine_id.in_(list(machine_ids)))
    if space_ids is not None:
        resource_filters.append(Booking.space_id.in_(list(space_ids)))
    if resource_filters:
        stmt = stmt.where(or_(*resource_filters))
    if member_id is not None:
        stmt = stmt.where(or_(Booking.member_id == member_id, Booking.organisation_id == member_id))
    if statuses is not None:
        stmt = stmt.where(Booking.status.in_(statuses))
    stmt = stmt.order_by(Booking.start_at, Booking.id)
    with db.read() as session:
        return [_row(*r) for r in session.execute(stmt)]


@guarded(Permission.BOOKINGS)
def get_booking(db: Database, booking_id: int) -> BookingRow:
    stmt, _org, _ = _rows_stmt()
    with db.read() as session:
        r = session.execute(stmt.where(Booking.id == booking_id)).first()
        if r is None:
            raise NotFound("booking", booking_id)
        return _row(*r)


@guarded(Permission.BOOKINGS)
def booking_history(db: Database, booking_id: int) -> list[BookingEventRow]:
    stmt = (
        select(BookingEvent, Operator.name)
        .outerjoin(Operator, Operator.id == BookingEvent.operator_id)
        .where(BookingEvent.booking_id == booking_id)
        .order_by(BookingEvent.at, BookingEvent.id)
    )
    with db.read() as session:
        return [
            BookingEventRow(e.at, name or "", e.action, e.status, e.detail)
            for e, name in session.execute(stmt)
        ]


@guarded(Permission.BOOKINGS)
def future_bookings_of_machine(
    db: Database, machine_id: int, *, now: datetime | None = None
) -> list[BookingRow]:
    """Bookings still to come on a machine (to move or cancel before putting it out of
    service)."""
    now = now or utcnow()
    stmt, _org, _ = _rows_stmt()
    stmt = stmt.where(
        Booking.machine_id == machine_id,
        Booking.status == BookingStatus.BOOKED,
        Booking.end_at > now,
    ).order_by(Booking.start_at)
    with db.read() as session:
        return [_row(*r) for r in session.execute(stmt)]


def local_date_range(day: date, days: int = 1) -> tuple[datetime, datetime]:
    """UTC bounds of ``days`` local days from ``day`` (for list_bookings)."""
    return local_dt(day, 0), local_dt(day + timedelta(days=days), 0)


def local_day_of(value: datetime) -> date:
    return to_local(value).date()
