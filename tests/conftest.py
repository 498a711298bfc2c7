"""Every test runs offscreen, with its own data and config directories."""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Module- and session-scoped fixtures run before the per-test folders below: they get a
# throw-away data and config folder too (the anchor log is written after every sealing).
_SESSION_DIR = tempfile.mkdtemp(prefix="tierslieu-tests-")
os.environ["TIERSLIEU_DATA_DIR"] = os.path.join(_SESSION_DIR, "data")
os.environ["TIERSLIEU_CONFIG_DIR"] = os.path.join(_SESSION_DIR, "config")

import pytest  # noqa: E402  (after the environment above)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """A test never touches the user's real files."""
    monkeypatch.setenv("TIERSLIEU_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("TIERSLIEU_DB", raising=False)
    # nor logs in as the developer's account: the commands run as nobody until a test
    # says who (demo_login)
    monkeypatch.delenv("TIERSLIEU_USER", raising=False)
    monkeypatch.delenv("TIERSLIEU_PASSWORD", raising=False)
    yield


def _window_words() -> str | None:
    """One word of the window as Qt translates it now (None before any application):
    "&Reload" in English, "&Recharger" while a French translator is installed."""
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return None
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None:
        return None
    return QCoreApplication.translate("Stale", "&Reload")


@pytest.fixture(autouse=True)
def _translators_left_as_found():
    """A test leaves the application's language as it found it: translators belong to
    the one QApplication of the worker, so one left installed turns the next test's
    English into French (CI failed that way once). Module-scoped windows install theirs
    before this check begins and remove them after it ends, so they pass."""
    before = _window_words() or "&Reload"
    yield
    after = _window_words()
    if after is not None and after != before:
        pytest.fail(
            f"the test left the window's language changed ({before!r} -> {after!r}): "
            "remove the translators it installed (qapp.removeTranslator)"
        )


@pytest.fixture
def demo_login(monkeypatch):
    """The command line logs in as one of the demo's accounts (demo/accounts.py), as a
    script would: ``demo_login("accueil")``. Used as a plain fixture
    (``usefixtures("demo_login")``), it is the demo's administrator."""
    from tierslieu_desktop.demo.accounts import PASSWORD

    def as_account(name: str = "admin") -> None:
        monkeypatch.setenv("TIERSLIEU_USER", name)
        monkeypatch.setenv("TIERSLIEU_PASSWORD", PASSWORD)

    as_account()
    return as_account


_EMPTY: list[str] = []  # this worker's migrated empty database, made once


def _empty_database() -> str:
    """A migrated, empty database made once per test process: running the 23 migrations
    for every test took 0.4 s each (a third of the suite); a copy takes 2 ms."""
    if not _EMPTY:
        from tierslieu_desktop.db.engine import open_database

        path = os.path.join(tempfile.mkdtemp(prefix="tierslieu-empty-"), "empty.sqlite")
        open_database(path).dispose()
        _EMPTY.append(path)
    return _EMPTY[0]


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated, empty database: a copy of the worker's empty SQLite file, or with
    ``TIERSLIEU_TEST_ENGINE=postgresql`` a new database on ``TIERSLIEU_TEST_PG``'s server
    (see the PostgreSQL block below)."""
    if _on_postgresql():
        yield from _postgresql_database()
        return
    import sqlite3

    from tierslieu_desktop.db.engine import open_database

    target = tmp_path / "test.sqlite"
    source, copy = sqlite3.connect(_empty_database()), sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        source.close()
        copy.close()
    target.chmod(0o600)  # as open_database makes a new file
    database = open_database(str(target))
    yield database
    database.dispose()


# ---------------------------------------------------------------------------------------
# The suite on PostgreSQL (issue 20). ``TIERSLIEU_TEST_ENGINE=postgresql`` with
# ``TIERSLIEU_TEST_PG=postgresql+psycopg://user@host:port/postgres`` (``.ci/run`` starts
# such a server): each test process migrates a template database once and makes its
# working database from it (CREATE DATABASE … TEMPLATE); the ``db`` fixture opens that
# database, and after each test empties it again: every table but the seed's deleted with
# the triggers off (the insert-only ones too) and the used sequences set back to 1, in
# one round trip (~10 ms; a new database per test took 1–2 s, TRUNCATE 0.7 s). A test
# that changed the schema itself (a trigger, an index, a column), or whose connection
# still holds a lock, gets the working database made again from the template.
# Tests marked ``sqlite_only(reason)`` test SQLite itself (the file, its triggers seen
# through sqlite3, its locks, its backups) and are skipped there, with their reason.
# ---------------------------------------------------------------------------------------

ENGINE_VARIABLE = "TIERSLIEU_TEST_ENGINE"
SERVER_VARIABLE = "TIERSLIEU_TEST_PG"
_PG: dict[str, str] = {}  # this process's "template" and "working" database names
_PG_SEED_TABLES = ("alembic_version", "database_identity")  # written by the migrations
_PG_SCHEMA_PRINT = """
    SELECT (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal),
           (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped),
           (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n
             ON n.oid = c.connamespace WHERE n.nspname = 'public'),
           (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public')
"""


def _on_postgresql() -> bool:
    engine = os.environ.get(ENGINE_VARIABLE, "sqlite").strip().lower()
    if engine in ("", "sqlite"):
        return False
    if engine not in ("postgresql", "postgres", "pg"):
        raise pytest.UsageError(f"{ENGINE_VARIABLE}={engine!r}: sqlite or postgresql")
    if not os.environ.get(SERVER_VARIABLE):
        raise pytest.UsageError(f"{ENGINE_VARIABLE}=postgresql needs {SERVER_VARIABLE}")
    return True


def _server_url(database: str) -> str:
    return os.environ[SERVER_VARIABLE].rsplit("/", 1)[0] + "/" + database


def _pg_connect(database: str):
    """A plain psycopg connection (autocommit) to ``database`` on the test server."""
    import psycopg

    return psycopg.connect(_server_url(database).replace("+psycopg", "", 1), autocommit=True)


def _pg_admin(*statements: str) -> None:
    with _pg_connect(os.environ[SERVER_VARIABLE].rsplit("/", 1)[1]) as conn:
        for statement in statements:
            conn.execute(statement)


def _pg_schema_print(database: str) -> tuple:
    with _pg_connect(database) as conn:
        return tuple(conn.execute(_PG_SCHEMA_PRINT).fetchone())


def _pg_working_database() -> str:
    if not _PG:
        import atexit
        import uuid

        from tierslieu_desktop.db.engine import open_database

        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        stem = f"tl_{worker}_{uuid.uuid4().hex[:8]}"
        _PG["template"], _PG["working"] = f"{stem}_template", f"{stem}_working"
        _pg_admin(f'CREATE DATABASE "{_PG["template"]}"')
        atexit.register(
            _pg_admin,
            f'DROP DATABASE IF EXISTS "{_PG["working"]}" WITH (FORCE)',
            f'DROP DATABASE IF EXISTS "{_PG["template"]}" WITH (FORCE)',
        )
        open_database(_server_url(_PG["template"])).dispose()
        _PG["print"] = repr(_pg_schema_print(_PG["template"]))
        _pg_remake_working()
    return _PG["working"]


def _pg_remake_working() -> None:
    _pg_admin(
        f'DROP DATABASE IF EXISTS "{_PG["working"]}" WITH (FORCE)',
        f'CREATE DATABASE "{_PG["working"]}" TEMPLATE "{_PG["template"]}"',
    )


def _pg_empty_working() -> None:
    """Back to the template's state, or made again from it (see the block's comment)."""
    import psycopg

    name = _PG["working"]
    try:
        with _pg_connect(name) as conn:
            if repr(tuple(conn.execute(_PG_SCHEMA_PRINT).fetchone())) != _PG["print"]:
                raise LookupError("schema changed")
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
                if row[0] not in _PG_SEED_TABLES
            ]
            conn.execute(
                "BEGIN; SET LOCAL lock_timeout = '2s'; "
                "SET LOCAL session_replication_role = replica; "
                + " ".join(f'DELETE FROM "{table}";' for table in tables)
                + " SELECT setval(format('%I.%I', schemaname, sequencename), 1, false) "
                "FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL; "
                "COMMIT;"
            )
    except (psycopg.Error, LookupError):
        _pg_remake_working()


def _postgresql_database():
    from tierslieu_desktop.db.engine import open_database

    database = open_database(_server_url(_pg_working_database()))
    try:
        yield database
    finally:
        database.dispose()
        _pg_empty_working()


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): tests SQLite itself (its file, triggers seen through sqlite3, "
        "locks, file backups); skipped when the suite runs on PostgreSQL",
    )


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, the tests of the ``db`` fixture run; the others (pure rules, files,
    the demo's SQLite copies, the server tests of tests/db/test_postgresql.py) do the
    same on both passes and ran in the SQLite one: left out (deselected)."""
    if not _on_postgresql():
        return
    kept, engine_free = [], []
    for item in items:
        (kept if "db" in getattr(item, "fixturenames", ()) else engine_free).append(item)
        marker = item.get_closest_marker("sqlite_only")
        if marker is None:
            continue
        reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
        item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
    if engine_free:
        config.hook.pytest_deselected(items=engine_free)
        items[:] = kept


# --------------------------------------------------------------------------- end of block


@pytest.fixture
def operator(db):
    """The id of an operator sitting at the desk."""
    from tierslieu_desktop.services.people.operators import ensure_operator

    return ensure_operator(db)
