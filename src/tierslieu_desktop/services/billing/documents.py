"""Issuing a basket as an invoice, and reading the invoices and credit notes as issued
(``domain.documents.InvoiceDoc``), one by one or listed.

A basket is editable until it is validated; validating it is ONE transaction that takes
the next number of the series (gapless: the counter row only moves in the transaction
that issues), freezes the seller and the buyer, writes the lines with their VAT, the
payments and their side effects (memberships, packs, wallet), and seals the invoice and
each payment in the integrity chain (services.billing.ledger). Nothing is written when any
step is refused. An issued document is never changed: no function here edits one, and
the database triggers refuse UPDATE and DELETE.

Signs: an invoice and a credit note both carry POSITIVE amounts (``kind`` tells them
apart); balances as in services.billing.payments.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Basket,
    Invoice,
    InvoiceLine,
    InvoiceOpen,
    Member,
    MemberPack,
    Membership,
    PackMovement,
    PackType,
    Payment,
    Usage,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.documents import InvoiceDoc, InvoiceLineRow, PaymentRow
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.domain.invoicing import (
    is_public_buyer,
    legal_mentions,
    split_incl,
)
from tierslieu_desktop.domain.lines import joins_on, vat_basis
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import round_half_up
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing._common import (
    TEXT_MAX,
    buyer_name,
    buyer_of,
    load_structure,
    local_day,
    seller_of,
    to_json,
)
from tierslieu_desktop.services.billing.baskets import basket_lines, editable_basket
from tierslieu_desktop.services.billing.ledger import ensure_open, seal
from tierslieu_desktop.services.billing.numbering import take_number
from tierslieu_desktop.services.billing.payments import (
    PaymentInput,
    balance_columns,
    invoice_sums,
    settle,
    write_payment,
)
from tierslieu_desktop.services.common import FieldCollector, escape_like, fold, stamp
from tierslieu_desktop.services.pricing.packs import add_movement_in, balance_in, pack_expiry


@dataclass(frozen=True)
class InvoiceListRow:
    id: int
    kind: str
    number: str
    issued_at: datetime
    member_id: int | None
    buyer_name: str
    total_incl_cents: int
    paid_cents: int
    balance_cents: int
    due_date: date


def _member_on(session: Session, member_id: int, day: date) -> bool:
    """Whether a membership covers ``day`` (the VAT basis of a sale depends on it)."""
    return (
        session.scalar(
            select(Membership.id)
            .where(
                Membership.member_id == member_id,
                Membership.start_date <= day,
                Membership.end_date >= day,
            )
            .limit(1)
        )
        is not None
    )


def validate_basket_in(
    session: Session,
    actor: int | None,
    basket: Basket,
    payments: Sequence[PaymentInput],
    *,
    desk: str,
    issued_at: datetime,
    note: str,
) -> int:
    lines = basket_lines(session, basket.id)
    if not lines:
        raise DomainError("basket_empty")
    day = local_day(issued_at)
    ensure_open(session, day)
    structure = load_structure(session)
    member = session.get(Member, basket.member_id) if basket.member_id is not None else None
    if member is None and (
        any(line.kind in ("membership", "pack", "wallet_topup") for line in lines)
        or any(p.method == "wallet" for p in payments)
    ):
        raise DomainError("basket_needs_member")
    for line in lines:  # a usage billed meanwhile from another desk
        if line.usage_id is not None and session.scalar(
            select(func.count()).where(InvoiceLine.usage_id == line.usage_id)
        ):
            raise DomainError("usage_already_billed", usage=line.usage_id)
    total = sum(line.total_cents for line in lines)
    applied = settle(payments, total)
    from_wallet = sum(amount for p, amount in applied if p.method == "wallet")
    if from_wallet:  # the balance before this sale (a top-up in the basket is not spent yet)
        balance = balance_in(session, basket.member_id)
        if from_wallet > balance:
            raise DomainError("wallet_insufficient", balance=balance, amount=from_wallet)
    regime = structure.vat_regime
    business = member is not None and member.kind == "organisation"
    mandate = any(p.method == "mandate" for p in payments)
    paid_now = sum(amount for _, amount in applied)
    terms = max(0, structure.payment_terms_days or 0)
    due = day if (not business and not mandate and paid_now >= total) else day + timedelta(terms)

    is_member = member is not None and (_member_on(session, member.id, day) or joins_on(lines, day))
    frozen = []
    for line in lines:
        vat = vat_basis(regime, line.kind, structure.default_vat_rate_bp, buyer_is_member=is_member)
        excl, vat_cents = split_incl(line.total_cents, vat.rate_bp)
        frozen.append((line, vat, excl, vat_cents))
    zero_mentions = tuple(v.mention for _, v, _, _ in frozen if v.rate_bp == 0)
    mentions = legal_mentions(
        regime=regime,
        buyer_is_business=business,
        vat_on_debits=bool(structure.vat_on_debits),
        payment_terms_days=terms,
        has_vat_lines=any(v.rate_bp > 0 for _, v, _, _ in frozen),
        zero_rate_mentions=zero_mentions,
        public_buyer=is_public_buyer(buyer_of(member)),
    )
    usage_days = [
        local_day(u.start_at)
        for u in session.scalars(
            select(Usage).where(Usage.id.in_([ln.usage_id for ln in lines if ln.usage_id]))
        )
    ]
    period, counter, number = take_number(session, "invoice", day)
    invoice = Invoice(
        kind="invoice",
        series="invoice",
        period=period,
        counter=counter,
        number=number,
        issued_at=issued_at,
        service_from=min(usage_days) if usage_days else day,
        service_to=max(usage_days) if usage_days else day,
        due_date=due,
        member_id=basket.member_id,
        buyer_is_business=business,
        buyer_json=to_json(buyer_of(member)),
        seller_json=to_json(seller_of(structure)),
        vat_regime=regime,
        mentions="\n".join(mentions),
        total_excl_cents=sum(f[2] for f in frozen),
        total_vat_cents=sum(f[3] for f in frozen),
        total_incl_cents=total,
        desk=desk,
        operator_id=actor,
        note=note.strip()[:TEXT_MAX],
    )
    session.add(invoice)
    session.flush()
    for position, (line, vat, excl, vat_cents) in enumerate(frozen, start=1):
        session.add(
            InvoiceLine(
                invoice_id=invoice.id,
                position=position,
                kind=line.kind,
                revenue_kind=line.revenue_kind,
                designation=line.designation,
                detail=line.detail,
                quantity_milli=line.quantity_milli,
                unit=line.unit,
                unit_price_excl_cents=round_half_up(
                    line.unit_price_cents * 10_000, 10_000 + vat.rate_bp
                ),
                vat_rate_bp=vat.rate_bp,
                vat_mention=vat.mention,
                list_cents=line.list_cents,
                discount_cents=line.discount_cents,
                total_excl_cents=excl,
                vat_cents=vat_cents,
                total_incl_cents=line.total_cents,
                usage_id=line.usage_id,
                audience_id=line.membership_audience_id
                if line.kind == "membership"
                else (member.audience_id if member is not None else None),
            )
        )
    session.flush()
    seal(session, "invoice", invoice.id, issued_at)
    # side effects of what was sold
    for line in lines:
        if line.kind == "membership" and member is not None:
            ms = Membership(
                member_id=member.id,
                audience_id=line.membership_audience_id,
                start_date=line.membership_start,
                end_date=line.membership_end,
                fee_cents=line.total_cents,
                note=f"Facture {number}",
            )
            stamp(ms, actor, created=True)
            session.add(ms)
        elif line.kind == "pack" and member is not None and line.pack_type_id is not None:
            pack_type = session.get(PackType, line.pack_type_id)
            assert pack_type is not None
            pack = MemberPack(
                member_id=member.id,
                pack_type_id=pack_type.id,
                purchased_on=day,
                expires_on=pack_expiry(day, max(1, pack_type.validity_months)),
                minutes_total=pack_type.minutes,
                price_cents=line.total_cents,
            )
            stamp(pack, actor, created=True)
            session.add(pack)
            session.flush()
            session.add(
                PackMovement(
                    member_pack_id=pack.id,
                    at=issued_at,
                    minutes=pack_type.minutes,
                    operator_id=actor,
                    note=f"{pack_type.name} — facture {number}",
                )
            )
        elif line.kind == "wallet_topup" and member is not None:
            add_movement_in(
                session, actor, member.id, line.total_cents, note=f"Facture {number}", at=issued_at
            )
    session.flush()
    for p, amount in applied:
        write_payment(session, actor, invoice, p, amount, issued_at, desk)
    basket.status = "validated"
    basket.invoice_id = invoice.id
    stamp(basket, actor)
    session.flush()
    return invoice.id


@guarded(Permission.CHECKOUT)
def validate_basket(
    db: Database,
    actor: int | None,
    basket_id: int,
    payments: Sequence[PaymentInput],
    *,
    desk: str = "",
    issued_at: datetime | None = None,
    note: str = "",
) -> int:
    """Issue the basket's invoice with its payments, all or nothing. Returns its id."""
    texts = FieldCollector()
    texts.text("note", note, TEXT_MAX)
    texts.raise_if_any()
    issued_at = issued_at or utcnow()
    with db.write() as session:
        basket = editable_basket(session, basket_id)
        return validate_basket_in(
            session, actor, basket, payments, desk=desk, issued_at=issued_at, note=note
        )


def _payment_row(p: Payment) -> PaymentRow:
    return PaymentRow(
        p.id,
        p.at,
        p.method,
        p.amount_cents,
        p.tendered_cents,
        p.change_cents,
        p.cheque_number,
        p.bank,
        p.reference,
        p.voucher_count,
        p.voucher_value_cents,
        p.desk,
    )


def _doc(session: Session, inv: Invoice) -> InvoiceDoc:
    lines = list(
        session.scalars(
            select(InvoiceLine)
            .where(InvoiceLine.invoice_id == inv.id)
            .order_by(InvoiceLine.position, InvoiceLine.id)
        )
    )
    payments = list(
        session.scalars(select(Payment).where(Payment.invoice_id == inv.id).order_by(Payment.id))
    )
    breakdown: dict[int, list[int]] = {}
    for line in lines:
        b = breakdown.setdefault(line.vat_rate_bp, [0, 0])
        b[0] += line.total_excl_cents
        b[1] += line.vat_cents
    paid = sum(p.amount_cents for p in payments)
    credited_number = credited_date = None
    credit_numbers: list[str] = []
    if inv.kind == "invoice":
        _, credited, refunded = invoice_sums(session, inv)
        balance = inv.total_incl_cents - paid - credited + refunded
        credit_numbers = list(
            session.scalars(
                select(Invoice.number)
                .where(Invoice.credited_invoice_id == inv.id)
                .order_by(Invoice.id)
            )
        )
    else:
        credited, balance = 0, 0
        src = session.get(Invoice, inv.credited_invoice_id) if inv.credited_invoice_id else None
        if src is not None:
            credited_number, credited_date = src.number, local_day(src.issued_at)
    return InvoiceDoc(
        id=inv.id,
        kind=inv.kind,
        number=inv.number,
        issued_at=inv.issued_at,
        service_from=inv.service_from,
        service_to=inv.service_to,
        due_date=inv.due_date,
        member_id=inv.member_id,
        buyer=json.loads(inv.buyer_json),
        seller=json.loads(inv.seller_json),
        buyer_is_business=inv.buyer_is_business,
        vat_regime=inv.vat_regime,
        mentions=[m for m in inv.mentions.split("\n") if m],
        lines=[
            InvoiceLineRow(
                id=ln.id,
                position=ln.position,
                kind=ln.kind,
                revenue_kind=ln.revenue_kind,
                designation=ln.designation,
                detail=ln.detail,
                quantity_milli=ln.quantity_milli,
                unit=ln.unit,
                unit_price_excl_cents=ln.unit_price_excl_cents,
                vat_rate_bp=ln.vat_rate_bp,
                vat_mention=ln.vat_mention,
                list_cents=ln.list_cents,
                discount_cents=ln.discount_cents,
                total_excl_cents=ln.total_excl_cents,
                vat_cents=ln.vat_cents,
                total_incl_cents=ln.total_incl_cents,
                usage_id=ln.usage_id,
            )
            for ln in lines
        ],
        vat_breakdown=[(rate, b[0], b[1]) for rate, b in sorted(breakdown.items())],
        total_excl_cents=inv.total_excl_cents,
        total_vat_cents=inv.total_vat_cents,
        total_incl_cents=inv.total_incl_cents,
        payments=[_payment_row(p) for p in payments],
        paid_cents=paid,
        credited_cents=credited,
        balance_cents=balance,
        credited_invoice_number=credited_number,
        credited_invoice_date=credited_date,
        credit_note_numbers=credit_numbers,
        note=inv.note,
        desk=inv.desk,
    )


@guarded(Permission.CHECKOUT)
def get_invoice(db: Database, invoice_id: int) -> InvoiceDoc:
    return _get_invoice_impl(db, invoice_id)


def _get_invoice_impl(db: Database, invoice_id: int) -> InvoiceDoc:
    with db.read() as session:
        inv = session.get(Invoice, invoice_id)
        if inv is None:
            raise NotFound("invoice", invoice_id)
        return _doc(session, inv)


@guarded(Permission.CHECKOUT)
def invoice_by_number(db: Database, number: str) -> InvoiceDoc:
    with db.read() as session:
        inv = session.scalar(select(Invoice).where(Invoice.number == number.strip()))
        if inv is None:
            raise NotFound("invoice", number)
        return _doc(session, inv)


@dataclass(frozen=True)
class InvoiceFilter:
    """What the invoice list shows: ``text`` matches the number or the member's name
    (accents and case ignored); the days are local and both included."""

    text: str = ""
    kind: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    unpaid_only: bool = False


_Stmt = TypeVar("_Stmt", bound="Select[*tuple[Any, ...]]")


def _filtered(stmt: _Stmt, flt: InvoiceFilter, balance: ColumnElement[int]) -> _Stmt:
    if flt.kind is not None:
        stmt = stmt.where(Invoice.kind == flt.kind)
    if flt.first_day is not None:
        stmt = stmt.where(Invoice.issued_at >= local_day_bounds(flt.first_day)[0])
    if flt.last_day is not None:
        stmt = stmt.where(Invoice.issued_at < local_day_bounds(flt.last_day)[1])
    needle = flt.text.strip()
    if needle:
        like = f"%{escape_like(needle)}%"
        folded = f"%{escape_like(fold(needle))}%"
        stmt = stmt.outerjoin(Member, Member.id == Invoice.member_id).where(
            Invoice.number.ilike(like, escape="\\") | Member.search_text.like(folded, escape="\\")
        )
    if flt.unpaid_only:  # the open invoices' running balances (kept by triggers)
        stmt = stmt.where(
            Invoice.kind == "invoice",
            Invoice.id.in_(select(InvoiceOpen.invoice_id).where(InvoiceOpen.left_cents > 0)),
        )
    return stmt


@guarded(Permission.CHECKOUT)
def count_invoices(db: Database, flt: InvoiceFilter) -> int:
    """How many documents match ``flt`` (every page)."""
    _, balance = balance_columns()
    stmt = _filtered(select(func.count(Invoice.id)), flt, balance)
    with db.read() as session:
        return int(session.scalar(stmt) or 0)


@guarded(Permission.CHECKOUT)
def invoice_page(
    db: Database,
    flt: InvoiceFilter,
    *,
    limit: int = 100,
    after: tuple[datetime, int] | None = None,
) -> list[InvoiceListRow]:
    """One page of the documents matching ``flt``, newest first. ``after`` is the
    (issued_at, id) of the last row already shown: the page starts just after it (a
    keyset, so the 50th page costs what the first does). Paid and balance are computed
    for the rows of the page only."""
    return _invoice_page_impl(db, flt, limit=limit, after=after)


def _invoice_page_impl(
    db: Database,
    flt: InvoiceFilter,
    *,
    limit: int = 100,
    after: tuple[datetime, int] | None = None,
) -> list[InvoiceListRow]:
    paid, balance = balance_columns()
    stmt = _filtered(select(Invoice, paid, balance), flt, balance)
    if after is not None:
        at, last_id = after
        stmt = stmt.where(
            (Invoice.issued_at < at) | ((Invoice.issued_at == at) & (Invoice.id < last_id))
        )
    stmt = stmt.order_by(Invoice.issued_at.desc(), Invoice.id.desc()).limit(max(1, limit))
    with db.read() as session:
        return [
            InvoiceListRow(
                inv.id,
                inv.kind,
                inv.number,
                inv.issued_at,
                inv.member_id,
                buyer_name(inv),
                inv.total_incl_cents,
                int(doc_paid),
                int(doc_balance),
                inv.due_date,
            )
            for inv, doc_paid, doc_balance in session.execute(stmt)
        ]


@guarded(Permission.CHECKOUT)
def list_invoices(
    db: Database,
    *,
    text: str = "",
    kind: str | None = None,
    first_day: date | None = None,
    last_day: date | None = None,
    unpaid_only: bool = False,
    limit: int = 500,
) -> list[InvoiceListRow]:
    """The first ``limit`` invoices and credit notes matching, newest first (see
    :func:`invoice_page`)."""
    flt = InvoiceFilter(text, kind, first_day, last_day, unpaid_only)
    return _invoice_page_impl(db, flt, limit=limit)
