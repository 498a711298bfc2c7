"""Rapports › Comptes rendus aux financeurs: the grants and, for the selected one, its
compte rendu financier (CERFA 15059 spirit) as PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n.formatting import money, short_date
from tierslieu_desktop.services.finance import funding as finance
from tierslieu_desktop.services.reporting import grant_report
from tierslieu_desktop.ui import file_dialogs, printing
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.widgets.lazy import load_when_shown

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


class GrantReportsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.grants: list[finance.GrantRow] = []
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The financial report owed to a funder for a grant: planned and actual budget "
                "of the financed action, payments received, activity indicators and a "
                "signature block."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Funder"),
                self.tr("Purpose"),
                self.tr("Period"),
                self.tr("Granted"),
                self.tr("Report due"),
                self.tr("Report status"),
            ]
        )
        self.table.setAccessibleName(self.tr("Grants"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.verticalHeader().setVisible(False)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("&Write the financial report…"))
        self.generate_button.setAccessibleName(self.tr("Write the financial report of the grant"))
        self.generate_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("&Print the financial report…"))
        self.print_button.setAccessibleName(self.tr("Print the financial report of the grant"))
        self.print_button.setEnabled(False)
        row.addStretch(1)
        row.addWidget(self.generate_button)
        row.addWidget(self.print_button)
        lay.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Report status"))
        lay.addWidget(self.status)
        self.table.itemSelectionChanged.connect(lambda: self._sync_buttons())
        self.table.doubleClicked.connect(lambda _i: self.ask_and_write())
        self.generate_button.clicked.connect(self.ask_and_write)
        self.print_button.clicked.connect(self.print_report)
        load_when_shown(self, self.refresh)

    def refresh(self) -> None:
        statuses = {
            "none": self.tr("none"),
            "todo": self.tr("to do"),
            "sent": self.tr("sent"),
            "accepted": self.tr("accepted"),
        }
        self.grants = finance.list_grants(self.ctx.db)
        self.table.setRowCount(len(self.grants))
        for r, g in enumerate(self.grants):
            period = f"{short_date(g.period_start)} – {short_date(g.period_end)}"
            values = [
                g.funder_name,
                g.purpose,
                period,
                money(g.granted_cents) if g.granted_cents is not None else "—",
                short_date(g.report_due) if g.report_due else "",
                statuses.get(g.report_status, g.report_status),
            ]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        chosen = self.selected() is not None
        self.generate_button.setEnabled(chosen)
        self.print_button.setEnabled(chosen)

    def print_report(self) -> bool:
        """The selected grant's financial report in the print preview."""
        g = self.selected()
        if g is None:
            return False
        data = grant_report(self.ctx.db, g.id)
        return printing.print_pdf(self, data, "report", self.tr("Print the financial report"))

    def selected(self) -> finance.GrantRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.grants[rows[0].row()] if rows else None

    def ask_and_write(self) -> None:
        g = self.selected()
        if g is None:
            return
        default = self.tr("financial-report-%1.pdf").replace("%1", str(g.id))
        path = file_dialogs.save_file(
            self,
            self.tr("Save the financial report"),
            default,
            self.tr("PDF files (*.pdf)"),
            kind="reports",
        )
        if path:
            self.write(g.id, path if path.lower().endswith(".pdf") else path + ".pdf")

    def write(self, grant_id: int, path: str) -> bool:
        try:
            write_private_bytes(path, grant_report(self.ctx.db, grant_id))
        except OSError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(
                self.tr("The report could not be written: %1").replace(
                    "%1", str(exc.strerror or exc)
                )
            )
            return False
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("Report written to %1.").replace("%1", path))
        announce_saved(self, path, "report")
        return True
