"""Finances › Simulateur: "what if the prices had been these?". The usages of a past
period re-priced with percentages per public and per resource and new amounts for
chosen rules, side by side with the real revenue (table and chart per public), and the
self-financing ratio before/after. Nothing is written."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.finance import simulator
from tierslieu_desktop.services.finance.simulator import Scenario, SimulationResult
from tierslieu_desktop.services.people import audiences
from tierslieu_desktop.services.pricing import tariff_csv, tariffs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, field_message
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.tables import item_at

REAL_COLOUR = "#2d7d9a"
SIMULATED_COLOUR = "#f0a830"
_PERCENT = re.compile(r"^[+-]?\d+(?:[.,]\d{1,2})?$")


def parse_percent(text: str) -> int:
    """ "5", "+5", "-10,5", "2,25 %" → basis points; "" → 0. ValueError otherwise."""
    cleaned = re.sub(r"[\s\u00a0\u202f%]", "", text).replace("\u2212", "-")
    if not cleaned:
        return 0
    if not _PERCENT.match(cleaned):
        raise ValueError(text)
    try:
        return int(Decimal(cleaned.replace(",", ".")) * 100)
    except InvalidOperation:
        raise ValueError(text) from None


def percent_text(bp: int | None) -> str:
    if bp is None:
        return "–"
    return formatting.percent(Decimal(bp) / 100, 1)


def signed_money(cents: int) -> str:
    return ("+" if cents > 0 else "") + formatting.money(cents)


def _readonly(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _editable(text: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SimulatorTab(QWidget):
    """Editor (publics %, resources %, rule overrides) → ``run()`` → result table + chart."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: SimulationResult | None = None
        self.audience_keys: list[int | None] = []
        self.resource_keys: list[tuple[str, int]] = []
        self.rule_ids: list[int] = []
        lay = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "Re-price the usages of a period with other tariffs, to see what they would "
                "have brought in. Nothing is saved."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)

        top = QHBoxLayout()
        year = lab_today().year - 1
        self.first_edit = self._date_edit(date(year, 1, 1), self.tr("Period start"))
        self.last_edit = self._date_edit(date(year, 12, 31), self.tr("Period end"))
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.first_edit)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.last_edit)
        self.reload_button = QPushButton(self.tr("Reload tariffs"))
        self.reload_button.setAccessibleName(self.tr("Reload tariffs"))
        self.reload_button.clicked.connect(self.load_editor)
        top.addWidget(self.reload_button)
        self.clear_button = QPushButton(self.tr("Clear the scenario"))
        self.clear_button.setAccessibleName(self.tr("Clear the scenario"))
        self.clear_button.clicked.connect(self.clear_scenario)
        top.addWidget(self.clear_button)
        top.addStretch(1)
        self.run_button = QPushButton(self.tr("Simulate"))
        self.run_button.setAccessibleName(self.tr("Simulate"))
        self.run_button.setToolTip(self.tr("Simulate (Ctrl+Enter)"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        top.addWidget(self.run_button)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.run)
        lay.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        lay.addWidget(splitter, 1)

        # One editor at a time, full width: the names of publics, resources and rules stay
        # readable at 1280×800.
        editor = QTabWidget()
        editor.setAccessibleName(self.tr("Scenario editor"))
        self.audience_table = self._table(
            [self.tr("Public"), self.tr("Change (%)")], self.tr("Change by public")
        )
        editor.addTab(self.audience_table, self.tr("By public"))
        self.resource_table = self._table(
            [self.tr("Resource"), self.tr("Change (%)")], self.tr("Change by resource")
        )
        editor.addTab(self.resource_table, self.tr("By resource"))
        self.rule_table = self._table(
            [self.tr("Resource"), self.tr("Public"), self.tr("Price"), self.tr("New price")],
            self.tr("New prices of rules"),
        )
        editor.addTab(self.rule_table, self.tr("New price for a rule"))
        self.editor = editor
        splitter.addWidget(editor)

        results = QWidget()
        res = QVBoxLayout(results)
        res.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        res.addWidget(self.message)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        res.addWidget(self.summary)
        row = QHBoxLayout()
        self.result_table = self._table(
            [self.tr("Public"), self.tr("Real"), self.tr("Simulated"), self.tr("Difference")],
            self.tr("Simulation result"),
        )
        self.result_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        row.addWidget(self.result_table, 1)
        self.chart = QChart()
        self.chart.setTitle(self.tr("Revenue by public"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        self.chart_view.setAccessibleName(self.tr("Chart of real and simulated revenue by public"))
        row.addWidget(self.chart_view, 1)
        res.addLayout(row, 1)
        splitter.addWidget(results)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        load_when_shown(self, self.load_editor)

    # ------------------------------------------------------------------ building

    def _date_edit(self, day: date, name: str) -> QDateEdit:
        edit = bound_to_accepted_days(QDateEdit(QDate(day.year, day.month, day.day)))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(name)
        return edit

    def _table(self, headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setAccessibleName(name)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def period(self) -> tuple[date, date]:
        return from_qdate(self.first_edit.date()), from_qdate(self.last_edit.date())

    def set_period(self, first_day: date, last_day: date) -> None:
        """Called by the Finances page when its period changes."""
        self.first_edit.setDate(QDate(first_day.year, first_day.month, first_day.day))
        self.last_edit.setDate(QDate(last_day.year, last_day.month, last_day.day))

    def _kind_name(self, kind: str) -> str:
        return {
            "machine": self.tr("Machine"),
            "category": self.tr("Category"),
            "space": self.tr("Space"),
            "consumable": self.tr("Consumable"),
        }.get(kind, kind)

    def _unit_text(self, unit: str, step: int | None) -> str:
        text = {
            "hour": self.tr("per hour"),
            "session": self.tr("per session"),
            "flat": self.tr("flat"),
            "consumable": self.tr("per unit"),
        }.get(unit, unit)
        if step:
            text += " " + self.tr("(step {minutes} min)").format(minutes=step)
        return text

    def load_editor(self) -> None:
        """Publics, resources and the rules in force at the end of the period."""
        _first, last = self.period()
        publics = [(a.id, a.name) for a in audiences.list_audiences(self.ctx.db)]
        self.audience_keys = [aid for aid, _ in publics] + [None]
        self.audience_table.setRowCount(0)
        for row, (_aid, name) in enumerate([*publics, (None, self.tr("No public / walk-in"))]):
            self.audience_table.insertRow(row)
            self.audience_table.setItem(row, 0, _readonly(name))
            self.audience_table.setItem(row, 1, _editable())

        grid = tariffs.tariff_grid(self.ctx.db, last)
        self.resource_keys = [(r.kind, r.id) for r in grid.resources]
        self.resource_table.setRowCount(0)
        for row, res in enumerate(grid.resources):
            self.resource_table.insertRow(row)
            self.resource_table.setItem(
                row, 0, _readonly(f"{res.name} ({self._kind_name(res.kind).lower()})")
            )
            self.resource_table.setItem(row, 1, _editable())

        rules = tariffs.list_rules(self.ctx.db, on=last)
        self.rule_ids = [r.id for r in rules]
        self.rule_table.setRowCount(0)
        for row, rule in enumerate(rules):
            public = rule.audience_name or self.tr("All publics")
            if rule.membership == "member":
                public += " · " + self.tr("members")
            elif rule.membership == "non_member":
                public += " · " + self.tr("non-members")
            price = f"{formatting.money(rule.amount_cents)} {self._unit_text(rule.unit, rule.step_minutes)}"
            self.rule_table.insertRow(row)
            self.rule_table.setItem(row, 0, _readonly(rule.resource_name))
            self.rule_table.setItem(row, 1, _readonly(public))
            self.rule_table.setItem(row, 2, _readonly(price, align_right=True))
            self.rule_table.setItem(row, 3, _editable())

    def clear_scenario(self) -> None:
        for table, col in (
            (self.audience_table, 1),
            (self.resource_table, 1),
            (self.rule_table, 3),
        ):
            for row in range(table.rowCount()):
                item_at(table, row, col).setText("")

    # ------------------------------------------------------------------ scenario

    def rule_row(self, resource_name: str, audience_name: str) -> int:
        """Row of the rule table for this resource and public (−1 when none)."""
        for row in range(self.rule_table.rowCount()):
            if (
                item_at(self.rule_table, row, 0).text() == resource_name
                and item_at(self.rule_table, row, 1).text().split(" · ")[0] == audience_name
            ):
                return row
        return -1

    def scenario(self) -> Scenario:
        """The scenario of the editor; ValueError naming the first bad cell."""
        bad: list[QTableWidgetItem] = []
        by_audience: dict[int | None, int] = {}
        for row, key in enumerate(self.audience_keys):
            item = item_at(self.audience_table, row, 1)
            try:
                bp = parse_percent(item.text())
            except ValueError:
                bad.append(item)
                continue
            if bp:
                by_audience[key] = bp
        by_resource: dict[tuple[str, int], int] = {}
        for row, resource_key in enumerate(self.resource_keys):
            item = item_at(self.resource_table, row, 1)
            try:
                bp = parse_percent(item.text())
            except ValueError:
                bad.append(item)
                continue
            if bp:
                by_resource[resource_key] = bp
        overrides: dict[int, int] = {}
        for row, rule_id in enumerate(self.rule_ids):
            item = item_at(self.rule_table, row, 3)
            if not item.text().strip():
                continue
            cents = tariff_csv.parse_amount(item.text())
            if cents is None:
                bad.append(item)
            else:
                overrides[rule_id] = cents
        for table in (self.audience_table, self.resource_table, self.rule_table):
            for row in range(table.rowCount()):
                for col in range(table.columnCount()):
                    it = table.item(row, col)
                    if it is not None and it.flags() & Qt.ItemFlag.ItemIsEditable:
                        wrong = any(it is b for b in bad)
                        it.setBackground(QColor("#fde2e1") if wrong else QColor(0, 0, 0, 0))
        if bad:
            raise ValueError("invalid cells")
        return Scenario(by_audience, by_resource, overrides)

    # ------------------------------------------------------------------ run

    def _error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def run(self) -> None:
        first, last = self.period()
        if last < first:
            self._error(field_message("end_before_start"))
            return
        try:
            scenario = self.scenario()
        except ValueError:
            self._error(
                self.tr(
                    "Some cells are not valid (marked in red): a percentage such as +5 or "
                    "-10,5, a price such as 12,50."
                )
            )
            return
        try:
            result = simulator.simulate(self.ctx.db, first, last, scenario)
        except ValidationError as exc:
            self._error(" ".join(field_message(code) for code in exc.fields.values()))
            return
        except DomainError as exc:
            self._error(error_message(exc))
            return
        self.message.setStyleSheet("")
        self.message.setText("")
        self.show_result(result)

    def show_result(self, result: SimulationResult) -> None:
        self.result = result
        diff = result.simulated_cents - result.real_cents
        lines = [
            self.tr("{count} usages from {first} to {last}.").format(
                count=formatting.number(result.usages),
                first=formatting.short_date(result.first_day),
                last=formatting.short_date(result.last_day),
            ),
            self.tr("Revenue from usages: {real} real, {simulated} simulated ({diff}).").format(
                real=formatting.money(result.real_cents),
                simulated=formatting.money(result.simulated_cents),
                diff=signed_money(diff),
            ),
            self.tr("Self-financing ratio: {before} before, {after} after.").format(
                before=percent_text(result.real_self_financing_bp),
                after=percent_text(result.simulated_self_financing_bp),
            ),
        ]
        self.summary.setText("\n".join(lines))

        names = sorted(result.by_audience, key=lambda n: (n == "", n.casefold()))
        table = self.result_table
        table.setRowCount(0)
        rows = [
            (name or self.tr("No public / walk-in"), *result.by_audience[name]) for name in names
        ]
        rows.append((self.tr("Total"), result.real_cents, result.simulated_cents))
        for i, (label, real, simulated) in enumerate(rows):
            table.insertRow(i)
            table.setItem(i, 0, _readonly(label))
            table.setItem(i, 1, _readonly(formatting.money(real), True))
            table.setItem(i, 2, _readonly(formatting.money(simulated), True))
            table.setItem(i, 3, _readonly(signed_money(simulated - real), True))
        last_row = table.rowCount() - 1
        for col in range(4):
            item = item_at(table, last_row, col)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self._fill_chart([r[0] for r in rows[:-1]], [r[1:] for r in rows[:-1]])

    def _fill_chart(self, labels: list[str], values: list[tuple[int, int]]) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBarSeries()
        real = QBarSet(self.tr("Real"))
        real.setColor(QColor(REAL_COLOUR))
        simulated = QBarSet(self.tr("Simulated"))
        simulated.setColor(QColor(SIMULATED_COLOUR))
        for r, s in values:
            real.append(r / 100)
            simulated.append(s / 100)
        series.append(real)
        series.append(simulated)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x_axis)
        y_axis = QValueAxis()
        top = max((max(v) for v in values), default=0) / 100
        y_axis.setRange(0, top * 1.1 if top else 1)
        y_axis.setLabelFormat("%.0f")
        y_axis.applyNiceNumbers()
        y_axis.setTitleText("€")
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y_axis)
        self.series = series
