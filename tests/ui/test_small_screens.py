"""A 1024×600 screen: the main window (every page and tab shown) fits in it (every dialog:
test_every_dialog.py);
the window opens within the screen and comes back where it was left; Tab leaves tables
and goes from the sidebar into the page."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QTabWidget
from shared_demo import small_demo_copy

from tierslieu_desktop import config
from tierslieu_desktop.app import build_main_window, install_translators
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.ui import app_style
from tierslieu_desktop.ui.main_window import MainWindow
from tierslieu_desktop.ui.sidebar import Sidebar, first_window_geometry

MAX_WIDTH, MAX_HEIGHT = 1024, 600


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    """The real window on the small demo, in French, with every page and tab shown once."""
    app_style.install(qapp)
    path = small_demo_copy(tmp_path_factory.mktemp("small-screens") / "demo.sqlite")
    translators = install_translators(qapp, "fr")
    db = open_database(str(path))
    _ctx, win = build_main_window(db, "fr")
    win.resize(MAX_WIDTH, MAX_HEIGHT)
    win.show()
    for key in win.PAGE_KEYS:
        page = win.show_page(key)
        QApplication.processEvents()
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                QApplication.processEvents()
            tabs.setCurrentIndex(0)
    win.show_page("home")
    yield win
    from tierslieu_desktop.ui.background import wait_for_reads

    wait_for_reads()
    win.hide()
    win.deleteLater()
    QApplication.processEvents()
    db.dispose()
    for t in translators:
        qapp.removeTranslator(t)


def test_the_window_fits_1024_by_600_with_every_page_and_tab_shown(window):
    hint = window.minimumSizeHint()
    too_wide = {
        key: page.minimumSizeHint().width()
        for key, page in window._pages.items()
        if page.minimumSizeHint().width() + Sidebar.NARROW > MAX_WIDTH
    }
    assert hint.width() <= MAX_WIDTH, too_wide
    assert hint.height() <= MAX_HEIGHT
    window.resize(MAX_WIDTH, MAX_HEIGHT)
    QApplication.processEvents()
    assert window.width() == MAX_WIDTH
    # « Encaisser… (F9) », the operator and « Verrouiller » are on screen, not past the right edge
    checkout = window.show_page("checkout")
    QApplication.processEvents()
    for widget in (checkout.basket.pay_button, window.operator_button, window.lock_button):
        right = widget.mapTo(window, widget.rect().topRight()).x()
        assert right <= window.width(), widget.accessibleName()


def test_the_sidebar_shows_icons_only_on_a_narrow_window(window):
    window.resize(MAX_WIDTH, MAX_HEIGHT)
    QApplication.processEvents()
    assert not window.sidebar.wide and window.sidebar.width() == Sidebar.NARROW
    # the titles are still there for a screen reader and as tooltips
    assert window.sidebar.item(1).text() == "Membres"
    assert window.sidebar.item(1).toolTip() == "Membres"
    window.resize(1366, 740)
    QApplication.processEvents()
    assert window.sidebar.wide and window.sidebar.width() == Sidebar.WIDE
    window.resize(MAX_WIDTH, MAX_HEIGHT)


def test_the_first_window_fits_the_free_area_of_the_screen():
    # a 1366×768 screen with a 40 px taskbar: 1280×800 would overflow it
    free = QRect(0, 0, 1366, 728)
    rect = first_window_geometry(free)
    assert rect.width() <= 1280 and free.contains(rect)
    assert rect.height() + 32 <= free.height()  # its title bar too
    small = QRect(0, 0, 1024, 560)
    assert small.contains(first_window_geometry(small))


def test_size_and_place_are_remembered_and_brought_back_onto_a_screen(qapp, qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.setGeometry(QRect(40, 30, 700, 500))  # within the offscreen 800×600 screen
    first.remember_geometry()
    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.x(), again.width(), again.height()) == (40, 700, 500)
    # a screen unplugged since: the saved place is off every screen, the window is put back
    first.move(9000, 9000)
    first.remember_geometry()
    back = MainWindow()
    qtbot.addWidget(back)
    screen = qapp.primaryScreen().availableGeometry()
    assert screen.intersects(back.frameGeometry())


def test_the_maximized_state_is_remembered(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.showMaximized()
    QApplication.processEvents()
    first.close()  # remembered at close
    assert isinstance(config.load_settings().get(MainWindow.GEOMETRY_SETTING), str)
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    QApplication.processEvents()
    assert again.isMaximized()


# --- the keyboard -----------------------------------------------------------------------


def test_tab_leaves_a_table_instead_of_walking_its_cells(window, qtbot):
    members = window.show_page("members")
    QApplication.processEvents()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    tables = [t for t in window.findChildren(QTableView) if t.tabKeyNavigation()]
    assert tables == []  # every table of every page, not only the members'
    members.table.setFocus()
    members.table.selectRow(0)
    qtbot.keyClick(members.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not members.table


def test_first_tab_from_the_sidebar_goes_into_the_page(window, qtbot):
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    for key in ("members", "checkout", "settings"):
        page = window.show_page(key)
        QApplication.processEvents()
        window.sidebar.setFocus()
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and page.isAncestorOf(focused), (key, focused)


# --- every dialog: tests/ui/test_every_dialog.py (each QDialog class of ui/, built) --------


# --- the week view on a small screen ----------------------------------------------------


def test_week_titles_shorten_to_fit_their_column(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from tierslieu_desktop.ui.pages.bookings.calendar_style import (
        fitting_day_header,
        fitting_opening,
    )

    fm = QFontMetrics(QFont())
    monday = date(2026, 12, 7)
    wide = fitting_day_header(monday, fm, 400)
    assert "déc" in wide or "Dec" in wide
    short = fitting_day_header(monday, fm, fm.horizontalAdvance(wide) - 1)
    assert short.endswith("7") and fm.horizontalAdvance(short) < fm.horizontalAdvance(wide)
    ranges = ((9 * 60 + 30, 12 * 60 + 30), (14 * 60, 18 * 60 + 30))
    assert fitting_opening(ranges, fm, 400) == "09:30–12:30, 14:00–18:30"
    assert fitting_opening(ranges, fm, 60) == "09:30–18:30"


def test_the_week_at_1024_writes_the_members_names_on_the_bookings(window, monkeypatch):
    from tierslieu_desktop.ui.pages.bookings import calendar
    from tierslieu_desktop.ui.pages.bookings.calendar_style import WEEK_VIEW

    written: list[str] = []
    real = calendar.paint_vertical_name

    def spy(p, rect, name, fm, colour):
        drawn = real(p, rect, name, fm, colour)
        if drawn:
            written.append(name)
        return drawn

    monkeypatch.setattr(calendar, "paint_vertical_name", spy)
    window.resize(MAX_WIDTH, 768)
    page: Any = window.show_page("bookings")
    page.set_mode(WEEK_VIEW)
    QApplication.processEvents()
    view = page.calendar
    assert view.column_width < 34  # a dozen machines × 6 days: no room for lines of text
    view.viewport().grab()
    shown = {b.who for b in view.shown_bookings()}
    assert written and set(written) <= shown
    window.resize(MAX_WIDTH, MAX_HEIGHT)
