"""Double-entry journal: the value types every source of accounting entries produces.

The journal (services.finance.journal) is built from the economic events of the
database — invoices and credit notes, payments, bank deposits, grants, expenses,
depreciation, in-kind contributions, opening balances. Each kind of event has a *source*:
a function ``(session, first_day, last_day) -> Iterable[JournalEntry]``. The journal merges
the sources, resolves the account keys through the mapping (Paramètres › Comptes),
numbers the entries continuously per journal and letters the matching lines. The FEC and
every accounting export are written from it, and from nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

# Journal codes and their French labels, in the order of the exports.
JOURNALS: dict[str, str] = {
    "AN": "À nouveaux",
    "VT": "Ventes",
    "CA": "Caisse",
    "BQ": "Banque",
    "OD": "Opérations diverses",
}


class JournalLine(NamedTuple):
    """One line of an entry. ``account`` is a key of the account mapping
    (domain.finance.DEFAULT_ACCOUNTS, e.g. "payment:cash", "customers") or, when it starts
    with a digit, an account number written as is. Exactly one of debit/credit is > 0."""

    account: str
    debit_cents: int = 0
    credit_cents: int = 0
    aux: str = ""  # auxiliary account number (411 member, 401 supplier, 441 funder)
    aux_label: str = ""
    label: str = ""  # the line's own wording; the entry's label when empty
    # Lines sharing a non-empty letter_key on the same account and auxiliary are lettered
    # together once they balance (an invoice and its payments; a credit note and its
    # invoice; cheques and their deposit).
    letter_key: str = ""


class JournalEntry(NamedTuple):
    journal: str  # a key of JOURNALS
    day: date  # EcritureDate
    piece_ref: str  # PieceRef: invoice number, deposit slip number, expense reference…
    piece_date: date
    label: str  # EcritureLib
    lines: tuple[JournalLine, ...]
    source: str = ""  # "invoice:12", "payment:40", "deposit:3"… stable, for tracing

    @property
    def balanced(self) -> bool:
        return sum(x.debit_cents for x in self.lines) == sum(x.credit_cents for x in self.lines)


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """One line of the numbered, resolved journal: what the exports (FEC, Paheko CSV,
    general ledger, trial balance) write. ``number`` is the entry's number within its
    journal; ``account`` an account number (mapping resolved); ``letter`` empty when the
    line is not lettered. Exactly one of debit/credit is > 0."""

    journal: str  # JournalCode
    journal_label: str  # JournalLib
    number: str  # EcritureNum, continuous per journal ("VT000001")
    day: date  # EcritureDate
    account: str  # CompteNum
    account_label: str  # CompteLib
    aux: str  # CompAuxNum
    aux_label: str  # CompAuxLib
    piece_ref: str  # PieceRef
    piece_date: date  # PieceDate
    label: str  # EcritureLib
    debit_cents: int
    credit_cents: int
    letter: str  # EcritureLet
    letter_day: date | None  # DateLet
    valid_day: date | None  # ValidDate: the day the period was closed


def fiscal_year(year: int, first_month: int = 1) -> tuple[date, date]:
    """First and last day of the fiscal year that *starts* in ``year`` on the 1st of
    ``first_month`` (1 = the calendar year; 9 = 1 Sept ``year`` – 31 Aug ``year + 1``)."""
    if not 1 <= first_month <= 12:
        raise ValueError(f"fiscal year first month out of range: {first_month}")
    first = date(year, first_month, 1)
    after = date(year + 1, first_month, 1)
    return first, after - timedelta(days=1)


def letter_code(index: int) -> str:
    """The lettering code of the ``index``-th letter of a fiscal year (0 → "AA", 1 →
    "AB", … 675 → "ZZ", 676 → "AAA"…): upper-case letters, at least two."""
    if index < 0:
        raise ValueError("negative letter index")
    width, base = 2, 26 * 26
    while index >= base:
        index -= base
        width += 1
        base *= 26
    out = []
    for _ in range(width):
        index, rest = divmod(index, 26)
        out.append(chr(ord("A") + rest))
    return "".join(reversed(out))
