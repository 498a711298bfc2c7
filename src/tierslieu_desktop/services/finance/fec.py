"""FEC — fichier des écritures comptables (LPF art. A47 A-1) of a fiscal year.

Written from the journal (services.finance.journal.collect) and from nothing else: the
journals, accounts, auxiliary accounts, numbering (per journal, ``VT000001``…), lettering
(EcritureLet/DateLet) and ValidDate (the closing day, or the export day for a day not
closed yet) are the journal's; this module only writes them in the FEC's format. The
fiscal year ``year`` is the one that *starts* in ``year`` on the first month set in
Paramètres (Structure.fiscal_year_start_month; January = the calendar year).

Accounts are the ones saved in Finances › Accounts (table account_mapping) over the
defaults of domain.finance; the export reports which defaults it used, and refuses a
saved account that is not a number. Opening balances are not written yet (the journal
has no AN source). File: ``<SIREN>FEC<YYYYMMDD>.txt`` (YYYYMMDD = the last day of the
fiscal year; ``ASSOFEC…`` without SIREN), '|' separator, CRLF, UTF-8, dates YYYYMMDD,
amounts with a decimal comma and no thousands separator. Written as the journal streams
(two ordered Core selects per pass, no ORM object): a busy year never sits in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Structure
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.inputs import check_year
from tierslieu_desktop.domain.journal import fiscal_year
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.fileperms import open_private
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.finance.journal import (
    PostedEntry,
    fiscal_year_bounds,
    iter_collect,
    saved_accounts,
)

FEC_COLUMNS = (
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
)

# key -> (account, label) of every key the journal may use: the defaults of
# domain.finance, all of them listed and editable in Finances › Accounts
# (services.finance.accounts). Every kind, not only the sales' and payments': the
# journal is the FEC's only source, and its sources grow (grants, expenses…).
DEFAULT_ACCOUNTS: dict[str, tuple[str, str]] = dict(rules.DEFAULT_ACCOUNTS)


@guarded(Permission.EXPORTS)
def accounts(db: Database) -> tuple[dict[str, tuple[str, str]], tuple[str, ...]]:
    """The account of every key: the rows the user saved over the defaults, and the
    keys for which no account was saved, so that the default is used (all of them
    while the mapping is empty: a documented default, reported all the same). A saved
    account that is not a number raises ``DomainError("fec_account_invalid", key,
    account)``: the FEC is not written with a wrong account, nor with a default standing
    in for it."""
    return _accounts_impl(db)


def _accounts_impl(db: Database) -> tuple[dict[str, tuple[str, str]], tuple[str, ...]]:
    with db.read() as s:
        return saved_accounts(s)


@dataclass(frozen=True)
class FecWritten:
    """The file written, and the keys whose default account was used (none were saved)."""

    path: Path
    defaulted: tuple[str, ...]
    every_default: bool  # no account of the FEC was saved: the defaults throughout


def _fec_amount(cents: int) -> str:
    # half of the amounts of a journal are the other side's zero
    return f"{cents // 100},{cents % 100:02d}" if cents else "0,00"


@guarded(Permission.EXPORTS)
def iter_fec_entries(
    db: Database, year: int, *, today: date | None = None
) -> Iterator[PostedEntry]:
    """The journal's entries of the fiscal year starting in ``year``, streamed.
    ``DomainError("year_out_of_range")`` outside 2000–2100, raised at the call."""
    return _iter_fec_entries_impl(db, year, today=today)


def _iter_fec_entries_impl(
    db: Database, year: int, *, today: date | None = None
) -> Iterator[PostedEntry]:
    check_year(year)
    return _stream(db, year, today)


def _stream(db: Database, year: int, today: date | None) -> Iterator[PostedEntry]:
    with db.read() as s:
        first, last = fiscal_year_bounds(s, year)
        yield from iter_collect(s, first, last, accounts=saved_accounts(s)[0], today=today)


@guarded(Permission.EXPORTS)
def fec_entries(db: Database, year: int, *, today: date | None = None) -> list[PostedEntry]:
    """The journal's entries of the fiscal year starting in ``year``
    (``DomainError("year_out_of_range")`` outside 2000–2100)."""
    return list(_iter_fec_entries_impl(db, year, today=today))


def fec_filename(siren: str, year: int, first_month: int = 1) -> str:
    """``<SIREN>FEC<closing>.txt``: the closing date is the last day of the fiscal year
    starting in ``year`` (31/12 for a calendar year)."""
    closing = fiscal_year(year, first_month)[1].strftime("%Y%m%d")
    return f"{siren}FEC{closing}.txt" if siren else f"ASSOFEC{closing}.txt"


@lru_cache(maxsize=1024)
def _ymd(day: date | None) -> str:
    return day.strftime("%Y%m%d") if day else ""


@lru_cache(maxsize=8192)  # account labels, names and days repeat on every line
def _clean(text: str) -> str:
    return text.replace("|", "/").replace("\r", " ").replace("\n", " ")


def _fec_lines(entries: Iterable[PostedEntry]) -> Iterator[str]:
    """The header line then one line per entry line (without line ends)."""
    yield "|".join(FEC_COLUMNS)
    for entry in entries:
        # what every line of the entry repeats, joined once per entry
        head = f"{entry.journal}|{entry.journal_label}|{entry.number}|{_ymd(entry.day)}|"
        piece = f"{_clean(entry.piece_ref or '-')}|{_ymd(entry.piece_date)}"
        tail = f"|{_ymd(entry.valid_day)}||"
        for line in entry.lines:
            yield (
                head
                + "|".join(
                    (
                        line.account,
                        _clean(line.account_label),
                        _clean(line.aux),
                        _clean(line.aux_label),
                        piece,
                        _clean(line.label or "-"),
                        _fec_amount(line.debit_cents),
                        _fec_amount(line.credit_cents),
                        line.letter,
                        _ymd(line.letter_day),
                    )
                )
                + tail
            )


@guarded(Permission.EXPORTS)
def fec_text(db: Database, year: int, *, today: date | None = None) -> str:
    """The FEC file's content: the header line then one line per entry line."""
    return "\r\n".join(_fec_lines(_iter_fec_entries_impl(db, year, today=today))) + "\r\n"


@guarded(Permission.EXPORTS)
def write_fec(db: Database, year: int, directory: str | Path) -> Path:
    """Write the FEC of the fiscal year starting in ``year`` in ``directory`` and return
    its path."""
    return _write_fec_report_impl(db, year, directory).path


@guarded(Permission.EXPORTS)
def write_fec_report(db: Database, year: int, directory: str | Path) -> FecWritten:
    """Write the FEC of the fiscal year starting in ``year`` in ``directory``: its path,
    and the keys for which the default account was used (to be told to the user)."""
    return _write_fec_report_impl(db, year, directory)


def _write_fec_report_impl(db: Database, year: int, directory: str | Path) -> FecWritten:
    check_year(year)
    _acc, defaulted = _accounts_impl(db)
    every_default = set(defaulted) >= set(DEFAULT_ACCOUNTS)
    with db.read() as s:
        structure = s.get(Structure, 1)
        siret = "".join(ch for ch in (structure.siret if structure else "") if ch.isdigit())
        first_month = structure.fiscal_year_start_month if structure else 1
    siren = siret[:9] if len(siret) >= 9 else ""
    path = Path(directory) / fec_filename(siren, year, first_month or 1)
    # Written as the rows are read (a year of a busy lab never sits in memory), into a
    # side file renamed at the end: a failed export leaves no half FEC. Names of
    # members: 0600 on POSIX.
    part = path.with_name(path.name + ".part")
    try:
        with open_private(part, "w", encoding="utf-8", newline="") as fh:
            fh.writelines(line + "\r\n" for line in _fec_lines(_iter_fec_entries_impl(db, year)))
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return FecWritten(path, defaulted, every_default)
