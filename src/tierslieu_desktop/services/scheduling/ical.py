"""iCalendar (.ics) export of the bookings of a machine, a space or a member, to open in
any calendar application (Thunderbird, Outlook, a phone…).

Each booking is one VEVENT whose UID stays the same from one export to the next, so
importing a newer export updates the events instead of duplicating them. Times are
written in UTC (the calendar application shows them in its own time zone)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from icalendar import Calendar, Event
from sqlalchemy import select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Machine, Member, Space, utcnow
from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.people.members import display_name
from tierslieu_desktop.services.scheduling.bookings import (
    BookingRow,
    BookingStatus,
    _list_bookings_impl,
)

PRODID = "-//Tiers-Lieu Desktop//Réservations//FR"
UID_DOMAIN = "tierslieu"


def booking_uid(booking_id: int) -> str:
    return f"booking-{booking_id}@{UID_DOMAIN}"


def _status(row: BookingRow) -> str:
    if row.status in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW):
        return "CANCELLED"
    return "CONFIRMED"


def bookings_to_ics(
    rows: Iterable[BookingRow],
    calendar_name: str,
    *,
    include_cancelled: bool = False,
    stamp: datetime | None = None,
) -> bytes:
    """A VCALENDAR with one VEVENT per booking. Cancelled bookings are left out unless
    ``include_cancelled`` (then STATUS:CANCELLED, which removes them from a calendar that
    imported them before). A no-show is kept, marked CANCELLED: the slot was not used."""
    stamp = (stamp or utcnow()).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name)
    for row in rows:
        if row.status == BookingStatus.CANCELLED and not include_cancelled:
            continue
        event = Event()
        event.add("uid", booking_uid(row.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", row.start_at.astimezone(UTC))
        event.add("dtend", row.end_at.astimezone(UTC))
        event.add("summary", f"{row.resource_name} — {row.who}" if row.who else row.resource_name)
        description = "\n\n".join(p for p in (row.purpose, row.note) if p)
        if description:
            event.add("description", description)
        event.add("status", _status(row))
        cal.add_component(event)
    data: bytes = cal.to_ical()  # untyped in icalendar
    return data


@guarded(Permission.BOOKINGS)
def export_machine(db: Database, machine_id: int, start: datetime, end: datetime) -> bytes:
    """The bookings of a machine overlapping [start, end)."""
    with db.read() as session:
        machine = session.get(Machine, machine_id)
        if machine is None:
            raise NotFound("machine", machine_id)
        name = machine.name
    return bookings_to_ics(_list_bookings_impl(db, start, end, machine_ids=[machine_id]), name)


@guarded(Permission.BOOKINGS)
def export_space(db: Database, space_id: int, start: datetime, end: datetime) -> bytes:
    """The bookings of a space: the space itself (a meeting room) and its machines."""
    with db.read() as session:
        space = session.get(Space, space_id)
        if space is None:
            raise NotFound("space", space_id)
        name = space.name
        machine_ids = list(session.scalars(select(Machine.id).where(Machine.space_id == space_id)))
    rows = _list_bookings_impl(db, start, end, machine_ids=machine_ids, space_ids=[space_id])
    return bookings_to_ics(rows, name)


@guarded(Permission.BOOKINGS)
def export_member(db: Database, member_id: int, start: datetime, end: datetime) -> bytes:
    """The bookings of a member (for an organisation: its group bookings too)."""
    with db.read() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("member", member_id)
        name = display_name(member.kind, member.first_name, member.last_name)
    return bookings_to_ics(_list_bookings_impl(db, start, end, member_id=member_id), name)
