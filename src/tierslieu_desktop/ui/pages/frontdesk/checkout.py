"""Départ: what really happened — actual arrival and departure, consumables, a note.

Saving calls ``usages.check_out`` once; on any error the message is shown next to its
field (a quantity next to its line) and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt, utcnow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.pricing import engine as pricing_service
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, field_message, retry_when_busy
from tierslieu_desktop.ui.pages.frontdesk.quantity_warnings import confirm_quantities
from tierslieu_desktop.ui.pages.frontdesk.units import unit_symbols
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.priced_lines import PricedLinesTable
from tierslieu_desktop.ui.widgets.time_edit import TimeEdit

NowFn = Callable[[], datetime]


def time_edit(minute: int, step: int = 5) -> TimeEdit:
    """Real times: digits typed anywhere, arrows by 5 minutes."""
    return TimeEdit(QTime(minute // 60 % 24, minute % 60), step=step)


def minute_of(edit: QTimeEdit) -> int:
    t = edit.time()
    return t.hour() * 60 + t.minute()


def departure_minute(start_minute: int, now_minute: int) -> int:
    """Now rounded to the nearest 5 minutes, and after the arrival."""
    rounded = (now_minute + 2) // 5 * 5
    if rounded <= start_minute:
        rounded = (now_minute + 4) // 5 * 5
    return max(rounded, start_minute + 1)


class CheckOutDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        booking_id: int,
        *,
        now_fn: NowFn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now_fn = now_fn or utcnow
        self.booking = booking_service.get_booking(ctx.db, booking_id)
        self.saved_id: int | None = None
        b = self.booking
        self.setWindowTitle(self.tr("Departure — {resource}").format(resource=b.resource_name))
        self.setMinimumWidth(820)
        outer = QVBoxLayout(self)

        who = QLabel(f"<b>{escape(b.who)}</b> · {escape(b.resource_name)}")
        outer.addWidget(who)
        planned = self.tr("Booked from {start} to {end}").format(
            start=formatting.local_time(b.start_at), end=formatting.local_time(b.end_at)
        )
        if b.walk_in:
            planned = self.tr("Walk-in, planned until {end}").format(
                end=formatting.local_time(b.end_at)
            )
        if b.purpose:
            planned += f" · {b.purpose}"
        self.planned = QLabel(planned)
        self.planned.setWordWrap(True)
        outer.addWidget(self.planned)

        # Times are on the day of the arrival (a fablab does not work through the night).
        self.day, start_minute = local_day_and_minute(b.checked_in_at or b.start_at)
        now_day, now_minute = local_day_and_minute(self.now_fn())
        if now_day == self.day:
            end_minute = departure_minute(start_minute, now_minute)
        else:  # a check-out forgotten on an earlier day: start from the planned end
            end_minute = local_day_and_minute(b.end_at)[1]
        self.form = ValidatedForm()
        self.start_edit = self.form.add_field(
            "start_at", self.tr("Actual &arrival:"), time_edit(start_minute)
        )
        self.end_edit = self.form.add_field(
            "end_at", self.tr("Actual &departure:"), time_edit(end_minute)
        )
        self.duration = QLabel()
        self.form.addRow(self.tr("Duration:"), self.duration)
        outer.addLayout(self.form)
        self.start_edit.timeChanged.connect(self._update_duration)
        self.end_edit.timeChanged.connect(self._update_duration)
        self._update_duration()

        self.quantities: dict[int, QLineEdit] = {}
        self.quantity_errors: dict[int, QLabel] = {}
        self.consumables = (
            usages.consumables_for_machine(ctx.db, b.machine_id) if b.machine_id else []
        )
        if b.machine_id is not None:
            box = QGroupBox(self.tr("Consumables used"))
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 1)
            symbols = unit_symbols()
            for i, c in enumerate(self.consumables):
                name = QLabel(c.name)
                edit = QLineEdit()
                edit.setPlaceholderText("0")
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setMaximumWidth(110)
                unit = symbols.get(c.unit, c.unit)
                edit.setAccessibleName(
                    self.tr("Quantity of {name} ({unit})").format(name=c.name, unit=unit)
                )
                name.setBuddy(edit)
                error = QLabel()
                error.setStyleSheet(ERROR_STYLE)
                error.setWordWrap(True)
                keep = error.sizePolicy()
                keep.setRetainSizeWhenHidden(True)  # its line kept: no jump when shown
                error.setSizePolicy(keep)
                error.hide()
                grid.addWidget(name, 2 * i, 0)
                grid.addWidget(edit, 2 * i, 1)
                grid.addWidget(QLabel(unit), 2 * i, 2)
                grid.addWidget(error, 2 * i + 1, 0, 1, 3)
                self.quantities[c.id] = edit
                self.quantity_errors[c.id] = error
                edit.textChanged.connect(self.update_price)
            if not self.consumables:
                none = QLabel(
                    self.tr(
                        "No consumable is offered for this machine (see Settings, Consumables)."
                    )
                )
                none.setWordWrap(True)
                grid.addWidget(none, 0, 0)
            outer.addWidget(box)

        price_box = QGroupBox(self.tr("Price"))
        price_lay = QVBoxLayout(price_box)
        # Room kept for every line the departure can have (the time, each consumable)
        # and for the note: the dialog keeps its size while quantities are typed.
        self.price_lines = PricedLinesTable(
            self.tr("Priced lines of the departure"), reserve_rows=1 + len(self.consumables)
        )
        price_lay.addWidget(self.price_lines)
        self.price_note = QLabel()
        self.price_note.setStyleSheet("color: #53626d;")
        self.price_note.setWordWrap(True)
        self.price_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.price_note.setFixedHeight(2 * self.price_note.fontMetrics().lineSpacing() + 4)
        price_lay.addWidget(self.price_note)
        outer.addWidget(price_box)
        self.start_edit.timeChanged.connect(self.update_price)
        self.end_edit.timeChanged.connect(self.update_price)
        self.update_price()

        note_form = ValidatedForm()
        self.note = note_form.add_field("note", self.tr("&Note:"), QLineEdit())
        self.note.setMaxLength(500)
        outer.addLayout(note_form)

        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        keep = self.message.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(keep)
        self.message.hide()
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("&Record the departure"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        first = next(iter(self.quantities.values()), None)
        (first or self.end_edit).setFocus()

    # --- values ----------------------------------------------------------------------

    def start_at(self) -> datetime:
        return local_dt(self.day, minute_of(self.start_edit))

    def end_at(self) -> datetime:
        return local_dt(self.day, minute_of(self.end_edit))

    def _update_duration(self) -> None:
        minutes = minute_of(self.end_edit) - minute_of(self.start_edit)
        if minutes <= 0:
            self.duration.setText("–")
        else:
            self.duration.setText(f"{minutes // 60} h {minutes % 60:02d}")

    def payer_id(self) -> int | None:
        """Who pays: the member, or the organisation of a group."""
        return self.booking.member_id or self.booking.organisation_id

    def update_price(self, *_args: object) -> None:
        """Price what is typed now (quantities not understood are left out)."""
        lines, _errors = self.lines()
        b = self.booking
        if self.end_at() <= self.start_at():
            self.price_lines.set_lines(())
            self.price_note.setText(self.tr("The departure must be after the arrival."))
            return
        try:
            priced = pricing_service.quote(
                self.ctx.db,
                member_id=self.payer_id(),
                machine_id=b.machine_id,
                space_id=None if b.machine_id is not None else b.space_id,
                start=self.start_at(),
                end=self.end_at(),
                headcount=b.headcount,
                consumables=lines,
            )
        except DomainError as err:
            self.price_lines.set_lines(())
            self.price_note.setText(error_message(err))
            return
        self.price_lines.set_lines(priced.lines)
        self.price_note.setText(
            self.tr("To pay: {total}. Frozen when the departure is recorded.").format(
                total=formatting.money(priced.charged_cents)
            )
        )

    def set_quantity(self, consumable_id: int, text: str) -> None:
        self.quantities[consumable_id].setText(text)

    # --- saving ----------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.form.clear_errors()
        for label in self.quantity_errors.values():
            label.clear()
            label.hide()
        for edit in self.quantities.values():
            edit.setAccessibleDescription("")
        self.message.clear()
        self.message.hide()

    def show_errors(self, fields: dict[str, str]) -> None:
        rest = {}
        first: QWidget | None = None
        for name, code in fields.items():
            cid = int(name.split("_", 1)[1]) if name.startswith("consumable_") else None
            if cid is not None and cid in self.quantity_errors:
                text = field_message(code)
                self.quantity_errors[cid].setText(text)
                self.quantity_errors[cid].show()
                self.quantities[cid].setAccessibleDescription(text)
                first = first or self.quantities[cid]
            else:
                rest[name] = code
        unknown = self.form.show_errors(rest) if rest else []
        if first is not None and not rest:
            first.setFocus()
        if unknown:
            self.message.setText(error_message(ValidationError(fields)))
            self.message.show()

    def lines(self) -> tuple[list[tuple[int, int]], dict[str, str]]:
        """(consumable id, quantity in thousandths) typed, and the lines not understood."""
        lines, errors = [], {}
        for cid, edit in self.quantities.items():
            text = edit.text().strip()
            if not text:
                continue
            quantity = usages.parse_quantity_milli(text)
            if quantity is None:
                errors[f"consumable_{cid}"] = "number_invalid"
            elif quantity != 0:  # "0" = nothing used
                lines.append((cid, quantity))
        return lines, errors

    def submit(self) -> bool:
        """Record the usage; on error show it and stay open. True when saved."""
        self.clear_errors()
        lines, errors = self.lines()
        if errors:
            if self.end_at() <= self.start_at():  # say everything wrong at once
                errors["end_at"] = "end_before_start"
            self.show_errors(errors)
            return False
        b = self.booking
        if not confirm_quantities(  # far above the usual, or above the stock: ask first
            self,
            self.ctx,
            lines,
            member_id=self.payer_id(),
            machine_id=b.machine_id,
            space_id=None if b.machine_id is not None else b.space_id,
            start=self.start_at(),
            end=self.end_at(),
        ):
            return False
        try:
            self.saved_id = usages.check_out(
                self.ctx.db,
                self.ctx.operator_id,
                self.booking.id,
                self.start_at(),
                self.end_at(),
                lines,
                self.note.text(),
                now=self.now_fn(),
            )
        except ValidationError as err:
            self.show_errors(err.fields)
            return False
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            self.message.setText(error_message(err))
            self.message.show()
            return False
        self.ctx.notify("usage", [self.saved_id])
        self.ctx.notify("booking", [self.booking.id])
        if self.booking.machine_id is not None:
            self.ctx.notify("machine", [self.booking.machine_id])
        self.accept()
        return True
