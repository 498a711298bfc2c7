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
calendar year). The journal of a fiscal year (any journal starting on such a first day)
opens with the AN entry carrying forward the earlier years' balances (journal.opening).

Uses the store only (db.models) and the rules of domain.journal / domain.finance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Structure
from tierslieu_desktop.domain.journal import JournalEntry, LedgerLine, fiscal_year
from tierslieu_desktop.services.finance.journal.cards import card_settlement_entries
from tierslieu_desktop.services.finance.journal.core import (
    Accounts,
    PostedEntry,
    PostedLine,
    Source,
    iter_journal,
    net_lines,
    saved_accounts,
)
from tierslieu_desktop.services.finance.journal.deposits import deposit_entries
from tierslieu_desktop.services.finance.journal.depreciation import depreciation_entries
from tierslieu_desktop.services.finance.journal.expenses import expense_entries
from tierslieu_desktop.services.finance.journal.grants import grant_entries
from tierslieu_desktop.services.finance.journal.in_kind import in_kind_entries
from tierslieu_desktop.services.finance.journal.opening import opening_entries
from tierslieu_desktop.services.finance.journal.sales import invoice_entries, payment_entries
from tierslieu_desktop.services.finance.journal.vouchers import (
    drop_in_voucher_entries,
    voucher_settlement_entries,
)

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
    "ledger_lines",
    "net_lines",
    "saved_accounts",
]


def _in_day_order(source: Source) -> Source:
    """A source whose entries are few (grants, expenses, depreciation, in-kind) read whole
    and sorted by day: the journal merges the sources' streams by day, each in order."""

    def sorted_source(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
        return iter(sorted(source(session, first_day, last_day), key=lambda e: e.day))

    sorted_source.__name__ = sorted_source.__qualname__ = getattr(source, "__name__", "source")
    return sorted_source


# Every source of entries, in the order used for entries of the same day. Each yields its
# entries in day order (the sales, card and voucher sources read them so; the others are
# sorted). The opening entry (AN, only in a journal starting on the first day of a fiscal
# year) comes first; it reads the other sources over the earlier years, never itself.
SOURCES: tuple[Source, ...] = (
    opening_entries,
    invoice_entries,
    payment_entries,
    deposit_entries,
    _in_day_order(grant_entries),
    _in_day_order(expense_entries),
    _in_day_order(depreciation_entries),
    _in_day_order(in_kind_entries),
    card_settlement_entries,
    drop_in_voucher_entries,
    voucher_settlement_entries,
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


def ledger_lines(entries: Iterable[PostedEntry]) -> Iterator[LedgerLine]:
    """The journal's entries as flat lines (one per account line, the entry's fields
    repeated): what the Paheko CSV, the general ledger and the trial balance read."""
    for e in entries:
        for x in e.lines:
            yield LedgerLine(
                journal=e.journal,
                journal_label=e.journal_label,
                number=e.number,
                day=e.day,
                account=x.account,
                account_label=x.account_label,
                aux=x.aux,
                aux_label=x.aux_label,
                piece_ref=e.piece_ref,
                piece_date=e.piece_date,
                label=x.label or e.label,
                debit_cents=x.debit_cents,
                credit_cents=x.credit_cents,
                letter=x.letter,
                letter_day=x.letter_day,
                valid_day=e.valid_day,
            )
