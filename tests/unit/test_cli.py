"""The ``tierslieu`` command, run as a user would in a terminal."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, env_extra: dict[str, str] | None = None, timeout: int = 120):
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def test_opening_a_text_file_fails_cleanly_and_leaves_it_untouched(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_bytes(
        (ROOT / "README.md").read_bytes() if (ROOT / "README.md").exists() else b"# x\n"
    )
    before = readme.read_bytes()
    result = _run("--db", str(readme))
    assert result.returncode != 0
    assert "README.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert "n'est pas une base" in result.stderr  # French by default
    assert readme.read_bytes() == before
    # Nothing beside the file; data/ is conftest's data folder, where the log is written.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["README.md"]
    assert (tmp_path / "data" / "tierslieu.log").is_file()


def test_error_message_in_english_with_lang_en(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    result = _run("--db", str(bad), "--lang", "en")
    assert result.returncode != 0
    assert "is not a Tiers-Lieu database" in result.stderr


def test_new_path_creates_a_database_and_shows_the_window(tmp_path):
    path = tmp_path / "new.sqlite"
    result = _run("--db", str(path), env_extra={"TIERSLIEU_EXIT_WHEN_SHOWN": "1"})
    assert result.returncode == 0, result.stderr
    assert "shown_at=" in result.stdout
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert {"member", "machine", "audience", "alembic_version"} <= tables


def test_tierslieu_db_environment_variable_is_used(tmp_path):
    path = tmp_path / "from_env.sqlite"
    result = _run(
        "verify", env_extra={"TIERSLIEU_DB": str(path), "TIERSLIEU_DATA_DIR": str(tmp_path)}
    )
    # verify never creates a database: it says the file does not exist
    assert result.returncode == 1
    assert "from_env.sqlite" in result.stderr
    assert not path.exists()


def test_verify_a_sound_database(tmp_path):
    path = tmp_path / "ok.sqlite"
    assert _run("--db", str(path), env_extra={"TIERSLIEU_EXIT_WHEN_SHOWN": "1"}).returncode == 0
    result = _run("verify", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "intègre" in result.stdout


def test_default_database_lives_in_the_user_data_dir(tmp_path):
    data = tmp_path / "userdata"
    result = _run(
        env_extra={"TIERSLIEU_EXIT_WHEN_SHOWN": "1", "TIERSLIEU_DATA_DIR": str(data)},
    )
    assert result.returncode == 0, result.stderr
    assert (data / "tierslieu.sqlite").exists()


def test_without_any_screen_a_wrong_file_is_still_reported(tmp_path):
    """On a machine without display, Qt must not abort before the message is printed."""
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", "--db", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    assert "n'est pas une base" in result.stderr
    good = tmp_path / "new.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", "--db", str(good)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 3
    assert "Aucun écran" in result.stderr
    assert good.exists()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "lab.sqlite"],
        ["--db=postgresql+psycopg://lab@server/tierslieu"],
        ["--db="],
        ["--lang", "en"],
        ["--lang=fr", "--db", "a.sqlite", "--db", "b.sqlite"],
        ["--demo"],
        ["--demo", "--lang", "en"],
    ],
)
def test_the_window_s_start_is_read_as_the_full_command_line_reads_it(argv):
    """Issue 14: ``tierslieu [--db X] [--lang L] [--demo]`` is read without building every
    command's parser, into what that parser gives."""
    from tierslieu_desktop import cli

    fast = cli.window_start(argv)
    assert fast is not None
    assert vars(fast) == vars(cli._parser("fr").parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["verify"],
        ["--db", "lab.sqlite", "verify"],
        ["--help"],
        ["--version"],
        ["--user", "admin"],
        ["--lang", "de"],
        ["--lang"],
        ["--db"],
        ["--db", "--demo"],
        ["--la", "en"],
        ["--", "--db"],
    ],
)
def test_anything_else_goes_to_the_full_command_line(argv):
    """A command, --help, --version, --user, a wrong, missing or abbreviated value: the full
    parser reads it (its messages, its errors)."""
    from tierslieu_desktop import cli

    assert cli.window_start(argv) is None
