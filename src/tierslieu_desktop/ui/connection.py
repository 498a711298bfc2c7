"""The database out of reach (issue 20, point 5): a banner over every page, a retry off
the window's thread, a full refresh when it answers again.

A desk without its database refuses every action — no sale, no check-in — and says so:
the action in progress raises ``server_unreachable`` (a PostgreSQL server) or
``database_file_unreachable`` (an SQLite file gone: a network share unplugged), nothing
of it is saved, and the dialog it came from stays open with what was typed (its usual
error path, ui/errors.py). The database tells its listeners (``listen_unreachable``) from
whatever thread met the loss; ``ConnectionBanner`` hears it (a queued signal), shows
« Connexion au serveur perdue — nouvel essai dans N s… » with « Réessayer maintenant »,
and every ``RETRY_S`` seconds asks ``Database.reachable`` in the thread pool. Once the
database answers, the banner goes and the context emits ``changed(entity, [])`` for every
entity of the change feed (``every_entity``, as the live refresh does after a reconnect):
every page reads again what it shows (what others saved meanwhile), then ``recovered``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tierslieu_desktop.ui.background import read_in_background

if TYPE_CHECKING:
    from tierslieu_desktop.services.common import Database
    from tierslieu_desktop.ui.context import AppContext

RETRY_S = 10  # seconds between two automatic tries


class ConnectionBanner(QFrame):
    """The line above every page while the database is out of reach."""

    recovered = Signal()  # the database answers again (after the full refresh)
    _heard = Signal()  # from any thread: the database was found out of reach

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet(
            "#connectionBanner { background: #fdecea; border-bottom: 1px solid #d93025; }"
            "#connectionBanner QLabel { color: #a50e0e; font-weight: bold; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.setAccessibleName(self.tr("Retry the connection now"))
        self.retry_button.clicked.connect(self.retry_now)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        self.hide()
        self.ctx: AppContext | None = None
        self.lost = False
        self.probing = False
        self.remaining = RETRY_S
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._on_tick)
        self._heard.connect(self._on_lost, Qt.ConnectionType.QueuedConnection)
        listener = self._listener
        self.destroyed.connect(lambda: _forget(listener))

    def watch(self, ctx: AppContext) -> None:
        """Listen for the loss of ``ctx.db`` (whatever database the context holds later:
        a restored backup is another handle)."""
        from tierslieu_desktop.services.common import listen_unreachable

        self.ctx = ctx
        listen_unreachable(self._listener)

    def _listener(self, db: Database) -> None:
        # any thread; the window's own database only
        if self.ctx is not None and db is self.ctx.db:
            self._heard.emit()

    def stop(self) -> None:
        """No more listening (the window closes, a test ends)."""
        self.tick.stop()
        _forget(self._listener)

    def _on_lost(self) -> None:
        if self.lost:
            return
        self.lost = True
        self.remaining = RETRY_S
        self._show_state()
        self.show()
        self.tick.start()

    def _is_file(self) -> bool:
        return self.ctx is not None and self.ctx.db.is_sqlite

    def _show_state(self) -> None:
        if self.probing:
            text = (
                self.tr("Database file not found — trying again…")
                if self._is_file()
                else self.tr("Connection to the server lost — trying again…")
            )
        elif self._is_file():
            text = self.tr("Database file not found — next try in {n} s…").format(n=self.remaining)
        else:
            text = self.tr("Connection to the server lost — next try in {n} s…").format(
                n=self.remaining
            )
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.retry_button.setEnabled(not self.probing)

    def _on_tick(self) -> None:
        if self.probing:
            return
        self.remaining -= 1
        if self.remaining <= 0:
            self.retry_now()
        else:
            self._show_state()

    def retry_now(self) -> None:
        """Ask the database, off the window's thread (a server gone silent takes seconds
        to fail): ``_on_answer`` gets whether it answered."""
        if self.probing or self.ctx is None:
            return
        self.probing = True
        self._show_state()
        read_in_background(self.ctx.db.reachable, self._on_answer)

    def _on_answer(self, answered: bool) -> None:
        self.probing = False
        if not answered:
            self.remaining = RETRY_S
            self._show_state()
            return
        self.lost = False
        self.tick.stop()
        self.hide()
        if self.ctx is not None:
            from tierslieu_desktop.services.common import every_entity

            for entity in every_entity():  # what the pages listen to, all of it
                self.ctx.notify(entity)
        self.recovered.emit()


def _forget(listener: Callable[[Database], None]) -> None:
    from tierslieu_desktop.services.common import forget_unreachable

    forget_unreachable(listener)
