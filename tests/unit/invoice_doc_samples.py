"""InvoiceDoc objects built in memory (no database) for the PDF tests and benchmark.

The amounts follow the agreed VAT rule (prices VAT included, excl = round_half_up(
incl × 10000 / (10000 + rate))), so the documents look like the ones the service issues.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from tierslieu_desktop.domain.documents import InvoiceDoc, InvoiceLineRow, PaymentRow
from tierslieu_desktop.domain.pricing import round_half_up

IBAN = "FR7630006000011234567890189"
BIC = "AGRIFRPP"
FRANCHISE = "TVA non applicable, art. 293 B du CGI"
EXEMPT = "TVA non applicable, art. 261-7-1° du CGI"
PENALTY = "Pénalités de retard : trois fois le taux d'intérêt légal."
INDEMNITY = (
    "Indemnité forfaitaire pour frais de recouvrement : 40 € "
    "(art. L441-10 et D441-5 du Code de commerce)."
)
NO_DISCOUNT = "Pas d'escompte pour paiement anticipé."


def seller(regime: str, *, iban: str = IBAN) -> dict:
    base = {
        "name": "La Fabrique du Causse",
        "legal_form": "Association loi 1901",
        "address": "2 place de la Halle",
        "postcode": "46130",
        "city": "Bretenoux",
        "siret": "81234567800017",
        "siren": "812345678",
        "rna": "W462001234",
        "vat_number": "",
        "capital": "",
        "rcs_city": "",
        "email": "contact@fabrique-causse.fr",
        "phone": "05 65 00 00 00",
        "website": "fabrique-causse.fr",
        "iban": iban,
        "bic": BIC,
        "vat_regime": regime,
    }
    if regime == "liable":
        base.update(
            name="Causse Lab SCIC",
            legal_form="SCIC SARL",
            capital="12 000 €",
            rcs_city="Cahors",
            vat_number="FR32812345678",
            rna="",
        )
    return base


def person_buyer() -> dict:
    return {
        "name": "Élise Durand",
        "address": "4 chemin des Écoliers",
        "postcode": "46130",
        "city": "Bretenoux",
        "siren": "",
        "siret": "",
        "vat_number": "",
        "service_code": "",
        "email": "elise@example.org",
        "member_number": "A00042",
        "kind": "person",
    }


def company_buyer() -> dict:
    return {
        "name": "Menuiserie Lacombe SARL",
        "address": "ZA du Pont\n12 rue des Artisans",
        "postcode": "46400",
        "city": "Saint-Céré",
        "siren": "443061841",
        "siret": "44306184100047",
        "vat_number": "FR40443061841",
        "service_code": "",
        "email": "compta@lacombe.example",
        "member_number": "O00007",
        "kind": "organisation",
    }


def line(
    position: int,
    designation: str,
    quantity_milli: int,
    unit: str,
    unit_price_incl: int,
    rate_bp: int,
    mention: str = "",
    *,
    discount: int = 0,
    kind: str = "usage",
    detail: str = "",
) -> InvoiceLineRow:
    incl = round_half_up(quantity_milli * unit_price_incl, 1000) - discount
    excl = round_half_up(incl * 10000, 10000 + rate_bp)
    return InvoiceLineRow(
        id=position,
        position=position,
        kind=kind,
        revenue_kind="service",
        designation=designation,
        detail=detail,
        quantity_milli=quantity_milli,
        unit=unit,
        unit_price_excl_cents=round_half_up(unit_price_incl * 10000, 10000 + rate_bp),
        vat_rate_bp=rate_bp,
        vat_mention=mention,
        list_cents=incl + discount,
        discount_cents=discount,
        total_excl_cents=excl,
        vat_cents=incl - excl,
        total_incl_cents=incl,
        usage_id=None,
    )


def payment(amount: int, method: str = "card", *, tendered: int | None = None) -> PaymentRow:
    return PaymentRow(
        id=1,
        at=datetime(2026, 11, 20, 15, 30, tzinfo=UTC),
        method=method,
        amount_cents=amount,
        tendered_cents=tendered,
        change_cents=(tendered - amount) if tendered else None,
        cheque_number="",
        bank="",
        reference="TPE-0042" if method == "card" else "",
        voucher_count=None,
        voucher_value_cents=None,
        desk="Accueil",
    )


def doc(
    *,
    kind: str = "invoice",
    number: str = "F2026-000123",
    regime: str,
    buyer: dict,
    lines: list[InvoiceLineRow],
    mentions: list[str],
    payments: Sequence[PaymentRow] = (),
    terms_days: int = 0,
    seller_iban: str = IBAN,
    credited: tuple[str, date] | None = None,
    service: tuple[date, date] = (date(2026, 11, 2), date(2026, 11, 18)),
) -> InvoiceDoc:
    issued = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)
    breakdown: dict[int, list[int]] = {}
    for ln in lines:
        b = breakdown.setdefault(ln.vat_rate_bp, [0, 0])
        b[0] += ln.total_excl_cents
        b[1] += ln.vat_cents
    total_incl = sum(ln.total_incl_cents for ln in lines)
    paid = sum(p.amount_cents for p in payments)
    balance = 0 if kind == "credit_note" else total_incl - paid
    return InvoiceDoc(
        id=1,
        kind=kind,
        number=number,
        issued_at=issued,
        service_from=service[0],
        service_to=service[1],
        due_date=date(2026, 11, 20) + timedelta(days=terms_days),
        member_id=42,
        buyer=buyer,
        seller=seller(regime, iban=seller_iban),
        buyer_is_business=buyer["kind"] == "organisation",
        vat_regime=regime,
        mentions=list(mentions),
        lines=lines,
        vat_breakdown=[(r, b[0], b[1]) for r, b in sorted(breakdown.items())],
        total_excl_cents=sum(ln.total_excl_cents for ln in lines),
        total_vat_cents=sum(ln.vat_cents for ln in lines),
        total_incl_cents=total_incl,
        payments=list(payments),
        paid_cents=paid,
        credited_cents=0,
        balance_cents=balance,
        credited_invoice_number=credited[0] if credited else None,
        credited_invoice_date=credited[1] if credited else None,
        credit_note_numbers=[],
        note="",
        desk="Accueil",
    )


def franchise_person(*, paid: bool = False) -> InvoiceDoc:
    """Franchise en base seller, a private person, partly unpaid unless ``paid``."""
    lines = [
        line(
            1,
            "Découpe laser — Trotec Speedy 400",
            1500,
            "h",
            2400,
            0,
            FRANCHISE,
            detail="Réservation du 12/11/2026 14:00–15:30",
        ),
        dataclasses.replace(
            line(2, "Filament PLA 1,75 mm", 245_000, "g", 6, 0, FRANCHISE),
            kind="consumable",
            revenue_kind="consumable",
        ),
        line(
            3, "Plaque contreplaqué peuplier 3 mm", 2000, "plaque", 450, 0, FRANCHISE, discount=100
        ),
    ]
    total = sum(ln.total_incl_cents for ln in lines)
    payments = [payment(total, "cash", tendered=total + 530)] if paid else [payment(2000, "card")]
    return doc(
        regime="franchise",
        buyer=person_buyer(),
        lines=lines,
        mentions=[FRANCHISE],
        payments=payments,
    )


def liable_company() -> InvoiceDoc:
    """VAT-liable seller invoicing a company: 20 % lines and a 0 % membership line."""
    lines = [
        line(1, "Fraiseuse CNC — Shaper Origin", 6000, "h", 3000, 2000),
        line(2, "Découpe vinyle — Silhouette Cameo", 2500, "h", 1800, 2000, discount=500),
        line(3, "Poste coworking — journée", 4000, "jour", 1500, 2000),
        line(4, "Adhésion entreprise 2026–2027", 1000, "an", 12000, 0, EXEMPT, kind="membership"),
    ]
    return doc(
        regime="liable",
        buyer=company_buyer(),
        lines=lines,
        terms_days=30,
        mentions=[EXEMPT, PENALTY, INDEMNITY, NO_DISCOUNT],
        number="F2026-000124",
    )


def exempt_association() -> InvoiceDoc:
    """Non-profit association (261-7-1°) invoicing another association."""
    buyer = company_buyer() | {
        "name": "Les Ateliers Partagés",
        "siren": "",
        "siret": "",
        "vat_number": "",
        "member_number": "O00009",
    }
    lines = [line(1, "Imprimante 3D — Prusa MK4", 3000, "h", 300, 0, EXEMPT)]
    return doc(
        regime="exempt_non_profit",
        buyer=buyer,
        lines=lines,
        terms_days=30,
        mentions=[EXEMPT, PENALTY, INDEMNITY, NO_DISCOUNT],
        number="F2026-000125",
    )


def credit_note() -> InvoiceDoc:
    lines = [line(1, "Fraiseuse CNC — Shaper Origin", 2000, "h", 3000, 2000)]
    refund = payment(-6000, "transfer")
    return doc(
        kind="credit_note",
        number="AV2026-000003",
        regime="liable",
        buyer=company_buyer(),
        lines=lines,
        payments=[refund],
        mentions=[
            "Avoir sur la facture n° F2026-000124 du 20/11/2026",
            "Motif : heures comptées deux fois",
            PENALTY,
            INDEMNITY,
        ],
        credited=("F2026-000124", date(2026, 11, 20)),
    )


def long_invoice(count: int = 60) -> InvoiceDoc:
    lines = [
        line(i, f"Impression 3D — pièce n° {i}", 1000 + i * 10, "h", 300, 0, FRANCHISE)
        for i in range(1, count + 1)
    ]
    return doc(
        regime="franchise",
        buyer=person_buyer(),
        lines=lines,
        mentions=[FRANCHISE],
        number="F2026-000200",
    )
