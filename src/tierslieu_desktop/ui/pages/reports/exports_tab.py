"""Rapports › Exports: a table of a year as a spreadsheet (XLSX or CSV for French
spreadsheets), the FEC (fichier des écritures comptables) of a fiscal year, and the B2C
e-reporting XML of a period (DGFiP flux 10, docs/e-reporting.md)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today, utcnow
from tierslieu_desktop.domain.ereporting import PAYMENTS, TRANSACTIONS, B2cReport, Transmission
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n.formatting import money
from tierslieu_desktop.services.billing.ereporting import export_ereporting
from tierslieu_desktop.services.finance import exports
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.pages.finances.labels import account_key_name
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate

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
        this_year = lab_today().year

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
        lay.addWidget(self._ereporting_box())

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Export result"))
        lay.addWidget(self.status)
        lay.addStretch(1)

        self.export_button.clicked.connect(self._choose_file)
        self.fec_button.clicked.connect(self._choose_folder)
        self.ereport_button.clicked.connect(self._choose_ereport_file)

    def _ereporting_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("E-reporting of sales to consumers"))
        form = QFormLayout(box)
        hint = QLabel(
            self.tr(
                "The XML your approved platform sends to the tax administration (DGFiP flux "
                "10): the day's sales to consumers per VAT rate, or the payments received "
                "for services when VAT is due on receipts."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        first_of_month = lab_today().replace(day=1)
        last = first_of_month - timedelta(days=1)
        self.ereport_first = bound_to_accepted_days(QDateEdit(to_qdate(last.replace(day=1))))
        self.ereport_first.setCalendarPopup(True)
        self.ereport_first.setAccessibleName(self.tr("First day of the e-reporting period"))
        form.addRow(self.tr("Fro&m:"), self.ereport_first)
        self.ereport_last = bound_to_accepted_days(QDateEdit(to_qdate(last)))
        self.ereport_last.setCalendarPopup(True)
        self.ereport_last.setAccessibleName(self.tr("Last day of the e-reporting period"))
        form.addRow(self.tr("T&o:"), self.ereport_last)
        self.ereport_kind = QComboBox()
        self.ereport_kind.setAccessibleName(self.tr("What to report"))
        self.ereport_kind.addItem(self.tr("Transactions (flux 10.3)"), TRANSACTIONS)
        self.ereport_kind.addItem(self.tr("Payments (flux 10.4)"), PAYMENTS)
        form.addRow(self.tr("&Report:"), self.ereport_kind)
        self.platform_number = QLineEdit()
        self.platform_number.setMaxLength(4)
        self.platform_number.setAccessibleName(self.tr("Registration number of the platform"))
        self.platform_number.setPlaceholderText(self.tr("4 characters, optional"))
        form.addRow(self.tr("&Platform number:"), self.platform_number)
        self.platform_name = QLineEdit()
        self.platform_name.setMaxLength(120)
        self.platform_name.setAccessibleName(self.tr("Name of the platform"))
        form.addRow(self.tr("Platform &name:"), self.platform_name)
        self.ereport_button = QPushButton(self.tr("Export the e-reportin&g…"))
        self.ereport_button.setAccessibleName(self.tr("Export the e-reporting"))
        form.addRow(self.ereport_button)
        return box

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
            self, self.tr("Export the table"), proposed, filters, kind="exports"
        )
        if path:
            self.export_table(path)

    def _choose_folder(self) -> None:
        directory = file_dialogs.choose_folder(self, self.tr("Folder of the FEC"), kind="fec")
        if directory:
            self.export_fec(directory)

    def _choose_ereport_file(self) -> None:
        first = from_qdate(self.ereport_first.date())
        flux = "103" if self.ereport_kind.currentData() == TRANSACTIONS else "104"
        proposed = f"ereporting-{flux}-{first:%Y-%m-%d}.xml"
        path = file_dialogs.save_file(
            self,
            self.tr("Export the e-reporting"),
            proposed,
            self.tr("XML file (*.xml)"),
            kind="exports",
        )
        if path:
            self.export_ereporting(path)

    def export_ereporting(self, path: str) -> B2cReport | None:
        """Write the chosen period's flux 10 XML to ``path``, or say why nothing is due."""
        if not path.lower().endswith(".xml"):
            path = f"{path}.xml"
        first = from_qdate(self.ereport_first.date())
        last = from_qdate(self.ereport_last.date())
        number_text = self.platform_number.text().strip()
        name = self.platform_name.text().strip()
        if number_text and (len(number_text) != 4 or not name):
            self._say(
                self.tr("The platform number has 4 characters and goes with the platform's name."),
                False,
            )
            return None
        if last <= first:
            self._say(
                self.tr("The period ends after it starts, and lasts two days at least."), False
            )
            return None
        transmission = Transmission(utcnow(), platform=(number_text, name) if number_text else None)
        payments = self.ereport_kind.currentData() == PAYMENTS
        try:
            report = export_ereporting(
                self.ctx.db, first, last, path, transmission, payments=payments
            )
        except OSError as exc:
            self._say(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc), False)
            return None
        except DomainError as exc:
            self._say(error_message(exc), False)
            return None
        if report.empty:
            if report.declarant.vat_regime == "exempt_non_profit":
                why = self.tr(
                    "the structure is exempt from VAT (art. 261-7-1° CGI): exempt operations "
                    "are outside e-reporting."
                )
            elif payments and not report.declarant.owes_payment_data:
                why = self.tr("no payment data is due: VAT on services is not due on receipts.")
            else:
                why = self.tr("no sale to a consumer in the period.")
            self._say(self.tr("Nothing to report, no file written: {0}").format(why), True)
        elif payments:
            text = self.tr("E-reporting written to {0}: {1} received for taxed services.").format(
                path, money(report.paid_cents)
            )
            if report.unexpressed:
                text += " " + self.tr(
                    "Refunds exceed the payments on %Ln days: the flux takes no negative "
                    "amount, tell your platform.",
                    "",
                    len(report.unexpressed),
                )
            self._say(text, True)
        else:
            self._say(
                self.tr("E-reporting written to {0}: {1} excl. VAT, VAT {2}.").format(
                    path, money(report.base_cents), money(report.vat_cents)
                ),
                True,
            )
        if not report.empty:
            announce_saved(self, path, "report")
        return report

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
        self._say(self.tr("%Ln rows exported to {path}.", "", count).format(path=path), True)
        announce_saved(self, path, "report")
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
        announce_saved(self, written.path, "report")
        return written.path

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
