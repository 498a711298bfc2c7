"""The application's log: a rotating file in the data folder, so that no error is lost.

``setup_logging()`` is called at start by cli.py (every command) and app.py (the window,
right after its first paint: ``logging.handlers`` and the socket, pickle and queue modules
it imports cost ~6 ms, issue 14; an uncaught error before that starts the log itself):
``<data folder>/tierslieu.log``, 1 MB × 5 files, created 0600 on POSIX (it may quote
names from the database in a traceback). The Windows windowed build has no console:
this file is where an unexpected error ends up, and the About box and the crash report
say where it is. No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from tierslieu_desktop import __version__, config

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_NAME = "tierslieu.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
PRIVATE_FILE = 0o600
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"

log = logging.getLogger("tierslieu")


def log_path() -> Path:
    """Where the log is written: the data folder (``config.data_dir``)."""
    return config.data_dir() / LOG_NAME


def _handler_class() -> type[RotatingFileHandler]:
    """``PrivateRotatingFileHandler``: a RotatingFileHandler whose files (the current one
    and each new one after a rollover) are created 0600 on POSIX, whatever the umask. Made
    (and ``logging.handlers`` imported) when first needed."""
    made = globals().get("PrivateRotatingFileHandler")
    if made is not None:
        return made
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
            if os.name == "posix":
                os.fchmod(fd, PRIVATE_FILE)
            return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    globals()["PrivateRotatingFileHandler"] = PrivateRotatingFileHandler
    return PrivateRotatingFileHandler


def __getattr__(name: str) -> Any:  # ``logs.PrivateRotatingFileHandler``
    if name == "PrivateRotatingFileHandler":
        return _handler_class()
    raise AttributeError(name)


def setup_logging(path: Path | None = None) -> Path | None:
    """Send the ``tierslieu`` logger (INFO and above) to the rotating file; called again
    (another test, another data folder) it replaces the previous file. Returns the path,
    or None when the folder cannot be written (then errors go to stderr only)."""
    path = path or log_path()
    handler_class = _handler_class()
    for handler in list(log.handlers):
        if isinstance(handler, handler_class):
            if Path(handler.baseFilename) == path.absolute():
                return path
            log.removeHandler(handler)
            handler.close()
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = handler_class(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        print(f"tierslieu: journal impossible à écrire ({path}) : {exc}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.info("Tiers-Lieu Desktop %s started (Python %s)", __version__, sys.version.split()[0])
    return path


def current_log_path() -> Path | None:
    """The file the log is written to now (None before ``setup_logging``)."""
    ours = globals().get("PrivateRotatingFileHandler")  # None: never started
    for handler in log.handlers:
        if ours is not None and isinstance(handler, ours):
            return Path(handler.baseFilename)
    return None


def log_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    what: str = "Unexpected error",
) -> None:
    log.error(what, exc_info=(exc_type, exc, tb))


def install_cli_hook() -> None:
    """For the command line: an uncaught exception is written to the log, then printed
    as usual (Python's own hook). Threads too. The log is started first if it was not
    yet (the window starts it after its first paint)."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            with contextlib.suppress(Exception):  # the log never hides the error itself
                if current_log_path() is None:
                    setup_logging()
                log_exception(exc_type, exc, tb)
        sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
