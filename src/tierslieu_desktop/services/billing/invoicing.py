"""Front-desk baskets, invoices, payments, credit notes, numbering and the monthly batch.

A basket is editable until it is validated; validating it is ONE transaction that takes
the next number of the series (gapless: the counter row only moves in the transaction
that issues), freezes the seller and the buyer, writes the lines with their VAT, the
payments and their side effects (memberships, packs, wallet), and seals the invoice and
each payment in the integrity chain (services.billing.ledger). Nothing is written when any
step is refused. An issued document is never changed: no function here edits one, and
the database triggers refuse UPDATE and DELETE.

Signs: an invoice and a credit note both carry POSITIVE amounts (``kind`` tells them
apart); a payment is positive, a refund (on a credit note) negative. An invoice's
balance = total − paid − credited + refunded on its credit notes; a member's balance
is the sum of their invoices' balances.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Basket,
    BasketLine,
    DocumentCounter,
    Invoice,
    InvoiceLine,
    Member,
    MemberPack,
    Membership,
    NumberingFormat,
    PackMovement,
    PackType,
    Payment,
    Registration,
    Structure,
    Usage,
    UsageCharge,
    WalletMovement,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.documents import InvoiceDoc, InvoiceLineRow, PaymentRow, UnpaidRow
from tierslieu_desktop.domain.errors import DomainError, NotFound, ValidationError
from tierslieu_desktop.domain.invoicing import (
    DEFAULT_PATTERNS,
    SERIES,
    cash_change,
    check_pattern,
    format_number,
    legal_mentions,
    pattern_period,
    split_incl,
    vat_for_line,
)
from tierslieu_desktop.domain.pricing import round_half_up
from tierslieu_desktop.services.activity.sessions import payable_tickets
from tierslieu_desktop.services.billing.ledger import ensure_open, seal
from tierslieu_desktop.services.common import escape_like, fold, stamp
from tierslieu_desktop.services.people.members import display_name
from tierslieu_desktop.services.pricing.packs import balance_in, debit_in, pack_expiry

METHODS = ("cash", "cheque", "card", "transfer", "pass_numerique", "mandate", "wallet")
REFUND_METHODS = ("cash", "cheque", "card", "transfer", "wallet")
DESIGNATION_MAX = 300
TEXT_MAX = 500
WALK_IN_NAME = "Client de passage"

# --------------------------------------------------------------------------- rows


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


@dataclass(frozen=True)
class PaymentInput:
    method: str
    amount_cents: int
    tendered_cents: int | None = None
    cheque_number: str = ""
    bank: str = ""
    reference: str = ""
    voucher_count: int | None = None
    voucher_value_cents: int | None = None


@dataclass(frozen=True)
class InvoiceListRow:
    id: int
    kind: str
    number: str
    issued_at: datetime
    member_id: int | None
    buyer_name: str
    total_incl_cents: int
    paid_cents: int
    balance_cents: int
    due_date: date


@dataclass(frozen=True)
class BatchResult:
    invoice_ids: list[int] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    cancelled: bool = False


# --------------------------------------------------------------------------- helpers


def _local_day(at: datetime) -> date:
    return to_local(at).date()


def _fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _line_total(quantity_milli: int, unit_price_cents: int, discount_cents: int) -> int:
    return round_half_up(quantity_milli * unit_price_cents, 1000) - discount_cents


def _member_name(member: Member | None) -> str:
    if member is None:
        return WALK_IN_NAME
    return display_name(member.kind, member.first_name, member.last_name)


def _payer_clause(member_id: int):  # type: ignore[no-untyped-def]
    """Usages billed to a member: theirs, and their organisation's group usages."""
    return (Usage.member_id == member_id) | (
        Usage.member_id.is_(None) & (Usage.organisation_id == member_id)
    )


def _billed_usage_ids():  # type: ignore[no-untyped-def]
    return select(InvoiceLine.usage_id).where(InvoiceLine.usage_id.is_not(None))


def _basketed_usage_ids(exclude_basket: int | None = None):  # type: ignore[no-untyped-def]
    stmt = (
        select(BasketLine.usage_id)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .where(Basket.status == "open", BasketLine.usage_id.is_not(None))
    )
    if exclude_basket is not None:
        stmt = stmt.where(Basket.id != exclude_basket)
    return stmt


def _unbilled(
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
            _payer_clause(member_id),
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
            day=_local_day(u.start_at),
            label=charges[u.id][0].label,
            list_cents=sum(c.list_cents for c in charges[u.id]),
            charged_cents=sum(c.charged_cents for c in charges[u.id]),
        )
        for u in usages
    ]


def _open_basket(session: Session, basket_id: int) -> Basket:
    basket = session.get(Basket, basket_id)
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


def _add_usage_lines(
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
        day = _fr_date(_local_day(usage.start_at))
        for c in charges:
            consumable = c.kind == "consumable"
            detail = " · ".join(x for x in (day, c.quantity_text, c.reasons) if x)
            _add_line(
                session,
                basket,
                actor,
                kind="consumable" if consumable else "usage",
                designation=c.label[:DESIGNATION_MAX],
                detail=detail,
                unit_price_cents=c.list_cents,
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


def _registration_payer_clause(member_id: int):  # type: ignore[no-untyped-def]
    """Registrations paid by a member: theirs, and their organisation's groups."""
    return (Registration.member_id == member_id) | (
        Registration.member_id.is_(None) & (Registration.organisation_id == member_id)
    )


def _tickets_stmt(session: Session, first_day: date | None, last_day: date | None):  # type: ignore[no-untyped-def]
    """Workshop and training tickets to bill: seated, priced, not ticked absent or
    excused, of a session held (started by the end of ``last_day``, default today),
    not cancelled, on no invoice and in no open basket; since the invoicing start."""
    in_basket = (
        select(BasketLine.registration_id)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .where(Basket.status != "cancelled", BasketLine.registration_id.is_not(None))
    )
    last_day = last_day or to_local(utcnow()).date()
    stmt = payable_tickets(Registration, ActivitySession.start_at, Activity.name).where(
        ActivitySession.start_at < local_day_bounds(last_day)[1],
        Registration.id.not_in(in_basket),
    )
    start = session.scalar(select(Structure.invoicing_start).where(Structure.id == 1))
    if start is not None and (first_day is None or first_day < start):
        first_day = start
    if first_day is not None:
        stmt = stmt.where(ActivitySession.start_at >= local_day_bounds(first_day)[0])
    return stmt


def _unbilled_registrations(
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
        day = _local_day(start_at)
        label = f"{name} — {_fr_date(day)}"
        if reg.member_id is None:
            label += f" ({reg.headcount} pers.)"
        out.append(UnbilledRegistration(reg.id, day, label, reg.price_cents))
    return out


def _add_registration_lines(
    session: Session, actor: int | None, basket: Basket, registrations: Sequence[int]
) -> None:
    if not registrations:
        return
    # The payer's tickets still to bill (any session date: paying in advance), read once.
    found = {
        r.registration_id: r
        for r in _unbilled_registrations(
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


def unbilled_registrations(db: Database, member_id: int) -> list[UnbilledRegistration]:
    """The member's workshop and training tickets to bill (sessions held by today)."""
    with db.read() as session:
        return _unbilled_registrations(session, member_id)


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


def _basket_lines(session: Session, basket_id: int) -> list[BasketLine]:
    return list(
        session.scalars(
            select(BasketLine)
            .where(BasketLine.basket_id == basket_id)
            .order_by(BasketLine.position, BasketLine.id)
        )
    )


def _basket_row(session: Session, basket: Basket) -> BasketRow:
    lines = [_line_row(line) for line in _basket_lines(session, basket.id)]
    member = session.get(Member, basket.member_id) if basket.member_id is not None else None
    return BasketRow(
        id=basket.id,
        member_id=basket.member_id,
        member_name=_member_name(member),
        status=basket.status,
        lines=lines,
        total_cents=sum(line.total_cents for line in lines),
        list_cents=sum(line.list_cents for line in lines),
        wallet_balance_cents=balance_in(session, basket.member_id),
    )


# --------------------------------------------------------------------------- baskets


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
            usages = _unbilled(session, member_id, exclude_basket=basket.id)
            _add_usage_lines(session, actor, basket, [u.usage_id for u in usages])
            tickets = _unbilled_registrations(session, member_id)
            _add_registration_lines(session, actor, basket, [t.registration_id for t in tickets])
        return basket.id


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


def to_collect(db: Database, limit: int = 200) -> list[ToCollect]:
    """Who has unbilled usages (in no invoice and no open basket, since the invoicing
    start): the front desk's list of people to take payment from, latest visit first.
    Members invoiced monthly are left to the monthly invoicing."""
    with db.read() as session:
        start = session.scalar(select(Structure.invoicing_start).where(Structure.id == 1))
        payer = func.coalesce(Usage.member_id, Usage.organisation_id).label("payer")
        charged = (
            select(UsageCharge.usage_id, func.sum(UsageCharge.charged_cents).label("cents"))
            .group_by(UsageCharge.usage_id)
            .subquery()
        )
        stmt = (
            select(
                payer,
                func.count(Usage.id),
                func.sum(charged.c.cents),
                func.max(Usage.start_at),
            )
            .join(charged, charged.c.usage_id == Usage.id)
            .where(
                payer.is_not(None),
                Usage.id.not_in(_billed_usage_ids()),
                Usage.id.not_in(_basketed_usage_ids()),
            )
            .group_by(payer)
            .having(func.sum(charged.c.cents) > 0)  # free visits: nothing to collect
        )
        if start is not None:
            stmt = stmt.where(Usage.start_at >= local_day_bounds(start)[0])
        rows = [tuple(r) for r in session.execute(stmt)]
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
                name=_member_name(members[member_id]),
                usages=count,
                charged_cents=cents or 0,
                last_day=_local_day(last),
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


def open_baskets(db: Database) -> list[BasketRow]:
    with db.read() as session:
        return [
            _basket_row(session, b)
            for b in session.scalars(
                select(Basket).where(Basket.status == "open").order_by(Basket.id)
            )
        ]


def unbilled_usages(db: Database, member_id: int) -> list[UnbilledUsage]:
    """The member's charged usages on no invoice and in no open basket, oldest first."""
    with db.read() as session:
        return _unbilled(session, member_id)


def add_usage_lines(
    db: Database, actor: int | None, basket_id: int, usage_ids: Sequence[int]
) -> None:
    """One basket line per frozen charge line of each usage (list price, reduction)."""
    with db.write() as session:
        basket = _open_basket(session, basket_id)
        _add_usage_lines(session, actor, basket, usage_ids)


def _needs_member(basket: Basket) -> None:
    if basket.member_id is None:
        raise DomainError("basket_needs_member")


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
    errors = {}
    if end < start:
        errors["end_date"] = "end_before_start"
    if fee_cents < 0:
        errors["fee"] = "amount_negative"
    if errors:
        raise ValidationError(errors)
    with db.write() as session:
        basket = _open_basket(session, basket_id)
        _needs_member(basket)
        audience = session.get(Audience, audience_id)
        if audience is None:
            raise NotFound("audience", audience_id)
        designation = label.strip() or (
            f"Adhésion {audience.name} du {_fr_date(start)} au {_fr_date(end)}"
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


def add_pack_line(db: Database, actor: int | None, basket_id: int, pack_type_id: int) -> int:
    with db.write() as session:
        basket = _open_basket(session, basket_id)
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


def add_wallet_topup_line(
    db: Database, actor: int | None, basket_id: int, amount_cents: int
) -> int:
    if amount_cents <= 0:
        raise ValidationError({"amount": "amount_not_positive"})
    with db.write() as session:
        basket = _open_basket(session, basket_id)
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
    designation = designation.strip()
    errors = {}
    if not designation:
        errors["designation"] = "required"
    elif len(designation) > DESIGNATION_MAX:
        errors["designation"] = "too_long"
    if quantity_milli <= 0:
        errors["quantity"] = "quantity_not_positive"
    if unit_price_cents < 0:
        errors["unit_price"] = "amount_negative"
    if errors:
        raise ValidationError(errors)
    with db.write() as session:
        basket = _open_basket(session, basket_id)
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
        basket = _open_basket(session, line.basket_id)
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
            designation = designation.strip()
            if not designation:
                errors["designation"] = "required"
            elif len(designation) > DESIGNATION_MAX:
                errors["designation"] = "too_long"
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


def remove_line(db: Database, actor: int | None, line_id: int) -> None:
    with db.write() as session:
        line = session.get(BasketLine, line_id)
        if line is None:
            raise NotFound("basket_line", line_id)
        basket = _open_basket(session, line.basket_id)
        session.delete(line)
        stamp(basket, actor)


def cancel_basket(db: Database, actor: int | None, basket_id: int) -> None:
    """Abandon the basket: no number is taken, its usages become unbilled again."""
    with db.write() as session:
        basket = _open_basket(session, basket_id)
        basket.status = "cancelled"
        stamp(basket, actor)


# --------------------------------------------------------------------------- numbering


def _pattern(session: Session, series: str) -> str:
    pattern = session.scalar(
        select(NumberingFormat.pattern)
        .where(NumberingFormat.series == series)
        .order_by(NumberingFormat.valid_from.desc(), NumberingFormat.id.desc())
        .limit(1)
    )
    return pattern or DEFAULT_PATTERNS[series]


def _take_number(session: Session, series: str, day: date) -> tuple[str, int, str]:
    """(period, counter, number): the next number of the series, inside the issuing
    transaction (SQLite: BEGIN IMMEDIATE serialises writers; PostgreSQL: row lock)."""
    pattern = _pattern(session, series)
    period = pattern_period(pattern, day)
    key = (DocumentCounter.series == series, DocumentCounter.period == period)
    row = session.scalar(select(DocumentCounter).where(*key).with_for_update())
    if row is None:
        try:
            with session.begin_nested():
                session.add(DocumentCounter(series=series, period=period, last_value=0))
        except IntegrityError:
            pass
        row = session.scalar(select(DocumentCounter).where(*key).with_for_update())
        assert row is not None
    row.last_value += 1
    counter = row.last_value
    number = format_number(pattern, day, counter)
    if session.scalar(select(func.count()).where(Invoice.number == number)):
        raise DomainError("number_taken", number=number)
    return period, counter, number


def numbering_pattern(db: Database, series: str) -> str:
    if series not in SERIES:
        raise ValidationError({"series": "series_invalid"})
    with db.read() as session:
        return _pattern(session, series)


def set_numbering_pattern(db: Database, actor: int | None, series: str, pattern: str) -> None:
    """A new number format for the series from now on; the former ones stay in history."""
    if series not in SERIES:
        raise ValidationError({"series": "series_invalid"})
    pattern = (pattern or "").strip()
    try:
        check_pattern(pattern)
    except ValueError:
        raise ValidationError({"pattern": "pattern_invalid"}) from None
    with db.write() as session:
        if _pattern(session, series) == pattern:
            return
        session.add(
            NumberingFormat(series=series, pattern=pattern, valid_from=utcnow(), operator_id=actor)
        )


def numbering_history(db: Database, series: str) -> list[tuple[str, datetime]]:
    with db.read() as session:
        return [
            (r.pattern, r.valid_from)
            for r in session.scalars(
                select(NumberingFormat)
                .where(NumberingFormat.series == series)
                .order_by(NumberingFormat.valid_from, NumberingFormat.id)
            )
        ]


# --------------------------------------------------------------------------- issuing


def _structure(session: Session) -> Structure:
    s = session.scalar(select(Structure).order_by(Structure.id).limit(1))
    if s is None:
        raise DomainError("structure_missing")
    return s


def _seller(s: Structure) -> dict[str, Any]:
    return {
        "name": s.name,
        "legal_form": s.legal_form,
        "address": s.address,
        "postcode": s.postcode,
        "city": s.city,
        "siret": s.siret,
        "siren": s.siret[:9],
        "rna": s.rna,
        "vat_number": s.vat_number,
        "capital": s.capital,
        "rcs_city": s.rcs_city,
        "email": s.email,
        "phone": s.phone,
        "website": s.website,
        "iban": s.iban,
        "bic": s.bic,
        "vat_regime": s.vat_regime,
    }


def _buyer(member: Member | None) -> dict[str, Any]:
    if member is None:
        keys = ("address", "postcode", "city", "siren", "siret", "vat_number", "service_code")
        return {
            "name": WALK_IN_NAME,
            **dict.fromkeys(keys, ""),
            "email": "",
            "member_number": "",
            "kind": "person",
        }
    return {
        "name": _member_name(member),
        "address": member.address,
        "postcode": member.postcode,
        "city": member.city,
        "siren": member.siret[:9],
        "siret": member.siret,
        "vat_number": member.vat_number,
        "service_code": member.service_code,
        "email": member.email,
        "member_number": member.number,
        "kind": member.kind,
    }


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _check_payment(p: PaymentInput, *, refund: bool = False) -> None:
    errors = {}
    if p.method not in (REFUND_METHODS if refund else METHODS):
        errors["method"] = "method_invalid"
    elif p.method != "mandate" and p.amount_cents <= 0:
        errors["amount"] = "amount_not_positive"
    if p.method == "cash" and p.tendered_cents is not None and p.tendered_cents < p.amount_cents:
        errors["tendered"] = "tendered_too_low"
    if (
        p.method == "pass_numerique"
        and p.voucher_count is not None
        and p.voucher_value_cents is not None
        and p.voucher_count * p.voucher_value_cents != p.amount_cents
    ):
        errors["voucher"] = "voucher_mismatch"
    for name in ("cheque_number", "bank", "reference"):
        if len(getattr(p, name)) > 120:
            errors[name] = "too_long"
    if errors:
        raise ValidationError(errors)


def _settle(payments: Sequence[PaymentInput], due_cents: int) -> list[tuple[PaymentInput, int]]:
    """(payment, amount applied) for every payment that records money; cash handed over
    beyond what is due is given back as change. Refuses paying more than is due."""
    for p in payments:
        _check_payment(p)
    real = [p for p in payments if p.method != "mandate"]
    excess = sum(p.amount_cents for p in real) - due_cents
    applied = [[p, p.amount_cents] for p in real]
    for item in reversed(applied):  # cash over-tender becomes change
        if excess <= 0:
            break
        if item[0].method == "cash":
            taken = min(excess, item[1])
            item[1] -= taken
            excess -= taken
    if excess > 0:
        raise DomainError("payment_exceeds_total", total=due_cents)
    return [(p, amount) for p, amount in applied if amount > 0]


def _write_payment(
    session: Session,
    actor: int | None,
    invoice: Invoice,
    p: PaymentInput,
    amount: int,
    at: datetime,
    desk: str,
) -> Payment:
    tendered = change = None
    if p.method == "cash":
        tendered = p.tendered_cents if p.tendered_cents is not None else p.amount_cents
        change = cash_change(amount, tendered)
    row = Payment(
        invoice_id=invoice.id,
        at=at,
        method=p.method,
        amount_cents=amount,
        tendered_cents=tendered,
        change_cents=change,
        cheque_number=p.cheque_number.strip(),
        bank=p.bank.strip(),
        reference=p.reference.strip(),
        voucher_count=p.voucher_count,
        voucher_value_cents=p.voucher_value_cents,
        desk=desk,
        operator_id=actor,
    )
    session.add(row)
    session.flush()
    seal(session, "payment", row.id, at)
    if p.method == "wallet" and invoice.member_id is not None:
        debit_in(session, actor, invoice.member_id, amount, note=invoice.number, at=at)
    elif p.method == "wallet":
        raise DomainError("basket_needs_member")
    return row


def _validate(
    session: Session,
    actor: int | None,
    basket: Basket,
    payments: Sequence[PaymentInput],
    *,
    desk: str,
    issued_at: datetime,
    note: str,
) -> int:
    lines = _basket_lines(session, basket.id)
    if not lines:
        raise DomainError("basket_empty")
    day = _local_day(issued_at)
    ensure_open(session, day)
    structure = _structure(session)
    member = session.get(Member, basket.member_id) if basket.member_id is not None else None
    if member is None and (
        any(line.kind in ("membership", "pack", "wallet_topup") for line in lines)
        or any(p.method == "wallet" for p in payments)
    ):
        raise DomainError("basket_needs_member")
    for line in lines:  # a usage billed meanwhile from another desk
        if line.usage_id is not None and session.scalar(
            select(func.count()).where(InvoiceLine.usage_id == line.usage_id)
        ):
            raise DomainError("usage_already_billed", usage=line.usage_id)
    total = sum(line.total_cents for line in lines)
    applied = _settle(payments, total)
    from_wallet = sum(amount for p, amount in applied if p.method == "wallet")
    if from_wallet:  # the balance before this sale (a top-up in the basket is not spent yet)
        balance = balance_in(session, basket.member_id)
        if from_wallet > balance:
            raise DomainError("wallet_insufficient", balance=balance, amount=from_wallet)
    regime = structure.vat_regime
    business = member is not None and member.kind == "organisation"
    mandate = any(p.method == "mandate" for p in payments)
    paid_now = sum(amount for _, amount in applied)
    terms = max(0, structure.payment_terms_days or 0)
    due = day if (not business and not mandate and paid_now >= total) else day + timedelta(terms)

    frozen = []
    for line in lines:
        vat = vat_for_line(regime, line.kind, structure.default_vat_rate_bp)
        excl, vat_cents = split_incl(line.total_cents, vat.rate_bp)
        frozen.append((line, vat, excl, vat_cents))
    zero_mentions = tuple(v.mention for _, v, _, _ in frozen if v.rate_bp == 0)
    mentions = legal_mentions(
        regime=regime,
        buyer_is_business=business,
        vat_on_debits=bool(structure.vat_on_debits),
        payment_terms_days=terms,
        has_vat_lines=any(v.rate_bp > 0 for _, v, _, _ in frozen),
        zero_rate_mentions=zero_mentions,
    )
    usage_days = [
        _local_day(u.start_at)
        for u in session.scalars(
            select(Usage).where(Usage.id.in_([ln.usage_id for ln in lines if ln.usage_id]))
        )
    ]
    period, counter, number = _take_number(session, "invoice", day)
    invoice = Invoice(
        kind="invoice",
        series="invoice",
        period=period,
        counter=counter,
        number=number,
        issued_at=issued_at,
        service_from=min(usage_days) if usage_days else day,
        service_to=max(usage_days) if usage_days else day,
        due_date=due,
        member_id=basket.member_id,
        buyer_is_business=business,
        buyer_json=_dumps(_buyer(member)),
        seller_json=_dumps(_seller(structure)),
        vat_regime=regime,
        mentions="\n".join(mentions),
        total_excl_cents=sum(f[2] for f in frozen),
        total_vat_cents=sum(f[3] for f in frozen),
        total_incl_cents=total,
        desk=desk,
        operator_id=actor,
        note=note.strip()[:TEXT_MAX],
    )
    session.add(invoice)
    session.flush()
    for position, (line, vat, excl, vat_cents) in enumerate(frozen, start=1):
        session.add(
            InvoiceLine(
                invoice_id=invoice.id,
                position=position,
                kind=line.kind,
                revenue_kind=line.revenue_kind,
                designation=line.designation,
                detail=line.detail,
                quantity_milli=line.quantity_milli,
                unit=line.unit,
                unit_price_excl_cents=round_half_up(
                    line.unit_price_cents * 10_000, 10_000 + vat.rate_bp
                ),
                vat_rate_bp=vat.rate_bp,
                vat_mention=vat.mention,
                list_cents=line.list_cents,
                discount_cents=line.discount_cents,
                total_excl_cents=excl,
                vat_cents=vat_cents,
                total_incl_cents=line.total_cents,
                usage_id=line.usage_id,
                audience_id=line.membership_audience_id
                if line.kind == "membership"
                else (member.audience_id if member is not None else None),
            )
        )
    session.flush()
    seal(session, "invoice", invoice.id, issued_at)
    # side effects of what was sold
    for line in lines:
        if line.kind == "membership" and member is not None:
            ms = Membership(
                member_id=member.id,
                audience_id=line.membership_audience_id,
                start_date=line.membership_start,
                end_date=line.membership_end,
                fee_cents=line.total_cents,
                note=f"Facture {number}",
            )
            stamp(ms, actor, created=True)
            session.add(ms)
        elif line.kind == "pack" and member is not None and line.pack_type_id is not None:
            pack_type = session.get(PackType, line.pack_type_id)
            assert pack_type is not None
            pack = MemberPack(
                member_id=member.id,
                pack_type_id=pack_type.id,
                purchased_on=day,
                expires_on=pack_expiry(day, max(1, pack_type.validity_months)),
                minutes_total=pack_type.minutes,
                price_cents=line.total_cents,
            )
            stamp(pack, actor, created=True)
            session.add(pack)
            session.flush()
            session.add(
                PackMovement(
                    member_pack_id=pack.id,
                    at=issued_at,
                    minutes=pack_type.minutes,
                    operator_id=actor,
                    note=f"{pack_type.name} — facture {number}",
                )
            )
        elif line.kind == "wallet_topup" and member is not None:
            session.add(
                WalletMovement(
                    member_id=member.id,
                    amount_cents=line.total_cents,
                    at=issued_at,
                    operator_id=actor,
                    note=f"Facture {number}",
                )
            )
    session.flush()
    for p, amount in applied:
        _write_payment(session, actor, invoice, p, amount, issued_at, desk)
    basket.status = "validated"
    basket.invoice_id = invoice.id
    stamp(basket, actor)
    session.flush()
    return invoice.id


def validate_basket(
    db: Database,
    actor: int | None,
    basket_id: int,
    payments: Sequence[PaymentInput],
    *,
    desk: str = "",
    issued_at: datetime | None = None,
    note: str = "",
) -> int:
    """Issue the basket's invoice with its payments, all or nothing. Returns its id."""
    issued_at = issued_at or utcnow()
    with db.write() as session:
        basket = _open_basket(session, basket_id)
        return _validate(
            session, actor, basket, payments, desk=desk, issued_at=issued_at, note=note
        )


def _sums(session: Session, invoice: Invoice) -> tuple[int, int, int]:
    """(paid, credited, refunded) of an invoice."""
    paid = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
            Payment.invoice_id == invoice.id
        )
    )
    credit_ids = select(Invoice.id).where(Invoice.credited_invoice_id == invoice.id)
    credited = session.scalar(
        select(func.coalesce(func.sum(Invoice.total_incl_cents), 0)).where(
            Invoice.credited_invoice_id == invoice.id
        )
    )
    refunded = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
            Payment.invoice_id.in_(credit_ids)
        )
    )
    return int(paid or 0), int(credited or 0), -int(refunded or 0)


def _invoice_balance(session: Session, invoice: Invoice) -> int:
    paid, credited, refunded = _sums(session, invoice)
    return invoice.total_incl_cents - paid - credited + refunded


def add_payment(
    db: Database,
    actor: int | None,
    invoice_id: int,
    payment: PaymentInput,
    *,
    desk: str = "",
    at: datetime | None = None,
) -> int:
    """A (partial) payment received later on an issued invoice; never more than its
    balance (cash over-tender is given back as change)."""
    at = at or utcnow()
    _check_payment(payment)
    if payment.method == "mandate":
        raise ValidationError({"method": "method_invalid"})
    with db.write() as session:
        invoice = session.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFound("invoice", invoice_id)
        if invoice.kind != "invoice":
            raise DomainError("not_an_invoice", number=invoice.number)
        ensure_open(session, _local_day(at))
        balance = _invoice_balance(session, invoice)
        if balance <= 0:
            raise DomainError("invoice_already_paid", number=invoice.number)
        ((p, amount),) = _settle([payment], balance)
        return _write_payment(session, actor, invoice, p, amount, at, desk).id


def _credited_by_line(session: Session, invoice_id: int) -> dict[int, tuple[int, int]]:
    """invoice line id → (quantity credited, incl. amount credited)."""
    src = select(InvoiceLine.id).where(InvoiceLine.invoice_id == invoice_id)
    return {
        int(line_id): (int(q), int(t))
        for line_id, q, t in session.execute(
            select(
                InvoiceLine.credited_line_id,
                func.sum(InvoiceLine.quantity_milli),
                func.sum(InvoiceLine.total_incl_cents),
            )
            .where(InvoiceLine.credited_line_id.in_(src))
            .group_by(InvoiceLine.credited_line_id)
        )
    }


def create_credit_note(
    db: Database,
    actor: int | None,
    invoice_id: int,
    *,
    lines: Sequence[tuple[int, int]] | None = None,
    reason: str,
    refund: PaymentInput | None = None,
    desk: str = "",
    issued_at: datetime | None = None,
) -> int:
    """A credit note (avoir) on an invoice, whole (``lines`` None: all that is left)
    or partial ((invoice line id, quantity_milli) pairs); never more than what is left
    to credit. Its own numbering series. ``refund``: money given back now (a negative
    payment on the credit note; "wallet" puts it on the member's wallet)."""
    issued_at = issued_at or utcnow()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "required"})
    if len(reason) > TEXT_MAX:
        raise ValidationError({"reason": "too_long"})
    if refund is not None:
        _check_payment(refund, refund=True)
    with db.write() as session:
        invoice = session.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFound("invoice", invoice_id)
        if invoice.kind != "invoice":
            raise DomainError("not_an_invoice", number=invoice.number)
        day = _local_day(issued_at)
        ensure_open(session, day)
        src_lines = {
            line.id: line
            for line in session.scalars(
                select(InvoiceLine)
                .where(InvoiceLine.invoice_id == invoice.id)
                .order_by(InvoiceLine.position)
            )
        }
        done = _credited_by_line(session, invoice.id)
        wanted: list[tuple[InvoiceLine, int]] = []
        if lines is None:
            for line in src_lines.values():
                left = line.quantity_milli - done.get(line.id, (0, 0))[0]
                if left > 0:
                    wanted.append((line, left))
        else:
            quantities: dict[int, int] = {}
            for line_id, quantity in lines:
                if line_id not in src_lines:
                    raise NotFound("invoice_line", line_id)
                if quantity <= 0:
                    raise ValidationError({"quantity": "quantity_not_positive"})
                quantities[line_id] = quantities.get(line_id, 0) + quantity
            for line_id, quantity in quantities.items():
                line = src_lines[line_id]
                left = line.quantity_milli - done.get(line.id, (0, 0))[0]
                if quantity > left:
                    raise DomainError(
                        "credit_exceeds_invoice", number=invoice.number, line=line.designation
                    )
                wanted.append((line, quantity))
        if not wanted:
            raise DomainError("credit_exceeds_invoice", number=invoice.number, line="")
        frozen = []
        for line, quantity in sorted(wanted, key=lambda w: w[0].position):
            q_done, incl_done = done.get(line.id, (0, 0))
            if q_done + quantity == line.quantity_milli:
                incl = line.total_incl_cents - incl_done  # the rest, no rounding drift
            else:
                incl = round_half_up(line.total_incl_cents * quantity, line.quantity_milli)
            excl, vat_cents = split_incl(incl, line.vat_rate_bp)
            frozen.append((line, quantity, incl, excl, vat_cents))
        total = sum(f[2] for f in frozen)
        refund_amount = 0
        if refund is not None:
            paid, credited, refunded = _sums(session, invoice)
            overpaid = -(invoice.total_incl_cents - paid - credited - total + refunded)
            if refund.amount_cents > min(total, overpaid):
                raise DomainError("refund_exceeds_credit", maximum=max(0, min(total, overpaid)))
            refund_amount = refund.amount_cents
        structure = _structure(session)
        invoice_day = _local_day(invoice.issued_at)
        mentions = [
            f"Avoir sur la facture n° {invoice.number} du {_fr_date(invoice_day)}",
            f"Motif : {reason}",
            *[m for m in invoice.mentions.split("\n") if m],
        ]
        period, counter, number = _take_number(session, "credit_note", day)
        note_row = Invoice(
            kind="credit_note",
            series="credit_note",
            period=period,
            counter=counter,
            number=number,
            issued_at=issued_at,
            service_from=invoice.service_from,
            service_to=invoice.service_to,
            due_date=day,
            member_id=invoice.member_id,
            buyer_is_business=invoice.buyer_is_business,
            buyer_json=invoice.buyer_json,
            seller_json=_dumps(_seller(structure)),
            vat_regime=invoice.vat_regime,
            mentions="\n".join(mentions),
            total_excl_cents=sum(f[3] for f in frozen),
            total_vat_cents=sum(f[4] for f in frozen),
            total_incl_cents=total,
            credited_invoice_id=invoice.id,
            desk=desk,
            operator_id=actor,
            note=reason,
        )
        session.add(note_row)
        session.flush()
        for position, (line, quantity, incl, excl, vat_cents) in enumerate(frozen, start=1):
            session.add(
                InvoiceLine(
                    invoice_id=note_row.id,
                    position=position,
                    kind=line.kind,
                    revenue_kind=line.revenue_kind,
                    designation=line.designation,
                    detail=line.detail,
                    quantity_milli=quantity,
                    unit=line.unit,
                    unit_price_excl_cents=line.unit_price_excl_cents,
                    vat_rate_bp=line.vat_rate_bp,
                    vat_mention=line.vat_mention,
                    list_cents=incl,
                    discount_cents=0,
                    total_excl_cents=excl,
                    vat_cents=vat_cents,
                    total_incl_cents=incl,
                    usage_id=line.usage_id,
                    audience_id=line.audience_id,
                    credited_line_id=line.id,
                )
            )
        session.flush()
        seal(session, "credit_note", note_row.id, issued_at)
        taken_back = sum(f[2] for f in frozen if f[0].kind == "wallet_topup")
        if taken_back and invoice.member_id is not None:  # the top-up leaves the wallet
            debit_in(
                session, actor, invoice.member_id, taken_back, note=f"Avoir {number}", at=issued_at
            )
        if refund is not None and refund_amount > 0:
            row = Payment(
                invoice_id=note_row.id,
                at=issued_at,
                method=refund.method,
                amount_cents=-refund_amount,
                cheque_number=refund.cheque_number.strip(),
                bank=refund.bank.strip(),
                reference=refund.reference.strip(),
                desk=desk,
                operator_id=actor,
            )
            session.add(row)
            session.flush()
            seal(session, "payment", row.id, issued_at)
            if refund.method == "wallet":
                if invoice.member_id is None:
                    raise DomainError("basket_needs_member")
                session.add(
                    WalletMovement(
                        member_id=invoice.member_id,
                        amount_cents=refund_amount,
                        at=issued_at,
                        operator_id=actor,
                        note=f"Avoir {number}",
                    )
                )
        session.flush()
        return note_row.id


# --------------------------------------------------------------------------- reading


def _payment_row(p: Payment) -> PaymentRow:
    return PaymentRow(
        p.id,
        p.at,
        p.method,
        p.amount_cents,
        p.tendered_cents,
        p.change_cents,
        p.cheque_number,
        p.bank,
        p.reference,
        p.voucher_count,
        p.voucher_value_cents,
        p.desk,
    )


def _doc(session: Session, inv: Invoice) -> InvoiceDoc:
    lines = list(
        session.scalars(
            select(InvoiceLine)
            .where(InvoiceLine.invoice_id == inv.id)
            .order_by(InvoiceLine.position, InvoiceLine.id)
        )
    )
    payments = list(
        session.scalars(select(Payment).where(Payment.invoice_id == inv.id).order_by(Payment.id))
    )
    breakdown: dict[int, list[int]] = {}
    for line in lines:
        b = breakdown.setdefault(line.vat_rate_bp, [0, 0])
        b[0] += line.total_excl_cents
        b[1] += line.vat_cents
    paid = sum(p.amount_cents for p in payments)
    credited_number = credited_date = None
    credit_numbers: list[str] = []
    if inv.kind == "invoice":
        _, credited, refunded = _sums(session, inv)
        balance = inv.total_incl_cents - paid - credited + refunded
        credit_numbers = list(
            session.scalars(
                select(Invoice.number)
                .where(Invoice.credited_invoice_id == inv.id)
                .order_by(Invoice.id)
            )
        )
    else:
        credited, balance = 0, 0
        src = session.get(Invoice, inv.credited_invoice_id) if inv.credited_invoice_id else None
        if src is not None:
            credited_number, credited_date = src.number, _local_day(src.issued_at)
    return InvoiceDoc(
        id=inv.id,
        kind=inv.kind,
        number=inv.number,
        issued_at=inv.issued_at,
        service_from=inv.service_from,
        service_to=inv.service_to,
        due_date=inv.due_date,
        member_id=inv.member_id,
        buyer=json.loads(inv.buyer_json),
        seller=json.loads(inv.seller_json),
        buyer_is_business=inv.buyer_is_business,
        vat_regime=inv.vat_regime,
        mentions=[m for m in inv.mentions.split("\n") if m],
        lines=[
            InvoiceLineRow(
                id=ln.id,
                position=ln.position,
                kind=ln.kind,
                revenue_kind=ln.revenue_kind,
                designation=ln.designation,
                detail=ln.detail,
                quantity_milli=ln.quantity_milli,
                unit=ln.unit,
                unit_price_excl_cents=ln.unit_price_excl_cents,
                vat_rate_bp=ln.vat_rate_bp,
                vat_mention=ln.vat_mention,
                list_cents=ln.list_cents,
                discount_cents=ln.discount_cents,
                total_excl_cents=ln.total_excl_cents,
                vat_cents=ln.vat_cents,
                total_incl_cents=ln.total_incl_cents,
                usage_id=ln.usage_id,
            )
            for ln in lines
        ],
        vat_breakdown=[(rate, b[0], b[1]) for rate, b in sorted(breakdown.items())],
        total_excl_cents=inv.total_excl_cents,
        total_vat_cents=inv.total_vat_cents,
        total_incl_cents=inv.total_incl_cents,
        payments=[_payment_row(p) for p in payments],
        paid_cents=paid,
        credited_cents=credited,
        balance_cents=balance,
        credited_invoice_number=credited_number,
        credited_invoice_date=credited_date,
        credit_note_numbers=credit_numbers,
        note=inv.note,
        desk=inv.desk,
    )


def get_invoice(db: Database, invoice_id: int) -> InvoiceDoc:
    with db.read() as session:
        inv = session.get(Invoice, invoice_id)
        if inv is None:
            raise NotFound("invoice", invoice_id)
        return _doc(session, inv)


def invoice_by_number(db: Database, number: str) -> InvoiceDoc:
    with db.read() as session:
        inv = session.scalar(select(Invoice).where(Invoice.number == number.strip()))
        if inv is None:
            raise NotFound("invoice", number)
        return _doc(session, inv)


def _buyer_name(inv: Invoice) -> str:
    return str(json.loads(inv.buyer_json).get("name", ""))


def _balance_columns():  # type: ignore[no-untyped-def]
    """(paid, balance) SQL expressions of a document, for lists filtered and limited in
    SQL: balance = total − paid − credited + refunded (0 for a credit note)."""
    note = aliased(Invoice)
    paid = (
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .where(Payment.invoice_id == Invoice.id)
        .scalar_subquery()
    )
    credited = (
        select(func.coalesce(func.sum(note.total_incl_cents), 0))
        .where(note.credited_invoice_id == Invoice.id)
        .scalar_subquery()
    )
    refunds = (  # negative payments on the credit notes
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .join(note, note.id == Payment.invoice_id)
        .where(note.credited_invoice_id == Invoice.id)
        .scalar_subquery()
    )
    balance = case(
        (Invoice.kind == "invoice", Invoice.total_incl_cents - paid - credited - refunds),
        else_=0,
    )
    return paid, balance


def list_invoices(
    db: Database,
    *,
    text: str = "",
    kind: str | None = None,
    first_day: date | None = None,
    last_day: date | None = None,
    unpaid_only: bool = False,
    limit: int = 500,
) -> list[InvoiceListRow]:
    """Invoices and credit notes, newest first; ``text`` matches the number or the
    member's name (accents and case ignored)."""
    paid, balance = _balance_columns()
    stmt = (
        select(Invoice, paid, balance)
        .outerjoin(Member, Member.id == Invoice.member_id)
        .order_by(Invoice.issued_at.desc(), Invoice.id.desc())
        .limit(max(1, limit))
    )
    if kind is not None:
        stmt = stmt.where(Invoice.kind == kind)
    if unpaid_only:
        stmt = stmt.where(Invoice.kind == "invoice", balance > 0)
    if first_day is not None:
        stmt = stmt.where(Invoice.issued_at >= local_day_bounds(first_day)[0])
    if last_day is not None:
        stmt = stmt.where(Invoice.issued_at < local_day_bounds(last_day)[1])
    needle = text.strip()
    if needle:
        like = f"%{escape_like(needle)}%"
        folded = f"%{escape_like(fold(needle))}%"
        stmt = stmt.where(
            Invoice.number.ilike(like, escape="\\") | Member.search_text.like(folded, escape="\\")
        )
    with db.read() as session:
        return [
            InvoiceListRow(
                inv.id,
                inv.kind,
                inv.number,
                inv.issued_at,
                inv.member_id,
                _buyer_name(inv),
                inv.total_incl_cents,
                int(doc_paid),
                int(doc_balance),
                inv.due_date,
            )
            for inv, doc_paid, doc_balance in session.execute(stmt)
        ]


def unpaid(db: Database, today: date) -> list[UnpaidRow]:
    """Invoices with something left to pay, oldest first, with their age and delay."""
    _, balance = _balance_columns()
    stmt = (
        select(Invoice, balance)
        .where(Invoice.kind == "invoice", balance > 0)
        .order_by(Invoice.issued_at, Invoice.id)
    )
    with db.read() as session:
        return [
            UnpaidRow(
                inv.id,
                inv.number,
                inv.member_id,
                _buyer_name(inv),
                inv.issued_at,
                inv.due_date,
                inv.total_incl_cents,
                int(left),
                (today - _local_day(inv.issued_at)).days,
                max(0, (today - inv.due_date).days),
            )
            for inv, left in session.execute(stmt)
        ]


def member_balance(db: Database, member_id: int) -> int:
    """What the member owes (negative: what the tiers-lieu owes them)."""
    _, balance = _balance_columns()
    with db.read() as session:
        return int(
            session.scalar(
                select(func.coalesce(func.sum(balance), 0)).where(
                    Invoice.member_id == member_id, Invoice.kind == "invoice"
                )
            )
            or 0
        )


# --------------------------------------------------------------------------- monthly batch


def _month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return first, nxt - timedelta(days=1)


def _monthly_members(session: Session) -> list[Member]:
    return list(
        session.scalars(
            select(Member)
            .where(Member.monthly_invoicing.is_(True), Member.archived.is_(False))
            .order_by(Member.sort_name, Member.id)
        )
    )


def monthly_candidates(db: Database, month: date) -> list[tuple[int, str, int, int]]:
    """(member id, name, usages, total) of the members invoiced monthly who have
    unbilled usages in ``month``."""
    first, last = _month_bounds(month)
    with db.read() as session:
        result = []
        for member in _monthly_members(session):
            usages = _unbilled(session, member.id, first_day=first, last_day=last)
            tickets = _unbilled_registrations(session, member.id, first_day=first, last_day=last)
            if usages or tickets:
                result.append(
                    (
                        member.id,
                        _member_name(member),
                        len(usages) + len(tickets),
                        sum(u.charged_cents for u in usages) + sum(t.cents for t in tickets),
                    )
                )
        return result


def invoice_month(
    db: Database,
    actor: int | None,
    month: date,
    *,
    progress: Callable[[int, int], bool] | None = None,
    desk: str = "",
) -> BatchResult:
    """One invoice per member invoiced monthly, for their unbilled usages of ``month``;
    one transaction per invoice. ``progress(done, total)`` returning False stops the
    batch: the invoices already issued stay, nothing half-done remains."""
    first, last = _month_bounds(month)
    candidates = monthly_candidates(db, month)
    result = BatchResult()
    total = len(candidates)
    for done, (member_id, _name, _count, _cents) in enumerate(candidates):
        if progress is not None and progress(done, total) is False:
            return BatchResult(result.invoice_ids, result.skipped, True)
        try:
            with db.write() as session:
                usages = _unbilled(session, member_id, first_day=first, last_day=last)
                tickets = _unbilled_registrations(
                    session, member_id, first_day=first, last_day=last
                )
                if not usages and not tickets:
                    continue
                basket = Basket(member_id=member_id, status="open", note=f"{first:%m/%Y}")
                stamp(basket, actor, created=True)
                session.add(basket)
                session.flush()
                _add_usage_lines(session, actor, basket, [u.usage_id for u in usages])
                _add_registration_lines(
                    session, actor, basket, [t.registration_id for t in tickets]
                )
                invoice_id = _validate(
                    session,
                    actor,
                    basket,
                    [],
                    desk=desk,
                    issued_at=utcnow(),
                    note=f"Facturation mensuelle {first:%m/%Y}",
                )
            result.invoice_ids.append(invoice_id)
        except DomainError as exc:
            result.skipped.append((member_id, exc.code))
    if progress is not None:
        progress(total, total)
    return result
