"""Reading an imported file: encodings, separators, XLSX cells, line numbers, dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.imports.tables import cell_date, cell_text, read_table


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding", "separator"),
    [
        ("Nom;Prénom\nCastagné;Lucie\n".encode("cp1252"), "cp1252", ";"),
        ("\ufeffNom,Prénom\r\nCastagné,Lucie\r\n".encode(), "utf-8-sig", ","),
        ("Nom\tPrénom\nCastagné\tLucie\n".encode(), "utf-8", "\t"),
    ],
)
def test_csv_encodings_and_separators(tmp_path, data, encoding, separator):
    table = read_table(_write(tmp_path, "m.csv", data))
    assert table.headers == ("Nom", "Prénom")
    assert table.rows[0].cells == ("Castagné", "Lucie")
    assert (table.encoding, table.separator) == (encoding, separator)


def test_line_numbers_follow_the_file_with_blank_and_multiline_records(tmp_path):
    data = b'Nom;Note\nA;un\n\nB;"deux\nlignes"\nC;trois\n'
    table = read_table(_write(tmp_path, "m.csv", data))
    assert [(r.line, r.cells[0]) for r in table.rows] == [(2, "A"), (4, "B"), (6, "C")]
    assert table.rows[1].cells[1] == "deux\nlignes"


def test_limit_reads_only_the_first_lines(tmp_path):
    data = b"Nom\n" + b"".join(b"M%d\n" % i for i in range(5000))
    table = read_table(_write(tmp_path, "m.csv", data), limit=100)
    assert len(table.rows) == 100 and not table.complete
    assert read_table(_write(tmp_path, "n.csv", data)).complete


def test_xlsx_cells_keep_dates_and_numbers(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Nom", "Date adhésion", "Montant"])
    ws.append(["Castagné", datetime(2025, 9, 14), 15])
    ws.append([None, None, None])
    ws.append(["Vidal", "14/10/2025", 7.5])
    path = tmp_path / "m.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.kind == "xlsx"
    assert [(r.line, cell_date(r.cells[1]), r.cells[2]) for r in table.rows] == [
        (2, date(2025, 9, 14), 15),
        (4, date(2025, 10, 14), 7.5),
    ]


def test_empty_and_unreadable_files_are_named(tmp_path):
    with pytest.raises(DomainError) as empty:
        read_table(_write(tmp_path, "vide.csv", b"\n\n"))
    assert empty.value.code == "file_empty"
    with pytest.raises(DomainError) as missing:
        read_table(tmp_path / "absent.csv")
    assert missing.value.code == "file_unreadable"
    with pytest.raises(DomainError) as broken:
        read_table(_write(tmp_path, "faux.xlsx", b"PK\x03\x04 not a zip"))
    assert broken.value.code == "file_unreadable"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("14/03/2025", date(2025, 3, 14)),
        ("2025-03-14", date(2025, 3, 14)),
        ("14/03/25", date(2025, 3, 14)),
        ("2025-03-14T10:00:00+01:00", date(2025, 3, 14)),
        ("14/03/2025 18:30", date(2025, 3, 14)),
        (45730, date(2025, 3, 14)),  # Excel serial number
        ("45730", date(2025, 3, 14)),
        (None, None),
    ],
)
def test_dates_as_files_write_them(cell, expected):
    assert cell_date(cell) == expected


def test_a_non_date_is_refused():
    with pytest.raises(ValueError):
        cell_date("bientôt")


def test_cell_text_reads_as_typed():
    assert cell_text(datetime(2025, 3, 14)) == "14/03/2025"
    assert cell_text(15.0) == "15" and cell_text(None) == ""
