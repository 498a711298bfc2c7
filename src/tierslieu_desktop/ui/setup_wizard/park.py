"""The lab's steps of the setup assistant: its spaces, their opening hours, the machines
picked from the built-in catalogue (``services.setup.catalogue``), its publics, and the
starter price grid by public that the lab adjusts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
)

from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.park import machines as park_service
from tierslieu_desktop.services.setup import apply as setup_service
from tierslieu_desktop.services.setup.catalogue import CatalogueItem, load_catalogue
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.frontdesk.units import unit_symbols
from tierslieu_desktop.ui.pages.machines.labels import weekday_names
from tierslieu_desktop.ui.pages.machines.opening_hours import RangesInvalid, parse_ranges
from tierslieu_desktop.ui.setup_wizard.common import HINT_STYLE, StepPage
from tierslieu_desktop.ui.widgets.form import ValidatedForm
from tierslieu_desktop.ui.widgets.responsive import wrapping

Range = tuple[int, int]
# A rural lab's usual week: Tuesday to Saturday, closed at lunch time.
USUAL_WEEK = "10:00-12:30, 14:00-18:00"


def _existing_names(ctx: AppContext) -> tuple[list[str], list[str]]:
    return (
        [s.name for s in park_service.list_spaces(ctx.db)],
        [m.name for m in park_service.list_machines(ctx.db)],
    )


class SpacesPage(StepPage):
    step_key = "spaces"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Spaces"),
            self.tr(
                "The rooms of your tiers-lieu. Each machine belongs to a space and follows "
                "its opening hours. A space the machines you pick need is added anyway."
            ),
        )
        self.boxes: dict[str, QCheckBox] = {}
        for space in load_catalogue().spaces:
            box = QCheckBox(space.label(ctx.language))
            box.setAccessibleName(space.label(ctx.language))
            box.setChecked(space.key == "fablab")
            self.boxes[space.key] = box
            self.body.addWidget(box)
        self.form = ValidatedForm()
        self.other = self.form.add_field("name", self.tr("Another space:"), QLineEdit())
        self.other.setPlaceholderText(self.tr("e.g. Atelier bois (leave empty if none)"))
        self.body.addLayout(self.form)
        self.existing = wrapping(QLabel())
        self.existing.setStyleSheet(HINT_STYLE)
        self.body.addWidget(self.existing)
        self.body.addStretch(1)

    def initializePage(self) -> None:  # Qt's name
        spaces, _machines = _existing_names(self.ctx)
        self.existing.setText(
            self.tr("Already in the database: {names}.").format(names=", ".join(spaces))
            if spaces
            else ""
        )
        self.existing.setVisible(bool(spaces))

    def chosen(self) -> tuple[str, ...]:
        return tuple(key for key, box in self.boxes.items() if box.isChecked())

    def check(self) -> bool:
        try:
            setup_service.validate_plan(setup_service.SetupPlan(other_space=self.other.text()))
        except ValidationError as exc:
            self.form.show_errors({"name": exc.fields["spaces.other"]})
            return False
        self.form.clear_errors()
        return True


class HoursPage(StepPage):
    step_key = "hours"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Opening hours"),
            self.tr(
                "When the spaces the assistant creates are open: a booking must fit these "
                "hours. Type the ranges of each day, e.g. “10:00-12:30, 14:00-18:00”; "
                "leave a day empty when it is closed. Public holidays are closed; "
                "exceptions are set later on Machines & spaces."
            ),
        )
        self.form = ValidatedForm()
        self.days: list[QLineEdit] = []
        for weekday, name in enumerate(weekday_names()):
            edit = QLineEdit(USUAL_WEEK if 1 <= weekday <= 5 else "")
            edit.setMaxLength(120)
            edit.setPlaceholderText(self.tr("Closed"))
            label = self.tr("{day}:").format(day=name[:1].upper() + name[1:])
            self.form.add_field(f"weekday_{weekday}", label, edit)
            self.days.append(edit)
        self.body.addLayout(self.form)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Tuesday's hours from Monday to Saturday"))
        self.copy_button.setAccessibleName(
            self.tr("Copy Tuesday's hours to every day from Monday to Saturday")
        )
        self.copy_button.clicked.connect(self.copy_tuesday)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)

    def copy_tuesday(self) -> None:
        for edit in self.days[:6]:
            edit.setText(self.days[1].text())

    def schedule(self) -> dict[int, list[Range]]:
        """The week typed; ValidationError naming the days that cannot be read."""
        errors: dict[str, str] = {}
        schedule: dict[int, list[Range]] = {}
        for weekday, edit in enumerate(self.days):
            try:
                ranges = parse_ranges(edit.text())
            except RangesInvalid as exc:
                errors[f"weekday_{weekday}"] = exc.code
                continue
            if ranges:
                schedule[weekday] = ranges
        try:
            setup_service.validate_plan(setup_service.SetupPlan(schedule=schedule))
        except ValidationError as exc:
            errors = {**{k.removeprefix("hours."): v for k, v in exc.fields.items()}, **errors}
        if errors:
            raise ValidationError(errors)
        return schedule

    def check(self) -> bool:
        try:
            self.schedule()
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return False
        self.form.clear_errors()
        return True


class MachinesPage(StepPage):
    """The catalogue as a list to tick, with how many of each; the row chosen shows its
    consumables and booking rules."""

    step_key = "machines"
    PRESELECTED = ("laser_cutter", "fdm_printer")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Machines"),
            self.tr(
                "Tick the equipment you have and how many. Each comes with its typical "
                "consumables, booking rules and a starter price per public that you adjust "
                "on the next steps, then any time in Settings › Tariffs."
            ),
        )
        self.items = load_catalogue().items
        self.table = QTableWidget(len(self.items), 3)
        self.table.setObjectName("catalogueTable")
        self.table.setAccessibleName(self.tr("Equipment catalogue"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Equipment"), self.tr("How many"), self.tr("Training required")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.counts: dict[str, QSpinBox] = {}
        for row, item in enumerate(self.items):
            cell = QTableWidgetItem(item.label(ctx.language))
            cell.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            cell.setCheckState(
                Qt.CheckState.Checked if item.key in self.PRESELECTED else Qt.CheckState.Unchecked
            )
            cell.setData(Qt.ItemDataRole.UserRole, item.key)
            self.table.setItem(row, 0, cell)
            spin = QSpinBox()
            spin.setRange(1, 50)
            spin.setValue(item.count)
            spin.setAccessibleName(
                self.tr("How many: {item}").format(item=item.label(ctx.language))
            )
            self.counts[item.key] = spin
            self.table.setCellWidget(row, 1, spin)
            trained = QTableWidgetItem(self.tr("yes") if item.authorization_required else "")
            trained.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 2, trained)
        self.table.setMinimumHeight(200)
        self.body.addWidget(self.table, 1)
        self.details = wrapping(QLabel())
        self.details.setObjectName("catalogueDetails")
        self.details.setStyleSheet(HINT_STYLE)
        self.body.addWidget(self.details)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.table.setCurrentCell(0, 0)
        self._show_details(0)

    def row_of(self, key: str) -> int:
        return next(i for i, item in enumerate(self.items) if item.key == key)

    def set_chosen(self, key: str, chosen: bool) -> None:
        cell = self.table.item(self.row_of(key), 0)
        assert cell is not None
        cell.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def chosen(self) -> list[tuple[CatalogueItem, int]]:
        found = []
        for row, item in enumerate(self.items):
            cell = self.table.item(row, 0)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                found.append((item, self.counts[item.key].value()))
        return found

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        r = item.rules
        parts = [
            self.tr(
                "<b>{item}</b>: booked by slots of {step} min, from {min} min to {max} min."
            ).format(
                item=item.label(self.ctx.language),
                step=r.slot_step_minutes,
                min=r.min_duration_minutes,
                max=r.max_duration_minutes,
            ),
            self.tr("Starter price for adults: {price} an hour.").format(
                price=formatting.money(item.prices["adults"])
            ),
        ]
        if item.authorization_required:
            parts.append(self.tr("Members need a training (authorization) to book it."))
        if item.consumables:
            names = ", ".join(
                f"{c.name} ({formatting.money(c.price_cents)} / {unit_symbols(1)[c.unit]})"
                for c in item.consumables
            )
            parts.append(self.tr("Consumables: {names}.").format(names=names))
        self.details.setText(" ".join(parts))
        self.details.setAccessibleName(self.details.text())


class AudiencesPage(StepPage):
    step_key = "audiences"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Publics"),
            self.tr(
                "Publics group your members for prices and for the funders' statistics. "
                "Keep those you welcome; you can rename them or add others in Settings › "
                "Publics."
            ),
        )
        self.boxes: dict[str, QCheckBox] = {}
        for audience in load_catalogue().audiences:
            box = QCheckBox(audience.label(ctx.language))
            box.setAccessibleName(audience.label(ctx.language))
            box.setToolTip(audience.description)
            box.setChecked(True)
            self.boxes[audience.key] = box
            self.body.addWidget(box)
        self.body.addStretch(1)

    def chosen(self) -> tuple[str, ...]:
        return tuple(key for key, box in self.boxes.items() if box.isChecked())


class PricesPage(StepPage):
    """Rows: the equipment picked; columns: the publics kept; cells: the hourly price,
    the catalogue's starter price until the lab types its own."""

    step_key = "prices"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            self.tr("Prices"),
            self.tr(
                "Hourly price per public, from the catalogue's typical prices: type yours. "
                "The adults' price is also the price for anyone without a public. A price "
                "of 0 makes the use free for that public."
            ),
        )
        self.catalogue = load_catalogue()
        self.typed: dict[tuple[str, str], str] = {}
        self.table = QTableWidget()
        self.table.setObjectName("priceGrid")
        self.table.setAccessibleName(self.tr("Starter prices per hour and per public"))
        self.table.setMinimumHeight(180)
        self.body.addWidget(self.table, 1)
        self.consumable_prices = QCheckBox(
            self.tr("Also set the consumables' typical prices (per unit, every public)")
        )
        self.consumable_prices.setAccessibleName(self.consumable_prices.text())
        self.consumable_prices.setChecked(True)
        self.body.addWidget(self.consumable_prices)
        self.rows: list[CatalogueItem] = []
        self.columns: list[str] = []
        self.table.itemChanged.connect(self._remember)

    def initializePage(self) -> None:  # Qt's name
        wizard = self.wizard_()
        picked = [] if wizard.machines.skipped else wizard.machines.chosen()
        self.rows = [item for item, _n in picked]
        audiences = wizard.audiences.chosen() if not wizard.audiences.skipped else ()
        self.columns = list(audiences) or ["adults"]
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setRowCount(len(self.rows))
        self.table.setColumnCount(len(self.columns))
        self.table.setHorizontalHeaderLabels(
            [self.catalogue.audience(k).label(self.ctx.language) for k in self.columns]
        )
        self.table.setVerticalHeaderLabels([i.label(self.ctx.language) for i in self.rows])
        for r, item in enumerate(self.rows):
            for c, key in enumerate(self.columns):
                text = self.typed.get(
                    (item.key, key),
                    formatting.amount_input(item.prices.get(key, item.prices["adults"])),
                )
                self.table.setItem(r, c, QTableWidgetItem(text))
        # Whole names of the publics: the grid scrolls sideways on a narrow screen.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.blockSignals(False)
        if not self.rows:
            self.show_message(self.tr("No equipment was picked: there is no price to set."))

    def _remember(self, cell: QTableWidgetItem) -> None:
        if 0 <= cell.row() < len(self.rows) and 0 <= cell.column() < len(self.columns):
            self.typed[(self.rows[cell.row()].key, self.columns[cell.column()])] = cell.text()

    def set_price(self, item_key: str, audience_key: str, text: str) -> None:
        r = next(i for i, item in enumerate(self.rows) if item.key == item_key)
        c = self.columns.index(audience_key)
        cell = self.table.item(r, c)
        assert cell is not None
        cell.setText(text)

    def prices(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """Item key → (audience key, cents) typed; ValidationError naming each wrong cell
        (``prices.<item>.<audience>``)."""
        errors: dict[str, str] = {}
        found: dict[str, tuple[tuple[str, int], ...]] = {}
        for r, item in enumerate(self.rows):
            cells = []
            for c, key in enumerate(self.columns):
                cell = self.table.item(r, c)
                try:
                    cells.append((key, parse_amount(cell.text() if cell else "")))
                except AmountError:
                    errors[f"prices.{item.key}.{key}"] = "amount_invalid"
            found[item.key] = tuple(cells)
        if errors:
            raise ValidationError(errors)
        return found

    def check(self) -> bool:
        try:
            self.prices()
        except ValidationError as exc:
            wrong = []
            for name in exc.fields:
                _prefix, item_key, audience_key = name.split(".")
                wrong.append(
                    self.tr("{item} / {public}").format(
                        item=self.catalogue.item(item_key).label(self.ctx.language),
                        public=self.catalogue.audience(audience_key).label(self.ctx.language),
                    )
                )
            self.show_message(
                self.tr("Price not valid (example: 12,50) for: {cells}.").format(
                    cells="; ".join(wrong)
                )
            )
            return False
        return True
