"""Rapports: the annual activity report, the funder reports and (when present) the
exports for the accountant, as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout

from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.pages.reports.annual_tab import AnnualReportTab
from tierslieu_desktop.ui.pages.reports.grants_tab import GrantReportsTab
from tierslieu_desktop.ui.widgets.responsive import scroll_contents

REFRESH_ON = ("grant", "funder")


class ReportsPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Reports"))
        title.setObjectName("pageTitle")
        lay.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Reports"))
        self.annual = AnnualReportTab(ctx)
        self.grants = GrantReportsTab(ctx)
        self.tabs.addTab(self.annual, self.tr("Annual report"))
        self.tabs.addTab(self.grants, self.tr("Funder reports"))
        self.exports = None
        try:
            from tierslieu_desktop.ui.pages.reports.exports_tab import ExportsTab
        except ImportError:
            pass
        else:
            self.exports = ExportsTab(ctx)
            self.tabs.addTab(self.exports, self.tr("Exports"))
            scroll_contents(self.exports)  # three forms: scroll on a 600 px high screen
        lay.addWidget(self.tabs, 1)
        self._dirty = False
        ctx.changed.connect(self._on_changed)

    def help_anchor(self) -> str | None:
        """F1 on a report's tab: how to make it."""
        current = self.tabs.currentWidget()
        if current is self.annual:
            return "flow-annual-report"
        if current is self.grants:
            return "flow-funder-report"
        return None

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in REFRESH_ON:
            if self.isVisible():
                self.grants.refresh()
            else:
                self._dirty = True

    def activate(self) -> None:
        if self._dirty:
            self._dirty = False
            self.grants.refresh()
