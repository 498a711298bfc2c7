"""SQLAlchemy 2 typed models. Every change goes through an Alembic migration."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Operator(Base):
    """Who sits at the desk. Every change records the operator and the time."""

    __tablename__ = "operator"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class Structure(AuditMixin, Base):
    """The tiers-lieu's identity (one row). Printed on invoices in later issues."""

    __tablename__ = "structure"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    legal_form: Mapped[str] = mapped_column(String(120), default="")
    siret: Mapped[str] = mapped_column(String(14), default="")
    rna: Mapped[str] = mapped_column(String(10), default="")
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    vat_regime: Mapped[str] = mapped_column(String(30), default="exempt_non_profit")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    iban: Mapped[str] = mapped_column(String(42), default="")
    bic: Mapped[str] = mapped_column(String(11), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)


class Audience(AuditMixin, Base):
    """A public (entrepreneurs, scolaires, demandeurs d'emploi…). User-editable."""

    __tablename__ = "audience"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Member(AuditMixin, Base):
    """A person or an organisation using the tiers-lieu. Archived, never deleted."""

    __tablename__ = "member"
    __table_args__ = (
        CheckConstraint("kind IN ('person', 'organisation')", name="kind"),
        Index("ix_member_archived_sort", "archived", "sort_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    first_name: Mapped[str] = mapped_column(String(120), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    organisation_type: Mapped[str | None] = mapped_column(String(30))
    siret: Mapped[str] = mapped_column(String(14), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    age_band: Mapped[str | None] = mapped_column(String(20))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    audience_id: Mapped[int | None] = mapped_column(ForeignKey("audience.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    consent_newsletter: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_photos: Mapped[bool] = mapped_column(Boolean, default=False)
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    guardian_phone: Mapped[str] = mapped_column(String(40), default="")
    guardian_email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Display and search helpers, maintained by the service on every write.
    sort_name: Mapped[str] = mapped_column(String(320), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    audience: Mapped[Audience | None] = relationship()
    organisation: Mapped[Member | None] = relationship(remote_side=[id])


class Membership(AuditMixin, Base):
    """A dated adhésion for an audience, with its fee (collected once checkout exists)."""

    __tablename__ = "membership"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates"),
        CheckConstraint("fee_cents >= 0", name="fee"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    audience_id: Mapped[int] = mapped_column(ForeignKey("audience.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")

    audience: Mapped[Audience] = relationship()


class Space(AuditMixin, Base):
    """A room or area: fablab, coworking, meeting room, cyber-base, office."""

    __tablename__ = "space"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(30), default="other")
    capacity: Mapped[int | None] = mapped_column(Integer)
    bookable: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class MachineCategory(Base):
    """Laser cutting, FDM 3D printing, CNC milling… Authorizations can cover a category."""

    __tablename__ = "machine_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Machine(AuditMixin, Base):
    __tablename__ = "machine"
    __table_args__ = (
        CheckConstraint("status IN ('available', 'maintenance', 'out_of_order')", name="status"),
        CheckConstraint("hour_counter_minutes >= 0", name="hours"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("machine_category.id"))
    space_id: Mapped[int] = mapped_column(ForeignKey("space.id"))
    make: Mapped[str] = mapped_column(String(120), default="")
    model: Mapped[str] = mapped_column(String(120), default="")
    serial_number: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(20), default="available")
    status_note: Mapped[str] = mapped_column(Text, default="")
    authorization_required: Mapped[bool] = mapped_column(Boolean, default=False)
    hour_counter_minutes: Mapped[int] = mapped_column(Integer, default=0)
    purchase_date: Mapped[date | None] = mapped_column(Date)
    purchase_value_cents: Mapped[int | None] = mapped_column(Integer)
    funded_by: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    category: Mapped[MachineCategory] = relationship()
    space: Mapped[Space] = relationship()


class Authorization(AuditMixin, Base):
    """A member is trained on a machine, or on every machine of a category."""

    __tablename__ = "authorization"
    __table_args__ = (
        CheckConstraint(
            "(machine_id IS NULL) <> (category_id IS NULL)", name="machine_xor_category"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("machine_category.id"))
    granted_on: Mapped[date] = mapped_column(Date)
    trainer: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[Member] = relationship()
    machine: Mapped[Machine | None] = relationship()
    category: Mapped[MachineCategory | None] = relationship()
