"""The pricing engine: pure functions from usages and tariffs to priced lines.

No database, no Qt. Money is integer cents, durations are minutes, quantities of
consumables are thousandths of their unit (``quantity_milli``), days are ``date``.

For one usage the order of the steps is part of the rules (and tested):

1. the time / session line gets its list price from the most specific rule in force
   on the usage's day (the machine's rules, else its category's; the space's rules);
   hourly rules bill per started step (e.g. every started quarter of an hour);
2. free monthly quotas cover billed minutes first (hourly rules only);
3. then prepaid packs, the one expiring first first (hourly rules only);
4. then the audience's percentage reduction applies to what is left to pay;
5. each consumable gets its own line (reductions scoped on that consumable apply).

The wallet is a means of payment, not a reduction: see :func:`apply_wallet`.

Every line keeps ``list − reduction = charged ≥ 0`` and says why in French words
(they are printed on invoices). All these words live in :data:`REASONS` so that a
later issue can translate them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

# French words shown to users (invoices, check-out). Keep every phrase here.
REASONS: dict[str, str] = {
    "rule_audience": "tarif {audience}",
    "rule_audience_member": "tarif {audience} adhérent",
    "rule_audience_non_member": "tarif {audience} non adhérent",
    "rule_everyone": "tarif tous publics",
    "rule_member": "tarif adhérent",
    "rule_non_member": "tarif non adhérent",
    "rule_unknown_audience": "tarif du public n° {audience_id}",
    "step_15": "au quart d'heure entamé",
    "step_30": "à la demi-heure entamée",
    "step_60": "à l'heure entamée",
    "step_other": "par tranche de {step} entamée",
    "session": "par personne et par séance",
    "flat": "forfait par séance",
    "no_rule": "aucun tarif en vigueur",
    "quota_one": "{free} gratuite du mois (reste {left})",
    "quota_many": "{free} gratuites du mois (reste {left})",
    "pack": "forfait {label} (reste {left})",
    "pack_unnamed": "forfait prépayé (reste {left})",
    "reduction": "réduction {percent}",
    "reduction_named": "réduction {label} {percent}",
}

# What a placeholder of REASONS may hold when a phrase is read back (reason_parts).
_REASON_VALUES = {"percent": r"\d+(?:[,.]\d+)?\s?%", "audience_id": r"\d+"}


def _reason_pattern(template: str) -> re.Pattern[str]:
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out.append(re.escape(template[pos : m.start()]))
        out.append(f"(?P<{m.group(1)}>{_REASON_VALUES.get(m.group(1), '.+?')})")
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out))


# The most literal templates first: "tarif tous publics" before "tarif {audience}".
_REASON_PATTERNS = sorted(
    ((key, _reason_pattern(t)) for key, t in REASONS.items()),
    key=lambda kp: -len(re.sub(r"\{\w+\}", "", REASONS[kp[0]])),
)


def reason_parts(phrase: str) -> tuple[str, dict[str, str]] | None:
    """A reason as the engine wrote it (in French: stored with the usage, printed on the
    invoice) read back as its REASONS key and values, for a screen to word it in its
    own language: "tarif Demandeurs d'emploi adhérent" → ("rule_audience_member",
    {"audience": "Demandeurs d'emploi"}); None for a phrase that is not one of them."""
    for key, pattern in _REASON_PATTERNS:
        m = pattern.fullmatch(phrase.strip())
        if m:
            return key, m.groupdict()
    return None


# Words of quantities: (singular, plural) by consumable unit code.
QUANTITY_WORDS: dict[str, tuple[str, str]] = {
    "g": ("g", "g"),
    "m": ("m", "m"),
    "m2": ("m²", "m²"),
    "sheet": ("plaque", "plaques"),
    "piece": ("pièce", "pièces"),
    "1000_stitches": ("point", "points"),
    "person": ("personne", "personnes"),
    "session": ("séance", "séances"),
}
# Other spellings of the same units that callers may use, the database's codes first
# (Consumable.unit: gram, sheet, metre, square_metre, kilostitch, piece).
_UNIT_ALIASES = {
    "gram": "g",
    "metre": "m",
    "square_metre": "m2",
    "kilostitch": "1000_stitches",
    "m²": "m2",
    "1000 stitches": "1000_stitches",
    "kstitch": "1000_stitches",
    "stitches_1000": "1000_stitches",
}
_NNBSP = "\u202f"  # thousands separator of French numbers (as babel's fr locale)

ResourceKind = Literal["machine", "category", "space", "consumable", "activity"]
MembershipMatch = Literal["member", "non_member", "any"]
RuleUnit = Literal["hour", "session", "flat", "consumable"]
LineKind = Literal["time", "session", "flat", "consumable"]
MembershipDuration = Literal["calendar_year", "school_year", "rolling_12_months", "month"]

RESOURCE_KINDS = ("machine", "category", "space", "consumable", "activity")
# What reductions, quotas and packs may apply to (an activity's price has its own rules).
USE_SCOPE_KINDS = ("machine", "category", "space", "consumable")
MEMBERSHIP_MATCHES = ("member", "non_member", "any")
RULE_UNITS = ("hour", "session", "flat", "consumable")
MEMBERSHIP_DURATIONS = ("calendar_year", "school_year", "rolling_12_months", "month")
FULL_PERCENT_BP = 10_000


# --------------------------------------------------------------------------- money


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded to the nearest integer, halves away from zero.

    Pure integer arithmetic (no float): ``round_half_up(1875, 100) == 19``,
    ``round_half_up(5, 2) == 3``, ``round_half_up(-5, 2) == -3``.
    """
    if denominator == 0:
        raise ZeroDivisionError("round_half_up: denominator is 0")
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    num, den = abs(numerator), abs(denominator)
    return sign * ((2 * num + den) // (2 * den))


def apply_wallet(total_cents: int, wallet_cents: int) -> tuple[int, int]:
    """Pay ``total_cents`` from a wallet: ``(paid_from_wallet, remaining_to_pay)``.

    Never takes more than the total nor more than a positive balance."""
    paid = max(0, min(total_cents, wallet_cents))
    return paid, total_cents - paid


# --------------------------------------------------------------------------- inputs


def _check_period(valid_from: date, valid_to: date | None) -> None:
    if valid_to is not None and valid_to < valid_from:
        raise ValueError("valid_to is before valid_from")


def _in_force(valid_from: date, valid_to: date | None, day: date) -> bool:
    return valid_from <= day and (valid_to is None or day <= valid_to)


@dataclass(frozen=True, slots=True)
class ResourceRef:
    """What a rule, reduction, quota or pack applies to."""

    kind: ResourceKind
    id: int

    def __post_init__(self) -> None:
        if self.kind not in RESOURCE_KINDS:
            raise ValueError(f"unknown resource kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class PriceRule:
    """A price of a resource for a public, valid from ``valid_from`` to ``valid_to``
    (inclusive; None = open). ``audience_id`` None = every public.

    Units: ``hour`` = amount per hour billed per started ``step_minutes`` (None = to the
    minute); ``session`` = per person per session; ``flat`` = per session whatever the
    head-count; ``consumable`` = per unit of a consumable."""

    id: int
    resource: ResourceRef
    audience_id: int | None
    membership: MembershipMatch
    unit: RuleUnit
    amount_cents: int
    step_minutes: int | None
    valid_from: date
    valid_to: date | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if self.membership not in MEMBERSHIP_MATCHES:
            raise ValueError(f"unknown membership {self.membership!r}")
        if self.unit not in RULE_UNITS:
            raise ValueError(f"unknown unit {self.unit!r}")
        if self.amount_cents < 0:
            raise ValueError("a price is never negative")
        if self.step_minutes is not None and self.step_minutes < 1:
            raise ValueError("step_minutes must be at least 1")
        if (self.unit == "consumable") != (self.resource.kind == "consumable"):
            raise ValueError("consumable rules go with consumables, and only with them")
        _check_period(self.valid_from, self.valid_to)

    def in_force(self, day: date) -> bool:
        return _in_force(self.valid_from, self.valid_to, day)


@dataclass(frozen=True, slots=True)
class Reduction:
    """A percentage off (basis points: 5000 = 50 %) for a public (None = everyone).

    ``scope`` None = every machine or space use, never consumables; a consumable
    scope applies only to that consumable."""

    id: int
    audience_id: int | None
    percent_bp: int
    scope: ResourceRef | None
    valid_from: date
    valid_to: date | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.percent_bp <= FULL_PERCENT_BP:
            raise ValueError("percent_bp must be between 0 and 10000")
        _check_period(self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class Quota:
    """Free minutes each calendar month for a public (None = everyone) on a scope
    (None = every machine or space use)."""

    id: int
    audience_id: int | None
    scope: ResourceRef | None
    free_minutes_per_month: int
    valid_from: date
    valid_to: date | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if self.free_minutes_per_month < 0:
            raise ValueError("free_minutes_per_month is never negative")
        _check_period(self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class PackBalance:
    """What is left of a prepaid pack of hours; usable from ``purchased_on`` (None = no
    lower bound) up to ``expires_on``, both included."""

    pack_id: int
    label: str
    scope: ResourceRef | None
    minutes_left: int
    expires_on: date
    purchased_on: date | None = None

    def __post_init__(self) -> None:
        if self.minutes_left < 0:
            raise ValueError("minutes_left is never negative")

    def usable_on(self, day: date) -> bool:
        return (self.purchased_on is None or self.purchased_on <= day) and day <= self.expires_on


@dataclass(frozen=True, slots=True)
class Customer:
    """Who is paying. ``quota_minutes_used``: quota id → minutes already used in the
    calendar month of the (first) usage priced. ``audience_name`` is only used in the
    explanation ("tarif Demandeurs d'emploi")."""

    audience_id: int | None
    is_member: bool
    wallet_cents: int = 0
    quota_minutes_used: Mapping[int, int] = field(default_factory=dict)
    packs: tuple[PackBalance, ...] = ()
    audience_name: str = ""


@dataclass(frozen=True, slots=True)
class ConsumableUse:
    consumable_id: int
    name: str
    unit: str
    quantity_milli: int


@dataclass(frozen=True, slots=True)
class UsageToPrice:
    """A use of a machine (``machine_id`` and its ``category_id``) or of a space, with
    the consumables used. ``minutes`` is the real duration; ``headcount`` the number of
    people (a school group)."""

    usage_id: int
    day: date
    machine_id: int | None
    category_id: int | None
    space_id: int | None
    minutes: int
    headcount: int = 1
    consumables: tuple[ConsumableUse, ...] = ()
    resource_name: str = ""


@dataclass(frozen=True, slots=True)
class MembershipFee:
    id: int
    audience_id: int | None
    duration: MembershipDuration
    amount_cents: int
    valid_from: date
    valid_to: date | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if self.duration not in MEMBERSHIP_DURATIONS:
            raise ValueError(f"unknown duration {self.duration!r}")
        if self.amount_cents < 0:
            raise ValueError("a fee is never negative")
        _check_period(self.valid_from, self.valid_to)


# --------------------------------------------------------------------------- outputs


@dataclass(frozen=True, slots=True)
class PricedLine:
    """One priced line. Always ``list_cents − reduction_cents == charged_cents ≥ 0``.

    ``quota_minutes`` / ``pack_minutes``: minutes taken from each quota / pack."""

    usage_id: int
    kind: LineKind
    label: str
    quantity_text: str
    list_cents: int
    reduction_cents: int
    charged_cents: int
    reasons: tuple[str, ...]
    rule_id: int | None
    missing_rule: bool = False
    quota_minutes: Mapping[int, int] = field(default_factory=dict)
    pack_minutes: Mapping[int, int] = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        """The reasons as one sentence: "tarif Demandeurs d'emploi, 3 h gratuites…"."""
        return ", ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class PricedUsage:
    lines: tuple[PricedLine, ...]
    list_cents: int
    reduction_cents: int
    charged_cents: int

    @classmethod
    def of(cls, lines: Iterable[PricedLine]) -> PricedUsage:
        lines = tuple(lines)
        return cls(
            lines,
            sum(line.list_cents for line in lines),
            sum(line.reduction_cents for line in lines),
            sum(line.charged_cents for line in lines),
        )

    @property
    def quota_minutes(self) -> dict[int, int]:
        return _sum_maps(line.quota_minutes for line in self.lines)

    @property
    def pack_minutes(self) -> dict[int, int]:
        return _sum_maps(line.pack_minutes for line in self.lines)


def _sum_maps(maps: Iterable[Mapping[int, int]]) -> dict[int, int]:
    total: dict[int, int] = {}
    for mapping in maps:
        for key, value in mapping.items():
            total[key] = total.get(key, 0) + value
    return total


# --------------------------------------------------------------------------- words


def format_number(value_milli: int) -> str:
    """A quantity in thousandths, French style: 1500 → "1,5", 12500000 → "12 500"."""
    sign = "-" if value_milli < 0 else ""
    whole, frac = divmod(abs(value_milli), 1000)
    digits = f"{whole:,}".replace(",", _NNBSP)
    decimals = f"{frac:03d}".rstrip("0")
    return f"{sign}{digits},{decimals}" if decimals else f"{sign}{digits}"


def format_duration(minutes: int) -> str:
    """75 → "1 h 15", 65 → "1 h 05", 120 → "2 h", 45 → "45 min"."""
    hours, rest = divmod(max(0, minutes), 60)
    if hours == 0:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def format_percent(percent_bp: int) -> str:
    """5000 → "50 %", 1250 → "12,5 %"."""
    return f"{format_number(percent_bp * 10)} %"


def format_quantity(unit: str, quantity_milli: int) -> str:
    """125000 g → "125 g", 2 sheets → "2 plaques", 12,5 thousand stitches → "12 500 points"."""
    code = _UNIT_ALIASES.get(unit, unit)
    if code == "1000_stitches":
        quantity_milli *= 1000
    words = QUANTITY_WORDS.get(code)
    if words is None:
        return f"{format_number(quantity_milli)} {unit}".rstrip()
    word = words[1] if abs(quantity_milli) >= 2000 else words[0]
    return f"{format_number(quantity_milli)} {word}"


def _step_reason(step: int) -> str:
    key = {15: "step_15", 30: "step_30", 60: "step_60"}.get(step)
    if key:
        return REASONS[key]
    return REASONS["step_other"].format(step=format_duration(step))


def _rule_reason(rule: PriceRule, customer: Customer) -> str:
    if rule.audience_id is None:
        key = {"any": "rule_everyone", "member": "rule_member", "non_member": "rule_non_member"}
        return REASONS[key[rule.membership]]
    audience = customer.audience_name or rule.label
    if not audience:
        return REASONS["rule_unknown_audience"].format(audience_id=rule.audience_id)
    key = {
        "any": "rule_audience",
        "member": "rule_audience_member",
        "non_member": "rule_audience_non_member",
    }
    return REASONS[key[rule.membership]].format(audience=audience)


# --------------------------------------------------------------------------- lookup


class RuleBook:
    """The rules indexed by resource, built once to price many usages."""

    __slots__ = ("_by_resource",)

    def __init__(self, rules: Iterable[PriceRule]) -> None:
        by_resource: dict[tuple[str, int], list[PriceRule]] = {}
        for rule in rules:
            by_resource.setdefault((rule.resource.kind, rule.resource.id), []).append(rule)
        self._by_resource = by_resource

    def best(self, resource: tuple[str, int], day: date, customer: Customer) -> PriceRule | None:
        """The most specific rule in force on ``day`` for this resource and customer:
        an audience match beats "every public", then a membership match beats "any".
        Ties (overlaps, refused upstream) go to the latest ``valid_from``, then id."""
        best: PriceRule | None = None
        best_key: tuple[int, int, date, int] | None = None
        membership = "member" if customer.is_member else "non_member"
        for rule in self._by_resource.get(resource, ()):
            if not rule.in_force(day):
                continue
            if rule.audience_id is not None and rule.audience_id != customer.audience_id:
                continue
            if rule.membership not in ("any", membership):
                continue
            key = (
                rule.audience_id is not None,
                rule.membership != "any",
                rule.valid_from,
                rule.id,
            )
            if best_key is None or key > best_key:
                best, best_key = rule, key
        return best

    def for_usage(self, usage: UsageToPrice, customer: Customer) -> PriceRule | None:
        """Machine rules, else category rules; for a space use, the space rules."""
        if usage.machine_id is not None or usage.category_id is not None:
            levels = [("machine", usage.machine_id), ("category", usage.category_id)]
        else:
            levels = [("space", usage.space_id)]
        for kind, resource_id in levels:
            if resource_id is None:
                continue
            rule = self.best((kind, resource_id), usage.day, customer)
            if rule is not None:
                return rule
        return None


def _is_time_use(usage: UsageToPrice) -> bool:
    return any(i is not None for i in (usage.machine_id, usage.category_id, usage.space_id))


def _scope_covers_use(scope: ResourceRef | None, usage: UsageToPrice) -> bool:
    """Does a reduction/quota/pack scope cover the machine or space use itself?"""
    if scope is None:
        return True
    target = {"machine": usage.machine_id, "category": usage.category_id, "space": usage.space_id}
    return scope.kind != "consumable" and target[scope.kind] == scope.id


def _audience_matches(audience_id: int | None, customer: Customer) -> bool:
    return audience_id is None or audience_id == customer.audience_id


def _best_reduction(
    reductions: Iterable[Reduction],
    customer: Customer,
    day: date,
    covers: Callable[[ResourceRef | None], bool],
) -> Reduction | None:
    """The most favourable reduction in force (reductions do not add up)."""
    best: Reduction | None = None
    for reduction in reductions:
        if (
            _in_force(reduction.valid_from, reduction.valid_to, day)
            and _audience_matches(reduction.audience_id, customer)
            and covers(reduction.scope)
            and reduction.percent_bp > 0
            and (
                best is None or (reduction.percent_bp, -reduction.id) > (best.percent_bp, -best.id)
            )
        ):
            best = reduction
    return best


def _reduction_reason(reduction: Reduction) -> str:
    percent = format_percent(reduction.percent_bp)
    if reduction.label:
        return REASONS["reduction_named"].format(label=reduction.label, percent=percent)
    return REASONS["reduction"].format(percent=percent)


# --------------------------------------------------------------------------- engine


def billed_minutes(minutes: int, step_minutes: int | None) -> int:
    """Minutes rounded up to the started step: 65 min per quarter → 75."""
    if minutes <= 0:
        return 0
    step = step_minutes or 1
    return -(-minutes // step) * step


def hourly_amount(amount_cents_per_hour: int, minutes: int) -> int:
    return round_half_up(amount_cents_per_hour * minutes, 60)


def _time_line(
    usage: UsageToPrice,
    rules: RuleBook,
    reductions: Sequence[Reduction],
    quotas: Sequence[Quota],
    customer: Customer,
) -> PricedLine:
    rule = rules.for_usage(usage, customer)
    label = usage.resource_name
    if rule is None:
        return PricedLine(
            usage.usage_id,
            "time",
            label,
            format_duration(usage.minutes),
            0,
            0,
            0,
            (REASONS["no_rule"],),
            None,
            missing_rule=True,
        )
    reasons = [_rule_reason(rule, customer)]
    quota_taken: dict[int, int] = {}
    pack_taken: dict[int, int] = {}
    headcount = max(1, usage.headcount)
    if rule.unit == "hour":
        kind: LineKind = "time"
        step = rule.step_minutes or 1
        billed = billed_minutes(usage.minutes, step)
        if step > 1:
            reasons.append(_step_reason(step))
            quantity = f"{format_duration(billed)} ({billed // step} × {format_duration(step)})"
        else:
            quantity = format_duration(billed)
        list_cents = hourly_amount(rule.amount_cents, billed)
        to_pay = billed
        # 2. free monthly quotas, the scoped ones first (a free price takes nothing from
        # quotas nor packs)
        eligible = sorted(
            (
                q
                for q in quotas
                if rule.amount_cents > 0
                and _in_force(q.valid_from, q.valid_to, usage.day)
                and _audience_matches(q.audience_id, customer)
                and _scope_covers_use(q.scope, usage)
            ),
            key=lambda q: (q.scope is None, q.id),
        )
        for quota in eligible:
            if to_pay == 0:
                break
            used = max(0, customer.quota_minutes_used.get(quota.id, 0))
            available = max(0, quota.free_minutes_per_month - used)
            taken = min(available, to_pay)
            if taken == 0:
                continue
            to_pay -= taken
            quota_taken[quota.id] = taken
            template = "quota_many" if quota.free_minutes_per_month >= 120 else "quota_one"
            reasons.append(
                REASONS[template].format(
                    free=format_duration(quota.free_minutes_per_month),
                    left=format_duration(available - taken),
                )
            )
        # 3. prepaid packs, the one expiring first first
        packs = sorted(
            (
                p
                for p in customer.packs
                if rule.amount_cents > 0
                and p.usable_on(usage.day)
                and p.minutes_left > 0
                and _scope_covers_use(p.scope, usage)
            ),
            key=lambda p: (p.expires_on, p.pack_id),
        )
        for pack in packs:
            if to_pay == 0:
                break
            taken = min(pack.minutes_left, to_pay)
            to_pay -= taken
            pack_taken[pack.pack_id] = taken
            left = format_duration(pack.minutes_left - taken)
            if pack.label:
                reasons.append(REASONS["pack"].format(label=pack.label, left=left))
            else:
                reasons.append(REASONS["pack_unnamed"].format(left=left))
        remaining = hourly_amount(rule.amount_cents, to_pay)
    elif rule.unit == "session":
        kind = "session"
        reasons.append(REASONS["session"])
        word = QUANTITY_WORDS["person"][1 if headcount >= 2 else 0]
        quantity = f"{headcount} {word}"
        list_cents = remaining = rule.amount_cents * headcount
    else:  # flat
        kind = "flat"
        reasons.append(REASONS["flat"])
        quantity = f"1 {QUANTITY_WORDS['session'][0]}"
        if headcount >= 2:
            quantity += f" ({headcount} {QUANTITY_WORDS['person'][1]})"
        list_cents = remaining = rule.amount_cents
    # 4. percentage reduction on what is left to pay
    reduction = _best_reduction(
        reductions, customer, usage.day, lambda scope: _scope_covers_use(scope, usage)
    )
    charged = remaining
    if reduction is not None and remaining > 0:
        charged = remaining - round_half_up(remaining * reduction.percent_bp, FULL_PERCENT_BP)
        reasons.append(_reduction_reason(reduction))
    return PricedLine(
        usage.usage_id,
        kind,
        label,
        quantity,
        list_cents,
        list_cents - charged,
        charged,
        tuple(reasons),
        rule.id,
        quota_minutes=quota_taken,
        pack_minutes=pack_taken,
    )


def _consumable_line(
    usage: UsageToPrice,
    use: ConsumableUse,
    rules: RuleBook,
    reductions: Sequence[Reduction],
    customer: Customer,
) -> PricedLine:
    quantity = format_quantity(use.unit, use.quantity_milli)
    rule = rules.best(("consumable", use.consumable_id), usage.day, customer)
    if rule is None:
        return PricedLine(
            usage.usage_id,
            "consumable",
            use.name,
            quantity,
            0,
            0,
            0,
            (REASONS["no_rule"],),
            None,
            missing_rule=True,
        )
    reasons = [_rule_reason(rule, customer)]
    list_cents = round_half_up(rule.amount_cents * max(0, use.quantity_milli), 1000)
    charged = list_cents
    reduction = _best_reduction(
        reductions,
        customer,
        usage.day,
        lambda scope: (
            scope is not None and scope.kind == "consumable" and scope.id == use.consumable_id
        ),
    )
    if reduction is not None and list_cents > 0:
        charged = list_cents - round_half_up(list_cents * reduction.percent_bp, FULL_PERCENT_BP)
        reasons.append(_reduction_reason(reduction))
    return PricedLine(
        usage.usage_id,
        "consumable",
        use.name,
        quantity,
        list_cents,
        list_cents - charged,
        charged,
        tuple(reasons),
        rule.id,
    )


def _price(
    usage: UsageToPrice,
    rules: RuleBook,
    reductions: Sequence[Reduction],
    quotas: Sequence[Quota],
    customer: Customer,
) -> PricedUsage:
    lines: list[PricedLine] = []
    if _is_time_use(usage):
        lines.append(_time_line(usage, rules, reductions, quotas, customer))
    for use in usage.consumables:
        lines.append(_consumable_line(usage, use, rules, reductions, customer))
    return PricedUsage.of(lines)


def price_usage(
    usage: UsageToPrice,
    rules: Iterable[PriceRule] | RuleBook,
    reductions: Sequence[Reduction],
    quotas: Sequence[Quota],
    customer: Customer,
) -> PricedUsage:
    """Price one usage for ``customer`` with the rules in force on ``usage.day``.

    Never raises for a missing tariff: the line is priced 0 with ``missing_rule``."""
    book = rules if isinstance(rules, RuleBook) else RuleBook(rules)
    return _price(usage, book, tuple(reductions), tuple(quotas), customer)


def price_usages(
    usages: Iterable[UsageToPrice],
    rules: Iterable[PriceRule] | RuleBook,
    reductions: Sequence[Reduction],
    quotas: Sequence[Quota],
    customer: Customer,
) -> tuple[PricedUsage, ...]:
    """Price usages in time order, carrying what each takes from quotas and packs.

    ``customer.quota_minutes_used`` counts for the calendar month of the first usage;
    every other month starts at zero. Packs go down from one usage to the next."""
    book = rules if isinstance(rules, RuleBook) else RuleBook(rules)
    reductions, quotas = tuple(reductions), tuple(quotas)
    used_by_month: dict[tuple[int, int], dict[int, int]] = {}
    packs_left = {pack.pack_id: pack.minutes_left for pack in customer.packs}
    results: list[PricedUsage] = []
    for usage in usages:
        month = (usage.day.year, usage.day.month)
        if not used_by_month:
            used_by_month[month] = dict(customer.quota_minutes_used)
        used = used_by_month.setdefault(month, {})
        current = replace(
            customer,
            quota_minutes_used=used,
            packs=tuple(replace(p, minutes_left=packs_left[p.pack_id]) for p in customer.packs),
        )
        priced = _price(usage, book, reductions, quotas, current)
        for quota_id, minutes in priced.quota_minutes.items():
            used[quota_id] = used.get(quota_id, 0) + minutes
        for pack_id, minutes in priced.pack_minutes.items():
            packs_left[pack_id] -= minutes
        results.append(priced)
    return tuple(results)


# --------------------------------------------------------------------------- memberships


def membership_fee(
    fees: Iterable[MembershipFee], audience_id: int | None, duration: str, day: date
) -> MembershipFee | None:
    """The fee in force on ``day`` for this duration: the audience's own beats the
    fee for every public; None when there is none."""
    best: MembershipFee | None = None
    best_key: tuple[bool, date, int] | None = None
    for fee in fees:
        if fee.duration != duration or not _in_force(fee.valid_from, fee.valid_to, day):
            continue
        if fee.audience_id is not None and fee.audience_id != audience_id:
            continue
        key = (fee.audience_id is not None, fee.valid_from, fee.id)
        if best_key is None or key > best_key:
            best, best_key = fee, key
    return best


def _end_of_months(start: date, months: int) -> date:
    """The last day of a period of ``months`` months starting on ``start``: the day
    before the same day ``months`` later, or the end of that month when the day does
    not exist there (31 January + 1 month → 28/29 February)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    if start.day > last_day:
        return date(year, month, last_day)
    return date(year, month, start.day) - timedelta(days=1)


def membership_period(duration: str, start: date) -> tuple[date, date]:
    """The first and last day (inclusive) of a membership starting on ``start``.

    calendar_year: to 31 December; school_year: to the 31 August ending the school year
    (1 September–31 August) that contains ``start``; rolling_12_months: 12 months less a
    day; month: one month less a day."""
    if duration == "calendar_year":
        return start, date(start.year, 12, 31)
    if duration == "school_year":
        end_year = start.year + 1 if start.month >= 9 else start.year
        return start, date(end_year, 8, 31)
    if duration == "rolling_12_months":
        return start, _end_of_months(start, 12)
    if duration == "month":
        return start, _end_of_months(start, 1)
    raise ValueError(f"unknown duration {duration!r}")


# --------------------------------------------------------------------------- activities


@dataclass(frozen=True, slots=True)
class ActivityPrice:
    amount_cents: int
    reason: str
    rule_id: int | None


def price_activity(
    rules: RuleBook,
    activity_id: int,
    day: date,
    customer: Customer,
    *,
    headcount: int = 1,
    minutes: int = 0,
) -> ActivityPrice:
    """The price of one registration to a session of an activity, by the most specific
    rule of the activity in force on ``day`` (audience, then membership): ``session`` =
    per person, ``flat`` = per registration whatever the head-count, ``hour`` = per
    person per hour of the session (to the minute). No rule: free. Reductions, quotas
    and packs are for machine and space uses, not for activities."""
    rule = rules.best(("activity", activity_id), day, customer)
    if rule is None:
        return ActivityPrice(0, REASONS["no_rule"], None)
    people = max(headcount, 1)
    reasons = [_rule_reason(rule, customer)]
    if rule.unit == "flat":
        amount = rule.amount_cents
        reasons.append(REASONS["flat"])
    elif rule.unit == "hour":
        amount = hourly_amount(rule.amount_cents, minutes) * people
    else:
        amount = rule.amount_cents * people
        reasons.append(REASONS["session"])
    return ActivityPrice(amount, ", ".join(reasons), rule.id)
