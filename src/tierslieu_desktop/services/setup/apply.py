"""What the setup assistant creates, written in ONE transaction through the existing
services (their validation, their rules): the structure, the publics, the spaces and
their opening hours, the machines chosen from the catalogue with their category,
consumables and starter prices, and the invoice numbering. A refused field stops
everything: nothing of the plan is written, the error names the field (prefixed by the
step: ``structure.siret``, ``spaces.other``, ``numbering.invoice``…)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Audience, Consumable, Machine, Space
from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.enums import SpaceKind
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.invoicing import check_pattern
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing import numbering
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people import audiences as audience_service
from tierslieu_desktop.services.people import structure as structure_service
from tierslieu_desktop.services.people.structure import StructureData
from tierslieu_desktop.services.pricing.tariffs import apply_price
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.services.setup.catalogue import Catalogue, CatalogueItem, load_catalogue

Range = tuple[int, int]


@dataclass(frozen=True)
class ChosenItem:
    """A catalogue item the lab takes: how many, and its hourly price per public
    (audience key → cents; a public left out gets no price of its own)."""

    key: str
    count: int = 1
    prices: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class SetupPlan:
    """What the assistant's steps collected; a skipped step leaves its part empty (None:
    nothing changes)."""

    structure: StructureData | None = None
    spaces: tuple[str, ...] = ()  # catalogue space keys
    other_space: str = ""  # a space of the lab's own, typed
    schedule: dict[int, list[Range]] | None = None  # weekday → ranges, for the new spaces
    audiences: tuple[str, ...] = ()  # catalogue audience keys
    items: tuple[ChosenItem, ...] = ()
    consumable_prices: bool = True
    invoice_pattern: str | None = None
    credit_note_pattern: str | None = None


@dataclass(frozen=True)
class SetupResult:
    spaces: tuple[str, ...] = ()
    machines: tuple[str, ...] = ()
    consumables: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    prices: int = 0
    structure_saved: bool = False
    numbering_saved: bool = False
    machine_ids: dict[str, int] = field(default_factory=dict)  # name → id
    space_ids: dict[str, int] = field(default_factory=dict)  # name → id


class _InSession(Database):
    """The services' units of work inside the assistant's one transaction: each write a
    savepoint of it, each read on it (so a check sees what the plan created before)."""

    def __init__(self, db: Database, session: Session) -> None:
        super().__init__(db.engine, db.target, read_only=db.read_only)
        self._session = session

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._session.begin_nested():
            yield self._session


def _prefixed(step: str, exc: ValidationError) -> ValidationError:
    return ValidationError({f"{step}.{name}": code for name, code in exc.fields.items()})


def _free_name(session: Session, model: type[Machine] | type[Space], wanted: str) -> str:
    """``wanted``, or ``wanted 2``, ``wanted 3``… when a record has it (case and accents
    ignored, as the services compare names)."""
    taken = {fold(n) for n in session.scalars(select(model.name))}
    if fold(wanted) not in taken:
        return wanted
    n = 2
    while fold(f"{wanted} {n}") in taken:
        n += 1
    return f"{wanted} {n}"


def _named(session: Session, model: type[Audience] | type[Consumable], name: str) -> int | None:
    for row_id, row_name in session.execute(select(model.id, model.name)):
        if fold(row_name) == fold(name):
            return row_id
    return None


def validate_plan(plan: SetupPlan, catalogue: Catalogue | None = None) -> None:
    """The checks that need no database: every field the services would refuse, named
    with its step, in one ValidationError (the assistant calls it per step)."""
    catalogue = catalogue or load_catalogue()
    errors: dict[str, str] = {}
    if plan.structure is not None:
        try:
            structure_service.validate_structure(plan.structure)
        except ValidationError as exc:
            errors.update(_prefixed("structure", exc).fields)
    if plan.other_space.strip():
        try:
            park.validate_space(park.SpaceInput(name=plan.other_space))
        except ValidationError as exc:
            errors["spaces.other"] = next(iter(exc.fields.values()))
    if plan.schedule is not None:
        try:
            opening_hours.validate_schedule(plan.schedule)
        except ValidationError as exc:
            errors.update(_prefixed("hours", exc).fields)
    for chosen in plan.items:
        catalogue.item(chosen.key)  # KeyError: a bug of the caller, not the user's
        if not 1 <= chosen.count <= 50:
            errors[f"items.{chosen.key}.count"] = "number_invalid"
        for audience, cents in chosen.prices:
            if cents < 0:
                errors[f"prices.{chosen.key}.{audience}"] = "negative"
    for series, pattern in (
        ("invoice", plan.invoice_pattern),
        ("credit_note", plan.credit_note_pattern),
    ):
        if pattern is None:
            continue
        try:
            check_pattern(pattern.strip())
        except ValueError:
            errors[f"numbering.{series}"] = "pattern_invalid"
    if errors:
        raise ValidationError(errors)


@guarded(Permission.SETTINGS)
def apply_setup(
    db: Database,
    actor: int | None,
    plan: SetupPlan,
    *,
    today: date | None = None,
    catalogue: Catalogue | None = None,
) -> SetupResult:
    """Write the plan in one transaction (all or nothing). Prices start ``today``."""
    catalogue = catalogue or load_catalogue()
    validate_plan(plan, catalogue)
    today = today or to_local(utcnow()).date()
    with db.write() as session:
        step = _Steps(_InSession(db, session), session, actor, catalogue, today)
        return step.run(plan)


class _Steps:
    def __init__(
        self,
        inner: Database,
        session: Session,
        actor: int | None,
        catalogue: Catalogue,
        today: date,
    ) -> None:
        self.db, self.session, self.actor = inner, session, actor
        self.catalogue, self.today = catalogue, today
        self.space_ids: dict[str, int] = {}  # catalogue space key → id
        self.new_spaces: list[int] = []
        self.audience_ids: dict[str, int] = {}
        self.result: dict[str, list[str]] = {
            "spaces": [],
            "machines": [],
            "consumables": [],
            "audiences": [],
        }
        self.machine_ids: dict[str, int] = {}
        self.space_names: dict[str, int] = {}
        self.prices = 0

    def run(self, plan: SetupPlan) -> SetupResult:
        if plan.structure is not None:
            try:
                structure_service._save_structure_impl(self.db, self.actor, plan.structure)
            except ValidationError as exc:
                raise _prefixed("structure", exc) from None
        for key in plan.audiences:
            self._audience(key)
        for key in plan.spaces:
            self._catalogue_space(key)
        if plan.other_space.strip():
            try:
                self._space(park.SpaceInput(name=plan.other_space, kind=SpaceKind.OTHER))
            except ValidationError as exc:
                raise ValidationError({"spaces.other": next(iter(exc.fields.values()))}) from None
        for chosen in plan.items:
            self._item(self.catalogue.item(chosen.key), chosen, plan.consumable_prices)
        if plan.schedule is not None:
            for space_id in self.new_spaces:
                opening_hours._set_schedule_impl(self.db, self.actor, space_id, plan.schedule)
        for series, pattern in (
            ("invoice", plan.invoice_pattern),
            ("credit_note", plan.credit_note_pattern),
        ):
            if pattern is not None:
                try:
                    numbering._set_numbering_pattern_impl(self.db, self.actor, series, pattern)
                except ValidationError:
                    raise ValidationError({f"numbering.{series}": "pattern_invalid"}) from None
        return SetupResult(
            spaces=tuple(self.result["spaces"]),
            machines=tuple(self.result["machines"]),
            consumables=tuple(self.result["consumables"]),
            audiences=tuple(self.result["audiences"]),
            prices=self.prices,
            structure_saved=plan.structure is not None,
            numbering_saved=(plan.invoice_pattern, plan.credit_note_pattern) != (None, None),
            machine_ids=self.machine_ids,
            space_ids=self.space_names,
        )

    def _audience(self, key: str) -> int:
        if key in self.audience_ids:
            return self.audience_ids[key]
        audience = self.catalogue.audience(key)
        found = _named(self.session, Audience, audience.name)
        if found is None:
            found = audience_service._save_audience_impl(
                self.db, self.actor, audience.name, audience.description
            )
            self.result["audiences"].append(audience.name)
        self.audience_ids[key] = found
        return found

    def _space(self, data: park.SpaceInput) -> int:
        space_id = park._save_space_impl(
            self.db, self.actor, replace(data, name=_free_name(self.session, Space, data.name))
        )
        name = park.get_space(self.db, space_id).name
        self.new_spaces.append(space_id)
        self.result["spaces"].append(name)
        self.space_names[name] = space_id
        return space_id

    def _catalogue_space(self, key: str) -> int:
        if key not in self.space_ids:
            space = self.catalogue.space(key)
            self.space_ids[key] = self._space(
                park.SpaceInput(name=space.name, kind=space.kind, capacity=space.capacity)
            )
        return self.space_ids[key]

    def _price(self, kind: str, resource_id: int, item: CatalogueItem, chosen: ChosenItem) -> None:
        """The hourly price per public chosen; the adults' price is also the price for
        every public (a member without a public, a public without its own price)."""
        prices = dict(chosen.prices)
        general = prices.get("adults", item.prices["adults"])
        targets: list[tuple[int | None, int]] = [(None, general)]
        for key, cents in chosen.prices:
            if key in self.audience_ids:
                targets.append((self.audience_ids[key], cents))
        for audience_id, cents in targets:
            apply_price(
                self.session,
                self.actor,
                kind=kind,
                resource_id=resource_id,
                audience_id=audience_id,
                membership="any",
                unit="hour",
                step_minutes=item.rules.slot_step_minutes,
                amount_cents=cents,
                from_day=self.today,
            )
            self.prices += 1

    def _item(self, item: CatalogueItem, chosen: ChosenItem, consumable_prices: bool) -> None:
        r = item.rules
        if item.is_space:
            for n in range(chosen.count):
                name = item.name if chosen.count == 1 else f"{item.name} {n + 1}"
                space_id = self._space(
                    park.SpaceInput(
                        name=name,
                        kind=item.space_kind,
                        capacity=item.capacity,
                        bookable=True,
                        slot_step_minutes=r.slot_step_minutes,
                        min_duration_minutes=r.min_duration_minutes,
                        max_duration_minutes=r.max_duration_minutes,
                        buffer_minutes=r.buffer_minutes,
                        max_advance_days=r.max_advance_days,
                    )
                )
                self._price("space", space_id, item, chosen)
            return
        space_id = self._catalogue_space(item.space)
        machine_ids = []
        for n in range(chosen.count):
            wanted = item.name if chosen.count == 1 else f"{item.name} {n + 1}"
            name = _free_name(self.session, Machine, wanted)
            machine_id = park._save_machine_impl(
                self.db,
                self.actor,
                park.MachineInput(
                    name=name,
                    space_id=space_id,
                    authorization_required=item.authorization_required,
                    slot_step_minutes=r.slot_step_minutes,
                    min_duration_minutes=r.min_duration_minutes,
                    max_duration_minutes=r.max_duration_minutes,
                    buffer_minutes=r.buffer_minutes,
                    max_advance_days=r.max_advance_days,
                ),
                new_category=item.category,
            )
            machine_ids.append(machine_id)
            self.result["machines"].append(name)
            self.machine_ids[name] = machine_id
        category_id = self.session.scalar(
            select(Machine.category_id).where(Machine.id == machine_ids[0])
        )
        assert category_id is not None
        self._price("category", category_id, item, chosen)
        consumable_ids = []
        for consumable in item.consumables:
            found = _named(self.session, Consumable, consumable.name)
            if found is None:
                found = usages._save_consumable_impl(
                    self.db, self.actor, consumable.name, consumable.unit
                )
                self.result["consumables"].append(consumable.name)
                if consumable_prices:
                    apply_price(
                        self.session,
                        self.actor,
                        kind="consumable",
                        resource_id=found,
                        audience_id=None,
                        membership="any",
                        unit="consumable",
                        step_minutes=None,
                        amount_cents=consumable.price_cents,
                        from_day=self.today,
                    )
                    self.prices += 1
            consumable_ids.append(found)
        if consumable_ids:
            for machine_id in machine_ids:
                usages._set_machine_consumables_impl(
                    self.db, self.actor, machine_id, consumable_ids
                )
