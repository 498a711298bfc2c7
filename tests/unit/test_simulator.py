"""Tariff simulator: the real usages of a period re-priced with a what-if copy of the
tariffs, side by side with the real revenue, without writing anything."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest

from tierslieu_desktop.db.models import (
    Audience,
    Consumable,
    Machine,
    MachineCategory,
    Member,
    PriceRule,
    Space,
    Usage,
    UsageConsumable,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import NotFound, ValidationError
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.finance import expenses
from tierslieu_desktop.services.finance.simulator import Scenario, simulate
from tierslieu_desktop.services.pricing import engine as pricing

FIRST, LAST = date(2025, 1, 1), date(2025, 12, 31)


def at(day: date, hh: int) -> object:
    return local_dt(day, hh * 60)


@pytest.fixture
def lab(db):
    """A laser (20 €/h for everyone, 30 €/h for companies, per quarter hour), a 3D
    printer priced by its category (5 €/h), plywood 4 € a sheet. Usages in 2025:
    ACME (Entreprises) 2 × 1 h of laser = 60 €; Paul (Particuliers) 1 h 30 of laser = 30 €
    and 30 min of laser with 2 sheets = 10 € + 8 €; a walk-in 2 h of printer = 10 €."""
    ids = {}
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        laser_cat = MachineCategory(name="Découpe laser")
        printing = MachineCategory(name="Impression 3D")
        companies = Audience(name="Entreprises")
        people = Audience(name="Particuliers")
        s.add_all([fablab, laser_cat, printing, companies, people])
        s.flush()
        laser = Machine(name="Découpeuse laser", category=laser_cat, space=fablab)
        printer = Machine(name="Imprimante 3D", category=printing, space=fablab)
        plywood = Consumable(name="Contreplaqué 3 mm", unit="sheet")
        acme = Member(number="A1", first_name="", last_name="ACME", audience_id=companies.id)
        paul = Member(number="A2", first_name="Paul", last_name="Martin", audience_id=people.id)
        s.add_all([laser, printer, plywood, acme, paul])
        s.flush()
        ids.update(
            laser=laser.id,
            printer=printer.id,
            printing=printing.id,
            laser_cat=laser_cat.id,
            plywood=plywood.id,
            companies=companies.id,
            people=people.id,
        )
        rules = [
            PriceRule(
                machine_id=laser.id,
                unit="hour",
                amount_cents=2000,
                step_minutes=15,
                valid_from=date(2020, 1, 1),
            ),
            PriceRule(
                machine_id=laser.id,
                audience_id=companies.id,
                unit="hour",
                amount_cents=3000,
                step_minutes=15,
                valid_from=date(2020, 1, 1),
            ),
            PriceRule(
                category_id=printing.id, unit="hour", amount_cents=500, valid_from=date(2020, 1, 1)
            ),
            PriceRule(
                consumable_id=plywood.id,
                unit="consumable",
                amount_cents=400,
                valid_from=date(2020, 1, 1),
            ),
        ]
        s.add_all(rules)
        s.flush()
        ids["rule_companies"] = rules[1].id

        def usage(machine, member, day, hh, minutes):
            u = Usage(
                machine_id=machine.id,
                member_id=member.id if member else None,
                start_at=at(day, hh),
                end_at=at(day, hh) + timedelta(minutes=minutes),
                minutes=minutes,
            )
            s.add(u)
            s.flush()
            return u

        usage(laser, acme, date(2025, 3, 3), 10, 60)
        usage(laser, acme, date(2025, 6, 2), 10, 60)
        usage(laser, paul, date(2025, 4, 7), 14, 90)
        u = usage(laser, paul, date(2025, 9, 8), 14, 30)
        s.add(UsageConsumable(usage_id=u.id, consumable_id=plywood.id, quantity_milli=2000))
        usage(printer, None, date(2025, 10, 6), 9, 120)
        usage(laser, acme, date(2024, 12, 2), 10, 60)  # outside the period
    return ids


def test_an_empty_scenario_reproduces_the_real_revenue_to_the_cent(db, lab):
    result = simulate(db, FIRST, LAST, Scenario())
    real = pricing.price_period(db, FIRST, LAST)
    assert result.usages == real.usages == 5
    assert result.real_cents == result.simulated_cents == real.charged_cents == 11800
    assert result.real_list_cents == result.simulated_list_cents == real.list_cents
    assert result.by_audience == {
        "Entreprises": (6000, 6000),
        "Particuliers": (4800, 4800),
        "": (1000, 1000),
    }


def test_five_euros_more_an_hour_of_laser_for_companies(db, lab):
    result = simulate(db, FIRST, LAST, Scenario(rule_overrides={lab["rule_companies"]: 3500}))
    assert result.real_cents == 11800
    assert result.simulated_cents == 12800  # 2 h at +5 €
    assert result.difference_cents == 1000
    assert result.by_audience["Entreprises"] == (6000, 7000)
    assert result.by_audience["Particuliers"] == (4800, 4800)


def test_a_percentage_for_one_public_changes_only_what_it_pays(db, lab):
    result = simulate(db, FIRST, LAST, Scenario(percent_by_audience={lab["people"]: 1000}))
    assert result.by_audience["Particuliers"] == (4800, 5280)  # 30 + 10 + 8 € → +10 %
    assert result.by_audience["Entreprises"] == (6000, 6000)
    assert result.simulated_cents == 12280
    walk_in = simulate(db, FIRST, LAST, Scenario(percent_by_audience={None: -5000}))
    assert walk_in.by_audience[""] == (1000, 500)


def test_percentages_by_resource_machine_category_and_consumable(db, lab):
    # the printer is priced by its category rule: its own percentage still applies
    printer = simulate(
        db, FIRST, LAST, Scenario(percent_by_resource={("machine", lab["printer"]): 2000})
    )
    assert printer.simulated_cents - printer.real_cents == 200
    # the laser category: laser time only (102 €), not the plywood sheets
    category = Scenario(percent_by_resource={("category", lab["laser_cat"]): 1000})
    assert simulate(db, FIRST, LAST, category).simulated_cents == 11800 + 1000
    # the machine's own percentage wins over its category's
    both = Scenario(
        percent_by_resource={("category", lab["laser_cat"]): 1000, ("machine", lab["laser"]): 0}
    )
    assert simulate(db, FIRST, LAST, both).simulated_cents == 11800 + 1000
    both = Scenario(
        percent_by_resource={("category", lab["laser_cat"]): 1000, ("machine", lab["laser"]): -1000}
    )
    assert simulate(db, FIRST, LAST, both).simulated_cents == 11800 - 1000
    plywood = Scenario(percent_by_resource={("consumable", lab["plywood"]): 2500})
    assert simulate(db, FIRST, LAST, plywood).simulated_cents == 11800 + 200
    # a public's and a resource's percentages compound
    combined = Scenario(
        percent_by_audience={lab["companies"]: 1000},
        percent_by_resource={("machine", lab["laser"]): 1000},
    )
    assert simulate(db, FIRST, LAST, combined).by_audience["Entreprises"] == (6000, 7260)


def _fingerprint(path: Path) -> list[str]:
    return [
        hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-"
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal"))
    ]


@pytest.mark.sqlite_only(reason="compares the SQLite file and its -wal byte for byte")
def test_a_simulation_writes_nothing(db, lab, tmp_path):
    path = tmp_path / "test.sqlite"
    before = _fingerprint(path)
    simulate(
        db,
        FIRST,
        LAST,
        Scenario(
            percent_by_audience={lab["people"]: 500},
            percent_by_resource={("machine", lab["laser"]): -2000},
            rule_overrides={lab["rule_companies"]: 100},
        ),
    )
    assert _fingerprint(path) == before
    assert pricing.price_period(db, FIRST, LAST).charged_cents == 11800


def test_bad_scenarios_are_refused(db, lab):
    with pytest.raises(ValidationError) as err:
        simulate(db, FIRST, LAST, Scenario(percent_by_audience={lab["people"]: -10001}))
    assert err.value.fields == {"percent": "percent_too_low"}
    with pytest.raises(ValidationError) as err:
        simulate(db, FIRST, LAST, Scenario(rule_overrides={lab["rule_companies"]: -1}))
    assert err.value.fields == {"amount": "amount_negative"}
    with pytest.raises(NotFound):
        simulate(db, FIRST, LAST, Scenario(rule_overrides={999_999: 100}))
    # -100 % is allowed: free
    free = simulate(db, FIRST, LAST, Scenario(percent_by_audience={lab["companies"]: -10000}))
    assert free.by_audience["Entreprises"] == (6000, 0)


def test_self_financing_ratio_before_and_after(db, operator, lab):
    no_costs = simulate(db, FIRST, LAST, Scenario(rule_overrides={lab["rule_companies"]: 3500}))
    assert no_costs.real_self_financing_bp is None
    assert no_costs.simulated_self_financing_bp is None
    expenses.save_expense(
        db, operator, day=date(2025, 5, 5), category="rent", activity="general", amount_cents=20000
    )
    result = simulate(db, FIRST, LAST, Scenario(rule_overrides={lab["rule_companies"]: 3500}))
    figures = balance_service.balance(db, FIRST, LAST)
    assert figures.costs_cents == 20000
    assert result.real_self_financing_bp == figures.self_financing_bp
    # +10 € of own revenue over 200 € of costs: +5 points
    assert result.simulated_self_financing_bp == result.real_self_financing_bp + 500
