"""A month of digital inclusion as the "Coop de la médiation numérique" exports it
(issue 22, domain.mediation): sheet « Activités », the Coop's columns in its order, one
line per beneficiary of an activity (header on the first row, so that a spreadsheet or an
import reads it as is); sheet « Chiffres du mois », the month's totals and its tables by
theme, public, age range, situation, commune and gender."""

from __future__ import annotations

import io

from tierslieu_desktop.domain.mediation import (
    EXPORT_COLUMNS,
    MediationMonth,
    export_row,
    month_figures,
)
from tierslieu_desktop.reports.sheets import writable_text, write_sheet

ACTIVITIES_SHEET = "Activités"
FIGURES_SHEET = "Chiffres du mois"


def mediation_xlsx(month: MediationMonth) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = ACTIVITIES_SHEET
    write_sheet(ws, EXPORT_COLUMNS, [export_row(r) for r in month.records])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    figures = wb.create_sheet(FIGURES_SHEET)
    bold = Font(bold=True)
    title = f"{month.structure} — du {month.first_day:%d/%m/%Y} au {month.last_day:%d/%m/%Y}"
    figures.append([writable_text(title.strip(" —"))])
    figures["A1"].font = Font(bold=True, size=13)
    totals, tables = month_figures(month)
    figures.append([])
    for label, n in totals:
        figures.append([label, n])
    for table in tables:
        figures.append([])
        figures.append([table.title, "Bénéficiaires"])
        for cell in figures[figures.max_row]:
            cell.font = bold
        for label, n in table.rows:
            figures.append([writable_text(label), n])
    figures.column_dimensions["A"].width = 62
    figures.column_dimensions["B"].width = 14
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
