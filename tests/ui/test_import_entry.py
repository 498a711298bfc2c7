"""Where the import wizard opens: Paramètres › « Importer… » and Membres' « Importer des
membres… » (Ctrl+Shift+I), each with the real importer; after the import the pages showing
what was imported are told (``ctx.changed``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.ui.imports import wizard as wizard_module
from tierslieu_desktop.ui.imports.wizard import PREVIEW_STEP, RESULT_STEP, ImportWizard

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


@pytest.fixture
def no_modal(monkeypatch):
    """The wizard is shown instead of run modally; the test drives it."""
    monkeypatch.setattr(ImportWizard, "exec", lambda self: self.show())
    monkeypatch.setattr(wizard_module, "confirm", lambda *a: True)


def run_to_the_end(wizard, qtbot, monkeypatch, path: Path) -> None:
    qtbot.addWidget(wizard)
    monkeypatch.setattr(wizard_module.file_dialogs, "open_file", lambda *a, **k: str(path))
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.step == PREVIEW_STEP
    if wizard.busy:
        with qtbot.waitSignal(wizard.job.done, timeout=30_000):
            pass
    refused = [wizard.model.index(r, 4).data() for r in range(wizard.model.rowCount())]
    assert wizard.import_button.isEnabled(), refused
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    if wizard.busy:
        with qtbot.waitSignal(wizard.job.done, timeout=30_000):
            pass
    assert wizard.step == RESULT_STEP, wizard.status.text()


def test_settings_imports_machines(ctx, qtbot, monkeypatch, no_modal):
    from tierslieu_desktop.ui.pages.settings.page import SettingsPage

    for name in ("Fablab", "Atelier textile", "Cyber-base"):
        park.save_space(ctx.db, ctx.operator_id, park.SpaceInput(name=name))
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.import_button.menu() is not None
    changed: list[str] = []
    ctx.changed.connect(lambda entity, _ids: changed.append(entity))
    page.import_machines_action.trigger()
    wizard = page.import_wizard
    run_to_the_end(wizard, qtbot, monkeypatch, DATA / "machines.csv")
    assert wizard.outcome is not None and wizard.outcome.written
    names = {m.name for m in park.list_machines(ctx.db)}
    assert "Découpeuse laser Trotec" in names
    assert "machine" in changed
    page.import_members_action.trigger()  # the same menu opens the members' wizard
    assert page.import_wizard.importer.kind == "members"
    qtbot.addWidget(page.import_wizard)


def test_members_page_opens_the_members_import_with_ctrl_shift_i(ctx, qtbot, monkeypatch, no_modal):
    from tierslieu_desktop.services.people import members as member_service
    from tierslieu_desktop.ui.pages.members.page import MembersPage

    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    assert QTest.qWaitForWindowActive(page)  # shortcuts need the active window
    page.search.setFocus()
    qtbot.keyClick(
        page.search,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wizard = page.import_wizard
    assert wizard.importer.kind == "members"
    assert wizard.file_page.source_combo.count() >= 4  # CSV, HelloAsso, Paheko, Fab Manager
    qtbot.addWidget(wizard)
    monkeypatch.setattr(
        wizard_module.file_dialogs, "open_file", lambda *a, **k: str(DATA / "one_bad_line.csv")
    )
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.step == PREVIEW_STEP
    refused = [wizard.model.line_at(r) for r in range(wizard.model.rowCount())]
    bad = [line for line in refused if line.errors]
    assert [line.line for line in bad] == [4]
    assert "4" in wizard.model.index(wizard.model.row_of_line(4), 4).data()
    assert not wizard.import_button.isEnabled()
    qtbot.mouseClick(wizard.preview_page.skip_bad, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    if wizard.busy:
        with qtbot.waitSignal(wizard.job.done, timeout=30_000):
            pass
    assert wizard.step == RESULT_STEP and wizard.outcome.written
    assert member_service.count_members(ctx.db) == len(refused) - 1
    assert page.model.total == len(refused) - 1  # the page refreshed


def test_a_helloasso_export_is_recognised_and_a_refunded_order_said(ctx, qtbot, monkeypatch):
    from tierslieu_desktop.i18n import imports as words
    from tierslieu_desktop.services.people import audiences
    from tierslieu_desktop.ui.imports.entry import members_wizard

    audiences.save_audience(ctx.db, ctx.operator_id, "Grand public")  # the memberships' public
    wizard = members_wizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    path = DATA / "helloasso_adhesions_utf8bom.csv"
    monkeypatch.setattr(wizard_module.file_dialogs, "open_file", lambda *a, **k: str(path))
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert wizard.source == "helloasso"
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    skipped = [r for r in range(wizard.model.rowCount()) if wizard.model.line_at(r).skip_reason]
    assert len(skipped) == 1
    said = wizard.model.index(skipped[0], 4).data()
    assert said == words.skip_reason_text("order_not_paid", ctx.language)
    # simulate first (nothing written), then import straight from the simulation
    from tierslieu_desktop.services.people import members as member_service

    monkeypatch.setattr(wizard_module, "confirm", lambda *a: True)
    qtbot.mouseClick(wizard.simulate_button, Qt.MouseButton.LeftButton)
    assert wizard.step == RESULT_STEP and wizard.simulated
    assert member_service.count_members(ctx.db) == 0
    assert wizard.import_button.isVisible() and wizard.import_button.isEnabled()
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    if wizard.busy:
        with qtbot.waitSignal(wizard.job.done, timeout=30_000):
            pass
    assert wizard.outcome.written and not wizard.simulated
    assert member_service.count_members(ctx.db) == wizard.outcome.created == 3
