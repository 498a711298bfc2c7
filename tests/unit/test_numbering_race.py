"""Four desks issue invoices at the same time on one SQLite file; one desk is killed
(SIGKILL) in the middle of issuing, after it took its number. The numbers are still
1..N without gap nor duplicate, and every number belongs to a committed invoice."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import DocumentCounter, IntegrityEntry, Invoice, Structure
from tierslieu_desktop.services.billing.ledger import verify_ledger

PER_DESK = 8
KILL_AT = 3  # the victim dies while issuing its 3rd invoice
TIMEOUT = 60

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _desk(path: str, desk: str, victim: bool, signal_file: str, barrier, results) -> None:
    """Child process: issue PER_DESK invoices, one basket each."""
    from tierslieu_desktop.services.billing import baskets, documents, payments

    if victim:
        real_seal = documents.seal
        issued = [0]

        def slow_seal(session: Session, kind: str, record_id: int, at: datetime) -> str:
            if kind == "invoice":
                issued[0] += 1
                if issued[0] == KILL_AT:  # number taken, transaction open: die here
                    Path(signal_file).write_text("in transaction")
                    time.sleep(TIMEOUT)
            return real_seal(session, kind, record_id, at)

        documents.seal = slow_seal
    db = open_database(path)
    numbers = []
    try:
        barrier.wait(timeout=TIMEOUT)
        for i in range(PER_DESK):
            basket = baskets.open_basket(db, None, None)
            baskets.add_free_line(
                db,
                None,
                basket,
                designation=f"Impression {desk}{i}",
                quantity_milli=1000,
                unit="",
                unit_price_cents=100 + i,
            )
            invoice_id = documents.validate_basket(
                db, None, basket, [payments.PaymentInput("card", 100 + i)], desk=desk
            )
            numbers.append(documents.get_invoice(db, invoice_id).number)
    except Exception as exc:  # reported to the parent, which fails the test
        numbers.append(f"{type(exc).__name__}: {exc}")
    finally:
        db.dispose()
        results.put((desk, numbers))


def test_numbers_stay_gapless_when_desks_race_and_one_dies(tmp_path):
    path = str(tmp_path / "shared.sqlite")
    db = open_database(path)
    with db.write() as s:
        s.add(Structure(id=1, name="Fab'Causse", vat_regime="exempt_non_profit"))
    db.dispose()
    signal_file = str(tmp_path / "victim-in-transaction")
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(4)
    results = ctx.Queue()
    desks = {
        name: ctx.Process(
            target=_desk, args=(path, name, name == "D", signal_file, barrier, results)
        )
        for name in "ABCD"
    }
    for p in desks.values():
        p.start()
    deadline = time.monotonic() + TIMEOUT
    while not os.path.exists(signal_file):
        assert time.monotonic() < deadline, "the victim never reached its 3rd invoice"
        assert desks["D"].is_alive()
        time.sleep(0.02)
    os.kill(desks["D"].pid, signal.SIGKILL)
    outcome = {}
    for _ in range(3):
        desk, numbers = results.get(timeout=TIMEOUT)
        outcome[desk] = numbers
    for p in desks.values():
        p.join(timeout=TIMEOUT)
    assert desks["D"].exitcode == -signal.SIGKILL
    for desk, numbers in outcome.items():
        assert len(numbers) == PER_DESK and all(n.startswith("F") for n in numbers), (
            desk,
            numbers,
        )

    db = open_database(path)
    try:
        with db.read() as s:
            invoices = list(s.execute(select(Invoice.counter, Invoice.number, Invoice.id)))
            last = s.scalar(select(DocumentCounter.last_value))
            sealed = set(
                s.scalars(
                    select(IntegrityEntry.record_id).where(IntegrityEntry.record_kind == "invoice")
                )
            )
        problems = verify_ledger(db)
    finally:
        db.dispose()
    assert problems == []  # the chain survived the crash
    total = len(invoices)
    # the three survivors' invoices and the victim's first two; its 3rd never happened
    assert total == 3 * PER_DESK + KILL_AT - 1
    assert sorted(c for c, _, _ in invoices) == list(range(1, total + 1))
    assert last == total  # the dead desk's number was given back with its transaction
    assert {n for _, n, _ in invoices} == {f"F{n[1:5]}-{c:06d}" for c, n, _ in invoices}
    assert len({n for _, n, _ in invoices}) == total
    issued_by_survivors = {n for numbers in outcome.values() for n in numbers}
    assert issued_by_survivors <= {n for _, n, _ in invoices}
    assert sealed == {i for _, _, i in invoices}
