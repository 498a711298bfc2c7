"""Figures for the Accueil page: real counts only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Consumable, Machine, Member, Membership, Structure
from tierslieu_desktop.domain.calendar import lab_today


@dataclass(frozen=True)
class HomeSummary:
    structure_name: str
    active_members: int
    members_with_membership: int
    machines_available: int
    machines_maintenance: int
    machines_out_of_order: int
    # Followed consumables at or under their low-stock threshold: (name, unit, stock_milli).
    low_stock: tuple[tuple[str, str, int], ...] = ()


def home_summary(db: Database, today: date | None = None) -> HomeSummary:
    today = today or lab_today()
    with db.read() as session:
        name = session.scalar(select(Structure.name).where(Structure.id == 1)) or ""
        active = session.scalar(select(func.count(Member.id)).where(Member.archived.is_(False)))
        with_membership = session.scalar(
            select(func.count(func.distinct(Membership.member_id)))
            .join(Member, Member.id == Membership.member_id)
            .where(
                Member.archived.is_not(True),  # not via the sort index: faster here
                Membership.start_date <= today,
                Membership.end_date >= today,
            )
        )
        by_status = {
            status: n
            for status, n in session.execute(
                select(Machine.status, func.count(Machine.id))
                .where(Machine.archived.is_(False))
                .group_by(Machine.status)
            )
        }
        low_stock = tuple(
            (row.name, row.unit, row.stock_milli)
            for row in session.execute(
                select(Consumable.name, Consumable.unit, Consumable.stock_milli)
                .where(
                    Consumable.archived.is_(False),
                    Consumable.stock_milli.is_not(None),
                    Consumable.low_stock_milli.is_not(None),
                    Consumable.stock_milli <= Consumable.low_stock_milli,
                )
                .order_by(Consumable.position, Consumable.name)
            )
        )
    return HomeSummary(
        structure_name=name,
        active_members=active or 0,
        members_with_membership=with_membership or 0,
        machines_available=by_status.get("available", 0),
        machines_maintenance=by_status.get("maintenance", 0),
        machines_out_of_order=by_status.get("out_of_order", 0),
        low_stock=low_stock,
    )
