"""Benchmark: invoice PDFs — one invoice, and a batch of 1,000 issued with their PDFs.

Run from the project root:  python tests/bench/bench_invoice_pdf.py [--count N]

1. ``render_invoice`` on 200 different in-memory invoices (franchise, VAT-liable to a
   company, exempt association, credit notes, 1 to 40 lines, with the demo logo and an
   EPC QR code when something is due): median and p95. Target: median <= 40 ms.
2. A batch of 1,000 invoices on a fresh database: for each, a basket with three free
   lines, ``validate_basket`` (number, seal, payment) then ``get_invoice`` and
   ``render_invoice``; total wall time. Target: <= 60 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

try:
    import tierslieu_desktop  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

import invoice_doc_samples as samples

from tierslieu_desktop.reports import invoice_pdf

TARGET_ONE_MS = 40.0
TARGET_BATCH_S = 60.0


def sample_docs(count: int) -> list:
    makers = [
        samples.franchise_person,
        samples.liable_company,
        samples.exempt_association,
        samples.credit_note,
        lambda: samples.franchise_person(paid=True),
    ]
    docs = []
    for i in range(count):
        doc = makers[i % len(makers)]()
        extra = [
            samples.line(
                10 + k,
                f"Impression 3D — pièce {k}",
                500 + 37 * k,
                "h",
                300 + k,
                0,
                samples.FRANCHISE,
            )
            for k in range(i % 37)
        ]
        docs.append(dataclasses.replace(doc, number=f"F2026-{i:06}", lines=doc.lines + extra))
    return docs


def bench_render(logo: bytes, n: int = 200) -> float:
    docs = sample_docs(n)
    for doc in docs[:5]:  # warm-up (fonts, imports)
        invoice_pdf.render_invoice(doc, logo=logo)
    times, cpu = [], []
    for doc in docs:
        start, start_cpu = time.perf_counter(), time.process_time()
        invoice_pdf.render_invoice(doc, logo=logo)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    median = statistics.median(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"render_invoice, {n} invoices: median {median:.1f} ms, p95 {p95:.1f} ms, "
        f"max {times[-1]:.1f} ms, CPU median {statistics.median(cpu):.1f} ms "
        f"(target: median <= {TARGET_ONE_MS:.0f} ms)"
    )
    return median


def bench_batch(count: int, logo: bytes, folder: Path) -> float:
    from tierslieu_desktop.db.engine import open_database
    from tierslieu_desktop.db.models import Member, Structure
    from tierslieu_desktop.services.billing import baskets, documents
    from tierslieu_desktop.services.billing.payments import PaymentInput
    from tierslieu_desktop.services.people.operators import ensure_operator

    db = open_database(str(folder / "bench-invoices.sqlite"))
    actor = ensure_operator(db)
    with db.write() as s:
        s.add(
            Structure(
                id=1,
                name="Fab'Causse",
                legal_form="Association loi 1901",
                siret="73282932000074",
                address="2 place de la Halle",
                postcode="46160",
                city="Cajarc",
                vat_regime="liable",
                vat_number="FR32732829320",
                payment_terms_days=30,
                default_vat_rate_bp=2000,
                iban=samples.IBAN,
                bic=samples.BIC,
            )
        )
        members = [
            Member(
                number=f"A{i:05}",
                first_name="Membre",
                last_name=f"N{i}",
                address=f"{i} rue du Lot",
                postcode="46100",
                city="Figeac",
                sort_name=f"n{i} membre",
                kind="organisation" if i % 4 == 0 else "person",
            )
            for i in range(200)
        ]
        s.add_all(members)
        s.flush()
        member_ids = [m.id for m in members]
    out = folder / "pdf"
    out.mkdir()
    at = datetime(2026, 11, 2, 9, tzinfo=UTC)
    start = time.perf_counter()
    for i in range(count):
        basket = baskets.open_basket(db, actor, member_ids[i % len(member_ids)])
        for k in range(3):
            baskets.add_free_line(
                db,
                actor,
                basket,
                designation=f"Prestation {k}",
                quantity_milli=1000 + 250 * k,
                unit="h",
                unit_price_cents=1200 + 100 * k,
            )
        payments = [PaymentInput("card", 1000)] if i % 2 else []
        invoice_id = documents.validate_basket(
            db, actor, basket, payments, issued_at=at + timedelta(minutes=i)
        )
        doc = documents.get_invoice(db, invoice_id)
        (out / f"{doc.number}.pdf").write_bytes(invoice_pdf.render_invoice(doc, logo=logo))
    elapsed = time.perf_counter() - start
    db.dispose()
    print(
        f"batch: {count} invoices issued with their PDFs in {elapsed:.1f} s "
        f"({elapsed / count * 1000:.1f} ms each; target <= {TARGET_BATCH_S:.0f} s for 1,000)"
    )
    return elapsed * 1000 / count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="invoices in the batch")
    parser.add_argument("--smoke", action="store_true", help="10 invoices of each, no target")
    parser.add_argument("--db", type=Path, help="unused: the batch has its own database")
    args = parser.parse_args(argv)
    logo = (resources.files("tierslieu_desktop") / "resources" / "demo-logo.png").read_bytes()
    median = bench_render(logo, 10 if args.smoke else 200)
    with tempfile.TemporaryDirectory() as tmp:
        per_invoice_ms = bench_batch(10 if args.smoke else args.count, logo, Path(tmp))
    if args.smoke:
        print("smoke run: targets not judged")
        return 0
    ok_one = median <= TARGET_ONE_MS
    ok_batch = per_invoice_ms * 1000 / 1000 <= TARGET_BATCH_S
    print(
        f"render_invoice median: {'OK' if ok_one else 'MISSED'}; "
        f"batch of 1,000: {'OK' if ok_batch else 'MISSED'}"
    )
    return 0 if ok_one and ok_batch else 1


if __name__ == "__main__":
    sys.exit(main())
