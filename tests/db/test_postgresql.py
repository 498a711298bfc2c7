"""PostgreSQL as a backend (issue 20): the migrations, the demo, verify and the services'
ids on a real server. Runs when ``TIERSLIEU_TEST_PG`` names a server (``.ci/run`` starts
one: ``postgresql+psycopg://postgres@127.0.0.1:PORT/postgres``); each test module gets
its own fresh database on it."""

from __future__ import annotations

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, insert, select, text

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Base, Consumable, Member
from tierslieu_desktop.services.people.members import MemberInput, save_member

SERVER = os.environ.get("TIERSLIEU_TEST_PG", "")
pytestmark = [
    pytest.mark.skipif(not SERVER, reason="TIERSLIEU_TEST_PG names no server"),
    pytest.mark.usefixtures("demo_login"),  # the commands log in as the demo's admin
]


@pytest.fixture
def pg_url():
    """A new empty database on the test server, dropped afterwards."""
    name = f"tl_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = SERVER.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_every_migration_runs_and_matches_the_models(pg_url):
    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            # the CHECK constraints written for SQLite run on PostgreSQL too
            checks = conn.execute(
                text("SELECT conname FROM pg_constraint WHERE contype = 'c'")
            ).scalars()
            names = set(checks)
        assert {"ck_booking_who", "ck_price_rule_one_resource", "ck_pack_type_scope"} <= names
    finally:
        db.dispose()


def test_rows_given_their_ids_do_not_break_the_next_ones(pg_url):
    """The demo and a lab moved from SQLite insert rows with their ids: the sequence
    follows, so the next member a desk saves gets a new id."""
    db = open_database(pg_url)
    try:
        with db.write() as s:
            s.execute(
                insert(Consumable),
                [
                    {"id": i, "name": f"PLA {i}", "unit": "gram", "position": i, "archived": False}
                    for i in (1, 2, 40)
                ],
            )
            s.add(Member(id=7, number="A-7", last_name="Vidal", first_name="Marc"))
        first = save_member(db, None, MemberInput(last_name="Castagné", first_name="Lucie"))
        with db.write() as s:
            s.add(Consumable(name="Résine", unit="gram", position=41, archived=False))
        with db.read() as s:
            assert first > 7
            assert s.scalar(select(func.max(Consumable.id))) == 41
    finally:
        db.dispose()


def test_demo_and_verify_on_postgresql(pg_url, capsys):
    from tierslieu_desktop.cli import main

    assert main(["demo", "--db", pg_url]) == 0
    assert main(["verify", "--db", pg_url]) == 0
    out = capsys.readouterr().out
    assert "Base intègre" in out
    db = open_database(pg_url)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Member)) > 100
    finally:
        db.dispose()


def test_a_lab_moved_onto_postgresql_and_back_verifies_on_every_side(pg_url, tmp_path, capsys):
    from tests.shared_demo import small_demo_copy
    from tierslieu_desktop.cli import main
    from tierslieu_desktop.services.safety.moving import row_counts

    source = small_demo_copy(tmp_path / "demo.sqlite")
    back = tmp_path / "back.sqlite"
    assert main(["migrate", "--from", str(source), "--to", pg_url]) == 0
    assert main(["verify", "--db", pg_url]) == 0
    assert main(["migrate", "--from", pg_url, "--to", str(back)]) == 0
    assert main(["migrate", "--from", str(source), "--to", pg_url]) == 1  # not empty now
    capsys.readouterr()
    dbs = [open_database(str(source)), open_database(pg_url), open_database(str(back))]
    try:
        counts = [row_counts(db) for db in dbs]
        assert counts[0] == counts[1] == counts[2]
        # the next member saved on the server gets a new id (sequences follow the copy)
        new_id = save_member(dbs[1], None, MemberInput(last_name="Nouvelle", first_name="Ada"))
        assert new_id > max(counts[0]["member"], 0)
    finally:
        for db in dbs:
            db.dispose()


def test_a_value_the_server_refuses_is_a_message_and_nothing_is_saved(pg_url):
    """A text longer than its column that no service check caught: PostgreSQL refuses
    it (SQLite would keep it); the desk gets ``value_rejected``, not a crash."""
    from tierslieu_desktop.domain.errors import DomainError

    db = open_database(pg_url)
    try:
        with pytest.raises(DomainError) as err, db.write() as s:
            s.add(Consumable(name="x" * 5000, unit="gram", position=1, archived=False))
        assert err.value.code == "value_rejected"
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Consumable)) == 0
    finally:
        db.dispose()
