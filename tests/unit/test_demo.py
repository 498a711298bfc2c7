"""The demonstration database: realistic, valid, deterministic, never overwriting data."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select, text
from stdnum import iban as std_iban
from stdnum.fr import siret as std_siret

from tierslieu_desktop import cli
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import (
    Authorization,
    Booking,
    BookingEvent,
    Consumable,
    Machine,
    MachineCategory,
    MachineConsumable,
    MaintenanceEntry,
    Member,
    MemberPack,
    Membership,
    Operator,
    PackMovement,
    PriceRule,
    Space,
    Usage,
    UsageCharge,
    UsageConsumable,
    WalletMovement,
)
from tierslieu_desktop.demo import data_park
from tierslieu_desktop.demo.billing import PACK_SALES
from tierslieu_desktop.demo.bookings import school_holiday
from tierslieu_desktop.demo.builder import REFERENCE_DATE, DemoExists, build_demo
from tierslieu_desktop.demo.common import HISTORY_START_SMALL
from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.i18n.findings import words
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people import members
from tierslieu_desktop.services.people.audiences import list_audiences
from tierslieu_desktop.services.people.operators import ensure_operator
from tierslieu_desktop.services.people.structure import get_structure
from tierslieu_desktop.services.pricing import catalogue, conditions, tariffs
from tierslieu_desktop.services.safety.integrity import verify
from tierslieu_desktop.services.scheduling import bookings
from tierslieu_desktop.services.scheduling.bookings import BookingInput, check_booking

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

AUDIENCES = [
    "Entrepreneurs & créateurs",
    "Scolaires & étudiants",
    "Demandeurs d'emploi / insertion",
    "Grand public & bricoleurs",
    "Artistes & culture",
    "Entreprises & associations",
]
CATEGORIES = {
    "Impression 3D FDM",
    "Impression 3D résine",
    "Impression 3D industrielle",
    "Découpe et gravure laser",
    "Fraisage numérique",
    "Thermoformage",
    "Broderie numérique",
    "Couture",
    "Découpe vinyle et traceur",
    "Numérisation 3D",
    "Postes informatiques",
    "Postes de coworking",
}
ANIMATORS = {"Julien Bessières", "Camille Delmas", "Sarah Lacombe"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The small demo, built once for the module: (path, summary, db)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    summary = build_demo(str(path))
    db = open_database(str(path), create=False)
    yield path, summary, db
    db.dispose()


def _member_list(db):
    cols = (Member.number, Member.first_name, Member.last_name, Member.email, Member.created_at)
    with db.read() as session:
        return [tuple(r) for r in session.execute(select(*cols).order_by(Member.number))]


def _scalars(db, stmt):
    with db.read() as session:
        return session.scalars(stmt).all()


def test_small_demo_has_about_300_members_and_says_so(demo):
    _path, summary, db = demo
    total = members.count_members(db, include_archived=True)
    assert 280 <= total <= 340
    assert summary.startswith(f"{total} adhérents, ")
    with db.read() as session:
        n_bookings = session.scalar(select(func.count()).select_from(Booking))
    shown = f"{n_bookings:,}".replace(",", "\u202f")
    assert summary.endswith(f" machines, 5 espaces, {shown} réservations")
    assert verify(db) == []


def test_six_audiences_in_order_with_descriptions(demo):
    rows = list_audiences(demo[2])
    assert [a.name for a in rows] == AUDIENCES
    assert all(a.description for a in rows)
    assert all(a.member_count > 0 for a in rows)


def test_structure_identity_is_valid(demo):
    s = get_structure(demo[2])
    assert s.name == "Tiers-lieu numérique du Pays de Saint-Céré"
    assert std_siret.is_valid(s.siret)
    assert std_iban.is_valid(s.iban) and s.iban.startswith("FR76")
    assert (s.postcode, s.city, s.vat_regime.value) == ("46400", "Saint-Céré", "exempt_non_profit")
    assert s.rna.startswith("W46") and len(s.rna) == 10
    assert s.logo is not None and s.logo.startswith(b"\x89PNG")  # the shipped demo logo


def test_demo_zrr_and_qpv_communes_count_its_users(demo):
    """Issue 16, point 4 (demo values): the members' communes but Cahors classified ZRR /
    FRR, Figeac with a QPV; the year's indicators count users in both."""
    from datetime import date

    from tierslieu_desktop.services.reporting.indicators import audience_indicators

    s = get_structure(demo[2])
    zrr = s.zrr_communes.split()
    assert {"46251", "46102", "46128"} <= set(zrr) and "46042" not in zrr  # not Cahors
    assert len(zrr) == 29 and s.qpv_communes == "46102"
    ind = audience_indicators(demo[2], date(2025, 1, 1), date(2025, 12, 31))
    assert 0 < ind.qpv.users < ind.zrr.users < ind.users


def test_spaces_machines_and_categories_of_the_fablab(demo):
    db = demo[2]
    assert set(_scalars(db, select(MachineCategory.name))) == CATEGORIES
    kinds = set(_scalars(db, select(Space.kind)))
    assert {"fablab", "cyberbase", "coworking", "meeting_room"} <= kinds
    with db.read() as session:
        machines = {m.name: m for m in session.scalars(select(Machine))}
        _check_machines(machines)


def _check_machines(machines):
    must_train = {n for n, m in machines.items() if m.authorization_required}
    assert {
        "Découpeuse laser",
        "Fraiseuse CNC d'établi",
        "Imprimante 3D industrielle",
        "Brodeuse professionnelle",
    } <= must_train
    assert sum(n.startswith("Prusa MK4") for n in machines) == 3
    assert sum(n.startswith("Poste cyber-base") for n in machines) == 6
    assert sum(n.startswith("Poste coworking") for n in machines) == 8
    in_maintenance = [m for m in machines.values() if m.status == "maintenance"]
    assert len(in_maintenance) == 1 and in_maintenance[0].status_note
    fablab = [m for m in machines.values() if not m.name.startswith("Poste")]
    assert all(m.make and m.model and m.purchase_value_cents > 0 for m in fablab)
    assert all(m.purchase_date <= REFERENCE_DATE and m.funded_by for m in fablab)


def test_every_minor_has_a_guardian(demo):
    db = demo[2]
    adult_from = REFERENCE_DATE.year - 18
    with db.read() as session:
        minors = session.execute(
            select(Member.guardian_name, Member.guardian_phone).where(
                Member.kind == "person", Member.birth_year > adult_from
            )
        ).all()
        persons = session.scalar(select(func.count()).where(Member.kind == "person"))
    assert 0.05 * persons <= len(minors) <= 0.12 * persons
    assert all(name and phone for name, phone in minors)


def test_organisations_have_a_valid_siret_and_people(demo):
    db = demo[2]
    with db.read() as session:
        orgs = session.execute(
            select(Member.siret, Member.organisation_type).where(Member.kind == "organisation")
        ).all()
        linked = session.scalar(
            select(func.count()).where(Member.organisation_id.is_not(None), Member.kind == "person")
        )
    assert 15 <= len(orgs) <= 25
    assert all(std_siret.is_valid(siret) for siret, _type in orgs)
    assert {t for _siret, t in orgs} == {"company", "association", "school", "public_body"}
    assert linked >= 10


def test_generated_members_pass_every_member_validator(demo):
    """What the demo wrote is what the member form would have saved."""
    db = demo[2]
    with db.read() as session:
        ids = session.scalars(select(Member.id).order_by(Member.id)).all()
        stored = {m.id: (m.sort_name, m.search_text) for m in session.scalars(select(Member))}
    for member_id in ids[::4]:
        detail = members.get_member(db, member_id)
        members.validate_member(detail.data)  # as the form does today: no ValidationError
        assert members.validate_member(detail.data, today=REFERENCE_DATE) == detail.data
        d = detail.data
        assert stored[member_id] == (
            fold(f"{d.last_name} {d.first_name}".strip()),
            members.search_text(d, detail.number, detail.organisation_name),
        )


def test_member_numbers_follow_creation_order(demo):
    rows = _member_list(demo[2])
    assert rows[0][0] == "A00001" and rows[-1][0] == f"A{len(rows):05d}"
    created = [r[4] for r in rows]
    assert created == sorted(created)
    assert all(c.tzinfo is not None and c.date() <= REFERENCE_DATE for c in created)


def test_memberships_and_authorizations_are_plausible(demo):
    db = demo[2]
    with db.read() as session:
        persons = session.scalar(select(func.count()).where(Member.kind == "person"))
        total = session.scalar(select(func.count()).select_from(Member))
        per_member = session.execute(
            select(Membership.member_id, func.count()).group_by(Membership.member_id)
        ).all()
        starts = session.scalars(select(Membership.start_date)).all()
        ends = session.scalars(select(Membership.end_date)).all()
        auths = session.execute(
            select(
                Authorization.member_id,
                Authorization.machine_id,
                Authorization.category_id,
                Authorization.granted_on,
                Authorization.trainer,
            )
        ).all()
    assert len(per_member) >= 0.85 * total
    assert all(1 <= n <= 4 for _id, n in per_member)
    assert max(starts) <= REFERENCE_DATE
    assert any(e < REFERENCE_DATE for e in ends) and any(e >= REFERENCE_DATE for e in ends)
    holders = {a.member_id for a in auths}
    assert 0.18 * persons <= len(holders) <= 0.32 * persons
    assert all(a.granted_on <= REFERENCE_DATE and a.trainer in ANIMATORS for a in auths)
    assert len({(a.member_id, a.machine_id, a.category_id) for a in auths}) == len(auths)


def test_search_saint_cere_is_accent_insensitive(demo):
    db = demo[2]
    with db.read() as session:
        in_saint_cere = set(
            session.scalars(
                select(Member.id).where(Member.city == "Saint-Céré", Member.archived.is_(False))
            ).all()
        )
    assert len(in_saint_cere) > 30
    found = members.search_members(db, "saint", limit=1000)
    assert in_saint_cere <= {r.id for r in found}
    assert members.count_members(db, "saint") == len(found)
    both = {r.id for r in members.search_members(db, "SAINT cere", limit=1000)}
    assert in_saint_cere <= both
    assert {r.city for r in members.search_members(db, "BIARS", limit=1000)} >= {"Biars-sur-Cère"}


def test_same_seed_gives_the_same_data_and_another_seed_does_not(demo, tmp_path):
    same = tmp_path / "same.sqlite"
    other = tmp_path / "other.sqlite"
    build_demo(str(same))
    build_demo(str(other), seed=7)
    reference = _member_list(demo[2]), _booking_list(demo[2])
    for path, expect_equal in ((same, True), (other, False)):
        db = open_database(str(path), create=False)
        try:
            assert (_member_list(db) == reference[0]) is expect_equal
            assert (_booking_list(db) == reference[1]) is expect_equal
            assert _tariff_list(db) == _tariff_list(demo[2])  # tariffs do not depend on chance
            assert (_pack_list(db) == _pack_list(demo[2])) is expect_equal
        finally:
            db.dispose()


def _booking_list(db):
    with db.read() as session:
        bookings = [
            tuple(r)
            for r in session.execute(
                select(
                    Booking.id,
                    Booking.machine_id,
                    Booking.space_id,
                    Booking.member_id,
                    Booking.start_at,
                    Booking.end_at,
                    Booking.status,
                    Booking.created_at,
                ).order_by(Booking.id)
            )
        ]
        usages = [
            tuple(r)
            for r in session.execute(
                select(Usage.booking_id, Usage.start_at, Usage.end_at).order_by(Usage.id)
            )
        ]
        used = [
            tuple(r)
            for r in session.execute(
                select(UsageConsumable.consumable_id, UsageConsumable.quantity_milli).order_by(
                    UsageConsumable.id
                )
            )
        ]
    return bookings, usages, used


def test_a_second_build_refuses_to_touch_the_data(demo):
    path, _summary, db = demo
    before = _member_list(db)
    with pytest.raises(DemoExists):
        build_demo(str(path))
    assert _member_list(db) == before


def test_a_file_only_opened_once_in_the_window_accepts_the_demo(tmp_path):
    path = tmp_path / "opened.sqlite"
    db = open_database(str(path))
    accueil = ensure_operator(db)  # what the window leaves behind in an empty file
    db.dispose()
    build_demo(str(path))
    db = open_database(str(path), create=False)
    try:
        names = set(_scalars(db, select(Operator.name)))
        # the demo's accounts: the window's « Accueil » became the accueil one
        assert names == {"Accueil", *ANIMATORS, "admin", "mediation", "tresorerie"}
        assert _scalars(db, select(Operator.id).where(Operator.name == "Accueil")) == [accueil]
        assert members.count_members(db) > 250
    finally:
        db.dispose()


def test_demo_command_prints_a_french_summary_and_refuses_twice(tmp_path, capsys):
    path = tmp_path / "cli.sqlite"
    assert cli.main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Base de démonstration créée" in out and "adhérents" in out and "machines" in out
    assert cli.main(["verify", "--db", str(path)]) == 0
    assert "Base intègre." in capsys.readouterr().out
    assert cli.main(["demo", "--db", str(path)]) == 1
    assert "contient déjà une base de démonstration" in capsys.readouterr().err


def test_unknown_size_is_refused_before_creating_a_file(tmp_path):
    with pytest.raises(ValueError):
        build_demo(str(tmp_path / "x.sqlite"), size="huge")
    assert not (tmp_path / "x.sqlite").exists()


# --- a year of bookings and usages ---------------------------------------------------------

HOLDING = ("booked", "in_progress", "done")


def _bookings(db):
    """Every booking with what the checks below need, as plain tuples."""
    with db.read() as session:
        return session.execute(
            select(
                Booking.id,
                Booking.machine_id,
                Booking.space_id,
                Booking.member_id,
                Booking.organisation_id,
                Booking.start_at,
                Booking.end_at,
                Booking.blocked_until,
                Booking.status,
                Booking.walk_in,
                Booking.created_at,
                Booking.override_reason,
                Booking.headcount,
                Booking.responsible_name,
            )
            # Members' and groups' bookings; the sessions' are checked by test_demo_activity.
            .where(Booking.activity_session_id.is_(None))
            .order_by(Booking.id)
        ).all()


@pytest.fixture(scope="module")
def year(demo):
    return _bookings(demo[2])


def test_a_year_of_bookings_then_three_weeks_already_booked(year):
    # the small demo's history starts with its first funding year (three seasons)
    first_day = HISTORY_START_SMALL
    days = [to_local(b.start_at).date() for b in year]
    assert 5_000 <= len(year) <= 10_000
    assert first_day <= min(days) <= first_day + timedelta(days=7)
    assert REFERENCE_DATE + timedelta(days=14) <= max(days) <= REFERENCE_DATE + timedelta(days=21)
    past = [b for b, d in zip(year, days, strict=True) if d < REFERENCE_DATE]
    future = [b for b, d in zip(year, days, strict=True) if d > REFERENCE_DATE]
    statuses = Counter(b.status for b in past)
    assert set(statuses) == {"done", "cancelled", "no_show"}  # nobody is in right now
    booked_past = [b for b in past if not b.walk_in]
    for status in ("cancelled", "no_show"):
        share = sum(b.status == status for b in booked_past) / len(booked_past)
        assert 0.03 <= share <= 0.08, status
    assert {b.status for b in future} == {"booked", "cancelled"}
    assert len(future) > 60
    assert all(b.status == "done" for b in year if b.walk_in)
    assert all(b.created_at <= local_dt(REFERENCE_DATE, 0) for b in year)
    assert all(b.created_at <= b.start_at for b in year)


def test_accepted_bookings_never_overlap_on_a_resource_buffers_included(demo):
    with demo[2].read() as session:
        clashes = session.execute(
            text(
                """
                SELECT COUNT(*) FROM booking a JOIN booking b
                  ON a.id < b.id
                 AND (a.machine_id = b.machine_id OR a.space_id = b.space_id)
                 AND a.start_at < b.blocked_until AND b.start_at < a.blocked_until
                WHERE a.status IN ('booked', 'in_progress', 'done')
                  AND b.status IN ('booked', 'in_progress', 'done')
                """
            )
        ).scalar_one()
    assert clashes == 0


def test_every_booking_follows_the_rules_it_was_saved_under(demo, year):
    """Replayed through the booking service's own checks at the time it was made: opening
    hours, closures, holidays, slot step, durations, how far ahead, authorization, free
    slot with buffers."""
    db = demo[2]
    with db.read() as session:
        available = set(
            session.scalars(select(Machine.id).where(Machine.status == "available")).all()
        )
        archived = set(session.scalars(select(Member.id).where(Member.archived)).all())
        checked = 0
        for b in year[::5]:
            if b.machine_id is not None and b.machine_id not in available:
                continue
            if b.member_id in archived:
                continue
            data = BookingInput(
                start_at=b.start_at,
                end_at=b.end_at,
                machine_id=b.machine_id,
                space_id=b.space_id,
                member_id=b.member_id,
                organisation_id=b.organisation_id,
                responsible_name=b.responsible_name,
                headcount=b.headcount,
                override_reason=b.override_reason,
            )
            blocked = check_booking(
                session, data, now=b.created_at, exclude_id=b.id, walk_in=b.walk_in
            )
            assert blocked == b.blocked_until
            checked += 1
    assert checked > 1000


def test_only_trained_members_book_machines_that_require_it_or_an_override_says_why(demo, year):
    db = demo[2]
    with db.read() as session:
        required = {
            m.id: m.category_id
            for m in session.scalars(select(Machine).where(Machine.authorization_required))
        }
        grants = session.execute(
            select(Authorization.member_id, Authorization.machine_id, Authorization.category_id)
        ).all()
    trained = {(g.member_id, g.machine_id) for g in grants} | {
        (g.member_id, ("category", g.category_id)) for g in grants
    }
    by_members = [b for b in year if b.machine_id in required and b.member_id is not None]
    overrides = 0
    for b in by_members:
        ok = (b.member_id, b.machine_id) in trained or (
            b.member_id,
            ("category", required[b.machine_id]),
        ) in trained
        if not ok:
            assert b.override_reason, b
            overrides += 1
    assert 1 <= overrides <= 0.06 * len(by_members)  # a few, at a rural lab's demand


def test_school_mornings_evening_open_lab_busy_laser_idle_thermoformer(demo, year):
    db = demo[2]
    with db.read() as session:
        names = dict(session.execute(select(Machine.id, Machine.name)).all())
        schools = dict(
            session.execute(
                select(Member.id, Member.last_name).where(Member.organisation_type == "school")
            ).all()
        )
        fablab = session.scalar(select(Space.id).where(Space.name == "Fablab"))
        in_fablab = set(session.scalars(select(Machine.id).where(Machine.space_id == fablab)))
    classes = [
        b
        for b in year
        if b.organisation_id in schools and b.member_id is None and b.machine_id is not None
    ]
    assert len(classes) >= 40
    for b in classes:
        local = to_local(b.start_at)
        assert local.weekday() in (1, 3) and local.hour < 12, b
        assert not school_holiday(local.date()), b
        assert 12 <= b.headcount <= 28
        assert b.responsible_name.startswith(("Mme ", "M. "))
    mornings = {(b.organisation_id, to_local(b.start_at).date()) for b in classes}
    assert len(mornings) >= 20
    evenings = Counter(
        to_local(b.start_at).weekday()
        for b in year
        if b.machine_id in in_fablab and to_local(b.start_at).time() >= time(18, 30)
    )
    assert evenings[2] > 50  # the Wednesday open lab (a rural lab's demand)
    assert evenings[2] > 2 * evenings[3] and set(evenings) <= {2, 3}  # late Thursday too
    per_machine = Counter(names[b.machine_id] for b in year if b.machine_id in in_fablab)
    assert per_machine.most_common(1)[0][0] == "Découpeuse laser"
    assert per_machine["Découpeuse laser"] > 200
    assert 1 <= per_machine["Thermoformeuse"] <= 30
    long_jobs = [
        b
        for b in year
        if names.get(b.machine_id, "").startswith("Prusa")
        and b.end_at - b.start_at >= timedelta(hours=4)
    ]
    assert len(long_jobs) > 50  # long prints over three years of a rural lab
    with db.read() as session:
        room = session.scalar(select(Space.id).where(Space.name == "Salle de réunion"))
    meetings = [b for b in year if b.space_id == room]
    assert len(meetings) > 100
    assert sum(b.member_id is None and b.organisation_id is not None for b in meetings) > 50
    drop_ins = [b for b in year if b.walk_in]
    assert all(names[b.machine_id].startswith("Poste cyber-base") for b in drop_ins)
    assert len(drop_ins) > 1500


def test_spaces_have_opening_hours_and_rules(demo):
    db = demo[2]
    with db.read() as session:
        spaces = {s.name: s.id for s in session.scalars(select(Space))}
        laser = session.scalar(select(Machine).where(Machine.name == "Découpeuse laser"))
        printer = session.scalar(select(Machine).where(Machine.name == "Prusa MK4 n° 1"))
        embroidery = session.scalar(
            select(Machine).where(Machine.name == "Brodeuse professionnelle")
        )
        laser_rules = (laser.slot_step_minutes, laser.buffer_minutes, laser.max_duration_minutes)
        printer_max = printer.max_duration_minutes
        embroidery_step = embroidery.slot_step_minutes
    assert laser_rules == (15, 15, 180)
    assert printer_max == 480 and embroidery_step == 30
    fablab = opening_hours.get_schedule(db, spaces["Fablab"])
    assert sorted(fablab) == [1, 2, 3, 4, 5]  # Tuesday to Saturday
    assert fablab[1] == [(570, 750), (840, 1110)]  # 9:30-12:30, 14:00-18:30
    assert fablab[2][-1] == (840, 1290)  # open lab until 21:30 on Wednesday
    coworking = opening_hours.get_schedule(db, spaces["Espace coworking"])
    assert coworking == {d: [(510, 1140)] for d in range(5)}
    for name, space_id in spaces.items():
        assert opening_hours.get_schedule(db, space_id), name
    christmas = opening_hours.openings(db, spaces["Fablab"], date(2025, 12, 23), 3)
    assert [bool(d.ranges) for d in christmas] == [True, False, False]


def test_usages_record_what_happened_on_the_booked_day(demo, year):
    db = demo[2]
    with db.read() as session:
        usages = {
            u.booking_id: u
            for u in session.execute(
                select(
                    Usage.booking_id,
                    Usage.machine_id,
                    Usage.space_id,
                    Usage.start_at,
                    Usage.end_at,
                    Usage.minutes,
                    Usage.member_id,
                    Usage.organisation_id,
                )
            )
        }
    done = {b.id: b for b in year if b.status == "done"}
    assert set(usages) == set(done)
    per_resource = {}
    for booking_id, u in usages.items():
        b = done[booking_id]
        assert (u.machine_id, u.space_id, u.member_id, u.organisation_id) == (
            b.machine_id,
            b.space_id,
            b.member_id,
            b.organisation_id,
        )
        assert to_local(u.start_at).date() == to_local(b.start_at).date()
        assert to_local(u.end_at).date() == to_local(b.start_at).date()
        assert u.start_at < u.end_at <= b.blocked_until
        assert abs(u.start_at - b.start_at) <= timedelta(minutes=10)
        assert u.minutes == (u.end_at - u.start_at) // timedelta(minutes=1)
        per_resource.setdefault((u.machine_id, u.space_id), []).append((u.start_at, u.end_at))
    for spans in per_resource.values():  # one person at a time on a machine
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_consumables_are_the_machine_s_own_with_plausible_quantities(demo):
    db = demo[2]
    with db.read() as session:
        catalogue = dict(session.execute(select(Consumable.name, Consumable.unit)).all())
        wrong = session.execute(
            text(
                """
                SELECT COUNT(*) FROM usage_consumable uc JOIN usage u ON u.id = uc.usage_id
                LEFT JOIN machine_consumable mc
                  ON mc.machine_id = u.machine_id AND mc.consumable_id = uc.consumable_id
                WHERE mc.machine_id IS NULL
                """
            )
        ).scalar_one()
        used = session.execute(
            select(Consumable.name, func.count(), func.min(UsageConsumable.quantity_milli))
            .join(UsageConsumable, UsageConsumable.consumable_id == Consumable.id)
            .group_by(Consumable.name)
        ).all()
        laser_offers = session.scalars(
            select(Consumable.name)
            .join(MachineConsumable, MachineConsumable.consumable_id == Consumable.id)
            .join(Machine, Machine.id == MachineConsumable.machine_id)
            .where(Machine.name == "Découpeuse laser")
        ).all()
        grams = session.execute(
            select(func.avg(UsageConsumable.quantity_milli / 1000.0 / Usage.minutes * 60))
            .select_from(UsageConsumable)
            .join(Usage, Usage.id == UsageConsumable.usage_id)
            .join(Consumable, Consumable.id == UsageConsumable.consumable_id)
            .join(Booking, Booking.id == Usage.booking_id)
            .where(Consumable.name == "Filament PLA", Booking.organisation_id.is_(None))
        ).scalar_one()
    assert wrong == 0
    assert catalogue["Filament PLA"] == "gram" and catalogue["Fil à broder"] == "kilostitch"
    assert catalogue["Vinyle adhésif"] == "metre"
    assert catalogue["Contreplaqué peuplier 3 mm (60 × 40 cm)"] == "sheet"
    assert {"Contreplaqué peuplier 3 mm (60 × 40 cm)", "Plexiglas 3 mm (60 × 40 cm)"} <= set(
        laser_offers
    )
    counts = {name: n for name, n, _q in used}
    assert counts["Filament PLA"] > counts["Filament PETG"] > 0
    assert counts["Contreplaqué peuplier 3 mm (60 × 40 cm)"] > 80
    assert all(q > 0 for _name, _n, q in used)
    assert 6 <= grams <= 20  # grams of PLA per hour of printing


def test_hour_counters_moved_with_the_usages(demo):
    db = demo[2]
    with db.read() as session:
        counters = dict(session.execute(select(Machine.name, Machine.hour_counter_minutes)).all())
        used = dict(
            session.execute(
                select(Machine.name, func.sum(Usage.minutes))
                .join(Usage, Usage.machine_id == Machine.id)
                .group_by(Machine.name)
            ).all()
        )
    for name, *_rest, hours, _funded, _desc in data_park.MACHINES:
        before = counters[name] - used.get(name, 0)
        assert hours * 60 <= before < hours * 60 + 60, name  # the counter a year ago
    for i in range(1, data_park.CYBERBASE_PCS + 1):
        name = f"Poste cyber-base {i}"
        assert used[name] > 0
        assert 900 * 60 <= counters[name] - used[name] <= 1600 * 60
    assert counters["Poste coworking 1"] == used["Poste coworking 1"] > 0


def test_every_booking_tells_its_story(demo, year):
    db = demo[2]
    with db.read() as session:
        events = session.execute(
            select(BookingEvent.booking_id, BookingEvent.action, BookingEvent.status).order_by(
                BookingEvent.booking_id, BookingEvent.at, BookingEvent.id
            )
        ).all()
    story = {}
    for e in events:
        story.setdefault(e.booking_id, []).append((e.action, e.status))
    assert set(story) == {b.id for b in year}
    for b in year:
        steps = story[b.id]
        assert steps[0] == (("walk_in", "in_progress") if b.walk_in else ("created", "booked"))
        assert steps[-1][1] == b.status
    sample = next(b for b in year if b.status == "done" and not b.walk_in)
    history = bookings.booking_history(db, sample.id)
    assert [h.action for h in history] == ["created", "checked_in", "checked_out"]
    assert all(h.operator for h in history)


def test_maintenance_log_and_the_machine_in_maintenance_is_not_booked(demo, year):
    db = demo[2]
    with db.read() as session:
        log = session.execute(
            select(Machine.name, MaintenanceEntry.day, MaintenanceEntry.cost_cents).join(
                Machine, Machine.id == MaintenanceEntry.machine_id
            )
        ).all()
        broken = session.scalar(select(Machine).where(Machine.status == "maintenance"))
        broken_id = broken.id
    assert 10 <= len(log) <= 120  # three years of history
    assert all(day < REFERENCE_DATE for _n, day, _c in log)
    assert ("Prusa MK4 n° 2", date(2026, 11, 13), 0) in log
    assert any(name == "Découpeuse laser" and cost > 100_000 for name, _d, cost in log)
    on_broken = [b for b in year if b.machine_id == broken_id]
    assert on_broken
    assert all(to_local(b.start_at).date() < date(2026, 11, 13) for b in on_broken)


def test_verify_names_overlapping_bookings(db, operator):
    """The integrity check finds two bookings of one machine that overlap (buffer
    included) — something only a bug or a hand-edited file can produce."""
    with db.write() as session:
        space = Space(name="Fablab")
        category = MachineCategory(name="Découpe laser")
        session.add_all([space, category])
        session.flush()
        laser = Machine(name="Découpeuse laser", category_id=category.id, space_id=space.id)
        member = Member(number="A00001", last_name="Delpech")
        session.add_all([laser, member])
        session.flush()
        start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
        for minutes, status in ((0, "done"), (75, "cancelled"), (130, "booked"), (205, "done")):
            begin = start + timedelta(minutes=minutes)
            session.add(
                Booking(
                    machine_id=laser.id,
                    member_id=member.id,
                    start_at=begin,
                    end_at=begin + timedelta(minutes=60),
                    blocked_until=begin + timedelta(minutes=75),
                    status=status,
                )
            )
    assert verify(db) == []  # back to back with the buffer, and a cancelled one between
    with db.write() as session:
        session.add(
            Booking(
                machine_id=laser.id,
                member_id=member.id,
                start_at=start + timedelta(minutes=65),  # inside the first one's buffer
                end_at=start + timedelta(minutes=120),
                blocked_until=start + timedelta(minutes=125),
                status="booked",
            )
        )
    problems = words(verify(db), "fr")
    assert len(problems) == 1
    assert "chevauchent" in problems[0] and "Découpeuse laser" in problems[0]
    assert "24/11/2026 11:05" in problems[0]


# --- issue 4: tariffs -------------------------------------------------------------------


def _tariff_list(db):
    with db.read() as session:
        return session.execute(
            select(
                PriceRule.machine_id,
                PriceRule.category_id,
                PriceRule.space_id,
                PriceRule.consumable_id,
                PriceRule.audience_id,
                PriceRule.membership,
                PriceRule.amount_cents,
                PriceRule.valid_from,
                PriceRule.valid_to,
            ).order_by(PriceRule.id)
        ).all()


def _pack_list(db):
    with db.read() as session:
        packs = session.execute(
            select(MemberPack.member_id, MemberPack.purchased_on).order_by(MemberPack.id)
        ).all()
        wallets = session.execute(
            select(WalletMovement.member_id, WalletMovement.amount_cents).order_by(
                WalletMovement.id
            )
        ).all()
    return packs, wallets


def test_laser_price_changed_on_1_july_2026_without_rewriting_the_past(demo):
    db = demo[2]
    with db.read() as session:
        laser = session.scalar(select(Machine.id).where(Machine.name == "Découpeuse laser"))
    history = tariffs.rule_history(db, "machine", laser, None, "member")
    assert [(r.amount_cents, r.valid_to) for r in history] == [
        (1500, date(2026, 6, 30)),
        (1800, None),
    ]
    assert history[1].valid_from == date(2026, 7, 1)
    assert history[1].step_minutes == 15
    grid = tariffs.tariff_grid(db, REFERENCE_DATE, "member")
    assert grid.cells[("machine", laser, None)].amount_cents == 1800
    audiences = dict((name, aid) for aid, name in grid.audiences)
    companies = tariffs.tariff_grid(db, REFERENCE_DATE, "any").cells[
        ("machine", laser, audiences["Entreprises & associations"])
    ]
    assert companies.amount_cents == 3000


def test_every_usage_has_a_price_for_members_and_non_members(demo):
    """The rules start at the opening: whoever comes, every usage of the demo is priced."""
    db = demo[2]
    rules = tariffs.list_rules(db)
    with db.read() as session:
        category_of = dict(session.execute(select(Machine.id, Machine.category_id)).all())
        used = session.execute(select(Usage.machine_id, Usage.space_id, Usage.start_at)).all()
    assert min(r.valid_from for r in rules) <= min(to_local(u.start_at).date() for u in used)
    for membership in ("member", "non_member"):
        keys = {
            (r.kind, r.resource_id)
            for r in rules
            if r.audience_id is None and r.membership in ("any", membership)
            and r.valid_to is None
        }  # fmt: skip
        for machine_id, space_id, _start in used:
            if machine_id is not None:
                assert ("machine", machine_id) in keys or (
                    "category", category_of[machine_id]
                ) in keys  # fmt: skip
            else:
                assert ("space", space_id) in keys


def test_fees_reduction_quota_packs_and_stock_of_the_demo(demo):
    db = demo[2]
    fees = {f.audience_name: f.amount_cents for f in conditions.list_fees(db, REFERENCE_DATE)}
    assert fees == {
        "": 2000,
        "Scolaires & étudiants": 1000,
        "Demandeurs d'emploi / insertion": 1000,
        "Entreprises & associations": 5000,
    }
    [reduction] = conditions.list_reductions(db, REFERENCE_DATE)
    assert (reduction.audience_name, reduction.percent_bp) == ("Scolaires & étudiants", 5000)
    [quota] = conditions.list_quotas(db, REFERENCE_DATE)
    assert (quota.scope_name, quota.free_minutes_per_month) == ("Découpe et gravure laser", 180)
    packs = {p.name: (p.minutes, p.price_cents) for p in catalogue.list_pack_types(db)}
    assert packs == {"Laser 10 h": (600, 15000), "Impression 3D 20 h": (1200, 8000)}
    stock = catalogue.stock_levels(db)
    assert len(stock) >= 3
    assert [s.name for s in stock if s.low] == ["Filament PETG"]
    with db.read() as session:
        bought = session.execute(
            select(MemberPack.id, MemberPack.minutes_total, MemberPack.expires_on)
        ).all()
        moved = dict(
            session.execute(
                select(PackMovement.member_pack_id, func.sum(PackMovement.minutes)).group_by(
                    PackMovement.member_pack_id
                )
            ).all()
        )
        wallets = session.scalars(select(WalletMovement.amount_cents)).all()
        balances = session.execute(
            select(WalletMovement.member_id, func.sum(WalletMovement.amount_cents)).group_by(
                WalletMovement.member_id
            )
        ).all()
    # Five packs bought before, a few more sold at the desk through baskets (issue 5).
    assert len(bought) == 5 + PACK_SALES["small"]
    # Bought with their hours, some already used by the usages that followed (never < 0).
    assert all(
        0 <= moved[pid] <= total and expires > REFERENCE_DATE for pid, total, expires in bought
    )
    # Credits, then payments from the wallet at the desk; never below zero.
    assert len([c for c in wallets if c > 0]) >= 3 and any(c < 0 for c in wallets)
    assert all(balance >= 0 for _m, balance in balances)


def test_every_past_usage_is_priced_and_frozen_as_at_its_check_out(demo):
    """The demo looks like a lab that has been using the software: each usage has its
    frozen lines (list − reduction = charged, a tariff found), a job seeker's laser hours
    took free quota minutes, and the laser's mid-year price change shows in the lines."""
    from tierslieu_desktop.db.models import QuotaUse

    db = demo[2]
    with db.read() as session:
        uncharged = session.scalar(
            select(func.count(Usage.id)).where(
                ~select(UsageCharge.id).where(UsageCharge.usage_id == Usage.id).exists()
            )
        )
        lines = session.execute(
            select(
                UsageCharge.list_cents,
                UsageCharge.reduction_cents,
                UsageCharge.charged_cents,
                UsageCharge.missing_rule,
            )
        ).all()
        quota_minutes = session.scalar(select(func.sum(QuotaUse.minutes)))
    assert uncharged == 0
    assert lines and all(lst - red == ch >= 0 for lst, red, ch, _m in lines)
    assert not any(m for *_a, m in lines)
    assert sum(red for _l, red, _c, _m in lines) > 0
    assert quota_minutes and quota_minutes > 0


# --- invoices, payments and closings (issue 5) ----------------------------------------------


def test_demo_sales_monthly_invoices_and_closings_pass_the_ledger_check(demo):
    """The front desk sold the last weeks' visits (paid in plausible ways), the schools,
    a company and the town hall were invoiced monthly and mostly paid by transfer, one
    credit note refunded a session, days and months are closed, and the whole chain
    checks out."""
    from tierslieu_desktop.db.models import Closing, Invoice, InvoiceLine, Payment
    from tierslieu_desktop.services.billing import documents, payments
    from tierslieu_desktop.services.billing.ledger import verify_ledger

    db = demo[2]
    assert verify_ledger(db) == []
    with db.read() as session:
        kinds = Counter(session.scalars(select(Invoice.kind)))
        methods = Counter(session.scalars(select(Payment.method)))
        line_kinds = Counter(session.scalars(select(InvoiceLine.kind)))
        closings = Counter(session.scalars(select(Closing.kind)))
        numbers = list(session.scalars(select(Invoice.number).order_by(Invoice.issued_at)))
        monthly = session.execute(
            select(Member.organisation_type, Invoice.id)
            .join(Member, Member.id == Invoice.member_id)
            .where(Invoice.note.like("Facturation mensuelle%"))
        ).all()
    assert kinds["invoice"] > 150 and kinds["credit_note"] == 1
    # Card and cash lead; cheques, Pass numérique vouchers and wallets too.
    assert methods["card"] > methods["cheque"] and methods["cash"] > methods["cheque"]
    assert all(methods[m] > 0 for m in ("cheque", "pass_numerique", "wallet", "transfer"))
    assert line_kinds["membership"] > 0 and line_kinds["pack"] > 0
    assert line_kinds["wallet_topup"] > 0
    # Numbers follow the issue dates (one chronological series).
    invoice_numbers = [n for n in numbers if n.startswith("F")]
    assert invoice_numbers == sorted(invoice_numbers)
    assert {"school", "company", "public_body"} <= {t for t, _i in monthly}
    town_hall = [i for t, i in monthly if t == "public_body"]
    doc = documents.get_invoice(db, town_hall[0])
    assert doc.payments and doc.payments[0].method == "transfer"  # the mandate, paid later
    assert doc.payments[0].at.date() > doc.issued_at.date()
    unpaid = payments.unpaid(db, REFERENCE_DATE)
    assert 2 <= len(unpaid) <= 3
    assert sum(1 for r in unpaid if r.overdue_days > 0) == 1
    assert closings["day"] > 20 and closings["month"] >= 10 and closings["year"] >= 1


def test_past_demo_days_are_closed_yesterday_is_open_at_the_desk(demo):
    from tierslieu_desktop.domain.errors import DomainError
    from tierslieu_desktop.services.billing import baskets, ledger

    db = demo[2]
    yesterday = REFERENCE_DATE - timedelta(days=1)
    with db.read() as session:
        with pytest.raises(DomainError) as err:
            ledger.ensure_open(session, yesterday - timedelta(days=1))
        assert err.value.code == "period_closed"
        ledger.ensure_open(session, yesterday)  # no error: still open
        member_id = session.scalar(
            select(Usage.member_id)
            .join(UsageCharge, UsageCharge.usage_id == Usage.id)
            .where(
                Usage.member_id.is_not(None),
                Usage.start_at >= local_dt(yesterday, 0),
                UsageCharge.charged_cents > 0,
            )
            .limit(1)
        )
    # Yesterday's visits wait at the desk: not invoiced yet.
    assert member_id is not None
    assert yesterday in {u.day for u in baskets.unbilled_usages(db, member_id)}


# Funding (issue 6) --------------------------------------------------------------------


def test_three_years_of_funders_grants_and_in_kind(demo):
    from tierslieu_desktop.db.models import (
        Funder,
        Grant,
        GrantMachine,
        GrantPayment,
        InKindContribution,
    )

    _, _, db = demo
    with db.read() as s:
        funders = {f.name: (f.sector, f.level) for f in s.scalars(select(Funder))}
        grants = s.scalars(select(Grant)).all()
        by_funder = {}
        for g in grants:
            name = s.get(Funder, g.funder_id).name
            by_funder.setdefault(name, []).append(g)
        paid = {
            gid: total
            for gid, total in s.execute(
                select(GrantPayment.grant_id, func.sum(GrantPayment.amount_cents)).group_by(
                    GrantPayment.grant_id
                )
            )
        }
        machines = {  # the investment grant's (the repair café's are its action's machines)
            s.get(Machine, gm.machine_id).name
            for gm in s.scalars(
                select(GrantMachine)
                .join(Grant, Grant.id == GrantMachine.grant_id)
                .where(Grant.nature == "investment")
            )
        }
        in_kind = s.scalars(select(InKindContribution)).all()
        assert {lvl for _, lvl in funders.values()} >= {
            "epci",
            "region",
            "ue",
            "employment",
            "departement",
            "foundation",
            "company",
        }
        assert {sector for sector, _ in funders.values()} == {"public", "private"}
        cc = by_funder["Communauté de communes Cauvaldor"]
        assert sorted(g.period_start.year for g in cc) == [2024, 2025, 2026]
        assert all(paid.get(g.id, 0) > 0 and paid[g.id] <= g.granted_cents for g in cc)
        assert machines == {"Découpeuse laser", "Fraiseuse CNC d'établi"}
        assert any(g.nature == "investment" for g in grants)
        assert {c.year for c in in_kind} == {2024, 2025, 2026}
        volunteering = [c for c in in_kind if c.kind == "volunteering"]
        assert volunteering and all(c.funder_id is None and c.hours > 0 for c in volunteering)
        assert any(c.kind == "premises" and c.value_cents > 0 for c in in_kind)


def test_a_grant_report_is_due_within_30_days(demo):
    from tierslieu_desktop.db.models import Grant

    _, _, db = demo
    with db.read() as s:
        due = [
            g.report_due
            for g in s.scalars(select(Grant))
            if g.report_due and g.report_status in ("none", "todo")
        ]
    soon = [d for d in due if REFERENCE_DATE <= d <= REFERENCE_DATE + timedelta(days=30)]
    assert len(soon) >= 1


def test_monthly_expenses_depreciation_budget_and_report_texts(demo):
    from tierslieu_desktop.db.models import BudgetLine, Expense, ReportText

    _, _, db = demo
    with db.read() as s:
        expenses = s.execute(select(Expense.day, Expense.category, Expense.machine_id)).all()
        years = {m.name: m.depreciation_years for m in s.scalars(select(Machine))}
        budget = s.scalars(select(BudgetLine.side).where(BudgetLine.year == 2026)).all()
        texts = s.scalars(select(ReportText.text).where(ReportText.year == 2025)).all()
    months = {(d.year, d.month) for d, _, _ in expenses}
    assert len(months) >= 34  # every month from January 2024 to October 2026
    assert max(d for d, _, _ in expenses) < REFERENCE_DATE
    assert {c for _, c, _ in expenses} >= {
        "staff",
        "rent",
        "energy",
        "consumables",
        "maintenance",
        "other",
    }
    assert all(m is not None for _, c, m in expenses if c == "maintenance")
    assert 200 <= len(expenses) <= 600
    assert all(y and y > 0 for y in years.values())
    assert set(budget) == {"revenue", "expense"}
    assert texts and all(texts)


def test_the_demo_s_running_balances_equal_its_payments(demo):
    """The demo's invoices (issued by the services and, in the large demo, in bulk)
    leave the same open balances as the sealed payments and credit notes say."""
    from tierslieu_desktop.services.billing import payments

    _path, _summary, db = demo
    expected = payments.recomputed_open_balances(db)
    assert expected  # the demo has unpaid invoices (and the test something to compare)
    assert payments.open_balances(db) == expected


def test_every_kind_of_document_of_the_demo_passes_en16931_and_br_fr(demo):
    """Issue 15: one Factur-X per kind of document and buyer (person with or without
    e-mail, walk-in, company, association, school, public body, credit note) through the
    official EN 16931 and French CTC schematrons."""
    import json

    saxonche = pytest.importorskip("saxonche")
    from schematron import compile_checkers

    from tierslieu_desktop.db.models import Invoice
    from tierslieu_desktop.reports import invoice_pdf
    from tierslieu_desktop.services.billing import documents

    db = demo[2]
    with db.read() as s:
        rows = s.execute(select(Invoice.id, Invoice.kind, Invoice.buyer_json)).all()
    firsts: dict[tuple, int] = {}
    for invoice_id, kind, buyer_json in rows:
        buyer = json.loads(buyer_json)
        key = (kind, buyer["kind"], buyer.get("organisation_type"), bool(buyer["email"]))
        firsts.setdefault(key, invoice_id)
    assert {k[2] for k in firsts} >= {"school", "public_body", "company"}
    assert any(k[0] == "credit_note" for k in firsts)
    with saxonche.PySaxonProcessor(license=False) as proc:
        checkers = compile_checkers(proc)
        for key, invoice_id in firsts.items():
            xml = invoice_pdf.facturx_xml(documents.get_invoice(db, invoice_id))
            failed = [str(f) for check in checkers.values() for f in check(xml)]
            assert failed == [], key


def test_demo_persons_have_a_plausible_gender_and_situation_and_a_team(demo):
    """Issue 16: most persons say their gender and situation, some do not (« non
    renseigné »); organisations never; minors are pupils; the lab has staff and volunteers."""
    from collections import Counter

    from tierslieu_desktop.services.people.staff import list_staff

    db = demo[2]
    with db.read() as s:
        rows = s.execute(
            select(Member.kind, Member.gender, Member.situation, Member.birth_year)
        ).all()
    persons = [r for r in rows if r.kind == "person"]
    genders = Counter(r.gender for r in persons)
    assert genders["female"] > 0.3 * len(persons) and genders["male"] > 0.3 * len(persons)
    assert 0.05 * len(persons) < genders[None] < 0.3 * len(persons)
    assert all(r.gender is None and r.situation is None for r in rows if r.kind != "person")
    minors = [r for r in persons if r.birth_year and REFERENCE_DATE.year - r.birth_year < 18]
    assert {r.situation for r in minors} <= {"pupil", None}
    kinds = Counter(p.kind.value for p in list_staff(db))
    assert kinds["employee"] == 3 and kinds["volunteer"] >= 3 and kinds["civic_service"] >= 1
