"""Spaces, machines and who is authorised to use them."""

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tierslieu_desktop.db.models.base import (
    AuditMixin,
    Base,
    SoftDeleteMixin,
    VersionMixin,
)

if TYPE_CHECKING:
    from tierslieu_desktop.db.models.people import Member


class Space(VersionMixin, AuditMixin, Base):
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


class MachineCategory(VersionMixin, Base):
    """Laser cutting, FDM 3D printing, CNC milling… Authorizations can cover a category."""

    __tablename__ = "machine_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Machine(VersionMixin, AuditMixin, Base):
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


class Authorization(SoftDeleteMixin, AuditMixin, Base):
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

    member: Mapped["Member"] = relationship()
    machine: Mapped[Machine | None] = relationship()
    category: Mapped[MachineCategory | None] = relationship()
