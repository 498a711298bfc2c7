"""The application's own backups: where they go, when one is due, and what the settings
remember of them (the last one, the last one that left the PC, the last failure), for
Paramètres and Accueil. No Qt here: the window calls these from a worker thread.

Settings (``config.save_setting``, settings.json 0600): ``backup_last`` and
``backup_last_off_pc`` ({"at": ISO UTC, "folder", "file"}), ``backup_failure``
({"at", "folder", "message"}, removed by the next success), ``backup_key`` (the
encryption key derived from the passphrase, never the passphrase: ``BackupKey``).

The demo database (``config.demo_database_path``) is backed up into its own folder,
``<data folder>/sauvegardes-demo``, never into the folder chosen for the real data, and
its backups are not remembered as the lab's: trying the demo must neither fill the USB
stick with throw-away copies nor hide that the real data has not been backed up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tierslieu_desktop import config
from tierslieu_desktop.db.engine import Database, open_database
from tierslieu_desktop.domain.calendar import to_local
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.safety import backups
from tierslieu_desktop.services.safety.backup_crypto import BackupKey, derive_key

log = logging.getLogger(__name__)

OFF_PC_DAYS = 7  # Accueil warns when no backup has left the PC for this long
DEMO_SUBDIR = "sauvegardes-demo"


@dataclass(frozen=True)
class BackupRecord:
    at: datetime  # aware, UTC
    folder: Path
    file: str = ""
    message: str = ""  # for a failure


@dataclass(frozen=True)
class BackupStatus:
    """What Paramètres and Accueil say about backups."""

    last: BackupRecord | None
    last_off_pc: BackupRecord | None
    failure: BackupRecord | None
    folder: Path
    encrypted: bool


def is_demo(db: Database) -> bool:
    if not db.is_sqlite:
        return False
    try:
        return Path(db.target).resolve() == config.demo_database_path().resolve()
    except OSError:
        return False


def folder_for(db: Database) -> Path:
    """Where the backups of ``db`` go: the demo's own folder, else the chosen one."""
    if is_demo(db):
        return config.data_dir() / DEMO_SUBDIR
    return config.backup_dir()


def is_off_pc(folder: Path) -> bool:
    """A folder the user chose outside the data folder (a USB stick, a NAS, a synced
    folder): backups there count as having left the PC. The default folder, or any
    folder inside the data folder, does not."""
    try:
        folder = folder.resolve()
        data = config.data_dir().resolve()
    except OSError:
        return False
    if folder == config.default_backup_dir().resolve():
        return False
    return folder != data and data not in folder.parents


def remembered_key() -> BackupKey | None:
    return BackupKey.from_setting(config.load_settings().get("backup_key"))


def set_passphrase(passphrase: str | None) -> None:
    """Encrypt the next backups with ``passphrase`` (its derived key is kept in the
    settings, not the phrase), or stop encrypting (None)."""
    if passphrase is None:
        config.save_setting("backup_key", None)
        return
    config.save_setting("backup_key", derive_key(passphrase).to_setting())


def _record(value: object) -> BackupRecord | None:
    if not isinstance(value, dict):
        return None
    try:
        at = datetime.fromisoformat(str(value["at"]))
    except (KeyError, ValueError):
        return None
    if at.tzinfo is None:
        return None
    return BackupRecord(
        at,
        Path(str(value.get("folder", ""))),
        str(value.get("file", "")),
        str(value.get("message", "")),
    )


def status() -> BackupStatus:
    settings = config.load_settings()
    return BackupStatus(
        _record(settings.get("backup_last")),
        _record(settings.get("backup_last_off_pc")),
        _record(settings.get("backup_failure")),
        config.backup_dir(),
        BackupKey.from_setting(settings.get("backup_key")) is not None,
    )


def _as_setting(at: datetime, folder: Path, file: str = "", message: str = "") -> dict[str, str]:
    return {"at": at.isoformat(), "folder": str(folder), "file": file, "message": message}


def record_success(info: backups.BackupInfo, folder: Path) -> None:
    """Remember a backup of the lab's database (the CLI's too)."""
    value = _as_setting(info.taken_at, folder, str(info.path))
    config.save_setting("backup_last", value)
    if is_off_pc(folder):
        config.save_setting("backup_last_off_pc", value)
    config.save_setting("backup_failure", None)


def record_failure(at: datetime, folder: Path, message: str) -> None:
    config.save_setting("backup_failure", _as_setting(at, folder, message=message))


def daily_due(db: Database, now: datetime) -> bool:
    """True when today (local time) has no backup yet: the first start of the day, or a
    window still open after midnight. Only for SQLite."""
    if not db.is_sqlite or db.read_only:
        return False
    if is_demo(db):
        last_at = backups.newest_taken_at(folder_for(db))
    else:
        last = status().last
        last_at = last.at if last else None
    return last_at is None or to_local(last_at).date() < to_local(now).date()


def automatic_backup(db: Database, now: datetime, reason: str) -> backups.BackupInfo | None:
    """The backup the window takes by itself (``reason``: "close" or "daily"): into
    ``folder_for(db)``, encrypted when a key is remembered, anchor logs copied, then the
    rotation. Never raises: a failure is logged and remembered for Accueil, and None is
    returned. On a PostgreSQL database only the one asked for (``reason`` "manual": a
    pg_dump into the same folder); the server takes its own every night
    (packaging/server/install-server.sh), so the desks do not at start or close."""
    if not db.is_sqlite and reason != "manual":
        return None
    folder = folder_for(db)
    try:
        info = backups._make_backup_impl(
            db, folder, key=remembered_key(), anchors=config.anchors_dir()
        )
        if not info.ok:
            # A damaged copy is of no use and, kept, would push good ones out of the
            # rotation: deleted; the failure says why (the database itself may be damaged).
            info.path.unlink(missing_ok=True)
            raise DomainError("backup_copy_damaged", file=str(info.path))
        removed = backups.rotate(folder, now)
    except Exception as exc:
        log.exception("automatic backup (%s) into %s failed", reason, folder)
        if not is_demo(db):
            message = exc.code if isinstance(exc, DomainError) else str(exc)
            try:
                record_failure(now, folder, message)
            except OSError:
                log.exception("cannot remember the failed backup")
        return None
    log.info("automatic backup (%s): %s, %d old removed", reason, info.path, len(removed))
    if not is_demo(db):
        try:
            record_success(info, folder)
        except OSError:
            log.exception("cannot remember the backup")
    return info


@dataclass(frozen=True)
class Reopened:
    """After ``restore_and_reopen``: the open database (the restored one, or the same file
    again when the restore was refused), where the previous file was kept, and why the
    restore was refused (None when it was done)."""

    db: Database
    aside: Path | None
    error: DomainError | None


@guarded(Permission.BACKUPS)
def restore_and_reopen(db: Database, backup_file: Path, passphrase: str | None = None) -> Reopened:
    """For the window: close ``db``, put ``backup_file`` in its place (see
    ``backups.restore``), open the file again. A refusal (a wrong passphrase, a damaged
    file, another desk holding the database, a disk error) leaves the file as it was and
    opens it again: the caller always gets a working handle back."""
    if not db.is_sqlite:
        # every desk's database at once: restored on the server (README-SERVEUR.md)
        return Reopened(db, None, DomainError("restore_on_server", file=str(backup_file)))
    target = Path(db.target)
    db.dispose()
    try:
        aside = backups.restore(target, backup_file, passphrase)
    except DomainError as exc:
        return Reopened(open_database(str(target)), None, exc)
    except OSError as exc:
        log.exception("restore of %s failed", backup_file)
        error = DomainError("restore_failed", file=str(backup_file), detail=str(exc))
        return Reopened(open_database(str(target)), None, error)
    return Reopened(open_database(str(target)), aside, None)
