"""Caisse & factures › Règlements des émetteurs: the button opens the dialog, which shows
what the Pass numérique issuer still owes and records its payment; a payment beyond that
is refused under the field, in French; every control named; it fits 1024×768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_i18n import unnamed_controls

from tierslieu_desktop.domain.enums import VatRegime
from tierslieu_desktop.services.activity.dropins import DropInInput, log_drop_in
from tierslieu_desktop.services.finance import vouchers
from tierslieu_desktop.services.people.structure import StructureData, save_structure
from tierslieu_desktop.ui.errors import field_message
from tierslieu_desktop.ui.pages.checkout import voucher_settlement_dialog as module
from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage


@pytest.fixture
def page(ctx, qtbot, db, operator):
    save_structure(
        db,
        operator,
        StructureData(name="Le Fablab du Lot", vat_regime=VatRegime.EXEMPT_NON_PROFIT),
    )
    log_drop_in(db, operator, DropInInput(vouchers=3))  # 3 × 10,00 € at the cyber-base
    p = CheckoutPage(ctx)
    qtbot.addWidget(p)
    p.resize(1024, 768)
    p.show()
    return p


def test_the_issuer_settlement_is_recorded_from_the_checkout_page(page, qtbot, db, monkeypatch):
    opened: list[module.VoucherSettlementDialog] = []

    def exec_(dialog):
        opened.append(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(module.VoucherSettlementDialog, "exec", exec_)
    button = page.voucher_settlements
    assert button.accessibleName() == "Enregistrer le règlement d'un émetteur de bons"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [dialog] = opened
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Pass numérique (APTIC)"
    assert dialog.table.item(0, 3).text() == "3 · 30,00\u00a0€"
    assert dialog.voucher_count.value() == 3 and dialog.amount.text() == "30,00"
    assert not unnamed_controls(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768
    assert dialog.width() <= 1024 and dialog.height() <= 768

    # more than what is owed: refused under the fields, nothing recorded
    dialog.voucher_count.setValue(4)
    dialog.amount.setText("40,00")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    error = dialog.form.error_label("amount_cents")
    assert error.isVisible()
    assert error.text() == field_message("settlement_exceeds_outstanding")
    assert vouchers.outstanding(db)[0].settled_cents == 0

    dialog.voucher_count.setValue(2)
    dialog.amount.setText("20,00")
    dialog.reference.setText("APTIC relevé 11/2026")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    [balance] = vouchers.outstanding(db)
    assert (balance.settled_count, balance.settled_cents) == (2, 2_000)
    assert dialog.table.item(0, 3).text() == "1 · 10,00\u00a0€"
    assert "20,00" in dialog.status.text()
    assert vouchers.list_settlements(db)[0].reference == "APTIC relevé 11/2026"


def test_the_card_delay_and_the_voucher_value_are_set_in_the_structure_tab(qtbot, ctx, db):
    from tierslieu_desktop.services.people.structure import get_structure
    from tierslieu_desktop.ui.pages.settings.page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    tab = page.structure
    tab.load()
    assert tab.card_settlement.value() == 1 and tab.voucher_value.text() == "10,00"
    assert not unnamed_controls(tab)
    tab.fields["name"].setText("Le Fablab du Lot")
    tab.voucher_value.setText("douze")
    assert not tab.submit()
    assert tab.form.error_label("voucher_value_cents").isVisible()
    tab.card_settlement.setValue(2)
    tab.voucher_value.setText("12,50")
    assert tab.submit()
    saved = get_structure(db)
    assert (saved.card_settlement_days, saved.voucher_value_cents) == (2, 1_250)
