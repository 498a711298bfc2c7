"""A weekly series before it is saved: every occurrence with the rule it breaks, if any.
The user skips the refused ones and books the others, or cancels (nothing saved)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.scheduling.bookings import Occurrence
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.pages.bookings.calendar import long_day

REFUSED = QColor("#9a1d15")
Index = QModelIndex | QPersistentModelIndex


class OccurrenceModel(QAbstractTableModel):
    """Date, time and verdict of each occurrence (the refusal as its French sentence)."""

    DATE, TIME, RESULT = range(3)

    def __init__(self, occurrences: list[Occurrence], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.occurrences = list(occurrences)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.occurrences)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Time"), self.tr("Result"))[section]

    def result_text(self, occ: Occurrence) -> str:
        if occ.problem is None:
            return self.tr("Can be booked")
        return self.tr("Refused: {reason}").format(reason=error_message(occ.problem))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.occurrences):
            return None
        occ = self.occurrences[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.DATE:
                return long_day(local_day_and_minute(occ.start_at)[0])
            if col == self.TIME:
                start, end = formatting.local_time(occ.start_at), formatting.local_time(occ.end_at)
                return f"{start}–{end}"
            return self.result_text(occ)
        if role == Qt.ItemDataRole.ForegroundRole and occ.problem is not None:
            return REFUSED
        return None

    def refused(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.problem is not None]


class SeriesDialog(QDialog):
    def __init__(self, occurrences: list[Occurrence], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weekly series"))
        self.setMinimumSize(760, 400)
        self.model = OccurrenceModel(occurrences, self)
        refused = len(self.model.refused())
        bookable = len(occurrences) - refused
        lay = QVBoxLayout(self)
        if refused == 1:
            text = self.tr(
                "{total} occurrences: one cannot be booked (in red). Skip it and book the "
                "{bookable} others, or cancel to change the booking."
            ).format(total=len(occurrences), bookable=bookable)
        elif refused:
            text = self.tr(
                "{total} occurrences: {refused} cannot be booked (listed in red). Skip them "
                "and book the {bookable} others, or cancel to change the booking."
            ).format(total=len(occurrences), refused=refused, bookable=bookable)
        else:
            text = self.tr("{total} occurrences, all can be booked.").format(total=len(occurrences))
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Occurrences of the series"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        lay.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        if refused == 1:
            label = self.tr("&Skip it and book the {count} others")
        elif refused:
            label = self.tr("&Skip them and book the {count} others")
        else:
            label = self.tr("&Book the {count} occurrences")
        label = label.format(count=bookable)
        self.book_button = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.book_button.setVisible(bookable > 0)
        self.book_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        if bookable == 0:
            self.summary.setText(
                self.tr("No occurrence of this series can be booked: change the booking.")
            )
