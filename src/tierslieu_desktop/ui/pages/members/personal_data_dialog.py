"""« Données personnelles… » of a member card (issue 19, point 3): the consents with their
dated history, the export of everything held about the member (a PDF to read and a JSON
file, both written side by side) and the anonymisation — irreversible, so the desk types
the member's number to confirm, and refused with the reason while the member still has a
basket, something to pay or to be refunded, or bookings and sessions to come."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people.consents import ConsentChangeRow, consent_history
from tierslieu_desktop.services.privacy import anonymise as anonymise_service
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import run_write, show_error


def consent_text(row: ConsentChangeRow) -> str:
    """« Photos withdrawn » / « Newsletter given »."""
    if row.consent == "newsletter":
        if row.given:
            return QCoreApplication.translate("PersonalData", "Newsletter given")
        return QCoreApplication.translate("PersonalData", "Newsletter withdrawn")
    if row.given:
        return QCoreApplication.translate("PersonalData", "Photos given")
    return QCoreApplication.translate("PersonalData", "Photos withdrawn")


def blocker_text(code: str) -> str:
    texts = {
        "open_basket": QCoreApplication.translate(
            "PersonalData", "a basket is open in the member's name (validate or cancel it)"
        ),
        "unbilled_usages": QCoreApplication.translate(
            "PersonalData", "usages are not invoiced yet"
        ),
        "open_balance": QCoreApplication.translate(
            "PersonalData", "an invoice is not fully paid (or a credit note not refunded)"
        ),
        "bookings_to_come": QCoreApplication.translate(
            "PersonalData", "bookings are to come or in progress"
        ),
        "registrations_to_come": QCoreApplication.translate(
            "PersonalData", "registrations to sessions to come"
        ),
    }
    return texts.get(code, code)


class PersonalDataDialog(QDialog):
    """The member's personal data: consents history, export, anonymisation."""

    def __init__(self, ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.anonymised = False
        self.preview = anonymise_service.anonymise_preview(ctx.db, member_id)
        self.setWindowTitle(self.tr("Personal data of {name}").format(name=self.preview.name))
        self.setAccessibleName(self.tr("Personal data of the member"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "Everything held about {name} (no. {number}) can be handed over as a PDF "
                "to read and a JSON file (GDPR art. 15 and 20)."
            ).format(name=self.preview.name, number=self.preview.number)
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)

        box = QGroupBox(self.tr("Consents and their history"))
        bl = QVBoxLayout(box)
        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Change"), self.tr("Recorded by")]
        )
        self.history.setAccessibleName(self.tr("Consents history"))
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.history.setMinimumHeight(110)
        self.history.setMaximumHeight(180)
        bl.addWidget(self.history)
        lay.addWidget(box)
        self._fill_history()

        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export (PDF and JSON)…"))
        self.export_button.setAccessibleName(self.tr("Export the member's personal data"))
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        row.addStretch(1)
        lay.addLayout(row)

        anon = QGroupBox(self.tr("Anonymise"))
        al = QVBoxLayout(anon)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("anonymiseStatus")
        al.addWidget(self.status)
        confirm_row = QHBoxLayout()
        self.confirm_label = QLabel(self.tr("Type the member's number to confirm:"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setAccessibleName(self.tr("Member's number to confirm"))
        self.confirm_edit.setPlaceholderText(self.preview.number)
        self.confirm_edit.setMaxLength(20)
        self.confirm_label.setBuddy(self.confirm_edit)
        confirm_row.addWidget(self.confirm_label)
        confirm_row.addWidget(self.confirm_edit, 1)
        al.addLayout(confirm_row)
        self.anonymise_button = QPushButton(self.tr("&Anonymise"))
        self.anonymise_button.setAccessibleName(self.tr("Anonymise the member"))
        self.anonymise_button.clicked.connect(self.anonymise)
        al.addWidget(self.anonymise_button, 0, Qt.AlignmentFlag.AlignRight)
        self.confirm_edit.textChanged.connect(self._update)
        lay.addWidget(anon)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._show_status()

    def _fill_history(self) -> None:
        rows = consent_history(self.ctx.db, self.member_id)
        self.history.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (
                formatting.local_datetime(row.at),
                consent_text(row),
                row.operator or "—",
            )
            for col, text in enumerate(cells):
                self.history.setItem(i, col, QTableWidgetItem(text))

    def _show_status(self) -> None:
        p = self.preview
        if p.anonymised_at is not None:
            text = self.tr("Anonymised on {date}.").format(
                date=formatting.local_datetime(p.anonymised_at)
            )
        elif p.blockers:
            text = self.tr("Cannot be anonymised yet: {reasons}.").format(
                reasons="; ".join(blocker_text(b) for b in p.blockers)
            )
        else:
            text = self.tr(
                "Irreversible: the name becomes “Anonyme n° {number}”; e-mail, phone, "
                "address, birth year, notes and consents are erased."
            ).format(number=p.number)
            text += " " + self.tr(
                "%Ln invoices and credit notes keep the buyer as issued (kept 10 years).",
                "",
                p.invoices_kept,
            )
        self.status.setText(text)
        possible = p.possible and not self.anonymised
        self.confirm_edit.setEnabled(possible)
        self.confirm_label.setEnabled(possible)
        self._update()

    def _update(self) -> None:
        typed = self.confirm_edit.text().strip().casefold()
        self.anonymise_button.setEnabled(
            self.preview.possible
            and not self.anonymised
            and typed == self.preview.number.casefold()
        )

    def export(self) -> None:
        path = file_dialogs.save_file(
            self,
            self.tr("Export the personal data of {name}").format(name=self.preview.name),
            f"donnees-{self.preview.number}.pdf",
            self.tr("PDF files (*.pdf)"),
            kind="report",
        )
        if path:
            written = self.write_export(path)
            if written:
                announce_saved(self, written[0], "report")

    def write_export(self, path: str) -> tuple[Path, Path] | None:
        """Write the PDF and, beside it, the JSON file (same name, .json)."""
        from tierslieu_desktop.reports.personal_data import (
            member_data_json,
            member_data_pdf,
            output_paths,
        )
        from tierslieu_desktop.services.privacy.export import member_data

        pdf, json_path = output_paths(path)
        try:
            data = member_data(self.ctx.db, self.member_id)
            write_private_bytes(str(pdf), member_data_pdf(data))
            write_private_bytes(str(json_path), member_data_json(data))
        except DomainError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export the personal data"),
                self.tr("The file could not be written: {error}").format(error=exc.strerror or exc),
            )
            return None
        return pdf, json_path

    def anonymise(self) -> None:
        number = self.confirm_edit.text()
        try:
            run_write(
                self,
                lambda: anonymise_service.anonymise_member(
                    self.ctx.db, self.ctx.operator_id, self.member_id, confirm_number=number
                ),
            )
        except DomainError as exc:
            show_error(self, exc)
            return
        self.anonymised = True
        self.ctx.notify("member", [self.member_id])
        self.preview = anonymise_service.anonymise_preview(self.ctx.db, self.member_id)
        self.confirm_edit.clear()
        self._fill_history()
        self._show_status()
