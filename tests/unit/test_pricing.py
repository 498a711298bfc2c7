"""The pure pricing engine (domain/pricing.py): every rule kind with the French words a
user reads on the check-out dialog and on invoices."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tierslieu_desktop.domain.pricing import (
    ConsumableUse,
    Customer,
    MembershipFee,
    PackBalance,
    PricedUsage,
    PriceRule,
    Quota,
    Reduction,
    ResourceRef,
    RuleBook,
    UsageToPrice,
    apply_wallet,
    billed_minutes,
    format_duration,
    format_number,
    format_percent,
    format_quantity,
    hourly_amount,
    membership_fee,
    membership_period,
    price_usage,
    price_usages,
    round_half_up,
)

NNBSP = "\u202f"
LASER, LASER_CATEGORY, ROOM = 1, 10, 20
PLA, PLYWOOD, VINYL, FELT, THREAD, BUTTON = 101, 102, 103, 104, 105, 106
JOB_SEEKERS, COMPANIES, SCHOOLS = 1, 2, 3
DAY = date(2026, 3, 10)

EVERYONE = Customer(audience_id=None, is_member=False)
JOB_SEEKER = Customer(audience_id=JOB_SEEKERS, is_member=True, audience_name="demandeur d'emploi")
COMPANY = Customer(audience_id=COMPANIES, is_member=False, audience_name="Entreprises")
SCHOOL = Customer(audience_id=SCHOOLS, is_member=False, audience_name="Scolaires")


def rule(
    rule_id: int,
    amount_cents: int,
    *,
    kind: str = "machine",
    resource_id: int = LASER,
    unit: str = "hour",
    step: int | None = 15,
    audience_id: int | None = None,
    membership: str = "any",
    valid_from: date = date(2026, 1, 1),
    valid_to: date | None = None,
) -> PriceRule:
    return PriceRule(
        id=rule_id,
        resource=ResourceRef(kind, resource_id),
        audience_id=audience_id,
        membership=membership,
        unit=unit,
        amount_cents=amount_cents,
        step_minutes=step if unit == "hour" else None,
        valid_from=valid_from,
        valid_to=valid_to,
    )


def laser_use(
    minutes: int, day: date = DAY, usage_id: int = 1, consumables=(), headcount: int = 1
) -> UsageToPrice:
    return UsageToPrice(
        usage_id=usage_id,
        day=day,
        machine_id=LASER,
        category_id=LASER_CATEGORY,
        space_id=None,
        minutes=minutes,
        headcount=headcount,
        consumables=tuple(consumables),
        resource_name="Découpeuse laser",
    )


def room_use(minutes: int, headcount: int, day: date = DAY) -> UsageToPrice:
    return UsageToPrice(
        usage_id=7,
        day=day,
        machine_id=None,
        category_id=None,
        space_id=ROOM,
        minutes=minutes,
        headcount=headcount,
        resource_name="Salle de formation",
    )


def consumables_only(*uses: ConsumableUse, day: date = DAY) -> UsageToPrice:
    return UsageToPrice(
        usage_id=3,
        day=day,
        machine_id=None,
        category_id=None,
        space_id=None,
        minutes=0,
        consumables=uses,
    )


def price(usage, rules, customer=EVERYONE, reductions=(), quotas=()) -> PricedUsage:
    return price_usage(usage, rules, reductions, quotas, customer)


def only_line(priced: PricedUsage):
    assert len(priced.lines) == 1
    return priced.lines[0]


# --------------------------------------------------------------------------- time rules


def test_hourly_rule_bills_every_started_quarter():
    line = only_line(price(laser_use(65), [rule(1, 1500, step=15)]))
    assert line.kind == "time"
    assert line.label == "Découpeuse laser"
    assert line.quantity_text == "1 h 15 (5 × 15 min)"
    assert (line.list_cents, line.reduction_cents, line.charged_cents) == (1875, 0, 1875)
    assert line.explanation == "tarif tous publics, au quart d'heure entamé"
    assert line.rule_id == 1
    assert not line.missing_rule


@pytest.mark.parametrize(
    ("step", "minutes", "billed", "words"),
    [
        (30, 31, 60, "à la demi-heure entamée"),
        (60, 61, 120, "à l'heure entamée"),
        (20, 21, 40, "par tranche de 20 min entamée"),
        (90, 10, 90, "par tranche de 1 h 30 entamée"),
    ],
)
def test_other_steps_are_named(step, minutes, billed, words):
    line = only_line(price(laser_use(minutes), [rule(1, 1200, step=step)]))
    assert line.list_cents == 1200 * billed // 60
    assert line.explanation == f"tarif tous publics, {words}"


@pytest.mark.parametrize("step", [None, 15, 30, 60])
@pytest.mark.parametrize("percent_bp", [0, 3333, 5000])
def test_hourly_price_never_drops_minute_after_minute(step, percent_bp):
    rules = [rule(1, 1337, step=step)]
    reductions = [reduction(percent_bp)] if percent_bp else []
    charged = [
        price(laser_use(minutes), rules, JOB_SEEKER, reductions=reductions).charged_cents
        for minutes in range(0, 601)
    ]
    assert charged == sorted(charged)
    assert charged[0] == 0
    assert charged[600] == round_half_up(13370 * (10_000 - percent_bp), 10_000)


def test_a_started_quarter_is_not_billed_twice_when_exact():
    line = only_line(price(laser_use(60), [rule(1, 1500, step=15)]))
    assert line.quantity_text == "1 h (4 × 15 min)"
    assert line.charged_cents == 1500


def test_hourly_rule_to_the_minute():
    line = only_line(price(laser_use(65), [rule(1, 1500, step=None)]))
    assert line.quantity_text == "1 h 05"
    assert line.charged_cents == 1625  # 15 € × 65 / 60
    assert line.explanation == "tarif tous publics"


def test_session_rule_is_per_person():
    rules = [rule(1, 500, kind="space", resource_id=ROOM, unit="session", audience_id=SCHOOLS)]
    line = only_line(price(room_use(120, headcount=12), rules, SCHOOL))
    assert line.kind == "session"
    assert line.label == "Salle de formation"
    assert line.quantity_text == "12 personnes"
    assert line.charged_cents == 6000
    assert line.explanation == "tarif Scolaires, par personne et par séance"
    single = only_line(price(room_use(120, headcount=1), rules, SCHOOL))
    assert single.quantity_text == "1 personne"
    assert single.charged_cents == 500


def test_flat_rule_ignores_duration_and_headcount():
    rules = [rule(1, 8000, kind="space", resource_id=ROOM, unit="flat", audience_id=SCHOOLS)]
    line = only_line(price(room_use(180, headcount=12), rules, SCHOOL))
    assert line.kind == "flat"
    assert line.quantity_text == "1 séance (12 personnes)"
    assert line.charged_cents == 8000
    assert line.explanation == "tarif Scolaires, forfait par séance"
    short = only_line(price(room_use(30, headcount=1), rules, SCHOOL))
    assert short.quantity_text == "1 séance"
    assert short.charged_cents == 8000


# --------------------------------------------------------------------------- which rule


def test_audience_rule_beats_every_public_rule():
    rules = [rule(1, 1500), rule(2, 3000, audience_id=COMPANIES)]
    company = only_line(price(laser_use(60), rules, COMPANY))
    assert (company.charged_cents, company.rule_id) == (3000, 2)
    assert company.explanation == "tarif Entreprises, au quart d'heure entamé"
    # someone of another public gets the rule for every public
    other = only_line(price(laser_use(60), rules, JOB_SEEKER))
    assert (other.charged_cents, other.rule_id) == (1500, 1)


def test_member_and_non_member_rules():
    rules = [rule(1, 2000, membership="non_member"), rule(2, 1000, membership="member")]
    member = Customer(audience_id=None, is_member=True)
    assert only_line(price(laser_use(60), rules, member)).charged_cents == 1000
    assert only_line(price(laser_use(60), rules, member)).reasons[0] == "tarif adhérent"
    outsider = only_line(price(laser_use(60), rules, EVERYONE))
    assert outsider.charged_cents == 2000
    assert outsider.reasons[0] == "tarif non adhérent"


def test_membership_match_beats_any_within_an_audience():
    rules = [
        rule(1, 3000, audience_id=COMPANIES),
        rule(2, 2500, audience_id=COMPANIES, membership="member"),
        rule(3, 3500, audience_id=COMPANIES, membership="non_member"),
    ]
    member = Customer(COMPANIES, is_member=True, audience_name="Entreprises")
    line = only_line(price(laser_use(60), rules, member))
    assert (line.charged_cents, line.reasons[0]) == (2500, "tarif Entreprises adhérent")
    line = only_line(price(laser_use(60), rules, COMPANY))
    assert (line.charged_cents, line.reasons[0]) == (3500, "tarif Entreprises non adhérent")


def test_audience_without_a_name_is_still_explained():
    customer = Customer(audience_id=COMPANIES, is_member=False)
    line = only_line(price(laser_use(60), [rule(1, 3000, audience_id=COMPANIES)], customer))
    assert line.reasons[0] == "tarif du public n° 2"


def test_machine_rule_beats_category_rule_and_category_rule_is_the_fallback():
    category_rule = rule(1, 1200, kind="category", resource_id=LASER_CATEGORY)
    assert only_line(price(laser_use(60), [category_rule])).charged_cents == 1200
    machine_rule = rule(2, 1500)
    assert only_line(price(laser_use(60), [category_rule, machine_rule])).rule_id == 2


def test_the_rule_in_force_on_the_usage_day_prices_it():
    """Tariff change on 1 July: a usage in June keeps the old price, even priced later."""
    rules = [
        rule(1, 1500, valid_to=date(2026, 6, 30)),
        rule(2, 1800, valid_from=date(2026, 7, 1)),
    ]
    june = only_line(price(laser_use(60, day=date(2026, 6, 30)), rules))
    july = only_line(price(laser_use(60, day=date(2026, 7, 1)), rules))
    assert (june.rule_id, june.charged_cents) == (1, 1500)
    assert (july.rule_id, july.charged_cents) == (2, 1800)


def test_no_rule_prices_zero_and_says_so():
    before = date(2025, 12, 31)  # the only rule starts on 1 January 2026
    priced = price(laser_use(65, day=before), [rule(1, 1500)])
    line = only_line(priced)
    assert line.missing_rule
    assert line.rule_id is None
    assert (line.list_cents, line.reduction_cents, line.charged_cents) == (0, 0, 0)
    assert line.explanation == "aucun tarif en vigueur"
    assert line.quantity_text == "1 h 05"
    assert priced.charged_cents == 0


def test_a_rule_for_another_public_only_is_no_rule():
    line = only_line(price(laser_use(60), [rule(1, 3000, audience_id=COMPANIES)], EVERYONE))
    assert line.missing_rule
    assert line.explanation == "aucun tarif en vigueur"


def test_rulebook_can_be_reused():
    book = RuleBook([rule(1, 1500)])
    assert price(laser_use(60), book).charged_cents == 1500
    assert price(laser_use(30), book).charged_cents == 750


# --------------------------------------------------------------------------- quotas


def job_seeker_quota(free_minutes: int = 180, quota_id: int = 5, **kwargs) -> Quota:
    return Quota(
        id=quota_id,
        audience_id=JOB_SEEKERS,
        scope=kwargs.pop("scope", None),
        free_minutes_per_month=free_minutes,
        valid_from=date(2026, 1, 1),
        **kwargs,
    )


JOB_SEEKER_RULES = [rule(1, 1500), rule(2, 1000, audience_id=JOB_SEEKERS)]


def test_monthly_quota_covers_the_time_the_issue_example():
    line = only_line(
        price(laser_use(60), JOB_SEEKER_RULES, JOB_SEEKER, quotas=[job_seeker_quota()])
    )
    assert line.explanation == (
        "tarif demandeur d'emploi, au quart d'heure entamé, 3 h gratuites du mois (reste 2 h)"
    )
    assert (line.list_cents, line.reduction_cents, line.charged_cents) == (1000, 1000, 0)
    assert dict(line.quota_minutes) == {5: 60}


def test_the_issue_example_words():
    rules = [rule(2, 1000, audience_id=JOB_SEEKERS, step=None)]
    line = only_line(price(laser_use(60), rules, JOB_SEEKER, quotas=[job_seeker_quota()]))
    assert line.explanation == "tarif demandeur d'emploi, 3 h gratuites du mois (reste 2 h)"


def test_quota_partly_used_leaves_the_rest_to_pay():
    customer = Customer(
        JOB_SEEKERS, True, quota_minutes_used={5: 150}, audience_name="demandeur d'emploi"
    )
    line = only_line(price(laser_use(65), JOB_SEEKER_RULES, customer, quotas=[job_seeker_quota()]))
    # 75 billed minutes, 30 free, 45 to pay at 10 €/h
    assert line.list_cents == 1250
    assert line.charged_cents == 750
    assert line.reduction_cents == 500
    assert dict(line.quota_minutes) == {5: 30}
    assert "3 h gratuites du mois (reste 0 min)" in line.reasons


def test_quota_used_up_gives_nothing_and_says_nothing():
    customer = Customer(JOB_SEEKERS, True, quota_minutes_used={5: 180}, audience_name="x")
    line = only_line(price(laser_use(60), JOB_SEEKER_RULES, customer, quotas=[job_seeker_quota()]))
    assert line.charged_cents == 1000
    assert dict(line.quota_minutes) == {}
    assert line.explanation == "tarif x, au quart d'heure entamé"


def test_one_free_hour_is_singular():
    line = only_line(
        price(laser_use(30), JOB_SEEKER_RULES, JOB_SEEKER, quotas=[job_seeker_quota(60)])
    )
    assert line.reasons[-1] == "1 h gratuite du mois (reste 30 min)"


def test_quota_of_another_public_or_scope_does_not_apply():
    other_scope = job_seeker_quota(scope=ResourceRef("machine", LASER + 1))
    line = only_line(price(laser_use(60), JOB_SEEKER_RULES, JOB_SEEKER, quotas=[other_scope]))
    assert line.charged_cents == 1000
    line = only_line(price(laser_use(60), JOB_SEEKER_RULES, COMPANY, quotas=[job_seeker_quota()]))
    assert line.charged_cents == 1500


def test_quota_not_in_force_does_not_apply():
    ended = job_seeker_quota(valid_to=date(2026, 2, 28))
    line = only_line(price(laser_use(60), JOB_SEEKER_RULES, JOB_SEEKER, quotas=[ended]))
    assert line.charged_cents == 1000


def test_quota_does_not_cover_session_or_flat_prices():
    rules = [rule(1, 500, kind="space", resource_id=ROOM, unit="session")]
    line = only_line(
        price(room_use(60, headcount=2), rules, JOB_SEEKER, quotas=[job_seeker_quota()])
    )
    assert line.charged_cents == 1000
    assert dict(line.quota_minutes) == {}


def test_quota_is_used_up_across_usages_and_resets_next_month():
    usages = [
        laser_use(120, day=date(2026, 3, 2), usage_id=1),
        laser_use(90, day=date(2026, 3, 20), usage_id=2),
        laser_use(60, day=date(2026, 3, 25), usage_id=3),
        laser_use(60, day=date(2026, 4, 1), usage_id=4),
    ]
    priced = price_usages(usages, JOB_SEEKER_RULES, (), [job_seeker_quota()], JOB_SEEKER)
    assert [p.charged_cents for p in priced] == [0, 500, 1000, 0]
    assert [p.quota_minutes for p in priced] == [{5: 120}, {5: 60}, {}, {5: 60}]
    assert priced[1].lines[0].reasons[-1] == "3 h gratuites du mois (reste 0 min)"
    assert priced[3].lines[0].reasons[-1] == "3 h gratuites du mois (reste 2 h)"


def test_quota_already_used_counts_for_the_first_month_only():
    customer = Customer(JOB_SEEKERS, True, quota_minutes_used={5: 180}, audience_name="x")
    usages = [laser_use(60, day=date(2026, 3, 30)), laser_use(60, day=date(2026, 4, 2))]
    priced = price_usages(usages, JOB_SEEKER_RULES, (), [job_seeker_quota()], customer)
    assert [p.charged_cents for p in priced] == [1000, 0]


def test_scoped_quota_is_used_before_the_general_one():
    general = job_seeker_quota(60, quota_id=5)
    laser_only = job_seeker_quota(30, quota_id=6, scope=ResourceRef("category", LASER_CATEGORY))
    line = only_line(
        price(laser_use(120), JOB_SEEKER_RULES, JOB_SEEKER, quotas=[general, laser_only])
    )
    assert dict(line.quota_minutes) == {6: 30, 5: 60}
    assert line.charged_cents == 500  # 30 min left at 10 €/h


# --------------------------------------------------------------------------- packs


def laser_pack(pack_id: int, minutes_left: int, expires_on: date, label="Laser 10 h"):
    return PackBalance(
        pack_id, label, ResourceRef("category", LASER_CATEGORY), minutes_left, expires_on
    )


def test_pack_pays_the_time_and_says_what_is_left():
    customer = Customer(None, True, packs=(laser_pack(1, 600, date(2026, 12, 31)),))
    line = only_line(price(laser_use(120), [rule(1, 1500)], customer))
    assert line.charged_cents == 0
    assert line.reduction_cents == 3000
    assert (
        line.explanation
        == "tarif tous publics, au quart d'heure entamé, forfait Laser 10 h (reste 8 h)"
    )
    assert dict(line.pack_minutes) == {1: 120}


def test_pack_expiring_first_is_used_first_then_the_next_one():
    customer = Customer(
        None,
        True,
        packs=(
            laser_pack(1, 600, date(2026, 12, 31), "Laser 10 h"),
            laser_pack(2, 30, date(2026, 4, 30), "Laser 5 h"),
        ),
    )
    line = only_line(price(laser_use(60), [rule(1, 1500)], customer))
    assert dict(line.pack_minutes) == {2: 30, 1: 30}
    assert line.reasons[-2:] == (
        "forfait Laser 5 h (reste 0 min)",
        "forfait Laser 10 h (reste 9 h 30)",
    )
    assert line.charged_cents == 0


def test_expired_pack_is_ignored():
    customer = Customer(None, True, packs=(laser_pack(1, 600, date(2026, 3, 9)),))
    line = only_line(price(laser_use(60), [rule(1, 1500)], customer))
    assert line.charged_cents == 1500
    assert dict(line.pack_minutes) == {}
    # still valid on its last day
    last_day = only_line(price(laser_use(60, day=date(2026, 3, 9)), [rule(1, 1500)], customer))
    assert last_day.charged_cents == 0


def test_pack_too_small_leaves_the_rest_to_pay_and_unnamed_pack():
    customer = Customer(None, True, packs=(laser_pack(1, 45, date(2026, 12, 31), label=""),))
    line = only_line(price(laser_use(65), [rule(1, 1500)], customer))
    assert line.charged_cents == 750  # 75 billed − 45 from the pack = 30 min
    assert line.reasons[-1] == "forfait prépayé (reste 0 min)"


def test_quota_is_used_before_the_pack():
    customer = Customer(
        JOB_SEEKERS,
        True,
        audience_name="demandeur d'emploi",
        packs=(laser_pack(1, 600, date(2026, 12, 31)),),
    )
    line = only_line(price(laser_use(240), JOB_SEEKER_RULES, customer, quotas=[job_seeker_quota()]))
    assert dict(line.quota_minutes) == {5: 180}
    assert dict(line.pack_minutes) == {1: 60}
    assert line.explanation == (
        "tarif demandeur d'emploi, au quart d'heure entamé, 3 h gratuites du mois (reste 0 min), "
        "forfait Laser 10 h (reste 9 h)"
    )


def test_pack_goes_down_across_usages():
    customer = Customer(None, True, packs=(laser_pack(1, 120, date(2026, 12, 31)),))
    usages = [laser_use(60, usage_id=1), laser_use(90, usage_id=2), laser_use(30, usage_id=3)]
    priced = price_usages(usages, [rule(1, 1500)], (), (), customer)
    assert [p.pack_minutes for p in priced] == [{1: 60}, {1: 60}, {}]
    assert [p.charged_cents for p in priced] == [0, 750, 750]


def test_pack_is_not_used_before_its_purchase():
    pack = replace(laser_pack(1, 600, date(2026, 12, 31)), purchased_on=date(2026, 3, 11))
    customer = Customer(None, True, packs=(pack,))
    assert only_line(price(laser_use(60), [rule(1, 1500)], customer)).charged_cents == 1500
    next_day = laser_use(60, day=date(2026, 3, 11))
    assert only_line(price(next_day, [rule(1, 1500)], customer)).charged_cents == 0


def test_a_free_price_takes_nothing_from_quotas_nor_packs():
    customer = Customer(
        JOB_SEEKERS,
        True,
        audience_name="demandeur d'emploi",
        packs=(laser_pack(1, 600, date(2026, 12, 31)),),
    )
    rules = [rule(1, 0, audience_id=JOB_SEEKERS)]
    line = only_line(price(laser_use(60), rules, customer, quotas=[job_seeker_quota()]))
    assert (line.list_cents, line.charged_cents) == (0, 0)
    assert (dict(line.quota_minutes), dict(line.pack_minutes)) == ({}, {})
    assert line.explanation == "tarif demandeur d'emploi, au quart d'heure entamé"


def test_pack_scoped_on_another_machine_is_not_used():
    customer = Customer(
        None,
        True,
        packs=(PackBalance(1, "Fraiseuse", ResourceRef("machine", 99), 600, date(2026, 12, 31)),),
    )
    assert only_line(price(laser_use(60), [rule(1, 1500)], customer)).charged_cents == 1500


# --------------------------------------------------------------------------- reductions


def reduction(percent_bp, *, rid=1, audience_id=JOB_SEEKERS, scope=None, label="", **kwargs):
    return Reduction(rid, audience_id, percent_bp, scope, date(2026, 1, 1), label=label, **kwargs)


def test_percentage_reduction_on_the_time():
    line = only_line(
        price(laser_use(60), [rule(1, 1500)], JOB_SEEKER, reductions=[reduction(5000)])
    )
    assert (line.list_cents, line.reduction_cents, line.charged_cents) == (1500, 750, 750)
    assert line.explanation == "tarif tous publics, au quart d'heure entamé, réduction 50 %"


def test_named_reduction_and_rounding_of_the_reduction():
    named = reduction(1250, label="solidaire")
    line = only_line(price(laser_use(65), [rule(1, 1500)], JOB_SEEKER, reductions=[named]))
    # 18,75 € − 12,5 % = 2,34375 € off → rounded to 2,34 €
    assert (line.list_cents, line.reduction_cents, line.charged_cents) == (1875, 234, 1641)
    assert line.reasons[-1] == "réduction solidaire 12,5 %"


def test_reduction_applies_after_quota_and_pack():
    customer = Customer(
        JOB_SEEKERS,
        True,
        quota_minutes_used={5: 120},
        audience_name="demandeur d'emploi",
        packs=(laser_pack(1, 30, date(2026, 12, 31)),),
    )
    line = only_line(
        price(
            laser_use(180),
            JOB_SEEKER_RULES,
            customer,
            reductions=[reduction(5000)],
            quotas=[job_seeker_quota()],
        )
    )
    # 180 min at 10 €/h = 30 €; 60 min free, 30 min of pack, 90 min left = 15 €, half off
    assert line.list_cents == 3000
    assert line.charged_cents == 750
    assert line.reduction_cents == 2250
    assert line.explanation == (
        "tarif demandeur d'emploi, au quart d'heure entamé, 3 h gratuites du mois (reste 0 min), "
        "forfait Laser 10 h (reste 0 min), réduction 50 %"
    )


def test_reduction_is_not_mentioned_when_nothing_is_left_to_pay():
    line = only_line(
        price(
            laser_use(60),
            JOB_SEEKER_RULES,
            JOB_SEEKER,
            reductions=[reduction(5000)],
            quotas=[job_seeker_quota()],
        )
    )
    assert line.charged_cents == 0
    assert "réduction 50 %" not in line.reasons


def test_best_reduction_wins_reductions_do_not_add_up():
    reductions = [
        reduction(2000, rid=1),
        reduction(3000, rid=2, audience_id=None),
        reduction(1000, rid=3),
    ]
    line = only_line(price(laser_use(60), [rule(1, 1000)], JOB_SEEKER, reductions=reductions))
    assert line.charged_cents == 700
    assert line.reasons[-1] == "réduction 30 %"


def test_reduction_of_another_public_scope_or_time_does_not_apply():
    reductions = [
        reduction(5000, rid=1, audience_id=COMPANIES),
        reduction(5000, rid=2, scope=ResourceRef("machine", 99)),
        reduction(5000, rid=3, valid_to=date(2026, 2, 28)),
        reduction(5000, rid=4, scope=ResourceRef("consumable", PLA)),
    ]
    line = only_line(price(laser_use(60), [rule(1, 1000)], JOB_SEEKER, reductions=reductions))
    assert line.charged_cents == 1000


def test_hundred_percent_reduction_is_free():
    line = only_line(
        price(laser_use(60), [rule(1, 1000)], JOB_SEEKER, reductions=[reduction(10_000)])
    )
    assert (line.reduction_cents, line.charged_cents) == (1000, 0)
    assert line.reasons[-1] == "réduction 100 %"


# --------------------------------------------------------------------------- consumables


@pytest.mark.parametrize(
    ("consumable_id", "unit", "quantity_milli", "amount_cents", "quantity_text", "list_cents"),
    [
        (PLA, "gram", 125_000, 10, "125 g", 1250),
        (PLA, "gram", 12_500, 3, "12,5 g", 38),  # 37,5 cents rounded half up
        (PLYWOOD, "sheet", 1_000, 450, "1 plaque", 450),
        (PLYWOOD, "sheet", 2_000, 450, "2 plaques", 900),
        (VINYL, "metre", 1_500, 800, "1,5 m", 1200),
        (FELT, "square_metre", 250, 1200, "0,25 m²", 300),
        (THREAD, "kilostitch", 12_500, 20, f"12{NNBSP}500 points", 250),
        (BUTTON, "piece", 3_000, 15, "3 pièces", 45),
    ],
)
def test_consumables_by_their_unit(
    consumable_id, unit, quantity_milli, amount_cents, quantity_text, list_cents
):
    use = ConsumableUse(consumable_id, "Matière", unit, quantity_milli)
    rules = [rule(9, amount_cents, kind="consumable", resource_id=consumable_id, unit="consumable")]
    line = only_line(price(consumables_only(use), rules))
    assert line.kind == "consumable"
    assert line.label == "Matière"
    assert line.quantity_text == quantity_text
    assert (line.list_cents, line.charged_cents) == (list_cents, list_cents)
    assert line.explanation == "tarif tous publics"


def test_machine_use_with_consumables_gives_one_line_each_and_a_total():
    pla = ConsumableUse(PLA, "PLA", "gram", 40_000)
    plywood = ConsumableUse(PLYWOOD, "Contreplaqué 3 mm", "sheet", 2_000)
    rules = [
        rule(1, 1500),
        rule(2, 10, kind="consumable", resource_id=PLA, unit="consumable"),
        rule(3, 450, kind="consumable", resource_id=PLYWOOD, unit="consumable"),
    ]
    priced = price(laser_use(65, consumables=[pla, plywood]), rules)
    assert [line.kind for line in priced.lines] == ["time", "consumable", "consumable"]
    assert [line.charged_cents for line in priced.lines] == [1875, 400, 900]
    assert priced.charged_cents == 3175
    assert priced.list_cents == 3175


def test_consumable_without_price_is_flagged():
    use = ConsumableUse(PLA, "PLA", "gram", 40_000)
    priced = price(laser_use(60, consumables=[use]), [rule(1, 1500)])
    line = priced.lines[1]
    assert line.missing_rule
    assert line.explanation == "aucun tarif en vigueur"
    assert line.quantity_text == "40 g"
    assert priced.charged_cents == 1500


def test_consumable_audience_price_beats_every_public_price():
    rules = [
        rule(1, 10, kind="consumable", resource_id=PLA, unit="consumable"),
        rule(2, 20, kind="consumable", resource_id=PLA, unit="consumable", audience_id=COMPANIES),
    ]
    use = ConsumableUse(PLA, "PLA", "gram", 100_000)
    line = only_line(price(consumables_only(use), rules, COMPANY))
    assert (line.charged_cents, line.explanation) == (2000, "tarif Entreprises")


def test_reduction_scoped_on_a_consumable_applies_to_it_only():
    rules = [rule(1, 1000), rule(2, 10, kind="consumable", resource_id=PLA, unit="consumable")]
    use = ConsumableUse(PLA, "PLA", "gram", 100_000)
    pla_off = reduction(2500, scope=ResourceRef("consumable", PLA), label="matière")
    priced = price(laser_use(60, consumables=[use]), rules, JOB_SEEKER, reductions=[pla_off])
    time, pla = priced.lines
    assert time.charged_cents == 1000
    assert (pla.list_cents, pla.reduction_cents, pla.charged_cents) == (1000, 250, 750)
    assert pla.explanation == "tarif tous publics, réduction matière 25 %"


def test_general_reduction_does_not_touch_consumables():
    rules = [rule(1, 1000), rule(2, 10, kind="consumable", resource_id=PLA, unit="consumable")]
    use = ConsumableUse(PLA, "PLA", "gram", 100_000)
    priced = price(
        laser_use(60, consumables=[use]), rules, JOB_SEEKER, reductions=[reduction(5000)]
    )
    assert [line.charged_cents for line in priced.lines] == [500, 1000]


# --------------------------------------------------------------------------- rounding & words


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (1875, 100, 19),
        (1850, 100, 19),  # a half goes up
        (1849, 100, 18),
        (5, 2, 3),
        (-5, 2, -3),  # halves go away from zero
        (5, -2, -3),
        (-1849, 100, -18),
        (0, 7, 0),
        (7, 7, 1),
    ],
)
def test_round_half_up(numerator, denominator, expected):
    assert round_half_up(numerator, denominator) == expected


def test_round_half_up_refuses_zero():
    with pytest.raises(ZeroDivisionError):
        round_half_up(1, 0)


def test_hourly_amount_and_billed_minutes():
    assert hourly_amount(1500, 75) == 1875
    assert hourly_amount(1000, 1) == 17  # 16,67 cents
    assert hourly_amount(1000, 5) == 83  # 83,33 cents
    assert hourly_amount(90, 20) == 30
    assert hourly_amount(1, 30) == 1  # half a cent rounds up
    assert billed_minutes(65, 15) == 75
    assert billed_minutes(60, 15) == 60
    assert billed_minutes(1, None) == 1
    assert billed_minutes(0, 15) == 0
    assert billed_minutes(-5, 15) == 0


def test_words():
    assert format_number(1500) == "1,5"
    assert format_number(12_500_000) == f"12{NNBSP}500"
    assert format_number(-250) == "-0,25"
    assert format_duration(75) == "1 h 15"
    assert format_duration(65) == "1 h 05"
    assert format_duration(120) == "2 h"
    assert format_duration(45) == "45 min"
    assert format_percent(5000) == "50 %"
    assert format_percent(1250) == "12,5 %"
    # database codes and the engine's own codes say the same thing
    assert format_quantity("gram", 125_000) == format_quantity("g", 125_000) == "125 g"
    assert format_quantity("square_metre", 2_000) == format_quantity("m²", 2_000) == "2 m²"
    assert format_quantity("metre", 2_000) == format_quantity("m", 2_000) == "2 m"
    assert format_quantity("kilostitch", 1_000) == f"1{NNBSP}000 points"
    assert format_quantity("sheet", 1_500) == "1,5 plaque"
    assert format_quantity("litre", 2_000) == "2 litre"


# --------------------------------------------------------------------------- memberships


FEES = [
    MembershipFee(1, None, "calendar_year", 2000, date(2025, 1, 1), date(2025, 12, 31)),
    MembershipFee(2, None, "calendar_year", 2500, date(2026, 1, 1)),
    MembershipFee(3, JOB_SEEKERS, "calendar_year", 1000, date(2025, 1, 1)),
    MembershipFee(4, None, "month", 500, date(2025, 1, 1)),
]


def test_membership_fee_choice():
    assert membership_fee(FEES, None, "calendar_year", date(2025, 6, 1)).amount_cents == 2000
    assert membership_fee(FEES, None, "calendar_year", date(2026, 1, 1)).amount_cents == 2500
    # the audience's own fee beats the fee for every public
    assert membership_fee(FEES, JOB_SEEKERS, "calendar_year", date(2026, 6, 1)).amount_cents == 1000
    assert membership_fee(FEES, COMPANIES, "calendar_year", date(2026, 6, 1)).amount_cents == 2500
    assert membership_fee(FEES, JOB_SEEKERS, "month", date(2026, 6, 1)).amount_cents == 500
    assert membership_fee(FEES, None, "school_year", date(2026, 6, 1)) is None
    assert membership_fee(FEES, None, "calendar_year", date(2024, 12, 31)) is None


@pytest.mark.parametrize(
    ("duration", "start", "end"),
    [
        ("calendar_year", date(2026, 3, 15), date(2026, 12, 31)),
        ("calendar_year", date(2026, 12, 31), date(2026, 12, 31)),
        ("school_year", date(2026, 9, 1), date(2027, 8, 31)),
        ("school_year", date(2026, 10, 20), date(2027, 8, 31)),
        ("school_year", date(2026, 3, 2), date(2026, 8, 31)),
        ("school_year", date(2026, 8, 31), date(2026, 8, 31)),
        ("rolling_12_months", date(2026, 3, 15), date(2027, 3, 14)),
        ("rolling_12_months", date(2026, 1, 1), date(2026, 12, 31)),
        ("rolling_12_months", date(2024, 2, 29), date(2025, 2, 28)),
        ("rolling_12_months", date(2027, 3, 1), date(2028, 2, 29)),
        ("month", date(2026, 3, 15), date(2026, 4, 14)),
        ("month", date(2026, 1, 31), date(2026, 2, 28)),
        ("month", date(2028, 1, 31), date(2028, 2, 29)),
        ("month", date(2028, 1, 29), date(2028, 2, 28)),
        ("month", date(2026, 12, 1), date(2026, 12, 31)),
        ("month", date(2026, 12, 15), date(2027, 1, 14)),
    ],
)
def test_membership_period(duration, start, end):
    assert membership_period(duration, start) == (start, end)


def test_membership_period_refuses_unknown_duration():
    with pytest.raises(ValueError):
        membership_period("week", DAY)


# --------------------------------------------------------------------------- wallet & inputs


@pytest.mark.parametrize(
    ("total", "wallet", "expected"),
    [
        (1875, 5000, (1875, 0)),
        (1875, 1000, (1000, 875)),
        (1875, 0, (0, 1875)),
        (1875, -300, (0, 1875)),
        (0, 500, (0, 0)),
    ],
)
def test_apply_wallet(total, wallet, expected):
    assert apply_wallet(total, wallet) == expected


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError):
        rule(1, -1)
    with pytest.raises(ValueError):
        rule(1, 100, valid_from=date(2026, 2, 1), valid_to=date(2026, 1, 31))
    with pytest.raises(ValueError):
        PriceRule(1, ResourceRef("machine", 1), None, "any", "consumable", 10, None, DAY)
    with pytest.raises(ValueError):
        ResourceRef("room", 1)
    with pytest.raises(ValueError):
        reduction(10_001)
    with pytest.raises(ValueError):
        PackBalance(1, "x", None, -1, DAY)
