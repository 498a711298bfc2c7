"""What a tariff row points to and when it is in force, shared by the tariff modules.

A price rule, a reduction, a quota or a pack type is scoped to one resource through one
of five columns (machine, category, space, consumable, activity); :class:`Names` gives
the names to show. Price rules, fees, reductions and quotas are valid over dated
periods: :func:`in_force` and :func:`overlaps` are their SQL filters.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

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
)
from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.services.common import FieldCollector, check_version, stamp

# The tables a row may be scoped to, and the tables valid over dated periods.
Resource = type[Machine] | type[MachineCategory] | type[Space] | type[Consumable] | type[Activity]
Dated = type[PriceRule] | type[MembershipFee] | type[Reduction] | type[Quota]
# The edited rows (get_or_new).
Edited = TypeVar("Edited", MembershipFee, Reduction, Quota, PackType)

KIND_MODELS: dict[str, Resource] = {
    "machine": Machine,
    "category": MachineCategory,
    "space": Space,
    "consumable": Consumable,
    "activity": Activity,
}
KIND_COLUMNS = {
    "machine": "machine_id",
    "category": "category_id",
    "space": "space_id",
    "consumable": "consumable_id",
    "activity": "activity_id",
}
TIME_SCOPES = ("machine", "category", "space")


class Names:
    """Names of every resource and audience (small tables), loaded once per call."""

    def __init__(self, session: Session) -> None:
        self.by_kind: dict[str, dict[int, str]] = {
            kind: {i: n for i, n in session.execute(select(model.id, model.name))}
            for kind, model in KIND_MODELS.items()
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


def scope_of(obj: object) -> tuple[str | None, int | None]:
    for kind, column in KIND_COLUMNS.items():
        value = getattr(obj, column, None)
        if value is not None:
            return kind, value
    return None, None


def set_scope(obj: object, kind: str | None, rid: int | None) -> None:
    for k, column in KIND_COLUMNS.items():
        if hasattr(obj, column):
            setattr(obj, column, rid if k == kind else None)


def in_force(model: Dated, day: date) -> ColumnElement[bool]:
    return and_(model.valid_from <= day, or_(model.valid_to.is_(None), model.valid_to >= day))


def overlaps(model: Dated, valid_from: date, valid_to: date | None) -> ColumnElement[bool]:
    cond = or_(model.valid_to.is_(None), model.valid_to >= valid_from)
    if valid_to is not None:
        cond = and_(cond, model.valid_from <= valid_to)
    return cond


def check_dates(errors: FieldCollector, valid_from: date | None, valid_to: date | None) -> None:
    if valid_from is None:
        errors.add("valid_from", "required")
    elif valid_to is not None and valid_to < valid_from:
        errors.add("valid_to", "dates")


def get_or_new(
    session: Session,
    model: type[Edited],
    obj_id: int | None,
    actor: int | None,
    *,
    expected_version: int | None = None,
    values: dict[str, Any] | None = None,
) -> Edited:
    """A new row (``obj_id`` None) or the row to edit, stamped; an edit from a form read
    at ``expected_version`` that another desk saved since is refused (``stale_record``,
    the fresh values of ``values``' columns named)."""
    if obj_id is None:
        new = model()
        session.add(new)
        stamp(new, actor, created=True)
        return new
    obj = session.get(model, obj_id)
    if obj is None:
        raise NotFound(model.__tablename__, obj_id)
    check_version(obj, expected_version, values)
    stamp(obj, actor)
    return obj


def check_scope(
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
    elif session.get(KIND_MODELS[scope_kind], scope_id) is None:
        errors.add("scope_id", "unknown")
