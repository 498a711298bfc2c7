"""Typed access to the cells of a QTableWidget."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def item_at(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell the screen filled itself (``item()`` is None only for a cell never
    set, which would be a bug)."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item
