"""The demo's bank deposits (issue 15): the cheques received at the desk taken to the bank
every one or two weeks, and the till's cash once a month, leaving a float of 100 to 150 €
for the change. Written after the sales (small demo and decade alike) straight into the
tables, in bulk — the days are in closed periods by then, which the service refuses;
the same rows as ``services.billing.deposits.record_deposit`` would have written."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import BankDeposit, BankDepositCheque, Payment
from tierslieu_desktop.domain.calendar import local_dt, to_local
from tierslieu_desktop.domain.deposits import deposit_number

SEED = 5112
FLOAT_CENTS = (10_000, 15_000)  # what stays in the till


def _day(value: datetime | str) -> date:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return to_local(value).date()


def add_deposits(session: Session, actor: int | None, last_day: date) -> tuple[int, int]:
    """Deposit the demo's cheques and cash up to ``last_day``; (cheque slips, cash
    deposits) written."""
    rng = random.Random(SEED)
    cheques: dict[date, list[tuple[int, int]]] = defaultdict(list)
    cash: dict[date, int] = defaultdict(int)
    rows = session.execute(
        select(Payment.id, Payment.at, Payment.method, Payment.amount_cents)
        .where(Payment.method.in_(("cheque", "cash")))
        .order_by(Payment.at, Payment.id)
    )
    for pay_id, at, method, cents in rows:
        day = _day(at)
        if method == "cheque" and cents > 0:
            cheques[day].append((pay_id, cents))
        elif method == "cash":
            cash[day] += cents
    days = sorted(set(cheques) | set(cash))
    if not days:
        return 0, 0
    created = local_dt(last_day, 18 * 60)
    slips: list[tuple[date, list[tuple[int, int]]]] = []
    cash_out: list[tuple[date, int]] = []
    waiting: list[tuple[int, int]] = []
    till = 0
    next_slip = days[0] + timedelta(days=rng.choice((7, 14)))
    month = (days[0].year, days[0].month)
    day = days[0]
    while day <= last_day:
        waiting += cheques.get(day, [])
        if day >= next_slip and day.weekday() < 5 and waiting:
            slips.append((day, waiting))
            waiting = []
            next_slip = day + timedelta(days=rng.choice((7, 7, 14)))
        if (day.year, day.month) != month and day.weekday() < 5:
            month = (day.year, day.month)
            keep = rng.randrange(FLOAT_CENTS[0], FLOAT_CENTS[1] + 1, 1000)
            amount = (till - keep) // 1000 * 1000  # whole tens of euros
            if amount > 0:
                cash_out.append((day, amount))
                till -= amount
        till += cash.get(day, 0)
        day += timedelta(days=1)
    for seq, (day, taken) in enumerate(slips, 1):
        dep_id = session.execute(
            insert(BankDeposit).returning(BankDeposit.id),
            [_row("cheque", seq, day, sum(c for _p, c in taken), actor, created)],
        ).scalar_one()
        session.execute(
            insert(BankDepositCheque),
            [{"deposit_id": dep_id, "payment_id": p, "round": 1} for p, _c in taken],
        )
    if cash_out:
        session.execute(
            insert(BankDeposit),
            [
                _row("cash", seq, day, amount, actor, created)
                for seq, (day, amount) in enumerate(cash_out, 1)
            ],
        )
    return len(slips), len(cash_out)


def _row(
    kind: str, seq: int, day: date, cents: int, actor: int | None, created: datetime
) -> dict[str, object]:
    return {
        "kind": kind,
        "seq": seq,
        "number": deposit_number(kind, seq),
        "day": day,
        "amount_cents": cents,
        "reference": "",
        "created_at": created,
        "operator_id": actor,
    }
