"""The tiers-lieu's identity (Paramètres → Structure); printed on invoices later."""

from __future__ import annotations

from dataclasses import dataclass, replace

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Structure
from tierslieu_desktop.domain.enums import VatRegime
from tierslieu_desktop.domain.validation import (
    clean_email,
    clean_iban,
    clean_phone,
    clean_postcode,
    clean_rna,
    clean_siret,
    clean_vat_number,
)
from tierslieu_desktop.services.common import FieldCollector, stamp

MAX_LOGO_BYTES = 2 * 1024 * 1024


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
    if cleaned.logo is not None and len(cleaned.logo) > MAX_LOGO_BYTES:
        c.add("logo", "logo_too_large")
    c.raise_if_any()
    return cleaned


def save_structure(db: Database, actor: int | None, data: StructureData) -> None:
    cleaned = validate_structure(data)
    with db.write() as session:
        s = session.get(Structure, 1)
        created = s is None
        if s is None:
            s = Structure(id=1)
            session.add(s)
        for name in StructureData.__dataclass_fields__:
            value = getattr(cleaned, name)
            setattr(s, name, value.value if name == "vat_regime" else value)
        stamp(s, actor, created=created)
