"""Backups: ``tierslieu backup`` / ``backups`` / ``restore``, rotation, and the checks a
user counts on (a damaged copy is said and refused, files private)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from tierslieu_desktop import cli
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.safety import backups

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    from tierslieu_desktop.demo.builder import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(str(path), size="small")
    return path


@pytest.fixture
def demo(tmp_path, demo_template) -> Path:
    path = tmp_path / "lab.sqlite"
    shutil.copy(demo_template, path)
    return path


def _count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def _only_backup(folder: Path) -> Path:
    (found,) = [p for p in folder.iterdir() if p.name.startswith("tierslieu-")]
    return found


def test_backup_then_restore_round_trips_and_verify_is_clean(demo, tmp_path, capsys):
    folder = tmp_path / "sauv"
    members, operators = _count(demo, "member"), _count(demo, "operator")
    assert cli.main(["backup", "--db", str(demo), "-o", str(folder)]) == 0
    out = capsys.readouterr().out
    copy = _only_backup(folder)
    assert str(copy) in out and "Sauvegarde écrite" in out
    assert "adhérents" in out and "factures et avoirs" in out
    # A change after the backup (a new operator at the desk) ...
    con = sqlite3.connect(demo)
    con.execute("INSERT INTO operator (name, active, created_at) VALUES ('Après', 1, '2026-01-01')")
    con.commit()
    con.close()
    assert _count(demo, "operator") == operators + 1
    # ... is gone once the backup is restored; the previous file is kept aside.
    assert cli.main(["restore", str(copy), "--db", str(demo)]) == 0
    out = capsys.readouterr().out
    aside = next(tmp_path.glob("lab.sqlite.before-restore-*.sqlite"))
    assert str(aside) in out
    assert _count(demo, "operator") == operators
    assert _count(demo, "member") == members
    assert _count(aside, "operator") == operators + 1
    assert cli.main(["verify", "--db", str(demo)]) == 0
    assert "Base intègre." in capsys.readouterr().out


def test_backup_during_an_open_write_transaction_is_consistent(demo, tmp_path):
    db = open_database(str(demo))
    other = sqlite3.connect(demo, isolation_level=None)
    try:
        before = _count(demo, "operator")
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO operator (name, active, created_at) VALUES ('Pas fini', 1, '2026-01-01')"
        )
        info = backups.make_backup(db, tmp_path / "sauv")
        other.execute("COMMIT")
    finally:
        other.close()
        db.dispose()
    assert info.ok
    assert info.members == _count(demo, "member")
    assert _count(info.path, "operator") == before  # the uncommitted row is not in it
    assert _count(demo, "operator") == before + 1
    assert info.taken_at.tzinfo is not None
    assert info.size == info.path.stat().st_size
    assert not Path(f"{info.path}-wal").exists()  # one self-contained file
    con = sqlite3.connect(info.path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def _name(t: datetime) -> str:
    return f"tierslieu-{t:%Y%m%d-%H%M%S}.sqlite"


def test_rotation_keeps_7_days_5_weeks_12_months_and_the_newest(tmp_path):
    folder = tmp_path / "sauv"
    folder.mkdir()
    first = datetime(2025, 1, 1, tzinfo=UTC)
    # Two backups a day (09:00 and 21:00 in Paris) from 1 January 2025 to 1 March 2026.
    day = first
    while day <= datetime(2026, 3, 1, tzinfo=UTC):
        for hour in (8, 20):
            (folder / _name(day.replace(hour=hour))).touch()
        day += timedelta(days=1)
    future = folder / _name(datetime(2026, 3, 5, 8, tzinfo=UTC))  # a clock put back
    future.touch()
    (folder / "notes.txt").write_text("not a backup")
    now = datetime(2026, 3, 1, 21, tzinfo=UTC)  # a Sunday
    deleted = backups.rotate(folder, now)
    kept = sorted(p.name for p in folder.iterdir())

    def evening(y: int, m: int, d: int) -> str:
        return _name(datetime(y, m, d, 20, tzinfo=UTC))

    expected = {
        # the last 7 days (1 March is the newest backup)
        *(evening(2026, 2, d) for d in range(23, 29)),
        evening(2026, 3, 1),
        # the last 5 ISO weeks: their Sundays
        *(evening(2026, 2, d) for d in (1, 8, 15, 22)),
        # the last 12 months: their last day
        evening(2026, 1, 31),
        *(evening(2025, m, d) for m, d in ((12, 31), (11, 30), (10, 31), (9, 30), (8, 31))),
        *(evening(2025, m, d) for m, d in ((7, 31), (6, 30), (5, 31), (4, 30))),
        future.name,
        "notes.txt",
    }
    assert set(kept) == expected
    assert len(deleted) == 2 * 425 + 1 - (len(expected) - 1)
    assert backups.rotate(folder, now) == []  # a second pass deletes nothing more


def test_rotation_never_deletes_the_only_backup(tmp_path):
    folder = tmp_path / "sauv"
    folder.mkdir()
    old = folder / _name(datetime(2019, 5, 1, tzinfo=UTC))
    old.touch()
    assert backups.rotate(folder, datetime(2026, 3, 1, tzinfo=UTC)) == []
    assert old.exists()


def test_damaged_backup_listed_as_endommagee_and_refused_by_restore(demo, tmp_path, capsys):
    folder = tmp_path / "sauv"
    assert cli.main(["backup", "--db", str(demo), "-o", str(folder)]) == 0
    good = _only_backup(folder)
    damaged = folder / _name(datetime(2020, 1, 1, tzinfo=UTC))
    data = good.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])  # cut short
    capsys.readouterr()
    assert cli.main(["backups", "-o", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "intègre" in lines[0] and str(good) in lines[0]  # newest first
    assert "endommagée" in lines[1] and str(damaged) in lines[1]
    before = demo.read_bytes()
    assert cli.main(["restore", str(damaged), "--db", str(demo)]) == 1
    err = capsys.readouterr().err
    assert "endommagée" in err and "Traceback" not in err
    assert demo.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_refuses_a_file_of_another_software(demo, tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(DomainError) as exc:
        backups.restore(demo, other)
    assert exc.value.code == "backup_not_tierslieu"


def test_restore_refused_while_the_database_is_open(demo, tmp_path, capsys):
    folder = tmp_path / "sauv"
    assert cli.main(["backup", "--db", str(demo), "-o", str(folder)]) == 0
    copy = _only_backup(folder)
    db = open_database(str(demo))
    try:
        with db.read() as session:
            session.connection()
        assert cli.main(["restore", str(copy), "--db", str(demo)]) == 1
        assert "fermez-la" in capsys.readouterr().err
        with pytest.raises(DomainError) as exc:
            backups.restore(demo, copy)
        assert exc.value.code == "database_in_use"
    finally:
        db.dispose()
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_backup_of_a_postgresql_database_without_pg_dump_names_the_package(tmp_path, monkeypatch):
    # a stand-in for a PostgreSQL Database: the body itself, past the guard (which wants a
    # real Database to read its operator from); the dump itself: tests/db/test_server_backups
    monkeypatch.setattr("shutil.which", lambda name: None)
    fake = SimpleNamespace(is_sqlite=False, target="postgresql://lab/tierslieu")
    with pytest.raises(DomainError) as exc:
        backups._make_backup_impl(fake, tmp_path / "sauv")  # type: ignore[arg-type]
    assert exc.value.code == "pg_tool_missing"
    assert exc.value.params == {"tool": "pg_dump", "package": "postgresql-client"}
    assert not (tmp_path / "sauv").exists()


def test_a_server_dump_is_not_restored_over_a_file(tmp_path):
    dump = tmp_path / "tierslieu-20261206-230000.dump"
    dump.write_bytes(b"PGDMP" + bytes(100))
    with pytest.raises(DomainError) as exc:
        backups.restore(tmp_path / "base.sqlite", dump)
    assert exc.value.code == "restore_on_server"
    assert not (tmp_path / "base.sqlite").exists()


def test_dumps_and_copies_share_names_and_rotation(tmp_path):
    now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
    for day in range(1, 21):
        (tmp_path / f"tierslieu-202611{day:02d}-120000.dump").write_bytes(b"PGDMP")
    (tmp_path / "tierslieu-20261206-110000.sqlite").write_bytes(b"")
    removed = backups.rotate(tmp_path, now)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert "tierslieu-20261206-110000.sqlite" in kept  # the newest, whatever its kind
    # the last 7 days that have one, the newest of 5 weeks, of 12 months: dumps alike
    assert len(kept) == 9 and len(removed) == 12
    listed = backups.list_backups(tmp_path)
    assert listed[0].path.suffix == ".sqlite" and not listed[0].server
    assert all(b.server and b.ok and b.members is None for b in listed[1:])


def test_default_folder_is_sauvegardes_in_the_data_folder(demo, tmp_path, capsys):
    assert cli.main(["backup", "--db", str(demo)]) == 0
    folder = Path(os.environ["TIERSLIEU_DATA_DIR"]) / "sauvegardes"
    copy = _only_backup(folder)
    capsys.readouterr()
    assert cli.main(["backups"]) == 0
    assert str(copy) in capsys.readouterr().out


@POSIX_ONLY
def test_backup_is_0600_in_a_0700_folder_and_restore_keeps_modes(demo, tmp_path):
    os.chmod(demo, 0o644)
    folder = tmp_path / "deep" / "sauv"
    db = open_database(str(demo))
    try:
        info = backups.make_backup(db, folder)
    finally:
        db.dispose()
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    aside = backups.restore(demo, info.path)
    assert aside is not None
    assert stat.S_IMODE(aside.stat().st_mode) == 0o644  # moved aside as it was
    assert stat.S_IMODE(demo.stat().st_mode) == 0o600  # the original's, at most 0600


def test_two_backups_in_the_same_second_the_later_one_is_kept(demo, tmp_path, capsys):
    folder = tmp_path / "sauv"
    folder.mkdir()
    t = datetime(2026, 3, 1, 20, tzinfo=UTC)
    first = folder / _name(t)
    second = folder / _name(t).replace(".sqlite", "-1.sqlite")
    for path in (first, second):
        shutil.copy(demo, path)
    assert backups.rotate(folder, t) == [first]
    assert [b.path for b in backups.list_backups(folder)] == [second]
    shutil.copy(demo, first)
    assert [b.path for b in backups.list_backups(folder)] == [second, first]
