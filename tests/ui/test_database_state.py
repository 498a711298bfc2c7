"""The window on a read-only or a damaged database: a banner, never a crash."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QLabel

from tierslieu_desktop.db import engine as engine_mod
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.people import members
from tierslieu_desktop.services.people.operators import ensure_operator


@pytest.fixture
def fr(qapp):
    from tierslieu_desktop.app import install_translators

    translators = install_translators(qapp, "fr")
    yield
    for t in translators:
        qapp.removeTranslator(t)


def _window(qtbot, db):
    from tierslieu_desktop.app import build_main_window

    _ctx, window = build_main_window(db, "fr")
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_read_only_database_opens_with_a_banner_and_refuses_writes(
    qtbot, fr, tmp_path, monkeypatch
):
    path = tmp_path / "ro.sqlite"
    db = open_database(str(path))
    ensure_operator(db)
    db.dispose()
    path.chmod(0o444)
    if os.geteuid() == 0:  # root writes anyway: the access check says what a user gets
        monkeypatch.setattr(engine_mod, "is_read_only", lambda p: True)
    db = open_database(str(path))
    window = _window(qtbot, db)
    banner = window.findChild(QLabel, "databaseBanner")
    assert banner.isVisible()
    assert banner.text() == "Base en lecture seule : aucune modification ne sera enregistrée"
    assert banner.accessibleName() == banner.text()
    with pytest.raises(DomainError) as caught:
        members.save_member(db, None, members.MemberInput(first_name="Ada", last_name="L"))
    from tierslieu_desktop.ui.errors import error_message

    assert error_message(caught.value).startswith("La base est en lecture seule")
    for key in window.PAGE_KEYS:  # every page reads without writing
        window.show_page(key)
    window.close()
    window.wait_for_integrity_check()
    db.dispose()
    path.chmod(0o600)


def test_a_damaged_database_gets_a_banner_after_the_background_check(qtbot, fr, tmp_path):
    path = tmp_path / "damaged.sqlite"
    db = open_database(str(path))
    db.audit = False  # the members' pages last in the file, as the damage below expects
    ensure_operator(db)
    for i in range(300):
        members.save_member(db, None, members.MemberInput(first_name=f"A{i}", last_name="L"))
    db.dispose()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    # three of the last pages (the members written after the schema) overwritten: the
    # schema, at the start of the file, still reads, so the file opens
    for n in range(pages - 4, pages - 1):
        data[n * page : (n + 1) * page] = b"\xa5" * page
    path.write_bytes(bytes(data))

    db = open_database(str(path))
    window = _window(qtbot, db)
    banner = window.findChild(QLabel, "databaseBanner")
    assert not banner.isVisible()
    window.start_integrity_check()
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.text().startswith("Base endommagée")
    assert banner.accessibleName() == banner.text()
    window.close()
    window.wait_for_integrity_check()
    db.dispose()


def test_a_sound_database_has_no_banner(qtbot, fr, db, operator):
    window = _window(qtbot, db)
    window.start_integrity_check()
    window.wait_for_integrity_check()
    qtbot.wait(50)
    assert not window.findChild(QLabel, "databaseBanner").isVisible()


def test_a_tampered_ledger_gets_a_banner_naming_the_document(qtbot, fr, tmp_path):
    """Point 4 of issue 13: the start-up check also runs the chain verification and the
    comparison with the anchor log, in the background; a banner, never a crash."""
    import sys
    from datetime import UTC, datetime
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
    from test_anchors import issue, raw, recompute_everything

    from tierslieu_desktop.services.billing import ledger

    path = tmp_path / "lab.sqlite"
    db = open_database(str(path))
    ensure_operator(db)
    issue(db, datetime(2026, 12, 1, 9, tzinfo=UTC), 1200)
    _id, number = issue(db, datetime(2026, 12, 1, 15, tzinfo=UTC), 3000)
    db.dispose()
    raw(path, f"UPDATE invoice SET note = 'réécrit' WHERE number = '{number}'")
    recompute_everything(path)
    db = open_database(str(path))
    assert ledger.verify_ledger(db) == []  # only the anchors outside the file see it
    window = _window(qtbot, db)
    banner = window.findChild(QLabel, "databaseBanner")
    window.start_integrity_check()
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    # the banner's frame is translated on merge (translations/pending/anchors.json); the
    # problem itself comes from the service, in French
    assert f"Facture {number} : empreinte différente de celle ancrée le " in banner.text()
    assert banner.accessibleName() == banner.text()
    window.close()
    window.wait_for_integrity_check()
    db.dispose()
