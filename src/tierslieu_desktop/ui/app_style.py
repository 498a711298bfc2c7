"""The application's style: Qt's Fusion, and one rule for every item view of every window
(pages and dialogs alike): Tab leaves a table for the next field instead of walking its
cells (``tabKeyNavigation``, on by default in a QTableView, trapped the keyboard there);
the arrows still move inside it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QApplication, QProxyStyle

_installed: list[QProxyStyle] = []  # the application does not own a Python style


class AppStyle(QProxyStyle):
    """Fusion, with each item view set not to keep Tab when it is polished (once, before it
    is first shown)."""

    def polish(self, target):  # Qt's 3 overloads
        if isinstance(target, QAbstractItemView):
            target.setTabKeyNavigation(False)
        return super().polish(target)


def install(app: QApplication) -> None:
    """Give ``app`` the style (once)."""
    if isinstance(app.style(), AppStyle):
        return
    style = AppStyle("Fusion")
    _installed.append(style)
    app.setStyle(style)
