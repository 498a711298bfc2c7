"""The tariff grid edits a cell (a key on a day), not a row (issue 20 point 4):
``set_price`` is given the rule the grid showed in force on its day — ``(id, version)``,
or None for an empty cell — and refuses the edit when that cell changed on another
desk since: its price changed, closed, removed, or one created. Nothing is written and
the refusal names the fresh price and who set it. Runs on both engines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.park import machines
from tierslieu_desktop.services.people.operators import create_operator
from tierslieu_desktop.services.pricing import tariffs

DAY = date(2026, 3, 2)


@pytest.fixture
def laser(db, operator) -> int:
    space = machines.save_space(db, operator, machines.SpaceInput(name="Fablab"))
    return machines.save_machine(
        db, operator, machines.MachineInput(name="Trotec", space_id=space), new_category="Laser"
    )


@pytest.fixture
def other(db):
    desk = open_database(db.target)
    yield desk, create_operator(desk, "Cyber-base")
    desk.dispose()


def _set(db, op, machine, amount, *, from_day=DAY, shown=None, check=True):
    return tariffs.set_price(
        db,
        op,
        kind="machine",
        resource_id=machine,
        audience_id=None,
        membership="any",
        unit="hour",
        step_minutes=15,
        amount_cents=amount,
        from_day=from_day,
        shown_on=DAY if check else None,
        shown_rule=shown,
    )


def _cell(db, machine):
    return tariffs.tariff_grid(db, DAY).cells.get(("machine", machine, None))


def _prices(db, machine) -> list[tuple[int, date, date | None]]:
    rows = tariffs.rule_history(db, "machine", machine, None, "any")
    return [(r.amount_cents, r.valid_from, r.valid_to) for r in rows]


@pytest.mark.parametrize(
    "elsewhere, fresh_amount",
    [
        ("changed", 2000),
        ("closed", None),
        ("removed", None),
        ("created", 2000),
    ],
)
def test_a_cell_changed_on_another_desk_since_the_grid_was_read_is_refused(
    db, operator, laser, other, elsewhere, fresh_amount
):
    if elsewhere != "created":  # a price since ten days before the grid's day
        _set(db, operator, laser, 1500, from_day=DAY - timedelta(days=10), check=False)
    shown = _cell(db, laser)
    desk, someone = other
    if elsewhere in ("changed", "created"):
        _set(desk, someone, laser, 2000, check=False)
    elif elsewhere == "closed":  # ended the day before the grid's day
        _set(desk, someone, laser, None, check=False)
    else:
        assert shown is not None
        tariffs.delete_rule(desk, someone, shown.rule_id)
    before = _prices(db, laser)

    with pytest.raises(DomainError) as refused:
        _set(db, operator, laser, 1800, shown=shown.shown if shown else None)

    err = refused.value
    assert err.code == "stale_record"
    assert ("amount_cents", fresh_amount) in err.params["changes"]
    if elsewhere != "removed":  # a removed row names no one: it is gone
        assert err.params["by"] == "Cyber-base"
    assert _prices(db, laser) == before  # nothing written

    fresh = _cell(db, laser)  # the grid read again: the edit goes through
    _set(db, operator, laser, 1800, shown=fresh.shown if fresh else None)
    assert _cell(db, laser).amount_cents == 1800


def test_a_cell_unchanged_elsewhere_is_saved_and_the_csv_import_checks_nothing(db, operator, laser):
    assert _set(db, operator, laser, 1500, shown=None) is not None  # was empty: still empty
    shown = _cell(db, laser)
    _set(db, operator, laser, 1600, shown=shown.shown)
    assert _cell(db, laser).amount_cents == 1600
    # without shown_on (the CSV import, scripts) nothing is compared
    _set(db, operator, laser, 1700, shown=shown.shown, check=False)
    assert _cell(db, laser).amount_cents == 1700
