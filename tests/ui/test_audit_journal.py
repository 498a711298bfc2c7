"""Paramètres › Journal and the « Historique » of a record (issue 19, point 2): the
phone number changed at the desk is read back as before → after, filtered by operator
and kind of record; the member card and the machine show their own history."""

from __future__ import annotations

import os
from dataclasses import replace

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services import audit
from tierslieu_desktop.services.park import machines
from tierslieu_desktop.services.people import members, operators
from tierslieu_desktop.ui.pages.settings.page import SettingsPage
from tierslieu_desktop.ui.widgets.confirm import ReasonDialog


def _member_with_a_new_phone(db, operator) -> int:
    member_id = members.save_member(
        db, operator, members.MemberInput(first_name="Lou", last_name="Bach", phone="0601020304")
    )
    data = members.get_member(db, member_id).data
    members.save_member(db, operator, replace(data, phone="0611223344"), member_id)
    return member_id


def test_the_journal_shows_the_before_and_after_of_a_phone_number(qtbot, ctx, db, operator):
    _member_with_a_new_phone(db, operator)
    other = operators.create_operator(db, "Camille")
    machines.save_space(db, other, machines.SpaceInput(name="Fablab"))
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.tabs.setCurrentWidget(page.journal)
    journal = page.journal
    texts = journal.texts()
    assert any("06 01 02 03 04 → 06 11 22 33 44" in t for t in texts)
    assert journal.table.rowCount() == len(texts) >= 3
    first = journal.table.item(0, 2).text()
    assert first.endswith("n° 1")  # the newest first: Camille's space
    # only Camille's changes, then only the members' records
    journal.operator.setCurrentIndex(journal.operator.findData(other))
    assert [r.operator for r in journal.rows] == ["Camille"]
    journal.operator.setCurrentIndex(0)
    journal.entity.setCurrentIndex(journal.entity.findData("member"))
    assert {r.entity for r in journal.rows} == {"member"}
    assert journal.texts()[0].endswith("06 01 02 03 04 → 06 11 22 33 44")
    assert not journal.older.isEnabled() and not journal.newer.isEnabled()
    # the period filter: nothing before today
    journal.dated.setChecked(True)
    journal.end.setDate(journal.end.date().addDays(-1))
    assert journal.rows == []
    if os.environ.get("TIERSLIEU_SHOT"):
        journal.dated.setChecked(False)
        page.resize(1024, 768)
        page.grab().save(os.environ["TIERSLIEU_SHOT"])


def test_the_member_card_shows_the_members_own_history(qtbot, ctx, db, operator):
    from tierslieu_desktop.ui.pages.members.page import MembersPage

    member_id = _member_with_a_new_phone(db, operator)
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.detail.show_member(member_id)
    dialog = page.detail.history_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    view = dialog.view
    assert view.table.rowCount() == 2  # changed, created
    assert view.texts()[0].endswith("06 01 02 03 04 → 06 11 22 33 44")
    assert view.table.item(0, 1).text() == "Accueil"


def test_a_removal_waits_for_its_reason(qtbot):
    dialog = ReasonDialog(None, "Supprimer", "Supprimer la dépense ?", "Supprimer")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "Saisie en double")
    assert dialog.ok.isEnabled()


def test_the_machine_shows_its_own_history(qtbot, ctx, db, operator):
    from tierslieu_desktop.domain.enums import MachineStatus
    from tierslieu_desktop.ui.pages.machines.page import MachinesPage

    space = machines.save_space(db, operator, machines.SpaceInput(name="Fablab"))
    laser = machines.save_machine(
        db, operator, machines.MachineInput(name="Trotec", space_id=space), new_category="Laser"
    )
    machines.set_machine_status(db, operator, laser, MachineStatus.MAINTENANCE, "Tube")
    page = MachinesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.select("machine", laser)
    assert page.history_button.isEnabled()
    dialog = page.history_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    rows = dialog.view.rows
    assert [r.action for r in rows] == ["update", "create"]
    assert [(c.field, c.after) for c in rows[0].changes if c.field == "status"] == [
        ("status", "maintenance")
    ]


def test_finances_deletes_a_grant_and_an_in_kind_with_a_reason_and_archives_a_funder(
    qtbot, ctx, db, operator, monkeypatch
):
    from datetime import date

    from tierslieu_desktop.services.finance import funding
    from tierslieu_desktop.ui.pages.finances import funders_tab as module

    region = funding.save_funder(db, operator, name="Région", sector="public", level="region")
    funding.save_grant(
        db,
        operator,
        funder_id=region,
        purpose="Fonctionnement",
        nature="operating",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        requested_cents=500000,
    )
    funding.save_in_kind(
        db,
        operator,
        funder_id=None,
        year=lab_today().year,
        kind="volunteering",
        description="Bénévoles",
        value_cents=30000,
    )
    tab = module.FundersTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.grants.rowCount() == 1 and tab.in_kind.rowCount() == 1
    tab.grants.setCurrentCell(0, 0)
    tab.in_kind.setCurrentCell(0, 0)
    monkeypatch.setattr(module, "ask_reason", lambda *a: None)
    assert not tab.delete_grant()  # « Annuler »: kept
    monkeypatch.setattr(module, "ask_reason", lambda *a: "Saisie en double")
    assert tab.delete_grant() and tab.grants.rowCount() == 0
    tab.in_kind.setCurrentCell(0, 0)
    assert tab.delete_in_kind() and tab.in_kind.rowCount() == 0
    tab.funders.setCurrentCell(0, 0)
    monkeypatch.setattr(module, "confirm", lambda *a: True)
    assert tab.archive_funder() and tab.funders.rowCount() == 0
    assert [r.action for r in audit.history(db, "grant", 1)] == ["delete", "create"]
