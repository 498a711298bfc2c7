"""Paramètres: the structure's identity, publics, operators and the language."""

from __future__ import annotations

import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from tierslieu_desktop import config
from tierslieu_desktop.services.people import audiences, operators, structure
from tierslieu_desktop.ui.pages.settings import page as settings_module
from tierslieu_desktop.ui.pages.settings.page import SettingsPage


def make_page(qtbot, ctx) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def png_bytes() -> bytes:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#00796b"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_structure_errors_next_to_fields_and_nothing_saved(qtbot, ctx, db):
    page = make_page(qtbot, ctx)
    tab = page.structure
    qtbot.keyClicks(tab.fields["name"], "Tiers-lieu du Causse")
    qtbot.keyClicks(tab.fields["siret"], "123")
    qtbot.keyClicks(tab.fields["iban"], "FR00 1234")
    assert tab.submit() is False
    assert "SIRET" in tab.form.error_label("siret").text()
    assert tab.form.error_label("iban").isVisible()
    assert not tab.form.error_label("name").isVisible()
    assert structure.get_structure(db).name == ""


def test_structure_saved_with_logo(qtbot, ctx, db, tmp_path):
    page = make_page(qtbot, ctx)
    tab = page.structure
    qtbot.keyClicks(tab.fields["name"], "Tiers-lieu du Causse")
    qtbot.keyClicks(tab.fields["siret"], "73282932000074")
    qtbot.keyClicks(tab.fields["postcode"], "46400")
    tab.fields["address"].setPlainText("Hôtel d'entreprises\n2 avenue du Haut-Quercy")
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    not_an_image = tmp_path / "notes.txt"
    not_an_image.write_text("bonjour")
    assert tab.load_logo_file(str(not_an_image)) is False
    assert tab.form.error_label("logo").isVisible()
    assert tab.load_logo_file(str(logo)) is True
    assert tab.submit() is True
    assert tab.status.text() == "Enregistré."
    saved = structure.get_structure(db)
    assert (saved.name, saved.siret, saved.postcode) == (
        "Tiers-lieu du Causse",
        "73282932000074",
        "46400",
    )
    assert saved.logo == logo.read_bytes()
    assert saved.address == "Hôtel d'entreprises\n2 avenue du Haut-Quercy"  # two lines kept


def test_publics_created_renamed_and_archived(qtbot, ctx, db, monkeypatch):
    page = make_page(qtbot, ctx)
    tab = page.audiences
    page.tabs.setCurrentWidget(tab)  # the publics are read when the tab is first shown
    tab.start_new()
    qtbot.keyClicks(tab.name, "Artistes & culture")
    first = tab.submit()
    assert first is not None
    assert tab.list.count() == 1
    tab.start_new()
    qtbot.keyClicks(tab.name, "artistes & CULTURE")
    assert tab.submit() is None
    assert tab.form.error_label("name").text() == "Ce nom est déjà utilisé."
    monkeypatch.setattr(settings_module, "confirm", lambda *a: True)
    tab.reload(first)
    tab.toggle_archived()
    assert tab.list.count() == 0
    assert [a.name for a in audiences.list_audiences(db, include_archived=True)] == [
        "Artistes & culture"
    ]


def test_accounts_listed_with_their_roles_and_the_last_one_kept_active(qtbot, ctx, db, monkeypatch):
    """Paramètres › Comptes (issue 19): each account with its roles; deactivated after a
    confirmation; the last active operator cannot go."""
    from tierslieu_desktop.domain.permissions import Role
    from tierslieu_desktop.services.people import accounts
    from tierslieu_desktop.ui.pages.settings import accounts_tab

    page = make_page(qtbot, ctx)
    tab = page.accounts
    camille = accounts.create_account(db, "Camille", {Role.ACCUEIL, Role.TRESORERIE}, "2468")
    monkeypatch.setattr(accounts_tab, "confirm", lambda *a: True)
    tab.reload(camille)
    texts = [tab.list.item(i).text() for i in range(tab.list.count())]
    assert "Camille  ·  Accueil, Trésorerie" in texts
    # an operator from before accounts (migration 0024: the Accueil role)
    assert "Accueil  ·  Accueil  ·  pas encore de mot de passe" in texts
    tab.toggle_active()
    assert [o.name for o in operators.list_operators(db)] == ["Accueil"]
    tab.reload(ctx.operator_id)
    tab.toggle_active()  # the last active operator cannot go
    assert "au moins un" in tab.message.text().lower()
    assert [o.name for o in operators.list_operators(db)] == ["Accueil"]


def test_language_is_remembered_for_next_start(qtbot, ctx):
    page = make_page(qtbot, ctx)
    tab = page.language
    tab.combo.setCurrentIndex(tab.combo.findData("en"))
    assert config.saved_language() == "en"
    assert "prochain démarrage" in tab.note.text()


def test_team_tab_adds_a_volunteer_and_ends_their_stay(qtbot, ctx, db):
    """Issue 16: Paramètres › Équipe — a name is required; a volunteer's hours a month and
    the day they left are what the annual report counts."""
    from datetime import date

    from tierslieu_desktop.services.people import staff
    from tierslieu_desktop.ui.qdates import to_qdate

    page = make_page(qtbot, ctx)
    page.tabs.setCurrentWidget(page.staff)
    tab = page.staff
    assert tab.submit() is None  # no name
    assert tab.form.error_label("name").isVisible()
    qtbot.keyClicks(tab.name, "Michel Lafon")
    tab.kind.setCurrentIndex(tab.kind.findData("volunteer"))
    tab.hours.setValue(8)
    tab.start.setDate(to_qdate(date(2025, 1, 1)))
    staff_id = tab.submit()
    assert staff_id is not None and tab.table.rowCount() == 1
    tab.ongoing.setChecked(False)
    tab.end.setDate(to_qdate(date(2025, 6, 30)))
    assert tab.submit() == staff_id
    (row,) = staff.list_staff(db)
    assert (row.name, row.kind.value, row.hours_per_month) == ("Michel Lafon", "volunteer", 8)
    assert row.end_date == date(2025, 6, 30)


def test_zrr_and_qpv_communes_typed_recognised_and_the_unknown_ones_named(qtbot, ctx, db):
    """Issue 16, point 4: the lab types its territory's ZRR / FRR and QPV communes; the
    ones not recognised are named with their line and nothing is saved; once saved, the
    list shows back each commune with its INSEE code."""
    page = make_page(qtbot, ctx)
    tab = page.structure
    qtbot.keyClicks(tab.fields["name"], "Tiers-lieu du Causse")
    tab.zone_fields["zrr_communes"].setPlainText("Saint-Céré\nGramat, Figeak\n46273")
    tab.zone_fields["qpv_communes"].setPlainText("Figeac 46100")
    assert tab.submit() is False
    assert tab.form.error_label("zrr_communes").isVisible()
    assert not tab.form.error_label("qpv_communes").isVisible()
    info = tab.zone_info["zrr_communes"].text()
    assert re.search(r"\b3\b", info) and re.search(r"\b2\b\W+Figeak", info)  # line 2 named
    assert structure.get_structure(db).name == ""  # nothing saved

    tab.zone_fields["zrr_communes"].setPlainText("Saint-Céré\nGramat, Figeac\n46273")
    assert tab.submit() is True
    saved = structure.get_structure(db)
    assert saved.zrr_communes == "46102 46128 46251 46273"
    assert saved.qpv_communes == "46102"
    assert tab.zone_fields["zrr_communes"].toPlainText().splitlines() == [
        "Figeac (46102)",
        "Gramat (46128)",
        "Saint-Céré (46251)",
        "Saint-Laurent-les-Tours (46273)",
    ]
    assert re.search(r"\b4\b", tab.zone_info["zrr_communes"].text())
    assert "Figeak" not in tab.zone_info["zrr_communes"].text()
