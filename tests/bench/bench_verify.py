"""Benchmark: ``tierslieu verify`` over 50,000 sealed documents (invoices and payments).

Run from the project root:  python tests/bench/bench_verify.py [--db FILE] [--rebuild] [--runs N]

Without ``--db`` a ledger database is built once into
``<temp dir>/tierslieu-bench/ledger-50000.sqlite`` and reused: 25,000 invoices over three
years (one to three lines each, 20 % / 0 % VAT, a few credit notes), 25,000 payments,
twelve month closings, every record sealed in the integrity chain. The rows are inserted
in bulk in one transaction and sealed with the ledger's own canonical content and chain
functions (the content is read back from the database, as ``seal`` does). Then
``services.safety.integrity.verify`` (SQLite checks, bookings, and the whole ledger: chain,
contents, numbering, closings) is timed: median of ``--runs`` (default 3) after one
warm-up. Target: <= 10 s.

In the same run (issue 14, point 6), the raw reference: the same rows read with sqlite3
alone, turned into the same canonical bytes by a minimal converter, hashed with hashlib
and the chain's footprints recomputed — every content hash and footprint must equal the
stored one (proof that the bytes are the same). Printed: the ledger check
(``verify_ledger``: chain, contents, numbering, closings) against it, and the whole
``verify`` against the same work done plainly: that reference plus SQLite's
``PRAGMA integrity_check`` over the file through sqlite3 (the check ``verify`` runs,
on a connection of its own beside the hashing), one after the other. Targets: each
<= 2x. The whole ``verify`` also compares the anchor log (a line per entry, read and
compared with the chain), the foreign keys, the bookings' overlaps and the numbers of
the members: work the reference leaves to it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from sqlalchemy import insert, select

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.db.models import (
    DocumentCounter,
    IntegrityEntry,
    Invoice,
    InvoiceLine,
    Payment,
)
from tierslieu_desktop.i18n.findings import words
from tierslieu_desktop.services.billing import ledger
from tierslieu_desktop.services.safety.integrity import verify

TARGET_S = 10.0
TARGET_RATIO = 2.0
INVOICES = 25_000
METHODS = ("cash", "card", "cheque", "transfer", "pass_numerique", "wallet")


def _build(db: Database, seed: int = 46400) -> int:
    rng = random.Random(seed)
    start = datetime(2023, 1, 2, 8, 0, tzinfo=UTC)
    span = (datetime(2025, 12, 31, 18, 0, tzinfo=UTC) - start).total_seconds()
    stamps = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(INVOICES))
    counters: dict[tuple[str, str], int] = {}
    invoices, lines, payments = [], [], []
    for index, at in enumerate(stamps, start=1):
        kind = "credit_note" if rng.random() < 0.02 else "invoice"
        series = kind
        period = str(at.year)
        counters[(series, period)] = counters.get((series, period), 0) + 1
        counter = counters[(series, period)]
        prefix = "AV" if kind == "credit_note" else "F"
        excl_total = vat_total = 0
        for position in range(1, rng.randint(1, 3) + 1):
            incl = rng.randint(100, 20_000)
            rate = 2000 if rng.random() < 0.8 else 0
            excl = (incl * 10000 * 2 + (10000 + rate)) // (2 * (10000 + rate))
            lines.append(
                {
                    "invoice_id": index,
                    "position": position,
                    "kind": "usage",
                    "revenue_kind": "usage",
                    "designation": f"Usage machine {position}",
                    "detail": "",
                    "quantity_milli": 1000,
                    "unit": "h",
                    "unit_price_excl_cents": excl,
                    "vat_rate_bp": rate,
                    "vat_mention": "" if rate else "TVA non applicable, art. 261-7-1° du CGI",
                    "list_cents": incl,
                    "discount_cents": 0,
                    "total_excl_cents": excl,
                    "vat_cents": incl - excl,
                    "total_incl_cents": incl,
                }
            )
            excl_total += excl
            vat_total += incl - excl
        incl_total = excl_total + vat_total
        invoices.append(
            {
                "id": index,
                "kind": kind,
                "series": series,
                "period": period,
                "counter": counter,
                "number": f"{prefix}{period}-{counter:06}",
                "issued_at": at,
                "due_date": at.date(),
                "member_id": None,
                "buyer_is_business": False,
                "buyer_json": json.dumps({"name": f"Adhérent {index}"}),
                "seller_json": json.dumps({"name": "Le Fablab du Lot"}),
                "vat_regime": "liable",
                "mentions": "",
                "total_excl_cents": excl_total,
                "total_vat_cents": vat_total,
                "total_incl_cents": incl_total,
                "desk": "Accueil",
                "note": "",
            }
        )
        sign = -1 if kind == "credit_note" else 1
        payments.append(
            {
                "invoice_id": index,
                "at": at + timedelta(seconds=5),
                "method": rng.choice(METHODS),
                "amount_cents": sign * incl_total,
                "cheque_number": "",
                "bank": "",
                "reference": "",
                "desk": "Accueil",
            }
        )
    with db.write() as s:
        s.execute(insert(Invoice), invoices)
        s.execute(insert(InvoiceLine), lines)
        s.execute(insert(Payment), payments)
        s.execute(
            insert(DocumentCounter),
            [{"series": k[0], "period": k[1], "last_value": v} for k, v in counters.items()],
        )
        # seal in the order the documents were written, from the rows as stored
        inv_rows = {r["id"]: r for r in s.execute(select(Invoice.__table__)).mappings()}
        line_rows: dict[int, list] = {}
        for r in s.execute(select(InvoiceLine.__table__)).mappings():
            line_rows.setdefault(r["invoice_id"], []).append(r)
        pay_rows = s.execute(select(Payment.__table__).order_by(Payment.id)).mappings().all()
        events = [
            (r["issued_at"], 0, r["kind"], r["id"], ledger.invoice_content(r, line_rows[r["id"]]))
            for r in inv_rows.values()
        ]
        events += [(r["at"], 1, "payment", r["id"], ledger.payment_content(r)) for r in pay_rows]
        events.sort(key=lambda e: (e[0], e[1], e[3]))
        previous = ledger.GENESIS
        entries = []
        for at, _order, kind, record_id, content in events:
            digest = ledger.content_hash(content)
            footprint = ledger.chain_footprint(previous, digest)
            entries.append(
                {
                    "record_kind": kind,
                    "record_id": record_id,
                    "at": at,
                    "content_hash": digest,
                    "previous_footprint": previous,
                    "footprint": footprint,
                }
            )
            previous = footprint
        s.execute(insert(IntegrityEntry), entries)
    # a year of month closings (each sealed by close_period itself)
    for month in range(1, 13):
        ledger.close_period(db, None, "month", date(2025, month, 1))
    return len(invoices) + len(payments)


def ensure_ledger_db(path: Path | None, rebuild: bool) -> Path:
    if path is None:
        folder = Path(tempfile.gettempdir()) / "tierslieu-bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"ledger-{2 * INVOICES}.sqlite"
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    if not path.exists():
        t0 = time.perf_counter()
        db = open_database(str(path))
        try:
            count = _build(db)
        finally:
            db.dispose()
        print(f"built {path} : {count} documents in {time.perf_counter() - t0:.1f} s")
    return path


def _raw_rows(con: sqlite3.Connection, table: str) -> list[dict]:
    """The rows of ``table`` as canonical dicts: DATETIME text to ISO "…Z", booleans as
    booleans, ``member_id`` as its hash (what services.chain does from the ORM types)."""
    kinds = {
        name: decl.upper() for _cid, name, decl, *_ in con.execute(f"PRAGMA table_info({table})")
    }
    cur = con.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cur.description]
    stamps = [i for i, n in enumerate(names) if kinds[n] == "DATETIME"]
    flags = [i for i, n in enumerate(names) if kinds[n] == "BOOLEAN"]
    member = names.index("member_id") if "member_id" in names else -1
    keys = ["member_ref" if n == "member_id" else n for n in names]
    out = []
    for row in cur:
        values = list(row)
        for i in stamps:
            v = values[i]
            if v is not None:
                values[i] = f"{v[:10]}T{v[11:19]}.{(v[20:] + '000000')[:6]}Z"
        for i in flags:
            if values[i] is not None:
                values[i] = bool(values[i])
        if member >= 0 and values[member] is not None:
            values[member] = hashlib.sha256(f"member:{values[member]}".encode()).hexdigest()
        out.append(dict(zip(keys, values, strict=True)))
    return out


def raw_reference(path: Path) -> tuple[int, int]:
    """Recompute every content hash and footprint with sqlite3 and hashlib alone:
    (entries checked, entries whose hash or footprint differs from the stored one)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dumps = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
        lines: dict[int, list[dict]] = {}
        for line in _raw_rows(con, "invoice_line"):
            lines.setdefault(line["invoice_id"], []).append(line)
        contents: dict[tuple[str, int], dict] = {}
        for inv in _raw_rows(con, "invoice"):
            inv["lines"] = sorted(lines.get(inv["id"], []), key=lambda r: (r["position"], r["id"]))
            contents[("invoice", inv["id"])] = inv
        for kind, table in (
            ("payment", "payment"),
            ("closing", "closing"),
            ("wallet", "wallet_movement"),
        ):
            for row in _raw_rows(con, table):
                contents[(kind, row["id"])] = row
        wrong = n = 0
        previous = "0" * 64
        for kind, record_id, at, digest, prev, footprint, version in con.execute(
            "SELECT record_kind, record_id, at, content_hash, previous_footprint, footprint,"
            " version FROM integrity_entry ORDER BY id"
        ):
            n += 1
            group = "invoice" if kind in ("invoice", "credit_note") else kind
            content = contents.get((group, record_id))
            ok = content is not None and (
                hashlib.sha256(dumps(content).encode()).hexdigest() == digest
            )
            if version == 1:
                payload = (prev + digest).encode("ascii")
            else:
                when = f"{at[:10]}T{at[11:19]}.{(at[20:] + '000000')[:6]}Z"
                payload = (
                    f'{{"at":"{when}","content_hash":"{digest}","previous":"{prev}",'
                    f'"record_id":{record_id},"record_kind":"{kind}","v":2}}'
                ).encode("ascii")
            ok = ok and prev == previous and hashlib.sha256(payload).hexdigest() == footprint
            wrong += not ok
            previous = footprint
        return n, wrong
    finally:
        con.close()


def raw_integrity_check(path: Path) -> list[str]:
    """SQLite's whole-file check, as ``verify`` runs it, through sqlite3 alone."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--smoke", action="store_true", help="one run on a copy of --db (a small demo)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        if args.db is None or not args.db.exists():
            raise SystemExit("--smoke needs --db FILE, an existing (small) demo")
        source, args.runs = args.db, 1
    else:
        source = ensure_ledger_db(args.db, args.rebuild)
    # A copy: opening a file of an older revision migrates it, and the cached file is
    # shared by every branch's benchmarks.
    with tempfile.TemporaryDirectory(prefix="tierslieu-verify-") as folder:
        path = Path(folder) / "ledger.sqlite"
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(path)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return _bench(path, args.runs, smoke=args.smoke)


def _bench(path: Path, runs: int, *, smoke: bool) -> int:
    db = open_database(str(path), create=False)
    try:
        with db.read() as s:
            documents = s.query(Invoice).count() + s.query(Payment).count()
            chained = s.query(IntegrityEntry).count()
        problems = words(verify(db), "fr")  # warm-up
        if problems:
            print("verify found problems on the bench database:", *problems[:5], sep="\n  ")
            return 1
        times, ledger_times, raw_times, file_times = [], [], [], []
        cpu: dict[str, list[float]] = {"verify": [], "raw": [], "file": []}
        checked = wrong = 0
        file_check: list[str] = []
        for _ in range(runs):  # interleaved: the machine's noise falls on all four
            t0, c0 = time.perf_counter(), time.process_time()
            verify(db)
            times.append(time.perf_counter() - t0)
            cpu["verify"].append(time.process_time() - c0)  # both threads of verify
            t0 = time.perf_counter()
            ledger.verify_ledger(db)
            ledger_times.append(time.perf_counter() - t0)
            t0, c0 = time.perf_counter(), time.process_time()
            checked, wrong = raw_reference(path)
            raw_times.append(time.perf_counter() - t0)
            cpu["raw"].append(time.process_time() - c0)
            t0, c0 = time.perf_counter(), time.process_time()
            file_check = raw_integrity_check(path)
            file_times.append(time.perf_counter() - t0)
            cpu["file"].append(time.process_time() - c0)
    finally:
        db.dispose()
    median = statistics.median(times)
    ok = median <= TARGET_S
    print(f"documents (invoices + credit notes + payments): {documents}, chain entries: {chained}")
    print(
        f"verify: median {median:.2f} s over {runs} runs "
        f"(min {min(times):.2f}, max {max(times):.2f}); {documents / median:,.0f} documents/s"
    )
    raw = statistics.median(raw_times)
    ledger_median = statistics.median(ledger_times)
    print(
        f"raw reference (sqlite3 + hashlib, same bytes): median {raw:.2f} s over {checked:,} "
        f"entries, {wrong} differing from the stored hashes"
    )
    raw_file = statistics.median(file_times)
    print(
        f"raw integrity_check (sqlite3, PRAGMA integrity_check): median {raw_file:.2f} s, "
        f"{'ok' if file_check == ['ok'] else file_check[:3]}"
    )
    ratio = ledger_median / raw
    whole = median / (raw + raw_file)
    cpu_verify, cpu_raw, cpu_file = (statistics.median(cpu[k]) for k in ("verify", "raw", "file"))
    print(
        f"CPU time of this process (a check on a busy machine): verify {cpu_verify:.2f} s, "
        f"raw {cpu_raw:.2f} s + integrity_check {cpu_file:.2f} s = "
        f"{cpu_verify / (cpu_raw + cpu_file):.2f}x ({cpu_verify / cpu_raw:.2f}x the hashing alone)"
    )
    if smoke:
        print("smoke run: targets not judged")
        return 1 if wrong or file_check != ["ok"] else 0
    print(f"target <= {TARGET_S:.0f} s: {'met' if ok else 'MISSED'}")
    ratio_ok = ratio <= TARGET_RATIO and not wrong
    whole_ok = whole <= TARGET_RATIO
    print(
        f"ledger check (chain, contents, numbering, closings): median {ledger_median:.2f} s = "
        f"{ratio:.2f}x raw (target <= {TARGET_RATIO:.0f}x): {'met' if ratio_ok else 'MISSED'}"
    )
    print(
        f"whole verify (with SQLite's checks, the bookings and the anchors) = {whole:.2f}x "
        f"raw + integrity_check ({median / raw:.2f}x the raw hashing alone) "
        f"(target <= {TARGET_RATIO:.0f}x): {'met' if whole_ok else 'MISSED'}"
    )
    return 0 if ok and ratio_ok and whole_ok else 1


if __name__ == "__main__":
    sys.exit(main())
