"""Where things live on disk, and the few preferences kept outside the database."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from tierslieu_desktop.fileperms import make_private_dirs, write_private_text

APP_NAME = "TiersLieuDesktop"
APP_AUTHOR = "TiersLieu"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def data_dir() -> Path:
    """User data directory; ``TIERSLIEU_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("TIERSLIEU_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def config_dir() -> Path:
    override = os.environ.get("TIERSLIEU_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, APP_AUTHOR)


def default_database_path() -> Path:
    return data_dir() / "tierslieu.sqlite"


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite"


def anchors_dir() -> Path:
    """Where the anchor logs (footprints of sealed documents, outside the database) live."""
    return data_dir() / "ancrages"


def default_backup_dir() -> Path:
    """Backups go here until a folder is chosen in Paramètres (setting ``backup_dir``)."""
    return data_dir() / "sauvegardes"


def backup_dir() -> Path:
    """The backup folder chosen in Paramètres (a USB stick, a NAS, a synced folder), else
    :func:`default_backup_dir`."""
    chosen = load_settings().get("backup_dir")
    return Path(chosen) if isinstance(chosen, str) and chosen.strip() else default_backup_dir()


def _settings_file() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> dict[str, object]:
    try:
        data = json.loads(_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


_SAVING = threading.Lock()  # the automatic backup records its state from a worker thread


def save_setting(key: str, value: object) -> None:
    with _SAVING:
        settings = load_settings()
        settings[key] = value
        path = _settings_file()
        make_private_dirs(path.parent)  # 0700 folders, 0600 file on POSIX
        tmp = path.with_suffix(".tmp")
        write_private_text(tmp, json.dumps(settings, indent=2, ensure_ascii=False))
        tmp.replace(path)


def saved_language() -> str:
    lang = load_settings().get("language")
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


# The database chosen in Paramètres › Base de données (issue 20), used from the next start
# by the window and every command run without --db (``db.files.resolve_target``: --db,
# then $TIERSLIEU_DB, then this choice, then the default file). The setting keeps no
# password: a server's password goes to ``database_password_file()``, a libpq password
# file (0600, the format of ~/.pgpass) that ``db.engine.make_engine`` hands to the driver,
# so it is never in settings.json, in a URL, in the log or on a command line.

DATABASE_SETTING = "database"
POSTGRESQL_DEFAULT_PORT = 5432


def database_password_file() -> Path:
    return config_dir() / "pgpass"


def server_url(host: str, port: int, database: str, user: str, tls: bool = False) -> str:
    """The SQLAlchemy URL of a PostgreSQL database, without its password. ``tls``: the
    connection must be encrypted (``sslmode=require``: a server that does not offer TLS is
    refused rather than spoken to in clear); otherwise libpq's default, which uses TLS
    when the server offers it."""
    from urllib.parse import quote

    where = f"[{host}]" if ":" in host else host
    url = f"postgresql+psycopg://{quote(user, safe='')}@{where}:{port}/{quote(database, safe='')}"
    return url + "?sslmode=require" if tls else url


def saved_database() -> dict[str, object]:
    """What Paramètres saved: ``{"engine": "sqlite", "path": …}`` (an empty path: the
    default file) or ``{"engine": "postgresql", "host", "port", "database", "user",
    "tls"}`` (``tls`` absent in a choice saved before it existed: not required);
    ``{}`` when nothing was chosen."""
    chosen = load_settings().get(DATABASE_SETTING)
    return chosen if isinstance(chosen, dict) else {}


def saved_database_target() -> str | None:
    """The path or URL of :func:`saved_database`, None for the default file."""
    chosen = saved_database()
    if chosen.get("engine") == "postgresql":
        host, database, user = chosen.get("host"), chosen.get("database"), chosen.get("user")
        port = chosen.get("port", POSTGRESQL_DEFAULT_PORT)
        texts = [v for v in (host, database, user) if isinstance(v, str) and v]
        if len(texts) == 3 and isinstance(port, int):
            return server_url(texts[0], port, texts[1], texts[2], chosen.get("tls") is True)
        return None
    path = chosen.get("path")
    return path if isinstance(path, str) and path.strip() else None


def save_sqlite_database(path: str | None) -> None:
    """Use an SQLite file from the next start (None: the default file)."""
    save_setting(DATABASE_SETTING, {"engine": "sqlite", "path": path or ""})


def save_server_database(
    host: str, port: int, database: str, user: str, password: str | None, tls: bool = False
) -> None:
    """Use a PostgreSQL database from the next start; its password goes to the private
    password file, never to the settings (None: the one kept there stays). ``tls``: the
    connection must be encrypted."""
    save_setting(
        DATABASE_SETTING,
        {
            "engine": "postgresql",
            "host": host,
            "port": port,
            "database": database,
            "user": user,
            "tls": tls,
        },
    )
    if password is not None:
        save_password(host, port, database, user, password)


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def save_password(host: str, port: int, database: str, user: str, password: str) -> None:
    """Keep ``password`` for this server, database and user in the password file (0600,
    libpq's format), replacing the one kept before; an empty password removes it."""
    key = ":".join(_pgpass_field(v) for v in (host, str(port), database, user)) + ":"
    with _SAVING:
        path = database_password_file()
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        kept = [line for line in lines if line and not line.startswith(key)]
        if password:
            kept.append(key + _pgpass_field(password))
        make_private_dirs(path.parent)
        tmp = path.with_suffix(".tmp")
        write_private_text(tmp, "".join(line + "\n" for line in kept))
        tmp.replace(path)
