"""The general ledger and the trial balance (balance générale) of journal lines: pure
sums of :class:`~tierslieu_desktop.domain.journal.LedgerLine`, drawn by
reports.ledger_xlsx."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tierslieu_desktop.domain.journal import LedgerLine


@dataclass(frozen=True, slots=True)
class TrialRow:
    account: str
    label: str
    debit_cents: int
    credit_cents: int

    @property
    def balance_cents(self) -> int:
        """Debit − credit: > 0 a debit balance, < 0 a credit balance."""
        return self.debit_cents - self.credit_cents


def ledger_order(lines: Iterable[LedgerLine]) -> list[LedgerLine]:
    """The lines by account, then date, journal, entry number (the general ledger)."""
    return sorted(lines, key=lambda x: (x.account, x.day, x.journal, x.number))


def trial_balance(lines: Iterable[LedgerLine]) -> list[TrialRow]:
    """One row per account (sorted by number): total debit, total credit."""
    sums: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    for x in lines:
        row = sums.setdefault(x.account, [0, 0])
        row[0] += x.debit_cents
        row[1] += x.credit_cents
        labels.setdefault(x.account, x.account_label)
    return [TrialRow(acc, labels[acc], d, c) for acc, (d, c) in sorted(sums.items())]
