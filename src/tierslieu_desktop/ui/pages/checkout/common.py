"""Small pieces shared by the tabs of the Caisse & factures page."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from types import ModuleType
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.context import AppContext

MUTED_STYLE = "color: #53626d;"
TOTAL_STYLE = "font-size: 14pt; font-weight: 600; color: #1f3a4d;"


def payment_methods() -> dict[str, str]:
    """Payment method code → French label, in the order offered at the desk."""
    return {
        "cash": QCoreApplication.translate("CheckoutLabels", "Cash"),
        "card": QCoreApplication.translate("CheckoutLabels", "Card"),
        "cheque": QCoreApplication.translate("CheckoutLabels", "Cheque"),
        "transfer": QCoreApplication.translate("CheckoutLabels", "Bank transfer"),
        "pass_numerique": QCoreApplication.translate("CheckoutLabels", "Pass numérique"),
        "wallet": QCoreApplication.translate("CheckoutLabels", "Wallet"),
        "mandate": QCoreApplication.translate("CheckoutLabels", "Administrative mandate"),
    }


def document_kinds() -> dict[str, str]:
    return {
        "invoice": QCoreApplication.translate("CheckoutLabels", "Invoice"),
        "credit_note": QCoreApplication.translate("CheckoutLabels", "Credit note"),
    }


def closing_kinds() -> dict[str, str]:
    return {
        "day": QCoreApplication.translate("CheckoutLabels", "Day"),
        "month": QCoreApplication.translate("CheckoutLabels", "Month"),
        "year": QCoreApplication.translate("CheckoutLabels", "Year"),
    }


def save_path(parent: QWidget | None, title: str, name: str, filters: str) -> str:
    """Ask where to save a file ("" when cancelled). One function, so tests can answer."""
    return file_dialogs.save_file(parent, title, name, filters, kind="invoices")


def make_table(name: str, headers: Sequence[str], *, stretch: int | None = None) -> QTableWidget:
    """A read-only table that selects whole rows, named for screen readers."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def make_view(name: str, model: QAbstractItemModel, *, stretch: int | None = None) -> QTableView:
    """A read-only view of a lazily formatted model (ui.models.rows_table), looking like
    :func:`make_table`. Columns fit what is on screen only: sizing them to every row
    would format every cell."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(0)  # the rows on screen, not the whole list
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def cell(text: str, *, right: bool = False, tip: str = "", data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        item.setToolTip(tip)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def money_cell(cents: int | None, tip: str = "") -> QTableWidgetItem:
    return cell(formatting.money(cents), right=True, tip=tip)


def fill_table(table: QTableWidget, rows: Sequence[Sequence[QTableWidgetItem]]) -> None:
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, items in enumerate(rows):
        for c, item in enumerate(items):
            table.setItem(r, c, item)


def row_data(table: QTableView) -> Any:
    """The UserRole data of the first cell of the selected row (None when nothing)."""
    row = table.currentIndex().row()
    if row < 0:
        return None
    model = table.model()
    return model.data(model.index(row, 0), Qt.ItemDataRole.UserRole)


def table_texts(table: QTableView) -> list[list[str]]:
    """Every cell as shown (the rows loaded so far), for tests."""
    model = table.model()
    return [
        [str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def quantity_text(quantity_milli: int, unit: str = "") -> str:
    value = formatting.number(Decimal(quantity_milli) / 1000)
    return f"{value} {unit}".strip()


def pdf() -> ModuleType:
    """The PDF writers, imported when first needed (ReportLab is slow to load)."""
    from tierslieu_desktop.reports import invoice_pdf

    return invoice_pdf


def structure_logo(ctx: AppContext) -> bytes | None:
    """The lab's logo, printed at the top of its invoices and reminders."""
    from tierslieu_desktop.services.people.structure import get_structure

    return get_structure(ctx.db).logo
