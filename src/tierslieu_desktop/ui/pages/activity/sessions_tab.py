"""The "Sessions" tab: the month calendar and the sessions of the chosen day on the left;
the upcoming sessions and the selected session's detail on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.activity.calendar import SessionCalendar
from tierslieu_desktop.ui.pages.activity.dialogs import ActivitiesDialog, SessionDialog
from tierslieu_desktop.ui.pages.activity.models import SessionTableModel
from tierslieu_desktop.ui.pages.activity.session_detail import SessionDetail
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE
from tierslieu_desktop.ui.widgets.lazy import load_when_shown

NowFn = Callable[[], datetime]
OK_STYLE = "color: #1d6b36;"


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


class SessionsTab(QWidget):
    def __init__(self, ctx: AppContext, now: NowFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New session…"))
        self.new_button.setToolTip(self.tr("Plan a session (Ctrl+Shift+N)"))
        self.activities_button = QPushButton(self.tr("Ac&tivities…"))
        self.activities_button.setToolTip(self.tr("Create, edit or archive the activities"))
        for b in (self.new_button, self.activities_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
            bar.addWidget(b)
        self.status = QLabel()
        self.status.setObjectName("activityStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What happened"))
        bar.addWidget(self.status, 1)
        lay.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.calendar = SessionCalendar()
        self.calendar.setMinimumWidth(300)
        splitter.addWidget(self.calendar)
        right = QSplitter(Qt.Orientation.Vertical)
        upcoming_box = QWidget()
        ul = QVBoxLayout(upcoming_box)
        ul.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Upcoming sessions"))
        heading.setStyleSheet("font-weight: 600;")
        ul.addWidget(heading)
        self.upcoming_model = SessionTableModel(self)
        self.upcoming = QTableView()
        self.upcoming.setModel(self.upcoming_model)
        self.upcoming.setAccessibleName(self.tr("Upcoming sessions"))
        self.upcoming.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.upcoming.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.upcoming.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.upcoming.setAlternatingRowColors(True)
        self.upcoming.verticalHeader().hide()
        header = self.upcoming.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.upcoming.setWordWrap(False)
        header.setStretchLastSection(True)
        for key, width in (("activity", 230), ("kind", 150), ("trainer", 130)):  # elided
            column = SessionTableModel.COLUMNS.index(key)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        ul.addWidget(self.upcoming, 1)
        heading.setBuddy(self.upcoming)
        right.addWidget(upcoming_box)
        self.detail = SessionDetail(ctx, now)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        lay.addWidget(splitter, 1)

        self.new_button.clicked.connect(lambda: self.new_session())
        self.activities_button.clicked.connect(lambda: self.manage_activities())
        new = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(lambda: self.new_session())
        self.upcoming.selectionModel().selectionChanged.connect(lambda *_a: self._on_upcoming())
        self.calendar.session_chosen.connect(self.show_session)
        self.calendar.month_changed.connect(lambda _m: self._load_month())
        self.detail.message.connect(self.show_message)
        self.calendar.set_day(to_local(now()).date())
        load_when_shown(self, self.refresh)

    # --- loading -------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.detail.session.id if self.detail.session is not None else None
        self.upcoming_model.set_rows(activities.upcoming_sessions(self.ctx.db, now=self.now()))
        self._load_month()
        self.detail.show_session(selected)
        self._select_upcoming(selected)

    def _load_month(self) -> None:
        first = self.calendar.month()
        start = local_day_bounds(first)[0]
        end = local_day_bounds(_next_month(first))[0]
        self.calendar.set_sessions(activities.list_sessions(self.ctx.db, start, end))

    def _select_upcoming(self, session_id: int | None) -> None:
        row = -1 if session_id is None else self.upcoming_model.row_of(session_id)
        self.upcoming.blockSignals(True)
        self.upcoming.selectionModel().blockSignals(True)
        if row >= 0:
            self.upcoming.selectRow(row)
        else:
            self.upcoming.clearSelection()
        self.upcoming.selectionModel().blockSignals(False)
        self.upcoming.blockSignals(False)

    def _on_upcoming(self) -> None:
        rows = self.upcoming.selectionModel().selectedRows()
        if rows:
            s = self.upcoming_model.row_at(rows[0].row())
            self.detail.show_session(s.id)
            self.calendar.set_day(to_local(s.start_at).date())

    def show_session(self, session_id: int) -> None:
        """Select a session (its day in the calendar, its line in the lists)."""
        self.detail.show_session(session_id)
        if self.detail.session is not None:
            day = to_local(self.detail.session.start_at).date()
            if day != self.calendar.selected_day():
                self.calendar.set_day(day)
        self._select_upcoming(session_id)

    def show_message(self, text: str, is_error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if is_error else OK_STYLE)
        self.status.setText(text)

    # --- actions -------------------------------------------------------------------

    def new_session(self, *, run: bool = True) -> SessionDialog:
        dialog = SessionDialog(self.ctx, day=self.calendar.selected_day(), parent=self)

        def saved() -> None:
            if dialog.saved_id is not None:
                self.show_session(dialog.saved_id)
                self.show_message(self.tr("The session is planned."))

        dialog.accepted.connect(saved)
        if run:
            dialog.exec()
        return dialog

    def manage_activities(self, *, run: bool = True) -> ActivitiesDialog:
        dialog = ActivitiesDialog(self.ctx, self)
        if run:
            dialog.exec()
        return dialog

    def open_session(self, session_id: int) -> None:
        try:
            self.show_session(session_id)
        except DomainError as err:  # pragma: no cover - a session deleted meanwhile
            from tierslieu_desktop.ui.errors import error_message

            self.show_message(error_message(err), True)
