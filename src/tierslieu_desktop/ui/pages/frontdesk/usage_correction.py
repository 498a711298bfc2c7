"""« Corriger l'usage… » (issue 17): the real times and the consumables of a usage not
invoiced yet, with the new price, the warnings on an unusual quantity or one above the
stock, and the corrections already made. Opened from Accueil (a booking checked out),
the member card (its usages) and the basket (a line of a usage). Saving calls
``usage_corrections.correct_usage`` once: everything or nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt, utcnow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import usage_corrections
from tierslieu_desktop.services.pricing import engine as pricing_service
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, field_message, retry_when_busy
from tierslieu_desktop.ui.pages.frontdesk.checkout import minute_of, time_edit
from tierslieu_desktop.ui.pages.frontdesk.quantity_warnings import confirm_quantities
from tierslieu_desktop.ui.pages.frontdesk.units import quantity_text, unit_symbols
from tierslieu_desktop.ui.stale import as_the_form_shows, changed_elsewhere, reload_button
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.priced_lines import PricedLinesTable

NowFn = Callable[[], datetime]


def _field_name(row: usage_corrections.CorrectionRow) -> str:
    if row.field == "start_at":
        return QCoreApplication.translate("UsageCorrection", "Arrival")
    if row.field == "end_at":
        return QCoreApplication.translate("UsageCorrection", "Departure")
    return row.consumable


def _value_text(row: usage_corrections.CorrectionRow, value: str) -> str:
    if not value:
        return "—"
    if row.field == "consumable":
        return quantity_text(int(value), row.unit)
    return formatting.local_datetime(datetime.fromisoformat(value))


class UsageCorrectionDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        usage_id: int,
        *,
        now_fn: NowFn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now_fn = now_fn or utcnow
        self.state = usage_corrections.correctable_usage(ctx.db, usage_id)
        self.saved = False
        u = self.state.usage
        booking = (
            booking_service.get_booking(ctx.db, u.booking_id) if u.booking_id is not None else None
        )
        resource = booking.resource_name if booking else ""
        self.setWindowTitle(self.tr("Correct the usage — {resource}").format(resource=resource))
        self.setMinimumWidth(700)
        outer = QVBoxLayout(self)

        self.day, start_minute = local_day_and_minute(u.start_at)
        end_minute = local_day_and_minute(u.end_at)[1]
        who = escape(booking.who) if booking else ""
        header = QLabel(
            f"<b>{who}</b> · {escape(resource)} · {escape(formatting.long_date(self.day))}"
        )
        header.setWordWrap(True)
        outer.addWidget(header)

        self.status = QLabel()
        self.status.setWordWrap(True)
        outer.addWidget(self.status)

        top = QHBoxLayout()
        self.form = ValidatedForm()
        self.start_edit = self.form.add_field(
            "start_at", self.tr("Actual &arrival:"), time_edit(start_minute)
        )
        self.end_edit = self.form.add_field(
            "end_at", self.tr("Actual &departure:"), time_edit(end_minute)
        )
        self.start_edit.setAccessibleName(self.tr("Actual arrival"))
        self.end_edit.setAccessibleName(self.tr("Actual departure"))
        top.addLayout(self.form)

        # Consumables: those offered on the machine and those already recorded.
        self.quantities: dict[int, QLineEdit] = {}
        self.quantity_errors: dict[int, QLabel] = {}
        self.units: dict[int, str] = {}
        recorded = {c.consumable_id: c for c in u.consumables}
        offered = usages.consumables_for_machine(ctx.db, u.machine_id) if u.machine_id else []
        names = [(c.id, c.name, c.unit) for c in offered]
        names += [
            (c.consumable_id, c.name, c.unit)
            for c in u.consumables
            if c.consumable_id not in {i for i, _n, _u in names}
        ]
        box = QGroupBox(self.tr("Consumables used (empty: none)"))
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        symbols = unit_symbols()
        for i, (cid, name, unit) in enumerate(names):
            label = QLabel(name)
            edit = QLineEdit()
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(130)
            edit.setPlaceholderText("0")
            if cid in recorded:
                quantity = recorded[cid].quantity_milli
                edit.setText(formatting.number(quantity / 1000, 3 if quantity % 1000 else 0))
            symbol = symbols.get(unit, unit)
            edit.setAccessibleName(
                self.tr("Quantity of {name} ({unit})").format(name=name, unit=symbol)
            )
            label.setBuddy(edit)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            grid.addWidget(label, 2 * i, 0)
            grid.addWidget(edit, 2 * i, 1)
            grid.addWidget(QLabel(symbol), 2 * i, 2)
            grid.addWidget(error, 2 * i + 1, 0, 1, 3)
            self.quantities[cid] = edit
            self.quantity_errors[cid] = error
            self.units[cid] = unit
            edit.textChanged.connect(self.update_price)
        if not names:
            grid.addWidget(QLabel(self.tr("No consumable on this usage.")), 0, 0)
        top.addWidget(box, 1)
        outer.addLayout(top)

        price_box = QGroupBox(self.tr("Price after the correction"))
        price_lay = QVBoxLayout(price_box)
        self.price_lines = PricedLinesTable(self.tr("Priced lines after the correction"))
        self.price_lines.setFixedHeight(150)  # the dialog does not grow while it is filled
        price_lay.addWidget(self.price_lines)
        self.price_note = QLabel()
        self.price_note.setWordWrap(True)
        price_lay.addWidget(self.price_note)
        outer.addWidget(price_box)

        history_box = QGroupBox(self.tr("Corrections already made"))
        history_lay = QVBoxLayout(history_box)
        self.history = QTableWidget(0, 5)
        self.history.setAccessibleName(self.tr("Corrections already made"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Before"), self.tr("After")]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setTabKeyNavigation(False)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.history.setFixedHeight(110)
        history_lay.addWidget(self.history)
        outer.addWidget(history_box)
        self._fill_history()

        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(self.reload)
        outer.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("&Save the correction"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
            # Enter in a field saves, never cancels
            if isinstance(button, QPushButton) and button is not self.save_button:
                button.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self.start_edit.timeChanged.connect(self.update_price)
        self.end_edit.timeChanged.connect(self.update_price)
        self._fill_status()
        self.update_price()
        first = next(iter(self.quantities.values()), None)
        (first if first is not None and first.isEnabled() else self.end_edit).setFocus()

    def _fill_status(self) -> None:
        if self.state.invoice_number is not None:
            self.status.setText(
                error_message(DomainError("usage_invoiced", number=self.state.invoice_number))
            )
            self.status.setStyleSheet(ERROR_STYLE)
            for widget in (self.start_edit, self.end_edit, *self.quantities.values()):
                widget.setEnabled(False)
            self.save_button.setEnabled(False)
        else:
            text = self.tr("Not invoiced yet: it can be corrected. Now charged {amount}.").format(
                amount=formatting.money(self.state.charged_cents)
            )
            if self.state.basket_id is not None:
                text += " " + self.tr("Its lines in the open basket follow the correction.")
            self.status.setText(text)

    def reload(self) -> None:
        """« Recharger »: the usage as saved now (by the other desk): its times, its
        consumables, its price and its corrections; what was typed here is replaced."""
        try:
            self.state = usage_corrections.correctable_usage(self.ctx.db, self.state.usage.id)
        except DomainError as err:
            self.message.setText(error_message(err))
            self.message.show()
            return
        u = self.state.usage
        self.day, start_minute = local_day_and_minute(u.start_at)
        end_minute = local_day_and_minute(u.end_at)[1]
        recorded = {c.consumable_id: c.quantity_milli for c in u.consumables}
        for widget, minute in ((self.start_edit, start_minute), (self.end_edit, end_minute)):
            widget.blockSignals(True)
            widget.setTime(QTime(minute // 60, minute % 60))
            widget.blockSignals(False)
        for cid, edit in self.quantities.items():
            quantity = recorded.get(cid)
            edit.blockSignals(True)
            edit.setText(
                ""
                if quantity is None
                else formatting.number(quantity / 1000, 3 if quantity % 1000 else 0)
            )
            edit.blockSignals(False)
        self.clear_errors()
        self.reload_button.hide()
        self._fill_history()
        self._fill_status()
        self.update_price()

    # --- values ----------------------------------------------------------------------

    def start_at(self) -> datetime:
        return local_dt(self.day, minute_of(self.start_edit))

    def end_at(self) -> datetime:
        return local_dt(self.day, minute_of(self.end_edit))

    def lines(self) -> tuple[list[tuple[int, int]], dict[str, str]]:
        """(consumable id, quantity in thousandths) typed, and the lines not understood."""
        lines, errors = [], {}
        for cid, edit in self.quantities.items():
            text = edit.text().strip()
            if not text:
                continue
            quantity = usages.parse_quantity_milli(text)
            if quantity is None or quantity < 0:
                errors[f"consumable_{cid}"] = "number_invalid"
            elif quantity:
                lines.append((cid, quantity))
        return lines, errors

    def payer_id(self) -> int | None:
        u = self.state.usage
        return u.member_id if u.member_id is not None else u.organisation_id

    def update_price(self, *_args: object) -> None:
        lines, _errors = self.lines()
        u = self.state.usage
        if self.end_at() <= self.start_at():
            self.price_lines.set_lines(())
            self.price_note.setText(self.tr("The departure must be after the arrival."))
            return
        try:
            priced = pricing_service.quote(
                self.ctx.db,
                member_id=self.payer_id(),
                machine_id=u.machine_id,
                space_id=u.space_id if u.machine_id is None else None,
                start=self.start_at(),
                end=self.end_at(),
                headcount=u.headcount,
                consumables=lines,
            )
        except DomainError as err:
            self.price_lines.set_lines(())
            self.price_note.setText(error_message(err))
            return
        self.price_lines.set_lines(priced.lines)
        self.price_note.setText(
            self.tr("Before: {before}. After the correction: {after}.").format(
                before=formatting.money(self.state.charged_cents),
                after=formatting.money(priced.charged_cents),
            )
        )

    def _fill_history(self) -> None:
        rows = self.state.history
        self.history.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (
                formatting.local_datetime(row.at),
                row.operator or "—",
                _field_name(row),
                _value_text(row, row.before),
                _value_text(row, row.after),
            )
            for col, text in enumerate(cells):
                self.history.setItem(i, col, QTableWidgetItem(text))

    # --- saving ----------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.reload_button.hide()
        self.form.clear_errors()
        for label in self.quantity_errors.values():
            label.clear()
            label.hide()
        self.message.clear()
        self.message.hide()

    def show_errors(self, fields: dict[str, str]) -> None:
        rest = {}
        for name, code in fields.items():
            cid = int(name.split("_", 1)[1]) if name.startswith("consumable_") else None
            if cid is not None and cid in self.quantity_errors:
                self.quantity_errors[cid].setText(field_message(code))
                self.quantity_errors[cid].show()
            else:
                rest[name] = code
        if rest and self.form.show_errors(rest):
            self.message.setText(error_message(ValidationError(fields)))
            self.message.show()

    def submit(self) -> bool:
        """Save the correction; on error show it and stay open. True when saved."""
        self.clear_errors()
        lines, errors = self.lines()
        if self.end_at() <= self.start_at():
            errors["end_at"] = "end_before_start"
        if errors:
            self.show_errors(errors)
            return False
        u = self.state.usage
        if not confirm_quantities(
            self,
            self.ctx,
            lines,
            usage_id=u.id,
            member_id=self.payer_id(),
            machine_id=u.machine_id,
            space_id=u.space_id,
            start=self.start_at(),
            end=self.end_at(),
        ):
            return False
        try:
            usage_corrections.correct_usage(
                self.ctx.db,
                self.ctx.operator_id,
                u.id,
                start_at=self.start_at(),
                end_at=self.end_at(),
                consumables=lines,
                now=self.now_fn(),
                expected_version=u.version,
            )
        except ValidationError as err:
            self.show_errors(err.fields)
            return False
        except DomainError as err:
            if retry_when_busy(self, err):
                return self.submit()
            if err.code == "stale_record":  # what was typed stays until « Recharger »
                changed_elsewhere(err, u)
                as_the_form_shows(err, {"start_at": self.start_edit, "end_at": self.end_edit})
                self.reload_button.show()
            self.message.setText(error_message(err))
            self.message.show()
            return False
        self.saved = True
        self.ctx.notify("usage", [u.id])
        if self.state.basket_id is not None:
            self.ctx.notify("basket", [self.state.basket_id])
        if u.booking_id is not None:
            self.ctx.notify("booking", [u.booking_id])
        self.accept()
        return True


def open_correction(
    parent: QWidget, ctx: AppContext, usage_id: int, now_fn: NowFn | None = None
) -> UsageCorrectionDialog | None:
    """Open the correction dialog of a usage (window-modal); an error is shown instead."""
    try:
        dialog = UsageCorrectionDialog(ctx, usage_id, now_fn=now_fn, parent=parent)
    except DomainError as err:
        from tierslieu_desktop.ui.errors import show_error

        show_error(parent, err)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class MemberUsagesBox(QGroupBox):
    """The member card's usages not invoiced yet, latest first, each one correctable."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Usages not invoiced"))
        self.ctx = ctx
        self.member_id: int | None = None
        self.rows: list[usage_corrections.UsageToCorrect] = []
        self.dialog: UsageCorrectionDialog | None = None
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Usages not invoiced"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Machine or space"), self.tr("Charged"), self.tr("Basket")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(160)
        self.table.activated.connect(lambda _i: self.correct_selected())
        self.table.itemSelectionChanged.connect(self._update_button)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Correct the usage…"))
        self.correct_button.setAccessibleName(self.tr("Correct the selected usage"))
        self.correct_button.clicked.connect(self.correct_selected)
        row.addWidget(self.correct_button)
        row.addStretch(1)
        lay.addLayout(row)
        self._update_button()

    def show_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        self.rows = (
            usage_corrections.usages_to_correct(self.ctx.db, member_id)
            if member_id is not None
            else []
        )
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            when = self.tr("{day}, {start}–{end}").format(
                day=formatting.short_date(local_day_and_minute(r.start_at)[0]),
                start=formatting.local_time(r.start_at),
                end=formatting.local_time(r.end_at),
            )
            cells = (
                when,
                r.resource,
                formatting.money(r.charged_cents),
                self.tr("in the basket") if r.in_basket else "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.usage_id)
                if col == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, col, item)
        self._update_button()

    def selected_usage(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_button(self) -> None:
        self.correct_button.setEnabled(self.selected_usage() is not None)

    def correct_selected(self) -> UsageCorrectionDialog | None:
        usage_id = self.selected_usage()
        if usage_id is None:
            return None
        self.dialog = open_correction(self, self.ctx, usage_id)
        if self.dialog is not None:
            self.dialog.accepted.connect(lambda: self.show_member(self.member_id))
        return self.dialog
