"""Shared pieces of the invoice PDFs: the embedded font, French formatting, labels.

Invoices are French legal documents: they are always formatted in French (fr_FR),
whatever the interface language. Every text goes through the DejaVu TTF shipped in
``resources/fonts`` (embedded, subset) so accents, "€" and the narrow no-break spaces
of Babel's French formatting render, and so the PDF can be made PDF/A (Factur-X).
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from zoneinfo import ZoneInfo

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tierslieu_desktop.domain.documents import InvoiceDoc
from tierslieu_desktop.domain.invoicing import (
    MENTION_PUBLIC_INDEMNITY,
    MENTION_PUBLIC_PENALTIES,
    is_public_buyer,
)

PARIS = ZoneInfo("Europe/Paris")
LOCALE = "fr_FR"
FONT = "TLSans"
FONT_BOLD = "TLSans-Bold"
FONT_MONO = "TLMono"  # fixed width, for fingerprints read out digit by digit

METHOD_LABELS = {
    "cash": "Espèces",
    "cheque": "Chèque",
    "card": "Carte bancaire",
    "transfer": "Virement",
    "pass_numerique": "Pass numérique",
    "mandate": "Mandat administratif",
    "wallet": "Porte-monnaie",
}

_registered = False


def register_fonts() -> None:
    """Register the shipped DejaVu fonts with ReportLab once per process (never a
    standard PDF font: those are not embedded)."""
    global _registered
    if _registered:
        return
    folder = resources.files("tierslieu_desktop") / "resources" / "fonts"
    with resources.as_file(folder / "DejaVuSans.ttf") as regular:
        pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    with resources.as_file(folder / "DejaVuSans-Bold.ttf") as bold:
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    with resources.as_file(folder / "DejaVuSansMono.ttf") as mono:
        pdfmetrics.registerFont(TTFont(FONT_MONO, str(mono)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    _registered = True


@functools.lru_cache(maxsize=4096)
def money(cents: int) -> str:
    """12345 → "123,45 €" (narrow no-break space as group separator)."""
    return babel_numbers.format_currency(Decimal(cents) / 100, "EUR", locale=LOCALE)


@functools.lru_cache(maxsize=4096)
def quantity(milli: int) -> str:
    """1500 → "1,5"; 2000 → "2"."""
    return babel_numbers.format_decimal(Decimal(milli) / 1000, format="#,##0.###", locale=LOCALE)


@functools.lru_cache(maxsize=4096)
def rate(rate_bp: int) -> str:
    """2000 → "20 %"; 550 → "5,5 %"."""
    value = babel_numbers.format_decimal(Decimal(rate_bp) / 100, format="#,##0.##", locale=LOCALE)
    return f"{value}\u202f%"


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    return babel_dates.format_date(value, format="dd/MM/yyyy", locale=LOCALE)


def local(value: datetime) -> datetime:
    if value.tzinfo is None:  # stored UTC, read back naive by SQLite
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(PARIS)


def day_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return babel_dates.format_datetime(local(value), format="dd/MM/yyyy HH:mm", locale=LOCALE)


def issue_day(doc: InvoiceDoc) -> date:
    return local(doc.issued_at).date() if isinstance(doc.issued_at, datetime) else doc.issued_at


def siren_of(party: dict) -> str:
    siren = (party.get("siren") or "").replace(" ", "")
    if not siren:
        siren = (party.get("siret") or "").replace(" ", "")[:9]
    return siren


def group_digits(value: str, sizes: tuple[int, ...]) -> str:
    """ "12345678900012", (3, 3, 3, 5) → "123 456 789 00012"."""
    value = value.replace(" ", "")
    parts, pos = [], 0
    for size in sizes:
        if pos >= len(value):
            break
        parts.append(value[pos : pos + size])
        pos += size
    if pos < len(value):
        parts.append(value[pos:])
    return " ".join(parts)


def iban_text(iban: str) -> str:
    iban = iban.replace(" ", "").upper()
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def address_lines(party: dict) -> list[str]:
    lines = [line.strip() for line in (party.get("address") or "").splitlines() if line.strip()]
    city = " ".join(p for p in (party.get("postcode") or "", party.get("city") or "") if p)
    if city:
        lines.append(city)
    return lines


def doc_title(doc: InvoiceDoc) -> str:
    kind = "Avoir" if doc.kind == "credit_note" else "Facture"
    return f"{kind} n° {doc.number}"


def seller_legal_lines(seller: dict) -> list[str]:
    """Identification of the seller (CGI ann. II art. 242 nonies A; C. com. R123-237)."""
    out: list[str] = []
    form = seller.get("legal_form") or ""
    capital = seller.get("capital") or ""
    first = form
    if capital:
        first = f"{form} au capital de {capital}" if form else f"Capital : {capital}"
    if first:
        out.append(first)
    siret = (seller.get("siret") or "").replace(" ", "")
    siren = siren_of(seller)
    if siret:
        out.append(f"SIRET {group_digits(siret, (3, 3, 3, 5))}")
    elif siren:
        out.append(f"SIREN {group_digits(siren, (3, 3, 3))}")
    if seller.get("rcs_city") and siren:
        out.append(f"RCS {seller['rcs_city']} {group_digits(siren, (3, 3, 3))}")
    if seller.get("rna"):
        out.append(f"RNA {seller['rna']}")
    if seller.get("vat_number"):
        out.append(f"N° TVA intracommunautaire : {seller['vat_number']}")
    return out


def buyer_lines(buyer: dict, business: bool) -> list[str]:
    out = address_lines(buyer)
    siren = siren_of(buyer)
    # Decree 2022-1299: the buyer's SIREN (business buyers); SIRET too for Chorus Pro.
    if business and siren:
        out.append(f"SIREN {group_digits(siren, (3, 3, 3))}")
    if business and buyer.get("siret"):
        out.append(f"SIRET {group_digits(buyer['siret'], (3, 3, 3, 5))}")
    if buyer.get("vat_number"):
        out.append(f"N° TVA intracommunautaire : {buyer['vat_number']}")
    if buyer.get("service_code"):
        out.append(f"Code service : {buyer['service_code']}")
    if buyer.get("commitment_number"):
        out.append(f"N° d'engagement : {buyer['commitment_number']}")
    if buyer.get("member_number"):
        out.append(f"N° adhérent : {buyer['member_number']}")
    return out


# Fallbacks when a document's frozen mentions miss one (stricter reading of docs/legal-fr.md §1).
PENALTY = "Pénalités de retard : trois fois le taux d'intérêt légal."
INDEMNITY = (
    "Indemnité forfaitaire pour frais de recouvrement : 40 € "
    "(art. L441-10 et D441-5 du Code de commerce)."
)
NO_DISCOUNT = "Pas d'escompte pour paiement anticipé."
FRANCHISE = "TVA non applicable, art. 293 B du CGI"
EXEMPT = "TVA non applicable, art. 261-7-1° du CGI"


def all_mentions(doc: InvoiceDoc) -> list[str]:
    """The document's frozen mentions, plus line exemption mentions and required fallbacks."""
    mentions = [m for m in doc.mentions if m]
    text = " ".join(mentions)

    def add(m: str, marker: str) -> None:
        nonlocal text
        if marker not in text:
            mentions.append(m)
            text += " " + m

    if doc.vat_regime == "franchise":
        add(FRANCHISE, "293 B")
    elif doc.vat_regime == "exempt_non_profit":
        add(EXEMPT, "261-7-1°")
    for line in doc.lines:
        if line.vat_mention and line.vat_rate_bp == 0:
            add(line.vat_mention, line.vat_mention)
    if doc.buyer_is_business and is_public_buyer(doc.buyer):
        # Public buyers: the public procurement code's interest, not the commercial rate.
        add(MENTION_PUBLIC_PENALTIES, "retard")
        add(MENTION_PUBLIC_INDEMNITY, "40 €")
        add(NO_DISCOUNT, "escompte")
    elif doc.buyer_is_business:
        add(PENALTY, "Pénalités de retard")
        add(INDEMNITY, "40 €")
        add(NO_DISCOUNT, "escompte")
    return mentions


def payment_terms(doc: InvoiceDoc) -> str:
    issued = issue_day(doc)
    if doc.due_date is None or doc.due_date <= issued:
        return "Payable à réception"
    days = (doc.due_date - issued).days
    return f"Payable à {days} jours, au plus tard le {day(doc.due_date)}"


def service_period(doc: InvoiceDoc) -> str:
    start, end = doc.service_from, doc.service_to
    if start is None and end is None:
        return day(issue_day(doc))
    if start is None or end is None or start == end:
        return day(start or end)
    return f"du {day(start)} au {day(end)}"


def payment_status(doc: InvoiceDoc) -> str:
    if doc.kind == "credit_note":
        refunded = -doc.paid_cents
        imputed = doc.total_incl_cents - refunded
        parts = []
        if refunded:
            parts.append(f"Remboursé : {money(refunded)}")
        if imputed:
            target = f" n° {doc.credited_invoice_number}" if doc.credited_invoice_number else ""
            parts.append(f"déduit de la facture{target} : {money(imputed)}")
        text = " — ".join(parts) or "Avoir"
        return text[0].upper() + text[1:]
    total = doc.total_incl_cents
    paid = doc.paid_cents
    balance = doc.balance_cents
    if total == 0 or balance == 0:
        last = max((p.at for p in doc.payments), default=None)
        when = f" le {day(last)}" if last else ""
        return f"Facture acquittée{when} : payé {money(paid)}"
    if paid:
        return f"Partiellement payée : payé {money(paid)} — reste à payer {money(balance)}"
    return f"Non payée — reste à payer {money(balance)}"


def operation_category(doc: InvoiceDoc) -> str:
    """Decree 2022-1299: goods, services or both. Consumables sold are goods."""
    kinds = {line.revenue_kind for line in doc.lines}
    goods = "consumable" in kinds or "goods" in kinds
    services = bool(kinds - {"consumable", "goods"})
    if goods and services:
        return "Mixte (livraisons de biens et prestations de services)"
    return "Livraisons de biens" if goods else "Prestations de services"
