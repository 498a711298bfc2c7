"""SQLite's quick check of the open database, off the GUI thread (about 0.4 s on the
large demo, too long to hold the window's first paint)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from tierslieu_desktop.ui.context import AppContext


class _CheckSignals(QObject):
    done = Signal(list)


class IntegrityCheck(QRunnable):
    """Emits ``signals.done`` with SQLite's complaints (an empty list: the file is sound)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.ctx = ctx
        self.signals = _CheckSignals()

    def run(self) -> None:
        from tierslieu_desktop.services.safety.integrity import quick_check

        try:
            problems = quick_check(self.ctx.db)
        except Exception as exc:  # busy or locked: not damage, but worth saying
            problems = [str(exc)]
        self.signals.done.emit(problems)
