"""Caisse & factures stays quick with years of invoices: no tab reads the database
before it is shown, the invoice list reads one page and the next ones as the user
scrolls, cells are formatted for the rows on screen only, and the page's benchmark
runs (smoke mode, small demo)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, insert

from tierslieu_desktop.db.models import Invoice
from tierslieu_desktop.ui.background import wait_for_reads
from tierslieu_desktop.ui.pages.checkout.common import table_texts
from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage
from tierslieu_desktop.ui.qdates import to_qdate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def statements(db):
    """The SQL statements run on the database since the fixture started (a list that
    fills itself; ``clear()`` it to count from a given moment)."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


def add_invoices(db, count: int, newest: datetime) -> None:
    """``count`` unpaid invoices, one an hour back from ``newest`` (bulk, as a busy
    year of the lab's would be)."""
    rows = []
    for n in range(1, count + 1):
        at = newest - timedelta(hours=n - 1)
        rows.append(
            {
                "kind": "invoice",
                "series": "invoice",
                "period": str(at.year),
                "counter": n,
                "number": f"T{n:06d}",
                "issued_at": at,
                "due_date": at.date(),
                "buyer_json": json.dumps({"name": f"Client {n}"}),
                "seller_json": "{}",
                "vat_regime": "exempt_non_profit",
                "mentions": "",
                "total_excl_cents": 1000 + n,
                "total_vat_cents": 0,
                "total_incl_cents": 1000 + n,
            }
        )
    with db.write() as s:
        s.execute(insert(Invoice), rows)


def test_no_tab_reads_before_it_is_shown(ctx, qtbot, db, statements):
    page = CheckoutPage(ctx)
    qtbot.addWidget(page)
    assert statements == []  # building the page read nothing
    page.resize(1024, 768)
    page.show()
    page.activate()
    wait_for_reads()  # the "to collect" list is read in a worker
    assert statements  # the first tab (the desk) is read when shown…
    assert page.basket.results.count() >= 0
    # …and the others are still untouched
    for tab in (page.invoices, page.unpaid, page.monthly, page.closings):
        assert tab.model.rowCount() == 0
    assert page.invoices.count.text() == ""
    for tab in (page.invoices, page.unpaid, page.monthly, page.closings):
        statements.clear()
        page.tabs.setCurrentWidget(tab)
        wait_for_reads()  # the unpaid invoices are read in a worker
        assert statements, type(tab).__name__  # read when first shown
        statements.clear()
        page.tabs.setCurrentIndex(0)
        page.tabs.setCurrentWidget(tab)
        wait_for_reads()
        assert statements == [], type(tab).__name__  # not again while nothing changed


def test_invoice_list_reads_a_page_then_more_on_scroll(ctx, qtbot, db, statements):
    newest = datetime.now(UTC) - timedelta(minutes=5)
    add_invoices(db, 250, newest)
    page = CheckoutPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    page.activate()
    tab = page.invoices
    tab.first_day.setDate(to_qdate((newest - timedelta(days=30)).date()))
    page.tabs.setCurrentWidget(tab)
    assert tab.count.text() == "250 documents"
    assert tab.model.rowCount() == 100  # the first page only
    tab.table.repaint()
    # only the rows on screen were formatted, not the 100 × 7 cells loaded
    assert 0 < tab.model.formatted < 40 * 7
    first = table_texts(tab.table)[0]
    assert (first[0], first[2], first[3]) == ("T000001", "Client 1", "10,01\xa0€")
    assert tab.rows[0].number in tab.detail.toPlainText()  # the newest, selected
    statements.clear()
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 200)
    assert statements and all("LIMIT" in s or "BEGIN" in s for s in statements)
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 250)
    assert table_texts(tab.table)[-1][0] == "T000250"
    assert not tab.model.canFetchMore()
    # a shorter period: counted and read again from its first page
    tab.first_day.setDate(to_qdate((newest - timedelta(hours=49)).date()))
    tab.last_day.setDate(to_qdate((newest - timedelta(hours=49)).date()))
    day = (newest - timedelta(hours=49)).astimezone().date()
    expected = sum(
        1 for n in range(250) if (newest - timedelta(hours=n)).astimezone().date() == day
    )
    assert tab.count.text() == f"{expected} document" + ("s" if expected > 1 else "")
    assert tab.model.rowCount() == expected
    # a search that finds one document
    tab.first_day.setDate(to_qdate((newest - timedelta(days=30)).date()))
    tab.last_day.setDate(to_qdate(newest.date() + timedelta(days=1)))
    tab.search.setText("T000123")
    qtbot.waitUntil(lambda: tab.count.text() == "1 document")
    assert [r[0] for r in table_texts(tab.table)] == ["T000123"]


def test_the_benchmark_runs_in_smoke_mode():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "bench" / "bench_checkout_page.py"), "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke: every step ran" in done.stdout
    assert "Factures" in done.stdout and "RSS" in done.stdout


def test_the_to_collect_list_is_read_off_the_window_thread(ctx, qtbot, monkeypatch):
    """The desk's page paints and takes a name at once; the "to collect" aggregate
    arrives a moment later and fills its list."""
    from tierslieu_desktop.services.billing import baskets

    asked, release = threading.Event(), threading.Event()
    rows = [baskets.ToCollect(7, "MARTIN Camille", 3, 4500, date(2026, 11, 20))]

    def slow_to_collect(db, limit=200):
        assert threading.current_thread() is not threading.main_thread()
        asked.set()
        assert release.wait(10)
        return rows

    monkeypatch.setattr(baskets, "to_collect", slow_to_collect)
    page = CheckoutPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    page.activate()  # returns while the aggregate is still being computed
    assert asked.wait(10)
    assert page.basket.collect_list.count() == 0
    qtbot.keyClicks(page.basket.search, "Mar")  # the desk types meanwhile
    assert page.basket.search.text() == "Mar"
    with qtbot.waitSignal(page.basket.collect_loaded, timeout=10_000):
        release.set()
    assert page.basket.collect_list.count() == 1
    text = page.basket.collect_list.item(0).text()
    assert text.startswith("MARTIN Camille — 3") and "45,00" in text


def test_the_unpaid_list_is_read_off_the_window_thread(ctx, qtbot, monkeypatch):
    """Impayés paints at once (every invoice's balance is the page's slowest read); its
    rows and totals arrive when computed, and the reminder waits for them."""
    from tierslieu_desktop.services.billing import payments

    asked, release = threading.Event(), threading.Event()
    real = payments.unpaid

    def slow_unpaid(db, today):
        assert threading.current_thread() is not threading.main_thread()
        asked.set()
        assert release.wait(10)
        return real(db, today)

    monkeypatch.setattr(payments, "unpaid", slow_unpaid)
    page = CheckoutPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    page.activate()
    page.tabs.setCurrentWidget(page.unpaid)  # returns while the balances are computed
    assert asked.wait(10)
    assert page.unpaid.total.text()  # says the list is being read
    assert not page.unpaid.reminder_button.isEnabled()
    with qtbot.waitSignal(page.unpaid.loaded, timeout=10_000):
        release.set()
    assert page.unpaid.total.text() == "0 facture impayée, 0,00\xa0€ à encaisser"
