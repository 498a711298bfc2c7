"""What the demo's modules share: the reference dates and sizes, date arithmetic, the
generator's view of a member, and a Database that runs inside the demo's one session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.services.people.members import MemberInput

REFERENCE_DATE = date(2026, 11, 22)
OPENING_DATE = date(2021, 9, 6)  # the first members registered on that day
# The large demo tells ten years of history: the place opened five years earlier.
OPENING_DATE_LARGE = date(2016, 9, 5)
SIZES = {"small": 312, "large": 20_000}
HISTORY_YEARS = {"small": 1, "large": 10}  # of bookings and usages up to REFERENCE_DATE
# The small demo's bookings, usages, sessions and drop-ins start with its first funding
# year (data_finance.FUNDING_YEARS): three seasons of history so that the Finances
# page's year-on-year trends compare whole years.
HISTORY_START_SMALL = date(2024, 1, 1)
# Demand of the small demo (1.0 = the rates of data_park's profiles), and of the fablab's
# machines on top of it: calibrated so that own revenue is about a third of the products
# and the machines earn back a fraction of their costs (tests/unit/test_demo_economics.py).
SMALL_DEMAND = 0.5
SMALL_LAB_DEMAND = 0.17
BOOKING_TOTAL = {"small": None, "large": 200_000}  # None: what the year gives
FUTURE_DAYS = 21  # bookings already made for the weeks after REFERENCE_DATE


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of a shorter month)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


@dataclass
class Person:
    """What the generator knows about a member beyond its MemberInput."""

    member_id: int
    created_at: datetime
    data: MemberInput
    minor: bool
    archived_at: datetime | None = None


class SessionDb(Database):
    """A Database whose units of work all run inside one open session, each write in a
    savepoint: the demo issues its thousands of documents through the real invoicing
    and ledger services (numbering, frozen copies, the integrity chain) in the demo's
    single transaction instead of one commit each. A subclass, so the services take it
    where they take a Database; only read and write differ."""

    def __init__(self, db: Database, session: Session) -> None:
        super().__init__(db.engine, db.target)
        self._session = session

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._session.begin_nested():
            yield self._session
