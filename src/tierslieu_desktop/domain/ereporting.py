"""B2C e-reporting (issue 15, point 11; docs/e-reporting.md): the rules and the data of
the DGFiP "flux 10" reports of sales to consumers — 10.3, the day's aggregated
transactions per category and VAT rate, and 10.4, the day's aggregated payments per
rate — with no database.

Which sales are reported (CGI art. 290 and 290 A; impots.gouv.fr "E-reporting : la
transmission de données de transaction"):

- only sales to consumers: a walk-in or a person; an organisation with a SIREN is a
  business (e-invoicing, not e-reporting) and so is a public buyer (Chorus Pro);
- not the operations exempt under art. 261 to 261 E CGI: the lines exempt under
  art. 261-7-1° (services to members, a non-profit structure's lucrative accessory
  activities) are left out; the franchise of art. 293 B is not such an exemption: its
  sales are reported, at rate 0;
- not what is outside the scope of VAT: a wallet top-up (a multi-purpose voucher; what
  it buys is reported when it is spent).

Transactions are grouped by day of issue (Europe/Paris), category (TLB1 goods, TPS1
services) and rate; a credit note is netted on the day it is issued. Payment data is
owed for services when VAT is due on receipts (a liable structure without the debits
option): each payment is split over the taxed service lines of its document, in
proportion to their amounts VAT included, rounded cumulatively so that a document paid
in full reports exactly its lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from tierslieu_desktop.domain.invoicing import PUBLIC_BUYER_TYPES
from tierslieu_desktop.domain.lines import VATEX_261_7, VATEX_OUT_OF_SCOPE, VatBasis

# Revenue kinds sold as goods (their VAT is due on delivery, whatever the option).
GOODS_KINDS = ("consumable", "sale")
# TT-81, the category of transactions (DGFiP external specifications, annex 7 G1.68).
GOODS = "TLB1"
SERVICES = "TPS1"
# TT-80 / UNTDID 2475: VAT due on the invoice's date (the "débits" option).
TAX_DUE_ON_INVOICE = "5"
# TT-4: an initial transmission, or one that replaces it.
TYPE_CODES = ("IN", "RE")
# What a report carries: the transactions (10.3) or the payments (10.4), never both
# in one transmission (annex 7 G6.29).
TRANSACTIONS = "transactions"
PAYMENTS = "payments"


def is_consumer(buyer: Mapping[str, object], buyer_is_business: bool) -> bool:
    """Whether a frozen buyer is a consumer for e-reporting: anyone but an organisation
    with a SIREN (or SIRET) or a public buyer — those receive e-invoices."""
    if not buyer_is_business:
        return True
    siren = str(buyer.get("siren") or "").replace(" ", "")
    siret = str(buyer.get("siret") or "").replace(" ", "")
    public = buyer.get("organisation_type") in PUBLIC_BUYER_TYPES
    return not (siren or siret or public)


def reported_category(basis: VatBasis, revenue_kind: str) -> str | None:
    """The TT-81 category of an issued line, or None when the line is not e-reported
    (exempt under art. 261-7-1°, or outside the scope of VAT)."""
    if basis.category == "O" or basis.reason_code in (VATEX_261_7, VATEX_OUT_OF_SCOPE):
        return None
    if basis.category == "E" and not basis.reason_code and "293 B" not in basis.mention:
        return None  # an exemption the product does not know: never guessed as taxable
    return GOODS if revenue_kind in GOODS_KINDS else SERVICES


def share(part: int, paid: int, total: int) -> int:
    """``part × paid ÷ total`` rounded half up (floor division, so that cumulative
    differences add up whatever the sign)."""
    if not total:
        return 0
    return (2 * part * paid + total) // (2 * total)


def payment_split(parts: Mapping[int, int], total: int, before: int, amount: int) -> dict[int, int]:
    """The share of a payment of ``amount`` on each rate of ``parts`` (rate → amount VAT
    included of the document's taxed service lines at that rate), out of the document's
    ``total``, ``before`` being what was paid on it earlier: the documents' payments
    together give exactly ``parts`` once it is paid in full."""
    return {
        rate: share(cents, before + amount, total) - share(cents, before, total)
        for rate, cents in parts.items()
    }


@dataclass(frozen=True)
class RateTotal:
    """TG-32: a rate's taxable base and VAT (cents, credit notes deducted)."""

    rate_bp: int
    base_cents: int
    vat_cents: int


@dataclass(frozen=True)
class DayTransactions:
    """TG-31: one day's consumer sales of one category; ``count``: the invoices and credit
    notes that make it up."""

    day: date
    category: str
    count: int
    rates: tuple[RateTotal, ...]

    @property
    def base_cents(self) -> int:
        return sum(r.base_cents for r in self.rates)

    @property
    def vat_cents(self) -> int:
        return sum(r.vat_cents for r in self.rates)


@dataclass(frozen=True)
class DayPayments:
    """TG-37: one day's payments received from consumers, per rate (cents VAT included,
    refunds deducted)."""

    day: date
    amounts: tuple[tuple[int, int], ...]  # (rate_bp, cents)


@dataclass(frozen=True)
class Declarant:
    """TG-5: the structure that declares (SIREN, name), its VAT regime and options."""

    siren: str
    name: str
    vat_regime: str
    vat_on_debits: bool

    @property
    def owes_payment_data(self) -> bool:
        """Services' VAT due on receipts: a liable structure without the debits option."""
        return self.vat_regime == "liable" and not self.vat_on_debits


@dataclass(frozen=True)
class Left:
    """What the period's consumer documents held that is not reported (cents excl. VAT,
    net of credit notes): sales to businesses, exempt lines, lines outside VAT."""

    business_cents: int = 0
    exempt_cents: int = 0
    outside_scope_cents: int = 0


@dataclass(frozen=True)
class B2cReport:
    """The data of one flux 10 transmission for ``first_day`` – ``last_day``:
    ``kind`` TRANSACTIONS (``transactions``) or PAYMENTS (``payments``).
    ``unexpressed``: days whose refunds exceed the payments at a rate — the flux takes
    no negative payment (annex 7 G1.16): they are left out and must be told to the
    platform."""

    kind: str
    first_day: date
    last_day: date
    declarant: Declarant
    transactions: tuple[DayTransactions, ...] = ()
    payments: tuple[DayPayments, ...] = ()
    unexpressed: tuple[DayPayments, ...] = ()
    left: Left = field(default_factory=Left)

    @property
    def empty(self) -> bool:
        return not (self.transactions or self.payments)

    @property
    def base_cents(self) -> int:
        return sum(t.base_cents for t in self.transactions)

    @property
    def vat_cents(self) -> int:
        return sum(t.vat_cents for t in self.transactions)

    @property
    def paid_cents(self) -> int:
        return sum(cents for p in self.payments for _rate, cents in p.amounts)


@dataclass(frozen=True)
class Transmission:
    """TG-1 to TG-6: when the file was made (``issued_at``, aware), initial (IN) or
    replacing (RE), and who sends it: the approved platform (``platform``: its 4-character
    registration number and its name) or, when not known yet, the declarant itself."""

    issued_at: datetime
    type_code: str = "IN"
    platform: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.type_code not in TYPE_CODES:
            raise ValueError(f"unknown transmission type: {self.type_code!r}")
        if self.issued_at.tzinfo is None:
            raise ValueError("naive transmission time")


def transmission_id(report: B2cReport, type_code: str) -> str:
    """TT-1, the same for the same report: SIREN, flux, period and type
    ("123456789-103-20270101-20270131-IN"); at most 50 characters of [A-Za-z0-9-]."""
    flux = "103" if report.kind == TRANSACTIONS else "104"
    return (
        f"{report.declarant.siren}-{flux}-{report.first_day:%Y%m%d}-"
        f"{report.last_day:%Y%m%d}-{type_code}"
    )
