"""French by default, English on demand, and no English string left on a French screen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from tierslieu_desktop.app import install_translators

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import i18n  # noqa: E402

# English sources whose French translation differs: seeing one on a French screen is a leak.
LEAKS = {s for _c, s, t in i18n.messages(i18n.ts_path("fr")) if t and t != s and len(s) > 2}


@pytest.fixture
def french(qapp):
    translators = install_translators(qapp, "fr")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def english(qapp):
    translators = install_translators(qapp, "en")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    from tierslieu_desktop.i18n import formatting

    formatting.set_language("fr")


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        texts += [w.accessibleName(), w.toolTip(), w.windowTitle()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for orient, n in ((Qt.Orientation.Horizontal, m.columnCount()),):
                texts += [str(m.headerData(i, orient) or "") for i in range(n)]
    return [t.replace("&", "") for t in texts if t]


def _window(db, qtbot, lang):
    from tierslieu_desktop.app import build_main_window

    _ctx, window = build_main_window(db, lang)
    qtbot.addWidget(window)
    window.show()
    return window


def test_window_is_french_by_default(db, qtbot, french):
    window = _window(db, qtbot, "fr")
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels[:3] == ["Accueil", "Membres", "Machines & espaces"]
    assert "Paramètres" in labels


def test_window_in_english(db, qtbot, english):
    window = _window(db, qtbot, "en")
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels[:3] == ["Home", "Members", "Machines & spaces"]


@pytest.mark.parametrize("key", ["home", "members", "machines", "settings", "bookings"])
def test_no_english_left_on_french_pages(db, qtbot, french, key):
    window = _window(db, qtbot, "fr")
    page = window.show_page(key)
    leaks = sorted({t for t in visible_texts(page) if t in LEAKS})
    assert leaks == []
