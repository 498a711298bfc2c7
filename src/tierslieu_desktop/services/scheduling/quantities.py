"""Consumable quantities worth a second look before they are saved (issue 17): a
quantity far above what is usual for that consumable (more than ``FAR_FACTOR`` times
the 95th percentile of its past quantities), or above the stock left. Used by the
check-out (Départ) and by the correction of a usage; the UI words the codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Consumable, UsageConsumable
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.pricing.engine import quote

FAR_FACTOR = 5  # × the 95th percentile of the past quantities
MIN_HISTORY = 5  # fewer past lines than this: nothing is "usual" yet
HISTORY = 1000  # the latest lines of a consumable read for its percentile

FAR_ABOVE_USUAL = "far_above_usual"
ABOVE_STOCK = "above_stock"


@dataclass(frozen=True)
class QuantityWarning:
    code: str  # FAR_ABOVE_USUAL or ABOVE_STOCK
    consumable_id: int
    name: str
    unit: str  # one of usages.UNITS
    quantity_milli: int
    usual_milli: int | None  # the 95th percentile of the past quantities
    times: int | None  # quantity ÷ usual, rounded down
    stock_milli: int | None  # the stock available to this usage
    price_cents: int | None  # what this quantity costs the customer (None: unknown)


def percentile_95(values: list[int]) -> int:
    """The nearest-rank 95th percentile of ``values`` (not empty)."""
    ordered = sorted(values)
    rank = -(-95 * len(ordered) // 100)  # ceil(0.95 n)
    return ordered[max(0, rank - 1)]


def _usual(session: Session, consumable_id: int, usage_id: int | None) -> int | None:
    stmt = (
        select(UsageConsumable.quantity_milli)
        .where(UsageConsumable.consumable_id == consumable_id)
        .order_by(UsageConsumable.id.desc())
        .limit(HISTORY)
    )
    if usage_id is not None:
        stmt = stmt.where(UsageConsumable.usage_id != usage_id)
    values = [int(v) for v in session.scalars(stmt)]
    if len(values) < MIN_HISTORY:
        return None
    return percentile_95(values)


@guarded(Permission.BOOKINGS)
def quantity_warnings(
    db: Database,
    consumables: Iterable[tuple[int, int]],
    *,
    usage_id: int | None = None,
    member_id: int | None = None,
    machine_id: int | None = None,
    space_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[QuantityWarning]:
    """The warnings of these ``(consumable_id, quantity in thousandths)`` lines, in their
    order: far above the usual, above the stock (for the correction of ``usage_id``, the
    stock it already took counts as available, and its own past lines are not part of
    the usual). With the resource and times, each warning carries the line's price."""
    quantities: dict[int, int] = {}
    for consumable_id, quantity in consumables:
        quantities[consumable_id] = quantities.get(consumable_id, 0) + quantity
    found: list[tuple[str, int, str, str, int, int | None, int | None]] = []
    with db.read() as session:
        for consumable_id, quantity in quantities.items():
            consumable = session.get(Consumable, consumable_id)
            if consumable is None or quantity <= 0:
                continue
            named = (consumable.id, consumable.name, consumable.unit)
            usual = _usual(session, consumable_id, usage_id)
            if usual is not None and usual > 0 and quantity > FAR_FACTOR * usual:
                found.append((FAR_ABOVE_USUAL, *named, quantity, usual, None))
            if consumable.stock_milli is not None:
                available = consumable.stock_milli
                if usage_id is not None:
                    for uc in session.scalars(
                        select(UsageConsumable).where(
                            UsageConsumable.usage_id == usage_id,
                            UsageConsumable.consumable_id == consumable_id,
                        )
                    ):
                        taken = uc.stock_taken_milli
                        available += uc.quantity_milli if taken is None else taken
                if quantity > available:
                    found.append((ABOVE_STOCK, *named, quantity, usual, available))
    out = []
    for code, consumable_id, name, unit, quantity, usual, stock in found:
        out.append(
            QuantityWarning(
                code=code,
                consumable_id=consumable_id,
                name=name,
                unit=unit,
                quantity_milli=quantity,
                usual_milli=usual,
                times=quantity // usual if usual else None,
                stock_milli=stock,
                price_cents=_price(
                    db, consumable_id, quantity, member_id, machine_id, space_id, start, end
                ),
            )
        )
    return out


def _price(
    db: Database,
    consumable_id: int,
    quantity: int,
    member_id: int | None,
    machine_id: int | None,
    space_id: int | None,
    start: datetime | None,
    end: datetime | None,
) -> int | None:
    if start is None or end is None or (machine_id is None and space_id is None):
        return None
    try:
        priced = quote(
            db,
            member_id=member_id,
            machine_id=machine_id,
            space_id=space_id,
            start=start,
            end=max(start, end),
            consumables=[(consumable_id, quantity)],
        )
    except DomainError:
        return None
    return sum(line.charged_cents for line in priced.lines if line.kind == "consumable")
