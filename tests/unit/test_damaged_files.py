"""Damaged, truncated, empty and read-only files: said in words, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tierslieu_desktop import cli
from tierslieu_desktop.db import files as files_mod
from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n.findings import words

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """A real demo database (small), checkpointed into one file."""
    from tierslieu_desktop.demo.builder import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(str(path))
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")  # everything in the main file, no -wal
    con.close()
    return path


def _copy(demo_file, tmp_path, name):
    path = tmp_path / name
    shutil.copyfile(demo_file, path)
    return path


def _corrupted(demo_file, tmp_path):
    """Two pages in the middle of the file overwritten (a dead sector, a bad copy)."""
    path = _copy(demo_file, tmp_path, "corrupt.sqlite")
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xff" * 8192)
    return path


def _truncated(demo_file, tmp_path):
    path = _copy(demo_file, tmp_path, "truncated.sqlite")
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    return path


def _verify(path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", "verify", "--db", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_verify_names_a_corrupted_file_and_what_it_could_read(demo_file, tmp_path):
    path = _corrupted(demo_file, tmp_path)
    result = _verify(path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert "base endommagée" in first and "corrupt.sqlite" in first
    assert "tables lues (lignes)" in result.stderr
    assert "member 312" in result.stderr  # the members' pages were spared


def test_verify_names_a_truncated_file(demo_file, tmp_path):
    path = _truncated(demo_file, tmp_path)
    before = path.read_bytes()
    result = _verify(path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "base endommagée" in result.stderr
    assert "tronqué" in result.stderr
    assert path.read_bytes() == before


def test_opening_a_truncated_file_says_so(demo_file, tmp_path):
    path = _truncated(demo_file, tmp_path)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(str(path))
    assert caught.value.code == "damaged"
    assert "tronqué" in caught.value.detail


def test_a_zero_byte_file_is_empty_not_missing(tmp_path, capsys):
    path = tmp_path / "zero.sqlite"
    path.write_bytes(b"")
    assert cli.main(["verify", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "vide (0 octet)" in err and "n'existe pas" not in err
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(str(path))  # nor silently turned into a new database
    assert caught.value.code == "empty"
    assert path.read_bytes() == b""


def test_a_zero_byte_file_left_in_our_data_folder_is_created_again(tmp_path):
    from tierslieu_desktop import config

    path = config.default_database_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")  # the app was stopped right after creating it
    open_database(str(path)).dispose()
    assert path.stat().st_size > 0


@pytest.fixture
def read_only_file(tmp_path, monkeypatch):
    """A database the user cannot write. chmod 0444, and since root writes anyway, the
    access check told the truth a normal user would get."""
    from tierslieu_desktop.services.people.operators import ensure_operator

    path = tmp_path / "ro.sqlite"
    db = open_database(str(path))
    ensure_operator(db)  # opened once by the window
    db.dispose()
    path.chmod(0o444)
    if os.geteuid() == 0:
        real = os.access
        monkeypatch.setattr(
            files_mod.os,
            "access",
            lambda p, mode: False if mode == os.W_OK and str(p) == str(path) else real(p, mode),
        )
    yield path
    path.chmod(0o600)


def test_a_read_only_file_opens_and_refuses_every_write(read_only_file):
    before = read_only_file.read_bytes()
    db = open_database(str(read_only_file))
    try:
        assert db.read_only
        from tierslieu_desktop.services.people import members
        from tierslieu_desktop.services.people.operators import ensure_operator

        ensure_operator(db)  # the window's start reads only
        with pytest.raises(DomainError) as caught:
            members.save_member(db, None, members.MemberInput(first_name="Ada", last_name="L"))
        assert caught.value.code == "read_only"
    finally:
        db.dispose()
    assert read_only_file.read_bytes() == before


def test_closing_a_day_on_a_read_only_file_is_refused_in_words(read_only_file, capsys):
    code = cli.main(["close", "--day", "2024-01-02", "--db", str(read_only_file)])
    assert code == 1
    err = capsys.readouterr().err
    assert "lecture seule" in err


def test_verify_a_read_only_file(read_only_file, capsys):
    assert cli.main(["verify", "--db", str(read_only_file)]) == 0
    assert "intègre" in capsys.readouterr().out


def test_verify_names_an_index_that_no_longer_matches_its_table(demo_file, tmp_path):
    """The whole-file check (run beside the ledger's) still reports what only it sees:
    an index whose entries no longer match the rows (the pages themselves are sound)."""
    from tierslieu_desktop.services.safety.integrity import verify

    path = _copy(demo_file, tmp_path, "index.sqlite")
    con = sqlite3.connect(path)
    con.execute("PRAGMA writable_schema=ON")
    con.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_member_archived_sort_search"
        " ON member (archived, search_text, sort_name)'"
        " WHERE name = 'ix_member_archived_sort_search'"
    )
    con.commit()
    con.close()
    db = open_database(str(path), create=False)
    try:
        problems = words(verify(db), "fr")
    finally:
        db.dispose()
    assert any(
        p.startswith("integrity_check:") and "ix_member_archived_sort_search" in p for p in problems
    ), problems
