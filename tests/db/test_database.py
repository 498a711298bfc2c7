"""Opening, migrating, protecting and backing up database files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
from tierslieu_desktop.db.migrations import HEAD_REVISION
from tierslieu_desktop.db.migrations.runner import head_revision
from tierslieu_desktop.db.models import Base, Member
from tierslieu_desktop.services.people.members import MemberInput, save_member

FROZEN = Path(__file__).parent / "frozen"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_head_constant_matches_alembic():
    assert head_revision() == HEAD_REVISION


def test_models_match_migrations(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_new_file_gets_schema_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "sub" / "new.sqlite"
    database = open_database(str(path))
    with database.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            HEAD_REVISION
        )
    database.dispose()
    assert path.exists()


def test_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "README.md"
    path.write_text("# Tiers-Lieu\nNot a database.\n")
    before = _digest(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(str(path))
    assert info.value.code == "not_a_database"
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(str(path))
    assert info.value.code == "foreign_database"
    assert _digest(path) == before


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_database(str(path)).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _digest(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(str(path))
    assert info.value.code == "newer_than_app"
    assert _digest(path) == before


def test_failed_write_leaves_nothing(db):
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Member(number="A99999", last_name="Fantôme"))
        session.flush()
        raise RuntimeError("power cut")
    with db.read() as session:
        assert session.scalars(select(Member)).all() == []


@pytest.mark.parametrize("frozen", sorted(FROZEN.glob("schema_*.sqlite")), ids=lambda p: p.name)
def test_frozen_old_databases_upgrade_with_a_backup(tmp_path, frozen):
    """Each released schema is kept as a small file; opening it migrates it to the head
    after a backup copy, and its members survive."""
    path = tmp_path / frozen.name
    path.write_bytes(frozen.read_bytes())
    con = sqlite3.connect(path)
    names_before = [r[0] for r in con.execute("SELECT last_name FROM member ORDER BY id")]
    old_rev = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    assert names_before, "a frozen database must hold some data"
    database = open_database(str(path))
    with database.read() as session:
        assert session.scalars(select(Member.last_name).order_by(Member.id)).all() == names_before
        rev = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    # Sealed invoices and payments of an older schema stay sound after the upgrade.
    from tierslieu_desktop.services.safety.integrity import verify

    assert verify(database) == []
    # the CHECK constraints changed in place (0006, 0007) really changed, whichever text
    # the older schema wrote: a price rule may price an activity, the chain seals wallets
    with database.read() as session:
        tables = dict(session.execute(text("SELECT name, sql FROM sqlite_master")).all())
    assert "activity_id IS NOT NULL" in tables["price_rule"].split("one_resource", 1)[1]
    assert "activity_session_id IS NOT NULL" in tables["booking"]
    assert "'wallet'" in tables["integrity_entry"]
    database.dispose()
    assert rev == HEAD_REVISION
    backups = list(tmp_path.glob(f"{frozen.name}.before-*.bak"))
    assert (len(backups) == 1) == (old_rev != HEAD_REVISION)


def test_backup_is_made_before_migrating(tmp_path, monkeypatch):
    """A database at an older revision is copied beside itself before the upgrade."""
    import tierslieu_desktop.db.engine as engine_mod

    path = tmp_path / "old.sqlite"
    open_database(str(path)).dispose()
    monkeypatch.setattr(engine_mod, "HEAD_REVISION", "9999_pretend")
    monkeypatch.setattr(
        "tierslieu_desktop.db.migrations.runner.known_revisions",
        lambda: {HEAD_REVISION, "9999_pretend"},
    )
    monkeypatch.setattr("tierslieu_desktop.db.migrations.runner.upgrade", lambda engine: None)
    open_database(str(path)).dispose()
    backups = list(tmp_path.glob("old.sqlite.before-9999_pretend-*.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    con.close()


def test_member_numbers_stay_unique_across_processes(tmp_path):
    """Two desks creating members at the same moment never get the same number."""
    import multiprocessing as mp

    path = tmp_path / "shared.sqlite"
    open_database(str(path)).dispose()
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_create_members, [(str(path), "Nord", 15), (str(path), "Sud", 15)])
    database = open_database(str(path))
    with database.read() as session:
        numbers = session.scalars(select(Member.number)).all()
    database.dispose()
    assert len(numbers) == 30
    assert len(set(numbers)) == 30


def _create_members(args: tuple[str, str, int]) -> None:
    path, desk, count = args
    database = open_database(path)
    for i in range(count):
        save_member(database, None, MemberInput(last_name=f"{desk}{i}", first_name="Test"))
    database.dispose()


def test_machines_of_a_0001_database_get_default_booking_rules(tmp_path):
    """Schema 0002 adds booking rules to existing machines and spaces, with defaults."""
    from tierslieu_desktop.db.models import Machine, Space

    path = tmp_path / "park.sqlite"
    path.write_bytes((FROZEN / "schema_0001_park.sqlite").read_bytes())
    database = open_database(str(path))
    with database.read() as session:
        laser = session.scalars(select(Machine)).one()
        room = session.get(Space, 2)
        assert (laser.name, laser.slot_step_minutes, laser.max_duration_minutes) == (
            "Découpeuse laser",
            15,
            240,
        )
        assert room.closed_on_holidays is True and room.buffer_minutes == 0
    database.dispose()


def test_indicators_migration_goes_down_and_up_keeping_members(db):
    """0016 (issue 16): a member's gender and situation and the staff table go away on
    downgrade and come back on upgrade; the members stay."""
    from alembic import command
    from sqlalchemy import inspect

    from tierslieu_desktop.db.migrations.runner import alembic_config, upgrade

    save_member(db, None, MemberInput(first_name="Lou", last_name="Bach"))
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0017")
    insp = inspect(db.engine)
    assert "staff_member" not in insp.get_table_names()
    assert "gender" not in {c["name"] for c in insp.get_columns("member")}
    upgrade(db.engine)
    insp = inspect(db.engine)
    assert "staff_member" in insp.get_table_names()
    assert {"gender", "situation"} <= {c["name"] for c in insp.get_columns("member")}
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT last_name, gender FROM member")).all() == [("Bach", None)]
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_zrrqpv_migration_goes_down_and_up_keeping_the_structure(db):
    """0020 (issue 16, point 4): the structure's ZRR / FRR and QPV communes go away on
    downgrade (the structure stays) and come back empty on upgrade."""
    from alembic import command
    from sqlalchemy import inspect

    from tierslieu_desktop.db.migrations.runner import alembic_config, upgrade
    from tierslieu_desktop.services.people import structure

    data = structure.StructureData(name="Fablab", zrr_communes="46251", qpv_communes="46102")
    structure.save_structure(db, None, data)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0019")
    columns = {c["name"] for c in inspect(db.engine).get_columns("structure")}
    assert "name" in columns and not {"zrr_communes", "qpv_communes"} & columns
    upgrade(db.engine)
    saved = structure.get_structure(db)
    assert (saved.name, saved.zrr_communes, saved.qpv_communes) == ("Fablab", "", "")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_gdpr_migration_dates_the_consents_already_given(db):
    """0021 (issue 19, point 3): the consents held before the dated history are written
    once, reason « initial », dated by the card's creation; downgrade drops the history
    and the anonymisation mark, the members stay."""
    from alembic import command
    from sqlalchemy import inspect

    from tierslieu_desktop.db.migrations.runner import alembic_config, upgrade

    lou = save_member(db, None, MemberInput(first_name="Lou", last_name="Bach"))
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0020")
    insp = inspect(db.engine)
    assert "consent_change" not in insp.get_table_names()
    assert "anonymised_at" not in {c["name"] for c in insp.get_columns("member")}
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE member SET consent_photos = :yes WHERE id = :i"), {"yes": True, "i": lou}
        )
    upgrade(db.engine)
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.consent, c.given, c.reason, c.at = m.created_at FROM consent_change c "
                "JOIN member m ON m.id = c.member_id"
            )
        ).all()
        assert rows == [("photos", 1, "initial", 1)]
        assert conn.execute(text("SELECT retention_years FROM structure")).all() in ([], [(3,)])
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
