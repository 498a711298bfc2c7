"""Rapports › Exports: a table of a year to XLSX/CSV, the FEC of a fiscal year."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from tierslieu_desktop.db.models import Expense
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services.common import stamp
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.pages.reports.exports_tab import ExportsTab


def _expense(db, operator, day, cents):
    with db.write() as s:
        e = Expense(day=day, category="energy", activity="general", amount_cents=cents)
        e.label = "Électricité"
        stamp(e, operator, created=True)
        s.add(e)


def test_exports_the_expenses_of_the_chosen_year_as_xlsx(
    qtbot, ctx, db, operator, tmp_path, monkeypatch
):
    year = lab_today().year
    _expense(db, operator, date(year, 2, 28), 41250)
    _expense(db, operator, date(year - 1, 2, 28), 39900)
    tab = ExportsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.export_button.text() == "E&xporter le tableau…"
    tab.table.setCurrentIndex(tab.table.findData("expenses"))
    tab.year.setCurrentIndex(tab.year.findData(year))
    target = tmp_path / "depenses.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    tab.export_button.click()
    assert "1 ligne exportée" in tab.status.text()
    ws = load_workbook(target).active
    assert ws.cell(row=1, column=1).value == "Date"
    assert ws.cell(row=2, column=4).value == 412.5
    assert ws.max_row == 2


def test_csv_without_extension_gets_one_and_a_cancelled_dialog_writes_nothing(
    qtbot, ctx, db, operator, tmp_path, monkeypatch
):
    _expense(db, operator, date(lab_today().year, 3, 31), 1000)
    tab = ExportsTab(ctx)
    qtbot.addWidget(tab)
    tab.table.setCurrentIndex(tab.table.findData("expenses"))
    tab.format.setCurrentIndex(tab.format.findData("csv"))
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: "")
    tab.export_button.click()
    assert tab.status.text() == ""
    assert tab.export_table(str(tmp_path / "out")) == 1
    text = (tmp_path / "out.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b"10,00" in text


def test_fec_written_in_the_chosen_folder(qtbot, ctx, tmp_path, monkeypatch):
    tab = ExportsTab(ctx)
    qtbot.addWidget(tab)
    year = tab.fec_year.currentData()
    monkeypatch.setattr(file_dialogs, "choose_folder", lambda *a, **k: str(tmp_path))
    tab.fec_button.click()
    written = list(tmp_path.glob(f"*FEC{year}1231.txt"))
    assert len(written) == 1
    assert written[0].read_text(encoding="utf-8").startswith("JournalCode|JournalLib|")
    assert "FEC écrit" in tab.status.text()
    tab.export_fec(str(tmp_path / "missing"))
    assert "Impossible" in tab.status.text()
