"""The app's file dialogs (ui/file_dialogs.py): SQLite's working files hidden, the open
database and its working files refused, Qt's own widgets, icons by name only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.file_dialogs import NameOnlyIconProvider, SafeFileDialog


@pytest.fixture
def warnings(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: said.append(text))
    return said


def listed(qtbot, dialog: SafeFileDialog) -> list[str]:
    """The names the dialog shows in its folder, once the folder is read."""
    proxy = dialog.proxyModel()
    model = proxy.sourceModel()
    root = model.index(dialog.directory().absolutePath())
    qtbot.waitUntil(lambda: model.rowCount(root) > 0, timeout=10000)
    shown = proxy.mapFromSource(root)
    return sorted(proxy.index(r, 0, shown).data() for r in range(proxy.rowCount(shown)))


def test_the_dialog_is_qt_own_and_hides_the_working_files_of_a_database(qtbot, tmp_path):
    for name in ("lab.sqlite", "lab.sqlite-wal", "lab.sqlite-shm", "old.db", "old.db-journal"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "notes-wal").write_bytes(b"")  # no database beside it: an ordinary file
    (tmp_path / "sub").mkdir()
    dialog = SafeFileDialog(
        None, "Importer", mode=QFileDialog.FileMode.ExistingFile, directory=str(tmp_path)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseCustomDirectoryIcons)
    assert dialog.proxyModel().sourceModel().isReadOnly()  # no rename, delete, new folder
    assert isinstance(dialog.iconProvider(), NameOnlyIconProvider)
    assert dialog.accessibleName() == "Importer"
    assert listed(qtbot, dialog) == ["lab.sqlite", "notes-wal", "old.db", "sub"]


def test_saving_onto_the_open_database_or_its_working_files_is_refused(
    qtbot, db, tmp_path, warnings
):
    path = Path(db.target)
    dialog = SafeFileDialog(None, "PDF", save=True, directory=str(tmp_path / "facture.pdf"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "facture.pdf" not in listed(qtbot, dialog)  # the folder is read: the user types
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    for refused in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        name_edit.clear()
        qtbot.keyClicks(name_edit, str(refused))  # typed, as a user would
        dialog.accept()
        assert dialog.isVisible() and dialog.result() != QFileDialog.DialogCode.Accepted
        assert refused.name in warnings[-1]
    assert len(warnings) == 3
    assert dialog.refused == [str(p) for p in (path, *[
        path.with_name(path.name + s) for s in ("-wal", "-shm")
    ])]  # fmt: skip
    name_edit.clear()
    qtbot.keyClicks(name_edit, "facture.pdf")
    dialog.accept()
    assert dialog.result() == QFileDialog.DialogCode.Accepted
    assert dialog.chosen() == str(tmp_path / "facture.pdf")
    assert len(warnings) == 3


def test_the_open_database_cannot_be_chosen_for_an_import(qtbot, db, warnings):
    path = Path(db.target)
    dialog = SafeFileDialog(None, "Importer", mode=QFileDialog.FileMode.ExistingFile)
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(path.parent))
    dialog.show()
    dialog.selectFile(str(path))
    dialog.accept()
    assert dialog.isVisible() and warnings and path.name in warnings[0]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_the_same_file_by_another_name_is_refused_too(qtbot, db, tmp_path, warnings):
    link = tmp_path / "raccourci.sqlite"
    link.symlink_to(db.target)
    assert file_dialogs.is_protected(link)
    assert not file_dialogs.is_protected(tmp_path / "autre.sqlite")


def test_icons_and_types_come_from_the_name(qapp, tmp_path):
    provider = NameOnlyIconProvider()
    pdf = tmp_path / "facture.pdf"
    pdf.write_bytes(b"not really a PDF")
    folder = tmp_path / "dossier"
    folder.mkdir()
    assert "PDF" in provider.type(QFileInfo(str(pdf)))
    assert provider.type(QFileInfo(str(folder))) in ("Folder", "Dossier")
    assert provider.type(QFileInfo(str(tmp_path / "sans-extension"))) in ("File", "Fichier")
    assert not provider.icon(QFileInfo(str(pdf))).isNull()
    assert not provider.icon(provider.IconType.Folder).isNull()


def test_the_proposed_name_and_folder_are_kept(qtbot, tmp_path):
    dialog = SafeFileDialog(None, "PDF", save=True, directory=str(tmp_path / "f-1.pdf"))
    qtbot.addWidget(dialog)
    assert Path(dialog.directory().absolutePath()) == tmp_path
    assert dialog.selectedFiles() == [str(tmp_path / "f-1.pdf")]


def test_only_the_database_held_open_is_protected(tmp_path):
    from tierslieu_desktop.db.engine import held_database_files, open_database

    path = tmp_path / "autre.sqlite"
    other = open_database(str(path))
    assert path.resolve() in held_database_files()
    assert file_dialogs.is_protected(path)
    other.dispose()
    assert path.resolve() not in held_database_files()
    assert not file_dialogs.is_protected(path)
    assert file_dialogs.is_protected(path.with_name("autre.sqlite-wal"))  # still beside it


def test_file_dialogs_is_the_only_place_with_file_dialogs():
    ui = Path(file_dialogs.__file__).parent
    users = [
        p.relative_to(ui).as_posix()
        for p in ui.rglob("*.py")
        if "QFileDialog" in p.read_text(encoding="utf-8") and p.name != "file_dialogs.py"
    ]
    assert users == []


def test_save_file_asks_again_until_a_file_other_than_the_database(
    qtbot, qapp, db, tmp_path, warnings
):
    from PySide6.QtCore import QTimer

    path = Path(db.target)
    typed = [str(path), "rapport.pdf"]

    def answer() -> None:
        dialog = qapp.activeModalWidget()
        if not isinstance(dialog, SafeFileDialog):
            QTimer.singleShot(20, answer)
            return
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        name_edit.setText(typed.pop(0))
        dialog.accept()
        if typed:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    chosen = file_dialogs.save_file(None, "Rapport", str(tmp_path / "r.pdf"), "PDF (*.pdf)")
    assert chosen == str(tmp_path / "rapport.pdf")
    assert len(warnings) == 1 and path.name in warnings[0]
