"""The demo's today as the desk would have left it: opened in the afternoon, the morning's
bookings are checked out with their usages, the one under way checked in, none late."""

from __future__ import annotations

from datetime import timedelta

import pytest
from shared_demo import small_demo_copy

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.demo.common import REFERENCE_DATE
from tierslieu_desktop.demo.today import settle_today
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.people.operators import ensure_operator
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.services.scheduling.usages import today_overview


@pytest.fixture
def demo(tmp_path):
    db = open_database(str(small_demo_copy(tmp_path / "demo.sqlite")))
    yield db
    db.dispose()


def test_the_afternoon_desk_shows_the_morning_done_and_nobody_late(demo):
    day = REFERENCE_DATE + timedelta(days=2)  # a Tuesday of the booked weeks
    now = local_dt(day, 15 * 60 + 20)
    before = today_overview(demo, day, now)
    assert before.late_arrivals > 0 and before.present == 0  # what the issue saw

    present, done = settle_today(demo, ensure_operator(demo), now, seed=1)
    after = today_overview(demo, day, now)
    assert after.late_arrivals == 0 and after.late_to_check_out == 0
    assert (after.present, after.done) == (present, before.done + done)
    assert done > 0
    assert after.expected == len([r for r in after.rows if r.booking.start_at >= now])
    # every booking over has its usage, inside its day and before now
    for row in after.rows:
        if row.booking.status == "done":
            usage = usages.usage_of_booking(demo, row.booking.id)
            assert usage is not None and usage.end_at <= now
