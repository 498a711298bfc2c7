"""Opening hours of a space: the weekly schedule typed one line per day ("09:00–12:30,
13:30–18:00", or leniently "9h-12h30, 13h30-18h"), public holidays, and the exceptional
closures and openings.

``OpeningHoursDialog.submit()`` saves the weekly schedule (tests call it instead of
``exec()``); exceptions are added and removed at once, each in its own transaction.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import DAY_MINUTES, lab_today, public_holiday
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.park import opening_hours as hours_service
from tierslieu_desktop.services.park.machines import SpaceRow
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.pages.machines.dialogs import _FormDialog
from tierslieu_desktop.ui.pages.machines.labels import weekday_names
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.stale import shown_again
from tierslieu_desktop.ui.widgets.confirm import ask_reason
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.tables import item_at
from tierslieu_desktop.ui.widgets.time_edit import TimeEdit

Range = tuple[int, int]
EXCEPTIONS_AHEAD_DAYS = 2 * 366
VERSION_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's version, for a stale removal
HOLIDAYS_SHOWN = 6

# --- parsing what is typed for a day ---------------------------------------------------

_TIME = r"(\d{1,2})(?:\s*(?:h|:|\.)\s*(\d{2})?)?"
_RANGE = re.compile(rf"{_TIME}\s*(?:-|à|a|au|to)\s*{_TIME}")
_SEPARATORS = re.compile(r"(?:[\s,;/+&]|\bet\b|\band\b)+")
_CLOSED_WORDS = {"closed", "ferme", "fermé", "-"}


class RangesInvalid(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _minute(hour: str, minute: str | None) -> int:
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        raise RangesInvalid("range_invalid")
    return h * 60 + m


def parse_ranges(text: str) -> list[Range]:
    """ "09:00–12:30, 13:30–18:00", "9h-12h30 et 13h30-18h", "9-12" → minute ranges.
    Empty (or "fermé") is a closed day. Raises RangesInvalid("hours_unreadable") when the
    text cannot be read, ("range_invalid") for a time that does not exist (25h)."""
    t = text.strip().lower()
    for dash in ("–", "—", "−", "‑"):
        t = t.replace(dash, "-")
    if not t or t in _CLOSED_WORDS:
        return []
    ranges: list[Range] = []
    pos = 0
    while pos < len(t):
        sep = _SEPARATORS.match(t, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        match = _RANGE.match(t, pos)
        if match is None:
            raise RangesInvalid("hours_unreadable")
        h1, m1, h2, m2 = match.groups()
        ranges.append((_minute(h1, m1), _minute(h2, m2)))
        pos = match.end()
        if pos < len(t) and not _SEPARATORS.match(t, pos):
            raise RangesInvalid("hours_unreadable")
    return ranges


def schedule_text(schedule: dict[int, list[Range]]) -> str:
    """One line per group of days with the same hours: "lundi – vendredi : 09:00–12:30,
    13:30–18:00". Days not listed are closed."""
    names = weekday_names()
    lines: list[str] = []
    day = 0
    while day < 7:
        ranges = schedule.get(day)
        last = day
        while last + 1 < 7 and schedule.get(last + 1) == ranges:
            last += 1
        if ranges:
            days = names[day] if last == day else f"{names[day]} – {names[last]}"
            lines.append(
                QCoreApplication.translate("OpeningHours", "{days}: {hours}").format(
                    days=days, hours=formatting.minute_ranges(ranges)
                )
            )
        day = last + 1
    return "\n".join(lines)


def exception_text(kind: str, start: int | None, end: int | None) -> str:
    """ "Closed all day", "Closed 12:00–14:00", "Open 18:00–22:00"."""
    if start is None or end is None:
        return QCoreApplication.translate("OpeningHours", "Closed all day")
    hours = formatting.minute_ranges([(start, end)])
    if kind == "open":
        return QCoreApplication.translate("OpeningHours", "Open {hours}").format(hours=hours)
    return QCoreApplication.translate("OpeningHours", "Closed {hours}").format(hours=hours)


def next_holidays(
    today: date, count: int = HOLIDAYS_SHOWN, language: str = "fr"
) -> list[tuple[date, str]]:
    """(day, name) of the next French public holidays from ``today``."""
    found: list[tuple[date, str]] = []
    day = today
    while len(found) < count and day < today + timedelta(days=400):
        name = public_holiday(day, language)
        if name:
            found.append((day, name))
        day += timedelta(days=1)
    return found


# --- the dialog ------------------------------------------------------------------------


class OpeningHoursDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        space: SpaceRow,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.space = space
        self.today = today or lab_today()
        self.setWindowTitle(self.tr("Opening hours of {space}").format(space=space.name))
        self.setMinimumWidth(980)
        outer = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        outer.addLayout(columns, 1)
        columns.addWidget(self._build_week(), 5)
        columns.addWidget(self._build_exceptions(), 6)

        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        schedule = hours_service.get_schedule(ctx.db, space.id)
        for weekday, edit in enumerate(self.days):
            edit.setText(formatting.minute_ranges(schedule.get(weekday, [])))
        self.closed_on_holidays.setChecked(space.closed_on_holidays)
        self.refresh_exceptions()
        self.days[0].setFocus()

    # --- building --------------------------------------------------------------------

    def _build_week(self) -> QWidget:
        box = QGroupBox(self.tr("Every week"))
        lay = QVBoxLayout(box)
        hint = QLabel(
            self.tr(
                "Type the opening ranges of each day, e.g. “09:00-12:30, 13:30-18:00” "
                "(or “9h-12h30, 13h30-18h”). Leave a day empty when it is closed."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #53626d;")
        lay.addWidget(hint)
        self.form = ValidatedForm()
        self.days: list[QLineEdit] = []
        for weekday, name in enumerate(weekday_names()):
            edit = QLineEdit()
            edit.setMaxLength(120)
            edit.setPlaceholderText(self.tr("Closed"))
            label = self.tr("{day}:").format(day=name[:1].upper() + name[1:])
            self.form.add_field(f"weekday_{weekday}", label, edit)
            self.days.append(edit)
        lay.addLayout(self.form)
        self.copy_button = QPushButton(self.tr("Copy Monday to Tuesday–Friday"))
        self.copy_button.setAccessibleName(self.tr("Copy Monday's hours to Tuesday to Friday"))
        self.copy_button.clicked.connect(self.copy_monday)
        self.copy_button.setEnabled(False)
        self.days[0].textChanged.connect(
            lambda text: self.copy_button.setEnabled(bool(text.strip()))
        )
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.closed_on_holidays = QCheckBox(self.tr("Closed on public holidays"))
        self.closed_on_holidays.setAccessibleName(self.tr("Closed on public holidays"))
        lay.addWidget(self.closed_on_holidays)
        lay.addStretch(1)
        return box

    def _build_exceptions(self) -> QWidget:
        box = QGroupBox(self.tr("Exceptional closures and openings"))
        lay = QVBoxLayout(box)
        self.exceptions = QTableWidget(0, 4)
        self.exceptions.setAccessibleName(self.tr("Exceptional closures and openings"))
        self.exceptions.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Hours"), self.tr("Reason"), self.tr("For")]
        )
        self.exceptions.verticalHeader().hide()
        self.exceptions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exceptions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exceptions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.exceptions.setWordWrap(False)
        head = self.exceptions.horizontalHeader()
        for col in (0, 1, 3):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.exceptions.setMinimumHeight(150)
        self.exceptions.itemSelectionChanged.connect(self._update_buttons)
        lay.addWidget(self.exceptions)
        self.no_exception = QLabel(self.tr("No exceptional closure or opening to come."))
        self.no_exception.setStyleSheet("color: #53626d;")
        lay.addWidget(self.no_exception)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setAccessibleName(self.tr("Add an exceptional closure or opening"))
        self.add_button.clicked.connect(self.add_exception)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.setAccessibleName(self.tr("Remove the exceptional closure or opening"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        saved_at_once = QLabel(self.tr("Added and removed at once."))
        saved_at_once.setStyleSheet("color: #53626d;")
        lay.addWidget(saved_at_once)

        holidays = QLabel(self.tr("Next public holidays:"))
        holidays.setStyleSheet("font-weight: 600; margin-top: 8px;")
        lay.addWidget(holidays)
        lines = [
            f"{formatting.short_date(day)}  {name}"
            for day, name in next_holidays(self.today, language=self.ctx.language)
        ]
        self.holidays = QLabel("\n".join(lines))
        self.holidays.setObjectName("nextHolidays")
        self.holidays.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.holidays)
        lay.addStretch(1)
        return box

    # --- exceptions ------------------------------------------------------------------

    def refresh_exceptions(self) -> None:
        rows = hours_service.list_exceptions(
            self.ctx.db,
            self.today,
            self.today + timedelta(days=EXCEPTIONS_AHEAD_DAYS),
            self.space.id,
        )
        self.exceptions.setRowCount(len(rows))
        for r, e in enumerate(rows):
            scope = self.tr("Every space") if e.space_id is None else self.tr("This space")
            cells = [
                formatting.short_date(e.day),
                exception_text(e.kind, e.start_minute, e.end_minute),
                e.reason,
                scope,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                item.setData(VERSION_ROLE, e.version)
                item.setToolTip(e.reason or text)
                self.exceptions.setItem(r, col, item)
        self.exceptions.setVisible(bool(rows))
        self.no_exception.setVisible(not rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_exception() is not None)

    def selected_exception(self) -> int | None:
        items = self.exceptions.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def exception_dialog(self) -> ExceptionDialog:
        return ExceptionDialog(self.ctx, self.space, self, today=self.today)

    def add_exception(self) -> None:
        dialog = self.exception_dialog()
        if dialog.exec():
            self.refresh_exceptions()

    def remove_selected(self) -> None:
        exception_id = self.selected_exception()
        if exception_id is None:
            return
        row = self.exceptions.currentRow()
        day, what = item_at(self.exceptions, row, 0).text(), item_at(self.exceptions, row, 1).text()
        every = item_at(self.exceptions, row, 3).text() == self.tr("Every space")
        if every:
            text = self.tr("Remove “{what}” on {day}? It applies to every space.")
        else:
            text = self.tr("Remove “{what}” on {day}?")
        reason = ask_reason(
            self,
            self.tr("Remove the exception"),
            text.format(what=what.lower(), day=day),
            self.tr("Remove"),
        )
        if reason is None:
            return
        version = item_at(self.exceptions, row, 0).data(VERSION_ROLE)
        try:
            hours_service.remove_exception(
                self.ctx.db,
                self.ctx.operator_id,
                exception_id,
                reason,
                expected_version=version if isinstance(version, int) else None,
            )
        except DomainError as err:
            self.show_message(error_message(shown_again(err)))  # the list is read again
        self.ctx.notify("opening_hours", [self.space.id])
        self.refresh_exceptions()

    # --- weekly schedule -------------------------------------------------------------

    def copy_monday(self) -> None:
        for edit in self.days[1:5]:
            edit.setText(self.days[0].text())

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def schedule(self) -> dict[int, list[Range]]:
        """The weekly schedule typed; raises ValidationError naming the wrong days."""
        errors: dict[str, str] = {}
        schedule: dict[int, list[Range]] = {}
        for weekday, edit in enumerate(self.days):
            try:
                ranges = parse_ranges(edit.text())
            except RangesInvalid as exc:
                errors[f"weekday_{weekday}"] = exc.code
                continue
            if ranges:
                schedule[weekday] = ranges
        try:
            cleaned = hours_service.validate_schedule(schedule)
        except ValidationError as err:  # days that were read, but do not make sense
            errors = {**err.fields, **errors}
        if errors:
            raise ValidationError(errors)
        return cleaned

    def submit(self) -> bool:
        """Save the weekly schedule and the holidays choice; True when saved."""
        self.form.clear_errors()
        self.show_message("")
        try:
            schedule = self.schedule()
            hours_service.set_schedule(
                self.ctx.db,
                self.ctx.operator_id,
                self.space.id,
                schedule,
                closed_on_holidays=self.closed_on_holidays.isChecked(),
            )
        except ValidationError as err:
            if self.form.show_errors(err.fields):
                self.show_message(error_message(err))
            return False
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            self.show_message(error_message(err))
            return False
        self.ctx.notify("space", [self.space.id])
        self.accept()
        return True


class ExceptionDialog(_FormDialog):
    """An exceptional closure (all day or a range) or opening, for this space or every
    space."""

    def __init__(
        self,
        ctx: AppContext,
        space: SpaceRow,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.space_id = space.id
        self.setWindowTitle(self.tr("Exceptional closure or opening"))
        f = self.form
        self.day = bound_to_accepted_days(QDateEdit())
        self.day.setCalendarPopup(True)
        self.day.setDate(to_qdate(today or lab_today()))
        f.add_field("day", self.tr("&Date:"), self.day)

        kind_box = QWidget()
        lay = QVBoxLayout(kind_box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.closed_all_day = QRadioButton(self.tr("Closed all day"))
        self.closed_range = QRadioButton(self.tr("Closed from … to …"))
        self.open_range = QRadioButton(self.tr("Open from … to … (outside the usual hours)"))
        self._kind = QButtonGroup(self)
        for b in (self.closed_all_day, self.closed_range, self.open_range):
            self._kind.addButton(b)
            lay.addWidget(b)
        self.closed_all_day.setChecked(True)
        kind_box.setFocusProxy(self.closed_all_day)
        f.add_field("kind", self.tr("What:"), kind_box)
        self.closed_all_day.setAccessibleName(self.tr("Closed all day"))
        self.closed_range.setAccessibleName(self.tr("Closed during a range of hours"))
        self.open_range.setAccessibleName(self.tr("Open during a range of hours"))

        self.start = TimeEdit(QTime(9, 0))
        self.end = TimeEdit(QTime(12, 0))
        f.add_field("start_minute", self.tr("&From:"), self.start)
        f.add_field("end_minute", self.tr("&To:"), self.end)
        for b in (self.closed_all_day, self.closed_range, self.open_range):
            b.toggled.connect(self._update_times)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. Staff training, village fête"))
        f.add_field("reason", self.tr("&Reason:"), self.reason)

        scope_box = QWidget()
        lay = QVBoxLayout(scope_box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.this_space = QRadioButton(
            self.tr("This space only ({space})").format(space=space.name)
        )
        self.every_space = QRadioButton(self.tr("Every space"))
        self._scope = QButtonGroup(self)
        for b in (self.this_space, self.every_space):
            self._scope.addButton(b)
            lay.addWidget(b)
        self.this_space.setChecked(True)
        scope_box.setFocusProxy(self.this_space)
        f.add_field("space", self.tr("For:"), scope_box)
        self.this_space.setAccessibleName(self.tr("This space only"))
        self.every_space.setAccessibleName(self.tr("Every space"))
        self._update_times()
        self.day.setFocus()

    def _update_times(self, _checked: bool = False) -> None:
        ranged = not self.closed_all_day.isChecked()
        self.start.setEnabled(ranged)
        self.end.setEnabled(ranged)

    def save(self) -> int:
        whole_day = self.closed_all_day.isChecked()
        start = end = None
        if not whole_day:
            start = self.start.time().hour() * 60 + self.start.time().minute()
            end = self.end.time().hour() * 60 + self.end.time().minute()
            if end == 0:  # "to 00:00" is midnight at the end of the day
                end = DAY_MINUTES
        exception_id = hours_service.add_exception(
            self.ctx.db,
            self.ctx.operator_id,
            hours_service.ExceptionInput(
                day=from_qdate(self.day.date()),
                kind="open" if self.open_range.isChecked() else "closed",
                space_id=None if self.every_space.isChecked() else self.space_id,
                start_minute=start,
                end_minute=end,
                reason=self.reason.text(),
            ),
        )
        self.ctx.notify("opening_hours", [self.space_id])
        return exception_id
