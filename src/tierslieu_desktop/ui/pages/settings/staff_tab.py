"""Paramètres › Équipe: the salariés, bénévoles and volontaires en service civique running
the lab, with the hours they give a month (the annual report's head-count and hours,
services.people.staff)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import StaffKind
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.validation import text_limit
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people import staff as staff_service
from tierslieu_desktop.services.people.staff import MAX_HOURS_PER_MONTH, StaffInput, StaffRow
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.labels import staff_kind_labels
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.typed import TypedForm


class StaffTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[StaffRow] = []
        self._read = False  # the table is read when first shown
        self.editing: int | None = None
        self.editing_version: int | None = None  # the row's version when selected (issue 20)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The people running the lab: employees, volunteers and civic service "
                "volunteers, with the hours they give a month. The annual report prints "
                "their head-count and hours."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Staff and volunteers"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Role"),
                self.tr("Hours a month"),
                self.tr("Period"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        lay.addWidget(self.table, 1)

        self.form = ValidatedForm()
        f = self.form
        self.name = f.add_field("name", self.tr("&Name:"), QLineEdit())
        self.name.setMaxLength(text_limit("name"))
        self.kind = f.add_field("kind", self.tr("&Kind:"), QComboBox())
        for kind, text in staff_kind_labels().items():
            self.kind.addItem(text, kind.value)
        self.role = f.add_field("role", self.tr("R&ole:"), QLineEdit())
        self.role.setMaxLength(text_limit("role"))
        self.hours = f.add_field("hours_per_month", self.tr("&Hours a month:"), QSpinBox())
        self.hours.setRange(0, MAX_HOURS_PER_MONTH)
        self.start = f.add_field("start_date", self.tr("&From:"), QDateEdit())
        bound_to_accepted_days(self.start)
        self.start.setCalendarPopup(True)
        self.start.setDate(to_qdate(lab_today()))
        self.ongoing = f.add_field("ongoing", self.tr("Until:"), QCheckBox(self.tr("Still here")))
        self.ongoing.setChecked(True)
        self.end = f.add_field("end_date", self.tr("&Left on:"), QDateEdit())
        bound_to_accepted_days(self.end)
        self.end.setCalendarPopup(True)
        self.end.setDate(to_qdate(lab_today()))
        self.end.setEnabled(False)
        # what was typed survives another desk's change (issue 20, widgets/typed.py); the
        # record it edits is ``editing`` at ``editing_version``
        self.typed = TypedForm(
            self.name, self.kind, self.role, self.hours, self.start, self.ongoing, self.end
        )
        self.typed.filled()
        lay.addLayout(f)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Ne&w"))
        self.new_button.setAccessibleName(self.tr("New person"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the person"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the person"))
        for b in (self.new_button, self.save_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

        self.ongoing.toggled.connect(lambda on: self.end.setEnabled(not on))
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.new_button.clicked.connect(self.clear_form)
        self.save_button.clicked.connect(self.submit)
        self.remove_button.clicked.connect(self.remove)
        load_when_shown(self, self.reload)

    def refresh(self) -> None:
        """A change made elsewhere: the table read again, the person chosen kept; the form
        shows their fresh values unless something was typed there, which stays with the
        version it was typed on (the save is then refused as stale, never overwriting)."""
        if not self._read:
            return  # not shown yet: read when first shown
        edited, version = self.typed.edited, self.editing_version
        self.reload(self.editing)
        if edited:
            self.editing_version = version
        elif self.editing is not None and self.table.selectionModel().selectedRows():
            self._on_selected()  # the fresh values, and the version to save from

    def reload(self, select_id: int | None = None) -> None:
        self._read = True
        self._rows = staff_service.list_staff(self.ctx.db)
        kinds = staff_kind_labels()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._rows))
        for i, r in enumerate(self._rows):
            until = formatting.short_date(r.end_date) if r.end_date else "…"
            period = f"{formatting.short_date(r.start_date)} – {until}"
            cells = [r.name, kinds[r.kind], r.role, str(r.hours_per_month), period]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, j, item)
            if r.id == select_id:
                self.table.selectRow(i)
                if r.id == self.editing:  # just saved here: the next save starts from it
                    self.editing_version = r.version
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.remove_button.setEnabled(self.editing is not None)

    def _on_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        r = self._rows[rows[0].row()]
        self.editing = r.id
        self.editing_version = r.version  # saved from this version (issue 20)
        self.name.setText(r.name)
        self.kind.setCurrentIndex(max(self.kind.findData(r.kind.value), 0))
        self.role.setText(r.role)
        self.hours.setValue(r.hours_per_month)
        self.start.setDate(to_qdate(r.start_date))
        self.ongoing.setChecked(r.end_date is None)
        if r.end_date is not None:
            self.end.setDate(to_qdate(r.end_date))
        self.typed.filled()
        self.remove_button.setEnabled(True)

    def clear_form(self) -> None:
        self.editing = None
        self.editing_version = None
        self.table.clearSelection()
        self.name.clear()
        self.role.clear()
        self.hours.setValue(0)
        self.ongoing.setChecked(True)
        self.form.clear_errors()
        self.message.clear()
        self.remove_button.setEnabled(False)
        self.typed.filled()
        self.name.setFocus()

    def submit(self) -> int | None:
        self.form.clear_errors()
        self.message.clear()
        data = StaffInput(
            name=self.name.text(),
            kind=StaffKind(self.kind.currentData()),
            hours_per_month=self.hours.value(),
            start_date=from_qdate(self.start.date()),
            end_date=None if self.ongoing.isChecked() else from_qdate(self.end.date()),
            role=self.role.text(),
        )
        try:
            staff_id = staff_service.save_staff(
                self.ctx.db,
                self.ctx.operator_id,
                data,
                self.editing,
                expected_version=self.editing_version if self.editing is not None else None,
            )
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return None
        except DomainError as exc:
            if retry_when_busy(self, exc):
                return self.submit()
            self.message.setText(error_message(exc))
            return None
        self.editing = staff_id
        self.ctx.notify("staff", [staff_id])
        self.reload(staff_id)
        return staff_id

    def remove(self) -> None:
        if self.editing is None:
            return
        if not confirm(
            self,
            self.tr("Remove"),
            self.tr("Remove {name}? Someone who left gets an end date instead.").format(
                name=self.name.text()
            ),
            self.tr("Remove"),
        ):
            return
        try:
            staff_service.delete_staff(
                self.ctx.db, self.editing, expected_version=self.editing_version
            )
        except DomainError as exc:
            self.message.setText(error_message(exc))
            return
        removed = self.editing
        self.clear_form()
        self.ctx.notify("staff", [removed])
        self.reload()
