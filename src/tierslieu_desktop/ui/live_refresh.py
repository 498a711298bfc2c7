"""Live refresh (issue 20): what the other desks save shows here within a second or two,
without « Actualiser ».

A thread of its own reads the change feed (``services.common.FeedReader``: LISTEN on a
dedicated PostgreSQL connection, or the ``change_log`` of a shared SQLite file polled
when ``PRAGMA data_version`` moves) and hands each batch to the window's thread, which
emits ``ctx.changed(entity, ids)`` once per entity — the same signal a page's own saves
emit, so each page refreshes what it shows (now if it is on screen, when it is next
shown otherwise). The desk's own changes are not echoed (the feed carries the sender's
desk id). When the connection is lost the thread retries every few seconds; once it is
back, every entity is announced once with no ids (a full refresh: what was sent while
nobody listened is gone). A lost connection whose database does not answer either is
told to the database's listeners (``Database.unreachable``): the banner of ui/connection.py
shows within seconds on an idle desk. Restoring a backup pauses it (no connection left on the file
being replaced) and ``ctx.changed("database")`` starts it again on the new handle.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal

from tierslieu_desktop.services.common import Database, FeedLost, FeedReader, every_entity
from tierslieu_desktop.ui.context import AppContext

WAIT_S = 0.5  # the longest the thread waits before it looks at its stop flag
RETRY_S = 3.0  # between two attempts to listen again after a lost connection

log = logging.getLogger(__name__)


class _Listener(QThread):
    arrived = Signal(object)  # {entity: [ids] | None}
    reconnected = Signal()

    def __init__(self, reader: FeedReader, db: Database) -> None:
        super().__init__()
        self.reader = reader
        self.db = db
        self._stop = threading.Event()

    def _lost(self, exc: FeedLost) -> None:
        """Once per outage: if the database itself does not answer either (not only this
        listening connection), tell its listeners — the window's banner shows while the
        desk is idle, before anyone meets the loss with an action."""
        try:
            answered = self.db.reachable()
        except Exception:  # an error that is not the loss: the actions will say it
            answered = True
        if not answered:
            self.db.unreachable(exc)

    def run(self) -> None:  # Qt's name; the listener's thread
        listened = False
        told = False  # an outage is logged once, not every few seconds
        while not self._stop.is_set():
            if not self.reader.is_open:
                try:
                    self.reader.open()
                except FeedLost as exc:
                    if not told:
                        log.warning("live refresh: cannot listen (%s); retrying", exc)
                        told = True
                        self._lost(exc)
                    self._stop.wait(RETRY_S)
                    continue
                if listened:
                    log.info("live refresh: listening again, everything refreshed")
                    self.reconnected.emit()
                listened, told = True, False
            try:
                got = self.reader.wait(WAIT_S)
            except FeedLost as exc:
                log.warning("live refresh: connection lost (%s)", exc)
                if not told:
                    self._lost(exc)
                told = True
                self.reader.close()
                self._stop.wait(RETRY_S)
                continue
            if got:
                self.arrived.emit(got)
        self.reader.close()

    def stop(self) -> None:
        self._stop.set()


class LiveRefresh(QObject):
    """The window's listener of the other desks (started by ``MainWindow.
    start_live_refresh``; stopped when the window closes or the application quits)."""

    def __init__(self, ctx: AppContext, window: QObject) -> None:
        super().__init__(window)
        self.ctx = ctx
        self._listener: _Listener | None = None
        self._wanted = False  # started and not stopped (a pause keeps it wanted)
        self.delivered = 0  # batches handed to the pages (tests, diagnostics)
        ctx.changed.connect(self._on_changed)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def start(self) -> None:
        self._wanted = True
        if self._listener is not None:
            return
        listener = _Listener(self.ctx.db.feed_reader(), self.ctx.db)
        listener.arrived.connect(self._deliver)
        listener.reconnected.connect(self._full_refresh)
        self._listener = listener
        listener.start()

    def stop(self) -> None:
        self._wanted = False
        self.pause()

    def pause(self) -> None:
        """Stop listening until the next ``ctx.changed("database")`` (a backup being
        restored: no connection of ours may stay open on the file being replaced)."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()
            listener.wait()

    @property
    def running(self) -> bool:
        return self._listener is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity == "database" and self._wanted:
            # a backup restored: another database handle (and desk id) behind ctx.db
            self.pause()
            self.start()

    def _deliver(self, got: dict[str, Any]) -> None:
        self.delivered += 1
        for entity, ids in got.items():
            self.ctx.changed.emit(entity, list(ids or []))

    def _full_refresh(self) -> None:
        for entity in every_entity():
            self.ctx.changed.emit(entity, [])
