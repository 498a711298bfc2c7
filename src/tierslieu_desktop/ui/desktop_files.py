"""Files handed to the system, and files written from the screens: one place for both.

- :func:`open_path` opens a file (a PDF, a spreadsheet) in the application the system
  has for it. ``QDesktopServices.openUrl`` returns False when there is none (a front-desk
  PC without a PDF viewer): the user is told so, and offered to print the PDF from the
  application (``ui/printing.py``) or to see the file in its folder — never nothing.
- :func:`announce_saved` follows every file written from a screen: the status bar names
  it, and a small window (not modal: the desk goes on) offers « Ouvrir » and
  « Afficher dans le dossier ».

Every ``openUrl`` of the screens goes through here (``_system_open``; tests replace
``QDesktopServices.openUrl``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

STATUS_MS = 15_000


def _system_open(path: Path) -> bool:
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def _status(parent: QWidget | None, text: str) -> None:
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)


def show_in_folder(parent: QWidget | None, path: str | Path) -> bool:
    """Open the folder holding ``path`` in the file manager; when there is none, say where
    the file is (the path can be selected and copied)."""
    path = Path(path)
    if _system_open(path.parent):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("DesktopFiles", "Where the file is"),
        QCoreApplication.translate(
            "DesktopFiles", "No file manager could be opened. The file is here:"
        )
        + f"\n{path}",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleName(box.windowTitle())
    box.exec()
    return False


def open_path(parent: QWidget | None, path: str | Path, kind: str = "report") -> bool:
    """Open ``path`` with the system's application; when none opens it, say so and offer
    to print it (a PDF, on the printer remembered for ``kind``) or to show its folder.
    True when the system opened it."""
    path = Path(path)
    if _system_open(path):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("DesktopFiles", "Cannot open the file"),
        QCoreApplication.translate(
            "DesktopFiles",
            "No application on this computer opens “{name}” (no PDF viewer or spreadsheet "
            "installed?).",
        ).format(name=path.name),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("cannotOpenBox")
    box.setAccessibleName(box.windowTitle())
    print_button = None
    if path.suffix.lower() == ".pdf":
        print_button = box.addButton(
            QCoreApplication.translate("DesktopFiles", "&Print…"), QMessageBox.ButtonRole.AcceptRole
        )
        print_button.setAccessibleName(QCoreApplication.translate("DesktopFiles", "Print"))
        print_button.setObjectName("printButton")
    folder_button = box.addButton(
        QCoreApplication.translate("DesktopFiles", "Show in &folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    folder_button.setAccessibleName(QCoreApplication.translate("DesktopFiles", "Show in folder"))
    folder_button.setObjectName("folderButton")
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    if print_button is not None and clicked is print_button:
        from tierslieu_desktop.ui import printing

        printing.print_pdf(parent, path.read_bytes(), kind, path.name)
    elif clicked is folder_button:
        show_in_folder(parent, path)
    return False


def announce_saved(parent: QWidget | None, path: str | Path, kind: str = "report") -> QMessageBox:
    """After a file is written: its name in the status bar and a window (not modal) with
    « Ouvrir » and « Afficher dans le dossier ». Returns that window (tests click it)."""
    path = Path(path)
    for old in QApplication.topLevelWidgets():  # one at a time: the last file saved
        if old.objectName() == "savedBox" and old.isVisible():
            old.close()
    text = QCoreApplication.translate("DesktopFiles", "Saved: {name}").format(name=path.name)
    _status(parent, text + f" — {path.parent}")
    box = QMessageBox(parent)
    box.setObjectName("savedBox")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("DesktopFiles", "File saved"))
    box.setAccessibleName(box.windowTitle())
    box.setText(text)
    box.setInformativeText(str(path.parent))
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    open_button = box.addButton(
        QCoreApplication.translate("DesktopFiles", "&Open"), QMessageBox.ButtonRole.ActionRole
    )
    open_button.setAccessibleName(QCoreApplication.translate("DesktopFiles", "Open"))
    open_button.setObjectName("openButton")
    folder_button = box.addButton(
        QCoreApplication.translate("DesktopFiles", "Show in &folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    folder_button.setAccessibleName(QCoreApplication.translate("DesktopFiles", "Show in folder"))
    folder_button.setObjectName("folderButton")
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    open_button.clicked.connect(lambda: open_path(parent, path, kind))
    folder_button.clicked.connect(lambda: show_in_folder(parent, path))
    box.show()
    return box
