"""Two desks acting at the same moment (issue 20 point 4): the numbering and the
integrity chain are serialised by the database server — no duplicate number, no gap, no
forked chain — and the "what is left" checks of a credit note, a payment and a basket
hold when both desks act on the same document at once. Two ``Database`` objects on one
file or server, one thread each; on both engines through the ``db`` fixture. A short
pause after each desk has read what is left (before it writes) makes the race certain
instead of lucky."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import IntegrityEntry, Invoice, Payment, Structure
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.billing import baskets, credit_notes, documents, payments
from tierslieu_desktop.services.billing.ledger import verify_ledger

PAUSE = 0.3  # seconds a desk waits between reading what is left and writing


@pytest.fixture
def desks(db):
    with db.write() as s:
        s.add(Structure(id=1, name="Fab'Causse", vat_regime="exempt_non_profit"))
    other = open_database(db.target)
    yield db, other
    other.dispose()


def _basket(db, label: str, cents: int = 1000) -> int:
    basket = baskets.open_basket(db, None, None)
    baskets.add_free_line(
        db,
        None,
        basket,
        designation=label,
        quantity_milli=1000,
        unit="",
        unit_price_cents=cents,
    )
    return basket


def _invoice(db, label: str, paid: bool = True) -> int:
    basket = _basket(db, label)
    pay = [payments.PaymentInput("card", 1000)] if paid else []
    return documents.validate_basket(db, None, basket, pay)


def _both(actions: list[Callable[[], Any]]) -> list[Any]:
    """Run each action in its own thread, started together; their results or errors."""
    barrier = threading.Barrier(len(actions))
    out: list[Any] = [None] * len(actions)

    def run(i: int) -> None:
        barrier.wait(timeout=30)
        try:
            out[i] = actions[i]()
        except Exception as exc:  # reported below
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return out


def _slowed(monkeypatch, module: Any, name: str) -> None:
    real = getattr(module, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(PAUSE)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)


def _chain_is_one_line(db) -> None:
    with db.read() as s:
        rows = list(s.execute(select(IntegrityEntry.previous_footprint, IntegrityEntry.footprint)))
    previous = [p for p, _ in rows]
    assert len(previous) == len(set(previous))  # no footprint followed twice: no fork
    assert verify_ledger(db) == []


def test_two_desks_issuing_invoices_and_credit_notes_at_once(desks, monkeypatch):
    a, b = desks
    to_credit = [_invoice(a, f"Avant {i}") for i in range(4)]
    _slowed(monkeypatch, documents, "take_number")
    _slowed(monkeypatch, credit_notes, "take_number")

    def desk(db, name: str, credit: list[int]) -> list[str]:
        done = []
        for i in range(3):
            invoice = _invoice(db, f"{name}{i}")
            done.append(documents.get_invoice(db, invoice).number)
            if i < len(credit):
                note = credit_notes.create_credit_note(db, None, credit[i], reason="Erreur")
                done.append(documents.get_invoice(db, note).number)
        return done

    out = _both([lambda: desk(a, "A", to_credit[:2]), lambda: desk(b, "B", to_credit[2:])])
    for result in out:
        assert isinstance(result, list), result
    with a.read() as s:
        rows = list(s.execute(select(Invoice.kind, Invoice.counter, Invoice.number)))
    for kind, expected in (("invoice", 4 + 6), ("credit_note", 4)):
        counters = sorted(c for k, c, _ in rows if k == kind)
        assert counters == list(range(1, expected + 1)), kind  # gapless, no duplicate
    assert len({n for _, _, n in rows}) == len(rows)
    _chain_is_one_line(a)


def test_one_invoice_credited_at_once_by_two_desks_is_credited_once(desks, monkeypatch):
    a, b = desks
    invoice = _invoice(a, "Découpe laser")
    _slowed(monkeypatch, credit_notes, "take_number")
    out = _both(
        [
            lambda: credit_notes.create_credit_note(a, None, invoice, reason="Erreur A"),
            lambda: credit_notes.create_credit_note(b, None, invoice, reason="Erreur B"),
        ]
    )
    refused = [r for r in out if isinstance(r, DomainError)]
    issued = [r for r in out if isinstance(r, int)]
    assert len(issued) == 1 and len(refused) == 1, out
    assert refused[0].code == "credit_exceeds_invoice"
    with a.read() as s:
        credited = s.scalar(
            select(func.sum(Invoice.total_incl_cents)).where(Invoice.credited_invoice_id == invoice)
        )
    assert credited == 1000
    _chain_is_one_line(a)


def test_one_balance_paid_at_once_by_two_desks_is_paid_once(desks, monkeypatch):
    a, b = desks
    invoice = _invoice(a, "Impression 3D", paid=False)
    _slowed(monkeypatch, payments, "settle")
    out = _both(
        [
            lambda: payments.add_payment(a, None, invoice, payments.PaymentInput("cash", 1000)),
            lambda: payments.add_payment(b, None, invoice, payments.PaymentInput("card", 1000)),
        ]
    )
    refused = [r for r in out if isinstance(r, DomainError)]
    assert len(refused) == 1 and refused[0].code == "invoice_already_paid", out
    with a.read() as s:
        paid = s.scalar(select(func.sum(Payment.amount_cents)).where(Payment.invoice_id == invoice))
    assert paid == 1000
    _chain_is_one_line(a)


def test_one_basket_validated_at_once_by_two_desks_is_invoiced_once(desks, monkeypatch):
    a, b = desks
    basket = _basket(a, "Vinyle")
    _slowed(monkeypatch, documents, "take_number")
    out = _both(
        [
            lambda: documents.validate_basket(a, None, basket, []),
            lambda: documents.validate_basket(b, None, basket, []),
        ]
    )
    refused = [r for r in out if isinstance(r, DomainError)]
    assert len(refused) == 1 and refused[0].code == "basket_not_open", out
    with a.read() as s:
        assert s.scalar(select(func.count()).select_from(Invoice)) == 1
    _chain_is_one_line(a)


def test_the_last_seat_taken_at_once_by_two_desks_is_given_once(desks, monkeypatch):
    from datetime import UTC, datetime, timedelta

    from tierslieu_desktop.db.models import Registration
    from tierslieu_desktop.services.activity import registrations
    from tierslieu_desktop.services.activity import sessions as activities
    from tierslieu_desktop.services.people.members import MemberInput, save_member

    a, b = desks
    workshop = activities.save_activity(
        a, None, activities.ActivityInput(name="Atelier courriel", kind="digital_workshop")
    )
    start = datetime.now(UTC) + timedelta(days=30)
    session_id = activities.create_session(
        a,
        None,
        activities.SessionInput(
            activity_id=workshop, start_at=start, end_at=start + timedelta(hours=2), capacity=1
        ),
    )
    ana = save_member(a, None, MemberInput(first_name="Ana", last_name="Bru"))
    ben = save_member(a, None, MemberInput(first_name="Ben", last_name="Cayrou"))
    _slowed(monkeypatch, registrations, "_check_registration")
    out = _both(
        [
            lambda: registrations.register(
                a, None, registrations.RegistrationInput(session_id=session_id, member_id=ana)
            ),
            lambda: registrations.register(
                b, None, registrations.RegistrationInput(session_id=session_id, member_id=ben)
            ),
        ]
    )
    statuses = sorted(r.status for r in out if not isinstance(r, Exception))
    assert statuses == ["registered", "waiting"], out  # one seat, one waiting list place
    with a.read() as s:
        seated = s.scalar(
            select(func.count())
            .select_from(Registration)
            .where(Registration.session_id == session_id, Registration.status == "registered")
        )
    assert seated == 1


def test_one_wallet_debited_at_once_by_two_desks_never_goes_below_zero(desks, monkeypatch):
    from tierslieu_desktop.services.people.members import MemberInput, save_member
    from tierslieu_desktop.services.pricing import packs

    a, b = desks
    lou = save_member(a, None, MemberInput(first_name="Lou", last_name="Bach"))
    packs.wallet_credit(a, None, lou, 1000, note="Dépôt")
    _slowed(monkeypatch, packs, "balance_in")
    out = _both(
        [
            lambda: packs.wallet_debit(a, None, lou, 800, note="Découpe"),
            lambda: packs.wallet_debit(b, None, lou, 800, note="Impression"),
        ]
    )
    refused = [r for r in out if isinstance(r, DomainError)]
    assert len(refused) == 1 and refused[0].code == "wallet_insufficient", out
    assert packs.wallet_balance(a, lou) == 200
