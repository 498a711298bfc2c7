"""Accueil warns when a followed consumable is at or under its low-stock threshold."""

from __future__ import annotations

from datetime import UTC, datetime

from tierslieu_desktop.services.pricing import catalogue
from tierslieu_desktop.services.scheduling import usages
from tierslieu_desktop.ui.pages.home import HomePage


def test_low_stock_is_announced_on_the_home_page(qtbot, ctx, db, operator):
    petg = usages.save_consumable(db, operator, "Filament PETG", "gram")
    plywood = usages.save_consumable(db, operator, "Contreplaqué 3 mm", "sheet")
    usages.save_consumable(db, operator, "Vinyle", "metre")  # stock not followed
    catalogue.set_consumable_stock(db, operator, petg, 150_500, 500_000)
    catalogue.set_consumable_stock(db, operator, plywood, 12_000, 5_000)
    page = HomePage(ctx, now_fn=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.low_stock.isVisible()
    assert page.low_stock.text() == "⚠ Stock bas : Filament PETG (150,5 g)"

    catalogue.set_consumable_stock(db, operator, petg, 2_000_000, 500_000)  # restocked
    ctx.notify("consumable", [petg])
    assert not page.low_stock.isVisible()
