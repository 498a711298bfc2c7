"""One booking opened from the calendar: what, when, who, its state in words, its history
(who did what, when), and the actions that fit its state: check in, cancel, no-show,
edit the purpose and the note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.services.scheduling.bookings import (
    BookingEventRow,
    BookingRow,
    BookingStatus,
)
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.labels import booking_status_labels
from tierslieu_desktop.ui.pages.bookings.calendar import long_day
from tierslieu_desktop.ui.stale import changed_elsewhere, reload_button
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE
from tierslieu_desktop.ui.widgets.history import HistoryDialog

NowFn = Callable[[], datetime]


class BookingDetailDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        booking_id: int,
        *,
        now_fn: NowFn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.booking_id = booking_id
        self.now_fn = now_fn
        self.booking: BookingRow = booking_service.get_booking(ctx.db, booking_id)
        self.setWindowTitle(self.tr("Booking"))
        self.setMinimumSize(680, 520)
        outer = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        outer.addWidget(self.title)

        info = QFormLayout()
        self.when = QLabel()
        self.who = QLabel()
        self.state = QLabel()
        self.extra = QLabel()
        for label in (self.when, self.who, self.state, self.extra):
            label.setWordWrap(True)
        info.addRow(self.tr("When:"), self.when)
        info.addRow(self.tr("Who:"), self.who)
        info.addRow(self.tr("State:"), self.state)
        info.addRow("", self.extra)
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(300)
        self.purpose.setAccessibleName(self.tr("Purpose"))
        info.addRow(self.tr("&Purpose:"), self.purpose)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(56)
        self.note.setAccessibleName(self.tr("Note"))
        info.addRow(self.tr("N&ote:"), self.note)
        outer.addLayout(info)

        history_title = QLabel(self.tr("History"))
        history_title.setObjectName("sectionTitle")
        title_row = QHBoxLayout()
        title_row.addWidget(history_title)
        title_row.addStretch(1)
        # the audit trail (issue 19): each field of the booking before → after
        self.changes_button = QPushButton(self.tr("Field &changes…"))
        self.changes_button.setAccessibleName(self.tr("Changes of the booking's fields"))
        self.changes_button.clicked.connect(self.show_changes)
        title_row.addWidget(self.changes_button)
        outer.addLayout(title_row)
        self.history = QTreeWidget()
        self.history.setAccessibleName(self.tr("History of the booking"))
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(
            [self.tr("When"), self.tr("By"), self.tr("State"), self.tr("What")]
        )
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        outer.addWidget(self.history, 1)

        self.message = QLabel()
        self.message.setObjectName("detailMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        # another desk changed the booking first (issue 20): what was typed stays,
        # « Recharger » shows the booking as saved now
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(self.reload)
        outer.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)

        actions = QHBoxLayout()
        self.check_in_button = self._button(
            self.tr("Check &in"), self.tr("Check in"), self.check_in
        )
        self.cancel_button = self._button(
            self.tr("Cancel &this booking…"), self.tr("Cancel this booking"), self.cancel_booking
        )
        self.no_show_button = self._button(
            self.tr("&No-show…"), self.tr("Mark the member absent"), self.no_show
        )
        self.save_button = self._button(
            self.tr("&Save purpose and note"), self.tr("Save purpose and note"), self.save_details
        )
        for b in (self.check_in_button, self.cancel_button, self.no_show_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        outer.addLayout(actions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._fill()

    def changes_dialog(self) -> HistoryDialog:
        return HistoryDialog(
            self.ctx.db, "booking", self.booking_id, self.tr("Changes of the booking"), self
        )

    def show_changes(self) -> None:
        self.changes_dialog().exec()

    def _button(self, text: str, accessible: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- showing -----------------------------------------------------------------------

    def _fill(self) -> None:
        b = self.booking
        state = booking_status_labels().get(b.status, b.status)
        self.title.setText(f"{b.resource_name} — {state}")
        day, _minute = local_day_and_minute(b.start_at)
        when = (
            f"{long_day(day)}, {formatting.local_time(b.start_at)}–"
            f"{formatting.local_time(b.end_at)}"
        )
        if b.blocked_until > b.end_at:
            when += " " + self.tr("(blocked until {time} for preparation)").format(
                time=formatting.local_time(b.blocked_until)
            )
        self.when.setText(when)
        who = b.who
        if b.organisation_id is not None:
            who += " · " + self.tr("{count} people").format(count=formatting.number(b.headcount))
        self.who.setText(who)
        state_text = state
        if b.checked_in_at is not None:
            state_text += " · " + self.tr("arrived at {time}").format(
                time=formatting.local_time(b.checked_in_at)
            )
        self.state.setText(state_text)
        extra = []
        if b.walk_in:
            extra.append(self.tr("Walk-in without booking"))
        if b.series_id:
            extra.append(self.tr("Part of a weekly series"))
        if b.override_reason:
            extra.append(
                self.tr("Booked without the authorization: {reason}").format(
                    reason=b.override_reason
                )
            )
        self.extra.setText("\n".join(extra))
        self.extra.setVisible(bool(extra))
        self.purpose.setText(b.purpose)
        self.note.setPlainText(b.note)
        booked = b.status == BookingStatus.BOOKED
        self.check_in_button.setEnabled(booked)
        self.cancel_button.setEnabled(booked)
        self.no_show_button.setEnabled(booked)
        self.history.clear()
        statuses = booking_status_labels()
        for event in booking_service.booking_history(self.ctx.db, self.booking_id):
            what = self.action_text(event)
            item = QTreeWidgetItem(
                [
                    formatting.local_datetime(event.at),
                    event.operator,
                    statuses.get(event.status, event.status),
                    what,
                ]
            )
            item.setToolTip(3, what)
            self.history.addTopLevelItem(item)

    def action_text(self, event: BookingEventRow) -> str:
        actions = {
            "created": self.tr("booking made"),
            "walk_in": self.tr("walk-in started"),
            "moved": self.tr("moved or resized"),
            "usage_corrected": self.tr("times corrected after the departure"),
            "edited": self.tr("purpose or note changed"),
            "checked_in": self.tr("arrival recorded"),
            "checked_out": self.tr("departure recorded"),
            "cancelled": self.tr("cancellation recorded"),
            "no_show": self.tr("marked absent"),
        }
        text = actions.get(event.action, event.action)
        detail = event.detail
        if event.action in ("moved", "usage_corrected") and detail.startswith("before: "):
            try:
                start, end = (
                    datetime.fromisoformat(part.strip())
                    for part in detail.removeprefix("before: ").split("→")
                )
            except ValueError:
                return text
            return self.tr("{action} (was {start} – {end})").format(
                action=text,
                start=formatting.local_datetime(start),
                end=formatting.local_time(end),
            )
        if detail.startswith("override: "):
            return self.tr("{action}, without the authorization: {reason}").format(
                action=text, reason=detail.removeprefix("override: ")
            )
        if detail == "series":
            return self.tr("{action} (weekly series)").format(action=text)
        if event.action == "cancelled" and detail:
            return f"{text} ({detail})"
        return text

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    # --- actions -----------------------------------------------------------------------

    def _run(self, action: Callable[[], object]) -> None:
        self.message.hide()
        self.reload_button.hide()
        try:
            action()
        except ValidationError as err:
            self.message.setText(error_message(err))
            self.message.show()
        except DomainError as err:
            if err.code == "stale_record":
                changed_elsewhere(err, self.booking)  # the other desk's changes only
            self.message.setText(error_message(err))
            self.message.show()
            if err.code == "stale_record":  # keep what was typed until « Recharger »
                self.reload_button.show()
                return
        else:
            self.ctx.notify("booking", [self.booking_id])
        self.reload()

    def reload(self) -> None:
        """The booking as saved now (after an action, or « Recharger »)."""
        if not self.reload_button.isHidden():
            self.message.hide()
            self.reload_button.hide()
        try:
            self.booking = booking_service.get_booking(self.ctx.db, self.booking_id)
        except DomainError:
            self.reject()
            return
        self._fill()

    def check_in(self) -> None:
        self._run(
            lambda: booking_service.check_in(
                self.ctx.db, self.ctx.operator_id, self.booking_id, at=self.now_fn()
            )
        )

    def cancel_booking(self) -> None:
        b = self.booking
        if not confirm(
            self,
            self.tr("Cancel the booking"),
            self.tr("Cancel the booking of {resource} by {who}? The slot is freed.").format(
                resource=b.resource_name, who=b.who
            ),
            self.tr("Cancel the booking"),
            self.tr("Keep the booking"),
        ):
            return
        self._run(
            lambda: booking_service.cancel_booking(
                self.ctx.db, self.ctx.operator_id, self.booking_id
            )
        )

    def no_show(self) -> None:
        b = self.booking
        if not confirm(
            self,
            self.tr("Member absent"),
            self.tr("{who} did not come for {resource} at {time}? The slot is freed.").format(
                who=b.who, resource=b.resource_name, time=formatting.local_time(b.start_at)
            ),
            self.tr("Mark absent"),
        ):
            return
        self._run(
            lambda: booking_service.mark_no_show(self.ctx.db, self.ctx.operator_id, self.booking_id)
        )

    def save_details(self) -> None:
        self._run(
            lambda: booking_service.update_booking_details(
                self.ctx.db,
                self.ctx.operator_id,
                self.booking_id,
                purpose=self.purpose.text(),
                note=self.note.toPlainText(),
                expected_version=self.booking.version,
            )
        )
