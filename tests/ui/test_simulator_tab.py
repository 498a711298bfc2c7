"""Finances › Simulateur: a scenario typed in the editor, run, read in the result table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from tierslieu_desktop.db.models import (
    Audience,
    Machine,
    MachineCategory,
    Member,
    PriceRule,
    Space,
    Usage,
)
from tierslieu_desktop.domain.calendar import lab_today, local_dt
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.ui.pages.finances.simulator_tab import SimulatorTab, parse_percent

YEAR = lab_today().year - 1  # the tab's default period


@pytest.fixture
def lab(db):
    """Laser 20 €/h for everyone, 30 €/h for companies; last year ACME (Entreprises) used
    it 2 × 1 h (60 €) and Paul (no public) 1 h (20 €)."""
    with db.write() as s:
        fablab = Space(name="Fablab", kind="fablab")
        cat = MachineCategory(name="Découpe laser")
        companies = Audience(name="Entreprises")
        s.add_all([fablab, cat, companies])
        s.flush()
        laser = Machine(name="Découpeuse laser", category=cat, space=fablab)
        acme = Member(number="A1", first_name="", last_name="ACME", audience_id=companies.id)
        paul = Member(number="A2", first_name="Paul", last_name="Martin")
        s.add_all([laser, acme, paul])
        s.flush()
        for audience_id, amount in ((None, 2000), (companies.id, 3000)):
            s.add(
                PriceRule(
                    machine_id=laser.id,
                    audience_id=audience_id,
                    unit="hour",
                    amount_cents=amount,
                    valid_from=date(2020, 1, 1),
                )
            )
        for member, month in ((acme, 3), (acme, 6), (paul, 9)):
            start = local_dt(date(YEAR, month, 10), 600)
            s.add(
                Usage(
                    machine_id=laser.id,
                    member_id=member.id,
                    start_at=start,
                    end_at=start + timedelta(hours=1),
                    minutes=60,
                )
            )
        return {"companies": companies.id}


def result_rows(tab: SimulatorTab) -> dict[str, list[str]]:
    table = tab.result_table
    return {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)]
        for r in range(table.rowCount())
    }


def test_five_euros_more_per_hour_of_laser_for_companies(qtbot, ctx, lab):
    tab = SimulatorTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.period() == (date(YEAR, 1, 1), date(YEAR, 12, 31))
    row = tab.rule_row("Découpeuse laser", "Entreprises")
    assert row >= 0
    assert tab.rule_table.item(row, 2).text().startswith(formatting.money(3000))
    tab.rule_table.item(row, 3).setText("35")
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)

    rows = result_rows(tab)
    assert rows["Entreprises"] == [
        formatting.money(6000),
        formatting.money(7000),
        "+" + formatting.money(1000),
    ]
    no_public = [name for name in rows if name not in ("Entreprises", "Total")]
    assert len(no_public) == 1 and rows[no_public[0]][2] == formatting.money(0)
    assert rows["Total"] == [
        formatting.money(8000),
        formatting.money(9000),
        "+" + formatting.money(1000),
    ]
    assert "+" + formatting.money(1000) in tab.summary.text()
    assert tab.series.count() == 2  # real and simulated bars
    simulated = tab.series.barSets()[1]
    assert [simulated.at(i) for i in range(simulated.count())] == [70.0, 20.0]


def test_a_percentage_for_a_public_and_a_bad_cell(qtbot, ctx, lab):
    tab = SimulatorTab(ctx)
    qtbot.addWidget(tab)
    tab.show()  # the publics and rules are read when the tab is first shown
    row = tab.audience_keys.index(lab["companies"])
    tab.audience_table.item(row, 1).setText("dix")
    tab.run()
    assert tab.result is None
    assert tab.message.text()  # the bad cell is explained
    tab.audience_table.item(row, 1).setText("-10")
    tab.run()
    assert tab.message.text() == ""
    assert tab.result is not None and tab.result.simulated_cents == 8000 - 600
    assert parse_percent("+2,5 %") == 250
