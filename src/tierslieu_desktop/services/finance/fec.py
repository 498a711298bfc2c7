"""FEC — fichier des écritures comptables (LPF art. A47 A-1) of a fiscal year.

Journals written from the issued documents and the payments of the year:
- VT (ventes): one entry per invoice: 411 (auxiliary account = member number) debit of
  the total incl. VAT, revenue accounts credit of the lines excl. VAT (706 services,
  707 sales, 756 memberships, 708 other; wallet top-ups go to 4191 advances, they
  are not revenue), 44571 VAT collected credit. A credit note is the same entry reversed.
- CA (caisse): cash payments, 530 debit / 411 credit.
- BQ (banque): cheques (5112 chèques à encaisser), card, transfer, administrative
  mandate, Pass numérique (512) debit / 411 credit. Refunds (negative) reversed.
- OD: payments from the member's wallet, 4191 debit / 411 credit.
Accounts are the ones saved in Finances › Accounts (table account_mapping), with the
defaults of domain.finance and below for the others; the export reports which defaults it
used, and refuses a saved account that is not a number. Entries are in chronological
order, numbered 1…N without gaps, each balanced. Opening balances are not written (the
software keeps no balance sheet). File: ``<SIREN>FEC<YYYYMMDD>.txt`` (closing date 31/12 of the
year; ``ASSOFEC…`` without SIREN), '|' separator, CRLF, UTF-8, dates YYYYMMDD,
amounts with a decimal comma and no thousands separator.
"""

from __future__ import annotations

import heapq
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, groupby
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    AccountMapping,
    Invoice,
    InvoiceLine,
    Member,
    Payment,
    Structure,
)
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.inputs import check_year
from tierslieu_desktop.fileperms import open_private

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

JOURNALS = {
    "VT": "Ventes",
    "CA": "Caisse",
    "BQ": "Banque",
    "OD": "Opérations diverses",
}

# The kinds of account the FEC writes (grants, in-kind and expenses are not in it).
_FEC_KINDS = ("revenue", "payment", "vat", "customers")
# key -> (account, label) of every key the FEC uses: the defaults of domain.finance, all
# of them listed and editable in Finances › Accounts (services.finance.accounts).
DEFAULT_ACCOUNTS: dict[str, tuple[str, str]] = {
    key: value
    for key, value in rules.DEFAULT_ACCOUNTS.items()
    if key.split(":", 1)[0] in _FEC_KINDS
}
_JOURNAL_OF_METHOD = {"cash": "CA", "wallet": "OD"}


def accounts(db: Database) -> tuple[dict[str, tuple[str, str]], tuple[str, ...]]:
    """The account of every key: the rows the user saved (services.finance.accounts) over
    the defaults above, and the keys of the FEC for which no account was saved, so that
    the default is used (all of them while the mapping is empty: a documented default,
    reported all the same). A saved account that is not a number raises
    ``DomainError("fec_account_invalid", key, account)``: the FEC is not written with a
    wrong account, nor with a default standing in for it. Other errors propagate."""
    result = dict(DEFAULT_ACCOUNTS)
    with db.read() as s:
        saved = {m.key: (m.account, m.label) for m in s.scalars(select(AccountMapping))}
    for key, (account, label) in saved.items():
        if key.split(":", 1)[0] not in _FEC_KINDS:
            continue  # grants, in-kind, expenses: not in the FEC
        account = (account or "").strip()
        if not account:
            continue  # blank: the default stands, and is reported below
        if not account.isdigit():
            raise DomainError("fec_account_invalid", key=key, account=account)
        result[key] = (account, label or result.get(key, ("", ""))[1])
    defaulted = tuple(key for key in result if not (saved.get(key, ("", ""))[0] or "").strip())
    return result, defaulted


@dataclass(frozen=True)
class FecWritten:
    """The file written, and the keys whose default account was used (none were saved)."""

    path: Path
    defaulted: tuple[str, ...]
    every_default: bool  # no account of the FEC was saved: the defaults throughout


@dataclass(frozen=True)
class FecLine:
    account: str
    label: str
    aux_num: str
    aux_label: str
    debit_cents: int
    credit_cents: int


@dataclass(frozen=True)
class FecEntry:
    journal: str
    day: date
    piece_ref: str
    label: str
    lines: tuple[FecLine, ...]
    sort_key: tuple[datetime, int, int]


def _fec_amount(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def _lines(signed: list[tuple[str, str, str, str, int]]) -> tuple[FecLine, ...]:
    """(account, label, aux, aux label, signed cents: + debit, - credit) → lines, merged
    per account and auxiliary, zero lines dropped."""
    merged: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for account, label, aux, aux_label, cents in signed:
        merged[(account, label, aux, aux_label)] += cents
    return tuple(
        FecLine(acc, lab, aux, aux_lab, max(c, 0), max(-c, 0))
        for (acc, lab, aux, aux_lab), c in merged.items()
        if c
    )


def _member_aux(number: str | None, first: str | None, last: str | None) -> tuple[str, str]:
    if number is None:
        return "", ""
    name = " ".join(p for p in (first, last) if p).strip()
    return number, name or number


_BATCH = 1000  # rows fetched at a time: the export streams, whatever the year holds


def _invoice_entries(
    s: Session, lo: datetime, hi: datetime, acc: dict[str, tuple[str, str]]
) -> Iterator[FecEntry]:
    """The VT entries of the invoices and credit notes issued in [lo, hi), in order: one
    Core select of the documents with their lines and buyer, read as it goes."""
    customers = acc["customers"]
    stmt = (
        select(
            Invoice.id,
            Invoice.kind,
            Invoice.number,
            Invoice.issued_at,
            Member.number,
            Member.first_name,
            Member.last_name,
            InvoiceLine.revenue_kind,
            InvoiceLine.total_excl_cents,
            InvoiceLine.vat_cents,
        )
        .outerjoin(Member, Member.id == Invoice.member_id)
        .outerjoin(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
        .where(Invoice.issued_at >= lo, Invoice.issued_at < hi)
        .order_by(Invoice.issued_at, Invoice.id, InvoiceLine.id)
        .execution_options(yield_per=_BATCH)
    )
    for _inv_id, rows in groupby(s.execute(stmt), key=lambda r: r[0]):
        first = next(rows)
        inv_id, kind, number, issued_at, m_number, m_first, m_last = first[:7]
        sign = -1 if kind == "credit_note" else 1
        aux, aux_label = _member_aux(m_number, m_first, m_last)
        signed: list[tuple[str, str, str, str, int]] = []
        total = 0
        for row in chain((first,), rows):
            revenue_kind, excl, vat = row[7:]
            if revenue_kind is None and excl is None:
                continue  # a document without lines (outer join)
            account, label = acc.get(f"revenue:{revenue_kind}", acc["revenue:other"])
            signed.append((account, label, "", "", -sign * excl))
            if vat:
                vat_acc, vat_label = acc["vat:collected"]
                signed.append((vat_acc, vat_label, "", "", -sign * vat))
            total += excl + vat
        signed.insert(0, (customers[0], customers[1], aux, aux_label, sign * total))
        doc = "Avoir" if kind == "credit_note" else "Facture"
        yield FecEntry(
            "VT",
            to_local(issued_at).date(),
            number,
            f"{doc} {number} {aux_label}".strip(),
            _lines(signed),
            (issued_at, 0, inv_id),
        )


def _payment_entries(
    s: Session, lo: datetime, hi: datetime, acc: dict[str, tuple[str, str]]
) -> Iterator[FecEntry]:
    """The CA/BQ/OD entries of the payments (and refunds) received in [lo, hi)."""
    customers = acc["customers"]
    stmt = (
        select(
            Payment.id,
            Payment.at,
            Payment.method,
            Payment.amount_cents,
            Invoice.number,
            Member.number,
            Member.first_name,
            Member.last_name,
        )
        .join(Invoice, Payment.invoice_id == Invoice.id)
        .outerjoin(Member, Member.id == Invoice.member_id)
        .where(Payment.at >= lo, Payment.at < hi)
        .order_by(Payment.at, Payment.id)
        .execution_options(yield_per=_BATCH)
    )
    for pay_id, at, method, cents, number, m_number, m_first, m_last in s.execute(stmt):
        aux, aux_label = _member_aux(m_number, m_first, m_last)
        account, label = acc.get(f"payment:{method}", acc["payment:transfer"])
        signed = [
            (account, label, "", "", cents),
            (customers[0], customers[1], aux, aux_label, -cents),
        ]
        what = "Règlement" if cents > 0 else "Remboursement"
        yield FecEntry(
            _JOURNAL_OF_METHOD.get(method, "BQ"),
            to_local(at).date(),
            number,
            f"{what} {number} {aux_label}".strip(),
            _lines(signed),
            (at, 1, pay_id),
        )


def iter_fec_entries(
    db: Database, year: int, acc: dict[str, tuple[str, str]] | None = None
) -> Iterator[FecEntry]:
    """The balanced entries of the invoices, credit notes and payments of ``year``,
    in chronological order, streamed: two ordered Core selects merged as they are read
    (no ORM object, no table loaded whole). ``DomainError("year_out_of_range")``
    outside 2000–2100, raised at the call."""
    check_year(year)
    acc = accounts(db)[0] if acc is None else acc
    return _stream(db, year, acc)


def _stream(db: Database, year: int, acc: dict[str, tuple[str, str]]) -> Iterator[FecEntry]:
    lo, hi = local_dt(date(year, 1, 1), 0), local_dt(date(year + 1, 1, 1), 0)
    with db.read() as s:
        merged = heapq.merge(
            _invoice_entries(s, lo, hi, acc),
            _payment_entries(s, lo, hi, acc),
            key=lambda e: e.sort_key,
        )
        yield from (e for e in merged if e.lines)


def fec_entries(
    db: Database, year: int, acc: dict[str, tuple[str, str]] | None = None
) -> list[FecEntry]:
    """The balanced entries of the invoices, credit notes and payments of ``year``,
    in chronological order (``DomainError("year_out_of_range")`` outside 2000–2100)."""
    return list(iter_fec_entries(db, year, acc))


def fec_filename(siren: str, year: int) -> str:
    closing = f"{year}1231"
    return f"{siren}FEC{closing}.txt" if siren else f"ASSOFEC{closing}.txt"


def _fec_lines(entries: Iterable[FecEntry]) -> Iterator[str]:
    """The header line then one line per entry line (without line ends)."""
    yield "|".join(FEC_COLUMNS)
    for num, entry in enumerate(entries, start=1):
        day = entry.day.strftime("%Y%m%d")
        for line in entry.lines:
            fields = (
                entry.journal,
                JOURNALS[entry.journal],
                str(num),
                day,
                line.account,
                line.label,
                line.aux_num,
                line.aux_label,
                entry.piece_ref or "-",
                day,
                entry.label or "-",
                _fec_amount(line.debit_cents),
                _fec_amount(line.credit_cents),
                "",
                "",
                day,
                "",
                "",
            )
            yield "|".join(f.replace("|", "/").replace("\n", " ") for f in fields)


def fec_text(db: Database, year: int, acc: dict[str, tuple[str, str]] | None = None) -> str:
    """The FEC file's content: the header line then one line per entry line."""
    return "\r\n".join(_fec_lines(iter_fec_entries(db, year, acc))) + "\r\n"


def write_fec(db: Database, year: int, directory: str | Path) -> Path:
    """Write the FEC of ``year`` in ``directory`` and return its path."""
    return write_fec_report(db, year, directory).path


def write_fec_report(db: Database, year: int, directory: str | Path) -> FecWritten:
    """Write the FEC of ``year`` in ``directory``: its path, and the keys for which the
    default account was used (to be told to the user)."""
    check_year(year)
    acc, defaulted = accounts(db)
    every_default = set(defaulted) >= set(DEFAULT_ACCOUNTS)
    with db.read() as s:
        structure = s.get(Structure, 1)
        siret = "".join(ch for ch in (structure.siret if structure else "") if ch.isdigit())
    path = Path(directory) / fec_filename(siret[:9] if len(siret) >= 9 else "", year)
    # Written as the rows are read (a year of a busy lab never sits in memory), into a
    # side file renamed at the end: a failed export leaves no half FEC. Names of
    # members: 0600 on POSIX.
    part = path.with_name(path.name + ".part")
    try:
        with open_private(part, "w", encoding="utf-8", newline="") as fh:
            for line in _fec_lines(iter_fec_entries(db, year, acc)):
                fh.write(line)
                fh.write("\r\n")
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return FecWritten(path, defaulted, every_default)
