"""Registrations to the sessions of :mod:`sessions`: members and groups, the waiting
list, attendance, the attendance sheet, and the tickets to be paid.

Rules (each one tested):
- Seats: a registration that does not fit waits; a newcomer never passes someone
  waiting. Freed seats go to the waiting list in order (``sessions.promote_waiting``).
- A registration cannot be cancelled once its session has started: mark it absent or
  excused instead.
- Attendance is ticked from the session's day on. A member present at a machine training
  is authorized on the training's machine (the session's day, its trainer); changing
  the attendance back removes that authorization if the session granted it.
- The price of a registration is frozen when it is taken, by the activity's rules of the
  tariff grid (public, membership) on the session's day; issue 5 bills it at the desk
  (``payable_tickets``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Authorization,
    Basket,
    BasketLine,
    Member,
    Registration,
    Structure,
    utcnow,
)
from tierslieu_desktop.domain.activity import AttendanceLine, AttendanceSheet
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.enums import (
    ActivityKind,
    AgeBand,
    Attendance,
    MemberKind,
    RegistrationStatus,
    SessionStatus,
)
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import price_activity
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.activity.sessions import (
    MAX_CAPACITY,
    NAME_MAX,
    load_session,
    mark_held,
    promote_waiting,
    seats_taken,
    session_rows,
    waiting_ids,
)
from tierslieu_desktop.services.common import (
    FieldCollector,
    check_texts,
    check_version,
    soft_delete,
    stamp,
)
from tierslieu_desktop.services.people.members import display_name
from tierslieu_desktop.services.pricing.engine import customer_for, load_tariffs

# --------------------------------------------------------------------------- rows


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
    version: int = 1  # what update / cancel / set_attendance's expected_version is given

    @property
    def is_group(self) -> bool:
        return self.member_id is None


@dataclass(frozen=True)
class RegistrationResult:
    registration_id: int
    status: str
    waiting_position: int | None
    price_cents: int


# --------------------------------------------------------------------------- tickets to pay


def payable_tickets(*columns: Any) -> Select[Any]:
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


# --------------------------------------------------------------------------- registrations


def _payer(data: RegistrationInput) -> int | None:
    return data.member_id if data.member_id is not None else data.organisation_id


def _check_registration(session: Session, data: RegistrationInput) -> None:
    errors = FieldCollector()
    errors.texts(data)
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


@guarded(Permission.ACTIVITY)
def register(
    db: Database, actor: int | None, data: RegistrationInput, *, now: datetime | None = None
) -> RegistrationResult:
    """Register a member or a group: seated if the seats allow, else on the waiting
    list. A member registered or waiting twice is refused."""
    with db.write() as session:
        return register_in(session, actor, data, now=now)


def register_in(
    session: Session, actor: int | None, data: RegistrationInput, *, now: datetime | None = None
) -> RegistrationResult:
    """:func:`register` inside the caller's transaction (the class-list import registers
    a whole file in one transaction, services.imports.registrations)."""
    now = now or utcnow()
    s = load_session(session, data.session_id)
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
    fits = seats_taken(session, s.id) + data.headcount <= s.capacity
    # Seats go to the waiting list first: a newcomer never passes someone waiting.
    status = (
        RegistrationStatus.REGISTERED if fits and not waiting_before else RegistrationStatus.WAITING
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
        position = waiting_ids(session, s.id).index(r.id) + 1
    return RegistrationResult(r.id, status, position, price_cents)


def _get_registration(session: Session, registration_id: int) -> Registration:
    r = session.get(Registration, registration_id)
    if r is None:
        raise NotFound("registration", registration_id)
    return r


@guarded(Permission.ACTIVITY)
def cancel_registration(
    db: Database,
    actor: int | None,
    registration_id: int,
    *,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> list[int]:
    """Cancel a registration (or leave the waiting list) before the session starts;
    the freed seats go to the waiting list in order. Returns the promoted ids."""
    now = now or utcnow()
    with db.write() as session:
        r = _get_registration(session, registration_id)
        check_version(r, expected_version)
        s = load_session(session, r.session_id)
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
        return promote_waiting(session, actor, s)


@guarded(Permission.ACTIVITY)
def update_registration(
    db: Database,
    actor: int | None,
    registration_id: int,
    *,
    headcount: int | None = None,
    responsible_name: str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> None:
    """Change a group's head-count (never beyond the free seats) or the note."""
    check_texts(responsible_name=responsible_name, note=note)
    with db.write() as session:
        r = _get_registration(session, registration_id)
        given = {"headcount": headcount, "responsible_name": responsible_name, "note": note}
        check_version(
            r,
            expected_version,
            {k: v.strip() if isinstance(v, str) else v for k, v in given.items() if v is not None},
        )
        s = load_session(session, r.session_id)
        if headcount is not None and headcount != r.headcount:
            if r.member_id is not None or not 1 <= headcount <= MAX_CAPACITY:
                raise ValidationError({"headcount": "number_invalid"})
            if r.status == RegistrationStatus.REGISTERED:
                taken = seats_taken(session, s.id) - r.headcount
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
            promote_waiting(session, actor, s)


# --------------------------------------------------------------------------- attendance


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


def _ungrant(session: Session, actor: int | None, r: Registration) -> None:
    """The authorization the attendance granted, withdrawn (kept, marked deleted)."""
    if r.authorization_id is None:
        return
    auth = session.get(Authorization, r.authorization_id)
    r.authorization_id = None
    session.flush()
    if auth is not None:
        soft_delete(auth, actor, "Présence à la séance retirée")


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
        _ungrant(session, actor, r)
    mark_held(session, s.id)


@guarded(Permission.ACTIVITY)
def set_attendance(
    db: Database,
    actor: int | None,
    registration_id: int,
    attendance: str | None,
    *,
    present_count: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> None:
    """Tick present / absent / excused (None = not ticked). ``present_count``: how many
    of a group came (default: the whole head-count)."""
    today = today or to_local(utcnow()).date()
    with db.write() as session:
        r = _get_registration(session, registration_id)
        check_version(r, expected_version)
        s = load_session(session, r.session_id)
        if s.status == SessionStatus.CANCELLED:
            raise DomainError("session_cancelled")
        _tick(session, actor, r, s, attendance, present_count, today)


@guarded(Permission.ACTIVITY)
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
        s = load_session(session, session_id)
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


# --------------------------------------------------------------------------- lists and the attendance sheet


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
                version=r.version,
            )
        )
    return out


_STATUS_ORDER: dict[str, int] = {
    RegistrationStatus.REGISTERED: 0,
    RegistrationStatus.WAITING: 1,
    RegistrationStatus.CANCELLED: 2,
}


@guarded(Permission.ACTIVITY)
def session_registrations(db: Database, session_id: int) -> list[RegistrationRow]:
    """The registered (in order of registration), then the waiting list (in order),
    then the cancelled."""
    with db.read() as session:
        load_session(session, session_id)
        regs = list(
            session.scalars(select(Registration).where(Registration.session_id == session_id))
        )
        rows = _registration_rows(session, regs)
    return sorted(
        rows,
        key=lambda r: (_STATUS_ORDER.get(r.status, 3), r.queued_at, r.id),
    )


@guarded(Permission.ACTIVITY)
def attendance_sheet(db: Database, session_id: int) -> AttendanceSheet:
    """What the printed attendance sheet shows: the registered in alphabetical order
    (one line per member, one per group with its head-count), then the waiting list."""
    with db.read() as session:
        row = session_rows(session, [load_session(session, session_id)])[0]
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
