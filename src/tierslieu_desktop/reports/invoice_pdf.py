"""Invoice, credit-note, receipt and reminder PDFs (ReportLab), EPC QR and Factur-X.

Input is a frozen ``domain.documents.InvoiceDoc`` (or ``UnpaidRow`` rows for a
reminder); output is PDF bytes. Nothing here touches the database. Legal content
follows docs/legal-fr.md §1 (mandatory mentions), §3 (Factur-X) and §4 (EPC QR).
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import segno
import segno.helpers
from babel import numbers as babel_numbers
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from stdnum import iban as stdnum_iban

from tierslieu_desktop.domain.documents import InvoiceDoc, InvoiceLineRow, UnpaidRow
from tierslieu_desktop.domain.lines import discount_excl, line_unit_price
from tierslieu_desktop.reports import pdf_base as base
from tierslieu_desktop.reports.facturx import facturx_xml, make_facturx
from tierslieu_desktop.reports.pdf_base import FONT, FONT_BOLD, money
from tierslieu_desktop.reports.sealed import printable_doc, printable_party, printable_unpaid

__all__ = [
    "epc_payload",
    "facturx_xml",
    "render_facturx",
    "render_invoice",
    "render_receipt",
    "render_reminder",
]

MARGIN = 16 * mm
_BIC = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
ACCENT = colors.HexColor("#1f4e79")
LIGHT = colors.HexColor("#e8eef5")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#b8c4d0")

base.register_fonts()
# Binary image streams: ReportLab's default ASCII85 encoding runs in pure Python (without
# the optional rl_accel) and costs ~18 ms per invoice for the logo and the QR code.
rl_config.useA85 = 0


def _style(name: str, size: float = 8.5, *, bold: bool = False, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        **({"leading": size * 1.25} | kw),
    )


S_BODY = _style("body")
S_SMALL = _style("small", 7, textColor=GREY)
S_SELLER = _style("seller", 12, bold=True, textColor=ACCENT, spaceAfter=1)
S_TITLE = _style("title", 16, bold=True, textColor=ACCENT)
S_BUYER_NAME = _style("buyer", 10, bold=True)
S_HEAD = _style("head", 7.5, bold=True, textColor=colors.white)
S_HEAD_R = _style("headr", 7.5, bold=True, textColor=colors.white, alignment=TA_RIGHT)
S_CELL = _style("cell", 8)
S_CELL_R = _style("cellr", 8, alignment=TA_RIGHT, leading=10)
S_PAY = _style("pay", 7.5, leading=9)
S_DETAIL = _style("detail", 6.8, textColor=GREY)
S_MENTION = _style("mention", 7, textColor=GREY, leading=9)
S_LABEL = _style("label", 7, textColor=GREY)


def _table_style(commands: list) -> TableStyle:
    """A TableStyle whose cells default to the embedded font (ReportLab's default is
    Helvetica, which is not embedded: PDF/A forbids it)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _para(text: str, style: ParagraphStyle = S_BODY) -> Paragraph:
    return Paragraph(_esc(text), style)


def _lines_para(lines: list[str], style: ParagraphStyle = S_BODY) -> Paragraph:
    """Several lines in one Paragraph (one layout pass instead of one per line)."""
    return Paragraph("<br/>".join(_esc(line) for line in lines if line), style)


def _longest_prefix(text: str, font: str, size: float, width: float) -> int:
    """How many first characters of ``text`` fit in ``width`` (at least one)."""
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid], font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` in lines of ``width`` at most: at spaces, and a word longer than the
    line (a reference, an e-mail address) cut where it must, never off the paper."""
    out: list[str] = []
    for part in simpleSplit(text, font, size, width) or [""]:
        while len(part) > 1 and stringWidth(part, font, size) > width:
            cut = _longest_prefix(part, font, size, width)
            out.append(part[:cut])
            part = part[cut:]
        out.append(part)
    return out


def _fit(text: str, font: str, size: float, width: float) -> str:
    """One line of ``width`` at most, cut with an ellipsis (a running header, a footer)."""
    if stringWidth(text, font, size) <= width:
        return text
    room = width - stringWidth("…", font, size)
    return text[: _longest_prefix(text, font, size, room)] + "…"


def _cell(text: str, width: float, style: ParagraphStyle, size: float) -> Any:
    """A plain table cell when ``text`` fits in ``width`` (fast), else a Paragraph that
    wraps it (long words split)."""
    if stringWidth(text, style.fontName, size) <= width:
        return text
    return Paragraph(_esc(text), style)


# --------------------------------------------------------------------------- EPC QR


def epc_payload(seller: dict, amount_cents: int, reference: str) -> str | None:
    """The EPC069-12 (version 002) text for a SEPA transfer, or None without a valid IBAN
    or when nothing is due."""
    iban = (seller.get("iban") or "").replace(" ", "").upper()
    if not iban or amount_cents <= 0 or not stdnum_iban.is_valid(iban):
        return None
    data = segno.helpers._make_epc_qr_data(  # type: ignore[attr-defined]  # not in segno's stubs
        _epc_name(seller),
        iban,
        Decimal(amount_cents) / 100,
        text=reference[:140],
        bic=_bic(seller),
        encoding=1,
    )
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


def _bic(seller: dict) -> str | None:
    """The seller's BIC when it is one (8 or 11 letters and digits), else None: the QR
    code is still valid without it (EPC069-12 v2, inside the EEA)."""
    bic = (seller.get("bic") or "").replace(" ", "").upper()
    return bic if _BIC.fullmatch(bic) else None


def _epc_name(seller: dict) -> str:
    return (seller.get("name") or "Bénéficiaire")[:70]


def _epc_png(seller: dict, amount_cents: int, reference: str) -> bytes | None:
    payload = epc_payload(seller, amount_cents, reference)
    if payload is None:
        return None
    # Same as segno.helpers.make_epc_qr (error level M, no boost, UTF-8) with a fixed mask:
    # any of the 8 masks is valid and decoders read it from the format information, and
    # choosing the "best" one costs ~20 ms in pure Python on every invoice.
    qr = segno.make_qr(payload.encode("utf-8"), error="m", boost_error=False, mask=2)
    return _qr_png(qr.matrix)


def _qr_png(matrix: Sequence[Sequence[int]], scale: int = 5, border: int = 4) -> bytes:
    """The QR modules as a black-on-white PNG with its quiet zone (Pillow's C encoder:
    segno's pure-Python PNG writer costs ~7 ms)."""
    from PIL import Image as PILImage

    size = len(matrix) + 2 * border
    blank = b"\xff" * size
    rows = [blank] * border
    side = b"\xff" * border
    for row in matrix:
        rows.append(side + bytes(0 if dark else 255 for dark in row) + side)
    rows += [blank] * border
    small = PILImage.frombytes("L", (size, size), b"".join(rows))
    big = small.resize((size * scale, size * scale), PILImage.Resampling.NEAREST).convert("1")
    out = io.BytesIO()
    big.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _transfer_block(seller: dict, amount_cents: int, reference: str) -> Table | None:
    """QR code + the same data in clear text (docs/legal-fr.md §4)."""
    png = _epc_png(seller, amount_cents, reference)
    if png is None:
        return None
    text = [
        Paragraph("<b>Payer par virement</b> (QR code SEPA, application bancaire)", S_BODY),
        _lines_para(
            [
                f"Bénéficiaire : {seller.get('name') or ''}",
                f"IBAN : {base.iban_text(seller['iban'])}",
                f"BIC : {seller['bic']}" if seller.get("bic") else "",
                f"Montant : {money(amount_cents)}",
                f"Référence à indiquer : {reference}",
            ]
        ),
    ]
    table = Table(
        [[Image(io.BytesIO(png), width=30 * mm, height=30 * mm), text]],
        colWidths=[33 * mm, None],
    )
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


# --------------------------------------------------------------------------- A4 frame


class _NumberedCanvas(rl_canvas.Canvas):
    """Draws the footer with "page/total" once the number of pages is known."""

    footer_lines: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = FONT  # no Helvetica (not embedded: PDF/A)
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # ReportLab API (camelCase)
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab internals, not in the stubs

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        width = self._pagesize[0]  # type: ignore[attr-defined]  # not in ReportLab's stubs
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        self.setFillColor(GREY)
        self.setFont(FONT, 6.5)
        y = 10.5 * mm
        room = width - 2 * MARGIN - 12 * mm  # the page number on the right
        for line in self.footer_lines[:2]:
            self.drawString(MARGIN, y, _fit(line, FONT, 6.5, room))
            y -= 3 * mm
        self.drawRightString(width - MARGIN, 10.5 * mm, f"{self.getPageNumber()}/{total}")


def _build_a4(
    story: list, *, title: str, footer: list[str], later_header: str, author: str = ""
) -> bytes:
    buf = io.BytesIO()
    width, height = A4
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=20 * mm,
        title=title,
        author=author,
        creator="Tiers-Lieu Desktop",
        subject=title,
        lang="fr-FR",
    )
    frame_first = Frame(MARGIN, 20 * mm, width - 2 * MARGIN, height - MARGIN - 20 * mm, id="f")
    frame_later = Frame(
        MARGIN, 20 * mm, width - 2 * MARGIN, height - MARGIN - 20 * mm - 8 * mm, id="l"
    )

    def on_later(canv: rl_canvas.Canvas, _doc: Any) -> None:
        canv.setFont(FONT, 8)
        canv.setFillColor(GREY)
        canv.drawString(
            MARGIN, height - MARGIN - 4 * mm, _fit(later_header, FONT, 8, width - 2 * MARGIN)
        )

    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frame_first], autoNextPageTemplate="later"),
            PageTemplate(id="later", frames=[frame_later], onPage=on_later),
        ]
    )

    class FooterCanvas(_NumberedCanvas):
        footer_lines = footer

    doc.build(story, canvasmaker=FooterCanvas)
    return buf.getvalue()


def _footer_lines(seller: dict) -> list[str]:
    first = " — ".join(
        p
        for p in (
            seller.get("name") or "",
            ", ".join(base.address_lines(seller)),
        )
        if p
    )
    second = " — ".join(base.seller_legal_lines(seller))
    return [first, second]


@functools.lru_cache(maxsize=4)
def _prepared_logo(logo: bytes) -> tuple[bytes, int, int] | None:
    """The logo flattened on white as a JPEG (ReportLab embeds a JPEG as is: decoding and
    re-compressing a PNG with transparency on every invoice costs ~20 ms). None when the
    image cannot be read: a broken logo must never prevent issuing an invoice."""
    from PIL import Image as PILImage

    try:
        with PILImage.open(io.BytesIO(logo)) as im:
            im.load()
            rgba = im.convert("RGBA")
    except Exception:
        return None
    flat = PILImage.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, format="JPEG", quality=92)
    return out.getvalue(), flat.width, flat.height


def _seller_block(seller: dict, logo: bytes | None) -> list:
    out: list = []
    prepared = _prepared_logo(logo) if logo else None
    if prepared is not None:
        data, w, h = prepared
        scale = min(45 * mm / w, 18 * mm / h)
        img = Image(io.BytesIO(data), width=w * scale, height=h * scale)
        img.hAlign = "LEFT"
        out += [img, Spacer(1, 2 * mm)]
    out.append(_para(seller.get("name") or "", S_SELLER))
    lines = base.address_lines(seller)
    lines.append(" · ".join(seller.get(k) or "" for k in ("phone", "email") if seller.get(k)))
    lines.append(seller.get("website") or "")
    lines += base.seller_legal_lines(seller)
    out.append(_lines_para(lines, S_SMALL))
    return out


def _buyer_block(title: str, buyer: dict, business: bool) -> Table:
    cell = [_para(title, S_LABEL), _para(buyer.get("name") or "", S_BUYER_NAME)]
    cell.append(_lines_para(base.buyer_lines(buyer, business)))
    table = Table([[cell]], colWidths=[80 * mm])
    table.setStyle(
        _table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f8fb")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _header(seller: dict, buyer: dict, business: bool, logo: bytes | None, label: str) -> Table:
    table = Table(
        [[_seller_block(seller, logo), _buyer_block(label, buyer, business)]],
        colWidths=[None, 82 * mm],
    )
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    return table


def _meta_table(pairs: list[tuple[str, str]]) -> Table:
    rows = [[k, v] for k, v in pairs if v]  # plain cells: no Paragraph layout
    table = Table(rows, colWidths=[42 * mm, None], hAlign="LEFT")
    table.setStyle(
        _table_style(
            [
                ("FONTSIZE", (0, 0), (0, -1), 7),
                ("TEXTCOLOR", (0, 0), (0, -1), GREY),
                ("FONTSIZE", (1, 0), (1, -1), 8.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


# --------------------------------------------------------------------------- invoice


def _discount_excl(line: InvoiceLineRow) -> int:
    return discount_excl(line.discount_cents, line.vat_rate_bp)


def _unit_price(line: InvoiceLineRow) -> str:
    """The unit price excl. VAT, as in the Factur-X XML: quantity × unit price = total
    excl. VAT + discount (domain.lines.line_unit_price), 2 to 6 decimals."""
    value = line_unit_price(
        line.total_excl_cents, line.discount_cents, line.vat_rate_bp, line.quantity_milli
    )
    return babel_numbers.format_currency(
        value, "EUR", format="#,##0.00####\u00a0¤", locale=base.LOCALE, currency_digits=False
    )


def _vat_free(doc: InvoiceDoc) -> bool:
    """No line bears VAT (franchise, exempt, outside the scope): no VAT column nor rate
    is printed, only the legal mentions."""
    return not any(line.vat_rate_bp or line.vat_cents for line in doc.lines)


def _designation(line: InvoiceLineRow, show_mention: bool) -> Paragraph:
    text = _esc(line.designation)
    if line.detail:
        text += f"<br/><font size=6.8 color='#555555'>{_esc(line.detail)}</font>"
    if show_mention and line.vat_rate_bp == 0 and line.vat_mention:
        text += f"<br/><font size=6.5 color='#555555'>{_esc(line.vat_mention)}</font>"
    return Paragraph(text, S_CELL)


def _lines_table(doc: InvoiceDoc) -> Table:
    vat_free = _vat_free(doc)
    heads = ["Désignation", "Qté", "Unité", "P.U. HT", "Remise", "TVA", "Total HT"]
    widths: list[float | None] = [None, 13 * mm, 15 * mm, 21 * mm, 19 * mm, 13 * mm, 23 * mm]
    if vat_free:  # a franchise invoice never prints a "TVA 0 %" column
        del heads[5], widths[5]
    rows: list[list] = [[Paragraph(h, S_HEAD if i == 0 else S_HEAD_R) for i, h in enumerate(heads)]]
    show_line_mention = doc.vat_regime != "franchise"
    room = A4[0] - 2 * MARGIN - sum(w for w in widths if w) - 12
    for line in doc.lines:
        extra = line.detail or (show_line_mention and line.vat_rate_bp == 0 and line.vat_mention)
        if not extra and stringWidth(line.designation, FONT, 8) <= room:
            designation: Any = line.designation  # a plain cell: 3× faster than a Paragraph
        else:
            designation = _designation(line, show_line_mention)
        discount = _discount_excl(line)
        row = [
            designation,
            base.quantity(line.quantity_milli),
            _cell(line.unit or "", 15 * mm - 12, S_CELL_R, 8),  # 15 mm less the padding
            _unit_price(line),
            money(discount) if discount else "",
            base.rate(line.vat_rate_bp),
            money(line.total_excl_cents),
        ]
        if vat_free:
            del row[5]
        rows.append(row)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        _table_style(
            [
                ("FONTNAME", (0, 1), (-1, -1), FONT),
                ("FONTSIZE", (0, 1), (-1, -1), 8),
                ("LEADING", (0, 1), (-1, -1), 10),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f8fafc")]),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _totals_table(doc: InvoiceDoc) -> Table:
    rows: list[list[str]] = [["Total HT", money(doc.total_excl_cents)]]
    if not _vat_free(doc):
        for rate_bp, base_excl, vat in doc.vat_breakdown:
            rows.append([f"TVA {base.rate(rate_bp)} sur {money(base_excl)}", money(vat)])
        if not doc.vat_breakdown:
            rows.append(["TVA", money(doc.total_vat_cents)])
    rows.append(["Total TTC", money(doc.total_incl_cents)])
    strong = len(rows) - 1
    if doc.kind == "credit_note":
        if doc.paid_cents:
            rows.append(["Remboursé", money(-doc.paid_cents)])
    else:
        if doc.paid_cents:
            rows.append(["Déjà payé", money(doc.paid_cents)])
        if doc.credited_cents:
            rows.append(["Avoirs déduits", money(-doc.credited_cents)])
        rows.append(["Reste à payer", money(doc.balance_cents)])
    table = Table(rows, colWidths=[52 * mm, 28 * mm], hAlign="RIGHT")
    table.setStyle(
        _table_style(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, strong), (-1, strong), LIGHT),
                ("FONTNAME", (0, strong), (-1, strong), FONT_BOLD),
                ("FONTSIZE", (0, strong), (-1, strong), 10),
                ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
                ("LINEABOVE", (0, strong), (-1, strong), 0.6, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _payments_table(doc: InvoiceDoc) -> Table | None:
    if not doc.payments:
        return None
    rows = [["Date", "Mode de règlement", "Montant"]]
    for p in doc.payments:
        method = base.METHOD_LABELS.get(p.method, p.method)
        extra = [p.cheque_number and f"n° {p.cheque_number}", p.bank, p.reference]
        if p.voucher_count:
            extra.append(f"{p.voucher_count} chèque(s)")
        if p.change_cents:
            extra.append(f"rendu {money(p.change_cents)}")
        detail = ", ".join(e for e in extra if e)
        label = f"{method} ({detail})" if detail else method
        rows.append([base.day(p.at), _cell(label, 75 * mm - 6, S_PAY, 7.5), money(p.amount_cents)])
    table = Table(rows, colWidths=[22 * mm, 75 * mm, 25 * mm], hAlign="LEFT")
    table.setStyle(
        _table_style(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("TEXTCOLOR", (0, 0), (-1, 0), GREY),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def render_invoice(doc: InvoiceDoc, *, logo: bytes | None = None) -> bytes:
    """The A4 PDF of an invoice or a credit note (texts made printable, see
    :mod:`tierslieu_desktop.reports.sealed`)."""
    doc = printable_doc(doc)
    seller, buyer = doc.seller, doc.buyer
    title = base.doc_title(doc)
    story: list = [_header(seller, buyer, doc.buyer_is_business, logo, "Facturé à")]
    story.append(Spacer(1, 7 * mm))
    story.append(_para(title, S_TITLE))
    story.append(Spacer(1, 2 * mm))
    issued = base.issue_day(doc)
    meta = [("Date d'émission", base.day(issued))]
    if doc.kind == "credit_note":
        ref = f"n° {doc.credited_invoice_number or '?'}"
        if doc.credited_invoice_date:
            ref += f" du {base.day(doc.credited_invoice_date)}"
        meta.append(("Avoir sur la facture", ref))
    meta.append(("Date(s) de prestation", base.service_period(doc)))
    if doc.kind != "credit_note":
        meta.append(("Échéance", base.day(doc.due_date or issued)))
        meta.append(("Conditions de paiement", base.payment_terms(doc)))
    if doc.credit_note_numbers:
        meta.append(("Avoir(s) émis", ", ".join(doc.credit_note_numbers)))
    meta.append(("Catégorie d'opération", base.operation_category(doc)))
    story.append(_meta_table(meta))
    story.append(Spacer(1, 5 * mm))
    story.append(_lines_table(doc))
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether([_totals_table(doc)]))
    story.append(Spacer(1, 4 * mm))
    status: list = [Paragraph(f"<b>{_esc(base.payment_status(doc))}</b>", S_BODY)]
    payments = _payments_table(doc)
    if payments is not None:
        status += [Spacer(1, 1.5 * mm), payments]
    story.append(KeepTogether(status))
    if doc.kind != "credit_note" and doc.balance_cents > 0:
        transfer = _transfer_block(seller, doc.balance_cents, doc.number)
        if transfer is not None:
            story += [Spacer(1, 4 * mm), KeepTogether([transfer])]
    if doc.note:
        story += [Spacer(1, 3 * mm), _para(doc.note, S_BODY)]
    story += [Spacer(1, 5 * mm), _lines_para(base.all_mentions(doc), S_MENTION)]
    return _build_a4(
        story,
        title=title,
        footer=_footer_lines(seller),
        later_header=f"{title} — {buyer.get('name') or ''} (suite)",
        author=seller.get("name") or "",
    )


def render_facturx(
    doc: InvoiceDoc, *, logo: bytes | None = None, profile: str = "en16931"
) -> bytes:
    """The invoice PDF as Factur-X: PDF/A-3 (fonts embedded, sRGB output intent) with
    the CII XML embedded as ``factur-x.xml``; the XML is checked against the XSD."""
    doc = printable_doc(doc)
    return make_facturx(render_invoice(doc, logo=logo), facturx_xml(doc, profile), doc, profile)


# --------------------------------------------------------------------------- receipt

RECEIPT_WIDTH = 80 * mm


def render_receipt(doc: InvoiceDoc) -> bytes:
    """An 80 mm wide ticket for a thermal printer: the same legal content, in short."""
    doc = printable_doc(doc)
    margin = 4 * mm
    width = RECEIPT_WIDTH - 2 * margin
    ops: list[tuple[str, str, float, str]] = []  # (kind, text, size, align)

    def text(value: str, size: float = 7.5, align: str = "L", bold: bool = False) -> None:
        font = FONT_BOLD if bold else FONT
        for part in _wrap(value, font, size, width):
            ops.append((font, part, size, align))

    def pair(left: str, right: str, size: float = 7.5, bold: bool = False) -> None:
        font = FONT_BOLD if bold else FONT
        parts = _wrap(left, font, size, width - stringWidth(right, font, size) - 2 * mm)
        for part in parts[:-1]:
            ops.append((font, part, size, "L"))
        ops.append((font, parts[-1] + "\t" + right, size, "P"))

    def rule() -> None:
        ops.append(("rule", "", 4, ""))

    seller, buyer = doc.seller, doc.buyer
    text(seller.get("name") or "", 10, "C", True)
    for line in base.address_lines(seller):
        text(line, 7, "C")
    for line in base.seller_legal_lines(seller):
        text(line, 6.5, "C")
    rule()
    text(base.doc_title(doc), 9, "C", True)
    text(
        f"Émise le {base.day_time(doc.issued_at)}" + (f" — poste {doc.desk}" if doc.desk else ""),
        7,
        "C",
    )
    if doc.kind == "credit_note":
        ref = f"Avoir sur la facture n° {doc.credited_invoice_number or '?'}"
        if doc.credited_invoice_date:
            ref += f" du {base.day(doc.credited_invoice_date)}"
        text(ref, 7, "C")
    text(f"Prestation : {base.service_period(doc)}", 7, "C")
    text(f"Catégorie d'opération : {base.operation_category(doc)}", 7, "C")
    text(f"Client : {buyer.get('name') or ''}", 7.5)
    for line in base.buyer_lines(buyer, doc.buyer_is_business):
        text(line, 6.5)
    rule()
    vat_free = _vat_free(doc)
    for item in doc.lines:
        text(item.designation, 7.5)
        detail = (
            f"  {base.quantity(item.quantity_milli)} {item.unit or ''} × {_unit_price(item)} HT"
        )
        if not vat_free:
            detail += f", TVA {base.rate(item.vat_rate_bp)}"
        pair(detail, money(item.total_excl_cents), 6.5)
        if item.discount_cents:
            pair("  dont remise HT", money(_discount_excl(item)), 6.5)
    rule()
    pair("Total HT", money(doc.total_excl_cents))
    for rate_bp, base_excl, vat in [] if vat_free else doc.vat_breakdown:
        pair(f"TVA {base.rate(rate_bp)} sur {money(base_excl)}", money(vat), 7)
    pair("Total TTC", money(doc.total_incl_cents), 9.5, True)
    for p in doc.payments:
        pair(base.METHOD_LABELS.get(p.method, p.method), money(p.amount_cents), 7)
        if p.tendered_cents:
            pair("  Reçu", money(p.tendered_cents), 6.5)
        if p.change_cents:
            pair("  Rendu", money(p.change_cents), 6.5)
    if doc.kind != "credit_note":
        pair("Reste à payer", money(doc.balance_cents), 8, True)
    text(base.payment_status(doc), 7)
    if doc.kind != "credit_note" and doc.balance_cents > 0:
        text(f"Échéance : {base.day(doc.due_date)} — {base.payment_terms(doc)}", 6.5)
        if seller.get("iban"):
            text(f"IBAN {base.iban_text(seller['iban'])} — réf. {doc.number}", 6.5)
    rule()
    for mention in base.all_mentions(doc):
        text(mention, 6)
    text("Merci de votre visite !", 7.5, "C")

    heights = [4 * mm if kind == "rule" else size * 1.3 for kind, _, size, _ in ops]
    page_h = sum(heights) + 2 * margin
    buf = io.BytesIO()
    c = rl_canvas.Canvas(
        buf,
        pagesize=(RECEIPT_WIDTH, page_h),
        pageCompression=1,
        initialFontName=FONT,  # type: ignore[arg-type]  # a font name; the stubs say float
    )
    c.setTitle(base.doc_title(doc))
    c.setAuthor(seller.get("name") or "")
    c.setCreator("Tiers-Lieu Desktop")
    y = page_h - margin
    for (font, value, size, align), h in zip(ops, heights, strict=True):
        y -= h
        if font == "rule":
            c.setDash(1, 2)
            c.setLineWidth(0.4)
            c.line(margin, y + h / 2, RECEIPT_WIDTH - margin, y + h / 2)
            continue
        c.setFont(font, size)
        if align == "C":
            c.drawCentredString(RECEIPT_WIDTH / 2, y + size * 0.3, value)
        elif align == "P":
            left, right = value.rsplit("\t", 1)
            c.drawString(margin, y + size * 0.3, left)
            c.drawRightString(RECEIPT_WIDTH - margin, y + size * 0.3, right)
        else:
            c.drawString(margin, y + size * 0.3, value)
    c.showPage()
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- reminder


def render_reminder(
    rows: Sequence[UnpaidRow], buyer: dict, seller: dict, today: date, *, logo: bytes | None = None
) -> bytes:
    """A reminder (relance) listing a member's unpaid invoices with their age."""
    buyer, seller = printable_party(buyer), printable_party(seller)
    rows = [printable_unpaid(r) for r in rows]
    business = buyer.get("kind") == "organisation"
    story: list = [_header(seller, buyer, business, logo, "Destinataire")]
    story.append(Spacer(1, 8 * mm))
    story.append(_para("Relance — factures impayées", S_TITLE))
    story.append(Spacer(1, 2 * mm))
    story.append(_meta_table([("Date", base.day(today))]))
    story.append(Spacer(1, 4 * mm))
    story.append(
        _para(
            "Sauf erreur de notre part, les factures ci-dessous restent impayées à ce jour. "
            "Nous vous remercions de bien vouloir procéder à leur règlement. Si votre "
            "paiement a été envoyé entre-temps, merci de ne pas tenir compte de ce courrier."
        )
    )
    story.append(Spacer(1, 4 * mm))
    heads = ["Facture", "Émise le", "Échéance", "Montant TTC", "Reste dû", "Âge", "Retard"]
    table_rows: list[list] = [
        [Paragraph(h, S_HEAD if i < 3 else S_HEAD_R) for i, h in enumerate(heads)]
    ]
    total = 0
    for r in rows:
        total += r.balance_cents
        table_rows.append(
            [
                r.number,
                base.day(r.issued_at),
                base.day(r.due_date),
                money(r.total_incl_cents),
                money(r.balance_cents),
                f"{r.age_days} j",
                f"{r.overdue_days} j" if r.overdue_days > 0 else "—",
            ]
        )
    table_rows.append(["Total dû", "", "", "", money(total), "", ""])
    table = Table(
        table_rows,
        colWidths=[None, 22 * mm, 22 * mm, 26 * mm, 26 * mm, 16 * mm, 16 * mm],
        repeatRows=1,
    )
    table.setStyle(
        _table_style(
            [
                ("FONTNAME", (0, 1), (-1, -1), FONT),
                ("FONTSIZE", (0, 1), (-1, -1), 8),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, RULE),
                ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
                ("BACKGROUND", (0, -1), (-1, -1), LIGHT),
            ]
        )
    )
    story.append(table)
    reference = "Relance " + " ".join(r.number for r in rows)
    transfer = _transfer_block(seller, total, reference[:140])
    if transfer is not None:
        story += [Spacer(1, 6 * mm), KeepTogether([transfer])]
    mentions = []
    if business:
        mentions = [base.PENALTY, base.INDEMNITY]
    if mentions:
        story += [Spacer(1, 5 * mm)] + [_para(m, S_MENTION) for m in mentions]
    return _build_a4(
        story,
        title=f"Relance — {buyer.get('name') or ''}",
        footer=_footer_lines(seller),
        later_header=f"Relance du {base.day(today)} — {buyer.get('name') or ''} (suite)",
        author=seller.get("name") or "",
    )
