"""What every page shares: the open database, the operator logged in at the desk (the
database's ``principal``), the member the desk is dealing with, and the app-wide
``changed`` signal that lets every open page refresh after a change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # not imported at start: the window is shown before SQLAlchemy is
    from tierslieu_desktop.domain.permissions import Principal
    from tierslieu_desktop.services.common import Database


class AppContext(QObject):
    # entity name ("member", "machine", "space", "audience", "structure", "operator", …) and ids
    changed = Signal(str, list)
    operator_changed = Signal(int)
    # the operator logged in changed (a login, a desk switch): pages show or hide what
    # the new account may do (ui/access.py)
    principal_changed = Signal()
    current_member_changed = Signal(object)  # int | None

    def __init__(self, db: Database, operator_id: int, language: str = "fr") -> None:
        super().__init__()
        self.db = db
        # the operator before anyone logged in (the tests of one page, which log nobody
        # in); once an operator is logged in (``db.principal``), always theirs
        self._operator_id = operator_id
        self.language = language
        # The member chosen on Membres (or from their card): carried into a new booking,
        # the basket… until another is chosen or it was used for a booking.
        self.current_member_id: int | None = None

    def notify(self, entity: str, ids: list[int] | tuple[int, ...] = ()) -> None:
        """Call after a service changed data; services themselves know nothing of Qt."""
        self.changed.emit(entity, list(ids))

    @property
    def operator_id(self) -> int:
        """Who every change is recorded for: the operator logged in at the desk."""
        who = self.db.principal
        return who.operator_id if who is not None else self._operator_id

    @property
    def principal(self) -> Principal | None:
        return self.db.principal

    def set_principal(self, principal: Principal | None) -> None:
        """The operator who logged in at the desk (None: nobody, everything allowed)."""
        before = self.operator_id
        self.db.principal = principal
        if principal is not None:
            self._operator_id = principal.operator_id
        self.principal_changed.emit()
        if self.operator_id != before:
            self.operator_changed.emit(self.operator_id)

    def set_operator(self, operator_id: int) -> None:
        """The operator of a context nobody logged in to (tests of one page)."""
        if operator_id != self.operator_id:
            self._operator_id = operator_id
            self.operator_changed.emit(operator_id)

    def set_current_member(self, member_id: int | None) -> None:
        if member_id != self.current_member_id:
            self.current_member_id = member_id
            self.current_member_changed.emit(member_id)
