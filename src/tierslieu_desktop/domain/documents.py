"""Invoices and credit notes as issued, in plain data: what the renderers (``reports``:
the invoice, receipt and reminder PDFs, Factur-X) take and what the billing services
(``services.billing``) read out of the store. Frozen dataclasses, no database.

Signs as issued: an invoice and a credit note both carry POSITIVE amounts (``kind``
tells them apart); a payment is positive, a refund (on a credit note) negative.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class InvoiceLineRow:
    id: int
    position: int
    kind: str
    revenue_kind: str
    designation: str
    detail: str
    quantity_milli: int
    unit: str
    unit_price_excl_cents: int
    vat_rate_bp: int
    vat_mention: str
    list_cents: int
    discount_cents: int
    total_excl_cents: int
    vat_cents: int
    total_incl_cents: int
    usage_id: int | None


@dataclass(frozen=True)
class PaymentRow:
    id: int
    at: datetime
    method: str
    amount_cents: int
    tendered_cents: int | None
    change_cents: int | None
    cheque_number: str
    bank: str
    reference: str
    voucher_count: int | None
    voucher_value_cents: int | None
    desk: str


@dataclass(frozen=True)
class InvoiceDoc:
    """One invoice or credit note with its lines, VAT breakdown (rate in basis points,
    excl. base, VAT), payments and balance; ``buyer`` and ``seller`` as frozen when it
    was issued."""

    id: int
    kind: str
    number: str
    issued_at: datetime
    service_from: date | None
    service_to: date | None
    due_date: date
    member_id: int | None
    buyer: dict[str, Any]
    seller: dict[str, Any]
    buyer_is_business: bool
    vat_regime: str
    mentions: list[str]
    lines: list[InvoiceLineRow]
    vat_breakdown: list[tuple[int, int, int]]
    total_excl_cents: int
    total_vat_cents: int
    total_incl_cents: int
    payments: list[PaymentRow]
    paid_cents: int
    credited_cents: int
    balance_cents: int
    credited_invoice_number: str | None
    credited_invoice_date: date | None
    credit_note_numbers: list[str]
    note: str
    desk: str


@dataclass(frozen=True)
class UnpaidRow:
    """An invoice with something left to pay, with its age and delay in days."""

    invoice_id: int
    number: str
    member_id: int | None
    buyer_name: str
    issued_at: datetime
    due_date: date
    total_incl_cents: int
    balance_cents: int
    age_days: int
    overdue_days: int
