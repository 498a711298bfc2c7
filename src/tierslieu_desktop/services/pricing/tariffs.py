"""Tariffs: dated price rules, the tariff grid, CSV export/import, membership fees,
reductions, quotas, pack types and consumable stock.

A price rule is keyed by (kind, resource, audience, membership). Rules of one key never
overlap in time. Changing a price never rewrites the past: :func:`set_price` closes the
rule in force the day before the change and starts a new one (see its docstring).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    Audience,
    Consumable,
    Machine,
    MachineCategory,
    MembershipFee,
    PackType,
    PriceRule,
    Quota,
    Reduction,
    Space,
    UsageCharge,
)
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.pricing import (
    MEMBERSHIP_DURATIONS,
    MEMBERSHIP_MATCHES,
    RESOURCE_KINDS,
    RULE_UNITS,
    USE_SCOPE_KINDS,
    Customer,
    RuleBook,
    UsageToPrice,
)
from tierslieu_desktop.services.common import FieldCollector, fold, stamp
from tierslieu_desktop.services.pricing.engine import load_tariffs

_KIND_MODELS = {
    "machine": Machine,
    "category": MachineCategory,
    "space": Space,
    "consumable": Consumable,
    "activity": Activity,
}
_KIND_COLUMNS = {
    "machine": "machine_id",
    "category": "category_id",
    "space": "space_id",
    "consumable": "consumable_id",
    "activity": "activity_id",
}
_KIND_ORDER = {kind: i for i, kind in enumerate(RESOURCE_KINDS)}

# CSV words (French, as the users read them).
CSV_HEADER = ("type", "ressource", "public", "adhesion", "unite", "pas_minutes", "prix", "du", "au")
CSV_EVERY_PUBLIC = "Tous publics"
_CSV_KINDS = {"machine": "machine", "category": "categorie", "space": "espace"}
_CSV_KINDS["consumable"] = "consommable"
_CSV_KINDS["activity"] = "activite"
_CSV_MEMBERSHIPS = {"any": "tous", "member": "adherent", "non_member": "non_adherent"}
_CSV_UNITS = {"hour": "heure", "session": "seance", "flat": "forfait", "consumable": "unite"}


class CsvImportError(DomainError):
    """A line of an imported tariff file is wrong: nothing was written.

    ``line`` is the line number in the file (the header is line 1), ``field`` the CSV
    column, ``problem`` a field error code ("required", "invalid", "unknown", …)."""

    def __init__(self, line: int, field: str, problem: str) -> None:
        self.line = line
        self.field = field
        self.problem = problem
        super().__init__("csv_invalid", line=line, field=field, problem=problem)


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


@dataclass(frozen=True)
class FeeRow:
    id: int
    audience_id: int | None
    audience_name: str
    duration: str
    amount_cents: int
    valid_from: date
    valid_to: date | None
    label: str


@dataclass(frozen=True)
class ReductionRow:
    id: int
    audience_id: int
    audience_name: str
    scope_kind: str | None
    scope_id: int | None
    scope_name: str
    percent_bp: int
    valid_from: date
    valid_to: date | None
    label: str


@dataclass(frozen=True)
class QuotaRow:
    id: int
    audience_id: int
    audience_name: str
    scope_kind: str | None
    scope_id: int | None
    scope_name: str
    free_minutes_per_month: int
    valid_from: date
    valid_to: date | None
    label: str


@dataclass(frozen=True)
class PackTypeRow:
    id: int
    name: str
    scope_kind: str | None
    scope_id: int | None
    scope_name: str
    minutes: int
    validity_months: int
    price_cents: int
    archived: bool


@dataclass(frozen=True)
class StockRow:
    consumable_id: int
    name: str
    unit: str
    stock_milli: int
    low_stock_milli: int | None
    low: bool


# --------------------------------------------------------------------------- helpers


class _Names:
    """Names of every resource and audience (small tables), loaded once per call."""

    def __init__(self, session: Session) -> None:
        self.by_kind: dict[str, dict[int, str]] = {
            kind: {i: n for i, n in session.execute(select(model.id, model.name))}  # type: ignore[attr-defined]
            for kind, model in _KIND_MODELS.items()
        }
        self.audiences: dict[int, str] = {
            i: n for i, n in session.execute(select(Audience.id, Audience.name))
        }

    def resource(self, kind: str | None, rid: int | None) -> str:
        if kind is None or rid is None:
            return ""
        return self.by_kind.get(kind, {}).get(rid, "")

    def audience(self, aid: int | None) -> str:
        return "" if aid is None else self.audiences.get(aid, "")


def _scope_of(obj: object) -> tuple[str | None, int | None]:
    for kind, column in _KIND_COLUMNS.items():
        value = getattr(obj, column, None)
        if value is not None:
            return kind, value
    return None, None


def _set_scope(obj: object, kind: str | None, rid: int | None) -> None:
    for k, column in _KIND_COLUMNS.items():
        if hasattr(obj, column):
            setattr(obj, column, rid if k == kind else None)


def _in_force(model: type, day: date):  # noqa: ANN202 - SQL expression
    return and_(model.valid_from <= day, or_(model.valid_to.is_(None), model.valid_to >= day))  # type: ignore[attr-defined]


def _overlaps(model: type, valid_from: date, valid_to: date | None):  # noqa: ANN202
    cond = or_(model.valid_to.is_(None), model.valid_to >= valid_from)  # type: ignore[attr-defined]
    if valid_to is not None:
        cond = and_(cond, model.valid_from <= valid_to)  # type: ignore[attr-defined]
    return cond


def _rule_row(rule: PriceRule, names: _Names) -> PriceRuleRow:
    kind, rid = _scope_of(rule)
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
    )


def _key_filter(kind: str, resource_id: int, audience_id: int | None, membership: str):  # noqa: ANN202
    column = getattr(PriceRule, _KIND_COLUMNS[kind])
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
    elif session.get(_KIND_MODELS[kind], resource_id) is None:
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


def _check_dates(errors: FieldCollector, valid_from: date | None, valid_to: date | None) -> None:
    if valid_from is None:
        errors.add("valid_from", "required")
    elif valid_to is not None and valid_to < valid_from:
        errors.add("valid_to", "dates")


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
        stmt = stmt.where(_in_force(PriceRule, on))
    if kind is not None:
        column = getattr(PriceRule, _KIND_COLUMNS[kind])
        stmt = stmt.where(column.is_not(None) if resource_id is None else column == resource_id)
    with db.read() as session:
        names = _Names(session)
        positions = {i: p for i, p in session.execute(select(Audience.id, Audience.position))}
        rows = [_rule_row(r, names) for r in session.scalars(stmt)]
    return sorted(rows, key=lambda r: _rule_sort_key(r, positions))


def _rule_sort_key(row: PriceRuleRow, positions: dict[int, int]) -> tuple:
    return (
        _KIND_ORDER[row.kind],
        fold(row.resource_name),
        row.resource_id,
        -1 if row.audience_id is None else positions.get(row.audience_id, 0),
        MEMBERSHIP_MATCHES.index(row.membership) if row.membership != "any" else -1,
        row.valid_from,
    )


def rule_history(
    db: Database, kind: str, resource_id: int, audience_id: int | None, membership: str
) -> list[PriceRuleRow]:
    """Every rule of one key, oldest first."""
    with db.read() as session:
        names = _Names(session)
        rules = session.scalars(
            select(PriceRule)
            .where(_key_filter(kind, resource_id, audience_id, membership))
            .order_by(PriceRule.valid_from)
        )
        return [_rule_row(r, names) for r in rules]


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
) -> int:
    """Create or edit one rule (all its fields). Overlapping another rule of the same
    key is refused: ``{"valid_from": "price_rule_overlap"}``."""
    with db.write() as session:
        errors = FieldCollector()
        _check_key(session, errors, kind, resource_id, audience_id, membership)
        _check_price(errors, kind, unit, step_minutes, amount_cents)
        _check_dates(errors, valid_from, valid_to)
        errors.raise_if_any()
        rule = None
        if rule_id is not None:
            rule = session.get(PriceRule, rule_id)
            if rule is None:
                raise NotFound("price_rule", rule_id)
        clash = session.scalar(
            select(PriceRule.id).where(
                _key_filter(kind, resource_id, audience_id, membership),
                _overlaps(PriceRule, valid_from, valid_to),
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
        _set_scope(rule, kind, resource_id)
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
) -> int | None:
    """The grid edit: the price of one key from ``from_day`` on, the past untouched.

    The rule in force on ``from_day`` (if it started earlier) is closed on
    ``from_day - 1`` and a new rule starts on ``from_day``, ending where the old one
    ended; without a rule in force, the new rule ends the day before the next one.
    A rule starting on ``from_day`` is updated in place. ``amount_cents`` None closes
    the price from ``from_day``. Returns the id of the rule in force on ``from_day``."""
    with db.write() as session:
        return _set_price(
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
        )


def _set_price(
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
) -> int | None:
    errors = FieldCollector()
    _check_key(session, errors, kind, resource_id, audience_id, membership)
    _check_price(errors, kind, unit, step_minutes, amount_cents, amount_required=False)
    if from_day is None:
        errors.add("valid_from", "required")
    errors.raise_if_any()
    key = _key_filter(kind, resource_id, audience_id, membership)
    current = session.scalar(select(PriceRule).where(key, _in_force(PriceRule, from_day)))
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
    _set_scope(rule, kind, resource_id)
    stamp(rule, actor, created=True)
    session.add(rule)
    session.flush()
    return rule.id


def _delete_rule(session: Session, rule: PriceRule) -> None:
    used = session.scalar(select(UsageCharge.id).where(UsageCharge.rule_id == rule.id).limit(1))
    if used is not None:
        raise DomainError("price_rule_used")
    session.delete(rule)


def delete_rule(db: Database, actor: int | None, rule_id: int) -> None:
    """Delete a rule entered by mistake; refused once a priced usage refers to it."""
    with db.write() as session:
        rule = session.get(PriceRule, rule_id)
        if rule is None:
            raise NotFound("price_rule", rule_id)
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
            select(PriceRule).where(_in_force(PriceRule, day), PriceRule.membership == membership)
        )
        for rule in rules:
            kind, rid = _scope_of(rule)
            assert kind is not None and rid is not None
            cells[(kind, rid, rule.audience_id)] = GridCell(
                rule.id,
                rule.amount_cents,
                rule.unit,
                rule.step_minutes,
                rule.valid_from,
                rule.valid_to,
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


# --------------------------------------------------------------------------- CSV


def _csv_money(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def _csv_date(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


def export_rules_csv(db: Database, day: date | None = None) -> str:
    """The rules as CSV text (';', decimal comma, French words; the caller adds the
    BOM). ``day`` None = every rule (history); a day = the rules in force that day."""
    rows = list_rules(db, on=day)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in rows:  # list_rules order: the history of a key is consecutive, oldest first
        writer.writerow(
            (
                _CSV_KINDS[r.kind],
                r.resource_name,
                r.audience_name or CSV_EVERY_PUBLIC,
                _CSV_MEMBERSHIPS[r.membership],
                _CSV_UNITS[r.unit],
                "" if r.step_minutes is None else str(r.step_minutes),
                _csv_money(r.amount_cents),
                _csv_date(r.valid_from),
                _csv_date(r.valid_to),
            )
        )
    return out.getvalue()


_AMOUNT = re.compile(r"^(\d+)(?:[.,](\d{1,2}))?$")


def parse_amount(text: str) -> int | None:
    """ "15,00", "15", "15,5", "15.50 €", "1 200,00" → cents; None when not an amount."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text)
    match = _AMOUNT.match(cleaned)
    if match is None:
        return None
    euros, decimals = match.group(1), (match.group(2) or "").ljust(2, "0")
    return int(euros) * 100 + int(decimals)


def _parse_date(text: str) -> date | None:
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _reverse(mapping: dict[str, str]) -> dict[str, str]:
    return {fold(v): k for k, v in mapping.items()}


def import_rules_csv(db: Database, actor: int | None, text: str, from_day: date) -> int:
    """Apply a tariff file: each line sets a price (as :func:`set_price`) from the later
    of its "du" date and ``from_day``. One transaction: a bad line raises
    :class:`CsvImportError` and nothing is written. Returns the number of prices set."""
    text = text.lstrip("\ufeff")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not lines or tuple(fold(c.strip()) for c in lines[0]) != CSV_HEADER:
        raise CsvImportError(1, "header", "header")
    kinds, memberships, units = (
        _reverse(_CSV_KINDS),
        _reverse(_CSV_MEMBERSHIPS),
        _reverse(_CSV_UNITS),
    )
    count = 0
    with db.write() as session:
        by_name = {
            kind: {fold(name): rid for rid, name in session.execute(select(model.id, model.name))}  # type: ignore[attr-defined]
            for kind, model in _KIND_MODELS.items()
        }
        audiences = {fold(n): aid for aid, n in session.execute(select(Audience.id, Audience.name))}
        for number, cells in enumerate(lines[1:], start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(CSV_HEADER):
                raise CsvImportError(number, "ligne", "columns")
            v = dict(zip(CSV_HEADER, (c.strip() for c in cells), strict=True))
            kind = kinds.get(fold(v["type"]))
            if kind is None:
                raise CsvImportError(number, "type", "invalid")
            resource_id = by_name[kind].get(fold(v["ressource"]))
            if resource_id is None:
                raise CsvImportError(number, "ressource", "unknown")
            if not v["public"] or fold(v["public"]) == fold(CSV_EVERY_PUBLIC):
                audience_id = None
            else:
                audience_id = audiences.get(fold(v["public"]))
                if audience_id is None:
                    raise CsvImportError(number, "public", "unknown")
            membership = memberships.get(fold(v["adhesion"] or "tous"))
            if membership is None:
                raise CsvImportError(number, "adhesion", "invalid")
            unit = units.get(fold(v["unite"]))
            if unit is None or (unit == "consumable") != (kind == "consumable"):
                raise CsvImportError(number, "unite", "invalid")
            step = None
            if v["pas_minutes"]:
                if not v["pas_minutes"].isdigit() or int(v["pas_minutes"]) < 1 or unit != "hour":
                    raise CsvImportError(number, "pas_minutes", "invalid")
                step = int(v["pas_minutes"])
            if not v["prix"]:
                raise CsvImportError(number, "prix", "required")
            amount = parse_amount(v["prix"])
            if amount is None:
                raise CsvImportError(number, "prix", "invalid")
            start = _parse_date(v["du"]) if v["du"] else from_day
            if start is None:
                raise CsvImportError(number, "du", "invalid")
            end = None
            if v["au"]:
                end = _parse_date(v["au"])
                if end is None:
                    raise CsvImportError(number, "au", "invalid")
                if end < start:
                    raise CsvImportError(number, "au", "dates")
            start = max(start, from_day)
            if end is not None and end < start:
                continue  # a closed rule of the past: the past is never rewritten
            try:
                rule_id = _set_price(
                    session,
                    actor,
                    kind=kind,
                    resource_id=resource_id,
                    audience_id=audience_id,
                    membership=membership,
                    unit=unit,
                    step_minutes=step,
                    amount_cents=amount,
                    from_day=start,
                )
            except ValidationError as exc:
                raise CsvImportError(number, "prix", next(iter(exc.fields.values()))) from exc
            if end is not None and rule_id is not None:
                rule = session.get(PriceRule, rule_id)
                assert rule is not None
                if rule.valid_to is None or rule.valid_to > end:
                    rule.valid_to = end
            count += 1
    return count


# --------------------------------------------------------------------------- fees


def _fee_row(fee: MembershipFee, names: _Names) -> FeeRow:
    return FeeRow(
        fee.id,
        fee.audience_id,
        names.audience(fee.audience_id),
        fee.duration,
        fee.amount_cents,
        fee.valid_from,
        fee.valid_to,
        fee.label,
    )


def list_fees(db: Database, on: date | None = None) -> list[FeeRow]:
    stmt = select(MembershipFee)
    if on is not None:
        stmt = stmt.where(_in_force(MembershipFee, on))
    with db.read() as session:
        names = _Names(session)
        positions = {i: p for i, p in session.execute(select(Audience.id, Audience.position))}
        fees = list(session.scalars(stmt))
        fees.sort(
            key=lambda f: (
                -1 if f.audience_id is None else positions.get(f.audience_id, 0),
                MEMBERSHIP_DURATIONS.index(f.duration),
                f.valid_from,
            )
        )
        return [_fee_row(f, names) for f in fees]


def save_fee(
    db: Database,
    actor: int | None,
    *,
    fee_id: int | None = None,
    audience_id: int | None,
    duration: str,
    amount_cents: int,
    valid_from: date,
    valid_to: date | None,
    label: str = "",
) -> int:
    """Create or edit a membership fee; overlapping one of the same (audience,
    duration) is refused: ``{"valid_from": "fee_overlap"}``."""
    with db.write() as session:
        errors = FieldCollector()
        if audience_id is not None and session.get(Audience, audience_id) is None:
            errors.add("audience_id", "unknown")
        if duration not in MEMBERSHIP_DURATIONS:
            errors.add("duration", "invalid")
        if amount_cents is None:
            errors.add("amount_cents", "required")
        elif amount_cents < 0:
            errors.add("amount_cents", "negative")
        _check_dates(errors, valid_from, valid_to)
        errors.raise_if_any()
        same_audience = (
            MembershipFee.audience_id.is_(None)
            if audience_id is None
            else MembershipFee.audience_id == audience_id
        )
        clash = session.scalar(
            select(MembershipFee.id).where(
                same_audience,
                MembershipFee.duration == duration,
                _overlaps(MembershipFee, valid_from, valid_to),
                MembershipFee.id != (fee_id or 0),
            )
        )
        if clash is not None:
            raise ValidationError({"valid_from": "fee_overlap"})
        fee = _get_or_new(session, MembershipFee, fee_id, actor)
        fee.audience_id = audience_id
        fee.duration = duration
        fee.amount_cents = amount_cents
        fee.valid_from = valid_from
        fee.valid_to = valid_to
        fee.label = label.strip()
        session.flush()
        return fee.id


def fee_for(db: Database, audience_id: int | None, duration: str, day: date) -> FeeRow | None:
    """The fee in force on ``day`` for the public and duration; the every-public fee
    of that duration when the public has none of its own."""
    with db.read() as session:
        names = _Names(session)
        candidates = [audience_id, None] if audience_id is not None else [None]
        for aid in candidates:
            same = (
                MembershipFee.audience_id.is_(None)
                if aid is None
                else MembershipFee.audience_id == aid
            )
            fee = session.scalar(
                select(MembershipFee)
                .where(same, MembershipFee.duration == duration, _in_force(MembershipFee, day))
                .order_by(MembershipFee.valid_from.desc())
            )
            if fee is not None:
                return _fee_row(fee, names)
    return None


def _get_or_new(session: Session, model: type, obj_id: int | None, actor: int | None):  # noqa: ANN202
    if obj_id is None:
        obj = model()
        session.add(obj)
        stamp(obj, actor, created=True)
        return obj
    obj = session.get(model, obj_id)
    if obj is None:
        raise NotFound(model.__tablename__, obj_id)  # type: ignore[attr-defined]
    stamp(obj, actor)
    return obj


# --------------------------------------------------------------------------- reductions


def _check_scope(
    session: Session,
    errors: FieldCollector,
    scope_kind: str | None,
    scope_id: int | None,
    allowed: tuple[str, ...],
) -> None:
    if scope_kind is None:
        if scope_id is not None:
            errors.add("scope_kind", "required")
        return
    if scope_kind not in allowed:
        errors.add("scope_kind", "invalid")
    elif scope_id is None:
        errors.add("scope_id", "required")
    elif session.get(_KIND_MODELS[scope_kind], scope_id) is None:
        errors.add("scope_id", "unknown")


def _check_audience(session: Session, errors: FieldCollector, audience_id: int | None) -> None:
    if audience_id is None:
        errors.add("audience_id", "required")
    elif session.get(Audience, audience_id) is None:
        errors.add("audience_id", "unknown")


def _scoped_rows(db: Database, model: type, row_cls: type, value: str, on: date | None) -> list:
    """Reductions or quotas (in force on ``on``, or all) as rows: public, scope and its
    names, the value (percent or free minutes), validity and label."""
    stmt = select(model).order_by(model.valid_from, model.id)  # type: ignore[attr-defined]
    if on is not None:
        stmt = stmt.where(_in_force(model, on))
    with db.read() as session:
        names = _Names(session)
        out = []
        for r in session.scalars(stmt):
            kind, sid = _scope_of(r)
            out.append(
                row_cls(
                    r.id,
                    r.audience_id,
                    names.audience(r.audience_id),
                    kind,
                    sid,
                    names.resource(kind, sid),
                    getattr(r, value),
                    r.valid_from,
                    r.valid_to,
                    r.label,
                )
            )
        return out


def list_reductions(db: Database, on: date | None = None) -> list[ReductionRow]:
    return _scoped_rows(db, Reduction, ReductionRow, "percent_bp", on)


def save_reduction(
    db: Database,
    actor: int | None,
    *,
    reduction_id: int | None = None,
    audience_id: int,
    scope_kind: str | None,
    scope_id: int | None,
    percent_bp: int,
    valid_from: date,
    valid_to: date | None,
    label: str = "",
) -> int:
    """A percentage (basis points, 5000 = 50 %) off for a public, on every machine or
    space use (scope None) or on one resource."""
    with db.write() as session:
        errors = FieldCollector()
        _check_audience(session, errors, audience_id)
        _check_scope(session, errors, scope_kind, scope_id, USE_SCOPE_KINDS)
        if percent_bp is None:
            errors.add("percent_bp", "required")
        elif not 0 < percent_bp <= 10_000:
            errors.add("percent_bp", "percent")
        _check_dates(errors, valid_from, valid_to)
        errors.raise_if_any()
        red = _get_or_new(session, Reduction, reduction_id, actor)
        red.audience_id = audience_id
        _set_scope(red, scope_kind, scope_id)
        red.percent_bp = percent_bp
        red.valid_from = valid_from
        red.valid_to = valid_to
        red.label = label.strip()
        session.flush()
        return red.id


def _end(db: Database, actor: int | None, model: type, obj_id: int, last_day: date) -> None:
    with db.write() as session:
        obj = session.get(model, obj_id)
        if obj is None:
            raise NotFound(model.__tablename__, obj_id)  # type: ignore[attr-defined]
        if last_day < obj.valid_from:
            raise ValidationError({"valid_to": "dates"})
        obj.valid_to = last_day
        stamp(obj, actor)


def end_reduction(db: Database, actor: int | None, reduction_id: int, last_day: date) -> None:
    """The reduction no longer applies after ``last_day``."""
    _end(db, actor, Reduction, reduction_id, last_day)


# --------------------------------------------------------------------------- quotas

_TIME_SCOPES = ("machine", "category", "space")


def list_quotas(db: Database, on: date | None = None) -> list[QuotaRow]:
    return _scoped_rows(db, Quota, QuotaRow, "free_minutes_per_month", on)


def save_quota(
    db: Database,
    actor: int | None,
    *,
    quota_id: int | None = None,
    audience_id: int,
    scope_kind: str | None,
    scope_id: int | None,
    free_minutes_per_month: int,
    valid_from: date,
    valid_to: date | None,
    label: str = "",
) -> int:
    """Free minutes each month for a public, on a machine, a category, a space or
    every machine/space use (scope None)."""
    with db.write() as session:
        errors = FieldCollector()
        _check_audience(session, errors, audience_id)
        _check_scope(session, errors, scope_kind, scope_id, _TIME_SCOPES)
        if free_minutes_per_month is None:
            errors.add("free_minutes_per_month", "required")
        elif free_minutes_per_month <= 0:
            errors.add("free_minutes_per_month", "positive")
        _check_dates(errors, valid_from, valid_to)
        errors.raise_if_any()
        quota = _get_or_new(session, Quota, quota_id, actor)
        quota.audience_id = audience_id
        _set_scope(quota, scope_kind, scope_id)
        quota.free_minutes_per_month = free_minutes_per_month
        quota.valid_from = valid_from
        quota.valid_to = valid_to
        quota.label = label.strip()
        session.flush()
        return quota.id


def end_quota(db: Database, actor: int | None, quota_id: int, last_day: date) -> None:
    """The quota no longer applies after ``last_day``."""
    _end(db, actor, Quota, quota_id, last_day)


# --------------------------------------------------------------------------- pack types


def list_pack_types(db: Database, include_archived: bool = False) -> list[PackTypeRow]:
    stmt = select(PackType).order_by(PackType.archived, PackType.name)
    if not include_archived:
        stmt = stmt.where(PackType.archived.is_(False))
    with db.read() as session:
        names = _Names(session)
        out = []
        for p in session.scalars(stmt):
            kind, sid = _scope_of(p)
            out.append(
                PackTypeRow(
                    p.id,
                    p.name,
                    kind,
                    sid,
                    names.resource(kind, sid),
                    p.minutes,
                    p.validity_months,
                    p.price_cents,
                    p.archived,
                )
            )
        return out


def save_pack_type(
    db: Database,
    actor: int | None,
    *,
    pack_type_id: int | None = None,
    name: str,
    scope_kind: str | None,
    scope_id: int | None,
    minutes: int,
    validity_months: int,
    price_cents: int,
) -> int:
    """A prepaid pack on sale, e.g. "Laser 10 h": 600 minutes valid 12 months, 150 €."""
    name = (name or "").strip()
    with db.write() as session:
        errors = FieldCollector()
        if not name:
            errors.add("name", "required")
        else:
            clash = session.scalar(
                select(PackType.id).where(func.lower(PackType.name) == name.lower())
            )
            if clash is not None and clash != pack_type_id:
                errors.add("name", "name_taken")
        _check_scope(session, errors, scope_kind, scope_id, _TIME_SCOPES)
        for field, value in (("minutes", minutes), ("validity_months", validity_months)):
            if value is None:
                errors.add(field, "required")
            elif value <= 0:
                errors.add(field, "positive")
        if price_cents is None:
            errors.add("price_cents", "required")
        elif price_cents < 0:
            errors.add("price_cents", "negative")
        errors.raise_if_any()
        pack = _get_or_new(session, PackType, pack_type_id, actor)
        pack.name = name
        _set_scope(pack, scope_kind, scope_id)
        pack.minutes = minutes
        pack.validity_months = validity_months
        pack.price_cents = price_cents
        if pack_type_id is None:
            pack.archived = False
        session.flush()
        return pack.id


def set_pack_type_archived(
    db: Database, actor: int | None, pack_type_id: int, archived: bool
) -> None:
    """An archived pack type is no longer on sale; packs already bought keep it."""
    with db.write() as session:
        pack = session.get(PackType, pack_type_id)
        if pack is None:
            raise NotFound("pack_type", pack_type_id)
        pack.archived = archived
        stamp(pack, actor)


# --------------------------------------------------------------------------- stock


def set_consumable_stock(
    db: Database,
    actor: int | None,
    consumable_id: int,
    stock_milli: int | None,
    low_stock_milli: int | None,
) -> None:
    """Follow a consumable's stock (thousandths of its unit); None = not followed.
    ``actor`` is accepted for symmetry: the consumable table has no audit columns."""
    with db.write() as session:
        consumable = session.get(Consumable, consumable_id)
        if consumable is None:
            raise NotFound("consumable", consumable_id)
        errors = FieldCollector()
        if stock_milli is not None and stock_milli < 0:
            errors.add("stock_milli", "negative")
        if low_stock_milli is not None and low_stock_milli < 0:
            errors.add("low_stock_milli", "negative")
        errors.raise_if_any()
        consumable.stock_milli = stock_milli
        consumable.low_stock_milli = None if stock_milli is None else low_stock_milli


def stock_levels(db: Database) -> list[StockRow]:
    """Followed consumables (not archived); ``low`` when the stock is at or under its
    threshold."""
    with db.read() as session:
        rows = session.execute(
            select(
                Consumable.id,
                Consumable.name,
                Consumable.unit,
                Consumable.stock_milli,
                Consumable.low_stock_milli,
            )
            .where(Consumable.stock_milli.is_not(None), Consumable.archived.is_(False))
            .order_by(Consumable.position, Consumable.name)
        )
        return [
            StockRow(cid, name, unit, stock, low, low is not None and stock <= low)
            for cid, name, unit, stock, low in rows
        ]


__all__ = [
    "CSV_HEADER",
    "CsvImportError",
    "FeeRow",
    "GridCell",
    "GridResource",
    "PackTypeRow",
    "PriceRuleRow",
    "QuotaRow",
    "ReductionRow",
    "StockRow",
    "TariffGrid",
    "delete_rule",
    "end_quota",
    "end_reduction",
    "export_rules_csv",
    "fee_for",
    "import_rules_csv",
    "list_fees",
    "list_pack_types",
    "list_quotas",
    "list_reductions",
    "list_rules",
    "parse_amount",
    "rule_history",
    "save_fee",
    "save_pack_type",
    "save_quota",
    "save_reduction",
    "save_rule",
    "set_consumable_stock",
    "set_price",
    "stock_levels",
    "tariff_grid",
]
