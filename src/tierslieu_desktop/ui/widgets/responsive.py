"""Layouts that fit a 1024×600 screen: rows of buttons that wrap instead of widening the
window, forms that scroll vertically instead of making it taller, combo boxes and labels
that do not ask for the width of their longest text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class FlowLayout(QLayout):
    """A row of widgets that wraps onto the next line when the width runs out (Qt's flow
    layout example). Its minimum width is that of its widest item."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible())
        width += self._spacing * max(len(self._visible()) - 1, 0)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _place(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


def flow_row(*widgets: QWidget) -> FlowLayout:
    """A wrapping row holding ``widgets`` (a toolbar of buttons and filters)."""
    row = FlowLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


class VerticalScroll(QScrollArea):
    """A form that scrolls vertically when the window is too short; its width stays that of
    the form (never a horizontal scroll bar hiding the right of a page)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        follow_content(self)

    def minimumSizeHint(self) -> QSize:
        return scroll_minimum(self)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return content.sizeHint() + QSize(bar + 2, 2)


class _FollowContent(QObject):
    """Tells the scroll area's own layout when what it holds changes its needs (a longer
    button shown): Qt does not pass that on through a scroll area."""

    def __init__(self, area: QScrollArea, content: QWidget) -> None:
        super().__init__(area)
        self.area = area
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.area.updateGeometry()
        return False


def follow_content(area: QScrollArea) -> None:
    content = area.widget()
    if content is not None:
        _FollowContent(area, content)


def scroll_minimum(area: QScrollArea, height: int = 120) -> QSize:
    """The minimum size of a vertically scrolling area: as wide as what it holds needs (a
    splitter then never squeezes it until its buttons are cut), ``height`` high."""
    content = area.widget()
    bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    width = content.minimumSizeHint().width() if content is not None else 0
    margins = area.contentsMargins()
    return QSize(width + bar + margins.left() + margins.right(), height)


def shrinkable_combo(combo: QComboBox, chars: int = 14) -> QComboBox:
    """A combo box as wide as ``chars`` characters at least, not as its longest item (the
    list that drops down still shows the items whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def wrapping(label: QLabel) -> QLabel:
    """A label that wraps onto several lines rather than widening its page."""
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def scroll_contents(widget: QWidget) -> VerticalScroll:
    """Put what ``widget`` (a tab, a panel) already holds into a vertical scroll area inside
    it: the same child widgets, moved with their layout (Qt reparents them). The tab stays
    the tab (``setCurrentWidget`` still finds it)."""
    inner = QWidget()
    inner.setObjectName(f"{widget.objectName() or type(widget).__name__}Contents")
    layout = widget.layout()
    if layout is not None:
        inner.setLayout(layout)
    area = VerticalScroll(inner)
    outer = QVBoxLayout(widget)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area
