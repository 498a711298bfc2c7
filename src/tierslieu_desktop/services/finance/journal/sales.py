"""Sources of the sales and their payments: invoices and credit notes (VT), payments and
refunds (CA, BQ, OD). Both read one ordered Core select each, streamed.

- VT, one entry per document: 411 debit of the total incl. VAT, with the auxiliary
  account of the buyer (the member's number — organisations are members with their own
  number — or the single walk-in account ``411PASSAGE`` "Clients de passage" for a sale
  with no member); revenue credit per kind excl. VAT; VAT credit on 44571, or on 44574
  (VAT waiting for the payment) when the structure pays VAT on receipts (the default
  for services, CGI art. 269-2-c: a liable structure without the "TVA sur les débits"
  option) — goods' VAT
  (revenue kinds consumable/sale) is due on delivery and always goes to 44571. A credit
  note is the same entry reversed.
- Payments: cash → CA, 530; cheque → BQ, 5112; card → BQ, 5115 (waiting for the bank's
  credit, services.finance.journal.cards; lettered per payment day); transfer,
  administrative mandate → BQ, 512; member's wallet → OD, 4191; Pass numérique vouchers → OD, 4687 with the
  auxiliary ``PASSNUM`` (a receivable on the voucher issuer until it pays, docs/legal-fr.md).
  Credit 411 with the buyer's auxiliary. Refunds (negative) reversed. On receipts, the
  payment also moves its share of the document's pending VAT from 44574 to 44571
  (share = VAT pending × paid so far ÷ total, rounded cumulatively so that a document
  paid in full moves exactly its pending VAT).
- Lettering keys: a document's 411 lines and its payments' 411 lines share the key of
  the invoice; a credit note (and the refunds on it) the key of the invoice it credits.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import chain, groupby
from typing import Any

from sqlalchemy import String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from tierslieu_desktop.db.models import Invoice, InvoiceLine, Member, Payment, Structure
from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.domain.enums import VatRegime
from tierslieu_desktop.domain.ereporting import GOODS_KINDS  # VAT due on delivery
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine
from tierslieu_desktop.services.finance.journal.core import net_lines

WALK_IN_AUX = ("411PASSAGE", "Clients de passage")
VOUCHER_AUX = ("PASSNUM", "Pass numérique (APTIC)")
# The bank account (512): the key of transfers, as the grants and expenses sources use it.
BANK = "payment:transfer"
_BATCH = 1000

# method → (journal, account key, auxiliary)
_METHODS: dict[str, tuple[str, str, tuple[str, str]]] = {
    "cash": ("CA", "payment:cash", ("", "")),
    "cheque": ("BQ", "payment:cheque", ("", "")),
    "card": ("BQ", "payment:card", ("", "")),
    "transfer": ("BQ", "payment:transfer", ("", "")),
    "mandate": ("BQ", "payment:mandate", ("", "")),
    "wallet": ("OD", "payment:wallet", ("", "")),
    "pass_numerique": ("OD", "receivable:voucher", VOUCHER_AUX),
}


def _raw(column: Any) -> Any:
    """A timestamp column as the driver gives it (SQLite: its text), turned into a local
    day by ``_local_day``: no datetime built and converted per row of a year's journal."""
    return type_coerce(column, String)


@lru_cache(maxsize=4096)
def _local_day_of_hour(hour: str) -> date:
    return to_local(datetime.fromisoformat(hour + ":00").replace(tzinfo=UTC)).date()


def _local_day(value: Any) -> date:
    """The local (Paris) day of a UTC timestamp read by ``_raw``: "YYYY-MM-DD HH:…" text
    (SQLite; cached per hour: time zones shift by whole hours) or a datetime (others)."""
    if isinstance(value, str):
        return _local_day_of_hour(value[:13])
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return to_local(value).date()


def _bounds(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    return local_dt(first_day, 0), local_dt(last_day + timedelta(days=1), 0)


def buyer_aux(number: str | None, first: str | None, last: str | None) -> tuple[str, str]:
    """The 411 auxiliary account of a buyer: the member's number and name, or the
    walk-in account."""
    if not number:
        return WALK_IN_AUX
    name = " ".join(p for p in (first, last) if p).strip()
    return number, name or number


def vat_on_receipts(session: Session) -> bool:
    """True when the structure is liable to VAT and pays that of its services on
    receipts (no "TVA sur les débits" option): it then waits on 44574 until the
    payment. Read from the structure as it is now, the same for both sources, so that
    the two halves always match (documents with VAT issued while the structure was
    liable, paid after it left VAT, go to 44571 at invoicing)."""
    structure = session.get(Structure, 1)
    return (
        structure is not None
        and structure.vat_regime == VatRegime.LIABLE.value
        and not structure.vat_on_debits
    )


def card_letter(day: date) -> str:
    """The letter key of the card payments of a local day on 5115: lettered with the
    bank's credit of that day's payments (services.finance.journal.cards)."""
    return f"card:{day.isoformat()}"


def _letter_key(inv_id: int, credited_id: int | None) -> str:
    return f"doc:{credited_id or inv_id}"


def invoice_entries(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    """VT: the invoices and credit notes issued in [first_day, last_day]."""
    lo, hi = _bounds(first_day, last_day)
    pending_vat = vat_on_receipts(session)
    stmt = (
        select(
            Invoice.id,
            Invoice.kind,
            Invoice.number,
            _raw(Invoice.issued_at),
            Invoice.credited_invoice_id,
            Member.number,
            Member.first_name,
            Member.last_name,
            InvoiceLine.revenue_kind,
            InvoiceLine.total_excl_cents,
            InvoiceLine.vat_cents,
        )
        .outerjoin(Member, Member.id == Invoice.member_id)
        .outerjoin(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
        .where(Invoice.issued_at >= lo, Invoice.issued_at < hi)
        .order_by(Invoice.issued_at, Invoice.id, InvoiceLine.id)
        .execution_options(yield_per=_BATCH)
    )
    for _inv_id, rows in groupby(session.connection().execute(stmt), key=lambda r: r[0]):
        head = next(rows)
        inv_id, kind, number, issued_at, credited_id, m_number, m_first, m_last = head[:8]
        sign = -1 if kind == "credit_note" else 1
        aux, aux_label = buyer_aux(m_number, m_first, m_last)
        amounts: dict[str, int] = {}  # account key → signed cents (+ debit, − credit)
        total = 0
        for row in chain((head,), rows):
            revenue_kind, excl, vat = row[8:]
            if excl is None:
                continue  # a document without lines (outer join)
            key = f"revenue:{revenue_kind or 'other'}"
            amounts[key] = amounts.get(key, 0) - sign * excl
            if vat:
                waits = pending_vat and revenue_kind not in GOODS_KINDS
                key = "vat:pending" if waits else "vat:collected"
                amounts[key] = amounts.get(key, 0) - sign * vat
            total += excl + vat
        lines = [
            _signed("customers", sign * total, aux, aux_label, _letter_key(inv_id, credited_id))
        ]
        lines += [_signed(key, cents) for key, cents in amounts.items() if cents]
        doc = "Avoir" if kind == "credit_note" else "Facture"
        day = _local_day(issued_at)
        yield JournalEntry(
            "VT",
            day,
            number,
            day,
            f"{doc} {number} {aux_label}".strip(),
            tuple(x for x in lines if x.debit_cents or x.credit_cents),
            f"invoice:{inv_id}",
        )


def _signed(
    account: str, cents: int, aux: str = "", aux_label: str = "", letter_key: str = ""
) -> JournalLine:
    """A line from a signed amount: + debit, − credit."""
    if cents >= 0:
        return JournalLine(account, cents, 0, aux, aux_label, letter_key=letter_key)
    return JournalLine(account, 0, -cents, aux, aux_label, letter_key=letter_key)


def _share(pending: int, paid: int, total: int) -> int:
    """pending × paid ÷ total rounded half up (floor division: consistent for the
    cumulative differences, whatever the sign)."""
    return (2 * pending * paid + total) // (2 * total)


def payment_entries(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    """CA/BQ/OD: the payments and refunds received in [first_day, last_day]."""
    lo, hi = _bounds(first_day, last_day)
    pending_vat = vat_on_receipts(session)
    cols: list[Any] = [
        Payment.id,
        _raw(Payment.at),
        Payment.method,
        Payment.amount_cents,
        Invoice.id,
        Invoice.credited_invoice_id,
        Invoice.number,
        Member.number,
        Member.first_name,
        Member.last_name,
    ]
    if pending_vat:
        # The document's VAT waiting for payment, its total, and what was paid before
        # this payment (any year): only when the VAT is due on receipts.
        earlier = aliased(Payment)
        cols += [
            select(func.coalesce(func.sum(InvoiceLine.vat_cents), 0))
            .where(
                InvoiceLine.invoice_id == Invoice.id,
                InvoiceLine.revenue_kind.not_in(GOODS_KINDS),
            )
            .scalar_subquery(),
            Invoice.total_incl_cents,
            select(func.coalesce(func.sum(earlier.amount_cents), 0))
            .where(
                earlier.invoice_id == Payment.invoice_id,
                or_(
                    earlier.at < Payment.at,
                    and_(earlier.at == Payment.at, earlier.id < Payment.id),
                ),
            )
            .scalar_subquery(),
        ]
    stmt = (
        select(*cols)
        .join(Invoice, Payment.invoice_id == Invoice.id)
        .outerjoin(Member, Member.id == Invoice.member_id)
        .where(Payment.at >= lo, Payment.at < hi)
        .order_by(Payment.at, Payment.id)
        .execution_options(yield_per=_BATCH)
    )
    for row in session.connection().execute(stmt):
        pay_id, at, method, cents, inv_id, credited_id, number, m_number, m_first, m_last = row[:10]
        aux, aux_label = buyer_aux(m_number, m_first, m_last)
        journal, account, (p_aux, p_aux_label) = _METHODS.get(method, _METHODS["transfer"])
        day = _local_day(at)
        lines = [
            _signed(
                account, cents, p_aux, p_aux_label, card_letter(day) if method == "card" else ""
            ),
            _signed("customers", -cents, aux, aux_label, _letter_key(inv_id, credited_id)),
        ]
        if pending_vat:
            vat, total, before = row[10:13]
            if vat and total:
                moved = _share(vat, before + cents, total) - _share(vat, before, total)
                lines += [_signed("vat:pending", moved), _signed("vat:collected", -moved)]
        what = "Règlement" if cents > 0 else "Remboursement"
        yield JournalEntry(
            journal,
            day,
            number,
            day,
            f"{what} {number} {aux_label}".strip(),
            net_lines(lines),
            f"payment:{pay_id}",
        )
