"""Impayés (unpaid invoices with their age, and a reminder PDF for a buyer),
Facturation mensuelle (members invoiced once a month, in a cancellable batch) and
Clôtures (closing a day, a month or a year, and exporting its archive)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.documents import UnpaidRow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import (
    archives,
    deposits,
    documents,
    ledger,
    monthly,
    payments,
)
from tierslieu_desktop.ui import printing
from tierslieu_desktop.ui.background import (
    BackgroundTask,
    CancelCheck,
    Progress,
    read_in_background,
)
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import error_message, run_write, show_error
from tierslieu_desktop.ui.models.rows_table import Column, RowsTableModel
from tierslieu_desktop.ui.pages.checkout.common import (
    MUTED_STYLE,
    TOTAL_STYLE,
    closing_kinds,
    make_view,
    pdf,
    row_data,
    save_path,
    structure_logo,
)
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.confirm import confirm

TodayFn = Callable[[], date]
LATE_COLOR = "#8b0000"  # the overdue days, dark red


def _button(text: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(slot)
    return button


class UnpaidTab(QWidget):
    loaded = Signal()  # the list shows the latest read

    def __init__(self, ctx: AppContext, today_fn: TodayFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn
        self.rows: list[UnpaidRow] = []
        self._request = 0  # the latest read asked for
        self._shown_once = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        short_date = formatting.short_date
        self.model: RowsTableModel[UnpaidRow] = RowsTableModel(
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(self.tr("Buyer"), lambda r: r.buyer_name),
                Column(self.tr("Issued on"), lambda r: short_date(r.issued_at.date())),
                Column(self.tr("Due"), lambda r: short_date(r.due_date)),
                Column(self.tr("Age (days)"), lambda r: str(r.age_days), right=True),
                Column(
                    self.tr("Overdue (days)"),
                    lambda r: str(r.overdue_days) if r.overdue_days > 0 else "",
                    right=True,
                    color=lambda r: LATE_COLOR if r.overdue_days > 0 else None,
                ),
                Column(
                    self.tr("Total incl. VAT"),
                    lambda r: formatting.money(r.total_incl_cents),
                    right=True,
                ),
                Column(
                    self.tr("Left to pay"), lambda r: formatting.money(r.balance_cents), right=True
                ),
            ],
            key=lambda r: r.invoice_id,
            parent=self,
        )
        self.table = make_view(self.tr("Unpaid invoices"), self.model, stretch=1)
        outer.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.total = QLabel()
        self.total.setStyleSheet(TOTAL_STYLE)
        bottom.addWidget(self.total, 1)
        self.reminder_button = _button(self.tr("&Reminder PDF…"), self.save_reminder)
        self.reminder_button.setToolTip(
            self.tr("A reminder letter listing every unpaid invoice of the selected buyer")
        )
        bottom.addWidget(self.reminder_button)
        self.reminder_button.setEnabled(False)
        self.print_reminder_button = _button(self.tr("&Print the reminder…"), self.print_reminder)
        bottom.addWidget(self.print_reminder_button)
        self.print_reminder_button.setEnabled(False)
        outer.addLayout(bottom)
        # Nothing is read here: the page fills the tab the first time it is shown.

    def refresh(self) -> None:
        """Read the unpaid invoices off the window's thread (the balance of every invoice
        ever issued: the slowest read of the page); the list fills when they arrive."""
        self._request += 1
        request, db, today = self._request, self.ctx.db, self.today_fn()
        if not self._shown_once:
            self.total.setText(self.tr("Reading the unpaid invoices…"))
        read_in_background(lambda: (request, payments.unpaid(db, today)), self._show_rows)

    def _show_rows(self, answer: tuple[int, list[UnpaidRow]]) -> None:
        request, rows = answer
        if request != self._request:
            return  # an older answer: a newer one is on its way
        self._shown_once = True
        self.rows = rows
        kept = row_data(self.table)  # a refresh (another desk's sale too) keeps the invoice
        self.model.set_rows(self.rows)
        if self.rows:
            self.table.selectRow(max(self.model.row_of(kept) if kept is not None else 0, 0))
        self.total.setText(
            self.tr("%Ln unpaid, {amount} to collect", "", len(self.rows)).format(
                amount=formatting.money(sum(r.balance_cents for r in self.rows)),
            )
        )
        self.reminder_button.setEnabled(bool(self.rows))
        self.print_reminder_button.setEnabled(bool(self.rows))
        self.loaded.emit()

    def _reminder(self) -> tuple[str, Callable[[], bytes]] | None:
        """The selected buyer's name and how to draw their reminder; None (said) when
        none of their invoices is due yet."""
        invoice_id = row_data(self.table)
        chosen = next((r for r in self.rows if r.invoice_id == invoice_id), None)
        if chosen is None:
            return None
        rows = payments.reminder_rows(self.rows, chosen.invoice_id, self.today_fn())
        if not rows:  # a reminder lists only invoices already due
            QMessageBox.information(
                self,
                self.tr("Reminder"),
                self.tr("None of this buyer's unpaid invoices is due yet: nothing to remind."),
            )
            return None
        doc = documents.get_invoice(self.ctx.db, chosen.invoice_id)

        def render() -> bytes:
            return pdf().render_reminder(
                rows, doc.buyer, doc.seller, self.today_fn(), logo=structure_logo(self.ctx)
            )

        return chosen.buyer_name, render

    def save_reminder(self) -> str:
        found = self._reminder()
        if found is None:
            return ""
        name, render = found
        path = save_path(
            self,
            self.tr("Save the reminder"),
            self.tr("reminder-{name}.pdf").format(name=name.replace(" ", "-")),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            write_private_bytes(path, render())
            announce_saved(self, path, "reminder")
        return path

    def print_reminder(self) -> bool:
        """The selected buyer's reminder in the print preview."""
        found = self._reminder()
        if found is None:
            return False
        return printing.print_pdf(self, found[1](), "reminder", self.tr("Print the reminder"))


class MonthlyTab(QWidget):
    def __init__(self, ctx: AppContext, today_fn: TodayFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn
        self.last_result: monthly.BatchResult | None = None
        self.progress: QProgressDialog | None = None  # the running batch's dialog
        self.job: BackgroundTask | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Month:"))
        today = today_fn()
        previous = (
            date(today.year - 1, 12, 1)
            if today.month == 1
            else date(today.year, today.month - 1, 1)
        )
        self.month = bound_to_accepted_days(QDateEdit(to_qdate(previous)))
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setAccessibleName(self.tr("Month to invoice"))
        label.setBuddy(self.month)
        self.month.dateChanged.connect(self.refresh)
        row.addWidget(label)
        row.addWidget(self.month)
        row.addStretch(1)
        outer.addLayout(row)
        note = QLabel(
            self.tr(
                "Members invoiced monthly with usages not yet billed in that month. "
                "One invoice per member; stopping keeps the invoices already issued."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)
        outer.addWidget(note)
        self.model: RowsTableModel[tuple[int, str, int, int]] = RowsTableModel(
            [
                Column(self.tr("Member"), lambda r: r[1]),
                Column(self.tr("Usages"), lambda r: str(r[2]), right=True),
                Column(self.tr("Total incl. VAT"), lambda r: formatting.money(r[3]), right=True),
            ],
            key=lambda r: r[0],
            parent=self,
        )
        self.table = make_view(self.tr("Members to invoice"), self.model, stretch=0)
        outer.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setStyleSheet(TOTAL_STYLE)
        bottom.addWidget(self.summary, 1)
        self.run_button = _button(self.tr("&Invoice"), self.run)
        bottom.addWidget(self.run_button)
        outer.addLayout(bottom)
        self.result = QLabel()
        self.result.setWordWrap(True)
        outer.addWidget(self.result)
        # Nothing is read here: the page fills the tab the first time it is shown.

    def chosen_month(self) -> date:
        d = from_qdate(self.month.date())
        return d.replace(day=1)

    def refresh(self) -> None:
        rows = monthly.monthly_candidates(self.ctx.db, self.chosen_month())
        self.model.set_rows(rows)
        self.summary.setText(
            self.tr("%Ln members, {amount}", "", len(rows)).format(
                amount=formatting.money(sum(r[3] for r in rows))
            )
        )
        self.run_button.setEnabled(bool(rows))

    def run(self) -> BackgroundTask | None:
        """Issue the month's invoices in a worker behind a progress dialog; « Stop » ends
        the batch after the invoice being issued (those already issued stay). The
        outcome is said when the returned job ends (its ``result`` is the BatchResult)."""
        if self.job is not None and self.job.running:  # one batch at a time
            return self.job
        count = self.model.rowCount()
        if not count or not confirm(
            self,
            self.tr("Monthly invoicing"),
            self.tr(
                "Issue %Ln invoices for {month}? Issued invoices cannot be changed.", "", count
            ).format(month=self.month.date().toString("MM/yyyy")),
            self.tr("Invoice"),
        ):
            return None
        db, actor, month = self.ctx.db, self.ctx.operator_id, self.chosen_month()

        def work(progress: Progress, cancelled: CancelCheck) -> monthly.BatchResult:
            def step(done: int, total: int) -> bool:
                progress(done, total)
                return not cancelled()

            return monthly.invoice_month(db, actor, month, progress=step)

        if self.job is not None:
            self.job.deleteLater()
        self.run_button.setEnabled(False)
        self.result.clear()
        self.job = BackgroundTask(
            self,
            self.tr("Monthly invoicing"),
            self.tr("Issuing the invoices…"),
            work,
            self._issued,
            self._failed,
            dialog_name=self.tr("Monthly invoicing progress"),
            cancel_text=self.tr("Stop"),
            cancel_name=self.tr("Stop the monthly invoicing"),
            cancelling_text=self.tr("Stopping after the invoice being issued…"),
        )
        self.progress = self.job.dialog
        self.job.done.connect(self.refresh)  # whatever the end: the list as it is now
        return self.job.start()

    def _issued(self, result: monthly.BatchResult) -> None:
        self.last_result = result
        text = self.tr("%Ln invoices issued.", "", len(result.invoice_ids))
        if result.cancelled:
            text += " " + self.tr("Stopped before the end: run it again for the rest.")
        if result.skipped:
            text += " " + self.tr("%Ln members skipped.", "", len(result.skipped))
        self.result.setText(text)
        self.ctx.notify("invoice", result.invoice_ids)

    def _failed(self, err: DomainError) -> None:
        show_error(self, err)


class ClosingsTab(QWidget):
    def __init__(self, ctx: AppContext, today_fn: TodayFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn
        self.rows: list[ledger.ClosingSummary] = []
        self._cash_of: int | None = None  # the closing whose till is shown
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Period to close"))
        for code, label in closing_kinds().items():
            self.kind.addItem(label, code)
        self.start = bound_to_accepted_days(QDateEdit(to_qdate(today_fn())))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd/MM/yyyy")
        self.start.setAccessibleName(self.tr("Day in the period"))
        self.close_button = _button(self.tr("&Close the period…"), self.close_period)
        self.export_button = _button(self.tr("&Export the archive…"), self.export_archive)
        self.note_button = _button(self.tr("Closing &note PDF…"), self.save_closing_note)
        close_label = QLabel(self.tr("Close:"))
        close_label.setBuddy(self.kind)
        row.addWidget(close_label)
        row.addWidget(self.kind)
        row.addWidget(self.start)
        row.addWidget(self.close_button)
        row.addStretch(1)
        row.addWidget(self.note_button)
        row.addWidget(self.export_button)
        outer.addLayout(row)
        kinds = closing_kinds()
        short_date = formatting.short_date
        self.model: RowsTableModel[ledger.ClosingSummary] = RowsTableModel(
            [
                Column(self.tr("Period"), lambda r: kinds.get(r.kind, r.kind)),
                Column(self.tr("From"), lambda r: short_date(r.period_start)),
                Column(self.tr("Until"), lambda r: short_date(r.period_end)),
                Column(self.tr("Closed at"), lambda r: formatting.local_datetime(r.closed_at)),
                Column(
                    self.tr("Total incl. VAT"),
                    lambda r: formatting.money(r.total_incl_cents),
                    right=True,
                ),
                Column(
                    self.tr("Perpetual total"),
                    lambda r: formatting.money(r.perpetual_total_cents),
                    right=True,
                ),
            ],
            key=lambda r: r.id,
            parent=self,
        )
        self.table = make_view(self.tr("Closings"), self.model, stretch=3)
        outer.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_cash())
        # The till over the selected closing's period (services.billing.deposits): read
        # from the payments and deposits, outside the closing's sealed totals.
        self.cash = QLabel()
        self.cash.setWordWrap(True)
        self.cash.setAccessibleName(self.tr("Cash float of the selected closing"))
        outer.addWidget(self.cash)
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        # Nothing is read here: the page fills the tab the first time it is shown.

    def period_start(self) -> date:
        d = from_qdate(self.start.date())
        kind = self.kind.currentData()
        if kind == "month":
            return d.replace(day=1)
        if kind == "year":
            return date(d.year, 1, 1)
        return d

    def refresh(self) -> None:
        self.rows = ledger.list_closings(self.ctx.db)
        self._cash_of = None  # read again: a payment or a deposit since
        kept = row_data(self.table)  # a refresh keeps the closing chosen (issue 20)
        self.model.set_rows(self.rows)
        if self.rows:  # shows its till (currentRowChanged)
            self.table.selectRow(max(self.model.row_of(kept) if kept is not None else 0, 0))
        self.export_button.setEnabled(bool(self.rows))
        self.note_button.setEnabled(bool(self.rows))
        self.show_cash()

    def show_cash(self) -> None:
        closing_id = row_data(self.table)
        row = next((r for r in self.rows if r.id == closing_id), None)
        if row is None:
            self._cash_of = None
            self.cash.clear()
            return
        if closing_id == self._cash_of:
            return  # already shown since the last refresh: the till read once (issue 14)
        self._cash_of = closing_id
        till = deposits.cash_day(self.ctx.db, row.period_start, row.period_end)
        money = formatting.money
        self.cash.setText(
            self.tr(
                "Cash: float at the opening {opening} + received {received} − refunded "
                "{refunded} − taken to the bank {deposited} = float at the closing "
                "(expected in the till) {closing}"
            ).format(
                opening=money(till.opening_cents),
                received=money(till.received_cents),
                refunded=money(till.refunded_cents),
                deposited=money(till.deposited_cents),
                closing=money(till.closing_cents),
            )
        )

    def close_period(self) -> int | None:
        kind = self.kind.currentData()
        start = self.period_start()
        if not confirm(
            self,
            self.tr("Close the period"),
            self.tr(
                "Close the {period} starting {day}? Nothing dated in it can be invoiced "
                "or changed afterwards."
            ).format(period=self.kind.currentText().lower(), day=formatting.short_date(start)),
            self.tr("Close"),
        ):
            return None
        try:
            closing_id = run_write(
                self, lambda: ledger.close_period(self.ctx.db, self.ctx.operator_id, kind, start)
            )
        except DomainError as err:
            show_error(self, err)
            return None
        self.message.setText(self.tr("Period closed."))
        self.ctx.notify("closing", [closing_id])
        self.refresh()
        return closing_id

    def save_closing_note(self) -> str:
        """The selected closing's note as PDF: its totals and its fingerprint (the chain
        footprint, also kept in the anchor log and in the archive)."""
        return self._save_selected(
            self.tr("Save the closing note"),
            "pdf",
            self.tr("PDF (*.pdf)"),
            lambda cid, path: write_private_bytes(path, archives.closing_note(self.ctx.db, cid)),
            self.tr("Closing note saved: {path}"),
        )

    def export_archive(self) -> str:
        return self._save_selected(
            self.tr("Export the archive"),
            "zip",
            self.tr("ZIP archive (*.zip)"),
            lambda cid, path: archives.export_archive(self.ctx.db, cid, path),
            self.tr("Archive saved: {path}"),
        )

    def _save_selected(
        self,
        title: str,
        extension: str,
        file_filter: str,
        write: Callable[[int, str], object],
        done: str,
    ) -> str:
        """Ask where to save a file about the selected closing, write it, say so (or why
        not); the path written, "" when nothing was."""
        closing_id = row_data(self.table)
        if closing_id is None:
            return ""
        row = next(r for r in self.rows if r.id == closing_id)
        name = f"cloture-{row.kind}-{row.period_start.isoformat()}.{extension}"
        path = save_path(self, title, name, file_filter)
        if path:
            try:
                write(closing_id, path)
            except DomainError as err:
                self.message.setText(error_message(err))
                return ""
            except OSError as err:
                self.message.setText(str(err))
                return ""
            self.message.setText(done.format(path=path))
            announce_saved(self, path, "report")
        return path
