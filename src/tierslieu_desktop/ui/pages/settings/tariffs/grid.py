"""Tarifs › Grille: the prices in force on a day, resources as rows and publics as
columns; a cell is edited in a dialog, cleared with Delete, its history shown aside;
the grid is exported to / imported from a CSV file."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.money import AmountError, parse_amount
from tierslieu_desktop.fileperms import open_private
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.pricing import tariff_csv, tariffs
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.background import (
    BackgroundImport,
    CancelCheck,
    Progress,
    cancelled_text,
)
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import error_message, field_message
from tierslieu_desktop.ui.pages.settings.tariffs.common import (
    KIND_ORDER,
    OK_STYLE,
    RecordDialog,
    combo,
    date_edit,
    everyone,
    kind_titles,
    membership_labels,
    price_text,
    select_data,
    step_labels,
    unit_labels,
)
from tierslieu_desktop.ui.qdates import from_qdate, to_qdate
from tierslieu_desktop.ui.stale import reload_button, shown_again
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.responsive import FlowLayout

Index = QModelIndex | QPersistentModelIndex
# Row of the grid: ("group", kind) for a group title, ("resource", GridResource).
ROLE_CELL = Qt.ItemDataRole.UserRole + 1


class TariffGridModel(QAbstractTableModel):
    """Rows = group titles and resources; column 0 = resource, then one per public."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid: tariffs.TariffGrid | None = None
        self._rows: list[tuple[str, object]] = []

    def set_grid(self, grid: tariffs.TariffGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self._rows = []
        by_kind: dict[str, list[tariffs.GridResource]] = {k: [] for k in KIND_ORDER}
        for res in grid.resources:
            by_kind.setdefault(res.kind, []).append(res)
        for kind, resources in by_kind.items():
            if not resources:
                continue
            self._rows.append(("group", kind))
            self._rows.extend(("resource", r) for r in resources)
        self.endResetModel()

    # --- Qt model -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.grid is None:
            return 0
        return 1 + len(self.grid.audiences)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal or self.grid is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Resource")
            audience_id, name = self.grid.audiences[section - 1]
            return everyone() if audience_id is None else name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()][0] == "group":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.grid is None:
            return None
        what, payload = self._rows[index.row()]
        col = index.column()
        if what == "group":
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return kind_titles().get(str(payload), str(payload))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                from PySide6.QtGui import QColor

                return QColor("#e8eef2")
            return None
        res = cast(tariffs.GridResource, payload)
        if col == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return res.name
            return None
        cell = self.cell_at(index)
        if cell is None:
            return self._inherited_data(index, res, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return price_text(cell.amount_cents, cell.unit, res.unit_hint)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            audience = self.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            price = (
                price_text(cell.amount_cents, cell.unit, res.unit_hint)
                if cell
                else self.tr("no price")
            )
            return f"{res.name}, {audience}: {price}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and cell is not None:
            parts = []
            if cell.unit == "hour":
                parts.append(step_labels().get(cell.step_minutes, ""))
            since = self.tr("since {day}").format(day=formatting.short_date(cell.valid_from))
            parts.append(since)
            if cell.valid_to is not None:
                parts.append(
                    self.tr("until {day}").format(day=formatting.short_date(cell.valid_to))
                )
            return ", ".join(p for p in parts if p)
        return None

    def _inherited_data(self, index: Index, res: tariffs.GridResource, role: int) -> object:
        """A cell without its own price shows, in grey italics, the price that applies
        there (from the machine's category, the every-public column or a rule for all)."""
        assert self.grid is not None
        got = self.grid.inherited.get((res.kind, res.id, self.audience_at(index)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if got is None:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                audience = self.headerData(
                    index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
                return f"{res.name}, {audience}: {self.tr('no price')}"
            return None
        text = price_text(got.amount_cents, got.unit, res.unit_hint)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            from PySide6.QtGui import QColor

            return QColor("#7a7a7a")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{price}, applied from: {source}").format(
                price=text, source=self.inherited_source(got)
            )
        return None

    def inherited_source(self, got: tariffs.InheritedCell) -> str:
        """ "catégorie Découpe laser, tous publics, sans distinction d'adhésion"."""
        kinds = {
            "machine": self.tr("machine {name}"),
            "category": self.tr("category {name}"),
            "space": self.tr("space {name}"),
            "consumable": self.tr("consumable {name}"),
            "activity": self.tr("activity {name}"),
        }
        parts = [kinds[got.source_kind].format(name=got.source_name)]
        if got.source_audience_id is None:
            parts.append(self.tr("all publics"))
        else:
            assert self.grid is not None
            names = dict(self.grid.audiences)
            parts.append(names.get(got.source_audience_id, ""))
        parts.append(membership_labels()[got.source_membership].lower())
        return ", ".join(p for p in parts if p)

    # --- helpers --------------------------------------------------------------------
    def is_group(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row][0] == "group"

    def resource_at(self, index: Index) -> tariffs.GridResource | None:
        if not index.isValid() or self._rows[index.row()][0] != "resource":
            return None
        return cast(tariffs.GridResource, self._rows[index.row()][1])

    def audience_at(self, index: Index) -> int | None:
        assert self.grid is not None
        return self.grid.audiences[index.column() - 1][0]

    def cell_at(self, index: Index) -> tariffs.GridCell | None:
        res = self.resource_at(index)
        if res is None or self.grid is None or index.column() < 1:
            return None
        return self.grid.cells.get((res.kind, res.id, self.audience_at(index)))

    def index_of(self, kind: str, resource_id: int, audience_id: int | None) -> QModelIndex:
        if self.grid is None:
            return QModelIndex()
        col = next((i + 1 for i, (a, _n) in enumerate(self.grid.audiences) if a == audience_id), -1)
        for r, (_what, payload) in enumerate(self._rows):
            if isinstance(payload, tariffs.GridResource) and (payload.kind, payload.id) == (
                kind,
                resource_id,
            ):
                return self.index(r, col)
        return QModelIndex()


class GridView(QTableView):
    edit_requested = Signal()
    clear_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_requested.emit()
            return
        super().keyPressEvent(event)


class PriceDialog(RecordDialog):
    """The price of one resource for one public from a day on.

    Saved from the cell the grid showed on its day (``shown_on``, ``shown_rule``: see
    ``tariffs.set_price``): when another desk changed, created or removed that cell's
    price since, the save is refused with the fresh price named, what was typed stays
    and « Recharger » reads the cell again (then a save goes through)."""

    FIELD_ALIASES = {"valid_from": "from_day", "amount": "amount_cents"}

    def __init__(
        self,
        ctx: AppContext,
        resource: tariffs.GridResource,
        audience_id: int | None,
        audience_name: str,
        membership: str,
        day: date,
        cell: tariffs.GridCell | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Price of {name}").format(name=resource.name), parent)
        self.resource = resource
        self.audience_id = audience_id
        self.membership = membership
        self.shown_on = day  # the grid's day and the cell's rule shown that day (issue 20)
        self.shown_rule = cell.shown if cell is not None else None
        self.stale_seen = False  # the grid reloads after a refusal
        self.reload_button = reload_button(self)
        self.reload_button.clicked.connect(self.reload)
        self.outer.insertWidget(
            self.outer.indexOf(self.buttons), self.reload_button, 0, Qt.AlignmentFlag.AlignLeft
        )
        who = audience_name or everyone()
        if membership != "any":
            who = f"{who} — {membership_labels()[membership].lower()}"
        head = QLabel(f"<b>{resource.name}</b> — {who}")
        self.outer.insertWidget(0, head)
        consumable = resource.kind == "consumable"
        self.amount = self.form.add_field("amount_cents", self.tr("&Amount (€):"), QLineEdit())
        self.unit = self.form.add_field(
            "unit", self.tr("&Unit:"), combo([(t, u) for u, t in unit_labels(consumable).items()])
        )
        self.unit.setEnabled(not consumable)
        self.step = self.form.add_field(
            "step_minutes",
            self.tr("&Billed:"),
            combo([(t, s) for s, t in step_labels().items()]),
        )
        self.from_day = self.form.add_field("from_day", self.tr("&From:"), date_edit(ctx, day))
        if cell is not None:
            self.amount.setText(formatting.amount_input(cell.amount_cents))
            select_data(self.unit, cell.unit)
            select_data(self.step, cell.step_minutes)
        else:
            select_data(self.step, 15)
            if resource.kind == "activity":
                select_data(self.unit, "session")  # a workshop is priced per person
        self.unit.currentIndexChanged.connect(self._on_unit)
        self._on_unit()
        self.amount.setFocus()

    def reload(self) -> None:
        """The cell as saved now on the grid's day (« Recharger »)."""
        day = self.shown_on
        fresh = next(
            (
                r
                for r in tariffs.rule_history(
                    self.ctx.db,
                    self.resource.kind,
                    self.resource.id,
                    self.audience_id,
                    self.membership,
                )
                if r.valid_from <= day and (r.valid_to is None or r.valid_to >= day)
            ),
            None,
        )
        self.shown_rule = (fresh.id, fresh.version) if fresh is not None else None
        self.form.clear_errors()
        if fresh is not None:
            self.amount.setText(formatting.amount_input(fresh.amount_cents))
            select_data(self.unit, fresh.unit)
            select_data(self.step, fresh.step_minutes)
        else:
            self.amount.clear()
        self.banner.hide()
        self.reload_button.hide()

    def submit(self) -> int | None:
        self.reload_button.hide()
        saved = super().submit()
        if saved is None and self.last_error == "stale_record":
            self.stale_seen = True
            self.reload_button.show()
            self.adjustSize()  # the sentence and the button shown whole
        return saved

    def _on_unit(self, *_args: object) -> None:
        self.form.set_field_visible("step_minutes", self.unit.currentData() == "hour")

    def save(self) -> int:
        try:
            amount = parse_amount(self.amount.text())
        except AmountError as exc:
            raise ValidationError({"amount_cents": exc.code}) from None
        unit = self.unit.currentData()
        rule_id = tariffs.set_price(
            self.ctx.db,
            self.ctx.operator_id,
            kind=self.resource.kind,
            resource_id=self.resource.id,
            audience_id=self.audience_id,
            membership=self.membership,
            unit=unit,
            step_minutes=self.step.currentData() if unit == "hour" else None,
            amount_cents=amount,
            from_day=from_qdate(self.from_day.date()),
            shown_on=self.shown_on,
            shown_rule=self.shown_rule,
        )
        return rule_id if rule_id is not None else 0


def csv_error_text(err: tariff_csv.CsvImportError) -> str:
    """ "Ligne 4 : le champ prix — ce montant n'est pas valide…"."""
    from PySide6.QtCore import QCoreApplication

    problems = {
        "header": QCoreApplication.translate(
            "TariffGridTab",
            "the first line must be: type;ressource;public;adhesion;unite;pas_minutes;prix;du;au",
        ),
        "columns": QCoreApplication.translate(
            "TariffGridTab", "the line must have 9 columns separated by ';'"
        ),
        "unknown": QCoreApplication.translate("TariffGridTab", "no such name in the database"),
        "invalid": QCoreApplication.translate("TariffGridTab", "this value is not valid"),
        "required": QCoreApplication.translate("TariffGridTab", "this value is required"),
        "dates": QCoreApplication.translate(
            "TariffGridTab", "the end date is before the start date"
        ),
    }
    reason = problems.get(err.problem) or field_message(err.problem)
    if err.field in ("header", "ligne"):
        return QCoreApplication.translate("TariffGridTab", "Line {line}: {reason}").format(
            line=err.line, reason=reason
        )
    return QCoreApplication.translate(
        "TariffGridTab", "Line {line}: the field {field} — {reason}"
    ).format(line=err.line, field=err.field, reason=reason)


class TariffGridTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.import_job: BackgroundImport | None = None
        lay = QVBoxLayout(self)
        # The day and membership, then the buttons: wrapped onto a 2nd line when narrow.
        bar = FlowLayout()
        choice = QWidget()
        choice_lay = QHBoxLayout(choice)
        choice_lay.setContentsMargins(0, 0, 0, 0)
        choice_lay.addWidget(QLabel(self.tr("Prices in force on")))
        self.day = date_edit(ctx, lab_today())
        self.day.setAccessibleName(self.tr("Prices in force on"))
        choice_lay.addWidget(self.day)
        choice_lay.addSpacing(16)
        choice_lay.addWidget(QLabel(self.tr("Membership:")))
        self.membership = combo([(t, m) for m, t in membership_labels().items()])
        self.membership.setAccessibleName(self.tr("Membership"))
        choice_lay.addWidget(self.membership)
        choice_lay.addSpacing(16)
        bar.addWidget(choice)
        self.edit_button = QPushButton(self.tr("&Edit the price…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected price"))
        self.clear_button = QPushButton(self.tr("&Remove the price"))
        self.clear_button.setAccessibleName(self.tr("Remove the selected price"))
        self.history_button = QPushButton(self.tr("&History"))
        self.history_button.setCheckable(True)
        self.history_button.setAccessibleName(self.tr("Show the history of the price"))
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the grid as CSV"))
        self.import_button = QPushButton(self.tr("&Import CSV…"))
        self.import_button.setAccessibleName(self.tr("Import prices from a CSV file"))
        for b in (
            self.edit_button,
            self.clear_button,
            self.history_button,
            self.export_button,
            self.import_button,
        ):
            bar.addWidget(b)
        lay.addLayout(bar)

        hint = QLabel(
            self.tr(
                "Double-click a cell (or F2) to set its price from a date; Delete removes it "
                "from the grid date. Past prices are kept in the history."
            )
        )
        hint.setWordWrap(True)
        lay.addWidget(hint)
        legend = QLabel(
            self.tr(
                "Prices in grey italics are inherited (from the machine's category, the "
                "every-public column or a price for members and non-members alike): they are "
                "what is charged until the cell gets its own price."
            )
        )
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #5a5a5a;")
        lay.addWidget(legend)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = TariffGridModel(self)
        self.view = GridView()
        self.view.setModel(self.model)
        # once: a model reset keeps the selection model (connected at each reload, every
        # refresh from another desk added one more history read per cell chosen)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.setAccessibleName(self.tr("Price grid"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        # Long public names ("Demandeurs d'emploi / insertion") wrap on up to three lines.
        header.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 10)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        self.splitter.addWidget(self.view)

        self.history_panel = QWidget()
        hl = QVBoxLayout(self.history_panel)
        hl.setContentsMargins(0, 0, 0, 0)
        self.history_title = QLabel()
        hl.addWidget(self.history_title)
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("Until"), self.tr("Amount"), self.tr("Unit")]
        )
        self.history.setAccessibleName(self.tr("History of the price"))
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        hl.addWidget(self.history)
        self.splitter.addWidget(self.history_panel)
        self.history_panel.hide()
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        lay.addWidget(self.splitter, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        self.day.dateChanged.connect(lambda _d: self.reload())
        self.membership.currentIndexChanged.connect(lambda _i: self.reload())
        self.view.doubleClicked.connect(lambda _i: self.edit_current())
        self.view.edit_requested.connect(self.edit_current)
        self.view.clear_requested.connect(self.clear_current)
        self.edit_button.clicked.connect(self.edit_current)
        self.clear_button.clicked.connect(self.clear_current)
        self.history_button.toggled.connect(self._toggle_history)
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_import)
        load_when_shown(self, self._first_load)

    def _first_load(self) -> None:
        # Where members and non-members pay differently, show what members pay first.
        if any(r.membership != "any" for r in tariffs.list_rules(self.ctx.db, on=self.grid_day())):
            self.membership.blockSignals(True)
            select_data(self.membership, "member")
            self.membership.blockSignals(False)
        self.reload()

    # --- state ----------------------------------------------------------------------
    def grid_day(self) -> date:
        return from_qdate(self.day.date())

    def set_day(self, day: date) -> None:
        self.day.setDate(to_qdate(day))

    def reload(self) -> None:
        current = self.view.currentIndex()
        key = None
        res = self.model.resource_at(current)
        if res is not None and current.column() > 0:
            key = (res.kind, res.id, self.model.audience_at(current))
        grid = tariffs.tariff_grid(self.ctx.db, self.grid_day(), self.membership.currentData())
        self.model.set_grid(grid)
        self.view.clearSpans()
        for r in range(self.model.rowCount()):
            if self.model.is_group(r):
                self.view.setSpan(r, 0, 1, self.model.columnCount())
        self._size_columns()
        if key is not None:
            index = self.model.index_of(*key)
            if index.isValid():
                self.view.setCurrentIndex(index)
        self._on_current()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(100)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.resizeColumnToContents(0)
        header.resizeSection(0, max(200, min(header.sectionSize(0) + 12, 300)))
        for c in range(1, self.model.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)

    def current_key(self) -> tuple[tariffs.GridResource, int | None, str] | None:
        index = self.view.currentIndex()
        res = self.model.resource_at(index)
        if res is None or index.column() < 1:
            return None
        audience_id = self.model.audience_at(index)
        name = str(self.model.headerData(index.column(), Qt.Orientation.Horizontal, 0))
        return res, audience_id, "" if audience_id is None else name

    def select_cell(self, kind: str, resource_id: int, audience_id: int | None) -> bool:
        index = self.model.index_of(kind, resource_id, audience_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            return True
        return False

    def _on_current(self, *_args: object) -> None:
        has = self.current_key() is not None
        self.edit_button.setEnabled(has)
        self.clear_button.setEnabled(
            has and self.model.cell_at(self.view.currentIndex()) is not None
        )
        self._fill_history()

    # --- editing --------------------------------------------------------------------
    def price_dialog(self) -> PriceDialog | None:
        key = self.current_key()
        if key is None:
            return None
        res, audience_id, audience_name = key
        return PriceDialog(
            self.ctx,
            res,
            audience_id,
            audience_name,
            self.membership.currentData(),
            self.grid_day(),
            self.model.cell_at(self.view.currentIndex()),
            self,
        )

    def edit_current(self) -> None:
        dialog = self.price_dialog()
        if dialog is None:
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.after_change(self.tr("Price saved."))
        elif dialog.stale_seen:  # changed on another desk meanwhile: show it as it is
            self.reload()

    def after_change(self, message: str) -> None:
        self.ctx.notify("tariff", [])
        self.reload()
        self._say(message, ok=True)

    def clear_current(self) -> bool:
        key = self.current_key()
        cell = self.model.cell_at(self.view.currentIndex())
        if key is None or cell is None:
            return False
        res, audience_id, audience_name = key
        day = self.grid_day()
        if not confirm(
            self,
            self.tr("Remove the price"),
            self.tr(
                "Remove the price of {resource} for {public} from {day} on? Earlier prices "
                "stay in the history."
            ).format(
                resource=res.name,
                public=audience_name or everyone().lower(),
                day=formatting.short_date(day),
            ),
            self.tr("Remove"),
        ):
            return False
        try:
            tariffs.set_price(
                self.ctx.db,
                self.ctx.operator_id,
                kind=res.kind,
                resource_id=res.id,
                audience_id=audience_id,
                membership=self.membership.currentData(),
                unit=cell.unit,
                step_minutes=cell.step_minutes,
                amount_cents=None,
                from_day=day,
                shown_on=day,
                shown_rule=cell.shown,
            )
        except DomainError as exc:
            message = error_message(shown_again(exc))
            if exc.code == "stale_record":  # the cell changed on another desk: nothing
                self.reload()  # removed; the grid as it is now, the cell named
                message = self.tr("{resource}, {public}: {message}").format(
                    resource=res.name, public=audience_name or everyone(), message=message
                )
            self._say(message, ok=False)
            return False
        self.after_change(self.tr("Price removed."))
        return True

    # --- history --------------------------------------------------------------------
    def _toggle_history(self, shown: bool) -> None:
        self.history_panel.setVisible(shown)
        self._fill_history()

    def _fill_history(self) -> None:
        if not self.history_panel.isVisibleTo(self):
            return
        key = self.current_key()
        self.history.setRowCount(0)
        if key is None:
            self.history_title.setText(self.tr("Choose a cell of the grid to see its history."))
            return
        res, audience_id, audience_name = key
        self.history_title.setText(
            self.tr("History of {resource} — {public}").format(
                resource=res.name, public=audience_name or everyone()
            )
        )
        rows = tariffs.rule_history(
            self.ctx.db, res.kind, res.id, audience_id, self.membership.currentData()
        )
        units = {**unit_labels(), **unit_labels(consumable=True)}
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            unit = units.get(row.unit, row.unit)
            if row.unit == "hour":
                unit = f"{unit}, {step_labels().get(row.step_minutes, '')}"
            values = [
                formatting.short_date(row.valid_from),
                formatting.short_date(row.valid_to) if row.valid_to else self.tr("no end"),
                price_text(row.amount_cents, row.unit, res.unit_hint),
                unit,
            ]
            for c, text in enumerate(values):
                self.history.setItem(r, c, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def history_rows(self) -> list[list[str]]:
        return [
            [
                item.text() if (item := self.history.item(r, c)) else ""
                for c in range(self.history.columnCount())
            ]
            for r in range(self.history.rowCount())
        ]

    # --- CSV ------------------------------------------------------------------------
    def _choose_export(self) -> None:
        name = self.tr("prices-{day}.csv").format(day=self.grid_day().isoformat())
        path = file_dialogs.save_file(
            self, self.tr("Export the prices"), name, self.tr("CSV files (*.csv)"), kind="prices"
        )
        if path and self.export_csv(path):
            announce_saved(self, path, "report")

    def export_csv(self, path: str) -> bool:
        text = tariff_csv.export_rules_csv(self.ctx.db, self.grid_day())
        try:
            with open_private(path, "w", encoding="utf-8-sig", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            self._say(self.tr("The file could not be written: {error}").format(error=exc), False)
            return False
        self._say(self.tr("Prices exported to {path}.").format(path=path), ok=True)
        return True

    def _choose_import(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Import prices"), "", self.tr("CSV files (*.csv)"), kind="prices"
        )
        if path:
            self.import_csv(path)

    def import_csv(self, path: str) -> BackgroundImport | None:
        """Apply the tariff file at ``path`` from the grid's day, off the window's thread
        behind a progress dialog that can cancel; all lines or none. The outcome is said
        in the status line when the returned job ends (None: the file cannot be read)."""
        try:
            with open(path, "rb") as fh:
                data = fh.read()  # decoded by the service: UTF-8 or Windows-1252
        except OSError as exc:
            self._say(self.tr("The file could not be read: {error}").format(error=exc), False)
            return None
        db, actor, day = self.ctx.db, self.ctx.operator_id, self.grid_day()

        def work(progress: Progress, cancelled: CancelCheck) -> int:
            return tariff_csv.import_rules_csv(
                db, actor, data, day, progress=progress, cancelled=cancelled
            )

        def succeeded(count: int) -> None:
            self.import_button.setEnabled(True)
            self.after_change(
                self.tr("{count} prices imported from {day}.").format(
                    count=count, day=formatting.short_date(day)
                )
            )

        if self.import_job is not None:
            if self.import_job.running:  # one import at a time: the running one goes on
                return self.import_job
            self.import_job.deleteLater()
        self.import_button.setEnabled(False)
        self.import_job = BackgroundImport(
            self,
            self.tr("Import prices"),
            self.tr("Importing the prices…"),
            work,
            succeeded,
            self._import_failed,
        )
        # whatever the end (even an unexpected error): the button works again
        self.import_job.done.connect(lambda: self.import_button.setEnabled(True))
        return self.import_job.start()

    def _import_failed(self, exc: DomainError) -> None:
        self.import_button.setEnabled(True)
        if isinstance(exc, tariff_csv.CsvImportError):
            self._say(csv_error_text(exc) + " " + self.tr("Nothing was imported."), ok=False)
        elif exc.code == "cancelled":
            self._say(cancelled_text(), ok=False)
        else:
            self._say(error_message(exc), ok=False)

    def _say(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status.setText(text)
