"""Dialogs of the machines page: machine, space, category, status (with the bookings it
hits), authorization, maintenance entry.

Each dialog saves through the service itself in ``submit()`` (bound to OK and Enter):
invalid input shows its message under the field and nothing is saved; on success it
notifies the app-wide ``changed`` signal, keeps the new id in ``saved_id`` and closes.
Tests call ``submit()`` directly instead of ``exec()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import MachineStatus, SpaceKind
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.park import machines as svc
from tierslieu_desktop.services.park import maintenance as maintenance_service
from tierslieu_desktop.services.park.authorizations import AuthorizationInput, grant_authorization
from tierslieu_desktop.services.people import operators as operator_service
from tierslieu_desktop.services.scheduling import bookings as booking_service
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.pages.machines.future_bookings import FutureBookingsDialog
from tierslieu_desktop.ui.pages.machines.labels import (
    duration_text,
    rules_text,
    space_kind_label,
    status_icon,
    status_label,
)
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.stale import changed_elsewhere, reload_button
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.member_search import (
    ArrowKeysToList,
    fill_member_results,
    selected_member_id,
)


class _FormDialog(QDialog):
    """A ValidatedForm, a line for errors that belong to no field, and OK / Cancel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.setMinimumWidth(460)
        self._outer = QVBoxLayout(self)
        self.form = ValidatedForm()
        self._forms = [self.form]  # more forms (a side group) may be added: add_form()
        self._columns = QHBoxLayout()
        self._columns.setSpacing(18)
        self._columns.addLayout(self.form, 3)
        self._outer.addLayout(self._columns)
        self.message = QLabel()
        self.message.setObjectName("dialogError")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self._outer.addWidget(self.message)
        # another desk saved the record first (issue 20): what was typed stays, « Recharger »
        # loads the saved values (subclasses that edit a record implement reload())
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(self._reload_clicked)
        self.loaded_data: object | None = None  # the record's values the form was filled from
        self._outer.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for button in self.buttons.buttons():  # "OK" / "Annuler", translated by Qt
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._outer.addWidget(self.buttons)

    def add_form(self, form: ValidatedForm) -> None:
        """A second form (e.g. in a group box): its fields show their errors too."""
        self._forms.append(form)

    def field_error(self, name: str) -> QLabel:
        """The error label of a field, whichever form holds it."""
        for form in self._forms:
            if _has_field(form, name):
                return form.error_label(name)
        raise KeyError(name)

    def save(self) -> int:
        """Parse the widgets and call the service. Raises DomainError / ValidationError."""
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if not text:
            self.reload_button.hide()

    def reload(self) -> None:
        """Fill the form again from the record as saved now (a dialog that edits one)."""

    def _reload_clicked(self) -> None:
        for form in self._forms:
            form.clear_errors()
        self.reload()
        self.show_message("")

    def submit(self) -> bool:
        """Save; on error show it in the dialog and stay open. True when saved."""
        for form in self._forms:
            form.clear_errors()
        self.show_message("")
        try:
            self.saved_id = self.save()
        except ValidationError as err:
            unknown = set(err.fields)
            for form in self._forms:
                mine = {k: v for k, v in err.fields.items() if _has_field(form, k)}
                if mine:
                    form.show_errors(mine)
                unknown -= set(mine)
            if unknown:
                self.show_message(error_message(err))
            return False
        except DomainError as err:
            if retry_when_busy(self, err):  # another desk kept the base busy
                return self.submit()
            if err.code == "stale_record" and self.loaded_data is not None:
                changed_elsewhere(err, self.loaded_data)  # the other desk's changes only
            self.show_message(error_message(err))
            self.reload_button.setVisible(err.code == "stale_record")
            return False
        self.accept()
        return True


def _has_field(form: ValidatedForm, name: str) -> bool:
    try:
        form.field(name)
    except KeyError:
        return False
    return True


def _line(max_length: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _notes() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab leaves the box: the dialog stays usable by keyboard
    edit.setFixedHeight(70)
    return edit


# --- booking rules (machine and space) -------------------------------------------------


class RulesGroup(QGroupBox):
    """Slot step, minimum and maximum duration, preparation time after each booking and
    how far ahead one can book, with a one-line summary of what they mean."""

    def __init__(self, data: svc.MachineInput | svc.SpaceInput, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Booking rules"))
        lay = QVBoxLayout(self)
        self.form = ValidatedForm()
        lay.addLayout(self.form)
        f = self.form
        self.slot_step = QComboBox()
        for step in svc.SLOT_STEPS:
            self.slot_step.addItem(duration_text(step), step)
        f.add_field("slot_step", self.tr("Booked in s&teps of:"), self.slot_step)
        self.min_duration = f.add_field(
            "min_duration", self.tr("M&inimum duration:"), self._minutes(5, 24 * 60)
        )
        self.max_duration = f.add_field(
            "max_duration", self.tr("Ma&ximum duration:"), self._minutes(5, 7 * 24 * 60)
        )
        self.buffer = f.add_field(
            "buffer", self.tr("Prep&aration after:"), self._minutes(0, svc.BUFFER_MAX)
        )
        self.buffer.setSpecialValueText(self.tr("None"))
        self.buffer.setToolTip(
            self.tr("Cleaning, cooling…: the resource stays blocked this long after each booking.")
        )
        self.max_advance = QSpinBox()
        self.max_advance.setRange(svc.ADVANCE_MIN, svc.ADVANCE_MAX)
        self.max_advance.setSuffix(self.tr(" days ahead"))
        f.add_field("max_advance", self.tr("Bookable up t&o:"), self.max_advance)
        self.summary = QLabel()
        self.summary.setObjectName("rulesSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #53626d;")
        lay.addWidget(self.summary)
        lay.addStretch(1)

        self.set_values(data)
        self._step_changed()
        self.slot_step.currentIndexChanged.connect(self._step_changed)
        for spin in (self.min_duration, self.max_duration, self.buffer, self.max_advance):
            spin.valueChanged.connect(self._update_summary)

    def set_values(self, data: svc.MachineInput | svc.SpaceInput) -> None:
        self.slot_step.setCurrentIndex(max(self.slot_step.findData(data.slot_step_minutes), 0))
        self.min_duration.setValue(data.min_duration_minutes)
        self.max_duration.setValue(data.max_duration_minutes)
        self.buffer.setValue(data.buffer_minutes)
        self.max_advance.setValue(data.max_advance_days)

    def _minutes(self, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(self.tr(" min"))
        spin.setGroupSeparatorShown(False)
        return spin

    def _step_changed(self, _index: int = 0) -> None:
        step = self.slot_step.currentData() or 15
        for spin in (self.min_duration, self.max_duration, self.buffer):
            spin.setSingleStep(step)
        self._update_summary()

    def _update_summary(self, _value: int = 0) -> None:
        v = self.values()
        self.summary.setText(
            rules_text(
                v["slot_step_minutes"],
                v["min_duration_minutes"],
                v["max_duration_minutes"],
                v["buffer_minutes"],
                v["max_advance_days"],
            )
        )

    def values(self) -> dict[str, int]:
        return {
            "slot_step_minutes": self.slot_step.currentData(),
            "min_duration_minutes": self.min_duration.value(),
            "max_duration_minutes": self.max_duration.value(),
            "buffer_minutes": self.buffer.value(),
            "max_advance_days": self.max_advance.value(),
        }


# --- machine -------------------------------------------------------------------------


class MachineDialog(_FormDialog):
    """Create or edit a machine. A category that does not exist yet can be typed in: it is
    created with the machine."""

    def __init__(
        self,
        ctx: AppContext,
        detail: svc.MachineDetail | None = None,
        parent: QWidget | None = None,
        *,
        space_id: int | None = None,
        category_id: int | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.machine_id = detail.id if detail else None
        self.loaded_version = detail.version if detail else None
        self.setWindowTitle(self.tr("Edit machine") if detail else self.tr("New machine"))
        data = detail.data if detail else svc.MachineInput()
        space_id = data.space_id if detail else space_id
        category_id = data.category_id if detail else category_id
        f = self.form

        self.name = f.add_field("name", self.tr("&Name:"), _line(svc.NAME_MAX))
        self.name.setPlaceholderText(self.tr("e.g. Laser cutter Trotec"))

        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # inline completion: "las" + Enter picks "Laser", never creates a category "las"
        completer, line = self.category.completer(), self.category.lineEdit()
        assert completer is not None and line is not None  # an editable combo box has both
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        line.setMaxLength(svc.NAME_MAX)
        line.setPlaceholderText(self.tr("Choose or type a new category"))
        self._categories = svc.list_categories(ctx.db)
        for c in self._categories:
            self.category.addItem(c.name, c.id)
        f.add_field("category", self.tr("&Category:"), self.category)
        self.new_category_hint = QLabel()
        self.new_category_hint.setObjectName("newCategoryHint")
        self.new_category_hint.setWordWrap(True)
        self.new_category_hint.hide()
        f.addRow("", self.new_category_hint)
        self.category.editTextChanged.connect(self._update_category_hint)
        self.category.setCurrentIndex(self.category.findData(category_id))
        if category_id is None:
            self.category.setEditText("")

        self.space = QComboBox()
        for s in svc.list_spaces(ctx.db, include_archived=True):
            if not s.archived or s.id == space_id:
                self.space.addItem(s.name, s.id)
        f.add_field("space", self.tr("&Space:"), self.space)
        self.space.setCurrentIndex(self.space.findData(space_id) if space_id is not None else 0)

        self.make = f.add_field("make", self.tr("&Make:"), _line(svc.TEXT_MAX))
        self.model = f.add_field("model", self.tr("Mo&del:"), _line(svc.TEXT_MAX))
        self.serial_number = f.add_field(
            "serial_number", self.tr("Se&rial number:"), _line(svc.TEXT_MAX)
        )
        self.authorization_required = QCheckBox(self.tr("Training required before use"))
        f.add_field("authorization_required", self.tr("Training:"), self.authorization_required)
        self.authorization_required.setAccessibleName(self.tr("Training required before use"))

        self.hour_counter = QDoubleSpinBox()
        self.hour_counter.setDecimals(2)  # 2 decimals keep every minute exactly
        self.hour_counter.setRange(0, 999_999)
        self.hour_counter.setSuffix(" h")
        self.hour_counter.setGroupSeparatorShown(False)
        f.add_field("hour_counter", self.tr("&Hour counter:"), self.hour_counter)

        example_date = formatting.short_date(lab_today())
        self.purchase_date = f.add_field(
            "purchase_date",
            self.tr("&Purchase date:"),
            _line(20, self.tr("e.g. {example}").format(example=example_date)),
        )
        self.purchase_value = f.add_field(
            "purchase_value",
            self.tr("Purchase &value (€):"),
            _line(20, self.tr("e.g. {example}").format(example=formatting.amount_input(1250000))),
        )
        self.funded_by = f.add_field(
            "funded_by",
            self.tr("&Funded by:"),
            _line(svc.FUNDED_BY_MAX, self.tr("e.g. Region, LEADER programme, own funds")),
        )
        self.description = f.add_field("description", self.tr("D&escription:"), _notes())

        self.rules = RulesGroup(data, self)
        self.add_form(self.rules.form)
        self._columns.addWidget(self.rules, 2, Qt.AlignmentFlag.AlignTop)
        self.setMinimumWidth(820)

        self._fill(data)
        self.name.setFocus()

    def _fill(self, data: svc.MachineInput) -> None:
        self.loaded_data = data
        self.name.setText(data.name)
        self.make.setText(data.make)
        self.model.setText(data.model)
        self.serial_number.setText(data.serial_number)
        self.authorization_required.setChecked(data.authorization_required)
        self.hour_counter.setValue(data.hour_counter_minutes / 60)
        self.purchase_date.setText(formatting.short_date(data.purchase_date))
        self.purchase_value.setText(formatting.amount_input(data.purchase_value_cents))
        self.funded_by.setText(data.funded_by)
        self.description.setPlainText(data.description)

    def reload(self) -> None:
        if self.machine_id is None:
            return
        detail = svc.get_machine(self.ctx.db, self.machine_id)
        self.loaded_version = detail.version
        data = detail.data
        self.category.setCurrentIndex(self.category.findData(data.category_id))
        self.space.setCurrentIndex(max(self.space.findData(data.space_id), 0))
        self.rules.set_values(data)
        self._fill(data)

    def _update_category_hint(self, _text: str = "") -> None:
        _cat_id, new_name = self._category_choice()
        self.new_category_hint.setText(
            self.tr("“{name}” is a new category: it will be created with the machine.").format(
                name=new_name
            )
            if new_name
            else ""
        )
        self.new_category_hint.setVisible(bool(new_name))
        self.category.setAccessibleDescription(self.new_category_hint.text())

    def _category_choice(self) -> tuple[int | None, str]:
        """(existing category id, or None and the name of a category to create)."""
        text = " ".join(self.category.currentText().split())
        if not text:
            return None, ""
        for c in self._categories:
            if fold(c.name) == fold(text):
                return c.id, ""
        return None, text

    def save(self) -> int:
        errors: dict[str, str] = {}
        value_text = self.purchase_value.text().strip()
        value_cents = None
        if value_text:
            try:
                value_cents = parse_amount(value_text)
            except AmountError as exc:
                errors["purchase_value"] = exc.code
        date_text = self.purchase_date.text().strip()
        purchase_date = formatting.parse_date(date_text) if date_text else None
        if date_text and purchase_date is None:
            errors["purchase_date"] = "date_invalid"
        category_id, new_category = self._category_choice()
        data = svc.MachineInput(
            name=self.name.text(),
            category_id=category_id,
            space_id=self.space.currentData(),
            make=self.make.text(),
            model=self.model.text(),
            serial_number=self.serial_number.text(),
            authorization_required=self.authorization_required.isChecked(),
            hour_counter_minutes=round(self.hour_counter.value() * 60),
            purchase_date=purchase_date,
            purchase_value_cents=value_cents,
            funded_by=self.funded_by.text(),
            description=self.description.toPlainText(),
            **self.rules.values(),
        )
        try:
            svc.validate_machine(data, new_category=new_category)
        except ValidationError as err:
            errors = {**err.fields, **errors}
        if errors:
            raise ValidationError(errors)
        machine_id = svc.save_machine(
            self.ctx.db,
            self.ctx.operator_id,
            data,
            self.machine_id,
            new_category=new_category,
            expected_version=self.loaded_version,
        )
        if new_category:
            self.ctx.notify("machine_category", [])
        self.ctx.notify("machine", [machine_id])
        return machine_id


# --- space ---------------------------------------------------------------------------


class SpaceDialog(_FormDialog):
    def __init__(
        self, ctx: AppContext, space: svc.SpaceRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.space_id = space.id if space else None
        self.loaded_version = space.version if space else None
        self.setWindowTitle(self.tr("Edit space") if space else self.tr("New space"))
        data = space.data if space else svc.SpaceInput(kind=SpaceKind.FABLAB)
        f = self.form
        self.name = f.add_field("name", self.tr("&Name:"), _line(svc.NAME_MAX))
        self.name.setPlaceholderText(self.tr("e.g. Fablab, Meeting room Causse"))
        self.kind = QComboBox()
        for kind in SpaceKind:
            self.kind.addItem(space_kind_label(kind), kind.value)
        f.add_field("kind", self.tr("&Kind:"), self.kind)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 10_000)
        self.capacity.setSpecialValueText(self.tr("Not set"))
        self.capacity.setSuffix(self.tr(" people"))
        f.add_field("capacity", self.tr("&Capacity:"), self.capacity)
        self.bookable = QCheckBox(self.tr("The space itself can be booked"))
        f.add_field("bookable", self.tr("Booking:"), self.bookable)
        self.bookable.setAccessibleName(self.tr("The space itself can be booked"))
        self.description = f.add_field("description", self.tr("D&escription:"), _notes())

        self.rules = RulesGroup(data, self)
        self.rules.setToolTip(self.tr("These rules apply when the space itself is booked."))
        self.add_form(self.rules.form)
        self._columns.addWidget(self.rules, 2, Qt.AlignmentFlag.AlignTop)
        self.setMinimumWidth(760)

        self._fill(data)
        self.bookable.toggled.connect(self.rules.setEnabled)
        self.name.setFocus()

    def _fill(self, data: svc.SpaceInput) -> None:
        self.loaded_data = data
        self.name.setText(data.name)
        self.kind.setCurrentIndex(self.kind.findData(data.kind.value))
        self.capacity.setValue(data.capacity or 0)
        self.bookable.setChecked(data.bookable)
        self.description.setPlainText(data.description)
        self.rules.setEnabled(data.bookable)

    def reload(self) -> None:
        if self.space_id is None:
            return
        space = svc.get_space(self.ctx.db, self.space_id)
        self.loaded_version = space.version
        self.rules.set_values(space.data)
        self._fill(space.data)

    def save(self) -> int:
        data = svc.SpaceInput(
            name=self.name.text(),
            kind=SpaceKind(self.kind.currentData()),
            capacity=self.capacity.value() or None,
            bookable=self.bookable.isChecked(),
            description=self.description.toPlainText(),
            **self.rules.values(),
        )
        space_id = svc.save_space(
            self.ctx.db,
            self.ctx.operator_id,
            data,
            self.space_id,
            expected_version=self.loaded_version,
        )
        self.ctx.notify("space", [space_id])
        return space_id


# --- category ------------------------------------------------------------------------


class CategoryDialog(_FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        category: svc.CategoryRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.category_id = category.id if category else None
        self.setWindowTitle(
            self.tr("Rename category") if category else self.tr("New machine category")
        )
        self.name = self.form.add_field("name", self.tr("&Name:"), _line(svc.NAME_MAX))
        self.name.setPlaceholderText(self.tr("e.g. Laser cutting, FDM 3D printing"))
        self.loaded_version = category.version if category else None
        self.loaded_data = category
        self.name.setText(category.name if category else "")
        self.name.setFocus()

    def reload(self) -> None:
        fresh = next(
            (c for c in svc.list_categories(self.ctx.db) if c.id == self.category_id), None
        )
        if fresh is not None:
            self.loaded_version = fresh.version
            self.loaded_data = fresh
            self.name.setText(fresh.name)

    def save(self) -> int:
        category_id = svc.save_category(
            self.ctx.db,
            self.ctx.operator_id,
            self.name.text(),
            self.category_id,
            expected_version=self.loaded_version,
        )
        self.ctx.notify("machine_category", [category_id])
        return category_id


# --- status --------------------------------------------------------------------------


class StatusDialog(_FormDialog):
    def __init__(
        self, ctx: AppContext, detail: svc.MachineDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.machine_id = detail.id
        self.setWindowTitle(self.tr("Status of {machine}").format(machine=detail.data.name))
        self.status = QComboBox()
        for status in MachineStatus:
            self.status.addItem(status_icon(status), status_label(status), status.value)
        self.form.add_field("status", self.tr("&Status:"), self.status)
        self.note = self.form.add_field(
            "status_note",
            self.tr("&Why:"),
            _line(500, self.tr("e.g. Laser tube replaced, back on 12 March")),
        )
        hint = QLabel(self.tr("A note is required when the machine is not available."))
        hint.setWordWrap(True)
        self._outer.insertWidget(1, hint)
        self.status.setCurrentIndex(self.status.findData(detail.status.value))
        self.note.setText(detail.status_note)
        self.status.setFocus()
        self.detail = detail
        self.review_dialog: FutureBookingsDialog | None = None

    def submit(self) -> bool:
        """Before making the machine unavailable, list the bookings still to come on it so
        that each can be moved to another machine, cancelled or kept."""
        status = MachineStatus(self.status.currentData())
        if status != MachineStatus.AVAILABLE and self.note.text().strip():
            rows = booking_service.future_bookings_of_machine(self.ctx.db, self.machine_id)
            if rows:
                self.review_dialog = FutureBookingsDialog(
                    self.ctx, self.detail, status, rows, self.note.text().strip(), self
                )
                if not self.review(self.review_dialog):
                    return False
        return super().submit()

    def review(self, dialog: FutureBookingsDialog) -> bool:
        """Show the bookings the change hits; True when the operator went on (tests replace
        this method to answer the dialog without exec())."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def save(self) -> int:
        svc.set_machine_status(
            self.ctx.db,
            self.ctx.operator_id,
            self.machine_id,
            MachineStatus(self.status.currentData()),
            self.note.text(),
            expected_version=self.detail.version,
        )
        self.ctx.notify("machine", [self.machine_id])
        return self.machine_id


# --- maintenance ---------------------------------------------------------------------


class MaintenanceDialog(_FormDialog):
    """Record an entry of a machine's maintenance log."""

    def __init__(
        self, ctx: AppContext, detail: svc.MachineDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.machine_id = detail.id
        self.setWindowTitle(self.tr("Maintenance of {machine}").format(machine=detail.data.name))
        f = self.form
        self.day = bound_to_accepted_days(QDateEdit())
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(to_qdate(lab_today()))
        self.day.setDate(to_qdate(lab_today()))
        f.add_field("day", self.tr("&Date:"), self.day)
        self.description = f.add_field("description", self.tr("&What was done:"), _notes())
        self.description.setPlaceholderText(self.tr("e.g. Lens cleaned, belt tension adjusted"))
        self.cost = f.add_field(
            "cost",
            self.tr("&Cost (€):"),
            _line(20, self.tr("e.g. {example}").format(example=formatting.amount_input(4500))),
        )
        self.done_by = f.add_field(
            "done_by",
            self.tr("Done &by:"),
            _line(maintenance_service.DONE_BY_MAX, self.tr("e.g. Léa, the Trotec technician")),
        )
        self.done_by.setText(_operator_name(ctx))
        self.description.setFocus()

    def save(self) -> int:
        cost_text = self.cost.text().strip()
        cost = 0
        errors: dict[str, str] = {}
        if cost_text:
            try:
                cost = parse_amount(cost_text)
            except AmountError as exc:
                errors["cost"] = exc.code
        day = from_qdate(self.day.date())
        try:
            maintenance_service.validate_entry(
                day, self.description.toPlainText(), cost, self.done_by.text()
            )
        except ValidationError as err:
            errors = {**err.fields, **errors}
        if errors:
            raise ValidationError(errors)
        entry_id = maintenance_service.add_entry(
            self.ctx.db,
            self.ctx.operator_id,
            self.machine_id,
            day,
            self.description.toPlainText(),
            cost,
            self.done_by.text(),
        )
        self.ctx.notify("maintenance", [self.machine_id])
        return entry_id


def _operator_name(ctx: AppContext) -> str:
    for op in operator_service.list_operators(ctx.db):
        if op.id == ctx.operator_id:
            return op.name
    return ""


# --- authorization -------------------------------------------------------------------


class GrantDialog(_FormDialog):
    """Authorize a member on this machine, or on every machine of its category."""

    def __init__(
        self, ctx: AppContext, detail: svc.MachineDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.machine_id = detail.id
        self.category_id = detail.data.category_id
        self.setWindowTitle(self.tr("Grant an authorization"))
        self.setMinimumWidth(520)
        f = self.form

        member_box = QWidget()
        lay = QVBoxLayout(member_box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, a member number or a town"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setFixedHeight(140)
        lay.addWidget(self.search)
        lay.addWidget(self.results)
        member_box.setFocusProxy(self.search)
        f.add_field("member", self.tr("&Member:"), member_box)
        self.search.setAccessibleName(self.tr("Find a member"))
        self.results.setAccessibleName(self.tr("Matching members"))
        self.search.installEventFilter(ArrowKeysToList(self.results))
        self.search.textChanged.connect(self._search)

        scope_box = QWidget()
        lay = QVBoxLayout(scope_box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.on_machine = QRadioButton(
            self.tr("This machine only ({machine})").format(machine=detail.data.name)
        )
        self.on_category = QRadioButton(
            self.tr("Every machine of the category “{category}”").format(
                category=detail.category_name
            )
        )
        self.on_machine.setChecked(True)
        self._scope = QButtonGroup(self)
        for b in (self.on_machine, self.on_category):
            self._scope.addButton(b)
            lay.addWidget(b)
        scope_box.setFocusProxy(self.on_machine)
        f.add_field("machine", self.tr("Covers:"), scope_box)
        self.on_machine.setAccessibleName(self.tr("This machine only"))
        self.on_category.setAccessibleName(self.tr("Every machine of the category"))

        self.granted_on = bound_to_accepted_days(QDateEdit())
        self.granted_on.setCalendarPopup(True)
        self.granted_on.setMaximumDate(to_qdate(lab_today()))
        self.granted_on.setDate(to_qdate(lab_today()))
        f.add_field("granted_on", self.tr("&Trained on:"), self.granted_on)
        self.trainer = f.add_field("trainer", self.tr("T&rainer:"), _line(200))
        self.trainer.setText(_operator_name(ctx))
        self.note = f.add_field("note", self.tr("N&ote:"), _line(500))

        self._search("")
        self.search.setFocus()

    def _search(self, text: str) -> None:
        fill_member_results(self.results, self.ctx.db, text)

    def selected_member(self) -> int | None:
        return selected_member_id(self.results)

    def save(self) -> int:
        member_id = self.selected_member()
        if member_id is None:
            raise ValidationError({"member": "member_required"})
        on_category = self.on_category.isChecked()
        auth_id = grant_authorization(
            self.ctx.db,
            self.ctx.operator_id,
            AuthorizationInput(
                member_id=member_id,
                granted_on=from_qdate(self.granted_on.date()),
                machine_id=None if on_category else self.machine_id,
                category_id=self.category_id if on_category else None,
                trainer=self.trainer.text(),
                note=self.note.text(),
            ),
        )
        self.ctx.notify("authorization", [auth_id])
        return auth_id
