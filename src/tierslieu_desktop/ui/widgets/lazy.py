"""Tabs read the database when first shown, not when built: building a page with five
tabs must not run the queries of the four the user is not looking at."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _FirstShow(QObject):
    """Kept by the widget (a child); after the first show it only says "done"."""

    def __init__(self, widget: QWidget, load: Callable[[], object]) -> None:
        super().__init__(widget)
        self.load: Callable[[], object] | None = load
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.load is not None:
            load, self.load = self.load, None
            watched.removeEventFilter(self)
            load()
        return False


def load_when_shown(widget: QWidget, load: Callable[[], object]) -> None:
    """Call ``load`` the first time ``widget`` is shown (at once if it is on screen)."""
    if widget.isVisible():
        load()
    else:
        _FirstShow(widget, load)
