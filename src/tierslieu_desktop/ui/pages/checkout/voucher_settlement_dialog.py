"""Règlements des émetteurs de chèques-services / Pass numérique: what each voucher
issuer still owes (vouchers received at the till and at the cyber-base, less what it
paid), and the form that records "the issuer paid us" (services.finance.vouchers).

Opened from the Caisse & factures page (``settlement_button``): the vouchers are taken
at the till and at the cyber-base's desk, and their money reaches the bank like the
cheques' deposits, which the same page hands over. Tests drive the fields and call
``submit()``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.finance import vouchers
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm


def settlement_button(ctx: AppContext, parent: QWidget) -> QPushButton:
    """The page's button that opens the dialog."""
    button = QPushButton(
        QCoreApplication.translate("VoucherSettlementDialog", "&Vouchers: issuers' settlements…")
    )
    button.setAccessibleName(
        QCoreApplication.translate(
            "VoucherSettlementDialog", "Record a voucher issuer's settlement"
        )
    )
    button.setToolTip(
        QCoreApplication.translate(
            "VoucherSettlementDialog",
            "Pass numérique and other vouchers: what their issuers still owe, and record "
            "what they paid.",
        )
    )
    button.clicked.connect(lambda: VoucherSettlementDialog(ctx, parent).exec())
    return button


class VoucherSettlementDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Voucher issuers' settlements"))
        self.setAccessibleName(self.tr("Voucher issuers' settlements"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Vouchers received (paid invoices and the cyber-base's drop-in log) are "
                "owed by their issuer until it pays. Record here what it paid: the "
                "accounts move it from 4687 to the bank."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("What each issuer owes"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Issuer"), self.tr("Received"), self.tr("Paid"), self.tr("Still owed")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        rows = len(vouchers.ISSUER_METHODS)  # one row per issuer, no empty space below
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + rows * (self.fontMetrics().lineSpacing() + 10)
            + 2 * self.table.frameWidth()
        )
        lay.addWidget(self.table)

        form_box = QWidget()
        self.form = ValidatedForm(form_box)
        f = self.form
        self.issuer = f.add_field("issuer", self.tr("&Issuer:"), QComboBox())
        self.day = bound_to_accepted_days(QDateEdit())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDate(to_qdate(to_local(utcnow()).date()))
        f.add_field("day", self.tr("&Credited on:"), self.day)
        self.voucher_count = f.add_field("voucher_count", self.tr("&Vouchers:"), QSpinBox())
        self.voucher_count.setRange(1, 100_000)
        self.amount = f.add_field("amount_cents", self.tr("&Amount (€):"), QLineEdit())
        self.reference = f.add_field("reference", self.tr("&Reference:"), QLineEdit())
        self.reference.setPlaceholderText(self.tr("the issuer's statement or the bank's"))
        lay.addWidget(form_box)

        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.record_button = buttons.addButton(
            self.tr("Record the &settlement"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setAccessibleName(self.tr("Record the settlement"))
        self.claims_button = buttons.addButton(
            self.tr("Pass numérique &claims…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.claims_button.setAccessibleName(self.tr("Pass numérique claims"))
        self.claims_button.clicked.connect(self.open_claims)
        from tierslieu_desktop.domain.permissions import Permission
        from tierslieu_desktop.services.access import may

        self.claims_button.setEnabled(may(ctx.db, Permission.INVOICES))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        self.record_button.clicked.connect(self.submit)
        close.clicked.connect(self.reject)
        lay.addWidget(buttons)
        self.issuer.currentIndexChanged.connect(self._fill_outstanding)
        self.balances: list[vouchers.IssuerBalance] = []
        self.recorded = 0
        self.reload()
        self.resize(620, 460)

    def open_claims(self) -> None:
        """The monthly claim lists of the cyber-base's numbered vouchers (issue 22)."""
        from tierslieu_desktop.ui.pages.checkout.voucher_claims_dialog import (
            VoucherClaimsDialog,
        )

        VoucherClaimsDialog(self.ctx, self).exec()
        self.reload()

    def reload(self) -> None:
        self.balances = vouchers.outstanding(self.ctx.db)
        self.table.setRowCount(len(self.balances))
        for r, b in enumerate(self.balances):
            cells = (
                b.label,
                self._count_amount(b.received_count, b.received_cents),
                self._count_amount(b.settled_count, b.settled_cents),
                self._count_amount(b.outstanding_count, b.outstanding_cents),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        current = self.issuer.currentData()
        self.issuer.blockSignals(True)
        self.issuer.clear()
        for b in self.balances:
            self.issuer.addItem(b.label, b.issuer)
        self.issuer.setCurrentIndex(max(self.issuer.findData(current), 0))
        self.issuer.blockSignals(False)
        self._fill_outstanding()

    def _count_amount(self, count: int, cents: int) -> str:
        return self.tr("{count} · {amount}").format(
            count=formatting.number(count), amount=formatting.money(cents)
        )

    def _balance(self) -> vouchers.IssuerBalance | None:
        issuer = self.issuer.currentData()
        return next((b for b in self.balances if b.issuer == issuer), None)

    def _fill_outstanding(self, *_args: object) -> None:
        """Propose what the issuer still owes: the whole of it is the usual payment."""
        b = self._balance()
        if b is None:
            return
        self.voucher_count.setValue(max(b.outstanding_count, 1))
        self.amount.setText(formatting.amount_input(max(b.outstanding_cents, 0)))
        self.record_button.setEnabled(b.outstanding_cents > 0)

    def submit(self) -> bool:
        self.form.clear_errors()
        self.status.clear()
        try:
            try:
                cents = parse_amount(self.amount.text())
            except AmountError as exc:
                raise ValidationError({"amount_cents": exc.code}) from None
            data = vouchers.SettlementInput(
                issuer=str(self.issuer.currentData()),
                day=from_qdate(self.day.date()),
                amount_cents=cents,
                voucher_count=self.voucher_count.value(),
                reference=self.reference.text(),
            )
            vouchers.record_settlement(self.ctx.db, self.ctx.operator_id, data)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_message(exc))
            return False
        except DomainError as exc:
            if retry_when_busy(self, exc):
                return self.submit()
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_message(exc))
            return False
        self.recorded += 1
        self.reference.clear()
        self.reload()
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Recorded: {amount} on {day}.").format(
                amount=formatting.money(data.amount_cents), day=formatting.short_date(data.day)
            )
        )
        self.ctx.notify("voucher_settlement", [])
        return True
