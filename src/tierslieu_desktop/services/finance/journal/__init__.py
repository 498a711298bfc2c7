"""The double-entry journal: the single source of the FEC and of every accounting export.

``SOURCES`` lists the functions ``(session, first_day, last_day) -> Iterable[JournalEntry]``
(domain.journal) that turn the economic events of the database into entries; ``collect``
merges them, resolves the account keys through the mapping (Finances › Accounts over the
defaults of domain.finance), checks every entry balanced, numbers the entries per
journal and letters the matching lines (services.finance.journal.core says how). To add
a kind of event, write its source in a module of this package and append it to
``SOURCES``.

Fiscal years: ``fiscal_year_bounds(session, year)`` is the fiscal year that *starts* in
``year`` on the month set in Paramètres (Structure.fiscal_year_start_month; 1 = the
calendar year).

Uses the store only (db.models) and the rules of domain.journal / domain.finance.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Structure
from tierslieu_desktop.domain.journal import fiscal_year
from tierslieu_desktop.services.finance.journal.core import (
    Accounts,
    PostedEntry,
    PostedLine,
    Source,
    iter_journal,
    net_lines,
    saved_accounts,
)
from tierslieu_desktop.services.finance.journal.sales import invoice_entries, payment_entries

__all__ = [
    "SOURCES",
    "Accounts",
    "PostedEntry",
    "PostedLine",
    "Source",
    "collect",
    "collect_fiscal_year",
    "fiscal_year_bounds",
    "fiscal_year_start_month",
    "iter_collect",
    "net_lines",
    "saved_accounts",
]

# Every source of entries, in the order used for entries of the same day.
SOURCES: tuple[Source, ...] = (
    invoice_entries,
    payment_entries,
)


def fiscal_year_start_month(session: Session) -> int:
    structure = session.get(Structure, 1)
    month = structure.fiscal_year_start_month if structure is not None else 1
    return month if month and 1 <= month <= 12 else 1


def fiscal_year_bounds(session: Session, year: int) -> tuple[date, date]:
    """First and last day of the fiscal year starting in ``year``."""
    return fiscal_year(year, fiscal_year_start_month(session))


def iter_collect(
    session: Session,
    first_day: date,
    last_day: date,
    *,
    accounts: Accounts | None = None,
    today: date | None = None,
) -> Iterator[PostedEntry]:
    """``collect`` streamed: the entries one at a time (for the FEC of a busy year)."""
    return iter_journal(session, first_day, last_day, SOURCES, accounts=accounts, today=today)


def collect(
    session: Session,
    first_day: date,
    last_day: date,
    *,
    accounts: Accounts | None = None,
    today: date | None = None,
) -> list[PostedEntry]:
    """The journal of [first_day, last_day]: numbered, accounts resolved, lettered,
    every entry balanced (``DomainError("journal_unbalanced", piece=…)`` otherwise)."""
    return list(iter_collect(session, first_day, last_day, accounts=accounts, today=today))


def collect_fiscal_year(
    session: Session, year: int, *, accounts: Accounts | None = None, today: date | None = None
) -> list[PostedEntry]:
    """``collect`` of the fiscal year starting in ``year`` (Paramètres › Structure)."""
    return collect(session, *fiscal_year_bounds(session, year), accounts=accounts, today=today)
