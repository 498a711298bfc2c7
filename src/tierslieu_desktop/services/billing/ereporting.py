"""B2C e-reporting data (issue 15, point 11; docs/e-reporting.md): a period's sales to
consumers (flux 10.3) and the payments received for them (flux 10.4), aggregated per
day, read from the issued invoices, credit notes and payments. The rules of what is
reported are in :mod:`tierslieu_desktop.domain.ereporting`; ``reports.ereporting``
writes the XML.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Invoice, InvoiceLine, Payment
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.ereporting import (
    PAYMENTS,
    SERVICES,
    TRANSACTIONS,
    B2cReport,
    DayPayments,
    DayTransactions,
    Declarant,
    Left,
    RateTotal,
    Transmission,
    is_consumer,
    payment_split,
    reported_category,
)
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.lines import document_bases
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing._common import load_structure

_LINE_COLUMNS = (
    Invoice.id,
    Invoice.kind,
    Invoice.issued_at,
    Invoice.vat_regime,
    Invoice.buyer_is_business,
    Invoice.buyer_json,
    Invoice.total_incl_cents,
    InvoiceLine.kind,
    InvoiceLine.revenue_kind,
    InvoiceLine.vat_rate_bp,
    InvoiceLine.vat_mention,
    InvoiceLine.total_excl_cents,
    InvoiceLine.vat_cents,
    InvoiceLine.total_incl_cents,
)


def _check_period(first_day: date, last_day: date) -> None:
    if last_day <= first_day:
        # annex 7 G6.25: the end of the period comes after its start
        raise DomainError("ereporting_period", first=first_day, last=last_day)


def _declarant(session: Session) -> Declarant:
    structure = load_structure(session)
    siren = (structure.siret or "").replace(" ", "")[:9]
    if len(siren) != 9 or not siren.isdigit():
        raise DomainError("ereporting_no_siren")
    return Declarant(siren, structure.name or "", structure.vat_regime, structure.vat_on_debits)


def _documents(session: Session, where: Any) -> Iterable[tuple[Any, list[Any]]]:
    """(head row, lines) per document selected by ``where``, in issue order."""
    stmt = (
        select(*_LINE_COLUMNS)
        .join(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
        .where(where)
        .order_by(Invoice.issued_at, Invoice.id, InvoiceLine.position, InvoiceLine.id)
    )
    current: list[Any] = []
    for row in session.execute(stmt):
        if current and current[0][0] != row[0]:
            yield current[0], current
            current = []
        current.append(row)
    if current:
        yield current[0], current


def _consumer(head: Any) -> bool:
    buyer = json.loads(head.buyer_json or "{}")
    return is_consumer(buyer if isinstance(buyer, dict) else {}, head.buyer_is_business)


def _classified(head: Any, rows: list[Any]) -> list[tuple[Any, str | None, str]]:
    """Each line with its TT-81 category (None: not reported) and its VAT category."""
    lines = [SimpleNamespace(kind=r[7], vat_rate_bp=r[9], vat_mention=r[10] or "") for r in rows]
    bases = document_bases(head.vat_regime, lines)
    return [
        (row, reported_category(basis, row[8] or ""), basis.category)
        for row, basis in zip(rows, bases, strict=True)
    ]


@guarded(Permission.EXPORTS)
def b2c_transactions(db: Database, first_day: date, last_day: date) -> B2cReport:
    """Flux 10.3: the consumer sales issued from ``first_day`` to ``last_day`` (local
    days), per day, category and rate, credit notes deducted."""
    _check_period(first_day, last_day)
    lo, hi = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    sums: dict[tuple[date, str, int], list[int]] = defaultdict(lambda: [0, 0])
    docs: dict[tuple[date, str], set[int]] = defaultdict(set)
    left = {"business": 0, "exempt": 0, "outside": 0}
    with db.read() as session:
        declarant = _declarant(session)
        for head, rows in _documents(session, (Invoice.issued_at >= lo) & (Invoice.issued_at < hi)):
            sign = -1 if head.kind == "credit_note" else 1
            if not _consumer(head):
                left["business"] += sign * sum(r[11] for r in rows)
                continue
            day = to_local(head.issued_at).date()
            for row, category, vat_category in _classified(head, rows):
                if category is None:
                    left[
                        "outside" if vat_category == "O" or row[7] == "wallet_topup" else "exempt"
                    ] += sign * row[11]
                    continue
                total = sums[(day, category, row[9])]
                total[0] += sign * row[11]
                total[1] += sign * row[12]
                docs[(day, category)].add(head.id)
    days = []
    for day, category in sorted(docs):
        rates = tuple(
            RateTotal(rate, base, vat)
            for (d, c, rate), (base, vat) in sorted(sums.items())
            if (d, c) == (day, category)
        )
        days.append(DayTransactions(day, category, len(docs[(day, category)]), rates))
    return B2cReport(
        TRANSACTIONS,
        first_day,
        last_day,
        declarant,
        transactions=tuple(days),
        left=Left(left["business"], left["exempt"], left["outside"]),
    )


@guarded(Permission.EXPORTS)
def b2c_payments(db: Database, first_day: date, last_day: date) -> B2cReport:
    """Flux 10.4: the payments (refunds deducted) received from consumers from
    ``first_day`` to ``last_day`` for taxed services, per day and rate — only when the
    structure's services' VAT is due on receipts; an empty report otherwise."""
    _check_period(first_day, last_day)
    lo, hi = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    with db.read() as session:
        declarant = _declarant(session)
        if not declarant.owes_payment_data:
            return B2cReport(PAYMENTS, first_day, last_day, declarant)
        paid_in_period = select(Payment.invoice_id).where(Payment.at >= lo, Payment.at < hi)
        parts: dict[int, tuple[int, dict[int, int]]] = {}
        for head, rows in _documents(session, Invoice.id.in_(paid_in_period)):
            if not _consumer(head):
                continue
            by_rate: dict[int, int] = defaultdict(int)
            for row, category, _vat in _classified(head, rows):
                if category == SERVICES and row[9] > 0:
                    by_rate[row[9]] += row[13]
            if by_rate:
                parts[head.id] = (head.total_incl_cents, dict(by_rate))
        payments = session.execute(
            select(Payment.invoice_id, Payment.at, Payment.amount_cents)
            .where(Payment.invoice_id.in_(paid_in_period))
            .order_by(Payment.invoice_id, Payment.at, Payment.id)
        ).all()
    sums: dict[tuple[date, int], int] = defaultdict(int)
    before: dict[int, int] = defaultdict(int)
    for invoice_id, at, amount in payments:
        if invoice_id not in parts:
            continue  # a business's document, or no taxed service on it
        total, by_rate = parts[invoice_id]
        if lo <= at < hi:
            day = to_local(at).date()
            for rate, cents in payment_split(by_rate, total, before[invoice_id], amount).items():
                sums[(day, rate)] += cents
        before[invoice_id] += amount
    reported: dict[date, list[tuple[int, int]]] = defaultdict(list)
    refunds: dict[date, list[tuple[int, int]]] = defaultdict(list)
    for (day, rate), cents in sorted(sums.items()):
        if cents > 0:
            reported[day].append((rate, cents))
        elif cents < 0:
            refunds[day].append((rate, cents))
    return B2cReport(
        PAYMENTS,
        first_day,
        last_day,
        declarant,
        payments=tuple(DayPayments(d, tuple(a)) for d, a in sorted(reported.items())),
        unexpressed=tuple(DayPayments(d, tuple(a)) for d, a in sorted(refunds.items())),
    )


@guarded(Permission.EXPORTS)
def export_ereporting(
    db: Database,
    first_day: date,
    last_day: date,
    path: str | Path,
    transmission: Transmission,
    *,
    payments: bool = False,
) -> B2cReport:
    """Write the period's flux 10.3 (or, with ``payments``, 10.4) XML to ``path`` (0600)
    and return its data; nothing is written when there is nothing to report."""
    from tierslieu_desktop.reports.ereporting import ereporting_xml

    report = (b2c_payments if payments else b2c_transactions)(db, first_day, last_day)
    if not report.empty:
        write_private_bytes(Path(path), ereporting_xml(report, transmission))
    return report
