"""Benchmark: the FEC (fichier des écritures comptables) of a year on the large demo.

Run from the project root:  python tests/bench/bench_fec.py [--db FILE] [--rebuild]

Works on a temporary copy of the large demo (see bench_finance.py), to which a year of
12,300 invoices and credit notes is added when it has none; then times ``write_fec`` for
that year (median of 3 after a warm-up) and checks every entry balances. Target: ≤ 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_finance import add_finance_data, finance_source, working_copy
from sqlalchemy import func, select

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Usage
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.services.finance import fec

RUNS = 3
TARGET_S = 5.0


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
            out = Path(folder) / "fec"
            out.mkdir()
            fec.write_fec(db, year, out)  # warm-up
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                path = fec.write_fec(db, year, out)
                times.append(time.perf_counter() - t0)
            lines = path.read_text(encoding="utf-8").splitlines()[1:]
        finally:
            db.dispose()
    balance: dict[str, int] = {}
    for line in lines:
        cols = line.split("|")
        debit, credit = (int(c.replace(",", "")) for c in (cols[11], cols[12]))
        balance[cols[2]] = balance.get(cols[2], 0) + debit - credit
    unbalanced = [n for n, v in balance.items() if v]
    median = statistics.median(times)
    print(
        f"FEC {year}: {len(lines):,} lines, {len(balance):,} entries, {len(unbalanced)} unbalanced"
    )
    print(f"median of {runs}: {median:.2f} s; runs: {', '.join(f'{t:.2f}' for t in times)} s")
    if args.smoke:
        print("smoke run: target not judged")
        return 1 if unbalanced else 0
    met = median <= TARGET_S and not unbalanced
    print(f"target: median <= {TARGET_S:.0f} s: {'met' if met else 'MISSED'} ({median:.2f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
