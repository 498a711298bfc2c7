"""Journal source: in-kind contributions (OD), accounts 86 (uses) / 87 (sources).

Each contribution: one OD entry on the last day of the period (or of its year, if
earlier), its value in the period debit on the 86x account of its kind and credit on
the 87x account of the pair (domain.finance.IN_KIND_PAIRS, docs/legal-fr.md §6):
premises 861/871, staff made available and services 862/871, goods given 860/875,
volunteering 864/870. A contribution is valued for a year: the period gets twelfths
of it (the month's days in the period for a month cut by it), as in the revenue
balance, so the shares of adjacent periods add up to the value.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Funder, InKindContribution
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine

__all__ = ["in_kind_entries"]


def in_kind_entries(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    rows = session.execute(
        select(InKindContribution, Funder.name)
        .outerjoin(Funder, Funder.id == InKindContribution.funder_id)
        .where(
            InKindContribution.year >= first_day.year,
            InKindContribution.year <= last_day.year,
            InKindContribution.value_cents > 0,
        )
        .order_by(InKindContribution.year, InKindContribution.id)
    )
    for c, funder in rows:
        share = sum(
            rules.spread_over_year_months(c.value_cents, c.year, first_day, last_day).values()
        )
        if share <= 0:
            continue
        cost, revenue = rules.IN_KIND_PAIRS.get(c.kind, ("in_kind:cost", "in_kind:revenue"))
        day = min(last_day, date(c.year, 12, 31))
        who = funder or "bénévoles"
        yield JournalEntry(
            "OD",
            day,
            f"CVN{c.id}",
            day,
            f"Contribution en nature {who} - {c.description}"[:200],
            (
                JournalLine(cost, debit_cents=share),
                JournalLine(revenue, credit_cents=share),
            ),
            f"in_kind:{c.id}",
        )
