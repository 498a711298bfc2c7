"""Tariff simulator: "what if the prices had been these?" over a past period.

The real usages of the period are re-priced (the :func:`services.pricing.engine.price_period`
machinery: each usage with the rules in force on its local day, per payer in time order,
quotas and packs carried) twice: with today's tariffs table ("real") and with an
in-memory copy modified by a :class:`Scenario` ("simulated"). Nothing is ever written:
the database is only read.

A scenario combines, in this order:

1. ``rule_overrides`` — rule id → new amount (cents): the copy of that rule gets the new
   amount before pricing (reductions, quotas and packs then apply as usual);
2. ``percent_by_resource`` — (kind, id) → basis points (+500 = +5 %), kind one of
   machine, category, space, consumable: applied to the priced lines of that resource
   (a machine's own percentage wins over its category's; consumable lines follow their
   consumable, time lines their machine/category or space);
3. ``percent_by_audience`` — audience id (None = payers without a public and walk-ins) →
   basis points: applied to every line charged to that public.

Percentages scale a line's list price and its charged price (reductions are
percentages, free quota/pack minutes stay free), rounded half up per line. An empty
scenario gives ``simulated == real`` to the cent.

Self-financing ratio (own revenue ÷ total costs, see :mod:`services.finance.balance`): "after"
adds the difference simulated − real to the own revenue of the period; costs unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Audience, Machine, Usage
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.errors import NotFound, ValidationError
from tierslieu_desktop.domain.finance import ratio_bp
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import PricedUsage, RuleBook, round_half_up
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.finance.balance import _balance_impl
from tierslieu_desktop.services.pricing.engine import Tariffs, load_tariffs, reprice_with

RESOURCE_KINDS = ("machine", "category", "space", "consumable")


@dataclass(frozen=True)
class Scenario:
    """Changes to try; percentages in basis points (+500 = +5 %, −10000 = free)."""

    percent_by_audience: dict[int | None, int] = field(default_factory=dict)
    percent_by_resource: dict[tuple[str, int], int] = field(default_factory=dict)
    rule_overrides: dict[int, int] = field(default_factory=dict)  # rule id -> new amount

    @property
    def empty(self) -> bool:
        return not (
            any(self.percent_by_audience.values())
            or any(self.percent_by_resource.values())
            or self.rule_overrides
        )


@dataclass(frozen=True)
class SimulationResult:
    first_day: date
    last_day: date
    real_cents: int  # charged, today's rules
    simulated_cents: int
    real_list_cents: int
    simulated_list_cents: int
    by_audience: dict[str, tuple[int, int]]  # audience name ("" = no public) -> (real, simulated)
    real_self_financing_bp: int | None  # None when there are no costs
    simulated_self_financing_bp: int | None
    usages: int

    @property
    def difference_cents(self) -> int:
        return self.simulated_cents - self.real_cents


def _check(scenario: Scenario, tariffs: Tariffs) -> None:
    errors: dict[str, str] = {}
    for bp in (*scenario.percent_by_audience.values(), *scenario.percent_by_resource.values()):
        if bp < -10000:
            errors["percent"] = "percent_too_low"
    for kind, _rid in scenario.percent_by_resource:
        if kind not in RESOURCE_KINDS:
            raise ValueError(f"unknown resource kind {kind!r}")
    known = {rule.id for rule in tariffs.rules}
    for rule_id, amount in scenario.rule_overrides.items():
        if rule_id not in known:
            raise NotFound("price_rule", rule_id)
        if amount < 0:
            errors["amount"] = "amount_negative"
    if errors:
        raise ValidationError(errors)


def _modified(tariffs: Tariffs, overrides: dict[int, int]) -> Tariffs:
    if not overrides:
        return tariffs
    rules = tuple(
        replace(rule, amount_cents=overrides[rule.id]) if rule.id in overrides else rule
        for rule in tariffs.rules
    )
    return Tariffs(RuleBook(rules), tariffs.reductions, tariffs.quotas, rules)


def _scale(cents: int, factors: list[int]) -> int:
    """``cents`` × Π (10000 + bp) / 10000, rounded half up once."""
    numerator, denominator = cents, 1
    for bp in factors:
        numerator *= 10000 + bp
        denominator *= 10000
    return round_half_up(numerator, denominator)


@guarded(Permission.FINANCES)
def simulate(db: Database, first_day: date, last_day: date, scenario: Scenario) -> SimulationResult:
    """Re-price the real usages of ``first_day``..``last_day`` (local days, included)
    with today's rules and with the scenario's copy of them; writes nothing."""
    if last_day < first_day:
        raise ValidationError({"last_day": "end_before_start"})
    with db.read() as session:
        tariffs = load_tariffs(session)
        _check(scenario, tariffs)
        count, real = reprice_with(session, first_day, last_day, tariffs)
        if scenario.rule_overrides:
            _count, changed = reprice_with(
                session, first_day, last_day, _modified(tariffs, scenario.rule_overrides)
            )
        else:
            changed = real
        names = {aid: name for aid, name in session.execute(select(Audience.id, Audience.name))}
        resources: dict[int, tuple[int | None, int | None, int | None]] = {}
        if scenario.percent_by_resource:
            start, _ = local_day_bounds(first_day)
            _, end = local_day_bounds(last_day)
            for row in session.execute(
                select(Usage.id, Usage.machine_id, Machine.category_id, Usage.space_id)
                .outerjoin(Machine, Machine.id == Usage.machine_id)
                .where(Usage.start_at >= start, Usage.start_at < end)
            ):
                resources[row.id] = (row.machine_id, row.category_id, row.space_id)
    rule_scope = {rule.id: (rule.resource.kind, rule.resource.id) for rule in tariffs.rules}

    def line_factors(
        usage_id: int, audience_id: int | None, kind: str, rule_id: int | None
    ) -> list[int]:
        factors: list[int] = []
        audience_bp = scenario.percent_by_audience.get(audience_id, 0)
        if audience_bp:
            factors.append(audience_bp)
        by_resource = scenario.percent_by_resource
        if by_resource:
            keys: list[tuple[str, int | None]]
            if kind == "consumable":
                keys = (
                    [rule_scope[rule_id]] if rule_id is not None and rule_id in rule_scope else []
                )
            else:
                machine_id, category_id, space_id = resources.get(usage_id, (None, None, None))
                keys = [("machine", machine_id), ("category", category_id), ("space", space_id)]
            for kind_, rid in keys:
                if rid is not None and by_resource.get((kind_, rid)):
                    factors.append(by_resource[(kind_, rid)])
                    break  # the most specific resource wins
        return factors

    real_total = real_list = sim_total = sim_list = 0
    by_audience: dict[str, list[int]] = {}
    simulated_of = {r.usage_id: r.priced for r in changed}
    for r in real:
        name = names.get(r.audience_id, "") if r.audience_id is not None else ""
        sums = by_audience.setdefault(name, [0, 0])
        real_total += r.priced.charged_cents
        real_list += r.priced.list_cents
        sums[0] += r.priced.charged_cents
        priced: PricedUsage = simulated_of[r.usage_id]
        for line in priced.lines:
            factors = line_factors(r.usage_id, r.audience_id, line.kind, line.rule_id)
            charged = _scale(line.charged_cents, factors) if factors else line.charged_cents
            listed = _scale(line.list_cents, factors) if factors else line.list_cents
            sim_total += charged
            sim_list += listed
            sums[1] += charged
    before, after = _self_financing(db, first_day, last_day, sim_total - real_total)
    return SimulationResult(
        first_day=first_day,
        last_day=last_day,
        real_cents=real_total,
        simulated_cents=sim_total,
        real_list_cents=real_list,
        simulated_list_cents=sim_list,
        by_audience={k: (v[0], v[1]) for k, v in by_audience.items()},
        real_self_financing_bp=before,
        simulated_self_financing_bp=after,
        usages=count,
    )


def _self_financing(
    db: Database, first_day: date, last_day: date, delta_cents: int
) -> tuple[int | None, int | None]:
    """(before, after) own revenue ÷ total costs in basis points (services.finance.balance
    balance of the period); "after" adds ``delta_cents`` to the own revenue."""
    figures = _balance_impl(db, first_day, last_day)
    return (
        figures.self_financing_bp,
        ratio_bp(figures.own_cents + delta_cents, figures.costs_cents),
    )
