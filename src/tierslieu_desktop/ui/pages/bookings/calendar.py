"""The booking calendar: one day or one week of a space, a column per resource (its
machines, and the space itself when bookable), time running downwards.

Everything is painted by one widget (no widget per booking), so a busy week of ten
machines draws in a few milliseconds. The header (days, resources, opening hours or the
reason of a closure) and the hour gutter stay in place while the body scrolls.

Mouse: drag on an empty cell (or double-click it) to create, drag a booking to move it
(also to another column), drag its bottom edge to change its end, double-click it to
open it. Keyboard: arrows go from booking to booking, Enter opens the selected one,
Escape abandons a drag, T shows today. The widget only *asks* (signals); the page calls
the services and reloads, so a refused change simply springs back.

Its sizes, colours, day titles and a booking's tooltip are in calendar_style.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import cast

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt, subtract_ranges
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.park.opening_hours import DayOpening
from tierslieu_desktop.services.scheduling.bookings import HOLDING, BookingRow, BookingStatus
from tierslieu_desktop.services.scheduling.calendar import CalendarResource, ResourceKey
from tierslieu_desktop.ui.labels import booking_status_labels
from tierslieu_desktop.ui.pages.bookings.calendar_style import (
    CLOSED,
    DAY_LINE,
    DAY_ROW,
    DAY_VIEW,
    DRAG_START,
    EDGE,
    FIRST_MINUTE,
    GRID_HOUR,
    GRID_QUARTER,
    GUTTER,
    HEADER_BG,
    HIGHLIGHT,
    LAST_MINUTE,
    MIN_COLUMN,
    MIN_PX_PER_MINUTE,
    MUTED,
    NOW_LINE,
    SELECTED,
    STATE_COLOURS,
    TEXT,
    TODAY_BG,
    TODAY_TINT,
    WEEK_VIEW,
    booking_tooltip,
    fitting_day_header,
    fitting_opening,
    long_day,
    paint_vertical_name,
    two_lines,
)
from tierslieu_desktop.ui.pages.machines.labels import status_label


@dataclass
class _Segment:
    """The part of a booking inside one visible day column."""

    booking: BookingRow
    column: int
    start_minute: int
    end_minute: int
    buffer_end: int  # local minute where the preparation after it ends (= end_minute if none)
    last: bool  # holds the booking's end (its bottom edge resizes it)
    rect: QRectF = field(default_factory=QRectF)  # content coordinates


@dataclass
class _Drag:
    kind: str  # "create" | "move" | "resize"
    press: QPoint
    column: int
    minute: float
    booking: BookingRow | None = None
    active: bool = False
    # the proposal shown while dragging: column and local minutes of its day
    target_column: int = 0
    start_minute: int = 0
    end_minute: int = 0


class BookingCalendar(QAbstractScrollArea):
    create_requested = Signal(object, object, object)  # resource key, start, end (aware UTC)
    move_requested = Signal(int, object, object, object)  # booking id, start, end, resource key
    open_requested = Signal(int)  # booking id
    selection_changed = Signal(int)  # booking id, -1 when none
    today_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingCalendar")
        self.setAccessibleName(self.tr("Booking calendar"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.verticalScrollBar().setSingleStep(20)
        self.horizontalScrollBar().setSingleStep(20)
        self.mode = WEEK_VIEW
        self.days: list[date] = []
        self.resources: list[CalendarResource] = []
        self.openings: dict[date, DayOpening] = {}
        self.bookings: list[BookingRow] = []
        self.now: datetime | None = None
        self.highlight_member: int | None = None
        self.selected: int | None = None
        self.first_minute, self.last_minute = FIRST_MINUTE, LAST_MINUTE
        self.column_width = 100.0
        self.px_per_minute = 1.0
        self.header_height = DAY_ROW + 24
        self._resource_row = 24
        self._rotated = False
        self._segments: list[_Segment] = []
        self._drag: _Drag | None = None
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self._bold = QFont(self.font())
        self._bold.setBold(True)

    # --- data --------------------------------------------------------------------------

    def set_data(
        self,
        mode: str,
        days: list[date],
        resources: list[CalendarResource],
        openings: dict[date, DayOpening],
        bookings: list[BookingRow],
        *,
        now: datetime | None = None,
        highlight_member: int | None = None,
    ) -> None:
        self.mode = mode
        self.days = list(days)
        self.resources = list(resources)
        self.openings = dict(openings)
        self.bookings = list(bookings)
        self.now = now
        self.highlight_member = highlight_member
        self._drag = None
        if self.selected is not None and not any(b.id == self.selected for b in bookings):
            self._select(None)
        self._time_span()
        self._relayout()
        self.viewport().update()

    def set_now(self, now: datetime) -> None:
        self.now = now
        self.viewport().update()

    def _time_span(self) -> None:
        first, last = FIRST_MINUTE, LAST_MINUTE
        for opening in self.openings.values():
            if opening.configured:
                for start, end in opening.ranges:
                    first, last = min(first, start), max(last, end)
        shown = set(self.days)
        for b in self.bookings:
            day, start = local_day_and_minute(b.start_at)
            end_day, end = local_day_and_minute(b.end_at)
            if day in shown:
                first = min(first, start)
                last = max(last, end if end_day == day else 24 * 60)
            if end_day in shown and end_day != day:
                first = 0
                last = max(last, end)
        self.first_minute = first // 60 * 60
        self.last_minute = min(24 * 60, math.ceil(last / 60) * 60)

    # --- geometry ----------------------------------------------------------------------

    @property
    def column_count(self) -> int:
        return len(self.days) * len(self.resources)

    def _relayout(self) -> None:
        vp = self.viewport()
        n = max(self.column_count, 1)
        avail_w = max(vp.width() - GUTTER, 1)
        self.column_width = max(MIN_COLUMN[self.mode], avail_w / n)
        small = QFontMetrics(self._small)
        if self.mode == DAY_VIEW:
            self._rotated = False
            bold = QFontMetrics(self._bold)
            two = any(
                bold.horizontalAdvance(r.name) > self.column_width - 6 for r in self.resources
            )
            self._resource_row = bold.height() * (2 if two else 1) + small.height() + 8
        else:
            widest = max((small.horizontalAdvance(r.name) for r in self.resources), default=0)
            self._rotated = widest + 10 > self.column_width
            self._resource_row = min(100, widest + 12) if self._rotated else 24
        self.header_height = DAY_ROW + self._resource_row
        span = max(self.last_minute - self.first_minute, 60)
        avail_h = max(vp.height() - self.header_height, 1)
        self.px_per_minute = max(MIN_PX_PER_MINUTE[self.mode], avail_h / span)
        content_w = self.column_width * n
        content_h = span * self.px_per_minute
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setRange(0, max(0, math.ceil(content_w - avail_w)))
        h.setPageStep(avail_w)
        v.setRange(0, max(0, math.ceil(content_h - avail_h)))
        v.setPageStep(avail_h)
        self._layout_bookings()

    def _layout_bookings(self) -> None:
        index = {r.key: i for i, r in enumerate(self.resources)}
        day_index = {d: i for i, d in enumerate(self.days)}
        nres = len(self.resources)
        segments: list[_Segment] = []
        for b in self.bookings:
            r = index.get(b.resource_key)
            if r is None:
                continue
            start_day, start_minute = local_day_and_minute(b.start_at)
            end_day, end_minute = local_day_and_minute(b.end_at)
            buffer_day, buffer_minute = local_day_and_minute(b.blocked_until)
            day = start_day
            while day <= end_day:
                d = day_index.get(day)
                s = start_minute if day == start_day else 0
                e = end_minute if day == end_day else 24 * 60
                if d is not None and e > s:
                    last = day == end_day
                    buffer_end = e
                    live = b.status in (BookingStatus.BOOKED, BookingStatus.IN_PROGRESS)
                    if live and buffer_day == day and last:
                        buffer_end = max(e, buffer_minute)
                    segments.append(_Segment(b, d * nres + r, s, e, buffer_end, last))
                day += timedelta(days=1)
        for seg in segments:
            seg.rect = self._content_rect(seg.column, seg.start_minute, seg.end_minute)
        self._narrow_cancelled(segments)
        # cancelled underneath, then the others in time order
        segments.sort(key=lambda s: (s.booking.status in HOLDING, s.start_minute))
        self._segments = segments

    def _narrow_cancelled(self, segments: list[_Segment]) -> None:
        """A cancelled booking under a live one keeps only the right part of the column."""
        live: dict[int, list[_Segment]] = {}
        for s in segments:
            if s.booking.status in HOLDING:
                live.setdefault(s.column, []).append(s)
        for s in segments:
            if s.booking.status in HOLDING:
                continue
            if any(
                o.start_minute < s.end_minute and s.start_minute < o.end_minute
                for o in live.get(s.column, [])
            ):
                r = s.rect
                s.rect = QRectF(r.x() + r.width() * 0.6, r.y(), r.width() * 0.4, r.height())

    def _content_rect(self, column: int, start_minute: int, end_minute: int) -> QRectF:
        x = column * self.column_width
        y = (start_minute - self.first_minute) * self.px_per_minute
        h = max((end_minute - start_minute) * self.px_per_minute, 3.0)
        inset = 1.5 if self.column_width >= 30 else 1.0
        return QRectF(x + inset, y + 0.5, self.column_width - 2 * inset - 0.5, h - 1.0)

    def _origin(self) -> QPointF:
        """Where content (0, 0) is on the viewport."""
        return QPointF(
            GUTTER - self.horizontalScrollBar().value(),
            self.header_height - self.verticalScrollBar().value(),
        )

    def _to_view(self, rect: QRectF) -> QRectF:
        return rect.translated(self._origin())

    def column_at(self, pos: QPoint) -> int | None:
        if not self.resources or not self.days:
            return None
        x = pos.x() - self._origin().x()
        col = int(x // self.column_width)
        return col if 0 <= col < self.column_count else None

    def _clamped_column(self, pos: QPoint) -> int:
        x = pos.x() - self._origin().x()
        return min(max(int(x // self.column_width), 0), self.column_count - 1)

    def minute_at(self, y: float) -> float:
        return self.first_minute + (y - self._origin().y()) / self.px_per_minute

    def column_of(self, key: ResourceKey, day: date) -> int:
        r = next(i for i, res in enumerate(self.resources) if res.key == key)
        return self.days.index(day) * len(self.resources) + r

    def resource_of(self, column: int) -> CalendarResource:
        return self.resources[column % len(self.resources)]

    def day_of(self, column: int) -> date:
        return self.days[column // len(self.resources)]

    def scroll_to_minute(self, minute: int) -> None:
        self.verticalScrollBar().setValue(int((minute - self.first_minute) * self.px_per_minute))

    def point_for(self, key: ResourceKey, when: datetime, dx: int = 0) -> QPoint:
        """Viewport point of ``when`` in the column of resource ``key`` (one pixel inside
        the slot, horizontally centred + ``dx``), scrolling to make it visible."""
        day, minute = local_day_and_minute(when)
        column = self.column_of(key, day)
        y_content = (minute - self.first_minute) * self.px_per_minute
        v = self.verticalScrollBar()
        page = self.viewport().height() - self.header_height
        if not (v.value() + 10 <= y_content <= v.value() + page - 10):
            v.setValue(int(y_content - page / 3))
        x_content = (column + 0.5) * self.column_width
        h = self.horizontalScrollBar()
        if not (h.value() <= x_content <= h.value() + self.viewport().width() - GUTTER):
            h.setValue(int(x_content - (self.viewport().width() - GUTTER) / 2))
        o = self._origin()
        return QPoint(round(o.x() + x_content) + dx, round(o.y() + y_content) + 1)

    def booking_rect(self, booking_id: int) -> QRect:
        """Viewport rectangle of a booking (its first visible part); empty when not shown."""
        for seg in self._segments:
            if seg.booking.id == booking_id:
                return self._to_view(seg.rect).toRect()
        return QRect()

    def shown_bookings(self) -> list[BookingRow]:
        """The bookings drawn (in drawing order, without duplicates)."""
        seen: dict[int, BookingRow] = {}
        for seg in self._segments:
            seen.setdefault(seg.booking.id, seg.booking)
        return list(seen.values())

    def segment_at(self, pos: QPoint) -> tuple[_Segment | None, bool]:
        """The booking under a viewport point, and whether the point is on its bottom edge."""
        if pos.y() < self.header_height or pos.x() < GUTTER:
            return None, False
        p = QPointF(pos) - self._origin()
        for seg in reversed(self._segments):  # topmost first
            r = seg.rect
            if r.left() <= p.x() <= r.right() and r.top() <= p.y() <= r.bottom() + 2:
                on_edge = seg.last and p.y() >= r.bottom() - EDGE
                return seg, on_edge
        return None, False

    def tooltip_at(self, pos: QPoint) -> str:
        seg, _edge = self.segment_at(pos)
        if seg is not None:
            return booking_tooltip(seg.booking)
        if pos.y() < self.header_height and pos.x() >= GUTTER:
            col = self.column_at(pos)
            if col is not None:
                return self._header_tooltip(col)
        return ""

    def _header_tooltip(self, column: int) -> str:
        res = self.resource_of(column)
        day = self.day_of(column)
        lines = [res.name, long_day(day)]
        if res.status != "available":
            lines.append(status_label(res.status))
        opening = self.openings.get(day)
        if opening is not None:
            lines.append(self._opening_text(opening))
        lines.append(
            self.tr("Booked by steps of {step} min, from {min} to {max} min").format(
                step=res.step, min=res.min_minutes, max=res.max_minutes
            )
        )
        if res.buffer:
            lines.append(
                self.tr("{minutes} min of preparation after each booking").format(
                    minutes=res.buffer
                )
            )
        return "\n".join(lines)

    def opening_text(self, day: date) -> str:
        """What the header says under a day: its opening ranges, or why it is closed."""
        opening = self.openings.get(day)
        return self._opening_text(opening) if opening is not None else ""

    def _opening_text(self, opening: DayOpening) -> str:
        if not opening.ranges:
            reason = opening.closed_reason or opening.holiday or ""
            if reason:
                return self.tr("Closed: {reason}").format(reason=reason)
            return self.tr("Closed")
        if not opening.configured:
            return self.tr("Opening hours not set")
        return formatting.minute_ranges(opening.ranges)

    # --- events ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast(QHelpEvent, event)  # what Qt sends with a ToolTip
            text = self.tooltip_at(help_event.pos())
            if text:
                QToolTip.showText(help_event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _select(self, booking_id: int | None) -> None:
        if booking_id == self.selected:
            return
        self.selected = booking_id
        booking = next((b for b in self.bookings if b.id == booking_id), None)
        self.setAccessibleDescription(booking_tooltip(booking) if booking else "")
        self.selection_changed.emit(booking_id if booking_id is not None else -1)
        self.viewport().update()

    def select_booking(self, booking_id: int | None) -> None:
        self._select(booking_id)
        if booking_id is not None:
            rect = self.booking_rect(booking_id)
            if not rect.isEmpty() and not self.viewport().rect().contains(rect.topLeft()):
                seg = next(s for s in self._segments if s.booking.id == booking_id)
                self.scroll_to_minute(seg.start_minute - 30)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        column = self.column_at(pos)
        if column is None or pos.y() < self.header_height:
            return
        minute = self.minute_at(pos.y())
        seg, on_edge = self.segment_at(pos)
        if seg is not None:
            b = seg.booking
            self._select(b.id)
            kind = ""
            if on_edge and b.status in (BookingStatus.BOOKED, BookingStatus.IN_PROGRESS):
                kind = "resize"
            elif b.status == BookingStatus.BOOKED:
                kind = "move"
            if kind:
                self._drag = _Drag(kind, pos, seg.column, minute, b)
            return
        self._select(None)
        self._drag = _Drag("create", pos, column, minute)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag is None:
            self._update_cursor(pos)
            return
        self._drag_to(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self._drag_to(event.position().toPoint())
        self._drag = None
        self.viewport().update()
        if not drag.active:
            return
        if drag.kind == "create":
            res = self.resource_of(drag.column)
            day = self.day_of(drag.column)
            self.create_requested.emit(
                res.key, local_dt(day, drag.start_minute), local_dt(day, drag.end_minute)
            )
            return
        b = drag.booking
        assert b is not None
        res = self.resource_of(drag.target_column)
        day = self.day_of(drag.target_column)
        start = local_dt(day, drag.start_minute)
        end = local_dt(day, drag.end_minute)
        if drag.kind == "resize":
            start_day, start_minute = local_day_and_minute(b.start_at)
            start = b.start_at
            end = local_dt(start_day, drag.end_minute)
        if start != b.start_at or end != b.end_at or res.key != b.resource_key:
            self.move_requested.emit(b.id, start, end, res.key)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        self._drag = None
        seg, _edge = self.segment_at(pos)
        if seg is not None:
            self._select(seg.booking.id)
            self.open_requested.emit(seg.booking.id)
            return
        column = self.column_at(pos)
        if column is None or pos.y() < self.header_height:
            return
        res = self.resource_of(column)
        day = self.day_of(column)
        start = int(self.minute_at(pos.y()) // res.step * res.step)
        length = max(res.min_minutes, 60)
        length = min(math.ceil(length / res.step) * res.step, max(res.max_minutes, res.step))
        self.create_requested.emit(res.key, local_dt(day, start), local_dt(day, start + length))

    def _update_cursor(self, pos: QPoint) -> None:
        seg, on_edge = self.segment_at(pos)
        shape = Qt.CursorShape.ArrowCursor
        if seg is not None:
            status = seg.booking.status
            if on_edge and status in (BookingStatus.BOOKED, BookingStatus.IN_PROGRESS):
                shape = Qt.CursorShape.SizeVerCursor
            elif status == BookingStatus.BOOKED:
                shape = Qt.CursorShape.OpenHandCursor
            else:
                shape = Qt.CursorShape.PointingHandCursor
        self.viewport().setCursor(shape)

    def _drag_to(self, pos: QPoint) -> None:
        drag = self._drag
        if drag is None:
            return
        if not drag.active:
            if (pos - drag.press).manhattanLength() < DRAG_START:
                return
            drag.active = True
        self._autoscroll(pos)
        minute = self.minute_at(pos.y())
        if drag.kind == "create":
            res = self.resource_of(drag.column)
            step = max(res.step, 1)
            lo, hi = sorted((drag.minute, minute))
            start = max(0, int(lo // step * step))
            end = min(24 * 60, round(hi / step) * step)
            if end <= start:
                end = start + step
            if end - start < res.min_minutes:
                end = start + math.ceil(res.min_minutes / step) * step
            drag.target_column, drag.start_minute, drag.end_minute = drag.column, start, end
        else:
            b = drag.booking
            assert b is not None
            column = drag.column if drag.kind == "resize" else self._clamped_column(pos)
            res = self.resource_of(column)
            step = max(res.step, 1)
            delta = round((minute - drag.minute) / step) * step
            _day, start_minute = local_day_and_minute(b.start_at)
            length = round((b.end_at - b.start_at).total_seconds() / 60)
            if drag.kind == "move":
                start = min(max(start_minute + delta, 0), 24 * 60 - length)
                drag.start_minute, drag.end_minute = start, start + length
            else:
                end = max(start_minute + length + delta, start_minute + step)
                drag.start_minute, drag.end_minute = start_minute, end
            drag.target_column = column
        self.viewport().setCursor(
            Qt.CursorShape.SizeVerCursor
            if drag.kind == "resize"
            else Qt.CursorShape.ClosedHandCursor
            if drag.kind == "move"
            else Qt.CursorShape.CrossCursor
        )
        self.viewport().update()

    def _autoscroll(self, pos: QPoint) -> None:
        v = self.verticalScrollBar()
        if pos.y() > self.viewport().height() - 16:
            v.setValue(v.value() + 12)
        elif self.header_height <= pos.y() < self.header_height + 16:
            v.setValue(v.value() - 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (
            event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.viewport().update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.open_requested.emit(self.selected)
            return
        if plain and key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._step_selection(-1 if key in (Qt.Key.Key_Left, Qt.Key.Key_Up) else 1)
            return
        if plain and key == Qt.Key.Key_T:
            self.today_requested.emit()
            return
        super().keyPressEvent(event)

    def _step_selection(self, step: int) -> None:
        ordered = sorted(
            {s.booking.id: s for s in self._segments}.values(),
            key=lambda s: (s.column // max(len(self.resources), 1), s.start_minute, s.column),
        )
        if not ordered:
            return
        ids = [s.booking.id for s in ordered]
        if self.selected in ids:
            i = min(max(ids.index(self.selected) + step, 0), len(ids) - 1)
        else:
            i = 0 if step > 0 else len(ids) - 1
        self.select_booking(ids[i])

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        p.fillRect(self.viewport().rect(), QColor("white"))
        if not self.resources or not self.days:
            p.setPen(MUTED)
            p.drawText(
                self.viewport().rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No machine or bookable space in this space."),
            )
            p.end()
            return
        body = QRectF(
            GUTTER,
            self.header_height,
            self.viewport().width() - GUTTER,
            self.viewport().height() - self.header_height,
        )
        p.save()
        p.setClipRect(body)
        self._paint_background(p)
        self._paint_grid(p)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_bookings(p)
        self._paint_drag(p)
        self._paint_now(p)
        p.restore()
        self._paint_gutter(p)
        self._paint_header(p)
        p.end()

    def _visible_columns(self) -> range:
        h = self.horizontalScrollBar().value()
        first = int(h // self.column_width)
        last = int((h + self.viewport().width() - GUTTER) // self.column_width) + 1
        return range(max(first, 0), min(last, self.column_count))

    def _y(self, minute: float) -> float:
        return self._origin().y() + (minute - self.first_minute) * self.px_per_minute

    def _paint_background(self, p: QPainter) -> None:
        o = self._origin()
        nres = len(self.resources)
        day_w = self.column_width * nres
        today = local_day_and_minute(self.now)[0] if self.now is not None else None
        for d, day in enumerate(self.days):
            x = o.x() + d * day_w
            if day == today and self.mode == WEEK_VIEW:
                p.fillRect(QRectF(x, o.y(), day_w, self._y(self.last_minute) - o.y()), TODAY_TINT)
            opening = self.openings.get(day)
            if opening is not None and (opening.configured or not opening.ranges):
                closed = subtract_ranges(
                    [(self.first_minute, self.last_minute)], list(opening.ranges)
                )
                for start, end in closed:
                    top, bottom = self._y(start), self._y(end)
                    p.fillRect(QRectF(x, top, day_w, bottom - top), CLOSED)
                if not opening.ranges:
                    top, bottom = self._y(self.first_minute), self._y(self.last_minute)
                    self._paint_closed_reason(p, QRectF(x, top, day_w, bottom - top), opening)
            for r, res in enumerate(self.resources):
                if res.status != "available":
                    rect = QRectF(
                        x + r * self.column_width,
                        self._y(self.first_minute),
                        self.column_width,
                        self._y(self.last_minute) - self._y(self.first_minute),
                    )
                    p.fillRect(rect, QBrush(QColor("#d9c9a8"), Qt.BrushStyle.BDiagPattern))

    def _paint_closed_reason(self, p: QPainter, rect: QRectF, opening: DayOpening) -> None:
        text = self._opening_text(opening)
        p.save()
        p.setPen(MUTED)
        p.setFont(self._small)
        visible = rect.intersected(QRectF(self.viewport().rect()))
        box = QRectF(visible.x() + 4, visible.y() + 24, visible.width() - 8, 80)
        p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, text)
        p.restore()

    def _paint_grid(self, p: QPainter) -> None:
        o = self._origin()
        width = self.viewport().width()
        quarter = 15 * self.px_per_minute >= 8
        for minute in range(self.first_minute, self.last_minute + 1, 15):
            y = round(self._y(minute)) + 0.5
            if minute % 60 == 0:
                p.setPen(QPen(GRID_HOUR, 1))
            elif quarter:
                p.setPen(QPen(GRID_QUARTER, 1))
            else:
                continue
            p.drawLine(QPointF(GUTTER, y), QPointF(width, y))
        nres = len(self.resources)
        top, bottom = self.header_height, self.viewport().height()
        for col in self._visible_columns():
            x = round(o.x() + col * self.column_width) + 0.5
            if col % nres == 0:
                p.setPen(QPen(DAY_LINE, 2 if col else 1))
            else:
                p.setPen(QPen(GRID_HOUR, 1))
            p.drawLine(QPointF(x, top), QPointF(x, bottom))

    def _paint_bookings(self, p: QPainter) -> None:
        o = self._origin()
        view = QRectF(self.viewport().rect())
        wide = self.column_width >= 34
        fm = QFontMetrics(self._small)
        line_h = fm.height()
        moving = self._drag.booking.id if self._drag and self._drag.booking else None
        for seg in self._segments:
            b = seg.booking
            rect = seg.rect.translated(o)
            if seg.buffer_end > seg.end_minute:
                buf = QRectF(
                    rect.x(),
                    rect.bottom() + 1,
                    rect.width(),
                    (seg.buffer_end - seg.end_minute) * self.px_per_minute - 1,
                )
                if buf.intersects(view):
                    p.fillRect(buf, QBrush(QColor("#aebac4"), Qt.BrushStyle.FDiagPattern))
            if not rect.intersects(view):
                continue
            fill, border, text = STATE_COLOURS.get(b.status, STATE_COLOURS["booked"])
            live = b.status in HOLDING
            pen = QPen(QColor(border), 1.2)
            if not live:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            fill_colour = QColor(fill)
            if moving == b.id and self._drag and self._drag.active:
                fill_colour.setAlpha(110)
            p.setBrush(fill_colour)
            p.drawRoundedRect(rect, 3, 3)
            if not live:
                p.fillRect(
                    rect.adjusted(1, 1, -1, -1),
                    QBrush(QColor("#c3c9ce"), Qt.BrushStyle.BDiagPattern),
                )
            else:
                # a stripe on the left says the state for those who do not see the fill
                p.fillRect(QRectF(rect.x(), rect.y(), 3, rect.height()), QColor(border))
            if self.highlight_member is not None and (
                b.member_id == self.highlight_member or b.organisation_id == self.highlight_member
            ):
                p.setPen(QPen(HIGHLIGHT, 2.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
            if b.id == self.selected:
                p.setPen(QPen(SELECTED, 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)
            if wide and rect.height() >= line_h:
                self._paint_booking_text(p, rect, seg, QColor(text), fm, line_h)
            elif not wide:
                p.setFont(self._small)
                paint_vertical_name(p, rect.adjusted(1, 0, 0, 0), b.who, fm, QColor(text))

    def _paint_booking_text(
        self, p: QPainter, rect: QRectF, seg: _Segment, colour: QColor, fm: QFontMetrics, line_h
    ) -> None:
        b = seg.booking
        inner = rect.adjusted(6, 1, -3, -1)
        lines = [
            f"{formatting.local_time(b.start_at)}–{formatting.local_time(b.end_at)}",
            b.who,
            b.purpose,
        ]
        if b.status not in HOLDING:
            lines[0] += " · " + booking_status_labels().get(b.status, b.status)
        p.setFont(self._small)
        y = inner.y()
        for i, line in enumerate(lines):
            if not line or y + line_h > inner.bottom() + 2:
                break
            p.setPen(colour if i else colour.darker(115))
            shown = fm.elidedText(line, Qt.TextElideMode.ElideRight, int(inner.width()))
            p.drawText(
                QRectF(inner.x(), y, inner.width(), line_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            y += line_h

    def _paint_drag(self, p: QPainter) -> None:
        drag = self._drag
        if drag is None or not drag.active:
            return
        rect = self._content_rect(drag.target_column, drag.start_minute, drag.end_minute)
        rect = rect.translated(self._origin())
        colour = QColor("#2f6fc4")
        fill = QColor(colour)
        fill.setAlpha(60 if drag.kind == "create" else 90)
        p.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
        p.setBrush(fill)
        p.drawRoundedRect(rect, 3, 3)
        label = f"{formatting.clock(drag.start_minute)}–{formatting.clock(drag.end_minute)}"
        p.setFont(self._small)
        p.setPen(QColor("#102f5c"))
        fm = QFontMetrics(self._small)
        if self.column_width >= 34:
            p.drawText(rect.adjusted(5, 1, -2, 0), Qt.AlignmentFlag.AlignLeft, label)
        else:  # too narrow: the times beside the column
            box = QRectF(
                rect.right() + 4, rect.y(), fm.horizontalAdvance(label) + 8, fm.height() + 2
            )
            p.fillRect(box, QColor(255, 255, 255, 230))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_now(self, p: QPainter) -> None:
        if self.now is None:
            return
        day, minute = local_day_and_minute(self.now)
        if day not in self.days or not self.first_minute <= minute <= self.last_minute:
            return
        nres = len(self.resources)
        d = self.days.index(day)
        x0 = self._origin().x() + d * nres * self.column_width
        y = self._y(minute)
        p.setPen(QPen(NOW_LINE, 2))
        p.drawLine(QPointF(x0, y), QPointF(x0 + nres * self.column_width, y))
        p.setBrush(NOW_LINE)
        p.drawEllipse(QPointF(x0 + 1, y), 4, 4)

    def _paint_gutter(self, p: QPainter) -> None:
        height = self.viewport().height()
        p.fillRect(QRectF(0, self.header_height, GUTTER, height), QColor("white"))
        p.setPen(QPen(GRID_HOUR, 1))
        p.drawLine(QPointF(GUTTER - 0.5, self.header_height), QPointF(GUTTER - 0.5, height))
        p.setFont(self._small)
        fm = QFontMetrics(self._small)
        for minute in range(self.first_minute, self.last_minute + 1, 60):
            y = self._y(minute)
            if y < self.header_height - 2 or y > height:
                continue
            p.setPen(MUTED)
            text = formatting.clock(minute)
            top = max(y - fm.height() / 2, self.header_height)
            p.drawText(
                QRectF(0, top, GUTTER - 8, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        if self.now is not None:
            day, minute = local_day_and_minute(self.now)
            y = self._y(minute)
            if day in self.days and self.header_height <= y <= height:
                label = formatting.clock(minute)
                box = QRectF(2, y - fm.height() / 2 - 1, GUTTER - 6, fm.height() + 2)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(NOW_LINE)
                p.drawRoundedRect(box, 3, 3)
                p.setPen(QColor("white"))
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_header(self, p: QPainter) -> None:
        width = self.viewport().width()
        p.fillRect(QRectF(0, 0, width, self.header_height), HEADER_BG)
        o = self._origin()
        nres = len(self.resources)
        day_w = self.column_width * nres
        today = local_day_and_minute(self.now)[0] if self.now is not None else None
        small = QFontMetrics(self._small)
        bold = QFontMetrics(self._bold)
        p.save()
        p.setClipRect(QRectF(GUTTER, 0, width - GUTTER, self.header_height))
        for d, day in enumerate(self.days):
            x = o.x() + d * day_w
            if x > width or x + day_w < GUTTER:
                continue
            cell = QRectF(x, 0, day_w, DAY_ROW)
            if day == today:
                p.fillRect(cell, TODAY_BG)
            visible = cell.intersected(QRectF(GUTTER, 0, width - GUTTER, DAY_ROW))
            text_box = visible.adjusted(4, 2, -4, 0)
            week = self.mode == WEEK_VIEW
            title = fitting_day_header(day, bold, text_box.width()) if week else long_day(day)
            opening = self.openings.get(day)
            sub = self._opening_text(opening) if opening is not None else ""
            if opening is not None and opening.ranges and opening.configured:
                sub = fitting_opening(opening.ranges, small, text_box.width())
            closed = opening is not None and not opening.ranges
            p.setFont(self._bold)
            p.setPen(QColor("#1f5fa8") if day == today else TEXT)
            p.drawText(
                QRectF(text_box.x(), 2, text_box.width(), bold.height()),
                Qt.AlignmentFlag.AlignHCenter,
                bold.elidedText(title, Qt.TextElideMode.ElideRight, int(text_box.width())),
            )
            p.setFont(self._small)
            p.setPen(QColor("#9a1d15") if closed else MUTED)
            p.drawText(
                QRectF(text_box.x(), 3 + bold.height(), text_box.width(), small.height()),
                Qt.AlignmentFlag.AlignHCenter,
                small.elidedText(sub, Qt.TextElideMode.ElideRight, int(text_box.width())),
            )
            for r, res in enumerate(self.resources):
                self._paint_resource_cell(
                    p,
                    QRectF(
                        x + r * self.column_width, DAY_ROW, self.column_width, self._resource_row
                    ),
                    res,
                    small,
                )
            p.setPen(QPen(DAY_LINE, 2 if d else 1))
            p.drawLine(QPointF(round(x) + 0.5, 0), QPointF(round(x) + 0.5, self.header_height))
        p.restore()
        p.setPen(QPen(GRID_HOUR, 1))
        p.drawLine(QPointF(0, self.header_height - 0.5), QPointF(width, self.header_height - 0.5))
        p.drawLine(QPointF(0, DAY_ROW - 0.5), QPointF(width, DAY_ROW - 0.5))
        p.fillRect(QRectF(0, 0, GUTTER - 1, self.header_height - 1), HEADER_BG)

    def _paint_resource_cell(
        self, p: QPainter, cell: QRectF, res: CalendarResource, fm: QFontMetrics
    ) -> None:
        p.setPen(QPen(GRID_HOUR, 1))
        p.drawLine(
            QPointF(round(cell.x()) + 0.5, cell.y() + 2),
            QPointF(round(cell.x()) + 0.5, cell.bottom()),
        )
        unavailable = res.status != "available"
        p.setFont(self._small)
        p.setPen(MUTED if unavailable else TEXT)
        if self._rotated:
            p.save()
            p.translate(cell.x() + cell.width() / 2 + fm.ascent() / 2 - 1, cell.bottom() - 5)
            p.rotate(-90)
            length = int(cell.height() - 10)
            p.drawText(QPointF(0, 0), fm.elidedText(res.name, Qt.TextElideMode.ElideRight, length))
            p.restore()
            return
        box = cell.adjusted(3, 2, -3, -2)
        if self.mode == DAY_VIEW:
            p.setFont(self._bold)
            bold = QFontMetrics(self._bold)
            lines = two_lines(res.name, bold, int(box.width()))
            lines_box = QRectF(box.x(), box.y(), box.width(), bold.height() * len(lines))
            p.drawText(lines_box, Qt.AlignmentFlag.AlignHCenter, "\n".join(lines))
            p.setFont(self._small)
            detail = (
                status_label(res.status)
                if unavailable
                else self.tr("by {step} min").format(step=res.step)
            )
            p.setPen(QColor("#7a4d00") if unavailable else MUTED)
            p.drawText(
                QRectF(box.x(), lines_box.bottom() + 1, box.width(), fm.height()),
                Qt.AlignmentFlag.AlignHCenter,
                fm.elidedText(detail, Qt.TextElideMode.ElideRight, int(box.width())),
            )
            return
        p.drawText(
            box,
            Qt.AlignmentFlag.AlignCenter,
            fm.elidedText(res.name, Qt.TextElideMode.ElideRight, int(box.width())),
        )
