"""Small wording and behaviour defects of issue 17: the commune completer, the booking
history, the RNA placeholder, overdue grant reports, finance references and budget."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tierslieu_desktop.domain.calendar import lab_today


def test_commune_completer_closes_when_the_field_is_left(ctx, qtbot):
    from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInTab

    tab = DropInTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    fields = tab.fields
    fields._communes.setStringList(["Saint-Céré", "Saint-Laurent-les-Tours", "Sousceyrac"])
    fields.commune.setFocus()
    qtbot.keyClicks(fields.commune, "Sa")
    popup = fields.commune.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(fields.commune, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)


def test_figures_offer_this_month_no_future_year_and_count_only_held_sessions(qtbot, ctx):
    from tierslieu_desktop.domain.calendar import local_dt
    from tierslieu_desktop.services.activity import sessions as activities
    from tierslieu_desktop.services.activity.sessions import ActivityInput, SessionInput
    from tierslieu_desktop.ui.pages.activity.figures_tab import THIS_MONTH, FiguresTab

    today = date(2026, 12, 6)
    workshop = activities.save_activity(
        ctx.db, ctx.operator_id, ActivityInput(name="Repair café", kind="digital_workshop")
    )
    for day in (date(2026, 12, 2), date(2026, 12, 19)):  # one held, one still to come
        activities.create_session(
            ctx.db,
            ctx.operator_id,
            SessionInput(
                activity_id=workshop,
                start_at=local_dt(day, 9 * 60),
                end_at=local_dt(day, 12 * 60),
                capacity=10,
            ),
        )
    tab = FiguresTab(ctx)
    tab.today_fn = lambda: today
    qtbot.addWidget(tab)
    years = [tab.year.itemData(i) for i in range(tab.year.count())]
    assert lab_today().year + 1 not in years  # no year still to come
    assert tab.year.itemText(0) == "Ce mois-ci"
    tab.year.setCurrentIndex(tab.year.findData(THIS_MONTH))
    assert tab.period() == (date(2026, 12, 1), date(2026, 12, 31))
    assert tab.key_labels["sessions"].text() == "1"  # the 19th is not held yet
    assert "06/12/2026" in tab.detail.text()
    tab.set_period(date(2026, 12, 1), date(2026, 12, 31))
    assert tab.year.currentData() == THIS_MONTH
    assert tab.default_file_name() == "activite-2026-12-01-2026-12-31.xlsx"


def test_rna_placeholder_is_not_a_number_that_looks_real(ctx, qtbot):
    from tierslieu_desktop.ui.pages.settings.page import StructureTab

    tab = StructureTab(ctx)
    qtbot.addWidget(tab)
    assert tab.fields["rna"].placeholderText() == "W + 9 chiffres"


def _grant(due: date | None):  # type: ignore[no-untyped-def]
    from tierslieu_desktop.services.finance.funding import GrantRow

    fields = {f: None for f in GrantRow.__dataclass_fields__}
    fields.update(funder_name="Région Occitanie", purpose="Fonctionnement", report_due=due)
    return GrantRow(**fields)


def test_a_past_report_date_is_said_late_not_soon(ctx):
    from tierslieu_desktop.ui.pages.finances.funders_tab import due_text

    today = date(2026, 12, 6)
    text = due_text([_grant(date(2026, 3, 31)), _grant(date(2026, 12, 20))], today)
    late, soon = text.split("\n")
    assert late == "⚠ Compte rendu en retard : Région Occitanie — Fonctionnement (31/03/2026)"
    assert soon.endswith("Fonctionnement (20/12/2026)") and "bientôt" in soon
    assert "retard" not in due_text([_grant(date(2026, 12, 20))], today)


def test_finance_details_references_in_words(ctx):
    from tierslieu_desktop.services.finance.balance import DetailRow
    from tierslieu_desktop.ui.pages.finances.details import reference_text

    def ref(source: str, reference: str) -> str:
        return reference_text(DetailRow(date(2026, 3, 12), source, "x", 100, reference))

    assert ref("usage", "U577") == "Usage du 12/03/2026"
    assert ref("membership", "M56") == "Adhésion 2026"
    assert ref("grant", "G10") == "Subvention 2026"
    assert ref("invoice", "F2026-00012") == "F2026-00012"  # an invoice keeps its number


def test_budget_amounts_with_separators_and_euro(ctx, qtbot):
    from tierslieu_desktop.services.finance import expenses
    from tierslieu_desktop.ui.pages.finances.expenses_tab import ExpensesTab

    year = lab_today().year
    expenses.set_budget(ctx.db, year, "expense", "staff", 2_100_000)
    tab = ExpensesTab(ctx)
    qtbot.addWidget(tab)
    tab.budget_year.setValue(year)
    tab.reload_budget()
    shown = [
        tab.budget_table.item(r, 2).text()
        for r in range(tab.budget_table.rowCount())
        if tab.budget_table.item(r, 2).text()
    ]
    assert shown == ["21\u202f000,00\u00a0€"]
    assert tab.save_budget()  # what is shown is read back as typed
    assert expenses.budget(ctx.db, year)[("expense", "staff")] == 2_100_000
