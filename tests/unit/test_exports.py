"""Spreadsheet exports: French headers, typed XLSX cells, CSV for French spreadsheets."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from shared_demo import small_demo_copy

from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.services.finance import exports

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "demo.sqlite"
    small_demo_copy(path)
    db = open_database(str(path), create=False)
    yield db
    db.dispose()


@pytest.mark.parametrize("table", exports.TABLES)
def test_every_table_has_french_headers_and_rows_of_that_width(demo, table):
    headers, rows = exports.table_rows(demo, table, None)
    assert headers and all(isinstance(h, str) for h in headers)
    assert rows, table
    assert all(len(r) == len(headers) for r in rows)


def test_year_keeps_the_rows_of_that_year(demo):
    headers, rows = exports.table_rows(demo, "invoices", 2026)
    day = headers.index("Date")
    assert rows and all(r[day].year == 2026 for r in rows)
    _, all_rows = exports.table_rows(demo, "invoices", None)
    assert len(all_rows) > len(rows)
    credit = [r for r in rows if r[1] == "Avoir"]
    assert credit and all(r[headers.index("Total TTC")] < 0 for r in credit)


def test_xlsx_has_dates_money_numbers_frozen_header(demo, tmp_path):
    path = tmp_path / "usages.xlsx"
    count = exports.export_xlsx(demo, "usages", 2026, path)
    headers, rows = exports.table_rows(demo, "usages", 2026)
    assert count == len(rows)
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == headers
    assert ws.freeze_panes == "A2"
    assert ws.max_row == count + 1
    start = ws.cell(row=2, column=headers.index("Début") + 1)
    assert isinstance(start.value, datetime) and start.number_format.startswith("dd/mm/yyyy")
    charged = ws.cell(row=2, column=headers.index("Montant facturé") + 1)
    assert isinstance(charged.value, (int, float)) and "€" in charged.number_format
    assert Decimal(str(charged.value)) == rows[0][headers.index("Montant facturé")]
    assert ws.column_dimensions["D"].width > 10


def test_csv_is_utf8_bom_semicolon_decimal_comma(demo, tmp_path):
    path = tmp_path / "invoices.csv"
    count = exports.export_csv(demo, "invoices", 2026, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert len(lines) == count + 1
    assert lines[0].split(";")[:3] == ["Numéro", "Type", "Date"]
    first = lines[1].split(";")
    assert first[2].endswith("/2026") and len(first[2]) == 10
    assert "," in first[-1] and "." not in first[-1]
    assert exports.csv_value(Decimal("1234.5")) == "1234,50"
    assert exports.csv_value(date(2026, 3, 9)) == "09/03/2026"


def test_cli_exports_a_table(demo, tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    assert main(["export", "xlsx", "members", "-o", str(out), "--db", demo.target]) == 0
    assert out.exists() and "ligne" in capsys.readouterr().out
    out = tmp_path / "e.csv"
    assert (
        main(["export", "csv", "expenses", "--year", "2025", "-o", str(out), "--db", demo.target])
        == 0
    )
    assert out.read_text(encoding="utf-8-sig").startswith("Date;Catégorie")
