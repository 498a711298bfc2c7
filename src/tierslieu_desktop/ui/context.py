"""What every page shares: the open database, the operator at the desk, the member the
desk is dealing with, and the app-wide ``changed`` signal that lets every open page
refresh after a change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # not imported at start: the window is shown before SQLAlchemy is
    from tierslieu_desktop.services.common import Database


class AppContext(QObject):
    # entity name ("member", "machine", "space", "audience", "structure", "operator", …) and ids
    changed = Signal(str, list)
    operator_changed = Signal(int)
    current_member_changed = Signal(object)  # int | None

    def __init__(self, db: Database, operator_id: int, language: str = "fr") -> None:
        super().__init__()
        self.db = db
        self.operator_id = operator_id
        self.language = language
        # The member chosen on Membres (or from their card): carried into a new booking,
        # the basket… until another is chosen or it was used for a booking.
        self.current_member_id: int | None = None

    def notify(self, entity: str, ids: list[int] | tuple[int, ...] = ()) -> None:
        """Call after a service changed data; services themselves know nothing of Qt."""
        self.changed.emit(entity, list(ids))

    def set_operator(self, operator_id: int) -> None:
        if operator_id != self.operator_id:
            self.operator_id = operator_id
            self.operator_changed.emit(operator_id)

    def set_current_member(self, member_id: int | None) -> None:
        if member_id != self.current_member_id:
            self.current_member_id = member_id
            self.current_member_changed.emit(member_id)
