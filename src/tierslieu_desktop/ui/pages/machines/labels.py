"""Translated labels, colours and icons of machine statuses and space kinds.

A status is always shown as text next to its colour (never colour alone).
"""

from __future__ import annotations

from functools import cache

from babel.dates import get_day_names
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from tierslieu_desktop.domain.enums import MachineStatus, SpaceKind
from tierslieu_desktop.i18n.formatting import current_locale, number

# (dot colour, badge background, badge text colour); text colours pass WCAG AA on their background
STATUS_COLOURS = {
    MachineStatus.AVAILABLE: ("#2e8b4e", "#e2f2e6", "#1b5e31"),
    MachineStatus.MAINTENANCE: ("#d98e04", "#fff0d2", "#7a4d00"),
    MachineStatus.OUT_OF_ORDER: ("#c62828", "#fbe2df", "#9a1d15"),
}


def status_label(status: MachineStatus | str) -> str:
    status = MachineStatus(status)
    if status == MachineStatus.AVAILABLE:
        return QCoreApplication.translate("MachineStatus", "Available")
    if status == MachineStatus.MAINTENANCE:
        return QCoreApplication.translate("MachineStatus", "In maintenance")
    return QCoreApplication.translate("MachineStatus", "Out of order")


def status_badge_style(status: MachineStatus | str) -> str:
    _dot, background, text = STATUS_COLOURS[MachineStatus(status)]
    return (
        f"QLabel {{ background: {background}; color: {text}; border: 1px solid {text};"
        " border-radius: 10px; padding: 2px 10px; font-weight: 600; }"
    )


@cache
def status_icon(status: MachineStatus | str) -> QIcon:
    """A dot for available, a triangle for maintenance, a square for out of order: the
    shape differs too, for people who do not tell the colours apart."""
    status = MachineStatus(status)
    size = 14
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[status][0])
    painter.setBrush(colour)
    painter.setPen(QPen(colour.darker(130), 1))
    if status == MachineStatus.AVAILABLE:
        painter.drawEllipse(2, 2, size - 4, size - 4)
    elif status == MachineStatus.MAINTENANCE:
        painter.drawPolygon(
            QPolygonF(
                [QPointF(size / 2, 1.5), QPointF(size - 1.5, size - 2), QPointF(1.5, size - 2)]
            )
        )
    else:
        painter.drawRect(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)


def space_kind_label(kind: SpaceKind | str) -> str:
    labels = {
        SpaceKind.FABLAB: QCoreApplication.translate("SpaceKind", "Fablab"),
        SpaceKind.COWORKING: QCoreApplication.translate("SpaceKind", "Coworking"),
        SpaceKind.MEETING_ROOM: QCoreApplication.translate("SpaceKind", "Meeting room"),
        SpaceKind.CYBERBASE: QCoreApplication.translate("SpaceKind", "Cyber-base"),
        SpaceKind.OFFICE: QCoreApplication.translate("SpaceKind", "Office"),
        SpaceKind.OTHER: QCoreApplication.translate("SpaceKind", "Other"),
    }
    return labels[SpaceKind(kind)]


def weekday_names() -> list[str]:
    """Monday … Sunday in the user's language ("lundi" … "dimanche")."""
    names = get_day_names("wide", context="stand-alone", locale=current_locale())
    return [names[i] for i in range(7)]  # babel: 0 = Monday


def duration_text(minutes: int) -> str:
    """15 → "15 min", 240 → "4 h", 90 → "1 h 30"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return QCoreApplication.translate("BookingRules", "{minutes} min").format(
            minutes=number(rest)
        )
    if not rest:
        return QCoreApplication.translate("BookingRules", "{hours} h").format(hours=number(hours))
    return QCoreApplication.translate("BookingRules", "{hours} h {minutes:02d}").format(
        hours=number(hours), minutes=rest
    )


def rules_text(step: int, min_minutes: int, max_minutes: int, buffer: int, days: int) -> str:
    """The booking rules in one sentence: "in steps of 15 min, from 15 min to 4 h, 15 min of
    preparation after, up to 60 days ahead"."""
    parts = [
        QCoreApplication.translate("BookingRules", "in steps of {step}").format(
            step=duration_text(step)
        )
    ]
    if min_minutes == max_minutes:
        parts.append(
            QCoreApplication.translate("BookingRules", "lasting {duration}").format(
                duration=duration_text(min_minutes)
            )
        )
    else:
        parts.append(
            QCoreApplication.translate("BookingRules", "from {min} to {max}").format(
                min=duration_text(min_minutes), max=duration_text(max_minutes)
            )
        )
    if buffer:
        parts.append(
            QCoreApplication.translate("BookingRules", "{buffer} of preparation after").format(
                buffer=duration_text(buffer)
            )
        )
    if days == 1:
        parts.append(QCoreApplication.translate("BookingRules", "up to 1 day ahead"))
    else:
        parts.append(
            QCoreApplication.translate("BookingRules", "up to {days} days ahead").format(
                days=number(days)
            )
        )
    return ", ".join(parts)
