"""Factur-X (docs/legal-fr.md §3): the CII XML (EN 16931 or BASIC) and the PDF/A-3 wrapping.

``facturx_xml`` builds the Cross Industry Invoice XML from an ``InvoiceDoc``;
``make_facturx`` turns the ReportLab PDF into PDF/A-3 (every font is already embedded
by ReportLab as a TTF subset; pikepdf adds an sRGB OutputIntent with the ICC profile
pikepdf ships) and lets the ``factur-x`` package check the XML against the official
XSD, embed it as ``factur-x.xml`` and write the PDF/A XMP metadata.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

from lxml import etree

from tierslieu_desktop.domain.documents import InvoiceDoc
from tierslieu_desktop.domain.invoicing import is_public_buyer
from tierslieu_desktop.domain.lines import (
    discount_excl,
    document_bases,
    line_unit_price,
    price_text,
    unit_code,
)
from tierslieu_desktop.reports import pdf_base as base
from tierslieu_desktop.reports.sealed import printable_doc

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
NSMAP = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}
GUIDELINES = {
    "en16931": "urn:cen.eu:en16931:2017",
    "basic": "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
}


def _amount(cents: int) -> str:
    """Cents as a CII amount: 12345 → "123.45" (credit notes carry positive amounts)."""
    return f"{Decimal(cents) / 100:.2f}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> Any:
    prefix, name = tag.split(":")
    el = etree.SubElement(parent, f"{{{NSMAP[prefix]}}}{name}", attrs)
    if text is not None:
        el.text = text
    return el


def _date(parent: etree._Element, tag: str, value: date, ns: str = "udt") -> None:
    holder = _sub(parent, tag)
    _sub(holder, f"{ns}:DateTimeString", value.strftime("%Y%m%d"), format="102")


def _party(
    parent: etree._Element,
    tag: str,
    party: dict,
    *,
    with_vat: bool,
    fiscal_id: bool = False,
    endpoint: tuple[str, str] | None = None,
    siret_id: bool = False,
) -> None:
    """A trade party; ``endpoint`` its electronic address (BT-34 / BT-49) as (scheme, id);
    ``siret_id``: its SIRET as global identifier, scheme 0009 (public buyers, Chorus Pro)."""
    el = _sub(parent, tag)
    siret = (party.get("siret") or "").replace(" ", "")
    if siret_id and len(siret) == 14:
        _sub(el, "ram:GlobalID", siret, schemeID="0009")
    _sub(el, "ram:Name", party.get("name") or "-")
    siren = base.siren_of(party)
    if siren:
        org = _sub(el, "ram:SpecifiedLegalOrganization")
        _sub(org, "ram:ID", siren, schemeID="0002")
    address = _sub(el, "ram:PostalTradeAddress")
    if party.get("postcode"):
        _sub(address, "ram:PostcodeCode", party["postcode"])
    lines = [x.strip() for x in (party.get("address") or "").splitlines() if x.strip()]
    for tag_name, value in zip(
        ("ram:LineOne", "ram:LineTwo", "ram:LineThree"), lines, strict=False
    ):
        _sub(address, tag_name, value)
    if party.get("city"):
        _sub(address, "ram:CityName", party["city"])
    _sub(address, "ram:CountryID", "FR")
    if endpoint:
        uri = _sub(el, "ram:URIUniversalCommunication")
        _sub(uri, "ram:URIID", endpoint[1], schemeID=endpoint[0])
    if with_vat and party.get("vat_number"):
        reg = _sub(el, "ram:SpecifiedTaxRegistration")
        _sub(reg, "ram:ID", party["vat_number"].replace(" ", ""), schemeID="VA")
    elif fiscal_id and siren:
        # BT-32 (scheme FC), required by BR-E-02 for exempt lines of a seller without a VAT
        # number (franchise en base, non-profit association): in France the SIREN is the
        # tax identifier of a business.
        reg = _sub(el, "ram:SpecifiedTaxRegistration")
        _sub(reg, "ram:ID", siren, schemeID="FC")


def _seller_address(seller: dict) -> tuple[str, str] | None:
    """BT-34: the seller's address in the e-invoicing directory (scheme 0225, its SIREN),
    else its e-mail (scheme EM)."""
    siren = base.siren_of(seller)
    if siren:
        return ("0225", siren)
    return ("EM", seller["email"]) if seller.get("email") else None


def _buyer_address(doc: InvoiceDoc) -> tuple[str, str] | None:
    """BT-49, required by BR-FR-12 on every invoice: a public buyer's SIRET (scheme 0009,
    Chorus Pro), a business's SIREN in the directory (0225), a person's e-mail (EM). A
    walk-in customer has none: a sale to a consumer is e-reported, never routed to the
    buyer, so the seller's own directory address stands (the invoice stays with it)."""
    buyer = doc.buyer
    siret = (buyer.get("siret") or "").replace(" ", "")
    if doc.buyer_is_business and is_public_buyer(buyer) and len(siret) == 14:
        return ("0009", siret)
    siren = base.siren_of(buyer)
    if doc.buyer_is_business and siren:
        return ("0225", siren)
    if buyer.get("email"):
        return ("EM", buyer["email"])
    return _seller_address(doc.seller)


# Subject codes (UNTDID 4451) of the payment notes BR-FR-05 requires: late-payment
# penalties (PMD), the 40 € recovery indemnity (PMT), the early-payment discount (AAB).
_NOTE_SUBJECTS = (
    ("PMD", ("Pénalités de retard", "Intérêts moratoires")),
    ("PMT", ("frais de recouvrement",)),
    ("AAB", ("escompte",)),
)
# What the notes say when the invoice carries none (a private person: the commercial
# penalties and the indemnity of the Code de commerce do not apply to a consumer).
_CONSUMER_NOTES = {
    "PMD": "Pénalités de retard : intérêts au taux légal (art. 1231-6 du Code civil).",
    "PMT": "Pas d'indemnité forfaitaire pour frais de recouvrement (client non professionnel).",
    "AAB": base.NO_DISCOUNT,
}


def _notes(doc: InvoiceDoc) -> list[tuple[str, str | None]]:
    """The invoice's mentions as (text, subject code), with the three payment notes."""
    notes: list[tuple[str, str | None]] = []
    for mention in base.all_mentions(doc):
        code = next(
            (c for c, markers in _NOTE_SUBJECTS if any(m in mention for m in markers)), None
        )
        if code and any(c == code for _, c in notes):
            code = None
        notes.append((mention, code))
    for code, text in _CONSUMER_NOTES.items():
        if not any(c == code for _, c in notes):
            notes.append((text, code))
    return notes


def _framework_code(doc: InvoiceDoc) -> str:
    """BT-23, the invoicing framework (BR-FR-08): B goods, S services, M mixed (the
    operation category, as printed); 2 for an invoice already paid in full, else 1."""
    category = base.operation_category(doc)
    letter = "M" if category.startswith("Mixte") else "B" if "biens" in category else "S"
    paid = doc.kind != "credit_note" and doc.total_incl_cents > 0 and doc.balance_cents == 0
    return f"{letter}{'2' if paid else '1'}"


def facturx_xml(doc: InvoiceDoc, profile: str = "en16931") -> bytes:
    """The CII XML of an invoice (type 380) or credit note (type 381); amounts positive.
    Texts that XML cannot hold (a NUL in a sealed name) are written as "\ufffd", over-long
    ones cut (:mod:`tierslieu_desktop.reports.sealed`)."""
    doc = printable_doc(doc)
    if profile not in GUIDELINES:
        raise ValueError(f"unknown Factur-X profile: {profile}")
    root = etree.Element(f"{{{RSM}}}CrossIndustryInvoice", nsmap=NSMAP)
    context = _sub(root, "rsm:ExchangedDocumentContext")
    process = _sub(context, "ram:BusinessProcessSpecifiedDocumentContextParameter")
    _sub(process, "ram:ID", _framework_code(doc))
    guideline = _sub(context, "ram:GuidelineSpecifiedDocumentContextParameter")
    _sub(guideline, "ram:ID", GUIDELINES[profile])

    issued = base.issue_day(doc)
    header = _sub(root, "rsm:ExchangedDocument")
    _sub(header, "ram:ID", doc.number)
    _sub(header, "ram:TypeCode", "381" if doc.kind == "credit_note" else "380")
    _date(header, "ram:IssueDateTime", issued)
    for text, subject in _notes(doc):
        note = _sub(header, "ram:IncludedNote")
        _sub(note, "ram:Content", text)
        if subject:
            _sub(note, "ram:SubjectCode", subject)

    trade = _sub(root, "rsm:SupplyChainTradeTransaction")
    # Group the lines by VAT category and rate (BG-23: BR-E-01 allows one exempt group);
    # the reasons' words joined, their code when every line of the group shares it.
    groups: dict[tuple[str, int], dict] = {}
    bases = document_bases(doc.vat_regime, doc.lines)
    for position, (line, vat) in enumerate(zip(doc.lines, bases, strict=True), start=1):
        category = vat.category
        group = groups.setdefault(
            (category, vat.rate_bp), {"base": 0, "vat": 0, "reasons": [], "codes": set()}
        )
        group["codes"].add(vat.reason_code)
        group["base"] += line.total_excl_cents
        group["vat"] += line.vat_cents
        if category in ("E", "O") and vat.mention not in group["reasons"]:
            group["reasons"].append(vat.mention)
        item = _sub(trade, "ram:IncludedSupplyChainTradeLineItem")
        line_doc = _sub(item, "ram:AssociatedDocumentLineDocument")
        _sub(line_doc, "ram:LineID", str(line.position or position))
        product = _sub(item, "ram:SpecifiedTradeProduct")
        _sub(product, "ram:Name", line.designation or "-")
        if line.detail and profile == "en16931":
            _sub(product, "ram:Description", line.detail)
        agreement = _sub(item, "ram:SpecifiedLineTradeAgreement")
        price = _sub(agreement, "ram:NetPriceProductTradePrice")
        unit_price = line_unit_price(
            line.total_excl_cents, line.discount_cents, line.vat_rate_bp, line.quantity_milli
        )
        _sub(price, "ram:ChargeAmount", price_text(unit_price))
        delivery = _sub(item, "ram:SpecifiedLineTradeDelivery")
        _sub(
            delivery,
            "ram:BilledQuantity",
            f"{Decimal(line.quantity_milli) / 1000:.3f}",
            unitCode=unit_code(line.unit),
        )
        settlement = _sub(item, "ram:SpecifiedLineTradeSettlement")
        tax = _sub(settlement, "ram:ApplicableTradeTax")
        _sub(tax, "ram:TypeCode", "VAT")
        _sub(tax, "ram:CategoryCode", category)
        if category != "O":  # BR-O-05: no rate outside the scope of VAT
            _sub(tax, "ram:RateApplicablePercent", f"{Decimal(vat.rate_bp) / 100:.2f}")
        if line.discount_cents:
            allowance = _sub(settlement, "ram:SpecifiedTradeAllowanceCharge")
            indicator = _sub(allowance, "ram:ChargeIndicator")
            _sub(indicator, "udt:Indicator", "false")
            _sub(
                allowance,
                "ram:ActualAmount",
                _amount(discount_excl(line.discount_cents, line.vat_rate_bp)),
            )
            _sub(allowance, "ram:Reason", "Remise")
        summation = _sub(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        _sub(summation, "ram:LineTotalAmount", _amount(line.total_excl_cents))

    agreement = _sub(trade, "ram:ApplicableHeaderTradeAgreement")
    if doc.buyer.get("service_code"):
        _sub(agreement, "ram:BuyerReference", doc.buyer["service_code"])
    public = doc.buyer_is_business and is_public_buyer(doc.buyer)
    # BR-O-02: a document with a line outside the scope of VAT (a wallet top-up alone)
    # names no VAT identifier, the seller's nor the buyer's (the PDF still prints it).
    outside_scope = any(category == "O" for category, _rate in groups)
    _party(
        agreement,
        "ram:SellerTradeParty",
        doc.seller,
        with_vat=not outside_scope,
        fiscal_id=True,
        endpoint=_seller_address(doc.seller),
    )
    _party(
        agreement,
        "ram:BuyerTradeParty",
        doc.buyer,
        with_vat=doc.buyer_is_business and not outside_scope,
        endpoint=_buyer_address(doc),
        siret_id=public,
    )
    if doc.buyer.get("commitment_number"):
        # BT-13: the purchase order reference, where Chorus Pro reads the commitment number
        order = _sub(agreement, "ram:BuyerOrderReferencedDocument")
        _sub(order, "ram:IssuerAssignedID", doc.buyer["commitment_number"])

    delivery = _sub(trade, "ram:ApplicableHeaderTradeDelivery")
    served = doc.service_to or doc.service_from
    if served:
        event = _sub(delivery, "ram:ActualDeliverySupplyChainEvent")
        _date(event, "ram:OccurrenceDateTime", served)

    settlement = _sub(trade, "ram:ApplicableHeaderTradeSettlement")
    _sub(settlement, "ram:PaymentReference", doc.number)
    _sub(settlement, "ram:InvoiceCurrencyCode", "EUR")
    iban = (doc.seller.get("iban") or "").replace(" ", "").upper()
    if iban and doc.kind != "credit_note":
        means = _sub(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        _sub(means, "ram:TypeCode", "58")
        account = _sub(means, "ram:PayeePartyCreditorFinancialAccount")
        _sub(account, "ram:IBANID", iban)
    for (category, rate_bp), group in groups.items():
        codes = group["codes"]
        reason_code = next(iter(codes)) if len(codes) == 1 else ""
        tax = _sub(settlement, "ram:ApplicableTradeTax")
        _sub(tax, "ram:CalculatedAmount", _amount(group["vat"]))
        _sub(tax, "ram:TypeCode", "VAT")
        if group["reasons"]:
            _sub(tax, "ram:ExemptionReason", "; ".join(group["reasons"]))
        _sub(tax, "ram:BasisAmount", _amount(group["base"]))
        _sub(tax, "ram:CategoryCode", category)
        if reason_code:
            _sub(tax, "ram:ExemptionReasonCode", reason_code)
        if category != "O":  # BR-O-10: no rate outside the scope of VAT
            _sub(tax, "ram:RateApplicablePercent", f"{Decimal(rate_bp) / 100:.2f}")
    if doc.service_from and doc.service_to:
        period = _sub(settlement, "ram:BillingSpecifiedPeriod")
        _date(period, "ram:StartDateTime", doc.service_from)
        _date(period, "ram:EndDateTime", doc.service_to)
    terms = _sub(settlement, "ram:SpecifiedTradePaymentTerms")
    _sub(terms, "ram:Description", base.payment_terms(doc))
    if doc.kind != "credit_note":
        _date(terms, "ram:DueDateDateTime", doc.due_date or issued)
    totals = _sub(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    line_total = sum(line.total_excl_cents for line in doc.lines)
    _sub(totals, "ram:LineTotalAmount", _amount(line_total))
    _sub(totals, "ram:TaxBasisTotalAmount", _amount(doc.total_excl_cents))
    _sub(totals, "ram:TaxTotalAmount", _amount(doc.total_vat_cents), currencyID="EUR")
    _sub(totals, "ram:GrandTotalAmount", _amount(doc.total_incl_cents))
    # BR-CO-16: due = total - prepaid. An invoice's "prepaid" is everything already settled
    # (payments and credit notes); a credit note's is what was refunded (negative payments).
    if doc.kind == "credit_note":
        prepaid = -doc.paid_cents
        due = doc.total_incl_cents - prepaid
    else:
        due = doc.balance_cents
        prepaid = doc.total_incl_cents - due
    _sub(totals, "ram:TotalPrepaidAmount", _amount(prepaid))
    _sub(totals, "ram:DuePayableAmount", _amount(due))
    if doc.kind == "credit_note" and doc.credited_invoice_number:
        ref = _sub(settlement, "ram:InvoiceReferencedDocument")
        _sub(ref, "ram:IssuerAssignedID", doc.credited_invoice_number)
        if doc.credited_invoice_date:
            _date(ref, "ram:FormattedIssueDateTime", doc.credited_invoice_date, ns="qdt")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def srgb_profile() -> bytes:
    """The sRGB ICC profile pikepdf ships (used for the PDF/A OutputIntent)."""
    return (resources.files("pikepdf") / "pdfa" / "data" / "sRGB.icc").read_bytes()


def add_output_intent(pdf_bytes: bytes) -> bytes:
    """Add the sRGB OutputIntent PDF/A requires (ReportLab writes DeviceRGB colours)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        icc = pikepdf.Stream(pdf, srgb_profile())
        icc["/N"] = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier="sRGB IEC61966-2.1",
            Info="sRGB IEC61966-2.1",
            RegistryName="http://www.color.org",
            DestOutputProfile=icc,
        )
        pdf.Root.OutputIntents = pikepdf.Array([intent])
        _drop_unused_standard_fonts(pdf)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _drop_unused_standard_fonts(pdf: Any) -> None:
    """ReportLab declares Helvetica (not embedded) on every page even when no text uses
    it; PDF/A forbids non-embedded fonts, so drop those the page content never selects."""
    import pikepdf

    for page in pdf.pages:
        fonts = page.Resources.get("/Font")
        if fonts is None:
            continue
        used = {
            str(instruction.operands[0])
            for instruction in pikepdf.parse_content_stream(page, "Tf")
            if instruction.operands
        }
        for name in list(fonts.keys()):
            font = fonts[name]
            descriptor = font.get("/FontDescriptor")
            embedded = font.get("/Subtype") == "/Type0" or (
                descriptor is not None
                and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            )
            if not embedded and name not in used:
                del fonts[name]


def make_facturx(pdf_bytes: bytes, xml: bytes, doc: InvoiceDoc, profile: str = "en16931") -> bytes:
    from facturx import generate_from_binary

    doc = printable_doc(doc)
    title = base.doc_title(doc)
    metadata = {
        "author": doc.seller.get("name") or "",
        "keywords": "Factur-X",
        "title": title,
        "subject": f"{title} — {doc.buyer.get('name') or ''}",
    }
    return generate_from_binary(
        add_output_intent(pdf_bytes),
        xml,
        flavor="factur-x",
        level=profile,
        check_xsd=True,
        pdf_metadata=metadata,
        lang="fr-FR",
    )
