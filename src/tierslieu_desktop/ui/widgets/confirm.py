"""Ask before a destructive action. One function, so tests can answer for the user."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


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


class ReasonDialog(QDialog):
    """A removal asks why (issue 19): the row is kept, marked deleted with this reason,
    and the audit trail shows it. The action button waits for a reason."""

    def __init__(self, parent: QWidget | None, title: str, text: str, action: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(QLabel(self.tr("Reason (kept in the journal):")))
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setAccessibleName(self.tr("Reason of the removal"))
        self.reason.setPlaceholderText(self.tr("e.g. entered twice"))
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(action.replace("&", ""))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        cancel.setDefault(True)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(460, 1000))
        self.reason.setFocus()


def ask_reason(parent: QWidget | None, title: str, text: str, action: str) -> str | None:
    """The reason typed for a removal, or None when the operator keeps the row."""
    dialog = ReasonDialog(parent, title, text, action)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    reason = dialog.reason.text().strip()
    return reason or None
