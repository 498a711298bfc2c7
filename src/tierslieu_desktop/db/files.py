"""The database file before SQLAlchemy: where it is, whether it is ours and at which
revision, why it cannot be opened. Uses ``sqlite3`` alone, so that the window can say
"this is not a Tiers-Lieu database" (or know the file is ready) before the 0.3 s of
importing SQLAlchemy and mapping the models; ``db.engine`` re-exports every name."""

from __future__ import annotations

import os
import re
import sqlite3
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tierslieu_desktop.db.migrations import HEAD_REVISION

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


class DatabaseOpenError(Exception):
    """The target cannot be used. ``code`` is one of: not_a_database, foreign_database,
    newer_than_app, cannot_open, not_found, empty (a 0-byte file), damaged (an SQLite
    file cut short or with unreadable pages; ``detail`` says what was seen),
    read_only_outdated (an older schema that cannot be upgraded in a read-only file).
    The file is left untouched in every case."""

    def __init__(self, code: str, target: str, detail: str = "") -> None:
        self.code = code
        self.target = shown_target(target)  # only ever shown (a file path is unchanged)
        self.detail = detail
        super().__init__(f"{code}: {self.target} {detail}".strip())


def resolve_target(arg: str | None) -> str:
    """``--db`` wins, then ``TIERSLIEU_DB``, then the database chosen in Paramètres, then
    the default file in the user data dir."""
    from tierslieu_desktop.config import default_database_path, saved_database_target

    return (
        arg
        or os.environ.get("TIERSLIEU_DB")
        or saved_database_target()
        or str(default_database_path())
    )


def is_url(target: str) -> bool:
    return "://" in target


_URL_PASSWORD = re.compile(r"(://[^/@:]*:)[^@/]*@")
_QUERY_PASSWORD = re.compile(r"([?&]password=)[^&]*", re.IGNORECASE)


def shown_target(target: str) -> str:
    """The database as shown to people and written to logs: a server URL's password
    (``postgresql+psycopg://user:secret@host/db`` or ``?password=``) replaced by ``***``.
    Every message, status bar and report names the database by this, never by the raw
    ``--db`` (a password on the front desk's screen or in a crash report is a leak)."""
    if not is_url(target):
        return target
    return _QUERY_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1***@", target))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class SchemaState:
    exists: bool  # the file exists and holds our schema
    revision: str | None


def truncation(path: Path, header: bytes) -> str:
    """Why an SQLite file is shorter than its header says (empty when it is not). The
    page count of the header is trusted only when it is valid (offsets 24 and 92 agree),
    and not while a -wal file still holds pages of the database."""
    size = path.stat().st_size
    if len(header) < 100:
        return f"{size} octets, en-tête incomplet"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return ""
    if header[24:28] == header[92:96] and pages and size < pages * page_size:
        return f"{size} octets au lieu de {pages * page_size}"
    if page_size >= 512 and size % page_size:
        return f"{size} octets, pas un nombre entier de pages de {page_size}"
    return ""


class _OpenFile(Protocol):
    path: Path | None


# The SQLite files held open by this process's ``Database`` objects (until ``dispose``).
_HELD: weakref.WeakSet[_OpenFile] = weakref.WeakSet()


def held_database_files() -> list[Path]:
    """The SQLite database files this process holds open (a ``Database`` not disposed).

    POSIX advisory locks belong to the process: closing *any* descriptor of one of these
    files (or of its -wal/-shm) that SQLite did not open drops every lock SQLite holds on
    it, and another desk may then delete the -wal/-shm under our feet (SQLite, "How To
    Corrupt An SQLite Database File", 2.2). Code that opens files chosen by the user
    (the file dialogs) or inspects a database file asks here first."""
    return [db.path for db in list(_HELD) if db.path is not None]


def is_held(path: Path) -> bool:
    """``path`` is (the same file as) a database this process holds open. Only stat()."""
    for held in held_database_files():
        try:
            if held == path.resolve() or os.path.samefile(held, path):
                return True
        except OSError:
            continue
    return False


def inspect_sqlite_file(path: Path) -> SchemaState:
    """Look at a file read-only and say whether it is ours and at which revision.

    The header is read through a plain descriptor only when this process does not hold
    the file open: closing that descriptor would drop the locks of the held database
    (see ``held_database_files``). A held file is looked at through SQLite alone, which
    shares its locks between the connections of the process."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return SchemaState(False, None)
    if path.is_dir():
        raise DatabaseOpenError("not_a_database", str(path))
    if not is_held(path):
        try:
            with path.open("rb") as fh:
                header = fh.read(100)
        except OSError as exc:
            raise DatabaseOpenError("cannot_open", str(path), str(exc)) from None
        if header[:16] != SQLITE_HEADER:
            raise DatabaseOpenError("not_a_database", str(path))
        cut = truncation(path, header)
        if cut:
            raise DatabaseOpenError("damaged", str(path), f"fichier tronqué : {cut}")
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return SchemaState(False, None)
            if "alembic_version" not in tables or "member" not in tables:
                raise DatabaseOpenError("foreign_database", str(path))
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == SQLITE_CORRUPT:
            raise DatabaseOpenError("damaged", str(path), str(exc)) from None
        raise DatabaseOpenError("not_a_database", str(path), str(exc)) from None
    return SchemaState(True, row[0] if row else None)


def is_read_only(path: Path) -> bool:
    """The file, or the folder its -wal and -shm files go in, cannot be written."""
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def ready_to_open(target: str) -> bool:
    """``target`` is an SQLite file of ours at the current revision that this process may
    write: opening it migrates nothing and raises nothing that ``inspect_sqlite_file``
    could not see. The window is then shown before the database is opened; any other
    file (new, older, read-only, or wrong) is opened first, as it always was."""
    if is_url(target) and not target.startswith("sqlite:///"):
        return False
    path = Path(target.removeprefix("sqlite:///")).expanduser()
    try:
        if not path.is_file() or path.stat().st_size == 0 or is_read_only(path):
            return False
        return inspect_sqlite_file(path).revision == HEAD_REVISION
    except (DatabaseOpenError, OSError):
        return False
