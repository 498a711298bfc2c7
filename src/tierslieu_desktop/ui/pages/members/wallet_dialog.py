"""Credit a member's wallet (porte-monnaie): an amount and a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.pricing import packs as pack_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm


class WalletCreditDialog(QDialog):
    """``submit()`` (Save, Enter) credits the wallet; True when saved."""

    def __init__(
        self, ctx: AppContext, member_id: int, member_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.saved = False
        self.setWindowTitle(self.tr("Credit the wallet"))
        self.setMinimumWidth(380)
        lay = QVBoxLayout(self)
        balance = pack_service.wallet_balance(ctx.db, member_id)
        intro = QLabel(
            self.tr("{name} — balance now: {balance}").format(
                name=member_name, balance=formatting.money(balance)
            )
            if member_name
            else self.tr("Balance now: {balance}").format(balance=formatting.money(balance))
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.banner = QLabel()
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        lay.addWidget(self.banner)
        self.form = ValidatedForm()
        lay.addLayout(self.form)
        self.amount = self.form.add_field("amount", self.tr("&Amount (€):"), QLineEdit())
        self.amount.setPlaceholderText(formatting.amount_input(2000))
        self.note = self.form.add_field("note", self.tr("&Note:"), QLineEdit())
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(self.tr("e.g. paid in cash"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Credit"))
        save.setAccessibleName(self.tr("Credit"))
        save.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.amount.setFocus()

    def submit(self) -> bool:
        self.form.clear_errors()
        self.banner.hide()
        try:
            try:
                cents = parse_amount(self.amount.text())
            except AmountError as exc:
                raise ValidationError({"amount": exc.code}) from None
            if cents <= 0:
                raise ValidationError({"amount": "amount_not_positive"})
            pack_service.wallet_credit(
                self.ctx.db, self.ctx.operator_id, self.member_id, cents, self.note.text().strip()
            )
        except ValidationError as exc:
            if self.form.show_errors(exc.fields):
                self.banner.setText(error_message(exc))
                self.banner.show()
            return False
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit()
            self.banner.setText(error_message(exc))
            self.banner.show()
            return False
        self.saved = True
        self.ctx.notify("wallet", [self.member_id])
        return True

    def _on_save(self) -> None:
        if self.submit():
            self.accept()
