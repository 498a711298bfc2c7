"""Long work off the GUI thread (imports, the monthly invoicing), with a progress dialog
that can cancel it.

The work is a service call taking ``progress(done, total)`` and ``cancelled()`` (see
``services.pricing.tariff_csv.ImportSteps``); it runs in the global ``QThreadPool``.
Each call of the service opens its own session: the engine's pool hands the worker
thread its own SQLite connection (SQLAlchemy's pysqlite pool for a file allows it), so
the write happens in that thread; the window's thread keeps reading (WAL).

The progress dialog is window-modal: the window keeps painting and the dialog moves,
but nothing else can be changed on that window while the import holds the database.
« Annuler » asks the service to stop; it then rolls the whole import back.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from tierslieu_desktop.domain.errors import DomainError

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
Work = Callable[[Progress, CancelCheck], int]
Task = Callable[[Progress, CancelCheck], object]
T = TypeVar("T")


class _JobSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)  # what the work returned
    failed = Signal(object)  # the DomainError
    crashed = Signal(object)  # (type, exception, traceback) of an unexpected error


class _ImportRunnable(QRunnable):
    def __init__(self, work: Task, signals: _JobSignals, stop: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the BackgroundTask keeps it
        self.work = work
        self.signals = signals
        self.stop = stop

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self.stop.is_set)
        except DomainError as err:
            self.signals.failed.emit(err)
        except Exception as exc:  # shown by the crash hook, in the window's thread
            self.signals.crashed.emit((type(exc), exc, exc.__traceback__))
        else:
            self.signals.succeeded.emit(result)


class BackgroundTask(QObject):
    """Runs ``work(progress, cancelled)`` in a worker thread behind a progress dialog
    whose cancel button asks the work to stop (``cancelled()`` turns True).

    When it ends, in the window's thread: ``on_success(result)`` with what the work
    returned, or ``on_error(err)`` with the service's ``DomainError``, then the ``done``
    signal. ``result`` holds what it returned (None when it did not succeed);
    ``running`` says whether the worker is still at it."""

    done = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        work: Task,
        on_success: Callable[[Any], None],
        on_error: Callable[[DomainError], None],
        *,
        dialog_name: str,
        cancel_text: str,
        cancel_name: str,
        cancelling_text: str,
    ) -> None:
        super().__init__(parent)
        self.on_success = on_success
        self.on_error = on_error
        self.result: Any = None
        self.error: DomainError | None = None
        self.running = False
        self.cancelling_text = cancelling_text
        self._stop = threading.Event()
        self.signals = _JobSignals()
        self.signals.progress.connect(self._on_progress)
        self.signals.succeeded.connect(self._on_succeeded)
        self.signals.failed.connect(self._on_failed)
        self.signals.crashed.connect(self._on_crashed)
        self._runnable = _ImportRunnable(work, self.signals, self._stop)

        self.dialog = dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(dialog_name)
        cancel = QPushButton(cancel_text)
        cancel.setAccessibleName(cancel_name)
        dialog.setCancelButton(cancel)
        self.cancel_button = cancel
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(300)  # short work ends before the dialog shows
        dialog.canceled.connect(self.cancel)

    def start(self) -> Self:
        self.running = True
        self.dialog.setValue(0)
        QThreadPool.globalInstance().start(self._runnable)
        return self

    def cancel(self) -> None:
        """Ask the work to stop: it stops at its next step."""
        if self.running:
            self._stop.set()
            self.dialog.setLabelText(self.cancelling_text)
            self.cancel_button.setEnabled(False)

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _finish(self) -> None:
        self.running = False
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _on_succeeded(self, result: object) -> None:
        self._finish()
        self.result = result
        self.on_success(result)
        self.done.emit()

    def _on_failed(self, err: DomainError) -> None:
        self._finish()
        self.error = err
        self.on_error(err)
        self.done.emit()

    def _on_crashed(
        self, info: tuple[type[BaseException], BaseException, TracebackType | None]
    ) -> None:
        self._finish()
        self.done.emit()
        sys.excepthook(*info)  # the crash dialog and the log


class BackgroundImport(BackgroundTask):
    """An import (``work`` returns how many rows it wrote) behind « Annuler »: the
    service rolls the whole import back when cancelled (``err.code == "cancelled"``)."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        work: Work,
        on_success: Callable[[int], None],
        on_error: Callable[[DomainError], None],
    ) -> None:
        super().__init__(
            parent,
            title,
            label,
            work,
            on_success,
            on_error,
            dialog_name=QCoreApplication.translate("BackgroundImport", "Import progress"),
            cancel_text=QCoreApplication.translate("BackgroundImport", "Cancel"),
            cancel_name=QCoreApplication.translate("BackgroundImport", "Cancel the import"),
            cancelling_text=QCoreApplication.translate(
                "BackgroundImport", "Cancelling the import…"
            ),
        )


def cancelled_text() -> str:
    return QCoreApplication.translate("BackgroundImport", "Import cancelled: nothing was imported.")


class _ReadSignals(QObject):
    done = Signal(object)
    crashed = Signal(object)


class _ReadRunnable(QRunnable):
    def __init__(self, read: Callable[[], object], signals: _ReadSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # kept in _READS, dropped once the pool is idle
        self.read = read
        self.signals = signals
        self.ran = threading.Event()

    def run(self) -> None:
        try:
            result = self.read()
        except Exception as exc:  # shown by the crash hook, in the window's thread
            self.signals.crashed.emit((type(exc), exc, exc.__traceback__))
        else:
            self.signals.done.emit(result)
        finally:
            self.ran.set()


_READS: list[_ReadRunnable] = []


def _drop_finished_reads() -> None:
    """Forget the reads that ran, once no worker is inside one (a runnable is never
    deleted while its ``run`` is still returning)."""
    if QThreadPool.globalInstance().activeThreadCount() == 0:
        _READS[:] = [r for r in _READS if not r.ran.is_set()]


def read_in_background(read: Callable[[], T], on_done: Callable[[T], None]) -> None:
    """Run a read-only service call (it opens its own session) in the thread pool and
    give its result to ``on_done`` in the window's thread: a slow aggregate fills its
    list a moment after the page is painted instead of holding the window. When
    ``on_done`` is a method of a widget deleted meanwhile, the result is dropped."""
    _drop_finished_reads()
    signals = _ReadSignals()  # lives in the window's thread: its slots run there

    def crashed(info: tuple[type[BaseException], BaseException, TracebackType | None]) -> None:
        sys.excepthook(*info)  # the crash dialog and the log

    signals.done.connect(on_done)
    signals.done.connect(lambda _result: _drop_finished_reads())
    signals.crashed.connect(crashed)
    runnable = _ReadRunnable(read, signals)
    _READS.append(runnable)
    QThreadPool.globalInstance().start(runnable)


def wait_for_reads(msecs: int = 30_000) -> bool:
    """Wait for the background reads still running (tests, and before closing a base)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
