"""Benchmark: the FEC (fichier des écritures comptables) of a year on the large demo.

Run from the project root:  python tests/bench/bench_fec.py [--db FILE] [--rebuild]

Works on a temporary copy of the large demo (see bench_finance.py), to which a year of
12,300 invoices and credit notes is added when it has none; then times ``write_fec`` for
that year (median of 3 after a warm-up) and checks every entry balances. Target: ≤ 5 s.

In the same run (issue 14, point 6): the raw reference — the same rows (documents with
their lines and buyer, payments with their document and buyer) read with sqlite3 alone
and dumped to a file, '|'-joined, median of 3 — and the ratio FEC / raw (target ≤ 5×);
and the peak RSS of a process that opens the file and writes the FEC (VmHWM, target
≤ 120 MB), with the process's peak before the export beside it.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date
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
from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.services.finance import fec

RUNS = 3
TARGET_S = 5.0
TARGET_RATIO = 5.0
TARGET_RSS_MB = 120

_RAW_QUERIES = (
    "SELECT i.id, i.kind, i.number, i.issued_at, m.number, m.first_name, m.last_name,"
    " l.revenue_kind, l.total_excl_cents, l.vat_cents"
    " FROM invoice i LEFT JOIN member m ON m.id = i.member_id"
    " LEFT JOIN invoice_line l ON l.invoice_id = i.id"
    " WHERE i.issued_at >= ? AND i.issued_at < ? ORDER BY i.issued_at, i.id, l.id",
    "SELECT p.id, p.at, p.method, p.amount_cents, i.number, m.number, m.first_name,"
    " m.last_name FROM payment p JOIN invoice i ON i.id = p.invoice_id"
    " LEFT JOIN member m ON m.id = i.member_id"
    " WHERE p.at >= ? AND p.at < ? ORDER BY p.at, p.id",
)


def raw_dump(path: Path, year: int, out: Path) -> int:
    """The rows the FEC is made of, read with sqlite3 alone and written '|'-joined:
    the floor any export of them pays. Returns the rows written."""
    bounds = tuple(
        local_dt(date(y, 1, 1), 0).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        for y in (year, year + 1)
    )
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    n = 0
    try:
        with out.open("w", encoding="utf-8", newline="") as fh:
            for query in _RAW_QUERIES:
                for row in con.execute(query, bounds):
                    fh.write("|".join("" if v is None else str(v) for v in row))
                    fh.write("\r\n")
                    n += 1
    finally:
        con.close()
    return n


_RSS_PROBE = """
import sys
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.services.finance import fec

def hwm():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return -1

db = open_database(sys.argv[1], create=False)
before = hwm()
fec.write_fec(db, int(sys.argv[2]), sys.argv[3])
print(before, hwm())
"""


def export_peak_rss(path: Path, year: int, out: Path) -> tuple[int, int]:
    """(peak RSS in MB before the export, peak after) of a fresh process writing it."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    done = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE, str(path), str(year), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    before, after = (int(v) for v in done.stdout.split()[-2:])
    return before, after


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database")
    parser.add_argument("--rebuild", action="store_true", help="build the large demo again")
    parser.add_argument("--smoke", action="store_true", help="quick run on --db (small demo)")
    args = parser.parse_args(argv)
    source = finance_source(args)
    runs = 1 if args.smoke else RUNS
    with tempfile.TemporaryDirectory() as folder:
        copy = working_copy(source, Path(folder))
        db = open_database(str(copy), create=False)
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
            raw_times = []
            for _ in range(RUNS + 1):  # the first one warms the page cache, untimed
                t0 = time.perf_counter()
                raw_rows = raw_dump(copy, year, Path(folder) / "raw.txt")
                raw_times.append(time.perf_counter() - t0)
            raw_times = raw_times[1:]
            rss_before, rss_peak = export_peak_rss(copy, year, out)
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
    raw = statistics.median(raw_times)
    ratio = median / raw
    ratio_met = ratio <= TARGET_RATIO
    print(
        f"raw reference (sqlite3 dump of the same {raw_rows:,} rows): median {raw:.3f} s; "
        f"FEC / raw = {ratio:.1f}x (target <= {TARGET_RATIO:.0f}x): "
        f"{'met' if ratio_met else 'MISSED'}"
    )
    rss_met = rss_peak <= TARGET_RSS_MB
    print(
        f"peak RSS of a process writing the FEC: {rss_peak} MB (before the export "
        f"{rss_before} MB; target <= {TARGET_RSS_MB} MB): {'met' if rss_met else 'MISSED'}"
    )
    return 0 if met and ratio_met and rss_met else 1


if __name__ == "__main__":
    sys.exit(main())
