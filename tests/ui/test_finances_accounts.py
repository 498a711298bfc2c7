"""Finances › Comptes: the chart-of-accounts mapping the FEC uses, edited all or nothing."""

from __future__ import annotations

from tierslieu_desktop.services.finance import accounts
from tierslieu_desktop.ui.pages.finances.accounts_tab import AccountsTab


def test_accounts_are_edited_and_a_bad_one_is_refused_by_its_line(qtbot, ctx, db):
    tab = AccountsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    row = tab.keys.index("revenue:usage")
    assert tab.table.item(row, 1).text() == "706"
    assert tab.table.item(row, 0).text().startswith("Recette")
    tab.table.item(row, 1).setText("7061")
    tab.table.item(row, 2).setText("Locations de machines")
    assert tab.save()
    assert accounts.account_mapping(db)["revenue:usage"] == ("7061", "Locations de machines")
    assert tab.status.text() == "Comptes enregistrés."

    membership = tab.keys.index("revenue:membership")
    tab.table.item(row, 1).setText("70611")
    tab.table.item(membership, 1).setText("75A")  # not a number: nothing is saved
    assert not tab.save()
    assert tab.status.text().startswith(f"Ligne {membership + 1} (Recette")
    assert accounts.account_mapping(db)["revenue:usage"][0] == "7061"
    for button in (tab.save_button, tab.revert_button):
        assert button.accessibleName()
    tab.revert_button.click()
    assert tab.table.item(membership, 1).text() == "756"


def test_every_account_the_fec_uses_has_an_editable_row_in_words(qtbot, ctx, db):
    """The FEC's keys (its defaults, each payment method, each revenue kind of an invoice
    line) are all listed in Finances › Comptes, named in French, and editable there."""
    from PySide6.QtCore import Qt

    from tierslieu_desktop.domain.finance import NOT_REVENUE_KINDS, REVENUE_CATEGORY
    from tierslieu_desktop.services.finance import fec
    from tierslieu_desktop.ui.pages.checkout.common import payment_methods

    used, _defaulted = fec.accounts(db)
    keys = set(used) | set(fec.DEFAULT_ACCOUNTS)
    keys |= {f"payment:{method}" for method in payment_methods()}
    keys |= {f"revenue:{kind}" for kind in (*REVENUE_CATEGORY, *NOT_REVENUE_KINDS)}
    keys |= {"vat:collected", "customers"}
    tab = AccountsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert keys <= set(tab.keys)
    for key in keys:
        row = tab.keys.index(key)
        what = tab.table.item(row, 0).text()
        assert ":" not in what and "_" not in what, what  # words, not the technical key
        assert tab.table.item(row, 1).flags() & Qt.ItemFlag.ItemIsEditable
    names = {key: tab.table.item(tab.keys.index(key), 0).text() for key in keys}
    assert names["vat:collected"] == "TVA collectée"
    assert names["payment:mandate"] == "Règlement · Mandat administratif"
    assert names["payment:pass_numerique"] == "Règlement · Pass numérique"
    assert names["payment:wallet"] == "Règlement · Porte-monnaie"
    assert names["revenue:free"] == "Recette · Ventes gratuites / à prix nul"

    # Edited here, used by the FEC.
    for key, account in (("vat:collected", "445712"), ("payment:mandate", "5124")):
        tab.table.item(tab.keys.index(key), 1).setText(account)
    assert tab.save()
    used, defaulted = fec.accounts(db)
    assert used["vat:collected"][0] == "445712" and used["payment:mandate"][0] == "5124"
    assert "vat:collected" not in defaulted
