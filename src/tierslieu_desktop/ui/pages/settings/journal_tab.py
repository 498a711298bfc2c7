"""Paramètres › Journal (issue 19): every change made through the application, newest
first, one page of rows at a time read in SQL, filtered by operator, kind of record and
dates; each row says « champ : avant → après »."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services.audit import (
    PAGE_SIZE,
    AuditRow,
    JournalFilter,
    journal_count,
    journal_entities,
    journal_page,
)
from tierslieu_desktop.services.people.operators import list_operators
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.qdates import bound_to_accepted_days
from tierslieu_desktop.ui.widgets.history import changes_text, entity_name, fill_row
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.responsive import FlowLayout


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class JournalTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.offset = 0
        self.total = 0
        self.rows: list[AuditRow] = []
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every change made in the application: who, when, and each field before → "
                "after. The journal cannot be changed; each finished day is sealed into the "
                "integrity chain."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.filters_box = filters_box = QWidget()
        filters = FlowLayout(filters_box)
        self.operator = QComboBox()
        self.operator.setAccessibleName(self.tr("Operator"))
        self.entity = QComboBox()
        self.entity.setAccessibleName(self.tr("Kind of record"))
        for combo in (self.operator, self.entity):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.dated = QCheckBox(self.tr("From"))
        self.dated.setAccessibleName(self.tr("Only the changes of a period"))
        today = lab_today()
        self.start = bound_to_accepted_days(QDateEdit(_qdate(today - timedelta(days=30))))
        self.start.setCalendarPopup(True)
        self.start.setAccessibleName(self.tr("First day"))
        self.end = bound_to_accepted_days(QDateEdit(_qdate(today)))
        self.end.setCalendarPopup(True)
        self.end.setAccessibleName(self.tr("Last day"))
        to = QLabel(self.tr("to"))
        shown: list[QWidget] = [QLabel(self.tr("Operator:")), self.operator]
        shown += [QLabel(self.tr("Record:")), self.entity, self.dated, self.start, to, self.end]
        for widget in shown:
            filters.addWidget(widget)
        lay.addWidget(filters_box)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Operator"),
                self.tr("Record"),
                self.tr("Action"),
                self.tr("Changes"),
            ]
        )
        self.table.setAccessibleName(self.tr("Journal of the changes"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        pager = QHBoxLayout()
        self.newer = QPushButton(self.tr("&Newer"))
        self.newer.setAccessibleName(self.tr("Newer changes"))
        self.older = QPushButton(self.tr("O&lder"))
        self.older.setAccessibleName(self.tr("Older changes"))
        self.position = QLabel()
        pager.addWidget(self.newer)
        pager.addWidget(self.position, 1)
        pager.addWidget(self.older)
        lay.addLayout(pager)
        self.newer.clicked.connect(lambda: self._page(-PAGE_SIZE))
        self.older.clicked.connect(lambda: self._page(PAGE_SIZE))
        self.operator.currentIndexChanged.connect(self.apply_filter)
        self.entity.currentIndexChanged.connect(self.apply_filter)
        self.dated.toggled.connect(self._dated_toggled)
        self.start.dateChanged.connect(self._dates_changed)
        self.end.dateChanged.connect(self._dates_changed)
        self._dated_toggled(False)
        self._loading = False
        load_when_shown(self, self.reload)

    def reload(self) -> None:
        """The filters' choices read again, then the first page."""
        self._loading = True
        try:
            current_op = self.operator.currentData()
            current_entity = self.entity.currentData()
            self.operator.clear()
            self.operator.addItem(self.tr("Everyone"), None)
            for op in list_operators(self.ctx.db, include_inactive=True):
                self.operator.addItem(op.name, op.id)
            self.entity.clear()
            self.entity.addItem(self.tr("All"), None)
            for entity in journal_entities(self.ctx.db):
                self.entity.addItem(entity_name(entity), entity)
            for combo, value in ((self.operator, current_op), (self.entity, current_entity)):
                index = combo.findData(value)
                combo.setCurrentIndex(max(0, index))
                combo.adjustSize()
            layout = self.filters_box.layout()
            if layout is not None:
                layout.invalidate()
        finally:
            self._loading = False
        self.apply_filter()

    def current_filter(self) -> JournalFilter:
        dated = self.dated.isChecked()
        return JournalFilter(
            operator_id=self.operator.currentData(),
            entity=self.entity.currentData(),
            start=_pydate(self.start.date()) if dated else None,
            end=_pydate(self.end.date()) if dated else None,
        )

    def apply_filter(self) -> None:
        if self._loading:
            return
        self.offset = 0
        self.total = journal_count(self.ctx.db, self.current_filter())
        self._show()

    def _dated_toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        if not getattr(self, "_loading", True):
            self.apply_filter()

    def _dates_changed(self) -> None:
        if self.dated.isChecked():
            self.apply_filter()

    def _page(self, step: int) -> None:
        self.offset = max(0, min(self.offset + step, max(0, self.total - 1)))
        self._show()

    def _show(self) -> None:
        self.rows = journal_page(self.ctx.db, self.current_filter(), offset=self.offset)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            fill_row(self.table, index, row, with_entity=True)
        self.table.resizeRowsToContents()
        if self.rows:
            self.position.setText(
                self.tr("Changes {first}–{last} of {total}").format(
                    first=self.offset + 1, last=self.offset + len(self.rows), total=self.total
                )
            )
        else:
            self.position.setText(self.tr("No change recorded."))
        self.newer.setEnabled(self.offset > 0)
        self.older.setEnabled(self.offset + len(self.rows) < self.total)

    def texts(self) -> list[str]:
        """The changes column, top to bottom (what a test reads)."""
        return [changes_text(r) for r in self.rows]
