"""What is on sale beside the price rules: prepaid pack types (the packs bought are in
services.pricing.packs) and the stock of consumables."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Consumable, PackType
from tierslieu_desktop.domain.errors import NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector, check_version, stamp
from tierslieu_desktop.services.pricing.scopes import (
    TIME_SCOPES,
    Names,
    check_scope,
    get_or_new,
    scope_of,
    set_scope,
)

# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class PackTypeRow:
    id: int
    name: str
    scope_kind: str | None
    scope_id: int | None
    scope_name: str
    minutes: int
    validity_months: int
    price_cents: int
    archived: bool
    version: int = 1  # what save_pack_type's expected_version is given


@dataclass(frozen=True)
class StockRow:
    consumable_id: int
    name: str
    unit: str
    stock_milli: int
    low_stock_milli: int | None
    low: bool


# --------------------------------------------------------------------------- pack types


def list_pack_types(db: Database, include_archived: bool = False) -> list[PackTypeRow]:
    stmt = select(PackType).order_by(PackType.archived, PackType.name)
    if not include_archived:
        stmt = stmt.where(PackType.archived.is_(False))
    with db.read() as session:
        names = Names(session)
        out = []
        for p in session.scalars(stmt):
            kind, sid = scope_of(p)
            out.append(
                PackTypeRow(
                    p.id,
                    p.name,
                    kind,
                    sid,
                    names.resource(kind, sid),
                    p.minutes,
                    p.validity_months,
                    p.price_cents,
                    p.archived,
                    p.version,
                )
            )
        return out


@guarded(Permission.TARIFFS)
def save_pack_type(
    db: Database,
    actor: int | None,
    *,
    pack_type_id: int | None = None,
    name: str,
    scope_kind: str | None,
    scope_id: int | None,
    minutes: int,
    validity_months: int,
    price_cents: int,
    expected_version: int | None = None,
) -> int:
    """A prepaid pack on sale, e.g. "Laser 10 h": 600 minutes valid 12 months, 150 €."""
    with db.write() as session:
        errors = FieldCollector()
        errors.text("name", name or "")
        name = (name or "").strip()
        if not name:
            errors.add("name", "required")
        else:
            clash = session.scalar(
                select(PackType.id).where(func.lower(PackType.name) == name.lower())
            )
            if clash is not None and clash != pack_type_id:
                errors.add("name", "name_taken")
        check_scope(session, errors, scope_kind, scope_id, TIME_SCOPES)
        for field, value in (("minutes", minutes), ("validity_months", validity_months)):
            if value is None:
                errors.add(field, "required")
            elif value <= 0:
                errors.add(field, "positive")
        if price_cents is None:
            errors.add("price_cents", "required")
        elif price_cents < 0:
            errors.add("price_cents", "negative")
        errors.raise_if_any()
        pack = get_or_new(
            session,
            PackType,
            pack_type_id,
            actor,
            expected_version=expected_version,
            values={
                "name": name,
                "minutes": minutes,
                "validity_months": validity_months,
                "price_cents": price_cents,
            },
        )
        pack.name = name
        set_scope(pack, scope_kind, scope_id)
        pack.minutes = minutes
        pack.validity_months = validity_months
        pack.price_cents = price_cents
        if pack_type_id is None:
            pack.archived = False
        session.flush()
        return pack.id


@guarded(Permission.TARIFFS)
def set_pack_type_archived(
    db: Database,
    actor: int | None,
    pack_type_id: int,
    archived: bool,
    *,
    expected_version: int | None = None,
) -> None:
    """An archived pack type is no longer on sale; packs already bought keep it."""
    with db.write() as session:
        pack = session.get(PackType, pack_type_id)
        if pack is None:
            raise NotFound("pack_type", pack_type_id)
        check_version(pack, expected_version, {"archived": archived})
        pack.archived = archived
        stamp(pack, actor)


# --------------------------------------------------------------------------- stock


@guarded(Permission.PARK)
def set_consumable_stock(
    db: Database,
    actor: int | None,
    consumable_id: int,
    stock_milli: int | None,
    low_stock_milli: int | None,
) -> None:
    """Follow a consumable's stock (thousandths of its unit); None = not followed.
    ``actor`` is accepted for symmetry: the consumable table has no audit columns."""
    with db.write() as session:
        consumable = session.get(Consumable, consumable_id)
        if consumable is None:
            raise NotFound("consumable", consumable_id)
        errors = FieldCollector()
        check_stock(errors, stock_milli, low_stock_milli)
        errors.raise_if_any()
        apply_stock(consumable, stock_milli, low_stock_milli)


def check_stock(errors: FieldCollector, stock_milli: int | None, low_milli: int | None) -> None:
    """A stock and its threshold are counts: never below zero."""
    if stock_milli is not None and stock_milli < 0:
        errors.add("stock_milli", "negative")
    if low_milli is not None and low_milli < 0:
        errors.add("low_stock_milli", "negative")


def apply_stock(consumable: Consumable, stock_milli: int | None, low_milli: int | None) -> None:
    """Follow the stock (None: not followed, and then no threshold either)."""
    consumable.stock_milli = stock_milli
    consumable.low_stock_milli = None if stock_milli is None else low_milli


@guarded(Permission.PARK)
def stock_levels(db: Database) -> list[StockRow]:
    """Followed consumables (not archived); ``low`` when the stock is at or under its
    threshold."""
    with db.read() as session:
        rows = session.execute(
            select(
                Consumable.id,
                Consumable.name,
                Consumable.unit,
                Consumable.stock_milli,
                Consumable.low_stock_milli,
            )
            .where(Consumable.stock_milli.is_not(None), Consumable.archived.is_(False))
            .order_by(Consumable.position, Consumable.name)
        )
        return [
            StockRow(cid, name, unit, stock, low, low is not None and stock <= low)
            for cid, name, unit, stock, low in rows
            if stock is not None  # always (the query keeps followed consumables): for mypy
        ]
