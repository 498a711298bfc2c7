"""Spreadsheet writers: an XLSX sheet from headers and rows (openpyxl, imported when
used), a value as a French CSV cell. Used by the table exports (``services.finance.exports``),
the activity figures (``services.activity.figures``) and the tariff file
(``services.pricing.tariff_csv``).

What a user typed is never run by the spreadsheet that opens the file (formula injection,
OWASP "CSV Injection"): a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is an XLSX text cell with a quote prefix, and a CSV cell prefixed with ``'``; numbers
(a negative amount too) stay numbers. Characters a spreadsheet file cannot hold (NUL and the
other C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates) are written as
U+FFFD "�", and a text longer than a cell holds is cut with "…", so one bad name never
breaks a whole export."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MONEY_FORMAT = '#,##0.00\\ "€"'  # shown "1 234,50 €" by a French spreadsheet
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"

# First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CELL_MAX = 32_767  # characters in one cell (Excel, LibreOffice)
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def writable_text(text: str) -> str:
    """``text`` with what a spreadsheet file cannot hold replaced by "\ufffd", cut with
    "…" past the 32,767 characters a spreadsheet cell holds (a hand-edited row)."""
    text = _UNWRITABLE.sub("\ufffd", text)
    if len(text) > CELL_MAX:
        text = text[: CELL_MAX - 1] + "…"
    return text


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """A text as a CSV cell a spreadsheet shows as typed: ``'`` before a formula-like
    start (OWASP), unwritable characters replaced."""
    text = writable_text(text)
    return "'" + text if is_formula_like(text) else text


def uncsv_text(text: str) -> str:
    """The text :func:`csv_text` wrote (the ``'`` before a formula-like start removed)."""
    return text[1:] if text.startswith("'") and is_formula_like(text[1:]) else text


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

    ws.append([writable_text(h) for h in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    widths = [len(h) for h in headers]
    for row in rows:
        ws.append([writable_text(v) if isinstance(v, str) else v for v in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and is_formula_like(cell.value):
                cell.data_type = "s"  # text, never a formula
                cell.quotePrefix = True  # and stays text when edited
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
    """A value as French spreadsheets read it: decimal comma, JJ/MM/AAAA; a text as
    :func:`csv_text` (numbers, negative ones too, are never prefixed)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str):
        return csv_text(value)
    return str(value)
