"""Backups of a PostgreSQL database (issue 20, point 7): ``tierslieu backup`` and the
window's « Sauvegarder maintenant » write a ``pg_dump -Fc`` file named and rotated like
the SQLite copies; it restores with pg_restore into an empty database; the application
itself refuses to restore over the server, pointing to the server guide. Runs when
``TIERSLIEU_TEST_PG`` names a server (and pg_dump is installed)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from tierslieu_desktop import cli
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Member
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.safety import auto_backup, backup_crypto, backups

SERVER = os.environ.get("TIERSLIEU_TEST_PG", "")
pytestmark = [
    pytest.mark.skipif(not SERVER, reason="TIERSLIEU_TEST_PG names no server"),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed"),
]


def _new_database() -> str:
    name = f"tl_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return SERVER.rsplit("/", 1)[0] + "/" + name


def _drop(url: str) -> None:
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url():
    url = _new_database()
    yield url
    _drop(url)


def test_a_backup_of_the_server_is_a_pg_dump_that_restores(pg_url, tmp_path):
    db = open_database(pg_url)
    try:
        save_member(db, None, MemberInput(last_name="Castagné", first_name="Lucie"))
        save_member(db, None, MemberInput(last_name="Vidal", first_name="Marc"))
        info = backups.make_backup(db, tmp_path / "sauvegardes")
    finally:
        db.dispose()
    assert info.path.name.startswith("tierslieu-") and info.path.name.endswith(".dump")
    assert info.ok and info.server and (info.members, info.invoices) == (2, 0)
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert info.path.read_bytes()[:5] == b"PGDMP"
    (listed,) = backups.list_backups(tmp_path / "sauvegardes")
    assert listed.path == info.path and listed.ok and listed.server

    # what the server guide says to do: pg_restore into an (empty) database
    target = _new_database()
    try:
        done = subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--dbname",
                target.replace("+psycopg", ""),
                str(info.path),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        restored = open_database(target)
        try:
            with restored.read() as s:
                names = sorted(s.scalars(select(Member.last_name)))
            assert names == ["Castagné", "Vidal"]
        finally:
            restored.dispose()
    finally:
        _drop(target)


def test_an_encrypted_backup_of_the_server(pg_url, tmp_path):
    db = open_database(pg_url)
    key = backup_crypto.derive_key("une phrase de passe assez longue")
    try:
        info = backups.make_backup(db, tmp_path, key=key)
    finally:
        db.dispose()
    assert info.path.name.endswith(".dump.enc") and info.encrypted and info.ok
    assert b"PGDMP" not in info.path.read_bytes()[:64]
    clear = tmp_path / "clair.dump"
    with info.path.open("rb") as src, clear.open("wb") as out:
        backup_crypto.decrypt_stream(
            src, out, backup_crypto.key_for(info.path, "une phrase de passe assez longue"), "x"
        )
    assert clear.read_bytes()[:5] == b"PGDMP"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([info.path.name, "clair.dump"])


def test_the_window_s_backup_now_dumps_the_server_but_not_at_start_or_close(pg_url):
    db = open_database(pg_url)
    try:
        from datetime import UTC, datetime

        now = datetime.now(UTC)
        assert auto_backup.automatic_backup(db, now, "daily") is None
        assert auto_backup.automatic_backup(db, now, "close") is None
        info = auto_backup.automatic_backup(db, now, "manual")
        assert info is not None and info.server and info.ok
        assert auto_backup.status().last is not None
        refused = auto_backup.restore_and_reopen(db, info.path)
        assert refused.error is not None and refused.error.code == "restore_on_server"
        assert refused.db is db
    finally:
        db.dispose()


def test_cli_backup_and_restore_on_the_server(pg_url, tmp_path, capsys):
    # a database without any account: the command line runs without a login
    open_database(pg_url).dispose()
    out = tmp_path / "sauv"
    code = cli.main(["backup", "--db", pg_url, "-o", str(out)])
    said = capsys.readouterr()
    assert code == 0, said.err
    assert "Sauvegarde écrite" in said.out
    (dump,) = out.glob("tierslieu-*.dump")
    assert cli.main(["backups", "-o", str(out)]) == 0
    assert "copie du serveur PostgreSQL (pg_dump)" in capsys.readouterr().out
    assert cli.main(["restore", str(dump), "--db", pg_url]) == 1
    err = capsys.readouterr().err
    assert "se restaure sur le serveur" in err and "README-SERVEUR.md" in err
    db = open_database(pg_url)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Member)) == 0
    finally:
        db.dispose()
    assert Path(dump).exists()
