"""Invoicing settings of the structure (terms, VAT rate, company mentions), the number
preview, and the invoicing fields of organisations."""

from __future__ import annotations

from datetime import date

import pytest

from tierslieu_desktop.db.models import DocumentCounter
from tierslieu_desktop.domain.enums import MemberKind, OrganisationType, VatRegime
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.services.people import members, structure
from tierslieu_desktop.services.people.members import MemberInput
from tierslieu_desktop.services.people.structure import StructureData

COMPANY = StructureData(
    name="Fab Causse SAS",
    legal_form="SAS",
    siret="73282932000074",
    vat_number="FR44732829320",
    vat_regime=VatRegime.LIABLE,
)


def test_invoicing_settings_saved_and_read_back(db, operator):
    structure.save_structure(
        db,
        operator,
        StructureData(
            **{
                **COMPANY.__dict__,
                "capital": " 10 000 € ",
                "rcs_city": "Cahors",
                "payment_terms_days": 45,
                "default_vat_rate_bp": 1000,
                "vat_on_debits": True,
            }
        ),
    )
    saved = structure.get_structure(db)
    assert saved.capital == "10 000 €"
    assert saved.rcs_city == "Cahors"
    assert saved.payment_terms_days == 45
    assert saved.default_vat_rate_bp == 1000
    assert saved.vat_on_debits is True


def test_defaults_of_a_new_structure(db):
    data = structure.get_structure(db)
    assert (data.payment_terms_days, data.default_vat_rate_bp, data.vat_on_debits) == (
        30,
        2000,
        False,
    )


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"payment_terms_days": 61}, "payment_terms_days", "payment_terms_invalid"),
        ({"payment_terms_days": -1}, "payment_terms_days", "payment_terms_invalid"),
        ({"default_vat_rate_bp": 1900}, "default_vat_rate_bp", "vat_rate_invalid"),
        ({"capital": "9" * 61}, "capital", "too_long"),
    ],
)
def test_invalid_invoicing_settings_are_refused(db, operator, changes, field, code):
    with pytest.raises(ValidationError) as err:
        structure.save_structure(db, operator, StructureData(**{**COMPANY.__dict__, **changes}))
    assert err.value.fields[field] == code
    assert structure.get_structure(db).name == ""  # nothing saved


def test_payable_on_receipt_is_allowed(db, operator):
    structure.save_structure(
        db, operator, StructureData(**{**COMPANY.__dict__, "payment_terms_days": 0})
    )
    assert structure.get_structure(db).payment_terms_days == 0


def test_no_vat_option_without_vat(db, operator):
    """An association exempt from VAT has no rate to check and cannot opt for debits."""
    structure.save_structure(
        db,
        operator,
        StructureData(
            name="Association du Causse",
            vat_regime=VatRegime.EXEMPT_NON_PROFIT,
            default_vat_rate_bp=0,
            vat_on_debits=True,
        ),
    )
    saved = structure.get_structure(db)
    assert saved.vat_on_debits is False
    assert saved.default_vat_rate_bp == 2000


def test_numbering_preview_follows_the_counter_of_the_period(db):
    day = date(2026, 3, 14)
    assert structure.numbering_preview(db, "invoice", "F{year}-{counter:06}", day) == (
        "F2026-000001"
    )
    with db.write() as s:
        s.add(DocumentCounter(series="invoice", period="2026", last_value=123))
        s.add(DocumentCounter(series="credit_note", period="2026", last_value=6))
    assert structure.numbering_preview(db, "invoice", "F{year}-{counter:06}", day) == (
        "F2026-000124"
    )
    assert structure.numbering_preview(db, "credit_note", "AV{yy}-{counter:04}", day) == (
        "AV26-0007"
    )
    # A monthly pattern has its own counter, which starts at 1.
    assert structure.numbering_preview(db, "invoice", "F{year}{month}-{counter}", day) == (
        "F202603-1"
    )
    assert structure.numbering_preview(db, "invoice", "F{year}-{compteur}", day) is None
    assert structure.numbering_preview(db, "invoice", "F{year}", day) is None


def organisation(**changes) -> MemberInput:
    base = MemberInput(
        kind=MemberKind.ORGANISATION,
        last_name="Mairie de Figeac",
        organisation_type=OrganisationType.PUBLIC_BODY,
        siret="21460102300002",
    )
    return MemberInput(**{**base.__dict__, **changes})


def test_organisation_invoicing_fields_saved(db, operator):
    member_id = members.save_member(
        db,
        operator,
        organisation(
            monthly_invoicing=True, service_code="  SERVICE  FINANCES ", vat_number="fr16214601023"
        ),
    )
    data = members.get_member(db, member_id).data
    assert data.monthly_invoicing is True
    assert data.service_code == "SERVICE FINANCES"
    assert data.vat_number == "FR16214601023"


def test_foreign_eu_vat_number_accepted_wrong_one_refused(db, operator):
    member_id = members.save_member(
        db,
        operator,
        organisation(organisation_type=OrganisationType.COMPANY, vat_number="DE 136 695 976"),
    )
    assert members.get_member(db, member_id).data.vat_number == "DE136695976"
    with pytest.raises(ValidationError) as err:
        members.save_member(db, operator, organisation(vat_number="FR40303265046"))
    assert err.value.fields == {"vat_number": "vat_number_invalid"}


def test_service_code_only_for_public_buyers_and_persons_have_no_invoicing_fields(db, operator):
    # Chorus Pro (issue 15): schools are public buyers too, they keep their service code
    # and commitment number; a company has neither.
    school = members.save_member(
        db,
        operator,
        organisation(
            last_name="Collège Champollion",
            organisation_type=OrganisationType.SCHOOL,
            service_code="SECRETARIAT",
            commitment_number="EJ-2026-7",
            monthly_invoicing=True,
        ),
    )
    data = members.get_member(db, school).data
    assert data.service_code == "SECRETARIAT" and data.commitment_number == "EJ-2026-7"
    assert data.monthly_invoicing is True
    company = members.save_member(
        db,
        operator,
        organisation(
            last_name="Menuiserie",
            organisation_type=OrganisationType.COMPANY,
            service_code="SECRETARIAT",
            commitment_number="EJ-2026-7",
        ),
    )
    data = members.get_member(db, company).data
    assert data.service_code == "" and data.commitment_number == ""
    person = members.save_member(
        db,
        operator,
        MemberInput(
            first_name="Ana",
            last_name="Lopez",
            monthly_invoicing=True,
            vat_number="FR40303265045",
            service_code="X",
        ),
    )
    data = members.get_member(db, person).data
    assert (data.monthly_invoicing, data.vat_number, data.service_code) == (False, "", "")


def test_service_code_too_long(db, operator):
    with pytest.raises(ValidationError) as err:
        members.save_member(db, operator, organisation(service_code="S" * 101))
    assert err.value.fields == {"service_code": "too_long"}
