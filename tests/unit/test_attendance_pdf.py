"""The printed attendance sheet of a session: read back by its extracted text."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from tierslieu_desktop.db.models import Structure
from tierslieu_desktop.domain.activity import AttendanceLine, AttendanceSheet
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.reports.attendance_pdf import attendance_sheet_pdf
from tierslieu_desktop.services.activity import registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.registrations import RegistrationInput
from tierslieu_desktop.services.activity.sessions import ActivityInput, SessionInput
from tierslieu_desktop.services.people.members import MemberInput, save_member

DAY = date(2026, 11, 25)  # a Wednesday


def pdf_pages(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [
        page.extract_text().replace("\u202f", " ").replace("\u00a0", " ") for page in reader.pages
    ]


def sheet(lines, waiting=()) -> AttendanceSheet:
    return AttendanceSheet(
        structure_name="Fablab du Causse",
        structure_city="Gramat",
        activity_name="Créer son adresse mail",
        kind="digital_workshop",
        start_at=local_dt(DAY, 14 * 60),
        end_at=local_dt(DAY, 17 * 60),
        space_name="Cyber-base",
        trainer="Guillaume",
        capacity=12,
        lines=tuple(lines),
        waiting=tuple(waiting),
    )


def test_the_sheet_names_the_session_and_everyone_registered():
    data = attendance_sheet_pdf(
        sheet(
            [
                AttendanceLine("Ana Bru", "", 1, None),
                AttendanceLine("École de Biars — CM2", "Mme Lacombe", 9, None, is_group=True),
            ],
            waiting=[AttendanceLine("Ben Cayrou", "", 1, None)],
        )
    )
    assert data.startswith(b"%PDF")
    (text,) = pdf_pages(data)
    for expected in (
        "Fablab du Causse",
        "Gramat",
        "Feuille d'émargement",
        "Créer son adresse mail",
        "Atelier de médiation numérique",
        "mercredi 25 novembre 2026",
        "14 h 00 – 17 h 00",
        "Cyber-base",
        "Guillaume",
        "10 personnes pour 12 places",
        "Signature",
        "Ana Bru",
        "École de Biars — CM2",
        "Mme Lacombe\neffectif : 9",
        "Liste d'attente (1)",
        "Ben Cayrou",
        "page 1 / 1",
    ):
        assert expected in text, expected
    # two registered, then empty numbered lines for walk-ins (3 to 6)
    assert "6" in text.split("Signature")[1]
    # the waiting list comes after the table
    assert text.index("Liste d'attente") > text.index("Mme Lacombe")


def test_members_only_have_no_group_column_and_no_waiting_list():
    (text,) = pdf_pages(attendance_sheet_pdf(sheet([AttendanceLine("Ana Bru", "", 1, None)])))
    assert "Groupe" not in text
    assert "Liste d'attente" not in text


def test_a_long_list_runs_over_pages_with_numbers():
    lines = [AttendanceLine(f"Personne {i:02d}", "", 1, None) for i in range(1, 41)]
    pages = pdf_pages(attendance_sheet_pdf(sheet(lines)))
    assert len(pages) >= 2
    assert f"page 2 / {len(pages)}" in pages[1]
    assert "Personne 40" in pages[-1]
    assert "Signature" in pages[1]  # the header row repeats


def test_from_a_session_in_the_database(db, operator):
    with db.write() as s:
        s.add(Structure(id=1, name="Fablab du Causse", city="Gramat"))
    ana = save_member(db, operator, MemberInput(first_name="Ana", last_name="Bru"))
    zoe = save_member(db, operator, MemberInput(first_name="Zoé", last_name="Astruc"))
    activity = activities.save_activity(
        db, operator, ActivityInput(name="Repair café", kind="repair_cafe", capacity=1)
    )
    sid = activities.create_session(
        db,
        operator,
        SessionInput(
            activity_id=activity,
            start_at=local_dt(DAY, 9 * 60 + 30),
            end_at=local_dt(DAY, 12 * 60),
            capacity=1,
            trainer="Léa",
        ),
    )
    registrations.register(db, operator, RegistrationInput(session_id=sid, member_id=ana))
    registrations.register(db, operator, RegistrationInput(session_id=sid, member_id=zoe))
    (text,) = pdf_pages(attendance_sheet_pdf(registrations.attendance_sheet(db, sid)))
    assert "9 h 30 – 12 h 00" in text
    assert "Repair café" in text and "Léa" in text
    seated, waiting = text.split("Liste d'attente (1)")
    assert "BRU Ana" in seated and "ASTRUC Zoé" in waiting
