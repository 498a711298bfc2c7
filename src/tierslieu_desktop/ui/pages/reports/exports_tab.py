"""Rapports › Exports: a table of a year as a spreadsheet (XLSX or CSV for French
spreadsheets), and the FEC (fichier des écritures comptables) of a fiscal year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n.formatting import number
from tierslieu_desktop.services.finance import exports
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.pages.finances.labels import account_key_name

ERROR_STYLE = "color: #b71c1c;"
OK_STYLE = "color: #1b5e20;"
YEARS_BACK = 10


class ExportsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        names = {
            "members": self.tr("Members"),
            "bookings": self.tr("Bookings"),
            "usages": self.tr("Usages"),
            "invoices": self.tr("Invoices and credit notes"),
            "payments": self.tr("Payments"),
            "grants": self.tr("Grants"),
            "expenses": self.tr("Expenses"),
        }
        this_year = date.today().year

        table_box = QGroupBox(self.tr("Export a table"))
        form = QFormLayout(table_box)
        self.table = QComboBox()
        self.table.setAccessibleName(self.tr("Table to export"))
        for key in exports.TABLES:
            self.table.addItem(names[key], key)
        form.addRow(self.tr("&Table:"), self.table)
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year of the rows"))
        self.year.addItem(self.tr("All years"), None)
        for y in range(this_year, this_year - YEARS_BACK, -1):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(1)
        form.addRow(self.tr("&Year:"), self.year)
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("File format"))
        self.format.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.format.addItem(self.tr("CSV for French spreadsheets (;)"), "csv")
        form.addRow(self.tr("&Format:"), self.format)
        self.export_button = QPushButton(self.tr("E&xport the table…"))
        self.export_button.setAccessibleName(self.tr("Export the table"))
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        form.addRow(self.export_button)
        lay.addWidget(table_box)

        fec_box = QGroupBox(self.tr("Accounting entries file (FEC)"))
        fec_form = QFormLayout(fec_box)
        hint = QLabel(
            self.tr(
                "The FEC of a fiscal year (1 January to 31 December): sales, credit notes "
                "and payments, for the accountant or a tax audit."
            )
        )
        hint.setWordWrap(True)
        fec_form.addRow(hint)
        self.fec_year = QComboBox()
        self.fec_year.setAccessibleName(self.tr("Fiscal year of the FEC"))
        for y in range(this_year, this_year - YEARS_BACK, -1):
            self.fec_year.addItem(str(y), y)
        fec_form.addRow(self.tr("Fiscal &year:"), self.fec_year)
        self.fec_button = QPushButton(self.tr("Export the FE&C…"))
        self.fec_button.setAccessibleName(self.tr("Export the FEC"))
        fec_form.addRow(self.fec_button)
        lay.addWidget(fec_box)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Export result"))
        lay.addWidget(self.status)
        lay.addStretch(1)

        self.export_button.clicked.connect(self._choose_file)
        self.fec_button.clicked.connect(self._choose_folder)

    # actions --------------------------------------------------------------------

    def _choose_file(self) -> None:
        fmt = self.format.currentData()
        year = self.year.currentData()
        suffix = f"-{year}" if year else ""
        proposed = f"{self.table.currentData()}{suffix}.{fmt}"
        filters = (
            self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("CSV file (*.csv)")
        )
        path = file_dialogs.save_file(
            self, self.tr("Export the table"), str(Path.home() / proposed), filters
        )
        if path:
            self.export_table(path)

    def _choose_folder(self) -> None:
        directory = file_dialogs.choose_folder(self, self.tr("Folder of the FEC"), str(Path.home()))
        if directory:
            self.export_fec(directory)

    def export_table(self, path: str) -> int | None:
        """Write the chosen table and year to ``path``; say how many rows."""
        fmt = self.format.currentData()
        if not path.lower().endswith(f".{fmt}"):
            path = f"{path}.{fmt}"
        write = exports.export_xlsx if fmt == "xlsx" else exports.export_csv
        try:
            count = write(self.ctx.db, self.table.currentData(), self.year.currentData(), path)
        except OSError as exc:
            self._say(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc), False)
            return None
        self._say(self.tr("{0} row(s) exported to {1}.").format(number(count), path), True)
        return count

    def export_fec(self, directory: str) -> Path | None:
        """Write the FEC of the chosen fiscal year in ``directory``."""
        try:
            written = exports.export_fec(self.ctx.db, self.fec_year.currentData(), directory)
        except OSError as exc:
            self._say(
                self.tr("Could not write in {0}: {1}").format(directory, exc.strerror or exc),
                False,
            )
            return None
        except DomainError as exc:
            self._say(error_message(exc), False)
            return None
        text = self.tr("FEC written: {0}").format(str(written.path))
        if written.every_default:
            text += " " + self.tr(
                "Default accounts used for every account: none is saved in Finances › Accounts."
            )
        elif written.defaulted:
            text += " " + self.tr(
                "Default accounts used for: {0} (none saved in Finances › Accounts)."
            ).format(", ".join(account_key_name(key) for key in written.defaulted))
        self._say(text, True)
        return written.path

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
