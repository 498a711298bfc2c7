"""The start: the window's shell is painted before SQLAlchemy is imported, the database is
opened right after, Accueil's figures follow; a wrong file is still reported alone."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from PySide6.QtWidgets import QLabel

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.files import ready_to_open


def _python(code: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        timeout=120,
    )


def _ready_file(tmp_path):
    path = tmp_path / "lab.sqlite"
    open_database(str(path)).dispose()
    return path


def test_the_window_shell_needs_neither_sqlalchemy_nor_the_services():
    result = _python(
        "import sys\n"
        "import tierslieu_desktop.app, tierslieu_desktop.ui.main_window\n"
        "from tierslieu_desktop.app import create_application\n"
        "from tierslieu_desktop.ui.main_window import MainWindow\n"
        "app = create_application()\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'alembic', 'reportlab', 'PIL', 'babel'})\n"
        "services = [m for m in sys.modules if m.startswith('tierslieu_desktop.services')]\n"
        "print(heavy, services)\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] []"


def test_the_first_paint_comes_before_accueil_s_figures(tmp_path):
    path = _ready_file(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "tierslieu_desktop", "--db", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIERSLIEU_EXIT_WHEN_SHOWN": "1"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    times = dict(line.split("=") for line in result.stdout.split())
    assert float(times["shown_at"]) < float(times["figures_at"])


def test_a_file_opened_after_the_first_paint_is_only_a_current_file_of_ours(tmp_path):
    ready = _ready_file(tmp_path)
    assert ready_to_open(str(ready))
    assert ready_to_open(f"sqlite:///{ready}")
    assert not ready_to_open(str(tmp_path / "new.sqlite"))  # created before the window
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert not ready_to_open(str(text))  # reported before any window
    (tmp_path / "empty.sqlite").touch()
    assert not ready_to_open(str(tmp_path / "empty.sqlite"))
    older = tmp_path / "older.sqlite"
    older.write_bytes(ready.read_bytes())
    con = sqlite3.connect(older)
    con.execute("UPDATE alembic_version SET version_num = '0001'")
    con.commit()
    con.close()
    assert not ready_to_open(str(older))  # migrated (and backed up) before the window
    assert not ready_to_open("postgresql://lab@server/tierslieu")


def test_a_current_file_made_unreadable_after_the_check_is_reported_in_words(tmp_path):
    """Between the check and the open, a file can still turn out wrong: the window goes
    and the reason is printed, as for a wrong file before the window."""
    path = _ready_file(tmp_path)
    code = (
        "import sys\n"
        "from tierslieu_desktop import app\n"
        "from tierslieu_desktop.db import engine\n"
        "def refuse(target, **_kw):\n"
        "    raise engine.DatabaseOpenError('damaged', target, 'page 3 illisible')\n"
        "engine.open_database = refuse\n"
        "sys.exit(app.run(sys.argv[1], 'fr'))\n"
    )
    result = _python(code, str(path))
    assert result.returncode == 2
    assert "lab.sqlite" in result.stderr and "page 3 illisible" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_shell_waits_for_its_database_then_shows_accueil(qtbot, ctx):
    from tierslieu_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert not window.is_attached()
    assert not window.sidebar.isEnabled()
    opening = window.db_label.text()  # "Ouverture de la base de données…"
    assert not any(action.isEnabled() for action in window.actions())

    window.attach(ctx)
    assert window.sidebar.isEnabled()
    assert window.current_key() == "home"
    home = window.stack.currentWidget()
    assert home is window.page("home")
    figures = [label.text() for label in home.findChildren(QLabel, "cardValue")]
    assert figures and "–" not in figures
    assert str(ctx.db.target) in window.db_label.text() and opening not in window.db_label.text()
    assert window.operator_button.isEnabled() and window.operator_button.text() == "Accueil"
    assert window.lock_button.isEnabled()
    window.show_page("members")
    assert window.current_key() == "members"


def test_the_first_paint_imports_nothing_of_the_login_and_the_desk_starts_locked(tmp_path):
    """Issue 14: the login window (its screen, the permissions, argon2) is imported after
    the shell's first paint, and it still covers the window when Accueil's figures are
    painted behind it."""
    path = _ready_file(tmp_path)
    code = (
        "import sys\n"
        "from tierslieu_desktop import app\n"
        "seen = {}\n"
        "init = app._Start.__init__\n"
        "def spy(self, *args, **kwargs):\n"
        "    init(self, *args, **kwargs)\n"
        "    app._OnPaint(self.window, lambda: seen.setdefault('paint', sorted(sys.modules)))\n"
        "app._Start.__init__ = spy\n"
        "figures = app._Start.figures_painted\n"
        "def at_figures(self):\n"
        "    seen['locked'] = self.window.is_locked()\n"
        "    figures(self)\n"
        "app._Start.figures_painted = at_figures\n"
        "code = app.run(sys.argv[1], 'fr')\n"
        "login = ('argon2', 'sqlalchemy', 'tierslieu_desktop.ui.lock_screen', "
        "'tierslieu_desktop.ui.access', 'tierslieu_desktop.ui.permission_words', "
        "'tierslieu_desktop.ui.idle_lock', 'tierslieu_desktop.domain.permissions', "
        "'tierslieu_desktop.services')\n"
        "early = [m for m in seen['paint'] if m.startswith(login)]\n"
        "print(code, early, seen.get('locked'), 'tierslieu_desktop.ui.lock_screen' in sys.modules)\n"
    )
    result = _python(code, str(path), TIERSLIEU_EXIT_WHEN_SHOWN="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "0 [] True True"


def test_accueil_s_figures_come_without_what_they_do_not_need(tmp_path):
    """Issue 14 (figures painted within a second on the large demo): on a SQLite file,
    nothing of PostgreSQL, the migrations, the number checks (SIRET, IBAN) nor argon2
    is imported before Accueil's figures; and PySide6's own import hook, set aside while
    the start imports SQLAlchemy and the models, is back once they are painted."""
    path = _ready_file(tmp_path)
    code = (
        "import builtins, sys\n"
        "from tierslieu_desktop import app\n"
        "seen = {}\n"
        "figures = app._Start.figures_painted\n"
        "def at_figures(self):\n"
        "    seen['modules'] = sorted(sys.modules)\n"
        "    seen['hook'] = builtins.__import__ is not builtins.__orig_import__\n"
        "    figures(self)\n"
        "app._Start.figures_painted = at_figures\n"
        "code = app.run(sys.argv[1], 'fr')\n"
        "unneeded = ('sqlalchemy.dialects.postgresql', 'alembic', 'stdnum', 'argon2')\n"
        "early = [m for m in seen['modules'] if m.startswith(unneeded)]\n"
        "print(code, early, seen['hook'], 'sqlalchemy.orm' in seen['modules'])\n"
    )
    result = _python(code, str(path), TIERSLIEU_EXIT_WHEN_SHOWN="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "0 [] True True"


def test_the_shell_is_painted_in_fusion_and_the_application_s_style_follows(tmp_path):
    """Issue 14 (first paint within 2x a bare window): the shell is painted in Qt's Fusion
    before the application's style (Tab leaves the tables) and the dialogs' filter (F1,
    dialogs within the screen) are installed, without PySide6's ``Qt`` namespace (its
    ~100 enums) and before the log file is started; the style, the filter and the log are
    there once Accueil's figures are."""
    path = _ready_file(tmp_path)
    code = (
        "import sys\n"
        "from tierslieu_desktop import app\n"
        "seen = {}\n"
        "init = app._Start.__init__\n"
        "def spy(self, *args, **kwargs):\n"
        "    init(self, *args, **kwargs)\n"
        "    app._OnPaint(self.window, lambda: seen.setdefault('paint', (\n"
        "        self.app.style().name(), 'tierslieu_desktop.ui.app_style' in sys.modules,\n"
        "        'tierslieu_desktop.ui.every_dialog' in sys.modules,\n"
        "        'Qt' in vars(sys.modules['PySide6.QtCore']),\n"
        "        'logging.handlers' in sys.modules)))\n"
        "app._Start.__init__ = spy\n"
        "figures = app._Start.figures_painted\n"
        "def at_figures(self):\n"
        "    from tierslieu_desktop import logs\n"
        "    from tierslieu_desktop.ui import app_style, every_dialog\n"
        "    style = self.app.style()\n"
        "    base = style.baseStyle().name()\n"
        "    started = 'started' in logs.current_log_path().read_text(encoding='utf-8')\n"
        "    seen['figures'] = (type(style).__name__, base, len(every_dialog._filter), started)\n"
        "    figures(self)\n"
        "app._Start.figures_painted = at_figures\n"
        "code = app.run(sys.argv[1], 'fr')\n"
        "print(code, seen['paint'], seen['figures'])\n"
    )
    result = _python(code, str(path), TIERSLIEU_EXIT_WHEN_SHOWN="1")
    assert result.returncode == 0, result.stderr
    last = result.stdout.split("\n")[-2]
    assert last == "0 ('fusion', False, False, False, False) ('AppStyle', 'fusion', 1, True)"


def test_the_window_s_keys_once_its_database_is_open(qtbot, ctx):
    """The shell sets its shortcuts without PySide6's ``Qt`` namespace (a list of one key
    sequence): the keys are Qt's own; Ctrl+L locks from any window once attached."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    from tierslieu_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    window.attach(ctx)
    assert window.lock_action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    assert window.guide_action.shortcut() == QKeySequence(Qt.Key.Key_F1)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.new_member_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    keys = [window._page_actions[key].shortcut().toString() for key in window.PAGE_KEYS]
    assert keys == [f"Ctrl+{i}" for i in range(1, 10)]
    assert window.connection_banner.parent() is window.banner.parent()
    assert not window.connection_banner.isVisible()


def test_an_error_before_the_first_paint_still_ends_in_the_log(tmp_path):
    """The window starts its log after its first paint: an uncaught error before that
    starts it, and is written there (the windowed build has no console)."""
    data = tmp_path / "data"
    code = (
        "import sys\n"
        "from tierslieu_desktop import app, cli\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('no screen today')\n"
        "app.create_application = broken\n"
        "cli.main(['--db', sys.argv[1]])\n"
    )
    result = _python(code, str(_ready_file(tmp_path)), TIERSLIEU_DATA_DIR=str(data))
    assert result.returncode == 1
    assert "RuntimeError: no screen today" in result.stderr
    log = (data / "tierslieu.log").read_text(encoding="utf-8")
    assert "started" in log and "RuntimeError: no screen today" in log
