"""The main window's navigation: titles and icons on a wide screen, icons alone (titles in
tooltips) below ``Sidebar.WIDE_FROM`` pixels; and where the first window goes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidget, QStyledItemDelegate, QStyleOptionViewItem, QWidget


class _IconOnly(QStyledItemDelegate):
    """Draws the icon without the title while the sidebar is narrow (the item keeps its
    text: screen readers and tooltips still say it)."""

    def __init__(self, sidebar: Sidebar) -> None:
        super().__init__(sidebar)
        self.sidebar = sidebar

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if not self.sidebar.wide:
            option.text = ""
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDisplay


class Sidebar(QListWidget):
    WIDE = 230
    NARROW = 56
    WIDE_FROM = 1200  # window width from which the titles are shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wide = True
        self.setItemDelegate(_IconOnly(self))
        self.setMinimumWidth(self.NARROW)
        self.setMaximumWidth(self.WIDE)

    def set_wide(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        self.setMaximumWidth(self.WIDE if wide else self.NARROW)
        self.updateGeometry()
        if self.isVisible():  # else painted whole when shown; viewport() before the first
            self.viewport().update()  # paint loads the Python types of every Qt widget class

    def sizeHint(self) -> QSize:
        return QSize(self.WIDE if self.wide else self.NARROW, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.NARROW, super().minimumSizeHint().height())


def first_window_geometry(available: QRect) -> QRect:
    """1280×800 at most, within ``available`` (a screen without its taskbar), centred."""
    width, height = min(1280, available.width()), min(800, available.height())
    # The title bar and frame drawn around it by the window manager (~30 px, 2×4 px).
    height = min(height, max(available.height() - 32, 400))
    width = min(width, max(available.width() - 8, 400))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def visible_on_a_screen(rect: QRect) -> bool:
    """Whether a good part of ``rect`` (its title bar's middle) is on one of the screens."""
    probe = QRect(rect.center().x() - 50, rect.top(), 100, 30)
    return any(s.availableGeometry().intersects(probe) for s in QGuiApplication.screens())
