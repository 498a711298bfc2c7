"""Paramètres › Base de données (issue 20): where the lab's data is kept from the next
start — a file on this computer (SQLite, one desk) or a PostgreSQL server of the lab's
network (several desks): host, port, database, user, password, « Tester la connexion »
(services.safety.server, off the window's thread: an unreachable server takes seconds).
A server is saved only once it answered as usable; its password goes to the private
password file (config.save_password, 0600), never to the settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop import config
from tierslieu_desktop.services.safety import server
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.background import read_in_background
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.widgets.form import ERROR_STYLE, ValidatedForm

OK_STYLE = "color: #1b5e20;"
MAX_FIELD = 200  # host names, database and user names, a password


class DatabaseTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._testing = False
        self._save_when_tested = False
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Where the lab's data is kept. One computer: a file on this computer. "
                "Several desks at once: a PostgreSQL server on the lab's network (ask "
                "the person who installed it for its address, user and password). A "
                "change is used the next time the application starts."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.current = QLabel(
            self.tr("Database in use: {target}").format(target=ctx.db.shown_target)
        )
        self.current.setWordWrap(True)
        lay.addWidget(self.current)

        self.use_file = QRadioButton(self.tr("A &file on this computer"))
        self.use_file.setAccessibleName(self.tr("Keep the data in a file on this computer"))
        self.use_server = QRadioButton(self.tr("A PostgreSQL server on the lab's net&work"))
        self.use_server.setAccessibleName(self.tr("Keep the data on a PostgreSQL server"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.use_file)
        self.choice.addButton(self.use_server)

        lay.addWidget(self.use_file)
        self.file_box = QWidget()
        file_row = QHBoxLayout(self.file_box)
        file_row.setContentsMargins(24, 0, 0, 0)
        self.path = QLineEdit()
        self.path.setMaxLength(4096)
        self.path.setPlaceholderText(str(config.default_database_path()))
        self.path.setAccessibleName(self.tr("Database file"))
        self.choose_file = QPushButton(self.tr("Choose…"))
        self.choose_file.setAccessibleName(self.tr("Choose the database file"))
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_file)
        lay.addWidget(self.file_box)

        lay.addWidget(self.use_server)
        self.server_box = QWidget()
        self.form = ValidatedForm(self.server_box)
        self.form.setContentsMargins(24, 0, 0, 0)
        self.host = self.form.add_field("host", self.tr("Server address:"), QLineEdit())
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.20 or serveur.local"))
        self.port = self.form.add_field("port", self.tr("Port:"), QSpinBox())
        self.port.setRange(1, 65535)
        self.port.setValue(config.POSTGRESQL_DEFAULT_PORT)
        self.database = self.form.add_field("database", self.tr("Database:"), QLineEdit())
        self.database.setPlaceholderText("tierslieu")
        self.user = self.form.add_field("user", self.tr("User:"), QLineEdit())
        self.password = self.form.add_field("password", self.tr("Password:"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.host, self.database, self.user, self.password):
            edit.setMaxLength(MAX_FIELD)
        self.tls = QCheckBox(self.tr("Require an encrypted connection (&TLS)"))
        self.tls.setAccessibleName(self.tr("Require an encrypted connection"))
        self.tls.setToolTip(
            self.tr(
                "The server installed with install-server.sh offers it. Untick only for a "
                "server on this very computer that has no certificate."
            )
        )
        self.tls.setChecked(True)
        self.form.addRow("", self.tls)
        lay.addWidget(self.server_box)

        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test the co&nnection"))
        self.test_button.setAccessibleName(self.tr("Test the connection to the server"))
        self.save_button = QPushButton(self.tr("Sa&ve"))
        self.save_button.setAccessibleName(self.tr("Save the database choice"))
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Connection test result"))
        lay.addWidget(self.message)
        lay.addStretch(1)

        self._load()
        self.use_file.toggled.connect(self._update_mode)
        self.choose_file.clicked.connect(self.choose)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        self._update_mode()

    def _load(self) -> None:
        saved = config.saved_database()
        if saved.get("engine") == "postgresql":
            self.use_server.setChecked(True)
            self.host.setText(str(saved.get("host", "")))
            port = saved.get("port")
            self.port.setValue(port if isinstance(port, int) else config.POSTGRESQL_DEFAULT_PORT)
            self.database.setText(str(saved.get("database", "")))
            self.user.setText(str(saved.get("user", "")))
            self.tls.setChecked(saved.get("tls") is True)
            self.password.setPlaceholderText(self.tr("kept (type to change it)"))
        else:
            self.use_file.setChecked(True)
            self.path.setText(str(saved.get("path", "") or ""))

    def _update_mode(self, *_args: object) -> None:
        server_mode = self.use_server.isChecked()
        self.file_box.setEnabled(not server_mode)
        self.server_box.setEnabled(server_mode)
        self.test_button.setEnabled(server_mode and not self._testing)
        self.save_button.setEnabled(not self._testing)

    def choose(self) -> None:
        chosen = file_dialogs.save_file(
            self,
            self.tr("Database file"),
            self.path.text() or str(config.default_database_path()),
            self.tr("Tiers-Lieu database (*.sqlite)"),
            kind="database",
        )
        if chosen:
            self.path.setText(chosen)

    def _server_fields(self) -> tuple[str, int, str, str, str] | None:
        values = {
            "host": self.host.text().strip(),
            "database": self.database.text().strip(),
            "user": self.user.text().strip(),
        }
        missing = {name: "required" for name, value in values.items() if not value}
        if missing:
            self.form.show_errors(missing)
            return None
        self.form.clear_errors()
        port = self.port.value()
        return values["host"], port, values["database"], values["user"], self.password.text()

    def test_connection(self) -> None:
        """Try the server off the window's thread; ``show_check`` says what it found."""
        fields = self._server_fields()
        if fields is None or self._testing:
            return
        host, port, database, user, password = fields
        self._testing = True
        self._update_mode()
        self._say(self.tr("Connecting to {host}:{port}…").format(host=host, port=port), "")
        read_in_background(
            lambda: server.check_server(
                host, port, database, user, password or None, self.tls.isChecked()
            ),
            self.show_check,
        )

    def show_check(self, check: server.ServerCheck) -> None:
        self._testing = False
        self._update_mode()
        self._say(self.check_message(check), OK_STYLE if check.usable else ERROR_STYLE)
        if self._save_when_tested:
            self._save_when_tested = False
            if check.usable:
                self._save_server()

    def check_message(self, check: server.ServerCheck) -> str:
        if check.code == server.OURS and check.upgrade:
            return self.tr(
                "Connection works: this is a Tiers-Lieu database of an earlier version. "
                "It will be brought up to date at the next start."
            )
        messages = {
            server.OURS: self.tr("Connection works: this is a Tiers-Lieu database."),
            server.EMPTY: self.tr(
                "Connection works. The database is empty: the application will create "
                "its tables at the next start."
            ),
            server.UNREACHABLE: self.tr(
                "No server answers at this address and port. Check the address, the "
                "port (usually 5432), that the server is on and that this computer is "
                "on the lab's network."
            ),
            server.LOGIN_REFUSED: self.tr(
                "The server refuses this user or password. Check them with the person "
                "who installed the server."
            ),
            server.NO_DATABASE: self.tr(
                "The server has no database of this name. Check its spelling, or ask "
                "for it to be created."
            ),
            server.FOREIGN: self.tr(
                "This database holds other tables: it is not a Tiers-Lieu database. "
                "Choose an empty database or the lab's one."
            ),
            server.NEWER: self.tr(
                "This database comes from a newer version of Tiers-Lieu Desktop: "
                "update the application on this computer first."
            ),
            server.NO_TLS: self.tr(
                "This server does not offer an encrypted connection. Ask the person who "
                "installed it to run install-server.sh again (it sets up TLS); untick "
                "« Require an encrypted connection » only for a server on this computer."
            ),
        }
        text = messages.get(check.code, self.tr("The connection failed. The server said: {detail}"))
        return text.format(detail=check.detail)

    def save(self) -> None:
        if self.use_file.isChecked():
            path = self.path.text().strip()
            config.save_sqlite_database(path or None)
            self._say(self._saved_text(), OK_STYLE)
            return
        if self._server_fields() is None:
            return
        # a server is saved only once it answered as usable: test it first
        self._save_when_tested = True
        self.test_connection()

    def _save_server(self) -> None:
        fields = self._server_fields()
        if fields is None:
            return
        host, port, database, user, password = fields
        config.save_server_database(
            host, port, database, user, password or None, self.tls.isChecked()
        )
        self.password.clear()
        self.password.setPlaceholderText(self.tr("kept (type to change it)"))
        self._say(self.message.text() + "\n" + self._saved_text(), OK_STYLE)

    def _saved_text(self) -> str:
        return self.tr("Saved: this database will be used the next time the application starts.")

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
