"""The window's check at start words what it found with the command line's catalogue
(i18n/findings.py), in the window's language: English on an English window."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people.operators import ensure_operator


@pytest.fixture
def english(qapp):
    from tierslieu_desktop.app import install_translators

    translators = install_translators(qapp, "en")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    formatting.set_language("fr")


def test_a_tampered_ledger_is_named_in_english_on_an_english_window(qtbot, english, tmp_path):
    sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
    from test_anchors import issue, raw, recompute_everything

    from tierslieu_desktop.app import build_main_window

    path = tmp_path / "lab.sqlite"
    db = open_database(str(path))
    ensure_operator(db)
    issue(db, datetime(2026, 12, 1, 9, tzinfo=UTC), 1200)
    _id, number = issue(db, datetime(2026, 12, 1, 15, tzinfo=UTC), 3000)
    db.dispose()
    raw(path, f"UPDATE invoice SET note = 'rewritten' WHERE number = '{number}'")
    recompute_everything(path)
    db = open_database(str(path))
    _ctx, window = build_main_window(db, "en")
    qtbot.addWidget(window)
    window.show()
    banner = window.findChild(QLabel, "databaseBanner")
    window.start_integrity_check()
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    text = banner.text()
    assert f"Invoice {number}: footprint differs from the one anchored on " in text
    assert "the past was rewritten" in text and "Facture" not in text
    window.close()
    window.wait_for_integrity_check()
    db.dispose()
