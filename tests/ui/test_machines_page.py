"""The Machines & espaces page, driven like a person: tree, dialogs, status, authorizations."""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel, QMessageBox

from tierslieu_desktop.domain.calendar import lab_today, local_dt, public_holiday
from tierslieu_desktop.domain.enums import MachineStatus, SpaceKind
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.park import machines as svc
from tierslieu_desktop.services.park.authorizations import AuthorizationInput, grant_authorization
from tierslieu_desktop.services.park.maintenance import list_entries
from tierslieu_desktop.services.park.opening_hours import get_schedule, list_exceptions
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling.bookings import (
    BookingInput,
    booking_history,
    create_booking,
    future_bookings_of_machine,
    get_booking,
)
from tierslieu_desktop.ui.pages.machines import opening_hours as opening_hours_ui
from tierslieu_desktop.ui.pages.machines import page as machines_page
from tierslieu_desktop.ui.pages.machines.dialogs import StatusDialog
from tierslieu_desktop.ui.pages.machines.future_bookings import CANCEL, KEEP
from tierslieu_desktop.ui.pages.machines.opening_hours import RangesInvalid, parse_ranges
from tierslieu_desktop.ui.pages.machines.page import MachinesPage
from tierslieu_desktop.ui.pages.members.detail import MemberDetailPanel


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
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # the single match, chosen
    dialog.on_category.setChecked(True)  # trained on every 3D printer
    dialog.trainer.setText("Léa")
    assert dialog.submit()
    assert auth_rows(page) == [("MARTIN Alice", "Catégorie « Impression 3D »")]
    # the category authorization also shows on the other printer, in another space
    page.select("machine", park["Bambu X1"])
    assert auth_rows(page) == [("MARTIN Alice", "Catégorie « Impression 3D »")]

    page.select("machine", park["Prusa MK4"])
    page.auth_table.selectRow(0)
    monkeypatch.setattr(machines_page, "ask_reason", lambda *a: None)
    page.revoke_selected()
    assert page.auth_table.rowCount() == 1  # "Cancel": nothing changed
    monkeypatch.setattr(machines_page, "ask_reason", lambda *a: "Formation à refaire")
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


# --- issue 3: booking rules, opening hours, maintenance, out of service, iCal -----------


def _future_booking(db, operator, machine_id, member_id, days=7, hour=10) -> int:
    """A booking in a week (the services check against the real clock here), never on a
    public holiday (closed by default)."""
    day = lab_today() + timedelta(days=days)
    while public_holiday(day):
        day += timedelta(days=1)
    return create_booking(
        db,
        operator,
        BookingInput(
            start_at=local_dt(day, hour * 60),
            end_at=local_dt(day, hour * 60 + 60),
            machine_id=machine_id,
            member_id=member_id,
            purpose="Porte-clés",
        ),
    )


@pytest.mark.parametrize(
    ("typed", "ranges"),
    [
        ("09:00–12:30, 13:30–18:00", [(540, 750), (810, 1080)]),
        ("9h-12h30, 13h30-18h", [(540, 750), (810, 1080)]),
        ("9h - 12h30 et 14h-22h", [(540, 750), (840, 1320)]),
        ("9-12 13:30-24:00", [(540, 720), (810, 1440)]),
        ("  ", []),
        ("fermé", []),
    ],
)
def test_day_hours_are_read_leniently(typed, ranges):
    assert parse_ranges(typed) == ranges


@pytest.mark.parametrize(
    ("typed", "code"),
    [("25h-26h", "range_invalid"), ("9h75-10h", "range_invalid"), ("le matin", "hours_unreadable")],
)
def test_unreadable_day_hours_are_refused(typed, code):
    with pytest.raises(RangesInvalid) as exc:
        parse_ranges(typed)
    assert exc.value.code == code


def test_space_without_schedule_says_it_is_bookable_all_day(page, park):
    page.select("space", park["fablab"])
    assert (
        page.space_fields["opening_hours"].text()
        == "Horaires non définis : réservable toute la journée"
    )


def test_typing_opening_hours_saves_the_weekly_schedule(page, qtbot, db, park):
    page.select("space", park["fablab"])
    dialog = page.opening_hours_dialog()
    qtbot.addWidget(dialog)
    assert [e.text() for e in dialog.days] == [""] * 7
    assert not dialog.copy_button.isEnabled()  # nothing to copy yet
    qtbot.keyClicks(dialog.days[0], "9h-12h30, 13h30-18h")
    dialog.copy_button.click()  # Tuesday to Friday as Monday
    dialog.days[4].setText("9h-12h30")  # Friday: mornings only
    dialog.closed_on_holidays.setChecked(False)
    assert dialog.submit()

    week = [(540, 750), (810, 1080)]
    assert get_schedule(db, park["fablab"]) == {0: week, 1: week, 2: week, 3: week, 4: [(540, 750)]}
    assert not svc.get_space(db, park["fablab"]).closed_on_holidays
    assert page.space_fields["opening_hours"].text() == (
        "lundi – jeudi : 09:00–12:30, 13:30–18:00\nvendredi : 09:00–12:30"
    )
    # opened again, the dialog shows what was saved, formatted
    again = page.opening_hours_dialog()
    qtbot.addWidget(again)
    assert again.days[0].text() == "09:00–12:30, 13:30–18:00"
    assert again.days[5].text() == ""
    assert not again.closed_on_holidays.isChecked()


def test_impossible_hours_show_an_error_next_to_that_day_and_save_nothing(page, qtbot, db, park):
    page.select("space", park["fablab"])
    dialog = page.opening_hours_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.days[0], "25h-26h")
    qtbot.keyClicks(dialog.days[1], "9h-12h")
    qtbot.keyClicks(dialog.days[2], "9h-12h, 11h-14h")
    assert not dialog.submit()
    assert dialog.isVisible()
    monday = dialog.form.error_label("weekday_0")
    assert monday.isVisible()
    assert monday.text() == "Chaque plage doit commencer avant de finir, entre 00:00 et 24:00."
    assert not dialog.form.error_label("weekday_1").isVisible()
    assert dialog.form.error_label("weekday_2").text() == "Deux plages de ce jour se chevauchent."
    assert get_schedule(db, park["fablab"]) == {}

    dialog.days[0].setText("le matin")
    assert not dialog.submit()
    assert monday.text().startswith("Écrivez les horaires sous la forme 09:00-12:30")
    assert get_schedule(db, park["fablab"]) == {}


def test_exceptional_closures_are_added_and_removed_with_confirmation(
    page, qtbot, db, park, monkeypatch
):
    page.select("space", park["fablab"])
    dialog = page.opening_hours_dialog()
    qtbot.addWidget(dialog)
    assert dialog.no_exception.isVisibleTo(dialog)
    holidays = dialog.holidays.text().splitlines()
    assert len(holidays) == 6 and all(line for line in holidays)  # the next public holidays

    add = dialog.exception_dialog()
    qtbot.addWidget(add)
    day = lab_today() + timedelta(days=10)
    add.day.setDate(day)
    add.closed_range.setChecked(True)
    add.start.setTime(QTime(12, 0))
    add.end.setTime(QTime(14, 0))
    qtbot.keyClicks(add.reason, "Reunion d'equipe")
    assert add.submit()
    dialog.refresh_exceptions()
    assert dialog.exceptions.rowCount() == 1
    assert [dialog.exceptions.item(0, c).text() for c in range(1, 4)] == [
        "Fermé 12:00–14:00",
        "Reunion d'equipe",
        "Cet espace",
    ]
    assert [e.kind for e in list_exceptions(db, day, day, park["fablab"])] == ["closed"]

    dialog.exceptions.selectRow(0)
    monkeypatch.setattr(opening_hours_ui, "ask_reason", lambda *a: None)
    dialog.remove_selected()
    assert dialog.exceptions.rowCount() == 1  # "Cancel": kept
    monkeypatch.setattr(opening_hours_ui, "ask_reason", lambda *a: "Erreur de date")
    dialog.remove_selected()
    assert dialog.exceptions.rowCount() == 0
    assert list_exceptions(db, day, day, park["fablab"]) == []


def test_booking_rules_are_edited_in_the_machine_dialog_and_shown_in_french(page, db, park):
    page.select("machine", park["Prusa MK4"])
    assert page.fields["booking_rules"].text() == (
        "par tranches de 15 min, de 15 min à 4 h, jusqu'à 60 jours à l'avance"
    )
    dialog = page.machine_dialog(park["Prusa MK4"])
    rules = dialog.rules
    rules.slot_step.setCurrentIndex(rules.slot_step.findData(30))
    rules.min_duration.setValue(15)  # shorter than a step
    assert not dialog.submit()
    assert dialog.field_error("min_duration").text() == (
        "La durée minimale doit être d'au moins une tranche."
    )
    assert svc.get_machine(db, park["Prusa MK4"]).data.slot_step_minutes == 15

    rules.min_duration.setValue(60)
    rules.max_duration.setValue(210)
    rules.buffer.setValue(20)
    rules.max_advance.setValue(90)
    assert rules.summary.text() == (
        "par tranches de 30 min, de 1 h à 3 h 30, 20 min de préparation après, "
        "jusqu'à 90 jours à l'avance"
    )
    assert dialog.submit()
    saved = svc.get_machine(db, park["Prusa MK4"]).data
    assert (saved.slot_step_minutes, saved.min_duration_minutes, saved.buffer_minutes) == (
        30,
        60,
        20,
    )
    assert page.fields["booking_rules"].text() == rules.summary.text()


def test_space_rules_only_matter_when_the_space_itself_is_booked(page, qtbot, db, park):
    page.select("space", park["fablab"])
    assert not page.space_fields["booking_rules"].isVisibleTo(page)
    dialog = page.space_dialog(park["fablab"])
    assert not dialog.rules.isEnabled()
    dialog.bookable.setChecked(True)
    assert dialog.rules.isEnabled()
    dialog.rules.max_advance.setValue(30)
    assert dialog.submit()
    assert svc.get_space(db, park["fablab"]).max_advance_days == 30
    assert page.space_fields["booking_rules"].isVisibleTo(page)
    assert page.space_fields["booking_rules"].text() == (
        "par tranches de 30 min, de 30 min à 8 h, jusqu'à 30 jours à l'avance"
    )


def test_maintenance_entry_added_appears_in_the_log(page, qtbot, db, park, monkeypatch):
    page.select("machine", park["Trotec Speedy 100"])
    assert page.maintenance_empty.isVisibleTo(page)
    dialog = page.maintenance_dialog()
    qtbot.keyClicks(dialog.description, "Lentille nettoyee")
    qtbot.keyClicks(dialog.cost, "douze")
    assert not dialog.submit()
    assert (
        dialog.form.error_label("cost").text() == "Ce montant n'est pas valide (exemple : 12,50)."
    )
    dialog.cost.setText("45,50")
    dialog.done_by.setText("Technicien Trotec")
    assert dialog.submit()

    table = page.maintenance_table
    assert table.isVisibleTo(page) and table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)] == [
        formatting.short_date(lab_today()),
        "Lentille nettoyee",
        "45,50\xa0€",
        "Technicien Trotec",
    ]
    assert page.maintenance_total.text() == "Total : 45,50\xa0€"
    assert list_entries(db, park["Trotec Speedy 100"])[0].cost_cents == 4550

    table.selectRow(0)
    monkeypatch.setattr(machines_page, "ask_reason", lambda *a: "Saisie en double")
    page.remove_maintenance()
    assert page.maintenance_table.rowCount() == 0
    assert list_entries(db, park["Trotec Speedy 100"]) == []


def test_putting_a_machine_out_of_service_lists_its_future_bookings(
    page, qtbot, db, operator, park, monkeypatch
):
    alice = save_member(db, operator, MemberInput(first_name="Alice", last_name="Martin"))
    booking = _future_booking(db, operator, park["Prusa MK4"], alice)
    page.select("machine", park["Prusa MK4"])
    dialog = page.status_dialog()
    dialog.status.setCurrentIndex(dialog.status.findData(MachineStatus.OUT_OF_ORDER.value))
    qtbot.keyClicks(dialog.note, "Plateau HS")

    seen = []

    def answer(self, review):  # the operator cancels the booking
        seen.append([label.text() for label in review.findChildren(QLabel)])
        assert list(review.actions) == [booking]
        combo = review.actions[booking]
        options = [combo.itemText(i) for i in range(combo.count())]
        assert options == ["La garder", "La déplacer sur Bambu X1", "L'annuler"]
        assert review.reason.text() == "Plateau HS"
        review.choose(booking, CANCEL)
        return review.submit()

    monkeypatch.setattr(StatusDialog, "review", answer)
    assert dialog.submit()
    assert any("MARTIN Alice · Porte-clés" in text for text in seen[0])
    assert get_booking(db, booking).status == "cancelled"
    assert booking_history(db, booking)[-1].detail == "Plateau HS"
    assert svc.get_machine(db, park["Prusa MK4"]).status == MachineStatus.OUT_OF_ORDER
    assert page.status_badge.text() == "Hors service"


def test_moving_to_a_taken_machine_says_why_and_changes_nothing_until_resolved(
    page, qtbot, db, operator, park, monkeypatch
):
    alice = save_member(db, operator, MemberInput(first_name="Alice", last_name="Martin"))
    bruno = save_member(db, operator, MemberInput(first_name="Bruno", last_name="Delpech"))
    first = _future_booking(db, operator, park["Prusa MK4"], alice, hour=10)
    second = _future_booking(db, operator, park["Prusa MK4"], alice, hour=14)
    _future_booking(db, operator, park["Bambu X1"], bruno, hour=10)  # Bambu taken at 10:00
    page.select("machine", park["Prusa MK4"])
    dialog = page.status_dialog()
    dialog.status.setCurrentIndex(dialog.status.findData(MachineStatus.MAINTENANCE.value))
    dialog.note.setText("Buse bouchee")
    reviews = []

    def first_try(self, review):
        reviews.append(review)
        review.choose(first, park["Bambu X1"])
        review.choose(second, park["Bambu X1"])
        return review.submit()

    monkeypatch.setattr(StatusDialog, "review", first_try)
    assert not dialog.submit()  # one move refused: the status did not change
    review = reviews[0]
    assert review.errors[first].text().startswith("Bambu X1 a déjà une réservation")
    assert not review.errors[second].isVisibleTo(review)
    assert get_booking(db, second).machine_id == park["Bambu X1"]  # this one moved
    assert get_booking(db, first).machine_id == park["Prusa MK4"]
    assert svc.get_machine(db, park["Prusa MK4"]).status == MachineStatus.AVAILABLE

    # the operator keeps the 10:00 booking this time: only it is left to decide
    def keep(self, review):
        assert list(review.actions) == [first]
        review.choose(first, KEEP)
        return review.submit()

    monkeypatch.setattr(StatusDialog, "review", keep)
    assert dialog.submit()
    assert get_booking(db, first).status == "booked"
    assert svc.get_machine(db, park["Prusa MK4"]).status == MachineStatus.MAINTENANCE


def test_ics_export_writes_the_machine_and_member_bookings(
    page, qtbot, ctx, db, operator, park, tmp_path
):
    alice = save_member(db, operator, MemberInput(first_name="Alice", last_name="Martin"))
    _future_booking(db, operator, park["Prusa MK4"], alice)
    page.select("machine", park["Prusa MK4"])
    path = tmp_path / "prusa.ics"
    assert page.write_bookings_ics(str(path))
    events = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Prusa MK4 — MARTIN Alice"]
    assert page.machine_export_result.text() == "1 réservation exportée dans prusa.ics."

    page.select("space", park["cyber"])
    empty = tmp_path / "cyber.ics"
    assert page.write_bookings_ics(str(empty))
    assert list(Calendar.from_ical(empty.read_bytes()).walk("VEVENT")) == []

    panel = MemberDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_member(alice)
    assert panel.export_button.accessibleName() == "Exporter les réservations de l'adhérent"
    member_file = tmp_path / "alice.ics"
    member_file.write_bytes(b"an older export")
    member_file.chmod(0o644)
    assert panel.write_bookings_ics(str(member_file))
    if os.name == "posix":  # names of members: private, also when a file is replaced
        assert {stat.S_IMODE(p.stat().st_mode) for p in (path, member_file)} == {0o600}
    assert len(list(Calendar.from_ical(member_file.read_bytes()).walk("VEVENT"))) == 1


def test_new_dialogs_speak_french_and_name_every_control(page, qtbot, db, operator, park):
    from test_i18n import LEAKS, unnamed_controls, visible_texts

    from tierslieu_desktop.ui.pages.machines.future_bookings import FutureBookingsDialog

    alice = save_member(db, operator, MemberInput(first_name="Alice", last_name="Martin"))
    _future_booking(db, operator, park["Prusa MK4"], alice)
    page.select("space", park["fablab"])
    assert unnamed_controls(page) == []
    hours = page.opening_hours_dialog()
    page.select("machine", park["Prusa MK4"])
    assert unnamed_controls(page) == []
    detail = svc.get_machine(db, park["Prusa MK4"])
    rows = future_bookings_of_machine(db, detail.id)
    for dialog in [
        hours,
        hours.exception_dialog(),
        page.maintenance_dialog(),
        FutureBookingsDialog(page.ctx, detail, MachineStatus.OUT_OF_ORDER, rows, "HS", page),
        page.machine_dialog(park["Prusa MK4"]),
        page.space_dialog(park["fablab"]),
    ]:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        assert sorted({t for t in visible_texts(dialog) if t in LEAKS}) == []
