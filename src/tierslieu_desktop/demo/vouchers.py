"""The demo's voucher issuers' settlements: the Pass numérique vouchers received each
quarter (invoices paid by Pass numérique and the cyber-base's drop-in log) are paid by
the issuer on the 15th of the month after the quarter (the next business day when that
is not one), for every quarter whose payment day is before the reference date. What the
last quarters received stays owed, as it would be on that day.

Written as rows in the demo's transaction (like demo.finance); the amounts are the
quarter's own vouchers, so a settlement never exceeds what is owed
(services.finance.vouchers checks that for the desk)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import DropIn, DropInVoucher, Payment, VoucherSettlement
from tierslieu_desktop.domain.calendar import add_business_days, local_dt
from tierslieu_desktop.domain.finance import DEFAULT_VOUCHER_CENTS
from tierslieu_desktop.services.finance.vouchers import ISSUER_METHODS


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _next_quarter(day: date) -> date:
    return date(day.year + (day.month >= 10), (day.month + 2) % 12 + 1, 1)


def settle_vouchers(session: Session, reference_date: date, operator_id: int | None) -> int:
    """Insert the quarterly settlements; returns how many."""
    method = ISSUER_METHODS["pass_numerique"]
    first = session.scalar(select(func.min(Payment.at)).where(Payment.method == method))
    first_drop = session.scalar(select(func.min(DropIn.at)).where(DropIn.vouchers > 0))
    starts = [d.date() for d in (first, first_drop) if d is not None]
    if not starts:
        return 0
    quarter = _quarter_start(min(starts))
    count = 0
    while True:
        after = _next_quarter(quarter)
        payday = add_business_days(after.replace(day=15), 0)
        if payday > reference_date:
            return count
        lo, hi = local_dt(quarter, 0), local_dt(after, 0)
        paid_cents, paid_count = session.execute(
            select(
                func.coalesce(func.sum(Payment.amount_cents), 0),
                func.coalesce(func.sum(Payment.voucher_count), 0),
            ).where(Payment.method == method, Payment.at >= lo, Payment.at < hi)
        ).one()
        dropped = session.scalar(
            select(func.coalesce(func.sum(DropIn.vouchers), 0)).where(
                DropIn.at >= lo, DropIn.at < hi
            )
        )
        cents = int(paid_cents) + int(dropped or 0) * DEFAULT_VOUCHER_CENTS
        vouchers = int(paid_count or 0) + int(dropped or 0)
        if cents > 0 and vouchers > 0:
            reference = f"APTIC T{(quarter.month - 1) // 3 + 1} {quarter.year}"
            # the quarter's numbered vouchers were claimed by that settlement's list
            session.execute(
                update(DropInVoucher)
                .where(
                    DropInVoucher.drop_in_id.in_(
                        select(DropIn.id).where(DropIn.at >= lo, DropIn.at < hi)
                    )
                )
                .values(claim_reference=reference)
            )
            session.add(
                VoucherSettlement(
                    day=payday,
                    issuer="pass_numerique",
                    amount_cents=cents,
                    voucher_count=vouchers,
                    reference=reference,
                    created_at=local_dt(payday, 10 * 60),
                    operator_id=operator_id,
                )
            )
            count += 1
        quarter = after
