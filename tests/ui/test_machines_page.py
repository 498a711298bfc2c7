"""The Machines & espaces page, driven like a person: tree, dialogs, status, authorizations."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tierslieu_desktop.domain.enums import MachineStatus, SpaceKind
from tierslieu_desktop.services import machines as svc
from tierslieu_desktop.services.authorizations import AuthorizationInput, grant_authorization
from tierslieu_desktop.services.members import MemberInput, save_member
from tierslieu_desktop.ui.pages.machines.page import MachinesPage


@pytest.fixture
def park(db, operator):
    fablab = svc.save_space(db, operator, svc.SpaceInput("Fablab", SpaceKind.FABLAB))
    cyber = svc.save_space(db, operator, svc.SpaceInput("Cyber-base", SpaceKind.CYBERBASE))
    laser = svc.save_category(db, operator, "Découpe laser")
    printing = svc.save_category(db, operator, "Impression 3D")
    ids = {"fablab": fablab, "cyber": cyber, "laser": laser, "printing": printing}
    for name, cat, space in (
        ("Trotec Speedy 100", laser, fablab),
        ("Prusa MK4", printing, fablab),
        ("Bambu X1", printing, cyber),
    ):
        ids[name] = svc.save_machine(
            db,
            operator,
            svc.MachineInput(
                name=name, category_id=cat, space_id=space, make="Marque", model="Modèle"
            ),
        )
    return ids


@pytest.fixture
def page(ctx, qtbot, park):
    page = MachinesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 750)
    page.show()
    return page


def tree_texts(page) -> list[str]:
    """The tree as indented lines: "Fablab", "  Découpe laser", "    Trotec… | Disponible"."""
    lines = []

    def walk(item, depth):
        text = "  " * depth + item.text(0)
        if item.text(1):
            text += f" | {item.text(1)}"
        lines.append(text)
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(page.tree.topLevelItemCount()):
        walk(page.tree.topLevelItem(i), 0)
    return lines


def auth_rows(page) -> list[tuple[str, str]]:
    table = page.auth_table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_tree_is_grouped_by_space_then_category_with_status_text(page):
    assert tree_texts(page) == [
        "Fablab",
        "  Découpe laser",
        "    Trotec Speedy 100 | Disponible",
        "  Impression 3D",
        "    Prusa MK4 | Disponible",
        "Cyber-base",
        "  Impression 3D",
        "    Bambu X1 | Disponible",
    ]


def test_filter_keeps_matching_machines_and_selects_the_first(page, qtbot):
    qtbot.keyClicks(page.filter_edit, "prusa")
    assert tree_texts(page) == ["Fablab", "  Impression 3D", "    Prusa MK4 | Disponible"]
    assert page.machine_title.text() == "Prusa MK4"
    page.filter_edit.clear()
    assert len(tree_texts(page)) == 8


def test_creating_a_machine_by_typing_persists_it(page, qtbot, db, park):
    page.select("space", park["cyber"])
    dialog = page.machine_dialog()
    assert dialog.space.currentText() == "Cyber-base"  # the selected space is proposed
    qtbot.keyClicks(dialog.name, "Brodeuse Brother")
    dialog.category.setEditText("")
    qtbot.keyClicks(dialog.category.lineEdit(), "Broderie")  # a new category, created too
    assert dialog.new_category_hint.isVisibleTo(dialog)
    assert "Broderie" in dialog.new_category_hint.text()
    qtbot.keyClicks(dialog.make, "Brother")
    qtbot.keyClicks(dialog.purchase_value, "1 299,90")
    qtbot.keyClicks(dialog.purchase_date, "15/03/2023")
    assert dialog.submit()

    saved = {m.name: m for m in svc.list_machines(db)}["Brodeuse Brother"]
    assert (saved.space_name, saved.category_name, saved.make) == (
        "Cyber-base",
        "Broderie",
        "Brother",
    )
    detail = svc.get_machine(db, saved.id)
    assert detail.data.purchase_value_cents == 129_990
    assert detail.data.purchase_date == date(2023, 3, 15)
    # the page followed: the new machine is in the tree, selected, and formatted in French
    assert "    Brodeuse Brother | Disponible" in tree_texts(page)
    assert page.machine_title.text() == "Brodeuse Brother"
    assert page.fields["purchase_value"].text() == "1\u202f299,90\xa0€"
    assert page.fields["purchase_date"].text() == "15/03/2023"


def test_invalid_purchase_value_is_shown_under_the_field_and_nothing_is_saved(page, qtbot, db):
    dialog = page.machine_dialog()
    qtbot.keyClicks(dialog.name, "Plotter vinyle")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.purchase_value, "douze euros")
    assert not dialog.submit()
    error = dialog.form.error_label("purchase_value")
    assert error.isVisibleTo(dialog)
    assert error.text() == "Ce montant n'est pas valide (exemple : 12,50)."
    assert "Plotter vinyle" not in [m.name for m in svc.list_machines(db)]

    dialog.purchase_value.setText("-5")
    assert not dialog.submit()
    assert (
        dialog.form.error_label("purchase_value").text() == "Le montant ne peut pas être négatif."
    )
    assert len(svc.list_machines(db)) == 3


def test_duplicate_name_is_shown_under_the_name(page, qtbot, db, park):
    dialog = page.machine_dialog(park["Bambu X1"])
    dialog.name.setText("prusa mk4")
    assert not dialog.submit()
    assert dialog.form.error_label("name").text() == "Ce nom est déjà utilisé."
    assert svc.get_machine(db, park["Bambu X1"]).data.name == "Bambu X1"


def test_changing_status_updates_the_detail_and_the_tree(page, qtbot, db, park):
    page.select("machine", park["Prusa MK4"])
    assert page.status_badge.text() == "Disponible"
    dialog = page.status_dialog()
    dialog.status.setCurrentIndex(dialog.status.findData(MachineStatus.OUT_OF_ORDER.value))
    assert not dialog.submit()  # a reason is required
    assert dialog.form.error_label("status_note").text() == "Ce champ est obligatoire."
    assert svc.get_machine(db, park["Prusa MK4"]).status == MachineStatus.AVAILABLE

    qtbot.keyClicks(dialog.note, "Plateau chauffant HS")
    assert dialog.submit()
    assert page.status_badge.text() == "Hors service"
    assert page.status_note.text() == "Plateau chauffant HS"
    assert "    Prusa MK4 | Hors service" in tree_texts(page)


def test_granting_and_revoking_an_authorization_updates_the_list(
    page, qtbot, db, operator, park, monkeypatch
):
    alice = save_member(db, operator, MemberInput(first_name="Alice", last_name="Martin"))
    save_member(db, operator, MemberInput(first_name="Bruno", last_name="Delpech"))
    page.select("machine", park["Prusa MK4"])
    assert page.auth_table.rowCount() == 0
    assert page.auth_empty.isVisibleTo(page)

    dialog = page.grant_dialog()
    qtbot.keyClicks(dialog.search, "mart")
    assert dialog.results.count() == 1
    dialog.on_category.setChecked(True)  # trained on every 3D printer
    dialog.trainer.setText("Léa")
    assert dialog.submit()
    assert auth_rows(page) == [("MARTIN Alice", "Catégorie « Impression 3D »")]
    # the category authorization also shows on the other printer, in another space
    page.select("machine", park["Bambu X1"])
    assert auth_rows(page) == [("MARTIN Alice", "Catégorie « Impression 3D »")]

    page.select("machine", park["Prusa MK4"])
    page.auth_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.revoke_selected()
    assert page.auth_table.rowCount() == 1  # "No": nothing changed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.revoke_selected()
    assert page.auth_table.rowCount() == 0
    assert svc.get_machine(db, park["Bambu X1"]).authorizations == ()
    assert alice  # still a member: only the authorization went away


def test_granting_without_choosing_a_member_says_so(page, qtbot, db, park):
    page.select("machine", park["Trotec Speedy 100"])
    dialog = page.grant_dialog()
    qtbot.keyClicks(dialog.search, "personne")
    assert dialog.results.count() == 0
    assert not dialog.submit()
    assert dialog.form.error_label("member").isVisibleTo(dialog)
    assert svc.get_machine(db, park["Trotec Speedy 100"]).authorizations == ()


def test_archiving_a_space_with_machines_is_refused_then_allowed(page, db, park, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    page.select("space", park["cyber"])
    page.toggle_archived()
    assert warnings == ["Cet espace contient encore des machines : déplacez-les d'abord."]
    assert "Cyber-base" in tree_texts(page)

    page.select("machine", park["Bambu X1"])
    page.toggle_archived()
    page.select("space", park["cyber"])
    page.toggle_archived()
    assert tree_texts(page)[0] == "Fablab" and "Cyber-base" not in tree_texts(page)
    assert [s.name for s in svc.list_spaces(db)] == ["Fablab"]

    page.show_archived.setChecked(True)
    assert "Cyber-base (aux archives)" in tree_texts(page)


def test_new_space_through_the_dialog_appears_in_the_tree(page, qtbot, db):
    dialog = page.space_dialog()
    qtbot.keyClicks(dialog.name, "Salle du Causse")
    dialog.kind.setCurrentIndex(dialog.kind.findData(SpaceKind.MEETING_ROOM.value))
    dialog.capacity.setValue(12)
    assert dialog.submit()
    assert tree_texts(page)[-1] == "Salle du Causse"
    assert page.selected()[0] == "space"
    assert page.space_fields["capacity"].text() == "12 personnes"


def test_enter_on_a_machine_opens_its_editor(page, qtbot, park, monkeypatch):
    opened = []
    monkeypatch.setattr(MachinesPage, "_run", lambda self, dialog: opened.append(dialog))
    page.select("machine", park["Trotec Speedy 100"])
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].name.text() == "Trotec Speedy 100"


def test_page_refreshes_when_another_part_of_the_app_changes_a_machine(
    page, ctx, db, operator, park
):
    page.select("machine", park["Trotec Speedy 100"])
    member = save_member(db, operator, MemberInput(first_name="Zoé", last_name="Bex"))
    grant_authorization(
        db,
        operator,
        AuthorizationInput(member, date(2024, 1, 5), machine_id=park["Trotec Speedy 100"]),
    )
    ctx.notify("authorization", [1])
    assert auth_rows(page) == [("BEX Zoé", "Cette machine")]


def test_dialog_works_from_the_keyboard(page, qtbot, db, park):
    page.select("space", park["fablab"])
    dialog = page.machine_dialog()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name  # the name field has the focus first
    # Tab walks the fields in reading order
    expected = [
        dialog.name,
        dialog.category,
        dialog.space,
        dialog.make,
        dialog.model,
        dialog.serial_number,
        dialog.authorization_required,
        dialog.hour_counter,
        dialog.purchase_date,
        dialog.purchase_value,
        dialog.funded_by,
        dialog.description,
    ]
    chain, widget = [], dialog.name
    while len(chain) < len(expected):
        if widget in expected and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        assert widget is not dialog.name, "the focus chain misses a field"
    assert chain == expected

    qtbot.keyClicks(dialog.name, "Tour a bois")
    qtbot.keyClicks(dialog.category.lineEdit(), "impression 3d")  # existing, any case
    assert not dialog.new_category_hint.isVisibleTo(dialog)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter = OK
    assert not dialog.isVisible()
    saved = {m.name: m for m in svc.list_machines(db)}["Tour a bois"]
    assert (saved.space_name, saved.category_name) == ("Fablab", "Impression 3D")
    assert [c.name for c in svc.list_categories(db)] == ["Découpe laser", "Impression 3D"]

    other = page.machine_dialog()
    other.show()
    qtbot.waitExposed(other)
    qtbot.keyClicks(other.name, "Jamais enregistree")
    qtbot.keyClick(other.name, Qt.Key.Key_Escape)  # Escape = cancel
    assert not other.isVisible()
    assert "Jamais enregistree" not in [m.name for m in svc.list_machines(db)]
