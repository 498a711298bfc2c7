"""Activité: sessions (workshops, trainings, school visits…) with their registrations,
waiting list and attendance; the cyber-base drop-in desk; the figures for the funders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInTab
from tierslieu_desktop.ui.pages.activity.figures_tab import FiguresTab
from tierslieu_desktop.ui.pages.activity.sessions_tab import SessionsTab
from tierslieu_desktop.ui.pages.base import Page
from tierslieu_desktop.ui.widgets.responsive import scroll_contents

# changes that move what the sessions tab shows
REFRESH_ON = ("activity", "member", "machine", "space", "booking", "structure", "tariff")


class ActivityPage(Page):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.now = now or (lambda: datetime.now(UTC))
        self._dirty = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 18, 28, 18)
        title = QLabel(self.tr("Activity"))
        title.setObjectName("pageTitle")
        lay.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Activity"))
        self.sessions = SessionsTab(ctx, self.now)
        self.tabs.addTab(self.sessions, self.tr("&Sessions"))
        self.dropins = DropInTab(ctx)
        self.tabs.addTab(self.dropins, self.tr("C&yber-base desk"))
        scroll_contents(self.dropins)  # a 600 px high screen scrolls it
        self.figures = FiguresTab(ctx)
        self.tabs.addTab(self.figures, self.tr("&Figures"))
        lay.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_if_dirty())
        self.tabs.currentChanged.connect(lambda _i: self.help_context_changed.emit())
        ctx.changed.connect(self._on_changed)

    def add_tab(self, widget: QWidget, title: str) -> None:
        """Add a tab after the sessions (the cyber-base desk, the figures)."""
        self.tabs.addTab(widget, title)

    def activate(self) -> None:
        self.refresh()

    def help_anchor(self) -> str | None:
        if self.tabs.currentWidget() is self.dropins:
            return "activity-cyberbase"
        if self.tabs.currentWidget() is self.figures:
            return "activity-figures"
        return None

    def function_keys_taken(self) -> bool:
        """F1–F6 count the cyber-base's visits while its tab is shown."""
        return self.tabs.currentWidget() is self.dropins

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in REFRESH_ON:
            self._dirty = True
            if self.isVisible() and self.tabs.currentWidget() is self.sessions:
                self.refresh()

    def _refresh_if_dirty(self) -> None:
        if self._dirty and self.tabs.currentWidget() is self.sessions:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        self.sessions.refresh()
