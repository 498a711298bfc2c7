"""A page whose features arrive in a later version: it says what will come, no fake figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.base import Page


class PlaceholderPage(Page):
    def __init__(
        self, ctx: AppContext, title: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 32, 32, 32)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        lay.addWidget(heading)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setObjectName("placeholderText")
        body.setAccessibleName(title)
        lay.addWidget(body)
        lay.addStretch(1)
