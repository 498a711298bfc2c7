"""A service refused to the operator's account (issue 19 point 1) is said in the window's
language: the account's roles and what it asked, in words (« Votre compte (Accueil) ne
permet pas : émettre un avoir. »), in the message box every page shows its errors in."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from tierslieu_desktop.app import install_translators
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission, Principal, Role
from tierslieu_desktop.services.billing import credit_notes, ledger
from tierslieu_desktop.ui.errors import error_message, show_error
from tierslieu_desktop.ui.permission_words import action_label


@pytest.fixture
def language(qapp, request):
    translators = install_translators(qapp, request.param)
    yield request.param
    for t in translators:
        qapp.removeTranslator(t)
    from tierslieu_desktop.i18n import formatting

    formatting.set_language("fr")


def _refusal(db, roles: set[Role], call) -> DomainError:  # type: ignore[no-untyped-def]
    db.principal = Principal(1, "Lou", frozenset(roles))
    with pytest.raises(DomainError) as err:
        call()
    return err.value


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_a_refused_credit_note_is_said_in_french_in_the_error_box(db, qtbot, monkeypatch, language):
    err = _refusal(
        db, {Role.ACCUEIL}, lambda: credit_notes.create_credit_note(db, 1, 1, reason="x")
    )
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    show_error(None, err)
    assert shown == ["Votre compte (Accueil) ne permet pas : émettre un avoir."]

    err = _refusal(
        db,
        {Role.MEDIATION, Role.ACCUEIL},
        lambda: ledger.close_period(db, 1, "day", date(2026, 1, 5)),
    )
    assert error_message(err) == (
        "Votre compte (Accueil, Médiation numérique) ne permet pas : clôturer une période."
    )


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_in_english_too(db, qtbot, language):
    from tierslieu_desktop.services.activity import dropins

    err = _refusal(db, {Role.TRESORERIE}, lambda: dropins.log_drop_in(db, 1, dropins.DropInInput()))
    assert error_message(err) == "Your account (Treasury) does not allow: keep the cyber-base log."


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_every_permission_is_worded_in_french(qapp, language):
    worded = {p: action_label(p) for p in Permission}
    assert worded[Permission.CREDIT_NOTES] == "émettre un avoir"
    # each French, none left in English, none alike
    assert len(set(worded.values())) == len(Permission)
    from tierslieu_desktop.i18n.permissions import ACTIONS

    assert all(worded[p] == ACTIONS[p.value][0] for p in Permission)
