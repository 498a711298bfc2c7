"""What the booking calendar (calendar.py) draws with: its sizes and colours, the day
titles, a booking's tooltip (its state as a word, never colour alone) and the fitting of
a resource's name on two lines. The tooltip's texts keep the calendar's translation
context ("BookingCalendar")."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter

from tierslieu_desktop.domain.calendar import local_day_and_minute
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.scheduling.bookings import HOLDING, BookingRow, BookingStatus
from tierslieu_desktop.ui.labels import booking_status_labels

DAY_VIEW, WEEK_VIEW = "day", "week"
FIRST_MINUTE, LAST_MINUTE = 7 * 60, 23 * 60  # widened when a booking or an opening is outside
GUTTER = 54  # hour labels
DAY_ROW = 38  # date and opening hours
MIN_COLUMN = {DAY_VIEW: 90.0, WEEK_VIEW: 16.0}
MIN_PX_PER_MINUTE = {DAY_VIEW: 1.0, WEEK_VIEW: 0.75}
EDGE = 5  # pixels of a booking's bottom edge that resize it
DRAG_START = 4

# (fill, border, text) per state; each state also has its word in the tooltip and details
STATE_COLOURS = {
    BookingStatus.BOOKED: ("#d4e4fb", "#2f6fc4", "#102f5c"),
    BookingStatus.IN_PROGRESS: ("#cdebd5", "#2e8b4e", "#14421f"),
    BookingStatus.DONE: ("#e4e7ea", "#8a969e", "#37434b"),
    BookingStatus.CANCELLED: ("#f6f6f6", "#a9b1b7", "#5f6b73"),
    BookingStatus.NO_SHOW: ("#f6f6f6", "#b98c8c", "#6b4a4a"),
}
CLOSED = QColor("#e9ecef")
GRID_HOUR = QColor("#cdd5db")
GRID_QUARTER = QColor("#eef1f4")
DAY_LINE = QColor("#7d8b95")
HEADER_BG = QColor("#f4f6f8")
TODAY_BG = QColor("#e3eefb")
TODAY_TINT = QColor("#f3f8fe")
NOW_LINE = QColor("#d23c2a")
HIGHLIGHT = QColor("#e08e0b")
SELECTED = QColor("#1f3a4d")
TEXT = QColor("#24323c")
MUTED = QColor("#5b6872")


def day_header(day: date) -> str:
    """ "lun. 23 nov." in the user's language."""
    return format_date(day, "EEE d MMM", locale=formatting.current_locale())


def fitting_day_header(day: date, fm: QFontMetrics, width: float) -> str:
    """The week view's day title that fits ``width``: « lun. 7 déc. », else « lun. 7 »,
    else « 7 » (a 1024 px screen shows a week of a dozen machines)."""
    text = ""
    for pattern in ("EEE d MMM", "EEE d", "d"):
        text = format_date(day, pattern, locale=formatting.current_locale())
        if fm.horizontalAdvance(text) <= width:
            break
    return text


def fitting_opening(ranges: tuple[tuple[int, int], ...], fm: QFontMetrics, width: float) -> str:
    """The opening hours under a day title: « 09:30–12:30, 14:00–18:30 », else the day's
    first and last hour « 09:30–18:30 » (the closed hours stay grey in the grid)."""
    full = formatting.minute_ranges(ranges)
    if fm.horizontalAdvance(full) <= width or len(ranges) < 2:
        return full
    return formatting.minute_ranges([(ranges[0][0], ranges[-1][1])])


def paint_vertical_name(
    p: QPainter, rect: QRectF, name: str, fm: QFontMetrics, colour: QColor
) -> bool:
    """The member's name written upwards in a booking block too narrow for a line (the
    week view on a small screen); False when even that does not fit."""
    length = int(rect.height() - 6)
    if not name or rect.width() < fm.capHeight() + 2 or length < fm.averageCharWidth() * 5:
        return False
    p.save()
    p.setPen(colour)
    p.translate(rect.x() + rect.width() / 2 + fm.capHeight() / 2, rect.bottom() - 3)
    p.rotate(-90)
    p.drawText(QPointF(0, 0), fm.elidedText(name, Qt.TextElideMode.ElideRight, length))
    p.restore()
    return True


def long_day(day: date) -> str:
    """ "lundi 23 novembre 2026"."""
    return format_date(day, "full", locale=formatting.current_locale())


def booking_tooltip(b: BookingRow) -> str:
    """Everything about a booking in a few lines (its state as a word, never colour alone)."""
    state = booking_status_labels().get(b.status, b.status)
    day, _minute = local_day_and_minute(b.start_at)
    lines = [
        f"{b.resource_name} — {state}",
        f"{long_day(day)}, {formatting.local_time(b.start_at)}–{formatting.local_time(b.end_at)}",
        b.who,
    ]
    if b.organisation_id is not None and b.headcount > 1:
        lines.append(
            QCoreApplication.translate("BookingCalendar", "{count} people").format(
                count=formatting.number(b.headcount)
            )
        )
    if b.purpose:
        lines.append(
            QCoreApplication.translate("BookingCalendar", "Purpose: {purpose}").format(
                purpose=b.purpose
            )
        )
    if b.note:
        lines.append(
            QCoreApplication.translate("BookingCalendar", "Note: {note}").format(note=b.note)
        )
    if b.blocked_until > b.end_at and b.status in HOLDING:
        lines.append(
            QCoreApplication.translate(
                "BookingCalendar", "Resource blocked until {time} (preparation)"
            ).format(time=formatting.local_time(b.blocked_until))
        )
    if b.walk_in:
        lines.append(QCoreApplication.translate("BookingCalendar", "Walk-in without booking"))
    if b.series_id:
        lines.append(QCoreApplication.translate("BookingCalendar", "Part of a weekly series"))
    if b.override_reason:
        lines.append(
            QCoreApplication.translate("BookingCalendar", "Exception: {reason}").format(
                reason=b.override_reason
            )
        )
    return "\n".join(line for line in lines if line)


def two_lines(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """The text on one line, or broken between words on two (the second elided)."""
    if fm.horizontalAdvance(text) <= width or " " not in text:
        return [fm.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    words = text.split()
    first = words[0]
    for i in range(1, len(words)):
        candidate = " ".join(words[: i + 1])
        if fm.horizontalAdvance(candidate) > width:
            rest = " ".join(words[i:])
            return [
                fm.elidedText(first, Qt.TextElideMode.ElideRight, width),
                fm.elidedText(rest, Qt.TextElideMode.ElideRight, width),
            ]
        first = candidate
    return [first]
