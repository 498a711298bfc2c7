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
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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
    # Invoicing (issue 5): company mentions, payment terms, default VAT rate when liable.
    capital: Mapped[str] = mapped_column(String(60), default="")
    rcs_city: Mapped[str] = mapped_column(String(120), default="")
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=30)
    default_vat_rate_bp: Mapped[int] = mapped_column(Integer, default=2000)
    vat_on_debits: Mapped[bool] = mapped_column(Boolean, default=False)
    # Usages before this day were billed outside the software (before it was adopted):
    # never proposed in a basket nor in the monthly invoicing. None = every usage.
    invoicing_start: Mapped[date | None] = mapped_column(Date)


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
        # The list in name order, and the search: every word is matched on the index
        # (covering), read in name order up to the page; the rows are read for the page only.
        Index("ix_member_archived_sort_search", "archived", "sort_name", "search_text"),
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
    # Invoicing (issue 5): invoiced once a month (schools, companies); a public body's
    # Chorus Pro service code; the buyer's VAT number.
    monthly_invoicing: Mapped[bool] = mapped_column(Boolean, default=False)
    service_code: Mapped[str] = mapped_column(String(100), default="")
    vat_number: Mapped[str] = mapped_column(String(20), default="")
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
    # Opening: French public holidays are closed unless this is False.
    closed_on_holidays: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # Booking rules when the space itself is booked (room, coworking).
    slot_step_minutes: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    min_duration_minutes: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    max_duration_minutes: Mapped[int] = mapped_column(Integer, default=480, server_default="480")
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    max_advance_days: Mapped[int] = mapped_column(Integer, default=180, server_default="180")


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
    # Straight-line depreciation of the purchase value (issue 6); None = not depreciated.
    depreciation_years: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Booking rules (a machine is bookable within its space's opening hours).
    slot_step_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    min_duration_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    max_duration_minutes: Mapped[int] = mapped_column(Integer, default=240, server_default="240")
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    max_advance_days: Mapped[int] = mapped_column(Integer, default=60, server_default="60")

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


# --- issue 3: opening hours, bookings, usages, consumables, maintenance ----------------


class OpeningRange(Base):
    """A space is open on ``weekday`` (0 = Monday) from ``start_minute`` to ``end_minute``
    (minutes after local midnight, Europe/Paris). Several ranges a day are allowed."""

    __tablename__ = "opening_range"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("start_minute >= 0 AND end_minute <= 1440", name="bounds"),
        CheckConstraint("start_minute < end_minute", name="order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    space_id: Mapped[int] = mapped_column(ForeignKey("space.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)


class CalendarException(AuditMixin, Base):
    """An exceptional closure (whole day, or a range) or an exceptional opening of a day,
    for one space or (``space_id`` NULL) for every space."""

    __tablename__ = "calendar_exception"
    __table_args__ = (
        CheckConstraint("kind IN ('closed', 'open')", name="kind"),
        CheckConstraint(
            "(start_minute IS NULL AND end_minute IS NULL) OR "
            "(start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute)",
            name="range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(10))
    start_minute: Mapped[int | None] = mapped_column(Integer)
    end_minute: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")


class Booking(AuditMixin, Base):
    """A machine or a space booked by a member, or by a group (organisation + responsible
    adult + head-count). ``blocked_until`` = end + the resource's buffer: two bookings of
    one resource never have overlapping [start_at, blocked_until)."""

    __tablename__ = "booking"
    __table_args__ = (
        CheckConstraint("(machine_id IS NULL) <> (space_id IS NULL)", name="machine_xor_space"),
        CheckConstraint(
            "member_id IS NOT NULL OR organisation_id IS NOT NULL"
            " OR activity_session_id IS NOT NULL",
            name="who",
        ),
        CheckConstraint("start_at < end_at AND end_at <= blocked_until", name="times"),
        CheckConstraint("headcount >= 1", name="headcount"),
        CheckConstraint(
            "status IN ('booked', 'in_progress', 'done', 'cancelled', 'no_show')",
            name="status",
        ),
        Index("ix_booking_machine_start", "machine_id", "start_at"),
        Index("ix_booking_space_start", "space_id", "start_at"),
        Index("ix_booking_start", "start_at"),
        # The overlap check: bookings of the resource still blocking after a start.
        Index("ix_booking_machine_blocked", "machine_id", "blocked_until"),
        Index("ix_booking_space_blocked", "space_id", "blocked_until"),
        # The day's bookings outside sessions (IS NULL), read by start.
        Index("ix_booking_session_start", "activity_session_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"))
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    responsible_name: Mapped[str] = mapped_column(String(200), default="")
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    blocked_until: Mapped[datetime] = mapped_column(UTCDateTime)
    purpose: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="booked")
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    series_id: Mapped[str | None] = mapped_column(String(36), index=True)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A machine or space held by a workshop/training session (no member: the session's).
    activity_session_id: Mapped[int | None] = mapped_column(ForeignKey("activity_session.id"))


class BookingEvent(Base):
    """Who did what to a booking, and when (created, moved, checked in, cancelled…)."""

    __tablename__ = "booking_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("booking.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    action: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")


class Consumable(Base):
    """Filament (g), plywood / acrylic (sheet), vinyl (m), embroidery thread (1000 stitches)…"""

    __tablename__ = "consumable"
    __table_args__ = (
        CheckConstraint(
            "unit IN ('gram', 'sheet', 'metre', 'square_metre', 'kilostitch', 'piece')",
            name="unit",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    unit: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Optional stock follow-up, in thousandths of the unit; None = not followed.
    stock_milli: Mapped[int | None] = mapped_column(Integer)
    low_stock_milli: Mapped[int | None] = mapped_column(Integer)


class MachineConsumable(Base):
    """The consumables offered at check-out for a machine."""

    __tablename__ = "machine_consumable"

    machine_id: Mapped[int] = mapped_column(ForeignKey("machine.id"), primary_key=True)
    consumable_id: Mapped[int] = mapped_column(ForeignKey("consumable.id"), primary_key=True)


class Usage(AuditMixin, Base):
    """What really happened (passage / utilisation): actual times and consumables.
    Priced and billed by later issues."""

    __tablename__ = "usage"
    __table_args__ = (
        CheckConstraint("(machine_id IS NULL) <> (space_id IS NULL)", name="machine_xor_space"),
        CheckConstraint("start_at < end_at", name="times"),
        CheckConstraint("minutes >= 0", name="minutes"),
        Index("ix_usage_start", "start_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id"), unique=True)
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"), index=True)
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class UsageConsumable(Base):
    """A consumable used, in thousandths of its unit (grams: 125 g = 125000)."""

    __tablename__ = "usage_consumable"
    __table_args__ = (CheckConstraint("quantity_milli > 0", name="quantity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    usage_id: Mapped[int] = mapped_column(ForeignKey("usage.id"), index=True)
    consumable_id: Mapped[int] = mapped_column(ForeignKey("consumable.id"))
    quantity_milli: Mapped[int] = mapped_column(Integer)


class MaintenanceEntry(AuditMixin, Base):
    """The maintenance log of a machine: date, what was done, cost, by whom."""

    __tablename__ = "maintenance_entry"
    __table_args__ = (CheckConstraint("cost_cents >= 0", name="cost"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    machine_id: Mapped[int] = mapped_column(ForeignKey("machine.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    done_by: Mapped[str] = mapped_column(String(200), default="")


# --- issue 4: tariffs, reductions, quotas, packs, wallet, priced lines ----------------

_ONE_RESOURCE = (
    "(machine_id IS NOT NULL) + (category_id IS NOT NULL) + (space_id IS NOT NULL) "
    "+ (consumable_id IS NOT NULL)"
)


class PriceRule(AuditMixin, Base):
    """A dated price: resource (machine, machine category, space or consumable) × public
    × member/non-member, per unit. Rules of one key never overlap in time; a rule is
    closed (valid_to) and a new one starts, the past is never rewritten."""

    __tablename__ = "price_rule"
    __table_args__ = (
        CheckConstraint(f"{_ONE_RESOURCE} + (activity_id IS NOT NULL) = 1", name="one_resource"),
        CheckConstraint("membership IN ('member', 'non_member', 'any')", name="membership"),
        CheckConstraint("unit IN ('hour', 'session', 'flat', 'consumable')", name="unit"),
        CheckConstraint("amount_cents >= 0", name="amount"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("machine_category.id"))
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    consumable_id: Mapped[int | None] = mapped_column(ForeignKey("consumable.id"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id"))
    audience_id: Mapped[int | None] = mapped_column(ForeignKey("audience.id"))
    membership: Mapped[str] = mapped_column(String(12), default="any")
    unit: Mapped[str] = mapped_column(String(12))
    step_minutes: Mapped[int | None] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200), default="")


class MembershipFee(AuditMixin, Base):
    """The fee of an adhésion for a public and a duration, dated."""

    __tablename__ = "membership_fee"
    __table_args__ = (
        CheckConstraint(
            "duration IN ('calendar_year', 'school_year', 'rolling_12_months', 'month')",
            name="duration",
        ),
        CheckConstraint("amount_cents >= 0", name="amount"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    audience_id: Mapped[int | None] = mapped_column(ForeignKey("audience.id"))
    duration: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200), default="")


class Reduction(AuditMixin, Base):
    """A percentage off for a public, on every use or on one resource."""

    __tablename__ = "reduction"
    __table_args__ = (
        CheckConstraint(f"{_ONE_RESOURCE} <= 1", name="scope"),
        CheckConstraint("percent_bp > 0 AND percent_bp <= 10000", name="percent"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    audience_id: Mapped[int] = mapped_column(ForeignKey("audience.id"))
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("machine_category.id"))
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    consumable_id: Mapped[int | None] = mapped_column(ForeignKey("consumable.id"))
    percent_bp: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200), default="")


class Quota(AuditMixin, Base):
    """Free minutes a month for a public (e.g. the first 3 hours for job seekers)."""

    __tablename__ = "quota"
    __table_args__ = (
        CheckConstraint(
            "(machine_id IS NOT NULL) + (category_id IS NOT NULL) + (space_id IS NOT NULL) <= 1",
            name="scope",
        ),
        CheckConstraint("free_minutes_per_month > 0", name="minutes"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    audience_id: Mapped[int] = mapped_column(ForeignKey("audience.id"))
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("machine_category.id"))
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    free_minutes_per_month: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200), default="")


class PackType(AuditMixin, Base):
    """A prepaid pack on sale, e.g. 10 hours of laser valid 12 months."""

    __tablename__ = "pack_type"
    __table_args__ = (
        CheckConstraint(
            "(machine_id IS NOT NULL) + (category_id IS NOT NULL) + (space_id IS NOT NULL) <= 1",
            name="scope",
        ),
        CheckConstraint("minutes > 0 AND validity_months > 0 AND price_cents >= 0", name="values"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("machine_category.id"))
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    minutes: Mapped[int] = mapped_column(Integer)
    validity_months: Mapped[int] = mapped_column(Integer, default=12)
    price_cents: Mapped[int] = mapped_column(Integer)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class MemberPack(AuditMixin, Base):
    """A pack bought by a member; its balance is the sum of its movements."""

    __tablename__ = "member_pack"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    pack_type_id: Mapped[int] = mapped_column(ForeignKey("pack_type.id"))
    purchased_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    minutes_total: Mapped[int] = mapped_column(Integer)
    price_cents: Mapped[int] = mapped_column(Integer)


class PackMovement(Base):
    """+minutes when bought, −minutes consumed by a usage (never below zero)."""

    __tablename__ = "pack_movement"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_pack_id: Mapped[int] = mapped_column(ForeignKey("member_pack.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    minutes: Mapped[int] = mapped_column(Integer)
    usage_id: Mapped[int | None] = mapped_column(ForeignKey("usage.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class WalletMovement(Base):
    """A member's wallet (porte-monnaie): +credit, −debit, in cents; balance = sum."""

    __tablename__ = "wallet_movement"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    amount_cents: Mapped[int] = mapped_column(Integer)
    usage_id: Mapped[int | None] = mapped_column(ForeignKey("usage.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class UsageCharge(Base):
    """A priced line of a usage, frozen at check-out: list price, reduction, charged
    price and the reason in words. Billed by issue 5."""

    __tablename__ = "usage_charge"
    __table_args__ = (
        CheckConstraint("charged_cents >= 0 AND reduction_cents >= 0", name="amounts"),
        CheckConstraint("list_cents - reduction_cents = charged_cents", name="sum"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    usage_id: Mapped[int] = mapped_column(ForeignKey("usage.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(200))
    quantity_text: Mapped[str] = mapped_column(String(120), default="")
    list_cents: Mapped[int] = mapped_column(Integer)
    reduction_cents: Mapped[int] = mapped_column(Integer)
    charged_cents: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(Text, default="")
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("price_rule.id"))
    missing_rule: Mapped[bool] = mapped_column(Boolean, default=False)


class QuotaUse(Base):
    """Free minutes of a quota taken by a usage in a month."""

    __tablename__ = "quota_use"
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quota_id: Mapped[int] = mapped_column(ForeignKey("quota.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    usage_id: Mapped[int] = mapped_column(ForeignKey("usage.id"))
    month: Mapped[date] = mapped_column(Date)  # first day of the month
    minutes: Mapped[int] = mapped_column(Integer)


# --- issue 5: baskets, invoices, credit notes, payments, numbering, integrity -------

LINE_KINDS = "('usage', 'consumable', 'membership', 'pack', 'wallet_topup', 'free', 'other')"
PAYMENT_METHODS = "('cash', 'cheque', 'card', 'transfer', 'pass_numerique', 'mandate', 'wallet')"


class Basket(AuditMixin, Base):
    """A member's basket at the front desk, editable until validated. A cancelled
    basket leaves no trace in the numbering (numbers are taken at validation only)."""

    __tablename__ = "basket"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'validated', 'cancelled')", name="status"),
        Index("ix_basket_status", "status"),  # the open baskets, not every one validated
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="open")
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class BasketLine(Base):
    """A line of an open basket. Amounts VAT included (the prices shown at the desk)."""

    __tablename__ = "basket_line"
    __table_args__ = (
        CheckConstraint(f"kind IN {LINE_KINDS}", name="kind"),
        CheckConstraint("quantity_milli > 0", name="quantity"),
        CheckConstraint("discount_cents >= 0", name="discount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    basket_id: Mapped[int] = mapped_column(ForeignKey("basket.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    designation: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")  # the pricing reasons in words
    quantity_milli: Mapped[int] = mapped_column(Integer, default=1000)
    unit: Mapped[str] = mapped_column(String(30), default="")
    unit_price_cents: Mapped[int] = mapped_column(Integer)  # incl. VAT, per unit
    list_cents: Mapped[int] = mapped_column(Integer, default=0)  # before reductions
    discount_cents: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Integer)  # incl. VAT, after discount
    revenue_kind: Mapped[str] = mapped_column(String(20), default="usage")
    usage_id: Mapped[int | None] = mapped_column(ForeignKey("usage.id"))
    pack_type_id: Mapped[int | None] = mapped_column(ForeignKey("pack_type.id"))
    membership_audience_id: Mapped[int | None] = mapped_column(ForeignKey("audience.id"))
    membership_start: Mapped[date | None] = mapped_column(Date)
    membership_end: Mapped[date | None] = mapped_column(Date)
    registration_id: Mapped[int | None] = mapped_column(ForeignKey("registration.id"), index=True)


class NumberingFormat(Base):
    """The number format of a series ("F{year}-{counter:06}"), kept in history."""

    __tablename__ = "numbering_format"
    __table_args__ = (CheckConstraint("series IN ('invoice', 'credit_note')", name="series"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series: Mapped[str] = mapped_column(String(20))
    pattern: Mapped[str] = mapped_column(String(80))
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class DocumentCounter(Base):
    """The last number taken in a series for a period key (e.g. the year when the
    pattern restarts every year). Moved only inside the transaction that issues."""

    __tablename__ = "document_counter"

    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)  # "2026" or "all"
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Invoice(Base):
    """An issued invoice or credit note: a frozen copy of everything printed. Never
    updated nor deleted (SQLite triggers refuse it; ``tierslieu verify`` proves it)."""

    __tablename__ = "invoice"
    __table_args__ = (
        CheckConstraint("kind IN ('invoice', 'credit_note')", name="kind"),
        UniqueConstraint("series", "period", "counter", name="uq_invoice_series_counter"),
        Index("ix_invoice_issued", "issued_at"),
        Index("ix_invoice_credited_invoice_id", "credited_invoice_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    series: Mapped[str] = mapped_column(String(20))
    period: Mapped[str] = mapped_column(String(10))
    counter: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    service_from: Mapped[date | None] = mapped_column(Date)
    service_to: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    buyer_is_business: Mapped[bool] = mapped_column(Boolean, default=False)
    buyer_json: Mapped[str] = mapped_column(Text)  # frozen buyer identity and address
    seller_json: Mapped[str] = mapped_column(Text)  # frozen seller identity
    vat_regime: Mapped[str] = mapped_column(String(30))
    mentions: Mapped[str] = mapped_column(Text, default="")  # legal mentions, one per line
    total_excl_cents: Mapped[int] = mapped_column(Integer)
    total_vat_cents: Mapped[int] = mapped_column(Integer)
    total_incl_cents: Mapped[int] = mapped_column(Integer)
    credited_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    desk: Mapped[str] = mapped_column(String(60), default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class InvoiceLine(Base):
    """A frozen line: designation, quantity, unit price excl. VAT, VAT rate, discount,
    totals; with what it came from (usage, membership, pack…) for the reports."""

    __tablename__ = "invoice_line"
    __table_args__ = (CheckConstraint(f"kind IN {LINE_KINDS}", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    revenue_kind: Mapped[str] = mapped_column(String(20), default="usage")
    designation: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")
    quantity_milli: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(30), default="")
    unit_price_excl_cents: Mapped[int] = mapped_column(Integer)
    vat_rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    vat_mention: Mapped[str] = mapped_column(String(120), default="")
    list_cents: Mapped[int] = mapped_column(Integer, default=0)  # incl. VAT, before reductions
    discount_cents: Mapped[int] = mapped_column(Integer, default=0)  # incl. VAT
    total_excl_cents: Mapped[int] = mapped_column(Integer)
    vat_cents: Mapped[int] = mapped_column(Integer)
    total_incl_cents: Mapped[int] = mapped_column(Integer)
    usage_id: Mapped[int | None] = mapped_column(ForeignKey("usage.id"), index=True)
    audience_id: Mapped[int | None] = mapped_column(ForeignKey("audience.id"))
    credited_line_id: Mapped[int | None] = mapped_column(ForeignKey("invoice_line.id"))


class Payment(Base):
    """A payment received (or refunded: negative) on an invoice. Never updated nor
    deleted; a mistake is corrected by a credit note and a refund."""

    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint(f"method IN {PAYMENT_METHODS}", name="method"),
        CheckConstraint("amount_cents <> 0", name="amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int] = mapped_column(Integer)
    tendered_cents: Mapped[int | None] = mapped_column(Integer)  # cash handed over
    change_cents: Mapped[int | None] = mapped_column(Integer)  # cash given back
    cheque_number: Mapped[str] = mapped_column(String(40), default="")
    bank: Mapped[str] = mapped_column(String(120), default="")
    reference: Mapped[str] = mapped_column(String(120), default="")  # card terminal, transfer
    voucher_count: Mapped[int | None] = mapped_column(Integer)  # Pass numérique
    voucher_value_cents: Mapped[int | None] = mapped_column(Integer)
    desk: Mapped[str] = mapped_column(String(60), default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class Closing(Base):
    """A closed period (day, month, year): its totals and the perpetual grand total.
    Nothing can be issued into a closed period."""

    __tablename__ = "closing"
    __table_args__ = (
        CheckConstraint("kind IN ('day', 'month', 'year')", name="kind"),
        UniqueConstraint("kind", "period_start", name="uq_closing_kind_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    totals_json: Mapped[str] = mapped_column(Text)
    total_incl_cents: Mapped[int] = mapped_column(Integer)
    perpetual_total_cents: Mapped[int] = mapped_column(Integer)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class IntegrityEntry(Base):
    """The chain: one entry per sealed record (invoice, credit note, payment, closing,
    wallet movement) in the order they were written. Version 1: footprint =
    SHA-256(previous footprint + content hash); version 2 (issue 13) also seals the
    sealing time, record kind and record id (services.chain.entry_footprint); content
    hash = SHA-256 of the record's canonical JSON."""

    __tablename__ = "integrity_entry"
    __table_args__ = (
        CheckConstraint(
            "record_kind IN ('invoice', 'credit_note', 'payment', 'closing', 'wallet')",
            name="kind",
        ),
        UniqueConstraint("record_kind", "record_id", name="uq_integrity_record"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(12))
    record_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    content_hash: Mapped[str] = mapped_column(String(64))
    previous_footprint: Mapped[str] = mapped_column(String(64))
    footprint: Mapped[str] = mapped_column(String(64), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class DatabaseIdentity(Base):
    """One row: a random identity given to the database when it was created (or migrated
    to 0007). The anchor log outside the file is named after it (services.safety.anchors);
    a copy or a backup of the file keeps it."""

    __tablename__ = "database_identity"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    identity: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- issue 6: funders, grants, in-kind contributions, expenses, budget, accounts ----

FUNDER_LEVELS = (
    "('commune', 'epci', 'departement', 'region', 'etat', 'ue', 'social', 'employment', "
    "'foundation', 'company', 'individual', 'other')"
)


class Funder(AuditMixin, Base):
    """Who funds the lab: a collectivity, the State, the EU (FEADER/LEADER), the CAF,
    France Travail (public), a foundation, a company, donors (private)."""

    __tablename__ = "funder"
    __table_args__ = (
        CheckConstraint("sector IN ('public', 'private')", name="sector"),
        CheckConstraint(f"level IN {FUNDER_LEVELS}", name="level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sector: Mapped[str] = mapped_column(String(10))
    level: Mapped[str] = mapped_column(String(20))
    contact: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Grant(AuditMixin, Base):
    """A subsidy (or sponsorship, donation): purpose, operating or investment, period,
    amounts requested and granted, the report owed to the funder."""

    __tablename__ = "grant"
    __table_args__ = (
        CheckConstraint("nature IN ('operating', 'investment', 'donation')", name="nature"),
        CheckConstraint("period_end >= period_start", name="dates"),
        CheckConstraint(
            "report_status IN ('none', 'todo', 'sent', 'accepted')", name="report_status"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    funder_id: Mapped[int] = mapped_column(ForeignKey("funder.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(300))
    nature: Mapped[str] = mapped_column(String(12), default="operating")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    requested_cents: Mapped[int] = mapped_column(Integer, default=0)
    requested_on: Mapped[date | None] = mapped_column(Date)
    granted_cents: Mapped[int | None] = mapped_column(Integer)  # None = not decided yet
    granted_on: Mapped[date | None] = mapped_column(Date)
    actions: Mapped[str] = mapped_column(Text, default="")  # the financed actions, in words
    planned_budget_json: Mapped[str] = mapped_column(Text, default="{}")  # CERFA categories
    report_due: Mapped[date | None] = mapped_column(Date)
    report_status: Mapped[str] = mapped_column(String(10), default="none")
    notes: Mapped[str] = mapped_column(Text, default="")


class GrantPayment(Base):
    """An amount of a grant received on a day."""

    __tablename__ = "grant_payment"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class GrantMachine(Base):
    """The machines an (investment) grant financed."""

    __tablename__ = "grant_machine"

    grant_id: Mapped[int] = mapped_column(ForeignKey("grant.id"), primary_key=True)
    machine_id: Mapped[int] = mapped_column(ForeignKey("machine.id"), primary_key=True)


class InKindContribution(AuditMixin, Base):
    """Premises, staff or goods provided free, or volunteering, valued for a year
    (accounts 86/87). Counted once, in the public share when a public funder gives it."""

    __tablename__ = "in_kind_contribution"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('premises', 'staff', 'goods', 'services', 'volunteering')", name="kind"
        ),
        CheckConstraint("value_cents >= 0", name="value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("funder.id"))  # None = volunteers
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(14))
    description: Mapped[str] = mapped_column(String(300))
    hours: Mapped[int | None] = mapped_column(Integer)  # volunteering hours
    value_cents: Mapped[int] = mapped_column(Integer)


class Expense(AuditMixin, Base):
    """A cost: date, category, activity, amount (entered or imported from CSV)."""

    __tablename__ = "expense"
    __table_args__ = (
        CheckConstraint(
            "category IN ('staff', 'consumables', 'maintenance', 'rent', 'energy', "
            "'depreciation', 'other')",
            name="category",
        ),
        CheckConstraint(
            "activity IN ('fablab', 'coworking', 'cyberbase', 'general')", name="activity"
        ),
        Index("ix_expense_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(14))
    activity: Mapped[str] = mapped_column(String(10), default="general")
    amount_cents: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300), default="")
    supplier: Mapped[str] = mapped_column(String(200), default="")
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"))
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("grant.id"))


class BudgetLine(Base):
    """The budget voted for a year: revenue or expense per category, in cents."""

    __tablename__ = "budget_line"
    __table_args__ = (
        CheckConstraint("side IN ('revenue', 'expense')", name="side"),
        UniqueConstraint("year", "side", "category", name="uq_budget_line"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(30))
    amount_cents: Mapped[int] = mapped_column(Integer)


class AccountMapping(Base):
    """Editable mapping to the associative chart of accounts (ANC 2018-06): a revenue
    kind, a payment method, a funder level, an expense category → account number."""

    __tablename__ = "account_mapping"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)  # e.g. "revenue:usage"
    account: Mapped[str] = mapped_column(String(12))
    label: Mapped[str] = mapped_column(String(120), default="")


class ReportText(Base):
    """A text section of the annual report the user edits before generating it."""

    __tablename__ = "report_text"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    section: Mapped[str] = mapped_column(String(40), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")


class Activity(AuditMixin, Base):
    """A workshop, a machine training, an open-lab evening, a school visit, a repair café
    or an event: what its sessions have in common. Its price per public is a price rule
    (kind "activity") of the tariff grid."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(30))  # ActivityKind
    description: Mapped[str] = mapped_column(Text, default="")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    capacity: Mapped[int] = mapped_column(Integer, default=12)
    trainer: Mapped[str] = mapped_column(String(200), default="")
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    # A machine training: the machine whose authorization attendance grants.
    machine_id: Mapped[int | None] = mapped_column(ForeignKey("machine.id"))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class ActivitySession(AuditMixin, Base):
    """A dated session of an activity, in a space, holding machines through bookings."""

    __tablename__ = "activity_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), index=True)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    capacity: Mapped[int] = mapped_column(Integer)
    trainer: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default="planned")  # planned/cancelled
    note: Mapped[str] = mapped_column(Text, default="")

    activity: Mapped[Activity] = relationship()


class Registration(AuditMixin, Base):
    """A member, or a group with a head-count, registered to a session (or waiting for a
    seat). ``queued_at`` orders the waiting list."""

    __tablename__ = "registration"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("activity_session.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    group_name: Mapped[str] = mapped_column(String(200), default="")
    responsible_name: Mapped[str] = mapped_column(String(200), default="")
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    age_band: Mapped[str | None] = mapped_column(String(20))  # a group's (a member's own)
    status: Mapped[str] = mapped_column(String(12))  # registered / waiting / cancelled
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attendance: Mapped[str | None] = mapped_column(String(10))  # present/absent/excused
    present_count: Mapped[int | None] = mapped_column(Integer)  # a group: how many came
    price_cents: Mapped[int] = mapped_column(Integer, default=0)  # frozen at registration
    price_reason: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    authorization_id: Mapped[int | None] = mapped_column(ForeignKey("authorization.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class DropIn(AuditMixin, Base):
    """An anonymous visit to the cyber-base, or a one-to-one help session (with its
    helper). Linking to a member is optional."""

    __tablename__ = "drop_in"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(10))  # visit / help
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id"))
    audience_id: Mapped[int | None] = mapped_column(ForeignKey("audience.id"))
    age_band: Mapped[str | None] = mapped_column(String(20))
    commune: Mapped[str] = mapped_column(String(120), default="")
    purpose: Mapped[str] = mapped_column(String(20))
    duration_minutes: Mapped[int] = mapped_column(Integer)
    helper: Mapped[str] = mapped_column(String(200), default="")
    vouchers: Mapped[int] = mapped_column(Integer, default=0)  # Pass numérique received
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    note: Mapped[str] = mapped_column(Text, default="")
