"""The only place the app shows file dialogs: open a file, save a file, choose a folder.

Why not ``QFileDialog.getSaveFileName``: POSIX advisory locks belong to the process, and
closing *any* descriptor of a file drops every lock the process holds on it (SQLite, "How
To Corrupt An SQLite Database File", 2.2). Qt's file dialog opened and closed the open
database to guess its type, the app lost its SQLite locks, another desk then believed it
was alone, deleted the -wal/-shm files and a write was lost. So these dialogs:

- are Qt's own widgets (``DontUseNativeDialog``): a native dialog (GTK, KDE, Windows
  shell) runs shell extensions and thumbnailers *in our process* that read the files;
- get their icons and types from :class:`NameOnlyIconProvider`, which looks at the
  file's *name* only. Qt's default provider (``QAbstractFileIconProvider.icon`` and
  ``type``) calls ``QMimeDatabase.mimeTypeForFile(info)`` in its default mode, which opens
  the file and reads its first bytes whenever no name pattern matches — ``*.sqlite`` has
  none in shared-mime-info — and ``QFileSystemModel`` asks it for every file of the
  folder shown. The dialog's name filters are glob patterns: no other content reading;
- are read-only for the folder shown (no rename, no delete, no new folder: the database
  must not be renamed or deleted under the app's feet from an export dialog);
- hide SQLite's working files (``-wal``, ``-shm``, ``-journal`` next to their database)
  and refuse to save onto, or open, the database the app holds or one of these files (a
  French message, the dialog stays open): writing an export there would destroy it, and
  reading it for an import would open and close it.

Files saved from the screens are written with ``fileperms.write_private_bytes`` (or
``open_private``): 0600 on POSIX, also when an existing file (say 0644) is replaced — it
now holds the lab's personal data.

Audit of the other code paths of the running app that could open and close the database
file or its -wal/-shm through a descriptor SQLite does not own (issue 13, point 2):

- ``db.engine.inspect_sqlite_file`` (header read with ``open``): runs in ``open_database``
  before this process's engine opens the file (start-up, CLI commands, the demo). If the
  process already holds that file (``db.engine.is_held``) it reads nothing with ``open``
  and asks SQLite only.
- A second ``sqlite3`` connection in the process (``inspect_sqlite_file``,
  ``backup_sqlite`` before a migration, ``backups._release_or_refuse``): safe — SQLite
  shares its locks between the connections of one process and keeps a closed
  connection's descriptor open while another holds a lock. This holds only for the same
  SQLite library: a second copy (a Qt SQL plugin, an encryption module bundling its own
  SQLite) must never open the live file.
- Backups (``services.safety.backups.make_backup``): SQLite's online backup API through the
  app's own connection; ``_check_file`` and ``restore`` read backup files, never the live
  database; ``restore`` (command line, application closed) refuses while the database is
  held, by this process too.
- The integrity check at start and ``verify``: through the app's engine.
- Exports (PDF, XLSX, CSV, ICS, FEC, archives) write the file the user chose, never the
  database (refused here); imports (CSV, logo) read the file chosen here (the database and
  its working files refused). ``archives`` reads the ``*.zip`` of the chosen folder only.
- The About dialog and the status bar show the path as text; file sizes come from
  ``stat()``, which opens nothing. Logs and settings are their own files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QFileInfo,
    QMimeDatabase,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStandardPaths,
)
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QMessageBox,
    QStyle,
    QTreeView,
    QWidget,
)

from tierslieu_desktop import config
from tierslieu_desktop.services.common import is_held

SQLITE_WORK_SUFFIXES = ("-wal", "-shm", "-journal")

AnyIndex = QModelIndex | QPersistentModelIndex


def sqlite_work_file_of(path: Path) -> Path | None:
    """The database whose working file ``path`` is (``x.sqlite-wal`` → ``x.sqlite``) when
    that database exists beside it; None otherwise. Only stat()."""
    for suffix in SQLITE_WORK_SUFFIXES:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            base = path.with_name(path.name[: -len(suffix)])
            if base.is_file():
                return base
    return None


def is_protected(path: str | Path) -> bool:
    """A file no dialog may hand to the app: the database this process holds, or an SQLite
    working file (-wal, -shm, -journal) of any database beside it."""
    path = Path(path)
    return is_held(path) or sqlite_work_file_of(path) is not None


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file's name only: never opens a file (unlike Qt's
    default, which reads a file's first bytes to guess its type)."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QAbstractFileIconProvider.Option.DontUseCustomDirectoryIcons)
        self._mimes = QMimeDatabase()
        self._icons: dict[str, QIcon] = {}

    def _standard(self, pixmap: QStyle.StandardPixmap) -> QIcon:
        style = QApplication.style()
        return style.standardIcon(pixmap) if style is not None else QIcon()

    def icon(self, what: object) -> QIcon:
        if isinstance(what, QFileInfo):
            if what.isDir():
                return self._standard(QStyle.StandardPixmap.SP_DirIcon)
            mime = self._mime_name(what)
            if mime not in self._icons:
                found = self._mimes.mimeTypeForName(mime) if mime else None
                fallback = self._standard(QStyle.StandardPixmap.SP_FileIcon)
                if found is not None and found.isValid():
                    self._icons[mime] = QIcon.fromTheme(
                        found.iconName(), QIcon.fromTheme(found.genericIconName(), fallback)
                    )
                else:
                    self._icons[mime] = fallback
            return self._icons[mime]
        kinds = QAbstractFileIconProvider.IconType
        pixmaps: dict[object, QStyle.StandardPixmap] = {
            kinds.Computer: QStyle.StandardPixmap.SP_ComputerIcon,
            kinds.Desktop: QStyle.StandardPixmap.SP_DesktopIcon,
            kinds.Trashcan: QStyle.StandardPixmap.SP_TrashIcon,
            kinds.Network: QStyle.StandardPixmap.SP_DriveNetIcon,
            kinds.Drive: QStyle.StandardPixmap.SP_DriveHDIcon,
            kinds.Folder: QStyle.StandardPixmap.SP_DirIcon,
        }
        return self._standard(pixmaps.get(what, QStyle.StandardPixmap.SP_FileIcon))

    def _mime_name(self, info: QFileInfo) -> str:
        """The MIME type its name says (glob patterns only), "" when the name says nothing."""
        found = self._mimes.mimeTypesForFileName(info.fileName())
        return found[0].name() if found else ""

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        if info.isSymLink() and not info.exists():
            return QCoreApplication.translate("FileDialogs", "Shortcut")
        name = self._mime_name(info)
        if name:
            mime = self._mimes.mimeTypeForName(name)
            if mime.isValid():
                return mime.comment() or name
        return QCoreApplication.translate("FileDialogs", "File")


class HideSqliteWorkFiles(QSortFilterProxyModel):
    """The folder as shown: without the -wal/-shm/-journal files of a database."""

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, QFileSystemModel):
            return True
        index = model.index(source_row, 0, source_parent)
        if model.isDir(index):
            return True
        return sqlite_work_file_of(Path(model.filePath(index))) is None


class SafeFileDialog(QFileDialog):
    """Qt's own file dialog with the icon provider and filter above; refuses the database."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        mode: QFileDialog.FileMode = QFileDialog.FileMode.AnyFile,
        save: bool = False,
        directory: str = "",
        filters: str = "",
        kind: str = "export",
    ) -> None:
        # No directory in the constructor: the folder asked for is listed only once our
        # icon provider is in place (Qt asks it for every file, on this thread).
        super().__init__(parent, title)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
        # No rename, delete or new folder from here: not the place to lose the database.
        self.setOption(QFileDialog.Option.ReadOnly, True)
        self._icons = NameOnlyIconProvider()  # the dialog does not own it: kept here
        self.setIconProvider(self._icons)
        self._proxy = HideSqliteWorkFiles(self)
        self.setProxyModel(self._proxy)
        self.setAcceptMode(
            QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
        )
        self.setFileMode(mode)
        if mode == QFileDialog.FileMode.Directory:
            self.setOption(QFileDialog.Option.ShowDirsOnly, True)
        if filters:
            self.setNameFilter(filters)
        # Qt's own French leaves these two in English.
        self.setLabelText(QFileDialog.DialogLabel.LookIn, self.tr("Look in:"))
        self.setLabelText(QFileDialog.DialogLabel.FileType, self.tr("Files of type:"))
        self.setAccessibleName(title)
        details = self.findChild(QTreeView, "treeView")
        if details is not None:  # the details view: whole names and dates readable
            header = details.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in (1, 2, 3):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.refused: list[str] = []  # what was refused, for tests and logs
        # Where it starts: the path given, else the folder used last for this kind of
        # file (the invoices, the FEC, the backups…), else the documents folder.
        here = last_folder(kind)
        start = Path(directory).expanduser() if directory else here
        if not start.is_absolute():  # a bare name: in the folder used last
            start = here / start
        if start.is_dir():
            self.setDirectory(str(start))
        else:
            self.setDirectory(str(start.parent if start.parent.is_dir() else here))
            self.selectFile(start.name)

    def accept(self) -> None:
        for chosen in self.selectedFiles():
            if Path(chosen).is_dir() and self.fileMode() != QFileDialog.FileMode.Directory:
                continue  # Qt opens the folder
            if is_protected(chosen):
                self.refused.append(chosen)
                self.say_refused(chosen)
                return
        super().accept()

    def say_refused(self, chosen: str) -> None:
        QMessageBox.warning(
            self,
            self.windowTitle(),
            self.tr(
                "“{name}” is the database open in the application, or one of its working "
                "files: it cannot be used here. Choose another file."
            ).format(name=Path(chosen).name),
        )

    def chosen(self) -> str:
        files = self.selectedFiles()
        return files[0] if files else ""


SETTING = "last_folders"  # {kind: folder}: where each kind of dialog starts next time


def documents_folder() -> Path:
    """The user's documents folder (home when the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def last_folder(kind: str) -> Path:
    """The folder of the last file or folder chosen for ``kind`` (kept in the settings,
    so across restarts), else the documents folder."""
    folders = config.load_settings().get(SETTING)
    chosen = folders.get(kind) if isinstance(folders, dict) else None
    if isinstance(chosen, str) and chosen and Path(chosen).is_dir():
        return Path(chosen)
    return documents_folder()


def remember_folder(kind: str, folder: Path) -> None:
    folders = config.load_settings().get(SETTING)
    kept = dict(folders) if isinstance(folders, dict) else {}
    if kept.get(kind) != str(folder):
        kept[kind] = str(folder)
        config.save_setting(SETTING, kept)


def _ask(dialog: SafeFileDialog, kind: str) -> str:
    try:
        accepted = dialog.exec()
        chosen = dialog.chosen() if accepted else ""
    finally:
        dialog.deleteLater()  # its folder model and the model's thread go with it
    if not chosen or is_protected(chosen):
        return ""
    folder = Path(chosen) if Path(chosen).is_dir() else Path(chosen).parent
    remember_folder(kind, folder)
    return chosen


def save_file(
    parent: QWidget | None, title: str, proposed: str, filters: str = "", *, kind: str = "export"
) -> str:
    """Ask where to save a file ("" when cancelled). ``proposed``: a name (in the folder
    used last for ``kind``) or a full path. Write it with ``fileperms.write_private_bytes``
    (0600), then ``desktop_files.announce_saved``."""
    return _ask(
        SafeFileDialog(parent, title, save=True, directory=proposed, filters=filters, kind=kind),
        kind,
    )


def open_file(
    parent: QWidget | None,
    title: str,
    directory: str = "",
    filters: str = "",
    *,
    kind: str = "import",
) -> str:
    """Ask for an existing file to read ("" when cancelled); it starts in ``directory``,
    else in the folder used last for ``kind``."""
    return _ask(
        SafeFileDialog(
            parent,
            title,
            mode=QFileDialog.FileMode.ExistingFile,
            directory=directory,
            filters=filters,
            kind=kind,
        ),
        kind,
    )


def choose_folder(
    parent: QWidget | None, title: str, directory: str = "", *, kind: str = "folder"
) -> str:
    """Ask for a folder ("" when cancelled); it starts in ``directory``, else in the
    folder used last for ``kind``."""
    return _ask(
        SafeFileDialog(
            parent, title, mode=QFileDialog.FileMode.Directory, directory=directory, kind=kind
        ),
        kind,
    )
