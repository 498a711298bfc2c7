"""Files that hold the lab's personal data are private to the user who runs the app.

On POSIX the database, its backups, the settings and the exports with personal data are
created 0600 and the folders the app creates 0700, whatever the umask (the mode is set
again right after creation). Elsewhere (Windows) these helpers only create the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Any

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"


def make_private_dirs(path: Path) -> None:
    """Create ``path`` and its missing parents, each new one 0700 (existing ones kept)."""
    missing: list[Path] = []
    current = path
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue
        if POSIX:
            os.chmod(folder, PRIVATE_DIR)


def create_private_file(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Create ``path`` empty with ``mode``; FileExistsError if it is already there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        if POSIX:
            os.fchmod(fd, mode)
    finally:
        os.close(fd)


def open_private(path: str | Path, mode: str = "wb", **kwargs: Any) -> IO[Any]:
    """``open(path, mode)`` for writing a file with personal data: created (or truncated)
    with 0600 on POSIX, whatever its mode was before."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        if POSIX:
            os.fchmod(fd, PRIVATE_FILE)
        return open(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def write_private_bytes(path: str | Path, data: bytes) -> None:
    with open_private(path, "wb") as fh:
        fh.write(data)


def write_private_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    with open_private(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)


def copy_protection(original: Path, copy: Path) -> None:
    """Give ``copy`` no more access than ``original`` and never more than 0600."""
    if POSIX:
        os.chmod(copy, stat.S_IMODE(original.stat().st_mode) & PRIVATE_FILE)
