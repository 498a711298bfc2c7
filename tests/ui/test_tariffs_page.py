"""Paramètres › Tarifs: the price grid, its history and CSV, fees, reductions, quotas,
packs; and the stock fields of the consumables tab."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services.park import machines
from tierslieu_desktop.services.people import audiences
from tierslieu_desktop.services.pricing import catalogue, conditions, tariffs
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.ui.pages.settings import consumables as consumables_module
from tierslieu_desktop.ui.pages.settings.page import SettingsPage
from tierslieu_desktop.ui.pages.settings.tariffs import grid as grid_module
from tierslieu_desktop.ui.pages.settings.tariffs import sections as sections_module
from tierslieu_desktop.ui.pages.settings.tariffs.sections import (
    FeeDialog,
    PackTypeDialog,
    QuotaDialog,
    ReductionDialog,
)

JAN = date(2026, 1, 1)
JULY = date(2026, 7, 1)


@pytest.fixture
def lab(db, operator):
    """A laser cutter, a filament, and two publics."""
    fablab = machines.save_space(db, operator, machines.SpaceInput(name="Fablab"))
    laser = machines.save_machine(
        db,
        operator,
        machines.MachineInput(name="Découpe laser", space_id=fablab),
        new_category="Laser",
    )
    pla = usages.save_consumable(db, operator, "Filament PLA", "gram")
    jobseekers = audiences.save_audience(db, operator, "Demandeurs d'emploi")
    companies = audiences.save_audience(db, operator, "Entreprises")
    return {"laser": laser, "pla": pla, "jobseekers": jobseekers, "companies": companies}


def make_page(qtbot, ctx, day: date = JAN) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.tabs.setCurrentWidget(page.tariffs)
    page.tariffs.grid.set_day(day)
    return page


def cell_text(grid, kind: str, rid: int, audience_id: int | None) -> str:
    return grid.model.index_of(kind, rid, audience_id).data() or ""


def set_price(db, operator, rid: int, audience_id, cents: int, day: date) -> None:
    tariffs.set_price(
        db,
        operator,
        kind="machine",
        resource_id=rid,
        audience_id=audience_id,
        membership="any",
        unit="hour",
        step_minutes=15,
        amount_cents=cents,
        from_day=day,
    )


def answer_price_dialog(monkeypatch, amount: str, from_day: date | None = None) -> list:
    """The price dialog opened by the grid is filled in and saved like a user would."""
    opened = []

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        opened.append(dialog)
        dialog.amount.setText(amount)
        if from_day is not None:
            dialog.from_day.setDate(QDate(from_day.year, from_day.month, from_day.day))
        dialog._on_save()
        return dialog.result()

    monkeypatch.setattr(grid_module.PriceDialog, "exec", fake_exec)
    return opened


def test_f2_on_a_cell_sets_its_price(qtbot, ctx, db, lab, monkeypatch):
    page = make_page(qtbot, ctx)
    grid = page.tariffs.grid
    assert cell_text(grid, "machine", lab["laser"], lab["companies"]) == ""
    assert grid.select_cell("machine", lab["laser"], lab["companies"])
    opened = answer_price_dialog(monkeypatch, "30")
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_F2)
    assert len(opened) == 1
    assert cell_text(grid, "machine", lab["laser"], lab["companies"]) == "30,00\xa0€/h"
    (rule,) = tariffs.list_rules(db, on=JAN, resource_id=lab["laser"], kind="machine")
    assert (rule.audience_id, rule.amount_cents, rule.unit, rule.step_minutes) == (
        lab["companies"],
        3000,
        "hour",
        15,
    )
    assert rule.valid_from == JAN
    assert "Prix enregistré" in grid.status.text()


def test_consumable_price_is_per_unit_with_its_unit(qtbot, ctx, db, lab, monkeypatch):
    page = make_page(qtbot, ctx)
    grid = page.tariffs.grid
    grid.select_cell("consumable", lab["pla"], None)
    dialog = grid.price_dialog()
    assert not dialog.unit.isEnabled() and dialog.unit.currentData() == "consumable"
    dialog.amount.setText("0,10")
    assert dialog.submit() is not None
    grid.reload()
    assert cell_text(grid, "consumable", lab["pla"], None) == "0,10\xa0€/g"


def test_bad_amount_shown_under_the_field_and_nothing_saved(qtbot, ctx, db, lab):
    page = make_page(qtbot, ctx)
    grid = page.tariffs.grid
    grid.select_cell("machine", lab["laser"], None)
    dialog = grid.price_dialog()
    dialog.show()
    dialog.amount.setText("quinze")
    assert dialog.submit() is None
    assert dialog.form.error_label("amount_cents").isVisible()
    assert "montant" in dialog.form.error_label("amount_cents").text().lower()
    assert tariffs.list_rules(db) == []


def test_later_price_keeps_the_old_one_in_history(qtbot, ctx, db, operator, lab, monkeypatch):
    set_price(db, operator, lab["laser"], None, 1500, JAN)
    page = make_page(qtbot, ctx, JULY)
    grid = page.tariffs.grid
    assert cell_text(grid, "machine", lab["laser"], None) == "15,00\xa0€/h"
    grid.select_cell("machine", lab["laser"], None)
    answer_price_dialog(monkeypatch, "18")  # "from" defaults to the grid date
    grid.edit_current()
    assert cell_text(grid, "machine", lab["laser"], None) == "18,00\xa0€/h"
    grid.history_button.click()
    assert grid.history.isVisible()
    rows = grid.history_rows()
    assert [r[:3] for r in rows] == [
        ["01/01/2026", "30/06/2026", "15,00\xa0€/h"],
        ["01/07/2026", "sans fin", "18,00\xa0€/h"],
    ]
    grid.set_day(date(2026, 3, 1))  # the past is unchanged
    assert cell_text(grid, "machine", lab["laser"], None) == "15,00\xa0€/h"


def test_delete_key_removes_the_price_from_the_grid_date(
    qtbot, ctx, db, operator, lab, monkeypatch
):
    set_price(db, operator, lab["laser"], None, 1500, JAN)
    page = make_page(qtbot, ctx, JULY)
    grid = page.tariffs.grid
    grid.select_cell("machine", lab["laser"], None)
    asked = []
    monkeypatch.setattr(grid_module, "confirm", lambda *a: asked.append(a) or False)
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert asked and cell_text(grid, "machine", lab["laser"], None) == "15,00\xa0€/h"
    monkeypatch.setattr(grid_module, "confirm", lambda *a: True)
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert cell_text(grid, "machine", lab["laser"], None) == ""
    grid.set_day(date(2026, 6, 30))
    assert cell_text(grid, "machine", lab["laser"], None) == "15,00\xa0€/h"


def test_csv_export_then_import(qtbot, ctx, db, operator, lab, tmp_path, finished):
    set_price(db, operator, lab["laser"], None, 1500, JAN)
    set_price(db, operator, lab["laser"], lab["jobseekers"], 500, JAN)
    page = make_page(qtbot, ctx)
    grid = page.tariffs.grid
    path = tmp_path / "tarifs.csv"
    assert grid.export_csv(str(path))
    assert os.name != "posix" or stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for spreadsheets
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == "type;ressource;public;adhesion;unite;pas_minutes;prix;du;au"
    assert "Demandeurs d'emploi" in text and "15,00" in text
    # Prices change in July; importing the January file from July restores them.
    set_price(db, operator, lab["laser"], None, 2000, JULY)
    grid.set_day(JULY)
    assert cell_text(grid, "machine", lab["laser"], None) == "20,00\xa0€/h"
    assert finished(grid.import_csv(str(path))) == 2
    assert cell_text(grid, "machine", lab["laser"], None) == "15,00\xa0€/h"
    history = tariffs.rule_history(db, "machine", lab["laser"], None, "any")
    assert [r.amount_cents for r in history][0] == 1500  # January kept


def test_bad_csv_line_shows_its_number_and_nothing_changes(
    qtbot, ctx, db, operator, lab, tmp_path, finished
):
    set_price(db, operator, lab["laser"], None, 1500, JAN)
    page = make_page(qtbot, ctx)
    grid = page.tariffs.grid
    path = tmp_path / "tarifs.csv"
    path.write_text(
        "type;ressource;public;adhesion;unite;pas_minutes;prix;du;au\n"
        "machine;Découpe laser;Tous publics;tous;heure;15;25,00;01/01/2026;\n"
        "machine;Découpe laser;Entreprises;tous;heure;15;trente;01/01/2026;\n",
        encoding="utf-8-sig",
    )
    assert finished(grid.import_csv(str(path))) is None
    assert grid.status.text().startswith("Ligne 3 : le champ prix")
    assert "Rien n'a été importé" in grid.status.text()
    assert cell_text(grid, "machine", lab["laser"], None) == "15,00\xa0€/h"
    assert len(tariffs.list_rules(db)) == 1


def test_add_a_membership_fee(qtbot, ctx, db, lab, monkeypatch):
    page = make_page(qtbot, ctx)
    fees = page.tariffs.fees
    dialog = FeeDialog(ctx, None, fees)
    dialog.audience.setCurrentIndex(dialog.audience.findData(lab["jobseekers"]))
    dialog.duration.setCurrentIndex(dialog.duration.findData("school_year"))
    dialog.amount.setText("abc")
    assert dialog.submit() is None
    dialog.amount.setText("10")
    fee_id = dialog.submit()
    assert fee_id is not None
    fees.after_save(fee_id)
    assert fees.table.rowCount() == 1
    row = [fees.table.item(0, c).text() for c in range(fees.table.columnCount())]
    assert row[:3] == ["Demandeurs d'emploi", "Année scolaire", "10,00\xa0€"]
    assert (
        conditions.fee_for(db, lab["jobseekers"], "school_year", lab_today()).amount_cents == 1000
    )


def test_add_and_end_a_reduction(qtbot, ctx, db, lab, monkeypatch):
    page = make_page(qtbot, ctx)
    section = page.tariffs.reductions.reductions
    dialog = ReductionDialog(ctx, None, section)
    dialog.audience.setCurrentIndex(dialog.audience.findData(lab["jobseekers"]))
    dialog.scope.setCurrentIndex(dialog.scope.findData(f"machine:{lab['laser']}"))
    dialog.percent.setText("50")
    saved = dialog.submit()
    assert saved is not None
    section.after_save(saved)
    assert section.table.item(0, 1).text() == "Machine : Découpe laser"
    assert section.table.item(0, 2).text() == "50 %"
    (row,) = conditions.list_reductions(db)
    assert (row.percent_bp, row.scope_kind, row.valid_to) == (5000, "machine", None)
    monkeypatch.setattr(sections_module, "confirm", lambda *a: True)
    section.select_id(saved)
    assert section.end_selected(date(2026, 12, 31))
    assert conditions.list_reductions(db)[0].valid_to == date(2026, 12, 31)
    assert section.table.item(0, 4).text() == "31/12/2026"


def test_add_a_free_quota(qtbot, ctx, db, lab):
    page = make_page(qtbot, ctx)
    section = page.tariffs.reductions.quotas
    dialog = QuotaDialog(ctx, None, section)
    dialog.audience.setCurrentIndex(dialog.audience.findData(lab["jobseekers"]))
    dialog.hours.setText("3")
    saved = dialog.submit()
    assert saved is not None
    section.after_save(saved)
    (row,) = conditions.list_quotas(db)
    assert (row.free_minutes_per_month, row.scope_kind) == (180, None)
    assert section.table.item(0, 1).text() == "Tout"
    assert section.table.item(0, 2).text() == "3,0 h"


def test_add_edit_and_archive_a_pack(qtbot, ctx, db, lab, monkeypatch):
    page = make_page(qtbot, ctx)
    packs = page.tariffs.packs
    dialog = PackTypeDialog(ctx, None, packs)
    dialog.name.setText("10 h de laser")
    dialog.scope.setCurrentIndex(dialog.scope.findData(f"machine:{lab['laser']}"))
    dialog.hours.setText("10")
    dialog.price.setText("120")
    saved = dialog.submit()
    assert saved is not None
    packs.after_save(saved)
    (row,) = catalogue.list_pack_types(db)
    assert (row.minutes, row.validity_months, row.price_cents) == (600, 12, 12000)
    packs.select_id(saved)
    edit = PackTypeDialog(ctx, packs.current(), packs)
    assert edit.hours.text() == "10"
    edit.price.setText("110")
    assert edit.submit() == saved
    monkeypatch.setattr(sections_module, "confirm", lambda *a: True)
    packs.select_id(saved)
    packs.third_action()
    assert catalogue.list_pack_types(db) == []
    assert packs.table.rowCount() == 0
    packs.show_archived.setChecked(True)
    assert "(archivé)" in packs.table.item(0, 0).text()
    assert catalogue.list_pack_types(db, include_archived=True)[0].price_cents == 11000


INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView)
# Qt's own inner parts (corner button of a table, arrows of a tab bar, line edit of a
# date edit) are named by Qt's accessibility layer.
INNER_PARENTS = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QAbstractScrollArea)


def inside_combo(w: QWidget) -> bool:
    """The popup list of a combo box (its parent is Qt's private container)."""
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QHeaderView | QScrollBar) or isinstance(w.parentWidget(), INNER_PARENTS):
            continue
        if inside_combo(w):
            continue
        if isinstance(w, INTERACTIVE + (QTabWidget,)) and not w.accessibleName().strip():
            text = w.text() if hasattr(w, "text") else ""
            missing.append(f"{type(w).__name__} {text!r}")
    return missing


def test_every_interactive_widget_has_an_accessible_name(qtbot, ctx, db, lab):
    page = make_page(qtbot, ctx)
    tab = page.tariffs
    for i in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(i)
        assert unnamed(tab.tabs.currentWidget()) == [], tab.tabs.tabText(i)
    assert unnamed(tab) == []
    tab.grid.history_button.click()
    assert unnamed(tab.grid) == []
    assert unnamed(page.consumables) == []
    grid = tab.grid
    grid.select_cell("machine", lab["laser"], None)
    dialogs = [
        grid.price_dialog(),
        FeeDialog(ctx, None, tab),
        ReductionDialog(ctx, None, tab),
        QuotaDialog(ctx, None, tab),
        PackTypeDialog(ctx, None, tab),
    ]
    for dialog in dialogs:
        assert unnamed(dialog) == [], type(dialog).__name__


def test_consumable_stock_and_low_stock_marker(qtbot, ctx, db, lab):
    page = make_page(qtbot, ctx)
    tab = page.consumables
    page.tabs.setCurrentWidget(tab)
    tab.select(lab["pla"])
    tab.stock.setText("abc")
    assert tab.submit() is None
    assert tab.form.error_label("stock").isVisible()
    assert catalogue.stock_levels(db) == []
    tab.stock.setText("")
    tab.low_stock.setText("200")
    assert tab.submit() is None
    assert tab.form.error_label("stock").isVisible()
    tab.stock.setText("150,5")
    tab.low_stock.setText("200")
    assert tab.submit() == lab["pla"]
    (row,) = catalogue.stock_levels(db)
    assert (row.stock_milli, row.low_stock_milli, row.low) == (150500, 200000, True)
    item = tab.list.currentItem()
    assert "stock bas" in item.text() and "150,5" in item.text()
    assert tab.stock.text() == "150,5"
    tab.low_stock.setText("100")
    assert tab.submit() == lab["pla"]
    assert "stock bas" not in tab.list.currentItem().text()
    tab.stock.setText("")
    tab.low_stock.setText("")
    assert tab.submit() == lab["pla"]
    assert catalogue.stock_levels(db) == []
    assert consumables_module.parse_quantity("1 200,5") == 1200500


def test_the_other_desks_refreshes_keep_the_cell_and_read_its_history_once(
    qtbot, ctx, db, lab, monkeypatch
):
    """Each refresh (a machine or a public saved on another desk) used to connect the
    grid's selection once more: after a day of refreshes, one cell chosen read its
    history hundreds of times."""
    page = make_page(qtbot, ctx)
    grid = page.tariffs.grid
    assert grid.select_cell("machine", lab["laser"], lab["companies"])
    for _ in range(5):
        ctx.changed.emit("machine", [lab["laser"]])  # as the live refresh re-emits it
    assert grid.current_key()[1] == lab["companies"]  # the cell chosen stays chosen
    reads: list[int] = []
    monkeypatch.setattr(grid, "_fill_history", lambda: reads.append(1))
    assert grid.select_cell("machine", lab["laser"], lab["jobseekers"])
    assert reads == [1]
