"""Pages with tabs read nothing when built: each tab reads the database the first time
it is shown (a page of five tabs must not pay for the four the user is not looking at)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from tierslieu_desktop.ui.background import wait_for_reads
from tierslieu_desktop.ui.pages.activity.page import ActivityPage
from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage
from tierslieu_desktop.ui.pages.finances.page import FinancesPage
from tierslieu_desktop.ui.pages.reports.page import ReportsPage
from tierslieu_desktop.ui.pages.settings.page import SettingsPage


@pytest.fixture
def statements(db):
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


@pytest.mark.parametrize(
    "page_class", [CheckoutPage, FinancesPage, ReportsPage, ActivityPage, SettingsPage]
)
def test_a_page_reads_nothing_until_shown_then_each_tab_when_chosen(
    ctx, qtbot, statements, page_class
):
    page = page_class(ctx)
    qtbot.addWidget(page)
    assert statements == [], page_class.__name__
    page.resize(1024, 768)
    page.show()
    page.activate()
    wait_for_reads()  # lists read in a worker (the desk's "to collect", the unpaid)
    for i in range(1, page.tabs.count()):
        statements.clear()
        page.tabs.setCurrentIndex(i)
        wait_for_reads()
        if type(page.tabs.widget(i)).__name__ in (
            "ExportsTab",
            "LanguageTab",
            "BackupsTab",
            "DatabaseTab",
        ):
            continue  # nothing of the database on those tabs (files, the language, settings)
        assert statements, page.tabs.tabText(i)
    for i in range(page.tabs.count()):  # shown again, nothing changed: not read again
        statements.clear()
        page.tabs.setCurrentIndex(i)
        wait_for_reads()
        assert not [s for s in statements if not s.startswith("BEGIN")] or i == 0, (
            page.tabs.tabText(i)
        )
