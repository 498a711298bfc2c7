"""A sealed invoice always renders (issue 13, point 6): rows stored before the input
limits existed, or written by hand into the file, may hold a 2,000-character text or a
NUL byte in any text of the invoice. The A4 PDF, the receipt and Factur-X (PDF and XML)
are still produced, showing the start of the text, and the sealed content is unchanged.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import facturx
import pytest
from lxml import etree

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.enums import MemberKind, OrganisationType, VatRegime
from tierslieu_desktop.i18n.findings import words
from tierslieu_desktop.reports import invoice_pdf
from tierslieu_desktop.reports.sealed import printable
from tierslieu_desktop.services.billing import baskets, documents, ledger
from tierslieu_desktop.services.billing._common import buyer_of, seller_of
from tierslieu_desktop.services.billing.payments import PaymentInput
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.people.operators import ensure_operator
from tierslieu_desktop.services.people.structure import StructureData, save_structure

AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
LONG = "Débutlong" + "x" * 1991  # one 2,000-character word
WITH_NUL = "Avantnul\x00après\x1b"
MARKER = "Qzxmarq"
BUYER_KEYS = sorted(buyer_of(None))


def _seller_keys() -> list[str]:
    class Blank:
        def __getattr__(self, name: str) -> str:
            return ""

    return sorted(seller_of(Blank()))  # type: ignore[arg-type]


# Sealed texts the A4 invoice does not print: codes read by the renderer, the IBAN and
# BIC of a seller whose IBAN is invalid (no transfer block), the till's desk, the buyer's
# e-mail (in the XML only), a line's VAT mention (printed for an exempt line; this one
# is at 20 %), the buyer's organisation type (public buyer or not: the wording chosen).
NOT_ON_A4 = {
    "kind",
    "organisation_type",
    "vat_regime",
    "member_number",
    "siren",
    "desk",
    "bic",
    "iban",
    "email",
    "vat_mention",
}

CASES = (
    [("buyer_json", key) for key in BUYER_KEYS]
    + [("seller_json", key) for key in _seller_keys()]
    + [
        ("invoice_line", "designation"),
        ("invoice_line", "detail"),
        ("invoice_line", "unit"),
        ("invoice_line", "vat_mention"),
        ("invoice", "note"),
        ("invoice", "mentions"),
        ("invoice", "desk"),
        ("payment", "reference"),
        ("payment", "bank"),
        ("payment", "cheque_number"),
        ("payment", "desk"),
    ]
)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, int]:
    """An invoice issued by the services to an organisation, by a VAT-liable structure
    with every field filled, paid in part by cheque (built once, copied for each case)."""
    path = tmp_path_factory.mktemp("sealed") / "template.sqlite"
    db = open_database(str(path))
    try:
        operator = ensure_operator(db, "Alex")
        save_structure(
            db,
            operator,
            StructureData(
                name="Fab'Causse",
                legal_form="SCIC SARL",
                siret="73282932000074",
                rna="W462001234",
                vat_number="FR44732829320",
                vat_regime=VatRegime.LIABLE,
                address="2 place de la Halle",
                postcode="46160",
                city="Cajarc",
                email="contact@fabcausse.fr",
                phone="05 65 38 00 00",
                website="fabcausse.fr",
                iban="FR7630006000011234567890189",
                bic="AGRIFRPP",
                capital="12 000 €",
                rcs_city="Cahors",
            ),
        )
        member = save_member(
            db,
            operator,
            MemberInput(
                kind=MemberKind.ORGANISATION,
                last_name="Menuiserie Lacombe",
                organisation_type=OrganisationType.PUBLIC_BODY,
                siret="73282932000074",
                service_code="SERVICE-ACHATS",
                vat_number="FR44732829320",
                email="compta@lacombe.fr",
                address="12 rue des Artisans",
                postcode="46400",
                city="Saint-Céré",
            ),
        )
        basket = baskets.open_basket(db, operator, member)
        baskets.add_free_line(
            db,
            operator,
            basket,
            designation="Découpe laser",
            quantity_milli=2000,
            unit="h",
            unit_price_cents=2400,
        )
        invoice = documents.validate_basket(
            db,
            operator,
            basket,
            [PaymentInput("cheque", 1000, cheque_number="1234567", bank="Crédit Agricole")],
            issued_at=AT,
            desk="Accueil",
            note="Livraison à l'atelier B",
        )
    finally:
        db.dispose()
    return path, invoice


def hand_edit(path: Path, table: str, field: str, invoice: int, value: str) -> None:
    """What an older version or a hand edit left in the file: the triggers dropped, one
    text of the invoice replaced."""
    con = sqlite3.connect(path)
    try:
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'"):
            con.execute(f'DROP TRIGGER "{name}"')
        if table in ("buyer_json", "seller_json"):
            (raw,) = con.execute(f"SELECT {table} FROM invoice WHERE id=?", (invoice,)).fetchone()
            data = json.loads(raw)
            data[field] = value
            con.execute(
                f"UPDATE invoice SET {table}=? WHERE id=?",
                (json.dumps(data, ensure_ascii=False), invoice),
            )
        elif table == "invoice":
            con.execute(f"UPDATE invoice SET {field}=? WHERE id=?", (value, invoice))
        else:
            con.execute(f"UPDATE {table} SET {field}=? WHERE invoice_id=?", (value, invoice))
        con.commit()
    finally:
        con.close()


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    assert pdf.startswith(b"%PDF")
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    done = subprocess.run(["pdftotext", str(src), "-"], capture_output=True, check=True, text=True)
    return done.stdout


def stored(path: Path, table: str, field: str, invoice: int) -> str:
    con = sqlite3.connect(path)
    try:
        if table in ("buyer_json", "seller_json"):
            (raw,) = con.execute(f"SELECT {table} FROM invoice WHERE id=?", (invoice,)).fetchone()
            return json.loads(raw)[field]
        column = "id" if table == "invoice" else "invoice_id"
        (value,) = con.execute(
            f"SELECT {field} FROM {table} WHERE {column}=?", (invoice,)
        ).fetchone()
        return value
    finally:
        con.close()


def squeeze(text: str) -> str:
    """Without spaces (an IBAN is printed in groups of four)."""
    return "".join(text.split())


def rendered(path: Path, invoice: int, folder: Path) -> dict[str, str]:
    db = open_database(str(path))
    try:
        doc = documents.get_invoice(db, invoice)
        return {
            "a4": squeeze(pdf_text(invoice_pdf.render_invoice(doc), folder)),
            "receipt": squeeze(pdf_text(invoice_pdf.render_receipt(doc), folder)),
            "xml": squeeze(invoice_pdf.facturx_xml(doc).decode()),
        }
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def shown(template, tmp_path_factory) -> dict[tuple[str, str], set[str]]:
    """For each case, the renderers (a4, receipt, xml) that print that text: a short
    marker put in its place is found in their output. Those must show the start of the
    bad text too."""
    source, invoice = template
    folder = tmp_path_factory.mktemp("shown")
    out: dict[tuple[str, str], set[str]] = {}
    for table, field in CASES:
        path = folder / "marked.sqlite"
        shutil.copy(source, path)
        hand_edit(path, table, field, invoice, MARKER)
        texts = rendered(path, invoice, folder)
        out[(table, field)] = {name for name, text in texts.items() if MARKER in text}
    return out


@pytest.mark.parametrize("value", [LONG, WITH_NUL], ids=["2000-chars", "nul"])
@pytest.mark.parametrize(("table", "field"), CASES, ids=[f"{t}.{f}" for t, f in CASES])
def test_a_sealed_invoice_with_a_bad_text_still_renders(
    template, shown, tmp_path, table, field, value
):
    source, invoice = template
    path = tmp_path / "db.sqlite"
    shutil.copy(source, path)
    hand_edit(path, table, field, invoice, value)
    db = open_database(str(path))
    try:
        doc = documents.get_invoice(db, invoice)
        a4 = pdf_text(invoice_pdf.render_invoice(doc), tmp_path)
        receipt = pdf_text(invoice_pdf.render_receipt(doc), tmp_path)
        fx_pdf = invoice_pdf.render_facturx(doc)
        fx = pdf_text(fx_pdf, tmp_path)
        xml = invoice_pdf.facturx_xml(doc)
        problems = words(ledger.verify_ledger(db), "fr")
    finally:
        db.dispose()
    for text in (a4, receipt, fx):
        assert doc.number in text
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
    etree.fromstring(xml)  # well-formed: no NUL
    start = value[:5]
    outputs = (("a4", a4), ("a4", fx), ("receipt", receipt), ("xml", xml.decode()))
    for name, text in outputs:
        if name in shown[(table, field)]:
            assert start in squeeze(text), (name, start)
    assert "a4" in shown[(table, field)] or field in NOT_ON_A4
    # Rendering changes nothing: the file still holds the bad text, and the chain says
    # the document was altered (it was, by hand).
    assert stored(path, table, field, invoice) == value
    assert problems


def test_printable_leaves_a_text_within_its_limit_alone_and_cuts_the_rest():
    assert printable("2 place de la Halle\n46160", 200, multiline=True) == (
        "2 place de la Halle\n46160"
    )
    assert printable("a\x00b\x85c\ufffe", 10) == "a\ufffdb\ufffdc\ufffd"
    assert printable("x" * 300, 120) == "x" * 119 + "…"
    assert printable("l1\nl2\nl3\nl4\nl5", 200, multiline=True, max_lines=4) == "l1\nl2\nl3\nl4…"
    assert printable("l1\nl2", 200) == "l1 l2"


@pytest.mark.sqlite_only(
    reason="stores a NUL byte only an SQLite file can hold (PostgreSQL: value_rejected)"
)
def test_the_members_xlsx_export_holds_a_2000_character_nul_name(db, operator, tmp_path):
    from openpyxl import load_workbook
    from sqlalchemy import update

    from tierslieu_desktop.db.models import Member
    from tierslieu_desktop.services.finance import exports

    mid = save_member(db, operator, MemberInput(first_name="Ada", last_name="Lovelace"))
    with db.write() as s:  # what an older version or a hand edit left
        s.execute(
            update(Member)
            .where(Member.id == mid)
            .values(first_name=LONG + "\x00", last_name="N" * 40_000)
        )
    path = tmp_path / "members.xlsx"
    assert exports.export_xlsx(db, "members", None, path) == 1
    ws = load_workbook(path).active
    headers = [c.value for c in ws[1]]
    row = dict(zip(headers, (c.value for c in ws[2]), strict=True))
    assert row["Prénom"] == LONG + "\ufffd"
    assert len(row["Nom"]) == 32_767 and row["Nom"].endswith("…")
    csv_path = tmp_path / "members.csv"
    assert exports.export_csv(db, "members", None, csv_path) == 1
    assert "Débutlong" in csv_path.read_text(encoding="utf-8-sig")
