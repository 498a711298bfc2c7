"""Rapports › Exports › e-reporting: the flux 10 XML of the chosen period, or why not."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lxml import etree

from tierslieu_desktop.db.models import Member, Structure
from tierslieu_desktop.services.billing import baskets, documents
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.pages.reports.exports_tab import ExportsTab
from tierslieu_desktop.ui.qdates import to_qdate


def _lab(db, operator, regime):
    with db.write() as s:
        s.add(
            Structure(
                id=1,
                name="Fab'Causse",
                siret="73282932000074",
                vat_regime=regime,
                vat_number="FR18732829320" if regime == "liable" else "",
                default_vat_rate_bp=2000,
            )
        )
        person = Member(number="A1", first_name="Émilie", last_name="Delpech", sort_name="d")
        s.add(person)
        s.flush()
        member = person.id
    basket = baskets.open_basket(db, operator, member)
    baskets.add_free_line(
        db,
        operator,
        basket,
        designation="Laser",
        quantity_milli=1000,
        unit="h",
        unit_price_cents=6000,
    )
    documents.validate_basket(
        db,
        operator,
        basket,
        [PaymentInput("card", 6000)],
        issued_at=datetime(2026, 10, 20, 9, 0, tzinfo=UTC),
    )


def _tab(qtbot, ctx):
    tab = ExportsTab(ctx)
    qtbot.addWidget(tab)
    tab.ereport_first.setDate(to_qdate(date(2026, 10, 1)))
    tab.ereport_last.setDate(to_qdate(date(2026, 10, 31)))
    return tab


def test_writes_the_transactions_of_the_period(qtbot, ctx, db, operator, tmp_path, monkeypatch):
    _lab(db, operator, "liable")
    tab = _tab(qtbot, ctx)
    tab.platform_number.setText("0042")
    tab.platform_name.setText("PA Exemple")
    target = tmp_path / "octobre"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    tab.ereport_button.click()
    xml = etree.parse(str(tmp_path / "octobre.xml"))
    assert xml.findtext("TransactionsReport/Transactions/TaxExclusiveAmount") == "50.00"
    assert xml.findtext("ReportDocument/Sender/Id") == "0042"
    assert "50,00" in tab.status.text() and "10,00" in tab.status.text()


def test_an_exempt_structure_writes_nothing_and_says_why(qtbot, ctx, db, operator, tmp_path):
    _lab(db, operator, "exempt_non_profit")
    tab = _tab(qtbot, ctx)
    assert tab.export_ereporting(str(tmp_path / "x.xml")).empty
    assert not (tmp_path / "x.xml").exists()
    assert "261-7-1°" in tab.status.text()
    tab.platform_number.setText("42")  # a platform number needs its 4 characters and a name
    assert tab.export_ereporting(str(tmp_path / "x.xml")) is None
