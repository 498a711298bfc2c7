"""``tierslieu migrate``: a lab's database copied to another database, every row with its
ids, counts compared, both sides verified; a non-empty target refused. SQLite to SQLite
here; tests/db/test_postgresql.py does it through a PostgreSQL server and back."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from tests.shared_demo import small_demo_copy
from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Member
from tierslieu_desktop.services.safety.anchors import database_identity
from tierslieu_desktop.services.safety.integrity import verify
from tierslieu_desktop.services.safety.moving import row_counts

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin


def test_a_demo_moved_keeps_every_row_and_verifies(tmp_path, capsys):
    source = small_demo_copy(tmp_path / "demo.sqlite")
    target = tmp_path / "moved.sqlite"
    assert main(["migrate", "--from", str(source), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "comptes identiques" in out and "cible intègre" in out
    a, b = open_database(str(source)), open_database(str(target))
    try:
        counts = row_counts(a)
        assert counts == row_counts(b) and sum(counts.values()) > 10_000
        assert verify(b) == []
        # the same lab: its identity (its anchor log) and its rows, ids included
        assert database_identity(a) == database_identity(b)
        with a.read() as s, b.read() as t:
            query = select(Member.id, Member.number, Member.last_name).order_by(Member.id)
            assert s.execute(query).all() == t.execute(query).all()
    finally:
        a.dispose()
        b.dispose()


def test_a_target_with_data_is_refused_and_left_as_it_was(tmp_path, capsys):
    source = small_demo_copy(tmp_path / "demo.sqlite")
    target = small_demo_copy(tmp_path / "other.sqlite")
    with sqlite3.connect(target) as con:
        before = con.execute("SELECT count(*) FROM member").fetchone()[0]
    assert main(["--lang", "en", "migrate", "--from", str(source), "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert "not empty" in err and "(s)" not in err
    with sqlite3.connect(target) as con:
        assert con.execute("SELECT count(*) FROM member").fetchone()[0] == before


def test_a_source_that_does_not_verify_is_not_carried_over(tmp_path, capsys):
    source = small_demo_copy(tmp_path / "demo.sqlite")
    with sqlite3.connect(source) as con:  # a sealed invoice altered behind the app's back
        con.execute("DROP TRIGGER sealed_invoice_update")
        con.execute("UPDATE invoice SET total_incl_cents = total_incl_cents + 100 WHERE id = 1")
    target = tmp_path / "moved.sqlite"
    assert main(["migrate", "--from", str(source), "--to", str(target)]) == 1
    assert "ne se vérifie pas" in capsys.readouterr().err
    db = open_database(str(target))
    try:
        assert not any(n for t, n in row_counts(db).items() if t != "database_identity")
    finally:
        db.dispose()
