"""Backups of a PostgreSQL database (issue 20, point 7): ``pg_dump -Fc`` into the same
folder, with the same names and rotation as the SQLite copies (``backups``):
``tierslieu-YYYYMMDD-HHMMSS.dump`` (the time in UTC), private (0600), encrypted with the
remembered passphrase as ``….dump.enc``.

The dump and the counts it is listed with come from one snapshot: a REPEATABLE READ
transaction exports it (``pg_export_snapshot``), counts the members and invoices, and
``pg_dump --snapshot`` dumps exactly that state while the transaction stays open — other
desks keep working meanwhile. ``pg_dump`` is PostgreSQL's own client (package
postgresql-client on Debian/Ubuntu; on Windows, the PostgreSQL installer's bin folder);
without it the backup is refused in words naming the package. The password never goes on
a command line: libpq reads it from the environment or the password file Paramètres wrote.

Restoring a server's backup is not done by the application: it replaces the database of
every desk at once, so it is done on the server, the desks closed, by ``pg_restore``
(packaging/server/README-SERVEUR.md, « Restaurer une sauvegarde »); ``tierslieu restore``
says so (``restore_on_server``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tierslieu_desktop.db.engine import Database, is_connection_lost, server_connect_args
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.fileperms import POSIX, PRIVATE_FILE

DUMP_MAGIC = b"PGDMP"  # the first bytes of a pg_dump custom-format file
CLIENT_PACKAGE = "postgresql-client"
DUMP_TIMEOUT_S = 3600


def pg_tool(name: str) -> str:
    """The path of PostgreSQL's ``name`` (pg_dump, pg_restore) on PATH, or
    ``DomainError("pg_tool_missing")`` naming the package to install."""
    found = shutil.which(name)
    if found is None:
        raise DomainError("pg_tool_missing", tool=name, package=CLIENT_PACKAGE)
    return found


def _libpq_target(db: Database) -> tuple[str, dict[str, str]]:
    """The database as libpq's URI without its password, and the environment that gives
    the password (``PGPASSWORD`` from the URL, or ``PGPASSFILE``: Paramètres' file)."""
    url = make_url(db.target) if "://" in db.target else db.engine.url
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    passfile = server_connect_args(db.target).get("passfile")
    if passfile:
        env["PGPASSFILE"] = str(passfile)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def is_dump(path: Path) -> bool:
    """A pg_dump custom-format file (by its first bytes)."""
    try:
        with path.open("rb") as f:
            return f.read(len(DUMP_MAGIC)) == DUMP_MAGIC
    except OSError:
        return False


def _dump_into(db: Database, dest: Path) -> tuple[int, int]:
    """``pg_dump -Fc`` of ``db`` into ``dest`` (an existing private file); returns the
    members and invoices (invoices and credit notes) of the dumped snapshot."""
    pg_dump = pg_tool("pg_dump")
    try:
        return _dump(db, pg_dump, dest)
    except DBAPIError as exc:
        if is_connection_lost(exc):
            raise db.unreachable(exc) from exc
        raise


def _dump(db: Database, pg_dump: str, dest: Path) -> tuple[int, int]:
    uri, env = _libpq_target(db)
    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            members = conn.execute(text("SELECT count(*) FROM member")).scalar_one()
            invoices = conn.execute(text("SELECT count(*) FROM invoice")).scalar_one()
            done = subprocess.run(
                [
                    pg_dump,
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    "--no-password",
                    f"--file={dest}",
                    f"--dbname={uri}",
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=DUMP_TIMEOUT_S,
                check=False,
            )
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise DomainError("backup_dump_failed", detail=lines[-1] if lines else "")
    return int(members), int(invoices)


def dump_is_whole(path: Path) -> bool:
    """``pg_restore --list`` reads the whole table of contents: the file is a whole dump.
    Without pg_restore, the first bytes only."""
    try:
        pg_restore = pg_tool("pg_restore")
    except DomainError:
        return is_dump(path)
    done = subprocess.run(
        [pg_restore, "--list", str(path)], capture_output=True, timeout=120, check=False
    )
    return done.returncode == 0


def scratch_file() -> Path:
    """A private temporary file (the clear dump of an encrypted backup), never in the
    backup folder."""
    fd, name = tempfile.mkstemp(prefix=".tierslieu-dump-", suffix=".tmp")
    if POSIX:
        os.fchmod(fd, PRIVATE_FILE)
    os.close(fd)
    return Path(name)
