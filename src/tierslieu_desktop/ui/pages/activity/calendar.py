"""The month calendar of sessions: days with sessions in bold (their names in the
tooltip), days whose sessions are all cancelled greyed and struck; under it, the
sessions of the selected day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.activity.sessions import SessionRow
from tierslieu_desktop.ui.pages.activity.models import GREY, seats_text, session_day, time_range
from tierslieu_desktop.ui.qdates import from_qdate, to_qdate


class SessionCalendar(QWidget):
    """``month_changed(first_day)`` asks for the sessions of a month (``set_sessions``);
    ``session_chosen(id)`` when a session of the day list is selected."""

    month_changed = Signal(object)
    day_changed = Signal(object)
    session_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(self.tr("Calendar of sessions"))
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self._name_navigation()
        lay.addWidget(self.calendar)
        self.day_label = QLabel()
        self.day_label.setObjectName("dayLabel")
        self.day_label.setStyleSheet("font-weight: 600; padding-top: 6px;")
        lay.addWidget(self.day_label)
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(self.tr("Sessions of the day"))
        lay.addWidget(self.day_list, 1)
        self._sessions: list[SessionRow] = []
        self._marked: list[QDate] = []
        self.calendar.currentPageChanged.connect(self._on_page)
        self.calendar.selectionChanged.connect(self._on_day)
        self.day_list.currentItemChanged.connect(self._on_item)
        self._show_day()

    def _name_navigation(self) -> None:
        """Qt's month navigation buttons have no accessible names of their own."""
        from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QToolButton

        names = {
            "qt_calendar_prevmonth": self.tr("Previous month"),
            "qt_calendar_nextmonth": self.tr("Next month"),
            "qt_calendar_monthbutton": self.tr("Month"),
            "qt_calendar_yearbutton": self.tr("Year"),
            "qt_calendar_yearedit": self.tr("Year"),
            "qt_calendar_calendarview": self.tr("Days of the month"),
        }
        for w in self.calendar.findChildren(QWidget):
            name = names.get(w.objectName())
            if name and isinstance(w, QToolButton | QAbstractSpinBox | QAbstractItemView):
                w.setAccessibleName(name)

    # --- data ----------------------------------------------------------------------

    def month(self) -> date:
        return date(self.calendar.yearShown(), self.calendar.monthShown(), 1)

    def selected_day(self) -> date:
        return from_qdate(self.calendar.selectedDate())

    def set_day(self, day: date) -> None:
        self.calendar.setSelectedDate(to_qdate(day))

    def set_sessions(self, sessions: Sequence[SessionRow]) -> None:
        """The sessions of the month shown (any status)."""
        self._sessions = list(sessions)
        plain = QTextCharFormat()
        for d in self._marked:
            self.calendar.setDateTextFormat(d, plain)
        self._marked = []
        by_day: dict[date, list[SessionRow]] = {}
        for s in self._sessions:
            by_day.setdefault(session_day(s), []).append(s)
        for day, rows in by_day.items():
            fmt = QTextCharFormat()
            if all(r.cancelled for r in rows):
                fmt.setForeground(QBrush(GREY))
                fmt.setFontStrikeOut(True)
            else:
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setBackground(QBrush(Qt.GlobalColor.transparent))
                fmt.setForeground(QBrush(Qt.GlobalColor.darkBlue))
            fmt.setToolTip("\n".join(self._line(r) for r in rows))
            qd = to_qdate(day)
            self.calendar.setDateTextFormat(qd, fmt)
            self._marked.append(qd)
        self._show_day()

    def days_with_sessions(self) -> list[date]:
        return sorted({session_day(s) for s in self._sessions})

    def _line(self, r: SessionRow) -> str:
        text = f"{time_range(r)}  {r.activity_name}"
        if r.cancelled:
            return self.tr("{session} (cancelled)").format(session=text)
        return f"{text}  ({seats_text(r)})"

    # --- day list ------------------------------------------------------------------

    def _show_day(self) -> None:
        day = self.selected_day()
        current = self.current_session_id()
        self.day_list.blockSignals(True)
        self.day_list.clear()
        rows = [s for s in self._sessions if session_day(s) == day]
        self.day_label.setText(
            self.tr("Sessions of {day}").format(day=formatting.long_date(day))
            if rows
            else self.tr("No session on {day}").format(day=formatting.long_date(day))
        )
        for r in rows:
            item = QListWidgetItem(self._line(r))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            if r.cancelled:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QBrush(GREY))
            self.day_list.addItem(item)
            if r.id == current:
                self.day_list.setCurrentItem(item)
        self.day_list.blockSignals(False)

    def current_session_id(self) -> int | None:
        item = self.day_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def day_session_ids(self) -> list[int]:
        return [
            self.day_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.day_list.count())
        ]

    def _on_page(self, year: int, month: int) -> None:
        self.month_changed.emit(date(year, month, 1))

    def _on_day(self) -> None:
        self._show_day()
        self.day_changed.emit(self.selected_day())

    def _on_item(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.session_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
