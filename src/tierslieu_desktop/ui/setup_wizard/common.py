"""What every step of the setup assistant shares: a page whose content scrolls (every
step fits a 1024×600 screen), can be skipped and revisited, and shows the services'
errors under the fields they name."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE
from tierslieu_desktop.ui.widgets.responsive import VerticalScroll, wrapping

HINT_STYLE = "color: #53626d;"


class StepPage(QWizardPage):
    """A step: ``body`` (a layout inside a vertical scroll area), ``message`` (a line
    in red at the bottom for what has no field). ``skipped`` is set by « Passer cette
    étape » and cleared when the step is validated by « Suivant »."""

    step_key = ""

    def __init__(self, ctx: AppContext, title: str, intro: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.skipped = False
        self.skipping = False
        self.setTitle(title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        content.setObjectName(f"{self.step_key or 'step'}Contents")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(4, 0, 4, 0)
        if intro:
            self.intro = wrapping(QLabel(intro))
            self.intro.setStyleSheet(HINT_STYLE)
            self.body.addWidget(self.intro)
        self.scroll_area = VerticalScroll(content)
        outer.addWidget(self.scroll_area, 1)
        self.message = wrapping(QLabel())
        self.message.setObjectName("stepMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        outer.addWidget(self.message)

    def wizard_(self) -> Any:
        """The SetupWizard holding the step (typed loosely: the wizard imports the steps)."""
        return self.wizard()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def check(self) -> bool:
        """Validate what the step holds (the services' rules); True when it may be left."""
        return True

    def validatePage(self) -> bool:  # Qt's name: « Suivant » / « Terminer »
        if self.skipping:
            self.skipping = False
            self.skipped = True
            self.show_message("")
            return True
        self.show_message("")
        if not self.check():
            return False
        self.skipped = False
        return True
