"""The machines importer: a lab's list of machines (CSV or XLSX) into the park, with
their hourly price by public when the file has price columns.

Each line is checked by ``services.park.machines.validate_machine`` (the machine
dialog's rules: name, category, booking rules, purchase…) and written by
``write_machine``; its prices are set by ``services.pricing.tariffs.apply_price`` (the
grid's rule: the price from the import day on, the past untouched). Nothing of those
rules is re-implemented here.

- **Space**: a space the base does not have is refused (``unknown_space``), never
  created. A space carries what a machines file does not (its kind, capacity, opening
  hours, its own booking rules), a lab has a handful of them and the setup assistant or
  Machines & espaces creates them in a minute; creating one from a line would turn a
  typo ("Fablb") into a second, empty space that bookings would then offer.
- **Category**: found by name (case and accents aside) or created, as the machine
  dialog does with a new category.
- **Prices**: a column "Prix horaire" (or "Tarif", "Prix/h") is the price for every
  public; a column named after a public ("Prix Scolaires", "Tarif Grand public", or the
  public's name alone) is that public's. The field of a public's price is
  ``price:<the public's name>``. Hourly prices, for members and non-members alike.
- **Duplicates**: a machine of the same name (case and accents aside) in the same
  space is planned as MERGE (its empty fields filled — make, model, serial number,
  description, purchase, funding; the prices it has no rule for today — nothing
  overwritten) which the user may turn into SKIP. The same name in another space is
  refused (``name_taken_other_space``: machine names are unique in the base), as is a
  second line of the same name in the file (``duplicate_in_file``, value: the first
  line's number).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Audience, Machine, PriceRule, Space
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.inputs import day_in_range
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.imports.base import (
    Action,
    CancelCheck,
    FieldSpec,
    ImportPlan,
    ImportResult,
    LineError,
    PlannedLine,
    Progress,
)
from tierslieu_desktop.services.imports.cells import (
    CellError,
    cell_bool,
    cell_cents,
    cell_int,
    fold_header,
    match_fields,
)
from tierslieu_desktop.services.imports.tables import Row, Table, cell_date, cell_text
from tierslieu_desktop.services.park.machines import (
    MachineInput,
    machine_input,
    validate_machine,
    write_machine,
)
from tierslieu_desktop.services.pricing.scopes import in_force
from tierslieu_desktop.services.pricing.tariff_csv import ImportSteps
from tierslieu_desktop.services.pricing.tariffs import apply_price

PRICE_ALL = "price"  # the hourly price for every public
PRICE_PREFIX = "price:"  # + a public's name: that public's hourly price

BASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", True, ("nom", "machine", "nom de la machine", "designation", "name")),
    FieldSpec("space", True, ("espace", "lieu", "salle", "atelier", "space", "room")),
    FieldSpec("category", True, ("categorie", "type", "famille", "type de machine", "category")),
    FieldSpec("make", False, ("marque", "fabricant", "constructeur", "make", "brand")),
    FieldSpec("model", False, ("modele", "reference", "model")),
    FieldSpec(
        "serial_number",
        False,
        ("numero de serie", "n de serie", "no de serie", "serie", "serial number", "serial"),
    ),
    FieldSpec("description", False, ("description", "remarques", "notes", "commentaire")),
    FieldSpec(
        "authorization_required",
        False,
        (
            "habilitation",
            "habilitation requise",
            "habilitation obligatoire",
            "formation obligatoire",
            "formation requise",
            "authorization required",
            "training required",
        ),
    ),
    FieldSpec("purchase_date", False, ("date d achat", "achat le", "achete le", "purchase date")),
    FieldSpec(
        "purchase_value",
        False,
        ("valeur d achat", "prix d achat", "valeur", "cout d achat", "purchase value"),
    ),
    FieldSpec("funded_by", False, ("financement", "finance par", "financeur", "funded by")),
    FieldSpec("slot_step", False, ("pas", "pas min", "pas de reservation", "slot step")),
    FieldSpec("min_duration", False, ("duree min", "duree minimale", "duree mini", "min duration")),
    FieldSpec("max_duration", False, ("duree max", "duree maximale", "duree maxi", "max duration")),
    FieldSpec(
        "buffer",
        False,
        ("battement", "temps de battement", "refroidissement", "preparation", "buffer"),
    ),
    FieldSpec(
        "max_advance",
        False,
        ("reservable jusqu a", "jours d avance", "delai max", "avance max", "max advance"),
    ),
    FieldSpec(
        PRICE_ALL,
        False,
        ("prix horaire", "tarif horaire", "prix h", "prix", "tarif", "hourly price", "price"),
    ),
)

# validate_machine's field names that are not this importer's keys
_MACHINE_FIELD_KEY = {"hour_counter": "", "purchase_value_cents": "purchase_value"}
_RULE_KEYS = {
    "slot_step": "slot_step_minutes",
    "min_duration": "min_duration_minutes",
    "max_duration": "max_duration_minutes",
    "buffer": "buffer_minutes",
    "max_advance": "max_advance_days",
}
# what a merge may fill on an existing machine (its empty fields only)
_FILLED = ("make", "model", "serial_number", "description", "funded_by", "purchase_date")
_FILLED_TOO = ("purchase_value_cents",)


@dataclass(frozen=True)
class MachineLine:
    """What a planned line writes: the machine as ``validate_machine`` cleaned it (its
    category by name), and its hourly prices by public name ("" = every public)."""

    machine: MachineInput
    category: str
    prices: tuple[tuple[str, int], ...]


@dataclass
class _Known:
    spaces: dict[str, tuple[int, str]]  # folded name -> (id, name)
    machines: dict[str, tuple[int, int, str]]  # folded name -> (id, space id, label)
    space_names: dict[int, str]


def _read_known(session: Session) -> _Known:
    known = _Known({}, {}, {})
    for sid, name in session.execute(select(Space.id, Space.name).where(Space.archived.is_(False))):
        known.spaces.setdefault(fold(" ".join(name.split())), (sid, name))
    for sid, name in session.execute(select(Space.id, Space.name)):
        known.space_names[sid] = name
    for mid, name, space_id in session.execute(select(Machine.id, Machine.name, Machine.space_id)):
        label = f"{name} ({known.space_names.get(space_id, '')})"
        known.machines[fold(" ".join(name.split()))] = (mid, space_id, label)
    return known


def price_field(public: str) -> FieldSpec:
    """The field of a public's hourly price, recognised by "Prix <public>", "Tarif
    <public>", "Prix horaire <public>" or the public's name alone."""
    name = fold_header(public)
    aliases = (f"prix {name}", f"tarif {name}", f"prix horaire {name}", f"tarif horaire {name}")
    return FieldSpec(PRICE_PREFIX + public, False, (*aliases, name))


class MachinesImporter:
    """The :class:`~.base.Importer` of machines (see the module's docstring).

    ``publics`` are the names of the publics whose hourly price a column may give
    (:meth:`for_database` reads them); ``today`` is the first day of the imported prices
    and the limit of purchase dates."""

    kind = "machines"

    def __init__(self, publics: Sequence[str] = (), *, today: date | None = None) -> None:
        self.publics = tuple(publics)
        self.today = today
        self.fields: tuple[FieldSpec, ...] = BASE_FIELDS + tuple(
            price_field(p) for p in self.publics
        )

    @classmethod
    def for_database(cls, db: Database, *, today: date | None = None) -> MachinesImporter:
        """An importer knowing the base's publics (not archived), for their price columns."""
        with db.read() as session:
            names = list(
                session.scalars(
                    select(Audience.name)
                    .where(Audience.archived.is_(False))
                    .order_by(Audience.position, Audience.name)
                )
            )
        return cls(names, today=today)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def suggest_mapping(self, headers: tuple[str, ...], source: str) -> dict[str, str | None]:
        """Each field's usual column names (French and English), the publics' price
        columns before the generic "Prix" (a "Prix Scolaires" column is the public's)."""
        del source
        publics = match_fields(headers, self.fields[len(BASE_FIELDS) :])
        taken = {h for h in publics.values() if h}
        rest = match_fields(tuple(h for h in headers if h not in taken), BASE_FIELDS)
        return {key: rest.get(key) or publics.get(key) for key in self.keys}

    # --- plan ---------------------------------------------------------------------

    @guarded(Permission.IMPORTS)
    def plan(
        self,
        db: Database,
        table: Table,
        mapping: Mapping[str, str | None],
        *,
        source: str = "csv",
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportPlan:
        """Every line checked and its duplicates found; nothing written."""
        today = self.today or lab_today()
        columns = {key: table.column(mapping.get(key)) for key in self.keys}
        with db.read() as session:
            known = _read_known(session)
        steps = ImportSteps(len(table.rows), progress, cancelled)
        seen: dict[str, int] = {}
        lines: list[PlannedLine] = []
        for row in table.rows:
            planned = self._plan_line(row, columns, known, today)
            item = planned.values.get("_line")
            if planned.action is not Action.REFUSED and isinstance(item, MachineLine):
                key = fold(item.machine.name)
                if key in seen:
                    error = LineError(row.line, "name", "duplicate_in_file", str(seen[key]))
                    planned = replace(planned, action=Action.REFUSED, errors=(error,))
                else:
                    seen[key] = row.line
            lines.append(planned)
            steps.step()
        steps.check()
        return ImportPlan(self.kind, tuple(lines), source, complete=table.complete)

    def _plan_line(
        self, row: Row, columns: Mapping[str, int | None], known: _Known, today: date
    ) -> PlannedLine:
        cells = {key: row.get(index) for key, index in columns.items() if index is not None}
        texts = {key: cell_text(cell).strip() for key, cell in cells.items()}
        errors: dict[str, str] = {}

        space_id: int | None = None
        space_name = " ".join(texts.get("space", "").split())
        if space_name:
            found = known.spaces.get(fold(space_name))
            if found is None:
                errors["space"] = "unknown_space"
            else:
                space_id, space_name = found
        numbers: dict[str, object] = {}
        for key, attribute in _RULE_KEYS.items():
            try:
                value = cell_int(cells.get(key))
            except CellError as exc:
                errors[key] = exc.code
                continue
            if value is not None:
                numbers[attribute] = value
        # a step given alone: the shortest booking is one step, the longest at least that
        defaults = MachineInput()
        step = numbers.get("slot_step_minutes", defaults.slot_step_minutes)
        if isinstance(step, int) and "min_duration_minutes" not in numbers:
            numbers["min_duration_minutes"] = max(defaults.min_duration_minutes, step)
        shortest = numbers.get("min_duration_minutes", defaults.min_duration_minutes)
        if isinstance(shortest, int) and "max_duration_minutes" not in numbers:
            numbers["max_duration_minutes"] = max(defaults.max_duration_minutes, shortest)
        try:
            required = cell_bool(cells.get("authorization_required"))
        except CellError as exc:
            errors["authorization_required"] = exc.code
            required = None
        purchase_date = None
        try:
            purchase_date = cell_date(cells.get("purchase_date"))
        except ValueError:
            errors["purchase_date"] = "invalid_date"
        if purchase_date is not None and not day_in_range(purchase_date):
            errors["purchase_date"] = "date_out_of_range"
        purchase_value = None
        try:
            purchase_value = cell_cents(cells.get("purchase_value"))
        except CellError as exc:
            errors["purchase_value"] = exc.code
        prices: list[tuple[str, int]] = []
        for key in self.keys:
            if key != PRICE_ALL and not key.startswith(PRICE_PREFIX):
                continue
            try:
                cents = cell_cents(cells.get(key))
            except CellError as exc:
                errors[key] = exc.code
                continue
            if cents is not None:
                prices.append((key.removeprefix(PRICE_ALL).removeprefix(":"), cents))

        category = " ".join(texts.get("category", "").split())
        data = MachineInput(
            name=texts.get("name", ""),
            space_id=space_id,
            make=texts.get("make", ""),
            model=texts.get("model", ""),
            serial_number=texts.get("serial_number", ""),
            description=texts.get("description", ""),
            authorization_required=bool(required),
            purchase_date=purchase_date,
            purchase_value_cents=purchase_value,
            funded_by=texts.get("funded_by", ""),
            **numbers,  # type: ignore[arg-type]
        )
        cleaned = data
        try:
            cleaned = validate_machine(data, today=today, new_category=category)
        except ValidationError as exc:
            for name, code in exc.fields.items():
                key = _MACHINE_FIELD_KEY.get(name, name)
                if key == "space" and "space" in errors:
                    continue  # unknown, not missing
                errors.setdefault(key if key in self.keys else "", code)
        values: dict[str, object] = {
            "name": cleaned.name,
            "space": space_name,
            "category": category,
            "make": cleaned.make,
            "model": cleaned.model,
            "serial_number": cleaned.serial_number,
            "description": cleaned.description,
            "authorization_required": cleaned.authorization_required,
            "purchase_date": cleaned.purchase_date,
            "purchase_value": cleaned.purchase_value_cents,
            "funded_by": cleaned.funded_by,
            **{key: getattr(cleaned, attribute) for key, attribute in _RULE_KEYS.items()},
            **{(PRICE_PREFIX + p if p else PRICE_ALL): cents for p, cents in prices},
            "_line": MachineLine(cleaned, category, tuple(prices)),
        }
        label = cleaned.name
        if errors:
            order = {key: i for i, key in enumerate(self.keys)}
            line_errors = tuple(
                LineError(row.line, key, code, texts.get(key, ""))
                for key, code in sorted(errors.items(), key=lambda kv: order.get(kv[0], -1))
            )
            return PlannedLine(row.line, Action.REFUSED, values, line_errors, label=label)
        same = known.machines.get(fold(cleaned.name))
        if same is not None:
            machine_id, other_space, other_label = same
            if other_space != space_id:
                error = LineError(
                    row.line, "name", "name_taken_other_space", known.space_names[other_space]
                )
                return PlannedLine(row.line, Action.REFUSED, values, (error,), label=label)
            return PlannedLine(
                row.line,
                Action.MERGE,
                values,
                duplicate_of=machine_id,
                duplicate_label=other_label,
                duplicate_reason="name_space",
                label=label,
            )
        return PlannedLine(row.line, Action.CREATE, values, label=label)

    # --- apply --------------------------------------------------------------------

    @guarded(Permission.IMPORTS)
    def apply(
        self,
        db: Database,
        plan: ImportPlan,
        *,
        decisions: Mapping[int, Action] | None = None,
        skip_bad: bool = False,
        operator_id: int | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportResult:
        """Write the plan in one transaction (see ``base``). A refused line writes
        nothing unless ``skip_bad``. ``decisions`` turns a duplicate's MERGE into SKIP
        (CREATE is refused for it: ``name_taken``, machine names being unique), or skips
        any line."""
        today = self.today or lab_today()
        if not plan.complete:  # a preview's plan: never import part of a file
            raise DomainError("plan_incomplete")
        decisions = decisions or {}
        refused = list(plan.errors)
        todo: list[tuple[PlannedLine, Action]] = []
        skipped = 0
        for line in plan.lines:
            if line.action is Action.REFUSED:
                continue
            action = decisions.get(line.line, line.action)
            if action is Action.REFUSED:
                action = Action.SKIP
            if action is Action.CREATE and line.duplicate_of is not None:
                refused.append(LineError(line.line, "name", "name_taken", line.label))
                continue
            if action is Action.MERGE and line.duplicate_of is None:
                action = Action.CREATE
            if action is Action.SKIP:
                skipped += 1
                continue
            todo.append((line, action))
        if refused and not skip_bad:
            return ImportResult(refused=tuple(refused), written=False)
        steps = ImportSteps(len(todo), progress, cancelled)
        steps.check()
        created = merged = 0
        try:
            created, merged = self._write(db, todo, operator_id, steps, today)
        except _Stop as stop:  # rolled back: nothing written
            return ImportResult(refused=(*refused, stop.error), written=False)
        return ImportResult(
            created=created,
            merged=merged,
            skipped=skipped,
            refused=tuple(refused),
            written=True,
        )

    def _write(
        self,
        db: Database,
        todo: list[tuple[PlannedLine, Action]],
        operator_id: int | None,
        steps: ImportSteps,
        today: date,
    ) -> tuple[int, int]:
        created = merged = 0
        with db.write() as session:
            audiences = {
                fold(name): aid for aid, name in session.execute(select(Audience.id, Audience.name))
            }
            for line, action in todo:
                item = line.values["_line"]
                assert isinstance(item, MachineLine)
                try:
                    if action is Action.CREATE:
                        machine_id = write_machine(
                            session, operator_id, item.machine, new_category=item.category
                        )
                        created += 1
                    else:
                        assert line.duplicate_of is not None
                        machine_id = self._merge(session, operator_id, line.duplicate_of, item)
                        merged += 1
                    self._prices(session, operator_id, machine_id, item, audiences, today)
                except ValidationError as exc:
                    name, code = next(iter(exc.fields.items()))
                    error = LineError(line.line, _field_of(name, self.keys), code, line.label)
                    raise _Stop(error) from None
                steps.step()
            steps.check()
        return created, merged

    def _merge(
        self, session: Session, actor: int | None, machine_id: int, item: MachineLine
    ) -> int:
        machine = session.get(Machine, machine_id)
        if machine is None:  # gone since the plan
            raise ValidationError({"name": "machine_gone"})
        existing = machine_input(machine)
        changes: dict[str, object] = {}
        for name in _FILLED + _FILLED_TOO:
            old, new = getattr(existing, name), getattr(item.machine, name)
            if old in ("", None) and new not in ("", None):
                changes[name] = new
        if item.machine.authorization_required and not existing.authorization_required:
            changes["authorization_required"] = True
        if not changes:
            return machine_id
        merged = validate_machine(replace(existing, **changes))  # type: ignore[arg-type]
        return write_machine(session, actor, merged, machine_id)

    def _prices(
        self,
        session: Session,
        actor: int | None,
        machine_id: int,
        item: MachineLine,
        audiences: Mapping[str, int],
        today: date,
    ) -> None:
        """Each price of the line from ``today`` on, unless the machine already has its
        own hourly rule for that public in force (a merge never overwrites a price)."""
        for public, cents in item.prices:
            audience_id = None
            if public:
                audience_id = audiences.get(fold(public))
                if audience_id is None:  # renamed or removed since the plan
                    raise ValidationError({PRICE_PREFIX + public: "unknown_audience"})
            audience = (
                PriceRule.audience_id.is_(None)
                if audience_id is None
                else PriceRule.audience_id == audience_id
            )
            current = session.scalar(
                select(PriceRule.id).where(
                    PriceRule.machine_id == machine_id,
                    audience,
                    PriceRule.membership == "any",
                    in_force(PriceRule, today),
                )
            )
            if current is not None:
                continue
            apply_price(
                session,
                actor,
                kind="machine",
                resource_id=machine_id,
                audience_id=audience_id,
                membership="any",
                unit="hour",
                step_minutes=None,
                amount_cents=cents,
                from_day=today,
            )


class _Stop(DomainError):
    """A line that the base refused while writing (another desk took the name between
    the plan and now): raised inside the transaction, which rolls back."""

    def __init__(self, error: LineError) -> None:
        self.error = error
        super().__init__("import_line_refused", line=error.line, field=error.field)


def _field_of(name: str, keys: tuple[str, ...]) -> str:
    if name.startswith(PRICE_PREFIX) or name in keys:
        return name
    if name in ("amount_cents", "unit", "step_minutes", "valid_from"):
        return PRICE_ALL
    return _MACHINE_FIELD_KEY.get(name, "")
