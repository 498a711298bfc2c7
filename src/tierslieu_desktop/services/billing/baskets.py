"""Front-desk baskets, editable until they are validated (services.billing.documents):
usage lines with their frozen charges, workshop and training tickets, memberships, packs,
wallet top-ups and free lines; what is still to bill (charged usages and tickets of sessions
held, on no invoice and in no open basket, since the invoicing start) and who has
something to collect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Basket,
    BasketLine,
    Consumable,
    InvoiceLine,
    Member,
    PackType,
    PriceRule,
    Registration,
    Structure,
    Usage,
    UsageCharge,
    UsageConsumable,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.lines import measured_line
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import round_half_up
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.activity.registrations import payable_tickets
from tierslieu_desktop.services.billing._common import (
    DESIGNATION_MAX,
    fr_date,
    local_day,
    member_name,
)
from tierslieu_desktop.services.common import FieldCollector, stamp
from tierslieu_desktop.services.pricing.packs import balance_in


@dataclass(frozen=True)
class BasketLineRow:
    id: int
    kind: str
    designation: str
    detail: str
    quantity_milli: int
    unit: str
    unit_price_cents: int
    list_cents: int
    discount_cents: int
    total_cents: int
    revenue_kind: str
    usage_id: int | None
    pack_type_id: int | None
    membership_audience_id: int | None
    membership_start: date | None
    membership_end: date | None


@dataclass(frozen=True)
class BasketRow:
    id: int
    member_id: int | None
    member_name: str
    status: str
    lines: list[BasketLineRow]
    total_cents: int
    list_cents: int
    wallet_balance_cents: int


@dataclass(frozen=True)
class UnbilledUsage:
    usage_id: int
    day: date
    label: str
    list_cents: int
    charged_cents: int


def _line_total(quantity_milli: int, unit_price_cents: int, discount_cents: int) -> int:
    return round_half_up(quantity_milli * unit_price_cents, 1000) - discount_cents


def _charge_quantity(session: Session, usage: Usage, charge: UsageCharge) -> dict[str, Any] | None:
    """The quantity, unit and unit price (incl. VAT) of a usage charge, read back from
    its rule (domain.lines.measured_line); None: the line stays "1 × list price"."""
    rule = session.get(PriceRule, charge.rule_id) if charge.rule_id is not None else None
    if rule is None:
        return None
    consumable = None
    if rule.unit == "consumable":
        uses = list(
            session.execute(
                select(UsageConsumable.quantity_milli, Consumable.unit)
                .join(Consumable, Consumable.id == UsageConsumable.consumable_id)
                .where(
                    UsageConsumable.usage_id == usage.id,
                    UsageConsumable.consumable_id == rule.consumable_id,
                )
            )
        )
        if len(uses) != 1:
            return None
        consumable = (int(uses[0][0]), str(uses[0][1]))
    measure = measured_line(
        rule.unit,
        rule.amount_cents,
        rule.step_minutes,
        minutes=usage.minutes,
        headcount=usage.headcount,
        consumable=consumable,
        list_cents=charge.list_cents,
    )
    if measure is None:
        return None
    quantity, unit, price = measure
    return {"quantity_milli": quantity, "unit": unit, "unit_price_cents": price}


def payer_clause(member_id: int) -> ColumnElement[bool]:
    """Usages billed to a member: theirs, and their organisation's group usages."""
    return (Usage.member_id == member_id) | (
        Usage.member_id.is_(None) & (Usage.organisation_id == member_id)
    )


def _billed_usage_ids() -> Select[int | None]:
    return select(InvoiceLine.usage_id).where(InvoiceLine.usage_id.is_not(None))


def _basketed_usage_ids(exclude_basket: int | None = None) -> Select[int | None]:
    stmt = (
        select(BasketLine.usage_id)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .where(Basket.status == "open", BasketLine.usage_id.is_not(None))
    )
    if exclude_basket is not None:
        stmt = stmt.where(Basket.id != exclude_basket)
    return stmt


def unbilled_in(
    session: Session,
    member_id: int,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
    exclude_basket: int | None = None,
) -> list[UnbilledUsage]:
    stmt = (
        select(Usage)
        .where(
            payer_clause(member_id),
            Usage.id.in_(select(UsageCharge.usage_id)),
            Usage.id.not_in(_billed_usage_ids()),
            Usage.id.not_in(_basketed_usage_ids(exclude_basket)),
        )
        .order_by(Usage.start_at, Usage.id)
    )
    start = session.scalar(select(Structure.invoicing_start).where(Structure.id == 1))
    if start is not None and (first_day is None or first_day < start):
        first_day = start  # billed before the software was adopted
    if first_day is not None:
        stmt = stmt.where(Usage.start_at >= local_day_bounds(first_day)[0])
    if last_day is not None:
        stmt = stmt.where(Usage.start_at < local_day_bounds(last_day)[1])
    usages = list(session.scalars(stmt))
    charges: dict[int, list[UsageCharge]] = {}
    if usages:
        for c in session.scalars(
            select(UsageCharge)
            .where(UsageCharge.usage_id.in_([u.id for u in usages]))
            .order_by(UsageCharge.id)
        ):
            charges.setdefault(c.usage_id, []).append(c)
    return [
        UnbilledUsage(
            usage_id=u.id,
            day=local_day(u.start_at),
            label=charges[u.id][0].label,
            list_cents=sum(c.list_cents for c in charges[u.id]),
            charged_cents=sum(c.charged_cents for c in charges[u.id]),
        )
        for u in usages
    ]


def editable_basket(session: Session, basket_id: int) -> Basket:
    """The open basket, locked until the transaction ends (PostgreSQL: FOR UPDATE): two
    desks validating or changing it at once are served one after the other — the second
    finds it invoiced (``basket_not_open``) instead of invoicing it again."""
    basket = session.get(Basket, basket_id, with_for_update=True)
    if basket is None:
        raise NotFound("basket", basket_id)
    if basket.status != "open":
        raise DomainError("basket_not_open", basket_status=basket.status)
    return basket


def _next_position(session: Session, basket_id: int) -> int:
    return (
        int(
            session.scalar(
                select(func.coalesce(func.max(BasketLine.position), 0)).where(
                    BasketLine.basket_id == basket_id
                )
            )
            or 0
        )
        + 1
    )


def _add_line(session: Session, basket: Basket, actor: int | None, **values: Any) -> int:
    values.setdefault("quantity_milli", 1000)
    values.setdefault("discount_cents", 0)
    values.setdefault(
        "list_cents", _line_total(values["quantity_milli"], values["unit_price_cents"], 0)
    )
    values["total_cents"] = _line_total(
        values["quantity_milli"], values["unit_price_cents"], values["discount_cents"]
    )
    line = BasketLine(basket_id=basket.id, position=_next_position(session, basket.id), **values)
    session.add(line)
    stamp(basket, actor)
    session.flush()
    return line.id


def add_usage_lines_in(
    session: Session, actor: int | None, basket: Basket, usage_ids: Sequence[int]
) -> None:
    present = set(
        session.scalars(
            select(BasketLine.usage_id).where(
                BasketLine.basket_id == basket.id, BasketLine.usage_id.is_not(None)
            )
        )
    )
    for usage_id in usage_ids:
        if usage_id in present:
            continue
        usage = session.get(Usage, usage_id)
        if usage is None:
            raise NotFound("usage", usage_id)
        payer = usage.member_id if usage.member_id is not None else usage.organisation_id
        if payer != basket.member_id:
            raise DomainError("usage_other_member", usage=usage_id)
        billed = session.scalar(
            select(func.count()).where(InvoiceLine.usage_id == usage_id)
        ) or session.scalar(
            select(func.count())
            .select_from(BasketLine)
            .where(
                BasketLine.usage_id == usage_id,
                BasketLine.basket_id.in_(
                    select(Basket.id).where(Basket.status == "open", Basket.id != basket.id)
                ),
            )
        )
        if billed:
            raise DomainError("usage_already_billed", usage=usage_id)
        charges = list(
            session.scalars(
                select(UsageCharge).where(UsageCharge.usage_id == usage_id).order_by(UsageCharge.id)
            )
        )
        if not charges:
            raise DomainError("usage_not_charged", usage=usage_id)
        day = fr_date(local_day(usage.start_at))
        for c in charges:
            consumable = c.kind == "consumable"
            detail = " · ".join(x for x in (day, c.quantity_text, c.reasons) if x)
            measured = _charge_quantity(session, usage, c) or {"unit_price_cents": c.list_cents}
            _add_line(
                session,
                basket,
                actor,
                kind="consumable" if consumable else "usage",
                designation=c.label[:DESIGNATION_MAX],
                detail=detail,
                **measured,
                list_cents=c.list_cents,
                discount_cents=c.reduction_cents,
                revenue_kind="consumable" if consumable else "usage",
                usage_id=usage_id,
            )
        present.add(usage_id)


@dataclass(frozen=True)
class UnbilledRegistration:
    registration_id: int
    day: date
    label: str
    cents: int


def _registration_payer_clause(member_id: int) -> ColumnElement[bool]:
    """Registrations paid by a member: theirs, and their organisation's groups."""
    return (Registration.member_id == member_id) | (
        Registration.member_id.is_(None) & (Registration.organisation_id == member_id)
    )


def _tickets_stmt(
    session: Session, first_day: date | None, last_day: date | None
) -> Select[Registration, datetime, str]:
    """Workshop and training tickets to bill: seated, priced, not ticked absent or
    excused, of a session held (started by the end of ``last_day``, default today),
    not cancelled, on no invoice and in no open basket; since the invoicing start."""
    in_basket = (  # per ticket, by the index: not a list of every ticket ever billed
        select(BasketLine.id)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .where(Basket.status != "cancelled", BasketLine.registration_id == Registration.id)
        .exists()
    )
    last_day = last_day or to_local(utcnow()).date()
    stmt = payable_tickets(Registration, ActivitySession.start_at, Activity.name).where(
        ActivitySession.start_at < local_day_bounds(last_day)[1],
        ~in_basket,
    )
    start = session.scalar(select(Structure.invoicing_start).where(Structure.id == 1))
    if start is not None and (first_day is None or first_day < start):
        first_day = start
    if first_day is not None:
        stmt = stmt.where(ActivitySession.start_at >= local_day_bounds(first_day)[0])
    return stmt


def unbilled_registrations_in(
    session: Session,
    member_id: int,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
) -> list[UnbilledRegistration]:
    stmt = _tickets_stmt(session, first_day, last_day).where(_registration_payer_clause(member_id))
    out = []
    for reg, start_at, name in session.execute(
        stmt.order_by(ActivitySession.start_at, Registration.id)
    ):
        day = local_day(start_at)
        label = f"{name} — {fr_date(day)}"
        if reg.member_id is None:
            label += f" ({reg.headcount} pers.)"
        out.append(UnbilledRegistration(reg.id, day, label, reg.price_cents))
    return out


def add_registration_lines_in(
    session: Session, actor: int | None, basket: Basket, registrations: Sequence[int]
) -> None:
    if not registrations:
        return
    # The payer's tickets still to bill (any session date: paying in advance), read once.
    found = {
        r.registration_id: r
        for r in unbilled_registrations_in(
            session, basket.member_id or 0, last_day=date(9999, 12, 30)
        )
    }
    for rid in registrations:
        reg = session.get(Registration, rid)
        if reg is None:
            raise NotFound("registration", rid)
        if (reg.member_id if reg.member_id is not None else reg.organisation_id) != (
            basket.member_id
        ):
            raise DomainError("usage_other_member", usage=rid)
        ticket = found.pop(rid, None)  # popped: the same ticket never goes in twice
        if ticket is None:
            raise DomainError("registration_already_billed")
        _add_line(
            session,
            basket,
            actor,
            kind="other",
            designation=ticket.label[:DESIGNATION_MAX],
            detail=reg.price_reason,
            unit_price_cents=reg.price_cents,
            list_cents=reg.price_cents,
            revenue_kind="training",
            registration_id=rid,
        )


@guarded(Permission.CHECKOUT)
def unbilled_registrations(db: Database, member_id: int) -> list[UnbilledRegistration]:
    """The member's workshop and training tickets to bill (sessions held by today)."""
    with db.read() as session:
        return unbilled_registrations_in(session, member_id)


def _line_row(line: BasketLine) -> BasketLineRow:
    return BasketLineRow(
        id=line.id,
        kind=line.kind,
        designation=line.designation,
        detail=line.detail,
        quantity_milli=line.quantity_milli,
        unit=line.unit,
        unit_price_cents=line.unit_price_cents,
        list_cents=line.list_cents,
        discount_cents=line.discount_cents,
        total_cents=line.total_cents,
        revenue_kind=line.revenue_kind,
        usage_id=line.usage_id,
        pack_type_id=line.pack_type_id,
        membership_audience_id=line.membership_audience_id,
        membership_start=line.membership_start,
        membership_end=line.membership_end,
    )


def basket_lines(session: Session, basket_id: int) -> list[BasketLine]:
    return list(
        session.scalars(
            select(BasketLine)
            .where(BasketLine.basket_id == basket_id)
            .order_by(BasketLine.position, BasketLine.id)
        )
    )


def _basket_row(session: Session, basket: Basket) -> BasketRow:
    lines = [_line_row(line) for line in basket_lines(session, basket.id)]
    member = session.get(Member, basket.member_id) if basket.member_id is not None else None
    return BasketRow(
        id=basket.id,
        member_id=basket.member_id,
        member_name=member_name(member),
        status=basket.status,
        lines=lines,
        total_cents=sum(line.total_cents for line in lines),
        list_cents=sum(line.list_cents for line in lines),
        wallet_balance_cents=balance_in(session, basket.member_id),
    )


@guarded(Permission.CHECKOUT)
def open_basket(db: Database, actor: int | None, member_id: int | None) -> int:
    """The member's open basket if any, else a new one filled with the member's
    unbilled usages. ``member_id`` None = a walk-in's new, empty basket."""
    with db.write() as session:
        if member_id is not None:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            existing = session.scalar(
                select(Basket.id)
                .where(Basket.member_id == member_id, Basket.status == "open")
                .order_by(Basket.id)
                .limit(1)
            )
            if existing is not None:
                return int(existing)
        basket = Basket(member_id=member_id, status="open")
        stamp(basket, actor, created=True)
        session.add(basket)
        session.flush()
        if member_id is not None:
            usages = unbilled_in(session, member_id, exclude_basket=basket.id)
            add_usage_lines_in(session, actor, basket, [u.usage_id for u in usages])
            tickets = unbilled_registrations_in(session, member_id)
            add_registration_lines_in(session, actor, basket, [t.registration_id for t in tickets])
        return basket.id


@guarded(Permission.CHECKOUT)
def get_basket(db: Database, basket_id: int) -> BasketRow:
    with db.read() as session:
        basket = session.get(Basket, basket_id)
        if basket is None:
            raise NotFound("basket", basket_id)
        return _basket_row(session, basket)


@dataclass(frozen=True)
class ToCollect:
    """A payer with usages waiting to be billed (not monthly invoiced)."""

    member_id: int
    name: str
    usages: int
    charged_cents: int
    last_day: date


def to_collect_stmt(start: date | None) -> Select[Any, int, Any, datetime]:
    """(payer, usages, charged cents, last start) of the unbilled usages since the
    invoicing start: read by start (``ix_usage_start``), then each usage's charges and
    invoice lines by their usage index — never every usage charge ever recorded."""
    payer = func.coalesce(Usage.member_id, Usage.organisation_id).label("payer")
    billed = select(InvoiceLine.id).where(InvoiceLine.usage_id == Usage.id).exists()
    stmt = (
        select(
            payer,
            func.count(func.distinct(Usage.id)),
            func.sum(UsageCharge.charged_cents),
            func.max(Usage.start_at),
        )
        .join(UsageCharge, UsageCharge.usage_id == Usage.id)
        .where(
            payer.is_not(None),
            ~billed,
            Usage.id.not_in(_basketed_usage_ids()),
        )
        .group_by(payer)
        .having(func.sum(UsageCharge.charged_cents) > 0)  # free visits: nothing to collect
    )
    if start is not None:
        stmt = stmt.where(Usage.start_at >= local_day_bounds(start)[0])
    return stmt


@guarded(Permission.CHECKOUT)
def to_collect(db: Database, limit: int = 200) -> list[ToCollect]:
    """Who has unbilled usages (in no invoice and no open basket, since the invoicing
    start): the front desk's list of people to take payment from, latest visit first.
    Members invoiced monthly are left to the monthly invoicing."""
    with db.read() as session:
        start = session.scalar(select(Structure.invoicing_start).where(Structure.id == 1))
        stmt = to_collect_stmt(start)
        rows: list[tuple[Any, ...]] = [tuple(r) for r in session.execute(stmt)]
        # Workshop and training tickets of sessions held.
        tickets = _tickets_stmt(session, None, None).subquery()
        ticket_payer = func.coalesce(tickets.c.member_id, tickets.c.organisation_id)
        merged = {r[0]: list(r) for r in rows}
        for payer_id, count, cents, last in session.execute(
            select(
                ticket_payer,
                func.count(),
                func.sum(tickets.c.price_cents),
                func.max(tickets.c.start_at),
            ).group_by(ticket_payer)
        ):
            if payer_id in merged:
                got = merged[payer_id]
                got[1] += count
                got[2] = (got[2] or 0) + cents
                got[3] = max(got[3], last)
            else:
                merged[payer_id] = [payer_id, count, cents, last]
        rows = [tuple(r) for r in merged.values()]
        if not rows:
            return []
        members = {
            m.id: m
            for m in session.scalars(select(Member).where(Member.id.in_([r[0] for r in rows])))
        }
        out = [
            ToCollect(
                member_id=member_id,
                name=member_name(members[member_id]),
                usages=count,
                charged_cents=cents or 0,
                last_day=local_day(last),
            )
            for member_id, count, cents, last in rows
            if member_id in members and not members[member_id].monthly_invoicing
        ]
        out.sort(key=lambda r: (r.last_day, r.name), reverse=True)
        return out[:limit]


def invoicing_start(db: Database) -> date | None:
    """The first day whose usages are billed here (None = every usage)."""
    with db.read() as session:
        return session.scalar(select(Structure.invoicing_start).where(Structure.id == 1))


@guarded(Permission.INVOICES)
def set_invoicing_start(db: Database, actor: int | None, day: date | None) -> None:
    """Usages before ``day`` were billed outside the software (a lab moving from a
    spreadsheet): they are never proposed in a basket nor in the monthly invoicing.
    Nothing already issued changes."""
    with db.write() as session:
        structure = session.get(Structure, 1)
        if structure is None:
            raise DomainError("structure_missing")
        structure.invoicing_start = day
        stamp(structure, actor)


@guarded(Permission.CHECKOUT)
def open_baskets(db: Database) -> list[BasketRow]:
    with db.read() as session:
        return [
            _basket_row(session, b)
            for b in session.scalars(
                select(Basket).where(Basket.status == "open").order_by(Basket.id)
            )
        ]


@guarded(Permission.CHECKOUT)
def unbilled_usages(db: Database, member_id: int) -> list[UnbilledUsage]:
    """The member's charged usages on no invoice and in no open basket, oldest first."""
    with db.read() as session:
        return unbilled_in(session, member_id)


@guarded(Permission.CHECKOUT)
def add_usage_lines(
    db: Database, actor: int | None, basket_id: int, usage_ids: Sequence[int]
) -> None:
    """One basket line per frozen charge line of each usage (list price, reduction)."""
    with db.write() as session:
        basket = editable_basket(session, basket_id)
        add_usage_lines_in(session, actor, basket, usage_ids)


def _needs_member(basket: Basket) -> None:
    if basket.member_id is None:
        raise DomainError("basket_needs_member")


@guarded(Permission.CHECKOUT)
def add_membership_line(
    db: Database,
    actor: int | None,
    basket_id: int,
    *,
    audience_id: int,
    start: date,
    end: date,
    fee_cents: int,
    label: str = "",
) -> int:
    texts = FieldCollector()
    texts.text("label", label, DESIGNATION_MAX)
    errors = dict(texts.errors)
    if end < start:
        errors["end_date"] = "end_before_start"
    if fee_cents < 0:
        errors["fee"] = "amount_negative"
    if errors:
        raise ValidationError(errors)
    with db.write() as session:
        basket = editable_basket(session, basket_id)
        _needs_member(basket)
        audience = session.get(Audience, audience_id)
        if audience is None:
            raise NotFound("audience", audience_id)
        designation = label.strip() or (
            f"Adhésion {audience.name} du {fr_date(start)} au {fr_date(end)}"
        )
        return _add_line(
            session,
            basket,
            actor,
            kind="membership",
            designation=designation[:DESIGNATION_MAX],
            unit_price_cents=fee_cents,
            revenue_kind="membership",
            membership_audience_id=audience_id,
            membership_start=start,
            membership_end=end,
        )


@guarded(Permission.CHECKOUT)
def add_pack_line(db: Database, actor: int | None, basket_id: int, pack_type_id: int) -> int:
    with db.write() as session:
        basket = editable_basket(session, basket_id)
        _needs_member(basket)
        pack_type = session.get(PackType, pack_type_id)
        if pack_type is None:
            raise NotFound("pack_type", pack_type_id)
        if pack_type.archived:
            raise DomainError("pack_type_archived", name=pack_type.name)
        return _add_line(
            session,
            basket,
            actor,
            kind="pack",
            designation=pack_type.name[:DESIGNATION_MAX],
            detail=f"Validité {pack_type.validity_months} mois",
            unit_price_cents=pack_type.price_cents,
            revenue_kind="pack",
            pack_type_id=pack_type_id,
        )


@guarded(Permission.CHECKOUT)
def add_wallet_topup_line(
    db: Database, actor: int | None, basket_id: int, amount_cents: int
) -> int:
    if amount_cents <= 0:
        raise ValidationError({"amount": "amount_not_positive"})
    with db.write() as session:
        basket = editable_basket(session, basket_id)
        _needs_member(basket)
        return _add_line(
            session,
            basket,
            actor,
            kind="wallet_topup",
            designation="Versement sur porte-monnaie",
            unit_price_cents=amount_cents,
            revenue_kind="wallet",
        )


@guarded(Permission.CHECKOUT)
def add_free_line(
    db: Database,
    actor: int | None,
    basket_id: int,
    *,
    designation: str,
    quantity_milli: int,
    unit: str,
    unit_price_cents: int,
    revenue_kind: str = "other",
) -> int:
    texts = FieldCollector()
    texts.text("designation", designation, DESIGNATION_MAX)
    texts.text("unit", unit)
    errors = dict(texts.errors)
    designation = designation.strip()
    if not designation:
        errors["designation"] = "required"
    if quantity_milli <= 0:
        errors["quantity"] = "quantity_not_positive"
    if unit_price_cents < 0:
        errors["unit_price"] = "amount_negative"
    if errors:
        raise ValidationError(errors)
    with db.write() as session:
        basket = editable_basket(session, basket_id)
        return _add_line(
            session,
            basket,
            actor,
            kind="free",
            designation=designation,
            quantity_milli=quantity_milli,
            unit=unit.strip()[:30],
            unit_price_cents=unit_price_cents,
            revenue_kind=revenue_kind or "other",
        )


@guarded(Permission.CHECKOUT)
def update_line(
    db: Database,
    actor: int | None,
    line_id: int,
    *,
    quantity_milli: int | None = None,
    discount_cents: int | None = None,
    unit_price_cents: int | None = None,
    designation: str | None = None,
) -> None:
    """Change a line of an open basket (a usage line keeps its frozen price; its
    discount can still be raised at the desk)."""
    with db.write() as session:
        line = session.get(BasketLine, line_id)
        if line is None:
            raise NotFound("basket_line", line_id)
        basket = editable_basket(session, line.basket_id)
        errors = {}
        quantity = line.quantity_milli if quantity_milli is None else quantity_milli
        price = line.unit_price_cents if unit_price_cents is None else unit_price_cents
        discount = line.discount_cents if discount_cents is None else discount_cents
        if quantity <= 0:
            errors["quantity"] = "quantity_not_positive"
        if price < 0:
            errors["unit_price"] = "amount_negative"
        if discount < 0:
            errors["discount"] = "amount_negative"
        elif discount > round_half_up(quantity * price, 1000):
            errors["discount"] = "discount_exceeds_line"
        if line.usage_id is not None and (quantity_milli, unit_price_cents) != (None, None):
            errors["unit_price"] = "usage_price_frozen"
        if line.kind in ("wallet_topup", "pack", "membership") and quantity != 1000:
            errors["quantity"] = "quantity_fixed"
        if designation is not None:
            texts = FieldCollector()
            texts.text("designation", designation, DESIGNATION_MAX)
            errors.update(texts.errors)
            designation = designation.strip()
            if not designation:
                errors["designation"] = "required"
        if errors:
            raise ValidationError(errors)
        line.quantity_milli = quantity
        line.unit_price_cents = price
        line.discount_cents = discount
        if line.usage_id is None:
            line.list_cents = round_half_up(quantity * price, 1000)
        line.total_cents = _line_total(quantity, price, discount)
        if designation is not None:
            line.designation = designation
        stamp(basket, actor)


@guarded(Permission.CHECKOUT)
def remove_line(db: Database, actor: int | None, line_id: int) -> None:
    with db.write() as session:
        line = session.get(BasketLine, line_id)
        if line is None:
            raise NotFound("basket_line", line_id)
        basket = editable_basket(session, line.basket_id)
        session.delete(line)
        stamp(basket, actor)


@guarded(Permission.CHECKOUT)
def cancel_basket(db: Database, actor: int | None, basket_id: int) -> None:
    """Abandon the basket: no number is taken, its usages become unbilled again."""
    with db.write() as session:
        basket = editable_basket(session, basket_id)
        basket.status = "cancelled"
        stamp(basket, actor)
