"""Helpers shared by services."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Mapping
from enum import Enum
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import object_session

from tierslieu_desktop.db.audit import as_operator as as_operator  # rows with no stamp
from tierslieu_desktop.db.changes import FeedLost as FeedLost  # the other desks' changes,
from tierslieu_desktop.db.changes import FeedReader as FeedReader  # read by the window's
from tierslieu_desktop.db.changes import every_entity as every_entity  # live refresh
from tierslieu_desktop.db.engine import UNREACHABLE_CODES as UNREACHABLE_CODES  # crash hook
from tierslieu_desktop.db.engine import Database as Database  # the handle screens pass along
from tierslieu_desktop.db.engine import busy_error as busy_error  # for the crash hook
from tierslieu_desktop.db.engine import forget_unreachable as forget_unreachable  # the banner
from tierslieu_desktop.db.engine import is_held as is_held  # for the file dialogs
from tierslieu_desktop.db.engine import listen_unreachable as listen_unreachable  # the banner
from tierslieu_desktop.db.models import (
    AuditEntry,
    AuditMixin,
    Operator,
    SoftDeleteMixin,
    VersionMixin,
    utcnow,
)
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.validation import FieldInvalid, check_text


def fold(text: str) -> str:
    """Lower-case without accents, for accent-insensitive search ("Émilie" ~ "emilie")."""
    for _ in range(2):  # casefold can produce new compositions: fold twice to be stable
        decomposed = unicodedata.normalize("NFKD", text).casefold()
        text = "".join(
            c for c in unicodedata.normalize("NFKD", decomposed) if not unicodedata.combining(c)
        )
    return text


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def stamp(obj: AuditMixin, actor: int | None, *, created: bool = False) -> None:
    """Record who changed a row and when (every data change goes through here)."""
    now = utcnow()
    if created:
        obj.created_at = now
        obj.created_by_id = actor
    obj.updated_at = now
    obj.updated_by_id = actor


def soft_delete(obj: SoftDeleteMixin, actor: int | None, reason: str) -> None:
    """Mark a row removed by ``actor`` for ``reason`` (issue 19): it stays in the database
    and in the audit trail, every read skips it. The reason is required."""
    reason = reason.strip()
    c = FieldCollector()
    if not reason:
        c.add("reason", "required")
    else:
        c.text("reason", reason, max_len=500, multiline=False)
    c.raise_if_any()
    if obj.deleted_at is not None:
        return
    obj.deleted_at = utcnow()
    obj.deleted_by_id = actor
    obj.deletion_reason = reason
    if isinstance(obj, AuditMixin):
        stamp(obj, actor)


# Columns never named in a stale form's refusal: bookkeeping, not what the user typed.
_NOT_COMPARED = frozenset(
    {"id", "version", "created_at", "created_by_id", "updated_at", "updated_by_id"}
    | {"search_text", "sort_name", "deleted_at", "deleted_by_id"}
)


def check_version(obj: VersionMixin, expected_version: int | None, values: Any = None) -> None:
    """Refuse a save or a removal made from a form loaded before another desk saved the
    same row (issue 20 point 4): ``expected_version`` is the ``version`` the form read
    (None: a caller that read nothing — the row's own ``version_id_col`` still guards
    the write). Raises ``DomainError("stale_record")`` with who changed it last and when
    (``by``, ``at``: when the row is stamped) and ``changes``: the row's FRESH values of
    the fields where they differ from ``values`` (what the user is saving — a mapping of
    column → value, or the service's input dataclass), as ``(column, value)`` pairs.
    Call it right after reading the row, before writing anything on it."""
    if expected_version is None or obj.version == expected_version:
        return
    given: Mapping[str, Any]
    if values is None:
        given = {}
    elif dataclasses.is_dataclass(values) and not isinstance(values, type):
        given = {f.name: getattr(values, f.name) for f in dataclasses.fields(values)}
    else:
        given = values
    columns = {c.key for c in inspect(obj).mapper.column_attrs} - _NOT_COMPARED
    changes: list[tuple[str, Any]] = []
    for key, value in given.items():
        if key not in columns:
            continue
        fresh = getattr(obj, key)
        mine = value.value if isinstance(value, Enum) else value
        stored = fresh.value if isinstance(fresh, Enum) else fresh
        if mine != stored:
            changes.append((key, stored))
    by = ""
    at = None
    if isinstance(obj, AuditMixin):
        at = obj.updated_at
        session = object_session(obj)
        if obj.updated_by_id is not None and session is not None:
            operator = session.get(Operator, obj.updated_by_id)
            by = operator.name if operator is not None else ""
    elif (session := object_session(obj)) is not None:
        # a row with no stamp (a category, a consumable): who and when from the journal
        last = session.execute(
            select(AuditEntry.operator_id, AuditEntry.at)
            .where(
                AuditEntry.entity == str(getattr(obj, "__tablename__", "")),
                AuditEntry.entity_id == getattr(obj, "id", None),
            )
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).first()
        if last is not None:
            at = last.at
            operator = session.get(Operator, last.operator_id) if last.operator_id else None
            by = operator.name if operator is not None else ""
    raise DomainError(
        "stale_record",
        entity=str(getattr(obj, "__tablename__", "")),
        id=getattr(obj, "id", None),
        changes=tuple(changes),
        by=by,
        at=at,
    )


class FieldCollector:
    """Runs field validators and gathers every error before raising one ValidationError.

    Every text goes through ``domain.validation.check_text`` (control characters, the
    field's length limit): ``check`` does it for a text it validates, ``text`` for one
    text, ``texts`` for every text field of an input dataclass.
    """

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def text(
        self,
        field: str,
        value: str,
        max_len: int | None = None,
        multiline: bool | None = None,
    ) -> str:
        """Record ``control_char`` / ``too_long`` / ``too_many_lines`` for ``field``."""
        try:
            check_text(value, field, max_len, multiline)
        except FieldInvalid as exc:
            self.errors.setdefault(field, exc.code)
        return value

    def texts(self, data: Any, *, skip: tuple[str, ...] = (), prefix: str = "") -> None:
        """Check every text field of the dataclass ``data`` with its limit (by field name)."""
        for f in dataclasses.fields(data):
            value = getattr(data, f.name)
            if f.name in skip or not isinstance(value, str) or isinstance(value, Enum):
                continue
            self.text(prefix + f.name, value)

    def check(self, field: str, func: Any, *args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], str) and not isinstance(args[0], Enum):
            try:
                check_text(args[0], field)
            except FieldInvalid as exc:
                self.errors.setdefault(field, exc.code)
                return args[0]
        try:
            return func(*args, **kwargs)
        except FieldInvalid as exc:
            self.errors.setdefault(field, exc.code)
            return args[0] if args else None

    def add(self, field: str, code: str) -> None:
        self.errors.setdefault(field, code)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def check_texts(**values: str | None) -> None:
    """One ValidationError naming each text (by field name) that is too long or holds a
    control character; for the services that take their texts as arguments."""
    c = FieldCollector()
    for field, value in values.items():
        if value is not None:
            c.text(field, value)
    c.raise_if_any()
