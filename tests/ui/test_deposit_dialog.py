"""Remise en banque (Caisse & factures › Remises): the treasurer opens the dialog with
Ctrl+Shift+B, unchecks a cheque by clicking its row, sees the total follow, takes cash
from the till, saves and gets the slip PDF; the deposit is listed and its slip reprinted;
a refusal is shown under its field and nothing is written; the Clôtures tab shows the
cash float. Fits 1024×768; every control named."""

from __future__ import annotations

import io
import os
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_i18n import unnamed_controls

from tests.unit.test_deposits import cheque
from tests.unit.test_ledger import issue
from tierslieu_desktop.services.billing import deposits, ledger
from tierslieu_desktop.ui.pages.checkout.common import table_texts
from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage

TODAY = date(2026, 10, 5)
AT = datetime(2026, 10, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def page(ctx, qtbot, db, monkeypatch, tmp_path):
    cheque(db, AT, 3000, "1234567")
    cheque(db, AT, 1250, "7654321", "La Banque Postale")
    issue(db, AT, 8000)  # 80 € cash
    monkeypatch.setattr(
        "tierslieu_desktop.ui.pages.checkout.deposits_tab.save_path",
        lambda _p, _t, name, _f: str(tmp_path / name),
    )
    monkeypatch.setattr("tierslieu_desktop.ui.pages.checkout.deposits_tab.confirm", lambda *a: True)
    p = CheckoutPage(ctx, lambda: TODAY)
    qtbot.addWidget(p)
    p.resize(1024, 768)
    p.show()
    p.activate()
    return p


def click_row(table, row: int, column: int = 3) -> None:
    rect = table.visualRect(table.model().index(row, column))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def pdf_text(path) -> str:
    with open(path, "rb") as f:
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(f.read())).pages)


def test_deposit_two_slips_from_the_dialog_then_reprint(page, db, qtbot, tmp_path):
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(page, Qt.Key.Key_B, shift_ctrl)
    dialogs = [w for w in page.deposits.children() if w.__class__.__name__ == "DepositDialog"]
    assert page.tabs.currentWidget() is page.deposits and len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1024 and dialog.height() <= 768
    assert unnamed_controls(dialog) == []
    assert [r[2] for r in table_texts(dialog.table)] == ["1234567", "7654321"]
    assert "2" in dialog.total.text() and "42,50" in dialog.total.text()
    assert "80,00" in dialog.on_hand_label.text()
    click_row(dialog.table, 0)  # uncheck the 30 € cheque
    assert dialog.checked_ids() == [deposits.undeposited_cheques(db)[1].payment_id]
    assert "12,50" in dialog.total.text()
    dialog.cash.setText("90")  # more than the till holds: refused under the field
    assert dialog.submit() is False
    assert dialog.form.error_label("cash_cents").isVisibleTo(dialog)
    assert deposits.list_deposits(db) == []
    dialog.cash.clear()
    QTest.keyClicks(dialog.cash, "60,00")
    dialog.reference.setText("BQ-77")
    assert dialog.submit() is True
    listed = deposits.list_deposits(db)
    assert sorted((x.number, x.amount_cents) for x in listed) == [
        ("RC-000001", 1250),
        ("RE-000001", 6000),
    ]
    path = tmp_path / "remise-RC-000001-RE-000001.pdf"
    assert dialog.saved_path == str(path)
    assert os.name != "posix" or (path.stat().st_mode & 0o777) == 0o600
    text = pdf_text(path)
    assert "Bordereau de remise de chèques n° RC-000001" in text and "7654321" in text
    assert "Versement d'espèces n° RE-000001" in text and "60,00" in text
    tab = page.deposits
    assert [r[0] for r in table_texts(tab.table)] == ["RE-000001", "RC-000001"]
    assert "30,00" in tab.waiting.text() and "20,00" in tab.waiting.text()
    assert "RC-000001" in tab.message.text()
    click_row(tab.table, 1, 0)
    reprinted = tab.reprint()
    assert reprinted.endswith("remise-RC-000001.pdf") and "7654321" in pdf_text(reprinted)
    # cancelled by a reversing deposit: the cheque waits again
    assert tab.cancel_selected() is not None
    assert len(deposits.undeposited_cheques(db)) == 2
    assert "RC-000002" in table_texts(tab.table)[0][0]


def test_an_empty_deposit_is_refused_and_the_closing_shows_the_float(page, db, operator, qtbot):
    dialog = page.open_deposit()
    qtbot.waitExposed(dialog)
    dialog.none_button.click()
    assert dialog.checked_ids() == []
    assert dialog.submit() is False and dialog.cheques_error.isVisibleTo(dialog)
    dialog.reject()
    if os.environ.get("TIERSLIEU_GRAB"):
        grab(page, qtbot)
    deposits.record_deposit(db, date(2026, 10, 2), [], 5000, "", operator)
    ledger.close_period(db, operator, "day", date(2026, 10, 2))
    page.tabs.setCurrentWidget(page.closings)
    page.closings.refresh()
    text = page.closings.cash.text()
    assert "80,00" in text and "50,00" in text and "30,00" in text


def test_the_closings_tab_reads_the_till_of_the_selected_closing_once(
    page, db, operator, monkeypatch
):
    """Issue 14: showing Clôtures reads the selected closing's till once (it summed the
    cash of the whole history twice), and choosing another closing shows that one's."""
    issue(db, datetime(2026, 10, 3, 9, 30, tzinfo=UTC), 2000)  # 20 € cash the next day
    ledger.close_period(db, operator, "day", date(2026, 10, 2))
    ledger.close_period(db, operator, "day", date(2026, 10, 3))
    read: list[date] = []
    real = deposits.cash_day
    monkeypatch.setattr(
        deposits, "cash_day", lambda db_, day, last=None: read.append(day) or real(db_, day, last)
    )
    tab = page.closings
    page.tabs.setCurrentWidget(tab)  # first shown: filled
    assert read == [date(2026, 10, 3)]  # the latest closing, selected first
    assert "100,00" in tab.cash.text()  # 80 € the day before + 20 €
    read.clear()
    tab.refresh()  # as after a change: read again, once
    assert read == [date(2026, 10, 3)]
    tab.table.selectRow(1)
    assert read == [date(2026, 10, 3), date(2026, 10, 2)]
    assert "80,00" in tab.cash.text() and "100,00" not in tab.cash.text()


def grab(page, qtbot) -> None:
    """Screenshots for a look at 1024×768 (TIERSLIEU_GRAB=folder)."""
    folder = os.environ["TIERSLIEU_GRAB"]
    dialog = page.open_deposit()
    qtbot.waitExposed(dialog)
    dialog.grab().save(f"{folder}/dialog.png")
    dialog.reject()
    page.window().grab().save(f"{folder}/tab.png")
