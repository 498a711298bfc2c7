"""Benchmark: saving a booking with every rule checked, on the large demo (200,000
bookings over ten years).

Run from the project root:  python tests/bench/bench_booking_save.py [--db FILE] [--rebuild]

The large demo is copied to a temporary file (the benchmark writes). Then:
- 200 valid bookings at random (machine or meeting room, a day in the coming weeks, a
  slot inside the opening hours, a member who may book it): each ``create_booking`` is
  timed — resource and member checks, opening hours, authorization, overlap, insert,
  history, commit. Target: median <= 30 ms.
- 50 conflicting ones (the slot of an existing booking, moved by one step), timed
  separately: refused with ``booking_conflict``.
"""

from __future__ import annotations

import argparse
import math
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from sqlalchemy import select

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.db.models import (
    Authorization,
    Machine,
    Member,
    Space,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.park.opening_hours import openings
from tierslieu_desktop.services.people.operators import ensure_operator
from tierslieu_desktop.services.scheduling.bookings import (
    HOLDING,
    BookingInput,
    check_booking,
    create_booking,
    list_bookings,
)

TARGET_MEDIAN_MS = 30.0
VALID = 200
CONFLICTS = 50
SEED = 46400
MIN_BOOKINGS = 200_000
CACHE = Path(tempfile.gettempdir()) / "tierslieu-bench" / f"demo-large-{SEED}.sqlite"


def _unusable(path: Path) -> str:
    """Why ``path`` is not the current large demo with ten years of bookings ("" when it
    is). Read-only through sqlite3: the shared cache is never migrated nor deleted here."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            members = con.execute("SELECT count(*) FROM member").fetchone()[0]
            bookings = con.execute("SELECT count(*) FROM booking").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"unreadable ({exc})"
    if members < 20_000 or bookings < MIN_BOOKINGS:
        return f"{members} members and {bookings} bookings, not the current large demo"
    return ""


def ensure_large_db(
    path: Path | None = None, *, rebuild: bool = False
) -> tuple[Path, float | None]:
    """The large demo at ``path`` (default: the cached file shared with the other
    benchmarks), built if missing or older than the bookings. Returns the path and the
    build time in seconds (None when reused)."""
    from tierslieu_desktop.demo.builder import build_demo

    path = path or CACHE
    if not rebuild and path.exists():
        why = _unusable(path)
        if why:  # never deleted on a guess: other sessions use it
            raise SystemExit(f"{path}: {why}; --rebuild builds it again (or pass --db)")
        return path, None
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    summary = build_demo(str(path), size="large", seed=SEED)
    elapsed = time.perf_counter() - start
    print(f"built {path} ({summary}) in {elapsed:.1f} s")
    return path, elapsed


def working_copy(source: Path, folder: Path) -> Path:
    """A consistent copy (SQLite backup API: the WAL is included)."""
    target = folder / "bench-booking.sqlite"
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _resources(db: Database) -> list[dict]:
    """Bookable machines and spaces with their rules and who may book them."""
    with db.read() as session:
        grants = session.execute(
            select(Authorization.member_id, Authorization.machine_id, Authorization.category_id)
            .join(Member, Member.id == Authorization.member_id)
            .where(Member.archived.is_(False))
        ).all()
        result = []
        for m in session.scalars(
            select(Machine).where(Machine.status == "available", Machine.archived.is_(False))
        ):
            holders = None
            if m.authorization_required:
                holders = sorted(
                    {
                        g.member_id
                        for g in grants
                        if g.machine_id == m.id or g.category_id == m.category_id
                    }
                )
            result.append(_rules(m, {"machine_id": m.id}, m.space_id, holders))
        for s in session.scalars(select(Space).where(Space.bookable, Space.archived.is_(False))):
            result.append(_rules(s, {"space_id": s.id}, s.id, None))
        return result


def _rules(row: Machine | Space, key: dict, space_id: int, holders: list[int] | None) -> dict:
    return {
        "name": row.name,
        "key": key,
        "space_id": space_id,
        "step": row.slot_step_minutes,
        "min": row.min_duration_minutes,
        "max": row.max_duration_minutes,
        "advance": row.max_advance_days,
        "holders": holders,
    }


def valid_slots(
    db: Database, rng: random.Random, now: datetime, persons: list[int]
) -> Iterator[BookingInput]:
    """Random bookings that every rule accepts (checked before, untimed), one at a time
    so that the ones saved earlier are taken into account."""
    resources = _resources(db)
    first_day = (now + timedelta(days=1)).date()
    while True:
        res = rng.choice(resources)
        day = first_day + timedelta(days=rng.randrange(min(50, res["advance"] - 2)))
        ranges = openings(db, res["space_id"], day, 1)[0].ranges
        if not ranges:
            continue
        range_start, range_end = rng.choice(ranges)
        step = res["step"]
        longest = min(res["max"], 180, range_end - range_start)
        shortest = -(-res["min"] // step) * step
        if longest < shortest:
            continue
        duration = step * rng.randint(shortest // step, longest // step)
        first = -(-range_start // step) * step
        last = range_end - duration
        if last < first:
            continue
        start = first + step * rng.randint(0, (last - first) // step)
        members = res["holders"] if res["holders"] is not None else persons
        if not members:
            continue
        data = BookingInput(
            start_at=local_dt(day, start),
            end_at=local_dt(day, start + duration),
            member_id=rng.choice(members),
            purpose="Banc d'essai",
            **res["key"],
        )
        with db.read() as session:
            try:
                check_booking(session, data, now=now)
            except (DomainError, ValidationError):
                continue  # taken, or the member went elsewhere: draw another one
        yield data


def conflicting_slots(
    db: Database, rng: random.Random, now: datetime, count: int
) -> list[BookingInput]:
    """Existing bookings of the coming weeks, asked for again one step later or earlier
    (still overlapping them): every rule passes but the overlap, which refuses them
    (checked before, untimed)."""
    resources = _resources(db)
    machines = {r["key"]["machine_id"]: r["step"] for r in resources if "machine_id" in r["key"]}
    rooms = {r["key"]["space_id"]: r["step"] for r in resources if "space_id" in r["key"]}
    rows = [
        r
        for r in list_bookings(db, now + timedelta(hours=2), now + timedelta(days=50))
        if r.status in HOLDING
        and (r.machine_id in machines or r.space_id in rooms)
        and not r.walk_in
    ]
    rng.shuffle(rows)
    result = []
    for r in rows:
        step = machines[r.machine_id] if r.machine_id else rooms[r.space_id]
        for shift in (step, -step, 0):
            data = replace(
                r.input(),
                start_at=r.start_at + timedelta(minutes=shift),
                end_at=r.end_at + timedelta(minutes=shift),
                purpose="Banc d'essai (conflit)",
            )
            with db.read() as session:
                try:
                    check_booking(session, data, now=now)
                except DomainError as exc:
                    if exc.code == "booking_conflict":
                        result.append(data)
                        break
                except ValidationError:
                    break
        if len(result) == count:
            break
    return result


def run(
    path: Path, n_valid: int = VALID, n_conflicts: int = CONFLICTS
) -> tuple[list[float], list[float], int]:
    from tierslieu_desktop.demo.builder import REFERENCE_DATE

    now = local_dt(REFERENCE_DATE + timedelta(days=1), 8 * 60)  # Monday morning
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        copy = working_copy(path, Path(folder))
        db = open_database(str(copy), create=False)
        try:
            operator = ensure_operator(db)
            with db.read() as session:
                persons = session.scalars(
                    select(Member.id).where(Member.kind == "person", Member.archived.is_(False))
                ).all()
            # warm-up: the first call pays for imports and the holidays table
            slots = valid_slots(db, rng, now, list(persons))
            create_booking(db, operator, next(slots), now=now)
            valid: list[float] = []
            for data in slots:
                t0 = time.perf_counter()
                create_booking(db, operator, data, now=now)
                valid.append((time.perf_counter() - t0) * 1000)
                if len(valid) == n_valid:
                    break
            refused: list[float] = []
            wrong = 0
            for data in conflicting_slots(db, rng, now, n_conflicts):
                t0 = time.perf_counter()
                try:
                    create_booking(db, operator, data, now=now)
                except DomainError as exc:
                    refused.append((time.perf_counter() - t0) * 1000)
                    if exc.code != "booking_conflict":
                        wrong += 1
                        print(f"refused with {exc.code} {exc.params}")
                else:
                    wrong += 1
            return valid, refused, wrong
        finally:
            db.dispose()


def _line(label: str, values: list[float]) -> str:
    return (
        f"{label:<34} n={len(values):>3}  median {statistics.median(values):6.2f} ms  "
        f"p95 {percentile(values, 95):6.2f} ms  max {max(values):6.2f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database")
    parser.add_argument("--rebuild", action="store_true", help="build the large demo again")
    parser.add_argument("--smoke", action="store_true", help="quick run on --db (small demo)")
    args = parser.parse_args(argv)
    if args.smoke:
        from bench_search import bench_database

        path = bench_database(args.db, smoke=True)
        valid, refused, wrong = run(path, 10, 5)
    else:
        path, _built = ensure_large_db(args.db, rebuild=args.rebuild)
        valid, refused, wrong = run(path)
    median = statistics.median(valid)
    print(_line("create_booking, valid slot", valid))
    print(_line("create_booking, refused (conflict)", refused))
    if args.smoke:
        print("smoke run: target not judged")
        return 1 if wrong else 0
    met = median <= TARGET_MEDIAN_MS
    print(
        f"target: median <= {TARGET_MEDIAN_MS:.0f} ms for a valid booking: "
        f"{'met' if met else 'MISSED'} ({median:.2f} ms)"
    )
    if wrong:
        print(f"{wrong} conflicting bookings were not refused as conflicts")
    return 0 if met and not wrong else 1


if __name__ == "__main__":
    sys.exit(main())
