"""Annual activity report and funder report: the PDFs print the right figures."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from tierslieu_desktop.db.models import (
    Audience,
    Booking,
    Machine,
    MachineCategory,
    Member,
    Membership,
    Space,
    Structure,
    Usage,
    UsageCharge,
)
from tierslieu_desktop.reports.layout import hours, money, number
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.finance import funding as finance
from tierslieu_desktop.services.reporting import (
    annual_figures,
    annual_report,
    grant_report,
    report_texts,
    save_report_text,
)

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

YEAR = 2025


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    # normalise the narrow/no-break spaces of French number formatting
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def norm(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.fixture
def lab(db):
    """A small lab: two publics, members (some renewed), two machines, usages billed
    outside the software (before invoicing_start), bookings with no-shows, a school."""
    with db.write() as s:
        s.add(
            Structure(
                id=1, name="Fablab du Causse", city="Gramat", invoicing_start=date(2026, 1, 1)
            )
        )
        pub = Audience(name="Grand public")
        job = Audience(name="Demandeurs d'emploi")
        school_aud = Audience(name="Scolaires")
        s.add_all([pub, job, school_aud])
        cat = MachineCategory(name="Impression 3D")
        space = Space(name="Fablab", kind="fablab")
        s.add_all([cat, space])
        s.flush()
        laser = Machine(name="Découpeuse laser", category_id=cat.id, space_id=space.id)
        printer = Machine(name="Prusa MK4", category_id=cat.id, space_id=space.id)
        s.add_all([laser, printer])
        members = []
        for i in range(12):
            m = Member(
                number=f"A{i:04d}",
                first_name=f"P{i}",
                last_name="Test",
                city="Gramat" if i % 3 else "Figeac",
                audience_id=(pub if i % 2 else job).id,
            )
            members.append(m)
        school = Member(
            number="S0001",
            kind="organisation",
            organisation_type="school",
            last_name="Collège Jean Lurçat",
            audience_id=school_aud.id,
        )
        s.add_all([*members, school])
        s.flush()
        # 4 members already there in 2024 (renewed in 2025), 8 new in 2025, one only in 2024
        for i, m in enumerate(members):
            if i < 4:
                s.add(
                    Membership(
                        member_id=m.id,
                        audience_id=m.audience_id,
                        start_date=date(2024, 3, 1),
                        end_date=date(2025, 2, 28),
                        fee_cents=1500,
                    )
                )
            s.add(Membership(member_id=m.id, audience_id=m.audience_id,
                             start_date=date(2025, 1 + i % 12, 1), end_date=date(2025, 12, 31),
                             fee_cents=2000 + 100 * i))  # fmt: skip
        # usages: machine time, charged; list prices higher for job-seekers
        t0 = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
        for k in range(30):
            m = members[k % 12]
            start = t0 + timedelta(days=11 * k)
            minutes = 30 + 15 * (k % 5)
            u = Usage(machine_id=(laser if k % 2 else printer).id, member_id=m.id,
                      start_at=start, end_at=start + timedelta(minutes=minutes), minutes=minutes)  # fmt: skip
            s.add(u)
            s.flush()
            list_cents = 10 * minutes
            charged = list_cents if k % 2 else list_cents // 2
            s.add(UsageCharge(usage_id=u.id, kind="machine", label="temps machine",
                              list_cents=list_cents, reduction_cents=list_cents - charged,
                              charged_cents=charged))  # fmt: skip
        # a school group: 2 sessions of 24 pupils
        for k in range(2):
            start = datetime(2025, 5, 12 + k, 8, 0, tzinfo=UTC)
            s.add(Usage(machine_id=laser.id, organisation_id=school.id, headcount=24,
                        start_at=start, end_at=start + timedelta(hours=2), minutes=120))  # fmt: skip
        # a usage of another year: never counted
        old = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
        s.add(Usage(machine_id=laser.id, member_id=members[0].id, start_at=old,
                    end_at=old + timedelta(hours=5), minutes=300))  # fmt: skip
        # bookings: 10 in 2025, 3 no-shows, 1 cancelled
        for k in range(10):
            start = datetime(2025, 2, 3, 9, 0, tzinfo=UTC) + timedelta(days=7 * k)
            status = "no_show" if k < 3 else "cancelled" if k == 3 else "done"
            s.add(Booking(machine_id=laser.id, member_id=members[k].id, start_at=start,
                          end_at=start + timedelta(hours=1), blocked_until=start + timedelta(hours=1),
                          status=status))  # fmt: skip
        s.flush()
        ids = {"laser": laser.id, "printer": printer.id}
    return ids


def expected(db):
    """The year's figures, computed here from the rows, not through the services."""
    from sqlalchemy import func, select

    with db.read() as s:
        lo = datetime(2024, 12, 31, 23, 0, tzinfo=UTC)
        hi = datetime(2025, 12, 31, 23, 0, tzinfo=UTC)
        minutes = s.scalar(
            select(func.sum(Usage.minutes)).where(Usage.start_at >= lo, Usage.start_at < hi)
        )
        charged = s.scalar(
            select(func.sum(UsageCharge.charged_cents))
            .join(Usage, Usage.id == UsageCharge.usage_id)
            .where(Usage.start_at >= lo, Usage.start_at < hi)
        )
        fees = s.scalar(
            select(func.sum(Membership.fee_cents)).where(
                Membership.start_date >= date(2025, 1, 1),
                Membership.start_date <= date(2025, 12, 31),
            )
        )
    return minutes, charged + fees


def test_annual_figures_count_members_hours_and_bookings(db, lab):
    f = annual_figures(db, YEAR)
    assert (f.members_new, f.members_renewed) == (8, 4)
    assert f.members_by_audience["Grand public"] == (4, 2)
    assert sum(n + r for _c, n, r in f.members_by_commune) == 12
    minutes, _own = expected(db)
    assert f.total_machine_minutes == minutes
    assert sum(f.category_minutes["Impression 3D"]) == minutes
    assert f.machine_minutes["Découpeuse laser"][4] >= 240  # the school sessions, in May
    assert (f.bookings, f.no_shows, f.cancelled, f.bookings_honoured) == (10, 3, 1, 6)
    assert f.no_show_bp == 3 * 10000 // 9
    assert (f.school_sessions, f.school_pupils) == (2, 48)
    assert f.publics["Scolaires"] == (1, 48)


def test_annual_pdf_prints_the_years_figures(db, lab):
    save_report_text(db, YEAR, "edito", "Une année de découvertes au fablab.")
    data = annual_report(db, YEAR, texts={"perspectives": "Ouvrir le samedi."})
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    minutes, own = expected(db)
    assert "Rapport d'activité 2025" in text
    assert "Une année de découvertes au fablab." in text  # stored text
    assert "Ouvrir le samedi." in text  # text given for this generation
    assert norm(hours(minutes)) in text
    assert norm(money(own)) in text  # own revenue: usages and fees billed outside
    assert "Découpeuse laser" in text and "Figeac" in text
    assert "page 2 /" in text


def test_annual_report_reports_progress_up_to_100(db, lab):
    seen: list[int] = []
    annual_report(db, YEAR, progress=seen.append)
    assert seen[0] == 0 and seen[-1] == 100
    assert seen == sorted(seen)


def test_report_texts_round_trip_and_reject_unknown_section(db):
    from tierslieu_desktop.domain.errors import ValidationError

    assert report_texts(db, YEAR) == {"edito": "", "faits_marquants": "", "perspectives": ""}
    save_report_text(db, YEAR, "faits_marquants", "  Ouverture du coworking.  ")
    save_report_text(db, YEAR, "faits_marquants", "Ouverture du coworking en mai.")
    assert report_texts(db, YEAR)["faits_marquants"] == "Ouverture du coworking en mai."
    assert report_texts(db, YEAR + 1)["faits_marquants"] == ""
    with pytest.raises(ValidationError):
        save_report_text(db, YEAR, "conclusion", "x")


def _grant(db, operator, lab):
    funder = finance.save_funder(
        db, operator, name="Région Occitanie", sector="public", level="region"
    )
    gid = finance.save_grant(
        db, operator, funder_id=funder, purpose="Équipement du fablab", nature="operating",
        period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), requested_cents=1_500_000,
        granted_cents=1_234_500, granted_on=date(2025, 3, 1),
        planned_budget={"60": 400_000, "64": 900_000, "74": 1_500_000},
        machine_ids=[lab["laser"]],
    )  # fmt: skip
    finance.add_grant_payment(db, operator, gid, date(2025, 4, 2), 617_250, "avance")
    finance.add_grant_payment(db, operator, gid, date(2026, 2, 10), 617_250, "solde")
    expenses.save_expense(db, operator, day=date(2025, 6, 1), category="consumables",
                         activity="fablab", amount_cents=321_000, label="Contreplaqué", grant_id=gid)  # fmt: skip
    return gid


def test_grant_report_prints_amounts_budget_and_indicators(db, operator, lab):
    gid = _grant(db, operator, lab)
    text = pdf_text(grant_report(db, gid))
    assert "Région Occitanie" in text
    for cents in (1_500_000, 1_234_500, 617_250, 400_000, 900_000, 321_000):
        assert norm(money(cents)) in text, money(cents)
    assert "Compte rendu financier" in text and "Signature" in text
    # indicators on the financed laser only: 15 member usages + 2 school sessions
    assert "Découpeuse laser" in text and "Prusa MK4" not in text
    assert number(15 + 2) in text


def test_annual_pdf_lists_grants_received_in_the_year(db, operator, lab):
    _grant(db, operator, lab)
    f = annual_figures(db, YEAR)
    assert f.grants_received_cents == 617_250
    assert norm(money(617_250)) in pdf_text(annual_report(db, YEAR))


def test_cli_writes_both_reports(db, operator, lab, tmp_path, capsys):
    from tierslieu_desktop.cli import main

    gid = _grant(db, operator, lab)
    target = db.target
    out = tmp_path / "rapport.pdf"
    assert main(["report", "annual", "--year", "2025", "-o", str(out), "--db", target]) == 0
    assert "Rapport d'activité 2025" in pdf_text(out.read_bytes())
    out2 = tmp_path / "cr.pdf"
    assert main(["report", "grant", str(gid), "-o", str(out2), "--db", target]) == 0
    assert norm(money(1_234_500)) in pdf_text(out2.read_bytes())
    assert main(["report", "grant", "999", "-o", str(out2), "--db", target]) == 1
    assert "aucune subvention" in capsys.readouterr().err


def test_a_donation_counts_in_75_and_machine_revenue_only_when_financed(db, operator, lab):
    from tierslieu_desktop.services.reporting.grant import grant_figures

    funder = finance.save_funder(
        db, operator, name="Fondation Quercy", sector="private", level="foundation"
    )
    gid = finance.save_grant(
        db, operator, funder_id=funder, purpose="Ateliers", nature="donation",
        period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), requested_cents=500_000,
        granted_cents=300_000, granted_on=date(2025, 5, 1),
        planned_budget={"60_achats": 100_000},
    )  # fmt: skip
    f = grant_figures(db, gid)
    assert f.actual == {"75": 300_000}
    assert f.planned == {"60": 100_000}
    # no financed machine: indicators over every machine of the period
    assert {m[0] for m in f.machines} == {"Découpeuse laser", "Prusa MK4"}
    assert f.usages == 32


def test_annual_pdf_prints_the_funders_indicators_and_budget_vs_actual(db, operator, lab):
    """Issue 16: distinct and new users in the key figures, the users' breakdowns, the
    communes inside / outside the communauté de communes, opening and staff, the budget
    voted against the realised, line by line."""
    from tierslieu_desktop.domain.enums import StaffKind
    from tierslieu_desktop.services.people import staff

    staff.save_staff(
        db, operator, staff.StaffInput("Julie", StaffKind.EMPLOYEE, 151, date(2020, 1, 1))
    )
    expenses.set_budget(db, YEAR, "expense", "consumables", 50_000)
    f = annual_figures(db, YEAR)
    assert f.audience is not None and f.audience.users > 0
    assert f.audience.users == sum(b.users for b in f.audience.by_gender)
    assert f.audience.epci_name == "CC Causses et Vallée de la Dordogne"  # Gramat
    assert f.audience.outside.users > 0  # Figeac
    consumables = next(b for b in f.budget if b.category == "consumables")
    assert consumables.planned == 50_000 and consumables.gap == consumables.actual - 50_000
    text = pdf_text(annual_report(db, YEAR))
    for heading in (
        "usagers distincts",
        "nouveaux usagers",
        "Usagers par tranche d'âge",
        "Usagers par genre",
        "Usagers par situation",
        "Communes des usagers",
        "Hors de la communauté de communes",
        "Salariés, volontaires et bénévoles",
        f"Budget {YEAR} : prévu et réalisé",
    ):
        assert heading in text, heading
    assert norm(money(50_000)) in text
    assert "1 812" in text  # Julie's hours: 151 h × 12
