"""The start-up check of the open database, off the GUI thread: SQLite's quick check
(about 0.4 s on the large demo, too long to hold the window's first paint), then the
ledger's chain, numbering and closings compared with the anchor logs outside the file
(services.safety.integrity.startup_check)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from tierslieu_desktop.ui.context import AppContext


class _CheckSignals(QObject):
    done = Signal(list)
    ledger = Signal(list)


class IntegrityCheck(QRunnable):
    """Emits ``signals.done`` with SQLite's complaints (an empty list: the file is
    sound), then ``signals.ledger`` with the ledger's problems (tampering, a missing
    protective trigger, a document that differs from its anchor; empty when sound),
    worded in the window's language."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.ctx = ctx
        self.signals = _CheckSignals()

    def run(self) -> None:
        from tierslieu_desktop.i18n import findings, formatting
        from tierslieu_desktop.services.safety.integrity import startup_check

        # The findings are worded by i18n/findings.py (the sentences `tierslieu verify`
        # prints), in the window's language: not tr(), one place for both.
        lang = formatting.current_locale()[:2]
        try:
            result = startup_check(self.ctx.db)
            damage, ledger = list(result.damage), findings.words(result.ledger, lang)
        except Exception as exc:  # startup_check never raises; a crash here never shows
            damage, ledger = [], [str(exc)]
        self.signals.done.emit(damage)
        self.signals.ledger.emit(ledger)
