"""The indicators funders ask for (issue 16, point 4): users and new users of a period by
public, age band, gender and situation; communes inside / outside the communauté de
communes with QPV / ZRR; opening hours; staff and volunteers; the commune matcher."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    DropIn,
    Member,
    OpeningRange,
    Registration,
    Space,
    Structure,
    Usage,
)
from tierslieu_desktop.domain.communes import Commune, CommuneIndex, normalise
from tierslieu_desktop.domain.enums import StaffKind
from tierslieu_desktop.services.people import staff
from tierslieu_desktop.services.people.communes import commune_index, structure_commune
from tierslieu_desktop.services.people.staff import StaffInput
from tierslieu_desktop.services.reporting import indicators
from tierslieu_desktop.services.reporting.indicators import audience_indicators

FIGEAC = "46102"
SAINT_CERE = "46251"


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


# --- the commune matcher -----------------------------------------------------------------


def test_normalise_reads_accents_saint_hyphens_and_postcodes_alike():
    assert normalise("St-Céré") == "saint cere"
    assert normalise("SAINT CERE 46400") == "saint cere"
    assert normalise("Ste  Foy-la-Grande") == normalise("Sainte-Foy-la-Grande")
    assert normalise("L'Hospitalet") == "l hospitalet"
    assert normalise("Cœur") == "coeur"


def test_a_name_of_several_communes_is_decided_by_the_postcode_or_left_unidentified():
    a = Commune("01001", "Beaulieu", ("07460",), "07", "1", "CC A")
    b = Commune("01002", "Beaulieu", ("15270",), "15", "2", "CC B")
    c = Commune("46251", "Saint-Céré", ("46400",), "46", "3", "CC C")
    idx = CommuneIndex([a, b, c])
    assert idx.match("beaulieu", "15270") == b
    assert idx.match("Beaulieu", "07999") == a  # département of the postcode
    assert idx.match("Beaulieu", "") is None  # never guessed
    assert idx.match("St Céré", "") == c
    assert idx.match("Saint-Céré", "15000") is None  # a unique name, another département
    assert idx.match("Atlantis", "46400") is None


def test_the_shipped_list_knows_the_lot_and_its_communautes_de_communes():
    idx = commune_index()
    assert len(idx) > 34_000
    saint_cere = idx.match("Saint Céré", "46400")
    assert saint_cere is not None and saint_cere.insee == SAINT_CERE
    assert saint_cere.epci_name == "CC Causses et Vallée de la Dordogne"
    figeac = idx.match("FIGEAC", "46100")
    assert figeac is not None and figeac.epci_siren != saint_cere.epci_siren


# --- the service on a hand-made lab --------------------------------------------------------

YEAR_START, YEAR_END = date(2025, 1, 1), date(2025, 12, 31)


@pytest.fixture
def lab(db, monkeypatch):
    """Saint-Céré's lab: A came in 2024 and 2025 (returning), B first in 2025 (new), C
    only at a workshop, D only at the cyber-base, E only in 2026, a school group."""
    monkeypatch.setattr(indicators, "qpv_communes", lambda: frozenset({FIGEAC}))
    monkeypatch.setattr(indicators, "zrr_communes", lambda: frozenset({SAINT_CERE, FIGEAC}))
    with db.write() as s:
        s.add(Structure(id=1, name="Fablab", city="Saint-Céré", postcode="46400"))
        pub = Audience(name="Grand public")
        s.add(pub)
        space = Space(name="Fablab", kind="fablab")
        s.add(space)
        s.flush()

        def member(number, city, postcode="", **kw):
            m = Member(number=number, last_name=number, city=city, postcode=postcode, **kw)
            s.add(m)
            s.flush()
            return m.id

        a = member(
            "A",
            "Saint-Céré",
            "46400",
            gender="female",
            situation="employed",
            birth_year=1990,
            audience_id=pub.id,
        )
        b = member(
            "B",
            "St Laurent les Tours",
            "46400",
            gender="male",
            situation="pupil",
            birth_year=2010,
            audience_id=pub.id,
        )
        c = member("C", "Figeac", "46100", age_band="60_plus")
        d = member("D", "Atlantis")
        e = member("E", "Saint-Céré", "46400")
        school = member("S", "Bretenoux", "46130", kind="organisation")
        for who, day, org, heads in (
            (a, date(2024, 3, 1), None, 1),
            (a, date(2025, 3, 1), None, 1),
            (b, date(2025, 6, 1), None, 1),
            (e, date(2026, 2, 1), None, 1),
            (None, date(2025, 5, 5), school, 24),
        ):
            s.add(
                Usage(
                    member_id=who,
                    organisation_id=org,
                    headcount=heads,
                    space_id=space.id,
                    start_at=at(day),
                    end_at=at(day, 12),
                    minutes=120,
                )
            )
        act = Activity(name="Initiation", kind="workshop")
        s.add(act)
        s.flush()
        sess = ActivitySession(
            activity_id=act.id,
            start_at=at(date(2025, 9, 1)),
            end_at=at(date(2025, 9, 1), 12),
            capacity=10,
        )
        s.add(sess)
        s.flush()
        s.add(
            Registration(
                session_id=sess.id,
                member_id=c,
                status="registered",
                attendance="present",
                queued_at=at(date(2025, 8, 1)),
            )
        )
        s.add(
            DropIn(
                at=at(date(2025, 10, 1)),
                kind="visit",
                purpose="other",
                duration_minutes=30,
                member_id=d,
            )
        )
        # Mondays 9–12 and 14–18 in the fablab
        s.add_all(
            [
                OpeningRange(space_id=space.id, weekday=0, start_minute=540, end_minute=720),
                OpeningRange(space_id=space.id, weekday=0, start_minute=840, end_minute=1080),
            ]
        )
    staff.save_staff(db, None, StaffInput("Julie", StaffKind.EMPLOYEE, 151, date(2020, 1, 1)))
    staff.save_staff(
        db, None, StaffInput("Paul", StaffKind.VOLUNTEER, 10, date(2025, 1, 1), date(2025, 6, 30))
    )
    staff.save_staff(
        db, None, StaffInput("Old", StaffKind.VOLUNTEER, 10, date(2020, 1, 1), date(2024, 12, 31))
    )
    return db


def by_key(lines):
    return {b.key: (b.users, b.new) for b in lines}


def test_users_and_new_users_of_the_year(lab):
    ind = audience_indicators(lab, YEAR_START, YEAR_END)
    # A (returning), B, C (workshop), D (cyber-base), the school: E came in 2026 only
    assert (ind.users, ind.new_users) == (5, 4)
    assert by_key(ind.by_public) == {"Grand public": (2, 1), None: (3, 3)}
    assert by_key(ind.by_age_band) == {
        "26_39": (1, 0),  # born 1990: 35 at the end of 2025
        "12_17": (1, 1),
        "60_plus": (1, 1),  # the age band typed at the desk
        "organisation": (1, 1),
        None: (1, 1),
    }
    assert by_key(ind.by_gender) == {
        "female": (1, 0),
        "male": (1, 1),
        "organisation": (1, 1),
        None: (2, 2),
    }
    assert by_key(ind.by_situation)["pupil"] == (1, 1)
    for lines in (ind.by_public, ind.by_age_band, ind.by_gender, ind.by_situation):
        assert sum(b.users for b in lines) == ind.users


def test_communes_inside_outside_the_cc_unidentified_and_qpv_zrr(lab):
    ind = audience_indicators(lab, YEAR_START, YEAR_END)
    assert ind.epci_name == "CC Causses et Vallée de la Dordogne"
    # Saint-Céré, Saint-Laurent-les-Tours and Bretenoux are in Cauvaldor; Figeac is not
    assert (ind.inside.users, ind.inside.new) == (3, 2)
    assert (ind.outside.users, ind.outside.new) == (1, 1)
    assert ind.unidentified.users == 1
    assert (ind.qpv.users, ind.zrr.users) == (1, 2)
    names = {c.name: c for c in ind.communes}
    assert names["Saint-Laurent-les-Tours"].inside is True
    assert names["Atlantis"].insee is None and names["Atlantis"].inside is None
    assert names["Figeac"].qpv and names["Figeac"].zrr


def test_a_returning_user_is_new_the_year_of_their_first_visit(lab):
    ind = audience_indicators(lab, date(2024, 1, 1), date(2024, 12, 31))
    assert (ind.users, ind.new_users) == (1, 1)
    later = audience_indicators(lab, date(2026, 1, 1), date(2026, 12, 31))
    assert (later.users, later.new_users) == (1, 1)  # E


def test_opening_hours_and_staff_of_the_period(lab):
    ind = audience_indicators(lab, date(2025, 6, 2), date(2025, 6, 8))  # one Monday
    assert (ind.opening_days, ind.opening_minutes) == (1, 7 * 60)
    year = audience_indicators(lab, YEAR_START, YEAR_END)
    lines = {s.kind: (s.headcount, s.hours) for s in year.staff}
    assert lines["employee"] == (1, 1812)  # 151 h × 12
    assert lines["volunteer"][0] == 1  # Paul; the one who left in 2024 is not counted
    assert 59 <= lines["volunteer"][1] <= 60  # six months of 10 h
    assert lines["civic_service"] == (0, 0)


def test_the_structure_commune_is_read_from_the_settings(lab):
    home = structure_commune(lab)
    assert home is not None and home.insee == SAINT_CERE


def test_the_members_export_has_gender_and_situation_in_french(db):
    from tierslieu_desktop.domain.enums import Gender, Situation
    from tierslieu_desktop.services.finance import exports
    from tierslieu_desktop.services.people.members import MemberInput, save_member

    save_member(db, None, MemberInput(first_name="Lou", last_name="Bach", gender=Gender.FEMALE,
                                      situation=Situation.JOB_SEEKER))  # fmt: skip
    save_member(db, None, MemberInput(first_name="Max", last_name="Aze"))
    with db.read() as s:
        headers, rows = exports._members(s, None)
    g, sit = headers.index("Genre"), headers.index("Situation")
    assert {(r[2], r[g], r[sit]) for r in rows} == {
        ("Bach", "Femme", "Demandeur d'emploi"),
        ("Aze", "", ""),
    }


def test_the_lab_s_own_lists_count_its_users_and_add_to_the_shipped_ones(lab, monkeypatch):
    """Issue 16, point 4: without shipped lists, the communes typed in Paramètres ›
    Structure are the ZRR / FRR and QPV communes; the report says where to type them."""
    from sqlalchemy import update

    from tierslieu_desktop.reports.indicators import audience_tables

    monkeypatch.setattr(indicators, "qpv_communes", lambda: frozenset())
    monkeypatch.setattr(indicators, "zrr_communes", lambda: frozenset())
    before = audience_indicators(lab, YEAR_START, YEAR_END)
    assert (before.zrr_list_size, before.qpv_list_size) == (0, 0)
    with lab.write() as s:  # Saint-Céré (A, returning) and Saint-Laurent-les-Tours (B, new)
        s.execute(update(Structure).values(zrr_communes=f"{SAINT_CERE} 46273"))
    ind = audience_indicators(lab, YEAR_START, YEAR_END)
    assert (ind.zrr.users, ind.zrr.new, ind.zrr_list_size) == (2, 1, 2)
    assert (ind.qpv.users, ind.qpv_list_size) == (0, 0)
    assert {c.name for c in ind.communes if c.zrr} == {"Saint-Céré", "Saint-Laurent-les-Tours"}
    zone = next(rows for title, _, rows in audience_tables(ind) if title == "Communes des usagers")
    assert ["dont commune classée ZRR / FRR", "", "", "", "", 2, 1] in zone
    assert [
        "dont commune comprenant un QPV (liste non fournie, à saisir dans Paramètres › Structure)",
        "",
        "",
        "",
        "",
        "—",
        "—",
    ] in zone
    # the shipped list (if any) and the lab's are added: Figeac (C) joins
    monkeypatch.setattr(indicators, "zrr_communes", lambda: frozenset({FIGEAC}))
    both = audience_indicators(lab, YEAR_START, YEAR_END)
    assert (both.zrr.users, both.zrr_list_size) == (3, 3)
