"""Today's bookings at the front desk, as a table: time, resource, who, purpose, state.

Late rows say so in words ("en retard") and in colour: red for a check-out overdue,
orange for a member not arrived 15 minutes after the start."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.scheduling.bookings import BookingStatus, local_day_of
from tierslieu_desktop.services.scheduling.usages import TodayRow
from tierslieu_desktop.ui.labels import booking_status_labels

LATE_OUT_COLOR = QColor("#b3261e")  # red
LATE_IN_COLOR = QColor("#a84c00")  # dark orange (readable on white)
CLOSED_COLOR = QColor("#6b7780")  # done, cancelled, no-show
CLOSED = (BookingStatus.DONE, BookingStatus.CANCELLED, BookingStatus.NO_SHOW)

Index = QModelIndex | QPersistentModelIndex


class TodayModel(QAbstractTableModel):
    TIME, RESOURCE, WHO, PURPOSE, STATE = range(5)
    BookingIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TodayRow] = []
        self.names: dict[int, str] = {}
        self._headers = [
            self.tr("Time"),
            self.tr("Machine or space"),
            self.tr("Who"),
            self.tr("Purpose"),
            self.tr("State"),
        ]

    # --- content ---------------------------------------------------------------------

    def set_rows(
        self, rows: list[TodayRow] | tuple[TodayRow, ...], names: dict[int, str] | None = None
    ) -> None:
        """``names``: member id → the name shown (homonyms told apart: ui.labels)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.names = names or {}
        self.endResetModel()

    def row_at(self, row: int) -> TodayRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, booking_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.booking.id == booking_id:
                return i
        return -1

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.late_to_check_out:
                return QBrush(LATE_OUT_COLOR)
            if r.late_arrival:
                return QBrush(LATE_IN_COLOR)
            if r.booking.status in CLOSED:
                return QBrush(CLOSED_COLOR)
            return None
        if role == Qt.ItemDataRole.FontRole and (r.late_to_check_out or r.late_arrival):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if role == self.BookingIdRole:
            return r.booking.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- texts -----------------------------------------------------------------------

    def _text(self, r: TodayRow, col: int) -> str:
        b = r.booking
        if col == self.TIME:
            span = f"{formatting.local_time(b.start_at)}–{formatting.local_time(b.end_at)}"
            if r.earlier_day:
                return f"{formatting.short_date(local_day_of(b.start_at))} {span}"
            return span
        if col == self.RESOURCE:
            return b.resource_name
        if col == self.WHO:
            who = self.names.get(b.member_id, b.who) if b.member_id is not None else b.who
            if b.headcount > 1:
                people = self.tr("{count} people").format(count=formatting.number(b.headcount))
                return f"{who} · {people}"
            return who
        if col == self.PURPOSE:
            if b.purpose:
                return b.purpose
            return self.tr("walk-in without booking") if b.walk_in else ""
        return self.state_text(r)

    def state_text(self, r: TodayRow) -> str:
        b = r.booking
        status = booking_status_labels().get(b.status, b.status)
        if r.late_to_check_out:
            return self.tr("{status} — late (planned end {time})").format(
                status=status,
                time=formatting.local_datetime(b.end_at)
                if r.earlier_day
                else formatting.local_time(b.end_at),
            )
        if r.late_arrival:
            return self.tr("{status} — late (expected at {time})").format(
                status=status, time=formatting.local_time(b.start_at)
            )
        if b.status == BookingStatus.IN_PROGRESS and b.walk_in:
            return self.tr("{status} (walk-in)").format(status=status)
        return status

    def _tooltip(self, r: TodayRow) -> str:
        b = r.booking
        lines = []
        if b.checked_in_at is not None:
            lines.append(
                self.tr("Arrived at {time}").format(time=formatting.local_time(b.checked_in_at))
            )
        if b.note:
            lines.append(b.note)
        return "\n".join(lines)
