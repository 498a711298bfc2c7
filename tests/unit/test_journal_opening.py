"""The opening entry (AN, « À nouveaux », issue 15 point 1) on the demo: the journal of a
fiscal year opens with the balances carried from the year before — the same as that
year's closing trial balance —, an invoice of last year paid this year is lettered with
its carried line, and the first year with activity has no AN entry."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, timedelta

import pytest
from shared_demo import small_demo_copy
from sqlalchemy import insert, select

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Invoice, InvoiceLine, Payment, Structure
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.finance.fec import write_fec
from tierslieu_desktop.services.finance.journal import collect, collect_fiscal_year
from tierslieu_desktop.services.finance.journal.opening import _earliest_day

TODAY = date(2027, 1, 15)
LAST = 2026  # the demo's last fiscal year


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("opening") / "demo.sqlite"
    small_demo_copy(path)
    return path


@pytest.fixture(scope="module")
def demo(demo_path):
    db = open_database(str(demo_path), create=False)
    yield db
    db.dispose()


def copy_of(demo_path, tmp_path):
    target = tmp_path / "copy.sqlite"
    src, dst = sqlite3.connect(demo_path), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return open_database(str(target), create=False)


def balances(entries, *, skip_an=False):
    out: dict[str, int] = defaultdict(int)
    for e in entries:
        if skip_an and e.journal == "AN":
            continue
        for x in e.lines:
            out[x.account] += x.debit_cents - x.credit_cents
    return out


def test_the_last_year_opens_with_a_balanced_an_entry(demo, tmp_path):
    with demo.read() as s:
        entries = collect_fiscal_year(s, LAST, today=TODAY)
    an = [e for e in entries if e.journal == "AN"]
    assert len(an) == 1
    first = an[0]
    assert entries[0] is first  # before the first day's other entries
    assert first.day == date(LAST, 1, 1) and first.number == "AN000001"
    assert first.journal_label == "À nouveaux"
    assert sum(x.debit_cents for x in first.lines) == sum(x.credit_cents for x in first.lines)
    accounts = {x.account for x in first.lines}
    # the investment grant and its share released so far are carried (131/139), with
    # the machines and their depreciation
    assert {"131", "139", "2154", "28154"} <= accounts
    assert all(x.account[0] in "12345" for x in first.lines)
    # in the FEC too, as the first lines
    out = tmp_path / "fec"
    out.mkdir()
    text = write_fec(demo, LAST, out).read_bytes().decode("utf-8")
    rows = [r.split("|") for r in text.split("\r\n")[1:-1]]
    an_rows = [r for r in rows if r[0] == "AN"]
    assert rows[: len(an_rows)] == an_rows
    assert {r[2] for r in an_rows} == {"AN000001"} and {r[3] for r in an_rows} == {"20260101"}
    assert {r[4] for r in an_rows} >= {"131", "139"}


def test_the_an_entry_is_the_closing_trial_balance_of_the_year_before(demo):
    with demo.read() as s:
        before = balances(collect_fiscal_year(s, LAST - 1, today=TODAY))
        opening = balances(
            e for e in collect_fiscal_year(s, LAST, today=TODAY) if e.journal == "AN"
        )
    sheet = {a: c for a, c in before.items() if a[0] in "12345" and not a.startswith("11")}
    assert sheet and {a: c for a, c in sheet.items() if c} == {
        a: c for a, c in opening.items() if not a.startswith("11")
    }
    # the result of the year before joins the earlier years' on 110/119
    result = sum(c for a, c in before.items() if a[0] not in "12345")
    carried = sum(c for a, c in before.items() if a.startswith("11"))
    assert sum(c for a, c in opening.items() if a.startswith("11")) == carried + result


def test_the_first_year_and_a_journal_not_starting_a_fiscal_year_have_no_an(demo):
    with demo.read() as s:
        first_year = _earliest_day(s).year
        assert not any(e.journal == "AN" for e in collect_fiscal_year(s, first_year))
        assert any(e.journal == "AN" for e in collect_fiscal_year(s, first_year + 1))
        month = collect(s, date(LAST, 3, 1), date(LAST, 3, 31), today=TODAY)
    assert month and not any(e.journal == "AN" for e in month)


def _invoice_paid_across_the_year_end(db, day):
    """An invoice of 132 € of a member issued on ``day``, paid 44 € the day after and
    44 € on each of the two following days."""
    with db.write() as s:
        row = dict(
            s.execute(select(Invoice.__table__).where(Invoice.member_id.is_not(None)).limit(1))
            .mappings()
            .one()
        )
        row.pop("id")
        row.update(
            number="AN-TEST-0001",
            counter=999_999,
            issued_at=local_dt(day, 9),
            kind="invoice",
            credited_invoice_id=None,
            total_excl_cents=11_000,
            total_vat_cents=2_200,
            total_incl_cents=13_200,
        )
        inv_id = s.execute(insert(Invoice).values(**row)).inserted_primary_key[0]
        s.add(
            InvoiceLine(
                invoice_id=inv_id,
                position=1,
                kind="usage",
                revenue_kind="usage",
                designation="usage",
                quantity_milli=1000,
                unit_price_excl_cents=11_000,
                vat_rate_bp=2000,
                total_excl_cents=11_000,
                vat_cents=2_200,
                total_incl_cents=13_200,
            )
        )
        for n in range(3):
            s.add(
                Payment(
                    invoice_id=inv_id,
                    at=local_dt(day + timedelta(days=n + 1), 11),
                    method="card",
                    amount_cents=4_400,
                )
            )


def _document(s, number, at, total, *, kind="invoice", credited=None):
    """A document of one usage line of ``total`` cents incl. 20 % VAT."""
    row = dict(
        s.execute(select(Invoice.__table__).where(Invoice.member_id.is_not(None)).limit(1))
        .mappings()
        .one()
    )
    row.pop("id")
    excl = total * 5 // 6
    row.update(
        number=number,
        series=kind,
        counter=999_000 + len(number) + int(number[-1]),
        issued_at=at,
        kind=kind,
        credited_invoice_id=credited,
        total_excl_cents=excl,
        total_vat_cents=total - excl,
        total_incl_cents=total,
    )
    inv_id = s.execute(insert(Invoice).values(**row)).inserted_primary_key[0]
    s.add(
        InvoiceLine(
            invoice_id=inv_id,
            position=1,
            kind="usage",
            revenue_kind="usage",
            designation="usage",
            quantity_milli=1000,
            unit_price_excl_cents=excl,
            vat_rate_bp=2000,
            total_excl_cents=excl,
            vat_cents=total - excl,
            total_incl_cents=total,
        )
    )
    return inv_id


def _documents_straddling_the_year_end(db, first_day):
    """The unusual ways a document's events fall on both sides of ``first_day``: a
    payment dated before its invoice (paid in full since), a credit note issued since on an invoice of
    before (partly refunded since), a credit note crediting nothing (partly refunded
    before), a credit note before its invoice."""
    before, since = local_dt(first_day - timedelta(days=1), 10), local_dt(first_day, 15)
    with db.write() as s:
        early = _document(s, "EDGE-0001", since, 6_000)
        s.add(Payment(invoice_id=early, at=before, method="cash", amount_cents=2_400))
        s.add(Payment(invoice_id=early, at=since, method="cash", amount_cents=3_600))
        old = _document(s, "EDGE-0002", before - timedelta(days=20), 12_000)
        note = _document(s, "EDGE-0003", since, 3_600, kind="credit_note", credited=old)
        s.add(Payment(invoice_id=note, at=since, method="transfer", amount_cents=-1_200))
        alone = _document(s, "EDGE-0004", before - timedelta(days=5), 4_800, kind="credit_note")
        s.add(Payment(invoice_id=alone, at=before, method="cheque", amount_cents=-1_800))
        later = _document(s, "EDGE-0005", since, 9_600)
        _document(s, "EDGE-0006", before, 2_400, kind="credit_note", credited=later)


@pytest.mark.parametrize("first_month", [1, 9])
def test_a_payment_of_an_invoice_of_last_year_is_lettered_with_its_an_line(
    demo_path, tmp_path, first_month
):
    db = copy_of(demo_path, tmp_path)
    try:
        with db.write() as s:
            s.get(Structure, 1).fiscal_year_start_month = first_month
        start = date(LAST, first_month, 1)
        _invoice_paid_across_the_year_end(db, start - timedelta(days=2))
        with db.read() as s:
            year_before = collect(s, date(LAST - 1, first_month, 1), start - timedelta(days=1))
            entries = collect(s, start, date(LAST + 1, first_month, 1) - timedelta(days=1))
        # last year: the invoice and its first payment, not lettered (88 € still owed)
        old = [x for e in year_before if e.piece_ref == "AN-TEST-0001" for x in e.lines]
        assert [x.letter for x in old if x.account == "411"] == ["", ""]
        an = [e for e in entries if e.journal == "AN"]
        assert len(an) == 1 and an[0].day == start
        carried = [x for x in an[0].lines if x.account == "411" and "AN-TEST-0001" in x.label]
        assert len(carried) == 1
        line = carried[0]
        assert (line.debit_cents, line.credit_cents) == (8_800, 0)
        assert line.aux == next(x.aux for x in old if x.account == "411")
        paid = [
            x
            for e in entries
            if e.piece_ref == "AN-TEST-0001" and e.journal != "AN"
            for x in e.lines
            if x.account == "411"
        ]
        assert len(paid) == 2
        assert line.letter and {x.letter for x in paid} == {line.letter}
        assert line.letter_day == start + timedelta(days=1)
        assert sum(x.debit_cents for x in an[0].lines) == sum(x.credit_cents for x in an[0].lines)
    finally:
        db.dispose()


@pytest.mark.parametrize("vat_on_receipts", [False, True])
def test_the_sales_summed_in_sql_are_what_the_sales_sources_book(
    demo_path, tmp_path, vat_on_receipts
):
    """The opening entry sums the earlier sales and payments in SQL: the same
    balance-sheet balances, to the cent, as reading them entry by entry — with VAT waiting on 44574 for an
    invoice paid across the year end too."""
    from tierslieu_desktop.services.finance.journal.core import saved_accounts
    from tierslieu_desktop.services.finance.journal.opening import _balances, _earlier_entries

    db = copy_of(demo_path, tmp_path)
    try:
        with db.write() as s:
            structure = s.get(Structure, 1)
            structure.vat_regime = "liable"
            structure.vat_on_debits = not vat_on_receipts
        _invoice_paid_across_the_year_end(db, date(LAST, 1, 1) - timedelta(days=2))
        _documents_straddling_the_year_end(db, date(LAST, 1, 1))
        with db.read() as s:
            numbers = {k: n for k, (n, _label) in saved_accounts(s)[0].items()}
            start = _earliest_day(s)
            for first_day in (date(LAST, 1, 1), date(LAST, 1, 3), date(LAST + 1, 1, 1)):
                summed, by_source = (
                    {
                        k: v[0]
                        for k, v in _balances(
                            _earlier_entries(s, start, first_day, 1, numbers, sum_sales=flag),
                            numbers,
                            first_day,
                        )[0].items()
                        if v[0] and k[0][0] in "12345"  # what is carried
                    }
                    for flag in (True, False)
                )
                assert summed == by_source, first_day
                assert any(a == "411" for a, _aux, _key in summed)
                if first_day == date(LAST, 1, 1):  # each unusual document carried
                    keys = {key for a, _aux, key in summed if a == "411"}
                    assert len({k for k in keys if k.startswith("doc:")}) >= 5
                if vat_on_receipts and first_day == date(LAST, 1, 1):
                    # 88 € of 132 € still owed: 2/3 of the invoice's 22 € VAT waits
                    assert summed[("44574", "", "")] < 0
    finally:
        db.dispose()


def test_every_expense_payment_of_the_last_year_is_lettered(demo):
    """The demo's energy bills are paid by direct debit 30 days later: December's in
    January, carried on 401 by the AN entry and lettered there with its payment; every
    payment of an expense in the year is lettered (issue 15: every payment lettered)."""
    with demo.read() as s:
        entries = collect_fiscal_year(s, LAST, today=TODAY)
    (an,) = [e for e in entries if e.journal == "AN"]
    carried = [x for x in an.lines if x.account == "401"]
    assert carried and all(x.letter for x in carried)
    payments = [
        x
        for e in entries
        if e.source.startswith("expense_payment:")
        for x in e.lines
        if x.account in ("401", "421")
    ]
    assert len(payments) > 50 and all(x.letter for x in payments)
    # the bills not paid yet at the demo's day stay open on 401
    open_bills = [
        x
        for e in entries
        if e.journal == "OD" and e.source.startswith("expense:")
        for x in e.lines
        if x.account == "401" and not x.letter
    ]
    assert open_bills and all(x.aux == "401EDF" for x in open_bills)
