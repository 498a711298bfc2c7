"""Every dialog of the application on a 1024×600 screen (issue 17): each ``QDialog`` subclass
defined under ``tierslieu_desktop/ui`` is built here on the small demo (``FACTORIES``; a
class missing from the table fails the first test, which says what to add), fits 1024 px
wide and 600 px high, and keeps its size while a user fills it (``FILLS``)."""

from __future__ import annotations

import importlib
import pkgutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shared_demo import small_demo_copy

import tierslieu_desktop.ui as ui_package
from tierslieu_desktop.app import build_main_window, install_translators
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.ui import app_style, every_dialog
from tierslieu_desktop.ui.main_window import MainWindow

MAX_WIDTH, MAX_HEIGHT = 1024, 600
TITLE_BAR = 30  # the window manager's, above the dialog on that screen

Factory = Callable[[MainWindow], QDialog]


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    """The real window on a copy of the small demo, in French, 1024×600."""
    app_style.install(qapp)
    path = small_demo_copy(tmp_path_factory.mktemp("every-dialog") / "demo.sqlite")
    translators = install_translators(qapp, "fr")
    db = open_database(str(path))
    _ctx, win = build_main_window(db, "fr")
    win.resize(MAX_WIDTH, MAX_HEIGHT)
    win.show()
    QApplication.processEvents()
    yield win
    from tierslieu_desktop.ui.background import wait_for_reads

    wait_for_reads()
    win.hide()
    win.deleteLater()
    QApplication.processEvents()
    db.dispose()
    for t in translators:
        qapp.removeTranslator(t)


# --- the demo's rows the dialogs are built on -------------------------------------------


def _first(rows: list[Any]) -> Any:
    assert rows, "the small demo has one"
    return rows[0]


def _row_id(win: MainWindow, model: Any, *where: Any) -> int:
    from sqlalchemy import select

    with win.ctx.db.read() as s:
        found = s.scalars(select(model.id).where(*where).order_by(model.id)).first()
    assert found is not None, model
    return int(found)


def _member_id(win: MainWindow) -> int:
    from tierslieu_desktop.services.people import members

    return _first(members.search_members(win.ctx.db, "")).id


def _machines(win: MainWindow) -> Any:
    from tierslieu_desktop.services.park import machines as svc

    page: Any = win.show_page("machines")
    machine = _first(svc.list_machines(win.ctx.db))
    page._detail = svc.get_machine(win.ctx.db, machine.id)
    return page


def _machine_detail(win: MainWindow) -> Any:
    from tierslieu_desktop.services.park import machines as svc

    return svc.get_machine(win.ctx.db, _first(svc.list_machines(win.ctx.db)).id)


def _space(win: MainWindow) -> Any:
    from tierslieu_desktop.services.park import machines as svc

    return svc.get_space(win.ctx.db, _first(svc.list_spaces(win.ctx.db)).id)


def _session(win: MainWindow) -> Any:
    from tierslieu_desktop.services.activity import sessions

    now = datetime.now(UTC)
    return _first(sessions.list_sessions(win.ctx.db, now - timedelta(days=400), now))


def _invoice_doc(win: MainWindow) -> Any:
    from tierslieu_desktop.db.models import Invoice
    from tierslieu_desktop.services.billing import documents

    return documents.get_invoice(win.ctx.db, _row_id(win, Invoice, Invoice.kind == "invoice"))


def _basket_id(win: MainWindow) -> int:
    from tierslieu_desktop.services.billing import baskets

    return baskets.open_basket(win.ctx.db, win.ctx.operator_id, _member_id(win))


def _basket_line(win: MainWindow) -> Any:
    from tierslieu_desktop.services.billing import baskets

    basket = _basket_id(win)
    baskets.add_free_line(
        win.ctx.db,
        win.ctx.operator_id,
        basket,
        designation="Découpe laser",
        quantity_milli=2000,
        unit="h",
        unit_price_cents=1500,
    )
    return _first(baskets.get_basket(win.ctx.db, basket).lines)


def _grid(win: MainWindow) -> Any:
    from tierslieu_desktop.services.pricing import tariffs

    return tariffs.tariff_grid(win.ctx.db, lab_today())


def _drop_in(win: MainWindow) -> Any:
    from tierslieu_desktop.services.activity import dropins

    return _first(dropins.list_drop_ins(win.ctx.db, date(2000, 1, 1), date(2100, 12, 31)))


def _booked(win: MainWindow) -> int:
    """A booking still to check out (the demo's future ones)."""
    from tierslieu_desktop.db.models import Booking

    return _row_id(win, Booking, Booking.status == "booked", Booking.activity_session_id.is_(None))


def _usage_id(win: MainWindow) -> int:
    from sqlalchemy import func, select

    from tierslieu_desktop.db.models import Usage

    with win.ctx.db.read() as s:
        return int(s.scalar(select(func.max(Usage.id))))  # the latest: not invoiced yet


def _now() -> datetime:
    return datetime.now(UTC)


def _factories() -> dict[type[QDialog], list[tuple[str, Factory]]]:
    from tierslieu_desktop.db.models import MemberPack
    from tierslieu_desktop.domain.enums import MachineStatus
    from tierslieu_desktop.services.scheduling.calendar import calendar_resources
    from tierslieu_desktop.ui.about_dialog import AboutDialog
    from tierslieu_desktop.ui.crash_dialog import CrashDialog
    from tierslieu_desktop.ui.file_dialogs import SafeFileDialog
    from tierslieu_desktop.ui.imports.entry import machines_wizard, members_wizard
    from tierslieu_desktop.ui.imports.wizard import ImportWizard
    from tierslieu_desktop.ui.pages.activity import dialogs as act
    from tierslieu_desktop.ui.pages.activity.class_list import ClassListDialog
    from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInDialog
    from tierslieu_desktop.ui.pages.bookings.booking_dialog import BookingDialog
    from tierslieu_desktop.ui.pages.bookings.detail_dialog import BookingDetailDialog
    from tierslieu_desktop.ui.pages.bookings.series_dialog import SeriesDialog
    from tierslieu_desktop.ui.pages.checkout import line_dialogs as lines
    from tierslieu_desktop.ui.pages.checkout.basket_tab import InvoiceIssuedDialog
    from tierslieu_desktop.ui.pages.checkout.deposits_tab import DepositDialog
    from tierslieu_desktop.ui.pages.checkout.invoices_tab import CreditNoteDialog
    from tierslieu_desktop.ui.pages.checkout.payment_dialog import PaymentDialog
    from tierslieu_desktop.ui.pages.checkout.voucher_claims_dialog import VoucherClaimsDialog
    from tierslieu_desktop.ui.pages.checkout.voucher_settlement_dialog import (
        VoucherSettlementDialog,
    )
    from tierslieu_desktop.ui.pages.finances import dialogs as fin
    from tierslieu_desktop.ui.pages.finances.details import DetailsDialog, Part
    from tierslieu_desktop.ui.pages.frontdesk.checkout import CheckOutDialog
    from tierslieu_desktop.ui.pages.frontdesk.usage_correction import UsageCorrectionDialog
    from tierslieu_desktop.ui.pages.frontdesk.walkin import WalkInDialog
    from tierslieu_desktop.ui.pages.machines import dialogs as mach
    from tierslieu_desktop.ui.pages.machines.opening_hours import (
        ExceptionDialog,
        OpeningHoursDialog,
    )
    from tierslieu_desktop.ui.pages.members.dialog import MemberDialog
    from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog
    from tierslieu_desktop.ui.pages.members.pack_dialog import PackMovementsDialog, SellPackDialog
    from tierslieu_desktop.ui.pages.members.personal_data_dialog import PersonalDataDialog
    from tierslieu_desktop.ui.pages.members.wallet_dialog import WalletCreditDialog
    from tierslieu_desktop.ui.pages.settings import accounts_tab as acc
    from tierslieu_desktop.ui.pages.settings.backups_tab import PassphraseDialog
    from tierslieu_desktop.ui.pages.settings.tariffs import sections
    from tierslieu_desktop.ui.pages.settings.tariffs.grid import PriceDialog
    from tierslieu_desktop.ui.restore_dialog import RestoreDialog
    from tierslieu_desktop.ui.setup_wizard.wizard import SetupWizard
    from tierslieu_desktop.ui.widgets.confirm import ReasonDialog
    from tierslieu_desktop.ui.widgets.history import HistoryDialog

    def future_bookings(w: MainWindow) -> QDialog:
        from tierslieu_desktop.services.scheduling.bookings import list_bookings

        detail = _machine_detail(w)
        now = _now()
        rows = list_bookings(w.ctx.db, now, now + timedelta(days=60), machine_ids=[detail.id])
        return mach.FutureBookingsDialog(w.ctx, detail, MachineStatus.OUT_OF_ORDER, rows, "HS")

    def price(w: MainWindow) -> QDialog:
        grid = _grid(w)
        return PriceDialog(w.ctx, grid.resources[0], None, "", "any", lab_today(), None)

    def details(w: MainWindow) -> QDialog:
        first = date(lab_today().year, 1, 1)
        return DetailsDialog(w.ctx, "Détail", [Part("own", "Recettes propres")], first, lab_today())

    return {
        ImportWizard: [
            ("import members", lambda w: members_wizard(w.ctx)),
            ("import machines", lambda w: machines_wizard(w.ctx)),
        ],
        ClassListDialog: [("class list", lambda w: ClassListDialog(w.ctx, _session(w)))],
        PersonalDataDialog: [("personal data", lambda w: PersonalDataDialog(w.ctx, _member_id(w)))],
        SetupWizard: [("setup assistant", lambda w: SetupWizard(w.ctx, demo_launcher=bool))],
        ReasonDialog: [
            ("reason", lambda w: ReasonDialog(None, "Supprimer", "Supprimer l'adhésion ?", "OK"))
        ],
        HistoryDialog: [
            ("history", lambda w: HistoryDialog(w.ctx.db, "member", _member_id(w), "Historique"))
        ],
        AboutDialog: [("about", lambda w: AboutDialog(str(w.ctx.db.target), w))],
        CrashDialog: [("crash", lambda w: CrashDialog("Traceback…\n" * 40, None))],
        SafeFileDialog: [
            ("file save", lambda w: SafeFileDialog(None, "PDF", save=True, directory="f.pdf")),
        ],
        RestoreDialog: [
            (
                "restore",
                lambda w: RestoreDialog(
                    w.ctx, Path(tempfile.mkdtemp()), lambda _file, _phrase: None
                ),
            )
        ],
        MemberDialog: [
            ("member", lambda w: MemberDialog(w.ctx)),
            ("member edited", lambda w: MemberDialog(w.ctx, _member_id(w))),
        ],
        MembershipDialog: [("membership", lambda w: MembershipDialog(w.ctx, _member_id(w)))],
        SellPackDialog: [("sell pack", lambda w: SellPackDialog(w.ctx, _member_id(w)))],
        PackMovementsDialog: [
            ("pack movements", lambda w: PackMovementsDialog(w.ctx, _row_id(w, MemberPack)))
        ],
        WalletCreditDialog: [("wallet credit", lambda w: WalletCreditDialog(w.ctx, _member_id(w)))],
        mach.MachineDialog: [
            ("machine", lambda w: _machines(w).machine_dialog()),
            ("machine edited", lambda w: _machines(w).machine_dialog(_machine_detail(w).id)),
        ],
        mach.SpaceDialog: [("space", lambda w: _machines(w).space_dialog())],
        mach.CategoryDialog: [("category", lambda w: mach.CategoryDialog(w.ctx))],
        mach.StatusDialog: [("machine status", lambda w: _machines(w).status_dialog())],
        mach.FutureBookingsDialog: [("future bookings", future_bookings)],
        mach.GrantDialog: [("machine grant", lambda w: _machines(w).grant_dialog())],
        mach.MaintenanceDialog: [("maintenance", lambda w: _machines(w).maintenance_dialog())],
        OpeningHoursDialog: [("opening hours", lambda w: OpeningHoursDialog(w.ctx, _space(w)))],
        ExceptionDialog: [("opening exception", lambda w: ExceptionDialog(w.ctx, _space(w)))],
        BookingDialog: [
            (
                "booking",
                lambda w: BookingDialog(
                    w.ctx, calendar_resources(w.ctx.db, _space(w).id, with_space=True), now_fn=_now
                ),
            )
        ],
        BookingDetailDialog: [
            ("booking detail", lambda w: BookingDetailDialog(w.ctx, _booked(w), now_fn=_now))
        ],
        SeriesDialog: [("series", lambda w: SeriesDialog([]))],
        CheckOutDialog: [("check-out", lambda w: CheckOutDialog(w.ctx, _booked(w), now_fn=_now))],
        UsageCorrectionDialog: [
            ("usage correction", lambda w: UsageCorrectionDialog(w.ctx, _usage_id(w), now_fn=_now))
        ],
        WalkInDialog: [("walk-in", lambda w: WalkInDialog(w.ctx, now_fn=_now))],
        act.SessionDialog: [
            ("session", lambda w: act.SessionDialog(w.ctx, day=lab_today())),
            ("session edited", lambda w: act.SessionDialog(w.ctx, _session(w))),
        ],
        act.ActivityDialog: [("activity", lambda w: act.ActivityDialog(w.ctx))],
        act.ActivitiesDialog: [("activities", lambda w: act.ActivitiesDialog(w.ctx))],
        act.MemberRegistrationDialog: [
            ("register member", lambda w: act.MemberRegistrationDialog(w.ctx, _session(w)))
        ],
        act.GroupRegistrationDialog: [
            ("register group", lambda w: act.GroupRegistrationDialog(w.ctx, _session(w)))
        ],
        DropInDialog: [("drop-in", lambda w: DropInDialog(w.ctx, _drop_in(w)))],
        lines.FreeLineDialog: [("free line", lambda w: lines.FreeLineDialog(w.ctx, _basket_id(w)))],
        lines.PackLineDialog: [("pack line", lambda w: lines.PackLineDialog(w.ctx, _basket_id(w)))],
        lines.WalletTopupDialog: [
            ("wallet top-up", lambda w: lines.WalletTopupDialog(w.ctx, _basket_id(w), 0))
        ],
        lines.MembershipLineDialog: [
            (
                "membership line",
                lambda w: lines.MembershipLineDialog(
                    w.ctx, _basket_id(w), _member_id(w), lab_today()
                ),
            )
        ],
        lines.EditLineDialog: [
            ("edit line", lambda w: lines.EditLineDialog(w.ctx, _basket_line(w)))
        ],
        PaymentDialog: [
            (
                "payment",
                lambda w: PaymentDialog(
                    w.ctx, title="Encaisser", heading="", due_cents=12_345, submit_fn=lambda _p: 0
                ),
            )
        ],
        InvoiceIssuedDialog: [
            (
                "invoice issued",
                lambda w: InvoiceIssuedDialog(w.ctx, _invoice_doc(w).id, 500),
            )
        ],
        CreditNoteDialog: [("credit note", lambda w: CreditNoteDialog(w.ctx, _invoice_doc(w)))],
        DepositDialog: [("deposit", lambda w: DepositDialog(w.ctx, date.today))],
        VoucherSettlementDialog: [("voucher settlement", lambda w: VoucherSettlementDialog(w.ctx))],
        VoucherClaimsDialog: [("voucher claims", lambda w: VoucherClaimsDialog(w.ctx))],
        DetailsDialog: [("finance details", details)],
        fin.FunderDialog: [("funder", lambda w: fin.FunderDialog(w.ctx))],
        fin.GrantDialog: [("grant", lambda w: fin.GrantDialog(w.ctx))],
        fin.PaymentDialog: [("grant payment", lambda w: fin.PaymentDialog(w.ctx, _grant(w)))],
        fin.InKindDialog: [("in kind", lambda w: fin.InKindDialog(w.ctx))],
        fin.ExpenseDialog: [("expense", lambda w: fin.ExpenseDialog(w.ctx))],
        sections.FeeDialog: [("fee", lambda w: sections.FeeDialog(w.ctx, None))],
        sections.ReductionDialog: [("reduction", lambda w: sections.ReductionDialog(w.ctx, None))],
        sections.QuotaDialog: [("quota", lambda w: sections.QuotaDialog(w.ctx, None))],
        sections.PackTypeDialog: [("pack type", lambda w: sections.PackTypeDialog(w.ctx, None))],
        PriceDialog: [("price", price)],
        PassphraseDialog: [("passphrase", lambda w: PassphraseDialog())],
        acc.NewAccountDialog: [("new account", lambda w: acc.NewAccountDialog(w.ctx))],
        acc.RolesDialog: [("account roles", lambda w: acc.RolesDialog(w.ctx, _account(w)))],
        acc.ResetSecretDialog: [
            ("reset password", lambda w: acc.ResetSecretDialog(w.ctx, _account(w)))
        ],
        acc.OwnSecretDialog: [("own password", lambda w: acc.OwnSecretDialog(w.ctx))],
    }


def _account(w: MainWindow) -> Any:
    from tierslieu_desktop.services.people import accounts

    return _first(accounts.list_accounts(w.ctx.db))


def _grant(w: MainWindow) -> Any:
    from tierslieu_desktop.services.finance import funding

    return _first(funding.list_grants(w.ctx.db))


def _bases() -> set[type[QDialog]]:
    """Classes never shown themselves: what their subclasses share."""
    from tierslieu_desktop.ui.pages.activity.dialogs import _Saving
    from tierslieu_desktop.ui.pages.checkout.line_dialogs import LineDialog
    from tierslieu_desktop.ui.pages.finances.dialogs import FinanceDialog
    from tierslieu_desktop.ui.pages.machines.dialogs import _FormDialog
    from tierslieu_desktop.ui.pages.settings.accounts_tab import _Dialog as AccountDialog
    from tierslieu_desktop.ui.pages.settings.tariffs.common import RecordDialog

    return {_Saving, LineDialog, FinanceDialog, _FormDialog, RecordDialog, AccountDialog}


FACTORIES = _factories()
CASES = [(name, make) for makers in FACTORIES.values() for name, make in makers]


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def ui_dialog_classes() -> set[type[QDialog]]:
    """Every QDialog subclass defined in a module of tierslieu_desktop.ui (all imported)."""
    for info in pkgutil.walk_packages(ui_package.__path__, f"{ui_package.__name__}."):
        importlib.import_module(info.name)
    return {c for c in _subclasses(QDialog) if c.__module__.startswith(ui_package.__name__)}


def test_every_dialog_class_of_the_ui_is_built_by_this_test():
    missing = ui_dialog_classes() - set(FACTORIES) - _bases()
    advice = "\n".join(
        f"  - {cls.__module__}.{cls.__qualname__}: in _factories() of "
        f"tests/ui/test_every_dialog.py, import it (`from {cls.__module__} import "
        f'{cls.__qualname__}`) and add `{cls.__qualname__}: [("{cls.__qualname__}", '
        f"lambda w: {cls.__qualname__}(w.ctx, ...))],` (w: the main window on the small "
        "demo); if what it shows changes as it is filled, add its name to FILLS too; "
        "a base class never shown itself goes in _bases() instead"
        for cls in sorted(missing, key=lambda c: (c.__module__, c.__qualname__))
    )
    assert not missing, f"dialogs no test builds on a 1024×600 screen:\n{advice}"


@pytest.fixture
def small_screen(monkeypatch):
    """A 1024×600 screen (the offscreen one is 800×800)."""
    monkeypatch.setattr(every_dialog, "free_area", lambda _w: QRect(0, 0, MAX_WIDTH, MAX_HEIGHT))


@pytest.fixture
def built(window, small_screen, request) -> Iterator[QDialog]:
    dialog = request.param(window)
    assert isinstance(dialog, QDialog)
    dialog.show()
    QApplication.processEvents()
    yield dialog
    dialog.reject()
    dialog.deleteLater()
    QApplication.processEvents()


def widest_children(widget: QWidget) -> list[tuple[str, int, int]]:
    rows = [
        (
            f"{type(c).__name__} {c.objectName() or c.accessibleName()}",
            c.minimumSizeHint().width(),
            c.minimumSizeHint().height(),
        )
        for c in widget.findChildren(QWidget)
        if c.isVisible()
    ]
    return sorted(rows, key=lambda r: -r[1])[:6]


@pytest.mark.parametrize("built", [m for _n, m in CASES], ids=[n for n, _m in CASES], indirect=True)
def test_every_dialog_fits_a_1024_by_600_screen(built):
    width = max(built.minimumSizeHint().width(), built.minimumWidth())
    height = max(built.minimumSizeHint().height(), built.minimumHeight())
    assert width <= MAX_WIDTH, widest_children(built)
    assert height <= MAX_HEIGHT - TITLE_BAR, sorted(widest_children(built), key=lambda r: -r[2])
    # as opened: within the screen, not only able to shrink to it
    assert built.width() <= MAX_WIDTH and built.height() <= MAX_HEIGHT, built.size()


# --- filled like a user: the dialog keeps its size --------------------------------------


def _submit_empty(dialog: Any, qtbot: Any) -> None:
    """« OK » with nothing typed: the errors appear under the fields."""
    result = dialog.submit()
    assert not result and dialog.isVisible()
    assert _errors_shown(dialog), "the dialog says what is missing"


def _errors_shown(dialog: QWidget) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.text() and "#b3261e" in label.styleSheet()
    ]


def _pick_member(dialog: Any, qtbot: Any, typed: str = "a") -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClicks(dialog.search, typed)
    item = dialog.results.item(0)
    assert item is not None
    pos = dialog.results.visualItemRect(item).center()
    qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _fill_booking(dialog: Any, qtbot: Any) -> None:
    _pick_member(dialog, qtbot)  # a member picked: the price appears
    dialog.submit()  # an exception asked, or a conflict with free slots, or saved
    dialog.for_group.setChecked(True)  # a group: three rows instead of one


def _fill_walk_in(dialog: Any, qtbot: Any) -> None:
    _pick_member(dialog, qtbot)
    assert not dialog.submit() or not dialog.isVisible()


def _fill_quantities(dialog: Any, qtbot: Any) -> None:
    """Quantities typed one by one (the price table grows), then a wrong one."""
    assert dialog.quantities, "a machine with consumables"
    for edit in dialog.quantities.values():
        qtbot.keyClicks(edit, "120")
    first = next(iter(dialog.quantities.values()))
    first.clear()
    qtbot.keyClicks(first, "12,5,5")
    assert not dialog.submit() and dialog.isVisible()
    assert _errors_shown(dialog)


def _fill_member(dialog: Any, qtbot: Any) -> None:
    _submit_empty(dialog, qtbot)
    dialog.organisation_radio.click()  # an organisation: other fields
    dialog.person_radio.click()


def _fill_payment(dialog: Any, qtbot: Any) -> None:
    for _ in range(3):
        dialog.add_button.click()  # three payment methods
    assert not dialog.submit() and dialog.isVisible()


def _fill_registration(dialog: Any, qtbot: Any) -> None:
    _pick_member(dialog, qtbot)
    dialog.submit()


FILLS: dict[str, Callable[[Any, Any], None]] = {
    "member": _fill_member,
    "booking": _fill_booking,
    "walk-in": _fill_walk_in,
    "check-out": _fill_quantities,
    "usage correction": _fill_quantities,
    "payment": _fill_payment,
    "register member": _fill_registration,
    **{
        name: _submit_empty
        for name in (
            "machine",
            "space",
            "category",
            "activity",
            "free line",
            "wallet credit",
            "funder",
            "grant",
            "in kind",
            "expense",
            "fee",
            "reduction",
            "quota",
            "pack type",
        )
    },
}
FILLED = [(name, make) for name, make in CASES if name in FILLS]


def test_every_fill_names_a_dialog_of_the_table():
    assert set(FILLS) <= {name for name, _m in CASES}


@pytest.mark.parametrize(
    "built", [m for _n, m in FILLED], ids=[n for n, _m in FILLED], indirect=True
)
def test_a_dialog_keeps_its_size_while_it_is_filled(built, qtbot, request):
    name = request.node.callspec.id
    size = built.size()
    FILLS[name](built, qtbot)
    QApplication.processEvents()
    if built.isVisible():
        assert built.size() == size, name


@pytest.mark.parametrize("built", [m for _n, m in CASES], ids=[n for n, _m in CASES], indirect=True)
def test_enter_never_goes_to_a_hidden_button(built):
    """Enter presses the dialog's default button: one hidden (« Recharger » before any
    refusal) would swallow Enter, and typing then Enter would save nothing."""
    from PySide6.QtWidgets import QPushButton

    hidden_defaults = [
        b.objectName() or b.text()
        for b in built.findChildren(QPushButton)
        if b.isDefault() and not b.isVisible()
    ]
    assert hidden_defaults == []
