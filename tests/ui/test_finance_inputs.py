"""The finance screens keep days within 2000–2100 and read imported files in UTF-8 or
Windows-1252 (issue 13, point 6)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.finance import funding as finance

TODAY = date(2026, 6, 15)


@pytest.fixture
def page(qtbot, ctx):
    from tierslieu_desktop.ui.pages.finances.page import FinancesPage

    p = FinancesPage(ctx, today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.activate()
    return p


def test_date_edits_stop_at_2000_and_2100(page, ctx, db, operator):
    funder = finance.save_funder(db, operator, name="Région", sector="public", level="region")
    page.funders.reload()
    edits = [page.first, page.last, page.expenses.first, page.expenses.last]
    expense = page.expenses.edit(new=True)
    edits.append(expense.day)
    grant = page.funders.edit_grant(new=True)
    edits += [grant.form.field("period_start"), grant.form.field("period_end")]
    for edit in edits:
        assert edit.minimumDate() == QDate(2000, 1, 1)
        assert edit.maximumDate() == QDate(2100, 12, 31)
        edit.setDate(QDate(9999, 1, 1))
        assert edit.date() == QDate(2100, 12, 31)
    expense.reject()

    # a day typed in a free date field is refused under its field, in French
    grant.funder.setCurrentIndex(grant.funder.findData(funder))
    grant.purpose.setText("Fonctionnement")
    grant.requested.setText("1000")
    grant.form.field("period_start").setDate(QDate(2026, 1, 1))
    grant.report_due.setText("01/01/1999")
    grant.submit()
    assert grant.isVisible()
    label = grant.form.error_label("report_due")
    assert label.isVisible() and "2000" in label.text() and "La date" in label.text()
    assert finance.list_grants(db) == []


def test_expense_file_in_windows_1252_imports_and_a_bad_one_names_its_line(
    page, tmp_path, db, finished
):
    tab = page.expenses
    good = tmp_path / "depenses.csv"
    good.write_bytes(
        "date;categorie;activite;montant;libelle\n03/02/2026;énergie;general;12,50;Électricité\n".encode(
            "cp1252"
        )
    )
    assert finished(tab.import_file(good)) == 1
    assert [e.label for e in expenses.list_expenses(db)] == ["Électricité"]
    bad = tmp_path / "illisible.csv"
    bad.write_bytes(b"date;categorie;activite;montant\n03/02/2026;autre;general;1\n\x81\x8d\n")
    assert finished(tab.import_file(bad)) is None
    assert "ligne 3" in tab.status.text().lower()
    assert len(expenses.list_expenses(db)) == 1
