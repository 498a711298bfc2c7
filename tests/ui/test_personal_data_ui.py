"""« Données personnelles… » on the member card and Paramètres › Données personnelles
(issue 19, point 3): the dated consents, the export (PDF + JSON), the anonymisation typed
to confirm, the retention assistant off the window's thread, the register."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from tierslieu_desktop.db.models import Member
from tierslieu_desktop.services.people import members
from tierslieu_desktop.services.people.consents import consent_history
from tierslieu_desktop.services.people.members import MemberInput
from tierslieu_desktop.ui.pages.members.detail import MemberDetailPanel
from tierslieu_desktop.ui.pages.members.personal_data_dialog import (
    PersonalDataDialog,
    blocker_text,
    consent_text,
)
from tierslieu_desktop.ui.pages.settings import personal_data_tab
from tierslieu_desktop.ui.pages.settings.personal_data_tab import PersonalDataTab

MAX_WIDTH, MAX_HEIGHT = 1024, 600


@pytest.fixture
def lea(db, operator):
    member_id = members.save_member(
        db,
        operator,
        MemberInput(
            first_name="Léa",
            last_name="Fabre",
            email="lea.fabre@exemple.fr",
            phone="06 12 34 56 78",
            consent_newsletter=True,
            consent_photos=True,
        ),
    )
    members.save_member(
        db,
        operator,
        MemberInput(
            first_name="Léa",
            last_name="Fabre",
            email="lea.fabre@exemple.fr",
            phone="06 12 34 56 78",
            consent_newsletter=True,
        ),
        member_id,
    )
    return member_id


def test_the_card_dates_the_consents_and_the_dialog_exports_then_anonymises(
    qtbot, ctx, lea, tmp_path
):
    panel = MemberDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_member(lea)
    consents = panel.values["consents"]
    last = consent_history(ctx.db, lea)[-1]
    assert (last.consent, last.given) == ("photos", False)
    assert consent_text(last) in consents.text()  # « Photos retirées le 06/12/2026 »
    assert consents.toolTip().count("\n") == 2  # newsletter, photos given; photos withdrawn
    assert panel.personal_data_button.accessibleName()

    dialog = PersonalDataDialog(ctx, lea, panel)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert max(dialog.minimumSizeHint().width(), dialog.minimumWidth()) <= MAX_WIDTH
    assert dialog.minimumSizeHint().height() <= MAX_HEIGHT
    assert dialog.history.rowCount() == 3
    pdf, js = dialog.write_export(str(tmp_path / "lea.pdf"))
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert json.loads(js.read_text("utf-8"))["member"]["email"] == "lea.fabre@exemple.fr"

    number = members.get_member(ctx.db, lea).number
    assert not dialog.anonymise_button.isEnabled()
    dialog.confirm_edit.setText("A99999")
    assert not dialog.anonymise_button.isEnabled()
    dialog.confirm_edit.setText(number)
    assert dialog.anonymise_button.isEnabled()
    dialog.anonymise_button.click()
    assert dialog.anonymised and not dialog.anonymise_button.isEnabled()
    assert dialog.history.rowCount() == 4  # the newsletter withdrawn by the anonymisation
    card = members.get_member(ctx.db, lea)
    assert card.display_name == f"ANONYME n° {number}" and card.data.email == ""
    panel.refresh()
    assert panel.name.text() == f"ANONYME n° {number}"


def test_an_open_basket_is_named_and_the_anonymisation_offered_to_nobody(qtbot, ctx, lea):
    from tierslieu_desktop.services.billing import baskets

    basket_id = baskets.open_basket(ctx.db, ctx.operator_id, lea)
    baskets.add_free_line(
        ctx.db,
        None,
        basket_id,
        designation="Badge",
        quantity_milli=1000,
        unit="",
        unit_price_cents=5,
    )
    dialog = PersonalDataDialog(ctx, lea)
    qtbot.addWidget(dialog)
    assert blocker_text("open_basket") in dialog.status.text()
    assert not dialog.confirm_edit.isEnabled() and not dialog.anonymise_button.isEnabled()


def test_the_retention_assistant_lists_then_anonymises_in_the_background(
    qtbot, ctx, lea, monkeypatch, tmp_path
):
    recent = members.save_member(ctx.db, None, MemberInput(first_name="Tom", last_name="Neuf"))
    with ctx.db.write() as s:
        s.execute(
            update(Member)
            .where(Member.id == lea)
            .values(created_at=datetime(2019, 5, 2, 9, tzinfo=UTC))
        )
    tab = PersonalDataTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(MAX_WIDTH - 200, MAX_HEIGHT - 100)
    tab.show()
    QApplication.processEvents()
    assert tab.years.value() == 3
    tab.list_button.click()
    assert tab.table.rowCount() == 1 and tab.table.item(0, 1).text() == "FABRE Léa"
    assert tab.anonymise_button.isEnabled()
    monkeypatch.setattr(personal_data_tab, "confirm", lambda *a, **k: True)
    tab.anonymise_button.click()
    assert tab.job is not None
    if tab.job.running:
        with qtbot.waitSignal(tab.job.done, timeout=30_000):
            pass
    assert members.get_member(ctx.db, lea).data.last_name == "Anonyme"
    assert members.get_member(ctx.db, recent).data.last_name == "Neuf"
    assert tab.table.rowCount() == 0
    assert tab.summary.text().startswith(tab.tr("%Ln members anonymised.", "", 1))

    assert tab.write_register_to(str(tmp_path / "registre.pdf"))
    assert (tmp_path / "registre.pdf").read_bytes()[:5] == b"%PDF-"
