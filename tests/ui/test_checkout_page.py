"""Caisse & factures: a sale paid half cash half card, a credit note on it, the unpaid
list with a mandate invoice and its age, the monthly batch stopped half way, and every
control of each tab and dialog named for screen readers."""

from __future__ import annotations

import os
import stat
import threading
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from test_i18n import LEAKS, unnamed_controls, visible_texts

from tierslieu_desktop.db.models import Member, Space, Usage, UsageCharge, utcnow
from tierslieu_desktop.domain.enums import MemberKind, OrganisationType, VatRegime
from tierslieu_desktop.services.billing import baskets, documents, monthly, payments
from tierslieu_desktop.services.common import stamp
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.people.members import MemberInput
from tierslieu_desktop.services.people.structure import StructureData, save_structure
from tierslieu_desktop.ui.pages.checkout.common import table_texts
from tierslieu_desktop.ui.pages.checkout.page import CheckoutPage


@pytest.fixture
def shop(db, operator):
    """A seller, a person and a town hall (paying on administrative mandate)."""
    save_structure(
        db,
        operator,
        StructureData(
            name="Le Fablab du Lot",
            legal_form="Association loi 1901",
            siret="",
            vat_regime=VatRegime.EXEMPT_NON_PROFIT,
            address="2 place de la Halle",
            postcode="46100",
            city="Figeac",
            payment_terms_days=30,
        ),
    )
    camille = member_service.save_member(
        db, operator, MemberInput(first_name="Camille", last_name="Martin", city="Figeac")
    )
    mairie = member_service.save_member(
        db,
        operator,
        MemberInput(
            kind=MemberKind.ORGANISATION,
            last_name="Mairie de Capdenac",
            organisation_type=OrganisationType.PUBLIC_BODY,
        ),
    )
    return {"camille": camille, "mairie": mairie}


@pytest.fixture
def page(ctx, qtbot, shop, monkeypatch):
    monkeypatch.setattr("tierslieu_desktop.ui.pages.checkout.basket_tab.confirm", lambda *a: True)
    monkeypatch.setattr("tierslieu_desktop.ui.pages.checkout.other_tabs.confirm", lambda *a: True)
    p = CheckoutPage(ctx)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    p.activate()
    return p


def sell_half_cash_half_card(page) -> int:
    """Camille buys 2 h of laser cutting at 15 €: 15 € cash (20 € tendered), 15 € card."""
    tab = page.basket
    tab.search.setText("Martin")
    tab.open_selected()  # typed, nobody chosen: no basket opened for a first match
    assert tab.who.text() != "MARTIN Camille"
    QTest.keyClick(tab.search, Qt.Key.Key_Down)  # the desk picks the first match
    tab.open_selected()
    assert tab.who.text() == "MARTIN Camille"
    tab.add_free()
    d = tab.dialog
    d.designation.setText("Découpe laser")
    d.quantity.setText("2")
    d.unit.setText("h")
    d.price.setText("15")
    assert d.submit()
    assert table_texts(tab.table)[0][0] == "Découpe laser"
    assert "30,00" in tab.total.text()

    pay = tab.take_payment()
    assert pay.isVisible()
    cash = pay.lines[0]
    assert cash.method_code() == "cash"
    cash.amount.setText("15")
    cash.tendered.setText("20")
    assert "5,00" in cash.change.text()  # change shown as the user types
    assert "15,00" in pay.remaining.text()
    card = pay.add_line()
    assert card.method_code() == "card"
    assert card.amount.text() == "15,00"  # the rest, proposed
    card.card_reference.setText("TPE-4411")
    assert pay.remaining.text() == "Entièrement payé"
    assert pay.submit()
    assert tab.issued_dialog is not None and tab.issued_dialog.isVisible()
    assert "5,00" in tab.issued_dialog.findChildren(type(tab.who))[1].text()
    return pay.result_id


def test_sale_paid_half_cash_half_card(page, db):
    invoice_id = sell_half_cash_half_card(page)
    doc = documents.get_invoice(db, invoice_id)
    assert doc.kind == "invoice" and doc.total_incl_cents == 3000
    assert sorted((p.method, p.amount_cents) for p in doc.payments) == [
        ("card", 1500),
        ("cash", 1500),
    ]
    cash = next(p for p in doc.payments if p.method == "cash")
    assert (cash.tendered_cents, cash.change_cents) == (2000, 500)
    assert doc.balance_cents == 0
    # the basket is gone from the desk, the invoice is in the list, paid
    assert page.basket.basket is None
    page.tabs.setCurrentWidget(page.invoices)
    rows = table_texts(page.invoices.table)
    assert rows[0][0] == doc.number
    assert rows[0][5] == "0,00\xa0€"
    assert doc.number in page.invoices.detail.toPlainText()
    assert "Carte bancaire" in page.invoices.detail.toPlainText()


def test_credit_note_on_the_sale(page, db):
    invoice_id = sell_half_cash_half_card(page)
    tab = page.invoices
    tab.refresh()
    assert tab.select_invoice(invoice_id)
    d = tab.make_credit_note()
    assert d.isVisible()
    assert not d.submit()  # a reason is required
    assert d.form.error_label("reason").isVisible()
    d.reason.setText("Erreur de saisie")
    d.chosen.setChecked(True)
    line_id = d.doc.lines[0].id
    d.quantities[line_id].setText("1")
    d.refund.setCurrentIndex(d.refund.findData("cash"))
    assert d.refund_amount.text() == "15,00"  # what was paid for that hour
    assert d.submit(), d.message.text()
    credit = documents.get_invoice(db, d.saved_id)
    assert credit.kind == "credit_note"
    assert credit.credited_invoice_number == documents.get_invoice(db, invoice_id).number
    rows = table_texts(tab.table)
    assert [r[0] for r in rows].count(credit.number) == 1
    assert tab.select_invoice(credit.id)
    assert documents.get_invoice(db, invoice_id).number in tab.detail.toPlainText()
    tab.kind.setCurrentIndex(tab.kind.findData("credit_note"))
    assert [r[0] for r in table_texts(tab.table)] == [credit.number]


def test_unpaid_shows_a_mandate_invoice_with_its_age(
    page, db, operator, shop, tmp_path, monkeypatch, qtbot
):
    basket = baskets.open_basket(db, operator, shop["mairie"])
    baskets.add_free_line(
        db,
        operator,
        basket,
        designation="Atelier numérique, 12 élèves",
        quantity_milli=1000,
        unit="",
        unit_price_cents=24000,
    )
    issued = utcnow() - timedelta(days=40)
    invoice_id = documents.validate_basket(
        db,
        operator,
        basket,
        [payments.PaymentInput(method="mandate", amount_cents=24000)],
        issued_at=issued,
    )
    number = documents.get_invoice(db, invoice_id).number
    page.ctx.notify("invoice", [invoice_id])  # what the page that issued it does
    with qtbot.waitSignal(page.unpaid.loaded):  # read off the window's thread
        page.tabs.setCurrentWidget(page.unpaid)
    rows = table_texts(page.unpaid.table)
    assert len(rows) == 1
    row = rows[0]
    assert row[0] == number and row[1] == "Mairie de Capdenac"
    assert row[4] == "40"  # age in days
    assert row[5] == "10"  # 30 days of payment terms: 10 days overdue
    assert row[7] == "240,00\xa0€"
    assert "240,00" in page.unpaid.total.text()
    # "Relance PDF…" writes a reminder for that buyer where the user chose
    target = tmp_path / "relance.pdf"
    target.write_bytes(b"an older reminder")
    target.chmod(0o644)
    monkeypatch.setattr(
        "tierslieu_desktop.ui.pages.checkout.other_tabs.save_path", lambda *a: str(target)
    )
    assert page.unpaid.save_reminder() == str(target)
    assert os.name != "posix" or stat.S_IMODE(target.stat().st_mode) == 0o600  # replaced: private
    text = "".join(page_.extract_text() for page_ in PdfReader(str(target)).pages)
    assert number in text
    # "Imprimer la relance…": the same letter, every page, on the printer (a PDF file here)
    from PySide6.QtPrintSupport import QPrinter

    from tierslieu_desktop.ui import printing

    out = tmp_path / "printed.pdf"

    def preview(printer, paint, _parent, _title):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return paint(printer) > 0

    monkeypatch.setattr(printing, "preview", preview)
    assert page.unpaid.print_reminder_button.isEnabled()
    page.unpaid.print_reminder_button.click()
    assert len(PdfReader(out).pages) == len(PdfReader(str(target)).pages)


def test_mandate_payment_from_the_basket_leaves_the_invoice_unpaid(page, db, qtbot):
    tab = page.basket
    tab.search.setText("Capdenac")
    QTest.keyClick(tab.search, Qt.Key.Key_Down)
    tab.open_selected()
    tab.add_free()
    tab.dialog.designation.setText("Prêt de la salle")
    tab.dialog.price.setText("80")
    assert tab.dialog.submit()
    pay = tab.take_payment()
    pay.lines[0].set_method("mandate")
    assert "mandat" in pay.remaining.text()
    assert pay.submit(), pay.message.text()
    with qtbot.waitSignal(page.unpaid.loaded):  # read off the window's thread
        page.tabs.setCurrentWidget(page.unpaid)
    assert table_texts(page.unpaid.table)[0][7] == "80,00\xa0€"


def add_usage(db, operator, member_id: int, at: datetime, cents: int) -> None:
    with db.write() as s:
        space = s.scalar(select(Space).limit(1))
        if space is None:
            space = Space(name="Coworking")
            stamp(space, operator, created=True)
            s.add(space)
            s.flush()
        u = Usage(
            member_id=member_id,
            space_id=space.id,
            start_at=at,
            end_at=at + timedelta(hours=1),
            minutes=60,
        )
        stamp(u, operator, created=True)
        s.add(u)
        s.flush()
        s.add(
            UsageCharge(
                usage_id=u.id,
                kind="time",
                label="Imprimante 3D, 1 h",
                list_cents=cents,
                reduction_cents=0,
                charged_cents=cents,
            )
        )


def test_monthly_batch_can_be_stopped(page, db, operator, monkeypatch, qtbot, finished):
    today = page.today_fn()
    first = today.replace(day=1)
    last_month = (first - timedelta(days=1)).replace(day=1)
    ids = []
    for name in ("Alpha", "Bravo", "Charlie"):
        mid = member_service.save_member(
            db, operator, MemberInput(first_name="Coop", last_name=name)
        )
        with db.write() as s:
            s.get(Member, mid).monthly_invoicing = True
        add_usage(
            db, operator, mid, datetime(last_month.year, last_month.month, 10, 9, tzinfo=UTC), 800
        )
        ids.append(mid)
    tab = page.monthly
    tab.refresh()
    assert tab.chosen_month() == last_month
    assert [r[0] for r in table_texts(tab.table)] == [
        "ALPHA Coop",
        "BRAVO Coop",
        "CHARLIE Coop",
    ]
    # The batch runs in a worker: it waits after the first invoice until the user has
    # pressed "Arrêter" on the progress dialog; meanwhile the window's event loop runs.
    real = monthly.invoice_month
    first_issued, pressed = threading.Event(), threading.Event()

    def stop_after_first(db_, actor, month, *, progress=None, desk=""):
        assert threading.current_thread() is not threading.main_thread()

        def wrapped(done, total):
            if done == 1:
                first_issued.set()
                assert pressed.wait(10)
            return progress(done, total)

        return real(db_, actor, month, progress=wrapped, desk=desk)

    monkeypatch.setattr(monthly, "invoice_month", stop_after_first)
    job = tab.run()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: first_issued.is_set() and tab.progress.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: len(ticks) >= 3)  # the window keeps running its events
    timer.stop()
    assert not tab.run_button.isEnabled()
    assert tab.run() is job  # one batch at a time
    assert unnamed_controls(tab.progress) == []
    assert job.cancel_button.text() == "Arrêter"
    job.cancel_button.click()
    pressed.set()
    result = finished(job)
    assert result.cancelled and len(result.invoice_ids) == 1
    assert "Arrêtée avant la fin" in tab.result.text()
    assert [r[0] for r in table_texts(tab.table)] == ["BRAVO Coop", "CHARLIE Coop"]
    monkeypatch.setattr(monthly, "invoice_month", real)
    result = finished(tab.run())
    assert not result.cancelled and len(result.invoice_ids) == 2
    assert table_texts(tab.table) == []
    assert not tab.run_button.isEnabled()


def test_every_control_is_named_and_french(page, qtbot, db, operator, shop):
    invoice_id = sell_half_cash_half_card(page)
    issued = page.basket.issued_dialog
    assert unnamed_controls(issued) == []
    issued.accept()
    tab = page.basket
    tab.open_for(shop["camille"])
    dialogs = []
    for action in (tab.add_membership, tab.add_pack, tab.add_wallet):
        action()
        dialogs.append(tab.dialog)
    tab.add_free()
    assert unnamed_controls(tab.dialog) == []
    tab.dialog.designation.setText("Badge")
    tab.dialog.price.setText("3")
    assert tab.dialog.submit()
    tab.edit_line()
    dialogs.append(tab.dialog)
    pay = tab.take_payment()
    for method in ("cheque", "card", "transfer", "pass_numerique", "wallet", "mandate"):
        pay.add_line(method)
    dialogs.append(pay)
    page.invoices.refresh()
    page.invoices.select_invoice(invoice_id)
    dialogs.append(page.invoices.make_credit_note())
    dialogs.append(page.invoices.add_payment())
    for d in dialogs:
        assert d.isVisible(), type(d).__name__
        assert unnamed_controls(d) == [], type(d).__name__
        assert {t for t in visible_texts(d) if t in LEAKS} == set(), type(d).__name__
        d.reject()
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        assert unnamed_controls(page) == [], page.tabs.tabText(i)
        assert {t for t in visible_texts(page) if t in LEAKS} == set(), page.tabs.tabText(i)


def test_f9_opens_the_payment(page, qtbot, shop):
    tab = page.basket
    tab.open_for(shop["camille"])
    tab.add_free()
    tab.dialog.designation.setText("Badge")
    tab.dialog.price.setText("3")
    assert tab.dialog.submit()
    tab.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
    assert tab.payment_dialog is not None and tab.payment_dialog.isVisible()
    pay = tab.payment_dialog
    assert pay.due_cents == 300
    pay.lines[0].set_method("card")
    pay.lines[0].amount.setText("4")
    assert "1,00" in pay.remaining.text()  # "Trop perçu : 1,00 €"
    assert not pay.submit()  # a card cannot pay more than is due
    assert pay.message.isVisible() and pay.isVisible()
    pay.lines[0].amount.setText("3")
    assert pay.submit()


def test_lines_are_changed_and_removed_from_the_keyboard(page, qtbot, shop, db):
    tab = page.basket
    tab.open_for(shop["camille"])
    tab.add_free()
    tab.dialog.designation.setText("Plaque de contreplaqué")
    tab.dialog.quantity.setText("3")
    tab.dialog.price.setText("4,50")
    assert tab.dialog.submit()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    edit = tab.dialog
    assert type(edit).__name__ == "EditLineDialog" and edit.isVisible()
    edit.discount.setText("20")  # more than the line
    assert not edit.submit()
    assert edit.form.error_label("discount").isVisible()
    edit.discount.setText("1,50")
    assert edit.submit()
    assert table_texts(tab.table)[0][3:] == ["1,50\xa0€", "12,00\xa0€"]
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert table_texts(tab.table) == []


def test_close_a_day_then_export_its_archive(page, db, tmp_path, monkeypatch):
    invoice_id = sell_half_cash_half_card(page)
    page.basket.issued_dialog.accept()
    tab = page.closings
    page.tabs.setCurrentWidget(tab)
    today = page.today_fn()
    tab.kind.setCurrentIndex(tab.kind.findData("day"))
    closing_id = tab.close_period()
    assert closing_id is not None
    rows = table_texts(tab.table)
    assert rows[0][0] == "Jour" and rows[0][4] == "30,00\xa0€"
    assert tab.period_start() == today
    # closed twice: refused with a French sentence, nothing added
    warnings = []
    monkeypatch.setattr(
        "tierslieu_desktop.ui.pages.checkout.other_tabs.show_error",
        lambda _parent, err: warnings.append(err.code),
    )
    assert tab.close_period() is None
    assert warnings and len(table_texts(tab.table)) == 1
    target = tmp_path / "cloture.zip"
    monkeypatch.setattr(
        "tierslieu_desktop.ui.pages.checkout.other_tabs.save_path", lambda *a: str(target)
    )
    assert tab.export_archive() == str(target)
    assert target.stat().st_size > 0
    assert os.name != "posix" or stat.S_IMODE(target.stat().st_mode) == 0o600  # names: private
    number = documents.get_invoice(db, invoice_id).number
    assert f"pdf/{number}.pdf" in zipfile.ZipFile(target).namelist()
    # the closing note: its fingerprint (the closing's chain footprint) printed on it
    import subprocess

    from tierslieu_desktop.reports.closing_pdf import fingerprint_lines
    from tierslieu_desktop.services.billing.ledger import _ENTRY

    note = tmp_path / "cloture.pdf"
    monkeypatch.setattr(
        "tierslieu_desktop.ui.pages.checkout.other_tabs.save_path", lambda *a: str(note)
    )
    assert tab.note_button.isEnabled() and tab.note_button.accessibleName()
    assert tab.save_closing_note() == str(note)
    with db.read() as s:
        footprint = (
            s.execute(
                _ENTRY.select().where(
                    _ENTRY.c.record_kind == "closing", _ENTRY.c.record_id == closing_id
                )
            )
            .mappings()
            .one()["footprint"]
        )
    text = subprocess.run(
        ["pdftotext", "-layout", str(note), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert all(line in text for line in fingerprint_lines(footprint))
