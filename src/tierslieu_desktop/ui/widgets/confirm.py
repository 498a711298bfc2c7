"""Ask before a destructive action. One function, so tests can answer for the user."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """A Yes/No question whose default answer is No; ``action`` names the Yes button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    yes.setAccessibleName(action)
    no.setAccessibleName(no.text())
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes
