"""Workshops, machine trainings, open labs, school visits, repair cafés and events: the
activities and their dated sessions, with the seats they offer. Registrations, the
waiting list and attendance are in :mod:`registrations`, which builds on this module.

Rules (each one tested):
- A session holds its space (when bookable) and its machines through bookings checked by
  the rules of :mod:`bookings` (opening hours, availability, conflicts) in the same
  transaction; a session may be recorded after the fact, and is not bound by a machine's
  per-booking duration limits (a training day is longer than a member's slot).
- Seats: the sum of the head-counts of the registered never exceeds the capacity; a
  capacity below the seats taken is refused. When seats free up (a cancellation, a
  larger capacity) the waiting list is promoted in order of arrival — each waiting entry
  that fits takes its seats, a group too large for what is free keeps its place in the
  queue (``promote_waiting``).
- A session with attendance ticked was held: its bookings are "done" (``mark_held``) and
  it can no longer be cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Booking,
    Machine,
    Registration,
    Space,
    utcnow,
)
from tierslieu_desktop.domain import mediation as nm
from tierslieu_desktop.domain.calendar import local_day_and_minute
from tierslieu_desktop.domain.enums import (
    ActivityKind,
    Attendance,
    RegistrationStatus,
    SessionStatus,
)
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.validation import text_limit
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_texts, check_version, stamp
from tierslieu_desktop.services.scheduling.bookings import (
    BookingInput,
    BookingStatus,
    check_booking,
)

NAME_MAX = text_limit("name")  # domain.validation.TEXT_LIMITS
MAX_CAPACITY = 1000
MAX_DURATION_MINUTES = 24 * 60
ACTIVITY_KINDS = tuple(k.value for k in ActivityKind)


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class ActivityInput:
    name: str
    kind: str
    description: str = ""
    duration_minutes: int = 120
    capacity: int = 12
    trainer: str = ""
    space_id: int | None = None
    machine_id: int | None = None  # a machine training: the machine it authorizes


@dataclass(frozen=True)
class ActivityRow:
    id: int
    name: str
    kind: str
    description: str
    duration_minutes: int
    capacity: int
    trainer: str
    space_id: int | None
    space_name: str
    machine_id: int | None
    machine_name: str
    archived: bool
    sessions: int
    next_start: datetime | None
    version: int = 1  # what save_activity's expected_version is given

    def input(self) -> ActivityInput:
        return ActivityInput(
            name=self.name,
            kind=self.kind,
            description=self.description,
            duration_minutes=self.duration_minutes,
            capacity=self.capacity,
            trainer=self.trainer,
            space_id=self.space_id,
            machine_id=self.machine_id,
        )


@dataclass(frozen=True)
class SessionInput:
    activity_id: int
    start_at: datetime
    end_at: datetime
    capacity: int
    space_id: int | None = None
    trainer: str = ""
    machine_ids: tuple[int, ...] = ()
    note: str = ""
    # a digital workshop on the national model (issue 22): optional
    workshop_level: str | None = None  # domain.mediation.WORKSHOP_LEVELS
    themes: tuple[str, ...] = ()  # domain.mediation.THEMES


@dataclass(frozen=True)
class SessionRow:
    id: int
    activity_id: int
    activity_name: str
    kind: str
    start_at: datetime
    end_at: datetime
    space_id: int | None
    space_name: str
    capacity: int
    trainer: str
    status: str
    note: str
    machine_ids: tuple[int, ...]
    machine_names: tuple[str, ...]
    registered: int  # seats taken (head-counts of the registered)
    registrations: int  # entries registered (a group counts once)
    waiting: int  # entries on the waiting list
    present: int  # people ticked present (a group: how many came)
    ticked: int  # registered entries whose attendance is ticked
    version: int = 1  # what update_session's expected_version is given
    workshop_level: str | None = None
    themes: tuple[str, ...] = ()

    @property
    def free_seats(self) -> int:
        return max(self.capacity - self.registered, 0)

    @property
    def fill_percent(self) -> int:
        """Seats taken over capacity, in whole percent (rounded half up)."""
        if self.capacity <= 0:
            return 0
        return (200 * self.registered + self.capacity) // (2 * self.capacity)

    @property
    def minutes(self) -> int:
        return int((self.end_at - self.start_at).total_seconds() // 60)

    @property
    def cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    def input(self) -> SessionInput:
        return SessionInput(
            activity_id=self.activity_id,
            start_at=self.start_at,
            end_at=self.end_at,
            capacity=self.capacity,
            space_id=self.space_id,
            trainer=self.trainer,
            machine_ids=self.machine_ids,
            note=self.note,
            workshop_level=self.workshop_level,
            themes=self.themes,
        )


# --------------------------------------------------------------------------- activities


def _check_activity(session: Session, data: ActivityInput) -> None:
    errors = FieldCollector()
    errors.texts(data)
    name = data.name.strip()
    if not name:
        errors.add("name", "required")
    elif len(name) > NAME_MAX:
        errors.add("name", "too_long")
    if data.kind not in ACTIVITY_KINDS:
        errors.add("kind", "invalid")
    if not 1 <= data.duration_minutes <= MAX_DURATION_MINUTES:
        errors.add("duration_minutes", "number_invalid")
    if not 1 <= data.capacity <= MAX_CAPACITY:
        errors.add("capacity", "number_invalid")
    if data.kind == ActivityKind.MACHINE_TRAINING and data.machine_id is None:
        errors.add("machine", "training_machine_required")
    if data.space_id is not None and session.get(Space, data.space_id) is None:
        errors.add("space", "unknown")
    if data.machine_id is not None and session.get(Machine, data.machine_id) is None:
        errors.add("machine", "unknown")
    errors.raise_if_any()


@guarded(Permission.ACTIVITY)
def save_activity(
    db: Database,
    actor: int | None,
    data: ActivityInput,
    activity_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Create (``activity_id`` None) or edit an activity. Names are unique."""
    with db.write() as session:
        _check_activity(session, data)
        name = data.name.strip()
        dup = session.scalar(
            select(Activity.id).where(func.lower(Activity.name) == name.lower()).limit(1)
        )
        if dup is not None and dup != activity_id:
            raise ValidationError({"name": "activity_name_taken"})
        activity: Activity | None
        if activity_id is None:
            activity = Activity()
            stamp(activity, actor, created=True)
            session.add(activity)
        else:
            activity = session.get(Activity, activity_id)
            if activity is None:
                raise NotFound("activity", activity_id)
            check_version(activity, expected_version, data)
            stamp(activity, actor)
        activity.name = name
        activity.kind = data.kind
        activity.description = data.description.strip()
        activity.duration_minutes = data.duration_minutes
        activity.capacity = data.capacity
        activity.trainer = data.trainer.strip()
        activity.space_id = data.space_id
        activity.machine_id = (
            data.machine_id if data.kind == ActivityKind.MACHINE_TRAINING else None
        )
        session.flush()
        return activity.id


@guarded(Permission.ACTIVITY)
def set_activity_archived(
    db: Database,
    actor: int | None,
    activity_id: int,
    archived: bool,
    *,
    expected_version: int | None = None,
) -> None:
    """An archived activity leaves the lists; its sessions and figures stay."""
    with db.write() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise NotFound("activity", activity_id)
        check_version(activity, expected_version, {"archived": archived})
        activity.archived = archived
        stamp(activity, actor)


def _activity_rows(session: Session, stmt: Select[Activity]) -> list[ActivityRow]:
    now = utcnow()
    counts = dict(
        session.execute(
            select(ActivitySession.activity_id, func.count(ActivitySession.id)).group_by(
                ActivitySession.activity_id
            )
        ).all()
    )
    nexts = dict(
        session.execute(
            select(ActivitySession.activity_id, func.min(ActivitySession.start_at))
            .where(
                ActivitySession.start_at >= now,
                ActivitySession.status == SessionStatus.PLANNED,
            )
            .group_by(ActivitySession.activity_id)
        ).all()
    )
    spaces = dict(session.execute(select(Space.id, Space.name)).all())
    machines = dict(session.execute(select(Machine.id, Machine.name)).all())
    out = []
    for a in session.scalars(stmt):
        nxt = nexts.get(a.id)
        out.append(
            ActivityRow(
                id=a.id,
                name=a.name,
                kind=a.kind,
                description=a.description,
                duration_minutes=a.duration_minutes,
                capacity=a.capacity,
                trainer=a.trainer,
                space_id=a.space_id,
                space_name=spaces.get(a.space_id, "") if a.space_id else "",
                machine_id=a.machine_id,
                machine_name=machines.get(a.machine_id, "") if a.machine_id else "",
                archived=a.archived,
                sessions=int(counts.get(a.id, 0)),
                next_start=nxt,
                version=a.version,
            )
        )
    return out


@guarded(Permission.ACTIVITY)
def list_activities(db: Database, *, include_archived: bool = False) -> list[ActivityRow]:
    stmt = select(Activity).order_by(Activity.name)
    if not include_archived:
        stmt = stmt.where(Activity.archived.is_(False))
    with db.read() as session:
        return _activity_rows(session, stmt)


@guarded(Permission.ACTIVITY)
def get_activity(db: Database, activity_id: int) -> ActivityRow:
    with db.read() as session:
        rows = _activity_rows(session, select(Activity).where(Activity.id == activity_id))
    if not rows:
        raise NotFound("activity", activity_id)
    return rows[0]


# --------------------------------------------------------------------------- sessions


def _check_session(session: Session, data: SessionInput) -> Activity:
    errors = FieldCollector()
    errors.texts(data)
    if data.start_at.tzinfo is None or data.end_at.tzinfo is None:
        raise ValueError("aware datetimes only")
    activity = session.get(Activity, data.activity_id)
    if activity is None:
        errors.add("activity", "required")
    if data.end_at <= data.start_at:
        errors.add("end_at", "end_before_start")
    elif local_day_and_minute(data.start_at)[0] != local_day_and_minute(data.end_at)[0]:
        errors.add("end_at", "session_one_day")
    if not 1 <= data.capacity <= MAX_CAPACITY:
        errors.add("capacity", "number_invalid")
    if len(set(data.machine_ids)) != len(data.machine_ids):
        errors.add("machines", "duplicate")
    if data.space_id is not None and session.get(Space, data.space_id) is None:
        errors.add("space", "unknown")
    if data.workshop_level is not None and data.workshop_level not in nm.WORKSHOP_LEVELS:
        errors.add("workshop_level", "invalid")
    if nm.invalid_values(data.themes, nm.THEMES):
        errors.add("themes", "invalid")
    errors.raise_if_any()
    assert activity is not None
    if activity.archived:
        raise DomainError("activity_archived", activity=activity.name)
    return activity


def _hold(
    session: Session,
    actor: int | None,
    s: ActivitySession,
    activity: Activity,
    machine_ids: Sequence[int],
    status: str = BookingStatus.BOOKED,
) -> None:
    """Book the session's space (when bookable) and machines, every rule checked."""
    resources: list[tuple[int | None, int | None]] = [(m, None) for m in machine_ids]
    if s.space_id is not None:
        space = session.get(Space, s.space_id)
        if space is not None and space.bookable:
            resources.insert(0, (None, s.space_id))
    for machine_id, space_id in resources:
        data = BookingInput(
            start_at=s.start_at,
            end_at=s.end_at,
            machine_id=machine_id,
            space_id=space_id,
            responsible_name=s.trainer,
            headcount=max(s.capacity, 1),
            purpose=activity.name,
            activity_session_id=s.id,
        )
        # Sessions may be recorded after the fact and are not bound by a machine's
        # per-booking limits; opening hours, availability and conflicts still apply.
        blocked_until = check_booking(session, data, now=utcnow(), lock=True, walk_in=True)
        booking = Booking(
            machine_id=machine_id,
            space_id=space_id,
            responsible_name=s.trainer,
            headcount=max(s.capacity, 1),
            start_at=s.start_at,
            end_at=s.end_at,
            blocked_until=blocked_until,
            purpose=activity.name[:300],
            status=status,
            activity_session_id=s.id,
        )
        stamp(booking, actor, created=True)
        session.add(booking)
        session.flush()


def _release(session: Session, session_id: int) -> None:
    for booking in session.scalars(
        select(Booking).where(
            Booking.activity_session_id == session_id, Booking.status == BookingStatus.BOOKED
        )
    ):
        booking.status = BookingStatus.CANCELLED
    session.flush()


@guarded(Permission.ACTIVITY)
def create_session(db: Database, actor: int | None, data: SessionInput) -> int:
    """Plan a session and book its space and machines, all or nothing."""
    with db.write() as session:
        activity = _check_session(session, data)
        s = ActivitySession(
            activity_id=activity.id,
            start_at=data.start_at,
            end_at=data.end_at,
            space_id=data.space_id,
            capacity=data.capacity,
            trainer=data.trainer.strip(),
            status=SessionStatus.PLANNED,
            note=data.note.strip(),
            workshop_level=data.workshop_level,
            themes=nm.join_values(data.themes),
        )
        stamp(s, actor, created=True)
        session.add(s)
        session.flush()
        _hold(session, actor, s, activity, data.machine_ids)
        return s.id


def load_session(session: Session, session_id: int) -> ActivitySession:
    """The session; in a write transaction (``Database.write``) locked until it ends
    (PostgreSQL: FOR UPDATE): two desks registering for its last seat at once are served
    one after the other, the second finding it full (issue 20 point 4). Reads lock
    nothing."""
    writing = "database" in session.info
    s = session.get(ActivitySession, session_id, with_for_update=writing)
    if s is None:
        raise NotFound("activity_session", session_id)
    return s


def _took_place(session: Session, session_id: int) -> bool:
    """Attendance ticked for someone: the session was held."""
    return (
        session.scalar(
            select(Registration.id)
            .where(Registration.session_id == session_id, Registration.attendance.is_not(None))
            .limit(1)
        )
        is not None
    )


def mark_held(session: Session, session_id: int) -> None:
    """A session held: its machines and room were used (bookings "done"), so the
    bookings calendar does not show them as still expected."""
    session.flush()
    held = _took_place(session, session_id)
    for booking in session.scalars(
        select(Booking).where(
            Booking.activity_session_id == session_id,
            Booking.status.in_((BookingStatus.BOOKED, BookingStatus.DONE)),
        )
    ):
        booking.status = BookingStatus.DONE if held else BookingStatus.BOOKED


@guarded(Permission.ACTIVITY)
def update_session(
    db: Database,
    actor: int | None,
    session_id: int,
    data: SessionInput,
    *,
    expected_version: int | None = None,
) -> None:
    """Move, resize, change the space, machines, capacity or trainer of a session. Its
    bookings are re-made under the same rules; a capacity below the seats taken is
    refused; a larger one promotes the waiting list."""
    with db.write() as session:
        s = load_session(session, session_id)
        check_version(s, expected_version, data)
        if s.status == SessionStatus.CANCELLED:
            raise DomainError("session_cancelled")
        activity = _check_session(session, data)
        if data.activity_id != s.activity_id:
            raise ValidationError({"activity": "invalid"})
        taken = seats_taken(session, s.id)
        if data.capacity < taken:
            raise DomainError("capacity_below_registered", registered=taken)
        held = _took_place(session, s.id)
        for booking in session.scalars(
            select(Booking).where(
                Booking.activity_session_id == s.id,
                Booking.status.in_((BookingStatus.BOOKED, BookingStatus.DONE)),
            )
        ):
            session.delete(booking)  # re-made below, checked against the others
        session.flush()
        s.start_at, s.end_at = data.start_at, data.end_at
        s.space_id, s.capacity = data.space_id, data.capacity
        s.trainer, s.note = data.trainer.strip(), data.note.strip()
        s.workshop_level, s.themes = data.workshop_level, nm.join_values(data.themes)
        stamp(s, actor)
        session.flush()
        _hold(
            session,
            actor,
            s,
            activity,
            data.machine_ids,
            BookingStatus.DONE if held else BookingStatus.BOOKED,
        )
        promote_waiting(session, actor, s)


@guarded(Permission.ACTIVITY)
def cancel_session(db: Database, actor: int | None, session_id: int, reason: str = "") -> None:
    """Cancel a session: its machines and space are free again; the registrations are
    kept (who was expected) but no longer hold seats."""
    check_texts(reason=reason)
    with db.write() as session:
        s = load_session(session, session_id)
        if s.status == SessionStatus.CANCELLED:
            raise DomainError("session_cancelled")
        if _took_place(session, s.id):
            raise DomainError("session_has_attendance")
        s.status = SessionStatus.CANCELLED
        if reason.strip():
            s.note = f"{s.note}\n{reason.strip()}".strip()
        stamp(s, actor)
        _release(session, s.id)


def session_rows(session: Session, sessions: Sequence[ActivitySession]) -> list[SessionRow]:
    if not sessions:
        return []
    ids = [s.id for s in sessions]
    activities = {
        a.id: a
        for a in session.scalars(
            select(Activity).where(Activity.id.in_({s.activity_id for s in sessions}))
        )
    }
    spaces = dict(session.execute(select(Space.id, Space.name)).all())
    machines: dict[int | None, list[tuple[int, str]]] = {}
    for sid, mid, name in session.execute(
        select(Booking.activity_session_id, Machine.id, Machine.name)
        .join(Machine, Machine.id == Booking.machine_id)
        .where(
            Booking.activity_session_id.in_(ids),
            Booking.status.in_((BookingStatus.BOOKED, BookingStatus.DONE, BookingStatus.CANCELLED)),
        )
        .order_by(Machine.name)
    ):
        machines.setdefault(sid, []).append((mid, name))
    counts: dict[int, dict[str, int]] = {i: {} for i in ids}
    for sid, status, attendance, headcount, present_count in session.execute(
        select(
            Registration.session_id,
            Registration.status,
            Registration.attendance,
            Registration.headcount,
            Registration.present_count,
        ).where(Registration.session_id.in_(ids))
    ):
        c = counts[sid]
        if status == RegistrationStatus.REGISTERED:
            c["registered"] = c.get("registered", 0) + headcount
            c["registrations"] = c.get("registrations", 0) + 1
            if attendance is not None:
                c["ticked"] = c.get("ticked", 0) + 1
            if attendance == Attendance.PRESENT:
                came = present_count if present_count is not None else headcount
                c["present"] = c.get("present", 0) + came
        elif status == RegistrationStatus.WAITING:
            c["waiting"] = c.get("waiting", 0) + 1
    out = []
    for s in sessions:
        a = activities[s.activity_id]
        c = counts[s.id]
        # A cancelled session shows the machines it had (its bookings are cancelled).
        held = sorted(set(machines.get(s.id, [])), key=lambda m: m[1])
        out.append(
            SessionRow(
                id=s.id,
                activity_id=a.id,
                activity_name=a.name,
                kind=a.kind,
                start_at=s.start_at,
                end_at=s.end_at,
                space_id=s.space_id,
                space_name=spaces.get(s.space_id, "") if s.space_id else "",
                capacity=s.capacity,
                trainer=s.trainer,
                status=s.status,
                note=s.note,
                machine_ids=tuple(m[0] for m in held),
                machine_names=tuple(m[1] for m in held),
                registered=c.get("registered", 0),
                registrations=c.get("registrations", 0),
                waiting=c.get("waiting", 0),
                present=c.get("present", 0),
                ticked=c.get("ticked", 0),
                version=s.version,
                workshop_level=s.workshop_level,
                themes=nm.split_values(s.themes),
            )
        )
    return out


@guarded(Permission.ACTIVITY)
def get_session(db: Database, session_id: int) -> SessionRow:
    with db.read() as session:
        return session_rows(session, [load_session(session, session_id)])[0]


@guarded(Permission.ACTIVITY)
def list_sessions(
    db: Database,
    start: datetime,
    end: datetime,
    *,
    activity_id: int | None = None,
    include_cancelled: bool = True,
) -> list[SessionRow]:
    """Sessions starting in [start, end), in order of start."""
    stmt = select(ActivitySession).where(
        ActivitySession.start_at >= start, ActivitySession.start_at < end
    )
    if activity_id is not None:
        stmt = stmt.where(ActivitySession.activity_id == activity_id)
    if not include_cancelled:
        stmt = stmt.where(ActivitySession.status == SessionStatus.PLANNED)
    with db.read() as session:
        found = list(session.scalars(stmt.order_by(ActivitySession.start_at, ActivitySession.id)))
        return session_rows(session, found)


@guarded(Permission.ACTIVITY)
def upcoming_sessions(
    db: Database, now: datetime | None = None, limit: int = 100
) -> list[SessionRow]:
    """Planned sessions not over yet (in progress or to come), soonest first."""
    now = now or utcnow()
    with db.read() as session:
        found = list(
            session.scalars(
                select(ActivitySession)
                .where(
                    ActivitySession.end_at > now,
                    ActivitySession.status == SessionStatus.PLANNED,
                )
                .order_by(ActivitySession.start_at, ActivitySession.id)
                .limit(limit)
            )
        )
        return session_rows(session, found)


# --------------------------------------------------------------------------- seats and the waiting list


def seats_taken(session: Session, session_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(Registration.headcount), 0)).where(
                Registration.session_id == session_id,
                Registration.status == RegistrationStatus.REGISTERED,
            )
        )
        or 0
    )


def waiting_ids(session: Session, session_id: int) -> list[int]:
    return list(
        session.scalars(
            select(Registration.id)
            .where(
                Registration.session_id == session_id,
                Registration.status == RegistrationStatus.WAITING,
            )
            .order_by(Registration.queued_at, Registration.id)
        )
    )


def promote_waiting(session: Session, actor: int | None, s: ActivitySession) -> list[int]:
    """Seat the waiting list in order while seats are free; returns who was seated."""
    free = s.capacity - seats_taken(session, s.id)
    promoted: list[int] = []
    for rid in waiting_ids(session, s.id):
        if free <= 0:
            break
        r = session.get(Registration, rid)
        assert r is not None
        if r.headcount <= free:
            r.status = RegistrationStatus.REGISTERED
            stamp(r, actor)
            free -= r.headcount
            promoted.append(r.id)
    session.flush()
    return promoted
