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
    """A fresh, migrated, empty SQLite database (a copy of the worker's empty one)."""
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


@pytest.fixture
def operator(db):
    """The id of an operator sitting at the desk."""
    from tierslieu_desktop.services.people.operators import ensure_operator

    return ensure_operator(db)
