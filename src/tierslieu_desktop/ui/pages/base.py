"""Base of every page of the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tierslieu_desktop.ui.context import AppContext


class Page(QWidget):
    """A page gets the shared context; ``activate`` is called each time it is shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def activate(self) -> None:  # optional hook
        """Called when the page becomes visible."""
