"""The yearly threshold of the franchise of lucrative accessory activities
(art. 261-7-1°-b and 206-1 bis CGI; docs/vat-basis.md): what a non-profit structure
exempt under art. 261-7-1° invoiced to non-members in a calendar year, against the limit.
The Finances page warns from it (:attr:`LucrativeThreshold.near` / ``exceeded``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Invoice, InvoiceLine, Structure
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.lines import LucrativeThreshold, lucrative_threshold
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded

# The words every line sold under the franchise carries (domain.lines.MENTION_261_LUCRATIVE).
_MARKER = "261-7-1°-b"


@guarded(Permission.FINANCES)
def lucrative_receipts(db: Database, year: int) -> LucrativeThreshold:
    """The year's sales to non-members excl. VAT (invoices less credit notes, by issue
    date: invoiced, not cashed) against the year's franchise threshold."""
    return _lucrative_receipts_impl(db, year)


def _lucrative_receipts_impl(db: Database, year: int) -> LucrativeThreshold:
    start = local_day_bounds(date(year, 1, 1))[0]
    end = local_day_bounds(date(year, 12, 31))[1]
    signed = case(
        (Invoice.kind == "credit_note", -InvoiceLine.total_excl_cents),
        else_=InvoiceLine.total_excl_cents,
    )
    with db.read() as session:
        cents = session.scalar(
            select(func.coalesce(func.sum(signed), 0))
            .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
            .where(
                Invoice.issued_at >= start,
                Invoice.issued_at < end,
                InvoiceLine.vat_mention.contains(_MARKER, autoescape=True),
            )
        )
    return lucrative_threshold(year, int(cents or 0))


@guarded(Permission.FINANCES)
def lucrative_warning(db: Database, year: int) -> LucrativeThreshold | None:
    """The year's figure when the Finances page must warn: the structure is exempt under
    art. 261-7-1° and its sales to non-members reached 90 % of the limit; else None."""
    with db.read() as session:
        regime = session.scalar(select(Structure.vat_regime).order_by(Structure.id).limit(1))
    if regime != "exempt_non_profit":
        return None
    figure = _lucrative_receipts_impl(db, year)
    return figure if figure.near else None
