"""Benchmark: re-pricing one year of usages (``price_period``) on the large demo.

Run from the project root:  python tests/bench/bench_pricing.py [--db FILE] [--rebuild]

The large demo (about 20,000 usages a year over ten years) is built once with
tests/bench/bench_search.py's helper and copied to a temporary file. When the copy holds
no price rule (a demo from before tariffs existed), a realistic set is added to it: a
price per machine category for everyone and for each audience, a cheaper price for
members, space prices, consumable prices, a reduction and a monthly quota for two
audiences, and a pack of hours for 500 members. Then ``price_period`` is timed on the
last full calendar year of usages (every usage priced with the rules of its day,
per member in time order): median of 3 runs after one warm-up. Target: <= 2 s.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import bench_database
from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.db.models import (
    Audience,
    Consumable,
    MachineCategory,
    Member,
    MemberPack,
    PackMovement,
    PackType,
    PriceRule,
    Quota,
    Reduction,
    Space,
    Usage,
)
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.services.pricing.engine import price_period

TARGET_S = 2.0
RUNS = 3
SINCE = date(2015, 1, 1)


def working_copy(source: Path, folder: Path) -> Path:
    """A consistent copy (SQLite backup API: the WAL is included)."""
    target = folder / "bench-pricing.sqlite"
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def add_tariffs(db: Database) -> int:
    """A realistic tariff table when the demo has none. Returns the rules added."""
    with db.write() as s:
        if s.scalar(select(func.count(PriceRule.id))):
            return 0
        last = to_local(s.scalar(select(func.max(Usage.start_at)))).date()
        categories = list(s.scalars(select(MachineCategory.id)))
        spaces = list(s.scalars(select(Space.id)))
        consumables = list(s.scalars(select(Consumable.id)))
        audiences = list(s.scalars(select(Audience.id).order_by(Audience.position)))
        rules = []
        for i, category in enumerate(categories):
            price = 800 + 200 * (i % 6)
            # a price change on 1 July of the year priced: the day of each usage matters
            change = date(last.year - 1, 7, 1)
            rules.append(
                PriceRule(
                    category_id=category,
                    unit="hour",
                    step_minutes=15,
                    amount_cents=price,
                    valid_from=SINCE,
                    valid_to=change - timedelta(days=1),
                )
            )
            rules.append(
                PriceRule(
                    category_id=category,
                    unit="hour",
                    step_minutes=15,
                    amount_cents=price + 100,
                    valid_from=change,
                )
            )
            rules.append(
                PriceRule(
                    category_id=category,
                    unit="hour",
                    step_minutes=15,
                    amount_cents=price * 3 // 4,
                    valid_from=SINCE,
                    membership="member",
                )
            )
            for audience in audiences[:3]:
                rules.append(
                    PriceRule(
                        category_id=category,
                        audience_id=audience,
                        unit="hour",
                        step_minutes=30,
                        amount_cents=price // 2,
                        valid_from=SINCE,
                    )
                )
        for space in spaces:
            rules.append(
                PriceRule(space_id=space, unit="session", amount_cents=500, valid_from=SINCE)
            )
        for i, consumable in enumerate(consumables):
            rules.append(
                PriceRule(
                    consumable_id=consumable,
                    unit="consumable",
                    amount_cents=5 + 40 * (i % 4),
                    valid_from=SINCE,
                )
            )
        s.add_all(rules)
        for audience in audiences[:2]:
            s.add(Reduction(audience_id=audience, percent_bp=3000, valid_from=SINCE))
            s.add(Quota(audience_id=audience, free_minutes_per_month=120, valid_from=SINCE))
        pack_type = PackType(name="Carnet 10 h", minutes=600, validity_months=12, price_cents=8000)
        s.add(pack_type)
        s.flush()
        for member_id in s.scalars(select(Member.id).order_by(Member.id).limit(500)):
            pack = MemberPack(
                member_id=member_id,
                pack_type_id=pack_type.id,
                purchased_on=date(last.year - 1, 1, 1),
                expires_on=date(last.year - 1, 12, 31),
                minutes_total=600,
                price_cents=8000,
            )
            s.add(pack)
            s.flush()
            s.add(PackMovement(member_pack_id=pack.id, minutes=600))
        return len(rules)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database")
    parser.add_argument("--rebuild", action="store_true", help="build the large demo again")
    parser.add_argument("--smoke", action="store_true", help="quick run on --db (small demo)")
    args = parser.parse_args(argv)
    source = bench_database(args.db, smoke=args.smoke, rebuild=args.rebuild)
    runs = 1 if args.smoke else RUNS
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(working_copy(source, Path(folder))), create=False)
        try:
            added = add_tariffs(db)
            if added:
                print(f"added {added} price rules, reductions, quotas and 500 packs")
            with db.read() as s:
                last = to_local(s.scalar(select(func.max(Usage.start_at)))).date()
            year = last.year - 1 if last < date(last.year, 12, 31) else last.year
            first_day, last_day = date(year, 1, 1), date(year, 12, 31)
            result = price_period(db, first_day, last_day)  # warm-up (page cache)
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                result = price_period(db, first_day, last_day)
                times.append(time.perf_counter() - t0)
        finally:
            db.dispose()
    median = statistics.median(times)
    print(
        f"price_period {year}: {result.usages} usages, charged {result.charged_cents / 100:.2f} €"
        f" (list {result.list_cents / 100:.2f} €, reductions"
        f" {result.reduction_cents / 100:.2f} €, {result.missing_rule} without a tariff)"
    )
    print(
        f"median of {runs}: {median:.3f} s ({result.usages / median:,.0f} usages/s);"
        f" runs: {', '.join(f'{t:.3f}' for t in times)} s"
    )
    if args.smoke:
        print("smoke run: target not judged")
        return 0
    met = median <= TARGET_S
    print(f"target: median <= {TARGET_S:.0f} s: {'met' if met else 'MISSED'} ({median:.3f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
