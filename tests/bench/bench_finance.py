"""Benchmark: the revenue balance (``services.finance.balance.balance``) of one year, large demo.

Run from the project root:  python tests/bench/bench_finance.py [--db FILE] [--rebuild]

The large demo (about 20,000 usages a year over ten years, their frozen charges, 34,000
memberships) is copied to a temporary file (migrated there if it is older). When the copy
holds no invoice in the year measured, it gets a realistic year of finance data: 12,000
invoices of 1–3 lines (usages, consumables, memberships, packs, wallet top-ups) and 300
credit notes, 8 funders and their grants (operating, investment with machines, donations),
in-kind contributions, 2,000 expenses, machine purchase values; ``invoicing_start`` is set
to 1 July so the first half-year is counted from the usages' charges (billed outside).
Then ``balance`` of the last full calendar year is timed: median of 5 after a warm-up,
and ``details("own")`` for the same year. Target: balance median <= 500 ms.
``--smoke --db SMALL``: a small demo, 300 invoices, one run, target not judged.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import CACHE, bench_database, ensure_large_db
from sqlalchemy import func, insert, select

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.db.models import (
    Expense,
    Invoice,
    InvoiceLine,
    Machine,
    Structure,
    Usage,
)
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.finance import funding as fin

TARGET_MS = 500.0
RUNS = 5


def working_copy(source: Path, folder: Path) -> Path:
    """A consistent copy (SQLite backup API: the WAL is included)."""
    target = folder / "bench-finance.sqlite"
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


LINE_KINDS = [
    ("usage", "usage", "Découpe laser"),
    ("consumable", "consumable", "Filament PLA"),
    ("membership", "membership", "Adhésion"),
    ("pack", "pack", "Carnet 10 h"),
    ("wallet_topup", "wallet", "Versement sur porte-monnaie"),
    ("other", "training", "Formation"),
]


def add_finance_data(db: Database, year: int, invoices_count: int = 12_300) -> str:
    """A year of invoices (the last 1/41 of them credit notes), grants, in-kind and
    expenses when the copy has none."""
    lo = datetime(year, 1, 1, tzinfo=UTC)
    hi = datetime(year + 1, 1, 1, tzinfo=UTC)
    with db.read() as s:
        if s.scalar(
            select(func.count())
            .select_from(Invoice)
            .where(Invoice.issued_at >= lo, Invoice.issued_at < hi)
        ):
            return "finance data already present"
    rng = random.Random(46400)
    invoices, lines = [], []
    start = datetime(year, 7, 1, 8, tzinfo=UTC)
    seconds = int((hi - start).total_seconds()) - 3600 * 10
    line_id = 0
    first_credit_note = invoices_count - invoices_count // 41
    for n in range(1, invoices_count + 1):
        kind = "credit_note" if n > first_credit_note else "invoice"
        at = start + timedelta(seconds=rng.randrange(seconds))
        picked = [rng.choice(LINE_KINDS) for _ in range(rng.randint(1, 3))]
        amounts = [rng.randint(200, 9000) for _ in picked]
        total = sum(amounts)
        invoices.append(
            {
                "id": 900_000 + n,
                "kind": kind,
                "series": "credit_note" if kind == "credit_note" else "invoice",
                "period": str(year),
                "counter": n,
                "number": f"B{year}-{n:06d}",
                "issued_at": at,
                "due_date": at.date(),
                "buyer_json": "{}",
                "seller_json": "{}",
                "vat_regime": "exempt_non_profit",
                "mentions": "",
                "total_excl_cents": total,
                "total_vat_cents": 0,
                "total_incl_cents": total,
            }
        )
        for pos, ((line_kind, revenue_kind, label), amount) in enumerate(
            zip(picked, amounts, strict=True)
        ):
            line_id += 1
            lines.append(
                {
                    "id": 900_000 + line_id,
                    "invoice_id": 900_000 + n,
                    "position": pos + 1,
                    "kind": line_kind,
                    "revenue_kind": revenue_kind,
                    "designation": label,
                    "quantity_milli": 1000,
                    "unit_price_excl_cents": amount,
                    "total_excl_cents": amount,
                    "vat_cents": 0,
                    "total_incl_cents": amount,
                }
            )
    with db.write() as s:
        s.execute(insert(Invoice), invoices)
        s.execute(insert(InvoiceLine), lines)
        cats = ("staff", "consumables", "maintenance", "rent", "energy", "other")
        machine_ids = list(s.scalars(select(Machine.id)))
        s.execute(
            insert(Expense),
            [
                {
                    "day": date(year, 1, 1) + timedelta(days=rng.randrange(365)),
                    "category": rng.choice(cats),
                    "activity": rng.choice(("fablab", "coworking", "cyberbase", "general")),
                    "amount_cents": rng.randint(500, 300_000),
                    "label": f"Dépense {i}",
                    "machine_id": rng.choice(machine_ids) if i % 5 == 0 else None,
                }
                for i in range(2000)
            ],
        )
        for i, m in enumerate(s.scalars(select(Machine))):
            m.purchase_date = date(year - 1 - i % 4, 3, 1)
            m.purchase_value_cents = 5000_00 + 1000_00 * (i % 7)
            m.depreciation_years = 3 + i % 3
        structure = s.get(Structure, 1) or s.scalar(select(Structure).limit(1))
        if structure is not None:
            structure.invoicing_start = date(year, 7, 1)
    levels = [
        ("Commune de Cajarc", "public", "commune"),
        ("CC Grand-Figeac", "public", "epci"),
        ("Département du Lot", "public", "departement"),
        ("Région Occitanie", "public", "region"),
        ("État (ANCT)", "public", "etat"),
        ("FEADER LEADER", "public", "ue"),
        ("Fondation Orange", "private", "foundation"),
        ("Crédit Agricole", "private", "company"),
    ]
    # The demo ships some of these funders since issue 9: theirs are reused (a second
    # one of the same name is refused with "name_taken").
    known = {f.name.casefold(): f.id for f in fin.list_funders(db, include_archived=True)}
    for i, (name, sector, level) in enumerate(levels):
        funder = known.get(name.casefold())
        if funder is None:
            funder = fin.save_funder(db, None, name=name, sector=sector, level=level)
        for k in range(3):
            nature = ("operating", "investment", "donation")[(i + k) % 3]
            first = date(year - 1 + k % 2, 1 + 3 * k, 1)
            fin.save_grant(
                db,
                None,
                funder_id=funder,
                purpose=f"Action {k}",
                nature=nature,
                period_start=first,
                period_end=first + timedelta(days=364),
                requested_cents=20000_00,
                granted_cents=15000_00 + 1000_00 * k,
                granted_on=first,
                machine_ids=machine_ids[i : i + 2] if nature == "investment" else (),
            )
        fin.save_in_kind(
            db,
            None,
            funder_id=funder if sector == "public" else None,
            year=year,
            kind="premises" if sector == "public" else "volunteering",
            description=f"Mise à disposition {i}",
            value_cents=6000_00,
        )
    return f"added {len(invoices)} invoices, {len(lines)} lines, 2,000 expenses, 24 grants"


def finance_source(args: argparse.Namespace) -> Path:
    """The file to copy: ``--db`` as it is in smoke mode, else the large demo (the
    cached one when present: copied, and migrated, by the caller; never changed)."""
    if args.smoke:
        return bench_database(args.db, smoke=True)
    if args.db is None and CACHE.exists() and not args.rebuild:
        return CACHE
    return ensure_large_db(args.db, rebuild=args.rebuild)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database")
    parser.add_argument("--rebuild", action="store_true", help="build the large demo again")
    parser.add_argument("--smoke", action="store_true", help="quick run on --db (small demo)")
    args = parser.parse_args(argv)
    source = finance_source(args)
    runs = 1 if args.smoke else RUNS
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(working_copy(source, Path(folder))), create=False)
        try:
            with db.read() as s:
                last = to_local(s.scalar(select(func.max(Usage.start_at)))).date()
            year = last.year - 1 if last < date(last.year, 12, 31) else last.year
            print(add_finance_data(db, year, 300 if args.smoke else 12_300))
            first_day, last_day = date(year, 1, 1), date(year, 12, 31)
            result = balance_service.balance(db, first_day, last_day)  # warm-up (page cache)
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                result = balance_service.balance(db, first_day, last_day)
                times.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            rows = balance_service.details(db, "own", first_day, last_day)
            details_ms = (time.perf_counter() - t0) * 1000
        finally:
            db.dispose()
    median = statistics.median(times)
    print(
        f"balance {year}: own {result.own_cents / 100:,.2f} €, public"
        f" {result.public_cents / 100:,.2f} €, private {result.private_cents / 100:,.2f} €,"
        f" costs {result.costs_cents / 100:,.2f} €; {len(result.machines)} machines,"
        f" {len(result.reduced_access_by_audience)} publics"
    )
    print(f"median of {runs}: {median:.1f} ms; runs: {', '.join(f'{t:.1f}' for t in times)} ms")
    print(f"details('own'): {len(rows)} lines in {details_ms:.1f} ms")
    assert sum(r.amount_cents for r in rows) == result.own_cents
    if args.smoke:
        print("smoke run: target not judged")
        return 0
    met = median <= TARGET_MS
    print(f"target: median <= {TARGET_MS:.0f} ms: {'met' if met else 'MISSED'} ({median:.1f} ms)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
