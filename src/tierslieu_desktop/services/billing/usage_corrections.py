"""Correcting a usage until it is invoiced (issue 17): its real times and its consumables
(quantity, a line added or removed), in one transaction — each change recorded in
``usage_correction`` (who, when, field, before → after), the stock given back and taken
again, the machine's hour counter moved by the difference, the usage priced again with
the rules of its day (services.pricing.engine.charge_usage: its quota and pack minutes
given back first), the line of an open basket that holds it rebuilt, and the booking it
came from moved to the corrected times. Once a usage is on an invoice, nothing changes it:
a credit note does (services.billing.credit_notes).

A usage from a booking: its times corrected, the booking follows
(``scheduling.bookings.follow_corrected_usage``): it then spans the corrected arrival to
the corrected departure — where a check-out had left it at its planned start (and cut its
end when the member left early) — its arrival time is the corrected one and its buffer
follows the new end; the calendar (Réservations), Accueil and the member's history show
the corrected times. The correction itself stays recorded in ``usage_correction`` (who,
when, before → after) and the booking's history says it was moved by a correction, with
its times before."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Basket,
    BasketLine,
    Consumable,
    Invoice,
    InvoiceLine,
    Machine,
    Operator,
    PackMovement,
    QuotaUse,
    Space,
    Usage,
    UsageCharge,
    UsageConsumable,
    UsageCorrection,
    utcnow,
)
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.billing.baskets import add_usage_lines_in, payer_clause
from tierslieu_desktop.services.common import FieldCollector, check_version, stamp
from tierslieu_desktop.services.pricing.engine import charge_usage
from tierslieu_desktop.services.scheduling.bookings import follow_corrected_usage
from tierslieu_desktop.services.scheduling.usages import (
    FUTURE_GRACE,
    MAX_QUANTITY_MILLI,
    UsageRow,
    _get_usage_impl,
)


@dataclass(frozen=True)
class CorrectionRow:
    at: datetime
    operator: str  # the operator's name ("" = unknown)
    field: str  # "start_at", "end_at" or "consumable"
    consumable: str  # the consumable's name for "consumable"
    unit: str  # the consumable's unit
    before: str  # ISO instant or quantity in thousandths; "" = no line
    after: str


@dataclass(frozen=True)
class CorrectableUsage:
    usage: UsageRow
    invoice_number: str | None  # on this invoice: no correction (a credit note)
    basket_id: int | None  # in this open basket: its lines follow a correction
    charged_cents: int
    history: tuple[CorrectionRow, ...]  # oldest first


def _invoice_number(session: Session, usage_id: int) -> str | None:
    number = session.scalar(
        select(Invoice.number)
        .join(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
        .where(InvoiceLine.usage_id == usage_id)
        .order_by(Invoice.id)
        .limit(1)
    )
    return str(number) if number is not None else None


def _open_basket(session: Session, usage_id: int) -> int | None:
    found = session.scalar(
        select(Basket.id)
        .join(BasketLine, BasketLine.basket_id == Basket.id)
        .where(BasketLine.usage_id == usage_id, Basket.status == "open")
        .limit(1)
    )
    return int(found) if found is not None else None


def correction_history(session: Session, usage_id: int) -> tuple[CorrectionRow, ...]:
    return tuple(
        CorrectionRow(
            at=c.at,
            operator=operator or "",
            field=c.field,
            consumable=name or "",
            unit=unit or "",
            before=c.before_value,
            after=c.after_value,
        )
        for c, operator, name, unit in session.execute(
            select(UsageCorrection, Operator.name, Consumable.name, Consumable.unit)
            .outerjoin(Operator, Operator.id == UsageCorrection.operator_id)
            .outerjoin(Consumable, Consumable.id == UsageCorrection.consumable_id)
            .where(UsageCorrection.usage_id == usage_id)
            .order_by(UsageCorrection.at, UsageCorrection.id)
        )
    )


@guarded(Permission.BOOKINGS)
def correctable_usage(db: Database, usage_id: int) -> CorrectableUsage:
    """The usage as recorded, whether it can still be corrected (no invoice), the open
    basket holding it, what it costs now and its corrections so far."""
    usage = _get_usage_impl(db, usage_id)
    with db.read() as session:
        charged = sum(
            session.scalars(
                select(UsageCharge.charged_cents).where(UsageCharge.usage_id == usage_id)
            )
        )
        return CorrectableUsage(
            usage=usage,
            invoice_number=_invoice_number(session, usage_id),
            basket_id=_open_basket(session, usage_id),
            charged_cents=int(charged),
            history=correction_history(session, usage_id),
        )


@dataclass(frozen=True)
class UsageToCorrect:
    usage_id: int
    start_at: datetime
    end_at: datetime
    resource: str  # the machine's or the space's name
    charged_cents: int
    in_basket: bool  # in an open basket (its lines follow a correction)


@guarded(Permission.BOOKINGS)
def usages_to_correct(db: Database, member_id: int, limit: int = 50) -> list[UsageToCorrect]:
    """The member's usages (theirs and their organisation's group usages) on no invoice,
    latest first: what the member card offers to correct."""
    billed = select(InvoiceLine.id).where(InvoiceLine.usage_id == Usage.id).exists()
    basketed = (
        select(BasketLine.id)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .where(BasketLine.usage_id == Usage.id, Basket.status == "open")
        .exists()
    )
    charged = (
        select(func.coalesce(func.sum(UsageCharge.charged_cents), 0))
        .where(UsageCharge.usage_id == Usage.id)
        .scalar_subquery()
    )
    stmt = (
        select(
            Usage.id,
            Usage.start_at,
            Usage.end_at,
            func.coalesce(Machine.name, Space.name, ""),
            charged,
            basketed,
        )
        .outerjoin(Machine, Machine.id == Usage.machine_id)
        .outerjoin(Space, Space.id == Usage.space_id)
        .where(payer_clause(member_id), ~billed)
        .order_by(Usage.start_at.desc(), Usage.id.desc())
        .limit(limit)
    )
    with db.read() as session:
        return [
            UsageToCorrect(int(uid), start, end, str(name), int(cents or 0), bool(in_basket))
            for uid, start, end, name, cents, in_basket in session.execute(stmt)
        ]


def _record(
    session: Session,
    usage_id: int,
    actor: int | None,
    at: datetime,
    field: str,
    before: str,
    after: str,
    consumable_id: int | None = None,
) -> None:
    session.add(
        UsageCorrection(
            usage_id=usage_id,
            at=at,
            operator_id=actor,
            field=field,
            consumable_id=consumable_id,
            before_value=before,
            after_value=after,
        )
    )


@guarded(Permission.BOOKINGS)
def correct_usage(
    db: Database,
    actor: int | None,
    usage_id: int,
    *,
    start_at: datetime,
    end_at: datetime,
    consumables: Iterable[tuple[int, int]],
    now: datetime | None = None,
    expected_version: int | None = None,
) -> int:
    """Correct a usage not invoiced yet: its real ``start_at`` / ``end_at`` and exactly
    these ``consumables`` ((consumable_id, quantity in thousandths); a line left out is
    removed). Everything in one transaction (see the module). Returns the number of
    fields changed (0: nothing was written). A usage on an invoice raises
    ``usage_invoiced`` (with its number): a credit note corrects it."""
    if start_at.tzinfo is None or end_at.tzinfo is None:
        raise ValueError("aware datetimes only")
    now = now or utcnow()
    c = FieldCollector()
    if end_at <= start_at:
        c.add("end_at", "end_before_start")
    elif end_at > now + FUTURE_GRACE:
        c.add("end_at", "date_in_future")
    wanted: dict[int, int] = {}
    for consumable_id, quantity in consumables:
        if quantity <= 0 or quantity > MAX_QUANTITY_MILLI:
            c.add(f"consumable_{consumable_id}", "number_invalid")
        else:
            wanted[consumable_id] = wanted.get(consumable_id, 0) + quantity
    c.raise_if_any()
    with db.write() as session:
        usage = session.get(Usage, usage_id)
        if usage is None:
            raise NotFound("usage", usage_id)
        check_version(usage, expected_version, {"start_at": start_at, "end_at": end_at})
        number = _invoice_number(session, usage_id)
        if number is not None:
            raise DomainError("usage_invoiced", number=number)
        for consumable_id in wanted:
            if session.get(Consumable, consumable_id) is None:
                raise NotFound("consumable", consumable_id)
        lines = list(
            session.scalars(select(UsageConsumable).where(UsageConsumable.usage_id == usage_id))
        )
        current: dict[int, int] = {}
        for line in lines:
            current[line.consumable_id] = current.get(line.consumable_id, 0) + line.quantity_milli

        at = utcnow()
        changes = 0
        if start_at != usage.start_at:
            _record(
                session,
                usage_id,
                actor,
                at,
                "start_at",
                usage.start_at.isoformat(),
                start_at.isoformat(),
            )
            changes += 1
        if end_at != usage.end_at:
            _record(
                session,
                usage_id,
                actor,
                at,
                "end_at",
                usage.end_at.isoformat(),
                end_at.isoformat(),
            )
            changes += 1
        for consumable_id in sorted(set(current) | set(wanted)):
            before, after = current.get(consumable_id), wanted.get(consumable_id)
            if before != after:
                _record(
                    session,
                    usage_id,
                    actor,
                    at,
                    "consumable",
                    "" if before is None else str(before),
                    "" if after is None else str(after),
                    consumable_id,
                )
                changes += 1
        if not changes:
            return 0

        # Times: the usage and the machine's hour counter by the difference.
        minutes = int((end_at - start_at).total_seconds() // 60)
        if usage.machine_id is not None and minutes != usage.minutes:
            machine = session.get(Machine, usage.machine_id)
            if machine is not None:
                machine.hour_counter_minutes = max(
                    0, machine.hour_counter_minutes + minutes - usage.minutes
                )
                stamp(machine, actor)
        usage.start_at, usage.end_at, usage.minutes = start_at, end_at, minutes
        stamp(usage, actor)
        if usage.booking_id is not None:
            follow_corrected_usage(session, actor, usage.booking_id, start_at, end_at)

        # Consumables: what the lines took from the stock goes back, the lines are
        # replaced; charge_usage below takes the new quantities from the stock.
        given_back: dict[int, int] = {}
        for line in lines:
            taken = (
                line.quantity_milli if line.stock_taken_milli is None else line.stock_taken_milli
            )
            given_back[line.consumable_id] = given_back.get(line.consumable_id, 0) + taken
            session.delete(line)
        if given_back:
            for consumable in session.scalars(
                select(Consumable).where(
                    Consumable.id.in_(list(given_back)), Consumable.stock_milli.is_not(None)
                )
            ):
                consumable.stock_milli = (consumable.stock_milli or 0) + given_back[consumable.id]
        for consumable_id, quantity in wanted.items():
            session.add(
                UsageConsumable(
                    usage_id=usage_id, consumable_id=consumable_id, quantity_milli=quantity
                )
            )

        # Priced again: its frozen lines, quota minutes and pack minutes given back first.
        for model in (UsageCharge, QuotaUse, PackMovement):
            session.execute(delete(model).where(model.usage_id == usage_id))
        session.flush()
        charge_usage(session, usage_id, actor)

        # The open basket holding it: its lines rebuilt from the new charges.
        basket_id = _open_basket(session, usage_id)
        if basket_id is not None:
            basket = session.get(Basket, basket_id)
            assert basket is not None
            session.execute(
                delete(BasketLine).where(
                    BasketLine.basket_id == basket_id, BasketLine.usage_id == usage_id
                )
            )
            session.flush()
            add_usage_lines_in(session, actor, basket, [usage_id])
        return changes
