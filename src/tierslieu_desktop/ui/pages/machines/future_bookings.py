"""The bookings still to come on a machine about to become unavailable (the status
dialog's second step): move each to another machine of the same category, cancel it
(with the reason) or keep it. A booking another desk changed meanwhile is refused, then
shown as it is now."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.enums import MachineStatus
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.park import machines as svc
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.pages.machines.labels import status_label, weekday_names
from tierslieu_desktop.ui.stale import shown_again
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm

KEEP, CANCEL = "keep", "cancel"


class FutureBookingsDialog(QDialog):
    """The bookings still to come on a machine about to become unavailable: for each, move
    it to another machine of the same category, cancel it (with the reason) or keep it.

    ``choose(booking_id, action)`` and ``submit()`` drive it without ``exec()``."""

    def __init__(
        self,
        ctx: AppContext,
        detail: svc.MachineDetail,
        status: MachineStatus,
        rows: list[booking_service.BookingRow],
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.machine_id = detail.id
        self.rows = list(rows)
        self.handled: dict[int, str] = {}  # booking id → what was done
        self.when_labels: dict[int, QLabel] = {}
        self.setWindowTitle(self.tr("Bookings on {machine}").format(machine=detail.data.name))
        self.setMinimumWidth(720)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{machine} will be {status}. These bookings are still to come: move each one "
                "to another machine, cancel it or keep it."
            ).format(machine=detail.data.name, status=status_label(status).lower())
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        every = QHBoxLayout()
        self.keep_all_button = QPushButton(self.tr("Keep them all"))
        self.keep_all_button.setAccessibleName(self.tr("Keep every booking"))
        self.keep_all_button.clicked.connect(lambda: self.choose_all(KEEP))
        self.cancel_all_button = QPushButton(self.tr("Cancel them all"))
        self.cancel_all_button.setAccessibleName(self.tr("Cancel every booking"))
        self.cancel_all_button.clicked.connect(lambda: self.choose_all(CANCEL))
        every.addWidget(self.keep_all_button)
        every.addWidget(self.cancel_all_button)
        every.addStretch(1)
        lay.addLayout(every)

        others = [
            m
            for m in svc.list_machines(ctx.db)
            if m.category_id == detail.data.category_id
            and m.id != detail.id
            and m.status == MachineStatus.AVAILABLE
        ]
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(14)
        # Hides QWidget.actions() (never called on this dialog); the tests read it by this name.
        self.actions: dict[int, QComboBox] = {}  # type: ignore[assignment]
        self.errors: dict[int, QLabel] = {}
        for i, row in enumerate(self.rows):
            when = QLabel(self._when(row))
            when.setStyleSheet("font-weight: 600;")
            who = QLabel(" · ".join(p for p in (row.who, row.purpose) if p))
            who.setWordWrap(True)
            combo = QComboBox()
            combo.addItem(self.tr("Keep it"), KEEP)
            for m in others:
                combo.addItem(self.tr("Move to {machine}").format(machine=m.name), m.id)
            combo.addItem(self.tr("Cancel it"), CANCEL)
            combo.setAccessibleName(
                self.tr("What to do with the booking of {who} on {when}").format(
                    who=row.who, when=self._when(row)
                )
            )
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            grid.addWidget(when, 2 * i, 0)
            grid.addWidget(who, 2 * i, 1)
            grid.addWidget(combo, 2 * i, 2)
            grid.addWidget(error, 2 * i + 1, 0, 1, 3)
            self.when_labels[row.id] = when
            self.actions[row.id] = combo
            self.errors[row.id] = error
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_box)
        scroll.setMinimumHeight(min(60 + 44 * len(self.rows), 360))
        lay.addWidget(scroll, 1)
        if not others:
            hint = QLabel(
                self.tr("No other available machine of the category “{category}”.").format(
                    category=detail.category_name
                )
            )
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #53626d;")
            lay.addWidget(hint)

        form = ValidatedForm()
        self.reason = form.add_field("reason", self.tr("&Reason for cancelling:"), QLineEdit())
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("e.g. Laser tube broken"))
        self.reason.setText(reason)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox()
        ok = self.buttons.addButton(
            self.tr("Apply and change the status"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        ok.setAccessibleName(self.tr("Apply and change the status"))
        back = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        back.setAccessibleName(back.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    @staticmethod
    def _when(row: booking_service.BookingRow) -> str:
        local_day = to_local(row.start_at).date()
        day = f"{weekday_names()[local_day.weekday()]} {formatting.long_date(local_day)}"
        start, end = formatting.local_time(row.start_at), formatting.local_time(row.end_at)
        return f"{day}, {start}–{end}"

    def _show_as_now(self, index: int, row: booking_service.BookingRow) -> None:
        """A booking another desk changed since the list was read: its line shows its
        times now (Apply again moves it at those times), or, moved off this machine,
        cancelled or removed meanwhile, it is left alone."""
        try:
            fresh: booking_service.BookingRow | None = booking_service.get_booking(
                self.ctx.db, row.id
            )
        except DomainError:
            fresh = None
        if fresh is None or fresh.machine_id != self.machine_id or fresh.status == "cancelled":
            self.handled[row.id] = "elsewhere"
            self.actions[row.id].setEnabled(False)
            return
        self.rows[index] = fresh
        self.when_labels[row.id].setText(self._when(fresh))

    def choose_all(self, action: str) -> None:
        for booking_id in self.actions:
            if booking_id not in self.handled:
                self.choose(booking_id, action)

    def choose(self, booking_id: int, action: str | int) -> None:
        """KEEP, CANCEL or the id of the machine to move the booking to."""
        combo = self.actions[booking_id]
        combo.setCurrentIndex(combo.findData(action))

    def submit(self) -> bool:
        """Do what was chosen for each booking. A refusal (the other machine is taken…) is
        shown under its booking and the dialog stays open; what succeeded is done."""
        failed = False
        changed: list[int] = []
        for index, row in enumerate(list(self.rows)):
            if row.id in self.handled:
                continue
            action = self.actions[row.id].currentData()
            error = self.errors[row.id]
            error.hide()
            try:
                if action == CANCEL:
                    booking_service.cancel_booking(
                        self.ctx.db, self.ctx.operator_id, row.id, self.reason.text()
                    )
                elif action != KEEP:
                    booking_service.move_booking(
                        self.ctx.db,
                        self.ctx.operator_id,
                        row.id,
                        row.start_at,
                        row.end_at,
                        machine_id=action,
                        expected_version=row.version,  # never back to times changed elsewhere
                    )
            except DomainError as err:
                if retry_when_busy(self, err):  # another desk kept the base busy
                    return self.submit()
                if err.code == "stale_record":  # moved elsewhere meanwhile: shown as it is now
                    self._show_as_now(index, row)
                    err = shown_again(err)
                error.setText(error_message(err))
                error.show()
                failed = True
                continue
            if action != KEEP:
                self.handled[row.id] = action
                self.actions[row.id].setEnabled(False)
                changed.append(row.id)
        if changed:
            self.ctx.notify("booking", changed)
        if failed:
            return False
        self.accept()
        return True
