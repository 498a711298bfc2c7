"""The lock screen (issue 19 point 1): the login over the main window.

Shown after the window's first paint (never a dialog before it: the start stays fast),
at Ctrl+L and after the idle minutes (ui/idle_lock.py). It covers the whole window,
which is disabled behind it: nothing there is reachable by the mouse or the keyboard
until an operator logs in. Three faces:

- « login »: the structure's name, the accounts that can log in (click a name), the
  password or PIN (Enter logs in); argon2's check (~0.2 s) runs off the window's thread,
  the field disabled meanwhile; a wrong secret or the wait after 5 wrong tries said in
  words;
- « first »: a new database, « Créer le compte administrateur » (name, secret twice);
- « claim »: a database upgraded from before accounts (operators, none can log in): one
  of them, or a new account, becomes the administrator
  (``services.people.accounts.claim_administration``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.permissions import Principal, secret_problem
from tierslieu_desktop.domain.validation import text_limit
from tierslieu_desktop.ui.access import roles_words
from tierslieu_desktop.ui.background import read_in_background
from tierslieu_desktop.ui.errors import error_message, field_message
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE

if TYPE_CHECKING:
    from tierslieu_desktop.ui.context import AppContext

STYLE = """
QWidget#lockScreen { background: #1f3a4d; }
QFrame#lockCard { background: white; border-radius: 8px; }
QLabel#lockStructure { font-size: 18pt; font-weight: 600; color: #1f3a4d; }
QLabel#lockTitle { font-size: 13pt; color: #3c4a55; }
QListWidget#lockAccounts { font-size: 11pt; }
QListWidget#lockAccounts::item { padding: 6px 8px; }
QListWidget#lockAccounts::item:selected { background: #2d5370; color: white; }
"""
SECRET_MAX = 128


def secret_text(code: str) -> str:
    """The sentence for a refused new password or PIN (``domain.permissions.secret_problem``
    codes, and ``secret_mismatch``)."""
    return field_message(code)


def new_secret_problem(first: str, second: str) -> str | None:
    """Why a new secret typed twice is refused (a sentence), or None."""
    problem = secret_problem(first)
    if problem is not None:
        return secret_text(problem)
    if first != second:
        return secret_text("secret_mismatch")
    return None


class LockScreen(QWidget):
    """Covers its parent window; ``unlocked`` carries the operator who logged in."""

    unlocked = Signal(object)  # Principal

    NEW_ACCOUNT = -1

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = "login"
        self.busy = False
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet(STYLE)
        self.setAccessibleName(self.tr("Locked desk: log in"))

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("lockCard")
        self.card.setFixedWidth(440)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        lay = QVBoxLayout(self.card)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(10)
        self.structure = QLabel()
        self.structure.setObjectName("lockStructure")
        self.structure.setWordWrap(True)
        self.structure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.structure)
        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.title)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        lay.addWidget(self.explain)

        # login: the accounts, the secret
        self.accounts = QListWidget()
        self.accounts.setObjectName("lockAccounts")
        self.accounts.setAccessibleName(self.tr("Accounts"))
        self.accounts.setMaximumHeight(180)
        lay.addWidget(self.accounts)
        # claim: which operator becomes the administrator
        self.who_label = QLabel(self.tr("&Administrator:"))
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Operator who becomes the administrator"))
        self.who_label.setBuddy(self.who)
        lay.addWidget(self.who_label)
        lay.addWidget(self.who)
        # first / claim: the new account's name
        self.name_label = QLabel(self.tr("&Name:"))
        self.name = QLineEdit()
        self.name.setMaxLength(text_limit("name"))  # what the services accept
        self.name.setAccessibleName(self.tr("Name of the administrator account"))
        self.name_label.setBuddy(self.name)
        lay.addWidget(self.name_label)
        lay.addWidget(self.name)

        self.secret_label = QLabel(self.tr("&Password or PIN:"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setMaxLength(SECRET_MAX)
        self.secret.setAccessibleName(self.tr("Password or PIN"))
        self.secret_label.setBuddy(self.secret)
        lay.addWidget(self.secret_label)
        lay.addWidget(self.secret)
        self.again_label = QLabel(self.tr("&Again:"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setMaxLength(SECRET_MAX)
        self.again.setAccessibleName(self.tr("Password or PIN again"))
        self.again_label.setBuddy(self.again)
        lay.addWidget(self.again_label)
        lay.addWidget(self.again)
        self.rule = QLabel(
            self.tr("A password of at least 8 characters, or a PIN of 4 to 6 digits.")
        )
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #5b6b77;")
        lay.addWidget(self.rule)

        self.error = QLabel()
        self.error.setObjectName("lockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        lay.addWidget(self.error)
        self.button = QPushButton()
        self.button.setDefault(True)
        lay.addWidget(self.button)

        self.accounts.itemClicked.connect(lambda _item: self.secret.setFocus())
        self.accounts.itemSelectionChanged.connect(self._clear_error)
        self.who.currentIndexChanged.connect(self._on_who_changed)
        self.secret.returnPressed.connect(self._on_secret_return)
        self.again.returnPressed.connect(self.submit)
        self.name.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    # --- faces -------------------------------------------------------------------

    def prepare(self, preferred_id: int | None = None) -> None:
        """Read the database again and show the face it needs."""
        from tierslieu_desktop.services.people import accounts, structure

        try:
            name = structure.get_structure(self.ctx.db).name
        except DomainError:
            name = ""
        self.structure.setText(name or self.tr("Tiers-Lieu Desktop"))
        self._clear_error()
        self.secret.clear()
        self.again.clear()
        self.name.clear()
        rows = accounts.list_accounts(self.ctx.db)
        if accounts.needs_administrator(self.ctx.db):
            self._show_setup(rows)
        else:
            self._show_login([r for r in rows if r.can_log_in], preferred_id)
        self._set_busy(False)

    def _show_login(self, rows: list, preferred_id: int | None) -> None:
        self.mode = "login"
        self.title.setText(self.tr("Who is at the desk?"))
        self.explain.setText(self.tr("Click your name, then type your password or PIN."))
        self.accounts.clear()
        self.accounts.setCurrentRow(-1)  # nobody chosen unless remembered
        for row in rows:
            item = QListWidgetItem(f"{row.name}  ·  {roles_words(row.roles)}")
            item.setData(Qt.ItemDataRole.UserRole, row.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, row.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, row.name)
            self.accounts.addItem(item)
            if row.id == preferred_id:
                self.accounts.setCurrentItem(item)
        if self.accounts.currentItem() is None and self.accounts.count() == 1:
            self.accounts.setCurrentRow(0)
        if self.accounts.currentItem() is None:
            self.accounts.clearSelection()
        # as high as its names (6 at most, then it scrolls)
        row_height = max(self.accounts.sizeHintForRow(0), 20)
        shown = min(max(self.accounts.count(), 1), 6)
        self.accounts.setFixedHeight(row_height * shown + 2 * self.accounts.frameWidth() + 4)
        self.secret_label.setText(self.tr("&Password or PIN:"))
        self.button.setText(self.tr("&Log in"))
        self.button.setAccessibleName(self.tr("Log in"))
        self._show(self.accounts, self.secret_label, self.secret)

    def _show_setup(self, rows: list) -> None:
        """A new database (« first ») or one upgraded from before accounts (« claim »)."""
        self.mode = "claim" if rows else "first"
        self.title.setText(self.tr("Create the administrator account"))
        if self.mode == "first":
            self.explain.setText(
                self.tr(
                    "The administrator manages the accounts of the people at the desk and "
                    "their roles. Choose their name and password."
                )
            )
        else:
            self.explain.setText(
                self.tr("This database has just been updated: choose the administrator's password.")
            )
        self.who.blockSignals(True)
        self.who.clear()
        for row in rows:
            self.who.addItem(row.name, row.id)
        self.who.addItem(self.tr("A new account…"), self.NEW_ACCOUNT)
        self.who.setCurrentIndex(0)
        self.who.blockSignals(False)
        self.secret_label.setText(self.tr("&Password or PIN:"))
        self.button.setText(self.tr("&Create the account"))
        self.button.setAccessibleName(self.tr("Create the administrator account"))
        shown: list[QWidget] = [self.secret_label, self.secret, self.again_label, self.again]
        shown.append(self.rule)
        if self.mode == "claim":
            shown += [self.who_label, self.who]
        self._show(*shown)
        self._on_who_changed()

    def _show(self, *widgets: QWidget) -> None:
        for widget in (
            self.accounts,
            self.who_label,
            self.who,
            self.name_label,
            self.name,
            self.secret_label,
            self.secret,
            self.again_label,
            self.again,
            self.rule,
        ):
            widget.setVisible(widget in widgets)

    def _on_who_changed(self, *_args: object) -> None:
        new = self.mode == "first" or self.who.currentData() == self.NEW_ACCOUNT
        self.name_label.setVisible(new)
        self.name.setVisible(new)

    def focus_first(self) -> None:
        if self.mode == "login":
            target: QWidget = self.secret if self.chosen() else self.accounts
        elif self.name.isVisible():
            target = self.name
        else:
            target = self.secret
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the user's answer ---------------------------------------------------------

    def _on_secret_return(self) -> None:
        if self.mode == "login":
            self.submit()
        else:
            self.again.setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        self._clear_error()
        if self.mode == "login":
            self._log_in()
        else:
            self._claim()

    def log_in_as(self, name: str, secret: str) -> None:
        """The start with ``TIERSLIEU_USER`` / ``TIERSLIEU_PASSWORD``: as if typed."""
        for row in range(self.accounts.count()):
            item = self.accounts.item(row)
            if str(item.data(Qt.ItemDataRole.UserRole)).casefold() == name.casefold():
                self.accounts.setCurrentItem(item)
        self.secret.setText(secret)
        self._log_in(name)

    def chosen(self) -> QListWidgetItem | None:
        """The account clicked (selected: Qt may leave a current item nobody chose)."""
        items = self.accounts.selectedItems()
        return items[0] if items else None

    def _log_in(self, name: str | None = None) -> None:
        item = self.chosen()
        if name is None:
            if item is None:
                self._say(self.tr("Click your name in the list first."))
                self.accounts.setFocus()
                return
            name = str(item.data(Qt.ItemDataRole.UserRole))
        secret = self.secret.text()
        if not secret:
            self._say(self.tr("Type your password or PIN."))
            self.secret.setFocus()
            return
        from tierslieu_desktop.services.people import accounts

        db = self.ctx.db
        self._set_busy(True)

        def check() -> Principal | DomainError:
            try:
                return accounts.authenticate(db, name, secret)
            except DomainError as err:
                return err

        read_in_background(check, self._on_answer)

    def _claim(self) -> None:
        problem = new_secret_problem(self.secret.text(), self.again.text())
        if problem is not None:
            self._say(problem)
            self.secret.setFocus()
            return
        operator_id = None
        name = self.name.text().strip()
        if self.mode == "claim" and self.who.currentData() != self.NEW_ACCOUNT:
            operator_id = int(self.who.currentData())
            name = ""
        elif not name:
            self._say(self.tr("Type the administrator's name."))
            self.name.setFocus()
            return
        from tierslieu_desktop.services.people import accounts

        db, secret = self.ctx.db, self.secret.text()
        self._set_busy(True)

        def claim() -> Principal | DomainError:
            try:
                return accounts.claim_administration(db, name, secret, operator_id=operator_id)
            except DomainError as err:
                return err

        read_in_background(claim, self._on_answer)

    def _on_answer(self, answer: Principal | DomainError) -> None:
        self._set_busy(False)
        if isinstance(answer, Principal):
            self.secret.clear()
            self.again.clear()
            self.unlocked.emit(answer)
            return
        if answer.code == "administrator_exists":  # made meanwhile at another desk
            self.prepare()
        if isinstance(answer, ValidationError):
            field, code = next(iter(answer.fields.items()))
            self._say(secret_text(code) if field == "secret" else field_message(code, field))
        else:  # a wrong secret, the wait after 5 wrong tries (ui/errors.py), …
            self._say(error_message(answer))
        self.secret.selectAll()
        self.secret.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.secret, self.again, self.name, self.who, self.button):
            widget.setEnabled(not busy)
        self.accounts.setEnabled(not busy)
        if busy:
            self.button.setText(self.tr("Checking…"))
        else:
            self.button.setText(
                self.tr("&Log in") if self.mode == "login" else self.tr("&Create the account")
            )

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        # Escape or any shortcut never reaches the window behind
        event.accept()
