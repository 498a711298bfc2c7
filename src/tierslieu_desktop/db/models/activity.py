"""Activities, their sessions, registrations and drop-ins."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tierslieu_desktop.db.models.base import (
    AuditMixin,
    Base,
    UTCDateTime,
    VersionMixin,
)


class Activity(VersionMixin, AuditMixin, Base):
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


class ActivitySession(VersionMixin, AuditMixin, Base):
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
    # A digital workshop on the national model (issue 22, domain.mediation): its level
    # (WORKSHOP_LEVELS, None: not given) and themes (THEMES, joined by commas).
    workshop_level: Mapped[str | None] = mapped_column(String(16))
    themes: Mapped[str] = mapped_column(String(800), default="", server_default="")

    activity: Mapped[Activity] = relationship()


class Registration(VersionMixin, AuditMixin, Base):
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


class DropIn(VersionMixin, AuditMixin, Base):
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
    # The national model's fields (issue 22, domain.mediation: the Coop's values), all
    # optional; multi-valued ones joined by commas.
    activity_type: Mapped[str | None] = mapped_column(String(12))
    place_type: Mapped[str | None] = mapped_column(String(16))
    place_insee: Mapped[str] = mapped_column(String(5), default="", server_default="")
    place_postcode: Mapped[str] = mapped_column(String(5), default="", server_default="")
    equipment: Mapped[str] = mapped_column(String(80), default="", server_default="")
    themes: Mapped[str] = mapped_column(String(800), default="", server_default="")
    autonomy: Mapped[str | None] = mapped_column(String(30))
    referred: Mapped[bool | None] = mapped_column(Boolean)
    referral_structure: Mapped[str | None] = mapped_column(String(40))
    gender: Mapped[str | None] = mapped_column(String(12))
    age_range: Mapped[str | None] = mapped_column(String(30))
    situation: Mapped[str | None] = mapped_column(String(16))
    commune_insee: Mapped[str] = mapped_column(String(5), default="", server_default="")
    anonymous: Mapped[bool | None] = mapped_column(Boolean)
    first_time: Mapped[bool | None] = mapped_column(Boolean)


class DropInVoucher(AuditMixin, Base):
    """A Pass numérique (APTIC) voucher received at a drop-in, by its number (issue 22):
    a number is taken once per issuer. ``claim_reference`` is the monthly claim list that
    asked the issuer to pay it (services.finance.voucher_claims)."""

    __tablename__ = "drop_in_voucher"
    __table_args__ = (UniqueConstraint("issuer", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    drop_in_id: Mapped[int] = mapped_column(ForeignKey("drop_in.id"), index=True)
    issuer: Mapped[str] = mapped_column(String(30), default="pass_numerique")
    number: Mapped[str] = mapped_column(String(40))
    expires_on: Mapped[date | None] = mapped_column(Date)
    claim_reference: Mapped[str | None] = mapped_column(String(40), index=True)
