"""Source of the bank deposits (services.billing.deposits), journal BQ:

- a remittance of cheques: 512 debit / 5112 credit of its total, "Remise de chèques
  n° RC-…" — the cheques' payments debited 5112 when received (sales.py), so 5112 holds
  the cheques not yet deposited and nets to zero once they all are;
- cash taken from the till: 512 debit / 530 credit, "Versement d'espèces n° RE-…" — 530
  then holds the till's cash float;
- a reversing deposit (negative amount): the same lines reversed, "Annulation …".

Voucher settlements (kind ``voucher``) are not posted here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import BankDeposit
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine

# kind → (the account credited, the label's words)
_KINDS: dict[str, tuple[str, str]] = {
    "cheque": ("payment:cheque", "Remise de chèques"),
    "cash": ("payment:cash", "Versement d'espèces"),
}


def deposit_entries(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    """BQ: the deposits of cheques and cash dated in [first_day, last_day], in day order."""
    stmt = (
        select(
            BankDeposit.id,
            BankDeposit.kind,
            BankDeposit.number,
            BankDeposit.day,
            BankDeposit.amount_cents,
        )
        .where(
            BankDeposit.day >= first_day,
            BankDeposit.day <= last_day,
            BankDeposit.kind.in_(tuple(_KINDS)),
        )
        .order_by(BankDeposit.day, BankDeposit.id)
    )
    for dep_id, kind, number, day, cents in session.execute(stmt):
        account, words = _KINDS[kind]
        label = f"{words} n° {number}"
        if cents > 0:
            lines = (JournalLine("bank", cents, 0), JournalLine(account, 0, cents))
        else:
            label = f"Annulation : {label}"
            lines = (JournalLine(account, -cents, 0), JournalLine("bank", 0, -cents))
        yield JournalEntry("BQ", day, number, day, label, lines, f"deposit:{dep_id}")
