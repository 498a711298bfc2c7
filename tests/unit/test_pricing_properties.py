"""Properties of the pricing engine on random tariffs, customers and usages: totals add
up, nothing is charged below zero, pricing is repeatable, a later tariff change never
reprices the past, quotas and packs never go below zero, more time never costs less."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tierslieu_desktop.domain.pricing import (
    ConsumableUse,
    Customer,
    PackBalance,
    PriceRule,
    Quota,
    Reduction,
    ResourceRef,
    RuleBook,
    UsageToPrice,
    billed_minutes,
    price_usage,
    price_usages,
)

FAST = settings(max_examples=200, deadline=None)
YEAR_START = date(2026, 1, 1)
# A small lab, so that random rules, quotas and packs often meet the usages.
MACHINES = {1: 10, 2: 10}  # machine → category
SPACES = (20,)
CONSUMABLES = {101: "gram", 102: "kilostitch"}
AUDIENCES = (None, 1, 2)
RESOURCES = (
    [ResourceRef("machine", m) for m in MACHINES]
    + [ResourceRef("category", c) for c in sorted(set(MACHINES.values()))]
    + [ResourceRef("space", s) for s in SPACES]
)
SCOPES = [None, None, None, *RESOURCES, *(ResourceRef("consumable", c) for c in CONSUMABLES)]

days = st.integers(0, 420).map(lambda n: YEAR_START + timedelta(days=n))
steps = st.sampled_from([None, 1, 5, 15, 30, 60])
amounts = st.integers(0, 6000)
UNITS = ["hour", "hour", "hour", "session", "flat"]


@st.composite
def periods(draw):
    """Mostly long periods starting early, sometimes short ones anywhere."""
    if draw(st.booleans()):
        return YEAR_START, None
    start = draw(days)
    length = draw(st.none() | st.integers(0, 200))
    return start, None if length is None else start + timedelta(days=length)


@st.composite
def price_rules(draw, rule_id):
    if draw(st.integers(0, 3)) == 0:
        resource = ResourceRef("consumable", draw(st.sampled_from(sorted(CONSUMABLES))))
        unit, step = "consumable", None
    else:
        resource = draw(st.sampled_from(RESOURCES))
        unit = draw(st.sampled_from(UNITS))
        step = draw(steps) if unit == "hour" else None
    valid_from, valid_to = draw(periods())
    return PriceRule(
        id=rule_id,
        resource=resource,
        audience_id=draw(st.sampled_from(AUDIENCES)),
        membership=draw(st.sampled_from(["any", "any", "member", "non_member"])),
        unit=unit,
        amount_cents=draw(amounts),
        step_minutes=step,
        valid_from=valid_from,
        valid_to=valid_to,
    )


@st.composite
def rule_lists(draw, max_size=8):
    """Most resources have a price for every public all along, then random rules."""
    rules = []
    for resource in [*RESOURCES, *(ResourceRef("consumable", c) for c in CONSUMABLES)]:
        if draw(st.integers(0, 3)) == 0:
            continue
        unit = "consumable" if resource.kind == "consumable" else draw(st.sampled_from(UNITS))
        step = draw(steps) if unit == "hour" else None
        rules.append(
            PriceRule(
                100 + len(rules), resource, None, "any", unit, draw(amounts), step, YEAR_START
            )
        )
    size = draw(st.integers(0, max_size))
    return rules + [draw(price_rules(rule_id)) for rule_id in range(1, size + 1)]


@st.composite
def reductions(draw):
    size = draw(st.integers(0, 3))
    result = []
    for rid in range(1, size + 1):
        valid_from, valid_to = draw(periods())
        result.append(
            Reduction(
                rid,
                draw(st.sampled_from(AUDIENCES)),
                draw(st.integers(0, 10_000)),
                draw(st.sampled_from(SCOPES)),
                valid_from,
                valid_to,
            )
        )
    return result


@st.composite
def quotas(draw):
    size = draw(st.integers(0, 3))
    result = []
    for qid in range(1, size + 1):
        valid_from, valid_to = draw(periods())
        result.append(
            Quota(
                qid,
                draw(st.sampled_from((None, None, 1))),
                draw(st.sampled_from(SCOPES)),
                draw(st.integers(0, 300)),
                valid_from,
                valid_to,
            )
        )
    return result


@st.composite
def customers(draw, quota_ids=range(1, 4)):
    packs = tuple(
        PackBalance(
            pack_id,
            draw(st.sampled_from(["", "Laser 10 h"])),
            draw(st.sampled_from(SCOPES)),
            draw(st.integers(0, 600)),
            draw(days),
        )
        for pack_id in range(1, draw(st.integers(0, 3)) + 1)
    )
    used = draw(st.dictionaries(st.sampled_from(list(quota_ids)), st.integers(0, 200), max_size=3))
    return Customer(
        audience_id=draw(st.sampled_from((None, 1, 1, 2))),
        is_member=draw(st.booleans()),
        wallet_cents=draw(st.integers(0, 10_000)),
        quota_minutes_used=used,
        packs=packs,
        audience_name=draw(st.sampled_from(["", "Scolaires"])),
    )


@st.composite
def usages(draw, usage_id=1, day=None):
    kind = draw(st.sampled_from(["machine", "space", "consumables"]))
    machine_id = category_id = space_id = None
    if kind == "machine":
        machine_id = draw(st.sampled_from(sorted(MACHINES)))
        category_id = MACHINES[machine_id]
    elif kind == "space":
        space_id = draw(st.sampled_from(SPACES))
    consumables = tuple(
        ConsumableUse(cid, f"C{cid}", CONSUMABLES[cid], draw(st.integers(0, 500_000)))
        for cid in draw(st.lists(st.sampled_from(sorted(CONSUMABLES)), max_size=2, unique=True))
    )
    return UsageToPrice(
        usage_id=usage_id,
        day=draw(days) if day is None else day,
        machine_id=machine_id,
        category_id=category_id,
        space_id=space_id,
        minutes=draw(st.integers(0, 600)),
        headcount=draw(st.integers(1, 15)),
        consumables=consumables,
    )


@st.composite
def usage_sequences(draw):
    """One member's usages in time order (several per month, over two years' months)."""
    day = draw(days)
    picked = []
    for _ in range(draw(st.integers(1, 8))):
        picked.append(day)
        day += timedelta(days=draw(st.integers(0, 20)))
    return [draw(usages(usage_id=i, day=day)) for i, day in enumerate(picked, start=1)]


def check_lines(priced):
    for line in priced.lines:
        assert line.charged_cents >= 0
        assert line.reduction_cents >= 0
        assert line.list_cents - line.reduction_cents == line.charged_cents
        assert all(v > 0 for v in line.quota_minutes.values())
        assert all(v > 0 for v in line.pack_minutes.values())
        if line.missing_rule:
            assert (line.list_cents, line.charged_cents, line.rule_id) == (0, 0, None)
            assert line.explanation == "aucun tarif en vigueur"
        else:
            assert line.reasons
    assert priced.list_cents == sum(line.list_cents for line in priced.lines)
    assert priced.reduction_cents == sum(line.reduction_cents for line in priced.lines)
    assert priced.charged_cents == sum(line.charged_cents for line in priced.lines)
    assert priced.list_cents - priced.reduction_cents == priced.charged_cents


@FAST
@given(usage_sequences(), rule_lists(), reductions(), quotas(), customers())
def test_totals_add_up_no_line_is_negative_and_pricing_is_repeatable(
    sequence, rules, reds, quos, customer
):
    first = price_usages(sequence, rules, reds, quos, customer)
    for priced in first:
        check_lines(priced)
    # the same inputs, the rules in another order: the same prices
    assert price_usages(sequence, RuleBook(reversed(rules)), reds, quos, customer) == first
    # alone, the first usage is priced exactly as at the head of its sequence
    assert price_usage(sequence[0], rules, reds, quos, customer) == first[0]


@st.composite
def tariff_changes(draw, rules, change_day):
    """The tariffs after a change dated ``change_day``: every rule still running on that
    day ends the day before and is followed by a new price (maybe another unit or step,
    maybe none); rules starting later may be changed or dropped; new rules may start."""
    changed: list[PriceRule] = []
    next_id = 1000
    for rule in rules:
        if rule.valid_from >= change_day:
            if draw(st.booleans()):
                changed.append(replace(rule, amount_cents=draw(amounts)))
            continue
        if rule.valid_to is not None and rule.valid_to < change_day:
            changed.append(rule)
            continue
        changed.append(replace(rule, valid_to=change_day - timedelta(days=1)))
        if draw(st.booleans()):
            unit = (
                rule.unit
                if rule.unit == "consumable"
                else draw(st.sampled_from(["hour", "session", "flat"]))
            )
            changed.append(
                replace(
                    rule,
                    id=next_id,
                    unit=unit,
                    step_minutes=draw(steps) if unit == "hour" else None,
                    amount_cents=draw(amounts),
                    valid_from=change_day,
                )
            )
            next_id += 1
    for rule in draw(st.lists(price_rules(0), max_size=3)):
        start = max(rule.valid_from, change_day)
        end = None if rule.valid_to is None else max(rule.valid_to, start)
        changed.append(replace(rule, id=next_id, valid_from=start, valid_to=end))
        next_id += 1
    return changed


@FAST
@given(st.data(), usage_sequences(), rule_lists(), reductions(), quotas(), customers())
def test_a_tariff_change_never_reprices_earlier_usages(data, sequence, rules, reds, quos, customer):
    change_day = sequence[0].day + timedelta(days=data.draw(st.integers(1, 120), label="after"))
    new_rules = data.draw(tariff_changes(rules, change_day), label="new_rules")
    before = price_usages(sequence, rules, reds, quos, customer)
    after = price_usages(sequence, new_rules, reds, quos, customer)
    for usage, old, new in zip(sequence, before, after, strict=True):
        if usage.day < change_day:
            assert new == old


@st.composite
def busy_members(draw):
    """A member using the two machines of one category, priced by the hour, several
    times a month, with quotas and packs: every usage meets the quota and pack rules."""
    step = draw(steps)
    rules = [
        PriceRule(
            1, ResourceRef("category", 10), None, "any", "hour", draw(amounts), step, YEAR_START
        )
    ]
    scopes = [None, None, ResourceRef("category", 10), ResourceRef("machine", 1)]
    quos = []
    for qid in range(1, draw(st.integers(1, 3)) + 1):
        valid_from, valid_to = draw(periods())
        quos.append(
            Quota(
                qid,
                draw(st.sampled_from((None, 1))),
                draw(st.sampled_from(scopes)),
                draw(st.integers(0, 240)),
                valid_from,
                valid_to,
            )
        )
    day = draw(days)
    sequence = []
    for usage_id in range(1, draw(st.integers(2, 10)) + 1):
        machine_id = draw(st.sampled_from([1, 2]))
        sequence.append(
            UsageToPrice(usage_id, day, machine_id, 10, None, draw(st.integers(0, 240)))
        )
        day += timedelta(days=draw(st.integers(0, 15)))
    packs = tuple(
        PackBalance(
            pack_id,
            "Laser 10 h",
            draw(st.sampled_from(scopes)),
            draw(st.integers(0, 300)),
            sequence[0].day + timedelta(days=draw(st.integers(-5, 60))),
            draw(st.none() | st.integers(-30, 30).map(lambda n: sequence[0].day + timedelta(n))),
        )
        for pack_id in range(1, draw(st.integers(0, 3)) + 1)
    )
    used = draw(st.dictionaries(st.sampled_from([1, 2, 3]), st.integers(0, 300), max_size=3))
    customer = Customer(draw(st.sampled_from((None, 1))), True, 0, used, packs)
    return sequence, rules, draw(reductions()), quos, customer, step


def month_of(day: date) -> tuple[int, int]:
    return day.year, day.month


@FAST
@given(busy_members())
def test_quotas_and_packs_never_go_below_zero(scenario):
    sequence, rules, reds, quos, customer, step = scenario
    priced = price_usages(sequence, rules, reds, quos, customer)
    first_month = month_of(sequence[0].day)
    taken_by_month: dict[tuple[tuple[int, int], int], int] = {}
    pack_taken: dict[int, int] = {}
    for usage, result in zip(sequence, priced, strict=True):
        check_lines(result)
        for quota_id, minutes in result.quota_minutes.items():
            quota = next(q for q in quos if q.id == quota_id)
            assert quota.valid_from <= usage.day
            assert quota.valid_to is None or usage.day <= quota.valid_to
            assert quota.audience_id in (None, customer.audience_id)
            key = (month_of(usage.day), quota_id)
            taken_by_month[key] = taken_by_month.get(key, 0) + minutes
        for pack_id, minutes in result.pack_minutes.items():
            pack = next(p for p in customer.packs if p.pack_id == pack_id)
            assert pack.usable_on(usage.day)
            pack_taken[pack_id] = pack_taken.get(pack_id, 0) + minutes
        # free and prepaid minutes never exceed the billed minutes of the use
        free = sum(result.quota_minutes.values()) + sum(result.pack_minutes.values())
        assert free <= billed_minutes(usage.minutes, step)
    for (month, quota_id), minutes in taken_by_month.items():
        quota = next(q for q in quos if q.id == quota_id)
        already = customer.quota_minutes_used.get(quota_id, 0) if month == first_month else 0
        assert minutes <= max(0, quota.free_minutes_per_month - already)
    for pack in customer.packs:
        assert pack_taken.get(pack.pack_id, 0) <= pack.minutes_left


@FAST
@given(busy_members())
def test_a_lone_quota_gives_each_month_what_is_left_of_it(scenario):
    """With one quota for everyone on every use, each month gives min(what is left of the
    quota that month, the minutes billed that month): nothing more, nothing wasted, and
    a new month starts afresh (and a free price takes nothing from it)."""
    sequence, rules, reds, quos, customer, step = scenario
    quota = replace(quos[0], audience_id=None, scope=None, valid_from=YEAR_START, valid_to=None)
    priced = price_usages(sequence, rules, reds, [quota], customer)
    billed: dict[tuple[int, int], int] = {}
    given_: dict[tuple[int, int], int] = {}
    for usage, result in zip(sequence, priced, strict=True):
        month = month_of(usage.day)
        billed[month] = billed.get(month, 0) + billed_minutes(usage.minutes, step)
        given_[month] = given_.get(month, 0) + result.quota_minutes.get(quota.id, 0)
    for month, minutes in billed.items():
        already = customer.quota_minutes_used.get(quota.id, 0)
        left = quota.free_minutes_per_month - (already if month == month_of(sequence[0].day) else 0)
        expected = min(max(0, left), minutes) if rules[0].amount_cents else 0
        assert given_[month] == expected


@FAST
@given(busy_members(), st.integers(0, 20) | st.integers(0, 300))
def test_more_minutes_never_cost_less_with_hourly_rules(scenario, extra):
    """Without quota (packs and reductions allowed), a longer use never costs less."""
    sequence, rules, reds, _quotas, customer, _step = scenario
    usage = sequence[0]
    longer = replace(usage, minutes=usage.minutes + extra)
    short = price_usage(usage, rules, reds, (), customer)
    long = price_usage(longer, rules, reds, (), customer)
    assert long.list_cents >= short.list_cents
    assert long.charged_cents >= short.charged_cents
