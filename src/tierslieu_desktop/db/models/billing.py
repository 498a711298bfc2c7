"""Issue 5: baskets, invoices, credit notes, payments, numbering, integrity."""

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
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from tierslieu_desktop.db.models.base import (
    AuditMixin,
    Base,
    UTCDateTime,
)
from tierslieu_desktop.domain.calendar import utcnow

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


def for_postgresql() -> None:
    """The partial indexes' condition for PostgreSQL too (the same as SQLite's), given
    when a PostgreSQL engine is made (db.engine.make_engine): ``postgresql_where`` named
    in the class would import PostgreSQL's dialect with the models, and asyncio with it,
    on every desk (25 ms of the start on SQLite, issue 14). Migration 0016 writes them."""
    for index in Base.metadata.tables[BasketLine.__tablename__].indexes:
        where = index.dialect_options["sqlite"]["where"]
        if where is not None:
            index.dialect_options["postgresql"]["where"] = where


class BasketLine(Base):
    """A line of an open basket. Amounts VAT included (the prices shown at the desk)."""

    __tablename__ = "basket_line"
    __table_args__ = (
        CheckConstraint(f"kind IN {LINE_KINDS}", name="kind"),
        CheckConstraint("quantity_milli > 0", name="quantity"),
        CheckConstraint("discount_cents >= 0", name="discount"),
        # the membership lines of a span, for what was billed before the software (0016)
        Index(
            "ix_basket_line_membership",
            "membership_start",
            "membership_end",
            "membership_audience_id",
            "basket_id",
            sqlite_where=text("kind = 'membership'"),  # PostgreSQL's: for_postgresql()
        ),
        Index(  # the pack lines, likewise
            "ix_basket_line_pack",
            "basket_id",
            "pack_type_id",
            sqlite_where=text("kind = 'pack'"),
        ),
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
        Index("ix_invoice_issued", "issued_at", "kind", "total_vat_cents"),  # 0009, 0016
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
    __table_args__ = (
        CheckConstraint(f"kind IN {LINE_KINDS}", name="kind"),
        # The lines of an invoice; covering for the balance's revenue by kind (migration 0009).
        Index(
            "ix_invoice_line_invoice_id", "invoice_id", "kind", "revenue_kind", "total_excl_cents"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
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
        # a span of payments and their sums per method, read from the index (0016)
        Index("ix_payment_at", "at", "method", "amount_cents", "invoice_id"),
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


class InvoiceOpen(Base):
    """What is left to pay on an invoice, for the invoices where it is not zero (a running
    balance): kept by database triggers on every insert into ``invoice`` (an invoice
    opens its row, a credit note lowers its invoice's) and ``payment`` (a payment lowers
    it, a refund on a credit note raises it back), both tables being insert-only. The
    unpaid list reads these rows instead of summing every payment ever received
    (migration 0010). A derived figure, never sealed: the same sums recomputed from the
    sealed rows are the reference (``services.billing.payments.balance_aggregates``)."""

    __tablename__ = "invoice_open"

    invoice_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    left_cents: Mapped[int] = mapped_column(Integer)


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
            "record_kind IN ('invoice', 'credit_note', 'payment', 'closing', 'wallet', 'audit')",
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


# --- issue 15: desk money reaches the bank -------------------------------------------

DEPOSIT_KINDS = "('cheque', 'cash', 'voucher')"


class BankDeposit(Base):
    """Money that reached the bank account (services.billing.deposits): a remittance of
    cheques (kind ``cheque``, slip ``RC-000001``…), cash taken from the till (``cash``,
    ``RE-…``) or a voucher issuer's payment of Pass numérique vouchers (``voucher``,
    ``RV-…``). Insert-only (database triggers refuse UPDATE and DELETE): a mistaken
    deposit is cancelled by a reversing one of the same kind (``cancels_id``, negative
    amount, its own slip number), which puts its cheques back among the undeposited."""

    __tablename__ = "bank_deposit"
    __table_args__ = (
        CheckConstraint(f"kind IN {DEPOSIT_KINDS}", name="kind"),
        CheckConstraint("amount_cents <> 0", name="amount"),
        UniqueConstraint("kind", "seq", name="uq_bank_deposit_kind_seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)  # continuous per kind, from 1
    number: Mapped[str] = mapped_column(String(20), unique=True)  # RC-000001
    day: Mapped[date] = mapped_column(Date, index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    voucher_count: Mapped[int | None] = mapped_column(Integer)  # kind voucher
    reference: Mapped[str] = mapped_column(String(120), default="")  # bank's or issuer's
    cancels_id: Mapped[int | None] = mapped_column(ForeignKey("bank_deposit.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class BankDepositCheque(Base):
    """A cheque payment on a deposit slip. ``round`` counts the cheque's slips: 1 on its
    first deposit, 2 on that deposit's cancellation, 3 if deposited again…; unique per
    payment, so that two desks cannot deposit the same cheque twice. A cheque is
    deposited when its last round is odd."""

    __tablename__ = "bank_deposit_cheque"
    __table_args__ = (UniqueConstraint("payment_id", "round", name="uq_deposit_cheque_round"),)

    deposit_id: Mapped[int] = mapped_column(ForeignKey("bank_deposit.id"), primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), primary_key=True)
    round: Mapped[int] = mapped_column(Integer)
