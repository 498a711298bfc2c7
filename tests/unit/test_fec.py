"""FEC of the demo year: the 18 regulatory columns, balanced entries, totals = the
invoices and payments of the year."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from shared_demo import small_demo_copy
from sqlalchemy import select

from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import BankDeposit, Invoice, Payment, Structure
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.services.finance.fec import fec_filename, write_fec

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

REGULATORY = (
    "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|"
    "CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|"
    "Montantdevise|Idevise"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("fec") / "demo.sqlite"
    small_demo_copy(path)
    db = open_database(str(path), create=False)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def fec(demo, tmp_path_factory):
    path = write_fec(demo, 2026, tmp_path_factory.mktemp("out"))
    raw = path.read_bytes()
    lines = raw.decode("utf-8").split("\r\n")
    assert lines[-1] == ""
    rows = [line.split("|") for line in lines[1:-1]]
    return path, lines[0], rows


def cents(text):
    assert "." not in text and " " not in text
    euros, dec = text.split(",")
    assert len(dec) == 2
    return int(euros) * 100 + int(dec)


def test_file_named_after_the_siren_and_closing_date_with_the_18_columns(demo, fec):
    path, header, rows = fec
    with demo.read() as s:
        siren = s.get(Structure, 1).siret[:9]
    assert path.name == f"{siren}FEC20261231.txt"
    assert header == REGULATORY
    assert rows and all(len(r) == 18 for r in rows)
    assert fec_filename("", 2025) == "ASSOFEC20251231.txt"


def test_every_entry_balanced_numbered_per_journal_without_gaps_in_date_order(fec):
    """Issue 15: EcritureNum is continuous per journal ("VT000001"…), in date order
    within each journal; the piece date is the entry's, ValidDate a day of the file's
    format (the closing day, tested in test_journal.py)."""
    _, _, rows = fec
    sums = defaultdict(int)
    dates = {}
    for r in rows:
        sums[r[2]] += cents(r[11]) - cents(r[12])
        assert len(r[3]) == 8 and r[3].startswith("2026") and r[3] == r[9]
        assert len(r[15]) == 8 and r[15] >= r[3]
        assert r[2].startswith(r[0])
        dates.setdefault(r[2], r[3])
    assert all(v == 0 for v in sums.values())
    per_journal = defaultdict(list)
    for num in sums:
        per_journal[num[:2]].append(int(num[2:]))
    assert {"VT", "CA", "BQ"} <= set(per_journal)
    for journal, numbers in per_journal.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), journal
        ordered = [dates[f"{journal}{n:06d}"] for n in sorted(numbers)]
        assert ordered == sorted(ordered)


def test_totals_are_the_invoices_and_payments_of_the_year(demo, fec):
    _, _, rows = fec
    with demo.read() as s:
        invoices = [
            (i.kind, i.total_incl_cents)
            for i in s.scalars(select(Invoice))
            if to_local(i.issued_at).year == 2026
        ]
        payments = [
            (p.method, p.amount_cents)
            for p in s.scalars(select(Payment))
            if to_local(p.at).year == 2026
        ]
        deposits = [
            (d.kind, d.amount_cents) for d in s.scalars(select(BankDeposit)) if d.day.year == 2026
        ]
    sales = sum((-1 if kind == "credit_note" else 1) * total for kind, total in invoices)
    assert any(kind == "credit_note" for kind, _ in invoices)
    vt_411 = sum(cents(r[11]) - cents(r[12]) for r in rows if r[0] == "VT" and r[4] == "411")
    assert vt_411 == sales
    vt_revenue = sum(cents(r[12]) - cents(r[11]) for r in rows if r[0] == "VT" and r[4] != "411")
    assert vt_revenue == sales
    # (the opening entry AN carries the receivables of the year before: not a payment)
    paid = sum(
        cents(r[12]) - cents(r[11]) for r in rows if r[0] not in ("VT", "AN") and r[4] == "411"
    )
    assert paid == sum(a for _, a in payments)
    received = sum(cents(r[11]) - cents(r[12]) for r in rows if r[4] == "530" and r[0] == "CA")
    assert received == sum(a for m, a in payments if m == "cash")
    # the cash taken to the bank leaves 530 in BQ (512 / 530): what is left is the float
    taken = sum(cents(r[12]) - cents(r[11]) for r in rows if r[4] == "530" and r[0] == "BQ")
    assert taken == sum(a for k, a in deposits if k == "cash") > 0
    assert all(r[0] in ("CA", "BQ") for r in rows if r[4] == "530")


def test_customer_lines_carry_the_member_number(demo, fec):
    """Issue 15: every 411 line has its auxiliary account (the member's number, or the
    walk-in account); Pass numérique vouchers are a receivable on their issuer (4687)."""
    _, _, rows = fec
    customer = [r for r in rows if r[4] == "411"]
    assert customer and all(r[6] and r[7] for r in customer)
    assert any(r[6].startswith("A") for r in customer)
    sales_and_payments = {"411", "706", "707", "708", "756", "4191", "44571"} | {
        "512",
        "530",
        "5112",
        "4687",
        "44574",
    }
    assert {r[4] for r in rows if r[0] in ("VT", "CA")} <= sales_and_payments
    vouchers = [r for r in rows if r[4] == "4687"]
    assert vouchers and all(r[6] == "PASSNUM" for r in vouchers)
    # received (OD: invoices paid by Pass numérique, the drop-in log), or paid by the
    # issuer (BQ, a credit: the demo's quarterly settlements), or still owed at the end
    # of the earlier years (AN, carried by the opening entry)
    assert {"OD", "BQ"} <= {r[0] for r in vouchers} <= {"OD", "BQ", "AN"}
    assert all(cents(r[11]) == 0 for r in vouchers if r[0] == "BQ")


def test_cli_writes_the_fec_in_a_folder(demo, tmp_path, capsys):
    assert main(["export", "fec", "--year", "2025", "-o", str(tmp_path), "--db", demo.target]) == 0
    written = list(tmp_path.glob("*FEC20251231.txt"))
    assert len(written) == 1
    assert "FEC 2025" in capsys.readouterr().out
    missing = tmp_path / "nope"
    assert main(["export", "fec", "--year", "2025", "-o", str(missing), "--db", demo.target]) == 1
    assert date(2025, 12, 31).strftime("%Y%m%d") in written[0].name


def test_export_streams_the_year_without_reading_every_member(demo, tmp_path):
    """Issue 14: the export reads the documents and payments of the year with their
    buyer joined (never the whole member table, never an ORM object per row) and leaves
    no side file behind; the file is the same."""
    from sqlalchemy import event

    seen: list[str] = []

    def hook(_conn, _cursor, statement, *_):
        seen.append(" ".join(statement.split()))

    event.listen(demo.engine, "before_cursor_execute", hook)
    try:
        path = write_fec(demo, 2026, tmp_path)
    finally:
        event.remove(demo.engine, "before_cursor_execute", hook)
    # The opening entry (AN) reads the earlier years as sums made by SQLite (one row per
    # revenue kind, payment method, or open document), the documents that can be open
    # (running balances, a second alias ``invoice_1`` for a credit note's invoice) and
    # the open documents by id.
    opening = [
        s
        for s in seen
        if s.startswith(("SELECT min(", "SELECT sum(", "SELECT coalesce(sum("))
        or ("sum(" in s and "GROUP BY" in s)
        or "invoice.id IN" in s
        or "invoice_open" in s
        or "invoice_1" in s
    ]
    reads = [s for s in seen if ("FROM invoice" in s or "FROM payment" in s) and s not in opening]
    assert reads and all("issued_at >=" in s or "payment.at >=" in s for s in reads)
    assert not [s for s in seen if "FROM member" in s and "JOIN" not in s]
    assert list(tmp_path.iterdir()) == [path]
