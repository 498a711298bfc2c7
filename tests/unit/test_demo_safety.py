"""``tierslieu demo`` never destroys real data: with or without ``--force`` it only ever
replaces a demo it wrote itself; a real database, another program's SQLite file or a file
that is not a database is left byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_ledger import issue

from tierslieu_desktop import cli, config
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.demo.builder import DEMO_MARK, build_demo
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.people.operators import ensure_operator

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

FROZEN = Path(__file__).resolve().parents[1] / "db" / "frozen"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def lab(tmp_path) -> Path:
    """The folder of the target, alone: nothing but it must be there afterwards (the data
    folder of conftest, where the app may write its log, is tmp_path/data)."""
    folder = tmp_path / "lab"
    folder.mkdir()
    return folder


def _first_names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT first_name FROM member ORDER BY id LIMIT 20")]
    finally:
        con.close()


def _user_version(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory) -> Path:
    """One small demo, built once; tests copy it."""
    path = tmp_path_factory.mktemp("built") / "demo.sqlite"
    build_demo(str(path))
    return path


def _real_with_invoice(path: Path) -> Path:
    """A real database: one member and one issued (sealed, paid) invoice."""
    db = open_database(str(path))
    try:
        operator = ensure_operator(db)
        member = save_member(db, operator, MemberInput(first_name="Inès", last_name="Réel"))
        issue(db, datetime(2026, 10, 5, 9, tzinfo=UTC), 1200, member_id=member)
    finally:
        db.dispose()
    return path


def _real_with_a_member(path: Path) -> Path:
    db = open_database(str(path))
    try:
        save_member(db, ensure_operator(db), MemberInput(first_name="Jean", last_name="Seul"))
    finally:
        db.dispose()
    return path


def test_force_on_a_database_holding_an_invoice_exits_non_zero_and_changes_no_byte(lab):
    """The acceptance of issue 13, run as a user would in a terminal."""
    real = _real_with_invoice(lab / "REAL.sqlite")
    before, files = _sha(real), _listing(lab)
    result = subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", "demo", "--force", "--db", str(real)],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.strip() == (
        f"tierslieu: « {real} » contient déjà des données : la démonstration ne remplace "
        "jamais une base réelle, même avec --force. Fichier laissé intact."
    )
    assert _sha(real) == before
    assert _listing(lab) == files  # no -wal, no backup, nothing beside it


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_a_real_database_with_only_a_member_is_refused(tmp_path, capsys, force):
    real = _real_with_a_member(tmp_path / "members.sqlite")
    before = _sha(real)
    assert cli.main(["demo", *force, "--db", str(real)]) == 1
    assert "ne remplace jamais une base réelle" in capsys.readouterr().err
    assert _sha(real) == before
    assert _first_names(real) == ["Jean"]


def test_an_older_real_database_is_refused_before_any_migration_or_backup(lab, capsys):
    """Opening it would have migrated it (and written a backup beside it) first."""
    real = lab / "old.sqlite"
    shutil.copyfile(FROZEN / "schema_0004_invoices.sqlite", real)
    before = _sha(real)
    assert cli.main(["demo", "--force", "--db", str(real)]) == 1
    assert "contient déjà des données" in capsys.readouterr().err
    assert _sha(real) == before
    assert _listing(lab) == ["old.sqlite"]


def test_a_text_file_is_refused_and_left_as_it_was(lab, capsys):
    notes = lab / "notes.sqlite"
    notes.write_text("Liste des adhérents à rappeler\n", encoding="utf-8")
    before = _sha(notes)
    assert cli.main(["demo", "--force", "--db", str(notes)]) == 1
    err = capsys.readouterr().err
    assert err == f"tierslieu: « {notes} » n'est pas une base Tiers-Lieu : fichier laissé intact.\n"
    assert _sha(notes) == before
    assert _listing(lab) == ["notes.sqlite"]


def test_another_programs_sqlite_database_is_refused_and_left_as_it_was(tmp_path, capsys):
    other = tmp_path / "photos.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO photo (name) VALUES ('fête du village')")
    con.commit()
    con.close()
    before = _sha(other)
    assert cli.main(["demo", "--force", "--db", str(other)]) == 1
    assert "base SQLite d'un autre logiciel : fichier laissé intact" in capsys.readouterr().err
    assert _sha(other) == before


def test_a_previous_demo_is_replaced_with_force_only(tmp_path, capsys, built_demo):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(built_demo, path)
    names = _first_names(path)
    assert cli.main(["demo", "--db", str(path)]) == 1
    assert "contient déjà une base de démonstration : ajoutez --force" in capsys.readouterr().err
    assert _first_names(path) == names
    assert cli.main(["demo", "--force", "--seed", "7", "--db", str(path)]) == 0
    assert "Base de démonstration créée" in capsys.readouterr().out
    assert _first_names(path) != names  # another seed: other people
    assert _user_version(path) == DEMO_MARK  # still marked: can be replaced again
    assert cli.main(["verify", "--db", str(path)]) == 0


def test_without_db_the_demo_never_touches_the_users_database(tmp_path, capsys, monkeypatch):
    """The data dir is tmp_path/data (conftest); even $TIERSLIEU_DB pointing at the real
    database does not send the demo there."""
    data = config.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    real = _real_with_invoice(config.default_database_path())
    monkeypatch.setenv("TIERSLIEU_DB", str(real))
    before = _sha(real)
    assert cli.main(["demo", "--force"]) == 0
    out = capsys.readouterr().out
    assert f"Base de démonstration créée : {config.demo_database_path()}" in out
    assert _sha(real) == before
    assert _user_version(config.demo_database_path()) == DEMO_MARK
    assert _user_version(real) == 0


def test_the_windows_demo_opens_the_demo_file_not_the_users_database(
    tmp_path, monkeypatch, built_demo
):
    """``tierslieu --demo`` (the desktop shortcut): the demo file, never the real one."""
    import tierslieu_desktop.app as app

    data = config.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    real = _real_with_invoice(config.default_database_path())
    shutil.copyfile(built_demo, config.demo_database_path())
    monkeypatch.setenv("TIERSLIEU_DB", str(real))
    opened: list[str | None] = []
    monkeypatch.setattr(app, "run", lambda target, lang: opened.append(target) or 0)
    before = _sha(real)
    assert cli.main(["--demo"]) == 0
    assert opened == [str(config.demo_database_path())]
    assert _sha(real) == before


def test_a_plain_build_marks_only_the_demo(tmp_path, built_demo):
    """The mark is what allows a later replacement: a real database never carries it."""
    assert _user_version(built_demo) == DEMO_MARK
    real = _real_with_a_member(tmp_path / "real.sqlite")
    assert _user_version(real) == 0
