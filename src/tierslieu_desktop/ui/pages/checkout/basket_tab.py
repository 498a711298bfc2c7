"""Caisse: find the member (or a walk-in visitor), their open basket — the unbilled
usages come in by themselves — add a membership, a pack, a wallet top-up or a free
line, change or remove a line, then "Encaisser…" (F9) and print or save the invoice."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import baskets, documents
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.ui import printing
from tierslieu_desktop.ui.background import read_in_background
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved, open_path
from tierslieu_desktop.ui.errors import run_write, show_error
from tierslieu_desktop.ui.labels import told_apart
from tierslieu_desktop.ui.pages.checkout.common import (
    MUTED_STYLE,
    TOTAL_STYLE,
    cell,
    fill_table,
    make_table,
    money_cell,
    pdf,
    quantity_text,
    row_data,
    save_path,
    structure_logo,
)
from tierslieu_desktop.ui.pages.checkout.line_dialogs import (
    EditLineDialog,
    FreeLineDialog,
    MembershipLineDialog,
    PackLineDialog,
    WalletTopupDialog,
)
from tierslieu_desktop.ui.pages.checkout.payment_dialog import PaymentDialog
from tierslieu_desktop.ui.pages.frontdesk.usage_correction import open_correction
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.member_search import (
    ArrowKeysToList,
    fill_member_results,
    selected_member_id,
)
from tierslieu_desktop.ui.widgets.responsive import FlowLayout

TodayFn = Callable[[], date]


def open_pdf(parent: QWidget | None, data: bytes, name: str, kind: str) -> Path:
    """Write a PDF to a temporary file and open it in the system viewer (when there is
    none, ``desktop_files.open_path`` says so and offers to print it)."""
    path = Path(tempfile.mkdtemp(prefix="tierslieu-")) / name
    write_private_bytes(path, data)
    open_path(parent, path, kind)
    return path


class InvoiceIssuedDialog(QDialog):
    """After a sale: the number, the change to give back, print the ticket or save the PDF."""

    def __init__(self, ctx: AppContext, invoice_id: int, change_cents: int | None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.doc = documents.get_invoice(ctx.db, invoice_id)
        self.saved_path = ""
        self.setWindowTitle(self.tr("Invoice issued"))
        lay = QVBoxLayout(self)
        text = self.tr("Invoice {number} issued: {total}.").format(
            number=self.doc.number, total=formatting.money(self.doc.total_incl_cents)
        )
        if self.doc.balance_cents > 0:
            text += " " + self.tr("Still to be paid: {amount}.").format(
                amount=formatting.money(self.doc.balance_cents)
            )
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("font-size: 12pt;")
        lay.addWidget(label)
        if change_cents:
            change = QLabel(
                self.tr("Change to give back: {amount}").format(
                    amount=formatting.money(change_cents)
                )
            )
            change.setStyleSheet(TOTAL_STYLE)
            lay.addWidget(change)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            self.tr("&Print the ticket…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_invoice_button = buttons.addButton(
            self.tr("Print the &invoice…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button = buttons.addButton(
            self.tr("&Open the PDF"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.pdf_button = buttons.addButton(
            self.tr("&Save the invoice PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.print_button.clicked.connect(self.print_ticket)
        self.print_invoice_button.clicked.connect(self.print_invoice)
        self.open_button.clicked.connect(self.open_invoice)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.accept)
        lay.addWidget(buttons)
        self.print_button.setFocus()

    def print_ticket(self) -> bool:
        """The 80 mm ticket in the print preview, on the printer used last for tickets."""
        return printing.print_pdf(
            self, pdf().render_receipt(self.doc), "receipt", self.tr("Print the ticket")
        )

    def print_invoice(self) -> bool:
        """The A4 invoice in the print preview, on the printer used last for invoices."""
        data = pdf().render_invoice(self.doc, logo=structure_logo(self.ctx))
        return printing.print_pdf(self, data, "invoice", self.tr("Print the invoice"))

    def open_invoice(self) -> Path:
        data = pdf().render_invoice(self.doc, logo=structure_logo(self.ctx))
        return open_pdf(self, data, f"{self.doc.number}.pdf", "invoice")

    def save_pdf(self) -> None:
        path = save_path(
            self, self.tr("Save the invoice"), f"{self.doc.number}.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            write_private_bytes(path, pdf().render_invoice(self.doc, logo=structure_logo(self.ctx)))
            self.saved_path = path
            announce_saved(self, path, "invoice")


class BasketTab(QWidget):
    collect_loaded = Signal()  # the "to collect" list shows the latest read

    def __init__(self, ctx: AppContext, today_fn: TodayFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn
        self.basket: baskets.BasketRow | None = None
        self.member_id: int | None = None
        self.dialog: QDialog | None = None  # the last dialog opened, for tests
        self.payment_dialog: PaymentDialog | None = None
        self.issued_dialog: InvoiceIssuedDialog | None = None

        splitter = QSplitter()
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        outer.addWidget(splitter)

        # --- who ---------------------------------------------------------------------
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 6, 0)
        find_label = QLabel(self.tr("&Member:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, a member number or a town"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a member"))
        find_label.setBuddy(self.search)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Matching members"))
        self.search.installEventFilter(ArrowKeysToList(self.results))
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self.open_selected)
        self.results.itemActivated.connect(lambda _item: self.open_selected())
        self.open_button = QPushButton(self.tr("&Open the basket"))
        self.open_button.setAccessibleName(self.tr("Open the basket"))
        self.open_button.clicked.connect(self.open_selected)
        self.anonymous_button = QPushButton(self.tr("Wal&k-in visitor"))
        self.anonymous_button.setAccessibleName(self.tr("Walk-in visitor"))
        self.anonymous_button.setToolTip(self.tr("A sale to a visitor who is not a member"))
        self.anonymous_button.clicked.connect(lambda: self.open_for(None))
        left_lay.addWidget(find_label)
        left_lay.addWidget(self.search)
        left_lay.addWidget(self.results, 1)
        left_lay.addWidget(self.open_button)
        left_lay.addWidget(self.anonymous_button)
        collect_label = QLabel(self.tr("&To collect (usages not yet paid):"))
        self.collect_list = QListWidget()
        self.collect_list.setAccessibleName(self.tr("Members with usages to collect"))
        self.collect_list.setMaximumHeight(180)
        self.collect_list.itemActivated.connect(self._collect_listed)
        collect_label.setBuddy(self.collect_list)
        left_lay.addWidget(collect_label)
        left_lay.addWidget(self.collect_list)
        open_label = QLabel(self.tr("Open baskets:"))
        self.open_list = QListWidget()
        self.open_list.setAccessibleName(self.tr("Open baskets"))
        self.open_list.setMaximumHeight(140)
        self.open_list.itemActivated.connect(self._open_listed)
        open_label.setBuddy(self.open_list)
        left_lay.addWidget(open_label)
        left_lay.addWidget(self.open_list)
        left.setMinimumWidth(280)
        splitter.addWidget(left)

        # --- basket ------------------------------------------------------------------
        right = QGroupBox(self.tr("Basket"))
        lay = QVBoxLayout(right)
        self.who = QLabel(self.tr("Choose a member, or a walk-in visitor."))
        self.who.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.who.setWordWrap(True)
        lay.addWidget(self.who)
        self.wallet = QLabel()
        self.wallet.setStyleSheet(MUTED_STYLE)
        lay.addWidget(self.wallet)
        self.table = make_table(
            self.tr("Basket lines"),
            [
                self.tr("Designation"),
                self.tr("Quantity"),
                self.tr("Unit price incl. VAT"),
                self.tr("Discount"),
                self.tr("Total"),
            ],
        )
        self.table.horizontalHeader().setSectionResizeMode(
            0, self.table.horizontalHeader().ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(lambda _i: self.edit_line())
        lay.addWidget(self.table, 1)

        add_row = FlowLayout()  # rows that wrap on a 1024 px screen
        line_row = FlowLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("membership", self.tr("Mem&bership…"), self.add_membership),
            ("pack", self.tr("&Pack…"), self.add_pack),
            ("wallet", self.tr("&Wallet top-up…"), self.add_wallet),
            ("free", self.tr("&Free line…"), self.add_free),
            ("edit", self.tr("C&hange the line…"), self.edit_line),
            ("remove", self.tr("&Remove the line"), self.remove_line),
            ("correct", self.tr("Correct the usage…"), self.correct_usage),
            ("cancel", self.tr("Abandon the basket…"), self.cancel_basket),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            row = add_row if key in ("membership", "pack", "wallet", "free") else line_row
            row.addWidget(button)
            self.buttons[key] = button
        lay.addLayout(add_row)
        lay.addLayout(line_row)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_line)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.activated.connect(lambda _i: self.edit_line())

        bottom = QHBoxLayout()
        self.total = QLabel()
        self.total.setStyleSheet(TOTAL_STYLE)
        self.total.setAccessibleName(self.tr("Basket total"))
        bottom.addWidget(self.total, 1)
        self.pay_button = QPushButton(self.tr("Take payment… (F9)"))
        self.pay_button.setAccessibleName(self.tr("Take payment"))
        self.pay_button.setStyleSheet("font-size: 12pt; padding: 6px 18px;")
        self.pay_button.clicked.connect(self.take_payment)
        bottom.addWidget(self.pay_button)
        lay.addLayout(bottom)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 900])
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, self.take_payment)

        self._searched = False  # the member list is filled when the tab is first shown
        self._collect_request = 0  # the latest "to collect" read asked for
        self.show_basket()

    # --- finding the member ------------------------------------------------------------

    def _search(self, text: str) -> None:
        self._searched = True
        fill_member_results(self.results, self.ctx.db, text)

    def selected_member(self) -> int | None:
        return selected_member_id(self.results)

    def open_selected(self) -> None:
        member_id = self.selected_member()
        if member_id is not None:
            self.open_for(member_id)

    def _collect_listed(self, item: QListWidgetItem) -> None:
        self.open_for(item.data(Qt.ItemDataRole.UserRole))

    def _open_listed(self, item: QListWidgetItem) -> None:
        self.show_basket(item.data(Qt.ItemDataRole.UserRole))

    def open_for(self, member_id: int | None) -> None:
        """Open (or take up again) the basket of a member, or a new one for a walk-in."""
        try:
            basket_id = run_write(
                self, lambda: baskets.open_basket(self.ctx.db, self.ctx.operator_id, member_id)
            )
        except DomainError as err:
            show_error(self, err)
            return
        self.ctx.notify("basket", [basket_id])
        self.show_basket(basket_id)
        self.table.setFocus()

    # --- showing the basket ------------------------------------------------------------

    def refresh(self) -> None:
        if not self._searched:
            self._search(self.search.text())
        # Who has usages to collect: an aggregate over the usages, read off the window's
        # thread so the desk can type a name while it is computed.
        self._collect_request += 1
        request, db = self._collect_request, self.ctx.db
        read_in_background(lambda: (request, baskets.to_collect(db)), self._show_to_collect)
        kept = _current_data(self.open_list)  # a refresh keeps the row chosen (issue 20)
        self.open_list.clear()
        open_baskets = baskets.open_baskets(self.ctx.db)
        names = told_apart(self.ctx.db, ((b.member_id, b.member_name) for b in open_baskets))
        for b in open_baskets:
            name = names.get(b.member_id or 0) or b.member_name or self.tr("Walk-in visitor")
            item = QListWidgetItem(f"{name} — {formatting.money(b.total_cents)}")
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            self.open_list.addItem(item)
            if b.id == kept:
                self.open_list.setCurrentItem(item)
        self.show_basket(self.basket.id if self.basket else None)

    def _show_to_collect(self, answer: tuple[int, list[baskets.ToCollect]]) -> None:
        request, rows = answer
        if request != self._collect_request:
            return  # an older answer: a newer one is on its way
        kept = _current_data(self.collect_list)
        self.collect_list.clear()
        names = told_apart(self.ctx.db, ((r.member_id, r.name) for r in rows))
        for row in rows:
            text = self.tr("{name} — %Ln usages, {amount} (last: {day})", "", row.usages).format(
                name=names.get(row.member_id, row.name),
                amount=formatting.money(row.charged_cents),
                day=formatting.short_date(row.last_day),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.member_id)
            self.collect_list.addItem(item)
            if row.member_id == kept:
                self.collect_list.setCurrentItem(item)
        self.collect_loaded.emit()

    def show_basket(self, basket_id: int | None = None) -> None:
        basket = baskets.get_basket(self.ctx.db, basket_id) if basket_id else None
        if basket is not None and basket.status != "open":
            basket = None
        # the same basket shown again (a refresh, from another desk too): the line chosen
        # stays chosen — « Retirer la ligne » must not fall on another one (issue 20)
        same = basket is not None and self.basket is not None and basket.id == self.basket.id
        kept_line = row_data(self.table) if same else None
        self.basket = basket
        has = basket is not None
        for button in self.buttons.values():
            button.setEnabled(has)
        self.pay_button.setEnabled(basket is not None and bool(basket.lines))
        if basket is None:
            self.who.setText(self.tr("Choose a member, or a walk-in visitor."))
            self.wallet.clear()
            fill_table(self.table, [])
            self.total.setText("")
            return
        member = basket.member_id is not None
        self.buttons["membership"].setEnabled(member)
        self.buttons["wallet"].setEnabled(member)
        if basket.member_id is not None:
            who = told_apart(self.ctx.db, [(basket.member_id, basket.member_name)])
            self.who.setText(who[basket.member_id])
        else:
            self.who.setText(self.tr("Walk-in visitor"))
        self.wallet.setText(
            self.tr("Wallet: {amount}").format(amount=formatting.money(basket.wallet_balance_cents))
            if member
            else ""
        )
        rows = []
        for line in basket.lines:
            tip = line.detail or ""
            rows.append(
                [
                    cell(line.designation, tip=tip, data=line.id),
                    cell(quantity_text(line.quantity_milli, line.unit), right=True, tip=tip),
                    money_cell(line.unit_price_cents, tip),
                    money_cell(line.discount_cents, tip) if line.discount_cents else cell(""),
                    money_cell(line.total_cents, tip),
                ]
            )
        fill_table(self.table, rows)
        if rows:
            ids = [line.id for line in basket.lines]
            self.table.selectRow(ids.index(kept_line) if kept_line in ids else 0)
        text = self.tr("Total: {amount}").format(amount=formatting.money(basket.total_cents))
        if basket.list_cents > basket.total_cents:
            text += "  " + self.tr("(instead of {amount})").format(
                amount=formatting.money(basket.list_cents)
            )
        self.total.setText(text)

    def current_line(self) -> baskets.BasketLineRow | None:
        line_id = row_data(self.table)
        if self.basket is None or line_id is None:
            return None
        return next((line for line in self.basket.lines if line.id == line_id), None)

    def _changed(self) -> None:
        if self.basket is not None:
            self.ctx.notify("basket", [self.basket.id])
        self.refresh()

    # --- adding and changing lines -----------------------------------------------------

    def _run(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._changed)
        dialog.open()

    def add_membership(self) -> None:
        if self.basket and self.basket.member_id is not None:
            self._run(
                MembershipLineDialog(
                    self.ctx, self.basket.id, self.basket.member_id, self.today_fn(), self
                )
            )

    def add_pack(self) -> None:
        if self.basket:
            self._run(PackLineDialog(self.ctx, self.basket.id, self))

    def add_wallet(self) -> None:
        if self.basket and self.basket.member_id is not None:
            self._run(
                WalletTopupDialog(self.ctx, self.basket.id, self.basket.wallet_balance_cents, self)
            )

    def add_free(self) -> None:
        if self.basket:
            self._run(FreeLineDialog(self.ctx, self.basket.id, self))

    def edit_line(self) -> None:
        line = self.current_line()
        if line is not None:
            self._run(EditLineDialog(self.ctx, line, self))

    def correct_usage(self) -> QDialog | None:
        """The line comes from a usage: correct its times and consumables (issue 17)."""
        line = self.current_line()
        if line is None or line.usage_id is None:
            QMessageBox.information(
                self,
                self.tr("Correct the usage"),
                self.tr("Select a line that comes from a usage (a machine or a space)."),
            )
            return None
        dialog = open_correction(self, self.ctx, line.usage_id)
        if dialog is not None:
            self.dialog = dialog
            dialog.accepted.connect(self._changed)
        return dialog

    def remove_line(self) -> None:
        line = self.current_line()
        if line is None:
            return
        if not confirm(
            self,
            self.tr("Remove the line"),
            self.tr("Remove “{name}” from the basket?").format(name=line.designation),
            self.tr("Remove"),
        ):
            return
        try:
            run_write(self, lambda: baskets.remove_line(self.ctx.db, self.ctx.operator_id, line.id))
        except DomainError as err:
            show_error(self, err)
        self._changed()

    def cancel_basket(self) -> None:
        if self.basket is None:
            return
        if not confirm(
            self,
            self.tr("Abandon the basket"),
            self.tr("Abandon this basket and every line in it? Unbilled usages stay to be billed."),
            self.tr("Abandon the basket"),
            self.tr("Keep the basket"),
        ):
            return
        basket_id = self.basket.id
        try:
            run_write(
                self, lambda: baskets.cancel_basket(self.ctx.db, self.ctx.operator_id, basket_id)
            )
        except DomainError as err:
            show_error(self, err)
        self.basket = None
        self.ctx.notify("basket", [basket_id])
        self.refresh()

    # --- payment -----------------------------------------------------------------------

    def take_payment(self) -> PaymentDialog | None:
        basket = self.basket
        if basket is None or not basket.lines:
            return None
        member = basket.member_id is not None

        def validate(payments: list[PaymentInput]) -> int:
            return documents.validate_basket(self.ctx.db, self.ctx.operator_id, basket.id, payments)

        dialog = PaymentDialog(
            self.ctx,
            title=self.tr("Take payment"),
            heading=basket.member_name if member else self.tr("Walk-in visitor"),
            due_cents=basket.total_cents,
            submit_fn=validate,
            wallet_balance_cents=basket.wallet_balance_cents if member else None,
            methods=None if member else [m for m in _ANONYMOUS_METHODS],
            parent=self,
        )
        self.payment_dialog = dialog
        dialog.accepted.connect(lambda: self._paid(dialog))
        dialog.open()
        return dialog

    def _paid(self, dialog: PaymentDialog) -> None:
        invoice_id = dialog.result_id
        change = sum(line.change_cents() or 0 for line in dialog.lines)
        self.ctx.notify("invoice", [invoice_id] if invoice_id else [])
        self.basket = None
        self.refresh()
        if invoice_id is not None:
            self.issued_dialog = InvoiceIssuedDialog(self.ctx, invoice_id, change, self)
            self.issued_dialog.open()


_ANONYMOUS_METHODS = ("cash", "card", "cheque", "transfer", "pass_numerique")


def _current_data(widget: QListWidget) -> object:
    """The id of the row chosen in a list (None: none)."""
    item = widget.currentItem()
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
