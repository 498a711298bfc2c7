"""Paramètres › Comptes (issue 19 point 1): the operators' accounts and their roles.

An administrator (``Permission.OPERATORS``) creates an account (name, roles, password or
PIN), changes its roles, resets a forgotten password, deactivates it (never the last
administrator: the service refuses and the tab says why), and sets after how many idle
minutes this desk locks itself (ui/idle_lock.py). Every operator changes their own
password here or from their name in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.permissions import ROLE_ORDER, Permission, Role, secret_problem
from tierslieu_desktop.services.people import accounts
from tierslieu_desktop.services.people.accounts import AccountRow
from tierslieu_desktop.ui.access import allowed, follow_permission, role_labels, roles_words
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.errors import error_message, retry_when_busy
from tierslieu_desktop.ui.idle_lock import MAX_MINUTES, lock_minutes, save_lock_minutes
from tierslieu_desktop.ui.widgets.confirm import confirm
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm

SECRET_MAX = 128


def _secret_field(form: ValidatedForm, name: str, label: str) -> QLineEdit:
    edit = form.add_field(name, label, QLineEdit())
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(SECRET_MAX)
    return edit


def _secret_errors(first: str, second: str, field: str = "secret") -> dict[str, str]:
    problem = secret_problem(first)
    if problem is not None:
        return {field: problem}
    if first != second:
        return {f"{field}_again": "secret_mismatch"}
    return {}


class _Dialog(QDialog):
    """A small form with Save / Cancel and a line for a refusal that is no field's."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.lay = QVBoxLayout(self)
        self.form = ValidatedForm()
        self.lay.addLayout(self.form)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(QCoreApplication.translate("AccountDialog", "Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(QCoreApplication.translate("AccountDialog", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.lay.addWidget(self.message)
        self.lay.addWidget(self.buttons)

    def _roles_box(self, checked: frozenset[Role]) -> dict[Role, QCheckBox]:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        boxes: dict[Role, QCheckBox] = {}
        labels = role_labels()
        for role in ROLE_ORDER:
            check = QCheckBox(labels[role])
            check.setAccessibleName(labels[role])
            check.setChecked(role in checked)
            lay.addWidget(check)
            boxes[role] = check
        self.form.add_field("roles", QCoreApplication.translate("AccountDialog", "Roles:"), box)
        box.setAccessibleName(QCoreApplication.translate("AccountDialog", "Roles"))
        return boxes

    def run(self, action: object) -> bool:
        """Run the service call; False (and the refusal shown) when it was refused."""
        self.form.clear_errors()
        self.message.hide()
        while True:
            try:
                action()  # type: ignore[operator]
                return True
            except ValidationError as exc:
                self.form.show_errors(exc.fields)
                return False
            except DomainError as exc:
                if retry_when_busy(self, exc):
                    continue
                self.say(error_message(exc))
                return False

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.show()

    def save(self) -> None:
        raise NotImplementedError


class NewAccountDialog(_Dialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New account"), parent)
        self.name = self.form.add_field("name", self.tr("&Name:"), QLineEdit())
        self.roles = self._roles_box(frozenset({Role.ACCUEIL}))
        self.secret = _secret_field(self.form, "secret", self.tr("&Password or PIN:"))
        self.again = _secret_field(self.form, "secret_again", self.tr("&Again:"))
        rule = QLabel(self.tr("A password of at least 8 characters, or a PIN of 4 to 6 digits."))
        rule.setWordWrap(True)
        self.lay.addWidget(rule)
        self.finish_layout()
        self.created_id: int | None = None

    def save(self) -> None:
        chosen = {role for role, box in self.roles.items() if box.isChecked()}
        errors = _secret_errors(self.secret.text(), self.again.text())
        if not self.name.text().strip():
            errors = {"name": "required", **errors}
        if not chosen:
            errors["roles"] = "required"
        if errors:
            self.form.show_errors(errors)
            return

        def create() -> None:
            self.created_id = accounts.create_account(
                self.ctx.db, self.name.text(), chosen, self.secret.text()
            )

        if self.run(create):
            self.accept()


class RolesDialog(_Dialog):
    def __init__(self, ctx: AppContext, row: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Roles of {name}").format(name=row.name), parent)
        self.row = row
        self.roles = self._roles_box(row.roles)
        self.finish_layout()

    def save(self) -> None:
        chosen = {role for role, box in self.roles.items() if box.isChecked()}
        if not chosen:
            self.form.show_errors({"roles": "required"})
            return
        if self.run(lambda: accounts.set_roles(self.ctx.db, self.row.id, chosen)):
            self.accept()


class ResetSecretDialog(_Dialog):
    def __init__(self, ctx: AppContext, row: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New password for {name}").format(name=row.name), parent)
        self.row = row
        intro = QLabel(
            self.tr("Give them this password or PIN; they can change it once logged in.")
        )
        intro.setWordWrap(True)
        self.lay.insertWidget(0, intro)
        self.secret = _secret_field(self.form, "secret", self.tr("&New password or PIN:"))
        self.again = _secret_field(self.form, "secret_again", self.tr("&Again:"))
        self.finish_layout()

    def save(self) -> None:
        errors = _secret_errors(self.secret.text(), self.again.text())
        if errors:
            self.form.show_errors(errors)
            return
        if self.run(lambda: accounts.reset_secret(self.ctx.db, self.row.id, self.secret.text())):
            self.accept()


class OwnSecretDialog(_Dialog):
    """« Changer mon mot de passe… » for the operator logged in."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Change my password"), parent)
        self.old = _secret_field(self.form, "old_secret", self.tr("&Current password or PIN:"))
        self.secret = _secret_field(self.form, "secret", self.tr("&New password or PIN:"))
        self.again = _secret_field(self.form, "secret_again", self.tr("&Again:"))
        self.finish_layout()

    def save(self) -> None:
        errors = _secret_errors(self.secret.text(), self.again.text())
        if not self.old.text():
            errors = {"old_secret": "required", **errors}
        if errors:
            self.form.show_errors(errors)
            return
        try:
            accounts.change_own_secret(self.ctx.db, self.old.text(), self.secret.text())
        except ValidationError as exc:
            self.form.show_errors(
                {k: "secret_wrong" if v == "wrong" else v for k, v in exc.fields.items()}
            )
            return
        except DomainError as exc:
            self.say(error_message(exc))
            return
        self.accept()


class AccountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: dict[int, AccountRow] = {}
        self._read = False  # the list is read when first shown
        self.dialog: _Dialog | None = None  # the one open (tests answer it)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The people who work at the desk, each with a password or a PIN and the "
                "roles that say what they may do. Every change records who made it."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Accounts"))
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New account…"))
        self.new_button.setAccessibleName(self.tr("New account"))
        self.roles_button = QPushButton(self.tr("Change the &roles…"))
        self.roles_button.setAccessibleName(self.tr("Change the roles of the account"))
        self.reset_button = QPushButton(self.tr("&Reset the password…"))
        self.reset_button.setAccessibleName(self.tr("Reset the password of the account"))
        self.toggle_button = QPushButton(self.tr("Deactivate"))
        self.toggle_button.setAccessibleName(self.tr("Deactivate or reactivate the account"))
        for button in (self.new_button, self.roles_button, self.reset_button, self.toggle_button):
            row.addWidget(button)
        row.addStretch(1)
        self.own_button = QPushButton(self.tr("Change &my password…"))
        self.own_button.setAccessibleName(self.tr("Change my password"))
        row.addWidget(self.own_button)
        lay.addLayout(row)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

        lock_row = QHBoxLayout()
        lock_label = QLabel(self.tr("&Lock this desk after"))
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, MAX_MINUTES)
        self.lock_minutes.setSpecialValueText(self.tr("never"))
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(lock_minutes())
        self.lock_minutes.setAccessibleName(self.tr("Minutes without activity before the lock"))
        lock_label.setBuddy(self.lock_minutes)
        lock_row.addWidget(lock_label)
        lock_row.addWidget(self.lock_minutes)
        lock_row.addWidget(QLabel(self.tr("of inactivity (0: never).")))
        lock_row.addStretch(1)
        lay.addLayout(lock_row)

        self.new_button.clicked.connect(self.new_account)
        self.roles_button.clicked.connect(self.change_roles)
        self.reset_button.clicked.connect(self.reset_secret)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.own_button.clicked.connect(self.change_own)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.lock_minutes.valueChanged.connect(self._on_minutes)
        follow_permission(ctx, self.lock_minutes, Permission.OPERATORS)
        ctx.principal_changed.connect(self._update_buttons)
        from tierslieu_desktop.ui.widgets.lazy import load_when_shown

        load_when_shown(self, self.reload)

    def refresh(self) -> None:
        """An account changed elsewhere (another desk, a login): the list read again, the
        account chosen kept."""
        if not self._read:
            return  # not shown yet: read when first shown
        row = self.current()
        self.reload(row.id if row is not None else None)

    def reload(self, select_id: int | None = None) -> None:
        self._read = True
        self.list.clear()
        self._rows = {r.id: r for r in accounts.list_accounts(self.ctx.db, include_inactive=True)}
        for r in self._rows.values():
            roles = roles_words(r.roles) or self.tr("no role")
            text = f"{r.name}  ·  {roles}"
            if not r.can_log_in:
                text += "  ·  " + self.tr("no password yet")
            if not r.active:
                text += "  ·  " + self.tr("inactive")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
            if r.id == select_id:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def current(self) -> AccountRow | None:
        item = self.list.currentItem()
        return self._rows.get(int(item.data(Qt.ItemDataRole.UserRole))) if item else None

    def _update_buttons(self, *_args: object) -> None:
        admin = allowed(self.ctx, Permission.OPERATORS)
        row = self.current()
        for button in (self.roles_button, self.reset_button, self.toggle_button):
            button.setVisible(admin)
            button.setEnabled(admin and row is not None)
        self.new_button.setVisible(admin)
        self.toggle_button.setText(
            self.tr("Reactivate") if row is not None and not row.active else self.tr("Deactivate")
        )
        self.own_button.setEnabled(self.ctx.db.principal is not None)

    def _done(self, select_id: int | None) -> None:
        self.message.clear()
        self.ctx.notify("operator", [select_id] if select_id is not None else [])
        self.reload(select_id)

    def new_account(self) -> int | None:
        dialog = NewAccountDialog(self.ctx, self)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self._done(dialog.created_id)
        return dialog.created_id

    def change_roles(self) -> None:
        row = self.current()
        if row is None:
            return
        self.dialog = dialog = RolesDialog(self.ctx, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(row.id)

    def reset_secret(self) -> None:
        row = self.current()
        if row is None:
            return
        self.dialog = dialog = ResetSecretDialog(self.ctx, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(row.id)
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(
                self.tr("The password of {name} was changed.").format(name=row.name)
            )

    def toggle_active(self) -> None:
        from tierslieu_desktop.services.people import operators

        row = self.current()
        if row is None:
            return
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.clear()
        if row.active and not confirm(
            self,
            self.tr("Deactivate the account"),
            self.tr(
                "{name} will no longer be able to log in. What they recorded stays "
                "recorded under their name."
            ).format(name=row.name),
            self.tr("Deactivate"),
        ):
            return
        try:
            operators.set_operator_active(self.ctx.db, row.id, not row.active)
        except DomainError as exc:
            self.message.setText(error_message(exc))
            return
        self._done(row.id)

    def change_own(self) -> None:
        if self.ctx.db.principal is None:
            return
        self.dialog = dialog = OwnSecretDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(self.tr("Your password was changed."))

    def _on_minutes(self, minutes: int) -> None:
        save_lock_minutes(minutes)
        idle = getattr(self.window(), "idle_lock", None)
        if idle is not None:
            idle.restart()
