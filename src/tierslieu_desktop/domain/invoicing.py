"""Pure invoicing rules: VAT of a line, VAT-included splits, cash change, document
numbers (patterns and their period), and the legal mentions printed on an invoice.

Prices at the desk are VAT included: a line's excl. amount is derived from its incl.
total with :func:`split_incl` (integer cents, halves rounded away from zero).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tierslieu_desktop.domain.pricing import round_half_up

MENTION_293B = "TVA non applicable, art. 293 B du CGI"
MENTION_261 = "TVA non applicable, art. 261-7-1° du CGI"
MENTION_WALLET = "Versement sur porte-monnaie, hors champ de la TVA"
MENTION_PENALTIES = "Pénalités de retard : trois fois le taux d'intérêt légal."
MENTION_INDEMNITY = (
    "Indemnité forfaitaire pour frais de recouvrement : 40 € "
    "(art. L441-10 et D441-5 du Code de commerce)."
)
MENTION_NO_DISCOUNT = "Pas d'escompte pour paiement anticipé."
# A public buyer (public body, school) pays late-payment interest under the public
# procurement code (docs/legal-fr.md §1, decree 2013-269 codified in the Code de la
# commande publique): the ECB rate plus 8 points, and the same 40 € indemnity.
MENTION_PUBLIC_PENALTIES = (
    "Intérêts moratoires en cas de retard de paiement : taux de la BCE majoré de 8 points "
    "(art. L2192-13 et R2192-31 du Code de la commande publique)."
)
MENTION_PUBLIC_INDEMNITY = (
    "Indemnité forfaitaire pour frais de recouvrement : 40 € "
    "(art. L2192-13 et D2192-35 du Code de la commande publique)."
)
# The organisation types invoiced through Chorus Pro (service code, commitment number).
PUBLIC_BUYER_TYPES = ("public_body", "school")
MENTION_DEBITS = "Option pour le paiement de la taxe d'après les débits"
MENTION_ON_RECEIPT = "Payable à réception."

DEFAULT_PATTERNS = {"invoice": "F{year}-{counter:06}", "credit_note": "AV{year}-{counter:06}"}
SERIES = ("invoice", "credit_note")
PATTERN_MAX = 80

_TOKEN = re.compile(r"\{([^{}]*)\}")
_COUNTER = re.compile(r"counter(?::0([1-9]|1[0-2]))?")


@dataclass(frozen=True)
class VatInfo:
    rate_bp: int
    mention: str


def vat_for_line(regime: str, kind: str, default_rate_bp: int) -> VatInfo:
    """The VAT rate and exemption mention of a line of ``kind`` under ``regime``.

    - franchise: 0 %, art. 293 B; exempt_non_profit: 0 %, art. 261-7-1°;
    - liable: ``default_rate_bp``, except a membership fee (0 %, art. 261-7-1°) and a
      wallet top-up (0 %, outside the scope of VAT: it is a deposit, not a sale).
    """
    if regime == "franchise":
        return VatInfo(0, MENTION_293B)
    if regime == "exempt_non_profit":
        return VatInfo(0, MENTION_261)
    if regime != "liable":
        raise ValueError(f"unknown VAT regime: {regime!r}")
    if kind == "membership":
        return VatInfo(0, MENTION_261)
    if kind == "wallet_topup":
        return VatInfo(0, MENTION_WALLET)
    if default_rate_bp < 0:
        raise ValueError("negative VAT rate")
    return VatInfo(default_rate_bp, "")


def split_incl(total_incl_cents: int, rate_bp: int) -> tuple[int, int]:
    """``(excl, vat)`` of a VAT-included amount: excl = round(incl / (1 + rate))."""
    if rate_bp < 0:
        raise ValueError("negative VAT rate")
    excl = round_half_up(total_incl_cents * 10_000, 10_000 + rate_bp)
    return excl, total_incl_cents - excl


def cash_change(amount_due_cents: int, tendered_cents: int) -> int:
    """The change given back for cash handed over; ValueError when it is not enough."""
    if tendered_cents < amount_due_cents:
        raise ValueError("tendered amount lower than the amount due")
    return tendered_cents - amount_due_cents


def check_pattern(pattern: str) -> None:
    """A number pattern: free text with the tokens {year} {yy} {month} and exactly one
    {counter} (or {counter:0N}, N ≤ 12). ValueError otherwise."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError("empty pattern")
    if len(pattern) > PATTERN_MAX:
        raise ValueError("pattern too long")
    counters = 0
    for token in _TOKEN.findall(pattern):
        if token in ("year", "yy", "month"):
            continue
        if _COUNTER.fullmatch(token):
            counters += 1
            continue
        raise ValueError(f"unknown token {{{token}}}")
    if counters != 1:
        raise ValueError("the pattern needs exactly one {counter}")
    stripped = _TOKEN.sub("", pattern)
    if "{" in stripped or "}" in stripped:
        raise ValueError("unbalanced braces")
    if any(ch.isspace() for ch in pattern):
        raise ValueError("no spaces in a document number")
    tokens = set(_TOKEN.findall(pattern))
    if "month" in tokens and not tokens & {"year", "yy"}:
        # The counter restarts every month: without the year, November 2027 would
        # reuse November 2026's numbers (CGI: no duplicate, ever).
        raise ValueError("a pattern with {month} needs {year} or {yy}")


def pattern_period(pattern: str, day: date) -> str:
    """The period key a counter restarts on: "2026-11" with {month}, "2026" with
    {year}/{yy}, else "all" (never restarts)."""
    tokens = set(_TOKEN.findall(pattern))
    if "month" in tokens:
        return f"{day.year:04d}-{day.month:02d}"
    if "year" in tokens or "yy" in tokens:
        return f"{day.year:04d}"
    return "all"


def format_number(pattern: str, day: date, counter: int) -> str:
    """``format_number("F{year}-{counter:06}", date(2026, 3, 1), 123) == "F2026-000123"``."""
    check_pattern(pattern)
    if counter < 1:
        raise ValueError("counter starts at 1")

    def token(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "year":
            return f"{day.year:04d}"
        if name == "yy":
            return f"{day.year % 100:02d}"
        if name == "month":
            return f"{day.month:02d}"
        counter_token = _COUNTER.fullmatch(name)
        assert counter_token is not None  # check_pattern let only counters through
        width = counter_token.group(1)
        return f"{counter:0{width}d}" if width else str(counter)

    return _TOKEN.sub(token, pattern)


def is_public_buyer(buyer: dict[str, object]) -> bool:
    """A frozen buyer invoiced through Chorus Pro: an organisation of a public type."""
    return buyer.get("kind") == "organisation" and buyer.get("organisation_type") in (
        PUBLIC_BUYER_TYPES
    )


def legal_mentions(
    *,
    regime: str,
    buyer_is_business: bool,
    vat_on_debits: bool,
    payment_terms_days: int,
    has_vat_lines: bool,
    zero_rate_mentions: tuple[str, ...] = (),
    public_buyer: bool = False,
) -> list[str]:
    """The legal mentions of an invoice, in French, one per line.

    ``zero_rate_mentions``: the mentions of the 0 % lines of a "liable" or
    "exempt_non_profit" invoice (membership, wallet, 261-7-1°-a or -b); when empty,
    art. 261-7-1° is named.
    ``public_buyer``: the public-sector late-payment interest instead of the commercial one.
    """
    mentions: list[str] = []
    if regime == "franchise":
        mentions.append(MENTION_293B)
    elif regime == "exempt_non_profit":
        # the basis of each line (261-7-1°-a to members, -b to others: domain.lines)
        for mention in zero_rate_mentions:
            if mention and mention not in mentions:
                mentions.append(mention)
        if not mentions:
            mentions.append(MENTION_261)
    elif regime == "liable":
        for mention in zero_rate_mentions:
            if mention and mention not in mentions:
                mentions.append(mention)
        if not has_vat_lines and not mentions:
            mentions.append(MENTION_261)
        if vat_on_debits:
            mentions.append(MENTION_DEBITS)
    if buyer_is_business:
        if payment_terms_days <= 0:
            mentions.append(MENTION_ON_RECEIPT)
        mentions.append(MENTION_PUBLIC_PENALTIES if public_buyer else MENTION_PENALTIES)
        mentions.append(MENTION_PUBLIC_INDEMNITY if public_buyer else MENTION_INDEMNITY)
        mentions.append(MENTION_NO_DISCOUNT)
    return mentions
