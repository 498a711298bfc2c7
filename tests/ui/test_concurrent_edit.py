"""Two desks on one member's card (issue 20 point 4): the other desk saves first; our
save is refused in French naming the phone it saved, the dialog stays open with what we
typed, and « Recharger » loads the saved values — then our next save goes through."""

from __future__ import annotations

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.services.people import members
from tierslieu_desktop.services.people.members import MemberInput
from tierslieu_desktop.services.people.operators import create_operator
from tierslieu_desktop.ui.pages.members.dialog import MemberDialog


def test_a_card_saved_first_on_another_desk_keeps_what_we_typed_and_reloads(qtbot, ctx, db):
    member_id = members.save_member(
        db,
        ctx.operator_id,
        MemberInput(first_name="Chloé", last_name="Vidal", phone="0601020304"),
    )
    dialog = MemberDialog(ctx, member_id)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 700)
    dialog.show()
    qtbot.keyClicks(dialog.email, "chloe.vidal@exemple.fr")

    other = open_database(db.target)  # the cyber-base's desk, same database
    try:
        someone = create_operator(other, "Cyber-base")
        card = members.get_member(other, member_id)
        members.save_member(
            other,
            someone,
            MemberInput(first_name="Chloé", last_name="Vidal", phone="0565380000"),
            member_id,
            expected_version=card.version,
        )
    finally:
        other.dispose()

    assert dialog.submit() is None  # refused, the dialog stays open
    said = dialog.banner.text()
    assert dialog.banner.isVisible()
    assert "modifiée sur un autre poste" in said
    assert "Cyber-base" in said
    assert "Valeurs actuelles : Téléphone : 05 65 38 00 00." in said  # theirs, not ours
    assert "n'ont pas été enregistrées" in said
    assert dialog.email.text() == "chloe.vidal@exemple.fr"  # what we typed is kept
    assert dialog.reload_button.isVisible()
    assert dialog.reload_button.accessibleName() == "Recharger les valeurs actuelles"
    assert members.get_member(db, member_id).data.email == ""  # nothing of ours written

    qtbot.mouseClick(dialog.reload_button, qtbot_left())
    assert dialog.phone.text() == "05 65 38 00 00"
    assert dialog.email.text() == ""
    assert not dialog.banner.isVisible()
    assert not dialog.reload_button.isVisible()

    qtbot.keyClicks(dialog.email, "chloe.vidal@exemple.fr")
    assert dialog.submit() == member_id
    saved = members.get_member(db, member_id).data
    assert (saved.phone, saved.email) == ("05 65 38 00 00", "chloe.vidal@exemple.fr")


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_machine_saved_first_elsewhere_is_refused_and_reloaded(qtbot, ctx, db):
    from tierslieu_desktop.services.park import machines as svc
    from tierslieu_desktop.ui.pages.machines.dialogs import MachineDialog

    space = svc.save_space(db, ctx.operator_id, svc.SpaceInput(name="Fablab"))
    machine_id = svc.save_machine(
        db, ctx.operator_id, svc.MachineInput(name="Trotec", space_id=space), new_category="Laser"
    )
    dialog = MachineDialog(ctx, svc.get_machine(db, machine_id))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.make.setText("Trotec GmbH")

    other = open_database(db.target)
    try:
        theirs = svc.get_machine(other, machine_id)
        from dataclasses import replace

        svc.save_machine(
            other,
            None,
            replace(theirs.data, serial_number="SP500-42"),
            machine_id,
            expected_version=theirs.version,
        )
    finally:
        other.dispose()

    assert dialog.submit() is False  # refused: the dialog stays open
    assert "Valeurs actuelles : N° de série : SP500-42." in dialog.message.text()
    assert dialog.make.text() == "Trotec GmbH"  # what we typed is kept
    assert svc.get_machine(db, machine_id).data.make == ""
    assert dialog.reload_button.isVisible()
    qtbot.mouseClick(dialog.reload_button, qtbot_left())
    assert dialog.serial_number.text() == "SP500-42"
    assert dialog.make.text() == ""
    assert not dialog.reload_button.isVisible()
    dialog.make.setText("Trotec GmbH")
    assert dialog.submit() is True
    saved = svc.get_machine(db, machine_id).data
    assert (saved.make, saved.serial_number) == ("Trotec GmbH", "SP500-42")


def test_the_staff_tab_saves_twice_in_a_row_but_not_over_another_desk(qtbot, ctx, db):
    from datetime import date

    from tierslieu_desktop.domain.enums import StaffKind
    from tierslieu_desktop.services.people import staff
    from tierslieu_desktop.ui.pages.settings.staff_tab import StaffTab

    person = staff.save_staff(
        db, ctx.operator_id, staff.StaffInput("Camille", StaffKind.EMPLOYEE, 151, date(2026, 1, 5))
    )
    tab = StaffTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.reload(person)
    tab.table.selectRow(0)
    tab._on_selected()
    tab.hours.setValue(120)
    assert tab.submit() == person
    tab.hours.setValue(100)
    assert tab.submit() == person  # our own save is no conflict with ourselves
    assert staff.list_staff(db)[0].hours_per_month == 100

    row = staff.list_staff(db)[0]
    staff.save_staff(  # another desk
        db,
        None,
        staff.StaffInput("Camille", StaffKind.EMPLOYEE, 80, date(2026, 1, 5)),
        person,
        expected_version=row.version,
    )
    tab.hours.setValue(90)
    assert tab.submit() is None
    assert "Heures par mois : 80" in tab.message.text()
    assert staff.list_staff(db)[0].hours_per_month == 80
