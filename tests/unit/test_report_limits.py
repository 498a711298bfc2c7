"""The other PDFs render every text at the longest its field accepts (issue 13, point 6):
the attendance sheet, the funder report and the annual report, with names, purposes
and notes typed up to their limit (``domain.validation.TEXT_LIMITS``), as one long word
or as many short lines."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from tierslieu_desktop.db.models import Usage
from tierslieu_desktop.domain.activity import AttendanceLine, AttendanceSheet
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.enums import MemberKind
from tierslieu_desktop.domain.validation import text_limit
from tierslieu_desktop.reports.attendance_pdf import attendance_sheet_pdf
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.finance import funding as finance
from tierslieu_desktop.services.park import machines
from tierslieu_desktop.services.people import audiences
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.people.structure import StructureData, save_structure
from tierslieu_desktop.services.reporting import annual_report, grant_report, save_report_text

SHAPES = ["word", "lines"]


def text(field: str, shape: str, start: str = "Début") -> str:
    """As long as ``field`` accepts: one word, or (a multi-line field) one character
    per line."""
    limit = text_limit(field)
    if shape == "lines" and field in ("actions", "text", "notes", "description"):
        body = "\n".join("l" * ((limit - len(start)) // 2))
        return (start + body)[:limit]
    return (start + "x" * limit)[:limit]


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("shape", SHAPES)
def test_attendance_sheet_at_the_limits(shape):
    day = date(2026, 11, 25)
    person = AttendanceLine(
        text("first_name", shape, "Prénom") + " " + text("last_name", shape, "Nom"), "", 1, None
    )
    group = AttendanceLine(
        text("group_name", shape, "Groupe"),
        text("responsible_name", shape, "Responsable"),
        30,
        "present",
        is_group=True,
    )
    sheet = AttendanceSheet(
        structure_name=text("name", shape, "Structure"),
        structure_city=text("city", shape, "Ville"),
        activity_name=text("name", shape, "Atelier"),
        kind="digital_workshop",
        start_at=local_dt(day, 14 * 60),
        end_at=local_dt(day, 17 * 60),
        space_name=text("name", shape, "Salle"),
        trainer=text("trainer", shape, "Animateur"),
        capacity=12,
        lines=(person,) * 40 + (group,),
        waiting=(person,) * 5,
    )
    got = pdf_text(attendance_sheet_pdf(sheet))
    for start in ("Atelier", "Prénom", "Groupe"):
        assert start in got


@pytest.mark.parametrize("shape", SHAPES)
def test_funder_and_annual_reports_at_the_limits(db, operator, shape):
    save_structure(
        db,
        operator,
        StructureData(name=text("name", shape, "Structure"), city=text("city", shape, "Ville")),
    )
    audience = audiences.save_audience(db, operator, text("name", shape, "Public"))
    space = machines.save_space(db, operator, machines.SpaceInput(name=text("name", shape, "Lieu")))
    laser = machines.save_machine(
        db,
        operator,
        machines.MachineInput(name=text("name", shape, "Machine"), space_id=space),
        new_category=text("name", shape, "Catégorie"),  # a category is named like a machine
    )
    member = save_member(
        db,
        operator,
        MemberInput(
            kind=MemberKind.PERSON,
            first_name=text("first_name", shape, "Prénom"),
            last_name=text("last_name", shape, "Nom"),
            city=text("city", shape, "Commune"),
            audience_id=audience,
        ),
    )
    start = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    with db.write() as s:
        s.add(
            Usage(
                machine_id=laser,
                member_id=member,
                start_at=start,
                end_at=start + timedelta(hours=2),
                minutes=120,
            )
        )
    funder = finance.save_funder(
        db,
        operator,
        name=text("name", shape, "Financeur"),
        sector="public",
        level="region",
        contact=text("contact", shape),
        notes=text("notes", shape),
    )
    gid = finance.save_grant(
        db,
        operator,
        funder_id=funder,
        purpose=text("purpose", shape, "Objet"),
        nature="operating",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        requested_cents=1_000_000,
        granted_cents=900_000,
        granted_on=date(2025, 2, 1),
        actions=text("actions", shape, "Actions"),
        planned_budget={"60": 400_000, "74": 900_000},
        machine_ids=[laser],
        notes=text("notes", shape),
    )
    finance.add_grant_payment(db, operator, gid, date(2025, 4, 2), 450_000, "avance")
    expenses.save_expense(
        db,
        operator,
        day=date(2025, 6, 1),
        category="consumables",
        activity="fablab",
        amount_cents=32_100,
        label=text("label", shape, "Libellé"),
        supplier=text("supplier", shape, "Fournisseur"),
        grant_id=gid,
        machine_id=laser,
    )
    grant_text = pdf_text(grant_report(db, gid))
    assert "Financeur" in grant_text and "Objet" in grant_text

    for section in ("edito", "faits_marquants", "perspectives"):
        save_report_text(db, 2025, section, text("text", shape, section.capitalize()))
    annual_text = pdf_text(annual_report(db, 2025))
    assert "Edito" in annual_text and "Perspectives" in annual_text
