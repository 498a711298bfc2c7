"""The general ledger (grand livre) and the trial balance (balance générale) of the
journal as one XLSX workbook (openpyxl, imported when used): plain
domain.journal.LedgerLine in, bytes out.

- "Grand livre": the lines grouped by account (by number), each account under a title row
  "<number> <label>", its lines by date with journal, entry number, piece, label,
  auxiliary account, letter, debit, credit and the running balance (debit − credit), then
  a "Total <number>" row.
- "Balance": one row per account — number, label, total debit, total credit, debit
  balance, credit balance — and a total row; total debit = total credit for balanced
  entries.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from itertools import groupby
from typing import Any

from tierslieu_desktop.domain.journal import LedgerLine
from tierslieu_desktop.domain.ledger import ledger_order, trial_balance
from tierslieu_desktop.reports.sheets import write_sheet

__all__ = ["BALANCE_HEADERS", "LEDGER_HEADERS", "ledger_xlsx"]

LEDGER_HEADERS = (
    "Compte",
    "Date",
    "Journal",
    "N° écriture",
    "Pièce",
    "Libellé",
    "Compte auxiliaire",
    "Lettrage",
    "Débit",
    "Crédit",
    "Solde",
)
BALANCE_HEADERS = (
    "Compte",
    "Libellé",
    "Total débit",
    "Total crédit",
    "Solde débiteur",
    "Solde créditeur",
)
_LEDGER_MONEY = frozenset({"Débit", "Crédit", "Solde"})
_BALANCE_MONEY = frozenset(BALANCE_HEADERS[2:])


def _eur(cents: int) -> Decimal:
    return Decimal(cents) / 100


def _ledger_rows(lines: list[LedgerLine]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for account, group in groupby(ledger_order(lines), key=lambda x: x.account):
        items = list(group)
        rows.append([account, None, None, None, None, items[0].account_label, None, None])
        running = debit = credit = 0
        for x in items:
            debit += x.debit_cents
            credit += x.credit_cents
            running += x.debit_cents - x.credit_cents
            aux = f"{x.aux} {x.aux_label}".strip() if x.aux else ""
            rows.append(
                [
                    account,
                    x.day,
                    x.journal,
                    x.number,
                    x.piece_ref,
                    x.label,
                    aux,
                    x.letter,
                    _eur(x.debit_cents),
                    _eur(x.credit_cents),
                    _eur(running),
                ]
            )
        rows.append(
            [
                f"Total {account}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                _eur(debit),
                _eur(credit),
                _eur(running),
            ]
        )
    return rows


def _balance_rows(lines: list[LedgerLine]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    debit = credit = 0
    for r in trial_balance(lines):
        debit += r.debit_cents
        credit += r.credit_cents
        rows.append(
            [
                r.account,
                r.label,
                _eur(r.debit_cents),
                _eur(r.credit_cents),
                _eur(max(r.balance_cents, 0)),
                _eur(max(-r.balance_cents, 0)),
            ]
        )
    balance = debit - credit
    rows.append(
        ["Total", None, _eur(debit), _eur(credit), _eur(max(balance, 0)), _eur(max(-balance, 0))]
    )
    return rows


def ledger_xlsx(lines: Iterable[LedgerLine]) -> bytes:
    """The workbook: sheets "Grand livre" and "Balance"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    items = list(lines)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Grand livre"
    write_sheet(ws, LEDGER_HEADERS, _ledger_rows(items), money_headers=_LEDGER_MONEY)
    for row in ws.iter_rows(min_row=2):
        if row[1].value is None:  # an account's title or total row
            for cell in row:
                cell.font = Font(bold=True)
    bs = wb.create_sheet("Balance")
    write_sheet(bs, BALANCE_HEADERS, _balance_rows(items), money_headers=_BALANCE_MONEY)
    for cell in bs[bs.max_row]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
