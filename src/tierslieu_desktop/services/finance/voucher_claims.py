"""Pass numérique vouchers followed to payment (issue 22, point 3).

The vouchers taken at the cyber-base, by number (``drop_in_voucher``, services.activity.
dropins), are a receivable on their issuer from the day of the visit: the journal's OD
« Pass numérique reçus à la cyber-base » already debits 4687 (services.finance.journal.
vouchers). Here:

- ``claim_preview`` / ``issue_claim``: the month's vouchers not asked for yet, listed for
  the issuer; issuing marks them with the list's reference (« PASSNUM-2026-11 ») — a
  number claimed can no longer be removed from its visit;
- ``record_reimbursement``: the issuer paid a list: a settlement of services.finance.
  vouchers (insert-only, its BQ entry 512 / 4687 with the list's reference as piece), so
  the receivable of the books is cleared by the same path as issue 15's settlements;
- ``near_expiry``: the vouchers not claimed yet whose validity ends within N days (a
  voucher sent after it expired is not paid).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import DropIn, DropInVoucher, Structure, VoucherSettlement
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local, utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.finance import VOUCHER_ISSUERS
from tierslieu_desktop.domain.mediation import ClaimedVoucher, VoucherClaim, claim_reference
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import stamp
from tierslieu_desktop.services.finance.journal.vouchers import voucher_value_cents
from tierslieu_desktop.services.finance.vouchers import (
    SettlementInput,
    check_settlement,
    settle_in,
)

NEAR_EXPIRY_DAYS = 30


@dataclass(frozen=True)
class ExpiringVoucher:
    number: str
    expires_on: date
    visit_day: date
    drop_in_id: int


def _month(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def _check_issuer(issuer: str) -> None:
    if issuer not in VOUCHER_ISSUERS:
        raise DomainError("issuer_unknown", issuer=issuer)


def _claim(
    session: Session,
    issuer: str,
    first: date,
    last: date,
    *,
    reference: str | None,
    issued_on: date | None,
) -> VoucherClaim:
    start, end = local_day_bounds(first)[0], local_day_bounds(last)[1]
    value = voucher_value_cents(session)
    stmt = (
        select(DropInVoucher.number, DropIn.at, DropIn.id, DropInVoucher.expires_on)
        .join(DropIn, DropIn.id == DropInVoucher.drop_in_id)
        .where(DropInVoucher.issuer == issuer)
        .order_by(DropIn.at, DropInVoucher.id)
    )
    if reference is None:
        stmt = stmt.where(
            DropIn.at >= start, DropIn.at < end, DropInVoucher.claim_reference.is_(None)
        )
    else:
        stmt = stmt.where(DropInVoucher.claim_reference == reference)
    vouchers = tuple(
        ClaimedVoucher(number, to_local(at).date(), drop_in_id, expires, value)
        for number, at, drop_in_id, expires in session.execute(stmt)
    )
    structure = session.get(Structure, 1)
    paid = None
    if reference is not None:
        paid = session.scalar(
            select(func.sum(VoucherSettlement.amount_cents)).where(
                VoucherSettlement.issuer == issuer, VoucherSettlement.reference == reference
            )
        )
    return VoucherClaim(
        issuer=issuer,
        issuer_label=VOUCHER_ISSUERS[issuer][1],
        structure=structure.name if structure is not None else "",
        siret=structure.siret if structure is not None else "",
        first_day=first,
        last_day=last,
        reference=reference,
        issued_on=issued_on,
        vouchers=vouchers,
        reimbursed_cents=int(paid) if paid is not None else None,
    )


@guarded(Permission.INVOICES)
def claim_preview(db: Database, issuer: str, year: int, month: int) -> VoucherClaim:
    """The vouchers of the month's visits not claimed yet (nothing written)."""
    _check_issuer(issuer)
    first, last = _month(year, month)
    with db.read() as session:
        return _claim(session, issuer, first, last, reference=None, issued_on=None)


@guarded(Permission.INVOICES)
def issue_claim(
    db: Database, actor: int | None, issuer: str, year: int, month: int
) -> VoucherClaim:
    """Mark the month's unclaimed vouchers as asked from the issuer under a new
    reference, and return the list as sent. ``nothing_to_claim`` when there is none."""
    _check_issuer(issuer)
    first, last = _month(year, month)
    today = to_local(utcnow()).date()
    with db.write() as session:
        claim = _claim(session, issuer, first, last, reference=None, issued_on=today)
        if not claim.vouchers:
            raise DomainError("nothing_to_claim", month=first)
        aux = VOUCHER_ISSUERS[issuer][0]
        rank = 1
        while session.scalar(
            select(DropInVoucher.id)
            .where(DropInVoucher.claim_reference == claim_reference(aux, first, rank))
            .limit(1)
        ):
            rank += 1
        reference = claim_reference(aux, first, rank)
        numbers = [v.number for v in claim.vouchers]
        for voucher in session.scalars(
            select(DropInVoucher).where(
                DropInVoucher.issuer == issuer, DropInVoucher.number.in_(numbers)
            )
        ):
            voucher.claim_reference = reference
            stamp(voucher, actor)  # each row through the ORM: the audit trail sees it
        return _claim(session, issuer, first, last, reference=reference, issued_on=today)


@guarded(Permission.INVOICES)
def get_claim(db: Database, issuer: str, reference: str) -> VoucherClaim:
    """A list already sent, by its reference (to print it again)."""
    _check_issuer(issuer)
    with db.read() as session:
        return _claim_by_reference(session, issuer, reference)


def _claim_by_reference(session: Session, issuer: str, reference: str) -> VoucherClaim:
    first_at = session.scalar(
        select(func.min(DropIn.at))
        .join(DropInVoucher, DropInVoucher.drop_in_id == DropIn.id)
        .where(DropInVoucher.issuer == issuer, DropInVoucher.claim_reference == reference)
    )
    if first_at is None:
        raise DomainError("claim_unknown", reference=reference)
    day = to_local(first_at).date()
    first, last = _month(day.year, day.month)
    return _claim(session, issuer, first, last, reference=reference, issued_on=None)


@guarded(Permission.INVOICES)
def list_claims(db: Database, issuer: str) -> list[tuple[str, int, bool]]:
    """The lists sent: (reference, vouchers, reimbursed), latest first."""
    with db.read() as session:
        paid = set(
            session.scalars(
                select(VoucherSettlement.reference).where(VoucherSettlement.issuer == issuer)
            )
        )
        rows = session.execute(
            select(DropInVoucher.claim_reference, func.count())
            .where(DropInVoucher.issuer == issuer, DropInVoucher.claim_reference.is_not(None))
            .group_by(DropInVoucher.claim_reference)
            .order_by(DropInVoucher.claim_reference.desc())
        ).all()
    return [(str(ref), int(n), ref in paid) for ref, n in rows]


@guarded(Permission.INVOICES)
def record_reimbursement(
    db: Database,
    actor: int | None,
    issuer: str,
    reference: str,
    day: date,
    amount_cents: int | None = None,
    *,
    today: date | None = None,
) -> int:
    """The issuer paid the list ``reference`` on ``day`` (by default its full value):
    recorded as a settlement of the receivable (services.finance.vouchers, BQ entry
    512 / 4687, piece ``reference``). Refused twice for one list (``claim_reimbursed``)."""
    _check_issuer(issuer)
    with db.write() as session:
        claim = _claim_by_reference(session, issuer, reference)
        if claim.reimbursed_cents is not None:
            raise DomainError("claim_reimbursed", reference=reference)
        data = SettlementInput(
            issuer=issuer,
            day=day,
            amount_cents=claim.total_cents if amount_cents is None else amount_cents,
            voucher_count=len(claim.vouchers),
            reference=reference,
        )
        check_settlement(data, today or to_local(utcnow()).date())
        return settle_in(session, actor, data)


@guarded(Permission.CYBERBASE)
def near_expiry(
    db: Database, today: date | None = None, days: int = NEAR_EXPIRY_DAYS
) -> list[ExpiringVoucher]:
    """The vouchers not claimed yet whose validity ends within ``days`` days (or already
    ended), soonest first: to send before they are lost (the cyber-base's desk)."""
    return _near_expiry(db, today, days)


@guarded(Permission.INVOICES)
def claims_near_expiry(
    db: Database, today: date | None = None, days: int = NEAR_EXPIRY_DAYS
) -> list[ExpiringVoucher]:
    """``near_expiry`` for who makes the claims (the treasurer's permission)."""
    return _near_expiry(db, today, days)


def _near_expiry(db: Database, today: date | None, days: int) -> list[ExpiringVoucher]:
    today = today or to_local(utcnow()).date()
    with db.read() as session:
        rows = session.execute(
            select(DropInVoucher.number, DropInVoucher.expires_on, DropIn.at, DropIn.id)
            .join(DropIn, DropIn.id == DropInVoucher.drop_in_id)
            .where(
                DropInVoucher.claim_reference.is_(None),
                DropInVoucher.expires_on.is_not(None),
                DropInVoucher.expires_on <= today + timedelta(days=days),
            )
            .order_by(DropInVoucher.expires_on, DropInVoucher.number)
        ).all()
    return [
        ExpiringVoucher(number, expires, to_local(at).date(), drop_in_id)
        for number, expires, at, drop_in_id in rows
        if expires is not None
    ]
