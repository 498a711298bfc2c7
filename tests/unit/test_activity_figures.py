"""Figures of the workshops, trainings and cyber-base over a period: participants and
participant-hours by kind, public, age band and commune; the drop-in log; the XLSX
export and its command line."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from tierslieu_desktop.cli import main
from tierslieu_desktop.db.models import Audience
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.activity import dropins, registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.dropins import DropInInput
from tierslieu_desktop.services.activity.figures import (
    DropInGroup,
    PresentRow,
    figures,
    figures_xlsx,
    fold_drop_ins,
    fold_present,
)
from tierslieu_desktop.services.activity.registrations import RegistrationInput
from tierslieu_desktop.services.activity.sessions import ActivityInput, SessionInput
from tierslieu_desktop.services.people.members import MemberInput, save_member

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

YEAR = 2025
FIRST, LAST = date(YEAR, 1, 1), date(YEAR, 12, 31)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_dt(day, hh * 60 + mm)


def session(db, operator, activity_id, day, start_h, end_h, start_m=0, end_m=0):
    return activities.create_session(
        db,
        operator,
        SessionInput(
            activity_id=activity_id,
            start_at=at(day, start_h, start_m),
            end_at=at(day, end_h, end_m),
            capacity=40,
        ),
    )


def reg(db, operator, session_id, **kw) -> int:
    return registrations.register(
        db, operator, RegistrationInput(session_id=session_id, **kw)
    ).registration_id


def tick(db, operator, registration_id, attendance, present_count=None):
    registrations.set_attendance(
        db, operator, registration_id, attendance, present_count=present_count
    )


@pytest.fixture
def year(db, operator):
    """A year of workshops: a members' workshop (one present, one absent, one excused),
    a school visit (22 of 25 pupils came) with a leisure centre group, a repair café on
    the day the clocks go back, a session at half past midnight on New Year's Day (in)
    and one a year later (out), a cancelled session; three drop-ins and one next year."""
    with db.write() as s:
        pub = Audience(name="Grand public")
        sco = Audience(name="Scolaires")
        s.add_all([pub, sco])
        s.flush()
        ids = {"pub": pub.id, "sco": sco.id}
    ids["ana"] = save_member(
        db,
        operator,
        MemberInput(
            first_name="Ana",
            last_name="Bru",
            city="Gramat",
            age_band="26_39",
            audience_id=ids["pub"],
        ),
    )
    ids["ben"] = save_member(
        db,
        operator,
        MemberInput(
            first_name="Ben", last_name="Cayrou", city="GRAMAT", age_band="60_plus",
            audience_id=ids["pub"],
        ),
    )  # fmt: skip
    ids["cleo"] = save_member(db, operator, MemberInput(first_name="Cléo", last_name="Delmas"))
    ids["school"] = save_member(
        db,
        operator,
        MemberInput(
            kind="organisation", last_name="École de Biars", city="Biars", audience_id=ids["sco"]
        ),
    )
    workshop = activities.save_activity(
        db, operator, ActivityInput(name="Créer son adresse mail", kind="digital_workshop")
    )
    visit = activities.save_activity(
        db, operator, ActivityInput(name="Découverte du fablab", kind="school_visit")
    )
    repair = activities.save_activity(
        db, operator, ActivityInput(name="Repair café", kind="repair_cafe")
    )
    a = session(db, operator, workshop, date(YEAR, 3, 12), 14, 17)  # 180 min
    tick(db, operator, reg(db, operator, a, member_id=ids["ana"]), "present")
    tick(db, operator, reg(db, operator, a, member_id=ids["ben"]), "absent")
    tick(db, operator, reg(db, operator, a, member_id=ids["cleo"]), "excused")
    b = session(db, operator, visit, date(YEAR, 6, 5), 9, 11)  # 120 min
    school = reg(
        db, operator, b, organisation_id=ids["school"], group_name="CM2", headcount=25,
        age_band="under_12",
    )  # fmt: skip
    tick(db, operator, school, "present", present_count=22)
    centre = reg(db, operator, b, group_name="Centre de loisirs", headcount=10)
    tick(db, operator, centre, "present")  # the whole head-count
    c = session(db, operator, repair, date(YEAR, 10, 26), 14, 16)  # DST ends that night
    tick(db, operator, reg(db, operator, c, member_id=ids["ben"]), "present")
    f = session(db, operator, workshop, date(YEAR, 1, 1), 0, 1, 30, 30)  # 60 min, 23:30 UTC
    tick(db, operator, reg(db, operator, f, member_id=ids["cleo"]), "present")
    e = session(db, operator, workshop, date(YEAR + 1, 1, 1), 0, 1, 30, 30)  # next year
    tick(db, operator, reg(db, operator, e, member_id=ids["ana"]), "present")
    d = session(db, operator, workshop, date(YEAR, 4, 1), 14, 17)
    reg(db, operator, d, member_id=ids["ana"])
    activities.cancel_session(db, operator, d)

    def drop(day, **kw):
        return dropins.log_drop_in(db, operator, DropInInput(at=at(day, 10), **kw))

    drop(
        date(YEAR, 2, 3), purpose="admin", duration_minutes=30, audience_id=ids["pub"],
        age_band="40_59", commune="Gramat", vouchers=2,
    )  # fmt: skip
    drop(
        date(YEAR, 2, 4), kind="help", purpose="employment", duration_minutes=45,
        helper="Léa", member_id=ids["ana"],
    )  # fmt: skip
    drop(date(YEAR, 2, 5), purpose="print_scan", duration_minutes=10)
    dropins.log_drop_in(
        db,
        operator,
        DropInInput(at=at(date(YEAR + 1, 1, 1), 0, 10), purpose="admin", duration_minutes=20),
    )
    return ids


def lines(breakdown):
    return {ln.key: (ln.participants, ln.minutes) for ln in breakdown}


def test_the_year_counts_people_present_and_their_hours(db, year):
    fig = figures(db, FIRST, LAST)
    # the cancelled session and next year's one are left out
    assert fig.sessions == 4
    assert fig.registered == 3 + 35 + 1 + 1
    # Ana; 22 pupils and the whole leisure centre; Ben at the repair café; Cléo at midnight
    assert fig.participants == 1 + 32 + 1 + 1
    assert fig.participant_minutes == 180 + 32 * 120 + 120 + 60
    # 35 present out of 40 people ticked (the school counts its 25 in the basis)
    assert (fig.ticked_people, fig.attendance_bp) == (40, 8750)

    assert lines(fig.by_kind) == {
        "digital_workshop": (2, 240),
        "school_visit": (32, 3840),
        "repair_cafe": (1, 120),
    }
    assert {ln.key: ln.sessions for ln in fig.by_kind} == {
        "digital_workshop": 2,
        "school_visit": 1,
        "repair_cafe": 1,
    }
    assert lines(fig.by_audience) == {
        year["pub"]: (2, 300),
        year["sco"]: (22, 2640),
        None: (11, 1260),  # the leisure centre and Cléo have no public
    }
    assert {ln.key: ln.name for ln in fig.by_audience}[year["sco"]] == "Scolaires"
    assert lines(fig.by_age_band) == {
        "under_12": (22, 2640),
        "26_39": (1, 180),
        "60_plus": (1, 120),
        None: (11, 1260),
    }
    # "GRAMAT" and "Gramat" are one commune; a group is counted at its school's commune
    assert lines(fig.by_commune) == {"Gramat": (2, 300), "Biars": (22, 2640), None: (11, 1260)}
    assert [ln.key for ln in fig.by_commune] == ["Biars", "Gramat", None]  # most first
    assert [ln.key for ln in fig.by_age_band][-1] is None  # "not set" comes last


def test_drop_ins_by_purpose_public_age_and_commune(db, year):
    fig = figures(db, FIRST, LAST)
    assert (fig.visits, fig.helps, fig.drop_in_minutes, fig.vouchers) == (2, 1, 85, 2)
    by_purpose = {
        ln.key: (ln.visits, ln.helps, ln.minutes, ln.vouchers) for ln in fig.drop_ins_by_purpose
    }
    assert by_purpose == {
        "admin": (1, 0, 30, 2),
        "employment": (0, 1, 45, 0),
        "print_scan": (1, 0, 10, 0),
    }  # fmt: skip
    # the help session was linked to Ana: her public, age band and commune filled the blanks
    assert {ln.key: ln.total for ln in fig.drop_ins_by_audience} == {year["pub"]: 2, None: 1}
    assert {ln.key: ln.total for ln in fig.drop_ins_by_age_band} == {
        "26_39": 1,
        "40_59": 1,
        None: 1,
    }
    assert {ln.key: ln.total for ln in fig.drop_ins_by_commune} == {"Gramat": 2, None: 1}


def test_drop_ins_on_the_national_model_count_once_per_theme(db, operator, year):
    # a visit with two themes (one with a "_" a LIKE would take for any letter), a tablet
    # and a phone, a woman of 70+ retired, at home
    dropins.log_drop_in(
        db,
        operator,
        DropInInput(
            at=at(date(YEAR, 2, 6), 10), purpose="other", duration_minutes=20,
            themes=("email", "sante"), equipment=("tablette", "telephone"),
            gender="feminin", age_range="soixante_dix_plus", situation="retraite",
            place_type="domicile", autonomy="autonome", commune="gramat",
        ),
    )  # fmt: skip
    fig = figures(db, FIRST, LAST)
    by = {dim: {ln.key: ln.total for ln in lines} for dim, lines in fig.drop_ins_by.items()}
    # the purposes' themes for the three drop-ins logged without themes; the new one
    # counts in both of its themes: 5 theme lines for 4 drop-ins, the total kept apart
    assert by["theme"] == {
        "email": 1,
        "sante": 1,
        "insertion_professionnelle": 1,
        "aide_aux_demarches_administratives": 1,
        "prendre_en_main_du_materiel": 1,
    }
    assert fig.drop_ins == 4
    assert [ln.key for ln in fig.drop_ins_by["theme"]][:2] == [
        "prendre_en_main_du_materiel",
        "email",
    ]
    assert by["equipment"] == {"telephone": 1, "tablette": 1, None: 3}
    assert by["age_range"] == {
        "vingt_cinq_trente_neuf": 1,
        "quarante_cinquante_neuf": 1,
        "soixante_dix_plus": 1,
        None: 1,
    }
    assert by["gender"] == {"feminin": 1, None: 3}
    assert by["situation"] == {"retraite": 1, None: 3}
    assert by["place_type"] == {"lieu_activite": 3, "domicile": 1}
    assert by["autonomy"] == {"autonome": 1, None: 3}
    assert by["commune"] == {"Gramat": 3, None: 1}
    assert by["audience"] == {year["pub"]: 2, None: 2}
    help_line = next(ln for ln in fig.drop_ins_by["theme"] if ln.key == "insertion_professionnelle")
    assert (help_line.visits, help_line.helps, help_line.minutes) == (0, 1, 45)
    for dim, breakdown in fig.drop_ins_by.items():
        if dim not in ("theme", "equipment"):
            assert sum(ln.total for ln in breakdown) == fig.drop_ins, dim
            assert sum(ln.minutes for ln in breakdown) == fig.drop_in_minutes, dim


def test_a_period_is_made_of_local_days(db, year):
    # New Year's Day of the next year alone: the half-past-midnight session and drop-in
    fig = figures(db, date(YEAR + 1, 1, 1), date(YEAR + 1, 1, 1))
    assert (fig.sessions, fig.participants, fig.visits) == (1, 1, 1)
    # the repair café on the day the clocks go back
    fig = figures(db, date(YEAR, 10, 26), date(YEAR, 10, 26))
    assert (fig.sessions, fig.participant_minutes) == (1, 120)
    empty = figures(db, date(YEAR, 8, 1), date(YEAR, 8, 31))
    assert (empty.sessions, empty.participants, empty.attendance_bp, empty.drop_ins) == (
        0,
        0,
        None,
        0,
    )
    assert empty.by_kind == () and empty.drop_ins_by_purpose == ()


def test_every_breakdown_adds_up_to_its_total(db, year):
    fig = figures(db, FIRST, LAST)
    for breakdown in (fig.by_kind, fig.by_audience, fig.by_age_band, fig.by_commune):
        assert sum(ln.participants for ln in breakdown) == fig.participants
        assert sum(ln.minutes for ln in breakdown) == fig.participant_minutes
    for breakdown in (
        fig.drop_ins_by_purpose,
        fig.drop_ins_by_audience,
        fig.drop_ins_by_age_band,
        fig.drop_ins_by_commune,
    ):
        assert sum(ln.visits for ln in breakdown) == fig.visits
        assert sum(ln.helps for ln in breakdown) == fig.helps
        assert sum(ln.minutes for ln in breakdown) == fig.drop_in_minutes
        assert sum(ln.vouchers for ln in breakdown) == fig.vouchers


_KINDS = st.sampled_from(["digital_workshop", "school_visit", "event"])
_BANDS = st.sampled_from([None, "under_12", "18_25", "60_plus"])
_COMMUNES = st.sampled_from([None, "", " ", "Gramat", "GRAMAT", "gramat ", "Figeac"])
_AUDIENCES = st.sampled_from([None, 1, 2, 99])  # 99: an audience that no longer exists


@given(
    st.lists(
        st.builds(
            PresentRow,
            session_id=st.integers(1, 5),
            kind=_KINDS,
            minutes=st.integers(0, 600),
            audience_id=_AUDIENCES,
            age_band=_BANDS,
            commune=_COMMUNES,
            people=st.integers(0, 40),
        ),
        max_size=30,
    )
)
def test_present_breakdowns_add_up_whatever_the_rows(rows):
    breakdowns = fold_present(rows, {}, {1: "Grand public", 2: "Scolaires"})
    people = sum(r.people for r in rows)
    minutes = sum(r.people * r.minutes for r in rows)
    for breakdown in breakdowns:
        assert sum(ln.participants for ln in breakdown) == people
        assert sum(ln.minutes for ln in breakdown) == minutes
        assert len({ln.key for ln in breakdown}) == len(breakdown)  # one line per key
    communes = [ln.key for ln in breakdowns[3] if ln.key is not None]
    # spellings merged, blanks are "not set"
    assert len({c.casefold() for c in communes}) == len(communes)
    assert all(c == c.strip() and c for c in communes)


@given(
    st.lists(
        st.builds(
            DropInGroup,
            kind=st.sampled_from(["visit", "help"]),
            purpose=st.sampled_from(["admin", "office", "other"]),
            audience_id=_AUDIENCES,
            age_band=_BANDS,
            commune=_COMMUNES,
            count=st.integers(1, 20),
            minutes=st.integers(0, 900),
            vouchers=st.integers(0, 10),
        ),
        max_size=30,
    )
)
def test_drop_in_breakdowns_add_up_whatever_the_rows(groups):
    for breakdown in fold_drop_ins(groups, {1: "Grand public", 2: "Scolaires"}):
        assert sum(ln.total for ln in breakdown) == sum(g.count for g in groups)
        assert sum(ln.minutes for ln in breakdown) == sum(g.minutes for g in groups)
        assert sum(ln.vouchers for ln in breakdown) == sum(g.vouchers for g in groups)


def sheet_rows(data: bytes, title: str) -> list[tuple]:
    wb = load_workbook(io.BytesIO(data))
    return [tuple(r) for r in wb[title].iter_rows(values_only=True)]


def test_xlsx_has_one_sheet_per_table_in_french(db, year):
    data = figures_xlsx(figures(db, FIRST, LAST))
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [
        "Chiffres clés",
        "Par type d'activité",
        "Par public",
        "Par tranche d'âge",
        "Par commune",
        "Cyber-base par thématique",
        "Cyber-base par public",
        "Cyber-base par tranche d'âge",
        "Cyber-base par genre",
        "Cyber-base par statut",
        "Cyber-base par commune",
        "Cyber-base par lieu",
        "Cyber-base par autonomie",
        "Cyber-base par matériel",
    ]
    kinds = sheet_rows(data, "Par type d'activité")
    assert kinds[0] == ("Type d'activité", "Séances", "Participants", "Heures-participants")
    assert ("Visite scolaire", 1, 32, 64) in kinds
    assert kinds[-1] == ("Total", 4, 35, 70)
    assert ("Non renseigné", 11, 21) in sheet_rows(data, "Par public")
    assert ("Moins de 12 ans", 22, 44) in sheet_rows(data, "Par tranche d'âge")
    themes = sheet_rows(data, "Cyber-base par thématique")
    assert themes[0] == (
        "Thématique (un passage compte dans chacune des siennes)", "Visites",
        "Accompagnements", "Total", "Durée (h)", "Pass numérique",
    )  # fmt: skip
    assert ("Aide aux démarches administratives", 1, 0, 1, 0.5, 2) in themes
    assert themes[-1] == ("Total", 2, 1, 3, pytest.approx(85 / 60, abs=0.01), 2)
    assert ("25 - 39 ans", 0, 1, 1, 0.75, 0) in sheet_rows(data, "Cyber-base par tranche d'âge")
    key = dict(r for r in sheet_rows(data, "Chiffres clés")[1:])
    assert key["Taux de présence (%)"] == 87.5
    assert key["Du"] == datetime(YEAR, 1, 1)


def test_xlsx_labels_can_be_given(db, year):
    fig = figures(db, FIRST, LAST)
    data = figures_xlsx(fig, {"kind": {"school_visit": "School visit"}})
    assert ("School visit", 1, 32, 64) in sheet_rows(data, "Par type d'activité")
    themes = {r[0]: r for r in sheet_rows(data, "Cyber-base par thématique")}
    assert Decimal("0.5") == Decimal(str(themes["Aide aux démarches administratives"][4]))


def test_command_line_writes_the_year(db, year, tmp_path, capsys):
    out = tmp_path / "activite.xlsx"
    target = db.target
    assert main(["export", "activity", "--year", str(YEAR), "-o", str(out), "--db", target]) == 0
    assert "4 séances" in capsys.readouterr().out
    assert sheet_rows(out.read_bytes(), "Par type d'activité")[-1] == ("Total", 4, 35, 70)
    # issue 16: the funders' indicators of the same period after the activity's sheets
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    assert {"Usagers par genre", "Usagers par situation", "Communes des usagers",
            "Ouverture et équipe"} <= set(wb.sheetnames)  # fmt: skip
    genders = sheet_rows(out.read_bytes(), "Usagers par genre")
    assert genders[0] == ("Genre", "Usagers", "dont nouveaux") and genders[-1][0] == "Total"
    # a period with --from/--to: the repair café alone
    assert (
        main(["export", "activity", "--from", f"{YEAR}-10-01", "--to", f"{YEAR}-10-31",
              "-o", str(out), "--db", target])
        == 0
    )  # fmt: skip
    assert sheet_rows(out.read_bytes(), "Par type d'activité")[-1] == ("Total", 1, 1, 2)
    assert (
        main(["export", "activity", "--from", f"{YEAR}-10-31", "--to", f"{YEAR}-10-01",
              "-o", str(out), "--db", target])
        == 1
    )  # fmt: skip
    assert "précède" in capsys.readouterr().err


def test_the_annual_report_has_a_workshops_and_cyber_base_section(db, year):
    from pypdf import PdfReader

    from tierslieu_desktop.services.reporting import annual_figures, annual_report

    assert annual_figures(db, YEAR).activity.participants == 35
    reader = PdfReader(io.BytesIO(annual_report(db, YEAR)))
    text = "\n".join(p.extract_text() for p in reader.pages).replace("\u202f", " ")
    text = text.replace("\u00a0", " ")
    section = text[text.index("Ateliers, formations et cyber-base") :]
    for expected in (
        "participants",
        "87,5 %",
        "Participants par type d'activité",
        "Visite scolaire",
        "Cyber-base : passages par motif",
        "Démarches administratives",
    ):
        assert expected in section, expected
    # a year without workshops nor drop-ins has no such section
    reader = PdfReader(io.BytesIO(annual_report(db, YEAR - 3)))
    assert "Ateliers, formations" not in "".join(p.extract_text() for p in reader.pages)
