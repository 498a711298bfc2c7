"""Permissions enforced in the services, on the small demo (issue 19 point 1): what each
role of the matrix may do at the lab, as the desk would do it — an Accueil account takes
a payment but issues no credit note, reads no finances and closes no day; Trésorerie
closes a day and issues a credit note; Médiation logs a drop-in but checks out no basket;
Administration does all of it. A refusal writes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from shared_demo import small_demo_copy

from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.domain.calendar import utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Principal, Role
from tierslieu_desktop.services.activity import dropins
from tierslieu_desktop.services.activity.dropins import DropInInput
from tierslieu_desktop.services.billing import baskets, credit_notes, documents, ledger
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.people import accounts
from tierslieu_desktop.services.reporting import annual


@pytest.fixture
def lab(tmp_path):
    path = small_demo_copy(tmp_path / "demo.sqlite")
    database = open_database(str(path))
    yield database, path
    database.dispose()


def _log_in(db: Database, name: str, role: Role) -> Principal:
    """A new account of ``role`` (created as the system: nobody logged in), logged in."""
    db.principal = None
    accounts.create_account(db, name, {role}, "4821")
    who = accounts.authenticate(db, name, "4821")
    db.principal = who
    return who


def _count(path, sql: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def _basket_status(path, basket_id: int) -> str:
    con = sqlite3.connect(path)
    try:
        return str(
            con.execute("SELECT status FROM basket WHERE id = ?", (basket_id,)).fetchone()[0]
        )
    finally:
        con.close()


def _open_day(path) -> date:
    """The first day after the demo's last closed day (before today: it can be closed)."""
    con = sqlite3.connect(path)
    try:
        (last,) = con.execute("SELECT max(period_start) FROM closing WHERE kind = 'day'").fetchone()
    finally:
        con.close()
    day = date.fromisoformat(last) + timedelta(days=1)
    assert day < utcnow().date()
    return day


def _invoice_to_credit(path) -> int:
    """An invoice of the demo with nothing credited yet."""
    return _count(
        path,
        "SELECT max(id) FROM invoice WHERE kind = 'invoice' AND total_incl_cents > 0 AND id NOT IN"
        " (SELECT credited_invoice_id FROM invoice WHERE credited_invoice_id IS NOT NULL)",
    )


def _basket(db: Database, amount_cents: int = 1500) -> int:
    """A walk-in's basket with one line, filled by the system (nobody logged in)."""
    who, db.principal = db.principal, None
    try:
        basket_id = baskets.open_basket(db, None, None)
        baskets.add_free_line(
            db,
            None,
            basket_id,
            designation="Découpe de plexi",
            quantity_milli=1000,
            unit="plaque",
            unit_price_cents=amount_cents,
        )
        return basket_id
    finally:
        db.principal = who


def _refused(call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as err:
        call(*args, **kwargs)
    assert err.value.code == "not_permitted"
    return err.value


CREDIT_NOTES = "SELECT count(*) FROM invoice WHERE kind = 'credit_note'"
CLOSINGS = "SELECT count(*) FROM closing"
INVOICES = "SELECT count(*) FROM invoice"
AUDIT = "SELECT count(*) FROM audit_entry"


def test_accueil_takes_a_payment_but_issues_no_credit_note_reads_no_finances_closes_no_day(
    lab,
):
    db, path = lab
    who = _log_in(db, "Lou", Role.ACCUEIL)
    invoice_id = _invoice_to_credit(path)
    day = _open_day(path)
    credit_notes_before, closings_before = _count(path, CREDIT_NOTES), _count(path, CLOSINGS)
    audit_before = _count(path, AUDIT)

    err = _refused(
        credit_notes.create_credit_note, db, who.operator_id, invoice_id, reason="Erreur"
    )
    assert err.params == {"permission": "credit_notes", "operator": "Lou", "roles": "accueil"}
    _refused(balance_service.balance, db, date(2026, 1, 1), date(2026, 12, 31))
    _refused(ledger.close_period, db, who.operator_id, "day", day)
    _refused(annual.annual_report, db, 2025)
    # nothing written by the refusals: no credit note, no closing, no audit row
    assert _count(path, CREDIT_NOTES) == credit_notes_before
    assert _count(path, CLOSINGS) == closings_before
    assert _count(path, AUDIT) == audit_before

    # the desk's own work goes through: a walk-in's basket checked out
    basket_id = _basket(db)
    invoice = documents.validate_basket(
        db, who.operator_id, basket_id, [PaymentInput("cash", 1500)]
    )
    assert documents.get_invoice(db, invoice).total_incl_cents == 1500


def test_tresorerie_closes_a_day_issues_a_credit_note_and_produces_the_annual_report(lab):
    db, path = lab
    who = _log_in(db, "Sam", Role.TRESORERIE)
    day = _open_day(path)
    closing_id = ledger.close_period(db, who.operator_id, "day", day)
    assert ledger.closing(db, closing_id).period_start == day
    invoice_id = _invoice_to_credit(path)
    before = _count(path, CREDIT_NOTES)
    note_id = credit_notes.create_credit_note(
        db, who.operator_id, invoice_id, reason="Séance annulée"
    )
    assert documents.get_invoice(db, note_id).kind == "credit_note"
    assert _count(path, CREDIT_NOTES) == before + 1
    # the annual report reads the balance, the budget, the grants and the drop-ins'
    # figures: checked once, as REPORTS, not refused for the services it reads
    assert annual.annual_report(db, 2025)[:4] == b"%PDF"
    assert balance_service.balance(db, date(2025, 1, 1), date(2025, 12, 31)).months
    # but no drop-in log, no bookings: not the treasurer's desk
    _refused(dropins.log_drop_in, db, who.operator_id, DropInInput(purpose="admin"))


def test_mediation_logs_a_drop_in_but_checks_out_no_basket(lab):
    db, path = lab
    who = _log_in(db, "Inès", Role.MEDIATION)
    drop_ins = _count(path, "SELECT count(*) FROM drop_in")
    dropins.log_drop_in(
        db, who.operator_id, DropInInput(purpose="admin", duration_minutes=20, helper="Inès")
    )
    assert _count(path, "SELECT count(*) FROM drop_in") == drop_ins + 1

    basket_id = _basket(db)
    invoices = _count(path, INVOICES)
    err = _refused(
        documents.validate_basket, db, who.operator_id, basket_id, [PaymentInput("cash", 1500)]
    )
    assert err.params["permission"] == "checkout"
    assert _count(path, INVOICES) == invoices
    assert _basket_status(path, basket_id) == "open"  # still to pay at the desk
    _refused(baskets.open_basket, db, who.operator_id, None)


def test_administration_does_it_all(lab):
    db, path = lab
    who = _log_in(db, "Camille", Role.ADMIN)
    dropins.log_drop_in(db, who.operator_id, DropInInput(purpose="admin"))
    basket_id = _basket(db, 2000)
    documents.validate_basket(db, who.operator_id, basket_id, [PaymentInput("card", 2000)])
    credit_notes.create_credit_note(
        db, who.operator_id, _invoice_to_credit(path), reason="Erreur de saisie"
    )
    closing_id = ledger.close_period(db, who.operator_id, "day", _open_day(path))
    assert ledger.closing(db, closing_id).kind == "day"
    assert balance_service.balance(db, date(2026, 1, 1), date(2026, 12, 31)).months
