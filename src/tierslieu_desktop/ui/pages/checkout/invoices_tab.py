"""Factures: every invoice and credit note (search by number or buyer, period, kind,
unpaid only), the detail of the selected one (lines, VAT, payments, credit notes) and
what can still be done with an issued document: add a payment, make a credit note,
save the PDF, the Factur-X PDF or the ticket. Nothing here changes an issued document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.documents import InvoiceDoc
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import credit_notes, documents
from tierslieu_desktop.services.billing.documents import InvoiceFilter, InvoiceListRow
from tierslieu_desktop.services.billing.payments import PaymentInput, add_payment
from tierslieu_desktop.services.scheduling.usages import parse_quantity_milli
from tierslieu_desktop.ui import printing
from tierslieu_desktop.ui.access import follow_permission
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.models.invoice_table import InvoiceTableModel
from tierslieu_desktop.ui.pages.checkout.common import (
    MUTED_STYLE,
    cell,
    document_kinds,
    make_view,
    payment_methods,
    pdf,
    quantity_text,
    row_data,
    save_path,
    structure_logo,
)
from tierslieu_desktop.ui.pages.checkout.payment_dialog import PaymentDialog
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm

TodayFn = Callable[[], date]
REFUND_METHODS = ("cash", "card", "cheque", "transfer", "wallet")


def rate_text(rate_bp: int) -> str:
    return formatting.percent(rate_bp / 100)


def _detail_words() -> dict[str, str]:
    words = {
        "issued": QCoreApplication.translate("InvoiceDetail", "Issued on"),
        "due": QCoreApplication.translate("InvoiceDetail", "Due"),
        "credits": QCoreApplication.translate("InvoiceDetail", "Credits invoice"),
        "designation": QCoreApplication.translate("InvoiceDetail", "Designation"),
        "quantity": QCoreApplication.translate("InvoiceDetail", "Quantity"),
        "vat": QCoreApplication.translate("InvoiceDetail", "VAT"),
        "base": QCoreApplication.translate("InvoiceDetail", "base"),
        "excl": QCoreApplication.translate("InvoiceDetail", "Total excl. VAT"),
        "incl": QCoreApplication.translate("InvoiceDetail", "Total incl. VAT"),
        "payments": QCoreApplication.translate("InvoiceDetail", "Payments"),
        "notes": QCoreApplication.translate("InvoiceDetail", "Credit notes"),
        "paid": QCoreApplication.translate("InvoiceDetail", "Paid"),
        "balance": QCoreApplication.translate("InvoiceDetail", "Balance"),
    }
    return {k: escape(v) for k, v in words.items()}


def document_html(doc: InvoiceDoc) -> str:
    """The detail of a document as HTML for the side panel."""
    w = _detail_words()
    kinds = document_kinds()
    methods = payment_methods()
    money = formatting.money
    colon = formatting.colon()
    h = [f"<h3>{escape(kinds.get(doc.kind, doc.kind))} {escape(doc.number)}</h3>"]
    buyer = escape(str(doc.buyer.get("name", "")))
    h.append(
        f"<p>{w['issued']} {formatting.short_date(doc.issued_at.date())} · "
        f"{w['due']} {formatting.short_date(doc.due_date)}<br><b>{buyer}</b></p>"
    )
    if doc.credited_invoice_number:
        number = escape(doc.credited_invoice_number)
        h.append(f"<p>{w['credits']} <b>{number}</b></p>")
    h.append("<table width='100%' cellspacing='0' cellpadding='3'>")
    h.append(
        f"<tr style='background:#e8edf1'><th align='left'>{w['designation']}</th>"
        f"<th align='right'>{w['quantity']}</th><th align='right'>{w['vat']}</th>"
        f"<th align='right'>{w['incl']}</th></tr>"
    )
    for line in doc.lines:
        quantity = escape(quantity_text(line.quantity_milli, line.unit))
        h.append(
            f"<tr><td>{escape(line.designation)}</td><td align='right'>{quantity}</td>"
            f"<td align='right'>{rate_text(line.vat_rate_bp)}</td>"
            f"<td align='right'>{money(line.total_incl_cents)}</td></tr>"
        )
    h.append("</table><p>")
    for rate, base, vat in doc.vat_breakdown:
        h.append(
            f"{w['vat']} {rate_text(rate)}{colon} {w['base']} {money(base)}, {w['vat']} {money(vat)}<br>"
        )
    h.append(
        f"{w['excl']}{colon} {money(doc.total_excl_cents)}<br>"
        f"<b>{w['incl']}{colon} {money(doc.total_incl_cents)}</b></p>"
    )
    if doc.payments:
        h.append(f"<p><b>{w['payments']}</b><br>")
        for p in doc.payments:
            method = escape(methods.get(p.method, p.method))
            h.append(
                f"{formatting.short_date(p.at.date())} · {method} · {money(p.amount_cents)}<br>"
            )
        h.append("</p>")
    if doc.credit_note_numbers:
        h.append(f"<p>{w['notes']}{colon} {escape(', '.join(doc.credit_note_numbers))}</p>")
    h.append(
        f"<p>{w['paid']}{colon} {money(doc.paid_cents)} · "
        f"{w['balance']}{colon} <b>{money(doc.balance_cents)}</b></p>"
    )
    if doc.mentions:
        h.append(
            "<p style='color:#53626d'>" + "<br>".join(escape(m) for m in doc.mentions) + "</p>"
        )
    return "".join(h)


class CreditNoteDialog(QDialog):
    """Faire un avoir: the whole invoice or chosen lines with quantities, a reason (required)
    and how the money goes back (nothing, cash, card, cheque, transfer or the wallet)."""

    def __init__(self, ctx: AppContext, doc: InvoiceDoc, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc = doc
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Credit note on {number}").format(number=doc.number))
        self.setMinimumWidth(640)
        outer = QVBoxLayout(self)
        self.whole = QRadioButton(self.tr("The &whole invoice"))
        self.chosen = QRadioButton(self.tr("&Chosen lines"))
        self.whole.setAccessibleName(self.tr("Credit the whole invoice"))
        self.chosen.setAccessibleName(self.tr("Credit chosen lines"))
        self.whole.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.chosen)
        row = QHBoxLayout()
        row.addWidget(self.whole)
        row.addWidget(self.chosen)
        row.addStretch(1)
        outer.addLayout(row)
        self.table = QTableWidget(len(doc.lines), 3)
        self.table.setAccessibleName(self.tr("Lines to credit"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Designation"), self.tr("Invoiced"), self.tr("Quantity to credit")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.quantities: dict[int, QLineEdit] = {}
        for r, line in enumerate(doc.lines):
            self.table.setItem(r, 0, cell(line.designation))
            self.table.setItem(
                r, 1, cell(quantity_text(line.quantity_milli, line.unit), right=True)
            )
            edit = QLineEdit("0")
            edit.setAccessibleName(
                self.tr("Quantity of {name} to credit").format(name=line.designation)
            )
            self.table.setCellWidget(r, 2, edit)
            self.quantities[line.id] = edit
        self.table.resizeColumnsToContents()
        outer.addWidget(self.table)
        self.form = ValidatedForm()
        self.reason = self.form.add_field("reason", self.tr("&Reason:"), QLineEdit())
        self.reason.setMaxLength(300)
        self.refund = self.form.add_field("refund", self.tr("Re&fund:"), QComboBox())
        self.refund.addItem(self.tr("No refund (amount left to pay is reduced)"), None)
        labels = payment_methods()
        for code in REFUND_METHODS:
            if code == "wallet" and doc.member_id is None:
                continue
            self.refund.addItem(labels[code], code)
        self.refund_amount = self.form.add_field(
            "refund_amount", self.tr("Refund &amount (€):"), QLineEdit()
        )
        outer.addLayout(self.form)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton(
            self.tr("&Issue the credit note"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        ok.setDefault(True)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.whole.toggled.connect(self._sync)
        for edit in self.quantities.values():
            edit.textChanged.connect(self._sync)
        self.refund.currentIndexChanged.connect(self._sync)
        self._sync()
        self.reason.setFocus()

    def _sync(self) -> None:
        self.table.setEnabled(self.chosen.isChecked())
        refund = self.refund.currentData() is not None
        self.form.set_field_visible("refund_amount", refund)
        if refund:
            self.refund_amount.setText(formatting.amount_input(self.suggested_refund()))

    def estimated_credit(self) -> int:
        """What the credit note will amount to (the service rounds it the same way)."""
        if self.whole.isChecked():
            return self.doc.total_incl_cents - self.doc.credited_cents
        total = 0
        for line in self.doc.lines:
            q = parse_quantity_milli(self.quantities[line.id].text() or "0") or 0
            if line.quantity_milli:
                total += round(line.total_incl_cents * q / line.quantity_milli)
        return total

    def suggested_refund(self) -> int:
        """Give back what was paid beyond what remains due once the credit note is issued."""
        credit = self.estimated_credit()
        return max(0, min(credit, credit - self.doc.balance_cents))

    def chosen_lines(self) -> list[tuple[int, int]] | None:
        if self.whole.isChecked():
            return None
        out, bad = [], False
        for line_id, edit in self.quantities.items():
            q = parse_quantity_milli(edit.text() or "0")
            if q is None or q < 0:
                bad = True
            elif q > 0:
                out.append((line_id, q))
        if bad or not out:
            raise ValidationError({"lines": "number_invalid"})
        return out

    def submit(self) -> bool:
        self.form.clear_errors()
        self.message.hide()
        try:
            if not self.reason.text().strip():
                raise ValidationError({"reason": "required"})
            lines = self.chosen_lines()
            refund = None
            method = self.refund.currentData()
            if method is not None:
                from tierslieu_desktop.ui.pages.checkout.line_dialogs import amount_field

                cents = amount_field(self.refund_amount.text(), "refund_amount")
                refund = PaymentInput(method=method, amount_cents=cents)
            self.saved_id = credit_notes.create_credit_note(
                self.ctx.db,
                self.ctx.operator_id,
                self.doc.id,
                lines=lines,
                reason=self.reason.text().strip(),
                refund=refund,
            )
        except ValidationError as err:
            if self.form.show_errors(err.fields):
                self.message.setText(
                    self.tr("Type how much of each line to credit.")
                    if "lines" in err.fields
                    else error_message(err)
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


class InvoicesTab(QWidget):
    def __init__(self, ctx: AppContext, today_fn: TodayFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn
        self.doc: InvoiceDoc | None = None
        self.dialog: QDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Number or buyer"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search invoices by number or buyer"))
        today = today_fn()
        self.first_day = bound_to_accepted_days(QDateEdit(to_qdate(date(today.year, 1, 1))))
        self.last_day = bound_to_accepted_days(QDateEdit(to_qdate(today)))
        for edit, name in (
            (self.first_day, self.tr("From")),
            (self.last_day, self.tr("Until")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of document"))
        self.kind.addItem(self.tr("Invoices and credit notes"), None)
        for code, label in document_kinds().items():
            self.kind.addItem(label, code)
        self.unpaid_only = QCheckBox(self.tr("&Unpaid only"))
        self.unpaid_only.setAccessibleName(self.tr("Unpaid only"))
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.first_day)
        filters.addWidget(QLabel(self.tr("until")))
        filters.addWidget(self.last_day)
        filters.addWidget(self.kind)
        filters.addWidget(self.unpaid_only)
        outer.addLayout(filters)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        for signal in (
            self.first_day.dateChanged,
            self.last_day.dateChanged,
            self.kind.currentIndexChanged,
            self.unpaid_only.toggled,
        ):
            signal.connect(self.refresh)

        splitter = QSplitter()
        self.model = InvoiceTableModel(
            ctx.db,
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Buyer"),
                self.tr("Total incl. VAT"),
                self.tr("Paid"),
                self.tr("Balance"),
                self.tr("Due"),
            ],
            self,
        )
        self.table = make_view(self.tr("Invoices and credit notes"), self.model, stretch=2)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_selected())
        self.table.setMinimumWidth(460)
        splitter.addWidget(self.table)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(6, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Document detail"))
        self.detail.setMinimumWidth(300)
        right_lay.addWidget(self.detail, 1)
        actions = QHBoxLayout()
        documents = QHBoxLayout()  # a second row: the files of the document
        prints = QHBoxLayout()  # a third: printed from here, no PDF viewer needed
        self.action_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("payment", self.tr("Add a &payment…"), self.add_payment),
            ("credit", self.tr("Make a credit &note…"), self.make_credit_note),
            ("pdf", self.tr("P&DF…"), self.save_pdf),
            ("facturx", self.tr("Factur-&X…"), self.save_facturx),
            ("ticket", self.tr("&Ticket…"), self.save_ticket),
            ("print", self.tr("Pr&int…"), self.print_document),
            ("print_ticket", self.tr("Print the tic&ket…"), self.print_ticket),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            row = {"payment": actions, "credit": actions, "print": prints}
            row["print_ticket"] = prints
            row.get(key, documents).addWidget(button)
            self.action_buttons[key] = button
        # Accueil takes payments at the desk but issues no credit note (issue 19)
        follow_permission(ctx, self.action_buttons["credit"], Permission.CREDIT_NOTES, hide=True)
        right_lay.addLayout(actions)
        right_lay.addLayout(documents)
        right_lay.addLayout(prints)
        # The list needs room for the buyer's name; the detail reads well in 400 px.
        right.setMaximumWidth(400)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 400])
        outer.addWidget(splitter, 1)
        self.count = QLabel()
        self.count.setStyleSheet(MUTED_STYLE)
        outer.addWidget(self.count)
        # Nothing is read here: the page fills the tab the first time it is shown.

    @property
    def rows(self) -> list[InvoiceListRow]:
        """The documents loaded so far (the first pages of the filter)."""
        return self.model.rows

    def current_filter(self) -> InvoiceFilter:
        return InvoiceFilter(
            text=self.search.text().strip(),
            kind=self.kind.currentData(),
            first_day=from_qdate(self.first_day.date()),
            last_day=from_qdate(self.last_day.date()),
            unpaid_only=self.unpaid_only.isChecked(),
        )

    def refresh(self) -> None:
        selected = self.doc.id if self.doc else None
        self.table.selectionModel().blockSignals(True)
        self.model.set_filter(self.current_filter())
        row = self.model.row_of(selected) if selected is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        self.count.setText(self.tr("%Ln documents", "", self.model.total))
        self.show_selected()

    def select_invoice(self, invoice_id: int) -> bool:
        row = self.model.row_of(invoice_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def show_selected(self) -> None:
        invoice_id = row_data(self.table)
        self.doc = documents.get_invoice(self.ctx.db, invoice_id) if invoice_id else None
        has = self.doc is not None
        for button in self.action_buttons.values():
            button.setEnabled(has)
        if self.doc is None:
            self.detail.setHtml("")
            return
        invoice = self.doc.kind == "invoice"
        self.action_buttons["payment"].setEnabled(invoice and self.doc.balance_cents > 0)
        self.action_buttons["credit"].setEnabled(
            invoice and self.doc.credited_cents < self.doc.total_incl_cents
        )
        self.detail.setHtml(document_html(self.doc))

    # --- actions -----------------------------------------------------------------------

    def add_payment(self) -> PaymentDialog | None:
        doc = self.doc
        if doc is None:
            return None

        def record(payments: list[PaymentInput]) -> int:
            last = 0
            for p in payments:
                last = add_payment(self.ctx.db, self.ctx.operator_id, doc.id, p)
            return last

        wallet = None
        if doc.member_id is not None:
            from tierslieu_desktop.services.pricing import packs

            wallet = packs.wallet_balance(self.ctx.db, doc.member_id)
        dialog = PaymentDialog(
            self.ctx,
            title=self.tr("Add a payment"),
            heading=self.tr("{number} — {buyer}").format(
                number=doc.number, buyer=doc.buyer.get("name", "")
            ),
            due_cents=doc.balance_cents,
            submit_fn=record,
            wallet_balance_cents=wallet,
            methods=[m for m in payment_methods() if m != "mandate"],
            parent=self,
        )
        self._run(dialog, "payment")
        return dialog

    def make_credit_note(self) -> CreditNoteDialog | None:
        if self.doc is None:
            return None
        dialog = CreditNoteDialog(self.ctx, self.doc, self)
        self._run(dialog, "invoice")
        return dialog

    def _run(self, dialog: QDialog, entity: str) -> None:
        self.dialog = dialog

        def done() -> None:
            self.ctx.notify("invoice", [self.doc.id] if self.doc else [])
            self.refresh()

        dialog.accepted.connect(done)
        dialog.open()

    def _save(self, title: str, name: str, render: Callable[[], bytes]) -> str:
        path = save_path(self, title, name, self.tr("PDF (*.pdf)"))
        if path:
            try:
                write_private_bytes(path, render())
            except OSError as err:
                self.count.setText(str(err))
                return ""
            announce_saved(self, path, "invoice")
        return path

    def print_document(self) -> bool:
        """The selected invoice or credit note (A4) in the print preview."""
        doc = self.doc
        if doc is None:
            return False
        data = pdf().render_invoice(doc, logo=structure_logo(self.ctx))
        return printing.print_pdf(
            self, data, "invoice", self.tr("Print {number}").format(number=doc.number)
        )

    def print_ticket(self) -> bool:
        """Its 80 mm ticket in the print preview, on the printer used last for tickets."""
        doc = self.doc
        if doc is None:
            return False
        return printing.print_pdf(
            self, pdf().render_receipt(doc), "receipt", self.tr("Print the ticket")
        )

    def save_pdf(self) -> str:
        doc = self.doc
        if doc is None:
            return ""
        return self._save(
            self.tr("Save the PDF"),
            f"{doc.number}.pdf",
            lambda: pdf().render_invoice(doc, logo=structure_logo(self.ctx)),
        )

    def save_facturx(self) -> str:
        doc = self.doc
        if doc is None:
            return ""
        return self._save(
            self.tr("Save the Factur-X PDF"),
            f"{doc.number}-facturx.pdf",
            lambda: pdf().render_facturx(doc, logo=structure_logo(self.ctx)),
        )

    def save_ticket(self) -> str:
        doc = self.doc
        if doc is None:
            return ""
        return self._save(
            self.tr("Save the ticket"),
            f"ticket-{doc.number}.pdf",
            lambda: pdf().render_receipt(doc),
        )
