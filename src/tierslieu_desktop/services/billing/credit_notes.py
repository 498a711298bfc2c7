"""Credit notes (avoirs) on an issued invoice: whole or partial, never more than what is
left to credit, numbered in their own series and sealed like an invoice; money given back
is a negative payment on the credit note (or goes on the member's wallet)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Invoice, InvoiceLine, Payment, utcnow
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.invoicing import split_incl
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import round_half_up
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing._common import (
    TEXT_MAX,
    fr_date,
    load_structure,
    local_day,
    seller_of,
    to_json,
)
from tierslieu_desktop.services.billing.ledger import ensure_open, seal
from tierslieu_desktop.services.billing.numbering import take_number
from tierslieu_desktop.services.billing.payments import PaymentInput, check_payment, invoice_sums
from tierslieu_desktop.services.common import FieldCollector
from tierslieu_desktop.services.pricing.packs import add_movement_in, debit_in


def _credited_by_line(session: Session, invoice_id: int) -> dict[int, tuple[int, int]]:
    """invoice line id → (quantity credited, incl. amount credited)."""
    src = select(InvoiceLine.id).where(InvoiceLine.invoice_id == invoice_id)
    return {
        int(line_id): (int(q), int(t))
        for line_id, q, t in session.execute(
            select(
                InvoiceLine.credited_line_id,
                func.sum(InvoiceLine.quantity_milli),
                func.sum(InvoiceLine.total_incl_cents),
            )
            .where(InvoiceLine.credited_line_id.in_(src))
            .group_by(InvoiceLine.credited_line_id)
        )
        if line_id is not None  # never: only credit note lines are selected
    }


@guarded(Permission.CREDIT_NOTES)
def create_credit_note(
    db: Database,
    actor: int | None,
    invoice_id: int,
    *,
    lines: Sequence[tuple[int, int]] | None = None,
    reason: str,
    refund: PaymentInput | None = None,
    desk: str = "",
    issued_at: datetime | None = None,
) -> int:
    """A credit note (avoir) on an invoice, whole (``lines`` None: all that is left)
    or partial ((invoice line id, quantity_milli) pairs); never more than what is left
    to credit. Its own numbering series. ``refund``: money given back now (a negative
    payment on the credit note; "wallet" puts it on the member's wallet)."""
    issued_at = issued_at or utcnow()
    texts = FieldCollector()
    texts.text("reason", reason or "", TEXT_MAX)
    texts.raise_if_any()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "required"})
    if refund is not None:
        check_payment(refund, refund=True)
    with db.write() as session:
        # the invoice locked until this commit (PostgreSQL: FOR UPDATE; SQLite's writers
        # queue anyway): two desks crediting or paying it at once are served one after
        # the other, the second reading what the first left (issue 20 point 4)
        invoice = session.get(Invoice, invoice_id, with_for_update=True)
        if invoice is None:
            raise NotFound("invoice", invoice_id)
        if invoice.kind != "invoice":
            raise DomainError("not_an_invoice", number=invoice.number)
        day = local_day(issued_at)
        ensure_open(session, day)
        src_lines = {
            line.id: line
            for line in session.scalars(
                select(InvoiceLine)
                .where(InvoiceLine.invoice_id == invoice.id)
                .order_by(InvoiceLine.position)
            )
        }
        done = _credited_by_line(session, invoice.id)
        wanted: list[tuple[InvoiceLine, int]] = []
        if lines is None:
            for line in src_lines.values():
                left = line.quantity_milli - done.get(line.id, (0, 0))[0]
                if left > 0:
                    wanted.append((line, left))
        else:
            quantities: dict[int, int] = {}
            for line_id, quantity in lines:
                if line_id not in src_lines:
                    raise NotFound("invoice_line", line_id)
                if quantity <= 0:
                    raise ValidationError({"quantity": "quantity_not_positive"})
                quantities[line_id] = quantities.get(line_id, 0) + quantity
            for line_id, quantity in quantities.items():
                line = src_lines[line_id]
                left = line.quantity_milli - done.get(line.id, (0, 0))[0]
                if quantity > left:
                    raise DomainError(
                        "credit_exceeds_invoice", number=invoice.number, line=line.designation
                    )
                wanted.append((line, quantity))
        if not wanted:
            raise DomainError("credit_exceeds_invoice", number=invoice.number, line="")
        frozen = []
        for line, quantity in sorted(wanted, key=lambda w: w[0].position):
            q_done, incl_done = done.get(line.id, (0, 0))
            if q_done + quantity == line.quantity_milli:
                incl = line.total_incl_cents - incl_done  # the rest, no rounding drift
            else:
                incl = round_half_up(line.total_incl_cents * quantity, line.quantity_milli)
            excl, vat_cents = split_incl(incl, line.vat_rate_bp)
            frozen.append((line, quantity, incl, excl, vat_cents))
        total = sum(f[2] for f in frozen)
        refund_amount = 0
        if refund is not None:
            paid, credited, refunded = invoice_sums(session, invoice)
            overpaid = -(invoice.total_incl_cents - paid - credited - total + refunded)
            if refund.amount_cents > min(total, overpaid):
                raise DomainError("refund_exceeds_credit", maximum=max(0, min(total, overpaid)))
            refund_amount = refund.amount_cents
        structure = load_structure(session)
        invoice_day = local_day(invoice.issued_at)
        mentions = [
            f"Avoir sur la facture n° {invoice.number} du {fr_date(invoice_day)}",
            f"Motif : {reason}",
            *[m for m in invoice.mentions.split("\n") if m],
        ]
        period, counter, number = take_number(session, "credit_note", day)
        note_row = Invoice(
            kind="credit_note",
            series="credit_note",
            period=period,
            counter=counter,
            number=number,
            issued_at=issued_at,
            service_from=invoice.service_from,
            service_to=invoice.service_to,
            due_date=day,
            member_id=invoice.member_id,
            buyer_is_business=invoice.buyer_is_business,
            buyer_json=invoice.buyer_json,
            seller_json=to_json(seller_of(structure)),
            vat_regime=invoice.vat_regime,
            mentions="\n".join(mentions),
            total_excl_cents=sum(f[3] for f in frozen),
            total_vat_cents=sum(f[4] for f in frozen),
            total_incl_cents=total,
            credited_invoice_id=invoice.id,
            desk=desk,
            operator_id=actor,
            note=reason,
        )
        session.add(note_row)
        session.flush()
        for position, (line, quantity, incl, excl, vat_cents) in enumerate(frozen, start=1):
            session.add(
                InvoiceLine(
                    invoice_id=note_row.id,
                    position=position,
                    kind=line.kind,
                    revenue_kind=line.revenue_kind,
                    designation=line.designation,
                    detail=line.detail,
                    quantity_milli=quantity,
                    unit=line.unit,
                    unit_price_excl_cents=line.unit_price_excl_cents,
                    vat_rate_bp=line.vat_rate_bp,
                    vat_mention=line.vat_mention,
                    list_cents=incl,
                    discount_cents=0,
                    total_excl_cents=excl,
                    vat_cents=vat_cents,
                    total_incl_cents=incl,
                    usage_id=line.usage_id,
                    audience_id=line.audience_id,
                    credited_line_id=line.id,
                )
            )
        session.flush()
        seal(session, "credit_note", note_row.id, issued_at)
        taken_back = sum(f[2] for f in frozen if f[0].kind == "wallet_topup")
        if taken_back and invoice.member_id is not None:  # the top-up leaves the wallet
            debit_in(
                session, actor, invoice.member_id, taken_back, note=f"Avoir {number}", at=issued_at
            )
        if refund is not None and refund_amount > 0:
            row = Payment(
                invoice_id=note_row.id,
                at=issued_at,
                method=refund.method,
                amount_cents=-refund_amount,
                cheque_number=refund.cheque_number.strip(),
                bank=refund.bank.strip(),
                reference=refund.reference.strip(),
                desk=desk,
                operator_id=actor,
            )
            session.add(row)
            session.flush()
            seal(session, "payment", row.id, issued_at)
            if refund.method == "wallet":
                if invoice.member_id is None:
                    raise DomainError("basket_needs_member")
                add_movement_in(
                    session,
                    actor,
                    invoice.member_id,
                    refund_amount,
                    note=f"Avoir {number}",
                    at=issued_at,
                )
        session.flush()
        return note_row.id
