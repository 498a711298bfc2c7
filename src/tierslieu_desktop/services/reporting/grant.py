"""The funder report (compte rendu financier, CERFA 15059*02) of a grant.

The budget of the financed action, planned / actual / gap by account with every
co-financer, in-kind 86/87 and the result line (``services.reporting.grant_budget``; an
investment grant against its machines), the grant's payments, activity indicators over
the grant's period, the qualitative annex with the objectives compared with what was
achieved, a signature block. ``grant_figures`` computes the figures;
``reports.grant_pdf.render_grant`` lays them out.

- Indicators: usages, hours, distinct users and people (head-count) on the financed
  machines over the period (all machines when the grant finances none). The numeric
  objectives compare with them: distinct users, machine hours (whole hours), sessions
  (usages).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable
from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Machine, Usage
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.grant_budget import AllocationKey, CerfaBudget, InvestmentMachine
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.reports import GrantFigures, Letterhead
from tierslieu_desktop.reports.grant_pdf import Section, render_grant
from tierslieu_desktop.reports.indicators import activity_means_section, audience_section
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.reporting.grant_budget import (
    _investment_budget_impl,
    _operating_budget_impl,
)
from tierslieu_desktop.services.reporting.indicators import _audience_indicators_impl


@guarded(Permission.REPORTS)
def grant_figures(db: Database, grant_id: int) -> GrantFigures:
    """Budget, indicators, annex and objectives of a grant (see the module docstring)."""
    return _grant_figures_impl(db, grant_id)


def _grant_figures_impl(db: Database, grant_id: int) -> GrantFigures:
    from tierslieu_desktop.services.finance import funding as finance

    g = finance._get_grant_impl(db, grant_id)
    payments = finance._grant_payments_impl(db, grant_id)
    start_utc = local_day_bounds(g.period_start)[0]
    end_utc = local_day_bounds(g.period_end)[1]
    key: AllocationKey | None = None
    investment: tuple[InvestmentMachine, ...] = ()
    if g.nature == "investment":
        budget, investment = _investment_budget_impl(db, g)
    else:
        budget, key = _operating_budget_impl(db, g)
    with db.read() as s:
        machine_ids = list(g.machine_ids)
        usage_filter = [Usage.start_at >= start_utc, Usage.start_at < end_utc]
        if machine_ids:
            usage_filter.append(Usage.machine_id.in_(machine_ids))
        else:
            usage_filter.append(Usage.machine_id.is_not(None))
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
    total_minutes = sum(r[1] for r in rows)
    achieved = {"users": len(all_users), "hours": total_minutes // 60, "sessions": len(rows)}
    objectives = tuple(
        (name, int(target), achieved[name])
        for name, target in g.targets.items()
        if target is not None and name in achieved
    )
    return GrantFigures(
        grant=g,
        planned=_by_account(budget, "planned"),
        actual=_by_account(budget, "actual"),
        payments=payments,
        machines=machines,
        usages=len(rows),
        minutes=total_minutes,
        users=len(all_users),
        people=sum(m[4] for m in machines),
        budget=budget,
        key=key,
        investment=investment,
        texts={k: v for k, v in g.texts.items() if v.strip()},
        objectives=objectives,
    )


def _by_account(budget: CerfaBudget, column: str) -> dict[str, int]:
    """The budget's lines summed by account class ("60", "74", "86"…), zeros left out."""
    out: dict[str, int] = {}
    for line in budget.lines:
        cents = getattr(line, column)
        if cents:
            code = line.account[:2]
            out[code] = out.get(code, 0) + cents
    return out


@guarded(Permission.REPORTS)
def grant_report(db: Database, grant_id: int, extra: Sequence[Section] = ()) -> bytes:
    """The funder report of one grant as PDF bytes (raises NotFound for an unknown id);
    ``extra``: more sections (``reports.grant_pdf.Section``) before the signature."""
    from tierslieu_desktop.services.people.structure import get_structure

    f = _grant_figures_impl(db, grant_id)
    audience = _audience_indicators_impl(db, f.grant.period_start, f.grant.period_end)
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

    def people(_f: GrantFigures, _l: Letterhead) -> list[Flowable]:
        """The structure's users over the grant's period (not the action's alone)."""
        return audience_section(
            audience, heading="Publics accueillis sur la période"
        ) + activity_means_section(audience)

    return render_grant(f, letterhead, (people, *extra))
