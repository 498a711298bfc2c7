"""Source of the card settlements: the bank credits the card payments (BQ 512 / 5115).

A card payment is posted on its day to 5115 "Cartes bancaires à encaisser" (sales.py).
The bank credits it ``Structure.card_settlement_days`` business days later (Paramètres ›
Structure, default 1; weekends and French public holidays skipped,
domain.calendar.add_business_days): one BQ entry per settlement day, "Remise carte
bancaire du JJ/MM" (the settlement day), 512 debit of the day's total, and 5115 credit
per payment day settled, each lettered with that day's card payments (``card_letter``).
A card refund settles the same way (negative): a day whose refunds exceed its payments
is a 512 credit. A payment of 31 December settles in January: 5115 stays open at the year
end, and the January entry lands in the next fiscal year's journal.

The settlement day is derived, not stored: changing the delay in Paramètres changes
the days of the settlements not closed yet — and of those already exported; the
setting is meant to be set once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Payment, Structure
from tierslieu_desktop.domain.calendar import add_business_days
from tierslieu_desktop.domain.finance import MAX_CARD_SETTLEMENT_DAYS
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine
from tierslieu_desktop.services.finance.journal.sales import (
    BANK,
    _bounds,
    _local_day,
    _raw,
    card_letter,
)


def card_settlement_days(session: Session) -> int:
    structure = session.get(Structure, 1)
    days = structure.card_settlement_days if structure is not None else 1
    return days if days is not None and 0 <= days <= MAX_CARD_SETTLEMENT_DAYS else 1


def settlement_day(day: date, delay: int) -> date:
    """The day the bank credits the card payments of ``day``."""
    return add_business_days(day, delay)


def _lookback(delay: int) -> timedelta:
    """How far before a period its settlements' payments can be: ``delay`` business
    days are at most ``delay`` weeks of calendar days, plus a long holiday weekend."""
    return timedelta(days=7 * max(delay, 1) + 7)


def card_totals(session: Session, first_day: date, last_day: date) -> dict[date, int]:
    """Payment local day → net card amount (payments less refunds) of [first_day,
    last_day]."""
    lo, hi = _bounds(first_day, last_day)
    totals: dict[date, int] = defaultdict(int)
    rows = session.connection().execute(
        select(_raw(Payment.at), Payment.amount_cents).where(
            Payment.method == "card", Payment.at >= lo, Payment.at < hi
        )
    )
    for at, cents in rows:
        totals[_local_day(at)] += cents
    return totals


def card_settlement_entries(
    session: Session, first_day: date, last_day: date
) -> Iterator[JournalEntry]:
    """BQ: the bank's credit of the card payments, per settlement day in [first_day,
    last_day], in day order."""
    delay = card_settlement_days(session)
    by_settlement: dict[date, dict[date, int]] = defaultdict(dict)
    for day, cents in card_totals(session, first_day - _lookback(delay), last_day).items():
        settled = settlement_day(day, delay)
        if cents and first_day <= settled <= last_day:
            by_settlement[settled][day] = cents
    for settled in sorted(by_settlement):
        days = by_settlement[settled]
        total = sum(days.values())
        lines = [_line(BANK, total)]
        lines += [
            _line("payment:card", -cents, f"Cartes du {day:%d/%m/%Y}", card_letter(day))
            for day, cents in sorted(days.items())
        ]
        yield JournalEntry(
            "BQ",
            settled,
            f"CB{settled:%Y%m%d}",
            settled,
            f"Remise carte bancaire du {settled:%d/%m}",
            tuple(x for x in lines if x.debit_cents or x.credit_cents),
            f"card_settlement:{settled.isoformat()}",
        )


def _line(account: str, cents: int, label: str = "", letter_key: str = "") -> JournalLine:
    if cents >= 0:
        return JournalLine(account, cents, 0, label=label, letter_key=letter_key)
    return JournalLine(account, 0, -cents, label=label, letter_key=letter_key)
