"""The members import (issue 18): each published format recognised and brought in with
its accents and dates intact, duplicates merged, skipped or created as the user says,
one bad line stopping everything (or left out with skip_bad), a cancel or a dry run
writing nothing, and an imported 15 € membership counted once in the Finances."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.db.models import Audience, Member, Membership, Structure
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n import imports as words
from tierslieu_desktop.services.imports import mappings
from tierslieu_desktop.services.imports.base import Action, LineError
from tierslieu_desktop.services.imports.members import IMPORTER
from tierslieu_desktop.services.imports.sources import detect_source
from tierslieu_desktop.services.imports.tables import read_table
from tierslieu_desktop.services.people.members import MemberInput, get_member, save_member

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
TODAY = date(2026, 12, 6)


@pytest.fixture
def lab(db):
    with db.write() as s:
        s.add_all([
            Audience(name="Tout public", position=0),
            Audience(name="Demandeurs d'emploi", position=1),
        ])  # fmt: skip
    return db


def _plan(db, name, **kwargs):
    table = read_table(DATA / name)
    source = detect_source(table.headers)
    mapping = IMPORTER.suggest_mapping(table.headers, source)
    return IMPORTER.plan(db, table, mapping, source=source, today=TODAY, **kwargs)


def _import(db, name, **kwargs):
    plan = _plan(db, name)
    return plan, IMPORTER.apply(db, plan, **kwargs)


def _member(db, last_name):
    with db.read() as s:
        mid = s.scalar(select(Member.id).where(Member.last_name == last_name))
    assert mid is not None, last_name
    return get_member(db, mid)


def _count(db, model=Member):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(
    ("name", "source", "encoding", "separator", "created", "skipped"),
    [
        ("generic_cp1252_semicolon.csv", "csv", "cp1252", ";", 5, 0),
        ("helloasso_adhesions_utf8bom.csv", "helloasso", "utf-8-sig", ";", 3, 1),
        ("paheko_membres_comma.csv", "paheko", "utf-8", ",", 3, 0),
        ("fabmanager_membres.xlsx", "fabmanager", "", "", 3, 0),
        ("generic_excel_dates.xlsx", "csv", "", "", 2, 0),
        ("members_300.csv", "csv", "utf-8-sig", ";", 300, 0),
    ],
)
def test_each_sample_format_is_recognised_and_imported(
    lab, name, source, encoding, separator, created, skipped
):
    table = read_table(DATA / name)
    assert (table.encoding, table.separator) == (encoding, separator)
    assert detect_source(table.headers) == detect_source(table) == source
    plan, result = _import(lab, name)
    assert plan.source == source
    assert not plan.errors, [words.line_error_text(e) for e in plan.errors]
    assert (result.created, result.merged, result.skipped, result.written) == (
        created,
        0,
        skipped,
        True,
    )
    assert _count(lab) == created


def test_a_cp1252_spreadsheet_lands_with_its_accents_dates_and_memberships(lab):
    _import(lab, "generic_cp1252_semicolon.csv")
    helene = _member(lab, "Castagné")
    assert helene.data.first_name == "Hélène"
    assert helene.data.city == "Figeac" and helene.data.address == "3 rue de l'Église"
    assert helene.data.birth_year == 1984 and helene.data.phone == "06 12 34 56 78"
    assert helene.audience_name == "Tout public"
    (ms,) = helene.memberships
    assert (ms.start_date, ms.end_date, ms.fee_cents) == (date(2025, 9, 1), date(2026, 8, 31), 1500)
    severine = _member(lab, "Delpech")
    assert severine.audience_name == "Demandeurs d'emploi"
    (ms,) = severine.memberships  # no end date: one year
    assert (ms.start_date, ms.end_date, ms.fee_cents) == (date(2025, 9, 15), date(2026, 9, 14), 500)
    assert _member(lab, "Bouyssou").data.city == "Béduer"
    assert _member(lab, "Bouyssou").memberships == ()  # no membership columns filled
    zoe = _member(lab, "Lacombe")
    assert zoe.memberships[0].audience_name == "Tout public"  # no public: the first one
    assert zoe.memberships[0].fee_cents == 1500  # "15 €"


def test_helloasso_orders_become_paid_memberships_with_the_payer_as_guardian(lab):
    _import(lab, "helloasso_adhesions_utf8bom.csv")
    lucie = _member(lab, "Castagné")
    (ms,) = lucie.memberships
    assert (ms.start_date, ms.end_date, ms.fee_cents) == (
        date(2025, 9, 14),
        date(2026, 9, 13),
        1500,
    )
    assert ms.note == "HelloAsso réf. 98765432"
    elodie = _member(lab, "Marty")  # born in 2010, paid for by her father
    assert elodie.data.first_name == "Élodie" and elodie.is_minor
    assert elodie.data.guardian_name == "Jean MARTY"
    assert elodie.data.guardian_email == "jean.marty@wanadoo.fr"
    assert elodie.data.email == "elodie.marty@gmail.com"
    thomas = _member(lab, "Garrigues")  # the form's e-mail left empty: the payer's
    assert thomas.data.email == "thomas.garrigues@proton.me"
    assert thomas.memberships[0].fee_cents == 0  # "Gratuit"
    with lab.read() as s:
        assert s.scalars(select(Membership.paid_outside)).all() == [True, True, True]
        # the refunded order (line 5) is left out
        assert s.scalar(select(Member.id).where(Member.last_name == "Lacoste")) is None


def test_paheko_name_and_first_name_in_one_column_are_split(lab):
    _import(lab, "paheko_membres_comma.csv")
    amelie = _member(lab, "ROUQUETTE")
    assert amelie.data.first_name == "Amélie" and amelie.data.consent_newsletter
    assert amelie.data.birth_year == 1975 and amelie.data.address == "4, chemin des Pradines"
    bach = _member(lab, "Bach")
    assert bach.data.first_name == "Pierre-Henri" and not bach.data.consent_newsletter
    assert _member(lab, "FAURIE").data.first_name == "Anaïs"
    # the newsletter consent the file gives is dated, as a new card's (issue 19)
    from tierslieu_desktop.services.people.consents import consent_history_rows

    with lab.read() as s:
        given = consent_history_rows(s, amelie.id)
        assert [(c.consent, c.given, c.reason) for c in given] == [("newsletter", True, "created")]
        assert consent_history_rows(s, bach.id) == []


def test_fab_manager_xlsx_reads_its_date_cells_age_gender_and_group(lab):
    _import(lab, "fabmanager_membres.xlsx")
    matheo = _member(lab, "Cabrol")
    assert matheo.data.gender == "male" and matheo.data.birth_year == TODAY.year - 34
    assert matheo.data.email == "matheo.cabrol@gmail.com" and matheo.data.consent_newsletter
    assert (matheo.data.address, matheo.data.postcode, matheo.data.city) == (
        "7 rue Gambetta",
        "46100",
        "Figeac",
    )  # one address field: its postcode and town taken apart
    (ms,) = matheo.memberships  # "Date de fin de l'abonnement": a date cell
    assert (ms.start_date, ms.end_date) == (date(2025, 7, 1), date(2026, 6, 30))
    assert _member(lab, "Vidal").memberships == ()  # "Sans Abonnement"
    gaelle = _member(lab, "Soulié")
    assert gaelle.data.gender == "female" and gaelle.audience_name == "Demandeurs d'emploi"


def test_excel_date_cells_and_serial_numbers_are_read_as_days(lab):
    _import(lab, "generic_excel_dates.xlsx")
    aurelien = _member(lab, "Lafon")
    assert aurelien.data.birth_year == 1988
    (ms,) = aurelien.memberships
    assert (ms.start_date, ms.fee_cents) == (date(2025, 9, 15), 1500)  # serial 45915
    lea = _member(lab, "Pélissié")
    assert lea.data.birth_year == 2001
    assert (lea.memberships[0].start_date, lea.memberships[0].fee_cents) == (
        date(2025, 10, 1),
        1050,
    )


def _lucie(db):
    """CASTAGNÉ Lucie, born 1991, of Cajarc, with an e-mail and no phone."""
    data = MemberInput(
        first_name="Lucie",
        last_name="Castagné",
        email="lucie.castagne@orange.fr",
        birth_year=1991,
        city="Cajarc",
    )
    return save_member(db, None, data)


def test_duplicates_in_the_file_are_refused_naming_the_first_line(lab):
    _lucie(lab)
    plan = _plan(lab, "duplicates.csv")
    refused = {e.line: e for e in plan.errors}
    assert refused == {
        3: LineError(3, "email", "duplicate_in_file", "2"),  # the same e-mail, other case
        5: LineError(5, "last_name", "duplicate_in_file", "2"),  # same name and year
    }
    assert words.line_error_text(refused[3]) == (
        "Ligne 3, champ « E-mail » : même personne que la ligne 2"
    )
    actions = {line.line: line.action for line in plan.lines}
    assert actions == {
        2: Action.CREATE,
        3: Action.REFUSED,
        4: Action.CREATE,
        5: Action.REFUSED,
        6: Action.MERGE,  # "castagne lucie", 1991: CASTAGNÉ Lucie of the base
        7: Action.CREATE,  # Rigal Marcelle is not Rigal Marc
    }
    merge = plan.lines[4]
    assert merge.duplicate_reason == "name_birth_year"
    assert merge.duplicate_label.startswith("CASTAGNÉ Lucie, n° A")


def test_a_merge_fills_the_empty_fields_only(lab):
    lucie = _lucie(lab)
    _plan_, result = _import(lab, "duplicates.csv", skip_bad=True)
    assert (result.created, result.merged, result.written) == (3, 1, True)
    assert [e.line for e in result.refused] == [3, 5]
    merged = get_member(lab, lucie)
    assert merged.data.phone == "06 99 88 77 66"  # was empty: filled
    assert merged.data.city == "Cajarc"  # not overwritten by "Figeac"
    assert merged.data.last_name == "Castagné" and merged.data.first_name == "Lucie"
    assert merged.data.email == "lucie.castagne@orange.fr"
    assert _count(lab) == 4


@pytest.mark.parametrize(
    ("decision", "members", "phone"), [(Action.SKIP, 4, ""), (Action.CREATE, 5, "")]
)
def test_the_user_may_skip_a_duplicate_or_create_it_anyway(lab, decision, members, phone):
    lucie = _lucie(lab)
    plan = _plan(lab, "duplicates.csv")
    result = IMPORTER.apply(lab, plan, decisions={6: decision}, skip_bad=True)
    assert result.merged == 0
    assert result.skipped == (1 if decision is Action.SKIP else 0)
    assert _count(lab) == members
    assert get_member(lab, lucie).data.phone == phone  # the base's Lucie untouched


def test_one_bad_line_writes_nothing_and_is_named(lab):
    plan, result = _import(lab, "one_bad_line.csv")
    assert plan.errors == (LineError(4, "email", "email_invalid", "lucie@"),)
    assert words.line_error_text(plan.errors[0]) == (
        "Ligne 4, champ « E-mail » : adresse invalide (« lucie@ »)"
    )
    assert words.line_error_text(plan.errors[0], "en") == (
        'Line 4, field "E-mail": invalid address ("lucie@")'
    )
    assert not result.written and result.created == 0
    assert result.refused == plan.errors
    assert _count(lab) == 0


def test_skip_bad_writes_the_good_lines_and_reports_the_refused_one(lab):
    _plan_, result = _import(lab, "one_bad_line.csv", skip_bad=True)
    assert (result.created, result.written) == (3, True)
    assert [e.line for e in result.refused] == [4]
    assert _count(lab) == 3


def test_the_preview_of_the_first_lines_cannot_be_applied(lab):
    table = read_table(DATA / "members_300.csv", limit=100)
    plan = IMPORTER.plan(lab, table, IMPORTER.suggest_mapping(table.headers, "csv"))
    assert len(plan.lines) == 100 and not plan.complete
    with pytest.raises(DomainError) as err:
        IMPORTER.apply(lab, plan)
    assert err.value.code == "plan_incomplete" and _count(lab) == 0


def test_planning_writes_nothing_and_a_cancel_writes_nothing(lab):
    plan = _plan(lab, "members_300.csv")
    assert plan.count(Action.CREATE) == 300 and _count(lab) == 0  # the dry run
    with pytest.raises(DomainError) as err:
        IMPORTER.apply(lab, plan, cancelled=lambda: True)
    assert err.value.code == "cancelled"
    assert _count(lab) == 0 and _count(lab, Membership) == 0
    with pytest.raises(DomainError):
        _plan(lab, "members_300.csv", cancelled=lambda: True)
    seen = []
    IMPORTER.apply(lab, plan, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (300, 300) and _count(lab) == 300


def test_a_line_without_a_name_or_with_an_unknown_public_is_refused(lab, tmp_path):
    path = tmp_path / "membres.csv"
    path.write_text(
        "Nom;Prénom;Public;Cotisation;Début adhésion\n"
        ";Lucie;;;\n"
        "Marty;Jean;Retraités;;\n"
        "Vidal;Inès;;12,345;01/09/2025\n"
        "Soulié;Gaëlle;;15;31/02/2025\n",
        encoding="utf-8",
    )
    table = read_table(path)
    plan = IMPORTER.plan(lab, table, IMPORTER.suggest_mapping(table.headers, "csv"))
    assert [(e.line, e.field, e.code) for e in plan.errors] == [
        (2, "last_name", "required"),
        (3, "audience", "unknown_audience"),
        (4, "membership_fee", "amount_ambiguous"),
        (5, "membership_start", "invalid_date"),
    ]


def test_the_mapping_is_remembered_per_source(lab):
    headers = ("Nom", "Prénom", "Mél", "Ville")
    suggested = mappings.mapping_for(IMPORTER, headers, "csv")
    assert suggested["last_name"] == "Nom" and suggested["email"] is None
    mappings.save_mapping("members", "csv", {**suggested, "email": "Mél"})
    assert mappings.mapping_for(IMPORTER, headers, "csv")["email"] == "Mél"
    assert mappings.mapping_for(IMPORTER, headers, "paheko")["email"] is None  # per source
    # a file without the remembered column: the suggestion again
    assert mappings.mapping_for(IMPORTER, ("Nom", "Prénom"), "csv")["email"] is None


def _one_membership_file(tmp_path, start="14/09/2025"):
    path = tmp_path / "helloasso.csv"
    header = ";".join(
        ["Référence commande", "Date de la commande", "Statut de la commande", "Nom adhérent",
         "Prénom adhérent", "Email payeur", "Montant tarif"]
    )  # fmt: skip
    line = f"123;{start} 10:00;Validé;Castagné;Lucie;lucie@exemple.fr;15,00"
    path.write_bytes(f"{header}\r\n{line}\r\n".encode("utf-8-sig"))
    return path


@pytest.mark.parametrize(
    "invoicing_start",
    [None, date(2025, 1, 1), date(2026, 1, 1)],
    ids=["never set", "before the membership", "after the membership"],
)
def test_an_imported_15_euro_membership_adds_15_euros_once_to_own_revenue(
    lab, tmp_path, invoicing_start
):
    from tierslieu_desktop.services.billing import baskets
    from tierslieu_desktop.services.finance import balance as finance

    year = (date(2025, 1, 1), date(2025, 12, 31))
    with lab.write() as s:
        s.add(Structure(id=1, name="Fab'Causse", postcode="46160", city="Cajarc"))
    if invoicing_start is not None:
        baskets.set_invoicing_start(lab, None, invoicing_start)
    before = finance.balance(lab, *year)
    table = read_table(_one_membership_file(tmp_path))
    plan = IMPORTER.plan(lab, table, IMPORTER.suggest_mapping(table.headers, "helloasso"))
    assert IMPORTER.apply(lab, plan).created == 1
    after = finance.balance(lab, *year)
    assert after.own_cents - before.own_cents == 1500
    assert after.own_by_category.get("memberships", 0) == 1500
    # before the invoicing start it was billed before the software; from it on, paid
    # outside the software (the Finances page says which): one or the other, never both
    before_start = invoicing_start is not None and invoicing_start > date(2025, 9, 14)
    assert after.pre_software_by_kind.get("membership", 0) == (1500 if before_start else 0)
    assert after.paid_outside_cents == (0 if before_start else 1500)
    assert after.invoiced_cents == before.invoiced_cents  # no invoice is made of it
    rows = [r for r in finance.details(lab, "own", *year) if r.source == "membership"]
    assert [(r.day, r.amount_cents) for r in rows] == [(date(2025, 9, 14), 1500)]
    next_year = finance.balance(lab, date(2026, 1, 1), date(2026, 12, 31))
    assert next_year.own_by_category.get("memberships", 0) == 0  # its start day's year only
    assert baskets.to_collect(lab) == []  # nothing to collect or invoice


def test_organisations_and_a_persons_structure(lab, tmp_path):
    path = tmp_path / "structures.csv"
    path.write_text(
        "Nom;Prénom;Structure;Type;E-mail\n"
        ";;Collège Champollion;;secretariat@college.fr\n"
        "Delpech;Séverine;Mairie de Cajarc;;\n"
        "Fab'Causse;;;association;\n"
        "Rigal;Marc;;robot;\n",
        encoding="utf-8",
    )
    table = read_table(path)
    plan = IMPORTER.plan(lab, table, IMPORTER.suggest_mapping(table.headers, "csv"))
    assert [(e.line, e.field, e.code) for e in plan.errors] == [(5, "kind", "invalid_choice")]
    IMPORTER.apply(lab, plan, skip_bad=True)
    college = _member(lab, "Collège Champollion")
    assert college.data.kind == "organisation" and college.data.email == "secretariat@college.fr"
    assert _member(lab, "Fab'Causse").data.kind == "organisation"
    severine = _member(lab, "Delpech")
    assert severine.data.kind == "person" and severine.data.notes == "Structure : Mairie de Cajarc"


def test_fab_manager_in_english_is_recognised():
    headers = ("ID", "Surname", "First name", "Email", "Newsletter", "Gender", "Age",
               "Subscription end date", "Organization")  # fmt: skip
    assert detect_source(headers) == "fabmanager"
    mapping = IMPORTER.suggest_mapping(headers, "fabmanager")
    assert (
        mapping["last_name"] == "Surname" and mapping["membership_end"] == "Subscription end date"
    )
    assert detect_source(("Nom", "Prénom", "Email")) == "csv"
