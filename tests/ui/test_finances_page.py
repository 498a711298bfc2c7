"""Finances page: period, charts and key figures, details behind a figure, funders,
grants with payments, in-kind contributions, expenses (CSV import, delete), budget."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTableWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.finance import funding as finance

TODAY = date(2026, 6, 15)


@pytest.fixture
def data(db, operator):
    region = finance.save_funder(db, operator, name="Région", sector="public", level="region")
    fondation = finance.save_funder(
        db, operator, name="Fondation", sector="private", level="foundation"
    )
    for year, granted in ((2025, 12_000_00), (2026, 24_000_00)):
        finance.save_grant(
            db,
            operator,
            funder_id=region,
            purpose=f"Fonctionnement {year}",
            nature="operating",
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            requested_cents=granted,
            granted_cents=granted,
            report_due=date(2026, 7, 1) if year == 2025 else None,
            report_status="todo",
        )
    finance.save_grant(
        db,
        operator,
        funder_id=fondation,
        purpose="Don",
        nature="donation",
        period_start=date(2026, 3, 1),
        period_end=date(2026, 3, 31),
        requested_cents=3_000_00,
        granted_cents=3_000_00,
        granted_on=date(2026, 3, 10),
    )
    for month in range(1, 13):
        expenses.save_expense(
            db,
            operator,
            day=date(2025, month, 5),
            category="rent",
            activity="general",
            amount_cents=500_00,
            label="Loyer",
        )
    expenses.save_expense(
        db,
        operator,
        day=date(2026, 2, 5),
        category="energy",
        activity="general",
        amount_cents=300_00,
        label="Électricité",
    )
    return {"region": region, "fondation": fondation}


@pytest.fixture
def page(qtbot, ctx, data):
    from tierslieu_desktop.ui.pages.finances.page import FinancesPage

    p = FinancesPage(ctx, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    p.activate()
    return p


def bar_totals(page) -> list[float]:
    series = page.dashboard.bar_series
    sets = series.barSets()
    return [sum(s.at(i) for s in sets) for i in range(sets[0].count())]


def test_period_change_updates_charts_and_figures(page, qtbot):
    dash = page.dashboard
    # default: the last 12 months, July 2025 – today
    assert page.period_range() == (date(2025, 7, 1), TODAY)
    assert len(dash.months) == 12
    before_revenue = dash.current.total_revenue_cents
    page.set_year(2025)
    assert page.period_range() == (date(2025, 1, 1), date(2025, 12, 31))
    b = dash.current
    assert b.public_cents == 12_000_00
    assert b.costs_cents >= 6_000_00
    assert b.total_revenue_cents != before_revenue
    # the bars of each month add up to the period, and the bar chart shows 12 months
    assert round(sum(bar_totals(page)) * 100) == b.total_revenue_cents
    assert page.dashboard.bar_figures[0] == "own"
    assert "public:region" in page.dashboard.bar_figures
    # the donut has the same origins
    labels = [s.label() for s in dash.pie_series.slices()]
    assert "Région" in labels
    assert dash.cards["revenue"].text().startswith("12\u202f000,00\xa0€")
    assert dash.figure_text("public_share") == "100,0\u202f%"
    # 2026: the donation (private) appears, and the trend compares with 2025
    page.set_year(2026)
    assert dash.current.private_cents == 3_000_00
    assert "private" in dash.bar_figures
    # the comparison with the year before follows right after the first paint
    qtbot.waitUntil(lambda: "▲" in dash.cards["revenue"].text(), timeout=3000)
    # typed dates = a custom period
    page.set_period(date(2026, 3, 1), date(2026, 3, 31))
    assert page.period.currentData() == "custom"
    assert len(dash.months) == 1
    assert dash.current.private_cents == 3_000_00


def test_click_on_a_figure_shows_its_lines(page, qtbot):
    page.set_year(2025)
    dash = page.dashboard
    qtbot.mouseClick(dash.cards["costs"], Qt.MouseButton.LeftButton)
    dialog = dash.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.total_cents == dash.current.costs_cents
    labels = {dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())}
    assert "Loyer" in labels
    dialog.close()
    # a bar: the lines of that origin in that month only
    index = dash.bar_figures.index("public:region")
    dash.bar_series.barSets()[index].clicked.emit(2)  # March 2025
    dialog = dash.dialog
    assert dialog.isVisible()
    assert dialog.total_cents == round(dash.bar_series.barSets()[index].at(2) * 100)
    dialog.close()
    # the result: revenue minus costs
    dialog = dash.open_figure("result")
    assert dialog.total_cents == dash.current.result_cents


def test_add_funder_grant_payment_and_in_kind(page, qtbot, ctx, db):
    from tierslieu_desktop.ui.pages.finances.dialogs import GrantDialog

    tab = page.funders
    page.tabs.setCurrentWidget(tab)
    assert "Fonctionnement 2025" in tab.due_line.text()  # report due within 30 days
    dialog = tab.edit_funder(new=True)
    dialog.name.setText("Commune de Lodève")
    dialog.level.setCurrentIndex(dialog.level.findData("commune"))
    assert dialog.sector.currentData() == "public"
    dialog.submit()
    assert not dialog.isVisible()
    names = [tab.funders.item(r, 0).text() for r in range(tab.funders.rowCount())]
    assert "Commune de Lodève" in names
    commune = next(f.id for f in finance.list_funders(db) if f.name == "Commune de Lodève")

    # a grant: an invalid amount is shown under its field, nothing saved
    dialog = tab.edit_grant(new=True)
    assert isinstance(dialog, GrantDialog)
    dialog.funder.setCurrentIndex(dialog.funder.findData(commune))
    dialog.purpose.setText("Ateliers numériques")
    dialog.requested.setText("abc")
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.form.error_label("requested_cents").isVisible()
    dialog.requested.setText("5 000")
    dialog.granted.setText("4000,50")
    dialog.budget.item(0, 1).setText("1000")
    dialog.submit()
    assert not dialog.isVisible()
    grant = next(g for g in finance.list_grants(db) if g.purpose == "Ateliers numériques")
    assert grant.granted_cents == 4000_50
    assert grant.planned_budget == {"60": 1000_00}
    assert tab.current_grant().id == grant.id

    payment = tab.add_payment()
    assert payment.amount_edit.text() == "4000,50"  # the rest to receive is proposed
    payment.amount_edit.setText("1500")
    payment.submit()
    assert not payment.isVisible()
    assert tab.payments.rowCount() == 1
    assert tab.payments.item(0, 1).text() == "1\u202f500,00\xa0€"
    row = next(
        r
        for r in range(tab.grants.rowCount())
        if tab.grants.item(r, 1).text() == "Ateliers numériques"
    )
    assert tab.grants.item(row, 6).text() == "1\u202f500,00\xa0€"

    tab.in_kind_year.setValue(2026)
    dialog = tab.edit_in_kind(new=True)
    assert dialog.funder.currentData() is None  # volunteers first
    dialog.kind.setCurrentIndex(dialog.kind.findData("volunteering"))
    dialog.description.setText("Bénévoles du repair café")
    dialog.hours.setText("120")
    dialog.value.setText("1440")
    dialog.submit()
    assert tab.in_kind.rowCount() == 1
    assert tab.in_kind.item(0, 0).text() == "Bénévoles"


def test_the_grant_dialog_edits_the_report_key_texts_and_objectives(page, db, ctx):
    from PySide6.QtWidgets import QPlainTextEdit, QSpinBox

    grant = next(g for g in finance.list_grants(db) if g.purpose == "Fonctionnement 2026")
    finance.save_grant(
        db, None, grant_id=grant.id, funder_id=grant.funder_id, purpose=grant.purpose,
        nature=grant.nature, period_start=grant.period_start, period_end=grant.period_end,
        requested_cents=grant.requested_cents, granted_cents=grant.granted_cents,
        planned_budget={"64": 30_000_00, "74_f99": 5_000_00},
    )  # fmt: skip
    grant = finance.get_grant(db, grant.id)
    tab = page.funders
    page.tabs.setCurrentWidget(tab)
    from tierslieu_desktop.ui.pages.finances.dialogs import GrantDialog

    dialog = GrantDialog(ctx, grant, tab)
    dialog.show()
    report = dialog.report_form
    key = report.field("alloc_key")
    assert isinstance(key, QComboBox) and key.accessibleName()
    assert not dialog.alloc_fixed.isEnabled()  # only for a fixed percentage
    key.setCurrentIndex(key.findData("fixed"))
    assert dialog.alloc_fixed.isEnabled()
    dialog.alloc_fixed.setText("150")  # more than 100 %: refused under its field
    dialog.submit()
    assert dialog.isVisible()
    assert report.error_label("alloc_fixed_bp").isVisible()
    assert dialog.tabs.currentIndex() == 1  # the tab of the error is shown
    dialog.alloc_fixed.setText("42,5")
    objectives = report.field("report_objectives")
    assert isinstance(objectives, QPlainTextEdit) and objectives.accessibleName()
    objectives.setPlainText("Ouvrir le fablab aux collégiens.\nDeux classes par mois.")
    report.field("report_difficulties").setPlainText("Transport des classes.")
    users = report.field("target_users")
    assert isinstance(users, QSpinBox) and users.accessibleName()
    users.setValue(300)
    dialog.submit()
    assert not dialog.isVisible()
    saved = finance.get_grant(db, grant.id)
    assert (saved.alloc_key, saved.alloc_fixed_bp) == ("fixed", 4250)
    assert saved.texts["objectives"] == "Ouvrir le fablab aux collégiens.\nDeux classes par mois."
    assert saved.texts["difficulties"] == "Transport des classes."
    assert saved.targets == {"users": 300, "hours": None, "sessions": None}
    # the co-financer's planned line, not in the dialog's table, is kept
    assert saved.planned_budget == {"64": 30_000_00, "74_f99": 5_000_00}
    again = GrantDialog(ctx, saved, tab)  # shown again as saved
    assert again.alloc_fixed.text().replace(",", ".") == "42.5"
    assert again.texts["difficulties"].toPlainText() == "Transport des classes."
    assert again.targets["users"].value() == 300


def test_expenses_add_delete_import_and_budget(page, qtbot, db, monkeypatch, finished):
    import tierslieu_desktop.ui.pages.finances.expenses_tab as module

    tab = page.expenses
    page.tabs.setCurrentWidget(tab)
    tab.first.setDate(tab.first.date().addYears(-1))  # 2025 – 2026
    count = tab.table.rowCount()
    dialog = tab.edit(new=True)
    dialog.category.setCurrentIndex(dialog.category.findData("maintenance"))
    dialog.amount_edit.setText("89,90")
    dialog.label.setText("Courroie de la découpeuse")
    dialog.submit()
    assert not dialog.isVisible()
    assert tab.table.rowCount() == count + 1
    assert tab.current().label == "Courroie de la découpeuse"
    assert tab.current().amount_cents == 89_90

    # delete asks first; "No" keeps it
    monkeypatch.setattr(module, "ask_reason", lambda *a: None)
    assert not tab.delete_selected()
    assert tab.table.rowCount() == count + 1
    monkeypatch.setattr(module, "ask_reason", lambda *a: "Saisie en double")
    assert tab.delete_selected()
    assert tab.table.rowCount() == count

    # CSV import: a bad line is named and nothing is written
    header = "date;categorie;activite;montant;libelle;fournisseur\n"
    bad = header + "03/02/2026;energy;general;12,50;EDF;EDF\n04/02/2026;nope;general;3;x;y\n"
    assert finished(tab.import_text(bad)) is None
    assert "3" in tab.status.text()
    assert tab.table.rowCount() == count
    good = header + "03/02/2026;energy;general;12,50;Gaz;Engie\n"
    assert finished(tab.import_text(good)) == 1
    assert tab.table.rowCount() == count + 1

    # budget of a year; shown against the actual on the dashboard
    tab.budget_year.setValue(2025)
    row = next(
        r
        for r in range(tab.budget_table.rowCount())
        if tab.budget_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == ("expense", "rent")
    )
    tab.budget_table.item(row, 2).setText("6500")
    assert tab.save_budget()
    assert expenses.budget(db, 2025) == {("expense", "rent"): 6500_00}
    page.tabs.setCurrentWidget(page.dashboard)
    page.set_year(2025)
    table = page.dashboard.budget_table
    assert table.rowCount() >= 1
    texts = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert "6\u202f500,00\xa0€" in texts


def test_an_expense_unpaid_then_paid_in_cash(page, qtbot):
    """The expense dialog's payment: empty = not paid yet (the list says so), then a
    day and a method; the payment day follows the expense's day until set apart."""

    from tierslieu_desktop.i18n import formatting
    from tierslieu_desktop.ui.qdates import to_qdate

    tab = page.expenses
    page.tabs.setCurrentWidget(tab)
    dialog = tab.edit(new=True)
    assert dialog.payment_day.accessibleName() and dialog.payment_method.accessibleName()
    day = lab_today().replace(day=1)
    dialog.day.setDate(to_qdate(day))
    assert dialog.payment_day.text() == formatting.short_date(day)  # followed the day
    dialog.category.setCurrentIndex(dialog.category.findData("consumables"))
    dialog.amount_edit.setText("12,00")
    dialog.label.setText("Filament PLA")
    dialog.payment_day.setText("")
    dialog.submit()
    assert not dialog.isVisible()
    row = tab.current()
    assert row.label == "Filament PLA" and row.payment_day is None
    assert tab.table.item(tab.table.currentRow(), 7).text() == tab.tr("Not paid")

    dialog = tab.edit()
    assert dialog.payment_day.text() == ""
    dialog.payment_day.setText("31/02/2026")
    dialog.submit()
    assert dialog.isVisible() and dialog.form.error_label("payment_day").text()  # not a day
    paid = day.replace(day=2)
    dialog.payment_day.setText(formatting.short_date(paid))
    dialog.payment_method.setCurrentIndex(dialog.payment_method.findData("cash"))
    dialog.submit()
    assert not dialog.isVisible()
    row = tab.current()
    assert (row.payment_day, row.payment_method) == (paid, "cash")
    from tierslieu_desktop.ui.pages.finances.labels import expense_payment_method_names

    shown = tab.table.item(tab.table.currentRow(), 7).text()
    cash = expense_payment_method_names()["cash"].lower()
    assert shown.startswith(formatting.short_date(paid)) and cash in shown


def test_every_interactive_widget_has_an_accessible_name(page):
    page.tabs.setCurrentWidget(page.funders)
    page.funders.edit_grant(new=True)
    roots = [page, page.funders.dialog]
    missing = []
    checked = 0
    for root in roots:
        for w in (
            root.findChildren(QAbstractButton)
            + root.findChildren(QLineEdit)
            + root.findChildren(QComboBox)
            + root.findChildren(QTableWidget)
            + root.findChildren(QAbstractSpinBox)
            + root.findChildren(QChartView)
        ):
            parent = w.parentWidget()
            if page.simulator.isAncestorOf(w):
                continue  # another helper's tab
            if isinstance(parent, (QAbstractSpinBox, QComboBox)):
                continue  # the line edit inside a spin box or combo
            if type(w).__name__ in ("QTabBar", "QToolButton") or w.objectName().startswith("qt_"):
                continue
            checked += 1
            if not w.accessibleName():
                missing.append(
                    f"{type(w).__name__} {w.objectName()} {getattr(w, 'text', lambda: '')()}"
                )
    assert checked > 60
    assert missing == []


def test_home_shows_grant_reports_due(qtbot, ctx, data):
    from datetime import UTC, datetime

    from tierslieu_desktop.ui.pages.home import HomePage

    home = HomePage(ctx, now_fn=lambda: datetime(2026, 6, 15, 10, tzinfo=UTC))
    qtbot.addWidget(home)
    home.show()
    home.activate()
    assert home.reports_due.isVisible()
    assert "Fonctionnement 2025" in home.reports_due.text()
    later = HomePage(ctx, now_fn=lambda: datetime(2026, 3, 1, 10, tzinfo=UTC))
    qtbot.addWidget(later)
    later.show()
    later.activate()
    assert not later.reports_due.isVisible()


def test_the_comparison_with_last_year_is_read_off_the_window_thread(page, qtbot, monkeypatch):
    """The key figures of the year before (a second, lighter balance) are read in a
    worker, so the page is painted and usable without waiting for them."""
    import threading

    from tierslieu_desktop.services.finance import balance as balance_service

    threads: list[threading.Thread] = []
    real = balance_service.key_figures

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(balance_service, "key_figures", recording)
    dash = page.dashboard
    page.set_year(2026)
    qtbot.waitUntil(lambda: "▲" in dash.cards["revenue"].text(), timeout=3000)
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_reduced_access_table_tells_invoiced_from_not_invoiced_yet(qtbot, ctx, db, data):
    """Issue 17: a usage checked out and never invoiced (a typo of 85 140,50 €) is not
    "Facturé": it shows in its own column, to collect."""
    from datetime import timedelta

    from tierslieu_desktop.db.models import Space, Usage, UsageCharge
    from tierslieu_desktop.domain.calendar import local_dt
    from tierslieu_desktop.ui.pages.finances.page import FinancesPage

    with db.write() as s:
        space = Space(name="Fablab", kind="fablab")
        s.add(space)
        s.flush()
        start = local_dt(date(2026, 5, 4), 10 * 60)
        usage = Usage(
            space_id=space.id, start_at=start, end_at=start + timedelta(hours=1), minutes=60
        )
        s.add(usage)
        s.flush()
        s.add(
            UsageCharge(
                usage_id=usage.id,
                kind="consumable",
                label="Filament PLA",
                list_cents=8_514_050,
                reduction_cents=0,
                charged_cents=8_514_050,
            )
        )
    p = FinancesPage(ctx, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1024, 768)
    p.show()
    p.activate()
    p.set_year(2026)
    t = p.dashboard.reduced_table
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    # French once translations/pending/usagefix.json is merged, English until then
    assert headers[2:4] in (["Facturé", "À encaisser"], ["Invoiced", "Not invoiced yet"])
    assert t.rowCount() == 1
    assert t.item(0, 1).text() == "85\u202f140,50\xa0€"  # list price
    assert t.item(0, 2).text() == "0,00\xa0€"  # nothing invoiced
    assert t.item(0, 3).text() == "85\u202f140,50\xa0€"  # all of it still to collect
