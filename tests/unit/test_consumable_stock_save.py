"""Paramètres › Consommables saves a consumable's name, unit and stock as one action:
a stock refused saves no name, and a stock another desk changed meanwhile (a usage
consumed filament, someone restocked) is refused with its current value — never
overwritten by the number the form showed."""

from __future__ import annotations

import pytest

from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.pricing import catalogue
from tierslieu_desktop.services.scheduling import usages


def _stock(db, consumable_id: int) -> tuple[int | None, int | None] | None:
    for row in catalogue.stock_levels(db):
        if row.consumable_id == consumable_id:
            return row.stock_milli, row.low_stock_milli
    return None


def test_name_and_stock_saved_together(db, operator):
    pla = usages.save_consumable(db, operator, "Filament PLA", "gram", stock=(1_000_000, 200_000))
    assert _stock(db, pla) == (1_000_000, 200_000)
    row = next(c for c in usages.list_consumables(db) if c.id == pla)
    usages.save_consumable(
        db, operator, "PLA noir", "gram", pla, expected_version=row.version, stock=(None, None)
    )
    assert _stock(db, pla) is None  # no longer followed
    assert [c.name for c in usages.list_consumables(db)] == ["PLA noir"]


def test_a_refused_stock_saves_no_name(db, operator):
    pla = usages.save_consumable(db, operator, "Filament PLA", "gram", stock=(500_000, None))
    row = next(c for c in usages.list_consumables(db) if c.id == pla)
    with pytest.raises(ValidationError) as err:
        usages.save_consumable(
            db, operator, "PLA noir", "gram", pla, expected_version=row.version, stock=(-1, None)
        )
    assert "stock_milli" in err.value.fields
    assert [c.name for c in usages.list_consumables(db)] == ["Filament PLA"]
    assert _stock(db, pla) == (500_000, None)


def test_a_stock_changed_on_another_desk_is_refused_not_overwritten(db, operator):
    pla = usages.save_consumable(db, operator, "Filament PLA", "gram", stock=(1_000_000, None))
    shown = next(c for c in usages.list_consumables(db) if c.id == pla)
    # the other desk restocks after this form was filled
    catalogue.set_consumable_stock(db, operator, pla, 3_000_000, None)
    with pytest.raises(DomainError) as err:
        usages.save_consumable(
            db,
            operator,
            "Filament PLA 1,75",
            "gram",
            pla,
            expected_version=shown.version,
            stock=(1_000_000, 100_000),
        )
    assert err.value.code == "stale_record"
    assert ("stock_milli", 3_000_000) in [tuple(p) for p in err.value.params["changes"]]
    assert _stock(db, pla) == (3_000_000, None)
    assert [c.name for c in usages.list_consumables(db)] == ["Filament PLA"]
