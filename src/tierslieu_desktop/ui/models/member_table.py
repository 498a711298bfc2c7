"""The members table, paged in SQL: rows are fetched 100 at a time as the view scrolls,
sorting and filtering run in the database, never on the whole table in memory."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import MemberKind
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.common import Database
from tierslieu_desktop.services.people.members import MemberRow, count_members, search_members

PAGE_SIZE = 100

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class MemberFilter:
    query: str = ""
    include_archived: bool = False
    audience_id: int | None = None
    kind: str | None = None


class MemberTableModel(QAbstractTableModel):
    # (column key, sort key in services.people.members.SORT_KEYS or None)
    COLUMNS = (
        ("number", "number"),
        ("name", "name"),
        ("city", "city"),
        ("audience", "audience"),
        ("membership", "membership"),
        ("email", None),
        ("phone", None),
    )

    def __init__(
        self, db: Database, today: date | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._today = today
        self._rows: list[MemberRow] = []
        self._total = 0
        self._filter = MemberFilter()
        self._sort = "name"
        self._descending = False
        self._headers = {
            "number": self.tr("No."),
            "name": self.tr("Name"),
            "city": self.tr("Commune"),
            "email": self.tr("Email"),
            "phone": self.tr("Phone"),
            "audience": self.tr("Public"),
            "membership": self.tr("Member until"),
        }

    # --- loading -----------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many members match the filter (all pages)."""
        return self._total

    @property
    def current_filter(self) -> MemberFilter:
        return self._filter

    def set_filter(self, flt: MemberFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Count again and load the first page (after a filter, sort or data change)."""
        self.beginResetModel()
        f = self._filter
        self._total = count_members(
            self.db,
            f.query,
            include_archived=f.include_archived,
            audience_id=f.audience_id,
            kind=f.kind,
        )
        self._rows = self._page(0) if self._total else []
        self.endResetModel()

    def _page(self, offset: int) -> list[MemberRow]:
        f = self._filter
        return search_members(
            self.db,
            f.query,
            include_archived=f.include_archived,
            audience_id=f.audience_id,
            kind=f.kind,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=PAGE_SIZE,
        )

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][1] if 0 <= column < len(self.COLUMNS) else None
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # --- access ------------------------------------------------------------------

    def row_of(self, member_id: int) -> int:
        """Row of a member among those loaded, or -1."""
        for i, row in enumerate(self._rows):
            if row.id == member_id:
                return i
        return -1

    def member_at(self, row: int) -> MemberRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._headers[self.COLUMNS[section][0]]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and key == "name" and row.archived:
            return self.tr("Archived member")
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.archived:
                return QBrush(QColor("#7b858c"))
            if key == "membership" and self._expired(row):
                return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.FontRole and row.archived:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _expired(self, row: MemberRow) -> bool:
        today = self._today or lab_today()
        return row.membership_until is not None and row.membership_until < today

    def _display(self, row: MemberRow, key: str) -> str:
        if key == "number":
            return row.number
        if key == "name":
            name = row.display_name
            if row.kind == MemberKind.ORGANISATION:
                name = self.tr("{name} (organisation)").format(name=name)
            if row.archived:
                name = self.tr("{name} — archived").format(name=name)
            return name
        if key == "city":
            return " ".join(p for p in (row.postcode, row.city) if p)
        if key == "email":
            return row.email
        if key == "phone":
            return row.phone
        if key == "audience":
            return row.audience_name
        if key == "membership":
            if row.membership_until is None:
                return self.tr("no membership")
            text = formatting.short_date(row.membership_until)
            if self._expired(row):
                return self.tr("expired {date}").format(date=text)
            return text
        return ""
