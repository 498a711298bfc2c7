"""The annual activity report (rapport d'activité) for the general meeting and the funders.

``annual_figures`` computes the numbers the PDF prints (``domain.reports.AnnualFigures``);
``annual_report`` has ``reports.annual_pdf.render_annual`` lay them out with the texts the
user wrote (ReportText sections "edito", "faits_marquants", "perspectives").

Definitions (local time, Europe/Paris, calendar year):
- a NEW member has a membership starting in the year and none starting before it; a
  RENEWED member has one starting in the year and one before. Counted once each, by the
  public (audience) and the commune (Member.city) of their first membership of the year;
- machine hours = Usage.minutes of machine usages by the local month of their start;
- bookings by status of bookings starting in the year (no-show rate = no-shows ÷
  bookings not cancelled);
- publics reached: distinct users (member, or the organisation of a group usage) and
  people (head-count) of the year's usages, by the user's public;
- school groups: usages of organisations of type "school" (sessions and pupils);
- the money figures come from services.finance.balance (balance, balance_by_year) and
  services.finance.funding (grants);
- workshops, trainings and cyber-base: services.activity.figures over the year;
- users and new users by public, age band, gender and situation, their communes inside /
  outside the communauté de communes (QPV, ZRR), opening hours, staff and volunteers:
  services.reporting.indicators over the year;
- budget vs actual: the year's BudgetLine rows against the balance (own revenue by
  category, public and private funding, costs by category); a category with no budget
  line but an actual amount is shown with 0 planned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Audience,
    Booking,
    Machine,
    MachineCategory,
    Member,
    Membership,
    ReportText,
    Usage,
)
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.inputs import check_year, year_in_range
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.reports import SECTIONS, AnnualFigures, BudgetLineFigures
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import check_texts

TREND_YEARS = 4  # the year and the three before
NO_AUDIENCE = "Sans public"
NO_COMMUNE = "Commune non renseignée"

Progress = Callable[[int], None]


def _bounds(year: int) -> tuple[datetime, datetime]:
    return local_day_bounds(date(year, 1, 1))[0], local_day_bounds(date(year, 12, 31))[1]


@guarded(Permission.REPORTS)
def annual_figures(db: Database, year: int, *, progress: Progress | None = None) -> AnnualFigures:
    """The numbers the annual report prints (see the module docstring for definitions);
    ``DomainError("year_out_of_range")`` outside 2000–2100."""
    return _annual_figures_impl(db, year, progress=progress)


def _annual_figures_impl(
    db: Database, year: int, *, progress: Progress | None = None
) -> AnnualFigures:
    check_year(year)
    step = progress or (lambda _p: None)
    first, last = date(year, 1, 1), date(year, 12, 31)
    start_utc, end_utc = _bounds(year)
    with db.read() as s:
        from tierslieu_desktop.services.people.structure import get_structure

        audiences: dict[int | None, str] = dict(s.execute(select(Audience.id, Audience.name)).all())
        members = {
            mid: (aud, city, org_type)
            for mid, aud, city, org_type in s.execute(
                select(Member.id, Member.audience_id, Member.city, Member.organisation_type)
            )
        }
        # --- members: new / renewed ---------------------------------------------------
        rows = s.execute(
            select(Membership.member_id, Membership.audience_id)
            .where(Membership.start_date >= first, Membership.start_date <= last)
            .order_by(Membership.start_date, Membership.id)
        ).all()
        in_year = select(Membership.member_id).where(
            Membership.start_date >= first, Membership.start_date <= last
        )
        before = set(
            s.scalars(
                select(Membership.member_id)
                .where(Membership.start_date < first, Membership.member_id.in_(in_year))
                .distinct()
            )
        )
        step(10)
        # --- machine hours ---------------------------------------------------------------
        machines = dict(s.execute(select(Machine.id, Machine.name)).all())
        categories = dict(
            s.execute(
                select(Machine.name, MachineCategory.name).join(
                    MachineCategory, MachineCategory.id == Machine.category_id
                )
            ).all()
        )
        usage_rows = s.execute(
            select(
                Usage.machine_id,
                Usage.start_at,
                Usage.minutes,
                Usage.member_id,
                Usage.organisation_id,
                Usage.headcount,
            ).where(Usage.start_at >= start_utc, Usage.start_at < end_utc)
        ).all()
        step(25)
        # --- bookings ----------------------------------------------------------------------
        by_status = dict(
            s.execute(
                select(Booking.status, func.count())
                .where(
                    Booking.start_at >= start_utc,
                    Booking.start_at < end_utc,
                    # Members' and groups' bookings: sessions are counted in their section.
                    Booking.activity_session_id.is_(None),
                )
                .group_by(Booking.status)
            ).all()
        )
    structure = get_structure(db)
    step(35)

    seen: set[int] = set()
    new_by_aud: dict[str, int] = defaultdict(int)
    renewed_by_aud: dict[str, int] = defaultdict(int)
    by_commune: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for member_id, audience_id in rows:
        if member_id in seen:
            continue
        seen.add(member_id)
        aud = audiences.get(audience_id, NO_AUDIENCE)
        city = (members.get(member_id, (None, "", None))[1] or "").strip() or NO_COMMUNE
        renewed = member_id in before
        (renewed_by_aud if renewed else new_by_aud)[aud] += 1
        by_commune[city][1 if renewed else 0] += 1
    members_by_audience = {
        a: (new_by_aud.get(a, 0), renewed_by_aud.get(a, 0))
        for a in sorted(set(new_by_aud) | set(renewed_by_aud))
    }
    communes = sorted(
        ((c, n, r) for c, (n, r) in by_commune.items()), key=lambda t: (-(t[1] + t[2]), t[0])
    )

    minutes: dict[str, list[int]] = {}
    users_by_aud: dict[str, set[int]] = defaultdict(set)
    people_by_aud: dict[str, int] = defaultdict(int)
    school_sessions = school_pupils = 0
    for machine_id, start_at, mins, user_id, org_id, headcount in usage_rows:
        if machine_id is not None:
            month = to_local(start_at).month
            minutes.setdefault(machines.get(machine_id, f"#{machine_id}"), [0] * 12)[month - 1] += (
                mins
            )
        who = org_id if org_id is not None and (user_id is None or headcount > 1) else user_id
        if who is None:
            continue
        aud_id, _city, org_type = members.get(who, (None, "", None))
        aud = audiences.get(aud_id, NO_AUDIENCE)
        users_by_aud[aud].add(who)
        people_by_aud[aud] += headcount or 1
        if org_type == "school" or (
            org_id is not None and members.get(org_id, (None, "", None))[2] == "school"
        ):
            school_sessions += 1
            school_pupils += headcount or 1
    machine_minutes = {
        name: tuple(v) for name, v in sorted(minutes.items(), key=lambda kv: -sum(kv[1]))
    }
    by_category: dict[str, list[int]] = {}
    for name, months in machine_minutes.items():
        acc = by_category.setdefault(categories.get(name, "—"), [0] * 12)
        for i, m in enumerate(months):
            acc[i] += m
    category_minutes = {
        c: tuple(v) for c, v in sorted(by_category.items(), key=lambda kv: -sum(kv[1]))
    }
    publics = {
        a: (len(users_by_aud[a]), people_by_aud[a])
        for a in sorted(users_by_aud, key=lambda a: -people_by_aud[a])
    }
    total_bookings = sum(by_status.values())
    cancelled = by_status.get("cancelled", 0)
    no_shows = by_status.get("no_show", 0)
    not_cancelled = total_bookings - cancelled
    step(45)

    money = _money_figures(db, year, step)
    from tierslieu_desktop.services.activity.figures import figures as activity_figures

    activity = activity_figures(db, first, last)
    from tierslieu_desktop.services.reporting.indicators import _audience_indicators_impl

    audience = _audience_indicators_impl(db, first, last)
    from tierslieu_desktop.services.activity.mediation import _mediation_counts_impl

    mediation = _mediation_counts_impl(db, first, last)  # the national model (issue 22)
    step(78)
    return AnnualFigures(
        year=year,
        structure_name=structure.name,
        city=structure.city,
        members_new=sum(new_by_aud.values()),
        members_renewed=sum(renewed_by_aud.values()),
        members_by_audience=members_by_audience,
        members_by_commune=communes,
        machine_minutes=machine_minutes,
        category_minutes=category_minutes,
        total_machine_minutes=sum(sum(v) for v in machine_minutes.values()),
        usages=len(usage_rows),
        bookings=total_bookings,
        bookings_honoured=by_status.get("done", 0) + by_status.get("in_progress", 0),
        no_shows=no_shows,
        cancelled=cancelled,
        no_show_bp=(no_shows * 10000 // not_cancelled) if not_cancelled else None,
        publics=publics,
        users=sum(u for u, _p in publics.values()),
        people=sum(p for _u, p in publics.values()),
        school_sessions=school_sessions,
        school_pupils=school_pupils,
        activity=activity,
        audience=audience,
        mediation=mediation if mediation.records else None,
        **money,
    )


def _money_figures(db: Database, year: int, step: Progress) -> dict[str, Any]:
    from tierslieu_desktop.services.finance import balance as balance_service
    from tierslieu_desktop.services.finance import funding as finance

    years = list(range(year - TREND_YEARS + 1, year + 1))
    balances = balance_service._balance_by_year_impl(db, years)
    step(65)
    balance = balances.get(year)
    trend = {
        y: (b.own_cents, b.public_cents, b.private_cents, b.costs_cents)
        for y, b in sorted(balances.items())
        if y == year or b.total_revenue_cents or b.costs_cents
    }
    grants = []
    received_total = support_total = 0
    for g in finance._list_grants_impl(db, year=year):
        received = sum(
            amount
            for _pid, day, amount, _note in finance._grant_payments_impl(db, g.id)
            if day.year == year
        )
        # "subventions encaissées" are grants: mécénat, sponsoring and dons apart
        if rules.is_private_support(g.sector, g.level, g.nature):
            support_total += received
        else:
            received_total += received
        grants.append((g.funder_name, g.purpose, g.nature, g.granted_cents, received))
    reduced = dict(balance.reduced_access_by_audience) if balance else {}
    volunteer = sum(
        r.hours or 0 for r in finance._list_in_kind_impl(db, year=year) if r.kind == "volunteering"
    )
    step(75)
    return {
        "budget": _budget_vs_actual(db, year, balance),
        "balance": balance,
        "trend": trend,
        "grants": grants,
        "grants_received_cents": received_total,
        "private_support_received_cents": support_total,
        "reduced_access": reduced,
        "reduced_access_cents": sum(g for _l, _c, g in reduced.values()),
        "volunteer_hours": volunteer,
    }


def _budget_vs_actual(db: Database, year: int, balance: Any) -> tuple[BudgetLineFigures, ...]:
    """The year's budget lines against the balance (none when no budget was voted)."""
    from tierslieu_desktop.services.finance.expenses import _budget_impl

    planned = _budget_impl(db, year)
    if not planned:
        return ()
    actual: dict[tuple[str, str], int] = {}
    if balance is not None:
        for cat, cents in balance.own_by_category.items():
            actual[("revenue", cat)] = cents
        actual[("revenue", "public")] = balance.public_cents
        actual[("revenue", "private")] = balance.private_cents
        for m in balance.months:
            for cat, cents in m.costs.items():
                actual[("expense", cat)] = actual.get(("expense", cat), 0) + cents
    order = [("expense", c) for c in rules.BUDGET_EXPENSE_CATEGORIES] + [
        ("revenue", c) for c in rules.BUDGET_REVENUE_CATEGORIES
    ]
    return tuple(
        BudgetLineFigures(side, cat, planned.get((side, cat), 0), actual.get((side, cat), 0))
        for side, cat in order
        if planned.get((side, cat)) or actual.get((side, cat))
    )


def indicator_tables(db: Database, first: date, last: date) -> list[Any]:
    """The funders' indicators of a period as spreadsheet tables (title, headers, rows) —
    with the budget vs actual when the period is a calendar year — for the figures XLSX."""
    from tierslieu_desktop.reports.indicators import audience_tables
    from tierslieu_desktop.services.finance import balance as balance_service
    from tierslieu_desktop.services.reporting.indicators import _audience_indicators_impl

    budget: tuple[BudgetLineFigures, ...] = ()
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        balance = balance_service._balance_by_year_impl(db, [first.year]).get(first.year)
        budget = _budget_vs_actual(db, first.year, balance)
    return list(audience_tables(_audience_indicators_impl(db, first, last), budget))


# --- texts --------------------------------------------------------------------------------


@guarded(Permission.REPORTS)
def report_texts(db: Database, year: int) -> dict[str, str]:
    """The year's text sections (every one of SECTIONS, "" when not written)."""
    return _report_texts_impl(db, year)


def _report_texts_impl(db: Database, year: int) -> dict[str, str]:
    with db.read() as s:
        stored = dict(
            s.execute(
                select(ReportText.section, ReportText.text).where(ReportText.year == year)
            ).all()
        )
    return {section: stored.get(section, "") for section in SECTIONS}


@guarded(Permission.REPORTS)
def save_report_text(db: Database, year: int, section: str, text: str) -> None:
    """Store one text section of the year's report (one transaction)."""
    if section not in SECTIONS:
        raise ValidationError({"section": "invalid_choice"})
    check_texts(text=text)
    if not year_in_range(year):
        raise ValidationError({"year": "year_out_of_range"})
    with db.write() as s:
        row = s.get(ReportText, (year, section))
        if row is None:
            s.add(ReportText(year=year, section=section, text=text.strip()))
        else:
            row.text = text.strip()


# --- the PDF ---------------------------------------------------------------------------------


@guarded(Permission.REPORTS)
def annual_report(
    db: Database,
    year: int,
    *,
    texts: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The annual activity report of ``year`` as PDF bytes. ``texts`` (section -> text)
    override the stored ReportText sections; ``progress(percent)`` is called from 0 to 100."""
    step = progress or (lambda _p: None)
    step(0)
    figures = _annual_figures_impl(db, year, progress=step)
    stored = _report_texts_impl(db, year)
    if texts:
        stored.update({k: v for k, v in texts.items() if k in SECTIONS})
    from tierslieu_desktop.services.people.structure import get_structure

    logo = get_structure(db).logo
    from tierslieu_desktop.reports.annual_pdf import render_annual

    step(80)
    data = render_annual(figures, stored, logo)
    step(100)
    return data
