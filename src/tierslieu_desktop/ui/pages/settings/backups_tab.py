"""Paramètres › Sauvegardes: the folder, the last backup and where it went, « Sauvegarder
maintenant », the passphrase encryption and « Restaurer… »."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop import config
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.safety import auto_backup, backups
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE

OK_STYLE = "color: #1b5e20;"
WARN_STYLE = "color: #8a4b00; font-weight: bold;"
MIN_PASSPHRASE = 8
MAX_PASSPHRASE = 200  # a long sentence; the limit every text field has


class _Window(Protocol):
    last_restore_aside: Path | None

    def backup_now(self) -> object: ...

    def restore_backup(self, backup_file: Path, passphrase: str | None) -> object: ...

    def show_backups(self) -> None: ...

    def backups_tab(self) -> BackupsTab: ...


class PassphraseDialog(QDialog):
    """The passphrase, typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backup passphrase"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Backups will be encrypted with this passphrase. Write it down and keep it "
                "away from the PC: without it an encrypted backup cannot be restored, by "
                "anyone. At least {n} characters; a sentence is easier to remember."
            ).format(n=MIN_PASSPHRASE)
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setMaxLength(MAX_PASSPHRASE)
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setMaxLength(MAX_PASSPHRASE)
        self.second.setAccessibleName(self.tr("Passphrase again"))
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Again:"), self.second)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Encrypt the backups"))
        ok.setAccessibleName(self.tr("Encrypt the backups"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text())
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def passphrase(self) -> str:
        return self.first.text()

    def submit(self) -> None:
        text = self.first.text()
        if len(text) < MIN_PASSPHRASE:
            self.error.setText(
                self.tr("Passphrase: at least {n} characters.").format(n=MIN_PASSPHRASE)
            )
        elif text != self.second.text():
            self.error.setText(self.tr("Passphrase: the two entries differ."))
        else:
            self.accept()
            return
        self.error.show()


class BackupsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The database is copied by itself when the window closes and once a day, "
                "then sorted (the last 7 days, 5 weeks and 12 months are kept). Choose a "
                "folder outside this PC: a USB stick, a NAS or a synced folder. A dead "
                "disk or a stolen PC then loses nothing."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.kind_note = QLabel()
        self.kind_note.setObjectName("backupKindNote")
        self.kind_note.setWordWrap(True)
        self.kind_note.setStyleSheet(WARN_STYLE)
        self.kind_note.hide()
        lay.addWidget(self.kind_note)

        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.setAccessibleName(self.tr("Choose the backup folder"))
        self.default_button = QPushButton(self.tr("Default folder"))
        self.default_button.setAccessibleName(self.tr("Back up into the default folder"))
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.default_button)
        form.addRow(self.tr("Folder:"), row)
        self.last = QLabel()
        self.last.setObjectName("lastBackup")
        self.last.setWordWrap(True)
        form.addRow(self.tr("Last backup:"), self.last)
        self.off_pc = QLabel()
        self.off_pc.setObjectName("lastOffPcBackup")
        self.off_pc.setWordWrap(True)
        form.addRow(self.tr("Last backup off this PC:"), self.off_pc)
        lay.addLayout(form)
        self.failure = QLabel()
        self.failure.setObjectName("backupFailure")
        self.failure.setWordWrap(True)
        self.failure.setStyleSheet(ERROR_STYLE)
        self.failure.hide()
        lay.addWidget(self.failure)

        enc = QHBoxLayout()
        self.encrypt = QCheckBox(self.tr("&Encrypt the backups with a passphrase"))
        self.encrypt.setAccessibleName(self.tr("Encrypt the backups with a passphrase"))
        self.change_phrase = QPushButton(self.tr("Change the passphrase…"))
        self.change_phrase.setAccessibleName(self.tr("Change the backup passphrase"))
        enc.addWidget(self.encrypt)
        enc.addWidget(self.change_phrase)
        enc.addStretch(1)
        lay.addLayout(enc)
        self.encrypt_note = QLabel(
            self.tr(
                "The key derived from the passphrase (never the passphrase itself) is kept "
                "on this PC so that automatic backups are encrypted without anyone typing "
                "it. Encryption protects the copies that leave the PC; the database on the "
                "PC stays readable by whoever uses this session. The passphrase is asked "
                "to restore."
            )
        )
        self.encrypt_note.setWordWrap(True)
        self.encrypt_note.setObjectName("cardLabel")
        lay.addWidget(self.encrypt_note)

        actions = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.setAccessibleName(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setAccessibleName(self.tr("Restore a backup"))
        for b in (self.backup_button, self.restore_button):
            b.setMinimumHeight(32)
            actions.addWidget(b)
        actions.addStretch(1)
        lay.addLayout(actions)
        self.message = QLabel()
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)
        lay.addStretch(1)

        self.choose_button.clicked.connect(self.choose_folder)
        self.default_button.clicked.connect(lambda: self.set_folder(None))
        self.encrypt.toggled.connect(self._on_encrypt_toggled)
        self.change_phrase.clicked.connect(self.ask_passphrase)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.open_restore)
        ctx.changed.connect(self._on_changed)
        self.reload()

    # --- state -------------------------------------------------------------------------

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in ("backup", "database"):
            self.reload()

    def _where(self, folder: Path) -> str:
        if auto_backup.is_off_pc(folder):
            return self.tr("{folder} (off this PC)").format(folder=folder)
        return self.tr("{folder} (on this PC)").format(folder=folder)

    def reload(self) -> None:
        db = self.ctx.db
        status = auto_backup.status()
        sqlite = db.is_sqlite
        demo = auto_backup.is_demo(db)
        folder = auto_backup.folder_for(db) if sqlite else status.folder
        self.folder.setText(str(folder))
        self.folder.setToolTip(str(folder))
        if not sqlite:
            self.kind_note.setText(
                self.tr(
                    "PostgreSQL database: the server backs it up itself every night (see "
                    "the server guide). \u201cBack up now\u201d writes a copy of the "
                    "server (pg_dump) into this folder. A copy of the server is restored "
                    "on the server, with every desk closed."
                )
            )
        elif demo:
            self.kind_note.setText(
                self.tr(
                    "Demonstration database: its backups go to {folder}, never into the "
                    "folder chosen for your real data, and do not count as backups of it."
                ).format(folder=folder)
            )
        self.kind_note.setVisible(not sqlite or demo)
        for w in (self.choose_button, self.default_button):
            w.setEnabled(not demo)
        # PostgreSQL: « Sauvegarder maintenant » is a pg_dump (services.safety.server_backups)
        self.backup_button.setEnabled(not db.read_only)
        self.restore_button.setEnabled(sqlite and not db.read_only)
        if demo:  # the demo's backups are not remembered: read from its folder
            newest = backups.newest_taken_at(folder)
            status = dataclasses.replace(
                status,
                last=auto_backup.BackupRecord(newest, folder) if newest else None,
                last_off_pc=None,
                failure=None,
            )
        if status.last is not None:
            self.last.setText(
                self.tr("{when} in {where}").format(
                    when=formatting.local_datetime(status.last.at),
                    where=self._where(status.last.folder),
                )
            )
        else:
            self.last.setText(self.tr("never"))
        if status.last_off_pc is not None:
            self.off_pc.setText(
                self.tr("{when} in {folder}").format(
                    when=formatting.local_datetime(status.last_off_pc.at),
                    folder=status.last_off_pc.folder,
                )
            )
        else:
            self.off_pc.setText(self.tr("never"))
        if status.failure is not None:
            self.failure.setText(
                self.tr("The backup of {when} into {folder} failed: {reason}").format(
                    when=formatting.local_datetime(status.failure.at),
                    folder=status.failure.folder,
                    reason=self._reason(status.failure.message, status.failure.folder),
                )
            )
        self.failure.setVisible(status.failure is not None)
        self.encrypt.blockSignals(True)
        self.encrypt.setChecked(status.encrypted)
        self.encrypt.blockSignals(False)
        self.change_phrase.setEnabled(status.encrypted)

    @staticmethod
    def _reason(message: str, folder: Path) -> str:
        """A DomainError code remembered by the automatic backup, in words; any other
        message (the system's) as it was."""
        if message and message.isidentifier():
            return error_message(DomainError(message, file=str(folder), target=str(folder)))
        return message

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.show()

    # --- actions -----------------------------------------------------------------------

    def choose_folder(self) -> None:
        chosen = file_dialogs.choose_folder(
            self, self.tr("Backup folder"), self.folder.text(), kind="backup"
        )
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path | None) -> None:
        """A chosen folder (None: back to the default one)."""
        try:
            config.save_setting("backup_dir", str(folder) if folder else None)
        except OSError as exc:
            self._say(self.tr("The setting could not be saved: {e}").format(e=exc), False)
            return
        self.reload()
        shown = folder or config.default_backup_dir()
        self._say(self.tr("The next backups go to {where}.").format(where=self._where(shown)), True)

    def _on_encrypt_toggled(self, on: bool) -> None:
        if on:
            if not self.ask_passphrase():
                self.encrypt.blockSignals(True)
                self.encrypt.setChecked(False)
                self.encrypt.blockSignals(False)
            return
        auto_backup.set_passphrase(None)
        self.reload()
        self._say(
            self.tr(
                "The next backups will not be encrypted. The encrypted ones still need "
                "their passphrase to be restored."
            ),
            True,
        )

    def ask_passphrase(self) -> bool:
        dialog = PassphraseDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        auto_backup.set_passphrase(dialog.passphrase())
        self.reload()
        self._say(
            self.tr(
                "The next backups will be encrypted with this passphrase. Those already in "
                "the folder stay as they are (in clear) until the rotation removes them: "
                "delete them yourself if they must not stay readable."
            ),
            True,
        )
        return True

    def backup_now(self) -> None:
        info = cast(_Window, self.window()).backup_now()
        self.reload()
        if info is None:
            self._say(self.tr("The backup failed: see the message above and the log file."), False)
            return
        path = getattr(info, "path", "")
        self._say(self.tr("Backup written: {path}").format(path=path), True)

    def open_restore(self) -> None:
        from tierslieu_desktop.ui.restore_dialog import RestoreDialog

        window = cast(_Window, self.window())
        dialog = RestoreDialog(
            self.ctx, Path(self.folder.text()), window.restore_backup, self.window()
        )
        dialog.exec()
        restored = dialog.restored
        dialog.deleteLater()
        if restored is None:
            return
        # The window rebuilt its pages on the restored database: this tab is an old one.
        window.show_backups()
        window.backups_tab().say_restored(restored.taken_at, window.last_restore_aside)

    def say_restored(self, taken_at: datetime, aside: Path | None) -> None:
        text = self.tr("The backup of {when} was restored.").format(
            when=formatting.local_datetime(taken_at)
        )
        if aside is not None:
            text += " " + self.tr("The previous database is kept in {file}.").format(file=aside)
        self._say(text, True)
