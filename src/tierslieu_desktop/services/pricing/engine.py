"""Pricing of usages with the tariffs of the database: quotes (booking dialog, check-out
preview), the frozen charge written at check-out, and the re-pricing of a whole period.

The rules themselves are in :mod:`tierslieu_desktop.domain.pricing` (pure). Here we
load the rows, turn them into the engine's types, and write what the engine decides.

A usage is priced with the rules in force on its LOCAL day (Europe/Paris): a usage at
23:30 UTC on 31 December is a usage of 1 January. The customer is the usage's member,
else its organisation (a school group booked for the school); nobody = a walk-in
without an account (no audience, not a member).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, insert, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    Audience,
    Consumable,
    Machine,
    Member,
    MemberPack,
    Membership,
    PackMovement,
    PackType,
    QuotaUse,
    Space,
    Usage,
    UsageCharge,
    UsageConsumable,
)
from tierslieu_desktop.db.models import (
    PriceRule as PriceRuleRow,
)
from tierslieu_desktop.db.models import (
    Quota as QuotaRow,
)
from tierslieu_desktop.db.models import (
    Reduction as ReductionRow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds, to_local
from tierslieu_desktop.domain.errors import NotFound, ValidationError
from tierslieu_desktop.domain.pricing import (
    ConsumableUse,
    Customer,
    PackBalance,
    PricedLine,
    PricedUsage,
    PriceRule,
    Quota,
    Reduction,
    ResourceKind,
    ResourceRef,
    RuleBook,
    UsageToPrice,
    price_usage,
    price_usages,
)
from tierslieu_desktop.services.pricing.packs import balance_in

# Consumable units of the database → units of the engine's quantity words.
ENGINE_UNITS = {
    "gram": "g",
    "sheet": "sheet",
    "metre": "m",
    "square_metre": "m2",
    "kilostitch": "1000_stitches",
    "piece": "piece",
}
# Separator of the reasons stored on a UsageCharge (the engine's explanation).
REASONS_SEPARATOR = ", "


def engine_unit(unit: str) -> str:
    return ENGINE_UNITS.get(unit, unit)


def local_day(value: datetime) -> date:
    """The day of the tiers-lieu (Europe/Paris) an aware instant falls on."""
    return to_local(value).date()


def month_start(day: date) -> date:
    return day.replace(day=1)


# --------------------------------------------------------------------------- tariffs


@dataclass(frozen=True)
class Tariffs:
    """Every rule, reduction and quota of the database, as the engine's types."""

    book: RuleBook
    reductions: tuple[Reduction, ...]
    quotas: tuple[Quota, ...]
    rules: tuple[PriceRule, ...] = field(default=(), repr=False)


def _scope(
    machine_id: int | None,
    category_id: int | None,
    space_id: int | None,
    consumable_id: int | None = None,
    activity_id: int | None = None,
) -> ResourceRef | None:
    scopes: tuple[tuple[ResourceKind, int | None], ...] = (
        ("machine", machine_id),
        ("category", category_id),
        ("space", space_id),
        ("consumable", consumable_id),
        ("activity", activity_id),
    )
    for kind, value in scopes:
        if value is not None:
            return ResourceRef(kind, value)
    return None


def load_tariffs(session: Session) -> Tariffs:
    """Three SELECTs: every price rule, reduction and quota (all dates: the engine picks
    the ones in force on each usage's day)."""
    r = PriceRuleRow
    rules = []
    for row in session.execute(
        select(
            r.id,
            r.machine_id,
            r.category_id,
            r.space_id,
            r.consumable_id,
            r.activity_id,
            r.audience_id,
            r.membership,
            r.unit,
            r.amount_cents,
            r.step_minutes,
            r.valid_from,
            r.valid_to,
            r.label,
        )
    ):
        resource = _scope(
            row.machine_id, row.category_id, row.space_id, row.consumable_id, row.activity_id
        )
        if resource is None:
            continue  # a rule on nothing prices nothing
        rules.append(
            PriceRule(
                id=row.id,
                resource=resource,
                audience_id=row.audience_id,
                membership=row.membership,
                unit=row.unit,
                amount_cents=row.amount_cents,
                step_minutes=row.step_minutes,
                valid_from=row.valid_from,
                valid_to=row.valid_to,
                label=row.label or "",
            )
        )
    d = ReductionRow
    reductions = tuple(
        Reduction(
            id=row.id,
            audience_id=row.audience_id,
            percent_bp=row.percent_bp,
            scope=_scope(row.machine_id, row.category_id, row.space_id, row.consumable_id),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            label=row.label or "",
        )
        for row in session.execute(
            select(
                d.id,
                d.audience_id,
                d.percent_bp,
                d.machine_id,
                d.category_id,
                d.space_id,
                d.consumable_id,
                d.valid_from,
                d.valid_to,
                d.label,
            )
        )
    )
    q = QuotaRow
    quotas = tuple(
        Quota(
            id=row.id,
            audience_id=row.audience_id,
            scope=_scope(row.machine_id, row.category_id, row.space_id),
            free_minutes_per_month=row.free_minutes_per_month,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            label=row.label or "",
        )
        for row in session.execute(
            select(
                q.id,
                q.audience_id,
                q.machine_id,
                q.category_id,
                q.space_id,
                q.free_minutes_per_month,
                q.valid_from,
                q.valid_to,
                q.label,
            )
        )
    )
    return Tariffs(RuleBook(rules), reductions, quotas, tuple(rules))


# --------------------------------------------------------------------------- customer


def _pack_balances(
    session: Session,
    member_ids: Sequence[int],
    day: date,
    before: datetime | None = None,
    bought_by: date | None = None,
) -> dict[int, list[PackBalance]]:
    """Packs of these members not expired on ``day`` with minutes left (sum of their
    movements; with ``before``, only purchases and the movements before that instant;
    with ``bought_by``, only the packs bought on that day or before)."""
    if not member_ids:
        return {}
    moves = select(func.coalesce(func.sum(PackMovement.minutes), 0)).where(
        PackMovement.member_pack_id == MemberPack.id
    )
    if before is not None:
        moves = moves.where((PackMovement.usage_id.is_(None)) | (PackMovement.at < before))
    stmt = (
        select(
            MemberPack.id,
            MemberPack.member_id,
            MemberPack.expires_on,
            MemberPack.purchased_on,
            PackType.name,
            PackType.machine_id,
            PackType.category_id,
            PackType.space_id,
            moves.scalar_subquery().label("left"),
        )
        .join(PackType, PackType.id == MemberPack.pack_type_id)
        .where(MemberPack.member_id.in_(list(member_ids)), MemberPack.expires_on >= day)
    )
    if bought_by is not None:
        stmt = stmt.where(MemberPack.purchased_on <= bought_by)
    result: dict[int, list[PackBalance]] = {}
    for row in session.execute(stmt):
        if row.left <= 0:
            continue
        result.setdefault(row.member_id, []).append(
            PackBalance(
                pack_id=row.id,
                label=row.name,
                scope=_scope(row.machine_id, row.category_id, row.space_id),
                minutes_left=row.left,
                expires_on=row.expires_on,
                purchased_on=row.purchased_on,
            )
        )
    return result


def customer_for(
    session: Session, member_id: int | None, day: date, *, tariffs: Tariffs | None = None
) -> Customer:
    """Who pays, as the engine sees them on ``day``: the member's own audience, whether a
    membership covers ``day``, the quota minutes already used in that month, the packs
    not expired with minutes left, the wallet balance. ``tariffs`` is accepted for
    symmetry with callers that already loaded them (not needed here)."""
    del tariffs
    if member_id is None:
        return Customer(audience_id=None, is_member=False)
    row = session.execute(
        select(Member.audience_id, Audience.name)
        .outerjoin(Audience, Audience.id == Member.audience_id)
        .where(Member.id == member_id)
    ).first()
    if row is None:
        raise NotFound("member", member_id)
    is_member = (
        session.scalar(
            select(Membership.id)
            .where(
                Membership.member_id == member_id,
                Membership.start_date <= day,
                Membership.end_date >= day,
            )
            .limit(1)
        )
        is not None
    )
    used = dict(
        session.execute(
            select(QuotaUse.quota_id, func.sum(QuotaUse.minutes))
            .where(QuotaUse.member_id == member_id, QuotaUse.month == month_start(day))
            .group_by(QuotaUse.quota_id)
        ).all()
    )
    wallet = balance_in(session, member_id)
    packs = _pack_balances(session, [member_id], day).get(member_id, [])
    return Customer(
        audience_id=row.audience_id,
        is_member=is_member,
        wallet_cents=int(wallet or 0),
        quota_minutes_used={int(k): int(v) for k, v in used.items()},
        packs=tuple(sorted(packs, key=lambda p: (p.expires_on, p.pack_id))),
        audience_name=row.name or "",
    )


# --------------------------------------------------------------------------- quote


def _resource(
    session: Session, machine_id: int | None, space_id: int | None
) -> tuple[int | None, int | None, int | None, str]:
    """(machine_id, category_id, space_id, name) of the resource used."""
    if machine_id is not None:
        row = session.execute(
            select(Machine.category_id, Machine.name).where(Machine.id == machine_id)
        ).first()
        if row is None:
            raise NotFound("machine", machine_id)
        return machine_id, row.category_id, None, row.name
    if space_id is not None:
        name = session.scalar(select(Space.name).where(Space.id == space_id))
        if name is None:
            raise NotFound("space", space_id)
        return None, None, space_id, name
    return None, None, None, ""


def _consumable_uses(
    session: Session, lines: Iterable[tuple[int, int]]
) -> tuple[ConsumableUse, ...]:
    quantities: dict[int, int] = {}
    for consumable_id, quantity in lines:
        quantities[consumable_id] = quantities.get(consumable_id, 0) + quantity
    if not quantities:
        return ()
    known = {
        row.id: row
        for row in session.execute(
            select(Consumable.id, Consumable.name, Consumable.unit, Consumable.position).where(
                Consumable.id.in_(list(quantities))
            )
        )
    }
    for consumable_id in quantities:
        if consumable_id not in known:
            raise NotFound("consumable", consumable_id)
    ordered = sorted(known.values(), key=lambda r: (r.position, r.name))
    return tuple(
        ConsumableUse(r.id, r.name, engine_unit(r.unit), quantities[r.id]) for r in ordered
    )


def quote(
    db: Database,
    *,
    member_id: int | None,
    machine_id: int | None = None,
    space_id: int | None = None,
    start: datetime,
    end: datetime,
    headcount: int = 1,
    consumables: Sequence[tuple[int, int]] = (),
) -> PricedUsage:
    """What this use would cost now (nothing is written): the booking dialog and the
    check-out preview. ``consumables`` = (consumable_id, quantity in thousandths)."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("aware datetimes only")
    if end < start:
        raise ValidationError({"end_at": "end_before_start"})
    day = local_day(start)
    with db.read() as session:
        tariffs = load_tariffs(session)
        customer = customer_for(session, member_id, day, tariffs=tariffs)
        m_id, category_id, s_id, name = _resource(session, machine_id, space_id)
        usage = UsageToPrice(
            usage_id=0,
            day=day,
            machine_id=m_id,
            category_id=category_id,
            space_id=s_id,
            minutes=int((end - start).total_seconds() // 60),
            headcount=max(1, headcount),
            consumables=_consumable_uses(session, consumables),
            resource_name=name,
        )
        return price_usage(usage, tariffs.book, tariffs.reductions, tariffs.quotas, customer)


# --------------------------------------------------------------------------- charge


def _frozen(session: Session, usage_id: int) -> PricedUsage | None:
    charges = list(
        session.scalars(
            select(UsageCharge).where(UsageCharge.usage_id == usage_id).order_by(UsageCharge.id)
        )
    )
    if not charges:
        return None
    return PricedUsage.of(
        PricedLine(
            usage_id=c.usage_id,
            kind=c.kind,  # type: ignore[arg-type]
            label=c.label,
            quantity_text=c.quantity_text,
            list_cents=c.list_cents,
            reduction_cents=c.reduction_cents,
            charged_cents=c.charged_cents,
            reasons=tuple(c.reasons.split(REASONS_SEPARATOR)) if c.reasons else (),
            rule_id=c.rule_id,
            missing_rule=c.missing_rule,
        )
        for c in charges
    )


def charge_usage(session: Session, usage_id: int, actor: int | None) -> PricedUsage:
    """Price a usage with the rules in force on its local day and freeze it, inside the
    caller's transaction: UsageCharge lines, QuotaUse rows (month = first day of the
    usage's local month), PackMovement rows (−minutes, with the usage), and the stock
    of followed consumables lowered (never below 0). A usage already charged returns
    its frozen lines and writes nothing."""
    frozen = _frozen(session, usage_id)
    if frozen is not None:
        return frozen
    usage = session.get(Usage, usage_id)
    if usage is None:
        raise NotFound("usage", usage_id)
    day = local_day(usage.start_at)
    payer = usage.member_id if usage.member_id is not None else usage.organisation_id
    tariffs = load_tariffs(session)
    customer = customer_for(session, payer, day, tariffs=tariffs)
    m_id, category_id, s_id, name = _resource(session, usage.machine_id, usage.space_id)
    lines = [
        (uc.consumable_id, uc.quantity_milli)
        for uc in session.scalars(
            select(UsageConsumable).where(UsageConsumable.usage_id == usage_id)
        )
    ]
    to_price = UsageToPrice(
        usage_id=usage.id,
        day=day,
        machine_id=m_id,
        category_id=category_id,
        space_id=s_id,
        minutes=usage.minutes,
        headcount=max(1, usage.headcount),
        consumables=_consumable_uses(session, lines),
        resource_name=name,
    )
    priced = price_usage(to_price, tariffs.book, tariffs.reductions, tariffs.quotas, customer)
    for line in priced.lines:
        session.add(
            UsageCharge(
                usage_id=usage.id,
                kind=line.kind,
                label=line.label[:200],
                quantity_text=line.quantity_text[:120],
                list_cents=line.list_cents,
                reduction_cents=line.reduction_cents,
                charged_cents=line.charged_cents,
                reasons=line.explanation,
                rule_id=line.rule_id,
                missing_rule=line.missing_rule,
            )
        )
    if payer is not None:
        for quota_id, minutes in priced.quota_minutes.items():
            session.add(
                QuotaUse(
                    quota_id=quota_id,
                    member_id=payer,
                    usage_id=usage.id,
                    month=month_start(day),
                    minutes=minutes,
                )
            )
        for pack_id, minutes in priced.pack_minutes.items():
            session.add(
                PackMovement(
                    member_pack_id=pack_id,
                    minutes=-minutes,
                    usage_id=usage.id,
                    operator_id=actor,
                )
            )
    used: dict[int, int] = {}
    for consumable_id, quantity in lines:
        used[consumable_id] = used.get(consumable_id, 0) + quantity
    if used:
        taken: dict[int, int] = {}
        for consumable in session.scalars(
            select(Consumable).where(
                Consumable.id.in_(list(used)), Consumable.stock_milli.is_not(None)
            )
        ):
            before = consumable.stock_milli or 0
            consumable.stock_milli = max(0, before - used[consumable.id])
            taken[consumable.id] = before - consumable.stock_milli
        # What each line really took (a correction gives back exactly that).
        for uc in session.scalars(
            select(UsageConsumable).where(
                UsageConsumable.usage_id == usage_id,
                UsageConsumable.consumable_id.in_(list(taken)),
            )
        ):
            share = min(uc.quantity_milli, taken[uc.consumable_id])
            uc.stock_taken_milli = share
            taken[uc.consumable_id] -= share
    session.flush()
    return priced


@dataclass(frozen=True)
class ChargeRow:
    id: int
    kind: str
    label: str
    quantity_text: str
    list_cents: int
    reduction_cents: int
    charged_cents: int
    reasons: str
    missing_rule: bool


def usage_charges(db: Database, usage_id: int) -> list[ChargeRow]:
    """The frozen lines of a usage (empty before its check-out), in order."""
    with db.read() as session:
        return [
            ChargeRow(
                c.id,
                c.kind,
                c.label,
                c.quantity_text,
                c.list_cents,
                c.reduction_cents,
                c.charged_cents,
                c.reasons,
                c.missing_rule,
            )
            for c in session.scalars(
                select(UsageCharge).where(UsageCharge.usage_id == usage_id).order_by(UsageCharge.id)
            )
        ]


# --------------------------------------------------------------------------- period


@dataclass(frozen=True)
class PeriodPricing:
    usages: int
    list_cents: int
    reduction_cents: int
    charged_cents: int
    # audience id of the payer (None = no audience) → (list, reduction, charged) cents
    by_audience: dict[int | None, tuple[int, int, int]]
    missing_rule: int  # usages with at least one line without a tariff


def price_period(db: Database, first_day: date, last_day: date) -> PeriodPricing:
    """Re-price every usage that started between the local ``first_day`` and
    ``last_day`` (included) with today's tariffs table (each usage with the rules in
    force on its day), without writing anything. Per payer in time order, so monthly
    quotas and packs carry from one usage to the next; quotas start unused at the start
    of the period, and packs (bought by ``last_day``, not expired on ``first_day``) with
    what was left before it (the engine knows no purchase day: a pack bought during the
    period may cover a usage before its purchase).

    A handful of bulk SELECTs (usages, consumables, members, memberships, packs, tariffs),
    whatever the number of usages."""
    with db.read() as session:
        count, results = _reprice(session, first_day, last_day)
    totals = [0, 0, 0]
    by_audience: dict[int | None, list[int]] = {}
    missing = 0
    for result in results:
        priced = result.priced
        sums = by_audience.setdefault(result.audience_id, [0, 0, 0])
        totals[0] += priced.list_cents
        totals[1] += priced.reduction_cents
        totals[2] += priced.charged_cents
        sums[0] += priced.list_cents
        sums[1] += priced.reduction_cents
        sums[2] += priced.charged_cents
        missing += any(line.missing_rule for line in priced.lines)
    return PeriodPricing(
        usages=count,
        list_cents=totals[0],
        reduction_cents=totals[1],
        charged_cents=totals[2],
        by_audience={k: (v[0], v[1], v[2]) for k, v in by_audience.items()},
        missing_rule=missing,
    )


@dataclass(frozen=True)
class _Repriced:
    usage_id: int
    payer: int | None
    audience_id: int | None
    day: date
    start_at: datetime
    priced: PricedUsage


def reprice_with(
    session: Session, first_day: date, last_day: date, tariffs: Tariffs
) -> tuple[int, list[_Repriced]]:
    """What :func:`price_period` does, with the given ``tariffs`` instead of the table's
    (a what-if copy: the tariff simulator), per usage; nothing is written."""
    return _reprice(session, first_day, last_day, tariffs=tariffs)


def _reprice(
    session: Session,
    first_day: date,
    last_day: date,
    *,
    uncharged_only: bool = False,
    tariffs: Tariffs | None = None,
) -> tuple[int, list[_Repriced]]:
    """The pricing of every usage of the period (see price_period), per payer in time
    order. ``uncharged_only``: only the usages without frozen lines. ``tariffs``: these
    instead of the table's."""
    start, _ = local_day_bounds(first_day)
    _, end = local_day_bounds(last_day)
    period: tuple[ColumnElement[bool], ...] = (Usage.start_at >= start, Usage.start_at < end)
    if uncharged_only:
        charged = select(UsageCharge.id).where(UsageCharge.usage_id == Usage.id).exists()
        period = (*period, ~charged)
    if tariffs is None:
        tariffs = load_tariffs(session)
    connection = session.connection()
    usage_rows = connection.execute(
        select(
            Usage.id,
            Usage.start_at,
            Usage.machine_id,
            Machine.category_id,
            Machine.name.label("machine_name"),
            Usage.space_id,
            Space.name.label("space_name"),
            Usage.member_id,
            Usage.organisation_id,
            Usage.minutes,
            Usage.headcount,
        )
        .outerjoin(Machine, Machine.id == Usage.machine_id)
        .outerjoin(Space, Space.id == Usage.space_id)
        .where(*period)
        .order_by(Usage.start_at, Usage.id)
    ).all()
    consumables: dict[int, list[ConsumableUse]] = {}
    for row in connection.execute(
        select(
            UsageConsumable.usage_id,
            UsageConsumable.consumable_id,
            UsageConsumable.quantity_milli,
            Consumable.name,
            Consumable.unit,
        )
        .join(Usage, Usage.id == UsageConsumable.usage_id)
        .join(Consumable, Consumable.id == UsageConsumable.consumable_id)
        .where(*period)
        .order_by(UsageConsumable.usage_id, Consumable.position, Consumable.name)
    ):
        consumables.setdefault(row.usage_id, []).append(
            ConsumableUse(row.consumable_id, row.name, engine_unit(row.unit), row.quantity_milli)
        )
    payers = sorted(
        {
            r.member_id if r.member_id is not None else r.organisation_id
            for r in usage_rows
            if r.member_id is not None or r.organisation_id is not None
        }
    )
    members: dict[int, tuple[int | None, str]] = {}
    memberships: dict[int, list[tuple[date, date]]] = {}
    packs: dict[int, list[PackBalance]] = {}
    for chunk in _chunks(payers, 900):
        for m in session.execute(
            select(Member.id, Member.audience_id, Audience.name)
            .outerjoin(Audience, Audience.id == Member.audience_id)
            .where(Member.id.in_(chunk))
        ):
            members[m.id] = (m.audience_id, m.name or "")
        for ms in session.execute(
            select(Membership.member_id, Membership.start_date, Membership.end_date).where(
                Membership.member_id.in_(chunk),
                Membership.start_date <= last_day,
                Membership.end_date >= first_day,
            )
        ):
            memberships.setdefault(ms.member_id, []).append((ms.start_date, ms.end_date))
        packs.update(_pack_balances(session, chunk, first_day, before=start, bought_by=last_day))

    by_payer: dict[int | None, list[UsageToPrice]] = {}
    days: dict[datetime, date] = {}  # local day by UTC hour (Paris is a whole hour off UTC)
    for r in usage_rows:
        payer = r.member_id if r.member_id is not None else r.organisation_id
        hour = r.start_at.replace(minute=0, second=0, microsecond=0)
        day = days.get(hour)
        if day is None:
            day = days[hour] = local_day(hour)
        by_payer.setdefault(payer, []).append(
            UsageToPrice(
                usage_id=r.id,
                day=day,
                machine_id=r.machine_id,
                category_id=r.category_id if r.machine_id is not None else None,
                space_id=r.space_id if r.machine_id is None else None,
                minutes=r.minutes,
                headcount=max(1, r.headcount),
                consumables=tuple(consumables.get(r.id, ())),
                resource_name=(r.machine_name if r.machine_id is not None else r.space_name) or "",
            )
        )

    starts = {r.id: r.start_at for r in usage_rows}
    results: list[_Repriced] = []
    for payer, usages in by_payer.items():
        audience_id, audience_name = (
            members.get(payer, (None, "")) if payer is not None else (None, "")
        )
        periods = memberships.get(payer, []) if payer is not None else []
        base = Customer(
            audience_id=audience_id,
            is_member=False,
            packs=tuple(
                sorted(
                    packs.get(payer, []) if payer is not None else [],
                    key=lambda p: (p.expires_on, p.pack_id),
                )
            ),
            audience_name=audience_name,
        )
        for usage, priced in zip(usages, _price_runs(usages, periods, base, tariffs), strict=True):
            results.append(
                _Repriced(
                    usage.usage_id, payer, audience_id, usage.day, starts[usage.usage_id], priced
                )
            )
    return len(usage_rows), results


def charge_uncharged_usages(
    session: Session, first_day: date, last_day: date, actor: int | None
) -> int:
    """Freeze the lines of every usage of the period that has none yet, in bulk, inside
    the caller's transaction: what check-out does one usage at a time (UsageCharge,
    QuotaUse, PackMovement dated at the usage), for a demo or an import of past activity.
    Monthly quotas count only the usages charged here; stock levels are left as they
    are (they are counted at the shelf). Returns the number of usages charged."""
    _count, results = _reprice(session, first_day, last_day, uncharged_only=True)
    charges, quota_uses, pack_moves = [], [], []
    for r in results:
        for line in r.priced.lines:
            charges.append(
                {
                    "usage_id": r.usage_id,
                    "kind": line.kind,
                    "label": line.label[:200],
                    "quantity_text": line.quantity_text[:120],
                    "list_cents": line.list_cents,
                    "reduction_cents": line.reduction_cents,
                    "charged_cents": line.charged_cents,
                    "reasons": line.explanation,
                    "rule_id": line.rule_id,
                    "missing_rule": line.missing_rule,
                }
            )
        if r.payer is None:
            continue
        for quota_id, minutes in r.priced.quota_minutes.items():
            quota_uses.append(
                {
                    "quota_id": quota_id,
                    "member_id": r.payer,
                    "usage_id": r.usage_id,
                    "month": month_start(r.day),
                    "minutes": minutes,
                }
            )
        for pack_id, minutes in r.priced.pack_minutes.items():
            pack_moves.append(
                {
                    "member_pack_id": pack_id,
                    "at": r.start_at,
                    "minutes": -minutes,
                    "usage_id": r.usage_id,
                    "operator_id": actor,
                    "note": "",
                }
            )
    for model, rows in ((UsageCharge, charges), (QuotaUse, quota_uses), (PackMovement, pack_moves)):
        if rows:
            session.execute(insert(model), rows)
    return len(results)


def _chunks(values: Sequence[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(values), size):
        yield list(values[i : i + size])


def _price_runs(
    usages: list[UsageToPrice],
    periods: list[tuple[date, date]],
    customer: Customer,
    tariffs: Tariffs,
) -> Iterable[PricedUsage]:
    """One payer's usages (time order) priced with ``price_usages`` in runs of the same
    membership status, carrying quota minutes of the month and pack minutes across runs."""

    def member_on(day: date) -> bool:
        return any(first <= day <= last for first, last in periods)

    used_by_month: dict[date, dict[int, int]] = {}
    packs_left = {p.pack_id: p.minutes_left for p in customer.packs}
    i = 0
    while i < len(usages):
        is_member = member_on(usages[i].day) if periods else False
        j = i + 1
        if periods:
            while j < len(usages) and member_on(usages[j].day) == is_member:
                j += 1
        else:
            j = len(usages)
        run = usages[i:j]
        last_run = j == len(usages)
        first_month = month_start(run[0].day)
        current = replace(
            customer,
            is_member=is_member,
            quota_minutes_used=dict(used_by_month.get(first_month, {})),
            packs=tuple(
                replace(p, minutes_left=packs_left[p.pack_id])
                for p in customer.packs
                if packs_left[p.pack_id] > 0
            ),
        )
        priced_run = price_usages(run, tariffs.book, tariffs.reductions, tariffs.quotas, current)
        if last_run:  # nothing to carry any further
            yield from priced_run
            return
        for usage, priced in zip(run, priced_run, strict=True):
            month = used_by_month.setdefault(month_start(usage.day), {})
            for quota_id, minutes in priced.quota_minutes.items():
                month[quota_id] = month.get(quota_id, 0) + minutes
            for pack_id, minutes in priced.pack_minutes.items():
                packs_left[pack_id] -= minutes
            yield priced
        i = j
