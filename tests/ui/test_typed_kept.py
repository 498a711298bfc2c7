"""Issue 20, points 3 and 4 together: another desk's change shows here without
« Actualiser », and never erases what the person at this desk is typing.

Every page or tab with an inline form (not a modal dialog) or a chosen row: something is
typed, the other desk saves (a second ``Database`` on the same file, as another desk's
process), then ``ctx.changed`` is emitted exactly as the live refresh (ui/live_refresh.py)
re-emits it. The list shows the other desk's change, the typed text and the chosen row are
still there; when the other desk changed the very record being edited, the save is
refused as stale (« Recharger »), never a silent overwrite (ui/widgets/typed.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QLineEdit

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Machine, MachineCategory, Space
from tierslieu_desktop.domain.enums import StaffKind
from tierslieu_desktop.services.activity import dropins
from tierslieu_desktop.services.billing import baskets
from tierslieu_desktop.services.people import audiences, staff, structure
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.ui.pages.checkout.common import row_data

NOW = datetime(2026, 3, 10, 14, 30, tzinfo=ZoneInfo("Europe/Paris"))
TYPED = "Atelier du mardi 14 h"


@pytest.fixture
def desk_b(db) -> Iterator[Any]:
    """The other desk: the same database opened apart."""
    other = open_database(db.target)
    try:
        yield other
    finally:
        other.dispose()


@dataclass(frozen=True)
class Inline:
    """``make`` the records (ids by name); ``open`` the page on screen with a record
    chosen; ``field`` the text field typed into; ``chosen`` what is selected; ``elsewhere``
    saves on desk B and returns what the live refresh announces (entity, ids); ``shows``:
    the page shows B's change; ``submit``: a save from this desk (True: saved) and
    ``saves`` whether it must go through (False: B changed the same record: stale);
    ``typed`` the text typed, ``then`` what the person does next (choose a row found)."""

    make: Callable[[Any, int], dict[str, int]]
    open: Callable[[Any, dict[str, int]], Any]
    field: Callable[[Any], QLineEdit] | None  # None: a page with a chosen row only
    chosen: Callable[[Any], object]
    elsewhere: Callable[[Any, dict[str, int]], tuple[str, list[int]]]
    shows: Callable[[Any], bool]
    submit: Callable[[Any], bool] | None = None
    saves: bool = False
    typed: str = TYPED
    # after typing (a search typed, then a row chosen in what it found)
    then: Callable[[Any, dict[str, int]], None] = lambda _page, _ids: None


def _settings(ctx, tab_name: str):
    from tierslieu_desktop.ui.pages.settings.page import SettingsPage

    page = SettingsPage(ctx)
    page.resize(1024, 768)
    page.show()
    tab = getattr(page, tab_name)
    page.tabs.setCurrentWidget(tab)
    return page, tab


def _texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


# --- Paramètres › Publics ------------------------------------------------------------


def _publics(db, op):
    return {
        "school": audiences.save_audience(db, op, "Scolaires", "Écoles du canton"),
        "all": audiences.save_audience(db, op, "Grand public"),
    }


def _open_publics(ctx, ids):
    page, tab = _settings(ctx, "audiences")
    tab.reload(ids["school"])
    return page


PUBLICS = Inline(
    make=_publics,
    open=_open_publics,
    field=lambda page: page.audiences.description,
    chosen=lambda page: page.audiences.current_id(),
    elsewhere=lambda b, ids: (
        "audience",
        [audiences.save_audience(b, None, "Écoles", "", ids["school"], expected_version=1)],
    ),
    shows=lambda page: any(t.startswith("Écoles —") for t in _texts(page.audiences.list)),
    submit=lambda page: page.audiences.submit() is not None,
)

PUBLICS_MEMBER_JOINS = replace(
    PUBLICS,
    elsewhere=lambda b, ids: (
        "member",
        [
            save_member(
                b,
                None,
                MemberInput(first_name="Léa", last_name="Bru", audience_id=ids["school"]),
            )
        ],
    ),
    shows=lambda page: any(t.startswith("Scolaires — 1 ") for t in _texts(page.audiences.list)),
    saves=True,  # a member joining does not change the public: the save goes through
)


# --- Paramètres › Consommables -------------------------------------------------------


def _consumables(db, op):
    return {
        "pla": usages.save_consumable(db, op, "PLA", "gram"),
        "wood": usages.save_consumable(db, op, "Contreplaqué", "sheet"),
    }


def _open_consumables(ctx, ids):
    page, tab = _settings(ctx, "consumables")
    tab.reload(ids["pla"])
    return page


CONSUMABLES = Inline(
    make=_consumables,
    open=_open_consumables,
    field=lambda page: page.consumables.name,
    chosen=lambda page: page.consumables.current_id(),
    elsewhere=lambda b, ids: (
        "consumable",
        [usages.save_consumable(b, None, "Filament PLA", "gram", ids["pla"], expected_version=1)],
    ),
    shows=lambda page: any(t.startswith("Filament PLA") for t in _texts(page.consumables.list)),
    submit=lambda page: page.consumables.submit() is not None,
)


# --- Paramètres › Structure ----------------------------------------------------------


def _structure(db, op):
    structure.save_structure(db, op, structure.StructureData(name="Fablab du Causse"))
    return {}


def _structure_elsewhere(b, _ids):
    data = replace(structure.get_structure(b), phone="05 65 11 22 33")
    structure.save_structure(b, None, data, expected_version=structure.structure_version(b))
    return "structure", [1]


STRUCTURE = Inline(
    make=_structure,
    open=lambda ctx, _ids: _settings(ctx, "structure")[0],
    field=lambda page: page.structure.fields["name"],
    chosen=lambda _page: None,
    elsewhere=_structure_elsewhere,
    shows=lambda _page: True,  # one form, no list: what matters is what was typed
    submit=lambda page: page.structure.submit(),
)


# --- Paramètres › Facturation -------------------------------------------------------


def _credit_pattern_elsewhere(b, _ids):
    from tierslieu_desktop.services.billing import numbering

    numbering.set_numbering_pattern(b, None, "credit_note", "AV-{year}-{counter:04}")
    return "numbering", []


INVOICING = Inline(
    make=lambda _db, _op: {},
    open=lambda ctx, _ids: _settings(ctx, "invoicing")[0],
    field=lambda page: page.invoicing.boxes["invoice"].pattern,
    chosen=lambda _page: None,
    elsewhere=_credit_pattern_elsewhere,
    shows=lambda page: (
        page.invoicing.boxes["credit_note"].pattern.text() == "AV-{year}-{counter:04}"
    ),
    typed="FA-{yy}-{counter:05}",
)


# --- Paramètres › Équipe -------------------------------------------------------------


def _team(db, op):
    def person(name):
        return staff.save_staff(
            db, op, staff.StaffInput(name, StaffKind.EMPLOYEE, 35, date(2025, 1, 6))
        )

    return {"julie": person("Julie Martin"), "paul": person("Paul Vidal")}


def _open_team(ctx, ids):
    page, tab = _settings(ctx, "staff")
    row = next(i for i, r in enumerate(tab._rows) if r.id == ids["julie"])
    tab.table.selectRow(row)
    assert tab.editing == ids["julie"]
    return page


def _team_elsewhere(b, ids):
    data = staff.StaffInput("Julie Martin-Roux", StaffKind.EMPLOYEE, 35, date(2025, 1, 6))
    return "staff", [staff.save_staff(b, None, data, ids["julie"], expected_version=1)]


def _team_chosen(page):
    rows = page.staff.table.selectionModel().selectedRows()
    return page.staff.editing, [page.staff._rows[r.row()].id for r in rows]


TEAM = Inline(
    make=_team,
    open=_open_team,
    field=lambda page: page.staff.role,
    chosen=_team_chosen,
    elsewhere=_team_elsewhere,
    shows=lambda page: any(
        page.staff.table.item(r, 0).text() == "Julie Martin-Roux"
        for r in range(page.staff.table.rowCount())
    ),
    submit=lambda page: page.staff.submit() is not None,
)


# --- Encaissement › Panier ------------------------------------------------------------


def _shop(db, op):
    camille = save_member(db, op, MemberInput(first_name="Camille", last_name="Roussel"))
    basket = baskets.open_basket(db, op, camille)
    lines = [
        baskets.add_free_line(
            db,
            op,
            basket,
            designation=text,
            quantity_milli=1000,
            unit="",
            unit_price_cents=500,
        )
        for text in ("Badge", "Carte SD", "Câble USB")
    ]
    return {"camille": camille, "basket": basket, "second_line": lines[1]}


def _open_basket(ctx, ids):
    from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage

    page = CheckoutPage(ctx)
    page.resize(1024, 768)
    page.show()
    page.activate()
    page.basket.show_basket(ids["basket"])
    page.basket.table.selectRow(1)
    assert page.basket.current_line().id == ids["second_line"]
    return page


def _basket_elsewhere(b, ids):
    leo = save_member(b, None, MemberInput(first_name="Léo", last_name="Fabre"))
    other = baskets.open_basket(b, None, leo)
    baskets.add_free_line(
        b, None, other, designation="Filament", quantity_milli=1000, unit="", unit_price_cents=900
    )
    return "basket", [other]


BASKET = Inline(
    make=_shop,
    open=_open_basket,
    field=lambda page: page.basket.search,
    chosen=lambda page: (page.basket.basket.id, page.basket.current_line().id),
    elsewhere=_basket_elsewhere,
    shows=lambda page: page.basket.open_list.count() == 2,
)


# --- Activité › Accueil cyber-base ---------------------------------------------------


def _visits(db, op):
    ids = [dropins.log_drop_in(db, op, dropins.DropInInput(at=NOW)) for _ in range(2)]
    return {"first": ids[0]}


def _open_dropins(ctx, ids):
    from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInTab

    tab = DropInTab(ctx, now_fn=lambda: NOW)
    tab.resize(1024, 768)
    tab.show()
    tab.select(ids["first"])
    assert tab.selected_row().id == ids["first"]
    return tab


DROP_INS = Inline(
    make=_visits,
    open=_open_dropins,
    field=lambda tab: tab.fields.commune,
    chosen=lambda tab: tab.selected_row().id if tab.selected_row() else None,
    elsewhere=lambda b, _ids: (
        "drop_in",
        [dropins.log_drop_in(b, None, dropins.DropInInput(at=NOW))],
    ),
    shows=lambda tab: tab.model.rowCount() == 3 and tab.count_visits.text() == "3",
)


# --- Membres ------------------------------------------------------------------------


def _people(db, op):
    return {
        "emilie": save_member(db, op, MemberInput(first_name="Émilie", last_name="Delpech")),
        "jean": save_member(db, op, MemberInput(first_name="Jean", last_name="Lacoste")),
    }


def _open_members(ctx, ids):
    from tierslieu_desktop.ui.pages.members.page import MembersPage

    page = MembersPage(ctx)
    page.resize(1024, 768)
    page.show()
    return page


def _choose_member(page, ids):
    page.apply_filter()  # as the search's timer does
    assert page.select_member(ids["emilie"])


MEMBERS = Inline(
    make=_people,
    open=_open_members,
    field=lambda page: page.search,
    chosen=lambda page: page.selected_member_id(),
    elsewhere=lambda b, _ids: (
        "member",
        [save_member(b, None, MemberInput(first_name="Paul", last_name="Delmas"))],
    ),
    shows=lambda page: page.model.rowCount() == 2,
    typed="Del",
    then=_choose_member,
)


# --- Machines & espaces --------------------------------------------------------------


def _park(db, _op):
    with db.write() as s:
        space = Space(name="Fablab", kind="fablab")
        category = MachineCategory(name="Impression 3D")
        s.add_all([space, category])
        s.flush()
        printer = Machine(name="Prusa MK4", category_id=category.id, space_id=space.id)
        s.add(printer)
        s.flush()
        return {"space": space.id, "category": category.id, "printer": printer.id}


def _open_machines(ctx, ids):
    from tierslieu_desktop.ui.pages.machines.page import MachinesPage

    page = MachinesPage(ctx)
    page.resize(1024, 768)
    page.show()
    page.activate()
    return page


def _park_elsewhere(b, ids):
    with b.write() as s:
        m = Machine(name="Prusa XL", category_id=ids["category"], space_id=ids["space"])
        s.add(m)
        s.flush()
        return "machine", [m.id]


def _tree_names(page) -> list[str]:
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    names, it = [], QTreeWidgetItemIterator(page.tree)
    while it.value():
        names.append(it.value().text(0))
        it += 1
    return names


MACHINES = Inline(
    make=_park,
    open=_open_machines,
    field=lambda page: page.filter_edit,
    chosen=lambda page: page.selected(),
    elsewhere=_park_elsewhere,
    shows=lambda page: any(n.startswith("Prusa XL") for n in _tree_names(page)),
    typed="pru",
    then=lambda page, ids: page.select("machine", ids["printer"]),
)


# --- Accueil (the front desk's bookings of the day) -------------------------------


def _day(db, op):
    ids = _park(db, op)
    ids["emilie"] = save_member(db, op, MemberInput(first_name="Émilie", last_name="Delpech"))
    ids["ten"] = _book(db, ids, 10)
    ids["two"] = _book(db, ids, 14)
    return ids


def _book(db, ids, hour):
    from tierslieu_desktop.domain.calendar import local_dt
    from tierslieu_desktop.services.scheduling.bookings import BookingInput, create_booking

    start = local_dt(NOW.date(), hour * 60)
    data = BookingInput(
        start, start + timedelta(hours=1), machine_id=ids["printer"], member_id=ids["emilie"]
    )
    return create_booking(db, None, data, now=local_dt(NOW.date(), 0))


def _open_front_desk(ctx, ids):
    from tierslieu_desktop.ui.pages.home import HomePage

    page = HomePage(ctx, now_fn=lambda: NOW)
    page.resize(1024, 768)
    page.show()
    page.activate()
    assert page.select_booking(ids["two"])
    return page


FRONT_DESK = Inline(
    make=_day,
    open=_open_front_desk,
    field=None,
    chosen=lambda page: page.selected_id(),
    elsewhere=lambda b, ids: ("booking", [_book(b, ids, 16)]),
    shows=lambda page: page.model.rowCount() == 3,
)


INLINE = {
    "publics-renamed": PUBLICS,
    "publics-member-joins": PUBLICS_MEMBER_JOINS,
    "consumables": CONSUMABLES,
    "structure": STRUCTURE,
    "team": TEAM,
    "invoicing": INVOICING,
    "basket": BASKET,
    "cyber-base": DROP_INS,
    "members": MEMBERS,
    "machines": MACHINES,
    "front-desk": FRONT_DESK,
}


@pytest.mark.parametrize("name", list(INLINE))
def test_another_desks_change_shows_and_keeps_what_is_typed_and_chosen(
    qtbot, ctx, db, desk_b, name
):
    case = INLINE[name]
    ids = case.make(db, ctx.operator_id)
    page = case.open(ctx, ids)
    qtbot.addWidget(page)
    field = case.field(page) if case.field is not None else None
    if field is not None:
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, case.typed)
    case.then(page, ids)
    chosen = case.chosen(page)
    assert chosen is not None or name in ("structure", "invoicing")  # one form, no list

    entity, changed_ids = case.elsewhere(desk_b, ids)
    ctx.changed.emit(entity, changed_ids)  # as the live refresh re-emits desk B's change

    assert case.shows(page)  # desk B's change is on screen
    assert field is None or field.text() == case.typed  # what was typed is still there
    assert case.chosen(page) == chosen  # and so is the row chosen
    if case.submit is not None:
        assert case.submit(page) is case.saves  # B's record is never silently overwritten
        if not case.saves and field is not None:
            assert field.text() == case.typed  # refused as stale: the typing stays


def test_a_structure_form_nobody_touched_shows_the_other_desks_values(qtbot, ctx, db, desk_b):
    _structure(db, ctx.operator_id)
    page = STRUCTURE.open(ctx, {})
    qtbot.addWidget(page)
    entity, changed_ids = _structure_elsewhere(desk_b, {})
    ctx.changed.emit(entity, changed_ids)
    assert page.structure.fields["phone"].text() == "05 65 11 22 33"
    page.structure.fields["city"].setText("Figeac")  # typed on the fresh values: saved
    assert page.structure.submit()
    assert structure.get_structure(db).phone == "05 65 11 22 33"
    assert structure.get_structure(db).city == "Figeac"


def test_the_public_chosen_at_the_cyber_base_desk_stays_when_archived_elsewhere(
    qtbot, ctx, db, desk_b
):
    seniors = audiences.save_audience(db, ctx.operator_id, "Seniors")
    audiences.save_audience(db, ctx.operator_id, "Scolaires")
    tab = _open_dropins(ctx, _visits(db, ctx.operator_id))
    qtbot.addWidget(tab)
    combo = tab.fields.audience
    combo.setCurrentIndex(combo.findData(seniors))
    audiences.set_audience_archived(desk_b, None, seniors, True, expected_version=1)
    audiences.save_audience(desk_b, None, "Artistes")
    ctx.changed.emit("audience", [seniors])
    assert combo.findText("Artistes") >= 0  # the other desk's new public is offered
    assert (combo.currentData(), combo.currentText()) == (
        seniors,
        "Seniors",
    )  # not « Non renseigné »


def test_an_account_added_on_another_desk_shows_with_the_chosen_one_kept(qtbot, ctx, db, desk_b):
    from tierslieu_desktop.services.people.operators import create_operator

    create_operator(db, "Atelier bois")
    page, tab = _settings(ctx, "accounts")
    qtbot.addWidget(page)
    tab.list.setCurrentRow(tab.list.count() - 1)
    chosen = tab.current().id
    new = create_operator(desk_b, "Médiation")
    ctx.changed.emit("operator", [new])
    assert any(t.startswith("Médiation") for t in _texts(tab.list))
    assert tab.current().id == chosen


def _mandate_invoice(db, op, member, euros):
    from tierslieu_desktop.services.billing import documents, payments

    basket = baskets.open_basket(db, op, member)
    baskets.add_free_line(
        db,
        op,
        basket,
        designation="Atelier numérique",
        quantity_milli=1000,
        unit="",
        unit_price_cents=euros * 100,
    )
    return documents.validate_basket(
        db, op, basket, [payments.PaymentInput(method="mandate", amount_cents=euros * 100)]
    )


def test_the_unpaid_invoice_chosen_stays_chosen_when_another_desk_invoices(qtbot, ctx, db, desk_b):
    """« Relance PDF… » writes to the buyer of the row chosen: a refresh that fell back
    on the first row sent the reminder to someone else."""
    from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage

    ids = _shop(db, ctx.operator_id)
    structure.save_structure(
        db, None, structure.StructureData(name="Le Fablab du Lot", payment_terms_days=30)
    )
    first = _mandate_invoice(db, ctx.operator_id, ids["camille"], 120)
    leo = save_member(db, None, MemberInput(first_name="Léo", last_name="Fabre"))
    second = _mandate_invoice(db, ctx.operator_id, leo, 80)
    page = CheckoutPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    with qtbot.waitSignal(page.unpaid.loaded):
        page.tabs.setCurrentWidget(page.unpaid)
    chosen = second if page.unpaid.model.row_of(first) == 0 else first  # not the first row
    page.unpaid.table.selectRow(page.unpaid.model.row_of(chosen))
    theirs = _mandate_invoice(desk_b, None, leo, 50)
    with qtbot.waitSignal(page.unpaid.loaded):
        ctx.changed.emit("invoice", [theirs])  # as the live refresh re-emits it
    assert page.unpaid.model.row_of(theirs) >= 0
    assert row_data(page.unpaid.table) == chosen


def test_a_public_archived_elsewhere_while_typed_keeps_the_typing_and_refuses_the_save(
    qtbot, ctx, db, desk_b
):
    """The record being edited left the list: the typing stays, and the save still
    targets that public (refused as stale), never creating a new public from it."""
    ids = _publics(db, ctx.operator_id)
    page = _open_publics(ctx, ids)
    qtbot.addWidget(page)
    tab = page.audiences
    tab.description.setText("Collèges et lycées")
    audiences.set_audience_archived(desk_b, None, ids["school"], True, expected_version=1)
    ctx.changed.emit("audience", [ids["school"]])
    assert not any(t.startswith("Scolaires") for t in _texts(tab.list))
    assert tab.description.text() == "Collèges et lycées"
    assert tab.submit() is None  # refused: changed elsewhere
    assert not tab.message.isHidden()
    assert len(audiences.list_audiences(db, include_archived=True)) == 2  # no new public
