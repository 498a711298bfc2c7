"""``tierslieu demo``: a realistic, deterministic demonstration database.

The same seed gives the same data, byte for byte: every random choice comes from one
``random.Random(seed)`` and every date from ``REFERENCE_DATE`` (never the clock).
Everything is written with bulk inserts in one transaction, so the large demo
(20,000 members, 200,000 bookings over ten years, every sale of those years invoiced)
is built in about two minutes.

``build_demo`` runs the steps in a fixed order (the order of the random draws):

- ``demo.people_park``: operators, the structure, publics, spaces and machines, members,
  memberships and authorizations; after the bookings, tariffs, packs and wallets;
- ``demo.bookings``: bookings generated day by day and resource by resource, each one
  placed only where the rules of its resource allow it (opening hours, closures and
  public holidays, slot step, minimum and maximum duration, buffer, how far ahead,
  authorization): the demo holds what the booking service would have accepted; then
  the usages, consumables and maintenance; every past usage is then priced;
- ``demo.billing`` (the small demo): invoices, payments and closings through
  services.billing (real numbering, frozen copies, the integrity chain; ``tierslieu
  verify`` passes), in the same transaction (``SessionDb``). At about 20 ms a document,
  only the last weeks of front-desk sales are issued (``SALES_DAYS``), with a year of
  monthly invoices to the schools, a company and the town hall; older usages stay
  unbilled;
- ``demo.decade`` (the large demo, or ``decade=True``): drawn here, issued after the
  activities: every sale of the history (charged visits or their tabs, memberships,
  packs, wallet top-ups, tickets, monthly invoices, credit notes, transfers, day/month/year
  closings) written in bulk by ``demo.bulk`` (the services' rows and chain computed in
  memory; tests/unit/test_demo_bulk.py checks them equal), some 97,000 documents in
  about a minute;
- ``demo.finance``: funders, grants, expenses, depreciation and the budget;
- ``demo.activity``: activities, sessions, registrations and drop-ins over the
  bookings' history (from 2024 in the small demo, ten years in the large one).

``demo.common`` holds what they share; ``demo.data_people``, ``data_park``,
``data_finance`` and ``data_activity`` the static lists.

Never destroying real data: before anything is opened for writing (no migration, no
backup, no deletion), ``demo_target_state`` looks at the file read-only. A file that is
not a SQLite database, or a SQLite database of another program, raises
``DatabaseOpenError``; a Tiers-Lieu database holding any data (beyond the operator the
window creates) raises ``DemoExists`` even with ``replace_demo``. Only a database that
``build_demo`` wrote itself, marked with ``DEMO_MARK`` in SQLite's ``PRAGMA user_version``
(a header field the schema does not use, written in the demo's own transaction), can be
replaced.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import (
    SQLITE_HEADER,
    DatabaseOpenError,
    inspect_sqlite_file,
    is_url,
    open_database,
)
from tierslieu_desktop.db.models import Base
from tierslieu_desktop.demo import activity as demo_activity
from tierslieu_desktop.demo.accounts import add_demo_accounts
from tierslieu_desktop.demo.billing import Sales
from tierslieu_desktop.demo.bookings import BookingHistory
from tierslieu_desktop.demo.common import (
    FUTURE_DAYS,
    HISTORY_START_SMALL,
    REFERENCE_DATE,
    SIZES,
    SessionDb,
)
from tierslieu_desktop.demo.decade import Decade
from tierslieu_desktop.demo.deposits import add_deposits
from tierslieu_desktop.demo.finance import Funding
from tierslieu_desktop.demo.grant_reports import add_grant_reports
from tierslieu_desktop.demo.indicators import add_indicators
from tierslieu_desktop.demo.people_park import Builder
from tierslieu_desktop.demo.today import settle_today
from tierslieu_desktop.demo.vouchers import settle_vouchers
from tierslieu_desktop.demo.zones import add_zones
from tierslieu_desktop.services.pricing.engine import charge_uncharged_usages

DEMO_MARK = 0x544C444D  # "TLDM" in PRAGMA user_version: written by build_demo, nothing else

# The tables that an empty database opened once in the window may hold rows of.
# identity: 0007; audit_entry (0021): the window's creation of its first operator;
# change_log (0028): the live refresh's note of that write
_NOT_DATA = frozenset(
    {"operator", "alembic_version", "database_identity", "audit_entry", "change_log"}
)


class DemoExists(Exception):
    """The target database already holds data: the demo never overwrites it.
    ``is_demo``: it is a demo ``build_demo`` wrote (``replace_demo`` would replace it);
    otherwise it is someone's data and is never replaced."""

    def __init__(self, target: str, is_demo: bool = False) -> None:
        self.target = target
        self.is_demo = is_demo
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
    decade: bool = False  # every sale of the history issued (the summary names them)


def build_demo(
    target: str,
    size: str = "small",
    seed: int = 46400,
    *,
    replace_demo: bool = False,
    decade: bool | None = None,
    today_at: datetime | None = None,
    lang: str = "fr",
) -> str:
    """Create the demo in ``target`` (a new or empty database, or with ``replace_demo`` a
    previous demo) and return a short summary such as
    "312 adhérents, 26 machines, 5 espaces, 7 123 réservations" (``lang`` "en": in
    English, for the command line).

    ``decade`` (default: the large demo): every sale of the history issued in bulk
    (demo.decade) instead of the last weeks through the services (demo.billing).
    ``today_at`` (the CLI: now): today's bookings before that time checked in and out as
    the desk would have (demo.today); without it the demo is the same whatever the hour.

    Raises ``DatabaseOpenError`` (not a database, another program's) or ``DemoExists``
    with the file untouched."""
    if decade is None:
        decade = size == "large"
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}")
    path = _sqlite_path(target)
    if path is not None:
        state = demo_target_state(path)
        if state == "demo" and not replace_demo:
            raise DemoExists(str(path), is_demo=True)
        if state == "data":
            raise DemoExists(str(path))
        if state == "demo":
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            from tierslieu_desktop.services.safety.anchors import retire_logs

            retire_logs(path)  # the new demo is another database at the same place
    db = open_database(target)
    db.audit = False  # the demo builder is no operator: its rows are not in the journal
    db.feed = False  # nor a desk: no window watches a demo being built (db.changes)
    try:
        with db.write() as session:
            if _holds_data(session):
                raise DemoExists(db.target)
            builder = Builder(session, random.Random(seed), SIZES[size], size)
            counts = _people_and_bookings(builder)
            add_indicators(session, seed + 16, builder.accueil)  # gender, situation, staff
            add_zones(session)  # the ZRR / FRR and QPV communes typed in Paramètres
            # the decade is drawn here (its seed) and issued once the activities
            # exist (their tickets are sold too)
            the_decade = Decade(builder) if decade else None
            if the_decade is None:
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
                # sessions and drop-ins cover the bookings' history (ten years in the
                # large demo, the three funding years in the small one)
                history_from=builder.opening if size == "large" else HISTORY_START_SMALL,
                trainings_factor=1.0 if size == "large" else 0.5,
            )
            if the_decade is not None:
                invoices, credit_notes, closings = the_decade.run()
                counts = replace(
                    counts,
                    invoices=invoices,
                    credit_notes=credit_notes,
                    closings=closings,
                    decade=True,
                )
            add_deposits(session, builder.accueil, REFERENCE_DATE - timedelta(days=1))
            counts = replace(counts, bookings=counts.bookings + year.bookings)
            settle_vouchers(session, REFERENCE_DATE, builder.accueil)  # issuers' payments
            add_grant_reports(db, session, seed + 16)  # keys, annexes, planned budgets
            # one account per role, password « demo » (the last operators: no id moves)
            add_demo_accounts(session, builder.operators_created)
            if db.is_sqlite:  # in the same transaction: no mark without the whole demo
                session.execute(text(f"PRAGMA user_version = {DEMO_MARK}"))
            accueil = builder.accueil
        if today_at is not None:
            settle_today(db, accueil, today_at, seed)
    finally:
        db.dispose()
    return summary(counts, lang)


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


def summary(counts: DemoCounts, lang: str = "fr") -> str:
    if lang == "en":
        text = (
            f"{counts.members:,} members, {counts.machines:,} machines, "
            f"{counts.spaces:,} spaces, {counts.bookings:,} bookings"
        )
        if counts.decade:
            text += (
                f", {counts.invoices:,} invoices and {counts.credit_notes:,} credit notes, "
                f"{counts.closings:,} closings"
            )
        return text
    text = (
        f"{_n(counts.members)} adhérents, {_n(counts.machines)} machines, "
        f"{_n(counts.spaces)} espaces, {_n(counts.bookings)} réservations"
    )
    if counts.decade:
        text += (
            f", {_n(counts.invoices)} factures et {_n(counts.credit_notes)} avoirs, "
            f"{_n(counts.closings)} clôtures"
        )
    return text


def _n(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")  # French thousands separator


def _holds_data(session: Session) -> bool:
    """A row in any table (members, bookings, sealed documents, settings…): the file is
    someone's data. (An operator alone is what opening an empty file in the window leaves
    behind.) Checked again in the demo's own transaction, for server URLs and for what
    another desk may have written since ``demo_target_state`` looked."""
    for table in Base.metadata.sorted_tables:
        if table.name in _NOT_DATA:
            continue
        if session.execute(select(table).limit(1)).first() is not None:
            return True
    return False


def _sqlite_path(target: str) -> Path | None:
    """The file of a SQLite target (a path or a sqlite:/// URL); None for a server URL."""
    if is_url(target):
        if not target.startswith("sqlite:///"):
            return None
        target = target.removeprefix("sqlite:///")
    return Path(target).expanduser()


def demo_target_state(path: Path) -> str:
    """What the file at ``path`` is, read without writing a byte nor creating any file
    beside it: "new" (missing, empty, or a SQLite file with no table), "empty" (our schema,
    no data but operators), "demo" (written by ``build_demo``) or "data" (someone's
    members, bookings, documents…). Raises ``DatabaseOpenError`` for a file that is not a
    SQLite database or is another program's."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return "new"
    if path.is_dir():
        raise DatabaseOpenError("not_a_database", str(path))
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError("cannot_open", str(path), str(exc)) from None
    if header != SQLITE_HEADER:
        raise DatabaseOpenError("not_a_database", str(path))
    # Without a -wal file the main file holds everything: "immutable" reads it without
    # creating -wal/-shm files. With one (the app is running, or stopped short), read
    # through it as SQLite would.
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        try:
            return _classify(con, path)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        inspect_sqlite_file(path)  # a damaged file is reported as such
        raise DatabaseOpenError("not_a_database", str(path), str(exc)) from None


def _classify(con: sqlite3.Connection, path: Path) -> str:
    tables = {
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    if not tables:
        return "new"
    if not {"alembic_version", "member"} <= tables:
        raise DatabaseOpenError("foreign_database", str(path))
    if con.execute("PRAGMA user_version").fetchone()[0] == DEMO_MARK:
        return "demo"
    for table in sorted(tables - _NOT_DATA):
        quoted = table.replace('"', '""')
        if con.execute(f'SELECT 1 FROM "{quoted}" LIMIT 1').fetchone():
            return "data"
    return "empty"
