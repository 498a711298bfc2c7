"""The journal's engine: merge the sources, resolve the accounts, check, number, letter.

``iter_journal`` reads the sources once (Core selects read as they go, no ORM object) and
holds the period's entries — named tuples, which the cycle collector leaves alone, about
30 MB for a busy year — to decide which
letters close in the period, then yields the entries with their numbers, accounts,
letters and validation day one at a time (the FEC writes them as they come).

- Order: the entries of every source merged by day (each source yields its entries in
  chronological order; on the same day, in the order of the sources).
- Numbering (EcritureNum): per journal, continuous, in that order: ``VT000001``,
  ``VT000002``… ``CA000001``… The journal code as prefix keeps the number unique in the
  whole file, so a checker that groups by EcritureNum alone (as some do, Test Compta
  Demat groups by JournalCode + EcritureNum) finds every entry balanced either way.
- Lettering (EcritureLet/DateLet): the lines of the same account, auxiliary and
  ``letter_key`` inside the period are lettered together when they balance; letters
  "AA", "AB"… are given in the order the groups closed (DateLet = the day of the line
  that completed the group, then the key); a group still open at the end of the period
  (an invoice unpaid at the year end, or paid the year after) stays unlettered.
- ValidDate: the local day on which the first closing (day, month or year) covering the
  entry's day was made; an entry of a day not closed yet gets the export day (the FEC
  requires the column; a re-export after the closing gives the closing day).
- Validation: an entry whose debits and credits differ, or that names an account key
  the mapping does not know, is refused with ``DomainError`` naming the piece.
"""

from __future__ import annotations

import gc
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import AccountMapping, Closing
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.calendar import to_local, utcnow
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.journal import JOURNALS, JournalEntry, JournalLine, letter_code

Source = Callable[[Session, date, date], Iterable[JournalEntry]]
Accounts = dict[str, tuple[str, str]]


class PostedLine(NamedTuple):
    """One line as written in the FEC: the account resolved, the letter given."""

    account: str  # CompteNum
    account_label: str  # CompteLib
    aux: str  # CompAuxNum
    aux_label: str  # CompAuxLib
    label: str  # EcritureLib of this line
    debit_cents: int
    credit_cents: int
    letter: str = ""  # EcritureLet
    letter_day: date | None = None  # DateLet


class PostedEntry(NamedTuple):
    journal: str  # JournalCode
    journal_label: str  # JournalLib
    number: str  # EcritureNum, e.g. "VT000001"
    day: date  # EcritureDate
    piece_ref: str
    piece_date: date
    label: str
    valid_day: date  # ValidDate
    source: str
    lines: tuple[PostedLine, ...]


def saved_accounts(
    session: Session, kinds: Sequence[str] | None = None
) -> tuple[Accounts, tuple[str, ...]]:
    """The account of every key: the rows saved in Finances › Accounts over the defaults
    of domain.finance (only the keys of ``kinds``, e.g. ("revenue", "payment"), when
    given), and the keys that kept their default (nothing saved for them). A saved
    account that is not a number raises ``DomainError("fec_account_invalid", key,
    account)``: nothing is written with a wrong account."""

    def wanted(key: str) -> bool:
        return kinds is None or key.split(":", 1)[0] in kinds

    result = {k: v for k, v in rules.DEFAULT_ACCOUNTS.items() if wanted(k)}
    saved = {m.key: (m.account, m.label) for m in session.scalars(select(AccountMapping))}
    for key, (account, label) in saved.items():
        if not wanted(key):
            continue
        account = (account or "").strip()
        if not account:
            continue
        if not account.isdigit():
            raise DomainError("fec_account_invalid", key=key, account=account)
        result[key] = (account, label or result.get(key, ("", ""))[1])
    defaulted = tuple(k for k in result if not (saved.get(k, ("", ""))[0] or "").strip())
    return result, defaulted


def net_lines(lines: Iterable[JournalLine]) -> tuple[JournalLine, ...]:
    """Lines merged per account, auxiliary, label and letter key, netted (a debit and a
    credit on the same account become one line), zero lines dropped: what a source
    returns so that every line has exactly one of debit/credit > 0."""
    merged: dict[tuple[str, str, str, str, str], int] = defaultdict(int)
    for x in lines:
        merged[(x.account, x.aux, x.aux_label, x.label, x.letter_key)] += (
            x.debit_cents - x.credit_cents
        )
    return tuple(
        JournalLine(acc, max(c, 0), max(-c, 0), aux, aux_label, label, key)
        for (acc, aux, aux_label, label, key), c in merged.items()
        if c
    )


def _merged(
    session: Session, sources: Sequence[Source], first_day: date, last_day: date
) -> Iterator[JournalEntry]:
    streams = [iter(src(session, first_day, last_day)) for src in sources]
    for entry in heapq.merge(*streams, key=lambda e: e.day):
        if first_day <= entry.day <= last_day and entry.lines:
            yield entry


def letters(entries: Iterable[JournalEntry]) -> dict[tuple[str, str, str], tuple[str, date]]:
    """(account key, aux, letter_key) → (letter, DateLet) of the groups of lines that
    balance among ``entries`` (the entries of one period)."""
    sums: dict[tuple[str, str, str], list[Any]] = {}
    for entry in entries:
        for x in entry.lines:
            if not x.letter_key:
                continue
            key = (x.account, x.aux, x.letter_key)
            acc = sums.get(key)
            if acc is None:
                sums[key] = [x.debit_cents - x.credit_cents, entry.day]
            else:
                acc[0] += x.debit_cents - x.credit_cents
                if entry.day > acc[1]:
                    acc[1] = entry.day
    closed = sorted((day, key) for key, (balance, day) in sums.items() if balance == 0)
    return {key: (letter_code(i), day) for i, (day, key) in enumerate(closed)}


def _valid_days(session: Session, first_day: date, last_day: date) -> dict[date, date]:
    """Day → the local day of the first closing that covers it (day, month or year)."""
    out: dict[date, date] = {}
    rows = session.execute(
        select(Closing.period_start, Closing.period_end, Closing.closed_at).where(
            Closing.period_start <= last_day, Closing.period_end >= first_day
        )
    )
    for start, end, closed_at in rows:
        closed = to_local(closed_at).date()
        day = max(start, first_day)
        while day <= min(end, last_day):
            if day not in out or closed < out[day]:
                out[day] = closed
            day += timedelta(days=1)
    return out


_NO_LETTER: tuple[str, date | None] = ("", None)


def _resolve(account: str, accounts: Accounts, entry: JournalEntry) -> tuple[str, str]:
    if account[:1].isdigit():
        return account, ""
    found = accounts.get(account)
    if found is None:
        raise DomainError(
            "journal_account_unknown", key=account, piece=entry.piece_ref, source=entry.source
        )
    return found


def iter_journal(
    session: Session,
    first_day: date,
    last_day: date,
    sources: Sequence[Source],
    *,
    accounts: Accounts | None = None,
    today: date | None = None,
) -> Iterator[PostedEntry]:
    """The journal of [first_day, last_day], streamed (see the module's docstring)."""
    if accounts is None:
        accounts = saved_accounts(session)[0]
    today = today or to_local(utcnow()).date()
    # One read of the sources: the period's entries held (a busy year: ~30 MB), lettered,
    # then posted. Reading them twice (once for the letters) cost a fifth of the FEC.
    # The cycle collector is paused while they are read, then told to leave them (and
    # all that was alive before) alone until they are posted: named tuples stay tracked,
    # and each full collection would walk the whole year again — another sixth of the
    # FEC. Nothing here makes reference cycles (anything collectable is collected after).
    enabled = gc.isenabled()
    gc.disable()
    try:
        entries = list(_merged(session, sources, first_day, last_day))
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
    try:
        yield from _posted(entries, accounts, today, _valid_days(session, first_day, last_day))
    finally:
        gc.unfreeze()


def _posted(
    entries: list[JournalEntry], accounts: Accounts, today: date, valid: dict[date, date]
) -> Iterator[PostedEntry]:
    lettered = letters(entries)
    counters: dict[str, int] = defaultdict(int)
    for entry in entries:
        if entry.journal not in JOURNALS:
            raise DomainError("journal_unknown", journal=entry.journal, piece=entry.piece_ref)
        lines = []
        debit = credit = 0
        well_formed = True
        for x in entry.lines:
            d, c = x.debit_cents, x.credit_cents
            debit += d
            credit += c
            if (d > 0) == (c > 0) or d < 0 or c < 0:
                well_formed = False
            number, label = _resolve(x.account, accounts, entry)
            if x.letter_key:
                letter, letter_day = lettered.get((x.account, x.aux, x.letter_key), _NO_LETTER)
            else:
                letter, letter_day = _NO_LETTER
            lines.append(
                PostedLine(
                    number,
                    label,
                    x.aux,
                    x.aux_label,
                    x.label or entry.label,
                    d,
                    c,
                    letter,
                    letter_day,
                )
            )
        if debit != credit or not well_formed:
            raise DomainError(
                "journal_unbalanced",
                piece=entry.piece_ref,
                source=entry.source,
                debit=debit,
                credit=credit,
            )
        counters[entry.journal] += 1
        yield PostedEntry(
            entry.journal,
            JOURNALS[entry.journal],
            f"{entry.journal}{counters[entry.journal]:06d}",
            entry.day,
            entry.piece_ref,
            entry.piece_date,
            entry.label,
            # an open period: the export day, or the entry's own day when it is later
            # (year-end depreciation dated 31/12 exported before): never before the entry
            valid.get(entry.day, max(today, entry.day)),
            entry.source,
            tuple(lines),
        )
