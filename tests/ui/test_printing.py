"""Printing from the application (ui/printing.py), files the system cannot open and files
saved (ui/desktop_files.py), Qt's own French, and where file dialogs start
(ui/file_dialogs.py). The printer is a PDF file: no real printer, no dialog shown."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from test_checkout_page import page, sell_half_cash_half_card, shop  # noqa: F401

from tierslieu_desktop import config
from tierslieu_desktop.ui import file_dialogs, printing
from tierslieu_desktop.ui.file_dialogs import SafeFileDialog

MM = 72 / 25.4


def three_pages() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(3):
        c.drawString(100, 700, f"Page {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture
def to_file(monkeypatch, tmp_path):
    """The print preview replaced by a printer writing ``printed.pdf``: what came out."""
    out = tmp_path / "printed.pdf"
    shown: list[str] = []

    def preview(printer: QPrinter, paint, _parent, title: str) -> bool:
        shown.append(title)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return paint(printer) > 0

    monkeypatch.setattr(printing, "preview", preview)
    return out, shown


def test_every_page_of_the_pdf_is_printed_on_its_own_paper(qapp, to_file):
    out, shown = to_file
    assert printing.print_pdf(None, three_pages(), "report", "Rapport")
    printed = PdfReader(out)
    assert len(printed.pages) == 3 and shown == ["Rapport"]
    box = printed.pages[0].mediabox
    assert abs(float(box.width) - A4[0]) < 2 and abs(float(box.height) - A4[1]) < 2


def test_the_ticket_is_printed_on_80_mm_paper_from_the_sale(page, db, to_file):  # noqa: F811
    out, shown = to_file
    sell_half_cash_half_card(page)
    issued = page.basket.issued_dialog
    issued.print_button.click()
    printed = PdfReader(out)
    source = PdfReader(io.BytesIO(printing_source(issued)))
    assert len(printed.pages) == len(source.pages) >= 1
    width = float(printed.pages[0].mediabox.width)
    assert abs(width - 80 * MM) < 2  # the roll's width, not A4
    assert shown == [issued.tr("Print the ticket")]
    issued.print_invoice_button.click()  # the A4 invoice, from the same dialog
    assert abs(float(PdfReader(out).pages[0].mediabox.width) - A4[0]) < 2


def printing_source(issued) -> bytes:
    from tierslieu_desktop.reports.invoice_pdf import render_receipt

    return render_receipt(issued.doc)


class FakePrinter:
    def __init__(self, name: str, fmt=QPrinter.OutputFormat.NativeFormat) -> None:
        self.name, self.fmt = name, fmt

    def printerName(self) -> str:
        return self.name

    def outputFormat(self):
        return self.fmt


def test_the_printer_of_each_kind_of_document_is_remembered(qapp):
    printing.remember_printer("receipt", FakePrinter("EPSON_TM_T20"))
    printing.remember_printer("invoice", FakePrinter("Bureau"))
    printing.remember_printer("invoice", FakePrinter("", QPrinter.OutputFormat.PdfFormat))
    assert printing.remembered_printer("receipt") == "EPSON_TM_T20"
    assert printing.remembered_printer("invoice") == "Bureau"  # a PDF file is no printer
    assert printing.remembered_printer("attendance") == ""
    assert config.load_settings()["printers"] == {"receipt": "EPSON_TM_T20", "invoice": "Bureau"}


def test_without_a_pdf_viewer_the_user_is_told_and_can_print(page, monkeypatch, to_file):  # noqa: F811
    out, _shown = to_file
    opened: list[str] = []

    def no_viewer(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", no_viewer)
    said: list[str] = []

    def exec_and_print(box: QMessageBox) -> int:
        said.append(box.text())
        box.findChild(QPushButton, "printButton").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_and_print)
    sell_half_cash_half_card(page)
    issued = page.basket.issued_dialog
    issued.open_button.click()
    name = f"{issued.doc.number}.pdf"
    assert opened and Path(opened[0]).name == name
    assert len(said) == 1 and name in said[0]
    assert len(PdfReader(out).pages) >= 1  # printed from the message instead


def test_a_saved_invoice_is_announced_with_open_and_folder(page, monkeypatch, tmp_path):  # noqa: F811
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    target = tmp_path / "facture.pdf"
    monkeypatch.setattr(
        "tierslieu_desktop.ui.pages.checkout.basket_tab.save_path", lambda *a: str(target)
    )
    sell_half_cash_half_card(page)
    page.basket.issued_dialog.pdf_button.click()
    assert target.is_file()
    boxes = [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "savedBox" and w.isVisible()
    ]
    assert len(boxes) == 1
    box = boxes[0]
    assert "facture.pdf" in box.text() and str(tmp_path) in box.informativeText()
    box.findChild(QPushButton, "folderButton").click()
    assert opened == [str(tmp_path)]
    page.basket.issued_dialog.pdf_button.click()  # saved again: still one window
    shown = [w for w in QApplication.topLevelWidgets() if w.objectName() == "savedBox"]
    assert len([w for w in shown if w.isVisible()]) == 1


def test_qt_own_dialogs_speak_french(qapp):
    from tierslieu_desktop.app import install_translators

    translators = install_translators(qapp, "fr")
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
        assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"
        assert QCoreApplication.translate("QPrintPreviewDialog", "Print Preview") == (
            "Aperçu avant impression"
        )
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_each_kind_of_dialog_starts_in_the_folder_used_last_for_it(qtbot, qapp, tmp_path):
    fec = tmp_path / "compta"
    fec.mkdir()
    first = SafeFileDialog(None, "FEC", mode=SafeFileDialog.FileMode.Directory, kind="fec")
    qtbot.addWidget(first)
    assert Path(first.directory().absolutePath()) == file_dialogs.documents_folder()

    def answer() -> None:
        dialog = qapp.activeModalWidget()
        if not isinstance(dialog, SafeFileDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(fec))
        dialog.accept()

    QTimer.singleShot(20, answer)
    assert file_dialogs.choose_folder(None, "FEC", kind="fec") == str(fec)
    again = SafeFileDialog(None, "FEC", mode=SafeFileDialog.FileMode.Directory, kind="fec")
    qtbot.addWidget(again)
    assert Path(again.directory().absolutePath()) == fec  # also after a restart: settings
    assert config.load_settings()["last_folders"] == {"fec": str(fec)}
    other = SafeFileDialog(None, "PDF", save=True, directory="f.pdf", kind="invoices")
    qtbot.addWidget(other)
    assert Path(other.directory().absolutePath()) == file_dialogs.documents_folder()


def test_desktop_files_is_the_only_place_that_asks_the_system_to_open_a_file():
    ui = Path(file_dialogs.__file__).parent
    users = [
        p.relative_to(ui).as_posix()
        for p in ui.rglob("*.py")
        if "openUrl" in p.read_text(encoding="utf-8") and p.name != "desktop_files.py"
    ]
    assert users == []
