"""Shared base of the models: naming convention, aware UTC datetimes, operators and the audit columns."""

from datetime import UTC, datetime

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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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
