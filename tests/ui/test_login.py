"""The window's login (issue 19 point 1): the lock screen over the window, the first
administrator of a new or upgraded database, Ctrl+L and the idle lock, what each role
sees, and Paramètres › Comptes — driven with the mouse and the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidget

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Role
from tierslieu_desktop.services.people import accounts, operators

PAGES = (
    "home",
    "members",
    "machines",
    "bookings",
    "activity",
    "checkout",
    "finances",
    "reports",
    "settings",
)


@pytest.fixture
def fr(qapp):
    from tierslieu_desktop.app import install_translators
    from tierslieu_desktop.ui.background import wait_for_reads

    translators = install_translators(qapp, "fr")
    yield
    wait_for_reads()
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def open_window(qtbot, db, fr):
    """The main window on ``db`` as the application opens it: locked until a login."""
    from tierslieu_desktop.app import make_context
    from tierslieu_desktop.ui.main_window import MainWindow

    def make():
        window = MainWindow(make_context(db, "fr"))
        qtbot.addWidget(window)
        window.resize(1024, 768)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.lock()
        return window

    return make


@pytest.fixture
def staff(db):
    """An administrator and an Accueil account (PIN) on the database."""
    admin = accounts.claim_administration(db, "Claire", "motdepasse1")
    accueil = accounts.create_account(db, "Lucas", {Role.ACCUEIL}, "4821")
    return admin.operator_id, accueil


def _log_in(qtbot, window, name: str, secret: str) -> None:
    """Click the name, type the secret, Enter; wait for argon2's answer."""
    screen = window.lock_screen
    items = screen.accounts.findItems(name, Qt.MatchFlag.MatchStartsWith)
    assert items, f"{name} is not offered on the lock screen"
    rect = screen.accounts.visualItemRect(items[0])
    qtbot.mouseClick(screen.accounts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.secret.hasFocus()
    qtbot.keyClicks(screen.secret, secret)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)


def _error(window) -> str:
    return window.lock_screen.error.text() if window.lock_screen.error.isVisible() else ""


def test_first_start_creates_the_administrator(qtbot, db, open_window):
    window = open_window()
    screen = window.lock_screen
    assert window.is_locked() and screen.mode == "first"
    assert screen.title.text() == "Créer le compte administrateur"
    assert not window.sidebar.isEnabled()  # nothing behind is reachable
    assert screen.name.hasFocus()
    qtbot.keyClicks(screen.name, "Claire")
    qtbot.keyClick(screen.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(screen.secret, "court")
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)  # to the second field
    qtbot.keyClicks(screen.again, "court")
    qtbot.keyClick(screen.again, Qt.Key.Key_Return)
    assert "au moins 8 caractères" in _error(window)
    assert window.is_locked()

    screen.secret.clear()
    screen.again.clear()
    qtbot.keyClicks(screen.secret, "atelier-2026")
    qtbot.keyClicks(screen.again, "atelier-2025")
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert _error(window) == "Les deux saisies sont différentes."

    screen.again.clear()
    qtbot.keyClicks(screen.again, "atelier-2026")
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10_000)
    who = db.principal
    assert who is not None and who.name == "Claire" and who.is_admin
    assert not accounts.needs_administrator(db)
    assert window.sidebar.isEnabled()
    assert window.operator_button.text() == "Claire (Administration)"
    assert window.ctx.operator_id == who.operator_id  # what she records is hers


def test_a_wrong_password_is_said_and_five_wrong_tries_make_the_desk_wait(
    qtbot, staff, open_window
):
    window = open_window()
    assert window.lock_screen.mode == "login"
    assert window.lock_screen.structure.text()  # the structure's name, or the app's
    _log_in(qtbot, window, "Claire", "pas-le-bon")
    assert _error(window) == "Mot de passe ou code incorrect."
    assert window.is_locked()
    for _ in range(4):
        window.lock_screen.secret.clear()
        _log_in(qtbot, window, "Claire", "pas-le-bon")
    window.lock_screen.secret.clear()
    _log_in(qtbot, window, "Claire", "motdepasse1")  # even the right one waits now
    text = _error(window)
    assert text.startswith("Trop d'essais : réessayez dans ") and text.endswith(" s.")
    assert 1 <= int(text.split("dans ")[1].split(" ")[0]) <= 31
    assert window.is_locked()


def test_ctrl_l_locks_the_desk_and_another_operator_logs_in_on_the_same_page(
    qtbot, staff, open_window
):
    window = open_window()
    _log_in(qtbot, window, "Claire", "motdepasse1")
    assert not window.is_locked()
    window.show_page("members")
    qtbot.keyClick(window.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked()
    # nothing behind: the page shortcuts and the sidebar are off
    qtbot.keyClick(window.lock_screen.secret, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "members"
    assert not window.sidebar.isEnabled() and not window.statusBar().isEnabled()
    _log_in(qtbot, window, "Lucas", "4821")
    assert not window.is_locked()
    assert window.ctx.db.principal.name == "Lucas"
    assert window.current_key() == "members"  # the window kept its page
    assert window.operator_button.text() == "Lucas (Accueil)"


def test_an_accueil_account_sees_no_finances_and_cannot_issue_a_credit_note(
    qtbot, staff, open_window
):
    window = open_window()
    _log_in(qtbot, window, "Lucas", "4821")
    hidden = {key for row, key in enumerate(PAGES) if window.sidebar.isRowHidden(row)}
    assert hidden == {"activity", "finances", "reports"}  # the matrix of domain.permissions
    qtbot.keyClick(window.sidebar, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() != "finances"
    checkout = window.show_page("checkout")
    credit = checkout.invoices.action_buttons["credit"]
    assert credit.isHidden()  # « Émettre un avoir… » is not offered
    assert not checkout.tabs.isTabVisible(checkout.tabs.indexOf(checkout.closings))
    machines = window.show_page("machines")  # the status and maintenance, not the park
    assert machines.new_machine_button.isHidden() and machines.import_button.isHidden()
    settings = window.show_page("settings")
    shown = [
        settings.tabs.tabText(i).replace("&", "")
        for i in range(settings.tabs.count())
        if settings.tabs.isTabVisible(i)
    ]
    assert shown == ["Comptes", "Langue"]
    assert settings.accounts.own_button.isVisible()
    assert not settings.accounts.new_button.isVisible()

    # the administrator, at the same desk after Ctrl+L, sees everything again
    window.lock()
    _log_in(qtbot, window, "Claire", "motdepasse1")
    assert not any(window.sidebar.isRowHidden(row) for row in range(len(PAGES)))
    window.show_page("checkout")
    assert not credit.isHidden()
    assert not machines.new_machine_button.isHidden()


def test_a_refused_action_is_said_in_french(fr):
    from tierslieu_desktop.ui.errors import error_message

    err = DomainError("not_permitted", permission="credit_notes", operator="Lucas", roles="accueil")
    assert error_message(err) == "Votre compte (Accueil) ne permet pas : émettre un avoir."


def test_the_desk_locks_itself_after_the_idle_minutes(qtbot, staff, open_window):
    from tierslieu_desktop.ui.idle_lock import lock_minutes

    window = open_window()
    window.start_idle_lock()
    _log_in(qtbot, window, "Claire", "motdepasse1")
    assert window.idle_lock.timer.interval() == 10 * 60_000  # 10 minutes by default
    accounts_tab = window.show_page("settings").accounts
    window.show_page("settings").tabs.setCurrentWidget(accounts_tab)
    accounts_tab.lock_minutes.setValue(2)
    assert lock_minutes() == 2 and window.idle_lock.timer.interval() == 2 * 60_000
    window.idle_lock.restart(interval_ms=3_000)  # the same timer, shorter
    qtbot.wait(1_000)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)  # an input: counted again from here
    assert not window.is_locked()
    assert window.idle_lock.timer.remainingTime() > 2_000
    qtbot.waitUntil(window.is_locked, timeout=10_000)
    assert window.lock_screen.accounts.currentItem().text().startswith("Claire")


def _answer(qtbot, tab, fill) -> None:
    """Fill the dialog the tab opens, from inside its exec()."""

    def run() -> None:
        dialog = tab.dialog
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():  # never left open when the fill failed
                dialog.reject()

    QTimer.singleShot(0, run)


def test_the_accounts_tab_creates_an_account_and_resets_a_password(qtbot, db, staff, open_window):
    window = open_window()
    _log_in(qtbot, window, "Claire", "motdepasse1")
    settings = window.show_page("settings")
    settings.tabs.setCurrentWidget(settings.accounts)
    tab = settings.accounts
    assert tab.list.count() == 2

    def new_account(dialog) -> None:
        dialog.name.setText("Inès")  # QTest types ASCII only
        dialog.roles[Role.ACCUEIL].setChecked(False)
        mediation = dialog.roles[Role.MEDIATION]
        mediation.setFocus()
        qtbot.keyClick(mediation, Qt.Key.Key_Space)
        assert mediation.isChecked()
        qtbot.keyClicks(dialog.secret, "cyberbase46")
        qtbot.keyClicks(dialog.again, "cyberbase46")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    _answer(qtbot, tab, new_account)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.list.count() == 3
    assert "Inès  ·  Médiation numérique" in [tab.list.item(i).text() for i in range(3)]
    ines = accounts.authenticate(db, "Inès", "cyberbase46")
    assert ines.roles == frozenset({Role.MEDIATION})

    def reset(dialog) -> None:
        qtbot.keyClicks(dialog.secret, "135790")
        qtbot.keyClicks(dialog.again, "135790")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    tab.list.setCurrentItem(tab.list.findItems("Inès", Qt.MatchFlag.MatchStartsWith)[0])
    _answer(qtbot, tab, reset)
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Le mot de passe de Inès a été changé."
    assert accounts.authenticate(db, "Inès", "135790").name == "Inès"
    with pytest.raises(DomainError):
        accounts.authenticate(db, "Inès", "cyberbase46")

    # the last administrator cannot be deactivated
    from tierslieu_desktop.ui.widgets import confirm as confirm_module

    tab.list.setCurrentItem(tab.list.findItems("Claire", Qt.MatchFlag.MatchStartsWith)[0])
    original = confirm_module.confirm
    try:
        import tierslieu_desktop.ui.pages.settings.accounts_tab as module

        module.confirm = lambda *_a, **_k: True
        qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    finally:
        module.confirm = original
    assert "dernier administrateur" in tab.message.text()
    assert accounts.principal_of(db, db.principal.operator_id).is_admin


def test_an_upgraded_database_asks_for_the_administrator_s_password(qtbot, db, open_window):
    operators.create_operator(db, "Accueil")
    operators.create_operator(db, "Marie")  # operators from before accounts, no secret
    window = open_window()
    screen = window.lock_screen
    assert screen.mode == "claim"
    assert screen.explain.text() == (
        "Cette base vient d'être mise à jour : choisissez le mot de passe de l'administrateur."
    )
    assert [screen.who.itemText(i) for i in range(screen.who.count())][:2] == [
        "Accueil",
        "Marie",
    ]
    screen.who.setCurrentIndex(screen.who.findText("Marie"))
    assert not screen.name.isVisible()  # her name is kept
    qtbot.keyClicks(screen.secret, "fablab-lot")
    qtbot.keyClicks(screen.again, "fablab-lot")
    qtbot.keyClick(screen.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10_000)
    assert db.principal.name == "Marie" and db.principal.is_admin
    assert len(operators.list_operators(db)) == 2  # no new operator


def test_the_lock_screen_lists_only_accounts_that_can_log_in(qtbot, db, staff, open_window):
    operators.create_operator(db, "Ancien poste")  # no secret: cannot log in
    window = open_window()
    names = [
        window.lock_screen.accounts.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(window.lock_screen.accounts.count())
    ]
    assert names == ["Claire", "Lucas"]
    assert isinstance(window.lock_screen.accounts, QListWidget)


def test_a_restore_keeps_the_operator_logged_in_on_the_restored_database(
    qtbot, db, tmp_path, open_window
):
    """The restore opens a new Database: the operator logged in is set on it again; one
    whose account the backup does not hold finds the desk locked."""
    from tierslieu_desktop.services.safety import backups

    accounts.claim_administration(db, "Claire", "motdepasse1")
    before_zoe = backups.make_backup(db, tmp_path / "usb")
    accounts.create_account(db, "Zoé", {Role.ADMIN, Role.TRESORERIE}, "motdepasse2")
    accounts.create_account(db, "Lucas", {Role.ACCUEIL}, "4821")
    with_zoe = backups.make_backup(db, tmp_path / "usb2")
    window = open_window()
    _log_in(qtbot, window, "Lucas", "4821")
    with pytest.raises(DomainError) as refused:  # restoring is the administration's
        window.restore_backup(with_zoe.path, None)
    assert refused.value.code == "not_permitted"
    window.lock()
    _log_in(qtbot, window, "Zoé", "motdepasse2")
    old = window.ctx.db
    assert window.restore_backup(with_zoe.path, None) is None
    assert window.ctx.db is not old and window.ctx.db.principal.name == "Zoé"
    assert not window.is_locked()
    assert not window.sidebar.isRowHidden(PAGES.index("finances"))  # still Zoé's window

    assert window.restore_backup(before_zoe.path, None) is None
    assert window.ctx.db.principal is None and window.is_locked()
    names = [
        window.lock_screen.accounts.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(window.lock_screen.accounts.count())
    ]
    assert names == ["Claire"]
    _log_in(qtbot, window, "Claire", "motdepasse1")
    assert window.ctx.db.principal.name == "Claire" and not window.is_locked()


def test_tierslieu_user_and_password_log_in_at_once(qtbot, staff, open_window, monkeypatch):
    """The start with TIERSLIEU_USER / TIERSLIEU_PASSWORD (scripts, the benchmarks): the
    lock screen logs them in as if typed; a wrong one stays on the lock screen, said."""
    from tierslieu_desktop.app import auto_login

    monkeypatch.setenv("TIERSLIEU_USER", "lucas")  # the name's case does not matter
    monkeypatch.setenv("TIERSLIEU_PASSWORD", "4821")
    window = open_window()
    window.lock(auto_login=auto_login())
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10_000)
    assert window.ctx.db.principal.name == "Lucas"

    monkeypatch.setenv("TIERSLIEU_PASSWORD", "0000")
    window.lock(auto_login=auto_login())
    qtbot.waitUntil(lambda: not window.lock_screen.busy, timeout=10_000)
    assert window.is_locked() and _error(window) == "Mot de passe ou code incorrect."


@pytest.mark.parametrize("who", ["Claire", "Lucas"])
def test_no_page_built_for_an_account_flashes_a_window_of_its_own(qtbot, staff, open_window, who):
    """A button shown by its role before it was put in its layout became a window of its
    own for an instant — enough to take the focus away from the main window (F1 then did
    nothing on Caisse › Remises). Every page is built after the login: no other window."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    window = open_window()
    _log_in(qtbot, window, who, "motdepasse1" if who == "Claire" else "4821")
    flashed: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # Qt's name
            if (
                event.type() == QEvent.Type.Show
                and watched.isWidgetType()
                and watched.isWindow()
                and watched is not window
            ):
                flashed.append(f"{type(watched).__name__} {watched.objectName()}")
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        for row, key in enumerate(PAGES):
            if not window.sidebar.isRowHidden(row):
                window.show_page(key)
                QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert flashed == []
    assert QApplication.activeWindow() is window
