"""Finances › Dépenses: the expenses of a period (filters by dates and category),
add / edit / delete, the import of a bank or accounting CSV export, and the budget voted
for a year (revenue and expense lines)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.finance import BUDGET_EXPENSE_CATEGORIES, BUDGET_REVENUE_CATEGORIES
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.background import (
    BackgroundImport,
    CancelCheck,
    Progress,
    cancelled_text,
)
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, field_message
from tierslieu_desktop.ui.pages.finances.details import money_item
from tierslieu_desktop.ui.pages.finances.dialogs import ExpenseDialog, FinanceDialog
from tierslieu_desktop.ui.pages.finances.funders_tab import (
    button,
    current_data,
    fit_columns,
    make_table,
    text_item,
)
from tierslieu_desktop.ui.pages.finances.labels import (
    activity_names,
    budget_category_names,
    expense_category_names,
    expense_payment_method_names,
    name_of,
)
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.confirm import ask_reason
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.tables import item_at

OK_STYLE = "color: #1b5e20;"


class ExpensesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: FinanceDialog | None = None
        self.import_job: BackgroundImport | None = None
        self._rows: dict[int, expenses.ExpenseRow] = {}
        self._budget: dict[tuple[str, str], int] = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)

        left = QVBoxLayout()
        filters = QHBoxLayout()
        today = lab_today()
        filters.addWidget(QLabel(self.tr("From:")))
        self.first = QDateEdit()
        self.first.setAccessibleName(self.tr("Expenses from"))
        filters.addWidget(self.first)
        filters.addWidget(QLabel(self.tr("to:")))
        self.last = QDateEdit()
        self.last.setAccessibleName(self.tr("Expenses until"))
        filters.addWidget(self.last)
        for edit, value in (
            (self.first, date(today.year, 1, 1)),
            (self.last, date(today.year, 12, 31)),
        ):
            bound_to_accepted_days(edit)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(to_qdate(value))
        filters.addWidget(QLabel(self.tr("Category:")))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category of the expenses shown"))
        self.category.addItem(self.tr("All categories"), None)
        names = expense_category_names()
        for code in BUDGET_EXPENSE_CATEGORIES:
            if code != "in_kind":
                self.category.addItem(names[code], code)
        filters.addWidget(self.category)
        filters.addStretch(1)
        left.addLayout(filters)
        self.table = make_table(
            self.tr("Expenses"),
            [
                self.tr("Date"),
                self.tr("Category"),
                self.tr("Amount"),
                self.tr("Activity"),
                self.tr("Label"),
                self.tr("Supplier"),
                self.tr("Machine"),
                self.tr("Paid"),
            ],
            4,
        )
        left.addWidget(self.table, 1)
        self.total = QLabel()
        self.total.setAccessibleName(self.tr("Total of the expenses shown"))
        left.addWidget(self.total)
        row = QHBoxLayout()
        self.new_button = button(self.tr("New expense…"), self.tr("New expense"))
        self.new_button.setToolTip(self.tr("Insert"))
        self.edit_button = button(self.tr("Edit…"), self.tr("Edit the expense"))
        self.delete_button = button(self.tr("Delete"), self.tr("Delete the expense"))
        self.delete_button.setToolTip(self.tr("Delete key"))
        self.import_button = button(
            self.tr("Import a CSV file…"), self.tr("Import expenses from a CSV file")
        )
        self.import_button.setToolTip(
            self.tr("Columns: date;categorie;activite;montant;libelle;fournisseur")
        )
        for w in (self.new_button, self.edit_button, self.delete_button, self.import_button):
            row.addWidget(w)
        row.addStretch(1)
        left.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left.addWidget(self.status)
        lay.addLayout(left, 3)

        # budget
        box = QGroupBox(self.tr("Budget of the year"))
        b = QVBoxLayout(box)
        yrow = QHBoxLayout()
        yrow.addWidget(QLabel(self.tr("Year:")))
        self.budget_year = QSpinBox()
        self.budget_year.setRange(2000, 2100)
        self.budget_year.setValue(today.year)
        self.budget_year.setAccessibleName(self.tr("Year of the budget"))
        yrow.addWidget(self.budget_year)
        yrow.addStretch(1)
        b.addLayout(yrow)
        self.budget_table = make_table(
            self.tr("Budget lines"),
            [self.tr("Side"), self.tr("Category"), self.tr("Amount (€)")],
            1,
        )
        self.budget_table.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        b.addWidget(self.budget_table, 1)
        self.save_budget_button = button(self.tr("Save the budget"), self.tr("Save the budget"))
        b.addWidget(self.save_budget_button)
        self.budget_status = QLabel()
        self.budget_status.setWordWrap(True)
        b.addWidget(self.budget_status)
        lay.addWidget(box, 2)

        self.first.dateChanged.connect(lambda _d: self.reload())
        self.last.dateChanged.connect(lambda _d: self.reload())
        self.category.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(lambda: self.edit(new=True))
        self.edit_button.clicked.connect(lambda: self.edit())
        self.table.activated.connect(lambda _i: self.edit())
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.choose_csv)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.budget_year.valueChanged.connect(lambda _v: self.reload_budget())
        self.save_budget_button.clicked.connect(self.save_budget)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, lambda: self.edit(new=True))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.activated.connect(self.delete_selected)
        ctx.changed.connect(self._on_changed)
        load_when_shown(self, self._first_load)

    # --- loading ---------------------------------------------------------------------

    def _first_load(self) -> None:
        self.reload()
        self.reload_budget()

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in ("expense", "machine"):
            self.reload()

    def reload(self) -> None:
        keep = current_data(self.table)
        rows = expenses.list_expenses(
            self.ctx.db,
            first_day=from_qdate(self.first.date()),
            last_day=from_qdate(self.last.date()),
            category=self.category.currentData(),
        )
        self._rows = {r.id: r for r in rows}
        cats, acts = expense_category_names(), activity_names()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            self.table.setItem(i, 0, text_item(formatting.short_date(r.day), r.id))
            self.table.setItem(i, 1, text_item(name_of(cats, r.category)))
            self.table.setItem(i, 2, money_item(r.amount_cents))
            self.table.setItem(i, 3, text_item(name_of(acts, r.activity)))
            self.table.setItem(i, 4, text_item(r.label))
            self.table.setItem(i, 5, text_item(r.supplier))
            self.table.setItem(i, 6, text_item(r.machine_name or ""))
            self.table.setItem(i, 7, text_item(self._paid_text(r)))
            if r.id == keep:
                self.table.setCurrentCell(i, 0)
        self.table.blockSignals(False)
        fit_columns(self.table, 200)
        self.total.setText(
            self.tr("{count} expenses · total {total}").format(
                count=formatting.number(len(rows)),
                total=formatting.money(sum(r.amount_cents for r in rows)),
            )
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.current() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def current(self) -> expenses.ExpenseRow | None:
        eid = current_data(self.table)
        return self._rows.get(eid) if eid is not None else None

    def select(self, expense_id: int) -> bool:
        for i in range(self.table.rowCount()):
            if item_at(self.table, i, 0).data(Qt.ItemDataRole.UserRole) == expense_id:
                self.table.setCurrentCell(i, 0)
                return True
        return False

    # --- actions ---------------------------------------------------------------------

    def _paid_text(self, r: expenses.ExpenseRow) -> str:
        if r.category == "depreciation":
            return ""
        if r.payment_day is None:
            return self.tr("Not paid")
        method = name_of(expense_payment_method_names(), r.payment_method)
        return self.tr("{day}, {method}").format(
            day=formatting.short_date(r.payment_day), method=method.lower()
        )

    def _say(self, label: QLabel, text: str, ok: bool) -> None:
        label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        label.setText(text)

    def edit(self, new: bool = False) -> FinanceDialog | None:
        row = None if new else self.current()
        if not new and row is None:
            return None
        dialog = ExpenseDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.select(dialog.saved_id or -1))
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> bool:
        row = self.current()
        if row is None:
            return False
        reason = ask_reason(
            self,
            self.tr("Delete the expense"),
            self.tr("Delete the expense “{label}” of {amount} on {day}?").format(
                label=row.label or name_of(expense_category_names(), row.category),
                amount=formatting.money(row.amount_cents),
                day=formatting.short_date(row.day),
            ),
            self.tr("Delete"),
        )
        if reason is None:
            return False
        try:
            expenses.delete_expense(
                self.ctx.db, self.ctx.operator_id, row.id, reason, expected_version=row.version
            )
        except DomainError as err:
            self._say(self.status, error_message(err), False)
            return False
        self._say(self.status, self.tr("Expense deleted."), True)
        self.ctx.notify("expense", [row.id])
        return True

    def choose_csv(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Import expenses"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> BackgroundImport | None:
        """Start importing the CSV file at ``path`` (see :meth:`import_text`); None when
        the file cannot be read."""
        try:
            raw = path.read_bytes()
        except OSError:
            self._say(self.status, self.tr("The file could not be read."), False)
            return None
        return self.import_text(raw)  # decoded by the service: UTF-8 or Windows-1252

    def import_text(self, text: str | bytes) -> BackgroundImport:
        """Import expenses off the window's thread behind a progress dialog that can
        cancel; all lines or none. The outcome is said in the status line when the
        returned job ends (its ``result`` is the count, None when nothing was imported)."""
        db, actor = self.ctx.db, self.ctx.operator_id

        def work(progress: Progress, cancelled: CancelCheck) -> int:
            return expenses.import_expenses_csv(
                db, actor, text, progress=progress, cancelled=cancelled
            )

        if self.import_job is not None:
            if self.import_job.running:  # one import at a time: the running one goes on
                return self.import_job
            self.import_job.deleteLater()
        self.import_button.setEnabled(False)
        self.import_job = BackgroundImport(
            self,
            self.tr("Import expenses"),
            self.tr("Importing the expenses…"),
            work,
            self._imported,
            self._import_failed,
        )
        # whatever the end (even an unexpected error): the button works again
        self.import_job.done.connect(lambda: self.import_button.setEnabled(True))
        return self.import_job.start()

    def _imported(self, count: int) -> None:
        self.import_button.setEnabled(True)
        self._say(
            self.status,
            self.tr("{count} expenses imported.").format(count=formatting.number(count)),
            True,
        )
        self.ctx.notify("expense", [])

    def _import_failed(self, err: DomainError) -> None:
        self.import_button.setEnabled(True)
        text = cancelled_text() if err.code == "cancelled" else error_message(err)
        self._say(self.status, text, False)

    # --- budget ----------------------------------------------------------------------

    def reload_budget(self) -> None:
        amounts = expenses.budget(self.ctx.db, self.budget_year.value())
        self._budget = amounts
        lines = [("revenue", c) for c in BUDGET_REVENUE_CATEGORIES] + [
            ("expense", c) for c in BUDGET_EXPENSE_CATEGORIES
        ]
        sides = {"revenue": self.tr("Revenue"), "expense": self.tr("Expense")}
        t = self.budget_table
        t.setRowCount(len(lines))
        for i, (side, category) in enumerate(lines):
            first = text_item(sides[side], (side, category))
            first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsEditable)
            second = text_item(name_of(budget_category_names(side), category))
            second.setFlags(second.flags() & ~Qt.ItemFlag.ItemIsEditable)
            t.setItem(i, 0, first)
            t.setItem(i, 1, second)
            cents = amounts.get((side, category))
            amount = QTableWidgetItem(formatting.money(cents) if cents else "")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(i, 2, amount)
        fit_columns(self.budget_table, 200)
        self.budget_status.clear()

    def save_budget(self) -> bool:
        year = self.budget_year.value()
        values: list[tuple[str, str, int]] = []
        for i in range(self.budget_table.rowCount()):
            side, category = item_at(self.budget_table, i, 0).data(Qt.ItemDataRole.UserRole)
            text = item_at(self.budget_table, i, 2).text().strip()
            if not text and (side, category) not in self._budget:
                continue  # no budget line: keep none (not a line at 0)
            try:
                cents = parse_amount(text) if text else 0
            except AmountError as exc:
                self.budget_table.setCurrentCell(i, 2)
                message = self.tr("Line “{category}”: the amount is not valid.").format(
                    category=item_at(self.budget_table, i, 1).text()
                )
                if exc.code != "amount_invalid":  # why: ambiguous, decimals, negative
                    message += " " + field_message(exc.code)
                self._say(self.budget_status, message, False)
                return False
            values.append((side, category, cents))
        try:
            for side, category, cents in values:
                expenses.set_budget(self.ctx.db, year, side, category, cents)
        except DomainError as err:
            self._say(self.budget_status, error_message(err), False)
            return False
        self._say(self.budget_status, self.tr("Budget {year} saved.").format(year=year), True)
        self.ctx.notify("budget", [year])
        return True
