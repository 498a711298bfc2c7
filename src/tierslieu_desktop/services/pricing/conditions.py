"""What a public pays and gets: membership fees, reductions and free-minute quotas,
each valid over a dated period (the pricing engine, services.pricing.engine, applies
them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Audience, MembershipFee, Quota, Reduction
from tierslieu_desktop.domain.errors import NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import MEMBERSHIP_DURATIONS, USE_SCOPE_KINDS
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, stamp
from tierslieu_desktop.services.pricing.scopes import (
    TIME_SCOPES,
    Names,
    check_dates,
    check_scope,
    get_or_new,
    in_force,
    overlaps,
    scope_of,
    set_scope,
)

Row = TypeVar("Row")
Scoped = TypeVar("Scoped", Reduction, Quota)

# --------------------------------------------------------------------------- rows


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
    version: int = 1  # what save_fee's expected_version is given


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
    version: int = 1  # what save_reduction's expected_version is given


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
    version: int = 1  # what save_quota's expected_version is given


# --------------------------------------------------------------------------- fees


def _fee_row(fee: MembershipFee, names: Names) -> FeeRow:
    return FeeRow(
        fee.id,
        fee.audience_id,
        names.audience(fee.audience_id),
        fee.duration,
        fee.amount_cents,
        fee.valid_from,
        fee.valid_to,
        fee.label,
        fee.version,
    )


def list_fees(db: Database, on: date | None = None) -> list[FeeRow]:
    stmt = select(MembershipFee)
    if on is not None:
        stmt = stmt.where(in_force(MembershipFee, on))
    with db.read() as session:
        names = Names(session)
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


@guarded(Permission.TARIFFS)
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
    expected_version: int | None = None,
) -> int:
    """Create or edit a membership fee; overlapping one of the same (audience,
    duration) is refused: ``{"valid_from": "fee_overlap"}``."""
    with db.write() as session:
        errors = FieldCollector()
        errors.text("label", label)
        if audience_id is not None and session.get(Audience, audience_id) is None:
            errors.add("audience_id", "unknown")
        if duration not in MEMBERSHIP_DURATIONS:
            errors.add("duration", "invalid")
        if amount_cents is None:
            errors.add("amount_cents", "required")
        elif amount_cents < 0:
            errors.add("amount_cents", "negative")
        check_dates(errors, valid_from, valid_to)
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
                overlaps(MembershipFee, valid_from, valid_to),
                MembershipFee.id != (fee_id or 0),
            )
        )
        if clash is not None:
            raise ValidationError({"valid_from": "fee_overlap"})
        fee = get_or_new(
            session,
            MembershipFee,
            fee_id,
            actor,
            expected_version=expected_version,
            values={
                "audience_id": audience_id,
                "duration": duration,
                "amount_cents": amount_cents,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "label": label.strip(),
            },
        )
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
        names = Names(session)
        candidates = [audience_id, None] if audience_id is not None else [None]
        for aid in candidates:
            same = (
                MembershipFee.audience_id.is_(None)
                if aid is None
                else MembershipFee.audience_id == aid
            )
            fee = session.scalar(
                select(MembershipFee)
                .where(same, MembershipFee.duration == duration, in_force(MembershipFee, day))
                .order_by(MembershipFee.valid_from.desc())
            )
            if fee is not None:
                return _fee_row(fee, names)
    return None


# --------------------------------------------------------------------------- reductions


def _check_audience(session: Session, errors: FieldCollector, audience_id: int | None) -> None:
    if audience_id is None:
        errors.add("audience_id", "required")
    elif session.get(Audience, audience_id) is None:
        errors.add("audience_id", "unknown")


def _scoped_rows(
    db: Database,
    model: type[Scoped],
    row_cls: Callable[..., Row],
    value: str,
    on: date | None,
) -> list[Row]:
    """Reductions or quotas (in force on ``on``, or all) as rows: public, scope and its
    names, the value (percent or free minutes), validity and label."""
    stmt = select(model).order_by(model.valid_from, model.id)
    if on is not None:
        stmt = stmt.where(in_force(model, on))
    with db.read() as session:
        names = Names(session)
        out: list[Row] = []
        for r in session.scalars(stmt):
            kind, sid = scope_of(r)
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
                    version=r.version,
                )
            )
        return out


def list_reductions(db: Database, on: date | None = None) -> list[ReductionRow]:
    return _scoped_rows(db, Reduction, ReductionRow, "percent_bp", on)


@guarded(Permission.TARIFFS)
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
    expected_version: int | None = None,
) -> int:
    """A percentage (basis points, 5000 = 50 %) off for a public, on every machine or
    space use (scope None) or on one resource."""
    with db.write() as session:
        errors = FieldCollector()
        errors.text("label", label)
        _check_audience(session, errors, audience_id)
        check_scope(session, errors, scope_kind, scope_id, USE_SCOPE_KINDS)
        if percent_bp is None:
            errors.add("percent_bp", "required")
        elif not 0 < percent_bp <= 10_000:
            errors.add("percent_bp", "percent")
        check_dates(errors, valid_from, valid_to)
        errors.raise_if_any()
        red = get_or_new(
            session,
            Reduction,
            reduction_id,
            actor,
            expected_version=expected_version,
            values={
                "audience_id": audience_id,
                "percent_bp": percent_bp,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "label": label.strip(),
            },
        )
        red.audience_id = audience_id
        set_scope(red, scope_kind, scope_id)
        red.percent_bp = percent_bp
        red.valid_from = valid_from
        red.valid_to = valid_to
        red.label = label.strip()
        session.flush()
        return red.id


def _end(db: Database, actor: int | None, model: type[Scoped], obj_id: int, last_day: date) -> None:
    with db.write() as session:
        obj = session.get(model, obj_id)
        if obj is None:
            raise NotFound(model.__tablename__, obj_id)
        if last_day < obj.valid_from:
            raise ValidationError({"valid_to": "dates"})
        obj.valid_to = last_day
        stamp(obj, actor)


@guarded(Permission.TARIFFS)
def end_reduction(db: Database, actor: int | None, reduction_id: int, last_day: date) -> None:
    """The reduction no longer applies after ``last_day``."""
    _end(db, actor, Reduction, reduction_id, last_day)


# --------------------------------------------------------------------------- quotas


def list_quotas(db: Database, on: date | None = None) -> list[QuotaRow]:
    return _scoped_rows(db, Quota, QuotaRow, "free_minutes_per_month", on)


@guarded(Permission.TARIFFS)
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
    expected_version: int | None = None,
) -> int:
    """Free minutes each month for a public, on a machine, a category, a space or
    every machine/space use (scope None)."""
    with db.write() as session:
        errors = FieldCollector()
        errors.text("label", label)
        _check_audience(session, errors, audience_id)
        check_scope(session, errors, scope_kind, scope_id, TIME_SCOPES)
        if free_minutes_per_month is None:
            errors.add("free_minutes_per_month", "required")
        elif free_minutes_per_month <= 0:
            errors.add("free_minutes_per_month", "positive")
        check_dates(errors, valid_from, valid_to)
        errors.raise_if_any()
        quota = get_or_new(
            session,
            Quota,
            quota_id,
            actor,
            expected_version=expected_version,
            values={
                "audience_id": audience_id,
                "free_minutes_per_month": free_minutes_per_month,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "label": label.strip(),
            },
        )
        quota.audience_id = audience_id
        set_scope(quota, scope_kind, scope_id)
        quota.free_minutes_per_month = free_minutes_per_month
        quota.valid_from = valid_from
        quota.valid_to = valid_to
        quota.label = label.strip()
        session.flush()
        return quota.id


@guarded(Permission.TARIFFS)
def end_quota(db: Database, actor: int | None, quota_id: int, last_day: date) -> None:
    """The quota no longer applies after ``last_day``."""
    _end(db, actor, Quota, quota_id, last_day)
