"""Paramètres › Base de données (issue 20): a PostgreSQL server tested before it is saved,
in French; the choice used from the next start."""

from __future__ import annotations

import os
import socket

import pytest
from PySide6.QtCore import QPoint, Qt

from tierslieu_desktop import config
from tierslieu_desktop.ui.pages.settings.page import SettingsPage

SERVER = os.environ.get("TIERSLIEU_TEST_PG", "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def settings_page(qtbot, ctx) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.tabs.setCurrentWidget(page.database)
    return page


def click_choice(qtbot, radio) -> None:
    """A click on the radio button's round (its row is wider than what it hits)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def fill_server(qtbot, tab, host: str, port: int, database: str, user: str) -> None:
    click_choice(qtbot, tab.use_server)
    for edit, text in ((tab.host, host), (tab.database, database), (tab.user, user)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    tab.port.setValue(port)


def test_a_wrong_port_says_in_french_that_no_server_answers_and_saves_nothing(qtbot, ctx):
    page = settings_page(qtbot, ctx)
    tab = page.database
    assert tab.use_file.isChecked()  # nothing chosen yet: the file on this computer
    assert not tab.test_button.isEnabled()
    fill_server(qtbot, tab, "127.0.0.1", free_port(), "tierslieu", "accueil")
    qtbot.keyClicks(tab.password, "secret")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Aucun serveur ne répond" in tab.message.text(), timeout=15_000)
    assert "port" in tab.message.text()
    assert tab.test_button.isEnabled()  # the test is over: it can be run again
    assert config.saved_database() == {}
    assert not config.database_password_file().exists()


def test_the_required_server_fields_are_named_before_any_connection(qtbot, ctx):
    page = settings_page(qtbot, ctx)
    tab = page.database
    click_choice(qtbot, tab.use_server)
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    assert tab.form.error_label("host").text() == "Ce champ est obligatoire."
    assert tab.form.error_label("user").isVisible()
    assert tab.message.text() == ""


@pytest.mark.skipif(not SERVER, reason="TIERSLIEU_TEST_PG names no server")
def test_the_test_server_answers_and_is_saved_for_the_next_start(qtbot, ctx):
    from sqlalchemy.engine import make_url

    url = make_url(SERVER)
    page = settings_page(qtbot, ctx)
    tab = page.database
    host, port, user = url.host or "127.0.0.1", url.port or 5432, url.username or "postgres"
    fill_server(qtbot, tab, host, port, url.database or "postgres", user)
    assert tab.tls.isChecked()  # an encrypted connection is required by default
    if not _offers_tls():
        # the suite's server has no certificate: refused rather than spoken to in clear
        qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "connexion chiffrée" in tab.message.text(), timeout=15_000)
        assert "install-server.sh" in tab.message.text()
        qtbot.mouseClick(tab.tls, Qt.MouseButton.LeftButton, pos=QPoint(2, tab.tls.height() // 2))
        assert not tab.tls.isChecked()
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "La connexion fonctionne" in tab.message.text(), timeout=15_000)
    assert config.saved_database() == {}  # tested, not saved
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Enregistré" in tab.message.text(), timeout=15_000)
    assert config.saved_database_target() == config.server_url(
        host, port, url.database or "postgres", user, tls=tab.tls.isChecked()
    )


def _offers_tls() -> bool:
    import psycopg

    with psycopg.connect(SERVER.replace("+psycopg", "", 1)) as conn:
        row = conn.execute("SHOW ssl").fetchone()
    return bool(row and row[0] == "on")


def test_a_saved_server_shows_whether_it_requires_encryption(qtbot, ctx):
    config.save_server_database("nas.local", 5432, "tierslieu", "accueil", None, tls=True)
    assert settings_page(qtbot, ctx).database.tls.isChecked()


def test_a_server_saved_before_the_choice_existed_is_not_required_encryption(qtbot, ctx):
    config.save_setting(
        config.DATABASE_SETTING,
        {"engine": "postgresql", "host": "nas.local", "port": 5432, "database": "t", "user": "a"},
    )
    assert config.saved_database_target() == "postgresql+psycopg://a@nas.local:5432/t"
    assert not settings_page(qtbot, ctx).database.tls.isChecked()


def test_a_file_chosen_is_used_at_the_next_start(qtbot, ctx, tmp_path):
    from tierslieu_desktop.db.files import resolve_target

    page = settings_page(qtbot, ctx)
    tab = page.database
    target = str(tmp_path / "atelier.sqlite")
    qtbot.keyClicks(tab.path, target)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "prochain démarrage" in tab.message.text()
    assert resolve_target(None) == target
