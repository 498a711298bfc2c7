"""One sentence for one problem: the window and the command line word an unopenable
database the same way (i18n/messages.py), in the language chosen for the run; --lang
given with a command does not change the language saved for the window."""

from __future__ import annotations

import pytest

from tierslieu_desktop import cli, config
from tierslieu_desktop.db.files import DatabaseOpenError
from tierslieu_desktop.i18n import formatting, messages

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin


def test_the_cli_speaks_the_language_given_and_does_not_save_it(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    config.save_setting("language", "fr")
    assert cli.main(["--lang", "en", "verify", "--db", str(bad)]) != 0
    err = capsys.readouterr().err
    assert f'"{bad}" is not a Tiers-Lieu database: the file was left untouched.' in err
    assert config.saved_language() == "fr"  # the window stays French


def test_the_cli_speaks_the_saved_language_without_lang(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    config.save_setting("language", "en")
    assert cli.main(["verify", "--db", str(bad)]) != 0
    assert "is not a Tiers-Lieu database" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("code", ["not_a_database", "newer_than_app", "damaged", "other"])
def test_window_and_cli_say_the_same_sentence(lang, code):
    from tierslieu_desktop.app import open_error_text

    exc = DatabaseOpenError(code, "/srv/lab.sqlite", "12")
    formatting.set_language(lang)
    try:
        window = open_error_text(exc)
    finally:
        formatting.set_language("fr")
    cli._LANG[0] = lang
    try:
        assert cli._open_error_fr(exc) == window
    finally:
        cli._LANG[0] = "fr"
    assert window == messages.open_error_text(code, "/srv/lab.sqlite", "12", lang)
    assert "/srv/lab.sqlite" in window
    assert ("« " in window) == (lang == "fr")


def test_french_counts_agree_without_brackets():
    assert messages.count_fr(0, "facture", "factures") == "0 facture"
    assert messages.count_fr(1, "facture", "factures") == "1 facture"
    assert messages.count_fr(2, "facture", "factures") == "2 factures"
    assert messages.count_fr(1250, "ligne", "lignes", "1\u202f250") == "1\u202f250 lignes"
