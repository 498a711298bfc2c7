"""The lines behind a figure of the balance (``balance_service.details``), in a dialog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
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
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.ui.context import AppContext


@dataclass(frozen=True)
class Part:
    """One figure key whose lines are listed, its title, and its sign in the total."""

    figure: str
    title: str
    sign: int = 1


def money_item(cents: int) -> QTableWidgetItem:
    item = QTableWidgetItem(formatting.money(cents))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setData(Qt.ItemDataRole.UserRole, cents)
    return item


def reference_text(row: balance_service.DetailRow) -> str:
    """A line's reference in words: an invoice keeps its number; a usage, membership,
    pack, registration or grant (U577, M56, G10 inside the software) says what it is
    and when (« Usage du 12/03 », « Adhésion 2026 », « Subvention 2025 »)."""
    kind, number = row.reference[:1], row.reference[1:]
    if not number.isdigit() or kind not in "UMPRG":
        return row.reference
    day = formatting.short_date(row.day)
    words = {
        "U": QCoreApplication.translate("FinanceDetails", "Usage of {day}"),
        "M": QCoreApplication.translate("FinanceDetails", "Membership {year}"),
        "P": QCoreApplication.translate("FinanceDetails", "Pack bought {day}"),
        "R": QCoreApplication.translate("FinanceDetails", "Registration of {day}"),
        "G": QCoreApplication.translate("FinanceDetails", "Grant {year}"),
    }
    return words[kind].format(day=day, year=row.day.year)


class DetailsDialog(QDialog):
    """Every line behind ``parts`` between ``first_day`` and ``last_day``, with the total."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        parts: Sequence[Part],
        first_day: date,
        last_day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 480)
        lay = QVBoxLayout(self)
        head = QLabel(
            self.tr("{title} — from {first} to {last}").format(
                title=title,
                first=formatting.short_date(first_day),
                last=formatting.short_date(last_day),
            )
        )
        head.setObjectName("sectionTitle")
        head.setWordWrap(True)
        lay.addWidget(head)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Lines behind the figure"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Figure"),
                self.tr("Source"),
                self.tr("Label"),
                self.tr("Reference"),
                self.tr("Amount"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.total_cents = 0
        rows: list[tuple[Part, balance_service.DetailRow]] = []
        for part in parts:
            rows.extend(
                (part, r) for r in balance_service.details(ctx.db, part.figure, first_day, last_day)
            )
        rows.sort(key=lambda pr: pr[1].day)
        sources = {
            "invoice": self.tr("Invoice"),
            "credit_note": self.tr("Credit note"),
            "usage": self.tr("Usage"),
            "registration": self.tr("Registration"),
            "membership": self.tr("Membership"),
            "pack": self.tr("Pack"),
            "drop_in": self.tr("Cyber-base vouchers"),
            "grant": self.tr("Grant"),
            "in_kind": self.tr("In kind"),
            "expense": self.tr("Expense"),
            "depreciation": self.tr("Depreciation"),
        }
        self.table.setRowCount(len(rows))
        for i, (part, r) in enumerate(rows):
            amount = part.sign * r.amount_cents
            self.total_cents += amount
            self.table.setItem(i, 0, QTableWidgetItem(formatting.short_date(r.day)))
            self.table.setItem(i, 1, QTableWidgetItem(part.title))
            self.table.setItem(i, 2, QTableWidgetItem(sources.get(r.source, r.source)))
            self.table.setItem(i, 3, QTableWidgetItem(r.label))
            reference = QTableWidgetItem(reference_text(r))
            reference.setToolTip(r.reference)  # the record's own reference, for support
            self.table.setItem(i, 4, reference)
            self.table.setItem(i, 5, money_item(amount))
        if len(parts) == 1:
            self.table.setColumnHidden(1, True)
        self.total = QLabel(
            self.tr("{count} lines · total {total}").format(
                count=formatting.number(len(rows)), total=formatting.money(self.total_cents)
            )
            if rows
            else self.tr("No line behind this figure for the period.")
        )
        self.total.setAccessibleName(self.tr("Total of the lines"))
        lay.addWidget(self.total)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
