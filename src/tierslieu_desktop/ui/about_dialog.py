"""Aide › À propos: the version, where the database and the folders are, the licence,
the Python and Qt versions — and « Copier » to paste all of it into a support request."""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop import __version__, config, logs

DISTRIBUTION = "tierslieu-desktop"
LICENCE = "AGPL-3.0-or-later"  # pyproject's licence, when the package metadata is absent


def app_version() -> str:
    """The installed package's version (the source's when run from a checkout)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return __version__


def app_licence() -> str:
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return LICENCE
    for field in ("License-Expression", "License"):  # the newer field first
        values = meta.get_all(field) or []
        if values and values[0]:
            return str(values[0])
    return LICENCE


class AboutDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Tiers-Lieu Desktop"))
        log_file = logs.current_log_path() or logs.log_path()
        settings_file = config.config_dir() / "settings.json"
        # (key, label, value) in the order shown and copied
        self.rows: list[tuple[str, str, str]] = [
            ("version", self.tr("Version"), app_version()),
            ("database", self.tr("Database"), str(database)),
            ("data", self.tr("Data folder"), str(config.data_dir())),
            ("backups", self.tr("Backup folder"), str(config.backup_dir())),
            ("settings", self.tr("Settings file"), str(settings_file)),
            ("log", self.tr("Log file"), str(log_file)),
            ("licence", self.tr("Licence"), app_licence()),
            ("python", "Python", f"{platform.python_version()} ({sys.platform})"),
            ("qt", "Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"),
        ]

        title = QLabel(f"<b>Tiers-Lieu Desktop {app_version()}</b>")
        title.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "Front desk, bookings, checkout and reports of a fablab or tiers-lieu. "
                "Free software: you may use, study, share and modify it under the licence "
                "below. Unexpected errors are written to the log file: send it with your "
                "report."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for key, label, value in self.rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(label)
            form.addRow(f"<b>{label}</b>", shown)
            self.values[key] = shown

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy these details for support"))
        self.copy_button.setToolTip(self.tr("Copy these details, to paste them in a message"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))

        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.setMinimumWidth(min(560, self._available_width()))

    def _available_width(self) -> int:
        screen = QGuiApplication.primaryScreen()
        return screen.availableGeometry().width() - 40 if screen is not None else 560

    def text(self) -> str:
        """What « Copier » puts on the clipboard: one line per detail."""
        lines = [f"Tiers-Lieu Desktop {app_version()}"]
        lines += [f"{label}: {value}" for _key, label, value in self.rows]
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copied"))


def show_about(database: str | Path, parent: QWidget) -> AboutDialog:
    dialog = AboutDialog(str(database), parent)
    dialog.open()
    return dialog
