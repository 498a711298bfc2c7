"""The cyber-base's drop-in log: anonymous visits and one-to-one digital-help sessions
("accompagnement individuel"), counted by public, age band, commune and purpose, with
the Pass numérique vouchers received. Nobody needs an account; linking a visit to a
member is optional (their public, age band and commune then fill the blanks).
The vouchers reach the accounts (services.finance.journal.vouchers): on a closed day they
can no longer be added, changed or removed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Audience, Closing, DropIn, Member, Space, utcnow
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.enums import AgeBand, DropInKind, DropInPurpose
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, as_operator, stamp
from tierslieu_desktop.services.people.members import display_name

PURPOSES = tuple(p.value for p in DropInPurpose)
KINDS = tuple(k.value for k in DropInKind)
MAX_MINUTES = 12 * 60
MAX_VOUCHERS = 100
COMMUNE_MAX = 120


@dataclass(frozen=True)
class DropInInput:
    kind: str = DropInKind.VISIT
    purpose: str = DropInPurpose.OTHER
    duration_minutes: int = 30
    audience_id: int | None = None
    age_band: str | None = None
    commune: str = ""
    helper: str = ""  # who helped (one-to-one help)
    vouchers: int = 0  # Pass numérique vouchers received
    member_id: int | None = None
    space_id: int | None = None
    note: str = ""
    at: datetime | None = None  # default: now


@dataclass(frozen=True)
class DropInRow:
    id: int
    at: datetime
    kind: str
    purpose: str
    duration_minutes: int
    audience_id: int | None
    audience_name: str
    age_band: str | None
    commune: str
    helper: str
    vouchers: int
    member_id: int | None
    member_name: str
    space_id: int | None
    note: str


@dataclass(frozen=True)
class DayCount:
    visits: int
    helps: int
    minutes: int
    vouchers: int


def _check(data: DropInInput) -> None:
    errors = FieldCollector()
    errors.texts(data)
    if data.kind not in KINDS:
        errors.add("kind", "invalid")
    if data.purpose not in PURPOSES:
        errors.add("purpose", "invalid")
    if not 1 <= data.duration_minutes <= MAX_MINUTES:
        errors.add("duration_minutes", "number_invalid")
    if data.age_band is not None and data.age_band not in {a.value for a in AgeBand}:
        errors.add("age_band", "invalid")
    if len(data.commune.strip()) > COMMUNE_MAX:
        errors.add("commune", "too_long")
    if not 0 <= data.vouchers <= MAX_VOUCHERS:
        errors.add("vouchers", "number_invalid")
    if data.kind == DropInKind.HELP and not data.helper.strip():
        errors.add("helper", "required")
    if data.at is not None and data.at.tzinfo is None:
        raise ValueError("aware datetimes only")
    errors.raise_if_any()


def _apply(session: Session, row: DropIn, data: DropInInput) -> None:
    audience_id, age_band, commune = data.audience_id, data.age_band, data.commune.strip()
    if data.member_id is not None:
        member = session.get(Member, data.member_id)
        if member is None:
            raise NotFound("member", data.member_id)
        # A linked member fills what the desk left blank.
        audience_id = audience_id if audience_id is not None else member.audience_id
        age_band = age_band if age_band is not None else member.age_band
        commune = commune or member.city
    if audience_id is not None and session.get(Audience, audience_id) is None:
        raise NotFound("audience", audience_id)
    if data.space_id is not None and session.get(Space, data.space_id) is None:
        raise NotFound("space", data.space_id)
    row.kind = data.kind
    row.purpose = data.purpose
    row.duration_minutes = data.duration_minutes
    row.audience_id = audience_id
    row.age_band = age_band
    row.commune = commune
    row.helper = data.helper.strip() if data.kind == DropInKind.HELP else ""
    row.vouchers = data.vouchers
    row.member_id = data.member_id
    row.space_id = data.space_id
    row.note = data.note.strip()


def _vouchers_open(session: Session, at: datetime, vouchers: int) -> None:
    """The Pass numérique vouchers of the drop-in log reach the accounts (the journal's
    OD entry of their day, services.finance.journal.vouchers): refuse adding, changing
    or removing vouchers on a day a closing covers, like any write into the accounts."""
    if not vouchers:
        return
    day = to_local(at).date()
    covered = session.execute(
        select(Closing.id).where(Closing.period_start <= day, Closing.period_end >= day).limit(1)
    ).scalar_one_or_none()
    if covered is not None:
        raise DomainError("period_closed", day=day)


@guarded(Permission.CYBERBASE)
def log_drop_in(db: Database, actor: int | None, data: DropInInput) -> int:
    """Record one visit or help session (one click at the desk)."""
    _check(data)
    with db.write() as session:
        row = DropIn(at=data.at or utcnow())
        _vouchers_open(session, row.at, data.vouchers)
        _apply(session, row, data)
        stamp(row, actor, created=True)
        session.add(row)
        session.flush()
        return row.id


@guarded(Permission.CYBERBASE)
def update_drop_in(db: Database, actor: int | None, drop_in_id: int, data: DropInInput) -> None:
    _check(data)
    with db.write() as session:
        row = session.get(DropIn, drop_in_id)
        if row is None:
            raise NotFound("drop_in", drop_in_id)
        new_at = data.at if data.at is not None else row.at
        if row.vouchers != data.vouchers or new_at != row.at:
            _vouchers_open(session, row.at, row.vouchers)
            _vouchers_open(session, new_at, data.vouchers)
        _apply(session, row, data)
        if data.at is not None:
            row.at = data.at
        stamp(row, actor)


@guarded(Permission.CYBERBASE)
def delete_drop_in(db: Database, actor: int | None, drop_in_id: int) -> None:
    """Remove a visit logged by mistake (the desk's undo)."""
    with db.write() as session:
        as_operator(session, actor)  # no audit columns: the journal's operator
        row = session.get(DropIn, drop_in_id)
        if row is None:
            raise NotFound("drop_in", drop_in_id)
        _vouchers_open(session, row.at, row.vouchers)
        session.delete(row)


@guarded(Permission.CYBERBASE)
def list_drop_ins(db: Database, first_day: date, last_day: date) -> list[DropInRow]:
    """Visits and help sessions of the local days [first_day, last_day], latest first."""
    start, end = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    with db.read() as session:
        audiences = dict(session.execute(select(Audience.id, Audience.name)).all())
        rows = list(
            session.scalars(
                select(DropIn)
                .where(DropIn.at >= start, DropIn.at < end)
                .order_by(DropIn.at.desc(), DropIn.id.desc())
            )
        )
        ids = {r.member_id for r in rows if r.member_id is not None}
        members = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(ids)))}
        return [
            DropInRow(
                id=r.id,
                at=r.at,
                kind=r.kind,
                purpose=r.purpose,
                duration_minutes=r.duration_minutes,
                audience_id=r.audience_id,
                audience_name=audiences.get(r.audience_id, "") if r.audience_id else "",
                age_band=r.age_band,
                commune=r.commune,
                helper=r.helper,
                vouchers=r.vouchers,
                member_id=r.member_id,
                member_name=display_name(
                    members[r.member_id].kind,
                    members[r.member_id].first_name,
                    members[r.member_id].last_name,
                )
                if r.member_id in members
                else "",
                space_id=r.space_id,
                note=r.note,
            )
            for r in rows
        ]


@guarded(Permission.CYBERBASE)
def known_communes(db: Database, since: date) -> list[str]:
    """The towns typed at the desk since ``since`` and the members' towns, each once
    (case-insensitively, first spelling kept), alphabetical: the commune field's
    suggestions."""
    start = local_day_bounds(since)[0]
    with db.read() as session:
        typed = session.scalars(
            select(DropIn.commune).where(DropIn.at >= start, DropIn.commune != "").distinct()
        ).all()
        cities = session.scalars(
            select(Member.city).where(Member.city != "", Member.archived.is_(False)).distinct()
        ).all()
    seen: dict[str, str] = {}
    for name in (*typed, *cities):
        seen.setdefault(name.strip().casefold(), name.strip())
    return sorted(seen.values(), key=str.casefold)


@guarded(Permission.CYBERBASE)
def day_count(db: Database, day: date | None = None) -> DayCount:
    """The desk's counters for a local day (default today)."""
    day = day or to_local(utcnow()).date()
    start, end = local_day_bounds(day)
    with db.read() as session:
        rows = session.execute(
            select(
                DropIn.kind,
                func.count(),
                func.sum(DropIn.duration_minutes),
                func.sum(DropIn.vouchers),
            )
            .where(DropIn.at >= start, DropIn.at < end)
            .group_by(DropIn.kind)
        ).all()
    by_kind = {k: (int(n), int(m or 0), int(v or 0)) for k, n, m, v in rows}
    visit = by_kind.get(DropInKind.VISIT, (0, 0, 0))
    help_ = by_kind.get(DropInKind.HELP, (0, 0, 0))
    return DayCount(
        visits=visit[0],
        helps=help_[0],
        minutes=visit[1] + help_[1],
        vouchers=visit[2] + help_[2],
    )
