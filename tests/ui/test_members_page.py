"""The Members page as the animator uses it: type to find, open, correct, archive."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services.people import audiences, members
from tierslieu_desktop.services.people.members import MemberInput, MembershipInput
from tierslieu_desktop.ui.models.member_table import PAGE_SIZE, MemberFilter, MemberTableModel
from tierslieu_desktop.ui.pages.members import detail as detail_module
from tierslieu_desktop.ui.pages.members import page as page_module
from tierslieu_desktop.ui.pages.members.dialog import MemberDialog
from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog, one_year_after
from tierslieu_desktop.ui.pages.members.page import MembersPage

TODAY = date(2026, 11, 22)
PEOPLE = [
    ("Émilie", "Delpech", "Saint-Céré", "46400"),
    ("Jean", "Lacoste", "Bretenoux", "46130"),
    ("Lucas", "Martin", "Gramat", "46500"),
    ("Chloé", "Vidal", "Figeac", "46100"),
]


@pytest.fixture
def people(db, operator):
    public = audiences.save_audience(db, operator, "Grand public & bricoleurs")
    ids = {}
    for first, last, city, postcode in PEOPLE:
        ids[last] = members.save_member(
            db,
            operator,
            MemberInput(
                first_name=first,
                last_name=last,
                city=city,
                postcode=postcode,
                email=f"{first.lower()}.{last.lower()}@exemple.fr",
                audience_id=public,
            ),
        )
    return ids


@pytest.fixture
def page(qtbot, ctx, people):
    p = MembersPage(ctx, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    return p


def shown_names(page: MembersPage) -> list[str]:
    return [page.model.member_at(r).display_name for r in range(page.model.rowCount())]


def test_typing_filters_as_you_type_without_accents(qtbot, page):
    assert page.count_label.text() == "4 adhérents"
    qtbot.keyClicks(page.search, "cere")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert shown_names(page) == ["DELPECH Émilie"]
    # the best match is selected and shown in the detail panel, ready for Enter
    assert page.detail.name.text() == "DELPECH Émilie"
    page.search.clear()
    qtbot.keyClicks(page.search, "zzz")
    qtbot.waitUntil(lambda: page.model.total == 0)
    assert "zzz" in page.count_label.text()
    assert page.detail.empty.isVisible()


def test_table_is_paged_in_sql(qtbot, ctx, db, operator, qtmodeltester):
    for i in range(PAGE_SIZE + 30):
        members.save_member(db, operator, MemberInput(first_name="Léa", last_name=f"Nom{i:03d}"))
    model = MemberTableModel(db, TODAY)
    model.set_filter(MemberFilter())
    assert model.total == PAGE_SIZE + 30
    assert model.rowCount() == PAGE_SIZE  # never the whole table at once
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 30
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_sorting_by_commune_runs_in_the_database(page):
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    cities = [page.model.member_at(r).city for r in range(page.model.rowCount())]
    assert cities == ["Bretenoux", "Figeac", "Gramat", "Saint-Céré"]
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert page.model.member_at(0).city == "Saint-Céré"


def test_invalid_email_shows_message_next_to_field_and_saves_nothing(qtbot, ctx, db, people):
    dialog = MemberDialog(ctx, people["Lacoste"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "jean.lacoste-at-exemple.fr")
    assert dialog.submit() is None
    error = dialog.left.error_label("email")
    assert error.isVisible()
    assert "adresse e-mail" in error.text()
    assert dialog.focusWidget() == dialog.email
    assert members.get_member(db, people["Lacoste"]).data.email == "jean.lacoste@exemple.fr"


def test_valid_edit_survives_reopening_the_database(qtbot, ctx, db, people, tmp_path):
    dialog = MemberDialog(ctx, people["Martin"])
    qtbot.addWidget(dialog)
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "0565380000")
    assert dialog.submit() == people["Martin"]
    again = open_database(str(tmp_path / "test.sqlite"))
    try:
        assert members.get_member(again, people["Martin"]).data.phone == "05 65 38 00 00"
    finally:
        again.dispose()


def test_new_member_by_typing_appears_selected(qtbot, page, ctx, monkeypatch):
    def fill_and_save(dialog):
        qtbot.keyClicks(dialog.first_name, "Ines")
        qtbot.keyClicks(dialog.last_name, "Bouscarat")
        qtbot.keyClicks(dialog.postcode, "46130")
        qtbot.keyClicks(dialog.city, "Prudhomat")
        dialog._on_save()
        return dialog.result()

    monkeypatch.setattr(MemberDialog, "exec", fill_and_save)
    page.new_member()
    assert page.model.total == 5
    assert page.detail.name.text() == "BOUSCARAT Ines"
    assert page.selected_member_id() is not None


def test_minor_needs_a_guardian(qtbot, ctx, db):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first_name, "Noe")
    qtbot.keyClicks(dialog.last_name, "Rigal")
    qtbot.keyClicks(dialog.birth_year, str(lab_today().year - 12))
    assert dialog.submit() is None
    assert dialog.right.error_label("guardian_name").isVisible()
    assert members.count_members(db) == 0
    qtbot.keyClicks(dialog.guardian_name, "Sophie Rigal")
    assert dialog.submit() is not None
    assert members.count_members(db) == 1


def test_organisation_fields_and_invalid_siret(qtbot, ctx, db):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.organisation_radio.setChecked(True)
    assert not dialog.first_name.isVisible()
    assert dialog.siret.isVisible()
    qtbot.keyClicks(dialog.last_name, "Menuiserie du Causse")
    qtbot.keyClicks(dialog.siret, "12345678901234")
    assert dialog.submit() is None
    assert "SIRET" in dialog.left.error_label("siret").text()
    dialog.siret.clear()
    qtbot.keyClicks(dialog.siret, "73282932000074")
    member_id = dialog.submit()
    assert members.get_member(db, member_id).data.siret == "73282932000074"


def test_enter_in_the_table_opens_the_selected_member(qtbot, page, people, monkeypatch):
    opened = []
    monkeypatch.setattr(MemberDialog, "exec", lambda d: opened.append(d.member_id) or 0)
    page.select_member(people["Vidal"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [people["Vidal"]]


def test_archive_asks_first_then_hides_and_restore_brings_back(qtbot, page, people, monkeypatch):
    answers = [False, True]
    monkeypatch.setattr(page_module, "confirm", lambda *a: answers.pop(0))
    page.select_member(people["Vidal"])
    page.toggle_archived()  # user says no
    assert page.model.total == 4
    page.select_member(people["Vidal"])
    page.toggle_archived()  # user says yes
    assert page.model.total == 3
    assert "VIDAL Chloé" not in shown_names(page)
    page.show_archived.setChecked(True)
    assert page.model.total == 4
    assert page.select_member(people["Vidal"])
    assert page.archive_button.text().replace("&", "") == "Restaurer"
    page.toggle_archived()  # restoring needs no confirmation
    page.show_archived.setChecked(False)
    assert page.model.total == 4


def test_membership_added_and_removed_from_the_detail_panel(qtbot, page, ctx, people, monkeypatch):
    page.select_member(people["Delpech"])
    assert page.detail.memberships.rowCount() == 0
    dialog = MembershipDialog(ctx, people["Delpech"], today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.end.date().toPython() == one_year_after(TODAY) == date(2027, 11, 21)
    dialog.fee.clear()
    qtbot.keyClicks(dialog.fee, "douze")
    assert dialog.submit() is None
    assert dialog.form.error_label("fee").isVisible()
    dialog.fee.clear()
    qtbot.keyClicks(dialog.fee, "20,50")
    assert dialog.submit() is not None
    table = page.detail.memberships
    assert table.rowCount() == 1
    assert table.item(0, 3).text() == "20,50\xa0€"
    assert page.model.member_at(page.model.row_of(people["Delpech"])).membership_until == date(
        2027, 11, 21
    )
    monkeypatch.setattr(detail_module, "ask_reason", lambda *a: "Erreur de saisie")
    table.selectRow(0)
    page.detail.remove_membership()
    assert page.detail.memberships.rowCount() == 0


def test_ctrl_f_and_down_arrow_reach_the_results(qtbot, page):
    page.focus_search()
    assert page.search.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.selected_member_id() is not None


def test_membership_row_red_when_expired(ctx, db, operator, people):
    members.add_membership(
        db,
        operator,
        MembershipInput(people["Martin"], 1, date(2024, 1, 1), date(2024, 12, 31), 1000),
    )
    model = MemberTableModel(db, TODAY)
    model.set_filter(MemberFilter(query="martin"))
    index = model.index(0, [k for k, _s in MemberTableModel.COLUMNS].index("membership"))
    assert model.data(index) == "expiré 31/12/2024"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"


def test_a_nul_first_name_is_refused_under_the_field(qtbot, ctx, db, people):
    dialog = MemberDialog(ctx, people["Lacoste"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first_name.setText("Émi\x00lie")  # pasted from another program
    assert dialog.submit() is None
    error = dialog.left.error_label("first_name")
    assert error.isVisible()
    assert "caractère de contrôle" in error.text()
    assert members.get_member(db, people["Lacoste"]).data.first_name == "Jean"


def test_an_over_long_first_name_stops_at_the_limit(qtbot, ctx, db, people):
    """The field takes no more than the service accepts (100 characters): a 2,000-character
    paste keeps its first 100 (the service's refusal is tested in test_text_limits)."""
    dialog = MemberDialog(ctx, people["Lacoste"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first_name.setText("É" * 2000)  # pasted from another program
    assert dialog.first_name.text() == "É" * 100
    qtbot.keyClicks(dialog.first_name, "x")
    assert dialog.first_name.text() == "É" * 100


def test_gender_and_situation_are_optional_and_kept(qtbot, ctx, db):
    """Issue 16: the desk saves a member without gender nor situation (« Not given » by
    default, stored as not given); when chosen, both survive reopening the dialog."""
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.gender.currentData() is None and dialog.situation.currentData() is None
    qtbot.keyClicks(dialog.first_name, "Lou")
    qtbot.keyClicks(dialog.last_name, "Bach")
    member_id = dialog.submit()
    assert member_id is not None
    data = members.get_member(db, member_id).data
    assert data.gender is None and data.situation is None

    again = MemberDialog(ctx, member_id)
    qtbot.addWidget(again)
    again.gender.setCurrentIndex(again.gender.findData("female"))
    again.situation.setCurrentIndex(again.situation.findData("job_seeker"))
    assert again.submit() == member_id
    third = MemberDialog(ctx, member_id)
    qtbot.addWidget(third)
    assert third.gender.currentData() == "female"
    assert third.situation.currentData() == "job_seeker"
    assert third.gender.accessibleName() and third.situation.accessibleName()
