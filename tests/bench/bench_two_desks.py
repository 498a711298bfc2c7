"""Benchmark: two desks (two processes) booking and selling on one database, each seeing
the other's changes through the live refresh's change feed (issue 20).

Run from the project root:
    python tests/bench/bench_two_desks.py [--minutes 5] [--db SMALL.sqlite] [--smoke]

The database: PostgreSQL when TIERSLIEU_BENCH_PG (or TIERSLIEU_TEST_PG) names a server
(``postgresql+psycopg://user@host:port/postgres``): a new database is made on it, the
small demo copied into it (``services.safety.moving``), and dropped at the end. Otherwise
a copy of the small demo SQLite file (``--db``, or built once into the benchmarks' cache).

Each desk logs in as the demo's administrator, then acts once every 2 s, in step with the
other desk: a booking (``create_booking``), then a sale (a basket with one line, paid by
card: ``validate_basket``), and so on. One booking in four is the same machine and slot
at both desks at the same moment: exactly one of each pair must be saved, the other
refused (``booking_conflict``). Meanwhile each desk's ``FeedReader`` (the window's
listener, db.changes) notes when it hears of each booking and invoice of the other desk.

Printed: conflicts detected / attempted (and missed: both saved), saves (booking and
checkout) p50 / p95 ms — target p95 <= 50 — and the other desk sees each change p95 s —
target <= 2 — with changes never heard. ``--smoke``: a few seconds, targets not judged.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import os
import queue
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

TARGET_SAVE_P95_MS = 50.0
TARGET_SEEN_P95_S = 2.0
PERIOD_S = 2.0
SMOKE_PERIOD_S = 0.4
SMOKE_ACTIONS = 12
CONFLICT_EVERY = 4  # one booking in four: the same slot at both desks
SEED = 46400
CACHE = Path(tempfile.gettempdir()) / "tierslieu-bench" / f"demo-small-{SEED}.sqlite"
LISTEN_AFTER_S = 3.0  # the reader keeps listening after the last action


@dataclass(frozen=True)
class Slot:
    machine_id: int
    start: Any  # aware datetime
    end: Any


def percentile(values: list[float], p: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# --- the database ----------------------------------------------------------------------


def server_url() -> str:
    return os.environ.get("TIERSLIEU_BENCH_PG") or os.environ.get("TIERSLIEU_TEST_PG") or ""


def small_demo(path: Path | None) -> Path:
    if path is not None:
        return path
    if not CACHE.exists():
        from tierslieu_desktop.demo.builder import build_demo

        CACHE.parent.mkdir(parents=True, exist_ok=True)
        build_demo(str(CACHE), size="small", seed=SEED)
    return CACHE


def sqlite_copy(source: Path, folder: Path) -> str:
    target = folder / "two-desks.sqlite"
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return str(target)


def _admin(server: str, statement: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def postgresql_copy(source: Path, server: str) -> tuple[str, str]:
    """A new database on the server holding the small demo; (its URL, its name)."""
    from tierslieu_desktop.db.engine import open_database
    from tierslieu_desktop.services.safety.moving import move_database

    name = f"tl_bench_{uuid.uuid4().hex[:10]}"
    _admin(server, f'CREATE DATABASE "{name}"')
    url = server.rsplit("/", 1)[0] + "/" + name
    src, dst = open_database(str(source), read_only=True), open_database(url)
    try:
        move_database(src, dst)
    finally:
        src.dispose()
        dst.dispose()
    return url, name


def slot_pools(target: str, bookings: int) -> tuple[list[Slot], list[Slot], list[Slot], int, int]:
    """Free, valid slots (checked against every rule, at least one step apart) for the
    conflicting pairs and for each desk alone; and one member per desk."""
    from sqlalchemy import select

    from tierslieu_desktop.db.engine import open_database
    from tierslieu_desktop.db.models import Machine, Member
    from tierslieu_desktop.domain.calendar import local_dt, utcnow
    from tierslieu_desktop.domain.errors import DomainError, ValidationError
    from tierslieu_desktop.services.park.opening_hours import openings
    from tierslieu_desktop.services.scheduling.bookings import BookingInput, check_booking

    conflicts = math.ceil(bookings / CONFLICT_EVERY)
    own = bookings - conflicts
    wanted = conflicts + 2 * own
    db = open_database(target)
    try:
        with db.read() as s:
            machines = list(
                s.execute(
                    select(
                        Machine.id,
                        Machine.space_id,
                        Machine.slot_step_minutes,
                        Machine.min_duration_minutes,
                        Machine.max_advance_days,
                        Machine.buffer_minutes,
                    )
                    .where(
                        Machine.status == "available",
                        Machine.archived.is_(False),
                        Machine.authorization_required.is_(False),
                    )
                    .order_by(Machine.id)
                ).all()
            )
            members = list(
                s.scalars(
                    select(Member.id)
                    .where(Member.archived.is_(False), Member.kind == "person")
                    .order_by(Member.id)
                    .limit(2)
                )
            )
        now = utcnow()
        today = now.date()
        found: list[Slot] = []
        for offset in range(2, 60):
            day = today + timedelta(days=offset)
            for m in machines:
                if offset >= m.max_advance_days:
                    continue
                ranges = openings(db, m.space_id, day, 1)[0].ranges
                step = m.slot_step_minutes
                duration = max(step, -(-m.min_duration_minutes // step) * step)
                for first, last in ranges:
                    start = -(-first // step) * step
                    while start + duration <= last:
                        slot = Slot(m.id, local_dt(day, start), local_dt(day, start + duration))
                        data = BookingInput(
                            slot.start, slot.end, machine_id=m.id, member_id=members[0]
                        )
                        with db.read() as s:
                            try:
                                check_booking(s, data, now=now)
                            except (DomainError, ValidationError):
                                pass
                            else:
                                found.append(slot)
                        start += duration + m.buffer_minutes + step
                        start = -(-start // step) * step
                        if len(found) >= wanted:
                            break
                    if len(found) >= wanted:
                        break
                if len(found) >= wanted:
                    break
            if len(found) >= wanted:
                break
    finally:
        db.dispose()
    if len(found) < wanted:
        raise SystemExit(f"only {len(found)} free slots found, {wanted} needed")
    return found[:conflicts], found[conflicts::2], found[conflicts + 1 :: 2], members[0], members[1]


# --- one desk --------------------------------------------------------------------------


def desk(
    target: str,
    name: str,
    member_id: int,
    conflict_slots: list[Slot],
    own_slots: list[Slot],
    barrier: Any,
    period: float,
    actions: int,
    results: Any,
) -> None:
    """Child process: log in, listen, act in step with the other desk, report."""
    from tierslieu_desktop.db.engine import open_database
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.services.billing import baskets, documents
    from tierslieu_desktop.services.billing.payments import PaymentInput
    from tierslieu_desktop.services.people.accounts import authenticate
    from tierslieu_desktop.services.scheduling.bookings import BookingInput, create_booking

    db = open_database(target)
    report: dict[str, Any] = {"desk": name, "saves": [], "booking_ms": [], "checkout_ms": []}
    heard: dict[tuple[str, int], float] = {}
    stop = threading.Event()
    ready = threading.Event()
    problems: list[str] = []

    def listen() -> None:
        reader = db.feed_reader()
        try:
            reader.open()
        except Exception as exc:
            problems.append(f"listener: {exc}")
            ready.set()
            return
        ready.set()
        while not stop.is_set():
            try:
                got = reader.wait(0.5)
            except Exception as exc:
                problems.append(f"listener: {exc}")
                return
            at = time.time()
            for entity in ("booking", "invoice"):
                for i in got.get(entity) or ():
                    heard.setdefault((entity, i), at)
        reader.close()

    try:
        db.principal = authenticate(db, "admin", "demo")
        actor = db.principal.operator_id
        thread = threading.Thread(target=listen, daemon=True)
        thread.start()
        ready.wait(10)
        # both desks logged in and listening: they start together (within milliseconds)
        barrier.wait(timeout=120)
        start_at = time.time() + 0.5
        conflicts, own = iter(conflict_slots), iter(own_slots)
        outcomes: list[tuple[int, str]] = []  # (conflict pair, saved | code)
        for i in range(actions):
            delay = start_at + i * period - time.time()
            if delay > 0:
                time.sleep(delay)
            if i % 2 == 0:
                j = i // 2
                pair = j // CONFLICT_EVERY if j % CONFLICT_EVERY == 0 else None
                slot = next(conflicts) if pair is not None else next(own)
                data = BookingInput(
                    slot.start, slot.end, machine_id=slot.machine_id, member_id=member_id
                )
                t0 = time.perf_counter()
                try:
                    booking_id = create_booking(db, actor, data)
                except DomainError as exc:
                    report["booking_ms"].append((time.perf_counter() - t0) * 1000)
                    if pair is None:
                        problems.append(f"booking refused: {exc.code}")
                    else:
                        outcomes.append((pair, exc.code))
                    continue
                report["booking_ms"].append((time.perf_counter() - t0) * 1000)
                report["saves"].append(("booking", booking_id, time.time()))
                if pair is not None:
                    outcomes.append((pair, "saved"))
            else:
                basket = baskets.open_basket(db, actor, None)
                baskets.add_free_line(
                    db,
                    actor,
                    basket,
                    designation="Impression A3",
                    quantity_milli=1000,
                    unit="u",
                    unit_price_cents=150 + i,
                )
                total = baskets.get_basket(db, basket).total_cents
                t0 = time.perf_counter()
                invoice_id = documents.validate_basket(
                    db, actor, basket, [PaymentInput("card", total)]
                )
                report["checkout_ms"].append((time.perf_counter() - t0) * 1000)
                report["saves"].append(("invoice", invoice_id, time.time()))
        time.sleep(LISTEN_AFTER_S)
        report["outcomes"] = outcomes
    except Exception as exc:  # reported to the parent, which fails the run
        problems.append(f"{type(exc).__name__}: {exc}")
    finally:
        stop.set()
        report["heard"] = heard
        report["problems"] = problems
        db.dispose()
        results.put(report)


# --- the run ---------------------------------------------------------------------------


def run(target: str, actions: int, period: float) -> dict[str, Any]:
    bookings = math.ceil(actions / 2)
    conflict_slots, pool_a, pool_b, member_a, member_b = slot_pools(target, bookings)
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    barrier = ctx.Barrier(2)
    desks = [
        ctx.Process(
            target=desk,
            args=(target, name, member, conflict_slots, pool, barrier, period, actions, results),
        )
        for name, member, pool in (("A", member_a, pool_a), ("B", member_b, pool_b))
    ]
    for p in desks:
        p.start()
    timeout = 60 + actions * period + LISTEN_AFTER_S
    reports: dict[str, dict[str, Any]] = {}
    try:
        for _ in desks:
            r = results.get(timeout=timeout)
            reports[r["desk"]] = r
    except queue.Empty:
        pass
    for p in desks:
        p.join(timeout=10)
        if p.is_alive():
            p.kill()
    return reports


def summarise(reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    problems = [f"desk {d}: {p}" for d, r in reports.items() for p in r["problems"]]
    if set(reports) != {"A", "B"}:
        problems.append("a desk did not report")
        return {"problems": problems}
    pairs: dict[int, list[str]] = {}
    for r in reports.values():
        for pair, outcome in r["outcomes"]:
            pairs.setdefault(pair, []).append(outcome)
    attempted = len(pairs)
    detected = sum(1 for o in pairs.values() if sorted(o) == ["booking_conflict", "saved"])
    missed = sum(1 for o in pairs.values() if o.count("saved") > 1)
    odd = {k: v for k, v in pairs.items() if sorted(v) != ["booking_conflict", "saved"]}
    saves_ms = [x for r in reports.values() for x in r["booking_ms"] + r["checkout_ms"]]
    seen_s: list[float] = []
    unheard = 0
    for name, r in reports.items():
        other = reports["B" if name == "A" else "A"]
        for entity, entity_id, committed in r["saves"]:
            at = other["heard"].get((entity, entity_id))
            if at is None:
                unheard += 1
                problems.append(f"desk {name}'s {entity} {entity_id} never heard at the other")
            else:
                seen_s.append(max(0.0, at - committed))
    return {
        "problems": problems,
        "attempted": attempted,
        "detected": detected,
        "missed": missed,
        "odd": odd,
        "saves": len(saves_ms),
        "booking_p50": percentile([x for r in reports.values() for x in r["booking_ms"]], 50),
        "booking_p95": percentile([x for r in reports.values() for x in r["booking_ms"]], 95),
        "checkout_p50": percentile([x for r in reports.values() for x in r["checkout_ms"]], 50),
        "checkout_p95": percentile([x for r in reports.values() for x in r["checkout_ms"]], 95),
        "save_p95": percentile(saves_ms, 95),
        "changes": len(seen_s) + unheard,
        "unheard": unheard,
        "seen_p50": percentile(seen_s, 50),
        "seen_p95": percentile(seen_s, 95),
        "seen_max": max(seen_s) if seen_s else math.nan,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="length of the run")
    parser.add_argument("--db", type=Path, help="the small demo (SQLite) to start from")
    parser.add_argument("--smoke", action="store_true", help="a few seconds, no target")
    args = parser.parse_args(argv)
    period = SMOKE_PERIOD_S if args.smoke else PERIOD_S
    actions = SMOKE_ACTIONS if args.smoke else max(2, int(args.minutes * 60 / period))
    folder = Path(tempfile.mkdtemp(prefix="tierslieu-two-desks-"))
    # the anchor log of the copy's invoices in a folder of the run's own (the copy has
    # the demo's identity: its anchors must not follow the demo file)
    os.environ["TIERSLIEU_DATA_DIR"] = str(folder / "data")
    source = small_demo(args.db)
    server = server_url()
    dropped = ""
    try:
        if server:
            target, dropped = postgresql_copy(source, server)
            engine = "PostgreSQL"
        else:
            target = sqlite_copy(source, folder)
            engine = "SQLite (one file, two processes)"
        print(
            f"two desks on {engine}: {actions} actions each, one every {period:g} s "
            f"({actions * period / 60:.1f} min)"
        )
        started = time.perf_counter()
        s = summarise(run(target, actions, period))
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if dropped:
            _admin(server, f'DROP DATABASE IF EXISTS "{dropped}" WITH (FORCE)')
    for problem in s["problems"]:
        print(f"PROBLEM {problem}")
    if "attempted" not in s:
        return 1
    print(
        f"conflicts: {s['detected']} detected of {s['attempted']} attempted, "
        f"{s['missed']} missed (both saved)" + (f", odd outcomes {s['odd']}" if s["odd"] else "")
    )
    print(
        f"saves: {s['saves']}; booking p50 {s['booking_p50']:.1f} ms, p95 "
        f"{s['booking_p95']:.1f} ms; checkout p50 {s['checkout_p50']:.1f} ms, p95 "
        f"{s['checkout_p95']:.1f} ms; all saves p95 {s['save_p95']:.1f} ms "
        f"(target <= {TARGET_SAVE_P95_MS:.0f})"
    )
    print(
        f"the other desk sees each change: p50 {s['seen_p50']:.2f} s, p95 "
        f"{s['seen_p95']:.2f} s, max {s['seen_max']:.2f} s (target p95 <= "
        f"{TARGET_SEEN_P95_S:.0f}); {s['unheard']} of {s['changes']} never heard"
    )
    print(f"run took {elapsed:.0f} s")
    broken = bool(s["problems"]) or s["missed"] or s["odd"] or s["unheard"]
    if args.smoke:
        print("smoke run: targets not judged")
        return 1 if broken else 0
    ok = not broken and s["save_p95"] <= TARGET_SAVE_P95_MS and s["seen_p95"] <= TARGET_SEEN_P95_S
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
