"""Issue 14: the annual report's cyber-base page counts the year on the national model
by GROUP BY queries (services.activity.mediation._mediation_counts_impl) instead of
building one record per beneficiary — the figures printed must stay those of the
records (domain.mediation.counts_of), on the demo and on the odd cases."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from shared_demo import small_demo_copy

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Audience
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.mediation import counts_of, figures_of
from tierslieu_desktop.services.activity import dropins, registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.dropins import DropInInput
from tierslieu_desktop.services.activity.mediation import (
    _mediation_counts_impl,
    _mediation_records_impl,
    month_bounds,
)
from tierslieu_desktop.services.activity.registrations import RegistrationInput
from tierslieu_desktop.services.activity.sessions import ActivityInput, SessionInput
from tierslieu_desktop.services.people.members import MemberInput, save_member

YEAR = 2025
FIRST, LAST = date(YEAR, 1, 1), date(YEAR, 12, 31)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_dt(day, hh * 60 + mm)


def by_records(db, first: date, last: date):
    return counts_of(_mediation_records_impl(db, first, last).records)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("mediation-counts") / "demo.sqlite"
    small_demo_copy(path)
    return path


def test_the_demo_year_and_each_month_count_as_their_records(demo_path):
    from tierslieu_desktop.services.reporting.annual import _annual_figures_impl

    db = open_database(str(demo_path), create=False)
    try:
        year = by_records(db, date(2026, 1, 1), date(2026, 12, 31))
        assert year.records > 100 and year.participants > 0  # drop-ins and workshops
        assert _mediation_counts_impl(db, date(2026, 1, 1), date(2026, 12, 31)) == year
        for month in range(1, 13):
            first, last = month_bounds(2026, month)
            assert _mediation_counts_impl(db, first, last) == by_records(db, first, last)
        # the annual report's page: the same totals and tables as the records give
        annual = _annual_figures_impl(db, 2026)
        assert annual.mediation is not None
        assert figures_of(annual.mediation) == figures_of(year)
    finally:
        db.dispose()


@pytest.fixture
def odd_year(db, operator):
    """A year with every case the counts must get right: a drop-in without themes (its
    purpose's), one whose purpose has none, one with two themes, a « collectif » drop-in,
    first visits, an age band turned into the Coop's range, a digital workshop with a
    member (public, town, gender, situation, age band), a school group where 18 of 20
    came, a group nobody came from (no line, and its workshop none either when alone), a
    member absent, a cancelled session, a session next year."""
    with db.write() as s:
        pub = Audience(name="Grand public")
        sco = Audience(name="Scolaires")
        s.add_all([pub, sco])
        s.flush()
        ids = {"pub": pub.id, "sco": sco.id}
    ana = save_member(
        db,
        operator,
        MemberInput(
            first_name="Ana",
            last_name="Bru",
            city="Gramat",
            age_band="26_39",
            gender="female",
            situation="retired",
            audience_id=ids["pub"],
        ),
    )
    ben = save_member(db, operator, MemberInput(first_name="Ben", last_name="Cayrou"))
    school = save_member(
        db,
        operator,
        MemberInput(kind="organisation", last_name="École", city="Biars", audience_id=ids["sco"]),
    )
    workshop = activities.save_activity(
        db, operator, ActivityInput(name="Créer son adresse mail", kind="digital_workshop")
    )

    def session(day: date, **kw) -> int:
        return activities.create_session(
            db,
            operator,
            SessionInput(
                activity_id=workshop, start_at=at(day, 14), end_at=at(day, 16), capacity=40, **kw
            ),
        )

    def present(session_id: int, attendance: str = "present", count=None, **kw) -> None:
        reg = registrations.register(
            db, operator, RegistrationInput(session_id=session_id, **kw)
        ).registration_id
        registrations.set_attendance(db, operator, reg, attendance, present_count=count)

    a = session(date(YEAR, 3, 12))
    present(a, member_id=ana)
    present(a, member_id=ben, attendance="absent")
    present(
        a, organisation_id=school, group_name="CM2", headcount=20, age_band="under_12", count=18
    )
    empty = session(date(YEAR, 5, 7))
    present(empty, group_name="Centre de loisirs", headcount=8, count=0)
    cancelled = session(date(YEAR, 4, 1))
    registrations.register(db, operator, RegistrationInput(session_id=cancelled, member_id=ana))
    activities.cancel_session(db, operator, cancelled)
    present(session(date(YEAR + 1, 1, 8)), member_id=ana)
    # a workshop with its level and two themes: each participant in each theme, once by level
    themed = session(date(YEAR, 6, 9), workshop_level="debutant", themes=("email", "sante"))
    present(themed, member_id=ben)
    present(themed, group_name="Club", headcount=3, count=2)

    def drop(day: date, **kw) -> None:
        dropins.log_drop_in(db, operator, DropInInput(at=at(day, 10), **kw))

    drop(date(YEAR, 2, 3), purpose="admin", audience_id=ids["pub"], age_band="40_59")
    drop(date(YEAR, 2, 4), purpose="other", commune="Gramat", first_time=True)
    drop(
        date(YEAR, 2, 5),
        kind="help",
        helper="Léa",
        themes=("sante", "email"),
        gender="feminin",
        situation="en_emploi",
        duration_minutes=45,
        member_id=ana,
        first_time=True,
    )
    drop(date(YEAR, 2, 6), activity_type="collectif", purpose="office", duration_minutes=90)
    drop(date(YEAR + 1, 1, 2), purpose="admin")
    return ids


def test_the_odd_cases_count_as_their_records(db, odd_year):
    counts = _mediation_counts_impl(db, FIRST, LAST)
    assert counts == by_records(db, FIRST, LAST)
    # what the page says: 4 drop-ins and 19 workshop lines (Ana, 18 pupils)
    assert (counts.records, counts.individual) == (4 + 19 + 3, 3)
    # the collectif drop-in, the March workshop and the themed June one (Ben and 2 of a club)
    assert (counts.workshops, counts.participants) == (1 + 1 + 1, 1 + 19 + 3)
    assert counts.workshop_levels == {"debutant": 1, "": 2}
    assert counts.first_time == 2 and counts.individual_minutes == 30 + 30 + 45
    assert counts.themes == {
        "aide_aux_demarches_administratives": 1,  # its purpose's
        "sante": 1 + 3,
        "email": 1 + 3,
        "bureautique": 1,
        "": 1 + 19,  # the purpose « other » and every line of the March workshop
    }
    assert counts.audiences == {
        "Grand public": 3,
        "Scolaires": 18,
        "": 2 + 3,
    }  # Ana's drop-in: hers
    assert counts.age_ranges == {
        "quarante_cinquante_neuf": 1,
        "vingt_cinq_trente_neuf": 2,  # Ana, at the workshop and at the desk
        "moins_de_douze": 18,
        "": 2 + 3,  # and the June workshop's (Ben, the club: no age given)
    }
    assert counts.genders == {"feminin": 2, "": 21 + 3}
    assert counts.situations == {"en_emploi": 1, "retraite": 1, "": 21 + 3}
    assert counts.communes == {"Gramat": 3, "Biars": 18, "": 2 + 3}
