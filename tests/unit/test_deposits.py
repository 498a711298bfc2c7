"""Bank deposits (issue 15, "remise en banque"): what the treasurer notices — the cheques
waiting, the till's cash and float, the refusals naming the field, the reversing deposit,
the BQ entries balanced with 5112 netting to zero, and the deposit slip's text."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy.exc import DBAPIError

from tests.unit.test_ledger import issue
from tierslieu_desktop.db.models import Payment, Structure
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.i18n import findings
from tierslieu_desktop.reports.deposit_pdf import deposit_slip_pdf
from tierslieu_desktop.services.billing import deposits, ledger
from tierslieu_desktop.services.finance.journal import collect
from tierslieu_desktop.services.finance.journal.deposits import deposit_entries

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

D1 = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)
D2 = datetime(2026, 10, 2, 9, 30, tzinfo=UTC)


def cheque(db, at, cents, number, bank="Crédit Agricole"):
    inv_id, _ = issue(db, at, cents, method=None)
    with db.write() as s:
        pay = Payment(
            invoice_id=inv_id,
            at=at,
            method="cheque",
            amount_cents=cents,
            cheque_number=number,
            bank=bank,
        )
        s.add(pay)
        s.flush()
        ledger.seal(s, "payment", pay.id, at)
        return pay.id


@pytest.fixture
def desk(db):
    """Two cheques and 45 € cash on 1 October, a cheque and 20 € cash on the 2nd, a cash
    refund of 5 € on the 2nd."""
    a = cheque(db, D1, 3000, "1234567")
    b = cheque(db, D1, 1250, "7654321", "La Banque Postale")
    c = cheque(db, D2, 800, "5550001")
    issue(db, D1, 4500)  # cash
    issue(db, D2, 2000)  # cash
    issue(db, D2, 500, kind="credit_note")  # cash refund
    return a, b, c


def test_undeposited_cheques_and_cash_on_hand(db, desk):
    a, b, c = desk
    waiting = deposits.undeposited_cheques(db)
    assert [w.payment_id for w in waiting] == [a, b, c]
    assert waiting[1].bank == "La Banque Postale" and waiting[1].drawer == "Camille Martin"
    assert deposits.cash_on_hand(db, date(2026, 10, 1)) == 4500
    assert deposits.cash_on_hand(db) == 4500 + 2000 - 500


def test_a_deposit_takes_the_cheques_and_the_cash_and_the_float_follows(db, operator, desk):
    a, b, c = desk
    ids = deposits.record_deposit(db, date(2026, 10, 2), [a, b], 5000, "BQ-77", operator)
    assert len(ids) == 2
    assert [w.payment_id for w in deposits.undeposited_cheques(db)] == [c]
    day = deposits.cash_day(db, date(2026, 10, 2))
    assert (day.opening_cents, day.received_cents, day.refunded_cents, day.deposited_cents) == (
        4500,
        2000,
        500,
        5000,
    )
    assert day.closing_cents == 1000
    assert deposits.cash_day(db, date(2026, 10, 3)).opening_cents == 1000
    listed = deposits.list_deposits(db)
    assert {(x.number, x.amount_cents, x.cheque_count) for x in listed} == {
        ("RC-000001", 4250, 2),
        ("RE-000001", 5000, 0),
    }


def refused(fn) -> dict[str, str]:
    with pytest.raises(ValidationError) as err:
        fn()
    return err.value.fields


def test_refusals_name_the_field(db, operator, desk):
    a, b, c = desk
    day = date(2026, 10, 2)
    assert refused(lambda: deposits.record_deposit(db, day, [], 0)) == {"deposit": "deposit_empty"}
    assert refused(lambda: deposits.record_deposit(db, day, [], 6001)) == {
        "cash_cents": "cash_over_on_hand"
    }
    # on the 1st the till held 45 € only, although it holds 60 € now
    assert refused(lambda: deposits.record_deposit(db, date(2026, 10, 1), [], 5000)) == {
        "cash_cents": "cash_over_on_hand"
    }
    deposits.record_deposit(db, day, [a], 0, "", operator)
    assert refused(lambda: deposits.record_deposit(db, day, [b, a], 0)) == {
        "cheques": "cheque_deposited"
    }
    assert refused(lambda: deposits.record_deposit(db, date(2026, 10, 1), [c], 0)) == {
        "day": "deposit_before_receipt"
    }
    ledger.close_period(db, operator, "month", date(2026, 10, 1))
    assert refused(lambda: deposits.record_deposit(db, date(2026, 10, 30), [b], 0)) == {
        "day": "period_closed"
    }
    # nothing of the refused deposits was written
    assert [x.number for x in deposits.list_deposits(db)] == ["RC-000001"]


def test_deposits_are_insert_only_and_cancelled_by_a_reversing_deposit(db, operator, desk):
    a, b, _c = desk
    (dep,) = deposits.record_deposit(db, date(2026, 10, 2), [a, b], 0, "", operator)
    # SQL typed straight at the database: refused by its triggers (SQLite says
    # "insert-only", PostgreSQL's shared trigger function "sealed")
    for sql in ("UPDATE bank_deposit SET amount_cents = 1", "DELETE FROM bank_deposit_cheque"):
        with pytest.raises(DBAPIError, match="insert-only|sealed"), db.engine.begin() as conn:
            conn.exec_driver_sql(sql)
    back = deposits.cancel_deposit(db, dep, date(2026, 10, 3), operator)
    assert len(deposits.undeposited_cheques(db)) == 3
    assert refused(lambda: deposits.cancel_deposit(db, dep, date(2026, 10, 3))) == {
        "deposit": "deposit_cancelled"
    }
    slip = deposits.deposit_slip(db, back)
    assert slip.amount_cents == -4250 and slip.cancels_number == "RC-000001"
    # deposited again: a third round
    (again,) = deposits.record_deposit(db, date(2026, 10, 4), [a], 0, "", operator)
    assert deposits.deposit_slip(db, again).number == "RC-000003"
    assert [w.payment_id for w in deposits.undeposited_cheques(db)][0] == b


def test_bank_entries_balance_and_5112_nets_to_zero(db, operator, desk):
    a, b, c = desk
    deposits.record_deposit(db, date(2026, 10, 2), [a, b], 4000, "", operator)
    dep = deposits.record_deposit(db, date(2026, 10, 5), [c], 0, "", operator)[0]
    deposits.cancel_deposit(db, dep, date(2026, 10, 6), operator)
    deposits.record_deposit(db, date(2026, 10, 7), [c], 0, "", operator)
    with db.read() as s:
        own = list(deposit_entries(s, date(2026, 1, 1), date(2026, 12, 31)))
        entries = collect(s, date(2026, 1, 1), date(2026, 12, 31), today=date(2027, 1, 15))
    assert [e.label for e in own] == [
        "Remise de chèques n° RC-000001",
        "Versement d'espèces n° RE-000001",
        "Remise de chèques n° RC-000002",
        "Annulation : Remise de chèques n° RC-000003",
        "Remise de chèques n° RC-000004",
    ]
    assert all(e.journal == "BQ" and e.balanced for e in own)
    sums: dict[str, int] = {}
    for e in entries:
        assert sum(x.debit_cents for x in e.lines) == sum(x.credit_cents for x in e.lines)
        for x in e.lines:
            sums[x.account] = sums.get(x.account, 0) + x.debit_cents - x.credit_cents
    assert sums["5112"] == 0
    assert sums["512"] == 3000 + 1250 + 800 + 4000
    assert sums["530"] == 4500 + 2000 - 500 - 4000 == deposits.cash_on_hand(db)


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_deposit_slip_lists_the_cheques_and_the_bank_account(db, operator, desk):
    a, b, _c = desk
    with db.write() as s:
        st = s.get(Structure, 1) or Structure(id=1)
        st.name = "Le Fablab du Lot"
        st.iban = "FR7630006000011234567890189"
        s.add(st)
    (dep,) = deposits.record_deposit(db, date(2026, 10, 2), [a, b], 0, "BQ-77", operator)
    text = pdf_text(deposit_slip_pdf(deposits.deposit_slip(db, dep)))
    for words in (
        "Le Fablab du Lot",
        "Bordereau de remise de chèques n° RC-000001",
        "02/10/2026",
        "FR76 3000 6000 0112 3456 7890 189",
        "1234567",
        "La Banque Postale",
        "Camille Martin",
        "30,00",
        "12,50",
        "2 chèques",
        "42,50",
    ):
        assert words in text, words
    (cash,) = deposits.record_deposit(db, date(2026, 10, 2), [], 3000, "", operator)
    text = pdf_text(deposit_slip_pdf(deposits.deposit_slip(db, cash)))
    assert "Versement d'espèces n° RE-000001" in text and "30,00" in text


def test_the_closing_note_shows_the_cash_float_outside_the_sealed_totals(db, operator, desk):
    from tierslieu_desktop.services.billing import archives
    from tierslieu_desktop.services.safety.integrity import verify

    deposits.record_deposit(db, date(2026, 10, 2), [], 5000, "", operator)
    ledger.close_period(db, operator, "day", date(2026, 10, 1))
    closing_id = ledger.close_period(db, operator, "day", date(2026, 10, 2))
    # the sealed payload is the same as before: payments by method, no float
    assert ledger.closing(db, closing_id).totals["payments_by_method"] == {
        "cash": 1500,
        "cheque": 800,
    }
    text = pdf_text(archives.closing_note(db, closing_id))
    for words in (
        "Fond de caisse à l'ouverture",
        "45,00",  # the float left on the 1st
        "Espèces remboursées",
        "Versées en banque",
        "50,00",
        "Fond de caisse à la clôture (espèces attendues)",
        "10,00",  # 45 + 20 − 5 − 50
    ):
        assert words in text, words
    assert verify(db) == []


def test_cli_lists_the_cheques_waiting_and_the_cash_in_the_till(db, operator, desk, capsys):
    from tierslieu_desktop.cli import main

    a, _b, _c = desk
    deposits.record_deposit(db, date(2026, 10, 2), [a], 1000, "", operator)
    assert main(["deposit", "list", "--db", db.target]) == 0
    out = capsys.readouterr().out
    assert "7654321" in out and "5550001" in out and "1234567" not in out
    assert "Chèques à remettre : 2, 20,50" in out
    assert "Espèces en caisse : 50,00" in out


def test_verify_names_a_dropped_deposit_trigger(db):
    from tierslieu_desktop.services.safety.integrity import verify

    # the trigger's name on each engine (SQLite has one per statement kind)
    name = "insert_only_bank_deposit_delete" if db.is_sqlite else "insert_only_bank_deposit"
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP TRIGGER {name}" + ("" if db.is_sqlite else " ON bank_deposit"))
    problems = findings.words(verify(db), "fr")
    assert any("bank_deposit" in p and name in p for p in problems)
