"""Benchmark: importing 20,000 members (issue 18) — the whole import, and the preview.

Run from the project root:  python tests/bench/bench_members_import.py [--lines N] [--smoke]

On a fresh database in a temporary folder (five publics, 2,000 members already there so
that the duplicates are looked up against a base that is not empty): a CSV file of N
lines (default 20,000; ';', UTF-8 with BOM, a French spreadsheet's columns, each line a
member with a 15 € membership, one line in fifty a member already in the base) goes
through ``services.imports.members`` as the CLI and the wizard run it: read the file,
suggest the mapping, plan every line (checks and duplicates), apply in one transaction.
The preview reads and plans the first 100 lines only (``read_table(limit=100)``).
Targets: the whole import ≤ 20 s, the preview ≤ 1 s. ``--smoke`` (used by the test
suite) runs 300 lines and only checks the counts.
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
from tierslieu_desktop.db.models import Audience, Member, Membership
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.imports.base import Action
from tierslieu_desktop.services.imports.members import IMPORTER
from tierslieu_desktop.services.imports.sources import detect_source
from tierslieu_desktop.services.imports.tables import read_table

IMPORT_TARGET_S = 20.0
PREVIEW_TARGET_S = 1.0
PREVIEW_LINES = 100
EXISTING = 2_000
AUDIENCES = ("Tout public", "Demandeurs d'emploi", "Scolaires", "Entreprises", "Étudiants")
TOWNS = (("46100", "Figeac"), ("46160", "Cajarc"), ("46270", "Bagnac-sur-Célé"))
FIRST = ("Lucie", "Hélène", "Noël", "Zoé", "Raphaël", "Inès", "Mathéo", "Gaëlle")


def members_csv(lines: int) -> bytes:
    """``lines`` members after the header; one in fifty is an existing member's e-mail."""
    out = ["Nom;Prénom;E-mail;Téléphone;Année de naissance;Code postal;Commune;Public;"
           "Début adhésion;Cotisation"]  # fmt: skip
    first_day = date(2025, 9, 1)
    for i in range(lines):
        postcode, town = TOWNS[i % len(TOWNS)]
        email = f"existant{(i // 50) % EXISTING}@exemple.fr" if i % 50 == 0 else f"m{i}@exemple.fr"
        out.append(
            f"Castagné{i};{FIRST[i % len(FIRST)]};{email};06 {i % 100:02d} 00 00 00;"
            f"{1950 + i % 55};{postcode};{town};{AUDIENCES[i % len(AUDIENCES)]};"
            f"{(first_day + timedelta(days=i % 300)).strftime('%d/%m/%Y')};15,00"
        )
    return ("\r\n".join(out) + "\r\n").encode("utf-8-sig")


def prepare(db: Database) -> None:
    with db.write() as s:
        s.add_all(Audience(name=name, position=i) for i, name in enumerate(AUDIENCES))
    with db.write() as s:
        s.execute(
            insert(Member),
            [
                {
                    "number": f"A{i + 1:05d}",
                    "kind": "person",
                    "first_name": "Ancien",
                    "last_name": f"Membre{i}",
                    "email": f"existant{i}@exemple.fr",
                    "sort_name": fold(f"Membre{i} Ancien"),
                    "search_text": fold(f"Membre{i} Ancien"),
                }
                for i in range(EXISTING)
            ],
        )


def run(lines: int, folder: Path) -> dict[str, float]:
    db = open_database(str(folder / "bench.sqlite"))
    try:
        prepare(db)
        path = folder / "membres.csv"
        path.write_bytes(members_csv(lines))

        t0 = time.perf_counter()
        table = read_table(path, limit=PREVIEW_LINES)
        source = detect_source(table.headers)
        mapping = IMPORTER.suggest_mapping(table.headers, source)
        preview = IMPORTER.plan(db, table, mapping, source=source)
        preview_s = time.perf_counter() - t0
        assert len(preview.lines) == min(lines, PREVIEW_LINES), len(preview.lines)

        seen: list[tuple[int, int]] = []
        t0 = time.perf_counter()
        table = read_table(path)
        source = detect_source(table.headers)
        mapping = IMPORTER.suggest_mapping(table.headers, source)
        plan = IMPORTER.plan(db, table, mapping, source=source)
        read_plan_s = time.perf_counter() - t0
        result = IMPORTER.apply(
            db, plan, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: False
        )
        import_s = time.perf_counter() - t0
        merges = plan.count(Action.MERGE)
        assert not plan.errors, plan.errors[:3]
        assert result.created == lines - merges and result.merged == merges, result
        with db.read() as s:
            members = s.scalar(select(func.count(Member.id)))
            memberships = s.scalar(select(func.count(Membership.id)))
        assert members == EXISTING + result.created, members
        assert memberships == lines, memberships
        assert seen and seen[-1][0] == seen[-1][1], seen[-1:]
    finally:
        db.dispose()
    return {"preview": preview_s, "read_plan": read_plan_s, "import": import_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20_000, help="lines in the file")
    parser.add_argument("--smoke", action="store_true", help="300 lines, counts only")
    parser.add_argument("--db", type=Path, help="unused: the import has its own database")
    args = parser.parse_args(argv)
    lines = 300 if args.smoke else args.lines
    with tempfile.TemporaryDirectory() as folder:
        times = run(lines, Path(folder))
    print(f"preview: first {PREVIEW_LINES} lines read and planned in {times['preview']:.3f} s")
    print(f"import:  {lines:,} lines read and planned in {times['read_plan']:.2f} s")
    print(f"import:  {lines:,} lines imported (read, planned, written) in {times['import']:.2f} s")
    if args.smoke:
        print("smoke run: targets not judged")
        return 0
    scale = lines / 20_000
    ok = True
    for name, target in (("import", IMPORT_TARGET_S * scale), ("preview", PREVIEW_TARGET_S)):
        met = times[name] <= target
        ok = ok and met
        print(f"{name}: target ≤ {target:.1f} s — {'met' if met else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
