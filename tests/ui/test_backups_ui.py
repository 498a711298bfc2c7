"""Backups seen from the window: at close and once a day, Paramètres › Sauvegardes, the
restore dialog (close the database → restore → open it again) and Accueil's warning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tierslieu_desktop import config
from tierslieu_desktop.domain.calendar import utcnow
from tierslieu_desktop.services.people import members
from tierslieu_desktop.services.safety import auto_backup, backup_crypto, backups
from tierslieu_desktop.services.safety.integrity import verify

PHRASE = "Le lama de Figeac dort"


def _add_member(db, first: str) -> int:
    return members.save_member(db, None, members.MemberInput(first_name=first, last_name="Test"))


def _names(db) -> list[str]:
    return [m.display_name.split()[-1] for m in members.search_members(db)]


def _window(qtbot, ctx):
    from tierslieu_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("tierslieu-*"))


def _wait_job(qtbot, window) -> None:
    auto = window.auto_backups
    qtbot.waitUntil(lambda: auto.job is not None and auto.job.finished, timeout=10_000)
    qtbot.wait(20)  # the queued "done"


def test_closing_the_window_backs_up_and_rotates(qtbot, ctx):
    folder = config.default_backup_dir()
    folder.mkdir(parents=True)
    morning = folder / "tierslieu-20250101-080000.sqlite"
    evening = folder / "tierslieu-20250101-200000.sqlite"
    for p in (morning, evening):
        p.touch()
    # today already has its daily backup: only the close makes one
    config.save_setting("backup_last", {"at": utcnow().isoformat(), "folder": str(folder)})
    window = _window(qtbot, ctx)
    window.start_automatic_backups()
    assert window.auto_backups is not None and window.auto_backups.job is None
    window.close()
    found = _backups(folder)
    assert evening in found and morning not in found  # rotation: one a day
    (new,) = [p for p in found if p != evening]
    assert backups.describe_backup(new).ok
    last = auto_backup.status().last
    assert last is not None and last.file == str(new)
    assert (folder / new.name).exists()


def test_daily_backup_at_first_start_and_after_midnight(qtbot, ctx):
    clock = [utcnow()]
    window = _window(qtbot, ctx)
    window.start_automatic_backups(now_fn=lambda: clock[0])
    auto = window.auto_backups
    _wait_job(qtbot, window)  # first start of the day: one backup, off the GUI thread
    folder = config.default_backup_dir()
    (first,) = _backups(folder)
    assert auto.timer.isActive()
    remaining = auto.timer.remainingTime()
    assert 0 < remaining <= 24 * 3600 * 1000 + 5 * 60 * 1000
    assert not auto.check_daily()  # later the same day: nothing more
    clock[0] += timedelta(days=1)  # the window stayed open past midnight
    auto.timer.timeout.emit()
    _wait_job(qtbot, window)
    # a second backup (rotation then keeps one of the two, taken the same real day)
    last = auto_backup.status().last
    assert last is not None and last.file != str(first) and Path(last.file).exists()
    config.save_setting("backup_dir", str(config.data_dir() / "x"))  # keep the close quiet
    window.auto_backups = None
    window.close()


def test_ms_until_next_day_is_after_local_midnight():
    from tierslieu_desktop.ui.auto_backups import ms_until_next_day

    # 23:00 in Paris the day before the clocks go forward (29 March 2026)
    now = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)
    assert ms_until_next_day(now) == (60 + 5) * 60 * 1000


@pytest.fixture
def three_backups(ctx, tmp_path):
    """A clear backup (2 members), an encrypted one, a damaged one; then a third member."""
    db = ctx.db
    _add_member(db, "Alice")
    _add_member(db, "Bruno")
    folder = tmp_path / "usb"
    config.save_setting("backup_dir", str(folder))
    clear = backups.make_backup(db, folder)
    key = backup_crypto.derive_key(PHRASE)
    enc = backups.make_backup(db, folder, key=key)
    damaged = folder / "tierslieu-20200101-000000.sqlite"
    damaged.write_bytes(clear.path.read_bytes()[:3000])
    _add_member(db, "Après")
    return folder, clear, enc, damaged


def _cells(dialog, row: int) -> list[str]:
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def test_restore_dialog_lists_and_restores(qtbot, ctx, three_backups, monkeypatch):
    from tierslieu_desktop.ui import restore_dialog
    from tierslieu_desktop.ui.restore_dialog import RestoreDialog

    folder, clear, enc, damaged = three_backups
    window = _window(qtbot, ctx)
    dialog = RestoreDialog(ctx, folder, window.restore_backup, window)
    qtbot.addWidget(dialog)
    assert dialog.empty.text() == "Lecture des sauvegardes…"  # listed off the GUI thread
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    rows = {dialog.infos[r].path: _cells(dialog, r) for r in range(dialog.table.rowCount())}
    assert rows[clear.path][2:] == ["2", "0", "intègre"]
    assert rows[enc.path][2:] == ["—", "—", "chiffrée"]
    assert rows[damaged][4] == "endommagée"
    assert " Ko" in rows[clear.path][1]
    # a file chosen elsewhere comes on top, its time from the file
    elsewhere = folder.parent / "copie-de-marc.sqlite"
    elsewhere.write_bytes(clear.path.read_bytes())
    dialog.add_file(elsewhere)
    assert dialog.selected().path == elsewhere and _cells(dialog, 0)[2:] == ["2", "0", "intègre"]
    # a damaged one cannot be restored
    dialog.table.selectRow([i.path for i in dialog.infos].index(damaged))
    assert not dialog.restore_button.isEnabled()
    assert "endommagée" in dialog.error.text()
    # the encrypted one with a wrong passphrase: said, nothing touched
    asked: list[str] = []
    monkeypatch.setattr(restore_dialog, "confirm", lambda *a: asked.append(a[2]) or True)
    dialog.table.selectRow([i.path for i in dialog.infos].index(enc.path))
    assert dialog.passphrase.isEnabled()
    dialog.passphrase.setText("pas la bonne")
    dialog.restore()
    assert "n'est pas la phrase de passe" in dialog.error.text()
    assert asked == [] and "Après" in _names(window.ctx.db)
    # the clear one: confirmed, restored, the current file kept aside, verify clean
    window.show_banner("Base endommagée : …")  # why one restores, often
    dialog.table.selectRow([i.path for i in dialog.infos].index(clear.path))
    dialog.restore()
    assert not window.banner.isVisible()
    assert asked and "mise de côté" in asked[0] and str(Path(ctx.db.target).parent) in asked[0]
    assert dialog.restored is not None and dialog.restored.path == clear.path
    assert sorted(_names(window.ctx.db)) == ["Alice", "Bruno"]
    aside = window.last_restore_aside
    assert aside is not None and aside.exists()
    assert verify(window.ctx.db) == []
    # the window works on the restored database
    window.show_page("members")
    window.show_page("home")


def test_encrypted_restore_through_the_settings_tab(qtbot, ctx, three_backups, monkeypatch):
    from tierslieu_desktop.ui import restore_dialog
    from tierslieu_desktop.ui.restore_dialog import RestoreDialog

    folder, clear, enc, damaged = three_backups
    window = _window(qtbot, ctx)
    window.show_backups()
    tab = window.backups_tab()
    assert tab.folder.text() == str(folder)
    monkeypatch.setattr(restore_dialog, "confirm", lambda *a: True)

    def run(self: RestoreDialog) -> int:
        qtbot.waitUntil(lambda: self.loaded, timeout=10_000)
        self.table.selectRow([i.path for i in self.infos].index(enc.path))
        self.passphrase.setText(PHRASE)
        self.restore()
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", run)
    tab.open_restore()
    assert sorted(_names(window.ctx.db)) == ["Alice", "Bruno"]
    new_tab = window.backups_tab()
    assert new_tab is not tab and new_tab.isVisible()
    assert "restaurée" in new_tab.message.text() and "before-restore" in new_tab.message.text()


def test_settings_tab_backs_up_now_and_sets_encryption(qtbot, ctx, tmp_path, monkeypatch):
    from tierslieu_desktop.ui.pages.settings.backups_tab import PassphraseDialog

    window = _window(qtbot, ctx)
    window.show_backups()
    tab = window.backups_tab()
    assert tab.last.text() == "jamais"
    usb = tmp_path / "usb"
    tab.set_folder(usb)
    assert "hors de ce PC" in tab.message.text()

    def typed(self: PassphraseDialog) -> int:
        self.first.setText("court")
        self.second.setText("court")
        self.submit()
        assert "au moins 8" in self.error.text()
        self.first.setText(PHRASE)
        self.second.setText(PHRASE)
        self.submit()
        return self.result()

    monkeypatch.setattr(PassphraseDialog, "exec", typed)
    tab.encrypt.setChecked(True)
    assert auto_backup.status().encrypted and tab.change_phrase.isEnabled()
    tab.backup_button.click()
    (written,) = _backups(usb)
    assert written.name.endswith(".sqlite.enc")
    assert "Sauvegarde écrite" in tab.message.text()
    assert str(usb) in tab.last.text() and "hors de ce PC" in tab.last.text()
    assert str(usb) in tab.off_pc.text()
    tab.encrypt.setChecked(False)
    assert not auto_backup.status().encrypted


def test_settings_tab_on_a_postgresql_database_says_so(qtbot, ctx, monkeypatch):
    from tierslieu_desktop.ui.pages.settings.backups_tab import BackupsTab

    monkeypatch.setattr(ctx.db, "is_sqlite", False)
    tab = BackupsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    note = tab.findChild(QLabel, "backupKindNote")
    assert note.isVisible() and "PostgreSQL" in note.text()
    assert "chaque nuit" in note.text() and "pg_dump" in note.text()
    # « Sauvegarder maintenant » is a pg_dump; restoring is done on the server
    assert tab.backup_button.isEnabled() and not tab.restore_button.isEnabled()


def test_accueil_warns_after_8_days_without_off_pc_backup(qtbot, ctx, tmp_path):
    from tierslieu_desktop.ui.pages.home import HomePage

    now = utcnow()
    eight_days_ago = now - timedelta(days=8)
    config.save_setting(
        "backup_last_off_pc", {"at": eight_days_ago.isoformat(), "folder": str(tmp_path)}
    )
    page = HomePage(ctx, now_fn=lambda: now)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.backup_box.isVisible()
    from tierslieu_desktop.i18n import formatting

    text = page.backup_warning.text()
    assert "7 jours" in text and formatting.local_datetime(eight_days_ago) in text
    # an automatic backup that failed is said too
    auto_backup.record_failure(now, tmp_path / "clé", "backup_sqlite_only")
    page.refresh_backup_warning()
    assert "a échoué" in page.backup_warning.text()
    # a backup onto the USB stick: the warning goes
    config.save_setting("backup_dir", str(tmp_path / "usb"))
    assert auto_backup.automatic_backup(ctx.db, now, "daily") is not None
    page.refresh_backup_warning()
    assert not page.backup_box.isVisible()


def test_accueil_says_never_and_its_button_opens_the_backup_settings(qtbot, ctx):
    window = _window(qtbot, ctx)
    home = window.show_page("home")
    assert home.backup_box.isVisible() and "jamais" in home.backup_warning.text()
    home.backup_button.click()
    assert window.current_key() == "settings"
    assert window.page("settings").tabs.currentWidget() is window.backups_tab()


def test_closing_while_the_daily_backup_runs_waits_for_it_then_backs_up(qtbot, ctx):
    window = _window(qtbot, ctx)
    window.start_automatic_backups()
    daily = window.auto_backups.job
    assert daily is not None  # started at once: no backup today yet
    window.close()
    assert daily.finished and daily.result is not None
    last = auto_backup.status().last
    assert last is not None and last.file != str(daily.result.path)  # the close's own copy
    assert Path(last.file).exists()
