"""A time field that takes the digits as typed, wherever the cursor is ("1430", "14h30",
"14:30", "9h", "930"), and whose arrows move by a quarter of an hour.

Qt's QTimeEdit types into the section under the cursor: "1430" typed with the cursor on
the minutes was lost, and its arrows moved one minute at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QSizePolicy, QTimeEdit, QWidget

SEPARATORS = ("h", "H", ":", ".")
DAY_MINUTES = 24 * 60


def parse_typed(typed: str) -> tuple[int, int] | None:
    """The (hour, minute) meant by what was typed so far, None while it means nothing
    yet. "9" 09:00 · "14" 14:00 · "93" 09:30 · "930" 09:30 · "143" 14:30 · "1430" ·
    "14h" · "14h3" 14:30 · "14h30" · "14:30"."""
    for sep in SEPARATORS:
        if sep in typed:
            hours, _s, minutes = typed.partition(sep)
            if not hours.isdigit() or (minutes and not minutes.isdigit()):
                return None
            hour = int(hours)
            minute = int(minutes.ljust(2, "0")) if minutes else 0
            return (hour, minute) if hour < 24 and minute < 60 else None
    if not typed.isdigit() or len(typed) > 4:
        return None
    if len(typed) <= 2 and int(typed) < 24:
        return int(typed), 0
    if len(typed) == 2:  # "93": 9:30
        return (int(typed[0]), int(typed[1]) * 10) if int(typed[1]) < 6 else None
    if len(typed) == 3:
        if int(typed[:2]) < 24 and int(typed[2]) < 6:  # "143": 14:30
            return int(typed[:2]), int(typed[2]) * 10
        hour, minute = int(typed[0]), int(typed[1:])  # "930": 9:30
        return (hour, minute) if minute < 60 else None
    hour, minute = int(typed[:2]), int(typed[2:])
    return (hour, minute) if hour < 24 and minute < 60 else None


class TimeEdit(QTimeEdit):
    """HH:mm; digits typed anywhere make the time, Up/Down (and the wheel) step by
    ``step`` minutes onto the step's grid (10:10 ↑ 10:15, ↓ 10:00)."""

    def __init__(self, time: QTime | None = None, step: int = 15, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = step
        self._typed = ""
        self.setDisplayFormat("HH:mm")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(90)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        if time is not None:
            self.setTime(time)

    def minute(self) -> int:
        t = self.time()
        return t.hour() * 60 + t.minute()

    def set_minute(self, minute: int) -> None:
        minute %= DAY_MINUTES
        self.setTime(QTime(minute // 60, minute % 60))

    # --- arrows ------------------------------------------------------------------------

    def stepBy(self, steps: int) -> None:  # Qt's name
        self._typed = ""
        minute = self.minute()
        below = minute - minute % self.step
        if steps > 0:
            target = below + self.step * steps
        else:
            target = (below if minute % self.step else minute) + self.step * steps
        self.set_minute(max(0, min(target, DAY_MINUTES)))
        self.selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # Qt's name
        return QAbstractSpinBox.StepEnabledFlag.StepUpEnabled | (
            QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        )

    # --- typing ------------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt's name
        self._typed = ""
        super().focusInEvent(event)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        text = event.text()
        if text and (text.isdigit() or text in SEPARATORS):
            candidate = self._typed + text
            if parse_typed(candidate) is None and text.isdigit():
                candidate = text  # a fresh time after a complete one
            parsed = parse_typed(candidate)
            if parsed is not None:
                self._typed = candidate
                self.setTime(QTime(*parsed))
                self.selectAll()
            elif text in SEPARATORS and self._typed:
                self._typed = candidate
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and self._typed:  # one typed character back
            self._typed = self._typed[:-1]
            parsed = parse_typed(self._typed) if self._typed else None
            if parsed is not None:
                self.setTime(QTime(*parsed))
            event.accept()
            return
        self._typed = ""
        super().keyPressEvent(event)
