"""A 1024×600 screen: the main window (every page and tab shown) and every dialog fit in it;
the window opens within the screen and comes back where it was left; Tab leaves tables
and goes from the sidebar into the page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QTableView, QTabWidget, QWidget
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
    # « Encaisser… (F9) » and the operator are on screen, not past the right edge
    checkout = window.show_page("checkout")
    QApplication.processEvents()
    for widget in (checkout.basket.pay_button, window.operator_combo):
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


# --- every dialog -----------------------------------------------------------------------


def _first(rows: list[Any]) -> Any:
    assert rows, "the small demo has one"
    return rows[0]


def _machines(win: MainWindow) -> Any:
    page: Any = win.show_page("machines")
    from tierslieu_desktop.services.park import machines as svc

    machine = _first(svc.list_machines(win.ctx.db))
    page._detail = svc.get_machine(win.ctx.db, machine.id)
    return page


def _space_id(win: MainWindow) -> int:
    from tierslieu_desktop.services.park import machines as svc

    return _first(svc.list_spaces(win.ctx.db)).id


def _session(win: MainWindow) -> Any:
    from tierslieu_desktop.services.activity import sessions

    now = datetime.now(UTC)
    return _first(sessions.list_sessions(win.ctx.db, now - timedelta(days=400), now))


def _member_id(win: MainWindow) -> int:
    from tierslieu_desktop.services.people import members

    return _first(members.search_members(win.ctx.db, "")).id


def _booking_id(win: MainWindow) -> int:
    from sqlalchemy import select

    from tierslieu_desktop.db.models import Booking

    with win.ctx.db.read() as s:
        return s.scalars(select(Booking.id).order_by(Booking.id)).first()


def _row_id(win: MainWindow, model: Any) -> int:
    from sqlalchemy import select

    with win.ctx.db.read() as s:
        found = s.scalars(select(model.id).order_by(model.id)).first()
    assert found is not None, model
    return found


def _invoice_id(win: MainWindow) -> int:
    from sqlalchemy import select

    from tierslieu_desktop.db.models import Invoice

    with win.ctx.db.read() as s:
        return s.scalars(select(Invoice.id).order_by(Invoice.id)).first()


def _dialogs() -> list[tuple[str, Callable[[MainWindow], QDialog]]]:
    from tierslieu_desktop.db.models import MemberPack, Usage
    from tierslieu_desktop.ui.crash_dialog import CrashDialog
    from tierslieu_desktop.ui.pages.activity import dialogs as act
    from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInDialog
    from tierslieu_desktop.ui.pages.bookings.booking_dialog import BookingDialog
    from tierslieu_desktop.ui.pages.bookings.detail_dialog import BookingDetailDialog
    from tierslieu_desktop.ui.pages.bookings.series_dialog import SeriesDialog
    from tierslieu_desktop.ui.pages.checkout import line_dialogs as lines
    from tierslieu_desktop.ui.pages.checkout.basket_tab import InvoiceIssuedDialog
    from tierslieu_desktop.ui.pages.checkout.deposits_tab import DepositDialog
    from tierslieu_desktop.ui.pages.checkout.invoices_tab import CreditNoteDialog
    from tierslieu_desktop.ui.pages.checkout.payment_dialog import PaymentDialog
    from tierslieu_desktop.ui.pages.checkout.voucher_settlement_dialog import (
        VoucherSettlementDialog,
    )
    from tierslieu_desktop.ui.pages.finances import dialogs as fin
    from tierslieu_desktop.ui.pages.frontdesk.usage_correction import UsageCorrectionDialog
    from tierslieu_desktop.ui.pages.frontdesk.walkin import WalkInDialog
    from tierslieu_desktop.ui.pages.machines.opening_hours import ExceptionDialog
    from tierslieu_desktop.ui.pages.members.dialog import MemberDialog
    from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog
    from tierslieu_desktop.ui.pages.members.pack_dialog import PackMovementsDialog, SellPackDialog
    from tierslieu_desktop.ui.pages.members.wallet_dialog import WalletCreditDialog
    from tierslieu_desktop.ui.pages.settings.backups_tab import PassphraseDialog
    from tierslieu_desktop.ui.pages.settings.tariffs import sections

    def grant(w: MainWindow) -> Any:
        from tierslieu_desktop.services.finance import funding

        return _first(funding.list_grants(w.ctx.db))

    def invoice_doc(w: MainWindow) -> Any:
        from tierslieu_desktop.services.billing import documents

        return documents.get_invoice(w.ctx.db, _invoice_id(w))

    def basket_id(w: MainWindow) -> int:
        from tierslieu_desktop.services.billing import baskets

        return baskets.open_basket(w.ctx.db, w.ctx.operator_id, _member_id(w))

    def drop_in(w: MainWindow) -> Any:
        from tierslieu_desktop.services.activity import dropins

        today = date.today()
        return _first(dropins.list_drop_ins(w.ctx.db, today - timedelta(days=90), today))

    def space(w: MainWindow) -> Any:
        from tierslieu_desktop.services.park import machines as svc

        return svc.get_space(w.ctx.db, _space_id(w))

    def bookings_page(w: MainWindow) -> Any:
        return w.show_page("bookings")

    return [
        ("member", lambda w: MemberDialog(w.ctx)),
        ("member edited", lambda w: MemberDialog(w.ctx, _member_id(w))),
        ("membership", lambda w: MembershipDialog(w.ctx, _member_id(w))),
        ("sell pack", lambda w: SellPackDialog(w.ctx, _member_id(w))),
        ("wallet credit", lambda w: WalletCreditDialog(w.ctx, _member_id(w))),
        ("machine", lambda w: _machines(w).machine_dialog()),
        ("space", lambda w: _machines(w).space_dialog()),
        ("machine status", lambda w: _machines(w).status_dialog()),
        ("machine grant", lambda w: _machines(w).grant_dialog()),
        ("maintenance", lambda w: _machines(w).maintenance_dialog()),
        ("opening hours", lambda w: _machines(w).opening_hours_dialog(_space_id(w))),
        (
            "booking",
            lambda w: BookingDialog(
                w.ctx, bookings_page(w).resources, now_fn=lambda: datetime.now(UTC)
            ),
        ),
        (
            "booking detail",
            lambda w: BookingDetailDialog(w.ctx, _booking_id(w), now_fn=lambda: datetime.now(UTC)),
        ),
        ("walk-in", lambda w: WalkInDialog(w.ctx)),
        ("session", lambda w: act.SessionDialog(w.ctx, day=date.today())),
        ("activity", lambda w: act.ActivityDialog(w.ctx)),
        ("activities", lambda w: act.ActivitiesDialog(w.ctx)),
        ("register member", lambda w: act.MemberRegistrationDialog(w.ctx, _session(w))),
        ("register group", lambda w: act.GroupRegistrationDialog(w.ctx, _session(w))),
        ("free line", lambda w: lines.FreeLineDialog(w.ctx, basket_id(w))),
        ("pack line", lambda w: lines.PackLineDialog(w.ctx, basket_id(w))),
        ("wallet top-up", lambda w: lines.WalletTopupDialog(w.ctx, basket_id(w), 0)),
        (
            "membership line",
            lambda w: lines.MembershipLineDialog(w.ctx, basket_id(w), _member_id(w), date.today()),
        ),
        (
            "payment",
            lambda w: PaymentDialog(
                w.ctx, title="t", heading="h", due_cents=12_345, submit_fn=lambda _p: 0
            ),
        ),
        ("credit note", lambda w: CreditNoteDialog(w.ctx, invoice_doc(w))),
        ("voucher settlement", lambda w: VoucherSettlementDialog(w.ctx)),
        ("funder", lambda w: fin.FunderDialog(w.ctx)),
        ("grant", lambda w: fin.GrantDialog(w.ctx)),
        ("grant payment", lambda w: fin.PaymentDialog(w.ctx, grant(w))),
        ("in kind", lambda w: fin.InKindDialog(w.ctx)),
        ("expense", lambda w: fin.ExpenseDialog(w.ctx)),
        ("fee", lambda w: sections.FeeDialog(w.ctx, None)),
        ("reduction", lambda w: sections.ReductionDialog(w.ctx, None)),
        ("quota", lambda w: sections.QuotaDialog(w.ctx, None)),
        ("pack type", lambda w: sections.PackTypeDialog(w.ctx, None)),
        ("passphrase", lambda w: PassphraseDialog()),
        ("crash", lambda w: CrashDialog("Traceback…\n" * 40, None)),
        ("deposit", lambda w: DepositDialog(w.ctx, date.today)),
        ("invoice issued", lambda w: InvoiceIssuedDialog(w.ctx, _invoice_id(w), 500)),
        ("series", lambda w: SeriesDialog([])),
        ("pack movements", lambda w: PackMovementsDialog(w.ctx, _row_id(w, MemberPack))),
        ("usage correction", lambda w: UsageCorrectionDialog(w.ctx, _row_id(w, Usage))),
        ("drop-in", lambda w: DropInDialog(w.ctx, drop_in(w))),
        ("opening exception", lambda w: ExceptionDialog(w.ctx, space(w))),
    ]


DIALOGS = _dialogs()


@pytest.mark.parametrize("make", [m for _n, m in DIALOGS], ids=[n for n, _m in DIALOGS])
def test_every_dialog_fits_a_1024_by_600_screen(window, make):
    dialog = make(window)
    assert dialog is not None
    try:
        dialog.show()
        QApplication.processEvents()
        width = max(dialog.minimumSizeHint().width(), dialog.minimumWidth())
        assert width <= MAX_WIDTH, widest_children(dialog)
        assert dialog.width() <= MAX_WIDTH
        height = max(dialog.minimumSizeHint().height(), dialog.minimumHeight())
        assert height <= MAX_HEIGHT
    finally:
        dialog.reject()
        dialog.deleteLater()


def widest_children(widget: QWidget) -> list[tuple[str, int]]:
    rows = [
        (f"{type(c).__name__} {c.objectName()}", c.minimumSizeHint().width())
        for c in widget.findChildren(QWidget)
    ]
    return sorted(rows, key=lambda r: -r[1])[:5]


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
