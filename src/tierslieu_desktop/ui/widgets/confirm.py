"""Ask before a destructive action. One function, so tests can answer for the user."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def confirm_box(
    parent: QWidget | None, title: str, text: str, action: str, keep: str | None = None
) -> tuple[QMessageBox, QAbstractButton]:
    """The question and its Yes button. The safe answer is the default: ``keep`` names it
    when "Cancel" next to "Cancel the booking" would leave the desk guessing which undoes
    what ("Keep the booking"); without it, the platform's Cancel."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    if keep:
        no = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    else:
        no = box.addButton(QMessageBox.StandardButton.Cancel)
    yes.setAccessibleName(action.replace("&", ""))
    no.setAccessibleName(no.text().replace("&", ""))
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    return box, yes


def confirm(
    parent: QWidget | None, title: str, text: str, action: str, keep: str | None = None
) -> bool:
    """A Yes/No question whose default answer is No; ``action`` names the Yes button."""
    box, yes = confirm_box(parent, title, text, action, keep)
    box.exec()
    return box.clickedButton() is yes
