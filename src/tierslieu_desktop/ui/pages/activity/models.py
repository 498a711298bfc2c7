"""Table models of the Activité page: sessions (upcoming, of a day) and registrations."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.enums import Attendance, RegistrationStatus
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.activity.registrations import RegistrationRow
from tierslieu_desktop.services.activity.sessions import SessionRow
from tierslieu_desktop.ui.labels import age_band_labels, label_of
from tierslieu_desktop.ui.pages.activity.labels import (
    activity_kind_labels,
    attendance_labels,
    registration_status_labels,
)

AnyIndex = QModelIndex | QPersistentModelIndex
GREY = QColor("#8a949c")
ID_ROLE = Qt.ItemDataRole.UserRole


def percent_text(value: int) -> str:
    return formatting.percent(value)


def seats_text(row: SessionRow) -> str:
    return f"{formatting.number(row.registered)} / {formatting.number(row.capacity)}"


def time_range(row: SessionRow) -> str:
    return f"{formatting.local_time(row.start_at)} – {formatting.local_time(row.end_at)}"


def session_day(row: SessionRow) -> date:
    return to_local(row.start_at).date()


class SessionTableModel(QAbstractTableModel):
    """Sessions, one per row: date, time, activity, kind, space, trainer, seats taken
    over capacity, fill rate and waiting list. Cancelled sessions are greyed and struck."""

    # What the desk looks at first (how full) before the details.
    COLUMNS = ("date", "time", "activity", "seats", "fill", "waiting", "kind", "space", "trainer")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionRow] = []
        self._headers = {
            "date": self.tr("Date"),
            "time": self.tr("Time"),
            "activity": self.tr("Activity"),
            "kind": self.tr("Kind"),
            "space": self.tr("Space"),
            "trainer": self.tr("Trainer"),
            "seats": self.tr("Registered / seats"),
            "fill": self.tr("Fill rate"),
            "waiting": self.tr("Waiting"),
        }

    def set_rows(self, rows: Sequence[SessionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> SessionRow:
        return self._rows[row]

    def rows(self) -> list[SessionRow]:
        return list(self._rows)

    def row_of(self, session_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == session_id:
                return i
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._headers[self.COLUMNS[section]]
        return None

    def text(self, row: SessionRow, key: str) -> str:
        if key == "date":
            return formatting.short_date(session_day(row))
        if key == "time":
            return time_range(row)
        if key == "activity":
            return row.activity_name
        if key == "kind":
            return label_of(activity_kind_labels(), row.kind)
        if key == "space":
            return row.space_name
        if key == "trainer":
            return row.trainer
        if key == "seats":
            return seats_text(row)
        if key == "fill":
            return percent_text(row.fill_percent)
        if key == "waiting":
            return formatting.number(row.waiting) if row.waiting else ""
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("seats", "fill", "waiting"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.cancelled:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.FontRole and row.cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.cancelled:
            return self.tr("Cancelled session")
        return None


# what the attendance cell offers: None = not ticked
ATTENDANCE_CHOICES: tuple[str | None, ...] = (
    None,
    Attendance.PRESENT.value,
    Attendance.ABSENT.value,
    Attendance.EXCUSED.value,
)

EditFn = Callable[[RegistrationRow, str | None, int | None], bool]


class RegistrationTableModel(QAbstractTableModel):
    """The registrations of a session: registered, then the waiting list with its
    position, then the cancelled (greyed). Attendance and, for a group, how many came
    are editable; the edit goes through ``on_edit(row, attendance, present_count)``."""

    COLUMNS = ("who", "public", "age", "headcount", "price", "status", "attendance", "present")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RegistrationRow] = []
        self.editable = True
        self.on_edit: EditFn | None = None
        self._headers = {
            "who": self.tr("Who"),
            "public": self.tr("Public"),
            "age": self.tr("Age"),
            "headcount": self.tr("People"),
            "price": self.tr("Price"),
            "status": self.tr("Status"),
            "attendance": self.tr("Attendance"),
            "present": self.tr("Present"),
        }

    def set_rows(self, rows: Sequence[RegistrationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RegistrationRow:
        return self._rows[row]

    def rows(self) -> list[RegistrationRow]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._headers[self.COLUMNS[section]]
        return None

    def status_text(self, row: RegistrationRow) -> str:
        if row.status == RegistrationStatus.WAITING and row.waiting_position:
            return self.tr("waiting list no. {n}").format(n=row.waiting_position)
        return label_of(registration_status_labels(), row.status)

    def attendance_text(self, row: RegistrationRow) -> str:
        if row.status != RegistrationStatus.REGISTERED:
            return ""
        if row.attendance is None:
            return self.tr("not ticked")
        return label_of(attendance_labels(), row.attendance)

    def present_value(self, row: RegistrationRow) -> int | None:
        if not row.is_group or row.attendance != Attendance.PRESENT:
            return None
        return row.present_count if row.present_count is not None else row.headcount

    def text(self, row: RegistrationRow, key: str) -> str:
        if key == "who":
            if row.is_group and row.responsible_name:
                return f"{row.who} ({row.responsible_name})"
            return row.who
        if key == "public":
            return row.audience_name
        if key == "age":
            if not row.age_band:
                return ""
            return label_of(age_band_labels(), row.age_band)
        if key == "headcount":
            return formatting.number(row.headcount)
        if key == "price":
            return formatting.money(row.price_cents)
        if key == "status":
            return self.status_text(row)
        if key == "attendance":
            return self.attendance_text(row)
        if key == "present":
            value = self.present_value(row)
            return "" if value is None else formatting.number(value)
        return ""

    def _editable(self, row: RegistrationRow, key: str) -> bool:
        if not self.editable or row.status != RegistrationStatus.REGISTERED:
            return False
        if key == "attendance":
            return True
        return key == "present" and row.is_group and row.attendance == Attendance.PRESENT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self._rows[index.row()]
        if self._editable(row, self.COLUMNS[index.column()]):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.EditRole:
            if key == "attendance":
                return row.attendance or ""
            if key == "present":
                value = self.present_value(row)
                return row.headcount if value is None else value
            return self.text(row, key)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("headcount", "price", "present"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == RegistrationStatus.CANCELLED:
                return QBrush(GREY)
            if row.status == RegistrationStatus.WAITING:
                return QBrush(QColor("#8a5a00"))
            if key == "attendance" and row.attendance is None:
                return QBrush(GREY)
        if role == Qt.ItemDataRole.FontRole and row.status == RegistrationStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "price" and row.price_reason:
            return row.price_reason
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if not self._editable(row, key):
            return False
        if key == "attendance":
            attendance = str(value) if value else None
            if attendance not in ATTENDANCE_CHOICES:
                return False
            if attendance == row.attendance:
                return False
            return self.on_edit(row, attendance, None)
        try:
            count = int(value)
        except (TypeError, ValueError):
            return False
        if count == self.present_value(row):
            return False
        return self.on_edit(row, Attendance.PRESENT.value, count)
