"""Base of every page of the main window."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from tierslieu_desktop.ui.context import AppContext


class Page(QWidget):
    """A page gets the shared context; ``activate`` is called each time it is shown.

    F1 opens the guide at ``help_anchor`` (the page's key when None); a page whose shown
    part uses the function keys itself (Activité › Accueil cyber-base) says so with
    ``function_keys_taken`` and emits ``help_context_changed`` when that changes."""

    help_context_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def activate(self) -> None:  # optional hook
        """Called when the page becomes visible."""

    def help_anchor(self) -> str | None:
        """The guide's section for what the page shows (None: the page's own)."""
        return None

    def function_keys_taken(self) -> bool:
        """True while the page's shown part answers F1 itself (then F1 is not help)."""
        return False
