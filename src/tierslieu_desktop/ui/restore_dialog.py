"""« Restaurer une sauvegarde »: every backup of the folder with its date, size, counts and
state; one picked (or another file browsed), confirmed, then put in place of the
database by the window (close the database → restore → open it again)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.safety import backup_crypto, backups
from tierslieu_desktop.services.safety.backups import BackupInfo
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE

MAX_PASSPHRASE = 200
RestoreFn = Callable[[Path, str | None], object]  # returns a DomainError or None


class _ListSignals(QObject):
    done = Signal(list)


class _Lister(QRunnable):
    """``list_backups`` off the GUI thread: SQLite's quick check of each backup takes
    about 0.2 s on the large demo (197 MB), seconds for a full folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.folder = folder
        self.signals = _ListSignals()

    def run(self) -> None:
        try:
            found = backups.list_backups(self.folder)
        except OSError:
            found = []
        self.signals.done.emit(found)


class RestoreDialog(QDialog):
    DATE, SIZE, MEMBERS, INVOICES, STATE = range(5)

    def __init__(
        self,
        ctx: AppContext,
        folder: Path,
        restore_fn: RestoreFn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = folder
        self.restore_fn = restore_fn
        self.infos: list[BackupInfo] = []
        self.restored: BackupInfo | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        lay = QVBoxLayout(self)
        self.intro = QLabel(self.tr("Backups in {folder}, the newest first:").format(folder=folder))
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date and time"),
                self.tr("Size"),
                self.tr("Members"),
                self.tr("Invoices and credit notes"),
                self.tr("State"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.DATE, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Reading the backups…"))
        lay.addWidget(self.empty)

        row = QHBoxLayout()
        self.phrase_label = QLabel(self.tr("&Passphrase:"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(MAX_PASSPHRASE)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the encrypted backup"))
        self.phrase_label.setBuddy(self.passphrase)
        row.addWidget(self.phrase_label)
        row.addWidget(self.passphrase, 1)
        lay.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("restoreError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        lay.addWidget(self.error)

        buttons = QHBoxLayout()
        self.browse_button = QPushButton(self.tr("&Other file…"))
        self.browse_button.setAccessibleName(self.tr("Choose a backup file elsewhere"))
        self.restore_button = QPushButton(self.tr("&Restore this backup"))
        self.restore_button.setAccessibleName(self.tr("Restore this backup"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.addWidget(self.browse_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        lay.addLayout(buttons)

        self.browse_button.clicked.connect(self.browse)
        self.restore_button.clicked.connect(self.restore)
        self.close_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update)
        self.resize(760, 440)
        self.loaded = False
        self._update()
        lister = _Lister(folder)
        lister.signals.done.connect(self._on_listed, Qt.ConnectionType.QueuedConnection)
        self._lister = lister  # kept alive until it reports
        QThreadPool.globalInstance().start(lister)

    def _on_listed(self, found: list[BackupInfo]) -> None:
        added = [i for i in self.infos if i.path not in {f.path for f in found}]
        self.loaded = True
        self.load([*added, *found])

    # --- the list ----------------------------------------------------------------------

    def _size(self, size: int) -> str:
        if size < 1024 * 1024:
            return self.tr("{n} KB").format(n=formatting.number(max(1, round(size / 1024))))
        return self.tr("{n} MB").format(n=formatting.number(round(size / 1024 / 1024, 1), 1))

    def _state(self, info: BackupInfo) -> str:
        if not info.ok:
            return self.tr("damaged")
        if info.encrypted:
            return self.tr("encrypted")
        return self.tr("ok")

    def load(self, infos: list[BackupInfo]) -> None:
        self.infos = list(infos)
        self.table.setRowCount(len(self.infos))
        for r, info in enumerate(self.infos):
            unknown = "—"
            cells = [
                formatting.local_datetime(info.taken_at),
                self._size(info.size),
                formatting.number(info.members) if info.members is not None else unknown,
                formatting.number(info.invoices) if info.invoices is not None else unknown,
                self._state(info),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if c in (self.SIZE, self.MEMBERS, self.INVOICES):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == self.STATE and not info.ok:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.empty.setText(
            self.tr("No backup in this folder: browse for a backup file elsewhere.")
            if self.loaded
            else self.tr("Reading the backups…")
        )
        self.empty.setVisible(not self.infos)
        if self.infos:
            self.table.selectRow(0)
        self._update()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _update(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.ok)
        encrypted = info is not None and info.encrypted
        self.passphrase.setEnabled(encrypted)
        self.phrase_label.setEnabled(encrypted)
        if info is not None and not info.ok:
            self._show_error(
                self.tr("This backup is damaged: it cannot be restored. Choose another one.")
            )
        else:
            self.error.hide()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def browse(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Choose a backup"),
            str(self.folder),
            self.tr("Backups (*.sqlite *.sqlite.enc *.enc);;All files (*)"),
        )
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        """A backup chosen elsewhere, added on top of the list and selected."""
        try:
            info = backups.describe_backup(path)
        except OSError as exc:
            self._show_error(self.tr("Cannot read {file}: {e}").format(file=path, e=exc))
            return
        self.load([info, *[i for i in self.infos if i.path != path]])

    # --- restoring ---------------------------------------------------------------------

    def restore(self) -> None:
        info = self.selected()
        if info is None or not info.ok:
            return
        phrase: str | None = None
        if info.encrypted:
            phrase = self.passphrase.text()
            if not phrase:
                self._show_error(self.tr("Passphrase: type the passphrase of this backup."))
                self.passphrase.setFocus()
                return
            try:  # checked before the database is closed: a typo touches nothing
                backup_crypto.key_for(info.path, phrase)
            except DomainError as err:
                self._show_error(error_message(err))
                self.passphrase.selectAll()
                self.passphrase.setFocus()
                return
        current = Path(self.ctx.db.target)
        when = formatting.local_datetime(info.taken_at)
        text = self.tr(
            "The current database will be set aside in {folder} (as "
            "{name}.before-restore-….sqlite); the application starts again on the backup "
            "of {when}. Whatever was recorded since then will only be in the file set aside."
        ).format(folder=current.parent, name=current.name, when=when)
        if not confirm(self, self.tr("Restore a backup"), text, self.tr("Restore")):
            return
        refusal = self.restore_fn(info.path, phrase)
        if isinstance(refusal, DomainError):
            self._show_error(error_message(refusal))
            return
        self.restored = info
        self.accept()
