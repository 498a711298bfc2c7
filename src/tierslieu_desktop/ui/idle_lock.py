"""Lock the desk after some minutes without a mouse or keyboard input (issue 19 point 1).

An event filter on the application sees every input of every window; each one starts the
countdown again. The minutes are this desk's setting (Paramètres › Comptes, the settings
file: ``LOCK_SETTING``), 10 by default, 0 for never."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from tierslieu_desktop import config

LOCK_SETTING = "lock_after_minutes"
DEFAULT_MINUTES = 10
MAX_MINUTES = 240
INPUTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


def lock_minutes() -> int:
    """The idle minutes before the desk locks (0: never)."""
    value = config.load_settings().get(LOCK_SETTING)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_MINUTES:
        return value
    return DEFAULT_MINUTES


def save_lock_minutes(minutes: int) -> None:
    config.save_setting(LOCK_SETTING, max(0, min(MAX_MINUTES, int(minutes))))


class IdleLock(QObject):
    """Emits ``idle`` once no input came for the setting's minutes; paused while the
    desk is locked."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.paused = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # dropped by Qt when this object is deleted

    def restart(self, interval_ms: int | None = None) -> None:
        """Read the setting again (or take ``interval_ms``) and start counting."""
        ms = lock_minutes() * 60_000 if interval_ms is None else interval_ms
        self.timer.stop()
        self.timer.setInterval(ms)
        self.paused = False
        if ms > 0:
            self.timer.start()

    def pause(self) -> None:
        self.paused = True
        self.timer.stop()

    def resume(self) -> None:
        self.paused = False
        if self.timer.interval() > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if not self.paused and event.type() in INPUTS and self.timer.interval() > 0:
            self.timer.start()  # counted again from this input
        return False
