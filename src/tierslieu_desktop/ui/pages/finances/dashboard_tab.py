"""Finances › Tableau de bord: revenue by origin per month (stacked bars) and for the
period (donut), the key figures with their trend against the year before, the value of
reduced access by public, the cost recovery of each machine and the budget against the
actual figures. Every figure opens the lines behind it (``balance_service.details``)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import cast

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.finance import COLLECTIVITY_LEVELS
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.billing import vat_threshold
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.ui.background import read_in_background
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.finances.details import DetailsDialog, Part, money_item
from tierslieu_desktop.ui.pages.finances.labels import (
    budget_category_names,
    level_names,
    name_of,
    percent_bp,
)
from tierslieu_desktop.ui.widgets.tables import frozen_columns

OWN_COLOUR = "#2d7d9a"
PRIVATE_COLOUR = "#f0a830"
# public levels, from the nearest collectivity to the farthest
PUBLIC_COLOURS = {
    "commune": "#1b5e31",
    "epci": "#2e8b4e",
    "departement": "#4caf6e",
    "region": "#7cc48f",
    "etat": "#5c6bc0",
    "ue": "#3949ab",
    "social": "#8e6bbf",
    "employment": "#b08fd8",
}
OTHER_PUBLIC = "#90a4ae"
CARD_STYLE = """
QPushButton#figureCard { background: white; border: 1px solid #d5dde3; border-radius: 6px;
    padding: 6px 10px; text-align: left; color: #1f3a4d; }
QPushButton#figureCard:hover { border-color: #2d5370; }
QPushButton#figureCard:focus { border: 2px solid #f0a830; }
"""


def money_short(cents: int) -> str:
    """An amount rounded to the euro, for chart axes: "12 300 €" / "€12,300"."""
    locale = formatting.current_locale()
    return babel_numbers.format_currency(
        Decimal(cents) / 100,
        "EUR",
        format="¤#,##0" if locale.startswith("en") else "#,##0\u00a0¤",
        currency_digits=False,
        locale=locale,
    )


def month_label(month: date) -> str:
    """ "novembre 2026", for titles and tooltips."""
    return babel_dates.format_date(month, format="LLLL yyyy", locale=formatting.current_locale())


def month_tick(month: date) -> str:
    """A short month under a bar: "11/26" (twelve bars must fit; tooltips say more)."""
    return babel_dates.format_date(month, format="MM/yy", locale=formatting.current_locale())


def month_end(month: date) -> date:
    nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def nice_step(top: int) -> int:
    """A round step (1, 2 or 5 × 10^n cents) giving about five ticks up to ``top``."""
    raw = max(top // 5, 100)
    power = 10 ** (len(str(raw)) - 1)
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


class DashboardTab(QWidget):
    """``set_period(first, last)`` loads the balance and fills charts, figures and tables."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.first_day = lab_today()
        self.last_day = lab_today()
        self.current: balance_service.Balance | None = None
        self.previous: balance_service.KeyFigures | None = None
        self.dialog: DetailsDialog | None = None
        self.setStyleSheet(CARD_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 4, 4, 4)
        # the franchise of lucrative accessory activities (docs/vat-basis.md)
        self.threshold_warning = QLabel()
        self.threshold_warning.setObjectName("warningLabel")
        self.threshold_warning.setWordWrap(True)
        self.threshold_warning.hide()
        lay.addWidget(self.threshold_warning)

        # key figures
        self.cards: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, key in enumerate(
            ("self_financing", "public_share", "result", "revenue", "costs", "reduced")
        ):
            card = QPushButton()
            card.setObjectName("figureCard")
            card.setCursor(Qt.CursorShape.PointingHandCursor)
            card.setMinimumHeight(64)
            card.setMinimumWidth(120)
            card.clicked.connect(lambda _c=False, k=key: self.open_figure(k))
            grid.addWidget(card, i // 3, i % 3)
            self.cards[key] = card
        lay.addLayout(grid)
        # where the figures come from, in words (issue 16: definitions a funder recognises)
        self.notes = QLabel()
        self.notes.setObjectName("cardLabel")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setAccessibleName(self.tr("Where the figures come from"))
        lay.addWidget(self.notes)

        # charts
        charts = QHBoxLayout()
        self.bar_chart = QChart()
        self.bar_chart.setTitle(self.tr("Revenue by origin and by month"))
        # the donut beside it carries the legend (same colours)
        self.bar_chart.legend().hide()
        self.bar_chart.setMargins(QMargins(4, 4, 4, 4))
        self.bar_view = QChartView(self.bar_chart)
        self.bar_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.bar_view.setMinimumHeight(300)
        self.bar_view.setAccessibleName(self.tr("Chart of the revenue by origin and by month"))
        charts.addWidget(self.bar_view, 3)
        self.pie_chart = QChart()
        self.pie_chart.setTitle(self.tr("Revenue of the period"))
        # the legend under the donut, wrapped in as many lines as it needs: a legend
        # beside the donut cut the names off
        self.pie_chart.legend().hide()
        self.pie_chart.setMargins(QMargins(4, 4, 4, 4))
        self.pie_view = QChartView(self.pie_chart)
        self.pie_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.pie_view.setMinimumHeight(300)
        self.pie_view.setAccessibleName(self.tr("Chart of the revenue of the period by origin"))
        pie_box = QVBoxLayout()
        pie_box.addWidget(self.pie_view, 1)
        self.pie_legend = QLabel()
        self.pie_legend.setWordWrap(True)
        self.pie_legend.setTextFormat(Qt.TextFormat.RichText)
        self.pie_legend.setAccessibleName(self.tr("Legend of the revenue chart"))
        pie_box.addWidget(self.pie_legend)
        charts.addLayout(pie_box, 2)
        charts.setStretch(0, 3)
        charts.setStretch(1, 2)
        lay.addLayout(charts)
        self.bar_series: QStackedBarSeries | None = None
        self.pie_series: QPieSeries | None = None
        self.bar_figures: list[str] = []  # figure key of each bar set, in order
        self.months: list[date] = []

        # tables
        tables = QHBoxLayout()
        self.reduced_table = self._table(
            self.tr("Reduced and free access by public"),
            [
                self.tr("Public"),
                self.tr("List price"),
                self.tr("Invoiced"),
                self.tr("Not invoiced yet"),
                self.tr("Given"),
            ],
            tables,
        )
        self.machines_table = self._table(
            self.tr("Cost recovery per machine"),
            [
                self.tr("Machine"),
                self.tr("Hours"),
                self.tr("Revenue / h"),
                self.tr("Cost / h"),
                self.tr("Recovery"),
            ],
            tables,
        )
        lay.addLayout(tables)
        budget_row = QHBoxLayout()
        self.budget_table = self._table(
            self.tr("Budget against actual"),
            [
                self.tr("Side"),
                self.tr("Category"),
                self.tr("Budget"),
                self.tr("Actual"),
                self.tr("Difference"),
            ],
            budget_row,
        )
        lay.addLayout(budget_row)
        hint = QLabel(
            self.tr("Click a figure, a bar, a slice or a row (Enter) to see the lines behind it.")
        )
        hint.setObjectName("cardLabel")
        lay.addWidget(hint)
        self.reduced_table.activated.connect(lambda i: self._open_row(self.reduced_table, i.row()))
        self.machines_table.activated.connect(
            lambda i: self._open_row(self.machines_table, i.row())
        )
        self.budget_table.activated.connect(lambda i: self._open_row(self.budget_table, i.row()))

    def _table(self, title: str, headers: list[str], row: QHBoxLayout) -> QTableWidget:
        box = QGroupBox(title)
        lay = QVBoxLayout(box)
        table = QTableWidget(0, len(headers))
        table.setAccessibleName(title)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setMinimumHeight(150)
        table.setMinimumWidth(100)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(table)
        row.addWidget(box, 1)
        return table

    # --- loading ---------------------------------------------------------------------

    def set_period(self, first_day: date, last_day: date) -> None:
        self.first_day, self.last_day = first_day, last_day
        self.reload()

    def reload(self) -> None:
        """The period's figures, charts and tables at once; the comparison with the year
        before (a second balance) read meanwhile in a worker: started first, it runs while
        this thread waits on its own queries (sqlite3 releases the GIL), and its result is
        applied once the page is painted."""
        self._trend_for: tuple[date, date] | None = (self.first_day, self.last_day)
        first, last = self.first_day, self.last_day
        read_in_background(lambda: self._trend_of(first, last), self._on_trend)
        self.current = balance_service.balance(self.ctx.db, self.first_day, self.last_day)
        self.previous = None
        self._fill_threshold_warning()
        self._fill_cards()
        self._fill_bars()
        self._fill_pie()
        self._fill_tables()

    def _fill_threshold_warning(self) -> None:
        figure = vat_threshold.lucrative_warning(self.ctx.db, self.last_day.year)
        self.threshold_warning.setVisible(figure is not None)
        if figure is None:
            return
        text = (
            self.tr(
                "Sales to non-members in {year}: {amount}, above the {limit} limit of the "
                "VAT franchise for lucrative accessory activities (art. 261-7-1°-b CGI): "
                "these sales are now liable to VAT. See your accountant."
            )
            if figure.exceeded
            else self.tr(
                "Sales to non-members in {year}: {amount}, close to the {limit} limit of "
                "the VAT franchise for lucrative accessory activities (art. 261-7-1°-b CGI)."
            )
        )
        self.threshold_warning.setText(
            text.format(
                year=figure.year,
                amount=formatting.money(figure.receipts_cents),
                limit=formatting.money(figure.threshold_cents),
            )
        )

    def _trend_of(self, first: date, last: date) -> tuple[tuple[date, date], object]:
        """The year before (read in a worker: the page is painted without waiting)."""
        db = self.ctx.db
        previous = balance_service.key_figures(db, shift_year(first, -1), shift_year(last, -1))
        return (first, last), previous

    def _on_trend(self, result: tuple[tuple[date, date], object]) -> None:
        """The ▲/▼ of the key figures (dropped if the period changed meanwhile)."""
        period, previous = result
        if getattr(self, "_trend_for", None) != period:
            return
        self._trend_for = None
        self.previous = cast("balance_service.KeyFigures | None", previous)
        self._fill_cards()

    def load_trend(self) -> None:
        """The comparison with the year before, now, in the window's thread (tests)."""
        if getattr(self, "_trend_for", None) is None:
            return
        self._on_trend(self._trend_of(self.first_day, self.last_day))

    # --- key figures -----------------------------------------------------------------

    def figure_titles(self) -> dict[str, str]:
        return {
            "self_financing": self.tr("Self-financing"),
            "public_share": self.tr("Local authorities’ share"),
            "result": self.tr("Result"),
            "revenue": self.tr("Total revenue"),
            "costs": self.tr("Total costs"),
            "reduced": self.tr("Value of reduced access"),
        }

    def figure_values(
        self, b: balance_service.Balance | balance_service.KeyFigures
    ) -> dict[str, int | None]:
        """Money in cents; the two ratios in basis points (a balance, or the key figures
        of the year before)."""
        return {
            "self_financing": b.self_financing_bp,
            "public_share": b.collectivity_share_bp,
            "result": b.result_cents,
            "revenue": b.total_revenue_cents,
            "costs": b.costs_cents,
            "reduced": b.reduced_access_cents,
        }

    def figure_text(self, key: str) -> str:
        """The value shown on a card (also what tests read)."""
        assert self.current is not None
        value = self.figure_values(self.current)[key]
        if key in ("self_financing", "public_share"):
            return percent_bp(value)
        return formatting.money(value or 0)

    def trend_text(self, key: str) -> str:
        if self.current is None or self.previous is None:
            return ""
        now = self.figure_values(self.current)[key]
        before = self.figure_values(self.previous)[key]
        if now is None or before is None:
            return self.tr("no comparison with last year")
        diff = now - before
        arrow = "▲" if diff > 0 else "▼" if diff < 0 else "="
        if key in ("self_financing", "public_share"):
            points = formatting.number(Decimal(diff) / 100, 1)
            return self.tr("{arrow} {points} pts vs last year").format(arrow=arrow, points=points)
        sign = "+" if diff > 0 else ""
        return self.tr("{arrow} {sign}{amount} vs last year").format(
            arrow=arrow, sign=sign, amount=formatting.money(diff)
        )

    def figure_definitions(self) -> dict[str, str]:
        """What each key figure counts (the card's tooltip; the annual report prints the
        same definitions: domain.finance.DEFINITIONS)."""
        return {
            "self_financing": self.tr(
                "Own revenue ÷ cash costs (expenses and depreciation). In-kind "
                "contributions are not among the costs: the rate with them is given below."
            ),
            "public_share": self.tr(
                "Commune + intercommunality + département + région, divided by the total "
                "cash revenue. The State, Europe, social and employment bodies are public "
                "funding but not collectivities."
            ),
            "result": self.tr("Total cash revenue − total cash costs."),
            "revenue": self.tr(
                "Own revenue (invoices excl. VAT, credit notes deducted, wallet top-ups "
                "left out, plus what was billed before the software) + public funding by "
                "level + private support (foundations, mécénat, sponsoring, donations). "
                "In-kind contributions are shown apart."
            ),
            "costs": self.tr(
                "Expenses and machine depreciation. In-kind contributions (86/87) are shown apart."
            ),
            "reduced": self.tr("List price − charged price of the period's usages."),
        }

    def notes_text(self) -> str:
        """The lines under the key figures: where own revenue comes from (invoiced by the
        software, billed before it), in-kind contributions and private support apart."""
        b = self.current
        if b is None:
            return ""
        parts = [
            self.tr("{amount} invoiced by the software").format(
                amount=formatting.money(b.invoiced_cents)
            ),
            self.tr("{amount} billed before the software").format(
                amount=formatting.money(b.pre_software_cents)
            ),
        ]
        if b.drop_in_vouchers_cents:
            parts.append(
                self.tr(
                    "{amount} of Pass numérique vouchers taken at the cyber-base without an invoice"
                ).format(amount=formatting.money(b.drop_in_vouchers_cents))
            )
        if b.paid_outside_cents:
            parts.append(
                self.tr(
                    "{amount} of memberships paid outside the software (imported from "
                    "HelloAsso, Paheko or a spreadsheet, never invoiced)"
                ).format(amount=formatting.money(b.paid_outside_cents))
            )
        lines = [
            self.tr(
                "Own revenue: {own} = {parts} (each usage, membership, pack or ticket "
                "counted once)."
            ).format(own=formatting.money(b.own_cents), parts=" + ".join(parts))
        ]
        if b.invoicing_start is not None and b.pre_software_cents:
            kinds = {
                "usage": self.tr("usages"),
                "membership": self.tr("memberships"),
                "pack": self.tr("packs"),
                "ticket": self.tr("workshop tickets"),
            }
            what = ", ".join(name for k, name in kinds.items() if b.pre_software_by_kind.get(k))
            lines.append(
                self.tr(
                    "Billed before the software: {amount} ({what} dated before {day} and on "
                    "no invoice of the software)."
                ).format(
                    amount=formatting.money(b.pre_software_cents),
                    what=what,
                    day=formatting.short_date(b.invoicing_start),
                )
            )
        lines.append(
            self.tr(
                "In-kind contributions (86/87, shown apart, not in the revenue nor the "
                "costs): {amount}. Self-financing with them (own ÷ costs + in-kind): {rate}."
            ).format(
                amount=formatting.money(b.in_kind_cents),
                rate=percent_bp(b.self_financing_in_kind_bp),
            )
        )
        if b.private_support_cents:
            lines.append(
                self.tr(
                    "Of the private funding, mécénat, sponsoring and donations: {amount} "
                    "(not grants)."
                ).format(amount=formatting.money(b.private_support_cents))
            )
        return "\n".join(lines)

    def _fill_notes(self) -> None:
        self.notes.setText(self.notes_text())

    def _fill_cards(self) -> None:
        titles = self.figure_titles()
        definitions = self.figure_definitions()
        for key, card in self.cards.items():
            value, trend = self.figure_text(key), self.trend_text(key)
            card.setText(f"{value}\n{titles[key]}\n{trend}")
            card.setAccessibleName(
                self.tr("{title}: {value}, {trend}. Show the lines").format(
                    title=titles[key], value=value, trend=trend
                )
            )
            card.setToolTip(
                self.tr("{definition}\nClick to show the lines behind this figure.").format(
                    definition=definitions[key]
                )
            )
        self._fill_notes()
        font = self.cards["result"].font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        for card in self.cards.values():
            card.setFont(font)

    def figure_parts(self, key: str) -> list[Part]:
        own = Part("own", self.tr("Own revenue"))
        public = Part("public", self.tr("Public funding"))
        private = Part("private", self.tr("Private funding"))
        costs = Part("costs", self.tr("Costs"))
        if key == "self_financing":
            return [own, costs]
        if key == "public_share":
            assert self.current is not None
            levels = level_names()
            local = [
                Part(f"public:{level}", name_of(levels, level))
                for level in COLLECTIVITY_LEVELS
                if self.current.public_by_level.get(level)
            ]
            return [*local, public, own, private]
        if key == "revenue":
            return [own, public, private]
        if key == "costs":
            return [costs]
        if key == "result":
            return [own, public, private, Part("costs", self.tr("Costs"), -1)]
        if key == "reduced":
            assert self.current is not None
            return [
                Part(f"reduced:{name}", name) for name in self.current.reduced_access_by_audience
            ]
        return [Part(key, key)]

    def open_figure(self, key: str) -> DetailsDialog:
        return self.open_details(self.figure_titles()[key], self.figure_parts(key))

    def open_details(
        self,
        title: str,
        parts: list[Part],
        first_day: date | None = None,
        last_day: date | None = None,
    ) -> DetailsDialog:
        dialog = DetailsDialog(
            self.ctx,
            title,
            parts,
            first_day or self.first_day,
            last_day or self.last_day,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- charts ----------------------------------------------------------------------

    def origin_keys(self) -> list[tuple[str, str, str]]:
        """(figure key, legend, colour) of each origin of revenue present in the period."""
        assert self.current is not None
        levels = level_names()
        keys = [("own", self.tr("Own revenue"), OWN_COLOUR)]
        # public funding by level (the legend names the level), then private funding
        for level in PUBLIC_COLOURS:
            if self.current.public_by_level.get(level):
                keys.append(
                    (
                        f"public:{level}",
                        name_of(levels, level),
                        PUBLIC_COLOURS[level],
                    )
                )
        for level, cents in self.current.public_by_level.items():
            if level not in PUBLIC_COLOURS and cents:
                keys.append(
                    (
                        f"public:{level}",
                        name_of(levels, level),
                        OTHER_PUBLIC,
                    )
                )
        keys.append(("private", self.tr("Private funding"), PRIVATE_COLOUR))
        return keys

    def _month_value(self, m: balance_service.MonthFigures, key: str) -> int:
        if key == "own":
            return sum(m.own.values())
        if key == "private":
            return sum(m.private.values())
        return m.public.get(key.split(":", 1)[1], 0)

    def _fill_bars(self) -> None:
        assert self.current is not None
        chart = self.bar_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.months = [m.month for m in self.current.months]
        series = QStackedBarSeries()
        self.bar_figures = []
        top = 0
        totals = [0] * len(self.months)
        for key, legend, colour in self.origin_keys():
            bar = QBarSet(legend)
            bar.setColor(QColor(colour))
            bar.setBorderColor(QColor(colour))
            for i, m in enumerate(self.current.months):
                cents = self._month_value(m, key)
                totals[i] += cents
                bar.append(cents / 100)
            bar.clicked.connect(lambda index, k=key, t=legend: self.open_bar(k, t, index))
            bar.hovered.connect(
                lambda status, index, b=bar, t=legend: self._bar_tip(status, index, t, b)
            )
            series.append(bar)
            self.bar_figures.append(key)
        top = max(totals, default=0)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append([month_tick(m) for m in self.months])
        x_axis.setTruncateLabels(False)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x_axis)
        y_axis = QCategoryAxis()
        y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        step = nice_step(top)
        ticks = max(1, -(-top // step))
        for t in range(ticks + 1):
            y_axis.append(money_short(t * step), t * step / 100)
        y_axis.setRange(0, ticks * step / 100)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y_axis)
        self.bar_series = series

    def _bar_tip(self, status: bool, index: int, legend: str, bar: QBarSet) -> None:
        if not status or index >= len(self.months):
            QToolTip.hideText()
            return
        from PySide6.QtGui import QCursor

        QToolTip.showText(
            QCursor.pos(),
            self.tr("{origin}, {month}: {amount}").format(
                origin=legend,
                month=month_label(self.months[index]),
                amount=formatting.money(round(bar.at(index) * 100)),
            ),
        )

    def open_bar(self, key: str, legend: str, index: int) -> DetailsDialog:
        month = self.months[index]
        first = max(month, self.first_day)
        last = min(month_end(month), self.last_day)
        title = self.tr("{origin} — {month}").format(origin=legend, month=month_label(month))
        return self.open_details(title, [Part(key, legend)], first, last)

    def _fill_pie(self) -> None:
        assert self.current is not None
        chart = self.pie_chart
        chart.removeAllSeries()
        series = QPieSeries()
        series.setHoleSize(0.45)
        series.setPieSize(0.85)
        total = self.current.total_revenue_cents
        entries = []
        for key, legend, colour in self.origin_keys():
            if key == "own":
                cents = self.current.own_cents
            elif key == "private":
                cents = self.current.private_cents
            else:
                cents = self.current.public_by_level.get(key.split(":", 1)[1], 0)
            share = f" ({formatting.percent(Decimal(cents * 100) / total, 0)})" if total else ""
            pie_slice = series.append(legend, cents / 100)
            pie_slice.setProperty("share", share)
            pie_slice.setColor(QColor(colour))
            pie_slice.setProperty("figure", key)
            pie_slice.clicked.connect(lambda k=key, t=legend: self.open_details(t, [Part(k, t)]))
            entries.append(
                f'<span style="color:{colour}">■</span>&nbsp;'
                + escape(f"{legend}{share}").replace(" ", "&nbsp;")  # one entry, one piece
            )
        self.pie_legend.setText(" &nbsp; ".join(entries))
        chart.addSeries(series)
        self.pie_chart.setTitle(
            self.tr("Revenue of the period: {total}").format(total=formatting.money(total))
        )
        self.pie_series = series

    # --- tables ----------------------------------------------------------------------

    def _fill_tables(self) -> None:
        tables = (self.reduced_table, self.machines_table, self.budget_table)
        with frozen_columns(*tables):
            self._fill_table_rows()

    def _fill_table_rows(self) -> None:
        assert self.current is not None
        b = self.current
        t = self.reduced_table
        t.setRowCount(len(b.reduced_access_by_audience))
        for i, (name, (listed, charged, given)) in enumerate(b.reduced_access_by_audience.items()):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, (f"reduced:{name}", name))
            t.setItem(i, 0, item)
            invoiced = b.invoiced_by_audience.get(name, 0)
            t.setItem(i, 1, money_item(listed))
            t.setItem(i, 2, money_item(invoiced))
            t.setItem(i, 3, money_item(charged - invoiced))
            t.setItem(i, 4, money_item(given))

        t = self.machines_table
        t.setRowCount(len(b.machines))
        for i, m in enumerate(b.machines):
            item = QTableWidgetItem(m.name)
            item.setData(Qt.ItemDataRole.UserRole, (f"machine:{m.machine_id}", m.name))
            t.setItem(i, 0, item)
            hours = QTableWidgetItem(formatting.hours(m.minutes))
            hours.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(i, 1, hours)
            t.setItem(i, 2, money_item(m.revenue_per_hour_cents or 0))
            t.setItem(i, 3, money_item(m.cost_per_hour_cents or 0))
            recovery = percent_bp(m.revenue_cents * 10000 // m.cost_cents) if m.cost_cents else "–"
            rec = QTableWidgetItem(recovery)
            rec.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(i, 4, rec)

        t = self.budget_table
        sides = {"revenue": self.tr("Revenue"), "expense": self.tr("Expense")}
        rows = sorted(b.budget.items())
        t.setRowCount(len(rows))
        for i, ((side, category), (planned, actual)) in enumerate(rows):
            cat_name = name_of(budget_category_names(side), category)
            item = QTableWidgetItem(sides.get(side, side))
            figure = self._budget_figure(side, category)
            item.setData(Qt.ItemDataRole.UserRole, (figure, cat_name))
            t.setItem(i, 0, item)
            t.setItem(i, 1, QTableWidgetItem(cat_name))
            t.setItem(i, 2, money_item(planned))
            t.setItem(i, 3, money_item(actual))
            t.setItem(i, 4, money_item(actual - planned))

    @staticmethod
    def _budget_figure(side: str, category: str) -> str:
        if side == "expense":
            # in-kind contributions are shown apart from the costs (issue 16)
            return "in_kind" if category == "in_kind" else f"costs:{category}"
        if category in ("public", "private"):
            return category
        return f"own:{category}"

    def _open_row(self, table: QTableWidget, row: int) -> DetailsDialog | None:
        item = table.item(row, 0)
        if item is None:
            return None
        figure, title = item.data(Qt.ItemDataRole.UserRole)
        return self.open_details(title, [Part(figure, title)])
