"""Issue 15, points 6, 7 and 10: invoice lines tell what was sold (hours, units, a unit
price that multiplies out), the legal VAT basis of each line, receipts' operation
category, reminders of due invoices only, a buyer VAT number matching its SIREN."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import invoice_doc_samples as samples
import pytest
import test_invoice_pdf
import test_invoicing
from lxml import etree
from test_invoice_pdf import flat
from test_invoicing import AT, DAY, add, set_regime

from tierslieu_desktop.db.models import Membership, PriceRule, Usage, UsageCharge
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.documents import UnpaidRow
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.domain.lines import (
    LUCRATIVE_THRESHOLDS,
    MENTION_261_LUCRATIVE,
    MENTION_261_MEMBERS,
    lucrative_threshold,
    measured_line,
    time_quantity,
    unit_code,
    unit_price,
    vat_basis,
)
from tierslieu_desktop.reports import invoice_pdf
from tierslieu_desktop.reports.facturx import RAM
from tierslieu_desktop.services.billing import baskets, documents, vat_threshold
from tierslieu_desktop.services.billing.payments import reminder_rows
from tierslieu_desktop.services.people.members import MemberInput, validate_member

NS = {"ram": RAM}
# fixtures shared with the invoicing and invoice PDF tests
ids = test_invoicing.ids
schematron = test_invoice_pdf.schematron


def machine_use(db, ids, member, minutes, *, hourly=1200, step=15):
    """A checked-out use of the space priced by an hourly rule billed per started step."""
    (rule,) = add(
        db,
        PriceRule(
            space_id=ids["space"],
            unit="hour",
            step_minutes=step,
            amount_cents=hourly,
            valid_from=date(2026, 1, 1),
        ),
    )
    start = local_dt(DAY, 10 * 60)
    (uid,) = add(
        db,
        Usage(
            space_id=ids["space"],
            member_id=member,
            start_at=start,
            end_at=start + timedelta(minutes=minutes),
            minutes=minutes,
        ),
    )
    billed = -(-minutes // step) * step
    cents = round(hourly * billed / 60)
    add(
        db,
        UsageCharge(
            usage_id=uid,
            kind="time",
            label="Découpe laser",
            quantity_text=f"{billed} min",
            list_cents=cents,
            reduction_cents=0,
            charged_cents=cents,
            reasons="au quart d'heure entamé",
            rule_id=rule,
        ),
    )
    return uid


def issue(db, operator, member, usage_id=None):
    basket = baskets.open_basket(db, operator, member)
    if member is None and usage_id is not None:
        baskets.add_usage_lines(db, operator, basket, [usage_id])
    return documents.get_invoice(
        db, documents.validate_basket(db, operator, basket, [], issued_at=AT)
    )


# --------------------------------------------------------------------------- 6. quantities


def test_machine_time_is_billed_in_hours_at_the_hourly_price_in_pdf_and_xml(
    db, operator, ids, schematron
):
    set_regime(db, "franchise")
    machine_use(db, ids, ids["emilie"], 131)  # 2 h 11 billed per started quarter: 2 h 15
    doc = issue(db, operator, ids["emilie"])
    (line,) = doc.lines
    assert (line.quantity_milli, line.unit, line.total_excl_cents) == (2250, "h", 2700)
    assert "au quart d'heure entamé" in line.detail
    text = flat(invoice_pdf.render_invoice(doc))
    assert "2,25 h 12,00 € 27,00 €" in text
    item = etree.fromstring(invoice_pdf.facturx_xml(doc)).find(
        ".//ram:IncludedSupplyChainTradeLineItem", NS
    )
    quantity = item.find(".//ram:BilledQuantity", NS)
    assert (quantity.text, quantity.get("unitCode")) == ("2.250", "HUR")
    assert item.findtext(".//ram:NetPriceProductTradePrice/ram:ChargeAmount", namespaces=NS) == (
        "12.00"
    )
    assert item.findtext(".//ram:LineTotalAmount", namespaces=NS) == "27.00"
    assert schematron(invoice_pdf.facturx_xml(doc)) == []


def test_time_quantity_is_exact_in_hours_or_else_in_minutes():
    assert time_quantity(135) == (2250, "h")
    assert time_quantity(90) == (1500, "h")
    assert time_quantity(65) == (65000, "min")  # 1,0833… h cannot be written exactly


def test_liable_line_unit_price_times_quantity_gives_the_line_total():
    # 3 × 10,00 € TTC at 20 %: 25,00 € HT; a cent-rounded 8,33 would give 24,99
    line = samples.line(1, "Badge", 3000, "pièce", 1000, 2000)
    assert line.total_excl_cents == 2500
    doc = samples.doc(
        kind="invoice",
        regime="liable",
        buyer=samples.person_buyer(),
        lines=[line],
        mentions=[],
        payments=[],
    )
    item = etree.fromstring(invoice_pdf.facturx_xml(doc)).find(
        ".//ram:IncludedSupplyChainTradeLineItem", NS
    )
    price = Decimal(item.findtext(".//ram:ChargeAmount", namespaces=NS))
    qty = Decimal(item.findtext(".//ram:BilledQuantity", namespaces=NS))
    assert (qty * price).quantize(Decimal("0.01")) == Decimal("25.00")
    assert "3 pièce 8,333 € 20 % 25,00 €" in flat(invoice_pdf.render_invoice(doc))


def test_unit_price_always_multiplies_back_to_the_amount():
    rng = random.Random(15)
    for _ in range(2000):
        quantity = rng.choice([250, 1000, 1500, 2250, 3000, 3333, 12000, 125000, 500000])
        amount = rng.randint(1, 500_000)
        price = unit_price(amount, quantity)
        cents = (Decimal(quantity) * price / 10).quantize(Decimal(1), rounding="ROUND_HALF_UP")
        assert cents == amount, (amount, quantity, price)


# --------------------------------------------------------------------------- 7. VAT basis


def test_a_walk_in_sale_does_not_carry_the_members_exemption(db, operator, ids, schematron):
    uid = machine_use(db, ids, None, 60)
    doc = issue(db, operator, None, uid)
    assert [ln.vat_mention for ln in doc.lines] == [MENTION_261_LUCRATIVE]
    text = flat(invoice_pdf.render_invoice(doc))
    assert "261-7-1°-a" not in text and "261-7-1°-b" in text
    assert "TVA 0" not in text
    assert schematron(invoice_pdf.facturx_xml(doc)) == []


def test_a_member_gets_the_members_exemption(db, operator, ids):
    add(
        db,
        Membership(
            member_id=ids["emilie"],
            audience_id=ids["everyone"],
            start_date=date(2026, 1, 1),
            end_date=date(2026, 12, 31),
        ),
    )
    machine_use(db, ids, ids["emilie"], 60)
    doc = issue(db, operator, ids["emilie"])
    assert [ln.vat_mention for ln in doc.lines] == [MENTION_261_MEMBERS]
    xml = etree.fromstring(invoice_pdf.facturx_xml(doc))
    (tax,) = xml.findall(".//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", NS)
    assert tax.findtext("ram:CategoryCode", namespaces=NS) == "E"
    assert tax.findtext("ram:ExemptionReasonCode", namespaces=NS) == "VATEX-FR-CGI261-7"


@pytest.mark.parametrize("regime", ["liable", "franchise", "exempt_non_profit"])
def test_a_wallet_top_up_is_outside_the_scope_of_vat(db, operator, ids, regime, schematron):
    assert vat_basis(regime, "wallet_topup", 2000, buyer_is_member=True).category == "O"
    set_regime(db, regime)
    basket = baskets.open_basket(db, operator, ids["emilie"])
    baskets.add_wallet_topup_line(db, operator, basket, 5000)
    doc = documents.get_invoice(db, documents.validate_basket(db, operator, basket, []))
    xml = etree.fromstring(invoice_pdf.facturx_xml(doc))
    (line_tax,) = xml.findall(".//ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax", NS)
    assert line_tax.findtext("ram:CategoryCode", namespaces=NS) == "O"
    assert line_tax.find("ram:RateApplicablePercent", NS) is None  # BR-O-05
    (tax,) = xml.findall(".//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", NS)
    assert tax.findtext("ram:ExemptionReasonCode", namespaces=NS) == "VATEX-EU-O"
    assert "TVA 0" not in flat(invoice_pdf.render_invoice(doc))
    assert schematron(invoice_pdf.facturx_xml(doc)) == []


def test_the_lucrative_threshold_is_tracked_per_year(db, operator, ids):
    uid = machine_use(db, ids, None, 60)
    issue(db, operator, None, uid)
    year = vat_threshold.lucrative_receipts(db, 2026)
    assert year.receipts_cents == 1200 and not year.near and not year.exceeded
    assert year.threshold_year == 2025 and year.threshold_cents == 8_001_100
    assert vat_threshold.lucrative_receipts(db, 2025).receipts_cents == 0
    assert lucrative_threshold(2025, 8_001_101).exceeded
    assert lucrative_threshold(2025, 7_300_000).near


# --------------------------------------------------------------------------- 10.


def test_receipt_carries_the_operation_category():
    text = flat(invoice_pdf.render_receipt(samples.franchise_person(paid=True)))
    assert "Catégorie d'opération : Mixte" in text


def _unpaid(invoice_id, member_id, due):
    issued = AT - timedelta(days=40)
    return UnpaidRow(invoice_id, f"F{invoice_id}", member_id, "X", issued, due, 100, 100, 40, 0)


def test_reminders_list_only_invoices_already_due():
    today = date(2026, 12, 1)
    rows = [
        _unpaid(1, 7, today - timedelta(days=1)),  # due yesterday
        _unpaid(2, 7, today),  # due today: not late yet
        _unpaid(3, 7, today + timedelta(days=20)),
        _unpaid(4, 8, today - timedelta(days=30)),  # another buyer
    ]
    assert [r.invoice_id for r in reminder_rows(rows, 3, today)] == [1]
    assert reminder_rows(rows[1:3], 2, today) == []


def test_a_vat_number_not_matching_the_siren_is_refused():
    base = MemberInput(kind="organisation", last_name="Lacombe SARL", siret="73282932000074")
    assert validate_member(base.__class__(**{**vars(base), "vat_number": "FR44732829320"}))
    for wrong in ("FR45732829320", "FR40303265045"):  # wrong key; another SIREN's number
        with pytest.raises(ValidationError) as err:
            validate_member(base.__class__(**{**vars(base), "vat_number": wrong}))
        assert "vat_number" in err.value.fields
    with pytest.raises(ValidationError) as err:
        validate_member(base.__class__(**{**vars(base), "vat_number": "FR40303265045"}))
    assert err.value.fields["vat_number"] == "vat_number_siren_mismatch"


def test_a_top_up_sold_with_a_use_still_passes_en16931(db, operator, ids, schematron):
    """EN 16931 forbids mixing category O with others (BR-O-11): the interim rule sends
    the top-up as exempt with the out-of-scope reason (docs/vat-basis.md)."""
    machine_use(db, ids, ids["emilie"], 60)
    basket = baskets.open_basket(db, operator, ids["emilie"])
    baskets.add_wallet_topup_line(db, operator, basket, 5000)
    doc = documents.get_invoice(db, documents.validate_basket(db, operator, basket, []))
    xml = invoice_pdf.facturx_xml(doc)
    assert schematron(xml) == []
    taxes = etree.fromstring(xml).findall(
        ".//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", NS
    )
    (tax,) = taxes
    assert "hors champ de la TVA" in tax.findtext("ram:ExemptionReason", namespaces=NS)


def test_the_finances_page_warning_comes_near_the_limit(db, operator, ids, monkeypatch):
    uid = machine_use(db, ids, None, 60)
    issue(db, operator, None, uid)  # 12,00 € sold to a walk-in in 2026
    monkeypatch.setitem(LUCRATIVE_THRESHOLDS, 2026, 1300)
    assert vat_threshold.lucrative_warning(db, 2026).near  # 12,00 € ≥ 90 % of 13,00 €
    monkeypatch.setitem(LUCRATIVE_THRESHOLDS, 2026, 2000)
    assert vat_threshold.lucrative_warning(db, 2026) is None
    monkeypatch.setitem(LUCRATIVE_THRESHOLDS, 2026, 1000)
    set_regime(db, "franchise")  # only an association exempt under 261-7-1° is concerned
    assert vat_threshold.lucrative_warning(db, 2026) is None


def test_consumables_are_billed_in_their_unit_at_their_unit_price():
    # 125 g of filament at 0,05 €/g: 125 g × 0,05 € = 6,25 €, sent as GRM
    assert measured_line(
        "consumable", 5, None, minutes=0, headcount=1, consumable=(125_000, "gram"), list_cents=625
    ) == (125_000, "g", 5)
    assert unit_code("g") == "GRM" and unit_code("m²") == "MTK" and unit_code("plaque") == "C62"
    # a rule changed since the check-out: the frozen price wins, the line stays 1 × price
    assert (
        measured_line(
            "consumable",
            6,
            None,
            minutes=0,
            headcount=1,
            consumable=(125_000, "gram"),
            list_cents=625,
        )
        is None
    )
    # per-minute rule at 13 €/h: not a whole number of cents per minute either
    assert (
        measured_line("hour", 1300, None, minutes=65, headcount=1, consumable=None, list_cents=1408)
        is None
    )
    assert measured_line(
        "hour", 1200, None, minutes=65, headcount=1, consumable=None, list_cents=1300
    ) == (65_000, "min", 20)
