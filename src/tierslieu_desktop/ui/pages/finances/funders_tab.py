"""Finances › Financeurs et subventions: the funders, the grants (amounts requested,
granted and received, the report owed) with their payments, and the in-kind
contributions (premises, staff, goods, volunteering) of a year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.finance import funding as finance
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import run_write, show_error
from tierslieu_desktop.ui.pages.finances.details import money_item
from tierslieu_desktop.ui.pages.finances.dialogs import (
    FinanceDialog,
    FunderDialog,
    GrantDialog,
    InKindDialog,
    PaymentDialog,
)
from tierslieu_desktop.ui.pages.finances.labels import (
    in_kind_names,
    level_names,
    name_of,
    nature_names,
    report_status_names,
    sector_names,
)
from tierslieu_desktop.ui.widgets.confirm import ask_reason, confirm
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.tables import item_at

REFRESH_ON = ("funder", "grant", "in_kind", "machine")


def make_table(name: str, headers: list[str], stretch: int = 0) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.setProperty("wide_column", stretch)  # the text column fit_columns lets grow more
    return table


def fit_columns(table: QTableWidget, cap: int = 220) -> None:
    """Size the columns to their contents, none wider than ``cap`` pixels (the user can
    widen them; the stretched column takes the rest)."""
    table.resizeColumnsToContents()
    wide = table.property("wide_column")
    for col in range(table.columnCount()):
        limit = cap + 100 if col == wide else cap
        table.setColumnWidth(col, min(table.columnWidth(col), limit))


def text_item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def button(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(name)
    return b


def current_data(table: QTableWidget) -> Any:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item else None


def due_text(rows: list[finance.GrantRow], today: date) -> str:
    """The grants' reports to write: those past their date said « en retard », the
    others (within 30 days) « à rendre bientôt »."""

    def items(chosen: list[finance.GrantRow]) -> str:
        return ", ".join(
            f"{g.funder_name} — {g.purpose} ({formatting.short_date(g.report_due)})" for g in chosen
        )

    overdue = [g for g in rows if g.report_due is not None and g.report_due < today]
    soon = [g for g in rows if g.report_due is None or g.report_due >= today]
    parts = []
    if overdue:
        text = QCoreApplication.translate("FundersTab", "⚠ Report overdue: {items}")
        parts.append(text.format(items=items(overdue)))
    if soon:
        text = QCoreApplication.translate("FundersTab", "⚠ Report due soon: {items}")
        parts.append(text.format(items=items(soon)))
    return "\n".join(parts)


class FundersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: FinanceDialog | None = None
        self._grants: dict[int, finance.GrantRow] = {}
        self._funders: dict[int, finance.FunderRow] = {}
        self._in_kind: dict[int, finance.InKindRow] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Vertical)
        lay.addWidget(splitter)

        top = QSplitter(Qt.Orientation.Horizontal)
        # funders
        box = QGroupBox(self.tr("Funders"))
        b = QVBoxLayout(box)
        self.funders = make_table(
            self.tr("Funders"), [self.tr("Name"), self.tr("Sector"), self.tr("Level")]
        )
        b.addWidget(self.funders)
        row = QHBoxLayout()
        self.new_funder_button = button(self.tr("New funder…"), self.tr("New funder"))
        self.edit_funder_button = button(self.tr("Edit…"), self.tr("Edit the funder"))
        self.archive_funder_button = button(self.tr("Archive…"), self.tr("Archive the funder"))
        row.addWidget(self.new_funder_button)
        row.addWidget(self.edit_funder_button)
        row.addWidget(self.archive_funder_button)
        row.addStretch(1)
        b.addLayout(row)
        top.addWidget(box)

        # in-kind contributions
        box = QGroupBox(self.tr("In-kind contributions"))
        b = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year:")))
        self.in_kind_year = QSpinBox()
        self.in_kind_year.setRange(2000, 2100)
        self.in_kind_year.setValue(lab_today().year)
        self.in_kind_year.setAccessibleName(self.tr("Year of the in-kind contributions"))
        row.addWidget(self.in_kind_year)
        row.addStretch(1)
        b.addLayout(row)
        self.in_kind = make_table(
            self.tr("In-kind contributions"),
            [
                self.tr("Given by"),
                self.tr("Kind"),
                self.tr("Description"),
                self.tr("Hours"),
                self.tr("Value"),
            ],
            2,
        )
        b.addWidget(self.in_kind)
        row = QHBoxLayout()
        self.new_in_kind_button = button(
            self.tr("New contribution…"), self.tr("New in-kind contribution")
        )
        self.edit_in_kind_button = button(self.tr("Edit…"), self.tr("Edit the contribution"))
        self.delete_in_kind_button = button(self.tr("Delete…"), self.tr("Delete the contribution"))
        row.addWidget(self.new_in_kind_button)
        row.addWidget(self.edit_in_kind_button)
        row.addWidget(self.delete_in_kind_button)
        row.addStretch(1)
        b.addLayout(row)
        top.addWidget(box)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        splitter.addWidget(top)

        # grants
        box = QGroupBox(self.tr("Grants"))
        b = QVBoxLayout(box)
        self.due_line = QLabel()
        self.due_line.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.due_line.setWordWrap(True)
        self.due_line.hide()
        b.addWidget(self.due_line)
        row = QHBoxLayout()
        self.all_years = QCheckBox(self.tr("All years"))
        self.all_years.setAccessibleName(self.tr("Show the grants of all years"))
        self.all_years.setChecked(True)
        row.addWidget(self.all_years)
        self.grant_year = QSpinBox()
        self.grant_year.setRange(2000, 2100)
        self.grant_year.setValue(lab_today().year)
        self.grant_year.setAccessibleName(self.tr("Year of the grants"))
        self.grant_year.setEnabled(False)
        row.addWidget(self.grant_year)
        row.addStretch(1)
        b.addLayout(row)
        self.grants = make_table(
            self.tr("Grants"),
            [
                self.tr("Funder"),
                self.tr("Purpose"),
                self.tr("Nature"),
                self.tr("Period"),
                self.tr("Requested"),
                self.tr("Granted"),
                self.tr("Received"),
                self.tr("Report due"),
                self.tr("Report"),
            ],
            1,
        )
        inner = QHBoxLayout()
        inner.addWidget(self.grants, 3)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Payments of the grant:")))
        self.payments = make_table(
            self.tr("Payments of the grant"),
            [self.tr("Date"), self.tr("Amount"), self.tr("Note")],
            2,
        )
        side.addWidget(self.payments)
        inner.addLayout(side, 1)
        b.addLayout(inner)
        row = QHBoxLayout()
        self.new_grant_button = button(self.tr("New grant…"), self.tr("New grant"))
        self.edit_grant_button = button(self.tr("Edit…"), self.tr("Edit the grant"))
        self.payment_button = button(
            self.tr("Payment received…"), self.tr("Record a payment of the grant")
        )
        self.delete_grant_button = button(self.tr("Delete…"), self.tr("Delete the grant"))
        for w in (
            self.new_grant_button,
            self.edit_grant_button,
            self.payment_button,
            self.delete_grant_button,
        ):
            row.addWidget(w)
        row.addStretch(1)
        b.addLayout(row)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.new_funder_button.clicked.connect(lambda: self.edit_funder(new=True))
        self.edit_funder_button.clicked.connect(lambda: self.edit_funder())
        self.funders.activated.connect(lambda _i: self.edit_funder())
        self.new_grant_button.clicked.connect(lambda: self.edit_grant(new=True))
        self.edit_grant_button.clicked.connect(lambda: self.edit_grant())
        self.grants.activated.connect(lambda _i: self.edit_grant())
        self.payment_button.clicked.connect(self.add_payment)
        self.grants.currentCellChanged.connect(lambda *_: self._fill_payments())
        self.archive_funder_button.clicked.connect(self.archive_funder)
        self.delete_grant_button.clicked.connect(self.delete_grant)
        self.delete_in_kind_button.clicked.connect(self.delete_in_kind)
        self.new_in_kind_button.clicked.connect(lambda: self.edit_in_kind(new=True))
        self.edit_in_kind_button.clicked.connect(lambda: self.edit_in_kind())
        self.in_kind.activated.connect(lambda _i: self.edit_in_kind())
        self.in_kind_year.valueChanged.connect(lambda _v: self.reload_in_kind())
        self.grant_year.valueChanged.connect(lambda _v: self.reload_grants())
        self.all_years.toggled.connect(self._all_years_toggled)
        ctx.changed.connect(self._on_changed)
        load_when_shown(self, self.reload)

    # --- loading ---------------------------------------------------------------------

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in REFRESH_ON:
            self.reload()

    def _all_years_toggled(self, checked: bool) -> None:
        self.grant_year.setEnabled(not checked)
        self.reload_grants()

    def reload(self) -> None:
        self.reload_funders()
        self.reload_grants()
        self.reload_in_kind()

    def reload_funders(self) -> None:
        keep = current_data(self.funders)
        rows = finance.list_funders(self.ctx.db)
        self._funders = {r.id: r for r in rows}
        sectors, levels = sector_names(), level_names()
        self.funders.setRowCount(len(rows))
        for i, r in enumerate(rows):
            self.funders.setItem(i, 0, text_item(r.name, r.id))
            self.funders.setItem(i, 1, text_item(name_of(sectors, r.sector)))
            self.funders.setItem(i, 2, text_item(name_of(levels, r.level)))
            if r.id == keep:
                self.funders.setCurrentCell(i, 0)
        fit_columns(self.funders)
        self.edit_funder_button.setEnabled(bool(rows))
        self.archive_funder_button.setEnabled(bool(rows))

    def reload_grants(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else current_data(self.grants)
        year = None if self.all_years.isChecked() else self.grant_year.value()
        rows = finance.list_grants(self.ctx.db, year=year)
        self._grants = {g.id: g for g in rows}
        natures, statuses = nature_names(), report_status_names()
        today = lab_today()
        self.grants.blockSignals(True)
        self.grants.setRowCount(len(rows))
        for i, g in enumerate(rows):
            self.grants.setItem(i, 0, text_item(g.funder_name, g.id))
            self.grants.setItem(i, 1, text_item(g.purpose))
            self.grants.setItem(i, 2, text_item(name_of(natures, g.nature)))
            self.grants.setItem(
                i,
                3,
                text_item(
                    f"{formatting.short_date(g.period_start)} – {formatting.short_date(g.period_end)}"
                ),
            )
            self.grants.setItem(i, 4, money_item(g.requested_cents))
            granted = money_item(g.granted_cents or 0)
            if g.granted_cents is None:
                granted.setText(self.tr("pending"))
            self.grants.setItem(i, 5, granted)
            self.grants.setItem(i, 6, money_item(g.received_cents))
            due = text_item(formatting.short_date(g.report_due))
            late = (
                g.report_due is not None
                and g.report_status in ("none", "todo")
                and (g.report_due - today).days <= 30
            )
            if late:
                due.setForeground(Qt.GlobalColor.darkRed)
                due.setText("⚠ " + due.text())
                if g.report_due is not None and g.report_due < today:
                    due.setText(self.tr("⚠ {day}, overdue").format(day=due.text()[2:]))
            self.grants.setItem(i, 7, due)
            self.grants.setItem(i, 8, text_item(name_of(statuses, g.report_status)))
            if g.id == keep:
                self.grants.setCurrentCell(i, 0)
        self.grants.blockSignals(False)
        fit_columns(self.grants, 180)
        due_rows = finance.reports_due(self.ctx.db, today)
        self.due_line.setText(due_text(due_rows, today))
        self.due_line.setVisible(bool(due_rows))
        self._fill_payments()

    def _fill_payments(self) -> None:
        grant = self.current_grant()
        rows = finance.grant_payments(self.ctx.db, grant.id) if grant else []
        self.payments.setRowCount(len(rows))
        for i, (pid, day, cents, note) in enumerate(rows):
            self.payments.setItem(i, 0, text_item(formatting.short_date(day), pid))
            self.payments.setItem(i, 1, money_item(cents))
            self.payments.setItem(i, 2, text_item(note))
        fit_columns(self.payments)
        self.edit_grant_button.setEnabled(grant is not None)
        self.payment_button.setEnabled(grant is not None)
        self.delete_grant_button.setEnabled(grant is not None)

    def reload_in_kind(self) -> None:
        rows = finance.list_in_kind(self.ctx.db, self.in_kind_year.value())
        self._in_kind = {r.id: r for r in rows}
        kinds = in_kind_names()
        self.in_kind.setRowCount(len(rows))
        for i, r in enumerate(rows):
            self.in_kind.setItem(i, 0, text_item(r.funder_name or self.tr("Volunteers"), r.id))
            self.in_kind.setItem(i, 1, text_item(name_of(kinds, r.kind)))
            self.in_kind.setItem(i, 2, text_item(r.description))
            self.in_kind.setItem(
                i, 3, text_item("" if r.hours is None else formatting.number(r.hours))
            )
            self.in_kind.setItem(i, 4, money_item(r.value_cents))
        fit_columns(self.in_kind, 180)
        self.edit_in_kind_button.setEnabled(bool(rows))
        self.delete_in_kind_button.setEnabled(bool(rows))

    # --- selection -------------------------------------------------------------------

    def current_grant(self) -> finance.GrantRow | None:
        gid = current_data(self.grants)
        return self._grants.get(gid) if gid is not None else None

    def select_grant(self, grant_id: int) -> bool:
        for i in range(self.grants.rowCount()):
            if item_at(self.grants, i, 0).data(Qt.ItemDataRole.UserRole) == grant_id:
                self.grants.setCurrentCell(i, 0)
                return True
        return False

    # --- actions ---------------------------------------------------------------------

    def _open(self, dialog: FinanceDialog) -> FinanceDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_funder(self, new: bool = False) -> FinanceDialog | None:
        row = None if new else self._funders.get(current_data(self.funders))
        if not new and row is None:
            return None
        return self._open(FunderDialog(self.ctx, row, self))

    def edit_grant(self, new: bool = False) -> FinanceDialog | None:
        grant = None if new else self.current_grant()
        if not new and grant is None:
            return None
        funder_id = current_data(self.funders) if new else None
        dialog = GrantDialog(self.ctx, grant, self, funder_id=funder_id)
        dialog.accepted.connect(lambda: self.select_grant(dialog.saved_id or -1))
        return self._open(dialog)

    def add_payment(self) -> FinanceDialog | None:
        grant = self.current_grant()
        if grant is None:
            return None
        return self._open(PaymentDialog(self.ctx, grant, self))

    def edit_in_kind(self, new: bool = False) -> FinanceDialog | None:
        row = None if new else self._in_kind.get(current_data(self.in_kind))
        if not new and row is None:
            return None
        dialog = InKindDialog(self.ctx, row, self)
        if new:
            dialog.year.setValue(self.in_kind_year.value())
        return self._open(dialog)

    # --- removal (issue 19: kept, marked deleted with a reason; funders archived) -------

    def archive_funder(self) -> bool:
        row = self._funders.get(current_data(self.funders))
        if row is None or not confirm(
            self,
            self.tr("Archive the funder"),
            self.tr(
                "Archive {name}? It leaves the list of funders; its grants and contributions stay."
            ).format(name=row.name),
            self.tr("Archive"),
        ):
            return False
        return self._remove(
            lambda: finance.set_funder_archived(
                self.ctx.db, self.ctx.operator_id, row.id, True, expected_version=row.version
            )
        )

    def delete_grant(self) -> bool:
        grant = self.current_grant()
        if grant is None:
            return False
        reason = ask_reason(
            self,
            self.tr("Delete the grant"),
            self.tr(
                "Delete the grant “{purpose}”? Do it only for a grant entered by mistake: it "
                "is kept in the journal, with your reason."
            ).format(purpose=grant.purpose),
            self.tr("Delete"),
        )
        if reason is None:
            return False
        return self._remove(
            lambda: finance.delete_grant(
                self.ctx.db, self.ctx.operator_id, grant.id, reason, expected_version=grant.version
            )
        )

    def delete_in_kind(self) -> bool:
        row = self._in_kind.get(current_data(self.in_kind))
        if row is None:
            return False
        reason = ask_reason(
            self,
            self.tr("Delete the contribution"),
            self.tr("Delete the contribution “{what}”?").format(what=row.description),
            self.tr("Delete"),
        )
        if reason is None:
            return False
        return self._remove(
            lambda: finance.delete_in_kind(
                self.ctx.db, self.ctx.operator_id, row.id, reason, expected_version=row.version
            )
        )

    def _remove(self, action: Callable[[], object]) -> bool:
        try:
            run_write(self, action)
        except DomainError as err:
            show_error(self, err)
            return False
        self.ctx.notify("grant", [])
        self.reload()
        return True
