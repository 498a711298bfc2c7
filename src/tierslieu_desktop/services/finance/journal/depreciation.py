"""Journal source: the machines as fixed assets and their depreciation (OD, BQ).

- Purchase (a machine with a purchase date, value and depreciation years, bought in the
  period): OD on its purchase day, asset debit / 404 credit, then BQ the same day,
  404 debit / 512 credit, lettered together — the machine file records no supplier
  invoice nor payment day, so a machine is taken as paid by bank the day it was bought.
- Depreciation: one OD entry per machine on the last day of the period, 6811 debit /
  28x credit, straight-line over ``depreciation_years`` from the purchase day, pro rata
  temporis in months of 30 days (domain.finance.depreciated_by): a machine of 3,000 €
  over 5 years bought on 1 July books 300 € in its first calendar year. Shares of
  adjacent periods add up to the purchase value, to the cent.
- Account: IT equipment (2183 / 28183) when the machine's category name says so
  (``COMPUTER_WORDS``), industrial equipment (2154 / 28154) otherwise.

Machines with no purchase value, date or years are not assets in the books (None =
not depreciated, as in the revenue balance).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Machine, MachineCategory
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine

__all__ = ["COMPUTER_WORDS", "asset_kind", "depreciation_entries"]

COMPUTER_WORDS = ("informati", "ordinateur", "computer", "numérique", "poste de travail")


def asset_kind(category_name: str) -> str:
    """ "computer" (2183) or "machine" (2154) from the name of a machine's category."""
    name = category_name.casefold()
    return "computer" if any(word in name for word in COMPUTER_WORDS) else "machine"


def depreciation_entries(
    session: Session, first_day: date, last_day: date
) -> Iterator[JournalEntry]:
    rows = session.execute(
        select(
            Machine.id,
            Machine.name,
            Machine.purchase_date,
            Machine.purchase_value_cents,
            Machine.depreciation_years,
            MachineCategory.name,
        )
        .join(MachineCategory, MachineCategory.id == Machine.category_id)
        .where(
            Machine.purchase_date.is_not(None),
            Machine.purchase_date <= last_day,
            Machine.purchase_value_cents > 0,
            Machine.depreciation_years > 0,
        )
        .order_by(Machine.purchase_date, Machine.id)
    ).all()
    after = last_day + timedelta(days=1)
    dotations: list[JournalEntry] = []
    for mid, name, bought, value, years, category in rows:
        if bought is None or not value or not years:  # filtered by the query; for mypy
            continue
        kind = asset_kind(category or "")
        if bought >= first_day:
            yield from _purchase(mid, name, bought, value, kind)
        share = rules.depreciated_by(value, bought, years, after) - rules.depreciated_by(
            value, bought, years, first_day
        )
        if share > 0:
            dotations.append(
                JournalEntry(
                    "OD",
                    last_day,
                    f"AMORT-M{mid}",
                    last_day,
                    f"Dotation aux amortissements {name}"[:200],
                    (
                        JournalLine("expense:depreciation", debit_cents=share),
                        JournalLine(f"depreciation:{kind}", credit_cents=share),
                    ),
                    f"depreciation:{mid}",
                )
            )
    yield from dotations


def _purchase(mid: int, name: str, day: date, value: int, kind: str) -> Iterator[JournalEntry]:
    key = f"machine:{mid}"
    yield JournalEntry(
        "OD",
        day,
        f"IMMO-M{mid}",
        day,
        f"Acquisition {name}"[:200],
        (
            JournalLine(f"asset:{kind}", debit_cents=value),
            JournalLine("asset:suppliers", credit_cents=value, letter_key=key),
        ),
        f"machine:{mid}",
    )
    yield JournalEntry(
        "BQ",
        day,
        f"IMMO-M{mid}",
        day,
        f"Règlement {name}"[:200],
        (
            JournalLine("asset:suppliers", debit_cents=value, letter_key=key),
            JournalLine("payment:transfer", credit_cents=value),
        ),
        f"machine_payment:{mid}",
    )
