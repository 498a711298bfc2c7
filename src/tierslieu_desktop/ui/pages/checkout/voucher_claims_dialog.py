"""Demandes de remboursement Pass numérique (issue 22): the month's voucher numbers taken at
the cyber-base listed for the issuer (services.finance.voucher_claims), saved as PDF with
its CSV beside it, the lists sent and whether the issuer paid, and « the issuer paid this
list » recorded as the settlement of the receivable (the FEC's BQ entry 512 / 4687). The
vouchers close to expiry and not yet claimed are said at the top.

Opened from the issuers' settlements dialog (voucher_settlement_dialog.py). Files are
asked through ui/file_dialogs.save_file only (never Qt's file dialog directly: see its docstring),
written 0600 and announced."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.mediation import VoucherClaim
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.finance import voucher_claims
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, field_message, retry_when_busy
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE

ISSUER = "pass_numerique"  # the drop-in log's vouchers (domain.finance.VOUCHER_ISSUERS)


class VoucherClaimsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Pass numérique claims"))
        self.setAccessibleName(self.tr("Pass numérique claims"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each month, send the issuer the list of the voucher numbers taken at the "
                "cyber-base. When it pays, record the payment here: the accounts clear "
                "what it owed."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.expiry = QLabel()
        self.expiry.setWordWrap(True)
        self.expiry.setStyleSheet(ERROR_STYLE)
        self.expiry.setAccessibleName(self.tr("Vouchers close to expiry"))
        lay.addWidget(self.expiry)

        month_row = QHBoxLayout()
        month_label = QLabel(self.tr("&Month:"))
        self.month = bound_to_accepted_days(QDateEdit())
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setAccessibleName(self.tr("Month of the visits"))
        today = to_local(utcnow()).date()
        previous = QDate(today.year, today.month, 1).addMonths(-1)
        self.month.setDate(previous)
        month_label.setBuddy(self.month)
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Vouchers left to claim"))
        self.issue_button = QPushButton(self.tr("&Make the claim…"))
        self.issue_button.setAccessibleName(self.tr("Make the month's claim and save it"))
        month_row.addWidget(month_label)
        month_row.addWidget(self.month)
        month_row.addWidget(self.preview, 1)
        month_row.addWidget(self.issue_button)
        lay.addLayout(month_row)

        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Claims sent"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Claim"), self.tr("Vouchers"), self.tr("Reimbursed")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)

        paid_row = QHBoxLayout()
        paid_label = QLabel(self.tr("&Paid on:"))
        self.paid_on = bound_to_accepted_days(QDateEdit())
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat("dd/MM/yyyy")
        self.paid_on.setDate(to_qdate(today))
        self.paid_on.setAccessibleName(self.tr("Day the issuer paid"))
        paid_label.setBuddy(self.paid_on)
        self.paid_button = QPushButton(self.tr("&Record the reimbursement"))
        self.paid_button.setAccessibleName(self.tr("Record the reimbursement of the claim"))
        self.print_button = QPushButton(self.tr("&Save again…"))
        self.print_button.setAccessibleName(self.tr("Save the claim again"))
        paid_row.addWidget(paid_label)
        paid_row.addWidget(self.paid_on)
        paid_row.addWidget(self.paid_button)
        paid_row.addStretch(1)
        paid_row.addWidget(self.print_button)
        lay.addLayout(paid_row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Last action"))
        lay.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in buttons.buttons():
            button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

        self.month.dateChanged.connect(lambda _d: self._show_preview())
        self.issue_button.clicked.connect(self.issue)
        self.paid_button.clicked.connect(self.record_paid)
        self.print_button.clicked.connect(self.save_again)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()
        self.resize(640, 440)

    # --- reading ----------------------------------------------------------------------

    def _year_month(self) -> tuple[int, int]:
        day = from_qdate(self.month.date())
        return day.year, day.month

    def reload(self) -> None:
        expiring = voucher_claims.claims_near_expiry(self.ctx.db)
        if expiring:
            first = expiring[0]
            self.expiry.setText(
                self.tr(
                    "Vouchers not claimed yet that expire soon: {n} (the first, {number}, on "
                    "{day}). Send them with this month's claim."
                ).format(
                    n=len(expiring), number=first.number, day=formatting.long_date(first.expires_on)
                )
            )
        self.expiry.setVisible(bool(expiring))
        self.claims = voucher_claims.list_claims(self.ctx.db, ISSUER)
        self.table.setRowCount(len(self.claims))
        for row, (reference, count, paid) in enumerate(self.claims):
            self.table.setItem(row, 0, QTableWidgetItem(reference))
            self.table.setItem(row, 1, QTableWidgetItem(formatting.number(count)))
            self.table.setItem(row, 2, QTableWidgetItem(self.tr("yes") if paid else self.tr("no")))
        self._show_preview()
        self._update_buttons()

    def _show_preview(self) -> None:
        claim = voucher_claims.claim_preview(self.ctx.db, ISSUER, *self._year_month())
        self.preview.setText(
            self.tr("Vouchers to claim: {n} ({amount})").format(
                n=len(claim.vouchers), amount=formatting.money(claim.total_cents)
            )
        )
        self.issue_button.setEnabled(bool(claim.vouchers))

    def selected_reference(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.claims[rows[0].row()][0] if rows else None

    def _update_buttons(self) -> None:
        reference = self.selected_reference()
        paid = any(r == reference and p for r, _n, p in self.claims)
        self.paid_button.setEnabled(reference is not None and not paid)
        self.print_button.setEnabled(reference is not None)

    # --- actions ----------------------------------------------------------------------

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet("" if ok else ERROR_STYLE)
        self.status.setText(text)

    def _save(self, claim: VoucherClaim, path: str = "") -> str:
        """The claim as PDF where the user says, its CSV beside it; "" when cancelled."""
        from tierslieu_desktop.fileperms import write_private_bytes
        from tierslieu_desktop.reports.voucher_claim import claim_csv, claim_pdf
        from tierslieu_desktop.ui.desktop_files import announce_saved
        from tierslieu_desktop.ui.file_dialogs import save_file

        if not path:
            path = save_file(
                self,
                self.tr("Save the claim"),
                f"{claim.reference}.pdf",
                self.tr("PDF (*.pdf)"),
                kind="voucher_claim",
            )
        if not path:
            return ""
        pdf = Path(path).with_suffix(".pdf")
        write_private_bytes(pdf, claim_pdf(claim))
        write_private_bytes(pdf.with_suffix(".csv"), claim_csv(claim))
        announce_saved(self, pdf)
        return str(pdf)

    def issue(self, path: str = "") -> str:
        """Mark the month's vouchers as claimed, then save the list (``path``: tests)."""
        try:
            claim = voucher_claims.issue_claim(
                self.ctx.db, self.ctx.operator_id, ISSUER, *self._year_month()
            )
        except DomainError as err:
            if retry_when_busy(self, err):
                return self.issue(path)
            self._say(error_message(err), ok=False)
            return ""
        self.ctx.notify("drop_in", [])
        self.reload()
        saved = self._save(claim, path)
        self._say(
            self.tr("Claim {reference} made ({amount}, vouchers: {n}).").format(
                reference=claim.reference,
                n=len(claim.vouchers),
                amount=formatting.money(claim.total_cents),
            )
        )
        return saved

    def save_again(self, path: str = "") -> str:
        reference = self.selected_reference()
        if reference is None:
            return ""
        try:
            claim = voucher_claims.get_claim(self.ctx.db, ISSUER, reference)
        except DomainError as err:
            self._say(error_message(err), ok=False)
            return ""
        return self._save(claim, path)

    def record_paid(self) -> bool:
        reference = self.selected_reference()
        if reference is None:
            return False
        try:
            voucher_claims.record_reimbursement(
                self.ctx.db,
                self.ctx.operator_id,
                ISSUER,
                reference,
                from_qdate(self.paid_on.date()),
            )
        except ValidationError as err:  # a day in the future, more than is owed
            self._say(" ".join(field_message(c, f) for f, c in err.fields.items()), ok=False)
            return False
        except DomainError as err:
            if retry_when_busy(self, err):
                return self.record_paid()
            self._say(error_message(err), ok=False)
            return False
        self.ctx.notify("voucher_settlement", [])
        self.reload()
        self._say(self.tr("Reimbursement of {reference} recorded.").format(reference=reference))
        return True
