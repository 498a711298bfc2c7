"""Benchmark: every period-bound screen with twice the history (issue 14, point 3).

Run from the project root:  python tests/bench/bench_growth.py [--db FILE] [--rounds N]
                            python tests/bench/bench_growth.py --smoke

Two copies of the large demo are made in a temporary folder (the cached file is never
modified). In the second one the history is doubled with bulk SQL: every member (with a
new number), membership, booking, usage and its charges, invoice and credit note with
their lines and payments, validated basket with its lines, is copied and shifted back
by SHIFT_YEARS years (new ids; the copies point at each other's copies); what the copied
invoices still owed is paid on their issue day (a past twelve years old is settled: the
same invoices are open today in both files). The copies are
not sealed in the integrity chain: the file is valid for reads, not for ``verify``.

Then each period-bound service call is timed on both files, alternately (A, B, A, B…:
the machine is shared, alternating spreads the noise over both), and the ratio of the
medians is printed beside the target (<= 1.2x): today_overview, to_collect, unpaid, the
Caisse invoice list of the current month, booking save, member search (search + count
of one keystroke; also its p95 vs 30 ms at twice the members), the week view and the
finance balance of the current year. The member search runs over all the members (twice
as many in the second file): its ratio is printed, its target is the p95 (<= 30 ms).

``--smoke`` builds the small demo and runs every step once (no target checked): the
unit suite runs it so that this benchmark cannot rot.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.db.models import Machine, Member
from tierslieu_desktop.domain.calendar import local_day_bounds, local_dt
from tierslieu_desktop.services.billing import baskets, documents, payments
from tierslieu_desktop.services.finance.balance import balance
from tierslieu_desktop.services.people.members import count_members, search_members
from tierslieu_desktop.services.people.operators import ensure_operator
from tierslieu_desktop.services.scheduling.bookings import (
    BookingInput,
    create_booking,
    list_bookings,
)
from tierslieu_desktop.services.scheduling.usages import today_overview

TARGET_RATIO = 1.2
TARGET_SEARCH_P95_MS = 30.0
# A multiple of 4: a 29 February stays a real day. Twelve years also put every copy
# before the oldest row of the demo (ten years of history).
SHIFT_YEARS = 12
# Issue 14 point 3: the search runs over *all* members (twice as many in the second
# file), so it is not held to the ratio of the period-bound screens but to its p95.
NOT_PERIOD_BOUND = ("member_search",)
SEARCHES = ("a", "ma", "du", "lé", "rob", "e m", "ch", "z", "tho", "pa")

# (table, foreign keys to remap: column -> table, overrides: column -> SQL, filter)
COPIES: tuple[tuple[str, dict[str, str], dict[str, str], str], ...] = (
    ("member", {"organisation_id": "member"}, {"number": "'H' || number"}, "1"),
    ("membership", {"member_id": "member"}, {}, "1"),
    (
        "booking",
        {"member_id": "member", "organisation_id": "member"},
        {"series_id": "NULL"},
        "start_at < :now",
    ),
    (
        "usage",
        {"booking_id": "booking", "member_id": "member", "organisation_id": "member"},
        {},
        "start_at < :now",
    ),
    (
        "usage_charge",
        {"usage_id": "usage"},
        {},
        "usage_id IN (SELECT id FROM usage WHERE id <= :max_usage AND start_at < :now)",
    ),
    (
        "invoice",
        {"member_id": "member", "credited_invoice_id": "invoice"},
        {
            "number": "'H' || number",
            "period": "printf('%04d', CAST(substr(period, 1, 4) AS INTEGER) - :years)"
            " || substr(period, 5)",
        },
        "issued_at < :now",
    ),
    (
        "invoice_line",
        {"invoice_id": "invoice", "usage_id": "usage"},
        {},
        "invoice_id IN (SELECT id FROM invoice WHERE id <= :max_invoice AND issued_at < :now)",
    ),
    (
        "payment",
        {"invoice_id": "invoice"},
        {},
        "invoice_id IN (SELECT id FROM invoice WHERE id <= :max_invoice AND issued_at < :now)",
    ),
    (
        "basket",
        {"member_id": "member", "invoice_id": "invoice"},
        {},
        "status = 'validated'"
        " AND invoice_id IN (SELECT id FROM invoice WHERE id <= :max_invoice"
        " AND issued_at < :now)",
    ),
    (
        "basket_line",
        {"basket_id": "basket", "usage_id": "usage"},
        {},
        "basket_id IN (SELECT id FROM basket WHERE id <= :max_basket"
        " AND status = 'validated' AND invoice_id IS NOT NULL)",
    ),
)


def _shifted(column: str) -> str:
    return (
        f"CASE WHEN {column} IS NULL THEN NULL ELSE printf('%04d', "
        f"CAST(substr({column}, 1, 4) AS INTEGER) - :years) || substr({column}, 5) END"
    )


def double_history(path: Path, now: datetime) -> dict[str, int]:
    """Copy the history before ``now`` SHIFT_YEARS years back (see the module doc);
    returns the rows added per table."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        offsets = {
            table: con.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
            for table, *_ in COPIES
        }
        params = {
            "now": now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"),  # as stored
            "years": SHIFT_YEARS,
            "max_usage": offsets["usage"],
            "max_invoice": offsets["invoice"],
            "max_basket": offsets["basket"],
        }
        added: dict[str, int] = {}
        with con:
            for table, keys, overrides, where in COPIES:
                columns = con.execute(f"PRAGMA table_info({table})").fetchall()
                names, values = [], []
                for _cid, name, decl, *_ in columns:
                    names.append(name)
                    if name == "id":
                        values.append(f"id + {offsets[table]}")
                    elif name in overrides:
                        values.append(overrides[name])
                    elif name in keys:
                        values.append(f"{name} + {offsets[keys[name]]}")
                    elif decl.upper() in ("DATETIME", "DATE"):
                        values.append(_shifted(name))
                    else:
                        values.append(name)
                cur = con.execute(
                    f"INSERT INTO {table} ({', '.join(names)}) "
                    f"SELECT {', '.join(values)} FROM {table} "
                    f"WHERE id <= {offsets[table]} AND ({where})",
                    {k: v for k, v in params.items() if f":{k}" in " ".join(values) + where},
                )
                added[table] = cur.rowcount
            # The copied past is settled: what was still owed on an invoice copied twelve
            # years back is paid by transfer on its issue day (the triggers close its
            # running balance). Twice the history, the same invoices open today: the
            # unpaid list must not grow with it.
            cur = con.execute(
                "INSERT INTO payment (invoice_id, at, method, amount_cents, cheque_number,"
                " bank, reference, desk) SELECT o.invoice_id, i.issued_at, 'transfer',"
                " o.left_cents, '', '', 'bench', '' FROM invoice_open o"
                " JOIN invoice i ON i.id = o.invoice_id"
                " WHERE o.invoice_id > :max_invoice AND o.left_cents > 0",
                {"max_invoice": offsets["invoice"]},
            )
            added["settling payments"] = cur.rowcount
    finally:
        con.close()
    return added


class Calls:
    """The period-bound service calls of one database file."""

    def __init__(self, db: Database, today: date, now: datetime, seed: int) -> None:
        from bench_booking_save import valid_slots

        self.db, self.today, self.now = db, today, now
        self.operator = ensure_operator(db)
        with db.read() as session:
            persons = list(
                session.scalars(
                    select(Member.id)
                    .where(Member.kind == "person", Member.archived.is_(False))
                    .order_by(Member.id)
                    .limit(2000)
                )
            )
            fablab = session.scalar(
                select(Machine.space_id)
                .where(Machine.archived.is_(False))
                .group_by(Machine.space_id)
                .order_by(func.count().desc())
                .limit(1)
            )
            self.machines = list(
                session.scalars(select(Machine.id).where(Machine.space_id == fablab))
            )
        self.slots: Iterator[BookingInput] = valid_slots(db, random.Random(seed), now, persons)
        self.searches = iter(())  # type: Iterator[str]
        monday = today - timedelta(days=today.weekday())
        self.week = (local_day_bounds(monday)[0], local_day_bounds(monday + timedelta(days=7))[0])

    def today_overview(self) -> object:
        return today_overview(self.db, self.today, self.now)

    def to_collect(self) -> object:
        return baskets.to_collect(self.db)

    def unpaid(self) -> object:
        return payments.unpaid(self.db, self.today)

    def invoices_of_month(self) -> object:
        first = self.today.replace(day=1)
        return documents.list_invoices(self.db, first_day=first, last_day=self.today)

    def booking_save(self) -> Callable[[], object]:
        data = next(self.slots)  # drawn (and checked) before the clock starts
        return lambda: create_booking(self.db, self.operator, data, now=self.now)

    def member_search(self) -> Callable[[], object]:
        word = next(self.searches, None)
        if word is None:
            self.searches = iter(SEARCHES)
            word = next(self.searches)
        return lambda: (search_members(self.db, word), count_members(self.db, word))

    def prepare(self, step: str) -> Callable[[], object]:
        """The call of ``step`` to time (its inputs drawn beforehand)."""
        if step in ("booking_save", "member_search"):
            return getattr(self, step)()
        return getattr(self, step)

    def week_view(self) -> object:
        return list_bookings(self.db, *self.week, machine_ids=self.machines)

    def finance_year(self) -> object:
        return balance(self.db, date(self.today.year, 1, 1), date(self.today.year, 12, 31))


STEPS = (
    "today_overview",
    "to_collect",
    "unpaid",
    "invoices_of_month",
    "booking_save",
    "member_search",
    "week_view",
    "finance_year",
)


def _time(call: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    call()
    return (time.perf_counter() - t0) * 1000


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a database another process may hold open (its recent pages
    may still be in the WAL file): SQLite's online backup, read-only on the source."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def run(source: Path, rounds: int, folder: Path, *, smoke: bool = False) -> bool:
    from tierslieu_desktop.demo.builder import REFERENCE_DATE

    today = REFERENCE_DATE
    now = local_dt(today, 11 * 60)
    paths = {}
    for name in ("once", "twice"):
        paths[name] = folder / f"{name}.sqlite"
        _copy(source, paths[name])
        open_database(str(paths[name]), create=False).dispose()  # migrated first
    t0 = time.perf_counter()
    added = double_history(paths["twice"], now)
    print(
        f"history doubled in {time.perf_counter() - t0:.1f} s: "
        + ", ".join(f"{table} +{n:,}" for table, n in added.items())
    )
    dbs = {name: open_database(str(p), create=False) for name, p in paths.items()}
    try:
        calls = {name: Calls(db, today, now, seed=2026) for name, db in dbs.items()}
        shown = {name: len(payments.unpaid(db, today)) for name, db in dbs.items()}
        if shown["once"] != shown["twice"]:  # the copies must be a settled past
            print(f"unpaid invoices differ: {shown['once']} once, {shown['twice']} twice")
            return False
        timings: dict[str, dict[str, list[float]]] = {s: {"once": [], "twice": []} for s in STEPS}
        for step in STEPS:
            for name in ("once", "twice"):  # warm-up (imports, caches), untimed
                calls[name].prepare(step)()
            if smoke:
                continue
            n = rounds * (5 if step == "member_search" else 1)
            for _ in range(n):
                for name in ("once", "twice"):
                    timings[step][name].append(_time(calls[name].prepare(step)))
        if smoke:
            print(f"smoke: every step ran once on both files ({', '.join(STEPS)})")
            return True
        ok = True
        print(f"{'call':<20}{'once ms':>10}{'twice ms':>10}{'ratio':>8}  target <= {TARGET_RATIO}x")
        for step in STEPS:
            once = statistics.median(timings[step]["once"])
            twice = statistics.median(timings[step]["twice"])
            ratio = twice / once if once else float("inf")
            if step in NOT_PERIOD_BOUND:  # judged by its own target below
                print(f"{step:<20}{once:>10.1f}{twice:>10.1f}{ratio:>7.2f}x  (see below)")
                continue
            met = ratio <= TARGET_RATIO
            ok &= met
            print(
                f"{step:<20}{once:>10.1f}{twice:>10.1f}{ratio:>7.2f}x  {'met' if met else 'MISSED'}"
            )
        p95 = percentile(timings["member_search"]["twice"], 95)
        members = count_members(dbs["twice"], include_archived=True)
        met = p95 <= TARGET_SEARCH_P95_MS
        ok &= met
        print(
            f"member search p95 at {members:,} members: {p95:.1f} ms "
            f"(target <= {TARGET_SEARCH_P95_MS:.0f} ms): {'met' if met else 'MISSED'}"
        )
        return ok
    finally:
        for db in dbs.values():
            db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the large demo (copied, never modified)")
    parser.add_argument("--rounds", type=int, default=7, help="timed calls per step and file")
    parser.add_argument("--smoke", action="store_true", help="small demo, every step once")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.smoke:
            from tierslieu_desktop.demo.builder import build_demo

            source = args.db or folder / "small.sqlite"
            if args.db is None:
                build_demo(str(source), size="small")
            run(source, 1, folder, smoke=True)
            return 0
        # Never opened in place: opening migrates (and bench_search.ensure_large_db
        # rebuilds a file of another revision), and other benchmarks share this file.
        from bench_search import CACHE

        source = args.db or CACHE
        if not source.exists():
            print(f"{source}: no large demo (build it with tests/bench/bench_search.py)")
            return 2
        return 0 if run(source, args.rounds, folder) else 1


if __name__ == "__main__":
    sys.exit(main())
