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
