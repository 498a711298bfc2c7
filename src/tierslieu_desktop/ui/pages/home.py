"""Accueil: who we are, real figures, and the quick actions of the front desk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.dashboard import home_summary
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.pages.base import Page

CARD_STYLE = """
QFrame#card { background: white; border: 1px solid #d5dde3; border-radius: 8px; }
QLabel#cardValue { font-size: 22pt; font-weight: 600; color: #1f3a4d; }
QLabel#cardLabel { color: #53626d; }
"""


class HomePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(CARD_STYLE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 24, 32, 24)
        lay.setSpacing(16)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        lay.addWidget(self.title)
        self.subtitle = QLabel(self.tr("Today at the front desk"))
        self.subtitle.setObjectName("placeholderText")
        lay.addWidget(self.subtitle)

        grid = QGridLayout()
        grid.setSpacing(12)
        self.values: dict[str, QLabel] = {}
        cards = [
            ("active_members", self.tr("active members")),
            ("members_with_membership", self.tr("members with a current membership")),
            ("machines_available", self.tr("machines available")),
            ("machines_unavailable", self.tr("machines in maintenance or out of order")),
        ]
        for i, (key, label) in enumerate(cards):
            card = QFrame()
            card.setObjectName("card")
            c = QVBoxLayout(card)
            value = QLabel("–")
            value.setObjectName("cardValue")
            value.setAccessibleName(label)
            text = QLabel(label)
            text.setObjectName("cardLabel")
            text.setWordWrap(True)
            c.addWidget(value)
            c.addWidget(text)
            grid.addWidget(card, 0, i)
            self.values[key] = value
        lay.addLayout(grid)

        actions = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Find a member (Ctrl+F)"))
        self.find_button.setAccessibleName(self.tr("Find a member"))
        self.new_button = QPushButton(self.tr("New member (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New member"))
        for b in (self.find_button, self.new_button):
            b.setMinimumHeight(36)
            actions.addWidget(b)
        actions.addStretch(1)
        lay.addLayout(actions)
        self.find_button.clicked.connect(lambda: self.window().find_member())
        self.new_button.clicked.connect(lambda: self.window().new_member())

        coming = QLabel(
            self.tr(
                "Today's bookings, the members expected and those to check out will be listed "
                "here once bookings are recorded in the application."
            )
        )
        coming.setWordWrap(True)
        coming.setObjectName("placeholderText")
        coming.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(coming)
        lay.addStretch(1)
        ctx.changed.connect(self._on_changed)
        # Figures are loaded by activate(), when the page is shown (once at start).

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in ("member", "machine", "structure", "membership"):
            self.refresh()

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        s = home_summary(self.ctx.db)
        self.title.setText(s.structure_name or self.tr("Welcome"))
        self.values["active_members"].setText(formatting.number(s.active_members))
        self.values["members_with_membership"].setText(formatting.number(s.members_with_membership))
        self.values["machines_available"].setText(formatting.number(s.machines_available))
        self.values["machines_unavailable"].setText(
            formatting.number(s.machines_maintenance + s.machines_out_of_order)
        )
