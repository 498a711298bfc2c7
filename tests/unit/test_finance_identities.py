"""Properties of the balance's arithmetic: spreading never loses or creates a cent, the
local-day grouping agrees with the time zone database, the balance identities hold for
any mix of invoices, credit notes, grants and expenses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.calendar import PARIS
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.finance import expenses as expense_service
from tierslieu_desktop.services.finance import funding as fin

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))
amounts = st.integers(min_value=-(10**9), max_value=10**9)


@given(amounts, days, st.integers(0, 2000), days, st.integers(0, 800), st.integers(0, 800))
def test_spreading_by_day_is_additive_and_exact(total, start, length, first, cut, rest):
    end = start + timedelta(days=length)
    middle = first + timedelta(days=cut)
    last = middle + timedelta(days=rest + 1)
    whole = rules.spread_by_day(total, start, end, date(1990, 1, 1), date(2100, 1, 1))
    assert sum(whole.values()) == total
    left = rules.spread_by_day(total, start, end, first, middle)
    right = rules.spread_by_day(total, start, end, middle + timedelta(days=1), last)
    both = rules.spread_by_day(total, start, end, first, last)
    assert sum(left.values()) + sum(right.values()) == sum(both.values())
    for month in both:
        assert left.get(month, 0) + right.get(month, 0) == both[month]  # the months add up too


@given(amounts, st.integers(2020, 2030))
def test_a_year_in_twelve_shares(total, year):
    shares = rules.spread_over_year_months(total, year, date(year, 1, 1), date(year, 12, 31))
    assert sum(shares.values()) == total
    assert max(shares.values(), default=0) - min(shares.values(), default=0) <= 1


@given(st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2033, 12, 31)))
def test_summer_time_windows_agree_with_the_time_zone_database(naive):
    instant = naive.replace(tzinfo=UTC)
    windows = balance_service._summer_windows(instant.year, instant.year)
    summer = any(lo <= instant < hi for lo, hi in windows)
    assert instant.astimezone(PARIS).utcoffset() == timedelta(hours=2 if summer else 1)


@given(st.integers(0, 10**7), st.integers(0, 10**7))
def test_ratios_in_basis_points(num, den):
    bp = rules.ratio_bp(num, den)
    if den == 0:
        assert bp is None
    else:
        assert abs(bp - num * 10000 / den) <= 0.5


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(
            st.sampled_from(("operating", "investment", "donation")),
            st.sampled_from(("public", "private")),
            st.integers(1, 10**7),
            days,
            st.integers(0, 900),
        ),
        max_size=6,
    ),
    st.lists(st.tuples(days, st.integers(0, 10**6)), max_size=6),
    days,
    st.integers(0, 700),
)
def test_balance_identities_for_any_grants_and_expenses(
    tmp_path_factory, grants, expenses, first, length
):
    from tierslieu_desktop.db.engine import open_database

    db = open_database(str(tmp_path_factory.mktemp("fin") / "db.sqlite"))
    try:
        pub = fin.save_funder(db, None, name="Région", sector="public", level="region")
        priv = fin.save_funder(db, None, name="Fondation", sector="private", level="foundation")
        for nature, sector, amount, start, length_days in grants:
            fin.save_grant(
                db,
                None,
                funder_id=pub if sector == "public" else priv,
                purpose="Projet",
                nature=nature,
                period_start=start,
                period_end=start + timedelta(days=length_days),
                requested_cents=amount,
                granted_cents=amount,
                granted_on=start,
            )
        for day, amount in expenses:
            expense_service.save_expense(
                db, None, day=day, category="other", activity="general", amount_cents=amount
            )
        last = first + timedelta(days=length)
        b = balance_service.balance(db, first, last)
        assert b.own_cents + b.public_cents + b.private_cents == b.total_revenue_cents
        assert sum(m.public_cents for m in b.months) == b.public_cents
        assert sum(m.private_cents for m in b.months) == b.private_cents
        assert sum(m.costs_cents for m in b.months) == b.costs_cents
        assert b.costs_cents == sum(a for d, a in expenses if first <= d <= last)
        for key, value in (("public", b.public_cents), ("private", b.private_cents)):
            assert (
                sum(r.amount_cents for r in balance_service.details(db, key, first, last)) == value
            )
        # the balance of two halves adds up to the whole
        middle = first + timedelta(days=length // 2)
        if middle < last:
            a = balance_service.balance(db, first, middle)
            c = balance_service.balance(db, middle + timedelta(days=1), last)
            assert a.public_cents + c.public_cents == b.public_cents
            assert a.private_cents + c.private_cents == b.private_cents
    finally:
        db.dispose()
