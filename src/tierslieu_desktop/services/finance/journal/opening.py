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

The balances are those of the journal itself: the dated sources (sales, payments,
expenses) are read once over all the earlier days, the sources whose entries depend on
the period (grants' releases, depreciation: one entry at each period's end) fiscal year
by fiscal year, as each year's journal read them. In-kind contributions are left out:
each of their entries nets to zero on 86/87. The first fiscal year with activity has
no AN entry; a journal of any other span (a month, a quarter) has none either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import (
    Expense,
    Grant,
    GrantPayment,
    Invoice,
    Machine,
    Structure,
)
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine, fiscal_year
from tierslieu_desktop.services.finance.journal.core import saved_accounts
from tierslieu_desktop.services.finance.journal.depreciation import depreciation_entries
from tierslieu_desktop.services.finance.journal.expenses import expense_entries
from tierslieu_desktop.services.finance.journal.grants import grant_entries
from tierslieu_desktop.services.finance.journal.sales import (
    _local_day,
    _raw,
    invoice_entries,
    payment_entries,
)

__all__ = ["BALANCE_SHEET_CLASSES", "opening_entries"]

BALANCE_SHEET_CLASSES = "12345"
# Sources of dated events: their entries do not depend on the period read.
_DATED = (invoice_entries, payment_entries, expense_entries)
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


def _earlier_entries(
    session: Session, start: date, first_day: date, month: int
) -> Iterator[JournalEntry]:
    """The entries of the journal before ``first_day``, from ``start`` on."""
    before = first_day - timedelta(days=1)
    for source in _DATED:
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
    sums, keys = _balances(_earlier_entries(session, start, first_day, month), numbers, first_day)
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
