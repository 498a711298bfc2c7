"""What the billing modules share: text limits, the walk-in buyer's name, French
dates, and the seller and the buyer as frozen on an issued document (JSON)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Invoice, Member, Structure
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.people.members import display_name

DESIGNATION_MAX = 300
TEXT_MAX = 500
WALK_IN_NAME = "Client de passage"


def local_day(at: datetime) -> date:
    return to_local(at).date()


def fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def member_name(member: Member | None) -> str:
    if member is None:
        return WALK_IN_NAME
    return display_name(member.kind, member.first_name, member.last_name)


def buyer_name(inv: Invoice) -> str:
    return str(json.loads(inv.buyer_json).get("name", ""))


def load_structure(session: Session) -> Structure:
    s = session.scalar(select(Structure).order_by(Structure.id).limit(1))
    if s is None:
        raise DomainError("structure_missing")
    return s


def seller_of(s: Structure) -> dict[str, Any]:
    return {
        "name": s.name,
        "legal_form": s.legal_form,
        "address": s.address,
        "postcode": s.postcode,
        "city": s.city,
        "siret": s.siret,
        "siren": s.siret[:9],
        "rna": s.rna,
        "vat_number": s.vat_number,
        "capital": s.capital,
        "rcs_city": s.rcs_city,
        "email": s.email,
        "phone": s.phone,
        "website": s.website,
        "iban": s.iban,
        "bic": s.bic,
        "vat_regime": s.vat_regime,
    }


def buyer_of(member: Member | None) -> dict[str, Any]:
    if member is None:
        keys = ("address", "postcode", "city", "siren", "siret", "vat_number", "service_code")
        return {
            "name": WALK_IN_NAME,
            **dict.fromkeys(keys, ""),
            "email": "",
            "member_number": "",
            "kind": "person",
            "organisation_type": "",
            "commitment_number": "",
        }
    return {
        "name": member_name(member),
        "address": member.address,
        "postcode": member.postcode,
        "city": member.city,
        "siren": member.siret[:9],
        "siret": member.siret,
        "vat_number": member.vat_number,
        "service_code": member.service_code,
        "email": member.email,
        "member_number": member.number,
        "kind": member.kind,
        "organisation_type": member.organisation_type or "",
        "commitment_number": member.commitment_number,
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
