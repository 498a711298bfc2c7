"""A server URL's password never reaches a screen, a terminal or a report: the status
bar, Paramètres › Base de données, the CLI's messages (an open error, ``demo``,
``migrate``) and the errors of a lost server name the database with ``***`` in its place
(``db.files.shown_target``). Found by running the server install script for real: the
demo's message printed the password it had just been given."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tierslieu_desktop.db.engine import DatabaseOpenError, shown_target

SECRET = "GqGlIrwUAwqaadMz"
URL = f"postgresql+psycopg://tierslieu:{SECRET}@127.0.0.1:1/tierslieu?sslmode=require"


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        (URL, "postgresql+psycopg://tierslieu:***@127.0.0.1:1/tierslieu?sslmode=require"),
        (
            f"postgresql://lab@192.168.1.10/tierslieu?password={SECRET}&sslmode=require",
            "postgresql://lab@192.168.1.10/tierslieu?password=***&sslmode=require",
        ),
        (
            "postgresql+psycopg://tierslieu@server/tierslieu",
            "postgresql+psycopg://tierslieu@server/tierslieu",
        ),
        ("/home/accueil/tierslieu.sqlite", "/home/accueil/tierslieu.sqlite"),
        ("sqlite:////home/a:b@c/lab.sqlite", "sqlite:////home/a:b@c/lab.sqlite"),
    ],
)
def test_a_password_is_masked_and_nothing_else_changes(target, shown):
    assert shown_target(target) == shown


def test_an_open_error_does_not_carry_the_password():
    err = DatabaseOpenError("cannot_open", URL, "connection refused")
    assert SECRET not in err.target and SECRET not in str(err)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "TIERSLIEU_PASSWORD": "demo", "TIERSLIEU_LANG": "fr"},
    )


@pytest.mark.parametrize(
    "args",
    [
        ("verify", "--db", URL, "--user", "admin"),
        ("demo", "--db", URL),
        ("migrate", "--from", URL, "--to", URL.replace("tierslieu?", "autre?")),
    ],
)
def test_the_command_line_never_prints_the_password(args):
    """Port 1 refuses at once: every command says it cannot open the server, and the
    URL it names has no password."""
    done = _cli(*args)
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "127.0.0.1" in out  # it does name the database
    assert SECRET not in out


def test_the_window_and_the_errors_of_a_lost_server_hide_it(qapp, db, operator, monkeypatch):
    from tierslieu_desktop.app import build_main_window
    from tierslieu_desktop.ui.errors import error_message

    monkeypatch.setattr(db, "target", URL)
    monkeypatch.setattr(db, "is_sqlite", False)
    ctx, window = build_main_window(db, "fr")
    try:
        assert "tierslieu:***@127.0.0.1" in window.db_label.text()
        assert SECRET not in window.db_label.text() + window.db_label.toolTip()
        err = db.unreachable(OSError("server closed the connection unexpectedly"))
        assert SECRET not in str(err.params) and SECRET not in error_message(err)
    finally:
        window.close()
