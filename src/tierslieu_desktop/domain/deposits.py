"""Bank deposits (issue 15, "remise en banque"): the value types of a deposit slip and of
the till's cash float. Built by services.billing.deposits, drawn by reports.deposit_pdf."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# A deposit's kind → the prefix of its slip number (numbered continuously per kind).
DEPOSIT_PREFIXES: dict[str, str] = {"cheque": "RC", "cash": "RE", "voucher": "RV"}


def deposit_number(kind: str, seq: int) -> str:
    """The slip number: ``RC-000001`` for the first remittance of cheques."""
    return f"{DEPOSIT_PREFIXES[kind]}-{seq:06d}"


@dataclass(frozen=True, slots=True)
class SlipCheque:
    """A cheque received at the desk (a positive cheque payment)."""

    payment_id: int
    day: date  # the local day it was received
    cheque_number: str
    bank: str
    drawer: str  # the payer: the invoice's buyer
    invoice_number: str
    amount_cents: int


@dataclass(frozen=True, slots=True)
class DepositSlip:
    """One deposit as printed on its slip. ``amount_cents`` is negative for a reversing
    deposit (``cancels_number`` then names the one it cancels)."""

    id: int
    kind: str  # cheque | cash | voucher
    number: str
    day: date
    amount_cents: int
    reference: str
    cheques: tuple[SlipCheque, ...] = ()
    cancels_number: str = ""
    cancelled_by: str = ""
    structure_name: str = ""
    iban: str = ""
    bic: str = ""


@dataclass(frozen=True, slots=True)
class CashDay:
    """The till over a day (or a month, a year: ``first_day`` to ``last_day``): the float
    found in the first morning (what was left at the end of the previous day), the cash
    received and refunded, the cash taken to the bank, and the float left in the last
    evening = the cash a closing of that period expects to count."""

    first_day: date
    last_day: date
    opening_cents: int
    received_cents: int
    refunded_cents: int
    deposited_cents: int

    @property
    def closing_cents(self) -> int:
        return self.opening_cents + self.received_cents - self.refunded_cents - self.deposited_cents
