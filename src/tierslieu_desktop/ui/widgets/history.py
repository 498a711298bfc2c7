"""The audit trail in words (issue 19): « champ : avant → après » with the columns' names
translated where known (else the column's own name), money, dates and yes / no as the
desk reads them; and the « Historique » of one record (a member, a booking, a machine),
one small table fed by ``services.audit.history``."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.audit import AuditRow, Change, history
from tierslieu_desktop.services.common import Database

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
MAX_VALUE = 60  # characters of one value shown


def field_name(field: str) -> str:
    """A column's name for the desk."""
    names = {
        "first_name": QCoreApplication.translate("Journal", "first name"),
        "last_name": QCoreApplication.translate("Journal", "last name"),
        "phone": QCoreApplication.translate("Journal", "phone"),
        "email": QCoreApplication.translate("Journal", "email"),
        "address": QCoreApplication.translate("Journal", "address"),
        "postcode": QCoreApplication.translate("Journal", "postcode"),
        "city": QCoreApplication.translate("Journal", "town"),
        "birth_year": QCoreApplication.translate("Journal", "birth year"),
        "note": QCoreApplication.translate("Journal", "note"),
        "notes": QCoreApplication.translate("Journal", "notes"),
        "name": QCoreApplication.translate("Journal", "name"),
        "status": QCoreApplication.translate("Journal", "status"),
        "start_at": QCoreApplication.translate("Journal", "start"),
        "end_at": QCoreApplication.translate("Journal", "end"),
        "start_date": QCoreApplication.translate("Journal", "from"),
        "end_date": QCoreApplication.translate("Journal", "until"),
        "day": QCoreApplication.translate("Journal", "date"),
        "amount_cents": QCoreApplication.translate("Journal", "amount"),
        "fee_cents": QCoreApplication.translate("Journal", "fee"),
        "cost_cents": QCoreApplication.translate("Journal", "cost"),
        "value_cents": QCoreApplication.translate("Journal", "value"),
        "label": QCoreApplication.translate("Journal", "label"),
        "supplier": QCoreApplication.translate("Journal", "supplier"),
        "category": QCoreApplication.translate("Journal", "category"),
        "activity": QCoreApplication.translate("Journal", "activity"),
        "description": QCoreApplication.translate("Journal", "description"),
        "reason": QCoreApplication.translate("Journal", "reason"),
        "archived": QCoreApplication.translate("Journal", "archived"),
        "active": QCoreApplication.translate("Journal", "active"),
        "trainer": QCoreApplication.translate("Journal", "trainer"),
        "granted_on": QCoreApplication.translate("Journal", "granted on"),
        "member_id": QCoreApplication.translate("Journal", "member"),
        "machine_id": QCoreApplication.translate("Journal", "machine"),
        "space_id": QCoreApplication.translate("Journal", "space"),
        "deleted_at": QCoreApplication.translate("Journal", "deleted on"),
        "deleted_by_id": QCoreApplication.translate("Journal", "deleted by"),
        "deletion_reason": QCoreApplication.translate("Journal", "reason of the removal"),
        "payment_day": QCoreApplication.translate("Journal", "paid on"),
        "payment_method": QCoreApplication.translate("Journal", "payment method"),
    }
    return names.get(field, field)


def entity_name(entity: str) -> str:
    """A table's name for the desk."""
    names = {
        "member": QCoreApplication.translate("Journal", "Member"),
        "membership": QCoreApplication.translate("Journal", "Membership"),
        "booking": QCoreApplication.translate("Journal", "Booking"),
        "usage": QCoreApplication.translate("Journal", "Usage"),
        "machine": QCoreApplication.translate("Journal", "Machine"),
        "space": QCoreApplication.translate("Journal", "Space"),
        "authorization": QCoreApplication.translate("Journal", "Authorization"),
        "maintenance_entry": QCoreApplication.translate("Journal", "Maintenance"),
        "calendar_exception": QCoreApplication.translate("Journal", "Calendar exception"),
        "expense": QCoreApplication.translate("Journal", "Expense"),
        "grant": QCoreApplication.translate("Journal", "Grant"),
        "funder": QCoreApplication.translate("Journal", "Funder"),
        "in_kind_contribution": QCoreApplication.translate("Journal", "In-kind contribution"),
        "operator": QCoreApplication.translate("Journal", "Operator"),
        "structure": QCoreApplication.translate("Journal", "Structure"),
        "basket": QCoreApplication.translate("Journal", "Basket"),
        "registration": QCoreApplication.translate("Journal", "Registration"),
    }
    return names.get(entity, entity)


def action_name(action: str) -> str:
    names = {
        "create": QCoreApplication.translate("Journal", "created"),
        "update": QCoreApplication.translate("Journal", "changed"),
        "delete": QCoreApplication.translate("Journal", "deleted"),
        "restore": QCoreApplication.translate("Journal", "restored"),
    }
    return names.get(action, action)


def value_text(field: str, value: Any) -> str:
    """One value as the desk reads it ("—" for none)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dict) and "sha256" in value:  # personal data erased since
        return QCoreApplication.translate("Journal", "(erased)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Journal", "yes")
            if value
            else QCoreApplication.translate("Journal", "no")
        )
    if field.endswith("_cents") and isinstance(value, int):
        return formatting.money(value)
    if isinstance(value, str) and _DAY.match(value):
        try:
            return formatting.short_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, str) and _INSTANT.match(value):
        try:
            return formatting.local_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    text = str(value).replace("\n", " ")
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def change_text(change: Change) -> str:
    """« champ : avant → après » (a created row: « champ : valeur »)."""
    name = field_name(change.field)
    after = value_text(change.field, change.after)
    if change.before is None or change.before == "":
        return f"{name}{formatting.colon()} {after}"
    before = value_text(change.field, change.before)
    return f"{name}{formatting.colon()} {before} → {after}"


def changes_text(row: AuditRow, separator: str = " ; ") -> str:
    """Every change of the row; a created row's unset yes / no fields left out."""
    shown = [c for c in row.changes if not (row.action == "create" and c.after is False)]
    return separator.join(change_text(c) for c in shown)


def fill_row(table: QTableWidget, index: int, row: AuditRow, *, with_entity: bool) -> None:
    """One journal row in ``table`` (its columns: date, operator, [what,] action, changes)."""
    cells = [formatting.local_datetime(row.at), row.operator or "—"]
    if with_entity:
        cells.append(f"{entity_name(row.entity)} n° {row.entity_id}")
    cells += [action_name(row.action), changes_text(row, "\n")]
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        table.setItem(index, column, item)


class HistoryView(QWidget):
    """« Historique »: every change of one record, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self.tr("No change recorded."))
        lay.addWidget(self.empty)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Operator"), self.tr("Action"), self.tr("Changes")]
        )
        self.table.setAccessibleName(self.tr("History of the record"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.rows: list[AuditRow] = []

    def show_history(self, db: Database, entity: str, entity_id: int | None) -> None:
        self.rows = [] if entity_id is None else history(db, entity, entity_id)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            fill_row(self.table, index, row, with_entity=False)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.rows)

    def texts(self) -> list[str]:
        """The changes column, top to bottom (what a test reads)."""
        return [changes_text(r) for r in self.rows]


class HistoryDialog(QDialog):
    """The « Historique » of one record in its own window."""

    def __init__(
        self, db: Database, entity: str, entity_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        self.view = HistoryView()
        self.view.show_history(db, entity, entity_id)
        lay.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(close.text().replace("&", ""))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(760, 420)
