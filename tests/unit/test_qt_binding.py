"""The Qt binding itself: PySide6 6.12.0 dropped a reference to None on every call of a
method returning nothing, and the calendar aborted after a few seconds of dragging
("none_dealloc"). This guards any future upgrade."""

from __future__ import annotations

import sys


def test_calls_without_return_value_keep_none_alive(qapp):
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(20000):
        widget.setEnabled(True)
        painter.drawLine(0, 0, 4, 4)
    lost = before - sys.getrefcount(None)
    painter.end()
    assert lost < 1000, f"{lost} references to None lost: use another PySide6 version"
