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


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated, empty SQLite database."""
    from tierslieu_desktop.db.engine import open_database

    database = open_database(str(tmp_path / "test.sqlite"))
    yield database
    database.dispose()


@pytest.fixture
def operator(db):
    """The id of an operator sitting at the desk."""
    from tierslieu_desktop.services.people.operators import ensure_operator

    return ensure_operator(db)
