"""The small demo's economics are those of a rural lab a treasurer believes (issue 16,
point 5), measured as the Finances page measures them (services.finance.balance); and the
cyber-base's Pass numérique vouchers count in own revenue as the journal posts them."""

from __future__ import annotations

from datetime import date

import pytest
from shared_demo import small_demo_copy

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.finance import DROP_IN_REVENUE
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.finance.journal.vouchers import drop_in_voucher_entries

YEARS = (2024, 2025, 2026)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo_economics") / "demo.sqlite"
    small_demo_copy(path)
    db = open_database(str(path), create=False)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def balances(demo):
    return balance_service.balance_by_year(demo, YEARS)


@pytest.mark.parametrize("year", YEARS)
def test_own_revenue_is_a_quarter_to_two_fifths_of_the_products(balances, year):
    b = balances[year]
    share = b.own_cents / b.total_revenue_cents
    assert 0.25 <= share <= 0.40, (year, share)
    assert b.self_financing_bp is not None and b.self_financing_bp < 10_000  # not 120 %


@pytest.mark.parametrize("year", YEARS)
def test_the_communaute_de_communes_is_the_largest_funder(balances, year):
    b = balances[year]
    levels = {**b.private_by_level}
    for level, cents in b.public_by_level.items():
        levels[level] = levels.get(level, 0) + cents
    assert max(levels, key=lambda k: levels[k]) == "epci"


@pytest.mark.parametrize("year", YEARS)
def test_the_fablab_machines_recover_a_fraction_of_their_cost(balances, year):
    fab = [m for m in balances[year].machines if not m.name.startswith("Poste ")]
    revenue = sum(m.revenue_cents for m in fab)
    cost = sum(m.cost_cents for m in fab)
    assert 0 < revenue < cost


def test_three_years_of_seasons_behind_the_trends(balances):
    """Own revenue and machine use in every month of the history (2025 no longer starts
    in November), with a summer dip each year."""
    for year in YEARS:
        months = balances[year].months
        past = [m for m in months if m.month < date(2026, 11, 1)]
        assert all(m.own_cents > 0 for m in past), year
        august = months[7].own_cents
        term = [months[i].own_cents for i in (0, 1, 2, 3, 4, 8, 9)]  # school-term months
        assert august < sum(term) / len(term), year
        assert sum(m.minutes for m in balances[year].machines) > 0
    growth = [balances[y].own_cents for y in (2024, 2025)]
    assert growth[0] < growth[1] < 2 * growth[0]  # a trend, not a jump


@pytest.mark.parametrize("year", (2025, 2026))
def test_cyber_base_vouchers_count_in_own_revenue_as_the_journal_posts_them(demo, balances, year):
    b = balances[year]
    with demo.read() as s:
        credited = sum(
            line.credit_cents
            for entry in drop_in_voucher_entries(s, date(year, 1, 1), date(year, 12, 31))
            for line in entry.lines
            if line.account == DROP_IN_REVENUE
        )
    assert credited > 0
    assert b.drop_in_vouchers_cents == credited
    # counted once: neither invoiced by the software nor billed before it
    assert b.own_cents == b.invoiced_cents + b.pre_software_cents + credited
    rows = balance_service.details(demo, "own:services", date(year, 1, 1), date(year, 12, 31))
    assert sum(r.amount_cents for r in rows if r.source == "drop_in") == credited
