"""Invoice lines: what was sold (quantity, unit, unit price) and on which VAT basis.

Pure rules, no database (issue 15, points 6 and 7; docs/vat-basis.md):

- machine time is billed in hours (UN/ECE unit ``HUR``) when the billed minutes are a
  whole number of thousandths of an hour (quarter hours, half hours…), else in minutes
  (``MIN``): the quantity is always exact;
- the unit price excl. VAT is the line's gross amount excl. VAT (total + discount)
  divided by the quantity, with the fewest decimals (2 to 6) such that
  quantity × unit price, rounded half up to the cent, gives back that amount
  (:func:`unit_price`). The PDF and the Factur-X XML print that same figure;
- :func:`vat_basis` gives each line its VAT category (EN 16931 UNTDID 5305), exemption
  reason code (VATEX) and printed mention, from the structure's regime, the line kind and
  whether the buyer is a member.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tierslieu_desktop.domain.pricing import round_half_up

MENTION_293B = "TVA non applicable, art. 293 B du CGI"
MENTION_261_MEMBERS = "TVA non applicable, art. 261-7-1°-a du CGI (services aux membres)"
MENTION_261_LUCRATIVE = (
    "TVA non applicable, art. 261-7-1°-b du CGI (franchise des activités lucratives accessoires)"
)
MENTION_WALLET = "Versement sur porte-monnaie, hors champ de la TVA"
LEGACY_MENTION_261 = "TVA non applicable, art. 261-7-1° du CGI"

VATEX_FRANCHISE = "VATEX-FR-FRANCHISE"
VATEX_261_7 = "VATEX-FR-CGI261-7"
VATEX_OUT_OF_SCOPE = "VATEX-EU-O"

# UN/ECE recommendation 20 codes of the units the lab bills (consumable units included).
UNIT_CODES = {
    "h": "HUR",
    "heure": "HUR",
    "heures": "HUR",
    "min": "MIN",
    "g": "GRM",
    "kg": "KGM",
    "m": "MTR",
    "m²": "MTK",
    "m2": "MTK",
    "jour": "DAY",
    "j": "DAY",
    "mois": "MON",
    "an": "ANN",
    "plaque": "C62",
    "pièce": "C62",
    "personne": "C62",
    "1000 points": "T3",
}

# The units printed for a consumable unit code of the catalogue.
UNIT_LABELS = {
    "gram": "g",
    "metre": "m",
    "square_metre": "m²",
    "sheet": "plaque",
    "piece": "pièce",
    "kilostitch": "1000 points",
}

# Franchise of the lucrative accessory activities of non-profit bodies (art. 206-1 bis
# and 261-7-1°-b CGI): receipts excl. VAT cashed in the calendar year, in cents. Indexed
# every year by the finance act; sources in docs/vat-basis.md.
LUCRATIVE_THRESHOLDS = {2023: 7_667_900, 2024: 7_859_600, 2025: 8_001_100}


def unit_code(unit: str) -> str:
    """The UN/ECE rec. 20 code of a unit ("h" → "HUR"); "C62" (one) when unknown."""
    return UNIT_CODES.get((unit or "").strip().lower(), "C62")


def time_quantity(billed_minutes: int) -> tuple[int, str]:
    """``(quantity_milli, unit)`` of billed machine time: 135 min → (2250, "h");
    70 min (not a whole thousandth of an hour) → (70000, "min")."""
    if billed_minutes * 1000 % 60 == 0:
        return billed_minutes * 1000 // 60, "h"
    return billed_minutes * 1000, "min"


def measured_line(
    rule_unit: str,
    amount_cents: int,
    step_minutes: int | None,
    *,
    minutes: int,
    headcount: int,
    consumable: tuple[int, str] | None,
    list_cents: int,
) -> tuple[int, str, int] | None:
    """``(quantity_milli, unit, unit price incl. VAT)`` of a usage charge priced by a rule
    (``rule_unit``: hour, consumable, session): machine time in hours (or minutes), a
    consumable in its unit (``consumable``: its quantity and catalogue unit code), a
    session per person. None when they do not give back the frozen ``list_cents``
    (a rule changed since): the line then stays "1 × list price"."""
    if rule_unit == "hour":
        step = step_minutes or 1
        billed = -(-max(0, minutes) // step) * step
        quantity, unit = time_quantity(billed)
        if unit == "min" and amount_cents % 60:
            return None
        price = amount_cents if unit == "h" else amount_cents // 60
    elif rule_unit == "consumable" and consumable is not None:
        quantity, code = consumable
        unit, price = UNIT_LABELS.get(code, code), amount_cents
    elif rule_unit == "session":
        quantity, unit, price = max(1, headcount) * 1000, "personne", amount_cents
    else:
        return None
    if quantity <= 0 or round_half_up(quantity * price, 1000) != list_cents:
        return None
    return quantity, unit, price


def _cents_of(quantity_milli: int, price: Decimal) -> int:
    value = Decimal(quantity_milli) * price / 10
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def unit_price(amount_cents: int, quantity_milli: int) -> Decimal:
    """The unit price (euros) of a line worth ``amount_cents`` for ``quantity_milli``:
    the fewest decimals (2 to 6) such that round_half_up(quantity × price) == amount.
    27.00 € for 2.25 h → 12.00; 25.00 € for 3 → 8.333."""
    if quantity_milli <= 0:
        return Decimal(amount_cents) / 100
    exact = Decimal(amount_cents) * 10 / Decimal(quantity_milli)
    price = exact
    for decimals in range(2, 7):
        price = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if _cents_of(quantity_milli, price) == amount_cents:
            return price
    return price


def price_text(price: Decimal) -> str:
    """A unit price as a CII amount: 2 decimals at least, up to 6, no trailing zeros."""
    text = f"{price:.6f}".rstrip("0")
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"


def discount_excl(discount_cents: int, rate_bp: int) -> int:
    """A line's discount (VAT included) excl. VAT, as the renderers print it."""
    if not discount_cents:
        return 0
    return round_half_up(discount_cents * 10_000, 10_000 + rate_bp)


def line_unit_price(
    total_excl_cents: int, discount_cents: int, rate_bp: int, quantity_milli: int
) -> Decimal:
    """The unit price excl. VAT printed on an issued line (PDF and Factur-X alike):
    quantity × unit price = total excl. VAT + discount excl. VAT (:func:`unit_price`)."""
    gross = total_excl_cents + discount_excl(discount_cents, rate_bp)
    return unit_price(gross, quantity_milli)


@dataclass(frozen=True)
class VatBasis:
    """``category``: S (standard), Z (zero rate), E (exempt), O (outside the scope);
    ``reason_code``: the VATEX code ("" when none); ``mention``: printed on the line."""

    category: str
    rate_bp: int
    reason_code: str
    mention: str


def joins_on(lines: Iterable[Any], day: date) -> bool:
    """Whether a basket's ``lines`` sell a membership covering ``day``: the buyer is a
    member for the whole sale."""
    return any(
        getattr(line, "kind", "") == "membership"
        and line.membership_start is not None
        and line.membership_start <= day <= (line.membership_end or day)
        for line in lines
    )


def vat_basis(regime: str, kind: str, default_rate_bp: int, *, buyer_is_member: bool) -> VatBasis:
    """The VAT basis of a line of ``kind`` sold under ``regime`` (docs/vat-basis.md).

    - a wallet top-up is outside the scope of VAT in every regime (a multi-purpose
      voucher, art. 256 ter CGI: taxed when spent, not when paid in);
    - franchise: art. 293 B; exempt_non_profit: 261-7-1°-a to a member (a membership
      fee makes the buyer one), 261-7-1°-b (lucrative accessory activities, within
      the yearly threshold) to anyone else;
    - liable: the default rate, a membership fee exempt under 261-7-1°-a.
    """
    if kind == "wallet_topup":
        return VatBasis("O", 0, VATEX_OUT_OF_SCOPE, MENTION_WALLET)
    if regime == "franchise":
        return VatBasis("E", 0, VATEX_FRANCHISE, MENTION_293B)
    member = buyer_is_member or kind == "membership"
    if regime == "exempt_non_profit":
        if member:
            return VatBasis("E", 0, VATEX_261_7, MENTION_261_MEMBERS)
        return VatBasis("E", 0, VATEX_261_7, MENTION_261_LUCRATIVE)
    if regime != "liable":
        raise ValueError(f"unknown VAT regime: {regime!r}")
    if kind == "membership":
        return VatBasis("E", 0, VATEX_261_7, MENTION_261_MEMBERS)
    if default_rate_bp < 0:
        raise ValueError("negative VAT rate")
    if default_rate_bp == 0:
        return VatBasis("Z", 0, "", "")
    return VatBasis("S", default_rate_bp, "", "")


def basis_of_line(regime: str, kind: str, rate_bp: int, mention: str) -> VatBasis:
    """The VAT basis of an issued line, read back from what was sealed (its kind, rate
    and mention): documents issued before the per-line basis keep their own words."""
    if kind == "wallet_topup" or mention == MENTION_WALLET:
        return VatBasis("O", 0, VATEX_OUT_OF_SCOPE, mention or MENTION_WALLET)
    if rate_bp > 0:
        return VatBasis("S", rate_bp, "", "")
    if not mention:
        if regime == "franchise":
            mention = MENTION_293B
        elif regime == "exempt_non_profit":
            mention = LEGACY_MENTION_261
        else:
            return VatBasis("Z", 0, "", "")
    if "293 B" in mention:
        return VatBasis("E", 0, VATEX_FRANCHISE, mention)
    if "261-7" in mention:
        return VatBasis("E", 0, VATEX_261_7, mention)
    return VatBasis("E", 0, "", mention)


def document_bases(regime: str, lines: Iterable[Any]) -> list[VatBasis]:
    """The VAT basis of each issued line of one document (``kind``, ``vat_rate_bp``,
    ``vat_mention``). EN 16931 forbids mixing category O with any other (BR-O-11 to
    BR-O-14): on a document that also sells something, a top-up is sent as exempt (E)
    with the out-of-scope reason (VATEX-EU-O and its words) — an interim until top-ups
    get a document of their own (docs/vat-basis.md)."""
    bases = [basis_of_line(regime, ln.kind, ln.vat_rate_bp, ln.vat_mention) for ln in lines]
    if any(b.category == "O" for b in bases) and any(b.category != "O" for b in bases):
        bases = [
            VatBasis("E", 0, b.reason_code, b.mention) if b.category == "O" else b for b in bases
        ]
    return bases


@dataclass(frozen=True)
class LucrativeThreshold:
    """The year's receipts from non-members (261-7-1°-b) against the franchise limit;
    ``threshold_year`` is the year of the figure used (the latest known)."""

    year: int
    receipts_cents: int
    threshold_cents: int
    threshold_year: int

    @property
    def exceeded(self) -> bool:
        return self.receipts_cents > self.threshold_cents

    @property
    def near(self) -> bool:
        """90 % of the limit reached: time to warn the treasurer."""
        return self.receipts_cents * 10 >= self.threshold_cents * 9


def lucrative_threshold(year: int, receipts_cents: int) -> LucrativeThreshold:
    known = max((y for y in LUCRATIVE_THRESHOLDS if y <= year), default=min(LUCRATIVE_THRESHOLDS))
    return LucrativeThreshold(year, receipts_cents, LUCRATIVE_THRESHOLDS[known], known)


def is_due(due_date: date, today: date) -> bool:
    """An invoice is due (can be reminded) once its due date has passed."""
    return due_date < today
