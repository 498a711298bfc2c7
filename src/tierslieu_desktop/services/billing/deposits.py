"""Desk money reaches the bank (issue 15, "remise en banque"): the cheques received and not
yet deposited, the cash in the till, and the deposits that take them to the bank.

- A cheque is waiting to be deposited from the moment it is received (a positive cheque
  payment; a refund by cheque is written by the lab, never deposited) until it is on a
  deposit slip (``bank_deposit_cheque``, its last round odd).
- The till's cash is the balance of account 530: cash received − cash refunded − cash
  taken to the bank. What stays in the till from one day to the next is the *cash float*
  ("fond de caisse"): ``cash_day`` gives a day's float in the morning and in the evening,
  computed from the rows — never stored, so the sealed closings are unchanged and a
  closing prints the float of its day whenever it is printed (nothing dated in a closed
  day can be written afterwards, so it cannot move).
- ``record_deposit`` writes a remittance of cheques (slip ``RC-…``) and/or a cash deposit
  (``RE-…``) in one transaction. Deposits are insert-only (database triggers): a mistaken
  one is cancelled by ``cancel_deposit``, a reversing deposit of the opposite amount that
  puts its cheques back among the undeposited.
- The journal posts them (services.finance.journal.deposits): 512 / 5112 and 512 / 530.

Refusals are ``ValidationError`` naming the field: ``cheques`` (``cheque_deposited``,
``cheque_unknown``), ``cash_cents`` (``cash_over_on_hand``, ``amount_invalid``), ``day``
(``period_closed``), ``deposit`` (``deposit_empty``), ``reference`` (``too_long``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    BankDeposit,
    BankDepositCheque,
    Invoice,
    Payment,
    Structure,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.deposits import CashDay, DepositSlip, SlipCheque, deposit_number
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing._common import local_day
from tierslieu_desktop.services.billing.ledger import ensure_open

REFERENCE_MAX = 120


@dataclass(frozen=True, slots=True)
class DepositSummary:
    """A line of the list of deposits."""

    id: int
    kind: str
    number: str
    day: date
    amount_cents: int
    cheque_count: int
    reference: str
    cancels_number: str
    cancelled_by: str


# --- what is waiting ------------------------------------------------------------------


def _last_round() -> Any:
    """The last round of the deposit slips of the payment of the enclosing query (0: never
    deposited): one seek in the (payment_id, round) unique index per payment."""
    return func.coalesce(
        select(func.max(BankDepositCheque.round))
        .where(BankDepositCheque.payment_id == Payment.id)
        .correlate(Payment)
        .scalar_subquery(),
        0,
    )


def _cheques(
    session: Session, ids: Iterable[int] | None = None, *, waiting: bool = False
) -> list[tuple[SlipCheque, int]]:
    """The positive cheque payments (all, or those of ``ids``; with ``waiting`` only those
    waiting to be deposited, last round even) with their last round, in the order
    received. The waiting ones are chosen in SQL, by the payment's own index before its
    invoice is read: a decade of cheques is not read to keep a dozen (issue 14)."""
    last_round = _last_round()
    stmt = (
        select(
            Payment.id,
            Payment.at,
            Payment.cheque_number,
            Payment.bank,
            Invoice.buyer_json,
            Invoice.number,
            Payment.amount_cents,
            last_round,
        )
        .join(Invoice, Invoice.id == Payment.invoice_id)
        .where(Payment.method == "cheque", Payment.amount_cents > 0)
        .order_by(Payment.at, Payment.id)
    )
    if ids is not None:
        stmt = stmt.where(Payment.id.in_(list(ids)))
    if waiting:
        stmt = stmt.where(last_round % 2 == 0)
    out = []
    for pay_id, at, number, bank, buyer_json, inv_number, cents, last_round in session.execute(
        stmt
    ):
        drawer = str(json.loads(buyer_json or "{}").get("name", ""))
        cheque = SlipCheque(pay_id, local_day(at), number, bank, drawer, inv_number, cents)
        out.append((cheque, last_round))
    return out


def _undeposited(session: Session) -> list[SlipCheque]:
    return [c for c, _last_round in _cheques(session, waiting=True)]


@guarded(Permission.INVOICES)
def undeposited_cheques(db: Database) -> list[SlipCheque]:
    """The cheques received and not on a deposit slip, oldest first."""
    with db.read() as session:
        return _undeposited(session)


def _cash_sums(
    session: Session, before: datetime | None, since: datetime | None = None
) -> tuple[int, int]:
    """(received, refunded) in cash, received before ``before`` (None: ever) and from
    ``since``."""
    stmt = select(
        func.coalesce(func.sum(case((Payment.amount_cents > 0, Payment.amount_cents), else_=0)), 0),
        func.coalesce(
            func.sum(case((Payment.amount_cents < 0, -Payment.amount_cents), else_=0)), 0
        ),
    ).where(Payment.method == "cash")
    if before is not None:
        stmt = stmt.where(Payment.at < before)
    if since is not None:
        stmt = stmt.where(Payment.at >= since)
    received, refunded = session.execute(stmt).one()
    return int(received), int(refunded)


def _cash_deposited(session: Session, last: date | None, first: date | None = None) -> int:
    stmt = select(func.coalesce(func.sum(BankDeposit.amount_cents), 0)).where(
        BankDeposit.kind == "cash"
    )
    if last is not None:
        stmt = stmt.where(BankDeposit.day <= last)
    if first is not None:
        stmt = stmt.where(BankDeposit.day >= first)
    return int(session.scalar(stmt) or 0)


def cash_day_in(session: Session, day: date, last_day: date | None = None) -> CashDay:
    """The till over ``day`` (local day; to ``last_day`` included when given): float in
    the morning, cash in and out, float in the evening."""
    last = last_day or day
    morning = local_dt(day, 0)
    evening = local_dt(last + timedelta(days=1), 0)
    received_before, refunded_before = _cash_sums(session, morning)
    opening = received_before - refunded_before - _cash_deposited(session, day - timedelta(days=1))
    received, refunded = _cash_sums(session, evening, morning)
    deposited = _cash_deposited(session, last, day)
    return CashDay(day, last, opening, received, refunded, deposited)


@guarded(Permission.INVOICES)
def cash_day(db: Database, day: date, last_day: date | None = None) -> CashDay:
    with db.read() as session:
        return cash_day_in(session, day, last_day)


def _cash_now(session: Session) -> int:
    received, refunded = _cash_sums(session, None)
    return received - refunded - _cash_deposited(session, None)


@guarded(Permission.INVOICES)
def cash_on_hand(db: Database, day: date | None = None) -> int:
    """The cash in the till: at the end of ``day``, or now (everything recorded)."""
    with db.read() as session:
        if day is None:
            return _cash_now(session)
        return cash_day_in(session, day).closing_cents


# --- writing ----------------------------------------------------------------------------


def _next_seq(session: Session, kind: str) -> int:
    last = session.scalar(select(func.max(BankDeposit.seq)).where(BankDeposit.kind == kind))
    return int(last or 0) + 1


def insert_deposit(
    session: Session,
    kind: str,
    day: date,
    amount_cents: int,
    reference: str,
    actor: int | None,
    *,
    cheques: Sequence[tuple[int, int]] = (),
    cancels_id: int | None = None,
    now: datetime | None = None,
) -> BankDeposit:
    """Write one deposit row, numbered next in its kind, with its cheques (payment id,
    round). No check: ``record_deposit`` and ``cancel_deposit`` check first (the demo
    writes its history through here)."""
    seq = _next_seq(session, kind)
    row = BankDeposit(
        kind=kind,
        seq=seq,
        number=deposit_number(kind, seq),
        day=day,
        amount_cents=amount_cents,
        reference=reference,
        cancels_id=cancels_id,
        created_at=now or utcnow(),
        operator_id=actor,
    )
    session.add(row)
    session.flush()
    for payment_id, round_ in cheques:
        session.add(BankDepositCheque(deposit_id=row.id, payment_id=payment_id, round=round_))
    session.flush()
    return row


def _ensure_open(session: Session, day: date) -> None:
    try:
        ensure_open(session, day)
    except DomainError as err:
        raise ValidationError({"day": "period_closed"}) from err


@guarded(Permission.INVOICES)
def record_deposit(
    db: Database,
    day: date,
    cheque_payment_ids: Sequence[int] = (),
    cash_cents: int = 0,
    reference: str = "",
    actor: int | None = None,
    *,
    now: datetime | None = None,
) -> list[int]:
    """Deposit the cheques ``cheque_payment_ids`` (one slip) and ``cash_cents`` from the
    till (another) on ``day``, in one transaction; the new deposits' ids (cheques first).
    Refuses an empty deposit, a cheque unknown or already deposited, more cash than the
    till holds on that day (or now), a day of a closed period."""
    reference = reference.strip()
    ids = list(dict.fromkeys(cheque_payment_ids))
    errors: dict[str, str] = {}
    if len(reference) > REFERENCE_MAX:
        errors["reference"] = "too_long"
    if cash_cents < 0:
        errors["cash_cents"] = "amount_invalid"
    if not ids and cash_cents <= 0 and "cash_cents" not in errors:
        errors["deposit"] = "deposit_empty"
    if errors:
        raise ValidationError(errors)
    with db.write() as session:
        _ensure_open(session, day)
        found = {c.payment_id: (c, r) for c, r in _cheques(session, ids)} if ids else {}
        if any(i not in found for i in ids):
            raise ValidationError({"cheques": "cheque_unknown"})
        if any(r % 2 for _c, r in found.values()):
            raise ValidationError({"cheques": "cheque_deposited"})
        if any(c.day > day for c, _r in found.values()):
            raise ValidationError({"day": "deposit_before_receipt"})
        if cash_cents > 0:
            on_hand = min(cash_day_in(session, day).closing_cents, _cash_now(session))
            if cash_cents > on_hand:
                raise ValidationError({"cash_cents": "cash_over_on_hand"})
        written = []
        if ids:
            total = sum(found[i][0].amount_cents for i in ids)
            rounds = [(i, found[i][1] + 1) for i in ids]
            row = insert_deposit(
                session, "cheque", day, total, reference, actor, cheques=rounds, now=now
            )
            written.append(row.id)
        if cash_cents > 0:
            row = insert_deposit(session, "cash", day, cash_cents, reference, actor, now=now)
            written.append(row.id)
        return written


@guarded(Permission.INVOICES)
def cancel_deposit(
    db: Database,
    deposit_id: int,
    day: date,
    actor: int | None = None,
    reference: str = "",
    *,
    now: datetime | None = None,
) -> int:
    """Cancel a deposit by a reversing one on ``day`` (its own slip number, the opposite
    amount); its cheques are waiting to be deposited again. Refuses a deposit already
    cancelled, a reversing deposit, a day of a closed period or before the deposit."""
    with db.write() as session:
        original = session.get(BankDeposit, deposit_id)
        if original is None:
            raise NotFound("deposit", deposit_id)
        if original.cancels_id is not None or original.amount_cents < 0:
            raise ValidationError({"deposit": "deposit_is_reversal"})
        already = session.scalar(select(BankDeposit.id).where(BankDeposit.cancels_id == deposit_id))
        if already is not None:
            raise ValidationError({"deposit": "deposit_cancelled"})
        if day < original.day:
            raise ValidationError({"day": "deposit_before_receipt"})
        _ensure_open(session, day)
        links = session.execute(
            select(BankDepositCheque.payment_id, BankDepositCheque.round).where(
                BankDepositCheque.deposit_id == deposit_id
            )
        ).all()
        row = insert_deposit(
            session,
            original.kind,
            day,
            -original.amount_cents,
            reference.strip() or f"Annulation de {original.number}",
            actor,
            cheques=[(pid, r + 1) for pid, r in links],
            cancels_id=deposit_id,
            now=now,
        )
        return row.id


# --- reading ----------------------------------------------------------------------------


@guarded(Permission.INVOICES)
def list_deposits(db: Database) -> list[DepositSummary]:
    """Every deposit, the latest first."""
    with db.read() as session:
        counts = dict(
            session.execute(
                select(BankDepositCheque.deposit_id, func.count()).group_by(
                    BankDepositCheque.deposit_id
                )
            ).all()
        )
        rows = session.execute(
            select(
                BankDeposit.id,
                BankDeposit.kind,
                BankDeposit.number,
                BankDeposit.day,
                BankDeposit.amount_cents,
                BankDeposit.reference,
                BankDeposit.cancels_id,
            ).order_by(BankDeposit.day.desc(), BankDeposit.id.desc())
        ).all()
    numbers = {r[0]: r[2] for r in rows}
    cancelled_by = {r[6]: r[2] for r in rows if r[6] is not None}
    return [
        DepositSummary(
            dep_id,
            kind,
            number,
            day,
            cents,
            counts.get(dep_id, 0),
            reference,
            numbers.get(cancels, "") if cancels else "",
            cancelled_by.get(dep_id, ""),
        )
        for dep_id, kind, number, day, cents, reference, cancels in rows
    ]


@guarded(Permission.INVOICES)
def deposit_slip(db: Database, deposit_id: int) -> DepositSlip:
    """A deposit with its cheques and the lab's bank account, for its slip."""
    with db.read() as session:
        dep = session.get(BankDeposit, deposit_id)
        if dep is None:
            raise NotFound("deposit", deposit_id)
        ids = session.scalars(
            select(BankDepositCheque.payment_id).where(BankDepositCheque.deposit_id == deposit_id)
        ).all()
        cheques = tuple(c for c, _r in _cheques(session, ids)) if ids else ()
        cancels = session.get(BankDeposit, dep.cancels_id) if dep.cancels_id else None
        cancelled_by = session.scalar(
            select(BankDeposit.number).where(BankDeposit.cancels_id == deposit_id)
        )
        structure = session.get(Structure, 1)
        return DepositSlip(
            id=dep.id,
            kind=dep.kind,
            number=dep.number,
            day=dep.day,
            amount_cents=dep.amount_cents,
            reference=dep.reference,
            cheques=cheques,
            cancels_number=cancels.number if cancels else "",
            cancelled_by=cancelled_by or "",
            structure_name=structure.name if structure else "",
            iban=structure.iban if structure else "",
            bic=structure.bic if structure else "",
        )
