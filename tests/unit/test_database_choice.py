"""The database chosen in Paramètres (issue 20): a PostgreSQL server tried before it is
saved, used from the next start by the window and every command without --db, its
password kept out of the settings in a private password file."""

from __future__ import annotations

import os
import socket
import stat

import pytest

from tierslieu_desktop import config
from tierslieu_desktop.db.engine import server_connect_args
from tierslieu_desktop.db.files import resolve_target
from tierslieu_desktop.services.safety import server

SERVER = os.environ.get("TIERSLIEU_TEST_PG", "")
needs_server = pytest.mark.skipif(not SERVER, reason="TIERSLIEU_TEST_PG names no server")


def free_port() -> int:
    """A port on this machine where nothing listens (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_port_where_no_server_listens_is_unreachable_and_nothing_is_saved():
    check = server.check_server("127.0.0.1", free_port(), "tierslieu", "accueil", "secret")
    assert check.code == server.UNREACHABLE
    assert not check.usable
    assert "secret" not in check.url
    assert config.saved_database() == {}


@needs_server
def test_the_test_server_answers_and_a_missing_database_is_named():
    from sqlalchemy.engine import make_url

    url = make_url(SERVER)
    host, port, user = url.host or "127.0.0.1", url.port or 5432, url.username or "postgres"
    found = server.check_server(host, port, url.database or "postgres", user)
    assert found.usable and found.code in (server.EMPTY, server.OURS)
    missing = server.check_server(host, port, "no_such_lab_database", user)
    assert missing.code == server.NO_DATABASE


@needs_server
def test_a_lab_database_on_the_server_is_recognised(db):
    if db.is_sqlite:
        pytest.skip("the db fixture is on SQLite in this run")
    url = db.engine.url
    check = server.check_server(url.host, url.port, url.database, url.username)
    assert check.code == server.OURS and not check.upgrade


def test_a_saved_server_is_the_next_start_s_database_and_its_password_stays_private():
    config.save_server_database("nas.local", 5433, "tierslieu", "accueil", "s3cr:et")
    expected = "postgresql+psycopg://accueil@nas.local:5433/tierslieu"
    assert resolve_target(None) == expected
    assert resolve_target("/tmp/other.sqlite") == "/tmp/other.sqlite"  # --db still wins
    settings = (config.config_dir() / "settings.json").read_text(encoding="utf-8")
    assert "s3cr" not in settings
    passfile = config.database_password_file()
    assert passfile.read_text(encoding="utf-8") == "nas.local:5433:tierslieu:accueil:s3cr\\:et\n"
    if os.name == "posix":
        assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    # the driver gets the file, never the password in the URL
    assert server_connect_args(expected)["passfile"] == str(passfile)
    assert server_connect_args("sqlite:///x.sqlite") == {}
    # saved again without a password typed: the kept one stays; a new one replaces it
    config.save_server_database("nas.local", 5433, "tierslieu", "accueil", None)
    assert "s3cr" in passfile.read_text(encoding="utf-8")
    config.save_server_database("nas.local", 5433, "tierslieu", "accueil", "autre")
    assert passfile.read_text(encoding="utf-8") == "nas.local:5433:tierslieu:accueil:autre\n"
    # back to a file on this computer
    config.save_sqlite_database(None)
    assert resolve_target(None) == str(config.default_database_path())


def test_an_unreachable_saved_server_is_a_sentence_not_a_traceback():
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database

    config.save_server_database("127.0.0.1", free_port(), "tierslieu", "accueil", None)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(None)
    assert err.value.code == "cannot_open"
    assert "Connection refused" in err.value.detail or "refused" in err.value.detail.lower()


def test_an_encrypted_connection_required_is_in_the_url_and_keeps_the_password_file():
    config.save_server_database("nas.local", 5433, "tierslieu", "accueil", "pw", tls=True)
    target = resolve_target(None)
    assert target == "postgresql+psycopg://accueil@nas.local:5433/tierslieu?sslmode=require"
    assert server_connect_args(target)["passfile"] == str(config.database_password_file())


@needs_server
def test_a_server_without_tls_is_refused_when_encryption_is_required():
    import psycopg
    from sqlalchemy.engine import make_url

    with psycopg.connect(SERVER.replace("+psycopg", "", 1)) as conn:
        if conn.execute("SHOW ssl").fetchone()[0] == "on":
            pytest.skip("this test server offers TLS")
    url = make_url(SERVER)
    host, port, user = url.host or "127.0.0.1", url.port or 5432, url.username or "postgres"
    check = server.check_server(host, port, url.database or "postgres", user, tls=True)
    assert check.code == server.NO_TLS and not check.usable
    assert check.url.endswith("?sslmode=require")
    assert server.check_server(host, port, url.database or "postgres", user).usable
