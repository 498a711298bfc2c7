"""Accueil: today at the front desk — who is expected, who is in, who is late — with
check-in in one click, the check-out dialog (actual times and consumables) and walk-ins;
above it, a few real figures and the member shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.finance import funding as finance_service
from tierslieu_desktop.services.reporting.dashboard import home_summary
from tierslieu_desktop.services.safety import auto_backup
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.services.scheduling.bookings import BookingStatus, local_day_of
from tierslieu_desktop.services.scheduling.usages import TodayRow, today_overview
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.labels import told_apart
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.pages.frontdesk.today_model import TodayModel
from tierslieu_desktop.ui.pages.frontdesk.units import quantity_text
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE
from tierslieu_desktop.ui.widgets.tables import on_row_change

if TYPE_CHECKING:
    from tierslieu_desktop.ui.pages.frontdesk.checkout import CheckOutDialog
    from tierslieu_desktop.ui.pages.frontdesk.usage_correction import UsageCorrectionDialog
    from tierslieu_desktop.ui.pages.frontdesk.walkin import WalkInDialog

# The dialogs (and the pricing and billing services they use) are imported when opened:
# Accueil is the first page, built before its figures are painted (issue 14).
D = TypeVar("D", "CheckOutDialog", "WalkInDialog", "UsageCorrectionDialog")


class _MainWindow(Protocol):
    """What this page asks of the window it sits in."""

    def find_member(self) -> None: ...

    def new_member(self) -> None: ...

    def show_backups(self) -> None: ...


CARD_STYLE = """
QFrame#card { background: white; border: 1px solid #d5dde3; border-radius: 6px; }
QLabel#cardValue { font-size: 15pt; font-weight: 600; color: #1f3a4d; }
QLabel#cardLabel { color: #53626d; }
QLabel#sectionTitle { font-size: 13pt; font-weight: 600; color: #1f3a4d; }
QLabel#dayLine { font-size: 11pt; color: #3c4a55; }
"""
REFRESH_MS = 60_000  # late flags move with the clock
REFRESH_ON = (
    "booking",
    "usage",
    "member",
    "machine",
    "space",
    "structure",
    "membership",
    "consumable",
    "grant",
)


class HomePage(Page):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        now_fn: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.now_fn = now_fn or utcnow
        self.dialog: CheckOutDialog | WalkInDialog | UsageCorrectionDialog | None = None
        self.setStyleSheet(CARD_STYLE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 18, 28, 18)
        lay.setSpacing(10)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)  # a long structure name wraps (1024 px screens)
        titles.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("dayLine")
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.find_button = QPushButton(self.tr("Find a member (Ctrl+F)"))
        self.find_button.setAccessibleName(self.tr("Find a member"))
        self.new_button = QPushButton(self.tr("New member (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New member"))
        for b in (self.find_button, self.new_button):
            b.setMinimumHeight(32)
            head.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(head)
        self.find_button.clicked.connect(lambda: cast(_MainWindow, self.window()).find_member())
        self.new_button.clicked.connect(lambda: cast(_MainWindow, self.window()).new_member())

        cards_row = QHBoxLayout()
        cards_row.setSpacing(10)
        self.values: dict[str, QLabel] = {}
        cards = [
            ("active_members", self.tr("active members")),
            ("members_with_membership", self.tr("members with a current membership")),
            ("machines_available", self.tr("machines available")),
            ("machines_unavailable", self.tr("machines in maintenance or out of order")),
        ]
        for key, label in cards:
            card = QFrame()
            card.setObjectName("card")
            c = QHBoxLayout(card)
            c.setContentsMargins(12, 6, 12, 6)
            value = QLabel("–")
            value.setObjectName("cardValue")
            value.setAccessibleName(label)
            text = QLabel(label)
            text.setObjectName("cardLabel")
            text.setWordWrap(True)
            c.addWidget(value)
            c.addWidget(text, 1)
            cards_row.addWidget(card, 1)
            self.values[key] = value
        lay.addLayout(cards_row)
        self.low_stock = QLabel()
        self.low_stock.setWordWrap(True)
        self.low_stock.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.low_stock.hide()
        lay.addWidget(self.low_stock)
        self.reports_due = QLabel()
        self.reports_due.setObjectName("reportsDue")
        self.reports_due.setWordWrap(True)
        self.reports_due.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.reports_due.hide()
        lay.addWidget(self.reports_due)
        self.backup_box = QFrame()
        self.backup_box.setObjectName("backupWarning")
        self.backup_box.setStyleSheet(
            "QFrame#backupWarning { background: #fff4e0; border: 1px solid #e0a040; "
            "border-radius: 6px; }"
        )
        box = QHBoxLayout(self.backup_box)
        box.setContentsMargins(12, 6, 12, 6)
        self.backup_warning = QLabel()
        self.backup_warning.setObjectName("backupWarningText")
        self.backup_warning.setWordWrap(True)
        self.backup_warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.backup_button = QPushButton(self.tr("Settings › Backups…"))
        self.backup_button.setAccessibleName(self.tr("Open the backup settings"))
        box.addWidget(self.backup_warning, 1)
        box.addWidget(self.backup_button)
        self.backup_box.hide()
        lay.addWidget(self.backup_box)
        self.backup_button.clicked.connect(lambda: cast(_MainWindow, self.window()).show_backups())

        section = QHBoxLayout()
        today_title = QLabel(self.tr("Today"))
        today_title.setObjectName("sectionTitle")
        section.addWidget(today_title)
        self.counts = QLabel()
        self.counts.setObjectName("cardLabel")
        self.counts.setWordWrap(True)
        section.addWidget(self.counts, 1)
        lay.addSpacing(6)
        lay.addLayout(section)

        actions = QHBoxLayout()
        self.check_in_button = QPushButton(self.tr("&Arrival"))
        self.check_in_button.setAccessibleName(self.tr("Check in the selected booking"))
        self.check_in_button.setToolTip(self.tr("The member has arrived (Enter on the row)"))
        self.check_out_button = QPushButton(self.tr("&Departure…"))
        self.check_out_button.setAccessibleName(self.tr("Record the departure"))
        self.check_out_button.setToolTip(
            self.tr("Record the real times and the consumables used (Enter on the row)")
        )
        self.no_show_button = QPushButton(self.tr("A&bsent"))
        self.no_show_button.setAccessibleName(self.tr("Mark the member absent"))
        self.correct_button = QPushButton(self.tr("Correct the usage…"))
        self.correct_button.setAccessibleName(self.tr("Correct the usage of the selected booking"))
        self.correct_button.setToolTip(
            self.tr("Times and consumables of a departure recorded, until it is invoiced")
        )
        self.walk_in_button = QPushButton(self.tr("&Walk-in without booking…"))
        self.walk_in_button.setAccessibleName(self.tr("Walk-in without booking"))
        for b in (
            self.check_in_button,
            self.check_out_button,
            self.no_show_button,
            self.correct_button,
        ):
            b.setMinimumHeight(32)
            actions.addWidget(b)
        actions.addStretch(1)
        self.walk_in_button.setMinimumHeight(32)
        actions.addWidget(self.walk_in_button)
        lay.addLayout(actions)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        lay.addWidget(self.message)

        self.model = TodayModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Today's bookings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for col, mode in (
            (TodayModel.TIME, QHeaderView.ResizeMode.ResizeToContents),
            (TodayModel.RESOURCE, QHeaderView.ResizeMode.ResizeToContents),
            (TodayModel.WHO, QHeaderView.ResizeMode.Stretch),
            (TodayModel.PURPOSE, QHeaderView.ResizeMode.Stretch),
            (TodayModel.STATE, QHeaderView.ResizeMode.ResizeToContents),
        ):
            header.setSectionResizeMode(col, mode)
        lay.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No booking today. A walk-in can still be recorded."))
        self.empty.setObjectName("cardLabel")
        self.empty.setWordWrap(True)
        self.empty.hide()
        lay.addWidget(self.empty)

        self.check_in_button.clicked.connect(self.check_in_selected)
        self.check_out_button.clicked.connect(self.check_out_selected)
        self.no_show_button.clicked.connect(self.no_show_selected)
        self.correct_button.clicked.connect(self.correct_selected)
        self.walk_in_button.clicked.connect(self.start_walk_in)
        # Enter (or a double click) on a row does what that row needs next.
        self.table.activated.connect(lambda _index: self.primary_action())
        on_row_change(self.table, self._update_buttons)
        self._update_buttons()

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        ctx.changed.connect(self._on_changed)
        # Figures are loaded by activate(), when the page is shown.

    # --- backups ---------------------------------------------------------------------

    def refresh_backup_warning(self) -> None:
        """A failed backup, or no backup off this PC for a week (never for the demo nor
        a PostgreSQL database: the lab's own copies are not this app's there)."""
        db = self.ctx.db
        lines: list[str] = []
        if db.is_sqlite and not auto_backup.is_demo(db):
            status = auto_backup.status()
            if status.failure is not None:
                lines.append(
                    self.tr("⚠ The automatic backup of {when} failed ({folder}).").format(
                        when=formatting.local_datetime(status.failure.at),
                        folder=status.failure.folder,
                    )
                )
            off = status.last_off_pc
            if off is None or self.now_fn() - off.at > timedelta(days=auto_backup.OFF_PC_DAYS):
                when = formatting.local_datetime(off.at) if off else self.tr("never")
                lines.append(
                    self.tr(
                        "⚠ No backup has left this PC for {days} days (last one off the PC: "
                        "{when}). Choose a USB stick, a NAS or a synced folder."
                    ).format(days=auto_backup.OFF_PC_DAYS, when=when)
                )
        self.backup_warning.setText("\n".join(lines))
        self.backup_warning.setAccessibleName(" ".join(lines))
        self.backup_box.setVisible(bool(lines))

    # --- loading ---------------------------------------------------------------------

    def _on_changed(self, entity: str, _ids: list) -> None:
        # A hidden page is refreshed by activate() when it is shown again.
        if entity in REFRESH_ON and self.isVisible():
            self.refresh()
        elif entity == "backup" and self.isVisible():
            self.refresh_backup_warning()

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh_today()

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        today = local_day_of(self.now_fn())
        s = home_summary(self.ctx.db, today)
        self.title.setText(s.structure_name or self.tr("Welcome"))
        self.values["active_members"].setText(formatting.number(s.active_members))
        self.values["members_with_membership"].setText(formatting.number(s.members_with_membership))
        self.values["machines_available"].setText(formatting.number(s.machines_available))
        self.values["machines_unavailable"].setText(
            formatting.number(s.machines_maintenance + s.machines_out_of_order)
        )
        if s.low_stock:
            items = ", ".join(
                self.tr("{name} ({quantity})").format(
                    name=name, quantity=quantity_text(milli, unit)
                )
                for name, unit, milli in s.low_stock
            )
            self.low_stock.setText(self.tr("⚠ Low stock: {items}").format(items=items))
        self.low_stock.setVisible(bool(s.low_stock))
        due = finance_service.reports_due(self.ctx.db, today)
        if due:
            items = ", ".join(
                (
                    self.tr("{funder} — {purpose} (late since {day})")
                    if g.report_due is not None and g.report_due < today
                    else self.tr("{funder} — {purpose} (by {day})")
                ).format(
                    funder=g.funder_name,
                    purpose=g.purpose,
                    day=formatting.short_date(g.report_due),
                )
                for g in due
            )
            self.reports_due.setText(self.tr("⚠ Grant report due: {items}").format(items=items))
        self.reports_due.setVisible(bool(due))
        self.refresh_backup_warning()
        self.refresh_today()

    def refresh_today(self) -> None:
        """Reload today's bookings (and the late flags), keeping the selected one."""
        now = self.now_fn()
        today = local_day_of(now)
        self.subtitle.setText(
            self.tr("{date} · today at the front desk").format(date=formatting.long_date(today))
        )
        selected = self.selected_id()
        overview = today_overview(self.ctx.db, today, now)
        names = told_apart(
            self.ctx.db, ((r.booking.member_id, r.booking.who) for r in overview.rows)
        )
        self.model.set_rows(overview.rows, names)
        self.counts.setText(
            self.tr(
                "expected: {expected} · in: {present} · late to check out: {late_out} · "
                "late arrivals: {late_in} · done: {done}"
            ).format(
                expected=overview.expected,
                present=overview.present,
                late_out=overview.late_to_check_out,
                late_in=overview.late_arrivals,
                done=overview.done,
            )
        )
        self.empty.setVisible(not overview.rows)
        if selected is not None:
            self.select_booking(selected)
        self._update_buttons()

    # --- selection -------------------------------------------------------------------

    def selected_row(self) -> TodayRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.booking.id if row else None

    def select_booking(self, booking_id: int) -> bool:
        row = self.model.row_of(booking_id)
        if row < 0:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._update_buttons()
        return True

    def _update_buttons(self) -> None:
        row = self.selected_row()
        status = row.booking.status if row else None
        self.check_in_button.setEnabled(status == BookingStatus.BOOKED)
        self.check_out_button.setEnabled(
            status in (BookingStatus.BOOKED, BookingStatus.IN_PROGRESS)
        )
        self.no_show_button.setEnabled(status == BookingStatus.BOOKED)
        self.correct_button.setEnabled(status == BookingStatus.DONE)

    # --- actions ---------------------------------------------------------------------

    def _show_error(self, err: DomainError) -> None:
        self.message.setText(error_message(err))
        self.message.show()

    def _clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def primary_action(self) -> None:
        """Enter on a row: check in a booked member, record the departure of one in."""
        row = self.selected_row()
        if row is None:
            return
        if row.booking.status == BookingStatus.BOOKED:
            self.check_in_selected()
        elif row.booking.status == BookingStatus.IN_PROGRESS:
            self.check_out_selected()

    def check_in_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.booking.status != BookingStatus.BOOKED:
            return
        self._clear_message()
        try:
            booking_service.check_in(
                self.ctx.db, self.ctx.operator_id, row.booking.id, at=self.now_fn()
            )
        except DomainError as err:
            self._show_error(err)
            self.refresh_today()
            return
        self.ctx.notify("booking", [row.booking.id])

    def no_show_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.booking.status != BookingStatus.BOOKED:
            return
        if not confirm(
            self,
            self.tr("Member absent"),
            self.tr("{who} did not come for {resource} at {time}? The slot is freed.").format(
                who=row.booking.who,
                resource=row.booking.resource_name,
                time=formatting.local_time(row.booking.start_at),
            ),
            self.tr("Mark absent"),
        ):
            return
        self._clear_message()
        try:
            booking_service.mark_no_show(self.ctx.db, self.ctx.operator_id, row.booking.id)
        except DomainError as err:
            self._show_error(err)
            self.refresh_today()
            return
        self.ctx.notify("booking", [row.booking.id])

    def check_out_selected(self) -> CheckOutDialog | None:
        """Open the departure dialog of the selected booking (window-modal)."""
        row = self.selected_row()
        if row is None or row.booking.status not in (
            BookingStatus.BOOKED,
            BookingStatus.IN_PROGRESS,
        ):
            return None
        self._clear_message()
        from tierslieu_desktop.ui.pages.frontdesk.checkout import CheckOutDialog

        try:
            dialog = CheckOutDialog(self.ctx, row.booking.id, now_fn=self.now_fn, parent=self)
        except DomainError as err:
            self._show_error(err)
            return None
        return self._open(dialog)

    def correct_selected(self) -> UsageCorrectionDialog | None:
        """Open the correction of the usage recorded at the selected booking's departure."""
        row = self.selected_row()
        if row is None or row.booking.status != BookingStatus.DONE:
            return None
        self._clear_message()
        from tierslieu_desktop.ui.pages.frontdesk.usage_correction import UsageCorrectionDialog

        try:
            usage = usages.usage_of_booking(self.ctx.db, row.booking.id)
            if usage is None:
                return None
            dialog = UsageCorrectionDialog(self.ctx, usage.id, now_fn=self.now_fn, parent=self)
        except DomainError as err:
            self._show_error(err)
            return None
        return self._open(dialog)

    def start_walk_in(self) -> WalkInDialog:
        self._clear_message()
        from tierslieu_desktop.ui.pages.frontdesk.walkin import WalkInDialog

        dialog = WalkInDialog(self.ctx, now_fn=self.now_fn, parent=self)
        dialog.accepted.connect(lambda: self.select_booking(dialog.saved_id or -1))
        return self._open(dialog)

    def _open(self, dialog: D) -> D:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.table.setFocus())
        dialog.open()
        return dialog
