"""The Accueil page at the front desk, driven like a person: today's bookings, check-in in
one click, departure with consumables, late rows, walk-ins; the consumables catalogue."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt, QTime
from sqlalchemy import func, select

from tierslieu_desktop.db.models import Machine, MachineCategory, Space, Usage
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import bookings, usages
from tierslieu_desktop.services.scheduling.bookings import BookingInput
from tierslieu_desktop.ui.pages.frontdesk.today_model import LATE_IN_COLOR, LATE_OUT_COLOR
from tierslieu_desktop.ui.pages.home import HomePage

MONDAY = date(2026, 11, 23)
BEFORE = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 8:00 in Paris, when bookings are made


def at(hh: int, mm: int = 0) -> datetime:
    return local_dt(MONDAY, hh * 60 + mm)


@pytest.fixture
def lab(db, operator):
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        cat = MachineCategory(name="Découpe laser")
        s.add_all([fablab, cat])
        s.flush()
        laser = Machine(name="Découpeuse laser", category=cat, space=fablab)
        printer = Machine(name="Prusa MK4", category=cat, space=fablab)
        s.add_all([laser, printer])
        s.flush()
        ids = {"fablab": fablab.id, "laser": laser.id, "printer": printer.id}
    opening_hours.set_schedule(db, operator, ids["fablab"], {d: [(540, 1080)] for d in range(5)})
    ids["emilie"] = save_member(db, operator, MemberInput(first_name="Emilie", last_name="Delpech"))
    ids["jean"] = save_member(db, operator, MemberInput(first_name="Jean", last_name="Lacoste"))
    ids["pla"] = usages.save_consumable(db, operator, "Filament PLA", "gram")
    ids["plywood"] = usages.save_consumable(db, operator, "Contreplaqué 3 mm", "sheet")
    usages.set_machine_consumables(db, operator, ids["laser"], [ids["pla"], ids["plywood"]])

    def book(machine, member, start, end, purpose=""):
        return bookings.create_booking(
            db,
            operator,
            BookingInput(
                machine_id=ids[machine],
                member_id=ids[member],
                start_at=start,
                end_at=end,
                purpose=purpose,
            ),
            now=BEFORE,
        )

    ids["morning"] = book("laser", "emilie", at(9, 30), at(10, 30), "Enseigne en bois")
    ids["printing"] = book("printer", "jean", at(10), at(11))
    ids["afternoon"] = book("laser", "jean", at(14), at(15))
    bookings.check_in(db, operator, ids["morning"], at=at(9, 35))
    return ids


@pytest.fixture
def clock():
    return {"now": at(10, 10)}


@pytest.fixture
def page(ctx, qtbot, lab, clock):
    page = HomePage(ctx, now_fn=lambda: clock["now"])
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    page.activate()
    return page


def table(page) -> list[list[str]]:
    m = page.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def states(page) -> list[str]:
    return [row[4] for row in table(page)]


def test_today_lists_the_bookings_in_order_with_their_state(page, qtmodeltester):
    qtmodeltester.check(page.model)
    assert table(page) == [
        ["09:30–10:30", "Découpeuse laser", "DELPECH Emilie", "Enseigne en bois", "en cours"],
        ["10:00–11:00", "Prusa MK4", "LACOSTE Jean", "", "réservée"],
        ["14:00–15:00", "Découpeuse laser", "LACOSTE Jean", "", "réservée"],
    ]
    assert page.counts.text().startswith("attendus : 2 · présents : 1")


def test_check_in_with_one_click(page, qtbot, db, lab):
    page.select_booking(lab["printing"])
    assert page.check_in_button.isEnabled()
    qtbot.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
    row = bookings.get_booking(db, lab["printing"])
    assert (row.status, row.checked_in_at) == ("in_progress", at(10, 10))
    assert states(page)[1] == "en cours"
    assert page.selected_id() == lab["printing"]  # still selected: ready for the next action
    assert not page.check_in_button.isEnabled()


def test_enter_on_a_booked_row_checks_in(page, qtbot, db, lab):
    page.select_booking(lab["afternoon"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert bookings.get_booking(db, lab["afternoon"]).status == "in_progress"


def test_departure_with_consumables_records_the_usage(page, qtbot, db, lab, clock):
    clock["now"] = at(10, 22)
    page.select_booking(lab["morning"])
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # in progress: Enter opens the departure
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.start_edit.time() == QTime(9, 35)  # checked in at 9:35
    assert dialog.end_edit.time() == QTime(10, 20)  # now, to 5 minutes
    qtbot.keyClicks(dialog.quantities[lab["pla"]], "12,5")
    qtbot.keyClicks(dialog.quantities[lab["plywood"]], "2")
    qtbot.keyClicks(dialog.note, "RAS")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    usage = usages.usage_of_booking(db, lab["morning"])
    assert (usage.start_at, usage.end_at, usage.minutes, usage.note) == (
        at(9, 35),
        at(10, 20),
        45,
        "RAS",
    )
    assert [(c.consumable_id, c.quantity_milli) for c in usage.consumables] == [
        (lab["pla"], 12500),
        (lab["plywood"], 2000),
    ]
    with db.read() as s:
        assert s.get(Machine, lab["laser"]).hour_counter_minutes == 45
    assert states(page)[0] == "terminée"
    assert table(page)[0][0] == "09:30–10:20"  # left early: the rest of the slot is free


def test_wrong_quantity_is_shown_next_to_its_line_and_nothing_is_saved(page, qtbot, db, lab):
    page.select_booking(lab["morning"])
    qtbot.mouseClick(page.check_out_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.quantities[lab["pla"]], "douze")
    assert not dialog.submit()
    assert dialog.quantity_errors[lab["pla"]].isVisible()
    assert dialog.quantity_errors[lab["pla"]].text() == "Ce nombre n'est pas valide."
    assert not dialog.quantity_errors[lab["plywood"]].isVisible()

    dialog.quantities[lab["pla"]].setText("-3")  # a number, refused by the service
    assert not dialog.submit()
    assert dialog.quantity_errors[lab["pla"]].isVisible()

    dialog.quantities[lab["pla"]].setText("30")
    dialog.end_edit.setTime(QTime(9, 0))  # before the arrival
    assert not dialog.submit()
    assert dialog.form.error_label("end_at").isVisible()
    assert not dialog.quantity_errors[lab["pla"]].isVisible()
    with db.read() as s:
        assert s.scalar(select(func.count(Usage.id))) == 0
    assert bookings.get_booking(db, lab["morning"]).status == "in_progress"
    assert dialog.isVisible()


def test_late_rows_say_so_in_words_and_colour(page, clock, lab):
    clock["now"] = at(10, 40)  # the laser should be free since 10:30, Jean due at 10:00
    page.timer.timeout.emit()  # the minute timer refreshes the late flags
    late_out = page.model.index(0, 4)
    late_in = page.model.index(1, 4)
    assert late_out.data() == "en cours — en retard (fin prévue 10:30)"
    assert late_out.data(Qt.ItemDataRole.ForegroundRole).color() == LATE_OUT_COLOR
    assert late_in.data() == "réservée — en retard (arrivée prévue à 10:00)"
    assert late_in.data(Qt.ItemDataRole.ForegroundRole).color() == LATE_IN_COLOR
    assert states(page)[2] == "réservée"  # 14:00: not late
    assert page.model.index(2, 4).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "en retard au départ : 1" in page.counts.text()


def test_absent_after_confirmation(page, qtbot, db, lab, monkeypatch):
    monkeypatch.setattr("tierslieu_desktop.ui.pages.home.confirm", lambda *a: True)
    page.select_booking(lab["printing"])
    qtbot.mouseClick(page.no_show_button, Qt.MouseButton.LeftButton)
    assert bookings.get_booking(db, lab["printing"]).status == "no_show"
    assert states(page)[1] == "absent"


def test_walk_in_then_departure(page, qtbot, db, lab, clock):
    clock["now"] = at(11, 2)
    qtbot.mouseClick(page.walk_in_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.search, "laco")
    assert dialog.results.count() == 1
    assert dialog.selected_member() is None  # nobody until the desk chooses
    item = dialog.results.item(0)
    qtbot.mouseClick(
        dialog.results.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.results.visualItemRect(item).center(),
    )
    assert dialog.selected_member() == lab["jean"]
    dialog.select_resource("machine", lab["laser"])
    assert dialog.end_edit.time() == QTime(12, 15)  # in an hour, on a quarter
    qtbot.keyClicks(dialog.purpose, "Porte-cles")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    walk_in = dialog.saved_id
    row = bookings.get_booking(db, walk_in)
    assert (row.member_id, row.status, row.walk_in, row.start_at) == (
        lab["jean"],
        "in_progress",
        True,
        at(11, 2),
    )
    assert page.selected_id() == walk_in
    assert table(page)[2][3:] == ["Porte-cles", "en cours (passage)"]

    clock["now"] = at(11, 31)
    qtbot.mouseClick(page.check_out_button, Qt.MouseButton.LeftButton)
    departure = page.dialog
    assert departure.end_edit.time() == QTime(11, 30)
    assert departure.submit()
    assert usages.usage_of_booking(db, walk_in).minutes == 28


def test_walk_in_needs_a_member_and_a_resource(page, qtbot, lab):
    dialog = page.start_walk_in()
    qtbot.keyClicks(dialog.search, "nobody")
    assert not dialog.submit()
    assert dialog.form.error_label("member").isVisible()
    assert dialog.form.error_label("resource").isVisible()


def test_walk_in_refused_by_a_rule_says_why(page, qtbot, lab):
    dialog = page.start_walk_in()  # 10:10: the laser is in use until 10:30
    qtbot.keyClicks(dialog.search, "laco")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # the only match, chosen
    dialog.select_resource("machine", lab["laser"])
    assert not dialog.submit()
    assert "Découpeuse laser a déjà une réservation de DELPECH Emilie" in dialog.message.text()
    assert dialog.isVisible()


# --- consumables catalogue --------------------------------------------------------------


@pytest.fixture
def consumables_tab(ctx, qtbot, lab):
    from tierslieu_desktop.ui.pages.settings.consumables import ConsumablesTab

    tab = ConsumablesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    return tab


def test_new_consumable_offered_on_a_ticked_machine(consumables_tab, qtbot, db, lab):
    tab = consumables_tab
    tab.start_new()
    qtbot.keyClicks(tab.name, "Vinyle adhesif")
    tab.unit.setCurrentIndex(tab.unit.findData("metre"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.current().name == "Vinyle adhesif"
    assert tab.list.currentItem().text() == "Vinyle adhesif — mètres (m)"

    tab.machine_item(lab["printer"]).setCheckState(Qt.CheckState.Checked)
    assert [c.name for c in usages.consumables_for_machine(db, lab["printer"])] == [
        "Vinyle adhesif"
    ]
    # the laser keeps its own consumables when it is ticked too
    tab.machine_item(lab["laser"]).setCheckState(Qt.CheckState.Checked)
    assert [c.name for c in usages.consumables_for_machine(db, lab["laser"])] == [
        "Filament PLA",
        "Contreplaqué 3 mm",
        "Vinyle adhesif",
    ]
    tab.machine_item(lab["laser"]).setCheckState(Qt.CheckState.Unchecked)
    assert len(usages.consumables_for_machine(db, lab["laser"])) == 2


def test_duplicate_consumable_name_is_shown_under_the_name(consumables_tab, qtbot, lab):
    tab = consumables_tab
    tab.start_new()
    qtbot.keyClicks(tab.name, "filament pla")
    assert tab.submit() is None
    assert tab.form.error_label("name").text() == "Ce nom est déjà utilisé."


def test_archived_consumable_leaves_the_departure(consumables_tab, db, lab, monkeypatch):
    monkeypatch.setattr("tierslieu_desktop.ui.pages.settings.consumables.confirm", lambda *a: True)
    consumables_tab.select(lab["pla"])
    consumables_tab.toggle_archived()
    assert [c.name for c in usages.consumables_for_machine(db, lab["laser"])] == [
        "Contreplaqué 3 mm"
    ]
    assert consumables_tab.list.count() == 1


def test_dialogs_are_in_french_and_every_control_is_named(page, qtbot, lab):
    from test_i18n import LEAKS, unnamed_controls, visible_texts

    page.select_booking(lab["morning"])
    for dialog in (page.check_out_selected(), page.start_walk_in()):
        assert dialog.isVisible()
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        assert sorted({t for t in visible_texts(dialog) if t in LEAKS}) == []
        dialog.reject()
