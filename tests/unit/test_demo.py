"""The demonstration database: realistic, valid, deterministic, never overwriting data."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from stdnum import iban as std_iban
from stdnum.fr import siret as std_siret

from tierslieu_desktop import cli
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import (
    Authorization,
    Machine,
    MachineCategory,
    Member,
    Membership,
    Operator,
    Space,
)
from tierslieu_desktop.services import members
from tierslieu_desktop.services.audiences import list_audiences
from tierslieu_desktop.services.common import fold
from tierslieu_desktop.services.demo import REFERENCE_DATE, DemoExists, build_demo
from tierslieu_desktop.services.integrity import verify
from tierslieu_desktop.services.operators import ensure_operator
from tierslieu_desktop.services.structure import get_structure

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
    assert summary.endswith(" machines, 5 espaces")
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


def test_same_seed_gives_the_same_members_and_another_seed_does_not(demo, tmp_path):
    same = tmp_path / "same.sqlite"
    other = tmp_path / "other.sqlite"
    build_demo(str(same))
    build_demo(str(other), seed=7)
    reference = _member_list(demo[2])
    for path, expect_equal in ((same, True), (other, False)):
        db = open_database(str(path), create=False)
        try:
            assert (_member_list(db) == reference) is expect_equal
        finally:
            db.dispose()


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
        assert names == {"Accueil", *ANIMATORS}
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
    assert "contient déjà des données" in capsys.readouterr().err


def test_unknown_size_is_refused_before_creating_a_file(tmp_path):
    with pytest.raises(ValueError):
        build_demo(str(tmp_path / "x.sqlite"), size="huge")
    assert not (tmp_path / "x.sqlite").exists()
