"""Tariffs: dated price rules and the tariff grid.

A price rule is keyed by (kind, resource, audience, membership). Rules of one key never
overlap in time. Changing a price never rewrites the past: :func:`set_price` closes the
rule in force the day before the change and starts a new one (see its docstring).
Membership fees, reductions and quotas: services.pricing.conditions; pack types and
consumable stock: services.pricing.catalogue; the CSV file: services.pricing.tariff_csv.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    Audience,
    Consumable,
    Machine,
    MachineCategory,
    Operator,
    PriceRule,
    Space,
    UsageCharge,
)
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import (
    MEMBERSHIP_MATCHES,
    RESOURCE_KINDS,
    RULE_UNITS,
    Customer,
    RuleBook,
    UsageToPrice,
)
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_version, fold, stamp
from tierslieu_desktop.services.pricing.engine import load_tariffs
from tierslieu_desktop.services.pricing.scopes import (
    KIND_COLUMNS,
    KIND_MODELS,
    Names,
    check_dates,
    in_force,
    overlaps,
    scope_of,
    set_scope,
)

_KIND_ORDER = {kind: i for i, kind in enumerate(RESOURCE_KINDS)}


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class PriceRuleRow:
    id: int
    kind: str
    resource_id: int
    resource_name: str
    audience_id: int | None
    audience_name: str  # "" when every public
    membership: str  # "any" | "member" | "non_member"
    unit: str  # "hour" | "session" | "flat" | "consumable"
    step_minutes: int | None
    amount_cents: int
    valid_from: date
    valid_to: date | None
    label: str
    version: int = 1


@dataclass(frozen=True)
class GridResource:
    kind: str
    id: int
    name: str
    unit_hint: str  # "" for machines/categories/spaces, the consumable unit for consumables
    category_id: int | None = None  # a machine's category (its prices apply to the machine)


@dataclass(frozen=True)
class GridCell:
    rule_id: int
    amount_cents: int
    unit: str
    step_minutes: int | None
    valid_from: date
    valid_to: date | None
    version: int = 1  # with rule_id, what set_price's shown_rule is given

    @property
    def shown(self) -> tuple[int, int]:
        """The (rule id, version) the grid displayed: set_price's ``shown_rule``."""
        return (self.rule_id, self.version)


@dataclass(frozen=True)
class InheritedCell:
    """The price that applies to a cell without its own rule, and where it comes from:
    the machine's category, the "every public" column, or a rule for everyone when the
    grid shows members or non-members."""

    rule_id: int
    amount_cents: int
    unit: str
    step_minutes: int | None
    source_kind: str
    source_name: str
    source_audience_id: int | None
    source_membership: str


@dataclass(frozen=True)
class TariffGrid:
    day: date
    membership: str
    audiences: list[tuple[int | None, str]]  # (None, "") first = every public
    resources: list[GridResource]
    cells: dict[tuple[str, int, int | None], GridCell]  # (kind, resource_id, audience_id)
    # Cells without their own rule: what the engine would charge there, and why.
    inherited: dict[tuple[str, int, int | None], InheritedCell] = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def _rule_row(rule: PriceRule, names: Names) -> PriceRuleRow:
    kind, rid = scope_of(rule)
    assert kind is not None and rid is not None
    return PriceRuleRow(
        id=rule.id,
        kind=kind,
        resource_id=rid,
        resource_name=names.resource(kind, rid),
        audience_id=rule.audience_id,
        audience_name=names.audience(rule.audience_id),
        membership=rule.membership,
        unit=rule.unit,
        step_minutes=rule.step_minutes,
        amount_cents=rule.amount_cents,
        valid_from=rule.valid_from,
        valid_to=rule.valid_to,
        label=rule.label,
        version=rule.version,
    )


def _key_filter(
    kind: str, resource_id: int, audience_id: int | None, membership: str
) -> ColumnElement[bool]:
    column = getattr(PriceRule, KIND_COLUMNS[kind])
    audience = (
        PriceRule.audience_id.is_(None)
        if audience_id is None
        else PriceRule.audience_id == audience_id
    )
    return and_(column == resource_id, audience, PriceRule.membership == membership)


def _check_key(
    session: Session,
    errors: FieldCollector,
    kind: str,
    resource_id: int | None,
    audience_id: int | None,
    membership: str,
) -> None:
    if kind not in RESOURCE_KINDS:
        errors.add("kind", "invalid")
    elif resource_id is None:
        errors.add("resource_id", "required")
    elif session.get(KIND_MODELS[kind], resource_id) is None:
        errors.add("resource_id", "unknown")
    if audience_id is not None and session.get(Audience, audience_id) is None:
        errors.add("audience_id", "unknown")
    if membership not in MEMBERSHIP_MATCHES:
        errors.add("membership", "invalid")


def _check_price(
    errors: FieldCollector,
    kind: str,
    unit: str,
    step_minutes: int | None,
    amount_cents: int | None,
    *,
    amount_required: bool = True,
) -> None:
    if unit not in RULE_UNITS:
        errors.add("unit", "invalid")
    elif kind in RESOURCE_KINDS and (unit == "consumable") != (kind == "consumable"):
        errors.add("unit", "unit_kind")
    if step_minutes is not None:
        if unit != "hour":
            errors.add("step_minutes", "step_hour_only")
        elif step_minutes < 1:
            errors.add("step_minutes", "positive")
    if amount_cents is None:
        if amount_required:
            errors.add("amount_cents", "required")
    elif amount_cents < 0:
        errors.add("amount_cents", "negative")


# --------------------------------------------------------------------------- price rules


def list_rules(
    db: Database,
    *,
    on: date | None = None,
    kind: str | None = None,
    resource_id: int | None = None,
) -> list[PriceRuleRow]:
    """Every rule (history), or those in force ``on`` a day; optionally of one resource."""
    stmt = select(PriceRule)
    if on is not None:
        stmt = stmt.where(in_force(PriceRule, on))
    if kind is not None:
        column = getattr(PriceRule, KIND_COLUMNS[kind])
        stmt = stmt.where(column.is_not(None) if resource_id is None else column == resource_id)
    with db.read() as session:
        names = Names(session)
        positions = {i: p for i, p in session.execute(select(Audience.id, Audience.position))}
        rows = [_rule_row(r, names) for r in session.scalars(stmt)]
    return sorted(rows, key=lambda r: _rule_sort_key(r, positions))


def _rule_sort_key(
    row: PriceRuleRow, positions: dict[int, int]
) -> tuple[int, str, int, int, int, date]:
    return (
        _KIND_ORDER[row.kind],
        fold(row.resource_name),
        row.resource_id,
        -1 if row.audience_id is None else positions.get(row.audience_id, 0),
        MEMBERSHIP_MATCHES.index(row.membership) if row.membership != "any" else -1,
        row.valid_from,
    )


@guarded(Permission.TARIFFS)
def rule_history(
    db: Database, kind: str, resource_id: int, audience_id: int | None, membership: str
) -> list[PriceRuleRow]:
    """Every rule of one key, oldest first."""
    with db.read() as session:
        names = Names(session)
        rules = session.scalars(
            select(PriceRule)
            .where(_key_filter(kind, resource_id, audience_id, membership))
            .order_by(PriceRule.valid_from)
        )
        return [_rule_row(r, names) for r in rules]


@guarded(Permission.TARIFFS)
def save_rule(
    db: Database,
    actor: int | None,
    *,
    rule_id: int | None = None,
    kind: str,
    resource_id: int,
    audience_id: int | None,
    membership: str,
    unit: str,
    step_minutes: int | None,
    amount_cents: int,
    valid_from: date,
    valid_to: date | None,
    label: str = "",
    expected_version: int | None = None,
) -> int:
    """Create or edit one rule (all its fields). Overlapping another rule of the same
    key is refused: ``{"valid_from": "price_rule_overlap"}``."""
    with db.write() as session:
        errors = FieldCollector()
        errors.text("label", label)
        _check_key(session, errors, kind, resource_id, audience_id, membership)
        _check_price(errors, kind, unit, step_minutes, amount_cents)
        check_dates(errors, valid_from, valid_to)
        errors.raise_if_any()
        rule = None
        if rule_id is not None:
            rule = session.get(PriceRule, rule_id)
            if rule is None:
                raise NotFound("price_rule", rule_id)
            check_version(
                rule,
                expected_version,
                {
                    "audience_id": audience_id,
                    "membership": membership,
                    "unit": unit,
                    "step_minutes": step_minutes,
                    "amount_cents": amount_cents,
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                    "label": label.strip(),
                },
            )
        clash = session.scalar(
            select(PriceRule.id).where(
                _key_filter(kind, resource_id, audience_id, membership),
                overlaps(PriceRule, valid_from, valid_to),
                PriceRule.id != (rule_id or 0),
            )
        )
        if clash is not None:
            raise ValidationError({"valid_from": "price_rule_overlap"})
        if rule is None:
            rule = PriceRule()
            session.add(rule)
            stamp(rule, actor, created=True)
        else:
            stamp(rule, actor)
        set_scope(rule, kind, resource_id)
        rule.audience_id = audience_id
        rule.membership = membership
        rule.unit = unit
        rule.step_minutes = step_minutes
        rule.amount_cents = amount_cents
        rule.valid_from = valid_from
        rule.valid_to = valid_to
        rule.label = label.strip()
        session.flush()
        return rule.id


@guarded(Permission.TARIFFS)
def set_price(
    db: Database,
    actor: int | None,
    *,
    kind: str,
    resource_id: int,
    audience_id: int | None,
    membership: str,
    unit: str,
    step_minutes: int | None,
    amount_cents: int | None,
    from_day: date,
    shown_on: date | None = None,
    shown_rule: tuple[int, int] | None = None,
) -> int | None:
    """The grid edit: the price of one key from ``from_day`` on, the past untouched.

    The rule in force on ``from_day`` (if it started earlier) is closed on
    ``from_day - 1`` and a new rule starts on ``from_day``, ending where the old one
    ended; without a rule in force, the new rule ends the day before the next one.
    A rule starting on ``from_day`` is updated in place. ``amount_cents`` None closes
    the price from ``from_day``. Returns the id of the rule in force on ``from_day``.

    Concurrent edits (issue 20 point 4): the grid edits a cell (a key on a day), not a
    row, so it passes what it displayed: ``shown_on`` (the grid's day) and ``shown_rule``,
    the ``(id, version)`` of the key's rule in force that day (None: the cell had no
    price of its own). When the rule in force on ``shown_on`` is no longer that one at
    that version — changed, closed, removed or created on another desk since the grid
    was read — nothing is written: ``DomainError("stale_record")`` names the cell's
    fresh price (or its absence) and who changed it. ``shown_on`` None (the CSV import)
    checks nothing."""
    with db.write() as session:
        return apply_price(
            session,
            actor,
            kind=kind,
            resource_id=resource_id,
            audience_id=audience_id,
            membership=membership,
            unit=unit,
            step_minutes=step_minutes,
            amount_cents=amount_cents,
            from_day=from_day,
            shown_on=shown_on,
            shown_rule=shown_rule,
        )


def _check_cell_shown(
    session: Session, key: ColumnElement[bool], shown_on: date, shown_rule: tuple[int, int] | None
) -> None:
    """Refuse a grid edit made from a cell that changed since the grid showed it
    (``set_price``'s docstring)."""
    fresh = session.scalar(select(PriceRule).where(key, in_force(PriceRule, shown_on)))
    if (None if fresh is None else (fresh.id, fresh.version)) == shown_rule:
        return
    if fresh is not None:
        changes: tuple[tuple[str, object], ...] = (
            ("amount_cents", fresh.amount_cents),
            ("valid_from", fresh.valid_from),
            ("valid_to", fresh.valid_to),
        )
    else:  # removed (or closed before that day) on the other desk
        changes = (("amount_cents", None),)
    stamped = fresh
    if stamped is None and shown_rule is not None:
        stamped = session.get(PriceRule, shown_rule[0])  # closed: still there, stamped
    by = ""
    if stamped is not None and stamped.updated_by_id is not None:
        operator = session.get(Operator, stamped.updated_by_id)
        by = operator.name if operator is not None else ""
    raise DomainError(
        "stale_record",
        entity="price_rule",
        id=fresh.id if fresh is not None else (shown_rule[0] if shown_rule else None),
        changes=changes,
        by=by,
        at=stamped.updated_at if stamped is not None else None,
    )


def apply_price(
    session: Session,
    actor: int | None,
    *,
    kind: str,
    resource_id: int,
    audience_id: int | None,
    membership: str,
    unit: str,
    step_minutes: int | None,
    amount_cents: int | None,
    from_day: date,
    label: str | None = None,
    shown_on: date | None = None,
    shown_rule: tuple[int, int] | None = None,
) -> int | None:
    errors = FieldCollector()
    if label is not None:
        errors.text("label", label)
    _check_key(session, errors, kind, resource_id, audience_id, membership)
    _check_price(errors, kind, unit, step_minutes, amount_cents, amount_required=False)
    if from_day is None:
        errors.add("valid_from", "required")
    errors.raise_if_any()
    key = _key_filter(kind, resource_id, audience_id, membership)
    if shown_on is not None:
        _check_cell_shown(session, key, shown_on, shown_rule)
    current = session.scalar(select(PriceRule).where(key, in_force(PriceRule, from_day)))
    if amount_cents is None:
        if current is None:
            return None
        if current.valid_from < from_day:
            current.valid_to = from_day - timedelta(days=1)
            stamp(current, actor)
        else:
            _delete_rule(session, current)
        session.flush()
        return None
    if current is not None and current.valid_from == from_day:
        current.unit = unit
        current.step_minutes = step_minutes
        current.amount_cents = amount_cents
        if label is not None:
            current.label = label
        stamp(current, actor)
        session.flush()
        return current.id
    if current is not None:
        if (current.unit, current.step_minutes, current.amount_cents) == (
            unit,
            step_minutes,
            amount_cents,
        ) and (label is None or label == current.label):
            return current.id  # nothing changes
        end = current.valid_to
        current.valid_to = from_day - timedelta(days=1)
        stamp(current, actor)
        new_label = current.label if label is None else label
    else:
        next_start = session.scalar(
            select(func.min(PriceRule.valid_from)).where(key, PriceRule.valid_from > from_day)
        )
        end = None if next_start is None else next_start - timedelta(days=1)
        new_label = label or ""
    rule = PriceRule(
        audience_id=audience_id,
        membership=membership,
        unit=unit,
        step_minutes=step_minutes,
        amount_cents=amount_cents,
        valid_from=from_day,
        valid_to=end,
        label=new_label,
    )
    set_scope(rule, kind, resource_id)
    stamp(rule, actor, created=True)
    session.add(rule)
    session.flush()
    return rule.id


def _delete_rule(session: Session, rule: PriceRule) -> None:
    used = session.scalar(select(UsageCharge.id).where(UsageCharge.rule_id == rule.id).limit(1))
    if used is not None:
        raise DomainError("price_rule_used")
    session.delete(rule)


@guarded(Permission.TARIFFS)
def delete_rule(
    db: Database, actor: int | None, rule_id: int, *, expected_version: int | None = None
) -> None:
    """Delete a rule entered by mistake; refused once a priced usage refers to it."""
    with db.write() as session:
        rule = session.get(PriceRule, rule_id)
        if rule is None:
            raise NotFound("price_rule", rule_id)
        check_version(rule, expected_version)
        _delete_rule(session, rule)


# --------------------------------------------------------------------------- grid


def _grid_resources(session: Session) -> list[GridResource]:
    out: list[GridResource] = []
    machines = session.execute(
        select(Machine.id, Machine.name, Machine.category_id)
        .join(MachineCategory, MachineCategory.id == Machine.category_id)
        .where(Machine.archived.is_(False))
        .order_by(MachineCategory.position, MachineCategory.name, Machine.name)
    )
    out += [GridResource("machine", mid, name, "", cat) for mid, name, cat in machines]
    categories = session.execute(
        select(MachineCategory.id, MachineCategory.name).order_by(
            MachineCategory.position, MachineCategory.name
        )
    )
    out += [GridResource("category", cid, name, "") for cid, name in categories]
    spaces = session.execute(
        select(Space.id, Space.name)
        .where(Space.archived.is_(False))
        .order_by(Space.position, Space.name)
    )
    out += [GridResource("space", sid, name, "") for sid, name in spaces]
    consumables = session.execute(
        select(Consumable.id, Consumable.name, Consumable.unit)
        .where(Consumable.archived.is_(False))
        .order_by(Consumable.position, Consumable.name)
    )
    out += [GridResource("consumable", cid, name, unit) for cid, name, unit in consumables]
    activities = session.execute(
        select(Activity.id, Activity.name)
        .where(Activity.archived.is_(False))
        .order_by(Activity.name)
    )
    out += [GridResource("activity", aid, name, "") for aid, name in activities]
    return out


def tariff_grid(db: Database, day: date, membership: str = "any") -> TariffGrid:
    """Resources × publics: the rule of each cell in force on ``day`` for ``membership``."""
    with db.read() as session:
        audiences: list[tuple[int | None, str]] = [(None, "")]
        audiences += [
            (aid, name)
            for aid, name in session.execute(
                select(Audience.id, Audience.name)
                .where(Audience.archived.is_(False))
                .order_by(Audience.position, Audience.name)
            )
        ]
        resources = _grid_resources(session)
        cells: dict[tuple[str, int, int | None], GridCell] = {}
        rules = session.scalars(
            select(PriceRule).where(in_force(PriceRule, day), PriceRule.membership == membership)
        )
        for rule in rules:
            kind, rid = scope_of(rule)
            assert kind is not None and rid is not None
            cells[(kind, rid, rule.audience_id)] = GridCell(
                rule.id,
                rule.amount_cents,
                rule.unit,
                rule.step_minutes,
                rule.valid_from,
                rule.valid_to,
                rule.version,
            )
        inherited = _inherited_cells(session, day, membership, audiences, resources, cells)
    return TariffGrid(day, membership, audiences, resources, cells, inherited)


def _inherited_cells(
    session: Session,
    day: date,
    membership: str,
    audiences: list[tuple[int | None, str]],
    resources: list[GridResource],
    cells: dict[tuple[str, int, int | None], GridCell],
) -> dict[tuple[str, int, int | None], InheritedCell]:
    """For every empty cell, the rule the pricing engine would apply there: the same
    lookup as when a usage is priced (own public before every public, the machine before
    its category; for members or non-members, their rules before the rules for all)."""
    views = {"any": ("any",), "member": ("any", "member"), "non_member": ("any", "non_member")}
    allowed = views.get(membership, ("any",))
    book = RuleBook(r for r in load_tariffs(session).rules if r.membership in allowed)
    names = {(r.kind, r.id): r.name for r in resources}
    out: dict[tuple[str, int, int | None], InheritedCell] = {}
    for audience_id, _name in audiences:
        customer = Customer(audience_id=audience_id, is_member=membership != "non_member")
        for res in resources:
            key = (res.kind, res.id, audience_id)
            if key in cells:
                continue
            if res.kind == "machine":
                usage = UsageToPrice(0, day, res.id, res.category_id, None, 60)
                rule = book.for_usage(usage, customer)
            else:
                rule = book.best((res.kind, res.id), day, customer)
            if rule is None:
                continue
            out[key] = InheritedCell(
                rule.id,
                rule.amount_cents,
                rule.unit,
                rule.step_minutes,
                rule.resource.kind,
                names.get((rule.resource.kind, rule.resource.id), ""),
                rule.audience_id,
                rule.membership,
            )
    return out
