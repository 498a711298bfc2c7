"""The audit trail's recording (issue 19): every row a write transaction creates, changes
or deletes through the ORM becomes an ``audit_entry`` row, written by a listener of the
write sessions (``Database.write``) after each flush — no service records it itself.

Who: the operator the services already pass along — ``session.info["operator"]`` when a
service set it (:func:`as_operator`), else the ``updated_by_id`` / ``created_by_id`` /
``operator_id`` a service stamped on a row of the same transaction (``services.common.
stamp``). What: the changed columns ``{"column": [before, after]}`` (money in integer
cents as stored, dates and times ISO, ``updated_at`` / ``updated_by_id`` left out). A
soft delete (``deleted_at`` set) is recorded as "delete", its undoing as "restore".

Not recorded: the tables that are their own record (:data:`NOT_AUDITED`: the sealed and
insert-only tables, the integrity chain, the counters, the logs of bookings and usage
corrections), changes made in SQL without the ORM (bulk statements: the large demo's
history, the triggers' ``invoice_open``), and any write of a ``Database`` whose ``audit``
is False (the demo builder: not an operator's work).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Executable, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, with_loader_criteria
from sqlalchemy.orm.attributes import NO_VALUE

from tierslieu_desktop.db.models import AuditEntry, AuditValue, SoftDeleteMixin, utcnow

# Tables whose rows are themselves the record (sealed, insert-only, logs, counters).
NOT_AUDITED = frozenset(
    {
        "audit_entry",
        "audit_value",
        "integrity_entry",
        "invoice",
        "invoice_line",
        "payment",
        "closing",
        "wallet_movement",
        "bank_deposit",
        "bank_deposit_cheque",
        "document_counter",
        "database_identity",
        "booking_event",
        "usage_correction",
        "invoice_open",
    }
)
# Columns every change touches: who and when are the entry's own.
SKIPPED_COLUMNS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "created_by_id",
        "updated_by_id",
        "search_text",  # derived from the member's fields
        "sort_name",
        "failed_logins",  # an account's wrong tries: every login would be a change
        "locked_until",
        "version",  # the optimistic lock's counter (db.models.VersionMixin): no change
    }
)
# A secret is recorded as set or changed, never as its value (not even its hash): the old
# one shown "••••", the new one "••••••" (two marks, so that a change is never dropped as
# "nothing changed").
SECRET_COLUMNS = frozenset({"password_hash"})
SECRET_OLD = "••••"
SECRET_NEW = "••••••"


def _shown(key: str, value: Any, *, new: bool = False) -> Any:
    if key in SECRET_COLUMNS and value is not None:
        return SECRET_NEW if new else SECRET_OLD
    return plain(value)


_OPERATOR_COLUMNS = ("updated_by_id", "created_by_id", "operator_id")
# Personal data and free texts (which may hold some): the journal's row keeps their
# digest, ``audit_value`` the value, deleted when the member is anonymised.
PRIVATE_COLUMNS = frozenset(
    {
        "first_name",
        "last_name",
        "email",
        "phone",
        "address",
        "postcode",
        "city",
        "birth_year",
        "gender",
        "situation",
        "siret",
        "vat_number",
        "guardian_name",
        "guardian_phone",
        "guardian_email",
        "note",
        "notes",
        "purpose",
        "responsible_name",
        "group_name",
        "detail",
        "override_reason",
        "trainer",
    }
)


def as_operator(session: Session, operator_id: int | None) -> None:
    """Name the operator of this transaction's changes (for the rows that carry no
    ``updated_by_id``)."""
    if operator_id is not None:
        session.info["operator"] = operator_id


def erase_values(session: Session) -> None:
    """Write this transaction's audit rows with each value replaced by its digest
    (``{"sha256": …}``): what a member's anonymisation changes is recorded without the
    personal data it erases (issue 19 point 3)."""
    session.info["audit_erase"] = True


def value_digest(value: Any) -> str:
    """The SHA-256 of one value of an audit row's changes, as the daily seal covers it
    (``services.chain.audit_content``). A value already replaced by ``{"sha256": digest}``
    keeps its digest: the seal still verifies once personal data is erased."""
    if isinstance(value, dict) and set(value) == {"sha256"}:
        return str(value["sha256"])
    raw = json.dumps({"v": value}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def plain(value: Any) -> Any:
    """A column's value as the journal stores it (JSON: dates and times ISO)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int | str | float | bool) or value is None:
        return value
    return str(value)


def _operator(session: Session) -> int | None:
    """The operator of this flush: set by a service, or stamped on a row."""
    found = session.info.get("operator")
    if found is not None:
        return int(found)
    for obj in list(session.new) + list(session.dirty):
        state = inspect(obj)
        stamped = obj in session.new or (
            "updated_at" in state.attrs and bool(state.attrs["updated_at"].history.added)
        )
        if not stamped:
            continue
        for column in _OPERATOR_COLUMNS:
            value = state.dict.get(column)
            if value is not None:
                session.info["operator"] = int(value)
                return int(value)
    return None


def _columns(obj: Any) -> list[str]:
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in SKIPPED_COLUMNS]


def _entity(obj: Any) -> str | None:
    table = getattr(obj, "__tablename__", None)
    return None if table is None or table in NOT_AUDITED else str(table)


def _created(obj: Any) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for key in _columns(obj):
        value = state.dict.get(key)
        if value is not None and value != "":
            out[key] = [None, _shown(key, value, new=True)]
    return out


def _changed(obj: Any) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for key in _columns(obj):
        history = state.attrs[key].history
        if not history.added and not history.deleted:
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        if before is NO_VALUE:
            before = None
        if before != after:
            out[key] = [_shown(key, before), _shown(key, after, new=True)]
    return out


def _removed(obj: Any) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for key in _columns(obj):
        value = state.dict.get(key)
        if value is not None and value != "":
            out[key] = [_shown(key, value), None]
    return out


def _audited(session: Session) -> bool:
    db = session.info.get("database")
    return db is not None and getattr(db, "audit", True)


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    """Gather this flush's changes, merged per row with the transaction's earlier ones
    (a row created then completed is one "create"); :func:`write_pending` writes them."""
    if not _audited(session):
        return
    pending: dict[tuple[str, int], list[Any]] = session.info.setdefault("audit_pending", {})
    who = _operator(session)
    found: list[tuple[str, Any, str, dict[str, list[Any]]]] = []
    for obj in session.new:
        entity = _entity(obj)
        if entity is not None:
            found.append((entity, obj, "create", _created(obj)))
    for obj in session.dirty:
        entity = _entity(obj)
        if entity is None or not session.is_modified(obj, include_collections=False):
            continue
        changes = _changed(obj)
        if changes:
            action = "update"
            if "deleted_at" in changes:
                action = "restore" if changes["deleted_at"][1] is None else "delete"
            found.append((entity, obj, action, changes))
    for obj in session.deleted:
        entity = _entity(obj)
        if entity is not None:
            found.append((entity, obj, "delete", _removed(obj)))
    for entity, obj, action, changes in found:
        key = (entity, _entity_id(obj))
        earlier = pending.get(key)
        if earlier is None:
            pending[key] = [action, changes, who]
            continue
        if earlier[0] == "create" and action == "delete" and not obj_soft(changes):
            del pending[key]  # created and removed in one transaction: nothing happened
            continue
        merged = earlier[1]
        for column, (before, after) in changes.items():
            merged[column] = [merged[column][0] if column in merged else before, after]
        if earlier[0] == "update":
            earlier[0] = action
        earlier[2] = earlier[2] if earlier[2] is not None else who


def obj_soft(changes: dict[str, list[Any]]) -> bool:
    """A soft delete (``deleted_at`` set), not a row gone."""
    return "deleted_at" in changes and changes["deleted_at"][1] is not None


def write_pending(session: Session) -> None:
    """Write the transaction's gathered changes as audit rows (``Database.write``, after
    its last flush, before the commit). Updates that changed nothing in the end (a value
    set back) are dropped."""
    pending: dict[tuple[str, int], list[Any]] = session.info.pop("audit_pending", {})
    if not pending:
        return
    now = utcnow()
    erase = bool(session.info.get("audit_erase"))
    kept: dict[tuple[str, int, str], str] = {}
    rows = []
    for (entity, entity_id), (action, changes, who) in pending.items():
        if action != "create":
            changes = {k: v for k, v in changes.items() if v[0] != v[1]}
            if not changes:
                continue
        if erase:
            changes = {k: [{"sha256": value_digest(x)} for x in v] for k, v in changes.items()}
        else:
            changes = _set_aside(changes, entity, entity_id, kept)
        rows.append(
            {
                "at": now,
                "operator_id": who if who is not None else session.info.get("operator"),
                "entity": entity,
                "entity_id": entity_id,
                "action": action,
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
            }
        )
    if rows:
        session.connection().execute(insert(AuditEntry), rows)
    if kept:
        dialect = session.get_bind().dialect.name
        values = [
            {"entity": e, "entity_id": i, "digest": d, "value": v} for (e, i, d), v in kept.items()
        ]
        if dialect in ("sqlite", "postgresql"):
            # The other engine's dialect is never imported (PostgreSQL's pulls asyncio and
            # its drivers' modules: 30 ms of a desk's start on SQLite, issue 14).
            statement: Executable
            if dialect == "sqlite":
                from sqlalchemy.dialects.sqlite import insert as sqlite_insert

                statement = sqlite_insert(AuditValue).on_conflict_do_nothing()
            else:
                from sqlalchemy.dialects.postgresql import insert as pg_insert

                statement = pg_insert(AuditValue).on_conflict_do_nothing()
            session.connection().execute(statement, values)
        else:  # pragma: no cover - the two databases the app runs on
            session.connection().execute(insert(AuditValue), values)


def _set_aside(
    changes: dict[str, list[Any]],
    entity: str,
    entity_id: int,
    kept: dict[tuple[str, int, str], str],
) -> dict[str, list[Any]]:
    """The private values replaced by their digest, the values put in ``kept``."""
    out: dict[str, list[Any]] = {}
    for key, pair in changes.items():
        if key not in PRIVATE_COLUMNS:
            out[key] = pair
            continue
        shown = []
        for value in pair:
            if value is None or value == "":
                shown.append(value)
                continue
            digest = value_digest(value)
            kept[(entity, entity_id, digest)] = json.dumps(value, ensure_ascii=False)
            shown.append({"sha256": digest})
        out[key] = shown
    return out


def _entity_id(obj: Any) -> int:
    identity = inspect(obj).identity
    entity_id = identity[0] if identity else getattr(obj, "id", 0)
    return int(entity_id) if isinstance(entity_id, int) else 0


def install(target: Any) -> None:
    """Record the changes of every session ``target`` (a sessionmaker) opens."""
    event.listen(target, "after_flush", _after_flush)


# built once: the option is immutable, its lambda cached by SQLAlchemy
_NOT_DELETED = with_loader_criteria(
    SoftDeleteMixin, lambda cls: cls.deleted_at.is_(None), include_aliases=True
)


def _skip_deleted(state: ORMExecuteState) -> None:
    """Every ORM read leaves the soft-deleted rows out (``deleted_at IS NULL``), in
    joins, subqueries and relationships too; ``execution_options(include_deleted=True)``
    reads them (the journal, the personal data export)."""
    if (
        state.is_select
        and not state.is_column_load
        and not state.execution_options.get("include_deleted", False)
    ):
        state.statement = state.statement.options(_NOT_DELETED)


def install_soft_delete(target: Any) -> None:
    """Leave the soft-deleted rows out of every ORM read of the sessions of ``target``."""
    event.listen(target, "do_orm_execute", _skip_deleted)
