"""Shared bits of the Tarifs tab: words for units, durations and scopes, date widgets,
a base record dialog (form + banner + Save/Cancel) and a base list section."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm

OK_STYLE = "color: #1b5e20;"
KIND_ORDER = ("category", "machine", "space", "consumable", "activity")


def kind_titles() -> dict[str, str]:
    return {
        "machine": QCoreApplication.translate("TariffWords", "Machines"),
        "category": QCoreApplication.translate("TariffWords", "Machine categories"),
        "space": QCoreApplication.translate("TariffWords", "Spaces"),
        "consumable": QCoreApplication.translate("TariffWords", "Consumables"),
        "activity": QCoreApplication.translate("TariffWords", "Workshops and trainings"),
    }


def kind_prefix() -> dict[str, str]:
    return {
        "machine": QCoreApplication.translate("TariffWords", "Machine"),
        "category": QCoreApplication.translate("TariffWords", "Category"),
        "space": QCoreApplication.translate("TariffWords", "Space"),
        "consumable": QCoreApplication.translate("TariffWords", "Consumable"),
        "activity": QCoreApplication.translate("TariffWords", "Activity"),
    }


def unit_labels(consumable: bool = False) -> dict[str, str]:
    if consumable:
        return {"consumable": QCoreApplication.translate("TariffWords", "per unit")}
    return {
        "hour": QCoreApplication.translate("TariffWords", "per hour"),
        "session": QCoreApplication.translate("TariffWords", "per session per person"),
        "flat": QCoreApplication.translate("TariffWords", "flat rate per session"),
    }


def step_labels() -> dict[int | None, str]:
    return {
        15: QCoreApplication.translate("TariffWords", "per started quarter of an hour"),
        30: QCoreApplication.translate("TariffWords", "per started half hour"),
        60: QCoreApplication.translate("TariffWords", "per started hour"),
        None: QCoreApplication.translate("TariffWords", "to the minute"),
    }


def duration_labels() -> dict[str, str]:
    return {
        "calendar_year": QCoreApplication.translate("TariffWords", "Calendar year"),
        "school_year": QCoreApplication.translate("TariffWords", "School year"),
        "rolling_12_months": QCoreApplication.translate("TariffWords", "12 rolling months"),
        "month": QCoreApplication.translate("TariffWords", "Month"),
    }


def membership_labels() -> dict[str, str]:
    return {
        "any": QCoreApplication.translate("TariffWords", "Everyone"),
        "member": QCoreApplication.translate("TariffWords", "Members"),
        "non_member": QCoreApplication.translate("TariffWords", "Non-members"),
    }


def consumable_unit_word(unit_hint: str) -> str:
    """The unit a consumable price is per: "g", "plaque"…"""
    return {
        "gram": QCoreApplication.translate("TariffWords", "g"),
        "sheet": QCoreApplication.translate("TariffWords", "sheet"),
        "metre": QCoreApplication.translate("TariffWords", "m"),
        "square_metre": QCoreApplication.translate("TariffWords", "m²"),
        "kilostitch": QCoreApplication.translate("TariffWords", "1000 stitches"),
        "piece": QCoreApplication.translate("TariffWords", "piece"),
    }.get(unit_hint, unit_hint)


def price_text(amount_cents: int, unit: str, unit_hint: str = "") -> str:
    """ "15,00 €/h", "60,00 €/séance", "40,00 € forfait", "0,10 €/g"."""
    amount = formatting.money(amount_cents)
    if unit == "hour":
        return QCoreApplication.translate("TariffWords", "{amount}/h").format(amount=amount)
    if unit == "session":
        return QCoreApplication.translate("TariffWords", "{amount}/session").format(amount=amount)
    if unit == "flat":
        return QCoreApplication.translate("TariffWords", "{amount} flat").format(amount=amount)
    return f"{amount}/{consumable_unit_word(unit_hint)}" if unit_hint else amount


def everyone() -> str:
    return QCoreApplication.translate("TariffWords", "All publics")


def scope_text(kind: str | None, name: str) -> str:
    if kind is None:
        return QCoreApplication.translate("TariffWords", "Everything")
    prefix = kind_prefix().get(kind, kind)
    return f"{prefix}{formatting.colon()} {name}" if name else prefix


def validity_text(valid_from: date, valid_to: date | None) -> tuple[str, str]:
    return formatting.short_date(valid_from), (
        formatting.short_date(valid_to)
        if valid_to
        else QCoreApplication.translate("TariffWords", "no end")
    )


_PLAIN_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")


def parse_decimal(text: str) -> Decimal | None:
    """A percentage or a number of hours typed at the desk ("12,5", "10 %"): plain digits
    with one decimal comma or point; exponents ("1e3"), NaN and infinities are refused."""
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    cleaned = cleaned.replace(",", ".").rstrip("%").strip()
    if not _PLAIN_DECIMAL.fullmatch(cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def date_edit(ctx: AppContext, value: date) -> QDateEdit:
    edit = bound_to_accepted_days(QDateEdit(to_qdate(value)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class OptionalDate(QWidget):
    """An end date that may be open: a tick box "until" and a date."""

    def __init__(self, ctx: AppContext, value: date | None, name: str) -> None:
        super().__init__()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(self.tr("ends on"))
        self.enabled.setAccessibleName(self.tr("{name}: has an end").format(name=name))
        self.edit = date_edit(ctx, value or lab_today())
        self.edit.setAccessibleName(name)
        lay.addWidget(self.enabled)
        lay.addWidget(self.edit, 1)
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.enabled.toggled.connect(self.edit.setEnabled)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))


class RecordDialog(QDialog):
    """A form whose ``submit()`` saves through a service (tests call it directly)."""

    # form field name for a service field code that differs
    FIELD_ALIASES: dict[str, str] = {}

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.last_error = ""  # the code of the last save refused (e.g. "stale_record")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.outer = lay = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        lay.addWidget(self.banner)
        self.form = ValidatedForm()
        lay.addLayout(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        save.setAccessibleName(self.tr("Save"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay.addWidget(buttons)

    def save(self) -> int:  # pragma: no cover - overridden
        raise NotImplementedError

    def show_validation(self, fields: dict[str, str]) -> None:
        mapped = {self.FIELD_ALIASES.get(k, k): v for k, v in fields.items()}
        unknown = self.form.show_errors(mapped)
        if unknown:
            from tierslieu_desktop.ui.errors import field_message

            self.banner.setText(" ".join(field_message(mapped[n]) for n in unknown))
            self.banner.show()

    def submit(self) -> int | None:
        self.form.clear_errors()
        self.banner.hide()
        self.last_error = ""
        try:
            saved = self.save()
        except ValidationError as exc:
            self.show_validation(exc.fields)
            return None
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit()
            self.last_error = exc.code
            self.banner.setText(error_message(exc))
            self.banner.show()
            return None
        self.saved_id = saved
        return saved

    def _on_save(self) -> None:
        if self.submit() is not None:
            self.accept()


def combo(items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    return box


def select_data(box: QComboBox, data: object) -> None:
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)


class ListSection(QWidget, Generic[R]):
    """A titled table of rows with New / Edit / (End or Archive) buttons.

    Subclasses implement ``rows()``, ``cells(row)``, ``open_dialog``
    and optionally ``third_action``."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        columns: list[str],
        new_label: str,
        edit_name: str,
        third_label: str = "",
        third_name: str = "",
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.third_label = third_label
        self._rows: list[R] = []
        self.outer = lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QLabel(f"<b>{title}</b>")
        lay.addWidget(head)
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setAccessibleName(title)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.new_button = QPushButton(new_label)
        self.new_button.setAccessibleName(new_label)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(edit_name)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        self.third_button: QPushButton | None = None
        if self.third_label:
            self.third_button = QPushButton(self.third_label)
            self.third_button.setAccessibleName(third_name or self.third_label.replace("&", ""))
            bar.addWidget(self.third_button)
            self.third_button.clicked.connect(self.third_action)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        new = QAction(new_label.replace("&", ""), self)
        # Ctrl+N is the window's "new member"; the machines page uses Ctrl+Shift+N too.
        new.setShortcut(QKeySequence("Ctrl+Shift+N"))
        new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.triggered.connect(lambda: self.open_dialog(None))
        self.addAction(new)
        edit = QAction(self.tr("Edit"), self.table)
        edit.setShortcuts([QKeySequence(Qt.Key.Key_F2), QKeySequence(Qt.Key.Key_Return)])
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self.edit_selected)
        self.table.addAction(edit)
        if self.third_button is not None:
            third = QAction(self.third_label, self.table)
            third.setShortcut(QKeySequence.StandardKey.Delete)
            third.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            third.triggered.connect(self.third_action)
            self.table.addAction(third)

    # --- to implement ---------------------------------------------------------------
    def rows(self) -> list[R]:  # pragma: no cover - overridden
        raise NotImplementedError

    def cells(self, row: R) -> list[str]:  # pragma: no cover - overridden
        raise NotImplementedError

    def make_dialog(self, row: R | None) -> RecordDialog:  # pragma: no cover
        raise NotImplementedError

    def third_action(self) -> None:
        pass

    # --- common ---------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        current = self.current()
        keep = select_id if select_id is not None else getattr(current, "id", None)
        self._rows = self.rows()
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            for c, text in enumerate(self.cells(row)):
                item = QTableWidgetItem(text)
                if getattr(row, "archived", False):
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
            if row.id == keep:
                self.table.selectRow(r)
        self._update_buttons()

    def current(self) -> R | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._rows):
            return None
        return self._rows[rows[0].row()]

    def select_id(self, row_id: int) -> None:
        for r, row in enumerate(self._rows):
            if row.id == row_id:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        if self.third_button is not None:
            self.third_button.setEnabled(has)

    def edit_selected(self) -> None:
        row = self.current()
        if row is not None:
            self.open_dialog(row)

    def open_dialog(self, row: R | None) -> int | None:
        dialog = self.make_dialog(row)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.after_save(dialog.saved_id)
            return dialog.saved_id
        return None

    def after_save(self, saved_id: int) -> None:
        self.ctx.notify("tariff", [saved_id])
        self.reload(saved_id)
        self.say(self.tr("Saved."), ok=True)

    def say(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status.setText(text)
