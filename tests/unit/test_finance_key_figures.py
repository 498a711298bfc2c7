"""The Finances page's comparison with the year before reads only the six key figures
(``balance.key_figures``): they must equal the full balance's, whatever the period."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.shared_demo import small_demo_copy
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.finance import own_revenue


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = open_database(str(small_demo_copy(tmp_path_factory.mktemp("kf") / "demo.sqlite")))
    yield db
    db.dispose()


def _periods(db) -> list[tuple[date, date]]:
    with db.read() as s:
        start = own_revenue.invoicing_start(s)
    today = lab_today()
    periods = [(date(y, 1, 1), date(y, 12, 31)) for y in range(today.year - 3, today.year + 1)]
    periods += [
        (date(today.year, 4, 1), date(today.year, 6, 30)),
        (date(today.year - 2, 3, 15), today),
    ]
    if start is not None:  # a period across the invoicing start (both rules at once)
        periods.append((start - timedelta(days=45), start + timedelta(days=45)))
    return periods


def test_key_figures_equal_the_full_balance_for_every_period(demo_db):
    seen_nonzero = set()
    for first, last in _periods(demo_db):
        full = balance_service.balance(demo_db, first, last)
        light = balance_service.key_figures(demo_db, first, last)
        assert light == balance_service.key_figures_of(full), (first, last)
        seen_nonzero |= {
            k for k, v in vars(light).items() if v and k not in ("first_day", "last_day")
        }
    # the demo exercises every figure (a comparison of zeros would prove nothing)
    assert seen_nonzero == {
        "self_financing_bp",
        "collectivity_share_bp",
        "result_cents",
        "total_revenue_cents",
        "costs_cents",
        "reduced_access_cents",
    }
