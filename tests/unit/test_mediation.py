"""Issue 22: the cyber-base on the national model of the "Coop de la médiation numérique"
— the drop-in's optional fields, Pass numérique vouchers by number (one number, one
visit), and the month exported in the Coop's columns."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from shared_demo import small_demo_copy

from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.reports.mediation_xlsx import mediation_xlsx
from tierslieu_desktop.services.activity.dropins import (
    DropInInput,
    delete_drop_in,
    list_drop_ins,
    log_drop_in,
    update_drop_in,
)
from tierslieu_desktop.services.activity.mediation import mediation_month

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

COLUMNS = Path(__file__).parent.parent / "data" / "mediation" / "coop_activities_columns.txt"
DAY = date(2026, 11, 3)


def coop_columns() -> list[str]:
    lines = COLUMNS.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln and not ln.startswith("#")]


def test_a_help_session_keeps_the_national_fields(db):
    data = DropInInput(
        kind="help",
        helper="Inès",
        purpose="admin",
        at=local_dt(DAY, 10 * 60),
        themes=("sante", "email"),
        equipment=("telephone",),
        autonomy="partiellement_autonome",
        referred=True,
        referral_structure="aide_aux_demarches_administratives",
        gender="feminin",
        age_range="soixante_dix_plus",
        situation="retraite",
        commune_insee="46251",
        first_time=True,
    )
    log_drop_in(db, None, data)
    (row,) = list_drop_ins(db, DAY, DAY)
    assert row.themes == ("sante", "email")
    assert (row.autonomy, row.gender, row.age_range, row.situation) == (
        "partiellement_autonome",
        "feminin",
        "soixante_dix_plus",
        "retraite",
    )
    assert row.referral_structure == "aide_aux_demarches_administratives"
    assert row.first_time is True and row.activity_type == "individuel"


def test_a_value_outside_the_coop_lists_is_refused(db):
    with pytest.raises(ValidationError) as err:
        log_drop_in(db, None, DropInInput(themes=("astrologie",), age_range="30_35"))
    assert {"themes", "age_range"} <= set(err.value.fields)


def test_a_voucher_scanned_twice_is_refused_naming_the_first_visit(db):
    first = log_drop_in(
        db, None, DropInInput(at=local_dt(DAY, 9 * 60), voucher_numbers=("460 001 234",))
    )
    with pytest.raises(DomainError) as err:
        log_drop_in(
            db, None, DropInInput(at=local_dt(DAY, 11 * 60), voucher_numbers=("460001234",))
        )
    assert err.value.code == "voucher_seen"
    assert err.value.params["drop_in_id"] == first
    assert err.value.params["number"] == "460001234"
    assert len(list_drop_ins(db, DAY, DAY)) == 1  # nothing of the refused visit kept
    with pytest.raises(ValidationError) as twice:
        log_drop_in(db, None, DropInInput(voucher_numbers=("A1", "a1")))
    assert twice.value.fields["voucher_numbers"] == "voucher_twice"


def test_voucher_numbers_count_and_follow_their_visit(db):
    visit = log_drop_in(
        db, None, DropInInput(at=local_dt(DAY, 9 * 60), voucher_numbers=("P1", "P2"))
    )
    (row,) = list_drop_ins(db, DAY, DAY)
    assert row.vouchers == 2 and row.voucher_numbers == ("P1", "P2")
    update_drop_in(db, None, visit, DropInInput(voucher_numbers=("P2",)))
    (row,) = list_drop_ins(db, DAY, DAY)
    assert row.voucher_numbers == ("P2",) and row.vouchers == 1
    delete_drop_in(db, None, visit)
    # the numbers left with the visit removed: P1 and P2 can be taken again
    log_drop_in(db, None, DropInInput(at=local_dt(DAY, 9 * 60), voucher_numbers=("P1", "P2")))


def test_the_export_writes_the_coop_columns_and_a_visit_as_the_coop_words_it(db):
    log_drop_in(
        db,
        None,
        DropInInput(
            kind="help",
            helper="Inès",
            purpose="print_scan",
            age_band="40_59",
            commune="Figeac",
            at=local_dt(DAY, 14 * 60),
            autonomy="autonome",
        ),
    )
    month = mediation_month(db, date(2026, 11, 1), date(2026, 11, 30))
    wb = load_workbook(io.BytesIO(mediation_xlsx(month)))
    ws = wb["Activités"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == coop_columns()
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["Type"] == "Accompagnement individuel"
    assert cells["Thématique(s) d’accompagnement"] == "Prendre en main du matériel"
    assert cells["Niveau d’autonomie (ou de l’atelier)"] == "3/3"
    assert cells["Tranche d’âge du bénéficiaire"] == "40 - 59 ans"
    assert cells["Code Insee du bénéficiaire"] == "46102"  # Figeac, from the shipped list
    assert cells["Bénéficiaire"] == "Anonyme"
    assert "Chiffres du mois" in wb.sheetnames


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("mediation") / "demo.sqlite"
    small_demo_copy(path)
    return path


def test_a_demo_month_exported_by_the_cli_matches_the_coop_template(demo_path, tmp_path, capsys):
    out = tmp_path / "novembre.xlsx"
    code = main(
        ["export", "mediation", "--db", str(demo_path), "--month", "2026-11", "-o", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    wb = load_workbook(out)
    rows = list(wb["Activités"].iter_rows(values_only=True))
    assert list(rows[0]) == coop_columns()
    types = {r[3] for r in rows[1:]}
    assert types == {"Accompagnement individuel", "Atelier collectif"}
    assert all(isinstance(r[0], datetime) and r[0].month == 11 for r in rows[1:])
    figures = {r[0]: r[1] for r in wb["Chiffres du mois"].iter_rows(values_only=True) if r[0]}
    assert figures["Accompagnements (individuels et participants aux ateliers)"] == len(rows) - 1
    assert "Médiation numérique de 11/2026" in capsys.readouterr().out


def test_a_month_that_is_not_one_is_refused(demo_path, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["export", "mediation", "--db", str(demo_path), "--month", "2026-13", "-o", "x"])
    assert "2026-13" in capsys.readouterr().err


def test_the_demo_numbers_its_vouchers(demo_path):
    db = open_database(str(demo_path), create=False)
    try:
        rows = list_drop_ins(db, date(2026, 1, 1), date(2026, 12, 31))
    finally:
        db.dispose()
    with_vouchers = [r for r in rows if r.vouchers]
    assert with_vouchers
    assert all(len(r.voucher_numbers) == r.vouchers for r in with_vouchers)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_the_month_as_a_pdf_report_for_the_managers(demo_path, tmp_path, capsys):
    out = tmp_path / "novembre.pdf"
    code = main(
        ["export", "mediation", "--db", str(demo_path), "--month", "2026-11", "-o", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    text = _pdf_text(out.read_bytes())
    assert "Médiation numérique — rapport d'activité du 01/11/2026 au 30/11/2026" in text
    for heading in ("Thématiques", "Publics", "Tranches d’âge", "Statuts", "Genres"):
        assert heading in text
    assert "Aide aux démarches administratives" in text


def test_the_annual_report_has_the_cyber_base_page_on_the_national_model(demo_path):
    from tierslieu_desktop.reports.annual_pdf import render_annual
    from tierslieu_desktop.services.reporting.annual import annual_figures

    db = open_database(str(demo_path), create=False)
    try:
        figures = annual_figures(db, 2026)
    finally:
        db.dispose()
    assert figures.mediation is not None and figures.mediation.records
    text = _pdf_text(render_annual(figures, {}, None))
    assert "Cyber-base : médiation numérique (modèle national)" in text


def test_a_workshop_s_level_and_themes_reach_the_month_s_figures(db):
    from dataclasses import replace

    from tierslieu_desktop.domain.mediation import month_figures
    from tierslieu_desktop.services.activity import registrations
    from tierslieu_desktop.services.activity import sessions as activities
    from tierslieu_desktop.services.activity.registrations import RegistrationInput
    from tierslieu_desktop.services.activity.sessions import ActivityInput, SessionInput

    workshop = activities.save_activity(
        db, None, ActivityInput(name="Sécurité en ligne", kind="digital_workshop")
    )
    sid = activities.create_session(
        db,
        None,
        SessionInput(
            activity_id=workshop, start_at=local_dt(DAY, 14 * 60), end_at=local_dt(DAY, 16 * 60),
            capacity=10, workshop_level="avance", themes=("securite_numerique", "email"),
        ),
    )  # fmt: skip
    group = registrations.register(
        db, None, RegistrationInput(session_id=sid, group_name="Club", headcount=3)
    )
    registrations.set_attendance(db, None, group.registration_id, "present")
    totals, tables = month_figures(mediation_month(db, DAY, DAY))
    by_title = {t.title: dict(t.rows) for t in tables}
    assert by_title["Niveaux des ateliers"] == {"Avancé": 1}  # the workshop, once
    # each of the 3 participants counts in both themes
    assert by_title["Thématiques"] == {"E-mail": 3, "Prévention en sécurité numérique": 3}
    # a level outside the Coop's list is refused
    data = activities.get_session(db, sid).input()
    assert data.workshop_level == "avance"
    with pytest.raises(ValidationError) as refused:
        activities.update_session(db, None, sid, replace(data, workshop_level="expert"))
    assert refused.value.fields == {"workshop_level": "invalid"}
