"""The revenue balance of a period (own, public and private revenue against costs, by
month), its trends by year and the lines behind each figure (:func:`details`). The
funders, grants and in-kind contributions are entered in services.finance.funding, the
expenses and budget in services.finance.expenses.

Rules of the balance (issue 6; pure parts in domain/finance.py):

- OWN revenue of a period = invoice lines (excl. VAT) issued in it, credit notes
  subtracted on their own issue date; wallet top-ups are not revenue (counted when spent
  through usages, so excluded here) + the part billed before the software: usages,
  memberships, packs and workshop/training tickets dated before
  ``Structure.invoicing_start`` that no invoice carries (services.finance.own_revenue: one
  rule, every item counted once) + the Pass numérique vouchers taken at the cyber-base's
  drop-in log without an invoice (their day, face value excl. VAT: "services", the 706
  of the journal's OD entry). Revenue kinds ->
  categories: usage, pack, training, service -> "services" (706); consumable, sale ->
  "sales" (707); membership -> "memberships" (756); other -> "other" (708).
- PUBLIC / PRIVATE funding = grants by their funder's sector, keyed by funder level: an
  operating grant's granted amount spread evenly over the days of its period; an
  investment grant spread over the depreciation years of its machines (the longest of its
  GrantMachine machines; 5 years without) from its period start (777 release); a donation
  counted on its ``granted_on`` day. Grants not granted (``granted_cents`` None) count
  nothing. In-kind contributions: value in 12 equal monthly shares of their year, public
  or private by their funder's sector, keyed by its level; volunteering (no funder) is
  private under the key "volunteering". They are shown APART (``in_kind_by_level``,
  accounts 86/87): never in public/private funding, the total revenue nor the costs.
- PRIVATE SUPPORT (mécénat, sponsoring, dons: rules.is_private_support) is part of the
  private funding, and counted apart from the grants.
- COSTS = expenses (on their day) + machine depreciation (purchase value spread evenly
  over ``depreciation_years`` years from the purchase date; None = not depreciated; added
  to the "depreciation" category). In-kind contributions are not among them.
- Self-financing ratio = own ÷ costs; with in-kind = own ÷ (costs + in-kind); public
  share = public ÷ total revenue; collectivity share = (commune + EPCI + département +
  région) ÷ total revenue (basis points).
  Identities: own + public + private = total revenue; the months add up to the period.
- Reduced/free access by public = per audience of the payer (the usage's organisation,
  else its member): Σ list, Σ charged, Σ (list − charged) of the period's usage charges
  (billed outside the software or not).
- Cost recovery per machine: minutes used, charged revenue, cost = expenses with that
  machine + its depreciation in the period; per hour = amount × 60 ÷ minutes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, case, func, literal, select
from sqlalchemy.orm import QueryableAttribute, Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Audience,
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
    Usage,
    UsageCharge,
)
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.calendar import PARIS, local_day_bounds
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.finance import own_revenue
from tierslieu_desktop.services.finance.expenses import budget_of_years

# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class MonthFigures:
    month: date
    own: dict[str, int]  # by category
    public: dict[str, int]  # by funder level
    private: dict[str, int]  # by funder level ("volunteering" for volunteers)
    costs: dict[str, int]  # by category (expense categories)
    in_kind: dict[str, int] = field(default_factory=dict)  # by funder level (86/87, apart)

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
    # issue 16: the definitions a funder recognises (domain.finance.DEFINITIONS)
    in_kind_cents: int = 0
    in_kind_by_level: dict[str, int] = field(default_factory=dict)
    collectivity_cents: int = 0  # commune + EPCI + département + région
    collectivity_share_bp: int | None = None
    self_financing_in_kind_bp: int | None = None  # own ÷ (costs + in-kind)
    private_support_cents: int = 0  # mécénat, sponsoring, dons (not grants)
    pre_software_cents: int = 0  # billed before the software (own_revenue)
    pre_software_by_kind: dict[str, int] = field(default_factory=dict)
    invoicing_start: date | None = None
    # audience name -> the charged price of the period's usages that were invoiced (on
    # an invoice, or before the invoicing start); the rest of "charged" is to collect
    invoiced_by_audience: dict[str, int] = field(default_factory=dict)
    drop_in_vouchers_cents: int = 0  # Pass numérique at the cyber-base, no invoice
    # memberships imported as paid outside the software (HelloAsso…), from the invoicing
    # start on (before it they are billed before the software): never invoiced
    paid_outside_cents: int = 0

    @property
    def reduced_access_cents(self) -> int:
        """The value of reduced access: list price − charged, every public."""
        return sum(given for _listed, _charged, given in self.reduced_access_by_audience.values())

    @property
    def invoiced_cents(self) -> int:
        """Own revenue invoiced by the software (credit notes subtracted)."""
        return (
            self.own_cents
            - self.pre_software_cents
            - self.drop_in_vouchers_cents
            - self.paid_outside_cents
        )


@dataclass(frozen=True)
class DetailRow:
    day: date
    source: str  # invoice, credit_note, usage, registration, membership, grant, in_kind,
    # expense, depreciation
    label: str
    amount_cents: int
    reference: str


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


def _local_day_expr(
    db: Database,
    column: QueryableAttribute[datetime],
    first_day: date,
    last_day: date,
    *,
    month: bool = False,
) -> ColumnElement[Any]:
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


def _local_month_expr(
    db: Database, column: QueryableAttribute[datetime], first_day: date, last_day: date
) -> ColumnElement[Any]:
    """A SQL expression of the local (Paris) month ("YYYY-MM-01") of a UTC datetime column
    of rows already bounded by [first_day, last_day]: a CASE over the UTC instants at which
    each local month of the period ends, compared as the column is stored (no strftime and
    no summer-time test per row, which cost the Finances page half of its balance). Long
    periods (over two years) keep the per-row expression: the CASE would grow with them;
    so does PostgreSQL, whose GROUP BY would not match a CASE of bound parameters."""
    first_month, last_month = rules.month_start(first_day), rules.month_start(last_day)
    months: list[date] = []
    month = first_month
    while month <= last_month:
        months.append(month)
        month = rules.month_start(rules.month_end(month) + timedelta(days=1))
    if len(months) > 24 or not db.is_sqlite:
        return _local_day_expr(db, column, first_day, last_day, month=True)
    if len(months) == 1:
        return literal(months[0].isoformat())
    ends = [local_day_bounds(rules.month_end(m))[1] for m in months[:-1]]
    return case(
        *[(column < end, m.isoformat()) for m, end in zip(months[:-1], ends, strict=True)],
        else_=months[-1].isoformat(),
    )


def _bucket_day(value: object) -> date:
    """The local day of a ``_local_day_expr`` group."""
    if isinstance(value, str):
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=UTC)
        return dt.astimezone(PARIS).date()
    assert isinstance(value, date)
    return value


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


def grant_ids_of_period(s: Session, first_day: date, last_day: date) -> set[int]:
    """The grants a report of [first_day, last_day] lists: their period meets it, a
    payment of theirs was received in it, or a share of them counts in it (an investment
    grant released over its machines' depreciation years, after its own period)."""
    ids = set(
        s.scalars(
            select(Grant.id).where(Grant.period_start <= last_day, Grant.period_end >= first_day)
        )
    )
    ids |= set(
        s.scalars(
            select(GrantPayment.grant_id).where(
                GrantPayment.received_on >= first_day, GrantPayment.received_on <= last_day
            )
        )
    )
    years = _grant_years(s)
    for g in s.scalars(select(Grant).where(Grant.granted_cents.is_not(None))):
        if g.id not in ids and _grant_spread(g, years.get(g.id), first_day, last_day):
            ids.add(g.id)
    return ids


def _depreciation_spread(m: Machine, first_day: date, last_day: date) -> dict[date, int]:
    if not (m.purchase_date and m.purchase_value_cents and m.depreciation_years):
        return {}
    start, end = rules.depreciation_span(m.purchase_date, m.depreciation_years)
    return rules.spread_by_day(m.purchase_value_cents, start, end, first_day, last_day)


def _own_invoice_rows(
    s: Session,
    db: Database,
    lo: datetime,
    hi: datetime,
    first_day: date,
    last_day: date,
    *,
    detail: bool = True,
) -> Sequence[Row[str, str, Any, int | None]]:
    bucket = (
        _local_month_expr(db, Invoice.issued_at, first_day, last_day)
        if detail
        else literal(first_day.isoformat())
    )
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


@guarded(Permission.FINANCES)
def balance(db: Database, first_day: date, last_day: date) -> Balance:
    """The revenue balance of [first_day, last_day] (see the module docstring for the
    rules), by month, with ratios, reduced access, machine cost recovery and budget."""
    return _balance_impl(db, first_day, last_day)


def _balance_impl(db: Database, first_day: date, last_day: date) -> Balance:
    return _balance(db, first_day, last_day, detail=True)


def _balance(db: Database, first_day: date, last_day: date, *, detail: bool) -> Balance:
    """``balance``; with ``detail`` False, only what :class:`KeyFigures` reads is right:
    the totals (the same sums, not split by month: one group instead of twelve), the
    reduced access as one total under "", and no machines, invoiced part or budget."""
    if last_day < first_day:
        raise ValidationError({"last_day": "end_before_start"})
    lo, hi = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    own, public, private, costs = _Acc(), _Acc(), _Acc(), _Acc()
    in_kind, support = _Acc(), _Acc()
    pre_software: dict[str, int] = {}
    with db.read() as s:
        # own revenue: invoice lines
        for inv_kind, rev_kind, bucket, total in _own_invoice_rows(
            s, db, lo, hi, first_day, last_day, detail=detail
        ):
            sign = -1 if inv_kind == "credit_note" else 1
            category = rules.REVENUE_CATEGORY.get(rev_kind, "other")
            own.add_day(_bucket_day(bucket), category, sign * int(total or 0))
        # own revenue billed before the software (own_revenue: one rule, counted once)
        start = own_revenue.invoicing_start(s)
        window = own_revenue.pre_software_window(s, first_day, last_day)
        if window is not None:
            for item in own_revenue.pre_software_items(s, window, usages=False):
                own.add_day(item.day, item.category, item.amount_cents)
                pre_software[item.kind] = pre_software.get(item.kind, 0) + item.amount_cents
            w_lo, w_hi = local_day_bounds(window[0])[0], local_day_bounds(window[1])[1]
            w_bucket = (
                _local_month_expr(db, Usage.start_at, first_day, last_day)
                if detail
                else literal(first_day.isoformat())
            )
            is_consumable = UsageCharge.kind == "consumable"
            for b, consumable, charged_total in s.execute(
                select(w_bucket, is_consumable, func.sum(UsageCharge.charged_cents))
                .join(Usage, Usage.id == UsageCharge.usage_id)
                .where(Usage.start_at >= w_lo, Usage.start_at < w_hi, ~own_revenue.usage_invoiced())
                .group_by(w_bucket, is_consumable)
            ):
                cents = int(charged_total or 0)
                own.add_day(_bucket_day(b), "sales" if consumable else "services", cents)
                pre_software["usage"] = pre_software.get("usage", 0) + cents
        paid_outside = 0  # memberships imported as paid outside the software
        for item in own_revenue.paid_outside_items(s, first_day, last_day):
            own.add_day(item.day, item.category, item.amount_cents)
            paid_outside += item.amount_cents
        # the cyber-base's Pass numérique vouchers (no invoice; OD 4687 / 706)
        drop_in_vouchers = 0
        for day, cents in own_revenue.drop_in_voucher_revenue(s, first_day, last_day).items():
            own.add_day(day, "services", cents)
            drop_in_vouchers += cents
        # grants
        years = _grant_years(s)
        for g, sector, level in s.execute(
            select(Grant, Funder.sector, Funder.level)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Grant.granted_cents.is_not(None))
        ):
            target = public if sector == "public" else private
            spread = _grant_spread(g, years.get(g.id), first_day, last_day)
            target.add_spread(spread, level)
            if rules.is_private_support(sector, level, g.nature):
                support.add_spread(spread, level)
        # in-kind: shown apart (86/87), neither funding nor cost
        for c, level in s.execute(
            select(InKindContribution, Funder.level)
            .outerjoin(Funder, Funder.id == InKindContribution.funder_id)
            .where(
                InKindContribution.year >= first_day.year, InKindContribution.year <= last_day.year
            )
        ):
            spread = rules.spread_over_year_months(c.value_cents, c.year, first_day, last_day)
            in_kind.add_spread(spread, level or rules.VOLUNTEERING)
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
            if mid is not None  # always (the query keeps expenses with a machine): for mypy
        }
        # depreciation
        machine_names: dict[int, str] = {}
        for m in s.scalars(select(Machine)):
            machine_names[m.id] = m.name
            spread = _depreciation_spread(m, first_day, last_day)
            costs.add_spread(spread, "depreciation")
            if spread:
                machine_costs[m.id] = machine_costs.get(m.id, 0) + sum(spread.values())
        # One pass over the period's usage charges (grouped by machine and payer's
        # audience) gives reduced access by public and machine revenue.
        payer = func.coalesce(Usage.organisation_id, Usage.member_id)
        audience_names = dict(s.execute(select(Audience.id, Audience.name)).all())
        reduced: dict[str, list[int]] = {}
        machine_revenue: dict[int, int] = {}
        # Invoiced: on an invoice, or billed before the software (invoicing start); the
        # rest is still to collect (a charge is not an invoice: issue 17).
        billed: ColumnElement[bool] = (
            select(InvoiceLine.id).where(InvoiceLine.usage_id == Usage.id).exists()
        )
        if start is not None:
            billed = billed | (Usage.start_at < local_day_bounds(start)[0])
        minutes: dict[int, int] = {}
        if not detail:  # the key figures: the reduced access as one total
            list_total, charged_total = s.execute(
                select(func.sum(UsageCharge.list_cents), func.sum(UsageCharge.charged_cents))
                .join(Usage, Usage.id == UsageCharge.usage_id)
                .where(Usage.start_at >= lo, Usage.start_at < hi)
            ).one()
            reduced[""] = [int(list_total or 0), int(charged_total or 0), 0]
        else:
            for mid, aud, list_total, charged_total, invoiced_total in s.execute(
                select(
                    Usage.machine_id,
                    Member.audience_id,
                    func.sum(UsageCharge.list_cents),
                    func.sum(UsageCharge.charged_cents),
                    func.sum(case((billed, UsageCharge.charged_cents), else_=0)),
                )
                .join(Usage, Usage.id == UsageCharge.usage_id)
                .outerjoin(Member, Member.id == payer)
                .where(Usage.start_at >= lo, Usage.start_at < hi)
                .group_by(Usage.machine_id, Member.audience_id)
            ):
                charged = int(charged_total or 0)
                acc = reduced.setdefault(audience_names.get(aud, "") if aud else "", [0, 0, 0])
                acc[0] += int(list_total or 0)
                acc[1] += charged
                acc[2] += int(invoiced_total or 0)
                if mid is not None:
                    machine_revenue[mid] = machine_revenue.get(mid, 0) + charged
            minutes = {
                mid: int(total or 0)
                for mid, total in s.execute(
                    select(Usage.machine_id, func.sum(Usage.minutes))
                    .where(Usage.start_at >= lo, Usage.start_at < hi, Usage.machine_id.is_not(None))
                    .group_by(Usage.machine_id)
                )
                if mid is not None  # always (the query keeps usages of a machine): for mypy
            }
        budget_lines = (
            budget_of_years(s, range(first_day.year, last_day.year + 1)) if detail else {}
        )

    months = [
        MonthFigures(
            month=m,
            own=own.by_month.get(m, {}),
            public=public.by_month.get(m, {}),
            private=private.by_month.get(m, {}),
            costs=costs.by_month.get(m, {}),
            in_kind=in_kind.by_month.get(m, {}),
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
    in_kind_by_level = in_kind.totals()
    in_kind_cents = sum(in_kind_by_level.values())
    collectivity_cents = sum(public_by_level.get(k, 0) for k in rules.COLLECTIVITY_LEVELS)

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
    actual[("expense", rules.IN_KIND_COST)] = in_kind_cents
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
            name: (lst, charged, lst - charged)
            for name, (lst, charged, _i) in sorted(reduced.items())
        },
        invoiced_by_audience={name: sums[2] for name, sums in sorted(reduced.items())},
        machines=machines,
        budget=budget_vs_actual,
        costs_by_category=costs_by_category,
        in_kind_cents=in_kind_cents,
        in_kind_by_level=in_kind_by_level,
        collectivity_cents=collectivity_cents,
        collectivity_share_bp=rules.ratio_bp(collectivity_cents, total),
        self_financing_in_kind_bp=rules.ratio_bp(own_cents, costs_cents + in_kind_cents),
        private_support_cents=sum(support.totals().values()),
        pre_software_cents=sum(pre_software.values()),
        pre_software_by_kind={k: v for k, v in pre_software.items() if v},
        invoicing_start=start,
        drop_in_vouchers_cents=drop_in_vouchers,
        paid_outside_cents=paid_outside,
    )


@guarded(Permission.FINANCES)
def balance_by_year(db: Database, years: Sequence[int]) -> dict[int, Balance]:
    """One balance per calendar year (for trends)."""
    return _balance_by_year_impl(db, years)


def _balance_by_year_impl(db: Database, years: Sequence[int]) -> dict[int, Balance]:
    return {y: _balance_impl(db, date(y, 1, 1), date(y, 12, 31)) for y in years}


@dataclass(frozen=True)
class KeyFigures:
    """The six key figures of a period, as :class:`Balance` has them (same names), read
    without the monthly split, the machines and the budget: the Finances page's
    comparison with the year before costs a fraction of a second balance."""

    first_day: date
    last_day: date
    self_financing_bp: int | None
    collectivity_share_bp: int | None
    result_cents: int
    total_revenue_cents: int
    costs_cents: int
    reduced_access_cents: int


@guarded(Permission.FINANCES)
def key_figures(db: Database, first_day: date, last_day: date) -> KeyFigures:
    """The key figures of [first_day, last_day], equal to ``balance``'s (one rule: the
    same code, with ``detail`` off)."""
    return key_figures_of(_balance(db, first_day, last_day, detail=False))


def key_figures_of(b: Balance) -> KeyFigures:
    return KeyFigures(
        first_day=b.first_day,
        last_day=b.last_day,
        self_financing_bp=b.self_financing_bp,
        collectivity_share_bp=b.collectivity_share_bp,
        result_cents=b.result_cents,
        total_revenue_cents=b.total_revenue_cents,
        costs_cents=b.costs_cents,
        reduced_access_cents=b.reduced_access_cents,
    )


# --------------------------------------------------------------------------- details


@guarded(Permission.FINANCES)
def details(db: Database, figure: str, first_day: date, last_day: date) -> list[DetailRow]:
    """The lines behind a figure of ``balance(db, first_day, last_day)``; their amounts
    add up to it. Keys: "own", "own:<category>", "public", "public:<level>", "private",
    "private:<level>", "in_kind", "in_kind:<level>", "costs", "costs:<category>", "reduced:<audience name>" (amount =
    list − charged; "" = no public), "machine:<id>" (its costs: expenses + depreciation)."""
    family, _, key = figure.partition(":")
    if family not in ("own", "public", "private", "in_kind", "costs", "reduced", "machine"):
        raise ValueError(f"unknown figure {figure!r}")
    lo, hi = local_day_bounds(first_day)[0], local_day_bounds(last_day)[1]
    out: list[DetailRow] = []
    with db.read() as s:
        if family == "own":
            out += _own_details(s, first_day, last_day, lo, hi, key or None)
        elif family in ("public", "private", "in_kind"):
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
    window = own_revenue.pre_software_window(s, first_day, last_day)
    items = own_revenue.pre_software_items(s, window) if window is not None else []
    items += own_revenue.paid_outside_items(s, first_day, last_day)  # imported memberships
    for item in items:
        if category is None or item.category == category:
            source = "registration" if item.kind == "ticket" else item.kind
            out.append(DetailRow(item.day, source, item.label, item.amount_cents, item.reference))
    if category in (None, "services"):
        for day, cents in sorted(
            own_revenue.drop_in_voucher_revenue(s, first_day, last_day).items()
        ):
            out.append(
                DetailRow(
                    day,
                    "drop_in",
                    "Pass numérique reçus à la cyber-base",
                    cents,
                    f"CYB-{day:%Y%m%d}",
                )
            )
    return out


def _funding_details(
    s: Session, sector: str, first_day: date, last_day: date, level: str | None
) -> list[DetailRow]:
    """Grants of a sector ("public", "private"), or the in-kind contributions (sector
    "in_kind", keyed by their funder's level; "volunteering" without a funder)."""
    out: list[DetailRow] = []
    if sector == rules.IN_KIND_COST:
        return _in_kind_details(s, first_day, last_day, level)
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
    return out


def _in_kind_details(
    s: Session, first_day: date, last_day: date, level: str | None
) -> list[DetailRow]:
    out: list[DetailRow] = []
    for c, f in s.execute(
        select(InKindContribution, Funder)
        .outerjoin(Funder, Funder.id == InKindContribution.funder_id)
        .where(InKindContribution.year >= first_day.year, InKindContribution.year <= last_day.year)
    ):
        c_level = f.level if f is not None else rules.VOLUNTEERING
        if level is not None and c_level != level:
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
