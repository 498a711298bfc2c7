"""Live refresh (issue 20): two windows on one database (two ``Database`` objects on one
SQLite file, or one PostgreSQL database with the suite on the server, as two desks'
processes would have) — what desk B saves appears in desk A's window within 2 s, nobody
pressing « Actualiser »; a page not on screen refreshes when it is shown; a
listener that lost its connection refreshes everything once it is back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tierslieu_desktop.app import build_main_window, install_translators
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Machine, MachineCategory, Space
from tierslieu_desktop.domain.calendar import local_day_and_minute, local_dt, utcnow
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.scheduling.bookings import BookingInput, create_booking
from tierslieu_desktop.ui import live_refresh


@pytest.fixture
def lab(db):
    with db.write() as s:
        space = Space(name="Fablab", kind="fablab")
        category = MachineCategory(name="Impression 3D")
        s.add_all([space, category])
        s.flush()
        printer = Machine(name="Prusa MK4", category_id=category.id, space_id=space.id)
        s.add(printer)
        s.flush()
        ids = {"space": space.id, "printer": printer.id}
    ids["emilie"] = save_member(db, None, MemberInput(first_name="Émilie", last_name="Delpech"))
    return ids


@pytest.fixture
def two_windows(qapp, qtbot, db, lab):
    """Desk A's window (``db``) and desk B's (another Database on the same file), both
    listening to the other desks."""
    translators = install_translators(qapp, "fr")
    other = open_database(db.target)
    windows = []
    for handle in (db, other):
        ctx, window = build_main_window(handle, "fr")
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        window.start_live_refresh()
        windows.append((ctx, window))
    yield windows
    for _ctx, window in windows:
        window.close()
    other.dispose()
    for t in translators:  # owned by the application: a `del` left French installed
        qapp.removeTranslator(t)


def _today_booking(lab, hour: int) -> tuple[BookingInput, object]:
    day, _minute = local_day_and_minute(utcnow())
    start = local_dt(day, hour * 60)
    data = BookingInput(
        start, start + timedelta(hours=1), machine_id=lab["printer"], member_id=lab["emilie"]
    )
    return data, local_dt(day, 0) - timedelta(hours=1)


def test_a_booking_saved_at_desk_b_appears_in_desk_a_within_two_seconds(two_windows, qtbot, lab):
    (ctx_a, window_a), (ctx_b, _window_b) = two_windows
    page = window_a.show_page("bookings")
    page.select_space(lab["space"])
    assert page.calendar.bookings == []
    data, before = _today_booking(lab, 10)
    booking_id = create_booking(ctx_b.db, None, data, now=before)
    ctx_b.notify("booking", [booking_id])  # as desk B's booking dialog does
    qtbot.waitUntil(lambda: [b.id for b in page.calendar.bookings] == [booking_id], timeout=2000)


def test_a_hidden_page_refreshes_when_it_is_shown(two_windows, qtbot, lab):
    (_ctx_a, window_a), (ctx_b, _window_b) = two_windows
    page = window_a.show_page("bookings")
    page.select_space(lab["space"])
    window_a.show_page("members")
    members = window_a.page("members")
    count = members.model.rowCount()
    save_member(ctx_b.db, None, MemberInput(first_name="Jean", last_name="Lacoste"))
    data, before = _today_booking(lab, 14)
    booking_id = create_booking(ctx_b.db, None, data, now=before)
    # the members' list on screen follows at once; the bookings page, hidden, only
    # remembers it has to read again
    qtbot.waitUntil(lambda: members.model.rowCount() == count + 1, timeout=2000)
    assert page.calendar.bookings == []
    window_a.show_page("bookings")
    assert [b.id for b in page.calendar.bookings] == [booking_id]


def test_after_a_lost_connection_everything_is_refreshed_once(two_windows, qtbot, monkeypatch):
    (ctx_a, window_a), _b = two_windows
    window_a.live_refresh.stop()
    monkeypatch.setattr(live_refresh, "RETRY_S", 0.05)
    calls = {"n": 0}
    real_wait = live_refresh.FeedReader.wait

    def flaky(self, timeout):  # desk A's second look fails (desk B's thread looks too)
        if self.desk == ctx_a.db.desk:
            calls["n"] += 1
        if self.desk == ctx_a.db.desk and calls["n"] == 2:
            raise live_refresh.FeedLost("the server went away")
        return real_wait(self, min(timeout, 0.1))

    monkeypatch.setattr(live_refresh.FeedReader, "wait", flaky)
    seen: list[tuple[str, list]] = []
    ctx_a.changed.connect(lambda entity, ids: seen.append((entity, ids)))
    window_a.live_refresh.start()
    qtbot.waitUntil(lambda: ("booking", []) in seen, timeout=3000)
    assert ("member", []) in seen and ("invoice", []) in seen
    qtbot.wait(300)
    assert seen.count(("booking", [])) == 1  # one full refresh, not one per wait


def test_a_restored_backup_is_listened_to_as_well(two_windows, qtbot, lab, tmp_path):
    """SQLite: restoring a backup pauses the listener (no connection left on the file being
    replaced) and listens again on the restored file: desk B's next booking shows."""
    (ctx_a, window_a), (ctx_b, window_b) = two_windows
    if not ctx_a.db.is_sqlite:
        pytest.skip("a backup file restored in place")
    from tierslieu_desktop.services.safety import backups

    backup = backups.make_backup(ctx_a.db, tmp_path / "usb")
    window_b.close()  # a restore waits for the other desks to leave the file
    ctx_b.db.dispose()
    listener = window_a.live_refresh._listener
    assert window_a.restore_backup(backup.path, None) is None
    assert window_a.live_refresh.running and window_a.live_refresh._listener is not listener
    page = window_a.show_page("bookings")
    page.select_space(lab["space"])
    desk_b = open_database(ctx_a.db.target)  # desk B back on the restored file
    try:
        data, before = _today_booking(lab, 16)
        booking_id = create_booking(desk_b, None, data, now=before)
        qtbot.waitUntil(lambda: booking_id in [b.id for b in page.calendar.bookings], timeout=2000)
    finally:
        desk_b.dispose()


def test_a_public_typed_at_desk_a_stays_while_desk_b_renames_it(two_windows, qtbot):
    """The live refresh itself, not a simulated signal: desk B renames the public desk A
    is editing; desk A's list shows it within 2 s, the typing and the selection stay, and
    desk A's save is refused as stale instead of overwriting (issue 20 points 3 and 4)."""
    from tierslieu_desktop.services.people import audiences

    (ctx_a, window_a), (ctx_b, _window_b) = two_windows
    school = audiences.save_audience(ctx_a.db, None, "Scolaires")
    page = window_a.show_page("settings")
    tab = page.audiences
    page.tabs.setCurrentWidget(tab)
    tab.reload(school)
    tab.description.setFocus()
    qtbot.keyClicks(tab.description, "Classes de 6e et 5e")
    audiences.save_audience(ctx_b.db, None, "Écoles", "", school, expected_version=1)

    def shown() -> bool:
        return any(tab.list.item(i).text().startswith("Écoles") for i in range(tab.list.count()))

    qtbot.waitUntil(shown, timeout=2000)
    assert tab.description.text() == "Classes de 6e et 5e"
    assert tab.current_id() == school
    assert tab.submit() is None  # refused as stale: desk B's name is not overwritten
    assert tab.message.isVisible() and tab.reload_button.isVisible()
    assert [a.name for a in audiences.list_audiences(ctx_a.db) if a.id == school] == ["Écoles"]
