"""Paramètres › Consommables: the catalogue (filament in grams, plywood in sheets, vinyl in
metres…), its optional stock follow-up with a low-stock threshold, and, for the selected
consumable, the machines that offer it at check-out."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.park import machines as machine_service
from tierslieu_desktop.services.pricing import catalogue
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.services.scheduling.usages import UNITS, ConsumableRow
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy, run_write
from tierslieu_desktop.ui.pages.frontdesk.units import quantity_text, unit_names
from tierslieu_desktop.ui.stale import changed_elsewhere, reload_button, shown_again
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.typed import TypedForm

OK_STYLE = "color: #1b5e20;"


def parse_quantity(text: str) -> int | None:
    """ "12,5" → 12500 thousandths; "" → None. Raises ValueError when not a number ≥ 0."""
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or value < 0:
        raise ValueError(text)
    return int((value * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def quantity_input(milli: int | None) -> str:
    if milli is None:
        return ""
    from tierslieu_desktop.i18n import formatting

    return formatting.number(Decimal(milli) / 1000)


class ConsumablesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: dict[int, ConsumableRow] = {}
        self._stock: dict[int, catalogue.StockRow] = {}
        self._all_read = False  # the list is read when first shown
        self._ticking = False
        lay = QHBoxLayout(self)

        left = QVBoxLayout()
        intro = QLabel(
            self.tr(
                "What members use on the machines, recorded at their departure. An archived "
                "consumable is no longer offered; past usages keep it."
            )
        )
        intro.setWordWrap(True)
        left.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Consumables"))
        left.addWidget(self.list, 1)
        self.show_archived = QCheckBox(self.tr("Show archived consumables"))
        self.show_archived.setAccessibleName(self.tr("Show archived consumables"))
        left.addWidget(self.show_archived)
        lay.addLayout(left, 1)

        right = QVBoxLayout()
        self.form = ValidatedForm()
        self.name = self.form.add_field("name", self.tr("&Name:"), QLineEdit())
        self.name.setMaxLength(120)
        self.name.setPlaceholderText(self.tr("e.g. PLA filament"))
        self.unit = self.form.add_field("unit", self.tr("&Unit:"), QComboBox())
        names = unit_names()
        for unit in UNITS:
            self.unit.addItem(names[unit], unit)
        self.stock = self.form.add_field("stock", self.tr("&Stock:"), QLineEdit())
        self.stock.setPlaceholderText(self.tr("empty = stock not followed"))
        self.low_stock = self.form.add_field("low_stock", self.tr("&Low stock under:"), QLineEdit())
        self.low_stock.setPlaceholderText(self.tr("quantity that triggers the warning"))
        # what was typed survives another desk's change (issue 20, widgets/typed.py)
        self.typed = TypedForm(self.name, self.unit, self.stock, self.low_stock)
        right.addLayout(self.form)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New consumable"))
        self.new_button.setAccessibleName(self.tr("New consumable"))
        self.save_button = QPushButton(self.tr("Save the consumable"))
        self.save_button.setAccessibleName(self.tr("Save the consumable"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setAccessibleName(self.tr("Archive or restore the consumable"))
        for b in (self.new_button, self.save_button, self.archive_button):
            buttons.addWidget(b)
        right.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        # another desk saved the consumable first (issue 20): what was typed stays,
        # « Recharger » loads the saved values
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(self._reload_clicked)
        right.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.machines_box = QGroupBox(self.tr("Machines offering it at the departure"))
        box = QVBoxLayout(self.machines_box)
        self.machines_hint = QLabel()
        self.machines_hint.setWordWrap(True)
        box.addWidget(self.machines_hint)
        self.machines = QListWidget()
        self.machines.setAccessibleName(self.tr("Machines that offer this consumable"))
        box.addWidget(self.machines, 1)
        right.addWidget(self.machines_box, 1)
        lay.addLayout(right, 1)

        self.list.currentItemChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.submit)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived.toggled.connect(lambda _c: self.reload())
        self.name.returnPressed.connect(self.submit)
        self.stock.returnPressed.connect(self.submit)
        self.low_stock.returnPressed.connect(self.submit)
        self.machines.itemChanged.connect(self._on_machine_ticked)
        ctx.changed.connect(self._on_changed)
        load_when_shown(self, self.reload)

    # --- loading ---------------------------------------------------------------------

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in ("machine", "space"):
            self._fill_machines()
        elif entity in ("consumable", "usage"):  # saved elsewhere, or stock used
            self.refresh()

    def refresh(self) -> None:
        """A change made elsewhere: the list and the stock read again, the selection kept,
        what was typed and not saved kept with the consumable it edits."""
        if not self._all_read or self._ticking:
            return  # not shown yet (read when first shown), or our own tick
        said = (self.status.text(), self.status.styleSheet(), not self.reload_button.isHidden())
        edited = self.typed.edited
        with self.typed.kept():
            self.reload()
        if edited:  # the sentence of a refused save and « Recharger » stay
            self.status.setText(said[0])
            self.status.setStyleSheet(said[1])
            self.reload_button.setVisible(said[2])

    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_id()
        self._load_rows()
        names = unit_names()
        self.list.blockSignals(True)
        self.list.clear()
        for c in self._all:
            if c.archived and not self.show_archived.isChecked():
                continue
            text = f"{c.name} — {names.get(c.unit, c.unit)}"
            if c.archived:
                text += " " + self.tr("(archived)")
            stock = self._stock.get(c.id)
            if stock is not None and stock.low:
                text += " — ⚠ " + self.tr("low stock: {quantity}").format(
                    quantity=quantity_text(stock.stock_milli, c.unit)
                )
            item = QListWidgetItem(text)
            if stock is not None and stock.low:
                item.setForeground(Qt.GlobalColor.darkRed)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("low stock"))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
            if c.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._on_current()

    def _load_rows(self) -> None:
        # Every consumable (archived too): a machine's set keeps its archived ones.
        self._all = usages.list_consumables(self.ctx.db, include_archived=True)
        self._all_read = True
        self._rows = {c.id: c for c in self._all}
        self._stock = {s.consumable_id: s for s in catalogue.stock_levels(self.ctx.db)}

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def current(self) -> ConsumableRow | None:
        return self._rows.get(self.current_id() or -1)

    def select(self, consumable_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == consumable_id:
                self.list.setCurrentRow(i)
                return

    def _reload_clicked(self) -> None:
        self.reload(self.current_id())
        self.status.clear()

    def _on_current(self, *_args: object) -> None:
        self.form.clear_errors()
        self.reload_button.hide()
        row = self.current()
        self.name.setText(row.name if row else "")
        self.unit.setCurrentIndex(max(self.unit.findData(row.unit if row else UNITS[0]), 0))
        stock = self._stock.get(row.id) if row else None
        self.stock.setText(quantity_input(stock.stock_milli if stock else None))
        self.low_stock.setText(quantity_input(stock.low_stock_milli if stock else None))
        self.typed.filled(row)
        self.archive_button.setEnabled(row is not None)
        self.archive_button.setText(
            self.tr("Restore") if row is not None and row.archived else self.tr("Archive")
        )
        self._fill_machines()

    def _fill_machines(self) -> None:
        row = self.current()
        self.machines.blockSignals(True)
        self.machines.clear()
        if row is None:
            self.machines_box.setTitle(self.tr("Machines offering it at the departure"))
            self.machines_hint.setText(
                self.tr("Save the consumable first, then tick the machines that offer it.")
            )
        else:
            self.machines_box.setTitle(
                self.tr("Machines offering “{name}” at the departure").format(name=row.name)
            )
            self.machines_hint.setText(
                self.tr(
                    "Tick a machine to offer this consumable at its departure; each tick is "
                    "saved at once."
                )
            )
            for m in machine_service.list_machines(self.ctx.db):
                item = QListWidgetItem(f"{m.name} — {m.space_name}")
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = m.id in row.machine_ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.machines.addItem(item)
        self.machines.setEnabled(row is not None)
        self.machines.blockSignals(False)

    def machine_item(self, machine_id: int) -> QListWidgetItem | None:
        for i in range(self.machines.count()):
            item = self.machines.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == machine_id:
                return item
        return None

    # --- changes ---------------------------------------------------------------------

    def _say(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status.setText(text)

    def _on_machine_ticked(self, item: QListWidgetItem) -> None:
        row = self.current()
        if row is None:
            return
        machine_id = int(item.data(Qt.ItemDataRole.UserRole))
        offered = {c.id for c in self._all if machine_id in c.machine_ids}
        if item.checkState() == Qt.CheckState.Checked:
            offered.add(row.id)
        else:
            offered.discard(row.id)
        try:
            usages.set_machine_consumables(self.ctx.db, self.ctx.operator_id, machine_id, offered)
        except DomainError as err:
            self._say(error_message(err), ok=False)
            QTimer.singleShot(0, lambda: self.reload(row.id))  # not inside itemChanged
            return
        self._load_rows()  # the list being ticked stays as it is
        self._ticking = True  # not read again inside itemChanged by our own notice
        try:
            self.ctx.notify("consumable", [row.id])
        finally:
            self._ticking = False
        self._say(self.tr("Saved."), ok=True)

    def start_new(self) -> None:
        self.list.setCurrentItem(None)  # type: ignore[call-overload]  # the stubs forbid None
        self.list.clearSelection()
        self._on_current()
        self.status.clear()
        self.name.setFocus()

    def _stock_inputs(self) -> tuple[int | None, int | None]:
        errors: dict[str, str] = {}
        values: list[int | None] = []
        for name, edit in (("stock", self.stock), ("low_stock", self.low_stock)):
            try:
                values.append(parse_quantity(edit.text()))
            except ValueError:
                errors[name] = "number_invalid"
                values.append(None)
        if values[0] is None and values[1] is not None and "stock" not in errors:
            errors["stock"] = "stock_required_for_threshold"
        if errors:
            raise ValidationError(errors)
        return values[0], values[1]

    def submit(self) -> int | None:
        self.form.clear_errors()
        self.status.clear()
        self.reload_button.hide()
        # the consumable the form was filled from, at its version then (widgets/typed.py)
        row = cast(ConsumableRow | None, self.typed.base)
        try:
            stock, low = self._stock_inputs()
            # name, unit and stock in one transaction: a refused stock saves no name,
            # and a stock the desk consumed meanwhile is refused, not overwritten
            consumable_id = usages.save_consumable(
                self.ctx.db,
                self.ctx.operator_id,
                self.name.text(),
                self.unit.currentData(),
                row.id if row else None,
                expected_version=row.version if row else None,
                stock=(stock, low),
            )
        except ValidationError as exc:
            aliases = {"stock_milli": "stock", "low_stock_milli": "low_stock"}
            self.form.show_errors({aliases.get(k, k): v for k, v in exc.fields.items()})
            return None
        except DomainError as exc:
            if retry_when_busy(self, exc):  # another desk kept the base busy
                return self.submit()
            if exc.code == "stale_record":  # another desk saved it first: typed text stays
                changed_elsewhere(exc, row)
                self.reload_button.show()
            self._say(error_message(exc), ok=False)
            return None
        self.ctx.notify("consumable", [consumable_id])
        self.reload(consumable_id)
        self._say(self.tr("Saved."), ok=True)
        return consumable_id

    def toggle_archived(self) -> None:
        row = self.current()
        if row is None:
            return
        if not row.archived and not confirm(
            self,
            self.tr("Archive the consumable"),
            self.tr(
                "Archive “{name}”? It is no longer offered at the departure; past usages keep it."
            ).format(name=row.name),
            self.tr("Archive"),
        ):
            return
        try:
            run_write(
                self,
                lambda: usages.set_consumable_archived(
                    self.ctx.db,
                    self.ctx.operator_id,
                    row.id,
                    not row.archived,
                    expected_version=row.version,
                ),
            )
        except DomainError as exc:  # e.g. changed on another desk: nothing written
            self.reload(row.id)  # the consumable as it is now
            self._say(error_message(shown_again(exc)), ok=False)
            return
        self.ctx.notify("consumable", [row.id])
        self.reload(row.id)
