"""The setup assistant (issue 18, point 1): opened by the window on an unconfigured
database (``services.setup.state``), and from Paramètres."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tierslieu_desktop.ui.context import AppContext
    from tierslieu_desktop.ui.setup_wizard.wizard import SetupWizard


def open_setup_wizard(ctx: AppContext, parent: QWidget | None = None) -> SetupWizard:
    """Show the assistant (window-modal, not blocking) and return it."""
    from PySide6.QtCore import Qt

    from tierslieu_desktop.ui.setup_wizard.wizard import SetupWizard

    wizard = SetupWizard(ctx, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard


def offer_setup(ctx: AppContext, parent: QWidget | None = None) -> SetupWizard | None:
    """The assistant on a database where nothing of the lab is set up yet (and writable);
    None otherwise."""
    from tierslieu_desktop.services.setup.state import is_unconfigured

    if ctx.db.read_only or not is_unconfigured(ctx.db):
        return None
    return open_setup_wizard(ctx, parent)
