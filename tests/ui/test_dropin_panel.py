"""Activité › Accueil cyber-base: one click counts a visit, the day's counters and log
follow, Ctrl+Z takes the click back, a row can be corrected or deleted."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt
from tierslieu_desktop.domain.enums import DropInPurpose
from tierslieu_desktop.services.activity import dropins
from tierslieu_desktop.services.people import audiences
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.ui.pages.activity import dropin_tab
from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInLogModel, DropInTab
from tierslieu_desktop.ui.pages.activity.labels import (
    drop_in_kind_labels,
    drop_in_purpose_labels,
)

PARIS = ZoneInfo("Europe/Paris")
# A Tuesday afternoon at the cyber-base.
NOW = datetime(2026, 3, 10, 14, 30, tzinfo=PARIS)
TODAY = date(2026, 3, 10)


@pytest.fixture
def tab(ctx, qtbot):
    w = DropInTab(ctx, now_fn=lambda: NOW)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    return w


def rows(ctx, day=TODAY):
    return dropins.list_drop_ins(ctx.db, day, day)


def counters(tab):
    return (
        tab.count_visits.text(),
        tab.count_helps.text(),
        tab.count_hours.text(),
        tab.count_vouchers.text(),
    )


def purpose_label(purpose: str) -> str:
    label = drop_in_purpose_labels()[DropInPurpose(purpose)]
    return label[:1].lower() + label[1:]


def test_clicks_count_visits_with_the_kept_settings(ctx, tab, qtbot, qtmodeltester):
    seniors = audiences.save_audience(ctx.db, ctx.operator_id, "Seniors")
    tab.refresh()
    seen = []
    ctx.changed.connect(lambda entity, ids: seen.append((entity, ids)))
    assert counters(tab) == ("0", "0", "0,0 h", "0")

    first = tab.click_purpose("admin")
    assert first is not None
    assert seen == [("drop_in", [first])]
    assert tab.status.text() == f"Visite comptée : {purpose_label('admin')} (30 min)"

    # The desk switches to a one-to-one help for a senior from Figeac with 2 vouchers.
    f = tab.fields
    f.kind.setCurrentIndex(f.kind.findData("help"))
    # The shared desk account "Accueil" is nobody: the desk types who helped.
    assert f.helper.isVisibleTo(tab) and f.helper.text() == ""
    f.helper.setText("Maëlle")
    f.audience.setCurrentIndex(f.audience.findData(seniors))
    f.age_band.setCurrentIndex(f.age_band.findData("60_plus"))
    f.commune.setText("Figeac")
    f.quick_durations[60].click()
    f.vouchers.setValue(2)
    qtbot.mouseClick(tab.purpose_buttons["employment"], Qt.MouseButton.LeftButton)
    assert tab.status.text() == f"Accompagnement compté : {purpose_label('employment')} (60 min)"
    # Vouchers are reset, the rest is kept for the next similar visitor.
    assert f.vouchers.value() == 0
    assert f.commune.text() == "Figeac" and f.duration.value() == 60
    tab.click_purpose("employment")

    assert counters(tab) == ("1", "2", "2,5 h", "2")
    db_rows = rows(ctx)
    assert [(r.kind, r.purpose, r.duration_minutes, r.vouchers) for r in db_rows] == [
        ("help", "employment", 60, 0),
        ("help", "employment", 60, 2),
        ("visit", "admin", 30, 0),
    ]
    help_row = db_rows[1]
    assert help_row.audience_name == "Seniors" and help_row.age_band == "60_plus"
    assert help_row.commune == "Figeac" and help_row.helper == "Maëlle"
    assert db_rows[2].commune == "" and db_rows[2].audience_id is None
    assert local_day_and_minute(db_rows[0].at) == (TODAY, 14 * 60 + 30)

    # The log shows the day, latest first, in words.
    model = tab.model
    assert model.rowCount() == 3
    texts = [model.index(1, c).data() for c in range(model.columnCount())]
    assert texts[DropInLogModel.TIME] == "14:30"
    assert texts[DropInLogModel.KIND] == "Accompagnement individuel" or texts[1] == (
        "Individual support"  # until the activity labels reach the .ts
    )
    assert texts[DropInLogModel.PUBLIC] == "Seniors"
    assert texts[DropInLogModel.AGE] == "60 ans et plus" or "60" in texts[DropInLogModel.AGE]
    assert texts[DropInLogModel.TOWN] == "Figeac"
    assert texts[DropInLogModel.DURATION] == "60 min"
    assert texts[DropInLogModel.VOUCHERS] == "2"
    assert "Figeac" in tab.fields.communes()  # offered by the completer from now on
    qtmodeltester.check(model)


def test_function_keys_count_a_visit(ctx, tab, qtbot):
    tab.activateWindow()
    tab.purpose_buttons["admin"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert [r.purpose for r in rows(ctx)] == ["other", "print_scan"]
    assert tab.count_visits.text() == "2"


def test_help_without_helper_shows_the_field_error(ctx, tab):
    f = tab.fields
    f.kind.setCurrentIndex(f.kind.findData("help"))
    f.helper.clear()
    assert tab.click_purpose("office") is None
    error = tab.form.error_label("helper")
    assert error.isVisibleTo(tab) and error.text() == "Ce champ est obligatoire."
    assert rows(ctx) == []
    assert tab.count_helps.text() == "0"
    # A plain visit needs no helper.
    f.kind.setCurrentIndex(f.kind.findData("visit"))
    assert tab.click_purpose("office") is not None
    assert not error.isVisibleTo(tab)


def test_ctrl_z_undoes_the_last_click(ctx, tab, qtbot):
    tab.click_purpose("leisure")
    tab.click_purpose("print_scan")
    tab.activateWindow()
    tab.purpose_buttons["print_scan"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.status.text() == "Visite annulée"
    assert [r.purpose for r in rows(ctx)] == ["leisure"]
    assert tab.count_visits.text() == "1" and tab.model.rowCount() == 1
    # Only the last click: a second Ctrl+Z does nothing.
    assert not tab.undo_button.isEnabled()
    assert tab.undo_last() is False
    assert len(rows(ctx)) == 1


def test_member_link_is_used_once(ctx, tab):
    member = save_member(
        ctx.db,
        ctx.operator_id,
        MemberInput(first_name="Ana", last_name="Bru", city="Gramat", age_band="26_39"),
    )
    tab.refresh()
    assert "Gramat" in tab.fields.communes()  # the members' towns are offered
    link = tab.fields.member
    choices = link.search("Bru")
    assert len(choices) == 1
    link.choose_text(choices[0])
    assert link.member_id == member
    tab.click_purpose("admin")
    row = rows(ctx)[0]
    # The member fills what the desk left blank.
    assert row.member_id == member and row.commune == "Gramat" and row.age_band == "26_39"
    assert link.member_id is None and link.line.text() == ""
    tab.click_purpose("admin")
    assert rows(ctx)[0].member_id is None


def test_edit_a_visit(ctx, tab, monkeypatch):
    visit = tab.click_purpose("admin")
    tab.select(visit)

    def fill_and_save(dialog):
        dialog.purpose.setCurrentIndex(dialog.purpose.findData("office"))
        dialog.fields.duration.setValue(45)
        dialog.fields.commune.setText("Souillac")
        dialog.time.setTime(dialog.time.time().addSecs(-3600))
        # Help without a helper is refused under the field, the dialog stays open.
        dialog.fields.kind.setCurrentIndex(dialog.fields.kind.findData("help"))
        dialog.fields.helper.clear()
        dialog.show()
        assert dialog.submit() is False
        assert dialog.form.error_label("helper").isVisible()
        dialog.fields.helper.setText("Maëlle")
        return QDialog.DialogCode.Accepted if dialog.submit() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(dropin_tab.DropInDialog, "exec", fill_and_save)
    seen = []
    ctx.changed.connect(lambda entity, ids: seen.append((entity, ids)))
    assert tab.edit_selected()
    row = rows(ctx)[0]
    assert (row.kind, row.purpose, row.duration_minutes, row.commune, row.helper) == (
        "help",
        "office",
        45,
        "Souillac",
        "Maëlle",
    )
    assert local_day_and_minute(row.at) == (TODAY, 13 * 60 + 30)
    assert seen == [("drop_in", [visit])]
    assert tab.count_helps.text() == "1" and tab.count_visits.text() == "0"
    assert tab.status.text() == "Visite modifiée"


def test_delete_asks_first(ctx, tab, monkeypatch):
    keep = tab.click_purpose("admin")
    gone = tab.click_purpose("leisure")
    tab.select(gone)
    asked = []
    monkeypatch.setattr(dropin_tab, "confirm", lambda *a: asked.append(a) or False)
    assert tab.delete_selected() is False
    assert len(rows(ctx)) == 2
    monkeypatch.setattr(dropin_tab, "confirm", lambda *a: asked.append(a) or True)
    assert tab.delete_selected()
    assert len(asked) == 2
    assert [r.id for r in rows(ctx)] == [keep]
    assert tab.model.rowCount() == 1 and tab.count_visits.text() == "1"
    assert tab.status.text() == "Visite supprimée"


def test_entering_a_past_day(ctx, tab):
    yesterday = TODAY - timedelta(days=1)
    tab.set_day(yesterday)
    assert tab.past_day.text()  # the desk is warned the clicks go to another day
    visit = tab.click_purpose("office")
    row = rows(ctx, yesterday)[0]
    assert row.id == visit
    # That day, at the current time of day.
    assert row.at == local_dt(yesterday, 14 * 60 + 30)
    assert rows(ctx) == []
    assert tab.count_visits.text() == "1"
    tab.today_button.click()
    assert tab.current_day() == TODAY and tab.past_day.text() == ""
    assert tab.count_visits.text() == "0" and tab.model.rowCount() == 0
    # No entering for tomorrow.
    tab.set_day(TODAY + timedelta(days=1))
    assert tab.current_day() == TODAY


def test_other_pages_changes_refresh_the_log(ctx, tab):
    dropins.log_drop_in(
        ctx.db, ctx.operator_id, dropins.DropInInput(purpose="admin", at=local_dt(TODAY, 600))
    )
    ctx.notify("drop_in", [])
    assert tab.model.rowCount() == 1 and tab.count_visits.text() == "1"


def test_screen_is_named_and_french(ctx, tab, monkeypatch, tmp_path):
    from test_i18n import LEAKS, unnamed_controls, visible_texts

    tab.click_purpose("admin")
    tab.fields.kind.setCurrentIndex(tab.fields.kind.findData("help"))
    assert unnamed_controls(tab) == []
    # Purpose and kind words come from ui/pages/activity/labels.py, translated there.
    theirs = {*drop_in_purpose_labels().values(), *drop_in_kind_labels().values()}
    own_leaks = {t for t in visible_texts(tab) if t in LEAKS} - theirs
    assert own_leaks == set()
    assert tab.today_button.text() == "Aujourd'&hui"
    tab.grab().save(str(tmp_path / "dropin.png"))

    tab.select(rows(ctx)[0].id)
    shown = []

    def look(dialog):
        dialog.show()
        leaks = {t for t in visible_texts(dialog) if t in LEAKS} - theirs
        shown.append((unnamed_controls(dialog), leaks))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dropin_tab.DropInDialog, "exec", look)
    assert tab.edit_selected() is False
    assert shown == [([], set())]


def test_a_named_operator_is_the_default_helper(ctx, qtbot):
    from tierslieu_desktop.services.people import operators

    ctx.set_operator(operators.create_operator(ctx.db, "Maëlle"))
    w = DropInTab(ctx, now_fn=lambda: NOW)
    qtbot.addWidget(w)
    w.show()
    w.fields.kind.setCurrentIndex(w.fields.kind.findData("help"))
    assert w.fields.helper.text() == "Maëlle"


def test_function_keys_work_right_after_a_click_on_the_tab(ctx, qtbot):
    """The focus lands on the tab bar (outside the tab): F1 counts all the same."""
    from tierslieu_desktop.ui.pages.activity.page import ActivityPage

    page = ActivityPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    bar = page.tabs.tabBar()
    index = page.tabs.indexOf(page.dropins)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentWidget() is page.dropins
    bar.setFocus()  # where the report found it (styles that focus a clicked tab bar)
    qtbot.keyClick(bar, Qt.Key.Key_F1)
    assert page.dropins.count_visits.text() == "1"  # today, by the real clock
    assert page.dropins.status.text() == f"Visite comptée : {purpose_label('admin')} (30 min)"


def test_purpose_buttons_show_their_whole_label(tab):
    """The longest label fits its button at the narrowest layout (it lost both ends)."""
    from PySide6.QtGui import QFontMetrics

    tab.resize(700, 700)
    for button in tab.purpose_buttons.values():
        metrics = QFontMetrics(button.font())
        widest = max(metrics.horizontalAdvance(line) for line in button.text().split("\n"))
        assert widest < button.width() - 8, button.text()
