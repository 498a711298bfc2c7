"""Spreadsheet writers: an XLSX sheet from headers and rows (openpyxl, imported when
used), a value as a French CSV cell. Used by the table exports (``services.finance.exports``)
and the activity figures (``services.activity.figures``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MONEY_FORMAT = '#,##0.00\\ "€"'  # shown "1 234,50 €" by a French spreadsheet
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


def write_sheet(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    money_headers: frozenset[str] = frozenset(),
) -> None:
    """Fill an openpyxl sheet: bold frozen header row; money (columns named in
    ``money_headers``) in euros, instants and dates as such, other ``Decimal`` values
    with two places; widths fitted to the content."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    widths = [len(h) for h in headers]
    for row in rows:
        ws.append(list(row))
    for col, header in enumerate(headers, start=1):
        money = header in money_headers
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            value = cell.value
            if money:
                cell.number_format = MONEY_FORMAT
                width = 14
            elif isinstance(value, datetime):
                cell.number_format = DATETIME_FORMAT
                width = 16
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
                width = 11
            elif isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
                width = 10
            else:
                width = len(str(value)) if value is not None else 0
            widths[col - 1] = max(widths[col - 1], width)
        ws.column_dimensions[get_column_letter(col)].width = min(60, widths[col - 1] + 2)


def csv_value(value: Any) -> str:
    """A value as French spreadsheets read it: decimal comma, JJ/MM/AAAA."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)
