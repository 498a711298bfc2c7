"""Backups of the SQLite database: taken while the app runs, listed, rotated, restored.
(A PostgreSQL database is dumped by ``pg_dump`` into the same folder under the same names
and rotation, ``….dump``: services.safety.server_backups; restored on the server.)

A backup is a single self-contained SQLite file ``tierslieu-YYYYMMDD-HHMMSS.sqlite``
(the time in UTC) in a private folder (0700), itself private (0600); encrypted with a
passphrase it is ``….sqlite.enc`` (``backup_crypto``). The anchor logs (``*.jsonl``) are
copied beside, into ``ancrages/``, at each backup. It is taken with
SQLite's online backup API from the connection the app already holds (never through a
second descriptor on the live file: closing it would drop the process's POSIX locks), so
it is a consistent snapshot even while another desk writes. Each copy is checked
(``PRAGMA integrity_check``) right after it is written.

``restore`` replaces the database file: it is for the command line, with the application
closed; it refuses while any connection holds the database.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.fileperms import (
    POSIX,
    PRIVATE_FILE,
    create_private_file,
    make_private_dirs,
)
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.safety import backup_crypto
from tierslieu_desktop.services.safety.backup_crypto import BackupKey

KEEP_DAILY = 7
KEEP_WEEKLY = 5
KEEP_MONTHLY = 12

_NAME = re.compile(r"^tierslieu-(\d{8}-\d{6})(?:-(\d+))?\.(?:sqlite|dump)(?:\.enc)?$")
# what a backup file ends with: an SQLite copy, or a PostgreSQL server's pg_dump
# (services.safety.server_backups), each in clear or encrypted
_SUFFIXES = (".sqlite", ".sqlite.enc", ".dump", ".dump.enc")
ANCHORS_SUBDIR = "ancrages"
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file. ``ok`` is False for a file SQLite finds damaged (or cannot read);
    its counts are then None. An ``encrypted`` one is listed with no counts (they are
    known once it is decrypted) and ``ok`` says only that its header and length are
    those of a whole file. A PostgreSQL server's dump (``server``) is listed by its
    first bytes, without counts; the one just taken has its snapshot's counts."""

    path: Path
    taken_at: datetime  # aware, UTC (from the file's name)
    size: int  # bytes
    members: int | None
    invoices: int | None  # invoices and credit notes
    ok: bool
    encrypted: bool = False

    @property
    def server(self) -> bool:
        return is_server_dump(self.path)


@dataclass(frozen=True)
class _Check:
    ok: bool
    members: int | None
    invoices: int | None
    revision: str | None  # alembic_version, None when the file has none


def _check_file(path: Path, *, full: bool = True) -> _Check:
    """Read ``path`` strictly read-only (``mode=ro``, ``immutable=1``: no -wal, no -shm,
    no lock) and say whether SQLite finds it intact. Never raises for a damaged file."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return _Check(False, None, None, None)
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            return _Check(False, None, None, None)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        members = invoices = None
        if "member" in tables:
            members = conn.execute("SELECT COUNT(*) FROM member").fetchone()[0]
        if "invoice" in tables:
            invoices = conn.execute("SELECT COUNT(*) FROM invoice").fetchone()[0]
        return _Check(True, members, invoices, revision)
    except sqlite3.Error:
        return _Check(False, None, None, None)
    finally:
        conn.close()


def _taken_at(path: Path) -> datetime | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _seq(path: Path) -> int:
    """The order of backups taken in the same second: ``-1``, ``-2``… come after none."""
    match = _NAME.match(path.name)
    return int(match.group(2)) if match and match.group(2) else 0


def _new_backup_file(directory: Path, now: datetime, suffix: str) -> Path:
    """Create (0600, empty) the next free ``tierslieu-<time>[-n]<suffix>`` (``.sqlite``,
    ``.dump``, encrypted ``….enc``): a name taken by any kind counts as taken, so the
    order of backups stays readable."""
    stamp = now.strftime(_STAMP)
    n = 0
    while True:
        base = f"tierslieu-{stamp}" + (f"-{n}" if n else "")
        dest = directory / f"{base}{suffix}"
        others = [directory / f"{base}{other}" for other in _SUFFIXES if other != suffix]
        if not any(other.exists() for other in others):
            try:
                create_private_file(dest)
                return dest
            except FileExistsError:
                pass
        n += 1


def _copy_database(db: Database, dest: Path) -> None:
    """SQLite's online backup from the connection the app holds into ``dest``."""
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
            # One self-contained file: no -wal beside the copy.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    finally:
        raw.close()  # back to the pool, never closed under the app's feet


def _scratch_file(db: Database) -> Path:
    """A private temporary file for the clear copy of an encrypted backup: beside the
    database (which is in clear there anyway), never in the backup folder (a USB stick
    or a synced folder would keep, or upload, what was deleted)."""
    for folder in (Path(db.target).parent, None):
        try:
            fd, name = tempfile.mkstemp(prefix=".tierslieu-backup-", suffix=".tmp", dir=folder)
        except OSError:
            continue
        if POSIX:
            os.fchmod(fd, PRIVATE_FILE)
        os.close(fd)
        return Path(name)
    raise OSError("no folder for a temporary file")


@guarded(Permission.BACKUPS)
def make_backup(
    db: Database,
    directory: Path,
    *,
    key: BackupKey | None = None,
    anchors: Path | None = None,
) -> BackupInfo:
    """Write a consistent copy of the open SQLite database into ``directory`` (created
    0700) as ``tierslieu-<UTC time>.sqlite`` (0600), then check the copy. With ``key``
    the copy is encrypted (``.sqlite.enc``; checked before it is encrypted). With
    ``anchors`` (the anchor log folder) its ``*.jsonl`` are copied into
    ``directory/ancrages`` (see ``copy_anchors``)."""
    return _make_backup_impl(db, directory, key=key, anchors=anchors)


def _make_backup_impl(
    db: Database,
    directory: Path,
    *,
    key: BackupKey | None = None,
    anchors: Path | None = None,
) -> BackupInfo:
    if not db.is_sqlite:
        return _dump_server(db, directory, key=key, anchors=anchors)
    make_private_dirs(directory)
    now = datetime.now(UTC).replace(microsecond=0)
    dest = _new_backup_file(directory, now, ".sqlite.enc" if key else ".sqlite")
    plain = _scratch_file(db) if key else dest

    def copy(file: Path) -> _Check:
        _copy_database(db, file)
        return _check_file(file)

    check = _written(dest, plain, key, copy)
    if anchors is not None:
        copy_anchors(anchors, directory)
    return BackupInfo(
        dest,
        now,
        dest.stat().st_size,
        check.members,
        check.invoices,
        check.ok,
        encrypted=key is not None,
    )


_T = TypeVar("_T")


def _written(dest: Path, plain: Path, key: BackupKey | None, write: Callable[[Path], _T]) -> _T:
    """``write(plain)`` (the copy of an SQLite file or a server's dump), then, with a key,
    ``plain`` (a scratch file) encrypted into ``dest``: ``dest`` removed when anything
    fails, the scratch file always. Returns what ``write`` returned."""
    try:
        result = write(plain)
        if key is not None:
            with plain.open("rb") as src, dest.open("r+b") as out:
                backup_crypto.encrypt_stream(src, out, key)
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    finally:
        if key is not None:
            plain.unlink(missing_ok=True)
    return result


def _dump_server(
    db: Database, directory: Path, *, key: BackupKey | None, anchors: Path | None
) -> BackupInfo:
    """A PostgreSQL database: its ``pg_dump -Fc`` as ``tierslieu-<UTC time>.dump[.enc]``
    (services.safety.server_backups), checked by ``pg_restore --list``."""
    from tierslieu_desktop.services.safety import server_backups

    server_backups.pg_tool("pg_dump")  # said before any file is made
    make_private_dirs(directory)
    now = datetime.now(UTC).replace(microsecond=0)
    dest = _new_backup_file(directory, now, ".dump.enc" if key else ".dump")
    plain = server_backups.scratch_file() if key else dest

    def dump(file: Path) -> tuple[int, int, bool]:
        members, invoices = server_backups._dump_into(db, file)
        return members, invoices, server_backups.dump_is_whole(file)

    members, invoices, ok = _written(dest, plain, key, dump)
    if anchors is not None:
        copy_anchors(anchors, directory)
    return BackupInfo(
        dest, now, dest.stat().st_size, members, invoices, ok, encrypted=key is not None
    )


def _starts_with(path: Path, prefix_file: Path) -> bool:
    """``path`` begins with the whole content of ``prefix_file``."""
    size = prefix_file.stat().st_size
    if path.stat().st_size < size:
        return False
    with path.open("rb") as a, prefix_file.open("rb") as b:
        while True:
            block = b.read(1 << 16)
            if not block:
                return True
            if a.read(len(block)) != block:
                return False


def copy_anchors(anchors: Path, directory: Path) -> list[Path]:
    """Copy every anchor log (``anchors/*.jsonl``) into ``directory/ancrages`` (0700,
    files 0600). An anchor log only grows, so the copy there is replaced by the newer
    file only when that file extends it; one that does not (cut or rewritten on the PC)
    is written beside, as ``<name>.<UTC time>.jsonl``, and the older copy is kept: no file
    there is ever deleted nor shortened, so a tampered log cannot erase the evidence the
    backup folder holds. Returns the files written."""
    if not anchors.is_dir():
        return []
    logs = sorted(p for p in anchors.glob("*.jsonl") if p.is_file())
    if not logs:
        return []
    target = directory / ANCHORS_SUBDIR
    make_private_dirs(target)
    written = []
    for src in logs:
        dest = target / src.name
        if dest.exists():
            if dest.stat().st_size == src.stat().st_size and _starts_with(src, dest):
                continue  # the same
            if not _starts_with(src, dest):
                size = src.stat().st_size
                if any(
                    c.stat().st_size == size and _starts_with(src, c)
                    for c in target.glob(f"{src.stem}.*{src.suffix}")
                ):
                    continue  # this version is already kept beside
                stamp = datetime.now(UTC).strftime(_STAMP)
                dest = target / f"{src.stem}.{stamp}{src.suffix}"
                if dest.exists():
                    continue
        tmp = target / f".{src.name}.copie"
        tmp.unlink(missing_ok=True)
        create_private_file(tmp)
        try:
            with src.open("rb") as fin, tmp.open("r+b") as fout:
                shutil.copyfileobj(fin, fout)
                fout.flush()
                os.fsync(fout.fileno())
            os.replace(tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        written.append(dest)
    return written


def list_backups(directory: Path) -> list[BackupInfo]:
    """The backups in ``directory``, newest first; a damaged one has ``ok`` False; an
    encrypted one has no counts (``encrypted``)."""
    if not directory.is_dir():
        return []
    found: list[BackupInfo] = []
    for path in directory.iterdir():
        taken_at = _taken_at(path)
        if taken_at is None or not path.is_file():
            continue
        found.append(describe_backup(path))
    found.sort(key=lambda b: (b.taken_at, _seq(b.path), b.path.name), reverse=True)
    return found


def newest_taken_at(directory: Path) -> datetime | None:
    """When the newest backup of ``directory`` was taken, from the names alone (no file
    opened: cheap on a screen)."""
    if not directory.is_dir():
        return None
    times = [t for p in directory.iterdir() if (t := _taken_at(p)) is not None]
    return max(times, default=None)


def is_server_dump(path: Path) -> bool:
    """A PostgreSQL server's backup (pg_dump), by its name: ``….dump`` or ``….dump.enc``."""
    return path.name.endswith((".dump", ".dump.enc"))


def describe_backup(path: Path) -> BackupInfo:
    """One backup file, ours by its name or chosen elsewhere (its time is then the file's
    modification time): encrypted ones by their header, the others by SQLite's quick
    check and their counts."""
    taken_at = _taken_at(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(
        microsecond=0
    )
    size = path.stat().st_size
    if backup_crypto.is_encrypted(path):
        whole = backup_crypto.looks_whole(path)
        return BackupInfo(path, taken_at, size, None, None, whole, encrypted=True)
    if is_server_dump(path):
        from tierslieu_desktop.services.safety.server_backups import is_dump

        return BackupInfo(path, taken_at, size, None, None, is_dump(path))
    check = _check_file(path, full=False)
    return BackupInfo(path, taken_at, size, check.members, check.invoices, check.ok)


def backups_to_keep(taken: list[tuple[Path, datetime]], now: datetime) -> set[Path]:
    """The files rotation keeps: the newest one, and the newest of each of the last 7 days,
    5 ISO weeks and 12 months that have a backup (local time). Counting the periods that
    have a backup, not calendar periods back from ``now``, a long pause deletes nothing
    more. A file dated after ``now`` (a clock put back) is kept and counts for nothing."""
    keep = {p for p, t in taken if t > now}
    past = sorted(((t, _seq(p), p) for p, t in taken if t <= now), reverse=True)
    if past:
        keep.add(past[0][2])

    def newest_per(key: str, count: int) -> None:
        seen: list[object] = []
        for t, _n, p in past:
            local = to_local(t)
            period: object
            if key == "day":
                period = local.date()
            elif key == "week":
                period = local.isocalendar()[:2]
            else:
                period = (local.year, local.month)
            if period in seen:
                continue
            seen.append(period)
            if len(seen) > count:
                return
            keep.add(p)

    newest_per("day", KEEP_DAILY)
    newest_per("week", KEEP_WEEKLY)
    newest_per("month", KEEP_MONTHLY)
    return keep


def rotate(directory: Path, now: datetime) -> list[Path]:
    """Delete the backups rotation does not keep (see ``backups_to_keep``); return them."""
    if not directory.is_dir():
        return []
    taken: list[tuple[Path, datetime]] = []
    for path in directory.iterdir():
        t = _taken_at(path)
        if t is not None and path.is_file():
            taken.append((path, t))
    keep = backups_to_keep(taken, now)
    deleted = []
    for path, _t in taken:
        if path not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return sorted(deleted)


def _release_or_refuse(db_path: Path) -> None:
    """Fold the -wal into the file and leave it in rollback-journal mode, which SQLite only
    allows when no other connection holds it: ``database_in_use`` otherwise. A file SQLite
    cannot read at all (damaged) is let through: replacing it is the point."""
    try:
        conn = sqlite3.connect(db_path, timeout=0)
    except sqlite3.Error:
        return
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise DomainError("database_in_use", target=str(db_path))
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise DomainError("database_in_use", target=str(db_path)) from exc
    except sqlite3.DatabaseError:
        pass
    finally:
        conn.close()


def restore(db_path: Path, backup_file: Path, passphrase: str | None = None) -> Path | None:
    """Put ``backup_file`` in place of the database at ``db_path`` (application closed).

    Refuses with a DomainError, leaving every file as it was: ``backup_not_found``,
    ``restore_same_file``, ``backup_damaged`` (SQLite's integrity check fails, or an
    encrypted file was altered or cut), ``backup_not_tierslieu`` (no alembic_version),
    ``backup_newer_than_app``, ``database_in_use`` (a connection holds the database),
    and for an encrypted backup (``.sqlite.enc``) ``backup_passphrase_required`` and
    ``backup_wrong_passphrase``. The current file is moved aside as
    ``<name>.before-restore-<time>.sqlite`` (mode kept) and its path returned (None when
    there was no file); the restored file gets the original's mode, at most 0600."""
    from tierslieu_desktop.db.migrations.runner import known_revisions

    if not backup_file.is_file():
        raise DomainError("backup_not_found", file=str(backup_file))
    if is_server_dump(backup_file):
        raise DomainError("restore_on_server", file=str(backup_file))
    if db_path.exists() and db_path.resolve() == backup_file.resolve():
        raise DomainError("restore_same_file", file=str(backup_file))
    encrypted = backup_crypto.is_encrypted(backup_file)
    if encrypted and not passphrase:
        raise DomainError("backup_passphrase_required", file=str(backup_file))
    key = backup_crypto.key_for(backup_file, passphrase or "") if encrypted else None
    if not db_path.exists():
        make_private_dirs(db_path.parent)
    # The copy (or the decrypted file) is written and checked first, beside the database.
    tmp = db_path.with_name(f"{db_path.name}.restoring")
    tmp.unlink(missing_ok=True)
    create_private_file(tmp)
    try:
        with backup_file.open("rb") as src, tmp.open("r+b") as dst:
            if key is not None:
                backup_crypto.decrypt_stream(src, dst, key, str(backup_file))
            else:
                shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        check = _check_file(tmp)
        if not check.ok:
            raise DomainError("backup_damaged", file=str(backup_file))
        if check.revision is None:
            raise DomainError("backup_not_tierslieu", file=str(backup_file))
        if check.revision not in known_revisions():
            raise DomainError("backup_newer_than_app", file=str(backup_file))
        mode = PRIVATE_FILE
        aside: Path | None = None
        if db_path.exists():
            _release_or_refuse(db_path)
            mode = stat.S_IMODE(db_path.stat().st_mode) & PRIVATE_FILE
            stamp = datetime.now(UTC).strftime(_STAMP)
            aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}.sqlite")
            n = 1
            while aside.exists():
                aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}.sqlite")
                n += 1
        if POSIX:
            os.chmod(tmp, mode or PRIVATE_FILE)
        if aside is not None:
            os.replace(db_path, aside)  # a rename: the mode goes with it
            for suffix in ("-wal", "-shm"):
                stale = db_path.with_name(db_path.name + suffix)
                if stale.exists():
                    os.replace(stale, aside.with_name(aside.name + suffix))
        os.replace(tmp, db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _note_restore(db_path, backup_file)
    return aside


def _note_restore(db_path: Path, backup_file: Path) -> None:
    """Tell the anchor log: the entries anchored after the restored file's last one were
    lost by this restore (verify says so as a note), not cut off by someone. The file is
    restored whatever happens to the log."""
    from tierslieu_desktop.services.safety.anchors import note_restore

    try:
        note_restore(db_path, backup_file)
    except (OSError, sqlite3.Error):
        logging.getLogger(__name__).exception("restore not noted in the anchor log")
