"""Benchmark: the annual activity report PDF on the large demo, against the raw SQL
aggregates behind it.

Run from the project root:  python tests/bench/bench_annual_report.py [--db FILE] [--rebuild]

On a copy of the large demo (tests/bench/bench_search.py's helper), given the year of
invoices, grants, in-kind and expenses of bench_finance.py when it has none, for the last
full year: ``annual_report`` (figures of the year, the balance of the year and the three
before for the trend, grants, then the ReportLab layout with its charts), median of 3
after a warm-up; then the same figures as a handful of raw SQL GROUP BY queries (members
new/renewed by public, minutes by machine and month, bookings by status, publics reached,
invoice lines by revenue kind, usage charges by public, expenses by category, grant
payments, over the year — four years for the money — and the cyber-base page's counts:
drop-ins and workshop participants by kind, theme list, public, age, situation, commune,
gender), each run of the report followed by a run of the aggregates (interleaved: the
machine's noise falls on both); prints both (wall clock, and the process's CPU time as
a check on a busy machine) and their ratio. Targets: report median <= 3 s, and <= 3x the
raw aggregates (issue 14 point 6).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


from sqlalchemy import func, select, text

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.db.models import Usage
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.services.reporting import annual_figures, annual_report

TARGET_S = 3.0
TARGET_RATIO = 3.0
RUNS = 3

RAW = {
    "members": """
        SELECT m.audience_id, COUNT(DISTINCT m.member_id),
               COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM membership p
                     WHERE p.member_id = m.member_id AND p.start_date < :first)
                     THEN m.member_id END)
        FROM membership m WHERE m.start_date BETWEEN :first AND :last GROUP BY m.audience_id""",
    "communes": """
        SELECT mb.city, COUNT(DISTINCT m.member_id) FROM membership m
        JOIN member mb ON mb.id = m.member_id
        WHERE m.start_date BETWEEN :first AND :last GROUP BY mb.city""",
    "machine_months": """
        SELECT machine_id, strftime('%m', start_at), SUM(minutes), COUNT(*) FROM usage
        WHERE machine_id IS NOT NULL AND start_at >= :lo AND start_at < :hi GROUP BY 1, 2""",
    "bookings": """
        SELECT status, COUNT(*) FROM booking WHERE start_at >= :lo AND start_at < :hi
        GROUP BY status""",
    "publics": """
        SELECT mb.audience_id, COUNT(DISTINCT mb.id), SUM(u.headcount) FROM usage u
        JOIN member mb ON mb.id = COALESCE(u.organisation_id, u.member_id)
        WHERE u.start_at >= :lo AND u.start_at < :hi GROUP BY mb.audience_id""",
    "school": """
        SELECT COUNT(*), SUM(u.headcount) FROM usage u JOIN member o ON o.id = u.organisation_id
        WHERE o.organisation_type = 'school' AND u.start_at >= :lo AND u.start_at < :hi""",
    "revenue": """
        SELECT strftime('%Y', i.issued_at), l.revenue_kind,
               SUM(CASE WHEN i.kind = 'credit_note' THEN -l.total_incl_cents
                        ELSE l.total_incl_cents END)
        FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
        WHERE i.issued_at >= :lo4 AND i.issued_at < :hi GROUP BY 1, 2""",
    "charges": """
        SELECT strftime('%Y', u.start_at), mb.audience_id, SUM(c.list_cents),
               SUM(c.charged_cents)
        FROM usage_charge c JOIN usage u ON u.id = c.usage_id
        LEFT JOIN member mb ON mb.id = COALESCE(u.member_id, u.organisation_id)
        WHERE u.start_at >= :lo4 AND u.start_at < :hi GROUP BY 1, 2""",
    "fees": """
        SELECT strftime('%Y', start_date), SUM(fee_cents) FROM membership
        WHERE start_date BETWEEN :first4 AND :last GROUP BY 1""",
    "expenses": """
        SELECT strftime('%Y', day), category, SUM(amount_cents) FROM expense
        WHERE day BETWEEN :first4 AND :last GROUP BY 1, 2""",
    "grants": """
        SELECT g.id, f.sector, f.level, g.granted_cents, SUM(p.amount_cents) FROM "grant" g
        JOIN funder f ON f.id = g.funder_id LEFT JOIN grant_payment p ON p.grant_id = g.id
        WHERE g.period_end >= :first4 AND g.period_start <= :last GROUP BY g.id""",
}
# The cyber-base page on the national model (issue 22; services.activity.mediation's
# _mediation_counts_impl): the drop-ins by kind and by each breakdown, the workshops'
# present participants (a member one line, a group its present count) by each breakdown.
_DROP_IN = "FROM drop_in WHERE at >= :lo AND at < :hi"
_PRESENT = """
    FROM (SELECT s.id AS session_id,
                 CASE WHEN m.id IS NOT NULL THEN 1
                      WHEN COALESCE(r.present_count, r.headcount) > 0
                      THEN COALESCE(r.present_count, r.headcount) ELSE 0 END AS lines,
                 CASE WHEN m.id IS NOT NULL THEN m.audience_id ELSE o.audience_id END AS audience,
                 CASE WHEN m.id IS NOT NULL THEN m.city ELSE o.city END AS commune,
                 CASE WHEN m.id IS NOT NULL THEN m.age_band ELSE r.age_band END AS age_band,
                 CASE WHEN m.id IS NOT NULL THEN m.gender END AS gender,
                 CASE WHEN m.id IS NOT NULL THEN m.situation END AS situation
          FROM activity_session s JOIN activity a ON a.id = s.activity_id
          JOIN registration r ON r.session_id = s.id
          LEFT JOIN member m ON m.id = r.member_id LEFT JOIN member o ON o.id = r.organisation_id
          WHERE s.start_at >= :lo AND s.start_at < :hi AND s.status != 'cancelled'
            AND (a.kind = 'digital_workshop'
                 OR s.space_id IN (SELECT id FROM space WHERE kind = 'cyberbase'))
            AND r.status = 'registered' AND r.attendance = 'present')"""
RAW |= {
    "cyber_kinds": f"""SELECT activity_type, COUNT(*), SUM(duration_minutes),
        SUM(CASE WHEN first_time THEN 1 ELSE 0 END) {_DROP_IN} GROUP BY activity_type""",
    "cyber_themes": f"SELECT themes, purpose, COUNT(*) {_DROP_IN} GROUP BY themes, purpose",
    "cyber_ages": f"SELECT age_range, age_band, COUNT(*) {_DROP_IN} GROUP BY age_range, age_band",
    **{
        f"cyber_{column}": f"SELECT {column}, COUNT(*) {_DROP_IN} GROUP BY {column}"
        for column in ("audience_id", "situation", "commune", "gender")
    },
    "workshops": f"""SELECT COUNT(DISTINCT CASE WHEN lines > 0 THEN session_id END),
        SUM(lines) {_PRESENT}""",
    **{
        f"workshop_{column}": f"""SELECT {column}, SUM(lines) {_PRESENT}
            GROUP BY {column} HAVING SUM(lines) > 0"""
        for column in ("audience", "commune", "age_band", "gender", "situation")
    },
}


def working_copy(source: Path, folder: Path) -> Path:
    """A consistent copy (SQLite backup API: the WAL is included)."""
    target = folder / "bench-annual.sqlite"
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def raw_aggregates(db: Database, year: int) -> int:
    lo = local_day_bounds(date(year, 1, 1))[0].replace(tzinfo=None)
    hi = local_day_bounds(date(year, 12, 31))[1].replace(tzinfo=None)
    lo4 = local_day_bounds(date(year - 3, 1, 1))[0].replace(tzinfo=None)
    params = {
        "first": date(year, 1, 1),
        "last": date(year, 12, 31),
        "first4": date(year - 3, 1, 1),
        "lo": lo,
        "hi": hi,
        "lo4": lo4,
    }
    rows = 0
    with db.read() as s:
        for sql in RAW.values():
            rows += len(s.execute(text(sql), params).all())
    return rows


def interleaved(
    fns: dict[str, Callable[[], object]], runs: int = RUNS
) -> dict[str, tuple[list[float], list[float]]]:
    """Each function once as a warm-up, then ``runs`` rounds of each in turn: per name,
    (wall clock times, CPU times of this process)."""
    for fn in fns.values():
        fn()
    out: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t, cpu = time.perf_counter(), time.process_time()
            fn()
            out[name][0].append(time.perf_counter() - t)
            out[name][1].append(time.process_time() - cpu)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database")
    parser.add_argument("--rebuild", action="store_true", help="build the large demo again")
    parser.add_argument("--smoke", action="store_true", help="quick run on --db (small demo)")
    args = parser.parse_args(argv)
    from bench_finance import finance_source

    source = finance_source(args)  # copied (and migrated) below: never changed itself
    runs = 1 if args.smoke else RUNS
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(working_copy(source, Path(folder))), create=False)
        try:
            with db.read() as s:
                last = to_local(s.scalar(select(func.max(Usage.start_at)))).date()
            year = last.year - 1 if last < date(last.year, 12, 31) else last.year
            try:  # the same year of invoices, grants, in-kind, expenses as bench_finance
                from bench_finance import add_finance_data
            except ImportError:
                print("bench_finance.py missing: the demo's own finance data only")
            else:
                print(add_finance_data(db, year, 300 if args.smoke else 12_300))
            f = annual_figures(db, year)
            print(
                f"year {year}: {f.members_new} new and {f.members_renewed} renewed members, "
                f"{f.usages} usages ({f.total_machine_minutes // 60} machine hours), "
                f"{f.bookings} bookings, {len(f.grants)} grants"
            )
            sizes: list[int] = []
            times = interleaved(
                {
                    "report": lambda: sizes.append(len(annual_report(db, year))),
                    "figures": lambda: annual_figures(db, year),
                    "raw": lambda: raw_aggregates(db, year),
                },
                runs,
            )
        finally:
            db.dispose()
    median = statistics.median
    (report, report_cpu), (figures, _), (raw, raw_cpu) = (
        times[k] for k in ("report", "figures", "raw")
    )
    med_report, med_fig, med_raw = median(report), median(figures), median(raw)
    print(f"annual_report PDF ({sizes[-1] // 1024} KiB): median {med_report:.3f} s "
          f"(runs {', '.join(f'{x:.3f}' for x in report)}; CPU {median(report_cpu):.3f} s)")  # fmt: skip
    print(
        f"  of which annual_figures: median {med_fig:.3f} s; layout ≈ {med_report - med_fig:.3f} s"
    )
    print(
        f"raw SQL aggregates ({len(RAW)} GROUP BY queries): median {med_raw:.3f} s "
        f"(CPU {median(raw_cpu):.3f} s)"
    )
    ratio = med_report / med_raw
    print(
        f"ratio report / raw aggregates: {ratio:.1f}× "
        f"(CPU time: {median(report_cpu) / median(raw_cpu):.1f}×)"
    )
    if args.smoke:
        print("smoke run: target not judged")
        return 0
    ok = med_report <= TARGET_S
    print(f"target report ≤ {TARGET_S:.0f} s: {'met' if ok else 'MISSED'}")
    ratio_ok = ratio <= TARGET_RATIO
    print(f"target ratio ≤ {TARGET_RATIO:.0f}×: {'met' if ratio_ok else 'MISSED'}")
    return 0 if ok and ratio_ok else 1


if __name__ == "__main__":
    sys.exit(main())
