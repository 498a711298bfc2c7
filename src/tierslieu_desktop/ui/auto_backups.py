"""The window's automatic backups: once a day (the first start of the day, and at local
midnight for a window left open) in a worker thread, and at close behind a short modal
progress. ``services.safety.auto_backup`` does the work and never raises; a failure is
logged and shown on Accueil at the next start.

Measured on a 100 MB database: the copy and its integrity check take 0.25–0.9 s (disk
cache), too long for the GUI thread, hence the worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from tierslieu_desktop.domain.calendar import PARIS, to_local, utcnow
from tierslieu_desktop.services.safety import auto_backup
from tierslieu_desktop.ui.context import AppContext

DAILY_MARGIN_S = 5 * 60  # the daily backup runs a few minutes after midnight


def ms_until_next_day(now: datetime) -> int:
    """Milliseconds from ``now`` to a few minutes past the next local midnight."""
    local = to_local(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), PARIS)
    return int((midnight.timestamp() - now.timestamp() + DAILY_MARGIN_S) * 1000)


class _Signals(QObject):
    done = Signal(object)  # BackupInfo or None


class BackupJob(QRunnable):
    """One automatic backup off the GUI thread; ``signals.done`` carries the result."""

    def __init__(self, ctx: AppContext, now: datetime, reason: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.ctx, self.now, self.reason = ctx, now, reason
        self.signals = _Signals()
        self.result: object = None
        self.finished = False

    def run(self) -> None:
        try:
            self.result = auto_backup.automatic_backup(self.ctx.db, self.now, self.reason)
        except Exception:  # automatic_backup never raises; belt and braces for the close
            self.result = None
        self.finished = True
        self.signals.done.emit(self.result)


class AutoBackups(QObject):
    """Started by the window (``MainWindow.start_automatic_backups``)."""

    done = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        *,
        now_fn: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now_fn = now_fn or utcnow
        self.job: BackupJob | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check_daily)

    def start(self) -> None:
        self.check_daily()

    def _schedule(self) -> None:
        self.timer.start(ms_until_next_day(self.now_fn()))

    def busy(self) -> bool:
        return self.job is not None and not self.job.finished

    def check_daily(self) -> bool:
        """Start the daily backup when today has none yet; plan the next check. True
        when a backup was started."""
        self._schedule()
        if not self.ctx.db.is_sqlite or self.busy():
            return False
        if not auto_backup.daily_due(self.ctx.db, self.now_fn()):
            return False
        self.run_in_background("daily")
        return True

    def run_in_background(self, reason: str) -> BackupJob:
        job = BackupJob(self.ctx, self.now_fn(), reason)
        job.signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.job = job
        QThreadPool.globalInstance().start(job)
        return job

    def _on_done(self, info: object) -> None:
        self.done.emit(info)
        self.ctx.notify("backup")

    def run_with_progress(self, parent: QWidget | None, reason: str, text: str) -> object:
        """A backup now, the window kept painted: a modal progress after 300 ms; returns
        the BackupInfo (None when it failed)."""
        progress = QProgressDialog(text, "", 0, 0, parent)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAccessibleName(text)
        running = self.job if self.busy() else None
        if running is not None:  # the daily one still running: let it end first
            self._wait_for(running)
        job = self.run_in_background(reason)
        self._wait_for(job)
        progress.close()
        progress.deleteLater()
        return job.result

    @staticmethod
    def _wait_for(job: BackupJob) -> None:
        """Run the event loop (the window stays painted) until ``job`` has ended."""
        loop = QEventLoop()
        job.signals.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        if not job.finished:
            loop.exec()

    def wait(self) -> None:
        """Let a running backup end (before the database is closed or replaced)."""
        if self.job is not None and not self.job.finished:
            QThreadPool.globalInstance().waitForDone()

    def stop(self) -> None:
        self.timer.stop()
        self.wait()
