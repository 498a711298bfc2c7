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
    yield


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
# such a server): the ``db`` fixture gives each test a new database, created from a
# migrated template database made once per test process (CREATE DATABASE … TEMPLATE
# copies it in ~30 ms; the 23 migrations take seconds) and dropped after the test.
# Tests marked ``sqlite_only(reason)`` test SQLite itself (the file, its triggers seen
# through sqlite3, its locks, its backups) and are skipped there, with their reason.
# ---------------------------------------------------------------------------------------

ENGINE_VARIABLE = "TIERSLIEU_TEST_ENGINE"
SERVER_VARIABLE = "TIERSLIEU_TEST_PG"
_PG_TEMPLATE: list[str] = []  # this process's migrated template database, made once


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


def _admin_execute(*statements: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(os.environ[SERVER_VARIABLE], isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        admin.dispose()


def _postgresql_template() -> str:
    if not _PG_TEMPLATE:
        import atexit
        import uuid

        from tierslieu_desktop.db.engine import open_database

        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        name = f"tl_template_{worker}_{uuid.uuid4().hex[:8]}"
        _admin_execute(f'CREATE DATABASE "{name}"')
        atexit.register(_admin_execute, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        open_database(_server_url(name)).dispose()
        _PG_TEMPLATE.append(name)
    return _PG_TEMPLATE[0]


def _postgresql_database():
    import uuid

    from tierslieu_desktop.db.engine import open_database

    template = _postgresql_template()
    name = f"tl_test_{uuid.uuid4().hex[:12]}"
    _admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    database = open_database(_server_url(name))
    try:
        yield database
    finally:
        database.dispose()
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): tests SQLite itself (its file, triggers seen through sqlite3, "
        "locks, file backups); skipped when the suite runs on PostgreSQL",
    )


def pytest_collection_modifyitems(config, items):
    if not _on_postgresql():
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is None:
            continue
        reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
        item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


# --------------------------------------------------------------------------- end of block


@pytest.fixture
def operator(db):
    """The id of an operator sitting at the desk."""
    from tierslieu_desktop.services.people.operators import ensure_operator

    return ensure_operator(db)
