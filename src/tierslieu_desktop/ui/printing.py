"""Printing from the application: every « Imprimer » action of the screens comes here.

The documents are the PDF bytes the reports already draw (invoices, 80 mm tickets,
reminders, attendance sheets, reports): QtPdf reads them and each page is painted onto
the QPrinter chosen in Qt's print preview (``QPrintPreviewDialog``: the pages as they will
come out, the printer, its paper and the copies). Nothing depends on a PDF viewer being
installed.

- The paper proposed is the document's own page size: A4 for an invoice, 80 mm wide and
  as long as its content for a ticket (a roll printer cuts there); a page is scaled to
  the paper chosen, never cropped, its proportions kept.
- The printer chosen for each kind of document (``KINDS``) is remembered in the settings
  (``printers``) and proposed the next time: the ticket goes to the roll printer, the
  invoice to the office printer, without choosing each time.
- Pages are rendered at the printer's resolution, at most ``MAX_DPI`` (a 1200 dpi laser
  would otherwise need half a gigabyte per A4 page).

Tests pass their own ``preview`` (a printer writing a PDF file, no dialog shown).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from tierslieu_desktop import config

KINDS = ("invoice", "receipt", "reminder", "attendance", "report")
MAX_DPI = 300
SETTING = "printers"

PaintFn = Callable[[QPrinter], int]
# (printer, paint, parent, title) -> printed?
PreviewFn = Callable[[QPrinter, PaintFn, QWidget | None, str], bool]


def load_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """The document read from its bytes (the buffer must live as long as the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` onto ``printer`` (one sheet each); the pages painted."""
    count = document.pageCount()
    if count <= 0:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        for index in range(count):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            if points.width() <= 0 or points.height() <= 0:
                continue
            image = document.render(
                index,
                QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)),
            )
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            left = (paper.width() - width) / 2  # centred across, from the top
            painter.drawImage(QRectF(left, 0, width, height), image)
    finally:
        painter.end()
    return count


def remembered_printer(kind: str) -> str:
    chosen = config.load_settings().get(SETTING)
    name = chosen.get(kind) if isinstance(chosen, dict) else None
    return name if isinstance(name, str) else ""


def remember_printer(kind: str, printer: QPrinter) -> None:
    """Keep the printer used for ``kind`` (not a PDF file written instead of printing)."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not printer.printerName():
        return
    chosen = config.load_settings().get(SETTING)
    printers = dict(chosen) if isinstance(chosen, dict) else {}
    if printers.get(kind) != printer.printerName():
        printers[kind] = printer.printerName()
        config.save_setting(SETTING, printers)


def make_printer(kind: str, document: QPdfDocument) -> QPrinter:
    """A printer for ``kind``: the one used last for it when it still exists, the paper
    of the document's first page, no margin added (the PDF has its own)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = remembered_printer(kind)
    if name and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)
    prepare_paper(printer, document)
    return printer


def prepare_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """The document's page size and orientation on ``printer``, the whole sheet usable."""
    if document.pageCount() > 0:
        points = document.pagePointSize(0)
        landscape = points.width() > points.height()
        size = QSizeF(points.height(), points.width()) if landscape else points
        page = QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        printer.setPageSize(page)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def show_preview(printer: QPrinter, paint: PaintFn, parent: QWidget | None, title: str) -> bool:
    """Qt's print preview: the pages, the printer, its paper; True once printed."""
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.paintRequested.connect(paint)
    dialog.resize(900, 700)
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()


preview: PreviewFn = show_preview  # tests replace it (module attribute: every caller sees it)


def print_pdf(parent: QWidget | None, data: bytes, kind: str, title: str) -> bool:
    """Show the print preview of the PDF ``data`` and print it; True when it was printed.
    ``kind`` (one of ``KINDS``) chooses the printer proposed."""
    document, buffer = load_pdf(data)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() <= 0:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("Printing", "The document could not be read for printing."),
        )
        return False
    printer = make_printer(kind, document)
    printed = preview(printer, lambda target: paint_pdf(document, target), parent, title)
    if printed:
        remember_printer(kind, printer)
    buffer.close()
    return printed
