"""Finances: a period (a year, the last 12 months or any dates) and four tabs — the
dashboard of the public/private balance, funders and grants, expenses and budget, the
tariff simulator."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.pages.finances.accounts_tab import AccountsTab
from tierslieu_desktop.ui.pages.finances.dashboard_tab import DashboardTab
from tierslieu_desktop.ui.pages.finances.expenses_tab import ExpensesTab
from tierslieu_desktop.ui.pages.finances.funders_tab import FundersTab
from tierslieu_desktop.ui.pages.finances.simulator_tab import SimulatorTab
from tierslieu_desktop.ui.qdates import bound_to_accepted_days, from_qdate, to_qdate
from tierslieu_desktop.ui.widgets.responsive import scroll_contents

# changes that move the figures of the dashboard
REFRESH_ON = (
    "funder",
    "grant",
    "in_kind",
    "expense",
    "budget",
    "invoice",
    "usage",
    "activity",
    "membership",
    "machine",
    "structure",
)
LAST_12 = "last12"
CUSTOM = "custom"


def last_twelve_months(today: date) -> tuple[date, date]:
    """From the first day of the month eleven months ago to today."""
    month = today.month - 11
    year = today.year
    if month <= 0:
        month += 12
        year -= 1
    return date(year, month, 1), today


class FinancesPage(Page):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.today = today or lab_today()
        self._dirty = True
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 18, 28, 18)
        head = QHBoxLayout()
        title = QLabel(self.tr("Finances"))
        title.setObjectName("pageTitle")
        head.addWidget(title, 1)
        period_label = QLabel(self.tr("&Period:"))
        head.addWidget(period_label)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.addItem(self.tr("Last 12 months"), LAST_12)
        for year in range(self.today.year, self.today.year - 6, -1):
            self.period.addItem(str(year), year)
        self.period.addItem(self.tr("Other dates…"), CUSTOM)
        period_label.setBuddy(self.period)
        head.addWidget(self.period)
        head.addWidget(QLabel(self.tr("from")))
        self.first = QDateEdit()
        self.first.setAccessibleName(self.tr("First day of the period"))
        head.addWidget(self.first)
        head.addWidget(QLabel(self.tr("to")))
        self.last = QDateEdit()
        self.last.setAccessibleName(self.tr("Last day of the period"))
        head.addWidget(self.last)
        for edit in (self.first, self.last):
            bound_to_accepted_days(edit)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        lay.addLayout(head)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Finances"))
        self.dashboard = DashboardTab(ctx)
        self.funders = FundersTab(ctx)
        self.expenses = ExpensesTab(ctx)
        self.tabs.addTab(self.dashboard, self.tr("&Dashboard"))
        self.tabs.addTab(self.funders, self.tr("&Funders and grants"))
        self.tabs.addTab(self.expenses, self.tr("E&xpenses"))
        self.simulator = SimulatorTab(ctx)
        self.tabs.addTab(self.simulator, self.tr("&Simulator"))
        scroll_contents(self.simulator)  # its tables and chart scroll on a 600 px screen
        self.accounts = AccountsTab(ctx)
        self.tabs.addTab(self.accounts, self.tr("&Accounts"))
        lay.addWidget(self.tabs, 1)

        self._set_dates(*last_twelve_months(self.today))
        self.period.currentIndexChanged.connect(self._on_period_chosen)
        self.first.dateChanged.connect(self._on_dates_edited)
        self.last.dateChanged.connect(self._on_dates_edited)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_if_dirty())
        ctx.changed.connect(self._on_changed)

    # --- period ----------------------------------------------------------------------

    def period_range(self) -> tuple[date, date]:
        return from_qdate(self.first.date()), from_qdate(self.last.date())

    def _set_dates(self, first: date, last: date) -> None:
        for edit, value in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(value))
            edit.blockSignals(False)

    def _on_period_chosen(self, _index: int) -> None:
        choice = self.period.currentData()
        if choice == LAST_12:
            self._set_dates(*last_twelve_months(self.today))
        elif isinstance(choice, int):
            self._set_dates(date(choice, 1, 1), date(choice, 12, 31))
        else:
            self.first.setFocus()
            return
        self.refresh()

    def _on_dates_edited(self, *_args: object) -> None:
        first, last = self.period_range()
        if last < first:
            return
        self.period.blockSignals(True)
        if first == date(first.year, 1, 1) and last == date(first.year, 12, 31):
            index = self.period.findData(first.year)
        elif (first, last) == last_twelve_months(self.today):
            index = self.period.findData(LAST_12)
        else:
            index = -1
        self.period.setCurrentIndex(index if index >= 0 else self.period.findData(CUSTOM))
        self.period.blockSignals(False)
        self.refresh()

    def set_period(self, first: date, last: date) -> None:
        """Show ``first``–``last`` (as if typed in the date fields)."""
        self._set_dates(first, last)
        self._on_dates_edited()

    def set_year(self, year: int) -> None:
        self.period.setCurrentIndex(self.period.findData(year))

    # --- refresh ---------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in REFRESH_ON:
            self._dirty = True
            if self.isVisible() and self.tabs.currentWidget() is self.dashboard:
                self.refresh()

    def _refresh_if_dirty(self) -> None:
        if self._dirty and self.tabs.currentWidget() is self.dashboard:
            self.refresh()

    def refresh(self) -> None:
        first, last = self.period_range()
        self.dashboard.set_period(first, last)
        self._dirty = False
        self.simulator.set_period(first, last)
