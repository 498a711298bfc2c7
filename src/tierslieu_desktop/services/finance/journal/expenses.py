"""Journal source: the expenses (OD, BQ, CA).

- Each expense: OD on its day, the account of its category ("expense:<category>": 641,
  6022, 615, 613, 6061, 628…) debit / its supplier's account credit — 401 with the
  supplier as auxiliary account (``supplier_aux``; "Fournisseurs divers" when none is
  named), 421 for staff costs.
- Its payment, on its payment day (Expense.payment_day; none while it is not paid: the
  401 line stays open, and is carried to the next year's opening entry): 401 (421)
  debit / 512 credit in BQ (transfer, card, cheque, direct debit), or 530 credit in CA
  (cash), lettered with the expense once both are in the same period (or through the
  AN line). Expenses recorded before migration 0013 are paid by transfer on their day.
- An expense of the "depreciation" category (a depreciation entered by hand, of
  something that is not a machine — the machines' own depreciation is booked by
  services.finance.journal.depreciation): OD, 6811 debit / 2818 credit, no payment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Expense
from tierslieu_desktop.domain.journal import JournalEntry, JournalLine

__all__ = ["MISC_SUPPLIER", "expense_entries", "supplier_aux"]

MISC_SUPPLIER = ("401DIVERS", "Fournisseurs divers")
_BATCH = 1000


def supplier_aux(supplier: str) -> tuple[str, str]:
    """The 401 auxiliary account of a supplier named in free text: ``401`` + its name in
    capital ASCII letters and digits (17 characters at most), and the name as written."""
    name = " ".join(supplier.split())
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    code = re.sub(r"[^A-Z0-9]", "", ascii_name.upper())[:17]
    if not code:
        return MISC_SUPPLIER
    return f"401{code}", name[:200]


def expense_entries(session: Session, first_day: date, last_day: date) -> Iterator[JournalEntry]:
    stmt = (
        select(
            Expense.id,
            Expense.day,
            Expense.category,
            Expense.amount_cents,
            Expense.label,
            Expense.supplier,
            Expense.payment_day,
            Expense.payment_method,
        )
        .where(
            or_(
                and_(Expense.day >= first_day, Expense.day <= last_day),
                and_(Expense.payment_day >= first_day, Expense.payment_day <= last_day),
            )
        )
        .order_by(Expense.day, Expense.id)
        .execution_options(yield_per=_BATCH)
    )
    for eid, day, category, cents, label, supplier, paid_on, method in session.execute(stmt):
        if not cents:
            continue
        booked = first_day <= day <= last_day
        text = (label or "").strip() or category
        if category == "depreciation":
            if not booked:
                continue
            yield JournalEntry(
                "OD",
                day,
                f"DEP{eid}",
                day,
                f"Dotation aux amortissements {text}"[:200],
                _pair("expense:depreciation", "depreciation:other", cents),
                f"expense:{eid}",
            )
            continue
        if category == "staff":
            credit, aux, aux_label = "staff:payable", "", ""
        else:
            credit = "suppliers"
            aux, aux_label = supplier_aux(supplier or "")
        key = f"expense:{eid}"
        if booked:
            yield JournalEntry(
                "OD",
                day,
                f"DEP{eid}",
                day,
                f"{text} {aux_label}".strip()[:200],
                _pair(f"expense:{category}", credit, cents, aux, aux_label, key),
                key,
            )
        if paid_on is None or not first_day <= paid_on <= last_day:
            continue
        journal, account = (
            ("CA", "payment:cash") if method == "cash" else ("BQ", "payment:transfer")
        )
        yield JournalEntry(
            journal,
            paid_on,
            f"DEP{eid}",
            paid_on,
            f"Règlement {text} {aux_label}".strip()[:200],
            _pair(credit, account, cents, aux, aux_label, key, aux_on_debit=True),
            f"expense_payment:{eid}",
        )


def _pair(
    debit: str,
    credit: str,
    cents: int,
    aux: str = "",
    aux_label: str = "",
    letter_key: str = "",
    *,
    aux_on_debit: bool = False,
) -> tuple[JournalLine, JournalLine]:
    """Two lines: ``debit`` / ``credit`` of ``cents`` (reversed when negative: a refund);
    the auxiliary and the letter key on the third-party side."""
    if cents < 0:
        debit, credit, cents = credit, debit, -cents
        aux_on_debit = not aux_on_debit
    plain = ("", "", "")
    d_aux, d_label, d_key = (aux, aux_label, letter_key) if aux_on_debit else plain
    c_aux, c_label, c_key = plain if aux_on_debit else (aux, aux_label, letter_key)
    return (
        JournalLine(debit, cents, 0, d_aux, d_label, letter_key=d_key),
        JournalLine(credit, 0, cents, c_aux, c_label, letter_key=c_key),
    )
