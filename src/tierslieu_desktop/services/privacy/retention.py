"""The retention assistant (issue 19, point 3; docs/legal-fr.md §7: a member's data is
kept while they come and up to 3 years after the last contact): the persons without any
activity for N years (``structure.retention_years``, 3 by default), then anonymised
together after confirmation (``anonymise.anonymise_members``, one transaction).

The last activity of a member is the latest of: the card's creation, a booking, a usage,
a registration's session, the end of a membership, an invoice or credit note issued to
them, a linked cyber-base drop-in, a pack bought and a wallet movement — as payer or as
the organisation of a group. Organisations are not listed: a legal person's identity is
not personal data (their contact persons have cards of their own)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    ActivitySession,
    Booking,
    DropIn,
    Invoice,
    Member,
    MemberPack,
    Membership,
    Registration,
    Structure,
    Usage,
    WalletMovement,
)
from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.people.members import display_name
from tierslieu_desktop.services.privacy.anonymise import blockers_of

DEFAULT_YEARS = 3
MIN_YEARS, MAX_YEARS = 1, 10


@dataclass(frozen=True)
class InactiveMember:
    member_id: int
    number: str
    name: str
    city: str
    last_activity: date
    blockers: tuple[str, ...]  # anonymise.BLOCKERS; empty: can be anonymised


@guarded(Permission.PERSONAL_DATA)
def retention_years(db: Database) -> int:
    with db.read() as session:
        years = session.scalar(select(Structure.retention_years).where(Structure.id == 1))
        return int(years or DEFAULT_YEARS)


@guarded(Permission.PERSONAL_DATA)
def set_retention_years(db: Database, actor: int | None, years: int) -> None:
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError({"retention_years": "out_of_range"})
    with db.write() as session:
        structure = session.get(Structure, 1)
        if structure is None:
            structure = Structure(id=1)
            session.add(structure)
        structure.retention_years = years
        structure.updated_by_id = actor


def cutoff_day(years: int, today: date | None = None) -> date:
    """The day N years before ``today`` (29 February → 28 February)."""
    today = today or to_local(utcnow()).date()
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _as_day(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_local(value if value.tzinfo else value.replace(tzinfo=UTC)).date()
    return value


def _latest(out: dict[int, date], rows: Iterable[Any]) -> None:
    """Keep in ``out`` the latest day of each (member id, date or instant) row."""
    for member_id, when in rows:
        day = _as_day(when)
        if member_id is None or day is None:
            continue
        if member_id in out and out[member_id] >= day:
            continue
        out[member_id] = day


def last_activity_days(session: Session) -> dict[int, date]:
    """The last activity day of every member having one (grouped queries, one a table)."""
    out: dict[int, date] = {}

    def grouped(who: Any, when: Any) -> None:
        _latest(out, session.execute(select(who, func.max(when)).group_by(who)))

    grouped(Member.id, Member.created_at)
    grouped(Booking.member_id, Booking.start_at)
    grouped(Booking.organisation_id, Booking.start_at)
    grouped(Usage.member_id, Usage.start_at)
    grouped(Usage.organisation_id, Usage.start_at)
    grouped(Membership.member_id, Membership.end_date)
    grouped(Invoice.member_id, Invoice.issued_at)
    grouped(DropIn.member_id, DropIn.at)
    grouped(MemberPack.member_id, MemberPack.purchased_on)
    grouped(WalletMovement.member_id, WalletMovement.at)
    for who in (Registration.member_id, Registration.organisation_id):
        stmt = (
            select(who, func.max(ActivitySession.start_at))
            .join(ActivitySession, ActivitySession.id == Registration.session_id)
            .group_by(who)
        )
        _latest(out, session.execute(stmt))
    return out


@guarded(Permission.PERSONAL_DATA)
def inactive_members(
    db: Database, years: int | None = None, today: date | None = None
) -> list[InactiveMember]:
    """The persons not yet anonymised whose last activity is more than ``years`` years
    before ``today`` (default: the structure's setting), oldest activity first."""
    today = today or to_local(utcnow()).date()
    with db.read() as session:
        if years is None:
            years = int(
                session.scalar(select(Structure.retention_years).where(Structure.id == 1))
                or DEFAULT_YEARS
            )
        cutoff = cutoff_day(years, today)
        last = last_activity_days(session)
        candidates = [mid for mid, day in last.items() if day < cutoff]
        if not candidates:
            return []
        now = datetime.combine(today, time(12), tzinfo=UTC)
        found: list[Member] = []
        for start in range(0, len(candidates), 500):
            chunk = candidates[start : start + 500]
            stmt = select(Member).where(
                Member.id.in_(chunk), Member.kind == "person", Member.anonymised_at.is_(None)
            )
            found += session.scalars(stmt)
        blocked = blockers_of(session, [m.id for m in found], now)
        out = [
            InactiveMember(
                member_id=m.id,
                number=m.number,
                name=display_name(m.kind, m.first_name, m.last_name),
                city=m.city,
                last_activity=last[m.id],
                blockers=blocked.get(m.id, ()),
            )
            for m in found
        ]
        out.sort(key=lambda r: (r.last_activity, r.number))
        return out
