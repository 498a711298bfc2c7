"""Funders, grants, in-kind contributions, expenses, budget — and the revenue balance.

Rules of the balance (issue 6; pure parts in domain/finance.py):

- OWN revenue of a period = invoice lines (excl. VAT) issued in it, credit notes
  subtracted on their own issue date; wallet top-ups are not revenue (counted when spent
  through usages, so excluded here) + usages before ``Structure.invoicing_start`` at their
  frozen charged price on their local day (billed outside the software) + the fee of
  memberships starting before ``invoicing_start``, on their start day + the tickets of
  workshop/training sessions held before it (seated, not absent or excused), on the
  session's day. Revenue kinds ->
  categories: usage, pack, training, service -> "services" (706); consumable, sale ->
  "sales" (707); membership -> "memberships" (756); other -> "other" (708).
- PUBLIC / PRIVATE funding = grants by their funder's sector, keyed by funder level: an
  operating grant's granted amount spread evenly over the days of its period; an
  investment grant spread over the depreciation years of its machines (the longest of its
  GrantMachine machines; 5 years without) from its period start (777 release); a donation
  counted on its ``granted_on`` day. Grants not granted (``granted_cents`` None) count
  nothing. In-kind contributions: value in 12 equal monthly shares of their year, public
  or private by their funder's sector, keyed by its level; volunteering (no funder) is
  private under the key "volunteering". They are counted once in revenue AND once in
  costs (category "in_kind", accounts 86/87): the result does not change.
- COSTS = expenses (on their day) + machine depreciation (purchase value spread evenly
  over ``depreciation_years`` years from the purchase date; None = not depreciated; added
  to the "depreciation" category) + in-kind contributions.
- Self-financing ratio = own ÷ costs; public share = public ÷ total revenue (basis points).
  Identities: own + public + private = total revenue; the months add up to the period.
- Reduced/free access by public = per audience of the payer (the usage's organisation,
  else its member): Σ list, Σ charged, Σ (list − charged) of the period's usage charges
  (billed outside the software or not).
- Cost recovery per machine: minutes used, charged revenue, cost = expenses with that
  machine + its depreciation in the period; per hour = amount × 60 ÷ minutes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, case, delete, func, literal, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    AccountMapping,
    Activity,
    ActivitySession,
    Audience,
    BudgetLine,
    Expense,
    Funder,
    Grant,
    GrantMachine,
    GrantPayment,
    InKindContribution,
    Invoice,
    InvoiceLine,
    Machine,
    Member,
    Membership,
    Registration,
    Structure,
    Usage,
    UsageCharge,
)
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.calendar import PARIS, local_day_bounds
from tierslieu_desktop.domain.errors import NotFound, ValidationError
from tierslieu_desktop.services.activity.sessions import payable_tickets
from tierslieu_desktop.services.common import FieldCollector, stamp
from tierslieu_desktop.services.pricing.tariff_csv import CsvImportError

NAME_MAX = 200
PURPOSE_MAX = 300
LABEL_MAX = 300
SUPPLIER_MAX = 200

# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class FunderRow:
    id: int
    name: str
    sector: str
    level: str
    contact: str
    notes: str
    archived: bool


@dataclass(frozen=True)
class GrantRow:
    id: int
    funder_id: int
    funder_name: str
    sector: str
    level: str
    purpose: str
    nature: str
    period_start: date
    period_end: date
    requested_cents: int
    requested_on: date | None
    granted_cents: int | None
    granted_on: date | None
    received_cents: int
    actions: str
    planned_budget: dict[str, int]
    report_due: date | None
    report_status: str
    machine_ids: list[int]
    notes: str


@dataclass(frozen=True)
class InKindRow:
    id: int
    funder_id: int | None
    funder_name: str
    year: int
    kind: str
    description: str
    hours: int | None
    value_cents: int


@dataclass(frozen=True)
class ExpenseRow:
    id: int
    day: date
    category: str
    activity: str
    amount_cents: int
    label: str
    supplier: str
    machine_id: int | None
    machine_name: str
    grant_id: int | None


@dataclass(frozen=True)
class MonthFigures:
    month: date
    own: dict[str, int]  # by category
    public: dict[str, int]  # by funder level
    private: dict[str, int]  # by funder level ("volunteering" for volunteers)
    costs: dict[str, int]  # by category (expense categories + "in_kind")

    @property
    def own_cents(self) -> int:
        return sum(self.own.values())

    @property
    def public_cents(self) -> int:
        return sum(self.public.values())

    @property
    def private_cents(self) -> int:
        return sum(self.private.values())

    @property
    def costs_cents(self) -> int:
        return sum(self.costs.values())


@dataclass(frozen=True)
class MachineRecovery:
    machine_id: int
    name: str
    minutes: int
    revenue_cents: int
    cost_cents: int
    revenue_per_hour_cents: int | None
    cost_per_hour_cents: int | None


@dataclass(frozen=True)
class Balance:
    first_day: date
    last_day: date
    months: list[MonthFigures]
    own_cents: int
    public_cents: int
    private_cents: int
    total_revenue_cents: int
    costs_cents: int
    result_cents: int
    self_financing_bp: int | None
    public_share_bp: int | None
    public_by_level: dict[str, int]
    private_by_level: dict[str, int]
    own_by_category: dict[str, int]
    reduced_access_by_audience: dict[str, tuple[int, int, int]]  # name -> (list, charged, given)
    machines: list[MachineRecovery]
    budget: dict[tuple[str, str], tuple[int, int]]  # (side, category) -> (budget, actual)
    costs_by_category: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DetailRow:
    day: date
    source: str  # invoice, credit_note, usage, registration, membership, grant, in_kind,
    # expense, depreciation
    label: str
    amount_cents: int
    reference: str


# --------------------------------------------------------------------------- helpers


def _text(fc: FieldCollector, name: str, value: str, max_len: int, *, required: bool) -> str:
    value = (value or "").strip()
    if required and not value:
        fc.add(name, "required")
    elif len(value) > max_len:
        fc.add(name, "too_long")
    return value


def _choice(fc: FieldCollector, name: str, value: str | None, allowed: Iterable[str]) -> None:
    if not value:
        fc.add(name, "required")
    elif value not in tuple(allowed):
        fc.add(name, "unknown")


def _amount(fc: FieldCollector, name: str, value: int | None, *, required: bool = True) -> None:
    if value is None:
        if required:
            fc.add(name, "required")
    elif not isinstance(value, int) or isinstance(value, bool):
        fc.add(name, "amount_invalid")
    elif value < 0:
        fc.add(name, "amount_negative")


def _get(session: Session, model: type, obj_id: int, entity: str):  # type: ignore[no-untyped-def]
    obj = session.get(model, obj_id)
    if obj is None:
        raise NotFound(entity, obj_id)
    return obj


# --------------------------------------------------------------------------- funders


def _funder_row(f: Funder) -> FunderRow:
    return FunderRow(f.id, f.name, f.sector, f.level, f.contact, f.notes, f.archived)


def list_funders(db: Database, include_archived: bool = False) -> list[FunderRow]:
    with db.read() as s:
        q = select(Funder).order_by(Funder.name)
        if not include_archived:
            q = q.where(Funder.archived.is_(False))
        return [_funder_row(f) for f in s.scalars(q)]


def save_funder(
    db: Database,
    actor: int | None,
    *,
    funder_id: int | None = None,
    name: str,
    sector: str,
    level: str,
    contact: str = "",
    notes: str = "",
    archived: bool | None = None,
) -> int:
    """Create or update a funder (public or private, with its level). Returns its id."""
    fc = FieldCollector()
    name = _text(fc, "name", name, NAME_MAX, required=True)
    _choice(fc, "sector", sector, rules.SECTORS)
    _choice(fc, "level", level, rules.FUNDER_LEVELS)
    with db.write() as s:
        if name:
            other = s.scalar(select(Funder.id).where(func.lower(Funder.name) == name.lower()))
            if other is not None and other != funder_id:
                fc.add("name", "name_taken")
        fc.raise_if_any()
        if funder_id is None:
            f = Funder(name=name, sector=sector, level=level)
            stamp(f, actor, created=True)
            s.add(f)
        else:
            f = _get(s, Funder, funder_id, "funder")
            stamp(f, actor)
        f.name, f.sector, f.level = name, sector, level
        f.contact, f.notes = contact or "", notes or ""
        if archived is not None:
            f.archived = archived
        s.flush()
        return f.id


# --------------------------------------------------------------------------- grants


def _grant_rows(s: Session, grants: Sequence[Grant]) -> list[GrantRow]:
    if not grants:
        return []
    ids = [g.id for g in grants]
    funders = {f.id: f for f in s.scalars(select(Funder))}
    received = dict(
        s.execute(
            select(GrantPayment.grant_id, func.sum(GrantPayment.amount_cents))
            .where(GrantPayment.grant_id.in_(ids))
            .group_by(GrantPayment.grant_id)
        ).all()
    )
    machines: dict[int, list[int]] = {}
    for gid, mid in s.execute(
        select(GrantMachine.grant_id, GrantMachine.machine_id)
        .where(GrantMachine.grant_id.in_(ids))
        .order_by(GrantMachine.machine_id)
    ):
        machines.setdefault(gid, []).append(mid)
    out = []
    for g in grants:
        f = funders[g.funder_id]
        try:
            planned = {str(k): int(v) for k, v in json.loads(g.planned_budget_json or "{}").items()}
        except (ValueError, AttributeError):
            planned = {}
        out.append(
            GrantRow(
                id=g.id,
                funder_id=g.funder_id,
                funder_name=f.name,
                sector=f.sector,
                level=f.level,
                purpose=g.purpose,
                nature=g.nature,
                period_start=g.period_start,
                period_end=g.period_end,
                requested_cents=g.requested_cents,
                requested_on=g.requested_on,
                granted_cents=g.granted_cents,
                granted_on=g.granted_on,
                received_cents=int(received.get(g.id) or 0),
                actions=g.actions,
                planned_budget=planned,
                report_due=g.report_due,
                report_status=g.report_status,
                machine_ids=machines.get(g.id, []),
                notes=g.notes,
            )
        )
    return out


def list_grants(db: Database, *, year: int | None = None) -> list[GrantRow]:
    """Grants, newest period first; with ``year``, those whose period meets that year."""
    with db.read() as s:
        q = select(Grant).order_by(Grant.period_start.desc(), Grant.id.desc())
        if year is not None:
            q = q.where(
                Grant.period_start <= date(year, 12, 31), Grant.period_end >= date(year, 1, 1)
            )
        return _grant_rows(s, list(s.scalars(q)))


def get_grant(db: Database, grant_id: int) -> GrantRow:
    with db.read() as s:
        return _grant_rows(s, [_get(s, Grant, grant_id, "grant")])[0]


def save_grant(
    db: Database,
    actor: int | None,
    *,
    grant_id: int | None = None,
    funder_id: int,
    purpose: str,
    nature: str,
    period_start: date,
    period_end: date,
    requested_cents: int,
    requested_on: date | None = None,
    granted_cents: int | None = None,
    granted_on: date | None = None,
    actions: str = "",
    planned_budget: dict[str, int] | None = None,
    report_due: date | None = None,
    report_status: str = "none",
    machine_ids: Iterable[int] = (),
    notes: str = "",
) -> int:
    """Create or update a grant and the machines it finances. Returns its id."""
    fc = FieldCollector()
    purpose = _text(fc, "purpose", purpose, PURPOSE_MAX, required=True)
    _choice(fc, "nature", nature, rules.GRANT_NATURES)
    _choice(fc, "report_status", report_status, rules.REPORT_STATUSES)
    if period_start is None:
        fc.add("period_start", "required")
    if period_end is None:
        fc.add("period_end", "required")
    if period_start and period_end and period_end < period_start:
        fc.add("period_end", "end_before_start")
    _amount(fc, "requested_cents", requested_cents)
    _amount(fc, "granted_cents", granted_cents, required=False)
    if nature == "donation" and granted_cents is not None and granted_on is None:
        fc.add("granted_on", "required")
    budget = dict(planned_budget or {})
    for value in budget.values():
        if not isinstance(value, int) or value < 0:
            fc.add("planned_budget", "amount_invalid")
    machine_ids = sorted(set(machine_ids))
    with db.write() as s:
        if funder_id is None or s.get(Funder, funder_id) is None:
            fc.add("funder_id", "required")
        for mid in machine_ids:
            if s.get(Machine, mid) is None:
                fc.add("machine_ids", "unknown")
        fc.raise_if_any()
        if grant_id is None:
            g = Grant(funder_id=funder_id, purpose=purpose)
            stamp(g, actor, created=True)
            s.add(g)
        else:
            g = _get(s, Grant, grant_id, "grant")
            stamp(g, actor)
        g.funder_id, g.purpose, g.nature = funder_id, purpose, nature
        g.period_start, g.period_end = period_start, period_end
        g.requested_cents, g.requested_on = requested_cents, requested_on
        g.granted_cents, g.granted_on = granted_cents, granted_on
        g.actions = actions or ""
        g.planned_budget_json = json.dumps(budget, sort_keys=True)
        g.report_due, g.report_status, g.notes = report_due, report_status, notes or ""
        s.flush()
        s.execute(delete(GrantMachine).where(GrantMachine.grant_id == g.id))
        for mid in machine_ids:
            s.add(GrantMachine(grant_id=g.id, machine_id=mid))
        s.flush()
        return g.id


def add_grant_payment(
    db: Database,
    actor: int | None,
    grant_id: int,
    received_on: date,
    amount_cents: int,
    note: str = "",
) -> int:
    """Record an amount of a grant received on a day. Returns the payment id."""
    fc = FieldCollector()
    if received_on is None:
        fc.add("received_on", "required")
    if not isinstance(amount_cents, int) or amount_cents <= 0:
        fc.add("amount_cents", "amount_not_positive")
    fc.raise_if_any()
    with db.write() as s:
        g = _get(s, Grant, grant_id, "grant")
        stamp(g, actor)
        p = GrantPayment(
            grant_id=grant_id, received_on=received_on, amount_cents=amount_cents, note=note or ""
        )
        s.add(p)
        s.flush()
        return p.id


def grant_payments(db: Database, grant_id: int) -> list[tuple[int, date, int, str]]:
    """(id, received_on, amount_cents, note) of a grant, oldest first."""
    with db.read() as s:
        return [
            (p.id, p.received_on, p.amount_cents, p.note)
            for p in s.scalars(
                select(GrantPayment)
                .where(GrantPayment.grant_id == grant_id)
                .order_by(GrantPayment.received_on, GrantPayment.id)
            )
        ]


def reports_due(db: Database, today: date, within_days: int = 30) -> list[GrantRow]:
    """Grants whose report is due by ``today + within_days`` (overdue included) and not
    yet sent (status none or todo), soonest first."""
    with db.read() as s:
        q = (
            select(Grant)
            .where(
                Grant.report_due.is_not(None),
                Grant.report_due <= today + timedelta(days=within_days),
                Grant.report_status.in_(("none", "todo")),
            )
            .order_by(Grant.report_due, Grant.id)
        )
        return _grant_rows(s, list(s.scalars(q)))


# --------------------------------------------------------------------------- in kind


def list_in_kind(db: Database, year: int | None = None) -> list[InKindRow]:
    with db.read() as s:
        q = (
            select(InKindContribution, Funder.name)
            .outerjoin(Funder, Funder.id == InKindContribution.funder_id)
            .order_by(InKindContribution.year.desc(), InKindContribution.id)
        )
        if year is not None:
            q = q.where(InKindContribution.year == year)
        return [
            InKindRow(
                c.id, c.funder_id, name or "", c.year, c.kind, c.description, c.hours, c.value_cents
            )
            for c, name in s.execute(q)
        ]


def save_in_kind(
    db: Database,
    actor: int | None,
    *,
    in_kind_id: int | None = None,
    funder_id: int | None,
    year: int,
    kind: str,
    description: str,
    hours: int | None = None,
    value_cents: int,
) -> int:
    """Create or update an in-kind contribution (funder None = volunteers)."""
    fc = FieldCollector()
    description = _text(fc, "description", description, LABEL_MAX, required=True)
    _choice(fc, "kind", kind, rules.IN_KIND_KINDS)
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        fc.add("year", "invalid")
    if hours is not None and (not isinstance(hours, int) or hours < 0):
        fc.add("hours", "hours_negative")
    _amount(fc, "value_cents", value_cents)
    with db.write() as s:
        if funder_id is not None and s.get(Funder, funder_id) is None:
            fc.add("funder_id", "unknown")
        fc.raise_if_any()
        if in_kind_id is None:
            c = InKindContribution(
                year=year, kind=kind, description=description, value_cents=value_cents
            )
            stamp(c, actor, created=True)
            s.add(c)
        else:
            c = _get(s, InKindContribution, in_kind_id, "in_kind")
            stamp(c, actor)
        c.funder_id, c.year, c.kind, c.description = funder_id, year, kind, description
        c.hours, c.value_cents = hours, value_cents
        s.flush()
        return c.id


# --------------------------------------------------------------------------- expenses


def list_expenses(
    db: Database,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
    category: str | None = None,
) -> list[ExpenseRow]:
    """Expenses, newest first, optionally within days and of one category."""
    with db.read() as s:
        q = (
            select(Expense, Machine.name)
            .outerjoin(Machine, Machine.id == Expense.machine_id)
            .order_by(Expense.day.desc(), Expense.id.desc())
        )
        if first_day is not None:
            q = q.where(Expense.day >= first_day)
        if last_day is not None:
            q = q.where(Expense.day <= last_day)
        if category is not None:
            q = q.where(Expense.category == category)
        return [
            ExpenseRow(
                e.id,
                e.day,
                e.category,
                e.activity,
                e.amount_cents,
                e.label,
                e.supplier,
                e.machine_id,
                mname or "",
                e.grant_id,
            )
            for e, mname in s.execute(q)
        ]


def _check_expense(
    fc: FieldCollector,
    day: date | None,
    category: str,
    activity: str,
    amount_cents: int | None,
    label: str,
    supplier: str,
) -> tuple[str, str]:
    if day is None:
        fc.add("day", "required")
    _choice(fc, "category", category, rules.EXPENSE_CATEGORIES)
    _choice(fc, "activity", activity, rules.ACTIVITIES)
    _amount(fc, "amount_cents", amount_cents)
    return (
        _text(fc, "label", label, LABEL_MAX, required=False),
        _text(fc, "supplier", supplier, SUPPLIER_MAX, required=False),
    )


def save_expense(
    db: Database,
    actor: int | None,
    *,
    expense_id: int | None = None,
    day: date,
    category: str,
    activity: str,
    amount_cents: int,
    label: str = "",
    supplier: str = "",
    machine_id: int | None = None,
    grant_id: int | None = None,
) -> int:
    """Create or update an expense. Returns its id."""
    fc = FieldCollector()
    label, supplier = _check_expense(fc, day, category, activity, amount_cents, label, supplier)
    with db.write() as s:
        if machine_id is not None and s.get(Machine, machine_id) is None:
            fc.add("machine_id", "unknown")
        if grant_id is not None and s.get(Grant, grant_id) is None:
            fc.add("grant_id", "unknown")
        fc.raise_if_any()
        if expense_id is None:
            e = Expense(day=day, category=category, amount_cents=amount_cents)
            stamp(e, actor, created=True)
            s.add(e)
        else:
            e = _get(s, Expense, expense_id, "expense")
            stamp(e, actor)
        e.day, e.category, e.activity, e.amount_cents = day, category, activity, amount_cents
        e.label, e.supplier, e.machine_id, e.grant_id = label, supplier, machine_id, grant_id
        s.flush()
        return e.id


def delete_expense(db: Database, actor: int | None, expense_id: int) -> None:
    with db.write() as s:
        e = _get(s, Expense, expense_id, "expense")
        s.delete(e)


CSV_COLUMNS = ("date", "categorie", "activite", "montant", "libelle", "fournisseur")
_CSV_CATEGORY = {
    "personnel": "staff",
    "consommables": "consumables",
    "maintenance": "maintenance",
    "entretien": "maintenance",
    "loyer": "rent",
    "energie": "energy",
    "énergie": "energy",
    "amortissement": "depreciation",
    "amortissements": "depreciation",
    "autre": "other",
    "autres": "other",
}
_CSV_ACTIVITY = {
    "cyber-base": "cyberbase",
    "général": "general",
    "generale": "general",
    "general": "general",
}


def _parse_csv_date(text: str) -> date:
    text = text.strip()
    if "/" in text:
        d, m, y = text.split("/")
        return date(int(y), int(m), int(d))
    return date.fromisoformat(text)


def import_expenses_csv(db: Database, actor: int | None, text: str) -> int:
    """Import expenses from a French CSV: ';' separated, decimal comma, header
    ``date;categorie;activite;montant;libelle;fournisseur`` (date as DD/MM/YYYY or
    YYYY-MM-DD; categories/activities by their code or French name). All lines or none:
    a bad line raises CsvImportError(line, column, problem) and nothing is written.
    Returns the number of expenses created."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter=";")
    rows = list(reader)
    if not rows:
        raise CsvImportError(1, "date", "required")
    header = [h.strip().lower() for h in rows[0]]
    for col in CSV_COLUMNS[:4]:
        if col not in header:
            raise CsvImportError(1, col, "required")
    index = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    parsed: list[dict[str, object]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            i = index.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        try:
            day = _parse_csv_date(cell("date"))
        except ValueError:
            raise CsvImportError(
                number, "date", "date_invalid" if cell("date") else "required"
            ) from None
        category = cell("categorie").lower()
        category = _CSV_CATEGORY.get(category, category)
        if category not in rules.EXPENSE_CATEGORIES:
            raise CsvImportError(number, "categorie", "unknown" if category else "required")
        activity = cell("activite").lower() or "general"
        activity = _CSV_ACTIVITY.get(activity, activity)
        if activity not in rules.ACTIVITIES:
            raise CsvImportError(number, "activite", "unknown")
        try:
            amount = rules.parse_amount_cents(cell("montant"))
        except ValueError:
            raise CsvImportError(
                number, "montant", "amount_invalid" if cell("montant") else "required"
            ) from None
        if amount < 0:
            raise CsvImportError(number, "montant", "amount_negative")
        label, supplier = cell("libelle"), cell("fournisseur")
        if len(label) > LABEL_MAX:
            raise CsvImportError(number, "libelle", "too_long")
        if len(supplier) > SUPPLIER_MAX:
            raise CsvImportError(number, "fournisseur", "too_long")
        parsed.append(
            {
                "day": day,
                "category": category,
                "activity": activity,
                "amount_cents": amount,
                "label": label,
                "supplier": supplier,
            }
        )
    with db.write() as s:
        for values in parsed:
            e = Expense(**values)
            stamp(e, actor, created=True)
            s.add(e)
    return len(parsed)


# --------------------------------------------------------------------------- budget, accounts


def set_budget(db: Database, year: int, side: str, category: str, amount_cents: int) -> None:
    """Set the budget of a category for a year (side 'revenue' or 'expense')."""
    fc = FieldCollector()
    _choice(fc, "side", side, ("revenue", "expense"))
    allowed = (
        rules.BUDGET_REVENUE_CATEGORIES if side == "revenue" else rules.BUDGET_EXPENSE_CATEGORIES
    )
    _choice(fc, "category", category, allowed)
    _amount(fc, "amount_cents", amount_cents)
    fc.raise_if_any()
    with db.write() as s:
        line = s.scalar(
            select(BudgetLine).where(
                BudgetLine.year == year, BudgetLine.side == side, BudgetLine.category == category
            )
        )
        if line is None:
            s.add(BudgetLine(year=year, side=side, category=category, amount_cents=amount_cents))
        else:
            line.amount_cents = amount_cents


def budget(db: Database, year: int) -> dict[tuple[str, str], int]:
    with db.read() as s:
        return _budget(s, [year])


def _budget(s: Session, years: Iterable[int]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for side, category, amount in s.execute(
        select(BudgetLine.side, BudgetLine.category, BudgetLine.amount_cents).where(
            BudgetLine.year.in_(list(years))
        )
    ):
        out[(side, category)] = out.get((side, category), 0) + amount
    return out


def account_mapping(db: Database) -> dict[str, tuple[str, str]]:
    """key -> (account, label): the defaults (domain.finance.DEFAULT_ACCOUNTS) overridden
    by the rows the user edited."""
    out = dict(rules.DEFAULT_ACCOUNTS)
    with db.read() as s:
        for m in s.scalars(select(AccountMapping)):
            out[m.key] = (m.account, m.label or out.get(m.key, ("", ""))[1])
    return out


def set_account(db: Database, key: str, account: str, label: str = "") -> None:
    fc = FieldCollector()
    key = _text(fc, "key", key, 40, required=True)
    account = _text(fc, "account", account, 12, required=True)
    if account and not account.isdigit():
        fc.add("account", "invalid")
    label = _text(fc, "label", label, 120, required=False)
    fc.raise_if_any()
    with db.write() as s:
        m = s.get(AccountMapping, key)
        if m is None:
            s.add(AccountMapping(key=key, account=account, label=label))
        else:
            m.account, m.label = account, label


def set_accounts(db: Database, accounts: dict[str, tuple[str, str]]) -> None:
    """Save several accounts at once, all or nothing: key -> (account, label). A bad
    account raises ValidationError with the field "account:<key>"."""
    fc = FieldCollector()
    cleaned: dict[str, tuple[str, str]] = {}
    for key, (account, label) in accounts.items():
        account = (account or "").strip()
        label = (label or "").strip()
        if not account:
            fc.add(f"account:{key}", "required")
        elif not account.isdigit() or len(account) > 12:
            fc.add(f"account:{key}", "invalid")
        elif len(label) > 120:
            fc.add(f"account:{key}", "too_long")
        cleaned[key] = (account, label)
    fc.raise_if_any()
    with db.write() as s:
        for key, (account, label) in cleaned.items():
            m = s.get(AccountMapping, key)
            if m is None:
                s.add(AccountMapping(key=key, account=account, label=label))
            else:
                m.account, m.label = account, label


# --------------------------------------------------------------------------- the balance


def _summer_windows(first_year: int, last_year: int) -> list[tuple[datetime, datetime]]:
    """UTC instants of Paris summer time (UTC+2) per year: from the last Sunday of March
    to the last Sunday of October, 01:00 UTC (EU rule; winter is UTC+1)."""

    def last_sunday(year: int, month: int) -> date:
        day = rules.month_end(date(year, month, 1))
        return day - timedelta(days=(day.weekday() + 1) % 7)

    return [
        (
            datetime.combine(last_sunday(y, 3), datetime.min.time(), UTC) + timedelta(hours=1),
            datetime.combine(last_sunday(y, 10), datetime.min.time(), UTC) + timedelta(hours=1),
        )
        for y in range(first_year, last_year + 1)
    ]


def _local_day_expr(db: Database, column, first_day: date, last_day: date, *, month: bool = False):  # type: ignore[no-untyped-def]
    """A SQL expression of the local (Paris) day (or first day of the month) of a UTC
    datetime column, for GROUP BY: one group per day or month instead of per row. SQLite:
    strftime(fmt, col, '+1 hour' or '+2 hours' in summer); other databases: the UTC hour
    (turned into the local day in Python by ``_bucket_day``)."""
    if not db.is_sqlite:
        return func.date_trunc("hour", column)
    windows = _summer_windows(first_day.year - 1, last_day.year + 1)
    shift = case(
        *[(and_(column >= lo, column < hi), "+2 hours") for lo, hi in windows],
        else_="+1 hour",
    )
    return func.strftime("%Y-%m-01" if month else "%Y-%m-%d", column, shift)


def _bucket_day(value: object) -> date:
    """The local day of a ``_local_day_expr`` group."""
    if isinstance(value, str):
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=UTC)
        return dt.astimezone(PARIS).date()
    assert isinstance(value, date)
    return value


def _invoicing_start(s: Session) -> date | None:
    return s.scalar(select(Structure.invoicing_start).order_by(Structure.id).limit(1))


class _Acc:
    """Accumulates amounts by month and key for one figure family."""

    def __init__(self) -> None:
        self.by_month: dict[date, dict[str, int]] = {}

    def add(self, month: date, key: str, cents: int) -> None:
        if cents:
            row = self.by_month.setdefault(month, {})
            row[key] = row.get(key, 0) + cents

    def add_day(self, day: date, key: str, cents: int) -> None:
        self.add(rules.month_start(day), key, cents)

    def add_spread(self, spread: dict[date, int], key: str) -> None:
        for month, cents in spread.items():
            self.add(month, key, cents)

    def totals(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.by_month.values():
            for k, v in row.items():
                out[k] = out.get(k, 0) + v
        return {k: v for k, v in out.items() if v}


def _grant_spread(g: Grant, years: int | None, first_day: date, last_day: date) -> dict[date, int]:
    amount = g.granted_cents or 0
    if not amount:
        return {}
    if g.nature == "donation":
        day = g.granted_on or g.period_start
        return {rules.month_start(day): amount} if first_day <= day <= last_day else {}
    if g.nature == "investment":
        start, end = rules.depreciation_span(
            g.period_start, years or rules.DEFAULT_DEPRECIATION_YEARS
        )
        return rules.spread_by_day(amount, start, end, first_day, last_day)
    return rules.spread_by_day(amount, g.period_start, g.period_end, first_day, last_day)


def _grant_years(s: Session) -> dict[int, int]:
    out: dict[int, int] = {}
    for gid, years in s.execute(
        select(GrantMachine.grant_id, Machine.depreciation_years).join(
            Machine, Machine.id == GrantMachine.machine_id
        )
    ):
        out[gid] = max(out.get(gid, 0), years or rules.DEFAULT_DEPRECIATION_YEARS)
    return out


def _depreciation_spread(m: Machine, first_day: date, last_day: date) -> dict[date, int]:
    if not (m.purchase_date and m.purchase_value_cents and m.depreciation_years):
        return {}
    start, end = rules.depreciation_span(m.purchase_date, m.depreciation_years)
    return rules.spread_by_day(m.purchase_value_cents, start, end, first_day, last_day)


def _own_invoice_rows(  # type: ignore[no-untyped-def]
    s: Session, db: Database, lo: datetime, hi: datetime, first_day: date, last_day: date
):
    bucket = _local_day_expr(db, Invoice.issued_at, first_day, last_day)
    return s.execute(
        select(
            Invoice.kind, InvoiceLine.revenue_kind, bucket, func.sum(InvoiceLine.total_excl_cents)
        )
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(
            Invoice.issued_at >= lo,
            Invoice.issued_at < hi,
            InvoiceLine.kind != "wallet_topup",
            InvoiceLine.revenue_kind.not_in(tuple(rules.NOT_REVENUE_KINDS)),
        )
        .group_by(Invoice.kind, InvoiceLine.revenue_kind, bucket)
    ).all()


def _pre_start_window(s: Session, first_day: date, last_day: date) -> tuple[date, date] | None:
    start = _invoicing_start(s)
    if start is None or first_day >= start:
        return None
    return first_day, min(last_day, start - timedelta(days=1))


def _pre_start_tickets(s: Session, window: tuple[date, date]):  # type: ignore[no-untyped-def]
    """Workshop and training tickets of sessions held before the invoicing start (billed
    outside the software): (session start, activity name, price, registration id)."""
    w_lo, w_hi = local_day_bounds(window[0])[0], local_day_bounds(window[1])[1]
    return s.execute(
        payable_tickets(
            ActivitySession.start_at, Activity.name, Registration.price_cents, Registration.id
        ).where(ActivitySession.start_at >= w_lo, ActivitySession.start_at < w_hi)
    )


def balance(db: Database, first_day: date, last_day: date) -> Balance:
    """The revenue balance of [first_day, last_day] (see the module docstring for the
    rules), by month, with ratios, reduced access, machine cost recovery and budget."""
    if last_day < first_day:
        raise ValidationError({"last_day": "end_before_start"})
    lo, hi = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    own, public, private, costs = _Acc(), _Acc(), _Acc(), _Acc()
    with db.read() as s:
        # own revenue: invoice lines
        for inv_kind, rev_kind, bucket, total in _own_invoice_rows(
            s, db, lo, hi, first_day, last_day
        ):
            sign = -1 if inv_kind == "credit_note" else 1
            category = rules.REVENUE_CATEGORY.get(rev_kind, "other")
            own.add_day(_bucket_day(bucket), category, sign * int(total or 0))
        # own revenue billed outside the software (before invoicing_start)
        window = _pre_start_window(s, first_day, last_day)
        if window is not None:
            for day, total in s.execute(
                select(Membership.start_date, func.sum(Membership.fee_cents))
                .where(Membership.start_date >= window[0], Membership.start_date <= window[1])
                .group_by(Membership.start_date)
            ):
                own.add_day(day, "memberships", int(total or 0))
            for start_at, _name, cents, _rid in _pre_start_tickets(s, window):
                own.add_day(_local_day(start_at), "services", int(cents))
        # grants
        years = _grant_years(s)
        for g, sector, level in s.execute(
            select(Grant, Funder.sector, Funder.level)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Grant.granted_cents.is_not(None))
        ):
            target = public if sector == "public" else private
            target.add_spread(_grant_spread(g, years.get(g.id), first_day, last_day), level)
        # in-kind: revenue and cost
        for c, sector, level in s.execute(
            select(InKindContribution, Funder.sector, Funder.level)
            .outerjoin(Funder, Funder.id == InKindContribution.funder_id)
            .where(
                InKindContribution.year >= first_day.year, InKindContribution.year <= last_day.year
            )
        ):
            spread = rules.spread_over_year_months(c.value_cents, c.year, first_day, last_day)
            target = public if sector == "public" else private
            target.add_spread(spread, level or rules.VOLUNTEERING)
            costs.add_spread(spread, rules.IN_KIND_COST)
        # expenses
        for day, category, total in s.execute(
            select(Expense.day, Expense.category, func.sum(Expense.amount_cents))
            .where(Expense.day >= first_day, Expense.day <= last_day)
            .group_by(Expense.day, Expense.category)
        ):
            costs.add_day(day, category, int(total or 0))
        machine_costs: dict[int, int] = {
            mid: int(total or 0)
            for mid, total in s.execute(
                select(Expense.machine_id, func.sum(Expense.amount_cents))
                .where(
                    Expense.day >= first_day,
                    Expense.day <= last_day,
                    Expense.machine_id.is_not(None),
                )
                .group_by(Expense.machine_id)
            )
        }
        # depreciation
        machine_names: dict[int, str] = {}
        for m in s.scalars(select(Machine)):
            machine_names[m.id] = m.name
            spread = _depreciation_spread(m, first_day, last_day)
            costs.add_spread(spread, "depreciation")
            if spread:
                machine_costs[m.id] = machine_costs.get(m.id, 0) + sum(spread.values())
        # One pass over the period's usage charges (grouped by local day, before
        # invoicing_start or not, consumable or not, machine, payer's audience) gives the
        # revenue billed outside the software, reduced access by public and machine revenue.
        payer = func.coalesce(Usage.organisation_id, Usage.member_id)
        bucket = _local_day_expr(db, Usage.start_at, first_day, last_day, month=True)
        pre_start = (
            Usage.start_at < local_day_bounds(window[1])[1] if window is not None else literal(0)
        )
        is_consumable = UsageCharge.kind == "consumable"
        audience_names = dict(s.execute(select(Audience.id, Audience.name)).all())
        reduced: dict[str, list[int]] = {}
        machine_revenue: dict[int, int] = {}
        for b, before, consumable, mid, aud, list_total, charged_total in s.execute(
            select(
                bucket,
                pre_start,
                is_consumable,
                Usage.machine_id,
                Member.audience_id,
                func.sum(UsageCharge.list_cents),
                func.sum(UsageCharge.charged_cents),
            )
            .join(Usage, Usage.id == UsageCharge.usage_id)
            .outerjoin(Member, Member.id == payer)
            .where(Usage.start_at >= lo, Usage.start_at < hi)
            .group_by(bucket, pre_start, is_consumable, Usage.machine_id, Member.audience_id)
        ):
            charged = int(charged_total or 0)
            if before:
                own.add_day(_bucket_day(b), "sales" if consumable else "services", charged)
            acc = reduced.setdefault(audience_names.get(aud, "") if aud else "", [0, 0])
            acc[0] += int(list_total or 0)
            acc[1] += charged
            if mid is not None:
                machine_revenue[mid] = machine_revenue.get(mid, 0) + charged
        minutes = {
            mid: int(total or 0)
            for mid, total in s.execute(
                select(Usage.machine_id, func.sum(Usage.minutes))
                .where(Usage.start_at >= lo, Usage.start_at < hi, Usage.machine_id.is_not(None))
                .group_by(Usage.machine_id)
            )
        }
        budget_lines = _budget(s, range(first_day.year, last_day.year + 1))

    months = [
        MonthFigures(
            month=m,
            own=own.by_month.get(m, {}),
            public=public.by_month.get(m, {}),
            private=private.by_month.get(m, {}),
            costs=costs.by_month.get(m, {}),
        )
        for m in rules.months_between(first_day, last_day)
    ]
    own_by_category = own.totals()
    public_by_level, private_by_level = public.totals(), private.totals()
    costs_by_category = costs.totals()
    own_cents = sum(own_by_category.values())
    public_cents = sum(public_by_level.values())
    private_cents = sum(private_by_level.values())
    total = own_cents + public_cents + private_cents
    costs_cents = sum(costs_by_category.values())

    machines: list[MachineRecovery] = []
    for mid in sorted(
        set(minutes) | set(machine_revenue) | set(machine_costs),
        key=lambda i: machine_names.get(i, ""),
    ):
        used = minutes.get(mid, 0)
        revenue, cost = machine_revenue.get(mid, 0), machine_costs.get(mid, 0)
        machines.append(
            MachineRecovery(
                machine_id=mid,
                name=machine_names.get(mid, ""),
                minutes=used,
                revenue_cents=revenue,
                cost_cents=cost,
                revenue_per_hour_cents=round(revenue * 60 / used) if used else None,
                cost_per_hour_cents=round(cost * 60 / used) if used else None,
            )
        )

    actual: dict[tuple[str, str], int] = {("revenue", k): v for k, v in own_by_category.items()}
    actual[("revenue", "public")] = public_cents
    actual[("revenue", "private")] = private_cents
    actual.update({("expense", k): v for k, v in costs_by_category.items()})
    budget_vs_actual = {key: (amount, actual.get(key, 0)) for key, amount in budget_lines.items()}

    return Balance(
        first_day=first_day,
        last_day=last_day,
        months=months,
        own_cents=own_cents,
        public_cents=public_cents,
        private_cents=private_cents,
        total_revenue_cents=total,
        costs_cents=costs_cents,
        result_cents=total - costs_cents,
        self_financing_bp=rules.ratio_bp(own_cents, costs_cents),
        public_share_bp=rules.ratio_bp(public_cents, total),
        public_by_level=public_by_level,
        private_by_level=private_by_level,
        own_by_category=own_by_category,
        reduced_access_by_audience={
            name: (lst, charged, lst - charged) for name, (lst, charged) in sorted(reduced.items())
        },
        machines=machines,
        budget=budget_vs_actual,
        costs_by_category=costs_by_category,
    )


def balance_by_year(db: Database, years: Sequence[int]) -> dict[int, Balance]:
    """One balance per calendar year (for trends)."""
    return {y: balance(db, date(y, 1, 1), date(y, 12, 31)) for y in years}


# --------------------------------------------------------------------------- details


def details(db: Database, figure: str, first_day: date, last_day: date) -> list[DetailRow]:
    """The lines behind a figure of ``balance(db, first_day, last_day)``; their amounts
    add up to it. Keys: "own", "own:<category>", "public", "public:<level>", "private",
    "private:<level>", "costs", "costs:<category>", "reduced:<audience name>" (amount =
    list − charged; "" = no public), "machine:<id>" (its costs: expenses + depreciation)."""
    family, _, key = figure.partition(":")
    if family not in ("own", "public", "private", "costs", "reduced", "machine"):
        raise ValueError(f"unknown figure {figure!r}")
    lo, hi = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    out: list[DetailRow] = []
    with db.read() as s:
        if family == "own":
            out += _own_details(s, first_day, last_day, lo, hi, key or None)
        elif family in ("public", "private"):
            out += _funding_details(s, family, first_day, last_day, key or None)
        elif family == "costs":
            out += _cost_details(s, first_day, last_day, key or None, None)
        elif family == "machine":
            out += _cost_details(s, first_day, last_day, None, int(key))
        else:
            out += _reduced_details(s, lo, hi, key)
    out.sort(key=lambda r: (r.day, r.source, r.reference))
    return out


def _local_day(value: datetime) -> date:
    return value.astimezone(PARIS).date()


def _own_details(
    s: Session, first_day: date, last_day: date, lo: datetime, hi: datetime, category: str | None
) -> list[DetailRow]:
    out: list[DetailRow] = []
    for inv_kind, issued_at, number, revenue_kind, designation, amount in s.execute(
        select(
            Invoice.kind,
            Invoice.issued_at,
            Invoice.number,
            InvoiceLine.revenue_kind,
            InvoiceLine.designation,
            InvoiceLine.total_excl_cents,
        )
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(
            Invoice.issued_at >= lo,
            Invoice.issued_at < hi,
            InvoiceLine.kind != "wallet_topup",
            InvoiceLine.revenue_kind.not_in(tuple(rules.NOT_REVENUE_KINDS)),
        )
    ):
        cat = rules.REVENUE_CATEGORY.get(revenue_kind, "other")
        if category is not None and cat != category:
            continue
        sign = -1 if inv_kind == "credit_note" else 1
        out.append(DetailRow(_local_day(issued_at), inv_kind, designation, sign * amount, number))
    window = _pre_start_window(s, first_day, last_day)
    if window is not None:
        w_lo, w_hi = local_day_bounds(window[0])[0], local_day_bounds(window[1])[1]
        for kind, label, charged, usage_id, start_at in s.execute(
            select(
                UsageCharge.kind,
                UsageCharge.label,
                UsageCharge.charged_cents,
                UsageCharge.usage_id,
                Usage.start_at,
            )
            .join(Usage, Usage.id == UsageCharge.usage_id)
            .where(Usage.start_at >= w_lo, Usage.start_at < w_hi, UsageCharge.charged_cents != 0)
        ):
            cat = "sales" if kind == "consumable" else "services"
            if category is None or cat == category:
                out.append(DetailRow(_local_day(start_at), "usage", label, charged, f"U{usage_id}"))
        if category in (None, "services"):
            for start_at, name, cents, rid in _pre_start_tickets(s, window):
                out.append(DetailRow(_local_day(start_at), "registration", name, cents, f"R{rid}"))
        if category in (None, "memberships"):
            for ms, audience in s.execute(
                select(Membership, Audience.name)
                .join(Audience, Audience.id == Membership.audience_id)
                .where(
                    Membership.start_date >= window[0],
                    Membership.start_date <= window[1],
                    Membership.fee_cents != 0,
                )
            ):
                out.append(
                    DetailRow(
                        ms.start_date, "membership", audience, ms.fee_cents, f"M{ms.member_id}"
                    )
                )
    return out


def _funding_details(
    s: Session, sector: str, first_day: date, last_day: date, level: str | None
) -> list[DetailRow]:
    out: list[DetailRow] = []
    years = _grant_years(s)
    for g, f in s.execute(
        select(Grant, Funder)
        .join(Funder, Funder.id == Grant.funder_id)
        .where(Grant.granted_cents.is_not(None), Funder.sector == sector)
    ):
        if level is not None and f.level != level:
            continue
        spread = _grant_spread(g, years.get(g.id), first_day, last_day)
        if spread:
            day = (
                max(first_day, min(spread))
                if g.nature != "donation"
                else (g.granted_on or g.period_start)
            )
            out.append(
                DetailRow(day, "grant", f"{f.name} — {g.purpose}", sum(spread.values()), f"G{g.id}")
            )
    for c, f in s.execute(
        select(InKindContribution, Funder)
        .outerjoin(Funder, Funder.id == InKindContribution.funder_id)
        .where(InKindContribution.year >= first_day.year, InKindContribution.year <= last_day.year)
    ):
        c_sector = f.sector if f is not None else "private"
        c_level = f.level if f is not None else rules.VOLUNTEERING
        if c_sector != sector or (level is not None and c_level != level):
            continue
        spread = rules.spread_over_year_months(c.value_cents, c.year, first_day, last_day)
        if spread:
            label = f"{f.name} — {c.description}" if f is not None else c.description
            out.append(
                DetailRow(
                    max(first_day, min(spread)), "in_kind", label, sum(spread.values()), f"K{c.id}"
                )
            )
    return out


def _cost_details(
    s: Session, first_day: date, last_day: date, category: str | None, machine_id: int | None
) -> list[DetailRow]:
    out: list[DetailRow] = []
    q = select(Expense).where(Expense.day >= first_day, Expense.day <= last_day)
    if category is not None:
        q = q.where(Expense.category == category)
    if machine_id is not None:
        q = q.where(Expense.machine_id == machine_id)
    for e in s.scalars(q):
        label = " — ".join(x for x in (e.label, e.supplier) if x)
        out.append(DetailRow(e.day, "expense", label, e.amount_cents, f"E{e.id}"))
    if category in (None, "depreciation"):
        mq = select(Machine)
        if machine_id is not None:
            mq = mq.where(Machine.id == machine_id)
        for m in s.scalars(mq):
            spread = _depreciation_spread(m, first_day, last_day)
            if spread:
                out.append(
                    DetailRow(
                        max(first_day, min(spread)),
                        "depreciation",
                        m.name,
                        sum(spread.values()),
                        f"D{m.id}",
                    )
                )
    if machine_id is None and category in (None, rules.IN_KIND_COST):
        for c in s.scalars(
            select(InKindContribution).where(
                InKindContribution.year >= first_day.year, InKindContribution.year <= last_day.year
            )
        ):
            spread = rules.spread_over_year_months(c.value_cents, c.year, first_day, last_day)
            if spread:
                out.append(
                    DetailRow(
                        max(first_day, min(spread)),
                        "in_kind",
                        c.description,
                        sum(spread.values()),
                        f"K{c.id}",
                    )
                )
    return out


def _reduced_details(s: Session, lo: datetime, hi: datetime, audience: str) -> list[DetailRow]:
    payer = func.coalesce(Usage.organisation_id, Usage.member_id)
    q = (
        select(UsageCharge, Usage.start_at)
        .join(Usage, Usage.id == UsageCharge.usage_id)
        .outerjoin(Member, Member.id == payer)
        .outerjoin(Audience, Audience.id == Member.audience_id)
        .where(
            Usage.start_at >= lo,
            Usage.start_at < hi,
            UsageCharge.list_cents != UsageCharge.charged_cents,
        )
    )
    q = q.where(Audience.name.is_(None)) if audience == "" else q.where(Audience.name == audience)
    return [
        DetailRow(
            _local_day(start_at),
            "usage",
            f"{c.label} ({c.reasons})" if c.reasons else c.label,
            c.list_cents - c.charged_cents,
            f"U{c.usage_id}",
        )
        for c, start_at in s.execute(q)
    ]
