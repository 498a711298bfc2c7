"""Activité › Chiffres: key figures of the period, breakdown tables, period selector and
the XLSX export, in French."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from tierslieu_desktop.db.models import Audience
from tierslieu_desktop.domain.calendar import lab_today, local_dt
from tierslieu_desktop.services.activity import dropins, registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.dropins import DropInInput
from tierslieu_desktop.services.activity.registrations import RegistrationInput
from tierslieu_desktop.services.activity.sessions import ActivityInput, SessionInput
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.ui.pages.activity import figures_tab
from tierslieu_desktop.ui.pages.activity.figures_tab import FiguresTab

THIS_YEAR = lab_today().year
LAST_YEAR = THIS_YEAR - 1
DAY = date(LAST_YEAR, 3, 11)


def texts(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


@pytest.fixture
def data(ctx):
    db, op = ctx.db, ctx.operator_id
    with db.write() as s:
        aud = Audience(name="Demandeurs d'emploi")
        s.add(aud)
        s.flush()
        aud_id = aud.id
    ana = save_member(
        db, op, MemberInput(first_name="Ana", last_name="Bru", city="Gramat", audience_id=aud_id)
    )
    ben = save_member(db, op, MemberInput(first_name="Ben", last_name="Cayrou", age_band="18_25"))
    school = save_member(db, op, MemberInput(kind="organisation", last_name="École de Biars"))
    workshop = activities.save_activity(
        db, op, ActivityInput(name="Créer son adresse mail", kind="digital_workshop")
    )
    sid = activities.create_session(
        db,
        op,
        SessionInput(
            activity_id=workshop,
            start_at=local_dt(DAY, 14 * 60),
            end_at=local_dt(DAY, 16 * 60),
            capacity=30,
        ),
    )
    for kw in (
        {"member_id": ana},
        {"member_id": ben},
        {"organisation_id": school, "group_name": "CM1", "headcount": 20, "age_band": "under_12"},
    ):
        r = registrations.register(db, op, RegistrationInput(session_id=sid, **kw))
        registrations.set_attendance(
            db, op, r.registration_id, "absent" if kw.get("member_id") == ben else "present",
            present_count=18 if "headcount" in kw else None,
        )  # fmt: skip
    dropins.log_drop_in(
        db,
        op,
        DropInInput(at=local_dt(DAY, 10 * 60), purpose="admin", duration_minutes=45, vouchers=3),
    )
    dropins.log_drop_in(
        db,
        op,
        DropInInput(
            at=local_dt(DAY, 11 * 60),
            kind="help",
            purpose="employment",
            helper="Léa",
            duration_minutes=60,
            audience_id=aud_id,
        ),
    )
    return {"ana": ana, "sid": sid}


@pytest.fixture
def tab(qtbot, ctx, data):
    w = FiguresTab(ctx)
    qtbot.addWidget(w)
    w.resize(1100, 650)
    w.show()
    w.set_year(LAST_YEAR)
    return w


def test_defaults_to_the_current_year(qtbot, ctx):
    w = FiguresTab(ctx)
    qtbot.addWidget(w)
    w.show()  # the figures are read when the tab is first shown
    assert w.period() == (date(THIS_YEAR, 1, 1), date(THIS_YEAR, 12, 31))
    assert w.year.currentText() == str(THIS_YEAR)
    assert w.key_labels["sessions"].text() == "0"
    assert w.key_labels["rate"].text() == "—"
    assert w.default_file_name() == f"activite-{THIS_YEAR}.xlsx"


def test_key_figures_and_breakdowns_in_french(tab, qtmodeltester):
    k = {key: label.text().replace("\u202f", " ").replace("\u00a0", " ") for key, label in tab.key_labels.items()}  # fmt: skip
    assert k["sessions"] == "1"
    assert k["participants"] == "19"  # Ana + 18 pupils of 20
    assert k["hours"] == "38,0 h"
    assert k["rate"] == "86,4 %"  # 19 present of 22 ticked
    assert (k["visits"], k["helps"], k["vouchers"]) == ("1", "1", "3")

    qtmodeltester.check(tab.activity_model)
    qtmodeltester.check(tab.dropin_model)
    rows = texts(tab.activity_model)
    assert rows[0][:3] == ["Atelier de médiation numérique", "1", "19"]
    assert rows[-1][0] == "Total"
    assert tab.activity_model.headerData(0, Qt.Orientation.Horizontal) == "Type d'activité"

    tab.activity_by.setCurrentIndex(tab.activity_by.findData("age_band"))
    rows = texts(tab.activity_model)
    assert ["Moins de 12 ans", "18", "36,0 h"] in [r[:3] for r in rows]
    assert rows[-2][0] == "Non renseigné"  # Ana has no age band
    tab.activity_by.setCurrentIndex(tab.activity_by.findData("audience"))
    assert ["Demandeurs d'emploi", "1", "2,0 h"] in texts(tab.activity_model)
    qtmodeltester.check(tab.activity_model)

    # the drop-ins by the national themes (their purposes' here), the note under the table
    themes = texts(tab.dropin_model)
    assert tab.dropin_model.headerData(0, Qt.Orientation.Horizontal) == "Thématique"
    assert ["Aide aux démarches administratives", "1", "0", "1", "0,8 h", "3"] in themes
    assert ["Insertion professionnelle", "0", "1", "1", "1,0 h", "0"] in themes
    assert themes[-1] == ["Total", "1", "1", "2", "1,8 h", "3"]
    assert tab.dropin_note.isVisible()
    assert "chacune" in tab.dropin_note.text()
    tab.dropin_by.setCurrentIndex(tab.dropin_by.findData("place_type"))
    assert texts(tab.dropin_model)[0] == ["Lieu d’activité", "1", "1", "2", "1,8 h", "3"]
    assert not tab.dropin_note.isVisible()
    qtmodeltester.check(tab.dropin_model)


def test_a_period_of_days_and_the_year_combo_follow_each_other(tab):
    tab.first.setDate(QDate(LAST_YEAR, 4, 1))
    assert tab.year.currentData() is None  # "Autre période"
    assert tab.key_labels["sessions"].text() == "0"  # the session was in March
    assert tab.default_file_name() == f"activite-{LAST_YEAR}-04-01-{LAST_YEAR}-12-31.xlsx"
    tab.year.setCurrentIndex(tab.year.findData(LAST_YEAR))
    assert tab.period() == (date(LAST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))
    assert tab.key_labels["sessions"].text() == "1"
    tab.last.setDate(QDate(LAST_YEAR - 1, 1, 1))
    assert not tab.export_button.isEnabled()
    assert "avant" in tab.detail.text()


def test_refreshes_when_a_drop_in_is_logged(tab, ctx):
    dropins.log_drop_in(
        ctx.db, ctx.operator_id, DropInInput(at=local_dt(DAY, 15 * 60), purpose="office")
    )
    ctx.notify("drop_in", [])
    assert tab.key_labels["visits"].text() == "2"


def test_exports_the_workbook(tab, tmp_path, monkeypatch):
    asked = {}

    def answer(parent, title, name, filters):
        asked["name"] = name
        return str(tmp_path / "chiffres")

    monkeypatch.setattr(figures_tab, "save_path", answer)
    path = tab.export_xlsx()
    assert asked["name"] == f"activite-{LAST_YEAR}.xlsx"
    assert path.endswith("chiffres.xlsx")
    wb = load_workbook(path)
    assert "Par type d'activité" in wb.sheetnames
    rows = list(wb["Par type d'activité"].iter_rows(values_only=True))
    assert rows[-1][:3] == ("Total", 1, 19)
    # the file written is named, with a way to open it or its folder
    from PySide6.QtWidgets import QApplication

    saved = [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "savedBox" and w.isVisible()
    ]
    assert len(saved) == 1 and "chiffres.xlsx" in saved[0].text()
    assert str(tmp_path) in saved[0].informativeText()
    monkeypatch.setattr(figures_tab, "save_path", lambda *a: "")
    assert tab.export_xlsx() == ""


def test_every_control_has_an_accessible_name(tab):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QTableView

    for cls in (QAbstractButton, QComboBox, QAbstractSpinBox, QTableView):
        for w in tab.findChildren(cls):
            if w.isVisible():
                assert w.accessibleName(), w
