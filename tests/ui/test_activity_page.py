"""The Activité page, "Séances" tab: plan a session through its dialog, register members
and a group, tick attendance in the table, read the fill rate; the waiting list."""

from __future__ import annotations

import io
import sys
import types
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from tierslieu_desktop.db.models import Machine, MachineCategory, Space
from tierslieu_desktop.domain.calendar import lab_today, local_dt, to_local
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.activity import registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.sessions import ActivityInput
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.ui.errors import error_message
from tierslieu_desktop.ui.pages.activity import ActivityPage
from tierslieu_desktop.ui.pages.activity import session_detail as detail_module
from tierslieu_desktop.ui.pages.activity.models import RegistrationTableModel, SessionTableModel

TODAY = to_local(datetime.now(UTC)).date()
# the page's clock: 8 o'clock this morning, before the sessions of the tests start
NOW = local_dt(TODAY, 8 * 60)


@pytest.fixture
def lab(db, operator):
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        cat = MachineCategory(name="Découpe laser")
        s.add_all([fablab, cat])
        s.flush()
        laser = Machine(
            name="Découpeuse laser", category=cat, space=fablab, authorization_required=True
        )
        s.add(laser)
        s.flush()
        ids = {"fablab": fablab.id, "laser": laser.id}
    opening_hours.set_schedule(db, operator, ids["fablab"], {d: [(480, 1320)] for d in range(7)})
    with db.write() as s:
        s.get(Space, ids["fablab"]).closed_on_holidays = False
    for key, first, last in (
        ("ana", "Ana", "Bru"),
        ("ben", "Ben", "Cayrou"),
        ("cleo", "Cléo", "Delmas"),
    ):
        ids[key] = save_member(db, operator, MemberInput(first_name=first, last_name=last))
    ids["school"] = save_member(
        db, operator, MemberInput(kind="organisation", last_name="École de Biars")
    )
    ids["workshop"] = activities.save_activity(
        db,
        operator,
        ActivityInput(
            name="Créer son adresse mail",
            kind="digital_workshop",
            capacity=20,
            duration_minutes=120,
            trainer="Nadia",
        ),
    )
    ids["training"] = activities.save_activity(
        db,
        operator,
        ActivityInput(
            name="Formation découpe laser",
            kind="machine_training",
            duration_minutes=180,
            capacity=6,
            trainer="Guillaume",
            space_id=ids["fablab"],
            machine_id=ids["laser"],
        ),
    )
    return ids


@pytest.fixture
def page(ctx, qtbot):
    p = ActivityPage(ctx, now=lambda: NOW)
    qtbot.addWidget(p)
    p.resize(1400, 900)
    p.show()
    p.activate()
    return p


def plan(page, qtbot, activity_id, *, day=TODAY, capacity=None) -> int:
    """Plan a session at 9 o'clock through the dialog, as the user would."""
    dialog = page.sessions.new_session(run=False)
    qtbot.addWidget(dialog)
    dialog.select_activity(activity_id)
    dialog.day.setDate(QDate(day))
    dialog.start_edit.setTime(QTime(9, 0))
    if capacity is not None:
        dialog.capacity.setValue(capacity)
    assert dialog.submit(), dialog.message_text()
    return dialog.saved_id


def register_member(page, qtbot, name: str) -> None:
    dialog = page.sessions.detail.register_member(run=False)
    qtbot.addWidget(dialog)
    dialog.search.setText(name)
    assert dialog.selected_member() is None  # nobody until the desk chooses
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # the first match, chosen
    assert dialog.submit(), dialog.message_text()


def register_group(page, qtbot, org_id, group: str, headcount: int) -> None:
    dialog = page.sessions.detail.register_group(run=False)
    qtbot.addWidget(dialog)
    dialog.select_organisation(org_id)
    dialog.group_name.setText(group)
    dialog.responsible.setText("Mme Laval")
    dialog.headcount.setValue(headcount)
    dialog.set_age_band("under_12")
    assert dialog.submit(), dialog.message_text()


def upcoming_text(page, session_id: int, key: str) -> str:
    model = page.sessions.upcoming_model
    return model.text(model.row_at(model.row_of(session_id)), key)


def reg_row(page, who: str) -> int:
    model = page.sessions.detail.model
    return next(i for i, r in enumerate(model.rows()) if r.who.startswith(who))


def test_an_empty_page_says_there_is_nothing_yet(page):
    assert page.tabs.tabText(0).replace("&", "") == "Séances"
    assert page.sessions.upcoming_model.rowCount() == 0
    assert page.sessions.detail.title.text() == "Aucune séance sélectionnée"
    assert page.sessions.calendar.day_label.text().startswith("Aucune séance le")
    assert not page.sessions.detail.register_member_button.isEnabled()


def test_plan_register_tick_and_read_the_fill_rate(page, qtbot, lab, db, tmp_path):
    sid = plan(page, qtbot, lab["workshop"])
    # the activity filled the session: two hours, 20 seats, its trainer
    s = activities.get_session(db, sid)
    assert (s.minutes, s.capacity, s.trainer) == (120, 20, "Nadia")
    assert page.sessions.status.text() == "La séance est planifiée."
    assert page.sessions.detail.session.id == sid
    assert page.sessions.calendar.day_session_ids() == [sid]
    assert TODAY in page.sessions.calendar.days_with_sessions()

    register_member(page, qtbot, "Ana Bru")
    assert "BRU Ana est inscrit·e" in page.sessions.status.text()
    register_member(page, qtbot, "Ben")
    register_group(page, qtbot, lab["school"], "classe", 12)

    # 14 seats of 20 taken
    assert upcoming_text(page, sid, "seats") == "14 / 20"
    assert upcoming_text(page, sid, "fill") == "70\u202f%"
    assert "remplissage 70\u202f%" in page.sessions.detail.info.text()
    model = page.sessions.detail.model
    group = model.row_at(reg_row(page, "École de Biars"))
    assert model.text(group, "who") == "École de Biars — classe (Mme Laval)"
    assert model.text(group, "age") == "Moins de 12 ans"
    assert model.text(group, "attendance") == "non pointé"

    # tick Ana present in the table, the group present with 10 of its 12 pupils
    detail = page.sessions.detail
    col = model.COLUMNS.index("attendance")
    ana_index = model.index(reg_row(page, "BRU"), col)
    assert model.flags(ana_index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(ana_index, "present")
    assert model.text(model.row_at(reg_row(page, "BRU")), "attendance") == "présent"
    assert page.sessions.status.text() == "BRU Ana : présent."
    assert detail.set_attendance(group.id, "present")
    present = model.index(reg_row(page, "École"), model.COLUMNS.index("present"))
    assert model.flags(present) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(present, 10)
    assert model.text(model.row_at(reg_row(page, "École")), "present") == "10"
    assert "Présents : 11 personnes" in detail.info.text()
    regs = {r.who: r for r in registrations.session_registrations(db, sid)}
    assert regs["BRU Ana"].attendance == "present"
    assert regs["École de Biars — classe"].present_count == 10
    assert regs["CAYROU Ben"].attendance is None

    # "Tous présents" ticks who is left
    detail.all_present()
    assert model.text(model.row_at(reg_row(page, "CAYROU")), "attendance") == "présent"
    assert page.sessions.status.text() == "1 inscription pointée présente."


def test_attendance_through_the_table_editor(page, qtbot, lab):
    plan(page, qtbot, lab["workshop"])
    register_member(page, qtbot, "Ana Bru")
    table = page.sessions.detail.table
    model = page.sessions.detail.model
    index = model.index(0, model.COLUMNS.index("attendance"))
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.indexWidget(index) or table.focusWidget()
    assert combo.accessibleName() == "Présence"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "non pointé",
        "présent",
        "absent",
        "excusé",
    ]
    combo.setCurrentIndex(3)
    combo.activated.emit(3)
    qtbot.waitUntil(lambda: model.rowCount() and model.row_at(0).attendance == "excused")
    assert model.text(model.row_at(0), "attendance") == "excusé"


def test_attendance_before_the_day_is_refused_with_a_sentence(page, qtbot, lab):
    plan(page, qtbot, lab["workshop"], day=TODAY + timedelta(days=2))
    register_member(page, qtbot, "Ana Bru")
    model = page.sessions.detail.model
    index = model.index(0, model.COLUMNS.index("attendance"))
    assert not model.setData(index, "present")
    assert page.sessions.status.text() == error_message(DomainError("attendance_too_early"))
    assert model.text(model.row_at(0), "attendance") == "non pointé"


def test_full_session_puts_people_on_the_waiting_list_and_promotes(page, qtbot, lab, monkeypatch):
    sid = plan(page, qtbot, lab["workshop"], capacity=2)
    for name in ("Ana Bru", "Ben", "Cléo"):
        register_member(page, qtbot, name)
    assert page.sessions.status.text() == "DELMAS Cléo est sur la liste d'attente (n° 1)."
    model = page.sessions.detail.model
    cleo = model.row_at(reg_row(page, "DELMAS"))
    assert model.text(cleo, "status") == "liste d'attente n° 1"
    assert model.text(cleo, "attendance") == ""  # the waiting list is not ticked
    assert (
        not model.flags(model.index(reg_row(page, "DELMAS"), model.COLUMNS.index("attendance")))
        & Qt.ItemFlag.ItemIsEditable
    )
    assert upcoming_text(page, sid, "waiting") == "1"
    assert upcoming_text(page, sid, "fill") == "100\u202f%"

    monkeypatch.setattr(detail_module, "confirm", lambda *a: True)
    page.sessions.detail.table.selectRow(reg_row(page, "BRU"))
    page.sessions.detail.cancel_registration()
    assert "DELMAS Cléo passe de la liste d'attente aux inscrits." in page.sessions.status.text()
    ana = model.row_at(reg_row(page, "BRU"))
    assert model.text(ana, "status") == "annulé"
    assert model.data(model.index(reg_row(page, "BRU"), 0), Qt.ItemDataRole.FontRole).strikeOut()
    assert upcoming_text(page, sid, "waiting") == ""


def test_session_dialog_fills_from_the_activity_and_shows_errors(page, qtbot, lab, db):
    dialog = page.sessions.new_session(run=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.submit()  # no activity
    assert dialog.form.error_label("activity").isVisible()
    dialog.select_activity(lab["training"])
    assert dialog.capacity.value() == 6
    assert dialog.trainer.text() == "Guillaume"
    assert dialog.space.currentData() == lab["fablab"]
    assert dialog.machine_ids() == (lab["laser"],)
    dialog.day.setDate(QDate(TODAY + timedelta(days=3)))
    dialog.start_edit.setTime(QTime(10, 0))
    assert dialog.end_edit.time() == QTime(13, 0)  # three hours
    dialog.end_edit.setTime(QTime(9, 0))
    assert not dialog.submit()
    assert dialog.form.error_label("end_at").isVisible()
    dialog.end_edit.setTime(QTime(13, 0))
    assert dialog.submit(), dialog.message_text()
    first = dialog.saved_id
    assert activities.get_session(db, first).machine_names == ("Découpeuse laser",)

    # the laser is held: a second training at the same time is refused, the dialog says by whom
    again = page.sessions.new_session(run=False)
    qtbot.addWidget(again)
    again.show()
    again.select_activity(lab["training"])
    again.day.setDate(QDate(TODAY + timedelta(days=3)))
    again.start_edit.setTime(QTime(11, 0))
    assert not again.submit()
    assert again.message_text()
    assert again.isVisible()


def test_cancelled_session_is_struck_in_the_calendar(page, qtbot, lab, monkeypatch):
    sid = plan(page, qtbot, lab["workshop"], day=TODAY + timedelta(days=1))
    tab = page.sessions
    tab.show_session(sid)
    monkeypatch.setattr(detail_module, "confirm", lambda *a: True)
    tab.detail.cancel_session()
    page.refresh()
    assert tab.upcoming_model.row_of(sid) == -1
    tab.calendar.set_day(TODAY + timedelta(days=1))
    item = tab.calendar.day_list.item(0)
    assert item.font().strikeOut()
    assert "(annulée)" in item.text()
    assert tab.detail.title.text().endswith("(annulée)")
    assert not tab.detail.register_member_button.isEnabled()


def test_attendance_sheet_is_saved_under_a_dated_name(page, qtbot, lab, monkeypatch, tmp_path):
    sid = plan(page, qtbot, lab["workshop"])
    register_member(page, qtbot, "Ana Bru")
    seen = {}

    def fake_pdf(sheet):
        seen["sheet"] = sheet
        return b"%PDF-1.4 fake"

    module = types.ModuleType("tierslieu_desktop.reports.attendance_pdf")
    module.attendance_sheet_pdf = fake_pdf
    monkeypatch.setitem(sys.modules, "tierslieu_desktop.reports.attendance_pdf", module)
    detail = page.sessions.detail
    asked = {}

    def answer(_parent, _title, name, _filters):
        asked["name"] = name
        return str(tmp_path / name)

    detail.save_path = answer
    opened = []
    detail.open_file = opened.append
    path = detail.attendance_sheet()
    assert asked["name"] == f"emargement-{TODAY.isoformat()}-creer-son-adresse-mail.pdf"
    assert opened == [path]
    assert (tmp_path / asked["name"]).read_bytes().startswith(b"%PDF")
    assert [line.name for line in seen["sheet"].lines] == ["BRU Ana"]
    assert activities.get_session(page.ctx.db, sid).registrations == 1


def test_attendance_sheet_printed_with_every_page(page, qtbot, lab, monkeypatch, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from tierslieu_desktop.reports.attendance_pdf import attendance_sheet_pdf
    from tierslieu_desktop.services.activity import registrations
    from tierslieu_desktop.ui import printing

    sid = plan(page, qtbot, lab["workshop"])
    register_member(page, qtbot, "Ana Bru")
    out = tmp_path / "printed.pdf"

    def preview(printer, paint, _parent, _title):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return paint(printer) > 0

    monkeypatch.setattr(printing, "preview", preview)
    detail = page.sessions.detail
    assert detail.print_sheet_button.isEnabled()
    detail.print_sheet_button.click()
    source = attendance_sheet_pdf(registrations.attendance_sheet(page.ctx.db, sid))
    assert len(PdfReader(out).pages) == len(PdfReader(io.BytesIO(source)).pages) >= 1


def test_activities_dialog_creates_and_archives(page, qtbot, lab, db, monkeypatch):
    from tierslieu_desktop.ui.pages.activity import dialogs

    manager = page.sessions.manage_activities(run=False)
    qtbot.addWidget(manager)
    names = [manager.table.item(i, 0).text() for i in range(manager.table.rowCount())]
    assert names == ["Créer son adresse mail", "Formation découpe laser"]
    form = dialogs.ActivityDialog(page.ctx, parent=manager)
    qtbot.addWidget(form)
    form.show()
    form.name.setText("Repair café du samedi")
    form.kind.setCurrentIndex(form.kind.findData("machine_training"))
    assert form.machine.isVisible()
    assert not form.submit()  # a training needs its machine
    assert form.form.error_label("machine").isVisible()
    form.kind.setCurrentIndex(form.kind.findData("repair_cafe"))
    assert not form.machine.isVisible()
    assert form.submit(), form.message_text()
    manager.reload(form.saved_id)
    assert manager.current().name == "Repair café du samedi"
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    manager.toggle_archived()
    assert "Repair café du samedi" not in [a.name for a in activities.list_activities(db)]


def test_models_pass_the_model_tester(qtmodeltester, page, qtbot, lab, db):
    sid = plan(page, qtbot, lab["workshop"], capacity=1)
    register_member(page, qtbot, "Ana Bru")
    register_group(page, qtbot, lab["school"], "classe", 3)
    sessions = SessionTableModel()
    sessions.set_rows(activities.upcoming_sessions(db, now=NOW))
    qtmodeltester.check(sessions)
    regs = RegistrationTableModel()
    regs.set_rows(registrations.session_registrations(db, sid))
    assert regs.rowCount() == 2
    qtmodeltester.check(regs)


def test_screens(page, qtbot, lab):
    sid = plan(page, qtbot, lab["workshop"], capacity=14)
    register_member(page, qtbot, "Ana Bru")
    register_group(page, qtbot, lab["school"], "classe", 12)
    register_member(page, qtbot, "Ben")
    plan(page, qtbot, lab["training"], day=TODAY + timedelta(days=2))
    page.sessions.show_session(sid)
    qtbot.wait(50)  # let the layout follow the new texts
    page.grab().save("/tmp/activity_page.png")
    dialog = page.sessions.new_session(run=False)
    qtbot.addWidget(dialog)
    dialog.select_activity(lab["training"])
    dialog.show()
    dialog.grab().save("/tmp/activity_session_dialog.png")
    assert lab_today()  # the screens are for the eye


def test_activity_dialog_shows_the_prices_in_force_and_where_to_set_them(page, qtbot, lab, db):
    from datetime import date as _date

    from tierslieu_desktop.services.pricing import tariffs
    from tierslieu_desktop.ui.pages.activity.dialogs import ActivityDialog

    row = activities.get_activity(db, lab["workshop"])
    dialog = ActivityDialog(page.ctx, row)
    qtbot.addWidget(dialog)
    assert "Aucun prix en vigueur" in dialog.prices.text()
    tariffs.save_rule(
        db,
        None,
        kind="activity",
        resource_id=lab["workshop"],
        audience_id=None,
        membership="any",
        unit="session",
        step_minutes=None,
        amount_cents=500,
        valid_from=_date(2020, 1, 1),
        valid_to=None,
    )
    dialog = ActivityDialog(page.ctx, row)
    qtbot.addWidget(dialog)
    assert "Tous publics : 5,00\u00a0€/séance" in dialog.prices.text()
    assert "Paramètres › Tarifs" in dialog.prices.text()


def test_the_member_chosen_elsewhere_is_the_one_the_registration_proposes(
    ctx, page, qtbot, lab, db
):
    from tierslieu_desktop.services.people.members import search_members

    plan(page, qtbot, lab["workshop"])
    ben = search_members(db, "Ben")[0]
    ctx.set_current_member(ben.id)  # the member card's "Register…"
    dialog = page.sessions.detail.register_member(run=False)
    qtbot.addWidget(dialog)
    assert dialog.selected_member() == ben.id
    assert dialog.submit()


def test_a_workshop_records_its_level_and_themes_for_the_national_export(page, qtbot, lab, db):
    from tierslieu_desktop.domain.mediation import EXPORT_COLUMNS, export_row
    from tierslieu_desktop.services.activity.mediation import mediation_month

    dialog = page.sessions.new_session(run=False)
    qtbot.addWidget(dialog)
    dialog.select_activity(lab["workshop"])
    dialog.day.setDate(QDate(TODAY))
    dialog.start_edit.setTime(QTime(9, 0))
    assert dialog.level.currentText() == "Non renseigné"  # optional, none by default
    assert dialog.themes.text() == "Aucune thématique"
    dialog.level.setCurrentIndex(dialog.level.findText("Débutant"))
    dialog.themes.actions_by_value["email"].setChecked(True)
    dialog.themes.actions_by_value["securite_numerique"].setChecked(True)
    assert dialog.themes.toolTip() == "E-mail\nPrévention en sécurité numérique"
    assert dialog.submit(), dialog.message_text()
    sid = dialog.saved_id
    # reopened: what was chosen is there, and can be taken back
    page.sessions.show_session(sid)
    again = page.sessions.detail.edit_session(run=False)
    qtbot.addWidget(again)
    assert again.level.currentText() == "Débutant"
    assert again.themes.values() == ("email", "securite_numerique")
    again.level.setCurrentIndex(again.level.findText("Intermédiaire"))
    assert again.submit(), again.message_text()
    # one person present: the Coop's line of the workshop carries its themes and level
    r = registrations.register(
        db, None, registrations.RegistrationInput(session_id=sid, member_id=lab["ana"])
    )
    registrations.set_attendance(db, None, r.registration_id, "present")
    (line,) = [x for x in mediation_month(db, TODAY, TODAY).records if x.record_id == f"ATL-{sid}"]
    row = dict(zip(EXPORT_COLUMNS, export_row(line), strict=True))
    assert row["Thématique(s) d’accompagnement"] == "E-mail\nPrévention en sécurité numérique"
    assert row["Niveau d’autonomie (ou de l’atelier)"] == "2/3"
