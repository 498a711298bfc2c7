"""Réservations: a day or a week of one space on a calendar, a column per machine (and
the space itself when it can be booked); drag to book, move or resize, double-click to
open a booking. Only the visible range is read (one ``list_bookings`` and one
``openings`` call per refresh), so the page stays quick on a database of ten years."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from babel.dates import format_interval
from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute, utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.park import machines as machine_service
from tierslieu_desktop.services.park.opening_hours import get_schedule, openings
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.services.scheduling.bookings import HOLDING, BookingRow
from tierslieu_desktop.services.scheduling.calendar import (
    CalendarResource,
    ResourceKey,
    calendar_resources,
)
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.labels import booking_status_labels
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.pages.bookings.booking_dialog import BookingDialog
from tierslieu_desktop.ui.pages.bookings.calendar import (
    DAY_VIEW,
    STATE_COLOURS,
    WEEK_VIEW,
    BookingCalendar,
    long_day,
)
from tierslieu_desktop.ui.pages.bookings.detail_dialog import BookingDetailDialog
from tierslieu_desktop.ui.stale import shown_again
from tierslieu_desktop.ui.widgets.responsive import FlowLayout

REFRESH_ON = ("booking", "machine", "space", "opening_hours", "member", "usage")
RESOURCES_ON = ("machine", "space", "opening_hours")
NOW_TICK_MS = 60_000

STYLE = """
QFrame#bookingMessage { background: #fbe9e7; border: 1px solid #d9a49c; border-radius: 4px; }
QFrame#bookingMessage[kind="info"] { background: #e6f1fb; border: 1px solid #9fc0e3; }
QLabel#bookingMessageText { color: #7a1c12; }
QFrame#bookingMessage[kind="info"] QLabel#bookingMessageText { color: #133c66; }
QLabel#periodLabel { font-size: 12pt; font-weight: 600; color: #1f3a4d; }
QLabel#legendItem { color: #3c4a55; }
"""


class BookingsPage(Page):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        now: datetime | None = None,
        now_fn: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        if now is not None:
            self.now_fn: Callable[[], datetime] = lambda: now
        else:
            self.now_fn = now_fn or utcnow
        self.setStyleSheet(STYLE)
        self.mode = WEEK_VIEW
        self.day: date = local_day_and_minute(self.now_fn())[0]
        self.space_id: int | None = None
        self.resources: list[CalendarResource] = []
        self.member_filter: int | None = None
        self.dialog: QDialog | None = None
        self._dirty = False
        self._scroll_pending = True
        self._member_ids: dict[str, int] = {}
        self._open_weekdays: set[int] = set()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 14, 20, 10)
        lay.setSpacing(8)
        title = QLabel(self.tr("Bookings"))
        title.setObjectName("pageTitle")
        lay.addWidget(title)
        lay.addLayout(self._build_toolbar())
        lay.addLayout(self._build_filters())
        lay.addWidget(self._build_message())
        self.calendar = BookingCalendar()
        lay.addWidget(self.calendar, 1)
        self.calendar.create_requested.connect(self.new_booking)
        self.calendar.move_requested.connect(self.move_booking)
        self.calendar.open_requested.connect(self.open_booking)
        self.calendar.today_requested.connect(self.go_today)

        for keys, slot in (
            ("Ctrl+Left", self.previous_period),
            ("Ctrl+Right", self.next_period),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._tick = QTimer(self)
        self._tick.setInterval(NOW_TICK_MS)
        self._tick.timeout.connect(lambda: self.calendar.set_now(self.now_fn()))
        self._tick.start()

        self._fill_spaces()
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # --- building ----------------------------------------------------------------------

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        space_label = QLabel(self.tr("&Space:"))
        self.space_combo = QComboBox()
        self.space_combo.setAccessibleName(self.tr("Space shown"))
        self.space_combo.setMinimumWidth(170)
        space_label.setBuddy(self.space_combo)
        self.space_combo.currentIndexChanged.connect(self._on_space_chosen)
        bar.addWidget(space_label)
        bar.addWidget(self.space_combo)
        bar.addSpacing(10)

        self.day_button = QToolButton()
        self.day_button.setText(self.tr("&Day"))
        self.day_button.setAccessibleName(self.tr("Day view"))
        self.week_button = QToolButton()
        self.week_button.setText(self.tr("&Week"))
        self.week_button.setAccessibleName(self.tr("Week view"))
        self._mode_group = QButtonGroup(self)
        self._mode_group.setExclusive(True)
        for b in (self.day_button, self.week_button):
            b.setCheckable(True)
            b.setMinimumWidth(64)
            self._mode_group.addButton(b)
            bar.addWidget(b)
        self.week_button.setChecked(True)
        self._mode_group.buttonClicked.connect(self._on_mode_clicked)
        bar.addSpacing(10)

        style = self.style()
        self.previous_button = QToolButton()
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.previous_button.setAccessibleName(self.tr("Previous period"))
        self.previous_button.setToolTip(self.tr("Previous day or week (Ctrl+Left)"))
        self.previous_button.clicked.connect(self.previous_period)
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.today_button.clicked.connect(self.go_today)
        self.next_button = QToolButton()
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.next_button.setAccessibleName(self.tr("Next period"))
        self.next_button.setToolTip(self.tr("Next day or week (Ctrl+Right)"))
        self.next_button.clicked.connect(self.next_period)
        for w in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(10)
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.period_label.setMinimumWidth(40)  # never widens the window; clipped at worst
        self.period_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.period_label.setWordWrap(True)  # on two lines rather than cut (1024 px)
        bar.addWidget(self.period_label, 1)
        self.new_button = QPushButton(self.tr("&New booking…"))
        self.new_button.setAccessibleName(self.tr("New booking"))
        self.new_button.clicked.connect(lambda: self.new_booking())
        bar.addWidget(self.new_button)
        return bar

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.member_edit = QLineEdit()
        self.member_edit.setPlaceholderText(self.tr("Show one member's bookings: type a name…"))
        self.member_edit.setAccessibleName(self.tr("Member filter"))
        self.member_edit.setClearButtonEnabled(True)
        self.member_edit.setMinimumWidth(200)
        self._member_model = QStringListModel(self)
        self._completer = QCompleter(self._member_model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.member_edit.setCompleter(self._completer)
        self._completer.activated.connect(self._on_member_chosen)
        self.member_edit.textEdited.connect(self._on_member_typed)
        self.member_edit.textChanged.connect(self._on_member_text)
        self.member_edit.returnPressed.connect(self._on_member_return)
        row.addWidget(self.member_edit)
        self.show_cancelled = QCheckBox(self.tr("Show &cancelled and absent"))
        self.show_cancelled.setAccessibleName(self.tr("Show cancelled bookings and no-shows"))
        self.show_cancelled.toggled.connect(lambda _on: self.refresh())
        row.addWidget(self.show_cancelled)
        # The legend wraps onto a second line on a narrow screen.
        legend = QWidget()
        flow = FlowLayout(legend, spacing=10)
        labels = booking_status_labels()
        for status in ("booked", "in_progress", "done", "cancelled", "no_show"):
            fill, border, _text = STATE_COLOURS[status]
            pair = QWidget()
            pair_lay = QHBoxLayout(pair)
            pair_lay.setContentsMargins(0, 0, 0, 0)
            chip = QLabel()
            chip.setFixedSize(14, 14)
            style = "dashed" if status in ("cancelled", "no_show") else "solid"
            chip.setStyleSheet(f"background: {fill}; border: 1px {style} {border};")
            pair_lay.addWidget(chip)
            word = QLabel(labels[status])
            word.setObjectName("legendItem")
            pair_lay.addWidget(word)
            flow.addWidget(pair)
        row.addWidget(legend, 1)
        return row

    def _build_message(self) -> QFrame:
        self.message = QFrame()
        self.message.setObjectName("bookingMessage")
        lay = QHBoxLayout(self.message)
        lay.setContentsMargins(10, 6, 6, 6)
        self.message_label = QLabel()
        self.message_label.setObjectName("bookingMessageText")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.message_label, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(self.tr("Close the message"))
        close.setToolTip(self.tr("Close the message"))
        close.setAutoRaise(True)
        close.clicked.connect(self.clear_message)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.message.hide()
        return self.message

    # --- message strip -----------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message_label.setText(text)
        self.message.setProperty("kind", "error" if error else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message.hide()

    def message_text(self) -> str:
        return self.message_label.text() if not self.message.isHidden() else ""

    # --- spaces and resources ----------------------------------------------------------

    def _fill_spaces(self) -> None:
        spaces = [
            s for s in machine_service.list_spaces(self.ctx.db) if s.machine_count > 0 or s.bookable
        ]
        current = self.space_id
        self.space_combo.blockSignals(True)
        self.space_combo.clear()
        for s in spaces:
            self.space_combo.addItem(s.name, s.id)
        index = self.space_combo.findData(current) if current is not None else -1
        if index < 0 and spaces:
            index = max(range(len(spaces)), key=lambda i: spaces[i].machine_count)
        self.space_combo.setCurrentIndex(index)
        self.space_combo.blockSignals(False)
        self._load_resources()

    def _load_resources(self) -> None:
        space_id = self.space_combo.currentData()
        if space_id != self.space_id:
            self._scroll_pending = True
        self.space_id = space_id
        self.resources = calendar_resources(self.ctx.db, space_id) if space_id is not None else []
        self._open_weekdays = set(get_schedule(self.ctx.db, space_id)) if space_id else set()

    def select_space(self, space_id: int) -> None:
        self.space_combo.setCurrentIndex(self.space_combo.findData(space_id))

    def _on_space_chosen(self, _index: int) -> None:
        self._load_resources()
        self.refresh()

    # --- period ------------------------------------------------------------------------

    def _on_mode_clicked(self, button: QAbstractButton) -> None:
        self.set_mode(DAY_VIEW if button is self.day_button else WEEK_VIEW)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.day_button if mode == DAY_VIEW else self.week_button).setChecked(True)
        self.refresh()

    def set_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def previous_period(self) -> None:
        self.set_day(self.day - timedelta(days=1 if self.mode == DAY_VIEW else 7))

    def next_period(self) -> None:
        self.set_day(self.day + timedelta(days=1 if self.mode == DAY_VIEW else 7))

    def go_today(self) -> None:
        self._scroll_pending = True
        self.set_day(local_day_and_minute(self.now_fn())[0])

    def period(self) -> tuple[date, int]:
        """First day and number of days of the visible period."""
        if self.mode == DAY_VIEW:
            return self.day, 1
        return self.day - timedelta(days=self.day.weekday()), 7

    def _period_text(self, first: date, days: int) -> str:
        if days == 1:
            return long_day(first)
        last = first + timedelta(days=days - 1)
        dates = format_interval(first, last, "yMMMMd", locale=formatting.current_locale())
        return self.tr("Week {number} · {dates}").format(number=first.isocalendar()[1], dates=dates)

    # --- member filter -----------------------------------------------------------------

    def _on_member_typed(self, text: str) -> None:
        if not text.strip():
            return
        rows = member_service.search_members(self.ctx.db, text, limit=12)
        self._member_ids = {}
        for m in rows:
            label = " · ".join(p for p in (m.display_name, m.number, m.city) if p)
            self._member_ids[label] = m.id
        self._member_model.setStringList(list(self._member_ids))

    def _on_member_chosen(self, label: str) -> None:
        member_id = self._member_ids.get(label)
        if member_id is not None:
            self.set_member_filter(member_id, label)

    def _on_member_return(self) -> None:
        text = self.member_edit.text()
        if text in self._member_ids:
            self._on_member_chosen(text)
        elif self._member_ids:
            first = next(iter(self._member_ids))
            self._on_member_chosen(first)

    def _on_member_text(self, text: str) -> None:
        if not text and self.member_filter is not None:
            self.set_member_filter(None)

    def set_member_filter(self, member_id: int | None, label: str | None = None) -> None:
        """Show only this member's bookings (their own or their organisation's), outlined."""
        self.member_filter = member_id
        if label is not None and self.member_edit.text() != label:
            self.member_edit.blockSignals(True)
            self.member_edit.setText(label)
            self.member_edit.blockSignals(False)
        if member_id is None and self.member_edit.text():
            self.member_edit.blockSignals(True)
            self.member_edit.clear()
            self.member_edit.blockSignals(False)
        self.refresh()

    # --- loading -----------------------------------------------------------------------

    def activate(self) -> None:
        if self._dirty:
            self.refresh()

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity not in REFRESH_ON:
            return
        if entity in RESOURCES_ON:
            self._fill_spaces()
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def refresh(self) -> None:
        """Read the visible range (one query for the bookings, one for the opening hours)
        and redraw."""
        self._dirty = False
        first, days = self.period()
        self.period_label.setText(self._period_text(first, days))
        now = self.now_fn()
        if self.space_id is None:
            self.calendar.set_data(self.mode, [], [], {}, [], now=now)
            return
        start, end = booking_service.local_date_range(first, days)
        machine_ids = [r.id for r in self.resources if r.kind == "machine"]
        rows = booking_service.list_bookings(
            self.ctx.db,
            start,
            end,
            machine_ids=machine_ids,
            space_ids=[self.space_id],
            member_id=self.member_filter,
            statuses=None if self.show_cancelled.isChecked() else HOLDING,
        )
        day_openings = {
            o.day: o for o in openings(self.ctx.db, self.space_id, first, days, self.ctx.language)
        }
        shown_days = self._shown_days(first, days, day_openings, rows)
        resources = self._resources_with(rows)
        self.calendar.set_data(
            self.mode,
            shown_days,
            resources,
            day_openings,
            rows,
            now=now,
            highlight_member=self.member_filter,
        )
        if self._scroll_pending:
            self._scroll_pending = False
            self._scroll_to_start(day_openings)

    def _shown_days(
        self, first: date, days: int, day_openings: dict, rows: list[BookingRow]
    ) -> list[date]:
        """The week without its Saturday/Sunday when the space is closed on that weekday
        every week (a weekend day it opens, or where something is booked, stays)."""
        all_days = [first + timedelta(days=i) for i in range(days)]
        if days == 1 or not self._open_weekdays:
            return all_days
        booked = {local_day_and_minute(b.start_at)[0] for b in rows}
        shown = []
        for day in all_days:
            opening = day_openings.get(day)
            if (
                day.weekday() >= 5
                and day.weekday() not in self._open_weekdays
                and (opening is None or not opening.ranges)
                and day not in booked
            ):
                continue
            shown.append(day)
        return shown

    def _resources_with(self, rows: list[BookingRow]) -> list[CalendarResource]:
        """The space's resources; the space itself too when one of its bookings is shown
        (a space that was bookable before)."""
        keys = {r.key for r in self.resources}
        key = ("space", self.space_id)
        if (
            self.space_id is not None
            and key not in keys
            and any(b.resource_key == key for b in rows)
        ):
            return calendar_resources(self.ctx.db, self.space_id, with_space=True)
        return self.resources

    def _scroll_to_start(self, day_openings: dict) -> None:
        starts = [o.ranges[0][0] for o in day_openings.values() if o.ranges and o.configured]
        minute = min(starts) if starts else 8 * 60
        self.calendar.scroll_to_minute(max(minute - 30, 0))

    # --- actions -----------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.calendar.setFocus()

    def conflict_warning(self, key: ResourceKey, start: datetime, end: datetime) -> str:
        """The refusal the service will give, said at once when the slot is visibly taken."""
        res = next((r for r in self.resources if r.key == key), None)
        if res is None:
            return ""
        blocked_until = end + timedelta(minutes=res.buffer)
        for b in self.calendar.bookings:
            if (
                b.resource_key == key
                and b.status in HOLDING
                and b.start_at < blocked_until
                and b.blocked_until > start
            ):
                err = DomainError(
                    "booking_conflict",
                    resource=res.name,
                    who=b.who,
                    start=b.start_at,
                    end=b.end_at,
                    buffer=res.buffer,
                )
                return error_message(err)
        return ""

    def new_booking(
        self,
        key: ResourceKey | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        member_id: int | None = None,
    ) -> BookingDialog | None:
        """Open the booking dialog, pre-filled from a drag on the calendar, for the member
        chosen on Membres or their card if any (nobody otherwise: never a first match)."""
        if not self.resources:
            self.show_message(self.tr("This space has no machine and cannot be booked itself."))
            return None
        if start is None:
            first, days = self.period()
            today = local_day_and_minute(self.now_fn())[0]
            if not first <= today < first + timedelta(days=days):
                # 10:00 on the first day shown (otherwise the dialog proposes the next hour)
                start = booking_service.local_date_range(first)[0] + timedelta(hours=10)
        warning = self.conflict_warning(key, start, end) if key and start and end else ""
        self.clear_message()
        dialog = BookingDialog(
            self.ctx,
            self.resources,
            resource_key=key,
            start=start,
            end=end,
            now_fn=self.now_fn,
            warning=warning,
            member_id=member_id if member_id is not None else self.ctx.current_member_id,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._booked(dialog.saved_ids))
        self._open(dialog)
        return dialog

    def _booked(self, ids: list[int]) -> None:
        """Say what was saved and show its week (the calendar stayed on another one)."""
        if not ids:
            return
        self.ctx.set_current_member(None)  # carried into one booking, not every next one
        rows = [booking_service.get_booking(self.ctx.db, i) for i in ids]
        first = min(rows, key=lambda r: r.start_at)
        self._scroll_pending = True
        self.set_day(local_day_and_minute(first.start_at)[0])
        when = self.tr("{day}, {start}–{end}").format(
            day=formatting.long_date(local_day_and_minute(first.start_at)[0]),
            start=formatting.local_time(first.start_at),
            end=formatting.local_time(first.end_at),
        )
        if len(rows) == 1:
            text = self.tr("Booked: {resource} for {who}, {when}.").format(
                resource=first.resource_name, who=first.who, when=when
            )
        else:
            text = self.tr("Booked: {resource} for {who}, {count} weeks from {when}.").format(
                resource=first.resource_name, who=first.who, count=len(rows), when=when
            )
        self.show_message(text, error=False)
        self.calendar.select_booking(first.id)

    def move_booking(
        self, booking_id: int, start: datetime, end: datetime, key: ResourceKey
    ) -> bool:
        """Move or resize (also to another resource); a refusal springs the booking back and
        is said in the message strip."""
        kind, resource_id = key
        shown = next((b for b in self.calendar.bookings if b.id == booking_id), None)
        try:
            booking_service.move_booking(
                self.ctx.db,
                self.ctx.operator_id,
                booking_id,
                start,
                end,
                machine_id=resource_id if kind == "machine" else None,
                space_id=resource_id if kind == "space" else None,
                now=self.now_fn(),
                expected_version=shown.version if shown is not None else None,
            )
        except DomainError as err:
            if err.code in ("stale_record", "not_found"):  # the week as it is now
                self.refresh()
            self.show_message(error_message(shown_again(err)))
            self.calendar.viewport().update()
            return False
        self.clear_message()
        self.ctx.notify("booking", [booking_id])
        self.calendar.select_booking(booking_id)
        return True

    def open_booking(self, booking_id: int) -> BookingDetailDialog | None:
        try:
            dialog = BookingDetailDialog(self.ctx, booking_id, now_fn=self.now_fn, parent=self)
        except DomainError as err:
            self.show_message(error_message(err))
            return None
        self._open(dialog)
        return dialog
