"""Caisse & factures: six tabs — Caisse, Factures, Impayés, Facturation mensuelle,
Clôtures, Remises (bank deposits; Ctrl+Shift+B opens "Remise en banque…" from any tab).
Every tab refreshes when the app-wide ``changed`` signal names an invoice, a basket, a
usage, a member, a closing or a deposit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout

from tierslieu_desktop.domain.calendar import local_day_and_minute, utcnow
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.ui.access import allowed
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.pages.checkout.basket_tab import BasketTab
from tierslieu_desktop.ui.pages.checkout.deposits_tab import DepositDialog, DepositsTab
from tierslieu_desktop.ui.pages.checkout.invoices_tab import InvoicesTab
from tierslieu_desktop.ui.pages.checkout.other_tabs import ClosingsTab, MonthlyTab, UnpaidTab
from tierslieu_desktop.ui.pages.checkout.voucher_settlement_dialog import settlement_button

REFRESH_ON = {"invoice", "basket", "usage", "member", "closing", "booking", "payment", "deposit"}


def local_today() -> date:
    return local_day_and_minute(utcnow())[0]


class CheckoutPage(Page):
    def __init__(self, ctx: AppContext, today_fn: Callable[[], date] | None = None) -> None:
        super().__init__(ctx)
        self.today_fn = today_fn or local_today
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Checkout & invoices"))
        title.setObjectName("pageTitle")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        self.voucher_settlements = settlement_button(ctx, self)
        head.addWidget(self.voucher_settlements)
        lay.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Checkout tabs"))
        self.basket = BasketTab(ctx, self.today_fn)
        self.invoices = InvoicesTab(ctx, self.today_fn)
        self.unpaid = UnpaidTab(ctx, self.today_fn)
        self.monthly = MonthlyTab(ctx, self.today_fn)
        self.closings = ClosingsTab(ctx, self.today_fn)
        self.deposits = DepositsTab(ctx, self.today_fn)
        self.tabs.addTab(self.basket, self.tr("&Checkout"))
        self.tabs.addTab(self.invoices, self.tr("&Invoices"))
        self.tabs.addTab(self.unpaid, self.tr("&Unpaid"))
        self.tabs.addTab(self.monthly, self.tr("&Monthly invoicing"))
        self.tabs.addTab(self.closings, self.tr("C&losings"))
        self.tabs.addTab(self.deposits, self.tr("B&ank deposits"))
        lay.addWidget(self.tabs)
        self.tab_list = (
            self.basket,
            self.invoices,
            self.unpaid,
            self.monthly,
            self.closings,
            self.deposits,
        )
        QShortcut(QKeySequence("Ctrl+Shift+B"), self, self.open_deposit)
        # Nothing loaded yet: each tab fills itself the first time it is shown.
        self._stale: set[int] = set(range(len(self.tab_list)))
        ctx.changed.connect(self._on_changed)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self._apply_access()
        ctx.principal_changed.connect(self._apply_access)

    def _apply_access(self) -> None:
        """The tabs the operator logged in may use (Accueil: the basket and the invoices)."""
        needs = {
            self.basket: Permission.CHECKOUT,
            self.unpaid: Permission.INVOICES,
            self.monthly: Permission.INVOICES,
            self.closings: Permission.CLOSINGS,
            self.deposits: Permission.INVOICES,
        }
        for tab, permission in needs.items():
            index, ok = self.tabs.indexOf(tab), allowed(self.ctx, permission)
            if self.tabs.isTabVisible(index) != ok:  # Qt shows the page itself otherwise
                self.tabs.setTabVisible(index, ok)
        self.voucher_settlements.setVisible(allowed(self.ctx, Permission.INVOICES))
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentWidget(self.invoices)

    def help_anchor(self) -> str | None:
        """F1 on Clôtures or Remises: how to close the day, how to deposit."""
        return {
            self.closings: "flow-day-closing",
            self.deposits: "flow-bank-deposit",
        }.get(self.tabs.currentWidget())

    def open_deposit(self) -> DepositDialog:
        """Remise en banque…: the Remises tab, and its dialog on top."""
        self.tabs.setCurrentWidget(self.deposits)
        return self.deposits.open_dialog()

    def _on_changed(self, entity: str, _ids: list) -> None:
        """Refresh the tab on screen now, the others when they are shown."""
        if entity in REFRESH_ON:
            self._stale = set(range(len(self.tab_list)))
            if self.isVisible():
                self._refresh_current()

    def _refresh_current(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._stale:
            self._stale.discard(index)
            self.tab_list[index].refresh()

    def refresh(self) -> None:
        """Read again the tab on screen; the others when they are next shown."""
        self._stale = set(range(len(self.tab_list)))
        self._refresh_current()

    def activate(self) -> None:
        if self._stale:
            self._stale = set(range(len(self.tab_list)))
            self._refresh_current()
        if self.tabs.currentWidget() is self.basket:
            self.basket.search.setFocus()
