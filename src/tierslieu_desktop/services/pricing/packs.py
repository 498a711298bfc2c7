"""Prepaid packs of hours, the member's wallet (porte-monnaie), and the membership
renewal suggested at the desk.

A pack's balance and a wallet's balance are the sum of their movements: a purchase is
a +minutes movement, each usage a −minutes one (written at check-out by
services.pricing.engine.charge_usage); a wallet credit is +cents, a debit −cents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Audience,
    Member,
    MemberPack,
    Membership,
    PackMovement,
    PackType,
    WalletMovement,
    utcnow,
)
from tierslieu_desktop.db.models import MembershipFee as FeeRow
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import (
    MEMBERSHIP_DURATIONS,
    MembershipFee,
    _end_of_months,
    membership_fee,
    membership_period,
)
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.chain import seal
from tierslieu_desktop.services.common import FieldCollector, stamp

# --------------------------------------------------------------------------- packs


@dataclass(frozen=True)
class MemberPackRow:
    id: int
    pack_type_id: int
    name: str
    minutes_total: int
    minutes_left: int
    purchased_on: date
    expires_on: date
    expired: bool
    price_cents: int


@dataclass(frozen=True)
class MovementRow:
    at: datetime
    amount: int  # minutes for a pack, cents for a wallet
    usage_id: int | None
    note: str


def pack_expiry(purchased_on: date, validity_months: int) -> date:
    """The last day a pack can be used: purchase day + validity months − 1 day
    (bought 15 March for 12 months → 14 March next year; 31 January + 1 month → 28/29
    February)."""
    return _end_of_months(purchased_on, validity_months)


@guarded(Permission.CHECKOUT)
def buy_pack(db: Database, actor: int | None, member_id: int, pack_type_id: int, day: date) -> int:
    """The member buys a pack of this type on ``day``: the pack (minutes, price and
    validity copied from the type) and its +minutes movement. Returns the pack id."""
    with db.write() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("member", member_id)
        if member.archived:
            raise DomainError("member_archived", member=member.sort_name)
        pack_type = session.get(PackType, pack_type_id)
        if pack_type is None:
            raise NotFound("pack_type", pack_type_id)
        if pack_type.archived:
            raise DomainError("pack_type_archived", name=pack_type.name)
        pack = MemberPack(
            member_id=member_id,
            pack_type_id=pack_type_id,
            purchased_on=day,
            expires_on=pack_expiry(day, max(1, pack_type.validity_months)),
            minutes_total=pack_type.minutes,
            price_cents=pack_type.price_cents,
        )
        stamp(pack, actor, created=True)
        session.add(pack)
        session.flush()
        session.add(
            PackMovement(
                member_pack_id=pack.id,
                minutes=pack_type.minutes,
                operator_id=actor,
                note=pack_type.name,
            )
        )
        return pack.id


def member_packs(db: Database, member_id: int, day: date) -> list[MemberPackRow]:
    """Every pack of the member, the ones still usable on ``day`` first (soonest expiry
    first), then the expired ones (latest first)."""
    left = (
        select(func.coalesce(func.sum(PackMovement.minutes), 0))
        .where(PackMovement.member_pack_id == MemberPack.id)
        .scalar_subquery()
    )
    stmt = (
        select(MemberPack, PackType.name, left)
        .join(PackType, PackType.id == MemberPack.pack_type_id)
        .where(MemberPack.member_id == member_id)
    )
    with db.read() as session:
        rows = [
            MemberPackRow(
                id=pack.id,
                pack_type_id=pack.pack_type_id,
                name=name,
                minutes_total=pack.minutes_total,
                minutes_left=max(0, int(minutes_left)),
                purchased_on=pack.purchased_on,
                expires_on=pack.expires_on,
                expired=pack.expires_on < day,
                price_cents=pack.price_cents,
            )
            for pack, name, minutes_left in session.execute(stmt)
        ]
    usable = sorted((r for r in rows if not r.expired), key=lambda r: (r.expires_on, r.id))
    expired = sorted((r for r in rows if r.expired), key=lambda r: (r.expires_on, r.id))
    return usable + expired[::-1]


def pack_movements(db: Database, member_pack_id: int) -> list[MovementRow]:
    """The movements of a pack in minutes (purchase +, usages −), oldest first."""
    with db.read() as session:
        if session.get(MemberPack, member_pack_id) is None:
            raise NotFound("member_pack", member_pack_id)
        return [
            MovementRow(m.at, m.minutes, m.usage_id, m.note)
            for m in session.scalars(
                select(PackMovement)
                .where(PackMovement.member_pack_id == member_pack_id)
                .order_by(PackMovement.at, PackMovement.id)
            )
        ]


# --------------------------------------------------------------------------- wallet


def balance_in(session: Session, member_id: int | None) -> int:
    """The wallet balance read in the caller's transaction (0 without a member)."""
    if member_id is None:
        return 0
    return int(
        session.scalar(
            select(func.coalesce(func.sum(WalletMovement.amount_cents), 0)).where(
                WalletMovement.member_id == member_id
            )
        )
        or 0
    )


def debit_in(
    session: Session,
    actor: int | None,
    member_id: int,
    amount_cents: int,
    *,
    note: str,
    at: datetime | None = None,
    usage_id: int | None = None,
) -> None:
    """Take ``amount_cents`` from the wallet inside the caller's transaction; refused
    with "wallet_insufficient" when the balance would go below 0. The member's row is
    locked first (PostgreSQL: FOR UPDATE) so that two desks debiting the same wallet at
    once are served one after the other, the second reading the first's debit."""
    session.get(Member, member_id, with_for_update=True)
    balance = balance_in(session, member_id)
    if amount_cents > balance:
        raise DomainError("wallet_insufficient", balance=balance, amount=amount_cents)
    add_movement_in(session, actor, member_id, -amount_cents, note=note, at=at, usage_id=usage_id)


def add_movement_in(
    session: Session,
    actor: int | None,
    member_id: int,
    amount_cents: int,
    *,
    note: str,
    at: datetime | None = None,
    usage_id: int | None = None,
) -> int:
    """Write one wallet movement (+credit, −debit) in the caller's transaction and seal
    it in the integrity chain (prepaid money is never changed afterwards). Its id."""
    move = WalletMovement(
        member_id=member_id,
        amount_cents=amount_cents,
        usage_id=usage_id,
        operator_id=actor,
        note=note,
        at=at or utcnow(),
    )
    session.add(move)
    session.flush()
    seal(session, "wallet", move.id, move.at)
    return move.id


def wallet_balance(db: Database, member_id: int) -> int:
    with db.read() as session:
        return balance_in(session, member_id)


def _check_amount(amount_cents: int, note: str) -> str:
    errors = FieldCollector()
    errors.text("note", note)
    if amount_cents <= 0:
        errors.add("amount", "amount_not_positive")
    errors.raise_if_any()
    return note.strip()


@guarded(Permission.CHECKOUT)
def wallet_credit(
    db: Database, actor: int | None, member_id: int, amount_cents: int, note: str = ""
) -> None:
    """Money put on the member's wallet (``amount_cents`` > 0)."""
    note = _check_amount(amount_cents, note)
    with db.write() as session:
        if session.get(Member, member_id) is None:
            raise NotFound("member", member_id)
        add_movement_in(session, actor, member_id, amount_cents, note=note)


@guarded(Permission.CHECKOUT)
def wallet_debit(
    db: Database,
    actor: int | None,
    member_id: int,
    amount_cents: int,
    note: str = "",
    usage_id: int | None = None,
) -> None:
    """Pay ``amount_cents`` (> 0) from the wallet. Refused with "wallet_insufficient"
    when the balance would go below 0 (the balance is read in the same transaction)."""
    note = _check_amount(amount_cents, note)
    with db.write() as session:
        if session.get(Member, member_id) is None:
            raise NotFound("member", member_id)
        debit_in(session, actor, member_id, amount_cents, note=note, usage_id=usage_id)


def wallet_movements(db: Database, member_id: int) -> list[MovementRow]:
    """The wallet's movements in cents (credits +, debits −), oldest first."""
    with db.read() as session:
        return [
            MovementRow(m.at, m.amount_cents, m.usage_id, m.note)
            for m in session.scalars(
                select(WalletMovement)
                .where(WalletMovement.member_id == member_id)
                .order_by(WalletMovement.at, WalletMovement.id)
            )
        ]


# --------------------------------------------------------------------------- renewal


@dataclass(frozen=True)
class RenewalSuggestion:
    audience_id: int | None
    audience_name: str
    duration: str
    fee_cents: int | None  # None: no fee in force for this audience
    start: date
    end: date
    expired_on: date | None  # last day of the previous membership (None: never a member)


def renewal_suggestion(db: Database, member_id: int, day: date) -> RenewalSuggestion | None:
    """None while a membership covers ``day``. Otherwise the membership to offer from
    ``day``: for the member's audience (else the audience of their last membership), the
    fee in force on ``day`` — a calendar year when there is such a fee, else the first
    duration that has one — and its period."""
    with db.read() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("member", member_id)
        memberships = list(
            session.execute(
                select(Membership.start_date, Membership.end_date, Membership.audience_id)
                .where(Membership.member_id == member_id)
                .order_by(Membership.end_date)
            )
        )
        if any(start <= day <= end for start, end, _ in memberships):
            return None
        past = [m for m in memberships if m.end_date < day]
        expired_on = past[-1].end_date if past else None
        audience_id = member.audience_id
        if audience_id is None and memberships:
            audience_id = memberships[-1].audience_id
        audience_name = (
            session.scalar(select(Audience.name).where(Audience.id == audience_id))
            if audience_id is not None
            else None
        ) or ""
        fees = [
            MembershipFee(
                id=f.id,
                audience_id=f.audience_id,
                duration=f.duration,  # type: ignore[arg-type]
                amount_cents=f.amount_cents,
                valid_from=f.valid_from,
                valid_to=f.valid_to,
                label=f.label or "",
            )
            for f in session.scalars(select(FeeRow))
            if f.duration in MEMBERSHIP_DURATIONS
        ]
    chosen = None
    for duration in MEMBERSHIP_DURATIONS:  # calendar_year first
        chosen = membership_fee(fees, audience_id, duration, day)
        if chosen is not None:
            break
    duration = chosen.duration if chosen is not None else "calendar_year"
    start, end = membership_period(duration, day)
    return RenewalSuggestion(
        audience_id=audience_id,
        audience_name=audience_name,
        duration=duration,
        fee_cents=chosen.amount_cents if chosen is not None else None,
        start=start,
        end=end,
        expired_on=expired_on,
    )
