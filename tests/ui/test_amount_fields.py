"""Amount fields of the dialogs use the one amount parser: "1e3" or "1.500" is refused
under the field that holds it, with a sentence that says why (no 1,000 € from "1e3",
no 1.50 € from "1.500")."""

from __future__ import annotations

import pytest

from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.people.members import MemberInput
from tierslieu_desktop.services.pricing import packs as pack_service
from tierslieu_desktop.ui.errors import field_message
from tierslieu_desktop.ui.pages.members.wallet_dialog import WalletCreditDialog

INVALID = "Ce montant n'est pas valide (exemple : 12,50)."
AMBIGUOUS = (
    "Ce montant est ambigu : écrivez 1500 pour mille cinq cents euros, "
    "ou 1,50 pour un euro cinquante."
)
DECIMALS = "Un montant a au plus 2 décimales (exemple : 12,50)."


@pytest.fixture
def camille(db, operator):
    return member_service.save_member(
        db, operator, MemberInput(first_name="Camille", last_name="Martin", city="Figeac")
    )


@pytest.fixture
def wallet(ctx, qtbot, camille):
    dialog = WalletCreditDialog(ctx, camille, "MARTIN Camille")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_sentences_are_french(ctx):
    assert field_message("amount_invalid") == INVALID
    assert field_message("amount_ambiguous") == AMBIGUOUS
    assert field_message("amount_decimals") == DECIMALS
    assert field_message("amount_negative") == "Le montant ne peut pas être négatif."


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("1e3", INVALID),
        ("inf", INVALID),
        ("1.500", AMBIGUOUS),
        ("1,500", AMBIGUOUS),
        ("0,001", DECIMALS),
        ("-5", "Le montant ne peut pas être négatif."),
    ],
)
def test_the_wallet_refuses_an_unclear_amount_under_its_field(wallet, db, camille, typed, sentence):
    wallet.amount.setText(typed)
    assert not wallet.submit()
    error = wallet.form.error_label("amount")
    assert error.isVisible() and error.text() == sentence
    # the field is named for screen readers and carries the sentence
    assert wallet.amount.accessibleName() == "Montant (€)"
    assert wallet.amount.accessibleDescription() == sentence
    assert not wallet.form.error_label("note").isVisible()
    assert pack_service.wallet_balance(db, camille) == 0


def test_the_wallet_takes_french_amounts(wallet, db, camille):
    wallet.amount.setText("1 500,50 €")
    assert wallet.submit()
    assert pack_service.wallet_balance(db, camille) == 150050


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,5", "12.5"),
        ("10 %", "10"),
        ("1.5", "1.5"),
        ("-3", "-3"),
        ("1e3", None),
        ("NaN", None),
        ("inf", None),
        ("", None),
        ("1,2,3", None),
        ("abc", None),
    ],
)
def test_percentages_and_hours_refuse_exponents_and_garbage(text, expected):
    """The reductions' percentages and the quotas' hours read plain decimals only: "1e3"
    is not 1,000 % (the amounts have their own parser, domain.money.parse_amount)."""
    from decimal import Decimal

    from tierslieu_desktop.ui.pages.settings.tariffs.common import parse_decimal

    assert parse_decimal(text) == (None if expected is None else Decimal(expected))
