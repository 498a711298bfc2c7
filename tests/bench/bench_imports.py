"""Benchmark: importing 100,000 lines — the expenses CSV and the tariff CSV.

Run from the project root:  python tests/bench/bench_imports.py [--lines N] [--smoke]

On a fresh database in a temporary folder: an expense file of N lines (default 100,000:
dates over a year, every category, amounts, labels and suppliers) through
``services.finance.expenses.import_expenses_csv`` (every line checked, then a bulk insert
in one transaction), and a tariff file of N lines (400 machine categories × 5 publics ×
the three memberships, each key's price changing from month to month) through
``services.pricing.tariff_csv.import_rules_csv`` (each line as the grid sets a price, in
one transaction). Each import is given a progress callable and a cancel check, as the
window gives them, and every row written is counted. Targets: expenses ≤ 10 s, tariffs
≤ 60 s for 100,000 lines. ``--smoke`` (used by the test suite) runs 200 lines and only
checks the counts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from sqlalchemy import func, insert, select

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.db.models import Audience, Expense, MachineCategory, PriceRule

EXPENSE_TARGET_S = 10.0
TARIFF_TARGET_S = 60.0
CATEGORIES = 400
AUDIENCES = 5
MEMBERSHIPS = ("tous", "adherent", "non_adherent")
EXPENSE_CATEGORIES = ("consommables", "maintenance", "loyer", "énergie", "personnel", "autre")


def expense_csv(lines: int, bad_line: int | None = None) -> bytes:
    """An expense file of ``lines`` lines after its header; ``bad_line`` (a line number of
    the file, the header being line 1) gets an amount that is not one."""
    out = ["date;categorie;activite;montant;libelle;fournisseur"]
    first = date(2026, 1, 1)
    for i in range(lines):
        amount = "12,x0" if i + 2 == bad_line else f"{1 + i % 900},{i % 100:02d}"
        out.append(
            f"{(first + timedelta(days=i % 365)).strftime('%d/%m/%Y')};"
            f"{EXPENSE_CATEGORIES[i % len(EXPENSE_CATEGORIES)]};fablab;{amount};"
            f"Achat n° {i};Fournisseur {i % 97}"
        )
    return ("\n".join(out) + "\n").encode("utf-8")


def add_tariff_resources(db: Database) -> None:
    """The machine categories and publics a tariff file of :func:`tariff_csv` names."""
    with db.write() as s:
        s.execute(
            insert(MachineCategory),
            [{"name": f"Catégorie {c:03d}", "position": c} for c in range(CATEGORIES)],
        )
        for a in range(AUDIENCES):
            s.add(Audience(name=f"Public {a}", position=a))


def tariff_csv(lines: int, bad_line: int | None = None) -> bytes:
    """A tariff file of ``lines`` lines: every key (category × public × membership) gets
    a price from a first day, then a new price each month after it; ``bad_line`` gets a
    price that is not one."""
    keys = [(c, a, m) for c in range(CATEGORIES) for a in range(AUDIENCES) for m in MEMBERSHIPS]
    out = ["type;ressource;public;adhesion;unite;pas_minutes;prix;du;au"]
    for i in range(lines):
        c, a, m = keys[i % len(keys)]
        month = i // len(keys)
        start = date(2027 + month // 12, 1 + month % 12, 1)
        price = "1x,00" if i + 2 == bad_line else f"{5 + (i % 40)},{(month * 7) % 100:02d}"
        out.append(
            f"categorie;Catégorie {c:03d};Public {a};{m};heure;15;{price};"
            f"{start.strftime('%d/%m/%Y')};"
        )
    return ("\n".join(out) + "\n").encode("utf-8")


def count(db: Database, model: type[Expense] | type[PriceRule]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def run(lines: int, folder: Path) -> dict[str, float]:
    from tierslieu_desktop.services.finance import expenses
    from tierslieu_desktop.services.pricing import tariff_csv as tariffs

    db = open_database(str(folder / "imports.sqlite"))
    seen: list[tuple[int, int]] = []
    try:
        data = expense_csv(lines)
        t0 = time.perf_counter()
        n = expenses.import_expenses_csv(
            db, None, data, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: False
        )
        expense_s = time.perf_counter() - t0
        assert n == lines == count(db, Expense), (n, lines)
        assert seen[-1][0] == seen[-1][1], seen[-1]

        add_tariff_resources(db)
        data = tariff_csv(lines)
        seen.clear()
        t0 = time.perf_counter()
        n = tariffs.import_rules_csv(
            db,
            None,
            data,
            date(2026, 12, 1),
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: False,
        )
        tariff_s = time.perf_counter() - t0
        assert n == lines == count(db, PriceRule), (n, lines)
        assert seen[-1][0] == seen[-1][1], seen[-1]
    finally:
        db.dispose()
    return {"expenses": expense_s, "tariffs": tariff_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000, help="lines in each file")
    parser.add_argument("--smoke", action="store_true", help="200 lines, counts only")
    parser.add_argument("--db", type=Path, help="unused: the imports have their own database")
    args = parser.parse_args(argv)
    lines = 200 if args.smoke else args.lines
    with tempfile.TemporaryDirectory() as folder:
        times = run(lines, Path(folder))
    print(f"expenses: {lines:,} lines imported in {times['expenses']:.2f} s")
    print(f"tariffs:  {lines:,} lines imported in {times['tariffs']:.2f} s")
    if args.smoke:
        print("smoke run: targets not judged")
        return 0
    scale = lines / 100_000
    ok = True
    for name, target in (("expenses", EXPENSE_TARGET_S), ("tariffs", TARIFF_TARGET_S)):
        met = times[name] <= target * scale
        ok = ok and met
        print(f"{name}: target ≤ {target * scale:.1f} s — {'met' if met else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
