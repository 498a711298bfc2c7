"""Small dialogs that add or change one basket line: membership (adhésion), pack
(forfait), wallet top-up, free line, and the quantity/discount/price of a line.

Each ``submit()`` calls one service function; a refusal is shown under its field and
the dialog stays open. ``saved_id`` keeps the line id."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
from tierslieu_desktop.services.billing import baskets
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.pricing import catalogue
from tierslieu_desktop.services.pricing import packs as pack_service
from tierslieu_desktop.services.scheduling.usages import parse_quantity_milli
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.pages.checkout.common import quantity_text
from tierslieu_desktop.ui.qdates import from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm


def amount_field(text: str, field: str, *, allow_zero: bool = False) -> int:
    try:
        cents = parse_amount(text)
    except AmountError as exc:
        raise ValidationError({field: exc.code}) from None
    if cents < 0 or (cents == 0 and not allow_zero):
        raise ValidationError({field: "amount_not_positive"})
    return cents


class LineDialog(QDialog):
    """A form, a message line and OK/Cancel; subclasses fill the form and ``save()``."""

    ok_text = "&Add to the basket"

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.outer = QVBoxLayout(self)
        self.form = ValidatedForm()
        self.outer.addLayout(self.form)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

    def finish(self, ok_text: str) -> None:
        self.outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.outer.addWidget(self.buttons)

    def save(self) -> int | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def submit(self) -> bool:
        self.form.clear_errors()
        self.message.hide()
        try:
            self.saved_id = self.save()
        except ValidationError as err:
            if self.form.show_errors(err.fields):
                self.message.setText(error_message(err))
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


class MembershipLineDialog(LineDialog):
    """Adhésion, prefilled by ``packs.renewal_suggestion``."""

    def __init__(
        self, ctx: AppContext, basket_id: int, member_id: int, today: date, parent=None
    ) -> None:
        super().__init__(ctx, self.tr("Membership"), parent)
        self.basket_id = basket_id
        f = self.form
        self.audience = f.add_field("audience_id", self.tr("&Public:"), QComboBox())
        for a in audience_service.list_audiences(ctx.db):
            self.audience.addItem(a.name, a.id)
        self.start = f.add_field("start_date", self.tr("&From:"), QDateEdit(to_qdate(today)))
        self.end = f.add_field("end_date", self.tr("&Until:"), QDateEdit(to_qdate(today)))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.fee = f.add_field("fee", self.tr("F&ee (€):"), QLineEdit())
        self.label = f.add_field("label", self.tr("&Label:"), QLineEdit())
        self.label.setPlaceholderText(self.tr("Membership"))
        suggestion = pack_service.renewal_suggestion(ctx.db, member_id, today)
        self.note = QLabel()
        self.note.setWordWrap(True)
        if suggestion is None:
            self.note.setText(self.tr("A membership already covers today: this one adds another."))
        else:
            index = self.audience.findData(suggestion.audience_id)
            if index >= 0:
                self.audience.setCurrentIndex(index)
            self.start.setDate(to_qdate(suggestion.start))
            self.end.setDate(to_qdate(suggestion.end))
            if suggestion.fee_cents is not None:
                self.fee.setText(formatting.amount_input(suggestion.fee_cents))
            if suggestion.expired_on is not None:
                self.note.setText(
                    self.tr("Last membership ended on {day}.").format(
                        day=formatting.short_date(suggestion.expired_on)
                    )
                )
        self.outer.addWidget(self.note)
        self.finish(self.tr("&Add to the basket"))
        self.fee.setFocus()

    def save(self) -> int:
        audience_id = self.audience.currentData()
        if audience_id is None:
            raise ValidationError({"audience_id": "required"})
        fee = amount_field(self.fee.text(), "fee", allow_zero=True)
        return baskets.add_membership_line(
            self.ctx.db,
            self.ctx.operator_id,
            self.basket_id,
            audience_id=audience_id,
            start=from_qdate(self.start.date()),
            end=from_qdate(self.end.date()),
            fee_cents=fee,
            label=self.label.text().strip(),
        )


class PackLineDialog(LineDialog):
    """Forfait: one of the pack types on sale."""

    def __init__(self, ctx: AppContext, basket_id: int, parent=None) -> None:
        super().__init__(ctx, self.tr("Pack"), parent)
        self.basket_id = basket_id
        self.pack = self.form.add_field("pack_type_id", self.tr("&Pack:"), QComboBox())
        for p in catalogue.list_pack_types(ctx.db):
            self.pack.addItem(f"{p.name} — {formatting.money(p.price_cents)}", p.id)
        self.finish(self.tr("&Add to the basket"))
        self.pack.setFocus()

    def save(self) -> int:
        pack_type_id = self.pack.currentData()
        if pack_type_id is None:
            raise ValidationError({"pack_type_id": "required"})
        return baskets.add_pack_line(
            self.ctx.db, self.ctx.operator_id, self.basket_id, pack_type_id
        )


class WalletTopupDialog(LineDialog):
    """Crédit porte-monnaie."""

    def __init__(self, ctx: AppContext, basket_id: int, balance_cents: int, parent=None) -> None:
        super().__init__(ctx, self.tr("Wallet top-up"), parent)
        self.basket_id = basket_id
        self.amount = self.form.add_field("amount", self.tr("&Amount (€):"), QLineEdit())
        self.amount.setPlaceholderText(formatting.amount_input(2000))
        self.outer.addWidget(
            QLabel(self.tr("Balance now: {amount}").format(amount=formatting.money(balance_cents)))
        )
        self.finish(self.tr("&Add to the basket"))
        self.amount.setFocus()

    def save(self) -> int:
        cents = amount_field(self.amount.text(), "amount")
        return baskets.add_wallet_topup_line(
            self.ctx.db, self.ctx.operator_id, self.basket_id, cents
        )


class FreeLineDialog(LineDialog):
    """Ligne libre: designation, quantity, unit and unit price (VAT included)."""

    def __init__(self, ctx: AppContext, basket_id: int, parent=None) -> None:
        super().__init__(ctx, self.tr("Free line"), parent)
        self.basket_id = basket_id
        f = self.form
        self.designation = f.add_field("designation", self.tr("&Designation:"), QLineEdit())
        self.designation.setMaxLength(200)
        self.quantity = f.add_field("quantity", self.tr("&Quantity:"), QLineEdit("1"))
        self.unit = f.add_field("unit", self.tr("U&nit:"), QLineEdit())
        self.unit.setPlaceholderText(self.tr("piece"))
        self.price = f.add_field("unit_price", self.tr("Unit &price incl. VAT (€):"), QLineEdit())
        self.finish(self.tr("&Add to the basket"))
        self.designation.setFocus()

    def save(self) -> int:
        errors: dict[str, str] = {}
        if not self.designation.text().strip():
            errors["designation"] = "required"
        quantity = parse_quantity_milli(self.quantity.text())
        if quantity is None or quantity <= 0:
            errors["quantity"] = "number_invalid"
        try:
            price = amount_field(self.price.text(), "unit_price", allow_zero=True)
        except ValidationError as err:
            errors.update(err.fields)
            price = 0
        if errors:
            raise ValidationError(errors)
        assert quantity is not None  # refused above otherwise
        return baskets.add_free_line(
            self.ctx.db,
            self.ctx.operator_id,
            self.basket_id,
            designation=self.designation.text().strip(),
            quantity_milli=quantity,
            unit=self.unit.text().strip(),
            unit_price_cents=price,
        )


class EditLineDialog(LineDialog):
    """Quantity, discount and (for a free line) designation and unit price of a line."""

    def __init__(self, ctx: AppContext, line: baskets.BasketLineRow, parent=None) -> None:
        super().__init__(ctx, self.tr("Change the line"), parent)
        self.line = line
        f = self.form
        self.outer.insertWidget(0, QLabel(f"<b>{line.designation}</b>"))
        self.designation = f.add_field(
            "designation", self.tr("&Designation:"), QLineEdit(line.designation)
        )
        self.quantity = f.add_field(
            "quantity", self.tr("&Quantity:"), QLineEdit(quantity_text(line.quantity_milli))
        )
        self.price = f.add_field(
            "unit_price",
            self.tr("Unit &price incl. VAT (€):"),
            QLineEdit(formatting.amount_input(line.unit_price_cents)),
        )
        self.discount = f.add_field(
            "discount",
            self.tr("&Discount (€):"),
            QLineEdit(formatting.amount_input(line.discount_cents)),
        )
        free = line.kind == "free"
        f.set_field_visible("designation", free)
        f.set_field_visible("unit_price", free)
        self.finish(self.tr("&Save"))
        self.quantity.setFocus()
        self.quantity.selectAll()

    def save(self) -> int:
        errors: dict[str, str] = {}
        quantity = parse_quantity_milli(self.quantity.text())
        if quantity is None or quantity <= 0:
            errors["quantity"] = "number_invalid"
        values: dict[str, int] = {}
        for field, edit in (("discount", self.discount), ("unit_price", self.price)):
            try:
                values[field] = amount_field(edit.text() or "0", field, allow_zero=True)
            except ValidationError as err:
                errors.update(err.fields)
        if errors:
            raise ValidationError(errors)
        free = self.line.kind == "free"
        baskets.update_line(
            self.ctx.db,
            self.ctx.operator_id,
            self.line.id,
            quantity_milli=quantity,
            discount_cents=values["discount"],
            unit_price_cents=values["unit_price"] if free else None,
            designation=self.designation.text().strip() if free else None,
        )
        return self.line.id
