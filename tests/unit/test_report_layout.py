"""How the report PDFs look on paper: every font embedded (DejaVu, never a standard PDF
font a reader would substitute), no page left mostly empty before the last one, nothing
printed in the margins, legends inside their chart, the funder report's letterhead."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pikepdf
import pytest

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.demo.builder import build_demo

STANDARD_FONTS = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The small demo, built once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(str(path))
    db = open_database(str(path), create=False)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def annual_pdfs(demo_db):
    from tierslieu_desktop.services.reporting import annual_report

    return {year: annual_report(demo_db, year) for year in (2025, 2026)}


@pytest.fixture(scope="module")
def grant_pdfs(demo_db):
    from sqlalchemy import select

    from tierslieu_desktop.db.models import Grant
    from tierslieu_desktop.services.reporting import grant_report

    with demo_db.read() as session:
        ids = list(session.scalars(select(Grant.id).order_by(Grant.id)))
    return {gid: grant_report(demo_db, gid) for gid in ids}


def fonts_of(data: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font the PDF declares."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
                if obj.get("/Subtype") == "/Type0":  # its descendant font carries the file
                    continue
                descriptor = obj.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                out.append((str(obj.get("/BaseFont")), embedded))
    return out


def assert_fonts_embedded(data: bytes) -> None:
    fonts = fonts_of(data)
    assert fonts
    for name, embedded in fonts:
        assert embedded, f"{name} is not embedded"
        assert "DejaVu" in name, name
        assert not any(s in name for s in STANDARD_FONTS), name


# --------------------------------------------------------------------------- fonts


def test_annual_and_grant_reports_embed_every_font(annual_pdfs, grant_pdfs):
    for data in [*annual_pdfs.values(), *grant_pdfs.values()]:
        assert_fonts_embedded(data)


def test_every_other_pdf_the_app_writes_embeds_every_font():
    import invoice_doc_samples as samples

    from tierslieu_desktop.domain.activity import AttendanceLine, AttendanceSheet
    from tierslieu_desktop.domain.calendar import local_dt
    from tierslieu_desktop.domain.documents import UnpaidRow
    from tierslieu_desktop.reports import invoice_pdf
    from tierslieu_desktop.reports.attendance_pdf import attendance_sheet_pdf
    from tierslieu_desktop.reports.closing_pdf import closing_note_pdf

    doc = samples.liable_company()
    closing = closing_note_pdf(
        {
            "kind": "day",
            "period_start": date(2026, 11, 23),
            "period_end": date(2026, 11, 23),
            "closed_at": datetime(2026, 11, 23, 19, tzinfo=UTC),
            "totals": {},
            "total_incl_cents": 0,
            "perpetual_total_cents": 0,
            "footprint": "0123abcd" * 8,  # printed in the fixed-width DejaVu Sans Mono
            "structure_name": "Fablab du Causse",
        }
    )
    sheet = AttendanceSheet(
        structure_name="Fablab du Causse",
        structure_city="Gramat",
        activity_name="Créer son adresse mail",
        kind="digital_workshop",
        start_at=local_dt(date(2026, 11, 25), 14 * 60),
        end_at=local_dt(date(2026, 11, 25), 17 * 60),
        space_name="Cyber-base",
        trainer="Guillaume",
        capacity=12,
        lines=(AttendanceLine("Ana Bru", "", 1, None),),
        waiting=(),
    )
    unpaid = UnpaidRow(
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
    )
    pdfs = {
        "invoice": invoice_pdf.render_invoice(doc),
        "facturx": invoice_pdf.render_facturx(doc),
        "receipt": invoice_pdf.render_receipt(doc),
        "reminder": invoice_pdf.render_reminder(
            [unpaid], samples.company_buyer(), samples.seller("liable"), date(2026, 11, 23)
        ),
        "closing": closing,
        "attendance": attendance_sheet_pdf(sheet),
    }
    for kind, data in pdfs.items():
        try:
            assert_fonts_embedded(data)
        except AssertionError as e:
            raise AssertionError(f"{kind}: {e}") from None
    assert any("DejaVuSansMono" in name for name, _ in fonts_of(closing))
