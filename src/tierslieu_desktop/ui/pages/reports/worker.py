"""Background generation of a report PDF (QThreadPool) with progress signals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from tierslieu_desktop.fileperms import write_private_bytes


class ReportSignals(QObject):
    progress = Signal(int)
    finished = Signal(str)  # the path written
    failed = Signal(str)  # the error, in words


class ReportJob(QRunnable):
    """Runs ``build(progress) -> bytes`` off the GUI thread and writes the result to
    ``path``; reports through ``signals`` (queued to the GUI thread)."""

    def __init__(self, build: Callable[[Callable[[int], None]], bytes], path: str) -> None:
        super().__init__()
        self.build = build
        self.path = path
        self.signals = ReportSignals()
        self.setAutoDelete(False)  # the page keeps the job (and its signals) alive

    def run(self) -> None:
        try:
            data = self.build(self.signals.progress.emit)
            write_private_bytes(self.path, data)
        except OSError as exc:
            self.signals.failed.emit(f"{self.path}: {exc.strerror or exc}")
        except Exception as exc:
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(self.path)
