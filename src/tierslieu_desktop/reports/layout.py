"""Shared layout of the report PDFs: styles, page template with numbers, tables and
charts drawn with ReportLab graphics (bars, pies, lines). Always French (documents for
the general meeting and the funders), DejaVu fonts of reports.pdf_base."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from babel import numbers as babel_numbers
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.widgetbase import Widget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, TableStyle
from reportlab.platypus import Table as _PlatypusTable

from tierslieu_desktop.reports.pdf_base import FONT, FONT_BOLD, LOCALE, money, register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
ACCENT = colors.HexColor("#1f6f8b")
LIGHT = colors.HexColor("#e8f1f4")
PALETTE = [
    colors.HexColor(c)
    for c in (
        "#1f6f8b",
        "#e07a2f",
        "#3c9d5d",
        "#b8405e",
        "#7b5ea7",
        "#c9a227",
        "#5a7d9a",
        "#8c564b",
        "#2ca6a4",
        "#9e9e9e",
    )
]
OWN_COLOR, PUBLIC_COLOR, PRIVATE_COLOR, COST_COLOR = PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3]

MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
          "nov.", "déc.")  # fmt: skip


def styles() -> dict[str, ParagraphStyle]:
    """The report styles; a heading (h1, h2) never ends a page: it moves with what follows
    (platypus keepWithNext), so sections flow one after the other without page breaks."""
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13)
    body = ParagraphStyle("body", parent=base, spaceAfter=5)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=FONT_BOLD, fontSize=17, leading=22, textColor=ACCENT,
            spaceBefore=4, spaceAfter=8, keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=12, leading=16, textColor=ACCENT,
            spaceBefore=10, spaceAfter=4, keepWithNext=1,
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=28, leading=34,
            alignment=TA_CENTER, textColor=ACCENT,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=14, leading=20, alignment=TA_CENTER
        ),
        "figure": ParagraphStyle(
            "figure", parent=base, fontName=FONT_BOLD, fontSize=15, leading=18,
            alignment=TA_CENTER, textColor=ACCENT,
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=8, leading=10, alignment=TA_CENTER
        ),
    }  # fmt: skip


class Table(_PlatypusTable):
    """A platypus Table whose cells default to the embedded DejaVu: ReportLab's default
    cell font is Helvetica, a standard font the PDF would name without embedding it, even
    for a table holding only Paragraphs, drawings or empty cells. Every report table is
    one of these (``style`` applies on top)."""

    def __init__(self, data: Any, *args: Any, style: Any = None, **kwargs: Any) -> None:
        register_fonts()
        super().__init__(data, *args, **kwargs)
        self.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT)]))
        if style is not None:
            self.setStyle(style)


def number(value: int | float) -> str:
    return babel_numbers.format_decimal(value, format="#,##0", locale=LOCALE)


def hours(minutes: int) -> str:
    """95 → "1,6 h" (hours with one decimal, French)."""
    value = babel_numbers.format_decimal(Decimal(minutes) / 60, format="#,##0.#", locale=LOCALE)
    return f"{value}\u00a0h"


def percent(bp: int | None) -> str:
    if bp is None:
        return "—"
    value = babel_numbers.format_decimal(Decimal(bp) / 100, format="#,##0.#", locale=LOCALE)
    return f"{value}\u202f%"


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PARAGRAPH_LINES = 30


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """User text → paragraphs (blank lines separate them; single newlines kept).

    A block of many lines is drawn as several Paragraphs of :data:`PARAGRAPH_LINES` lines
    with no space between them (it looks the same): ReportLab lays a Paragraph split over
    pages out again for each page, so one Paragraph of thousands of lines would take
    minutes."""
    out: list[Paragraph] = []
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    for block in blocks:
        if not block:
            continue
        lines = block.split("\n")
        chunks = [lines[i : i + PARAGRAPH_LINES] for i in range(0, len(lines), PARAGRAPH_LINES)]
        for n, chunk in enumerate(chunks):
            chunk_style = style
            if len(chunks) > 1:
                chunk_style = ParagraphStyle(
                    f"{style.name}-part",
                    parent=style,
                    spaceBefore=style.spaceBefore if n == 0 else 0,
                    spaceAfter=style.spaceAfter if n == len(chunks) - 1 else 0,
                )
            out.append(Paragraph("<br/>".join(esc(line) for line in chunk), chunk_style))
    return out


def table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float] | None = None,
    *,
    header: bool = True,
    total: bool = False,
    align_right_from: int = 1,
) -> Table:
    st = styles()
    cell = ParagraphStyle("cell", parent=st["small"], fontSize=8.5, leading=10.5)
    data = [
        [
            Paragraph(esc(str(v)), cell) if i == 0 and isinstance(v, str) else v
            for i, v in enumerate(r)
        ]
        for r in rows
    ]
    t = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("ALIGN", (align_right_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8d3d8")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        cmds += [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ]
    if total:
        cmds += [
            ("FONT", (0, -1), (-1, -1), FONT_BOLD, 8.5),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ]
    t.setStyle(TableStyle(cmds))
    return t


def facts_table(facts: Sequence[tuple[str, str]], style: ParagraphStyle) -> Table:
    """Label (bold) and value lines, left-aligned under a title: the facts heading a
    closing note or a deposit slip."""
    return Table(
        [[Paragraph(f"<b>{esc(k)}</b>", style), Paragraph(esc(v), style)] for k, v in facts],
        colWidths=[55 * mm, CONTENT_W - 55 * mm],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
        hAlign="LEFT",
    )


def key_figures(items: Sequence[tuple[str, str]], columns: int = 4) -> Table:
    """Big numbers with a caption under each, in a grid."""
    st = styles()
    cells: list[list[Paragraph | str]] = [
        [Paragraph(esc(v), st["figure"]), Paragraph(esc(c), st["caption"])] for c, v in items
    ]
    rows = []
    for i in range(0, len(cells), columns):
        chunk = cells[i : i + columns]
        chunk += [["", ""]] * (columns - len(chunk))
        rows.append([c[0] for c in chunk])
        rows.append([c[1] for c in chunk])
    t = Table(rows, colWidths=[CONTENT_W / columns] * columns)
    cmds: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r in range(0, len(rows), 2):
        cmds.append(("BACKGROUND", (0, r), (-1, r + 1), LIGHT))
        cmds.append(("LINEBELOW", (0, r + 1), (-1, r + 1), 4, colors.white))
    t.setStyle(TableStyle(cmds))
    return t


def logo_image(logo: bytes | None, max_w: float, max_h: float) -> Image | None:
    if not logo:
        return None
    try:
        from reportlab.lib.utils import ImageReader

        reader = ImageReader(io.BytesIO(logo))
        w, h = reader.getSize()
    except Exception:  # a broken logo never stops a report
        return None
    scale = min(max_w / w, max_h / h)
    return Image(io.BytesIO(logo), width=w * scale, height=h * scale)


def _axis_fonts(chart: VerticalBarChart | HorizontalLineChart) -> None:
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dde5e8")
    chart.valueAxis.gridStrokeWidth = 0.3


def _place(widget: Widget, **values: float) -> None:
    """Set a chart's geometry (x, y, width, height, spacings) in points: floats, where
    ReportLab's stubs say int."""
    widget.setProperties(values)


def _drawing(width: float, height: float) -> Drawing:
    return Drawing(width, height, initialFontName=FONT)  # no standard font, even unused


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    text = fit_text(text, FONT_BOLD, 9, width)
    drawing.add(String(0, height - 10, text, fontName=FONT_BOLD, fontSize=9, fillColor=ACCENT))


LEGEND_SIZE = 7  # font size of legend names
LEGEND_LEADING = 8.5
LEGEND_SWATCH = 6
LEGEND_GAP = 4  # between a swatch and its name
LEGEND_SKIP = 3  # between two entries


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with "…" so that it is at most ``width`` points wide."""
    register_fonts()
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def legend_lines(text: str, width: float, size: float = LEGEND_SIZE) -> list[str]:
    """A legend name wrapped on its (ordinary) spaces to ``width`` points — no-break
    spaces hold a share such as "(13\u202f%)" to its word; a word longer than the width
    is cut with "…": whole names, never drawn past the chart's edge."""
    register_fonts()
    lines: list[str] = []
    for word in text.split(" "):
        if lines and stringWidth(f"{lines[-1]} {word}", FONT, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return [fit_text(line, FONT, size, width) for line in lines] or [""]


def legend(
    pairs: Sequence[tuple[colors.Color, str]],
    x: float,
    top: float,
    width: float,
    size: float = LEGEND_SIZE,
) -> tuple[Group, float]:
    """A column of colour swatches and names whose left edge is ``x`` and top ``top``,
    every name wrapped inside ``width``; returns the group and the height it takes."""
    group = Group()
    y = top
    text_x = x + LEGEND_SWATCH + LEGEND_GAP
    for color, name in pairs:
        lines = legend_lines(name, width - LEGEND_SWATCH - LEGEND_GAP, size)
        swatch = Rect(x, y - LEGEND_SWATCH - 0.5, LEGEND_SWATCH, LEGEND_SWATCH)
        swatch.fillColor = color
        swatch.strokeColor = None
        group.add(swatch)
        for n, line in enumerate(lines):
            baseline = y - size + 0.5 - n * size * LEGEND_LEADING / LEGEND_SIZE
            group.add(String(text_x, baseline, line, fontName=FONT, fontSize=size))
        y -= len(lines) * size * LEGEND_LEADING / LEGEND_SIZE + LEGEND_SKIP
    return group, top - y


def _legend_height(pairs: Sequence[tuple[colors.Color, str]], width: float) -> float:
    return legend(pairs, 0, 0, width)[1]


TITLE_H = 14  # the chart's title line
AXIS_H = 18  # room under a chart for the category labels


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: float = CONTENT_W,
    height: float = 62 * mm,
    stacked: bool = False,
    colors_: Sequence[colors.Color] | None = None,
    value_format: str = "{:,.0f}",
) -> Drawing:
    """Vertical bars (grouped or stacked), one colour per series, legend on the right
    inside ``width`` (the drawing grows taller when the legend needs it)."""
    register_fonts()
    pal = list(colors_ or PALETTE)
    pairs = [(pal[i % len(pal)], n) for i, (n, _) in enumerate(series)]
    legend_w = 42 * mm if len(series) > 1 else 0
    if legend_w:
        height = max(height, _legend_height(pairs, legend_w) + TITLE_H + AXIS_H)
    d = _drawing(width, height)
    _title(d, title, width, height)
    chart = VerticalBarChart()
    _place(chart, x=34, y=AXIS_H, width=width - 34 - legend_w - 6, height=height - 22 - AXIS_H)
    chart.data = [list(values) or [0] for _, values in series] or [[0]]
    chart.categoryAxis.categoryNames = list(categories)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: value_format.format(v).replace(",", "\u202f")
    _place(chart, barSpacing=0.5, groupSpacing=4)
    if stacked:
        chart.categoryAxis.style = "stacked"
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = pal[i % len(pal)]
        chart.bars[i].strokeColor = None
    _axis_fonts(chart)
    d.add(chart)
    if legend_w:
        d.add(legend(pairs, width - legend_w, height - TITLE_H - 4, legend_w)[0])
    return d


def line_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: float = CONTENT_W,
    height: float = 60 * mm,
    colors_: Sequence[colors.Color] | None = None,
) -> Drawing:
    """Lines, one colour per series, legend on the right inside ``width``."""
    register_fonts()
    pal = list(colors_ or PALETTE)
    pairs = [(pal[i % len(pal)], n) for i, (n, _) in enumerate(series)]
    legend_w = 42 * mm
    height = max(height, _legend_height(pairs, legend_w) + TITLE_H + AXIS_H)
    d = _drawing(width, height)
    _title(d, title, width, height)
    chart = HorizontalLineChart()
    _place(chart, x=34, y=AXIS_H, width=width - 34 - legend_w - 6, height=height - 22 - AXIS_H)
    chart.data = [list(v) or [0] for _, v in series] or [[0]]
    chart.categoryAxis.categoryNames = list(categories)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}".replace(",", "\u202f")
    for i in range(len(chart.data)):
        chart.lines[i].strokeColor = pal[i % len(pal)]
        chart.lines[i].strokeWidth = 1.8
    _axis_fonts(chart)
    d.add(chart)
    d.add(legend(pairs, width - legend_w, height - TITLE_H - 4, legend_w)[0])
    return d


def pie_chart(
    title: str,
    items: Sequence[tuple[str, float]],
    *,
    width: float = CONTENT_W / 2,
    height: float = 60 * mm,
    colors_: Sequence[colors.Color] | None = None,
) -> Drawing:
    """A pie with its legend (whole names and shares) on its right, inside ``width``;
    the drawing grows taller when the legend needs it."""
    register_fonts()
    items = [(n, v) for n, v in items if v > 0]
    if not items:
        d = _drawing(width, height)
        _title(d, title, width, height)
        d.add(String(0, height / 2, "Aucune donnée", fontName=FONT, fontSize=8))
        return d
    pal = list(colors_ or PALETTE)
    total = sum(v for _, v in items) or 1
    pairs = [
        (pal[i % len(pal)], f"{n}\u00a0({round(100 * v / total)}\u202f%)")
        for i, (n, v) in enumerate(items)
    ]
    size = min(height - TITLE_H - 10, width * 0.42)
    legend_x = size + 10
    legend_w = width - legend_x
    height = max(height, _legend_height(pairs, legend_w) + TITLE_H + 8)
    d = _drawing(width, height)
    _title(d, title, width, height)
    pie = Pie()
    _place(pie, x=0, y=(height - TITLE_H - size) / 2, width=size, height=size)
    pie.data = [v for _, v in items]
    pie.labels = None
    pie.simpleLabels = True
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i in range(len(items)):
        pie.slices[i].fillColor = pal[i % len(pal)]
    d.add(pie)
    d.add(legend(pairs, legend_x, height - TITLE_H - 4, legend_w)[0])
    return d


def side_by_side(left: Flowable, right: Flowable, left_width: float) -> Table:
    """Two flowables next to each other across the frame, with no cell padding so that a
    drawing as wide as its column stays inside the page margins."""
    return Table(
        [[left, right]],
        colWidths=[left_width, CONTENT_W - left_width],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def euros(cents: int) -> float:
    return cents / 100


__all__ = [
    "ACCENT",
    "CONTENT_W",
    "COST_COLOR",
    "MARGIN",
    "MONTHS",
    "OWN_COLOR",
    "PAGE_H",
    "PAGE_W",
    "PRIVATE_COLOR",
    "PUBLIC_COLOR",
    "Table",
    "bar_chart",
    "esc",
    "euros",
    "fit_text",
    "hours",
    "key_figures",
    "legend",
    "legend_lines",
    "line_chart",
    "logo_image",
    "money",
    "number",
    "paragraphs",
    "percent",
    "pie_chart",
    "side_by_side",
    "styles",
    "table",
]


# --- document with numbered pages ------------------------------------------------------

LEVEL_LABELS = {
    "commune": "Commune",
    "epci": "Intercommunalité",
    "departement": "Département",
    "region": "Région",
    "etat": "État",
    "ue": "Fonds européens",
    "social": "Organismes sociaux (CAF…)",
    "employment": "Emploi (France Travail, ASP)",
    "foundation": "Fondations",
    "company": "Entreprises (mécénat)",
    "individual": "Dons de particuliers",
    "other": "Autres",
    "volunteering": "Bénévolat valorisé",
}
OWN_LABELS = {
    "services": "Prestations de services (706)",
    "sales": "Ventes (707)",
    "memberships": "Cotisations (756)",
    "other": "Activités annexes (708)",
}
COST_LABELS = {
    "staff": "Personnel",
    "consumables": "Consommables",
    "maintenance": "Entretien",
    "rent": "Loyer",
    "energy": "Énergie",
    "depreciation": "Amortissements",
    "other": "Autres charges",
    "in_kind": "Contributions en nature",
}
NATURE_LABELS = {
    "operating": "Fonctionnement",
    "investment": "Investissement",
    "donation": "Don",
}


def label(mapping: dict[str, str], key: str) -> str:
    return mapping.get(key, key.replace("_", " ").capitalize())


def build_pdf(story: list, *, title: str, footer: str, numbered_cover: bool = False) -> bytes:
    """Lay the story out on A4 with a footer "<footer> — page n / N" (not on the cover
    page unless ``numbered_cover``)."""
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()

    class NumberedCanvas(rl_canvas.Canvas):
        _startPage: Callable[[], None]  # ReportLab's, not in its stubs

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # ReportLab selects Helvetica on every new page unless told otherwise: a
            # standard font, not embedded (the page would name a font it does not carry).
            kwargs["initialFontName"] = FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # ReportLab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            count = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if numbered_cover or self.getPageNumber() > 1:
                    self.setFont(FONT, 7.5)
                    self.setFillColor(colors.HexColor("#5a6a73"))
                    page = f"page {self.getPageNumber()} / {count}"
                    room = PAGE_W - 2 * MARGIN - self.stringWidth(page, FONT, 7.5) - 6 * mm
                    text = footer
                    while text and self.stringWidth(text, FONT, 7.5) > room:
                        text = text[:-2] + "…"  # a long footer never runs into the number
                    self.drawString(MARGIN, 10 * mm, text)
                    self.drawRightString(PAGE_W - MARGIN, 10 * mm, page)
                super().showPage()
            super().save()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=footer,
        lang="fr-FR",
    )
    doc.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()
