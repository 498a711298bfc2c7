"""Money reaching the bank (issue 15, point 2): card payments wait on 5115 until the
bank's credit N business days later; the drop-in log's Pass numérique vouchers reach the
accounts; the vouchers' issuer pays (512 / 4687), never more than it owes."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, timedelta

import pytest
from shared_demo import small_demo_copy
from sqlalchemy import insert, select

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Closing, Invoice, Payment, Structure, VoucherSettlement
from tierslieu_desktop.domain.calendar import add_business_days, local_dt
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.activity.dropins import DropInInput, log_drop_in
from tierslieu_desktop.services.finance.fec import fec_text
from tierslieu_desktop.services.finance.journal import collect
from tierslieu_desktop.services.finance.vouchers import (
    SettlementInput,
    outstanding,
    record_settlement,
)
from tierslieu_desktop.services.people.structure import StructureData, validate_structure

TODAY = date(2027, 2, 15)
Y2026 = (date(2026, 1, 1), date(2026, 12, 31))
Y2027 = (date(2027, 1, 1), date(2027, 12, 31))


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("settle") / "demo.sqlite"
    small_demo_copy(path)
    return path


@pytest.fixture
def db(demo_path, tmp_path):
    target = tmp_path / "copy.sqlite"
    src, dst = sqlite3.connect(demo_path), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    database = open_database(str(target), create=False)
    yield database
    database.dispose()


def _invoice_id(db) -> int:
    with db.read() as s:
        return s.scalars(select(Invoice.id).where(Invoice.kind == "invoice").limit(1)).one()


def _pay(db, day, cents, method="card", hour=11, **extra):
    """A payment (or refund) inserted as is, on the demo's first invoice: the journal
    reads payments, whatever they pay."""
    inv = _invoice_id(db)
    with db.write() as s:
        s.execute(
            insert(Payment).values(
                invoice_id=inv,
                at=local_dt(day, hour * 60),
                method=method,
                amount_cents=cents,
                **extra,
            )
        )


def _mine(db, period, prefixes):
    with db.read() as s:
        return [e for e in collect(s, *period, today=TODAY) if e.source.startswith(prefixes)]


def _net(entries, account):
    return sum(
        x.debit_cents - x.credit_cents for e in entries for x in e.lines if x.account == account
    )


def test_business_days_skip_weekends_and_french_public_holidays():
    assert add_business_days(date(2026, 12, 18), 1) == date(2026, 12, 21)  # Fri → Mon
    assert add_business_days(date(2026, 12, 19), 1) == date(2026, 12, 21)  # Sat → Mon
    assert add_business_days(date(2026, 11, 10), 1) == date(2026, 11, 12)  # 11 Nov
    assert add_business_days(date(2026, 12, 24), 1) == date(2026, 12, 28)  # Christmas
    assert add_business_days(date(2026, 12, 31), 1) == date(2027, 1, 4)  # New Year, w-e
    assert add_business_days(date(2026, 5, 13), 1) == date(2026, 5, 15)  # Ascension
    assert add_business_days(date(2026, 12, 18), 3) == date(2026, 12, 23)
    assert add_business_days(date(2026, 12, 19), 0) == date(2026, 12, 21)
    assert add_business_days(date(2026, 12, 21), 0) == date(2026, 12, 21)


def test_card_payments_reach_the_bank_on_the_next_business_day(db):
    """Friday's and Saturday's card payments (and a refund) are credited together on
    Monday: one BQ entry, 512 debit of the net, 5115 credit per payment day, each
    lettered with its day's payments; 5115 nets to zero once settled."""
    _pay(db, date(2026, 12, 18), 4_500)
    _pay(db, date(2026, 12, 18), 2_000, hour=15)
    _pay(db, date(2026, 12, 18), -500, hour=16)  # a card refund
    _pay(db, date(2026, 12, 19), 1_200)
    _pay(db, date(2026, 12, 22), 3_000)  # Tuesday → Wednesday
    _pay(db, date(2026, 12, 22), 800, method="transfer")  # straight to 512
    december = (date(2026, 12, 1), date(2026, 12, 31))
    payments = [e for e in _mine(db, december, ("payment:",))]
    assert {e.journal for e in payments} == {"BQ"}
    assert _net([e for e in payments if e.day != date(2026, 12, 22)], "5115") == 7_200
    settlements = _mine(db, december, ("card_settlement:",))
    assert [(e.day, e.label) for e in settlements] == [
        (date(2026, 12, 21), "Remise carte bancaire du 21/12"),
        (date(2026, 12, 23), "Remise carte bancaire du 23/12"),
    ]
    monday = settlements[0]
    assert monday.journal == "BQ" and monday.piece_ref == "CB20261221"
    assert [(x.account, x.debit_cents, x.credit_cents, x.label) for x in monday.lines] == [
        ("512", 7_200, 0, "Remise carte bancaire du 21/12"),
        ("5115", 0, 6_000, "Cartes du 18/12/2026"),
        ("5115", 0, 1_200, "Cartes du 19/12/2026"),
    ]
    everything = _mine(db, december, ("payment:", "card_settlement:"))
    assert _net(everything, "5115") == 0
    letters = defaultdict(set)
    for e in everything:
        for x in e.lines:
            if x.account == "5115":
                assert x.letter, (e.piece_ref, x)
                letters[x.letter].add(e.day)
    assert sorted(map(sorted, letters.values())) == [
        [date(2026, 12, 18), date(2026, 12, 21)],
        [date(2026, 12, 19), date(2026, 12, 21)],
        [date(2026, 12, 22), date(2026, 12, 23)],
    ]
    assert _net(everything, "512") == 7_200 + 3_000 + 800


def test_the_settlement_delay_is_a_setting(db):
    with db.write() as s:
        s.get(Structure, 1).card_settlement_days = 3
    _pay(db, date(2026, 12, 18), 4_500)  # Fri + 3 business days, Christmas skipped
    [entry] = _mine(db, (date(2026, 12, 1), date(2026, 12, 31)), ("card_settlement:",))
    assert entry.day == date(2026, 12, 23)
    assert validate_structure(StructureData(name="Fab", card_settlement_days=0))
    with pytest.raises(ValidationError) as err:
        validate_structure(
            StructureData(name="Fab", card_settlement_days=11, voucher_value_cents=0)
        )
    assert err.value.fields == {
        "card_settlement_days": "number_invalid",
        "voucher_value_cents": "amount_invalid",
    }


def test_a_card_payment_of_31_december_settles_in_the_next_fiscal_year(db):
    _pay(db, date(2026, 12, 31), 2_500)
    year_2026 = _mine(db, Y2026, ("payment:", "card_settlement:"))
    last = [e for e in year_2026 if e.day == date(2026, 12, 31)]
    assert _net(last, "5115") == 2_500
    assert all(not x.letter for e in last for x in e.lines if x.account == "5115")
    assert not [
        e for e in year_2026 if e.source.startswith("card_settlement:") and e.day.year > 2026
    ]
    [january] = _mine(db, Y2027, ("card_settlement:",))
    assert january.day == date(2027, 1, 4) and january.number.startswith("BQ")
    assert _net([january], "5115") == -2_500 and _net([january], "512") == 2_500


def test_the_fec_stays_balanced_per_entry_with_settlements_and_vouchers(db):
    _pay(db, date(2026, 12, 18), 4_500)
    _pay(db, date(2026, 12, 31), 1_000)
    _pay(
        db,
        date(2026, 12, 14),
        3_000,
        method="pass_numerique",
        voucher_count=3,
        voucher_value_cents=1_000,
    )
    log_drop_in(db, None, DropInInput(vouchers=2, at=local_dt(date(2026, 12, 15), 600)))
    record_settlement(
        db, None, SettlementInput("pass_numerique", date(2026, 12, 16), 5_000, 5), today=TODAY
    )
    text = fec_text(db, 2026, today=TODAY)
    rows = [line.split("|") for line in text.split("\r\n")[1:-1]]
    sums: dict[tuple[str, str], int] = defaultdict(int)
    accounts: dict[str, int] = defaultdict(int)

    def cents(value):
        euros, dec = value.split(",")
        return int(euros) * 100 + int(dec)

    for r in rows:
        sums[(r[0], r[2])] += cents(r[11]) - cents(r[12])
        accounts[r[4]] += cents(r[11]) - cents(r[12])
    assert rows and all(v == 0 for v in sums.values())
    assert accounts["5115"] == 1_000  # the card payment of 31/12 only, credited in January
    numbers = defaultdict(list)
    for journal, number in dict.fromkeys((r[0], r[2]) for r in rows):
        numbers[journal].append(int(number[2:]))
    assert all(n == list(range(1, len(n) + 1)) for n in numbers.values())


def test_drop_in_vouchers_are_posted_per_day_at_their_face_value(db):
    day = date(2026, 12, 15)
    log_drop_in(db, None, DropInInput(vouchers=3, at=local_dt(day, 600)))
    log_drop_in(db, None, DropInInput(vouchers=2, at=local_dt(day, 900)))
    log_drop_in(db, None, DropInInput(vouchers=0, at=local_dt(day, 960)))
    log_drop_in(db, None, DropInInput(vouchers=1, at=local_dt(day + timedelta(days=1), 600)))
    december = (date(2026, 12, 1), date(2026, 12, 31))
    entries = _mine(db, december, ("drop_in_vouchers:",))
    assert [(e.journal, e.day, e.piece_ref) for e in entries] == [
        ("OD", day, "CYB-20261215"),
        ("OD", day + timedelta(days=1), "CYB-20261216"),
    ]
    first = entries[0]
    assert first.label == "Pass numérique reçus à la cyber-base (5 bons)"
    # the demo's structure is exempt (non-profit): no VAT on a non-member's service
    assert [(x.account, x.aux, x.debit_cents, x.credit_cents) for x in first.lines] == [
        ("4687", "PASSNUM", 5_000, 0),
        ("706", "", 0, 5_000),
    ]
    with db.write() as s:
        structure = s.get(Structure, 1)
        structure.vat_regime, structure.default_vat_rate_bp = "liable", 2000
        structure.voucher_value_cents = 1_200
    first = _mine(db, december, ("drop_in_vouchers:",))[0]
    assert [(x.account, x.debit_cents, x.credit_cents) for x in first.lines] == [
        ("4687", 6_000, 0),
        ("706", 0, 5_000),
        ("44571", 0, 1_000),
    ]


def test_vouchers_on_invoices_and_at_the_drop_in_are_counted_once_each(db):
    """An invoice paid by Pass numérique debits 4687 through its payment only; the drop-in
    log's vouchers through their own entry: the issuer owes both, each once."""
    before = {b.issuer: b for b in outstanding(db)}["pass_numerique"]
    day = date(2026, 12, 15)
    _pay(db, day, 3_000, method="pass_numerique", voucher_count=3, voucher_value_cents=1_000)
    log_drop_in(db, None, DropInInput(vouchers=2, at=local_dt(day, 600)))
    after = {b.issuer: b for b in outstanding(db)}["pass_numerique"]
    assert after.received_cents - before.received_cents == 5_000
    assert after.received_count - before.received_count == 5
    entries = _mine(db, (day, day), ("payment:", "drop_in_vouchers:"))
    assert [(e.journal, e.source.split(":")[0], _net([e], "4687")) for e in entries] == [
        ("OD", "payment", 3_000),
        ("OD", "drop_in_vouchers", 2_000),
    ]
    assert _net(entries, "4687") == 5_000


def test_an_issuer_settlement_posts_512_and_clears_4687(db):
    log_drop_in(db, None, DropInInput(vouchers=4, at=local_dt(date(2026, 12, 1), 600)))
    balance = {b.issuer: b for b in outstanding(db)}["pass_numerique"]
    assert balance.outstanding_cents >= 4_000 and balance.outstanding_count >= 4
    sid = record_settlement(
        db,
        None,
        SettlementInput("pass_numerique", date(2026, 12, 10), 4_000, 4, "APTIC 2026-11"),
        today=TODAY,
    )
    left = {b.issuer: b for b in outstanding(db)}["pass_numerique"]
    assert left.outstanding_cents == balance.outstanding_cents - 4_000
    assert left.outstanding_count == balance.outstanding_count - 4
    [entry] = _mine(db, (date(2026, 12, 10), date(2026, 12, 10)), ("voucher_settlement:",))
    assert entry.journal == "BQ" and entry.piece_ref == "APTIC 2026-11"
    assert entry.label == "Règlement Pass numérique (APTIC) (4 bons)"
    assert [(x.account, x.aux, x.debit_cents, x.credit_cents) for x in entry.lines] == [
        ("512", "", 4_000, 0),
        ("4687", "PASSNUM", 0, 4_000),
    ]
    with db.write() as s, pytest.raises(Exception, match="insert-only"):
        s.execute(VoucherSettlement.__table__.delete().where(VoucherSettlement.id == sid))


def test_a_settlement_beyond_what_the_issuer_owes_is_refused(db):
    balance = {b.issuer: b for b in outstanding(db)}["pass_numerique"]
    assert balance.settled_cents > 0  # the demo's quarterly settlements
    with pytest.raises(ValidationError) as err:
        record_settlement(
            db,
            None,
            SettlementInput(
                "pass_numerique",
                date(2026, 12, 10),
                balance.outstanding_cents + 1,
                balance.outstanding_count + 1,
            ),
            today=TODAY,
        )
    assert err.value.fields == {
        "amount_cents": "settlement_exceeds_outstanding",
        "voucher_count": "settlement_exceeds_outstanding",
    }
    with pytest.raises(ValidationError) as err:
        record_settlement(
            db, None, SettlementInput("apple", date(2099, 1, 1), 0, 0, "x" * 121), today=TODAY
        )
    assert err.value.fields == {
        "issuer": "invalid",
        "amount_cents": "amount_invalid",
        "voucher_count": "number_invalid",
        "day": "date_in_future",
        "reference": "too_long",
    }
    with db.read() as s:
        closed = s.scalars(select(Closing.period_end).order_by(Closing.period_end)).first()
    assert closed is not None
    with pytest.raises(DomainError) as err2:
        record_settlement(
            db, None, SettlementInput("pass_numerique", closed, 1_000, 1), today=TODAY
        )
    assert err2.value.code == "period_closed"
    assert {b.issuer: b for b in outstanding(db)}["pass_numerique"] == balance  # nothing written


def test_drop_in_vouchers_of_a_closed_day_can_no_longer_change(db):
    from tierslieu_desktop.services.activity.dropins import delete_drop_in, update_drop_in

    with db.read() as s:
        closed = s.scalars(select(Closing.period_end).order_by(Closing.period_end)).first()
    at = local_dt(closed, 600)
    with pytest.raises(DomainError) as err:
        log_drop_in(db, None, DropInInput(vouchers=1, at=at))
    assert err.value.code == "period_closed"
    visit = log_drop_in(db, None, DropInInput(vouchers=0, at=at))  # no voucher: allowed
    with pytest.raises(DomainError):
        update_drop_in(db, None, visit, DropInInput(vouchers=2, at=at))
    update_drop_in(db, None, visit, DropInInput(vouchers=0, at=at, note="ok"))
    delete_drop_in(db, None, visit)


def test_the_migration_moves_a_saved_card_account_from_the_bank_to_5115(tmp_path):
    """A mapping saved while card payments went straight to 512 (the tab saves every
    row) follows the new meaning of the key; another account chosen by hand is kept."""
    from sqlalchemy import create_engine, text

    from tierslieu_desktop.db.migrations.runner import upgrade

    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    try:
        upgrade(engine, "0012")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO account_mapping (key, account, label) VALUES "
                    "('payment:card', '512', 'Banque'), ('payment:cheque', '512', 'Banque')"
                )
            )
        upgrade(engine)
        with engine.begin() as conn:
            rows = {
                key: value
                for key, value in conn.execute(
                    text("SELECT key, account || ' ' || label FROM account_mapping")
                )
            }
        assert rows == {
            "payment:card": "5115 Cartes bancaires à encaisser",
            "payment:cheque": "512 Banque",
        }
    finally:
        engine.dispose()
