"""The user guide, shipped with the application (resources/guide/<language>/index.html):
shown in a window of its own (a QTextBrowser, no web browser needed), opened at the
section of the page the desk is on (F1, the Help menu, the « ? » buttons).

Every page of the window has a section named after its key (``MainWindow.PAGE_KEYS``),
and the desk's daily flows one each (``FLOW_ANCHORS``); a test checks both languages."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

GUIDE = Path(__file__).resolve().parent.parent / "resources" / "guide"
LANGUAGES = ("fr", "en")
# The desk's daily flows, after the pages' sections.
FLOW_ANCHORS = (
    "flow-arrival",
    "flow-departure",
    "flow-collect",
    "flow-day-closing",
    "flow-bank-deposit",
    "flow-usage-correction",
    "flow-annual-report",
    "flow-funder-report",
)
CYBERBASE_ANCHOR = "activity-cyberbase"


def guide_file(language: str) -> Path:
    """The guide's page in ``language`` (French when there is none in it)."""
    return GUIDE / (language if language in LANGUAGES else "fr") / "index.html"


class HelpWindow(QWidget):
    """The guide: back, forward, contents, and a search in the guide (Enter: next)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Tiers-Lieu Desktop user guide"))
        self.language = language
        self.source = guide_file(language)

        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.forward_button = QPushButton(self.tr("Forward ▶"))
        self.forward_button.setAccessibleName(self.tr("Forward"))
        self.contents_button = QPushButton(self.tr("&Contents"))
        self.contents_button.setAccessibleName(self.tr("Contents of the guide"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the guide"))
        self.search.setAccessibleName(self.tr("Search the guide"))
        self.search.setClearButtonEnabled(True)
        self.not_found = QLabel()
        self.not_found.setAccessibleName(self.tr("Search result"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)  # the rare web address: the user's browser
        self.browser.setSearchPaths([str(self.source.parent)])

        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.forward_button)
        bar.addWidget(self.contents_button)
        bar.addStretch(1)
        bar.addWidget(self.not_found)
        bar.addWidget(self.search, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.browser, 1)

        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.contents_button.clicked.connect(lambda: self.show_section("contents"))
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(lambda _t: self.not_found.clear())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        # the screenshots' 768 px and the margins, within the screen (1024×600 too)
        free = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(860, free.width() - 40), min(660, free.height() - 40))

    def show_section(self, anchor: str) -> None:
        """Open the guide at ``anchor`` (a page key or a flow), added to the history."""
        url = QUrl.fromLocalFile(str(self.source))
        url.setFragment(anchor)
        self.browser.setSource(url)  # the same file: only the history and the scroll
        self.browser.scrollToAnchor(anchor)

    def current_anchor(self) -> str:
        return self.browser.source().fragment()

    def find_next(self) -> bool:
        """The next place where the searched words are, from the top again at the end."""
        text = self.search.text().strip()
        self.not_found.clear()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        if self.browser.find(text, QTextDocument.FindFlag(0)):
            return True
        self.not_found.setText(self.tr("Not found"))
        return False


_open: dict[str, HelpWindow] = {}


def open_guide(parent: QWidget, language: str, anchor: str) -> HelpWindow:
    """Show the guide at ``anchor``: one window per language, raised when already open."""
    window = _open.get(language)
    if window is None or not shiboken6.isValid(window) or window.parent() is not parent.window():
        window = HelpWindow(language, parent.window())
        _open[language] = window
    window.show_section(anchor)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
