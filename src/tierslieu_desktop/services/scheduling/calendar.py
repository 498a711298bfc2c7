"""The resources of a space as columns of the booking calendar: its machines, then the
space itself when it can be booked, each with the booking rules a drag snaps to.

One query for the whole space (``get_machine`` would also read every authorization of
each machine: thousands on a large database, for rules that fit in one row)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Machine, MachineCategory, Space
from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import fold

ResourceKey = tuple[str, int]  # ("machine", id) or ("space", id), as BookingRow.resource_key


@dataclass(frozen=True)
class CalendarResource:
    kind: str  # "machine" | "space"
    id: int
    name: str
    step: int = 15  # minutes: a booking starts and ends on a multiple of it
    min_minutes: int = 15
    max_minutes: int = 240
    buffer: int = 0  # minutes blocked after each booking
    status: str = "available"  # a machine's status; a space is always "available"
    authorization_required: bool = False

    @property
    def key(self) -> ResourceKey:
        return (self.kind, self.id)

    def machine_id(self) -> int | None:
        return self.id if self.kind == "machine" else None

    def space_id(self) -> int | None:
        return self.id if self.kind == "space" else None


def space_resource(space: Space) -> CalendarResource:
    return CalendarResource(
        kind="space",
        id=space.id,
        name=space.name,
        step=space.slot_step_minutes,
        min_minutes=space.min_duration_minutes,
        max_minutes=space.max_duration_minutes,
        buffer=space.buffer_minutes,
    )


@guarded(Permission.BOOKINGS)
def calendar_resources(
    db: Database, space_id: int, *, with_space: bool = False
) -> list[CalendarResource]:
    """The non-archived machines of the space in the machines page's order (category,
    then name), then the space itself when it is bookable (or when ``with_space``)."""
    stmt = (
        select(Machine, MachineCategory.position, MachineCategory.name)
        .join(MachineCategory, MachineCategory.id == Machine.category_id)
        .where(Machine.space_id == space_id, Machine.archived.is_(False))
    )
    with db.read() as session:
        space = session.get(Space, space_id)
        if space is None:
            raise NotFound("space", space_id)
        found = []
        for m, cat_position, cat_name in session.execute(stmt):
            resource = CalendarResource(
                kind="machine",
                id=m.id,
                name=m.name,
                step=m.slot_step_minutes,
                min_minutes=m.min_duration_minutes,
                max_minutes=m.max_duration_minutes,
                buffer=m.buffer_minutes,
                status=m.status,
                authorization_required=m.authorization_required,
            )
            found.append(((cat_position, fold(cat_name), fold(m.name), m.id), resource))
        found.sort(key=lambda pair: pair[0])
        resources = [r for _key, r in found]
        if space.bookable or with_space:
            resources.append(space_resource(space))
        return resources
