"""French by default, English on demand, and no English string left on a French screen."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTreeView,
    QWidget,
)
from shared_demo import small_demo_copy

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
            texts += model_texts(w.model(), tree=isinstance(w, QTreeView))
    return [t.replace("&", "") for t in texts if t]


def model_texts(m, parent=None, depth=0, tree=False) -> list[str]:  # type: ignore[no-untyped-def]
    """Headers and the first rows' cells (and children, for trees)."""
    parent = parent or QModelIndex()
    try:
        cols = m.columnCount(parent)
    except TypeError:  # list models hide it: one column
        cols = 1
    texts = [str(m.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(cols)]
    for r in range(min(m.rowCount(parent), 30)):
        for c in range(cols):
            index = m.index(r, c, parent)
            texts += [
                str(m.data(index) or ""),
                str(m.data(index, Qt.ItemDataRole.ToolTipRole) or ""),
            ]
            if tree and c == 0 and depth < 3:
                texts += model_texts(m, index, depth + 1, tree)
    return texts


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    small_demo_copy(path)
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    from tierslieu_desktop.db.engine import open_database

    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, copy)
    database = open_database(str(copy))
    yield database
    database.dispose()


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


PAGES = [
    "home",
    "members",
    "machines",
    "bookings",
    "activity",
    "checkout",
    "finances",
    "reports",
    "settings",
]


@pytest.mark.parametrize("key", PAGES)
def test_no_english_left_on_french_pages(demo_db, qtbot, french, key):
    window = _window(demo_db, qtbot, "fr")
    page = window.show_page(key)
    if key == "members":
        page.select_row(0)  # fill the detail panel
    if key == "machines":
        page.select("machine", page_first_machine(demo_db))
    leaks = sorted({t for t in visible_texts(page) if t in LEAKS})
    assert leaks == []


def page_first_machine(db) -> int:  # type: ignore[no-untyped-def]
    from tierslieu_desktop.services.park.machines import list_machines

    return list_machines(db)[0].id


def test_no_english_left_in_dialogs(demo_db, qtbot, french):
    from tierslieu_desktop.ui.pages.members.dialog import MemberDialog
    from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog

    window = _window(demo_db, qtbot, "fr")
    machines = window.show_page("machines")
    machines.select("machine", page_first_machine(demo_db))
    dialogs = [
        MemberDialog(window.ctx),
        MemberDialog(window.ctx, 1),
        MembershipDialog(window.ctx, 1),
        machines.machine_dialog(),
        machines.machine_dialog(page_first_machine(demo_db)),
        machines.space_dialog(),
        machines.status_dialog(),
        machines.grant_dialog(),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        leaks = sorted({t for t in visible_texts(dialog) if t in LEAKS})
        assert leaks == [], type(dialog).__name__


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible interactive widgets without an accessible name (Qt's own inner parts of
    combo boxes, spin boxes, line edits, tab bars and views excepted)."""
    from PySide6.QtWidgets import (
        QAbstractScrollArea,
        QAbstractSpinBox,
        QHeaderView,
        QPlainTextEdit,
        QScrollBar,
        QTabBar,
    )

    interactive = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractItemView,
        QAbstractSpinBox,
        QPlainTextEdit,
    )
    inner_parents = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QAbstractScrollArea)
    missing = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, interactive) or isinstance(w, QScrollBar | QHeaderView):
            continue
        if not w.isVisible() or isinstance(w.parentWidget(), inner_parents):
            continue
        if not w.accessibleName().strip():
            text = w.text() if hasattr(w, "text") else ""
            missing.append(f"{type(w).__name__} {w.objectName()!r} {text!r}")
    return missing


@pytest.mark.parametrize("key", PAGES)
def test_every_control_has_an_accessible_name(demo_db, qtbot, french, key):
    window = _window(demo_db, qtbot, "fr")
    page = window.show_page(key)
    if key == "members":
        page.select_row(0)
    assert unnamed_controls(page) == []
    assert unnamed_controls(window.statusBar()) == []


def test_every_dialog_control_has_an_accessible_name(demo_db, qtbot, french):
    from tierslieu_desktop.ui.pages.members.dialog import MemberDialog
    from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog

    window = _window(demo_db, qtbot, "fr")
    machines = window.show_page("machines")
    machines.select("machine", page_first_machine(demo_db))
    for dialog in [
        MemberDialog(window.ctx, 1),
        MembershipDialog(window.ctx, 1),
        machines.machine_dialog(page_first_machine(demo_db)),
        machines.space_dialog(),
        machines.status_dialog(),
        machines.grant_dialog(),
    ]:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == [], type(dialog).__name__


def test_settings_tabs_and_price_dialogs_are_french_and_named(demo_db, qtbot, french):
    """Every tab of Paramètres (the Tarifs sub-tabs too) and the dialogs of prices,
    fees, reductions, quotas, packs and wallet: no English left, every control named."""
    from sqlalchemy import select

    from tierslieu_desktop.db.models import MemberPack
    from tierslieu_desktop.ui.pages.members.pack_dialog import (
        PackMovementsDialog,
        SellPackDialog,
    )
    from tierslieu_desktop.ui.pages.members.wallet_dialog import WalletCreditDialog
    from tierslieu_desktop.ui.pages.settings.tariffs.sections import (
        FeeDialog,
        PackTypeDialog,
        QuotaDialog,
        ReductionDialog,
    )

    window = _window(demo_db, qtbot, "fr")
    settings = window.show_page("settings")
    checked = 0
    for i in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(i)
        inner = [settings.tariffs.tabs] if settings.tabs.widget(i) is settings.tariffs else [None]
        for sub in inner:
            for j in range(sub.count() if sub else 1):
                if sub:
                    sub.setCurrentIndex(j)
                leaks = sorted({t for t in visible_texts(settings) if t in LEAKS})
                assert leaks == [], (i, j)
                assert unnamed_controls(settings) == [], (i, j)
                checked += 1
    assert checked >= 8  # Structure … Langue, with the four Tarifs sub-tabs

    grid = settings.tariffs.grid
    resource = grid.model.grid.resources[0]
    assert grid.select_cell(resource.kind, resource.id, None)
    with demo_db.read() as s:
        pack = s.scalars(select(MemberPack).limit(1)).one()
        pack_id, member_id = pack.id, pack.member_id
    for dialog in [
        grid.price_dialog(),
        FeeDialog(window.ctx, None),
        ReductionDialog(window.ctx, None),
        QuotaDialog(window.ctx, None),
        PackTypeDialog(window.ctx, None),
        WalletCreditDialog(window.ctx, member_id),
        SellPackDialog(window.ctx, member_id),
        PackMovementsDialog(window.ctx, pack_id),
    ]:
        qtbot.addWidget(dialog)
        dialog.show()
        leaks = sorted({t for t in visible_texts(dialog) if t in LEAKS})
        assert leaks == [], type(dialog).__name__
        assert unnamed_controls(dialog) == [], type(dialog).__name__


def test_activity_tabs_and_dialogs_are_french_and_named(demo_db, qtbot, french):
    """Every tab of the Activité page (the demo has sessions and drop-ins) and its
    dialogs: no English left, every control named."""
    from tierslieu_desktop.services.activity import dropins
    from tierslieu_desktop.services.activity import sessions as activities
    from tierslieu_desktop.ui.pages.activity.dialogs import (
        ActivitiesDialog,
        ActivityDialog,
        GroupRegistrationDialog,
        MemberRegistrationDialog,
        SessionDialog,
    )
    from tierslieu_desktop.ui.pages.activity.dropin_tab import DropInDialog

    window = _window(demo_db, qtbot, "fr")
    page = window.show_page("activity")
    session = activities.upcoming_sessions(demo_db)[0]
    page.sessions.show_session(session.id)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        leaks = sorted({t for t in visible_texts(page) if t in LEAKS})
        assert leaks == [], page.tabs.tabText(i)
        assert unnamed_controls(page) == [], page.tabs.tabText(i)
    from tierslieu_desktop.demo.builder import REFERENCE_DATE

    row = dropins.list_drop_ins(demo_db, REFERENCE_DATE.replace(day=1), REFERENCE_DATE)[0]
    activity = activities.get_activity(demo_db, session.activity_id)
    for dialog in [
        SessionDialog(window.ctx, session),
        ActivityDialog(window.ctx, activity),
        ActivitiesDialog(window.ctx),
        MemberRegistrationDialog(window.ctx, session),
        GroupRegistrationDialog(window.ctx, session),
        DropInDialog(window.ctx, row),
    ]:
        qtbot.addWidget(dialog)
        dialog.show()
        leaks = sorted({t for t in visible_texts(dialog) if t in LEAKS})
        assert leaks == [], type(dialog).__name__
        assert unnamed_controls(dialog) == [], type(dialog).__name__
