"""Machines, spaces and machine categories: the park of the fablab and who may use it.

Machines are grouped by space (fablab, coworking, cyber-base…) and by category (laser
cutting, FDM printing…). An authorization on a category covers every machine of it.
Nothing is deleted: machines and spaces are archived.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import ScalarSelect, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Authorization,
    Machine,
    MachineCategory,
    Operator,
    Space,
)
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import MachineStatus, SpaceKind
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import (
    FieldCollector,
    as_operator,
    check_texts,
    check_version,
    fold,
    stamp,
)
from tierslieu_desktop.services.people.members import AuthorizationRow, authorization_rows

NAME_MAX = 120
TEXT_MAX = 120  # make, model, serial number
FUNDED_BY_MAX = 300

# Booking rules of a machine or a space.
SLOT_STEPS = (5, 10, 15, 20, 30, 60)  # minutes
BUFFER_MAX = 240  # minutes of preparation / cooling after a booking
ADVANCE_MIN, ADVANCE_MAX = 1, 730  # days ahead one may book
RULE_FIELDS = (
    "slot_step_minutes",
    "min_duration_minutes",
    "max_duration_minutes",
    "buffer_minutes",
    "max_advance_days",
)

# --- plain data ----------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryRow:
    id: int
    name: str
    position: int
    machine_count: int  # non-archived machines
    version: int = 1  # what save_category's expected_version is given


@dataclass(frozen=True)
class SpaceInput:
    name: str = ""
    kind: SpaceKind = SpaceKind.OTHER
    capacity: int | None = None
    bookable: bool = False
    description: str = ""
    # booking rules, when the space itself is booked (a meeting room)
    slot_step_minutes: int = 30
    min_duration_minutes: int = 30
    max_duration_minutes: int = 480
    buffer_minutes: int = 0
    max_advance_days: int = 180


@dataclass(frozen=True)
class SpaceRow:
    id: int
    name: str
    kind: SpaceKind
    capacity: int | None
    bookable: bool
    description: str
    position: int
    archived: bool
    machine_count: int  # non-archived machines
    slot_step_minutes: int = 30
    min_duration_minutes: int = 30
    max_duration_minutes: int = 480
    buffer_minutes: int = 0
    max_advance_days: int = 180
    closed_on_holidays: bool = True
    version: int = 1  # what save_space's expected_version is given

    @property
    def data(self) -> SpaceInput:
        return SpaceInput(
            name=self.name,
            kind=self.kind,
            capacity=self.capacity,
            bookable=self.bookable,
            description=self.description,
            **{name: getattr(self, name) for name in RULE_FIELDS},
        )


@dataclass(frozen=True)
class MachineRow:
    id: int
    name: str
    category_id: int
    category_name: str
    space_id: int
    space_name: str
    status: MachineStatus
    authorization_required: bool
    make: str
    model: str
    archived: bool
    authorized_count: int  # members authorized on the machine or on its category


@dataclass(frozen=True)
class MachineInput:
    name: str = ""
    category_id: int | None = None
    space_id: int | None = None
    make: str = ""
    model: str = ""
    serial_number: str = ""
    authorization_required: bool = False
    hour_counter_minutes: int = 0
    purchase_date: date | None = None
    purchase_value_cents: int | None = None
    funded_by: str = ""
    description: str = ""
    # booking rules
    slot_step_minutes: int = 15
    min_duration_minutes: int = 15
    max_duration_minutes: int = 240
    buffer_minutes: int = 0
    max_advance_days: int = 60


@dataclass(frozen=True)
class MachineDetail:
    id: int
    data: MachineInput
    category_name: str
    space_name: str
    status: MachineStatus
    status_note: str
    archived: bool
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    authorizations: tuple[AuthorizationRow, ...] = field(default=())
    version: int = 1  # what save_machine's expected_version is given


# --- machines ------------------------------------------------------------------------


def _authorized_count() -> ScalarSelect[int]:
    """Distinct members authorized on the machine or on its category (correlated)."""
    return (
        select(func.count(func.distinct(Authorization.member_id)))
        .where(
            or_(
                Authorization.machine_id == Machine.id,
                Authorization.category_id == Machine.category_id,
            )
        )
        .correlate(Machine)
        .scalar_subquery()
    )


def list_machines(db: Database, include_archived: bool = False) -> list[MachineRow]:
    """Every machine, ordered by space, then category, then name (positions first)."""
    count = _authorized_count().label("authorized")
    stmt = (
        select(Machine, Space.name, Space.position, MachineCategory.name, MachineCategory.position)
        .add_columns(count)
        .join(Space, Space.id == Machine.space_id)
        .join(MachineCategory, MachineCategory.id == Machine.category_id)
    )
    if not include_archived:
        stmt = stmt.where(Machine.archived.is_(False))
    with db.read() as session:
        found = []
        for m, space_name, space_pos, cat_name, cat_pos, authorized in session.execute(stmt):
            row = MachineRow(
                id=m.id,
                name=m.name,
                category_id=m.category_id,
                category_name=cat_name,
                space_id=m.space_id,
                space_name=space_name,
                status=MachineStatus(m.status),
                authorization_required=m.authorization_required,
                make=m.make,
                model=m.model,
                archived=m.archived,
                authorized_count=authorized or 0,
            )
            key = (space_pos, fold(space_name), cat_pos, fold(cat_name), fold(m.name), m.id)
            found.append((key, row))
    found.sort(key=lambda pair: pair[0])
    return [row for _key, row in found]


def _input_of(m: Machine) -> MachineInput:
    return MachineInput(
        name=m.name,
        category_id=m.category_id,
        space_id=m.space_id,
        make=m.make,
        model=m.model,
        serial_number=m.serial_number,
        authorization_required=m.authorization_required,
        hour_counter_minutes=m.hour_counter_minutes,
        purchase_date=m.purchase_date,
        purchase_value_cents=m.purchase_value_cents,
        funded_by=m.funded_by,
        description=m.description,
        **{name: getattr(m, name) for name in RULE_FIELDS},
    )


def get_machine(db: Database, machine_id: int) -> MachineDetail:
    """A machine with its audit trail and who may use it (on the machine or its category)."""
    with db.read() as session:
        m = session.get(Machine, machine_id)
        if m is None:
            raise NotFound("machine", machine_id)
        ops: dict[int | None, str] = {
            r[0]: r[1] for r in session.execute(select(Operator.id, Operator.name))
        }
        auths = authorization_rows(
            session,
            or_(
                Authorization.machine_id == machine_id,
                Authorization.category_id == m.category_id,
            ),
        )
        return MachineDetail(
            id=m.id,
            data=_input_of(m),
            category_name=m.category.name,
            space_name=m.space.name,
            status=MachineStatus(m.status),
            status_note=m.status_note,
            archived=m.archived,
            created_at=m.created_at,
            created_by=ops.get(m.created_by_id, ""),
            updated_at=m.updated_at,
            updated_by=ops.get(m.updated_by_id, ""),
            authorizations=tuple(auths),
            version=m.version,
        )


def _check_rules(c: FieldCollector, data: MachineInput | SpaceInput) -> None:
    """Booking rules. Field names: slot_step, min_duration, max_duration, buffer,
    max_advance."""
    step = data.slot_step_minutes
    if step not in SLOT_STEPS:
        c.add("slot_step", "slot_step_invalid")
    elif data.min_duration_minutes < step:
        c.add("min_duration", "duration_below_step")
    if data.max_duration_minutes < data.min_duration_minutes:
        c.add("max_duration", "max_below_min")
    if not 0 <= data.buffer_minutes <= BUFFER_MAX:
        c.add("buffer", "buffer_invalid")
    if not ADVANCE_MIN <= data.max_advance_days <= ADVANCE_MAX:
        c.add("max_advance", "advance_invalid")


def validate_machine(
    data: MachineInput, *, today: date | None = None, new_category: str = ""
) -> MachineInput:
    """Clean every field; raise one ValidationError naming every invalid field.

    Field names are those of the machine dialog: name, category, space, make, model,
    serial_number, hour_counter, purchase_date, purchase_value, funded_by, and the booking
    rules slot_step, min_duration, max_duration, buffer, max_advance.
    ``new_category`` names a category to create when ``category_id`` is None.
    """
    c = FieldCollector()
    c.texts(data)
    c.text("category", new_category)
    name = " ".join(data.name.split())
    if not name:
        c.add("name", "required")
    elif len(name) > NAME_MAX:
        c.add("name", "too_long")
    new_category = " ".join(new_category.split())
    if data.category_id is None and not new_category:
        c.add("category", "required")
    elif data.category_id is None and len(new_category) > NAME_MAX:
        c.add("category", "too_long")
    if data.space_id is None:
        c.add("space", "required")
    cleaned_text = {}
    for key, limit in (
        ("make", TEXT_MAX),
        ("model", TEXT_MAX),
        ("serial_number", TEXT_MAX),
        ("funded_by", FUNDED_BY_MAX),
    ):
        value = getattr(data, key).strip()
        if len(value) > limit:
            c.add(key, "too_long")
        cleaned_text[key] = value
    if data.hour_counter_minutes < 0:
        c.add("hour_counter", "hours_negative")
    if data.purchase_value_cents is not None and data.purchase_value_cents < 0:
        c.add("purchase_value", "amount_negative")
    if data.purchase_date is not None and data.purchase_date > (today or lab_today()):
        c.add("purchase_date", "date_in_future")
    _check_rules(c, data)
    c.raise_if_any()
    return replace(data, name=name, description=data.description.strip(), **cleaned_text)


def _name_taken(
    session: Session,
    model: type[Machine] | type[Space] | type[MachineCategory],
    name: str,
    own_id: int | None,
) -> bool:
    """Same name ignoring case and accents ("Découpe laser" = "decoupe LASER")."""
    wanted = fold(name)
    return any(
        fold(other_name) == wanted and other_id != own_id
        for other_id, other_name in session.execute(select(model.id, model.name))
    )


def _category_named(session: Session, name: str) -> int:
    """The id of the category called ``name`` (ignoring case and accents), created if new."""
    wanted = fold(name)
    for cat_id, cat_name in session.execute(select(MachineCategory.id, MachineCategory.name)):
        if fold(cat_name) == wanted:
            return cat_id
    last = session.scalar(select(func.max(MachineCategory.position)))
    category = MachineCategory(name=name, position=(last or 0) + 1)
    session.add(category)
    session.flush()
    return category.id


@guarded(Permission.PARK)
def save_machine(
    db: Database,
    actor: int | None,
    data: MachineInput,
    machine_id: int | None = None,
    *,
    new_category: str = "",
    expected_version: int | None = None,
) -> int:
    """Create (``machine_id`` None) or update a machine. Returns its id.

    With ``category_id`` None and ``new_category`` given, the category is found by name or
    created, in the same transaction as the machine.
    """
    return _save_machine_impl(
        db, actor, data, machine_id, new_category=new_category, expected_version=expected_version
    )


def _save_machine_impl(
    db: Database,
    actor: int | None,
    data: MachineInput,
    machine_id: int | None = None,
    *,
    new_category: str = "",
    expected_version: int | None = None,
) -> int:
    cleaned = validate_machine(data, new_category=new_category)
    with db.write() as session:
        return write_machine(
            session,
            actor,
            cleaned,
            machine_id,
            new_category=new_category,
            expected_version=expected_version,
        )


def write_machine(
    session: Session,
    actor: int | None,
    cleaned: MachineInput,
    machine_id: int | None = None,
    *,
    new_category: str = "",
    expected_version: int | None = None,
) -> int:
    """:func:`save_machine`'s writing inside the caller's transaction, for a machine
    ``validate_machine`` cleaned (the machines import writes a whole file in one
    transaction, services.imports.machines). Returns its id."""
    if cleaned.category_id is None:
        cleaned = replace(
            cleaned, category_id=_category_named(session, " ".join(new_category.split()))
        )
    if session.get(MachineCategory, cleaned.category_id) is None:
        raise NotFound("machine_category", cleaned.category_id)
    if session.get(Space, cleaned.space_id) is None:
        raise NotFound("space", cleaned.space_id)
    if _name_taken(session, Machine, cleaned.name, machine_id):
        raise ValidationError({"name": "name_taken"})
    machine: Machine | None
    if machine_id is None:
        machine = Machine(status=MachineStatus.AVAILABLE.value, status_note="")
        session.add(machine)
        stamp(machine, actor, created=True)
    else:
        machine = session.get(Machine, machine_id)
        if machine is None:
            raise NotFound("machine", machine_id)
        check_version(machine, expected_version, cleaned)
        stamp(machine, actor)
    for name in MachineInput.__dataclass_fields__:
        setattr(machine, name, getattr(cleaned, name))
    try:
        session.flush()
    except IntegrityError:  # another desk took the name between the check and now
        raise ValidationError({"name": "name_taken"}) from None
    return machine.id


def machine_input(machine: Machine) -> MachineInput:
    """The fields of a machine's row, as :func:`save_machine` takes them (for a merge)."""
    return _input_of(machine)


@guarded(Permission.MAINTENANCE)
def set_machine_status(
    db: Database,
    actor: int | None,
    machine_id: int,
    status: MachineStatus | str,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> None:
    """Available, in maintenance or out of order. Saying why is required when unavailable."""
    status = MachineStatus(status)
    check_texts(status_note=note)
    note = note.strip()
    if status != MachineStatus.AVAILABLE and not note:
        raise ValidationError({"status_note": "required"})
    with db.write() as session:
        machine = session.get(Machine, machine_id)
        if machine is None:
            raise NotFound("machine", machine_id)
        check_version(machine, expected_version, {"status": status.value, "status_note": note})
        machine.status = status.value
        machine.status_note = note
        stamp(machine, actor)


@guarded(Permission.PARK)
def set_machine_archived(
    db: Database,
    actor: int | None,
    machine_id: int,
    archived: bool,
    *,
    expected_version: int | None = None,
) -> None:
    """Archive (hide, keep its history and authorizations) or bring a machine back."""
    with db.write() as session:
        machine = session.get(Machine, machine_id)
        if machine is None:
            raise NotFound("machine", machine_id)
        check_version(machine, expected_version, {"archived": archived})
        if not archived and machine.space.archived:
            raise DomainError("space_archived", space=machine.space.name)
        machine.archived = archived
        stamp(machine, actor)


# --- spaces --------------------------------------------------------------------------


def _machine_counts(session: Session, column: InstrumentedAttribute[int]) -> dict[int, int]:
    stmt = (
        select(column, func.count(Machine.id)).where(Machine.archived.is_(False)).group_by(column)
    )
    return {r[0]: r[1] for r in session.execute(stmt)}


def _space_kind(value: str) -> SpaceKind:
    try:
        return SpaceKind(value)
    except ValueError:  # a value written by a newer version: show it as "other"
        return SpaceKind.OTHER


def list_spaces(db: Database, include_archived: bool = False) -> list[SpaceRow]:
    stmt = select(Space)
    if not include_archived:
        stmt = stmt.where(Space.archived.is_(False))
    with db.read() as session:
        counts = _machine_counts(session, Machine.space_id)
        rows = [
            SpaceRow(
                id=s.id,
                name=s.name,
                kind=_space_kind(s.kind),
                capacity=s.capacity,
                bookable=s.bookable,
                description=s.description,
                position=s.position,
                archived=s.archived,
                machine_count=counts.get(s.id, 0),
                closed_on_holidays=s.closed_on_holidays,
                version=s.version,
                **{name: getattr(s, name) for name in RULE_FIELDS},
            )
            for s in session.scalars(stmt)
        ]
    rows.sort(key=lambda r: (r.position, fold(r.name), r.id))
    return rows


def get_space(db: Database, space_id: int) -> SpaceRow:
    for row in list_spaces(db, include_archived=True):
        if row.id == space_id:
            return row
    raise NotFound("space", space_id)


def validate_space(data: SpaceInput) -> SpaceInput:
    c = FieldCollector()
    c.texts(data)
    name = " ".join(data.name.split())
    if not name:
        c.add("name", "required")
    elif len(name) > NAME_MAX:
        c.add("name", "too_long")
    if data.capacity is not None and data.capacity < 0:
        c.add("capacity", "number_invalid")
    _check_rules(c, data)
    c.raise_if_any()
    capacity = data.capacity or None  # 0 means "not set"
    return replace(
        data,
        name=name,
        kind=SpaceKind(data.kind),
        capacity=capacity,
        description=data.description.strip(),
    )


@guarded(Permission.PARK)
def save_space(
    db: Database,
    actor: int | None,
    data: SpaceInput,
    space_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Create (``space_id`` None, placed last) or update a space. Returns its id."""
    return _save_space_impl(db, actor, data, space_id, expected_version=expected_version)


def _save_space_impl(
    db: Database,
    actor: int | None,
    data: SpaceInput,
    space_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    cleaned = validate_space(data)
    with db.write() as session:
        if _name_taken(session, Space, cleaned.name, space_id):
            raise ValidationError({"name": "name_taken"})
        space: Space | None
        if space_id is None:
            last = session.scalar(select(func.max(Space.position)))
            space = Space(position=(last or 0) + 1, archived=False)
            session.add(space)
            stamp(space, actor, created=True)
        else:
            space = session.get(Space, space_id)
            if space is None:
                raise NotFound("space", space_id)
            check_version(space, expected_version, cleaned)
            stamp(space, actor)
        space.name = cleaned.name
        space.kind = cleaned.kind.value
        space.capacity = cleaned.capacity
        space.bookable = cleaned.bookable
        space.description = cleaned.description
        for name in RULE_FIELDS:
            setattr(space, name, getattr(cleaned, name))
        try:
            session.flush()
        except IntegrityError:
            raise ValidationError({"name": "name_taken"}) from None
        return space.id


@guarded(Permission.PARK)
def set_space_archived(
    db: Database,
    actor: int | None,
    space_id: int,
    archived: bool,
    *,
    expected_version: int | None = None,
) -> None:
    """Archive a space that holds no machine any more (archived machines may stay)."""
    with db.write() as session:
        space = session.get(Space, space_id)
        if space is None:
            raise NotFound("space", space_id)
        check_version(space, expected_version, {"archived": archived})
        if archived:
            held = session.scalar(
                select(func.count(Machine.id)).where(
                    Machine.space_id == space_id, Machine.archived.is_(False)
                )
            )
            if held:
                raise DomainError("space_not_empty", space=space.name, count=held)
        space.archived = archived
        stamp(space, actor)


# --- categories ----------------------------------------------------------------------


def list_categories(db: Database) -> list[CategoryRow]:
    with db.read() as session:
        counts = _machine_counts(session, Machine.category_id)
        rows = [
            CategoryRow(
                id=c.id,
                name=c.name,
                position=c.position,
                machine_count=counts.get(c.id, 0),
                version=c.version,
            )
            for c in session.scalars(select(MachineCategory))
        ]
    rows.sort(key=lambda r: (r.position, fold(r.name), r.id))
    return rows


@guarded(Permission.PARK)
def save_category(
    db: Database,
    actor: int | None,
    name: str,
    category_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Create (placed last) or rename a machine category. Returns its id.

    Categories carry no audit columns: ``actor`` names the journal's operator.
    """
    check_texts(name=name)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "required"})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": "too_long"})
    with db.write() as session:
        as_operator(session, actor)  # a category carries no stamp: the journal's operator
        if _name_taken(session, MachineCategory, name, category_id):
            raise ValidationError({"name": "name_taken"})
        category: MachineCategory | None
        if category_id is None:
            last = session.scalar(select(func.max(MachineCategory.position)))
            category = MachineCategory(position=(last or 0) + 1)
            session.add(category)
        else:
            category = session.get(MachineCategory, category_id)
            if category is None:
                raise NotFound("machine_category", category_id)
            check_version(category, expected_version, {"name": name})
        category.name = name
        try:
            session.flush()
        except IntegrityError:
            raise ValidationError({"name": "name_taken"}) from None
        return category.id
