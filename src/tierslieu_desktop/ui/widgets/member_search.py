"""The member search of the dialogs: a search line over a list of matching members
("DELPECH Émilie · A00012 · Cajarc"), Up/Down in the line moving in the list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from tierslieu_desktop.services.common import Database
from tierslieu_desktop.services.people import members as member_service

MEMBER_RESULTS = 30
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the member's display name


class ArrowKeysToList(QObject):
    """Up / Down typed in a search box move the selection in its result list; Enter with
    nobody chosen yet and a single match chooses it (Enter again saves)."""

    def __init__(self, results: QListWidget) -> None:
        super().__init__(results)
        self.results = results

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
            self.results.setCurrentRow(row)
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.results.count() == 1
            and selected_member_id(self.results) is None
        ):
            self.results.setCurrentRow(0)
            return True
        return False


def member_label(m: member_service.MemberRow) -> str:
    """Name · number · town, what a member is recognised by in a list."""
    return " · ".join(p for p in (m.display_name, m.number, m.city) if p)


def fill_member_results(
    results: QListWidget,
    db: Database,
    text: str,
    *,
    kind: str | None = None,
    limit: int = MEMBER_RESULTS,
) -> None:
    """Replace the list with the members matching ``text``, keeping the one chosen before
    when still listed, nobody else: a first match picked for the desk had a booking
    saved for a member nobody chose (the desk clicks, or Down / Enter on a single
    match, the basket's search included)."""
    kept = selected_member_id(results)
    results.clear()
    for m in member_service.search_members(db, text, kind=kind, limit=limit):
        item = QListWidgetItem(member_label(m))
        item.setData(Qt.ItemDataRole.UserRole, m.id)
        item.setData(NAME_ROLE, m.display_name)
        results.addItem(item)
        if m.id == kept:
            results.setCurrentItem(item)
    if results.currentItem() is None:
        results.setCurrentRow(-1)


def selected_member_id(results: QListWidget) -> int | None:
    item = results.currentItem()
    if item is None or not item.isSelected():
        return None
    return item.data(Qt.ItemDataRole.UserRole)


def choose_member(results: QListWidget, member_id: int) -> bool:
    """Select ``member_id`` in the list (the member carried from another page)."""
    for row in range(results.count()):
        item = results.item(row)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == member_id:
            results.setCurrentItem(item)
            return True
    return False
