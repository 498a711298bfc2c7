"""Typed access to the cells of a QTableWidget, and filling tables without a resize per cell."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def item_at(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell the screen filled itself (``item()`` is None only for a cell never
    set, which would be a bug)."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item


@contextmanager
def frozen_columns(*tables: QTableWidget) -> Iterator[None]:
    """Fill tables whose columns fit their contents (ResizeToContents) with one measure at
    the end instead of one per cell set: the header modes are set to Fixed and painting
    suspended while the block runs, then put back (the columns are then sized once)."""
    saved: list[tuple[QTableWidget, list[QHeaderView.ResizeMode]]] = []
    for table in tables:
        header = table.horizontalHeader()
        modes = [header.sectionResizeMode(i) for i in range(header.count())]
        saved.append((table, modes))
        table.setUpdatesEnabled(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    try:
        yield
    finally:
        for table, modes in saved:
            header = table.horizontalHeader()
            for i, mode in enumerate(modes):
                header.setSectionResizeMode(i, mode)
            table.setUpdatesEnabled(True)


def on_row_change(view: QAbstractItemView, slot: Callable[[], object]) -> None:
    """Call ``slot`` whenever the current row or the selection of ``view`` changes.

    A mouse click makes the row current (``currentRowChanged``) *before* it selects it
    (``selectionChanged``), the keyboard does both at once: a slot that reads the
    selection and listens to the current row only sees the click's row unselected
    (buttons left greyed until a key is pressed). Listening to both covers either order."""
    model = view.selectionModel()
    model.selectionChanged.connect(lambda *_a: slot())
    model.currentRowChanged.connect(lambda *_a: slot())
