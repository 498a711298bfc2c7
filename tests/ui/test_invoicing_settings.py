"""Paramètres: invoicing settings of the structure, the Facturation tab (number patterns
with a live preview and their history), and the invoicing fields of organisations."""

from __future__ import annotations

from tierslieu_desktop.db.models import DocumentCounter
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import OrganisationType, VatRegime
from tierslieu_desktop.services.billing import numbering
from tierslieu_desktop.services.people import members, structure
from tierslieu_desktop.ui.pages.members.dialog import MemberDialog
from tierslieu_desktop.ui.pages.settings import invoicing as invoicing_tab_module
from tierslieu_desktop.ui.pages.settings.page import SettingsPage


def make_page(qtbot, ctx) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_facturation_tab_is_in_french_and_previews_the_next_number(qtbot, ctx, db):
    year = lab_today().year
    with db.write() as s:
        s.add(DocumentCounter(series="invoice", period=str(year), last_value=123))
    page = make_page(qtbot, ctx)
    labels = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "&Facturation" in labels
    page.tabs.setCurrentWidget(page.invoicing)
    box = page.invoicing.boxes["invoice"]
    assert box.pattern.text() == "F{year}-{counter:06}"
    assert box.preview.text() == f"F{year}-000124"
    assert not box.save_button.isEnabled()  # nothing changed yet
    assert "jamais modifié" in box.history.item(0).text()
    credit = page.invoicing.boxes["credit_note"]
    assert credit.title() == "Avoirs"
    assert credit.preview.text() == f"AV{year}-000001"

    box.pattern.setText("FAC{yy}{month}-{counter:04}")
    assert box.preview.text() == f"FAC{year % 100:02d}{lab_today().month:02d}-0001"
    assert box.save_button.isEnabled()
    box.pattern.setText("FAC-{annee}-{counter}")
    assert "{counter}" in box.preview.text() and "modèle" in box.preview.text()
    assert not box.save_button.isEnabled()


def test_new_pattern_asks_then_is_used_and_kept_in_history(qtbot, ctx, db, monkeypatch):
    page = make_page(qtbot, ctx)
    box = page.invoicing.boxes["invoice"]
    questions = []
    answer = [False]

    def fake_confirm(_parent, _title, text, _action):
        questions.append(text)
        return answer[0]

    monkeypatch.setattr(invoicing_tab_module, "confirm", fake_confirm)
    box.pattern.setText("FA{year}-{counter:05}")
    assert box.submit() is False  # the user said no
    assert numbering.numbering_pattern(db, "invoice") == "F{year}-{counter:06}"
    assert f"FA{lab_today().year}-00001" in questions[0]
    answer[0] = True
    assert box.submit() is True
    assert box.status.text() == "Enregistré."
    assert numbering.numbering_pattern(db, "invoice") == "FA{year}-{counter:05}"
    assert box.history.count() == 1
    assert box.history.item(0).text().startswith("FA{year}-{counter:05} — depuis le ")
    # The credit note series is not touched.
    assert numbering.numbering_pattern(db, "credit_note") == "AV{year}-{counter:06}"


def test_refused_pattern_shows_the_error_under_the_field(qtbot, ctx, db):
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentWidget(page.invoicing)
    box = page.invoicing.boxes["credit_note"]
    box.pattern.setText("AV {year}-{counter}")  # no spaces in a number
    assert box.submit(ask=False) is False
    error = box.form.error_label("pattern")
    assert error.isVisible() and "{counter}" in error.text()
    assert numbering.numbering_history(db, "credit_note") == []


def test_structure_invoicing_fields_follow_the_vat_regime_and_are_checked(qtbot, ctx, db):
    page = make_page(qtbot, ctx)
    tab = page.structure
    assert not tab.default_vat_rate.isVisible()  # a new structure is exempt (association)
    tab.fields["name"].setText("Fab Causse SAS")
    tab.fields["siret"].setText("73282932000074")
    tab.fields["vat_number"].setText("FR44732829320")
    tab.fields["capital"].setText("10 000 €")
    tab.fields["rcs_city"].setText("Cahors")
    tab.vat_regime.setCurrentIndex(tab.vat_regime.findData(VatRegime.LIABLE.value))
    assert tab.default_vat_rate.isVisible() and tab.vat_on_debits.isVisible()
    assert tab.default_vat_rate.currentText() == "20\u202f%"
    assert [tab.default_vat_rate.itemText(i) for i in range(4)][2] == "5,5\u202f%"
    tab.payment_terms.setValue(90)
    assert tab.submit() is False
    error = tab.form.error_label("payment_terms_days")
    assert error.isVisible() and "60 jours" in error.text()
    assert structure.get_structure(db).name == ""
    tab.payment_terms.setValue(0)
    assert tab.payment_terms.text() == "à réception"
    tab.default_vat_rate.setCurrentIndex(tab.default_vat_rate.findData(1000))
    tab.vat_on_debits.setChecked(True)
    assert tab.submit() is True
    saved = structure.get_structure(db)
    assert (saved.capital, saved.rcs_city, saved.payment_terms_days) == ("10 000 €", "Cahors", 0)
    assert (saved.default_vat_rate_bp, saved.vat_on_debits) == (1000, True)


def test_organisation_invoicing_fields_in_the_member_dialog(qtbot, ctx, db):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.monthly_invoicing.isVisible()  # a person
    dialog.organisation_radio.setChecked(True)
    dialog._select(dialog.organisation_type, OrganisationType.COMPANY.value)
    assert dialog.monthly_invoicing.isVisible() and dialog.vat_number.isVisible()
    assert not dialog.service_code.isVisible() and not dialog.commitment_number.isVisible()
    dialog._select(dialog.organisation_type, OrganisationType.SCHOOL.value)  # Chorus Pro too
    assert dialog.service_code.isVisible() and dialog.commitment_number.isVisible()
    dialog._select(dialog.organisation_type, OrganisationType.PUBLIC_BODY.value)
    assert dialog.service_code.isVisible() and dialog.commitment_number.isVisible()
    assert dialog.service_code.accessibleName() == "Code service Chorus Pro"
    dialog.last_name.setText("Mairie de Gagnac-sur-Cère")
    dialog.vat_number.setText("FR00000000000")
    dialog.service_code.setText("SERVICE-FINANCES")
    dialog.commitment_number.setText("EJ-2026-0042")
    dialog.monthly_invoicing.setChecked(True)
    assert dialog.submit() is None
    assert "TVA" in dialog.left.error_label("vat_number").text()
    dialog.vat_number.setText("FR40303265045")
    member_id = dialog.submit()
    assert member_id is not None
    data = members.get_member(db, member_id).data
    assert (data.monthly_invoicing, data.service_code, data.vat_number) == (
        True,
        "SERVICE-FINANCES",
        "FR40303265045",
    )
    assert data.commitment_number == "EJ-2026-0042"
    again = MemberDialog(ctx, member_id)
    qtbot.addWidget(again)
    assert again.monthly_invoicing.isChecked()
    assert again.service_code.text() == "SERVICE-FINANCES"
    assert again.commitment_number.text() == "EJ-2026-0042"


def test_fiscal_year_first_month_is_set_in_the_structure_tab(qtbot, ctx, db):
    """Issue 15: the fiscal year's first month, chosen in Paramètres › Structure, is kept
    when the structure is saved again and read back when the tab is reloaded."""
    page = make_page(qtbot, ctx)
    tab = page.structure
    assert tab.fiscal_year_start.currentData() == 1
    assert tab.fiscal_year_start.itemText(8) == "septembre"
    tab.fields["name"].setText("Fab Causse")
    tab.fiscal_year_start.setCurrentIndex(tab.fiscal_year_start.findData(9))
    assert tab.submit() is True
    assert structure.get_structure(db).fiscal_year_start_month == 9
    tab.fiscal_year_start.setCurrentIndex(0)
    tab.load()
    assert tab.fiscal_year_start.currentData() == 9
    assert tab.submit() is True
    assert structure.get_structure(db).fiscal_year_start_month == 9
