"""The database out of reach at a desk (issue 20, point 5): the banner « Connexion au
serveur perdue — nouvel essai dans N s… », the dialog whose save failed kept open with
what was typed, nothing saved, the retry (automatic, or « Réessayer maintenant ») off
the window's thread, and on recovery the banner gone and every page told to read again.

The server's loss is a fake here (the Database raises ``server_unreachable`` and tells
its listeners, as db/engine.py does when psycopg loses the connection; the real loss is
tests/db/test_connection_loss.py on PostgreSQL); an SQLite file that vanishes is real."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from tierslieu_desktop.db import engine
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.finance import funding
from tierslieu_desktop.ui import connection


@pytest.fixture
def window(qapp, qtbot, db, operator):
    from tierslieu_desktop.app import build_main_window, install_translators
    from tierslieu_desktop.ui.background import wait_for_reads

    translators = install_translators(qapp, "fr")
    ctx, win = build_main_window(db, "fr")
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    yield win
    win.connection_banner.stop()
    wait_for_reads()
    for t in translators:
        qapp.removeTranslator(t)


class FakeServer:
    """A PostgreSQL server that can be unplugged: while it is, every write of the
    Database raises ``server_unreachable`` after telling the listeners, and
    ``reachable`` says False."""

    def __init__(self, db, monkeypatch) -> None:
        self.db = db
        self.up = True
        real_write = db.write
        monkeypatch.setattr(db, "is_sqlite", False)  # the words of a server

        @contextmanager
        def write():
            if not self.up:
                raise db.unreachable(OSError("server closed the connection unexpectedly"))
            with real_write() as session:
                yield session

        monkeypatch.setattr(db, "write", write)
        monkeypatch.setattr(db, "reachable", lambda: self.up)


def _funder_dialog(window, name: str):
    from tierslieu_desktop.ui.pages.finances.dialogs import FunderDialog

    dialog = FunderDialog(window.ctx, parent=window)
    dialog.show()
    dialog.name.setText(name)
    dialog.contact.setText("Mme Delmas, 05 65 00 00 00")
    return dialog


def test_server_lost_keeps_the_dialog_shows_the_banner_and_recovers_on_retry_now(
    qtbot, window, db, monkeypatch
):
    server = FakeServer(db, monkeypatch)
    banner = window.connection_banner
    dialog = _funder_dialog(window, "Région Occitanie")
    server.up = False
    dialog.submit()

    # the dialog stays open with what was typed, and says why in French
    assert dialog.isVisible()
    assert dialog.name.text() == "Région Occitanie"
    assert dialog.contact.text() == "Mme Delmas, 05 65 00 00 00"
    said = dialog.banner.text()
    assert "Le serveur de la base de données ne répond pas" in said
    assert "Rien n'a été enregistré" in said and "votre saisie est conservée" in said
    assert funding.list_funders(db) == []
    # the window's banner, with its countdown and its button
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.label.text() == "Connexion au serveur perdue — nouvel essai dans 10 s…"
    assert banner.retry_button.text() == "Réessayer maintenant"

    # « Réessayer maintenant » while the server is still away: the banner stays
    qtbot.mouseClick(banner.retry_button, qtbot_left())
    qtbot.waitUntil(lambda: not banner.probing, timeout=3000)
    assert banner.isVisible()
    assert "nouvel essai dans 10 s" in banner.label.text()

    # the server is back: « Réessayer maintenant » hides the banner, every page reads again
    server.up = True
    told: list[str] = []
    window.ctx.changed.connect(lambda entity, ids: told.append(entity) if not ids else None)
    with qtbot.waitSignal(
        window.ctx.changed, timeout=3000, check_params_cb=lambda entity, ids: entity == "booking"
    ):
        qtbot.mouseClick(banner.retry_button, qtbot_left())
    # every entity the pages listen to is told, as the live refresh does after a reconnect
    assert {"booking", "member", "invoice", "payment", "drop_in"} <= set(told)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=2000)
    # the same dialog, as it was, now saves
    dialog.submit()
    assert not dialog.isVisible()
    assert [f.name for f in funding.list_funders(db)] == ["Région Occitanie"]


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_automatic_retry_hides_the_banner_when_the_server_answers(
    qtbot, window, db, monkeypatch
):
    monkeypatch.setattr(connection, "RETRY_S", 2)
    server = FakeServer(db, monkeypatch)
    banner = window.connection_banner
    server.up = False
    with pytest.raises(DomainError), db.write():
        pass
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.label.text() == "Connexion au serveur perdue — nouvel essai dans 2 s…"
    qtbot.waitUntil(lambda: "dans 1 s" in banner.label.text(), timeout=2500)
    # one automatic try fails (the server still away): the countdown starts again
    qtbot.waitUntil(lambda: "dans 2 s" in banner.label.text(), timeout=4000)
    server.up = True
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)


def test_a_page_read_that_meets_the_loss_is_no_crash_dialog(qtbot, window, db, monkeypatch):
    """A page reading while the server is away: the banner, no « erreur inattendue »."""
    from tierslieu_desktop.ui import crash_dialog

    shown = []
    monkeypatch.setattr(crash_dialog.CrashDialog, "exec", lambda self: shown.append(self))
    monkeypatch.setattr(
        "tierslieu_desktop.ui.errors.QMessageBox.warning", lambda *a: shown.append(a)
    )
    hook = crash_dialog.CrashHook(db.target)
    FakeServer(db, monkeypatch)
    err = db.unreachable(OSError("connection refused"))
    hook(type(err), err, None)
    assert shown == []
    qtbot.waitUntil(window.connection_banner.isVisible, timeout=2000)


@pytest.mark.sqlite_only("an SQLite file that vanishes")
def test_an_sqlite_file_gone_gets_the_banner_until_it_is_back(qtbot, window, db):
    banner = window.connection_banner
    path = Path(db.target)
    dialog = _funder_dialog(window, "CAF du Lot")
    moved = []
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            os.replace(f"{path}{suffix}", f"{path}.away{suffix}")
            moved.append(suffix)
    dialog.submit()
    assert dialog.isVisible() and dialog.name.text() == "CAF du Lot"
    assert "Le fichier de la base de données est introuvable" in dialog.banner.text()
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.label.text() == (
        "Fichier de la base de données introuvable — nouvel essai dans 10 s…"
    )
    assert not path.exists()
    for suffix in moved:
        os.replace(f"{path}.away{suffix}", f"{path}{suffix}")
    qtbot.mouseClick(banner.retry_button, qtbot_left())
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)
    dialog.submit()
    assert [f.name for f in funding.list_funders(db)] == ["CAF du Lot"]
    assert engine.UNREACHABLE_LISTENERS  # the window still listens


def _move_away(path: Path) -> list[str]:
    moved = []
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            os.replace(f"{path}{suffix}", f"{path}.away{suffix}")
            moved.append(suffix)
    return moved


def test_an_idle_desk_shows_the_banner_when_its_file_goes(qtbot, window, db, monkeypatch):
    """Nobody touches the desk: the live refresh's listener finds the database gone and
    the banner says so within seconds, before anyone tries an action."""
    from tierslieu_desktop.ui import live_refresh

    if not db.is_sqlite:
        pytest.skip("the file of an SQLite database")
    monkeypatch.setattr(live_refresh, "RETRY_S", 0.1)
    banner = window.connection_banner
    window.start_live_refresh()
    qtbot.waitUntil(lambda: window.live_refresh.running, timeout=2000)
    qtbot.wait(200)  # listening
    path = Path(db.target)
    moved = _move_away(path)
    try:
        qtbot.waitUntil(banner.isVisible, timeout=3000)
        assert banner.label.text().startswith("Fichier de la base de données introuvable")
    finally:
        for suffix in moved:
            os.replace(f"{path}.away{suffix}", f"{path}{suffix}")
    qtbot.mouseClick(banner.retry_button, qtbot_left())
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)
    window.live_refresh.stop()


def test_a_listener_that_lost_only_its_own_connection_shows_no_banner(
    qtbot, window, db, monkeypatch
):
    """The listening connection dropped but the database answers: no banner (it would
    tell the person at the desk the server is gone while every action works)."""
    from tierslieu_desktop.ui import live_refresh

    monkeypatch.setattr(live_refresh, "RETRY_S", 0.05)
    real_wait = live_refresh.FeedReader.wait
    dropped = {"n": 0}

    def flaky(self, timeout):
        if dropped["n"] < 2:
            dropped["n"] += 1
            raise live_refresh.FeedLost("listening connection reset")
        return real_wait(self, min(timeout, 0.1))

    monkeypatch.setattr(live_refresh.FeedReader, "wait", flaky)
    window.start_live_refresh()
    qtbot.waitUntil(lambda: dropped["n"] >= 2, timeout=3000)
    qtbot.wait(300)
    assert not window.connection_banner.isVisible()
    window.live_refresh.stop()
