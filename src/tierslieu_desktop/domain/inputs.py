"""What a user may bring in from outside: the days and years the application accepts,
and how an imported text file is decoded.

One place for the bounds: every service that takes a typed date (expenses, in-kind,
grants and their payments), every command and service that takes a year (exports, FEC,
reports, closings) and the date edits of the screens use ``FIRST_DAY``/``LAST_DAY``.
Every import (tariff file, expenses) decodes its bytes with :func:`decode_text`.
"""

from __future__ import annotations

from datetime import date

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.validation import FieldInvalid

FIRST_YEAR = 2000
LAST_YEAR = 2100
FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)


def day_in_range(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def check_day(day: date) -> date:
    """``day`` unchanged, or ``FieldInvalid("date_out_of_range")`` outside 2000–2100."""
    if not day_in_range(day):
        raise FieldInvalid("date_out_of_range")
    return day


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def check_year(year: int) -> int:
    """``year`` unchanged, or ``DomainError("year_out_of_range")`` outside 2000–2100."""
    if not year_in_range(year):
        raise DomainError("year_out_of_range", year=year, first=FIRST_YEAR, last=LAST_YEAR)
    return year


# --------------------------------------------------------------------------- files

_BOM = b"\xef\xbb\xbf"


def decode_text(data: bytes) -> str:
    """The text of an imported file: UTF-8 (with or without BOM), else Windows-1252
    (which covers Latin-1 letters such as "é"). A file that is neither — or holds a NUL
    byte, which no text file does (UTF-16, a binary file) — raises
    ``DomainError("file_undecodable", line=N)``, N the line of the first bad byte."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    bad = data.find(b"\x00")
    if bad >= 0:
        raise _undecodable(data, bad)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc.start) from None


def _undecodable(data: bytes, offset: int) -> DomainError:
    return DomainError("file_undecodable", line=data.count(b"\n", 0, offset) + 1)
