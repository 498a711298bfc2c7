"""A long step of the wizard (checking the whole file, importing it) in the thread pool,
its progress shown in the wizard itself — a bar and « Annuler » under the preview, not a
second window: the first lines stay readable while the rest is checked.

The work is an importer call taking ``progress(done, total)`` and ``cancelled()`` (the
same shape as ``ui.background.BackgroundTask``'s); it opens its own session, so it runs
on the worker thread's own connection. Progress is passed on at most about 200 times
whatever the file's length (a signal per line would flood the window's thread)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from tierslieu_desktop.domain.errors import DomainError

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
Work = Callable[[Progress, CancelCheck], object]
STEPS = 200


class _Signals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    crashed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the job keeps it
        self.work = work
        self.signals = signals
        self.stop = stop

    def run(self) -> None:
        last = [-1]

        def progress(done: int, total: int) -> None:
            step = max(total // STEPS, 1)
            if done >= total or done - last[0] >= step:
                last[0] = done
                self.signals.progress.emit(done, total)

        try:
            result = self.work(progress, self.stop.is_set)
        except DomainError as err:
            self.signals.failed.emit(err)
        except Exception as exc:  # shown by the crash hook, in the window's thread
            self.signals.crashed.emit((type(exc), exc, exc.__traceback__))
        else:
            self.signals.succeeded.emit(result)


class InlineJob(QObject):
    """``work(progress, cancelled)`` in a worker thread. Its signals arrive in the
    window's thread: ``progress(done, total)``, then ``succeeded(result)`` or
    ``failed(DomainError)`` (``cancelled`` code when « Annuler » stopped it), then
    ``done``. An unexpected error goes to the crash hook, then ``done``."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self._stop = threading.Event()
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._signals.crashed.connect(self._on_crashed)
        self._runnable = _Runnable(work, self._signals, self._stop)

    def start(self) -> InlineJob:
        self.running = True
        QThreadPool.globalInstance().start(self._runnable)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next step (the importer then writes nothing)."""
        if self.running:
            self._stop.set()

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    def _on_succeeded(self, result: object) -> None:
        self.running = False
        self.succeeded.emit(result)
        self.done.emit()

    def _on_failed(self, err: DomainError) -> None:
        self.running = False
        self.failed.emit(err)
        self.done.emit()

    def _on_crashed(
        self, info: tuple[type[BaseException], BaseException, TracebackType | None]
    ) -> None:
        self.running = False
        self.done.emit()
        sys.excepthook(*info)
