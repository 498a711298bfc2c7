"""« Importer des machines… » on Machines & espaces and « Importer une liste… » on a
session: the import wizard opened with the machines and class-list importers, driven
to the end; what was imported shows on the page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.services.activity import registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.services.people.audiences import save_audience
from tierslieu_desktop.services.people.members import count_members
from tierslieu_desktop.ui.imports import wizard as wizard_module
from tierslieu_desktop.ui.imports.wizard import PREVIEW_STEP, RESULT_STEP
from tierslieu_desktop.ui.pages.activity import ActivityPage
from tierslieu_desktop.ui.pages.activity.class_list import ClassListDialog
from tierslieu_desktop.ui.pages.machines.page import MachinesPage

DATA = Path(__file__).parent.parent / "data" / "imports"
TODAY = to_local(datetime.now(UTC)).date()
NOW = local_dt(TODAY, 8 * 60)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def drive(wizard, qtbot, monkeypatch, path: Path) -> None:
    """Choose ``path``, accept the suggested columns, wait for the whole file's check."""
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr(wizard_module.file_dialogs, "open_file", lambda *a, **k: str(path))
    monkeypatch.setattr(wizard_module, "confirm", lambda *a: True)
    click(qtbot, wizard.file_page.choose_button)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)
    assert wizard.step == PREVIEW_STEP
    wait(wizard, qtbot)


def wait(wizard, qtbot) -> None:
    if wizard.busy:
        with qtbot.waitSignal(wizard.job.done, timeout=30_000):
            pass


@pytest.fixture
def spaces(db, operator):
    for name in ("Fablab", "Cyber-base", "Atelier textile"):
        park.save_space(db, operator, park.SpaceInput(name))
    save_audience(db, operator, "Scolaires & étudiants")


def test_machines_are_imported_from_the_machines_page(ctx, qtbot, monkeypatch, spaces):
    page = MachinesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    assert page.import_button.isVisible() and page.import_button.accessibleName()
    wizard = page.import_machines(run=False)
    drive(wizard, qtbot, monkeypatch, DATA / "machines.csv")
    assert wizard.mapping()["price:Scolaires & étudiants"] == "Prix Scolaires & étudiants"
    click(qtbot, wizard.import_button)
    wait(wizard, qtbot)
    assert wizard.step == RESULT_STEP and wizard.outcome.created == 6
    page.refresh()
    names = {m.name for m in park.list_machines(ctx.db)}
    assert "Découpeuse laser Trotec" in names
    found = page.tree.findItems("Découpeuse laser Trotec", Qt.MatchFlag.MatchRecursive, 0)
    assert len(found) == 1


def test_a_refused_machine_line_is_named_in_the_preview(ctx, qtbot, monkeypatch, spaces):
    page = MachinesPage(ctx)
    qtbot.addWidget(page)
    wizard = page.import_machines(run=False)
    drive(wizard, qtbot, monkeypatch, DATA / "machines_bad.csv")
    assert not wizard.import_button.isEnabled()
    errors = [wizard.refused_text(e) for e in wizard.plan.errors]
    assert any("Fablb" in text for text in errors), errors
    assert park.list_machines(ctx.db) == []


@pytest.fixture
def visit(ctx, db, operator):
    activity = activities.save_activity(
        db, operator, activities.ActivityInput(name="Visite du fablab", kind="school_visit")
    )
    session_id = activities.create_session(
        db,
        operator,
        activities.SessionInput(
            activity_id=activity,
            start_at=local_dt(TODAY, 14 * 60),
            end_at=local_dt(TODAY, 16 * 60),
            capacity=30,
        ),
    )
    page = ActivityPage(ctx, now=lambda: NOW)
    page.resize(1024, 600)
    return session_id, page


def test_a_class_is_imported_as_one_group_from_its_session(ctx, qtbot, monkeypatch, visit):
    session_id, page = visit
    qtbot.addWidget(page)
    page.show()
    page.activate()
    detail = page.sessions.detail
    detail.show_session(session_id)
    assert detail.import_list_button.isEnabled()
    dialog = detail.import_list(run=False)
    assert isinstance(dialog, ClassListDialog)
    qtbot.addWidget(dialog)
    dialog.group.setChecked(True)
    assert not dialog.submit()  # a group needs a name (or its organisation)
    assert dialog.message.isVisibleTo(dialog)
    dialog.group_name.setText("CM2 de Biars")
    dialog.responsible.setText("Mme Lacombe")
    assert dialog.submit()
    wizard = detail.last_wizard
    assert wizard is not None
    xlsx = DATA / "classe_cm2.xlsx"
    drive(wizard, qtbot, monkeypatch, xlsx)
    click(qtbot, wizard.import_button)
    wait(wizard, qtbot)
    assert wizard.outcome.written and wizard.outcome.created == 8
    (row,) = registrations.session_registrations(ctx.db, session_id)
    assert (row.group_name, row.responsible_name, row.headcount) == (
        "CM2 de Biars",
        "Mme Lacombe",
        8,
    )
    assert count_members(ctx.db) == 0
    # the same class again: said at once, nothing planned
    dialog = detail.import_list(run=False)
    qtbot.addWidget(dialog)
    dialog.group.setChecked(True)
    dialog.group_name.setText("cm2 de biars")
    assert dialog.submit()
    again = detail.last_wizard
    qtbot.addWidget(again)
    again.show()
    monkeypatch.setattr(wizard_module.file_dialogs, "open_file", lambda *a, **k: str(xlsx))
    click(qtbot, again.file_page.choose_button)
    click(qtbot, again.next_button)
    click(qtbot, again.next_button)
    assert "CM2 de Biars" in again.status.text() and again.plan is None


def test_named_pupils_need_their_guardian(ctx, qtbot, monkeypatch, visit):
    session_id, page = visit
    qtbot.addWidget(page)
    page.show()
    detail = page.sessions.detail
    detail.show_session(session_id)
    dialog = detail.import_list(run=False)
    qtbot.addWidget(dialog)
    assert dialog.named.isChecked() and dialog.audience.isEnabled()
    assert not dialog.group_name.isEnabled()
    assert dialog.submit()
    wizard = detail.last_wizard
    drive(wizard, qtbot, monkeypatch, DATA / "classe_cm2_erreur.csv")
    lines = sorted({e.line for e in wizard.plan.errors})
    assert lines == [4, 5]
    assert not wizard.import_button.isEnabled()
    assert registrations.session_registrations(ctx.db, session_id) == []
