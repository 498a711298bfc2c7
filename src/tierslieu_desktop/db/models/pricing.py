"""Issue 4: tariffs, reductions, quotas, packs, wallet, priced lines."""

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
    UTCDateTime,
    VersionMixin,
)
from tierslieu_desktop.domain.calendar import utcnow

# --- issue 4: tariffs, reductions, quotas, packs, wallet, priced lines ----------------

_ONE_RESOURCE = (
    "(CASE WHEN machine_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN category_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN space_id IS NOT NULL THEN 1 ELSE 0 END) "
    "+ (CASE WHEN consumable_id IS NOT NULL THEN 1 ELSE 0 END)"
)


class PriceRule(VersionMixin, AuditMixin, Base):
    """A dated price: resource (machine, machine category, space or consumable) × public
    × member/non-member, per unit. Rules of one key never overlap in time; a rule is
    closed (valid_to) and a new one starts, the past is never rewritten."""

    __tablename__ = "price_rule"
    __table_args__ = (
        CheckConstraint(
            f"{_ONE_RESOURCE} + (CASE WHEN activity_id IS NOT NULL THEN 1 ELSE 0 END) = 1",
            name="one_resource",
        ),
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


class MembershipFee(VersionMixin, AuditMixin, Base):
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


class Reduction(VersionMixin, AuditMixin, Base):
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


class Quota(VersionMixin, AuditMixin, Base):
    """Free minutes a month for a public (e.g. the first 3 hours for job seekers)."""

    __tablename__ = "quota"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN machine_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN category_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN space_id IS NOT NULL THEN 1 ELSE 0 END) <= 1",
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


class PackType(VersionMixin, AuditMixin, Base):
    """A prepaid pack on sale, e.g. 10 hours of laser valid 12 months."""

    __tablename__ = "pack_type"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN machine_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN category_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN space_id IS NOT NULL THEN 1 ELSE 0 END) <= 1",
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
        # A usage's charges; covering for the balance's sums (migration 0009).
        Index("ix_usage_charge_usage_id", "usage_id", "kind", "list_cents", "charged_cents"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    usage_id: Mapped[int] = mapped_column(ForeignKey("usage.id"))
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
