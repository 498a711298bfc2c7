"""Benchmark: the members page's search on the large demo (20,000 members).

Run from the project root:  python tests/bench/bench_search.py [--db FILE] [--rebuild]

Each keystroke in the members page calls ``search_members`` (one page of 100 rows)
and ``count_members`` (the total shown under the table). This times the pair for 50
queries of 1 to 3 letters and checks the target: p95 <= 30 ms.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.services.people.members import count_members, search_members

TARGET_P95_MS = 30.0
QUERIES = 50
SEED = 46400
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ACCENTED = "éèêàâçôîùë"
CACHE = Path(tempfile.gettempdir()) / "tierslieu-bench" / f"demo-large-{SEED}.sqlite"


def _unusable(path: Path) -> str:
    """Why ``path`` is not a large demo ("" when it is). Read-only, through sqlite3: the
    cached file is shared by every benchmark (and every session on this machine), so it
    is never migrated, changed or deleted here; benchmarks work on copies."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            members = con.execute("SELECT count(*) FROM member").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"unreadable ({exc})"
    return "" if members >= 20_000 else f"{members} members, not the large demo"


def ensure_large_db(
    path: Path | None = None, *, rebuild: bool = False
) -> tuple[Path, float | None]:
    """The large demo at ``path`` (default: a cached file in the temp dir), built if
    missing. Returns the path and the build time in seconds (None when reused)."""
    from tierslieu_desktop.demo.builder import build_demo

    path = path or CACHE
    if not rebuild and path.exists():
        why = _unusable(path)
        if why:
            # Never deleted on a guess: another session may be using it (or have just
            # migrated it). Rebuilding it is asked for explicitly.
            raise SystemExit(f"{path}: {why}; --rebuild builds it again (or pass --db)")
        return path, None
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    summary = build_demo(str(path), size="large", seed=SEED)
    elapsed = time.perf_counter() - start
    print(f"built {path} ({summary}) in {elapsed:.2f} s")
    return path, elapsed


def bench_database(path: Path | None, *, smoke: bool, rebuild: bool = False) -> Path:
    """The database a benchmark runs on: in smoke mode the given file as it is (a small
    demo: ``--smoke`` needs ``--db``), else the large demo (built when missing)."""
    if smoke:
        if path is None or not path.exists():
            raise SystemExit("--smoke needs --db FILE, an existing (small) demo")
        return path
    return ensure_large_db(path, rebuild=rebuild)[0]


def make_queries(n: int = QUERIES, seed: int = 2026) -> list[str]:
    """1 to 3 lowercase letters; one query in five carries an accented letter."""
    rng = random.Random(seed)
    queries = []
    for i in range(n):
        chars = [rng.choice(LETTERS) for _ in range(rng.randint(1, 3))]
        if i % 5 == 4:
            chars[rng.randrange(len(chars))] = rng.choice(ACCENTED)
        queries.append("".join(chars))
    return queries


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help=f"large demo file (default {CACHE})")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the demo file first")
    parser.add_argument("--smoke", action="store_true", help="quick run on --db (small demo)")
    args = parser.parse_args(argv)

    if args.smoke:
        path = bench_database(args.db, smoke=True)
    else:
        path, build_s = ensure_large_db(args.db, rebuild=args.rebuild)
        if build_s is None:
            print(f"reusing {path} (build time not measured; --rebuild to measure it)")
    folder = tempfile.TemporaryDirectory(prefix="tierslieu-search-")
    copy = Path(folder.name) / "demo.sqlite"
    shutil.copyfile(path, copy)  # a file of an older version is migrated: the copy only
    db = open_database(str(copy), create=False)
    try:
        search_members(db, "a", limit=100)  # warm-up: first connection, page cache
        count_members(db, "a")
        pair_ms, search_ms, count_ms, rows = [], [], [], []
        for q in make_queries(5 if args.smoke else QUERIES):
            t0 = time.perf_counter()
            page = search_members(db, q, limit=100)
            t1 = time.perf_counter()
            total = count_members(db, q)
            t2 = time.perf_counter()
            search_ms.append((t1 - t0) * 1000)
            count_ms.append((t2 - t1) * 1000)
            pair_ms.append((t2 - t0) * 1000)
            rows.append((q, len(page), total, (t2 - t0) * 1000))
    finally:
        db.dispose()
        folder.cleanup()

    slowest = sorted(rows, key=lambda r: r[3], reverse=True)[:5]
    print(f"{len(pair_ms)} queries of 1-3 letters, search_members(limit=100) + count_members")
    for label, values in (("search", search_ms), ("count", count_ms), ("pair", pair_ms)):
        print(
            f"  {label:<6} median {statistics.median(values):6.1f} ms   "
            f"p95 {percentile(values, 95):6.1f} ms   max {max(values):6.1f} ms"
        )
    print("  slowest: " + ", ".join(f"{q!r} ({n}/{t} rows) {ms:.1f} ms" for q, n, t, ms in slowest))
    p95 = percentile(pair_ms, 95)
    if args.smoke:
        print("smoke run: target not judged")
        return 0
    met = p95 <= TARGET_P95_MS
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms: {'met' if met else 'MISSED'} ({p95:.1f} ms)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
