"""The audit trail read back (issue 19): Paramètres › Journal (paged in SQL, newest
first, filtered by operator, table and dates) and the history of one record (a member,
a booking, a machine). The recording itself is ``db.audit`` (a listener of every write
session); the daily seal into the integrity chain is ``services.chain.seal_audit_days``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.audit import erase_values
from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    AuditEntry,
    AuditValue,
    Authorization,
    Basket,
    Booking,
    DropIn,
    Member,
    Membership,
    Operator,
    Registration,
    Usage,
)
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded

PAGE_SIZE = 200


@dataclass(frozen=True)
class Change:
    """One column: its value before and after (None: none); money in integer cents,
    dates and times ISO."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    operator_id: int | None
    operator: str  # "" when no operator was known
    entity: str  # the table's name: "member", "booking", "expense"…
    entity_id: int
    action: str  # create, update, delete, restore
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class JournalFilter:
    operator_id: int | None = None
    entity: str | None = None
    start: date | None = None  # first local day shown
    end: date | None = None  # last local day shown


def _changes(text: str, entity: str, entity_id: int, values: _Values) -> tuple[Change, ...]:
    try:
        data = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(data, dict):
        return ()

    def shown(value: Any) -> Any:
        """A private value read back from ``audit_value`` (still ``{"sha256": …}`` once
        erased: the screens say « (effacé) »)."""
        if isinstance(value, dict) and "sha256" in value:
            return values.get((entity, entity_id, str(value["sha256"])), value)
        return value

    return tuple(
        Change(str(k), shown(v[0]), shown(v[1]))
        for k, v in sorted(data.items())
        if isinstance(v, list) and len(v) == 2
    )


_Values = dict[tuple[str, int, str], Any]


def _values(s: Session, entries: list[AuditEntry]) -> _Values:
    """The private values of these journal rows, by (entity, id, digest)."""
    wanted = {(e.entity, e.entity_id) for e in entries if '"sha256"' in e.changes}
    found: _Values = {}
    ids = sorted({i for _e, i in wanted})
    for start in range(0, len(ids), 500):
        for v in s.scalars(
            select(AuditValue).where(AuditValue.entity_id.in_(ids[start : start + 500]))
        ):
            if (v.entity, v.entity_id) in wanted:
                found[(v.entity, v.entity_id, v.digest)] = json.loads(v.value)
    return found


def _query(flt: JournalFilter) -> Select[AuditEntry, str]:
    q = select(AuditEntry, Operator.name).outerjoin(Operator, Operator.id == AuditEntry.operator_id)
    if flt.operator_id is not None:
        q = q.where(AuditEntry.operator_id == flt.operator_id)
    if flt.entity:
        q = q.where(AuditEntry.entity == flt.entity)
    if flt.start is not None:
        q = q.where(AuditEntry.at >= local_day_bounds(flt.start)[0])
    if flt.end is not None:
        q = q.where(AuditEntry.at < local_day_bounds(flt.end)[1])
    return q


def _rows(s: Session, found: list[tuple[AuditEntry, str | None]]) -> list[AuditRow]:
    values = _values(s, [entry for entry, _name in found])
    return [_row(entry, name, values) for entry, name in found]


def _row(entry: AuditEntry, name: str | None, values: _Values) -> AuditRow:
    return AuditRow(
        id=entry.id,
        at=entry.at,
        operator_id=entry.operator_id,
        operator=name or "",
        entity=entry.entity,
        entity_id=entry.entity_id,
        action=entry.action,
        changes=_changes(entry.changes, entry.entity, entry.entity_id, values),
    )


@guarded(Permission.SETTINGS)
def journal_page(
    db: Database, flt: JournalFilter, *, offset: int = 0, limit: int = PAGE_SIZE
) -> list[AuditRow]:
    """One page of the journal, newest first."""
    with db.read() as s:
        rows = s.execute(
            _query(flt).order_by(AuditEntry.id.desc()).offset(max(0, offset)).limit(limit)
        ).all()
        return _rows(s, [(entry, name) for entry, name in rows])


@guarded(Permission.SETTINGS)
def journal_count(db: Database, flt: JournalFilter) -> int:
    """How many rows the filter keeps."""
    with db.read() as s:
        inner = _query(flt).with_only_columns(AuditEntry.id).subquery()
        return int(s.scalar(select(func.count()).select_from(inner)) or 0)


@guarded(Permission.SETTINGS)
def journal_entities(db: Database) -> list[str]:
    """The tables that appear in the journal (the entity filter's choices)."""
    with db.read() as s:
        return [e for (e,) in s.execute(select(AuditEntry.entity).distinct().order_by("entity"))]


def history(db: Database, entity: str, entity_id: int) -> list[AuditRow]:
    """Every change of one record, newest first (the « Historique » of a member, a
    booking or a machine)."""
    with db.read() as s:
        rows = s.execute(
            _query(JournalFilter(entity=entity))
            .where(AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id.desc())
        ).all()
        return _rows(s, [(entry, name) for entry, name in rows])


def forget_member(session: Session, member_id: int) -> None:
    """For a member's anonymisation, in its transaction: the journal's values of the
    member and of their bookings, usages, registrations, drop-ins, memberships,
    authorizations and baskets erased (``audit_value``), and this transaction's own
    changes recorded by digest only. The journal's rows stay, sealed; the screens show
    « (effacé) »."""
    erase_values(session)
    linked = {
        "member": select(Member.id).where(Member.id == member_id),
        "booking": select(Booking.id).where(
            (Booking.member_id == member_id) | (Booking.organisation_id == member_id)
        ),
        "usage": select(Usage.id).where(
            (Usage.member_id == member_id) | (Usage.organisation_id == member_id)
        ),
        "registration": select(Registration.id).where(
            (Registration.member_id == member_id) | (Registration.organisation_id == member_id)
        ),
        "drop_in": select(DropIn.id).where(DropIn.member_id == member_id),
        "membership": select(Membership.id).where(Membership.member_id == member_id),
        "authorization": select(Authorization.id).where(Authorization.member_id == member_id),
        "basket": select(Basket.id).where(Basket.member_id == member_id),
    }
    for entity, ids in linked.items():
        session.execute(
            delete(AuditValue)
            .where(AuditValue.entity == entity, AuditValue.entity_id.in_(ids.scalar_subquery()))
            .execution_options(include_deleted=True, synchronize_session=False)
        )
