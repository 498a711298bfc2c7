"""Workshops, machine trainings, open labs, school visits, repair cafés and events: the
activities, their dated sessions, the registrations with a waiting list, attendance.

Rules (each one tested):
- A session holds its space (when bookable) and its machines through bookings checked by
  the rules of :mod:`bookings` (opening hours, availability, conflicts) in the same
  transaction; a session may be recorded after the fact, and is not bound by a machine's
  per-booking duration limits (a training day is longer than a member's slot).
- Seats: the sum of the head-counts of the registered never exceeds the capacity. A
  registration that does not fit waits; when seats free up (a cancellation, a larger
  capacity) the waiting list is promoted in order of arrival — each waiting entry that
  fits takes its seats, a group too large for what is free keeps its place in the queue.
- A registration cannot be cancelled once its session has started: mark it absent or
  excused instead.
- Attendance is ticked from the session's day on. A member present at a machine training
  is authorized on the training's machine (the session's day, its trainer); changing
  the attendance back removes that authorization if the session granted it.
- The price of a registration is frozen when it is taken, by the activity's rules of the
  tariff grid (public, membership) on the session's day; issue 5 bills it at the desk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Authorization,
    Basket,
    BasketLine,
    Booking,
    Machine,
    Member,
    Registration,
    Space,
    Structure,
    utcnow,
)
from tierslieu_desktop.domain.activity import AttendanceLine, AttendanceSheet
from tierslieu_desktop.domain.calendar import local_day_and_minute, to_local
from tierslieu_desktop.domain.enums import (
    ActivityKind,
    AgeBand,
    Attendance,
    MemberKind,
    RegistrationStatus,
    SessionStatus,
)
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.pricing import price_activity
from tierslieu_desktop.services.common import FieldCollector, stamp
from tierslieu_desktop.services.people.members import display_name
from tierslieu_desktop.services.pricing.engine import customer_for, load_tariffs
from tierslieu_desktop.services.scheduling.bookings import (
    BookingInput,
    BookingStatus,
    check_booking,
)

NAME_MAX = 200
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
        )


@dataclass(frozen=True)
class RegistrationInput:
    session_id: int
    member_id: int | None = None
    organisation_id: int | None = None  # a group from an organisation (a school…)
    group_name: str = ""  # a group's name ("CM2 de l'école de Biars")
    responsible_name: str = ""
    headcount: int = 1
    age_band: str | None = None  # a group's age band (a member's own is on the member)
    note: str = ""


@dataclass(frozen=True)
class RegistrationRow:
    id: int
    session_id: int
    member_id: int | None
    organisation_id: int | None
    who: str
    group_name: str
    responsible_name: str
    headcount: int
    age_band: str | None
    audience_name: str
    status: str
    queued_at: datetime
    waiting_position: int | None  # 1 = next to be promoted
    attendance: str | None
    present_count: int | None
    price_cents: int
    price_reason: str
    note: str
    authorization_granted: bool
    billed: bool

    @property
    def is_group(self) -> bool:
        return self.member_id is None


@dataclass(frozen=True)
class RegistrationResult:
    registration_id: int
    status: str
    waiting_position: int | None
    price_cents: int


# --------------------------------------------------------------------------- activities


def _check_activity(session: Session, data: ActivityInput) -> None:
    errors = FieldCollector()
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


def save_activity(
    db: Database, actor: int | None, data: ActivityInput, activity_id: int | None = None
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
        if activity_id is None:
            activity = Activity()
            stamp(activity, actor, created=True)
            session.add(activity)
        else:
            activity = session.get(Activity, activity_id)
            if activity is None:
                raise NotFound("activity", activity_id)
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


def set_activity_archived(
    db: Database, actor: int | None, activity_id: int, archived: bool
) -> None:
    """An archived activity leaves the lists; its sessions and figures stay."""
    with db.write() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise NotFound("activity", activity_id)
        activity.archived = archived
        stamp(activity, actor)


def _activity_rows(session: Session, stmt) -> list[ActivityRow]:  # type: ignore[no-untyped-def]
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
            )
        )
    return out


def list_activities(db: Database, *, include_archived: bool = False) -> list[ActivityRow]:
    stmt = select(Activity).order_by(Activity.name)
    if not include_archived:
        stmt = stmt.where(Activity.archived.is_(False))
    with db.read() as session:
        return _activity_rows(session, stmt)


def get_activity(db: Database, activity_id: int) -> ActivityRow:
    with db.read() as session:
        rows = _activity_rows(session, select(Activity).where(Activity.id == activity_id))
    if not rows:
        raise NotFound("activity", activity_id)
    return rows[0]


# --------------------------------------------------------------------------- sessions


def _check_session(session: Session, data: SessionInput) -> Activity:
    errors = FieldCollector()
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
        )
        stamp(s, actor, created=True)
        session.add(s)
        session.flush()
        _hold(session, actor, s, activity, data.machine_ids)
        return s.id


def _get_session(session: Session, session_id: int) -> ActivitySession:
    s = session.get(ActivitySession, session_id)
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


def _mark_held(session: Session, session_id: int) -> None:
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


def _seats_taken(session: Session, session_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(Registration.headcount), 0)).where(
                Registration.session_id == session_id,
                Registration.status == RegistrationStatus.REGISTERED,
            )
        )
        or 0
    )


def update_session(db: Database, actor: int | None, session_id: int, data: SessionInput) -> None:
    """Move, resize, change the space, machines, capacity or trainer of a session. Its
    bookings are re-made under the same rules; a capacity below the seats taken is
    refused; a larger one promotes the waiting list."""
    with db.write() as session:
        s = _get_session(session, session_id)
        if s.status == SessionStatus.CANCELLED:
            raise DomainError("session_cancelled")
        activity = _check_session(session, data)
        if data.activity_id != s.activity_id:
            raise ValidationError({"activity": "invalid"})
        taken = _seats_taken(session, s.id)
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
        _promote(session, actor, s)


def cancel_session(db: Database, actor: int | None, session_id: int, reason: str = "") -> None:
    """Cancel a session: its machines and space are free again; the registrations are
    kept (who was expected) but no longer hold seats."""
    with db.write() as session:
        s = _get_session(session, session_id)
        if s.status == SessionStatus.CANCELLED:
            raise DomainError("session_cancelled")
        if _took_place(session, s.id):
            raise DomainError("session_has_attendance")
        s.status = SessionStatus.CANCELLED
        if reason.strip():
            s.note = f"{s.note}\n{reason.strip()}".strip()
        stamp(s, actor)
        _release(session, s.id)


def _session_rows(session: Session, sessions: Sequence[ActivitySession]) -> list[SessionRow]:
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
    machines: dict[int, list[tuple[int, str]]] = {}
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
            )
        )
    return out


def get_session(db: Database, session_id: int) -> SessionRow:
    with db.read() as session:
        return _session_rows(session, [_get_session(session, session_id)])[0]


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
        return _session_rows(session, found)


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
        return _session_rows(session, found)


# --------------------------------------------------------------------------- registrations


def payable_tickets(*columns):  # type: ignore[no-untyped-def]
    """A SELECT of ``columns`` over the tickets to be paid: priced registrations,
    seated, not ticked absent or excused, of sessions not cancelled (joined with their
    session and activity). The desk bills them (issue 5), the balance counts those held
    before the invoicing start (issue 6): one rule for both."""
    return (
        select(*columns)
        .select_from(Registration)
        .join(ActivitySession, ActivitySession.id == Registration.session_id)
        .join(Activity, Activity.id == ActivitySession.activity_id)
        .where(
            Registration.status == RegistrationStatus.REGISTERED,
            Registration.price_cents > 0,
            Registration.attendance.is_(None) | (Registration.attendance == Attendance.PRESENT),
            ActivitySession.status == SessionStatus.PLANNED,
        )
    )


def _payer(data: RegistrationInput) -> int | None:
    return data.member_id if data.member_id is not None else data.organisation_id


def _check_registration(session: Session, data: RegistrationInput) -> None:
    errors = FieldCollector()
    if data.member_id is None and data.organisation_id is None and not data.group_name.strip():
        errors.add("member", "member_or_group_required")
    if data.headcount < 1 or data.headcount > MAX_CAPACITY:
        errors.add("headcount", "number_invalid")
    if data.member_id is not None and data.headcount != 1:
        errors.add("headcount", "member_headcount_one")
    if data.age_band is not None and data.age_band not in {a.value for a in AgeBand}:
        errors.add("age_band", "invalid")
    if len(data.group_name.strip()) > NAME_MAX:
        errors.add("group_name", "too_long")
    errors.raise_if_any()
    for member_id in (data.member_id, data.organisation_id):
        if member_id is None:
            continue
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("member", member_id)
        if member.archived:
            raise DomainError(
                "member_archived",
                member=display_name(member.kind, member.first_name, member.last_name),
            )
    if data.organisation_id is not None:
        org = session.get(Member, data.organisation_id)
        if org is not None and org.kind != MemberKind.ORGANISATION:
            raise DomainError("organisation_invalid")


def _price(
    session: Session, s: ActivitySession, payer: int | None, headcount: int
) -> tuple[int, str]:
    day = to_local(s.start_at).date()
    customer = customer_for(session, payer, day)
    minutes = int((s.end_at - s.start_at).total_seconds() // 60)
    price = price_activity(
        load_tariffs(session).book,
        s.activity_id,
        day,
        customer,
        headcount=headcount,
        minutes=minutes,
    )
    return price.amount_cents, price.reason


def register(
    db: Database, actor: int | None, data: RegistrationInput, *, now: datetime | None = None
) -> RegistrationResult:
    """Register a member or a group: seated if the seats allow, else on the waiting
    list. A member registered or waiting twice is refused."""
    now = now or utcnow()
    with db.write() as session:
        s = _get_session(session, data.session_id)
        if s.status == SessionStatus.CANCELLED:
            raise DomainError("session_cancelled")
        _check_registration(session, data)
        if data.member_id is not None:
            dup = session.scalar(
                select(Registration.id).where(
                    Registration.session_id == s.id,
                    Registration.member_id == data.member_id,
                    Registration.status != RegistrationStatus.CANCELLED,
                )
            )
            if dup is not None:
                member = session.get(Member, data.member_id)
                assert member is not None
                raise DomainError(
                    "already_registered",
                    member=display_name(member.kind, member.first_name, member.last_name),
                )
        waiting_before = session.scalar(
            select(func.count(Registration.id)).where(
                Registration.session_id == s.id,
                Registration.status == RegistrationStatus.WAITING,
            )
        )
        fits = _seats_taken(session, s.id) + data.headcount <= s.capacity
        # Seats go to the waiting list first: a newcomer never passes someone waiting.
        status = (
            RegistrationStatus.REGISTERED
            if fits and not waiting_before
            else RegistrationStatus.WAITING
        )
        price_cents, reason = _price(session, s, _payer(data), data.headcount)
        r = Registration(
            session_id=s.id,
            member_id=data.member_id,
            organisation_id=data.organisation_id,
            group_name=data.group_name.strip(),
            responsible_name=data.responsible_name.strip(),
            headcount=data.headcount,
            age_band=data.age_band if data.member_id is None else None,
            status=status,
            queued_at=now,
            price_cents=price_cents,
            price_reason=reason,
            note=data.note.strip(),
        )
        stamp(r, actor, created=True)
        session.add(r)
        session.flush()
        position = None
        if status == RegistrationStatus.WAITING:
            position = _waiting_ids(session, s.id).index(r.id) + 1
        return RegistrationResult(r.id, status, position, price_cents)


def _waiting_ids(session: Session, session_id: int) -> list[int]:
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


def _promote(session: Session, actor: int | None, s: ActivitySession) -> list[int]:
    """Seat the waiting list in order while seats are free; returns who was seated."""
    free = s.capacity - _seats_taken(session, s.id)
    promoted: list[int] = []
    for rid in _waiting_ids(session, s.id):
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


def _get_registration(session: Session, registration_id: int) -> Registration:
    r = session.get(Registration, registration_id)
    if r is None:
        raise NotFound("registration", registration_id)
    return r


def cancel_registration(
    db: Database, actor: int | None, registration_id: int, *, now: datetime | None = None
) -> list[int]:
    """Cancel a registration (or leave the waiting list) before the session starts;
    the freed seats go to the waiting list in order. Returns the promoted ids."""
    now = now or utcnow()
    with db.write() as session:
        r = _get_registration(session, registration_id)
        s = _get_session(session, r.session_id)
        if r.status == RegistrationStatus.CANCELLED:
            raise DomainError("registration_cancelled")
        if s.start_at <= now:
            raise DomainError("registration_session_started")
        r.status = RegistrationStatus.CANCELLED
        r.cancelled_at = now
        stamp(r, actor)
        session.flush()
        if s.status == SessionStatus.CANCELLED:
            return []
        return _promote(session, actor, s)


def update_registration(
    db: Database,
    actor: int | None,
    registration_id: int,
    *,
    headcount: int | None = None,
    responsible_name: str | None = None,
    note: str | None = None,
) -> None:
    """Change a group's head-count (never beyond the free seats) or the note."""
    with db.write() as session:
        r = _get_registration(session, registration_id)
        s = _get_session(session, r.session_id)
        if headcount is not None and headcount != r.headcount:
            if r.member_id is not None or not 1 <= headcount <= MAX_CAPACITY:
                raise ValidationError({"headcount": "number_invalid"})
            if r.status == RegistrationStatus.REGISTERED:
                taken = _seats_taken(session, s.id) - r.headcount
                if taken + headcount > s.capacity:
                    raise DomainError("session_full", free=s.capacity - taken)
            r.headcount = headcount
            r.price_cents, r.price_reason = _price(
                session, s, r.member_id or r.organisation_id, headcount
            )
        if responsible_name is not None:
            r.responsible_name = responsible_name.strip()
        if note is not None:
            r.note = note.strip()
        stamp(r, actor)
        session.flush()
        if r.status == RegistrationStatus.REGISTERED:
            _promote(session, actor, s)


def _grant(session: Session, actor: int | None, r: Registration, s: ActivitySession) -> None:
    activity = session.get(Activity, s.activity_id)
    if (
        activity is None
        or activity.kind != ActivityKind.MACHINE_TRAINING
        or activity.machine_id is None
        or r.member_id is None
        or r.authorization_id is not None
    ):
        return
    existing = session.scalar(
        select(Authorization.id).where(
            Authorization.member_id == r.member_id,
            Authorization.machine_id == activity.machine_id,
        )
    )
    if existing is not None:
        return  # already authorized (an earlier training): nothing to add or remove later
    day = to_local(s.start_at).date()
    auth = Authorization(
        member_id=r.member_id,
        machine_id=activity.machine_id,
        granted_on=day,
        trainer=s.trainer or activity.trainer,
        note=f"{activity.name} — {day:%d/%m/%Y}"[:500],
    )
    stamp(auth, actor, created=True)
    session.add(auth)
    session.flush()
    r.authorization_id = auth.id


def _ungrant(session: Session, r: Registration) -> None:
    if r.authorization_id is None:
        return
    auth = session.get(Authorization, r.authorization_id)
    r.authorization_id = None
    session.flush()
    if auth is not None:
        session.delete(auth)


def _tick(
    session: Session,
    actor: int | None,
    r: Registration,
    s: ActivitySession,
    attendance: str | None,
    present_count: int | None,
    today: date,
) -> None:
    if r.status != RegistrationStatus.REGISTERED:
        raise DomainError("registration_not_seated")
    if attendance is not None and attendance not in {a.value for a in Attendance}:
        raise ValidationError({"attendance": "invalid"})
    if attendance is not None and to_local(s.start_at).date() > today:
        raise DomainError("attendance_too_early")
    if present_count is not None and (
        attendance != Attendance.PRESENT or not 0 <= present_count <= r.headcount
    ):
        raise ValidationError({"present_count": "number_invalid"})
    r.attendance = attendance
    r.present_count = present_count if r.member_id is None else None
    stamp(r, actor)
    if attendance == Attendance.PRESENT:
        _grant(session, actor, r, s)
    else:
        _ungrant(session, r)
    _mark_held(session, s.id)


def set_attendance(
    db: Database,
    actor: int | None,
    registration_id: int,
    attendance: str | None,
    *,
    present_count: int | None = None,
    today: date | None = None,
) -> None:
    """Tick present / absent / excused (None = not ticked). ``present_count``: how many
    of a group came (default: the whole head-count)."""
    today = today or to_local(utcnow()).date()
    with db.write() as session:
        r = _get_registration(session, registration_id)
        s = _get_session(session, r.session_id)
        if s.status == SessionStatus.CANCELLED:
            raise DomainError("session_cancelled")
        _tick(session, actor, r, s, attendance, present_count, today)


def set_all_attendance(
    db: Database,
    actor: int | None,
    session_id: int,
    attendance: str,
    *,
    only_unticked: bool = True,
    today: date | None = None,
) -> int:
    """Tick every registered entry (by default only those not ticked yet) in one
    transaction; returns how many were ticked."""
    today = today or to_local(utcnow()).date()
    with db.write() as session:
        s = _get_session(session, session_id)
        if s.status == SessionStatus.CANCELLED:
            raise DomainError("session_cancelled")
        count = 0
        for r in session.scalars(
            select(Registration)
            .where(
                Registration.session_id == s.id,
                Registration.status == RegistrationStatus.REGISTERED,
            )
            .order_by(Registration.id)
        ):
            if only_unticked and r.attendance is not None:
                continue
            _tick(session, actor, r, s, attendance, None, today)
            count += 1
        return count


def _who(r: Registration, members: dict[int, Member]) -> str:
    if r.member_id is not None and r.member_id in members:
        m = members[r.member_id]
        return display_name(m.kind, m.first_name, m.last_name)
    org = members.get(r.organisation_id) if r.organisation_id is not None else None
    parts = [p for p in (org.last_name if org else "", r.group_name) if p]
    return " — ".join(parts)


def _registration_rows(session: Session, regs: Sequence[Registration]) -> list[RegistrationRow]:
    ids = {i for r in regs for i in (r.member_id, r.organisation_id) if i is not None}
    members = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(ids)))}
    audiences = dict(session.execute(select(Audience.id, Audience.name)).all())
    billed = set(
        session.scalars(
            select(BasketLine.registration_id)
            .join(Basket, Basket.id == BasketLine.basket_id)
            .where(
                BasketLine.registration_id.in_([r.id for r in regs]),
                Basket.status != "cancelled",
            )
        )
    )
    waiting: dict[int, list[Registration]] = {}
    for r in sorted(regs, key=lambda x: (x.queued_at, x.id)):
        if r.status == RegistrationStatus.WAITING:
            waiting.setdefault(r.session_id, []).append(r)
    positions = {r.id: i + 1 for lst in waiting.values() for i, r in enumerate(lst)}
    out = []
    for r in regs:
        payer = members.get(r.member_id or r.organisation_id or 0)
        age_band = r.age_band
        if r.member_id is not None and r.member_id in members:
            age_band = members[r.member_id].age_band
        out.append(
            RegistrationRow(
                id=r.id,
                session_id=r.session_id,
                member_id=r.member_id,
                organisation_id=r.organisation_id,
                who=_who(r, members),
                group_name=r.group_name,
                responsible_name=r.responsible_name,
                headcount=r.headcount,
                age_band=age_band,
                audience_name=audiences.get(payer.audience_id, "")
                if payer and payer.audience_id
                else "",
                status=r.status,
                queued_at=r.queued_at,
                waiting_position=positions.get(r.id),
                attendance=r.attendance,
                present_count=r.present_count,
                price_cents=r.price_cents,
                price_reason=r.price_reason,
                note=r.note,
                authorization_granted=r.authorization_id is not None,
                billed=r.id in billed,
            )
        )
    return out


_STATUS_ORDER = {
    RegistrationStatus.REGISTERED: 0,
    RegistrationStatus.WAITING: 1,
    RegistrationStatus.CANCELLED: 2,
}


def session_registrations(db: Database, session_id: int) -> list[RegistrationRow]:
    """The registered (in order of registration), then the waiting list (in order),
    then the cancelled."""
    with db.read() as session:
        _get_session(session, session_id)
        regs = list(
            session.scalars(select(Registration).where(Registration.session_id == session_id))
        )
        rows = _registration_rows(session, regs)
    return sorted(
        rows,
        key=lambda r: (_STATUS_ORDER.get(r.status, 3), r.queued_at, r.id),  # type: ignore[call-overload]
    )


def attendance_sheet(db: Database, session_id: int) -> AttendanceSheet:
    """What the printed attendance sheet shows: the registered in alphabetical order
    (one line per member, one per group with its head-count), then the waiting list."""
    with db.read() as session:
        row = _session_rows(session, [_get_session(session, session_id)])[0]
        regs = _registration_rows(
            session,
            list(
                session.scalars(select(Registration).where(Registration.session_id == session_id))
            ),
        )
        structure = session.get(Structure, 1)
        name = structure.name if structure else ""
        city = structure.city if structure else ""

    def line(r: RegistrationRow) -> AttendanceLine:
        detail = r.responsible_name if r.is_group else ""
        return AttendanceLine(r.who, detail, r.headcount, r.attendance, r.is_group)

    seated = sorted(
        (r for r in regs if r.status == RegistrationStatus.REGISTERED),
        key=lambda r: r.who.casefold(),
    )
    waiting = sorted(
        (r for r in regs if r.status == RegistrationStatus.WAITING),
        key=lambda r: r.waiting_position or 0,
    )
    return AttendanceSheet(
        structure_name=name,
        structure_city=city,
        activity_name=row.activity_name,
        kind=row.kind,
        start_at=row.start_at,
        end_at=row.end_at,
        space_name=row.space_name,
        trainer=row.trainer,
        capacity=row.capacity,
        lines=tuple(line(r) for r in seated),
        waiting=tuple(line(r) for r in waiting),
    )
