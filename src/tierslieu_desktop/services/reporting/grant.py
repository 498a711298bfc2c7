"""The funder report (compte rendu financier, in the spirit of CERFA 15059*02) of a grant.

Planned vs actual budget of the financed action in the CERFA categories, the grant's
payments, activity indicators over the grant's period, a signature block.
``grant_figures`` computes the figures; ``reports.grant_pdf.render_grant`` lays them out.

- PLANNED = ``Grant.planned_budget`` (cents by key). Keys are the CERFA categories
  (``CHARGE_CATEGORIES`` / ``PRODUCT_CATEGORIES`` of ``reports.grant_pdf``: the account
  class, "60" achats, "64" personnel, "74" subventions…, as the grant form of the
  Finances page stores them; "60_x" is read as "60"); an unknown key is printed as is on
  the charges side.
- ACTUAL charges = expenses linked to the grant (Expense.grant_id) in the grant's period,
  by category (consumables, energy → 60 achats; rent, maintenance → 61 services
  extérieurs; other → 62 autres services extérieurs; staff → 64; depreciation → 68), plus
  the depreciation over the period of the machines the grant financed (GrantMachine).
- ACTUAL products = this grant's granted amount (74 subventions; 75 for a donation or a
  private funder: mécénat, dons) and the own revenue of the usages of the financed
  machines in the period (70; none when the grant finances no machine), by the balance's
  rule (services.finance.own_revenue: invoiced by the software, or billed before it —
  each usage once).
- Indicators: usages, hours, distinct users and people (head-count) on the financed
  machines over the period (all machines when the grant finances none).
"""

from __future__ import annotations

from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Expense, Machine, Usage
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.reports import GrantFigures, Letterhead
from tierslieu_desktop.reports.grant_pdf import render_grant
from tierslieu_desktop.services.finance.own_revenue import machine_own_revenue

# Expense categories -> the CERFA account class of the actual charges.
EXPENSE_TO_CERFA = {
    "consumables": "60",
    "energy": "60",
    "rent": "61",
    "maintenance": "61",
    "other": "62",
    "staff": "64",
    "depreciation": "68",
}
DEFAULT_DEPRECIATION_YEARS = 5


def grant_figures(db: Database, grant_id: int) -> GrantFigures:
    """Planned vs actual budget and indicators of a grant (see the module docstring)."""
    from tierslieu_desktop.services.finance import funding as finance

    g = finance.get_grant(db, grant_id)
    payments = finance.grant_payments(db, grant_id)
    start_utc = local_day_bounds(g.period_start)[0]
    end_utc = local_day_bounds(g.period_end)[1]
    actual: dict[str, int] = {}
    with db.read() as s:
        for category, cents in s.execute(
            select(Expense.category, func.coalesce(func.sum(Expense.amount_cents), 0))
            .where(
                Expense.grant_id == grant_id,
                Expense.day >= g.period_start,
                Expense.day <= g.period_end,
            )
            .group_by(Expense.category)
        ):
            key = EXPENSE_TO_CERFA.get(category, "62")
            actual[key] = actual.get(key, 0) + int(cents)
        machine_ids = list(g.machine_ids)
        depreciation = 0
        period_days = (g.period_end - g.period_start).days + 1
        for m in s.scalars(select(Machine).where(Machine.id.in_(machine_ids))):
            if m.purchase_value_cents:
                years = m.depreciation_years or DEFAULT_DEPRECIATION_YEARS
                depreciation += (
                    m.purchase_value_cents * min(period_days, 365 * years) // (365 * years)
                )
        if depreciation:
            actual["68"] = actual.get("68", 0) + depreciation
        usage_filter = [Usage.start_at >= start_utc, Usage.start_at < end_utc]
        if machine_ids:
            usage_filter.append(Usage.machine_id.in_(machine_ids))
        else:
            usage_filter.append(Usage.machine_id.is_not(None))
        charged = machine_own_revenue(s, machine_ids, g.period_start, g.period_end)
        rows = s.execute(
            select(
                Machine.name,
                Usage.minutes,
                func.coalesce(Usage.organisation_id, Usage.member_id),
                Usage.headcount,
            )
            .join(Machine, Machine.id == Usage.machine_id)
            .where(*usage_filter)
        ).all()
    if charged and machine_ids:
        actual["70"] = int(charged)
    if g.granted_cents:
        private = g.nature == "donation" or g.sector == "private"
        key = "75" if private else "74"
        actual[key] = actual.get(key, 0) + g.granted_cents
    per_machine: dict[str, list[int]] = {}  # name -> [usages, minutes, people]
    users_of: dict[str, set[int]] = {}
    all_users: set[int] = set()
    for name, minutes, who, headcount in rows:
        entry = per_machine.setdefault(name, [0, 0, 0])
        users = users_of.setdefault(name, set())
        entry[0] += 1
        entry[1] += minutes
        if who is not None:
            users.add(who)
            all_users.add(who)
        entry[2] += headcount or 1
    machines = [
        (n, e[0], e[1], len(users_of[n]), e[2])
        for n, e in sorted(per_machine.items(), key=lambda kv: -kv[1][1])
    ]
    return GrantFigures(
        grant=g,
        planned=_planned(g.planned_budget or {}),
        actual=actual,
        payments=payments,
        machines=machines,
        usages=len(rows),
        minutes=sum(r[1] for r in rows),
        users=len(all_users),
        people=sum(m[4] for m in machines),
    )


def _planned(raw: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, cents in raw.items():
        code = key.split("_")[0] if key[:2].isdigit() else key
        out[code] = out.get(code, 0) + int(cents)
    return out


def grant_report(db: Database, grant_id: int) -> bytes:
    """The funder report of one grant as PDF bytes (raises NotFound for an unknown id)."""
    from tierslieu_desktop.services.people.structure import get_structure

    f = grant_figures(db, grant_id)
    s = get_structure(db)
    letterhead = Letterhead(
        name=s.name,
        address=s.address,
        postcode=s.postcode,
        city=s.city,
        siret=s.siret,
        rna=s.rna,
        logo=s.logo,
    )
    return render_grant(f, letterhead)
