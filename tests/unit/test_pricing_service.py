"""Pricing with the database's tariffs: quotes, the charge frozen at check-out (lines,
quotas, packs, stock), the local day of a usage, and the re-pricing of a period."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.db.models import (
    Audience,
    Consumable,
    Machine,
    MachineCategory,
    Membership,
    PackMovement,
    PackType,
    PriceRule,
    Quota,
    QuotaUse,
    Reduction,
    Space,
    Usage,
    UsageConsumable,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.park import opening_hours
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.pricing import engine as pricing
from tierslieu_desktop.services.pricing import packs
from tierslieu_desktop.services.scheduling import bookings, usages
from tierslieu_desktop.services.scheduling.bookings import BookingInput

MONDAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 8:00 in Paris


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_dt(day, hh * 60 + mm)


def add(db, *objects):
    """Tariff rows written straight with the ORM (services.pricing.tariffs is not needed here)."""
    with db.write() as s:
        s.add_all(objects)
        s.flush()
        return [o.id for o in objects]


def rule(resource: str, resource_id: int, amount: int, **kw) -> PriceRule:
    kw.setdefault("unit", "consumable" if resource == "consumable" else "hour")
    kw.setdefault("valid_from", date(2020, 1, 1))
    return PriceRule(**{f"{resource}_id": resource_id}, amount_cents=amount, **kw)


@pytest.fixture
def lab(db, operator):
    """A fablab open weekdays 9:00-18:00 with a laser (category Découpe laser), an
    audience "Demandeurs d'emploi" with 1 h free a month on the laser and 50 % off,
    Émilie (of that audience, member for 2026), Jean (no audience), plywood followed in
    stock (10 sheets). Laser: 20 €/h for everyone, 10 €/h for the audience, per quarter
    hour; plywood 4 € a sheet."""
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        cat = MachineCategory(name="Découpe laser")
        job = Audience(name="Demandeurs d'emploi")
        s.add_all([fablab, cat, job])
        s.flush()
        laser = Machine(name="Découpeuse laser", category=cat, space=fablab)
        s.add(laser)
        s.flush()
        ids = {"fablab": fablab.id, "cat": cat.id, "laser": laser.id, "job": job.id}
    opening_hours.set_schedule(db, operator, ids["fablab"], {d: [(540, 1080)] for d in range(5)})
    ids["emilie"] = save_member(
        db,
        operator,
        MemberInput(first_name="Émilie", last_name="Delpech", audience_id=ids["job"]),
    )
    ids["jean"] = save_member(db, operator, MemberInput(first_name="Jean", last_name="Lacoste"))
    ids["plywood"] = usages.save_consumable(db, operator, "Contreplaqué 3 mm", "sheet")
    usages.set_machine_consumables(db, operator, ids["laser"], [ids["plywood"]])
    with db.write() as s:
        s.get(Consumable, ids["plywood"]).stock_milli = 10_000
        s.add(
            Membership(
                member_id=ids["emilie"],
                audience_id=ids["job"],
                start_date=date(2026, 1, 1),
                end_date=date(2026, 12, 31),
            )
        )
    ids["rule_all"], ids["rule_job"], ids["rule_ply"] = add(
        db,
        rule("machine", ids["laser"], 2000, step_minutes=15),
        rule("machine", ids["laser"], 1000, step_minutes=15, audience_id=ids["job"]),
        rule("consumable", ids["plywood"], 400),
    )
    ids["quota"], ids["reduction"] = add(
        db,
        Quota(
            audience_id=ids["job"],
            machine_id=ids["laser"],
            free_minutes_per_month=60,
            valid_from=date(2020, 1, 1),
        ),
        Reduction(audience_id=ids["job"], percent_bp=5000, valid_from=date(2020, 1, 1)),
    )
    (ids["pack_type"],) = add(
        db, PackType(name="Carnet 2 h", minutes=120, validity_months=12, price_cents=1500)
    )
    return ids


def book_and_check_out(db, operator, lab, start, end, member="emilie", consumables=()):
    booking_id = bookings.create_booking(
        db,
        operator,
        BookingInput(machine_id=lab["laser"], member_id=lab[member], start_at=start, end_at=end),
        now=NOW,
    )
    return usages.check_out(db, operator, booking_id, start, end, consumables, now=end)


def insert_usage(db, lab, start, minutes, member="emilie", consumables=()):
    """A usage row as check-out would leave it (without pricing it)."""
    with db.write() as s:
        usage = Usage(
            machine_id=lab["laser"],
            member_id=lab[member] if member else None,
            start_at=start,
            end_at=start + timedelta(minutes=minutes),
            minutes=minutes,
        )
        s.add(usage)
        s.flush()
        for consumable_id, quantity in consumables:
            s.add(
                UsageConsumable(
                    usage_id=usage.id, consumable_id=consumable_id, quantity_milli=quantity
                )
            )
        return usage.id


def charge(db, operator, usage_id):
    with db.write() as s:
        return pricing.charge_usage(s, usage_id, operator)


def test_quote_for_a_member_of_an_audience_uses_quota_then_pack_then_reduction(db, operator, lab):
    pack_id = packs.buy_pack(db, operator, lab["emilie"], lab["pack_type"], date(2026, 11, 2))
    priced = pricing.quote(
        db,
        member_id=lab["emilie"],
        machine_id=lab["laser"],
        start=at(MONDAY, 10),
        end=at(MONDAY, 13, 50),  # 3 h 50 → 4 h billed per quarter
        consumables=[(lab["plywood"], 2000)],
    )
    time_line, plywood = priced.lines
    assert time_line.rule_id == lab["rule_job"]
    assert time_line.list_cents == 4000  # 4 h at 10 €
    assert time_line.quota_minutes == {lab["quota"]: 60}
    assert time_line.pack_minutes == {pack_id: 120}
    assert time_line.charged_cents == 500  # 1 h left to pay, 50 % off
    assert time_line.explanation == (
        "tarif Demandeurs d'emploi, au quart d'heure entamé, 1 h gratuite du mois (reste 0 min), "
        "forfait Carnet 2 h (reste 0 min), réduction 50 %"
    )
    assert (plywood.label, plywood.quantity_text, plywood.charged_cents) == (
        "Contreplaqué 3 mm",
        "2 plaques",
        800,
    )
    assert priced.charged_cents == 1300
    # a quote writes nothing
    assert packs.member_packs(db, lab["emilie"], MONDAY)[0].minutes_left == 120
    # the pack (bought 2 November 2026 for 12 months) is no longer used after 1 November 2027
    later = date(2027, 11, 2)
    after_expiry = pricing.quote(
        db,
        member_id=lab["emilie"],
        machine_id=lab["laser"],
        start=at(later, 10),
        end=at(later, 13),
    )
    assert after_expiry.lines[0].pack_minutes == {}
    assert after_expiry.lines[0].quota_minutes == {lab["quota"]: 60}


def test_quote_of_a_space_per_person(db, operator, lab):
    (room,) = add(db, Space(name="Salle de réunion", kind="meeting_room"))
    add(db, rule("space", room, 500, unit="session"))
    priced = pricing.quote(
        db,
        member_id=lab["jean"],
        space_id=room,
        start=at(MONDAY, 10),
        end=at(MONDAY, 12),
        headcount=3,
    )
    (line,) = priced.lines
    assert (line.kind, line.label, line.quantity_text, line.charged_cents) == (
        "session",
        "Salle de réunion",
        "3 personnes",
        1500,
    )


def test_quote_for_a_walk_in_without_account_uses_the_public_price(db, operator, lab):
    priced = pricing.quote(
        db, member_id=None, machine_id=lab["laser"], start=at(MONDAY, 10), end=at(MONDAY, 11)
    )
    assert (priced.lines[0].rule_id, priced.charged_cents) == (lab["rule_all"], 2000)


def test_check_out_freezes_lines_quota_pack_and_stock(db, operator, lab):
    pack_id = packs.buy_pack(db, operator, lab["emilie"], lab["pack_type"], date(2026, 11, 2))
    preview = pricing.quote(
        db,
        member_id=lab["emilie"],
        machine_id=lab["laser"],
        start=at(MONDAY, 10),
        end=at(MONDAY, 12),
        consumables=[(lab["plywood"], 3000)],
    )
    usage_id = book_and_check_out(
        db, operator, lab, at(MONDAY, 10), at(MONDAY, 12), consumables=[(lab["plywood"], 3000)]
    )
    rows = pricing.usage_charges(db, usage_id)
    # what the check-out preview showed is what was frozen
    assert [
        (r.label, r.list_cents, r.reduction_cents, r.charged_cents, r.reasons) for r in rows
    ] == [
        (line.label, line.list_cents, line.reduction_cents, line.charged_cents, line.explanation)
        for line in preview.lines
    ]
    assert [(r.kind, r.label, r.quantity_text) for r in rows] == [
        ("time", "Découpeuse laser", "2 h (8 × 15 min)"),
        ("consumable", "Contreplaqué 3 mm", "3 plaques"),
    ]
    for r in rows:
        assert r.list_cents - r.reduction_cents == r.charged_cents
    # 2 h: 1 h free (quota) + 1 h from the pack → nothing to pay on the laser
    assert [r.charged_cents for r in rows] == [0, 1200]
    assert "1 h gratuite du mois" in rows[0].reasons
    with db.read() as s:
        uses = s.execute(select(QuotaUse.quota_id, QuotaUse.month, QuotaUse.minutes)).all()
        moves = s.execute(
            select(PackMovement.minutes, PackMovement.usage_id).where(
                PackMovement.usage_id.is_not(None)
            )
        ).all()
        stock = s.get(Consumable, lab["plywood"]).stock_milli
    assert uses == [(lab["quota"], date(2026, 11, 1), 60)]
    assert moves == [(-60, usage_id)]
    assert packs.member_packs(db, lab["emilie"], MONDAY)[0].minutes_left == 60
    assert stock == 7000
    assert [m.amount for m in packs.pack_movements(db, pack_id)] == [120, -60]


def test_second_usage_of_the_month_gets_fewer_free_minutes(db, operator, lab):
    first = book_and_check_out(db, operator, lab, at(MONDAY, 10), at(MONDAY, 10, 45))
    second = book_and_check_out(db, operator, lab, at(MONDAY, 14), at(MONDAY, 15))
    assert pricing.usage_charges(db, first)[0].charged_cents == 0  # 45 min free
    row = pricing.usage_charges(db, second)[0]
    # 15 min left free, 45 min at 10 €/h = 7,50 €, 50 % off
    assert row.charged_cents == 375
    assert "1 h gratuite du mois (reste 0 min)" in row.reasons
    # next month, the quota is whole again
    december = date(2026, 12, 7)
    third = insert_usage(db, lab, at(december, 10), 60)
    assert charge(db, operator, third).charged_cents == 0


def test_a_tariff_change_after_the_usage_leaves_its_charge_unchanged(db, operator, lab):
    usage_id = book_and_check_out(db, operator, lab, at(MONDAY, 10), at(MONDAY, 11), "jean")
    before = pricing.usage_charges(db, usage_id)
    assert before[0].charged_cents == 2000
    with db.write() as s:
        s.get(PriceRule, lab["rule_all"]).amount_cents = 9900
    assert pricing.usage_charges(db, usage_id) == before
    again = charge(db, operator, usage_id)  # idempotent: the frozen lines, nothing added
    assert again.charged_cents == 2000
    assert pricing.usage_charges(db, usage_id) == before
    # a new quote uses the new price
    quoted = pricing.quote(
        db, member_id=lab["jean"], machine_id=lab["laser"], start=at(MONDAY, 10), end=at(MONDAY, 11)
    )
    assert quoted.charged_cents == 9900


def test_usage_late_on_new_year_eve_utc_is_priced_with_the_local_new_year_rule(db, operator, lab):
    with db.write() as s:
        s.get(PriceRule, lab["rule_all"]).valid_to = date(2025, 12, 31)
    (rule_2026,) = add(
        db, rule("machine", lab["laser"], 3000, step_minutes=15, valid_from=date(2026, 1, 1))
    )
    # 23:30 UTC on 31 December 2025 = 0:30 on 1 January 2026 in Paris
    start = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)
    usage_id = insert_usage(db, lab, start, 60, member="jean")
    priced = charge(db, operator, usage_id)
    assert (priced.lines[0].rule_id, priced.charged_cents) == (rule_2026, 3000)
    # Émilie's quota of that usage counts for January 2026
    usage_id = insert_usage(db, lab, start, 30)
    charge(db, operator, usage_id)
    with db.read() as s:
        assert s.scalars(select(QuotaUse.month)).all() == [date(2026, 1, 1)]
    # re-pricing January 2026 finds both usages, priced with the 2026 rule
    january = pricing.price_period(db, date(2026, 1, 1), date(2026, 1, 31))
    assert (january.usages, january.charged_cents) == (2, 3000)
    assert pricing.price_period(db, date(2025, 12, 1), date(2025, 12, 31)).usages == 0
    # one minute before local midnight is still 2025
    late_2025 = datetime(2025, 12, 31, 22, 59, tzinfo=UTC)
    quoted = pricing.quote(
        db,
        member_id=lab["jean"],
        machine_id=lab["laser"],
        start=late_2025,
        end=late_2025 + timedelta(hours=1),
    )
    assert quoted.lines[0].rule_id == lab["rule_all"]


def test_stock_never_goes_below_zero(db, operator, lab):
    usage_id = insert_usage(db, lab, at(MONDAY, 10), 15, consumables=[(lab["plywood"], 12_000)])
    charge(db, operator, usage_id)
    with db.read() as s:
        assert s.get(Consumable, lab["plywood"]).stock_milli == 0


def test_missing_rule_is_priced_zero_and_flagged(db, operator, lab):
    with db.write() as s:
        for rule_id in (lab["rule_all"], lab["rule_job"]):
            s.delete(s.get(PriceRule, rule_id))
    usage_id = insert_usage(db, lab, at(MONDAY, 10), 60, member="jean")
    charge(db, operator, usage_id)
    (row,) = pricing.usage_charges(db, usage_id)
    assert (row.charged_cents, row.missing_rule, row.reasons) == (0, True, "aucun tarif en vigueur")


def test_price_period_equals_the_sum_of_usages_charged_one_by_one(db, operator, lab):
    packs.buy_pack(db, operator, lab["emilie"], lab["pack_type"], date(2026, 1, 5))
    # Jean becomes a member in March; members pay 15 €/h
    add(
        db,
        rule("machine", lab["laser"], 1500, step_minutes=15, membership="member"),
        Membership(
            member_id=lab["jean"],
            audience_id=lab["job"],
            start_date=date(2026, 3, 1),
            end_date=date(2026, 12, 31),
        ),
    )
    with db.write() as s:
        s.get(Consumable, lab["plywood"]).stock_milli = None
    ids = []
    day = date(2026, 1, 5)
    for i in range(24):
        member = ("emilie", "jean", None)[i % 3]
        start = at(day + timedelta(days=5 * i), 10)
        ids.append(
            insert_usage(
                db,
                lab,
                start,
                25 + 20 * (i % 5),
                member,
                [(lab["plywood"], 1000 * (i % 2))][:1] if i % 2 else (),
            )
        )
    for usage_id in ids:
        charge(db, operator, usage_id)
    charged = [row for usage_id in ids for row in pricing.usage_charges(db, usage_id)]
    period = pricing.price_period(db, date(2026, 1, 1), date(2026, 12, 31))
    assert period.usages == len(ids)
    assert period.list_cents == sum(r.list_cents for r in charged)
    assert period.reduction_cents == sum(r.reduction_cents for r in charged)
    assert period.charged_cents == sum(r.charged_cents for r in charged)
    assert period.missing_rule == 0
    assert sum(v[2] for v in period.by_audience.values()) == period.charged_cents
    assert set(period.by_audience) == {lab["job"], None}
    # the quota, the pack and the member price really played a part
    assert period.reduction_cents > 0
    with db.read() as s:
        assert s.scalars(select(QuotaUse.id)).first() is not None
    # a period without usages
    empty = pricing.price_period(db, date(2019, 1, 1), date(2019, 12, 31))
    assert (empty.usages, empty.charged_cents, empty.by_audience) == (0, 0, {})


def test_past_usages_charged_in_bulk_like_check_out_would(db, operator, lab):
    """The demo (or an import of past activity) freezes every usage at once: the same
    lines as re-pricing the period (itself equal to charging one by one, see above), the
    quota and pack minutes written, and never twice."""
    packs.buy_pack(db, operator, lab["emilie"], lab["pack_type"], date(2026, 1, 5))
    with db.write() as s:
        s.get(Consumable, lab["plywood"]).stock_milli = None
    ids = []
    day = date(2026, 1, 5)
    for i in range(12):
        member = ("emilie", "jean", None)[i % 3]
        ids.append(insert_usage(db, lab, at(day + timedelta(days=3 * i), 10), 50, member, ()))
    with db.write() as s:
        assert (
            pricing.charge_uncharged_usages(s, date(2026, 1, 1), date(2026, 12, 31), operator) == 12
        )
    period = pricing.price_period(db, date(2026, 1, 1), date(2026, 12, 31))
    rows = [row for usage_id in ids for row in pricing.usage_charges(db, usage_id)]
    assert all(pricing.usage_charges(db, usage_id) for usage_id in ids)
    assert sum(r.charged_cents for r in rows) == period.charged_cents
    assert sum(r.reduction_cents for r in rows) == period.reduction_cents > 0
    with db.read() as s:
        quota_minutes = s.scalar(select(func.sum(QuotaUse.minutes)))
        pack_minutes = s.scalar(
            select(func.sum(PackMovement.minutes)).where(PackMovement.usage_id.is_not(None))
        )
    assert quota_minutes and quota_minutes > 0
    assert pack_minutes and pack_minutes < 0
    with db.write() as s:
        assert (
            pricing.charge_uncharged_usages(s, date(2026, 1, 1), date(2026, 12, 31), operator) == 0
        )
    assert [r.id for usage_id in ids for r in pricing.usage_charges(db, usage_id)] == [
        r.id for r in rows
    ]
