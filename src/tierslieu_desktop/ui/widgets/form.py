"""A form layout whose fields show their validation error right under them."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.validation import TEXT_LIMITS, text_limit
from tierslieu_desktop.ui.errors import field_message
from tierslieu_desktop.ui.qdates import bound_to_accepted_days

ERROR_STYLE = "color: #b3261e;"

W = TypeVar("W", bound=QWidget)


class ValidatedForm(QFormLayout):
    """``add_field("email", label, widget)`` then ``show_errors({"email": "email_invalid"})``.

    A line edit of a limited text field (``domain.validation.TEXT_LIMITS``, by the field's
    name) takes no more characters than the services accept; a date edit is bounded to
    01/01/2000–31/12/2100 as the services are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        # Rows of a form without a parent widget yet are owned by Python until the
        # layout is installed: keep them alive.
        self._rows: list[QWidget] = []
        self._boxes: dict[str, QWidget] = {}  # the row of each field: its widget and error

    def add_field(self, name: str, label: str, widget: W) -> W:
        limit_input(name, widget)
        box = QWidget()
        # A row never takes more height than its field needs (no gap above a tall field).
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        lay.addWidget(error)
        plain = label.replace("&", "").rstrip(" :")
        widget.setAccessibleName(plain)
        self.addRow(label, box)
        self._rows.append(box)
        self._boxes[name] = box
        self._widgets[name] = widget
        self._errors[name] = error
        return widget

    def has_field(self, name: str) -> bool:
        return name in self._widgets

    def field(self, name: str) -> QWidget:
        """The input widget of a field (not ``widget()``: Qt calls that virtual itself)."""
        return self._widgets[name]

    def set_field_visible(self, name: str, visible: bool) -> None:
        """Show or hide a whole row (label, field and its error)."""
        self.setRowVisible(self._boxes[name], visible)

    def set_label(self, name: str, text: str) -> None:
        label = self.labelForField(self._boxes[name])
        if isinstance(label, QLabel):
            label.setText(text)
        self._widgets[name].setAccessibleName(text.replace("&", "").rstrip(" :"))

    def error_label(self, name: str) -> QLabel:
        return self._errors[name]

    def clear_errors(self) -> None:
        for name, label in self._errors.items():
            label.clear()
            label.hide()
            self._widgets[name].setAccessibleDescription("")

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Show each error under its field; focus the first. Returns unknown field names."""
        self.clear_errors()
        unknown = []
        first: QWidget | None = None
        for name, code in errors.items():
            if name not in self._errors:
                unknown.append(name)
                continue
            text = field_message(code, name)
            self._errors[name].setText(text)
            self._errors[name].show()
            self._widgets[name].setAccessibleDescription(text)
            if first is None:
                first = self._widgets[name]
        if first is not None:
            first.setFocus()
        return unknown


def limit_input(name: str, widget: QWidget) -> None:
    """What the services accept for the field ``name``, set on its widget: the length of
    a limited text in a line edit (never raised above a stricter length already set), the
    2000–2100 bounds of a date edit."""
    if isinstance(widget, QLineEdit) and name.rsplit(".", 1)[-1] in TEXT_LIMITS:
        widget.setMaxLength(min(widget.maxLength(), text_limit(name)))
    elif isinstance(widget, QDateEdit):
        bound_to_accepted_days(widget)
