"""Payments: the money handed over when a basket is validated (checked, then settled
against what is due: cash handed over beyond it is given back as change), payments
received later on an issued invoice, and what is left to pay.

Signs: a payment is positive, a refund (on a credit note) negative. An invoice's
balance = total − paid − credited + refunded on its credit notes; a member's balance
is the sum of their invoices' balances.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, ScalarSelect, Subquery, case, func, select
from sqlalchemy.orm import Session, aliased

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Invoice, InvoiceOpen, Payment, utcnow
from tierslieu_desktop.domain.documents import UnpaidRow
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.invoicing import cash_change
from tierslieu_desktop.domain.lines import is_due
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing._common import buyer_name, local_day
from tierslieu_desktop.services.billing.ledger import ensure_open, seal
from tierslieu_desktop.services.common import FieldCollector
from tierslieu_desktop.services.pricing.packs import debit_in

METHODS = ("cash", "cheque", "card", "transfer", "pass_numerique", "mandate", "wallet")
REFUND_METHODS = ("cash", "cheque", "card", "transfer", "wallet")


@dataclass(frozen=True)
class PaymentInput:
    method: str
    amount_cents: int
    tendered_cents: int | None = None
    cheque_number: str = ""
    bank: str = ""
    reference: str = ""
    voucher_count: int | None = None
    voucher_value_cents: int | None = None


def check_payment(p: PaymentInput, *, refund: bool = False) -> None:
    errors = {}
    if p.method not in (REFUND_METHODS if refund else METHODS):
        errors["method"] = "method_invalid"
    elif p.method != "mandate" and p.amount_cents <= 0:
        errors["amount"] = "amount_not_positive"
    if p.method == "cash" and p.tendered_cents is not None and p.tendered_cents < p.amount_cents:
        errors["tendered"] = "tendered_too_low"
    if (
        p.method == "pass_numerique"
        and p.voucher_count is not None
        and p.voucher_value_cents is not None
        and p.voucher_count * p.voucher_value_cents != p.amount_cents
    ):
        errors["voucher"] = "voucher_mismatch"
    texts = FieldCollector()
    for name in ("cheque_number", "bank", "reference"):
        texts.text(name, getattr(p, name))
    errors.update(texts.errors)
    if errors:
        raise ValidationError(errors)


def settle(payments: Sequence[PaymentInput], due_cents: int) -> list[tuple[PaymentInput, int]]:
    """(payment, amount applied) for every payment that records money; cash handed over
    beyond what is due is given back as change. Refuses paying more than is due."""
    for p in payments:
        check_payment(p)
    real = [p for p in payments if p.method != "mandate"]
    excess = sum(p.amount_cents for p in real) - due_cents
    applied = [p.amount_cents for p in real]
    for i in reversed(range(len(real))):  # cash over-tender becomes change
        if excess <= 0:
            break
        if real[i].method == "cash":
            taken = min(excess, applied[i])
            applied[i] -= taken
            excess -= taken
    if excess > 0:
        raise DomainError("payment_exceeds_total", total=due_cents)
    return [(p, amount) for p, amount in zip(real, applied, strict=True) if amount > 0]


def write_payment(
    session: Session,
    actor: int | None,
    invoice: Invoice,
    p: PaymentInput,
    amount: int,
    at: datetime,
    desk: str,
) -> Payment:
    tendered = change = None
    if p.method == "cash":
        tendered = p.tendered_cents if p.tendered_cents is not None else p.amount_cents
        change = cash_change(amount, tendered)
    row = Payment(
        invoice_id=invoice.id,
        at=at,
        method=p.method,
        amount_cents=amount,
        tendered_cents=tendered,
        change_cents=change,
        cheque_number=p.cheque_number.strip(),
        bank=p.bank.strip(),
        reference=p.reference.strip(),
        voucher_count=p.voucher_count,
        voucher_value_cents=p.voucher_value_cents,
        desk=desk,
        operator_id=actor,
    )
    session.add(row)
    session.flush()
    seal(session, "payment", row.id, at)
    if p.method == "wallet" and invoice.member_id is not None:
        debit_in(session, actor, invoice.member_id, amount, note=invoice.number, at=at)
    elif p.method == "wallet":
        raise DomainError("basket_needs_member")
    return row


def invoice_sums(session: Session, invoice: Invoice) -> tuple[int, int, int]:
    """(paid, credited, refunded) of an invoice."""
    paid = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
            Payment.invoice_id == invoice.id
        )
    )
    credit_ids = select(Invoice.id).where(Invoice.credited_invoice_id == invoice.id)
    credited = session.scalar(
        select(func.coalesce(func.sum(Invoice.total_incl_cents), 0)).where(
            Invoice.credited_invoice_id == invoice.id
        )
    )
    refunded = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
            Payment.invoice_id.in_(credit_ids)
        )
    )
    return int(paid or 0), int(credited or 0), -int(refunded or 0)


def _invoice_balance(session: Session, invoice: Invoice) -> int:
    paid, credited, refunded = invoice_sums(session, invoice)
    return invoice.total_incl_cents - paid - credited + refunded


@guarded(Permission.CHECKOUT)
def add_payment(
    db: Database,
    actor: int | None,
    invoice_id: int,
    payment: PaymentInput,
    *,
    desk: str = "",
    at: datetime | None = None,
) -> int:
    """A (partial) payment received later on an issued invoice; never more than its
    balance (cash over-tender is given back as change)."""
    at = at or utcnow()
    check_payment(payment)
    if payment.method == "mandate":
        raise ValidationError({"method": "method_invalid"})
    with db.write() as session:
        # locked until this commit: two desks paying (or crediting) it at once are served
        # one after the other, the second seeing the first's payment (issue 20 point 4)
        invoice = session.get(Invoice, invoice_id, with_for_update=True)
        if invoice is None:
            raise NotFound("invoice", invoice_id)
        if invoice.kind != "invoice":
            raise DomainError("not_an_invoice", number=invoice.number)
        ensure_open(session, local_day(at))
        balance = _invoice_balance(session, invoice)
        if balance <= 0:
            raise DomainError("invoice_already_paid", number=invoice.number)
        ((p, amount),) = settle([payment], balance)
        return write_payment(session, actor, invoice, p, amount, at, desk).id


def balance_columns() -> tuple[ScalarSelect[int], ColumnElement[int]]:
    """(paid, balance) SQL expressions of a document, for lists filtered and limited in
    SQL: balance = total − paid − credited + refunded (0 for a credit note)."""
    note = aliased(Invoice)
    paid = (
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .where(Payment.invoice_id == Invoice.id)
        .scalar_subquery()
    )
    credited = (
        select(func.coalesce(func.sum(note.total_incl_cents), 0))
        .where(note.credited_invoice_id == Invoice.id)
        .scalar_subquery()
    )
    refunds = (  # negative payments on the credit notes
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .join(note, note.id == Payment.invoice_id)
        .where(note.credited_invoice_id == Invoice.id)
        .scalar_subquery()
    )
    balance = case(
        (Invoice.kind == "invoice", Invoice.total_incl_cents - paid - credited - refunds),
        else_=0,
    )
    return paid, balance


def balance_aggregates() -> tuple[Subquery, Subquery, Subquery]:
    """(paid, credited, refunded) per invoice, each one GROUP BY over an index
    (``payment.invoice_id``, ``invoice.credited_invoice_id``): joined to the invoices,
    every sum is read once instead of once per invoice."""
    note = aliased(Invoice)
    paid = (
        select(
            Payment.invoice_id.label("invoice_id"), func.sum(Payment.amount_cents).label("cents")
        )
        .group_by(Payment.invoice_id)
        .subquery("paid")
    )
    credited = (
        select(
            note.credited_invoice_id.label("invoice_id"),
            func.sum(note.total_incl_cents).label("cents"),
        )
        .where(note.credited_invoice_id.is_not(None))
        .group_by(note.credited_invoice_id)
        .subquery("credited")
    )
    refunded = (  # negative payments on the credit notes
        select(
            note.credited_invoice_id.label("invoice_id"),
            func.sum(Payment.amount_cents).label("cents"),
        )
        .join(note, note.id == Payment.invoice_id)
        .where(note.credited_invoice_id.is_not(None))
        .group_by(note.credited_invoice_id)
        .subquery("refunded")
    )
    return paid, credited, refunded


_CHUNK = 500  # invoice ids per IN list (far below SQLite's limit of bound parameters)


@guarded(Permission.CHECKOUT)
def unpaid(db: Database, today: date) -> list[UnpaidRow]:
    """Invoices with something left to pay, oldest first, with their age and delay.

    Read from the running balances of the open invoices (``invoice_open``, kept by
    triggers), then those invoices by their key: the list costs what it shows, not the
    whole history of payments. Two statements on purpose: joined, SQLite (which is never
    given statistics) walks every invoice and probes the balances."""
    with db.read() as session:
        left = dict(
            session.execute(
                select(InvoiceOpen.invoice_id, InvoiceOpen.left_cents).where(
                    InvoiceOpen.left_cents > 0
                )
            ).all()
        )
        ids = sorted(left)
        invoices = [
            inv
            for i in range(0, len(ids), _CHUNK)
            for inv in session.scalars(
                select(Invoice).where(
                    Invoice.id.in_(ids[i : i + _CHUNK]), Invoice.kind == "invoice"
                )
            )
        ]
        invoices.sort(key=lambda inv: (inv.issued_at, inv.id))
        return [
            UnpaidRow(
                inv.id,
                inv.number,
                inv.member_id,
                buyer_name(inv),
                inv.issued_at,
                inv.due_date,
                inv.total_incl_cents,
                int(left[inv.id]),
                (today - local_day(inv.issued_at)).days,
                max(0, (today - inv.due_date).days),
            )
            for inv in invoices
        ]


@guarded(Permission.INVOICES)
def recomputed_open_balances(db: Database) -> dict[int, int]:
    """What is left to pay on every invoice where it is not zero, summed again from the
    sealed rows (payments, credit notes and their refunds): the reference the running
    balances of ``invoice_open`` must equal (the tests compare them; ``verify`` does not,
    to stay within its time budget)."""
    paid, credited, refunded = balance_aggregates()
    left = (
        Invoice.total_incl_cents
        - func.coalesce(paid.c.cents, 0)
        - func.coalesce(credited.c.cents, 0)
        - func.coalesce(refunded.c.cents, 0)
    )
    with db.read() as session:
        rows = session.execute(
            select(Invoice.id, left)
            .outerjoin(paid, paid.c.invoice_id == Invoice.id)
            .outerjoin(credited, credited.c.invoice_id == Invoice.id)
            .outerjoin(refunded, refunded.c.invoice_id == Invoice.id)
            .where(Invoice.kind == "invoice", left != 0)
        ).all()
    return {int(i): int(cents) for i, cents in rows}


@guarded(Permission.INVOICES)
def open_balances(db: Database) -> dict[int, int]:
    """The running balances (``invoice_open``), invoice id -> cents left."""
    with db.read() as session:
        return {
            int(i): int(c)
            for i, c in session.execute(select(InvoiceOpen.invoice_id, InvoiceOpen.left_cents))
        }


def reminder_rows(rows: Sequence[UnpaidRow], invoice_id: int, today: date) -> list[UnpaidRow]:
    """What a reminder about ``invoice_id`` lists: its buyer's unpaid invoices (the
    member's, else that invoice alone) already due, i.e. whose due date is before
    ``today``; an invoice not yet due is never reminded."""
    chosen = next((r for r in rows if r.invoice_id == invoice_id), None)
    if chosen is None:
        return []
    return [
        r
        for r in rows
        if ((chosen.member_id is not None and r.member_id == chosen.member_id) or r is chosen)
        and is_due(r.due_date, today)
    ]


@guarded(Permission.CHECKOUT)
def member_balance(db: Database, member_id: int) -> int:
    """What the member owes (negative: what the tiers-lieu owes them)."""
    _, balance = balance_columns()
    with db.read() as session:
        return int(
            session.scalar(
                select(func.coalesce(func.sum(balance), 0)).where(
                    Invoice.member_id == member_id, Invoice.kind == "invoice"
                )
            )
            or 0
        )
