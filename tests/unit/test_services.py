"""Services without Qt: members, memberships, publics, structure, operators, authorizations."""

from __future__ import annotations

from datetime import date

import pytest

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import AgeBand, MemberKind, OrganisationType, VatRegime
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.people import audiences, members, operators, structure
from tierslieu_desktop.services.people.members import MemberInput, MembershipInput
from tierslieu_desktop.services.people.structure import StructureData


def person(first, last, **kw):
    return MemberInput(first_name=first, last_name=last, **kw)


@pytest.fixture
def lot(db, operator):
    """A few members of the Lot."""
    ids = {}
    for first, last, city, email in [
        ("Émilie", "Delpech", "Saint-Céré", "emilie.delpech@exemple.fr"),
        ("Jean", "Lacoste", "Bretenoux", "jean.lacoste@exemple.fr"),
        ("Éric", "Lacoste", "Gramat", ""),
        ("Zoé", "Andrieu", "Saint-Céré", ""),
    ]:
        ids[(first, last)] = members.save_member(
            db, operator, person(first, last, city=city, email=email, postcode="46400")
        )
    return ids


def names(rows):
    return [r.display_name for r in rows]


def test_search_ignores_accents_and_case_and_needs_every_word(db, lot):
    assert names(members.search_members(db, "EMILIE")) == ["DELPECH Émilie"]
    assert names(members.search_members(db, "lacoste eric")) == ["LACOSTE Éric"]
    assert names(members.search_members(db, "céré")) == ["ANDRIEU Zoé", "DELPECH Émilie"]
    assert names(members.search_members(db, "jean.lacoste@")) == ["LACOSTE Jean"]
    assert names(members.search_members(db, "A00003")) == ["LACOSTE Éric"]
    assert members.count_members(db, "lacoste") == 2
    assert members.search_members(db, "100%") == []  # LIKE wildcards are plain text


def test_sort_and_paging_run_in_sql(db, lot):
    by_city = members.search_members(db, sort="city")
    assert [r.city for r in by_city] == ["Bretenoux", "Gramat", "Saint-Céré", "Saint-Céré"]
    page2 = members.search_members(db, sort="name", offset=2, limit=2)
    assert names(page2) == ["LACOSTE Jean", "LACOSTE Éric"] or names(page2) == [
        "LACOSTE Éric",
        "LACOSTE Jean",
    ]
    assert names(members.search_members(db, sort="number", descending=True, limit=1)) == [
        "ANDRIEU Zoé"
    ]
    with pytest.raises(ValueError):
        members.search_members(db, sort="password")


def test_every_invalid_field_is_named_and_nothing_saved(db, operator):
    bad = person("", "", email="x@", phone="12", postcode="4640", guardian_email="nope")
    with pytest.raises(ValidationError) as err:
        members.save_member(db, operator, bad)
    assert err.value.fields == {
        "last_name": "required",
        "email": "email_invalid",
        "phone": "phone_invalid",
        "postcode": "postcode_invalid",
        "guardian_email": "email_invalid",
    }
    assert members.count_members(db) == 0


def test_minor_needs_guardian_and_age_band_follows_birth_year(db, operator):
    year = lab_today().year - 10
    with pytest.raises(ValidationError) as err:
        members.save_member(db, operator, person("Noé", "Rigal", birth_year=year))
    assert err.value.fields == {"guardian_name": "guardian_required"}
    member_id = members.save_member(
        db, operator, person("Noé", "Rigal", birth_year=year, guardian_name="Sophie Rigal")
    )
    detail = members.get_member(db, member_id)
    assert detail.data.age_band == AgeBand.UNDER_12
    assert detail.is_minor


def test_organisation_siret_checked_and_people_linked(db, operator):
    with pytest.raises(ValidationError) as err:
        members.save_member(
            db,
            operator,
            MemberInput(kind=MemberKind.ORGANISATION, last_name="Scierie", siret="73282932000075"),
        )
    assert err.value.fields == {"siret": "siret_invalid"}
    org = members.save_member(
        db,
        operator,
        MemberInput(
            kind=MemberKind.ORGANISATION,
            last_name="Scierie du Ségala",
            organisation_type=OrganisationType.COMPANY,
            siret="732 829 320 00074",
        ),
    )
    worker = members.save_member(db, operator, person("Paul", "Bos", organisation_id=org))
    detail = members.get_member(db, org)
    assert detail.data.siret == "73282932000074"
    assert [p.id for p in detail.people] == [worker]
    assert members.get_member(db, worker).organisation_name == "Scierie du Ségala"
    # the organisation's name is searchable on its people
    assert names(members.search_members(db, "segala")) == ["BOS Paul", "Scierie du Ségala"]
    with pytest.raises(DomainError) as err2:
        members.save_member(db, operator, person("Ana", "Sol", organisation_id=worker))
    assert err2.value.code == "organisation_invalid"


def test_update_records_operator_and_keeps_number(db, operator, lot):
    camille = operators.create_operator(db, "Camille")
    member_id = lot[("Jean", "Lacoste")]
    before = members.get_member(db, member_id)
    members.save_member(
        db, camille, person("Jean", "Lacoste", phone="0565380000", city="Bretenoux"), member_id
    )
    after = members.get_member(db, member_id)
    assert after.number == before.number == "A00002"
    assert after.data.phone == "05 65 38 00 00"
    assert (after.created_by, after.updated_by) == ("Accueil", "Camille")
    assert after.updated_at >= before.updated_at
    assert after.updated_at.tzinfo is not None


def test_archive_hides_from_search_and_keeps_everything(db, operator, lot):
    member_id = lot[("Zoé", "Andrieu")]
    members.set_archived(db, operator, member_id, True)
    assert names(members.search_members(db, "zoe")) == []
    rows = members.search_members(db, "zoe", include_archived=True)
    assert rows[0].archived and rows[0].id == member_id
    assert members.get_member(db, member_id).archived_at is not None
    members.set_archived(db, operator, member_id, False)
    assert names(members.search_members(db, "zoe")) == ["ANDRIEU Zoé"]


def test_memberships_dates_fee_and_current_filter(db, operator, lot):
    public = audiences.save_audience(db, operator, "Entrepreneurs & créateurs")
    member_id = lot[("Émilie", "Delpech")]
    with pytest.raises(ValidationError) as err:
        members.add_membership(
            db,
            operator,
            MembershipInput(member_id, public, date(2026, 5, 1), date(2026, 4, 1), -5),
        )
    assert err.value.fields == {"end_date": "end_before_start", "fee": "amount_negative"}
    ms = members.add_membership(
        db, operator, MembershipInput(member_id, public, date(2026, 1, 1), date(2026, 12, 31), 2000)
    )
    row = members.search_members(db, "delpech")[0]
    assert row.membership_until == date(2026, 12, 31)
    assert members.get_member(db, member_id).memberships[0].fee_cents == 2000
    members.remove_membership(db, operator, ms, "Erreur de saisie")
    assert members.get_member(db, member_id).memberships == ()


def test_publics_unique_names_and_counts(db, operator, lot):
    a = audiences.save_audience(db, operator, "Grand public & bricoleurs", "tout le monde")
    with pytest.raises(ValidationError) as err:
        audiences.save_audience(db, operator, "GRAND public & bricoleurs")
    assert err.value.fields == {"name": "name_taken"}
    members.save_member(db, operator, person("Luc", "Bru", audience_id=a))
    rows = audiences.list_audiences(db)
    assert [(r.name, r.member_count) for r in rows] == [("Grand public & bricoleurs", 1)]
    audiences.set_audience_archived(db, operator, a, True)
    assert audiences.list_audiences(db) == []
    assert len(audiences.list_audiences(db, include_archived=True)) == 1


def test_structure_validation_and_round_trip(db, operator):
    with pytest.raises(ValidationError) as err:
        structure.save_structure(
            db, operator, StructureData(name="Lab", vat_regime=VatRegime.LIABLE, iban="FR76 1")
        )
    assert err.value.fields == {"iban": "iban_invalid", "vat_number": "vat_number_required"}
    data = StructureData(
        name="Tiers-lieu du Causse",
        siret="73282932000074",
        rna="W462000123",
        iban="FR76 3000 6000 0112 3456 7890 189",
        postcode="46400",
    )
    structure.save_structure(db, operator, data)
    saved = structure.get_structure(db)
    assert saved.name == "Tiers-lieu du Causse"
    assert saved.iban == "FR76 3000 6000 0112 3456 7890 189"  # stored grouped by four
    assert saved.vat_regime == VatRegime.EXEMPT_NON_PROFIT


def test_operators_last_active_one_stays(db, operator):
    with pytest.raises(DomainError) as err:
        operators.set_operator_active(db, operator, False)
    assert err.value.code == "last_operator"
    with pytest.raises(DomainError):
        operators.create_operator(db, "Accueil")
    other = operators.create_operator(db, "Camille")
    operators.set_operator_active(db, operator, False)
    assert operators.ensure_operator(db, operator) == other


def test_member_numbers_keep_growing(db, operator):
    first = members.save_member(db, operator, person("A", "Un"))
    members.set_archived(db, operator, first, True)
    second = members.save_member(db, operator, person("B", "Deux"))
    assert members.get_member(db, second).number == "A00002"
