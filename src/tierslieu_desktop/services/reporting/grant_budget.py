"""The budget of the action a grant finances, planned / actual by account (CERFA 15059),
and an investment grant's machines. Rules in ``domain.grant_budget``; the report is put
together by ``services.reporting.grant``.

OPERATING grant (and donation) over its period [start, end], with the grant's allocation
key k (``allocation_key``):

- charges 60–68 = the expenses assigned to the grant (``Expense.grant_id``) + k × every
  other cost of the period by the balance's rules (services.finance.balance: expenses on
  their day, machine depreciation), by category (``EXPENSE_TO_CERFA``);
- products: the grant itself (74; 75 for mécénat, sponsoring and dons), 70 and 756 = k ×
  the period's own revenue (the balance's rule: each sale counted once), and every other
  grant whose share counts in the period (the balance's spread: an operating grant over
  its period, an investment grant over its machines' depreciation, a donation on its
  day) × k, one line per funder: 74 subventions, 75 mécénat and dons, 77 the release of
  an investment grant;
- in-kind: every contribution of the period's months × k, 86 by kind (860–864) and 87
  by contributor (870 bénévolat, 871 prestations, 875 dons en nature): equal totals;
- planned = the grant's planned budget (``Grant.planned_budget_json``, keys by account:
  "60"… charges, "70", "74" the grant, "74_f<funder id>" a co-financer, "75", "861"…,
  "87_f<funder id>", "870"; a planned key without an actual line gets its own line).

INVESTMENT grant: acquisitions of its machines (21, purchase value) against this grant
(13), the other investment grants of the same machines (their amount × the share of
these machines in their machines' cost) and the structure's own funds (the balancing
line); each machine with the grant's share, its depreciation and the grant's release
over the grant's period, its hours, users and own revenue.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Expense,
    Funder,
    Grant,
    GrantMachine,
    InKindContribution,
    Machine,
    Usage,
)
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.grant_budget import (
    CHARGE,
    PRODUCT,
    SOURCE,
    USE,
    AllocationKey,
    CerfaBudget,
    CerfaLine,
    InvestmentMachine,
    allocate,
    allocation_share_bp,
    planned_code,
)
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.finance.balance import (
    _balance_impl,
    _depreciation_spread,
    _grant_spread,
    _grant_years,
)
from tierslieu_desktop.services.finance.funding import GrantRow
from tierslieu_desktop.services.finance.own_revenue import machine_own_revenue

# Expense categories -> the CERFA account class of the charges.
EXPENSE_TO_CERFA = {
    "consumables": "60",
    "energy": "60",
    "rent": "61",
    "maintenance": "61",
    "other": "62",
    "staff": "64",
    "depreciation": "68",
}
# The balance's own-revenue categories -> the account of the products.
OWN_TO_CERFA = {"services": "70", "sales": "70", "other": "70", "memberships": "756"}
# In-kind kinds -> (use account 86x, source account 87x)
IN_KIND_ACCOUNTS = {
    "premises": ("861", "871"),
    "staff": ("862", "871"),
    "services": ("862", "871"),
    "goods": ("860", "875"),
    "volunteering": ("864", "870"),
}


def _int(value: object) -> int:
    return int(str(value or 0))


def allocation_key(s: Session, g: GrantRow) -> AllocationKey:
    """The grant's key and its value over its period (domain.grant_budget)."""
    kind = g.alloc_key or "direct"
    part = whole = 0
    if kind == "hours":
        lo, hi = local_day_bounds(g.period_start)[0], local_day_bounds(g.period_end)[1]
        in_period = (Usage.start_at >= lo, Usage.start_at < hi, Usage.machine_id.is_not(None))
        whole = _int(s.scalar(select(func.coalesce(func.sum(Usage.minutes), 0)).where(*in_period)))
        if g.machine_ids:
            part = _int(
                s.scalar(
                    select(func.coalesce(func.sum(Usage.minutes), 0)).where(
                        *in_period, Usage.machine_id.in_(g.machine_ids)
                    )
                )
            )
    elif kind == "staff":
        staff = (
            Expense.category == "staff",
            Expense.day >= g.period_start,
            Expense.day <= g.period_end,
        )
        whole = _int(
            s.scalar(select(func.coalesce(func.sum(Expense.amount_cents), 0)).where(*staff))
        )
        part = _int(
            s.scalar(
                select(func.coalesce(func.sum(Expense.amount_cents), 0)).where(
                    *staff, Expense.grant_id == g.id
                )
            )
        )
    return AllocationKey(
        kind, allocation_share_bp(kind, g.alloc_fixed_bp, part, whole), part, whole
    )


def _side_of(key: str) -> str:
    code = key[:2]
    if code == "86":
        return USE
    if code == "87":
        return SOURCE
    return CHARGE if code[:1] in ("6", "2") else PRODUCT


def _with_planned(s: Session, actual: list[CerfaLine], planned: dict[str, int]) -> CerfaBudget:
    """The actual lines with their planned amounts, and a line for each planned key that
    has none (a co-financer "74_f3" named); zero lines dropped; sorted by side and account
    (the grant first)."""
    names = dict(s.execute(select(Funder.id, Funder.name)).all())
    keyed: dict[str, int] = {}
    for key, cents in planned.items():
        code = planned_code(key)
        keyed[code] = keyed.get(code, 0) + int(cents)
    out: list[CerfaLine] = []
    seen: set[str] = set()
    for line in actual:
        p = keyed.get(line.key, 0) if line.key not in seen else 0
        seen.add(line.key)
        out.append(
            CerfaLine(line.side, line.account, line.key, line.label, p, line.actual, line.own)
        )
    for key, cents in keyed.items():
        if key not in seen:
            account = key[:3] if key[2:3].isdigit() else key[:2]
            suffix = key.split("_", 1)[1] if "_" in key else ""
            name = names.get(int(suffix[1:]), "") if suffix[:1] == "f" else ""
            out.append(CerfaLine(_side_of(key), account, key, name, cents, 0))
    order = {CHARGE: 0, PRODUCT: 1, USE: 2, SOURCE: 3}
    kept = [line for line in out if line.planned or line.actual or line.own]
    kept.sort(key=lambda line: (order[line.side], line.account[:2], not line.own, line.account))
    return CerfaBudget(tuple(kept))


@guarded(Permission.REPORTS)
def operating_budget(db: Database, g: GrantRow) -> tuple[CerfaBudget, AllocationKey]:
    """The action's budget (see the module docstring) and the key it used."""
    return _operating_budget_impl(db, g)


def _operating_budget_impl(db: Database, g: GrantRow) -> tuple[CerfaBudget, AllocationKey]:
    start, end = g.period_start, g.period_end
    structure = _balance_impl(db, start, end)
    lines: list[CerfaLine] = []
    with db.read() as s:
        key = allocation_key(s, g)
        k = key.share_bp
        direct = dict(
            s.execute(
                select(Expense.category, func.sum(Expense.amount_cents))
                .where(Expense.grant_id == g.id, Expense.day >= start, Expense.day <= end)
                .group_by(Expense.category)
            ).all()
        )
        charges: dict[str, int] = {}
        for category in sorted(set(structure.costs_by_category) | set(direct)):
            mine = int(direct.get(category) or 0)
            shared = structure.costs_by_category.get(category, 0) - mine
            code = EXPENSE_TO_CERFA.get(category, "62")
            charges[code] = charges.get(code, 0) + mine + allocate(shared, k)
        lines += [CerfaLine(CHARGE, code, code, "", 0, cents) for code, cents in charges.items()]
        # products: own revenue, the grant, every other grant of the period
        own: dict[str, int] = {}
        for category, cents in structure.own_by_category.items():
            code = OWN_TO_CERFA.get(category, "70")
            own[code] = own.get(code, 0) + allocate(cents, k)
        lines += [CerfaLine(PRODUCT, code, code, "", 0, cents) for code, cents in own.items()]
        own_code = "75" if rules.is_private_support(g.sector, g.level, g.nature) else "74"
        lines.append(
            CerfaLine(PRODUCT, own_code, own_code, g.funder_name, 0, g.granted_cents or 0, True)
        )
        years = _grant_years(s)
        others: dict[str, tuple[str, str]] = {}
        other_cents: dict[str, int] = {}
        for other, funder in s.execute(
            select(Grant, Funder)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Grant.granted_cents.is_not(None), Grant.id != g.id)
            .order_by(Funder.name, Grant.id)
        ):
            spread = sum(_grant_spread(other, years.get(other.id), start, end).values())
            if not spread:
                continue
            if other.nature == "investment":
                code = "77"
            elif rules.is_private_support(funder.sector, funder.level, other.nature):
                code = "75"
            else:
                code = "74"
            okey = f"{code}_f{funder.id}"
            others.setdefault(okey, (code, funder.name))
            other_cents[okey] = other_cents.get(okey, 0) + allocate(spread, k)
        lines += [
            CerfaLine(PRODUCT, code, lkey, name, 0, other_cents[lkey])
            for lkey, (code, name) in others.items()
        ]
        # in-kind, 86 by kind and 87 by contributor, from the same allocated amounts
        uses: dict[str, int] = {}
        sources: dict[str, tuple[str, str]] = {}
        source_cents: dict[str, int] = {}
        for c, name in s.execute(
            select(InKindContribution, Funder.name)
            .outerjoin(Funder, Funder.id == InKindContribution.funder_id)
            .where(InKindContribution.year >= start.year, InKindContribution.year <= end.year)
            .order_by(InKindContribution.id)
        ):
            spread = sum(rules.spread_over_year_months(c.value_cents, c.year, start, end).values())
            cents = allocate(spread, k)
            if not cents:
                continue
            use, source = IN_KIND_ACCOUNTS.get(c.kind, ("862", "871"))
            uses[use] = uses.get(use, 0) + cents
            skey = f"87_f{c.funder_id}" if c.funder_id else source
            sources.setdefault(skey, (source, name or ""))
            source_cents[skey] = source_cents.get(skey, 0) + cents
        lines += [CerfaLine(USE, code, code, "", 0, cents) for code, cents in uses.items()]
        lines += [
            CerfaLine(SOURCE, code, skey, name, 0, source_cents[skey])
            for skey, (code, name) in sources.items()
        ]
        return _with_planned(s, lines, g.planned_budget), key


@guarded(Permission.REPORTS)
def investment_budget(
    db: Database, g: GrantRow
) -> tuple[CerfaBudget, tuple[InvestmentMachine, ...]]:
    """An investment grant's plan (acquisitions against grants and own funds) and its
    machines (see the module docstring)."""
    return _investment_budget_impl(db, g)


def _investment_budget_impl(
    db: Database, g: GrantRow
) -> tuple[CerfaBudget, tuple[InvestmentMachine, ...]]:
    start, end = g.period_start, g.period_end
    lo, hi = local_day_bounds(start)[0], local_day_bounds(end)[1]
    lines: list[CerfaLine] = []
    machines: list[InvestmentMachine] = []
    with db.read() as s:
        ms = list(
            s.scalars(select(Machine).where(Machine.id.in_(g.machine_ids)).order_by(Machine.name))
        )
        total_cost = sum(m.purchase_value_cents or 0 for m in ms)
        granted = g.granted_cents or 0
        grant_row = s.get(Grant, g.id)
        assert grant_row is not None  # g was read from it
        years = _grant_years(s).get(g.id)
        released_total = sum(_grant_spread(grant_row, years, start, end).values())
        for m in ms:
            cost = m.purchase_value_cents or 0
            share = granted * cost // total_cost if total_cost else 0
            depreciation = sum(_depreciation_spread(m, start, end).values())
            released = released_total * cost // total_cost if total_cost else 0
            minutes, usages, users = s.execute(
                select(
                    func.coalesce(func.sum(Usage.minutes), 0),
                    func.count(Usage.id),
                    func.count(
                        func.distinct(func.coalesce(Usage.organisation_id, Usage.member_id))
                    ),
                ).where(Usage.machine_id == m.id, Usage.start_at >= lo, Usage.start_at < hi)
            ).one()
            machines.append(
                InvestmentMachine(
                    name=m.name,
                    purchase_date=m.purchase_date,
                    cost_cents=cost,
                    grant_share_cents=share,
                    depreciation_years=m.depreciation_years,
                    depreciation_cents=depreciation,
                    released_cents=released,
                    minutes=int(minutes),
                    usages=int(usages),
                    users=int(users),
                    revenue_cents=machine_own_revenue(s, [m.id], start, end),
                )
            )
            lines.append(CerfaLine(CHARGE, "21", f"21_m{m.id}", m.name, 0, cost))
        lines.append(CerfaLine(PRODUCT, "13", "13", g.funder_name, 0, granted, True))
        # the other investment grants of these machines, by the share of these machines
        costs = {m.id: m.purchase_value_cents or 0 for m in s.scalars(select(Machine))}
        of_grant: dict[int, list[int]] = {}
        for gid, mid in s.execute(select(GrantMachine.grant_id, GrantMachine.machine_id)):
            of_grant.setdefault(gid, []).append(mid)
        mine = set(g.machine_ids)
        for other, funder in s.execute(
            select(Grant, Funder)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Grant.nature == "investment", Grant.id != g.id, Grant.granted_cents.is_not(None))
            .order_by(Funder.name, Grant.id)
        ):
            theirs = of_grant.get(other.id, [])
            shared = sum(costs.get(mid, 0) for mid in theirs if mid in mine)
            whole = sum(costs.get(mid, 0) for mid in theirs)
            if shared and whole:
                cents = (other.granted_cents or 0) * shared // whole
                lines.append(CerfaLine(PRODUCT, "13", f"13_f{funder.id}", funder.name, 0, cents))
        return _with_planned(s, lines, g.planned_budget), tuple(machines)
