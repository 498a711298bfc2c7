"""The double-entry journal (issue 15) on the demo: what the accountant checks in the FEC —
balanced entries, numbering per journal, auxiliary accounts, lettering, ValidDate, the
fiscal year — and the refusal of an unbalanced entry."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, timedelta

import pytest
from shared_demo import small_demo_copy
from sqlalchemy import select

from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Closing, Invoice, Payment, Structure
from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine, fiscal_year, letter_code
from tierslieu_desktop.services.billing.ledger import close_period
from tierslieu_desktop.services.finance.fec import write_fec
from tierslieu_desktop.services.finance.journal import (
    SOURCES,
    collect,
    collect_fiscal_year,
    fiscal_year_bounds,
)
from tierslieu_desktop.services.finance.journal.core import iter_journal
from tierslieu_desktop.services.finance.journal.sales import WALK_IN_AUX, buyer_aux

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
TODAY = date(2027, 1, 15)  # the export day: after every closing of the demo


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("journal") / "demo.sqlite"
    small_demo_copy(path)
    return path


@pytest.fixture(scope="module")
def demo(demo_path):
    db = open_database(str(demo_path), create=False)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def entries(demo):
    with demo.read() as s:
        return collect(s, *YEAR, today=TODAY)


def copy_of(demo_path, tmp_path):
    target = tmp_path / "copy.sqlite"
    src, dst = sqlite3.connect(demo_path), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return open_database(str(target), create=False)


def test_every_entry_and_the_whole_year_balance(entries):
    assert len(entries) > 500
    for e in entries:
        assert sum(x.debit_cents for x in e.lines) == sum(x.credit_cents for x in e.lines), e
        assert all((x.debit_cents > 0) != (x.credit_cents > 0) for x in e.lines)
    assert sum(x.debit_cents for e in entries for x in e.lines) == sum(
        x.credit_cents for e in entries for x in e.lines
    )
    assert all(YEAR[0] <= e.day <= YEAR[1] for e in entries)


def test_numbers_are_continuous_per_journal_in_date_order(entries):
    seen: dict[str, list[tuple[int, date]]] = defaultdict(list)
    for e in entries:
        assert e.number[:2] == e.journal and len(e.number) == 8
        seen[e.journal].append((int(e.number[2:]), e.day))
    assert {"VT", "CA", "BQ", "OD"} <= set(seen)
    for journal, nums in seen.items():
        assert [n for n, _ in nums] == list(range(1, len(nums) + 1)), journal
        assert [d for _, d in nums] == sorted(d for _, d in nums), journal
    assert len({e.number for e in entries}) == len(entries)


def test_every_customer_line_has_its_auxiliary_account(demo, entries):
    customer = [x for e in entries for x in e.lines if x.account == "411"]
    assert customer and all(x.aux and x.aux_label for x in customer)
    with demo.read() as s:
        walk_in = set(
            s.scalars(
                select(Invoice.number).where(
                    Invoice.member_id.is_(None), Invoice.issued_at >= to_utc_start(2026)
                )
            )
        )
    for e in entries:
        for x in e.lines:
            if x.account == "411" and e.piece_ref in walk_in:
                assert (x.aux, x.aux_label) == WALK_IN_AUX
    assert buyer_aux(None, None, None) == ("411PASSAGE", "Clients de passage")
    assert buyer_aux("A0007", "Léa", "Martin") == ("A0007", "Léa Martin")


def to_utc_start(year):
    return local_dt(date(year, 1, 1), 0)


def test_a_paid_invoice_is_lettered_with_its_payments(demo, entries):
    """Every invoice of the year paid in full within the year (no credit note): its 411
    lines and those of its payments share one letter, DateLet = the last payment's day."""
    by_piece: dict[str, list] = defaultdict(list)
    for e in entries:
        for x in e.lines:
            if x.account == "411":
                by_piece[e.piece_ref].append((e, x))
    with demo.read() as s:
        credited = set(
            s.scalars(
                select(Invoice.credited_invoice_id).where(Invoice.credited_invoice_id.is_not(None))
            )
        )
        rows = s.execute(
            select(Invoice.id, Invoice.number, Invoice.total_incl_cents, Invoice.issued_at).where(
                Invoice.kind == "invoice", Invoice.issued_at >= to_utc_start(2026)
            )
        ).all()
        pays = defaultdict(list)
        for inv_id, cents, at in s.execute(
            select(Payment.invoice_id, Payment.amount_cents, Payment.at)
        ):
            pays[inv_id].append((cents, to_local(at).date()))
    checked = 0
    for inv_id, number, total, _at in rows:
        paid = pays.get(inv_id, [])
        if inv_id in credited or not paid or sum(c for c, _ in paid) != total or total == 0:
            continue
        if any(d > YEAR[1] for _, d in paid):
            continue
        lines = by_piece[number]
        assert len(lines) == 1 + len(paid), number
        letters = {x.letter for _, x in lines}
        assert len(letters) == 1 and "" not in letters, (number, letters)
        assert {x.letter_day for _, x in lines} == {max(d for _, d in paid)}
        checked += 1
    assert checked > 100
    # a letter is one group, balanced
    groups: dict[str, int] = defaultdict(int)
    for e in entries:
        for x in e.lines:
            if x.letter:
                groups[x.letter] += x.debit_cents - x.credit_cents
    assert groups and all(v == 0 for v in groups.values())
    assert "AA" in groups


def test_a_credit_note_is_lettered_with_the_invoice_it_credits(demo, entries):
    with demo.read() as s:
        pairs = s.execute(
            select(Invoice.number, Invoice.credited_invoice_id).where(Invoice.kind == "credit_note")
        ).all()
        numbers = dict(s.execute(select(Invoice.id, Invoice.number)).all())
    letter_of = {
        e.piece_ref: x.letter
        for e in entries
        if e.journal == "VT"
        for x in e.lines
        if x.account == "411"
    }
    lettered = [
        (note, numbers[inv])
        for note, inv in pairs
        if note in letter_of and numbers[inv] in letter_of
    ]
    assert lettered
    for note, invoice in lettered:
        assert letter_of[note] and letter_of[note] == letter_of[invoice], (note, invoice)


def test_valid_date_is_the_closing_day_or_the_export_day(demo, entries):
    with demo.read() as s:
        closings = [
            (a, b, to_local(c).date())
            for a, b, c in s.execute(
                select(Closing.period_start, Closing.period_end, Closing.closed_at)
            )
        ]
    closed_days = 0
    for e in entries:
        covering = [c for a, b, c in closings if a <= e.day <= b]
        if covering:
            assert e.valid_day == min(covering), e.number
            closed_days += 1
        else:
            assert e.valid_day == TODAY, e.number
    assert closed_days


def test_valid_date_of_a_day_not_closed_is_the_export_day_then_its_closing_day(demo_path, tmp_path):
    """A payment on a day no closing covers yet: ValidDate = the export day; once the
    day is closed (three days later), the closing day."""
    db = copy_of(demo_path, tmp_path)
    day = date(2026, 12, 10)
    try:
        with db.write() as s:
            inv_id = s.scalar(select(Invoice.id).where(Invoice.kind == "invoice").limit(1))
            s.add(Payment(invoice_id=inv_id, at=local_dt(day, 10), method="cash", amount_cents=500))
        with db.read() as s:
            mine = [e for e in collect(s, *YEAR, today=TODAY) if e.day == day]
        assert [e.valid_day for e in mine] == [TODAY]
        close_period(db, None, "day", day, now=local_dt(day + timedelta(days=3), 20))
        with db.read() as s:
            mine = [e for e in collect(s, *YEAR, today=TODAY) if e.day == day]
        assert [e.valid_day for e in mine] == [day + timedelta(days=3)]
    finally:
        db.dispose()


def test_a_fiscal_year_starting_in_september(demo_path, tmp_path):
    db = copy_of(demo_path, tmp_path)
    try:
        with db.write() as s:
            s.get(Structure, 1).fiscal_year_start_month = 9
        with db.read() as s:
            bounds = fiscal_year_bounds(s, 2025)
            assert bounds == (date(2025, 9, 1), date(2026, 8, 31))
            got = collect(s, *bounds, today=TODAY)
            assert collect_fiscal_year(s, 2025, today=TODAY) == got
        days = {e.day for e in got}
        assert min(days) >= date(2025, 9, 1) and max(days) <= date(2026, 8, 31)
        assert any(d.year == 2025 for d in days) and any(d.year == 2026 for d in days)
        out = tmp_path / "out"
        out.mkdir()
        path = write_fec(db, 2025, out)
        assert path.name.endswith("FEC20260831.txt")
        rows = [r.split("|") for r in path.read_bytes().decode("utf-8").split("\r\n")[1:-1]]
        assert len({r[2] for r in rows}) == len(got)
        assert min(r[3] for r in rows) >= "20250901" and max(r[3] for r in rows) <= "20260831"
        assert main(["export", "fec", "--year", "2025", "-o", str(out), "--db", db.target]) == 0
    finally:
        db.dispose()


def test_an_unbalanced_entry_is_refused_naming_its_piece(demo):
    def broken(_s, first, _last):
        yield JournalEntry(
            "OD",
            first,
            "PIECE-42",
            first,
            "cassée",
            (JournalLine("512", debit_cents=100), JournalLine("customers", credit_cents=99)),
            "test:1",
        )

    with demo.read() as s, pytest.raises(DomainError) as err:
        list(iter_journal(s, *YEAR, (broken,), today=TODAY))
    assert err.value.code == "journal_unbalanced"
    assert err.value.params["piece"] == "PIECE-42"


def test_the_collector_is_given_back_whatever_happens(demo):
    """The journal pauses the cycle collector while it reads a year and freezes what it
    holds while it posts: after a whole journal, a refused entry, a failing source or a
    reader that stops early, the collector runs again and nothing stays frozen."""
    import gc

    def failing(_s, first, _last):
        yield JournalEntry("OD", first, "P-1", first, "x", (JournalLine("512", 1),), "t:1")
        raise RuntimeError("source down")

    def broken(_s, first, _last):
        yield JournalEntry("OD", first, "P-2", first, "x", (JournalLine("512", 1),), "t:2")

    with demo.read() as s:
        assert collect(s, *YEAR, today=TODAY)
        assert gc.isenabled() and gc.get_freeze_count() == 0
        for source, error in ((failing, RuntimeError), (broken, DomainError)):
            with pytest.raises(error):
                list(iter_journal(s, *YEAR, (source,), today=TODAY))
            assert gc.isenabled() and gc.get_freeze_count() == 0
        stream = iter_journal(s, *YEAR, SOURCES, today=TODAY)
        next(stream)
        assert gc.isenabled() and gc.get_freeze_count() > 0  # held while it is read
        stream.close()
        assert gc.isenabled() and gc.get_freeze_count() == 0


def test_fiscal_year_and_letter_codes():
    assert fiscal_year(2026) == (date(2026, 1, 1), date(2026, 12, 31))
    assert fiscal_year(2024, 3) == (date(2024, 3, 1), date(2025, 2, 28))
    assert [letter_code(i) for i in (0, 1, 26, 675, 676)] == ["AA", "AB", "BA", "ZZ", "AAA"]
    with pytest.raises(ValueError):
        fiscal_year(2026, 13)


def _sale_with_vat(db, day, walk_in=False):
    """An invoice of the copy's first member (or of nobody: a walk-in sale) with a
    service line (VAT 20 €) and a goods line (VAT 2 €), 132 € in all, paid in three
    payments of 44 €."""
    from sqlalchemy import insert

    from tierslieu_desktop.db.models import InvoiceLine

    with db.write() as s:
        row = dict(
            s.execute(select(Invoice.__table__).where(Invoice.member_id.is_not(None)).limit(1))
            .mappings()
            .one()
        )
        row.update(
            id=None,
            number="TVA-0001",
            counter=999_999,
            issued_at=local_dt(day, 9),
            kind="invoice",
            credited_invoice_id=None,
            vat_regime="liable",
            total_excl_cents=11_000,
            total_vat_cents=2_200,
            total_incl_cents=13_200,
        )
        if walk_in:
            row["member_id"] = None
        row.pop("id")
        inv_id = s.execute(insert(Invoice).values(**row)).inserted_primary_key[0]
        for pos, (kind, excl, vat) in enumerate(
            (("usage", 10_000, 2_000), ("consumable", 1_000, 200)), start=1
        ):
            s.add(
                InvoiceLine(
                    invoice_id=inv_id,
                    position=pos,
                    kind=kind,
                    revenue_kind=kind,
                    designation=kind,
                    quantity_milli=1000,
                    unit_price_excl_cents=excl,
                    vat_rate_bp=2000,
                    total_excl_cents=excl,
                    vat_cents=vat,
                    total_incl_cents=excl + vat,
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


@pytest.mark.parametrize("on_debits", [False, True])
def test_vat_on_receipts_waits_on_44574_until_paid(demo_path, tmp_path, on_debits):
    """Services' VAT is due on receipts unless the structure opted for debits: at
    invoicing it goes to 44574, each payment moves its share to 44571 (the whole of it
    once paid in full); goods' VAT goes to 44571 at invoicing either way."""
    db = copy_of(demo_path, tmp_path)
    day = date(2026, 12, 14)
    try:
        with db.write() as s:
            structure = s.get(Structure, 1)
            structure.vat_regime, structure.vat_on_debits = "liable", on_debits
        _sale_with_vat(db, day, walk_in=on_debits)
        with db.read() as s:
            mine = [
                e
                for e in collect(s, *YEAR, today=TODAY)
                if e.day >= day and e.source.startswith(("invoice:", "payment:"))
            ]
        assert len(mine) == 4

        def net(entries, account):
            return sum(
                x.credit_cents - x.debit_cents
                for e in entries
                for x in e.lines
                if x.account == account
            )

        sale, payments = mine[0], mine[1:]
        assert sale.journal == "VT"
        if on_debits:
            assert net([sale], "44571") == 2_200 and net([sale], "44574") == 0
            assert net(payments, "44571") == 0
        else:
            assert net([sale], "44574") == 2_000 and net([sale], "44571") == 200
            moved = [net([p], "44571") for p in payments]
            assert moved == [667, 666, 667]
            assert net(mine, "44574") == 0 and net(mine, "44571") == 2_200
        customer = [x for e in mine for x in e.lines if x.account == "411"]
        assert len(customer) == 4 and len({x.letter for x in customer}) == 1
        assert customer[0].letter and customer[0].letter_day == day + timedelta(days=3)
        if on_debits:  # the walk-in sale: the walk-in auxiliary account, lettered too
            assert {(x.aux, x.aux_label) for x in customer} == {WALK_IN_AUX}
    finally:
        db.dispose()


def test_the_fiscal_year_first_month_is_checked():
    from tierslieu_desktop.domain.errors import ValidationError
    from tierslieu_desktop.services.people.structure import StructureData, validate_structure

    assert validate_structure(StructureData(name="Fab", fiscal_year_start_month=9))
    with pytest.raises(ValidationError) as err:
        validate_structure(StructureData(name="Fab", fiscal_year_start_month=13))
    assert err.value.fields == {"fiscal_year_start_month": "invalid"}


def test_the_year_exported_for_paheko_and_as_ledger_balances(demo, tmp_path, capsys):
    """``tierslieu export paheko`` / ``export ledger``: the whole journal of the fiscal
    year (sales, payments, grants, expenses, depreciation, in-kind), in Paheko's columns
    and as a general ledger with its trial balance, debit = credit."""
    import csv

    from openpyxl import load_workbook

    from tierslieu_desktop.reports.paheko import PAHEKO_COLUMNS

    csv_path, xlsx_path = tmp_path / "journal.csv", tmp_path / "ledger.xlsx"
    assert (
        main(["export", "paheko", "--year", "2026", "-o", str(csv_path), "--db", demo.target]) == 0
    )
    assert "lignes d'écriture de l'exercice 2026 écrites" in capsys.readouterr().out
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8").splitlines()))
    assert tuple(rows[0]) == tuple(PAHEKO_COLUMNS)
    cents = [
        (round(float(r[9].replace(",", ".")) * 100), round(float(r[10].replace(",", ".")) * 100))
        for r in rows[1:]
    ]
    assert sum(d for d, _ in cents) == sum(c for _, c in cents) > 0
    accounts = {r[7] for r in rows[1:]}
    for prefix in ("411", "512", "530", "6", "74", "68", "28", "86", "87", "139", "777"):
        assert any(a.startswith(prefix) for a in accounts), prefix
    assert (
        main(["export", "ledger", "--year", "2026", "-o", str(xlsx_path), "--db", demo.target]) == 0
    )
    book = load_workbook(xlsx_path, read_only=True)
    assert book.sheetnames == ["Grand livre", "Balance"]
