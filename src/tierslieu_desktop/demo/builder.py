"""``tierslieu demo``: a realistic, deterministic demonstration database.

The same seed gives the same data, byte for byte: every random choice comes from one
``random.Random(seed)`` and every date from ``REFERENCE_DATE`` (never the clock).
Everything is written with bulk inserts in one transaction, so the large demo
(20,000 members, 200,000 bookings over ten years) is built in well under a minute.

``build_demo`` runs the steps in a fixed order (the order of the random draws):

- ``demo.people_park``: operators, the structure, publics, spaces and machines, members,
  memberships and authorizations; after the bookings, tariffs, packs and wallets;
- ``demo.bookings``: bookings generated day by day and resource by resource, each one
  placed only where the rules of its resource allow it (opening hours, closures and
  public holidays, slot step, minimum and maximum duration, buffer, how far ahead,
  authorization): the demo holds what the booking service would have accepted; then
  the usages, consumables and maintenance; every past usage is then priced;
- ``demo.billing``: invoices, payments and closings through services.billing (real
  numbering, frozen copies, the integrity chain; ``tierslieu verify`` passes), in the
  same transaction (``SessionDb``). At about 20 ms a document, only the last weeks of
  front-desk sales are issued (``SALES_DAYS``), with a year of monthly invoices to the
  schools, a company and the town hall; older usages stay unbilled;
- ``demo.finance``: funders, grants, expenses, depreciation and the budget;
- ``demo.activity``: a year of activities, sessions and drop-ins.

``demo.common`` holds what they share; ``demo.data_people``, ``data_park``,
``data_finance`` and ``data_activity`` the static lists.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Audience, Machine, MachineCategory, Member, Space, Structure
from tierslieu_desktop.demo import activity as demo_activity
from tierslieu_desktop.demo.billing import Sales
from tierslieu_desktop.demo.bookings import BookingHistory
from tierslieu_desktop.demo.common import FUTURE_DAYS, REFERENCE_DATE, SIZES, SessionDb
from tierslieu_desktop.demo.finance import Funding
from tierslieu_desktop.demo.people_park import Builder
from tierslieu_desktop.services.pricing.engine import charge_uncharged_usages


class DemoExists(Exception):
    """The target database already holds data: the demo never overwrites it."""

    def __init__(self, target: str) -> None:
        self.target = target
        super().__init__(target)


@dataclass(frozen=True)
class DemoCounts:
    members: int
    machines: int
    spaces: int
    memberships: int
    authorizations: int
    bookings: int = 0
    usages: int = 0
    invoices: int = 0
    credit_notes: int = 0
    closings: int = 0


def build_demo(target: str, size: str = "small", seed: int = 46400) -> str:
    """Create the demo in ``target`` (a new or empty database) and return a short
    French summary such as "312 adhérents, 26 machines, 5 espaces, 7 123 réservations"."""
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}")
    db = open_database(target)
    try:
        with db.write() as session:
            if _holds_data(session):
                raise DemoExists(db.target)
            builder = Builder(session, random.Random(seed), SIZES[size], size)
            counts = _people_and_bookings(builder)
            invoices, credit_notes, closings = Sales(builder, SessionDb(db, session)).run()
            counts = replace(
                counts, invoices=invoices, credit_notes=credit_notes, closings=closings
            )
            Funding(builder).run()
            year = demo_activity.build_activity_year(
                SessionDb(db, session),
                reference_date=REFERENCE_DATE,
                seed=seed + 1,
                future_days=FUTURE_DAYS,
            )
            counts = replace(counts, bookings=counts.bookings + year.bookings)
    finally:
        db.dispose()
    return summary(counts)


def _people_and_bookings(b: Builder) -> DemoCounts:
    """The members, the park and their history of bookings and usages, priced."""
    b.operators()
    b.structure()
    b.audiences()
    b.spaces_and_machines()
    people = b.members()
    n_memberships = b.memberships(people)
    n_auths = b.authorizations(people)
    activity = BookingHistory(b, people)
    n_bookings, n_usages = activity.run()
    b.tariffs(activity.consumable_ids)
    b.packs_and_wallets(people)
    # Every past usage priced and frozen as its check-out would have done.
    charge_uncharged_usages(b.s, b.opening, b.last_day, b.accueil)
    return DemoCounts(
        members=len(people),
        machines=len(b.machines),
        spaces=len(b.space_ids),
        memberships=n_memberships,
        authorizations=n_auths,
        bookings=n_bookings,
        usages=n_usages,
    )


def summary(counts: DemoCounts) -> str:
    return (
        f"{_n(counts.members)} adhérents, {_n(counts.machines)} machines, "
        f"{_n(counts.spaces)} espaces, {_n(counts.bookings)} réservations"
    )


def _n(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")  # French thousands separator


def _holds_data(session: Session) -> bool:
    """Members, publics, spaces, machines or an identity: the file is someone's data.
    (An operator alone is what opening an empty file in the window leaves behind.)"""
    for model in (Member, Audience, Space, MachineCategory, Machine, Structure):
        if session.scalar(select(func.count()).select_from(model)):
            return True
    return False
