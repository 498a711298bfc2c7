"""Issue 6: funders, grants, in-kind contributions, expenses, budget, accounts."""

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
    UniqueConstraint,
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

# --- issue 6: funders, grants, in-kind contributions, expenses, budget, accounts ----

FUNDER_LEVELS = (
    "('commune', 'epci', 'departement', 'region', 'etat', 'ue', 'social', 'employment', "
    "'foundation', 'company', 'individual', 'other')"
)


class Funder(VersionMixin, AuditMixin, Base):
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


class Grant(VersionMixin, SoftDeleteMixin, AuditMixin, Base):
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
    # The funder report (migration 0019, services.reporting.grant_budget): how the shared
    # costs and resources are allocated to the action ("direct", "hours", "staff",
    # "fixed" with alloc_fixed_bp), the qualitative annex and the numeric objectives.
    alloc_key: Mapped[str] = mapped_column(String(8), default="direct", server_default="direct")
    alloc_fixed_bp: Mapped[int | None] = mapped_column(Integer)
    report_objectives: Mapped[str] = mapped_column(Text, default="", server_default="")
    report_done: Mapped[str] = mapped_column(Text, default="", server_default="")
    report_publics: Mapped[str] = mapped_column(Text, default="", server_default="")
    report_partners: Mapped[str] = mapped_column(Text, default="", server_default="")
    report_difficulties: Mapped[str] = mapped_column(Text, default="", server_default="")
    report_perspectives: Mapped[str] = mapped_column(Text, default="", server_default="")
    target_users: Mapped[int | None] = mapped_column(Integer)
    target_hours: Mapped[int | None] = mapped_column(Integer)
    target_sessions: Mapped[int | None] = mapped_column(Integer)


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


class InKindContribution(VersionMixin, SoftDeleteMixin, AuditMixin, Base):
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


class Expense(VersionMixin, SoftDeleteMixin, AuditMixin, Base):
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
        CheckConstraint(
            "payment_method IN ('transfer', 'card', 'cheque', 'cash', 'direct_debit')",
            name="payment_method",
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
    # Its payment (migration 0013): the day it was paid (None = not paid yet: the
    # supplier is owed it) and how (domain.finance.EXPENSE_PAYMENT_METHODS).
    payment_day: Mapped[date | None] = mapped_column(Date)
    payment_method: Mapped[str] = mapped_column(
        String(12), default="transfer", server_default="transfer"
    )


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


# --- issue 15: voucher issuers pay the vouchers received ----------------------------


class VoucherSettlement(Base):
    """A voucher issuer paid us (services.finance.vouchers): ``voucher_count`` vouchers
    worth ``amount_cents``, credited on the bank on ``day``. The journal posts it BQ 512
    debit / 4687 (auxiliary of the issuer) credit. Insert-only (database triggers refuse
    UPDATE and DELETE); the journal posts a negative row reversed (a correction), which
    the service does not offer yet."""

    __tablename__ = "voucher_settlement"
    __table_args__ = (
        CheckConstraint("issuer IN ('pass_numerique')", name="issuer"),
        CheckConstraint("amount_cents <> 0", name="amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    issuer: Mapped[str] = mapped_column(String(30))
    amount_cents: Mapped[int] = mapped_column(Integer)
    voucher_count: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(120), default="")  # issuer's or bank's
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
