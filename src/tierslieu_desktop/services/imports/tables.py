"""An imported file as a table of cells: the header line, then each line with its
number as the user sees it in a spreadsheet or a text editor (the header is line 1).

CSV files are decoded as ``domain.inputs.decode_text`` does (UTF-8 with or without BOM,
else Windows-1252) and their separator is guessed from the header line (``;`` — what a
French Excel writes —, ``,`` or tab). XLSX files are read with openpyxl in read-only mode
(first sheet unless one is named): dates come as ``datetime``, numbers as ``int`` or
``float``, the rest as text. ``limit`` stops after that many data lines, which is how
the preview shows the first lines of a 20,000-line file at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.inputs import decode_text

Cell = str | int | float | date | datetime | None
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_SEPARATORS = (";", ",", "\t")
# Excel's day 0 for serial dates (1900 system, with its 29 February 1900 bug absorbed)
_EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class Row:
    line: int  # the line number the user sees (header = 1)
    cells: tuple[Cell, ...]

    def get(self, index: int | None) -> Cell:
        """The cell at ``index`` (None, or past the end of a short line: None)."""
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]


@dataclass(frozen=True)
class Table:
    name: str  # the file's name, for messages
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    kind: str  # "csv" or "xlsx"
    encoding: str = ""  # CSV only: "utf-8", "utf-8-sig" or "cp1252"
    separator: str = ""  # CSV only
    complete: bool = True  # False when ``limit`` stopped the reading early

    def column(self, header: str | None) -> int | None:
        """The index of the column named ``header`` (exact, then ignoring case and
        surrounding spaces), None when absent."""
        if header is None:
            return None
        if header in self.headers:
            return self.headers.index(header)
        wanted = header.strip().casefold()
        for i, name in enumerate(self.headers):
            if name.strip().casefold() == wanted:
                return i
        return None


def read_table(path: Path, *, sheet: str | None = None, limit: int | None = None) -> Table:
    """The table in ``path`` (CSV or XLSX, told by the suffix, then by the content).

    Raises ``DomainError("file_unreadable", name=...)`` when the file cannot be opened,
    ``DomainError("file_undecodable", line=N)`` for a text file in no known encoding,
    ``DomainError("file_empty", name=...)`` when it has no header line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError("file_unreadable", name=path.name, detail=str(exc)) from None
    if path.suffix.lower() in XLSX_SUFFIXES or data[:4] == b"PK\x03\x04":
        return _read_xlsx(path, sheet, limit)
    return read_csv_bytes(data, name=path.name, limit=limit)


def read_csv_bytes(data: bytes, *, name: str = "", limit: int | None = None) -> Table:
    """The table of a CSV file's bytes (see the module's docstring)."""
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else ""
    text = decode_text(data)
    if not encoding:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    first_line = text.split("\n", 1)[0]
    separator = max(_SEPARATORS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    headers: tuple[str, ...] | None = None
    rows: list[Row] = []
    complete = True
    line = 1
    for record in reader:
        start, line = line, reader.line_num + 1  # the record's first line, the next one's
        if headers is None:
            if not any(cell.strip() for cell in record):
                continue  # blank lines before the header
            headers = tuple(cell.strip() for cell in record)
            continue
        if not any(cell.strip() for cell in record):
            continue  # blank line
        if limit is not None and len(rows) >= limit:
            complete = False
            break
        rows.append(Row(start, tuple(cell.strip() or None for cell in record)))
    if headers is None:
        raise DomainError("file_empty", name=name)
    return Table(name, headers, tuple(rows), "csv", encoding, separator, complete)


def _read_xlsx(path: Path, sheet: str | None, limit: int | None) -> Table:
    import zipfile  # only when an XLSX file is imported

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise DomainError("file_unreadable", name=path.name, detail=str(exc)) from None
    try:
        ws = book[sheet] if sheet else book.worksheets[0]
        headers: tuple[str, ...] | None = None
        rows: list[Row] = []
        complete = True
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = tuple(_xlsx_cell(v) for v in values)
            if not any(c is not None for c in cells):
                continue
            if headers is None:
                headers = tuple("" if c is None else str(c).strip() for c in cells)
                continue
            if limit is not None and len(rows) >= limit:
                complete = False
                break
            rows.append(Row(number, cells))
    finally:
        book.close()
    if headers is None:
        raise DomainError("file_empty", name=path.name)
    return Table(path.name, headers, tuple(rows), "xlsx", complete=complete)


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, date, datetime)):
        return value
    text = str(value).strip()
    return text or None


def iter_texts(table: Table, index: int | None) -> Iterator[tuple[int, str]]:
    """Each line's number and the text of its cell in column ``index`` ("" when empty)."""
    for row in table.rows:
        yield row.line, cell_text(row.get(index))


def cell_text(cell: Cell) -> str:
    """A cell as the text a user typed: dates as dd/mm/yyyy, whole floats without ".0"."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        if cell.hour == cell.minute == cell.second == 0:
            return cell.strftime("%d/%m/%Y")
        return cell.strftime("%d/%m/%Y %H:%M")
    if isinstance(cell, date):
        return cell.strftime("%d/%m/%Y")
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%Y/%m/%d")
_DATETIME_FORMATS = (
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)


def cell_date(cell: Cell) -> date | None:
    """The day in a cell: a spreadsheet date, an Excel serial number (a date column
    exported as numbers), or text as French and ISO files write it ("14/03/2025",
    "2025-03-14", "14/03/25", with or without a time; "2025-03-14T10:00:00+01:00").
    None for an empty cell; ``ValueError`` for anything else."""
    if cell is None:
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, (int, float)):
        if 1 <= cell < 200_000:  # Excel serial: 1900-01-01 .. year 2447
            return _EXCEL_EPOCH + timedelta(days=int(cell))
        raise ValueError(cell)
    text = cell.strip()
    if not text:
        return None
    if text.isdigit() and len(text) <= 6:
        return cell_date(int(text))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    for fmt in _DATETIME_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(text) from None
