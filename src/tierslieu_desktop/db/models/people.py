"""The structure, its publics, members and memberships."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tierslieu_desktop.db.models.base import (
    AuditMixin,
    Base,
    SoftDeleteMixin,
    UTCDateTime,
    VersionMixin,
)


class Structure(VersionMixin, AuditMixin, Base):
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
    # The accounts (issue 15): the month the fiscal year starts (1 = calendar year).
    fiscal_year_start_month: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Money reaching the bank (issue 15): business days from a card payment to the bank's
    # credit; the face value of one Pass numérique voucher (the drop-in log's vouchers).
    card_settlement_days: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    voucher_value_cents: Mapped[int] = mapped_column(Integer, default=1000, server_default="1000")
    # The funders' zones (issue 16, point 4), typed by the lab for its territory: INSEE
    # codes separated by spaces of the communes classified ZRR / FRR and of the communes
    # containing a QPV, added to the shipped lists (services.people.communes).
    zrr_communes: Mapped[str] = mapped_column(Text, default="", server_default="")
    qpv_communes: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Personal data (issue 19, point 3): a member without any activity for this many
    # years is proposed for anonymisation (docs/legal-fr.md §7: 3 years after the last
    # contact).
    retention_years: Mapped[int] = mapped_column(Integer, default=3, server_default="3")


class Audience(VersionMixin, AuditMixin, Base):
    """A public (entrepreneurs, scolaires, demandeurs d'emploi…). User-editable."""

    __tablename__ = "audience"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Member(VersionMixin, AuditMixin, Base):
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
    # Issue 16: optional, never required at the desk (None: « non renseigné »);
    # domain.enums.Gender and Situation.
    gender: Mapped[str | None] = mapped_column(String(10))
    situation: Mapped[str | None] = mapped_column(String(20))
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
    # Issue 15: a public buyer's commitment number (engagement juridique) for Chorus Pro,
    # printed on its invoices and sent as the order reference (BT-13).
    commitment_number: Mapped[str] = mapped_column(String(50), default="")
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Issue 19, point 3: when the member's personal data was anonymised (None: never).
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Display and search helpers, maintained by the service on every write.
    sort_name: Mapped[str] = mapped_column(String(320), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    audience: Mapped[Audience | None] = relationship()
    organisation: Mapped["Member | None"] = relationship(remote_side=[id])


class ConsentChange(Base):
    """A dated change of a member's consent (issue 19, point 3; docs/legal-fr.md §7):
    which consent (``newsletter`` or ``photos``), given or withdrawn, when and by which
    operator; ``reason``: ``edit`` (the member's card), ``created`` (given at creation),
    ``anonymised`` (withdrawn by the anonymisation) or ``initial`` (the value held when
    the history started, dated by the card's creation). ``member.consent_*`` keep the
    current value."""

    __tablename__ = "consent_change"
    __table_args__ = (
        CheckConstraint("consent IN ('newsletter', 'photos')", name="consent"),
        CheckConstraint("reason IN ('edit', 'created', 'anonymised', 'initial')", name="reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    consent: Mapped[str] = mapped_column(String(20))
    given: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    reason: Mapped[str] = mapped_column(String(20), default="edit")


class Membership(SoftDeleteMixin, AuditMixin, Base):
    """A dated adhésion for an audience, with its fee (collected once checkout exists)."""

    __tablename__ = "membership"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates"),
        CheckConstraint("fee_cents >= 0", name="fee"),
        Index("ix_membership_start", "start_date"),  # the memberships of a span (0016)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    audience_id: Mapped[int] = mapped_column(ForeignKey("audience.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    # Paid outside the software (imported: HelloAsso, a spreadsheet): own revenue on its
    # start day, counted once, never to invoice (services.finance.own_revenue; 0021).
    paid_outside: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    audience: Mapped[Audience] = relationship()


class StaffMember(VersionMixin, AuditMixin, Base):
    """A person running the lab, for the funders' head-count and hours (issue 16): a
    salarié, a bénévole or a volontaire en service civique, with the hours they give a
    month, from ``start_date`` to ``end_date`` (None: still there)."""

    __tablename__ = "staff_member"
    __table_args__ = (
        CheckConstraint("kind IN ('employee', 'volunteer', 'civic_service')", name="kind"),
        CheckConstraint("hours_per_month >= 0", name="hours"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(200), default="")
    hours_per_month: Mapped[int] = mapped_column(Integer, default=0)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
