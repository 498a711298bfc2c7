"""Remises (issue 15, "remise en banque"): the desk's cheques and cash taken to the bank.

``DepositDialog``: the cheques waiting (all checked; a click on a row or Space toggles
it), their count and total shown live, the cash to take from the till (the cash on hand
shown), the bank's reference and the day; "Save and print the slip" records the deposit
(services.billing.deposits.record_deposit) then asks where to write the slip PDF
(ui/file_dialogs.py through ``common.save_path``). ``DepositsTab``: what is waiting, the
past deposits, reprinting a slip and cancelling a deposit by a reversing one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.deposits import SlipCheque
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import deposits
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import error_message, field_message, run_write
from tierslieu_desktop.ui.models.rows_table import Column, RowsTableModel
from tierslieu_desktop.ui.pages.checkout.common import (
    MUTED_STYLE,
    TOTAL_STYLE,
    cell,
    fill_table,
    make_table,
    make_view,
    money_cell,
    row_data,
    save_path,
)
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm

TodayFn = Callable[[], date]


def write_slips(parent: QWidget, ctx: AppContext, deposit_ids: Sequence[int]) -> str:
    """Ask where to save the slips of ``deposit_ids`` (one PDF, a page each) and write
    it; the path written, "" when cancelled."""
    from tierslieu_desktop.reports.deposit_pdf import deposit_slips_pdf

    slips = [deposits.deposit_slip(ctx.db, i) for i in deposit_ids]
    name = "remise-" + "-".join(s.number for s in slips) + ".pdf"
    path = save_path(
        parent,
        QCoreApplication.translate("DepositsTab", "Save the deposit slip"),
        name,
        QCoreApplication.translate("DepositsTab", "PDF (*.pdf)"),
    )
    if path:
        write_private_bytes(path, deposit_slips_pdf(slips))
        announce_saved(parent, path, "report")
    return path


class DepositDialog(QDialog):
    """Tests check rows by clicking them, type in ``cash`` and call ``submit()``."""

    def __init__(self, ctx: AppContext, today_fn: TodayFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Bank deposit"))
        self.setAccessibleName(self.tr("Bank deposit"))
        self.cheques: list[SlipCheque] = deposits.undeposited_cheques(ctx.db)
        self.on_hand = deposits.cash_on_hand(ctx.db)
        self.deposit_ids: list[int] = []
        self.saved_path = ""
        self.save_error = ""
        lay = QVBoxLayout(self)
        heading = QLabel(self.tr("Cheques not deposited yet (click a row to check or uncheck it)"))
        lay.addWidget(heading)
        self.table = make_table(
            self.tr("Cheques to deposit"),
            [
                self.tr("Deposit"),
                self.tr("Received"),
                self.tr("Cheque no."),
                self.tr("Bank"),
                self.tr("Drawer"),
                self.tr("Invoice"),
                self.tr("Amount"),
            ],
            stretch=4,
        )
        heading.setBuddy(self.table)
        rows = []
        for c in self.cheques:
            check = cell("", data=c.payment_id)
            check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            check.setData(Qt.ItemDataRole.CheckStateRole, Qt.CheckState.Checked)
            rows.append(
                [
                    check,
                    cell(formatting.short_date(c.day)),
                    cell(c.cheque_number),
                    cell(c.bank),
                    cell(c.drawer),
                    cell(c.invoice_number),
                    money_cell(c.amount_cents),
                ]
            )
        fill_table(self.table, rows)
        self.table.cellClicked.connect(lambda row, _col: self.toggle(row))
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.table, self._toggle_current)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Check &all"))
        self.all_button.setAccessibleName(self.tr("Check all the cheques"))
        self.all_button.clicked.connect(lambda: self.check_all(True))
        self.none_button = QPushButton(self.tr("Check &none"))
        self.none_button.setAccessibleName(self.tr("Uncheck all the cheques"))
        self.none_button.clicked.connect(lambda: self.check_all(False))
        self.total = QLabel()
        self.total.setStyleSheet(TOTAL_STYLE)
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        row.addWidget(self.total)
        lay.addLayout(row)
        self.cheques_error = QLabel()
        self.cheques_error.setStyleSheet(ERROR_STYLE)
        self.cheques_error.setWordWrap(True)
        self.cheques_error.hide()
        lay.addWidget(self.cheques_error)
        self.form = ValidatedForm()
        self.cash = self.form.add_field("cash_cents", self.tr("&Cash from the till:"), QLineEdit())
        self.cash.setText(formatting.amount_input(0))
        self.cash.textChanged.connect(lambda _t: self._sync())
        self.on_hand_label = QLabel(
            self.tr("Cash on hand: {amount}").format(amount=formatting.money(self.on_hand))
        )
        self.on_hand_label.setStyleSheet(MUTED_STYLE)
        self.form.addRow("", self.on_hand_label)
        self.reference = self.form.add_field("reference", self.tr("Bank &reference:"), QLineEdit())
        self.reference.setPlaceholderText(self.tr("number printed on the bank's slip (optional)"))
        self.day = self.form.add_field(
            "day", self.tr("&Day:"), bound_to_accepted_days(QDateEdit(to_qdate(today_fn())))
        )
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        lay.addLayout(self.form)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Save and print the slip"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save and print the slip"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        lay.addWidget(buttons)
        self.resize(860, 560)
        self._sync()

    # --- the checked cheques ---------------------------------------------------------

    def _item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, 0)
        assert item is not None
        return item

    def is_checked(self, row: int) -> bool:
        return self._item(row).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    def toggle(self, row: int) -> None:
        state = Qt.CheckState.Unchecked if self.is_checked(row) else Qt.CheckState.Checked
        self._item(row).setData(Qt.ItemDataRole.CheckStateRole, state)
        self._sync()

    def _toggle_current(self) -> None:
        if self.table.currentRow() >= 0:
            self.toggle(self.table.currentRow())

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for r in range(self.table.rowCount()):
            self._item(r).setData(Qt.ItemDataRole.CheckStateRole, state)
        self._sync()

    def checked_ids(self) -> list[int]:
        return [c.payment_id for r, c in enumerate(self.cheques) if self.is_checked(r)]

    def _sync(self) -> None:
        ids = set(self.checked_ids())
        total = sum(c.amount_cents for c in self.cheques if c.payment_id in ids)
        text = self.tr("%Ln cheques checked: {amount}", "", len(ids)).format(
            amount=formatting.money(total)
        )
        try:
            cash = parse_amount(self.cash.text()) if self.cash.text().strip() else 0
        except AmountError:
            cash = 0
        if cash:
            text += " · " + self.tr("cash: {amount}").format(amount=formatting.money(cash))
        self.total.setText(text)
        self.total.setAccessibleName(text)

    # --- saving ----------------------------------------------------------------------

    def _show(self, fields: dict[str, str]) -> None:
        own = {k: v for k, v in fields.items() if k in ("cash_cents", "reference", "day")}
        self.form.show_errors(own)
        for key in ("cheques", "deposit"):
            if key in fields:
                self.cheques_error.setText(field_message(fields[key], key))
                self.cheques_error.show()
                self.table.setFocus()
                break

    def submit(self) -> bool:
        """Record the deposit, then save its slip; True when recorded (the dialog closes
        even if the slip is not saved: it can be printed again from Remises)."""
        self.form.clear_errors()
        self.cheques_error.hide()
        self.message.clear()
        text = self.cash.text().strip()
        try:
            cash = parse_amount(text) if text else 0
        except AmountError as exc:
            self._show({"cash_cents": exc.code})
            return False
        day = from_qdate(self.day.date())
        try:
            self.deposit_ids = run_write(
                self,
                lambda: deposits.record_deposit(
                    self.ctx.db,
                    day,
                    self.checked_ids(),
                    cash,
                    self.reference.text(),
                    self.ctx.operator_id,
                ),
            )
        except ValidationError as err:
            self._show(err.fields)
            return False
        except DomainError as err:
            self.message.setText(error_message(err))
            return False
        self.ctx.notify("deposit", self.deposit_ids)
        try:
            self.saved_path = write_slips(self, self.ctx, self.deposit_ids)
        except OSError as err:
            self.save_error = str(err)
        self.accept()
        return True


class DepositsTab(QWidget):
    def __init__(self, ctx: AppContext, today_fn: TodayFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn
        self.rows: list[deposits.DepositSummary] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        self.deposit_button = QPushButton(self.tr("&Bank deposit…"))
        self.deposit_button.setAccessibleName(self.tr("Bank deposit"))
        self.deposit_button.setToolTip(self.tr("Ctrl+Shift+B, from any tab of the page"))
        self.deposit_button.clicked.connect(self.open_dialog)
        self.reprint_button = QPushButton(self.tr("&Reprint the slip…"))
        self.reprint_button.setAccessibleName(self.tr("Reprint the slip"))
        self.reprint_button.clicked.connect(self.reprint)
        self.cancel_button = QPushButton(self.tr("Ca&ncel the deposit…"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the deposit"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        row.addWidget(self.deposit_button)
        row.addStretch(1)
        row.addWidget(self.reprint_button)
        row.addWidget(self.cancel_button)
        outer.addLayout(row)
        self.waiting = QLabel()
        self.waiting.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.waiting)
        kinds = {
            "cheque": self.tr("Cheques"),
            "cash": self.tr("Cash"),
            "voucher": self.tr("Vouchers"),
        }
        self.model: RowsTableModel[deposits.DepositSummary] = RowsTableModel(
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(self.tr("Day"), lambda r: formatting.short_date(r.day)),
                Column(self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind)),
                Column(self.tr("Cheques"), lambda r: str(r.cheque_count or ""), right=True),
                Column(self.tr("Amount"), lambda r: formatting.money(r.amount_cents), right=True),
                Column(self.tr("Bank reference"), lambda r: r.reference),
                Column(self.tr("Cancellation"), self._cancellation),
            ],
            key=lambda r: r.id,
            parent=self,
        )
        self.table = make_view(self.tr("Past deposits"), self.model, stretch=5)
        outer.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

    def _cancellation(self, r: deposits.DepositSummary) -> str:
        if r.cancels_number:
            return self.tr("cancels {number}").format(number=r.cancels_number)
        if r.cancelled_by:
            return self.tr("cancelled by {number}").format(number=r.cancelled_by)
        return ""

    def refresh(self) -> None:
        waiting = deposits.undeposited_cheques(self.ctx.db)
        on_hand = deposits.cash_on_hand(self.ctx.db)
        self.waiting.setText(
            self.tr(
                "Waiting: %Ln cheques, {cheques} · cash in the till: {cash}", "", len(waiting)
            ).format(
                cheques=formatting.money(sum(c.amount_cents for c in waiting)),
                cash=formatting.money(on_hand),
            )
        )
        self.rows = deposits.list_deposits(self.ctx.db)
        self.model.set_rows(self.rows)
        if self.rows:
            self.table.selectRow(0)
        self.reprint_button.setEnabled(bool(self.rows))
        self.cancel_button.setEnabled(bool(self.rows))

    def open_dialog(self) -> DepositDialog:
        dialog = DepositDialog(self.ctx, self.today_fn, self)
        dialog.accepted.connect(lambda: self._after(dialog))
        dialog.open()
        return dialog

    def _after(self, dialog: DepositDialog) -> None:
        numbers = ", ".join(
            r.number for r in deposits.list_deposits(self.ctx.db) if r.id in dialog.deposit_ids
        )
        if dialog.saved_path:
            text = self.tr("Deposit {numbers} saved; slip written: {path}").format(
                numbers=numbers, path=dialog.saved_path
            )
        else:
            text = self.tr("Deposit {numbers} saved; its slip can be printed again here.").format(
                numbers=numbers
            )
        self.refresh()
        self.message.setText(f"{text} {dialog.save_error}".strip())

    def reprint(self) -> str:
        deposit_id = row_data(self.table)
        if deposit_id is None:
            return ""
        try:
            path = write_slips(self, self.ctx, [deposit_id])
        except OSError as err:
            self.message.setText(str(err))
            return ""
        if path:
            self.message.setText(self.tr("Slip written: {path}").format(path=path))
        return path

    def cancel_selected(self) -> int | None:
        deposit_id = row_data(self.table)
        if deposit_id is None:
            return None
        row = next(r for r in self.rows if r.id == deposit_id)
        if not confirm(
            self,
            self.tr("Cancel the deposit"),
            self.tr(
                "Cancel the deposit {number} by a reversing deposit dated today? Its cheques "
                "will wait to be deposited again."
            ).format(number=row.number),
            self.tr("Cancel the deposit"),
        ):
            return None
        try:
            new_id = run_write(
                self,
                lambda: deposits.cancel_deposit(
                    self.ctx.db, deposit_id, self.today_fn(), self.ctx.operator_id
                ),
            )
        except ValidationError as err:
            self.message.setText(
                " ".join(field_message(code, name) for name, code in err.fields.items())
            )
            return None
        except DomainError as err:
            self.message.setText(error_message(err))
            return None
        self.ctx.notify("deposit", [new_id])
        self.refresh()
        return new_id
