"""Funders, grants and their payments, in-kind contributions and the grant reports due.

How they count in the revenue balance (spread over the grant's period or the depreciation
of its machines; in-kind shown apart, neither funding nor cost): services.finance.balance.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Expense,
    Funder,
    Grant,
    GrantMachine,
    GrantPayment,
    InKindContribution,
    Machine,
)
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain import grant_budget
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.inputs import day_in_range, year_in_range
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.validation import text_limit
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_version, soft_delete, stamp
from tierslieu_desktop.services.finance.checks import (
    check_amount,
    check_choice,
    clean_text,
    get_or_raise,
)

NAME_MAX = text_limit("name")  # domain.validation.TEXT_LIMITS
PURPOSE_MAX = 300


def _check_days(fc: FieldCollector, **days: date | None) -> None:
    """``date_out_of_range`` for each given day outside 2000–2100 (domain.inputs)."""
    for field, day in days.items():
        if day is not None and not day_in_range(day):
            fc.add(field, "date_out_of_range")


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
    version: int = 1  # what save_funder's expected_version is given


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
    # the funder report (domain.grant_budget): allocation key, annex texts, objectives
    alloc_key: str = "direct"
    alloc_fixed_bp: int | None = None
    texts: dict[str, str] = dataclasses.field(default_factory=dict)  # REPORT_SECTIONS -> text
    targets: dict[str, int | None] = dataclasses.field(default_factory=dict)  # TARGETS -> objective
    version: int = 1  # what save_grant's / delete_grant's expected_version is given


@dataclass(frozen=True)
class GrantReportTerms:
    """What the funder report needs beyond the grant itself (Finances › grant dialog):
    the allocation key of the shared costs (``grant_budget.ALLOC_KEYS``; ``fixed_bp`` for
    "fixed"), the annex texts by section and the numeric objectives (None = none)."""

    alloc_key: str = "direct"
    fixed_bp: int | None = None
    texts: dict[str, str] = dataclasses.field(default_factory=dict)
    targets: dict[str, int | None] = dataclasses.field(default_factory=dict)


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
    version: int = 1  # what save_in_kind's / delete_in_kind's expected_version is given


# --------------------------------------------------------------------------- funders


def _funder_row(f: Funder) -> FunderRow:
    return FunderRow(f.id, f.name, f.sector, f.level, f.contact, f.notes, f.archived, f.version)


@guarded(Permission.FINANCES)
def list_funders(db: Database, include_archived: bool = False) -> list[FunderRow]:
    with db.read() as s:
        q = select(Funder).order_by(Funder.name)
        if not include_archived:
            q = q.where(Funder.archived.is_(False))
        return [_funder_row(f) for f in s.scalars(q)]


@guarded(Permission.FINANCES)
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
    expected_version: int | None = None,
) -> int:
    """Create or update a funder (public or private, with its level). Returns its id."""
    fc = FieldCollector()
    name = clean_text(fc, "name", name, NAME_MAX, required=True)
    fc.text("contact", contact or "")
    fc.text("notes", notes or "")
    check_choice(fc, "sector", sector, rules.SECTORS)
    check_choice(fc, "level", level, rules.FUNDER_LEVELS)
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
            f = get_or_raise(s, Funder, funder_id, "funder")
            check_version(
                f,
                expected_version,
                {"name": name, "sector": sector, "level": level}
                | {"contact": contact or "", "notes": notes or ""},
            )
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
                alloc_key=g.alloc_key or "direct",
                alloc_fixed_bp=g.alloc_fixed_bp,
                texts={k: getattr(g, f"report_{k}") or "" for k in grant_budget.REPORT_SECTIONS},
                targets={k: getattr(g, f"target_{k}") for k in grant_budget.TARGETS},
                version=g.version,
            )
        )
    return out


@guarded(Permission.FINANCES)
def list_grants(db: Database, *, year: int | None = None) -> list[GrantRow]:
    """Grants, newest period first; with ``year``, those of that year: their period meets
    it, a payment was received in it, or a share counts in its balance (an investment grant
    over its machines' depreciation: balance.grant_ids_of_period)."""
    return _list_grants_impl(db, year=year)


def _list_grants_impl(db: Database, *, year: int | None = None) -> list[GrantRow]:
    from tierslieu_desktop.services.finance.balance import grant_ids_of_period

    with db.read() as s:
        q = select(Grant).order_by(Grant.period_start.desc(), Grant.id.desc())
        if year is not None:
            q = q.where(Grant.id.in_(grant_ids_of_period(s, date(year, 1, 1), date(year, 12, 31))))
        return _grant_rows(s, list(s.scalars(q)))


@guarded(Permission.FINANCES)
def get_grant(db: Database, grant_id: int) -> GrantRow:
    return _get_grant_impl(db, grant_id)


def _get_grant_impl(db: Database, grant_id: int) -> GrantRow:
    with db.read() as s:
        return _grant_rows(s, [get_or_raise(s, Grant, grant_id, "grant")])[0]


@guarded(Permission.FINANCES)
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
    report: GrantReportTerms | None = None,
    expected_version: int | None = None,
) -> int:
    """Create or update a grant and the machines it finances (and, with ``report``, its
    allocation key, annex texts and objectives; None keeps them). Returns its id."""
    fc = FieldCollector()
    purpose = clean_text(fc, "purpose", purpose, PURPOSE_MAX, required=True)
    fc.text("actions", actions or "")
    fc.text("notes", notes or "")
    check_choice(fc, "nature", nature, rules.GRANT_NATURES)
    check_choice(fc, "report_status", report_status, rules.REPORT_STATUSES)
    if period_start is None:
        fc.add("period_start", "required")
    if period_end is None:
        fc.add("period_end", "required")
    if period_start and period_end and period_end < period_start:
        fc.add("period_end", "end_before_start")
    _check_days(
        fc,
        period_start=period_start,
        period_end=period_end,
        requested_on=requested_on,
        granted_on=granted_on,
        report_due=report_due,
    )
    check_amount(fc, "requested_cents", requested_cents)
    check_amount(fc, "granted_cents", granted_cents, required=False)
    if nature == "donation" and granted_cents is not None and granted_on is None:
        fc.add("granted_on", "required")
    budget = dict(planned_budget or {})
    for value in budget.values():
        if not isinstance(value, int) or value < 0:
            fc.add("planned_budget", "amount_invalid")
    machine_ids = sorted(set(machine_ids))
    if report is not None:
        _check_report(fc, report)
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
            g = get_or_raise(s, Grant, grant_id, "grant")
            check_version(
                g,
                expected_version,
                {
                    "funder_id": funder_id,
                    "purpose": purpose,
                    "nature": nature,
                    "period_start": period_start,
                    "period_end": period_end,
                    "requested_cents": requested_cents,
                    "requested_on": requested_on,
                    "granted_cents": granted_cents,
                    "granted_on": granted_on,
                    "actions": actions or "",
                    "report_due": report_due,
                    "report_status": report_status,
                    "notes": notes or "",
                },
            )
            stamp(g, actor)
        g.funder_id, g.purpose, g.nature = funder_id, purpose, nature
        g.period_start, g.period_end = period_start, period_end
        g.requested_cents, g.requested_on = requested_cents, requested_on
        g.granted_cents, g.granted_on = granted_cents, granted_on
        g.actions = actions or ""
        g.planned_budget_json = json.dumps(budget, sort_keys=True)
        g.report_due, g.report_status, g.notes = report_due, report_status, notes or ""
        if report is not None:
            g.alloc_key = report.alloc_key
            g.alloc_fixed_bp = report.fixed_bp if report.alloc_key == "fixed" else None
            for section in grant_budget.REPORT_SECTIONS:
                setattr(g, f"report_{section}", report.texts.get(section, "") or "")
            for target in grant_budget.TARGETS:
                setattr(g, f"target_{target}", report.targets.get(target))
        s.flush()
        s.execute(delete(GrantMachine).where(GrantMachine.grant_id == g.id))
        for mid in machine_ids:
            s.add(GrantMachine(grant_id=g.id, machine_id=mid))
        s.flush()
        return g.id


def _check_report(fc: FieldCollector, report: GrantReportTerms) -> None:
    """The key among ALLOC_KEYS, a fixed share of 0–100 %, texts within the limit of a
    report section, objectives positive whole numbers."""
    check_choice(fc, "alloc_key", report.alloc_key, grant_budget.ALLOC_KEYS)
    if report.alloc_key == "fixed":
        bp = report.fixed_bp
        if bp is None:
            fc.add("alloc_fixed_bp", "required")
        elif not isinstance(bp, int) or not 0 <= bp <= 10000:
            fc.add("alloc_fixed_bp", "invalid")
    for section in grant_budget.REPORT_SECTIONS:
        fc.text(f"report_{section}", report.texts.get(section, "") or "")
    for target in grant_budget.TARGETS:
        value = report.targets.get(target)
        if value is not None and (not isinstance(value, int) or value < 0):
            fc.add(f"target_{target}", "amount_invalid")


@guarded(Permission.FINANCES)
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
    fc.text("note", note or "")
    if received_on is None:
        fc.add("received_on", "required")
    _check_days(fc, received_on=received_on)
    if not isinstance(amount_cents, int) or amount_cents <= 0:
        fc.add("amount_cents", "amount_not_positive")
    fc.raise_if_any()
    with db.write() as s:
        g = get_or_raise(s, Grant, grant_id, "grant")
        stamp(g, actor)
        p = GrantPayment(
            grant_id=grant_id, received_on=received_on, amount_cents=amount_cents, note=note or ""
        )
        s.add(p)
        s.flush()
        return p.id


@guarded(Permission.FINANCES)
def grant_payments(db: Database, grant_id: int) -> list[tuple[int, date, int, str]]:
    """(id, received_on, amount_cents, note) of a grant, oldest first."""
    return _grant_payments_impl(db, grant_id)


def _grant_payments_impl(db: Database, grant_id: int) -> list[tuple[int, date, int, str]]:
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


@guarded(Permission.FINANCES)
def list_in_kind(db: Database, year: int | None = None) -> list[InKindRow]:
    return _list_in_kind_impl(db, year)


def _list_in_kind_impl(db: Database, year: int | None = None) -> list[InKindRow]:
    with db.read() as s:
        q = (
            select(InKindContribution, Funder.name)
            .outerjoin(Funder, Funder.id == InKindContribution.funder_id)
            .order_by(InKindContribution.year.desc(), InKindContribution.id)
        )
        if year is not None:
            q = q.where(InKindContribution.year == year)
        return [_in_kind_row(c, name) for c, name in s.execute(q)]


def _in_kind_row(c: InKindContribution, funder_name: str | None) -> InKindRow:
    return InKindRow(
        c.id,
        c.funder_id,
        funder_name or "",
        c.year,
        c.kind,
        c.description,
        c.hours,
        c.value_cents,
        c.version,
    )


@guarded(Permission.FINANCES)
def get_in_kind(db: Database, in_kind_id: int) -> InKindRow:
    """One in-kind contribution as saved now (its form's « Recharger » after another
    desk saved it first)."""
    with db.read() as s:
        c = get_or_raise(s, InKindContribution, in_kind_id, "in_kind")
        funder = s.get(Funder, c.funder_id) if c.funder_id is not None else None
        return _in_kind_row(c, funder.name if funder else None)


@guarded(Permission.FINANCES)
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
    expected_version: int | None = None,
) -> int:
    """Create or update an in-kind contribution (funder None = volunteers)."""
    fc = FieldCollector()
    description = clean_text(
        fc, "description", description, text_limit("description"), required=True
    )
    check_choice(fc, "kind", kind, rules.IN_KIND_KINDS)
    if not isinstance(year, int):
        fc.add("year", "invalid")
    elif not year_in_range(year):
        fc.add("year", "year_out_of_range")
    if hours is not None and (not isinstance(hours, int) or hours < 0):
        fc.add("hours", "hours_negative")
    check_amount(fc, "value_cents", value_cents)
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
            c = get_or_raise(s, InKindContribution, in_kind_id, "in_kind")
            check_version(
                c,
                expected_version,
                {"funder_id": funder_id, "year": year, "kind": kind}
                | {"description": description, "hours": hours, "value_cents": value_cents},
            )
            stamp(c, actor)
        c.funder_id, c.year, c.kind, c.description = funder_id, year, kind, description
        c.hours, c.value_cents = hours, value_cents
        s.flush()
        return c.id


# --------------------------------------------------------------------------- removal


@guarded(Permission.FINANCES)
def delete_grant(
    db: Database,
    actor: int | None,
    grant_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> None:
    """Remove a grant entered by mistake, for ``reason``: kept, marked deleted, counted
    nowhere. Refused (``grant_in_use``) while payments or expenses are attached to it."""
    with db.write() as s:
        g = get_or_raise(s, Grant, grant_id, "grant")
        check_version(g, expected_version)
        used = s.scalar(select(func.count()).where(GrantPayment.grant_id == grant_id)) or 0
        used += s.scalar(select(func.count()).where(Expense.grant_id == grant_id)) or 0
        if used:
            raise DomainError("grant_in_use", grant=g.purpose)
        soft_delete(g, actor, reason)


@guarded(Permission.FINANCES)
def delete_in_kind(
    db: Database,
    actor: int | None,
    in_kind_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> None:
    """Remove an in-kind contribution for ``reason``: kept, marked deleted."""
    with db.write() as s:
        c = get_or_raise(s, InKindContribution, in_kind_id, "in_kind")
        check_version(c, expected_version)
        soft_delete(c, actor, reason)


@guarded(Permission.FINANCES)
def set_funder_archived(
    db: Database,
    actor: int | None,
    funder_id: int,
    archived: bool,
    *,
    expected_version: int | None = None,
) -> None:
    """Archive a funder (out of the lists of new grants; its grants stay) or bring it back."""
    with db.write() as s:
        f = get_or_raise(s, Funder, funder_id, "funder")
        check_version(f, expected_version, {"archived": archived})
        if f.archived != archived:
            f.archived = archived
            stamp(f, actor)
