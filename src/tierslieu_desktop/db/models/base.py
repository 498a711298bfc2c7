"""Shared base of the models: naming convention, aware UTC datetimes, operators and the audit columns."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from tierslieu_desktop.domain.calendar import utcnow as utcnow  # the clock, re-exported

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC; returns aware UTC datetimes. Refuses naive ones."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Operator(Base):
    """Who sits at the desk. Every change records the operator and the time."""

    __tablename__ = "operator"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # issue 19: the account's roles (domain.permissions), its argon2id password or PIN hash
    # (None: cannot log in yet), and the wrong tries that make the next one wait
    roles: Mapped[str] = mapped_column(String(80), default="accueil", server_default="accueil")
    password_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class AuditMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class VersionMixin:
    """A row a person edits in a form and saves back (issue 20 point 4): ``version`` is
    SQLAlchemy's ``version_id_col``, so every ORM UPDATE or DELETE of the row says ``WHERE
    version = <the version read>`` and sets it + 1 — a row another desk changed in between
    makes the flush fail (``StaleDataError``, worded by ``Database.write``) instead of
    being overwritten. The forms carry the version they loaded, and the services compare
    it first (``services.common.check_version``) to name the fresh values."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class SoftDeleteMixin:
    """A row removed by an operator stays, marked deleted with who, when and why (issue 19):
    every read of the table skips it (``deleted_at IS NULL``)."""

    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"), default=None)
    deletion_reason: Mapped[str] = mapped_column(String(500), default="")


class AuditEntry(Base):
    """One change made through the services (issue 19): who, when, which row, what action
    and the changed columns before → after (JSON ``{"column": [before, after]}``; money in
    integer cents, dates and times ISO). Insert-only (database triggers); the rows of each
    finished day are sealed into the integrity chain (``services.audit``)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        CheckConstraint("action IN ('create', 'update', 'delete', 'restore')", name="action"),
        Index("ix_audit_entry_entity", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    operator_id: Mapped[int | None] = mapped_column(Integer, index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))
    changes: Mapped[str] = mapped_column(Text, default="{}")


class AuditValue(Base):
    """A personal or free-text value of the audit trail, kept beside it (issue 19): the
    journal's row holds its digest (``{"sha256": …}``, what the daily seal covers), this
    table the value for the screens. Anonymising a member deletes their values here
    (``services.audit.forget_member``): the journal then says « (effacé) » and the chain
    still verifies."""

    __tablename__ = "audit_value"
    __table_args__ = (UniqueConstraint("entity", "entity_id", "digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)


class ChangeLog(Base):
    """What a committed transaction changed, for the other desks on one SQLite file (issue
    20, live refresh; ``db.changes``): the sending desk and a JSON payload ``{"entity":
    [ids] | "*"}``, written in the same transaction as the change and read by polling. Rows
    older than a day are deleted when a window starts listening. PostgreSQL sends the same
    payload with NOTIFY instead and leaves this table empty."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    desk: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
