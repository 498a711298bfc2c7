"""Two desks on the same record (issue 20 point 4), for the settings, park, people and
finance forms: each form reads the record's version with what it shows, and a save, an
archiving or a removal made after the other desk saved the record first is refused in
French naming the other desk and its values; nothing is overwritten.

Forms with fields keep what was typed and offer « Recharger », which loads the saved
values (then a save goes through); one-click actions (archive, restore, remove a price)
show the sentence and refresh the view so the user sees the current state."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.services.finance import expenses, funding
from tierslieu_desktop.services.park import machines
from tierslieu_desktop.services.people import audiences, members
from tierslieu_desktop.services.people.operators import create_operator
from tierslieu_desktop.services.pricing import tariffs
from tierslieu_desktop.services.scheduling import usages

DAY = date(2026, 3, 2)
CHANGED = "modifiée sur un autre poste"
OTHER_DESK = "Cyber-base"  # the operator logged in on the other desk
NOT_SAVED = "n'ont pas été enregistrées"
SHOWN_AGAIN = "Rien n'a été enregistré : l'affichage montre maintenant l'état actuel"


@pytest.fixture
def other(db) -> Iterator[tuple[Any, int]]:
    """The other desk: the same database opened apart, and its operator."""
    desk = open_database(db.target)
    try:
        yield desk, create_operator(desk, OTHER_DESK)
    finally:
        desk.dispose()


@pytest.fixture
def no_boxes(monkeypatch) -> list[str]:
    """Message boxes answered Yes and recorded instead of shown."""
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []

    def warning(_parent, _title, text, *_a, **_k):
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr("tierslieu_desktop.ui.errors.QMessageBox.warning", warning)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    for module in (
        "tierslieu_desktop.ui.pages.members.page",
        "tierslieu_desktop.ui.pages.settings.page",
        "tierslieu_desktop.ui.pages.settings.consumables",
        "tierslieu_desktop.ui.pages.settings.tariffs.grid",
    ):
        monkeypatch.setattr(f"{module}.confirm", lambda *_a, **_k: True)
    return said


def _space(db, op) -> int:
    return machines.save_space(db, op, machines.SpaceInput(name="Fablab"))


def _grant(db, op, purpose="Fonctionnement", grant_id=None, version=None, funder=None):
    if funder is None:
        funder = funding.save_funder(db, op, name="Région", sector="public", level="region")
    return funding.save_grant(
        db,
        op,
        grant_id=grant_id,
        funder_id=funder,
        purpose=purpose,
        nature="operating",
        period_start=DAY,
        period_end=DAY + timedelta(days=300),
        requested_cents=500000,
        expected_version=version,
    )


def _in_kind(db, op, description="Bénévoles", in_kind_id=None, version=None):
    return funding.save_in_kind(
        db,
        op,
        in_kind_id=in_kind_id,
        funder_id=None,
        year=2026,
        kind="volunteering",
        description=description,
        value_cents=30000,
        expected_version=version,
    )


def _expense(db, op, label="Filament", expense_id=None, version=None):
    return expenses.save_expense(
        db,
        op,
        expense_id=expense_id,
        day=DAY,
        category="consumables",
        activity="fablab",
        amount_cents=1234,
        label=label,
        expected_version=version,
    )


def _machine(db, op) -> int:
    return machines.save_machine(
        db, op, machines.MachineInput(name="Trotec", space_id=_space(db, op)), new_category="Laser"
    )


def _price(db, op, machine, amount):
    return tariffs.set_price(
        db,
        op,
        kind="machine",
        resource_id=machine,
        audience_id=None,
        membership="any",
        unit="hour",
        step_minutes=15,
        amount_cents=amount,
        from_day=DAY,
    )


# --- forms with fields -------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """One form: ``make`` the record, ``open`` the form on it (returns the form), the
    text ``field`` of the form that both desks change, ``theirs`` saves the other desk's
    value, ``stored`` reads the field as saved, ``submit`` saves (truthy when saved),
    ``message`` and ``reload`` the form's sentence and « Recharger »."""

    make: Callable[[Any, int], int]
    open: Callable[[Any, Any, int], Any]
    field: Callable[[Any], Any]
    theirs: Callable[[Any, int, int, str], None]
    stored: Callable[[Any, int], str]
    submit: Callable[[Any], Any]
    message: Callable[[Any], str]
    mine: str
    their_value: str
    their_text: str  # how the message names it


def _audiences_tab(ctx, row_id):
    from tierslieu_desktop.ui.pages.settings.page import AudiencesTab

    tab = AudiencesTab(ctx)
    tab.show()
    tab.reload(row_id)
    return tab


def _consumables_tab(ctx, row_id):
    from tierslieu_desktop.ui.pages.settings.consumables import ConsumablesTab

    tab = ConsumablesTab(ctx)
    tab.show()
    tab.reload(row_id)
    return tab


def _category_dialog(ctx, row_id):
    from tierslieu_desktop.ui.pages.machines.dialogs import CategoryDialog

    row = next(c for c in machines.list_categories(ctx.db) if c.id == row_id)
    dialog = CategoryDialog(ctx, row)
    dialog.show()
    return dialog


def _finance(cls, read):
    def open_dialog(ctx, row_id):
        dialog = cls(ctx, read(ctx.db, row_id))
        dialog.show()
        return dialog

    return open_dialog


def _finance_submit(dialog) -> int | None:
    dialog.submit()
    return dialog.saved_id


def _price_dialog(ctx, machine):
    from tierslieu_desktop.ui.pages.settings.tariffs.grid import TariffGridTab

    tab = TariffGridTab(ctx)
    tab.show()
    tab.set_day(DAY)
    assert tab.select_cell("machine", machine, None)
    dialog = tab.price_dialog()
    dialog.show()
    dialog.grid_tab = tab  # kept alive with the dialog
    return dialog


def _cell_amount(db, machine) -> str:
    from tierslieu_desktop.i18n import formatting

    cell = tariffs.tariff_grid(db, DAY).cells.get(("machine", machine, None))
    return "" if cell is None else formatting.amount_input(cell.amount_cents)


def _dialogs() -> dict[str, Form]:
    from tierslieu_desktop.ui.pages.finances.dialogs import (
        ExpenseDialog,
        GrantDialog,
        InKindDialog,
    )

    def _audience_theirs(desk, op, i, v):
        row = next(a for a in audiences.list_audiences(desk) if a.id == i)
        audiences.save_audience(desk, op, "Habitants", v, i, expected_version=row.version)

    def _consumable_theirs(desk, op, i, v):
        row = next(c for c in usages.list_consumables(desk) if c.id == i)
        usages.save_consumable(desk, op, v, "gram", i, expected_version=row.version)

    def _category_theirs(desk, op, i, v):
        row = next(c for c in machines.list_categories(desk) if c.id == i)
        machines.save_category(desk, op, v, i, expected_version=row.version)

    def _grant_theirs(desk, op, i, v):
        row = funding.get_grant(desk, i)
        _grant(desk, op, v, i, row.version, funder=row.funder_id)

    def _in_kind_theirs(desk, op, i, v):
        _in_kind(desk, op, v, i, funding.get_in_kind(desk, i).version)

    def _expense_theirs(desk, op, i, v):
        _expense(desk, op, v, i, expenses.get_expense(desk, i).version)

    def _price_theirs(desk, op, machine, v):
        _price(desk, op, machine, int(v.replace(",", "")))

    return {
        "publics": Form(
            lambda db, op: audiences.save_audience(db, op, "Habitants", "Du bourg"),
            _audiences_tab,
            lambda tab: tab.description,
            _audience_theirs,
            lambda db, i: next(a.description for a in audiences.list_audiences(db) if a.id == i),
            lambda tab: tab.submit(),
            lambda tab: tab.message.text() if tab.message.isVisible() else "",
            "Riverains du bourg",
            "Habitants du canton",
            "Description : Habitants du canton",
        ),
        "consumables": Form(
            lambda db, op: usages.save_consumable(db, op, "PLA", "gram"),
            _consumables_tab,
            lambda tab: tab.name,
            _consumable_theirs,
            lambda db, i: next(c.name for c in usages.list_consumables(db) if c.id == i),
            lambda tab: tab.submit(),
            lambda tab: tab.status.text(),
            "PLA noir",
            "PLA blanc",
            "Nom : PLA blanc",
        ),
        "machine category": Form(
            lambda db, op: machines.save_category(db, op, "Laser"),
            _category_dialog,
            lambda dialog: dialog.name,
            _category_theirs,
            lambda db, i: next(c.name for c in machines.list_categories(db) if c.id == i),
            lambda dialog: dialog.submit(),
            lambda dialog: dialog.message.text() if dialog.message.isVisible() else "",
            "Laser CO2",
            "Découpe laser",
            "Nom : Découpe laser",
        ),
        "grant": Form(
            lambda db, op: _grant(db, op),
            _finance(GrantDialog, funding.get_grant),
            lambda dialog: dialog.purpose,
            _grant_theirs,
            lambda db, i: funding.get_grant(db, i).purpose,
            _finance_submit,
            lambda dialog: dialog.banner.text() if dialog.banner.isVisible() else "",
            "Fonctionnement 2026",
            "Animation numérique",
            "Animation numérique",
        ),
        "in-kind": Form(
            lambda db, op: _in_kind(db, op),
            _finance(InKindDialog, funding.get_in_kind),
            lambda dialog: dialog.description,
            _in_kind_theirs,
            lambda db, i: funding.get_in_kind(db, i).description,
            _finance_submit,
            lambda dialog: dialog.banner.text() if dialog.banner.isVisible() else "",
            "Bénévoles du samedi",
            "Bénévoles du repair café",
            "Bénévoles du repair café",
        ),
        "expense": Form(
            lambda db, op: _expense(db, op),
            _finance(ExpenseDialog, expenses.get_expense),
            lambda dialog: dialog.label,
            _expense_theirs,
            lambda db, i: expenses.get_expense(db, i).label,
            _finance_submit,
            lambda dialog: dialog.banner.text() if dialog.banner.isVisible() else "",
            "Filament PLA",
            "Filament PETG",
            "Filament PETG",
        ),
        "price of a grid cell": Form(
            lambda db, op: _price_cell(db, op),
            _price_dialog,
            lambda dialog: dialog.amount,
            _price_theirs,
            _cell_amount,
            lambda dialog: dialog.submit(),
            lambda dialog: dialog.banner.text() if dialog.banner.isVisible() else "",
            "18,00",
            "20,00",
            "20,00",
        ),
    }


def _price_cell(db, op) -> int:
    machine = _machine(db, op)
    _price(db, op, machine, 1500)
    return machine


FORMS = _dialogs()


@pytest.mark.parametrize("name", list(FORMS))
def test_a_form_saved_first_on_another_desk_keeps_what_was_typed_and_reloads(
    qtbot, ctx, db, other, name
):
    form = FORMS[name]
    row_id = form.make(db, ctx.operator_id)
    widget = form.open(ctx, row_id)
    qtbot.addWidget(widget)
    before = form.stored(db, row_id)
    form.field(widget).setText(form.mine)

    desk, someone = other
    form.theirs(desk, someone, row_id, form.their_value)

    assert not form.submit(widget)  # refused: the form stays as it is
    said = form.message(widget)
    assert CHANGED in said and NOT_SAVED in said
    assert OTHER_DESK in said  # who saved it first
    assert form.their_text in said  # and what they saved
    assert form.field(widget).text() == form.mine  # what was typed is kept
    assert form.stored(db, row_id) == form.their_value != before  # theirs not overwritten
    reload = widget.reload_button
    assert reload.isVisible()
    assert reload.accessibleName() == "Recharger les valeurs actuelles"

    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    assert form.field(widget).text() == form.their_value  # the saved values loaded
    assert not reload.isVisible()
    assert not form.message(widget)

    form.field(widget).setText(form.mine)  # typed again on the fresh values: saved
    assert form.submit(widget)
    assert form.stored(db, row_id) == form.mine


# --- one-click actions -------------------------------------------------------------


def test_archiving_a_member_changed_on_another_desk_is_refused_and_the_list_refreshed(
    qtbot, ctx, db, other, no_boxes
):
    from tierslieu_desktop.ui.pages.members.page import MembersPage

    member = members.save_member(
        db, ctx.operator_id, members.MemberInput(first_name="Lou", last_name="Bach")
    )
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.select_member(member)

    desk, someone = other
    card = members.get_member(desk, member)
    members.save_member(
        desk,
        someone,
        members.MemberInput(first_name="Lou", last_name="Bach", phone="0565380000"),
        member,
        expected_version=card.version,
    )
    page.toggle_archived()

    assert len(no_boxes) == 1 and CHANGED in no_boxes[0] and OTHER_DESK in no_boxes[0]
    assert SHOWN_AGAIN in no_boxes[0] and "rechargez" not in no_boxes[0]
    assert not members.get_member(db, member).archived  # nothing written
    row = page.model.member_at(page.table.currentIndex().row())
    assert row is not None and row.id == member
    assert row.phone == "05 65 38 00 00"  # the list shows the other desk's save

    page.toggle_archived()  # from the fresh row: archived
    assert members.get_member(db, member).archived


@pytest.mark.parametrize("kind", ["machine", "space"])
def test_archiving_a_machine_or_space_changed_elsewhere_is_refused_and_refreshed(
    qtbot, ctx, db, other, no_boxes, kind
):
    from tierslieu_desktop.ui.pages.machines.page import MachinesPage

    machine = _machine(db, ctx.operator_id)
    space = machines.save_space(db, ctx.operator_id, machines.SpaceInput(name="Salle"))
    page = MachinesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    item = machine if kind == "machine" else space
    assert page.select(kind, item)

    desk, someone = other
    if kind == "machine":
        theirs = machines.get_machine(desk, machine)
        from dataclasses import replace

        machines.save_machine(
            desk,
            someone,
            replace(theirs.data, serial_number="SP500-42"),
            machine,
            expected_version=theirs.version,
        )
    else:
        row = machines.get_space(desk, space)
        from dataclasses import replace

        machines.save_space(
            desk,
            someone,
            replace(row.data, name="Salle du bourg"),
            space,
            expected_version=row.version,
        )
    page.toggle_archived()

    assert len(no_boxes) == 1 and CHANGED in no_boxes[0] and OTHER_DESK in no_boxes[0]
    assert SHOWN_AGAIN in no_boxes[0] and "rechargez" not in no_boxes[0]
    if kind == "machine":
        assert not machines.get_machine(db, machine).archived
        assert page._detail is not None and page._detail.data.serial_number == "SP500-42"
    else:
        assert not machines.get_space(db, space).archived
        assert "Salle du bourg" in [s.name for s in page._spaces]
    page.toggle_archived()  # from what is shown now: archived
    assert len(no_boxes) == 1, no_boxes[1:]
    archived = (
        machines.get_machine(db, machine).archived
        if kind == "machine"
        else machines.get_space(db, space).archived
    )
    assert archived


@pytest.mark.parametrize("kind", ["public", "consumable"])
def test_archiving_a_public_or_consumable_changed_elsewhere_is_refused_and_refreshed(
    qtbot, ctx, db, other, no_boxes, kind
):
    desk, someone = other
    if kind == "public":
        row_id = audiences.save_audience(db, ctx.operator_id, "Habitants")
        tab = _audiences_tab(ctx, row_id)
        audiences.save_audience(
            desk, someone, "Habitants du canton", "", row_id, expected_version=1
        )
    else:
        row_id = usages.save_consumable(db, ctx.operator_id, "PLA", "gram")
        tab = _consumables_tab(ctx, row_id)
        usages.save_consumable(desk, someone, "PLA blanc", "gram", row_id, expected_version=1)
    qtbot.addWidget(tab)

    tab.toggle_archived()

    said = no_boxes[0] if kind == "public" else tab.status.text()
    assert CHANGED in said and OTHER_DESK in said
    if kind == "public":
        assert not any(a.archived for a in audiences.list_audiences(db, include_archived=True))
        assert tab.name.text() == "Habitants du canton"  # the tab shows it as it is now
    else:
        assert not any(c.archived for c in usages.list_consumables(db, include_archived=True))
        assert tab.name.text() == "PLA blanc"
    tab.toggle_archived()  # from what is shown now: archived
    if kind == "public":
        assert all(a.archived for a in audiences.list_audiences(db, include_archived=True))
    else:
        assert all(c.archived for c in usages.list_consumables(db, include_archived=True))


def test_removing_a_price_changed_on_another_desk_names_the_cell_and_reloads_the_grid(
    qtbot, ctx, db, other, no_boxes
):
    from tierslieu_desktop.ui.pages.settings.tariffs.grid import TariffGridTab

    machine = _price_cell(db, ctx.operator_id)
    tab = TariffGridTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_day(DAY)
    assert tab.select_cell("machine", machine, None)

    desk, someone = other
    _price(desk, someone, machine, 2000)
    assert tab.clear_current() is False

    said = tab.status.text()
    assert said.startswith("Trotec, Tous publics")  # the cell named
    assert CHANGED in said and OTHER_DESK in said and "20,00" in said
    assert _cell_amount(db, machine) == "20,00"  # nothing removed
    index = tab.model.index_of("machine", machine, None)
    assert "20,00" in str(tab.model.data(index))  # the grid reloaded

    assert tab.select_cell("machine", machine, None)
    assert tab.clear_current() is True  # from the fresh grid: removed
    assert _cell_amount(db, machine) == ""


def test_a_price_set_on_an_empty_cell_refuses_one_created_meanwhile(
    qtbot, ctx, db, other, no_boxes
):
    """The grid remembers a cell had no price: one set meanwhile on another desk is not
    replaced silently."""
    from tierslieu_desktop.ui.pages.settings.tariffs.grid import TariffGridTab

    machine = _machine(db, ctx.operator_id)
    tab = TariffGridTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_day(DAY)
    assert tab.select_cell("machine", machine, None)
    dialog = tab.price_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount.setText("18,00")

    desk, someone = other
    _price(desk, someone, machine, 2000)

    assert dialog.submit() is None
    assert CHANGED in dialog.banner.text() and "20,00" in dialog.banner.text()
    assert _cell_amount(db, machine) == "20,00"
    assert dialog.stale_seen and dialog.reload_button.isVisible()
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.amount.text() == "20,00"
    dialog.amount.setText("18,00")
    assert dialog.submit() is not None
    assert _cell_amount(db, machine) == "18,00"
