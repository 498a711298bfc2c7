"""Rapports page: write the texts, generate the annual report in the background with a
progress bar, write a funder report."""

from __future__ import annotations

import io
import os
import stat
from datetime import date

from pypdf import PdfReader

from tierslieu_desktop.services.finance import funding as finance
from tierslieu_desktop.services.reporting import report_texts


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(p.extract_text() for p in reader.pages)


def test_generate_annual_report_from_the_page(ctx, qtbot, tmp_path):
    from tierslieu_desktop.ui.pages.reports.page import ReportsPage

    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.tabs.tabText(0) == "Rapport annuel"
    assert page.tabs.tabText(1) == "Comptes rendus aux financeurs"
    assert page.tabs.tabText(2) == "Exports"  # the exports helper's tab
    tab = page.annual
    tab.year.setValue(2025)
    tab.texts["edito"].setPlainText("Une année de partage au fablab.")
    tab.texts["perspectives"].setPlainText("Ouvrir le samedi matin.")
    seen: list[int] = []
    tab.progress.valueChanged.connect(seen.append)
    out = tmp_path / "rapport-2025.pdf"
    tab.generate(str(out))
    assert tab.progress.isVisible()
    assert not tab.generate_button.isEnabled()  # one generation at a time
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=20000)
    assert tab.progress.value() == 100
    assert any(0 < v < 100 for v in seen)  # the bar moved while the PDF was built
    assert "Rapport enregistré" in tab.status.text()
    assert tab.open_button.isEnabled() and tab.generate_button.isEnabled()
    text = pdf_text(out)
    assert "Rapport d'activité 2025" in text
    assert "Une année de partage au fablab." in text
    # the texts were saved for next time
    assert report_texts(ctx.db, 2025)["perspectives"] == "Ouvrir le samedi matin."
    tab.year.setValue(2024)
    assert tab.texts["edito"].toPlainText() == ""
    tab.texts["faits_marquants"].setPlainText("Brouillon 2024")  # typed, not saved
    tab.year.setValue(2025)
    assert tab.texts["edito"].toPlainText() == "Une année de partage au fablab."
    assert report_texts(ctx.db, 2024)["faits_marquants"] == "Brouillon 2024"  # kept


def test_generation_failure_is_shown(ctx, qtbot, tmp_path):
    from tierslieu_desktop.ui.pages.reports.page import ReportsPage

    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    tab = page.annual
    tab.generate(str(tmp_path / "no-such-folder" / "x.pdf"))
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=20000)
    assert "n'a pas pu" in tab.status.text()
    assert tab.generate_button.isEnabled() and not tab.open_button.isEnabled()


def test_write_a_funder_report_from_the_page(ctx, qtbot, tmp_path):
    from tierslieu_desktop.ui.pages.reports.page import ReportsPage

    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    tab = page.grants
    assert tab.table.rowCount() == 0
    funder = finance.save_funder(
        ctx.db,
        ctx.operator_id,
        name="Communauté de communes Cauvaldor",
        sector="public",
        level="epci",
    )
    gid = finance.save_grant(
        ctx.db, ctx.operator_id, funder_id=funder, purpose="Animation du fablab",
        nature="operating", period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
        requested_cents=2_000_000, granted_cents=1_800_000, granted_on=date(2025, 2, 1),
    )  # fmt: skip
    ctx.notify("grant", [gid])
    assert tab.table.rowCount() == 1
    assert not tab.generate_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.generate_button.isEnabled()
    out = tmp_path / "cr.pdf"
    assert tab.write(gid, str(out))
    assert os.name != "posix" or stat.S_IMODE(out.stat().st_mode) == 0o600  # personal data
    assert "Compte rendu enregistré" in tab.status.text()
    text = pdf_text(out).replace("\u202f", " ").replace("\u00a0", " ")
    assert "Communauté de communes Cauvaldor" in text and "18 000,00 €" in text


def test_the_main_window_opens_the_reports_page(ctx, qtbot):
    from tierslieu_desktop.ui.main_window import MainWindow
    from tierslieu_desktop.ui.pages.reports.page import ReportsPage

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.sidebar.setCurrentRow(window.PAGE_KEYS.index("reports"))
    assert isinstance(window.stack.currentWidget(), ReportsPage)
