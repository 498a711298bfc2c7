"""The preview's table: one row per planned line of the file — its number, what will be
done with it (the user's choice for a duplicate), the record it makes, the existing
record it duplicates, and why it is refused — filtered on all, refused or duplicates.
20,000 lines are held as the plan's tuple; the filter is a list of indexes."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.i18n import imports as words
from tierslieu_desktop.services.imports.base import Action, ImportPlan, PlannedLine
from tierslieu_desktop.ui.imports.words import (
    DECISIONS,
    action_label,
    decision_label,
    error_text,
    reason_label,
)

AnyIndex = QModelIndex | QPersistentModelIndex
LINE, ACTION, RECORD, EXISTING, PROBLEMS = range(5)
REFUSED_COLOR = QColor("#b71c1c")
DUPLICATE_COLOR = QColor("#8a5a00")


class Filter:
    ALL = "all"
    REFUSED = "refused"
    DUPLICATES = "duplicates"


def effective_action(line: PlannedLine, decisions: Mapping[int, Action]) -> Action:
    """The line's action once the user chose for it (duplicates only)."""
    if line.duplicate_of is not None and line.action is not Action.REFUSED:
        return decisions.get(line.line, line.action)
    return line.action


def is_duplicate(line: PlannedLine) -> bool:
    """A line the user chooses for: it duplicates an existing record and is not refused."""
    return line.duplicate_of is not None and line.action is not Action.REFUSED


class PreviewModel(QAbstractTableModel):
    """The Action cell of a duplicate is editable (double click, F2): the choice for
    that line, as the combo under the table sets it; ``decided(line)`` then."""

    decided = Signal(int)

    def __init__(self, lang: str = "fr", parent: QAbstractTableModel | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.plan: ImportPlan | None = None
        self.decisions: dict[int, Action] = {}
        self.filter = Filter.ALL
        self._rows: list[int] = []  # indexes into plan.lines

    # --- content --------------------------------------------------------------------

    def set_plan(self, plan: ImportPlan | None, decisions: dict[int, Action]) -> None:
        self.beginResetModel()
        self.plan = plan
        self.decisions = decisions
        self._refilter()
        self.endResetModel()

    def set_filter(self, name: str) -> None:
        self.beginResetModel()
        self.filter = name
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        lines = self.plan.lines if self.plan is not None else ()
        if self.filter == Filter.REFUSED:
            self._rows = [i for i, pl in enumerate(lines) if pl.action is Action.REFUSED]
        elif self.filter == Filter.DUPLICATES:
            self._rows = [
                i
                for i, pl in enumerate(lines)
                if pl.duplicate_of is not None and pl.action is not Action.REFUSED
            ]
        else:
            self._rows = list(range(len(lines)))

    def line_at(self, row: int) -> PlannedLine | None:
        if self.plan is None or not 0 <= row < len(self._rows):
            return None
        return self.plan.lines[self._rows[row]]

    def row_of_line(self, number: int) -> int:
        for row in range(len(self._rows)):
            line = self.line_at(row)
            if line is not None and line.line == number:
                return row
        return -1

    def decide(self, row: int, action: Action) -> bool:
        line = self.line_at(row)
        if line is None or not is_duplicate(line) or action not in DECISIONS:
            return False
        self.decisions[line.line] = action
        self.dataChanged.emit(self.index(row, ACTION), self.index(row, ACTION))
        self.decided.emit(line.line)
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        line = self.line_at(index.row()) if index.isValid() else None
        if index.column() == ACTION and line is not None and is_duplicate(line):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != ACTION:
            return False
        try:
            action = Action(str(value))
        except ValueError:
            return False
        return self.decide(index.row(), action)

    def all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, ACTION), self.index(len(self._rows) - 1, ACTION))

    # --- Qt's model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Line"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Existing record"),
            self.tr("Problems"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        line = self.line_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, col)
        if role == Qt.ItemDataRole.EditRole and col == ACTION:
            return effective_action(line, self.decisions).value
        if role == Qt.ItemDataRole.ForegroundRole and col in (ACTION, PROBLEMS):
            if line.action is Action.REFUSED:
                return QBrush(REFUSED_COLOR)
            if line.duplicate_of is not None and col == ACTION:
                return QBrush(DUPLICATE_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return line
        return None

    def _text(self, line: PlannedLine, col: int) -> str:
        if col == LINE:
            return formatting.number(line.line)
        if col == ACTION:
            action = effective_action(line, self.decisions)
            if is_duplicate(line):
                return decision_label(action)
            return action_label(action)
        if col == RECORD:
            return line.label
        if col == EXISTING:
            if line.duplicate_of is None:
                return ""
            if line.duplicate_reason:
                return self.tr("{record} ({reason})").format(
                    record=line.duplicate_label,
                    reason=reason_label(line.duplicate_reason, self.lang),
                )
            return line.duplicate_label
        if line.skip_reason and not line.errors:  # a refunded HelloAsso order…
            return words.skip_reason_text(line.skip_reason, self.lang)
        return "; ".join(error_text(e, self.lang) for e in line.errors)


class DecisionDelegate(QStyledItemDelegate):
    """The Action cell of a duplicate edited in place: merge, skip or create anyway."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("What to do with this duplicate"))
        for action in DECISIONS:
            combo.addItem(decision_label(action), action.value)
        # chosen with the mouse or the arrows: taken at once, not only when the cell is left
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
