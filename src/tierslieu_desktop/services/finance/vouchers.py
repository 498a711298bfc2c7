"""Vouchers received and their issuers' settlements (issue 15, point 2).

A voucher (Pass numérique, APTIC) is a receivable on its issuer until the issuer pays
(docs/legal-fr.md §8): the vouchers received are the invoices' payments by Pass
numérique (billing.payments, at their amount) and the drop-in log's vouchers
(activity.dropins, at the face value of Paramètres › Structure); what the issuer paid is
``voucher_settlement`` (insert-only). ``outstanding`` = received − settled, per issuer;
``record_settlement`` records "the issuer paid us" (never more than outstanding, never
into a closed period). The journal posts both (services.finance.journal.vouchers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import DropIn, Payment, VoucherSettlement
from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.finance import VOUCHER_ISSUERS
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing.ledger import ensure_open
from tierslieu_desktop.services.common import FieldCollector
from tierslieu_desktop.services.finance.journal.vouchers import voucher_value_cents

MAX_REFERENCE = 120
MAX_SETTLEMENT_CENTS = 100_000_000  # a million euros: a typing mistake beyond
# The payment method of each issuer's vouchers on invoices.
ISSUER_METHODS = {"pass_numerique": "pass_numerique"}


@dataclass(frozen=True)
class IssuerBalance:
    issuer: str  # a key of domain.finance.VOUCHER_ISSUERS
    label: str  # "Pass numérique (APTIC)"
    received_count: int
    received_cents: int
    settled_count: int
    settled_cents: int

    @property
    def outstanding_count(self) -> int:
        return self.received_count - self.settled_count

    @property
    def outstanding_cents(self) -> int:
        return self.received_cents - self.settled_cents


@dataclass(frozen=True)
class SettlementInput:
    issuer: str
    day: date
    amount_cents: int
    voucher_count: int
    reference: str = ""


@dataclass(frozen=True)
class SettlementRow:
    id: int
    day: date
    issuer: str
    amount_cents: int
    voucher_count: int
    reference: str


def _balance(session: Session, issuer: str) -> IssuerBalance:
    value = voucher_value_cents(session)
    method = ISSUER_METHODS[issuer]
    paid_cents, paid_count, undetailed = session.execute(
        select(
            func.coalesce(func.sum(Payment.amount_cents), 0),
            func.coalesce(func.sum(Payment.voucher_count), 0),
            # payments without a voucher count: counted at the face value
            func.coalesce(
                func.sum(Payment.amount_cents).filter(Payment.voucher_count.is_(None)), 0
            ),
        ).where(Payment.method == method)
    ).one()
    dropped = 0
    if issuer == "pass_numerique":
        dropped = session.scalar(select(func.coalesce(func.sum(DropIn.vouchers), 0))) or 0
    settled_cents, settled_count = session.execute(
        select(
            func.coalesce(func.sum(VoucherSettlement.amount_cents), 0),
            func.coalesce(func.sum(VoucherSettlement.voucher_count), 0),
        ).where(VoucherSettlement.issuer == issuer)
    ).one()
    return IssuerBalance(
        issuer=issuer,
        label=VOUCHER_ISSUERS[issuer][1],
        received_count=int(paid_count or 0) + round(int(undetailed) / value) + int(dropped),
        received_cents=int(paid_cents) + int(dropped) * value,
        settled_count=int(settled_count),
        settled_cents=int(settled_cents),
    )


@guarded(Permission.INVOICES)
def outstanding(db: Database) -> list[IssuerBalance]:
    """Every issuer's vouchers received, settled, and left to be paid (all time)."""
    with db.read() as session:
        return [_balance(session, issuer) for issuer in VOUCHER_ISSUERS]


def check_settlement(data: SettlementInput, today: date) -> None:
    errors = FieldCollector()
    errors.text("reference", data.reference, MAX_REFERENCE)
    if data.issuer not in VOUCHER_ISSUERS:
        errors.add("issuer", "invalid")
    if data.amount_cents <= 0 or data.amount_cents > MAX_SETTLEMENT_CENTS:
        errors.add("amount_cents", "amount_invalid")
    if data.voucher_count <= 0:
        errors.add("voucher_count", "number_invalid")
    if data.day > today:
        errors.add("day", "date_in_future")
    errors.raise_if_any()


@guarded(Permission.INVOICES)
def record_settlement(
    db: Database, actor: int | None, data: SettlementInput, *, today: date | None = None
) -> int:
    """Record that an issuer paid ``amount_cents`` for ``voucher_count`` vouchers, credited
    on ``day``. Refused (ValidationError, per field) beyond what the issuer still owes
    ("settlement_exceeds_outstanding" on the amount or the count), in the future, and
    (DomainError "period_closed") into a closed period."""
    check_settlement(data, today or to_local(utcnow()).date())
    with db.write() as session:
        return settle_in(session, actor, data)


def settle_in(session: Session, actor: int | None, data: SettlementInput) -> int:
    """``record_settlement``'s writing inside the caller's transaction (``data`` checked
    by the caller with ``check_settlement``): a claim list reimbursed
    (services.finance.voucher_claims) settles by the same rules."""
    ensure_open(session, data.day)
    balance = _balance(session, data.issuer)
    errors = FieldCollector()
    if data.amount_cents > balance.outstanding_cents:
        errors.add("amount_cents", "settlement_exceeds_outstanding")
    if data.voucher_count > balance.outstanding_count:
        errors.add("voucher_count", "settlement_exceeds_outstanding")
    errors.raise_if_any()
    row = VoucherSettlement(
        day=data.day,
        issuer=data.issuer,
        amount_cents=data.amount_cents,
        voucher_count=data.voucher_count,
        reference=data.reference.strip(),
        created_at=utcnow(),
        operator_id=actor,
    )
    session.add(row)
    session.flush()
    return row.id


@guarded(Permission.INVOICES)
def list_settlements(db: Database, issuer: str | None = None) -> list[SettlementRow]:
    """The settlements recorded, latest first."""
    stmt = select(VoucherSettlement).order_by(
        VoucherSettlement.day.desc(), VoucherSettlement.id.desc()
    )
    if issuer is not None:
        stmt = stmt.where(VoucherSettlement.issuer == issuer)
    with db.read() as session:
        return [
            SettlementRow(r.id, r.day, r.issuer, r.amount_cents, r.voucher_count, r.reference)
            for r in session.scalars(stmt)
        ]
