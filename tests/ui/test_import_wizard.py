"""The import wizard driven like a person: choose the file, change a column, read the
preview (refused lines named with their field, duplicates), choose per duplicate,
simulate, import or cancel — nothing written unless the import ran to its end."""

from __future__ import annotations

import threading
import time

import pytest
from fake_importer import FakeMembersImporter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import func, select

from tierslieu_desktop.db.models import Member
from tierslieu_desktop.services.imports.base import Action
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.ui.imports import wizard as wizard_module
from tierslieu_desktop.ui.imports.wizard import (
    FILE_STEP,
    MAPPING_STEP,
    PREVIEW_STEP,
    RESULT_STEP,
    ImportWizard,
)
from tierslieu_desktop.ui.imports.words import field_label

HEADER = "Nom;Prenom;Courriel;Mail perso\n"


@pytest.fixture
def ctx(qapp, db, operator):
    """This module reads the wizard's words in English, the source language (the shared
    fixture is French)."""
    from tierslieu_desktop.app import install_translators
    from tierslieu_desktop.ui.background import wait_for_reads
    from tierslieu_desktop.ui.context import AppContext

    translators = install_translators(qapp, "en")
    yield AppContext(db, operator, "en")
    wait_for_reads()
    for t in translators:
        qapp.removeTranslator(t)
    for t in install_translators(qapp, "fr"):  # numbers and dates back to French
        qapp.removeTranslator(t)


def member_count(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(Member.id)))


@pytest.fixture
def lucie(ctx):
    return member_service.save_member(
        ctx.db,
        ctx.operator_id,
        member_service.MemberInput(last_name="Castagné", first_name="", email="lucie@example.fr"),
    )


@pytest.fixture
def sample(tmp_path):
    """Line 2 new, line 3 without a name, line 4 duplicates Lucie, line 5 a bad email,
    line 6 new."""
    path = tmp_path / "adherents.csv"
    path.write_text(
        HEADER
        + "Martin;Paul;paul@example.fr;\n"
        + ";Sans;nom@example.fr;\n"
        + "Castagné;Lucie;lucie@example.fr;\n"
        + "Durand;Léa;lea-at-example;\n"
        + "Petit;Jean;jean@example.fr;jean@perso.fr\n",
        encoding="utf-8",
    )
    return path


def open_wizard(ctx, qtbot, monkeypatch, path, importer=None, **kwargs) -> ImportWizard:
    wizard = ImportWizard(ctx, importer or FakeMembersImporter(), **kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr(wizard_module.file_dialogs, "open_file", lambda *a, **k: str(path))
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert wizard.file_page.path_edit.text() == str(path)
    return wizard


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_preview(wizard, qtbot) -> None:
    click(qtbot, wizard.next_button)
    assert wizard.step == MAPPING_STEP
    click(qtbot, wizard.next_button)
    assert wizard.step == PREVIEW_STEP


def wait_job(wizard, qtbot) -> None:
    if wizard.busy:
        with qtbot.waitSignal(wizard.job.done, timeout=30_000):
            pass


def choose_combo(qtbot, combo, text: str) -> None:
    """Pick an item with the keyboard, as a user tabbing through the form would."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_a_changed_column_is_remembered_for_that_source(ctx, qtbot, monkeypatch, sample):
    sources = (("csv", "Tableur"), ("helloasso", "HelloAsso"))
    wizard = open_wizard(ctx, qtbot, monkeypatch, sample, sources=sources)
    click(qtbot, wizard.next_button)
    email = wizard.mapping_page.combos["email"]
    assert email.currentData() == "Courriel"  # the importer's suggestion, preselected
    assert wizard.mapping_page.samples["email"].text().endswith("paul@example.fr")
    choose_combo(qtbot, email, "Mail perso")
    click(qtbot, wizard.next_button)
    assert wizard.step == PREVIEW_STEP
    wizard.close()

    again = open_wizard(ctx, qtbot, monkeypatch, sample, sources=sources)
    click(qtbot, again.next_button)
    assert again.mapping_page.combos["email"].currentData() == "Mail perso"
    click(qtbot, again.back_button)
    # another source has its own mapping: the suggestion again
    choose_combo(qtbot, again.file_page.source_combo, "HelloAsso")
    click(qtbot, again.next_button)
    assert again.mapping_page.combos["email"].currentData() == "Courriel"


def test_a_required_field_without_a_column_is_said_and_its_lines_refused(
    ctx, qtbot, monkeypatch, sample
):
    wizard = open_wizard(ctx, qtbot, monkeypatch, sample)
    click(qtbot, wizard.next_button)
    assert wizard.mapping_page.problem.text() == ""
    choose_combo(qtbot, wizard.mapping_page.combos["last_name"], "(no column)")
    assert field_label("last_name", "en") in wizard.mapping_page.problem.text()
    click(qtbot, wizard.next_button)  # not blocked: another field may fill it
    assert wizard.step == PREVIEW_STEP
    lines = [wizard.model.line_at(r) for r in range(wizard.model.rowCount())]
    assert {line.action for line in lines} == {Action.REFUSED}
    assert field_label("last_name", "en") in wizard.model.index(0, 4).data()


def test_the_preview_names_refused_lines_and_their_fields(ctx, qtbot, monkeypatch, sample, lucie):
    wizard = open_wizard(ctx, qtbot, monkeypatch, sample)
    to_preview(wizard, qtbot)
    assert wizard.complete  # a short file: planned whole at once
    counts = wizard.preview_page.counts.text()
    assert "5" in counts and "2" in counts  # 5 lines, 2 to create, 2 refused
    choose_combo(qtbot, wizard.preview_page.filter_combo, "Refused lines")
    model = wizard.model
    rows = [(model.index(r, 0).data(), model.index(r, 4).data()) for r in range(model.rowCount())]
    assert [r[0] for r in rows] == ["3", "5"]
    assert field_label("last_name", "en") in rows[0][1]
    assert field_label("email", "en") in rows[1][1] and "lea-at-example" in rows[1][1]
    wizard.select_line(5)  # the whole sentence under the table (the cell may be cut)
    assert wizard.preview_page.detail.text() == rows[1][1]
    choose_combo(qtbot, wizard.preview_page.filter_combo, "Duplicates")
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "4"
    assert "Castagné" in model.index(0, 3).data()


def test_a_refused_line_blocks_the_import_until_skipped(ctx, qtbot, monkeypatch, sample, lucie):
    monkeypatch.setattr(wizard_module, "confirm", lambda *a: True)
    importer = FakeMembersImporter()
    wizard = open_wizard(ctx, qtbot, monkeypatch, sample, importer)
    to_preview(wizard, qtbot)
    assert not wizard.import_button.isEnabled()
    assert "2" in wizard.preview_page.blocked.text()
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    assert importer.applied == [] and member_count(ctx.db) == 1
    skip = wizard.preview_page.skip_bad
    skip.setFocus()
    qtbot.keyClick(skip, Qt.Key.Key_Space)
    assert skip.isChecked() and wizard.import_button.isEnabled()
    click(qtbot, wizard.import_button)
    wait_job(wizard, qtbot)
    assert wizard.step == RESULT_STEP
    assert importer.applied[0]["skip_bad"] is True
    assert member_count(ctx.db) == 3  # Paul and Jean; Lucie merged
    summary = wizard.result_page.summary.text()
    assert "Line 3" in summary or "Ligne 3" in summary
    report = wizard.report_csv().decode("utf-8-sig").splitlines()
    assert len(report) == 3 and report[1].startswith("3;") and report[2].startswith("5;")
    saved = wizard.path.parent / "rapport.csv"
    monkeypatch.setattr(wizard_module.file_dialogs, "save_file", lambda *a, **k: str(saved))
    click(qtbot, wizard.result_page.report_button)
    assert saved.read_bytes() == wizard.report_csv()


def test_the_choice_for_a_duplicate_reaches_the_import(ctx, qtbot, monkeypatch, tmp_path, lucie):
    monkeypatch.setattr(wizard_module, "confirm", lambda *a: True)
    path = tmp_path / "doublons.csv"
    path.write_text(
        HEADER + "Castagné;Lucie;lucie@example.fr;\nCastagne;L.;LUCIE@example.fr;\n",
        encoding="utf-8",
    )
    importer = FakeMembersImporter()
    wizard = open_wizard(ctx, qtbot, monkeypatch, path, importer)
    to_preview(wizard, qtbot)
    table = wizard.preview_page.table
    rect = table.visualRect(wizard.model.index(1, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.current_line() == 3
    choose_combo(qtbot, wizard.preview_page.decision_combo, "Create anyway")
    assert wizard.model.index(1, 1).data() == "Create anyway"
    assert wizard.model.index(0, 1).data() == "Merge"  # the other one is untouched
    click(qtbot, wizard.import_button)
    wait_job(wizard, qtbot)
    assert importer.applied[0]["decisions"] == {3: Action.CREATE}
    assert member_count(ctx.db) == 2

    # « Apply to all duplicates »
    importer2 = FakeMembersImporter()
    again = open_wizard(ctx, qtbot, monkeypatch, path, importer2)
    to_preview(again, qtbot)
    again.select_line(2)
    choose_combo(qtbot, again.preview_page.decision_combo, "Skip")
    click(qtbot, again.preview_page.all_duplicates_button)
    assert {again.model.index(r, 1).data() for r in range(2)} == {"Skip"}


def test_the_dry_run_writes_nothing(ctx, qtbot, monkeypatch, sample, lucie):
    importer = FakeMembersImporter()
    wizard = open_wizard(ctx, qtbot, monkeypatch, sample, importer)
    to_preview(wizard, qtbot)
    click(qtbot, wizard.simulate_button)
    assert wizard.step == RESULT_STEP and wizard.simulated
    assert importer.applied == [] and member_count(ctx.db) == 1
    assert wizard.outcome.created == 2 and wizard.outcome.merged == 1
    assert not wizard.import_button.isEnabled()  # the refused lines still block it
    click(qtbot, wizard.back_button)  # back to the preview, to import for real
    assert wizard.step == PREVIEW_STEP


def test_cancelling_the_import_writes_nothing(ctx, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(wizard_module, "confirm", lambda *a: True)
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(f"Nom{i};P;n{i}@example.fr;\n" for i in range(50)))
    importer = FakeMembersImporter()
    importer.hold = threading.Event()
    wizard = open_wizard(ctx, qtbot, monkeypatch, path, importer)
    to_preview(wizard, qtbot)
    click(qtbot, wizard.import_button)
    assert importer.started.wait(10)
    assert wizard.progress_box.isVisible() and not wizard.back_button.isEnabled()
    click(qtbot, wizard.cancel_button)
    wait_job(wizard, qtbot)
    assert member_count(ctx.db) == 0
    assert wizard.step == PREVIEW_STEP
    assert wizard.status.text()  # "Import cancelled: nothing was imported."
    assert wizard.import_button.isEnabled()  # can be tried again


def test_a_long_file_shows_its_first_lines_at_once_then_is_checked_whole(
    ctx, qtbot, monkeypatch, tmp_path
):
    path = tmp_path / "long.csv"
    rows = [f"Nom{i};P;n{i}@example.fr;" for i in range(20_000)]
    rows[15_000] = ";P;x@example.fr;"  # refused, far past the first lines (line 15002)
    path.write_text(HEADER + "\n".join(rows) + "\n")
    wizard = open_wizard(ctx, qtbot, monkeypatch, path)
    click(qtbot, wizard.next_button)
    started = time.perf_counter()
    click(qtbot, wizard.next_button)
    assert time.perf_counter() - started < 1.0
    assert wizard.model.rowCount() == 100 and not wizard.complete
    assert wizard.progress_box.isVisible() and not wizard.import_button.isEnabled()
    wait_job(wizard, qtbot)
    assert wizard.complete and wizard.model.rowCount() == 20_000
    assert not wizard.progress_box.isVisible()
    choose_combo(qtbot, wizard.preview_page.filter_combo, "Refused lines")
    assert wizard.model.index(0, 0).data().replace(",", "") == "15002"


def test_cancelling_the_check_of_the_whole_file_keeps_the_first_lines(
    ctx, qtbot, monkeypatch, tmp_path
):
    path = tmp_path / "long.csv"
    path.write_text(HEADER + "".join(f"Nom{i};P;n{i}@example.fr;\n" for i in range(300)))
    gate = threading.Event()
    importer = FakeMembersImporter()
    real_plan = importer.plan

    def slow_plan(db, table, mapping, **kw):
        if len(table.rows) > 100:  # the whole file: wait for the cancel
            while not kw["cancelled"]():
                gate.wait(0.01)
        return real_plan(db, table, mapping, **kw)

    importer.plan = slow_plan
    wizard = open_wizard(ctx, qtbot, monkeypatch, path, importer)
    to_preview(wizard, qtbot)
    click(qtbot, wizard.cancel_button)
    wait_job(wizard, qtbot)
    assert wizard.model.rowCount() == 100 and not wizard.complete
    assert not wizard.import_button.isEnabled() and not wizard.simulate_button.isEnabled()
    assert wizard.preview_page.recheck_button.isVisible()


def test_an_unreadable_file_is_said_and_next_stays_off(ctx, qtbot, monkeypatch, tmp_path):
    path = tmp_path / "vide.csv"
    path.write_text("\n\n")
    wizard = open_wizard(ctx, qtbot, monkeypatch, path)
    assert wizard.step == FILE_STEP and not wizard.next_button.isEnabled()
    assert wizard.file_page.info.text()


def test_every_step_fits_1024_by_600_and_names_its_controls(ctx, qtbot, monkeypatch, sample, lucie):
    from test_i18n import unnamed_controls

    monkeypatch.setattr(wizard_module, "confirm", lambda *a: True)
    wizard = open_wizard(ctx, qtbot, monkeypatch, sample)
    wizard.resize(1024, 600)

    def check() -> None:
        QApplication.processEvents()
        hint = wizard.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 600, (wizard.step, hint)
        assert unnamed_controls(wizard) == [], wizard.step

    check()
    to_preview(wizard, qtbot)
    check()
    click(qtbot, wizard.back_button)
    check()
    click(qtbot, wizard.next_button)
    qtbot.mouseClick(wizard.preview_page.skip_bad, Qt.MouseButton.LeftButton)
    click(qtbot, wizard.import_button)
    wait_job(wizard, qtbot)
    check()


def test_a_duplicate_is_chosen_in_its_cell_too(ctx, qtbot, monkeypatch, tmp_path, lucie):
    path = tmp_path / "doublon.csv"
    path.write_text(HEADER + "Martin;Paul;paul@example.fr;\nCastagné;Lucie;lucie@example.fr;\n")
    wizard = open_wizard(ctx, qtbot, monkeypatch, path)
    to_preview(wizard, qtbot)
    table = wizard.preview_page.table
    new_line = wizard.model.index(0, 1)
    assert not wizard.model.flags(new_line) & Qt.ItemFlag.ItemIsEditable  # not a duplicate
    cell = table.visualRect(wizard.model.index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    editors = table.viewport().findChildren(QComboBox)
    assert len(editors) == 1 and editors[0].accessibleName()
    editor = editors[0]
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # Merge → Skip
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert wizard.decisions == {3: Action.SKIP}
    assert wizard.preview_page.decision_combo.currentData() == Action.SKIP
    assert "skipped: 1" in wizard.preview_page.counts.text().lower()
