"""Journal source: the opening entry (AN, « À nouveaux ») of a fiscal year.

A journal that starts on the first day of a fiscal year (Paramètres › Structure) opens
with one AN entry dated that day, carrying forward the balances at the end of every
earlier fiscal year:

- every balance-sheet account (classes 1 to 5, after the mapping of Finances ›
  Accounts) with a non-zero balance, one line per account and auxiliary account;
- the lines that wait to be lettered stay apart, one line per open letter key: an
  invoice of last year still unpaid (411, the buyer's auxiliary, its own wording) is
  carried with the invoice's key, so that the payment received this year letters with
  it; so are a grant instalment still to be received (441/468), a Pass numérique
  voucher (4687) or an expense (401) still owed;
- the result of the earlier years (classes 6 and 7; the 86/87 pairs net to zero) on
  110 « report à nouveau » when it is a profit, 119 when it is a loss — the line that
  balances the entry. The assembly's allocation of the result (reserves 106…) is the
  accountant's entry and is not made here.

The balances are those of the journal itself: the sales and their payments — most of
the rows of a busy base — are summed in SQL (``_sales_sums``: what the sales sources
book on the balance-sheet accounts over all the earlier days, the same to the cent;
only the open documents are read one by one: about 0.2 s on the large demo's FEC),
the expenses are read once over the earlier days, and the sources whose entries
depend on the period (grants' releases, depreciation: one entry at each period's end)
fiscal year by fiscal year, as each year's journal read them. In-kind contributions
are left out: each of their entries nets to zero on 86/87. The first fiscal year with
activity has no AN entry; a journal of any other span (a month, a quarter) has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import String, case, cast, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from tierslieu_desktop.db.models import (
    Expense,
    Grant,
    GrantPayment,
    Invoice,
    InvoiceLine,
    InvoiceOpen,
    Machine,
    Member,
    Payment,
    Structure,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.ereporting import GOODS_KINDS
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine, fiscal_year
from tierslieu_desktop.services.finance.journal.cards import (
    card_settlement_days,
    card_settlement_entries,
    settlement_day,
)
from tierslieu_desktop.services.finance.journal.core import saved_accounts
from tierslieu_desktop.services.finance.journal.deposits import deposit_entries
from tierslieu_desktop.services.finance.journal.depreciation import depreciation_entries
from tierslieu_desktop.services.finance.journal.expenses import expense_entries
from tierslieu_desktop.services.finance.journal.grants import grant_entries
from tierslieu_desktop.services.finance.journal.sales import (
    _METHODS,
    BANK,
    _local_day,
    _local_day_of_hour,
    _raw,
    _share,
    buyer_aux,
    card_letter,
    invoice_entries,
    payment_entries,
    vat_on_receipts,
)
from tierslieu_desktop.services.finance.journal.vouchers import (
    drop_in_voucher_entries,
    voucher_settlement_entries,
)

__all__ = ["BALANCE_SHEET_CLASSES", "opening_entries"]

BALANCE_SHEET_CLASSES = "12345"
# Sources of dated events: their entries do not depend on the period read (the sales
# ones are summed in SQL instead, see ``_sales_sums``).
_SALES = (invoice_entries, payment_entries, card_settlement_entries)
_DATED = (
    expense_entries,
    deposit_entries,
    drop_in_voucher_entries,
    voucher_settlement_entries,
)
_CHUNK = 500
# Sources with entries at the end of each period: read fiscal year by fiscal year.
_PER_YEAR = (grant_entries, depreciation_entries)


def _start_month(session: Session) -> int:
    structure = session.get(Structure, 1)
    month = structure.fiscal_year_start_month if structure is not None else 1
    return month if month and 1 <= month <= 12 else 1


def _earliest_day(session: Session) -> date | None:
    """The first day anything is booked on (None: an empty journal). A payment comes
    after its invoice: the payments are not looked at (their day is not indexed)."""
    days: list[date] = []
    raw = session.scalar(select(func.min(_raw(Invoice.issued_at))))
    if raw is not None:
        days.append(_local_day(raw))
    for column in (Expense.day, Grant.period_start, Grant.granted_on, GrantPayment.received_on):
        day = session.scalar(select(func.min(column)))
        if day is not None:
            days.append(day)
    day = session.scalar(
        select(func.min(Machine.purchase_date)).where(Machine.purchase_value_cents.is_not(None))
    )
    if day is not None:
        days.append(day)
    return min(days, default=None)


def _signed_line(
    account: str, cents: int, aux: str = "", aux_label: str = "", label: str = "", key: str = ""
) -> JournalLine:
    return JournalLine(account, max(cents, 0), max(-cents, 0), aux, aux_label, label, key)


def _sales_sums(
    session: Session, first_day: date, numbers: dict[str, str]
) -> Iterator[JournalLine]:
    """What ``invoice_entries`` and ``payment_entries`` book before ``first_day``, summed,
    on the balance-sheet accounts (``numbers``: key → account): the revenue kinds booked
    on one (wallet top-ups, 4191), VAT, payments per method, and one 411 line per
    document still open (a document's key: its own id, or that of the invoice a credit
    note credits). The revenue of classes 6–7 is left to the result line."""
    lo = local_dt(first_day, 0)
    pending_vat = vat_on_receipts(session)
    sign = case((Invoice.kind == "credit_note", -1), else_=1)
    # revenue per revenue kind, of the kinds on a balance-sheet account: found in the
    # lines' covering index, their documents read only for them
    kinds = [
        key.split(":", 1)[1]
        for key, number in numbers.items()
        if key.startswith("revenue:") and number[:1] in BALANCE_SHEET_CLASSES
    ]
    if kinds:
        kind_filter: ColumnElement[bool] = InvoiceLine.revenue_kind.in_(kinds)
        if "other" in kinds:
            kind_filter = or_(kind_filter, InvoiceLine.revenue_kind.is_(None))
        for kind, excl in session.execute(
            select(InvoiceLine.revenue_kind, func.sum(sign * InvoiceLine.total_excl_cents))
            .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
            .where(Invoice.issued_at < lo, kind_filter)
            .group_by(InvoiceLine.revenue_kind)
        ):
            yield _signed_line(f"revenue:{kind or 'other'}", -(excl or 0))
    if pending_vat:
        waits = InvoiceLine.revenue_kind.not_in(GOODS_KINDS)
        for pending, vat in session.execute(
            select(waits, func.sum(sign * InvoiceLine.vat_cents))
            .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
            .where(Invoice.issued_at < lo)
            .group_by(waits)
        ):
            yield _signed_line("vat:pending" if pending else "vat:collected", -(vat or 0))
    else:  # a document's VAT is the sum of its lines' (sealed with them)
        vat = session.scalar(
            select(func.sum(sign * Invoice.total_vat_cents)).where(Invoice.issued_at < lo)
        )
        yield _signed_line("vat:collected", -(vat or 0))
    # payments per method (every payment is on a document: invoice_id is required)
    for method, cents in session.execute(
        select(Payment.method, func.sum(Payment.amount_cents))
        .where(Payment.at < lo, Payment.method != "card")
        .group_by(Payment.method)
    ):
        _journal, account, (aux, aux_label) = _METHODS.get(method, _METHODS["transfer"])
        yield _signed_line(account, cents or 0, aux, aux_label)
    # card payments per local day, with the letter key their bank credit carries: summed
    # per UTC hour near midnight, per UTC day from 04:00 to 19:59 (the same Paris day,
    # UTC+1 or +2, whatever the hour: read as the day's noon)
    text = cast(Payment.at, String)
    hour = case(
        (func.substr(text, 12, 2).between("04", "19"), func.substr(text, 1, 10) + " 12"),
        else_=func.substr(text, 1, 13),
    )
    per_day: dict[date, int] = {}
    for at_hour, cents in session.execute(
        select(hour, func.sum(Payment.amount_cents))
        .where(Payment.at < lo, Payment.method == "card")
        .group_by(hour)
    ):
        day = _local_day_of_hour(at_hour)
        per_day[day] = per_day.get(day, 0) + (cents or 0)
    # ... and their bank credit (cards.py), summed here rather than read: a day credited
    # before ``first_day`` is on 512, the others wait on 5115 with their letter key
    _journal, card_account, _aux = _METHODS["card"]
    delay = card_settlement_days(session)
    credited = 0
    for day, cents in sorted(per_day.items()):
        if cents and settlement_day(day, delay) < first_day:
            credited += cents
        else:
            yield _signed_line(card_account, cents, key=card_letter(day))
    yield _signed_line(BANK, credited)
    # the receivable of each document still open
    open_docs = _open_documents(session, lo)
    ids = sorted(open_docs)
    for i in range(0, len(ids), _CHUNK):
        for inv_id, number, m_number, m_first, m_last in session.execute(
            select(Invoice.id, Invoice.number, Member.number, Member.first_name, Member.last_name)
            .outerjoin(Member, Member.id == Invoice.member_id)
            .where(Invoice.id.in_(ids[i : i + _CHUNK]))
        ):
            aux, aux_label = buyer_aux(m_number, m_first, m_last)
            label = f"Facture {number} {aux_label}".strip()
            yield _signed_line(
                "customers", open_docs[inv_id], aux, aux_label, label, f"doc:{inv_id}"
            )
    if pending_vat:
        yield from _vat_moved(session, lo)


def _open_documents(session: Session, lo: object) -> dict[int, int]:
    """Letter key (a document's id, or that of the invoice a credit note credits) → what
    is left on it before ``lo``, for the keys where it is not zero.

    Read from the few keys that can be open then rather than from every document and
    payment ever: a key whose events are all before ``lo`` is open then only if it is
    open now (``invoice_open``, kept by triggers; a credit note crediting nothing is
    not kept there: those are taken apart); a key with events on both sides of ``lo``
    has a payment since ``lo`` on a document issued before, a credit note since ``lo``
    on it, or a payment (or credit note) before ``lo`` on a document issued since. Each
    of these is found through an index over the days since ``lo`` or the open rows."""
    key = func.coalesce(Invoice.credited_invoice_id, Invoice.id)
    doc = aliased(Invoice)
    candidates: set[int] = set(session.scalars(select(InvoiceOpen.invoice_id)))
    queries = (
        # paid since lo, issued before
        select(key)
        .join(Payment, Payment.invoice_id == Invoice.id)
        .where(Payment.at >= lo, Invoice.issued_at < lo),
        # credit notes since lo
        select(Invoice.credited_invoice_id).where(
            Invoice.issued_at >= lo, Invoice.kind == "credit_note"
        ),
        # credit notes before lo crediting nothing, or an invoice issued since
        select(key)
        .outerjoin(doc, doc.id == Invoice.credited_invoice_id)
        .where(
            Invoice.issued_at < lo,
            Invoice.kind == "credit_note",
            or_(Invoice.credited_invoice_id.is_(None), doc.issued_at >= lo),
        ),
        # paid before lo, issued since: read from the documents issued since
        select(key).where(
            Invoice.issued_at >= lo,
            select(Payment.id).where(Payment.invoice_id == Invoice.id, Payment.at < lo).exists(),
        ),
    )
    for query in queries:
        candidates.update(k for k in session.scalars(query) if k is not None)
    out: dict[int, int] = {}
    ids = sorted(candidates)
    sign = case((doc.kind == "credit_note", -1), else_=1)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        keys = set(chunk)
        docs = (
            select(doc.id.label("id"), func.coalesce(doc.credited_invoice_id, doc.id).label("k"))
            .where(or_(doc.id.in_(chunk), doc.credited_invoice_id.in_(chunk)))
            .subquery()
        )
        issued = (
            select(docs.c.k, sign * doc.total_incl_cents)
            .join(doc, doc.id == docs.c.id)
            .where(doc.issued_at < lo)
        )
        paid = (
            select(docs.c.k, -Payment.amount_cents)
            .join(Payment, Payment.invoice_id == docs.c.id)
            .where(Payment.at < lo)
        )
        for k, cents in (*session.execute(issued), *session.execute(paid)):
            if k in keys:
                out[k] = out.get(k, 0) + cents
    return {k: c for k, c in out.items() if c}


def _vat_moved(session: Session, lo: object) -> Iterator[JournalLine]:
    """The VAT the payments before ``lo`` moved from 44574 to 44571: a document's
    payments move, in all, its share of its pending VAT for what they paid (the
    payments' shares are rounded cumulatively: they add up to the share of the sum),
    all of it once it is paid in full."""
    pending = (
        select(func.coalesce(func.sum(InvoiceLine.vat_cents), 0))
        .where(InvoiceLine.invoice_id == Invoice.id, InvoiceLine.revenue_kind.not_in(GOODS_KINDS))
        .scalar_subquery()
    )
    per_doc = (
        select(
            pending.label("vat"),
            Invoice.total_incl_cents.label("total"),
            func.sum(Payment.amount_cents).label("paid"),
        )
        .join(Invoice, Invoice.id == Payment.invoice_id)
        .where(Payment.at < lo)
        .group_by(Invoice.id)
        .subquery()
    )
    moved: int = (
        session.scalar(
            select(func.coalesce(func.sum(per_doc.c.vat), 0)).where(
                per_doc.c.paid == per_doc.c.total, per_doc.c.total != 0
            )
        )
        or 0
    )
    for vat, total, paid in session.execute(
        select(per_doc.c.vat, per_doc.c.total, per_doc.c.paid).where(
            per_doc.c.paid != per_doc.c.total, per_doc.c.total != 0, per_doc.c.vat != 0
        )
    ):
        moved += _share(vat, paid, total)
    yield _signed_line("vat:pending", moved)
    yield _signed_line("vat:collected", -moved)


def _earlier_entries(
    session: Session,
    start: date,
    first_day: date,
    month: int,
    numbers: dict[str, str],
    *,
    sum_sales: bool = True,
) -> Iterator[JournalEntry]:
    """The entries of the journal before ``first_day``, from ``start`` on (the sales
    summed in one pseudo-entry, its balance-sheet side only, or read entry by entry
    when not ``sum_sales``)."""
    before = first_day - timedelta(days=1)
    if sum_sales:
        lines = tuple(_sales_sums(session, first_day, numbers))
        yield JournalEntry("AN", before, "", before, "", lines)
    for source in (*_DATED, *(() if sum_sales else _SALES)):
        yield from source(session, start, before)
    year = start.year if start.month >= month else start.year - 1
    while True:
        lo, hi = fiscal_year(year, month)
        if lo >= first_day:
            break
        for source in _PER_YEAR:
            yield from source(session, lo, min(hi, before))
        year += 1


def _balances(
    entries: Iterable[JournalEntry], numbers: dict[str, str], first_day: date
) -> tuple[dict[tuple[str, str, str], list[Any]], dict[str, str]]:
    """(account number, aux, letter key) → [balance, aux label, wording] (wording: that
    of the first entry of a letter key), and account number → its first key."""
    sums: dict[tuple[str, str, str], list[Any]] = {}
    keys: dict[str, str] = {}
    for entry in entries:
        if entry.day >= first_day:
            continue
        for x in entry.lines:
            number = numbers.get(x.account, x.account)
            keys.setdefault(number, x.account)
            group = (number, x.aux, x.letter_key)
            found = sums.get(group)
            if found is None:
                label = (x.label or entry.label) if x.letter_key else ""
                sums[group] = [x.debit_cents - x.credit_cents, x.aux_label, label]
            else:
                found[0] += x.debit_cents - x.credit_cents
    return sums, keys


def opening_entries(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    """The AN entry of a journal starting on the first day of a fiscal year."""
    month = _start_month(session)
    if first_day.day != 1 or first_day.month != month:
        return
    start = _earliest_day(session)
    if start is None or start >= first_day:
        return
    accounts = saved_accounts(session)[0]
    numbers = {key: number for key, (number, _label) in accounts.items()}
    sums, keys = _balances(
        _earlier_entries(session, start, first_day, month, numbers), numbers, first_day
    )
    lines: list[JournalLine] = []
    carried = 0
    for (number, aux, letter_key), (cents, aux_label, label) in sorted(sums.items()):
        if not cents or number[:1] not in BALANCE_SHEET_CLASSES:
            continue
        carried += cents
        lines.append(
            JournalLine(
                keys[number], max(cents, 0), max(-cents, 0), aux, aux_label, label, letter_key
            )
        )
    if not lines:
        return
    if carried > 0:  # more assets than liabilities: the earlier years made a profit
        lines.append(JournalLine("opening:profit", 0, carried, label="Report à nouveau"))
    elif carried < 0:
        lines.append(JournalLine("opening:loss", -carried, 0, label="Report à nouveau"))
    yield JournalEntry(
        "AN",
        first_day,
        f"AN{first_day:%Y%m%d}",
        first_day,
        f"À nouveaux au {first_day:%d/%m/%Y}",
        tuple(lines),
        f"opening:{first_day.isoformat()}",
    )
