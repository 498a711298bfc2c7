"""What the person at this desk typed survives a refresh caused by another desk (issue 20).

The live refresh (ui/live_refresh.py) re-emits the other desks' changes as
``ctx.changed(entity, ids)`` and the page on screen reads its lists again. A page with an
INLINE form (not a modal dialog: Paramètres › Publics, Consommables, Structure…) fills that
form from what it read; read again under the person typing, it would erase what they typed
and — worse — take the other desk's fresh version as the one to save from, so that their
save silently overwrote the other desk's.

The rule, for every such form:

- a refresh updates the lists and the read-only views, and keeps the current selection
  when its row still exists;
- it NEVER replaces or clears what was typed and not saved: a form whose fields differ from
  what it was last filled with is *edited*; its values are put back after the refresh;
- an edited form also keeps the record it was filled from (its id and ``version``): if the
  other desk changed that very record, the save is refused as ``stale_record`` with
  « Recharger » (ui/stale.py), never a silent overwrite; if the record left the list
  (archived elsewhere), the save still targets it and is refused the same way;
- a form the person did not touch simply shows the fresh values (and their version);
- an explicit action of the person (choosing another row, « Nouveau », « Recharger »,
  « Annuler les modifications », their own save) fills the form as before: only the
  refreshes wrap themselves in ``TypedForm.kept()``.

Usage: ``self.typed = TypedForm(self.name, self.description)``; after filling the fields,
``self.typed.filled(row)``; a refresh runs inside ``with self.typed.kept(): …``; a save
reads the record it edits from ``self.typed.base``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentData(), widget.currentText())
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    raise TypeError(f"TypedForm cannot read a {type(widget).__name__}")


def _set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        if widget.text() != value:
            widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != value:
            widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        data, text = value
        index = widget.findData(data) if data is not None else widget.findText(text)
        if index < 0 and widget.isEditable():
            widget.setEditText(text)
        elif index >= 0:
            widget.setCurrentIndex(index)
        # a choice no longer offered (archived elsewhere): the combo shows what it can
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setValue(value)
    elif isinstance(widget, QDateTimeEdit):
        widget.setDateTime(value)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(value)


class TypedForm:
    """The fields of one inline form, the values it was last filled with and the record
    they came from (see the module's docstring for the rule)."""

    def __init__(
        self,
        *fields: QWidget,
        extra: Sequence[tuple[Callable[[], Any], Callable[[Any], None]]] = (),
    ) -> None:
        """``fields``: the form's input widgets; ``extra``: (read, write) pairs of a value
        the form holds outside a widget (the structure's logo chosen, not saved)."""
        self._access: list[tuple[Callable[[], Any], Callable[[Any], None]]] = [
            (partial(_value, w), partial(_set_value, w)) for w in fields
        ]
        self._access.extend(extra)
        self._filled: tuple[Any, ...] | None = None
        self.base: Any = None  # the record the form was filled from (None: a new one)

    def values(self) -> tuple[Any, ...]:
        return tuple(read() for read, _write in self._access)

    def filled(self, base: Any = None) -> None:
        """The form was just filled from ``base`` (None: empty, for a new record)."""
        self._filled = self.values()
        self.base = base

    @property
    def edited(self) -> bool:
        """Something typed (or chosen) since the form was last filled, not saved."""
        return self._filled is not None and self.values() != self._filled

    @contextmanager
    def kept(self) -> Iterator[None]:
        """Run a refresh; an edited form gets its typed values and its record back."""
        if not self.edited:
            yield
            return
        typed, filled, base = self.values(), self._filled, self.base
        try:
            yield
        finally:
            for (_read, write), value in zip(self._access, typed, strict=True):
                write(value)
            self._filled, self.base = filled, base
