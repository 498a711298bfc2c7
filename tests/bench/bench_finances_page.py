"""Benchmark: the Finances page showing one year on the large demo (query + charts).

Run from the project root:  python tests/bench/bench_finances_page.py

On a temporary copy of the large demo given bench_finance.py's year of invoices, grants,
in-kind and expenses, the page switches between the last full year and the one before:
timed until the year's figures, charts and tables are painted (the target, ≤ 500 ms), and
separately the comparison with the year before that the page computes right after the
first paint (a second balance) for the ▲/▼ of the key figures; median of 5.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_finance import add_finance_data, working_copy

from tierslieu_desktop.app import create_application, install_translators
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.services.people.operators import ensure_operator

TARGET_MS = 500.0


def main(argv: list[str] | None = None) -> int:
    import argparse

    from bench_finance import finance_source

    from tierslieu_desktop.ui.context import AppContext
    from tierslieu_desktop.ui.pages.finances.page import FinancesPage

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database")
    parser.add_argument("--rebuild", action="store_true", help="build the large demo again")
    parser.add_argument("--smoke", action="store_true", help="quick run on --db (small demo)")
    args = parser.parse_args(argv)
    source = finance_source(args)  # copied below: never changed itself
    app = create_application()
    install_translators(app, "fr")
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(working_copy(source, Path(folder))), create=False)
        try:
            print(add_finance_data(db, 2025, 300 if args.smoke else 12_300))
            ctx = AppContext(db, ensure_operator(db), "fr")
            page = FinancesPage(ctx, today=date(2026, 11, 23))
            page.resize(1280, 800)
            page.show()
            app.processEvents()
            times, trends = [], []
            years = (2024, 2025, 2024) if args.smoke else (2024, 2025) * 3
            for year in years:
                t0 = time.perf_counter()
                page.set_year(year)
                page.repaint()  # the year's figures, charts and tables on screen
                t1 = time.perf_counter()
                app.processEvents()  # then the comparison with the year before
                t2 = time.perf_counter()
                times.append((t1 - t0) * 1000)
                trends.append((t2 - t1) * 1000)
            page.close()
        finally:
            db.dispose()
    times, trends = times[1:], trends[1:]  # the first switch warms the caches
    median = statistics.median(times)
    runs = ", ".join(f"{t:.0f}" for t in times)
    print(f"Finances page, one year painted: median {median:.0f} ms; runs: {runs} ms")
    print(f"then the trend vs the year before: median {statistics.median(trends):.0f} ms")
    if args.smoke:
        print("smoke run: target not judged")
        return 0
    met = median <= TARGET_MS
    print(f"target: median <= {TARGET_MS:.0f} ms: {'met' if met else 'MISSED'} ({median:.0f} ms)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
