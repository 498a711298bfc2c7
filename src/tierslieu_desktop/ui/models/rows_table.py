"""Read-only tables of plain rows (the services' dataclasses) whose cells are formatted
when the view asks for them: only the rows on screen are ever formatted (money with
Babel costs ~0.1 ms a cell), and a small cache keeps the recent cells so repainting and
scrolling back do not format them again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
CACHE_CELLS = 4000  # a few screens of cells; cleared when full (cheap, and rarely full)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A column: its header, how a row reads in it, right-aligned or not, and an
    optional colour (None: the palette's)."""

    header: str
    text: Callable[[Row], str]
    right: bool = False
    color: Callable[[Row], str | None] | None = None


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """The rows of a table, formatted lazily. ``key(row)`` is the row's UserRole data
    (its id), read by the tabs to know which document is selected."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        key: Callable[[Row], Any] = lambda _row: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.key = key
        self._rows: list[Row] = []
        self._cache: dict[tuple[int, int], str] = {}
        self.formatted = 0  # cells formatted since the last reset (for tests and benches)

    # --- content -----------------------------------------------------------------

    @property
    def rows(self) -> list[Row]:
        return self._rows

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cache.clear()
        self.formatted = 0
        self.endResetModel()

    def append_rows(self, rows: Sequence[Row]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: Any) -> int:
        """The row whose key is ``key`` among those loaded, or -1."""
        for i, row in enumerate(self._rows):
            if self.key(row) == key:
                return i
        return -1

    # --- Qt ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        r, c = index.row(), index.column()
        if not index.isValid() or not (0 <= r < len(self._rows)):
            return None
        column = self.columns[c]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(r, c)
        if role == Qt.ItemDataRole.UserRole:
            return self.key(self._rows[r])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.right else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(self._rows[r])
            return QBrush(QColor(color)) if color else None
        return None

    def text(self, r: int, c: int) -> str:
        """The cell as shown, formatted once and kept in the cache."""
        cached = self._cache.get((r, c))
        if cached is None:
            if len(self._cache) >= CACHE_CELLS:
                self._cache.clear()
            cached = self._cache[(r, c)] = self.columns[c].text(self._rows[r])
            self.formatted += 1
        return cached
