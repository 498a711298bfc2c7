"""Encaisser: one or several payment lines (method, amount and what the method needs),
the remaining amount and the cash change shown live as the user types.

``submit()`` hands the list of ``PaymentInput`` to the function given by the caller
(``validate_basket`` for a sale, ``add_payment`` for an issued invoice); a refusal is
shown in the dialog, which stays open. Tests drive ``lines`` and call ``submit()``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.domain.validation import text_limit
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, field_message, retry_when_busy
from tierslieu_desktop.ui.pages.checkout.common import MUTED_STYLE, TOTAL_STYLE, payment_methods
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE

DEFAULT_VOUCHER_CENTS = 1000  # a Pass numérique voucher is usually worth 10 €


def _cents(text: str) -> int | None:
    try:
        return parse_amount(text)
    except AmountError:
        return None


def _field_cents(field: str, text: str) -> int:
    """The amount typed in ``field``; ValidationError({field: why}) when refused."""
    try:
        return parse_amount(text)
    except AmountError as exc:
        raise ValidationError({field: exc.code}) from None


def _row(page: QWidget) -> QHBoxLayout:
    """The row layout of a method's page (see ``PaymentLine._page``)."""
    lay = page.layout()
    assert isinstance(lay, QHBoxLayout)
    return lay


class PaymentLine(QWidget):
    """One way of paying: method, amount, and the details of that method."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(
        self,
        methods: Sequence[str],
        wallet_balance_cents: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.wallet_balance_cents = wallet_balance_cents
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        labels = payment_methods()
        self.method = QComboBox()
        for code in methods:
            self.method.addItem(labels[code], code)
        self.method.setAccessibleName(self.tr("Payment method"))
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setMaximumWidth(110)
        self.amount.setAccessibleName(self.tr("Amount paid (€)"))
        lay.addWidget(self.method)
        lay.addWidget(self.amount)
        lay.addWidget(QLabel("€"))

        self.extras = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        # cash: tendered and change
        cash = self._page("cash")
        self.tendered = self._edit(cash, self.tr("Tendered:"), self.tr("Amount tendered (€)"), 100)
        self.change = QLabel()
        self.change.setAccessibleName(self.tr("Change to give back"))
        _row(cash).addWidget(self.change)
        cheque = self._page("cheque")
        self.cheque_number = self._edit(cheque, self.tr("No.:"), self.tr("Cheque number"), 110)
        self.bank = self._edit(cheque, self.tr("Bank:"), self.tr("Bank of the cheque"), 160)
        card = self._page("card")
        self.card_reference = self._edit(
            card, self.tr("Terminal ref.:"), self.tr("Card terminal reference"), 180
        )
        transfer = self._page("transfer")
        self.transfer_reference = self._edit(
            transfer, self.tr("Reference:"), self.tr("Transfer reference"), 200
        )
        # as long as the payment service accepts (domain.validation.TEXT_LIMITS)
        for edit, field in (
            (self.cheque_number, "cheque_number"),
            (self.bank, "bank"),
            (self.card_reference, "reference"),
            (self.transfer_reference, "reference"),
        ):
            edit.setMaxLength(text_limit(field))
        vouchers = self._page("pass_numerique")
        self.voucher_count = QSpinBox()
        self.voucher_count.setRange(1, 999)
        self.voucher_count.setAccessibleName(self.tr("Number of vouchers"))
        _row(vouchers).addWidget(self.voucher_count)
        _row(vouchers).addWidget(QLabel("×"))
        self.voucher_value = QLineEdit(formatting.amount_input(DEFAULT_VOUCHER_CENTS))
        self.voucher_value.setMaximumWidth(80)
        self.voucher_value.setAccessibleName(self.tr("Value of one voucher (€)"))
        _row(vouchers).addWidget(self.voucher_value)
        _row(vouchers).addWidget(QLabel("€"))
        mandate = self._page("mandate")
        note = QLabel(self.tr("Nothing is paid now: the public body pays on its mandate."))
        note.setStyleSheet(MUTED_STYLE)
        _row(mandate).addWidget(note)
        wallet = self._page("wallet")
        self.wallet_label = QLabel(
            self.tr("Balance: {amount}").format(amount=formatting.money(wallet_balance_cents or 0))
        )
        self.wallet_label.setStyleSheet(MUTED_STYLE)
        _row(wallet).addWidget(self.wallet_label)
        for page in self.pages.values():
            _row(page).addStretch(1)
        lay.addWidget(self.extras, 1)
        # The last line follows what remains to pay until the user types its amount.
        self.touched = False
        self.amount.textEdited.connect(self._touch)

        self.remove = QPushButton("✕")
        self.remove.setToolTip(self.tr("Remove this payment"))
        self.remove.setAccessibleName(self.tr("Remove this payment"))
        self.remove.setMaximumWidth(32)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        lay.addWidget(self.remove)

        self.method.currentIndexChanged.connect(self._sync_method)
        for edit in (self.amount, self.tendered, self.voucher_value):
            edit.textChanged.connect(self._on_edit)
        self.voucher_count.valueChanged.connect(self._on_edit)
        self._sync_method()

    def _touch(self, *_args: object) -> None:
        self.touched = True

    def _page(self, method: str) -> QWidget:
        page = QWidget()
        lay = QHBoxLayout(page)
        lay.setContentsMargins(6, 0, 0, 0)
        self.pages[method] = page
        self.extras.addWidget(page)
        return page

    def _edit(self, page: QWidget, label: str, name: str, width: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setMaximumWidth(width)
        text = QLabel(label)
        text.setBuddy(edit)
        _row(page).addWidget(text)
        _row(page).addWidget(edit)
        return edit

    # --- state -------------------------------------------------------------------------

    def method_code(self) -> str:
        return self.method.currentData()

    def set_method(self, code: str) -> None:
        self.method.setCurrentIndex(self.method.findData(code))

    def _sync_method(self) -> None:
        code = self.method_code()
        self.extras.setCurrentWidget(self.pages.get(code, self.pages["cash"]))
        self.amount.setEnabled(code not in ("mandate", "pass_numerique"))
        if code == "pass_numerique":
            self._on_edit()
        if code == "mandate":
            self.amount.clear()
        self.changed.emit()

    def _on_edit(self, *_args: object) -> None:
        if self.method_code() == "pass_numerique":
            value = _cents(self.voucher_value.text())
            total = None if value is None else value * self.voucher_count.value()
            self.amount.blockSignals(True)
            self.amount.setText(formatting.amount_input(total) if total is not None else "")
            self.amount.blockSignals(False)
        self._update_change()
        self.changed.emit()

    def _update_change(self) -> None:
        amount = self.amount_cents()
        tendered = _cents(self.tendered.text()) if self.tendered.text().strip() else None
        if tendered is None or amount is None:
            self.change.setText("")
        elif tendered < amount:
            self.change.setText(self.tr("Not enough"))
            self.change.setStyleSheet(ERROR_STYLE)
        else:
            self.change.setText(
                self.tr("Change: {amount}").format(amount=formatting.money(tendered - amount))
            )
            self.change.setStyleSheet("font-weight: 600;")

    def amount_cents(self) -> int | None:
        """What this line pays now (0 for a mandate, None when not understood)."""
        if self.method_code() == "mandate":
            return 0
        return _cents(self.amount.text())

    def change_cents(self) -> int | None:
        amount = self.amount_cents()
        tendered = _cents(self.tendered.text()) if self.tendered.text().strip() else None
        if self.method_code() != "cash" or amount is None or tendered is None:
            return None
        return tendered - amount if tendered >= amount else None

    def payment_input(self, mandate_cents: int) -> PaymentInput:
        """The line as the service takes it; ValidationError({"amount": code}) when unclear."""
        code = self.method_code()
        if code == "mandate":
            return PaymentInput(method="mandate", amount_cents=mandate_cents)
        amount = _field_cents("amount", self.amount.text())
        if amount <= 0:
            raise ValidationError({"amount": "amount_not_positive"})
        if code == "cash":
            tendered = (
                _field_cents("tendered", self.tendered.text())
                if self.tendered.text().strip()
                else None
            )
            return PaymentInput(method="cash", amount_cents=amount, tendered_cents=tendered)
        if code == "cheque":
            return PaymentInput(
                method="cheque",
                amount_cents=amount,
                cheque_number=self.cheque_number.text().strip(),
                bank=self.bank.text().strip(),
            )
        if code in ("card", "transfer"):
            edit = self.card_reference if code == "card" else self.transfer_reference
            return PaymentInput(method=code, amount_cents=amount, reference=edit.text().strip())
        if code == "pass_numerique":
            return PaymentInput(
                method="pass_numerique",
                amount_cents=amount,
                voucher_count=self.voucher_count.value(),
                voucher_value_cents=_cents(self.voucher_value.text()),
            )
        return PaymentInput(method=code, amount_cents=amount)


class PaymentDialog(QDialog):
    """Take the payment of ``due_cents``; ``submit_fn(payments)`` records it and returns an id."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        title: str,
        heading: str,
        due_cents: int,
        submit_fn: Callable[[list[PaymentInput]], int],
        wallet_balance_cents: int | None = None,
        methods: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.due_cents = due_cents
        self.submit_fn = submit_fn
        self.wallet_balance_cents = wallet_balance_cents
        codes = list(methods or payment_methods())
        if wallet_balance_cents is None and "wallet" in codes:
            codes.remove("wallet")  # an anonymous visitor has no wallet
        self.methods = codes
        self.result_id: int | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(760)
        outer = QVBoxLayout(self)
        head = QLabel(heading)
        head.setWordWrap(True)
        outer.addWidget(head)
        self.due_label = QLabel(
            self.tr("To pay: {amount}").format(amount=formatting.money(due_cents))
        )
        self.due_label.setStyleSheet(TOTAL_STYLE)
        outer.addWidget(self.due_label)

        self.lines_box = QVBoxLayout()
        outer.addLayout(self.lines_box)
        self.lines: list[PaymentLine] = []
        self.add_button = QPushButton(self.tr("&Add a payment method"))
        self.add_button.setAccessibleName(self.tr("Add a payment method"))
        self.add_button.clicked.connect(lambda: self.add_line())
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        outer.addLayout(row)

        self.remaining = QLabel()
        self.remaining.setAccessibleName(self.tr("Remaining to pay"))
        self.remaining.setStyleSheet("font-size: 12pt; font-weight: 600;")
        outer.addWidget(self.remaining)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        outer.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            self.tr("&Validate the payment"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)

        first = self.add_line()
        first.amount.setFocus()
        first.amount.selectAll()

    # --- lines -------------------------------------------------------------------------

    def add_line(self, method: str | None = None, amount_cents: int | None = None) -> PaymentLine:
        line = PaymentLine(self.methods, self.wallet_balance_cents)
        if method is not None:
            line.set_method(method)
        elif self.lines:  # the second way of paying is usually the card
            line.set_method("card" if "card" in self.methods else self.methods[0])
        if amount_cents is None:
            amount_cents = max(self.remaining_cents(), 0)
        if line.method_code() != "mandate":
            line.amount.setText(formatting.amount_input(amount_cents))
        line.changed.connect(self.update_remaining)
        line.remove_requested.connect(self.remove_line)
        self.lines.append(line)
        self.lines_box.addWidget(line)
        self._sync_remove_buttons()
        self.update_remaining()
        return line

    def remove_line(self, line: PaymentLine) -> None:
        if len(self.lines) <= 1:
            return
        self.lines.remove(line)
        line.setParent(None)
        line.deleteLater()
        self._sync_remove_buttons()
        self.update_remaining()

    def _sync_remove_buttons(self) -> None:
        for line in self.lines:
            line.remove.setEnabled(len(self.lines) > 1)

    def paid_cents(self) -> int:
        return sum(line.amount_cents() or 0 for line in self.lines)

    def has_mandate(self) -> bool:
        return any(line.method_code() == "mandate" for line in self.lines)

    def remaining_cents(self) -> int:
        return self.due_cents - sum(line.amount_cents() or 0 for line in getattr(self, "lines", []))

    def update_remaining(self) -> None:
        last = self.lines[-1] if len(self.lines) > 1 else None
        if (
            last is not None
            and not last.touched
            and last.method_code()
            not in (
                "mandate",
                "pass_numerique",
            )
        ):
            others = sum(line.amount_cents() or 0 for line in self.lines[:-1])
            last.amount.blockSignals(True)
            last.amount.setText(formatting.amount_input(max(self.due_cents - others, 0)))
            last.amount.blockSignals(False)
            last._update_change()
        rest = self.remaining_cents()
        if rest > 0 and self.has_mandate():
            text = self.tr("Paid later by mandate: {amount}").format(amount=formatting.money(rest))
        elif rest > 0:
            text = self.tr("Remaining to pay: {amount}").format(amount=formatting.money(rest))
        elif rest == 0:
            text = self.tr("Fully paid")
        else:
            text = self.tr("Too much: {amount}").format(amount=formatting.money(-rest))
        self.remaining.setText(text)
        self.remaining.setAccessibleDescription(text)

    # --- submit ------------------------------------------------------------------------

    def payments(self) -> list[PaymentInput]:
        rest = max(self.remaining_cents(), 0)
        return [line.payment_input(rest) for line in self.lines]

    def submit(self) -> bool:
        self.message.hide()
        try:
            payments = self.payments()
            self.result_id = self.submit_fn(payments)
        except ValidationError as err:
            self.message.setText(
                "\n".join(field_message(code) for code in err.fields.values()) or error_message(err)
            )
            self.message.show()
            return False
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            self.message.setText(error_message(err))
            self.message.show()
            return False
        self.accept()
        return True
