"""How the report PDFs look on paper: every font embedded (DejaVu, never a standard PDF
font a reader would substitute), no page left mostly empty before the last one, nothing
printed in the margins, legends inside their chart, the funder report's letterhead."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pikepdf
import pytest
from pypdf import PdfReader
from shared_demo import small_demo_copy

from tierslieu_desktop.db.engine import open_database

STANDARD_FONTS = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The small demo, built once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    small_demo_copy(path)
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


# --------------------------------------------------------------------------- legends

LONG_NAMES = [
    ("Demandeurs d'emploi / insertion professionnelle", 12.0),
    ("Entrepreneurs & créateurs", 10.0),
    ("Anticonstitutionnellement-supercalifragilistique", 3.0),  # one word, wider than room
]


def strings_of(node):
    """Every String of a drawing's own shapes (legends, titles), recursively."""
    from reportlab.graphics.shapes import Group, String

    for item in getattr(node, "contents", []):
        if isinstance(item, String):
            yield item
        elif isinstance(item, Group):
            yield from strings_of(item)


def right_edge(s) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return s.x + stringWidth(s.text, s.fontName, s.fontSize)


def test_legend_names_wrap_whole_inside_the_given_width():
    from tierslieu_desktop.reports.layout import legend_lines

    width = 90.0
    lines = legend_lines("Demandeurs d'emploi / insertion (11\u00a0%)", width)
    assert len(lines) > 1
    assert " ".join(lines) == "Demandeurs d'emploi / insertion (11\u00a0%)"  # nothing cut
    assert lines[-1].endswith("insertion (11\u00a0%)") or lines[-1] == "(11\u00a0%)"
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from tierslieu_desktop.reports.pdf_base import FONT

    assert all(stringWidth(line, FONT, 7) <= width for line in lines)
    (word,) = legend_lines("Anticonstitutionnellement-supercalifragilistique", 60)
    assert word.endswith("…") and stringWidth(word, FONT, 7) <= 60


def test_a_pie_legend_stays_inside_its_drawing_and_keeps_the_shares_with_their_names():
    from reportlab.lib.units import mm

    from tierslieu_desktop.reports.layout import pie_chart

    d = pie_chart("Adhérents par public", LONG_NAMES, width=70 * mm, height=40 * mm)
    strings = list(strings_of(d))
    assert strings
    for s in strings:
        assert s.x >= 0 and right_edge(s) <= d.width, s.text
        assert 0 <= s.y <= d.height, s.text
    x0, y0, x1, y1 = d.getBounds()
    assert x0 >= 0 and x1 <= d.width and y0 >= 0 and y1 <= d.height
    text = " ".join(s.text for s in strings)
    assert "Demandeurs d'emploi / insertion professionnelle\u00a0(48\u202f%)" in text
    assert "Entrepreneurs & créateurs\u00a0(40\u202f%)" in text


def test_a_bar_chart_grows_to_hold_a_long_legend_inside_its_width():
    from reportlab.lib.units import mm

    from tierslieu_desktop.reports.layout import bar_chart

    series = [(f"Découpe et gravure laser de précision n° {i}", [1.0, 2.0]) for i in range(10)]
    d = bar_chart("Heures", ["janv.", "févr."], series, height=40 * mm)
    assert d.height > 40 * mm
    for s in strings_of(d):
        assert s.x >= 0 and right_edge(s) <= d.width and 0 <= s.y <= d.height, s.text
    x0, y0, x1, y1 = d.getBounds()
    assert x0 >= 0 and x1 <= d.width and y0 >= 0 and y1 <= d.height


# --------------------------------------------------------------------------- pages


def text_boxes(data: bytes) -> list[list[tuple[float, float, float, str]]]:
    """Per page, (left, baseline, right, text) of every piece of text, in points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from tierslieu_desktop.reports.pdf_base import FONT, FONT_BOLD, FONT_MONO, register_fonts

    register_fonts()
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        boxes: list[tuple[float, float, float, str]] = []

        def visit(text, cm, tm, font, size, boxes=boxes):
            text = text.rstrip("\n")
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            base = str(font.get("/BaseFont")) if font else ""
            name = FONT_BOLD if "Bold" in base else FONT_MONO if "Mono" in base else FONT
            width = stringWidth(text, name, size * tm[0]) * cm[0]
            boxes.append((x, y, x + width, text))

        page.extract_text(visitor_text=visit)
        pages.append(boxes)
    return pages


FOOTER_Y = 12 * 2.8346  # the page footer's baseline is at 10 mm


def assert_pages_flow(data: bytes, *, cover: bool) -> None:
    """Nothing in the side margins; every page but the cover and the last is filled at
    least down to its middle (no section pushed to a new page leaving it mostly blank)."""
    from tierslieu_desktop.reports.layout import MARGIN, PAGE_H, PAGE_W

    pages = text_boxes(data)
    for n, boxes in enumerate(pages, 1):
        for left, _y, right, text in boxes:
            assert left >= MARGIN - 1 and right <= PAGE_W - MARGIN + 1, (n, text, left, right)
        if n == len(pages) or (cover and n == 1):
            continue
        lowest = min(y for _x, y, _r, _t in boxes if y > FOOTER_Y)
        assert lowest < PAGE_H / 2, f"page {n} of {len(pages)} ends at {lowest:.0f} pt"


def test_the_annual_report_flows_without_half_empty_pages_and_stays_in_its_margins(
    annual_pdfs,
):
    for year, data in annual_pdfs.items():
        try:
            assert_pages_flow(data, cover=True)
        except AssertionError as e:
            raise AssertionError(f"{year}: {e}") from None
        last = text_boxes(data)[-1]
        assert any("Perspectives" in t for *_p, t in last) or year != 2025
        # "Perspectives" follows the last section instead of sitting alone on a page
        assert len([t for *_p, t in last if t.strip()]) > 5


def test_grant_reports_stay_in_their_margins_and_keep_headings_with_their_tables(grant_pdfs):
    for gid, data in grant_pdfs.items():
        assert_pages_flow(data, cover=False)
        for boxes in text_boxes(data):
            # a heading is never the last thing on a page
            body = sorted((b for b in boxes if b[1] > FOOTER_Y), key=lambda b: b[1])
            assert not body[0][3].startswith("Indicateurs d'activité"), gid


def test_the_grant_report_heads_with_the_full_address_and_a_grouped_siret(grant_pdfs):
    first = text_boxes(next(iter(grant_pdfs.values())))[0]
    header = [t for _x, y, _r, t in sorted(first, key=lambda b: -b[1])][:8]
    assert "2 avenue du Haut-Quercy" in header
    assert "46400 Saint-Céré" in header
    assert "SIRET 819 246 372 00018" in header  # the demo structure's SIRET, grouped
