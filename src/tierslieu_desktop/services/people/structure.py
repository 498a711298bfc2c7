"""The tiers-lieu's identity (Paramètres → Structure); printed on invoices later."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import DocumentCounter, Structure
from tierslieu_desktop.domain.enums import VatRegime
from tierslieu_desktop.domain.finance import DEFAULT_VOUCHER_CENTS, MAX_CARD_SETTLEMENT_DAYS
from tierslieu_desktop.domain.invoicing import check_pattern, format_number, pattern_period
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.validation import (
    clean_email,
    clean_iban,
    clean_phone,
    clean_postcode,
    clean_rna,
    clean_siret,
    clean_vat_number,
)
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_version, stamp
from tierslieu_desktop.services.people.communes import resolve_communes

MAX_LOGO_BYTES = 2 * 1024 * 1024
# Code de commerce L441-10: at most 60 days after the invoice date.
MAX_PAYMENT_TERMS_DAYS = 60
# French VAT rates (CGI art. 278 to 281 nonies), in basis points.
VAT_RATES_BP = (2000, 1000, 550, 210)
MAX_CAPITAL_LENGTH = 60
MAX_RCS_CITY_LENGTH = 120
MAX_VOUCHER_CENTS = 100_000


@dataclass(frozen=True)
class StructureData:
    name: str = ""
    legal_form: str = ""
    siret: str = ""
    rna: str = ""
    vat_number: str = ""
    vat_regime: VatRegime = VatRegime.EXEMPT_NON_PROFIT
    address: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    iban: str = ""
    bic: str = ""
    logo: bytes | None = None
    # Invoicing: company mentions, payment terms, default VAT rate when liable.
    capital: str = ""  # share capital as printed, e.g. "10 000 €"
    rcs_city: str = ""  # "RCS Cahors": the city of the trade register
    payment_terms_days: int = 30  # 0 = payable on receipt
    default_vat_rate_bp: int = 2000
    vat_on_debits: bool = False  # "TVA sur les débits" (option of a liable seller)
    fiscal_year_start_month: int = 1  # the accounts' fiscal year (1 = calendar year)
    card_settlement_days: int = 1  # business days until the bank credits a card payment
    voucher_value_cents: int = DEFAULT_VOUCHER_CENTS  # one Pass numérique voucher
    # The funders' zones of the lab's territory (issue 16, point 4): typed as INSEE codes
    # or names (see services.people.communes.resolve_communes), stored and returned as
    # INSEE codes separated by spaces.
    zrr_communes: str = ""  # communes classified ZRR / FRR (France Ruralités Revitalisation)
    qpv_communes: str = ""  # communes containing a quartier prioritaire de la ville


def get_structure(db: Database) -> StructureData:
    with db.read() as session:
        s = session.get(Structure, 1)
        if s is None:
            return StructureData()
        return StructureData(
            **{
                name: getattr(s, name)
                for name in StructureData.__dataclass_fields__
                if name != "vat_regime"
            },
            vat_regime=VatRegime(s.vat_regime),
        )


def validate_structure(data: StructureData) -> StructureData:
    c = FieldCollector()
    c.texts(data)
    if not data.name.strip():
        c.add("name", "required")
    cleaned = replace(
        data,
        name=data.name.strip(),
        legal_form=data.legal_form.strip(),
        siret=c.check("siret", clean_siret, data.siret),
        rna=c.check("rna", clean_rna, data.rna),
        vat_number=c.check("vat_number", clean_vat_number, data.vat_number),
        postcode=c.check("postcode", clean_postcode, data.postcode),
        city=data.city.strip(),
        address=data.address.strip(),
        email=c.check("email", clean_email, data.email),
        phone=c.check("phone", clean_phone, data.phone),
        website=data.website.strip(),
        iban=c.check("iban", clean_iban, data.iban),
        bic=data.bic.strip().upper().replace(" ", ""),
    )
    if cleaned.vat_regime == VatRegime.LIABLE and not cleaned.vat_number:
        c.add("vat_number", "vat_number_required")
    if cleaned.bic and not (len(cleaned.bic) in (8, 11) and cleaned.bic.isalnum()):
        c.add("bic", "bic_invalid")
    cleaned = replace(cleaned, capital=data.capital.strip(), rcs_city=data.rcs_city.strip())
    if len(cleaned.capital) > MAX_CAPITAL_LENGTH:
        c.add("capital", "too_long")
    if len(cleaned.rcs_city) > MAX_RCS_CITY_LENGTH:
        c.add("rcs_city", "too_long")
    if not 0 <= data.payment_terms_days <= MAX_PAYMENT_TERMS_DAYS:
        c.add("payment_terms_days", "payment_terms_invalid")
    if cleaned.vat_regime == VatRegime.LIABLE:
        if data.default_vat_rate_bp not in VAT_RATES_BP:
            c.add("default_vat_rate_bp", "vat_rate_invalid")
    else:
        # Without VAT there is neither a rate to apply nor an option on debits: keep the
        # rate (it comes back if the structure becomes liable), drop the option.
        if data.default_vat_rate_bp not in VAT_RATES_BP:
            cleaned = replace(cleaned, default_vat_rate_bp=VAT_RATES_BP[0])
        cleaned = replace(cleaned, vat_on_debits=False)
    if not 1 <= data.fiscal_year_start_month <= 12:
        c.add("fiscal_year_start_month", "invalid")
    if not 0 <= data.card_settlement_days <= MAX_CARD_SETTLEMENT_DAYS:
        c.add("card_settlement_days", "number_invalid")
    if not 1 <= data.voucher_value_cents <= MAX_VOUCHER_CENTS:
        c.add("voucher_value_cents", "amount_invalid")
    zones = {}
    for field in ("zrr_communes", "qpv_communes"):
        found = resolve_communes(getattr(data, field))
        if found.unknown:
            c.add(field, "communes_unknown")
        zones[field] = " ".join(found.codes)
    cleaned = replace(
        cleaned, zrr_communes=zones["zrr_communes"], qpv_communes=zones["qpv_communes"]
    )
    if cleaned.logo is not None and len(cleaned.logo) > MAX_LOGO_BYTES:
        c.add("logo", "logo_too_large")
    c.raise_if_any()
    return cleaned


@guarded(Permission.SETTINGS)
def save_structure(
    db: Database, actor: int | None, data: StructureData, *, expected_version: int | None = None
) -> None:
    """Save the structure's settings; ``expected_version`` (``StructureData`` read with
    ``structure_version``) refuses a save over another desk's (``stale_record``)."""
    return _save_structure_impl(db, actor, data, expected_version=expected_version)


def _save_structure_impl(
    db: Database, actor: int | None, data: StructureData, *, expected_version: int | None = None
) -> None:
    cleaned = validate_structure(data)
    with db.write() as session:
        s = session.get(Structure, 1)
        created = s is None
        if s is not None:
            check_version(s, expected_version, cleaned)
        if s is None:
            s = Structure(id=1)
            session.add(s)
        for name in StructureData.__dataclass_fields__:
            value = getattr(cleaned, name)
            setattr(s, name, value.value if name == "vat_regime" else value)
        stamp(s, actor, created=created)


def structure_version(db: Database) -> int | None:
    """The structure's version (None: not saved yet): what ``save_structure``'s
    ``expected_version`` is given by the form that loaded it."""
    with db.read() as session:
        s = session.get(Structure, 1)
        return None if s is None else s.version


def numbering_preview(db: Database, series: str, pattern: str, day: date) -> str | None:
    """The number the next document of ``series`` would get on ``day`` with ``pattern``
    ("F2026-000124"): the counter of the pattern's period plus one. None for a pattern
    that is not valid (see domain.invoicing.check_pattern)."""
    try:
        check_pattern(pattern)
    except ValueError:
        return None
    with db.read() as session:
        counter = session.get(DocumentCounter, (series, pattern_period(pattern, day)))
        last = counter.last_value if counter is not None else 0
    return format_number(pattern, day, last + 1)
