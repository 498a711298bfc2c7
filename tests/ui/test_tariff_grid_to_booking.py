"""The issue's walk-through: the manager edits a price in the Tarifs grid, the animator
sees it in the booking dialog; a booking before the change keeps the old price."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate

from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.services.park import machines
from tierslieu_desktop.services.people import audiences
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.pricing import tariffs
from tierslieu_desktop.services.scheduling.calendar import CalendarResource
from tierslieu_desktop.ui.pages.bookings.booking_dialog import BookingDialog
from tierslieu_desktop.ui.pages.settings.page import SettingsPage
from tierslieu_desktop.ui.pages.settings.tariffs import grid as grid_module

EURO = "\xa0€"
JAN = date(2026, 1, 1)
JULY = date(2026, 7, 1)


@pytest.fixture
def lab(db, operator):
    fablab = machines.save_space(db, operator, machines.SpaceInput(name="Fablab"))
    laser = machines.save_machine(
        db,
        operator,
        machines.MachineInput(name="Découpe laser", space_id=fablab),
        new_category="Laser",
    )
    public = audiences.save_audience(db, operator, "Grand public")
    member = save_member(
        db, operator, MemberInput(first_name="Jean", last_name="Lacoste", audience_id=public)
    )
    tariffs.set_price(
        db,
        operator,
        kind="machine",
        resource_id=laser,
        audience_id=None,
        membership="any",
        unit="hour",
        step_minutes=15,
        amount_cents=1500,
        from_day=JAN,
    )
    return {"laser": laser, "public": public, "member": member}


def booking_dialog(qtbot, ctx, lab, day: date) -> BookingDialog:
    dialog = BookingDialog(
        ctx,
        [CalendarResource("machine", lab["laser"], "Découpe laser")],
        resource_key=("machine", lab["laser"]),
        start=local_dt(day, 10 * 60),
        end=local_dt(day, 12 * 60),
        now_fn=lambda: datetime(2026, 1, 2, 7, 0, tzinfo=UTC),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText("lacoste")
    dialog.results.setCurrentRow(0)  # chosen
    assert dialog.selected_member() == lab["member"]
    return dialog


def test_a_price_edited_in_the_grid_is_the_one_the_booking_dialog_shows(
    qtbot, ctx, lab, monkeypatch
):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.tariffs)
    grid = page.tariffs.grid
    grid.set_day(JULY)
    assert grid.select_cell("machine", lab["laser"], None)

    def fill_and_save(dialog):  # type: ignore[no-untyped-def]
        dialog.amount.setText("18")
        dialog.from_day.setDate(QDate(2026, 7, 1))
        dialog._on_save()
        return dialog.result()

    monkeypatch.setattr(grid_module.PriceDialog, "exec", fill_and_save)
    grid.edit_current()
    assert grid.model.index_of("machine", lab["laser"], None).data() == f"18,00{EURO}/h"

    # Two hours in September: the new price; two hours in June: still the old one.
    september = booking_dialog(qtbot, ctx, lab, date(2026, 9, 14))
    assert september.price.plain_text().startswith(f"36,00{EURO}")
    june = booking_dialog(qtbot, ctx, lab, date(2026, 6, 15))
    assert june.price.plain_text().startswith(f"30,00{EURO}")
