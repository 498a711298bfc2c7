"""Files with the lab's personal data are the user's alone (POSIX): 0600, folders 0700."""

from __future__ import annotations

import os
import stat

import pytest

from tierslieu_desktop import cli, config
from tierslieu_desktop.db.engine import HEAD_REVISION, backup_sqlite, open_database
from tierslieu_desktop.services.finance import exports
from tierslieu_desktop.services.people import members

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="POSIX file modes"),
    pytest.mark.usefixtures("demo_login"),  # the commands log in as the demo's admin
]


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _open_umask():
    """The usual umask, under which a plain open() makes files 0644 and folders 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_and_its_folders_are_private(tmp_path):
    path = tmp_path / "lab" / "data" / "tierslieu.sqlite"
    db = open_database(str(path))
    members.save_member(db, None, members.MemberInput(first_name="Ada", last_name="L"))
    assert _mode(path) == 0o600
    for suffix in ("-wal", "-shm"):
        assert _mode(path.with_name(path.name + suffix)) == 0o600
    db.dispose()
    assert _mode(tmp_path / "lab") == 0o700
    assert _mode(tmp_path / "lab" / "data") == 0o700


def test_the_backup_before_a_migration_is_never_less_protected(tmp_path, monkeypatch):
    import tierslieu_desktop.db.engine as engine_mod

    path = tmp_path / "old.sqlite"
    open_database(str(path)).dispose()
    path.chmod(0o644)
    monkeypatch.setattr(engine_mod, "HEAD_REVISION", "9999_pretend")
    monkeypatch.setattr(
        "tierslieu_desktop.db.migrations.runner.known_revisions",
        lambda: {HEAD_REVISION, "9999_pretend"},
    )
    monkeypatch.setattr("tierslieu_desktop.db.migrations.runner.upgrade", lambda engine: None)
    open_database(str(path)).dispose()
    (backup,) = tmp_path.glob("old.sqlite.before-9999_pretend-*.bak")
    assert _mode(backup) == 0o600  # personal data: never readable by others
    path.chmod(0o400)
    assert _mode(backup_sqlite(path, "copy")) == 0o400  # as protected as its original


def test_exports_with_personal_data_are_private(db, tmp_path, capsys):
    members.save_member(db, None, members.MemberInput(first_name="Ada", last_name="L"))
    xlsx, csv = tmp_path / "members.xlsx", tmp_path / "members.csv"
    csv.write_text("old")
    csv.chmod(0o644)  # an older export replaced: it becomes private too
    exports.export_xlsx(db, "members", None, xlsx)
    exports.export_csv(db, "members", None, csv)
    written = exports.export_fec(db, 2024, tmp_path)
    fec = getattr(written, "path", written)  # the path, or what was written and where
    assert [_mode(p) for p in (xlsx, csv, fec)] == [0o600, 0o600, 0o600]
    activity = tmp_path / "activity.xlsx"
    args = ["export", "activity", "--year", "2024", "-o", str(activity), "--db", db.target]
    assert cli.main(args) == 0
    assert _mode(activity) == 0o600
    report = tmp_path / "rapport.pdf"
    report.write_bytes(b"an older report")
    report.chmod(0o644)
    assert (
        cli.main(["report", "annual", "--year", "2024", "-o", str(report), "--db", db.target]) == 0
    )
    assert _mode(report) == 0o600  # replaced: private too


def test_the_settings_file_is_private():
    config.save_setting("language", "fr")
    settings = config.config_dir() / "settings.json"
    assert _mode(settings) == 0o600
    assert _mode(config.config_dir()) == 0o700
