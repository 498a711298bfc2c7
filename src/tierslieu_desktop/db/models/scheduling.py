"""Issue 3: opening hours, bookings, usages, consumables, maintenance."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from tierslieu_desktop.db.models.base import (
    AuditMixin,
    Base,
    SoftDeleteMixin,
    UTCDateTime,
    VersionMixin,
)
from tierslieu_desktop.domain.calendar import utcnow

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


class CalendarException(VersionMixin, SoftDeleteMixin, AuditMixin, Base):
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


class Booking(VersionMixin, AuditMixin, Base):
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


class Consumable(VersionMixin, Base):
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


class Usage(VersionMixin, AuditMixin, Base):
    """What really happened (passage / utilisation): actual times and consumables.
    Priced and billed by later issues."""

    __tablename__ = "usage"
    __table_args__ = (
        CheckConstraint("(machine_id IS NULL) <> (space_id IS NULL)", name="machine_xor_space"),
        CheckConstraint("start_at < end_at", name="times"),
        CheckConstraint("minutes >= 0", name="minutes"),
        # By start; covering for the balance's and the reports' sums by machine and payer.
        Index(
            "ix_usage_start",
            "start_at",
            "machine_id",
            "organisation_id",
            "member_id",
            "minutes",
        ),
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
    # What the check-out really took from a followed stock (the stock never goes below
    # 0, so it can be less than the quantity); None: not followed, or before 0017.
    stock_taken_milli: Mapped[int | None] = mapped_column(Integer)


class UsageCorrection(Base):
    """A correction of a usage before it is invoiced (issue 17): who, when, which field
    (``start_at``, ``end_at`` or ``consumable`` with its id) and the values before and
    after (ISO instants, quantities in thousandths; "" = no such line). Insert-only."""

    __tablename__ = "usage_correction"
    __table_args__ = (
        CheckConstraint("field IN ('start_at', 'end_at', 'consumable')", name="field"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    usage_id: Mapped[int] = mapped_column(ForeignKey("usage.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    field: Mapped[str] = mapped_column(String(20))
    consumable_id: Mapped[int | None] = mapped_column(ForeignKey("consumable.id"))
    before_value: Mapped[str] = mapped_column(String(40), default="")
    after_value: Mapped[str] = mapped_column(String(40), default="")


class MaintenanceEntry(VersionMixin, SoftDeleteMixin, AuditMixin, Base):
    """The maintenance log of a machine: date, what was done, cost, by whom."""

    __tablename__ = "maintenance_entry"
    __table_args__ = (CheckConstraint("cost_cents >= 0", name="cost"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    machine_id: Mapped[int] = mapped_column(ForeignKey("machine.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    done_by: Mapped[str] = mapped_column(String(200), default="")
