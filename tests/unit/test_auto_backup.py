"""The window's own backups, without Qt: when one is due, where it goes, what is
remembered for Accueil, and the close → restore → reopen path."""

from __future__ import annotations

import dataclasses
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tierslieu_desktop import config
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.services.people.operators import create_operator, list_operators
from tierslieu_desktop.services.safety import auto_backup, backups
from tierslieu_desktop.services.safety.integrity import verify

# 22:30 in Paris on 5 March, then 00:10 on 6 March (winter: UTC+1)
EVENING = datetime(2026, 3, 5, 21, 30, tzinfo=UTC)
AFTER_MIDNIGHT = datetime(2026, 3, 5, 23, 10, tzinfo=UTC)

FILE_BACKUP = pytest.mark.sqlite_only(
    reason="the window's backups copy the SQLite file (on PostgreSQL: skipped, test below)"
)


@FILE_BACKUP
def test_daily_backup_due_once_per_local_day(db, operator):
    assert auto_backup.daily_due(db, EVENING)  # never backed up
    info = auto_backup.automatic_backup(db, EVENING, "daily")
    assert info is not None and info.path.parent == config.default_backup_dir()
    status = auto_backup.status()
    assert status.last is not None and status.last.folder == config.default_backup_dir()
    assert status.last_off_pc is None  # the default folder is on the PC
    # the clock says when: backups are timed by the real clock, the rule by the given one
    last = config.load_settings()["backup_last"]
    assert isinstance(last, dict)
    config.save_setting("backup_last", {**last, "at": EVENING.isoformat()})
    assert not auto_backup.daily_due(db, EVENING + timedelta(minutes=30))  # 23:00 local
    assert auto_backup.daily_due(db, AFTER_MIDNIGHT)  # the next day in Paris


@FILE_BACKUP
def test_chosen_folder_counts_as_off_pc_and_failure_is_remembered(db, operator, tmp_path):
    usb = tmp_path / "usb"
    config.save_setting("backup_dir", str(usb))
    info = auto_backup.automatic_backup(db, EVENING, "close")
    assert info is not None and info.path.parent == usb
    status = auto_backup.status()
    assert status.last_off_pc is not None and status.last_off_pc.folder == usb
    assert auto_backup.is_off_pc(usb)
    assert not auto_backup.is_off_pc(config.data_dir() / "ailleurs")
    # the stick is pulled out: its mount point is now a file nobody can write into
    shutil.rmtree(usb)
    usb.write_text("plus de clé")
    assert auto_backup.automatic_backup(db, EVENING, "close") is None  # never raises
    failure = auto_backup.status().failure
    assert failure is not None and failure.folder == usb and failure.message
    assert auto_backup.status().last_off_pc == status.last_off_pc  # the older success kept


def test_demo_backups_go_to_their_own_folder_and_are_not_remembered(tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    config.save_setting("backup_dir", str(usb))
    demo = open_database(str(config.demo_database_path()))
    try:
        assert auto_backup.is_demo(demo)
        info = auto_backup.automatic_backup(demo, EVENING, "close")
        assert info is not None and info.path.parent == config.data_dir() / "sauvegardes-demo"
        assert not auto_backup.daily_due(demo, EVENING)
    finally:
        demo.dispose()
    assert not usb.exists()
    assert auto_backup.status().last is None


def test_postgresql_is_skipped(tmp_path):
    class Fake:
        is_sqlite = False
        target = "postgresql+psycopg://desk/lab"
        read_only = False

    assert auto_backup.automatic_backup(Fake(), EVENING, "close") is None  # type: ignore[arg-type]
    assert not auto_backup.daily_due(Fake(), EVENING)  # type: ignore[arg-type]
    assert auto_backup.status().failure is None


@FILE_BACKUP
def test_restore_and_reopen_puts_the_backup_back(db, operator, tmp_path):
    info = backups.make_backup(db, tmp_path / "sauv")
    create_operator(db, "Après la sauvegarde")
    result = auto_backup.restore_and_reopen(db, info.path)
    try:
        assert result.error is None and result.aside is not None and result.aside.exists()
        names = [o.name for o in list_operators(result.db)]
        assert "Après la sauvegarde" not in names
        assert verify(result.db) == []
    finally:
        result.db.dispose()


@FILE_BACKUP
def test_restore_refused_reopens_the_same_file(db, operator, tmp_path):
    bad = tmp_path / "tierslieu-20200101-000000.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(2000))
    create_operator(db, "Reste là")
    result = auto_backup.restore_and_reopen(db, bad)
    try:
        assert result.error is not None and result.error.code == "backup_damaged"
        assert "Reste là" in [o.name for o in list_operators(result.db)]
    finally:
        result.db.dispose()


# accented phrases: a short ASCII one could appear by chance in the base64 of the key
@pytest.mark.parametrize("phrase", ["clé", "Été 2026 à Figeac"])
def test_passphrase_set_remembers_a_key_not_the_phrase(phrase):
    auto_backup.set_passphrase(phrase)
    text = (Path(os.environ["TIERSLIEU_CONFIG_DIR"]) / "settings.json").read_text()
    assert phrase not in text
    assert auto_backup.status().encrypted
    auto_backup.set_passphrase(None)
    assert not auto_backup.status().encrypted


@FILE_BACKUP
def test_a_damaged_copy_is_not_kept_and_the_failure_is_remembered(db, operator, monkeypatch):
    real = backups._check_file
    monkeypatch.setattr(
        backups, "_check_file", lambda p, full=True: dataclasses.replace(real(p), ok=False)
    )
    folder = config.default_backup_dir()
    assert auto_backup.automatic_backup(db, EVENING, "close") is None
    assert not list(folder.glob("tierslieu-*"))
    failure = auto_backup.status().failure
    assert failure is not None and failure.message == "backup_copy_damaged"
    assert auto_backup.status().last is None
