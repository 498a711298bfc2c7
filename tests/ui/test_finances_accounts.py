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
