"""Finances › Comptes: the mapping of revenue kinds, funders, expenses and payments to the
associative chart of accounts (ANC 2018-06), used by the FEC; editable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.services.finance import accounts
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import field_message
from tierslieu_desktop.ui.pages.finances.labels import account_key_name
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE
from tierslieu_desktop.ui.widgets.lazy import load_when_shown
from tierslieu_desktop.ui.widgets.tables import item_at


class AccountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The account of each kind of revenue, funding, cost and payment in the "
                "associative chart of accounts (ANC 2018-06), used by the FEC export. Change "
                "an account or its label, then save."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Chart of accounts mapping"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Account"), self.tr("Label")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.revert_button = QPushButton(self.tr("&Revert"))
        self.revert_button.setAccessibleName(self.tr("Revert the changes"))
        self.save_button = QPushButton(self.tr("&Save the accounts"))
        self.save_button.setAccessibleName(self.tr("Save the accounts"))
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        self.revert_button.clicked.connect(self.reload)
        self.save_button.clicked.connect(self.save)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self.keys: list[str] = []
        load_when_shown(self, self.reload)

    def what(self, key: str) -> str:
        """The key in words (« Paiement · Mandat administratif », « TVA collectée »)."""
        return account_key_name(key)

    def reload(self) -> None:
        mapping = accounts.account_mapping(self.ctx.db)
        self.keys = list(mapping)
        self.table.setRowCount(len(self.keys))
        for r, key in enumerate(self.keys):
            account, label = mapping[key]
            what = QTableWidgetItem(self.what(key))
            what.setFlags(what.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, what)
            self.table.setItem(r, 1, QTableWidgetItem(account))
            self.table.setItem(r, 2, QTableWidgetItem(label))
        self.status.setText("")

    def values(self) -> dict[str, tuple[str, str]]:
        return {
            key: (item_at(self.table, r, 1).text(), item_at(self.table, r, 2).text())
            for r, key in enumerate(self.keys)
        }

    def save(self) -> bool:
        try:
            accounts.set_accounts(self.ctx.db, self.values())
        except ValidationError as err:
            field, code = next(iter(err.fields.items()))
            key = field.partition(":")[2]
            row = self.keys.index(key) if key in self.keys else 0
            self.table.setCurrentCell(row, 1)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(
                self.tr("Line {line} ({what}): {problem}").format(
                    line=row + 1, what=self.what(key), problem=field_message(code)
                )
            )
            return False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Accounts saved."))
        self.ctx.notify("accounts", [])
        return True
