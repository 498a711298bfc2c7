"""Paramètres › Tarifs: the price grid by date, membership fees, reductions and free
quotas, prepaid packs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.settings.tariffs.grid import PriceDialog, TariffGridTab
from tierslieu_desktop.ui.pages.settings.tariffs.sections import (
    FeeDialog,
    FeesSection,
    PacksTab,
    PackTypeDialog,
    QuotaDialog,
    ReductionDialog,
    ReductionsTab,
)

__all__ = [
    "FeeDialog",
    "PackTypeDialog",
    "PriceDialog",
    "QuotaDialog",
    "ReductionDialog",
    "TariffsTab",
]


class TariffsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Tariff sections"))
        self.grid = TariffGridTab(ctx)
        self.fees = FeesSection(ctx)
        self.reductions = ReductionsTab(ctx)
        self.packs = PacksTab(ctx)
        self.tabs.addTab(self.grid, self.tr("&Grid"))
        self.tabs.addTab(self.fees, self.tr("&Memberships"))
        self.tabs.addTab(self.reductions, self.tr("&Reductions and free access"))
        self.tabs.addTab(self.packs, self.tr("&Packs"))
        lay.addWidget(self.tabs, 1)
        ctx.changed.connect(self._on_changed)

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in ("machine", "space", "category", "consumable", "audience", "activity"):
            self.grid.reload()
        if entity == "audience":
            self.fees.reload()
            self.reductions.reload()
