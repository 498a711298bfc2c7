"""Issue 18's acceptance, as a new user does it with the mouse: an empty database, the
setup assistant with its suggested answers, then « Importer des membres… » with the
300-member sample — a bookable, priced laser cutter and 300 members with their
memberships, without typing a line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from tests.ui.test_import_entry import run_to_the_end
from tierslieu_desktop.services.finance import balance as finance
from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.services.people import members
from tierslieu_desktop.services.setup.state import is_unconfigured
from tierslieu_desktop.ui.imports import wizard as wizard_module
from tierslieu_desktop.ui.imports.wizard import ImportWizard
from tierslieu_desktop.ui.setup_wizard.wizard import SKIP_BUTTON, SetupWizard

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "imports" / "members_300.csv"


def _click(wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_empty_database_to_a_laser_cutter_and_300_imported_members(ctx, qtbot, monkeypatch):
    db = ctx.db
    assert is_unconfigured(db)
    setup = SetupWizard(ctx, demo_launcher=lambda lang: True)
    qtbot.addWidget(setup)
    setup.resize(1024, 600)
    setup.show()
    _click(setup, QWizard.WizardButton.NextButton)  # welcome
    QTest.keyClicks(setup.identity.name, "Fablab du Causse")
    _click(setup, QWizard.WizardButton.NextButton)
    _click(setup, SKIP_BUTTON)  # address and logo: later
    while setup.currentPage() is not setup.summary:  # every suggestion taken
        _click(setup, QWizard.WizardButton.NextButton)
    _click(setup, QWizard.WizardButton.FinishButton)
    assert not is_unconfigured(db)
    assert any(m.name == "Découpeuse laser" for m in park.list_machines(db))

    from tierslieu_desktop.ui.pages.members.page import MembersPage

    monkeypatch.setattr(ImportWizard, "exec", lambda self: self.show())
    monkeypatch.setattr(wizard_module, "confirm", lambda *a: True)
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.import_button.click()
    wizard = page.import_wizard
    assert wizard.importer.kind == "members"
    run_to_the_end(wizard, qtbot, monkeypatch, SAMPLE)
    assert wizard.outcome is not None and wizard.outcome.written
    assert wizard.outcome.created == 300
    assert len(members.search_members(db, "", limit=1000)) == 300
    # their memberships (September 2025, 15 € each) counted once in own revenue
    year = finance.balance(db, date(2025, 1, 1), date(2025, 12, 31))
    assert year.own_by_category.get("memberships", 0) == 300 * 1500
