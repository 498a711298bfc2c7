"""Activité › Accueil cyber-base (issue 22): the « Détails (modèle national) » stay
closed for one-click counting, opened they go with every click and stay for the next;
a scanner types a voucher number and Enter, a number already taken is said at once."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from tierslieu_desktop.services.activity import dropins
from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInDialog, DropInTab

NOW = datetime(2026, 3, 10, 14, 30, tzinfo=ZoneInfo("Europe/Paris"))
TODAY = date(2026, 3, 10)


@pytest.fixture
def tab(ctx, qtbot):
    w = DropInTab(ctx, now_fn=lambda: NOW)
    qtbot.addWidget(w)
    w.resize(1000, 740)
    w.show()
    return w


def rows(ctx):
    return sorted(dropins.list_drop_ins(ctx.db, TODAY, TODAY), key=lambda r: r.id)


def scan(qtbot, tab, number):
    line = tab.fields.voucher_numbers.line
    line.setFocus()
    QTest.keyClicks(line, number)
    QTest.keyClick(line, Qt.Key.Key_Return)


def test_closed_details_count_one_click_with_nothing_more(ctx, tab):
    assert not tab.fields.details.body.isVisibleTo(tab)
    tab.click_purpose("admin")
    (row,) = rows(ctx)
    assert row.themes == () and row.gender is None and row.first_time is None


def test_opened_details_go_with_each_click_and_stay(ctx, tab, qtbot):
    details = tab.fields.details
    box = details.toggle
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().topLeft() + QPoint(6, 8))
    assert details.body.isVisibleTo(tab)
    details.themes.actions_by_value["sante"].setChecked(True)
    details.gender.setCurrentIndex(details.gender.findData("feminin"))
    details.first_time.setChecked(True)
    assert details.themes.text() == "Santé"  # the Coop's French label
    tab.click_purpose("admin")
    tab.click_purpose("office")
    first, second = rows(ctx)
    assert first.themes == second.themes == ("sante",)
    assert first.gender == second.gender == "feminin"
    assert second.first_time is True
    details.toggle.setChecked(False)  # closed again: nothing of it sent
    tab.click_purpose("other")
    assert rows(ctx)[-1].themes == () and rows(ctx)[-1].gender is None


def test_a_scanned_voucher_goes_with_the_click_and_twice_is_refused_at_once(ctx, tab, qtbot):
    scan(qtbot, tab, "460001234567")
    assert tab.fields.voucher_numbers.numbers() == ("460001234567",)
    tab.click_purpose("admin")
    (row,) = rows(ctx)
    assert row.voucher_numbers == ("460001234567",) and row.vouchers == 1
    assert tab.fields.voucher_numbers.numbers() == ()  # emptied for the next visitor
    assert tab.count_vouchers.text() == "1"
    scan(qtbot, tab, "460001234567")
    listing = tab.fields.voucher_numbers.listing.text()
    assert tab.fields.voucher_numbers.numbers() == ()
    assert "460001234567" in listing and "déjà été enregistré" in listing
    assert f"n° {row.id}" in listing


def test_enter_in_the_voucher_field_of_the_edit_dialog_keeps_it_open(ctx, tab, qtbot):
    tab.click_purpose("admin")
    (row,) = rows(ctx)
    dialog = DropInDialog(ctx, row, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.fields.voucher_numbers.line
    line.setFocus()
    QTest.keyClicks(line, "PN-9")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.fields.voucher_numbers.numbers() == ("PN-9",)
    assert dialog.submit()
    assert rows(ctx)[0].voucher_numbers == ("PN-9",)


def test_every_new_widget_has_an_accessible_name(tab):
    details = tab.fields.details
    widgets = [
        details.toggle,
        details.activity_type,
        details.place_type,
        details.equipment,
        details.themes,
        details.autonomy,
        details.referred,
        details.referral,
        details.gender,
        details.age_range,
        details.situation,
        details.commune_insee,
        details.first_time,
        details.anonymous,
        tab.fields.voucher_numbers.line,
        tab.fields.voucher_numbers.clear_button,
    ]
    assert all(w.accessibleName() for w in widgets)


def test_the_desk_warns_of_vouchers_close_to_expiry(ctx, qtbot):
    from tierslieu_desktop.domain.calendar import local_dt

    dropins.log_drop_in(
        ctx.db,
        None,
        dropins.DropInInput(
            at=local_dt(date(2026, 2, 20), 600),
            voucher_numbers=("PN-77",),
            voucher_expiry=date(2026, 3, 31),
        ),
    )
    w = DropInTab(ctx, now_fn=lambda: NOW)
    qtbot.addWidget(w)
    w.show()
    assert w.expiry.isVisible()
    assert w.expiry.text().startswith("Bons Pass numérique arrivant à échéance d'ici le")


def test_the_figures_tab_exports_the_period_on_the_national_model(
    ctx, qtbot, tmp_path, monkeypatch
):
    from openpyxl import load_workbook

    from tierslieu_desktop.domain.calendar import local_dt
    from tierslieu_desktop.domain.mediation import EXPORT_COLUMNS
    from tierslieu_desktop.ui.pages.activity.figures_tab import FiguresTab

    dropins.log_drop_in(
        ctx.db, None, dropins.DropInInput(purpose="office", at=local_dt(TODAY, 600))
    )
    monkeypatch.setattr(
        "tierslieu_desktop.ui.pages.activity.figures_tab.announce_saved", lambda *a, **k: None
    )
    tab = FiguresTab(ctx)
    qtbot.addWidget(tab)
    tab.set_period(date(2026, 3, 1), date(2026, 3, 31))
    assert tab.national_button.isEnabled()
    path = tab.export_national(str(tmp_path / "mars"))
    rows = list(load_workbook(path)["Activités"].iter_rows(values_only=True))
    assert rows[0] == EXPORT_COLUMNS and len(rows) == 2
    assert rows[1][15] == "Bureautique"
